/*-------------------------------------------------------------------------
 *
 * funnel_io.c
 *	  funnel_events as text and binary data, and its equality; input and
 *	  recv check a state with the same validator as the aggregates.
 *
 * src/funnel_io.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

/* ---- funnel_events: text and binary forms ---------------------------------- */

/*
 * Text form:
 *   window_funnel 3 0 86400000000 0 'strict_order': 2026-01-01 10:00:00+00 1,2; ...
 * (the timestamps in ISO and UTC since 1.2, so the text does not depend on the
 * session; input reads any form timestamptz reads, 1.1's output among them)
 * i.e. kind, number of steps, the window as days, microseconds and months,
 * the quoted mode or pattern, then each event's timestamp and its steps
 * ("-" for a row matching none; in a window_funnel_excluding state "x" is
 * the exclusion condition).
 */
PG_FUNCTION_INFO_V1(funnel_events_out);
Datum
funnel_events_out(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_state_read(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			i,
				b;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s %d %d " INT64_FORMAT " %d '", funnel_kind_names[s->kind], s->nsteps,
					 s->within.day, s->within.time, s->within.month);
	for (i = 0; i < s->paramlen; i++)
	{
		if (s->data[i] == '\'')
			appendStringInfoChar(&buf, '\'');
		appendStringInfoChar(&buf, s->data[i]);
	}
	appendStringInfoChar(&buf, '\'');
	for (i = 0; i < s->count; i++)
	{
		uint32		mask = funnel_mask(s, i);
		bool		first = true;
		char		ts[MAXDATELEN + 1];

		CHECK_FOR_INTERRUPTS();
		/* ISO in UTC, whatever the session's DateStyle and TimeZone */
		if (!io_timestamptz_text(funnel_times(s)[i], ts))
			io_corrupt_value("funnel_events", "Event %d has an invalid time.", i + 1);
		appendStringInfo(&buf, "%s%s ", i == 0 ? ": " : "; ", ts);
		for (b = 0; b < FUNNEL_MAX_STEPS; b++)
			if (mask & ((uint32) 1 << b))
			{
				/* window_funnel_excluding: bit 31 is the exclusion, "x" */
				if (s->kind == FUNNEL_KIND_EXCLUDING && (uint32) 1 << b == FUNNEL_EXCLUDED)
					appendStringInfo(&buf, "%sx", first ? "" : ",");
				else
					appendStringInfo(&buf, "%s%d", first ? "" : ",", b + 1);
				first = false;
			}
		if (first)
			appendStringInfoChar(&buf, '-');
	}
	PG_RETURN_CSTRING(buf.data);
}

/* events are valid for the state's parameters (input and recv share this) */
static void
funnel_check_event(FunnelState *s, uint32 mask, bool binary)
{
	uint32		allowed = FUNNEL_STEP_BITS(s->nsteps) |
		(s->kind == FUNNEL_KIND_EXCLUDING ? FUNNEL_EXCLUDED : 0);
	bool		bad = (mask & ~allowed) != 0 ||
		(mask == 0 && !(FUNNEL_IS_WINDOW(s->kind) && (s->flags & MODE_ORDER)));

	if (!bad)
		return;
	if (binary)
		io_binary_error("funnel_events", "an event's steps do not fit the state");
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type funnel_events"),
			 errdetail("An event's steps must be among 1..%d (and x, the exclusion, in a window_funnel_excluding state); an event with none is kept only in strict_order mode.",
					   s->nsteps)));
}

PG_FUNCTION_INFO_V1(funnel_events_in);
Datum
funnel_events_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = io_skip_blanks(str);
	int			kind;
	int			nsteps;
	Interval	within;
	StringInfoData param;
	FunnelState *s;

	for (kind = 0; kind < FUNNEL_NKINDS; kind++)
		if (strncmp(p, funnel_kind_names[kind], strlen(funnel_kind_names[kind])) == 0 &&
			io_is_blank(p[strlen(funnel_kind_names[kind])]))
			break;
	if (kind >= FUNNEL_NKINDS)
		io_syntax_error("funnel_events", str, "Expected window_funnel, window_funnel_excluding or sequence first.");
	p += strlen(funnel_kind_names[kind]);
	nsteps = (int) io_read_int64(&p, 0, FUNNEL_MAX_STEPS, "number of steps", "funnel_events", str);
	/* a field may be negative: the window is judged whole (funnel_check_params) */
	within.day = (int32) io_read_int64(&p, PG_INT32_MIN, PG_INT32_MAX, "window days", "funnel_events", str);
	within.time = io_read_int64(&p, PG_INT64_MIN, PG_INT64_MAX, "window microseconds", "funnel_events", str);
	within.month = (int32) io_read_int64(&p, PG_INT32_MIN, PG_INT32_MAX, "window months", "funnel_events", str);
	if (kind == FUNNEL_KIND_SEQUENCE && (within.day || within.time || within.month))
		io_syntax_error("funnel_events", str, "A sequence state has no window (0 0 0).");
	p = io_skip_blanks(p);
	if (*p++ != '\'')
		io_syntax_error("funnel_events", str, "Expected the quoted mode or pattern.");
	initStringInfo(&param);
	for (;;)
	{
		if (*p == '\0')
			io_syntax_error("funnel_events", str, "Unterminated quoted mode or pattern.");
		if (*p == '\'' && p[1] != '\'')
			break;
		if (*p == '\'')
			p++;
		appendStringInfoChar(&param, *p++);
	}
	p++;
	s = funnel_state_new(NULL, kind, nsteps, &within, param.data, param.len, 4);
	p = io_skip_blanks(p);
	if (*p == ':')
	{
		p++;
		for (;;)
		{
			const char *ts_start = io_skip_blanks(p);
			const char *ts_end;
			const char *q;
			uint32		mask = 0;
			TimestampTz at;

			/* the timestamp runs up to the blank before the step list */
			q = ts_start;
			while (*q && *q != ';')
				q++;
			ts_end = q;
			while (ts_end > ts_start && io_is_blank(ts_end[-1]))
				ts_end--;
			while (ts_end > ts_start && !io_is_blank(ts_end[-1]))
				ts_end--;
			p = ts_end;
			while (ts_end > ts_start && io_is_blank(ts_end[-1]))
				ts_end--;
			if (ts_end <= ts_start)
				io_syntax_error("funnel_events", str, "Expected a timestamp and a step list.");
			at = io_read_timestamptz(ts_start, (int) (ts_end - ts_start));
			if (*p == '-')
				p++;
			else
				for (;;)
				{
					p = io_skip_blanks(p);
					if (*p == 'x' && kind == FUNNEL_KIND_EXCLUDING)
					{
						p++;
						mask |= FUNNEL_EXCLUDED;
					}
					else
					{
						int64		step = io_read_int64(&p, 1, FUNNEL_KIND_MAX_STEPS(kind), "step", "funnel_events", str);

						mask |= (uint32) 1 << (step - 1);
					}
					if (*p != ',')
						break;
					p++;
				}
			funnel_check_event(s, mask, false);
			s = funnel_append(s, at, mask);
			p = io_skip_blanks(p);
			if (*p != ';')
				break;
			p++;
		}
	}
	if (*io_skip_blanks(p) != '\0')
		io_syntax_error("funnel_events", str, "Unexpected text after the events.");
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(funnel_events_send);
Datum
funnel_events_send(PG_FUNCTION_ARGS)
{
	FunnelState *s = funnel_state_read(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			i;

	/* the same form for every layout (funnel.h) */
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, s->kind);
	pq_sendbyte(&buf, s->nsteps);
	pq_sendint32(&buf, s->within.day);
	pq_sendint64(&buf, s->within.time);
	pq_sendint32(&buf, s->within.month);
	pq_sendint32(&buf, s->paramlen);
	pq_sendbytes(&buf, s->data, s->paramlen);
	pq_sendint32(&buf, s->count);
	for (i = 0; i < s->count; i++)
	{
		pq_sendint64(&buf, funnel_times(s)[i]);
		pq_sendint32(&buf, funnel_mask(s, i));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(funnel_events_recv);
Datum
funnel_events_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			kind,
				nsteps,
				plen,
				count,
				i;
	Interval	within;
	char	   *param;
	FunnelState *s;

	io_check_version(buf, "funnel_events");
	if (buf->len - buf->cursor < 2 + 4 + 8 + 4 + 4)
		io_binary_error("funnel_events", "too short");
	kind = pq_getmsgbyte(buf);
	nsteps = pq_getmsgbyte(buf);
	within.day = pq_getmsgint(buf, 4);
	within.time = pq_getmsgint64(buf);
	within.month = pq_getmsgint(buf, 4);
	plen = pq_getmsgint(buf, 4);
	if (kind >= FUNNEL_NKINDS)
		io_binary_error("funnel_events", "unknown kind %d", kind);
	if (nsteps > FUNNEL_KIND_MAX_STEPS(kind))
		io_binary_error("funnel_events", "%d steps (at most %d)", nsteps, FUNNEL_KIND_MAX_STEPS(kind));
	if (kind == FUNNEL_KIND_SEQUENCE && (within.day || within.time || within.month))
		io_binary_error("funnel_events", "a sequence state with a window");
	if (kit_interval_usecs(&within) < 0)
		io_binary_error("funnel_events", "negative window");
	if (plen < 0 || plen > buf->len - buf->cursor - 4)
		io_binary_error("funnel_events", "bad parameter length %d", plen);
	param = (char *) pq_getmsgbytes(buf, plen);
	/* the parameter is text: a zero byte inside it would cut it short */
	if (memchr(param, '\0', plen) != NULL)
		io_binary_error("funnel_events", "the parameter contains a zero byte");
	param = pnstrdup(param, plen);
	count = pq_getmsgint(buf, 4);
	if (count < 0 || count > FUNNEL_MAX_EVENTS || (int64) count * 12 != buf->len - buf->cursor)
		io_binary_error("funnel_events", "bad event count %d", count);
	s = funnel_state_new(NULL, kind, nsteps, &within, param, plen, Max(count, 1));
	for (i = 0; i < count; i++)
	{
		TimestampTz at = pq_getmsgint64(buf);
		uint32		mask = pq_getmsgint(buf, 4);

		if (!IS_VALID_TIMESTAMP(at) && !TIMESTAMP_NOT_FINITE(at))
			io_binary_error("funnel_events", "timestamp out of range");
		funnel_check_event(s, mask, true);
		funnel_set_event(s, i, at, mask);
	}
	s->count = count;
	io_check_end(buf, "funnel_events");
	PG_RETURN_POINTER(s);
}

/*
 * Equal: the same parameters and the same events, in any order (a state's
 * order is arrival order, which says nothing).
 */
static bool
funnel_events_equal(FunctionCallInfo fcinfo)
{
	FunnelState *a = funnel_state_read(PG_GETARG_DATUM(0));
	FunnelState *b = funnel_state_read(PG_GETARG_DATUM(1));
	FunnelEvent *ea,
			   *eb;
	bool		result;

	if (!funnel_same_params(a, b->kind, b->nsteps, &b->within, b->data, b->paramlen) ||
		a->count != b->count)
		return false;
	ea = funnel_sorted(a, NULL, 0);
	eb = funnel_sorted(b, NULL, 0);
	result = true;
	for (int i = 0; i < a->count && result; i++)
		result = ea[i].at == eb[i].at && ea[i].mask == eb[i].mask;
	pfree(ea);
	pfree(eb);
	return result;
}

PG_FUNCTION_INFO_V1(funnel_events_eq);
Datum
funnel_events_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(funnel_events_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(funnel_events_ne);
Datum
funnel_events_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!funnel_events_equal(fcinfo));
}
