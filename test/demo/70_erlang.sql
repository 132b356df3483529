-- test/demo/70_erlang.sql: the phone line (the sample's calls and staffing).
-- First the intraday curve of the busiest day: calls and AHT per half hour by SQL,
-- the agents needed by Erlang C (erlang_agents) and Erlang A (erlang_a_agents), next
-- to the agents who were logged in.  Then what happened against what Erlang A
-- predicts for the same calls, AHT and agents: service level (answered within 20 s)
-- and abandonment, per half hour of that day and over every half hour of the sample.
-- Callers' patience: three minutes on average.
\set QUIET on
SELECT at::date AS busiest_day FROM calls GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
CREATE TEMP TABLE per_slot AS
SELECT date_bin('30 minutes', c.at, '2026-01-01') AS slot, count(*) AS calls,
       avg(c.handle_time) AS aht,   -- over answered calls
       round(100.0 * count(*) FILTER (WHERE c.answered AND c.wait <= '20 seconds') / count(*), 1) AS sl_observed,
       round(100.0 * count(*) FILTER (WHERE c.abandoned) / count(*), 1) AS ab_observed
FROM calls c GROUP BY 1;
\set QUIET off

\echo
\echo '-- Staffing the phone line on the busiest day,' :busiest_day ', per half hour -------'
\echo '   target 80 % answered within 20 s; Erlang A: callers hang up after 3 minutes on average'
SELECT to_char(p.slot, 'HH24:MI') AS slot, p.calls, date_trunc('second', p.aht) AS aht,
       round((p.calls * extract(epoch FROM p.aht) / 1800)::numeric, 2) AS erlangs,
       erlang_agents(p.calls, '30 minutes', p.aht, 0.8, '20 seconds') AS "needed (C)",
       erlang_a_agents(p.calls, '30 minutes', p.aht, 0.8, '20 seconds', '3 minutes') AS "needed (A)",
       s.agents AS "logged in",
       erlang_agents(p.calls, '30 minutes', p.aht, 0.8, '20 seconds', 0.3) AS "to schedule (30 % shrinkage)",
       repeat('█', erlang_a_agents(p.calls, '30 minutes', p.aht, 0.8, '20 seconds', '3 minutes')) AS " "
FROM per_slot p JOIN staffing s USING (slot)
WHERE p.slot::date = :'busiest_day'
ORDER BY p.slot;

\echo '-- Observed against Erlang A, the same half hours: the calls, AHT and agents of each'
SELECT to_char(p.slot, 'HH24:MI') AS slot, p.calls, s.agents,
       p.sl_observed AS "in 20 s % observed",
       round(100 * erlang_a_service_level(p.calls, '30 minutes', p.aht, s.agents, '20 seconds', '3 minutes')::numeric, 1)
           AS "in 20 s % Erlang A",
       p.ab_observed AS "abandoned % observed",
       round(100 * erlang_a_abandon_rate(p.calls, '30 minutes', p.aht, s.agents, '3 minutes')::numeric, 1)
           AS "abandoned % Erlang A"
FROM per_slot p JOIN staffing s USING (slot)
WHERE p.slot::date = :'busiest_day'
ORDER BY p.slot;

\echo '-- Over every half hour of the six months (weighted by calls), by month ------'
SELECT coalesce(to_char(date_trunc('month', p.slot), 'YYYY-MM'), 'all') AS month, sum(p.calls) AS calls,
       round(sum(p.calls * p.sl_observed) / sum(p.calls), 1) AS "in 20 s % observed",
       round((sum(p.calls * erlang_a_service_level(p.calls, '30 minutes', p.aht, s.agents, '20 seconds', '3 minutes'))
              / sum(p.calls) * 100)::numeric, 1) AS "in 20 s % Erlang A",
       round(sum(p.calls * p.ab_observed) / sum(p.calls), 1) AS "abandoned % observed",
       round((sum(p.calls * erlang_a_abandon_rate(p.calls, '30 minutes', p.aht, s.agents, '3 minutes'))
              / sum(p.calls) * 100)::numeric, 1) AS "abandoned % Erlang A"
FROM per_slot p JOIN staffing s USING (slot)
GROUP BY ROLLUP (date_trunc('month', p.slot))
ORDER BY date_trunc('month', p.slot) NULLS LAST;

\echo '-- The handle times behind it (core avg / percentile_cont), by topic ------------'
SELECT coalesce(topic, 'all') AS topic, count(*) AS answered,
       date_trunc('second', avg(talk)) AS talk, date_trunc('second', avg(hold)) AS hold,
       date_trunc('second', avg(acw)) AS acw, date_trunc('second', avg(handle_time)) AS aht,
       date_trunc('second', percentile_cont(0.5) WITHIN GROUP (ORDER BY handle_time)) AS p50,
       date_trunc('second', percentile_cont(0.9) WITHIN GROUP (ORDER BY handle_time)) AS p90
FROM calls WHERE answered
GROUP BY ROLLUP (calls.topic) ORDER BY calls.topic NULLS LAST;
