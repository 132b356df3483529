/*-------------------------------------------------------------------------
 *
 * journey.c
 *	  The journey type: one customer's touchpoints (time, journey stage,
 *	  channel or none) in time order; journey_agg and ||; the accessors,
 *	  stage_funnel() and multi-touch attribution().
 *
 * Touchpoints are kept in one total order: time, then stage rank, then
 * channel in label order with "no channel" last.  Equal touchpoints are kept
 * (a journey is a sorted multiset), so the same rows give the same journey,
 * byte for byte, whatever order they arrive in.
 *
 * On-disk and in-memory layout (a varlena, 8-byte aligned):
 *		int32	vl_len_
 *		uint8	version		INTERACTION_FORMAT_VERSION
 *		uint8	flags		0 in every value a user can see (see below)
 *		uint16	reserved	0
 *		int32	count		number of touchpoints
 *		int32	reserved	0
 *		then count JourneyTouch entries of 16 bytes, in the order above
 *
 * journey_agg's state is a journey too (a real type, so parallel workers,
 * postgres_fdw and Citus can ship it): while aggregating it carries
 * JOURNEY_STATE in flags, its touchpoints unsorted and room to grow at the
 * end (VARSIZE covers the room).  The final function, and anything that
 * receives such a state from outside an aggregate, sorts a compact copy.
 *
 * Binary send/recv format: uint8 version, int32 count, then per touchpoint
 * int64 at (microseconds since 2000-01-01 UTC), uint8 stage ordinal, uint8
 * channel ordinal (255: none), in the canonical order.  Text input sorts;
 * binary input insists on the canonical order; both end in journey_check().
 *
 * Text form: '[2026-05-01 09:00:00+00 awareness/social, 2026-05-03
 * 14:30:00+00 acquisition]': times written in ISO form in UTC (so the text
 * does not depend on the session's TimeZone or DateStyle), read by core's
 * timestamptz input (any form it takes, without commas).
 *
 * Durations (stage_funnel's within, attribution's half_life) are measured as
 * PostgreSQL compares intervals: a day is 24 hours, a month 30 days.  That
 * keeps every function but text input IMMUTABLE.
 *
 * src/journey.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"
#include "journey.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "miscadmin.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#define JOURNEY_INITIAL_ROOM	8
/* the labels of journey_stage and interaction_channel, from the taxonomy table */
TAXONOMY_TAG_LOOKUP(stage_tag, "journey_stage")
TAXONOMY_TAG_LOOKUP(channel_tag, "interaction_channel")

#define STAGE_COUNT			taxonomy_label_count(stage_tag())

#define JOURNEY_ROOM(j)			((int) ((VARSIZE(j) - JOURNEY_HDRSZ) / sizeof(JourneyTouch)))
/* the most touchpoints whose journey fits one 1 GB value */
/*
 * The most touchpoints of a journey: as many as its text form can hold in one
 * 1 GB value, so that every journey can be dumped and reloaded.  A touchpoint
 * takes at most 61 bytes of text ("4714-11-24 00:00:00.999999+00 BC
 * consideration/self_service, "); 64 leaves room for the brackets.
 */
#define JOURNEY_TEXT_TOUCH		64
#define JOURNEY_MAX_TOUCHES		((int) (MaxAllocSize / JOURNEY_TEXT_TOUCH))
/* bytes per touchpoint in the binary form */
#define JOURNEY_WIRE_TOUCH		10

StaticAssertDecl(JOURNEY_SIZE((Size) MaxAllocSize / JOURNEY_TEXT_TOUCH) <= MaxAllocSize,
				 "the largest journey must fit one allocation");

#define PG_GETARG_JOURNEY(n)	journey_get(PG_GETARG_DATUM(n))

/* ---- building and checking --------------------------------------------- */

static inline int
touch_cmp(const JourneyTouch *a, const JourneyTouch *b)
{
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->stage != b->stage)
		return a->stage < b->stage ? -1 : 1;
	if (a->channel != b->channel)
		return a->channel < b->channel ? -1 : 1;
	return 0;
}

static int
touch_qsort_cmp(const void *a, const void *b)
{
	return touch_cmp((const JourneyTouch *) a, (const JourneyTouch *) b);
}

static void
check_touch_count(int64 n)
{
	if (n > JOURNEY_MAX_TOUCHES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a journey has at most %d touchpoints, not " INT64_FORMAT,
						JOURNEY_MAX_TOUCHES, n),
				 errdetail("Its text form must fit one 1 GB value.")));
}

/* an empty journey with room for n touchpoints, in CurrentMemoryContext */
static Journey *
journey_alloc(int n, uint8 flags)
{
	Journey    *j;

	check_touch_count(n);
	/* zeroed whole: a state's unused room may be stored on disk */
	j = (Journey *) palloc0(JOURNEY_SIZE(n));
	SET_VARSIZE(j, JOURNEY_SIZE(n));
	j->version = INTERACTION_FORMAT_VERSION;
	j->flags = flags;
	return j;
}

static inline void
touch_set(JourneyTouch *t, TimestampTz at, uint8 stage, uint8 channel)
{
	t->at = at;
	t->stage = stage;
	t->channel = channel;
	memset(t->reserved, 0, sizeof(t->reserved));
}

/*
 * The one validator of a touchpoint (number "number" of its input, after
 * "prev" when the input must already be in order), for text and binary
 * input: NULL when valid, else a message for errdetail and in *code the
 * SQLSTATE that text input reports (binary input always reports 22P03).
 */
static char *
journey_check(const JourneyTouch *t, const JourneyTouch *prev, int number, int *code)
{
	*code = ERRCODE_INVALID_TEXT_REPRESENTATION;
	if (TIMESTAMP_NOT_FINITE(t->at) || !IS_VALID_TIMESTAMP(t->at))
	{
		*code = ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;
		return psprintf("Touchpoint %d: the time is infinite or out of range.", number);
	}
	if (t->stage >= STAGE_COUNT)
		return psprintf("Touchpoint %d: stage %d is not a journey_stage.", number, t->stage);
	if (t->channel >= CHANNEL_COUNT && t->channel != JOURNEY_NO_CHANNEL)
		return psprintf("Touchpoint %d: channel %d is not an interaction_channel.",
						number, t->channel);
	for (int k = 0; k < (int) sizeof(t->reserved); k++)
		if (t->reserved[k] != 0)
			return psprintf("Touchpoint %d: a reserved byte is not 0.", number);
	if (prev && touch_cmp(prev, t) > 0)
		return psprintf("Touchpoint %d comes before touchpoint %d in time, stage and channel order.",
						number, number - 1);
	return NULL;
}

/* the touchpoint a transition function is about to add */
static void
check_new_touch(TimestampTz at)
{
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("touchpoint times must be finite timestamps"),
				 errdetail("journey_agg() was given %s.",
						   TIMESTAMP_IS_NOBEGIN(at) ? "-infinity" : "infinity")));
}

/*
 * The compact, sorted journey of a state (or of a value a transition function
 * returned outside an aggregate); any other journey is returned as it is.
 */
static Journey *
journey_canonical(Journey *j)
{
	Journey    *r;

	if (!(j->flags & JOURNEY_STATE))
		return j;
	r = journey_alloc(j->count, 0);
	memcpy(r->touches, j->touches, j->count * sizeof(JourneyTouch));
	r->count = j->count;
	qsort(r->touches, r->count, sizeof(JourneyTouch), touch_qsort_cmp);
	return r;
}

/* a stored journey or state, detoasted (with a 4-byte header) and checked */
static Journey *
journey_detoast(Datum d)
{
	Journey    *j = (Journey *) PG_DETOAST_DATUM(d);

	if (j->version != INTERACTION_FORMAT_VERSION)
		io_corrupt_value("journey", "Unknown format version %d (this build reads version %d).",
						 j->version, INTERACTION_FORMAT_VERSION);
	if (j->flags & ~JOURNEY_STATE)
		io_corrupt_value("journey", "Unknown flags 0x%02x.", j->flags);
	if (j->count < 0 || JOURNEY_SIZE(j->count) > VARSIZE(j))
		io_corrupt_value("journey", "It claims %d touchpoints in %u bytes.",
						 j->count, (unsigned) VARSIZE(j));
	return j;
}

static Journey *
journey_get(Datum d)
{
	return journey_canonical(journey_detoast(d));
}

/* ---- text and binary I/O ------------------------------------------------- */

static void journey_validate(const JourneyTouch *t, const JourneyTouch *prev, int i,
							 const char *input);

/* copies a label of len bytes for taxonomy_parse(); overlong ones fail there */
static bool
parse_label(TaxonomyTag tag, const char *s, int len, uint8 *ordinal)
{
	char		buf[64];
	uint8		v;

	if (len >= (int) sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (!taxonomy_parse(tag, buf, &v))
		return false;
	*ordinal = (uint8) TAXONOMY_ORDINAL(v);
	return true;
}

/* reads one touchpoint "time stage[/channel]" of [start, end) */
static void
parse_touch(const char *input, const char *start, const char *end, int i,
			JourneyTouch *t)
{
	const char *labels,
			   *slash,
			   *time_end;
	TimestampTz at;
	uint8		stage,
				channel = JOURNEY_NO_CHANNEL;

	while (end > start && io_is_blank(end[-1]))
		end--;
	labels = end;
	while (labels > start && !io_is_blank(labels[-1]))
		labels--;
	if (labels == start)
		io_syntax_error("journey", input,
						"Touchpoint %d: expected \"time stage\" or \"time stage/channel\" but found \"%.*s\".",
						i + 1, (int) (end - start), start);
	slash = memchr(labels, '/', end - labels);
	if (!parse_label(stage_tag(), labels, (slash ? slash : end) - labels, &stage))
		io_syntax_error_hint("journey", input,
							 psprintf("Stages are %s.", kit_label_list(stage_tag())),
							 "Touchpoint %d: \"%.*s\" is not a journey_stage.", i + 1,
							 (int) ((slash ? slash : end) - labels), labels);
	if (slash && !parse_label(channel_tag(), slash + 1, end - slash - 1, &channel))
		io_syntax_error_hint("journey", input,
							 psprintf("Channels are %s; leave out \"/channel\" for none.",
									  kit_label_list(channel_tag())),
							 "Touchpoint %d: \"%.*s\" is not an interaction_channel.", i + 1,
							 (int) (end - slash - 1), slash + 1);
	time_end = labels;
	while (time_end > start && io_is_blank(time_end[-1]))
		time_end--;
	at = io_read_timestamptz(start, time_end - start);
	touch_set(t, at, stage, channel);
	journey_validate(t, NULL, i, input);
}

/*
 * Reports what journey_check() says of touchpoint i: of text input (as read,
 * before sorting: prev is NULL) or of binary input (input NULL).
 */
static void
journey_validate(const JourneyTouch *t, const JourneyTouch *prev, int i, const char *input)
{
	int			code;
	char	   *problem = journey_check(t, prev, i + 1, &code);

	if (problem == NULL)
		return;
	if (input == NULL)
		io_binary_error("journey", "%s", problem);
	if (code == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(code),
				 errmsg("touchpoint time out of range in journey: \"%s\"", input),
				 errdetail_internal("%s", problem)));
	io_syntax_error("journey", input, "%s", problem);
}

PG_FUNCTION_INFO_V1(journey_in);
Datum
journey_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = io_skip_blanks(input);
	int64		most = 1;
	int			room;
	Journey    *j;

	if (*p != '[')
		io_syntax_error("journey", input, "A journey starts with \"[\".");
	p = io_skip_blanks(p + 1);
	/* a touchpoint per comma at the most: the limit, before any allocation */
	for (const char *q = p; *q; q++)
		if (*q == ',')
			most++;
	check_touch_count(most);
	room = (int) Min(most, 64);
	j = journey_alloc(room, 0);

	if (*p == ']')
		p++;
	else
	{
		for (;;)
		{
			const char *start = p;

			CHECK_FOR_INTERRUPTS();
			while (*p && *p != ',' && *p != ']')
				p++;
			if (*p == '\0')
				io_syntax_error("journey", input, "A journey ends with \"]\".");
			if (j->count == room)
			{
				room = (int) Min((int64) room * 2, most);
				j = (Journey *) repalloc(j, JOURNEY_SIZE(room));
			}
			parse_touch(input, start, p, j->count, &j->touches[j->count]);
			j->count++;
			if (*p++ == ']')
				break;
			p = io_skip_blanks(p);
		}
	}
	p = io_skip_blanks(p);
	if (*p != '\0')
		io_syntax_error("journey", input, "Unexpected \"%s\" after \"]\".", p);

	qsort(j->touches, j->count, sizeof(JourneyTouch), touch_qsort_cmp);
	SET_VARSIZE(j, JOURNEY_SIZE(j->count));
	PG_RETURN_POINTER(j);
}

PG_FUNCTION_INFO_V1(journey_out);
Datum
journey_out(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	StringInfoData s;

	initStringInfo(&s);
	appendStringInfoChar(&s, '[');
	for (int i = 0; i < j->count; i++)
	{
		const JourneyTouch *t = &j->touches[i];
		char		buf[MAXDATELEN + 1];

		CHECK_FOR_INTERRUPTS();
		if (!io_timestamptz_text(t->at, buf))
			io_corrupt_value("journey", "Touchpoint %d has an invalid time.", i + 1);
		appendStringInfo(&s, "%s%s %s", i ? ", " : "", buf,
						 taxonomy_label(stage_tag(), t->stage));
		if (t->channel != JOURNEY_NO_CHANNEL)
			appendStringInfo(&s, "/%s", taxonomy_label(channel_tag(), t->channel));
	}
	appendStringInfoChar(&s, ']');
	PG_RETURN_CSTRING(s.data);
}

/* journey::jsonb: [{"at": UTC, "stage": label, "channel": label or null}, ...] */
PG_FUNCTION_INFO_V1(journey_jsonb);
Datum
journey_jsonb(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	JsonField  *touches = palloc(Max(j->count, 1) * sizeof(JsonField));

	for (int i = 0; i < j->count; i++)
	{
		const JourneyTouch *t = &j->touches[i];
		JsonField	fields[] = {
			JSON_FIELD_TIME("at", t->at),
			JSON_FIELD_TEXT("stage", taxonomy_label(stage_tag(), t->stage)),
			t->channel == JOURNEY_NO_CHANNEL ? JSON_FIELD_NULL("channel") :
			JSON_FIELD_TEXT("channel", taxonomy_label(channel_tag(), t->channel)),
		};

		CHECK_FOR_INTERRUPTS();
		touches[i] = JSON_FIELD_NESTED(NULL, kit_json_object(fields, lengthof(fields)));
	}
	PG_RETURN_POINTER(kit_json_array(touches, j->count));
}

PG_FUNCTION_INFO_V1(journey_recv);
Datum
journey_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			count;
	Journey    *j;

	io_check_version(buf, "journey");
	if (buf->len - buf->cursor < 4)
		io_binary_error("journey", "The touchpoint count is missing.");
	count = pq_getmsgint(buf, 4);
	if (count < 0)
		io_binary_error("journey", "The touchpoint count %d is negative.", count);
	if ((int64) count * JOURNEY_WIRE_TOUCH != buf->len - buf->cursor)
		io_binary_error("journey", "%d touchpoints need %lld bytes, but %d are left.", count,
						(long long) count * JOURNEY_WIRE_TOUCH, buf->len - buf->cursor);
	j = journey_alloc(count, 0);
	for (int i = 0; i < count; i++)
	{
		TimestampTz at = (TimestampTz) pq_getmsgint64(buf);
		uint8		stage = pq_getmsgbyte(buf);
		uint8		channel = pq_getmsgbyte(buf);

		CHECK_FOR_INTERRUPTS();
		touch_set(&j->touches[i], at, stage, channel);
		journey_validate(&j->touches[i], i > 0 ? &j->touches[i - 1] : NULL, i, NULL);
	}
	j->count = count;
	io_check_end(buf, "journey");
	PG_RETURN_POINTER(j);
}

PG_FUNCTION_INFO_V1(journey_send);
Datum
journey_send(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendint32(&buf, j->count);
	for (int i = 0; i < j->count; i++)
	{
		CHECK_FOR_INTERRUPTS();
		pq_sendint64(&buf, j->touches[i].at);
		pq_sendbyte(&buf, j->touches[i].stage);
		pq_sendbyte(&buf, j->touches[i].channel);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- journey_agg and || ---------------------------------------------------- */

/*
 * The state argument of a transition or combine function: in an aggregate
 * it is ours to change, unless it came in through a tuple (a parallel
 * worker's partial state may arrive with a short header) and must be
 * detoasted first; outside an aggregate it is read-only.
 */
static Journey *
state_arg(FunctionCallInfo fcinfo)
{
	Journey    *state = (Journey *) PG_GETARG_POINTER(0);

	if (kit_in_aggregate(fcinfo, NULL) && !VARATT_IS_EXTENDED(state))
		return state;
	return journey_detoast(PointerGetDatum(state));
}

/*
 * A state with room for "more" touchpoints after its own.  In an aggregate a
 * state with room is changed in place.  Otherwise the bigger copy is made in
 * the per-call context: the executor copies a transition value that comes
 * back as a new pointer into the aggregate's context and frees the old one,
 * so growing does not leak and doubling keeps it amortised O(1) per row.
 */
static Journey *
state_with_room(FunctionCallInfo fcinfo, Journey *state, int more)
{
	int64		need;
	int64		room;
	Journey    *r;

	if (state == NULL)
		return journey_alloc(Max(more, JOURNEY_INITIAL_ROOM), JOURNEY_STATE);
	need = (int64) state->count + more;
	if (kit_in_aggregate(fcinfo, NULL) && (state->flags & JOURNEY_STATE) && need <= JOURNEY_ROOM(state))
		return state;
	check_touch_count(need);
	room = Max(need, Min((int64) state->count * 2, (int64) JOURNEY_MAX_TOUCHES));
	room = Max(room, JOURNEY_INITIAL_ROOM);
	r = journey_alloc((int) room, JOURNEY_STATE);
	memcpy(r->touches, state->touches, state->count * sizeof(JourneyTouch));
	r->count = state->count;
	return r;
}

/* the ordinal of a stage or channel argument: the type itself, or text */
static inline uint8
label_arg(FunctionCallInfo fcinfo, int argno, TaxonomyTag tag, bool as_text)
{
	if (as_text)
		return (uint8) TAXONOMY_ORDINAL(taxonomy_read_text(tag, PG_GETARG_TEXT_PP(argno)));
	return (uint8) TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(argno));
}

/*
 * journey_agg(at, stage [, channel]): rows without a time or a stage are
 * skipped (the function is not strict, so that a NULL channel means none).
 * Stage and channel come as their types, or (since 1.2) as text read with
 * the types' input: synonyms work and an unknown label is 22P02.
 */
static inline Datum
journey_agg_add(FunctionCallInfo fcinfo, bool as_text)
{
	Journey    *state = PG_ARGISNULL(0) ? NULL : state_arg(fcinfo);
	TimestampTz at;
	uint8		stage;
	uint8		channel = JOURNEY_NO_CHANNEL;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}
	at = PG_GETARG_TIMESTAMPTZ(1);
	check_new_touch(at);
	stage = label_arg(fcinfo, 2, stage_tag(), as_text);
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		channel = label_arg(fcinfo, 3, channel_tag(), as_text);
	state = state_with_room(fcinfo, state, 1);
	touch_set(&state->touches[state->count++], at, stage, channel);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(journey_agg_trans);
Datum
journey_agg_trans(PG_FUNCTION_ARGS)
{
	return journey_agg_add(fcinfo, false);
}

PG_FUNCTION_INFO_V1(journey_agg_trans_text);
Datum
journey_agg_trans_text(PG_FUNCTION_ARGS)
{
	return journey_agg_add(fcinfo, true);
}

/* combine: the touchpoints of the second appended to the first (unsorted) */
PG_FUNCTION_INFO_V1(journey_agg_combine);
Datum
journey_agg_combine(PG_FUNCTION_ARGS)
{
	Journey    *state = state_arg(fcinfo);
	Journey    *other = journey_detoast(PG_GETARG_DATUM(1));

	state = state_with_room(fcinfo, state, other->count);
	memcpy(&state->touches[state->count], other->touches, other->count * sizeof(JourneyTouch));
	state->count += other->count;
	PG_RETURN_POINTER(state);
}

/* final: the state sorted into a compact journey (the state is left as it is) */
PG_FUNCTION_INFO_V1(journey_agg_final);
Datum
journey_agg_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(PG_GETARG_JOURNEY(0));
}

/* journey || journey: both touchpoint lists merged */
PG_FUNCTION_INFO_V1(journey_concat);
Datum
journey_concat(PG_FUNCTION_ARGS)
{
	Journey    *a = PG_GETARG_JOURNEY(0);
	Journey    *b = PG_GETARG_JOURNEY(1);
	Journey    *r;
	int			i = 0,
				k = 0;

	check_touch_count((int64) a->count + b->count);
	r = journey_alloc(a->count + b->count, 0);
	while (i < a->count || k < b->count)
	{
		CHECK_FOR_INTERRUPTS();
		if (k >= b->count || (i < a->count && touch_cmp(&a->touches[i], &b->touches[k]) <= 0))
			r->touches[r->count++] = a->touches[i++];
		else
			r->touches[r->count++] = b->touches[k++];
	}
	PG_RETURN_POINTER(r);
}

/* equal: the same touchpoints (journeys are canonical, padding is zero) */
static bool
journey_equal(FunctionCallInfo fcinfo)
{
	Journey    *a = PG_GETARG_JOURNEY(0);
	Journey    *b = PG_GETARG_JOURNEY(1);

	return a->count == b->count &&
		memcmp(a->touches, b->touches, a->count * sizeof(JourneyTouch)) == 0;
}

PG_FUNCTION_INFO_V1(journey_eq);
Datum
journey_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(journey_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(journey_ne);
Datum
journey_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!journey_equal(fcinfo));
}

/* ---- accessors ------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(journey_touchpoints);
Datum
journey_touchpoints(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_JOURNEY(0)->count);
}

/* the time of the first or the latest touchpoint; NULL for an empty journey */
static Datum
touch_time(FunctionCallInfo fcinfo, bool latest)
{
	Journey    *j = PG_GETARG_JOURNEY(0);

	if (j->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(j->touches[latest ? j->count - 1 : 0].at);
}

PG_FUNCTION_INFO_V1(journey_first_touch);
Datum
journey_first_touch(PG_FUNCTION_ARGS)
{
	return touch_time(fcinfo, false);
}

PG_FUNCTION_INFO_V1(journey_last_touch);
Datum
journey_last_touch(PG_FUNCTION_ARGS)
{
	return touch_time(fcinfo, true);
}

/* ties at the latest time: the last in touchpoint order, i.e. the highest stage */
PG_FUNCTION_INFO_V1(journey_current_stage);
Datum
journey_current_stage(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);

	if (j->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(stage_tag(), j->touches[j->count - 1].stage));
}

static int
furthest(const Journey *j)
{
	int			best = -1;

	for (int i = 0; i < j->count; i++)
		best = Max(best, j->touches[i].stage);
	return best;
}

PG_FUNCTION_INFO_V1(journey_furthest_stage);
Datum
journey_furthest_stage(PG_FUNCTION_ARGS)
{
	int			best = furthest(PG_GETARG_JOURNEY(0));

	if (best < 0)
		PG_RETURN_NULL();
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(stage_tag(), best));
}

/*
 * The one conversion rule: the index of the first of the n touchpoints (in
 * canonical order) at the stage or beyond, or -1 if none is.
 */
int
journey_reaches_at(const JourneyTouch *t, int n, int stage)
{
	for (int i = 0; i < n; i++)
		if (t[i].stage >= stage)
			return i;
	return -1;
}

/* the stage whose reaching is a conversion: acquisition */
int
journey_conversion_stage(void)
{
	static int	acquisition = -1;

	if (acquisition < 0)
		acquisition = taxonomy_ordinal(stage_tag(), "acquisition");
	return acquisition;
}

/* reached(j, stage) and j @> stage: some touchpoint at that stage or beyond */
PG_FUNCTION_INFO_V1(journey_reached);
Datum
journey_reached(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);

	PG_RETURN_BOOL(journey_reaches_at(j->touches, j->count,
									  TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(1))) >= 0);
}

/* b - a as an interval of days and time, as timestamptz - timestamptz gives */
static Interval *
usecs_interval(TimestampTz a, TimestampTz b)
{
	Interval   *r = (Interval *) palloc(sizeof(Interval));
	int64		d;

	if (pg_sub_s64_overflow(b, a, &d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range")));
	r->month = 0;
	r->day = (int32) (d / USECS_PER_DAY);
	r->time = d % USECS_PER_DAY;
	return r;
}

/* first touch -> first touch at the stage or beyond; NULL if never */
PG_FUNCTION_INFO_V1(journey_time_to_stage);
Datum
journey_time_to_stage(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	int			at = journey_reaches_at(j->touches, j->count,
										TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(1)));

	if (at < 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(usecs_interval(j->touches[0].at, j->touches[at].at));
}

/*
 * The journey is at the stage of its latest touchpoint until the next one:
 * the sum of the gaps that follow each touchpoint at this stage (the time
 * after the last touchpoint is not counted).  NULL if no touchpoint is at
 * the stage.
 */
PG_FUNCTION_INFO_V1(journey_time_in_stage);
Datum
journey_time_in_stage(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	int			stage = TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(1));
	bool		seen = false;
	int64		total = 0;

	if (j->count == 0)
		PG_RETURN_NULL();
	/* every gap is >= 0 and their sum <= last - first: check that that fits */
	(void) usecs_interval(j->touches[0].at, j->touches[j->count - 1].at);
	for (int i = 0; i < j->count; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (j->touches[i].stage != stage)
			continue;
		seen = true;
		if (i + 1 < j->count)
			total += j->touches[i + 1].at - j->touches[i].at;
	}
	if (!seen)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(usecs_interval(0, total));
}

/* unnest(j): the touchpoints as rows (at, stage, channel) */
PG_FUNCTION_INFO_V1(journey_unnest);
Datum
journey_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	Journey    *j;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("unnest(journey) must be called where a record is expected")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		j = PG_GETARG_JOURNEY(0);
		funcctx->user_fctx = j;
		funcctx->max_calls = j->count;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	j = (Journey *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const JourneyTouch *t = &j->touches[funcctx->call_cntr];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = TimestampTzGetDatum(t->at);
		values[1] = TaxonomyGetDatum(TAXONOMY_VALUE(stage_tag(), t->stage));
		if (t->channel == JOURNEY_NO_CHANNEL)
		{
			nulls[2] = true;
			values[2] = (Datum) 0;
		}
		else
			values[2] = TaxonomyGetDatum(TAXONOMY_VALUE(channel_tag(), t->channel));
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---- stage_funnel and attribution ---------------------------------------- */

/* an interval as text, for a message */
static char *
interval_text(Interval *iv)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(iv)));
}

/*
 * How many stages of awareness -> ... -> advocacy the journey completed in
 * order, each within "within" of the chain's first step, the way
 * window_funnel counts steps within a window (doc/journey.md): a chain
 * starts at an awareness touchpoint, and a touchpoint at stage k+1
 * extends a chain that reached stage k at or before it, when it comes at most
 * "within" after that chain's start.  One pass suffices: for each stage keep
 * the latest start among the chains that reached it, since a later start
 * leaves the most room for the steps after.
 */
PG_FUNCTION_INFO_V1(journey_stage_funnel);
Datum
journey_stage_funnel(PG_FUNCTION_ARGS)
{
	Journey    *j = PG_GETARG_JOURNEY(0);
	Interval   *within = PG_GETARG_INTERVAL_P(1);
	double		span = kit_interval_usecs(within);
	bool		reached[TAXONOMY_MAX_LABELS] = {false};
	TimestampTz start[TAXONOMY_MAX_LABELS] = {0};
	int			steps = 0;

	if (span < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("within must not be negative in stage_funnel(), not \"%s\"",
						interval_text(within))));
	for (int i = 0; i < j->count; i++)
	{
		int			s = j->touches[i].stage;
		TimestampTz at = j->touches[i].at;

		CHECK_FOR_INTERRUPTS();
		if (s == 0)
		{
			reached[0] = true;
			start[0] = at;
			steps = Max(steps, 1);
		}
		else if (reached[s - 1] && (double) at - (double) start[s - 1] <= span)
		{
			reached[s] = true;
			start[s] = start[s - 1];
			steps = Max(steps, s + 1);
		}
	}
	PG_RETURN_INT32(steps);
}

typedef enum AttributionModel
{
	MODEL_FIRST_TOUCH,
	MODEL_LAST_TOUCH,
	MODEL_LINEAR,
	MODEL_TIME_DECAY,
	MODEL_POSITION_BASED
} AttributionModel;

static const char *const model_names[] = {
	[MODEL_FIRST_TOUCH] = "first_touch",
	[MODEL_LAST_TOUCH] = "last_touch",
	[MODEL_LINEAR] = "linear",
	[MODEL_TIME_DECAY] = "time_decay",
	[MODEL_POSITION_BASED] = "position_based",
};

/* a model name, folded as every keyword is (any case, '-', '_' or spaces) */
static AttributionModel
parse_model(text *name)
{
	int			m = kit_match_keyword(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name),
									  model_names, lengthof(model_names));
	StringInfoData list;

	if (m >= 0)
		return (AttributionModel) m;
	initStringInfo(&list);
	for (m = 0; m < (int) lengthof(model_names); m++)
		appendStringInfo(&list, "%s%s", m ? ", " : "", model_names[m]);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown attribution model \"%s\"", text_to_cstring(name)),
			 errhint("Models are %s.", list.data)));
	pg_unreachable();
}

/*
 * Weight of touchpoint i of the n up to and including the conversion (index
 * n - 1); weights are normalised by their sum afterwards.
 */
static double
model_weight(AttributionModel model, const JourneyTouch *t, int i, int n, double half_life)
{
	switch (model)
	{
		case MODEL_FIRST_TOUCH:
			return i == 0 ? 1.0 : 0.0;
		case MODEL_LAST_TOUCH:
			return i == n - 1 ? 1.0 : 0.0;
		case MODEL_LINEAR:
			return 1.0;
		case MODEL_TIME_DECAY:
			return exp2(-((double) t[n - 1].at - (double) t[i].at) / half_life);
		case MODEL_POSITION_BASED:
			if (n <= 2)
				return 1.0;
			if (i == 0 || i == n - 1)
				return 0.4;
			return 0.2 / (n - 2);
	}
	pg_unreachable();
}

/*
 * attribution(j, model, half_life [, lookback]): credit per channel for the
 * conversion (the first touchpoint at acquisition or beyond, as reached()
 * has it), over the touchpoints up to and including it and, with a lookback,
 * no more than lookback before it (NULL: no limit).  The converting
 * touchpoint is always within the lookback, so a converting journey always
 * has credits.  Touchpoints without a channel get their share too, reported
 * as channel NULL, so the credits always sum to 1.  1.1's declaration has
 * three arguments and is STRICT; 1.2's has four and is not, so that a NULL
 * lookback means no limit: the other arguments NULL give no rows.
 */
PG_FUNCTION_INFO_V1(journey_attribution);
Datum
journey_attribution(PG_FUNCTION_ARGS)
{
	Journey    *j;
	AttributionModel model;
	Interval   *hl;
	double		half_life;
	double		lookback = -1;	/* no limit */
	double		credit[TAXONOMY_MAX_LABELS + 1] = {0};
	double		total = 0;
	int			conversion,
				from = 0;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return (Datum) 0;
	j = PG_GETARG_JOURNEY(0);
	model = parse_model(PG_GETARG_TEXT_PP(1));
	hl = PG_GETARG_INTERVAL_P(2);
	half_life = kit_interval_usecs(hl);
	if (!(half_life > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("half_life must be a positive interval in attribution(), not \"%s\"",
						interval_text(hl)),
				 errhint("Models are first_touch, last_touch, linear, time_decay (which uses half_life) and position_based.")));
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		Interval   *lb = PG_GETARG_INTERVAL_P(3);

		lookback = kit_interval_usecs(lb);
		if (lookback < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("lookback must not be negative in attribution(), not \"%s\"",
							interval_text(lb)),
					 errhint("Give the longest time before the conversion that a touchpoint earns credit, or NULL for no limit.")));
	}

	conversion = journey_reaches_at(j->touches, j->count, journey_conversion_stage());
	if (conversion < 0)
		return (Datum) 0;		/* no conversion: no rows */
	if (lookback >= 0)
	{
		/* the first touchpoint no more than lookback before the conversion */
		while (from < conversion)
		{
			int64		before;

			CHECK_FOR_INTERRUPTS();
			if (!pg_sub_s64_overflow(j->touches[conversion].at, j->touches[from].at, &before) &&
				(double) before <= lookback)
				break;
			from++;
		}
	}

	for (int i = from; i <= conversion; i++)
	{
		double		w = model_weight(model, j->touches + from, i - from,
									 conversion - from + 1, half_life);
		int			c = j->touches[i].channel;

		CHECK_FOR_INTERRUPTS();
		credit[c == JOURNEY_NO_CHANNEL ? CHANNEL_COUNT : c] += w;
		total += w;
	}
	for (int c = 0; c <= CHANNEL_COUNT; c++)
	{
		Datum		values[2];
		bool		nulls[2] = {c == CHANNEL_COUNT, false};

		if (credit[c] <= 0)
			continue;
		values[0] = c == CHANNEL_COUNT ? (Datum) 0 :
			TaxonomyGetDatum(TAXONOMY_VALUE(channel_tag(), c));
		values[1] = Float8GetDatum(credit[c] / total);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
