-- since 1.2
-- ---------------------------------------------------------------------------
-- window_funnel_steps: the times of the steps of the chain window_funnel counts
-- (same state, same transition, same modes; another final function)
-- ---------------------------------------------------------------------------
CREATE FUNCTION window_funnel_steps_final(funnel_events) RETURNS timestamptz[]
	AS 'MODULE_PATHNAME', 'funnel_events_window_funnel_steps' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_steps_final(funnel_events) IS 'final function of window_funnel_steps: the times of the steps of the chain window_funnel counts (empty without events)';

CREATE AGGREGATE window_funnel_steps(within interval, at timestamptz, VARIADIC steps "any") (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_steps_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_steps(interval, timestamptz, "any") IS 'the times of steps 1..k of the chain window_funnel(within, at, steps) counts: k elements, k its answer';
CREATE AGGREGATE window_funnel_steps(within interval, mode text, at timestamptz, VARIADIC steps "any") (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_steps_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_steps(interval, text, timestamptz, "any") IS 'the times of the steps of the chain window_funnel(within, mode, at, steps) counts, with the same modes';

-- window_funnel with no step at all (nothing to reach: 0), as ClickHouse's
-- windowFunnel with no condition; PostgreSQL matches a VARIADIC parameter to
-- one argument at least, so these are forms of their own (the same C functions).
CREATE FUNCTION window_funnel_trans(funnel_events, interval, timestamptz) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_trans(funnel_events, interval, timestamptz) IS 'transition function of window_funnel(within, at): no step';
CREATE FUNCTION window_funnel_trans(funnel_events, interval, text, timestamptz) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_trans_mode' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_trans(funnel_events, interval, text, timestamptz) IS 'transition function of window_funnel(within, mode, at): no step';
CREATE AGGREGATE window_funnel(within interval, at timestamptz) (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz) IS 'window_funnel with no step: 0 (the window is still checked)';
CREATE AGGREGATE window_funnel(within interval, mode text, at timestamptz) (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz) IS 'window_funnel with modes and no step: 0 (the window and mode are still checked)';
