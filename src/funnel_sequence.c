/*-------------------------------------------------------------------------
 *
 * funnel_sequence.c
 *	  The sequence pattern language ((?N), ., .*, (?t<op>seconds)) and the
 *	  final functions sequence_match and sequence_count.
 *
 * src/funnel_sequence.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "miscadmin.h"

#include "common/int.h"
#include "utils/memutils.h"

#define SEQUENCE_MAX_ITERATIONS 1000000 /* as ClickHouse: a runaway pattern is an error */

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
Pattern *
funnel_pattern_parse(const char *pattern, int len, int nconds)
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

			/* events x states: a long pattern over many events takes long */
			CHECK_FOR_INTERRUPTS();
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
				CHECK_FOR_INTERRUPTS();
			}
			if (j < b)
				return false;
		}
		a = b + 1;
	}
	return true;
}

/* does the time condition x hold for an event at t, measured from one at b? */
static bool
sequence_time_ok(const PatternAction *x, TimestampTz t, TimestampTz b)
{
	int64		diff;

	/* the distance in microseconds, saturated */
	if (pg_sub_s64_overflow(t, b, &diff))
		diff = t > b ? PG_INT64_MAX : PG_INT64_MIN;
	switch (x->op)
	{
		case PAT_TIME_LE:
			return diff <= x->arg;
		case PAT_TIME_LT:
			return diff < x->arg;
		case PAT_TIME_GE:
			return diff >= x->arg;
		case PAT_TIME_GT:
			return diff > x->arg;
		default:
			return diff == x->arg;
	}
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
	bool		result;

#define PUSH() do { \
		if (depth == cap) stack = repalloc(stack, sizeof(Backtrack) * (cap *= 2)); \
		stack[depth].action = act; stack[depth].event = e; stack[depth].base = base; depth++; \
	} while (0)

	while (act < pat->nactions && e < n)
	{
		const PatternAction *x = &pat->actions[act];
		bool		fail = false;

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
				if (sequence_time_ok(x, ev[e].at, ev[base].at))
				{
					PUSH();
					base = e, act++;
				}
				else if (x->op == PAT_TIME_LE || x->op == PAT_TIME_LT)
					fail = true;
				else if (++e == n)
					fail = true;
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
	s = funnel_state_read(PG_GETARG_DATUM(0));
	if (s->kind != FUNNEL_KIND_SEQUENCE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_events value was made by window_funnel, not a sequence aggregate")));
	*sp = s;
	*patp = funnel_pattern_parse(s->data, s->paramlen, s->nsteps);
	for (i = 0; i < s->count; i++)
		met |= funnel_mask(s, i);
	/* a condition the pattern needs never happened: no match */
	if (((*patp)->used & met) != (*patp)->used)
		return NULL;
	return funnel_sorted(s, NULL, 0);
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
