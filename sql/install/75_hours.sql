-- since 1.1
-- ---------------------------------------------------------------------------
-- business_hours: when a team works, in its own time zone; working time,
-- due times, opening and closing
--
-- The functions are IMMUTABLE like core's timezone(text, timestamptz): their
-- results depend on the arguments and the server's time zone database only,
-- never on the session's TimeZone or DateStyle (dates in the text form are
-- ISO only).
-- ---------------------------------------------------------------------------
CREATE TYPE business_hours;

CREATE FUNCTION business_hours_in(cstring, oid, integer) RETURNS business_hours
	AS 'MODULE_PATHNAME', 'business_hours_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_in(cstring, oid, integer) IS 'business_hours input: ''mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-25''';
CREATE FUNCTION business_hours_out(business_hours) RETURNS cstring
	AS 'MODULE_PATHNAME', 'business_hours_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_out(business_hours) IS 'business_hours output: the canonical text form';
CREATE FUNCTION business_hours_recv(internal, oid, integer) RETURNS business_hours
	AS 'MODULE_PATHNAME', 'business_hours_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_recv(internal, oid, integer) IS 'business_hours binary input (version byte, then the text form, validated like text input)';
CREATE FUNCTION business_hours_send(business_hours) RETURNS bytea
	AS 'MODULE_PATHNAME', 'business_hours_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_hours_send(business_hours) IS 'business_hours binary output (version byte, then the canonical text form)';

CREATE TYPE business_hours (
	INPUT = business_hours_in,
	OUTPUT = business_hours_out,
	RECEIVE = business_hours_recv,
	SEND = business_hours_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE business_hours IS 'opening hours in a time zone, with closed and exceptional open dates, e.g. ''mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-12-25''';

CREATE CAST (text AS business_hours) WITH INOUT AS ASSIGNMENT;
CREATE CAST (business_hours AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION business_time(h business_hours, "from" timestamptz, "to" timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'business_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_time(business_hours, timestamptz, timestamptz) IS 'working time in [from, to) in hours, minutes and seconds; negative when to < from';

CREATE FUNCTION business_add(h business_hours, "from" timestamptz, work interval) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION business_add(business_hours, timestamptz, interval) IS 'the instant at which work (hours, minutes, seconds) of working time has passed since from: an SLA due time; work 0 gives the next opening';

CREATE FUNCTION is_open(h business_hours, at timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME', 'business_is_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_open(business_hours, timestamptz) IS 'whether the calendar is open at an instant';

CREATE FUNCTION next_open(h business_hours, at timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_next_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_open(business_hours, timestamptz) IS 'the first open instant at or after at (at itself when open); NULL when it never opens again';

CREATE FUNCTION next_close(h business_hours, at timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'business_next_close' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_close(business_hours, timestamptz) IS 'the first closed instant at or after at (at itself when closed); NULL when it never closes again';

-- equality of calendars (same hours, zone and dates), with hashing for GROUP BY
-- @equality_type business_hours business_hours hash
