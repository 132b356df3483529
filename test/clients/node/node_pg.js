// test/clients/node/node_pg.js: the extension through node-postgres, npm `pg`
// (test/t/062_driver_node_pg.pl), what Node backends use.
//
// Parameters are bound on the server ($n); a Buffer parameter is sent in binary
// (the server reads it with the type's recv).  So every type goes out and back as
// text, and in as binary and back as the bytea of its send function.  Results in
// binary (`binary: true`) are not usable in pg 8.x: the driver decodes every
// binary field as UTF-8 and back, which mangles bytes >= 0x80 (node-postgres
// issue #3495), and rowMode 'array' hands the raw string to the binary parsers;
// the client only notes how many values survive that path.
// Output format: see test/clients/DriverTest.pm.
'use strict';
const fs = require('fs');
const pg = require('pg');

const cases = JSON.parse(fs.readFileSync(process.env.INTERACTION_DRIVER_CASES, 'utf8'));
console.log(`driver node-postgres ${require('pg/package.json').version} (node ${process.version})`);

function check(ok, what, why) {
	console.log((ok ? 'ok - ' : 'not ok - ') + what + (ok ? '' : ': ' + JSON.stringify(why)));
}

const rowsText = (rows) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join('|')).join(';');

async function main() {
	const client = new pg.Client();
	await client.connect();
	const v = await client.query('SHOW server_version');
	console.log(`server ${v.rows[0].server_version}`);

	for (const kpi of cases.kpis) {
		const text = rowsText((await client.query({ text: kpi.sql, values: kpi.params, rowMode: 'array' })).rows);
		console.log(`kpi ${kpi.name}: ${text}`);
	}

	for (const typname of Object.keys(cases.types).sort()) {
		const t = cases.types[typname];
		const n = t.literals.length;
		let bad = [];
		for (let i = 0; i < n; i++) {
			const got = (await client.query({ text: `SELECT $1::${typname}`, values: [t.literals[i]], rowMode: 'array' })).rows[0][0];
			const back = (await client.query({ text: `SELECT $1::${typname}::text`, values: [got], rowMode: 'array' })).rows[0][0];
			if (got !== t.texts[i] || back !== t.texts[i])
				bad.push([t.literals[i], got, back, t.texts[i]]);
		}
		check(bad.length === 0, `text round trip of ${typname} (${n} values)`, bad);

		bad = [];
		let intact = 0;
		for (let i = 0; i < n; i++) {
			const wire = Buffer.from(t.hex[i], 'hex');
			const r = (await client.query({
				text: `SELECT $1::${typname}::text, ${t.send}($1::${typname})`, values: [wire], rowMode: 'array',
			})).rows[0];
			if (r[0] !== t.texts[i] || !Buffer.isBuffer(r[1]) || !r[1].equals(wire))
				bad.push([t.literals[i], r[0], Buffer.isBuffer(r[1]) ? r[1].toString('hex') : r[1]]);
			const got = (await client.query({
				text: `SELECT $1::${typname} AS v`, values: [t.literals[i]], binary: true,
			})).rows[0].v;
			if (Buffer.isBuffer(got) && got.equals(wire))
				intact++;
		}
		check(bad.length === 0, `binary parameter round trip of ${typname} (${n} values)`, bad);
		console.log(`note - binary results of ${typname}: ${intact} of ${n} values intact through the driver (issue #3495)`);
	}
	await client.end();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
