# test/clients/driver_common.py: what the Python driver clients share (the output
# format of test/clients/DriverTest.pm).
import json
import os
import re

cases = json.load(open(os.environ["INTERACTION_DRIVER_CASES"]))


def check(ok, what, why=""):
    print(("ok - " if ok else "not ok - ") + what + ("" if ok else ": " + str(why)))


def placeholders(sql):
    """$n, as the server numbers them, to the pyformat %(pn)s both psycopgs read."""
    return re.sub(r"\$(\d+)", r"%(p\1)s", sql)


def named(params):
    return {f"p{i + 1}": v for i, v in enumerate(params)}


def rows_text(rows):
    return ";".join("|".join("" if c is None else str(c) for c in r) for r in rows)
