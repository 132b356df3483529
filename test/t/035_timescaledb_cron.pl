# test/t/035_timescaledb_cron.pl: the extension beside TimescaleDB and pg_cron.
#
# One server with shared_preload_libraries = 'timescaledb,pg_cron':
#   - a hypertable of interactions (one chunk a day) and a plain table with the same
#     rows; survey_agg/nps, journey_agg, window_funnel, min/max of our types and the
#     FCR window function, grouped by time_bucket('1 day', at), forced parallel over
#     the chunks (the plan shows Gather, Parallel Seq Scan on the chunks and Partial
#     Aggregate), must equal the plain table's answers; a time range scans only its
#     chunks;
#   - the incremental rollup without continuous aggregates (the Apache edition that
#     Debian ships refuses them): a daily survey_summary table kept current by a
#     pg_cron job that merges only the rows past a watermark, with
#     survey_summary + survey_summary in INSERT ... ON CONFLICT DO UPDATE; after
#     more rows arrive and the job runs again, nps(rollup(summary)) over the rollup
#     equals nps(score) over the raw rows.
# doc/scaling.md ("TimescaleDB and pg_cron") shows the same SQL.  Without
# TimescaleDB or pg_cron installed for this server (PostgreSQL 15 on the host) the
# file skips.
# CI may skip: TimescaleDB and pg_cron are packaged in the Debian roots of 17 and 18 only, not for the host's 15
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $node = InteractionTest::node('tsdb', no_extension => 1);
my $missing = $node->safe_psql('postgres', q{
	SELECT string_agg(n, ', ' ORDER BY n)
	FROM unnest(ARRAY['timescaledb', 'pg_cron']) n
	WHERE n NOT IN (SELECT name FROM pg_available_extensions)});
if ($missing ne '')
{
	$node->stop;
	plan skip_all => "$missing not installed for this server";
}

my $db = 'tsdb';
$node->safe_psql('postgres', "CREATE DATABASE $db");
$node->append_conf('postgresql.conf', qq{
shared_preload_libraries = 'timescaledb,pg_cron'
cron.database_name = '$db'
cron.use_background_workers = on
timescaledb.telemetry_level = off
max_worker_processes = 32
max_parallel_workers = 8
});
$node->restart;
$node->safe_psql($db, q{
	CREATE EXTENSION interaction;
	CREATE EXTENSION timescaledb;
	CREATE EXTENSION pg_cron;});
note 'timescaledb ' . $node->safe_psql($db, q{SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'})
  . ', pg_cron ' . $node->safe_psql($db, q{SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'});

# ---- the hypertable and a plain table with the same rows --------------------------
my $rows = q{
	SELECT timestamptz '2026-03-01 00:00+00' + i * interval '30 seconds' AS at,
	       1 + (hashint4(i)::bigint + 2147483648) % 400 AS customer,
	       (ARRAY['phone', 'email', 'chat', 'web', 'social'])[1 + (hashint4(i * 7)::bigint + 2147483648) % 5]::interaction_channel AS channel,
	       (ARRAY['awareness', 'consideration', 'acquisition', 'retention', 'advocacy'])[1 + (hashint4(i * 3)::bigint + 2147483648) % 5]::journey_stage AS stage,
	       CASE WHEN i % 13 = 0 THEN NULL ELSE (hashint4(i * 5)::bigint + 2147483648) % 11 END AS score,
	       (hashint4(i * 11)::bigint + 2147483648) % 3 <> 0 AS resolved
	FROM generate_series(FIRST, LAST) i};
sub rows_between
{
	my ($first, $last) = @_;
	return $rows =~ s/FIRST/$first/r =~ s/LAST/$last/r;
}

$node->safe_psql($db, q{
	CREATE TABLE interactions (
	    id       bigint GENERATED ALWAYS AS IDENTITY,
	    at       timestamptz NOT NULL,
	    customer int NOT NULL,
	    channel  interaction_channel,
	    stage    journey_stage,
	    score    int,
	    resolved boolean
	);
	SELECT create_hypertable('interactions', by_range('at', interval '1 day'));
	CREATE INDEX ON interactions (id);
	CREATE TABLE interactions_plain (LIKE interactions);}
	. "INSERT INTO interactions (at, customer, channel, stage, score, resolved) "
	. rows_between(1, 40000) . ";\n"
	. "INSERT INTO interactions_plain SELECT * FROM interactions;\n"
	# Timestamps are nearly unique, so without statistics on the bucket expression the
	# planner expects a group per row and sees no gain in partial aggregation.
	. "CREATE STATISTICS interactions_day ON (time_bucket('1 day', at)) FROM interactions;\n"
	. "CREATE STATISTICS interactions_plain_day ON (time_bucket('1 day', at)) FROM interactions_plain;\n"
	. "ANALYZE interactions; ANALYZE interactions_plain;");

my $chunks = $node->safe_psql($db, q{SELECT count(*) FROM show_chunks('interactions')});
cmp_ok($chunks, '>=', 14, "hypertable has a chunk a day ($chunks chunks)");

my $license = $node->safe_psql($db, 'SHOW timescaledb.license');
SKIP:
{
	skip "timescaledb.license is $license, not the Apache edition", 1 unless $license eq 'apache';
	my ($rc, $out, $err) = $node->psql($db, q{
		CREATE MATERIALIZED VIEW daily WITH (timescaledb.continuous) AS
		SELECT time_bucket('1 day', at) AS day, survey_agg(score) AS s FROM interactions GROUP BY 1});
	like($err, qr/functionality not supported under the current "?apache"? license/,
		'the Apache edition refuses continuous aggregates (hence the pg_cron rollup below)');
}

# The queries, run on both tables ('%s' is the table).
my %queries = (
	kpis => q{
		SELECT time_bucket('1 day', at) AS day,
		       survey_agg(score) AS summary,
		       nps(score) AS nps,
		       md5(journey_agg(at, stage, channel)::text) AS journey,
		       min(channel) AS first_channel, max(stage) AS furthest_stage,
		       count(*) FILTER (WHERE resolved) AS resolved
		FROM %s GROUP BY 1 ORDER BY 1},
	funnel => q{
		SELECT day, level, count(*) AS customers
		FROM (SELECT time_bucket('1 day', at) AS day, customer,
		             window_funnel('6 hours', at, stage = 'awareness', stage = 'consideration',
		                           stage = 'acquisition') AS level
		      FROM %s GROUP BY 1, 2) f
		GROUP BY 1, 2 ORDER BY 1, 2},
	fcr => q{
		SELECT time_bucket('1 day', at) AS day,
		       count(*) FILTER (WHERE first_contact) AS resolved_first,
		       count(*) AS contacts
		FROM (SELECT at, fcr(at, '1 day') OVER (PARTITION BY customer ORDER BY at) AS first_contact
		      FROM %s) c
		GROUP BY 1 ORDER BY 1},
);

my $parallel = q{
	SET max_parallel_workers_per_gather = 4;
	SET parallel_setup_cost = 0;
	SET parallel_tuple_cost = 0.001;
	SET min_parallel_table_scan_size = 0;
	SET enable_indexscan = off;
	SET enable_bitmapscan = off;
	SET enable_partitionwise_aggregate = on;
};
my $serial = 'SET max_parallel_workers_per_gather = 0;';

for my $name (sort keys %queries)
{
	my $hyper = $node->safe_psql($db, $parallel . sprintf($queries{$name}, 'interactions'));
	my $plain = $node->safe_psql($db, $serial . sprintf($queries{$name}, 'interactions_plain'));
	my $n = () = $plain =~ /\n/g;
	ok($plain ne '' && $n >= 13, "$name: the plain table gives " . ($n + 1) . ' rows');
	is($hyper, $plain, "$name: the hypertable in parallel over its chunks equals the plain table");
}

# The parallel plans, shown (in the log) and checked.
for my $name (qw(kpis funnel))
{
	my $plan = $node->safe_psql($db, $parallel
		  . 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) '
		  . sprintf($queries{$name}, 'interactions'));
	note "$name plan:\n$plan";
	like($plan, qr/Gather/, "$name: the plan gathers workers");
	like($plan, qr/Partial \w*Aggregate/, "$name: partial aggregates in the workers");
	like($plan, qr/Parallel (Seq|Index|Bitmap Heap) Scan on _hyper_\d+_\d+_chunk/,
		"$name: parallel scans of the chunks");
	like($plan, qr/Workers Launched: [1-9]/, "$name: workers ran");
}

# Chunk exclusion: a two-day range scans two chunks (or three at a boundary), not all.
{
	my $plan = $node->safe_psql($db, q{EXPLAIN (COSTS OFF)
		SELECT nps(score) FROM interactions
		WHERE at >= '2026-03-05 00:00+00' AND at < '2026-03-07 00:00+00'});
	my $scanned = () = $plan =~ /_hyper_\d+_\d+_chunk/g;
	note "range plan:\n$plan";
	ok($scanned >= 1 && $scanned <= 3, "a two-day range scans $scanned of $chunks chunks");
}

# ---- the incremental rollup: a pg_cron job merges new rows past a watermark -------
$node->safe_psql($db, q{
	CREATE TABLE survey_daily (
	    day     timestamptz PRIMARY KEY,
	    summary survey_summary NOT NULL
	);
	CREATE TABLE rollup_watermark (name text PRIMARY KEY, upto bigint NOT NULL);
	INSERT INTO rollup_watermark VALUES ('survey_daily', 0);

	CREATE FUNCTION refresh_survey_daily() RETURNS bigint
	LANGUAGE plpgsql AS $$
	DECLARE
	    lo bigint;
	    hi bigint;
	BEGIN
	    -- wait for the transactions inserting now; hold new ones until commit
	    LOCK TABLE interactions IN SHARE MODE;
	    SELECT upto INTO lo FROM rollup_watermark WHERE name = 'survey_daily' FOR UPDATE;
	    SELECT coalesce(max(id), lo) INTO hi FROM interactions WHERE id > lo;
	    INSERT INTO survey_daily (day, summary)
	    SELECT time_bucket('1 day', at), survey_agg(score)
	    FROM interactions WHERE id > lo AND id <= hi
	    GROUP BY 1
	    ON CONFLICT (day) DO UPDATE SET summary = survey_daily.summary + EXCLUDED.summary;
	    UPDATE rollup_watermark SET upto = hi WHERE name = 'survey_daily';
	    RETURN hi - lo;
	END
	$$;});

my $cron_version = $node->safe_psql($db, q{SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'});
my ($maj, $min) = split /\./, $cron_version;
my $every = ($maj > 1 || ($maj == 1 && $min >= 5)) ? '1 seconds' : '* * * * *';
my $job = $node->safe_psql($db,
	qq{SELECT cron.schedule('survey-daily', '$every', 'SELECT refresh_survey_daily()')});
ok($job =~ /^\d+$/, "pg_cron $cron_version: job $job scheduled every '$every'");

my $caught_up = q{SELECT upto = (SELECT max(id) FROM interactions) FROM rollup_watermark WHERE name = 'survey_daily'};
ok($node->poll_query_until($db, $caught_up), 'the job merged the first rows');

my $compare = q{
	SELECT (SELECT nps(rollup(summary)) FROM survey_daily)
	       IS NOT DISTINCT FROM (SELECT nps(score) FROM interactions)
	   AND (SELECT responses(rollup(summary)) FROM survey_daily)
	       = (SELECT count(score) FROM interactions)
	   AND NOT EXISTS (
	       SELECT FROM (SELECT time_bucket('1 day', at) AS day, survey_agg(score) AS s
	                    FROM interactions GROUP BY 1) raw
	       FULL JOIN survey_daily r USING (day)
	       WHERE r.summary::text IS DISTINCT FROM raw.s::text)};
is($node->safe_psql($db, $compare), 't', 'rollup equals the raw rows after the first run');

# More rows: some into days already rolled up, some into new days.
$node->safe_psql($db, "INSERT INTO interactions (at, customer, channel, stage, score, resolved) "
	  . rows_between(38001, 46000));
ok($node->poll_query_until($db, $caught_up), 'the next run merged the new rows');
is($node->safe_psql($db, $compare), 't',
	'nps(rollup(summary)) over the rollup equals nps(score) over the raw rows after the new rows');
is($node->safe_psql($db, q{SELECT round(nps(rollup(summary))::numeric, 6) = round((SELECT nps(score) FROM interactions)::numeric, 6) FROM survey_daily}),
	't', 'overall NPS of the rollup equals that of the raw rows');

my $runs = $node->safe_psql($db, qq{
	SELECT count(*) FILTER (WHERE status = 'succeeded') || ' succeeded, '
	       || count(*) FILTER (WHERE status = 'failed') || ' failed'
	FROM cron.job_run_details WHERE jobid = $job});
note "job runs: $runs";
like($runs, qr/^[1-9]\d* succeeded, 0 failed$/, "cron.job_run_details: $runs");
$node->safe_psql($db, q{SELECT cron.unschedule('survey-daily')});

$node->stop;
done_testing();
