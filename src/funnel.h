/*-------------------------------------------------------------------------
 *
 * funnel.h
 *	  Declarations shared by the files of the event funnels (ClickHouse's
 *	  parametric aggregates), one file per job:
 *
 *	  funnel.c			the funnel_events state: its parameters, the
 *						aggregates' transition and combine functions, what
 *						the final functions share (sorted events, deadlines)
 *	  funnel_io.c		funnel_events text and binary forms, equality
 *	  funnel_window.c	window_funnel
 *	  funnel_sequence.c	the sequence pattern language, sequence_match and
 *						sequence_count
 *	  funnel_retention.c	retention (its state is a bigint, not
 *						funnel_events)
 *
 * src/funnel.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef FUNNEL_H
#define FUNNEL_H

#include "interaction.h"

#include "utils/array.h"

/* ---- the funnel_events state (funnel.c, funnel_io.c) -------------------- */

#define FUNNEL_MAX_STEPS		32
#define FUNNEL_MAX_EVENTS		100000000	/* sanity bound on input and recv */

/* which aggregate a state belongs to (part of the on-disk format) */
#define FUNNEL_KIND_WINDOW		0
#define FUNNEL_KIND_SEQUENCE	1
#define FUNNEL_KIND_EXCLUDING	2	/* window_funnel_excluding */
#define FUNNEL_NKINDS			3
/* a window funnel (window_funnel, window_funnel_steps, window_funnel_excluding) */
#define FUNNEL_IS_WINDOW(kind)	((kind) != FUNNEL_KIND_SEQUENCE)

/*
 * window_funnel_excluding: bit 31 of an event's mask says the row meets the
 * exclusion condition, so such a state has 31 steps at most.
 */
#define FUNNEL_EXCLUDED			((uint32) 1 << 31)
#define FUNNEL_KIND_MAX_STEPS(kind) \
	((kind) == FUNNEL_KIND_EXCLUDING ? FUNNEL_MAX_STEPS - 1 : FUNNEL_MAX_STEPS)
/* the bits of a mask that are steps */
#define FUNNEL_STEP_BITS(nsteps) \
	((nsteps) >= 32 ? ~(uint32) 0 : ((uint32) 1 << (nsteps)) - 1)

/* window_funnel modes */
#define MODE_DEDUPLICATION		0x01
#define MODE_ORDER				0x02
#define MODE_INCREASE			0x04
#define MODE_ONCE				0x08
#define MODE_REENTRY			0x10

/* an event as the final functions read it (funnel_sorted()) */
typedef struct FunnelEvent
{
	int64		at;				/* TimestampTz */
	uint32		mask;			/* bit i: the row matches step/condition i+1 */
	uint32		pad;
} FunnelEvent;

/*
 * The state.  Its "version" byte says how the events are laid out after the
 * parameters:
 *
 *	FUNNEL_LAYOUT_EVENTS (1, the layout of 1.0 and 1.1): FunnelEvent[capacity];
 *	FUNNEL_LAYOUT_PACKED (2, since 1.2): the times, int64[capacity], then the
 *	masks[capacity], one byte each when the state has 7 steps or fewer (bit 7
 *	is then FUNNEL_EXCLUDED), four otherwise.
 *
 * A group's state is one of many held at once by a grouped aggregate, so its
 * size is what the grouping pays for in cache misses: 9 bytes an event
 * rather than 16.  Every state made is packed; a stored value of layout 1 is
 * read through funnel_state_read(), which packs it.  The binary and text
 * forms are the same for both (funnel_io.c).
 */
#define FUNNEL_LAYOUT_EVENTS	1
#define FUNNEL_LAYOUT_PACKED	2

typedef struct FunnelState
{
	int32		vl_len_;
	uint8		version;		/* FUNNEL_LAYOUT_* */
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
/* bytes of one packed event's mask: 1 up to 7 steps */
#define FS_MASK_BYTES(nsteps)	((nsteps) <= 7 ? 1 : 4)
#define FS_EVENT_BYTES(nsteps)	(sizeof(int64) + FS_MASK_BYTES(nsteps))
#define FS_SIZE(plen, nsteps, cap) \
	(FS_EVENTS_OFFSET(plen) + (Size) (cap) * FS_EVENT_BYTES(nsteps))

/* the times of a packed state */
static inline TimestampTz *
funnel_times(const FunnelState *s)
{
	return (TimestampTz *) ((char *) s + FS_EVENTS_OFFSET(s->paramlen));
}

/* the masks of a packed state (one byte or four each: FS_MASK_BYTES) */
static inline char *
funnel_masks(const FunnelState *s)
{
	return (char *) (funnel_times(s) + s->capacity);
}

/* event i's mask (bit 31 the exclusion, as FunnelEvent has it) */
static inline uint32
funnel_mask(const FunnelState *s, int i)
{
	if (FS_MASK_BYTES(s->nsteps) == 1)
	{
		uint8		m = (uint8) funnel_masks(s)[i];

		return (m & 0x7f) | ((uint32) (m & 0x80) << 24);
	}
	return ((const uint32 *) funnel_masks(s))[i];
}

/* event i is (at, mask); the caller made room (i < capacity) */
static inline void
funnel_set_event(FunnelState *s, int i, TimestampTz at, uint32 mask)
{
	funnel_times(s)[i] = at;
	if (FS_MASK_BYTES(s->nsteps) == 1)
		funnel_masks(s)[i] = (char) ((mask & 0x7f) | ((mask & FUNNEL_EXCLUDED) >> 24));
	else
		((uint32 *) funnel_masks(s))[i] = mask;
}

/* the kind as the text form spells it, and as messages name it */
extern const char *const funnel_kind_names[];
extern const char *const funnel_kind_functions[];

/*
 * A state with room for capacity events and the events of "from" (if any)
 * copied in; its parameters are "from"'s or, with from NULL, the ones given,
 * checked (funnel_check_params(): creation, text input and recv share it).
 */
extern FunnelState *funnel_state_new(const FunnelState *from, int kind, int nsteps,
									 const Interval *within, const char *param,
									 int paramlen, int capacity);

/* the state has these parameters (every row checks: inline) */
static inline bool
funnel_same_params(const FunnelState *s, int kind, int nsteps, const Interval *within,
				   const char *param, int paramlen)
{
	return s->kind == kind && s->nsteps == nsteps &&
		s->within.time == within->time && s->within.day == within->day &&
		s->within.month == within->month && s->paramlen == paramlen &&
		(paramlen == 0 || memcmp(s->data, param, paramlen) == 0);
}

/*
 * A state as its functions read it: detoasted, checked (a corrupt value is
 * XX001, never a read out of bounds), and packed (a stored value of layout 1
 * is converted into a new copy).
 */
extern FunnelState *funnel_state_read(Datum d);
/* s with twice the room (a new copy: funnel.c) */
extern FunnelState *funnel_grow(FunnelState *s);

/* event "at, mask" appended: s itself when it has room, else a bigger copy */
static inline FunnelState *
funnel_append(FunnelState *s, TimestampTz at, uint32 mask)
{
	if (unlikely(s->count == s->capacity))
		s = funnel_grow(s);
	funnel_set_event(s, s->count, at, mask);
	s->count++;
	return s;
}
/*
 * A sorted copy of the events (final functions may not change the state): in
 * buf if its bufn events are enough, else palloc'd.
 */
extern FunnelEvent *funnel_sorted(FunnelState *s, FunnelEvent *buf, int bufn);
/* the end of the window that opens at first */
extern TimestampTz funnel_deadline(FunnelState *s, TimestampTz first);

/* ---- sequence patterns (funnel_sequence.c) ------------------------------ */

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

/* parse a pattern for nconds conditions (22023 naming the fault) */
extern Pattern *funnel_pattern_parse(const char *pattern, int len, int nconds);

#endif							/* FUNNEL_H */
