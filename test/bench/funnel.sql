-- Event funnels: window_funnel against count(*) grouped the same way (the floor of
-- any grouped pass) and against the self-join a user writes for the same funnel
-- (the furthest step of chains a -> b -> c within a day of a; same answer here).
-- bench_funnel: 1M events of 100k users over 30 days, 5 event kinds of which 3
-- are the funnel's steps (10 events a user, spread thin: the self-join's work is
-- a few scans).  bench_funnel_heavy: 1M events of 5k users (200 events each),
-- where a self-join pairs every step-1 event with the later steps of its day.
-- Both have the index an event table has, (uid, at).
-- setup
DROP TABLE IF EXISTS bench_funnel, bench_funnel_heavy;
SELECT setseed(0.25);
CREATE TABLE bench_funnel AS
SELECT 1 + (random() * 99999)::int AS uid,
       timestamptz '2026-01-01 00:00+00' + random() * interval '30 days' AS at,
       1 + (random() * 4)::int AS ev
FROM generate_series(1, 1000000);
CREATE INDEX ON bench_funnel (uid, at);
VACUUM ANALYZE bench_funnel;
CREATE TABLE bench_funnel_heavy AS
SELECT 1 + (random() * 4999)::int AS uid,
       timestamptz '2026-01-01 00:00+00' + random() * interval '30 days' AS at,
       1 + (random() * 4)::int AS ev
FROM generate_series(1, 1000000);
CREATE INDEX ON bench_funnel_heavy (uid, at);
VACUUM ANALYZE bench_funnel_heavy;
-- runs: 3
-- bench: window_funnel, 3 steps, 1M events of 100k users, vs count(*) grouped by user | target <= 1.5
-- ours
SELECT sum(l) FROM (
    SELECT uid, window_funnel(interval '1 day', at, ev = 1, ev = 2, ev = 3) AS l
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_funnel GROUP BY uid) s;
-- The floor under any aggregate whose state is not a bare 8-byte value: PostgreSQL's
-- own avg(int4) (a by-reference int8[2] updated in place, as ours is) and sum(int8)
-- (an internal state), grouped the same way; and window_funnel when no row meets a
-- step (a state made per group and never appended to).
-- bench: avg(int4) grouped by user (PostgreSQL's by-reference state, in place), vs count(*) | no target
-- ours
SELECT sum(n) FROM (
    SELECT uid, avg(ev) AS n
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_funnel GROUP BY uid) s;
-- bench: sum(int8) grouped by user (PostgreSQL's internal state), vs count(*) | no target
-- ours
SELECT sum(n) FROM (
    SELECT uid, sum(ev::int8) AS n
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_funnel GROUP BY uid) s;
-- bench: window_funnel, 3 steps no row meets, vs count(*) | no target
-- ours
SELECT sum(l) FROM (
    SELECT uid, window_funnel(interval '1 day', at, ev = 9, ev = 9, ev = 9) AS l
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_funnel GROUP BY uid) s;
-- bench: window_funnel, 3 steps, vs avg(int4) grouped by user | no target
-- ours
SELECT sum(l) FROM (
    SELECT uid, window_funnel(interval '1 day', at, ev = 1, ev = 2, ev = 3) AS l
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, avg(ev) AS n
    FROM bench_funnel GROUP BY uid) s;
-- bench: window_funnel, 3 steps, 1M events of 100k users, vs self-join | target <= 1
-- ours
SELECT sum(l) FROM (
    SELECT uid, window_funnel(interval '1 day', at, ev = 1, ev = 2, ev = 3) AS l
    FROM bench_funnel WHERE ev IN (1, 2, 3) GROUP BY uid) s;
-- theirs
SELECT sum(l) FROM (
    SELECT a.uid, max(CASE WHEN c.at IS NOT NULL THEN 3 WHEN b.at IS NOT NULL THEN 2 ELSE 1 END) AS l
    FROM bench_funnel a
    LEFT JOIN bench_funnel b ON b.uid = a.uid AND b.ev = 2 AND b.at >= a.at AND b.at <= a.at + interval '1 day'
    LEFT JOIN bench_funnel c ON c.uid = a.uid AND c.ev = 3 AND c.at >= b.at AND c.at <= a.at + interval '1 day'
    WHERE a.ev = 1
    GROUP BY a.uid) s;
-- bench: window_funnel_steps, 3 steps, 1M events of 100k users, vs count(*) grouped by user | target <= 2
-- ours
SELECT count(t[3] - t[1]) FROM (
    SELECT uid, window_funnel_steps(interval '1 day', at, ev = 1, ev = 2, ev = 3) AS t
    FROM bench_funnel GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_funnel GROUP BY uid) s;
-- bench: window_funnel, 3 steps, 1M events of 5k users (200 each), vs self-join | target <= 0.2
-- ours
SELECT sum(l) FROM (
    SELECT uid, window_funnel(interval '1 day', at, ev = 1, ev = 2, ev = 3) AS l
    FROM bench_funnel_heavy WHERE ev IN (1, 2, 3) GROUP BY uid) s;
-- theirs
SELECT sum(l) FROM (
    SELECT a.uid, max(CASE WHEN c.at IS NOT NULL THEN 3 WHEN b.at IS NOT NULL THEN 2 ELSE 1 END) AS l
    FROM bench_funnel_heavy a
    LEFT JOIN bench_funnel_heavy b ON b.uid = a.uid AND b.ev = 2 AND b.at >= a.at AND b.at <= a.at + interval '1 day'
    LEFT JOIN bench_funnel_heavy c ON c.uid = a.uid AND c.ev = 3 AND c.at >= b.at AND c.at <= a.at + interval '1 day'
    WHERE a.ev = 1
    GROUP BY a.uid) s;
