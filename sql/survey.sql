--
-- survey: survey_summary, NPS / CSAT / CES aggregates, accessors and statistics
--
\i test/regress_helpers.sql
-- summary_bytes(...): the binary form of a survey_summary, field by field
CREATE FUNCTION pg_temp.summary_bytes(version int, flags int, scale int, counts int8[],
                                      weights float8[], w2 float8) RETURNS bytea
LANGUAGE sql AS $fn$
	SELECT set_byte(set_byte(set_byte('\x000000'::bytea, 0, version), 1, flags), 2, scale)
	       || (SELECT string_agg(int8send(c), '' ORDER BY o) FROM unnest(counts) WITH ORDINALITY AS u(c, o))
	       || (SELECT string_agg(float8send(w), '' ORDER BY o) FROM unnest(weights) WITH ORDINALITY AS u(w, o))
	       || float8send(w2)
$fn$;

-- every function of the concept is PARALLEL SAFE, with a volatility, and commented
SELECT p.proname, p.prokind, p.provolatile, p.proparallel, p.proisstrict,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE p.proname ~ '^(survey|nps|csat|ces|rollup|responses|promoters|passives|detractors|score_count|mean_score)' AND p.proname <> 'nps_category'
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
-- every aggregate has a combine function and moving-aggregate support
SELECT a.aggfnoid::regprocedure, a.aggcombinefn <> 0 AS combine, a.aggminvtransfn <> 0 AS inverse,
       a.aggtranstype::regtype, a.aggmtranstype::regtype, a.agginitval, a.aggfinalfn, a.aggmfinalfn
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE a.aggtranstype = 'survey_summary'::regtype ORDER BY 1::text;

-- support functions called directly work on a copy; NULLs pass through
SELECT survey_summary_trans('{5:1}', 5) AS trans, survey_summary_trans('{5:1}', NULL::int) AS null_score,
       survey_summary_trans(NULL, 5) AS null_state, survey_summary_trans('{}', 9, 0.5) AS weighted,
       survey_summary_inv('{5:2}', 5) AS inv, survey_summary_trans_csat('{}', 3) AS csat,
       survey_summary_trans_ces('{}', 3, 5) AS ces, survey_summary_final('{}') AS final_empty;
-- an aggregate of one's own without INITCOND: the state stays NULL, no crash
CREATE AGGREGATE pg_temp.no_initcond(integer) (SFUNC = survey_summary_trans, STYPE = survey_summary);
SELECT pg_temp.no_initcond(score) FROM (VALUES (1), (9)) v(score);
-- a state that records a scale takes only scores on it, in or out of an aggregate
CREATE AGGREGATE pg_temp.on_scale(integer) (SFUNC = survey_summary_trans, STYPE = survey_summary,
  INITCOND = '{scale:5}');
SELECT pg_temp.on_scale(score), survey_summary_trans('{1:1,scale:5}', 5) AS direct
FROM (VALUES (1), (5)) v(score);
-- a weighted starting state: every unweighted row then weighs 1; NULL rows skipped
CREATE AGGREGATE pg_temp.from_weighted(integer) (SFUNC = survey_summary_trans, STYPE = survey_summary,
  INITCOND = '{9:1/2}');
SELECT pg_temp.from_weighted(score) FROM (VALUES (10), (NULL), (0), (10)) v(score);

--
-- the example of the design: 50 promoters, 30 passives, 20 detractors
--
CREATE TABLE ex (score int);
INSERT INTO ex SELECT 10 - i % 2 FROM generate_series(1, 50) i;     -- 25 nines, 25 tens
INSERT INTO ex SELECT 7 + i % 2 FROM generate_series(1, 30) i;      -- 15 sevens, 15 eights
INSERT INTO ex SELECT i % 7 FROM generate_series(1, 20) i;          -- 0..6
SELECT survey_agg(score) FROM ex;
SELECT nps(score) AS direct, nps(survey_agg(score)) AS via_summary,
       responses(survey_agg(score)), promoters(survey_agg(score)),
       passives(survey_agg(score)), detractors(survey_agg(score)),
       round(nps_stderr(survey_agg(score))::numeric, 2) AS stderr
FROM ex;
SELECT round(low::numeric, 2) AS low, round(high::numeric, 2) AS high
FROM ex, LATERAL nps_ci((SELECT survey_agg(score) FROM ex), 0.95, 'wald') LIMIT 1;
-- adjusted Wald (Rocks 2016): n' = 103, p' = 50.75/103, d' = 20.75/103
SELECT round(low::numeric, 2) AS low, round(high::numeric, 2) AS high,
       round((100 * (50.75 - 20.75) / 103 - 1.959963984540054 *
              100 * sqrt((71.5 / 103 - (30.0 / 103) ^ 2) / 103))::numeric, 2) AS low_by_hand
FROM nps_ci('{0:3,1:3,2:3,3:3,4:3,5:3,6:2,7:15,8:15,9:25,10:25}');
-- the interval is centred and its width follows the computed normal quantile
SELECT level, round(((high - low) / 2 / nps_stderr(s))::numeric, 6) AS z,
       round(((high + low) / 2)::numeric, 9) AS centre
FROM (SELECT survey_agg(score) s FROM ex) x,
     unnest(ARRAY[1e-10, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.999999, 0.9999999999999999]::float8[]) AS level,
     LATERAL nps_ci(s, level, 'wald');
SELECT round(high::numeric, 10) - round(low::numeric, 10) > 0 AS ok FROM nps_ci('{9:1,0:1}', 1e-12, 'WALD');
-- score_count and mean_score: 0..6 once each plus extras: mean = (21+...)/100
SELECT array_agg(score_count(s, i) ORDER BY i), mean_score(s),
       (SELECT avg(score) FROM ex)::float8 AS avg_by_sql
FROM (SELECT survey_agg(score) s FROM ex) x, generate_series(0, 10) i GROUP BY s::text, mean_score(s);

--
-- NPS by hand
--
SELECT nps(score) FROM (VALUES (10), (9), (8), (0)) v(score);                  -- (2-1)/4 = 25
SELECT nps(score) FROM (VALUES (6), (7), (8), (9), (NULL)) v(score);            -- NULL skipped: 0
SELECT nps(score) FROM (VALUES (3), (3), (10)) v(score);                        -- -33.33...
SELECT nps(score) FROM (VALUES (10)) v(score);                                  -- single promoter
SELECT nps(score) FROM (VALUES (5)) v(score);                                   -- single detractor
SELECT nps(score), nps_stderr(survey_agg(score)), (nps_ci(survey_agg(score), 0.95, 'wald')).*
FROM generate_series(1, 40) i, LATERAL (SELECT 9 + i % 2) v(score);             -- all promoters
SELECT nps(score), nps_stderr(survey_agg(score)), (nps_ci(survey_agg(score))).*
FROM generate_series(1, 40) i, LATERAL (SELECT i % 7) v(score);                 -- all detractors
SELECT nps(score) FROM (VALUES (7), (8)) v(score);                              -- passives only
-- empty and all-NULL input: NULL everywhere, no error
SELECT survey_agg(score), nps(score), csat(score), ces(score), nps(score, 1.0)
FROM ex WHERE false;
SELECT survey_agg(score), nps(score), csat(score), ces(score, 5), nps(score, 2.0)
FROM (VALUES (NULL::int), (NULL)) v(score);
SELECT rollup(s), nps(rollup(s)) FROM (VALUES (NULL::survey_summary), (NULL)) v(s);
SELECT rollup(s) FROM (SELECT NULL::survey_summary WHERE false) v(s);
SELECT nps(s), csat(s), ces(s), ces_easy(s), mean_score(s), nps_stderr(s), nps_ci(s),
       responses(s), promoters(s), nps_diff_pvalue(s, '{9:1}')
FROM (VALUES ('{}'::survey_summary)) v(s);

--
-- weights
--
-- promoters weigh 3, the detractor 1, the passive 0: 100*(3-1)/4 = 50
SELECT nps(score, w), survey_agg(score, w), responses(survey_agg(score, w))
FROM (VALUES (10, 2.0), (9, 1.0), (8, 0.0), (2, 1.0)) v(score, w);
-- NULL weight: the row is skipped
SELECT nps(score, w), responses(survey_agg(score, w))
FROM (VALUES (10, 1.0), (0, NULL), (NULL, 5.0)) v(score, w);
-- only zero weights: there are responses but no weight, so the metrics are NULL
SELECT survey_agg(score, w), nps(score, w), nps_stderr(survey_agg(score, w))
FROM (VALUES (10, 0.0), (0, 0.0)) v(score, w);
-- weight 1 everywhere is the unweighted answer; the effective size is n
SELECT nps(score, 1.0) = nps(score) AS same_nps,
       nps_stderr(survey_agg(score, 1.0)) = nps_stderr(survey_agg(score)) AS same_stderr
FROM ex;
-- Kish effective size: weights 1 and 3 on two responses, (1+3)^2/(1+9) = 1.6
SELECT round(nps_stderr('{0:1/1,10:1/3,w2:10}')::numeric, 6) AS stderr,
       round((100 * sqrt((0.25 + 0.75 - 0.25) / 1.6))::numeric, 6) AS by_hand;
-- a weighted and an unweighted summary add up: the unweighted responses weigh 1
SELECT '{10:1/3,w2:9}'::survey_summary + '{0:2}' AS sum,
       nps('{10:1/3,w2:9}'::survey_summary + '{0:2}') AS nps;

--
-- CSAT and CES
--
-- CSAT 1..5: 4 and 5 are satisfied: 5 of 8 = 62.5
SELECT csat(score), csat(score, 5), csat(survey_agg(score)), survey_agg(score)
FROM (VALUES (1), (2), (3), (4), (4), (5), (5), (5)) v(score);
SELECT csat(score, 5) FROM (VALUES (5), (5), (5)) v(score);
-- other scales: 3 (top box only), 7 and 10 (top two)
SELECT csat(score, 3) AS s3 FROM (VALUES (1), (2), (3), (3)) v(score);          -- 50
SELECT csat(score, 7) AS s7 FROM (VALUES (5), (6), (7), (7), (1)) v(score);     -- 60
SELECT csat(score, 10) AS s10 FROM (VALUES (8), (9), (10), (1)) v(score);       -- 50
-- the scale is recorded in the state, and the accessors use it
SELECT csat(score, 7) AS agg, survey_agg(score) AS plain FROM (VALUES (6), (7), (3)) v(score);
SELECT csat('{3:1,6:1,7:1,scale:7}'::survey_summary) AS recorded,
       csat('{3:1,6:1,7:1}'::survey_summary, 7) AS given;
-- CES 1..7: mean, and percent of 5..7; on 1..5: top two
SELECT ces(score), ces_easy(survey_agg(score)), ces(survey_agg(score)), survey_agg(score)
FROM (VALUES (7), (6), (5), (4), (1)) v(score);                                 -- 4.6, 60
SELECT ces(score, 5), ces_easy('{1:1,3:1,4:1,5:1}', 5) FROM (VALUES (1), (3), (4), (5)) v(score);
SELECT ces_easy('{1:1,8:1,9:1,10:1}', 10) AS s10, ces_easy('{1:1,2:1,3:2}', 3) AS s3,
       ces('{1:2,3:2}'::survey_summary, 3) AS ces3;
-- NULL scores and NULL scales skip the row
SELECT csat(score), ces(score, scale)
FROM (VALUES (5, 7), (NULL, 7), (1, NULL), (2, 7)) v(score, scale);

--
-- bad input: every error with its SQLSTATE
--
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ('SELECT nps(11)'),
  ('SELECT nps(-1)'),
  ('SELECT survey_agg(2147483647)'),
  ('SELECT nps(5, -1.0)'),
  ('SELECT nps(5, ''NaN'')'),
  ('SELECT nps(5, ''Infinity'')'),
  ('SELECT survey_agg(s, 1e308) FROM (VALUES (9), (9)) v(s)'),
  ('SELECT csat(0)'),
  ('SELECT csat(6)'),
  ('SELECT csat(8, 7), csat(9, 7)'),
  ('SELECT csat(4, 4)'),
  ('SELECT csat(4, 0)'),
  ('SELECT csat(s, sc) FROM (VALUES (1, 5), (1, 7)) v(s, sc)'),
  ('SELECT ces(8)'),
  ('SELECT ces(0, 5)'),
  ('SELECT ces(3, 6)'),
  ('SELECT csat(''{0:1,5:2}''::survey_summary)'),
  ('SELECT csat(''{6:1}''::survey_summary)'),
  ('SELECT csat(''{6:1}''::survey_summary, 8)'),
  ('SELECT ces(''{10:1}''::survey_summary)'),
  ('SELECT ces_easy(''{0:1}''::survey_summary, 5)'),
  ('SELECT csat(''{5:1,scale:5}''::survey_summary, 7)'),
  ('SELECT score_count(''{}'', 11)'),
  ('SELECT score_count(''{}'', -1)'),
  ('SELECT nps_ci(''{9:1}'', 0)'),
  ('SELECT nps_ci(''{9:1}'', 1)'),
  ('SELECT nps_ci(''{9:1}'', ''NaN'')'),
  ('SELECT nps_ci(''{9:1}'', 0.95, ''wilson'')'),
  ('SELECT ''{1:1,scale:5}''::survey_summary + ''{1:1,scale:7}'''),
  ('SELECT ''{1:9223372036854775807}''::survey_summary + ''{1:1}'''),
  ('SELECT ''{1:1000000000/1e158,w2:1e308}''::survey_summary + ''{1:1000000000/1e158,w2:1e308}'''),
  ('SELECT survey_summary_subtract(''{1:1}'', ''{1:2}'')'),
  ('SELECT survey_summary_inv(''{1:1}'', 2)'),
  -- a stored summary given to a transition function: the result must be valid
  ('SELECT survey_summary_trans(''{1:1,scale:5}'', 9)'),
  ('SELECT survey_summary_trans(''{1:1,scale:5}'', 0, 1.0)'),
  ('SELECT pg_temp.on_scale(s) FROM (VALUES (1), (6)) v(s)'),
  ('SELECT survey_summary_trans_csat(''{9:1}'', 5)'),
  ('SELECT survey_summary_trans_ces(''{0:1}'', 3, 3)'),
  ('SELECT survey_summary_trans(''{5:9223372036854775807}'', 5)'),
  ('SELECT survey_summary_trans(''{5:9223372036854775807}'', 6, 1.0)'),
  ('SELECT survey_summary_trans_csat(''{5:9223372036854775807}'', 4)')
) AS t(q);
-- bad text input
SELECT t, pg_temp.error_of(format('SELECT %L::survey_summary', t)) FROM (VALUES
  (''), ('{'), ('}'), ('{}x'), ('[1:2]'), ('{1:2,}'), ('{1:2 3:4}'), ('{1}'), ('{1:}'),
  ('{:3}'), ('{a:3}'), ('{11:1}'), ('{-1:1}'), ('{1:1,1:2}'), ('{1:-5}'),
  ('{1:99999999999999999999}'), ('{1:5000000000000000000,2:5000000000000000000}'),
  ('{1:2.5}'), ('{1:1/}'), ('{1:1/abc}'), ('{1:1/-1}'), ('{1:1/NaN}'), ('{1:1/Infinity}'),
  ('{1:1/1e999}'), ('{1:0/1}'), ('{w2:-1}'), ('{w2:NaN}'), ('{w2:1}'), ('{w2:1,w2:1}'),
  -- w2 impossible for the weights: below W*W/N, far below, above W*W, weights all zero
  ('{0:1/1,9:1/1,w2:0}'), ('{0:1/1,9:1/1,w2:1e-300}'), ('{0:1/1,9:1/1,w2:1.99}'),
  ('{9:2/2,w2:4.01}'), ('{9:1/0,w2:1}'), ('{1:1/1e308,w2:1}'),
  ('{scale:4}'), ('{scale:5,scale:5}'), ('{0:1,scale:5}'), ('{6:1,scale:5}'),
  ('{scale:}'), ('{w:1}')
) AS v(t);
-- and the accepted spellings
SELECT '{ 10 : 3 , 0:1 }'::survey_summary AS blanks, '{}'::survey_summary AS empty,
       ' {1:0} '::survey_summary AS zero_count, '{9:2/1.5}'::survey_summary AS implied_w2,
       '{9:2,w2:2}'::survey_summary AS weights_of_one, '{1:2,scale:3}'::survey_summary AS scaled;
-- w2 at its bounds W*W/N and W*W, and off them by float rounding only
SELECT '{0:1/1,9:1/1,w2:2}'::survey_summary AS w2_lowest, '{9:2/2,w2:4}'::survey_summary AS w2_highest,
       '{9:3/0.30000000000000004,w2:0.03}'::survey_summary AS rounding,
       nps_stderr('{0:1/1,9:1/1,w2:2}') AS stderr_lowest;

--
-- text and binary round trips
--
CREATE TABLE sums (id int, s survey_summary);
INSERT INTO sums VALUES
  (1, '{}'), (2, '{0:1,1:2,2:3,3:4,4:5,5:6,6:7,7:8,8:9,9:10,10:9223372036854775752}'),
  (3, (SELECT survey_agg(i % 11, 1.0 / (1 + i)) FROM generate_series(1, 1000) i)),
  (4, (SELECT survey_agg(i % 11, 1e-150 * i) FROM generate_series(1, 50) i)),
  (5, (SELECT survey_agg(i % 11, 1e150 / i) FROM generate_series(1, 50) i)),
  (6, '{1:3,5:4,scale:5}'), (7, '{9:1/0,w2:0}'), (8, NULL), (9, '{0:5/0.1,10:5/0.3}');
SELECT id, s FROM sums WHERE id IN (3, 7, 9) ORDER BY id;
-- equality
SELECT '{9:1,10:2}'::survey_summary = '{10:2,9:1}' AS same, '{9:1}'::survey_summary = '{9:1/1}' AS weighted_differs,
       '{5:1}'::survey_summary = '{5:1,scale:5}' AS scale_differs, '{9:1}'::survey_summary <> '{9:2}' AS ne;
-- the support functions, called directly, are the operators they implement
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE survey_summary_eq(a.s, b.s) IS DISTINCT FROM (a.s = b.s)
                           OR survey_summary_ne(a.s, b.s) IS DISTINCT FROM (a.s <> b.s)
                           OR survey_summary_combine(a.s, b.s)::text IS DISTINCT FROM (a.s + b.s)::text
                           OR survey_summary_in(survey_summary_out(a.s), 0, -1)::text IS DISTINCT FROM a.s::text) AS disagree
FROM (VALUES ('{}'::survey_summary), ('{9:1,10:2}'), ('{10:2,9:1}'), ('{9:1/1}'), ('{0:3,7:1}'),
             ('{0:5/0.1,10:5/0.3}'), (NULL)) a(s),
     (VALUES ('{}'::survey_summary), ('{9:1,10:2}'), ('{10:2,9:1}'), ('{9:1/1}'), ('{0:3,7:1}'),
             ('{0:5/0.1,10:5/0.3}'), (NULL)) b(s);
SELECT t.typinput = 'survey_summary_in'::regproc AS input, t.typoutput = 'survey_summary_out'::regproc AS output,
       t.typreceive = 'survey_summary_recv'::regproc AS recv, t.typsend = 'survey_summary_send'::regproc AS send,
       (SELECT bool_and(a.aggcombinefn = 'survey_summary_combine'::regproc)
        FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
        WHERE a.aggtranstype = t.oid AND p.pronamespace <> pg_my_temp_schema()) AS every_combine
FROM pg_type t WHERE t.oid = 'survey_summary'::regtype;
-- text out and in gives the very same value (the same bytes when sent)
SELECT id, survey_summary_send(s::text::survey_summary) = survey_summary_send(s) AS text_roundtrip,
       length(survey_summary_send(s)) AS bytes
FROM sums ORDER BY id;
SELECT survey_summary_send('{1:2,10:1}');
CREATE TABLE sums_copy (LIKE sums);
COPY sums TO :'binfile' WITH (FORMAT binary);
COPY sums_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text IS NOT DISTINCT FROM b.s::text) AS equal,
       count(*) FILTER (WHERE nps(a.s) IS NOT DISTINCT FROM nps(b.s)
                          AND nps_stderr(a.s) IS NOT DISTINCT FROM nps_stderr(b.s)) AS same_stats
FROM sums a JOIN sums_copy b USING (id);
COPY sums TO :'binfile';
TRUNCATE sums_copy;
COPY sums_copy FROM :'binfile';
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text IS NOT DISTINCT FROM b.s::text) AS equal
FROM sums a JOIN sums_copy b USING (id);
-- crafted binary: a valid one, then every kind of damage
CREATE TABLE bin (s survey_summary);
SELECT pg_temp.write_binary_copy(:'binfile',
  pg_temp.summary_bytes(1, 0, 0, '{1,0,0,0,0,0,0,0,0,0,2}', array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',
  pg_temp.summary_bytes(1, 1, 5, '{0,1,0,0,0,2,0,0,0,0,0}', '{0,0.5,0,0,0,4,0,0,0,0,0}', 8.25));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT s, nps(s), responses(s) FROM bin;
SELECT pg_temp.write_binary_copy(:'binfile',      -- unknown version
  pg_temp.summary_bytes(2, 0, 0, array_fill(0::int8, ARRAY[11]), array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- version 0
  pg_temp.summary_bytes(0, 0, 0, array_fill(0::int8, ARRAY[11]), array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- bad flags
  pg_temp.summary_bytes(1, 2, 0, array_fill(0::int8, ARRAY[11]), array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- bad scale
  pg_temp.summary_bytes(1, 0, 4, array_fill(0::int8, ARRAY[11]), array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- score off the scale
  pg_temp.summary_bytes(1, 0, 3, '{0,0,0,0,1,0,0,0,0,0,0}', array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- negative count
  pg_temp.summary_bytes(1, 0, 0, '{0,0,0,-1,0,0,0,0,0,0,0}', array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- total overflows
  pg_temp.summary_bytes(1, 0, 0, '{9223372036854775807,1,0,0,0,0,0,0,0,0,0}', array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- NaN weight
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,0,0}', '{NaN,0,0,0,0,0,0,0,0,0,0}', 1));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- infinite weight
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,0,0}', '{Infinity,0,0,0,0,0,0,0,0,0,0}', 1));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- negative weight
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,0,0}', '{-1,0,0,0,0,0,0,0,0,0,0}', 1));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- weight, no response
  pg_temp.summary_bytes(1, 1, 0, '{0,0,0,0,0,0,0,0,0,0,0}', '{1,0,0,0,0,0,0,0,0,0,0}', 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- NaN w2
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,0,0}', '{1,0,0,0,0,0,0,0,0,0,0}', 'NaN'));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- w2 below W*W/N
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,1,0}', '{1,0,0,0,0,0,0,0,0,1,0}', 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- w2 tiny
  pg_temp.summary_bytes(1, 1, 0, '{1,0,0,0,0,0,0,0,0,1,0}', '{1,0,0,0,0,0,0,0,0,1,0}', 1e-300));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- w2 above W*W
  pg_temp.summary_bytes(1, 1, 0, '{2,0,0,0,0,0,0,0,0,0,0}', '{1,0,0,0,0,0,0,0,0,0,0}', 2));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- w2 with zero weights
  pg_temp.summary_bytes(1, 1, 0, '{2,0,0,0,0,0,0,0,0,0,0}', array_fill(0::float8, ARRAY[11]), 0.5));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- unweighted with weights
  pg_temp.summary_bytes(1, 0, 0, '{1,0,0,0,0,0,0,0,0,0,0}', '{1,0,0,0,0,0,0,0,0,0,0}', 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x01');  -- too short
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',      -- too long
  survey_summary_send('{}') || '\x00'::bytea);
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', ''::bytea);  -- empty
COPY bin FROM :'binfile' WITH (FORMAT binary);
-- the SQLSTATE of bad binary data: 22P03 (unknown version, negative count, short)
\set VERBOSITY sqlstate
SELECT pg_temp.write_binary_copy(:'binfile',
  pg_temp.summary_bytes(2, 0, 0, array_fill(0::int8, ARRAY[11]), array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile',
  pg_temp.summary_bytes(1, 0, 0, '{0,0,0,-1,0,0,0,0,0,0,0}', array_fill(0::float8, ARRAY[11]), 0));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x01');
COPY bin FROM :'binfile' WITH (FORMAT binary);
\set VERBOSITY default
SELECT count(*) FROM bin;

--
-- rollup: stored daily summaries give the same answer as the raw rows
--
CREATE TABLE responses_t (id int, day date, channel text, score int, w float8);
INSERT INTO responses_t
SELECT i, date '2026-01-01' + (i * 7) % 60, (ARRAY['phone', 'chat', 'email'])[1 + i % 3],
       CASE WHEN i % 17 = 0 THEN NULL ELSE (i * i + 3 * i) % 11 END, (i % 5) * 0.25
FROM generate_series(1, 3000) i;
CREATE TABLE daily AS
SELECT day, channel, survey_agg(score) AS s, survey_agg(score, w) AS sw
FROM responses_t GROUP BY day, channel;
SELECT (SELECT rollup(s)::text FROM daily) = (SELECT survey_agg(score)::text FROM responses_t) AS all_equal,
       (SELECT rollup(sw)::text FROM daily) = (SELECT survey_agg(score, w)::text FROM responses_t) AS weighted_counts_equal;
SELECT channel, nps(rollup(s)) AS nps_rollup,
       (SELECT nps(score) FROM responses_t r WHERE r.channel = d.channel) AS nps_raw,
       round(nps(rollup(sw))::numeric, 9) = round((SELECT nps(score, w) FROM responses_t r WHERE r.channel = d.channel)::numeric, 9) AS weighted_equal
FROM daily d GROUP BY channel ORDER BY channel;
SELECT date_trunc('month', day)::date AS month, rollup(s), nps(rollup(s))
FROM daily GROUP BY 1 ORDER BY 1;
-- the + operator agrees with rollup
SELECT (SELECT rollup(s) FROM daily WHERE channel = 'phone')
     + (SELECT rollup(s) FROM daily WHERE channel <> 'phone') AS plus,
       (SELECT rollup(s) FROM daily) AS rollup;

--
-- moving windows equal a per-row recomputation
--
SELECT count(*) AS rows,
       count(*) FILTER (WHERE w.nps IS NOT DISTINCT FROM
                        (SELECT nps(score) FROM responses_t r WHERE r.id BETWEEN w.id - 29 AND w.id)) AS nps_equal,
       count(*) FILTER (WHERE w.summary IS NOT DISTINCT FROM
                        (SELECT survey_agg(score)::text FROM responses_t r WHERE r.id BETWEEN w.id - 29 AND w.id)) AS summary_equal,
       count(*) FILTER (WHERE abs(w.wnps - (SELECT nps(score, w) FROM responses_t r WHERE r.id BETWEEN w.id - 29 AND w.id)) < 1e-9
                        OR (w.wnps IS NULL AND (SELECT nps(score, w) FROM responses_t r WHERE r.id BETWEEN w.id - 29 AND w.id) IS NULL)) AS weighted_equal
FROM (SELECT id,
             nps(score) OVER win AS nps,
             survey_agg(score) OVER win::text AS summary,
             nps(score, w) OVER win AS wnps
      FROM responses_t WINDOW win AS (ORDER BY id ROWS BETWEEN 29 PRECEDING AND CURRENT ROW)) w;
-- csat/ces windows and a rolling rollup of the daily rows (RANGE over days)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE c IS NOT DISTINCT FROM
                        (SELECT csat(1 + score % 5) FROM responses_t r WHERE r.id BETWEEN w.id - 9 AND w.id)) AS csat_equal,
       count(*) FILTER (WHERE e IS NOT DISTINCT FROM
                        (SELECT ces(1 + score % 7) FROM responses_t r WHERE r.id BETWEEN w.id - 9 AND w.id)) AS ces_equal
FROM (SELECT id, csat(1 + score % 5) OVER win AS c, ces(1 + score % 7) OVER win AS e
      FROM responses_t WINDOW win AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)) w;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE r30 = (SELECT survey_agg(score)::text FROM responses_t r
                                     WHERE r.channel = w.channel AND r.day BETWEEN w.day - 29 AND w.day)) AS equal
FROM (SELECT day, channel, rollup(s) OVER (PARTITION BY channel ORDER BY day
                                           RANGE BETWEEN '29 days' PRECEDING AND CURRENT ROW)::text AS r30
      FROM daily) w;
-- a frame that runs empty of responses gives NULL, as an empty aggregate does
SELECT id, score, survey_agg(score) OVER win, nps(score) OVER win
FROM (VALUES (1, 10), (2, NULL), (3, NULL), (4, 0)) v(id, score)
WINDOW win AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY id;
-- a window equals a recomputation of its frame to the last bit (text equality), also
-- when a weighted or scaled value leaves the frame: the inverse then returns NULL
-- and the frame is recomputed.  rollup: a weighted summary leaving (g 1), scales
-- 5 then 7 in frames that never hold both (g 2), a scale kept while its summary
-- stays (g 3), weights that drift when subtracted (g 4)
CREATE TABLE rs (g int, id int, s survey_summary);
INSERT INTO rs VALUES (1, 1, '{9:1/2}'), (1, 2, '{9:1}'), (1, 3, '{10:1}'),
  (2, 1, '{4:1,scale:5}'), (2, 2, '{4:1}'), (2, 3, '{6:1,scale:7}'),
  (3, 1, '{4:1}'), (3, 2, '{5:1,scale:5}'), (3, 3, '{3:1}'), (3, 4, '{1:1}'),
  (4, 1, '{9:1/0.1}'), (4, 2, '{9:1/0.7}'), (4, 3, '{10:1/0.3}'), (4, 4, '{9:2/0.4}'), (4, 5, '{10:1}');
SELECT g, id, s, moving, moving IS NOT DISTINCT FROM recomputed AS same
FROM (SELECT g, id, s, rollup(s) OVER win::text AS moving,
             (SELECT rollup(r.s ORDER BY r.id)::text FROM rs r
              WHERE r.g = o.g AND r.id BETWEEN o.id - 1 AND o.id) AS recomputed
      FROM rs o WINDOW win AS (PARTITION BY g ORDER BY id ROWS 1 PRECEDING)) w
ORDER BY g, id;
-- weighted windows (weights like 0.1 do not subtract exactly) and CSAT scales
-- that change once the frame has run empty
CREATE TABLE wrows AS
SELECT i AS id, (i * 7) % 11 AS score, CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 9) * 0.1 END AS w,
       CASE WHEN i % 6 IN (4, 5) THEN NULL ELSE 1 + i % 3 END AS c,
       CASE WHEN i <= 29 THEN 5 ELSE 3 END AS sc
FROM generate_series(1, 60) i;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s IS NOT DISTINCT FROM
                        (SELECT survey_agg(score, w ORDER BY id)::text FROM wrows r WHERE r.id BETWEEN o.id - 3 AND o.id)) AS summary_equal,
       count(*) FILTER (WHERE n IS NOT DISTINCT FROM
                        (SELECT nps(score, w ORDER BY id) FROM wrows r WHERE r.id BETWEEN o.id - 3 AND o.id)) AS nps_equal
FROM (SELECT id, survey_agg(score, w) OVER win::text AS s, nps(score, w) OVER win AS n
      FROM wrows WINDOW win AS (ORDER BY id ROWS 3 PRECEDING)) o;
SELECT id, c, sc, csat(c, sc) OVER win AS moving,
       (SELECT csat(c, sc) FROM wrows r WHERE r.id BETWEEN o.id - 2 AND o.id) AS recomputed
FROM wrows o WHERE id BETWEEN 27 AND 36
WINDOW win AS (ORDER BY id ROWS 2 PRECEDING) ORDER BY id;
-- the inverses called directly: NULL where they decline, the scale goes with the
-- last response
SELECT survey_summary_subtract('{9:2/3}', '{9:1}') IS NULL AS weighted_state,
       survey_summary_subtract('{9:2}', '{9:1/1}') IS NULL AS weighted_input,
       survey_summary_subtract('{4:2,scale:5}', '{4:1,scale:5}') IS NULL AS scaled_input,
       survey_summary_subtract('{4:2,scale:5}', '{4:1}') AS scale_kept,
       survey_summary_inv('{9:2/3}', 9, 1.0) IS NULL AS weighted_inv,
       survey_summary_inv('{9:2/3}', 9) IS NULL AS weighted_state_inv,
       survey_summary_inv('{9:2/3}', NULL::int, 1.0) AS null_row,
       survey_summary_inv_scaled('{4:1,5:1,scale:5}', 4) AS scale_stays,
       survey_summary_inv_scaled('{4:1,scale:5}', 4, 5) AS scale_goes;

--
-- parallel plans: Partial Aggregate, and the same answers as serial ones
--
CREATE TABLE big AS SELECT i, (i * 37) % 11 AS score, 1 + i % 5 AS c5, 1 + i % 7 AS c7, (i % 4) * 0.5 AS w
FROM generate_series(1, 200000) i;
ANALYZE big;
CREATE TEMP TABLE serial AS
SELECT survey_agg(score)::text AS s, survey_agg(score, w)::text AS sw, nps(score) AS nps,
       nps(score, w) AS wnps, csat(c5) AS csat, ces(c7) AS ces
FROM big;
CREATE TEMP TABLE serial_grouped AS
SELECT c5, survey_agg(score)::text AS s, nps(score), ces(c7) FROM big GROUP BY c5;
:force_parallel
EXPLAIN (COSTS OFF)
SELECT survey_agg(score), survey_agg(score, w), nps(score), nps(score, w), csat(c5), ces(c7) FROM big;
SELECT s = survey_agg(score)::text AS summary, sw = survey_agg(score, w)::text AS weighted,
       serial.nps = nps(score) AS nps, abs(wnps - nps(score, w)) < 1e-9 AS wnps,
       serial.csat = csat(c5) AS csat, serial.ces = ces(c7) AS ces
FROM big, serial GROUP BY serial.s, serial.sw, serial.nps, serial.wnps, serial.csat, serial.ces;
-- grouped, and rollup over stored summaries
CREATE TABLE big_daily AS SELECT i % 100 AS day, survey_agg(score) AS s FROM big GROUP BY 1;
INSERT INTO big_daily SELECT d, NULL FROM generate_series(100, 20000) d;
ANALYZE big_daily;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM big_daily;
SELECT rollup(s)::text = (SELECT s FROM serial) AS rollup_equal FROM big_daily;
EXPLAIN (COSTS OFF) SELECT c5, survey_agg(score), nps(score), ces(c7) FROM big GROUP BY c5;
SELECT p.c5, p.s = g.s AS summary_equal, p.nps = g.nps AS nps_equal, p.ces = g.ces AS ces_equal, p.nps
FROM (SELECT c5, survey_agg(score)::text AS s, nps(score), ces(c7) FROM big GROUP BY c5) p
JOIN serial_grouped g USING (c5) ORDER BY c5;
-- the forms with an explicit scale, against the same metrics written in SQL
EXPLAIN (COSTS OFF) SELECT csat(c7, 7), ces(c5, 5), ces(c7, 7) FROM big;
SELECT round(csat(c7, 7)::numeric, 9) = round(100.0 * count(*) FILTER (WHERE c7 >= 6) / count(*), 9) AS csat7,
       round(ces(c5, 5)::numeric, 9) = round(avg(c5), 9) AS ces5,
       round(ces(c7, 7)::numeric, 9) = round(avg(c7), 9) AS ces7
FROM big;
:reset_parallel

--
-- the statistics: p-values, extreme levels
--
SELECT round(nps_diff_pvalue(a, b)::numeric, 4) AS p,
       round(nps_diff_pvalue(b, a)::numeric, 4) AS p_swapped,
       nps_diff_pvalue(a, a) AS same
FROM (VALUES ('{0:20,7:30,9:50}'::survey_summary, '{0:30,7:30,9:40}'::survey_summary)) v(a, b);
-- by hand: se_a = 7.8102, se_b = sqrt((0.7 - 0.01)/100)*100 = 8.3066, z = 20/11.4017 = 1.7541,
-- p = 2(1 - Phi(1.7541)) = 0.0794
SELECT round((100 * sqrt((0.7 - 0.09) / 100))::numeric, 4) AS se_a,
       round((100 * sqrt((0.7 - 0.01) / 100))::numeric, 4) AS se_b,
       round(nps_stderr('{0:30,7:30,9:40}')::numeric, 4) AS se_b_fn;
SELECT nps_diff_pvalue('{9:5}', '{9:7}') AS both_certain_same,
       nps_diff_pvalue('{9:5}', '{0:7}') AS both_certain_differ,
       nps_diff_pvalue('{9:5}', '{}') AS one_empty;
SELECT round(nps_diff_pvalue(a, b)::numeric, 6) AS p FROM
  (VALUES ((SELECT survey_agg(score) FROM big WHERE i % 2 = 0), (SELECT survey_agg(score) FROM big WHERE i % 2 = 1))) v(a, b);

--
-- issue 12, adversarial review of 1.0: each case failed on 1.0
--
-- 1. overflow is 22003 where it would happen, on every path: an aggregate of
-- one's own whose INITCOND is near the limit (plain, weighted, CSAT, moving),
-- combine/rollup/+, subtraction and the inverse, text input
CREATE AGGREGATE pg_temp.big_agg(integer) (SFUNC = survey_summary_trans, STYPE = survey_summary,
  INITCOND = '{9:9223372036854775807}');
CREATE AGGREGATE pg_temp.big_wagg(integer, float8) (SFUNC = survey_summary_trans,
  STYPE = survey_summary, INITCOND = '{9:9223372036854775806}');
CREATE AGGREGATE pg_temp.big_csat(integer) (SFUNC = survey_summary_trans_csat, STYPE = survey_summary,
  INITCOND = '{5:9223372036854775806}');
CREATE AGGREGATE pg_temp.big_moving(integer) (SFUNC = survey_summary_trans, STYPE = survey_summary,
  MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv, MSTYPE = survey_summary,
  MINITCOND = '{9:9223372036854775806}');
CREATE AGGREGATE pg_temp.big_rollup(survey_summary) (SFUNC = survey_summary_combine,
  STYPE = survey_summary, INITCOND = '{9:9223372036854775807}');
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ('SELECT responses(pg_temp.big_agg(x)) FROM (VALUES (10), (10)) v(x)'),
  ('SELECT responses(pg_temp.big_agg(x)) FROM (VALUES (NULL::int)) v(x)'),
  ('SELECT responses(pg_temp.big_wagg(x, 1)) FROM (VALUES (10)) v(x)'),
  ('SELECT responses(pg_temp.big_wagg(x, 1)) FROM (VALUES (10), (10)) v(x)'),
  ('SELECT responses(pg_temp.big_csat(x)) FROM (VALUES (4), (4)) v(x)'),
  ('SELECT responses(pg_temp.big_moving(x) OVER (ORDER BY i ROWS CURRENT ROW)) FROM (VALUES (1, 10), (2, 10), (3, 10)) v(i, x)'),
  ('SELECT responses(pg_temp.big_moving(x) OVER (ORDER BY i ROWS 1 PRECEDING)) FROM (VALUES (1, 10), (2, 10), (3, 10)) v(i, x)'),
  ('SELECT pg_temp.big_rollup(s) FROM (VALUES (''{10:1}''::survey_summary)) v(s)'),
  ('SELECT rollup(s) FROM (VALUES (''{9:9223372036854775807}''::survey_summary), (''{10:1}'')) v(s)'),
  ('SELECT ''{9:9223372036854775807}''::survey_summary + ''{9:1}'''),
  ('SELECT ''{9:9223372036854775807}''::survey_summary + ''{10:1}'''),
  ('SELECT survey_summary_inv(''{1:0}'', 1)'),
  ('SELECT survey_summary_inv_scaled(''{1:0}'', 1)'),
  ('SELECT ''{9:9223372036854775807,10:1}''::survey_summary'),
  ('SELECT ''{9:9223372036854775808}''::survey_summary')
) AS t(q);
-- 2. weighted statistics do not depend on the unit of the weights: the same
-- data at weights x 1e-140 .. x 1e150 give the same effective size, standard
-- error and intervals (the sums are finite throughout)
CREATE TEMP TABLE wdata AS
SELECT i, (i * 7) % 11 AS score, (1 + i % 4) / 4.0 AS w FROM generate_series(1, 40) i;
SELECT f, round(nps(score, w * f)::numeric, 9) AS nps,
       round(nps_stderr(survey_agg(score, w * f))::numeric, 9) AS stderr,
       round((nps_ci(survey_agg(score, w * f), 0.95, 'wald')).low::numeric, 9) AS wald_low,
       round((nps_ci(survey_agg(score, w * f), 0.95, 'adjusted_wald')).high::numeric, 9) AS adj_high
FROM wdata, (VALUES (1e-140), (1e-100), (1.0), (1e100), (1e150)) u(f) GROUP BY f ORDER BY f;
-- the same summary written at two units: the very same statistics
SELECT nps_stderr('{9:2/2,0:1/1,w2:5}') AS unit_1,
       nps_stderr('{9:2/2e150,0:1/1e150,w2:5e300}') AS unit_1e150,
       nps_stderr('{9:2/2e-150,0:1/1e-150,w2:5e-300}') AS unit_1e_150;
-- weights out of their documented range (0, or 1e-150 .. 1e150) are refused
-- with 22003 whichever way they come in, so no sum of squares underflows
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ('SELECT nps_stderr(survey_agg(s, 3e153)) FROM (VALUES (9), (0)) v(s)'),
  ('SELECT nps_stderr(survey_agg(s, 1e-170)) FROM (VALUES (9), (0)) v(s)'),
  ('SELECT nps(9, 1e151)'),
  ('SELECT nps(9, 0)'),
  ('SELECT ''{5:1/1e-200}''::survey_summary'),
  ('SELECT ''{5:1/1e151}''::survey_summary'),
  ('SELECT ''{5:2/2e150}''::survey_summary'),
  ('SELECT ''{5:1/1e-150,w2:1e-301}''::survey_summary')
) AS t(q);
-- 3. survey_summary_inv_scaled declines a weighted state (the frame is
-- recomputed), as survey_summary_inv does: moving equals recomputed
CREATE AGGREGATE pg_temp.csat_w(integer) (SFUNC = survey_summary_trans_csat, STYPE = survey_summary,
  INITCOND = '{5:1/3}', MSFUNC = survey_summary_trans_csat, MINVFUNC = survey_summary_inv_scaled,
  MSTYPE = survey_summary, MINITCOND = '{5:1/3}');
CREATE TEMP TABLE csat_rows AS SELECT * FROM (VALUES (1, 4), (2, 4), (3, 4), (4, 2)) v(i, x);
SELECT i, x, pg_temp.csat_w(x) OVER (ORDER BY i ROWS 1 PRECEDING) AS moving,
       (SELECT pg_temp.csat_w(x) FROM csat_rows r WHERE r.i BETWEEN o.i - 1 AND o.i) AS recomputed
FROM csat_rows o ORDER BY i;
SELECT survey_summary_inv_scaled('{4:2/3,5:1/3,scale:5}', 4) IS NULL AS weighted_declines;
-- 4. integer fields out of range are refused (22003), never truncated
SELECT t, pg_temp.error_of(format('SELECT %L::survey_summary', t)) FROM (VALUES
  ('{scale:4294967301}'), ('{scale:-4294967291}'), ('{scale:11}'), ('{4294967305:1}'),
  ('{9:18446744073709551617}'), ('{9:-1}')
) AS v(t);

-- scores stored as smallint, bigint or numeric: the same aggregates, the same
-- answers; a fraction is an error (never rounded), out of range as for integers
CREATE TEMP TABLE typed_scores AS
SELECT i, s::smallint AS s2, s::int AS s4, s::bigint AS s8, s::numeric AS sn, (s || '.0')::numeric AS sn0,
       (s % 5 + 1) AS c4, (s % 5 + 1)::numeric AS cn
FROM generate_series(1, 40) i, LATERAL (SELECT (i * 7) % 11 AS s) x;
SELECT nps(s4) AS int4, nps(s2) AS int2, nps(s8) AS int8, nps(sn) AS num, nps(sn0) AS num_dot0,
       survey_agg(s8) = survey_agg(s4) AS agg8, survey_agg(sn) = survey_agg(s4) AS aggn,
       survey_agg(s2, 0.5) = survey_agg(s4, 0.5) AS weighted2, nps(sn, i) = nps(s4, i) AS weightedn,
       csat(cn) = csat(c4) AS csat_n, csat(c4::bigint, 7) = csat(c4, 7) AS csat8_7,
       ces(cn) = ces(c4) AS ces_n, ces(c4::smallint, 5) = ces(c4, 5) AS ces2_5
FROM typed_scores;
-- moving windows (inverse transitions) equal recomputed frames
SELECT bool_and(m8 = m4 AND mn = m4 AND mc = mc4) AS moving_same
FROM (SELECT nps(s8) OVER w AS m8, nps(sn) OVER w AS mn, nps(s4) OVER w AS m4,
             csat(cn) OVER w AS mc, csat(c4) OVER w AS mc4
      FROM typed_scores WINDOW w AS (ORDER BY i ROWS 4 PRECEDING)) x;
-- NULL scores are skipped; no rows is NULL
SELECT nps(x) AS nps_n, survey_agg(x::bigint) AS agg8 FROM (VALUES (9.0), (NULL), (3)) v(x);
SELECT nps(x) IS NULL AS none FROM (VALUES (1::numeric)) v(x) WHERE false;
-- integer literals and int columns keep the integer forms; numeric literals
-- and other columns take theirs (the overload each call resolves to)
SELECT pg_typeof(nps(9)), nps(9) AS int_literal, nps(9.0) AS numeric_literal, nps(9::smallint) AS int2;
CREATE TEMP VIEW typed_calls AS
SELECT nps(9) AS a, nps(s4) AS b, survey_agg(s4, 1) AS c, csat(c4) AS d, ces(c4, 5) AS e,
       nps(s2) AS f, nps(s8) AS g, nps(sn) AS h, nps(9.0) AS i FROM typed_scores;
SELECT DISTINCT refobjid::regprocedure::text AS resolved_to FROM pg_depend
WHERE objid = (SELECT oid FROM pg_rewrite WHERE ev_class = 'typed_calls'::regclass)
  AND refclassid = 'pg_proc'::regclass ORDER BY 1;
DROP VIEW typed_calls;
-- a quoted score matches every form: cast it
SELECT pg_temp.error_of('SELECT survey_agg(''9'')') AS quoted, survey_agg('9'::int) AS cast_;
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ('SELECT nps(x) FROM (VALUES (9), (8.5)) v(x)'),
  ('SELECT nps(x) FROM (VALUES (9), (9.000001)) v(x)'),
  ('SELECT survey_agg(''NaN''::numeric)'),
  ('SELECT csat(4.5)'),
  ('SELECT ces(6.5, 7)'),
  ('SELECT nps(11.0)'),
  ('SELECT nps(-1::numeric)'),
  ('SELECT nps(''Infinity''::numeric)'),
  ('SELECT nps(1e30)'),
  ('SELECT nps(5000000000)'),
  ('SELECT nps(11::smallint)'),
  ('SELECT csat(6::bigint)'),
  ('SELECT ces(0::numeric, 5)'),
  ('SELECT survey_agg(12::bigint, 1)'),
  ('SELECT nps(9.5, 1)'),
  ('SELECT nps(9::real)')
) AS t(q);

DROP TABLE ex, sums, sums_copy, bin, responses_t, daily, big, big_daily, typed_scores;
