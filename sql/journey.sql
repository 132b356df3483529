--
-- journey: the journey type, journey_agg, ||, accessors, stage_funnel, attribution
--
\i test/regress_helpers.sql

-- text form: touchpoints in time order, times in ISO form in UTC, "stage/channel"
SELECT '[2026-05-03 10:00+00 acquisition/web, 2026-05-01 09:00+00 awareness/social,
         2026-05-02 12:00+00 consideration/email]'::journey AS sorted;
-- any core timestamptz form (without commas); labels take synonyms, case, "-" and "_"
SELECT '[ 2026-05-01 11:00 Europe/Paris  Discovery/Live-Chat ,2026-05-01T09:00:00.25Z PURCHASE ,
         1999-01-08 04:05:06 PST loyalty/In_Person]'::journey AS forms;
-- ties at one time: stage rank, then channel in label order, no channel last;
-- equal touchpoints are all kept
SELECT '[2026-05-01 09:00+00 acquisition, 2026-05-01 09:00+00 awareness/web,
         2026-05-01 09:00+00 awareness, 2026-05-01 09:00+00 awareness/phone,
         2026-05-01 09:00+00 awareness/web]'::journey AS ties;
-- equality: the same touchpoints, however they were written
SELECT '[2026-05-01 10:00+01 awareness, 2026-05-01 08:00+00 consideration/web]'::journey
         = '[2026-05-01 08:00Z consideration/Web, 2026-05-01 09:00Z Discovery]' AS same,
       '[2026-05-01 09:00+00 awareness]'::journey = '[2026-05-01 09:00+00 awareness/web]' AS channel_differs,
       '[2026-05-01 09:00+00 awareness]'::journey <> '[2026-05-01 09:00+00 awareness, 2026-05-01 09:00+00 awareness]' AS count_differs,
       '[]'::journey = '[]' AS empty;
-- the empty journey; blanks
SELECT '[]'::journey AS empty, ' [ ] '::journey AS blanks, touchpoints('[]');
-- the text does not depend on the session's TimeZone or DateStyle and re-reads
-- to the same journey under any other
CREATE TEMP TABLE texts (id int, j journey);
INSERT INTO texts VALUES
  (1, '[2026-05-01 09:00+00 awareness/social, 2026-10-31 23:59:59.999999+00 advocacy]'),
  (2, '[0044-03-15 12:00+00 BC retention/other, 294276-12-31 23:59:59+00 advocacy]'),
  (3, '[]'),
  (4, '[2026-03-29 01:30+00 consideration/self_service, 2026-03-29 01:30+00 consideration]');
SET TimeZone = 'Asia/Kolkata';
SET DateStyle = 'SQL, DMY';
CREATE TEMP TABLE texts_kolkata AS SELECT id, j::text AS t FROM texts;
SET TimeZone = 'America/Los_Angeles';
SET DateStyle = 'German';
SELECT id, k.t, k.t = j::text AS same_text, k.t::journey::text = k.t AS rereads
FROM texts JOIN texts_kolkata k USING (id) ORDER BY id;
RESET TimeZone;
RESET DateStyle;
-- a time without an offset is read in the session time zone
SET TimeZone = 'Europe/Berlin';
SELECT '[2026-07-01 12:00 awareness]'::journey AS berlin_noon;
RESET TimeZone;
SELECT '[2026-05-01 09:00+00 awareness]'::text::journey::text, pg_typeof('[]'::journey::text);

-- bad input: each with its SQLSTATE, message and detail
SELECT input, pg_temp.error_of(format('SELECT %L::journey', input)) AS error
FROM (VALUES
  (''),
  ('2026-05-01 awareness'),
  ('[2026-05-01 awareness'),
  ('[2026-05-01 awareness] x'),
  ('[awareness]'),
  ('[2026-05-01 awareness,]'),
  ('[, 2026-05-01 awareness]'),
  ('[2026-05-01 shopping]'),
  ('[2026-05-01 awareness/fax]'),
  ('[2026-05-01 awareness/]'),
  ('[2026-05-01 awareness/web/chat]'),
  ('[2026-05-01 awareness / web]'),
  ('[yesterday-ish awareness]'),
  ('[2026-02-30 awareness]'),
  ('[infinity awareness]'),
  ('[2026-05-01 awareness, -infinity acquisition]')) AS t(input);
-- the hint lists the labels
\set VERBOSITY default
SELECT '[2026-05-01 shopping]'::journey;
SELECT '[2026-05-01 awareness/fax]'::journey;
\set VERBOSITY terse
-- more touchpoints than the text form fits in one 1 GB value: a limit, checked
-- before allocating (16777215 empty touchpoints are a syntax error instead)
SELECT pg_temp.error_of($$SELECT ('[' || repeat(',', 16777215) || ']')::journey$$) AS too_many,
       pg_temp.error_of($$SELECT ('[' || repeat(',', 16777214) || ']')::journey$$) ~ '^22P02' AS at_the_limit;
-- a large journey is compressed and stored out of line, and reads back whole
CREATE TEMP TABLE big AS
SELECT journey_agg(timestamptz '2026-01-01 00:00+00' + i * interval '1 minute',
                   (journey_stage_labels())[1 + i % 5], (interaction_channel_labels())[1 + i % 13]) AS j
FROM generate_series(1, 100000) i;
SELECT touchpoints(j), pg_column_size(j) < 16 * 100000 AS compressed,
       j::text::journey = j AS rereads, last_touch(j) - first_touch(j) AS span
FROM big;

-- accessors, worked out by hand on one journey:
--  1 05-01 09:00 awareness/social      4 05-05 12:00 consideration (no channel)
--  2 05-02 09:00 awareness/web         5 05-06 00:00 acquisition/web
--  3 05-03 12:00 consideration/email   6 05-20 00:00 retention/phone
--                                      7 05-21 00:00 consideration/chat
CREATE TEMP TABLE hand (j journey);
INSERT INTO hand VALUES ('[2026-05-01 09:00+00 awareness/social, 2026-05-02 09:00+00 awareness/web,
  2026-05-03 12:00+00 consideration/email, 2026-05-05 12:00+00 consideration,
  2026-05-06 00:00+00 acquisition/web, 2026-05-20 00:00+00 retention/phone,
  2026-05-21 00:00+00 consideration/chat]');
SET TimeZone = 'UTC';
SELECT touchpoints(j), first_touch(j), last_touch(j), current_stage(j), furthest_stage(j)
FROM hand;
-- reached: some touchpoint at the stage or beyond; @> is the same
SELECT s AS stage, reached(j, s), j @> s AS contains,
       time_to_stage(j, s), time_in_stage(j, s)
FROM hand, unnest(journey_stage_labels()) AS s;
SELECT * FROM unnest((SELECT j FROM hand)) WITH ORDINALITY;
-- empty and one-touch journeys
SELECT touchpoints(j), first_touch(j), last_touch(j), current_stage(j), furthest_stage(j),
       reached(j, 'awareness'), time_to_stage(j, 'awareness'), time_in_stage(j, 'awareness'),
       stage_funnel(j, '1 day'), (SELECT count(*) FROM unnest(j)) AS rows
FROM (VALUES ('[]'::journey), ('[2026-05-01 09:00+00 awareness]'),
             ('[2026-05-01 09:00+00 retention]')) AS t(j);
-- current_stage on a tie at the latest time: the highest stage
SELECT current_stage('[2026-05-01 advocacy, 2026-05-02 retention, 2026-05-02 consideration]');
-- time_in_stage counts the gap after every touchpoint at the stage, also a return
SELECT time_in_stage('[2026-01-01 00:00+00 awareness, 2026-01-02 00:00+00 consideration,
                       2026-01-04 00:00+00 awareness, 2026-01-04 06:00+00 acquisition]', 'awareness');

-- stage_funnel on the hand journey, each step within `within` of the chain's start:
-- the latest awareness (touch 2, 2 May 09:00) starts the best chain; consideration
-- (touch 3) is 1 day 3 h after it, acquisition (touch 5) 3 days 15 h, retention
-- (touch 6) 17 days 15 h: so 1, 1, 2, 2, 2, 3, 3, 4
SELECT within, stage_funnel(j, within::interval)
FROM hand, (VALUES ('0'), ('1 day'), ('1 day 3 hours'), ('3 days 2 hours'),
                   ('3 days 3 hours'), ('13 days'), ('14 days'), ('1 mon')) AS w(within);
-- the best chain counts, not the first: the second awareness leads on
SELECT stage_funnel('[2026-01-01 awareness, 2026-01-10 awareness, 2026-01-11 consideration]', '2 days') AS later_start,
       stage_funnel('[2026-01-01 awareness, 2026-01-01 consideration, 2026-01-01 acquisition,
                      2026-01-01 retention, 2026-01-01 advocacy]', '0') AS same_time,
       stage_funnel('[2026-01-01 awareness, 2026-01-02 acquisition]', '1 year') AS skipped,
       stage_funnel('[2026-01-01 consideration, 2026-01-02 awareness]', '1 year') AS out_of_order,
       stage_funnel('[2026-01-01 consideration, 2026-01-02 acquisition]', '1 year') AS no_awareness;
SELECT pg_temp.error_of($$SELECT stage_funnel('[]', '-1 second')$$) AS negative_within;

-- attribution on the hand journey: touches 1..5 (up to the first acquisition)
-- linear: social 1/5, email 1/5, web 2/5, none 1/5 (channel NULL, listed last)
SELECT m AS model, channel, round(credit::numeric, 6) AS credit
FROM hand, unnest(ARRAY['first_touch', 'last_touch', 'linear', 'position_based']) AS m,
     attribution(j, m)
ORDER BY m;
-- time_decay with a 1-day half-life: weights 2^-4.625, 2^-3.625, 2^-2.5, 2^-0.5, 1
SELECT channel, round(credit::numeric, 6) AS credit,
       round((CASE channel WHEN 'social' THEN 2 ^ -4.625 WHEN 'web' THEN 2 ^ -3.625 + 1
              WHEN 'email' THEN 2 ^ -2.5 ELSE 2 ^ -0.5 END
              / (2 ^ -4.625 + 2 ^ -3.625 + 2 ^ -2.5 + 2 ^ -0.5 + 1))::numeric, 6) AS by_hand
FROM hand, attribution(j, 'time_decay', '1 day');
-- defaults: linear, and a 7-day half-life; model names ignore case
SELECT (SELECT array_agg(credit) FROM hand, attribution(j)) =
       (SELECT array_agg(credit) FROM hand, attribution(j, 'Linear')) AS default_linear,
       (SELECT array_agg(credit) FROM hand, attribution(j, 'time_decay')) =
       (SELECT array_agg(credit) FROM hand, attribution(j, 'time_decay', '7 days')) AS default_half_life;
-- the conversion is the first touchpoint at acquisition or beyond: a
-- retention touch without an acquisition converts (as reached() has it)
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-05 retention/phone]', 'linear');
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-05 advocacy/phone, 2026-01-06 acquisition/sms]', 'last_touch');
SELECT reached(j, 'acquisition'), time_to_stage(j, 'acquisition'), j @> 'acquisition'::journey_stage AS contains
FROM (VALUES ('[2026-01-01 awareness/web, 2026-01-05 retention/phone]'::journey)) v(j);
-- no stage at acquisition or beyond: no rows
SELECT count(*) FROM attribution('[2026-01-01 awareness/web, 2026-01-05 consideration/phone]', 'linear');
SELECT count(*) FROM attribution('[]');
-- acquisition first: all credit to it under every model
SELECT m, channel, credit
FROM unnest(ARRAY['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based']) AS m,
     attribution('[2026-01-01 acquisition/chat, 2026-01-02 awareness/web]', m);
-- position_based with two touches: half each; with three: 40/20/40
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition/phone]', 'position_based');
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-02 awareness/sms,
                            2026-01-03 acquisition/phone]', 'position_based');
-- an acquisition without a channel
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition]', 'last_touch');
-- model names are keywords: any case, '-', '_' or spaces between words
SELECT m AS model, (SELECT array_agg(round(credit::numeric, 4) ORDER BY channel) FROM hand, attribution(j, m)) AS credits
FROM unnest(ARRAY['position_based', 'Position Based', 'position-based', 'POSITION_BASED', ' Position  based ',
                  'TIME-DECAY', 'Last Touch']) AS m;
-- lookback: only touchpoints at most lookback before the conversion earn
-- credit, the boundary included (the hand journey converts on 6 May 00:00,
-- 4 days 15 hours after touch 1, 3 days 15 hours after touch 2, 2 days 12
-- hours after touch 3, 12 hours after touch 4)
SELECT coalesce(lb::text, 'none') AS lookback, m AS model, channel, round(credit::numeric, 6) AS credit
FROM hand, (VALUES (NULL::interval), ('12 hours'), ('3 days 14:59:59'), ('3 days 15 hours'), ('1 year')) AS l(lb),
     unnest(ARRAY['first_touch', 'linear']) AS m,
     attribution(j, m, '7 days', lb)
ORDER BY lb NULLS FIRST, m, channel NULLS LAST;
-- lookback 0: the converting touchpoint (and any at the same instant) has it all;
-- the converting touchpoint is always within the lookback, so a converting
-- journey always has credits
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-02 awareness/sms, 2026-01-02 acquisition/phone]',
                          'linear', '7 days', '0');
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition/phone]', 'first_touch', '7 days', '0');
-- named: the lookback alone; months count 30 days, as interval comparison has it
SELECT * FROM attribution('[2026-01-01 awareness/web, 2026-01-31 awareness/sms, 2026-02-01 acquisition/phone]',
                          lookback => '1 mon');
-- bad models, half-lives and lookbacks
\set VERBOSITY default
SELECT * FROM attribution('[]', 'u_shaped');
SELECT * FROM attribution('[]', 'time_decay', '0');
\set VERBOSITY terse
SELECT pg_temp.error_of($$SELECT * FROM attribution('[]', 'linear', '-1 day')$$) AS negative,
       pg_temp.error_of($$SELECT * FROM attribution('[]', '')$$) AS empty_model,
       pg_temp.error_of($$SELECT * FROM attribution('[]', 'positionbased')$$) AS run_together,
       pg_temp.error_of($$SELECT * FROM attribution('[]', 'position.based')$$) AS other_separator;
\set VERBOSITY default
SELECT * FROM attribution('[]', 'linear', '7 days', '-1 hour');
\set VERBOSITY terse
SELECT pg_temp.error_of($$SELECT * FROM attribution('[]', 'linear', '7 days', '1 day -25 hours')$$) AS negative_whole,
       pg_temp.error_of($$SELECT * FROM attribution('[]', 'linear', '7 days', '-1 mon 31 days')$$) AS month_of_30_days;

-- journey_agg: rows without a time or stage are skipped, a NULL channel is none
CREATE TEMP TABLE rows_ (id int, at timestamptz, stage journey_stage, channel interaction_channel);
INSERT INTO rows_ VALUES
  (1, '2026-05-02 10:00+00', 'consideration', 'email'),
  (1, '2026-05-01 09:00+00', 'awareness', 'social'),
  (1, NULL, 'acquisition', 'web'),
  (1, '2026-05-03 09:00+00', NULL, 'web'),
  (1, '2026-05-03 10:00+00', 'acquisition', NULL),
  (2, NULL, 'awareness', 'web'),
  (3, '2026-05-01 09:00+00', 'awareness', 'web'),
  (3, '2026-05-01 09:00+00', 'awareness', 'web');
SELECT id, journey_agg(at, stage, channel), journey_agg(at, stage) AS without_channels
FROM rows_ GROUP BY id ORDER BY id;
-- no rows: NULL, like array_agg
SELECT journey_agg(at, stage) IS NULL AS no_rows FROM rows_ WHERE false;
SELECT pg_temp.error_of($$SELECT journey_agg('infinity', 'awareness')$$) AS infinite;
-- stage and channel stored as text are read as the types read them: any case,
-- '-', '_' or blanks between words, synonyms; NULL is skipped (stage) or none
-- (channel); an unknown label is 22P02 naming the labels
CREATE TEMP TABLE text_rows AS
SELECT id, at, stage::text AS stage, channel::text AS channel FROM rows_;
SELECT (SELECT journey_agg(at, stage, channel) FROM text_rows WHERE id = 1)
       = (SELECT journey_agg(at, stage, channel) FROM rows_ WHERE id = 1) AS same_as_typed,
       (SELECT journey_agg(at, stage) FROM text_rows WHERE id = 1)
       = (SELECT journey_agg(at, stage) FROM rows_ WHERE id = 1) AS same_without_channels;
SELECT journey_agg(at, stage, channel)
FROM (VALUES ('2026-05-01 09:00+00'::timestamptz, 'Awareness', ' SOCIAL '),
             ('2026-05-02 09:00+00', 'consideration', 'WhatsApp'),
             ('2026-05-03 09:00+00', 'Purchase', NULL),
             ('2026-05-04 09:00+00', NULL, 'web')) v(at, stage, channel);
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ($$SELECT journey_agg(now(), 'checkout'::text)$$),
  ($$SELECT journey_agg(now(), 'awareness'::text, 'pigeon'::text)$$)
) AS t(q);
-- ||: touchpoints merged in order
SELECT '[2026-05-01 awareness/web, 2026-05-03 acquisition]'::journey
       || '[2026-05-02 consideration/chat, 2026-05-03 acquisition, 2026-05-03 awareness]' AS merged,
       '[]'::journey || '[2026-05-01 awareness]' AS with_empty;
-- the support functions called directly (outside an aggregate) leave their
-- arguments alone; combining states in either order gives one journey
SELECT journey_agg_final(journey_agg_combine(a, b))::text = journey_agg_final(journey_agg_combine(b, a))::text AS same,
       journey_agg_final(journey_agg_combine(a, b)) AS combined, a, b
FROM (SELECT journey_agg_trans(journey_agg_trans(NULL, '2026-05-03', 'acquisition', 'web'),
                               '2026-05-01', 'awareness') AS a,
             journey_agg_trans('[2026-05-02 consideration]', '2026-05-01', 'awareness', 'web') AS b) s;

-- random journeys with many ties (days only, few stages and channels, NULLs)
SELECT setseed(0.25);
CREATE TABLE touch_rows AS
SELECT 1 + (random() * 299)::int AS id,
       timestamptz '2026-01-01 00:00+00' + floor(random() * 20) * interval '1 day' AS at,
       (journey_stage_labels())[1 + floor(random() * 5)::int] AS stage,
       CASE WHEN random() < 0.2 THEN NULL
            ELSE (interaction_channel_labels())[1 + floor(random() * 4)::int] END AS channel
FROM generate_series(1, 3000);
-- one journey per id whatever the input order
SELECT count(*) AS journeys, count(*) FILTER (WHERE a = b) AS same_shuffled
FROM (SELECT id,
             journey_agg(at, stage, channel ORDER BY random())::text AS a,
             journey_agg(at, stage, channel ORDER BY at DESC, channel DESC NULLS FIRST)::text AS b
      FROM touch_rows GROUP BY id) s;
-- equal to the rows sorted by time, stage rank and channel (no channel last)
SELECT count(*) FILTER (WHERE j::text = '[' || sorted || ']') AS equal_text, count(*)
FROM (SELECT id, journey_agg(at, stage, channel) AS j FROM touch_rows GROUP BY id) s
JOIN (SELECT id, string_agg(format('%s %s%s', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS+00'),
                                   stage, '/' || channel), ', '
                            ORDER BY at, stage, channel NULLS LAST) AS sorted
      FROM touch_rows GROUP BY id) q USING (id);
-- || of the halves equals the aggregate of all
SELECT count(*) FILTER (WHERE (lo || hi)::text = j::text) AS equal, count(*)
FROM (SELECT id, journey_agg(at, stage, channel) AS j,
             coalesce(journey_agg(at, stage, channel) FILTER (WHERE at < '2026-01-10+00'), '[]') AS lo,
             coalesce(journey_agg(at, stage, channel) FILTER (WHERE at >= '2026-01-10+00'), '[]') AS hi
      FROM touch_rows GROUP BY id) s;

-- forced parallel plans: partial aggregates combined give the serial answers
CREATE TEMP TABLE serial_answers AS
SELECT id % 10 AS g, journey_agg(at, stage, channel)::text AS j FROM touch_rows GROUP BY 1;
:force_parallel
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT id % 10, journey_agg(at, stage, channel) FROM touch_rows GROUP BY 1;
EXPLAIN (COSTS OFF) SELECT journey_agg(at, stage, channel) FROM touch_rows;
CREATE TEMP TABLE parallel_answers AS
SELECT id % 10 AS g, journey_agg(at, stage, channel)::text AS j FROM touch_rows GROUP BY 1;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.j = s.j) AS equal
FROM serial_answers s JOIN parallel_answers p USING (g);
SELECT touchpoints(journey_agg(at, stage, channel)) AS all_touchpoints,
       journey_agg(at, stage, channel)::text = (SELECT rollup(j::journey)::text FROM serial_answers) AS same
FROM touch_rows;
-- rollup of stored journeys, in parallel too
CREATE TABLE stored AS SELECT id, journey_agg(at, stage, channel) AS j FROM touch_rows GROUP BY id;
ANALYZE stored;
EXPLAIN (COSTS OFF) SELECT rollup(j) FROM stored;
SELECT rollup(j)::text = (SELECT journey_agg(at, stage, channel)::text FROM touch_rows) AS same FROM stored;
RESET enable_hashagg;
:reset_parallel

-- attribution against the plain SQL a user would write with window functions:
-- every model on 300 random journeys, with no lookback, 2 days and 0, credits
-- equal to 1e-9 and summing to 1; the conversion is the first touchpoint at
-- acquisition or beyond, and only touchpoints at most lookback before it count
CREATE TEMP TABLE jr AS SELECT id, journey_agg(at, stage, channel) AS j FROM touch_rows GROUP BY id;
CREATE TEMP TABLE models (model text);
INSERT INTO models VALUES ('first_touch'), ('last_touch'), ('linear'), ('time_decay'), ('position_based');
CREATE TEMP TABLE lookbacks (lookback interval);
INSERT INTO lookbacks VALUES (NULL), ('2 days'), ('0');
CREATE TEMP TABLE expected AS
WITH touches AS (
    SELECT id, u.*
    FROM jr, unnest(jr.j) WITH ORDINALITY AS u(at, stage, channel, ord)
), upto AS (
    SELECT *, min(ord) FILTER (WHERE stage >= 'acquisition') OVER (PARTITION BY id) AS conv
    FROM touches
), conv_time AS (
    SELECT *, max(at) FILTER (WHERE ord = conv) OVER (PARTITION BY id) AS conv_at
    FROM upto
), kept AS (
    SELECT id, lookback, at, channel, conv_at,
           row_number() OVER (PARTITION BY id, lookback ORDER BY ord) AS pos,
           count(*) OVER (PARTITION BY id, lookback) AS n
    FROM conv_time, lookbacks
    WHERE ord <= conv AND (lookback IS NULL OR conv_at - at <= lookback)
), weighted AS (
    SELECT id, lookback, model, channel,
           CASE model
             WHEN 'first_touch' THEN (pos = 1)::int
             WHEN 'last_touch' THEN (pos = n)::int
             WHEN 'linear' THEN 1
             WHEN 'time_decay' THEN 2 ^ (-extract(epoch FROM conv_at - at) / extract(epoch FROM interval '3 days'))
             WHEN 'position_based' THEN CASE WHEN n <= 2 THEN 1 WHEN pos IN (1, n) THEN 0.4 ELSE 0.2 / (n - 2) END
           END::float8 AS w
    FROM kept, models
)
SELECT id, lookback, model, channel, sum(w) / sum(sum(w)) OVER (PARTITION BY id, lookback, model) AS credit
FROM weighted GROUP BY id, lookback, model, channel;
CREATE TEMP TABLE actual AS
SELECT id, lookback, model, a.channel, a.credit
FROM jr, models, lookbacks, attribution(j, model, '3 days', lookback) AS a;
SELECT coalesce(coalesce(a.lookback, e.lookback)::text, 'none') AS lookback,
       count(*) FILTER (WHERE e.id IS NULL) AS only_ours,
       count(*) FILTER (WHERE a.id IS NULL) AS only_sql,
       count(*) FILTER (WHERE abs(a.credit - e.credit) > 1e-9) AS different,
       count(*) AS rows, count(DISTINCT coalesce(a.id, e.id)) AS converted_journeys
FROM actual a
FULL JOIN (SELECT * FROM expected WHERE credit > 0) e
  ON a.id = e.id AND a.model = e.model AND a.lookback IS NOT DISTINCT FROM e.lookback
     AND a.channel IS NOT DISTINCT FROM e.channel
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS sums, count(*) FILTER (WHERE abs(s - 1) < 1e-12) AS one
FROM (SELECT id, lookback, model, sum(credit) AS s FROM actual GROUP BY id, lookback, model) t;
-- the 3-argument call is the unlimited lookback
SELECT (SELECT array_agg(a.credit ORDER BY id, a.channel) FROM jr, attribution(j, 'linear', '3 days') a) =
       (SELECT array_agg(a.credit ORDER BY id, a.channel) FROM jr, attribution(j, 'linear', '3 days', NULL) a) AS same;
-- one conversion definition: reached(), time_to_stage(), attribution() and
-- markov_attribution() count the same journeys (some reach retention or
-- advocacy without an acquisition touchpoint)
SELECT count(*) FILTER (WHERE j @> 'acquisition') AS reached,
       count(time_to_stage(j, 'acquisition')) AS timed,
       count(*) FILTER (WHERE EXISTS (SELECT FROM attribution(j))) AS attributed,
       (SELECT round(sum(c.credit)::numeric, 9) FROM unnest((SELECT markov_attribution(j) FROM jr)) c) AS markov_credits,
       count(*) FILTER (WHERE j @> 'acquisition'
                          AND NOT EXISTS (SELECT 1 FROM unnest(j) u WHERE u.stage = 'acquisition')) AS beyond_only
FROM jr;

-- binary COPY round trip
CREATE TEMP TABLE jr_copy (LIKE jr);
COPY jr TO :'binfile' WITH (FORMAT binary);
COPY jr_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.j::text = b.j::text) AS equal
FROM jr a JOIN jr_copy b USING (id);
-- text COPY round trip (under another time zone)
SET TimeZone = 'Pacific/Auckland';
COPY jr TO :'binfile';
TRUNCATE jr_copy;
COPY jr_copy FROM :'binfile';
RESET TimeZone;
SELECT count(*) AS rows, count(*) FILTER (WHERE a.j::text = b.j::text) AS equal
FROM jr a JOIN jr_copy b USING (id);
-- version byte, count, then per touchpoint: time (microseconds since 2000 UTC),
-- stage ordinal, channel ordinal (ff: none)
SELECT journey_send('[2000-01-01 00:00+00 awareness/phone, 2000-01-01 00:00:01+00 acquisition]') AS two,
       journey_send('[]') AS empty;
-- crafted binary input: a well-formed value, then every kind of bad one
CREATE TEMP TABLE bin (j journey);
SELECT pg_temp.write_binary_copy(:'binfile', '\x01000000020000000000000000000000000000000f424002ff');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT j FROM bin;
SELECT what, pg_temp.binary_copy_error('bin', bytes) AS error
FROM (VALUES
  ('empty',                    '\x'::bytea),
  ('unknown version',          '\x0200000000'),
  ('count missing',            '\x01000000'),
  ('negative count',           '\x01ffffffff'),
  ('count beyond the data',    '\x017fffffff000000000000000000ff'),
  ('ends inside a touchpoint', '\x0100000001000000000000000000'),
  ('trailing bytes',           '\x0100000001000000000000000000ff00'),
  ('infinite time',            '\x01000000017fffffffffffffff00ff'),
  ('-infinite time',           '\x0100000001800000000000000000ff'),
  ('time out of range',        '\x01000000017ffffffffffffffe00ff'),
  ('stage 5',                  '\x0100000001000000000000000005ff'),
  ('channel 13',               '\x01000000010000000000000000000d'),
  ('times out of order',       '\x010000000200000000000f424000ff000000000000000000ff'),
  ('stages out of order',      '\x0100000002000000000000000001ff000000000000000000ff'),
  ('none before a channel',    '\x0100000002000000000000000000ff00000000000000000000')) AS v(what, bytes);
SELECT count(*) FROM bin;

-- the support functions, called directly, are the operators and the I/O they implement
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE journey_eq(a, b) IS DISTINCT FROM (a = b)) AS eq_differs,
       count(*) FILTER (WHERE journey_ne(a, b) IS DISTINCT FROM (a <> b)) AS ne_differs,
       count(*) FILTER (WHERE journey_concat(a, b) IS DISTINCT FROM (a || b)) AS concat_differs,
       count(*) FILTER (WHERE journey_out(journey_in(journey_out(a), 'journey'::regtype, -1))::text
                              IS DISTINCT FROM a::text) AS text_round_trip_differs
FROM (VALUES ('[]'::journey), ('[2026-05-01 09:00+00 awareness/web]'),
             ('[2026-05-01 09:00+00 awareness/web, 2026-05-02 10:00+00 acquisition]')) x(a),
     (VALUES ('[]'::journey), ('[2026-05-01 09:00+00 awareness/web]'),
             ('[2026-05-03 12:00+00 retention/phone]')) y(b);
-- the type uses them (recv takes internal: the catalog says it)
SELECT t.typinput = 'journey_in'::regproc AS input, t.typoutput = 'journey_out'::regproc AS output,
       t.typreceive = 'journey_recv'::regproc AS recv, t.typsend = 'journey_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'journey'::regtype;

-- NULL passes through (STRICT): the accessors, stage_funnel and ||; attribution
-- gives no rows for a NULL journey, model or half-life, and a NULL lookback is no limit
SELECT touchpoints(NULL::journey) IS NULL AS touchpoints, first_touch(NULL::journey) IS NULL AS first_touch,
       last_touch(NULL::journey) IS NULL AS last_touch, current_stage(NULL::journey) IS NULL AS current_stage,
       furthest_stage(NULL::journey) IS NULL AS furthest_stage,
       reached(NULL::journey, 'awareness') IS NULL AS reached_j, reached('[]'::journey, NULL) IS NULL AS reached_s,
       (NULL::journey @> 'awareness'::journey_stage) IS NULL AS contains,
       time_to_stage(NULL::journey, 'awareness') IS NULL AS time_to, time_in_stage('[]'::journey, NULL) IS NULL AS time_in,
       stage_funnel(NULL::journey, '1 day') IS NULL AS funnel_j, stage_funnel('[]'::journey, NULL) IS NULL AS funnel_within,
       (SELECT count(*) FROM attribution(NULL::journey)) AS attribution_rows,
       (SELECT count(*) FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition/phone]'::journey, NULL)) AS attribution_null_model,
       (SELECT count(*) FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition/phone]'::journey, 'linear', NULL)) AS attribution_null_half_life,
       (SELECT count(*) FROM attribution('[2026-01-01 awareness/web, 2026-01-02 acquisition/phone]'::journey, 'linear', '7 days', NULL)) AS attribution_null_lookback,
       (NULL::journey || '[]'::journey) IS NULL AS concat,
       (SELECT count(*) FROM unnest(NULL::journey)) AS unnest_rows;
