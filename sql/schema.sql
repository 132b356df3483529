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

-- moved to another schema: the rules move with it and are still used
CREATE SCHEMA ix2;
ALTER EXTENSION interaction SET SCHEMA ix2;
SELECT ix2.classify_stage('adventure') AS moved, ix2.classify_stage('pricing page');
UPDATE ix2.interaction_stage_rules SET stage = 'awareness' WHERE phrase = 'Adventure';
SELECT ix2.classify_stage('adventure') AS after_update;
SELECT count(*) AS rules FROM ix2.interaction_stage_rules;

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
