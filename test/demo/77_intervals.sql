-- test/demo/77_intervals.sql: the queue interval report from stored summaries.
-- Each queue (the topic chosen in the IVR) and half hour is one stored queue_summary;
-- the day, the week and the month are rollups of them, never averages of their
-- percentages.  Observed service level and abandonment beside Erlang A for the same
-- calls, AHT and agents; p90 speed of answer by week.
\set QUIET on
CREATE TEMP TABLE queue_intervals AS
SELECT topic AS queue, date_bin('30 minutes', at, '2026-01-01') AS slot,
       queue_agg(wait, answered, handle_time) AS q      -- answered within 20 s, short abandon under 5 s
FROM calls GROUP BY 1, 2;
SELECT at::date AS busiest_day FROM calls GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
\set QUIET off

\echo
\echo '-- Interval report by queue and half hour (stored queue_summary values),' :busiest_day '10:00-12:00'
SELECT queue, to_char(slot, 'HH24:MI') AS slot, offered(q), answered(q), abandoned(q),
       round(100 * service_level(q)::numeric, 1) AS "SL %",
       round(100 * abandon_rate(q)::numeric, 1) AS "aband. %",
       date_trunc('second', asa(q)) AS asa, date_trunc('second', aht(q)) AS aht,
       date_trunc('second', wait_percentile(q, 0.9)) AS "p90 wait"
FROM queue_intervals
WHERE slot::date = :'busiest_day' AND to_char(slot, 'HH24:MI') BETWEEN '10:00' AND '11:30'
ORDER BY queue, slot;

\echo '-- Daily rollup of the stored half hours, the week of' :busiest_day '(all queues)'
\echo '   the 95 % interval of the service level beside it; "mean of slots" is the wrong way'
SELECT slot::date AS day, offered(rollup(q)), round(100 * service_level(rollup(q))::numeric, 1) AS "SL %",
       round(100 * (service_level_ci(rollup(q))).low::numeric, 1) || ' - '
           || round(100 * (service_level_ci(rollup(q))).high::numeric, 1) AS "SL 95 % CI",
       round(100 * avg(service_level(q))::numeric, 1) AS "mean of slots %",
       round(100 * abandon_rate(rollup(q))::numeric, 1) AS "aband. %",
       date_trunc('second', asa(rollup(q))) AS asa, date_trunc('second', aht(rollup(q))) AS aht
FROM queue_intervals
WHERE date_trunc('week', slot) = date_trunc('week', :'busiest_day'::timestamptz)
GROUP BY 1 ORDER BY 1;

\echo '-- Observed against Erlang A by month: the half hours of all queues rolled up, each'
\echo '   predicted from its own calls, AHT and agents (callers give up after 3 minutes)'
WITH slot AS (
    SELECT i.slot, rollup(i.q) AS q, s.agents
    FROM queue_intervals i JOIN staffing s USING (slot) GROUP BY i.slot, s.agents
)
SELECT to_char(date_trunc('month', slot), 'YYYY-MM') AS month, offered(rollup(q)) AS calls,
       round(100 * service_level(rollup(q))::numeric, 1) AS "SL % observed",
       round(100 * (sum(offered(q) * erlang_a_service_level(offered(q), '30 minutes', aht(q), agents, '20 seconds', '3 minutes'))
                    / sum(offered(q)))::numeric, 1) AS "SL % Erlang A",
       round(100 * (abandoned(rollup(q))::float8 / offered(rollup(q)))::numeric, 1) AS "aband. % observed",
       round(100 * (sum(offered(q) * erlang_a_abandon_rate(offered(q), '30 minutes', aht(q), agents, '3 minutes'))
                    / sum(offered(q)))::numeric, 1) AS "aband. % Erlang A"
FROM slot GROUP BY 1 ORDER BY 1;

\echo '-- Speed of answer by week: ASA and p90 from the rolled-up sketches, against the'
\echo '   mean of the half hours'' p90 (what a spreadsheet of interval reports gives)'
SELECT to_char(date_trunc('week', slot), 'YYYY-MM-DD') AS week, answered(rollup(q)),
       date_trunc('second', asa(rollup(q))) AS asa,
       date_trunc('second', wait_percentile(rollup(q), 0.9)) AS "p90 wait",
       date_trunc('second', avg(wait_percentile(q, 0.9))) AS "mean of slots' p90"
FROM queue_intervals
WHERE slot >= '2026-08-31' AND slot < '2026-10-26'
GROUP BY 1 ORDER BY 1;
