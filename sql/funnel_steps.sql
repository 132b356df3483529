--
-- funnel_steps: window_funnel_steps (the times of the chain window_funnel
-- counts), window_funnel's steps as arguments of their own (VARIADIC "any")
--
-- ClickHouse has no function that returns the steps' times; the cases marked
-- "ClickHouse <file>" re-express its windowFunnel cases, "ch" holding
-- ClickHouse's level, which must be the number of times returned.
--
SET timezone = 'UTC';
CREATE FUNCTION at(n int) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT timestamptz '1970-01-01 00:00:00+00' + n * interval '1 second' $$;
CREATE FUNCTION secs(n int) RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT n * interval '1 second' $$;
-- seconds from the epoch, for reading
CREATE FUNCTION epoch_secs(t timestamptz[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT coalesce(array_agg(extract(epoch FROM x)::int ORDER BY o), '{}') FROM unnest(t) WITH ORDINALITY u(x, o) $$;

-- ---------------------------------------------------------------------------
-- hand-worked
-- ---------------------------------------------------------------------------
CREATE TABLE st_ev (uid int, ts int, e text);
-- the window counts from step 1: a(0) b(15) a(20) b(25) c(29), 10s: the second a
INSERT INTO st_ev VALUES (1, 0, 'a'), (1, 15, 'b'), (1, 20, 'a'), (1, 25, 'b'), (1, 29, 'c');
-- a later step 1 does not replace a chain that got further
INSERT INTO st_ev VALUES (2, 0, 'a'), (2, 5, 'b'), (2, 8, 'a'), (2, 30, 'c');
-- nothing matches step 1
INSERT INTO st_ev VALUES (3, 0, 'b'), (3, 1, 'c');
-- ties: b then a at one instant still chain a -> b; strict_increase needs later times
INSERT INTO st_ev VALUES (4, 5, 'b'), (4, 5, 'a'), (4, 6, 'c');
-- one row matching every step
INSERT INTO st_ev VALUES (5, 7, 'abc');
SELECT uid, window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS level,
       epoch_secs(window_funnel_steps(secs(10), at(ts), e = 'a', e = 'b', e = 'c')) AS steps,
       epoch_secs(window_funnel_steps(secs(10), 'strict_increase', at(ts), e = 'a', e = 'b', e = 'c')) AS increase,
       epoch_secs(window_funnel_steps(secs(10), 'strict_once', at(ts), e LIKE '%a%', e LIKE '%b%', e LIKE '%c%')) AS once,
       epoch_secs(window_funnel_steps(secs(10), at(ts), e LIKE '%a%', e LIKE '%b%', e LIKE '%c%')) AS shared_row
FROM st_ev GROUP BY uid ORDER BY uid;
-- time to convert per step, and its distribution over users
SELECT uid, t[2] - t[1] AS to_step_2, t[3] - t[2] AS to_step_3
FROM (SELECT uid, window_funnel_steps(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS t
      FROM st_ev GROUP BY uid) x ORDER BY uid;

-- ---------------------------------------------------------------------------
-- ClickHouse 00632_aggregation_window_funnel.sql/.reference: as many times as
-- ClickHouse's level, each one an event of its step
-- ---------------------------------------------------------------------------
CREATE TABLE st_ch (ts int, e int);
INSERT INTO st_ch VALUES (0,1000),(1,1001),(2,1002),(3,1003),(4,1004),(5,1005),(6,1006),(7,1007),(8,1008);
SELECT v.*, cardinality(v.ours) = v.ch AS ok FROM (
	SELECT 'one step' AS "case", epoch_secs(window_funnel_steps(secs(10000), at(ts), e = 1000)) AS ours, 1 AS ch FROM st_ch
	UNION ALL SELECT 'two steps', epoch_secs(window_funnel_steps(secs(10000), at(ts), e = 1000, e = 1001)), 2 FROM st_ch
	UNION ALL SELECT 'skip to 1008', epoch_secs(window_funnel_steps(secs(10000), at(ts), e = 1000, e = 1001, e = 1002, e = 1008)), 4 FROM st_ch
	UNION ALL SELECT 'window 2', epoch_secs(window_funnel_steps(secs(2), at(ts), e = 1003, e = 1004, e = 1005, e = 1006, e = 1007)), 3 FROM st_ch
	UNION ALL SELECT 'window 4', epoch_secs(window_funnel_steps(secs(4), at(ts), e = 1003, e = 1004, e = 1005, e = 1006, e = 1007)), 5 FROM st_ch
	UNION ALL SELECT 'reverse order', epoch_secs(window_funnel_steps(secs(10000), at(ts), e = 1008, e = 1001)), 1 FROM st_ch
	UNION ALL SELECT 'overlapping', epoch_secs(window_funnel_steps(secs(4), at(ts), e <= 1007, e >= 1002, e <= 1006, e >= 1004)), 4 FROM st_ch
) v ORDER BY 1;
CREATE TABLE st_order (uid int, ts int, e text);
INSERT INTO st_order VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 3, 'c'),
	(2, 1, 'a'), (2, 2, 'd'), (2, 3, 'b'), (2, 4, 'c'),
	(3, 1, 'a'), (3, 2, 'a'), (3, 3, 'b'), (3, 4, 'b'), (3, 5, 'c'), (3, 6, 'c'),
	(5, 1, 'a'), (5, 2, 'a'), (5, 3, 'b'), (5, 4, 'b'), (5, 5, 'd'), (5, 6, 'c'), (5, 7, 'c'),
	(6, 1, 'c'), (6, 2, 'c'), (6, 3, 'b'), (6, 4, 'b'), (6, 5, 'a'), (6, 6, 'a');
SELECT o.uid, o.plain, o.ord, o.dedup_ord,
       (cardinality(o.plain), cardinality(o.ord), cardinality(o.dedup_ord)) = (c.plain, c.ord, c.dedup_ord) AS ok
FROM (SELECT uid,
             epoch_secs(window_funnel_steps(secs(86400), at(ts), e = 'a', e = 'b', e = 'c')) AS plain,
             epoch_secs(window_funnel_steps(secs(86400), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c')) AS ord,
             epoch_secs(window_funnel_steps(secs(86400), 'strict_deduplication,strict_order', at(ts), e = 'a', e = 'b', e = 'c')) AS dedup_ord
      FROM st_order GROUP BY uid) o
JOIN (VALUES (1, 3, 3, 3), (2, 3, 1, 1), (3, 3, 3, 2), (5, 3, 2, 2), (6, 1, 1, 1)) c(uid, plain, ord, dedup_ord) USING (uid)
ORDER BY o.uid;

-- ---------------------------------------------------------------------------
-- oracle: for every mode, on generated data, the times are as many as
-- window_funnel's level, in order (strictly under strict_increase), within
-- the window, and each one a row of its step
-- ---------------------------------------------------------------------------
CREATE TABLE st_gen AS
SELECT (n % 97) AS uid, at(((n * 7919) % 20000) / 60 * 60) AS t, (n * 31) % 4 AS k
FROM generate_series(1, 12000) n;
WITH modes(m) AS (VALUES (''), ('strict_order'), ('strict_deduplication'), ('strict_increase'), ('strict_once'),
  ('strict_order, allow_reentry'), ('strict_increase, strict_once'), ('strict_increase, strict_order'),
  ('strict_deduplication, strict_increase')),
r AS (SELECT m, uid, window_funnel(interval '20 minutes', m, t, k = 0, k = 1, k = 2) AS l,
             window_funnel_steps(interval '20 minutes', m, t, k = 0, k = 1, k = 2) AS ts
      FROM st_gen, modes GROUP BY m, uid)
SELECT m, count(*) AS groups, sum(l) AS levels,
       count(*) FILTER (WHERE cardinality(ts) <> l) AS wrong_length,
       count(*) FILTER (WHERE l > 1 AND ts[l] - ts[1] > interval '20 minutes') AS outside_window,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM generate_series(2, l) i WHERE ts[i] < ts[i - 1]
                                       OR (m LIKE '%increase%' AND ts[i] = ts[i - 1]))) AS out_of_order,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM generate_series(1, l) i
                                      WHERE NOT EXISTS (SELECT 1 FROM st_gen g WHERE g.uid = r.uid AND g.t = ts[i] AND g.k = i - 1)))
         AS not_an_event
FROM r GROUP BY m ORDER BY m;

-- ---------------------------------------------------------------------------
-- edges, NULLs, bad input
-- ---------------------------------------------------------------------------
-- no rows, no matching rows: empty
SELECT window_funnel_steps(secs(10), at(ts), e = 'a') FROM st_ev WHERE false;
SELECT window_funnel_steps(secs(10), at(ts), e = 'z') FROM st_ev;
-- NULL timestamps are skipped, NULL steps are false; a bare NULL step too
SELECT epoch_secs(window_funnel_steps(secs(10), CASE WHEN e = 'b' THEN NULL ELSE at(ts) END, e = 'a', e = 'b')) AS null_at,
       epoch_secs(window_funnel_steps(secs(10), at(ts), e = 'a', NULL, e = 'c')) AS null_step,
       window_funnel(secs(10), at(ts), e = 'a', NULL, e = 'c') AS level
FROM st_ev WHERE uid = 1;
-- an explicit VARIADIC boolean[] still works, for both aggregates
SELECT window_funnel(secs(10), at(ts), VARIADIC ARRAY[e = 'a', e = 'b']) AS level,
       epoch_secs(window_funnel_steps(secs(10), at(ts), VARIADIC ARRAY[e = 'a', e = 'b'])) AS steps,
       window_funnel(secs(10), at(ts), VARIADIC '{}'::boolean[]) AS none
FROM st_ev WHERE uid = 1;
-- 32 steps at most
SELECT cardinality(window_funnel_steps(secs(31), at(n), VARIADIC (SELECT array_agg(n = k ORDER BY k) FROM generate_series(0, 31) k))) AS c32
FROM generate_series(0, 31) n;
SELECT window_funnel_steps(secs(31), at(n), true, true, true, true, true, true, true, true, true, true, true,
	true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
	true, true, true, true, true) FROM generate_series(0, 1) n;
-- steps must be boolean (42804)
\set VERBOSITY default
SELECT window_funnel(secs(10), at(ts), e) FROM st_ev;
SELECT window_funnel_steps(secs(10), 'strict_order', at(ts), e = 'a', 1) FROM st_ev;
SELECT window_funnel(secs(10), at(ts), VARIADIC ARRAY[1, 2]) FROM st_ev;
SELECT window_funnel(secs(10), at(ts), 'true') FROM st_ev;
\set VERBOSITY terse
-- parameters: NULL window or mode (22004), bad mode (22023), negative window
SELECT window_funnel_steps(NULL, at(ts), e = 'a') FROM st_ev;
SELECT window_funnel_steps(secs(10), NULL, at(ts), e = 'a') FROM st_ev;
SELECT window_funnel_steps(secs(10), 'strict', at(ts), e = 'a') FROM st_ev;
SELECT window_funnel_steps(secs(-1), at(ts), e = 'a') FROM st_ev;
-- the final function refuses a sequence state
SELECT window_funnel_steps_final(funnel_events_trans(NULL, '(?1)', at(1), true)) AS wrong_kind;
SELECT window_funnel_steps_final(NULL);
\set VERBOSITY default

-- ---------------------------------------------------------------------------
-- parallel: forced parallel plans give the serial answers
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE st_serial AS
SELECT uid, window_funnel_steps(interval '20 minutes', t, k = 0, k = 1, k = 2) AS a,
       window_funnel_steps(interval '20 minutes', 'strict_once', t, k = 0, k = 1, k = 2) AS b,
       window_funnel(interval '20 minutes', 'strict_increase', t, k = 0, k = 1, k = 2) AS c
FROM st_gen GROUP BY uid;
\i test/regress_helpers.sql
:force_parallel
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT uid, window_funnel_steps(interval '20 minutes', t, k = 0, k = 1, k = 2) FROM st_gen GROUP BY uid;
SELECT count(*) AS groups, count(*) FILTER (WHERE (p.a, p.b, p.c) IS NOT DISTINCT FROM (s.a, s.b, s.c)) AS equal
FROM (SELECT uid, window_funnel_steps(interval '20 minutes', t, k = 0, k = 1, k = 2) AS a,
             window_funnel_steps(interval '20 minutes', 'strict_once', t, k = 0, k = 1, k = 2) AS b,
             window_funnel(interval '20 minutes', 'strict_increase', t, k = 0, k = 1, k = 2) AS c
      FROM st_gen GROUP BY uid) p
JOIN st_serial s USING (uid);
SELECT epoch_secs(window_funnel_steps(interval '20 minutes', t, k = 0, k = 1, k = 2)) AS whole_table FROM st_gen;
RESET ALL;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;
SELECT epoch_secs(window_funnel_steps(interval '20 minutes', t, k = 0, k = 1, k = 2)) AS whole_table_serial FROM st_gen;

-- clean up: the regression database is shared with the other tests
DROP TABLE st_ev, st_ch, st_order, st_gen;
DROP FUNCTION at(int), secs(int), epoch_secs(timestamptz[]);
