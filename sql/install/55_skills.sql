
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
-- @ordered_type skillset skillset
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
