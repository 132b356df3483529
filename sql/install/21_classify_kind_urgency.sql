-- since 1.1
-- ---------------------------------------------------------------------------
-- Kind and urgency classification: the engine of classify_stage() over two
-- more taxonomies, each a built-in vocabulary plus a rules table
-- (src/classify.c, doc/classify.md)
-- ---------------------------------------------------------------------------

-- The trigger function of the rules tables of 1.1 (VOLATILE; triggers never fire
-- in a parallel worker, SAFE like every function of the extension).
CREATE FUNCTION interaction_rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'interaction_rules_changed' LANGUAGE C VOLATILE PARALLEL SAFE;
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
-- @rule_table interaction_kind_rules

CREATE TABLE interaction_urgency_rules (
	phrase text PRIMARY KEY
		CONSTRAINT interaction_urgency_rules_phrase_has_words
		CHECK (touchpoint_words(phrase) OPERATOR(pg_catalog.<>) ''),
	urgency interaction_urgency NOT NULL
);
COMMENT ON TABLE interaction_urgency_rules IS 'user rules for classify_urgency(): they beat the built-in vocabulary';
-- @rule_table interaction_urgency_rules

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
