-- since 1.1

-- ---------------------------------------------------------------------------
-- Workforce staffing: Erlang C (M/M/n) and Erlang A (M/M/n+M) (src/erlang.c,
-- doc/erlang.md).  calls arrive during period; traffic = calls * aht / period.
-- ---------------------------------------------------------------------------
CREATE FUNCTION erlang_c(traffic float8, agents integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'erlang_c' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_c(float8, integer) IS 'Erlang C: probability that a call waits, for traffic in erlangs and a number of agents (1 when agents <= traffic)';

CREATE FUNCTION erlang_service_level(calls float8, period interval, aht interval, agents integer,
		answer_within interval) RETURNS float8
	AS 'MODULE_PATHNAME', 'erlang_service_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_service_level(float8, interval, interval, integer, interval) IS 'Erlang C: share of calls answered within answer_within (0 when agents <= traffic)';

CREATE FUNCTION erlang_asa(calls float8, period interval, aht interval, agents integer) RETURNS interval
	AS 'MODULE_PATHNAME', 'erlang_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_asa(float8, interval, interval, integer) IS 'Erlang C: average speed of answer over all calls (NULL when agents <= traffic: the queue grows without bound)';

CREATE FUNCTION erlang_agents(calls float8, period interval, aht interval, target_level float8,
		answer_within interval, shrinkage float8 DEFAULT 0) RETURNS integer
	AS 'MODULE_PATHNAME', 'erlang_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_agents(float8, interval, interval, float8, interval, float8) IS 'Erlang C: fewest agents answering target_level of calls within answer_within; with shrinkage s, ceil(agents / (1 - s)) to schedule';

CREATE FUNCTION occupancy(calls float8, period interval, aht interval, agents integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'erlang_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION occupancy(float8, interval, interval, integer) IS 'Erlang C: share of agent time spent handling calls, traffic / agents capped at 1 (NULL for 0 agents)';

CREATE FUNCTION erlang_a_service_level(calls float8, period interval, aht interval, agents integer,
		answer_within interval, patience interval) RETURNS float8
	AS 'MODULE_PATHNAME', 'erlang_a_service_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_a_service_level(float8, interval, interval, integer, interval, interval) IS 'Erlang A (M/M/n+M): share of all calls answered within answer_within, callers abandoning after an exponential patience of the given mean (abandoned calls count against the level)';

CREATE FUNCTION erlang_a_abandon_rate(calls float8, period interval, aht interval, agents integer,
		patience interval) RETURNS float8
	AS 'MODULE_PATHNAME', 'erlang_a_abandon_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_a_abandon_rate(float8, interval, interval, integer, interval) IS 'Erlang A (M/M/n+M): share of all calls that abandon before an agent answers';

CREATE FUNCTION erlang_a_asa(calls float8, period interval, aht interval, agents integer,
		patience interval) RETURNS interval
	AS 'MODULE_PATHNAME', 'erlang_a_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_a_asa(float8, interval, interval, integer, interval) IS 'Erlang A (M/M/n+M): average speed of answer over answered calls (NULL for 0 agents)';

CREATE FUNCTION erlang_a_agents(calls float8, period interval, aht interval, target_level float8,
		answer_within interval, patience interval, shrinkage float8 DEFAULT 0) RETURNS integer
	AS 'MODULE_PATHNAME', 'erlang_a_agents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION erlang_a_agents(float8, interval, interval, float8, interval, interval, float8) IS 'Erlang A (M/M/n+M): fewest agents answering target_level of all calls within answer_within; with shrinkage s, ceil(agents / (1 - s)) to schedule';
