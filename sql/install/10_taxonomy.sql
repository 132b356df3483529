-- ---------------------------------------------------------------------------
-- The five taxonomy types of 1.0, each a row of the table in src/taxonomy.c
-- and this directive (sql/install/taxonomy_type.sql.in)
-- ---------------------------------------------------------------------------
-- @taxonomy_type journey_stage 0
-- @taxonomy_type interaction_kind 1
-- @taxonomy_type interaction_channel 2
-- @taxonomy_type interaction_urgency 3
-- @taxonomy_type interaction_direction 4

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
