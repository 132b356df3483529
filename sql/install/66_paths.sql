-- since 1.2
-- ---------------------------------------------------------------------------
-- Paths: sessionize (window function), sequence_next_node (ClickHouse's
-- sequenceNextNode) and markov_attribution (removal effect across journeys)
-- ---------------------------------------------------------------------------

-- sessionize(at, gap) OVER (PARTITION BY customer ORDER BY at)
CREATE FUNCTION sessionize(at timestamptz, gap interval) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sessionize_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sessionize(timestamptz, interval) IS 'window function: session number (from 1) of the row in its partition, a new session after more than gap of inactivity; NULL for a row without a time or gap';

-- sequence_next_node: the state path_events holds the group's events (time,
-- event bits, base flag, value), packed in one growing varlena; a real type
-- with text and binary forms, so partial states travel to parallel workers,
-- postgres_fdw and dumps as they are
CREATE TYPE path_events;

CREATE FUNCTION path_events_in(cstring, oid, integer) RETURNS path_events
	AS 'MODULE_PATHNAME', 'path_events_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION path_events_in(cstring, oid, integer) IS 'text input of path_events (times read in the session time zone)';
CREATE FUNCTION path_events_out(path_events) RETURNS cstring
	AS 'MODULE_PATHNAME', 'path_events_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION path_events_out(path_events) IS 'text output of path_events (times in ISO and UTC)';
CREATE FUNCTION path_events_recv(internal) RETURNS path_events
	AS 'MODULE_PATHNAME', 'path_events_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION path_events_recv(internal) IS 'binary input of path_events (validated like text input)';
CREATE FUNCTION path_events_send(path_events) RETURNS bytea
	AS 'MODULE_PATHNAME', 'path_events_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION path_events_send(path_events) IS 'binary output of path_events (version byte first)';

CREATE TYPE path_events (
	INPUT = path_events_in,
	OUTPUT = path_events_out,
	RECEIVE = path_events_recv,
	SEND = path_events_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE path_events IS 'state of sequence_next_node: the direction, the base, the number of events, and per row its time, the events and base condition it meets, and its value';

-- @equality_type path_events path_events
COMMENT ON OPERATOR = (path_events, path_events) IS 'equal: same parameters and the same events, in any order';

-- the events are arguments of their own (VARIADIC "any": the executor builds
-- no array per row); an explicit VARIADIC boolean[] is read too
CREATE FUNCTION sequence_next_node_trans(path_events, text, text, timestamptz, text, boolean, VARIADIC "any") RETURNS path_events
	AS 'MODULE_PATHNAME', 'path_events_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_trans(path_events, text, text, timestamptz, text, boolean, "any") IS 'transition function of sequence_next_node(direction, base, at, value, base_condition, events): the events are boolean arguments';
CREATE FUNCTION sequence_next_node_trans(path_events, text, text, timestamptz, text, boolean) RETURNS path_events
	AS 'MODULE_PATHNAME', 'path_events_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_trans(path_events, text, text, timestamptz, text, boolean) IS 'transition function of sequence_next_node(direction, base, at, value, base_condition)';
CREATE FUNCTION sequence_next_node_combine(path_events, path_events) RETURNS path_events
	AS 'MODULE_PATHNAME', 'path_events_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_combine(path_events, path_events) IS 'combine function of sequence_next_node: the events of both (order does not matter)';
CREATE FUNCTION sequence_next_node_final(path_events) RETURNS text
	AS 'MODULE_PATHNAME', 'path_events_next_node' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_final(path_events) IS 'final function of sequence_next_node: the value of the event after the chain, or NULL';

CREATE AGGREGATE sequence_next_node(direction text, base text, at timestamptz, value text,
		base_condition boolean, VARIADIC events "any") (
	SFUNC = sequence_next_node_trans, STYPE = path_events,
	FINALFUNC = sequence_next_node_final, COMBINEFUNC = sequence_next_node_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_next_node(text, text, timestamptz, text, boolean, "any") IS 'ClickHouse sequenceNextNode: the value of the event right after (forward) or before (backward) the chain of events 1..n (boolean) from the base (head, tail, first_match, last_match)';
CREATE AGGREGATE sequence_next_node(direction text, base text, at timestamptz, value text,
		base_condition boolean) (
	SFUNC = sequence_next_node_trans, STYPE = path_events,
	FINALFUNC = sequence_next_node_final, COMBINEFUNC = sequence_next_node_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_next_node(text, text, timestamptz, text, boolean) IS 'ClickHouse sequenceNextNode without events: the value of the base (head or tail) when it meets base_condition';

-- markov_attribution: the state is the transition counts between channels
CREATE TYPE channel_credit AS (channel interaction_channel, credit double precision);
COMMENT ON TYPE channel_credit IS 'a channel''s share of the conversions (channel NULL: touchpoints without a channel)';

CREATE FUNCTION markov_attribution_trans(bigint[], journey) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'markov_attribution_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION markov_attribution_trans(bigint[], journey) IS 'transition function of markov_attribution: counts the journey''s transitions (NULL journeys skipped)';
CREATE FUNCTION markov_attribution_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'markov_attribution_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION markov_attribution_combine(bigint[], bigint[]) IS 'combine function of markov_attribution: the counts added';
CREATE FUNCTION markov_attribution_final(bigint[]) RETURNS channel_credit[]
	AS 'MODULE_PATHNAME', 'markov_attribution_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION markov_attribution_final(bigint[]) IS 'final function of markov_attribution: conversions shared by removal effect';

-- the state is a bigint[] of 15 x 16 transition counts (a real type: parallel
-- workers, postgres_fdw and Citus ship it as it is)
CREATE AGGREGATE markov_attribution(journey) (
	SFUNC = markov_attribution_trans, STYPE = bigint[],
	FINALFUNC = markov_attribution_final,
	COMBINEFUNC = markov_attribution_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE markov_attribution(journey) IS 'data-driven attribution: the conversions (first acquisition touchpoints) shared among channels by their removal effect in a first-order Markov chain';
