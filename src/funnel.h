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
extern bool funnel_same_params(const FunnelState *s, int kind, int nsteps,
							   const Interval *within, const char *param, int paramlen);
/* a sorted copy of the events (final functions may not change the state) */
extern FunnelEvent *funnel_sorted(FunnelState *s);
/* the end of the window that opens at first */
extern TimestampTz funnel_deadline(FunnelState *s, TimestampTz first);

/* the elements of a bool[] (the non-NULL ones, packed), read in place */
static inline const bool *
funnel_array_bools(ArrayType *a)
{
	Size		off = ARR_HASNULL(a) ? (Size) a->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a));

	return (const bool *) ((char *) a + off);
}

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
