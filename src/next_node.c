/*-------------------------------------------------------------------------
 *
 * next_node.c
 *	  sequence_next_node(direction, base, at, value, base_condition,
 *	  VARIADIC events): ClickHouse's sequenceNextNode, "what did the customer
 *	  do right after (or right before) this chain of events", and its state
 *	  type path_events (text and binary forms, equality).
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
 * group, like the number of events.  The events are the arguments themselves
 * (VARIADIC "any": the executor builds no array per row); one boolean[]
 * written with VARIADIC is read too.
 *
 * The state path_events is a varlena: the parameters, then one record per
 * event packed in arrival order (time, event bits, base flag and length, the
 * value's bytes; no padding), with room to grow: VARSIZE covers the
 * capacity, "used" the bytes in use, the slack is zeroed.  In an aggregate a
 * row is appended in place; a full state is made anew, twice the size, in
 * the per-row context and returned, so the executor copies it once into the
 * aggregate's context (O(1) a row amortised, no allocation of its own).
 * Partial states combine by concatenation; the final function sorts.
 *
 * src/next_node.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <limits.h>

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#define NN_MAX_EVENTS	64
#define NN_TYPE			"path_events"

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

typedef struct PathEvents
{
	int32		vl_len_;
	uint8		version;
	uint8		direction;
	uint8		base;
	uint8		nevents;
	int32		count;			/* events held */
	int32		used;			/* bytes of data[] in use */
	char		data[FLEXIBLE_ARRAY_MEMBER];	/* records, 8-byte aligned */
} PathEvents;

/*
 * A record, packed with no padding (a group's state is its memory traffic):
 * the time (8 bytes), the event bits (one byte per 8 events of the state,
 * none without events), a byte with the base flag (0x80) and either the
 * value's length (up to 63) or 0x40 and the length in the next 4 bytes, then
 * the value's bytes.  Fields are read with memcpy (no alignment).
 */
#define PR_BASE			0x80
#define PR_LONG			0x40
#define PR_SHORT_MAX	0x3F
#define PR_BITS_BYTES(nevents)	(((nevents) + 7) / 8)
#define PR_SIZE(nb, len)	(8 + (Size) (nb) + ((len) <= PR_SHORT_MAX ? 1 : 5) + (Size) (len))

/* a record read back */
typedef struct PathEvent
{
	int64		at;				/* TimestampTz */
	uint64		bits;			/* bit i: event i + 1 holds */
	const char *value;
	uint32		len;
	bool		base;			/* base_condition holds */
} PathEvent;

#define PE_HDRSZ		offsetof(PathEvents, data)
#define PE_CAPACITY(s)	((Size) VARSIZE(s) - PE_HDRSZ)

/*
 * A group's first state is 256 bytes (240 of records: fourteen events with
 * two event conditions and values of 7 bytes), and a state doubles as a
 * whole, so the executor's copies are power-of-two chunks with no waste.
 */
#define PE_FIRST_SIZE	256

/* ---- parameters ------------------------------------------------------------ */

static int
parse_param(const char *s, int len, const char *const *names, int n, const char *what)
{
	int			k;

	/* as written (every row of a group says the same), else folded (kit.c) */
	for (int i = 0; i < n; i++)
		if ((int) strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	if ((k = kit_match_keyword(s, len, names, n)) >= 0)
		return k;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown sequence_next_node %s \"%.*s\"", what, len, s),
			 n == 2 ? errhint("The direction is forward or backward.")
			 : errhint("The base is head, tail, first_match or last_match.")));
	pg_unreachable();
}

/* the parameters are valid: creation, text input and recv share this */
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

/* a new state (in the current memory context) with room for capacity bytes of records */
static PathEvents *
pe_new(int direction, int base, int nevents, Size capacity)
{
	PathEvents *s;

	check_params(direction, base, nevents);
	if (capacity > MaxAllocSize - PE_HDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence_next_node events of one group exceed %zu bytes",
						(Size) MaxAllocSize)));
	s = palloc0(PE_HDRSZ + capacity);
	SET_VARSIZE(s, PE_HDRSZ + capacity);
	s->version = INTERACTION_FORMAT_VERSION;
	s->direction = (uint8) direction;
	s->base = (uint8) base;
	s->nevents = (uint8) nevents;
	return s;
}

/* a copy of s with room for at least extra more bytes (its size doubled), slack zeroed */
static PathEvents *
pe_grow(const PathEvents *s, Size extra)
{
	Size		need = PE_HDRSZ + (Size) s->used + extra;
	Size		size = Max(VARSIZE(s), PE_FIRST_SIZE);
	PathEvents *r;

	while (size < need)
		size *= 2;
	if (size > MaxAllocSize)
		size = Max(need, MaxAllocSize);
	r = pe_new(s->direction, s->base, s->nevents, size - PE_HDRSZ);
	memcpy(r->data, s->data, s->used);
	r->count = s->count;
	r->used = s->used;
	return r;
}

/*
 * One event's fields are valid for the state: the event bits among 1..n, a
 * valid time, a value with no zero byte, in the database's encoding.  Text
 * input and recv share this (binary: 22P03; text: 22P02).
 */
static void
pe_check_event(const PathEvents *s, int64 at, uint64 bits, const char *value, int len,
			   bool binary, const char *input)
{
	const char *bad = NULL;

	if (s->nevents < NN_MAX_EVENTS && (bits >> s->nevents) != 0)
		bad = "An event's conditions must be among the state's events.";
	else if (!IS_VALID_TIMESTAMP(at) && !TIMESTAMP_NOT_FINITE(at))
		bad = "An event's time is out of range.";
	else if (len < 0 || memchr(value, '\0', len) != NULL)
		bad = "An event's value contains a zero byte.";
	if (bad)
	{
		if (binary)
			io_binary_error(NN_TYPE, "%s", bad);
		io_syntax_error(NN_TYPE, input, "%s", bad);
	}
	/* 22021 when the bytes are not text of the database's encoding */
	(void) pg_verify_mbstr(GetDatabaseEncoding(), value, len, false);
}

/*
 * Append one event.  In place when s is the aggregate's own state with
 * room; otherwise (full) a grown copy is made in the current context and
 * returned.
 */
static inline PathEvents *
pe_add(PathEvents *s, int64 at, uint64 bits, bool base, const char *value, Size len)
{
	int			nb = PR_BITS_BYTES(s->nevents);
	Size		size = PR_SIZE(nb, len);
	char	   *p;

	if (unlikely(size > PE_CAPACITY(s) - (Size) s->used))
	{
		if (len > MaxAllocSize || s->count == INT_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("sequence_next_node holds at most %d events in one group", s->count)));
		s = pe_grow(s, size);
	}
	p = s->data + s->used;
	memcpy(p, &at, 8);
	p += 8;
	for (int i = 0; i < nb; i++)
		*p++ = (char) (uint8) (bits >> (8 * i));
	if (len <= PR_SHORT_MAX)
		*p++ = (char) ((base ? PR_BASE : 0) | (uint8) len);
	else
	{
		uint32		l = (uint32) len;

		*p++ = (char) ((base ? PR_BASE : 0) | PR_LONG);
		memcpy(p, &l, 4);
		p += 4;
	}
	memcpy(p, value, len);
	s->used += (int32) size;
	s->count++;
	return s;
}

/* a state read from a datum: its records must fit (XX001 otherwise) */
static PathEvents *
pe_detoast(Datum d)
{
	PathEvents *s = (PathEvents *) DatumGetPointer(d);

	/* the aggregate's own state is plain: no call */
	if (unlikely(VARATT_IS_EXTENDED(s)))
		s = (PathEvents *) PG_DETOAST_DATUM(d);

	if (s->used < 0 || (Size) s->used > PE_CAPACITY(s) || s->count < 0 ||
		s->direction >= lengthof(direction_names) || s->base >= lengthof(base_names))
		io_corrupt_value(NN_TYPE, "bad header");
	return s;
}

/* the record at *off read into e, checked to fit (XX001 otherwise); *off steps past it */
static inline void
pe_record(const PathEvents *s, Size *off, int i, PathEvent *e)
{
	const char *p = s->data + *off;
	const char *end = s->data + s->used;
	int			nb = PR_BITS_BYTES(s->nevents);
	uint8		h;

	if (end - p < 8 + nb + 1)
		io_corrupt_value(NN_TYPE, "Event %d runs past the end.", i + 1);
	memcpy(&e->at, p, 8);
	p += 8;
	e->bits = 0;
	for (int b = 0; b < nb; b++)
		e->bits |= (uint64) (uint8) *p++ << (8 * b);
	h = (uint8) *p++;
	e->base = (h & PR_BASE) != 0;
	if (h & PR_LONG)
	{
		if (end - p < 4)
			io_corrupt_value(NN_TYPE, "Event %d runs past the end.", i + 1);
		memcpy(&e->len, p, 4);
		p += 4;
	}
	else
		e->len = h & PR_SHORT_MAX;
	if ((Size) (end - p) < e->len)
		io_corrupt_value(NN_TYPE, "Event %d runs past the end.", i + 1);
	e->value = p;
	*off = (p + e->len) - s->data;
}

/* 22023 naming the first row's parameters and the other's ("this row", or a partial state's) */
static void
params_differ(const PathEvents *s, const char *other, int direction, int base, int nevents)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("sequence_next_node parameters must be the same for every row of a group"),
			 errdetail("The direction, the base and the number of events are parameters, like ClickHouse's; the first row gave %s, %s and %d, %s %s, %s and %d.",
					   direction_names[s->direction], base_names[s->base], s->nevents,
					   other, direction_names[direction], base_names[base], nevents)));
}

/* ---- the transition --------------------------------------------------------- */

/*
 * What a call site learns once (kept in fn_extra): how the events come,
 * whether it runs in an aggregate, and the last direction and base read
 * (their text and meaning), so a row with the same text parses nothing.
 */
typedef struct NextNodeCall
{
	KitBoolArgs events;
	bool		in_agg;
	bool		stable_params;	/* direction and base are constants (or parameters) */
	bool		have_params;	/* direction and base read once, when stable */
	int			direction;
	int			base;
	int			dirlen;
	int			baselen;
	char		dirtext[KIT_MAX_KEYWORD + 1];
	char		basetext[KIT_MAX_KEYWORD + 1];
} NextNodeCall;

/* a parameter's meaning: the cached one when the text is the same */
static inline int
call_param(text *t, char *cached, int *cachedlen, int *value,
		   const char *const *names, int n, const char *what)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);

	if (likely(len == *cachedlen && memcmp(s, cached, len) == 0))
		return *value;
	*value = parse_param(s, len, names, n, what);
	if (len <= KIT_MAX_KEYWORD)
	{
		memcpy(cached, s, len);
		*cachedlen = len;
	}
	return *value;
}

static Datum
next_node_add(FunctionCallInfo fcinfo)
{
	NextNodeCall *call = (NextNodeCall *) fcinfo->flinfo->fn_extra;
	PathEvents *s;
	int			nevents;
	uint64		bits;
	int			direction,
				base;
	text	   *value;

	if (unlikely(call == NULL))
	{
		call = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(NextNodeCall));
		kit_bool_args_init(fcinfo, 6, "sequence_next_node events", "Event", &call->events);
		call->in_agg = AggCheckCallContext(fcinfo, NULL) != 0;
		call->dirlen = call->baselen = -1;
		call->stable_params = get_fn_expr_arg_stable(fcinfo->flinfo, 1) &&
			get_fn_expr_arg_stable(fcinfo->flinfo, 2);
		fcinfo->flinfo->fn_extra = call;
	}
	if (likely(call->have_params))
	{
		/* constants: the same on every row, read at the first */
		direction = call->direction;
		base = call->base;
	}
	else
	{
		if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("sequence_next_node %s must not be NULL",
							PG_ARGISNULL(1) ? "direction" : "base")));
		direction = call_param(PG_GETARG_TEXT_PP(1), call->dirtext, &call->dirlen, &call->direction,
							   direction_names, lengthof(direction_names), "direction");
		base = call_param(PG_GETARG_TEXT_PP(2), call->basetext, &call->baselen, &call->base,
						  base_names, lengthof(base_names), "base");
		call->have_params = call->stable_params;
	}
	bits = kit_bool_args_mask(fcinfo, &call->events, &nevents);

	if (PG_ARGISNULL(0))
		s = pe_new(direction, base, nevents, PE_FIRST_SIZE - PE_HDRSZ);
	else
	{
		/*
		 * In an aggregate the state is the one we returned: changed in place.
		 * Called as a plain function, it may be a stored value: work on a
		 * copy, never on the argument.
		 */
		if (likely(call->in_agg))
			s = pe_detoast(PG_GETARG_DATUM(0));
		else
			s = (PathEvents *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		if (unlikely(s->direction != direction || s->base != base || s->nevents != nevents))
			params_differ(s, "this row", direction, base, nevents);
	}

	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_POINTER(s);
	value = PG_GETARG_TEXT_PP(4);
	s = pe_add(s, PG_GETARG_TIMESTAMPTZ(3), bits,
			   !PG_ARGISNULL(5) && PG_GETARG_BOOL(5),
			   VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
	PG_RETURN_POINTER(s);
}

/* the SQL entry points: with events (VARIADIC "any") and without */
PG_FUNCTION_INFO_V1(path_events_trans);
Datum
path_events_trans(PG_FUNCTION_ARGS)
{
	return next_node_add(fcinfo);
}

/* ---- combine ------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(path_events_combine);
Datum
path_events_combine(PG_FUNCTION_ARGS)
{
	PathEvents *a = pe_detoast(PG_GETARG_DATUM(0));
	PathEvents *b = pe_detoast(PG_GETARG_DATUM(1));
	PathEvents *r;

	if (a->direction != b->direction || a->base != b->base || a->nevents != b->nevents)
		params_differ(a, "another partial state", b->direction, b->base, b->nevents);
	if ((Size) a->used + b->used > MaxAllocSize - PE_HDRSZ || (int64) a->count + b->count > INT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sequence_next_node events of one group exceed %zu bytes",
						(Size) MaxAllocSize)));
	/* a new state, exactly the size of both: partial states are combined once */
	r = pe_new(a->direction, a->base, a->nevents, (Size) a->used + b->used);
	memcpy(r->data, a->data, a->used);
	memcpy(r->data + a->used, b->data, b->used);
	r->used = a->used + b->used;
	r->count = a->count + b->count;
	PG_RETURN_POINTER(r);
}

/* ---- the events in order ---------------------------------------------------------- */

static inline int
event_cmp(const PathEvent *a, const PathEvent *b)
{
	int			c;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	c = memcmp(a->value, b->value, Min(a->len, b->len));
	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->bits != b->bits)
		return a->bits < b->bits ? -1 : 1;
	if (a->base != b->base)
		return a->base ? 1 : -1;
	return 0;
}

/* path_event_sort(): PostgreSQL's sort template, the comparison inlined */
#define ST_SORT path_event_sort
#define ST_ELEMENT_TYPE PathEvent
#define ST_COMPARE(a, b) event_cmp(a, b)
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * The events of s read back, in order (s is not changed: final functions
 * may not change the state).  Records are checked to fit.
 */
static PathEvent *
pe_sorted(const PathEvents *s)
{
	PathEvent  *ev = palloc(sizeof(PathEvent) * Max(s->count, 1));
	Size		off = 0;
	int			n = s->count;

	for (int i = 0; i < n; i++)
		pe_record(s, &off, i, &ev[i]);
	if (off != (Size) s->used)
		io_corrupt_value(NN_TYPE, "%d events do not fill %d bytes.", n, s->used);
	path_event_sort(ev, n);
	return ev;
}

/* ---- the answer ---------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(path_events_next_node);
Datum
path_events_next_node(PG_FUNCTION_ARGS)
{
	PathEvents *s;
	PathEvent  *ev;
	int			n,
				k,
				basepos = -1,
				result = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = pe_detoast(PG_GETARG_DATUM(0));
	n = s->count;
	k = s->nevents;
	/* the chain and the node after it need more than k events */
	if (n <= k)
		PG_RETURN_NULL();
	ev = pe_sorted(s);

	switch ((NextNodeBase) s->base)
	{
		case NN_HEAD:
			if (ev[0].base)
				basepos = 0;
			break;
		case NN_TAIL:
			if (ev[n - 1].base)
				basepos = n - 1;
			break;
		case NN_FIRST_MATCH:
			for (int i = 0; i < n; i++)
				if ((ev[i].bits & 1) && ev[i].base)
				{
					basepos = i;
					break;
				}
			break;
		case NN_LAST_MATCH:
			for (int i = n - 1; i >= 0; i--)
				if ((ev[i].bits & 1) && ev[i].base)
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
			if (!(ev[basepos + i].bits & (UINT64CONST(1) << i)))
				break;
		if (i == k && basepos + k < n)
			result = basepos + k;
	}
	else
	{
		int			i;

		for (i = 0; i < k && i <= basepos; i++)
			if (!(ev[basepos - i].bits & (UINT64CONST(1) << i)))
				break;
		if (i == k && basepos - k >= 0)
			result = basepos - k;
	}
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(ev[result].value, ev[result].len));
}

/* ---- path_events as text ---------------------------------------------------------- */

/*
 * Text form:
 *   forward first_match 2: 2026-01-01 10:00:00+00 b,1 'product'; 2026-01-01 10:05:00+00 2 'basket'
 * i.e. the direction, the base and the number of events, then each event (in
 * the order the state holds them) as its time (ISO, UTC), what it meets ("b"
 * base_condition, then the numbers of the events; "-" nothing) and its value
 * quoted, quotes doubled.
 */
PG_FUNCTION_INFO_V1(path_events_out);
Datum
path_events_out(PG_FUNCTION_ARGS)
{
	PathEvents *s = pe_detoast(PG_GETARG_DATUM(0));
	StringInfoData buf;
	Size		off = 0;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s %s %d", direction_names[s->direction], base_names[s->base],
					 s->nevents);
	for (int i = 0; i < s->count; i++)
	{
		PathEvent	r;
		char		ts[MAXDATELEN + 1];
		bool		first = true;

		CHECK_FOR_INTERRUPTS();
		pe_record(s, &off, i, &r);
		if (!io_timestamptz_text(r.at, ts))
			io_corrupt_value(NN_TYPE, "Event %d has an invalid time.", i + 1);
		appendStringInfo(&buf, "%s%s ", i == 0 ? ": " : "; ", ts);
		if (r.base)
		{
			appendStringInfoChar(&buf, 'b');
			first = false;
		}
		for (int b = 0; b < NN_MAX_EVENTS; b++)
			if (r.bits & (UINT64CONST(1) << b))
			{
				appendStringInfo(&buf, "%s%d", first ? "" : ",", b + 1);
				first = false;
			}
		if (first)
			appendStringInfoChar(&buf, '-');
		appendStringInfoString(&buf, " '");
		for (uint32 j = 0; j < r.len; j++)
		{
			if (r.value[j] == '\'')
				appendStringInfoChar(&buf, '\'');
			appendStringInfoChar(&buf, r.value[j]);
		}
		appendStringInfoChar(&buf, '\'');
	}
	PG_RETURN_CSTRING(buf.data);
}

/* a word (up to a blank or ':') at *p, stepped past */
static const char *
read_word(const char **p, int *len)
{
	const char *b = io_skip_blanks(*p);
	const char *e = b;

	while (*e && !io_is_blank(*e) && *e != ':')
		e++;
	*len = (int) (e - b);
	*p = e;
	return b;
}

PG_FUNCTION_INFO_V1(path_events_in);
Datum
path_events_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	const char *w;
	int			len,
				direction,
				base,
				nevents;
	PathEvents *s;
	StringInfoData value;

	w = read_word(&p, &len);
	if (len == 0)
		io_syntax_error(NN_TYPE, str, "Expected the direction (forward or backward) first.");
	direction = parse_param(w, len, direction_names, lengthof(direction_names), "direction");
	w = read_word(&p, &len);
	if (len == 0)
		io_syntax_error(NN_TYPE, str, "Expected the base (head, tail, first_match or last_match) after the direction.");
	base = parse_param(w, len, base_names, lengthof(base_names), "base");
	nevents = (int) io_read_int64(&p, 0, NN_MAX_EVENTS, "number of events", NN_TYPE, str);
	s = pe_new(direction, base, nevents, PE_FIRST_SIZE - PE_HDRSZ);
	p = io_skip_blanks(p);
	initStringInfo(&value);
	if (*p == ':')
	{
		p++;
		for (;;)
		{
			const char *ts_start = io_skip_blanks(p);
			const char *quote = strchr(ts_start, '\'');
			const char *ts_end,
					   *f;
			uint64		bits = 0;
			bool		isbase = false;
			TimestampTz at;

			if (quote == NULL)
				io_syntax_error(NN_TYPE, str, "Expected a time, what the event meets and its quoted value.");
			/* what the event meets is the word before the quote, the time before it */
			ts_end = quote;
			while (ts_end > ts_start && io_is_blank(ts_end[-1]))
				ts_end--;
			f = ts_end;
			while (f > ts_start && !io_is_blank(f[-1]))
				f--;
			ts_end = f;
			while (ts_end > ts_start && io_is_blank(ts_end[-1]))
				ts_end--;
			if (ts_end <= ts_start || memchr(ts_start, ';', ts_end - ts_start))
				io_syntax_error(NN_TYPE, str, "Expected a time, what the event meets and its quoted value.");
			at = io_read_timestamptz(ts_start, (int) (ts_end - ts_start));
			p = f;
			if (*p == '-')
				p++;
			else
				for (;;)
				{
					if (*p == 'b' && !isbase)
					{
						isbase = true;
						p++;
					}
					else
					{
						int64		e = io_read_int64(&p, 1, Max(nevents, 1), "event", NN_TYPE, str);

						bits |= UINT64CONST(1) << (e - 1);
					}
					if (*p != ',')
						break;
					p++;
				}
			if (io_skip_blanks(p) != quote)
				io_syntax_error(NN_TYPE, str, "Expected \"b\" and event numbers separated by commas, or \"-\".");
			/* the value: quotes doubled inside */
			resetStringInfo(&value);
			p = quote + 1;
			for (;;)
			{
				if (*p == '\0')
					io_syntax_error(NN_TYPE, str, "Unterminated quoted value.");
				if (*p == '\'' && p[1] != '\'')
					break;
				if (*p == '\'')
					p++;
				appendStringInfoChar(&value, *p++);
			}
			p++;
			pe_check_event(s, at, bits, value.data, value.len, false, str);
			s = pe_add(s, at, bits, isbase, value.data, value.len);
			p = io_skip_blanks(p);
			if (*p != ';')
				break;
			p++;
		}
	}
	if (*io_skip_blanks(p) != '\0')
		io_syntax_error(NN_TYPE, str, "Unexpected text after the events.");
	PG_RETURN_POINTER(s);
}

/* ---- path_events as binary data ------------------------------------------------- */

/*
 * uint8 version, uint8 direction, uint8 base, uint8 number of events, int32
 * count, then per event int64 at, uint64 event bits, uint8 base flag, int32
 * length and the value's bytes.
 */
PG_FUNCTION_INFO_V1(path_events_send);
Datum
path_events_send(PG_FUNCTION_ARGS)
{
	PathEvents *s = pe_detoast(PG_GETARG_DATUM(0));
	StringInfoData buf;
	Size		off = 0;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, s->direction);
	pq_sendbyte(&buf, s->base);
	pq_sendbyte(&buf, s->nevents);
	pq_sendint32(&buf, s->count);
	for (int i = 0; i < s->count; i++)
	{
		PathEvent	r;

		pe_record(s, &off, i, &r);
		pq_sendint64(&buf, r.at);
		pq_sendint64(&buf, (int64) r.bits);
		pq_sendbyte(&buf, r.base ? 1 : 0);
		pq_sendint32(&buf, (int32) r.len);
		pq_sendbytes(&buf, r.value, r.len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

#define NN_WIRE_EVENT	(8 + 8 + 1 + 4)

PG_FUNCTION_INFO_V1(path_events_recv);
Datum
path_events_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	PathEvents *s;
	int			direction,
				base,
				nevents,
				count;

	io_check_version(buf, NN_TYPE);
	if (buf->len - buf->cursor < 7)
		io_binary_error(NN_TYPE, "The header is cut short.");
	direction = pq_getmsgbyte(buf);
	base = pq_getmsgbyte(buf);
	nevents = pq_getmsgbyte(buf);
	count = pq_getmsgint(buf, 4);
	if (direction >= (int) lengthof(direction_names) || base >= (int) lengthof(base_names) ||
		nevents > NN_MAX_EVENTS || count < 0 ||
		(int64) count * NN_WIRE_EVENT > buf->len - buf->cursor)
		io_binary_error(NN_TYPE, "Bad header: direction %d, base %d, %d events, %d entries.",
						direction, base, nevents, count);
	/* room for the records as sent: a record is no longer than its wire form */
	s = pe_new(direction, base, nevents,
			   (Size) (buf->len - buf->cursor));
	for (int i = 0; i < count; i++)
	{
		int64		at;
		uint64		bits;
		int			flag,
					len;
		const char *value;

		if (buf->len - buf->cursor < NN_WIRE_EVENT)
			io_binary_error(NN_TYPE, "Event %d is cut short.", i + 1);
		at = pq_getmsgint64(buf);
		bits = (uint64) pq_getmsgint64(buf);
		flag = pq_getmsgbyte(buf);
		len = pq_getmsgint(buf, 4);
		if (flag > 1 || len < 0 || len > buf->len - buf->cursor)
			io_binary_error(NN_TYPE, "Event %d is not valid.", i + 1);
		value = pq_getmsgbytes(buf, len);
		pe_check_event(s, at, bits, value, len, true, NULL);
		s = pe_add(s, at, bits, flag == 1, value, len);
	}
	io_check_end(buf, NN_TYPE);
	PG_RETURN_POINTER(s);
}

/* ---- equality ------------------------------------------------------------------ */

/* equal: the same parameters and the same events, in any order */
static bool
path_events_equal(FunctionCallInfo fcinfo)
{
	PathEvents *a = pe_detoast(PG_GETARG_DATUM(0));
	PathEvents *b = pe_detoast(PG_GETARG_DATUM(1));
	PathEvent  *ea,
			   *eb;

	if (a->direction != b->direction || a->base != b->base || a->nevents != b->nevents ||
		a->count != b->count || a->used != b->used)
		return false;
	ea = pe_sorted(a);
	eb = pe_sorted(b);
	for (int i = 0; i < a->count; i++)
		if (event_cmp(&ea[i], &eb[i]) != 0)
			return false;
	return true;
}

PG_FUNCTION_INFO_V1(path_events_eq);
Datum
path_events_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(path_events_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(path_events_ne);
Datum
path_events_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!path_events_equal(fcinfo));
}
