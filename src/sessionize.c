/*-------------------------------------------------------------------------
 *
 * sessionize.c
 *	  sessionize(at, gap): the window function that numbers a customer's
 *	  sessions, a new session after more than "gap" of inactivity.
 *
 * Called as sessionize(at, gap) OVER (PARTITION BY customer ORDER BY at).
 * Each row is compared with the previous row of its partition (in the
 * window's order) that had a time and a gap: when it comes more than its gap
 * after that row, it starts the next session.  The first such row of a
 * partition is session 1.  A row whose time or gap is NULL gets NULL and is
 * passed over.  A negative gap is an error (22023).
 *
 * Intervals are judged as a whole, as PostgreSQL compares them (a day is 24
 * hours, a month 30 days), so '1 day' - '1 hour' is a positive gap; that
 * keeps the function IMMUTABLE.
 *
 * The state is O(1) per partition: the last row's time and the session
 * number, in the partition's local memory.  Rows are evaluated in order, one
 * after the other; should the executor ever skip rows, the missing ones are
 * read back from the partition.  A gap that is the same for every row (a
 * constant or a parameter, as the planner tells) is read and checked once a
 * partition, not once a row; the mark that lets the executor drop the rows
 * behind is moved every SESSIONIZE_MARK_EVERY rows, not every row.
 *
 * src/sessionize.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#ifdef HAVE_INT128
typedef int128 wide_usecs;
#else
typedef long double wide_usecs;
#endif

typedef struct SessionizeState
{
	int64		next_pos;		/* position of the next row to read */
	int64		session;		/* current session number; 0 before any row */
	TimestampTz last_at;		/* time of the last row that had one */
	bool		gap_read;		/* a stable gap: read (gap, gap_null) */
	bool		gap_null;
	wide_usecs	gap;
} SessionizeState;

#define SESSIONIZE_MARK_EVERY	64

/* the interval as PostgreSQL compares intervals, in microseconds, exactly */
static inline wide_usecs
gap_usecs(const Interval *gap)
{
	return (wide_usecs) gap->time + (wide_usecs) gap->day * USECS_PER_DAY +
		(wide_usecs) gap->month * (DAYS_PER_MONTH * USECS_PER_DAY);
}

/*
 * One row: reads its time and gap and advances the state.  Returns whether
 * the row has a session number (both time and gap are not NULL).
 */
static inline bool
sessionize_step(WindowObject winobj, SessionizeState *st, int64 pos, bool current,
				bool stable_gap)
{
	bool		isnull;
	Datum		d_at,
				d_gap;
	TimestampTz at;
	Interval   *gap;
	wide_usecs	g;

	if (current)
		d_at = WinGetFuncArgCurrent(winobj, 0, &isnull);
	else
		d_at = WinGetFuncArgInPartition(winobj, 0, pos, WINDOW_SEEK_HEAD, false, &isnull, NULL);
	if (isnull)
		return false;
	at = DatumGetTimestampTz(d_at);
	if (stable_gap && st->gap_read)
	{
		if (st->gap_null)
			return false;
		g = st->gap;
		goto have_gap;
	}
	if (current)
		d_gap = WinGetFuncArgCurrent(winobj, 1, &isnull);
	else
		d_gap = WinGetFuncArgInPartition(winobj, 1, pos, WINDOW_SEEK_HEAD, false, &isnull, NULL);
	if (isnull)
	{
		st->gap_read = stable_gap;
		st->gap_null = true;
		return false;
	}
	gap = DatumGetIntervalP(d_gap);
	g = gap_usecs(gap);
	if (g < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("gap must not be negative in sessionize(), not \"%s\"",
						DatumGetCString(DirectFunctionCall1(interval_out,
															IntervalPGetDatum(gap))))));
	st->gap_read = stable_gap;
	st->gap_null = false;
	st->gap = g;
have_gap:
	/* infinite times are the extremes of int64: the difference still fits */
	if (st->session == 0 || (wide_usecs) at - (wide_usecs) st->last_at > g)
		st->session++;
	st->last_at = at;
	return true;
}

/* fn_extra's two markers */
static char gap_stable;
static char gap_varies;

PG_FUNCTION_INFO_V1(sessionize_window);
Datum
sessionize_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SessionizeState *st;
	int64		pos = WinGetCurrentPosition(winobj);
	bool		valued;
	bool		stable_gap;

	/* whether the gap is the same on every row, asked once (fn_extra) */
	if (unlikely(fcinfo->flinfo->fn_extra == NULL))
		fcinfo->flinfo->fn_extra = get_fn_expr_arg_stable(fcinfo->flinfo, 1) ?
			&gap_stable : &gap_varies;
	stable_gap = fcinfo->flinfo->fn_extra == &gap_stable;
	st = (SessionizeState *) WinGetPartitionLocalMemory(winobj, sizeof(SessionizeState));
	if (unlikely(pos != st->next_pos))
	{
		/* rows were skipped or revisited: replay the partition up to here */
		if (pos < st->next_pos)
			memset(st, 0, sizeof(SessionizeState));
		for (int64 p = st->next_pos; p < pos; p++)
		{
			CHECK_FOR_INTERRUPTS();
			(void) sessionize_step(winobj, st, p, false, stable_gap);
		}
	}
	valued = sessionize_step(winobj, st, pos, true, stable_gap);
	st->next_pos = pos + 1;
	if (pos % SESSIONIZE_MARK_EVERY == 0)
		WinSetMarkPosition(winobj, pos);
	if (!valued)
		PG_RETURN_NULL();
	PG_RETURN_INT64(st->session);
}
