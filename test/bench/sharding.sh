#!/usr/bin/env bash
# test/bench/sharding.sh: NPS by channel over 2 postgres_fdw shards, two-level
# against pulling the rows to the coordinator.
#
# The shards are two databases of the running cluster (postgres_fdw loopback;
# the bench has one server), each holding half of ROWS (default 2M) responses.
# The coordinator's table is partitioned by shard, its partitions foreign tables
# (extensions 'interaction', async append, fetch_size 10000).
#   ours:   survey_agg() per shard and channel, pushed down (partitionwise
#           aggregation), rollup() of the shipped summaries on the coordinator;
#   theirs: nps(score) over the partitioned table: postgres_fdw in PostgreSQL 15
#           ships no partial aggregate, so every row travels to the coordinator.
# Both plans are checked (the pushdown is in the Remote SQL of ours only) and
# both answers must be equal.  Each query runs RUNS times, alternating; the best
# time counts.  Prints one line per fetch_size measured:
#   two-level NPS, 2 shards, N rows, fetch_size F: ours X ms, theirs Y ms, ours Rx faster (target >= 10)
set -euo pipefail

ROWS=${ROWS:-2000000}
RUNS=${RUNS:-3}
coord=${PGDATABASE:-postgres}
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
	q -d "$coord" -c "DROP TABLE IF EXISTS bench_sharded_responses;
		DROP SERVER IF EXISTS bench_shard1, bench_shard2 CASCADE" >/dev/null 2>&1 || true
	for k in 1 2; do dropdb --if-exists "bench_shard$k" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
cleanup

t0=$(date +%s)
for k in 1 2; do
	createdb "bench_shard$k"
	q -d "bench_shard$k" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION interaction;
CREATE TABLE responses AS
SELECT $k AS shard, (interaction_channel_labels())[1 + id % 5] AS channel,
       CASE WHEN id % 17 = 0 THEN NULL ELSE ((hashint4(id)::bigint + 2147483648) % 11)::int END AS score
FROM generate_series(1, $ROWS) AS id WHERE id % 2 = $k - 1;
VACUUM ANALYZE responses;
SQL
done

# The coordinator reaches the shards the way psql reaches it (host, port, user,
# and the password pg_virtualenv set, if any).
mapping="user '${PGUSER:-$(id -un)}'"
[ -n "${PGPASSWORD:-}" ] && mapping="$mapping, password '$PGPASSWORD'"
{
	echo "SET client_min_messages = warning;"
	echo "CREATE EXTENSION IF NOT EXISTS interaction; CREATE EXTENSION IF NOT EXISTS postgres_fdw;"
	echo "CREATE TABLE bench_sharded_responses (shard int, channel interaction_channel, score int) PARTITION BY LIST (shard);"
	for k in 1 2; do
		echo "CREATE SERVER bench_shard$k FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '${PGHOST:-localhost}', port '${PGPORT:-5432}', dbname 'bench_shard$k',
			         extensions 'interaction', async_capable 'true', fetch_size '10000');
		CREATE USER MAPPING FOR CURRENT_USER SERVER bench_shard$k OPTIONS ($mapping);
		CREATE FOREIGN TABLE bench_sharded_responses_$k PARTITION OF bench_sharded_responses
			FOR VALUES IN ($k) SERVER bench_shard$k OPTIONS (table_name 'responses');"
	done
} | q -d "$coord"
echo "   setup $(($(date +%s) - t0)) s"

ours="SET enable_partitionwise_aggregate = on;
SELECT channel, round(nps(rollup(s))::numeric, 9) FROM (
	SELECT shard, channel, survey_agg(score) AS s FROM bench_sharded_responses GROUP BY shard, channel) t
GROUP BY channel ORDER BY channel;"
theirs="SET enable_partitionwise_aggregate = off;
SELECT channel, round(nps(score)::numeric, 9) FROM bench_sharded_responses GROUP BY channel ORDER BY channel;"

plan() { q -d "$coord" -At -c "${1%%;*}" -c "EXPLAIN (VERBOSE, COSTS OFF) ${1#*;}"; }
if ! plan "$ours" | grep -q 'Remote SQL: SELECT shard, channel, public.survey_agg(score)'; then
	echo "sharding bench: survey_agg is not pushed down:" >&2; plan "$ours" >&2; exit 1
fi
if plan "$theirs" | grep -q 'Remote SQL: .*nps('; then
	echo "sharding bench: the row-pulling query was pushed down" >&2; exit 1
fi
a=$(q -d "$coord" -At -c "${ours%%;*}" -c "${ours#*;}")
b=$(q -d "$coord" -At -c "${theirs%%;*}" -c "${theirs#*;}")
if [ "$a" != "$b" ] || [ "$(wc -l <<<"$a")" != 5 ]; then
	echo "sharding bench: the answers differ:" >&2; echo "$a" >&2; echo "--" >&2; echo "$b" >&2; exit 1
fi

# measure: times both queries RUNS times, alternating, and prints the best of each
measure() {
	local label=$1 script="\\timing on
\\o /dev/null"
	for _ in $(seq "$RUNS"); do script="$script
$ours
$theirs"; done
	q -d "$coord" <<<"$script" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' |
	awk -v runs="$RUNS" -v rows="$ROWS" -v label="$label" '
		{ t[NR] = $1 }
		END {
			# each query is two statements (SET, SELECT): the SELECTs are the 2nd and 4th of 4
			bo = bt = 1e99
			for (i = 0; i < runs; i++) {
				o = t[4 * i + 2]; h = t[4 * i + 4]
				if (o < bo) bo = o
				if (h < bt) bt = h
			}
			printf "two-level NPS, 2 shards, %d rows, %s: ours %.1f ms, theirs %.1f ms, ours %.1fx faster (target >= 10)\n",
				rows, label, bo, bt, bt / bo
		}'
}
# The shards run on this machine, beside the coordinator: a shard's grouped scan
# costs about what count(*) costs there (survey_agg is as cheap), and the rows
# travel over loopback.  Measured with the rows fetched 10,000 at a time (a tuned
# server) and with postgres_fdw's default of 100.
measure "fetch_size 10000"
for k in 1 2; do
	q -d "$coord" -c "ALTER SERVER bench_shard$k OPTIONS (DROP fetch_size)" >/dev/null
done
measure "fetch_size 100 (postgres_fdw default)"
