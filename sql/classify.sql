--
-- classify: classify_stage(), touchpoint_words(), stage_vocabulary(),
-- the user rules in interaction_stage_rules, nps_category()
--
\i test/regress_helpers.sql

-- declarations: volatility, strictness, parallel safety
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.proname IN ('classify_stage', 'touchpoint_words', 'stage_vocabulary',
                    'nps_category', 'interaction_stage_rules_changed')
ORDER BY p.proname;

-- the rules table is a configuration table (pg_dump keeps its rows)
SELECT 'interaction_stage_rules'::regclass = ANY (extconfig) AS config_dumped
FROM pg_extension WHERE extname = 'interaction';
SELECT count(*) AS user_rules FROM interaction_stage_rules;

-- every built-in phrase, with the stage it must give
CREATE TEMP TABLE classify_expected (phrase text, stage journey_stage);
INSERT INTO classify_expected VALUES
  ('ad', 'awareness'), ('ad click', 'awareness'), ('advertisement', 'awareness'),
  ('impression', 'awareness'), ('social post', 'awareness'), ('social media', 'awareness'),
  ('search', 'awareness'), ('web search', 'awareness'), ('word of mouth', 'awareness'),
  ('event', 'awareness'), ('webinar', 'awareness'), ('blog', 'awareness'),
  ('video', 'awareness'), ('podcast', 'awareness'), ('newsletter', 'awareness'),
  ('demo', 'consideration'), ('trial', 'consideration'), ('free trial', 'consideration'),
  ('sales call', 'consideration'), ('pricing', 'consideration'),
  ('pricing page', 'consideration'), ('case study', 'consideration'),
  ('comparison', 'consideration'), ('quote', 'consideration'), ('q&a', 'consideration'),
  ('purchase', 'acquisition'), ('order', 'acquisition'), ('checkout', 'acquisition'),
  ('transaction', 'acquisition'), ('signup', 'acquisition'), ('sign up', 'acquisition'),
  ('contract', 'acquisition'), ('onboarding', 'acquisition'), ('welcome', 'acquisition'),
  ('setup', 'acquisition'), ('activation', 'acquisition'),
  ('support', 'retention'), ('ticket', 'retention'), ('support ticket', 'retention'),
  ('check-in', 'retention'), ('account review', 'retention'), ('training', 'retention'),
  ('product update', 'retention'), ('survey', 'retention'), ('renewal', 'retention'),
  ('repeat purchase', 'retention'), ('upsell', 'retention'), ('billing', 'retention'),
  ('referral', 'advocacy'), ('review', 'advocacy'), ('testimonial', 'advocacy'),
  ('case study participation', 'advocacy'), ('community', 'advocacy'),
  ('beta', 'advocacy'), ('loyalty program', 'advocacy'), ('success story', 'advocacy');
SELECT phrase, stage AS expected, classify_stage(phrase) AS got,
       classify_stage(phrase) IS NOT DISTINCT FROM stage AS ok
FROM classify_expected ORDER BY stage, phrase;
-- ... the same in upper case, with punctuation for blanks, and inside a sentence
SELECT count(*) AS phrases,
       count(*) FILTER (WHERE classify_stage(upper(phrase)) = stage) AS upper_ok,
       count(*) FILTER (WHERE classify_stage(replace(phrase, ' ', '_')) = stage) AS underscore_ok,
       count(*) FILTER (WHERE classify_stage(replace(phrase, ' ', '-')) = stage) AS dash_ok,
       count(*) FILTER (WHERE classify_stage('My ' || initcap(phrase) || '!') = stage) AS in_text_ok
FROM classify_expected;
-- stage_vocabulary() lists exactly these phrases
SELECT e.phrase AS missing_from_vocabulary, v.phrase AS not_in_test, e.stage, v.stage
FROM classify_expected e FULL JOIN stage_vocabulary() v ON v.phrase = e.phrase
WHERE e.phrase IS NULL OR v.phrase IS NULL OR e.stage <> v.stage;
SELECT stage, count(*) FROM stage_vocabulary() GROUP BY stage ORDER BY stage;

-- case and punctuation: only the words count
SELECT t, touchpoint_words(t), classify_stage(t)
FROM unnest(ARRAY['Ad Click', 'ad_click', 'ad-click', 'AD  CLICK', '  ad...click!  ',
                  'AdClick', 'Q&A', 'q & a', 'Q/A session', 'Q and A', 'QA',
                  'check-in', 'Check In', 'CHECK_IN', 'checkin',
                  'signup', 'Sign-Up', 'sign up', 'SIGN_UP', 'sign',
                  'word-of-mouth', 'Word of Mouth referral']) AS t;

-- whole words only
SELECT t, touchpoint_words(t), classify_stage(t)
FROM unnest(ARRAY['adventure', 'bad', 'ad5', 'ad 5', 'reviewed', 'reviews', 'preorder',
                  'pre-order', 'set up', 'setup', 'Clicked pricing page link',
                  'pricing-page-visit', 'case', 'study case', 'repeat', 'purchase repeat']) AS t;

-- the longest phrase wins: words first, then characters, then the earliest
SELECT t, touchpoint_words(t), classify_stage(t)
FROM unnest(ARRAY['case study', 'case study participation', 'Case-Study Participation form',
                  'purchase', 'repeat purchase', 'Repeat purchase order',
                  'review', 'account review', 'Quarterly account review meeting',
                  'support ticket review', 'review support ticket',
                  'webinar demo', 'demo webinar', 'blog demo', 'demo blog',
                  'ad click free trial', 'free trial ad click', 'order review']) AS t;

-- NULL, empty, blanks only, no words; non-ASCII letters belong to words (case-folded),
-- Unicode punctuation and spaces separate them
SELECT t, touchpoint_words(t), classify_stage(t)
FROM unnest(ARRAY[NULL, '', '   ', '-- // --', E'tab\tdemo\nline', 'Démo', 'DEMO ü',
                  'démo', 'Webinar—recording', E'Free\u00a0trial', '«Demo»', 'ªdemo', 'Pricing · FAQ',
                  'customer’s review', E'\u2022 demo']) AS t;
-- touchpoints longer than the matcher's stack buffer
SELECT classify_stage(repeat('x ', 1000) || 'pricing page') AS long_text,
       classify_stage(repeat('ad', 50000)) AS one_long_word,
       classify_stage(repeat('case study ', 10000) || 'participation') AS long_tail,
       length(touchpoint_words(repeat('..Ab', 1000))) AS words_len;

-- non-ASCII letters: Unicode simple case folding (the database is UTF-8)
SELECT t, touchpoint_words(t)
FROM unnest(ARRAY['DÉMO PRODUIT', 'Öl-Ärger', 'ΩΜΈΓΑ ΟΔΌΣ', 'ωμέγα οδός', 'ПРОДАЖА Ёлка',
                  'ẞ STRASSE', 'µ-ÅNGSTRÖM', E'\u212A\u212B \u2126', 'İstanbul', 'ȺȾ Ab',
                  'ǅ ǈ', 'ÿŸ ǲ']) AS t;
-- folding can lengthen a text (Ⱥ is 2 bytes, ⱥ 3): past the stack buffer too
SELECT octet_length(repeat('Ⱥ', 1000)) AS bytes_in,
       octet_length(touchpoint_words(repeat('Ⱥ', 1000))) AS bytes_out,
       touchpoint_words(repeat('Ⱥ', 1000)) = repeat('ⱥ', 1000) AS all_folded,
       touchpoint_words(repeat('ȺȾ-', 100)) = rtrim(repeat('ⱥⱦ ', 100)) AS words_folded;

-- Unicode punctuation, symbols and emoji separate words, by general category (each
-- character below lies outside U+0080-U+00BF and U+2000-U+207F, the ranges that
-- separated words before): Pc, Pd, Ps, Pe, Pi, Pf, Po, Sm, Sc, Sk, So, then emoji
-- with the variation selector U+FE0F (and the text selector U+FE0E), a ZWJ
-- sequence, a keycap, a flag, a skin tone; letters with marks stay whole.
-- psql 17 and later measure the width of these characters differently, so the
-- column t is padded differently there: expected/classify_1.out
SELECT category, t, touchpoint_words(t)
FROM (VALUES ('Pc', E'demo\uFF3Fday'), ('Pd', E'demo\u2E3Aday'), ('Ps', E'demo\u3008day'),
             ('Pe', E'demo\u3009day'), ('Pi', E'demo\u2E02day'), ('Pf', E'demo\u2E03day'),
             ('Po', E'demo\uFF01day'), ('Sm', E'demo\u2192day'), ('Sc', E'demo\u20ACday'),
             ('Sk', E'demo\u02DCday'), ('So', E'demo\u2605day'),
             ('emoji', E'demo\U0001F6A8day'), ('emoji+FE0F', E'demo\u26A0\uFE0Fday'),
             ('emoji+FE0E', E'demo\u26A0\uFE0Eday'),
             ('ZWJ sequence', E'demo\U0001F469\u200D\U0001F4BBday'),
             ('keycap', E'demo1\uFE0F\u20E3day'), ('flag', E'demo\U0001F1E9\U0001F1EAday'),
             ('skin tone', E'demo\U0001F44D\U0001F3FDday'),
             ('marks stay', E'de\u0301mo na\u0308ive'), ('CJK stays', '演示日')) AS v(category, t);
SELECT classify_urgency('Urgent🚨') AS siren, classify_urgency('server down⚠️') AS warning_sign,
       classify_urgency('urgent！') AS fullwidth_bang, classify_kind('Thanks😊') AS smiley,
       classify_stage('webinar→signup') AS arrow;

-- ---------------------------------------------------------------------------
-- user rules
-- ---------------------------------------------------------------------------
INSERT INTO interaction_stage_rules VALUES ('adventure', 'advocacy');
SELECT classify_stage('adventure park') AS adventure, classify_stage('ad') AS ad;
-- a user rule beats any built-in phrase, even a longer one
INSERT INTO interaction_stage_rules VALUES ('Click', 'retention');
SELECT classify_stage('ad click') AS ad_click, classify_stage('case study participation click') AS any_rule;
-- among user rules the longest wins; a rule may restate a built-in phrase
INSERT INTO interaction_stage_rules VALUES ('double click', 'acquisition'), ('REVIEW', 'retention');
SELECT t, classify_stage(t)
FROM unnest(ARRAY['click', 'double-click', 'double click review', 'product review',
                  'click adventure', 'adventure click']) AS t;

-- long rules: a prefix alone does not match; non-ASCII letters compare case-folded
INSERT INTO interaction_stage_rules VALUES ('one two three four five six', 'retention'),
  ('two three', 'awareness'), ('Démo client', 'acquisition'), ('ΟΔΟΣ', 'awareness'),
  ('öffnung', 'retention');
SELECT t, classify_stage(t)
FROM unnest(ARRAY['x one two three four five six y', 'one two three four five seven',
                  'one two three', 'Démo-Client', 'DÉMO CLIENT', 'démo client', 'Demo client',
                  'νέα οδος', 'ΟΔΟΣ', 'Οδός', 'ÖFFNUNG', 'Öffnung heute']) AS t;
-- the unique index on touchpoint_words(phrase) sees case-folded duplicates
INSERT INTO interaction_stage_rules VALUES ('DÉMO  CLIENT', 'retention');
INSERT INTO interaction_stage_rules VALUES ('οδος', 'retention');
DELETE FROM interaction_stage_rules
WHERE phrase IN ('one two three four five six', 'two three', 'Démo client', 'ΟΔΟΣ', 'öffnung');

-- bad rules
INSERT INTO interaction_stage_rules VALUES ('Double_Click', 'awareness');
INSERT INTO interaction_stage_rules VALUES ('  -- ', 'awareness');
INSERT INTO interaction_stage_rules VALUES ('', 'awareness');
INSERT INTO interaction_stage_rules VALUES ('nothing', NULL);
INSERT INTO interaction_stage_rules VALUES ('nothing', 'nowhere');
INSERT INTO interaction_stage_rules VALUES (NULL, 'awareness');
SELECT * FROM interaction_stage_rules ORDER BY phrase;

-- every change is seen by the next statement: update, delete, truncate
UPDATE interaction_stage_rules SET stage = 'consideration' WHERE phrase = 'adventure';
SELECT classify_stage('adventure') AS after_update;
UPDATE interaction_stage_rules SET phrase = 'Adventure Park' WHERE phrase = 'adventure';
SELECT classify_stage('adventure') AS renamed_away, classify_stage('adventure-park') AS renamed_to;
DELETE FROM interaction_stage_rules WHERE phrase = 'Click';
SELECT classify_stage('ad click') AS after_delete;
TRUNCATE interaction_stage_rules;
SELECT classify_stage('adventure park') AS after_truncate, classify_stage('review') AS review;

-- ... inside a transaction, and undone by a rollback
BEGIN;
SELECT classify_stage('onboarding') AS before;
INSERT INTO interaction_stage_rules VALUES ('onboarding', 'retention');
SELECT classify_stage('onboarding') AS in_transaction;
ROLLBACK;
SELECT classify_stage('onboarding') AS after_rollback;
BEGIN;
INSERT INTO interaction_stage_rules VALUES ('onboarding', 'retention');
SAVEPOINT s;
UPDATE interaction_stage_rules SET stage = 'advocacy';
SELECT classify_stage('onboarding') AS in_savepoint;
ROLLBACK TO SAVEPOINT s;
SELECT classify_stage('onboarding') AS after_rollback_to;
COMMIT;
SELECT classify_stage('onboarding') AS after_commit;
-- a failed statement leaves the rules as they were
INSERT INTO interaction_stage_rules VALUES ('welcome', 'retention'), ('-', 'retention');
SELECT classify_stage('welcome') AS after_error;
-- changes made by a function, within one outer statement
CREATE FUNCTION pg_temp.classify_after_rule(p text, s journey_stage, t text)
RETURNS journey_stage LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO interaction_stage_rules VALUES (p, s);
  RETURN classify_stage(t);
END $$;
SELECT classify_stage('welcome pack') AS before,
       pg_temp.classify_after_rule('welcome pack', 'advocacy', 'welcome pack') AS inside;
SELECT classify_stage('welcome pack') AS after;

-- parallel workers read the rules too, and agree with a serial run
CREATE TABLE classify_touchpoints AS
SELECT i, (ARRAY['Ad click', 'Welcome pack sent', 'Onboarding call', 'Pricing page visit',
                 'adventure', 'nothing here'])[1 + i % 6] AS touchpoint
FROM generate_series(1, 60000) AS i;
ANALYZE classify_touchpoints;
CREATE TEMP TABLE classify_serial AS
SELECT classify_stage(touchpoint) AS stage, count(*) AS n FROM classify_touchpoints GROUP BY 1;
:force_parallel
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT classify_stage(touchpoint), count(*) FROM classify_touchpoints GROUP BY 1;
SELECT classify_stage(touchpoint) AS stage, count(*) AS n
FROM classify_touchpoints GROUP BY 1 ORDER BY 1;
SELECT (SELECT string_agg(coalesce(s.stage::text, '-') || ':' || s.n, ' ' ORDER BY s.stage) FROM classify_serial s) =
       (SELECT string_agg(coalesce(p.stage::text, '-') || ':' || p.n, ' ' ORDER BY p.stage)
        FROM (SELECT classify_stage(touchpoint) AS stage, count(*) AS n
              FROM classify_touchpoints GROUP BY 1) p) AS parallel_matches_serial;
:reset_parallel
RESET parallel_leader_participation;
DROP TABLE classify_touchpoints;
DELETE FROM interaction_stage_rules;

-- cross-check against a reference written in SQL, on generated touchpoints: the
-- matcher must pick what the rules above say (user rule, words, characters, position);
-- the words are drawn by hashing, so every major and plan makes the same touchpoints
SELECT setseed(0.42);
INSERT INTO interaction_stage_rules VALUES ('free demo', 'acquisition'), ('click', 'retention'),
  ('q a review', 'awareness'), ('account', 'advocacy'), ('x x x x', 'consideration');
CREATE TEMP TABLE classify_random AS
SELECT g, string_agg((ARRAY['ad', 'Click', 'free', 'Trial', 'demo', 'case', 'study', 'participation',
                            'review', 'account', 'repeat', 'purchase', 'Q&A', 'q', 'a', 'support',
                            'ticket', 'x', 'pricing', 'page', '-', '!', 'web', 'search', 'word of',
                            'mouth', 'ad-click', 'X_X'])[1 + (hashint8(g * 16 + k)::int8 & 2147483647) % 28],
                  ' ' ORDER BY k) AS t
FROM generate_series(1, 4000) AS g,
     LATERAL generate_series(1, 1 + ((hashint4(g)::int8 & 2147483647) % 10)::int) AS k
GROUP BY g;
WITH phrases AS (
  SELECT touchpoint_words(phrase) AS w, stage, true AS usr FROM interaction_stage_rules
  UNION ALL
  SELECT touchpoint_words(phrase), stage, false FROM stage_vocabulary()
), ref AS (
  SELECT DISTINCT ON (r.g) r.g, p.stage
  FROM classify_random r
  JOIN phrases p ON strpos(' ' || touchpoint_words(r.t) || ' ', ' ' || p.w || ' ') > 0
  ORDER BY r.g, p.usr DESC, array_length(string_to_array(p.w, ' '), 1) DESC, length(p.w) DESC,
           strpos(' ' || touchpoint_words(r.t) || ' ', ' ' || p.w || ' ')
)
SELECT count(*) AS touchpoints, count(ref.stage) AS matched,
       count(*) FILTER (WHERE classify_stage(r.t) IS DISTINCT FROM ref.stage) AS differ
FROM classify_random r LEFT JOIN ref USING (g);
-- normalising is idempotent and does not change the answer; ASCII case never matters
SELECT count(*) FILTER (WHERE touchpoint_words(touchpoint_words(t)) <> touchpoint_words(t)) AS not_idempotent,
       count(*) FILTER (WHERE classify_stage(touchpoint_words(t)) IS DISTINCT FROM classify_stage(t)) AS differ,
       count(*) FILTER (WHERE classify_stage(upper(t)) IS DISTINCT FROM classify_stage(t)) AS case_differs
FROM classify_random;
DELETE FROM interaction_stage_rules;

-- the triggers: a row trigger for INSERT, UPDATE, DELETE (logical replication fires
-- only row triggers) and a statement trigger for TRUNCATE, both ENABLE ALWAYS
SELECT tgname, tgenabled, pg_get_triggerdef(oid) AS definition
FROM pg_trigger WHERE tgrelid = 'interaction_stage_rules'::regclass ORDER BY tgname;
-- many rows, one statement: the rules are reloaded (once) for the next statement
INSERT INTO interaction_stage_rules SELECT 'bulk phrase ' || i, 'retention' FROM generate_series(1, 500) i;
SELECT classify_stage('bulk phrase 250') AS bulk_row, classify_stage('bulk phrase 501') AS not_a_rule;
DELETE FROM interaction_stage_rules WHERE phrase LIKE 'bulk phrase %';
SELECT classify_stage('bulk phrase 250') AS deleted;
-- the trigger function is only a trigger
SELECT interaction_stage_rules_changed();

-- ---------------------------------------------------------------------------
-- nps_category
-- ---------------------------------------------------------------------------
SELECT s, nps_category(s) FROM generate_series(0, 10) AS s;
SELECT nps_category(NULL) IS NULL AS null_in_null_out;
SELECT nps_category(-1);
SELECT nps_category(11);
SELECT nps_category(2147483647);
-- the SQLSTATE of a score out of range: 22003
\set VERBOSITY sqlstate
SELECT nps_category(-1);
SELECT nps_category(11);
\set VERBOSITY default
