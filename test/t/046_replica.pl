# test/t/046_replica.pl: a physical streaming standby answers every KPI query
# exactly as its primary.
#
# The standby is made from a base backup before any data exists, so everything
# (tables of every type, user classification rules) arrives by WAL streaming.
# Each query below (NPS/CSAT/CES and survey summaries, FCR windows, journeys,
# funnels, Erlang C and A, business hours, classification with user rules) is
# run on both and its text output compared.  Then a rule changed on the primary
# must change the standby's classification, in new sessions and in a session
# that was already open (the invalidation is replayed from WAL).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use PostgreSQL::Test::Cluster;
use Test::More;
use InteractionTest;

my $primary = InteractionTest::node('primary', allows_streaming => 1);
$primary->backup('base');
my $standby = PostgreSQL::Test::Cluster->new('standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
$standby->start;

$primary->safe_psql('postgres', q{
	CREATE TABLE contacts AS
	SELECT id, 1 + hashint4(id) & 255 AS customer,
	       timestamptz '2026-03-01 08:00+00' + ((hashint4(id * 7)::bigint + 2147483648) % 200000) * interval '1 minute' AS at,
	       (interaction_channel_labels())[1 + (hashint4(id * 3)::bigint + 2147483648) % 8] AS channel,
	       (ARRAY['awareness', 'consideration', 'acquisition', 'retention', 'advocacy'])[1 + (hashint4(id * 5)::bigint + 2147483648) % 5]::journey_stage AS stage,
	       CASE WHEN id % 19 = 0 THEN NULL ELSE (hashint4(id * 11)::bigint + 2147483648) % 11 END::int AS score,
	       (ARRAY['my parcel never arrived, this is unacceptable', 'thanks for the quick help!',
	              'how do I change my billing address?', 'saw your ad on instagram', 'cancel my subscription now',
	              'the app crashes at login, urgent', 'renewal call next week', 'black friday mailer',
	              'I want to upgrade my plan', 'legal action if not refunded'])[1 + id % 10] AS note
	FROM generate_series(1, 6000) id;
	CREATE TABLE teams (team int PRIMARY KEY, hours business_hours);
	INSERT INTO teams VALUES
		(1, 'mon-fri 09:00-17:30; sat 10:00-14:00; tz Europe/Berlin; closed 2026-04-03, 2026-04-06'),
		(2, '24/7'),
		(3, 'mon-fri 08:00-12:00, 13:00-20:00; tz America/New_York; open 2026-03-29 10:00-14:00');
	INSERT INTO interaction_stage_rules VALUES ('black friday mailer', 'awareness'), ('renewal call', 'retention');
	INSERT INTO interaction_kind_rules VALUES ('never arrived', 'complaint');
	INSERT INTO interaction_urgency_rules VALUES ('legal action', 'critical');
	ANALYZE contacts;});

my %queries = (
	'survey KPIs per channel' => q{
		SELECT channel, nps(score), nps(score, 1 + id % 3), csat(1 + score % 5), csat(1 + score % 10, 10),
		       ces(1 + score % 7), ces(1 + score % 5, 5), survey_agg(score)::text, survey_agg(score, 0.5 + id % 2)::text
		FROM contacts GROUP BY channel ORDER BY channel},
	'survey summary accessors' => q{
		SELECT channel, responses(s), promoters(s), passives(s), detractors(s), nps(s), nps_stderr(s),
		       nps_ci(s), nps_ci(s, 0.9, 'wald'), mean_score(s), score_count(s, 10),
		       csat(c), csat(c, 5), ces(e), ces_easy(e), rollup(s) OVER ()
		FROM (SELECT channel, survey_agg(score) s, survey_agg(1 + score % 5) c, survey_agg(1 + score % 7) e
		      FROM contacts GROUP BY channel) t ORDER BY channel},
	'nps difference' => q{
		SELECT nps_diff_pvalue(a, b) FROM
		(SELECT survey_agg(score) FILTER (WHERE id % 2 = 0) a, survey_agg(score) FILTER (WHERE id % 2 = 1) b FROM contacts) t},
	'fcr windows' => q{
		SELECT id, fcr(at, '7 days') OVER w, fcr(at, '2 days', '2026-06-01 00:00+00') OVER w,
		       repeat_contact(at, '3 days') OVER w, contact_attempt(at, '7 days') OVER w
		FROM contacts WINDOW w AS (PARTITION BY customer ORDER BY at, id) ORDER BY id},
	'fcr rate per channel' => q{
		SELECT channel, avg(f::int) FROM (SELECT channel, fcr(at, '7 days') OVER (PARTITION BY customer ORDER BY at, id) f FROM contacts) t
		GROUP BY channel ORDER BY channel},
	'journeys' => q{
		SELECT customer, j::text, current_stage(j), furthest_stage(j), touchpoints(j), first_touch(j), last_touch(j),
		       stage_funnel(j, '30 days'), reached(j, 'advocacy'), time_to_stage(j, 'acquisition'), time_in_stage(j, 'retention')
		FROM (SELECT customer, journey_agg(at, stage, channel) j FROM contacts GROUP BY customer) t ORDER BY customer},
	'journey rollup and attribution' => q{
		SELECT a.* FROM (SELECT rollup(j) j FROM (SELECT journey_agg(at, stage) j FROM contacts GROUP BY customer % 4) s) r,
		       attribution(r.j, 'linear', '7 days') a ORDER BY 1},
	'funnels' => q{
		SELECT customer, window_funnel('3 days', at, stage = 'awareness', stage = 'consideration', stage = 'acquisition'),
		       window_funnel('3 days', 'strict_increase', at, stage = 'awareness', stage = 'consideration'),
		       sequence_match('(?1).*(?2)', at, stage = 'awareness', stage = 'retention'),
		       sequence_count('(?1)(?t<=86400)(?2)', at, channel = 'phone', channel = 'email'),
		       retention(stage = 'awareness', stage = 'acquisition', stage = 'advocacy')
		FROM contacts GROUP BY customer ORDER BY customer},
	'erlang' => q{
		SELECT n, erlang_c(rate * 3 / 30.0, n), erlang_service_level(rate, '30 minutes', '3 minutes', n, '20 seconds'),
		       erlang_asa(rate, '30 minutes', '3 minutes', n), occupancy(rate, '30 minutes', '3 minutes', n),
		       erlang_agents(rate, '30 minutes', '3 minutes', 0.8, '20 seconds', 0.3),
		       erlang_a_service_level(rate, '30 minutes', '3 minutes', n, '2 minutes', '20 seconds'),
		       erlang_a_abandon_rate(rate, '30 minutes', '3 minutes', n, '2 minutes'),
		       erlang_a_asa(rate, '30 minutes', '3 minutes', n, '2 minutes'),
		       erlang_a_agents(rate, '30 minutes', '3 minutes', 0.8, '20 seconds', '2 minutes', 0.1)
		FROM (SELECT count(*) / 10.0 AS rate FROM contacts) r, generate_series(12, 40, 4) n ORDER BY n},
	'business hours' => q{
		SELECT team, c.id, business_time(hours, c.at, c.at + interval '3 days'),
		       business_add(hours, c.at, '4 hours 30 minutes'), is_open(hours, c.at), next_open(hours, c.at), next_close(hours, c.at)
		FROM teams, contacts c WHERE c.id % 50 = 0 ORDER BY team, c.id},
	'classification with user rules' => q{
		SELECT note, touchpoint_words(note), classify_stage(note), classify_kind(note), classify_urgency(note), count(*)
		FROM contacts GROUP BY note ORDER BY note},
	'classification per channel' => q{
		SELECT channel, classify_kind(note), classify_urgency(note), count(*) FROM contacts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3},
);

$primary->wait_for_catchup($standby);
is($standby->safe_psql('postgres', 'SELECT pg_is_in_recovery()'), 't', 'the standby is in recovery');

for my $name (sort keys %queries)
{
	my $p = $primary->safe_psql('postgres', $queries{$name});
	my $s = $standby->safe_psql('postgres', $queries{$name});
	my $rows = () = $p =~ /\n/g;
	ok(length($p) > 0 && $p eq $s, "$name: the standby answers as the primary (" . ($rows + 1) . ' rows)')
	  or diag("primary:\n" . substr($p, 0, 2000) . "\nstandby:\n" . substr($s, 0, 2000));
}

# A rule changed on the primary reaches the standby's classification: in a new
# session, and in one that was open (and had used the rules) before the change.
my $open = $standby->background_psql('postgres');
my $q = q{SELECT coalesce(classify_stage(t)::text, '-') || '/' || coalesce(classify_kind(t)::text, '-')
	|| '/' || coalesce(classify_urgency(t)::text, '-') FROM (VALUES ('we met at the spring fair')) v(t)};
my $before = $standby->safe_psql('postgres', $q);
is($open->query_safe($q), $before, 'open standby session: the answer before the change');
$primary->safe_psql('postgres', q{
	INSERT INTO interaction_stage_rules VALUES ('spring fair', 'advocacy');
	INSERT INTO interaction_kind_rules VALUES ('spring fair', 'compliment');
	INSERT INTO interaction_urgency_rules VALUES ('spring fair', 'planned');});
$primary->wait_for_catchup($standby);
my $after = $primary->safe_psql('postgres', $q);
is($after, 'advocacy/compliment/planned', 'the primary uses its new rules');
isnt($before, $after, 'the rules changed the answer');
is($standby->safe_psql('postgres', $q), $after, 'a new standby session uses the replicated rules');
is($open->query_safe($q), $after, 'an open standby session uses the replicated rules');

$primary->safe_psql('postgres', q{DELETE FROM interaction_stage_rules WHERE phrase = 'spring fair'});
$primary->wait_for_catchup($standby);
is($open->query_safe($q), $primary->safe_psql('postgres', $q), 'an open standby session sees a replicated delete');
my $cls = $queries{'classification with user rules'};
is($standby->safe_psql('postgres', $cls), $primary->safe_psql('postgres', $cls),
	'classification of every note still equal after the rule changes');
$open->quit;

done_testing(1 + scalar(keys %queries) + 7);
