-- interaction extension: upgrade from 1.0 to 1.1, as released (frozen; never edited)
\echo Use "ALTER EXTENSION interaction UPDATE TO '1.1'" to load this file. \quit
-- Statements that change objects of 1.0 go in this folder, one file per concept
-- (NN_concept.sql, applied in name order, before the parts new in 1.1).
-- 1.1 is a trusted extension (interaction.control): a database owner who is not
-- a superuser may create it, and then owns no object of it (the bootstrap
-- superuser does).  The user who installs it keeps the right to edit the stage
-- rules, as in a fresh install (sql/install/20_classify.sql).
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON interaction_stage_rules TO @extowner@;
-- since 1.1
-- ---------------------------------------------------------------------------
-- Kind and urgency classification: the engine of classify_stage() over two
-- more taxonomies, each a built-in vocabulary plus a rules table
-- (src/classify.c, doc/classify.md)
-- ---------------------------------------------------------------------------

-- The trigger function of the rules tables of 1.1 (VOLATILE; triggers never fire
-- in a parallel worker, SAFE like every function of the extension).
CREATE FUNCTION interaction_rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'classify_rules_invalidate' LANGUAGE C VOLATILE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_rules_changed() IS 'trigger: tells every session to reload the rules table it is attached to';

-- The user rules of classify_kind() and classify_urgency(): one table each, made like
-- interaction_stage_rules (a phrase read as words, unique by its words; kept by pg_dump;
-- readable by everyone, writable by the extension's owner; a row trigger and a
-- TRUNCATE trigger, both ENABLE ALWAYS so that replicated rules reach open sessions,
-- see 20_classify.sql).  Plain DDL, no dynamic SQL: the script runs as superuser.
CREATE TABLE interaction_kind_rules (
	phrase text PRIMARY KEY
		CONSTRAINT interaction_kind_rules_phrase_has_words
		CHECK (touchpoint_words(phrase) OPERATOR(pg_catalog.<>) ''),
	kind interaction_kind NOT NULL
);
COMMENT ON TABLE interaction_kind_rules IS 'user rules for classify_kind(): they beat the built-in vocabulary';
CREATE UNIQUE INDEX interaction_kind_rules_words_key ON interaction_kind_rules (touchpoint_words(phrase));
SELECT pg_catalog.pg_extension_config_dump('interaction_kind_rules', '');
GRANT SELECT ON interaction_kind_rules TO PUBLIC;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON interaction_kind_rules TO @extowner@;
CREATE TRIGGER interaction_kind_rules_changed AFTER INSERT OR UPDATE OR DELETE ON interaction_kind_rules
	FOR EACH ROW EXECUTE FUNCTION interaction_rules_changed();
ALTER TABLE interaction_kind_rules ENABLE ALWAYS TRIGGER interaction_kind_rules_changed;
CREATE TRIGGER interaction_kind_rules_truncated AFTER TRUNCATE ON interaction_kind_rules
	FOR EACH STATEMENT EXECUTE FUNCTION interaction_rules_changed();
ALTER TABLE interaction_kind_rules ENABLE ALWAYS TRIGGER interaction_kind_rules_truncated;

CREATE TABLE interaction_urgency_rules (
	phrase text PRIMARY KEY
		CONSTRAINT interaction_urgency_rules_phrase_has_words
		CHECK (touchpoint_words(phrase) OPERATOR(pg_catalog.<>) ''),
	urgency interaction_urgency NOT NULL
);
COMMENT ON TABLE interaction_urgency_rules IS 'user rules for classify_urgency(): they beat the built-in vocabulary';
CREATE UNIQUE INDEX interaction_urgency_rules_words_key ON interaction_urgency_rules (touchpoint_words(phrase));
SELECT pg_catalog.pg_extension_config_dump('interaction_urgency_rules', '');
GRANT SELECT ON interaction_urgency_rules TO PUBLIC;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON interaction_urgency_rules TO @extowner@;
CREATE TRIGGER interaction_urgency_rules_changed AFTER INSERT OR UPDATE OR DELETE ON interaction_urgency_rules
	FOR EACH ROW EXECUTE FUNCTION interaction_rules_changed();
ALTER TABLE interaction_urgency_rules ENABLE ALWAYS TRIGGER interaction_urgency_rules_changed;
CREATE TRIGGER interaction_urgency_rules_truncated AFTER TRUNCATE ON interaction_urgency_rules
	FOR EACH STATEMENT EXECUTE FUNCTION interaction_rules_changed();
ALTER TABLE interaction_urgency_rules ENABLE ALWAYS TRIGGER interaction_urgency_rules_truncated;

-- STABLE: they read their rules table (one answer per statement).
CREATE FUNCTION classify_kind(text) RETURNS interaction_kind
	AS 'MODULE_PATHNAME', 'classify_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION classify_kind(text) IS 'what an interaction is about, from its subject, transcript line or ticket text (user rules, then the built-in vocabulary; negation counts); NULL when nothing matches';
CREATE FUNCTION classify_urgency(text) RETURNS interaction_urgency
	AS 'MODULE_PATHNAME', 'classify_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION classify_urgency(text) IS 'how soon an interaction needs an answer, from its text (user rules, then the built-in vocabulary; negation counts); NULL when nothing matches';

CREATE FUNCTION kind_vocabulary(OUT phrase text, OUT kind interaction_kind) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'classify_vocabulary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 150;
COMMENT ON FUNCTION kind_vocabulary() IS 'the built-in vocabulary of classify_kind()';
CREATE FUNCTION urgency_vocabulary(OUT phrase text, OUT urgency interaction_urgency) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'classify_vocabulary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION urgency_vocabulary() IS 'the built-in vocabulary of classify_urgency()';
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

-- ---------------------------------------------------------------------------
-- journey: equality operators (made from sql/install/equality_type.sql.in; the
-- C functions are journey_*)
-- ---------------------------------------------------------------------------
CREATE FUNCTION journey_eq(journey, journey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'journey_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_eq(journey, journey) IS 'implementation of = for journey';
CREATE FUNCTION journey_ne(journey, journey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'journey_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION journey_ne(journey, journey) IS 'implementation of <> for journey';

CREATE OPERATOR = (LEFTARG = journey, RIGHTARG = journey, PROCEDURE = journey_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR <> (LEFTARG = journey, RIGHTARG = journey, PROCEDURE = journey_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
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
	OUT channel interaction_channel, OUT credit double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'journey_attribution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 3;
COMMENT ON FUNCTION attribution(journey, text, interval) IS 'credit per channel (summing to 1) for the first acquisition, over the touchpoints up to it: first_touch, last_touch, linear, time_decay (half_life), position_based (40/20/40)';
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

-- ---------------------------------------------------------------------------
-- funnel_events: equality operators (made from sql/install/equality_type.sql.in; the
-- C functions are funnel_events_*)
-- ---------------------------------------------------------------------------
CREATE FUNCTION funnel_events_eq(funnel_events, funnel_events) RETURNS boolean
	AS 'MODULE_PATHNAME', 'funnel_events_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_eq(funnel_events, funnel_events) IS 'implementation of = for funnel_events';
CREATE FUNCTION funnel_events_ne(funnel_events, funnel_events) RETURNS boolean
	AS 'MODULE_PATHNAME', 'funnel_events_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_ne(funnel_events, funnel_events) IS 'implementation of <> for funnel_events';

CREATE OPERATOR = (LEFTARG = funnel_events, RIGHTARG = funnel_events, PROCEDURE = funnel_events_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR <> (LEFTARG = funnel_events, RIGHTARG = funnel_events, PROCEDURE = funnel_events_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR = (funnel_events, funnel_events) IS 'equal: same parameters and the same events, in any order';

-- aggregate support functions (not STRICT: NULL timestamps and conditions are
-- data, skipped or false; parameters may not be NULL).  STABLE: a window
-- with days or months is added to a timestamptz in the session time zone.
CREATE FUNCTION funnel_events_trans(funnel_events, interval, timestamptz, VARIADIC boolean[]) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_trans_window' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_trans(funnel_events, interval, timestamptz, boolean[]) IS 'transition function of window_funnel(within, at, steps)';
CREATE FUNCTION funnel_events_trans(funnel_events, interval, text, timestamptz, VARIADIC boolean[]) RETURNS funnel_events
	AS 'MODULE_PATHNAME', 'funnel_events_trans_window_mode' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION funnel_events_trans(funnel_events, interval, text, timestamptz, boolean[]) IS 'transition function of window_funnel(within, mode, at, steps)';
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

CREATE AGGREGATE window_funnel(within interval, at timestamptz, VARIADIC steps boolean[]) (
	SFUNC = funnel_events_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, timestamptz, boolean[]) IS 'ClickHouse windowFunnel: the most consecutive steps 1..n done in order within one window after a step 1';
CREATE AGGREGATE window_funnel(within interval, mode text, at timestamptz, VARIADIC steps boolean[]) (
	SFUNC = funnel_events_trans, STYPE = funnel_events,
	FINALFUNC = window_funnel_final, COMBINEFUNC = funnel_events_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE window_funnel(interval, text, timestamptz, boolean[]) IS 'ClickHouse windowFunnel with modes: strict_order, strict_deduplication, strict_increase, strict_once, allow_reentry (comma-separated)';
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
-- since 1.1

-- ---------------------------------------------------------------------------
-- Workforce staffing: Erlang C (M/M/n) and Erlang A (M/M/n+M) (src/erlang.c,
-- doc/workforce.md).  calls arrive during period; traffic = calls * aht / period.
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
-- since 1.1
-- ---------------------------------------------------------------------------
-- business_hours: when a team works, in its own time zone; working time,
-- SLA due times, opening and closing (DESIGN section 12)
--
-- The functions are IMMUTABLE like core's timezone(text, timestamptz): their
-- results depend on the arguments and the server's time zone database only,
-- never on the session's TimeZone or DateStyle (dates in the text form are
-- ISO only).
-- ---------------------------------------------------------------------------
CREATE TYPE business_hours;

CREATE FUNCTION business_hours_in(cstring, oid, integer) RETURNS business_hours
	AS 'MODULE_PATHNAME', 'business_hours_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_in(cstring, oid, integer) IS 'business_hours input: ''mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-25''';
CREATE FUNCTION business_hours_out(business_hours) RETURNS cstring
	AS 'MODULE_PATHNAME', 'business_hours_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_out(business_hours) IS 'business_hours output: the canonical text form';
CREATE FUNCTION business_hours_recv(internal, oid, integer) RETURNS business_hours
	AS 'MODULE_PATHNAME', 'business_hours_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_recv(internal, oid, integer) IS 'business_hours binary input (version byte, then the text form, validated like text input)';
CREATE FUNCTION business_hours_send(business_hours) RETURNS bytea
	AS 'MODULE_PATHNAME', 'business_hours_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_send(business_hours) IS 'business_hours binary output (version byte, then the canonical text form)';

CREATE TYPE business_hours (
	INPUT = business_hours_in,
	OUTPUT = business_hours_out,
	RECEIVE = business_hours_recv,
	SEND = business_hours_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE business_hours IS 'opening hours in a time zone, with closed and exceptional open dates, e.g. ''mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-25''';

CREATE CAST (text AS business_hours) WITH INOUT AS ASSIGNMENT;
CREATE CAST (business_hours AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION business_time(h business_hours, "from" timestamptz, "to" timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'business_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_time(business_hours, timestamptz, timestamptz) IS 'working time in [from, to) in hours, minutes and seconds; negative when to < from';

CREATE FUNCTION business_add(h business_hours, "from" timestamptz, work interval) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_add(business_hours, timestamptz, interval) IS 'the instant at which work (hours, minutes, seconds) of working time has passed since from: an SLA due time; work 0 gives the next opening';

CREATE FUNCTION is_open(h business_hours, at timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME', 'business_is_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_open(business_hours, timestamptz) IS 'whether the calendar is open at an instant';

CREATE FUNCTION next_open(h business_hours, at timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_next_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_open(business_hours, timestamptz) IS 'the first open instant at or after at (at itself when open); NULL when it never opens again';

CREATE FUNCTION next_close(h business_hours, at timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_next_close' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_close(business_hours, timestamptz) IS 'the first closed instant at or after at (at itself when closed); NULL when it never closes again';

-- equality of calendars (same hours, zone and dates), with hashing for GROUP BY
-- ---------------------------------------------------------------------------
-- business_hours: equality operators (made from sql/install/equality_type.sql.in; the
-- C functions are business_hours_*)
-- ---------------------------------------------------------------------------
CREATE FUNCTION business_hours_eq(business_hours, business_hours) RETURNS boolean
	AS 'MODULE_PATHNAME', 'business_hours_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_eq(business_hours, business_hours) IS 'implementation of = for business_hours';
CREATE FUNCTION business_hours_ne(business_hours, business_hours) RETURNS boolean
	AS 'MODULE_PATHNAME', 'business_hours_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_ne(business_hours, business_hours) IS 'implementation of <> for business_hours';
CREATE FUNCTION business_hours_hash(business_hours) RETURNS integer
	AS 'MODULE_PATHNAME', 'business_hours_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_hash(business_hours) IS 'hash support';
CREATE FUNCTION business_hours_hash_extended(business_hours, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'business_hours_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_hash_extended(business_hours, bigint) IS 'hash support (seeded)';

CREATE OPERATOR = (LEFTARG = business_hours, RIGHTARG = business_hours, PROCEDURE = business_hours_eq,
	HASHES,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR <> (LEFTARG = business_hours, RIGHTARG = business_hours, PROCEDURE = business_hours_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR CLASS business_hours_hash_ops DEFAULT FOR TYPE business_hours USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 business_hours_hash(business_hours),
	FUNCTION 2 business_hours_hash_extended(business_hours, bigint);
