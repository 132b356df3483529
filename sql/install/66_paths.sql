-- since 1.2
-- ---------------------------------------------------------------------------
-- Paths: sessionize (window function), sequence_next_node (ClickHouse's
-- sequenceNextNode) and markov_attribution (removal effect across journeys)
-- ---------------------------------------------------------------------------

-- sessionize(at, gap) OVER (PARTITION BY customer ORDER BY at)
CREATE FUNCTION sessionize(at timestamptz, gap interval) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sessionize_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sessionize(timestamptz, interval) IS 'window function: session number (from 1) of the row in its partition, a new session after more than gap of inactivity; NULL for a row without a time or gap';

-- sequence_next_node: the state is internal (the group's events with their
-- values), serialised for parallel workers; SSPACE: a few hundred bytes for a
-- group of a dozen events, so the planner hashes customers' groups as it
-- does for count(*)
CREATE FUNCTION sequence_next_node_trans(internal, text, text, timestamptz, text, boolean, VARIADIC boolean[]) RETURNS internal
	AS 'MODULE_PATHNAME', 'sequence_next_node_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_trans(internal, text, text, timestamptz, text, boolean, boolean[]) IS 'transition function of sequence_next_node(direction, base, at, value, base_condition, events)';
CREATE FUNCTION sequence_next_node_trans(internal, text, text, timestamptz, text, boolean) RETURNS internal
	AS 'MODULE_PATHNAME', 'sequence_next_node_trans_noevents' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_trans(internal, text, text, timestamptz, text, boolean) IS 'transition function of sequence_next_node(direction, base, at, value, base_condition)';
CREATE FUNCTION sequence_next_node_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'sequence_next_node_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_combine(internal, internal) IS 'combine function of sequence_next_node: the events of both';
CREATE FUNCTION sequence_next_node_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'sequence_next_node_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_serialize(internal) IS 'serialisation of the sequence_next_node state (version byte first)';
CREATE FUNCTION sequence_next_node_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'sequence_next_node_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_deserialize(bytea, internal) IS 'deserialisation of the sequence_next_node state (validated)';
CREATE FUNCTION sequence_next_node_final(internal) RETURNS text
	AS 'MODULE_PATHNAME', 'sequence_next_node_final' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION sequence_next_node_final(internal) IS 'final function of sequence_next_node: the value of the event after the chain, or NULL';

CREATE AGGREGATE sequence_next_node(direction text, base text, at timestamptz, value text,
		base_condition boolean, VARIADIC events boolean[]) (
	SFUNC = sequence_next_node_trans, STYPE = internal, SSPACE = 512,
	FINALFUNC = sequence_next_node_final,
	COMBINEFUNC = sequence_next_node_combine,
	SERIALFUNC = sequence_next_node_serialize, DESERIALFUNC = sequence_next_node_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sequence_next_node(text, text, timestamptz, text, boolean, boolean[]) IS 'ClickHouse sequenceNextNode: the value of the event right after (forward) or before (backward) the chain of events 1..n from the base (head, tail, first_match, last_match)';
CREATE AGGREGATE sequence_next_node(direction text, base text, at timestamptz, value text,
		base_condition boolean) (
	SFUNC = sequence_next_node_trans, STYPE = internal, SSPACE = 512,
	FINALFUNC = sequence_next_node_final,
	COMBINEFUNC = sequence_next_node_combine,
	SERIALFUNC = sequence_next_node_serialize, DESERIALFUNC = sequence_next_node_deserialize,
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
