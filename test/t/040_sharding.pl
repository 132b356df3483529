# test/t/040_sharding.pl: the two-level survey query across shards with postgres_fdw.
#
# A coordinator holds a table partitioned by shard whose partitions are foreign
# tables on two shard servers (server option extensions 'interaction', async
# append).  survey_agg() per shard must be pushed down (it appears in the Remote
# SQL), rollup() merges the shipped summaries on the coordinator, and the answers
# must equal those of the same rows on a single node.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my @shards = map { InteractionTest::node("shard$_") } 1 .. 2;
my $coord = InteractionTest::node('coordinator');

# Deterministic rows: shard k holds ids with id % 2 = k - 1.
my $rows = q{
	SELECT id, (interaction_channel_labels())[1 + id % 5] AS channel,
	       CASE WHEN id % 17 = 0 THEN NULL ELSE (id * 7 + id / 3) % 11 END AS score,
	       date '2026-01-01' + (id % 90) AS day
	FROM generate_series(1, 20000) AS id};
for my $k (1 .. 2)
{
	$shards[ $k - 1 ]->safe_psql('postgres', qq{
		CREATE TABLE responses (shard int, id int, channel interaction_channel, score int, day date);
		INSERT INTO responses SELECT $k, r.* FROM ($rows) r WHERE id % 2 = $k - 1;
		ANALYZE responses;});
}
$coord->safe_psql('postgres', "CREATE TABLE responses_local AS $rows");

$coord->safe_psql('postgres', 'CREATE EXTENSION postgres_fdw');
my $ddl = "CREATE TABLE responses (shard int, id int, channel interaction_channel, score int, day date) PARTITION BY LIST (shard);\n";
for my $k (1 .. 2)
{
	my $s = $shards[ $k - 1 ];
	my $port = $s->port;
	my $host = $s->host;
	$ddl .= qq{
		CREATE SERVER shard$k FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '$host', port '$port', dbname 'postgres',
			         extensions 'interaction', async_capable 'true', fetch_size '10000');
		CREATE USER MAPPING FOR CURRENT_USER SERVER shard$k;
		CREATE FOREIGN TABLE responses_$k PARTITION OF responses FOR VALUES IN ($k)
			SERVER shard$k OPTIONS (table_name 'responses');};
}
$coord->safe_psql('postgres', $ddl);

my $two_level = q{
	SELECT channel, responses(s) AS n, nps(s) AS nps, round(nps_stderr(s)::numeric, 6) AS se,
	       s::text AS summary
	FROM (SELECT channel, rollup(s) AS s
	      FROM (SELECT shard, channel, survey_agg(score) AS s
	            FROM responses GROUP BY shard, channel) per_shard
	      GROUP BY channel) t
	ORDER BY channel};
my $single = q{
	SELECT channel, responses(s) AS n, nps(s) AS nps, round(nps_stderr(s)::numeric, 6) AS se,
	       s::text AS summary
	FROM (SELECT channel, survey_agg(score) AS s FROM responses_local GROUP BY channel) t
	ORDER BY channel};

my $settings = 'SET enable_partitionwise_aggregate = on; SET enable_async_append = on;';
my $plan = $coord->safe_psql('postgres', "$settings EXPLAIN (VERBOSE, COSTS OFF) $two_level");
like($plan, qr/Remote SQL: SELECT .*survey_agg\(/, 'survey_agg is pushed down to the shards');
is(() = $plan =~ /Remote SQL: SELECT .*survey_agg\(/g, 2, 'one pushed-down aggregate per shard');
like($plan, qr/Async Foreign Scan/, 'the shards are scanned asynchronously');
note $plan;

my $got = $coord->safe_psql('postgres', "$settings $two_level");
my $want = $coord->safe_psql('postgres', $single);
is($got, $want, 'two-level sharded answers equal the single-node answers');
ok(length($want) > 100, 'the comparison has content');

# the direct aggregate over the partitioned table (no pushdown of a partial
# aggregate: rows come back and are aggregated on the coordinator) agrees too
is($coord->safe_psql('postgres', "$settings SELECT nps(score), csat(score % 5 + 1), ces(score % 7 + 1) FROM responses"),
	$coord->safe_psql('postgres', 'SELECT nps(score), csat(score % 5 + 1), ces(score % 7 + 1) FROM responses_local'),
	'direct aggregates over the foreign partitions equal the single-node answers');

done_testing();
