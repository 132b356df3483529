/*-------------------------------------------------------------------------
 *
 * funnel.c
 *	  Event funnels with the semantics of ClickHouse's parametric aggregates:
 *	  window_funnel, sequence_match, sequence_count (state funnel_events) and
 *	  retention (state: a bigint of condition bits).
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
#include "interaction.h"

#include "miscadmin.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#define FUNNEL_MAX_STEPS		32
#define FUNNEL_MAX_EVENTS		100000000	/* sanity bound on input and recv */
#define SEQUENCE_MAX_ITERATIONS 1000000 /* as ClickHouse: a runaway pattern is an error */

/* which aggregate a state belongs to (part of the on-disk format) */
#define FUNNEL_KIND_WINDOW		0
#define FUNNEL_KIND_SEQUENCE	1

/* window_funnel modes */
#define MODE_DEDUPLICATION		0x01
#define MODE_ORDER				0x02
#define MODE_INCREASE			0x04
#define MODE_ONCE				0x08
#define MODE_REENTRY			0x10

static const struct
{
	const char *name;
	uint8		flag;
}			funnel_modes[] =
{
	{"strict_deduplication", MODE_DEDUPLICATION},
	{"strict_order", MODE_ORDER},
	{"strict_increase", MODE_INCREASE},
	{"strict_once", MODE_ONCE},
	{"allow_reentry", MODE_REENTRY},
};

typedef struct FunnelEvent
{
	int64		at;				/* TimestampTz */
	uint32		mask;			/* bit i: the row matches step/condition i+1 */
	uint32		pad;
} FunnelEvent;

typedef struct FunnelState
{
	int32		vl_len_;
	uint8		version;
	uint8		kind;
	uint8		nsteps;
	uint8		flags;			/* window_funnel modes (derived from param) */
	int32		count;			/* events in use */
	int32		capacity;		/* events the varlena has room for */
	int32		paramlen;		/* bytes of the mode or pattern text */
	int32		pad;
	Interval	within;			/* window_funnel's window; zero otherwise */
	char		data[FLEXIBLE_ARRAY_MEMBER];	/* param, then events */
} FunnelState;

#define FS_HDRSZ				offsetof(FunnelState, data)
#define FS_EVENTS_OFFSET(plen)	MAXALIGN(FS_HDRSZ + (plen))
#define FS_SIZE(plen, cap)		(FS_EVENTS_OFFSET(plen) + (Size) (cap) * sizeof(FunnelEvent))
#define FS_EVENTS(s)			((FunnelEvent *) ((char *) (s) + FS_EVENTS_OFFSET((s)->paramlen)))

/* the kind as the text form spells it, and as messages name it */
static const char *const kind_names[] = {"window_funnel", "sequence"};
static const char *const kind_functions[] = {"window_funnel", "sequence_match/sequence_count"};

/* ---- sequence patterns -------------------------------------------------- */

typedef enum PatternOp
{
	PAT_EVENT,					/* (?N) */
	PAT_ANY,					/* . */
	PAT_STAR,					/* .* */
	PAT_TIME_LE,				/* (?t<=s) */
	PAT_TIME_LT,
	PAT_TIME_GE,
	PAT_TIME_GT,
	PAT_TIME_EQ
} PatternOp;

typedef struct PatternAction
{
	PatternOp	op;
	int64		arg;			/* condition index, or microseconds */
} PatternAction;

typedef struct Pattern
{
	int			nactions;
	bool		has_time;
	uint32		used;			/* conditions the pattern names */
	PatternAction actions[FLEXIBLE_ARRAY_MEMBER];
} Pattern;

static void
pattern_error(const char *pattern, int len, const char *pos, const char *msg)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid sequence pattern \"%.*s\": %s at position %d",
					len, pattern, msg, (int) (pos - pattern) + 1),
			 errdetail("The pattern continues with \"%.*s\".",
					   len - (int) (pos - pattern), pos),
			 errhint("A pattern is made of (?N) for condition N, . for any event, .* for any events, and (?t<op>seconds) with <op> one of <, <=, >, >=, ==.")));
}

static bool
pattern_take(const char **p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	if ((size_t) (end - *p) >= n && memcmp(*p, word, n) == 0)
	{
		*p += n;
		return true;
	}
	return false;
}

static int64
pattern_number(const char *pattern, int len, const char **p, const char *end)
{
	const char *start = *p;
	int64		v = 0;

	/* an optional plus sign, as ClickHouse reads numbers; a lone sign is no number */
	if (*p < end && **p == '+')
		(*p)++;
	while (*p < end && **p >= '0' && **p <= '9')
	{
		if (v > (PG_INT64_MAX / USECS_PER_SEC - 9) / 10)
			pattern_error(pattern, len, start, "number too large");
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	if (*p == start || (*p == start + 1 && *start == '+'))
		pattern_error(pattern, len, start, "expected a number");
	return v;
}

/*
 * Parse a pattern for nconds conditions.  Like ClickHouse, the pattern starts
 * with an implicit .* (a match may begin at any event).
 */
static Pattern *
pattern_parse(const char *pattern, int len, int nconds)
{
	const char *p = pattern;
	const char *end = pattern + len;
	Pattern    *pat;
	int			n = 0;

	/* each character may be an action: the most a parse can need */
	if ((Size) len + 1 > (MaxAllocSize - offsetof(Pattern, actions)) / sizeof(PatternAction))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence pattern is too long: %d bytes", len)));
	pat = palloc(offsetof(Pattern, actions) + sizeof(PatternAction) * (len + 1));
	pat->has_time = false;
	pat->used = 0;
	pat->actions[n++].op = PAT_STAR;
	while (p < end)
	{
		const char *at = p;

		if (pattern_take(&p, end, "(?"))
		{
			if (pattern_take(&p, end, "t"))
			{
				static const struct
				{
					const char *word;
					PatternOp	op;
				}			ops[] = {{"<=", PAT_TIME_LE}, {"<", PAT_TIME_LT}, {">=", PAT_TIME_GE},
				{">", PAT_TIME_GT}, {"==", PAT_TIME_EQ}};
				int			i;
				PatternOp	prev = pat->actions[n - 1].op;

				for (i = 0; i < (int) lengthof(ops); i++)
					if (pattern_take(&p, end, ops[i].word))
						break;
				if (i == (int) lengthof(ops))
					pattern_error(pattern, len, p, "unknown time comparison");
				if (prev != PAT_EVENT && prev != PAT_ANY && prev != PAT_STAR)
					pattern_error(pattern, len, at, "a time condition must follow an event");
				pat->actions[n].op = ops[i].op;
				pat->actions[n++].arg = pattern_number(pattern, len, &p, end) * USECS_PER_SEC;
				pat->has_time = true;
			}
			else
			{
				const char *numpos = p;
				int64		cond = pattern_number(pattern, len, &p, end);

				if (cond < 1 || cond > nconds)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("condition number %lld in sequence pattern \"%.*s\" is out of range at position %d",
									(long long) cond, len, pattern, (int) (numpos - pattern) + 1),
							 errdetail("The aggregate was given %d condition%s.", nconds,
									   nconds == 1 ? "" : "s")));
				pat->actions[n].op = PAT_EVENT;
				pat->actions[n++].arg = cond - 1;
				pat->used |= (uint32) 1 << (cond - 1);
			}
			if (!pattern_take(&p, end, ")"))
				pattern_error(pattern, len, p, "expected \")\"");
		}
		else if (pattern_take(&p, end, ".*"))
			pat->actions[n++].op = PAT_STAR;
		else if (pattern_take(&p, end, "."))
			pat->actions[n++].op = PAT_ANY;
		else
			pattern_error(pattern, len, p, "unexpected character");
	}
	pat->nactions = n;
	return pat;
}

/* ---- parameters ------------------------------------------------------------ */

static uint8
funnel_parse_mode(const char *mode, int len)
{
	uint8		flags = 0;
	const char *p = mode;
	const char *end = mode + len;

	while (p < end)
	{
		const char *comma = memchr(p, ',', end - p);
		const char *stop = comma ? comma : end;
		const char *b = p;
		const char *e = stop;
		int			i;

		while (b < e && io_is_blank(*b))
			b++;
		while (e > b && io_is_blank(e[-1]))
			e--;
		for (i = 0; i < (int) lengthof(funnel_modes); i++)
			if ((size_t) (e - b) == strlen(funnel_modes[i].name) &&
				memcmp(b, funnel_modes[i].name, e - b) == 0)
				break;
		if (i == (int) lengthof(funnel_modes))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown window_funnel mode \"%.*s\"", (int) (e - b), b),
					 (e - b == 6 && memcmp(b, "strict", 6) == 0) ?
					 errhint("\"strict\" is now called \"strict_deduplication\".") :
					 errhint("Modes are strict_order, strict_deduplication, strict_increase, strict_once and allow_reentry, separated by commas.")));
		flags |= funnel_modes[i].flag;
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
				 errmsg("%s takes at most %d %s, not %d", kind_functions[kind], FUNNEL_MAX_STEPS,
						kind == FUNNEL_KIND_WINDOW ? "steps" : "conditions", nsteps)));
	if (kind == FUNNEL_KIND_WINDOW)
	{
		if (within->time < 0 || within->day < 0 || within->month < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel window must not be negative")));
		return funnel_parse_mode(param, paramlen);
	}
	pfree(pattern_parse(param, paramlen, nsteps));
	return 0;
}

/*
 * A state with room for capacity events and the events of "from" (if any)
 * copied in; its parameters are "from"'s or, with from NULL, the ones given,
 * checked.
 */
static FunnelState *
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

static bool
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
					kind_functions[s->kind]),
			 errdetail("The window, the mode or pattern and the number of %s are parameters, like ClickHouse's; the first row gave %d.",
					   s->kind == FUNNEL_KIND_WINDOW ? "steps" : "conditions", s->nsteps)));
}

/* ---- transition ------------------------------------------------------------ */

/* the elements of a bool[] (the non-NULL ones, packed), read in place */
static inline const bool *
funnel_array_bools(ArrayType *a)
{
	Size		off = ARR_HASNULL(a) ? (Size) a->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a));

	return (const bool *) ((char *) a + off);
}

static char in_aggregate_marker;

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
					 errmsg("%s conditions must be a one-dimensional array", kind_functions[kind])));
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
		if (likely(fcinfo->flinfo->fn_extra == &in_aggregate_marker))
			 /* in place */ ;
		else if (AggCheckCallContext(fcinfo, NULL))
			fcinfo->flinfo->fn_extra = &in_aggregate_marker;
		else
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
static FunnelEvent *
funnel_sorted(FunnelState *s)
{
	FunnelEvent *ev = palloc(sizeof(FunnelEvent) * Max(s->count, 1));

	memcpy(ev, FS_EVENTS(s), sizeof(FunnelEvent) * s->count);
	qsort(ev, s->count, sizeof(FunnelEvent), funnel_event_cmp);
	return ev;
}

static TimestampTz
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

/* ---- window_funnel --------------------------------------------------------- */

typedef struct Chain
{
	TimestampTz first;
	TimestampTz deadline;
	TimestampTz last;
	uint32		path[FUNNEL_MAX_STEPS]; /* rows used at levels 0..k (strict_once) */
} Chain;

typedef struct ChainList
{
	int			n;
	int			cap;
	Chain	   *items;
} ChainList;

static Chain *
chain_push(ChainList *l)
{
	if (l->n == l->cap)
	{
		if ((Size) l->cap * 2 * sizeof(Chain) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("window_funnel: too many partial chains at one timestamp"),
					 errdetail("strict_once keeps every partial chain among events of the same timestamp; more than %d are needed.",
							   l->cap)));
		l->cap = l->cap ? l->cap * 2 : 4;
		l->items = l->items ? repalloc(l->items, sizeof(Chain) * l->cap)
			: palloc(sizeof(Chain) * l->cap);
	}
	return &l->items[l->n++];
}

/*
 * strict_increase without strict_deduplication or strict_once, as ClickHouse
 * evaluates it today: the events of one timestamp are a group, and a step in
 * a group extends only what earlier groups reached ("committed"); what the
 * group reaches becomes visible after it.  Of the chains at a level the one
 * with the latest step 1 is kept (it has the most window left), so a newer
 * start never hides an older prefix that can still finish.  For strict_order
 * a step's predecessor counts as present if it was ever reached or if, in
 * this group, an occurrence of it could have been reached ("evidence"); the
 * sentinel of a row matching no step comes first in its group.
 */
static int
window_funnel_increase(FunnelState *s, FunnelEvent *ev)
{
	int			nsteps = s->nsteps;
	uint8		flags = s->flags;
	bool		have[FUNNEL_MAX_STEPS] = {0};
	TimestampTz first[FUNNEL_MAX_STEPS];
	TimestampTz deadline[FUNNEL_MAX_STEPS];
	bool		pend[FUNNEL_MAX_STEPS];
	TimestampTz pend_first[FUNNEL_MAX_STEPS];
	bool		evidence[FUNNEL_MAX_STEPS];
	bool		started = false;
	bool		stop = false;
	int			i,
				k;

	for (i = 0; i < s->count && !stop;)
	{
		int			g_end = i;
		int			step;

		while (g_end < s->count && ev[g_end].at == ev[i].at)
			g_end++;
		memset(pend, 0, sizeof(pend));
		memset(evidence, 0, sizeof(evidence));
		for (step = (flags & MODE_ORDER) ? 0 : 1; step <= nsteps && !stop; step++)
		{
			int			r;
			int			idx = step - 1;

			for (r = i; r < g_end && !stop; r++)
			{
				TimestampTz t = ev[r].at;

				if (step == 0 ? ev[r].mask != 0 : !(ev[r].mask & ((uint32) 1 << idx)))
					continue;
				if (idx < 0)
				{
					stop = started;
					continue;
				}
				if (idx == 0)
				{
					pend_first[0] = pend[0] ? Max(pend_first[0], t) : t;
					pend[0] = evidence[0] = started = true;
					continue;
				}
				if ((flags & MODE_ORDER) && started &&
					!have[idx - 1] && !pend[idx - 1] && !evidence[idx - 1])
				{
					if (flags & MODE_REENTRY)
						continue;
					for (k = 0; k < nsteps && (have[k] || pend[k]); k++)
						;
					return k;
				}
				if (have[idx - 1] && t <= deadline[idx - 1])
				{
					pend_first[idx] = pend[idx] ? Max(pend_first[idx], first[idx - 1]) : first[idx - 1];
					pend[idx] = evidence[idx] = true;
					if (idx + 1 == nsteps)
						return nsteps;
				}
				else if (evidence[idx - 1])
					evidence[idx] = true;
			}
		}
		for (k = 0; k < nsteps; k++)
			if (pend[k] && (!have[k] || pend_first[k] > first[k]))
			{
				have[k] = true;
				first[k] = pend_first[k];
				deadline[k] = funnel_deadline(s, first[k]);
			}
		i = g_end;
	}
	for (k = nsteps; k > 0; k--)
		if (have[k - 1])
			return k;
	return 0;
}

/*
 * The funnel walks the events as ClickHouse does: ordered by timestamp, then
 * step (a row matching several steps counts as one event per step, lowest
 * step first; in strict_order a row matching no step is step 0 and comes
 * first), then row.  levels[k] holds the chains that reached step k+1; without
 * strict_once only the latest chain per level matters, so each list holds at
 * most one.
 */
static int
window_funnel_level(FunnelState *s)
{
	int			nsteps = s->nsteps;
	uint8		flags = s->flags;
	bool		once = (flags & MODE_ONCE) != 0;
	FunnelEvent *ev;
	ChainList	levels[FUNNEL_MAX_STEPS];
	bool		started = false;
	int			i,
				k;

	if (s->count == 0 || nsteps == 0)
		return 0;
	ev = funnel_sorted(s);
	if ((flags & MODE_INCREASE) && !(flags & (MODE_DEDUPLICATION | MODE_ONCE)))
	{
		k = window_funnel_increase(s, ev);
		pfree(ev);
		return k;
	}
	memset(levels, 0, sizeof(levels));

	for (i = 0; i < s->count;)
	{
		int			g_end = i;
		int			step;

		while (g_end < s->count && ev[g_end].at == ev[i].at)
			g_end++;
		for (step = (flags & MODE_ORDER) ? 0 : 1; step <= nsteps; step++)
		{
			int			r;

			for (r = i; r < g_end; r++)
			{
				TimestampTz t = ev[r].at;
				int			idx = step - 1;

				if (step == 0 ? ev[r].mask != 0 : !(ev[r].mask & ((uint32) 1 << idx)))
					continue;
				if (idx < 0)
				{
					if (started)
						goto done;
					continue;
				}
				if (idx == 0)
				{
					Chain	   *c;

					if (!once)
						levels[0].n = 0;
					c = chain_push(&levels[0]);
					c->first = c->last = t;
					c->deadline = funnel_deadline(s, t);
					c->path[0] = r;
					started = true;
				}
				else if ((flags & MODE_DEDUPLICATION) && levels[idx].n > 0)
					goto done;
				else if ((flags & MODE_ORDER) && started && levels[idx - 1].n == 0)
				{
					if (flags & MODE_REENTRY)
						continue;
					for (k = 0; k < nsteps && levels[k].n > 0; k++)
						;
					pfree(ev);
					return k;
				}
				else if (levels[idx - 1].n > 0)
				{
					ChainList  *prev = &levels[idx - 1];
					int			rd,
								wr = 0,
								n = prev->n;

					for (rd = 0; rd < n; rd++)
					{
						Chain		c = prev->items[rd];
						bool		ok = t <= c.deadline;

						/* strict_once drops chains past their window, keeping one */
						if (once && !ok && n - (rd - wr) > 1)
							continue;
						prev->items[wr++] = c;
						if (once)
							for (k = 0; ok && k < idx; k++)
								ok = c.path[k] != (uint32) r;
						if (ok && (flags & MODE_INCREASE))
							ok = c.last < t;
						if (ok)
						{
							Chain	   *nc;

							if (!once)
								levels[idx].n = 0;
							nc = chain_push(&levels[idx]);
							/* prev may have moved only if idx == idx - 1: never */
							*nc = c;
							nc->last = t;
							nc->path[idx] = r;
							if (idx + 1 == nsteps)
							{
								pfree(ev);
								return nsteps;
							}
						}
					}
					prev->n = wr;
				}
			}
		}

		/*
		 * After a timestamp group, a chain's path (which rows it used) and its
		 * last time no longer matter: later rows are other rows, at later
		 * times.  Of the chains at a level the one with the latest deadline
		 * can do whatever the others can, so strict_once keeps just that one,
		 * and memory stays proportional to one group's events.
		 */
		if (once)
		{
			for (k = 0; k < nsteps; k++)
			{
				ChainList  *l = &levels[k];

				for (int c = 1; c < l->n; c++)
					if (l->items[c].deadline > l->items[0].deadline)
						l->items[0] = l->items[c];
				l->n = Min(l->n, 1);
			}
		}
		CHECK_FOR_INTERRUPTS();
		i = g_end;
	}
done:
	pfree(ev);
	for (k = nsteps; k > 0; k--)
		if (levels[k - 1].n > 0)
			return k;
	return 0;
}

PG_FUNCTION_INFO_V1(funnel_events_window_funnel);
Datum
funnel_events_window_funnel(PG_FUNCTION_ARGS)
{
	FunnelState *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	s = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (s->kind != FUNNEL_KIND_WINDOW)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_events value was made by a sequence aggregate, not window_funnel")));
	PG_RETURN_INT32(window_funnel_level(s));
}

/* ---- sequence_match / sequence_count --------------------------------------- */

/*
 * Without time conditions a match is a walk of the pattern's states, all at
 * once (linear in events): bit j of "active" is "the first j event-consuming
 * steps are done"; a step may be followed by .* (stays).
 */
static bool
sequence_dfa_match(const Pattern *pat, const FunnelEvent *ev, int n)
{
	int			nstates = 0;
	uint64	   *active,
			   *next;
	int			words;
	int			i,
				j;
	bool		result;

	/* states: one per consuming action, +1 final; star[j]: loop at state j */
	{
		int			cap = pat->nactions + 1;
		int		   *w = palloc(sizeof(int) * cap);
		bool	   *st = palloc0(sizeof(bool) * cap);

		for (i = 0; i < pat->nactions; i++)
		{
			const PatternAction *a = &pat->actions[i];

			if (a->op == PAT_STAR)
				st[nstates] = true;
			else if (a->op == PAT_EVENT)
				w[nstates++] = (int) a->arg;
			else if (a->op == PAT_ANY)
				w[nstates++] = -1;
		}
		words = (nstates + 1 + 63) / 64;
		active = palloc0(sizeof(uint64) * words);
		next = palloc0(sizeof(uint64) * words);
		active[0] = 1;
		for (i = 0; i < n && !(active[nstates / 64] & ((uint64) 1 << (nstates % 64))); i++)
		{
			bool		any = false;

			memset(next, 0, sizeof(uint64) * words);
			for (j = 0; j <= nstates; j++)
			{
				if (!(active[j / 64] & ((uint64) 1 << (j % 64))))
					continue;
				if (j < nstates && (w[j] < 0 || (ev[i].mask & ((uint32) 1 << w[j]))))
				{
					next[(j + 1) / 64] |= (uint64) 1 << ((j + 1) % 64);
					any = true;
				}
				if (st[j])
				{
					next[j / 64] |= (uint64) 1 << (j % 64);
					any = true;
				}
			}
			memcpy(active, next, sizeof(uint64) * words);
			if (!any)
				break;
		}
		result = (active[nstates / 64] & ((uint64) 1 << (nstates % 64))) != 0;
		pfree(w);
		pfree(st);
		pfree(active);
		pfree(next);
	}
	return result;
}

static void
sequence_too_slow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("sequence pattern is too costly to match: more than %d steps",
					SEQUENCE_MAX_ITERATIONS),
			 errhint("Narrow the pattern with more conditions or fewer .* and time conditions.")));
}

/*
 * Could the pattern's fixed runs (the (?N) and . between .* and time
 * conditions) be found in order?  If not, no backtracking is needed.
 */
static bool
sequence_could_match(const Pattern *pat, const FunnelEvent *ev, int n)
{
	int			pos = 0;
	int			a = 0;
	int64		steps = 0;

	while (a < pat->nactions)
	{
		int			b = a;

		while (b < pat->nactions && (pat->actions[b].op == PAT_EVENT || pat->actions[b].op == PAT_ANY))
			b++;
		if (b > a)
		{
			int			start = pos;
			int			j = a;

			while (j < b && pos < n)
			{
				const PatternAction *x = &pat->actions[j];

				if (x->op == PAT_ANY || (ev[pos].mask & ((uint32) 1 << x->arg)))
					pos++, j++;
				else
					pos = ++start, j = a;
				if (++steps > SEQUENCE_MAX_ITERATIONS)
					sequence_too_slow();
			}
			if (j < b)
				return false;
		}
		a = b + 1;
	}
	return true;
}

typedef struct Backtrack
{
	int			action;
	int			event;
	int			base;
} Backtrack;

/*
 * The backtracking matcher, with ClickHouse's rules: "base" is the event the
 * next time condition measures from (the last event matched); a failed
 * (?t>..), (?t>=..) or (?t==..) skips events, a failed (?t<..) backtracks.
 * Starts at *pos; on a match *pos is just past the last event consumed.
 */
static bool
sequence_backtrack(const Pattern *pat, const FunnelEvent *ev, int n, int *pos)
{
	int			act = 0;
	int			e = *pos;
	int			base = *pos;
	int			begin = *pos;
	Backtrack  *stack = palloc(sizeof(Backtrack) * 16);
	int			depth = 0,
				cap = 16;
	int64		iter = 0;
	uint32		steps_taken = 0;
	bool		result;

#define PUSH() do { \
		if (depth == cap) stack = repalloc(stack, sizeof(Backtrack) * (cap *= 2)); \
		stack[depth].action = act; stack[depth].event = e; stack[depth].base = base; depth++; \
	} while (0)

	while (act < pat->nactions && e < n)
	{
		const PatternAction *x = &pat->actions[act];
		bool		fail = false;

		if ((++steps_taken & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();

		switch (x->op)
		{
			case PAT_EVENT:
				if (ev[e].mask & ((uint32) 1 << x->arg))
					base = e, act++, e++;
				else
					fail = true;
				break;
			case PAT_ANY:
				base = e, act++, e++;
				break;
			case PAT_STAR:
				PUSH();
				base = e, act++;
				break;
			default:
				{
					TimestampTz t = ev[e].at;
					TimestampTz b = ev[base].at;
					int64		diff;
					bool		ok;

					/* the distance in microseconds, saturated */
					if (pg_sub_s64_overflow(t, b, &diff))
						diff = t > b ? PG_INT64_MAX : PG_INT64_MIN;
					switch (x->op)
					{
						case PAT_TIME_LE:
							ok = diff <= x->arg;
							break;
						case PAT_TIME_LT:
							ok = diff < x->arg;
							break;
						case PAT_TIME_GE:
							ok = diff >= x->arg;
							break;
						case PAT_TIME_GT:
							ok = diff > x->arg;
							break;
						default:
							ok = diff == x->arg;
							break;
					}
					if (ok)
					{
						PUSH();
						base = e, act++;
					}
					else if (x->op == PAT_TIME_LE || x->op == PAT_TIME_LT)
						fail = true;
					else if (++e == n)
						fail = true;
				}
				break;
		}
		if (fail)
		{
			bool		resumed = false;

			while (depth > 0)
			{
				depth--;
				act = stack[depth].action;
				e = stack[depth].event + 1;
				base = stack[depth].base;
				if (e < n)
				{
					resumed = true;
					break;
				}
			}
			if (!resumed)
				break;
		}
		if (++iter > SEQUENCE_MAX_ITERATIONS)
			sequence_too_slow();
	}
#undef PUSH

	/* what is left may match nothing: .*, (?t<..), (?t<=..), (?t>=0) */
	while (act < pat->nactions &&
		   (pat->actions[act].op == PAT_STAR || pat->actions[act].op == PAT_TIME_LE ||
			pat->actions[act].op == PAT_TIME_LT ||
			(pat->actions[act].op == PAT_TIME_GE && pat->actions[act].arg == 0)))
		act++;
	result = act == pat->nactions;
	if (e == begin)
		e++;
	*pos = e;
	pfree(stack);
	return result;
}

/* sorted events and parsed pattern of a sequence state, or NULL if no match can be */
static FunnelEvent *
sequence_prepare(FunctionCallInfo fcinfo, FunnelState **sp, Pattern **patp)
{
	FunnelState *s;
	uint32		met = 0;
	int			i;

	if (PG_ARGISNULL(0))
		return NULL;
	s = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (s->kind != FUNNEL_KIND_SEQUENCE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_events value was made by window_funnel, not a sequence aggregate")));
	*sp = s;
	*patp = pattern_parse(s->data, s->paramlen, s->nsteps);
	for (i = 0; i < s->count; i++)
		met |= FS_EVENTS(s)[i].mask;
	/* a condition the pattern needs never happened: no match */
	if (((*patp)->used & met) != (*patp)->used)
		return NULL;
	return funnel_sorted(s);
}

PG_FUNCTION_INFO_V1(funnel_events_sequence_match);
Datum
funnel_events_sequence_match(PG_FUNCTION_ARGS)
{
	FunnelState *s = NULL;
	Pattern    *pat = NULL;
	FunnelEvent *ev = sequence_prepare(fcinfo, &s, &pat);
	int			pos = 0;

	if (ev == NULL)
		PG_RETURN_BOOL(false);
	if (!pat->has_time)
		PG_RETURN_BOOL(sequence_dfa_match(pat, ev, s->count));
	PG_RETURN_BOOL(sequence_could_match(pat, ev, s->count) &&
				   sequence_backtrack(pat, ev, s->count, &pos));
}

PG_FUNCTION_INFO_V1(funnel_events_sequence_count);
Datum
funnel_events_sequence_count(PG_FUNCTION_ARGS)
{
	FunnelState *s = NULL;
	Pattern    *pat = NULL;
	FunnelEvent *ev = sequence_prepare(fcinfo, &s, &pat);
	int			pos = 0;
	int64		count = 0;

	if (ev == NULL || !sequence_could_match(pat, ev, s->count))
		PG_RETURN_INT64(0);
	while (pos < s->count && sequence_backtrack(pat, ev, s->count, &pos))
	{
		count++;
		CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_INT64(count);
}

/* ---- funnel_events: text and binary forms ---------------------------------- */

/*
 * Text form:
 *   window_funnel 3 0 86400000000 0 'strict_order': 2026-01-01 10:00:00+00 1,2; ...
 * i.e. kind, number of steps, the window as days, microseconds and months,
 * the quoted mode or pattern, then each event's timestamp and its steps
 * (an empty list for a row matching none).
 */
PG_FUNCTION_INFO_V1(funnel_events_out);
Datum
funnel_events_out(PG_FUNCTION_ARGS)
{
	FunnelState *s = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			i,
				b;

	if (s->kind > FUNNEL_KIND_SEQUENCE || s->count > s->capacity || s->count < 0)
		io_corrupt_value("funnel_events", "bad kind or count");
	initStringInfo(&buf);
	appendStringInfo(&buf, "%s %d %d " INT64_FORMAT " %d '", kind_names[s->kind], s->nsteps,
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
		FunnelEvent *e = &FS_EVENTS(s)[i];
		bool		first = true;
		char	   *ts = DatumGetCString(DirectFunctionCall1(timestamptz_out,
															 TimestampTzGetDatum(e->at)));

		appendStringInfo(&buf, "%s%s ", i == 0 ? ": " : "; ", ts);
		for (b = 0; b < FUNNEL_MAX_STEPS; b++)
			if (e->mask & ((uint32) 1 << b))
			{
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
	bool		bad = (s->nsteps < FUNNEL_MAX_STEPS && (mask >> s->nsteps) != 0) ||
		(mask == 0 && !(s->kind == FUNNEL_KIND_WINDOW && (s->flags & MODE_ORDER)));

	if (!bad)
		return;
	if (binary)
		io_binary_error("funnel_events", "an event's steps do not fit the state");
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type funnel_events"),
			 errdetail("An event's steps must be among 1..%d; an event with none is kept only in strict_order mode.",
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

	for (kind = 0; kind <= FUNNEL_KIND_SEQUENCE; kind++)
		if (strncmp(p, kind_names[kind], strlen(kind_names[kind])) == 0 &&
			io_is_blank(p[strlen(kind_names[kind])]))
			break;
	if (kind > FUNNEL_KIND_SEQUENCE)
		io_syntax_error("funnel_events", str, "Expected window_funnel or sequence first.");
	p += strlen(kind_names[kind]);
	nsteps = (int) io_read_int64(&p, 0, FUNNEL_MAX_STEPS, "number of steps", "funnel_events", str);
	within.day = (int32) io_read_int64(&p, 0, PG_INT32_MAX, "window days", "funnel_events", str);
	within.time = io_read_int64(&p, 0, PG_INT64_MAX, "window microseconds", "funnel_events", str);
	within.month = (int32) io_read_int64(&p, 0, PG_INT32_MAX, "window months", "funnel_events", str);
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
					int64		step = io_read_int64(&p, 1, FUNNEL_MAX_STEPS, "step", "funnel_events", str);

					mask |= (uint32) 1 << (step - 1);
					if (*p != ',')
						break;
					p++;
				}
			funnel_check_event(s, mask, false);
			if (s->count == s->capacity)
				s = funnel_state_new(s, 0, 0, NULL, NULL, 0, s->capacity * 2);
			FS_EVENTS(s)[s->count].at = at;
			FS_EVENTS(s)[s->count].mask = mask;
			s->count++;
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
	FunnelState *s = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			i;

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
		pq_sendint64(&buf, FS_EVENTS(s)[i].at);
		pq_sendint32(&buf, FS_EVENTS(s)[i].mask);
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
	if (kind > FUNNEL_KIND_SEQUENCE)
		io_binary_error("funnel_events", "unknown kind %d", kind);
	if (nsteps > FUNNEL_MAX_STEPS)
		io_binary_error("funnel_events", "%d steps (at most %d)", nsteps, FUNNEL_MAX_STEPS);
	if (kind == FUNNEL_KIND_SEQUENCE && (within.day || within.time || within.month))
		io_binary_error("funnel_events", "a sequence state with a window");
	if (within.day < 0 || within.time < 0 || within.month < 0)
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
		FS_EVENTS(s)[i].at = pq_getmsgint64(buf);
		FS_EVENTS(s)[i].mask = pq_getmsgint(buf, 4);
		if (!IS_VALID_TIMESTAMP(FS_EVENTS(s)[i].at) && !TIMESTAMP_NOT_FINITE(FS_EVENTS(s)[i].at))
			io_binary_error("funnel_events", "timestamp out of range");
		funnel_check_event(s, FS_EVENTS(s)[i].mask, true);
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
	FunnelState *a = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	FunnelState *b = (FunnelState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	FunnelEvent *ea,
			   *eb;
	bool		result;

	if (!funnel_same_params(a, b->kind, b->nsteps, &b->within, b->data, b->paramlen) ||
		a->count != b->count)
		return false;
	ea = funnel_sorted(a);
	eb = funnel_sorted(b);
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

/* ---- retention --------------------------------------------------------------
 *
 * The state is a bigint: bits 0..31 say which conditions some row met, bits
 * 32..39 hold the number of conditions.
 */
#define RET_MASK(st)	((uint32) ((uint64) (st) & 0xFFFFFFFF))
#define RET_N(st)		((int) (((uint64) (st) >> 32) & 0xFF))
#define RET_MAKE(n, m)	((int64) (((uint64) (n) << 32) | (uint64) (m)))

PG_FUNCTION_INFO_V1(retention_trans);
Datum
retention_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *conds;
	int			n = 0;
	uint32		mask = 0;

	if (!PG_ARGISNULL(1))
	{
		bits8	   *nulls;
		const bool *v;
		int			i,
					k = 0;

		conds = PG_GETARG_ARRAYTYPE_P(1);
		if (ARR_NDIM(conds) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("retention conditions must be a one-dimensional array")));
		n = ARR_NDIM(conds) == 1 ? ARR_DIMS(conds)[0] : 0;
		if (n > FUNNEL_MAX_STEPS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("retention takes at most %d conditions, not %d", FUNNEL_MAX_STEPS, n)));
		nulls = ARR_NULLBITMAP(conds);
		v = funnel_array_bools(conds);
		for (i = 0; i < n; i++)
		{
			if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			if (v[k++])
				mask |= (uint32) 1 << i;
		}
	}
	else if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* nothing known yet, not even the count */
	else
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	if (!PG_ARGISNULL(0))
	{
		int64		st = PG_GETARG_INT64(0);

		if (RET_N(st) != n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("retention needs the same number of conditions on every row (%d, then %d)",
							RET_N(st), n)));
		mask |= RET_MASK(st);
	}
	PG_RETURN_INT64(RET_MAKE(n, mask));
}

PG_FUNCTION_INFO_V1(retention_combine);
Datum
retention_combine(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_INT64(0);
	int64		b = PG_GETARG_INT64(1);

	if (RET_N(a) != RET_N(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention needs the same number of conditions on every row (%d, then %d)",
						RET_N(a), RET_N(b))));
	PG_RETURN_INT64(a | b);
}

PG_FUNCTION_INFO_V1(retention_final);
Datum
retention_final(PG_FUNCTION_ARGS)
{
	int64		st = PG_GETARG_INT64(0);
	int			n = RET_N(st);
	uint32		mask = RET_MASK(st);
	Datum		elems[FUNNEL_MAX_STEPS];
	int			i;

	if (n > FUNNEL_MAX_STEPS || (n < FUNNEL_MAX_STEPS && (mask >> n) != 0) ||
		((uint64) st >> 40) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not a retention state: %lld", (long long) st)));
	/* the first condition gates the others */
	for (i = 0; i < n; i++)
		elems[i] = BoolGetDatum((mask & 1) && (mask & ((uint32) 1 << i)));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, BOOLOID, 1, true, TYPALIGN_CHAR));
}
