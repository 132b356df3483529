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
