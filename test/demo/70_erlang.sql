-- test/demo/70_erlang.sql: staffing the live channels (phone, chat, video) for the
-- busiest day of the data, per half hour: calls and AHT by SQL, agents by Erlang C
-- (erlang_agents) and Erlang A (erlang_a_agents), abandonment by Erlang A.
-- The generated data has no handle times, so this section gives each live contact
-- one, reproducibly from its id: a base per channel (phone 6, chat 9, video 12
-- minutes) times a factor between 0.5 and 1.5.  Callers' patience: 90 seconds.
\set QUIET on
SET TimeZone = 'UTC';
CREATE TEMP TABLE live AS
SELECT id, at, channel,
       (CASE channel WHEN 'phone' THEN 360 WHEN 'chat' THEN 540 ELSE 720 END
        * (0.5 + (id * 2654435761 % 1000) / 1000.0)) * interval '1 second' AS handle
FROM interactions
WHERE direction = 'inbound' AND agent IS NOT NULL AND channel IN ('phone', 'chat', 'video');
SELECT at::date AS busiest_day FROM live GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
\set QUIET off

\echo
\echo '-- Staffing the live channels (phone, chat, video) on the busiest day:' :busiest_day '-------'
\echo '-- per half hour; target 80 % answered within 20 s; Erlang A: callers hang up after 90 s on average'
WITH per_slot AS (
    SELECT date_bin('30 minutes', at, :'busiest_day'::timestamptz) AS slot,
           count(*) AS calls, avg(handle) AS aht
    FROM live WHERE at::date = :'busiest_day'
    GROUP BY 1
), staffed AS (
    SELECT slot, calls, aht,
           erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds') AS erlang_c,
           erlang_a_agents(calls, '30 minutes', aht, 0.8, '20 seconds', '90 seconds') AS erlang_a
    FROM per_slot
)
SELECT to_char(slot, 'HH24:MI') AS slot, calls, date_trunc('second', aht) AS aht,
       round((calls * extract(epoch FROM aht) / 1800)::numeric, 2) AS erlangs,
       erlang_c AS "agents (C)",
       round(100 * erlang_service_level(calls, '30 minutes', aht, erlang_c, '20 seconds')::numeric, 1) AS "in 20 s % (C)",
       erlang_a AS "agents (A)",
       round(100 * erlang_a_service_level(calls, '30 minutes', aht, erlang_a, '20 seconds', '90 seconds')::numeric, 1) AS "in 20 s % (A)",
       round(100 * erlang_a_abandon_rate(calls, '30 minutes', aht, erlang_a, '90 seconds')::numeric, 1) AS "abandon % (A)",
       erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds', 0.3) AS "to schedule (30 % shrinkage)"
FROM staffed
ORDER BY slot;

\echo '-- The day in agent-hours, and the handle times behind it (core avg / percentile_cont)'
WITH per_slot AS (
    SELECT date_bin('30 minutes', at, :'busiest_day'::timestamptz) AS slot, count(*) AS calls, avg(handle) AS aht
    FROM live WHERE at::date = :'busiest_day' GROUP BY 1
)
SELECT count(*) AS "half hours with contacts", sum(calls) AS contacts,
       round(sum(erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds')) / 2.0, 1) AS "agent-hours (C)",
       round(sum(erlang_a_agents(calls, '30 minutes', aht, 0.8, '20 seconds', '90 seconds')) / 2.0, 1) AS "agent-hours (A)",
       round(sum(erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds', 0.3)) / 2.0, 1) AS "scheduled hours (C, 30 % shrinkage)"
FROM per_slot;
SELECT coalesce(channel::text, 'all live') AS channel, count(*) AS contacts,
       date_trunc('second', avg(handle)) AS aht,
       date_trunc('second', percentile_cont(0.5) WITHIN GROUP (ORDER BY handle)) AS p50,
       date_trunc('second', percentile_cont(0.9) WITHIN GROUP (ORDER BY handle)) AS p90
FROM live WHERE at::date = :'busiest_day'
GROUP BY ROLLUP (live.channel) ORDER BY live.channel NULLS LAST;
