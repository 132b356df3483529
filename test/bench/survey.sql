-- setup
CREATE TABLE survey_bench (score int);
INSERT INTO survey_bench SELECT (random() * 10)::int FROM generate_series(1, 10000000);
CREATE TABLE survey_bench_w (id int, score int);
INSERT INTO survey_bench_w SELECT i, (random() * 10)::int FROM generate_series(1, 1000000) i;
VACUUM ANALYZE survey_bench;
CREATE TABLE survey_bench_n (score numeric, score8 bigint);
INSERT INTO survey_bench_n SELECT s, s FROM (SELECT (random() * 10)::int AS s FROM generate_series(1, 1000000)) x;
VACUUM ANALYZE survey_bench_w;
VACUUM ANALYZE survey_bench_n;
-- bench: nps(score), 10M rows, against sum(score) | target <= 1.15
-- ours
SELECT nps(score) FROM survey_bench;
-- theirs
SELECT sum(score) FROM survey_bench;
-- bench: nps(score), 10M rows, against the FILTER-count SQL | target <= 0.75
-- ours
SELECT nps(score) FROM survey_bench;
-- theirs
SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM survey_bench;
-- bench: rolling NPS, 1M rows, 1000-row frame against a 10-row frame | target <= 1.5
-- ours
SELECT max(v) FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 999 PRECEDING AND CURRENT ROW) AS v FROM survey_bench_w) w;
-- theirs
SELECT max(v) FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v FROM survey_bench_w) w;
-- bench: nps(numeric score), 1M rows, against the FILTER-count SQL on the same column | target <= 1.25
-- ours
SELECT nps(score) FROM survey_bench_n;
-- theirs
SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) FROM survey_bench_n;
-- bench: nps(bigint score), 1M rows, against sum(bigint) | target <= 1.35
-- ours
SELECT nps(score8) FROM survey_bench_n;
-- theirs
SELECT sum(score8) FROM survey_bench_n;
