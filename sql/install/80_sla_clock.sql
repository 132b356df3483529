-- since 1.2
-- ---------------------------------------------------------------------------
-- sla_clock: a ticket's SLA clock in a calendar's working time, paused while
-- the ticket waits on the customer, stopped when it is solved (doc/sla.md)
--
-- ticket_clock is an aggregate over a ticket's status changes, in any order
-- (its state, ticket_changes, below); the accessors read the clock it returns.  Like the business_hours functions
-- everything is IMMUTABLE: no function reads the clock of the server, so the
-- instant a running clock is read at (as_of) is always an argument.
-- ---------------------------------------------------------------------------
CREATE TYPE sla_clock;

CREATE FUNCTION sla_clock_in(cstring, oid, integer) RETURNS sla_clock
	AS 'MODULE_PATHNAME', 'sla_clock_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sla_clock_in(cstring, oid, integer) IS 'sla_clock input: ''running at 2026-01-05 12:00:00+00; runs [2026-01-05 09:00:00+00, ); hours mon-fri 09:00-17:00''';
CREATE FUNCTION sla_clock_out(sla_clock) RETURNS cstring
	AS 'MODULE_PATHNAME', 'sla_clock_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sla_clock_out(sla_clock) IS 'sla_clock output: state, last event, the stretches the clock ran (UTC) and the calendar';
CREATE FUNCTION sla_clock_recv(internal, oid, integer) RETURNS sla_clock
	AS 'MODULE_PATHNAME', 'sla_clock_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sla_clock_recv(internal, oid, integer) IS 'sla_clock binary input (version byte, state, last event, runs, calendar text), validated like text input';
CREATE FUNCTION sla_clock_send(sla_clock) RETURNS bytea
	AS 'MODULE_PATHNAME', 'sla_clock_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sla_clock_send(sla_clock) IS 'sla_clock binary output (version byte, state, last event, runs, calendar text)';

CREATE TYPE sla_clock (
	INPUT = sla_clock_in,
	OUTPUT = sla_clock_out,
	RECEIVE = sla_clock_recv,
	SEND = sla_clock_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE sla_clock IS 'a ticket''s SLA clock: when it ran in a calendar''s working time, and whether it runs, is paused or is stopped';

-- equality of clocks (same state, stretches and calendar), with hashing for GROUP BY
-- @equality_type sla_clock sla_clock hash

-- ---------------------------------------------------------------------------
-- ticket_changes: a ticket's status changes as ticket_clock collects them
-- (its transition state), with the calendar and the status lists they were
-- read with.  Partial states of one ticket merge (the clock depends on the set
-- of changes only), so they can be stored, shipped and rolled up.
-- ---------------------------------------------------------------------------
CREATE TYPE ticket_changes;

CREATE FUNCTION ticket_changes_in(cstring, oid, integer) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_in(cstring, oid, integer) IS 'ticket_changes input: ''paused {pending}; stopped {solved}; changes 2026-01-05 09:00+00 run; hours mon-fri 09:00-17:00''';
CREATE FUNCTION ticket_changes_out(ticket_changes) RETURNS cstring
	AS 'MODULE_PATHNAME', 'ticket_changes_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_out(ticket_changes) IS 'ticket_changes output: the lists, the changes in time order (UTC) and the calendar';
CREATE FUNCTION ticket_changes_recv(internal, oid, integer) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_recv(internal, oid, integer) IS 'ticket_changes binary input (version byte, calendar text, lists, changes), validated like text input';
CREATE FUNCTION ticket_changes_send(ticket_changes) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ticket_changes_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_send(ticket_changes) IS 'ticket_changes binary output (version byte, calendar text, lists, changes in time order)';

CREATE TYPE ticket_changes (
	INPUT = ticket_changes_in,
	OUTPUT = ticket_changes_out,
	RECEIVE = ticket_changes_recv,
	SEND = ticket_changes_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE ticket_changes IS 'a ticket''s status changes (the clock runs, pauses or stops from an instant on) with the calendar and status lists: the state of ticket_clock';

-- equality of states (same calendar, lists and changes, in any order)
-- @equality_type ticket_changes ticket_changes

-- one transition function for the three argument lists (an aggregate cannot
-- have argument defaults)
CREATE FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_add' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours) IS 'transition function of ticket_clock(at, status, h) and ticket_changes(at, status, h): one change more';
CREATE FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours, text[]) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_add' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours, text[]) IS 'transition function of ticket_clock(at, status, h, paused) and ticket_changes(at, status, h, paused)';
CREATE FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours, text[], text[]) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_add' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_add(ticket_changes, timestamptz, text, business_hours, text[], text[]) IS 'transition function of ticket_clock(at, status, h, paused, stopped) and ticket_changes(at, status, h, paused, stopped)';
CREATE FUNCTION ticket_changes_merge(ticket_changes, ticket_changes) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_merge(ticket_changes, ticket_changes) IS 'the changes of both, merged in time order (one calendar and lists, 22023 otherwise): combine function of ticket_clock and ticket_changes, transition function of rollup(ticket_changes)';
CREATE FUNCTION ticket_changes_final(ticket_changes) RETURNS ticket_changes
	AS 'MODULE_PATHNAME', 'ticket_changes_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_changes_final(ticket_changes) IS 'final function of ticket_changes and rollup(ticket_changes): the changes in time order, compact';
CREATE FUNCTION sla_clock(changes ticket_changes) RETURNS sla_clock
	AS 'MODULE_PATHNAME', 'ticket_changes_clock' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sla_clock(ticket_changes) IS 'the SLA clock of a ticket''s changes (NULL without any): final function of ticket_clock';

-- SSPACE: a state grows with its ticket's changes, like the internal state of
-- array_agg, so the planner is given the estimate it makes for those (8 kB)
-- rather than 32 bytes for an unknown varlena (doc/sla.md, Cost).
CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = sla_clock,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours) IS 'the SLA clock of a ticket''s status changes in working time: pending and on_hold pause it, solved and closed stop it';
CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours, paused text[]) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = sla_clock,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours, text[]) IS 'the SLA clock of a ticket''s status changes in working time: the paused statuses pause it, solved and closed stop it';
CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours, paused text[], stopped text[]) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = sla_clock,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours, text[], text[]) IS 'the SLA clock of a ticket''s status changes in working time: the paused statuses pause it, the stopped ones stop it';

-- the changes themselves, to store or ship and roll up (sla_clock() reads them)
CREATE AGGREGATE ticket_changes(at timestamptz, status text, h business_hours) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = ticket_changes_final,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_changes(timestamptz, text, business_hours) IS 'a ticket''s status changes as ticket_clock reads them (pending and on_hold pause, solved and closed stop)';
CREATE AGGREGATE ticket_changes(at timestamptz, status text, h business_hours, paused text[]) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = ticket_changes_final,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_changes(timestamptz, text, business_hours, text[]) IS 'a ticket''s status changes as ticket_clock reads them (the paused statuses pause, solved and closed stop)';
CREATE AGGREGATE ticket_changes(at timestamptz, status text, h business_hours, paused text[], stopped text[]) (
	SFUNC = ticket_changes_add, STYPE = ticket_changes, FINALFUNC = ticket_changes_final,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_changes(timestamptz, text, business_hours, text[], text[]) IS 'a ticket''s status changes as ticket_clock reads them (the paused statuses pause, the stopped ones stop)';
CREATE AGGREGATE rollup(ticket_changes) (
	SFUNC = ticket_changes_merge, STYPE = ticket_changes, FINALFUNC = ticket_changes_final,
	COMBINEFUNC = ticket_changes_merge, SSPACE = 8192, PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(ticket_changes) IS 'merges stored changes of one ticket (one calendar and one pair of lists) into one';

-- accessors
CREATE FUNCTION elapsed(c sla_clock, as_of timestamptz DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_elapsed' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION elapsed(sla_clock, timestamptz) IS 'working time the clock ran before as_of (a running clock counts on to as_of); without as_of, up to its last event';
CREATE FUNCTION is_running(c sla_clock) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sla_clock_is_running' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_running(sla_clock) IS 'whether the clock runs after its last event (neither paused nor stopped)';
CREATE FUNCTION is_paused(c sla_clock) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sla_clock_is_paused' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_paused(sla_clock) IS 'whether the clock is paused after its last event (a paused status)';
CREATE FUNCTION is_stopped(c sla_clock) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sla_clock_is_stopped' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_stopped(sla_clock) IS 'whether the clock is stopped after its last event (a stopped status)';
CREATE FUNCTION due_at(c sla_clock, target interval) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_due_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION due_at(sla_clock, interval) IS 'the instant a running clock reaches target (in the past once reached); NULL while paused or stopped';
CREATE FUNCTION breached(c sla_clock, target interval, as_of timestamptz DEFAULT NULL) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sla_clock_breached' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION breached(sla_clock, interval, timestamptz) IS 'whether more than target ran before as_of (without as_of: up to the last event)';
CREATE FUNCTION remaining(c sla_clock, target interval, as_of timestamptz DEFAULT NULL) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_remaining' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION remaining(sla_clock, interval, timestamptz) IS 'target minus elapsed(c, as_of): negative once breached';
