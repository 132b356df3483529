#!/usr/bin/python3
# test/clients/psycopg3.py: the extension through psycopg 3 (test/t/060_driver_psycopg3.pl).
#
# Server-side parameters (psycopg 3 binds $n on the server, and prepares on
# request), text and binary results, values of our types sent as typed text and
# typed binary parameters, binary COPY out and in.  Output format: see
# test/clients/DriverTest.pm.
import psycopg
from psycopg import pq
from psycopg.adapt import Dumper

from driver_common import cases, check, named, placeholders, rows_text

print(f"driver psycopg {psycopg.__version__} (libpq {pq.version()}, {pq.__impl__} implementation)")


class Typed:
    """A value of one of the extension's types, as text (str) or binary (bytes)."""

    def __init__(self, data):
        self.data = data


def typed_class(typname, oid, fmt):
    """A Python class whose values psycopg sends as parameters of type oid in fmt."""
    cls = type(f"{typname}_{fmt.name.lower()}", (Typed,), {})

    def dump(self, obj):
        return obj.data if fmt == pq.Format.BINARY else obj.data.encode()

    dumper = type(f"{typname}_{fmt.name.lower()}_dumper", (Dumper,), {"oid": oid, "format": fmt, "dump": dump})
    conn.adapters.register_dumper(cls, dumper)
    return cls


with psycopg.connect(autocommit=True) as conn:
    print(f"server {conn.info.parameter_status('server_version')}")

    for kpi in cases["kpis"]:
        sql, params = placeholders(kpi["sql"]), named(kpi["params"])
        text = rows_text(conn.execute(sql, params, prepare=True).fetchall())
        print(f"kpi {kpi['name']}: {text}")
        binary = rows_text(conn.cursor(binary=True).execute(sql, params).fetchall())
        check(binary == text, f"KPI {kpi['name']}: binary results equal text results", f"{binary} vs {text}")

    for typname, t in sorted(cases["types"].items()):
        oid, literals, texts = t["oid"], t["literals"], t["texts"]
        wire = [bytes.fromhex(h) for h in t["hex"]]
        n = len(literals)
        as_text = typed_class(typname, oid, pq.Format.TEXT)
        as_binary = typed_class(typname, oid, pq.Format.BINARY)
        bad = []
        for lit, want in zip(literals, texts):
            got = conn.execute(f"SELECT %s::{typname}", [lit]).fetchone()[0]
            back = conn.execute("SELECT %s::text", [as_text(got)]).fetchone()[0]
            if got != want or back != want:
                bad.append(f"{lit!r}: got {got!r}, back {back!r}, want {want!r}")
        check(not bad, f"text round trip of {typname} ({n} values)", bad)

        bad = []
        bcur = conn.cursor(binary=True)
        for lit, want_text, want in zip(literals, texts, wire):
            got = bcur.execute(f"SELECT %s::{typname}", [lit]).fetchone()[0]
            back = conn.execute("SELECT %s::text", [as_binary(bytes(got))]).fetchone()[0]
            if bytes(got) != want or back != want_text:
                bad.append(f"{lit!r}: got {bytes(got).hex()}, back {back!r}")
        check(not bad, f"binary round trip of {typname} ({n} values)", bad)

        # binary COPY: rows written with binary parameters, copied out in binary,
        # copied into a second table from that stream, and read row by row
        conn.execute(f"CREATE TEMP TABLE rt_a (id int, v {typname}); CREATE TEMP TABLE rt_b (LIKE rt_a)")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO rt_a VALUES (%s, %s)",
                            [(i, as_binary(w)) for i, w in enumerate(wire)] + [(n, None)])
            with cur.copy("COPY rt_a TO STDOUT (FORMAT BINARY)") as cp:
                stream = b"".join(bytes(b) for b in cp)
            with cur.copy("COPY rt_b FROM STDIN (FORMAT BINARY)") as cp:
                cp.write(stream)
            with cur.copy("COPY (SELECT id, v FROM rt_b ORDER BY id) TO STDOUT (FORMAT BINARY)") as cp:
                cp.set_types(["int4", oid])
                rows = [(i, None if v is None else bytes(v)) for i, v in cp.rows()]
        same = conn.execute("SELECT count(*) FROM rt_a a JOIN rt_b b USING (id) "
                            "WHERE a.v::text IS NOT DISTINCT FROM b.v::text").fetchone()[0]
        conn.execute("DROP TABLE rt_a, rt_b")
        want_rows = [(i, w) for i, w in enumerate(wire)] + [(n, None)]
        check(same == n + 1 and rows == want_rows, f"binary COPY round trip of {typname} ({n} values and NULL)",
              f"{same} rows equal; rows {rows} vs {want_rows}")
