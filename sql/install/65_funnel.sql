-- since 1.1
-- ---------------------------------------------------------------------------
-- Event funnels with ClickHouse's semantics: window_funnel, retention,
-- sequence_match, sequence_count
-- ---------------------------------------------------------------------------
CREATE TYPE funnel_events;

CREATE FUNCTION funnel_events_in(cstring, oid, integer) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_in(cstring, oid, integer) IS 'text input of funnel_events (timestamps read in the session time zone)';
CREATE FUNCTION funnel_events_out(funnel_events) RETURNS cstring
	AS 'MODULE_PATHNAME', 'funnel_events_out' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_out(funnel_events) IS 'text output of funnel_events (timestamps shown in the session time zone)';
CREATE FUNCTION funnel_events_recv(internal) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_recv(internal) IS 'binary input of funnel_events (validated like text input)';
CREATE FUNCTION funnel_events_send(funnel_events) RETURNS bytea
	AS 'MODULE_PATHNAME', 'funnel_events_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_send(funnel_events) IS 'binary output of funnel_events (version byte first)';

CREATE TYPE funnel_events (
	INPUT = funnel_events_in,
	OUTPUT = funnel_events_out,
	RECEIVE = funnel_events_recv,
	SEND = funnel_events_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE funnel_events IS 'state of window_funnel and sequence_match/sequence_count: the parameters, and a timestamp and a step bitmask per event that matches some step';

-- @equality_type funnel_events funnel_events
COMMENT ON OPERATOR = (funnel_events, funnel_events) IS 'equal: same parameters and the same events, in any order';

-- aggregate support functions (not STRICT: NULL timestamps and conditions are
-- data, skipped or false; parameters may not be NULL).  STABLE: a window
-- with days or months is added to a timestamptz in the session time zone.
CREATE FUNCTION funnel_events_trans(funnel_events, text, timestamptz, VARIADIC boolean[]) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_trans_sequence' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_trans(funnel_events, text, timestamptz, boolean[]) IS 'transition function of sequence_match and sequence_count(pattern, at, conds)';
CREATE FUNCTION funnel_events_combine(funnel_events, funnel_events) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_combine(funnel_events, funnel_events) IS 'combine function of the funnel aggregates: the events of both (order does not matter)';
CREATE FUNCTION window_funnel_final(funnel_events) RETURNS integer
	AS 'MODULE_PATHNAME', 'funnel_events_window_funnel' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION window_funnel_final(funnel_events) IS 'final function of window_funnel: the furthest step reached in one window (0 without events)';
CREATE FUNCTION sequence_match_final(funnel_events) RETURNS boolean
	AS 'MODULE_PATHNAME', 'funnel_events_sequence_match' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_match_final(funnel_events) IS 'final function of sequence_match: does the pattern match (false without events)';
CREATE FUNCTION sequence_count_final(funnel_events) RETURNS bigint
	AS 'MODULE_PATHNAME', 'funnel_events_sequence_count' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_count_final(funnel_events) IS 'final function of sequence_count: non-overlapping matches of the pattern (0 without events)';

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
CREATE AGGREGATE sequence_match(pattern text, at timestamptz, VARIADIC conds boolean[]) (
	SFUNC = funnel_events_trans, STYPE = funnel_events,
	FINALFUNC = sequence_match_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_match(text, timestamptz, boolean[]) IS 'ClickHouse sequenceMatch: does the events'' sequence match the pattern ((?N), ., .*, (?t op seconds))';
CREATE AGGREGATE sequence_count(pattern text, at timestamptz, VARIADIC conds boolean[]) (
	SFUNC = funnel_events_trans, STYPE = funnel_events,
	FINALFUNC = sequence_count_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_count(text, timestamptz, boolean[]) IS 'ClickHouse sequenceCount: how many non-overlapping chains match the pattern';

-- retention: the state is a bigint (condition bits and their number)
CREATE FUNCTION retention_trans(bigint, VARIADIC boolean[]) RETURNS bigint
	AS 'MODULE_PATHNAME', 'retention_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION retention_trans(bigint, boolean[]) IS 'transition function of retention: ors in the conditions a row meets';
CREATE FUNCTION retention_combine(bigint, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'retention_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_combine(bigint, bigint) IS 'combine function of retention';
CREATE FUNCTION retention_final(bigint) RETURNS boolean[]
	AS 'MODULE_PATHNAME', 'retention_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_final(bigint) IS 'final function of retention';
CREATE AGGREGATE retention(VARIADIC conds boolean[]) (
	SFUNC = retention_trans, STYPE = bigint,
	FINALFUNC = retention_final, COMBINEFUNC = retention_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE retention(boolean[]) IS 'ClickHouse retention: element 1 is whether some row met condition 1; element i whether some row met condition 1 and some row met condition i';
