--
-- schema: the extension installed in (and moved to) a schema that is not on the
-- search_path, its functions called schema-qualified.  Ends with the extension
-- back in public, as the later test files expect.
--
SET client_min_messages = warning;
DROP EXTENSION interaction CASCADE;
RESET client_min_messages;
CREATE SCHEMA ix;
CREATE EXTENSION interaction SCHEMA ix;
SET search_path = public;

-- nothing of ours is visible unqualified
SELECT classify_stage('demo');
SELECT 'demo'::journey_stage;

-- the taxonomy types, qualified
SELECT 'In Person'::ix.interaction_channel AS channel, 'purchase'::ix.journey_stage AS stage,
       ix.stage_rank('retention'), ix.next_stage('awareness'),
       'awareness'::ix.journey_stage OPERATOR(ix.<) 'advocacy'::ix.journey_stage AS ordered;

-- classification, built-in and with user rules in ix.interaction_stage_rules
SELECT t, ix.classify_stage(t), pg_typeof(ix.classify_stage(t)), ix.touchpoint_words(t)
FROM unnest(ARRAY['Ad-Click', 'Clicked pricing page link', 'adventure', 'loyalty program']) AS t;
INSERT INTO ix.interaction_stage_rules VALUES ('Adventure', 'advocacy'), ('Pricing Page', 'acquisition');
SELECT t, ix.classify_stage(t)
FROM unnest(ARRAY['Ad-Click', 'Clicked pricing page link', 'adventure', 'loyalty program']) AS t;
INSERT INTO ix.interaction_stage_rules VALUES ('adventure!', 'retention');
INSERT INTO ix.interaction_stage_rules VALUES ('...', 'retention');
SELECT ix.classify_stage('adventure') OPERATOR(ix.=) 'advocacy'::ix.journey_stage AS equal;
SELECT ix.nps_category(9), ix.nps_category(6);
SELECT count(*) FROM ix.stage_vocabulary();

-- moved to another schema: the rules move with it and are still used
CREATE SCHEMA ix2;
ALTER EXTENSION interaction SET SCHEMA ix2;
SELECT ix2.classify_stage('adventure') AS moved, ix2.classify_stage('pricing page');
UPDATE ix2.interaction_stage_rules SET stage = 'awareness' WHERE phrase = 'Adventure';
SELECT ix2.classify_stage('adventure') AS after_update;
SELECT count(*) AS rules FROM ix2.interaction_stage_rules;

-- nothing is left behind in the first schema
SELECT count(*) AS in_ix FROM pg_proc WHERE pronamespace = 'ix'::regnamespace;

-- back to public
SET client_min_messages = warning;
DROP EXTENSION interaction CASCADE;
RESET client_min_messages;
DROP SCHEMA ix;
DROP SCHEMA ix2;
CREATE EXTENSION interaction;
SELECT classify_stage('adventure') AS fresh_rules, count(*) AS rules FROM interaction_stage_rules;
