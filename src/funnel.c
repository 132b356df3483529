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
 * says how many events are used.  In an aggregate a row's event is written
 * into the state in place and the same pointer returned, so the executor
 * copies nothing.  When full, a state twice the size is made in the per-row
 * context and returned; the executor copies it into the aggregate's context
 * and frees the old one, so growth costs O(1) per row amortised and nothing
 * leaks.  Sizes are powers of two (what the allocator hands out anyway) and
 * events are packed (funnel.h): a grouped aggregate holds a state per group,
 * and the smaller they are, the fewer cache misses the grouping pays.
 *
 * src/funnel.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "port/pg_bitutils.h"
#include "utils/lsyscache.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

const char *const funnel_kind_names[] = {"window_funnel", "sequence", "window_funnel_excluding"};
const char *const funnel_kind_functions[] = {"window_funnel", "sequence_match/sequence_count",
"window_funnel_excluding"};
/* their conditions, as messages name them */
static const char *const funnel_kind_conditions[] = {"window_funnel conditions",
"sequence_match/sequence_count conditions", "window_funnel_excluding conditions"};

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
	if (nsteps > FUNNEL_KIND_MAX_STEPS(kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s takes at most %d %s, not %d", funnel_kind_functions[kind],
						FUNNEL_KIND_MAX_STEPS(kind), FUNNEL_IS_WINDOW(kind) ? "steps" : "conditions",
						nsteps)));
	if (FUNNEL_IS_WINDOW(kind))
	{
		/* judged whole, as everywhere (kit_interval_usecs): '1 day -1 hour' is 23 hours */
		if (kit_interval_usecs(within) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel window must not be negative"),
					 errdetail("The window given is %s.", kit_interval_text(within))));
		return funnel_parse_mode(param, paramlen);
	}
	pfree(funnel_pattern_parse(param, paramlen, nsteps));
	return 0;
}

/*
 * The room of a state that is to grow: at least min_events, and as many more
 * as fill the power of two its size rounds up to (up to the allocator's own
 * limit on rounding; past it, exactly min_events).
 */
static int
funnel_room(int paramlen, int nsteps, int64 min_events)
{
	Size		size = FS_SIZE(paramlen, nsteps, min_events);

	if (min_events > FUNNEL_MAX_EVENTS || size > ALLOCSET_DEFAULT_MAXSIZE)
		return (int) Min(min_events, (int64) FUNNEL_MAX_EVENTS + 1);
	return (int) ((pg_nextpower2_64(size) - FS_EVENTS_OFFSET(paramlen)) /
				  FS_EVENT_BYTES(nsteps));
}

/*
 * A state with room for capacity events and the events of "from" (if any,
 * packed) copied in; its parameters are "from"'s or, with from NULL, the ones
 * given, checked.
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
	size = FS_SIZE(paramlen, nsteps, capacity);
	if (capacity > FUNNEL_MAX_EVENTS || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many events for one funnel group")));
	/* zeroed whole: the padding and the unused room may be stored on disk */
	s = palloc0(size);
	SET_VARSIZE(s, size);
	s->version = FUNNEL_LAYOUT_PACKED;
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
		memcpy(funnel_times(s), funnel_times(from), sizeof(TimestampTz) * from->count);
		memcpy(funnel_masks(s), funnel_masks(from), (Size) FS_MASK_BYTES(nsteps) * from->count);
		s->count = from->count;
	}
	return s;
}

FunnelState *
funnel_state_read(Datum d)
{
	FunnelState *s = (FunnelState *) PG_DETOAST_DATUM(d);
	Size		size = VARSIZE(s);
	Size		need;
	FunnelState *p;

	if (size < FS_HDRSZ || s->kind >= FUNNEL_NKINDS || s->nsteps > FUNNEL_MAX_STEPS ||
		s->paramlen < 0 || (Size) s->paramlen > size - FS_HDRSZ ||
		s->count < 0 || s->count > s->capacity || s->capacity > FUNNEL_MAX_EVENTS ||
		(s->version != FUNNEL_LAYOUT_PACKED && s->version != FUNNEL_LAYOUT_EVENTS))
		io_corrupt_value("funnel_events", "bad header");
	need = s->version == FUNNEL_LAYOUT_PACKED ? FS_SIZE(s->paramlen, s->nsteps, s->capacity) :
		FS_EVENTS_OFFSET(s->paramlen) + (Size) s->capacity * sizeof(FunnelEvent);
	if (size < need)
		io_corrupt_value("funnel_events", "room for %d events in %zu bytes", s->capacity, size);
	if (s->version == FUNNEL_LAYOUT_PACKED)
		return s;
	/* layout 1 (1.0, 1.1): the same parameters, the events packed */
	p = funnel_state_new(NULL, s->kind, s->nsteps, &s->within, s->data, s->paramlen,
						 Max(s->count, 1));
	for (int i = 0; i < s->count; i++)
	{
		const FunnelEvent *e = (const FunnelEvent *) ((char *) s + FS_EVENTS_OFFSET(s->paramlen)) + i;

		funnel_set_event(p, i, e->at, e->mask);
	}
	p->count = s->count;
	return p;
}

FunnelState *
funnel_grow(FunnelState *s)
{
	return funnel_state_new(s, 0, 0, NULL, NULL, 0,
							funnel_room(s->paramlen, s->nsteps, (int64) s->capacity * 2));
}

/*
 * 22023 naming the parameter that varies and both of its values: the state's
 * (the first row's) and the other's ("this row", or another partial state's).
 */
static void
funnel_params_differ(const FunnelState *s, const char *other, int kind, int nsteps,
					 const Interval *within, const char *param, int paramlen)
{
	const char *steps = FUNNEL_IS_WINDOW(s->kind) ? "steps" : "conditions";
	char	   *detail;

	if (kind != s->kind)
		detail = psprintf("The first row was aggregated by %s, %s by %s.",
						  funnel_kind_functions[s->kind], other, funnel_kind_functions[kind]);
	else if (nsteps != s->nsteps)
		detail = psprintf("The number of %s varies within the group: the first row gave %d, %s %d.",
						  steps, s->nsteps, other, nsteps);
	else if (FUNNEL_IS_WINDOW(kind) && memcmp(within, &s->within, sizeof(Interval)) != 0)
		detail = psprintf("The window varies within the group: the first row gave %s, %s %s.",
						  kit_interval_text(&s->within), other, kit_interval_text(within));
	else
		detail = psprintf("The %s varies within the group: the first row gave \"%.*s\", %s \"%.*s\".",
						  FUNNEL_IS_WINDOW(kind) ? "mode" : "pattern",
						  s->paramlen, s->data, other, paramlen, param);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s parameters must be the same for every row of a group",
					funnel_kind_functions[s->kind]),
			 errdetail_internal("%s", detail),
			 errhint("The window, the mode or pattern and the number of %s are parameters, like ClickHouse's.",
					 steps)));
}

/* ---- transition ------------------------------------------------------------ */

/*
 * The size of a group's first state.  A state that grows is made anew in the
 * per-row context and copied again by the executor into the aggregate's
 * context, so growing costs three copies: 128 bytes hold 9 events of up to 7
 * steps (7 of more), which spares that to a user with a handful of events,
 * the usual case, while keeping a group's state in two cache lines.
 */
#define FUNNEL_FIRST_SIZE		128

/*
 * One row: NULL timestamps are skipped, NULL conditions are false.  The
 * parameters are checked against the state on every row (a compare of a few
 * bytes) so a non-constant parameter is an error, never a silent mix.
 */
/*
 * What window_funnel_trans learns once per call site (kept in fn_extra, which
 * then is not kit_in_aggregate()'s marker): how the steps come, and whether
 * it runs in an aggregate.
 */
typedef struct StepArgs
{
	KitBoolArgs steps;
	bool		in_agg;			/* called as an aggregate's transition */
	/*
	 * The parameters of the first row (checked), and whether some row since
	 * had others.  In an aggregate every state of the call site is made here
	 * from its first row's parameters: while no row had others, a row with
	 * the first row's parameters fits every state without reading it.
	 */
	bool		have_params;
	bool		mixed;
	/*
	 * The row path of window_funnel_add() applies (in an aggregate, no row
	 * yet with other parameters); and whether a row meeting no step is kept
	 * (strict_order).
	 */
	bool		fast;
	bool		keep_none;
	uint8		flags;
	int			params_nsteps;
	Interval	within;
	int			plen;
	char	   *ptext;
} StepArgs;

/*
 * Whether the row's parameters are the call site's first row's while no row
 * had others (then every state of the call site has them: no need to read
 * the state to compare).  The first row's are checked and kept.
 */
static bool
step_args_known_params(FunctionCallInfo fcinfo, StepArgs *a, int kind, int nsteps,
					   const Interval *within, const char *ptext, int plen)
{
	if (likely(a->have_params))
	{
		if (likely(!a->mixed && a->params_nsteps == nsteps && a->plen == plen &&
				   a->within.time == within->time && a->within.day == within->day &&
				   a->within.month == within->month &&
				   (plen == 0 || memcmp(a->ptext, ptext, plen) == 0)))
			return true;
		a->mixed = true;
		a->fast = false;
		return false;
	}
	a->flags = funnel_check_params(kind, nsteps, within, ptext, plen);
	a->fast = a->in_agg;
	a->keep_none = FUNNEL_IS_WINDOW(kind) && (a->flags & MODE_ORDER) && nsteps > 0;
	a->params_nsteps = nsteps;
	a->within = *within;
	a->plen = plen;
	a->ptext = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, Max(plen, 1));
	memcpy(a->ptext, ptext, plen);
	a->have_params = true;
	return true;
}

static Datum funnel_add_mask(FunctionCallInfo fcinfo, int kind, const Interval *within,
							 const char *ptext, int plen, int at_arg,
							 int nsteps, uint32 mask, const StepArgs *a);

/* the conditions are a boolean[] (the 1.0 and 1.1 transition functions, the sequences) */
static Datum
funnel_add(FunctionCallInfo fcinfo, int kind, const Interval *within,
		   const char *ptext, int plen, int at_arg, int conds_arg)
{
	KitBoolArgs conds = kit_bool_array(conds_arg, funnel_kind_conditions[kind]);
	int			nsteps;
	uint32		mask = (uint32) kit_bool_args_mask(fcinfo, &conds, &nsteps);

	if (nsteps > FUNNEL_KIND_MAX_STEPS(kind))
		funnel_check_params(kind, nsteps, within, ptext, plen);
	return funnel_add_mask(fcinfo, kind, within, ptext, plen, at_arg, nsteps, mask, NULL);
}

/* the row's steps read: the state and the event */
static Datum
funnel_add_mask(FunctionCallInfo fcinfo, int kind, const Interval *within,
				const char *ptext, int plen, int at_arg, int nsteps, uint32 mask,
				const StepArgs *a)
{
	FunnelState *s = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);

	/*
	 * A window funnel's row with the call site's parameters and a state of
	 * the aggregate never gets here (window_funnel_add() takes it); one that
	 * does is a group's first row, whose parameters every state is then made
	 * with, or a row with other parameters, which ends that short path.  (a
	 * is given by the window funnels only.)
	 */
	if (a && a->in_agg)
		step_args_known_params(fcinfo, (StepArgs *) a, kind, nsteps, within, ptext, plen);

	if (s == NULL)
	{
		s = funnel_state_new(NULL, kind, nsteps, within, ptext, plen,
							 funnel_room(plen, nsteps,
										 Max(1, ((int) FUNNEL_FIRST_SIZE - (int) FS_EVENTS_OFFSET(plen)) /
											 (int) FS_EVENT_BYTES(nsteps))));
	}
	else
	{
		/*
		 * In an aggregate the state is the one we returned: changed in place.
		 * Called as a plain function, it may be a stored value (short header,
		 * compressed or out of line): read a detoasted copy, never the datum.
		 */
		if (!(a ? a->in_agg : kit_in_aggregate(fcinfo, NULL)) ||
			VARATT_IS_EXTENDED(s) || s->version != FUNNEL_LAYOUT_PACKED)
		{
			s = funnel_state_read(PG_GETARG_DATUM(0));
			s = funnel_state_new(s, 0, 0, NULL, NULL, 0, s->capacity);
		}
		if (unlikely(!funnel_same_params(s, kind, nsteps, within, ptext, plen)))
			funnel_params_differ(s, "this row", kind, nsteps, within, ptext, plen);
	}

	if (PG_ARGISNULL(at_arg))
		PG_RETURN_POINTER(s);
	/* a row meeting no step is kept only where it breaks a chain */
	if (mask == 0 && !(FUNNEL_IS_WINDOW(kind) && (s->flags & MODE_ORDER) && nsteps > 0))
		PG_RETURN_POINTER(s);

	PG_RETURN_POINTER(funnel_append(s, PG_GETARG_TIMESTAMPTZ(at_arg), mask));
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

/*
 * The transition functions of 1.0's and 1.1's window_funnel (steps in a
 * boolean[]): no SQL function of 1.2 names them, but a catalog of 1.1 not yet
 * upgraded calls them with this library.
 */
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

/*
 * window_funnel's transition since 1.2: the steps are the arguments
 * themselves (VARIADIC "any"), so the executor builds no bool[] per row.
 * Their types are checked once per call site (fn_extra); a call with an
 * explicit VARIADIC array is read as one.
 */
static const StepArgs *
funnel_step_args(FunctionCallInfo fcinfo, int first)
{
	StepArgs   *a = (StepArgs *) fcinfo->flinfo->fn_extra;

	if (likely(a != NULL))
		return a;
	a = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StepArgs));
	a->in_agg = AggCheckCallContext(fcinfo, NULL) != 0;
	kit_bool_args_init(fcinfo, first, "window_funnel steps", "Step", &a->steps);
	fcinfo->flinfo->fn_extra = a;
	return a;
}

/*
 * The window funnels' transition: at is argument at_arg; window_funnel and
 * window_funnel_steps have their steps right after it, window_funnel_excluding
 * its exclusion condition first (a row meeting it is kept with the bit
 * FUNNEL_EXCLUDED; NULL is false).
 */
static Datum
funnel_add_args(FunctionCallInfo fcinfo, int kind, const Interval *within,
				const char *ptext, int plen, int at_arg)
{
	int			first = at_arg + 1 + (kind == FUNNEL_KIND_EXCLUDING);
	const StepArgs *a = funnel_step_args(fcinfo, first);
	int			nsteps;
	uint32		mask = (uint32) kit_bool_args_mask(fcinfo, &a->steps, &nsteps);

	if (unlikely(nsteps > FUNNEL_KIND_MAX_STEPS(kind)))
		funnel_check_params(kind, nsteps, within, ptext, plen);
	if (kind == FUNNEL_KIND_EXCLUDING && !PG_ARGISNULL(at_arg + 1) && PG_GETARG_BOOL(at_arg + 1))
		mask |= FUNNEL_EXCLUDED;
	return funnel_add_mask(fcinfo, kind, within, ptext, plen, at_arg, nsteps, mask, a);
}

/* the window (argument 1) and, with mode_arg, the mode, checked: then the row */
static pg_noinline Datum
window_funnel_add_checked(FunctionCallInfo fcinfo, int kind, int mode_arg)
{
	text	   *mode = NULL;

	funnel_param_not_null(fcinfo, 1, "window_funnel window");
	if (mode_arg)
	{
		funnel_param_not_null(fcinfo, mode_arg, "window_funnel mode");
		mode = PG_GETARG_TEXT_PP(mode_arg);
	}
	return funnel_add_args(fcinfo, kind, PG_GETARG_INTERVAL_P(1),
						   mode ? VARDATA_ANY(mode) : "", mode ? VARSIZE_ANY_EXHDR(mode) : 0,
						   mode_arg ? 3 : 2);
}

/* a row of a window funnel */
static inline Datum
window_funnel_add(FunctionCallInfo fcinfo, int kind, int mode_arg)
{
	const StepArgs *a = (const StepArgs *) fcinfo->flinfo->fn_extra;

	/*
	 * The usual row, kept short: in an aggregate whose rows all had the
	 * first row's parameters so far, with a state made (so with those
	 * parameters), this row's parameters the same (the number of steps
	 * included: an array's may vary).  Everything else takes
	 * window_funnel_add_checked(), which checks and reports.
	 */
	if (likely(a != NULL && a->fast) && !PG_ARGISNULL(0) && !PG_ARGISNULL(1) &&
		(mode_arg == 0 || !PG_ARGISNULL(mode_arg)))
	{
		const Interval *within = PG_GETARG_INTERVAL_P(1);
		int			at_arg = mode_arg ? 3 : 2;
		text	   *mode = mode_arg ? PG_GETARG_TEXT_PP(mode_arg) : NULL;
		int			nsteps;
		uint32		mask = (uint32) kit_bool_args_mask(fcinfo, &a->steps, &nsteps);

		if (nsteps == a->params_nsteps &&
			within->time == a->within.time && within->day == a->within.day &&
			within->month == a->within.month &&
			(mode ? (int) VARSIZE_ANY_EXHDR(mode) == a->plen &&
			 memcmp(VARDATA_ANY(mode), a->ptext, a->plen) == 0 : a->plen == 0))
		{
			FunnelState *s = (FunnelState *) PG_GETARG_POINTER(0);

			if (kind == FUNNEL_KIND_EXCLUDING && !PG_ARGISNULL(at_arg + 1) &&
				PG_GETARG_BOOL(at_arg + 1))
				mask |= FUNNEL_EXCLUDED;
			if (PG_ARGISNULL(at_arg) || (mask == 0 && !a->keep_none))
				PG_RETURN_POINTER(s);
			PG_RETURN_POINTER(funnel_append(s, PG_GETARG_TIMESTAMPTZ(at_arg), mask));
		}
	}
	return window_funnel_add_checked(fcinfo, kind, mode_arg);
}

/* the SQL entry points of the window funnels' transition: kind, mode argument */
#define WINDOW_FUNNEL_TRANS(name, kind, mode_arg) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return window_funnel_add(fcinfo, kind, mode_arg); \
}

WINDOW_FUNNEL_TRANS(window_funnel_trans, FUNNEL_KIND_WINDOW, 0)
WINDOW_FUNNEL_TRANS(window_funnel_trans_mode, FUNNEL_KIND_WINDOW, 2)
WINDOW_FUNNEL_TRANS(window_funnel_excluding_trans, FUNNEL_KIND_EXCLUDING, 0)
WINDOW_FUNNEL_TRANS(window_funnel_excluding_trans_mode, FUNNEL_KIND_EXCLUDING, 2)

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
	FunnelState *a = funnel_state_read(PG_GETARG_DATUM(0));
	FunnelState *b = funnel_state_read(PG_GETARG_DATUM(1));
	FunnelState *r;

	if (!funnel_same_params(a, b->kind, b->nsteps, &b->within, b->data, b->paramlen))
		funnel_params_differ(a, "another partial state", b->kind, b->nsteps, &b->within,
							 b->data, b->paramlen);
	if ((int64) a->count + b->count > FUNNEL_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many events for one funnel group")));
	r = funnel_state_new(a, 0, 0, NULL, NULL, 0, Max(a->count + b->count, 1));
	for (int i = 0; i < b->count; i++)
		funnel_set_event(r, a->count + i, funnel_times(b)[i], funnel_mask(b, i));
	r->count += b->count;
	PG_RETURN_POINTER(r);
}

/* ---- final: the sorted events --------------------------------------------- */

static inline int
funnel_event_cmp(const FunnelEvent *a, const FunnelEvent *b)
{
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->mask != b->mask)
		return a->mask < b->mask ? -1 : 1;
	return 0;
}

/* funnel_event_sort(): PostgreSQL's sort template, the comparison inlined */
#define ST_SORT funnel_event_sort
#define ST_ELEMENT_TYPE FunnelEvent
#define ST_COMPARE(a, b) funnel_event_cmp(a, b)
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * A sorted copy: the state is left as it is (final functions may not change
 * it).  In buf when its bufn events are enough (no palloc for the usual small
 * group), else palloc'd.
 */
FunnelEvent *
funnel_sorted(FunnelState *s, FunnelEvent *buf, int bufn)
{
	int			n = s->count;
	FunnelEvent *ev = buf && n <= bufn ? buf : palloc(sizeof(FunnelEvent) * Max(n, 1));

	for (int i = 0; i < n; i++)
	{
		ev[i].at = funnel_times(s)[i];
		ev[i].mask = funnel_mask(s, i);
		ev[i].pad = 0;
	}
	funnel_event_sort(ev, n);
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
	return kit_timestamptz_plus(first, &s->within);
}
