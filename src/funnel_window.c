/*-------------------------------------------------------------------------
 *
 * funnel_window.c
 *	  The final functions of the window funnels: how many steps of the funnel
 *	  a group reached in order within the window, with ClickHouse's modes
 *	  (strict_order, strict_deduplication, strict_increase, strict_once,
 *	  allow_reentry) (window_funnel), the times of those steps
 *	  (window_funnel_steps), and the same with rows that break a chain
 *	  (window_funnel_excluding).
 *
 * src/funnel_window.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/memutils.h"

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
 * Both walks take the events as ClickHouse does: ordered by timestamp, then
 * step (a row matching several steps counts as one event per step, lowest
 * step first; in strict_order a row matching no step is step 0 and comes
 * first), then row.  window_walk() is that order; what an event does is the
 * walk's own (a function per walk), and so is what happens at the end of a
 * timestamp group.  An event's function returns WALK_ON, WALK_STOP (the
 * answer is the highest level reached so far) or the answer itself.
 */
#define WALK_ON		(-1)
#define WALK_STOP	(-2)

typedef struct WindowWalk WindowWalk;

struct WindowWalk
{
	FunnelState *s;
	const FunnelEvent *ev;
	/* window_funnel_excluding: the times of the excluded rows, in order */
	const TimestampTz *excluded;
	int			nexcluded;
	bool		started;		/* some row matched step 1 */
	/* step >= 1 matched by row r: WALK_ON, WALK_STOP or the answer */
	int			(*event) (WindowWalk *w, int step, int r);
	void		(*group_begin) (WindowWalk *w);
	void		(*group_end) (WindowWalk *w);
	/* the highest level reached */
	int			(*highest) (WindowWalk *w);
};

/*
 * Where the chain whose step 1 is at "first" ends: the end of its window or,
 * for window_funnel_excluding, the first excluded row after its step 1,
 * whichever comes first.  An excluded row between step i and step i+1 breaks
 * a chain, so a chain may only go on up to it (a step at that very instant is
 * not after it and still counts); an excluded row at the instant of step 1
 * is not after it either.
 */
static TimestampTz
walk_deadline(WindowWalk *w, TimestampTz first)
{
	TimestampTz d = funnel_deadline(w->s, first);
	int			lo = 0,
				hi = w->nexcluded;

	/* the first excluded time > first */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (w->excluded[mid] <= first)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < w->nexcluded && w->excluded[lo] < d)
		d = w->excluded[lo];
	return d;
}

static int
window_walk(WindowWalk *w)
{
	const FunnelEvent *ev = w->ev;
	int			count = w->s->count;
	int			nsteps = w->s->nsteps;
	uint32		step_bits = FUNNEL_STEP_BITS(nsteps);
	int			first_step = (w->s->flags & MODE_ORDER) ? 0 : 1;
	int			outcome = WALK_ON;
	int			i = 0;

	while (i < count && outcome == WALK_ON)
	{
		int			g_end = i;

		while (g_end < count && ev[g_end].at == ev[i].at)
			g_end++;
		if (w->group_begin)
			w->group_begin(w);
		if (g_end == i + 1)
		{
			/* the usual instant of one row: its steps in order, bit by bit */
			uint32		m = ev[i].mask & step_bits;

			if (m == 0 && first_step == 0 && w->started)
				outcome = WALK_STOP;
			while (m != 0 && outcome == WALK_ON)
			{
				int			step = pg_rightmost_one_pos32(m) + 1;

				m &= m - 1;
				outcome = w->event(w, step, i);
				if (step == 1)
					w->started = true;
			}
		}
		else
			for (int step = first_step; step <= nsteps && outcome == WALK_ON; step++)
			{
				uint32		bit = step == 0 ? 0 : (uint32) 1 << (step - 1);

				for (int r = i; r < g_end && outcome == WALK_ON; r++)
				{
					if (step == 0 ? (ev[r].mask & step_bits) != 0 : !(ev[r].mask & bit))
						continue;
					/* one timestamp may carry many events, each costing a level's chains */
					CHECK_FOR_INTERRUPTS();
					if (step == 0)
					{
						/* a row matching no step ends a started funnel */
						if (w->started)
							outcome = WALK_STOP;
						continue;
					}
					outcome = w->event(w, step, r);
					if (step == 1)
						w->started = true;
				}
			}
		if (outcome == WALK_ON && w->group_end)
			w->group_end(w);
		CHECK_FOR_INTERRUPTS();
		i = g_end;
	}
	return outcome >= 0 ? outcome : w->highest(w);
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
typedef struct IncreaseWalk
{
	WindowWalk	walk;
	bool		have[FUNNEL_MAX_STEPS];	/* committed: level k reached */
	TimestampTz first[FUNNEL_MAX_STEPS];	/* its chain's step 1 */
	TimestampTz deadline[FUNNEL_MAX_STEPS];
	bool		pend[FUNNEL_MAX_STEPS];	/* reached in this group */
	TimestampTz pend_first[FUNNEL_MAX_STEPS];
	bool		evidence[FUNNEL_MAX_STEPS];
	/* with times: the steps' times of the chain at each level, committed and pending */
	TimestampTz (*times)[FUNNEL_MAX_STEPS];
	TimestampTz (*pend_times)[FUNNEL_MAX_STEPS];
} IncreaseWalk;

static void
increase_group_begin(WindowWalk *walk)
{
	IncreaseWalk *w = (IncreaseWalk *) walk;

	memset(w->pend, 0, sizeof(w->pend));
	memset(w->evidence, 0, sizeof(w->evidence));
}

static int
increase_event(WindowWalk *walk, int step, int r)
{
	IncreaseWalk *w = (IncreaseWalk *) walk;
	int			nsteps = walk->s->nsteps;
	uint8		flags = walk->s->flags;
	TimestampTz t = walk->ev[r].at;
	int			idx = step - 1;

	if (idx == 0)
	{
		if (w->pend_times && (!w->pend[0] || t > w->pend_first[0]))
			w->pend_times[0][0] = t;
		w->pend_first[0] = w->pend[0] ? Max(w->pend_first[0], t) : t;
		w->pend[0] = w->evidence[0] = true;
		return WALK_ON;
	}
	if ((flags & MODE_ORDER) && walk->started &&
		!w->have[idx - 1] && !w->pend[idx - 1] && !w->evidence[idx - 1])
	{
		int			k;

		if (flags & MODE_REENTRY)
			return WALK_ON;
		for (k = 0; k < nsteps && (w->have[k] || w->pend[k]); k++)
			;
		return k;
	}
	if (w->have[idx - 1] && t <= w->deadline[idx - 1])
	{
		if (w->pend_times && (!w->pend[idx] || w->first[idx - 1] > w->pend_first[idx]))
		{
			memcpy(w->pend_times[idx], w->times[idx - 1], sizeof(TimestampTz) * idx);
			w->pend_times[idx][idx] = t;
		}
		w->pend_first[idx] = w->pend[idx] ?
			Max(w->pend_first[idx], w->first[idx - 1]) : w->first[idx - 1];
		w->pend[idx] = w->evidence[idx] = true;
		if (idx + 1 == nsteps)
			return nsteps;
	}
	else if (w->evidence[idx - 1])
		w->evidence[idx] = true;
	return WALK_ON;
}

/* what the group reached is committed */
static void
increase_group_end(WindowWalk *walk)
{
	IncreaseWalk *w = (IncreaseWalk *) walk;

	for (int k = 0; k < walk->s->nsteps; k++)
		if (w->pend[k] && (!w->have[k] || w->pend_first[k] > w->first[k]))
		{
			w->have[k] = true;
			w->first[k] = w->pend_first[k];
			if (w->times)
				memcpy(w->times[k], w->pend_times[k], sizeof(TimestampTz) * (k + 1));
			w->deadline[k] = walk_deadline(walk, w->first[k]);
		}
}

static int
increase_highest(WindowWalk *walk)
{
	IncreaseWalk *w = (IncreaseWalk *) walk;

	for (int k = walk->s->nsteps; k > 0; k--)
		if (w->have[k - 1])
			return k;
	return 0;
}

/*
 * Every other mode: levels[k] holds the chains that reached step k+1;
 * without strict_once only the latest chain per level matters, so each list
 * holds at most one.
 */
typedef struct LevelWalk
{
	WindowWalk	walk;
	bool		once;			/* strict_once */
	ChainList	levels[FUNNEL_MAX_STEPS];
	/* without strict_once, each level's one chain lives here (not zeroed) */
	Chain		single[FUNNEL_MAX_STEPS];
} LevelWalk;

/* row r starts a chain */
static void
level_start(LevelWalk *w, int r)
{
	TimestampTz t = w->walk.ev[r].at;
	Chain	   *c;

	if (!w->once)
		w->levels[0].n = 0;
	c = chain_push(&w->levels[0]);
	c->first = c->last = t;
	c->deadline = walk_deadline(&w->walk, t);
	c->path[0] = r;
}

/*
 * Row r, matching step idx+1, extends the chains of level idx-1 that it can
 * (within their window; in strict_once, a row the chain has not used; in
 * strict_increase, later than the chain's last step): nsteps when that
 * completes the funnel.
 */
static int
level_extend(LevelWalk *w, int idx, int r)
{
	ChainList  *prev = &w->levels[idx - 1];
	TimestampTz t = w->walk.ev[r].at;
	uint8		flags = w->walk.s->flags;
	bool		once = w->once;
	int			wr = 0,
				n = prev->n;

	for (int rd = 0; rd < n; rd++)
	{
		Chain		c = prev->items[rd];
		bool		ok = t <= c.deadline;

		CHECK_FOR_INTERRUPTS();
		/* strict_once drops chains past their window, keeping one */
		if (once && !ok && n - (rd - wr) > 1)
			continue;
		prev->items[wr++] = c;
		if (once)
			for (int k = 0; ok && k < idx; k++)
				ok = c.path[k] != (uint32) r;
		if (ok && (flags & MODE_INCREASE))
			ok = c.last < t;
		if (ok)
		{
			Chain	   *nc;

			if (!once)
				w->levels[idx].n = 0;
			nc = chain_push(&w->levels[idx]);
			/* prev may have moved only if idx == idx - 1: never */
			*nc = c;
			nc->last = t;
			nc->path[idx] = r;
			if (idx + 1 == w->walk.s->nsteps)
				return w->walk.s->nsteps;
		}
	}
	prev->n = wr;
	return WALK_ON;
}

static int
level_event(WindowWalk *walk, int step, int r)
{
	LevelWalk  *w = (LevelWalk *) walk;
	uint8		flags = walk->s->flags;
	int			idx = step - 1;

	if (idx == 0)
	{
		level_start(w, r);
		return WALK_ON;
	}
	if ((flags & MODE_DEDUPLICATION) && w->levels[idx].n > 0)
		return WALK_STOP;
	if ((flags & MODE_ORDER) && walk->started && w->levels[idx - 1].n == 0)
	{
		int			k;

		if (flags & MODE_REENTRY)
			return WALK_ON;
		for (k = 0; k < walk->s->nsteps && w->levels[k].n > 0; k++)
			;
		return k;
	}
	if (w->levels[idx - 1].n > 0)
		return level_extend(w, idx, r);
	return WALK_ON;
}

/*
 * After a timestamp group, a chain's path (which rows it used) and its last
 * time no longer matter: later rows are other rows, at later times.  Of the
 * chains at a level the one with the latest deadline can do whatever the
 * others can, so strict_once keeps just that one, and memory stays
 * proportional to one group's events.
 */
static void
level_group_end(WindowWalk *walk)
{
	LevelWalk  *w = (LevelWalk *) walk;

	if (!w->once)
		return;
	for (int k = 0; k < walk->s->nsteps; k++)
	{
		ChainList  *l = &w->levels[k];

		for (int c = 1; c < l->n; c++)
			if (l->items[c].deadline > l->items[0].deadline)
				l->items[0] = l->items[c];
		l->n = Min(l->n, 1);
	}
}

static int
level_highest(WindowWalk *walk)
{
	LevelWalk  *w = (LevelWalk *) walk;

	for (int k = walk->s->nsteps; k > 0; k--)
		if (w->levels[k - 1].n > 0)
			return k;
	return 0;
}

/*
 * How many steps the group's events reached; with "times", also the times of
 * the steps of a chain that reached that many (the one window_funnel counts:
 * the chain that completed the funnel, or one at the highest level).
 */
static int
window_funnel_level(FunnelState *s, TimestampTz *times)
{
	FunnelEvent local[32];
	FunnelEvent *ev;
	TimestampTz *excluded = NULL;
	int			nexcluded = 0;
	int			result;
	WindowWalk	walk;

	if (s->count == 0 || s->nsteps == 0)
		return 0;
	ev = funnel_sorted(s, local, lengthof(local));
	if (s->kind == FUNNEL_KIND_EXCLUDING)
	{
		excluded = palloc(sizeof(TimestampTz) * s->count);
		for (int i = 0; i < s->count; i++)
			if (ev[i].mask & FUNNEL_EXCLUDED)
				excluded[nexcluded++] = ev[i].at;
	}
	/* what both walks share; each sets its own functions */
	memset(&walk, 0, sizeof(walk));
	walk.s = s;
	walk.ev = ev;
	walk.excluded = excluded;
	walk.nexcluded = nexcluded;
	if ((s->flags & MODE_INCREASE) && !(s->flags & (MODE_DEDUPLICATION | MODE_ONCE)))
	{
		IncreaseWalk w;

		memset(&w, 0, sizeof(w));
		w.walk = walk;
		w.walk.event = increase_event;
		w.walk.group_begin = increase_group_begin;
		w.walk.group_end = increase_group_end;
		w.walk.highest = increase_highest;
		if (times)
		{
			w.times = palloc(sizeof(TimestampTz) * FUNNEL_MAX_STEPS * FUNNEL_MAX_STEPS);
			w.pend_times = palloc(sizeof(TimestampTz) * FUNNEL_MAX_STEPS * FUNNEL_MAX_STEPS);
		}
		result = window_walk(&w.walk);
		if (times && result > 0)
		{
			int			k = result - 1;

			/* a level reached in the group that ended the walk is pending */
			memcpy(times, w.pend[k] && (!w.have[k] || w.pend_first[k] > w.first[k]) ?
				   w.pend_times[k] : w.times[k], sizeof(TimestampTz) * result);
		}
	}
	else
	{
		LevelWalk	w;

		/* the chains themselves need no zeroing: a group has ~10 events */
		memset(&w, 0, offsetof(LevelWalk, single));
		w.once = (s->flags & MODE_ONCE) != 0;
		if (!w.once)
			for (int k = 0; k < s->nsteps; k++)
			{
				w.levels[k].items = &w.single[k];
				w.levels[k].cap = 1;
			}
		w.walk = walk;
		w.walk.event = level_event;
		w.walk.group_end = level_group_end;
		w.walk.highest = level_highest;
		result = window_walk(&w.walk);
		if (times && result > 0)
		{
			ChainList  *l = &w.levels[result - 1];
			const Chain *c = &l->items[l->n - 1];	/* the latest one pushed */

			for (int k = 0; k < result; k++)
				times[k] = ev[c->path[k]].at;
		}
	}
	if (ev != local)
		pfree(ev);
	if (excluded)
		pfree(excluded);
	return result;
}

PG_FUNCTION_INFO_V1(funnel_events_window_funnel);
Datum
funnel_events_window_funnel(PG_FUNCTION_ARGS)
{
	FunnelState *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	s = funnel_state_read(PG_GETARG_DATUM(0));
	if (!FUNNEL_IS_WINDOW(s->kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_events value was made by a sequence aggregate, not window_funnel")));
	PG_RETURN_INT32(window_funnel_level(s, NULL));
}

/* window_funnel_steps' final function: the times of the counted chain's steps */
PG_FUNCTION_INFO_V1(funnel_events_window_funnel_steps);
Datum
funnel_events_window_funnel_steps(PG_FUNCTION_ARGS)
{
	FunnelState *s;
	TimestampTz times[FUNNEL_MAX_STEPS];
	Datum		d[FUNNEL_MAX_STEPS];
	int			n;

	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TIMESTAMPTZOID));
	s = funnel_state_read(PG_GETARG_DATUM(0));
	if (!FUNNEL_IS_WINDOW(s->kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_events value was made by a sequence aggregate, not window_funnel")));
	n = window_funnel_level(s, times);
	for (int k = 0; k < n; k++)
		d[k] = TimestampTzGetDatum(times[k]);
	PG_RETURN_ARRAYTYPE_P(construct_array(d, n, TIMESTAMPTZOID, sizeof(TimestampTz),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
