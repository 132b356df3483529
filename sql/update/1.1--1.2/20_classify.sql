-- The rules tables' trigger functions are named after the SQL function in the
-- library too since 1.2 (the older C names stay for the released scripts).
CREATE OR REPLACE FUNCTION interaction_stage_rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'interaction_rules_changed' LANGUAGE C VOLATILE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION interaction_rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'interaction_rules_changed' LANGUAGE C VOLATILE PARALLEL SAFE;
