/*-------------------------------------------------------------------------
 *
 * next_node.c
 *	  sequence_next_node(direction, base, at, value, base_condition,
 *	  VARIADIC events): ClickHouse's sequenceNextNode, "what did the customer
 *	  do right after (or right before) this chain of events".
 *
 * The group's events are put in order: time, then value (bytewise, shorter
 * first; ClickHouse orders ties the same way), then the event bits and the
 * base flag, so that the answer does not depend on the order rows arrive in.
 * A base point is chosen: head (the first event, if it meets
 * base_condition), tail (the last one, likewise), first_match / last_match
 * (the first / last event that meets both base_condition and event 1).
 * From the base, going forward (later) or backward (earlier), the k events
 * met one by one must meet events 1..k; the answer is the value of the event
 * after them in that direction.  No base, a broken chain or no event after
 * it: NULL.  With no events the answer is the base's own value.  head with
 * backward and tail with forward are errors, as in ClickHouse; first_match
 * and last_match need at least one event; at most 64 events.
 *
 * Rows whose time or value is NULL are skipped (ClickHouse skips a row with
 * a NULL value); NULL conditions are false.  direction and base are
 * parameters: they must not be NULL and must be the same on every row of a
 * group, like the number of events.
 *
 * The state is internal: the group's events (time, 64 event bits, base
 * flag, value) in arrival order, in two growing arrays (24-byte entries and
 * the values' bytes, at most 1 GB a group), so a row costs no allocation of
 * its own.  A new state is one chunk with room for 12 events and 128 bytes of
 * values (a customer's usual group); an array that outgrows it moves to a
 * chunk of its own.  It is
 * serialised for parallel workers as: uint8 version, uint8 direction, uint8
 * base, uint8 number of events, int32 count, then per event int64 at,
 * uint64 bits, uint8 base flag, int32 length and the value's bytes.
 *
 * src/next_node.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <limits.h>

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#define NN_MAX_EVENTS	64

typedef enum NextNodeDirection
{
	NN_FORWARD,
	NN_BACKWARD
} NextNodeDirection;

typedef enum NextNodeBase
{
	NN_HEAD,
	NN_TAIL,
	NN_FIRST_MATCH,
	NN_LAST_MATCH
} NextNodeBase;

static const char *const direction_names[] = {"forward", "backward"};
static const char *const base_names[] = {"head", "tail", "first_match", "last_match"};

typedef struct NextNodeEvent
{
	int64		at;				/* TimestampTz */
	uint64		bits;			/* bit i: event i + 1 holds */
	uint32		off;			/* value's bytes in the state's buffer */
	uint32		len;			/* their length, NN_BASE_FLAG: base_condition holds */
} NextNodeEvent;

#define NN_BASE_FLAG	0x80000000U
#define EV_LEN(e)		((e)->len & ~NN_BASE_FLAG)
#define EV_BASE(e)		(((e)->len & NN_BASE_FLAG) != 0)

typedef struct NextNodeState
{
	MemoryContext cxt;
	uint8		direction;
	uint8		base;
	uint8		nevents;
	int			count;
	int			capacity;
	NextNodeEvent *events;
	char	   *buf;
	uint32		buflen;
	uint32		bufcap;
	bool		events_inline;	/* events, buf: in the state's own chunk, */
	bool		buf_inline;		/* moved out when they grow */
} NextNodeState;

/*
 * A new state is one chunk: the state, room for NN_INLINE_EVENTS events and
 * NN_INLINE_BYTES of values (512 bytes in all, the aggregate's SSPACE), so
 * a group of a dozen events costs one allocation and its events sit beside
 * its state.
 */
#define NN_INLINE_EVENTS	12
#define NN_INLINE_BYTES		128

/* ---- parameters ------------------------------------------------------------ */

static int
parse_param(text *t, const char *const *names, int n, const char *what)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);

	int			k;

	/* as written (every row of a group says the same), else folded (kit.c) */
	for (int i = 0; i < n; i++)
		if ((int) strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	if ((k = kit_match_keyword(s, len, names, n)) >= 0)
		return k;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown sequence_next_node %s \"%s\"", what, text_to_cstring(t)),
			 n == 2 ? errhint("The direction is forward or backward.")
			 : errhint("The base is head, tail, first_match or last_match.")));
	pg_unreachable();
}

static void
check_params(int direction, int base, int nevents)
{
	if ((base == NN_HEAD && direction == NN_BACKWARD) ||
		(base == NN_TAIL && direction == NN_FORWARD))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence_next_node base \"%s\" cannot go %s",
						base_names[base], direction_names[direction]),
				 errhint("Go forward from head, backward from tail; first_match and last_match go either way.")));
	if ((base == NN_FIRST_MATCH || base == NN_LAST_MATCH) && nevents == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sequence_next_node base \"%s\" needs at least one event",
						base_names[base]),
				 errdetail("The base is an event that meets event 1.")));
	if (nevents > NN_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_TOO_MANY_ARGUMENTS),
				 errmsg("sequence_next_node takes at most %d events, not %d",
						NN_MAX_EVENTS, nevents)));
}

static NextNodeState *
state_new(MemoryContext cxt, int direction, int base, int nevents, int capacity)
{
	NextNodeState *s;

	if (capacity <= NN_INLINE_EVENTS)
	{
		char	   *chunk = MemoryContextAllocZero(cxt, MAXALIGN(sizeof(NextNodeState)) +
												   NN_INLINE_EVENTS * sizeof(NextNodeEvent) +
												   NN_INLINE_BYTES);

		s = (NextNodeState *) chunk;
		s->capacity = NN_INLINE_EVENTS;
		s->events = (NextNodeEvent *) (chunk + MAXALIGN(sizeof(NextNodeState)));
		s->events_inline = true;
		s->bufcap = NN_INLINE_BYTES;
		s->buf = (char *) (s->events + NN_INLINE_EVENTS);
		s->buf_inline = true;
	}
	else
	{
		s = (NextNodeState *) MemoryContextAllocZero(cxt, sizeof(NextNodeState));
		s->capacity = capacity;
		s->events = (NextNodeEvent *) MemoryContextAllocHuge(cxt, (Size) capacity * sizeof(NextNodeEvent));
		s->bufcap = 64;
		s->buf = (char *) MemoryContextAlloc(cxt, s->bufcap);
	}
	s->cxt = cxt;
	s->direction = (uint8) direction;
	s->base = (uint8) base;
	s->nevents = (uint8) nevents;
	return s;
}

/* grow an inline array out of the state's chunk, or a chunk of its own */
static void *
grow(MemoryContext cxt, void *p, bool *is_inline, Size used, Size size)
{
	void	   *q;

	if (!*is_inline)
		return repalloc_huge(p, size);
	q = MemoryContextAllocHuge(cxt, size);
	memcpy(q, p, used);
	*is_inline = false;
	return q;
}

/* 22023 naming the first row's parameters and the other's ("this row", or a partial state's) */
static void
params_differ(const NextNodeState *s, const char *other, int direction, int base, int nevents)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("sequence_next_node parameters must be the same for every row of a group"),
			 errdetail("The direction, the base and the number of events are parameters, like ClickHouse's; the first row gave %s, %s and %d, %s %s, %s and %d.",
					   direction_names[s->direction], base_names[s->base], s->nevents,
					   other, direction_names[direction], base_names[base], nevents)));
}

/* ---- adding events ----------------------------------------------------------- */

static void
state_add(NextNodeState *s, int64 at, uint64 bits, bool base, const char *value, Size len)
{
	NextNodeEvent *e;

	if (s->count == s->capacity)
	{
		if ((Size) s->capacity * 2 * sizeof(NextNodeEvent) > MaxAllocHugeSize ||
			s->capacity >= INT_MAX / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("sequence_next_node holds at most %d events in one group", s->capacity)));
		s->events = (NextNodeEvent *) grow(s->cxt, s->events, &s->events_inline,
										   (Size) s->count * sizeof(NextNodeEvent),
										   (Size) s->capacity * 2 * sizeof(NextNodeEvent));
		s->capacity *= 2;
	}
	if ((Size) s->buflen + len > s->bufcap)
	{
		Size		cap = s->bufcap;

		while (cap < (Size) s->buflen + len)
			cap *= 2;
		if (cap > MaxAllocSize)
		{
			if ((Size) s->buflen + len > MaxAllocSize)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("sequence_next_node values of one group exceed %zu bytes",
								(Size) MaxAllocSize)));
			cap = MaxAllocSize;
		}
		s->buf = (char *) grow(s->cxt, s->buf, &s->buf_inline, s->buflen, cap);
		s->bufcap = (uint32) cap;
	}
	e = &s->events[s->count++];
	e->at = at;
	e->bits = bits;
	e->off = s->buflen;
	e->len = (uint32) len | (base ? NN_BASE_FLAG : 0);
	memcpy(s->buf + s->buflen, value, len);
	s->buflen += (uint32) len;
}

/* the elements of a bool[] (the non-NULL ones, packed), read in place */
static inline const bool *
array_bools(ArrayType *a)
{
	Size		off = ARR_HASNULL(a) ? (Size) a->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a));

	return (const bool *) ((char *) a + off);
}

static Datum
next_node_add(FunctionCallInfo fcinfo, bool has_events)
{
	NextNodeState *s = PG_ARGISNULL(0) ? NULL : (NextNodeState *) PG_GETARG_POINTER(0);
	MemoryContext aggcxt;
	ArrayType  *conds = NULL;
	int			nevents = 0;
	uint64		bits = 0;
	int			direction,
				base;
	text	   *value;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("sequence_next_node support functions must be called as an aggregate")));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("sequence_next_node %s must not be NULL",
						PG_ARGISNULL(1) ? "direction" : "base")));
	direction = parse_param(PG_GETARG_TEXT_PP(1), direction_names, lengthof(direction_names), "direction");
	base = parse_param(PG_GETARG_TEXT_PP(2), base_names, lengthof(base_names), "base");

	if (has_events && !PG_ARGISNULL(6))
	{
		bits8	   *nulls;
		const bool *v;
		int			k = 0;

		conds = PG_GETARG_ARRAYTYPE_P(6);
		if (ARR_NDIM(conds) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("sequence_next_node events must be a one-dimensional array")));
		nevents = ARR_NDIM(conds) == 1 ? ARR_DIMS(conds)[0] : 0;
		if (nevents > NN_MAX_EVENTS)
			check_params(direction, base, nevents);
		nulls = ARR_NULLBITMAP(conds);
		v = array_bools(conds);
		for (int i = 0; i < nevents; i++)
		{
			if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			if (v[k++])
				bits |= UINT64CONST(1) << i;
		}
	}

	if (s == NULL)
	{
		check_params(direction, base, nevents);
		s = state_new(aggcxt, direction, base, nevents, 8);
	}
	else if (unlikely(s->direction != direction || s->base != base || s->nevents != nevents))
		params_differ(s, "this row", direction, base, nevents);

	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_POINTER(s);
	value = PG_GETARG_TEXT_PP(4);
	state_add(s, PG_GETARG_TIMESTAMPTZ(3), bits,
			  !PG_ARGISNULL(5) && PG_GETARG_BOOL(5),
			  VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(sequence_next_node_trans);
Datum
sequence_next_node_trans(PG_FUNCTION_ARGS)
{
	return next_node_add(fcinfo, true);
}

PG_FUNCTION_INFO_V1(sequence_next_node_trans_noevents);
Datum
sequence_next_node_trans_noevents(PG_FUNCTION_ARGS)
{
	return next_node_add(fcinfo, false);
}

/* ---- combine and (de)serialisation --------------------------------------------- */

PG_FUNCTION_INFO_V1(sequence_next_node_combine);
Datum
sequence_next_node_combine(PG_FUNCTION_ARGS)
{
	NextNodeState *a = PG_ARGISNULL(0) ? NULL : (NextNodeState *) PG_GETARG_POINTER(0);
	NextNodeState *b = PG_ARGISNULL(1) ? NULL : (NextNodeState *) PG_GETARG_POINTER(1);
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("sequence_next_node support functions must be called as an aggregate")));
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = state_new(aggcxt, b->direction, b->base, b->nevents, b->count);
	else if (a->direction != b->direction || a->base != b->base || a->nevents != b->nevents)
		params_differ(a, "another partial state", b->direction, b->base, b->nevents);
	for (int i = 0; i < b->count; i++)
	{
		const NextNodeEvent *e = &b->events[i];

		state_add(a, e->at, e->bits, EV_BASE(e), b->buf + e->off, EV_LEN(e));
	}
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(sequence_next_node_serialize);
Datum
sequence_next_node_serialize(PG_FUNCTION_ARGS)
{
	NextNodeState *s = (NextNodeState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, s->direction);
	pq_sendbyte(&buf, s->base);
	pq_sendbyte(&buf, s->nevents);
	pq_sendint32(&buf, s->count);
	for (int i = 0; i < s->count; i++)
	{
		const NextNodeEvent *e = &s->events[i];

		pq_sendint64(&buf, e->at);
		pq_sendint64(&buf, (int64) e->bits);
		pq_sendbyte(&buf, EV_BASE(e) ? 1 : 0);
		pq_sendint32(&buf, (int32) EV_LEN(e));
		pq_sendbytes(&buf, s->buf + e->off, EV_LEN(e));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

#define NN_WIRE_EVENT	(8 + 8 + 1 + 4)

PG_FUNCTION_INFO_V1(sequence_next_node_deserialize);
Datum
sequence_next_node_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MemoryContext aggcxt;
	NextNodeState *s;
	int			direction,
				base,
				nevents,
				count;
	const char *what = "sequence_next_node state";

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("sequence_next_node support functions must be called as an aggregate")));
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	io_check_version(&buf, what);
	if (buf.len - buf.cursor < 7)
		io_binary_error(what, "The header is cut short.");
	direction = pq_getmsgbyte(&buf);
	base = pq_getmsgbyte(&buf);
	nevents = pq_getmsgbyte(&buf);
	count = pq_getmsgint(&buf, 4);
	if (direction >= (int) lengthof(direction_names) || base >= (int) lengthof(base_names) ||
		nevents > NN_MAX_EVENTS || count < 0 ||
		(int64) count * NN_WIRE_EVENT > buf.len - buf.cursor)
		io_binary_error(what, "Bad header: direction %d, base %d, %d events, %d entries.",
						direction, base, nevents, count);
	s = state_new(aggcxt, direction, base, nevents, count);
	for (int i = 0; i < count; i++)
	{
		int64		at;
		uint64		bits;
		int			flag,
					len;

		if (buf.len - buf.cursor < NN_WIRE_EVENT)
			io_binary_error(what, "Entry %d is cut short.", i + 1);
		at = pq_getmsgint64(&buf);
		bits = (uint64) pq_getmsgint64(&buf);
		flag = pq_getmsgbyte(&buf);
		len = pq_getmsgint(&buf, 4);
		if (flag > 1 || len < 0 || len > buf.len - buf.cursor ||
			(nevents < NN_MAX_EVENTS && (bits >> nevents) != 0))
			io_binary_error(what, "Entry %d is not valid.", i + 1);
		state_add(s, at, bits, flag == 1, buf.data + buf.cursor, len);
		buf.cursor += len;
	}
	io_check_end(&buf, what);
	PG_RETURN_POINTER(s);
}

/* ---- the answer ---------------------------------------------------------------- */

static int
event_cmp(const void *pa, const void *pb, void *arg)
{
	const NextNodeState *s = (const NextNodeState *) arg;
	const NextNodeEvent *a = &s->events[*(const int *) pa];
	const NextNodeEvent *b = &s->events[*(const int *) pb];
	int			c;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	c = memcmp(s->buf + a->off, s->buf + b->off, Min(EV_LEN(a), EV_LEN(b)));
	if (c != 0)
		return c;
	if (EV_LEN(a) != EV_LEN(b))
		return EV_LEN(a) < EV_LEN(b) ? -1 : 1;
	if (a->bits != b->bits)
		return a->bits < b->bits ? -1 : 1;
	if (EV_BASE(a) != EV_BASE(b))
		return EV_BASE(a) ? 1 : -1;
	return 0;
}

PG_FUNCTION_INFO_V1(sequence_next_node_final);
Datum
sequence_next_node_final(PG_FUNCTION_ARGS)
{
	NextNodeState *s;
	int		   *order;
	int			n,
				k,
				basepos = -1,
				result = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (NextNodeState *) PG_GETARG_POINTER(0);
	n = s->count;
	k = s->nevents;
	/* the chain and the node after it need more than k events */
	if (n <= k)
		PG_RETURN_NULL();

	order = (int *) palloc(n * sizeof(int));
	for (int i = 0; i < n; i++)
		order[i] = i;
	qsort_arg(order, n, sizeof(int), event_cmp, s);
#define EV(i)	(&s->events[order[i]])

	switch ((NextNodeBase) s->base)
	{
		case NN_HEAD:
			if (EV_BASE(EV(0)))
				basepos = 0;
			break;
		case NN_TAIL:
			if (EV_BASE(EV(n - 1)))
				basepos = n - 1;
			break;
		case NN_FIRST_MATCH:
			for (int i = 0; i < n; i++)
				if ((EV(i)->bits & 1) && EV_BASE(EV(i)))
				{
					basepos = i;
					break;
				}
			break;
		case NN_LAST_MATCH:
			for (int i = n - 1; i >= 0; i--)
				if ((EV(i)->bits & 1) && EV_BASE(EV(i)))
				{
					basepos = i;
					break;
				}
			break;
	}
	if (basepos < 0)
		PG_RETURN_NULL();

	if (k == 0)
		result = basepos;
	else if (s->direction == NN_FORWARD)
	{
		int			i;

		for (i = 0; i < k && basepos + i < n; i++)
			if (!(EV(basepos + i)->bits & (UINT64CONST(1) << i)))
				break;
		if (i == k && basepos + k < n)
			result = basepos + k;
	}
	else
	{
		int			i;

		for (i = 0; i < k && i < basepos; i++)
			if (!(EV(basepos - i)->bits & (UINT64CONST(1) << i)))
				break;
		if (i == k)
			result = basepos - k;
	}
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s->buf + EV(result)->off, EV_LEN(EV(result))));
#undef EV
}
