/*-------------------------------------------------------------------------
 *
 * routing.c
 *	  routing_priority: a waiting task's place in a contact-centre queue.
 *
 * A value holds a tier, a level, the time the task was enqueued and its
 * virtual arrival (enqueued_at minus level x step, moved by expedite and
 * defer).  Values order by tier (higher first), then virtual arrival
 * (earlier first), then enqueued_at (earlier first); "a > b" means a is
 * routed before b.  The order does not depend on the current time, so a
 * plain btree index keeps a queue sorted while it ages and
 * "ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED" is an index scan.
 *
 * The level is a label kept for the reader: it does not take part in the
 * order, in equality or in hashing.  See doc/routing.md.
 *
 * src/routing.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/sortsupport.h"
#include "utils/timestamp.h"

/*
 * routing_priority: a waiting task's place in a queue, 24 bytes, passed by
 * reference.  Ordered by tier (higher first), virtual_arrival (earlier
 * first), enqueued_at (earlier first); level is a label that takes no part
 * in the order.
 */
typedef struct RoutingPriority
{
	int32		tier;
	int32		level;
	int64		enqueued_at;	/* TimestampTz, finite */
	int64		virtual_arrival;	/* TimestampTz, finite */
} RoutingPriority;

#define DatumGetRoutingPriority(d)		((RoutingPriority *) DatumGetPointer(d))
#define RoutingPriorityGetDatum(p)		PointerGetDatum(p)
#define PG_GETARG_ROUTING_PRIORITY(n)	DatumGetRoutingPriority(PG_GETARG_DATUM(n))
#define PG_RETURN_ROUTING_PRIORITY(p)	return RoutingPriorityGetDatum(p)

#define TYPNAME		"routing_priority"

/* Length of the binary form after its version byte. */
#define ROUTING_BINARY_LENGTH	((int) (2 * sizeof(int32) + 2 * sizeof(int64)))

#define ROUTING_TEXT_FORMAT \
	"(tier=<integer>, level=<integer>, enqueued=<timestamptz>, virtual=<timestamptz>)"

/*
 * Order two values: > 0 when a is routed before b.  Higher tier first, then
 * earlier virtual arrival, then earlier enqueued_at.
 */
static inline int
routing_compare(const RoutingPriority *a, const RoutingPriority *b)
{
	if (a->tier != b->tier)
		return a->tier > b->tier ? 1 : -1;
	if (a->virtual_arrival != b->virtual_arrival)
		return a->virtual_arrival < b->virtual_arrival ? 1 : -1;
	if (a->enqueued_at != b->enqueued_at)
		return a->enqueued_at < b->enqueued_at ? 1 : -1;
	return 0;
}

/*
 * The one validator of a value read from outside (text input and binary
 * receive): both timestamps finite and inside PostgreSQL's timestamp range.
 * Text input reports a failure as core does an out-of-range timestamp (22008),
 * binary receive as bad binary data (22P03).
 */
static void
routing_validate(const RoutingPriority *p, bool binary)
{
	if (IS_VALID_TIMESTAMP(p->enqueued_at) && IS_VALID_TIMESTAMP(p->virtual_arrival))
		return;
	if (binary)
		io_binary_error(TYPNAME, "A timestamp is infinite or out of range.");
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("routing_priority timestamps must be finite and within the timestamp range"),
			 errdetail("Infinite or out-of-range enqueued or virtual arrival times have no place in a queue.")));
}

/*
 * An interval as microseconds, for moving a virtual arrival.  Days count as
 * exactly 24 hours (as in interval comparison), so the result does not depend
 * on the session time zone; months have no fixed length and are rejected.
 */
static int64
routing_interval_usecs(const Interval *span, const char *what)
{
	int64		days_usecs;
	int64		result;

	if (span->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not have a months part", what),
				 errdetail("The interval given is %s.", kit_interval_text(span)),
				 errhint("Write the span in days or hours: a day counts as exactly 24 hours.")));
	if (pg_mul_s64_overflow((int64) span->day, USECS_PER_DAY, &days_usecs) ||
		pg_add_s64_overflow(days_usecs, span->time, &result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s out of range", what),
				 errdetail("The interval given is %s.", kit_interval_text(span))));
	return result;
}

/*
 * ts moved earlier (or later) by delta microseconds; an error (22008) when
 * the result leaves the timestamp range, never a wrap-around.
 */
static TimestampTz
routing_shift(TimestampTz ts, int64 delta, bool earlier)
{
	TimestampTz result;
	bool		overflow;

	if (earlier)
		overflow = pg_sub_s64_overflow(ts, delta, &result);
	else
		overflow = pg_add_s64_overflow(ts, delta, &result);
	if (overflow || !IS_VALID_TIMESTAMP(result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("routing_priority virtual arrival out of range")));
	return result;
}

/* A timestamp given to a constructor: finite, or an error (22008). */
static void
routing_check_finite(TimestampTz ts, const char *what)
{
	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be finite", what)));
}

static RoutingPriority *
routing_make(int32 tier, int32 level, TimestampTz enqueued_at, TimestampTz virtual_arrival)
{
	RoutingPriority *p = (RoutingPriority *) palloc(sizeof(RoutingPriority));

	p->tier = tier;
	p->level = level;
	p->enqueued_at = enqueued_at;
	p->virtual_arrival = virtual_arrival;
	return p;
}

/* ---- text form ---------------------------------------------------------- */

/* Skip blanks; then require the keyword "key=" and step past it. */
static const char *
routing_expect_key(const char *p, const char *key, const char *str)
{
	size_t		len = strlen(key);

	p = io_skip_blanks(p);
	if (pg_strncasecmp(p, key, len) != 0)
		io_syntax_error(TYPNAME, str, "Expected \"%s=\" at \"%s\"; the form is %s.",
						key, p, ROUTING_TEXT_FORMAT);
	p = io_skip_blanks(p + len);
	if (*p != '=')
		io_syntax_error(TYPNAME, str, "Expected \"=\" after \"%s\".", key);
	return p + 1;
}

/* Skip blanks; then require the character c and step past it. */
static const char *
routing_expect_char(const char *p, char c, const char *what, const char *str)
{
	p = io_skip_blanks(p);
	if (*p != c)
		io_syntax_error(TYPNAME, str, "Expected \"%c\" %s; the form is %s.",
						c, what, ROUTING_TEXT_FORMAT);
	return p + 1;
}

/*
 * A timestamptz up to the next ',' or ')', read by core's timestamptz input
 * (so any DateStyle's output and any explicit offset are understood; a time
 * without an offset is in the session time zone; its errors are core's).
 */
static const char *
routing_parse_timestamp(const char *p, TimestampTz *result)
{
	const char *end = p;

	while (*end != '\0' && *end != ',' && *end != ')')
		end++;
	*result = io_read_timestamptz(p, end - p);
	return end;
}

/* Parse the text form into *p (not validated). */
static void
routing_parse(const char *str, RoutingPriority *p)
{
	const char *s = str;

	s = routing_expect_char(s, '(', "at the start", str);
	s = routing_expect_key(s, "tier", str);
	p->tier = (int32) io_read_int64(&s, PG_INT32_MIN, PG_INT32_MAX, "tier", TYPNAME, str);
	s = routing_expect_char(s, ',', "after the tier", str);
	s = routing_expect_key(s, "level", str);
	p->level = (int32) io_read_int64(&s, PG_INT32_MIN, PG_INT32_MAX, "level", TYPNAME, str);
	s = routing_expect_char(s, ',', "after the level", str);
	s = routing_expect_key(s, "enqueued", str);
	s = routing_parse_timestamp(s, &p->enqueued_at);
	s = routing_expect_char(s, ',', "after the enqueued time", str);
	s = routing_expect_key(s, "virtual", str);
	s = routing_parse_timestamp(s, &p->virtual_arrival);
	s = routing_expect_char(s, ')', "after the virtual arrival", str);
	s = io_skip_blanks(s);
	if (*s != '\0')
		io_syntax_error(TYPNAME, str, "Unexpected \"%s\" after the closing parenthesis.", s);
}

/*
 * A timestamp as ISO 8601 in UTC with an explicit "+00" offset, whatever the
 * session's TimeZone and DateStyle: the output of a value never changes and
 * reads back to the same microsecond.
 */
static void
routing_append_timestamp(StringInfo buf, TimestampTz ts)
{
	struct pg_tm tt;
	fsec_t		fsec;
	char		out[MAXDATELEN + 1];

	if (timestamp2tm(ts, NULL, &tt, &fsec, NULL, NULL) != 0)
		io_corrupt_value(TYPNAME, "It holds a timestamp out of range.");
	tt.tm_isdst = 0;			/* UTC is known: print its offset */
	EncodeDateTime(&tt, fsec, true, 0, NULL, USE_ISO_DATES, out);
	appendStringInfoString(buf, out);
}

PG_FUNCTION_INFO_V1(routing_priority_in);
Datum
routing_priority_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	RoutingPriority *p = (RoutingPriority *) palloc(sizeof(RoutingPriority));

	routing_parse(str, p);
	routing_validate(p, false);
	PG_RETURN_ROUTING_PRIORITY(p);
}

PG_FUNCTION_INFO_V1(routing_priority_out);
Datum
routing_priority_out(PG_FUNCTION_ARGS)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "(tier=%d, level=%d, enqueued=", p->tier, p->level);
	routing_append_timestamp(&buf, p->enqueued_at);
	appendStringInfoString(&buf, ", virtual=");
	routing_append_timestamp(&buf, p->virtual_arrival);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* routing_priority::jsonb: {"tier", "level", "enqueued", "virtual"}, times in UTC */
PG_FUNCTION_INFO_V1(routing_priority_jsonb);
Datum
routing_priority_jsonb(PG_FUNCTION_ARGS)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	JsonField	fields[] = {
		JSON_FIELD_INT("tier", p->tier),
		JSON_FIELD_INT("level", p->level),
		JSON_FIELD_TIME("enqueued", p->enqueued_at),
		JSON_FIELD_TIME("virtual", p->virtual_arrival),
	};

	PG_RETURN_POINTER(kit_json_object(fields, lengthof(fields)));
}

/*
 * Binary form: the format version byte, then tier and level (int32), then
 * enqueued_at and virtual arrival (int64 microseconds since 2000-01-01 UTC),
 * all in network byte order.
 */
PG_FUNCTION_INFO_V1(routing_priority_recv);
Datum
routing_priority_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RoutingPriority *p;

	io_check_version(buf, TYPNAME);
	if (buf->len - buf->cursor != ROUTING_BINARY_LENGTH)
		io_binary_error(TYPNAME, "Expected %d bytes after the version byte, got %d.",
						ROUTING_BINARY_LENGTH, buf->len - buf->cursor);
	p = (RoutingPriority *) palloc(sizeof(RoutingPriority));
	p->tier = (int32) pq_getmsgint(buf, 4);
	p->level = (int32) pq_getmsgint(buf, 4);
	p->enqueued_at = (TimestampTz) pq_getmsgint64(buf);
	p->virtual_arrival = (TimestampTz) pq_getmsgint64(buf);
	routing_validate(p, true);
	PG_RETURN_ROUTING_PRIORITY(p);
}

PG_FUNCTION_INFO_V1(routing_priority_send);
Datum
routing_priority_send(PG_FUNCTION_ARGS)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendint32(&buf, p->tier);
	pq_sendint32(&buf, p->level);
	pq_sendint64(&buf, p->enqueued_at);
	pq_sendint64(&buf, p->virtual_arrival);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- constructors ------------------------------------------------------- */

/*
 * routing_priority(level, enqueued_at, step, tier): virtual arrival is
 * enqueued_at - level x step.
 */
PG_FUNCTION_INFO_V1(routing_priority_make);
Datum
routing_priority_make(PG_FUNCTION_ARGS)
{
	int32		level = PG_GETARG_INT32(0);
	TimestampTz enqueued_at = PG_GETARG_TIMESTAMPTZ(1);
	Interval   *step_arg = PG_GETARG_INTERVAL_P(2);
	int64		step = routing_interval_usecs(step_arg, "routing_priority step");
	int32		tier = PG_GETARG_INT32(3);
	int64		head_start;

	routing_check_finite(enqueued_at, "routing_priority enqueued_at");
	if (step <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("routing_priority step must be positive"),
				 errdetail("The step given is %s.", kit_interval_text(step_arg))));
	if (pg_mul_s64_overflow((int64) level, step, &head_start))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("routing_priority virtual arrival out of range")));
	PG_RETURN_ROUTING_PRIORITY(routing_make(tier, level, enqueued_at,
											routing_shift(enqueued_at, head_start, true)));
}

/*
 * routing_priority_deadline(due, tier): earliest deadline first.  The value
 * is level 0, enqueued at and virtually arriving at the deadline.
 */
PG_FUNCTION_INFO_V1(routing_priority_deadline);
Datum
routing_priority_deadline(PG_FUNCTION_ARGS)
{
	TimestampTz due = PG_GETARG_TIMESTAMPTZ(0);
	int32		tier = PG_GETARG_INT32(1);

	routing_check_finite(due, "routing_priority deadline");
	PG_RETURN_ROUTING_PRIORITY(routing_make(tier, 0, due, due));
}

/* ---- operators ---------------------------------------------------------- */

/*
 * p + interval (expedite) and p - interval (defer): the same task with its
 * virtual arrival moved earlier or later by the interval.
 */
static Datum
routing_priority_moved(FunctionCallInfo fcinfo, bool earlier)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	int64		delta = routing_interval_usecs(PG_GETARG_INTERVAL_P(1),
											   earlier ? "expedite interval" : "defer interval");

	PG_RETURN_ROUTING_PRIORITY(routing_make(p->tier, p->level, p->enqueued_at,
											routing_shift(p->virtual_arrival, delta, earlier)));
}

PG_FUNCTION_INFO_V1(routing_priority_expedite);
Datum
routing_priority_expedite(PG_FUNCTION_ARGS)
{
	return routing_priority_moved(fcinfo, true);
}

PG_FUNCTION_INFO_V1(routing_priority_defer);
Datum
routing_priority_defer(PG_FUNCTION_ARGS)
{
	return routing_priority_moved(fcinfo, false);
}

/* escalate(p, tiers): move the task up (or, negative, down) by whole tiers. */
PG_FUNCTION_INFO_V1(routing_priority_escalate);
Datum
routing_priority_escalate(PG_FUNCTION_ARGS)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	int32		tiers = PG_GETARG_INT32(1);
	int32		tier;

	if (pg_add_s32_overflow(p->tier, tiers, &tier))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("routing_priority tier out of range"),
				 errdetail("Tier %d plus %d is beyond the integer range.", p->tier, tiers)));
	PG_RETURN_ROUTING_PRIORITY(routing_make(tier, p->level, p->enqueued_at, p->virtual_arrival));
}

/* ---- accessors ---------------------------------------------------------- */

PG_FUNCTION_INFO_V1(routing_priority_tier);
Datum
routing_priority_tier(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_ROUTING_PRIORITY(0)->tier);
}

PG_FUNCTION_INFO_V1(routing_priority_level);
Datum
routing_priority_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_ROUTING_PRIORITY(0)->level);
}

PG_FUNCTION_INFO_V1(routing_priority_enqueued_at);
Datum
routing_priority_enqueued_at(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(PG_GETARG_ROUTING_PRIORITY(0)->enqueued_at);
}

PG_FUNCTION_INFO_V1(routing_priority_virtual_arrival);
Datum
routing_priority_virtual_arrival(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(PG_GETARG_ROUTING_PRIORITY(0)->virtual_arrival);
}

/* wait(p, now): now - enqueued_at, exactly as timestamptz subtraction gives it. */
PG_FUNCTION_INFO_V1(routing_priority_wait);
Datum
routing_priority_wait(PG_FUNCTION_ARGS)
{
	RoutingPriority *p = PG_GETARG_ROUTING_PRIORITY(0);
	TimestampTz now = PG_GETARG_TIMESTAMPTZ(1);

	return DirectFunctionCall2(timestamp_mi, TimestampTzGetDatum(now),
							   TimestampTzGetDatum(p->enqueued_at));
}

/* ---- comparison, sorting, hashing --------------------------------------- */

#define ROUTING_COMPARISON(fname, op) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(routing_compare(PG_GETARG_ROUTING_PRIORITY(0), \
								   PG_GETARG_ROUTING_PRIORITY(1)) op 0); \
}

ROUTING_COMPARISON(routing_priority_eq, ==)
ROUTING_COMPARISON(routing_priority_ne, !=)
ROUTING_COMPARISON(routing_priority_lt, <)
ROUTING_COMPARISON(routing_priority_le, <=)
ROUTING_COMPARISON(routing_priority_gt, >)
ROUTING_COMPARISON(routing_priority_ge, >=)

PG_FUNCTION_INFO_V1(routing_priority_cmp);
Datum
routing_priority_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(routing_compare(PG_GETARG_ROUTING_PRIORITY(0),
									PG_GETARG_ROUTING_PRIORITY(1)));
}

static int
routing_sort_compare(Datum a, Datum b, SortSupport ssup)
{
	return routing_compare(DatumGetRoutingPriority(a), DatumGetRoutingPriority(b));
}

PG_FUNCTION_INFO_V1(routing_priority_sortsupport);
Datum
routing_priority_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = routing_sort_compare;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(routing_priority_smaller);
Datum
routing_priority_smaller(PG_FUNCTION_ARGS)
{
	RoutingPriority *a = PG_GETARG_ROUTING_PRIORITY(0);
	RoutingPriority *b = PG_GETARG_ROUTING_PRIORITY(1);

	PG_RETURN_ROUTING_PRIORITY(routing_compare(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(routing_priority_larger);
Datum
routing_priority_larger(PG_FUNCTION_ARGS)
{
	RoutingPriority *a = PG_GETARG_ROUTING_PRIORITY(0);
	RoutingPriority *b = PG_GETARG_ROUTING_PRIORITY(1);

	PG_RETURN_ROUTING_PRIORITY(routing_compare(a, b) >= 0 ? a : b);
}

/*
 * Hash what equality looks at (tier, virtual arrival, enqueued_at), packed
 * without padding, so equal values hash alike whatever their level.
 */
static uint64
routing_hash(const RoutingPriority *p, uint64 seed, bool extended)
{
	unsigned char key[sizeof(int32) + 2 * sizeof(int64)];

	memcpy(key, &p->tier, sizeof(int32));
	memcpy(key + sizeof(int32), &p->virtual_arrival, sizeof(int64));
	memcpy(key + sizeof(int32) + sizeof(int64), &p->enqueued_at, sizeof(int64));
	if (extended)
		return hash_bytes_extended(key, sizeof(key), seed);
	return hash_bytes(key, sizeof(key));
}

PG_FUNCTION_INFO_V1(routing_priority_hash);
Datum
routing_priority_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) routing_hash(PG_GETARG_ROUTING_PRIORITY(0), 0, false));
}

PG_FUNCTION_INFO_V1(routing_priority_hash_extended);
Datum
routing_priority_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) routing_hash(PG_GETARG_ROUTING_PRIORITY(0),
										 (uint64) PG_GETARG_INT64(1), true));
}
