-- interaction extension 1.1: install script as released (frozen; never edited)
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


-- ---------------------------------------------------------------------------
-- journey_stage: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are taxonomy_*)
-- ---------------------------------------------------------------------------
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


-- ---------------------------------------------------------------------------
-- interaction_kind: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are taxonomy_*)
-- ---------------------------------------------------------------------------
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


-- ---------------------------------------------------------------------------
-- interaction_channel: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are taxonomy_*)
-- ---------------------------------------------------------------------------
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


-- ---------------------------------------------------------------------------
-- interaction_urgency: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are taxonomy_*)
-- ---------------------------------------------------------------------------
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


-- ---------------------------------------------------------------------------
-- interaction_direction: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are taxonomy_*)
-- ---------------------------------------------------------------------------
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
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON interaction_stage_rules TO @extowner@;

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


-- ---------------------------------------------------------------------------
-- routing_priority: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are routing_priority_*)
-- ---------------------------------------------------------------------------
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

CREATE OPERATOR = (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR < (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = routing_priority, RIGHTARG = routing_priority, PROCEDURE = routing_priority_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

CREATE OPERATOR CLASS routing_priority_ops DEFAULT FOR TYPE routing_priority USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 2 routing_priority_sortsupport(internal),
	FUNCTION 1 routing_priority_cmp(routing_priority, routing_priority);
CREATE OPERATOR CLASS routing_priority_hash_ops DEFAULT FOR TYPE routing_priority USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 routing_priority_hash(routing_priority),
	FUNCTION 2 routing_priority_hash_extended(routing_priority, bigint);

CREATE AGGREGATE min(routing_priority) (SFUNC = routing_priority_smaller, STYPE = routing_priority,
	COMBINEFUNC = routing_priority_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(routing_priority) (SFUNC = routing_priority_larger, STYPE = routing_priority,
	COMBINEFUNC = routing_priority_larger, SORTOP = >, PARALLEL = SAFE);
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

COMMENT ON AGGREGATE min(routing_priority) IS 'the priority routed last';
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

-- ---------------------------------------------------------------------------
-- skillset: comparison operators, btree and hash operator classes (made from
-- sql/install/ordered_type.sql.in; the C functions are skillset_*)
-- ---------------------------------------------------------------------------
CREATE FUNCTION skillset_eq(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_ne(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_lt(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_le(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_gt(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_ge(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skillset_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_cmp(skillset, skillset) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_hash(skillset) RETURNS integer
	AS 'MODULE_PATHNAME', 'skillset_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION skillset_hash_extended(skillset, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skillset_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;

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

COMMENT ON FUNCTION skillset_eq(skillset, skillset) IS 'implementation of = for skillset';
COMMENT ON FUNCTION skillset_ne(skillset, skillset) IS 'implementation of <> for skillset';
COMMENT ON FUNCTION skillset_lt(skillset, skillset) IS 'implementation of < for skillset';
COMMENT ON FUNCTION skillset_le(skillset, skillset) IS 'implementation of <= for skillset';
COMMENT ON FUNCTION skillset_gt(skillset, skillset) IS 'implementation of > for skillset';
COMMENT ON FUNCTION skillset_ge(skillset, skillset) IS 'implementation of >= for skillset';
COMMENT ON FUNCTION skillset_cmp(skillset, skillset) IS 'btree support: -1, 0 or 1';
COMMENT ON FUNCTION skillset_hash(skillset) IS 'hash support';
COMMENT ON FUNCTION skillset_hash_extended(skillset, bigint) IS 'hash support (seeded)';

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
