-- test/demo/65_funnel.sql: event funnels with ClickHouse's semantics.  The journey
-- as a funnel (a touch of each stage, in order, within 60 days of the first
-- awareness touch), conversion per step with a bar; then weekly retention of the
-- customers by the month they were first seen; then repeated complaints.
\echo
\echo '-- Journey funnel: awareness -> consideration -> acquisition -> retention, within 60 days'
WITH levels AS (
    SELECT customer_id,
           window_funnel('60 days', at, stage = 'awareness', stage = 'consideration',
                         stage = 'acquisition', stage = 'retention') AS level
    FROM touchpoints GROUP BY customer_id
), steps AS (
    SELECT s.step, s.name, count(*) FILTER (WHERE l.level >= s.step) AS customers
    FROM (VALUES (1, 'awareness'), (2, 'consideration'), (3, 'acquisition'), (4, 'retention')) s(step, name)
    CROSS JOIN levels l
    GROUP BY s.step, s.name
)
SELECT step, name, customers,
       round(100.0 * customers / first_value(customers) OVER (ORDER BY step), 1) AS "% of step 1",
       repeat('█', (40 * customers / first_value(customers) OVER (ORDER BY step))::int) AS " "
FROM steps ORDER BY step;

\echo '-- Retention by first month: back in weeks 1, 2 and 3 after the first contact'
WITH firsts AS (
    SELECT customer_id, min(at) AS first_at FROM interactions GROUP BY customer_id
), per_customer AS (
    SELECT f.customer_id, date_trunc('month', f.first_at, 'Europe/Berlin')::date AS cohort,
           retention(i.at = f.first_at,
                     i.at >= f.first_at + interval '7 days' AND i.at < f.first_at + interval '14 days',
                     i.at >= f.first_at + interval '14 days' AND i.at < f.first_at + interval '21 days',
                     i.at >= f.first_at + interval '21 days' AND i.at < f.first_at + interval '28 days') AS r
    FROM interactions i JOIN firsts f USING (customer_id)
    GROUP BY f.customer_id, f.first_at
)
SELECT cohort AS "first month", count(*) AS customers,
       round(100.0 * count(*) FILTER (WHERE r[2]) / count(*), 1) AS "week 1 %",
       round(100.0 * count(*) FILTER (WHERE r[3]) / count(*), 1) AS "week 2 %",
       round(100.0 * count(*) FILTER (WHERE r[4]) / count(*), 1) AS "week 3 %"
FROM per_customer GROUP BY cohort ORDER BY cohort;

\echo '-- Repeated complaints: a complaint followed by another within 7 days (sequence_match / sequence_count)'
SELECT count(*) FILTER (WHERE again) AS customers, sum(times) AS "repeat complaints",
       round(100.0 * count(*) FILTER (WHERE again) / count(*) FILTER (WHERE complained), 1) AS "% of complainers"
FROM (SELECT customer_id, bool_or(kind = 'complaint') AS complained,
             sequence_match('(?1)(?t<=604800)(?1)', at, kind = 'complaint') AS again,
             sequence_count('(?1)(?t<=604800)(?1)', at, kind = 'complaint') AS times
      FROM interactions GROUP BY customer_id) s;
