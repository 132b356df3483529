--
-- schema: the extension installed in (and moved to) a schema that is not on the
-- search_path, its functions called schema-qualified.  Ends with the extension
-- back in public, as the later test files expect.
--
SET client_min_messages = warning;
DROP EXTENSION interaction CASCADE;
RESET client_min_messages;
CREATE SCHEMA ix;
CREATE EXTENSION interaction SCHEMA ix;
SET search_path = public;

-- nothing of ours is visible unqualified
SELECT classify_stage('demo');
SELECT 'demo'::journey_stage;

-- the taxonomy types, qualified
SELECT 'In Person'::ix.interaction_channel AS channel, 'purchase'::ix.journey_stage AS stage,
       ix.stage_rank('retention'), ix.next_stage('awareness'),
       'awareness'::ix.journey_stage OPERATOR(ix.<) 'advocacy'::ix.journey_stage AS ordered;

-- classification, built-in and with user rules in ix.interaction_stage_rules
SELECT t, ix.classify_stage(t), pg_typeof(ix.classify_stage(t)), ix.touchpoint_words(t)
FROM unnest(ARRAY['Ad-Click', 'Clicked pricing page link', 'adventure', 'loyalty program']) AS t;
INSERT INTO ix.interaction_stage_rules VALUES ('Adventure', 'advocacy'), ('Pricing Page', 'acquisition');
SELECT t, ix.classify_stage(t)
FROM unnest(ARRAY['Ad-Click', 'Clicked pricing page link', 'adventure', 'loyalty program']) AS t;
INSERT INTO ix.interaction_stage_rules VALUES ('adventure!', 'retention');
INSERT INTO ix.interaction_stage_rules VALUES ('...', 'retention');
SELECT ix.classify_stage('adventure') OPERATOR(ix.=) 'advocacy'::ix.journey_stage AS equal;
SELECT ix.nps_category(9), ix.nps_category(6);
SELECT count(*) FROM ix.stage_vocabulary();

-- survey scores, qualified: aggregates (direct, two-step, moving), the operator,
-- accessors and the statistics with their default arguments
SELECT ix.nps(s) AS nps, ix.csat(s % 5 + 1) AS csat, ix.ces(s % 7 + 1, 7) AS ces,
       ix.responses(ix.survey_agg(s)), round(ix.nps_stderr(ix.survey_agg(s))::numeric, 2) AS stderr,
       round((ix.nps_ci(ix.survey_agg(s))).low::numeric, 2) AS ci_low
FROM generate_series(0, 10) AS s;
SELECT ix.rollup(d) AS rolled_up, ix.nps(ix.rollup(d)),
       ix.rollup(d) OPERATOR(ix.=) ('{0:1}'::ix.survey_summary OPERATOR(ix.+) '{9:2,10:1}'::ix.survey_summary) AS plus
FROM (SELECT ix.survey_agg(s) AS d FROM (VALUES (0), (9), (9), (10)) v(s) GROUP BY s) g;
SELECT s, ix.nps(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS rolling
FROM (VALUES (1, 10), (2, 0), (3, 9)) v(i, s);

-- FCR window functions, qualified
SET TimeZone = 'UTC';
SELECT at, ix.fcr(at, '1 day') OVER w, ix.fcr(at, '1 day', '2026-01-03') OVER w AS fcr_as_of,
       ix.repeat_contact(at, '1 day') OVER w, ix.contact_attempt(at, '1 day') OVER w
FROM (VALUES (timestamptz '2026-01-01 00:00+00'), ('2026-01-01 12:00+00'), ('2026-01-02 12:00+00')) v(at)
WINDOW w AS (ORDER BY at);

-- routing priority and skills, qualified: constructors with their defaults,
-- operators, accessors, and the btree and GIN indexes answering queries
SELECT ix.routing_priority(2, '2026-01-01 10:00+00') AS p,
       ix.routing_priority_deadline('2026-01-01 12:00+00', 1) OPERATOR(ix.>)
         ix.routing_priority(100, '2026-01-01 10:00+00') AS higher_tier_first,
       ix.virtual_arrival(ix.routing_priority(2, '2026-01-01 10:00+00') OPERATOR(ix.+) interval '3 minutes'),
       ix.tier(ix.escalate(ix.routing_priority(0, '2026-01-01 10:00+00'), 2)),
       ix.wait(ix.routing_priority(0, '2026-01-01 10:00+00'), '2026-01-01 10:30+00');
SELECT 'billing:4, spanish:3'::ix.skillset OPERATOR(ix.@>) 'billing:3'::ix.skillset AS qualifies,
       'billing:3'::ix.skillset OPERATOR(ix.<@) 'billing:4, spanish:3'::ix.skillset AS contained,
       round(ix.skill_fit('billing:4, spanish:3', 'billing:3')::numeric, 4) AS fit;
CREATE TABLE qualified_queue (id int, priority ix.routing_priority, skills ix.skillset);
INSERT INTO qualified_queue
SELECT i, ix.routing_priority(i % 4, timestamptz '2026-01-01 10:00+00' + i * interval '1 second'),
       ('s' || i % 20 || ':' || 1 + i % 10)::ix.skillset
FROM generate_series(1, 2000) AS i;
CREATE INDEX ON qualified_queue (priority);
CREATE INDEX ON qualified_queue USING gin (skills);
ANALYZE qualified_queue;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM qualified_queue ORDER BY priority DESC LIMIT 1;
SELECT id FROM qualified_queue ORDER BY priority DESC LIMIT 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM qualified_queue WHERE skills OPERATOR(ix.@>) 's3:4'::ix.skillset;
SELECT count(*) FROM qualified_queue WHERE skills OPERATOR(ix.@>) 's3:4'::ix.skillset;
RESET enable_seqscan;
RESET TimeZone;
DROP TABLE qualified_queue;

-- journeys, qualified: the type's text input and output, journey_agg with and
-- without channel, rollup, ||, @>, the accessors, stage_funnel, attribution
-- (with its default arguments) and unnest
SET TimeZone = 'UTC';
CREATE TABLE qualified_touches (customer int, at timestamptz, stage ix.journey_stage, channel ix.interaction_channel);
INSERT INTO qualified_touches VALUES
	(1, '2026-05-01 09:00+00', 'awareness', 'social'),
	(1, '2026-05-02 09:00+00', 'consideration', 'email'),
	(1, '2026-05-03 09:00+00', 'acquisition', 'web'),
	(1, '2026-05-10 09:00+00', 'retention', 'phone'),
	(2, '2026-05-01 12:00+00', 'awareness', NULL),
	(2, '2026-05-05 12:00+00', 'consideration', 'chat');
SELECT '[2026-05-03 10:00+00 acquisition/web, 2026-05-01 11:00 Europe/Paris Discovery/Live-Chat]'::ix.journey AS j,
       '[]'::ix.journey AS empty,
       '[2026-05-01 09:00+00 awareness]'::text::ix.journey AS cast_from_text;
SELECT customer, ix.journey_agg(at, stage, channel) AS j, ix.journey_agg(at, stage)::text AS no_channels
FROM qualified_touches GROUP BY customer ORDER BY customer;
SELECT customer, ix.touchpoints(j), ix.first_touch(j), ix.last_touch(j), ix.current_stage(j),
       ix.furthest_stage(j), j OPERATOR(ix.@>) 'acquisition'::ix.journey_stage AS converted,
       ix.reached(j, 'consideration'), ix.time_to_stage(j, 'acquisition'), ix.time_in_stage(j, 'awareness'),
       ix.stage_funnel(j, '3 days') AS funnel_3d
FROM (SELECT customer, ix.journey_agg(at, stage, channel) AS j FROM qualified_touches GROUP BY customer) t
ORDER BY customer;
SELECT r OPERATOR(ix.=) (SELECT ix.journey_agg(at, stage, channel) FROM qualified_touches) AS rollup_equal,
       ix.touchpoints(r)
FROM (SELECT ix.rollup(j) AS r
      FROM (SELECT customer, ix.journey_agg(at, stage, channel) AS j FROM qualified_touches GROUP BY customer) t) r;
SELECT '[2026-05-01 09:00+00 awareness/web]'::ix.journey OPERATOR(ix.||) '[2026-05-02 09:00+00 acquisition/phone]'::ix.journey AS concatenated;
SELECT channel, round(credit::numeric, 4) AS linear_credit
FROM ix.attribution((SELECT ix.journey_agg(at, stage, channel) FROM qualified_touches WHERE customer = 1));
SELECT channel, round(credit::numeric, 4) AS decay_credit
FROM ix.attribution((SELECT ix.journey_agg(at, stage, channel) FROM qualified_touches WHERE customer = 1), 'time_decay');
SELECT * FROM ix.unnest('[2026-05-02 09:00+00 acquisition, 2026-05-01 09:00+00 awareness/web]'::ix.journey);

-- funnels, qualified: window_funnel with and without a mode, retention,
-- sequence_match and sequence_count (the mode and the pattern are parsed by name)
SELECT customer,
       ix.window_funnel('2 days', at, stage OPERATOR(ix.=) 'awareness', stage OPERATOR(ix.=) 'consideration', stage OPERATOR(ix.=) 'acquisition') AS level,
       ix.window_funnel('5 days', 'strict_order', at, stage OPERATOR(ix.=) 'awareness', stage OPERATOR(ix.=) 'consideration', stage OPERATOR(ix.=) 'acquisition') AS strict_level,
       ix.retention(stage OPERATOR(ix.=) 'awareness', stage OPERATOR(ix.=) 'acquisition', stage OPERATOR(ix.=) 'retention') AS r,
       ix.sequence_match('(?1).*(?2)', at, stage OPERATOR(ix.=) 'awareness', stage OPERATOR(ix.=) 'acquisition') AS converted,
       ix.sequence_match('(?1)(?t<=86400)(?2)', at, stage OPERATOR(ix.=) 'awareness', stage OPERATOR(ix.=) 'consideration') AS next_day,
       ix.sequence_count('(?1)', at, channel IS NOT NULL) AS with_channel
FROM qualified_touches GROUP BY customer ORDER BY customer;
DROP TABLE qualified_touches;

-- staffing, qualified (defaults of shrinkage included)
SELECT round(ix.erlang_c(48, 55)::numeric, 6) AS erlang_c,
       ix.erlang_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds') AS agents,
       ix.erlang_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', 0.3) AS with_shrinkage,
       round(ix.erlang_service_level(100, '30 minutes', '3 minutes', 14, '20 seconds')::numeric, 6) AS sl,
       ix.erlang_asa(100, '30 minutes', '3 minutes', 14) AS asa,
       round(ix.occupancy(100, '30 minutes', '3 minutes', 14)::numeric, 6) AS occupancy;
SELECT ix.erlang_a_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', '2 minutes') AS a_agents,
       round(ix.erlang_a_service_level(100, '30 minutes', '3 minutes', 12, '20 seconds', '2 minutes')::numeric, 6) AS a_sl,
       round(ix.erlang_a_abandon_rate(100, '30 minutes', '3 minutes', 12, '2 minutes')::numeric, 6) AS a_abandon,
       ix.erlang_a_asa(100, '30 minutes', '3 minutes', 12, '2 minutes') AS a_asa;

-- business hours, qualified: the type's input (a time zone by name), the
-- calendar arithmetic
SELECT 'mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-25'::ix.business_hours AS h,
       ix.business_time('mon-fri 09:00-17:00; tz Europe/Berlin', '2026-03-23', '2026-04-06') AS two_weeks;
SELECT ix.business_add(h, '2026-12-24 16:30+00', '4 hours') AS due,
       ix.next_open(h, '2026-12-24 18:00+00') AS opens, ix.next_close(h, '2026-12-28 10:00+00') AS closes,
       ix.is_open(h, '2026-12-28 10:00+00') AS open,
       h OPERATOR(ix.=) 'mon-fri 09:00-17:00; closed 2026-12-25; tz UTC'::ix.business_hours AS same
FROM (SELECT 'mon-fri 09:00-17:00; tz UTC; closed 2026-12-25'::ix.business_hours AS h) c;
RESET TimeZone;

-- kinds and urgencies, built-in and with user rules in the extension's tables
SELECT t, ix.classify_kind(t), ix.classify_urgency(t), pg_typeof(ix.classify_kind(t))
FROM unnest(ARRAY['I want a refund, this is unacceptable', 'how do I export my data', 'the dashboard is down for everyone']) AS t;
INSERT INTO ix.interaction_kind_rules VALUES ('export my data', 'complaint');
INSERT INTO ix.interaction_urgency_rules VALUES ('Export', 'critical');
SELECT t, ix.classify_kind(t), ix.classify_urgency(t)
FROM unnest(ARRAY['I want a refund, this is unacceptable', 'how do I export my data', 'the dashboard is down for everyone']) AS t;
SELECT count(*) > 0 AS kinds, (SELECT count(*) > 0 FROM ix.urgency_vocabulary()) AS urgencies FROM ix.kind_vocabulary();

-- moved to another schema: the rules move with it and are still used
CREATE SCHEMA ix2;
ALTER EXTENSION interaction SET SCHEMA ix2;
SELECT ix2.classify_stage('adventure') AS moved, ix2.classify_stage('pricing page');
UPDATE ix2.interaction_stage_rules SET stage = 'awareness' WHERE phrase = 'Adventure';
SELECT ix2.classify_stage('adventure') AS after_update;
SELECT count(*) AS rules FROM ix2.interaction_stage_rules;
SELECT ix2.classify_kind('how do I export my data') AS moved_kind, ix2.classify_urgency('export') AS moved_urgency,
       (SELECT count(*) FROM ix2.interaction_kind_rules) AS kind_rules;

-- nothing is left behind in the first schema
SELECT count(*) AS in_ix FROM pg_proc WHERE pronamespace = 'ix'::regnamespace;

-- back to public
SET client_min_messages = warning;
DROP EXTENSION interaction CASCADE;
RESET client_min_messages;
DROP SCHEMA ix;
DROP SCHEMA ix2;
CREATE EXTENSION interaction;
SELECT classify_stage('adventure') AS fresh_rules, count(*) AS rules FROM interaction_stage_rules;
