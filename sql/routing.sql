--
-- routing_priority: a waiting task's place in a queue
--
\i test/regress_helpers.sql
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- the operator classes are complete
SELECT amname, opcname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opcmethod
WHERE opcintype = 'routing_priority'::regtype
ORDER BY 1;

--
-- construction and accessors
--
SELECT routing_priority(3, '2026-01-01 10:00:00+00');
SELECT routing_priority(3, '2026-01-01 10:00:00+00', '30 seconds');
SELECT routing_priority(3, '2026-01-01 10:00:00+00', '1 day', 2);
SELECT routing_priority(-2, '2026-01-01 10:00:00+00');      -- negative level: ranks later
SELECT routing_priority_deadline('2026-01-01 12:30:00+00');
SELECT routing_priority_deadline('2026-01-01 12:30:00+00', 1);
WITH v(p) AS (VALUES (routing_priority(4, '2026-01-01 10:00:00+00', '2 minutes', 1)))
SELECT tier(p), level(p), enqueued_at(p), virtual_arrival(p),
       wait(p, '2026-01-01 10:07:30+00') AS wait,
       wait(p, '2026-01-03 11:00:00+00') AS long_wait,
       wait(p, '2026-01-01 09:59:00+00') AS before_enqueue
FROM v;
-- level is the level given: expedite, defer and escalate keep it; deadlines have level 0
WITH v(p) AS (VALUES (routing_priority(4, '2026-01-01 10:00:00+00')))
SELECT level(p), level(p + '1 hour'), level(p - '1 hour'), level(escalate(p, 3)),
       level(routing_priority_deadline('2026-01-01 10:00:00+00'))
FROM v;
-- a deadline's enqueued_at is the deadline: wait() is the time past it
WITH v(p) AS (VALUES (routing_priority_deadline('2026-01-01 12:00:00+00')))
SELECT enqueued_at(p), virtual_arrival(p),
       wait(p, '2026-01-01 11:45:00+00') AS before_due,
       wait(p, '2026-01-01 12:10:00+00') AS overdue
FROM v;
-- days count as exactly 24 hours, whatever the time zone (no DST shift)
SET TimeZone = 'Europe/Berlin';
SELECT virtual_arrival(routing_priority(1, '2026-03-29 12:00:00+02', '1 day')),
       virtual_arrival(routing_priority(1, '2026-03-29 12:00:00+02', '24 hours'));
SET TimeZone = 'UTC';

--
-- the order: a > b means a is routed before b
--
CREATE TEMP TABLE pairs (what text, a routing_priority, b routing_priority);
INSERT INTO pairs VALUES
 -- level against waiting time (1 minute per level)
 ('level 2 at 10:03 vs level 0 at 10:04',
  routing_priority(2, '2026-01-01 10:03+00'), routing_priority(0, '2026-01-01 10:04+00')),
 ('level 2 at 10:05 vs level 0 at 10:02',
  routing_priority(2, '2026-01-01 10:05+00'), routing_priority(0, '2026-01-01 10:02+00')),
 ('level 5 at 10:04 vs level 0 at 10:00',
  routing_priority(5, '2026-01-01 10:04+00'), routing_priority(0, '2026-01-01 10:00+00')),
 ('level 5 at 10:06 vs level 0 at 10:00',
  routing_priority(5, '2026-01-01 10:06+00'), routing_priority(0, '2026-01-01 10:00+00')),
 ('level 1 step 10 min at 10:05 vs level 0 at 10:00',
  routing_priority(1, '2026-01-01 10:05+00', '10 minutes'), routing_priority(0, '2026-01-01 10:00+00')),
 -- same virtual arrival: the earlier enqueued goes first
 ('level 1 at 10:01 vs level 0 at 10:00 (tie on virtual)',
  routing_priority(1, '2026-01-01 10:01+00'), routing_priority(0, '2026-01-01 10:00+00')),
 -- same place in the queue, made with different levels and steps: equal
 ('level 2 step 30 s vs level 1 step 1 min, both at 10:00',
  routing_priority(2, '2026-01-01 10:00+00', '30 seconds'), routing_priority(1, '2026-01-01 10:00+00')),
 ('the same value', routing_priority(1, '2026-01-01 10:00+00'), routing_priority(1, '2026-01-01 10:00+00')),
 -- tiers are strict
 ('tier 1 level 0 at 12:00 vs tier 0 level 1000 at 10:00',
  routing_priority(0, '2026-01-01 12:00+00', tier => 1), routing_priority(1000, '2026-01-01 10:00+00')),
 ('tier -1 level 9 at 10:00 vs tier 0 level 0 at 11:00',
  routing_priority(9, '2026-01-01 10:00+00', tier => -1), routing_priority(0, '2026-01-01 11:00+00')),
 -- deadlines: earliest first, in the same space
 ('due 10:20 vs due 10:30',
  routing_priority_deadline('2026-01-01 10:20+00'), routing_priority_deadline('2026-01-01 10:30+00')),
 ('due 10:30 tier 1 vs due 10:20',
  routing_priority_deadline('2026-01-01 10:30+00', 1), routing_priority_deadline('2026-01-01 10:20+00')),
 ('due 10:20 vs level 0 at 10:21',
  routing_priority_deadline('2026-01-01 10:20+00'), routing_priority(0, '2026-01-01 10:21+00')),
 -- expedite and defer
 ('level 0 at 10:05 expedited 6 min vs level 0 at 10:00',
  routing_priority(0, '2026-01-01 10:05+00') + interval '6 minutes', routing_priority(0, '2026-01-01 10:00+00')),
 ('level 0 at 10:05 expedited 5 min vs level 0 at 10:00 (tie on virtual)',
  routing_priority(0, '2026-01-01 10:05+00') + interval '5 minutes', routing_priority(0, '2026-01-01 10:00+00')),
 ('level 3 at 10:00 deferred 4 min vs level 0 at 10:00',
  routing_priority(3, '2026-01-01 10:00+00') - interval '4 minutes', routing_priority(0, '2026-01-01 10:00+00')),
 ('expedite then defer by the same span vs the original',
  routing_priority(3, '2026-01-01 10:00+00') + interval '1 day 2 hours' - interval '26 hours',
  routing_priority(3, '2026-01-01 10:00+00')),
 -- escalation
 ('level 0 at 11:00 escalated 1 vs level 50 at 10:00',
  escalate(routing_priority(0, '2026-01-01 11:00+00'), 1), routing_priority(50, '2026-01-01 10:00+00')),
 ('tier 2 escalated -2 vs tier 0, same times',
  escalate(routing_priority(0, '2026-01-01 10:00+00', tier => 2), -2), routing_priority(0, '2026-01-01 10:00+00'));
SELECT what,
       CASE WHEN a > b THEN 'a first' WHEN a < b THEN 'b first' ELSE 'same place' END AS routed,
       a > b AS gt, a >= b AS ge, a = b AS eq, a <> b AS ne, a <= b AS le, a < b AS lt,
       routing_priority_cmp(a, b) AS cmp,
       routing_priority_hash(a) = routing_priority_hash(b) AS same_hash,
       greatest(a, b) = CASE WHEN a >= b THEN a ELSE b END AS greatest_ok
FROM pairs;
-- the comparison operators agree with each other and with cmp on every pair, both ways
SELECT count(*) AS inconsistent
FROM pairs, LATERAL (VALUES (a, b), (b, a)) v(x, y)
WHERE (x > y) IS DISTINCT FROM (routing_priority_cmp(x, y) > 0)
   OR (x >= y) IS DISTINCT FROM (routing_priority_cmp(x, y) >= 0)
   OR (x = y) IS DISTINCT FROM (routing_priority_cmp(x, y) = 0)
   OR (x <> y) IS DISTINCT FROM (routing_priority_cmp(x, y) <> 0)
   OR (x <= y) IS DISTINCT FROM (routing_priority_cmp(x, y) <= 0)
   OR (x < y) IS DISTINCT FROM (routing_priority_cmp(x, y) < 0)
   OR routing_priority_cmp(x, y) <> -routing_priority_cmp(y, x)
   OR ((x = y) AND routing_priority_hash_extended(x, 7) <> routing_priority_hash_extended(y, 7))
   OR (routing_priority_hash_extended(x, 0) & 4294967295) <> (routing_priority_hash(x)::bigint & 4294967295);

-- the support functions, called directly, are the operators they implement
SELECT count(*) AS disagree
FROM pairs, LATERAL (VALUES (a, b), (b, a)) v(x, y)
WHERE routing_priority_lt(x, y) IS DISTINCT FROM (x < y)
   OR routing_priority_le(x, y) IS DISTINCT FROM (x <= y)
   OR routing_priority_eq(x, y) IS DISTINCT FROM (x = y)
   OR routing_priority_ne(x, y) IS DISTINCT FROM (x <> y)
   OR routing_priority_ge(x, y) IS DISTINCT FROM (x >= y)
   OR routing_priority_gt(x, y) IS DISTINCT FROM (x > y)
   OR routing_priority_smaller(x, y) IS DISTINCT FROM least(x, y)
   OR routing_priority_larger(x, y) IS DISTINCT FROM greatest(x, y)
   OR routing_priority_expedite(x, '90 seconds') IS DISTINCT FROM x + interval '90 seconds'
   OR routing_priority_defer(x, '90 seconds') IS DISTINCT FROM x - interval '90 seconds'
   OR routing_priority_in(routing_priority_out(x), 'routing_priority'::regtype, -1)::text IS DISTINCT FROM x::text;
-- the type and its operator classes use them (recv takes internal: the catalog says it)
SELECT t.typinput = 'routing_priority_in'::regproc AS input, t.typoutput = 'routing_priority_out'::regproc AS output,
       t.typreceive = 'routing_priority_recv'::regproc AS recv, t.typsend = 'routing_priority_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'routing_priority'::regtype;
SELECT opc.opcname, ap.amprocnum, ap.amproc
FROM pg_opclass opc JOIN pg_amproc ap ON ap.amprocfamily = opc.opcfamily
WHERE opc.opcname IN ('routing_priority_ops', 'routing_priority_hash_ops')
ORDER BY 1, 2;
-- sorts compare through routing_priority_sortsupport, not a routing_priority_cmp call per pair
SELECT count(*) AS sortsupport FROM pg_amproc
WHERE amproc = 'routing_priority_sortsupport'::regproc AND amprocnum = 2;

-- a queue of random tasks sorts exactly by (tier desc, virtual arrival, enqueued_at)
SELECT setseed(0.25);
CREATE TEMP TABLE tasks AS
SELECT i AS id,
       routing_priority((random() * 10)::int,
                        '2026-01-01 10:00+00'::timestamptz + (random() * 600)::int * interval '1 second',
                        '1 minute', (random() * 2)::int) AS p
FROM generate_series(1, 2000) i;
SELECT count(*) AS out_of_order
FROM (SELECT id, row_number() OVER (ORDER BY p DESC, id) AS ours,
             row_number() OVER (ORDER BY tier(p) DESC, virtual_arrival(p), enqueued_at(p), id) AS theirs
      FROM tasks) s
WHERE ours <> theirs;
-- min and max: the tasks routed last and first
SELECT max(p) = (SELECT p FROM tasks ORDER BY p DESC LIMIT 1) AS max_is_head,
       min(p) = (SELECT p FROM tasks ORDER BY p LIMIT 1) AS min_is_tail
FROM tasks;
-- ... also in a parallel plan (a temporary table is never scanned in parallel:
-- copy it), with the serial answers
CREATE TABLE tasks_parallel AS SELECT * FROM tasks;
ANALYZE tasks_parallel;
:force_parallel
EXPLAIN (COSTS OFF) SELECT min(p), max(p) FROM tasks_parallel;
CREATE TEMP TABLE parallel_minmax AS SELECT min(p) AS lo, max(p) AS hi FROM tasks_parallel;
:reset_parallel
SELECT lo = (SELECT min(p) FROM tasks) AS min_as_serial, hi = (SELECT max(p) FROM tasks) AS max_as_serial
FROM parallel_minmax;
DROP TABLE tasks_parallel;
-- hashing: hash aggregation and sorted grouping give the same groups
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM tasks GROUP BY p;
CREATE TEMP TABLE hashed AS SELECT p, count(*) AS n FROM tasks GROUP BY p;
RESET enable_sort;
SET enable_hashagg = off;
CREATE TEMP TABLE sorted AS SELECT p, count(*) AS n FROM tasks GROUP BY p;
RESET enable_hashagg;
SELECT (SELECT count(*) FROM hashed) AS groups,
       (SELECT count(*) FROM hashed h FULL JOIN sorted s USING (p) WHERE h.n IS DISTINCT FROM s.n) AS differ;

--
-- the queue pattern: the index answers ORDER BY priority DESC LIMIT 1
--
CREATE TEMP TABLE queue (id bigint PRIMARY KEY, priority routing_priority NOT NULL);
INSERT INTO queue SELECT id, p FROM tasks;
CREATE INDEX queue_priority ON queue (priority);
ANALYZE queue;
EXPLAIN (COSTS OFF)
SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED;
-- PostgreSQL 17 prints an InitPlan without "(returns $N)" and its value as
-- (InitPlan 1).col1, and drops an IS NOT NULL condition on a NOT NULL column:
-- expected/routing_1.out
EXPLAIN (COSTS OFF)
DELETE FROM queue
WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id;
EXPLAIN (COSTS OFF) SELECT max(priority) FROM queue;
-- the index gives the same head as a sort
SELECT id AS head FROM queue ORDER BY priority DESC, id LIMIT 3;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT id AS head FROM queue ORDER BY priority DESC, id LIMIT 3;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- pop three tasks in routing order
DELETE FROM queue
WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, tier(priority), virtual_arrival(priority);
DELETE FROM queue
WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, tier(priority), virtual_arrival(priority);
DELETE FROM queue
WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, tier(priority), virtual_arrival(priority);
-- a hash index works too
CREATE INDEX queue_priority_hash ON queue USING hash (priority);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM queue WHERE priority = routing_priority(3, '2026-01-01 10:05+00');
SELECT count(*) = (SELECT count(*) FROM tasks WHERE p = routing_priority(3, '2026-01-01 10:05+00')) AS hash_index_agrees
FROM queue WHERE priority = routing_priority(3, '2026-01-01 10:05+00');
RESET enable_seqscan;

--
-- NULLs: every function is strict; NULL priorities sort first under DESC
--
SELECT routing_priority(NULL, '2026-01-01 10:00+00') IS NULL AS a,
       routing_priority(1, NULL) IS NULL AS b,
       routing_priority(1, '2026-01-01 10:00+00', NULL) IS NULL AS c,
       routing_priority(1, '2026-01-01 10:00+00', '1 minute', NULL) IS NULL AS d,
       routing_priority_deadline(NULL) IS NULL AS e,
       (NULL::routing_priority + interval '1 minute') IS NULL AS f,
       (routing_priority(1, '2026-01-01 10:00+00') - NULL::interval) IS NULL AS g,
       escalate(NULL, 1) IS NULL AS h,
       tier(NULL) IS NULL AS i, level(NULL) IS NULL AS j,
       enqueued_at(NULL) IS NULL AS k, virtual_arrival(NULL) IS NULL AS l,
       wait(NULL, now()) IS NULL AS m,
       wait(routing_priority(1, '2026-01-01 10:00+00'), NULL) IS NULL AS n;
SELECT p IS NULL AS is_null FROM (VALUES (routing_priority(1, '2026-01-01 10:00+00')), (NULL)) v(p)
ORDER BY p DESC;
SELECT max(p) IS NULL AS empty_max FROM tasks WHERE false;

--
-- text form: exact round trips under any DateStyle and TimeZone
--
CREATE TEMP TABLE samples (p routing_priority);
INSERT INTO samples VALUES
 (routing_priority(3, '2026-01-01 10:00:00.123456+00', '1 second')),
 (routing_priority(-7, '2026-06-30 23:59:59.999999+00', '1 minute', -3)),
 (routing_priority(2147483647, '2026-01-01 10:00+00', '1 microsecond', 2147483647)),
 (routing_priority(-2147483648, '2026-01-01 10:00+00', '1 microsecond', -2147483648)),
 (routing_priority(1, '0044-03-15 12:00+00 BC', '1 day')),
 (routing_priority(0, '4714-11-24 00:00+00 BC')),
 (routing_priority(0, '294276-12-31 23:59:59.999999+00')),
 (routing_priority_deadline('2026-12-24 18:00+00', 5) + interval '90 seconds');
SELECT p FROM samples;
SET TimeZone = 'America/St_Johns';
SET DateStyle = 'SQL, DMY';
SELECT count(*) AS round_trips FROM samples WHERE p::text::routing_priority = p
  AND p::text::routing_priority::text = p::text
  AND level(p::text::routing_priority) = level(p);
SELECT p FROM samples LIMIT 1;            -- the output does not follow the settings
SET TimeZone = 'Asia/Kathmandu';
SET DateStyle = 'Postgres, MDY';
SELECT count(*) AS round_trips FROM samples WHERE p::text::routing_priority = p
  AND p::text::routing_priority::text = p::text;
-- input understands any timestamptz spelling; without an offset, the session time zone
SELECT '(tier=1, level=2, enqueued=Thu Jan 01 10:00:00 2026 PST, virtual=2026-01-01T17:58:00Z)'::routing_priority;
SELECT '  ( TIER = 1 ,LEVEL=2,enqueued = 2026-01-01 10:00 , virtual=2026-01-01 09:58 )  '::routing_priority;
SELECT '(tier=0, level=0, enqueued=epoch, virtual=epoch)'::routing_priority;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

--
-- binary COPY round trip
--
COPY samples TO :'binfile' WITH (FORMAT binary);
CREATE TEMP TABLE samples_copy (p routing_priority);
COPY samples_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS copied,
       count(*) FILTER (WHERE s.p::text = c.p::text) AS identical
FROM (SELECT p, row_number() OVER () AS n FROM samples) s
JOIN (SELECT p, row_number() OVER () AS n FROM samples_copy) c USING (n);
SELECT routing_priority_send(routing_priority(3, '2000-01-01 00:03:00+00', tier => 2));

--
-- bad binary input
--
CREATE TEMP TABLE bin (p routing_priority);
-- well-formed: version 1, tier 2, level 3, enqueued 00:03, virtual 00:00 (2000-01-01)
SELECT pg_temp.write_binary_copy(:'binfile',
  '\x010000000200000003000000000aba95000000000000000000');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT p FROM bin;
-- each kind of damage, with its SQLSTATE
SELECT what, pg_temp.binary_copy_error('bin', bytes) AS error
FROM (VALUES
  ('unknown version',           '\x020000000200000003000000000aba95000000000000000000'::bytea),
  ('too short',                 '\x010000000200000003000000000aba950000000000000000'),
  ('too long',                  '\x010000000200000003000000000aba9500000000000000000000'),
  ('empty',                     '\x'),
  ('infinite enqueued_at',      '\x0100000002000000037fffffffffffffff0000000000000000'),
  ('infinite virtual arrival',  '\x010000000200000003000000000aba95008000000000000000'),
  ('virtual before 4713 BC',    '\x010000000200000003000000000aba9500fd0f7cc1411f9fff')) AS v(what, bytes);
SELECT count(*) AS rows_loaded FROM bin;

--
-- bad text input
--
SELECT ''::routing_priority;
SELECT 'tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00'::routing_priority;
SELECT '(level=3, tier=0, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier 0, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0 level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3x, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=yesterday-ish, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-02-30 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00) x'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00, step=1)'::routing_priority;
SELECT '(tier=2147483648, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=infinity, virtual=2026-01-01 09:57+00)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=-infinity)'::routing_priority;
SELECT '(tier=0, level=3, enqueued=2026-01-01 10:00+00, virtual=294277-01-01 00:00+00)'::routing_priority;

--
-- bad arguments and overflow: errors, never a wrap-around
--
SELECT routing_priority(1, '2026-01-01 10:00+00', '1 month');
SELECT routing_priority(1, '2026-01-01 10:00+00', '1 year 2 days');
SELECT routing_priority(1, '2026-01-01 10:00+00', '0 seconds');
SELECT routing_priority(1, '2026-01-01 10:00+00', '-1 minute');
SELECT routing_priority(1, '2026-01-01 10:00+00', '1 day -24 hours');
SELECT routing_priority(1, 'infinity');
SELECT routing_priority(1, '-infinity');
SELECT routing_priority_deadline('infinity');
SELECT routing_priority(2147483647, '2026-01-01 10:00+00', '100000000 hours');
SELECT routing_priority(2147483647, '2026-01-01 10:00+00', '2147483647 days');
SELECT routing_priority(1000000, '2026-01-01 10:00+00', '1 day');
SELECT routing_priority(-1000000000, '2026-01-01 10:00+00', '1 day');
SELECT routing_priority(0, '294276-12-31 23:59:59.999999+00') - interval '1 microsecond';
SELECT routing_priority(0, '4714-11-24 00:00:00+00 BC') + interval '1 microsecond';
SELECT routing_priority(0, '2026-01-01 10:00+00') + interval '1 month';
SELECT routing_priority(0, '2026-01-01 10:00+00') - interval '-2 months';
SELECT routing_priority(0, '2026-01-01 10:00+00') + interval '2147483647 days 2562047788 hours';
SELECT escalate(routing_priority(0, '2026-01-01 10:00+00', tier => 2147483647), 1);
SELECT escalate(routing_priority(0, '2026-01-01 10:00+00', tier => -2147483648), -1);
-- PostgreSQL 17 allows infinite intervals, so this wait is infinity there
-- (expected/routing_1.out) and an error before
SELECT wait(routing_priority(0, '2026-01-01 10:00+00'), 'infinity');
-- the SQLSTATE of each kind of error
CREATE FUNCTION pg_temp.sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT query, pg_temp.sqlstate_of(query) FROM (VALUES
 ($q$SELECT 'x'::routing_priority$q$),
 ($q$SELECT '(tier=0, level=3, enqueued=soon, virtual=2026-01-01 09:57+00)'::routing_priority$q$),
 ($q$SELECT '(tier=9999999999, level=3, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 09:57+00)'::routing_priority$q$),
 ($q$SELECT '(tier=0, level=3, enqueued=infinity, virtual=2026-01-01 09:57+00)'::routing_priority$q$),
 ($q$SELECT routing_priority(1, '2026-01-01 10:00+00', '1 month')$q$),
 ($q$SELECT routing_priority(1, '2026-01-01 10:00+00', '0 seconds')$q$),
 ($q$SELECT routing_priority(1, 'infinity')$q$),
 ($q$SELECT routing_priority(2147483647, '2026-01-01 10:00+00', '100000000 hours')$q$),
 ($q$SELECT routing_priority(0, '294276-12-31 23:59:59.999999+00') - interval '1 microsecond'$q$),
 ($q$SELECT escalate(routing_priority(0, '2026-01-01 10:00+00', tier => 2147483647), 1)$q$)
) v(query);
-- negative expedite is a defer, and the other way round
SELECT routing_priority(0, '2026-01-01 10:00+00') + interval '-5 minutes'
     = routing_priority(0, '2026-01-01 10:00+00') - interval '5 minutes' AS same;
