
-- ---------------------------------------------------------------------------
-- routing_priority: a waiting task's place in a queue (src/routing.c)
-- ---------------------------------------------------------------------------
CREATE TYPE routing_priority;

-- Input is STABLE: a timestamp written without an offset is read in the session
-- time zone.  Output is always ISO 8601 in UTC with "+00", so it is IMMUTABLE.
CREATE FUNCTION routing_priority_in(cstring, oid, integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_out(routing_priority) RETURNS cstring
	AS 'MODULE_PATHNAME', 'routing_priority_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_recv(internal, oid, integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION routing_priority_send(routing_priority) RETURNS bytea
	AS 'MODULE_PATHNAME', 'routing_priority_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE routing_priority (
	INPUT = routing_priority_in,
	OUTPUT = routing_priority_out,
	RECEIVE = routing_priority_recv,
	SEND = routing_priority_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE routing_priority IS
	'a waiting task''s place in a queue: tier (higher first), then virtual arrival, then enqueued_at (earlier first); a > b means a is routed before b';

CREATE FUNCTION routing_priority(level integer, enqueued_at timestamptz,
		step interval DEFAULT '1 minute', tier integer DEFAULT 0)
	RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority(integer, timestamptz, interval, integer) IS
	'priority of a task of this level enqueued at this time: it ranks as if it had arrived level x step earlier, within its tier';

CREATE FUNCTION routing_priority_deadline(due timestamptz, tier integer DEFAULT 0)
	RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_deadline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_deadline(timestamptz, integer) IS
	'priority for deadline routing (earliest deadline first): level 0, enqueued and virtually arriving at the deadline';

CREATE FUNCTION routing_priority_expedite(routing_priority, interval) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_expedite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_expedite(routing_priority, interval) IS
	'implements routing_priority + interval: the virtual arrival moves earlier by the interval';
CREATE FUNCTION routing_priority_defer(routing_priority, interval) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_defer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION routing_priority_defer(routing_priority, interval) IS
	'implements routing_priority - interval: the virtual arrival moves later by the interval';

CREATE OPERATOR + (LEFTARG = routing_priority, RIGHTARG = interval,
	PROCEDURE = routing_priority_expedite);
COMMENT ON OPERATOR + (routing_priority, interval) IS 'expedite: the task ranks as if it had arrived this much earlier';
CREATE OPERATOR - (LEFTARG = routing_priority, RIGHTARG = interval,
	PROCEDURE = routing_priority_defer);
COMMENT ON OPERATOR - (routing_priority, interval) IS 'defer: the task ranks as if it had arrived this much later';

CREATE FUNCTION escalate(p routing_priority, tiers integer) RETURNS routing_priority
	AS 'MODULE_PATHNAME', 'routing_priority_escalate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION escalate(routing_priority, integer) IS
	'the same task moved up (or, with a negative count, down) by whole tiers';

CREATE FUNCTION tier(p routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_tier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tier(routing_priority) IS 'the tier of a routing priority (higher tiers go first)';
CREATE FUNCTION level(p routing_priority) RETURNS integer
	AS 'MODULE_PATHNAME', 'routing_priority_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION level(routing_priority) IS
	'the level the priority was made with (0 for deadlines); expedite, defer and escalate keep it';
CREATE FUNCTION enqueued_at(p routing_priority) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'routing_priority_enqueued_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enqueued_at(routing_priority) IS 'when the task was enqueued (the deadline, for deadline priorities)';
CREATE FUNCTION virtual_arrival(p routing_priority) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'routing_priority_virtual_arrival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION virtual_arrival(routing_priority) IS
	'the arrival time the task ranks by within its tier: enqueued_at - level x step, moved by expedite and defer';
CREATE FUNCTION wait(p routing_priority, now timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'routing_priority_wait' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION wait(routing_priority, timestamptz) IS
	'how long the task has waited at this time: now - enqueued_at (for deadlines: time past the deadline)';

-- @ordered_type routing_priority routing_priority sortsupport minmax
COMMENT ON FUNCTION routing_priority_eq(routing_priority, routing_priority) IS 'implements = (same place in the queue)';
COMMENT ON FUNCTION routing_priority_ne(routing_priority, routing_priority) IS 'implements <>';
COMMENT ON FUNCTION routing_priority_lt(routing_priority, routing_priority) IS 'implements < (routed after)';
COMMENT ON FUNCTION routing_priority_le(routing_priority, routing_priority) IS 'implements <=';
COMMENT ON FUNCTION routing_priority_gt(routing_priority, routing_priority) IS 'implements > (routed before)';
COMMENT ON FUNCTION routing_priority_ge(routing_priority, routing_priority) IS 'implements >=';
COMMENT ON FUNCTION routing_priority_cmp(routing_priority, routing_priority) IS 'btree support: 1 when the first is routed first';
COMMENT ON FUNCTION routing_priority_sortsupport(internal) IS 'btree sort support';
COMMENT ON FUNCTION routing_priority_hash(routing_priority) IS 'hash support';
COMMENT ON FUNCTION routing_priority_hash_extended(routing_priority, bigint) IS 'hash support (64-bit, seeded)';
COMMENT ON FUNCTION routing_priority_smaller(routing_priority, routing_priority) IS 'the one routed later (min support)';
COMMENT ON FUNCTION routing_priority_larger(routing_priority, routing_priority) IS 'the one routed first (max support)';

COMMENT ON AGGREGATE min(routing_priority) IS 'the priority routed last';
COMMENT ON AGGREGATE max(routing_priority) IS 'the priority routed first: the head of the queue';
