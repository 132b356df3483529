--
-- skills: the skillset type, containment, skill_fit, and its index support
--
-- operator classes are well-formed
SELECT opcname, amname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'skillset'::regtype
ORDER BY opcname;

-- canonical text: sorted by name, lower case, one entry per name, ", " between
SELECT s::skillset AS canonical
FROM (VALUES ('billing:4, spanish:3'), ('spanish:3,billing:4'),
             ('  Spanish : 3 ,	BILLING:4  '), (E'\nbilling:4,\tspanish:+3\n'),
             ('billing:04, spanish:3'), ('tech-support:2, a.b_c-9:10, 3d:1')) AS t(s);
-- a repeated skill keeps its highest level
SELECT 'billing:2, spanish:3, Billing:7, billing:5'::skillset AS dup,
       'x:1, x:1'::skillset AS same;
-- the empty skillset: '' or only blanks
SELECT ''::skillset AS empty, '   '::skillset = '' AS blanks_empty, skill_count('');
-- output re-reads to the same value; casts to and from text
SELECT s::text::skillset = s AS roundtrip, s::text AS as_text
FROM (VALUES ('billing:4, spanish:3'::skillset), (''), ('a:10, b:1')) AS t(s);
SELECT 'z:1, a:2'::text::skillset, pg_typeof('a:1'::skillset::text);
-- a name of 63 characters is allowed
SELECT skill_count((repeat('n', 63) || ':1')::skillset);

-- constructor from arrays, accessors
SELECT skillset(ARRAY['Spanish', 'billing', 'BILLING'], ARRAY[3, 4, 6]) AS from_arrays,
       skillset('{}', '{}') AS from_empty;
SELECT * FROM skills('spanish:3, billing:4, chat:10');
SELECT skill_level('billing:4, spanish:3', 'billing') AS billing,
       skill_level('billing:4, spanish:3', 'SPANISH') AS spanish,
       skill_level('billing:4, spanish:3', 'french') AS french,
       skill_level('billing:4', 'not a skill name') AS bad_name,
       skill_level('billing:4', repeat('b', 100)) AS long_name,
       skill_count('billing:4, spanish:3') AS n;

-- containment truth table: agent @> required, required <@ agent
SELECT agent, required, agent @> required AS contains, required <@ agent AS contained,
       skill_fit(agent, required)
FROM (VALUES
  ('billing:4', 'billing:4'),               -- equal level
  ('billing:5', 'billing:4'),               -- above
  ('billing:3', 'billing:4'),               -- below
  ('spanish:9', 'billing:4'),               -- missing skill
  ('billing:4, spanish:3', 'billing:4'),    -- extra skill
  ('billing:4', 'billing:4, spanish:3'),    -- one of two
  ('billing:10, spanish:10', 'billing:1, spanish:1'),
  ('billing:4, spanish:2', 'billing:4, spanish:3'),
  ('a:1, c:1, e:1', 'b:1, d:1'),            -- interleaved names, none present
  ('a:1, b:1, c:1, d:1', 'b:1, d:1'),
  ('billing:4', ''),                        -- nothing required
  ('', ''),
  ('', 'billing:1')                         -- agent without skills
) AS t(a, r), LATERAL (SELECT a::skillset AS agent, r::skillset AS required) s
ORDER BY 1, 2;
-- @> is not symmetric; <@ is its commutator
SELECT 'billing:5'::skillset @> 'billing:4' AS a, 'billing:4'::skillset @> 'billing:5' AS b,
       'billing:5'::skillset <@ 'billing:4' AS c, 'billing:4'::skillset <@ 'billing:5' AS d;

-- skill_fit: qualified agents rank above the rest; among them the closest fit first
CREATE TABLE pool (agent text, skills skillset);
INSERT INTO pool VALUES
  ('exact',       'billing:4, spanish:3'),
  ('over_level',  'billing:6, spanish:3'),
  ('extra_skill', 'billing:4, spanish:3, french:2'),
  ('expert',      'billing:10, spanish:10, french:10, chat:10'),
  ('short_one',   'billing:4, spanish:2'),
  ('short_much',  'billing:1'),
  ('none',        'french:5'),
  ('empty',       ''),
  ('unknown',     NULL);
SELECT agent, skills, skills @> 'billing:4, spanish:3' AS qualified,
       round(skill_fit(skills, 'billing:4, spanish:3')::numeric, 4) AS fit
FROM pool ORDER BY skill_fit(skills, 'billing:4, spanish:3') DESC NULLS LAST, agent;
-- picking the best agent
SELECT agent FROM pool WHERE skills @> 'billing:4, spanish:3'
ORDER BY skill_fit(skills, 'billing:4, spanish:3') DESC LIMIT 1;
-- fit is 1 exactly for an exact match, in (0,1) for surplus, in [-1,0) when short
SELECT skill_fit('billing:4', 'billing:4') AS exact,
       skill_fit('billing:5', 'billing:4') AS one_level_over,
       skill_fit('billing:4, chat:10', 'billing:4') AS unused_skill,
       skill_fit('billing:3', 'billing:4') AS one_short,
       skill_fit('french:5', 'billing:4') AS missing,
       skill_fit('', '') AS both_empty,
       skill_fit('billing:10', '') AS nothing_required;

-- NULLs pass through
SELECT NULL::skillset @> 'a:1' AS a, 'a:1' <@ NULL::skillset AS b,
       skill_fit(NULL, 'a:1') AS c, skill_fit('a:1', NULL) AS d,
       skill_level(NULL, 'a') AS e, skill_level('a:1', NULL) AS f,
       skill_count(NULL) AS g, skillset(NULL, '{1}') AS h;
SELECT count(*) FROM skills(NULL);

-- equality, ordering, GROUP BY, DISTINCT (btree and hash)
SELECT 'a:1, b:2'::skillset = 'B:2,A:1' AS eq, 'a:1'::skillset <> 'a:2' AS ne,
       'a:1'::skillset < 'a:2' AS lt, 'a:9'::skillset < 'b:1' AS lt2,
       'a:1'::skillset < 'a:1, b:1' AS prefix_first, ''::skillset <= 'a:1' AS le,
       'b:1'::skillset > 'a:10, c:1' AS gt, 'a:1'::skillset >= 'a:1' AS ge;
SELECT skills, skills IS NULL AS is_null, count(*) FROM (VALUES ('a:1, b:2'::skillset), ('b:2, a:1'), ('a:1'),
  (''), ('A:1'), (NULL)) AS t(skills) GROUP BY skills ORDER BY skills;
-- the same groups sorted and hashed
INSERT INTO pool SELECT agent || '_twin', skills::text FROM pool;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT skills FROM pool;
SELECT string_agg(coalesce(skills::text, 'NULL'), ' | ' ORDER BY skills) FROM (SELECT DISTINCT skills FROM pool) d;
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT skills FROM pool;
SELECT string_agg(coalesce(skills::text, 'NULL'), ' | ' ORDER BY skills) FROM (SELECT DISTINCT skills FROM pool) d;
RESET enable_sort;
DELETE FROM pool WHERE agent LIKE '%_twin';
SELECT skillset_hash('a:1, b:2') = skillset_hash('b:2, a:1') AS same_hash,
       skillset_hash_extended('a:1', 7) = skillset_hash_extended('A:1', 7) AS same_hash_ext;

-- the support functions, called directly, are the operators they implement
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE skillset_contains(x.skills, y.skills) IS DISTINCT FROM (x.skills @> y.skills)
                           OR skillset_contained(x.skills, y.skills) IS DISTINCT FROM (x.skills <@ y.skills)
                           OR skillset_eq(x.skills, y.skills) IS DISTINCT FROM (x.skills = y.skills)
                           OR skillset_ne(x.skills, y.skills) IS DISTINCT FROM (x.skills <> y.skills)
                           OR skillset_lt(x.skills, y.skills) IS DISTINCT FROM (x.skills < y.skills)
                           OR skillset_le(x.skills, y.skills) IS DISTINCT FROM (x.skills <= y.skills)
                           OR skillset_gt(x.skills, y.skills) IS DISTINCT FROM (x.skills > y.skills)
                           OR skillset_ge(x.skills, y.skills) IS DISTINCT FROM (x.skills >= y.skills)
                           OR sign(skillset_cmp(x.skills, y.skills)) IS DISTINCT FROM
                              CASE WHEN x.skills < y.skills THEN -1 WHEN x.skills > y.skills THEN 1
                                   WHEN x.skills = y.skills THEN 0 END
                           OR skillset_in(skillset_out(x.skills), 'skillset'::regtype, -1) IS DISTINCT FROM x.skills) AS disagree
FROM pool x, pool y;
-- the type and its operator classes use them (recv and the GIN functions take internal)
SELECT t.typinput = 'skillset_in'::regproc AS input, t.typoutput = 'skillset_out'::regproc AS output,
       t.typreceive = 'skillset_recv'::regproc AS recv, t.typsend = 'skillset_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'skillset'::regtype;
SELECT opc.opcname, ap.amprocnum, ap.amproc::regproc
FROM pg_opclass opc JOIN pg_amproc ap ON ap.amprocfamily = opc.opcfamily
WHERE opc.opcname IN ('skillset_ops', 'skillset_hash_ops', 'skillset_gin_ops')
ORDER BY 1, 2;
SELECT count(*) AS gin_support
FROM pg_amproc ap JOIN pg_opclass opc ON ap.amprocfamily = opc.opcfamily
WHERE opc.opcname = 'skillset_gin_ops'
  AND ap.amproc IN ('skillset_gin_extract_value'::regproc, 'skillset_gin_extract_query'::regproc,
                    'skillset_gin_consistent'::regproc, 'skillset_gin_triconsistent'::regproc);

-- bad input: syntax is 22P02, levels out of 1..10 are 22003, limits 54000
\set VERBOSITY default
SELECT 'billing'::skillset;
SELECT 'billing:'::skillset;
SELECT 'billing:x'::skillset;
SELECT 'billing:4.5'::skillset;
SELECT 'billing:4,'::skillset;
SELECT ',billing:4'::skillset;
SELECT 'billing:4,,spanish:3'::skillset;
SELECT 'billing:4 spanish:3'::skillset;
SELECT 'billing:4; spanish:3'::skillset;
SELECT ':4'::skillset;
SELECT 'bill ing:4'::skillset;
SELECT 'billing:4:5'::skillset;
SELECT 'café:4'::skillset;
SELECT 'billing:0'::skillset;
SELECT 'billing:11'::skillset;
SELECT 'billing:-1'::skillset;
SELECT 'billing:99999999999999999999'::skillset;
SELECT (repeat('n', 64) || ':1')::skillset;
SELECT (SELECT string_agg('s' || i || ':1', ',') FROM generate_series(1, 1001) i)::skillset;
SELECT skill_count((SELECT string_agg('s' || i || ':1', ',') FROM generate_series(1, 1000) i)::skillset);
SELECT skillset(ARRAY['billing'], ARRAY[11]);
SELECT skillset(ARRAY['bill ing'], ARRAY[1]);
SELECT skillset(ARRAY['billing', 'spanish'], ARRAY[1]);
SELECT skillset(ARRAY['billing', NULL], ARRAY[1, 2]);
SELECT skillset(ARRAY[['a'], ['b']], ARRAY[[1], [2]]);
-- the SQLSTATE of each kind of bad input: syntax 22P02, a level outside 1..10
-- 22003 (in text and in the skillset() constructor), limits 54000
\set VERBOSITY sqlstate
SELECT 'billing'::skillset;
SELECT 'billing:4.5'::skillset;
SELECT 'bill ing:4'::skillset;
SELECT 'billing:0'::skillset;
SELECT 'billing:11'::skillset;
SELECT 'billing:99999999999999999999'::skillset;
SELECT (repeat('n', 64) || ':1')::skillset;
SELECT skillset(ARRAY['billing'], ARRAY[11]);
SELECT skillset(ARRAY['bill ing'], ARRAY[1]);
\set VERBOSITY default

-- binary COPY round trip
\i test/regress_helpers.sql
CREATE TEMP TABLE pool_copy (LIKE pool);
COPY pool TO :'binfile' WITH (FORMAT binary);
COPY pool_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE p.skills IS NOT DISTINCT FROM c.skills) AS equal
FROM pool p JOIN pool_copy c USING (agent);
-- version byte, count, then level, name length, name per skill
SELECT skillset_send('billing:4, spanish:3') AS two, skillset_send('') AS empty;
-- crafted binary input: a well-formed value, then every kind of bad one
CREATE TEMP TABLE bin (s skillset);
SELECT pg_temp.write_binary_copy(:'binfile',
  '\x0100000002040762696c6c696e6703077370616e697368');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT s, s = 'billing:4, spanish:3' AS same FROM bin;
-- each kind of damage, with its SQLSTATE
SELECT what, pg_temp.binary_copy_error('bin', bytes) AS error
FROM (VALUES
  ('unknown version',               '\x0200000000'::bytea),
  ('shorter than the header',       '\x01000000'),
  ('negative count',                '\x01ffffffff'),
  ('count beyond the data',         '\x017fffffff040162'),
  ('count beyond the limit',        '\x01000003e9'::bytea
                                    || (SELECT string_agg('\x010161'::bytea, '') FROM generate_series(1, 1001))),
  ('data ends inside a name',       '\x0100000001040762696c6c'),
  ('data ends inside a skill',      '\x0100000002040361626305'),
  ('level 0',                       '\x0100000001000161'),
  ('level 11',                      '\x01000000010b0161'),
  ('empty name',                    '\x0100000001040000'),
  ('upper case name',               '\x01000000010401' || 'A'::bytea),
  ('bad character',                 '\x01000000010401' || ':'::bytea),
  ('not sorted',                    '\x0100000002040162040161'),
  ('a name twice',                  '\x0100000002040161050161'),
  ('trailing bytes',                '\x010000000104016100')) AS v(what, bytes);
SELECT count(*) FROM bin;

-- GIN index: @> is a bitmap index scan whose answers equal a sequential scan's
SELECT setseed(0.5);
CREATE TABLE agents (id int, skills skillset);
INSERT INTO agents
SELECT i, (SELECT skillset(coalesce(array_agg('s' || (random() * 20)::int), '{}'),
                           coalesce(array_agg(1 + (random() * 9)::int), '{}'))
           FROM generate_series(1, (random() * 6)::int) WHERE i > 0)
FROM generate_series(1, 5000) AS i;
INSERT INTO agents VALUES (5001, NULL), (5002, ''), (5003, 'x22980:5'), (5004, 'x78973:2');
CREATE INDEX agents_skills ON agents USING gin (skills);
ANALYZE agents;
-- 400 random requirements of one to three skills, and edge cases
CREATE TABLE reqs AS
SELECT q, (SELECT skillset(coalesce(array_agg('s' || (random() * 20)::int), '{}'),
                           coalesce(array_agg(1 + (random() * 9)::int), '{}'))
           FROM generate_series(1, 1 + (random() * 2)::int) WHERE q > 0) AS req
FROM generate_series(1, 400) AS q;
-- x22980 and x78973 share a 28-bit name hash (so their index keys collide)
SELECT hashtext('x22980') & x'0fffffff'::int = hashtext('x78973') & x'0fffffff'::int AS collide;
INSERT INTO reqs VALUES (401, ''), (402, 'x22980:5'), (403, 'x78973:2'), (404, 'x78973:3'),
  (405, 'x22980:6'), (406, 's1:10, s2:10, s3:10, s4:10'), (407, 'nobody:1');
ANALYZE reqs;
-- PostgreSQL 18 prints "Disabled: true" under a plan node it was told to avoid, and in
-- EXPLAIN ANALYZE buffers, index searches and fractional rows: expected/skills_1.out
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM agents WHERE skills @> 's1:7, s2:5';
EXPLAIN (COSTS OFF) SELECT count(*) FROM agents WHERE 's1:7, s2:5' <@ skills;
EXPLAIN (COSTS OFF) SELECT r.q, a.id FROM reqs r JOIN agents a ON a.skills @> r.req;
CREATE TEMP TABLE by_index AS SELECT r.q, a.id FROM reqs r JOIN agents a ON a.skills @> r.req;
RESET enable_seqscan;
SET enable_bitmapscan = off; SET enable_indexscan = off;
EXPLAIN (COSTS OFF) SELECT r.q, a.id FROM reqs r JOIN agents a ON a.skills @> r.req;
CREATE TEMP TABLE by_scan AS SELECT r.q, a.id FROM reqs r JOIN agents a ON a.skills @> r.req;
RESET enable_bitmapscan; RESET enable_indexscan;
-- the index hands agent 5003 (x22980:5) to the query x78973:3, and the recheck drops it
SET enable_seqscan = off;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM agents WHERE skills @> 'x78973:3';
RESET enable_seqscan;
-- the same rows either way; and the test has teeth: many matches, many misses
SELECT (SELECT count(*) FROM (TABLE by_index EXCEPT ALL TABLE by_scan) d) AS only_index,
       (SELECT count(*) FROM (TABLE by_scan EXCEPT ALL TABLE by_index) d) AS only_scan,
       (SELECT count(*) FROM by_index) AS matches,
       (SELECT count(*) FROM reqs WHERE q NOT IN (SELECT q FROM by_index)) AS reqs_without_match;
SELECT q, req, array_agg(id ORDER BY id) FILTER (WHERE id > 5000) AS edge_agents, count(id)
FROM reqs LEFT JOIN by_index USING (q) WHERE q > 400 GROUP BY q, req ORDER BY q;
-- a plain index query, the same as without the index
SET enable_seqscan = off;
SELECT count(*) FROM agents WHERE skills @> 's1:7, s2:5';
RESET enable_seqscan;
SELECT count(*) FROM agents WHERE skill_level(skills, 's1') >= 7 AND skill_level(skills, 's2') >= 5;

-- the LEAKPROOF comparison and hash functions report a damaged value (here an
-- unknown format version 7, made through a binary-coercible cast) without any
-- of its bytes (1.0 printed the version)
CREATE CAST (bytea AS skillset) WITHOUT FUNCTION;
SELECT q, pg_temp.error_of(q) FROM (VALUES
  ($$SELECT '\x07000000'::bytea::skillset = 'a:1'$$),
  ($$SELECT skillset_cmp('\x07000000'::bytea::skillset, 'a:1')$$),
  ($$SELECT skillset_hash('\x07000000'::bytea::skillset)$$),
  ($$SELECT skillset_hash_extended('\x07000000'::bytea::skillset, 1)$$),
  ($$SELECT '\x01000000'::bytea::skillset = ''$$)
) AS t(q);
DROP CAST (bytea AS skillset);

DROP TABLE pool, agents, reqs;
