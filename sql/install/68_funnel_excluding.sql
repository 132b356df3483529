-- since 1.2
-- ---------------------------------------------------------------------------
-- window_funnel_excluding: window_funnel with an exclusion condition; a row
-- meeting it between step i and step i+1 of a chain breaks that chain
-- (PostHog's exclusion steps; doc/funnel.md).  Same state, kind
-- window_funnel_excluding, and the same final function as window_funnel.
-- ---------------------------------------------------------------------------
CREATE FUNCTION window_funnel_excluding_trans(funnel_events, interval, timestamptz, boolean, VARIADIC "any") RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_excluding_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_excluding_trans(funnel_events, interval, timestamptz, boolean, "any") IS 'transition function of window_funnel_excluding(within, at, exclude, steps)';
CREATE FUNCTION window_funnel_excluding_trans(funnel_events, interval, text, timestamptz, boolean, VARIADIC "any") RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'window_funnel_excluding_trans_mode' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_excluding_trans(funnel_events, interval, text, timestamptz, boolean, "any") IS 'transition function of window_funnel_excluding(within, mode, at, exclude, steps)';

CREATE AGGREGATE window_funnel_excluding(within interval, at timestamptz, exclude boolean, VARIADIC steps "any") (
	SFUNC = window_funnel_excluding_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_excluding(interval, timestamptz, boolean, "any") IS 'window_funnel where a row meeting exclude between step i and step i+1 of a chain breaks that chain (PostHog exclusion steps)';
CREATE AGGREGATE window_funnel_excluding(within interval, mode text, at timestamptz, exclude boolean, VARIADIC steps "any") (
	SFUNC = window_funnel_excluding_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel_excluding(interval, text, timestamptz, boolean, "any") IS 'window_funnel_excluding with window_funnel''s modes';
