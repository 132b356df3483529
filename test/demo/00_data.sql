-- test/demo/00_data.sql: the demo's data is the sample data set, the same that
-- 'make sample' loads into a database of yours (test/sample/sample.sql, described in
-- doc/sample.md); then an overview.
\set QUIET on
\ir ../sample/sample.sql
\set QUIET off

\echo
\echo '================================================================================'
\echo '  interaction — customer-interaction analytics, in the database'
\echo '================================================================================'
SELECT count(DISTINCT customer_id) AS customers, count(*) AS interactions,
       min(at)::date AS "from", max(at)::date AS "to",
       count(nps_score) AS nps_answers, count(csat_score) AS csat_answers,
       count(ces_score) AS ces_answers,
       (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM tickets) AS tickets
FROM interactions;
