/*-------------------------------------------------------------------------
 *
 * queue_summary.c
 *	  queue_summary: the interval report of a contact-centre queue.  Exact
 *	  counters (offered, answered, abandoned, short abandons, answered and
 *	  abandoned within the service-level threshold), the exact sum of abandon
 *	  waits, and two duration sketches (the waits of answered contacts and
 *	  their handle times); its aggregate queue_agg, rollup and +, the
 *	  accessors (service levels of five definitions, abandon rate, ASA, AHT,
 *	  percentiles) and service_level_ci.
 *
 * The value is flat: a fixed header, then the wait sketch, then the handle
 * sketch, each a whole duration_sketch (duration_sketch.c).  The aggregate
 * state is the value itself, so parallel query and two-level aggregation
 * (postgres_fdw, Citus) merge it like any summary; the transition function
 * updates it in place and only makes a new value when a sketch's window must
 * widen (or a sketch is still compact, as a stored value rollup starts from);
 * the final function and + return compact sketches.  Two summaries merge only
 * when built with the same thresholds.
 *
 * src/queue_summary.c
 *
 *-------------------------------------------------------------------------
 */
#include "intervals.h"

#include <math.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#define TYPNAME				"queue_summary"
#define QUEUE_ACCURACY		0.01
#define QUEUE_ANSWER_WITHIN	(20 * USECS_PER_SEC)
#define QUEUE_SHORT_ABANDON	(5 * USECS_PER_SEC)

typedef struct QueueSummary
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* INTERACTION_FORMAT_VERSION */
	uint8		reserved[3];	/* zero */
	int64		answer_within;	/* service-level threshold T, microseconds */
	int64		short_abandon;	/* abandons quicker than this are short */
	int64		offered;
	int64		answered;
	int64		abandoned;
	int64		short_abandons;
	int64		answered_within;	/* answered with wait <= T */
	int64		abandoned_within;	/* abandoned with wait <= T */
	int64		abandon_wait;	/* sum of the waits of abandoned contacts */
	char		data[FLEXIBLE_ARRAY_MEMBER];	/* wait sketch, then handle sketch */
} QueueSummary;

#define QUEUE_HEADER_SIZE	offsetof(QueueSummary, data)
#define QS_WAIT(q)			((DurationSketch *) (q)->data)
#define QS_HANDLE(q)		((DurationSketch *) ((q)->data + VARSIZE(QS_WAIT(q))))

#define PG_GETARG_QUEUE(n)	((QueueSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* a new summary: q's header (or the thresholds of an empty one) and the two sketches */
static QueueSummary *
queue_build(const QueueSummary *head, const DurationSketch *wait,
			const DurationSketch *handle)
{
	Size		size = QUEUE_HEADER_SIZE + VARSIZE(wait) + VARSIZE(handle);
	QueueSummary *q = palloc(size);

	memcpy(q, head, QUEUE_HEADER_SIZE);
	SET_VARSIZE(q, size);
	memcpy(q->data, wait, VARSIZE(wait));
	memcpy(q->data + VARSIZE(wait), handle, VARSIZE(handle));
	return q;
}

static QueueSummary *
queue_new(int64 answer_within, int64 short_abandon)
{
	QueueSummary head;
	DurationSketch *empty = sketch_new(QUEUE_ACCURACY);

	memset(&head, 0, sizeof(head));
	head.version = INTERACTION_FORMAT_VERSION;
	head.answer_within = answer_within;
	head.short_abandon = short_abandon;
	return queue_build(&head, empty, empty);
}

static QueueSummary *
queue_copy(const QueueSummary *q)
{
	QueueSummary *c = palloc(VARSIZE(q));

	memcpy(c, q, VARSIZE(q));
	return c;
}

/* q with compact sketches (what is returned, so what is stored) */
static QueueSummary *
queue_compact(const QueueSummary *q)
{
	return queue_build(q, sketch_compact(QS_WAIT(q)), sketch_compact(QS_HANDLE(q)));
}

static char *
us_text(int64 us)
{
	return DatumGetCString(DirectFunctionCall1(interval_out,
											   IntervalPGetDatum(us_to_interval(us))));
}

/* the one validator: NULL when q is a valid summary, else what is wrong */
static const char *
queue_problem(const QueueSummary *q, Size size)
{
	const DurationSketch *wait,
			   *handle;
	const char *problem;
	int64		n;

	if (size < QUEUE_HEADER_SIZE + 2 * SKETCH_HEADER_SIZE)
		return "The value is too short.";
	if (q->version != INTERACTION_FORMAT_VERSION)
		return psprintf("Unknown format version %d.", q->version);
	if (q->reserved[0] || q->reserved[1] || q->reserved[2])
		return "A reserved byte is not zero.";
	if (q->answer_within < 0 || q->short_abandon < 0)
		return "A threshold is negative.";
	if (q->offered < 0 || q->answered < 0 || q->abandoned < 0 || q->short_abandons < 0 ||
		q->answered_within < 0 || q->abandoned_within < 0 || q->abandon_wait < 0)
		return "A counter is negative.";
	if (pg_add_s64_overflow(q->answered, q->abandoned, &n) || n != q->offered)
		return "offered must equal answered + abandoned.";
	if (q->answered_within > q->answered)
		return "answered_within must not exceed answered.";
	if (q->abandoned_within > q->abandoned || q->short_abandons > q->abandoned)
		return "abandoned_within and short_abandons must not exceed abandoned.";
	if (q->abandoned == 0 && q->abandon_wait != 0)
		return "abandon_wait_us must be 0 when nothing was abandoned.";
	wait = QS_WAIT(q);
	if (VARSIZE(wait) < SKETCH_HEADER_SIZE ||
		VARSIZE(wait) > size - QUEUE_HEADER_SIZE - SKETCH_HEADER_SIZE)
		return "The wait sketch does not fit.";
	if ((problem = sketch_problem(wait, VARSIZE(wait))) != NULL)
		return psprintf("wait: %s", problem);
	handle = QS_HANDLE(q);
	if (VARSIZE(handle) != size - QUEUE_HEADER_SIZE - VARSIZE(wait))
		return "The handle sketch does not fit.";
	if ((problem = sketch_problem(handle, VARSIZE(handle))) != NULL)
		return psprintf("handle: %s", problem);
	if (wait->accuracy != QUEUE_ACCURACY || handle->accuracy != QUEUE_ACCURACY)
		return "The sketches of a queue_summary have accuracy 0.01.";
	if (wait->samples != q->answered)
		return "The wait sketch must hold one wait per answered contact.";
	if (handle->samples > q->answered)
		return "The handle sketch holds more contacts than were answered.";
	return NULL;
}

/* ---- text and binary forms ------------------------------------------------- */

static int64
read_field(const char **p, const char *name, const char *input)
{
	const char *s = io_skip_blanks(*p);
	size_t		len = strlen(name);

	if (strncmp(s, name, len) != 0 || s[len] != '=')
		io_syntax_error(TYPNAME, input, "Expected \"%s=\" at \"%s\".", name, s);
	*p = s + len + 1;
	return io_read_int64(p, 0, PG_INT64_MAX, name, TYPNAME, input);
}

static DurationSketch *
read_sketch(const char **p, const char *name, const char *input)
{
	const char *s = io_skip_blanks(*p);
	size_t		len = strlen(name);
	DurationSketch *sk;

	if (strncmp(s, name, len) != 0 || s[len] != '=' || s[len + 1] != '(')
		io_syntax_error(TYPNAME, input, "Expected \"%s=(\" at \"%s\".", name, s);
	s += len + 2;
	sk = sketch_parse(&s, ')', TYPNAME, input);
	*p = s + 1;
	return sk;
}

PG_FUNCTION_INFO_V1(queue_summary_in);
Datum
queue_summary_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	QueueSummary head;
	DurationSketch *wait,
			   *handle;
	QueueSummary *q;
	const char *problem;

	memset(&head, 0, sizeof(head));
	head.version = INTERACTION_FORMAT_VERSION;
	head.answer_within = read_field(&p, "answer_within_us", str);
	head.short_abandon = read_field(&p, "short_abandon_us", str);
	head.offered = read_field(&p, "offered", str);
	head.answered = read_field(&p, "answered", str);
	head.abandoned = read_field(&p, "abandoned", str);
	head.short_abandons = read_field(&p, "short_abandons", str);
	head.answered_within = read_field(&p, "answered_within", str);
	head.abandoned_within = read_field(&p, "abandoned_within", str);
	head.abandon_wait = read_field(&p, "abandon_wait_us", str);
	wait = read_sketch(&p, "wait", str);
	handle = read_sketch(&p, "handle", str);
	p = io_skip_blanks(p);
	if (*p != '\0')
		io_syntax_error(TYPNAME, str, "Unexpected text \"%s\" at the end.", p);
	q = queue_build(&head, wait, handle);
	problem = queue_problem(q, VARSIZE(q));
	if (problem)
		io_value_error(TYPNAME, str, "%s", problem);
	PG_RETURN_POINTER(q);
}

/*
 * queue_summary::jsonb: the thresholds and abandon_wait in seconds, the
 * counters, and the wait and handle sketches as duration_sketch::jsonb
 */
PG_FUNCTION_INFO_V1(queue_summary_jsonb);
Datum
queue_summary_jsonb(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	JsonField	fields[] = {
		JSON_FIELD_SECONDS("answer_within", q->answer_within),
		JSON_FIELD_SECONDS("short_abandon", q->short_abandon),
		JSON_FIELD_INT("offered", q->offered),
		JSON_FIELD_INT("answered", q->answered),
		JSON_FIELD_INT("abandoned", q->abandoned),
		JSON_FIELD_INT("short_abandons", q->short_abandons),
		JSON_FIELD_INT("answered_within", q->answered_within),
		JSON_FIELD_INT("abandoned_within", q->abandoned_within),
		JSON_FIELD_SECONDS("abandon_wait", q->abandon_wait),
		JSON_FIELD_NESTED("wait", sketch_jsonb(QS_WAIT(q))),
		JSON_FIELD_NESTED("handle", sketch_jsonb(QS_HANDLE(q))),
	};

	PG_RETURN_POINTER(kit_json_object(fields, lengthof(fields)));
}

PG_FUNCTION_INFO_V1(queue_summary_out);
Datum
queue_summary_out(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "answer_within_us=" INT64_FORMAT " short_abandon_us=" INT64_FORMAT
					 " offered=" INT64_FORMAT " answered=" INT64_FORMAT " abandoned=" INT64_FORMAT
					 " short_abandons=" INT64_FORMAT " answered_within=" INT64_FORMAT
					 " abandoned_within=" INT64_FORMAT " abandon_wait_us=" INT64_FORMAT " wait=(",
					 q->answer_within, q->short_abandon, q->offered, q->answered, q->abandoned,
					 q->short_abandons, q->answered_within, q->abandoned_within, q->abandon_wait);
	sketch_print(&buf, QS_WAIT(q));
	appendStringInfoString(&buf, ") handle=(");
	sketch_print(&buf, QS_HANDLE(q));
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: version byte, the nine header numbers (int8), then the wait and
 * the handle sketch bodies (duration_sketch's binary form without its version).
 */
PG_FUNCTION_INFO_V1(queue_summary_recv);
Datum
queue_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	QueueSummary head;
	DurationSketch *wait,
			   *handle;
	QueueSummary *q;
	const char *problem;

	io_check_version(buf, TYPNAME);
	if (buf->len - buf->cursor < 9 * 8)
		io_binary_error(TYPNAME, "The value is cut short.");
	memset(&head, 0, sizeof(head));
	head.version = INTERACTION_FORMAT_VERSION;
	head.answer_within = pq_getmsgint64(buf);
	head.short_abandon = pq_getmsgint64(buf);
	head.offered = pq_getmsgint64(buf);
	head.answered = pq_getmsgint64(buf);
	head.abandoned = pq_getmsgint64(buf);
	head.short_abandons = pq_getmsgint64(buf);
	head.answered_within = pq_getmsgint64(buf);
	head.abandoned_within = pq_getmsgint64(buf);
	head.abandon_wait = pq_getmsgint64(buf);
	wait = sketch_recv_body(buf, TYPNAME);
	handle = sketch_recv_body(buf, TYPNAME);
	io_check_end(buf, TYPNAME);
	q = queue_build(&head, wait, handle);
	problem = queue_problem(q, VARSIZE(q));
	if (problem)
		io_binary_error(TYPNAME, "%s", problem);
	PG_RETURN_POINTER(q);
}

PG_FUNCTION_INFO_V1(queue_summary_send);
Datum
queue_summary_send(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendint64(&buf, q->answer_within);
	pq_sendint64(&buf, q->short_abandon);
	pq_sendint64(&buf, q->offered);
	pq_sendint64(&buf, q->answered);
	pq_sendint64(&buf, q->abandoned);
	pq_sendint64(&buf, q->short_abandons);
	pq_sendint64(&buf, q->answered_within);
	pq_sendint64(&buf, q->abandoned_within);
	pq_sendint64(&buf, q->abandon_wait);
	sketch_send_body(&buf, QS_WAIT(q));
	sketch_send_body(&buf, QS_HANDLE(q));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- aggregates ----------------------------------------------------------- */

static int64
threshold_arg(FunctionCallInfo fcinfo, int argno, int64 dflt, const char *what)
{
	if (PG_NARGS() <= argno)
		return dflt;
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", what)));
	return interval_to_us(PG_GETARG_INTERVAL_P(argno), what);
}

static void
report_threshold_mismatch(const QueueSummary *a, int64 answer_within, int64 short_abandon,
						  const char *errmsg_text)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", errmsg_text),
			 errdetail("One has answer_within %s and short_abandon %s, the other answer_within %s and short_abandon %s.",
					   us_text(a->answer_within), us_text(a->short_abandon),
					   us_text(answer_within), us_text(short_abandon))));
}

/*
 * queue_agg(wait, answered [, handle [, answer_within [, short_abandon]]])
 * transition: not STRICT; a row whose wait or answered is NULL is skipped.
 */
PG_FUNCTION_INFO_V1(queue_summary_trans);
Datum
queue_summary_trans(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_ARGISNULL(0) ? NULL : (QueueSummary *) PG_GETARG_POINTER(0);
	int64		answer_within,
				short_abandon,
				wait;
	const SketchParams *params;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("queue_summary_trans called outside an aggregate")));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (q == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(q);
	}
	answer_within = threshold_arg(fcinfo, 4, QUEUE_ANSWER_WITHIN, "answer_within");
	short_abandon = threshold_arg(fcinfo, 5, QUEUE_SHORT_ABANDON, "short_abandon");
	if (unlikely(q == NULL))
		q = queue_new(answer_within, short_abandon);
	else if (unlikely(q->answer_within != answer_within || q->short_abandon != short_abandon))
		report_threshold_mismatch(q, answer_within, short_abandon,
								  "queue_agg thresholds must be the same in every row of a group");
	params = sketch_cached_params(fcinfo, QUEUE_ACCURACY);
	wait = interval_to_us(PG_GETARG_INTERVAL_P(1), "wait");

	q->offered++;
	if (PG_GETARG_BOOL(2))
	{
		DurationSketch *w = QS_WAIT(q);
		DurationSketch *nw;

		q->answered++;
		if (wait <= q->answer_within)
			q->answered_within++;
		nw = sketch_add(w, wait, params);
		if (unlikely(nw != w))
			q = queue_build(q, nw, QS_HANDLE(q));
		if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		{
			DurationSketch *h = QS_HANDLE(q);
			DurationSketch *nh;

			nh = sketch_add(h, interval_to_us(PG_GETARG_INTERVAL_P(3), "handle"), params);
			if (unlikely(nh != h))
				q = queue_build(q, QS_WAIT(q), nh);
		}
	}
	else
	{
		q->abandoned++;
		if (wait <= q->answer_within)
			q->abandoned_within++;
		if (wait < q->short_abandon)
			q->short_abandons++;
		if (unlikely(pg_add_s64_overflow(q->abandon_wait, wait, &q->abandon_wait)))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("queue_summary is out of range"),
					 errdetail("The sum of the abandon waits passes 64 bits.")));
	}
	PG_RETURN_POINTER(q);
}

static QueueSummary *
queue_merge(QueueSummary *a, const QueueSummary *b)
{
	DurationSketch *w,
			   *h;

	if (a->answer_within != b->answer_within || a->short_abandon != b->short_abandon)
		report_threshold_mismatch(a, b->answer_within, b->short_abandon,
								  "cannot merge queue summaries built with different thresholds");
	if (pg_add_s64_overflow(a->offered, b->offered, &a->offered) ||
		pg_add_s64_overflow(a->answered, b->answered, &a->answered) ||
		pg_add_s64_overflow(a->abandoned, b->abandoned, &a->abandoned) ||
		pg_add_s64_overflow(a->short_abandons, b->short_abandons, &a->short_abandons) ||
		pg_add_s64_overflow(a->answered_within, b->answered_within, &a->answered_within) ||
		pg_add_s64_overflow(a->abandoned_within, b->abandoned_within, &a->abandoned_within) ||
		pg_add_s64_overflow(a->abandon_wait, b->abandon_wait, &a->abandon_wait))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("queue_summary is out of range"),
				 errdetail("A counter passes 64 bits.")));
	w = sketch_merge(QS_WAIT(a), QS_WAIT(b), TYPNAME);
	if (w != QS_WAIT(a))
		a = queue_build(a, w, QS_HANDLE(a));
	h = sketch_merge(QS_HANDLE(a), QS_HANDLE(b), TYPNAME);
	if (h != QS_HANDLE(a))
		a = queue_build(a, QS_WAIT(a), h);
	return a;
}

/* a + b: combine function, rollup's transition function and the + operator */
PG_FUNCTION_INFO_V1(queue_summary_combine);
Datum
queue_summary_combine(PG_FUNCTION_ARGS)
{
	QueueSummary *a = PG_GETARG_QUEUE(0);
	QueueSummary *b = PG_GETARG_QUEUE(1);

	/* called directly (the + operator): work on a copy, return a compact value */
	if (!AggCheckCallContext(fcinfo, NULL))
		PG_RETURN_POINTER(queue_compact(queue_merge(queue_copy(a), b)));
	PG_RETURN_POINTER(queue_merge(a, b));
}

PG_FUNCTION_INFO_V1(queue_summary_final);
Datum
queue_summary_final(PG_FUNCTION_ARGS)
{
	QueueSummary *q;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	q = PG_GETARG_QUEUE(0);
	if (q->offered == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(queue_compact(q));
}

static bool
queue_equal(const QueueSummary *a, const QueueSummary *b)
{
	return memcmp(&a->version, &b->version, QUEUE_HEADER_SIZE - offsetof(QueueSummary, version)) == 0 &&
		sketch_equal(QS_WAIT(a), QS_WAIT(b)) && sketch_equal(QS_HANDLE(a), QS_HANDLE(b));
}

PG_FUNCTION_INFO_V1(queue_summary_eq);
Datum
queue_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(queue_equal(PG_GETARG_QUEUE(0), PG_GETARG_QUEUE(1)));
}

PG_FUNCTION_INFO_V1(queue_summary_ne);
Datum
queue_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!queue_equal(PG_GETARG_QUEUE(0), PG_GETARG_QUEUE(1)));
}

/* ---- accessors ------------------------------------------------------------- */

#define QUEUE_COUNTER(sqlname, field) \
PG_FUNCTION_INFO_V1(queue_summary_##sqlname); \
Datum \
queue_summary_##sqlname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_INT64(PG_GETARG_QUEUE(0)->field); \
}

QUEUE_COUNTER(offered, offered)
QUEUE_COUNTER(answered, answered)
QUEUE_COUNTER(abandoned, abandoned)
QUEUE_COUNTER(short_abandons, short_abandons)
QUEUE_COUNTER(answered_within, answered_within)
QUEUE_COUNTER(abandoned_within, abandoned_within)

PG_FUNCTION_INFO_V1(queue_summary_answer_within);
Datum
queue_summary_answer_within(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(us_to_interval(PG_GETARG_QUEUE(0)->answer_within));
}

PG_FUNCTION_INFO_V1(queue_summary_short_abandon);
Datum
queue_summary_short_abandon(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(us_to_interval(PG_GETARG_QUEUE(0)->short_abandon));
}

/* abandoned / offered, short abandons left out of both */
PG_FUNCTION_INFO_V1(queue_summary_abandon_rate);
Datum
queue_summary_abandon_rate(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	int64		den = q->offered - q->short_abandons;

	if (den <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) (q->abandoned - q->short_abandons) / (double) den);
}

PG_FUNCTION_INFO_V1(queue_summary_asa);
Datum
queue_summary_asa(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	DurationSketch *w = QS_WAIT(q);

	if (w->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(us_to_interval(sketch_mean_us(w->sum, w->samples)));
}

PG_FUNCTION_INFO_V1(queue_summary_avg_abandon_time);
Datum
queue_summary_avg_abandon_time(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);

	if (q->abandoned == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(us_to_interval(sketch_mean_us(q->abandon_wait, q->abandoned)));
}

PG_FUNCTION_INFO_V1(queue_summary_aht);
Datum
queue_summary_aht(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	DurationSketch *h = QS_HANDLE(q);

	if (h->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(us_to_interval(sketch_mean_us(h->sum, h->samples)));
}

/*
 * The numerator and denominator of a service-level definition: answered
 * within T over answered, offered, offered less short abandons, offered less
 * abandons within T; or (answered + abandoned within T) over offered.
 */
static void
service_level_parts(const QueueSummary *q, const char *definition, int64 *num, int64 *den)
{
	*num = q->answered_within;
	if (strcmp(definition, "offered") == 0)
		*den = q->offered;
	else if (strcmp(definition, "answered") == 0)
		*den = q->answered;
	else if (strcmp(definition, "offered_excluding_short") == 0)
		*den = q->offered - q->short_abandons;
	else if (strcmp(definition, "abandoned_within_met") == 0)
	{
		*num = q->answered_within + q->abandoned_within;
		*den = q->offered;
	}
	else if (strcmp(definition, "exclude_abandoned_within") == 0)
		*den = q->offered - q->abandoned_within;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown service level definition \"%s\"", definition),
				 errhint("Definitions are \"offered\", \"answered\", \"offered_excluding_short\", \"abandoned_within_met\" and \"exclude_abandoned_within\".")));
}

PG_FUNCTION_INFO_V1(queue_summary_service_level);
Datum
queue_summary_service_level(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	int64		num,
				den;

	service_level_parts(q, text_to_cstring(PG_GETARG_TEXT_PP(1)), &num, &den);
	if (den <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) num / (double) den);
}

/* service_level_ci(q, definition, level): Wilson score interval of the level */
PG_FUNCTION_INFO_V1(queue_summary_service_level_ci);
Datum
queue_summary_service_level_ci(PG_FUNCTION_ARGS)
{
	QueueSummary *q = PG_GETARG_QUEUE(0);
	float8		level = PG_GETARG_FLOAT8(2);
	int64		num,
				den;
	float8		low,
				high;

	service_level_parts(q, text_to_cstring(PG_GETARG_TEXT_PP(1)), &num, &den);
	ci_check_level(level);
	if (den <= 0)
		PG_RETURN_NULL();
	ci_wilson((double) num / (double) den, (double) den, level, &low, &high);
	return ci_make(fcinfo, low, high);
}

PG_FUNCTION_INFO_V1(queue_summary_wait_percentile);
Datum
queue_summary_wait_percentile(PG_FUNCTION_ARGS)
{
	return sketch_percentile_datum(fcinfo, QS_WAIT(PG_GETARG_QUEUE(0)));
}

PG_FUNCTION_INFO_V1(queue_summary_handle_percentile);
Datum
queue_summary_handle_percentile(PG_FUNCTION_ARGS)
{
	return sketch_percentile_datum(fcinfo, QS_HANDLE(PG_GETARG_QUEUE(0)));
}

/* the sketches themselves, NULL when empty */
PG_FUNCTION_INFO_V1(queue_summary_wait_sketch);
Datum
queue_summary_wait_sketch(PG_FUNCTION_ARGS)
{
	DurationSketch *s = QS_WAIT(PG_GETARG_QUEUE(0));

	if (s->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(sketch_compact(s));
}

PG_FUNCTION_INFO_V1(queue_summary_handle_sketch);
Datum
queue_summary_handle_sketch(PG_FUNCTION_ARGS)
{
	DurationSketch *s = QS_HANDLE(PG_GETARG_QUEUE(0));

	if (s->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(sketch_compact(s));
}
