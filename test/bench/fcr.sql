-- First-contact resolution: fcr() against the SQL a user writes instead.
-- 5M contacts of 200k customers over a year, an index on (customer_id, at) as a
-- contact table would have; every query aggregates so no rows stream to the client.
-- setup
DROP TABLE IF EXISTS bench_fcr;
SELECT setseed(0.5);
CREATE TABLE bench_fcr AS
SELECT 1 + (random() * 199999)::int AS customer_id,
       timestamptz '2026-01-01 00:00+00' + random() * interval '365 days' AS at
FROM generate_series(1, 5000000);
CREATE INDEX ON bench_fcr (customer_id, at);
VACUUM ANALYZE bench_fcr;
-- runs: 3
-- bench: fcr(at, '7 days'), 5M contacts, vs coalesce(lead(at) - at > within, true) | target <= 1.1
-- ours
SELECT count(*) FILTER (WHERE f) FROM (
    SELECT fcr(at, interval '7 days') OVER w AS f
    FROM bench_fcr WINDOW w AS (PARTITION BY customer_id ORDER BY at)) s;
-- theirs
SELECT count(*) FILTER (WHERE f) FROM (
    SELECT coalesce(lead(at) OVER w - at > interval '7 days', true) AS f
    FROM bench_fcr WINDOW w AS (PARTITION BY customer_id ORDER BY at)) s;
-- bench: fcr(at, '7 days'), 500k contacts of 20k customers, vs correlated NOT EXISTS | target <= 1.0
-- ours
SELECT count(*) FILTER (WHERE f) FROM (
    SELECT fcr(at, interval '7 days') OVER w AS f
    FROM bench_fcr WHERE customer_id <= 20000
    WINDOW w AS (PARTITION BY customer_id ORDER BY at)) s;
-- theirs
SELECT count(*) FILTER (WHERE NOT EXISTS (
           SELECT 1 FROM bench_fcr b
           WHERE b.customer_id = a.customer_id
             AND b.at > a.at AND b.at <= a.at + interval '7 days'))
FROM bench_fcr a WHERE a.customer_id <= 20000;
