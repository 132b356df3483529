-- ---------------------------------------------------------------------------
-- The five taxonomy types, each made from sql/install/taxonomy_type.sql.in
-- ---------------------------------------------------------------------------
-- @taxonomy_type journey_stage
-- @taxonomy_type interaction_kind
-- @taxonomy_type interaction_channel
-- @taxonomy_type interaction_urgency
-- @taxonomy_type interaction_direction

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
