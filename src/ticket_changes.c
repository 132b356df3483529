/*-------------------------------------------------------------------------
 *
 * ticket_changes.c
 *	  The ticket_changes type: a ticket's status changes as the ticket_clock
 *	  aggregate collects them (its transition state), with the calendar and
 *	  the paused and stopped lists they were read with.  Its text and binary
 *	  forms, the transition function, the combine function (a merge), the
 *	  aggregates ticket_changes and rollup(ticket_changes), and sla_clock(), the
 *	  clock of the changes (ticket_clock's final function).
 *
 * A change keeps its instant and what its status does to the clock (runs,
 * pauses, stops: the lists are applied as the row arrives), never the status
 * itself.  The clock depends on the set of changes only, not on the order
 * they arrive in, so partial states of one ticket (parallel workers, shards,
 * stored rollups) combine soundly: the combine function merges their changes.
 * It refuses states read with another calendar or other lists.
 *
 * Layout (a varlena, aligned as double):
 *		TicketChanges header: version, flags, changes in use, room
 *		then the calendar, a business_hours varlena (4-byte header)
 *		then the paused labels, then the stopped labels, each ending in a zero
 *		byte, sorted bytewise, no duplicates
 *		then (MAXALIGNed) ClockEvent changes[room]
 * VARSIZE covers the room, so that the aggregate appends in place: when
 * full, a state twice the size is made and returned, the executor copies it
 * into the aggregate's context and frees the old one (funnel_events does the
 * same).  The changes are kept in arrival order while aggregating (the flag
 * CHANGES_SORTED says whether that is time order); the text and binary forms
 * and the final functions sort them.
 *
 * Text form:
 *		paused {on_hold,pending}; stopped {closed,solved};
 *		changes 2026-12-21 09:00:00+00 run, 2026-12-21 10:00:00+00 pause;
 *		hours mon-fri 09:00-17:00; tz Europe/Berlin
 * (one line; "changes none" when there are none).  Binary form: uint8
 * version, the calendar's text (int32 length, bytes), the paused then the
 * stopped labels (int32 count, then int32 length and bytes each), int32
 * number of changes, then per change int64 instant and uint8 kind.  Text
 * input and binary receive share one validator, changes_build().
 *
 * src/ticket_changes.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla_clock.h"
#include "hours.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "nodes/primnodes.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"

#define CHANGES_TYPNAME		"ticket_changes"

/* the changes are in time order (clock_event_cmp) */
#define CHANGES_SORTED		0x01

typedef struct TicketChanges
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		flags;			/* CHANGES_SORTED */
	uint16		reserved;
	int32		count;			/* changes in use */
	int32		room;			/* changes the varlena has room for */
	int32		npaused;		/* labels of each list */
	int32		nstopped;
	int32		listlen;		/* bytes of the labels of both lists */
	int32		reserved2;
	char		data[FLEXIBLE_ARRAY_MEMBER];	/* calendar, labels, changes */
} TicketChanges;

#define TC_HDRSZ			MAXALIGN(offsetof(TicketChanges, data))
#define TC_HOURS(s)			((struct varlena *) ((char *) (s) + TC_HDRSZ))
#define TC_LABELS(s)		((char *) TC_HOURS(s) + VARSIZE(TC_HOURS(s)))
#define TC_EVENTS_OFFSET(hsize, listlen)	MAXALIGN(TC_HDRSZ + (hsize) + (listlen))
#define TC_SIZE(hsize, listlen, room) \
	(TC_EVENTS_OFFSET(hsize, listlen) + (Size) (room) * sizeof(ClockEvent))
#define TC_EVENTS(s) \
	((ClockEvent *) ((char *) (s) + TC_EVENTS_OFFSET(VARSIZE(TC_HOURS(s)), (s)->listlen)))

/* a sanity bound that keeps every size below MaxAllocSize */
#define CHANGES_MAX_EVENTS	((int) ((MaxAllocSize / 2) / sizeof(ClockEvent)))
#define CHANGES_MAX_LABELS	10000

static const char *const kind_words[3] = {"run", "pause", "stop"};

/* the two status lists, canonical: sorted, no duplicates, zero-terminated */
typedef struct StatusLists
{
	int			npaused;
	int			nstopped;
	int			len;			/* bytes of labels */
	char	   *labels;			/* paused then stopped */
	int		   *lens;			/* each label's length, or NULL (then strlen) */
} StatusLists;

/* ---- the lists ----------------------------------------------------------- */

static int
cmp_label(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* where a fault in a state's fields comes from: its text, its bytes, or the aggregate's arguments */
typedef enum ChangesSource
{
	FROM_ARGS,
	FROM_TEXT,
	FROM_BINARY
} ChangesSource;

static void
changes_invalid(ChangesSource src, const char *input, const char *detail)
{
	if (src == FROM_TEXT)
		io_value_error(CHANGES_TYPNAME, input, "%s", detail);
	if (src == FROM_BINARY)
		io_binary_error(CHANGES_TYPNAME, "%s", detail);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid status lists for ticket_clock"),
			 errdetail("%s", detail)));
}

/*
 * The canonical lists of the labels given (zero-terminated; sorted here and
 * duplicates dropped); a label in both lists is an error.
 */
static void
lists_make(StatusLists *out, char **paused, int np, char **stopped, int ns,
		   ChangesSource src, const char *input)
{
	char	  **lists[2] = {paused, stopped};
	int			n[2] = {np, ns};
	StringInfoData buf;

	if (np > CHANGES_MAX_LABELS || ns > CHANGES_MAX_LABELS)
		changes_invalid(src, input, "A status list is too long.");
	initStringInfo(&buf);
	for (int l = 0; l < 2; l++)
	{
		int			kept = 0;

		qsort(lists[l], n[l], sizeof(char *), cmp_label);
		for (int i = 0; i < n[l]; i++)
		{
			if (i > 0 && strcmp(lists[l][i], lists[l][i - 1]) == 0)
				continue;
			if (l == 1 && bsearch(&lists[l][i], paused, np, sizeof(char *), cmp_label))
			{
				if (src == FROM_ARGS)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("status \"%s\" is listed both as paused and as stopped",
									lists[l][i])));
				changes_invalid(src, input,
								psprintf("Status \"%s\" is listed both as paused and as stopped.",
										 lists[l][i]));
			}
			appendBinaryStringInfo(&buf, lists[l][i], strlen(lists[l][i]) + 1);
			kept++;
		}
		if (l == 0)
			out->npaused = kept;
		else
			out->nstopped = kept;
	}
	out->len = buf.len;
	out->labels = buf.data;
	out->lens = NULL;
}

/* the labels of a text[] (NULL elements skipped: they match no status) */
static char **
labels_of_array(ArrayType *arr, int *n, ChangesSource src, const char *input)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	char	  **labels;

	if (ARR_NDIM(arr) > 1)
	{
		if (src == FROM_ARGS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the paused and stopped statuses must be one-dimensional arrays")));
		changes_invalid(src, input, "A status list must be one-dimensional.");
	}
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	labels = palloc(Max(nelems, 1) * sizeof(char *));
	*n = 0;
	for (int i = 0; i < nelems; i++)
		if (!nulls[i])
			labels[(*n)++] = TextDatumGetCString(elems[i]);
	return labels;
}

/* the kind of a status under the lists */
static int
status_kind(const StatusLists *lists, const char *status, int len)
{
	const char *p = lists->labels;

	for (int i = 0; i < lists->npaused + lists->nstopped; i++)
	{
		int			l = lists->lens ? lists->lens[i] : (int) strlen(p);

		if (l == len && memcmp(p, status, len) == 0)
			return i < lists->npaused ? CLOCK_PAUSE : CLOCK_STOP;
		p += l + 1;
	}
	return CLOCK_RUN;
}

/* ---- building and reading a value ---------------------------------------- */

/*
 * A state of the calendar and lists with the n changes ev and room for
 * `room` (at least n), in CurrentMemoryContext.  Only the header, the bytes
 * between the parts and the unused room are zeroed (a value may be stored
 * with its room): the copied parts are written once.
 */
static TicketChanges *
changes_make(struct varlena *hours, const StatusLists *lists, int room,
			 const ClockEvent *ev, int n, uint8 flags)
{
	Size		hsize = VARSIZE(hours);
	Size		off = TC_EVENTS_OFFSET(hsize, lists->len);
	Size		size = TC_SIZE(hsize, lists->len, room);
	TicketChanges *s;

	Assert(n <= room);
	if (room > CHANGES_MAX_EVENTS || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ticket_clock has too many changes for one ticket")));
	s = palloc(size);
	memset(s, 0, TC_HDRSZ);
	SET_VARSIZE(s, size);
	s->version = INTERACTION_FORMAT_VERSION;
	s->flags = flags;
	s->count = n;
	s->room = room;
	s->npaused = lists->npaused;
	s->nstopped = lists->nstopped;
	s->listlen = lists->len;
	memcpy(TC_HOURS(s), hours, hsize);
	memcpy(TC_LABELS(s), lists->labels, lists->len);
	memset((char *) s + TC_HDRSZ + hsize + lists->len, 0, off - (TC_HDRSZ + hsize + lists->len));
	if (n > 0)
		memcpy((char *) s + off, ev, n * sizeof(ClockEvent));
	memset((char *) s + off + n * sizeof(ClockEvent), 0, (room - n) * sizeof(ClockEvent));
	return s;
}

/*
 * The room for a state whose changes start at `off` that must hold `need`
 * changes: the value's size rounded up to a power of two (the size of the
 * memory chunk it gets anyway), so that room doubles as it grows.
 */
static int
changes_room(Size off, int64 need)
{
	uint64		size = pg_nextpower2_64(off + (uint64) Max(need, 1) * sizeof(ClockEvent));

	return (int) Min((size - off) / sizeof(ClockEvent), (uint64) CHANGES_MAX_EVENTS);
}

/* a copy of s with room for `room` changes (at least its own) */
static TicketChanges *
changes_with_room(const TicketChanges *s, int room)
{
	StatusLists lists = {s->npaused, s->nstopped, s->listlen, TC_LABELS(s), NULL};

	return changes_make(TC_HOURS(s), &lists, Max(room, s->count), TC_EVENTS(s), s->count,
						s->flags);
}

/*
 * The aggregates' working form: an expanded object (utils/expandeddatum.h)
 * in a memory context of its own, a child of the aggregate's context, that
 * holds the flat value with room to grow.  The executor keeps a read-write
 * expanded state without copying it, so a row appends in place and a full
 * state grows by repalloc in its own context (a large chunk is realloc'd,
 * not copied); a flat state instead is copied by the executor whenever it
 * grows.  Anything else that reads the state gets the flat value inside
 * (changes_get); stored or sent, the object is flattened, compact.
 */
typedef struct ExpandedChanges
{
	ExpandedObjectHeader hdr;
	TicketChanges *flat;		/* in hdr.eoh_context, with room */
} ExpandedChanges;

static Size
expanded_flat_size(ExpandedObjectHeader *eohptr)
{
	const TicketChanges *s = ((ExpandedChanges *) eohptr)->flat;

	return TC_SIZE(VARSIZE(TC_HOURS(s)), s->listlen, s->count);
}

/* the flat value without its room */
static void
expanded_flatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	const TicketChanges *s = ((ExpandedChanges *) eohptr)->flat;
	TicketChanges *r = (TicketChanges *) result;
	Size		off = TC_EVENTS_OFFSET(VARSIZE(TC_HOURS(s)), s->listlen);

	Assert(allocated_size == expanded_flat_size(eohptr));
	memcpy(r, s, off + s->count * sizeof(ClockEvent));
	SET_VARSIZE(r, allocated_size);
	r->room = r->count;
}

static const ExpandedObjectMethods expanded_methods = {
	expanded_flat_size,
	expanded_flatten
};

/* the object behind d, if d points to one of ours */
static ExpandedChanges *
expanded_of(Datum d)
{
	ExpandedObjectHeader *eoh;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return NULL;
	eoh = DatumGetEOHP(d);
	return eoh->eoh_methods == &expanded_methods ? (ExpandedChanges *) eoh : NULL;
}

/*
 * A new read-write object under parent holding a copy of s (NULL: an empty
 * state of the calendar and lists) with room for at least `room` changes
 */
static ExpandedChanges *
expanded_new(MemoryContext parent, const TicketChanges *s, struct varlena *hours,
			 const StatusLists *lists, int room)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "ticket_changes", ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	ExpandedChanges *ec = palloc(sizeof(ExpandedChanges));

	EOH_init_header(&ec->hdr, &expanded_methods, cxt);
	if (s)
	{
		StatusLists l = {s->npaused, s->nstopped, s->listlen, TC_LABELS(s), NULL};

		ec->flat = changes_make(TC_HOURS(s), &l, Max(room, s->count), TC_EVENTS(s), s->count,
								s->flags);
	}
	else
		ec->flat = changes_make(hours, lists, room, NULL, 0, CHANGES_SORTED);
	MemoryContextSwitchTo(old);
	return ec;
}

/* more room for the object's changes, in place (its own context) */
static void
expanded_grow(ExpandedChanges *ec, int room)
{
	TicketChanges *s = ec->flat;
	Size		off = TC_EVENTS_OFFSET(VARSIZE(TC_HOURS(s)), s->listlen);
	Size		size = TC_SIZE(VARSIZE(TC_HOURS(s)), s->listlen, room);

	Assert(room >= s->count);
	if (room > CHANGES_MAX_EVENTS || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ticket_clock has too many changes for one ticket")));
	s = repalloc(s, size);
	memset((char *) s + off + s->count * sizeof(ClockEvent), 0,
		   (room - s->count) * sizeof(ClockEvent));
	SET_VARSIZE(s, size);
	s->room = room;
	ec->flat = s;
}

/* a stored value, detoasted (copied when copy) and checked: XX001 if it cannot be ours */
static TicketChanges *
changes_get(Datum d, bool copy)
{
	ExpandedChanges *ec = expanded_of(d);
	TicketChanges *s;
	Size		size;

	/* the aggregates' working form: made here, read in place */
	if (ec && !copy)
		return ec->flat;
	s = (TicketChanges *) (copy ? PG_DETOAST_DATUM_COPY(d) : PG_DETOAST_DATUM(d));
	size = VARSIZE(s);

	if (size < TC_HDRSZ + VARHDRSZ || s->version != INTERACTION_FORMAT_VERSION ||
		s->count < 0 || s->room < s->count || s->room > CHANGES_MAX_EVENTS ||
		s->listlen < 0 || s->npaused < 0 || s->nstopped < 0 ||
		VARSIZE(TC_HOURS(s)) < VARHDRSZ || VARSIZE(TC_HOURS(s)) > size - TC_HDRSZ ||
		(Size) s->listlen > size - TC_HDRSZ - VARSIZE(TC_HOURS(s)) ||
		size != TC_SIZE(VARSIZE(TC_HOURS(s)), s->listlen, s->room) ||
		(s->listlen > 0 && TC_LABELS(s)[s->listlen - 1] != '\0'))
		io_corrupt_value(CHANGES_TYPNAME, "Format version %d, %d changes, room for %d, in %u bytes.",
						 s->version, s->count, s->room, (unsigned) size);
	return s;
}

/* the changes of s in time order: its own array, or a sorted copy */
static ClockEvent *
changes_sorted(const TicketChanges *s)
{
	ClockEvent *ev = TC_EVENTS(s);

	if (!(s->flags & CHANGES_SORTED))
	{
		ev = palloc(Max(s->count, 1) * sizeof(ClockEvent));
		memcpy(ev, TC_EVENTS(s), s->count * sizeof(ClockEvent));
		qsort(ev, s->count, sizeof(ClockEvent), clock_event_cmp);
	}
	return ev;
}

/*
 * The one validator and constructor of a value read from text or bytes: the
 * calendar (a detoasted business_hours value), the lists' labels, the
 * changes (any order; instants finite, kinds known).  The result is
 * canonical: lists and changes sorted, no room to spare.
 */
static TicketChanges *
changes_build(ChangesSource src, const char *input, struct varlena *hours,
			  char **paused, int np, char **stopped, int ns, ClockEvent *ev, int n)
{
	StatusLists lists;

	(void) hours_from_datum(PointerGetDatum(hours));
	lists_make(&lists, paused, np, stopped, ns, src, input);
	if (n < 0 || n > CHANGES_MAX_EVENTS)
		changes_invalid(src, input, "Too many changes.");
	for (int i = 0; i < n; i++)
	{
		if (TIMESTAMP_NOT_FINITE(ev[i].at) || !IS_VALID_TIMESTAMP(ev[i].at))
			changes_invalid(src, input, "Instants must be finite timestamps.");
		if (ev[i].kind < CLOCK_RUN || ev[i].kind > CLOCK_STOP)
			changes_invalid(src, input, "Unknown kind of change.");
		ev[i].reserved = 0;
	}
	qsort(ev, n, sizeof(ClockEvent), clock_event_cmp);
	return changes_make(hours, &lists, n, ev, n, CHANGES_SORTED);
}

static bool
same_params(const TicketChanges *a, const TicketChanges *b)
{
	return VARSIZE(TC_HOURS(a)) == VARSIZE(TC_HOURS(b)) &&
		memcmp(TC_HOURS(a), TC_HOURS(b), VARSIZE(TC_HOURS(a))) == 0 &&
		a->npaused == b->npaused && a->nstopped == b->nstopped && a->listlen == b->listlen &&
		memcmp(TC_LABELS(a), TC_LABELS(b), a->listlen) == 0;
}

/* bytes of the first n labels of a block of zero-terminated labels */
static int
labels_len(const char *labels, int n)
{
	const char *p = labels;

	for (int i = 0; i < n; i++)
		p += strlen(p) + 1;
	return p - labels;
}

static void append_list(StringInfo out, const char *labels, int n);

/* a calendar (4-byte header) or a list as a message shows it: quoted, or NULL */
static char *
param_text(struct varlena *hours, const char *labels, int n, bool null_list)
{
	StringInfoData buf;

	if (hours == NULL && null_list)
		return "NULL";
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '\'');
	if (hours)
		appendStringInfoString(&buf, DatumGetCString(DirectFunctionCall1(business_hours_out,
																		 PointerGetDatum(hours))));
	else
		append_list(&buf, labels, n);
	appendStringInfoChar(&buf, '\'');
	return buf.data;
}

/*
 * The parameters a state was read with: the calendar (4-byte header) and the
 * lists; null[l]: list l was a NULL argument (an empty list, shown as NULL)
 */
typedef struct ChangesParams
{
	struct varlena *hours;
	const char *labels;			/* paused then stopped */
	int			n[2];
	bool		null[2];
} ChangesParams;

static void
params_of(const TicketChanges *s, ChangesParams *p)
{
	p->hours = TC_HOURS(s);
	p->labels = TC_LABELS(s);
	p->n[0] = s->npaused;
	p->n[1] = s->nstopped;
	p->null[0] = p->null[1] = false;
}

/*
 * 22023 naming the first parameter that differs between a (the state, "the
 * first row") and b (another row or state) and both of its values
 */
static void
params_check(const ChangesParams *a, const ChangesParams *b)
{
	static const char *const what[2] = {"paused list", "stopped list"};
	const char *la = a->labels,
			   *lb = b->labels;

	if (VARSIZE(a->hours) != VARSIZE(b->hours) ||
		memcmp(a->hours, b->hours, VARSIZE(a->hours)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ticket_clock needs one calendar for all the rows of a ticket"),
				 errdetail("The calendar varies within the group: the first row gave %s, another %s.",
						   param_text(a->hours, NULL, 0, false), param_text(b->hours, NULL, 0, false)),
				 errhint("Group by the ticket; a ticket's calendar and status lists cannot change between its rows.")));
	for (int l = 0; l < 2; l++)
	{
		int			lena = labels_len(la, a->n[l]),
					lenb = labels_len(lb, b->n[l]);

		if (a->n[l] != b->n[l] || lena != lenb || memcmp(la, lb, lena) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("ticket_clock needs one %s for all the rows of a ticket", what[l]),
					 errdetail("The %s varies within the group: the first row gave %s, another %s.",
							   what[l], param_text(NULL, la, a->n[l], a->null[l]),
							   param_text(NULL, lb, b->n[l], b->null[l])),
					 errhint("Group by the ticket; a ticket's calendar and status lists cannot change between its rows.")));
		la += lena;
		lb += lenb;
	}
}

/* ---- text and binary forms ----------------------------------------------- */

static void
append_list(StringInfo out, const char *labels, int n)
{
	Datum	   *elems = palloc(Max(n, 1) * sizeof(Datum));
	ArrayType  *arr;

	for (int i = 0; i < n; i++)
	{
		elems[i] = CStringGetTextDatum(labels);
		labels += strlen(labels) + 1;
	}
	arr = construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT);
	appendStringInfoString(out, OidOutputFunctionCall(F_ARRAY_OUT, PointerGetDatum(arr)));
}

PG_FUNCTION_INFO_V1(ticket_changes_out);
Datum
ticket_changes_out(PG_FUNCTION_ARGS)
{
	TicketChanges *s = changes_get(PG_GETARG_DATUM(0), false);
	ClockEvent *ev = changes_sorted(s);
	const char *labels = TC_LABELS(s);
	StringInfoData out;

	initStringInfo(&out);
	appendStringInfoString(&out, "paused ");
	append_list(&out, labels, s->npaused);
	labels += labels_len(labels, s->npaused);
	appendStringInfoString(&out, "; stopped ");
	append_list(&out, labels, s->nstopped);
	appendStringInfoString(&out, "; changes ");
	if (s->count == 0)
		appendStringInfoString(&out, "none");
	for (int i = 0; i < s->count; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoString(&out, ", ");
		clock_append_instant(&out, ev[i].at, CHANGES_TYPNAME);
		if (ev[i].kind < CLOCK_RUN || ev[i].kind > CLOCK_STOP)
			io_corrupt_value(CHANGES_TYPNAME, "Change %d has kind %d.", i + 1, ev[i].kind);
		appendStringInfo(&out, " %s", kind_words[ev[i].kind]);
	}
	appendStringInfo(&out, "; hours %s",
					 DatumGetCString(DirectFunctionCall1(business_hours_out,
														 PointerGetDatum(TC_HOURS(s)))));
	PG_RETURN_CSTRING(out.data);
}

/* a status list at *p: an array literal {...}, read by core's array input */
static char **
read_list(const char **p, int *n, const char *input)
{
	const char *s = io_skip_blanks(*p);
	const char *e = s;
	bool		quoted = false;
	char	   *literal;

	if (*s != '{')
		io_syntax_error(CHANGES_TYPNAME, input, "Expected a list of statuses {...} at \"%s\".", s);
	for (e = s + 1; *e && (quoted || *e != '}'); e++)
	{
		if (*e == '\\' && e[1])
			e++;
		else if (*e == '"')
			quoted = !quoted;
	}
	if (*e != '}')
		io_syntax_error(CHANGES_TYPNAME, input, "Unterminated list of statuses at \"%s\".", s);
	literal = pnstrdup(s, e + 1 - s);
	*p = e + 1;
	return labels_of_array(DatumGetArrayTypeP(OidInputFunctionCall(F_ARRAY_IN, literal,
																   TEXTOID, -1)),
						   n, FROM_TEXT, input);
}

PG_FUNCTION_INFO_V1(ticket_changes_in);
Datum
ticket_changes_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = input;
	char	  **paused,
			  **stopped;
	int			np,
				ns,
				n = 0,
				room = 0;
	ClockEvent *ev = NULL;
	struct varlena *hours;

	clock_expect_word(&p, "paused", CHANGES_TYPNAME, input);
	paused = read_list(&p, &np, input);
	clock_expect_char(&p, ';', CHANGES_TYPNAME, input);
	clock_expect_word(&p, "stopped", CHANGES_TYPNAME, input);
	stopped = read_list(&p, &ns, input);
	clock_expect_char(&p, ';', CHANGES_TYPNAME, input);
	clock_expect_word(&p, "changes", CHANGES_TYPNAME, input);
	p = io_skip_blanks(p);
	if (pg_strncasecmp(p, "none", 4) == 0)
		p += 4;
	else
	{
		for (;;)
		{
			const char *s = io_skip_blanks(p);
			const char *e = s + strcspn(s, ",;");
			const char *w = e;
			int			kind;

			/* the instant, then the kind: the last word before the , or ; */
			while (w > s && io_is_blank(w[-1]))
				w--;
			for (kind = 0; kind <= CLOCK_STOP; kind++)
			{
				int			len = strlen(kind_words[kind]);

				if (w - s > len && pg_strncasecmp(w - len, kind_words[kind], len) == 0 &&
					io_is_blank(w[-len - 1]))
					break;
			}
			if (kind > CLOCK_STOP)
				io_syntax_error(CHANGES_TYPNAME, input,
								"Expected an instant and \"run\", \"pause\" or \"stop\" at \"%s\".", s);
			w -= strlen(kind_words[kind]);
			if (n >= CHANGES_MAX_EVENTS)
				changes_invalid(FROM_TEXT, input, "Too many changes.");
			if (n == room)
			{
				room = Max(8, room * 2);
				ev = ev ? repalloc(ev, room * sizeof(ClockEvent)) : palloc(room * sizeof(ClockEvent));
			}
			while (w > s && io_is_blank(w[-1]))
				w--;
			ev[n].at = io_read_timestamptz(s, w - s);
			ev[n].kind = kind;
			n++;
			p = e;
			if (*p != ',')
				break;
			p++;
		}
	}
	hours = clock_read_hours(p, CHANGES_TYPNAME, input);
	PG_RETURN_POINTER(changes_build(FROM_TEXT, input, hours, paused, np, stopped, ns, ev, n));
}

static void
send_string(StringInfo buf, const char *s)
{
	int			len = strlen(s);

	pq_sendint32(buf, len);
	pq_sendbytes(buf, s, len);
}

/* a string of the binary form: length and bytes, no zero byte inside */
static char *
recv_string(StringInfo buf)
{
	int			len;
	const char *bytes;

	if (buf->len - buf->cursor < 4)
		io_binary_error(CHANGES_TYPNAME, "The value ends early.");
	len = pq_getmsgint(buf, 4);
	if (len < 0 || len > buf->len - buf->cursor)
		io_binary_error(CHANGES_TYPNAME, "A string claims %d bytes but %d are left.",
						len, buf->len - buf->cursor);
	bytes = pq_getmsgbytes(buf, len);
	if (memchr(bytes, '\0', len) != NULL)
		io_binary_error(CHANGES_TYPNAME, "A string contains a zero byte.");
	return pnstrdup(bytes, len);
}

/* a count of the binary form, at most `most` items of at least `each` bytes */
static int
recv_count(StringInfo buf, int most, int each)
{
	int			n;

	if (buf->len - buf->cursor < 4)
		io_binary_error(CHANGES_TYPNAME, "The value ends early.");
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > most || n > (buf->len - buf->cursor) / each)
		io_binary_error(CHANGES_TYPNAME, "The value claims %d items but holds %d bytes.",
						n, buf->len - buf->cursor);
	return n;
}

PG_FUNCTION_INFO_V1(ticket_changes_send);
Datum
ticket_changes_send(PG_FUNCTION_ARGS)
{
	TicketChanges *s = changes_get(PG_GETARG_DATUM(0), false);
	ClockEvent *ev = changes_sorted(s);
	const char *labels = TC_LABELS(s);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	send_string(&buf, DatumGetCString(DirectFunctionCall1(business_hours_out,
														  PointerGetDatum(TC_HOURS(s)))));
	for (int l = 0; l < 2; l++)
	{
		int			n = l ? s->nstopped : s->npaused;

		pq_sendint32(&buf, n);
		for (int i = 0; i < n; i++)
		{
			send_string(&buf, labels);
			labels += strlen(labels) + 1;
		}
	}
	pq_sendint32(&buf, s->count);
	for (int i = 0; i < s->count; i++)
	{
		pq_sendint64(&buf, ev[i].at);
		pq_sendbyte(&buf, ev[i].kind);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(ticket_changes_recv);
Datum
ticket_changes_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	char	   *text;
	struct varlena *hours;
	char	  **lists[2];
	int			n[2];
	int			count;
	ClockEvent *ev;

	io_check_version(buf, CHANGES_TYPNAME);
	text = recv_string(buf);
	hours = clock_hours_in(text);
	for (int l = 0; l < 2; l++)
	{
		n[l] = recv_count(buf, CHANGES_MAX_LABELS, 4);
		lists[l] = palloc(Max(n[l], 1) * sizeof(char *));
		for (int i = 0; i < n[l]; i++)
			lists[l][i] = recv_string(buf);
	}
	count = recv_count(buf, CHANGES_MAX_EVENTS, 9);
	ev = palloc(Max(count, 1) * sizeof(ClockEvent));
	for (int i = 0; i < count; i++)
	{
		ev[i].at = pq_getmsgint64(buf);
		ev[i].kind = pq_getmsgbyte(buf);
	}
	io_check_end(buf, CHANGES_TYPNAME);
	PG_RETURN_POINTER(changes_build(FROM_BINARY, NULL, hours, lists[0], n[0], lists[1], n[1],
									ev, count));
}

/* ---- the aggregates ------------------------------------------------------ */

/*
 * What a call site of the transition function keeps: whether it runs in an
 * aggregate (asked once), and the lists of the arguments last seen, so that
 * constant lists (the usual case) are read once per query: a list argument
 * is recognised by its pointer when it is a constant, else by its bytes.
 */
typedef struct ListArg
{
	int			how;			/* LIST_DEFAULT, LIST_NULL, LIST_GIVEN */
	Datum		ptr;			/* the datum last seen (LIST_GIVEN) */
	struct varlena *bytes;		/* a copy of it */
} ListArg;

#define LIST_DEFAULT	0
#define LIST_NULL		1
#define LIST_GIVEN		2

typedef struct AddCache
{
	bool		in_aggregate;
	bool		const_args;		/* calendar and lists are constants of the query */
	bool		valid;			/* lists computed */
	ListArg		args[2];
	StatusLists lists;
} AddCache;

static const char *const default_lists[2][2] = {{"on_hold", "pending"}, {"closed", "solved"}};

/*
 * Whether argument argno (a list) is the one the cache was made from: the
 * same constant, else the same bytes (a column's datum may come back at the
 * same address with other contents, so its pointer proves nothing)
 */
static bool
list_arg_same(FunctionCallInfo fcinfo, const ListArg *c, int argno, int how, bool constant)
{
	struct varlena *v;

	if (how != c->how)
		return false;
	if (how != LIST_GIVEN || (constant && PG_GETARG_DATUM(argno) == c->ptr))
		return true;
	v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v);
	return VARSIZE_ANY_EXHDR(v) == VARSIZE_ANY_EXHDR(c->bytes) &&
		memcmp(VARDATA_ANY(v), VARDATA_ANY(c->bytes), VARSIZE_ANY_EXHDR(v)) == 0;
}

/* the lists of this row's arguments (cached while they stay the same) */
static const StatusLists *
add_lists(FunctionCallInfo fcinfo, AddCache *c)
{
	int			how[2];
	bool		same = c->valid;
	char	  **labels[2];
	int			n[2];
	MemoryContext old;

	for (int l = 0; l < 2; l++)
	{
		int			argno = 4 + l;

		how[l] = PG_NARGS() <= argno ? LIST_DEFAULT : PG_ARGISNULL(argno) ? LIST_NULL : LIST_GIVEN;
		if (same && !list_arg_same(fcinfo, &c->args[l], argno, how[l], c->const_args))
			same = false;
	}
	if (same)
		return &c->lists;

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	for (int l = 0; l < 2; l++)
	{
		int			argno = 4 + l;

		if (c->args[l].bytes)
			pfree(c->args[l].bytes);
		c->args[l].how = how[l];
		c->args[l].bytes = NULL;
		c->args[l].ptr = 0;
		n[l] = 0;
		if (how[l] == LIST_DEFAULT)
		{
			labels[l] = palloc(2 * sizeof(char *));
			labels[l][0] = pstrdup(default_lists[l][0]);
			labels[l][1] = pstrdup(default_lists[l][1]);
			n[l] = 2;
		}
		else if (how[l] == LIST_NULL)
			labels[l] = NULL;
		else
		{
			c->args[l].ptr = PG_GETARG_DATUM(argno);
			c->args[l].bytes = PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
			labels[l] = labels_of_array((ArrayType *) c->args[l].bytes, &n[l], FROM_ARGS, NULL);
		}
	}
	c->valid = false;
	if (c->lists.labels)
		pfree(c->lists.labels);
	if (c->lists.lens)
		pfree(c->lists.lens);
	c->lists.labels = NULL;
	c->lists.lens = NULL;
	lists_make(&c->lists, labels[0], n[0], labels[1], n[1], FROM_ARGS, NULL);
	/* the lengths, so that a row's status is matched without strlen */
	{
		int			total = c->lists.npaused + c->lists.nstopped;
		int		   *lens = palloc(Max(total, 1) * sizeof(int));
		const char *p = c->lists.labels;

		for (int i = 0; i < total; i++)
		{
			lens[i] = strlen(p);
			p += lens[i] + 1;
		}
		c->lists.lens = lens;
	}
	c->valid = true;
	MemoryContextSwitchTo(old);
	return &c->lists;
}

/*
 * Whether the calendar and the lists are constants of the query (the usual
 * case): then every state of the aggregate was made from them, and a row
 * need not be compared with its state (which would read the state's
 * calendar, hundreds of bytes, for every row).  A window aggregate has no
 * Aggref, and with ORDER BY or DISTINCT the arguments come from a sort: their
 * rows are compared.
 */
static bool
args_are_constants(FunctionCallInfo fcinfo)
{
	Aggref	   *agg = AggGetAggref(fcinfo);
	int			i = 0;
	ListCell   *lc;

	if (agg == NULL || agg->aggorder != NIL || agg->aggdistinct != NIL)
		return false;
	foreach(lc, agg->args)
	{
		TargetEntry *te = lfirst_node(TargetEntry, lc);

		if (i++ >= 2 && !IsA(te->expr, Const))
			return false;
	}
	return true;
}

/* the calendar argument equals the state's (its bytes) */
static bool
same_hours(const TicketChanges *s, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	struct varlena *h = TC_HOURS(s);

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v);
	return VARSIZE_ANY_EXHDR(v) == VARSIZE(h) - VARHDRSZ &&
		memcmp(VARDATA_ANY(v), VARDATA(h), VARSIZE(h) - VARHDRSZ) == 0;
}

/*
 * Whether the aggregate keeps its states in a hash table.  There a state
 * stays flat (the executor copies it when it grows): a memory context per
 * state would make hash aggregation quadratic, as it sums the memory of every
 * context under the table's at each new group.
 */
static bool
in_hash_table(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	AggState   *as;

	if (fcinfo->context == NULL || !IsA(fcinfo->context, AggState))
		return false;
	as = (AggState *) fcinfo->context;
	return as->hashcontext != NULL && aggcxt == as->hashcontext->ecxt_per_tuple_memory;
}

/* a transition's result: the object's read-write pointer, or the flat value */
static Datum
changes_result(ExpandedChanges *ec, TicketChanges *s)
{
	return ec ? EOHPGetRWDatum(&ec->hdr) : PointerGetDatum(s);
}

/*
 * ticket_clock(at, status, h [, paused [, stopped]]) and ticket_changes(...):
 * one change per row.  Rows with a NULL time, status or calendar are skipped;
 * a NULL list is an empty one.  In an aggregate the state is the one returned
 * before and is changed in place; called directly, the state given is copied.
 */
PG_FUNCTION_INFO_V1(ticket_changes_add);
Datum
ticket_changes_add(PG_FUNCTION_ARGS)
{
	AddCache   *c = fcinfo->flinfo->fn_extra;
	MemoryContext aggcxt = NULL;
	bool		expand = false;
	ExpandedChanges *ec = NULL;
	TicketChanges *s = NULL;
	const StatusLists *lists;
	TimestampTz at;
	text	   *status;
	ClockEvent *ev;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(AddCache));
		c->in_aggregate = AggCheckCallContext(fcinfo, NULL) != 0;
		c->const_args = c->in_aggregate && args_are_constants(fcinfo);
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->in_aggregate)
	{
		(void) AggCheckCallContext(fcinfo, &aggcxt);
		expand = !in_hash_table(fcinfo, aggcxt);
	}
	/*
	 * In an aggregate: our read-write object, or the flat state (in a hash
	 * table), changed in place; called directly: a copy
	 */
	if (!PG_ARGISNULL(0))
	{
		ec = c->in_aggregate ? expanded_of(PG_GETARG_DATUM(0)) : NULL;
		if (ec && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))))
			s = ec->flat;
		else
		{
			ec = NULL;
			s = changes_get(PG_GETARG_DATUM(0), !c->in_aggregate);
			if (expand)
			{
				ec = expanded_new(aggcxt, s, NULL, NULL, s->count + 1);
				s = ec->flat;
			}
		}
	}
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		return changes_result(ec, s);
	}
	at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket_clock needs finite timestamps")));
	lists = add_lists(fcinfo, c);
	if (s == NULL)
	{
		struct varlena *hours = PG_DETOAST_DATUM(PG_GETARG_DATUM(3));

		int			room = changes_room(TC_EVENTS_OFFSET(VARSIZE(hours), lists->len), 8);

		(void) hours_from_datum(PointerGetDatum(hours));
		if (expand)
		{
			ec = expanded_new(aggcxt, NULL, hours, lists, room);
			s = ec->flat;
		}
		else
			s = changes_make(hours, lists, room, NULL, 0, CHANGES_SORTED);
	}
	else
	{
		if (!c->const_args &&
			(!same_hours(s, PG_GETARG_DATUM(3)) ||
			 s->npaused != lists->npaused || s->nstopped != lists->nstopped ||
			 s->listlen != lists->len ||
			 memcmp(TC_LABELS(s), lists->labels, lists->len) != 0))
		{
			ChangesParams a,
						b;

			params_of(s, &a);
			b.hours = PG_DETOAST_DATUM(PG_GETARG_DATUM(3));
			b.labels = lists->labels;
			b.n[0] = lists->npaused;
			b.n[1] = lists->nstopped;
			b.null[0] = c->args[0].how == LIST_NULL;
			b.null[1] = c->args[1].how == LIST_NULL;
			params_check(&a, &b);
		}
		if (s->count == s->room)
		{
			int			room = changes_room(TC_EVENTS_OFFSET(VARSIZE(TC_HOURS(s)), s->listlen),
											(int64) s->room + 1);

			if (s->room >= CHANGES_MAX_EVENTS)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("ticket_clock has too many changes for one ticket")));
			if (ec)
			{
				expanded_grow(ec, room);
				s = ec->flat;
			}
			else
				s = changes_with_room(s, room);
		}
	}
	status = PG_GETARG_TEXT_PP(2);
	ev = TC_EVENTS(s) + s->count;
	ev->at = at;
	ev->kind = status_kind(lists, VARDATA_ANY(status), VARSIZE_ANY_EXHDR(status));
	ev->reserved = 0;
	if (s->count > 0 && clock_event_cmp(ev - 1, ev) > 0)
		s->flags &= ~CHANGES_SORTED;
	s->count++;
	return changes_result(ec, s);
}

/*
 * The changes of both states, merged in time order (sound: a clock depends
 * on the set of changes only).  The states must have the same calendar and
 * lists.  In an aggregate the first state is changed in place when it has
 * room.
 */
PG_FUNCTION_INFO_V1(ticket_changes_merge);
Datum
ticket_changes_merge(PG_FUNCTION_ARGS)
{
	TicketChanges *a = (TicketChanges *) PG_GETARG_POINTER(0);
	TicketChanges *b = changes_get(PG_GETARG_DATUM(1), false);
	ClockEvent *ea,
			   *eb;
	int			i,
				j,
				k;

	if (!kit_in_aggregate(fcinfo, NULL) || VARATT_IS_EXTENDED(a))
		a = changes_get(PG_GETARG_DATUM(0), true);
	if (!same_params(a, b))
	{
		ChangesParams pa,
					pb;

		params_of(a, &pa);
		params_of(b, &pb);
		params_check(&pa, &pb);
	}
	if (b->count == 0)
		PG_RETURN_POINTER(a);
	if ((int64) a->count + b->count > CHANGES_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ticket_clock has too many changes for one ticket")));
	if (a->room < a->count + b->count)
		a = changes_with_room(a, changes_room(TC_EVENTS_OFFSET(VARSIZE(TC_HOURS(a)), a->listlen),
											  Max((int64) a->room + 1, (int64) a->count + b->count)));
	ea = TC_EVENTS(a);
	if (!(a->flags & CHANGES_SORTED))
		qsort(ea, a->count, sizeof(ClockEvent), clock_event_cmp);
	eb = changes_sorted(b);
	/* merge from the end, in place */
	i = a->count - 1;
	j = b->count - 1;
	k = a->count + b->count - 1;
	while (j >= 0)
	{
		if ((k & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		if (i >= 0 && clock_event_cmp(&ea[i], &eb[j]) > 0)
			ea[k--] = ea[i--];
		else
			ea[k--] = eb[j--];
	}
	a->count += b->count;
	a->flags |= CHANGES_SORTED;
	PG_RETURN_POINTER(a);
}

/* final function of ticket_changes and rollup: the changes sorted, no room to spare */
PG_FUNCTION_INFO_V1(ticket_changes_final);
Datum
ticket_changes_final(PG_FUNCTION_ARGS)
{
	TicketChanges *s = changes_get(PG_GETARG_DATUM(0), false);
	TicketChanges *r = changes_with_room(s, s->count);

	if (!(r->flags & CHANGES_SORTED))
		qsort(TC_EVENTS(r), r->count, sizeof(ClockEvent), clock_event_cmp);
	r->flags |= CHANGES_SORTED;
	PG_RETURN_POINTER(r);
}

/*
 * sla_clock(changes), the final function of ticket_clock: the clock of the
 * changes (NULL without any).  The state is left as it is, so ticket_clock
 * works as a window aggregate.
 */
PG_FUNCTION_INFO_V1(ticket_changes_clock);
Datum
ticket_changes_clock(PG_FUNCTION_ARGS)
{
	TicketChanges *s = changes_get(PG_GETARG_DATUM(0), false);

	if (s->count == 0)
		PG_RETURN_NULL();
	return sla_clock_from_events(fcinfo, changes_sorted(s), s->count, TC_HOURS(s));
}

/* ---- equality ------------------------------------------------------------ */

/*
 * Equal: the same calendar, lists and changes (in any order: a state's order
 * is arrival order, which says nothing).
 */
static bool
changes_equal(FunctionCallInfo fcinfo)
{
	TicketChanges *a = changes_get(PG_GETARG_DATUM(0), false);
	TicketChanges *b = changes_get(PG_GETARG_DATUM(1), false);
	ClockEvent *ea,
			   *eb;

	if (!same_params(a, b) || a->count != b->count)
		return false;
	ea = changes_sorted(a);
	eb = changes_sorted(b);
	for (int i = 0; i < a->count; i++)
		if (ea[i].at != eb[i].at || ea[i].kind != eb[i].kind)
			return false;
	return true;
}

PG_FUNCTION_INFO_V1(ticket_changes_eq);
Datum
ticket_changes_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(changes_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(ticket_changes_ne);
Datum
ticket_changes_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!changes_equal(fcinfo));
}
