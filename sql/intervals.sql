--
-- intervals: duration_sketch, queue_summary, confidence_interval and the rate
-- statistics (rate_ci, csat_ci, ces_ci, the difference tests, service_level_ci)
--
\i test/regress_helpers.sql
-- confidence intervals and p-values are shown to 10 digits (libm may differ in the last bits)
CREATE FUNCTION pg_temp.r(ci confidence_interval) RETURNS text LANGUAGE sql
AS $$ SELECT '(' || round(($1).low::numeric, 10) || ',' || round(($1).high::numeric, 10) || ')' $$;
CREATE FUNCTION pg_temp.r(float8) RETURNS numeric LANGUAGE sql AS $$ SELECT round($1::numeric, 10) $$;

-- every function of the concept is PARALLEL SAFE, with a volatility, and commented
SELECT p.proname, p.prokind, p.provolatile, p.proparallel, p.proisstrict,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE p.proargtypes::regtype[] && ARRAY['duration_sketch', 'queue_summary']::regtype[]
   OR p.prorettype IN ('duration_sketch'::regtype, 'queue_summary'::regtype, 'confidence_interval'::regtype)
   OR p.proname ~ '_diff_pvalue$' AND p.proname <> 'nps_diff_pvalue'
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
-- every aggregate has a combine function and a real state type
SELECT a.aggfnoid::regprocedure, a.aggcombinefn, a.aggtranstype::regtype, a.aggfinalfn
FROM pg_aggregate a
WHERE a.aggtranstype IN ('duration_sketch'::regtype, 'queue_summary'::regtype) ORDER BY 1::text;

--
-- duration_sketch
--
SELECT duration_agg(x * interval '1 second') FROM unnest(ARRAY[0, 1.5, 20, 20, 300]) x;
SELECT percentile(s, 0.5) AS p50, percentiles(s, ARRAY[0, 0.25, 0.5, 0.9, 1, NULL]) AS ps,
       share_within(s, '20 s') AS within_20s, share_within(s, '-1 s') AS negative_bound,
       share_within(s, '1 year') AS within_year, samples(s), mean(s), accuracy(s)
FROM (SELECT duration_agg(x * interval '1 second') s FROM unnest(ARRAY[0, 1.5, 20, 20, 300]) x) t;
-- a chosen accuracy; days and months count as 24 hours and 30 days
SELECT duration_agg(d, 0.05) FROM (VALUES (interval '1 day'), ('1 mon'), ('00:00:00.000001')) v(d);
SELECT percentiles(duration_agg(d, 0.05), '{0,0.5,1}') FROM (VALUES (interval '1 day'), ('1 mon'), ('00:00:00.000001')) v(d);
-- NULLs skipped; no rows or only NULLs: NULL
SELECT duration_agg(d) IS NULL AS no_rows FROM (SELECT interval '1 s' WHERE false) v(d);
SELECT duration_agg(d) IS NULL AS only_nulls FROM (VALUES (NULL::interval), (NULL)) v(d);
SELECT samples(duration_agg(d)) FROM (VALUES (interval '1 s'), (NULL), ('2 s')) v(d);
-- the largest duration: 2^63 - 1 microseconds (292,000 years fit, 300,000 do not)
SELECT percentile(duration_agg(d), 1) AS max, samples(duration_agg(d))
FROM (VALUES (interval '292000 years'), ('0')) v(d);
SELECT duration_agg(d) FROM (VALUES (interval '300000 years')) v(d);
-- bad input
SELECT duration_agg(d) FROM (VALUES (interval '-1 s')) v(d);
SELECT duration_agg(d) FROM (VALUES (interval '1 day -25 hours')) v(d);
SELECT duration_agg(d, 0.00001) FROM (VALUES (interval '1 s')) v(d);
SELECT duration_agg(d, 'NaN') FROM (VALUES (interval '1 s')) v(d);
SELECT duration_agg(d, NULL) FROM (VALUES (interval '1 s')) v(d);
SELECT duration_agg(d, a) FROM (VALUES (interval '1 s', 0.01), ('2 s', 0.02)) v(d, a);
SELECT percentile(duration_agg(d), 1.5) FROM (VALUES (interval '1 s')) v(d);
SELECT percentile(duration_agg(d), 'NaN') FROM (VALUES (interval '1 s')) v(d);
SELECT percentiles(duration_agg(d), '{0.5,-0.1}') FROM (VALUES (interval '1 s')) v(d);
SELECT percentiles(duration_agg(d), '{{0.5},{0.1}}') FROM (VALUES (interval '1 s')) v(d);
SELECT percentiles(duration_agg(d), '{}') FROM (VALUES (interval '1 s')) v(d);
SELECT duration_agg(d, 0.01) + duration_agg(d, 0.02) FROM (VALUES (interval '1 s')) v(d);
-- NULL arguments of the accessors
SELECT percentile(NULL::duration_sketch, 0.5), percentile(duration_agg(d), NULL), share_within(duration_agg(d), NULL),
       samples(NULL), mean(NULL::duration_sketch)
FROM (VALUES (interval '1 s')) v(d);
-- text input: what it checks
SELECT 'accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='::duration_sketch AS empty;
SELECT percentile(s, 0.5) IS NULL AS p, share_within(s, '1 s') IS NULL AS share, mean(s) IS NULL AS mean, samples(s)
FROM (SELECT 'accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='::duration_sketch s) t;
SELECT '  accuracy=0.01 samples=2 zeros=1 sum_us=1000000 min_us=0 max_us=1000000 buckets= 691 : 1  '::duration_sketch AS blanks;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000'::duration_sketch;
SELECT 'accuracy=x samples=1'::duration_sketch;
SELECT 'accuracy=0.6 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='::duration_sketch;
SELECT 'accuracy=0.01 samples=-1 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='::duration_sketch;
SELECT 'accuracy=0.01 samples=2 zeros=0 sum_us=2000000 min_us=1000000 max_us=1000000 buckets=691:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=2 zeros=0 sum_us=2000000 min_us=1000000 max_us=1000000 buckets=691:2,690:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=691:0'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=3000:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=700:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=5 min_us=1000000 max_us=1000000 buckets=691:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=2 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=5:1'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets= junk'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=691:1,'::duration_sketch;
SELECT 'accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=691:99999999999999999999'::duration_sketch;
-- equality ignores the window; + and rollup merge
SELECT a = b AS same, a <> b AS differs, a + b AS sum
FROM (SELECT duration_agg(d) a FROM (VALUES (interval '1 s'), ('1 min')) v(d)) x,
     (SELECT duration_agg(d) b FROM (VALUES (interval '1 min'), ('1 s')) v(d)) y;
SELECT rollup(s) FROM (VALUES (NULL::duration_sketch),
  ('accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets='),
  ('accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=691:1')) v(s);
SELECT rollup(s) FROM (VALUES ('accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets='::duration_sketch),
  ('accuracy=0.02 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=')) v(s);
-- support functions called directly outside an aggregate
SELECT duration_sketch_trans(NULL, '1 s');
SELECT duration_sketch_combine('accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=',
                               'accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=');
SELECT duration_sketch_final(NULL), duration_sketch_final('accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=');

--
-- percentiles against percentile_disc / percentile_cont on data of several
-- shapes: every answer within the accuracy (plus half a microsecond of rounding)
--
SELECT setseed(0.25);
CREATE TABLE shapes AS
SELECT 'lognormal' AS shape, i, exp(2.5 + 1.2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * interval '1 second' AS d
FROM generate_series(1, 20000) i
UNION ALL
SELECT 'bimodal', i, (CASE WHEN random() < 0.6 THEN 5 + random() * 10 ELSE 200 + random() * 100 END) * interval '1 second'
FROM generate_series(1, 20000) i
UNION ALL
SELECT 'zeros', i, (CASE WHEN random() < 0.7 THEN 0 ELSE random() * 60 END) * interval '1 second'
FROM generate_series(1, 20000) i
UNION ALL
SELECT 'outliers', i, (CASE WHEN random() < 0.999 THEN 1 + random() * 30 ELSE 1e6 + random() * 1e8 END) * interval '1 second'
FROM generate_series(1, 20000) i
UNION ALL
SELECT 'tiny', i, (floor(random() * 200))::int * interval '1 microsecond'
FROM generate_series(1, 5000) i;
CREATE TABLE ps AS SELECT unnest(ARRAY[0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]) AS p;
CREATE FUNCTION pg_temp.us(interval) RETURNS float8 LANGUAGE sql AS 'SELECT extract(epoch FROM $1)::float8 * 1e6';
CREATE TABLE exact AS
SELECT shape, p, pg_temp.us(percentile_disc(p) WITHIN GROUP (ORDER BY d)) AS disc,
       pg_temp.us(percentile_cont(p) WITHIN GROUP (ORDER BY d)) AS cont
FROM shapes, ps GROUP BY shape, p;
SELECT e.shape, a.acc, count(*) AS percentiles,
       count(*) FILTER (WHERE abs(pg_temp.us(percentile(s, e.p)) - e.disc) > a.acc * e.disc + 0.5) AS off_disc,
       count(*) FILTER (WHERE abs(pg_temp.us(percentile(s, e.p)) - e.cont) > a.acc * e.cont + abs(e.disc - e.cont) + 0.5) AS off_cont,
       max(abs(pg_temp.us(percentile(s, e.p)) - e.disc) / nullif(e.disc, 0)) <= a.acc AS max_rel_within
FROM exact e
JOIN (SELECT shape, acc, duration_agg(d, acc) s FROM shapes, unnest(ARRAY[0.01, 0.001, 0.05]) acc GROUP BY shape, acc) a USING (shape)
GROUP BY e.shape, a.acc ORDER BY 1, 2;
-- percentiles() equals percentile() of each p
SELECT count(*) FILTER (WHERE percentiles(s, ARRAY[0.1, 0.5, 0.9]) <> ARRAY[percentile(s, 0.1), percentile(s, 0.5), percentile(s, 0.9)]) AS differ
FROM (SELECT shape, duration_agg(d) s FROM shapes GROUP BY shape) t;
-- share_within: the exact share, give or take the samples in the bound's bucket
SELECT t.shape, count(*) AS bounds,
       count(*) FILTER (WHERE abs(share_within(t.s, b.bound) - (SELECT count(*) FILTER (WHERE d <= b.bound)::float8 / count(*) FROM shapes x WHERE x.shape = t.shape))
                        > (SELECT count(*) FILTER (WHERE d BETWEEN b.bound * 0.98 AND b.bound * 1.02)::float8 / count(*) FROM shapes x WHERE x.shape = t.shape) + 1e-12) AS off
FROM (SELECT shape, duration_agg(d) s FROM shapes GROUP BY shape) t,
     (VALUES (interval '0'), ('0.000050'), ('1 s'), ('5 s'), ('10 s'), ('20 s'), ('30 s'), ('1 min'), ('250 s'), ('1 hour')) b(bound)
GROUP BY t.shape ORDER BY 1;
-- mean is exact
SELECT shape, mean(duration_agg(d)) = date_trunc('microseconds', avg(d)) OR abs(pg_temp.us(mean(duration_agg(d))) - pg_temp.us(avg(d))) <= 0.5 AS exact_mean
FROM shapes GROUP BY shape ORDER BY 1;
-- rollup of any split equals the whole
SELECT shape, bool_and(r = w) AS rollup_equals_whole, bool_and(pl = w) FILTER (WHERE k = 2) AS plus_equals_whole
FROM (SELECT shape, k, rollup(s) AS r, (array_agg(s ORDER BY part))[1] + (array_agg(s ORDER BY part))[2] AS pl
      FROM (SELECT shape, k, i % k AS part, duration_agg(d) AS s
            FROM shapes, (VALUES (2), (7), (100)) ks(k) GROUP BY shape, k, i % k) parts GROUP BY shape, k) r
JOIN (SELECT shape, duration_agg(d) AS w FROM shapes GROUP BY shape) whole USING (shape)
GROUP BY shape ORDER BY 1;
-- the size is bounded by the range of the values, not the number of rows
SELECT n, pg_column_size(duration_agg(d)) < 2500 * 8 AS bounded
FROM (VALUES (1000), (100000)) ns(n), LATERAL (SELECT (i % 1000) * interval '1 second' AS d FROM generate_series(1, n) i) g
GROUP BY n ORDER BY n;

--
-- queue_summary
--
CREATE TABLE contacts AS
SELECT i, 'q' || (i % 3) AS queue, (date '2026-03-02' + (i % 96) * interval '15 minutes') AS slot,
       CASE WHEN i % 97 = 0 THEN NULL ELSE round(exp(1 + 2.5 * random())::numeric, 1) * interval '1 second' END AS wait,
       CASE WHEN i % 101 = 0 THEN NULL ELSE random() < 0.85 END AS answered,
       CASE WHEN i % 13 = 0 THEN NULL ELSE round((60 + 600 * random())::numeric, 3) * interval '1 second' END AS handle
FROM generate_series(1, 30000) i;
SELECT queue_agg(wait, answered, handle) FROM contacts WHERE i <= 6;
SELECT queue_agg(wait, answered) FROM contacts WHERE i BETWEEN 7 AND 9;
SELECT queue_agg(wait, answered, handle, '30 s', '10 s') FROM contacts WHERE i IN (2, 3);
SELECT queue_agg(wait, answered) IS NULL AS nothing_offered FROM contacts WHERE i = 97 OR i = 101;
-- the counters, rates, ASA and AHT against the plain SQL
CREATE TABLE plain AS
SELECT queue, count(*) AS offered, count(*) FILTER (WHERE answered) AS answered,
       count(*) FILTER (WHERE NOT answered) AS abandoned,
       count(*) FILTER (WHERE NOT answered AND wait < '5 s') AS short_abandons,
       count(*) FILTER (WHERE answered AND wait <= '20 s') AS answered_within,
       count(*) FILTER (WHERE NOT answered AND wait <= '20 s') AS abandoned_within,
       avg(wait) FILTER (WHERE answered) AS asa, avg(wait) FILTER (WHERE NOT answered) AS avg_abandon,
       avg(handle) FILTER (WHERE answered) AS aht
FROM contacts WHERE wait IS NOT NULL AND answered IS NOT NULL GROUP BY queue;
CREATE TABLE ours AS SELECT queue, queue_agg(wait, answered, handle) AS q FROM contacts GROUP BY queue;
SELECT p.queue, offered(q) = p.offered AND answered(q) = p.answered AND abandoned(q) = p.abandoned
         AND short_abandons(q) = p.short_abandons AND answered_within(q) = p.answered_within
         AND abandoned_within(q) = p.abandoned_within AS counters,
       asa(q) = date_trunc('microseconds', p.asa) AS asa, avg_abandon_time(q) = date_trunc('microseconds', p.avg_abandon) AS avg_abandon,
       abs(pg_temp.us(aht(q)) - pg_temp.us(p.aht)) <= 0.5 AS aht,
       abandon_rate(q) = (p.abandoned - p.short_abandons)::float8 / (p.offered - p.short_abandons) AS abandon_rate,
       service_level(q) = p.answered_within::float8 / p.offered AS sl_offered,
       service_level(q, 'answered') = p.answered_within::float8 / p.answered AS sl_answered,
       service_level(q, 'offered_excluding_short') = p.answered_within::float8 / (p.offered - p.short_abandons) AS sl_excl_short,
       service_level(q, 'abandoned_within_met') = (p.answered_within + p.abandoned_within)::float8 / p.offered AS sl_aband_met,
       service_level(q, 'exclude_abandoned_within') = p.answered_within::float8 / (p.offered - p.abandoned_within) AS sl_excl_aband
FROM ours JOIN plain p USING (queue) ORDER BY 1;
-- wait and handle percentiles within 1 % of the exact ones
SELECT o.queue,
       bool_and(abs(pg_temp.us(wait_percentile(q, p)) - pg_temp.us(x.wd)) <= 0.01 * pg_temp.us(x.wd) + 0.5) AS waits,
       bool_and(abs(pg_temp.us(handle_percentile(q, p)) - pg_temp.us(x.hd)) <= 0.01 * pg_temp.us(x.hd) + 0.5) AS handles
FROM ours o JOIN (
  SELECT queue, p, percentile_disc(p) WITHIN GROUP (ORDER BY wait) FILTER (WHERE answered) AS wd,
         percentile_disc(p) WITHIN GROUP (ORDER BY handle) FILTER (WHERE answered) AS hd
  FROM contacts, ps WHERE wait IS NOT NULL AND answered IS NOT NULL GROUP BY queue, p) x USING (queue)
GROUP BY o.queue ORDER BY 1;
SELECT wait_sketch(q) = (SELECT duration_agg(wait) FROM contacts c WHERE c.queue = o.queue AND answered) AS wait_sketch,
       handle_sketch(q) = (SELECT duration_agg(handle) FROM contacts c WHERE c.queue = o.queue AND answered AND wait IS NOT NULL) AS handle_sketch,
       answer_within(q), short_abandon(q)
FROM ours o ORDER BY queue;
-- other thresholds
SELECT service_level(q), answered_within(q), short_abandons(q)
FROM (SELECT queue_agg(wait, answered, handle, '10 s', '2 s') q FROM contacts) t;
SELECT count(*) FILTER (WHERE answered AND wait <= '10 s') AS answered_within,
       count(*) FILTER (WHERE NOT answered AND wait < '2 s') AS short_abandons
FROM contacts WHERE wait IS NOT NULL;
-- empty denominators are NULL
SELECT abandon_rate(q), asa(q), aht(q), avg_abandon_time(q), service_level(q, 'answered'),
       wait_percentile(q, 0.5), handle_percentile(q, 0.5), wait_sketch(q), service_level_ci(q, 'answered')
FROM (SELECT queue_agg(w, false) q FROM (VALUES (interval '1 s')) v(w)) t;
-- rollup of interval summaries equals the summary of the day; any split
CREATE TABLE intervals AS SELECT queue, slot, queue_agg(wait, answered, handle) AS q FROM contacts GROUP BY queue, slot;
SELECT d.queue, d.q = o.q AS rollup_equals_whole FROM (SELECT queue, rollup(q) AS q FROM intervals GROUP BY queue) d JOIN ours o USING (queue) ORDER BY 1;
SELECT (SELECT rollup(q) FROM intervals) = (SELECT queue_agg(wait, answered, handle) FROM contacts) AS all_queues,
       (SELECT q FROM ours WHERE queue = 'q0') + (SELECT q FROM ours WHERE queue = 'q1') + (SELECT q FROM ours WHERE queue = 'q2')
         = (SELECT queue_agg(wait, answered, handle) FROM contacts) AS plus;
-- thresholds must agree
SELECT rollup(q) FROM (SELECT queue_agg(wait, answered) q FROM contacts UNION ALL SELECT queue_agg(wait, answered, NULL, '30 s') FROM contacts) t;
SELECT a + b FROM (SELECT queue_agg(wait, answered, handle, '20 s', '3 s') a, queue_agg(wait, answered) b FROM contacts) t;
SELECT queue_agg(w, true, NULL, t) FROM (VALUES (interval '1 s', interval '20 s'), ('2 s', '30 s')) v(w, t);
SELECT queue_agg(w, true, NULL, NULL) FROM (VALUES (interval '1 s')) v(w);
SELECT queue_agg(w, true, NULL, '20 s', '-1 s') FROM (VALUES (interval '1 s')) v(w);
SELECT queue_agg(w, true) FROM (VALUES (interval '-1 s')) v(w);
SELECT queue_agg(w, true, '-1 s') FROM (VALUES (interval '1 s')) v(w);
SELECT service_level(q, 'bogus') FROM ours;
SELECT queue_summary_trans(NULL, '1 s', true);
-- text input: what it checks
SELECT q::text::queue_summary = q AS text_roundtrip FROM ours ORDER BY queue;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=0 abandoned=1 short_abandons=1 answered_within=0 abandoned_within=1 abandon_wait_us=1000000 wait=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=)'::queue_summary AS one_abandon;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=2 answered=0 abandoned=1 short_abandons=1 answered_within=0 abandoned_within=1 abandon_wait_us=1000000 wait=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=)'::queue_summary;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=1 abandoned=0 short_abandons=0 answered_within=1 abandoned_within=0 abandon_wait_us=0 wait=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=)'::queue_summary;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=1 abandoned=0 short_abandons=0 answered_within=1 abandoned_within=0 abandon_wait_us=0 wait=(accuracy=0.02 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=)'::queue_summary;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=1 abandoned=0 short_abandons=0 answered_within=1 abandoned_within=0 abandon_wait_us=0 wait=(accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='::queue_summary;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1'::queue_summary;
SELECT 'offered=1'::queue_summary;
SELECT 'answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=1 abandoned=0 short_abandons=0 answered_within=1 abandoned_within=0 abandon_wait_us=0 wait=(accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=) extra'::queue_summary;

--
-- text and binary round trips, crafted binary data
--
CREATE TABLE sketches (id int, s duration_sketch, q queue_summary);
INSERT INTO sketches
SELECT 1, duration_agg(d), NULL::queue_summary FROM shapes WHERE shape = 'lognormal'
UNION ALL SELECT 2, duration_agg(d, 0.0001), NULL FROM shapes WHERE shape = 'outliers'
UNION ALL SELECT 3, 'accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=', NULL
UNION ALL SELECT 4, NULL, q FROM ours WHERE queue = 'q1'
UNION ALL SELECT 5, NULL, NULL
UNION ALL SELECT 6, 'accuracy=0.5 samples=1 zeros=0 sum_us=9223372036854775807 min_us=9223372036854775807 max_us=9223372036854775807 buckets=40:1', NULL;
SELECT id, s::text::duration_sketch = s AS s_text, q::text::queue_summary = q AS q_text,
       duration_sketch_send(s::text::duration_sketch) = duration_sketch_send(s) AS s_bytes,
       queue_summary_send(q::text::queue_summary) = queue_summary_send(q) AS q_bytes
FROM sketches ORDER BY id;
SELECT duration_sketch_send('accuracy=0.01 samples=3 zeros=1 sum_us=3000000 min_us=0 max_us=2000000 buckets=691:1,693:1');
CREATE TABLE sketches_copy (LIKE sketches);
COPY sketches TO :'binfile' WITH (FORMAT binary);
COPY sketches_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s IS NOT DISTINCT FROM b.s AND a.q IS NOT DISTINCT FROM b.q) AS equal
FROM sketches a JOIN sketches_copy b USING (id);
CREATE TABLE bin (s duration_sketch);
CREATE FUNCTION pg_temp.sketch_bytes(version int, accuracy float8, samples int8, zeros int8, sum int8, min int8, max int8,
                                     lo int4, nkeys int4, counts int8[]) RETURNS bytea
LANGUAGE sql AS $fn$
	SELECT set_byte('\x00'::bytea, 0, version) || float8send(accuracy) || int8send(samples) || int8send(zeros)
	       || int8send(sum) || int8send(min) || int8send(max) || int4send(lo) || int4send(nkeys)
	       || coalesce((SELECT string_agg(int8send(c), '' ORDER BY o) FROM unnest(counts) WITH ORDINALITY AS u(c, o)), '')
$fn$;
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 0.01, 3, 1, 3000000, 0, 2000000, 691, 36, ARRAY[1] || array_fill(0::int8, ARRAY[34]) || ARRAY[1::int8]));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT s, s = 'accuracy=0.01 samples=3 zeros=1 sum_us=3000000 min_us=0 max_us=2000000 buckets=691:1,726:1' AS canonical FROM bin;
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(2, 0.01, 1, 1, 0, 0, 0, 0, 0, NULL));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x'::bytea);
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 'NaN', 1, 1, 0, 0, 0, 0, 0, NULL));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 0.01, 1, 1, 0, 0, 0, 0, 2147483647, NULL));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 0.01, 1, 1, 0, 0, 0, 0, 1, ARRAY[-1::int8]));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 0.01, 1, 1, 0, 0, 0, 0, 0, NULL) || '\x00'::bytea);
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', substring(pg_temp.sketch_bytes(1, 0.01, 1, 1, 0, 0, 0, 0, 0, NULL) from 1 for 20));
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', pg_temp.sketch_bytes(1, 0.01, 1, 0, 1000000, 1000000, 1000000, -5, 1, ARRAY[1::int8]));
COPY bin FROM :'binfile' WITH (FORMAT binary);
CREATE TABLE qbin (q queue_summary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x01'::bytea || int8send(20000000) || int8send(5000000) || int8send(1) || int8send(0)
  || int8send(1) || int8send(1) || int8send(0) || int8send(1) || int8send(1000000)
  || substring(pg_temp.sketch_bytes(1, 0.01, 0, 0, 0, 0, 0, 0, 0, NULL) from 2)
  || substring(pg_temp.sketch_bytes(1, 0.01, 0, 0, 0, 0, 0, 0, 0, NULL) from 2));
COPY qbin FROM :'binfile' WITH (FORMAT binary);
SELECT abandoned(q), short_abandons(q), avg_abandon_time(q) FROM qbin;
SELECT pg_temp.write_binary_copy(:'binfile', '\x01'::bytea || int8send(20000000) || int8send(5000000) || int8send(2) || int8send(0)
  || int8send(1) || int8send(1) || int8send(0) || int8send(1) || int8send(1000000)
  || substring(pg_temp.sketch_bytes(1, 0.01, 0, 0, 0, 0, 0, 0, 0, NULL) from 2)
  || substring(pg_temp.sketch_bytes(1, 0.01, 0, 0, 0, 0, 0, 0, 0, NULL) from 2));
COPY qbin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x01'::bytea || int8send(20000000));
COPY qbin FROM :'binfile' WITH (FORMAT binary);

--
-- parallel plans: Partial Aggregate, and the same answers as serial ones
--
CREATE TABLE big AS SELECT i, i % 4 AS g, (i % 1000) * interval '37 ms' + (i % 7) * interval '1 s' AS wait,
       i % 9 <> 0 AS answered, (i % 500) * interval '1.3 s' AS handle
FROM generate_series(1, 200000) i;
ANALYZE big;
CREATE TEMP TABLE serial AS
SELECT duration_agg(wait) AS s, duration_agg(wait, 0.001) AS s3, queue_agg(wait, answered, handle) AS q FROM big;
CREATE TEMP TABLE serial_grouped AS SELECT g, duration_agg(wait) AS s, queue_agg(wait, answered, handle) AS q FROM big GROUP BY g;
:force_parallel
EXPLAIN (COSTS OFF) SELECT duration_agg(wait), duration_agg(wait, 0.001), queue_agg(wait, answered, handle) FROM big;
EXPLAIN (COSTS OFF)
SELECT serial.s = p.s AS sketch, serial.s3 = p.s3 AS sketch3, serial.q = p.q AS queue
FROM serial, (SELECT duration_agg(wait) AS s, duration_agg(wait, 0.001) AS s3, queue_agg(wait, answered, handle) AS q FROM big) p;
SELECT serial.s = p.s AS sketch, serial.s3 = p.s3 AS sketch3, serial.q = p.q AS queue
FROM serial, (SELECT duration_agg(wait) AS s, duration_agg(wait, 0.001) AS s3, queue_agg(wait, answered, handle) AS q FROM big) p;
EXPLAIN (COSTS OFF) SELECT g, duration_agg(wait), queue_agg(wait, answered, handle) FROM big GROUP BY g;
SELECT g, p.s = sg.s AS sketch, p.q = sg.q AS queue
FROM (SELECT g, duration_agg(wait) AS s, queue_agg(wait, answered, handle) AS q FROM big GROUP BY g) p
JOIN serial_grouped sg USING (g) ORDER BY g;
CREATE TABLE big_slots AS SELECT i % 200 AS slot, duration_agg(wait) AS s, queue_agg(wait, answered, handle) AS q FROM big GROUP BY 1;
INSERT INTO big_slots SELECT s, NULL, NULL FROM generate_series(200, 20000) s;
ANALYZE big_slots;
EXPLAIN (COSTS OFF) SELECT rollup(s), rollup(q) FROM big_slots;
SELECT rollup(s) = (SELECT s FROM serial) AS sketch_rollup, rollup(q) = (SELECT q FROM serial) AS queue_rollup FROM big_slots;
:reset_parallel
-- hash aggregation that spills gives the same answers
SET work_mem = '64kB';
SET enable_sort = off;
SELECT count(*) AS groups, count(*) FILTER (WHERE h.q = s.q AND h.s = s.s) AS equal
FROM (SELECT i % 5000 AS k, queue_agg(wait, answered, handle) AS q, duration_agg(wait) AS s FROM big GROUP BY 1) h
JOIN (SELECT i % 5000 AS k, queue_agg(wait, answered, handle) AS q, duration_agg(wait) AS s FROM (SELECT * FROM big ORDER BY i) o GROUP BY 1) s USING (k);
RESET work_mem;
RESET enable_sort;

--
-- rates with their uncertainty
--
SELECT pg_temp.r(rate_ci(45, 100)) AS wilson, pg_temp.r(rate_ci(0, 10)) AS none, pg_temp.r(rate_ci(10, 10)) AS all_of_them,
       pg_temp.r(rate_ci(45, 100, 0.99)) AS level99, pg_temp.r(rate_ci(0, 0)) AS no_trials;
SELECT round((rate_ci(45, 100)).low::numeric, 10) AS low, round((rate_ci(45, 100)).high::numeric, 10) AS high;
SELECT round(low::numeric, 10) AS low, round(high::numeric, 10) AS high FROM rate_ci(1, 3, 0.5);
SELECT rate_ci(5, 4);
SELECT rate_ci(-1, 4);
SELECT rate_ci(1, 4, 1);
SELECT rate_ci(1, 4, 0);
SELECT rate_ci(1, 4, 'NaN');
SELECT rate_ci(NULL, 4), rate_ci(1, NULL), rate_ci(1, 4, NULL);
-- service levels: the Wilson interval of each definition
SELECT d, service_level(q, d), pg_temp.r(service_level_ci(q, d)), pg_temp.r(service_level_ci(q, d, 0.9))
FROM ours, unnest(ARRAY['offered', 'answered', 'offered_excluding_short', 'abandoned_within_met', 'exclude_abandoned_within']) d
WHERE queue = 'q0' ORDER BY d;
SELECT service_level_ci(q) = rate_ci(answered_within(q), offered(q)) AS same_as_rate_ci FROM ours WHERE queue = 'q0';
SELECT service_level_ci(q, 'offered', 1.5) FROM ours WHERE queue = 'q0';
-- CSAT: Wilson interval in percent points; CES: t interval in score points
SELECT csat('{1:10,2:10,3:20,4:30,5:30}'::survey_summary) AS csat, pg_temp.r(csat_ci('{1:10,2:10,3:20,4:30,5:30}')) AS ci,
       pg_temp.r(csat_ci('{1:10,2:10,3:20,4:30,5:30}', 0.99)) AS ci99, pg_temp.r(csat_ci('{1:3,6:4,7:3}', 7)) AS ci7,
       pg_temp.r(csat_ci('{1:3,6:4,7:3}', 7, 0.8)) AS ci7_80;
SELECT ces('{1:5,4:10,7:25}'::survey_summary) AS ces, pg_temp.r(ces_ci('{1:5,4:10,7:25}')) AS ci,
       pg_temp.r(ces_ci('{1:5,4:10,7:25}', 0.9)) AS ci90, pg_temp.r(ces_ci('{1:2,5:3}', 5)) AS ci5, pg_temp.r(ces_ci('{4:1}')) AS one_response,
       pg_temp.r(ces_ci('{4:2}')) AS no_spread;
SELECT pg_temp.r(csat_diff_pvalue('{1:10,5:30}', '{1:20,5:20}')) AS p, pg_temp.r(csat_diff_pvalue('{1:10,5:30}', '{1:10,5:30}')) AS same,
       pg_temp.r(csat_diff_pvalue('{5:3}', '{5:4}')) AS all_top, pg_temp.r(csat_diff_pvalue('{1:3,7:5}', '{6:3}', 7)) AS p7,
       pg_temp.r(csat_diff_pvalue('{}', '{5:1}')) AS empty;
SELECT pg_temp.r(ces_diff_pvalue('{1:5,4:10,7:25}', '{2:10,5:10,6:5}')) AS welch, pg_temp.r(ces_diff_pvalue('{4:3}', '{4:5}')) AS same,
       pg_temp.r(ces_diff_pvalue('{4:3}', '{5:5}')) AS no_spread, pg_temp.r(ces_diff_pvalue('{1:1,5:1}', '{2:2,3:1}', 5)) AS p5,
       pg_temp.r(ces_diff_pvalue('{4:1}', '{4:5}')) AS one_response;
-- weighted summaries use the effective sample size: weights of 2 are the same sample, weights 1 and 3 a smaller one
SELECT csat_ci(survey_agg(s, 2.0)) = csat_ci(survey_agg(s)) AS scaled_same,
       pg_temp.r(csat_ci(survey_agg(s, CASE WHEN i % 2 = 0 THEN 1 ELSE 3 END))) AS weighted
FROM (SELECT i, 1 + i % 5 AS s FROM generate_series(1, 100) i) t;
SELECT ces_ci(survey_agg(s, 0.5)) = ces_ci(survey_agg(s)) AS scaled_same
FROM (SELECT 1 + i % 7 AS s FROM generate_series(1, 100) i) t;
-- scale and level checks
SELECT csat_ci('{1:3,6:4,7:3}');
SELECT csat_ci('{1:3}', 4);
SELECT csat_ci('{1:3,scale:5}', 7);
SELECT ces_ci('{1:3}', 1.0);
SELECT ces_ci(NULL), csat_ci('{}'), ces_ci('{}'), ces_diff_pvalue(NULL, '{}');
-- nps_ci returns confidence_interval like every other interval; the calls of 1.1
-- (a record of OUT parameters low, high) keep working: field selection, FROM, .*
SELECT pg_typeof(nps_ci('{9:50,7:30,0:20}')) AS type,
       pg_temp.r(nps_ci('{9:50,7:30,0:20}', 0.95, 'wald')) AS wald,
       round((nps_ci('{9:50,7:30,0:20}', 0.95, 'wald')).low::numeric, 2) AS low,
       round((nps_ci('{9:50,7:30,0:20}', 0.95, 'wald')).high::numeric, 2) AS high;
SELECT round(low::numeric, 2) AS low, round(high::numeric, 2) AS high FROM nps_ci('{9:50,7:30,0:20}', 0.95, 'wald');
SELECT round(ci.low::numeric, 2) AS low, round(ci.high::numeric, 2) AS high
FROM (VALUES ('{9:50,7:30,0:20}'::survey_summary)) v(s), LATERAL nps_ci(v.s, 0.95, 'wald') AS ci;
SELECT round(x.low::numeric, 2) AS low, round(x.high::numeric, 2) AS high FROM (SELECT (nps_ci('{9:50,7:30,0:20}', 0.95, 'wald')).*) x;
SELECT string_agg(p.parameter_name || ' ' || p.parameter_mode, ', ' ORDER BY p.ordinal_position) AS nps_ci_parameters
FROM information_schema.parameters p JOIN information_schema.routines r USING (specific_schema, specific_name)
WHERE r.routine_name = 'nps_ci';
SELECT nps_ci(NULL), nps_ci('{}'), nps_ci('{9:1}', NULL);
SELECT nps_ci('{9:1}', 1);

-- the tables of this file are not left for the files after it
DROP TABLE shapes, ps, exact, contacts, plain, ours, intervals, sketches, sketches_copy, bin, qbin, big, big_slots;

-- the support functions called by name, against the casts and operators they implement
\set ds1 '''accuracy=0.01 samples=1 zeros=0 sum_us=1000000 min_us=1000000 max_us=1000000 buckets=691:1'''
\set ds0 '''accuracy=0.01 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets='''
\set qs1 '''answer_within_us=20000000 short_abandon_us=5000000 offered=1 answered=0 abandoned=1 short_abandons=1 answered_within=0 abandoned_within=1 abandon_wait_us=1000000 wait=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=) handle=(accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets=)'''
-- duration_sketch_in is the cast from text, duration_sketch_out the cast to text
SELECT duration_sketch_in(:ds1, 'duration_sketch'::regtype, -1) = :ds1::duration_sketch AS in_is_cast,
       duration_sketch_out(:ds1)::text = (:ds1::duration_sketch)::text AS out_is_cast,
       duration_sketch_in(NULL, 0, -1) IS NULL AS in_strict, duration_sketch_out(NULL) IS NULL AS out_strict;
SELECT pg_temp.error_of($$SELECT duration_sketch_in('accuracy=x', 0, -1)$$) AS bad_in;
-- duration_sketch_recv takes internal (a binary COPY calls it): a round trip through duration_sketch_send
CREATE TEMP TABLE support_ds (s duration_sketch);
INSERT INTO support_ds VALUES (:ds1), (:ds0), (NULL);
COPY support_ds TO :'binfile' WITH (FORMAT binary);
CREATE TEMP TABLE support_ds_copy (LIKE support_ds);
COPY support_ds_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s = b.s AND duration_sketch_send(a.s) = duration_sketch_send(b.s)) AS same_bytes
FROM support_ds a JOIN support_ds_copy b ON a.s = b.s;
SELECT pg_temp.binary_error('duration_sketch', '\x02'::bytea) AS recv_bad_version;
SELECT pg_temp.error_of('SELECT duration_sketch_recv(NULL::internal)') AS recv_direct,
       (SELECT typreceive = 'duration_sketch_recv'::regproc AND typsend = 'duration_sketch_send'::regproc
        FROM pg_type WHERE oid = 'duration_sketch'::regtype) AS type_uses_them;
-- duration_sketch_eq and duration_sketch_ne are = and <>
SELECT duration_sketch_eq(:ds1, :ds1) AS eq_same, duration_sketch_eq(:ds1, :ds0) AS eq_other,
       duration_sketch_ne(:ds1, :ds1) AS ne_same, duration_sketch_ne(:ds1, :ds0) AS ne_other,
       duration_sketch_eq(:ds1, :ds0) = (:ds1::duration_sketch = :ds0::duration_sketch) AS eq_is_op,
       duration_sketch_ne(:ds1, :ds0) = (:ds1::duration_sketch <> :ds0::duration_sketch) AS ne_is_op,
       duration_sketch_eq(NULL, :ds1) IS NULL AS eq_strict;
-- trans refuses a direct call; combine is +; final turns an empty sketch into NULL
SELECT pg_temp.error_of($$SELECT duration_sketch_trans(NULL, interval '1 s', 0.01)$$) AS trans_direct;
SELECT duration_sketch_combine(:ds1, :ds0) = :ds1::duration_sketch + :ds0::duration_sketch AS combine_is_plus,
       duration_sketch_combine(NULL, :ds1) IS NULL AS combine_strict,
       duration_sketch_final(:ds1) = :ds1::duration_sketch AS final_keeps, duration_sketch_final(NULL) IS NULL AS final_null;
SELECT pg_temp.error_of(format('SELECT duration_sketch_combine(%L, %L)', 'accuracy=0.02 samples=1 zeros=1 sum_us=0 min_us=0 max_us=0 buckets=', :ds0)) AS combine_mismatch;
-- the same for queue_summary
SELECT queue_summary_in(:qs1, 'queue_summary'::regtype, -1) = :qs1::queue_summary AS in_is_cast,
       queue_summary_out(:qs1)::text = (:qs1::queue_summary)::text AS out_is_cast,
       queue_summary_in(NULL, 0, -1) IS NULL AS in_strict, queue_summary_out(NULL) IS NULL AS out_strict;
SELECT pg_temp.error_of($$SELECT queue_summary_in('offered=1', 0, -1)$$) AS bad_in;
CREATE TEMP TABLE support_qs (q queue_summary);
INSERT INTO support_qs SELECT queue_agg(w, a, h) FROM (VALUES (interval '3 s', true, interval '2 min'), ('40 s', true, '5 min'), ('2 s', false, NULL)) v(w, a, h);
INSERT INTO support_qs VALUES (:qs1);
COPY support_qs TO :'binfile' WITH (FORMAT binary);
CREATE TEMP TABLE support_qs_copy (LIKE support_qs);
COPY support_qs_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE queue_summary_send(a.q) = queue_summary_send(b.q)) AS same_bytes
FROM support_qs a JOIN support_qs_copy b ON a.q = b.q;
SELECT pg_temp.binary_error('queue_summary', '\x02'::bytea) AS recv_bad_version;
SELECT pg_temp.error_of('SELECT queue_summary_recv(NULL::internal)') AS recv_direct,
       (SELECT typreceive = 'queue_summary_recv'::regproc AND typsend = 'queue_summary_send'::regproc
        FROM pg_type WHERE oid = 'queue_summary'::regtype) AS type_uses_them;
SELECT queue_summary_eq(a.q, a.q) AS eq_same, queue_summary_eq(a.q, b.q) AS eq_other,
       queue_summary_ne(a.q, a.q) AS ne_same, queue_summary_ne(a.q, b.q) AS ne_other,
       queue_summary_eq(a.q, b.q) = (a.q = b.q) AND queue_summary_ne(a.q, b.q) = (a.q <> b.q) AS same_as_ops,
       queue_summary_eq(NULL, a.q) IS NULL AS eq_strict
FROM support_qs a, support_qs b WHERE offered(a.q) = 3 AND offered(b.q) = 1;
SELECT pg_temp.error_of($$SELECT queue_summary_trans(NULL, interval '1 s', true, NULL, interval '20 s', interval '5 s')$$) AS trans_direct;
SELECT queue_summary_combine(a.q, b.q) = a.q + b.q AS combine_is_plus, offered(queue_summary_combine(a.q, b.q)) AS offered,
       queue_summary_combine(NULL, a.q) IS NULL AS combine_strict,
       queue_summary_final(a.q) = a.q AS final_keeps, queue_summary_final(NULL) IS NULL AS final_null
FROM support_qs a, support_qs b WHERE offered(a.q) = 3 AND offered(b.q) = 1;
SELECT pg_temp.error_of(format('SELECT queue_summary_combine(%L, q) FROM support_qs', queue_agg(w, true, NULL, interval '30 s'))) AS combine_mismatch
FROM (VALUES (interval '1 s')) v(w);
-- transition functions in an aggregate of our own: the NULL state starts a sketch
CREATE AGGREGATE pg_temp.support_sketch(interval) (SFUNC = duration_sketch_trans, STYPE = duration_sketch, FINALFUNC = duration_sketch_final);
CREATE AGGREGATE pg_temp.support_queue(interval, boolean) (SFUNC = queue_summary_trans, STYPE = queue_summary, FINALFUNC = queue_summary_final);
SELECT pg_temp.support_sketch(d) = duration_agg(d) AS sketch_same, pg_temp.support_queue(d, true) = queue_agg(d, true) AS queue_same,
       pg_temp.support_sketch(d) FILTER (WHERE false) IS NULL AS sketch_empty
FROM (VALUES (interval '1 s'), ('2 min'), (NULL), ('0 s')) v(d);
DROP AGGREGATE pg_temp.support_sketch(interval);
DROP AGGREGATE pg_temp.support_queue(interval, boolean);
DROP TABLE support_ds, support_ds_copy, support_qs, support_qs_copy;

-- stored values are compact (a varint per count or run of empty buckets); the
-- aggregates' dense working form (a counter per bucket) is a valid value too, and
-- every function reads both alike: zeros, a bucket of more than 127 (a count of two
-- bytes), outliers days away (runs of empty buckets of two bytes)
CREATE AGGREGATE pg_temp.dense_sketch(interval) (SFUNC = duration_sketch_trans, STYPE = duration_sketch);
CREATE AGGREGATE pg_temp.dense_queue(interval, boolean, interval) (SFUNC = queue_summary_trans, STYPE = queue_summary);
CREATE TEMP TABLE forms AS
SELECT g, pg_temp.dense_sketch(d) AS dense, duration_agg(d) AS compact,
       pg_temp.dense_queue(d, i % 9 <> 0, d * 3) AS qdense, queue_agg(d, i % 9 <> 0, d * 3) AS qcompact
FROM (SELECT i, i % 3 AS g,
             CASE WHEN i % 50 = 0 THEN interval '0'
                  WHEN i % 101 = 0 THEN i * interval '1 day'
                  WHEN i % 4 = 0 THEN interval '5 s'
                  ELSE exp(1 + (i % 97) / 15.0) * interval '1 s' END AS d
      FROM generate_series(1, 3000) i) v
GROUP BY g;
SELECT g, dense = compact AS equal, dense::text = compact::text AS same_text,
       duration_sketch_send(dense) = duration_sketch_send(compact) AS same_binary,
       percentiles(dense, '{0,0.1,0.25,0.5,0.9,0.99,1}') = percentiles(compact, '{0,0.1,0.25,0.5,0.9,0.99,1}') AS same_percentiles,
       share_within(dense, '5 s') = share_within(compact, '5 s') AND share_within(dense, '1 day') = share_within(compact, '1 day') AS same_shares,
       samples(dense) = samples(compact) AND mean(dense) = mean(compact) AS same_mean,
       qdense = qcompact AND qdense::text = qcompact::text AND queue_summary_send(qdense) = queue_summary_send(qcompact) AS queue_same,
       wait_percentile(qdense, 0.9) = wait_percentile(qcompact, 0.9) AND handle_percentile(qdense, 0.5) = handle_percentile(qcompact, 0.5) AS queue_percentiles,
       wait_sketch(qdense) = wait_sketch(qcompact) AS queue_sketches,
       pg_column_size(compact) AS compact_bytes, pg_column_size(qcompact) AS queue_compact_bytes
FROM forms ORDER BY g;
-- what input, +, rollup and the accessors return is compact: the same size whatever the forms given
SELECT g, pg_column_size(compact::text::duration_sketch) = pg_column_size(compact) AS text_input,
       pg_column_size(dense + dense) = pg_column_size(compact + compact) AND dense + dense = compact + compact AS plus,
       pg_column_size(qdense + qdense) = pg_column_size(qcompact + qcompact) AND qdense + qdense = qcompact + qcompact AS queue_plus,
       pg_column_size(wait_sketch(qdense)) = pg_column_size(wait_sketch(qcompact)) AS queue_sketch
FROM forms ORDER BY g;
-- rollup over both forms, in any order, equals the whole
WITH f AS (SELECT g * 2 AS k, dense AS s, qdense AS q FROM forms
           UNION ALL SELECT g * 2 + 1, compact, qcompact FROM forms),
     r AS (SELECT rollup(s ORDER BY k) AS s_up, rollup(s ORDER BY -k) AS s_down,
                  rollup(q ORDER BY k) AS q_up, rollup(q ORDER BY -k) AS q_down FROM f),
     w AS (SELECT rollup(compact) + rollup(dense) AS s, rollup(qcompact) + rollup(qdense) AS q FROM forms)
SELECT s_up = w.s AND s_down = w.s AS sketch_rollup, q_up = w.q AND q_down = w.q AS queue_rollup,
       pg_column_size(s_up) = pg_column_size(w.s) AND pg_column_size(q_down) = pg_column_size(w.q) AS compact_results
FROM r, w;
-- a quarter hour of 3,000 log-normal waits fits well under the 2 kB where PostgreSQL would compress it
SELECT pg_column_size(queue_agg(exp(2.5 + 1.1 * sqrt(-2 * ln((i % 997 + 0.5) / 997.0)) * cos(2 * pi() * (i % 991) / 991.0)) * interval '1 s',
                                i % 8 <> 0, (90 + (i * 7919 % 400)) * interval '1 s')) AS quarter_hour_bytes
FROM generate_series(1, 3000) i;
DROP TABLE forms;
DROP AGGREGATE pg_temp.dense_sketch(interval);
DROP AGGREGATE pg_temp.dense_queue(interval, boolean, interval);
