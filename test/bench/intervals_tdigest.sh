#!/usr/bin/env bash
# test/bench/intervals_tdigest.sh: duration_agg against Debian's tdigest
# extension (postgresql-NN-tdigest, tdigest(x, 100)) on the same 10M waits:
# the time of p50/p90/p99 from one aggregate, best of RUNS, and the largest
# relative error of the three against the exact percentile_disc.  tdigest
# works on double precision, so it reads the waits as seconds in a float8
# column and we read the same waits as intervals.  Prints two lines:
#   p50/p90/p99, 10M waits: ours N ms, tdigest M ms, ratio R (target <= 1.5)
#   max relative error at p50/p90/p99: ours E1, tdigest E2 (target: ours smaller)
# Skipped (saying so) when the tdigest extension is not available.
#
# Needs PGHOST/PGPORT/PGUSER/PGDATABASE of a running cluster; ROWS and RUNS
# can be overridden.
set -euo pipefail

ROWS=${ROWS:-10000000}
RUNS=${RUNS:-3}
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

if [ "$(q -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'tdigest'")" != 1 ]; then
	echo "p50/p90/p99 against tdigest: SKIPPED (the tdigest extension is not installed: apt-get install postgresql-15-tdigest)"
	exit 0
fi

q -o /dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS interaction;
CREATE EXTENSION IF NOT EXISTS tdigest;
DROP TABLE IF EXISTS tdigest_bench;
SELECT setseed(0.33);
CREATE TABLE tdigest_bench AS
SELECT exp(2.5 + 1.1 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * interval '1 second' AS wait
FROM generate_series(1, $ROWS);
ALTER TABLE tdigest_bench ADD COLUMN seconds float8;
UPDATE tdigest_bench SET seconds = extract(epoch FROM wait)::float8;
VACUUM ANALYZE tdigest_bench;
SQL

script="\\timing on
\\o /dev/null
"
for _ in $(seq "$RUNS"); do
	script+="SELECT percentiles(duration_agg(wait), '{0.5,0.9,0.99}') FROM tdigest_bench;
SELECT tdigest_percentile(seconds, 100, ARRAY[0.5, 0.9, 0.99]) FROM tdigest_bench;
"
done
times=$(printf '%s' "$script" | psql -X -q -v ON_ERROR_STOP=1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
read -r ours theirs <<<"$(printf '%s\n' $times | awk 'NR % 2 == 1 { if (!o || $1 < o) o = $1 } NR % 2 == 0 { if (!t || $1 < t) t = $1 } END { print o, t }')"
awk -v o="$ours" -v t="$theirs" 'BEGIN { r = o / t; printf "%-60s ours %9.1f ms  theirs %9.1f ms  ratio %.3f  (target <= 1.5)%s\n", "p50/p90/p99, 10M waits, against tdigest(x, 100)", o, t, r, (r <= 1.5 ? "  met" : "  MISSED") }'

q <<'SQL'
WITH exact AS (
	SELECT unnest(ARRAY[0.5, 0.9, 0.99]) AS p,
	       unnest((SELECT percentile_disc(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY seconds) FROM tdigest_bench)) AS disc,
	       unnest((SELECT percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY seconds) FROM tdigest_bench)) AS cont),
ours AS (SELECT unnest(ARRAY[0.5, 0.9, 0.99]) AS p,
	            unnest((SELECT percentiles(duration_agg(wait), '{0.5,0.9,0.99}') FROM tdigest_bench)) AS v),
theirs AS (SELECT unnest(ARRAY[0.5, 0.9, 0.99]) AS p,
	              unnest((SELECT tdigest_percentile(seconds, 100, ARRAY[0.5, 0.9, 0.99]) FROM tdigest_bench)) AS v)
SELECT format('max relative error at p50/p90/p99: ours %s, tdigest %s (target: ours smaller)%s',
	          round(max(abs(extract(epoch FROM o.v)::float8 - e.disc) / e.disc)::numeric, 6),
	          round(max(abs(t.v - e.cont) / e.cont)::numeric, 6),
	          CASE WHEN max(abs(extract(epoch FROM o.v)::float8 - e.disc) / e.disc) < max(abs(t.v - e.cont) / e.cont)
	               THEN '  met' ELSE '  MISSED' END)
FROM exact e JOIN ours o USING (p) JOIN theirs t USING (p);
SQL
q -c "DROP TABLE tdigest_bench" >/dev/null
