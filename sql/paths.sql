--
-- paths: sessionize, sequence_next_node, markov_attribution
--
-- Cases marked "ClickHouse <file>" re-express a case of ClickHouse's own tests
-- (tests/queries/0_stateless/<file>) or of its documentation of
-- sequenceNextNode; the column "ch" holds ClickHouse's answer and "ok"
-- compares.  Timestamps are whole seconds from the epoch: at(n) = 1970-01-01
-- 00:00:00+00 + n seconds.
--
\i test/regress_helpers.sql
SET timezone = 'UTC';
CREATE FUNCTION at(n int) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT timestamptz '1970-01-01 00:00:00+00' + n * interval '1 second' $$;

-- ---------------------------------------------------------------------------
-- sessionize
-- ---------------------------------------------------------------------------
CREATE TABLE clicks (uid int, ts int);
INSERT INTO clicks VALUES
	(1, 0), (1, 600), (1, 1800), (1, 3601), (1, 3601), (1, 9000),  -- 1800 s exactly stays, 1801 s splits
	(2, 100), (2, NULL), (2, 5000),                                -- a NULL time: NULL, passed over
	(3, 0);
SELECT uid, ts, sessionize(at(ts), interval '30 minutes') OVER (PARTITION BY uid ORDER BY ts) AS session
FROM clicks ORDER BY uid, ts;
-- a gap of zero: every new instant is a new session, equal times share one
SELECT ts, sessionize(at(ts), interval '0') OVER (ORDER BY ts) FROM clicks WHERE uid = 1 ORDER BY ts;
-- the gap is judged as a whole, as intervals compare: '1 day' - '1 hour' is 23 hours
SELECT ts, sessionize(at(ts), interval '1 day' - interval '1 hour') OVER (ORDER BY ts) AS s
FROM (VALUES (0), (82800), (165601)) v(ts) ORDER BY ts;
-- months count 30 days
SELECT ts, sessionize(at(ts), interval '1 month') OVER (ORDER BY ts) AS s
FROM (VALUES (0), (2592000), (5184001)) v(ts) ORDER BY ts;
-- a NULL gap gives NULL and the row is passed over
SELECT ts, sessionize(at(ts), CASE WHEN ts = 600 THEN NULL ELSE interval '5 minutes' END) OVER (ORDER BY ts) AS s
FROM (VALUES (0), (600), (700)) v(ts) ORDER BY ts;
-- a NULL gap the same on every row (a constant, read once a partition): NULL everywhere
SELECT ts, sessionize(at(ts), NULL::interval) OVER (ORDER BY ts) AS s
FROM (VALUES (0), (600), (700)) v(ts) ORDER BY ts;
-- a gap from a parameter is read once too; from a column, on every row
PREPARE sess(interval) AS
SELECT ts, sessionize(at(ts), $1) OVER (ORDER BY ts) AS s FROM (VALUES (0), (600), (700)) v(ts) ORDER BY ts;
EXECUTE sess('200 seconds');
DEALLOCATE sess;
SELECT ts, sessionize(at(ts), g) OVER (ORDER BY ts) AS s
FROM (VALUES (0, interval '1 minute'), (600, '20 minutes'), (700, '1 minute')) v(ts, g) ORDER BY ts;
-- infinite times: a session of their own
SELECT t, sessionize(t, interval '1 hour') OVER (ORDER BY t) AS s
FROM (VALUES (timestamptz '-infinity'), ('2026-01-01'), ('2026-01-01 00:30'), ('infinity'), ('infinity')) v(t) ORDER BY t;
-- the frame does not matter; the numbering follows the window's order
SELECT ts, sessionize(at(ts), interval '30 minutes') OVER (ORDER BY ts ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS s
FROM clicks WHERE uid = 1 ORDER BY ts;
-- equal to the lag() + running sum() SQL on many rows
CREATE TABLE many AS
SELECT n % 50 AS uid, at((n * 7919) % 200000) AS t FROM generate_series(1, 20000) n;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a.s = b.s) AS equal
FROM (SELECT uid, t, row_number() OVER (PARTITION BY uid ORDER BY t) AS r,
             sessionize(t, interval '10 minutes') OVER (PARTITION BY uid ORDER BY t) AS s FROM many) a
JOIN (SELECT uid, t, row_number() OVER (PARTITION BY uid ORDER BY t) AS r,
             sum(new) OVER (PARTITION BY uid ORDER BY t ROWS UNBOUNDED PRECEDING) AS s
      FROM (SELECT uid, t, CASE WHEN t - lag(t) OVER (PARTITION BY uid ORDER BY t) <= interval '10 minutes'
                                THEN 0 ELSE 1 END AS new
            FROM many) x) b USING (uid, r);
-- bad input, each with its SQLSTATE
SELECT q, pg_temp.error_of(q) AS error FROM (VALUES
	($$SELECT sessionize(at(ts), interval '-1 second') OVER (ORDER BY ts) FROM clicks$$),
	($$SELECT sessionize(at(ts), interval '1 hour' - interval '1 day') OVER (ORDER BY ts) FROM clicks$$),
	($$SELECT sessionize(at(ts), interval '1 minute') FROM clicks$$)) v(q);

-- ---------------------------------------------------------------------------
-- sequence_next_node against ClickHouse
-- ---------------------------------------------------------------------------
-- the events: set "t" is the table of ClickHouse 01656_sequence_next_node_long
-- (with its NULL action in id 10), "b" its base-condition table, "flow" and
-- "flowb" the documentation's examples
CREATE TABLE snn (s text, id int, ts int, action text, ref text);
INSERT INTO snn VALUES
	('t', 1, 1, 'A', NULL), ('t', 1, 2, 'B', NULL), ('t', 1, 3, 'C', NULL), ('t', 1, 4, 'D', NULL),
	('t', 2, 1, 'B', NULL), ('t', 2, 2, 'B', NULL), ('t', 2, 3, 'D', NULL), ('t', 2, 4, 'C', NULL),
	('t', 3, 1, 'A', NULL), ('t', 3, 2, 'B', NULL),
	('t', 4, 1, 'A', NULL), ('t', 4, 2, 'A', NULL), ('t', 4, 3, 'A', NULL), ('t', 4, 4, 'B', NULL), ('t', 4, 5, 'C', NULL),
	('t', 5, 1, 'A', NULL), ('t', 5, 2, 'B', NULL), ('t', 5, 3, 'A', NULL), ('t', 5, 4, 'C', NULL),
	('t', 6, 1, 'A', NULL), ('t', 6, 2, 'B', NULL), ('t', 6, 3, 'A', NULL), ('t', 6, 4, 'B', NULL), ('t', 6, 5, 'C', NULL),
	('t', 10, 1, 'A', NULL), ('t', 10, 2, 'B', NULL), ('t', 10, 2, NULL, NULL), ('t', 10, 3, 'C', NULL), ('t', 10, 4, 'D', NULL),
	-- four events at one instant: ties are ordered by value
	('t', 11, 1, 'D', NULL), ('t', 11, 1, 'B', NULL), ('t', 11, 1, 'C', NULL), ('t', 11, 1, 'A', NULL),
	('t', 12, 1, 'A', NULL), ('t', 12, 1, 'A', NULL),
	('b', 1, 1, 'A', '1'), ('b', 1, 2, 'B', '2'), ('b', 1, 3, 'C', '3'), ('b', 1, 4, 'D', '4'),
	('b', 2, 1, 'D', '4'), ('b', 2, 2, 'C', '3'), ('b', 2, 3, 'B', '2'), ('b', 2, 4, 'A', '1'),
	('b', 3, 1, 'B', '10'), ('b', 3, 2, 'B', '2'), ('b', 3, 3, 'D', '3'), ('b', 3, 4, 'C', '4'),
	('flow', 0, 1, 'A', NULL), ('flow', 0, 2, 'B', NULL), ('flow', 0, 3, 'C', NULL), ('flow', 0, 4, 'D', NULL), ('flow', 0, 5, 'E', NULL),
	('flow', 1, 1, 'Home', NULL), ('flow', 1, 2, 'Gift', NULL), ('flow', 1, 3, 'Exit', NULL),
	('flow', 2, 1, 'Home', NULL), ('flow', 2, 2, 'Home', NULL), ('flow', 2, 3, 'Gift', NULL), ('flow', 2, 4, 'Basket', NULL),
	('flow', 3, 1, 'Gift', NULL), ('flow', 3, 2, 'Home', NULL), ('flow', 3, 3, 'Gift', NULL), ('flow', 3, 4, 'Basket', NULL),
	('flowb', 1, 1, 'A', 'ref4'), ('flowb', 1, 2, 'A', 'ref3'), ('flowb', 1, 3, 'B', 'ref2'), ('flowb', 1, 4, 'B', 'ref1');
-- the events "action = p[i]" of a pattern
CREATE FUNCTION pat(action text, p text[]) RETURNS boolean[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT coalesce(array_agg(action = x ORDER BY o), '{}') FROM unnest(p) WITH ORDINALITY u(x, o) $$;
-- a case: the set, the ids (in order), direction, base, the base condition
-- (on column bcol: action or ref; none: true), the pattern, ClickHouse's
-- answer per id
CREATE TABLE snn_case (n serial, label text, s text, ids int[], dir text, base text,
                       bcol text, bval text, p text[], ch text[]);
INSERT INTO snn_case (label, s, ids, dir, base, bcol, bval, p, ch) VALUES
	-- ClickHouse 01656_sequence_next_node_long
	('(forward, head, A)',        't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{A}',     '{B,NULL,B,A,B,B}'),
	('(forward, head, B)',        't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{B}',     '{NULL,B,NULL,NULL,NULL,NULL}'),
	('(forward, head, C)',        't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{C}',     '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, D)',        't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{D}',     '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, E)',        't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{E}',     '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, A)',       't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{A}',    '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, B)',       't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{B}',    '{NULL,NULL,A,NULL,NULL,NULL}'),
	('(backward, tail, C)',       't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{C}',    '{NULL,D,NULL,B,A,B}'),
	('(backward, tail, D)',       't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{D}',    '{C,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, E)',       't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{E}',    '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, A->B)',     't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{A,B}',   '{C,NULL,NULL,NULL,A,A}'),
	('(forward, head, A->C)',     't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{A,C}',   '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, B->A)',     't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{B,A}',   '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, A->B)',    't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{A,B}',  '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, A->C)',    't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{A,C}',  '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, B->A)',    't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{B,A}',  '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, A->A->B)',  't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{A,A,B}', '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, head, B->A->A)',  't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{B,A,A}', '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, A->A->B)', 't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{A,A,B}', '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, tail, B->A->A)', 't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{B,A,A}', '{NULL,NULL,NULL,NULL,NULL,NULL}'),
	-- id 10 has a row with a NULL action at the time of B: it is skipped
	('id 10 (forward, head, A)',      't', '{10}', 'forward', 'head', NULL, NULL, '{A}',     '{B}'),
	('id 10 (forward, head, A->B)',   't', '{10}', 'forward', 'head', NULL, NULL, '{A,B}',   '{C}'),
	('id 10 (forward, head, B->C)',   't', '{10}', 'forward', 'head', NULL, NULL, '{B,C}',   '{NULL}'),
	('id 10 (backward, tail, C)',     't', '{10}', 'backward', 'tail', NULL, NULL, '{C}',    '{NULL}'),
	('id 10 (backward, tail, D->C)',  't', '{10}', 'backward', 'tail', NULL, NULL, '{D,C}',  '{B}'),
	('id 10 (backward, tail, D->C->B)', 't', '{10}', 'backward', 'tail', NULL, NULL, '{D,C,B}', '{A}'),
	-- id 11: four events at one instant.  ClickHouse's test counts the groups
	-- whose answer is B, D, NULL...: its counts of 1 confirm B, D and NULL
	-- below; for (C), (B->C), (backward C) and (C->B) a count of 0 says only
	-- that the answer is not D (B, A); NULL is the answer by ClickHouse's rules
	('id 11 (forward, head, A)',        't', '{11}', 'forward', 'head', NULL, NULL, '{A}',      '{B}'),
	('id 11 (forward, head, C)',        't', '{11}', 'forward', 'head', NULL, NULL, '{C}',      '{NULL}'),
	('id 11 (forward, head, B->C)',     't', '{11}', 'forward', 'head', NULL, NULL, '{B,C}',    '{NULL}'),
	('id 11 (forward, head, A->B->C)',  't', '{11}', 'forward', 'head', NULL, NULL, '{A,B,C}',  '{D}'),
	('id 11 (backward, tail, A)',       't', '{11}', 'backward', 'tail', NULL, NULL, '{A}',     '{NULL}'),
	('id 11 (backward, tail, C)',       't', '{11}', 'backward', 'tail', NULL, NULL, '{C}',     '{NULL}'),
	('id 11 (backward, tail, C->B)',    't', '{11}', 'backward', 'tail', NULL, NULL, '{C,B}',   '{NULL}'),
	('id 11 (backward, tail, C->B->A)', 't', '{11}', 'backward', 'tail', NULL, NULL, '{C,B,A}', '{NULL}'),
	-- no events: the base's own value
	('(forward, head)',   't', '{1,2,3,4,5,6}', 'forward', 'head', NULL, NULL, '{}',  '{A,B,A,A,A,A}'),
	('(backward, tail)',  't', '{1,2,3,4,5,6}', 'backward', 'tail', NULL, NULL, '{}', '{D,C,B,C,C,C}'),
	('(forward, first_match, A)',       't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{A}',     '{B,NULL,B,A,B,B,B,B}'),
	('(forward, first_match, A->B)',    't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{A,B}',   '{C,NULL,NULL,NULL,A,A,C,C}'),
	('(forward, first_match, A->B->C)', 't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{A,B,C}', '{D,NULL,NULL,NULL,NULL,NULL,D,D}'),
	('(forward, first_match, B)',       't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{B}',     '{C,B,NULL,C,A,A,C,C}'),
	('(forward, first_match, B->B)',    't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{B,B}',   '{NULL,D,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(forward, first_match, B->A)',    't', '{1,2,3,4,5,6,10,11}', 'forward', 'first_match', NULL, NULL, '{B,A}',   '{NULL,NULL,NULL,NULL,C,B,NULL,NULL}'),
	('(backward, first_match, A)',      't', '{1,2,3,4,5,6,10,11}', 'backward', 'first_match', NULL, NULL, '{A}',    '{NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(backward, first_match, B)',      't', '{1,2,3,4,5,6,10,11}', 'backward', 'first_match', NULL, NULL, '{B}',    '{A,NULL,A,A,A,A,A,A}'),
	('(backward, first_match, B->A)',   't', '{1,2,3,4,5,6,10,11}', 'backward', 'first_match', NULL, NULL, '{B,A}',  '{NULL,NULL,NULL,A,NULL,NULL,NULL,NULL}'),
	('(backward, first_match, B->B)',   't', '{1,2,3,4,5,6,10,11}', 'backward', 'first_match', NULL, NULL, '{B,B}',  '{NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('(max_args) 64 events',            't', '{1,2,3,4,5,6,10,11}', 'forward', 'head', NULL, NULL,
	 (SELECT array_agg(k::text ORDER BY k) FROM generate_series(0, 63) k), '{NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('id 12 (forward, head, A)',        't', '{12}', 'forward', 'head', NULL, NULL, '{A}', '{A}'),
	('(forward, head, 1)',              'b', '{1,2,3}', 'forward', 'head', 'ref', '1', '{}',         '{A,NULL,NULL}'),
	('(forward, head, 1, A)',           'b', '{1,2,3}', 'forward', 'head', 'ref', '1', '{A}',        '{B,NULL,NULL}'),
	('(forward, head, 1, A->B)',        'b', '{1,2,3}', 'forward', 'head', 'ref', '1', '{A,B}',      '{C,NULL,NULL}'),
	('(backward, tail, 1)',             'b', '{1,2,3}', 'backward', 'tail', 'ref', '1', '{}',        '{NULL,A,NULL}'),
	('(backward, tail, 1, A)',          'b', '{1,2,3}', 'backward', 'tail', 'ref', '1', '{A}',       '{NULL,B,NULL}'),
	('(backward, tail, 1, A->B)',       'b', '{1,2,3}', 'backward', 'tail', 'ref', '1', '{A,B}',     '{NULL,C,NULL}'),
	('(forward, first_match, 2, B)',    'b', '{1,2,3}', 'forward', 'first_match', 'ref', '2', '{B}', '{C,A,D}'),
	('(forward, first_match, 2, B->C)', 'b', '{1,2,3}', 'forward', 'first_match', 'ref', '2', '{B,C}', '{D,NULL,NULL}'),
	('(backward, first_match, 2, B)',   'b', '{1,2,3}', 'backward', 'first_match', 'ref', '2', '{B}', '{A,C,B}'),
	('(backward, first_match, 2, B->A)', 'b', '{1,2,3}', 'backward', 'first_match', 'ref', '2', '{B,A}', '{NULL,NULL,NULL}'),
	-- ClickHouse documentation of sequenceNextNode
	('doc: A->B',                               'flow', '{0}', 'forward', 'head', 'action', 'A', '{A,B}', '{C}'),
	('doc: forward, head, Home->Gift',          'flow', '{1,2,3}', 'forward', 'head', 'action', 'Home', '{Home,Gift}', '{Exit,NULL,NULL}'),
	('doc: backward, tail, Basket->Gift',       'flow', '{1,2,3}', 'backward', 'tail', 'action', 'Basket', '{Basket,Gift}', '{NULL,Home,Home}'),
	('doc: forward, first_match, Gift',         'flow', '{1,2,3}', 'forward', 'first_match', 'action', 'Gift', '{Gift}', '{Exit,Basket,Home}'),
	('doc: forward, first_match, Gift->Home',   'flow', '{1,2,3}', 'forward', 'first_match', 'action', 'Gift', '{Gift,Home}', '{NULL,NULL,Gift}'),
	('doc: backward, last_match, Gift',         'flow', '{1,2,3}', 'backward', 'last_match', 'action', 'Gift', '{Gift}', '{Home,Home,Home}'),
	('doc: backward, last_match, Gift->Home',   'flow', '{1,2,3}', 'backward', 'last_match', 'action', 'Gift', '{Gift,Home}', '{NULL,Home,Gift}'),
	('doc: forward, head, base ref1, A',        'flowb', '{1}', 'forward', 'head', 'ref', 'ref1', '{A}', '{NULL}'),
	('doc: backward, tail, base ref4, B',       'flowb', '{1}', 'backward', 'tail', 'ref', 'ref4', '{B}', '{NULL}'),
	('doc: forward, first_match, base ref3, A', 'flowb', '{1}', 'forward', 'first_match', 'ref', 'ref3', '{A}', '{B}'),
	('doc: backward, last_match, base ref2, B', 'flowb', '{1}', 'backward', 'last_match', 'ref', 'ref2', '{B}', '{A}');
CREATE VIEW snn_ours AS
SELECT c.n, c.label, k.o,
       (SELECT sequence_next_node(c.dir, c.base, at(e.ts), e.action,
                                  CASE c.bcol WHEN 'action' THEN e.action = c.bval
                                              WHEN 'ref' THEN e.ref = c.bval ELSE true END,
                                  VARIADIC pat(e.action, c.p))
        FROM snn e WHERE e.s = c.s AND e.id = k.id) AS ours
FROM snn_case c, unnest(c.ids) WITH ORDINALITY k(id, o);
SELECT c.label, array_agg(o.ours ORDER BY o.o) AS ours, c.ch,
       array_agg(o.ours ORDER BY o.o) IS NOT DISTINCT FROM c.ch AS ok
FROM snn_case c JOIN snn_ours o USING (n, label)
GROUP BY c.n, c.label, c.ch ORDER BY c.n;
-- the answers do not depend on the order the rows arrive in
SELECT count(*) AS cases,
       count(*) FILTER (WHERE a.ours IS NOT DISTINCT FROM b.ours) AS same_reversed
FROM snn_ours a
JOIN (SELECT c.n, k.o,
             (SELECT sequence_next_node(c.dir, c.base, at(e.ts), e.action,
                                        CASE c.bcol WHEN 'action' THEN e.action = c.bval
                                                    WHEN 'ref' THEN e.ref = c.bval ELSE true END,
                                        VARIADIC pat(e.action, c.p))
              FROM (SELECT * FROM snn ORDER BY ts DESC, action DESC) e WHERE e.s = c.s AND e.id = k.id) AS ours
      FROM snn_case c, unnest(c.ids) WITH ORDINALITY k(id, o)) b USING (n, o);

-- a randomised oracle: the definition in plain SQL and PL/pgSQL (the group's
-- events ordered by time, value bytewise, events met, base flag; the base
-- found; the chain walked) against the aggregate, on random groups with many
-- ties of time, rows arriving in random order and in reverse (FILTER: each
-- group is aggregated by the form of its number of events only)
SELECT setseed(0.24);
CREATE TABLE rnd AS
SELECT g, (random() * 6)::int AS ts, (ARRAY['A', 'B', 'C', 'AB', ''])[1 + (random() * 4)::int] AS v,
       random() < 0.7 AS bc, random() AS arrival
FROM generate_series(1, 400) g, generate_series(1, 1 + g % 13) k;
CREATE FUNCTION pg_temp.next_node_oracle(dir text, base text, k int, v text[], bits int[], bc bool[])
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	n int := coalesce(array_length(v, 1), 0);
	step int := CASE dir WHEN 'forward' THEN 1 ELSE -1 END;
	b int;
BEGIN
	IF n = 0 THEN RETURN NULL; END IF;
	IF base = 'head' THEN b := CASE WHEN bc[1] THEN 1 END;
	ELSIF base = 'tail' THEN b := CASE WHEN bc[n] THEN n END;
	ELSIF base = 'first_match' THEN SELECT min(i) INTO b FROM generate_subscripts(v, 1) i WHERE bc[i] AND bits[i] & 1 = 1;
	ELSE SELECT max(i) INTO b FROM generate_subscripts(v, 1) i WHERE bc[i] AND bits[i] & 1 = 1;
	END IF;
	IF b IS NULL THEN RETURN NULL; END IF;
	FOR i IN 0 .. k - 1 LOOP
		IF b + i * step NOT BETWEEN 1 AND n OR bits[b + i * step] & (1 << i) = 0 THEN RETURN NULL; END IF;
	END LOOP;
	IF b + k * step NOT BETWEEN 1 AND n THEN RETURN NULL; END IF;
	RETURN v[b + k * step];
END $$;
CREATE TEMP TABLE modes AS
SELECT * FROM (VALUES ('forward', 'head'), ('backward', 'tail'), ('forward', 'first_match'),
	('backward', 'first_match'), ('forward', 'last_match'), ('backward', 'last_match')) m(dir, base),
	generate_series(0, 2) k
WHERE k > 0 OR base IN ('head', 'tail');
WITH ev AS (
	SELECT g, ts, v, bc, arrival, (v = 'A')::int | ((v IN ('B', 'AB'))::int << 1) AS bits2 FROM rnd),
oracle AS (
	SELECT m.dir, m.base, m.k, g,
	       pg_temp.next_node_oracle(m.dir, m.base, m.k,
	           array_agg(v ORDER BY ts, v COLLATE "C", bits, bc),
	           array_agg(bits ORDER BY ts, v COLLATE "C", bits, bc),
	           array_agg(bc ORDER BY ts, v COLLATE "C", bits, bc)) AS answer
	FROM modes m, LATERAL (SELECT g, ts, v, bc, bits2 & ((1 << m.k) - 1) AS bits FROM ev) e
	GROUP BY m.dir, m.base, m.k, g),
ours AS (
	SELECT m.dir, m.base, m.k, g,
	       CASE m.k WHEN 0 THEN sequence_next_node(m.dir, m.base, at(ts), v, bc ORDER BY arrival) FILTER (WHERE m.k = 0)
	                WHEN 1 THEN sequence_next_node(m.dir, m.base, at(ts), v, bc, v = 'A' ORDER BY arrival) FILTER (WHERE m.k = 1)
	                ELSE sequence_next_node(m.dir, m.base, at(ts), v, bc, v = 'A', v IN ('B', 'AB') ORDER BY arrival) END AS answer,
	       CASE m.k WHEN 0 THEN sequence_next_node(m.dir, m.base, at(ts), v, bc ORDER BY arrival DESC) FILTER (WHERE m.k = 0)
	                WHEN 1 THEN sequence_next_node(m.dir, m.base, at(ts), v, bc, v = 'A' ORDER BY arrival DESC) FILTER (WHERE m.k = 1)
	                ELSE sequence_next_node(m.dir, m.base, at(ts), v, bc, v = 'A', v IN ('B', 'AB') ORDER BY arrival DESC) END AS reversed
	FROM modes m, ev GROUP BY m.dir, m.base, m.k, g)
SELECT o.dir, o.base, o.k, count(*) AS groups, count(o.answer) AS answers,
       count(*) FILTER (WHERE o.answer IS NOT DISTINCT FROM s.answer) AS agree,
       count(*) FILTER (WHERE o.answer IS NOT DISTINCT FROM s.reversed) AS agree_reversed
FROM oracle o JOIN ours s USING (dir, base, k, g)
GROUP BY o.dir, o.base, o.k ORDER BY o.k, o.base, o.dir;

-- ---------------------------------------------------------------------------
-- sequence_next_node, hand-worked
-- ---------------------------------------------------------------------------
-- without events: the head's (or tail's) own value; the form without VARIADIC
SELECT sequence_next_node('forward', 'head', at(ts), action, true) AS head,
       sequence_next_node('backward', 'tail', at(ts), action, true) AS tail,
       sequence_next_node('forward', 'head', at(ts), action, action = 'B') AS head_not_base
FROM snn WHERE s = 't' AND id = 1;
-- last_match forward: the last event meeting event 1, then the chain goes on
SELECT sequence_next_node('forward', 'last_match', at(ts), action, true, action = 'A') AS after_last_a,
       sequence_next_node('forward', 'last_match', at(ts), action, true, action = 'A', action = 'C') AS last_a_then_c
FROM snn WHERE s = 't' AND id = 5;
-- NULL conditions are false; NULL times and values skip the row
SELECT sequence_next_node('forward', 'head', at(ts), action, true, action = 'A', NULL) AS bare_null_event,
       sequence_next_node('forward', 'head', at(ts), action, NULL, action = 'A') AS null_base,
       sequence_next_node('forward', 'head', at(ts), action, true, NULL) AS null_event,
       sequence_next_node('forward', 'head', CASE WHEN action = 'A' THEN NULL ELSE at(ts) END, action, true) AS null_at,
       sequence_next_node('forward', 'head', at(ts), action, true, VARIADIC NULL::boolean[]) AS null_events
FROM snn WHERE s = 't' AND id = 1;
-- no rows: NULL
SELECT sequence_next_node('forward', 'head', at(ts), action, true, action = 'A') FROM snn WHERE false;
-- the empty string is a value, not NULL
SELECT r, r IS NULL AS is_null
FROM (SELECT sequence_next_node('forward', 'head', at(n), v, true, v = 'x') AS r
      FROM (VALUES (1, 'x'), (2, '')) t(n, v)) s;
-- direction and base are keywords: any case, '-', '_' or spaces between words
SELECT count(*) AS groups, count(canonical) AS answers,
       count(*) FILTER (WHERE spelt IS NOT DISTINCT FROM canonical AND dashed IS NOT DISTINCT FROM canonical) AS same,
       count(*) FILTER (WHERE backward IS NOT DISTINCT FROM backward_canonical) AS same_backward
FROM (SELECT s, id,
             sequence_next_node('Forward', 'First Match', at(ts), action, true, action = 'A') AS spelt,
             sequence_next_node('FORWARD', 'first-match', at(ts), action, true, action = 'A') AS dashed,
             sequence_next_node('forward', 'first_match', at(ts), action, true, action = 'A') AS canonical,
             sequence_next_node(' Backward ', 'LAST_MATCH', at(ts), action, true, action = 'B') AS backward,
             sequence_next_node('backward', 'last_match', at(ts), action, true, action = 'B') AS backward_canonical
      FROM snn GROUP BY s, id) g;
-- bad input, each with its SQLSTATE: unknown or NULL parameters, head
-- backward and tail forward, a match base without events, more than 64
-- events, a 2-D array, parameters that change within a group
SELECT c AS call, pg_temp.error_of('SELECT ' || c || ' FROM snn') AS error FROM (VALUES
	($$sequence_next_node('sideways', 'head', at(ts), action, true, action = 'A')$$),
	($$sequence_next_node('forward', 'middle', at(ts), action, true, action = 'A')$$),
	($$sequence_next_node('for ward', 'head', at(ts), action, true, action = 'A')$$),
	($$sequence_next_node('backward', 'head', at(ts), action, true, action = 'A')$$),
	($$sequence_next_node('forward', 'tail', at(ts), action, true, action = 'A')$$),
	($$sequence_next_node('forward', 'first_match', at(ts), action, true)$$),
	($$sequence_next_node('forward', 'last_match', at(ts), action, true, VARIADIC '{}'::boolean[])$$),
	($$sequence_next_node(NULL, 'head', at(ts), action, true)$$),
	($$sequence_next_node('forward', NULL, at(ts), action, true)$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, VARIADIC (SELECT array_agg(k = 1) FROM generate_series(0, 64) k))$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, VARIADIC '{{true},{false}}'::boolean[])$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, action = 'A', 1)$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, action = 'A', 'yes')$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, VARIADIC ARRAY[1])$$),
	($$sequence_next_node(CASE WHEN ts < 3 THEN 'forward' ELSE 'backward' END, 'first_match', at(ts), action, true, true)$$),
	($$sequence_next_node('forward', 'head', at(ts), action, true, VARIADIC CASE WHEN ts < 3 THEN '{t}'::boolean[] ELSE '{t,t}' END)$$)) v(c);

-- ---------------------------------------------------------------------------
-- markov_attribution, hand-worked
-- ---------------------------------------------------------------------------
-- Three journeys: email -> web -> conversion, social -> null, social -> email
-- -> conversion.  From start: email 1/3, social 2/3; social: email 1/2, null
-- 1/2; email: web 1/2, conversion 1/2; web: conversion.  P(conversion) = 1/3
-- + 2/3 * 1/2 = 2/3.  Without email: 0 (effect 1); without social: 1/3
-- (effect 1/2); without web: email converts with 1/2, so 1/3 * 1/2 + 2/3 *
-- 1/4 = 1/3 (effect 1/2).  2 conversions shared 1 : 1/2 : 1/2.
CREATE TABLE journeys (id int, j journey);
INSERT INTO journeys VALUES
	(1, '[2026-01-01 10:00+00 awareness/email, 2026-01-02 10:00+00 acquisition/web]'),
	(2, '[2026-01-01 10:00+00 awareness/social]'),
	(3, '[2026-01-01 10:00+00 awareness/social, 2026-01-03 10:00+00 acquisition/email]');
SELECT (unnest(markov_attribution(j))).* FROM journeys;
-- the credits sum to the conversions; touchpoints after the conversion do
-- not count; a journey with retention but no acquisition touchpoint
-- converts at its retention touchpoint (as reached() and attribution() have
-- it); no channel is a node of its own, reported as NULL
INSERT INTO journeys VALUES
	(4, '[2026-01-01 10:00+00 awareness/phone, 2026-01-02 10:00+00 acquisition/phone, 2026-01-03 10:00+00 retention/social]'),
	(5, '[2026-01-01 10:00+00 awareness/social, 2026-01-02 10:00+00 retention/email]'),
	(6, '[2026-01-01 10:00+00 awareness, 2026-01-02 10:00+00 acquisition/email]'),
	(7, '[]'),
	(8, NULL);
SELECT c.channel, round(c.credit::numeric, 12) AS credit
FROM unnest((SELECT markov_attribution(j) FROM journeys)) c;
SELECT round(sum(c.credit)::numeric, 12) AS total,
       (SELECT count(*) FROM journeys, attribution(j, 'last_touch') a) AS conversions
FROM unnest((SELECT markov_attribution(j) FROM journeys)) c;
-- one channel takes all; a single path; a journey converting at its first touch
SELECT markov_attribution(j) FROM (VALUES ('[2026-01-01 10:00+00 acquisition/web]'::journey),
                                          ('[2026-01-01 10:00+00 awareness/web]')) v(j);
-- a loop (web -> email -> web): self-transitions and cycles converge
SELECT c.channel, round(c.credit::numeric, 12) AS credit
FROM unnest((SELECT markov_attribution(j)
FROM (VALUES ('[2026-01-01 10:00+00 awareness/web, 2026-01-02 10:00+00 consideration/email,
                2026-01-03 10:00+00 consideration/web, 2026-01-04 10:00+00 acquisition/web]'::journey),
             ('[2026-01-01 10:00+00 awareness/email, 2026-01-02 10:00+00 consideration/email]')) v(j))) c;
-- no conversion: an empty array; no journeys: NULL
SELECT markov_attribution(j) FROM (VALUES ('[2026-01-01 10:00+00 awareness/web]'::journey), ('[]')) v(j);
SELECT markov_attribution(j) AS no_rows FROM journeys WHERE false;
SELECT markov_attribution(j) AS all_null FROM journeys WHERE j IS NULL;
-- order does not matter; a journey_agg state (unsorted) reads as its journey
SELECT (SELECT markov_attribution(j ORDER BY id) FROM journeys) = (SELECT markov_attribution(j ORDER BY id DESC) FROM journeys) AS same;
-- a state given by hand must be one
SELECT c AS call, pg_temp.error_of('SELECT ' || c) AS error FROM (VALUES
	($$markov_attribution_final('{1,2}')$$),
	($$markov_attribution_final(array_fill(0::bigint, ARRAY[239]) || -1::bigint)$$),
	($$markov_attribution_final(array_fill(0::bigint, ARRAY[239]) || NULL::bigint)$$),
	($$markov_attribution_combine(array_fill(0::bigint, ARRAY[240]), array_fill(0::bigint, ARRAY[2, 120]))$$),
	($$markov_attribution_combine(array_fill(9223372036854775807::bigint, ARRAY[240]), array_fill(1::bigint, ARRAY[240]))$$),
	($$markov_attribution_final(array_fill(0::bigint, ARRAY[240]))$$),
	($$markov_attribution_trans(NULL, '[2026-01-01 10:00+00 acquisition/web]')::text$$)) v(c);
SELECT markov_attribution(journey_agg_trans(journey_agg_trans(NULL, timestamptz '2026-01-02 10:00+00', 'acquisition', 'web'),
                                            timestamptz '2026-01-01 10:00+00', 'awareness', 'email')) AS from_state;

-- ---------------------------------------------------------------------------
-- parallel: forced parallel plans give the serial answers
-- ---------------------------------------------------------------------------
CREATE TABLE big_events AS
SELECT n % 997 AS uid, at((n * 7919) % 100000) AS t, chr(65 + (n * 31) % 5) AS e
FROM generate_series(1, 60000) n;
CREATE TABLE big_journeys AS
SELECT u AS id, journey_agg(at(d * 3600), (array['awareness', 'consideration', 'acquisition', 'retention'])[1 + (u * d) % 4]::journey_stage,
                            ('{phone,email,chat,sms,messaging,social,video,in_person,web,chatbot,ivr,self_service,other}'::text[])[1 + (u + d * 7) % 14]::interaction_channel) AS j
FROM generate_series(1, 3000) u, generate_series(1, 1 + u % 6) d GROUP BY u;
ANALYZE big_events;
ANALYZE big_journeys;
CREATE TEMP TABLE serial AS
SELECT uid, sequence_next_node('forward', 'first_match', t, e, true, e = 'A', e = 'B') AS f,
       sequence_next_node('backward', 'tail', t, e, e = 'C', e = 'C') AS b
FROM big_events GROUP BY uid;
CREATE TEMP TABLE serial_all AS
SELECT (SELECT sequence_next_node('forward', 'first_match', t, e, true, e = 'A') FROM big_events) AS snn,
       (SELECT markov_attribution(j) FROM big_journeys) AS markov;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT sequence_next_node('forward', 'first_match', t, e, true, e = 'A', e = 'B') FROM big_events;
EXPLAIN (COSTS OFF)
SELECT markov_attribution(j) FROM big_journeys;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (p.f, p.b) IS NOT DISTINCT FROM (s.f, s.b)) AS equal
FROM (SELECT uid, sequence_next_node('forward', 'first_match', t, e, true, e = 'A', e = 'B') AS f,
             sequence_next_node('backward', 'tail', t, e, e = 'C', e = 'C') AS b
      FROM big_events GROUP BY uid) p
JOIN serial s USING (uid);
SELECT (SELECT sequence_next_node('forward', 'first_match', t, e, true, e = 'A') FROM big_events) AS snn,
       (SELECT sequence_next_node('forward', 'first_match', t, e, true, e = 'A') FROM big_events) = snn AS snn_equal,
       (SELECT markov_attribution(j) FROM big_journeys)::text = markov::text AS markov_equal,
       cardinality(markov) AS channels
FROM serial_all;
RESET ALL;
SET timezone = 'UTC';

-- ---------------------------------------------------------------------------
-- path_events, the state of sequence_next_node: its support functions called
-- by name, its text and binary forms
-- ---------------------------------------------------------------------------
-- a group's state: the parameters, then the events in arrival order (time in
-- UTC, "b" where base_condition holds, the events met, the value quoted)
CREATE TABLE pe (n int, s path_events);
INSERT INTO pe
SELECT 1, sequence_next_node_trans(sequence_next_node_trans(sequence_next_node_trans(NULL,
           'forward', 'first_match', at(60), 'product', true, true, false),
           'forward', 'first_match', at(0), 'it''s; home', false, false, NULL),
           'forward', 'first_match', at(120), 'basket', true, false, true);
INSERT INTO pe VALUES
	(2, 'backward tail 0: 2026-01-01 10:00:00+00 b ''A''; 2026-01-01 10:00:00+00 - '''''),
	(3, 'forward head 64: infinity b,1,64 ''x''; -infinity 2,3 ''y'''),
	(4, ' Backward   LAST-MATCH 1 '),
	(5, 'forward first_match 2: 0044-03-15 12:00:00+00 BC 1 ''Caesar'''),
	(6, sequence_next_node_trans(NULL, 'forward', 'head', NULL, 'A', true));
SELECT n, s, s::text::path_events::text = s::text AS text_ok, s::text::path_events = s AS equal
FROM pe ORDER BY n;
SELECT sequence_next_node_final(s) AS next_node FROM pe WHERE n = 1;
-- the text does not depend on the session; input reads the session's zone
SET TimeZone = 'Europe/Berlin';
SET DateStyle = 'Postgres';
SELECT s FROM pe WHERE n = 1;
SELECT 'forward head 0: 2026-07-01 12:00:00 b ''A'''::path_events AS berlin_noon;
RESET DateStyle;
SET TimeZone = 'UTC';
-- binary COPY out and back in
COPY (SELECT n, s FROM pe ORDER BY n) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE pe_copy (n int, s path_events);
COPY pe_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE p.s::text = c.s::text) AS identical,
       count(*) FILTER (WHERE p.s = c.s) AS equal
FROM pe p JOIN pe_copy c USING (n);
-- equality ignores the order of the events, not the parameters
SELECT 'forward head 1: 2026-01-01 10:00:00+00 b ''A''; 2026-01-01 09:00:00+00 1 ''B'''::path_events
     = 'forward head 1: 2026-01-01 09:00:00+00 1 ''B''; 2026-01-01 10:00:00+00 b ''A''' AS same_events,
       'forward head 1: 2026-01-01 10:00:00+00 b ''A'''::path_events
     = 'forward first_match 1: 2026-01-01 10:00:00+00 b ''A''' AS other_base,
       'forward head 1: 2026-01-01 10:00:00+00 b ''A'''::path_events
    <> 'forward head 1: 2026-01-01 10:00:00+00 b,1 ''A''' AS other_events,
       'forward head 1: 2026-01-01 10:00:00+00 b ''A'''::path_events
    <> 'forward head 1: 2026-01-01 10:00:00+00 b ''AB''' AS other_value;
-- the support functions by name: input and output, = and <> (STRICT: NULL in,
-- NULL out), bad text through path_events_in as through a cast
SELECT path_events_out(path_events_in('forward head 1: 2026-01-01 10:00:00+00 b ''A''', 'path_events'::regtype, -1)) AS round_trip,
       path_events_eq('forward head 0', 'forward head 0') AS eq_same,
       path_events_eq('forward head 0', 'backward tail 0') AS eq_other,
       path_events_ne('forward head 0', 'forward head 0') AS ne_same,
       path_events_ne('forward head 0', 'forward head 1') AS ne_other,
       path_events_in(NULL, 0, -1) IS NULL AS in_null, path_events_out(NULL) IS NULL AS out_null,
       path_events_eq(NULL, 'forward head 0') IS NULL AS eq_null,
       path_events_ne('forward head 0', NULL) IS NULL AS ne_null;
SELECT pg_temp.error_of($$SELECT path_events_in('forward head 1: nonsense', 0, -1)$$) AS in_bad,
       pg_temp.error_of($$SELECT path_events_in('', 0, -1)$$) AS in_empty;
-- combine: the events of both, whatever the order; the aggregate's own answer
SELECT sequence_next_node_combine(a, b) = sequence_next_node_combine(b, a) AS commutes,
       sequence_next_node_final(sequence_next_node_combine(a, b)) AS combined,
       (SELECT sequence_next_node('forward', 'first_match', at(ts), v, true, v = 'A')
        FROM (VALUES (1, 'A'), (2, 'B'), (3, 'C')) e(ts, v)) AS aggregate
FROM (SELECT 'forward first_match 1: 1970-01-01 00:00:03+00 b ''C''; 1970-01-01 00:00:01+00 b,1 ''A'''::path_events AS a,
             'forward first_match 1: 1970-01-01 00:00:02+00 b ''B'''::path_events AS b) v;
SELECT pg_temp.error_of($$SELECT sequence_next_node_combine('forward head 1', 'forward head 2')$$) AS combine_mixed;
-- called directly, the transition never changes its argument
SELECT s, sequence_next_node_trans(s, 'backward', 'tail', at(9), 'z', true) AS appended, s AS unchanged
FROM pe WHERE n = 2;
SELECT pg_temp.error_of($$SELECT sequence_next_node_trans('backward tail 0', 'backward', 'tail', at(9), 'z', true, true)$$) AS trans_mixed;
-- version 1, forward, head, 1 event, 1 row at 2000-01-01 00:00:01+00 meeting event 1
-- and base_condition, value "A"
SELECT path_events_send('forward head 1: 2000-01-01 00:00:01+00 b,1 ''A''');
-- bad binary input, each with its SQLSTATE
CREATE TABLE pe_bin (s path_events);
SELECT what, pg_temp.binary_copy_error('pe_bin', bytes) AS error
FROM (SELECT path_events_send('forward head 1: 2000-01-01 00:00:01+00 b,1 ''A''') AS b) g,
LATERAL (VALUES
	('well-formed', b),
	('version 2', set_byte(b, 0, 2)),
	('direction 2', set_byte(b, 1, 2)),
	('base 4', set_byte(b, 2, 4)),
	('head backward', set_byte(b, 1, 1)),
	('65 events', set_byte(b, 3, 65)),
	('count beyond the data', set_byte(b, 7, 2)),
	('event 2 of 1', set_byte(b, 23, 3)),
	('base flag 2', set_byte(b, 24, 2)),
	('length beyond the data', set_byte(b, 28, 2)),
	('zero byte in the value', set_byte(b, 29, 0)),
	('not UTF-8', set_byte(b, 29, 255)),
	('time out of range', set_byte(set_byte(set_byte(set_byte(b, 8, 127), 9, 255), 10, 255), 11, 255)),
	('trailing byte', b || '\x00'::bytea),
	('truncated', substring(b from 1 for 6))
) v(what, bytes);
-- bad literals, each with its SQLSTATE
SELECT lit, pg_temp.error_of(format('SELECT %L::path_events', lit)) AS error
FROM (VALUES (''), ('sideways head 0'), ('forward'), ('forward middle 0'), ('backward head 0'),
	('forward first_match 0'), ('forward head 65'), ('forward head x'),
	('forward head 1: 2026-01-01 10:00:00+00 2 ''A'''),
	('forward head 0: 2026-01-01 10:00:00+00 1 ''A'''),
	('forward head 1: 2026-01-01 10:00:00+00 b,b ''A'''),
	('forward head 1: 2026-01-01 10:00:00+00 ''A'''),
	('forward head 1: 2026-01-01 10:00:00+00 b ''A'),
	('forward head 1: 2026-01-01 10:00:00+00 b ''A'' extra'),
	('forward head 1: soon b ''A'''),
	('forward head 1: 2026-01-01 10:00:00+00 b A'),
	('forward head 1; 2026-01-01 10:00:00+00 b ''A''')) v(lit);
-- the catalog: what each support function is
SELECT p.oid::regprocedure AS function, p.proisstrict, p.proparallel, p.provolatile,
       (SELECT string_agg(a.aggfnoid::regprocedure::text, ', ' ORDER BY a.aggfnoid::regprocedure::text)
        FROM pg_aggregate a
        WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn)) AS aggregates
FROM pg_proc p
WHERE p.proname ~ '^(sequence_next_node|markov_attribution)_'
ORDER BY p.oid::regprocedure::text;
SELECT t.typname, t.typalign, t.typstorage, t.typreceive = 'path_events_recv'::regproc AS recv,
       t.typsend = 'path_events_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'path_events'::regtype;
-- markov_attribution's state is a bigint[]: its parts are called with real states
SELECT markov_attribution_final(markov_attribution_combine(markov_attribution_trans(NULL, '[2026-01-01 10:00+00 acquisition/web]'),
                                                           markov_attribution_trans(NULL, '[2026-01-01 11:00+00 acquisition/phone]')))::text
       = (SELECT markov_attribution(j) FROM (VALUES ('[2026-01-01 10:00+00 acquisition/web]'::journey),
                                                    ('[2026-01-01 11:00+00 acquisition/phone]')) v(j))::text AS trans_combine_final_is_aggregate;
SELECT markov_attribution_trans(NULL, NULL) IS NULL AS trans_null_null,
       markov_attribution_combine(NULL, '{}') IS NULL AS combine_strict, markov_attribution_final(NULL) IS NULL AS final_strict;
SELECT pg_temp.error_of($$SELECT markov_attribution_combine('{1,2}', '{1,2}')$$) AS combine_bad;
-- channel_credit is the element type of the answer
SELECT c, c.channel, c.credit, pg_typeof(c) AS type
FROM unnest(markov_attribution_final(markov_attribution_trans(NULL, '[2026-01-01 10:00+00 acquisition/web]'))) c;
SELECT ROW('web', 0.5)::channel_credit AS credit, (ROW(NULL, 1)::channel_credit).channel IS NULL AS no_channel,
       pg_typeof(markov_attribution_final(NULL)) AS answer_type;
