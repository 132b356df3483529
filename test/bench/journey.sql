-- Journeys: journey_agg against array_agg(ROW(...)) grouped the same way, and
-- attribution against the window-function SQL a user would write instead.
-- 1M touchpoints of 100k customers over half a year, a tenth without a channel.
-- setup
DROP VIEW IF EXISTS bench_window_attribution;
DROP TABLE IF EXISTS bench_touch, bench_journeys;
SELECT setseed(0.5);
CREATE TABLE bench_touch AS
SELECT 1 + (random() * 99999)::int AS customer_id,
       timestamptz '2026-01-01 00:00+00' + random() * interval '180 days' AS at,
       (journey_stage_labels())[1 + floor(random() * 5)::int] AS stage,
       CASE WHEN random() < 0.1 THEN NULL
            ELSE (interaction_channel_labels())[1 + floor(random() * 13)::int] END AS channel
FROM generate_series(1, 1000000);
VACUUM ANALYZE bench_touch;
CREATE TABLE bench_journeys AS
SELECT customer_id, journey_agg(at, stage, channel) AS j FROM bench_touch GROUP BY customer_id;
VACUUM ANALYZE bench_journeys;
-- position-based attribution as a user writes it over the rows: each touchpoint's
-- place in its customer's order, the first acquisition's place n, the weights
CREATE VIEW bench_window_attribution AS
WITH ordered AS (
    SELECT channel, stage,
           row_number() OVER (PARTITION BY customer_id ORDER BY at, stage, channel NULLS LAST) AS pos,
           customer_id
    FROM bench_touch
), marked AS (
    SELECT channel, pos,
           min(pos) FILTER (WHERE stage = 'acquisition') OVER (PARTITION BY customer_id) AS n
    FROM ordered
)
SELECT channel, sum(CASE WHEN n <= 2 THEN 1.0 / n WHEN pos IN (1, n) THEN 0.4 ELSE 0.2 / (n - 2) END)
FROM marked WHERE pos <= n GROUP BY channel;
-- runs: 3
-- bench: journey_agg, 1M touchpoints of 100k customers, vs array_agg(ROW(at, stage, channel)) | target <= 1.5
-- ours
SELECT count(j) FROM (
    SELECT customer_id, journey_agg(at, stage, channel) AS j FROM bench_touch GROUP BY customer_id) s;
-- theirs
SELECT count(a) FROM (
    SELECT customer_id, array_agg(ROW(at, stage, channel)) AS a FROM bench_touch GROUP BY customer_id) s;
-- bench: attribution(j, 'position_based') over 100k stored journeys, vs window-function SQL over the rows
-- ours
SELECT channel, sum(credit) FROM bench_journeys, attribution(j, 'position_based') GROUP BY channel;
-- theirs
SELECT * FROM bench_window_attribution;
-- bench: journey_agg + attribution from the 1M rows, vs the same window-function SQL
-- ours
SELECT channel, sum(credit)
FROM (SELECT journey_agg(at, stage, channel) AS j FROM bench_touch GROUP BY customer_id) s,
     attribution(j, 'position_based')
GROUP BY channel;
-- theirs
SELECT * FROM bench_window_attribution;
