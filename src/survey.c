/*-------------------------------------------------------------------------
 *
 * survey.c
 *	  survey_summary: one fixed-length histogram of survey scores 0..10 that
 *	  serves NPS, CSAT and CES, its aggregates (survey_agg, rollup, the direct
 *	  nps/csat/ces forms, all parallel and with moving-aggregate support),
 *	  its accessors and the NPS statistics (standard error, confidence
 *	  intervals, difference test), and nps_category() (the group of a score).
 *
 * The aggregate state is the summary itself, a plain fixed-length type: the
 * transition function is a counter increment on a state that lives in the
 * aggregate context, the combine function adds two histograms, and the
 * inverse transition subtracts, so parallel query, two-level (postgres_fdw,
 * Citus) aggregation and sliding windows all work on the same value.
 *
 * src/survey.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "catalog/pg_type_d.h"

#define TYPNAME				"survey_summary"
#define SURVEY_NSCORES		11	/* scores 0..10 */
#define SURVEY_MAX_SCORE	10

/*
 * The stored value.  count[] holds the exact number of responses per score.
 * A summary built with weights is "weighted": weight[] then holds the sum of
 * the weights per score and weight_sq the sum of squared weights (for the
 * effective sample size); an unweighted summary keeps both at zero and its
 * counts act as weights.  scale records the CSAT/CES scale a direct
 * csat()/ces() aggregate saw (0: none).
 */
typedef struct SurveySummary
{
	uint8		version;		/* INTERACTION_FORMAT_VERSION */
	uint8		weighted;		/* 0 or 1 */
	uint8		scale;			/* 0, or one of survey_scales[] */
	uint8		reserved[5];	/* zero */
	int64		count[SURVEY_NSCORES];
	float8		weight[SURVEY_NSCORES];
	float8		weight_sq;
} SurveySummary;

StaticAssertDecl(sizeof(SurveySummary) == 192,
				 "survey_summary's INTERNALLENGTH in sql/install/30_survey.sql is 192");

/* binary form: version, flags, scale, 11 counts, 11 weights, weight_sq */
#define SURVEY_SEND_SIZE	(3 + SURVEY_NSCORES * 8 * 2 + 8)

#define PG_GETARG_SURVEY(n)	((SurveySummary *) PG_GETARG_POINTER(n))

/*
 * A non-zero weight lies between these, so that its square and any sum of
 * squares stay normal float8 numbers: the effective sample size then does not
 * depend on the unit of the weights (doc/survey.md).
 */
#define SURVEY_WEIGHT_MIN	1e-150
#define SURVEY_WEIGHT_MAX	1e150

/*
 * The CSAT/CES scales we accept and, for each, how many top boxes count as
 * "satisfied" (CSAT) and as "made it easy" (ces_easy).
 */
typedef struct SurveyScale
{
	int			scale;
	int			csat_top;
	int			ces_top;
} SurveyScale;

static const SurveyScale survey_scales[] = {
	{3, 1, 1},
	{5, 2, 2},
	{7, 2, 3},
	{10, 2, 3},
};

#define CSAT_DEFAULT_SCALE	5
#define CES_DEFAULT_SCALE	7

typedef enum SurveyMetric
{
	METRIC_CSAT,
	METRIC_CES
} SurveyMetric;

static const char *const metric_names[] = {"CSAT", "CES"};

/* ---- validation ----------------------------------------------------------- */

static const SurveyScale *
find_scale(int scale)
{
	for (int i = 0; i < (int) lengthof(survey_scales); i++)
		if (survey_scales[i].scale == scale)
			return &survey_scales[i];
	return NULL;
}

static const SurveyScale *
lookup_scale(int scale)
{
	const SurveyScale *sc = find_scale(scale);

	if (sc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid survey scale %d", scale),
				 errhint("Allowed scales are 3, 5, 7 and 10.")));
	return sc;
}

/* The first score with responses outside 1..scale, or -1 when there is none. */
static int
first_score_off_scale(const SurveySummary *s, int scale)
{
	for (int i = 0; i < SURVEY_NSCORES; i++)
		if (s->count[i] > 0 && (i < 1 || i > scale))
			return i;
	return -1;
}

/*
 * The one validator: text input, binary receive and the combine/rollup
 * functions all run it.  Returns NULL for a valid summary, else what is wrong
 * (an error detail: a sentence), with *out_of_range telling a number out of
 * its range (22003 for text input) from any other fault.
 */
static const char *
survey_summary_problem(const SurveySummary *s, bool *out_of_range)
{
	int64		total = 0;
	int			off;

	*out_of_range = false;
	if (s->version != INTERACTION_FORMAT_VERSION)
		return psprintf("Unknown format version %d.", s->version);
	if (s->weighted > 1)
		return psprintf("Invalid flags %d.", s->weighted);
	for (int i = 0; i < (int) lengthof(s->reserved); i++)
		if (s->reserved[i] != 0)
			return "Reserved bytes are not zero.";
	if (s->scale != 0 && find_scale(s->scale) == NULL)
		return psprintf("Invalid scale %d (allowed: 3, 5, 7, 10).", s->scale);
	for (int i = 0; i < SURVEY_NSCORES; i++)
	{
		if (s->count[i] < 0)
			return psprintf("Count of score %d is negative.", i);
		if (pg_add_s64_overflow(total, s->count[i], &total))
		{
			*out_of_range = true;
			return "Total count is out of range.";
		}
		if (s->weighted)
		{
			if (!isfinite(s->weight[i]) || s->weight[i] < 0)
				return psprintf("Weight of score %d is not a finite non-negative number.", i);
			if (s->count[i] == 0 && s->weight[i] != 0)
				return psprintf("Score %d has a weight but no responses.", i);
		}
		else if (s->weight[i] != 0)
			return "An unweighted summary carries weights.";
	}
	if (s->scale != 0 && (off = first_score_off_scale(s, s->scale)) >= 0)
		return psprintf("Score %d is outside the 1..%d scale.", off, s->scale);
	if (s->weighted)
	{
		double		w = 0;
		double		tol = 1e-9 + 4 * (double) total * DBL_EPSILON;

		if (!isfinite(s->weight_sq) || s->weight_sq < 0)
			return "Sum of squared weights is not a finite non-negative number.";
		if (total == 0 && s->weight_sq != 0)
			return "Sum of squared weights without responses.";
		for (int i = 0; i < SURVEY_NSCORES; i++)
		{
			/*
			 * c weights, each 0 or in [MIN, MAX], sum to 0 or to [MIN, c·MAX]
			 * (float sums of non-negative terms are monotone; the rounding
			 * of c·MAX is allowed for).
			 */
			if (s->weight[i] != 0 &&
				(s->weight[i] < SURVEY_WEIGHT_MIN ||
				 s->weight[i] > (double) s->count[i] * SURVEY_WEIGHT_MAX * (1 + tol)))
			{
				*out_of_range = true;
				return psprintf("The weight of score %d is out of range: a response weighs 0 or from %g to %g.",
								i, SURVEY_WEIGHT_MIN, SURVEY_WEIGHT_MAX);
			}
			w += s->weight[i];
		}
		if (w == 0 && s->weight_sq != 0)
			return "Sum of squared weights is not zero although every weight is.";
		if (w > 0)
		{
			double		ratio;

			/* some weight is at least MIN: its square is in the sum */
			if (s->weight_sq > 0 && s->weight_sq < SURVEY_WEIGHT_MIN * SURVEY_WEIGHT_MIN)
			{
				*out_of_range = true;
				return psprintf("Sum of squared weights %s is out of range: with a weight it is at least %g.",
								float8out_internal(s->weight_sq),
								SURVEY_WEIGHT_MIN * SURVEY_WEIGHT_MIN);
			}

			/*
			 * N non-negative weights summing to W have W²/N <= Σw² <= W²
			 * (Cauchy-Schwarz), that is 1 <= W²/Σw² <= N.  The ratio is
			 * computed as (W/Σw²)·W, which neither overflows nor underflows
			 * for weights in range; the sums were rounded, each by at most
			 * N·eps relative, so allow that and 1e-9.
			 */
			ratio = (w / s->weight_sq) * w;
			if (!(ratio >= 1 - tol && ratio <= (double) total * (1 + tol)))
				return psprintf("Sum of squared weights %s is impossible with N = %lld responses of total weight W = %s: it must lie between W*W/N and W*W.",
								float8out_internal(s->weight_sq), (long long) total,
								float8out_internal(w));
		}
	}
	else if (s->weight_sq != 0)
		return "An unweighted summary carries weights.";
	return NULL;
}

/* ---- scores --------------------------------------------------------------- */

/*
 * How a transition function reads its score, argument 1: the integer forms
 * take it as it is (the hot path); the smallint, bigint and numeric forms
 * (since 1.2) read it with score_from_arg().  Their C functions are the
 * integer ones' bodies with SCORE_CONVERTED, so every rule about scores is
 * written once.
 */
typedef enum ScoreArg
{
	SCORE_INT4,
	SCORE_CONVERTED
} ScoreArg;

/* the score argument as the caller wrote it, for a message */
static char *
score_text(FunctionCallInfo fcinfo, int32 score)
{
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, 1);
	Oid			output;
	bool		varlena;

	if (type == InvalidOid || type == INT4OID)
		return psprintf("%d", score);
	getTypeOutputInfo(type, &output, &varlena);
	return OidOutputFunctionCall(output, PG_GETARG_DATUM(1));
}

static pg_noinline void
report_score_out_of_range(FunctionCallInfo fcinfo, int32 score, int lo, int hi)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("survey score %s is out of range", score_text(fcinfo, score)),
			 errdetail("Scores must be between %d and %d.", lo, hi)));
}

/*
 * A score beyond int32 becomes the nearest int32, which lies outside every
 * scale: the range check then reports it, naming the value as given.
 */
#define SCORE_CLAMP(v)	((int32) Max(Min((v), PG_INT32_MAX), PG_INT32_MIN))

/*
 * A numeric score: a whole number, never rounded.  The bounds it is clamped
 * to are made once per backend (constants, never invalidated).  This is the
 * general path, with an fmgr call per check; score_from_numeric() takes it
 * only for what its fast path does not settle.
 */
static pg_noinline int32
score_from_numeric_slow(FunctionCallInfo fcinfo, Numeric num)
{
	static Numeric bounds[2];

	if (numeric_is_nan(num) ||
		(!numeric_is_inf(num) &&
		 DatumGetInt32(DirectFunctionCall1(numeric_min_scale, NumericGetDatum(num))) > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("survey score %s is not a whole number", score_text(fcinfo, 0)),
				 errdetail("Scores are whole numbers; a fraction is an error, not rounded.")));
	if (bounds[0] == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		bounds[0] = int64_to_numeric(PG_INT32_MIN);
		bounds[1] = int64_to_numeric(PG_INT32_MAX);
		MemoryContextSwitchTo(old);
	}
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(num),
										  NumericGetDatum(bounds[0]))) < 0)
		return PG_INT32_MIN;
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(num),
										  NumericGetDatum(bounds[1]))) > 0)
		return PG_INT32_MAX;
	return DatumGetInt32(DirectFunctionCall1(numeric_int4, NumericGetDatum(num)));
}

/* room for the (unpacked) numeric of any score the fast path settles */
#define SCORE_NUMERIC_ROOM	32

/*
 * A numeric score without an fmgr call when it is one of the scores 0..10
 * written as numeric itself writes that whole number (no fraction digits
 * shown, as an integer column cast to numeric stores it): numeric's own
 * conversion rounds it to an int4, and its bytes must equal those of the
 * numeric core makes of that int4 (made once per backend).  Anything else
 * (9.0, fractions, NaN, infinities, large values) takes the general path,
 * so every answer and every error is the general path's.
 */
static int32
score_from_numeric(FunctionCallInfo fcinfo)
{
	static Numeric whole[SURVEY_NSCORES];
	struct varlena *packed = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	Size		len = VARSIZE_ANY_EXHDR(packed);
	union
	{
		char		bytes[SCORE_NUMERIC_ROOM];
		int32		align;
	}			room;
	Numeric		num;
	bool		error = false;
	int32		score;

	if (unlikely(whole[0] == NULL))
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		for (int i = 0; i < SURVEY_NSCORES; i++)
			whole[i] = int64_to_numeric(i);
		MemoryContextSwitchTo(old);
	}
	if (likely(len + VARHDRSZ <= SCORE_NUMERIC_ROOM))
	{
		/* numeric's functions read the 4-byte header: copy a short one out */
		num = (Numeric) room.bytes;
		SET_VARSIZE(num, len + VARHDRSZ);
		memcpy(VARDATA(num), VARDATA_ANY(packed), len);
		score = numeric_int4_opt_error(num, &error);
		if (!error && (uint32) score <= SURVEY_MAX_SCORE &&
			VARSIZE(whole[score]) == len + VARHDRSZ &&
			memcmp(VARDATA(whole[score]), VARDATA(num), len) == 0)
			return score;
	}
	return score_from_numeric_slow(fcinfo, PG_GETARG_NUMERIC(1));
}

/* the score of a smallint, bigint or numeric form, as an int32 */
static pg_noinline int32
score_from_arg(FunctionCallInfo fcinfo)
{
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, 1);

	switch (type)
	{
		case INT2OID:
			return DatumGetInt16(PG_GETARG_DATUM(1));
		case INT4OID:
			return PG_GETARG_INT32(1);
		case INT8OID:
			return SCORE_CLAMP(PG_GETARG_INT64(1));
		case NUMERICOID:
			return score_from_numeric(fcinfo);
	}
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("survey scores are smallint, integer, bigint or numeric, not %s",
					type == InvalidOid ? "unknown" : format_type_be(type))));
	pg_unreachable();
}

static inline int32
score_arg(FunctionCallInfo fcinfo, ScoreArg how)
{
	if (likely(how == SCORE_INT4))
		return PG_GETARG_INT32(1);
	return score_from_arg(fcinfo);
}

/*
 * The two SQL-callable C functions of a transition body: NAME for integer
 * scores, NAME_any for the other types.  BODY(fcinfo, how) does the work.
 */
#define SCORE_FORMS(name, body) \
PG_FUNCTION_INFO_V1(name); \
Datum name(PG_FUNCTION_ARGS) { return body(fcinfo, SCORE_INT4); } \
PG_FUNCTION_INFO_V1(name##_any); \
Datum name##_any(PG_FUNCTION_ARGS) { return body(fcinfo, SCORE_CONVERTED); }

/*
 * A score added to s must lie on the scale s records (0..10 when it records
 * none).  Only a summary given to a transition function from outside (a
 * direct call, or an aggregate of one's own with an INITCOND) can record a
 * scale here: the built-in nps()/survey_agg() states never do.
 */
static pg_noinline void
check_score_on_scale(FunctionCallInfo fcinfo, const SurveySummary *s, int32 score)
{
	if (s->scale == 0)
	{
		if ((uint32) score > SURVEY_MAX_SCORE)
			report_score_out_of_range(fcinfo, score, 0, SURVEY_MAX_SCORE);
	}
	else if (score < 1 || score > s->scale)
		report_score_out_of_range(fcinfo, score, 1, s->scale);
}

static pg_noinline void
report_bad_weight(float8 w)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("survey weight %s is invalid", float8out_internal(w)),
			 errdetail("Weights must be finite and not negative.")));
}

/* ---- histogram arithmetic --------------------------------------------------- */

static inline int64
summary_responses(const SurveySummary *s)
{
	int64		n = 0;

	for (int i = 0; i < SURVEY_NSCORES; i++)
		n += s->count[i];
	return n;
}

/* weighted number of responses with a score in lo..hi */
static double
summary_weight(const SurveySummary *s, int lo, int hi)
{
	double		w = 0;

	for (int i = lo; i <= hi; i++)
		w += s->weighted ? s->weight[i] : (double) s->count[i];
	return w;
}

/* Make an unweighted summary weighted: every response so far weighs 1. */
static void
summary_make_weighted(SurveySummary *s)
{
	if (s->weighted)
		return;
	for (int i = 0; i < SURVEY_NSCORES; i++)
		s->weight[i] = (double) s->count[i];
	s->weight_sq = (double) summary_responses(s);
	s->weighted = 1;
}

static inline void
summary_add_row(SurveySummary *s, int score)
{
	s->count[score]++;
	if (unlikely(s->weighted))
	{
		s->weight[score] += 1.0;
		s->weight_sq += 1.0;
	}
}

static pg_noinline void
summary_add_weighted_row(SurveySummary *s, int score, float8 w)
{
	if (unlikely(!(w >= 0) || isinf(w)))
		report_bad_weight(w);
	if (unlikely(w != 0 && (w < SURVEY_WEIGHT_MIN || w > SURVEY_WEIGHT_MAX)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("survey weight %s is out of range", float8out_internal(w)),
				 errdetail("A weight is 0 or from %g to %g.",
						   SURVEY_WEIGHT_MIN, SURVEY_WEIGHT_MAX)));
	summary_make_weighted(s);
	s->count[score]++;
	s->weight[score] += w + 0.0;
	s->weight_sq += w * w;
	if (unlikely(isinf(s->weight[score]) || isinf(s->weight_sq)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of survey weights is out of range")));
}

/*
 * Removes one unweighted response: exact integer arithmetic.  Weighted
 * removals are never done in place (see survey_summary_inv).
 */
static void
summary_remove_row(SurveySummary *s, int score)
{
	if (unlikely(score < 0 || score > SURVEY_MAX_SCORE || s->count[score] <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("survey score %d is not in the summary it is removed from", score)));
	s->count[score]--;
}

/*
 * dst += src (sign 1) or dst -= src (sign -1), then validate the result.
 * Subtraction is only done on unweighted summaries (survey_summary_subtract
 * declines the others), so it is exact.
 */
static void
summary_merge(SurveySummary *dst, const SurveySummary *src, int sign)
{
	const char *problem;
	bool		out_of_range;

	Assert(sign > 0 || (!dst->weighted && !src->weighted));
	if (dst->scale != src->scale && dst->scale != 0 && src->scale != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine survey summaries of a %d-point and a %d-point scale",
						dst->scale, src->scale)));
	if (dst->scale == 0)
		dst->scale = src->scale;
	if (src->weighted)
		summary_make_weighted(dst);

	for (int i = 0; i < SURVEY_NSCORES; i++)
	{
		double		w = src->weighted ? src->weight[i] : (double) src->count[i];
		bool		overflow;

		if (sign > 0)
			overflow = pg_add_s64_overflow(dst->count[i], src->count[i], &dst->count[i]);
		else
			overflow = pg_sub_s64_overflow(dst->count[i], src->count[i], &dst->count[i]);
		if (overflow)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("survey_summary count is out of range")));
		if (dst->weighted)
			dst->weight[i] += sign * w;
	}
	if (dst->weighted)
		dst->weight_sq += sign * (src->weighted ? src->weight_sq
								  : (double) summary_responses(src));

	problem = survey_summary_problem(dst, &out_of_range);
	if (problem)
		ereport(ERROR,
				(errcode(sign > 0 ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : ERRCODE_DATA_EXCEPTION),
				 errmsg("invalid survey_summary result"),
				 errdetail("%s", problem)));
}

/*
 * Whether a call runs in an aggregate, so that it may update the state in
 * place: the kit's check (kit_in_aggregate()), asked once per FmgrInfo and
 * kept in fn_extra, with a marker of our own.
 *
 * The marker also says whether adding responses needs an overflow check.  An
 * aggregate's states all start from its INITCOND and gain one response per
 * row, so when the first state the function sees has fewer than 2^62
 * responses (our INITCOND '{}' has none) no count can reach 2^63: the hot
 * path increments without a check.  A user's aggregate whose INITCOND is
 * near the limit gets the checked marker, and every added response is
 * checked, as in a direct call.
 */
static char in_aggregate_marker;
static char in_aggregate_checked_marker;

#define SURVEY_HEADROOM		(INT64CONST(1) << 62)

static inline bool
in_aggregate(FunctionCallInfo fcinfo, const SurveySummary *s)
{
	void	   *marker = fcinfo->flinfo->fn_extra;

	if (likely(marker == &in_aggregate_marker || marker == &in_aggregate_checked_marker))
		return true;
	return kit_check_aggregate(fcinfo, summary_responses(s) < SURVEY_HEADROOM ?
							   &in_aggregate_marker : &in_aggregate_checked_marker);
}

/* The state to update: in an aggregate the state itself, anywhere else a copy. */
static inline SurveySummary *
summary_for_update(FunctionCallInfo fcinfo)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);

	if (in_aggregate(fcinfo, s))
		return s;
	return memcpy(palloc(sizeof(SurveySummary)), s, sizeof(SurveySummary));
}

/*
 * The state to add one response to: checked that one more response fits,
 * unless the aggregate's first state left room for more rows than any
 * relation holds.
 */
static inline SurveySummary *
summary_for_add(FunctionCallInfo fcinfo)
{
	SurveySummary *s = summary_for_update(fcinfo);

	if (unlikely(fcinfo->flinfo->fn_extra != &in_aggregate_marker) &&
		summary_responses(s) == PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("survey_summary count is out of range")));
	return s;
}

/*
 * The transition functions are not STRICT (one interpreter step less per
 * row): they skip a row with a NULL argument themselves.  The state is never
 * NULL in our aggregates (INITCOND '{}'); it can be in a direct call or in a
 * user's aggregate without INITCOND, and then stays NULL.
 */
static inline bool
row_has_null(FunctionCallInfo fcinfo)
{
	for (int i = 0; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			return true;
	return false;
}

/* what a transition function returns for a skipped row */
static pg_noinline Datum
skip_row(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/* ---- text and binary I/O ---------------------------------------------------- */

/*
 * Text form: '{score:count, ...}' listing the scores with responses, e.g.
 * '{6:20,7:15,9:25,10:40}'.  A weighted summary writes count/weight for each
 * score and the sum of squared weights: '{9:3/2.5,10:1/0.75,w2:2.6875}'.  A
 * recorded CSAT/CES scale is written last: '{4:10,5:30,scale:5}'.  Weights
 * are written in the shortest form that reads back to the same float8.
 * Long on purpose (about 115 lines): the grammar read top to bottom, one
 * case per kind of entry (score, weight, w2, scale).
 */
PG_FUNCTION_INFO_V1(survey_summary_in);
Datum
survey_summary_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = io_skip_blanks(str);
	SurveySummary *s = palloc0(sizeof(SurveySummary));
	bool		seen[SURVEY_NSCORES] = {0};
	bool		have_weight[SURVEY_NSCORES] = {0};
	bool		have_w2 = false;
	bool		have_scale = false;
	const char *problem;
	bool		out_of_range;

	s->version = INTERACTION_FORMAT_VERSION;
	if (*p++ != '{')
		io_syntax_error(TYPNAME, str, "A survey_summary starts with \"{\".");
	p = io_skip_blanks(p);
	if (*p != '}')
	{
		for (;;)
		{
			p = io_skip_blanks(p);
			if (strncmp(p, "w2", 2) == 0 || strncmp(p, "scale", 5) == 0)
			{
				bool		is_w2 = (p[0] == 'w');

				p = io_skip_blanks(p + (is_w2 ? 2 : 5));
				if (*p++ != ':')
					io_syntax_error(TYPNAME, str, "Expected \":\".");
				p = io_skip_blanks(p);
				if (is_w2)
				{
					if (have_w2)
						io_syntax_error(TYPNAME, str, "\"w2\" appears twice.");
					s->weight_sq = io_read_float8(&p, TYPNAME, str);
					have_w2 = true;
				}
				else
				{
					int64		scale = io_read_int64(&p, 3, 10, "scale",
													  TYPNAME, str);

					if (have_scale)
						io_syntax_error(TYPNAME, str, "\"scale\" appears twice.");
					if (find_scale(scale) == NULL)
						io_syntax_error(TYPNAME, str, "Allowed scales are 3, 5, 7 and 10.");
					s->scale = (uint8) scale;
					have_scale = true;
				}
			}
			else
			{
				int64		score = io_read_int64(&p, 0, SURVEY_MAX_SCORE, "score",
												  TYPNAME, str);

				if (seen[score])
					io_syntax_error(TYPNAME, str, "Score %d appears twice.", (int) score);
				seen[score] = true;
				p = io_skip_blanks(p);
				if (*p++ != ':')
					io_syntax_error(TYPNAME, str, "Expected \":\" after a score.");
				p = io_skip_blanks(p);
				s->count[score] = io_read_int64(&p, 0, PG_INT64_MAX, "count",
												TYPNAME, str);
				p = io_skip_blanks(p);
				if (*p == '/')
				{
					p = io_skip_blanks(p + 1);
					s->weight[score] = io_read_float8(&p, TYPNAME, str);
					have_weight[score] = true;
				}
			}
			p = io_skip_blanks(p);
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p == '}')
				break;
			io_syntax_error(TYPNAME, str, "Expected \",\" or \"}\".");
		}
	}
	p = io_skip_blanks(p + 1);
	if (*p != '\0')
		io_syntax_error(TYPNAME, str, "Unexpected text after \"}\".");

	/* weights given for some scores make the summary weighted */
	for (int i = 0; i < SURVEY_NSCORES; i++)
		if (have_weight[i])
			s->weighted = 1;
	if (have_w2)
		s->weighted = 1;
	if (s->weighted)
	{
		bool		sq_known = have_w2;

		if (!sq_known)
			s->weight_sq = 0;
		for (int i = 0; i < SURVEY_NSCORES; i++)
		{
			if (!have_weight[i])
				s->weight[i] = (double) s->count[i];
			/* missing w2: as if every response of a score had the same weight */
			if (!sq_known && s->count[i] > 0)
				s->weight_sq += s->weight[i] * s->weight[i] / (double) s->count[i];
		}
	}

	problem = survey_summary_problem(s, &out_of_range);
	if (problem && out_of_range)
		io_range_error(TYPNAME, str, "%s", problem);
	if (problem)
		io_syntax_error(TYPNAME, str, "%s", problem);
	PG_RETURN_POINTER(s);
}

static void
append_float8(StringInfo buf, float8 v)
{
	char		digits[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(v, digits);
	appendStringInfoString(buf, digits);
}

PG_FUNCTION_INFO_V1(survey_summary_out);
Datum
survey_summary_out(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);
	StringInfoData buf;
	const char *sep = "";

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < SURVEY_NSCORES; i++)
	{
		if (s->count[i] == 0)
			continue;
		appendStringInfo(&buf, "%s%d:" INT64_FORMAT, sep, i, s->count[i]);
		if (s->weighted)
		{
			appendStringInfoChar(&buf, '/');
			append_float8(&buf, s->weight[i]);
		}
		sep = ",";
	}
	if (s->weighted)
	{
		appendStringInfo(&buf, "%sw2:", sep);
		append_float8(&buf, s->weight_sq);
		sep = ",";
	}
	if (s->scale)
		appendStringInfo(&buf, "%sscale:%d", sep, s->scale);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * survey_summary::jsonb: {"responses": n, "counts": {"score": count, ...},
 * "weights": {...} and "weight_sq" when weighted, "scale" (null when none)};
 * scores with no response are left out, as in the text form.
 */
PG_FUNCTION_INFO_V1(survey_summary_jsonb);
Datum
survey_summary_jsonb(PG_FUNCTION_ARGS)
{
	static const char *const score_key[SURVEY_NSCORES] =
	{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
	SurveySummary *s = PG_GETARG_SURVEY(0);
	JsonField	counts[SURVEY_NSCORES];
	JsonField	weights[SURVEY_NSCORES];
	JsonField	fields[5];
	int			n = 0,
				nf = 0;
	int64		responses = 0;

	for (int i = 0; i < SURVEY_NSCORES; i++)
	{
		responses += s->count[i];
		if (s->count[i] == 0)
			continue;
		counts[n] = JSON_FIELD_INT(score_key[i], s->count[i]);
		weights[n] = JSON_FIELD_FLOAT(score_key[i], s->weight[i]);
		n++;
	}
	fields[nf++] = JSON_FIELD_INT("responses", responses);
	fields[nf++] = JSON_FIELD_NESTED("counts", kit_json_object(counts, n));
	if (s->weighted)
	{
		fields[nf++] = JSON_FIELD_NESTED("weights", kit_json_object(weights, n));
		fields[nf++] = JSON_FIELD_FLOAT("weight_sq", s->weight_sq);
	}
	fields[nf++] = s->scale ? JSON_FIELD_INT("scale", s->scale) : JSON_FIELD_NULL("scale");
	PG_RETURN_POINTER(kit_json_object(fields, nf));
}

/*
 * Binary form: version byte, flags byte (1: weighted), scale byte, then the
 * eleven counts (int8), eleven weights and the sum of squared weights
 * (float8), always all of them: SURVEY_SEND_SIZE bytes.
 */
PG_FUNCTION_INFO_V1(survey_summary_recv);
Datum
survey_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SurveySummary *s;
	const char *problem;
	bool		out_of_range;

	if (buf->len - buf->cursor != SURVEY_SEND_SIZE)
		io_binary_error(TYPNAME, "Expected %d bytes, got %d.", SURVEY_SEND_SIZE,
						buf->len - buf->cursor);
	s = palloc0(sizeof(SurveySummary));
	s->version = pq_getmsgbyte(buf);
	s->weighted = pq_getmsgbyte(buf);
	s->scale = pq_getmsgbyte(buf);
	for (int i = 0; i < SURVEY_NSCORES; i++)
		s->count[i] = pq_getmsgint64(buf);
	for (int i = 0; i < SURVEY_NSCORES; i++)
		s->weight[i] = pq_getmsgfloat8(buf) + 0.0;
	s->weight_sq = pq_getmsgfloat8(buf) + 0.0;

	problem = survey_summary_problem(s, &out_of_range);
	if (problem)
		io_binary_error(TYPNAME, "%s", problem);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(survey_summary_send);
Datum
survey_summary_send(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, s->weighted);
	pq_sendbyte(&buf, s->scale);
	for (int i = 0; i < SURVEY_NSCORES; i++)
		pq_sendint64(&buf, s->count[i]);
	for (int i = 0; i < SURVEY_NSCORES; i++)
		pq_sendfloat8(&buf, s->weight[i]);
	pq_sendfloat8(&buf, s->weight_sq);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- aggregate support ------------------------------------------------------ */

/*
 * Everything survey_summary_trans does off its fast path: NULLs, the first
 * call of an aggregate, direct calls (which work on a copy), weighted states,
 * states that record a scale, and bad scores.
 */
static pg_noinline Datum
survey_summary_trans_general(FunctionCallInfo fcinfo, ScoreArg how)
{
	SurveySummary *s;
	int32		score;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return skip_row(fcinfo);
	score = score_arg(fcinfo, how);
	s = summary_for_add(fcinfo);
	check_score_on_scale(fcinfo, s, score);
	summary_add_row(s, score);
	PG_RETURN_POINTER(s);
}

/*
 * survey_summary_trans(state, score): the transition function of
 * survey_agg(score) and nps(score), the hot path.  Inside an aggregate (known
 * from fn_extra after the first row) with an unweighted state on the 0..10
 * scale, a row is a few compares and one counter increment in place; every
 * other case takes the general path.
 */
PG_FUNCTION_INFO_V1(survey_summary_trans);
Datum
survey_summary_trans(PG_FUNCTION_ARGS)
{
	if (likely(fcinfo->flinfo->fn_extra == &in_aggregate_marker &&
			   !PG_ARGISNULL(0) && !PG_ARGISNULL(1)))
	{
		SurveySummary *s = PG_GETARG_SURVEY(0);
		int32		score = PG_GETARG_INT32(1);

		if (likely((uint32) score <= SURVEY_MAX_SCORE &&
				   (s->weighted | s->scale) == 0))
		{
			s->count[score]++;
			PG_RETURN_POINTER(s);
		}
	}
	return survey_summary_trans_general(fcinfo, SCORE_INT4);
}

/* the same for a smallint, bigint or numeric score */
PG_FUNCTION_INFO_V1(survey_summary_trans_any);
Datum
survey_summary_trans_any(PG_FUNCTION_ARGS)
{
	return survey_summary_trans_general(fcinfo, SCORE_CONVERTED);
}

/* (state, score, weight): the weighted forms */
static inline Datum
trans_weighted(FunctionCallInfo fcinfo, ScoreArg how)
{
	SurveySummary *s;
	int32		score;

	if (unlikely(row_has_null(fcinfo)))
		return skip_row(fcinfo);
	score = score_arg(fcinfo, how);
	s = summary_for_add(fcinfo);
	if (unlikely((uint32) score > SURVEY_MAX_SCORE || s->scale != 0))
		check_score_on_scale(fcinfo, s, score);
	summary_add_weighted_row(s, score, PG_GETARG_FLOAT8(2));
	PG_RETURN_POINTER(s);
}

SCORE_FORMS(survey_summary_trans_weighted, trans_weighted)

/*
 * The inverse transitions must leave exactly the state a recomputation of the
 * frame would build, or window results would depend on how the frame was
 * reached.  Counts subtract exactly; float sums of weights do not (they
 * drift), and a removed weight or scale cannot tell whether the rest of the
 * frame still needs the "weighted" flag or the scale.  In those cases an
 * inverse returns NULL, which tells the window executor to recompute the
 * frame from scratch (exact, O(frame) for that row).  Unweighted windows, the
 * common case, keep the O(1) path.
 */

/* (state, score [, weight]): inverse of survey_summary_trans */
static inline Datum
inv(FunctionCallInfo fcinfo, ScoreArg how)
{
	SurveySummary *s;

	if (unlikely(row_has_null(fcinfo)))
		return skip_row(fcinfo);
	if (PG_NARGS() > 2 || PG_GETARG_SURVEY(0)->weighted)
		PG_RETURN_NULL();		/* weighted: recompute */
	s = summary_for_update(fcinfo);
	summary_remove_row(s, score_arg(fcinfo, how));
	PG_RETURN_POINTER(s);
}

SCORE_FORMS(survey_summary_inv, inv)

/* Transition of the direct csat()/ces() aggregates: scores 1..scale. */
static inline Datum
accumulate_on_scale(FunctionCallInfo fcinfo, ScoreArg how, int default_scale)
{
	SurveySummary *s;
	int32		score;
	int32		scale;
	int			off;

	if (unlikely(row_has_null(fcinfo)))
		return skip_row(fcinfo);
	score = score_arg(fcinfo, how);
	s = summary_for_add(fcinfo);
	scale = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : default_scale;

	if (unlikely(s->scale != scale || scale == 0))
	{
		lookup_scale(scale);
		if (s->scale != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("survey scale changed from %d to %d within one aggregate",
							s->scale, scale)));
		/* a summary given from outside may hold scores off the scale */
		if ((off = first_score_off_scale(s, scale)) >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("survey_summary holds score %d, outside the 1..%d scale",
							off, scale)));
		s->scale = (uint8) scale;
	}
	if (unlikely(score < 1 || score > scale))
		report_score_out_of_range(fcinfo, score, 1, scale);
	summary_add_row(s, score);
	PG_RETURN_POINTER(s);
}

static inline Datum
trans_csat(FunctionCallInfo fcinfo, ScoreArg how)
{
	return accumulate_on_scale(fcinfo, how, CSAT_DEFAULT_SCALE);
}

static inline Datum
trans_ces(FunctionCallInfo fcinfo, ScoreArg how)
{
	return accumulate_on_scale(fcinfo, how, CES_DEFAULT_SCALE);
}

SCORE_FORMS(survey_summary_trans_csat, trans_csat)
SCORE_FORMS(survey_summary_trans_ces, trans_ces)

/* (state, score [, scale]): inverse of the csat and ces transitions */
static inline Datum
inv_scaled(FunctionCallInfo fcinfo, ScoreArg how)
{
	SurveySummary *s;

	if (unlikely(row_has_null(fcinfo)))
		return skip_row(fcinfo);
	if (PG_GETARG_SURVEY(0)->weighted)
		PG_RETURN_NULL();		/* weighted: recompute, as survey_summary_inv */
	s = summary_for_update(fcinfo);
	summary_remove_row(s, score_arg(fcinfo, how));

	/*
	 * Every response in the state is on its scale (the transition checks), so
	 * the scale stays right while responses remain; an emptied frame forgets
	 * it, as a recomputation would.
	 */
	if (summary_responses(s) == 0)
		s->scale = 0;
	PG_RETURN_POINTER(s);
}

SCORE_FORMS(survey_summary_inv_scaled, inv_scaled)

/*
 * survey_summary_combine(a, b): a + b.  The combine function of every
 * aggregate here, the transition function of rollup, and the + operator.
 */
PG_FUNCTION_INFO_V1(survey_summary_combine);
Datum
survey_summary_combine(PG_FUNCTION_ARGS)
{
	SurveySummary *s = summary_for_update(fcinfo);

	summary_merge(s, PG_GETARG_SURVEY(1), 1);
	PG_RETURN_POINTER(s);
}

/*
 * survey_summary_subtract(a, b): a − b, the inverse transition of rollup.
 * NULL (recompute) when a or b is weighted or b records a scale: the state's
 * flag and scale come from every summary in the frame, and b alone cannot say
 * whether the others still carry them.  A scale on a is kept: it came from a
 * summary that is still in the frame.
 */
PG_FUNCTION_INFO_V1(survey_summary_subtract);
Datum
survey_summary_subtract(PG_FUNCTION_ARGS)
{
	SurveySummary *s;
	const SurveySummary *b = PG_GETARG_SURVEY(1);

	if (PG_GETARG_SURVEY(0)->weighted || b->weighted || b->scale != 0)
		PG_RETURN_NULL();
	s = summary_for_update(fcinfo);
	summary_merge(s, b, -1);
	PG_RETURN_POINTER(s);
}

/* Final function of survey_agg and rollup: no responses → NULL. */
PG_FUNCTION_INFO_V1(survey_summary_final);
Datum
survey_summary_final(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);

	if (summary_responses(s) == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

/* ---- equality ------------------------------------------------------------------ */

/* same responses, same weights, same recorded scale */
static bool
summary_equal(const SurveySummary *a, const SurveySummary *b)
{
	if (a->weighted != b->weighted || a->scale != b->scale || a->weight_sq != b->weight_sq)
		return false;
	for (int i = 0; i < SURVEY_NSCORES; i++)
		if (a->count[i] != b->count[i] || a->weight[i] != b->weight[i])
			return false;
	return true;
}

PG_FUNCTION_INFO_V1(survey_summary_eq);
Datum
survey_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(summary_equal(PG_GETARG_SURVEY(0), PG_GETARG_SURVEY(1)));
}

PG_FUNCTION_INFO_V1(survey_summary_ne);
Datum
survey_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!summary_equal(PG_GETARG_SURVEY(0), PG_GETARG_SURVEY(1)));
}

/* ---- accessors -------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(survey_summary_responses);
Datum
survey_summary_responses(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(summary_responses(PG_GETARG_SURVEY(0)));
}

static int64
count_range(const SurveySummary *s, int lo, int hi)
{
	int64		n = 0;

	for (int i = lo; i <= hi; i++)
		n += s->count[i];
	return n;
}

PG_FUNCTION_INFO_V1(survey_summary_promoters);
Datum
survey_summary_promoters(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(count_range(PG_GETARG_SURVEY(0), 9, 10));
}

PG_FUNCTION_INFO_V1(survey_summary_passives);
Datum
survey_summary_passives(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(count_range(PG_GETARG_SURVEY(0), 7, 8));
}

PG_FUNCTION_INFO_V1(survey_summary_detractors);
Datum
survey_summary_detractors(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(count_range(PG_GETARG_SURVEY(0), 0, 6));
}

PG_FUNCTION_INFO_V1(survey_summary_score_count);
Datum
survey_summary_score_count(PG_FUNCTION_ARGS)
{
	int32		score = PG_GETARG_INT32(1);

	if (score < 0 || score > SURVEY_MAX_SCORE)
		report_score_out_of_range(fcinfo, score, 0, SURVEY_MAX_SCORE);
	PG_RETURN_INT64(PG_GETARG_SURVEY(0)->count[score]);
}

/*
 * NPS = 100·(P − D)/N over weights (counts when unweighted); written this
 * way an exact answer prints exactly.  Also the final function of nps().
 */
PG_FUNCTION_INFO_V1(survey_summary_nps);
Datum
survey_summary_nps(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);
	double		n = summary_weight(s, 0, SURVEY_MAX_SCORE);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (summary_weight(s, 9, 10) - summary_weight(s, 0, 6)) / n);
}

/* weighted mean score; false when there is no weight */
static bool
summary_mean(const SurveySummary *s, double *mean)
{
	double		n = summary_weight(s, 0, SURVEY_MAX_SCORE);
	double		sum = 0;

	if (n == 0)
		return false;
	for (int i = 1; i < SURVEY_NSCORES; i++)
		sum += i * summary_weight(s, i, i);
	*mean = sum / n;
	return true;
}

PG_FUNCTION_INFO_V1(survey_summary_mean_score);
Datum
survey_summary_mean_score(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!summary_mean(PG_GETARG_SURVEY(0), &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/*
 * The scale a CSAT/CES accessor works on: the argument, else the scale the
 * summary recorded, else the metric's default.  Every response must lie on it.
 */
static const SurveyScale *
resolve_scale(FunctionCallInfo fcinfo, const SurveySummary *s, SurveyMetric metric)
{
	int			scale;
	const SurveyScale *sc;

	if (PG_NARGS() > 1)
		scale = PG_GETARG_INT32(1);
	else if (s->scale != 0)
		scale = s->scale;
	else
		scale = (metric == METRIC_CSAT) ? CSAT_DEFAULT_SCALE : CES_DEFAULT_SCALE;
	sc = lookup_scale(scale);
	if (s->scale != 0 && s->scale != scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("survey_summary holds %d-point scores, not %d-point ones",
						s->scale, scale)));
	for (int i = 0; i < SURVEY_NSCORES; i++)
		if (s->count[i] > 0 && (i < 1 || i > scale))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("survey_summary holds score %d, outside the 1..%d %s scale",
							i, scale, metric_names[metric])));
	return sc;
}

/* percent of the weight in the top `boxes` scores of the scale */
static Datum
top_box_percent(FunctionCallInfo fcinfo, SurveyMetric metric, bool ces_easy)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);
	const SurveyScale *sc = resolve_scale(fcinfo, s, metric);
	int			boxes = ces_easy ? sc->ces_top : sc->csat_top;
	double		n = summary_weight(s, 0, SURVEY_MAX_SCORE);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * summary_weight(s, sc->scale - boxes + 1, sc->scale) / n);
}

PG_FUNCTION_INFO_V1(survey_summary_csat);
Datum
survey_summary_csat(PG_FUNCTION_ARGS)
{
	return top_box_percent(fcinfo, METRIC_CSAT, false);
}

PG_FUNCTION_INFO_V1(survey_summary_ces_easy);
Datum
survey_summary_ces_easy(PG_FUNCTION_ARGS)
{
	return top_box_percent(fcinfo, METRIC_CES, true);
}

PG_FUNCTION_INFO_V1(survey_summary_ces);
Datum
survey_summary_ces(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);

	double		mean;

	resolve_scale(fcinfo, s, METRIC_CES);
	if (!summary_mean(s, &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/* ---- statistics ------------------------------------------------------------- */

/*
 * Shares of promoters and detractors, and the sample size: with weights, the
 * effective (Kish) size (Σw)²/Σw²; without, the number of responses.
 * False when there is nothing to estimate from.  The size is computed as
 * (Σw/Σw²)·Σw: with weights in their range (SURVEY_WEIGHT_MIN/MAX) the
 * quotient lies between 1/Σw and N/Σw and the product between 1 and N, so
 * nothing overflows or underflows and the size does not depend on the unit
 * of the weights.
 */
static bool
nps_shares(const SurveySummary *s, double *p, double *d, double *n)
{
	double		w = summary_weight(s, 0, SURVEY_MAX_SCORE);

	if (w <= 0)
		return false;
	*p = summary_weight(s, 9, 10) / w;
	*d = summary_weight(s, 0, 6) / w;
	if (!s->weighted)
		*n = w;
	else
		*n = (w / s->weight_sq) * w;
	return *n > 0;
}

/* standard error of an NPS in points: sqrt((p + d − (p − d)²)/n) × 100 */
static double
nps_se(double p, double d, double n)
{
	double		v = (p + d - (p - d) * (p - d)) / n;

	return v > 0 ? sqrt(v) * 100.0 : 0.0;
}

PG_FUNCTION_INFO_V1(survey_summary_nps_stderr);
Datum
survey_summary_nps_stderr(PG_FUNCTION_ARGS)
{
	double		p,
				d,
				n;

	if (!nps_shares(PG_GETARG_SURVEY(0), &p, &d, &n))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(nps_se(p, d, n));
}

/*
 * Quantile of the standard normal distribution: Acklam's rational
 * approximation (relative error below 1.2e-9), refined by one Halley step
 * on erfc, which brings it to double precision.
 */
static double
normal_quantile(double prob)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	const double plow = 0.02425;
	double		q,
				r,
				x,
				e,
				u;

	Assert(prob > 0 && prob < 1);
	if (prob < plow || prob > 1 - plow)
	{
		q = sqrt(-2 * log(prob < plow ? prob : 1 - prob));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		if (prob > 1 - plow)
			x = -x;
	}
	else
	{
		q = prob - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}
	/* Halley refinement */
	e = 0.5 * erfc(-x / M_SQRT2) - prob;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	x = x - u / (1 + x * u / 2);
	return x;
}

/*
 * nps_ci(s, level, method) → (low, high), in NPS points, clipped to
 * [−100, 100].  'wald': NPS ± z·se.  'adjusted_wald' (Rocks 2016): add 3/4
 * to promoters and to detractors (3 to n) before computing NPS and se.
 */
PG_FUNCTION_INFO_V1(survey_summary_nps_ci);
Datum
survey_summary_nps_ci(PG_FUNCTION_ARGS)
{
	SurveySummary *s = PG_GETARG_SURVEY(0);
	float8		level = PG_GETARG_FLOAT8(1);
	char	   *method = text_to_cstring(PG_GETARG_TEXT_PP(2));
	TupleDesc	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;
	double		p,
				d,
				n,
				z,
				center,
				se;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (!(level > 0 && level < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level %s is out of range", float8out_internal(level)),
				 errdetail("The level must lie strictly between 0 and 1.")));
	if (pg_strcasecmp(method, "wald") != 0 && pg_strcasecmp(method, "adjusted_wald") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown confidence interval method \"%s\"", method),
				 errhint("Methods are \"adjusted_wald\" and \"wald\".")));
	if (tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "nps_ci must return a record");
		tupdesc = BlessTupleDesc(tupdesc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tupdesc;
	}

	if (!nps_shares(s, &p, &d, &n))
		PG_RETURN_NULL();
	if (pg_strcasecmp(method, "adjusted_wald") == 0)
	{
		p = (p * n + 0.75) / (n + 3);
		d = (d * n + 0.75) / (n + 3);
		n += 3;
	}
	center = 100.0 * (p - d);
	se = nps_se(p, d, n);
	z = -normal_quantile((1 - level) / 2);	/* the upper tail, accurate near 1 */
	values[0] = Float8GetDatum(Max(center - z * se, -100.0));
	values[1] = Float8GetDatum(Min(center + z * se, 100.0));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * nps_diff_pvalue(a, b): two-sided p-value of a z test that the two NPS
 * differ, with the Wald variances of each.
 */
PG_FUNCTION_INFO_V1(survey_summary_nps_diff_pvalue);
Datum
survey_summary_nps_diff_pvalue(PG_FUNCTION_ARGS)
{
	double		pa,
				da,
				na,
				pb,
				db,
				nb,
				diff,
				sea,
				seb,
				se;

	if (!nps_shares(PG_GETARG_SURVEY(0), &pa, &da, &na) ||
		!nps_shares(PG_GETARG_SURVEY(1), &pb, &db, &nb))
		PG_RETURN_NULL();
	diff = 100.0 * ((pa - da) - (pb - db));
	sea = nps_se(pa, da, na);
	seb = nps_se(pb, db, nb);
	se = sqrt(sea * sea + seb * seb);
	if (se == 0)
		PG_RETURN_FLOAT8(fabs(diff) < 1e-9 ? 1.0 : 0.0);
	PG_RETURN_FLOAT8(erfc(fabs(diff) / se / M_SQRT2));
}

/* nps_category(score): the group of one NPS answer (0-6 detractor, 7-8 passive, 9-10 promoter) */
PG_FUNCTION_INFO_V1(nps_category);
Datum
nps_category(PG_FUNCTION_ARGS)
{
	int32		score = PG_GETARG_INT32(0);

	if (score < 0 || score > 10)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("NPS score %d is out of range", score),
				 errdetail("Scores run from 0 to 10.")));
	PG_RETURN_TEXT_P(cstring_to_text(score <= 6 ? "detractor" :
									 score <= 8 ? "passive" : "promoter"));
}

/* ---- inputs of the rate statistics (csat_ci, ces_ci in rate_ci.c) ---------- */

int
survey_summary_weights(Datum summary, int scale, bool ces, double *weight,
					   double *weight_sq, int *top_boxes)
{
	SurveySummary *s = (SurveySummary *) DatumGetPointer(summary);
	SurveyMetric metric = ces ? METRIC_CES : METRIC_CSAT;
	const SurveyScale *sc;

	StaticAssertStmt(SURVEY_NSCORES_SHARED == SURVEY_NSCORES, "score counts agree");
	if (scale == 0)
		scale = s->scale != 0 ? s->scale :
			(ces ? CES_DEFAULT_SCALE : CSAT_DEFAULT_SCALE);
	sc = lookup_scale(scale);
	if (s->scale != 0 && s->scale != scale)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("survey_summary holds %d-point scores, not %d-point ones",
						s->scale, scale)));
	for (int i = 0; i < SURVEY_NSCORES; i++)
	{
		if (s->count[i] > 0 && (i < 1 || i > scale))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("survey_summary holds score %d, outside the 1..%d %s scale",
							i, scale, metric_names[metric])));
		weight[i] = summary_weight(s, i, i);
	}
	*weight_sq = s->weighted ? s->weight_sq : (double) summary_responses(s);
	*top_boxes = ces ? sc->ces_top : sc->csat_top;
	return scale;
}
