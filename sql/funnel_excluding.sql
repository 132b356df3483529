--
-- funnel_excluding: window_funnel_excluding, window_funnel with an exclusion
-- condition (PostHog's exclusion steps): a row meeting it between step i and
-- step i+1 of a chain breaks that chain, which keeps the steps it did before
--
SET timezone = 'UTC';
CREATE FUNCTION at(n int) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT timestamptz '1970-01-01 00:00:00+00' + n * interval '1 second' $$;
CREATE FUNCTION secs(n int) RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT n * interval '1 second' $$;

-- ---------------------------------------------------------------------------
-- hand-worked, steps a b c, exclusion x, a window of 10 seconds, every mode
-- ---------------------------------------------------------------------------
CREATE TABLE fx (uid int, ts int, e text);
INSERT INTO fx VALUES
	(1, 0, 'a'), (1, 1, 'b'), (1, 2, 'c'),                  -- no x: 3
	(2, 0, 'a'), (2, 1, 'b'), (2, 2, 'x'), (2, 3, 'c'),     -- x between b and c: 2
	(3, 0, 'x'), (3, 1, 'a'), (3, 2, 'b'), (3, 3, 'c'),     -- x before step 1: 3
	(4, 0, 'a'), (4, 1, 'b'), (4, 2, 'c'), (4, 3, 'x'),     -- x after the last step: 3
	(5, 0, 'a'), (5, 1, 'b'), (5, 1, 'x'), (5, 2, 'c'),     -- x at the instant of b: b counts, c not
	(6, 0, 'a'), (6, 0, 'x'), (6, 1, 'b'), (6, 2, 'c'),     -- x at the instant of a: not after it, 3
	(7, 0, 'a'), (7, 1, 'x'), (7, 5, 'a'), (7, 6, 'b'), (7, 7, 'c'), -- a fresh step 1 after x: 3
	(8, 0, 'a'), (8, 1, 'b'), (8, 2, 'x'),                  -- x after an unfinished chain: 2
	(9, 0, 'a'), (9, 1, 'x'), (9, 12, 'b'),                 -- x, then b outside the window anyway: 1
	(10, 0, 'a'), (10, 1, 'b'), (10, 20, 'x'), (10, 21, 'a'), (10, 22, 'b'); -- x outside the first window: 2
SELECT uid,
       window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS plain,
       window_funnel_excluding(secs(10), at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS excluding,
       window_funnel_excluding(secs(10), 'strict_order', at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS ord,
       window_funnel_excluding(secs(10), 'strict_increase', at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS inc,
       window_funnel_excluding(secs(10), 'strict_once', at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS once,
       window_funnel_excluding(secs(10), 'strict_deduplication', at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS dedup,
       window_funnel_excluding(secs(10), 'strict_order, allow_reentry', at(ts), e = 'x', e = 'a', e = 'b', e = 'c') AS reentry
FROM fx GROUP BY uid ORDER BY uid;
-- a row meeting a step and the exclusion at once: the exclusion is at that
-- instant, so the step counts and the chain stops after it
SELECT window_funnel_excluding(secs(10), at(ts), e IN ('x', 'b'), e = 'a', e = 'b', e = 'c') AS b_is_excluded
FROM fx WHERE uid = 1;
-- no exclusion at all: window_funnel's answers
SELECT count(*) AS users,
       count(*) FILTER (WHERE w = x) AS same
FROM (SELECT uid, window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS w,
             window_funnel_excluding(secs(10), at(ts), false, e = 'a', e = 'b', e = 'c') AS x
      FROM fx GROUP BY uid) s;

-- ---------------------------------------------------------------------------
-- oracle: the default mode re-derived in SQL on generated data.  A chain from
-- a step-1 row may go on up to the end of its window or the first excluded
-- row after it, whichever comes first; each step takes the earliest row it
-- can; the answer is the best chain.
-- ---------------------------------------------------------------------------
CREATE TABLE fx_gen AS
SELECT (n % 53) AS uid, ((n * 7919) % 5000) / 7 AS ts, (n * 31 + n / 7) % 4 AS k
FROM generate_series(1, 6000) n;
WITH chains AS (
	SELECT s.uid, s.ts AS t1,
	       least(s.ts + 60, (SELECT min(x.ts) FROM fx_gen x WHERE x.uid = s.uid AND x.k = 3 AND x.ts > s.ts)) AS cap
	FROM fx_gen s WHERE s.k = 0
), step2 AS (
	SELECT c.*, (SELECT min(b.ts) FROM fx_gen b WHERE b.uid = c.uid AND b.k = 1 AND b.ts >= c.t1 AND b.ts <= c.cap) AS t2
	FROM chains c
), step3 AS (
	SELECT s.*, (SELECT min(d.ts) FROM fx_gen d WHERE d.uid = s.uid AND d.k = 2 AND d.ts >= s.t2 AND d.ts <= s.cap) AS t3
	FROM step2 s
), oracle AS (
	SELECT u.uid, coalesce(max(1 + (t2 IS NOT NULL)::int + (t3 IS NOT NULL)::int), 0) AS level
	FROM (SELECT DISTINCT uid FROM fx_gen) u LEFT JOIN step3 USING (uid)
	GROUP BY u.uid
), ours AS (
	SELECT uid, window_funnel_excluding(secs(60), at(ts), k = 3, k = 0, k = 1, k = 2) AS level,
	       window_funnel(secs(60), at(ts), k = 0, k = 1, k = 2) AS plain
	FROM fx_gen GROUP BY uid
)
SELECT count(*) AS users, count(*) FILTER (WHERE o.level = s.level) AS agree,
       count(*) FILTER (WHERE s.level < s.plain) AS cut_short,
       sum(s.level) AS levels
FROM oracle o JOIN ours s USING (uid);

-- ---------------------------------------------------------------------------
-- NULLs, edges, the state, bad input
-- ---------------------------------------------------------------------------
-- a NULL exclusion is false, a NULL time skips the row
SELECT window_funnel_excluding(secs(10), at(ts), NULL, e = 'a', e = 'b', e = 'c') AS null_exclusion,
       window_funnel_excluding(secs(10), CASE WHEN e = 'x' THEN NULL ELSE at(ts) END, e = 'x', e = 'a', e = 'b', e = 'c') AS null_time
FROM fx WHERE uid = 2;
-- no rows; only excluded rows; an explicit VARIADIC boolean[]
SELECT window_funnel_excluding(secs(10), at(ts), e = 'x', e = 'a') FILTER (WHERE false) AS no_rows,
       window_funnel_excluding(secs(10), at(ts), true, e = 'a') FILTER (WHERE e = 'x') AS only_excluded,
       window_funnel_excluding(secs(10), at(ts), e = 'x', VARIADIC ARRAY[e = 'a', e = 'b', e = 'c']) AS array_form
FROM fx WHERE uid = 2;
-- the state: kind window_funnel_excluding, "x" marks an excluded row; text
-- and binary forms read back
CREATE TABLE fx_state AS
SELECT window_funnel_excluding_trans(window_funnel_excluding_trans(NULL, secs(10), 'strict_once', at(1), true, true, false),
                                     secs(10), 'strict_once', at(2), false, false, true) AS s;
SELECT s, s::text::funnel_events = s AS text_ok, funnel_events_recv_ok,
       window_funnel_final(s) AS level
FROM fx_state, LATERAL (SELECT funnel_events_send(s) = funnel_events_send(s::text::funnel_events) AS funnel_events_recv_ok) b;
SELECT funnel_events_send('window_funnel_excluding 1 0 10000000 0 '''': 1970-01-01 00:00:01+00 x') AS bytes;
\i test/regress_helpers.sql
CREATE TABLE fx_bin (s funnel_events);
SELECT what, pg_temp.binary_copy_error('fx_bin', bytes) AS error
FROM (SELECT funnel_events_send('window_funnel_excluding 1 0 10000000 0 '''': 1970-01-01 00:00:01+00 1,x') AS b) g,
LATERAL (VALUES
	('well-formed', b),
	('32 steps', set_byte(b, 2, 32)),
	('kind 3', set_byte(b, 1, 3)),
	('exclusion in a window_funnel state', set_byte(b, 1, 0)),
	('step 2 of 1', set_byte(b, length(b) - 1, 3))
) v(what, bytes);
SELECT what, pg_temp.error_of(format('SELECT %L::funnel_events', lit)) AS error
FROM (VALUES
	('x in window_funnel', 'window_funnel 1 0 0 0 '''': 1970-01-01 00:00:01+00 x'),
	('step 32', 'window_funnel_excluding 2 0 0 0 '''': 1970-01-01 00:00:01+00 32'),
	('32 steps', 'window_funnel_excluding 32 0 0 0 '''''),
	('x in a sequence', 'sequence 1 0 0 0 ''(?1)'': 1970-01-01 00:00:01+00 x')
) v(what, lit);
\set VERBOSITY default
-- 31 steps at most (bit 32 holds the exclusion)
SELECT window_funnel_excluding(secs(1), at(1), false, VARIADIC (SELECT array_agg(true) FROM generate_series(1, 32)));
SELECT window_funnel_excluding(secs(1), at(1), false, VARIADIC (SELECT array_agg(true) FROM generate_series(1, 31))) AS s31;
-- steps must be boolean; parameters not NULL; modes as window_funnel's
SELECT window_funnel_excluding(secs(10), at(ts), e = 'x', e) FROM fx;
SELECT window_funnel_excluding(NULL, at(ts), e = 'x', e = 'a') FROM fx;
SELECT window_funnel_excluding(secs(10), NULL, at(ts), e = 'x', e = 'a') FROM fx;
SELECT window_funnel_excluding(secs(10), 'strict', at(ts), e = 'x', e = 'a') FROM fx;
-- a state of another kind
SELECT funnel_events_combine(s, window_funnel_trans(NULL, secs(10), 'strict_once', at(1), true, true)) FROM fx_state;
SELECT window_funnel_excluding_trans(window_funnel_trans(NULL, secs(10), at(1), true), secs(10), at(2), true, true);
\set VERBOSITY terse

-- ---------------------------------------------------------------------------
-- parallel: forced parallel plans give the serial answers
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE fx_serial AS
SELECT uid, window_funnel_excluding(secs(60), at(ts), k = 3, k = 0, k = 1, k = 2) AS a,
       window_funnel_excluding(secs(60), 'strict_increase', at(ts), k = 3, k = 0, k = 1, k = 2) AS b
FROM fx_gen GROUP BY uid;
:force_parallel
SET parallel_leader_participation = off;
-- (no sort: 17 and 18 would gather the partial states in order for a
-- GroupAggregate, 15 hashes them; the plan shown is the same on every major)
SET enable_sort = off;
EXPLAIN (COSTS OFF)
SELECT uid, window_funnel_excluding(secs(60), at(ts), k = 3, k = 0, k = 1, k = 2) FROM fx_gen GROUP BY uid;
SELECT count(*) AS groups, count(*) FILTER (WHERE (p.a, p.b) = (s.a, s.b)) AS equal
FROM (SELECT uid, window_funnel_excluding(secs(60), at(ts), k = 3, k = 0, k = 1, k = 2) AS a,
             window_funnel_excluding(secs(60), 'strict_increase', at(ts), k = 3, k = 0, k = 1, k = 2) AS b
      FROM fx_gen GROUP BY uid) p
JOIN fx_serial s USING (uid);
RESET ALL;
SET timezone = 'UTC';
-- clean up: the regression database is shared with the other tests
DROP TABLE fx, fx_gen, fx_state, fx_bin;
DROP FUNCTION at(int), secs(int);
