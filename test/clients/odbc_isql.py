#!/usr/bin/python3
# test/clients/odbc_isql.py: the extension through ODBC (test/t/063_driver_odbc.pl):
# Debian's psqlODBC driver (odbc-postgresql) under unixODBC, driven by its `isql`,
# the path of Excel, Power BI and Tableau.
#
# isql has no parameter binding: the KPI queries go with their parameters written
# in as literals.  psqlODBC reads results as text (unknown types become character
# columns) and bytea as binary (isql prints it as hex).  So every type goes out as
# text, back in as the text that came out (an INSERT through ODBC), and out again;
# its binary form is read as the bytea of its send function.  A private
# odbcinst.ini/odbc.ini (ODBCSYSINI) points at the test's server.
# Output format: see test/clients/DriverTest.pm.
import atexit
import glob
import os
import re
import shutil
import subprocess
import tempfile

from driver_common import cases, check

version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "odbc-postgresql"],
                         capture_output=True, text=True).stdout
dm = subprocess.run(["isql", "--version"], capture_output=True, text=True).stdout.strip()
print(f"driver psqlODBC {version} (odbc-postgresql, {dm})")

conf = tempfile.mkdtemp(prefix="odbc.")
atexit.register(shutil.rmtree, conf, True)
drivers = glob.glob("/usr/lib/*/odbc/psqlodbcw.so")
with open(f"{conf}/odbcinst.ini", "w") as f:
    f.write(f"[interaction-psqlodbc]\nDriver={drivers[0]}\n")
with open(f"{conf}/odbc.ini", "w") as f:
    f.write("[interaction]\nDriver=interaction-psqlodbc\n"
            f"Servername={os.environ['PGHOST']}\nPort={os.environ['PGPORT']}\n"
            f"Database={os.environ['PGDATABASE']}\nUsername={os.environ['PGUSER']}\n")
env = dict(os.environ, ODBCSYSINI=conf, ODBCINI=f"{conf}/odbc.ini")


def isql(*statements):
    """Rows of the statements' results (one session), columns split at '|'."""
    script = "".join(re.sub(r"\s+", " ", s).strip() + "\n" for s in statements)
    r = subprocess.run(["isql", "interaction", "-b", "-d|", "-L1000000"], input=script,
                       capture_output=True, text=True, env=env)
    # isql exits 0 after a failed statement: its complaints go to stdout/stderr
    if r.returncode != 0 or r.stderr or "[ISQL]ERROR" in r.stdout or re.search(r"^\[\w+\]", r.stdout, re.M):
        raise RuntimeError(f"isql failed on {script!r}: {r.stdout}{r.stderr}")
    return [line.split("|") for line in r.stdout.splitlines()]


def quote(s):
    return "'" + s.replace("'", "''") + "'"


for kpi in cases["kpis"]:
    print(f"kpi {kpi['name']}: " + ";".join("|".join(r) for r in isql(kpi["inline"])))

for typname, t in sorted(cases["types"].items()):
    literals, texts = t["literals"], t["texts"]
    n = len(literals)
    got = [r[0] for r in isql(*[f"SELECT {quote(lit)}::{typname}" for lit in literals])]
    table = f"odbc_rt_{typname}"
    back = isql(f"CREATE TABLE {table} (id int, v {typname})",
                *[f"INSERT INTO {table} VALUES ({i}, {quote(g)})" for i, g in enumerate(got)],
                f"SELECT v FROM {table} ORDER BY id", f"DROP TABLE {table}")
    back = [r[0] for r in back]
    check(got == texts and back == texts, f"text round trip of {typname} ({n} values)", [got, back, texts])

    wire = [r[0].lower() for r in isql(*[f"SELECT {t['send']}({quote(lit)}::{typname})" for lit in literals])]
    check(wire == t["hex"], f"binary form of {typname} ({n} values) read as bytea", wire)
