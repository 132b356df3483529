# test/t/010_queue.pl: 8 concurrent workers drain a routing_priority queue.
#
# A queue of 100,000 tasks is drained by 8 pgbench clients, each popping with
#   DELETE ... WHERE id = (SELECT id ... ORDER BY priority DESC LIMIT 1
#                          FOR UPDATE SKIP LOCKED) RETURNING ...
# and logging what it took.  Every task must be taken exactly once (none twice,
# none lost), the pops must be index scans, and each worker must have taken
# its tasks in routing order (no task it took later outranks one it took
# earlier: there are no inserts, so a task it skipped was being taken).  Routing
# order is checked twice: with the type's own operator, and against an order
# computed in plain SQL from the raw fields each task was made from (tier higher
# first, then virtual arrival enqueued_at - level * step earlier first, then
# enqueued_at earlier first; doc/routing.md), which does not trust the type.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More tests => 14;
use InteractionTest;

my $ntasks = 100_000;
my $nworkers = 8;
# Each worker pops its share and a few more: a pop comes back empty only when
# every task left is locked by another worker, which happens at the very end.
my $pops_per_worker = int($ntasks / $nworkers) + 50;

my $node = InteractionTest::node('queue');

$node->safe_psql('postgres', qq{
	SELECT setseed(0.5);
	CREATE TABLE queue (
		id bigint PRIMARY KEY,
		priority routing_priority NOT NULL
	);
	-- the raw fields of each task, kept to compute the routing order without the type
	CREATE TABLE raw AS
	SELECT i AS id, (random() * 9)::int AS level,
		   '2026-01-01 09:00+00'::timestamptz + (random() * 3600)::int * interval '1 second' AS enqueued_at,
		   interval '1 minute' AS step,
		   CASE WHEN random() < 0.05 THEN 1 ELSE 0 END AS tier
	FROM generate_series(1, $ntasks) i;
	INSERT INTO queue
	SELECT id, routing_priority(level, enqueued_at, step, tier) FROM raw;
	CREATE INDEX queue_priority ON queue (priority);
	CREATE TABLE original AS SELECT * FROM queue;
	CREATE TABLE taken (
		seq bigserial PRIMARY KEY,
		worker int NOT NULL,
		id bigint NOT NULL,
		priority routing_priority NOT NULL
	);
	VACUUM ANALYZE queue;
});

is($node->safe_psql('postgres', 'SELECT count(*) FROM queue'), $ntasks, 'queue filled');

my $pop = q{
WITH popped AS (
	DELETE FROM queue
	WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
	RETURNING id, priority
)
INSERT INTO taken (worker, id, priority) SELECT :client_id, id, priority FROM popped;
};

like(
	$node->safe_psql('postgres', "EXPLAIN (COSTS OFF) "
		  . "SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED"),
	qr/Index Scan Backward using queue_priority/,
	'the pop is an index scan');

$node->pgbench(
	"--no-vacuum --client=$nworkers --jobs=2 --transactions=$pops_per_worker",
	0,
	[qr{number of transactions actually processed: @{[ $nworkers * $pops_per_worker ]}}],
	[qr{^$}],
	"$nworkers workers drain the queue",
	{ '010_queue_pop' => $pop });

is($node->safe_psql('postgres', 'SELECT count(*) FROM queue'), '0', 'queue is empty');
is($node->safe_psql('postgres', 'SELECT count(*) FROM taken'), $ntasks,
	"$ntasks pops logged");
is( $node->safe_psql(
		'postgres', 'SELECT count(*) FROM (SELECT id FROM taken GROUP BY id HAVING count(*) > 1) d'),
	'0', 'no task taken twice');
is( $node->safe_psql(
		'postgres', 'SELECT count(*) FROM original o WHERE NOT EXISTS (SELECT FROM taken t WHERE t.id = o.id)'),
	'0', 'no task lost');
is( $node->safe_psql(
		'postgres', 'SELECT count(*) FROM taken t JOIN original o USING (id) WHERE t.priority <> o.priority'),
	'0', 'every task logged with its priority');
is($node->safe_psql('postgres', 'SELECT count(DISTINCT worker) FROM taken'),
	$nworkers, 'every worker took tasks');
is( $node->safe_psql(
		'postgres', q{
	SELECT count(*) FROM (
		SELECT priority > lag(priority) OVER (PARTITION BY worker ORDER BY seq) AS outranks
		FROM taken) s
	WHERE outranks}),
	'0', 'each worker took its tasks in routing order (the type\'s own >)');
# the same with the order computed from the raw fields: a task taken later by a
# worker outranks the one it took just before when its tier is higher, or the tier
# is equal and its virtual arrival earlier, or both are equal and it was enqueued
# earlier
is( $node->safe_psql(
		'postgres', q{
	SELECT count(*) FROM (
		SELECT r.tier, r.enqueued_at - r.level * r.step AS virtual, r.enqueued_at,
			   lag(r.tier) OVER w AS prev_tier,
			   lag(r.enqueued_at - r.level * r.step) OVER w AS prev_virtual,
			   lag(r.enqueued_at) OVER w AS prev_enqueued
		FROM taken t JOIN raw r USING (id)
		WINDOW w AS (PARTITION BY t.worker ORDER BY t.seq)) s
	WHERE tier > prev_tier
	   OR (tier = prev_tier AND virtual < prev_virtual)
	   OR (tier = prev_tier AND virtual = prev_virtual AND enqueued_at < prev_enqueued)}),
	'0', 'each worker took its tasks in the order computed from tier, virtual arrival and enqueued_at');
# and the order of the type agrees with that computed order over all the tasks
is( $node->safe_psql(
		'postgres', q{
	SELECT count(*) FROM (
		SELECT o.priority, lag(o.priority) OVER (ORDER BY r.tier DESC,
			r.enqueued_at - r.level * r.step, r.enqueued_at, r.id) AS prev
		FROM original o JOIN raw r USING (id)) s
	WHERE priority > prev}),
	'0', 'sorted by the raw fields, no task outranks the one before it');
