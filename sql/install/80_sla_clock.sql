-- since 1.2
-- ---------------------------------------------------------------------------
-- sla_clock: a ticket's SLA clock in a calendar's working time, paused while
-- the ticket waits on the customer, stopped when it is solved (doc/sla.md)
--
-- ticket_clock is an aggregate over a ticket's status changes, in any order;
-- the accessors read the clock it returns.  Like the business_hours functions
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

-- the aggregate: one transition function for the three argument lists (an
-- aggregate cannot have argument defaults)
CREATE FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours) RETURNS internal
	AS 'MODULE_PATHNAME', 'ticket_clock_step' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours) IS 'transition function of ticket_clock(at, status, h)';
CREATE FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours, text[]) RETURNS internal
	AS 'MODULE_PATHNAME', 'ticket_clock_step' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours, text[]) IS 'transition function of ticket_clock(at, status, h, paused)';
CREATE FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours, text[], text[]) RETURNS internal
	AS 'MODULE_PATHNAME', 'ticket_clock_step' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_step(internal, timestamptz, text, business_hours, text[], text[]) IS 'transition function of ticket_clock(at, status, h, paused, stopped)';
CREATE FUNCTION ticket_clock_final(internal) RETURNS sla_clock
	AS 'MODULE_PATHNAME', 'ticket_clock_final' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_final(internal) IS 'final function of ticket_clock: the clock of the events so far (the state is left as it is)';
CREATE FUNCTION ticket_clock_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'ticket_clock_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_combine(internal, internal) IS 'combine function of ticket_clock: the events of both states';
CREATE FUNCTION ticket_clock_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ticket_clock_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_serialize(internal) IS 'serialisation function of ticket_clock (parallel query)';
CREATE FUNCTION ticket_clock_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'ticket_clock_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ticket_clock_deserialize(bytea, internal) IS 'deserialisation function of ticket_clock (parallel query)';

CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours) (
	SFUNC = ticket_clock_step, STYPE = internal, FINALFUNC = ticket_clock_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = ticket_clock_combine, SERIALFUNC = ticket_clock_serialize,
	DESERIALFUNC = ticket_clock_deserialize, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours) IS 'the SLA clock of a ticket''s status changes in working time: pending and on_hold pause it, solved and closed stop it';
CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours, paused text[]) (
	SFUNC = ticket_clock_step, STYPE = internal, FINALFUNC = ticket_clock_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = ticket_clock_combine, SERIALFUNC = ticket_clock_serialize,
	DESERIALFUNC = ticket_clock_deserialize, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours, text[]) IS 'the SLA clock of a ticket''s status changes in working time: the paused statuses pause it, solved and closed stop it';
CREATE AGGREGATE ticket_clock(at timestamptz, status text, h business_hours, paused text[], stopped text[]) (
	SFUNC = ticket_clock_step, STYPE = internal, FINALFUNC = ticket_clock_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = ticket_clock_combine, SERIALFUNC = ticket_clock_serialize,
	DESERIALFUNC = ticket_clock_deserialize, PARALLEL = SAFE
);
COMMENT ON AGGREGATE ticket_clock(timestamptz, text, business_hours, text[], text[]) IS 'the SLA clock of a ticket''s status changes in working time: the paused statuses pause it, the stopped ones stop it';

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
