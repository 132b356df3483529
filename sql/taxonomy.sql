--
-- taxonomy: the five enumerated types of interactions and journeys
--
\i test/regress_helpers.sql
-- operator classes are well-formed
SELECT opcname, amvalidate(opc.oid)
FROM pg_opclass opc
WHERE opcname IN ('journey_stage_ops', 'journey_stage_hash_ops',
                  'interaction_kind_ops', 'interaction_kind_hash_ops',
                  'interaction_channel_ops', 'interaction_channel_hash_ops',
                  'interaction_urgency_ops', 'interaction_urgency_hash_ops',
                  'interaction_direction_ops', 'interaction_direction_hash_ops')
ORDER BY opcname;

-- every label, in order, round-trips through text
SELECT l, l::text::journey_stage = l AS roundtrip, stage_rank(l), next_stage(l)
FROM unnest(journey_stage_labels()) AS l;
SELECT l, l::text::interaction_kind = l AS roundtrip FROM unnest(interaction_kind_labels()) AS l;
SELECT l, l::text::interaction_channel = l AS roundtrip, is_automated(l)
FROM unnest(interaction_channel_labels()) AS l;
SELECT l, l::text::interaction_urgency = l AS roundtrip FROM unnest(interaction_urgency_labels()) AS l;
SELECT l, l::text::interaction_direction = l AS roundtrip FROM unnest(interaction_direction_labels()) AS l;
SELECT pg_typeof(journey_stage_labels()), array_length(interaction_channel_labels(), 1);

-- every synonym
SELECT s, s::journey_stage FROM unnest(ARRAY['discovery', 'evaluation', 'conversion',
  'purchase', 'support', 'engagement', 'loyalty']) AS s;
SELECT s, s::interaction_kind FROM unnest(ARRAY['question', 'request', 'issue',
  'problem', 'suggestion', 'praise']) AS s;
SELECT s, s::interaction_channel FROM unnest(ARRAY['call', 'voice', 'live_chat',
  'whatsapp', 'face_to_face', 'bot', 'portal']) AS s;
SELECT s, s::interaction_urgency FROM unnest(ARRAY['routine', 'scheduled', 'urgent']) AS s;
SELECT s, s::interaction_direction FROM unnest(ARRAY['reactive', 'proactive']) AS s;

-- case, blanks and separators
SELECT 'In Person'::interaction_channel = 'in-person' AS a,
       'IN_PERSON'::interaction_channel = 'in person' AS b,
       '  Face-To-Face  '::interaction_channel AS c,
       E'\tSELF  service\n'::interaction_channel AS d,
       'LIVE-chat'::interaction_channel AS e,
       'Self__Service'::interaction_channel AS f;

-- ordering, comparisons, min/max
SELECT 'awareness'::journey_stage < 'advocacy' AS lt, 'retention'::journey_stage <= 'retention' AS le,
       'advocacy'::journey_stage > 'acquisition' AS gt, 'planned'::interaction_urgency >= 'critical' AS ge,
       'inbound'::interaction_direction <> 'outbound' AS ne, 'call'::interaction_channel = 'phone' AS eq;
CREATE TABLE touch (id int, stage journey_stage, channel interaction_channel,
                    kind interaction_kind, urgency interaction_urgency, direction interaction_direction);
INSERT INTO touch
SELECT i,
       (journey_stage_labels())[1 + i % 5],
       (interaction_channel_labels())[1 + i % 13],
       (interaction_kind_labels())[1 + i % 5],
       (interaction_urgency_labels())[1 + i % 3],
       (interaction_direction_labels())[1 + i % 2]
FROM generate_series(1, 1000) AS i;
INSERT INTO touch VALUES (0, NULL, NULL, NULL, NULL, NULL);
SELECT min(stage), max(stage), min(channel), max(channel), min(kind), max(kind),
       min(urgency), max(urgency), min(direction), max(direction) FROM touch;
SELECT min(stage) FROM touch WHERE false;
SELECT stage, count(*) FROM touch GROUP BY stage ORDER BY stage;
SELECT DISTINCT urgency FROM touch ORDER BY urgency DESC NULLS LAST;
SELECT channel FROM touch WHERE id <= 13 ORDER BY channel;

-- hash aggregation, hash join and merge join
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT kind, count(*) FROM touch GROUP BY kind;
SELECT kind, count(*) FROM touch GROUP BY kind ORDER BY 1;
RESET enable_sort;
CREATE TABLE stage_owner (stage journey_stage PRIMARY KEY, team text);
INSERT INTO stage_owner VALUES ('awareness', 'marketing'), ('consideration', 'sales'),
  ('acquisition', 'sales'), ('retention', 'support'), ('advocacy', 'community');
ANALYZE touch; ANALYZE stage_owner;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT o.team, count(*) FROM touch t JOIN stage_owner o USING (stage) GROUP BY o.team;
SELECT o.team, count(*) FROM touch t JOIN stage_owner o USING (stage) GROUP BY o.team ORDER BY 1;
SET enable_hashjoin = off; SET enable_mergejoin = on;
EXPLAIN (COSTS OFF) SELECT o.team, count(*) FROM touch t JOIN stage_owner o USING (stage) GROUP BY o.team;
SELECT o.team, count(*) FROM touch t JOIN stage_owner o USING (stage) GROUP BY o.team ORDER BY 1;
RESET enable_mergejoin; RESET enable_nestloop; RESET enable_hashjoin;

-- min and max are parallel: Partial Aggregate in the workers, Finalize in the
-- leader, and the answers of the serial run above
:force_parallel
EXPLAIN (COSTS OFF)
SELECT min(stage), max(stage), min(channel), max(channel), min(kind), max(kind),
       min(urgency), max(urgency), min(direction), max(direction) FROM touch;
SELECT min(stage), max(stage), min(channel), max(channel), min(kind), max(kind),
       min(urgency), max(urgency), min(direction), max(direction) FROM touch;
:reset_parallel

-- indexes: btree answers ranges and min/max; hash answers equality
CREATE INDEX touch_stage ON touch (stage);
CREATE INDEX touch_channel ON touch USING hash (channel);
VACUUM ANALYZE touch;
SET enable_seqscan = off; SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM touch WHERE stage >= 'retention';
SELECT count(*) FROM touch WHERE stage >= 'retention';
-- PostgreSQL 17 prints an InitPlan without "(returns $N)": expected/taxonomy_1.out
EXPLAIN (COSTS OFF) SELECT max(stage) FROM touch;
SELECT max(stage) FROM touch;
EXPLAIN (COSTS OFF) SELECT count(*) FROM touch WHERE channel = 'whatsapp';
SELECT count(*) FROM touch WHERE channel = 'whatsapp';
RESET enable_seqscan; RESET enable_bitmapscan;

-- binary COPY round trip: send and recv of all five types (journey_stage_recv,
-- interaction_kind_recv, interaction_channel_recv, interaction_urgency_recv,
-- interaction_direction_recv)
CREATE TEMP TABLE touch_copy (LIKE touch);
COPY touch TO :'binfile' WITH (FORMAT binary);
COPY touch_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE t IS NOT DISTINCT FROM c) AS equal
FROM touch t JOIN touch_copy c USING (id);
SELECT journey_stage_send('advocacy'), interaction_channel_send('other');

-- the support functions behind the operators, called directly: comparisons agree
-- with cmp, hash agrees with the low 32 bits of hash_extended(v, 0), min/max pick
-- by label order, and output and send agree with input
SELECT journey_stage_cmp(a, b) AS cmp_ab, journey_stage_cmp(b, a) AS cmp_ba, journey_stage_cmp(a, a) AS cmp_aa,
       journey_stage_lt(a, b) AND journey_stage_le(a, b) AND journey_stage_gt(b, a) AND journey_stage_ge(b, a)
         AND journey_stage_ne(a, b) AND journey_stage_eq(a, a) AND NOT journey_stage_eq(a, b) AS ops,
       journey_stage_hash(a) = (journey_stage_hash_extended(a, 0) & 4294967295)::bit(32)::int AS hash_ok,
       journey_stage_hash_extended(a, 1) <> journey_stage_hash_extended(a, 0) AS seeded,
       journey_stage_smaller(a, b) = a AND journey_stage_larger(a, b) = b AS minmax,
       journey_stage_out(a)::text = 'awareness' AS out_ok, journey_stage_in('AWARENESS', 'journey_stage'::regtype, -1) = a AS in_ok,
       encode(journey_stage_send(b), 'hex') AS send
FROM (VALUES ('awareness'::journey_stage, 'advocacy'::journey_stage)) v(a, b);
SELECT interaction_kind_cmp(a, b) AS cmp_ab, interaction_kind_cmp(b, a) AS cmp_ba, interaction_kind_cmp(a, a) AS cmp_aa,
       interaction_kind_lt(a, b) AND interaction_kind_le(a, b) AND interaction_kind_gt(b, a) AND interaction_kind_ge(b, a)
         AND interaction_kind_ne(a, b) AND interaction_kind_eq(a, a) AND NOT interaction_kind_eq(a, b) AS ops,
       interaction_kind_hash(a) = (interaction_kind_hash_extended(a, 0) & 4294967295)::bit(32)::int AS hash_ok,
       interaction_kind_hash_extended(a, 1) <> interaction_kind_hash_extended(a, 0) AS seeded,
       interaction_kind_smaller(a, b) = a AND interaction_kind_larger(a, b) = b AS minmax,
       interaction_kind_out(a)::text = 'inquiry' AS out_ok, interaction_kind_in('INQUIRY', 'interaction_kind'::regtype, -1) = a AS in_ok,
       encode(interaction_kind_send(b), 'hex') AS send
FROM (VALUES ('inquiry'::interaction_kind, 'compliment'::interaction_kind)) v(a, b);
SELECT interaction_channel_cmp(a, b) AS cmp_ab, interaction_channel_cmp(b, a) AS cmp_ba, interaction_channel_cmp(a, a) AS cmp_aa,
       interaction_channel_lt(a, b) AND interaction_channel_le(a, b) AND interaction_channel_gt(b, a) AND interaction_channel_ge(b, a)
         AND interaction_channel_ne(a, b) AND interaction_channel_eq(a, a) AND NOT interaction_channel_eq(a, b) AS ops,
       interaction_channel_hash(a) = (interaction_channel_hash_extended(a, 0) & 4294967295)::bit(32)::int AS hash_ok,
       interaction_channel_hash_extended(a, 1) <> interaction_channel_hash_extended(a, 0) AS seeded,
       interaction_channel_smaller(a, b) = a AND interaction_channel_larger(a, b) = b AS minmax,
       interaction_channel_out(a)::text = 'phone' AS out_ok, interaction_channel_in('PHONE', 'interaction_channel'::regtype, -1) = a AS in_ok,
       encode(interaction_channel_send(b), 'hex') AS send
FROM (VALUES ('phone'::interaction_channel, 'other'::interaction_channel)) v(a, b);
SELECT interaction_urgency_cmp(a, b) AS cmp_ab, interaction_urgency_cmp(b, a) AS cmp_ba, interaction_urgency_cmp(a, a) AS cmp_aa,
       interaction_urgency_lt(a, b) AND interaction_urgency_le(a, b) AND interaction_urgency_gt(b, a) AND interaction_urgency_ge(b, a)
         AND interaction_urgency_ne(a, b) AND interaction_urgency_eq(a, a) AND NOT interaction_urgency_eq(a, b) AS ops,
       interaction_urgency_hash(a) = (interaction_urgency_hash_extended(a, 0) & 4294967295)::bit(32)::int AS hash_ok,
       interaction_urgency_hash_extended(a, 1) <> interaction_urgency_hash_extended(a, 0) AS seeded,
       interaction_urgency_smaller(a, b) = a AND interaction_urgency_larger(a, b) = b AS minmax,
       interaction_urgency_out(a)::text = 'stabilizing' AS out_ok, interaction_urgency_in('STABILIZING', 'interaction_urgency'::regtype, -1) = a AS in_ok,
       encode(interaction_urgency_send(b), 'hex') AS send
FROM (VALUES ('stabilizing'::interaction_urgency, 'critical'::interaction_urgency)) v(a, b);
SELECT interaction_direction_cmp(a, b) AS cmp_ab, interaction_direction_cmp(b, a) AS cmp_ba, interaction_direction_cmp(a, a) AS cmp_aa,
       interaction_direction_lt(a, b) AND interaction_direction_le(a, b) AND interaction_direction_gt(b, a) AND interaction_direction_ge(b, a)
         AND interaction_direction_ne(a, b) AND interaction_direction_eq(a, a) AND NOT interaction_direction_eq(a, b) AS ops,
       interaction_direction_hash(a) = (interaction_direction_hash_extended(a, 0) & 4294967295)::bit(32)::int AS hash_ok,
       interaction_direction_hash_extended(a, 1) <> interaction_direction_hash_extended(a, 0) AS seeded,
       interaction_direction_smaller(a, b) = a AND interaction_direction_larger(a, b) = b AS minmax,
       interaction_direction_out(a)::text = 'inbound' AS out_ok, interaction_direction_in('INBOUND', 'interaction_direction'::regtype, -1) = a AS in_ok,
       encode(interaction_direction_send(b), 'hex') AS send
FROM (VALUES ('inbound'::interaction_direction, 'outbound'::interaction_direction)) v(a, b);

-- input is IMMUTABLE: a cast from text may index or generate a column
CREATE TABLE raw_touch (channel_text text,
                        channel interaction_channel GENERATED ALWAYS AS (channel_text::interaction_channel) STORED);
CREATE INDEX raw_touch_stage ON raw_touch ((channel_text::interaction_channel));
INSERT INTO raw_touch VALUES ('WhatsApp'), ('live chat');
SELECT channel_text, channel FROM raw_touch ORDER BY channel;
DROP TABLE raw_touch;

-- a renamed type keeps working; an input function reads its own type whatever
-- OID a direct call passes
ALTER TYPE interaction_urgency RENAME TO urgency_renamed;
SELECT 'urgent'::urgency_renamed, interaction_urgency_labels();
ALTER TYPE urgency_renamed RENAME TO interaction_urgency;
SELECT journey_stage_in('purchase', 'interaction_channel'::regtype, -1);
SELECT journey_stage_in('other', 'interaction_channel'::regtype, -1);

-- each type calls the C entry points of the tag its directive names: the row of
-- that tag in the library's table is the type (its name in the error of a bad label)
DO $$
DECLARE
	r record;
	msg text;
BEGIN
	FOR r IN SELECT t.typname, p.prosrc FROM pg_type t JOIN pg_proc p ON p.oid = t.typinput
			 WHERE p.prosrc LIKE 'taxonomy\_%\_in' ORDER BY p.prosrc LOOP
		BEGIN
			EXECUTE format('SELECT %L::%I', 'no such label', r.typname);
		EXCEPTION WHEN invalid_text_representation THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
		END;
		RAISE NOTICE '% (%): %', r.typname, r.prosrc, msg;
	END LOOP;
END $$;

-- NULLs pass through
SELECT stage_rank(NULL), next_stage(NULL), is_automated(NULL), NULL::journey_stage < 'awareness';

-- bad input: 22P02 with the labels in the hint
\set VERBOSITY default
SELECT 'awarenes'::journey_stage;
SELECT ''::interaction_kind;
SELECT 'phone call'::interaction_channel;
SELECT 'emergency'::interaction_urgency;
SELECT 'sideways'::interaction_direction;
SELECT 'a very long label that cannot possibly be any of the labels at all'::journey_stage;
SELECT '-'::journey_stage;
-- the SQLSTATE of a bad label, for each of the five types: 22P02
\set VERBOSITY sqlstate
SELECT 'awarenes'::journey_stage;
SELECT 'praised'::interaction_kind;
SELECT 'in person now'::interaction_channel;
SELECT ''::interaction_urgency;
SELECT 'both'::interaction_direction;
SELECT journey_stage_in('other', 'journey_stage'::regtype, -1);
\set VERBOSITY default
-- binary input: a valid value (version 1, ordinal 4), then each kind of damage
CREATE TEMP TABLE bin (stage journey_stage);
SELECT pg_temp.write_binary_copy(:'binfile', '\x0104');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT what, pg_temp.binary_copy_error('bin', bytes) AS error
FROM (VALUES
  ('ordinal 5, out of range', '\x0105'::bytea),
  ('ordinal 9, out of range', '\x0109'),
  ('unknown version',         '\x0201'),
  ('one byte',                '\x01'),
  ('three bytes',             '\x010000'),
  ('empty',                   '\x')) AS v(what, bytes);
SELECT * FROM bin;

DROP TABLE touch, stage_owner;

-- interaction_sentiment (1.2), the sixth type from the same template: its I/O,
-- comparison, btree/hash support and min/max functions called directly
SELECT interaction_sentiment_in('Pos', 0, -1) AS in_, interaction_sentiment_out('negative') AS out_,
       encode(interaction_sentiment_send('neutral'), 'hex') AS send,
       interaction_sentiment_eq('positive', 'pos') AS eq, interaction_sentiment_ne('positive', 'neg') AS ne,
       interaction_sentiment_lt('negative', 'neutral') AS lt, interaction_sentiment_le('neutral', 'neutral') AS le,
       interaction_sentiment_gt('positive', 'neutral') AS gt, interaction_sentiment_ge('negative', 'positive') AS ge,
       interaction_sentiment_cmp('negative', 'positive') AS cmp,
       interaction_sentiment_hash('neutral') = interaction_sentiment_hash('neu') AS hash,
       interaction_sentiment_hash_extended('neutral', 7) = interaction_sentiment_hash_extended('neu', 7) AS hash_ext,
       interaction_sentiment_smaller('positive', 'negative') AS smaller,
       interaction_sentiment_larger('positive', 'negative') AS larger;
SELECT opc.opcname, am.amname FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcname IN ('interaction_sentiment_ops', 'interaction_sentiment_hash_ops') ORDER BY 1;
SELECT t.typreceive = 'interaction_sentiment_recv'::regproc AS recv FROM pg_type t WHERE t.oid = 'interaction_sentiment'::regtype;
SELECT interaction_sentiment_in('gloomy', 0, -1);
