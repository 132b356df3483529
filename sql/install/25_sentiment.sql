-- since 1.2
-- ---------------------------------------------------------------------------
-- Sentiment: sentiment(text) and sentiment_label(text) from the classifier's
-- engine, a valence vocabulary plus a rules table (src/sentiment.c,
-- doc/sentiment.md)
-- ---------------------------------------------------------------------------

-- The sixth taxonomy type, interaction_sentiment: a row of the table in
-- src/taxonomy.c and the one template (new in 1.2, so made here, where both the
-- install and the upgrade script take it).
-- @taxonomy_type interaction_sentiment 5

-- User rules of sentiment(): a phrase (read as words, unique by its words) and
-- its valence in [-4, 4]; made like interaction_kind_rules (kept by pg_dump;
-- readable by everyone, writable by the extension's owner; a row trigger and a
-- TRUNCATE trigger, both ENABLE ALWAYS so that replicated rules reach open
-- sessions, see 20_classify.sql).
CREATE TABLE interaction_sentiment_rules (
	phrase text PRIMARY KEY
		CONSTRAINT interaction_sentiment_rules_phrase_has_words
		CHECK (touchpoint_words(phrase) OPERATOR(pg_catalog.<>) ''),
	valence double precision NOT NULL
		CONSTRAINT interaction_sentiment_rules_valence_range
		CHECK (pg_catalog.abs(valence) OPERATOR(pg_catalog.<=) 4)
);
COMMENT ON TABLE interaction_sentiment_rules IS 'user rules for sentiment(): phrases and their valences in [-4, 4]; they beat the built-in vocabulary';
-- @rule_table interaction_sentiment_rules

-- STABLE: they read their rules table (one answer per statement).
CREATE FUNCTION sentiment(text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sentiment_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sentiment(text) IS 'sentiment of a text, from -1 (negative) to 1 (positive); 0 when nothing in it has a valence (user rules, then the built-in vocabulary)';
CREATE FUNCTION sentiment_label(text) RETURNS interaction_sentiment
	AS 'MODULE_PATHNAME', 'sentiment_label_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sentiment_label(text) IS 'negative (sentiment <= -0.05), positive (>= 0.05) or neutral';

CREATE FUNCTION sentiment_vocabulary(OUT phrase text, OUT valence double precision) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sentiment_vocabulary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION sentiment_vocabulary() IS 'the built-in vocabulary of sentiment(): phrases and their valences';
