/*-------------------------------------------------------------------------
 *
 * fcr.c
 *	  First-contact resolution: the window functions fcr(), repeat_contact()
 *	  and contact_attempt(), called OVER (PARTITION BY customer ORDER BY at).
 *
 * Definitions (within > 0; "other" ranges over the partition's other rows
 * whose at is not NULL):
 *
 *	fcr(at, within)			 no other contact has at' in [at, at + within]
 *	repeat_contact(at, within) some contact has at' in [at - within, at)
 *	contact_attempt(at, within) 1 + the number of distinct timestamps of
 *								at's chain before at
 *
 * Contacts at the same instant make each other unresolved (fcr is false), but
 * neither is a repeat of the other: repeat_contact looks only at strictly
 * earlier contacts, and tied contacts share one attempt number.  All three
 * answers are the same for tied rows, whatever order the sort put them in.
 * A chain is a run of distinct timestamps each within reach of the one
 * before it; contact_attempt(...) > 1 exactly when repeat_contact(...).
 *
 * The sweep.  The partition is in ascending order of at, so "some later
 * contact lies in (at, at + within]" is decided by the nearest later one
 * alone, and "some earlier one lies in [at - within, at)" by the nearest
 * earlier one.  The partition-local state therefore holds the current group
 * of tied contacts, the timestamp before it, and a forward pointer to the
 * first non-NULL row after it (with its timestamp).  When the current row
 * reaches the forward pointer, a new group starts and the pointer is pushed
 * on past the new group's ties and past NULLs.  The pointer never moves back
 * and sets the window object's mark as it goes, so every row is read once by
 * the pointer and once as the current row, and the tuplestore only has to
 * keep the rows between the current row and the pointer: one group of ties
 * and the NULLs after it, however wide "within" is.  The same scan checks
 * that at never goes backwards.
 *
 * Interval arithmetic is PostgreSQL's own timestamptz +/- interval (months
 * and days in the session time zone).  To keep that off the hot path, each
 * "within" gets bounds [lo, hi] in microseconds on what it can span; a gap
 * outside the bounds is decided at once and only gaps inside them pay for
 * the exact calendar computation.
 *
 * src/fcr.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <limits.h>

#include "common/int.h"
#include "datatype/timestamp.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"
#include "windowapi.h"

/* what a call computes; names the function in messages */
typedef enum FcrKind
{
	FCR_RESOLVED,
	FCR_RESOLVED_AS_OF,
	FCR_REPEAT,
	FCR_ATTEMPT
} FcrKind;

static const char *const fcr_function_names[] = {
	[FCR_RESOLVED] = "fcr",
	[FCR_RESOLVED_AS_OF] = "fcr",
	[FCR_REPEAT] = "repeat_contact",
	[FCR_ATTEMPT] = "contact_attempt",
};

/*
 * Largest fields for which the microsecond bounds are used (beyond them, the
 * exact arithmetic decides every comparison); they keep the bounds far from
 * int64 overflow.
 */
#define SPAN_FAST_MAX_MONTHS	120000		/* 10,000 years */
#define SPAN_FAST_MAX_DAYS		4000000		/* about 11,000 years */
#define SPAN_FAST_MAX_TIME		(INT64CONST(4000000) * USECS_PER_DAY)

/* how far ahead zone_offset_spread() looks for the session zone's offsets */
#define ZONE_SCAN_UNTIL			INT64CONST(16725225600) /* 2500-01-01 UTC */
#define ZONE_SCAN_MAX_STEPS		10000

/* "within" and what it can span, in microseconds, from any finite at */
typedef struct FcrSpan
{
	bool		valid;
	Interval	within;
	bool		fast;			/* lo/hi may be used */
	int64		lo;				/* within spans at least lo ... */
	int64		hi;				/* ... and at most hi microseconds */
	TimestampTz safe_min;		/* at - hi cannot overflow for at >= safe_min */
	TimestampTz safe_max;		/* at + hi cannot overflow for at <= safe_max */
} FcrSpan;

/* partition-local state (zeroed by WinGetPartitionLocalMemory) */
typedef struct FcrState
{
	bool		started;		/* a group of ties has been found */
	TimestampTz group_at;		/* timestamp of the current row's group */
	int64		group_size;		/* non-NULL rows at group_at */
	int64		chain_before;	/* distinct timestamps of the chain before
								 * the group */
	bool		has_prev;
	TimestampTz prev_at;		/* the latest timestamp before group_at */
	int64		forward;		/* forward pointer: first non-NULL row after
								 * the group, or the partition's end */
	bool		has_next;		/* false: forward is the end */
	TimestampTz next_at;		/* at of the row at forward */
	FcrSpan		span;
} FcrState;

/* what an error context callback needs to name the computation */
typedef struct FcrArithContext
{
	const char *fname;
	TimestampTz at;
	bool		forward;
} FcrArithContext;

static const char *
format_timestamptz(TimestampTz t)
{
	return DatumGetCString(DirectFunctionCall1(timestamptz_out,
											   TimestampTzGetDatum(t)));
}

static const char *
format_interval(const Interval *span)
{
	return DatumGetCString(DirectFunctionCall1(interval_out,
											   PointerGetDatum(span)));
}

/*
 * The largest difference between two UTC offsets of the session time zone,
 * in microseconds, or -1 when it cannot be told.  A step of months or days
 * in local time lasts its wall-clock length plus or minus that much.
 *
 * Zones are immutable once loaded and PostgreSQL never frees one, so the
 * answer is cached against the zone's pointer.  After its last listed
 * transition a zone repeats a yearly rule, so offsets seen up to the year
 * 2500 are all its offsets.
 */
static int64
zone_offset_spread(void)
{
	static const pg_tz *cached_zone = NULL;
	static int64 cached_spread = -1;
	long int	gmtoff;
	long int	lowest;
	long int	highest;
	pg_time_t	t = -INT64CONST(100000000000);	/* before any zone's history */
	int			steps;

	if (session_timezone == NULL)
		return -1;
	if (session_timezone == cached_zone)
		return cached_spread;

	if (pg_get_timezone_offset(session_timezone, &gmtoff))
		cached_spread = 0;
	else
	{
		cached_spread = -1;
		lowest = LONG_MAX;
		highest = LONG_MIN;
		for (steps = 0; steps < ZONE_SCAN_MAX_STEPS; steps++)
		{
			long int	before;
			long int	after;
			int			before_isdst;
			int			after_isdst;
			pg_time_t	boundary;
			int			found;

			found = pg_next_dst_boundary(&t, &before, &before_isdst,
										 &boundary, &after, &after_isdst,
										 session_timezone);
			if (found < 0)
				break;			/* unknown: no bounds */
			lowest = Min(lowest, before);
			highest = Max(highest, before);
			if (found == 0 || boundary <= t || boundary > ZONE_SCAN_UNTIL)
			{
				if (found == 0 || boundary > t)
					cached_spread = (int64) (highest - lowest) * USECS_PER_SEC +
						USECS_PER_HOUR; /* a margin */
				break;
			}
			lowest = Min(lowest, after);
			highest = Max(highest, after);
			t = boundary;
		}
	}
	cached_zone = session_timezone;
	return cached_spread;
}

/*
 * Check "within" (positive as PostgreSQL compares intervals: a month is 30
 * days and a day 24 hours, so '1 day -1 hour' is positive) and work out the
 * bounds on what it spans.  Fields may have mixed signs, so the bounds may
 * reach zero or below; span_check_row() then checks the rows one by one.
 */
static void
span_set(FcrSpan *span, const Interval *within, const char *fname)
{
	int64		slop = zone_offset_spread();
	int64		months;

	if (kit_interval_usecs(within) <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("within must be a positive interval in %s(), not \"%s\"",
						fname, format_interval(within)),
				 errdetail("Intervals are compared as PostgreSQL does: a month counts as 30 days and a day as 24 hours.")));

	span->valid = true;
	span->within = *within;
	span->fast = within->month <= SPAN_FAST_MAX_MONTHS &&
		within->month >= -SPAN_FAST_MAX_MONTHS &&
		within->day <= SPAN_FAST_MAX_DAYS &&
		within->day >= -SPAN_FAST_MAX_DAYS &&
		within->time <= SPAN_FAST_MAX_TIME &&
		within->time >= -SPAN_FAST_MAX_TIME &&
		(slop >= 0 || (within->month == 0 && within->day == 0));
	if (!span->fast)
		return;

	/* in a zone with one UTC offset a day is exactly 24 hours */

	span->lo = span->hi = within->time + within->day * USECS_PER_DAY;
	if (within->day != 0)
	{
		span->lo -= slop;
		span->hi += slop;
	}
	if (within->month != 0)
	{
		/*
		 * m calendar months, forward or back, are 28m to 31m days of local
		 * time, give or take up to 3 days when the day of the month is
		 * clamped (Jan 31 + 1 month is Feb 28).  A negative month field
		 * spans the same, negated.
		 */
		months = within->month > 0 ? within->month : -(int64) within->month;
		if (within->month > 0)
		{
			span->lo += (months * INT64CONST(28) - 3) * USECS_PER_DAY - slop;
			span->hi += (months * INT64CONST(31) + 3) * USECS_PER_DAY + slop;
		}
		else
		{
			span->lo -= (months * INT64CONST(31) + 3) * USECS_PER_DAY + slop;
			span->hi -= (months * INT64CONST(28) - 3) * USECS_PER_DAY - slop;
		}
	}
	/* wide enough for |at +/- within - at| <= max(|lo|, |hi|) */
	span->safe_min = MIN_TIMESTAMP + Max(span->hi, -span->lo) + 10 * USECS_PER_DAY;
	span->safe_max = END_TIMESTAMP - Max(span->hi, -span->lo) - 10 * USECS_PER_DAY;
}

static void
span_arith_callback(void *arg)
{
	FcrArithContext *ctx = (FcrArithContext *) arg;

	errcontext("computing at %c within for the contact at %s in %s()",
			   ctx->forward ? '+' : '-', format_timestamptz(ctx->at), ctx->fname);
}

/* at + within (forward) or at - within, exactly as PostgreSQL computes it */
static TimestampTz
span_bound(const FcrSpan *span, TimestampTz at, bool forward, const char *fname)
{
	ErrorContextCallback callback;
	FcrArithContext ctx;
	TimestampTz result;

	ctx.fname = fname;
	ctx.at = at;
	ctx.forward = forward;
	callback.callback = span_arith_callback;
	callback.arg = &ctx;
	callback.previous = error_context_stack;
	error_context_stack = &callback;

	result = DatumGetTimestampTz(DirectFunctionCall2(forward ? timestamptz_pl_interval : timestamptz_mi_interval,
													 TimestampTzGetDatum(at),
													 PointerGetDatum(&span->within)));

	error_context_stack = callback.previous;
	return result;
}

/* Can the bounds decide comparisons at "at"?  Else at +/- within may overflow. */
static inline bool
span_fast_at(const FcrSpan *span, TimestampTz at)
{
	return span->fast && at >= span->safe_min && at <= span->safe_max;
}

/*
 * Compare "other" with the end of the span from "at": forward, the sign of
 * other - (at + within); backward, the sign of (at - within) - other.  So a
 * result <= 0 means other is within reach.  The caller guarantees other >= at
 * (forward) or other <= at (backward).
 */
static int
span_compare(const FcrSpan *span, TimestampTz at, TimestampTz other, bool forward,
			 const char *fname)
{
	if (span_fast_at(span, at) && !TIMESTAMP_NOT_FINITE(other))
	{
		int64		dist;

		if (pg_sub_s64_overflow(forward ? other : at, forward ? at : other, &dist))
			return 1;			/* farther than any span we bound */
		if (dist < span->lo)
			return -1;
		if (dist > span->hi)
			return 1;
		if (span->lo == span->hi)
			return 0;
	}
	if (forward)
		return timestamptz_cmp_internal(other, span_bound(span, at, true, fname));
	return timestamptz_cmp_internal(span_bound(span, at, false, fname), other);
}

/*
 * Check the current row's window before answering, so that the same data
 * always fails the same way whether or not the answer needs the bound:
 * at +/- within must be in the timestamp range (span_bound raises the
 * overflow error).  Its direction is not checked here: "within" itself was
 * judged positive (span_set), and calendar arithmetic that fails to move a
 * given contact forward (a day the time zone skips, so at - 1 day = at;
 * '1 mon -29 days' from February 1) only leaves that row a window holding
 * its own instant: no later contact is within reach, no earlier one either.
 * Bounds that are in range throughout need no call.
 */
static inline void
span_check_row(const FcrSpan *span, TimestampTz at, bool forward, const char *fname)
{
	if (likely(span_fast_at(span, at)))
		return;
	(void) span_bound(span, at, forward, fname);
}

static void
report_volatile_at(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("at gave different values for the same row in %s()", fname),
			 errhint("Pass a column or a stable expression as at.")));
}

/*
 * The current row, at "cur", is the first of a new group of ties at "at":
 * record it, and push the forward pointer past its ties and NULLs to the
 * next timestamp.
 */
static void
start_group(WindowObject winobj, FcrState *st, int64 cur, TimestampTz at,
			FcrKind kind, const char *fname)
{
	int64		pos;

	if (st->started)
	{
		if (!st->has_next || cur != st->forward || at != st->next_at)
			report_volatile_at(fname);
		if (kind == FCR_ATTEMPT)
		{
			/* the chain goes on when the last timestamp is within reach */
			if (span_compare(&st->span, at, st->group_at, false, fname) <= 0)
				st->chain_before++;
			else
				st->chain_before = 0;
		}
		st->has_prev = true;
		st->prev_at = st->group_at;
	}
	st->started = true;
	st->group_at = at;
	st->group_size = 1;

	for (pos = cur + 1;; pos++)
	{
		Datum		value;
		bool		isnull;
		bool		isout;
		TimestampTz t;

		if (pos - cur > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many rows with the same at, or with a NULL at, in a partition for %s()",
							fname)));
		value = WinGetFuncArgInPartition(winobj, 0, (int) (pos - cur),
										 WINDOW_SEEK_CURRENT, true,
										 &isnull, &isout);
		if (isout)
		{
			st->has_next = false;
			break;
		}
		if (isnull)
			continue;
		t = DatumGetTimestampTz(value);
		if (t == at)
			st->group_size++;
		else if (t > at)
		{
			st->has_next = true;
			st->next_at = t;
			break;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("contacts are not in ascending order of at in %s()", fname),
					 errdetail("A contact at %s follows one at %s in the window's order.",
							   format_timestamptz(t), format_timestamptz(at)),
					 errhint("Call it as %s(at, ...) OVER (PARTITION BY customer ORDER BY at), ordered by the same at, ascending.",
							 fname)));
	}
	st->forward = pos;
}

/* the one body of the four SQL functions */
static Datum
fcr_evaluate(FunctionCallInfo fcinfo, FcrKind kind)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	const char *fname = fcr_function_names[kind];
	FcrState   *st;
	Datum		value;
	bool		isnull;
	Interval   *within;
	TimestampTz at;
	TimestampTz as_of = 0;
	int64		cur;
	bool		tied;

	st = (FcrState *) WinGetPartitionLocalMemory(winobj, sizeof(FcrState));

	value = WinGetFuncArgCurrent(winobj, 1, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("within must not be NULL in %s()", fname)));
	within = DatumGetIntervalP(value);
	if (!st->span.valid || memcmp(within, &st->span.within, sizeof(Interval)) != 0)
	{
		/* chains are only defined for one within per partition */
		if (kind == FCR_ATTEMPT && st->span.valid)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("within must be the same for every row of a partition in %s()", fname),
					 errdetail("It changes from \"%s\" to \"%s\".",
							   format_interval(&st->span.within),
							   format_interval(within))));
		span_set(&st->span, within, fname);
	}

	value = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		PG_RETURN_NULL();		/* and the other rows never see it */
	at = DatumGetTimestampTz(value);

	cur = WinGetCurrentPosition(winobj);
	if (!st->started || cur >= st->forward)
		start_group(winobj, st, cur, at, kind, fname);
	else if (at != st->group_at)
		report_volatile_at(fname);

	tied = st->group_size > 1;
	switch (kind)
	{
		case FCR_RESOLVED:
		case FCR_RESOLVED_AS_OF:
			span_check_row(&st->span, at, true, fname);
			if (kind == FCR_RESOLVED_AS_OF)
			{
				/*
				 * Read as_of only now: the group bookkeeping above must run
				 * for every row whose at is not NULL, whatever its as_of.
				 */
				value = WinGetFuncArgCurrent(winobj, 2, &isnull);
				if (isnull)
					PG_RETURN_NULL();
				as_of = DatumGetTimestampTz(value);
				/* censored: the repeat window has not closed by as_of */
				if (as_of < at || span_compare(&st->span, at, as_of, true, fname) < 0)
					PG_RETURN_NULL();
			}
			PG_RETURN_BOOL(!tied &&
						   !(st->has_next &&
							 span_compare(&st->span, at, st->next_at, true, fname) <= 0));
		case FCR_REPEAT:
			span_check_row(&st->span, at, false, fname);
			PG_RETURN_BOOL(st->has_prev &&
						   span_compare(&st->span, at, st->prev_at, false, fname) <= 0);
		case FCR_ATTEMPT:
			span_check_row(&st->span, at, false, fname);
			if (st->chain_before + 1 > PG_INT32_MAX)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("contact_attempt() is out of range for type integer")));
			PG_RETURN_INT32((int32) (st->chain_before + 1));
	}
	pg_unreachable();
}

PG_FUNCTION_INFO_V1(fcr_window);
PG_FUNCTION_INFO_V1(fcr_as_of_window);
PG_FUNCTION_INFO_V1(repeat_contact_window);
PG_FUNCTION_INFO_V1(contact_attempt_window);

/* fcr(at timestamptz, within interval) OVER (...) */
Datum
fcr_window(PG_FUNCTION_ARGS)
{
	return fcr_evaluate(fcinfo, FCR_RESOLVED);
}

/* fcr(at timestamptz, within interval, as_of timestamptz) OVER (...) */
Datum
fcr_as_of_window(PG_FUNCTION_ARGS)
{
	return fcr_evaluate(fcinfo, FCR_RESOLVED_AS_OF);
}

/* repeat_contact(at timestamptz, within interval) OVER (...) */
Datum
repeat_contact_window(PG_FUNCTION_ARGS)
{
	return fcr_evaluate(fcinfo, FCR_REPEAT);
}

/* contact_attempt(at timestamptz, within interval) OVER (...) */
Datum
contact_attempt_window(PG_FUNCTION_ARGS)
{
	return fcr_evaluate(fcinfo, FCR_ATTEMPT);
}
