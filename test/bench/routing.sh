#!/usr/bin/env bash
# test/bench/routing.sh: queue pops per second with 8 workers (pgbench).
#
# The same tasks are queued twice: once with a routing_priority column and a
# btree index on it (ours), once as plain columns with an index on
# (tier DESC, virtual_arrival) (theirs, what a user would write without the
# type).  8 pgbench clients pop with
#   DELETE ... WHERE id = (SELECT id ... ORDER BY <key> LIMIT 1 FOR UPDATE SKIP LOCKED)
# until most of the queue is drained.  Each side is run ROUNDS times,
# alternating, from a freshly filled and vacuumed table; the best run counts.
# Commits do not wait for the WAL flush (synchronous_commit=off), so the
# figures measure finding and locking the head of the queue, not the disk.
# Prints one line:
#   queue pop, 8 workers: ours N/s, theirs M/s, ratio R (target >= 0.9)
#
# Needs PGHOST/PGPORT/PGUSER/PGDATABASE of a running cluster with the
# extension installable; TASKS, POPS (per worker) and ROUNDS can be overridden.
set -euo pipefail

TASKS=${TASKS:-24000}
WORKERS=8
POPS=${POPS:-$((TASKS * 8 / 10 / WORKERS))}
ROUNDS=${ROUNDS:-5}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}

work=$(mktemp -d /tmp/interaction-routing-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

psql -X -q -v ON_ERROR_STOP=1 -o /dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS interaction;
DROP TABLE IF EXISTS bench_routing_tasks, bench_routing_ours, bench_routing_theirs;
SELECT setseed(0.5);
CREATE TABLE bench_routing_tasks AS
SELECT i AS id,
       (random() * 9)::int AS level,
       '2026-01-01 09:00+00'::timestamptz + (random() * 3600)::int * interval '1 second' AS enqueued_at,
       CASE WHEN random() < 0.05 THEN 1 ELSE 0 END AS tier
FROM generate_series(1, $TASKS) i;
CREATE TABLE bench_routing_ours (id bigint PRIMARY KEY, priority routing_priority NOT NULL);
CREATE INDEX ON bench_routing_ours (priority);
CREATE TABLE bench_routing_theirs (id bigint PRIMARY KEY, tier int NOT NULL,
	virtual_arrival timestamptz NOT NULL, enqueued_at timestamptz NOT NULL);
CREATE INDEX ON bench_routing_theirs (tier DESC, virtual_arrival);
SQL

fill() {
	psql -X -q -v ON_ERROR_STOP=1 <<SQL
TRUNCATE bench_routing_ours, bench_routing_theirs;
INSERT INTO bench_routing_ours
SELECT id, routing_priority(level, enqueued_at, '1 minute', tier) FROM bench_routing_tasks;
INSERT INTO bench_routing_theirs
SELECT id, tier, enqueued_at - level * interval '1 minute', enqueued_at FROM bench_routing_tasks;
VACUUM ANALYZE bench_routing_ours, bench_routing_theirs;
CHECKPOINT;
SQL
}

cat > "$work/ours.sql" <<'SQL'
DELETE FROM bench_routing_ours
WHERE id = (SELECT id FROM bench_routing_ours ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, priority;
SQL
cat > "$work/theirs.sql" <<'SQL'
DELETE FROM bench_routing_theirs
WHERE id = (SELECT id FROM bench_routing_theirs ORDER BY tier DESC, virtual_arrival LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, tier, virtual_arrival, enqueued_at;
SQL

# Both pops must be index scans, or the comparison means nothing.
for side in ours theirs; do
	plan=$(psql -X -At -c "EXPLAIN (COSTS OFF) $(cat "$work/$side.sql")")
	if ! grep -q "Index Scan Backward using bench_routing_${side}_\|Index Scan using bench_routing_${side}_tier" <<<"$plan"; then
		echo "routing bench: the $side pop is not an index scan:" >&2
		echo "$plan" >&2
		exit 1
	fi
done

run() {
	fill
	PGOPTIONS="${PGOPTIONS:-} -c synchronous_commit=off" \
	"$PGBENCH" --no-vacuum --client=$WORKERS --jobs=2 --transactions=$POPS -f "$work/$1.sql" 2>/dev/null |
		sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}

best_ours=0
best_theirs=0
all_ours=""
all_theirs=""
for _ in $(seq "$ROUNDS"); do
	t=$(run ours)
	all_ours="$all_ours ${t%.*}"
	best_ours=$(awk -v a="$best_ours" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
	t=$(run theirs)
	all_theirs="$all_theirs ${t%.*}"
	best_theirs=$(awk -v a="$best_theirs" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
done
echo "   runs (pops/s): ours$all_ours; theirs$all_theirs"

psql -X -q -c "DROP TABLE bench_routing_tasks, bench_routing_ours, bench_routing_theirs"

awk -v o="$best_ours" -v t="$best_theirs" -v w=$WORKERS 'BEGIN {
	printf "queue pop, %d workers: ours %.0f/s, theirs %.0f/s, ratio %.2f (target >= 0.9)\n",
		w, o, t, (t > 0 ? o / t : 0)
}'
