--
-- funnel: window_funnel, retention, sequence_match, sequence_count
--
-- Cases marked "ClickHouse <file>" re-express a case of ClickHouse's own tests
-- (tests/queries/0_stateless/<file>) or documentation; the column "ch" holds
-- ClickHouse's answer and "ok" compares.  Timestamps are whole seconds from
-- the epoch: at(n) = 1970-01-01 00:00:00+00 + n seconds.
--
SET timezone = 'UTC';
CREATE FUNCTION at(n int) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT timestamptz '1970-01-01 00:00:00+00' + n * interval '1 second' $$;
CREATE FUNCTION secs(n int) RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT n * interval '1 second' $$;

-- ---------------------------------------------------------------------------
-- window_funnel, hand-worked
-- ---------------------------------------------------------------------------
CREATE TABLE ev (uid int, ts int, e text);
-- the window is inclusive: step 2 exactly "within" after step 1 counts
INSERT INTO ev VALUES (1, 0, 'a'), (1, 10, 'b'), (1, 21, 'c');
SELECT window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS w10,
       window_funnel(secs(20), at(ts), e = 'a', e = 'b', e = 'c') AS w20,
       window_funnel(secs(21), at(ts), e = 'a', e = 'b', e = 'c') AS w21,
       window_funnel(interval '9.999999 seconds', at(ts), e = 'a', e = 'b', e = 'c') AS w_just_short
FROM ev WHERE uid = 1;
-- the window counts from step 1 of the chain, not from the previous step
INSERT INTO ev VALUES (2, 0, 'a'), (2, 6, 'b'), (2, 12, 'c');
SELECT window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') FROM ev WHERE uid = 2;
-- a later step 1 starts a fresh window: a(0) b(15) a(20) b(25) c(29) with 10s
INSERT INTO ev VALUES (3, 0, 'a'), (3, 15, 'b'), (3, 20, 'a'), (3, 25, 'b'), (3, 29, 'c');
SELECT window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') FROM ev WHERE uid = 3;
-- ties: events at one timestamp are taken step by step, lowest first, so
-- b then a at one instant still chain a -> b (default: 3 with c); under
-- strict_increase b needs a later time than a (1)
INSERT INTO ev VALUES (4, 5, 'b'), (4, 5, 'a'), (4, 6, 'c');
SELECT window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c') AS plain,
       window_funnel(secs(10), 'strict_increase', at(ts), e = 'a', e = 'b', e = 'c') AS increase
FROM ev WHERE uid = 4;
-- one row matching several steps counts for each (ClickHouse does so), unless strict_once
INSERT INTO ev VALUES (5, 0, 'abc');
SELECT window_funnel(secs(1), at(ts), e LIKE '%a%', e LIKE '%b%', e LIKE '%c%') AS plain,
       window_funnel(secs(1), 'strict_once', at(ts), e LIKE '%a%', e LIKE '%b%', e LIKE '%c%') AS once
FROM ev WHERE uid = 5;
-- order doesn't matter: the rows are sorted at the end
SELECT window_funnel(secs(10), at(ts), e = 'a', e = 'b', e = 'c')
FROM (SELECT * FROM ev WHERE uid = 3 ORDER BY ts DESC) s;
-- NULL conditions are false; NULL timestamps are skipped; no rows gives 0
SELECT window_funnel(secs(10), at(ts), e = 'a', NULL, e = 'c') AS null_step,
       window_funnel(secs(10), CASE WHEN e = 'b' THEN NULL ELSE at(ts) END, e = 'a', e = 'b') AS null_at
FROM ev WHERE uid = 1;
SELECT window_funnel(secs(10), at(ts), e = 'a') FROM ev WHERE false;
-- 0 steps: nothing to reach
SELECT window_funnel(secs(10), at(ts), VARIADIC '{}'::boolean[]) FROM ev;
-- no step at all, with and without a mode: 0; the window and the mode are still
-- checked, and nothing is kept, even in strict_order
SELECT window_funnel(secs(10), at(ts)) AS no_step,
       window_funnel(secs(10), 'strict_order', at(ts)) AS no_step_mode,
       window_funnel(secs(10), at(ts)) FILTER (WHERE false) AS no_rows
FROM ev;
SELECT window_funnel(secs(-1), at(ts)) FROM ev;
SELECT window_funnel(secs(10), 'strict_ordr', at(ts)) FROM ev;
SELECT window_funnel_trans(window_funnel_trans(NULL, secs(10), 'strict_order', at(1)), secs(10), 'strict_order', at(2))::text AS empty_state;
-- 32 steps, one a second: all 32 within 31s, 31 within 30s
SELECT window_funnel(secs(31), at(n), VARIADIC (SELECT array_agg(n = k ORDER BY k) FROM generate_series(0, 31) k)) AS w31,
       window_funnel(secs(30), at(n), VARIADIC (SELECT array_agg(n = k ORDER BY k) FROM generate_series(0, 31) k)) AS w30
FROM generate_series(0, 31) n;
-- a window of days follows the calendar of the session's time zone: across
-- the spring-forward night in Berlin '1 day' is 23 hours
SET timezone = 'Europe/Berlin';
SELECT window_funnel(interval '1 day', t, x = 1, x = 2) AS one_day,
       window_funnel(interval '24 hours', t, x = 1, x = 2) AS hours24
FROM (VALUES (timestamptz '2026-03-28 12:00', 1), (timestamptz '2026-03-29 12:30', 2)) v(t, x);
SET timezone = 'UTC';
-- in a zone of one offset a window in days is added as microseconds: the same
-- answers, to the microsecond, near the end of the range and from infinity, and the
-- same error past it
SELECT window_funnel(interval '1 day', t, x = 1, x = 2) AS on_the_day,
       window_funnel(interval '1 day -1 second', t, x = 1, x = 2) AS a_second_short
FROM (VALUES (timestamptz '2026-06-01 12:00+00', 1), (timestamptz '2026-06-02 12:00+00', 2)) v(t, x);
SELECT window_funnel(interval '1 day', t, x = 1, x = 2) AS near_the_end
FROM (VALUES (timestamptz '294276-12-30 00:00+00', 1), (timestamptz '294276-12-31 00:00+00', 2)) v(t, x);
SELECT window_funnel(interval '3 days', t, x = 1, x = 2) AS past_the_end
FROM (VALUES (timestamptz '294276-12-30 00:00+00', 1), (timestamptz '294276-12-31 00:00+00', 2)) v(t, x);
SELECT window_funnel(interval '1 day', t, x = 1, x = 2) AS from_infinity
FROM (VALUES (timestamptz 'infinity', 1), (timestamptz 'infinity', 2)) v(t, x);
SELECT window_funnel(interval '-1 day 25 hours', t, x = 1, x = 2) AS day_less_hours
FROM (VALUES (timestamptz '2026-06-01 12:00+00', 1), (timestamptz '2026-06-01 13:00+00', 2)) v(t, x);

-- modes, hand-worked (a b d c with steps a b c d)
CREATE TABLE ev2 (uid int, ts int, e text);
INSERT INTO ev2 VALUES
	(1, 1, 'a'), (1, 2, 'b'), (1, 3, 'd'), (1, 4, 'c'),             -- d breaks strict_order
	(2, 1, 'a'), (2, 2, 'b'), (2, 3, 'b'), (2, 4, 'c'),             -- b repeats
	(3, 1, 'a'), (3, 2, 'x'), (3, 3, 'b'),                          -- x matches no step
	(4, 1, 'a'), (4, 2, 'b'), (4, 3, 'a'), (4, 4, 'c'), (4, 5, 'd'); -- a re-enters
SELECT uid,
       window_funnel(secs(100), at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS plain,
       window_funnel(secs(100), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS ord,
       window_funnel(secs(100), 'strict_deduplication', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS dedup,
       window_funnel(secs(100), 'strict_order, allow_reentry', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS reentry,
       window_funnel(secs(100), 'strict_once', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS once
FROM ev2 GROUP BY uid ORDER BY uid;
-- mode names are read as the taxonomy labels are: any case, blanks around,
-- '-', '_' or spaces between words
SELECT uid,
       window_funnel(secs(100), 'Strict Order', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS ord,
       window_funnel(secs(100), ' STRICT-DEDUPLICATION ', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS dedup,
       window_funnel(secs(100), 'strict  order,Allow-Reentry', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS reentry,
       window_funnel(secs(100), 'strict__once', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS once
FROM ev2 GROUP BY uid ORDER BY uid;
-- the window and the mode may change from group to group (a group's rows agree): each
-- group gets what it gets aggregated alone, in either order of the groups
SELECT g.uid, g.within, g.mode, g.level,
       (SELECT window_funnel(g.within, g.mode, at(ts), e = 'a', e = 'b', e = 'c', e = 'd')
        FROM ev2 WHERE uid = g.uid) AS alone
FROM (SELECT uid, within, mode,
             window_funnel(within, mode, at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS level
      FROM (SELECT *, secs(uid) AS within,
                   (ARRAY['', 'strict_order', 'strict_deduplication', 'strict_once'])[uid] AS mode
            FROM ev2) x
      GROUP BY uid, within, mode) g
ORDER BY g.uid;
SELECT uid, window_funnel(secs(5 - uid), at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS level
FROM (SELECT * FROM ev2 ORDER BY uid DESC, ts) x GROUP BY uid ORDER BY uid;

-- ---------------------------------------------------------------------------
-- window_funnel, ClickHouse 00632_aggregation_window_funnel.sql/.reference
-- ---------------------------------------------------------------------------
CREATE TABLE ch (ts int, e int);
INSERT INTO ch VALUES (0,1000),(1,1001),(2,1002),(3,1003),(4,1004),(5,1005),(6,1006),(7,1007),(8,1008);
SELECT v.*, v.ours = v.ch AS ok FROM (
	SELECT 'one step' AS "case", window_funnel(secs(10000), at(ts), e = 1000) AS ours, 1 AS ch FROM ch
	UNION ALL SELECT 'two steps', window_funnel(secs(10000), at(ts), e = 1000, e = 1001), 2 FROM ch
	UNION ALL SELECT 'three steps', window_funnel(secs(10000), at(ts), e = 1000, e = 1001, e = 1002), 3 FROM ch
	UNION ALL SELECT 'skip to 1008', window_funnel(secs(10000), at(ts), e = 1000, e = 1001, e = 1002, e = 1008), 4 FROM ch
	UNION ALL SELECT 'window 1', window_funnel(secs(1), at(ts), e = 1000), 1 FROM ch
	UNION ALL SELECT 'window 2', window_funnel(secs(2), at(ts), e = 1003, e = 1004, e = 1005, e = 1006, e = 1007), 3 FROM ch
	UNION ALL SELECT 'window 3', window_funnel(secs(3), at(ts), e = 1003, e = 1004, e = 1005, e = 1006, e = 1007), 4 FROM ch
	UNION ALL SELECT 'window 4', window_funnel(secs(4), at(ts), e = 1003, e = 1004, e = 1005, e = 1006, e = 1007), 5 FROM ch
	UNION ALL SELECT 'reverse order', window_funnel(secs(10000), at(ts), e = 1008, e = 1001), 1 FROM ch
	UNION ALL SELECT 'overlapping', window_funnel(secs(4), at(ts), e <= 1007, e >= 1002, e <= 1006, e >= 1004), 4 FROM ch
) v ORDER BY 1;
CREATE TABLE ch_strict (ts int, e int);
INSERT INTO ch_strict VALUES (0,1000),(10,1001),(20,1002),(30,1003),(40,1004),(50,1005),(51,1005),(60,1006),(70,1007),(80,1008);
SELECT window_funnel(secs(10000), 'strict_deduplication', at(ts), e = 1000, e = 1001, e = 1002, e = 1003, e = 1004, e = 1005, e = 1006) AS dedup_ch_6,
       window_funnel(secs(10000), at(ts), e = 1000, e = 1001, e = 1002, e = 1003, e = 1004, e = 1005, e = 1006) AS plain_ch_7
FROM ch_strict;
CREATE TABLE ch_order (uid int, ts int, e text);
INSERT INTO ch_order VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 3, 'c'),
	(2, 1, 'a'), (2, 2, 'd'), (2, 3, 'b'), (2, 4, 'c'),
	(3, 1, 'a'), (3, 2, 'a'), (3, 3, 'b'), (3, 4, 'b'), (3, 5, 'c'), (3, 6, 'c'),
	(4, 1, 'a'), (4, 2, 'a'), (4, 3, 'a'), (4, 4, 'a'), (4, 5, 'b'), (4, 6, 'b'), (4, 7, 'c'), (4, 8, 'c'),
	(5, 1, 'a'), (5, 2, 'a'), (5, 3, 'b'), (5, 4, 'b'), (5, 5, 'd'), (5, 6, 'c'), (5, 7, 'c'),
	(6, 1, 'c'), (6, 2, 'c'), (6, 3, 'b'), (6, 4, 'b'), (6, 5, 'a'), (6, 6, 'a');
SELECT o.uid, o.plain, c.plain AS ch_plain, o.ord, c.ord AS ch_ord, o.dedup_ord, c.dedup_ord AS ch_dedup_ord,
       (o.plain, o.ord, o.dedup_ord) = (c.plain, c.ord, c.dedup_ord) AS ok
FROM (SELECT uid,
             window_funnel(secs(86400), at(ts), e = 'a', e = 'b', e = 'c') AS plain,
             window_funnel(secs(86400), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c') AS ord,
             window_funnel(secs(86400), 'strict_deduplication,strict_order', at(ts), e = 'a', e = 'b', e = 'c') AS dedup_ord
      FROM ch_order GROUP BY uid) o
JOIN (VALUES (1, 3, 3, 3), (2, 3, 1, 1), (3, 3, 3, 2), (4, 3, 3, 2), (5, 3, 2, 2), (6, 1, 1, 1)) c(uid, plain, ord, dedup_ord) USING (uid)
ORDER BY o.uid;
-- user 7: a c b, 10s, strict_order gives 1
SELECT window_funnel(secs(10), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c') AS ours_ch_1
FROM (VALUES (1, 'a'), (2, 'c'), (3, 'b')) v(ts, e);
-- issue 27469: a b c b d under strict_deduplication gives 3
SELECT window_funnel(secs(86400), 'strict_deduplication', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS ours_ch_3
FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'b'), (5, 'd')) v(ts, e);
-- NULL data (ClickHouse's Nullable columns; a condition that is NULL is false)
CREATE TABLE ch_null (uid int, ts int, a text, b text);
INSERT INTO ch_null VALUES (1, 1, 'a1', 'b1'), (1, 2, 'a2', 'b2'), (2, 1, 'a1', NULL), (2, 2, 'a2', NULL),
	(3, 1, NULL, NULL), (4, 1, NULL, 'b1'), (4, 2, 'a2', NULL), (4, 3, NULL, 'b3');
SELECT o.uid, o.r1, o.r2, o.r3, o.r4, o.r5, (o.r1, o.r2, o.r3, o.r4, o.r5) = (c.r1, c.r2, c.r3, c.r4, c.r5) AS ok
FROM (SELECT uid,
             window_funnel(secs(86400), at(ts), a = 'a1', a = 'a2') AS r1,
             window_funnel(secs(86400), at(ts), a = 'a1', b = 'b2') AS r2,
             window_funnel(secs(86400), at(ts), a IS NULL AND b IS NULL) AS r3,
             window_funnel(secs(86400), at(ts), a IS NULL, b = 'b3') AS r4,
             window_funnel(secs(86400), 'strict_order', at(ts), a IS NULL, b = 'b3') AS r5
      FROM ch_null GROUP BY uid) o
JOIN (VALUES (1, 2, 2, 0, 0, 0), (2, 2, 1, 0, 0, 0), (3, 0, 0, 1, 1, 1), (4, 0, 0, 0, 2, 1)) c(uid, r1, r2, r3, r4, r5) USING (uid)
ORDER BY o.uid;
-- strict_increase and strict_once on ties
CREATE TABLE ch_inc (ts int, e int);
INSERT INTO ch_inc VALUES (0,1000),(1,1001),(1,1002),(1,1003),(2,1004);
SELECT window_funnel(secs(10000), at(ts), e = 1000, e = 1001, e = 1002, e = 1003, e = 1004) AS plain_ch_5,
       window_funnel(secs(10000), 'strict_increase', at(ts), e = 1000, e = 1001, e = 1002, e = 1003, e = 1004) AS inc_ch_2,
       window_funnel(secs(10000), at(ts), e = 1004, e = 1004, e = 1004) AS same_ch_3,
       window_funnel(secs(10000), 'strict_once', at(ts), e = 1004, e = 1004, e = 1004) AS once_ch_1,
       window_funnel(secs(10000), 'strict_increase', at(ts), e = 1004, e = 1004, e = 1004) AS inc_ch_1
FROM ch_inc;
CREATE TABLE ch_once (ts int, result text, uid int);
INSERT INTO ch_once VALUES (100, 'failure', 234), (200, 'success', 345), (210, 'failure', 345), (230, 'success', 345),
	(250, 'failure', 234), (180, 'failure', 123), (220, 'failure', 123), (250, 'success', 123);
SELECT uid,
       window_funnel(secs(200), 'strict_once,strict_increase', at(ts), result = 'failure', result = 'failure', result = 'success') AS once_inc,
       window_funnel(secs(200), 'strict_once', at(ts), result = 'failure', result = 'failure', result = 'success') AS once,
       window_funnel(secs(200), 'strict_once,strict_deduplication', at(ts), result = 'failure', result = 'failure', result = 'success') AS once_dedup,
       CASE uid WHEN 123 THEN 3 WHEN 234 THEN 2 ELSE 1 END AS ch_all_three
FROM ch_once GROUP BY uid ORDER BY uid;
-- allow_reentry.  The values in "ch" are today's ClickHouse: re-entering step 1
-- is no violation of strict_order, allow_reentry skips the events that break
-- the order (its newest strict_increase test: "a genuinely missing predecessor
-- still stops the funnel unless reentry is enabled"), and strict_deduplication
-- stops at the level reached (#37177).  The .reference of 00632 as the
-- allow_reentry option came in (pull request 86916, 2025) had, for the rows
-- below: ord3 2,2,3,1,3; re3 3,3,3,1,3; ord4 2,2,4,1,3; re4 3,3,4,1,4;
-- re_dedup 3,1,3,1,3; and for the shop: ord 2,2,3; re4 1,1,1.
CREATE TABLE ch_re (uid int, ts int, e text);
INSERT INTO ch_re VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 3, 'a'), (1, 4, 'c'),
	(2, 1, 'a'), (2, 2, 'b'), (2, 3, 'a'), (2, 4, 'b'), (2, 5, 'c'),
	(3, 1, 'a'), (3, 2, 'b'), (3, 3, 'c'), (3, 4, 'b'), (3, 5, 'd'),
	(4, 1, 'a'), (4, 2, 'c'), (4, 3, 'b'),
	(5, 1, 'a'), (5, 2, 'b'), (5, 3, 'c'), (5, 4, 'a'), (5, 5, 'b'), (5, 6, 'c'), (5, 7, 'd');
SELECT o.uid, o.ord3, o.re3, o.ord4, o.re4, o.re_dedup,
       (o.ord3, o.re3, o.ord4, o.re4, o.re_dedup) = (c.ord3, c.re3, c.ord4, c.re4, c.re_dedup) AS ok
FROM (SELECT uid,
             window_funnel(secs(86400), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c') AS ord3,
             window_funnel(secs(86400), 'strict_order,allow_reentry', at(ts), e = 'a', e = 'b', e = 'c') AS re3,
             window_funnel(secs(86400), 'strict_order', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS ord4,
             window_funnel(secs(86400), 'strict_order,allow_reentry', at(ts), e = 'a', e = 'b', e = 'c', e = 'd') AS re4,
             window_funnel(secs(86400), 'strict_order,allow_reentry,strict_deduplication', at(ts), e = 'a', e = 'b', e = 'c') AS re_dedup
      FROM ch_re GROUP BY uid) o
JOIN (VALUES (1, 3, 3, 3, 3, 3), (2, 3, 3, 3, 3, 2), (3, 3, 3, 4, 4, 3), (4, 1, 2, 1, 2, 2), (5, 3, 3, 4, 4, 3))
	c(uid, ord3, re3, ord4, re4, re_dedup) USING (uid)
ORDER BY o.uid;
CREATE TABLE ch_shop (ts int, uid int, action text);
INSERT INTO ch_shop VALUES (100, 1, 'begin_checkout'), (200, 1, 'view_product_detail'), (300, 1, 'begin_checkout'), (400, 1, 'complete_payment'),
	(100, 2, 'begin_checkout'), (200, 2, 'view_product_detail'), (250, 2, 'view_product_detail'), (300, 2, 'begin_checkout'), (400, 2, 'complete_payment'),
	(100, 3, 'begin_checkout'), (200, 3, 'view_product_detail'), (300, 3, 'complete_payment');
SELECT uid,
       window_funnel(secs(600), 'strict_order', at(ts), action = 'begin_checkout', action = 'view_product_detail', action = 'complete_payment') AS ord,
       window_funnel(secs(600), 'strict_order,allow_reentry', at(ts), action = 'begin_checkout', action = 'view_product_detail', action = 'complete_payment') AS re,
       window_funnel(secs(600), 'strict_order', at(ts), action = 'begin_checkout', action = 'view_product_detail', action = 'begin_checkout', action = 'complete_payment') AS ord4,
       window_funnel(secs(600), 'strict_order,allow_reentry', at(ts), action = 'begin_checkout', action = 'view_product_detail', action = 'begin_checkout', action = 'complete_payment') AS re4,
       3 AS ch_ord, 3 AS ch_re, 1 AS ch_ord4, CASE uid WHEN 3 THEN 2 ELSE 4 END AS ch_re4
FROM ch_shop GROUP BY uid ORDER BY uid;
-- documentation example (parametric-functions.md, windowFunnel): 4 steps, answer 4
SELECT window_funnel(interval '100 years', t, id = 1003, id = 1009, id = 1007, id = 1010) AS ours_ch_4
FROM (VALUES (timestamptz '2019-01-29 10:00:00+00', 1003), (timestamptz '2019-01-31 09:00:00+00', 1007),
             (timestamptz '2019-01-30 08:00:00+00', 1009), (timestamptz '2019-02-01 08:00:00+00', 1010)) v(t, id);

-- ---------------------------------------------------------------------------
-- window_funnel strict_increase as ClickHouse evaluates it today (its test of
-- strict_increase over timestamp groups: "repeated groups" ... "maximum
-- conditions"; the values in "ch" are our reading of that test's comments,
-- worked by hand: a step extends only what earlier timestamps reached, and
-- the prefix with the latest start is kept)
-- ---------------------------------------------------------------------------
CREATE FUNCTION inc_case(within int, mode text, ev text) RETURNS int LANGUAGE sql AS $$
	SELECT window_funnel(secs(within), mode, at(split_part(x, ':', 1)::int),
	                     split_part(x, ':', 2) = 'A', split_part(x, ':', 2) = 'B',
	                     split_part(x, ':', 2) = 'C', split_part(x, ':', 2) = 'D')
	FROM unnest(string_to_array(ev, ' ')) x $$;
SELECT c, m, inc_case(w, m, evs) AS ours, ch, inc_case(w, m, evs) = ch AS ok
FROM (VALUES
	('repeated groups', 100, 'strict_increase', '1:A 2:B 2:C 2:D 3:B 3:C 3:D 4:B 4:C 4:D', 4),
	('repeated groups', 100, 'strict_increase,strict_order', '1:A 2:B 2:C 2:D 3:B 3:C 3:D 4:B 4:C 4:D', 4),
	('repeated groups', 100, 'strict_increase,strict_order,allow_reentry', '1:A 2:B 2:C 2:D 3:B 3:C 3:D 4:B 4:C 4:D', 4),
	('equal time', 100, 'strict_increase', '1:A 1:B 1:C 1:D', 1),
	('equal time', 100, 'strict_increase,strict_order', '1:A 1:B 1:C 1:D', 1),
	('same-group new start', 100, 'strict_increase,strict_order', '1:A 2:A 2:B 3:C', 3),
	('finite-window old prefix', 5, 'strict_increase', '1:A 2:B 5:A 6:B 6:C', 3),
	('finite-window old prefix', 5, 'strict_increase,strict_order', '1:A 2:B 5:A 6:B 6:C', 3),
	('missing predecessor', 100, 'strict_increase,strict_order', '1:A 2:B 3:D 4:C 5:D', 2),
	('missing predecessor', 100, 'strict_increase,strict_order,allow_reentry', '1:A 2:B 3:D 4:C 5:D', 4),
	('pending early exit', 100, 'strict_increase,strict_order', '1:A 2:B 2:D 3:C 4:D', 2),
	('first event inside group', 100, 'strict_increase,strict_order', '1:A 1:C 2:B 3:C', 1),
	('first event inside group', 100, 'strict_increase,strict_order,allow_reentry', '1:A 1:C 2:B 3:C', 3),
	('order evidence resets', 100, 'strict_increase,strict_order', '1:A 1:B 1:C 2:D 3:B 4:C 5:D', 1),
	('sentinel after start', 100, 'strict_increase,strict_order', '1:A 2:X 2:B', 1),
	('sentinel before start', 100, 'strict_increase,strict_order', '1:X 1:A 2:B', 2),
	('expired A prefix', 3, 'strict_increase,strict_order', '1:A 10:B 10:C 11:A 12:B 13:C', 1),
	('expired B prefix', 3, 'strict_increase,strict_order', '1:A 2:B 10:C 10:D 11:A 12:B 13:C 14:D', 2),
	('expired committed presence', 3, 'strict_increase,strict_order', '1:A 2:B 10:C 11:A 12:B 13:C', 3),
	('sliding start', 1, 'strict_increase,strict_order', '1:A 2:A 3:B', 2),
	('latest feasible prefix', 2, 'strict_increase,strict_order', '1:A 2:B 3:A 4:B 5:C', 3),
	('zero window', 0, 'strict_increase,strict_order', '0:A 1:B', 1),
	('legacy: with dedup', 100, 'strict_increase,strict_deduplication', '1:A 2:B 2:C 2:D 3:B 3:C 3:D 4:B 4:C 4:D', 2),
	('legacy: with once', 100, 'strict_increase,strict_once', '1:A 2:B 2:C 2:D 3:B 3:C 3:D 4:B 4:C 4:D', 4)
) v(c, w, m, evs, ch);
SELECT window_funnel(secs(100), 'strict_increase,strict_order', at(n),
                     VARIADIC (SELECT array_agg(n >= k ORDER BY k) FROM generate_series(0, 31) k)) AS max_conditions_ch_32
FROM generate_series(0, 31) n;

-- ---------------------------------------------------------------------------
-- retention (ClickHouse documentation, parametric-functions.md, retention)
-- ---------------------------------------------------------------------------
CREATE TABLE rt (d date, uid int);
INSERT INTO rt SELECT '2020-01-01', n FROM generate_series(0, 4) n;
INSERT INTO rt SELECT '2020-01-02', n FROM generate_series(0, 9) n;
INSERT INTO rt SELECT '2020-01-03', n FROM generate_series(0, 14) n;
SELECT r, count(*) AS users FROM (
	SELECT uid, retention(d = '2020-01-01', d = '2020-01-02', d = '2020-01-03') AS r
	FROM rt GROUP BY uid) s
GROUP BY r ORDER BY r;
-- the first condition gates the rest; NULLs are false; 0 and 32 conditions
SELECT retention(x = 2, x = 1, x = 3, NULL) FROM generate_series(1, 3) x;
SELECT retention(x = 9, x = 1) FROM generate_series(1, 3) x;
SELECT retention(VARIADIC '{}'::boolean[]) FROM generate_series(1, 3) x;
SELECT retention(VARIADIC (SELECT array_agg(x = k OR k = 1 ORDER BY k) FROM generate_series(1, 32) k)) = array_fill(true, ARRAY[32]) AS all_32
FROM generate_series(1, 32) x;
SELECT retention(true) FROM generate_series(1, 0) x;

-- ---------------------------------------------------------------------------
-- sequence_match / sequence_count, ClickHouse's sequenceMatch test (table
-- sequence_test; tests/queries/0_stateless) and documentation
-- ---------------------------------------------------------------------------
CREATE TABLE sq (ts int, d int);
INSERT INTO sq VALUES (0,0),(1,0),(2,0),(3,0),(4,1),(5,2),(6,0),(7,0),(8,0),(9,0),(10,1),(11,1);
SELECT p, sequence_match(p, at(ts), d = 0, d = 1, d = 2, d = 3) AS match, m AS ch_match,
       sequence_count(p, at(ts), d = 0, d = 1, d = 2, d = 3) AS count, c AS ch_count,
       (sequence_match(p, at(ts), d = 0, d = 1, d = 2, d = 3), sequence_count(p, at(ts), d = 0, d = 1, d = 2, d = 3)) = (m, c) AS ok
FROM sq, (VALUES ('', true, 12), ('.', true, 12), ('.*', true, 12), ('(?1)', true, 8), ('(?2)', true, 3),
                 ('(?3)', true, 1), ('(?4)', false, 0), ('(?1)(?1)', true, 4), ('(?1)(?1)(?1)', true, 2),
                 ('(?1)(?1)(?1)(?1)', true, 2), ('(?1)(?1)(?1)(?1)(?1)', false, 0), ('(?1)(?1)(?1)(?1)(?2)', true, 2),
                 ('(?1)(?t>10)(?2)', true, 1), ('(?1)(?t>11)(?2)', false, 0), ('(?1)(?t<11)(?2)', true, 2),
                 ('(?1)(?t<3)(?3)', true, 1), ('(?1)(?t<=2)(?3)', true, 1), ('(?1)(?t<2)(?3)', false, 0),
                 ('(?2)(?t>=7)(?2)', true, 1), ('(?2)(?t>7)(?2)', false, 0), ('(?2)(?3)(?1)', true, 1))
	AS cases(p, m, c)
GROUP BY p, m, c ORDER BY p;
SELECT p, sequence_match(p, at(ts), d = 1, d = 2) AS match, m AS ch_match,
       sequence_count(p, at(ts), d = 1, d = 2) AS count, c AS ch_count
FROM sq, (VALUES ('(?1)(?t==2)(?2)', false, 0), ('(?1)(?t==1)(?2)', true, 1),
                 ('(?1)(?t>+0)(?2)', true, 1), ('(?1)(?t>+1)(?2)', false, 0)) AS cases(p, m, c)
GROUP BY p, m, c ORDER BY p;
-- the chain must keep to its time gate; an event of a later condition breaks a chain without .*
SELECT sequence_match('(?1)(?t<=10)(?2)(?3)', at(t), e = 'A', e = 'B', e = 'C') AS gate_ch_f,
       sequence_count('(?1)(?t<=10)(?2)(?3)', at(t), e = 'A', e = 'B', e = 'C') AS gate_ch_0
FROM (VALUES (0, 'A'), (5, 'B'), (100, 'B'), (101, 'C')) v(t, e);
SELECT sequence_match('(?1)(?2)(?3)', at(t), e = 'A', e = 'B', e = 'C') AS break_ch_f
FROM (VALUES (0, 'A'), (1, 'B'), (2, 'B'), (3, 'C')) v(t, e);
-- documentation: rows (1,1) (2,3) (3,2); a condition for 3 blocks (?1)(?2), one for 4 does not
CREATE TABLE sd (ts int, n int);
INSERT INTO sd VALUES (1, 1), (2, 3), (3, 2);
SELECT sequence_match('(?1)(?2)', at(ts), n = 1, n = 2) AS ch_t,
       sequence_match('(?1)(?2)', at(ts), n = 1, n = 2, n = 3) AS ch_f,
       sequence_match('(?1)(?2)', at(ts), n = 1, n = 2, n = 4) AS ch_t2
FROM sd;
INSERT INTO sd VALUES (4, 1), (5, 3), (6, 2);
SELECT sequence_count('(?1).*(?2)', at(ts), n = 1, n = 2) AS ch_2 FROM sd;
-- hand-worked: NULL conditions are false, NULL timestamps skipped, no rows
SELECT sequence_match('(?1)(?2)', at(ts), n = 1, NULL) AS null_cond,
       sequence_count('(?1)', CASE WHEN n = 1 THEN NULL ELSE at(ts) END, n = 1) AS null_at
FROM sd;
SELECT sequence_match('(?1)', at(ts), true), sequence_count('(?1)', at(ts), true) FROM sd WHERE false;
-- (?t==N) and (?t>=N) skip events until the gap is reached; a failed (?t<N) backtracks
SELECT sequence_match('(?1)(?t>=2)(?1)', at(x), true) AS ge,
       sequence_match('(?1)(?t==3)(?1)', at(x), true) AS eq,
       sequence_count('(?1)(?t<2)(?1)', at(x), true) AS lt_pairs
FROM generate_series(0, 5) x;
-- 32 conditions
SELECT sequence_match('(?1).*(?32)', at(n), VARIADIC (SELECT array_agg(n = k ORDER BY k) FROM generate_series(1, 32) k)) AS c32
FROM generate_series(1, 32) n;

-- ---------------------------------------------------------------------------
-- errors: bad modes, patterns, condition numbers, too many steps
-- ---------------------------------------------------------------------------
\set VERBOSITY default
SELECT window_funnel(secs(1), 'strict_order,strict_ordr', at(ts), true) FROM sq;
SELECT window_funnel(secs(1), 'strict', at(ts), true) FROM sq;
SELECT window_funnel(secs(1), 'Strict', at(ts), true) FROM sq;
SELECT window_funnel(secs(1), 'strictorder', at(ts), true) FROM sq;
SELECT window_funnel(secs(1), 'allow_reentry', at(ts), true) FROM sq;
SELECT window_funnel(secs(1), 'strict_order,,strict_once', at(ts), true) FROM sq;
SELECT window_funnel(secs(-1), at(ts), true) FROM sq;
-- the window is judged whole, as PostgreSQL compares intervals: '1 day' -
-- '1 hour' keeps both fields (1 day, -1 hour) but is 23 hours, positive, so
-- it is accepted (b at 23 hours is within it, at 23 hours and a second not);
-- '-1 day' + '23 hours' is an hour less than nothing, refused
SELECT interval '1 day' - interval '1 hour' AS win,
       window_funnel(interval '1 day' - interval '1 hour', at(ts), e = 'a', e = 'b') AS at_23h,
       window_funnel(interval '1 day' - interval '1 hour', at(ts + d), e = 'a', e = 'b') AS one_second_later
FROM (VALUES (0, 'a', 0), (82800, 'b', 1)) v(ts, e, d);
SELECT window_funnel(interval '-1 day' + interval '23 hours', at(ts), true) FROM sq;
-- its state keeps the fields as they are, and reads back; a negative whole is refused
SELECT 'window_funnel 1 1 -3600000000 0 '''': 1970-01-01 00:00:00+00 1'::funnel_events;
SELECT 'window_funnel 1 -1 82800000000 0 '''''::funnel_events;
SELECT window_funnel(NULL, at(ts), true) FROM sq;
SELECT window_funnel(secs(ts), at(ts), true) FROM sq;
SELECT window_funnel(secs(1), at(ts), VARIADIC CASE WHEN ts = 0 THEN ARRAY[true] ELSE ARRAY[true, false] END) FROM sq;
SELECT window_funnel(secs(1), at(ts), VARIADIC array_fill(true, ARRAY[33])) FROM sq;
SELECT sequence_match('(?1)(?3)', at(ts), true, false) FROM sq;
SELECT sequence_match('(?0)', at(ts), true) FROM sq;
SELECT sequence_match('(?1)(?t>', at(ts), true) FROM sq;
SELECT sequence_match('(?1)(?t!3)(?1)', at(ts), true) FROM sq;
SELECT sequence_match('(?1)(?t>1)(?t>2)(?1)', at(ts), true) FROM sq;
SELECT sequence_match('(?1)x', at(ts), true) FROM sq;
SELECT sequence_match('(?+)', at(ts), true) FROM sq;
SELECT sequence_match('(?1)(?t>+)(?1)', at(ts), true) FROM sq;
SELECT sequence_count('(?1)', at(ts), VARIADIC array_fill(true, ARRAY[33])) FROM sq;
SELECT retention(VARIADIC array_fill(true, ARRAY[33])) FROM sq;
SELECT retention(VARIADIC CASE WHEN ts = 0 THEN ARRAY[true] ELSE ARRAY[true, false] END) FROM sq;
SELECT window_funnel(secs(1), at(ts), VARIADIC ARRAY[[true]]) FROM sq;
\set VERBOSITY terse

-- ---------------------------------------------------------------------------
-- funnel_events: the state type, its text and binary forms
-- ---------------------------------------------------------------------------
SELECT 'window_funnel 3 1 0 0 ''strict_order'': 2026-01-01 10:00:00+00 1,2; 2026-01-01 11:00:00+00 -'::funnel_events;
SELECT 'sequence 2 0 0 0 ''(?1)(?t<=60)(?2)'': 2026-01-01 10:00:00+00 2; 2026-01-01 09:59:00+00 1'::funnel_events;
SELECT 'window_funnel 0 0 0 0 '''''::funnel_events;
SELECT 'window_funnel 1 0 0 0 ''strict_order, strict_once'''::funnel_events;
SELECT window_funnel_final('window_funnel 3 1 0 0 '''': 2026-01-01 10:00:00+00 1; 2026-01-02 10:00:00+00 2; 2026-01-02 10:00:01+00 3') AS w_2,
       sequence_match_final('sequence 2 0 0 0 ''(?1)(?t<=60)(?2)'': 2026-01-01 10:00:00+00 2; 2026-01-01 09:59:00+00 1') AS s_t,
       sequence_count_final('sequence 2 0 0 0 ''(?1)(?t<=60)(?2)'': 2026-01-01 10:00:00+00 2; 2026-01-01 09:59:00+00 1') AS s_1;
-- text and binary round trips (binary COPY out and back in)
\i test/regress_helpers.sql
CREATE TABLE fs (n int, s funnel_events);
INSERT INTO fs SELECT 1, window_funnel_trans(window_funnel_trans(NULL, secs(60), 'strict_once', at(5), true, false),
                                            secs(60), 'strict_once', at(9), false, true);
INSERT INTO fs VALUES (2, 'sequence 2 0 0 0 ''(?1).*(?2)'': 2026-01-01 10:00:00+00 1,2'),
	(3, 'window_funnel 2 1 5 3 ''strict_order'': 2026-01-01 10:00:00+00 -; 2026-01-01 10:00:00+00 2'),
	(4, 'sequence 0 0 0 0 '''''), (5, 'window_funnel 32 0 1 0 '''': 2026-01-01 10:00:00+00 1,32');
SELECT n, s, s::text::funnel_events::text = s::text AS text_ok FROM fs ORDER BY n;
-- the text form does not depend on the session: ISO in UTC under any DateStyle and
-- TimeZone (1.1 printed the session's form: "IST" in Europe/Dublin, which reads back
-- as Israel time); 1.1's form still reads
SET TimeZone = 'Europe/Dublin';
SET DateStyle = 'Postgres';
-- (the second event is written with an offset: PostgreSQL 18 reads "IST" as the
-- session zone's own abbreviation, Irish time, where 15 and 17 read Israel time)
CREATE TEMP TABLE fs_dublin AS
SELECT window_funnel_trans(window_funnel_trans(NULL, interval '2 days', '2026-03-28 12:00:00 GMT', true, false),
                           interval '2 days', '2026-03-30 13:30:00+02', false, true) AS s;
SELECT s, window_funnel_final(s) AS level, window_funnel_final(s::text::funnel_events) AS level_read_back,
       s::text::funnel_events = s AS round_trip
FROM fs_dublin;
SELECT 'window_funnel 1 0 0 0 '''': Sat Mar 28 12:00:00 2026 GMT 1'::funnel_events AS old_form;
RESET DateStyle;
-- the example of doc/funnel.md in a Europe/Berlin session: the same text as in UTC
SET TimeZone = 'Europe/Berlin';
SELECT 'window_funnel 2 1 0 0 ''strict_order'': 2026-03-02 09:00:00+00 1; 2026-03-02 09:05:00+00 2'::funnel_events AS berlin,
       window_funnel_final(window_funnel_trans(window_funnel_trans(NULL, interval '1 hour', '2026-07-01 10:00+02', true, false),
                                               interval '1 hour', '2026-07-01 10:30+02', false, true))::text AS level,
       window_funnel_trans(NULL, interval '1 hour', '2026-07-01 10:00+02', true, false)::text AS summer_time;
SET TimeZone = 'UTC';
COPY (SELECT n, s FROM fs ORDER BY n) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE fs_copy (n int, s funnel_events);
COPY fs_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE f.s::text = c.s::text) AS identical,
       count(*) FILTER (WHERE f.s = c.s) AS equal
FROM fs f JOIN fs_copy c USING (n);
-- equality ignores the order of the events, not their parameters
SELECT 'sequence 2 0 0 0 ''(?1)'': 2026-01-01 10:00:00+00 1; 2026-01-01 09:00:00+00 2'::funnel_events
     = 'sequence 2 0 0 0 ''(?1)'': 2026-01-01 09:00:00+00 2; 2026-01-01 10:00:00+00 1' AS same_events,
       'sequence 2 0 0 0 ''(?1)'': 2026-01-01 10:00:00+00 1'::funnel_events
     = 'sequence 2 0 0 0 ''(?2)'': 2026-01-01 10:00:00+00 1' AS other_pattern,
       'window_funnel 1 0 0 0 '''': 2026-01-01 10:00:00+00 1'::funnel_events
    <> 'window_funnel 1 0 0 0 '''': 2026-01-01 10:00:01+00 1' AS other_time;
-- version 1, kind 1 (sequence), 1 condition, window 0 0 0, pattern "(?1)",
-- 1 event at 2000-01-01 00:00:01+00 matching condition 1
SELECT funnel_events_send('sequence 1 0 0 0 ''(?1)'': 2000-01-01 00:00:01+00 1');
-- bad binary input, each with its SQLSTATE
CREATE TABLE fs_bin (s funnel_events);
SELECT what, pg_temp.binary_copy_error('fs_bin', bytes) AS error
FROM (SELECT funnel_events_send('sequence 1 0 0 0 ''(?1)'': 2000-01-01 00:00:01+00 1') AS b) g,
LATERAL (VALUES
	('well-formed', b),
	('version 2', set_byte(b, 0, 2)),
	('kind 7', set_byte(b, 1, 7)),
	('33 steps', set_byte(b, 2, 33)),
	('sequence with a window', set_byte(b, 10, 1)),
	('negative window', set_byte(set_byte(b, 1, 0), 7, 255)),
	('parameter length beyond the data', set_byte(b, 22, 200)),
	('bad pattern', set_byte(b, 25, ascii('2'))),
	('zero byte in the pattern', set_byte(b, 26, 0)),
	('count beyond the data', set_byte(b, 30, 2)),
	('step 2 of 1', set_byte(b, length(b) - 1, 2)),
	('no step', set_byte(b, length(b) - 1, 0)),
	('time out of range', set_byte(set_byte(set_byte(set_byte(b, 31, 127), 32, 255), 33, 255), 34, 255)),
	('trailing byte', b || '\x00'::bytea),
	('truncated', substring(b from 1 for 2))
) v(what, bytes);
-- bad literals
SELECT what, pg_temp.error_of(format('SELECT %L::funnel_events', lit)) AS error
FROM (VALUES
	('no kind', 'funnel 1 0 0 0 '''''),
	('no steps', 'window_funnel'),
	('33 steps', 'window_funnel 33 0 0 0 '''''),
	('bad mode', 'window_funnel 1 0 0 0 ''bogus'''),
	('step out of range', 'window_funnel 1 0 0 0 '''': 2026-01-01 10:00:00+00 2'),
	('no step outside strict_order', 'window_funnel 1 0 0 0 '''': 2026-01-01 10:00:00+00 -'),
	('sequence with window', 'sequence 1 1 0 0 ''(?1)'''),
	('pattern out of range', 'sequence 1 0 0 0 ''(?2)'''),
	('bad timestamp', 'sequence 1 0 0 0 ''(?1)'': yesterday-ish 1'),
	('trailing text', 'sequence 1 0 0 0 ''(?1)'' trailing'),
	('unterminated quote', 'sequence 1 0 0 0 ''(?1)')
) v(what, lit);

-- the state holds only the rows that meet some step: 3 of 10000 rows here, 121
-- bytes (40 of header, room for 9 events of 9: a time and a one-byte mask); an
-- aggregate of our own returns the state itself.  In strict_order the other rows
-- are kept too, since they break chains (5 rows given: 56 bytes of header and
-- mode, room for 8 events: 128 bytes).
CREATE AGGREGATE pg_temp.funnel_state(interval, text, timestamptz, VARIADIC "any") (
	SFUNC = window_funnel_trans, STYPE = funnel_events, COMBINEFUNC = funnel_events_combine);
SELECT m AS mode, pg_column_size(s) AS bytes, s::text AS state
FROM (VALUES (''), ('strict_order')) v(m),
LATERAL (SELECT pg_temp.funnel_state(secs(10), m, at(n), n = 5000, n = 5001, n = 5002) AS s
         FROM generate_series(1, 10000) n WHERE m = '' OR n BETWEEN 4999 AND 5003) x;
-- 8 steps or more: a mask of 4 bytes (12 bytes an event, room for 7 in 128
-- bytes: the 8th event makes the state grow to 256); window_funnel_excluding up
-- to 7 steps: the exclusion is the top bit of a one-byte mask (10 events: 256).
-- Both read back, as text and as binary.
CREATE AGGREGATE pg_temp.excluding_state(interval, text, timestamptz, boolean, VARIADIC "any") (
	SFUNC = window_funnel_excluding_trans, STYPE = funnel_events);
CREATE TEMP TABLE fs_back (s funnel_events);
SELECT pg_column_size(s) AS bytes, s::text AS state, s::text::funnel_events = s AS reads_back,
       pg_temp.binary_copy_error('fs_back', funnel_events_send(s)) AS binary_in
FROM (SELECT pg_temp.funnel_state(secs(10), '', at(n), n = 1, n = 2, n = 3, n = 4, n = 5,
                                  n = 6, n = 7, n = 8) AS s
      FROM generate_series(1, 9) n) x
UNION ALL
SELECT pg_column_size(s), s::text, s::text::funnel_events = s,
       pg_temp.binary_copy_error('fs_back', funnel_events_send(s))
FROM (SELECT pg_temp.excluding_state(secs(10), '', at(n), n % 3 = 0, n = 1, n = 2, n = 4, n = 5,
                                     n = 7, n = 8, n = 10) AS s
      FROM generate_series(1, 10) n) x;
-- what binary input read: the same states (recv makes them exactly as big as their events)
SELECT pg_column_size(s) AS bytes, s::text AS state FROM fs_back ORDER BY 2;

-- ---------------------------------------------------------------------------
-- the support functions called as plain functions, with odd arguments: proper
-- errors, never a crash.  A stored state has a short header (row 1: 2 events)
-- or is compressed (big: 1441 events); the transition function reads a copy.
-- ---------------------------------------------------------------------------
SELECT window_funnel_trans(s, secs(60), 'strict_once', at(20), false, true) AS appended
FROM fs WHERE n = 1;
CREATE TABLE fs_big AS
SELECT ('window_funnel 2 1 0 0 ''strict_order'': ' ||
        string_agg(t::text || ' 1', '; '))::funnel_events AS s
FROM generate_series(timestamptz '2026-01-01', '2026-01-02', '1 minute') t;
SELECT pg_column_size(s) < 20000 AS compressed,
       window_funnel_final(window_funnel_trans(s, interval '1 day', text 'strict_order',
                                               timestamptz '2026-01-02 12:00', false, true)) AS level
FROM fs_big;
SELECT window_funnel_final(NULL) AS w, sequence_match_final(NULL) AS m,
       sequence_count_final(NULL) AS c, retention_trans(NULL, NULL) AS r;
\set VERBOSITY default
SELECT window_funnel_final(s) FROM fs WHERE n = 2;
SELECT sequence_match_final(s) FROM fs WHERE n = 1;
SELECT sequence_count_final(s) FROM fs WHERE n = 3;
SELECT funnel_events_combine(a.s, b.s) FROM fs a, fs b WHERE a.n = 1 AND b.n = 2;
SELECT funnel_events_trans(s, text '(?1)', at(1), true) FROM fs WHERE n = 1;
SELECT window_funnel_trans(s, secs(60), text 'strict_once', at(1), true) FROM fs WHERE n = 1;
SELECT window_funnel_trans(s, NULL::interval, at(1), true) FROM fs WHERE n = 1;
SELECT funnel_events_trans(NULL, NULL::text, at(1), true);
SELECT window_funnel_trans(NULL, secs(1), at(1), VARIADIC '{{true}}'::boolean[]);
SELECT retention_trans(3, true);
SELECT retention_combine(1::bigint << 32, 2::bigint << 32);
SELECT retention_final(-1);
-- a pattern too long to parse (each character may be an action)
SELECT sequence_match(repeat('.', 67108863), at(1), true);
\set VERBOSITY terse

-- ---------------------------------------------------------------------------
-- parallel: forced parallel plans give the serial answers
-- ---------------------------------------------------------------------------
CREATE TABLE big AS
SELECT (n % 997) AS uid, at((n * 7919) % 100000) AS t, (n * 31) % 5 AS k
FROM generate_series(1, 60000) n;
ANALYZE big;
CREATE TEMP TABLE serial AS
SELECT uid, window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) AS wf,
       window_funnel(interval '3 hours', 'strict_order', t, k = 0, k = 1, k = 2) AS wfo,
       retention(k = 0, k = 1, k = 4) AS r,
       sequence_match('(?1).*(?2)(?t<600)(?3)', t, k = 0, k = 1, k = 2) AS sm,
       sequence_count('(?1)(?2)', t, k = 3, k = 4) AS sc
FROM big GROUP BY uid;
:force_parallel
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) FROM big;
EXPLAIN (COSTS OFF)
SELECT uid, window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) FROM big GROUP BY uid;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (p.wf, p.wfo, p.r, p.sm, p.sc) IS NOT DISTINCT FROM (s.wf, s.wfo, s.r, s.sm, s.sc)) AS equal
FROM (SELECT uid, window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) AS wf,
             window_funnel(interval '3 hours', 'strict_order', t, k = 0, k = 1, k = 2) AS wfo,
             retention(k = 0, k = 1, k = 4) AS r,
             sequence_match('(?1).*(?2)(?t<600)(?3)', t, k = 0, k = 1, k = 2) AS sm,
             sequence_count('(?1)(?2)', t, k = 3, k = 4) AS sc
      FROM big GROUP BY uid) p
JOIN serial s USING (uid);
-- the whole table as one group, partial states from two workers combined
SELECT (SELECT window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) FROM big) AS parallel_wf,
       (SELECT sequence_count('(?1)(?2)', t, k = 3, k = 4) FROM big) AS parallel_sc;
RESET ALL;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT window_funnel(interval '3 hours', t, k = 0, k = 1, k = 2) FROM big) AS serial_wf,
       (SELECT sequence_count('(?1)(?2)', t, k = 3, k = 4) FROM big) AS serial_sc;
RESET ALL;
-- as a window function (moving frame): the state grows in place
SELECT ts, window_funnel(secs(100), at(ts), d = 0, d = 1, d = 2) OVER (ORDER BY ts) AS running
FROM sq ORDER BY ts;

-- strict_once keeps, after each timestamp, one chain per level (the one with the
-- latest deadline): thousands of matching rows take linear time and memory
SELECT window_funnel('1 hour', 'strict_once', t, g % 3 = 0, g % 3 = 1, g % 3 = 2, false) AS once_3000
FROM generate_series(1, 3000) g,
     LATERAL (SELECT timestamptz '2026-01-01 00:00+00' + g * interval '1 ms') v(t);
SELECT window_funnel('1 hour', 'strict_once', t, g <= 3000, g > 3000, false) AS once_step1_then_step2
FROM generate_series(1, 6000) g,
     LATERAL (SELECT timestamptz '2026-01-01 00:00+00' + g * interval '1 ms') v(t);

-- the support functions, called directly, are the operators and the I/O they implement
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE funnel_events_eq(a, b) IS DISTINCT FROM (a = b)) AS eq_differs,
       count(*) FILTER (WHERE funnel_events_ne(a, b) IS DISTINCT FROM (a <> b)) AS ne_differs,
       count(*) FILTER (WHERE a = b) AS equal_pairs,
       count(*) FILTER (WHERE funnel_events_out(funnel_events_in(funnel_events_out(a), 'funnel_events'::regtype, -1))::text
                              IS DISTINCT FROM a::text) AS text_round_trip_differs
FROM (VALUES ('window_funnel 0 0 0 0 '''''::funnel_events),
             ('sequence 2 0 0 0 ''(?1).*(?2)'': 2026-01-01 10:00:00+00 2; 2026-01-01 09:59:00+00 1')) x(a),
     (VALUES ('window_funnel 0 0 0 0 '''''::funnel_events),
             ('sequence 2 0 0 0 ''(?1).*(?2)'': 2026-01-01 09:59:00+00 1; 2026-01-01 10:00:00+00 2')) y(b);
-- the type uses them (recv takes internal: the catalog says it)
SELECT t.typinput = 'funnel_events_in'::regproc AS input, t.typoutput = 'funnel_events_out'::regproc AS output,
       t.typreceive = 'funnel_events_recv'::regproc AS recv, t.typsend = 'funnel_events_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'funnel_events'::regtype;

-- clean up: the regression database is shared with the other tests
DROP TABLE ev, ev2, ch, ch_strict, ch_order, ch_null, ch_inc, ch_once, ch_re, ch_shop,
	rt, sq, sd, fs, fs_copy, fs_bin, fs_big, big;
DROP FUNCTION inc_case(int, text, text), at(int), secs(int);
