-- Workforce staffing: erlang_agents / erlang_a_agents calls per second.
-- Rows carry their own calls so that nothing is folded to a constant.  Against a
-- trivial float expression over the same rows (the floor: reading the rows), the
-- ratio shows the cost of the search; calls per second = rows / ours.  Against a
-- PL/pgSQL Erlang C that scans from one agent up with the Erlang B recursion (what
-- a spreadsheet formula becomes in SQL), the ratio shows the gain.
-- setup
DROP TABLE IF EXISTS bench_erlang_50, bench_erlang_500, bench_erlang_5000, bench_erlang_day;
-- 100,000 rows near 50 erlangs, 100,000 near 500, 20,000 near 5,000 (AHT 180 s per 30 minutes)
CREATE TABLE bench_erlang_50 AS SELECT 500 + (i % 1000) / 1000.0::float8 AS calls FROM generate_series(1, 100000) i;
CREATE TABLE bench_erlang_500 AS SELECT 5000 + (i % 1000) / 100.0::float8 AS calls FROM generate_series(1, 100000) i;
CREATE TABLE bench_erlang_5000 AS SELECT 50000 + (i % 1000) / 10.0::float8 AS calls FROM generate_series(1, 20000) i;
-- a staffing query: 10,000 half-hour intervals of 10 to 1,000 calls (1 to 100 erlangs)
CREATE TABLE bench_erlang_day AS
SELECT i AS slot, 10 + (i * 7919 % 991)::float8 AS calls, (150 + i % 60) * interval '1 second' AS aht
FROM generate_series(1, 10000) i;
VACUUM ANALYZE bench_erlang_50, bench_erlang_500, bench_erlang_5000, bench_erlang_day;
CREATE OR REPLACE FUNCTION bench_erlang_agents_plpgsql(calls float8, period interval, aht interval,
		target float8, within interval) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	h float8 := extract(epoch FROM aht);
	t float8 := extract(epoch FROM within);
	a float8 := calls * h / extract(epoch FROM period);
	n int := 0;
	b float8 := 1;
	c float8;
BEGIN
	LOOP
		n := n + 1;
		b := a * b / (n + a * b);
		IF n > a THEN
			c := n * b / (n - a * (1 - b));
			IF 1 - c * exp(-(n - a) * t / h) >= target THEN
				RETURN n;
			END IF;
		END IF;
	END LOOP;
END $$;
-- runs: 3
-- bench: erlang_agents at 50 erlangs, 100,000 calls (calls/s = 1e8 / ours ms) | no target
-- ours
SELECT sum(erlang_agents(calls, '30 minutes', '180 seconds', 0.8, '20 seconds')) FROM bench_erlang_50;
-- theirs
SELECT sum(ceil(calls * 180 / 1800 + sqrt(calls * 180 / 1800))) FROM bench_erlang_50;
-- bench: erlang_agents at 500 erlangs, 100,000 calls (calls/s = 1e8 / ours ms) | no target
-- ours
SELECT sum(erlang_agents(calls, '30 minutes', '180 seconds', 0.8, '20 seconds')) FROM bench_erlang_500;
-- theirs
SELECT sum(ceil(calls * 180 / 1800 + sqrt(calls * 180 / 1800))) FROM bench_erlang_500;
-- bench: erlang_agents at 5,000 erlangs, 20,000 calls (calls/s = 2e7 / ours ms) | no target
-- ours
SELECT sum(erlang_agents(calls, '30 minutes', '180 seconds', 0.8, '20 seconds')) FROM bench_erlang_5000;
-- theirs
SELECT sum(ceil(calls * 180 / 1800 + sqrt(calls * 180 / 1800))) FROM bench_erlang_5000;
-- bench: staffing 10,000 intervals (1-100 erlangs), vs PL/pgSQL Erlang C scan | no target
-- ours
SELECT sum(erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds')) FROM bench_erlang_day;
-- theirs
SELECT sum(bench_erlang_agents_plpgsql(calls, '30 minutes', aht, 0.8, '20 seconds')) FROM bench_erlang_day;
-- bench: staffing 10,000 intervals, erlang_a_agents (patience 2 min) vs erlang_agents | no target
-- ours
SELECT sum(erlang_a_agents(calls, '30 minutes', aht, 0.8, '20 seconds', '2 minutes')) FROM bench_erlang_day;
-- theirs
SELECT sum(erlang_agents(calls, '30 minutes', aht, 0.8, '20 seconds')) FROM bench_erlang_day;
