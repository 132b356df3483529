-- setup
-- 10M contacts over 30 days of 96 quarter-hour intervals: log-normal waits
-- (median about 12 s), 88 % answered, handle times of a few minutes.
SELECT setseed(0.22);
CREATE TABLE interval_bench AS
SELECT date '2026-03-01' + (i % 2880) * interval '15 minutes' AS slot,
       exp(2.5 + 1.1 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * interval '1 second' AS wait,
       random() < 0.88 AS answered,
       (90 + 400 * random()) * interval '1 second' AS handle
FROM generate_series(1, 10000000) i;
CREATE TABLE interval_bench_slots AS
SELECT slot, queue_agg(wait, answered, handle) AS q FROM interval_bench GROUP BY slot;
VACUUM ANALYZE interval_bench;
VACUUM ANALYZE interval_bench_slots;
-- runs: 3
-- bench: queue_agg, 10M contacts (counters, SL, ASA, AHT, sketches), against the FILTER/avg SQL for the counters alone | target <= 1.5
-- ours
SELECT offered(q), answered(q), abandoned(q), short_abandons(q), service_level(q), abandon_rate(q), asa(q), aht(q), avg_abandon_time(q) FROM (SELECT queue_agg(wait, answered, handle) AS q FROM interval_bench) t;
-- theirs
SELECT count(*), count(*) FILTER (WHERE answered), count(*) FILTER (WHERE NOT answered), count(*) FILTER (WHERE NOT answered AND wait < '5 s'), count(*) FILTER (WHERE answered AND wait <= '20 s'), count(*) FILTER (WHERE NOT answered AND wait <= '20 s'), avg(wait) FILTER (WHERE answered), avg(handle) FILTER (WHERE answered), avg(wait) FILTER (WHERE NOT answered) FROM interval_bench;
-- bench: duration_agg + p90, 10M waits, against percentile_cont(0.9) WITHIN GROUP | target <= 0.2
-- ours
SELECT percentile(duration_agg(wait), 0.9) FROM interval_bench;
-- theirs
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) FROM interval_bench;
-- bench: rollup of 30 days x 96 stored interval summaries, against recomputing from the 10M rows | target <= 0.01
-- ours
SELECT service_level(q), asa(q), wait_percentile(q, 0.9) FROM (SELECT rollup(q) AS q FROM interval_bench_slots) t;
-- theirs
SELECT service_level(q), asa(q), wait_percentile(q, 0.9) FROM (SELECT queue_agg(wait, answered, handle) AS q FROM interval_bench) t;
