--
-- erlang: Erlang C and Erlang A staffing (src/erlang.c, doc/erlang.md)
--
-- Exact figures come from test/erlang_reference.sql, made by
-- test/erlang_reference.py with mpmath at 60 digits; floats are compared there
-- and only booleans and error classes are printed, which every platform agrees on.

-- The worked example of Call Centre Helper's "Erlang C
-- formula - made simple with an easy worked example": 100 calls per 30 minutes,
-- AHT 180 s, 80 % answered within 20 s -> 14 agents, P(wait) 0.1741, service
-- level 88.84 %, ASA 7.84 s, occupancy 71.43 %; 30 % shrinkage -> 20 to schedule.
SELECT erlang_agents(100, '30 minutes', '180 seconds', 0.8, '20 seconds') AS agents,
       round(erlang_c(100 * 180 / 1800.0, 14)::numeric, 4) AS p_wait,
       round(erlang_service_level(100, '30 minutes', '180 seconds', 14, '20 seconds')::numeric, 4) AS level,
       round(extract(epoch FROM erlang_asa(100, '30 minutes', '180 seconds', 14)), 2) AS asa_s,
       round(occupancy(100, '30 minutes', '180 seconds', 14)::numeric, 4) AS occupancy,
       erlang_agents(100, '30 minutes', '180 seconds', 0.8, '20 seconds', 0.3) AS scheduled;
-- 13 agents miss the target, 14 meet it
SELECT n, round(erlang_service_level(100, '30 minutes', '3 minutes', n, '20 seconds')::numeric, 4) AS level
FROM generate_series(12, 15) n;

-- Westbay Engineers' step-by-step Erlang C example ("The Erlang-C formula"):
-- 360 calls per half hour, 4-minute calls, 55 agents, 15-second target; 48 erlangs.
SELECT round(erlang_c(48, 55)::numeric, 4) AS p_wait,
       round(erlang_service_level(360, '30 minutes', '4 minutes', 55, '15 seconds')::numeric, 4) AS level,
       round(extract(epoch FROM erlang_asa(360, '30 minutes', '4 minutes', 55)), 1) AS asa_s,
       round(occupancy(360, '30 minutes', '4 minutes', 55)::numeric, 4) AS occupancy,
       erlang_agents(360, '30 minutes', '4 minutes', 0.8, '15 seconds') AS agents_80_15;

-- ---- against the exact figures ---------------------------------------------
\set ECHO none
\i test/erlang_reference.sql
\set ECHO all
-- the error class of a float against its exact value: 'underflow' (exact below
-- 1e-300, ours too), '<=1e-12' (relative), '<=1e-9', or the miss itself
CREATE FUNCTION pg_temp.err_class(ours float8, exact float8) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN ours IS NULL AND exact IS NULL THEN 'exact'
		WHEN ours IS NULL OR exact IS NULL THEN 'NULL mismatch'
		WHEN exact = 0 AND abs(ours) < 1e-300 THEN 'underflow'
		WHEN abs(ours - exact) <= 1e-12 * abs(exact) THEN '<=1e-12'
		WHEN abs(ours - exact) <= 1e-9 * abs(exact) THEN '<=1e-9'
		ELSE 'MISS ' || ours || ' vs ' || exact END
$$;
-- an interval ASA is rounded to the microsecond: allow half of one
CREATE FUNCTION pg_temp.asa_ok(ours interval, exact float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN ours IS NULL OR exact IS NULL THEN ours IS NULL AND exact IS NULL
		ELSE abs(extract(epoch FROM ours)::float8 - exact) <= 0.5e-6 + 1e-9 * exact END
$$;
CREATE FUNCTION pg_temp.secs(float8) RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT make_interval(secs => $1) $$;

-- Erlang C: 0.01 to 10,000 erlangs, up to 20,000 agents, each computed with
-- period = aht so that calls = traffic exactly
CREATE TEMP TABLE c_result AS
SELECT r.*,
       pg_temp.err_class(erlang_c(traffic, agents), p_wait) AS p_wait_class,
       pg_temp.err_class(erlang_service_level(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents,
                                              pg_temp.secs(within)), level) AS level_class,
       pg_temp.asa_ok(erlang_asa(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents), asa) AS asa_ok
FROM erlang_c_ref r;
SELECT count(*) AS cases, min(traffic) AS min_traffic, max(traffic) AS max_traffic,
       max(agents) AS max_agents, count(*) FILTER (WHERE p_wait = 0) AS underflowing,
       count(*) FILTER (WHERE agents <= traffic) AS overloaded
FROM c_result;
SELECT 'p_wait' AS figure, p_wait_class AS class, count(*) FROM c_result GROUP BY 2
UNION ALL
SELECT 'level', level_class, count(*) FROM c_result GROUP BY 2
UNION ALL
SELECT 'asa within 0.5 us', asa_ok::text, count(*) FROM c_result GROUP BY 2
ORDER BY 1, 2;

-- Erlang A: the M/M/n+M chain state by state
CREATE TEMP TABLE a_result AS
SELECT r.*,
       pg_temp.err_class(erlang_a_service_level(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents,
                                                pg_temp.secs(within), pg_temp.secs(patience)), level) AS level_class,
       pg_temp.err_class(erlang_a_abandon_rate(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents,
                                               pg_temp.secs(patience)), abandon) AS abandon_class,
       pg_temp.err_class(1 - erlang_a_service_level(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents,
                                                    '0', pg_temp.secs(patience)), p_wait) AS p_wait_class,
       pg_temp.asa_ok(erlang_a_asa(traffic, pg_temp.secs(aht), pg_temp.secs(aht), agents,
                                   pg_temp.secs(patience)), asa) AS asa_ok
FROM erlang_a_ref r;
SELECT count(*) AS cases, max(traffic) AS max_traffic, count(*) FILTER (WHERE agents < traffic) AS fewer_agents_than_erlangs
FROM a_result;
SELECT 'level' AS figure, level_class AS class, count(*) FROM a_result GROUP BY 2
UNION ALL
SELECT 'abandon', abandon_class, count(*) FROM a_result GROUP BY 2
UNION ALL
SELECT 'p_wait (1 - level within 0)', p_wait_class, count(*) FROM a_result
WHERE p_wait > 1e-6 GROUP BY 2
UNION ALL
SELECT 'asa within 0.5 us', asa_ok::text, count(*) FROM a_result GROUP BY 2
ORDER BY 1, 2;

-- ---- limits ------------------------------------------------------------------
-- patience -> infinity: Erlang A tends to Erlang C; the gap shrinks like
-- 1 / patience (here below 100 / patience for the level, 10^4 s / patience for
-- the ASA, 100 / patience for the abandon rate), and the staffing reaches 14
SELECT p AS patience,
       abs(erlang_a_service_level(100, '30 minutes', '180 seconds', 14, '20 seconds', p)
           - erlang_service_level(100, '30 minutes', '180 seconds', 14, '20 seconds'))
         < 100 / extract(epoch FROM p) AS level_close,
       abs(extract(epoch FROM erlang_a_asa(100, '30 minutes', '180 seconds', 14, p))
           - extract(epoch FROM erlang_asa(100, '30 minutes', '180 seconds', 14)))
         < 1e4 / extract(epoch FROM p) + 1e-6 AS asa_close,
       erlang_a_abandon_rate(100, '30 minutes', '180 seconds', 14, p) < 100 / extract(epoch FROM p) AS abandon_small,
       erlang_a_agents(100, '30 minutes', '180 seconds', 0.8, '20 seconds', p) AS agents
FROM unnest('{1 hour, 1000 hours, 100000 hours, 10000000 hours}'::interval[]) p;
-- 1000 erlangs, 1050 agents: the same, at scale
SELECT abs(erlang_a_service_level(1000, '1 hour', '1 hour', 1050, '30 seconds', '10000 hours')
           - erlang_service_level(1000, '1 hour', '1 hour', 1050, '30 seconds')) < 1e-5 AS level_close;

-- fewer agents than erlangs: Erlang C's queue never empties (P(wait) 1, no
-- call answered in time, no ASA, occupancy 1) while Erlang A, whose callers
-- hang up, stays finite: the abandon rate is near 1 - agents / traffic
SELECT erlang_c(10, 8) AS c_p_wait,
       erlang_service_level(100, '30 minutes', '180 seconds', 8, '20 seconds') AS c_level,
       erlang_asa(100, '30 minutes', '180 seconds', 8) AS c_asa,
       occupancy(100, '30 minutes', '180 seconds', 8) AS c_occupancy,
       round(erlang_a_service_level(100, '30 minutes', '180 seconds', 8, '20 seconds', '60 seconds')::numeric, 4) AS a_level,
       round(erlang_a_abandon_rate(100, '30 minutes', '180 seconds', 8, '60 seconds')::numeric, 4) AS a_abandon,
       round(extract(epoch FROM erlang_a_asa(100, '30 minutes', '180 seconds', 8, '60 seconds')), 2) AS a_asa_s,
       erlang_a_abandon_rate(100, '30 minutes', '180 seconds', 8, '1000 hours') BETWEEN 0.2 - 1e-4 AND 0.2 AS patient_abandon;
-- no agents at all: every call waits; under Erlang A every call abandons
SELECT erlang_c(5, 0), erlang_service_level(10, '1 hour', '30 minutes', 0, '1 hour'),
       erlang_a_abandon_rate(10, '1 hour', '30 minutes', 0, '1 minute'),
       erlang_a_service_level(10, '1 hour', '30 minutes', 0, '1 minute', '1 minute'),
       erlang_a_asa(10, '1 hour', '30 minutes', 0, '1 minute') IS NULL AS no_asa,
       occupancy(10, '1 hour', '30 minutes', 0) IS NULL AS no_occupancy;
-- answered within no time = answered at once = 1 - P(wait)
SELECT abs(erlang_service_level(100, '30 minutes', '180 seconds', 14, '0') - (1 - erlang_c(10, 14))) < 1e-15 AS c_at_once,
       abs(erlang_a_service_level(100, '30 minutes', '180 seconds', 14, '0', '1 hour')
           - erlang_a_service_level(100, '30 minutes', '180 seconds', 14, '1 microsecond', '1 hour')) < 1e-6 AS a_continuous_at_0;
-- the extremes of the range: fast, no overflow, no NaN
SELECT erlang_c(0.01, 20000) AS tiny_traffic_many_agents, erlang_c(10000, 20000) AS many_agents,
       round(erlang_c(10000, 10001)::numeric, 6) AS barely_stable,
       round(erlang_service_level(10000, '1 hour', '1 hour', 10001, '1 second')::numeric, 6) AS barely_stable_level,
       erlang_agents(10000, '1 hour', '1 hour', 0.999999, '0') AS agents_10000_erlangs,
       erlang_c(1e7, 10010000) < 1e-3 AS ten_million_erlangs;

-- ---- erlang_agents is the fewest agents meeting the target -----------------
-- over a grid of 0.004 to 9,800 erlangs, targets and answer times: the answer
-- meets the target and one agent fewer does not
SELECT count(*) AS cases,
       count(*) FILTER (WHERE erlang_service_level(calls, '30 minutes', aht, n, within) >= target
                          AND (n - 1 <= calls * extract(epoch FROM aht) / 1800
                               OR erlang_service_level(calls, '30 minutes', aht, n - 1, within) < target)) AS fewest
FROM (SELECT calls, aht, target, within, erlang_agents(calls, '30 minutes', aht, target, within) AS n
      FROM unnest('{0.5, 3, 17, 100, 1234, 20000, 80000}'::float8[]) calls,
           unnest('{15 seconds, 3 minutes, 11 minutes}'::interval[]) aht,
           unnest('{0.5, 0.8, 0.95, 0.999}'::float8[]) target,
           unnest('{0, 20 seconds, 2 minutes}'::interval[]) within) s;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE erlang_a_service_level(calls, '30 minutes', aht, n, within, patience) >= target
                          AND erlang_a_service_level(calls, '30 minutes', aht, n - 1, within, patience) < target) AS fewest,
       count(*) FILTER (WHERE n <= erlang_agents(calls, '30 minutes', aht, target, within)) AS at_most_erlang_c
FROM (SELECT calls, aht, target, within, patience,
             erlang_a_agents(calls, '30 minutes', aht, target, within, patience) AS n
      FROM unnest('{0.5, 17, 100, 1234, 20000}'::float8[]) calls,
           unnest('{15 seconds, 3 minutes}'::interval[]) aht,
           unnest('{0.5, 0.8, 0.95}'::float8[]) target,
           unnest('{0, 20 seconds}'::interval[]) within,
           unnest('{30 seconds, 5 minutes}'::interval[]) patience) s;
-- Erlang A usually needs fewer agents than Erlang C, but not always: a caller
-- who hangs up within answer_within counts against the level.  The one case
-- above: 17 calls of 15 s per half hour, 95 % within 20 s, patience 30 s.
SELECT erlang_agents(17, '30 minutes', '15 seconds', 0.95, '20 seconds') AS erlang_c,
       erlang_a_agents(17, '30 minutes', '15 seconds', 0.95, '20 seconds', '30 seconds') AS erlang_a,
       round(erlang_a_service_level(17, '30 minutes', '15 seconds', 1, '20 seconds', '30 seconds')::numeric, 4) AS a_level_1;
-- the Erlang A service level rises with the agents
SELECT bool_and(l2 >= l1) AS rising
FROM (SELECT erlang_a_service_level(300, '30 minutes', '4 minutes', n, '20 seconds', '90 seconds') AS l2,
             lag(erlang_a_service_level(300, '30 minutes', '4 minutes', n, '20 seconds', '90 seconds')) OVER (ORDER BY n) AS l1
      FROM generate_series(1, 80) n) s;

-- shrinkage: ceil(agents / (1 - s)); 14 / 0.7 is 20, not 21
SELECT s, erlang_agents(100, '30 minutes', '180 seconds', 0.8, '20 seconds', s) AS erlang_c,
       erlang_a_agents(100, '30 minutes', '180 seconds', 0.8, '20 seconds', '2 minutes', s) AS erlang_a
FROM unnest('{0, 0.3, 0.35, 0.5, 0.99}'::float8[]) s;

-- a day per 24 hours, whatever it is written as
SELECT erlang_service_level(4800, '1 day', '3 minutes', 14, '20 seconds')
     = erlang_service_level(100, '30 minutes', '180 seconds', 14, '20 seconds') AS day_is_24_hours;

-- ---- a quiet interval: 0 calls need nobody ----------------------------------
-- no call waits: service level 1, ASA 0, abandon rate 0, 0 agents needed (with
-- shrinkage too); occupancy 0 with agents, NULL without (as for any 0 agents);
-- erlang_c(0, n) is whether a call would wait: 0 with an agent, 1 without.
-- The other arguments are still checked.
SELECT erlang_c(0, 0) AS c_none, erlang_c(0, 1) AS c_one,
       erlang_service_level(0, '30 minutes', '3 minutes', 0, '20 seconds') AS sl_none,
       erlang_service_level(0, '30 minutes', '3 minutes', 3, '0') AS sl_three,
       erlang_asa(0, '30 minutes', '3 minutes', 0) AS asa_none,
       erlang_agents(0, '30 minutes', '3 minutes', 0.8, '20 seconds') AS agents,
       erlang_agents(0, '30 minutes', '3 minutes', 0.8, '20 seconds', 0.3) AS agents_shrunk,
       occupancy(0, '30 minutes', '3 minutes', 2) AS occ_two,
       occupancy(0, '30 minutes', '3 minutes', 0) AS occ_none;
SELECT erlang_a_service_level(0, '30 minutes', '3 minutes', 0, '20 seconds', '1 minute') AS a_sl,
       erlang_a_abandon_rate(0, '30 minutes', '3 minutes', 0, '1 minute') AS a_abandon,
       erlang_a_asa(0, '30 minutes', '3 minutes', 0, '1 minute') AS a_asa,
       erlang_a_agents(0, '30 minutes', '3 minutes', 0.8, '20 seconds', '1 minute') AS a_agents;
-- a staffing table over a day with quiet hours, which used to stop at the first
SELECT h, calls, erlang_agents(calls, '1 hour', '3 minutes', 0.8, '20 seconds') AS agents
FROM (VALUES (2, 0), (9, 60), (10, 200)) v(h, calls) ORDER BY h;

-- ---- bad arguments: 22023 naming the argument ------------------------------
-- (and 54000 for a queue Erlang A would need more than ten million terms for:
-- an error, not a hang)
\i test/regress_helpers.sql
SELECT call, pg_temp.error_of('SELECT ' || call) AS error
FROM (VALUES
    ($q$erlang_c(-1, 5)$q$),
    ($q$erlang_c(0, -1)$q$),
    ($q$erlang_service_level(0, '30 minutes', '3 minutes', -1, '20 seconds')$q$),
    ($q$erlang_agents(0, '30 minutes', '3 minutes', 1, '20 seconds')$q$),
    ($q$erlang_a_abandon_rate(0, '30 minutes', '3 minutes', 0, '0')$q$),
    ($q$erlang_asa(0, '0', '3 minutes', 0)$q$),
    ($q$erlang_c('NaN', 5)$q$),
    ($q$erlang_c('Infinity', 5)$q$),
    ($q$erlang_c(1e-13, 5)$q$),
    ($q$erlang_c(2e7, 5)$q$),
    ($q$erlang_c(1, -1)$q$),
    ($q$erlang_service_level(-5, '30 minutes', '3 minutes', 14, '20 seconds')$q$),
    ($q$erlang_service_level(100, '0', '3 minutes', 14, '20 seconds')$q$),
    ($q$erlang_service_level(100, '-30 minutes', '3 minutes', 14, '20 seconds')$q$),
    ($q$erlang_service_level(100, '1 month', '3 minutes', 14, '20 seconds')$q$),
    ($q$erlang_service_level(100, '30 minutes', '0', 14, '20 seconds')$q$),
    ($q$erlang_service_level(100, '30 minutes', '3 minutes', -1, '20 seconds')$q$),
    ($q$erlang_service_level(100, '30 minutes', '3 minutes', 14, '-20 seconds')$q$),
    ($q$erlang_service_level(100, '30 minutes', '3 minutes', 14, '1 year')$q$),
    ($q$erlang_asa('NaN', '30 minutes', '3 minutes', 14)$q$),
    ($q$occupancy(100, '30 minutes', '3 minutes', -3)$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 0, '20 seconds')$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 1, '20 seconds')$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 'NaN', '20 seconds')$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', 1)$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', -0.1)$q$),
    ($q$erlang_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', 'Infinity')$q$),
    ($q$erlang_a_service_level(100, '30 minutes', '3 minutes', 14, '20 seconds', '0')$q$),
    ($q$erlang_a_service_level(100, '30 minutes', '3 minutes', 14, '20 seconds', '-1 minute')$q$),
    ($q$erlang_a_abandon_rate(100, '30 minutes', '3 minutes', 14, '2 mons')$q$),
    ($q$erlang_a_asa(100, '30 minutes', '3 minutes', -14, '1 minute')$q$),
    ($q$erlang_a_agents(100, '30 minutes', '3 minutes', 1.5, '20 seconds', '1 minute')$q$),
    ($q$erlang_a_agents(100, '30 minutes', '3 minutes', 0.8, '20 seconds', '1 minute', 1)$q$),
    ($q$erlang_a_abandon_rate(10000, '1 second', '1 second', 10, '100000 hours')$q$)) AS bad(call);
-- NULL passes through (STRICT)
SELECT erlang_c(NULL, 3) IS NULL AS a, erlang_agents(100, '30 minutes', NULL, 0.8, '20 seconds') IS NULL AS b,
       erlang_a_asa(100, '30 minutes', '3 minutes', NULL, '1 minute') IS NULL AS c;
