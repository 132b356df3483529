--
-- ticket_changes: the state of ticket_clock, a real type (text and binary
-- forms, merge, rollup of stored states, partial aggregation)
--
\i test/regress_helpers.sql
-- results must not depend on the session: run under an odd zone and DateStyle
SET timezone = 'Asia/Kathmandu';
SET datestyle = 'SQL, DMY';
SET intervalstyle = 'postgres';

\i test/regress_tickets.sql

-- the changes of each ticket: lists sorted, changes in time order whatever the
-- input order, each as what it does to the clock
SELECT ticket, ticket_changes(at, status, :h ORDER BY at DESC) AS changes FROM ev GROUP BY ticket ORDER BY ticket;
SELECT ticket_changes(at, status, '24/7', '{pending,Pending,pending,NULL}', NULL) AS own_lists FROM ev WHERE ticket = 4;
-- sla_clock() of the changes is the clock ticket_clock gives
SELECT ticket, sla_clock(ticket_changes(at, status, :h)) = ticket_clock(at, status, :h) AS same_clock
FROM ev GROUP BY ticket ORDER BY ticket;
-- no rows, only NULL rows: no state; a state without changes has no clock
SELECT ticket_changes(at, status, :h) IS NULL AS no_rows FROM ev WHERE false;
SELECT ticket_changes(at, status, :h) IS NULL AS null_rows FROM ev WHERE status IS NULL;
SELECT sla_clock('paused {}; stopped {}; changes none; hours 24/7'::ticket_changes) IS NULL AS no_changes_no_clock;

-- two levels: states stored per ticket and day (as shards or a nightly job would
-- keep them), rolled up in any order, read as clocks: the same as one aggregate
CREATE TEMP TABLE daily AS
SELECT ticket, at::date AS day, ticket_changes(at, status, :h) AS changes FROM ev GROUP BY ticket, at::date;
SELECT count(*) AS stored_states FROM daily;
SELECT d.ticket, sla_clock(rollup(d.changes ORDER BY d.day DESC)) = (SELECT ticket_clock(at, status, :h) FROM ev WHERE ev.ticket = d.ticket) AS same_clock,
       rollup(d.changes)::text = (SELECT ticket_changes(at, status, :h)::text FROM ev WHERE ev.ticket = d.ticket) AS same_changes
FROM daily d GROUP BY d.ticket ORDER BY d.ticket;
-- a rollup of states of other calendars or lists is refused
SELECT rollup(c) FROM (VALUES (ticket_changes_in('paused {}; stopped {}; changes none; hours 24/7', 0, -1)),
  ('paused {}; stopped {}; changes none; hours mon-fri 09:00-17:00')) v(c);
SELECT rollup(c) FROM (VALUES ('paused {}; stopped {}; changes none; hours 24/7'::ticket_changes),
  ('paused {pending}; stopped {}; changes none; hours 24/7')) v(c);
-- merge: the changes of both in time order, either side unsorted; the inputs
-- are left as they are
SELECT ticket_changes_merge('paused {a}; stopped {b}; changes 2026-12-21 12:00+00 stop, 2026-12-21 10:00+00 run; hours 24/7',
                            'paused {a}; stopped {b}; changes 2026-12-21 11:00+00 pause, 2026-12-21 10:00+00 stop; hours 24/7') AS merged;
SELECT ticket_changes_merge(c, c) AS doubled, c AS unchanged
FROM (SELECT 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run; hours 24/7'::ticket_changes AS c) s;
-- ticket_changes_add called directly: one change more, the state given unchanged
SELECT ticket_changes_add(c, '2026-12-21 09:00+00', 'pending', '24/7') AS added, c AS unchanged,
       ticket_changes_add(NULL, '2026-12-21 09:00+00', 'closed', '24/7', '{}') AS from_null,
       ticket_changes_add(c, NULL, 'open', '24/7') AS null_time_skipped,
       ticket_changes_add(NULL, '2026-12-21 09:00+00', NULL, '24/7') IS NULL AS null_status_no_state
FROM (SELECT 'paused {on_hold,pending}; stopped {closed,solved}; changes 2026-12-21 10:00+00 run; hours 24/7'::ticket_changes AS c) s;
-- a state read with other lists than the call's (the defaults) is refused
SELECT ticket_changes_add('paused {}; stopped {}; changes none; hours 24/7', '2026-12-21 09:00+00', 'open', '24/7');
-- ticket_changes_final: sorted and compact (the aggregate's state has room to grow)
SELECT ticket_changes_final('paused {}; stopped {x}; changes 2026-12-21 12:00+00 stop, 2026-12-21 10:00+00 run; hours 24/7') AS final;

-- many changes in random order (the state grows, then is sorted): the clock of
-- the sorted changes; as a window aggregate, the clock at each change
CREATE TEMP TABLE long AS
SELECT timestamptz '2026-01-05 00:00+00' + k * interval '17 minutes' AS at,
       (ARRAY['open', 'pending', 'open', 'solved', 'on_hold'])[1 + abs(hashint4(k)) % 5] AS status
FROM generate_series(1, 20000) k ORDER BY hashint4(k * 7);
SELECT elapsed(ticket_clock(at, status, :h)) = elapsed(ticket_clock(at, status, :h ORDER BY at)) AS same_elapsed,
       ticket_clock(at, status, :h) = ticket_clock(at, status, :h ORDER BY at) AS same_clock,
       length(ticket_changes(at, status, :h)::text) AS text_length
FROM long;
SELECT count(*) AS changes, count(*) FILTER (WHERE w = s) AS same_as_prefix_clock
FROM (SELECT at, elapsed(ticket_clock(at, status, :h) OVER (ORDER BY at)) AS w FROM long) a
JOIN (SELECT l.at, (SELECT elapsed(ticket_clock(m.at, m.status, :h)) FROM long m WHERE m.at <= l.at) AS s
      FROM long l WHERE l.at < '2026-01-08') b USING (at);

-- text form: case and blanks free, lists canonical, round trip
SELECT s::ticket_changes AS canonical FROM (VALUES
  ('paused {pending, "on hold", pending}; stopped {}; changes 2026-12-21 10:00+00 run, 2026-12-21 09:00+01 pause; hours 24/7'),
  ('  PAUSED{};STOPPED {"a,b","c;d","{}"};CHANGES 2026-12-21 10:00:00.5+00   STOP  ;HOURS mon-fri 09:00-17:00; tz Europe/Berlin'),
  ('paused {x}; stopped {y}; changes none; hours ')) v(s);
SELECT c::text::ticket_changes::text = c::text AS round_trip
FROM (SELECT ticket_changes(at, status, :h) AS c FROM ev GROUP BY ticket) s;
-- bad input: syntax (22P02), values (22023), the calendar's and the arrays' own errors
SELECT s AS input, pg_temp.error_of(format('SELECT %L::ticket_changes', s)) AS error FROM (VALUES
  (''),
  ('paused pending; stopped {}; changes none; hours 24/7'),
  ('paused {pending; stopped {}; changes none; hours 24/7'),
  ('paused {}; changes none; hours 24/7'),
  ('paused {}; stopped {}; changes 2026-12-21 10:00+00; hours 24/7'),
  ('paused {}; stopped {}; changes 2026-12-21 10:00+00 walk; hours 24/7'),
  ('paused {}; stopped {}; changes run; hours 24/7'),
  ('paused {}; stopped {}; changes 2026-12-21 10:00+00 run 2026-12-21 11:00+00 stop; hours 24/7'),
  ('paused {}; stopped {}; changes 2026-12-21 10:00+00 run,; hours 24/7'),
  ('paused {}; stopped {}; changes none hours 24/7'),
  ('paused {}; stopped {}; changes none; 24/7'),
  ('paused {}; stopped {}; changes infinity run; hours 24/7'),
  ('paused {}; stopped {}; changes yesterday noon run; hours 24/7'),
  ('paused {a}; stopped {b,a}; changes none; hours 24/7'),
  ('paused {{a},{b}}; stopped {}; changes none; hours 24/7'),
  ('paused {"a}; stopped {}; changes none; hours 24/7'),
  ('paused {}; stopped {}; changes none; hours mon-fri 17:00-09:00'),
  ('paused {}; stopped {}; changes none; hours tz Mars/Olympus')) v(s);

-- binary: COPY round trip; crafted bytes are 22P03 or the text validator's errors
CREATE TEMP TABLE states AS SELECT ticket, ticket_changes(at, status, :h) AS c FROM ev GROUP BY ticket;
CREATE TEMP TABLE states_copy (LIKE states);
COPY states TO :'binfile' WITH (FORMAT binary);
COPY states_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.c::text = b.c::text AND ticket_changes_send(a.c) = ticket_changes_send(b.c)) AS same
FROM states a JOIN states_copy b USING (ticket);
SELECT encode(ticket_changes_send('paused {p}; stopped {}; changes 2026-12-21 10:00+00 stop, 2026-12-21 09:00+00 run; hours 24/7'), 'hex') AS send;
-- the bytes above: version 01, the calendar's text (length, bytes), one paused
-- label "p", no stopped one, 2 changes (8-byte instant, 1-byte kind), in time order
-- (the crafted ones below say "24/7" for the calendar)
SELECT what, pg_temp.binary_error('ticket_changes', bytes) AS error FROM (VALUES
  ('the bytes sent', ticket_changes_send('paused {p}; stopped {}; changes 2026-12-21 10:00+00 stop; hours 24/7')),
  ('version 2', '\x020000000432342f37'::bytea),
  ('ends early', '\x0100000004'),
  ('calendar longer than the value', '\x01000000ff32342f37'),
  ('a zero byte in the calendar', '\x010000000432340037000000000000000000000000'),
  ('a bad calendar', '\x010000000178000000000000000000000000'),
  ('a billion labels', '\x010000000432342f373b9aca00'),
  ('a label both paused and stopped', '\x010000000432342f3700000001000000017000000001000000017000000000'),
  ('kind 3', '\x010000000432342f3700000000000000000000000100030620b07f880003'),
  ('infinite instant', '\x010000000432342f370000000000000000000000017fffffffffffffff00'),
  ('a byte too many', '\x010000000432342f3700000000000000000000000000'),
  ('claims more changes than it holds', '\x010000000432342f37000000000000000000000fff')) v(what, bytes);

-- forced parallel: partial states (of the real type) combined give the same
-- clocks and the same changes as a serial plan
CREATE TEMP TABLE many AS
SELECT t AS ticket, timestamptz '2026-12-01 00:00+00' + (hashint4(t * 100 + k) % 20000) * interval '1 minute' AS at,
       (ARRAY['new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'open'])[1 + abs(hashint4(t * 7 + k)) % 7] AS status
FROM generate_series(1, 2000) t, generate_series(1, 6) k ORDER BY hashint4(t + k * 31);
CREATE TABLE many_p AS SELECT * FROM many;
ANALYZE many_p;
CREATE TEMP TABLE serial_states AS
SELECT ticket, ticket_changes(at, status, :h)::text AS c, ticket_clock(at, status, :h)::text AS clock FROM many GROUP BY ticket;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT ticket, ticket_changes(at, status, :h), ticket_clock(at, status, :h) FROM many_p GROUP BY ticket;
SELECT count(*) AS tickets, count(*) FILTER (WHERE s.c = p.c) AS same_changes, count(*) FILTER (WHERE s.clock = p.clock) AS same_clocks
FROM serial_states s JOIN (SELECT ticket, ticket_changes(at, status, :h)::text AS c, ticket_clock(at, status, :h)::text AS clock
                           FROM many_p GROUP BY ticket) p USING (ticket);
-- one ticket's changes split across the workers
EXPLAIN (COSTS OFF) SELECT ticket_clock(at, status, :h) FROM many_p;
SELECT ticket_clock(at, status, :h)::text = (SELECT ticket_clock(at, status, :h)::text FROM many) AS one_ticket_split_across_workers,
       ticket_changes(at, status, :h)::text = (SELECT ticket_changes(at, status, :h)::text FROM many) AS same_changes
FROM many_p;
RESET ALL;
DROP TABLE many_p;

-- hashed and sorted grouping: the aggregate's working state (an expanded
-- object per ticket, grown in place) gives the same changes and clocks either
-- way; as a window aggregate ticket_changes gives each prefix, compact
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT ticket, ticket_changes(at, status, :h) FROM many GROUP BY ticket;
SELECT count(*) AS tickets, count(*) FILTER (WHERE s.c = h.c) AS same_changes, count(*) FILTER (WHERE s.clock = h.clock) AS same_clocks
FROM serial_states s JOIN (SELECT ticket, ticket_changes(at, status, :h)::text AS c, ticket_clock(at, status, :h)::text AS clock
                           FROM many GROUP BY ticket) h USING (ticket);
RESET enable_sort;
SELECT count(*) AS changes,
       count(*) FILTER (WHERE w = (SELECT ticket_changes(m.at, m.status, :h) FROM many m WHERE m.ticket = 7 AND m.at <= a.at)) AS same_as_prefix,
       count(*) FILTER (WHERE ticket_changes_send(w) = ticket_changes_send(w::text::ticket_changes)) AS compact
FROM (SELECT at, ticket_changes(at, status, :h) OVER (ORDER BY at) AS w FROM many WHERE ticket = 7) a;

-- the catalog: the state type, its aggregates and their parts
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn,
       a.aggfinalmodify, a.aggtranstype::regtype, a.aggtransspace
FROM pg_aggregate a
WHERE a.aggtranstype = 'ticket_changes'::regtype
ORDER BY a.aggfnoid::regprocedure::text;
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
WHERE 'ticket_changes'::regtype = ANY (p.proargtypes) OR p.prorettype = 'ticket_changes'::regtype
ORDER BY p.oid::regprocedure::text;
SELECT t.typinput = 'ticket_changes_in'::regproc AS input, t.typoutput = 'ticket_changes_out'::regproc AS output,
       t.typreceive = 'ticket_changes_recv'::regproc AS recv, t.typsend = 'ticket_changes_send'::regproc AS send,
       t.typalign, t.typstorage
FROM pg_type t WHERE t.oid = 'ticket_changes'::regtype;
-- the support functions called by name: the casts they implement, NULLs
SELECT ticket_changes_in('paused {}; stopped {}; changes none; hours 24/7', 'ticket_changes'::regtype, -1)::text
         = 'paused {}; stopped {}; changes none; hours 24/7'::ticket_changes::text AS in_is_cast,
       ticket_changes_out('paused {}; stopped {}; changes none; hours 24/7')::text AS out,
       ticket_changes_in(NULL, 0, -1) IS NULL AS in_strict, ticket_changes_out(NULL) IS NULL AS out_strict,
       ticket_changes_send(NULL) IS NULL AS send_strict, ticket_changes_merge(NULL, NULL) IS NULL AS merge_strict,
       ticket_changes_final(NULL) IS NULL AS final_strict, sla_clock(NULL::ticket_changes) IS NULL AS clock_strict;
SELECT pg_temp.error_of($$SELECT ticket_changes_in('walking at noon', 0, -1)$$) AS bad_in;
SELECT pg_temp.binary_error('ticket_changes', '\x02'::bytea) AS recv_bad_version;

-- equality: the same calendar, lists and changes, in any order (the calendar
-- and lists as their canonical forms)
SELECT what, a = b AS eq, a <> b AS ne, ticket_changes_eq(a, b) AS eq_fn, ticket_changes_ne(a, b) AS ne_fn FROM (VALUES
  ('same', 'paused {a,b}; stopped {}; changes 2026-12-21 10:00+00 run, 2026-12-21 09:00+00 stop; hours 24/7'::ticket_changes,
           'PAUSED {b,a,a}; stopped {}; changes 2026-12-21 09:00+00 stop, 2026-12-21 11:00+01 run; hours mon-sun 00:00-24:00'::ticket_changes),
  ('other lists', 'paused {a}; stopped {}; changes 2026-12-21 10:00+00 run; hours 24/7', 'paused {}; stopped {a}; changes 2026-12-21 10:00+00 run; hours 24/7'),
  ('other calendar', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run; hours 24/7', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run; hours mon-fri 09:00-17:00'),
  ('other kind', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run; hours 24/7', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 stop; hours 24/7'),
  ('one change more', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run; hours 24/7', 'paused {}; stopped {}; changes 2026-12-21 10:00+00 run, 2026-12-21 10:00+00 run; hours 24/7')) v(what, a, b);
-- a state with room to spare and its changes out of order equals its compact form
SELECT c = c::text::ticket_changes AS equal_to_text_form, c::text
FROM (SELECT ticket_changes_add(ticket_changes_add('paused {on_hold,pending}; stopped {closed,solved}; changes 2026-12-21 12:00+00 run; hours 24/7',
                                                   '2026-12-21 11:00+00', 'pending', '24/7'),
                                '2026-12-21 10:00+00', 'new', '24/7') AS c) s;
SELECT ticket_changes_eq(NULL, NULL) IS NULL AS eq_strict;
