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
-- see 20_classify.sql).  One statement list serves both tables.
DO $rules$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT * FROM (VALUES
		('interaction_kind_rules', 'kind', 'interaction_kind', 'classify_kind'),
		('interaction_urgency_rules', 'urgency', 'interaction_urgency', 'classify_urgency'))
		AS v(tab, col, typ, fn)
	LOOP
		EXECUTE format($sql$
			CREATE TABLE %1$I (
				phrase text PRIMARY KEY
					CONSTRAINT %2$I CHECK (touchpoint_words(phrase) <> ''),
				%3$I %4$I NOT NULL
			);
			COMMENT ON TABLE %1$I IS %5$L;
			CREATE UNIQUE INDEX %6$I ON %1$I (touchpoint_words(phrase));
			SELECT pg_catalog.pg_extension_config_dump(%1$L, '');
			GRANT SELECT ON %1$I TO PUBLIC;
			GRANT INSERT, UPDATE, DELETE, TRUNCATE ON %1$I TO @extowner@;
			CREATE TRIGGER %7$I AFTER INSERT OR UPDATE OR DELETE ON %1$I
				FOR EACH ROW EXECUTE FUNCTION interaction_rules_changed();
			ALTER TABLE %1$I ENABLE ALWAYS TRIGGER %7$I;
			CREATE TRIGGER %8$I AFTER TRUNCATE ON %1$I
				FOR EACH STATEMENT EXECUTE FUNCTION interaction_rules_changed();
			ALTER TABLE %1$I ENABLE ALWAYS TRIGGER %8$I;
			$sql$, r.tab, r.tab || '_phrase_has_words', r.col, r.typ,
			'user rules for ' || r.fn || '(): they beat the built-in vocabulary',
			r.tab || '_words_key', r.tab || '_changed', r.tab || '_truncated');
	END LOOP;
END
$rules$;

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
