/*-------------------------------------------------------------------------
 *
 * funnel.c
 *	  Event funnels with the semantics of ClickHouse's parametric aggregates:
 *	  window_funnel, sequence_match, sequence_count (state funnel_events) and
 *	  retention (state: a bigint of condition bits).  This file holds the
 *	  funnel_events state: its parameters, the transition and combine
 *	  functions, and what the final functions share; the other files of the
 *	  funnels are listed in funnel.h.
 *
 * The funnel_events state keeps, per row that matches some step or
 * condition, its timestamp and a bitmask of the steps it matches (rows that
 * match nothing are not kept, except in window_funnel's strict_order mode,
 * where such a row breaks a chain).  It also carries the aggregate's
 * parameters (which function, the number of steps, the window and the mode or
 * pattern text), taken from the first row, so the final function needs
 * nothing else.  Rows are appended in arrival order and sorted only at the
 * end, so partial states combine in any order to the same answer.
 *
 * The varlena keeps room to grow: VARSIZE covers the capacity and "count"
 * says how many events are used.  When full, a state twice the size is made
 * in the per-row context and returned; the executor copies it into the
 * aggregate's context and frees the old one, so growth costs O(1) per row
 * amortised and nothing leaks.
 *
 * src/funnel.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

const char *const funnel_kind_names[] = {"window_funnel", "sequence"};
const char *const funnel_kind_functions[] = {"window_funnel", "sequence_match/sequence_count"};

/* window_funnel's modes: mode i is flag 1 << i (MODE_* in funnel.h) */
static const char *const funnel_modes[] =
{
	"strict_deduplication", "strict_order", "strict_increase", "strict_once", "allow_reentry",
};
StaticAssertDecl(MODE_REENTRY == 1 << (lengthof(funnel_modes) - 1),
				 "funnel_modes must list the MODE_* flags in order");

/* ---- parameters ------------------------------------------------------------ */

/* modes separated by commas, each folded as every keyword is (kit.c) */
static uint8
funnel_parse_mode(const char *mode, int len)
{
	static const char *const old_strict[] = {"strict"};
	uint8		flags = 0;
	const char *p = mode;
	const char *end = mode + len;

	while (p < end)
	{
		const char *comma = memchr(p, ',', end - p);
		const char *stop = comma ? comma : end;
		int			i = kit_match_keyword(p, stop - p, funnel_modes, lengthof(funnel_modes));

		if (i < 0)
		{
			const char *b = p;
			const char *e = stop;

			while (b < e && io_is_blank(*b))
				b++;
			while (e > b && io_is_blank(e[-1]))
				e--;
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown window_funnel mode \"%.*s\"", (int) (e - b), b),
					 kit_match_keyword(b, e - b, old_strict, 1) == 0 ?
					 errhint("\"strict\" is now called \"strict_deduplication\".") :
					 errhint("Modes are strict_order, strict_deduplication, strict_increase, strict_once and allow_reentry, separated by commas.")));
		}
		flags |= (uint8) (1 << i);
		p = comma ? comma + 1 : end;
	}
	if ((flags & MODE_REENTRY) && !(flags & MODE_ORDER))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel mode allow_reentry requires strict_order"),
				 errdetail("The mode was \"%.*s\".", len, mode)));
	return flags;
}

/* the parameters of a state are valid: shared by creation, input and recv */
static uint8
funnel_check_params(int kind, int nsteps, const Interval *within,
					const char *param, int paramlen)
{
	if (nsteps > FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s takes at most %d %s, not %d", funnel_kind_functions[kind],
						FUNNEL_MAX_STEPS, kind == FUNNEL_KIND_WINDOW ? "steps" : "conditions",
						nsteps)));
	if (kind == FUNNEL_KIND_WINDOW)
	{
		/* judged whole, as everywhere (kit_interval_usecs): '1 day -1 hour' is 23 hours */
		if (kit_interval_usecs(within) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel window must not be negative")));
		return funnel_parse_mode(param, paramlen);
	}
	pfree(funnel_pattern_parse(param, paramlen, nsteps));
	return 0;
}

/*
 * A state with room for capacity events and the events of "from" (if any)
 * copied in; its parameters are "from"'s or, with from NULL, the ones given,
 * checked.
 */
FunnelState *
funnel_state_new(const FunnelState *from, int kind, int nsteps, const Interval *within,
				 const char *param, int paramlen, int capacity)
{
	Size		size;
	FunnelState *s;

	if (from)
	{
		kind = from->kind;
		nsteps = from->nsteps;
		within = &from->within;
		param = from->data;
		paramlen = from->paramlen;
	}
	size = FS_SIZE(paramlen, capacity);
	if (capacity > FUNNEL_MAX_EVENTS || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many events for one funnel group")));
	/* zeroed whole: the padding and the unused room may be stored on disk */
	s = palloc0(size);
	SET_VARSIZE(s, size);
	s->version = INTERACTION_FORMAT_VERSION;
	s->kind = kind;
	s->nsteps = nsteps;
	s->flags = from ? from->flags : funnel_check_params(kind, nsteps, within, param, paramlen);
	s->count = 0;
	s->capacity = capacity;
	s->paramlen = paramlen;
	s->within = *within;
	memcpy(s->data, param, paramlen);
	if (from)
	{
		memcpy(FS_EVENTS(s), FS_EVENTS(from), sizeof(FunnelEvent) * from->count);
		s->count = from->count;
	}
	return s;
}

bool
funnel_same_params(const FunnelState *s, int kind, int nsteps, const Interval *within,
				   const char *param, int paramlen)
{
	return s->kind == kind && s->nsteps == nsteps &&
		s->within.time == within->time && s->within.day == within->day &&
		s->within.month == within->month &&
		s->paramlen == paramlen && memcmp(s->data, param, paramlen) == 0;
}

static void
funnel_params_differ(const FunnelState *s)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s parameters must be the same for every row of a group",
					funnel_kind_functions[s->kind]),
			 errdetail("The window, the mode or pattern and the number of %s are parameters, like ClickHouse's; the first row gave %d.",
					   s->kind == FUNNEL_KIND_WINDOW ? "steps" : "conditions", s->nsteps)));
}

/* ---- transition ------------------------------------------------------------ */

/*
 * One row: NULL timestamps are skipped, NULL conditions are false.  The
 * parameters are checked against the state on every row (a compare of a few
 * bytes) so a non-constant parameter is an error, never a silent mix.
 */
static Datum
funnel_add(FunctionCallInfo fcinfo, int kind, const Interval *within,
		   const char *ptext, int plen, int at_arg, int conds_arg)
{
	FunnelState *s = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);
	ArrayType  *conds = PG_ARGISNULL(conds_arg) ? NULL : PG_GETARG_ARRAYTYPE_P(conds_arg);
	int			nsteps = 0;
	uint32		mask = 0;

	if (conds)
	{
		bits8	   *nulls = ARR_NULLBITMAP(conds);
		const bool *v = funnel_array_bools(conds);
		int			i,
					k = 0;

		if (ARR_NDIM(conds) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("%s conditions must be a one-dimensional array",
							funnel_kind_functions[kind])));
		nsteps = ARR_NDIM(conds) == 1 ? ARR_DIMS(conds)[0] : 0;
		if (nsteps > FUNNEL_MAX_STEPS)
			funnel_check_params(kind, nsteps, within, ptext, plen);
		for (i = 0; i < nsteps; i++)
		{
			if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			if (v[k++])
				mask |= (uint32) 1 << i;
		}
	}

	if (s == NULL)
		s = funnel_state_new(NULL, kind, nsteps, within, ptext, plen, 4);
	else
	{
		/*
		 * In an aggregate the state is the one we returned: changed in place.
		 * Called as a plain function, it may be a stored value (short header,
		 * compressed or out of line): read a detoasted copy, never the datum.
		 */
		if (!kit_in_aggregate(fcinfo, NULL))
			s = NULL;
		if (s == NULL || VARATT_IS_EXTENDED(s))
		{
			s = (FunnelState *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
			if (s->count > s->capacity)
				io_corrupt_value("funnel_events", "count beyond capacity");
		}
		if (unlikely(!funnel_same_params(s, kind, nsteps, within, ptext, plen)))
			funnel_params_differ(s);
	}

	if (PG_ARGISNULL(at_arg))
		PG_RETURN_POINTER(s);
	if (mask == 0 && !(kind == FUNNEL_KIND_WINDOW && (s->flags & MODE_ORDER)))
		PG_RETURN_POINTER(s);

	if (s->count == s->capacity)
		s = funnel_state_new(s, 0, 0, NULL, NULL, 0, s->capacity * 2);
	FS_EVENTS(s)[s->count].at = PG_GETARG_TIMESTAMPTZ(at_arg);
	FS_EVENTS(s)[s->count].mask = mask;
	s->count++;
	PG_RETURN_POINTER(s);
}

/* parameters may not be NULL: they are not data */
static void
funnel_param_not_null(FunctionCallInfo fcinfo, int argno, const char *what)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", what)));
}

PG_FUNCTION_INFO_V1(funnel_events_trans_window);
Datum
funnel_events_trans_window(PG_FUNCTION_ARGS)
{
	funnel_param_not_null(fcinfo, 1, "window_funnel window");
	return funnel_add(fcinfo, FUNNEL_KIND_WINDOW, PG_GETARG_INTERVAL_P(1), "", 0, 2, 3);
}

PG_FUNCTION_INFO_V1(funnel_events_trans_window_mode);
Datum
funnel_events_trans_window_mode(PG_FUNCTION_ARGS)
{
	text	   *mode;

	funnel_param_not_null(fcinfo, 1, "window_funnel window");
	funnel_param_not_null(fcinfo, 2, "window_funnel mode");
	mode = PG_GETARG_TEXT_PP(2);
	return funnel_add(fcinfo, FUNNEL_KIND_WINDOW, PG_GETARG_INTERVAL_P(1),
					  VARDATA_ANY(mode), VARSIZE_ANY_EXHDR(mode), 3, 4);
}

PG_FUNCTION_INFO_V1(funnel_events_trans_sequence);
Datum
funnel_events_trans_sequence(PG_FUNCTION_ARGS)
{
	static const Interval zero;
	text	   *pattern;

	funnel_param_not_null(fcinfo, 1, "sequence pattern");
	pattern = PG_GETARG_TEXT_PP(1);
	return funnel_add(fcinfo, FUNNEL_KIND_SEQUENCE, &zero,
					  VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern), 2, 3);
}

PG_FUNCTION_INFO_V1(funnel_events_combine);
Datum
funnel_events_combine(PG_FUNCTION_ARGS)
{
	FunnelState *a = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	FunnelState *b = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	FunnelState *r;

	if (!funnel_same_params(a, b->kind, b->nsteps, &b->within, b->data, b->paramlen))
		funnel_params_differ(a);
	if ((int64) a->count + b->count > FUNNEL_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many events for one funnel group")));
	r = funnel_state_new(a, 0, 0, NULL, NULL, 0, Max(a->count + b->count, 1));
	memcpy(FS_EVENTS(r) + a->count, FS_EVENTS(b), sizeof(FunnelEvent) * b->count);
	r->count += b->count;
	PG_RETURN_POINTER(r);
}

/* ---- final: the sorted events --------------------------------------------- */

static int
funnel_event_cmp(const void *x, const void *y)
{
	const FunnelEvent *a = x;
	const FunnelEvent *b = y;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->mask != b->mask)
		return a->mask < b->mask ? -1 : 1;
	return 0;
}

/* a sorted copy: the state is left as it is (final functions may not change it) */
FunnelEvent *
funnel_sorted(FunnelState *s)
{
	FunnelEvent *ev = palloc(sizeof(FunnelEvent) * Max(s->count, 1));

	memcpy(ev, FS_EVENTS(s), sizeof(FunnelEvent) * s->count);
	qsort(ev, s->count, sizeof(FunnelEvent), funnel_event_cmp);
	return ev;
}

TimestampTz
funnel_deadline(FunnelState *s, TimestampTz first)
{
	if (s->within.month == 0 && s->within.day == 0)
	{
		TimestampTz d;

		if (TIMESTAMP_NOT_FINITE(first) || pg_add_s64_overflow(first, s->within.time, &d))
			return TIMESTAMP_NOT_FINITE(first) ? first : DT_NOEND;
		return d;
	}
	return DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
												   TimestampTzGetDatum(first),
												   IntervalPGetDatum(&s->within)));
}
