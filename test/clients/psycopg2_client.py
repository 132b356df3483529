#!/usr/bin/python3
# test/clients/psycopg2_client.py: the extension through psycopg2
# (test/t/061_driver_psycopg2.pl), the driver of Superset and most Python BI stacks.
#
# psycopg2 speaks the text protocol: parameters are quoted into the statement on the
# client, results come back as text.  So every type goes out and back as text (and
# as an array of the type); its binary form is read as bytea of the type's send
# function; KPIs run with parameters, also through a server-side (named) cursor.
# Output format: see test/clients/DriverTest.pm.
import psycopg2

from driver_common import cases, check, named, placeholders, rows_text

print(f"driver psycopg2 {psycopg2.__version__} (libpq {psycopg2.extensions.libpq_version()})")

conn = psycopg2.connect("")
conn.autocommit = True
cur = conn.cursor()
cur.execute("SHOW server_version")
print(f"server {cur.fetchone()[0]}")

for kpi in cases["kpis"]:
    sql, params = placeholders(kpi["sql"]), named(kpi["params"])
    cur.execute(sql, params)
    text = rows_text(cur.fetchall())
    print(f"kpi {kpi['name']}: {text}")
    conn.autocommit = False
    with conn.cursor(name="kpi_cursor") as named_cur:
        named_cur.itersize = 2
        named_cur.execute(sql, params)
        streamed = rows_text(list(named_cur))
    conn.rollback()
    conn.autocommit = True
    check(streamed == text, f"KPI {kpi['name']}: a server-side cursor gives the same rows", f"{streamed} vs {text}")

for typname, t in sorted(cases["types"].items()):
    literals, texts = t["literals"], t["texts"]
    wire = [bytes.fromhex(h) for h in t["hex"]]
    n = len(literals)
    bad = []
    for lit, want in zip(literals, texts):
        cur.execute(f"SELECT %s::{typname}", [lit])
        got = cur.fetchone()[0]
        cur.execute(f"SELECT %s::{typname}::text", [got])
        back = cur.fetchone()[0]
        if got != want or back != want:
            bad.append(f"{lit!r}: got {got!r}, back {back!r}, want {want!r}")
    check(not bad, f"text round trip of {typname} ({n} values)", bad)

    # an array of the type: out as its text form, back in as a Python list
    cur.execute(f"SELECT %s::{typname}[]::text[], %s::{typname}[]", [texts, texts])
    as_list, as_text = cur.fetchone()
    cur.execute(f"SELECT %s::{typname}[]::text[] = %s::{typname}[]::text[]", [as_text, as_list])
    same = cur.fetchone()[0]
    check(as_list == texts and same, f"text array round trip of {typname} ({n} values)", f"{as_list} {as_text}")

    cur.execute(f"SELECT {t['send']}(v::{typname}) FROM unnest(%s::text[]) WITH ORDINALITY u(v, i) ORDER BY i",
                [literals])
    got = [bytes(r[0]) for r in cur.fetchall()]
    check(got == wire, f"binary form of {typname} ({n} values) read as bytea", [g.hex() for g in got])
conn.close()
