# test/t/040_sharding.pl: the extension across shards with postgres_fdw.
#
# A coordinator holds tables partitioned across two shard servers (the partitions
# are foreign tables; server option extensions 'interaction', async append).
#   - Two-level query: survey_agg() per shard must be pushed down (it appears in
#     the Remote SQL), rollup() merges the shipped summaries on the coordinator.
#   - Sharded by customer (hash partitions, rows routed through the coordinator):
#     partitionwise aggregation pushes whole per-customer aggregates (NPS) down;
#     per-customer FCR runs on the shards through a view there, because
#     postgres_fdw in PostgreSQL 15 never ships a window function (the test shows
#     that too).
#   - Journeys and funnels: per-customer journey_agg() (its accessors read the
#     shipped journeys on the coordinator), window_funnel() and retention() are
#     pushed down whole; the funnel aggregates with a text mode or pattern are not
#     (postgres_fdw 15: the text constant's collation), so a view on the shards runs
#     them; journey_agg() per shard is merged by rollup(journey) on the coordinator.
#   - Interval statistics: queue_agg() and duration_agg() per shard, queue and half
#     hour, rollup() per queue and day on the coordinator.
#   - A shard that is down is an error naming it, never a partial answer.
# Every answer must equal that of the same rows on a single node.  doc/scaling.md
# is the recipe this test follows.
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
	       date '2026-01-01' + (id % 90) AS day,
	       timestamptz '2026-01-01 00:00+00' + ((hashint4(id)::bigint + 2147483648) % 129600) * interval '1 minute' AS at,
	       (ARRAY['awareness', 'consideration', 'acquisition', 'retention', 'advocacy'])[1 + (hashint4(id * 3)::bigint + 2147483648) % 5]::journey_stage AS stage
	FROM generate_series(1, 20000) AS id};
for my $k (1 .. 2)
{
	$shards[ $k - 1 ]->safe_psql('postgres', qq{
		CREATE TABLE responses (shard int, id int, channel interaction_channel, score int, day date, at timestamptz, stage journey_stage);
		INSERT INTO responses SELECT $k, r.* FROM ($rows) r WHERE id % 2 = $k - 1;
		ANALYZE responses;});
}
$coord->safe_psql('postgres', "CREATE TABLE responses_local AS $rows");

$coord->safe_psql('postgres', 'CREATE EXTENSION postgres_fdw');
my $ddl = "CREATE TABLE responses (shard int, id int, channel interaction_channel, score int, day date, at timestamptz, stage journey_stage) PARTITION BY LIST (shard);\n";
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

# ---- sharded by customer ---------------------------------------------------------
# On each shard: the table, and a view that computes the FCR windows there.
my $shard_ddl = q{
	CREATE TABLE contacts (customer int, channel interaction_channel, score int, at timestamptz, stage journey_stage);
	CREATE VIEW contacts_fcr AS
	SELECT customer, channel, at,
	       fcr(at, '7 days') OVER w AS resolved,
	       contact_attempt(at, '7 days') OVER w AS attempt
	FROM contacts WINDOW w AS (PARTITION BY customer ORDER BY at);};
$_->safe_psql('postgres', $shard_ddl) for @shards;
my $cols = 'customer int, channel interaction_channel, score int, at timestamptz, stage journey_stage';
my $fcr_cols = 'customer int, channel interaction_channel, at timestamptz, resolved boolean, attempt int';
$ddl = "CREATE TABLE contacts ($cols) PARTITION BY HASH (customer);
	CREATE TABLE contacts_fcr ($fcr_cols) PARTITION BY HASH (customer);";
for my $k (1 .. 2)
{
	my $r = $k - 1;
	$ddl .= qq{
		CREATE FOREIGN TABLE contacts_$k PARTITION OF contacts FOR VALUES WITH (MODULUS 2, REMAINDER $r)
			SERVER shard$k OPTIONS (table_name 'contacts', batch_size '1000');
		CREATE FOREIGN TABLE contacts_fcr_$k PARTITION OF contacts_fcr FOR VALUES WITH (MODULUS 2, REMAINDER $r)
			SERVER shard$k OPTIONS (table_name 'contacts_fcr');};
}
$coord->safe_psql('postgres', $ddl);
my $contact_rows = q{
	SELECT (id * 7919) % 2000 AS customer, (interaction_channel_labels())[1 + id % 5] AS channel,
	       CASE WHEN id % 19 = 0 THEN NULL ELSE (id * 13 + id / 7) % 11 END AS score,
	       timestamptz '2026-01-01 00:00+00' + ((hashint4(id)::bigint + 2147483648) % 129600) * interval '1 minute' AS at,
	       (ARRAY['awareness', 'consideration', 'acquisition', 'retention', 'advocacy'])[1 + (hashint4(id * 3)::bigint + 2147483648) % 5]::journey_stage AS stage
	FROM generate_series(1, 20000) AS id};
$coord->safe_psql('postgres', "INSERT INTO contacts $contact_rows; CREATE TABLE contacts_local AS $contact_rows");
$_->safe_psql('postgres', 'ANALYZE contacts') for @shards;
my @per_shard = map { $_->safe_psql('postgres', 'SELECT count(*) FROM contacts') } @shards;
ok($per_shard[0] > 5000 && $per_shard[1] > 5000 && $per_shard[0] + $per_shard[1] == 20000,
	"the coordinator routed the rows to the shards by customer: @per_shard");
is($coord->safe_psql('postgres', q{SELECT count(*) FROM (SELECT DISTINCT customer FROM contacts_1) a
	JOIN (SELECT DISTINCT customer FROM contacts_2) b USING (customer)}), '0', 'each customer lives on one shard');

# Per-customer NPS: with partitionwise aggregation the whole aggregate runs on
# the shards (GROUP BY holds the partition key), nothing is finalized on the
# coordinator.
my $nps_by_customer = q{
	SELECT customer, responses(survey_agg(score)) AS n, round(nps(score)::numeric, 6) AS nps,
	       survey_agg(score)::text AS summary
	FROM %s GROUP BY customer ORDER BY customer};
my $pwise = 'SET enable_partitionwise_aggregate = on; SET enable_async_append = on;';
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) " . sprintf($nps_by_customer, 'contacts'));
note $plan;
is(() = $plan =~ /Remote SQL: SELECT customer, .*nps\(score\).* GROUP BY 1/g, 2,
	'per-customer nps() is pushed down whole to each shard');
unlike($plan, qr/Partial|Finalize|HashAggregate|GroupAggregate/, 'nothing is aggregated on the coordinator');
is($coord->safe_psql('postgres', "$pwise " . sprintf($nps_by_customer, 'contacts')),
	$coord->safe_psql('postgres', sprintf($nps_by_customer, 'contacts_local')),
	'per-customer NPS from the shards equals the single node');
$plan = $coord->safe_psql('postgres', 'SET enable_partitionwise_aggregate = off; EXPLAIN (VERBOSE, COSTS OFF) '
	  . sprintf($nps_by_customer, 'contacts'));
unlike($plan, qr/Remote SQL: .*nps\(/, 'without partitionwise aggregation the rows travel to the coordinator');

# Per-customer FCR.  A window function over the foreign partitions runs on the
# coordinator (postgres_fdw in PostgreSQL 15 does not push windows down) ...
my $fcr_naive = q{
	SELECT customer, count(*) FILTER (WHERE resolved) AS resolved, count(*) AS contacts, max(attempt) AS attempts
	FROM (SELECT customer, fcr(at, '7 days') OVER w AS resolved, contact_attempt(at, '7 days') OVER w AS attempt
	      FROM %s WINDOW w AS (PARTITION BY customer ORDER BY at)) t
	GROUP BY customer ORDER BY customer};
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) " . sprintf($fcr_naive, 'contacts'));
like($plan, qr/WindowAgg/, 'PostgreSQL 15: a window over foreign partitions runs on the coordinator');
unlike($plan, qr/Remote SQL: .*fcr\(/, 'PostgreSQL 15: postgres_fdw does not ship fcr() windows');
# ... so the shards compute it in a view, and the per-customer counts over the
# view are pushed down whole.
my $fcr_view = q{
	SELECT customer, count(*) FILTER (WHERE resolved) AS resolved, count(*) AS contacts, max(attempt) AS attempts
	FROM contacts_fcr GROUP BY customer ORDER BY customer};
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) $fcr_view");
note $plan;
is(() = $plan =~ /Remote SQL: SELECT customer, count\(\*\) FILTER \(WHERE resolved\), count\(\*\), max\(attempt\) FROM public\.contacts_fcr GROUP BY 1/g,
	2, 'per-customer FCR counts over the shard view are pushed down to each shard');
unlike($plan, qr/WindowAgg|Partial|Finalize/, 'no window and no aggregate on the coordinator');
my $fcr_local = $coord->safe_psql('postgres', sprintf($fcr_naive, 'contacts_local'));
is($coord->safe_psql('postgres', "$pwise $fcr_view"), $fcr_local,
	'per-customer FCR computed on the shards equals the single node');
is($coord->safe_psql('postgres', "$pwise " . sprintf($fcr_naive, 'contacts')), $fcr_local,
	'the coordinator-side window agrees too');
is($coord->safe_psql('postgres', q{
	SELECT count(*) = count(DISTINCT customer) AND count(*) = 2000
	       AND sum(resolved) > 1000 AND sum(resolved) < sum(contacts) - 1000 AND max(attempts) > 2
	FROM (SELECT customer, count(*) FILTER (WHERE resolved) AS resolved, count(*) AS contacts, max(attempt) AS attempts
	      FROM (SELECT customer, fcr(at, '7 days') OVER w AS resolved, contact_attempt(at, '7 days') OVER w AS attempt
	            FROM contacts_local WINDOW w AS (PARTITION BY customer ORDER BY at)) t GROUP BY customer) c}), 't',
	'the FCR comparison has content: 2000 customers, resolved and repeated contacts, chains');

# ---- journeys and funnels ----------------------------------------------------------
# Per-customer journey_agg: pushed down whole like nps(); the journeys travel in
# their text form and the accessors read them on the coordinator.
my $journey_by_customer = q{
	SELECT customer, j::text AS journey, touchpoints(j), current_stage(j), furthest_stage(j),
	       stage_funnel(j, '7 days') AS funnel_7d, time_to_stage(j, 'acquisition') AS to_acquisition
	FROM (SELECT customer, journey_agg(at, stage, channel) AS j FROM %s GROUP BY customer) t
	ORDER BY customer};
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) " . sprintf($journey_by_customer, 'contacts'));
note $plan;
is(() = $plan =~ /Remote SQL: SELECT customer, public\.journey_agg\(at, stage, channel\) FROM public\.contacts GROUP BY 1/g, 2,
	'per-customer journey_agg() is pushed down whole to each shard');
unlike($plan, qr/Partial|Finalize|HashAggregate|GroupAggregate/, 'no journey is aggregated on the coordinator');
my $journeys_local = $coord->safe_psql('postgres', sprintf($journey_by_customer, 'contacts_local'));
is($coord->safe_psql('postgres', "$pwise " . sprintf($journey_by_customer, 'contacts')), $journeys_local,
	'per-customer journeys from the shards equal the single node (text and accessors)');
is($coord->safe_psql('postgres', sprintf(q{
	SELECT count(*), sum(touchpoints(j)), count(DISTINCT current_stage(j)), max(stage_funnel(j, '7 days')) >= 3,
	       count(*) FILTER (WHERE stage_funnel(j, '7 days') = 0)
	FROM (SELECT customer, journey_agg(at, stage, channel) AS j FROM %s GROUP BY customer) t}, 'contacts_local')),
	'2000|20000|5|t|' . $coord->safe_psql('postgres', q{
	SELECT count(*) FROM (SELECT customer FROM contacts_local GROUP BY customer
	                      HAVING bool_and(stage <> 'awareness')) t}),
	'the journey comparison has content: 2000 customers, every contact, all stages, whole funnels');

# Per-customer funnels: window_funnel() and retention() are pushed down whole; only
# their small results travel.
my $funnel_by_customer = q{
	SELECT customer,
	       window_funnel('7 days', at, stage = 'awareness', stage = 'consideration', stage = 'acquisition') AS level,
	       retention(stage = 'awareness', stage = 'retention', stage = 'advocacy') AS r
	FROM %s GROUP BY customer ORDER BY customer};
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) " . sprintf($funnel_by_customer, 'contacts'));
note $plan;
# (window_funnel's steps are arguments of their own since 1.2: no VARIADIC ARRAY)
is(() = $plan =~ /Remote SQL: SELECT customer, public\.window_funnel\('7 days'::interval, at, \(stage .*\)\), public\.retention\(VARIADIC ARRAY\[.* GROUP BY 1/g, 2,
	'per-customer window_funnel() and retention() are pushed down whole to each shard');
unlike($plan, qr/Partial|Finalize|HashAggregate|GroupAggregate/, 'no funnel is aggregated on the coordinator');
my $funnels_local = $coord->safe_psql('postgres', sprintf($funnel_by_customer, 'contacts_local'));
is($coord->safe_psql('postgres', "$pwise " . sprintf($funnel_by_customer, 'contacts')), $funnels_local,
	'per-customer funnels from the shards equal the single node');

# The funnel aggregates with a text argument (window_funnel's mode, the pattern of
# sequence_match and sequence_count) are not shipped: the text constant gives the
# aggregate an input collation that postgres_fdw in PostgreSQL 15 cannot derive from
# a foreign column, so it keeps the aggregate (and pulls the rows) ...
my $pattern_by_customer = q{
	SELECT customer,
	       window_funnel('7 days', 'strict_order', at, stage = 'awareness', stage = 'consideration', stage = 'acquisition') AS strict_level,
	       sequence_match('(?1).*(?2)', at, stage = 'awareness', stage = 'acquisition') AS converted,
	       sequence_count('(?1).*(?2)', at, stage = 'awareness', stage = 'acquisition') AS conversions
	FROM %s GROUP BY customer ORDER BY customer};
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) " . sprintf($pattern_by_customer, 'contacts'));
like($plan, qr/GroupAggregate|HashAggregate/, 'PostgreSQL 15: funnel aggregates with a text mode or pattern run on the coordinator');
unlike($plan, qr/Remote SQL: .*(window_funnel|sequence_match|sequence_count)\(/,
	'PostgreSQL 15: postgres_fdw does not ship an aggregate with a text constant argument');
# ... so, as for FCR, the shards compute them in a view, which is pushed down.
$_->safe_psql('postgres', "CREATE VIEW contacts_funnels AS " . sprintf($pattern_by_customer, 'contacts')) for @shards;
$ddl = 'CREATE TABLE contacts_funnels (customer int, strict_level int, converted boolean, conversions bigint) PARTITION BY HASH (customer);';
for my $k (1 .. 2)
{
	my $r = $k - 1;
	$ddl .= qq{
		CREATE FOREIGN TABLE contacts_funnels_$k PARTITION OF contacts_funnels FOR VALUES WITH (MODULUS 2, REMAINDER $r)
			SERVER shard$k OPTIONS (table_name 'contacts_funnels');};
}
$coord->safe_psql('postgres', $ddl);
my $funnel_view = 'SELECT * FROM contacts_funnels ORDER BY customer';
$plan = $coord->safe_psql('postgres', "$pwise EXPLAIN (VERBOSE, COSTS OFF) $funnel_view");
note $plan;
is(() = $plan =~ /Remote SQL: SELECT customer, strict_level, converted, conversions FROM public\.contacts_funnels/g, 2,
	'per-customer pattern funnels: each shard computes its view');
unlike($plan, qr/Aggregate/, 'no funnel aggregate on the coordinator');
my $patterns_local = $coord->safe_psql('postgres', sprintf($pattern_by_customer, 'contacts_local'));
is($coord->safe_psql('postgres', "$pwise $funnel_view"), $patterns_local,
	'per-customer pattern funnels computed on the shards equal the single node');
is($coord->safe_psql('postgres', "$pwise " . sprintf($pattern_by_customer, 'contacts')), $patterns_local,
	'the coordinator-side funnel aggregates agree too');
is($coord->safe_psql('postgres', sprintf(q{
	SELECT count(*) = 2000 AND count(DISTINCT f.level) = 4 AND count(DISTINCT strict_level) = 4
	       AND count(*) FILTER (WHERE f.level > strict_level) > 0 AND count(DISTINCT r) > 3
	       AND count(*) FILTER (WHERE converted) > 100 AND max(conversions) > 1
	FROM (%s) f JOIN (%s) p USING (customer)}, sprintf($funnel_by_customer, 'contacts_local'),
	sprintf($pattern_by_customer, 'contacts_local'))), 't',
	'the funnel comparison has content: every level, strict order differing, conversions, repeated ones');

# Two levels: journey_agg per shard and channel (the table partitioned by shard
# number), pushed down; rollup(journey) merges them per channel on the coordinator.
my $journey_two_level = q{
	SELECT channel, md5(j::text) AS journey, touchpoints(j), first_touch(j), last_touch(j),
	       current_stage(j), stage_funnel(j, '1 hour') AS funnel_1h
	FROM (SELECT channel, rollup(j) AS j
	      FROM (SELECT shard, channel, journey_agg(at, stage, channel) AS j
	            FROM responses GROUP BY shard, channel) per_shard
	      GROUP BY channel) t
	ORDER BY channel};
my $journey_single = q{
	SELECT channel, md5(j::text) AS journey, touchpoints(j), first_touch(j), last_touch(j),
	       current_stage(j), stage_funnel(j, '1 hour') AS funnel_1h
	FROM (SELECT channel, journey_agg(at, stage, channel) AS j FROM responses_local GROUP BY channel) t
	ORDER BY channel};
$plan = $coord->safe_psql('postgres', "$settings EXPLAIN (VERBOSE, COSTS OFF) $journey_two_level");
note $plan;
is(() = $plan =~ /Remote SQL: SELECT shard, channel, public\.journey_agg\(at, stage, channel\) FROM public\.responses GROUP BY 1, 2/g, 2,
	'two-level journeys: journey_agg() per shard and channel is pushed down to each shard');
like($plan, qr/Output: .*rollup\(/, 'two-level journeys: rollup(journey) runs on the coordinator');
$got = $coord->safe_psql('postgres', "$settings $journey_two_level");
is($got, $coord->safe_psql('postgres', $journey_single), 'two-level sharded journeys equal the single-node journeys');
is(scalar(() = $got =~ /\|4000\|/g), 5, 'the two-level comparison has content: 5 channels of 4000 touchpoints');

# ---- interval statistics -----------------------------------------------------------
# Two levels for duration_sketch and queue_summary: duration_agg() and queue_agg()
# per shard, queue and half hour are pushed down; rollup() merges the shipped
# summaries on the coordinator, per queue and day, and the accessors, percentiles
# and confidence intervals read the merged ones: equal to a single node.
my $call_rows = q{
	SELECT id, 'q' || (id % 3) AS queue,
	       timestamptz '2026-03-02 08:00+00' + (id % 7) * interval '1 day' + ((id * 37) % 600) * interval '1 minute' AS at,
	       round(exp(2 + 1.3 * ((hashint4(id)::bigint + 2147483648) / 4294967296.0)) * 1000) * interval '1 millisecond'
	         * CASE WHEN id % 23 = 0 THEN 0 ELSE 1 END AS wait,
	       id % 9 <> 0 AS answered,
	       CASE WHEN id % 9 <> 0 THEN (60 + (hashint4(id * 5)::bigint + 2147483648) % 900) * interval '1 second' END AS handle
	FROM generate_series(1, 30000) AS id};
for my $k (1 .. 2)
{
	$shards[ $k - 1 ]->safe_psql('postgres', qq{
		CREATE TABLE calls (shard int, id int, queue text, at timestamptz, wait interval, answered boolean, handle interval);
		INSERT INTO calls SELECT $k, r.* FROM ($call_rows) r WHERE id % 2 = $k - 1;
		ANALYZE calls;});
}
$coord->safe_psql('postgres', "CREATE TABLE calls_local AS $call_rows");
$ddl = 'CREATE TABLE calls (shard int, id int, queue text, at timestamptz, wait interval, answered boolean, handle interval) PARTITION BY LIST (shard);';
$ddl .= qq{
	CREATE FOREIGN TABLE calls_$_ PARTITION OF calls FOR VALUES IN ($_) SERVER shard$_ OPTIONS (table_name 'calls');}
  for 1 .. 2;
$coord->safe_psql('postgres', $ddl);
my $intervals_two_level = q{
	SELECT queue, day, offered(q), answered(q), abandoned(q), short_abandons(q), answered_within(q),
	       service_level(q), service_level(q, 'answered'), abandon_rate(q), asa(q), aht(q), avg_abandon_time(q),
	       wait_percentile(q, 0.9), handle_percentile(q, 0.5), service_level_ci(q), q::text AS summary,
	       samples(d), mean(d), percentiles(d, '{0.5,0.9,0.99}'), share_within(d, '20 seconds'), d::text AS sketch
	FROM (SELECT queue, at::date AS day, rollup(q) AS q, rollup(d) AS d
	      FROM (SELECT shard, queue, date_bin('30 minutes', at, timestamptz '2026-01-01 00:00+00') AS at,
	                   queue_agg(wait, answered, handle) AS q, duration_agg(wait) AS d
	            FROM calls GROUP BY shard, queue, 3) per_shard
	      GROUP BY queue, day) t
	ORDER BY queue, day};
my $intervals_single = q{
	SELECT queue, day, offered(q), answered(q), abandoned(q), short_abandons(q), answered_within(q),
	       service_level(q), service_level(q, 'answered'), abandon_rate(q), asa(q), aht(q), avg_abandon_time(q),
	       wait_percentile(q, 0.9), handle_percentile(q, 0.5), service_level_ci(q), q::text AS summary,
	       samples(d), mean(d), percentiles(d, '{0.5,0.9,0.99}'), share_within(d, '20 seconds'), d::text AS sketch
	FROM (SELECT queue, at::date AS day, queue_agg(wait, answered, handle) AS q, duration_agg(wait) AS d
	      FROM calls_local GROUP BY queue, day) t
	ORDER BY queue, day};
$plan = $coord->safe_psql('postgres', "SET TimeZone = 'UTC'; $settings EXPLAIN (VERBOSE, COSTS OFF) $intervals_two_level");
note $plan;
is(() = $plan =~ /Remote SQL: SELECT shard, queue, .*public\.queue_agg\(wait, answered, handle\), public\.duration_agg\(wait\) FROM public\.calls GROUP BY 1, 2, 3/g, 2,
	'two-level intervals: queue_agg() and duration_agg() per shard, queue and half hour are pushed down to each shard');
like($plan, qr/Output: .*rollup\(.*rollup\(/, 'two-level intervals: rollup(queue_summary) and rollup(duration_sketch) run on the coordinator');
$got = $coord->safe_psql('postgres', "SET TimeZone = 'UTC'; $settings $intervals_two_level");
is($got, $coord->safe_psql('postgres', "SET TimeZone = 'UTC'; $intervals_single"),
	'two-level interval statistics (counters, rates, percentiles, service_level_ci, text) equal the single node');
is($coord->safe_psql('postgres', "SET TimeZone = 'UTC'; SELECT count(*), sum(o), min(o) > 1000, count(DISTINCT sl) > 10
	FROM (SELECT offered(q) AS o, service_level(q) AS sl FROM ($intervals_two_level) t, LATERAL (SELECT summary::queue_summary AS q) s) x"),
	'21|30000|t|t', 'the interval comparison has content: 3 queues x 7 days, every call, differing service levels');
# the direct aggregates over the foreign partitions agree too
is($coord->safe_psql('postgres', "$settings SELECT queue_agg(wait, answered, handle)::text, duration_agg(wait, 0.02)::text FROM calls"),
	$coord->safe_psql('postgres', 'SELECT queue_agg(wait, answered, handle)::text, duration_agg(wait, 0.02)::text FROM calls_local'),
	'direct queue_agg() and duration_agg() over the foreign partitions equal the single node');

# A shard that is down: an error that names it, and no rows at all.
$shards[1]->stop;
for my $q ([ 'two-level NPS', "$settings $two_level" ],
	[ 'per-customer NPS', "$pwise " . sprintf($nps_by_customer, 'contacts') ],
	[ 'per-customer FCR', "$pwise $fcr_view" ],
	[ 'per-customer journeys', "$pwise " . sprintf($journey_by_customer, 'contacts') ],
	[ 'direct nps()', "$settings SELECT nps(score) FROM responses" ])
{
	my ($rc, $out, $err) = $coord->psql('postgres', $q->[1]);
	isnt($rc, 0, "$q->[0] with shard 2 down fails");
	is($out, '', "$q->[0] with shard 2 down returns no partial answer");
	like($err, qr/could not connect to server "shard2"/, "$q->[0] with shard 2 down names the shard");
}
$shards[1]->start;
is($coord->safe_psql('postgres', "$pwise $fcr_view"), $fcr_local, 'with the shard back, the answers are whole again');

done_testing();
