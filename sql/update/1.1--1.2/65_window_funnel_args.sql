-- window_funnel since 1.2: the steps are arguments of their own (VARIADIC
-- "any"), read in place, instead of a boolean[] the executor builds for every
-- row (doc/funnel.md, "Performance").  The aggregates of 1.1 are replaced, and
-- their two transition functions, which nothing of 1.2 uses, are dropped (the
-- library keeps their C functions for a 1.1 catalog not yet upgraded).
DROP AGGREGATE window_funnel(interval, timestamptz, boolean[]);
DROP AGGREGATE window_funnel(interval, text, timestamptz, boolean[]);
DROP FUNCTION funnel_events_trans(funnel_events, interval, timestamptz, boolean[]);
DROP FUNCTION funnel_events_trans(funnel_events, interval, text, timestamptz, boolean[]);
-- window_funnel's steps are arguments of their own (VARIADIC "any": the
-- executor builds no array per row); an explicit VARIADIC boolean[] is read too.
CREATE FUNCTION window_funnel_trans(funnel_events, interval, timestamptz, VARIADIC "any") RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_trans(funnel_events, interval, timestamptz, "any") IS 'transition function of window_funnel(within, at, steps): the steps are boolean arguments';
CREATE FUNCTION window_funnel_trans(funnel_events, interval, text, timestamptz, VARIADIC "any") RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_trans_mode' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_trans(funnel_events, interval, text, timestamptz, "any") IS 'transition function of window_funnel(within, mode, at, steps): the steps are boolean arguments';
CREATE AGGREGATE window_funnel(within interval, at timestamptz, VARIADIC steps "any") (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, "any") IS 'ClickHouse windowFunnel: the most consecutive steps 1..n (boolean) done in order within one window after a step 1';
CREATE AGGREGATE window_funnel(within interval, mode text, at timestamptz, VARIADIC steps "any") (
	SFUNC = window_funnel_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, "any") IS 'ClickHouse windowFunnel with modes: strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry (comma-separated)';
