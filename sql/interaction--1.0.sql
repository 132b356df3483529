-- interaction extension, version 1.0
-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION interaction" to load this file. \quit

-- ---------------------------------------------------------------------------
-- journey_stage: one of the five taxonomy types, all made from this template
-- ---------------------------------------------------------------------------
CREATE TYPE journey_stage;

CREATE FUNCTION journey_stage_in(cstring, oid, integer) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'journey_stage_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION journey_stage_out(journey_stage) RETURNS cstring
	AS 'MODULE_PATHNAME', 'taxonomy_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION journey_stage_recv(internal, oid, integer) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'journey_stage_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION journey_stage_send(journey_stage) RETURNS bytea
	AS 'MODULE_PATHNAME', 'taxonomy_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE journey_stage (
	INPUT = journey_stage_in,
	OUTPUT = journey_stage_out,
	RECEIVE = journey_stage_recv,
	SEND = journey_stage_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'E'
);
COMMENT ON TYPE journey_stage IS 'interaction taxonomy: journey_stage (labels in journey_stage_labels())';

CREATE CAST (text AS journey_stage) WITH INOUT AS ASSIGNMENT;
CREATE CAST (journey_stage AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION journey_stage_labels() RETURNS journey_stage[]
	AS 'MODULE_PATHNAME', 'journey_stage_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION journey_stage_labels() IS 'every journey_stage label, in sort order';

CREATE FUNCTION journey_stage_eq(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_ne(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_lt(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_le(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_gt(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_ge(journey_stage, journey_stage) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_cmp(journey_stage, journey_stage) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_hash(journey_stage) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_hash_extended(journey_stage, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION journey_stage_smaller(journey_stage, journey_stage) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'taxonomy_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION journey_stage_larger(journey_stage, journey_stage) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'taxonomy_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = journey_stage, RIGHTARG = journey_stage, PROCEDURE = journey_stage_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS journey_stage_ops DEFAULT FOR TYPE journey_stage USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 journey_stage_cmp(journey_stage, journey_stage);
CREATE OPERATOR CLASS journey_stage_hash_ops DEFAULT FOR TYPE journey_stage USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 journey_stage_hash(journey_stage),
	FUNCTION 2 journey_stage_hash_extended(journey_stage, bigint);

CREATE AGGREGATE min(journey_stage) (SFUNC = journey_stage_smaller, STYPE = journey_stage,
	COMBINEFUNC = journey_stage_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(journey_stage) (SFUNC = journey_stage_larger, STYPE = journey_stage,
	COMBINEFUNC = journey_stage_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(journey_stage) IS 'the earliest journey_stage label in sort order';
COMMENT ON AGGREGATE max(journey_stage) IS 'the latest journey_stage label in sort order';

-- ---------------------------------------------------------------------------
-- interaction_kind: one of the five taxonomy types, all made from this template
-- ---------------------------------------------------------------------------
CREATE TYPE interaction_kind;

CREATE FUNCTION interaction_kind_in(cstring, oid, integer) RETURNS interaction_kind
	AS 'MODULE_PATHNAME', 'interaction_kind_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_kind_out(interaction_kind) RETURNS cstring
	AS 'MODULE_PATHNAME', 'taxonomy_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_kind_recv(internal, oid, integer) RETURNS interaction_kind
	AS 'MODULE_PATHNAME', 'interaction_kind_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_kind_send(interaction_kind) RETURNS bytea
	AS 'MODULE_PATHNAME', 'taxonomy_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE interaction_kind (
	INPUT = interaction_kind_in,
	OUTPUT = interaction_kind_out,
	RECEIVE = interaction_kind_recv,
	SEND = interaction_kind_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'E'
);
COMMENT ON TYPE interaction_kind IS 'interaction taxonomy: interaction_kind (labels in interaction_kind_labels())';

CREATE CAST (text AS interaction_kind) WITH INOUT AS ASSIGNMENT;
CREATE CAST (interaction_kind AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION interaction_kind_labels() RETURNS interaction_kind[]
	AS 'MODULE_PATHNAME', 'interaction_kind_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_kind_labels() IS 'every interaction_kind label, in sort order';

CREATE FUNCTION interaction_kind_eq(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_ne(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_lt(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_le(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_gt(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_ge(interaction_kind, interaction_kind) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_cmp(interaction_kind, interaction_kind) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_hash(interaction_kind) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_hash_extended(interaction_kind, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_kind_smaller(interaction_kind, interaction_kind) RETURNS interaction_kind
	AS 'MODULE_PATHNAME', 'taxonomy_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_kind_larger(interaction_kind, interaction_kind) RETURNS interaction_kind
	AS 'MODULE_PATHNAME', 'taxonomy_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = interaction_kind, RIGHTARG = interaction_kind, PROCEDURE = interaction_kind_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS interaction_kind_ops DEFAULT FOR TYPE interaction_kind USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 interaction_kind_cmp(interaction_kind, interaction_kind);
CREATE OPERATOR CLASS interaction_kind_hash_ops DEFAULT FOR TYPE interaction_kind USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 interaction_kind_hash(interaction_kind),
	FUNCTION 2 interaction_kind_hash_extended(interaction_kind, bigint);

CREATE AGGREGATE min(interaction_kind) (SFUNC = interaction_kind_smaller, STYPE = interaction_kind,
	COMBINEFUNC = interaction_kind_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(interaction_kind) (SFUNC = interaction_kind_larger, STYPE = interaction_kind,
	COMBINEFUNC = interaction_kind_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(interaction_kind) IS 'the earliest interaction_kind label in sort order';
COMMENT ON AGGREGATE max(interaction_kind) IS 'the latest interaction_kind label in sort order';

-- ---------------------------------------------------------------------------
-- interaction_channel: one of the five taxonomy types, all made from this template
-- ---------------------------------------------------------------------------
CREATE TYPE interaction_channel;

CREATE FUNCTION interaction_channel_in(cstring, oid, integer) RETURNS interaction_channel
	AS 'MODULE_PATHNAME', 'interaction_channel_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_channel_out(interaction_channel) RETURNS cstring
	AS 'MODULE_PATHNAME', 'taxonomy_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_channel_recv(internal, oid, integer) RETURNS interaction_channel
	AS 'MODULE_PATHNAME', 'interaction_channel_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_channel_send(interaction_channel) RETURNS bytea
	AS 'MODULE_PATHNAME', 'taxonomy_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE interaction_channel (
	INPUT = interaction_channel_in,
	OUTPUT = interaction_channel_out,
	RECEIVE = interaction_channel_recv,
	SEND = interaction_channel_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'E'
);
COMMENT ON TYPE interaction_channel IS 'interaction taxonomy: interaction_channel (labels in interaction_channel_labels())';

CREATE CAST (text AS interaction_channel) WITH INOUT AS ASSIGNMENT;
CREATE CAST (interaction_channel AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION interaction_channel_labels() RETURNS interaction_channel[]
	AS 'MODULE_PATHNAME', 'interaction_channel_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_channel_labels() IS 'every interaction_channel label, in sort order';

CREATE FUNCTION interaction_channel_eq(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_ne(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_lt(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_le(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_gt(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_ge(interaction_channel, interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_cmp(interaction_channel, interaction_channel) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_hash(interaction_channel) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_hash_extended(interaction_channel, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_channel_smaller(interaction_channel, interaction_channel) RETURNS interaction_channel
	AS 'MODULE_PATHNAME', 'taxonomy_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_channel_larger(interaction_channel, interaction_channel) RETURNS interaction_channel
	AS 'MODULE_PATHNAME', 'taxonomy_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = interaction_channel, RIGHTARG = interaction_channel, PROCEDURE = interaction_channel_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS interaction_channel_ops DEFAULT FOR TYPE interaction_channel USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 interaction_channel_cmp(interaction_channel, interaction_channel);
CREATE OPERATOR CLASS interaction_channel_hash_ops DEFAULT FOR TYPE interaction_channel USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 interaction_channel_hash(interaction_channel),
	FUNCTION 2 interaction_channel_hash_extended(interaction_channel, bigint);

CREATE AGGREGATE min(interaction_channel) (SFUNC = interaction_channel_smaller, STYPE = interaction_channel,
	COMBINEFUNC = interaction_channel_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(interaction_channel) (SFUNC = interaction_channel_larger, STYPE = interaction_channel,
	COMBINEFUNC = interaction_channel_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(interaction_channel) IS 'the earliest interaction_channel label in sort order';
COMMENT ON AGGREGATE max(interaction_channel) IS 'the latest interaction_channel label in sort order';

-- ---------------------------------------------------------------------------
-- interaction_urgency: one of the five taxonomy types, all made from this template
-- ---------------------------------------------------------------------------
CREATE TYPE interaction_urgency;

CREATE FUNCTION interaction_urgency_in(cstring, oid, integer) RETURNS interaction_urgency
	AS 'MODULE_PATHNAME', 'interaction_urgency_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_out(interaction_urgency) RETURNS cstring
	AS 'MODULE_PATHNAME', 'taxonomy_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_recv(internal, oid, integer) RETURNS interaction_urgency
	AS 'MODULE_PATHNAME', 'interaction_urgency_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_send(interaction_urgency) RETURNS bytea
	AS 'MODULE_PATHNAME', 'taxonomy_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE interaction_urgency (
	INPUT = interaction_urgency_in,
	OUTPUT = interaction_urgency_out,
	RECEIVE = interaction_urgency_recv,
	SEND = interaction_urgency_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'E'
);
COMMENT ON TYPE interaction_urgency IS 'interaction taxonomy: interaction_urgency (labels in interaction_urgency_labels())';

CREATE CAST (text AS interaction_urgency) WITH INOUT AS ASSIGNMENT;
CREATE CAST (interaction_urgency AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION interaction_urgency_labels() RETURNS interaction_urgency[]
	AS 'MODULE_PATHNAME', 'interaction_urgency_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_urgency_labels() IS 'every interaction_urgency label, in sort order';

CREATE FUNCTION interaction_urgency_eq(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_ne(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_lt(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_le(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_gt(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_ge(interaction_urgency, interaction_urgency) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_cmp(interaction_urgency, interaction_urgency) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_hash(interaction_urgency) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_hash_extended(interaction_urgency, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_smaller(interaction_urgency, interaction_urgency) RETURNS interaction_urgency
	AS 'MODULE_PATHNAME', 'taxonomy_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_urgency_larger(interaction_urgency, interaction_urgency) RETURNS interaction_urgency
	AS 'MODULE_PATHNAME', 'taxonomy_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = interaction_urgency, RIGHTARG = interaction_urgency, PROCEDURE = interaction_urgency_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS interaction_urgency_ops DEFAULT FOR TYPE interaction_urgency USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 interaction_urgency_cmp(interaction_urgency, interaction_urgency);
CREATE OPERATOR CLASS interaction_urgency_hash_ops DEFAULT FOR TYPE interaction_urgency USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 interaction_urgency_hash(interaction_urgency),
	FUNCTION 2 interaction_urgency_hash_extended(interaction_urgency, bigint);

CREATE AGGREGATE min(interaction_urgency) (SFUNC = interaction_urgency_smaller, STYPE = interaction_urgency,
	COMBINEFUNC = interaction_urgency_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(interaction_urgency) (SFUNC = interaction_urgency_larger, STYPE = interaction_urgency,
	COMBINEFUNC = interaction_urgency_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(interaction_urgency) IS 'the earliest interaction_urgency label in sort order';
COMMENT ON AGGREGATE max(interaction_urgency) IS 'the latest interaction_urgency label in sort order';

-- ---------------------------------------------------------------------------
-- interaction_direction: one of the five taxonomy types, all made from this template
-- ---------------------------------------------------------------------------
CREATE TYPE interaction_direction;

CREATE FUNCTION interaction_direction_in(cstring, oid, integer) RETURNS interaction_direction
	AS 'MODULE_PATHNAME', 'interaction_direction_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_direction_out(interaction_direction) RETURNS cstring
	AS 'MODULE_PATHNAME', 'taxonomy_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_direction_recv(internal, oid, integer) RETURNS interaction_direction
	AS 'MODULE_PATHNAME', 'interaction_direction_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_direction_send(interaction_direction) RETURNS bytea
	AS 'MODULE_PATHNAME', 'taxonomy_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE interaction_direction (
	INPUT = interaction_direction_in,
	OUTPUT = interaction_direction_out,
	RECEIVE = interaction_direction_recv,
	SEND = interaction_direction_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'E'
);
COMMENT ON TYPE interaction_direction IS 'interaction taxonomy: interaction_direction (labels in interaction_direction_labels())';

CREATE CAST (text AS interaction_direction) WITH INOUT AS ASSIGNMENT;
CREATE CAST (interaction_direction AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION interaction_direction_labels() RETURNS interaction_direction[]
	AS 'MODULE_PATHNAME', 'interaction_direction_labels' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_direction_labels() IS 'every interaction_direction label, in sort order';

CREATE FUNCTION interaction_direction_eq(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_ne(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_lt(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_le(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_gt(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_ge(interaction_direction, interaction_direction) RETURNS boolean
	AS 'MODULE_PATHNAME', 'taxonomy_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_cmp(interaction_direction, interaction_direction) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_hash(interaction_direction) RETURNS integer
	AS 'MODULE_PATHNAME', 'taxonomy_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_hash_extended(interaction_direction, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION interaction_direction_smaller(interaction_direction, interaction_direction) RETURNS interaction_direction
	AS 'MODULE_PATHNAME', 'taxonomy_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interaction_direction_larger(interaction_direction, interaction_direction) RETURNS interaction_direction
	AS 'MODULE_PATHNAME', 'taxonomy_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = interaction_direction, RIGHTARG = interaction_direction, PROCEDURE = interaction_direction_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS interaction_direction_ops DEFAULT FOR TYPE interaction_direction USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 interaction_direction_cmp(interaction_direction, interaction_direction);
CREATE OPERATOR CLASS interaction_direction_hash_ops DEFAULT FOR TYPE interaction_direction USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 interaction_direction_hash(interaction_direction),
	FUNCTION 2 interaction_direction_hash_extended(interaction_direction, bigint);

CREATE AGGREGATE min(interaction_direction) (SFUNC = interaction_direction_smaller, STYPE = interaction_direction,
	COMBINEFUNC = interaction_direction_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(interaction_direction) (SFUNC = interaction_direction_larger, STYPE = interaction_direction,
	COMBINEFUNC = interaction_direction_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(interaction_direction) IS 'the earliest interaction_direction label in sort order';
COMMENT ON AGGREGATE max(interaction_direction) IS 'the latest interaction_direction label in sort order';

-- ---------------------------------------------------------------------------
-- Taxonomy helpers
-- ---------------------------------------------------------------------------
CREATE FUNCTION stage_rank(journey_stage) RETURNS integer
	AS 'MODULE_PATHNAME', 'stage_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stage_rank(journey_stage) IS 'position of a journey stage, 1 (awareness) to 5 (advocacy)';

CREATE FUNCTION next_stage(journey_stage) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'next_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_stage(journey_stage) IS 'the stage after this one; NULL after advocacy';

CREATE FUNCTION is_automated(interaction_channel) RETURNS boolean
	AS 'MODULE_PATHNAME', 'is_automated' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_automated(interaction_channel) IS 'true for channels served without a person (web, chatbot, ivr, self_service)';

-- ---------------------------------------------------------------------------
-- Stage classification (src/classify.c, doc/classify.md)
-- ---------------------------------------------------------------------------
CREATE FUNCTION touchpoint_words(text) RETURNS text
	AS 'MODULE_PATHNAME', 'touchpoint_words' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION touchpoint_words(text) IS 'the words classify_stage() sees in a text: lower case, separated by single spaces';

-- User rules: a phrase (normalised like a touchpoint) and its stage.  Rows are
-- kept by pg_dump; its triggers tell every session to reload them.
CREATE TABLE interaction_stage_rules (
	phrase text PRIMARY KEY
		CONSTRAINT interaction_stage_rules_phrase_has_words
		CHECK (touchpoint_words(phrase) OPERATOR(pg_catalog.<>) ''),
	stage journey_stage NOT NULL
);
COMMENT ON TABLE interaction_stage_rules IS 'user rules for classify_stage(): they beat the built-in vocabulary';
-- two spellings of the same words ('Ad Click', 'ad-click') are one rule
CREATE UNIQUE INDEX interaction_stage_rules_words_key
	ON interaction_stage_rules (touchpoint_words(phrase));
SELECT pg_catalog.pg_extension_config_dump('interaction_stage_rules', '');
GRANT SELECT ON interaction_stage_rules TO PUBLIC;

-- A trigger function (VOLATILE).  Triggers never fire in a parallel worker, so
-- the parallel label has no effect; SAFE like every function of the extension.
CREATE FUNCTION interaction_stage_rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'stage_rules_invalidate' LANGUAGE C VOLATILE PARALLEL SAFE;
COMMENT ON FUNCTION interaction_stage_rules_changed() IS 'trigger: tells every session to reload interaction_stage_rules';
-- A row trigger for INSERT, UPDATE and DELETE: the logical replication apply
-- worker fires row triggers only, never statement ones.  Relcache invalidations
-- are de-duplicated, so many rows still send one.  TRUNCATE has only a statement
-- trigger (the apply worker fires that one).  Both ENABLE ALWAYS: the apply
-- worker runs with session_replication_role = replica.
CREATE TRIGGER interaction_stage_rules_changed
	AFTER INSERT OR UPDATE OR DELETE ON interaction_stage_rules
	FOR EACH ROW EXECUTE FUNCTION interaction_stage_rules_changed();
ALTER TABLE interaction_stage_rules ENABLE ALWAYS TRIGGER interaction_stage_rules_changed;
CREATE TRIGGER interaction_stage_rules_truncated
	AFTER TRUNCATE ON interaction_stage_rules
	FOR EACH STATEMENT EXECUTE FUNCTION interaction_stage_rules_changed();
ALTER TABLE interaction_stage_rules ENABLE ALWAYS TRIGGER interaction_stage_rules_truncated;

CREATE FUNCTION classify_stage(touchpoint text) RETURNS journey_stage
	AS 'MODULE_PATHNAME', 'classify_stage' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION classify_stage(text) IS 'journey stage of an event or touchpoint name (user rules, then the built-in vocabulary); NULL when nothing matches';

CREATE FUNCTION stage_vocabulary(OUT phrase text, OUT stage journey_stage) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'stage_vocabulary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION stage_vocabulary() IS 'the built-in vocabulary of classify_stage()';

CREATE FUNCTION nps_category(score integer) RETURNS text
	AS 'MODULE_PATHNAME', 'nps_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_category(integer) IS 'NPS group of a 0-10 score: detractor (0-6), passive (7-8), promoter (9-10)';

-- ---------------------------------------------------------------------------
-- Survey scores: survey_summary, NPS / CSAT / CES aggregates and statistics
-- ---------------------------------------------------------------------------
CREATE TYPE survey_summary;

CREATE FUNCTION survey_summary_in(cstring, oid, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_in(cstring, oid, integer) IS 'text input of survey_summary';
CREATE FUNCTION survey_summary_out(survey_summary) RETURNS cstring
	AS 'MODULE_PATHNAME', 'survey_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_out(survey_summary) IS 'text output of survey_summary';
CREATE FUNCTION survey_summary_recv(internal) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_recv(internal) IS 'binary input of survey_summary';
CREATE FUNCTION survey_summary_send(survey_summary) RETURNS bytea
	AS 'MODULE_PATHNAME', 'survey_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_send(survey_summary) IS 'binary output of survey_summary';

CREATE TYPE survey_summary (
	INTERNALLENGTH = 192,
	INPUT = survey_summary_in,
	OUTPUT = survey_summary_out,
	RECEIVE = survey_summary_recv,
	SEND = survey_summary_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE survey_summary IS 'histogram of survey scores 0..10 (exact counts, optional weights): the state and result of survey_agg, read by nps, csat, ces and friends';

-- aggregate support functions ------------------------------------------------
-- (the transition functions skip NULL rows themselves: not STRICT, one executor
-- step less per row)
CREATE FUNCTION survey_summary_trans(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans(survey_summary, integer) IS 'transition function of survey_agg(score) and nps(score)';
CREATE FUNCTION survey_summary_trans(survey_summary, integer, double precision) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_weighted' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans(survey_summary, integer, double precision) IS 'transition function of survey_agg(score, weight) and nps(score, weight)';
CREATE FUNCTION survey_summary_inv(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv(survey_summary, integer) IS 'inverse transition of survey_agg(score) and nps(score), for moving windows';
CREATE FUNCTION survey_summary_inv(survey_summary, integer, double precision) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv(survey_summary, integer, double precision) IS 'inverse transition of survey_agg(score, weight) and nps(score, weight), for moving windows';
CREATE FUNCTION survey_summary_trans_csat(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_csat' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_csat(survey_summary, integer) IS 'transition function of csat(score): scores 1..5';
CREATE FUNCTION survey_summary_trans_csat(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_csat' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_csat(survey_summary, integer, integer) IS 'transition function of csat(score, scale): scores 1..scale';
CREATE FUNCTION survey_summary_trans_ces(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_ces' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_ces(survey_summary, integer) IS 'transition function of ces(score): scores 1..7';
CREATE FUNCTION survey_summary_trans_ces(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_ces' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_ces(survey_summary, integer, integer) IS 'transition function of ces(score, scale): scores 1..scale';
CREATE FUNCTION survey_summary_inv_scaled(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv_scaled' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv_scaled(survey_summary, integer) IS 'inverse transition of csat(score) and ces(score), for moving windows';
CREATE FUNCTION survey_summary_inv_scaled(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv_scaled' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv_scaled(survey_summary, integer, integer) IS 'inverse transition of csat(score, scale) and ces(score, scale), for moving windows';
CREATE FUNCTION survey_summary_combine(survey_summary, survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_combine(survey_summary, survey_summary) IS 'sum of two survey summaries (the + operator; combine function of the survey aggregates)';
CREATE FUNCTION survey_summary_subtract(survey_summary, survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_subtract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_subtract(survey_summary, survey_summary) IS 'removes the responses of the second summary from the first (inverse transition of rollup)';
CREATE FUNCTION survey_summary_final(survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_final(survey_summary) IS 'final function of survey_agg and rollup: NULL when there are no responses';

CREATE OPERATOR + (
	LEFTARG = survey_summary, RIGHTARG = survey_summary,
	FUNCTION = survey_summary_combine, COMMUTATOR = +
);
COMMENT ON OPERATOR + (survey_summary, survey_summary) IS 'merges two survey summaries';

CREATE FUNCTION survey_summary_eq(survey_summary, survey_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'survey_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_eq(survey_summary, survey_summary) IS 'equal: same responses, weights and scale';
CREATE FUNCTION survey_summary_ne(survey_summary, survey_summary) RETURNS boolean
	AS 'MODULE_PATHNAME', 'survey_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_ne(survey_summary, survey_summary) IS 'not equal';
CREATE OPERATOR = (
	LEFTARG = survey_summary, RIGHTARG = survey_summary, FUNCTION = survey_summary_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
COMMENT ON OPERATOR = (survey_summary, survey_summary) IS 'equal: same responses, weights and scale';
CREATE OPERATOR <> (
	LEFTARG = survey_summary, RIGHTARG = survey_summary, FUNCTION = survey_summary_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR <> (survey_summary, survey_summary) IS 'not equal';

-- accessors --------------------------------------------------------------------
CREATE FUNCTION responses(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(survey_summary) IS 'number of responses in a survey summary';
CREATE FUNCTION promoters(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION promoters(survey_summary) IS 'number of responses scoring 9 or 10';
CREATE FUNCTION passives(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION passives(survey_summary) IS 'number of responses scoring 7 or 8';
CREATE FUNCTION detractors(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION detractors(survey_summary) IS 'number of responses scoring 0 to 6';
CREATE FUNCTION score_count(survey_summary, score integer) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_score_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score_count(survey_summary, integer) IS 'number of responses with the given score (0..10)';
CREATE FUNCTION nps(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps(survey_summary) IS 'Net Promoter Score: percent promoters (9-10) minus percent detractors (0-6), weighted when the summary is';
CREATE FUNCTION mean_score(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_mean_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean_score(survey_summary) IS 'mean score of a survey summary (weighted when the summary is)';
CREATE FUNCTION csat(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat(survey_summary) IS 'CSAT: percent of responses in the top two boxes of the recorded scale, else of a 1-5 scale';
CREATE FUNCTION csat(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat(survey_summary, integer) IS 'CSAT on a 1..scale scale (3, 5, 7 or 10): percent in the top two boxes (top box on 3)';
CREATE FUNCTION ces(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces(survey_summary) IS 'CES: mean score on the recorded scale, else on a 1-7 scale';
CREATE FUNCTION ces(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces(survey_summary, integer) IS 'CES: mean score on a 1..scale scale (3, 5, 7 or 10)';
CREATE FUNCTION ces_easy(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_easy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_easy(survey_summary) IS 'percent of CES responses agreeing it was easy (5-7 of 7), on the recorded scale or 1-7';
CREATE FUNCTION ces_easy(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_easy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_easy(survey_summary, integer) IS 'percent of CES responses in the "easy" top boxes: 3 of 3, 4-5 of 5, 5-7 of 7, 8-10 of 10';

-- statistics ---------------------------------------------------------------------
CREATE FUNCTION nps_stderr(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_stderr(survey_summary) IS 'standard error of the NPS in points: sqrt((p + d - (p - d)^2) / n) * 100';
CREATE FUNCTION nps_ci(s survey_summary, level double precision DEFAULT 0.95,
					   method text DEFAULT 'adjusted_wald',
					   OUT low double precision, OUT high double precision) RETURNS record
	AS 'MODULE_PATHNAME', 'survey_summary_nps_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ci(survey_summary, double precision, text) IS 'confidence interval of the NPS: method adjusted_wald (Rocks 2016) or wald, level in (0,1)';
CREATE FUNCTION nps_diff_pvalue(a survey_summary, b survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_diff_pvalue(survey_summary, survey_summary) IS 'two-sided p-value of a z test that two NPS differ';

-- aggregates ---------------------------------------------------------------------
CREATE AGGREGATE survey_agg(score integer) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE survey_agg(integer) IS 'survey_summary of scores 0..10 (NULL scores skipped)';
CREATE AGGREGATE survey_agg(score integer, weight double precision) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE survey_agg(integer, double precision) IS 'weighted survey_summary of scores 0..10 (rows with a NULL score or weight skipped)';
CREATE AGGREGATE rollup(survey_summary) (
	SFUNC = survey_summary_combine, STYPE = survey_summary,
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_combine, MINVFUNC = survey_summary_subtract,
	MSTYPE = survey_summary, MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(survey_summary) IS 'merges stored survey summaries into one';
CREATE AGGREGATE nps(score integer) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = nps, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = nps,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(integer) IS 'Net Promoter Score of scores 0..10';
CREATE AGGREGATE nps(score integer, weight double precision) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = nps, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = nps,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(integer, double precision) IS 'weighted Net Promoter Score of scores 0..10';
CREATE AGGREGATE csat(score integer) (
	SFUNC = survey_summary_trans_csat, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = csat, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_csat, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = csat,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(integer) IS 'CSAT of scores 1..5: percent scoring 4 or 5';
CREATE AGGREGATE csat(score integer, scale integer) (
	SFUNC = survey_summary_trans_csat, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = csat, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_csat, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = csat,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(integer, integer) IS 'CSAT of scores 1..scale (3, 5, 7, 10): percent in the top two boxes (top box on 3)';
CREATE AGGREGATE ces(score integer) (
	SFUNC = survey_summary_trans_ces, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = ces, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_ces, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = ces,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(integer) IS 'Customer Effort Score of scores 1..7: the mean';
CREATE AGGREGATE ces(score integer, scale integer) (
	SFUNC = survey_summary_trans_ces, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = ces, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_ces, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = ces,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(integer, integer) IS 'Customer Effort Score of scores 1..scale (3, 5, 7, 10): the mean';

-- ---------------------------------------------------------------------------
-- First-contact resolution: window functions (src/fcr.c)
-- Call as f(at, within) OVER (PARTITION BY customer [, topic] ORDER BY at).
-- STABLE: months and days of within are added in the session time zone.
-- ---------------------------------------------------------------------------
CREATE FUNCTION fcr(at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'fcr_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION fcr(timestamptz, interval) IS 'window function: true when no other contact of the partition falls in [at, at + within] (resolved on first contact)';

CREATE FUNCTION fcr(at timestamptz, within interval, as_of timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME', 'fcr_as_of_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION fcr(timestamptz, interval, timestamptz) IS 'window function: fcr(at, within), but NULL while the repeat window is still open (at + within > as_of)';

CREATE FUNCTION repeat_contact(at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'repeat_contact_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION repeat_contact(timestamptz, interval) IS 'window function: true when an earlier contact of the partition falls in [at - within, at) (contacts at the same instant are not repeats of each other)';

CREATE FUNCTION contact_attempt(at timestamptz, within interval) RETURNS integer
	AS 'MODULE_PATHNAME', 'contact_attempt_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION contact_attempt(timestamptz, interval) IS 'window function: 1 for a contact that starts a chain of repeats, 2 for its first repeat, ... (tied contacts share one number); a chain breaks when the gap to the previous contact exceeds within';

-- ---------------------------------------------------------------------------
-- routing_priority: a waiting task's place in a queue (src/routing.c)
-- ---------------------------------------------------------------------------
CREATE TYPE routing_priority;

-- Input is STABLE: a timestamp written without an offset is read in the session
-- time zone.  Output is always ISO 8601 in UTC with "+00", so it is IMMUTABLE.
CREATE FUNCTION routing_priority_in(cstring, oid, integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_out(routing_priority) RETURNS cstring
	AS 'MODULE_PATHNAME', 'routing_priority_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_recv(internal, oid, integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_send(routing_priority) RETURNS bytea
	AS 'MODULE_PATHNAME', 'routing_priority_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE routing_priority (
	INPUT = routing_priority_in,
	OUTPUT = routing_priority_out,
	RECEIVE = routing_priority_recv,
	SEND = routing_priority_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE routing_priority IS
	'a waiting task''s place in a queue: tier (higher first), then virtual arrival, then enqueued_at (earlier first); a > b means a is routed before b';

CREATE FUNCTION routing_priority(level integer, enqueued_at timestamptz,
		step interval DEFAULT '1 minute', tier integer DEFAULT 0)
	RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority(integer, timestamptz, interval, integer) IS
	'priority of a task of this level enqueued at this time: it ranks as if it had arrived level x step earlier, within its tier';

CREATE FUNCTION routing_priority_deadline(due timestamptz, tier integer DEFAULT 0)
	RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_deadline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_deadline(timestamptz, integer) IS
	'priority for deadline routing (earliest deadline first): level 0, enqueued and virtually arriving at the deadline';

CREATE FUNCTION routing_priority_expedite(routing_priority, interval) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_expedite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_expedite(routing_priority, interval) IS
	'implements routing_priority + interval: the virtual arrival moves earlier by the interval';
CREATE FUNCTION routing_priority_defer(routing_priority, interval) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_defer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_defer(routing_priority, interval) IS
	'implements routing_priority - interval: the virtual arrival moves later by the interval';

CREATE OPERATOR + (LEFTARG = routing_priority, RIGHTARG = interval,
	PROCEDURE = routing_priority_expedite);
COMMENT ON OPERATOR + (routing_priority, interval) IS 'expedite: the task ranks as if it had arrived this much earlier';
CREATE OPERATOR - (LEFTARG = routing_priority, RIGHTARG = interval,
	PROCEDURE = routing_priority_defer);
COMMENT ON OPERATOR - (routing_priority, interval) IS 'defer: the task ranks as if it had arrived this much later';

CREATE FUNCTION escalate(p routing_priority, tiers integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_escalate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION escalate(routing_priority, integer) IS
	'the same task moved up (or, with a negative count, down) by whole tiers';

CREATE FUNCTION tier(p routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_tier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tier(routing_priority) IS 'the tier of a routing priority (higher tiers go first)';
CREATE FUNCTION level(p routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION level(routing_priority) IS
	'the level the priority was made with (0 for deadlines); expedite, defer and escalate keep it';
CREATE FUNCTION enqueued_at(p routing_priority) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'routing_priority_enqueued_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enqueued_at(routing_priority) IS 'when the task was enqueued (the deadline, for deadline priorities)';
CREATE FUNCTION virtual_arrival(p routing_priority) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'routing_priority_virtual_arrival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION virtual_arrival(routing_priority) IS
	'the arrival time the task ranks by within its tier: enqueued_at - level x step, moved by expedite and defer';
CREATE FUNCTION wait(p routing_priority, now timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'routing_priority_wait' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION wait(routing_priority, timestamptz) IS
	'how long the task has waited at this time: now - enqueued_at (for deadlines: time past the deadline)';

CREATE FUNCTION routing_priority_eq(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_ne(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_lt(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_le(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_gt(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_ge(routing_priority, routing_priority) RETURNS boolean
	AS 'MODULE_PATHNAME', 'routing_priority_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_cmp(routing_priority, routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'routing_priority_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_hash(routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_hash_extended(routing_priority, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'routing_priority_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION routing_priority_smaller(routing_priority, routing_priority) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_larger(routing_priority, routing_priority) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_eq(routing_priority, routing_priority) IS 'implements = (same place in the queue)';
COMMENT ON FUNCTION routing_priority_ne(routing_priority, routing_priority) IS 'implements <>';
COMMENT ON FUNCTION routing_priority_lt(routing_priority, routing_priority) IS 'implements < (routed after)';
COMMENT ON FUNCTION routing_priority_le(routing_priority, routing_priority) IS 'implements <=';
COMMENT ON FUNCTION routing_priority_gt(routing_priority, routing_priority) IS 'implements > (routed before)';
COMMENT ON FUNCTION routing_priority_ge(routing_priority, routing_priority) IS 'implements >=';
COMMENT ON FUNCTION routing_priority_cmp(routing_priority, routing_priority) IS 'btree support: 1 when the first is routed first';
COMMENT ON FUNCTION routing_priority_sortsupport(internal) IS 'btree sort support';
COMMENT ON FUNCTION routing_priority_hash(routing_priority) IS 'hash support';
COMMENT ON FUNCTION routing_priority_hash_extended(routing_priority, bigint) IS 'hash support (64-bit, seeded)';
COMMENT ON FUNCTION routing_priority_smaller(routing_priority, routing_priority) IS 'the one routed later (min support)';
COMMENT ON FUNCTION routing_priority_larger(routing_priority, routing_priority) IS 'the one routed first (max support)';

CREATE OPERATOR = (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_eq, COMMUTATOR = =, NEGATOR = <>,
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_ne, COMMUTATOR = <>, NEGATOR = =,
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_lt, COMMUTATOR = >, NEGATOR = >=,
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_le, COMMUTATOR = >=, NEGATOR = >,
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_gt, COMMUTATOR = <, NEGATOR = <=,
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = routing_priority, RIGHTARG = routing_priority,
	PROCEDURE = routing_priority_ge, COMMUTATOR = <=, NEGATOR = <,
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS routing_priority_ops DEFAULT FOR TYPE routing_priority USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 routing_priority_cmp(routing_priority, routing_priority),
	FUNCTION 2 routing_priority_sortsupport(internal);
CREATE OPERATOR CLASS routing_priority_hash_ops DEFAULT FOR TYPE routing_priority USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 routing_priority_hash(routing_priority),
	FUNCTION 2 routing_priority_hash_extended(routing_priority, bigint);

CREATE AGGREGATE min(routing_priority) (SFUNC = routing_priority_smaller,
	STYPE = routing_priority, COMBINEFUNC = routing_priority_smaller, SORTOP = <,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE min(routing_priority) IS 'the priority routed last';
CREATE AGGREGATE max(routing_priority) (SFUNC = routing_priority_larger,
	STYPE = routing_priority, COMBINEFUNC = routing_priority_larger, SORTOP = >,
	PARALLEL = SAFE);
COMMENT ON AGGREGATE max(routing_priority) IS 'the priority routed first: the head of the queue';

-- ---------------------------------------------------------------------------
-- skillset: skills with proficiency 1..10, for routing tasks to agents
-- ---------------------------------------------------------------------------
CREATE TYPE skillset;

CREATE FUNCTION skillset_in(cstring, oid, integer) RETURNS skillset
	AS 'MODULE_PATHNAME', 'skillset_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_in(cstring, oid, integer) IS 'skillset input: ''name:level, ...''';
CREATE FUNCTION skillset_out(skillset) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skillset_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_out(skillset) IS 'skillset output: skills sorted by name';
CREATE FUNCTION skillset_recv(internal, oid, integer) RETURNS skillset
	AS 'MODULE_PATHNAME', 'skillset_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_recv(internal, oid, integer) IS 'skillset binary input (validated like text input)';
CREATE FUNCTION skillset_send(skillset) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skillset_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_send(skillset) IS 'skillset binary output (version byte first)';

CREATE TYPE skillset (
	INPUT = skillset_in,
	OUTPUT = skillset_out,
	RECEIVE = skillset_recv,
	SEND = skillset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE skillset IS 'skills with proficiency levels 1..10, e.g. ''billing:4, spanish:3''';

CREATE CAST (text AS skillset) WITH INOUT AS ASSIGNMENT;
CREATE CAST (skillset AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION skillset(names text[], levels integer[]) RETURNS skillset
	AS 'MODULE_PATHNAME', 'skillset_from_arrays' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset(text[], integer[]) IS 'skillset of the pairs (names[i], levels[i]); a repeated name keeps its highest level';

CREATE FUNCTION skill_level(skillset, skill text) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skill_level(skillset, text) IS 'level of one skill (case-insensitive name), NULL when absent';
CREATE FUNCTION skill_count(skillset) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skill_count(skillset) IS 'number of skills in a skillset';
CREATE FUNCTION skills(skillset, OUT skill text, OUT level integer) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'skillset_skills' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 5;
COMMENT ON FUNCTION skills(skillset) IS 'the skills of a skillset as rows (skill, level), sorted by name';

CREATE FUNCTION skill_fit(agent skillset, required skillset) RETURNS float8
	AS 'MODULE_PATHNAME', 'skillset_fit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skill_fit(skillset, skillset) IS 'how well an agent fits a task: (0,1] when qualified (1 = exact match, less for surplus skill), [-1,0) when not (share of required levels missing)';

CREATE FUNCTION skillset_contains(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_contains(skillset, skillset) IS 'implementation of @> (every skill of the right at or above its level on the left)';
CREATE FUNCTION skillset_contained(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_contained(skillset, skillset) IS 'implementation of <@ (every skill of the left at or below its level on the right)';

CREATE OPERATOR @> (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_contains,
	COMMUTATOR = <@, RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
COMMENT ON OPERATOR @> (skillset, skillset) IS 'agent @> required: the agent has every required skill at or above its level';
CREATE OPERATOR <@ (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_contained,
	COMMUTATOR = @>, RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
COMMENT ON OPERATOR <@ (skillset, skillset) IS 'required <@ agent: the agent has every required skill at or above its level';

-- comparison: equality of canonical skillsets; < and > are an arbitrary but
-- total order (by skill name, then level) for ORDER BY, GROUP BY and DISTINCT
CREATE FUNCTION skillset_eq(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_eq(skillset, skillset) IS 'implementation of = for skillset';
CREATE FUNCTION skillset_ne(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_ne(skillset, skillset) IS 'implementation of <> for skillset';
CREATE FUNCTION skillset_lt(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_lt(skillset, skillset) IS 'implementation of < for skillset';
CREATE FUNCTION skillset_le(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_le(skillset, skillset) IS 'implementation of <= for skillset';
CREATE FUNCTION skillset_gt(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gt(skillset, skillset) IS 'implementation of > for skillset';
CREATE FUNCTION skillset_ge(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_ge(skillset, skillset) IS 'implementation of >= for skillset';
CREATE FUNCTION skillset_cmp(skillset, skillset) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_cmp(skillset, skillset) IS 'btree support: -1, 0 or 1';
CREATE FUNCTION skillset_hash(skillset) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_hash(skillset) IS 'hash support';
CREATE FUNCTION skillset_hash_extended(skillset, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skillset_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION skillset_hash_extended(skillset, bigint) IS 'hash support (seeded)';

CREATE OPERATOR = (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS skillset_ops DEFAULT FOR TYPE skillset USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 skillset_cmp(skillset, skillset);
CREATE OPERATOR CLASS skillset_hash_ops DEFAULT FOR TYPE skillset USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 skillset_hash(skillset),
	FUNCTION 2 skillset_hash_extended(skillset, bigint);

-- GIN: an agent's skill at level M is indexed as the keys name:1 .. name:M
-- (int4: hash of the name, level in the low bits), so @> is the AND of one key
-- per required skill; matches are rechecked in case two names share a hash
CREATE FUNCTION skillset_gin_extract_value(skillset, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'skillset_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_extract_value(skillset, internal, internal) IS 'GIN support: keys of an indexed skillset';
CREATE FUNCTION skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'skillset_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal) IS 'GIN support: keys of a @> query';
CREATE FUNCTION skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) IS 'GIN support: @> may hold when every query key is present (recheck)';
CREATE FUNCTION skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal) RETURNS "char"
	AS 'MODULE_PATHNAME', 'skillset_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal) IS 'GIN support: ternary form of skillset_gin_consistent';

CREATE OPERATOR CLASS skillset_gin_ops DEFAULT FOR TYPE skillset USING gin AS
	OPERATOR 7 @>,
	FUNCTION 1 btint4cmp(int4, int4),
	FUNCTION 2 skillset_gin_extract_value(skillset, internal, internal),
	FUNCTION 3 skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal),
	FUNCTION 4 skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal),
	FUNCTION 6 skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal),
	STORAGE int4;
