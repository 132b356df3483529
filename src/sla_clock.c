/*-------------------------------------------------------------------------
 *
 * sla_clock.c
 *	  The sla_clock type (a ticket's SLA clock: when it ran, in a calendar's
 *	  working time), the ticket_clock aggregate over a ticket's status changes,
 *	  and its accessors: elapsed, is_running, is_paused, is_stopped, due_at,
 *	  breached, remaining.
 *
 * Meaning.  Each event (at, status) sets the ticket's status from `at` on.  A
 * status in the paused list pauses the clock, one in the stopped list stops
 * it, any other status (unknown ones too) runs it.  Events at one instant: the
 * status in force after that instant is the one that stops, else the one that
 * pauses, else a running one (ties last no time, so only which one is left in
 * force matters).  The clock counts the calendar's working time
 * (business_time) over the stretches where it runs.
 *
 * The aggregate keeps the events (internal state, appended in any order) and
 * sorts them in the final function, which works on a sorted copy when they
 * came out of order, so the state stays usable as a window aggregate.  The
 * combine function concatenates two states' events: sound because the result
 * depends on the set of events only.  There is no rollup of sla_clock values:
 * a clock keeps the stretches it ran, not the statuses, so two clocks of one
 * ticket that overlap in time cannot be merged.
 *
 * On-disk layout of sla_clock (a varlena, aligned as double):
 *		SlaClock header: version, state after the last event, number of runs,
 *		the last event, the working time up to it
 *		then ClockRun runs[nruns]		ascending, disjoint, not touching; only
 *										the last may be open (running)
 *		then the calendar, a business_hours varlena (4-byte header)
 * The working-time sums are derived data, rebuilt by clock_build, which text
 * input and binary receive share.
 *
 * Binary send/recv format: uint8 version, uint8 state, int64 last event,
 * int32 number of runs, then per run int64 start and int64 end (end
 * PG_INT64_MAX when open), then the calendar's canonical text.
 *
 * src/sla_clock.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"
#include "hours.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#define CLOCK_TYPNAME		"sla_clock"

/* what a status does to the clock; the order is the tie rule (higher wins) */
#define CLOCK_RUN			0
#define CLOCK_PAUSE			1
#define CLOCK_STOP			2

/* the end of the run in progress */
#define CLOCK_OPEN			PG_INT64_MAX

static const char *const state_names[3] = {"running", "paused", "stopped"};

/* a stretch [start, end) during which the clock ran */
typedef struct ClockRun
{
	int64		start;
	int64		end;			/* CLOCK_OPEN: still running */
	int64		before;			/* working time of the earlier runs (usec) */
} ClockRun;

typedef struct SlaClock
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		state;			/* CLOCK_RUN, CLOCK_PAUSE or CLOCK_STOP */
	uint16		reserved;
	int32		nruns;
	int64		last;			/* the last event */
	int64		total;			/* working time up to the last event (usec) */
	ClockRun	runs[FLEXIBLE_ARRAY_MEMBER];
	/* then the calendar */
} SlaClock;

#define CLOCK_HOURS(c)		((struct varlena *) ((c)->runs + (c)->nruns))
#define CLOCK_MAX_RUNS		((int) ((MaxAllocSize / 2) / sizeof(ClockRun)))

/* ---- building a value ---------------------------------------------------- */

/* a bad field: 22023 for text input (input given), 22P03 for binary */
static void
clock_invalid(const char *input, const char *detail)
{
	if (input)
		io_value_error(CLOCK_TYPNAME, input, "%s", detail);
	io_binary_error(CLOCK_TYPNAME, "%s", detail);
}

static void
check_instant(const char *input, int64 t)
{
	if (TIMESTAMP_NOT_FINITE(t) || !IS_VALID_TIMESTAMP(t))
		clock_invalid(input, "Instants must be finite timestamps.");
}

/*
 * The one constructor and validator: a clock from its state, last event, runs
 * (start and end filled in) and calendar (a detoasted business_hours value).
 * input is the text being read, or NULL for binary data and the aggregate.
 */
static SlaClock *
clock_build(const char *input, int state, int64 last, const ClockRun *runs, int nruns,
			struct varlena *hours, pg_tz *tz)
{
	const struct BusinessHours *h = hours_from_datum(PointerGetDatum(hours));
	Size		hsize = VARSIZE(hours);
	Size		size = offsetof(SlaClock, runs) + nruns * sizeof(ClockRun) + hsize;
	SlaClock   *c;
	int64		sum = 0;

	if (state < CLOCK_RUN || state > CLOCK_STOP)
		clock_invalid(input, "Unknown clock state.");
	if (nruns < 0 || nruns > CLOCK_MAX_RUNS)
		clock_invalid(input, "Too many runs.");
	check_instant(input, last);
	for (int i = 0; i < nruns; i++)
	{
		check_instant(input, runs[i].start);
		if (runs[i].end == CLOCK_OPEN)
		{
			if (i != nruns - 1 || state != CLOCK_RUN)
				clock_invalid(input, "Only the last run of a running clock is open.");
		}
		else
		{
			check_instant(input, runs[i].end);
			if (runs[i].end <= runs[i].start)
				clock_invalid(input, "A run must end after it starts.");
		}
		if (i > 0 && runs[i].start <= runs[i - 1].end)
			clock_invalid(input, "Runs must be in order and must not overlap or touch.");
	}
	if (state == CLOCK_RUN && (nruns == 0 || runs[nruns - 1].end != CLOCK_OPEN))
		clock_invalid(input, "A running clock ends with an open run.");
	if (nruns > 0 && (runs[nruns - 1].start > last ||
					  (runs[nruns - 1].end != CLOCK_OPEN && runs[nruns - 1].end > last)))
		clock_invalid(input, "The runs must not go past the last event.");

	if (tz == NULL)
		tz = hours_find_zone(h);
	c = palloc0(size);
	SET_VARSIZE(c, size);
	c->version = INTERACTION_FORMAT_VERSION;
	c->state = state;
	c->nruns = nruns;
	c->last = last;
	for (int i = 0; i < nruns; i++)
	{
		int64		end = (runs[i].end == CLOCK_OPEN) ? last : runs[i].end;

		c->runs[i].start = runs[i].start;
		c->runs[i].end = runs[i].end;
		c->runs[i].before = sum;
		if (pg_add_s64_overflow(sum, hours_worked(h, tz, runs[i].start, end), &sum))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("the working time of an SLA clock is out of range")));
	}
	c->total = sum;
	memcpy(CLOCK_HOURS(c), hours, hsize);
	return c;
}

/* ---- reading a stored value ---------------------------------------------- */

static SlaClock *
clock_get(Datum d)
{
	SlaClock   *c = (SlaClock *) PG_DETOAST_DATUM(d);

	if (c->version != INTERACTION_FORMAT_VERSION || c->state > CLOCK_STOP ||
		c->nruns < 0 || c->nruns > CLOCK_MAX_RUNS ||
		VARSIZE(c) < offsetof(SlaClock, runs) + c->nruns * sizeof(ClockRun) + VARHDRSZ ||
		VARSIZE(c) != offsetof(SlaClock, runs) + c->nruns * sizeof(ClockRun) +
		VARSIZE(CLOCK_HOURS(c)))
		io_corrupt_value(CLOCK_TYPNAME, "Format version %d, state %d, %d runs in %u bytes.",
						 c->version, c->state, c->nruns, (unsigned) VARSIZE(c));
	return c;
}

#define PG_GETARG_CLOCK(n)	clock_get(PG_GETARG_DATUM(n))

static const struct BusinessHours *
clock_hours(const SlaClock *c)
{
	return hours_from_datum(PointerGetDatum(CLOCK_HOURS(c)));
}

/* ---- text input and output ----------------------------------------------- */

static void
append_instant(StringInfo out, int64 t)
{
	struct pg_tm tm;
	fsec_t		fsec;
	char		buf[MAXDATELEN + 1];

	if (timestamp2tm(t, NULL, &tm, &fsec, NULL, NULL) != 0)
		io_corrupt_value(CLOCK_TYPNAME, "An instant is out of range.");
	tm.tm_isdst = 0;			/* UTC: print the "+00" */
	EncodeDateTime(&tm, fsec, true, 0, NULL, USE_ISO_DATES, buf);
	appendStringInfoString(out, buf);
}

static char *
clock_text(const SlaClock *c)
{
	StringInfoData out;

	initStringInfo(&out);
	appendStringInfo(&out, "%s at ", state_names[c->state]);
	append_instant(&out, c->last);
	appendStringInfoString(&out, "; runs ");
	if (c->nruns == 0)
		appendStringInfoString(&out, "none");
	for (int i = 0; i < c->nruns; i++)
	{
		appendStringInfoString(&out, i ? ", [" : "[");
		append_instant(&out, c->runs[i].start);
		appendStringInfoString(&out, ", ");
		if (c->runs[i].end != CLOCK_OPEN)
			append_instant(&out, c->runs[i].end);
		appendStringInfoChar(&out, ')');
	}
	appendStringInfo(&out, "; hours %s",
					 DatumGetCString(DirectFunctionCall1(business_hours_out,
														 PointerGetDatum(CLOCK_HOURS(c)))));
	return out.data;
}

/* expect the keyword `word` at *p (blanks before it skipped), case-insensitively */
static void
expect_word(const char **p, const char *word, const char *input)
{
	const char *s = io_skip_blanks(*p);
	int			n = strlen(word);

	if (pg_strncasecmp(s, word, n) != 0 ||
		(s[n] != '\0' && !io_is_blank(s[n]) && s[n] != ';' && s[n] != '['))
		io_syntax_error(CLOCK_TYPNAME, input, "Expected \"%s\" at \"%s\".", word, s);
	*p = s + n;
}

static void
expect_char(const char **p, char ch, const char *input)
{
	const char *s = io_skip_blanks(*p);

	if (*s != ch)
		io_syntax_error(CLOCK_TYPNAME, input, "Expected \"%c\" at \"%s\".", ch, s);
	*p = s + 1;
}

/* an instant: the text from *p up to the next `stop` character */
static int64
read_instant(const char **p, char stop, const char *input)
{
	const char *s = io_skip_blanks(*p);
	const char *e = strchr(s, stop);
	const char *t;

	if (e == NULL || e == s)
		io_syntax_error(CLOCK_TYPNAME, input, "Expected a timestamp followed by \"%c\" at \"%s\".",
						stop, s);
	for (t = e; t > s && io_is_blank(t[-1]); t--)
		;
	*p = e;
	return io_read_timestamptz(s, t - s);
}

static SlaClock *
clock_parse(const char *input)
{
	const char *p = io_skip_blanks(input);
	int			state = -1;
	int64		last;
	ClockRun   *runs = NULL;
	int			nruns = 0,
				maxruns = 0;
	struct varlena *hours;

	for (int i = 0; i < 3; i++)
	{
		int			n = strlen(state_names[i]);

		if (pg_strncasecmp(p, state_names[i], n) == 0 && io_is_blank(p[n]))
		{
			state = i;
			p += n;
			break;
		}
	}
	if (state < 0)
		io_syntax_error(CLOCK_TYPNAME, input,
						"Expected \"running\", \"paused\" or \"stopped\" at \"%s\".", p);
	expect_word(&p, "at", input);
	last = read_instant(&p, ';', input);
	expect_char(&p, ';', input);
	expect_word(&p, "runs", input);
	p = io_skip_blanks(p);
	if (pg_strncasecmp(p, "none", 4) == 0)
		p += 4;
	else
	{
		for (;;)
		{
			ClockRun	r;
			const char *s;

			expect_char(&p, '[', input);
			r.start = read_instant(&p, ',', input);
			p++;
			s = io_skip_blanks(p);
			if (*s == ')')
			{
				r.end = CLOCK_OPEN;
				p = s;
			}
			else
				r.end = read_instant(&p, ')', input);
			p++;
			r.before = 0;
			if (nruns >= CLOCK_MAX_RUNS)
				clock_invalid(input, "Too many runs.");
			if (nruns == maxruns)
			{
				maxruns = Max(8, maxruns * 2);
				runs = runs ? repalloc(runs, maxruns * sizeof(ClockRun))
					: palloc(maxruns * sizeof(ClockRun));
			}
			runs[nruns++] = r;
			p = io_skip_blanks(p);
			if (*p != ',')
				break;
			p++;
		}
	}
	expect_char(&p, ';', input);
	expect_word(&p, "hours", input);
	hours = (struct varlena *) DatumGetPointer(DirectFunctionCall3(business_hours_in,
																   CStringGetDatum(io_skip_blanks(p)),
																   ObjectIdGetDatum(InvalidOid),
																   Int32GetDatum(-1)));
	return clock_build(input, state, last, runs, nruns, hours, NULL);
}

PG_FUNCTION_INFO_V1(sla_clock_in);
Datum
sla_clock_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(clock_parse(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(sla_clock_out);
Datum
sla_clock_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(clock_text(PG_GETARG_CLOCK(0)));
}

/*
 * sla_clock::jsonb: {"state", "last" (UTC), "worked" (seconds of working time
 * up to the last event), "runs": [{"start", "end" (null while running)}],
 * "hours": the calendar's text}
 */
PG_FUNCTION_INFO_V1(sla_clock_jsonb);
Datum
sla_clock_jsonb(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_CLOCK(0);
	JsonField  *runs = palloc(Max(c->nruns, 1) * sizeof(JsonField));

	for (int i = 0; i < c->nruns; i++)
	{
		JsonField	run[] = {
			JSON_FIELD_TIME("start", c->runs[i].start),
			c->runs[i].end == CLOCK_OPEN ? JSON_FIELD_NULL("end") : JSON_FIELD_TIME("end", c->runs[i].end),
		};

		runs[i] = JSON_FIELD_NESTED(NULL, kit_json_object(run, lengthof(run)));
	}
	{
		JsonField	fields[] = {
			JSON_FIELD_TEXT("state", state_names[c->state]),
			JSON_FIELD_TIME("last", c->last),
			JSON_FIELD_SECONDS("worked", c->total),
			JSON_FIELD_NESTED("runs", kit_json_array(runs, c->nruns)),
			JSON_FIELD_TEXT("hours", DatumGetCString(DirectFunctionCall1(business_hours_out,
																	   PointerGetDatum(CLOCK_HOURS(c))))),
		};

		PG_RETURN_POINTER(kit_json_object(fields, lengthof(fields)));
	}
}

PG_FUNCTION_INFO_V1(sla_clock_recv);
Datum
sla_clock_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			state;
	int64		last;
	int			nruns;
	ClockRun   *runs;
	char	   *text;
	int			nbytes;
	struct varlena *hours;

	io_check_version(buf, CLOCK_TYPNAME);
	if (buf->len - buf->cursor < 1 + 8 + 4)
		io_binary_error(CLOCK_TYPNAME, "The value ends early.");
	state = pq_getmsgbyte(buf);
	last = pq_getmsgint64(buf);
	nruns = pq_getmsgint(buf, 4);
	/* sizes checked before allocating */
	if (nruns < 0 || nruns > (buf->len - buf->cursor) / 16)
		io_binary_error(CLOCK_TYPNAME, "The value claims %d runs but holds %d bytes.",
						nruns, buf->len - buf->cursor);
	runs = palloc(Max(nruns, 1) * sizeof(ClockRun));
	for (int i = 0; i < nruns; i++)
	{
		runs[i].start = pq_getmsgint64(buf);
		runs[i].end = pq_getmsgint64(buf);
		runs[i].before = 0;
	}
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	if (strlen(text) != (size_t) nbytes)
		io_binary_error(CLOCK_TYPNAME, "The calendar's text contains a zero byte.");
	hours = (struct varlena *) DatumGetPointer(DirectFunctionCall3(business_hours_in,
																   CStringGetDatum(text),
																   ObjectIdGetDatum(InvalidOid),
																   Int32GetDatum(-1)));
	PG_RETURN_POINTER(clock_build(NULL, state, last, runs, nruns, hours, NULL));
}

PG_FUNCTION_INFO_V1(sla_clock_send);
Datum
sla_clock_send(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_CLOCK(0);
	StringInfoData buf;
	char	   *text = DatumGetCString(DirectFunctionCall1(business_hours_out,
														   PointerGetDatum(CLOCK_HOURS(c))));

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, c->state);
	pq_sendint64(&buf, c->last);
	pq_sendint32(&buf, c->nruns);
	for (int i = 0; i < c->nruns; i++)
	{
		pq_sendint64(&buf, c->runs[i].start);
		pq_sendint64(&buf, c->runs[i].end);
	}
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- the aggregate ------------------------------------------------------- */

typedef struct ClockEvent
{
	int64		at;
	int32		kind;			/* CLOCK_RUN, CLOCK_PAUSE, CLOCK_STOP */
	int32		reserved;
} ClockEvent;

/* a status list, read once: the labels and their lengths */
typedef struct StatusList
{
	struct varlena *raw;		/* the array as given (a copy), to check later rows */
	int			n;
	char	  **labels;
	int		   *lens;
} StatusList;

typedef struct ClockState
{
	struct varlena *hours;		/* the calendar (a copy, 4-byte header) */
	bool		const_args;		/* calendar and lists are constants of the query */
	StatusList	paused;
	StatusList	stopped;
	bool		lists_set;
	bool		sorted;			/* events appended in (at, kind) order so far */
	int			nevents;
	int			maxevents;
	ClockEvent *events;
} ClockState;

static const char *const default_paused[] = {"pending", "on_hold"};
static const char *const default_stopped[] = {"solved", "closed"};

static int
cmp_event(const void *a, const void *b)
{
	const ClockEvent *x = a,
			   *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

/* bytes of a (possibly short-header) varlena equal those of a stored copy */
static bool
same_bytes(struct varlena *stored, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v);
	return VARSIZE_ANY_EXHDR(v) == VARSIZE_ANY_EXHDR(stored) &&
		memcmp(VARDATA_ANY(v), VARDATA_ANY(stored), VARSIZE_ANY_EXHDR(v)) == 0;
}

static void
list_from_array(StatusList *l, Datum d, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	l->raw = (struct varlena *) PG_DETOAST_DATUM_COPY(d);
	arr = (ArrayType *) l->raw;
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the paused and stopped statuses must be one-dimensional arrays")));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	l->labels = palloc(Max(n, 1) * sizeof(char *));
	l->lens = palloc(Max(n, 1) * sizeof(int));
	l->n = 0;
	for (int i = 0; i < n; i++)
	{
		text	   *t;

		if (nulls[i])
			continue;			/* a NULL status is never matched */
		t = DatumGetTextPP(elems[i]);
		l->labels[l->n] = VARDATA_ANY(t);
		l->lens[l->n] = VARSIZE_ANY_EXHDR(t);
		l->n++;
	}
	MemoryContextSwitchTo(old);
}

static const int default_lens[] = {7, 7, 6, 6};	/* pending on_hold solved closed */

/* a default list (labels static) or an empty one: no allocation */
static void
list_from_defaults(StatusList *l, const char *const *labels, int n, MemoryContext cxt)
{
	l->raw = NULL;
	l->n = n;
	l->labels = (char **) labels;
	l->lens = (int *) (labels == default_paused ? default_lens : default_lens + 2);
}

static bool
list_has(const StatusList *l, const char *s, int len)
{
	for (int i = 0; i < l->n; i++)
		if (l->lens[i] == len && memcmp(l->labels[i], s, len) == 0)
			return true;
	return false;
}

/* a calendar (business_hours) or a status list (text[]; NULL: none) as a message shows it */
static char *
param_text(bool calendar, struct varlena *v)
{
	if (v == NULL)
		return "NULL";
	return psprintf("'%s'", calendar ?
					DatumGetCString(DirectFunctionCall1(business_hours_out, PointerGetDatum(v))) :
					OidOutputFunctionCall(F_ARRAY_OUT, PointerGetDatum(v)));
}

/* 22023 naming the parameter that changed and both of its values */
static void
differs_error(const char *what, bool calendar, struct varlena *first, struct varlena *other)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("ticket_clock needs one %s for all the rows of a ticket", what),
			 errdetail("The %s varies within the group: the first row gave %s, another %s.",
					   what, param_text(calendar, first), param_text(calendar, other)),
			 errhint("Group by the ticket; a ticket's calendar and status lists cannot change between its rows.")));
}

static ClockState *
state_new(MemoryContext cxt)
{
	ClockState *st = MemoryContextAllocZero(cxt, sizeof(ClockState));

	st->sorted = true;
	return st;
}

static void
state_add(ClockState *st, MemoryContext cxt, int64 at, int kind)
{
	if (st->nevents == st->maxevents)
	{
		if (st->maxevents >= PG_INT32_MAX / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("ticket_clock has too many events for one ticket")));
		st->maxevents = Max(8, st->maxevents * 2);
		st->events = st->events
			? repalloc_huge(st->events, st->maxevents * sizeof(ClockEvent))
			: MemoryContextAllocHuge(cxt, st->maxevents * sizeof(ClockEvent));
	}
	st->events[st->nevents].at = at;
	st->events[st->nevents].kind = kind;
	st->events[st->nevents].reserved = 0;
	if (st->nevents > 0 && cmp_event(&st->events[st->nevents - 1], &st->events[st->nevents]) > 0)
		st->sorted = false;
	st->nevents++;
}

/*
 * Whether the calendar and the lists are constants of the query (the usual
 * case), so later rows need not be compared with the first and the calendar
 * need not be copied: it lives as long as the plan.  A window aggregate has
 * no Aggref, and an aggregate with ORDER BY or DISTINCT gets its arguments
 * from a sort: their rows are compared and the calendar copied.
 */
static bool
args_are_constants(FunctionCallInfo fcinfo)
{
	Aggref	   *agg = AggGetAggref(fcinfo);
	int			i = 0;
	ListCell   *lc;

	/* with ORDER BY or DISTINCT the arguments come from a sort, not the plan */
	if (agg == NULL || agg->aggorder != NIL || agg->aggdistinct != NIL)
		return false;
	foreach(lc, agg->args)
	{
		TargetEntry *te = lfirst_node(TargetEntry, lc);

		if (i++ >= 2 && !IsA(te->expr, Const))
			return false;
	}
	return true;
}

/*
 * ticket_clock(at, status, h [, paused [, stopped]]): rows with a NULL time,
 * status or calendar are skipped; a NULL list is an empty one.
 */
PG_FUNCTION_INFO_V1(ticket_clock_step);
Datum
ticket_clock_step(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ClockState *st;
	TimestampTz at;
	text	   *status;
	const char *s;
	int			len;
	int			kind;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ticket_clock_step called in a non-aggregate context")));
	st = PG_ARGISNULL(0) ? NULL : (ClockState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket_clock needs finite timestamps")));
	if (st == NULL)
	{
		st = state_new(aggcxt);
		st->const_args = args_are_constants(fcinfo);
	}

	/* the calendar and the lists: set by the first row, the same in the others */
	if (st->hours == NULL)
	{
		struct varlena *v = (struct varlena *) PG_GETARG_POINTER(3);

		/* a constant lives as long as the query: no copy */
		if (st->const_args && !VARATT_IS_EXTENDED(v))
			st->hours = v;
		else
		{
			MemoryContext old = MemoryContextSwitchTo(aggcxt);

			st->hours = (struct varlena *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(3));
			MemoryContextSwitchTo(old);
		}
		(void) hours_from_datum(PointerGetDatum(st->hours));
	}
	else if (!st->const_args && !same_bytes(st->hours, PG_GETARG_DATUM(3)))
		differs_error("calendar", true, st->hours, PG_DETOAST_DATUM(PG_GETARG_DATUM(3)));
	if (!st->lists_set)
	{
		if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
			list_from_array(&st->paused, PG_GETARG_DATUM(4), aggcxt);
		else if (PG_NARGS() > 4)
			list_from_defaults(&st->paused, NULL, 0, aggcxt);
		else
			list_from_defaults(&st->paused, default_paused, 2, aggcxt);
		if (PG_NARGS() > 5 && !PG_ARGISNULL(5))
			list_from_array(&st->stopped, PG_GETARG_DATUM(5), aggcxt);
		else if (PG_NARGS() > 5)
			list_from_defaults(&st->stopped, NULL, 0, aggcxt);
		else
			list_from_defaults(&st->stopped, default_stopped, 2, aggcxt);
		for (int i = 0; i < st->paused.n; i++)
			if (list_has(&st->stopped, st->paused.labels[i], st->paused.lens[i]))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("status \"%.*s\" is listed both as paused and as stopped",
								st->paused.lens[i], st->paused.labels[i])));
		st->lists_set = true;
	}
	else if (!st->const_args)
	{
		for (int a = 4; a < PG_NARGS(); a++)
		{
			StatusList *l = (a == 4) ? &st->paused : &st->stopped;

			if (PG_ARGISNULL(a) ? l->raw != NULL
				: (l->raw == NULL || !same_bytes(l->raw, PG_GETARG_DATUM(a))))
				differs_error(a == 4 ? "paused list" : "stopped list", false, l->raw,
							  PG_ARGISNULL(a) ? NULL : PG_DETOAST_DATUM(PG_GETARG_DATUM(a)));
		}
	}

	status = PG_GETARG_TEXT_PP(2);
	s = VARDATA_ANY(status);
	len = VARSIZE_ANY_EXHDR(status);
	if (list_has(&st->stopped, s, len))
		kind = CLOCK_STOP;
	else if (list_has(&st->paused, s, len))
		kind = CLOCK_PAUSE;
	else
		kind = CLOCK_RUN;
	state_add(st, aggcxt, at, kind);
	PG_RETURN_POINTER(st);
}

/*
 * The clock of sorted events: the status in force after each instant is the
 * highest kind among the events at it (they sort last).
 */
static SlaClock *
clock_from_events(const ClockEvent *ev, int n, struct varlena *hours, pg_tz *tz)
{
	ClockRun   *runs = palloc((n / 2 + 2) * sizeof(ClockRun));
	int			nruns = 0;
	int			state = -1;

	for (int i = 0; i < n; i++)
	{
		int			kind;

		CHECK_FOR_INTERRUPTS();
		/* the last event of this instant decides */
		if (i + 1 < n && ev[i + 1].at == ev[i].at)
			continue;
		kind = ev[i].kind;
		if (state == CLOCK_RUN && kind != CLOCK_RUN)
			runs[nruns - 1].end = ev[i].at;
		else if (state != CLOCK_RUN && kind == CLOCK_RUN)
		{
			runs[nruns].start = ev[i].at;
			runs[nruns].end = CLOCK_OPEN;
			nruns++;
		}
		state = kind;
	}
	return clock_build(NULL, state, ev[n - 1].at, runs, nruns, hours, tz);
}

/*
 * The calendar's zone, cached per call site: the zone of the last calendar
 * seen, keyed by the calendar's bytes
 */
typedef struct ZoneCache
{
	pg_tz	   *tz;
	struct varlena *hours;		/* a copy */
	struct varlena *constant;	/* a constant calendar of the query known to match */
} ZoneCache;

static pg_tz *
clock_zone(FunctionCallInfo fcinfo, struct varlena *hours, bool constant)
{
	ZoneCache  *zc = fcinfo->flinfo->fn_extra;

	if (zc == NULL)
	{
		zc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ZoneCache));
		fcinfo->flinfo->fn_extra = zc;
	}
	if (constant && zc->constant == hours)
		return zc->tz;
	zc->constant = NULL;
	if (zc->hours == NULL || VARSIZE(zc->hours) != VARSIZE(hours) ||
		memcmp(zc->hours, hours, VARSIZE(hours)) != 0)
	{
		zc->tz = hours_find_zone(hours_from_datum(PointerGetDatum(hours)));
		if (zc->hours)
			pfree(zc->hours);
		zc->hours = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(hours));
		memcpy(zc->hours, hours, VARSIZE(hours));
	}
	if (constant)
		zc->constant = hours;
	return zc->tz;
}

PG_FUNCTION_INFO_V1(ticket_clock_final);
Datum
ticket_clock_final(PG_FUNCTION_ARGS)
{
	ClockState *st;
	ClockEvent *ev;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (ClockState *) PG_GETARG_POINTER(0);
	if (st->nevents == 0)
		PG_RETURN_NULL();
	/* the state is left as it is (window use): sort a copy when out of order */
	ev = st->events;
	if (!st->sorted)
	{
		ev = palloc_extended(st->nevents * sizeof(ClockEvent), MCXT_ALLOC_HUGE);
		memcpy(ev, st->events, st->nevents * sizeof(ClockEvent));
		qsort(ev, st->nevents, sizeof(ClockEvent), cmp_event);
	}
	PG_RETURN_POINTER(clock_from_events(ev, st->nevents, st->hours,
										clock_zone(fcinfo, st->hours, st->const_args)));
}

static void
status_list_copy(StatusList *dst, const StatusList *src, MemoryContext cxt)
{
	if (src->raw)
		list_from_array(dst, PointerGetDatum(src->raw), cxt);
	else
		*dst = *src;			/* static labels */
}

static bool
status_list_equal(const StatusList *a, const StatusList *b)
{
	if (a->raw && b->raw)
		return same_bytes(a->raw, PointerGetDatum(b->raw));
	if (a->raw || b->raw)
		return false;
	/* both defaults or both empty */
	return a->n == b->n;
}

PG_FUNCTION_INFO_V1(ticket_clock_combine);
Datum
ticket_clock_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ClockState *a,
			   *b;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ticket_clock_combine called in a non-aggregate context")));
	a = PG_ARGISNULL(0) ? NULL : (ClockState *) PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (ClockState *) PG_GETARG_POINTER(1);
	if (b == NULL || b->nevents == 0)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL || a->nevents == 0)
	{
		/* copy b into the aggregate context */
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		a = state_new(aggcxt);
		a->hours = (struct varlena *) PG_DETOAST_DATUM_COPY(PointerGetDatum(b->hours));
		MemoryContextSwitchTo(old);
		status_list_copy(&a->paused, &b->paused, aggcxt);
		status_list_copy(&a->stopped, &b->stopped, aggcxt);
		a->lists_set = true;
	}
	else
	{
		if (!same_bytes(a->hours, PointerGetDatum(b->hours)))
			differs_error("calendar", true, a->hours, b->hours);
		if (!status_list_equal(&a->paused, &b->paused))
			differs_error("paused list", false, a->paused.raw, b->paused.raw);
		if (!status_list_equal(&a->stopped, &b->stopped))
			differs_error("stopped list", false, a->stopped.raw, b->stopped.raw);
	}
	for (int i = 0; i < b->nevents; i++)
	{
		CHECK_FOR_INTERRUPTS();
		state_add(a, aggcxt, b->events[i].at, b->events[i].kind);
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serial form (between the processes of one parallel query): the calendar's
 * bytes, each list as a flag and the array's bytes, the events.
 */
static void
send_varlena(StringInfo buf, struct varlena *v)
{
	pq_sendint32(buf, VARSIZE(v));
	pq_sendbytes(buf, (char *) v, VARSIZE(v));
}

static struct varlena *
recv_varlena(StringInfo buf)
{
	int			len = pq_getmsgint(buf, 4);
	struct varlena *v;

	if (len < VARHDRSZ || len > buf->len - buf->cursor)
		io_binary_error(CLOCK_TYPNAME, "Bad serialised aggregate state.");
	v = palloc(len);
	pq_copymsgbytes(buf, (char *) v, len);
	return v;
}

PG_FUNCTION_INFO_V1(ticket_clock_serialize);
Datum
ticket_clock_serialize(PG_FUNCTION_ARGS)
{
	ClockState *st = (ClockState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, st->hours != NULL);
	if (st->hours)
	{
		send_varlena(&buf, st->hours);
		for (int l = 0; l < 2; l++)
		{
			StatusList *list = l ? &st->stopped : &st->paused;

			/* 0: the defaults, 1: empty (a NULL list), 2: an array */
			pq_sendbyte(&buf, list->raw ? 2 : (list->n ? 0 : 1));
			if (list->raw)
				send_varlena(&buf, list->raw);
		}
	}
	pq_sendint32(&buf, st->nevents);
	for (int i = 0; i < st->nevents; i++)
	{
		pq_sendint64(&buf, st->events[i].at);
		pq_sendbyte(&buf, st->events[i].kind);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(ticket_clock_deserialize);
Datum
ticket_clock_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	StringInfoData buf;
	ClockState *st;
	int			n;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ticket_clock_deserialize called in a non-aggregate context")));
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	io_check_version(&buf, CLOCK_TYPNAME);
	st = state_new(aggcxt);
	if (pq_getmsgbyte(&buf))
	{
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		st->hours = recv_varlena(&buf);
		MemoryContextSwitchTo(old);
		for (int l = 0; l < 2; l++)
		{
			StatusList *list = l ? &st->stopped : &st->paused;
			int			how = pq_getmsgbyte(&buf);

			if (how == 2)
				list_from_array(list, PointerGetDatum(recv_varlena(&buf)), aggcxt);
			else if (how == 1)
				list_from_defaults(list, NULL, 0, aggcxt);
			else
				list_from_defaults(list, l ? default_stopped : default_paused, 2, aggcxt);
		}
		st->lists_set = true;
	}
	n = pq_getmsgint(&buf, 4);
	if (n < 0 || n > (buf.len - buf.cursor) / 9)
		io_binary_error(CLOCK_TYPNAME, "Bad serialised aggregate state.");
	for (int i = 0; i < n; i++)
	{
		int64		at = pq_getmsgint64(&buf);
		int			kind = pq_getmsgbyte(&buf);

		if (kind > CLOCK_STOP)
			io_binary_error(CLOCK_TYPNAME, "Bad serialised aggregate state.");
		state_add(st, aggcxt, at, kind);
	}
	io_check_end(&buf, CLOCK_TYPNAME);
	PG_RETURN_POINTER(st);
}

/* ---- accessors ----------------------------------------------------------- */

/* working time of c before as_of (the whole clock up to its last event: no as_of) */
static int64
clock_elapsed(const SlaClock *c, bool have_as_of, TimestampTz as_of)
{
	int			lo = 0,
				hi = c->nruns;
	const ClockRun *r;
	int64		end;

	if (!have_as_of)
		return c->total;
	if (TIMESTAMP_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of must be a finite timestamp")));
	/* the last run starting before as_of */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (c->runs[mid].start < as_of)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	r = &c->runs[lo - 1];
	end = Min(r->end, as_of);
	{
		const struct BusinessHours *h = clock_hours(c);

		return r->before + hours_worked(h, hours_find_zone(h), r->start, end);
	}
}

static Interval *
usec_interval(int64 usec)
{
	Interval   *result = palloc0(sizeof(Interval));

	result->time = usec;
	return result;
}

/* a target in hours, minutes and seconds, not negative (22023 otherwise) */
static int64
target_usec(Interval *target)
{
	return kit_working_time(target, "an SLA target");
}

/* elapsed(c, as_of DEFAULT NULL) */
PG_FUNCTION_INFO_V1(sla_clock_elapsed);
Datum
sla_clock_elapsed(PG_FUNCTION_ARGS)
{
	SlaClock   *c;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	c = PG_GETARG_CLOCK(0);
	PG_RETURN_INTERVAL_P(usec_interval(clock_elapsed(c, !PG_ARGISNULL(1),
													 PG_ARGISNULL(1) ? 0 : PG_GETARG_TIMESTAMPTZ(1))));
}

PG_FUNCTION_INFO_V1(sla_clock_is_running);
Datum
sla_clock_is_running(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CLOCK(0)->state == CLOCK_RUN);
}

PG_FUNCTION_INFO_V1(sla_clock_is_paused);
Datum
sla_clock_is_paused(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CLOCK(0)->state == CLOCK_PAUSE);
}

PG_FUNCTION_INFO_V1(sla_clock_is_stopped);
Datum
sla_clock_is_stopped(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CLOCK(0)->state == CLOCK_STOP);
}

/*
 * due_at(c, target): when the clock reaches target if it keeps running (in
 * the past when it already has); NULL while paused or stopped.
 */
PG_FUNCTION_INFO_V1(sla_clock_due_at);
Datum
sla_clock_due_at(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_CLOCK(0);
	int64		target = target_usec(PG_GETARG_INTERVAL_P(1));
	int			k;
	FmgrInfo   *add;
	Interval	work;

	if (c->state != CLOCK_RUN)
		PG_RETURN_NULL();
	/* the first run by whose end target is reached (the open last one at the latest) */
	for (k = 0; k < c->nruns - 1; k++)
		if (c->runs[k + 1].before >= target)
			break;
	/* business_add from that run's start, with its zone cache in our fn_extra */
	add = fcinfo->flinfo->fn_extra;
	if (add == NULL)
	{
		add = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
		add->fn_addr = business_add;
		add->fn_nargs = 3;
		add->fn_strict = true;
		add->fn_mcxt = fcinfo->flinfo->fn_mcxt;
		add->fn_oid = InvalidOid;
		fcinfo->flinfo->fn_extra = add;
	}
	memset(&work, 0, sizeof(work));
	work.time = target - c->runs[k].before;
	PG_RETURN_DATUM(FunctionCall3(add, PointerGetDatum(CLOCK_HOURS(c)),
								  TimestampTzGetDatum(c->runs[k].start),
								  IntervalPGetDatum(&work)));
}

/* breached(c, target, as_of DEFAULT NULL): more than target has run */
PG_FUNCTION_INFO_V1(sla_clock_breached);
Datum
sla_clock_breached(PG_FUNCTION_ARGS)
{
	SlaClock   *c;
	int64		target;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	c = PG_GETARG_CLOCK(0);
	target = target_usec(PG_GETARG_INTERVAL_P(1));
	PG_RETURN_BOOL(clock_elapsed(c, !PG_ARGISNULL(2),
								 PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2)) > target);
}

/* remaining(c, target, as_of DEFAULT NULL): target minus elapsed, negative once breached */
PG_FUNCTION_INFO_V1(sla_clock_remaining);
Datum
sla_clock_remaining(PG_FUNCTION_ARGS)
{
	SlaClock   *c;
	int64		target;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	c = PG_GETARG_CLOCK(0);
	target = target_usec(PG_GETARG_INTERVAL_P(1));
	PG_RETURN_INTERVAL_P(usec_interval(target - clock_elapsed(c, !PG_ARGISNULL(2),
															  PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2))));
}

/* ---- equality ------------------------------------------------------------ */

/*
 * A value is canonical (one layout per clock, reserved fields and padding
 * zero, the calendar canonical), so two clocks are equal exactly when their
 * bytes are.
 */
static bool
clock_equal(FunctionCallInfo fcinfo)
{
	SlaClock   *a = PG_GETARG_CLOCK(0);
	SlaClock   *b = PG_GETARG_CLOCK(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(sla_clock_eq);
Datum
sla_clock_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(clock_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(sla_clock_ne);
Datum
sla_clock_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!clock_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(sla_clock_hash);
Datum
sla_clock_hash(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_CLOCK(0);

	PG_RETURN_DATUM(hash_any((unsigned char *) c + VARHDRSZ, VARSIZE(c) - VARHDRSZ));
}

PG_FUNCTION_INFO_V1(sla_clock_hash_extended);
Datum
sla_clock_hash_extended(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_CLOCK(0);

	PG_RETURN_DATUM(hash_any_extended((unsigned char *) c + VARHDRSZ, VARSIZE(c) - VARHDRSZ,
									  PG_GETARG_INT64(1)));
}
