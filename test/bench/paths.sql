-- Paths: sessionize against the lag() + running sum() SQL a user writes for the
-- same session numbers; sequence_next_node and markov_attribution against
-- count(*) grouped the same way (the floor of any grouped pass).
-- bench_sessions: 5M events of 200k users over 30 days (25 a user), with the
-- index an event table has, (uid, at), so both window queries read the rows in
-- window order (an index-only scan after VACUUM); without the index both sort
-- the 5M rows first and the sort dominates both (see doc/paths.md).
-- bench_paths: 1M page views of 100k users over 30 days, 5 pages.
-- bench_journeys: 100k journeys of 1 to 8 touchpoints (stored journeys).
-- setup
DROP TABLE IF EXISTS bench_sessions, bench_paths, bench_journeys;
SELECT setseed(0.5);
CREATE TABLE bench_sessions AS
SELECT 1 + (random() * 199999)::int AS uid,
       timestamptz '2026-01-01 00:00+00' + random() * interval '30 days' AS at
FROM generate_series(1, 5000000);
CREATE INDEX ON bench_sessions (uid, at);
VACUUM ANALYZE bench_sessions;
CREATE TABLE bench_paths AS
SELECT 1 + (random() * 99999)::int AS uid,
       timestamptz '2026-01-01 00:00+00' + random() * interval '30 days' AS at,
       (ARRAY['home', 'search', 'product', 'basket', 'checkout'])[1 + (random() * 4)::int] AS page
FROM generate_series(1, 1000000);
VACUUM ANALYZE bench_paths;
CREATE TABLE bench_journeys AS
SELECT u AS id,
       journey_agg(timestamptz '2026-01-01 00:00+00' + d * interval '1 hour',
                   (ARRAY['awareness', 'consideration', 'acquisition', 'retention'])[1 + ((u * 7 + d * 13) % 11) / 3]::journey_stage,
                   (ARRAY['phone', 'email', 'chat', 'web', 'social'])[1 + (u + d * 3) % 5]::interaction_channel) AS j
FROM generate_series(1, 100000) u, generate_series(1, 1 + u % 8) d
GROUP BY u;
VACUUM ANALYZE bench_journeys;
-- runs: 3
-- bench: sessionize, 5M events of 200k users, vs lag() + running sum() | target <= 0.7
-- ours
SELECT sum(s) FROM (
    SELECT sessionize(at, interval '30 minutes') OVER (PARTITION BY uid ORDER BY at) AS s
    FROM bench_sessions) x;
-- theirs
SELECT sum(s) FROM (
    SELECT sum(new) OVER (PARTITION BY uid ORDER BY at ROWS UNBOUNDED PRECEDING) AS s
    FROM (SELECT uid, at,
                 CASE WHEN at - lag(at) OVER (PARTITION BY uid ORDER BY at) <= interval '30 minutes'
                      THEN 0 ELSE 1 END AS new
          FROM bench_sessions) y) x;
-- bench: sequence_next_node, first_match, 2 events, 1M events of 100k users, vs count(*) grouped by user | target <= 2
-- ours
SELECT count(n) FROM (
    SELECT uid, sequence_next_node('forward', 'first_match', at, page, true, page = 'product', page = 'basket') AS n
    FROM bench_paths GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_paths GROUP BY uid) s;
-- bench: array_agg(page) grouped by user (keeping every event, as sequence_next_node must), vs count(*) | no target
-- ours
SELECT count(n) FROM (
    SELECT uid, array_agg(page) AS n
    FROM bench_paths GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_paths GROUP BY uid) s;
-- bench: avg(int4) grouped by user (PostgreSQL's by-reference state, in place), vs count(*) | no target
-- ours
SELECT sum(n) FROM (
    SELECT uid, avg(uid) AS n
    FROM bench_paths GROUP BY uid) s;
-- theirs
SELECT sum(n) FROM (
    SELECT uid, count(*) AS n
    FROM bench_paths GROUP BY uid) s;
-- bench: markov_attribution, 100k stored journeys, vs count(*) | no target
-- ours
SELECT cardinality(markov_attribution(j)) FROM bench_journeys;
-- theirs
SELECT count(*) FROM bench_journeys;
