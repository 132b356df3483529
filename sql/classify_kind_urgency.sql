--
-- classify_kind_urgency: classify_kind() and classify_urgency(), the engine they share
-- with classify_stage(), their rules tables; privileges and row-level security of
-- every rules table
--
\i test/regress_helpers.sql

-- declarations: volatility, strictness, parallel safety
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.prosrc,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.proname IN ('classify_kind', 'classify_urgency', 'kind_vocabulary', 'urgency_vocabulary',
                    'interaction_rules_changed', 'classify_stage', 'stage_vocabulary')
ORDER BY p.proname;

-- the rules tables are configuration tables (pg_dump keeps their rows), readable by
-- everyone and writable by the extension's owner
SELECT c.relname, c.oid = ANY (e.extconfig) AS config_dumped,
       has_table_privilege('public', c.oid, 'SELECT') AS public_select,
       has_table_privilege('public', c.oid, 'INSERT') AS public_insert
FROM pg_extension e, pg_class c
WHERE e.extname = 'interaction' AND c.relname LIKE 'interaction\_%\_rules'
ORDER BY c.relname;
SELECT tgrelid::regclass, tgname, tgenabled, pg_get_triggerdef(oid) AS definition
FROM pg_trigger
WHERE tgrelid IN ('interaction_kind_rules'::regclass, 'interaction_urgency_rules'::regclass)
ORDER BY 1::text, 2;

-- ---------------------------------------------------------------------------
-- every built-in phrase, by family, gives its label: alone, in upper case, with
-- punctuation for blanks, inside a sentence
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE vocabulary_expected AS
SELECT taxonomy, label, unnest(phrases) AS phrase
FROM (VALUES
  ('kind', 'inquiry', ARRAY['question', 'questions', 'quick question', 'how do i', 'how can i', 'how do we', 'how do you', 'how does', 'how to', 'how much', 'how long', 'what is', 'what are', 'where is', 'where can i', 'when will', 'when does', 'is there', 'is it possible', 'do you offer', 'do you have', 'do you ship', 'can i', 'pricing', 'price', 'prices', 'information', 'info', 'availability', 'quote', 'wondering', 'curious', 'inquiry', 'enquiry', 'can you tell me', 'are there', 'how many']),
  ('kind', 'support', ARRAY['not working', 'stopped working', 'doesn''t work', 'doesnt work', 'cant log in', 'cant login', 'does not work', 'won''t work', 'broken', 'error', 'errors', 'error message', 'help', 'issue', 'issues', 'problem', 'problems', 'bug', 'bugs', 'crash', 'crashes', 'crashed', 'crashing', 'can''t log in', 'cannot log in', 'can''t login', 'cannot login', 'unable to', 'reset password', 'reset my password', 'password reset', 'fix', 'fails', 'failed', 'failing', 'fail', 'stuck', 'freezes', 'frozen', 'won''t load', 'doesn''t load', 'not loading', 'locked out', 'glitch', 'troubleshoot', 'assistance', 'freezing', 'is wrong', 'went wrong', 'outage', 'is down', 'are down', 'went down', 'offline', 'security breach', 'data loss', 'cannot access', 'can''t access', 'hacked']),
  ('kind', 'complaint', ARRAY['complaint', 'complain', 'complained', 'complaining', 'unacceptable', 'refund', 'money back', 'terrible', 'awful', 'horrible', 'angry', 'furious', 'disappointed', 'disappointing', 'frustrated', 'frustrating', 'worst', 'rude', 'overcharged', 'charged twice', 'double charged', 'cancel my account', 'cancel my subscription', 'ridiculous', 'poor service', 'bad service', 'never again', 'not happy', 'unhappy', 'not satisfied', 'dissatisfied', 'spam', 'still waiting', 'thanks for nothing']),
  ('kind', 'feedback', ARRAY['suggestion', 'suggestions', 'suggest', 'feature request', 'feedback', 'idea', 'ideas', 'would be nice', 'would be great if', 'improve', 'improvement', 'please add', 'could you add', 'would love to see', 'it would help', 'wish', 'consider adding', 'you should', 'would be better', 'could be better', 'just a thought']),
  ('kind', 'compliment', ARRAY['thank you', 'thanks', 'great service', 'great job', 'great support', 'excellent', 'amazing', 'love', 'awesome', 'well done', 'kudos', 'helpful', 'fantastic', 'wonderful', 'brilliant', 'lovely', 'impressed', 'appreciate', 'perfect', 'for your help', 'for the help', 'quick fix', 'problem solved', 'issue resolved']),
  ('urgency', 'critical', ARRAY['urgent', 'urgently', 'asap', 'as soon as possible', 'immediately', 'emergency', 'outage', 'down', 'security breach', 'data loss', 'lost data', 'cannot access', 'can''t access', 'unable to access', 'critical', 'right now', 'hacked', 'high priority', 'top priority']),
  ('urgency', 'planned', ARRAY['scheduled', 'schedule', 'quarterly review', 'annual review', 'renewal', 'training session', 'appointment', 'meeting', 'onboarding call', 'next week', 'next month', 'reschedule', 'planned', 'upcoming', 'maintenance window']),
  ('urgency', 'stabilizing', ARRAY['newsletter', 'check-in', 'update', 'updates', 'reminder', 'tips', 'routine', 'fyi', 'no rush', 'no hurry', 'not urgent', 'isn''t urgent', 'nothing urgent', 'when you have time', 'when you get a chance', 'low priority', 'just checking', 'following up', 'follow up'])
) AS f(taxonomy, label, phrases);
-- the classifier of a taxonomy, as text
CREATE FUNCTION pg_temp.classify(taxonomy text, t text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT CASE taxonomy WHEN 'kind' THEN classify_kind(t)::text
                             ELSE classify_urgency(t)::text END $$;
SELECT taxonomy, label, count(*) AS phrases,
       count(*) FILTER (WHERE pg_temp.classify(taxonomy, phrase) = label) AS alone_ok,
       count(*) FILTER (WHERE pg_temp.classify(taxonomy, upper(phrase)) = label) AS upper_ok,
       count(*) FILTER (WHERE pg_temp.classify(taxonomy, replace(phrase, ' ', '_')) = label) AS underscore_ok,
       count(*) FILTER (WHERE pg_temp.classify(taxonomy, replace(phrase, ' ', '-')) = label) AS dash_ok,
       count(*) FILTER (WHERE pg_temp.classify(taxonomy, 'Re: ticket 4411 - ' || initcap(phrase) || '!!') = label) AS in_text_ok
FROM vocabulary_expected GROUP BY taxonomy, label ORDER BY taxonomy, label;
SELECT taxonomy, phrase, label AS expected, pg_temp.classify(taxonomy, phrase) AS got
FROM vocabulary_expected WHERE pg_temp.classify(taxonomy, phrase) IS DISTINCT FROM label;
-- kind_vocabulary() and urgency_vocabulary() list exactly these phrases
SELECT e.phrase AS missing_from_vocabulary, v.phrase AS not_in_test, e.label, v.label
FROM (SELECT * FROM vocabulary_expected) e
FULL JOIN (SELECT 'kind' AS taxonomy, phrase, kind::text AS label FROM kind_vocabulary()
           UNION ALL
           SELECT 'urgency', phrase, urgency::text FROM urgency_vocabulary()) v
       ON v.taxonomy = e.taxonomy AND v.phrase = e.phrase
WHERE e.phrase IS NULL OR v.phrase IS NULL OR e.label <> v.label;
-- no phrase is given twice within a taxonomy
SELECT taxonomy, touchpoint_words(phrase), count(*) FROM vocabulary_expected GROUP BY 1, 2 HAVING count(*) > 1;

-- nothing matches: NULL; NULL in, NULL out; whole words only (no stemming)
SELECT t, classify_kind(t) AS kind, classify_urgency(t) AS urgency
FROM unnest(ARRAY[NULL, '', '   ', '?!', 'Order #5521 shipped', 'helper', 'errorless',
                  'downtown store', 'Pricey', 'thanksgiving menu', 'updated address']) AS t;

-- ---------------------------------------------------------------------------
-- negation: not, no, never, cannot, a word ending in n't (also written without
-- the apostrophe) within the two words before a phrase, in the same clause
-- ---------------------------------------------------------------------------
SELECT t, touchpoint_words(t), classify_kind(t) AS kind, classify_urgency(t) AS urgency
FROM unnest(ARRAY[
    'this is urgent', 'this is not urgent', 'not very urgent', 'not at all urgent',
    'it isn''t urgent', 'it isn’t urgent', 'it isnt urgent', 'never urgent', 'no emergency',
    'I don''t think it''s urgent', 'Not working, urgent!', 'not working. urgent', 'Not working - urgent',
    'Not working – urgent', 'not-urgent',
    'no problem', 'no problem at all', 'No, the problem is back', 'No. Still broken.', 'not broken',
    'I don''t need help', 'I don''t really need help', 'I don''t really really need help',
    'can''t complain', 'cannot complain', 'I won''t complain', 'wont complain', 'not a complaint',
    'never had a complaint', 'never had any real complaint', 'not helpful', 'not helpful, rude',
    'it''s helpful', 'can''t access my account', 'I can''t log in', 'doesn''t work',
    'It''s not that it doesn''t work', 'not (urgent)', 'not urgent: outage']) AS t;

-- ---------------------------------------------------------------------------
-- mixed signals: a phrase inside a longer match of the same origin does not count;
-- among the rest the longest phrase wins (the more specific: 'how do i' beats
-- 'refund', 'great service' beats 'terrible', 'no rush' beats 'outage'); between
-- phrases of as many words the label of higher precedence (kinds: complaint,
-- support, inquiry, feedback, compliment; urgency: critical, planned, stabilizing),
-- then the earliest
-- ---------------------------------------------------------------------------
SELECT t, classify_kind(t) AS kind, classify_urgency(t) AS urgency
FROM unnest(ARRAY[
    'thanks', 'thanks, but it crashes', 'it crashes, thanks', 'thanks for nothing',
    'thanks for your help', 'I need help', 'would love to see dark mode', 'I love it',
    'how do I get a refund', 'question about pricing', 'suggestion: a refund button',
    'great service but terrible food', 'idea: thank you cards',
    'update: the site is down', 'reminder: meeting next week', 'routine update',
    'urgent reminder', 'quarterly review, no rush', 'no rush, outage']) AS t;

-- ---------------------------------------------------------------------------
-- user rules: they beat any built-in phrase; among them the same order decides;
-- negation counts for them too
-- ---------------------------------------------------------------------------
INSERT INTO interaction_kind_rules VALUES ('chargeback', 'complaint'), ('Thanks', 'support'),
  ('where is my order', 'support'), ('Wrong size', 'complaint');
INSERT INTO interaction_urgency_rules VALUES ('down payment', 'planned'), ('ASAP', 'stabilizing'),
  ('legal action', 'critical');
SELECT t, classify_kind(t) AS kind, classify_urgency(t) AS urgency
FROM unnest(ARRAY[
    'Chargeback filed', 'thanks!', 'thank you', 'Where is my order?', 'where is the store?',
    'wrong size, please help', 'terrible: wrong size', 'not the wrong size', 'no chargeback',
    'down payment due', 'the site is down', 'asap', 'ASAP, outage', 'down payment, urgent',
    'we will take legal action', 'no legal action']) AS t;
-- two spellings of the same words are one rule; no words, NULL: refused
INSERT INTO interaction_kind_rules VALUES ('wrong-size', 'support');
INSERT INTO interaction_kind_rules VALUES ('...', 'support');
INSERT INTO interaction_kind_rules VALUES ('x', NULL);
INSERT INTO interaction_urgency_rules VALUES (NULL, 'critical');
-- bad labels are refused by the types' input (22P02)
\set VERBOSITY sqlstate
INSERT INTO interaction_kind_rules VALUES ('x', 'praise!');
INSERT INTO interaction_kind_rules VALUES ('x', 'critical');
INSERT INTO interaction_urgency_rules VALUES ('x', 'soon');
INSERT INTO interaction_urgency_rules VALUES ('x', 'complaint');
COPY interaction_kind_rules FROM stdin;
x	nonsense
\.
\set VERBOSITY default
INSERT INTO interaction_kind_rules VALUES ('x', 'nonsense');
-- a label of the wrong taxonomy is a type error
INSERT INTO interaction_kind_rules VALUES ('x', 'critical'::interaction_urgency);
-- synonyms of the types are accepted as labels
INSERT INTO interaction_kind_rules VALUES ('kudos to', 'praise');
SELECT phrase, kind FROM interaction_kind_rules ORDER BY phrase COLLATE "C";

-- every change is seen by the next statement: update, delete, truncate, rollback
UPDATE interaction_kind_rules SET kind = 'feedback' WHERE phrase = 'chargeback';
SELECT classify_kind('chargeback') AS after_update;
DELETE FROM interaction_kind_rules WHERE phrase = 'chargeback';
SELECT classify_kind('chargeback') AS after_delete;
BEGIN;
TRUNCATE interaction_urgency_rules;
SELECT classify_urgency('down payment') AS truncated;
ROLLBACK;
SELECT classify_urgency('down payment') AS after_rollback;
-- a statement that changes rules itself (through a function) sees them from the
-- function's next command on, in the rest of the statement too; changes committed
-- by other sessions wait for the next statement (test/t/020_stage_rules.pl)
CREATE FUNCTION pg_temp.kind_after_rule(p text, k interaction_kind, t text)
RETURNS interaction_kind LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO interaction_kind_rules VALUES (p, k);
  RETURN classify_kind(t);
END $$;
SELECT classify_kind('blorp') AS before, pg_temp.kind_after_rule('blorp', 'feedback', 'blorp') AS inside,
       classify_kind('blorp') AS same_command;
SELECT classify_kind('blorp') AS next_statement;
-- the three taxonomies keep their own rules
INSERT INTO interaction_stage_rules VALUES ('blorp', 'advocacy');
INSERT INTO interaction_urgency_rules VALUES ('blorp', 'planned');
SELECT classify_stage('blorp'), classify_kind('blorp'), classify_urgency('blorp');
DELETE FROM interaction_stage_rules;
TRUNCATE interaction_kind_rules, interaction_urgency_rules;
SELECT classify_stage('blorp'), classify_kind('blorp'), classify_urgency('blorp');

-- parallel workers read the rules too, and agree with a serial run
INSERT INTO interaction_kind_rules VALUES ('parcel', 'complaint');
CREATE TABLE classify_tickets AS
SELECT i, (ARRAY['Parcel lost', 'Thanks a lot', 'App crashes', 'Not urgent: idea', 'nothing',
                 'Where is my parcel? urgent'])[1 + i % 6] AS body
FROM generate_series(1, 60000) AS i;
ANALYZE classify_tickets;
CREATE TEMP TABLE classify_serial AS
SELECT classify_kind(body) AS kind, classify_urgency(body) AS urgency, count(*) AS n
FROM classify_tickets GROUP BY 1, 2;
:force_parallel
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT classify_kind(body), classify_urgency(body), count(*) FROM classify_tickets GROUP BY 1, 2;
SELECT classify_kind(body) AS kind, classify_urgency(body) AS urgency, count(*) AS n
FROM classify_tickets GROUP BY 1, 2 ORDER BY 1, 2;
SELECT (SELECT string_agg(coalesce(kind::text, '-') || '/' || coalesce(urgency::text, '-') || ':' || n, ' ' ORDER BY kind, urgency) FROM classify_serial) =
       (SELECT string_agg(coalesce(kind::text, '-') || '/' || coalesce(urgency::text, '-') || ':' || n, ' ' ORDER BY kind, urgency)
        FROM (SELECT classify_kind(body) AS kind, classify_urgency(body) AS urgency, count(*) AS n
              FROM classify_tickets GROUP BY 1, 2) p) AS parallel_matches_serial;
:reset_parallel
RESET parallel_leader_participation;
DROP TABLE classify_tickets;
TRUNCATE interaction_kind_rules;

-- ---------------------------------------------------------------------------
-- privileges: the rules are read with the caller's rights (42501 without SELECT);
-- row-level security is refused, never bypassed
-- ---------------------------------------------------------------------------
CREATE ROLE regress_classify_reader;
INSERT INTO interaction_stage_rules VALUES ('secret plan', 'advocacy');
INSERT INTO interaction_kind_rules VALUES ('secret plan', 'compliment');
INSERT INTO interaction_urgency_rules VALUES ('secret plan', 'planned');
SET ROLE regress_classify_reader;
SELECT classify_stage('secret plan'), classify_kind('secret plan'), classify_urgency('secret plan');
RESET ROLE;
REVOKE SELECT ON interaction_stage_rules, interaction_kind_rules, interaction_urgency_rules FROM PUBLIC;
SET ROLE regress_classify_reader;
SELECT classify_stage('secret plan');
SELECT classify_kind('secret plan');
SELECT classify_urgency('secret plan');
\set VERBOSITY sqlstate
SELECT classify_kind('secret plan');
\set VERBOSITY default
-- the vocabularies and the words are no secret
SELECT count(*) > 0 AS vocabulary, touchpoint_words('Secret-Plan') FROM kind_vocabulary();
RESET ROLE;
-- the superuser still classifies, in the same session (the cached rules are not the
-- privilege: each statement checks again)
SELECT classify_stage('secret plan'), classify_kind('secret plan'), classify_urgency('secret plan');
SET ROLE regress_classify_reader;
SELECT classify_kind('secret plan');
RESET ROLE;
-- SELECT on both columns is enough
GRANT SELECT (phrase, kind) ON interaction_kind_rules TO regress_classify_reader;
GRANT SELECT (phrase) ON interaction_urgency_rules TO regress_classify_reader;
SET ROLE regress_classify_reader;
SELECT classify_kind('secret plan');
SELECT classify_urgency('secret plan');
RESET ROLE;
REVOKE SELECT (phrase, kind) ON interaction_kind_rules FROM regress_classify_reader;
REVOKE SELECT (phrase) ON interaction_urgency_rules FROM regress_classify_reader;
-- a function that changes the user within a statement is checked too
CREATE FUNCTION classify_as_reader(t text) RETURNS interaction_kind
  LANGUAGE sql STABLE SET role = regress_classify_reader AS $$ SELECT classify_kind(t) $$;
SELECT classify_kind('secret plan') AS as_superuser, classify_as_reader('secret plan') AS as_reader;
DROP FUNCTION classify_as_reader(text);
GRANT SELECT ON interaction_stage_rules, interaction_kind_rules, interaction_urgency_rules TO PUBLIC;
SET ROLE regress_classify_reader;
SELECT classify_stage('secret plan'), classify_kind('secret plan'), classify_urgency('secret plan');
RESET ROLE;

-- row-level security: refused for a role it applies to
ALTER TABLE interaction_kind_rules ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_public_rules ON interaction_kind_rules USING (phrase NOT LIKE 'secret%');
SET ROLE regress_classify_reader;
SELECT count(*) AS rows_the_reader_sees FROM interaction_kind_rules;
SELECT classify_kind('secret plan');
\set VERBOSITY sqlstate
SELECT classify_kind('secret plan');
\set VERBOSITY default
-- the other taxonomies are not concerned
SELECT classify_stage('secret plan'), classify_urgency('secret plan');
RESET ROLE;
-- the superuser bypasses row-level security, and sees every rule
SELECT classify_kind('secret plan');
-- row_security = off: an error rather than rules it may not see
SET ROLE regress_classify_reader;
SET row_security = off;
SELECT classify_kind('secret plan');
RESET row_security;
RESET ROLE;
DROP POLICY only_public_rules ON interaction_kind_rules;
ALTER TABLE interaction_kind_rules DISABLE ROW LEVEL SECURITY;
SET ROLE regress_classify_reader;
SELECT classify_kind('secret plan');
RESET ROLE;
-- the same for the stage rules (1.0 read them bypassing row-level security), with a
-- policy that hides no rule: refused all the same
ALTER TABLE interaction_stage_rules ENABLE ROW LEVEL SECURITY;
CREATE POLICY all_rules ON interaction_stage_rules USING (true);
SET ROLE regress_classify_reader;
SELECT classify_stage('secret plan');
RESET ROLE;
DROP POLICY all_rules ON interaction_stage_rules;
ALTER TABLE interaction_stage_rules DISABLE ROW LEVEL SECURITY;
DELETE FROM interaction_stage_rules;
TRUNCATE interaction_kind_rules, interaction_urgency_rules;
DROP ROLE regress_classify_reader;

-- the trigger function is only a trigger
SELECT interaction_rules_changed();

-- NULL passes through (STRICT); a text without words matches nothing
SELECT classify_kind(NULL) IS NULL AS kind_null, classify_urgency(NULL) IS NULL AS urgency_null,
       classify_kind('') IS NULL AS kind_empty, classify_urgency(' -- ') IS NULL AS urgency_no_words;
