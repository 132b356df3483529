/*-------------------------------------------------------------------------
 *
 * sla_clock.c
 *	  The sla_clock type (a ticket's SLA clock: when it ran, in a calendar's
 *	  working time), the clock of a ticket's sorted status changes (the final
 *	  step of the ticket_clock aggregate, whose state is ticket_changes, see
 *	  ticket_changes.c), and the accessors: elapsed, is_running, is_paused,
 *	  is_stopped, due_at, breached, remaining.
 *
 * Meaning.  Each event (at, status) sets the ticket's status from `at` on.  A
 * status in the paused list pauses the clock, one in the stopped list stops
 * it, any other status (unknown ones too) runs it.  Events at one instant: the
 * status in force after that instant is the one that stops, else the one that
 * pauses, else a running one (ties last no time, so only which one is left in
 * force matters).  The clock counts the calendar's working time
 * (business_time) over the stretches where it runs.
 *
 * There is no rollup of sla_clock values: a clock keeps the stretches it ran,
 * not the statuses, so two clocks of one ticket that overlap in time cannot be
 * merged.  The changes (ticket_changes) roll up instead.
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
#include "sla_clock.h"
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
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#define CLOCK_TYPNAME		"sla_clock"

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

/* an instant in ISO and UTC, whatever the session's DateStyle and TimeZone */
void
clock_append_instant(StringInfo out, int64 t, const char *typname)
{
	char		buf[MAXDATELEN + 1];

	if (!io_timestamptz_text(t, buf))
		io_corrupt_value(typname, "An instant is out of range.");
	appendStringInfoString(out, buf);
}

static char *
clock_text(const SlaClock *c)
{
	StringInfoData out;

	initStringInfo(&out);
	appendStringInfo(&out, "%s at ", state_names[c->state]);
	clock_append_instant(&out, c->last, CLOCK_TYPNAME);
	appendStringInfoString(&out, "; runs ");
	if (c->nruns == 0)
		appendStringInfoString(&out, "none");
	for (int i = 0; i < c->nruns; i++)
	{
		appendStringInfoString(&out, i ? ", [" : "[");
		clock_append_instant(&out, c->runs[i].start, CLOCK_TYPNAME);
		appendStringInfoString(&out, ", ");
		if (c->runs[i].end != CLOCK_OPEN)
			clock_append_instant(&out, c->runs[i].end, CLOCK_TYPNAME);
		appendStringInfoChar(&out, ')');
	}
	appendStringInfo(&out, "; hours %s",
					 DatumGetCString(DirectFunctionCall1(business_hours_out,
														 PointerGetDatum(CLOCK_HOURS(c)))));
	return out.data;
}

/* expect the keyword `word` at *p (blanks before it skipped), case-insensitively */
void
clock_expect_word(const char **p, const char *word, const char *typname, const char *input)
{
	const char *s = io_skip_blanks(*p);
	int			n = strlen(word);

	if (pg_strncasecmp(s, word, n) != 0 ||
		(s[n] != '\0' && !io_is_blank(s[n]) && s[n] != ';' && s[n] != '[' && s[n] != '{'))
		io_syntax_error(typname, input, "Expected \"%s\" at \"%s\".", word, s);
	*p = s + n;
}

void
clock_expect_char(const char **p, char ch, const char *typname, const char *input)
{
	const char *s = io_skip_blanks(*p);

	if (*s != ch)
		io_syntax_error(typname, input, "Expected \"%c\" at \"%s\".", ch, s);
	*p = s + 1;
}

/* an instant: the text from *p up to the next `stop` character */
int64
clock_read_instant(const char **p, char stop, const char *typname, const char *input)
{
	const char *s = io_skip_blanks(*p);
	const char *e = strchr(s, stop);
	const char *t;

	if (e == NULL || e == s)
		io_syntax_error(typname, input, "Expected a timestamp followed by \"%c\" at \"%s\".",
						stop, s);
	for (t = e; t > s && io_is_blank(t[-1]); t--)
		;
	*p = e;
	return io_read_timestamptz(s, t - s);
}

/* a calendar from its text form (business_hours input) */
struct varlena *
clock_hours_in(const char *text)
{
	return (struct varlena *) DatumGetPointer(DirectFunctionCall3(business_hours_in,
																  CStringGetDatum(text),
																  ObjectIdGetDatum(InvalidOid),
																  Int32GetDatum(-1)));
}

/* the last field of a text form: "; hours <calendar>" */
struct varlena *
clock_read_hours(const char *p, const char *typname, const char *input)
{
	clock_expect_char(&p, ';', typname, input);
	clock_expect_word(&p, "hours", typname, input);
	return clock_hours_in(io_skip_blanks(p));
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
	clock_expect_word(&p, "at", CLOCK_TYPNAME, input);
	last = clock_read_instant(&p, ';', CLOCK_TYPNAME, input);
	clock_expect_char(&p, ';', CLOCK_TYPNAME, input);
	clock_expect_word(&p, "runs", CLOCK_TYPNAME, input);
	p = io_skip_blanks(p);
	if (pg_strncasecmp(p, "none", 4) == 0)
		p += 4;
	else
	{
		for (;;)
		{
			ClockRun	r;
			const char *s;

			clock_expect_char(&p, '[', CLOCK_TYPNAME, input);
			r.start = clock_read_instant(&p, ',', CLOCK_TYPNAME, input);
			p++;
			s = io_skip_blanks(p);
			if (*s == ')')
			{
				r.end = CLOCK_OPEN;
				p = s;
			}
			else
				r.end = clock_read_instant(&p, ')', CLOCK_TYPNAME, input);
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
	hours = clock_read_hours(p, CLOCK_TYPNAME, input);
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
	hours = clock_hours_in(text);
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

/* ---- a clock from a ticket's changes ------------------------------------ */

int
clock_event_cmp(const void *a, const void *b)
{
	const ClockEvent *x = a,
			   *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
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
 * seen, keyed by the calendar's bytes (a compare of a few dozen bytes per
 * clock instead of a zone lookup)
 */
typedef struct ZoneCache
{
	pg_tz	   *tz;
	struct varlena *hours;		/* a copy */
} ZoneCache;

static pg_tz *
clock_zone(FunctionCallInfo fcinfo, struct varlena *hours)
{
	ZoneCache  *zc = fcinfo->flinfo->fn_extra;

	if (zc == NULL)
	{
		zc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ZoneCache));
		fcinfo->flinfo->fn_extra = zc;
	}
	if (zc->hours == NULL || VARSIZE(zc->hours) != VARSIZE(hours) ||
		memcmp(zc->hours, hours, VARSIZE(hours)) != 0)
	{
		zc->tz = hours_find_zone(hours_from_datum(PointerGetDatum(hours)));
		if (zc->hours)
			pfree(zc->hours);
		zc->hours = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(hours));
		memcpy(zc->hours, hours, VARSIZE(hours));
	}
	return zc->tz;
}

Datum
sla_clock_from_events(FunctionCallInfo fcinfo, const ClockEvent *ev, int n, struct varlena *hours)
{
	return PointerGetDatum(clock_from_events(ev, n, hours, clock_zone(fcinfo, hours)));
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
 * zero, the calendar canonical)
 */
KIT_BYTEWISE_EQUALITY(sla_clock, PG_GETARG_CLOCK)
