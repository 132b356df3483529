--
-- sla_clock: SLA clocks that pause, by ticket status, in business hours
--
\i test/regress_helpers.sql
-- results must not depend on the session: run under an odd zone and DateStyle
SET timezone = 'Asia/Kathmandu';
SET datestyle = 'SQL, DMY';
SET intervalstyle = 'postgres';

\i test/regress_tickets.sql
SET timezone = 'UTC';
SELECT ticket, ticket_clock(at, status, :h) AS clock FROM ev GROUP BY ticket ORDER BY ticket;
SELECT ticket, elapsed(c), elapsed(c, '2026-12-28 10:00+00') AS elapsed_mon_10,
       is_running(c), is_paused(c), is_stopped(c), due_at(c, '4 hours') AS due_4h,
       breached(c, '4 hours', '2026-12-28 10:00+00') AS breached_mon_10,
       remaining(c, '4 hours', '2026-12-28 10:00+00') AS remaining_mon_10
FROM (SELECT ticket, ticket_clock(at, status, :h) AS c FROM ev GROUP BY ticket) s ORDER BY ticket;
-- as_of before the first event, inside a pause, inside a run, after the end
SELECT as_of, elapsed(c, as_of), breached(c, '2 hours', as_of), remaining(c, '2 hours', as_of)
FROM (SELECT ticket_clock(at, status, :h) AS c FROM ev WHERE ticket = 1) s,
     unnest(ARRAY['2026-12-21 09:00', '2026-12-21 11:00', '2026-12-21 12:00', '2026-12-21 18:00',
                  '2026-12-22 09:45', '2026-12-22 10:00', '2027-01-04 10:00']::timestamptz[]) AS as_of;
-- the window aggregate: the clock at each event
SELECT ticket, at, status, elapsed(ticket_clock(at, status, :h) OVER w),
       is_running(ticket_clock(at, status, :h) OVER w)
FROM ev WINDOW w AS (PARTITION BY ticket ORDER BY at) ORDER BY ticket, at;

-- any input order gives the same clock
SELECT count(DISTINCT c::text) AS distinct_clocks
FROM (SELECT k, ticket_clock(at, status, :h ORDER BY md5(k || status || at)) AS c
      FROM ev, generate_series(1, 20) k WHERE ticket = 3 GROUP BY k) s;

-- ORDER BY inside the aggregate (the arguments then come from a sort)
SELECT ticket, ticket_clock(at, status, :h ORDER BY at DESC) AS clock FROM ev WHERE ticket IN (1, 3) GROUP BY ticket ORDER BY ticket;

-- events at one instant: the status left in force is one that stops, else one
-- that pauses, else one that runs
SELECT statuses, ticket_clock(timestamptz '2026-12-21 10:00+00', x, :h) AS clock
FROM (VALUES ('solved, open'), ('open, solved'), ('pending, open'), ('open, pending'),
             ('pending, solved'), ('new, open')) v(statuses),
     unnest(string_to_array(statuses, ', ')) x
GROUP BY statuses ORDER BY statuses;
-- a tie at the first event and at a reopening
SELECT elapsed(ticket_clock(at, s, :h)) FROM (VALUES
  ('2026-12-21 10:00+00'::timestamptz, 'open'), ('2026-12-21 10:00+00', 'pending'),
  ('2026-12-21 11:00+00', 'open'), ('2026-12-21 12:00+00', 'solved'),
  ('2026-12-21 12:00+00', 'open'), ('2026-12-21 13:00+00', 'open'), ('2026-12-21 14:00+00', 'closed')) v(at, s);

-- own lists; a NULL list is an empty one (nothing pauses, or nothing stops)
SELECT ticket, elapsed(ticket_clock(at, status, :h, '{pending,Pending}', '{closed}')) AS own_lists,
       elapsed(ticket_clock(at, status, :h, NULL, '{solved,closed}')) AS no_pause,
       elapsed(ticket_clock(at, status, :h, '{on_hold}', NULL)) AS no_stop,
       elapsed(ticket_clock(at, status, :h, '{on_hold}')) AS on_hold_only,
       elapsed(ticket_clock(at, status, :h, '{pending, NULL}')) AS null_element
FROM ev GROUP BY ticket ORDER BY ticket;

-- no rows, only NULL rows: no clock; rows without a time or a calendar are skipped
SELECT ticket_clock(at, status, :h) IS NULL AS no_rows FROM ev WHERE false;
SELECT ticket_clock(at, status, :h) IS NULL AS null_statuses FROM ev WHERE status IS NULL;
SELECT ticket_clock(at, status, h) AS clock FROM (VALUES
  ('2026-12-21 10:00+00'::timestamptz, 'open', :h::business_hours), (NULL, 'solved', :h),
  ('2026-12-21 12:00+00', 'solved', NULL)) v(at, status, h);

-- errors: a ticket with two calendars or two lists, a status both paused and
-- stopped, an infinite time
SELECT ticket_clock(at, 'open', h) FROM (VALUES ('2026-12-21 10:00+00'::timestamptz, '24/7'::business_hours),
  ('2026-12-21 11:00+00', 'mon-fri 09:00-17:00')) v(at, h);
SELECT ticket_clock(at, 'open', :h, p) FROM (VALUES ('2026-12-21 10:00+00'::timestamptz, '{pending}'::text[]),
  ('2026-12-21 11:00+00', '{on_hold}')) v(at, p);
SELECT ticket_clock(at, 'open', :h, p) FROM (VALUES ('2026-12-21 10:00+00'::timestamptz, '{pending}'::text[]),
  ('2026-12-21 11:00+00', NULL)) v(at, p);
SELECT ticket_clock('2026-12-21 10:00+00', 'open', :h, '{pending,solved}');
SELECT ticket_clock('infinity', 'open', :h);
SELECT ticket_clock('2026-12-21 10:00+00', 'open', :h, '{{a},{b}}');

-- accessors: targets in hours, not negative; NULLs
SELECT due_at(ticket_clock('2026-12-21 10:00+00', 'open', '24/7'), '1 day');
SELECT breached(ticket_clock('2026-12-21 10:00+00', 'open', '24/7'), '-1 hour', '2026-12-21 10:00+00');
SELECT remaining(ticket_clock('2026-12-21 10:00+00', 'open', '24/7'), '1 mon');
SELECT elapsed(ticket_clock('2026-12-21 10:00+00', 'open', '24/7'), 'infinity');
SELECT elapsed(NULL) IS NULL AS e, elapsed(NULL, '2026-12-21 10:00+00') IS NULL AS e_as_of, is_running(NULL) IS NULL AS r,
       is_paused(NULL) IS NULL AS p, is_stopped(NULL) IS NULL AS s,
       due_at(NULL, '1 hour') IS NULL AS d, due_at('stopped at 2026-12-21 10:00+00; runs none; hours 24/7', NULL) IS NULL AS d_target,
       breached(NULL, '1 hour') IS NULL AS b, breached('stopped at 2026-12-21 10:00+00; runs none; hours 24/7', NULL) IS NULL AS b_target,
       remaining(NULL, '1 hour', '2026-12-21 10:00+00') IS NULL AS rem,
       remaining('stopped at 2026-12-21 10:00+00; runs none; hours 24/7', NULL, '2026-12-21 10:00+00') IS NULL AS rem_target;
-- due_at: when a running clock reaches the target (in the past once it has),
-- across runs; NULL while paused or stopped; the target 0 is the first opening
SELECT target, due_at(c, target)
FROM (SELECT ticket_clock(at, s, :h) AS c FROM (VALUES
        ('2026-12-21 16:00+00'::timestamptz, 'open'), ('2026-12-21 16:30+00', 'pending'),
        ('2026-12-23 10:00+00', 'open'), ('2026-12-23 11:00+00', 'on_hold'), ('2026-12-24 16:00+00', 'open')) v(at, s)) x,
     unnest(ARRAY['0', '10 minutes', '30 minutes', '31 minutes', '90 minutes', '91 minutes', '3 hours', '40 hours']::interval[]) AS target;
SELECT due_at(ticket_clock(at, s, :h), '1 hour') AS paused_due, is_paused(ticket_clock(at, s, :h)) AS paused,
       due_at(ticket_clock(at, s, :h, '{}', '{pending}'), '1 hour') AS stopped_due,
       is_stopped(ticket_clock(at, s, :h, '{}', '{pending}')) AS stopped
FROM (VALUES ('2026-12-21 10:00+00'::timestamptz, 'open'), ('2026-12-21 10:30+00', 'pending')) v(at, s);
-- a calendar that is never open: no due time
SELECT due_at(ticket_clock('2026-12-21 10:00+00', 'open', ''), '1 hour');

-- daylight saving, by hand
-- Europe/Berlin, 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).  Sunday
-- 01:00-04:00 is open for two hours: 00:00-01:00 and 01:00-02:00 UTC.
\set be '''sun 01:00-04:00; tz Europe/Berlin'''
SELECT elapsed(c) AS whole_range, elapsed(c, '2026-03-29 01:30+00') AS to_0330_cest,
       due_at(c, '90 minutes') AS due_90m
FROM (SELECT ticket_clock(at, 'open', :be) AS c FROM unnest(ARRAY['2026-03-28 22:00+00', '2026-03-29 06:00+00']::timestamptz[]) at) s;
-- paused 00:30-01:30 UTC (01:30 CET to 03:30 CEST): 30 minutes either side run
SELECT elapsed(ticket_clock(at, s, :be)) FROM (VALUES ('2026-03-29 00:00+00'::timestamptz, 'open'),
  ('2026-03-29 00:30+00', 'pending'), ('2026-03-29 01:30+00', 'open'), ('2026-03-29 03:00+00', 'solved')) v(at, s);
-- 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00 UTC); 02:00-03:00 is worked twice
\set be2 '''sun 02:00-03:00; tz Europe/Berlin'''
SELECT elapsed(c) AS both_hours, elapsed(c, '2026-10-25 01:00+00') AS first_pass,
       due_at(c, '90 minutes') AS due_90m
FROM (SELECT ticket_clock(at, 'open', :be2) AS c FROM unnest(ARRAY['2026-10-24 20:00+00', '2026-10-25 05:00+00']::timestamptz[]) at) s;
-- America/New_York, 2026-03-08 and 2026-11-01: a 24-hour Sunday is 23 and 25 hours
SELECT change, elapsed(ticket_clock(at, 'open', 'sun 00:00-24:00; tz America/New_York')) AS sunday
FROM (VALUES ('spring', '2026-03-07 12:00+00'::timestamptz), ('spring', '2026-03-09 12:00+00'),
             ('fall', '2026-10-31 12:00+00'), ('fall', '2026-11-02 12:00+00')) v(change, at)
GROUP BY change ORDER BY change DESC;
-- Australia/Lord_Howe, 2026-10-04: 02:00 jumps to 02:30; Sunday 01:00-04:00 is two and a half hours
SELECT elapsed(ticket_clock(at, s, 'sun 01:00-04:00; tz Australia/Lord_Howe')) FROM (VALUES
  ('2026-10-04 00:00+10:30'::timestamptz, 'open'), ('2026-10-04 23:00+11', 'solved')) v(at, s);
-- Pacific/Apia skipped Friday 2011-12-30: Thursday noon to Monday noon holds 5 + 8 + 8 + 3 hours
SELECT elapsed(ticket_clock(at, s, 'mon-sun 09:00-17:00; tz Pacific/Apia')) AS every_day,
       elapsed(ticket_clock(at, s, 'fri 09:00-17:00; tz Pacific/Apia')) AS fridays_only
FROM (VALUES ('2011-12-29 12:00-10'::timestamptz, 'open'), ('2012-01-02 12:00+14', 'solved')) v(at, s);

-- text form: canonical (UTC, ISO), round trips, case and blanks free
SELECT s::sla_clock AS canonical FROM (VALUES
  ('running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 12:00+00), [2026-12-22 09:30+00, ); hours mon-fri 09:00-17:00'),
  ('  STOPPED   at 2026-12-22 11:00:00.5+01 ;runs[2026-12-21 10:00+00,2026-12-21 12:00+00);hours 24/7'),
  ('paused at 2026-12-22 10:00+00; runs none; hours '),
  ('stopped at 2026-12-22 10:00+00; runs none; hours mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-24')) v(s);
SELECT elapsed('running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 12:00+00), [2026-12-22 09:30+00, ); hours mon-fri 09:00-17:00'::sla_clock) AS elapsed_from_text;
-- bad input: syntax (22P02), values (22023), the calendar's own errors
\set VERBOSITY default
SELECT ''::sla_clock;
SELECT 'sleeping at 2026-12-22 10:00+00; runs none; hours 24/7'::sla_clock;
SELECT 'running 2026-12-22 10:00+00; runs none; hours 24/7'::sla_clock;
SELECT 'running at 2026-12-22 10:00+00 runs none; hours 24/7'::sla_clock;
SELECT 'running at yesterday noon; runs none; hours 24/7'::sla_clock;
SELECT 'running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00 ); hours 24/7'::sla_clock;
SELECT 'running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, ) hours 24/7'::sla_clock;
SELECT 'running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, ); 24/7'::sla_clock;
SELECT 'running at 2026-12-22 10:00+00; runs none; hours 24/7'::sla_clock;
SELECT 'paused at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, ); hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 09:00+00); hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 11:00+00), [2026-12-21 11:00+00, 2026-12-21 12:00+00); hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs [2026-12-21 12:00+00, 2026-12-21 13:00+00), [2026-12-21 10:00+00, 2026-12-21 11:00+00); hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-21 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 11:00+00); hours 24/7'::sla_clock;
SELECT 'running at 2026-12-21 10:00+00; runs [2026-12-21 11:00+00, ); hours 24/7'::sla_clock;
SELECT 'stopped at infinity; runs none; hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs [-infinity, 2026-12-21 11:00+00); hours 24/7'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs none; hours mon-fri 17:00-09:00'::sla_clock;
SELECT 'stopped at 2026-12-22 10:00+00; runs none; hours tz Mars/Olympus'::sla_clock;
\set VERBOSITY terse

-- binary: COPY round trip; crafted bytes are 22P03 or the text validator's errors
CREATE TEMP TABLE clocks AS SELECT ticket, ticket_clock(at, status, :h) AS c FROM ev GROUP BY ticket;
CREATE TEMP TABLE clocks_copy (LIKE clocks);
COPY clocks TO :'binfile' WITH (FORMAT binary);
COPY clocks_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.c::text = b.c::text) AS same FROM clocks a JOIN clocks_copy b USING (ticket);
SELECT encode(sla_clock_send('stopped at 2026-12-21 10:00+00; runs [2026-12-21 09:00+00, 2026-12-21 09:30+00); hours 24/7'), 'hex') AS send;
CREATE TEMP TABLE bin (c sla_clock);
\set VERBOSITY default
-- version 2
SELECT pg_temp.write_binary_copy(:'binfile', '\x020200030620b07f88000000000032342f37');
COPY bin FROM :'binfile' WITH (FORMAT binary);
-- cut short; claims a billion runs
SELECT pg_temp.write_binary_copy(:'binfile', '\x0102000306');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x010200030620b07f88003b9aca0032342f37');
COPY bin FROM :'binfile' WITH (FORMAT binary);
-- state 7; a run that ends before it starts; a zero byte in the calendar
SELECT pg_temp.write_binary_copy(:'binfile', '\x010700030620b07f88000000000032342f37');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x010200030620b07f88000000000100030620b07f88000003061fd9ebe40032342f37');
COPY bin FROM :'binfile' WITH (FORMAT binary);
SELECT pg_temp.write_binary_copy(:'binfile', '\x010200030620b07f88000000000032340037');
COPY bin FROM :'binfile' WITH (FORMAT binary);
\set VERBOSITY terse
SELECT count(*) AS loaded FROM bin;

-- parallel: partial states serialised and combined give the same clocks
CREATE TEMP TABLE many AS
SELECT t AS ticket, timestamptz '2026-12-01 00:00+00' + (hashint4(t * 100 + k) % 20000) * interval '1 minute' AS at,
       (ARRAY['new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'open'])[1 + abs(hashint4(t * 7 + k)) % 7] AS status
FROM generate_series(1, 2000) t, generate_series(1, 6) k ORDER BY hashint4(t + k * 31);
CREATE TABLE many_p AS SELECT * FROM many;
ANALYZE many_p;
CREATE TEMP TABLE serial_clocks AS SELECT ticket, ticket_clock(at, status, :h)::text AS c FROM many GROUP BY ticket;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT ticket, ticket_clock(at, status, :h) FROM many_p GROUP BY ticket;
SELECT count(*) AS tickets, count(*) FILTER (WHERE s.c = p.c) AS same
FROM serial_clocks s JOIN (SELECT ticket, ticket_clock(at, status, :h)::text AS c FROM many_p GROUP BY ticket) p USING (ticket);
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET enable_hashagg;
DROP TABLE many_p;

-- equality and hashing: clocks are canonical, so equal clocks have equal bytes
SELECT count(*) AS pairs, count(*) FILTER (WHERE a.c = b.c) AS equal, count(*) FILTER (WHERE a.c <> b.c) AS unequal,
       count(*) FILTER (WHERE (a.c = b.c) <> (a.c::text = b.c::text)) AS eq_differs_from_text,
       count(*) FILTER (WHERE a.c = b.c AND (sla_clock_hash(a.c) <> sla_clock_hash(b.c)
                                             OR sla_clock_hash_extended(a.c, 7) <> sla_clock_hash_extended(b.c, 7))) AS equal_but_hash_differs
FROM clocks a, clocks_copy b;
SELECT count(*) AS distinct_clocks FROM (SELECT c FROM clocks UNION SELECT c FROM clocks_copy) s;
SELECT 'stopped at 2026-12-21 10:00+01; runs none; hours 24/7'::sla_clock = 'STOPPED at 2026-12-21 09:00+00;runs none;hours mon-sun 00:00-24:00' AS same_clock;

-- the catalog: every function IMMUTABLE and PARALLEL SAFE; the aggregates' parts
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
WHERE p.oid::regprocedure::text ~ '^(sla_clock_|ticket_clock|elapsed|is_running|is_paused|is_stopped|due_at|breached|remaining)'
   OR p.oid IN (SELECT oprcode FROM pg_operator WHERE oprleft = 'sla_clock'::regtype)
ORDER BY p.oid::regprocedure::text;
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtransfn::regprocedure, a.aggfinalfn, a.aggcombinefn, a.aggserialfn,
       a.aggdeserialfn, a.aggfinalmodify, a.aggtranstype::regtype
FROM pg_aggregate a WHERE a.aggfnoid::regprocedure::text LIKE 'ticket_clock(%' ORDER BY a.aggfnoid::regprocedure::text;
SELECT t.typinput = 'sla_clock_in'::regproc AS input, t.typoutput = 'sla_clock_out'::regproc AS output,
       t.typreceive = 'sla_clock_recv'::regproc AS recv, t.typsend = 'sla_clock_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'sla_clock'::regtype;

-- the support functions called by name, against the casts and operators they implement
\set c1 '''stopped at 2026-12-21 10:00+00; runs [2026-12-21 09:00+00, 2026-12-21 09:30+00); hours 24/7'''
\set c2 '''running at 2026-12-21 09:00+00; runs [2026-12-21 09:00+00, ); hours 24/7'''
-- sla_clock_in is the cast from text, sla_clock_out the cast to text
SELECT sla_clock_in(:c1, 'sla_clock'::regtype, -1) = :c1::sla_clock AS in_is_cast,
       sla_clock_out(:c1)::text = (:c1::sla_clock)::text AS out_is_cast,
       sla_clock_in(NULL, 0, -1) IS NULL AS in_strict, sla_clock_out(NULL) IS NULL AS out_strict;
SELECT pg_temp.error_of($$SELECT sla_clock_in('walking at noon', 0, -1)$$) AS bad_in;
-- sla_clock_recv takes internal (a binary COPY calls it): a round trip through sla_clock_send
CREATE TEMP TABLE support_c (c sla_clock);
INSERT INTO support_c VALUES (:c1), (:c2), (NULL);
COPY support_c TO :'binfile' WITH (FORMAT binary);
CREATE TEMP TABLE support_c_copy (LIKE support_c);
COPY support_c_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE sla_clock_send(a.c) = sla_clock_send(b.c)) AS same_bytes
FROM support_c a JOIN support_c_copy b ON a.c = b.c;
SELECT pg_temp.binary_error('sla_clock', '\x02'::bytea) AS recv_bad_version;
SELECT sla_clock_send(NULL) IS NULL AS send_strict,
       (SELECT proisstrict FROM pg_proc WHERE oid = 'sla_clock_recv'::regproc) AS recv_strict;
-- sla_clock_eq and sla_clock_ne are = and <>; sla_clock_hash_ops (sla_clock_hash,
-- sla_clock_hash_extended) is the default hash operator class
SELECT sla_clock_eq(:c1, :c1) AS eq_same, sla_clock_eq(:c1, :c2) AS eq_other,
       sla_clock_ne(:c1, :c1) AS ne_same, sla_clock_ne(:c1, :c2) AS ne_other,
       sla_clock_eq(:c1, :c2) = (:c1::sla_clock = :c2::sla_clock) AND sla_clock_ne(:c1, :c2) = (:c1::sla_clock <> :c2::sla_clock) AS same_as_ops,
       sla_clock_eq(NULL, :c1) IS NULL AS eq_strict;
SELECT opc.opcname, opc.opcdefault, am.amname,
       array_agg(ap.amproc::regprocedure::text ORDER BY ap.amprocnum) AS support,
       (SELECT array_agg(ao.amopopr::regoperator::text) FROM pg_amop ao WHERE ao.amopfamily = opc.opcfamily) AS operators
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_amproc ap ON ap.amprocfamily = opc.opcfamily
WHERE opc.opcname = 'sla_clock_hash_ops' GROUP BY opc.opcname, opc.opcdefault, am.amname, opc.opcfamily;
SELECT sla_clock_hash(:c1) = sla_clock_hash('STOPPED at 2026-12-21 11:00+01;runs [2026-12-21 09:00+00, 2026-12-21 09:30+00);hours mon-sun 00:00-24:00') AS equal_same_hash;
-- the state of ticket_clock is a real type, ticket_changes (sql/ticket_changes.sql):
-- no support function takes internal, none is needed to serialise a state
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtranstype::regtype AS state,
       a.aggserialfn = 0 AND a.aggdeserialfn = 0 AS no_serialisation,
       (SELECT count(*) FROM pg_proc p WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn)
          AND 'internal'::regtype = ANY (p.proargtypes)) AS parts_taking_internal
FROM pg_aggregate a WHERE a.aggfnoid::regprocedure::text LIKE 'ticket_clock(%' ORDER BY a.aggfnoid::regprocedure::text;
DROP TABLE support_c, support_c_copy;
