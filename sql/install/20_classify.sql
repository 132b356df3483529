
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
	AS 'MODULE_PATHNAME', 'interaction_rules_changed' LANGUAGE C VOLATILE PARALLEL SAFE;
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
