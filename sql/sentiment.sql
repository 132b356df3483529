--
-- sentiment: sentiment(), sentiment_label(), the interaction_sentiment type, the
-- built-in valence vocabulary and the rules table interaction_sentiment_rules
--

-- declarations: volatility, strictness, parallel safety
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.prosrc,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.proname IN ('sentiment', 'sentiment_label', 'sentiment_vocabulary')
ORDER BY p.proname;
-- the rules table: kept by pg_dump, readable by everyone, its triggers
SELECT c.relname, c.oid = ANY (e.extconfig) AS config_dumped,
       has_table_privilege('public', c.oid, 'SELECT') AS public_select,
       has_table_privilege('public', c.oid, 'INSERT') AS public_insert
FROM pg_extension e, pg_class c
WHERE e.extname = 'interaction' AND c.relname = 'interaction_sentiment_rules';
SELECT tgname, tgenabled, pg_get_triggerdef(oid) AS definition
FROM pg_trigger WHERE tgrelid = 'interaction_sentiment_rules'::regclass ORDER BY tgname;

-- ---------------------------------------------------------------------------
-- the type: a taxonomy type like the other five
-- ---------------------------------------------------------------------------
SELECT interaction_sentiment_labels();
SELECT 'Positive'::interaction_sentiment, ' NEG '::interaction_sentiment, 'neu'::interaction_sentiment;
SELECT 'happy'::interaction_sentiment;
SELECT l, l < 'positive'::interaction_sentiment AS below_positive
FROM unnest(interaction_sentiment_labels()) AS l ORDER BY l DESC;
SELECT min(l), max(l), count(DISTINCT l)
FROM unnest(interaction_sentiment_labels()) AS l;
SELECT interaction_sentiment_send('negative'), interaction_sentiment_send('positive');

-- ---------------------------------------------------------------------------
-- the rules people expect of a lexicon scorer
-- ---------------------------------------------------------------------------
SELECT t, round(sentiment(t)::numeric, 3) AS score, sentiment_label(t) AS label FROM (VALUES
  ('The agent was helpful'), ('The agent was very helpful'), ('The agent was extremely helpful'),
  ('The agent was slightly helpful'), ('The agent was not helpful'), ('The agent was never helpful, ever'),
  ('The agent was HELPFUL'), ('THE AGENT WAS HELPFUL'), ('The agent was helpful!'),
  ('The agent was helpful!!!!!!!!'), ('good'), ('not good'), ('not very good'),
  ('It was good but the delivery was terrible'), ('It was terrible but the agent was good'),
  ('The app is great, however it crashes'),
  ('no problem'), ('not bad'), ('not bad at all'), ('I can''t complain'), ('no issues so far'),
  ('problem'), ('bad'), ('issues'),
  ('Still waiting for my refund'), ('This is the third time I call'), ('It broke again'),
  ('I want to cancel'), ('Please kindly send the invoice'), ('Please advise'),
  ('Thanks :)'), ('thanks:)'), ('Not happy :('), ('<3'), ('great 👍'), ('👎'), ('😡😡😡'),
  ('see http://example.org/ for details'), ('Order #5521 shipped on 2024-05-01'),
  ('Hi, my name is Siobhán Ní Bhriain'), (''), ('   '), ('!!!')) AS v(t);
-- score and label agree, thresholds at -0.05 and 0.05
SELECT count(*) AS disagreements FROM (VALUES ('good'), ('bad'), ('meh'), ('fine'), ('ok'), ('odd'),
  ('weird'), ('hope'), ('sorry'), ('manager')) AS v(t)
WHERE sentiment_label(t) IS DISTINCT FROM
      CASE WHEN sentiment(t) <= -0.05 THEN 'negative' WHEN sentiment(t) >= 0.05 THEN 'positive'
           ELSE 'neutral' END::interaction_sentiment;
-- NULL in, NULL out
SELECT sentiment(NULL) AS s, sentiment_label(NULL) AS l;

-- ---------------------------------------------------------------------------
-- the built-in vocabulary
-- ---------------------------------------------------------------------------
SELECT count(*) >= 400 AS enough, min(valence) >= -4 AND max(valence) <= 4 AS in_range,
       count(*) FILTER (WHERE valence > 0) > 100 AS positives,
       count(*) FILTER (WHERE valence < 0) > 100 AS negatives,
       count(*) FILTER (WHERE valence = 0) AS neutral_on_purpose
FROM sentiment_vocabulary();
-- no two phrases read the same words, every phrase has words
SELECT touchpoint_words(phrase), count(*) FROM sentiment_vocabulary()
GROUP BY 1 HAVING count(*) > 1 OR touchpoint_words(phrase) = '';
-- every phrase alone has the sign of its valence
SELECT phrase, valence, sentiment(phrase) FROM sentiment_vocabulary()
WHERE sign(sentiment(phrase)) <> sign(valence);

-- ---------------------------------------------------------------------------
-- user rules: beat the built-in vocabulary, longest phrase wins, seen by the
-- next statement, checked
-- ---------------------------------------------------------------------------
INSERT INTO interaction_sentiment_rules VALUES ('sick', 3), ('not working', 0.5), ('Fair Enough', 2.5);
SELECT t, round(sentiment(t)::numeric, 3) AS score FROM (VALUES
  ('that trick is sick'), ('the printer is not working'), ('fair enough'), ('fair')) AS v(t);
-- a user phrase beats a built-in one that overlaps it ("still waiting"); among
-- user phrases the longest wins
INSERT INTO interaction_sentiment_rules VALUES ('waiting for', 2), ('great', 1), ('not so great', -3);
SELECT t, round(sentiment(t)::numeric, 3) AS score FROM (VALUES
  ('still waiting'), ('still waiting for the release'), ('great'), ('not great'), ('not so great')) AS v(t);
DELETE FROM interaction_sentiment_rules WHERE phrase IN ('waiting for', 'great', 'not so great');
INSERT INTO interaction_sentiment_rules VALUES ('fair-enough', 2);
INSERT INTO interaction_sentiment_rules VALUES ('whatever', 5);
INSERT INTO interaction_sentiment_rules VALUES ('whatever', 'NaN');
INSERT INTO interaction_sentiment_rules VALUES ('!!!', 1);
UPDATE interaction_sentiment_rules SET valence = -2 WHERE phrase = 'sick';
SELECT round(sentiment('that trick is sick')::numeric, 3) AS after_update;
BEGIN;
DELETE FROM interaction_sentiment_rules;
SELECT round(sentiment('that trick is sick')::numeric, 3) AS deleted_in_transaction;
ROLLBACK;
SELECT round(sentiment('that trick is sick')::numeric, 3) AS after_rollback;
TRUNCATE interaction_sentiment_rules;
SELECT round(sentiment('that trick is sick')::numeric, 3) AS after_truncate;

-- privileges and row-level security, as for the other rules tables
CREATE ROLE sentiment_reader;
REVOKE SELECT ON interaction_sentiment_rules FROM PUBLIC;
SET ROLE sentiment_reader;
SELECT sentiment('good');
RESET ROLE;
GRANT SELECT ON interaction_sentiment_rules TO PUBLIC;
ALTER TABLE interaction_sentiment_rules ENABLE ROW LEVEL SECURITY;
SET ROLE sentiment_reader;
SELECT sentiment('good');
RESET ROLE;
ALTER TABLE interaction_sentiment_rules DISABLE ROW LEVEL SECURITY;
SET ROLE sentiment_reader;
SELECT round(sentiment('good')::numeric, 3) AS allowed_again;
RESET ROLE;
DROP ROLE sentiment_reader;

-- ---------------------------------------------------------------------------
-- fuzz: long texts, every Unicode class, invalid bytes, parallel equal to serial
-- ---------------------------------------------------------------------------
SELECT round(sentiment(repeat('not bad, but still waiting. ', 100000))::numeric, 3) AS long_text,
       round(sentiment(repeat('x', 1000000))::numeric, 3) AS one_long_word,
       round(sentiment(repeat('good ', 200000) || repeat(':( ', 10))::numeric, 3) AS many_matches;
-- every code point of the BMP and the emoji planes, alone and in a sentence
SELECT count(*) AS texts,
       count(*) FILTER (WHERE s BETWEEN -1 AND 1) AS in_range,
       count(*) FILTER (WHERE s <> 0) AS with_signal
FROM (SELECT sentiment(chr(c)) AS s FROM generate_series(1, 196607) AS c
      WHERE c NOT BETWEEN 55296 AND 57343
      UNION ALL
      SELECT sentiment('good ' || chr(c) || ' but bad' || chr(c) || '!')
      FROM generate_series(1, 196607, 7) AS c WHERE c NOT BETWEEN 55296 AND 57343) AS f;
-- invalid byte sequences never reach us: the server rejects them
SELECT sentiment(convert_from('\xc3'::bytea, 'UTF8'));
SELECT sentiment(E'good \xff');
-- random texts from the vocabulary's words: parallel equals serial
CREATE TABLE sentiment_texts AS
SELECT i, string_agg(w, CASE WHEN (i + k) % 5 = 0 THEN ', ' ELSE ' ' END ORDER BY k) AS t
FROM generate_series(1, 20000) AS i,
     LATERAL (SELECT k, (ARRAY['not', 'very', 'good', 'bad', 'but', 'no', 'problem', 'GREAT', 'still',
                               'waiting', ':)', 'slightly', 'refund', 'again', 'thanks', '!', 'the',
                               'agent', 'kind', 'of', 'helpful', '😡', 'can''t', 'complain'])
                       [1 + (hashint4(i * 31 + k) & 2147483647) % 24] AS w
              FROM generate_series(1, 1 + i % 12) AS k) AS words
GROUP BY i;
ANALYZE sentiment_texts;
CREATE TEMP TABLE sentiment_serial AS
SELECT sentiment_label(t) AS l, count(*) AS n, sum(sentiment(t)) AS total FROM sentiment_texts GROUP BY 1;
SELECT l, n, round(total::numeric, 3) AS total FROM sentiment_serial ORDER BY l;
\i test/regress_helpers.sql
:force_parallel
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT sentiment_label(t), count(*), sum(sentiment(t)) FROM sentiment_texts GROUP BY 1;
SELECT (SELECT string_agg(s.l || ':' || s.n || ':' || round(s.total::numeric, 6), ' ' ORDER BY s.l) FROM sentiment_serial s) =
       (SELECT string_agg(p.l || ':' || p.n || ':' || round(p.total::numeric, 6), ' ' ORDER BY p.l)
        FROM (SELECT sentiment_label(t) AS l, count(*) AS n, sum(sentiment(t)) AS total
              FROM sentiment_texts GROUP BY 1) p) AS parallel_matches_serial;
:reset_parallel
RESET parallel_leader_participation;
DROP TABLE sentiment_texts;

-- every emoticon of the vocabulary, alone and after a word
SELECT e, round(sentiment(e)::numeric, 3) AS alone, round(sentiment('ok ' || e)::numeric, 3) AS after_a_word,
       round(sentiment('thanks' || e)::numeric, 3) AS attached
FROM unnest(ARRAY[':)', ':-)', ':]', '=)', ':D', ':-D', 'xD', 'XD', ';)', ';-)', ':P', ':p', '<3', '^^',
                  '^_^', ':o)', ':(', ':-(', ':[', '=(', ':''(', ':/', ':-/', ':\', ':|', ':-|', '>:(',
                  'D:', ':@', '</3', ':S', ':-S', '-_-', 'T_T', ':((', ':))', '(mobile)', 'Re:']) AS e;
