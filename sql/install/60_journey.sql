-- since 1.1

-- ---------------------------------------------------------------------------
-- journey: one customer's touchpoints in time order (src/journey.c, doc/journey.md)
-- ---------------------------------------------------------------------------
CREATE TYPE journey;

CREATE FUNCTION journey_in(cstring, oid, integer) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_in(cstring, oid, integer) IS 'journey input: ''[time stage[/channel], ...]'' (times without an offset are in the session time zone)';
CREATE FUNCTION journey_out(journey) RETURNS cstring
	AS 'MODULE_PATHNAME', 'journey_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_out(journey) IS 'journey output: touchpoints in order, times in ISO form in UTC';
CREATE FUNCTION journey_recv(internal, oid, integer) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_recv(internal, oid, integer) IS 'journey binary input (validated like text input)';
CREATE FUNCTION journey_send(journey) RETURNS bytea
	AS 'MODULE_PATHNAME', 'journey_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_send(journey) IS 'journey binary output (version byte first)';

CREATE TYPE journey (
	INPUT = journey_in,
	OUTPUT = journey_out,
	RECEIVE = journey_recv,
	SEND = journey_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE journey IS 'a customer''s touchpoints (time, journey_stage, interaction_channel or none) in time order';

CREATE CAST (text AS journey) WITH INOUT AS ASSIGNMENT;
CREATE CAST (journey AS text) WITH INOUT AS ASSIGNMENT;

-- journey_agg ----------------------------------------------------------------
-- (the transition functions skip rows without a time or stage themselves: not
-- STRICT, so that a NULL channel can mean "no channel")
CREATE FUNCTION journey_agg_trans(journey, timestamptz, journey_stage) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_agg_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION journey_agg_trans(journey, timestamptz, journey_stage) IS 'transition function of journey_agg(at, stage)';
CREATE FUNCTION journey_agg_trans(journey, timestamptz, journey_stage, interaction_channel) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_agg_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION journey_agg_trans(journey, timestamptz, journey_stage, interaction_channel) IS 'transition function of journey_agg(at, stage, channel)';
CREATE FUNCTION journey_agg_combine(journey, journey) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_agg_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_agg_combine(journey, journey) IS 'combine function of journey_agg and transition function of rollup(journey) (states stay unsorted until the final function)';
CREATE FUNCTION journey_agg_final(journey) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_agg_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_agg_final(journey) IS 'final function of journey_agg: the touchpoints sorted';

CREATE AGGREGATE journey_agg(at timestamptz, stage journey_stage) (
	SFUNC = journey_agg_trans, STYPE = journey,
	COMBINEFUNC = journey_agg_combine, FINALFUNC = journey_agg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_agg(timestamptz, journey_stage) IS 'the journey of the rows'' touchpoints (rows without a time or stage skipped)';
CREATE AGGREGATE journey_agg(at timestamptz, stage journey_stage, channel interaction_channel) (
	SFUNC = journey_agg_trans, STYPE = journey,
	COMBINEFUNC = journey_agg_combine, FINALFUNC = journey_agg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE journey_agg(timestamptz, journey_stage, interaction_channel) IS 'the journey of the rows'' touchpoints (rows without a time or stage skipped; a NULL channel is none)';
-- stage and channel stored as text (since 1.2)
-- @journey_agg_labels text

CREATE AGGREGATE rollup(journey) (
	SFUNC = journey_agg_combine, STYPE = journey,
	COMBINEFUNC = journey_agg_combine, FINALFUNC = journey_agg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(journey) IS 'one journey of the touchpoints of all the journeys (stored journey_agg results re-aggregated)';

CREATE FUNCTION journey_concat(journey, journey) RETURNS journey
	AS 'MODULE_PATHNAME', 'journey_concat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_concat(journey, journey) IS 'the touchpoints of both journeys, merged in order (the || operator)';
CREATE OPERATOR || (LEFTARG = journey, RIGHTARG = journey, FUNCTION = journey_concat);
COMMENT ON OPERATOR || (journey, journey) IS 'merges two journeys';

-- @equality_type journey journey
COMMENT ON OPERATOR = (journey, journey) IS 'equal: the same touchpoints';

-- accessors --------------------------------------------------------------------
CREATE FUNCTION touchpoints(journey) RETURNS integer
	AS 'MODULE_PATHNAME', 'journey_touchpoints' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION touchpoints(journey) IS 'number of touchpoints of a journey';
CREATE FUNCTION first_touch(journey) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'journey_first_touch' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION first_touch(journey) IS 'time of the first touchpoint (NULL for an empty journey)';
CREATE FUNCTION last_touch(journey) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'journey_last_touch' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION last_touch(journey) IS 'time of the latest touchpoint (NULL for an empty journey)';
CREATE FUNCTION current_stage(journey) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'journey_current_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION current_stage(journey) IS 'stage of the latest touchpoint (the highest one on a tie)';
CREATE FUNCTION furthest_stage(journey) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'journey_furthest_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION furthest_stage(journey) IS 'the highest stage any touchpoint reached';
CREATE FUNCTION reached(journey, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'journey_reached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION reached(journey, journey_stage) IS 'true when some touchpoint is at the stage or beyond (the @> operator)';
CREATE OPERATOR @> (LEFTARG = journey, RIGHTARG = journey_stage, FUNCTION = reached);
COMMENT ON OPERATOR @> (journey, journey_stage) IS 'the journey reached the stage (or beyond)';
CREATE FUNCTION time_to_stage(journey, journey_stage) RETURNS interval
	AS 'MODULE_PATHNAME', 'journey_time_to_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_to_stage(journey, journey_stage) IS 'from the first touchpoint to the first at the stage or beyond; NULL if never';
CREATE FUNCTION time_in_stage(journey, journey_stage) RETURNS interval
	AS 'MODULE_PATHNAME', 'journey_time_in_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION time_in_stage(journey, journey_stage) IS 'sum of the gaps from each touchpoint at the stage to the next touchpoint; NULL if none is at the stage';
CREATE FUNCTION unnest(journey, OUT at timestamptz, OUT stage journey_stage, OUT channel interaction_channel)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'journey_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 10;
COMMENT ON FUNCTION unnest(journey) IS 'the touchpoints of a journey as rows (at, stage, channel), in order';

CREATE FUNCTION stage_funnel(journey, within interval) RETURNS integer
	AS 'MODULE_PATHNAME', 'journey_stage_funnel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stage_funnel(journey, interval) IS 'how many stages of awareness..advocacy the journey completed in order, each within "within" of the previous step (0..5)';

CREATE FUNCTION attribution(journey, model text DEFAULT 'linear', half_life interval DEFAULT '7 days',
	lookback interval DEFAULT NULL,
	OUT channel interaction_channel, OUT credit double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'journey_attribution' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
	ROWS 3;
COMMENT ON FUNCTION attribution(journey, text, interval, interval) IS 'credit per channel (summing to 1) for the conversion (first touchpoint at acquisition or beyond), over the touchpoints up to it and at most lookback before it (NULL: no limit): first_touch, last_touch, linear, time_decay (half_life), position_based (40/20/40); a NULL journey, model or half_life gives no rows';
