/*-------------------------------------------------------------------------
 *
 * rate_ci.c
 *	  Rates with their uncertainty: the confidence_interval composite, the
 *	  Wilson score interval of a share (rate_ci, csat_ci, and service_level_ci
 *	  in queue_summary.c), the t interval of a mean (ces_ci), and the
 *	  two-sample tests (csat_diff_pvalue: pooled z test of two shares;
 *	  ces_diff_pvalue: Welch's t test).  Weighted survey summaries use the
 *	  effective (Kish) sample size.
 *
 * The normal and t quantiles are computed, not tabulated: the t distribution
 * through the regularized incomplete beta function (a continued fraction),
 * each quantile by bisection on its tail to double precision.
 *
 * src/rate_ci.c
 *
 *-------------------------------------------------------------------------
 */
#include "intervals.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/float.h"

/* ---- distributions --------------------------------------------------------- */

/* upper tail of the standard normal */
static double
normal_upper(double z)
{
	return 0.5 * erfc(z / M_SQRT2);
}

/* the z with upper tail q, 0 < q <= 0.5 */
static double
upper_quantile(double q, double (*upper) (double, double), double param)
{
	double		lo = 0,
				hi = 1;

	while (upper(hi, param) > q && hi < 1e300)
		hi *= 2;
	for (int i = 0; i < 2000; i++)
	{
		double		mid = lo + (hi - lo) / 2;

		if (mid <= lo || mid >= hi)
			break;
		if (upper(mid, param) > q)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2;
}

static double
normal_upper_param(double z, double unused)
{
	return normal_upper(z);
}

float8
ci_normal_quantile(float8 prob)
{
	Assert(prob > 0 && prob < 1);
	if (prob == 0.5)
		return 0;
	if (prob < 0.5)
		return -upper_quantile(prob, normal_upper_param, 0);
	return upper_quantile(1 - prob, normal_upper_param, 0);
}

/* continued fraction of the incomplete beta function (modified Lentz) */
static double
beta_fraction(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		c = 1,
				d = 1 - (a + b) * x / (a + 1),
				h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= 10000; m++)
	{
		double		m2 = 2 * m;
		double		num,
					delta;

		/* even step */
		num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
		d = 1 + num * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		h *= d * c;
		/* odd step */
		num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + num * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1) < 1e-16)
			break;
	}
	return h;
}

/* regularized incomplete beta function I_x(a, b) */
static double
incomplete_beta(double a, double b, double x)
{
	double		front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_fraction(a, b, x) / a;
	return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

/* upper tail P(T > t) of Student's t with df degrees of freedom, t >= 0 */
static double
t_upper(double t, double df)
{
	return 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

/* two-sided p-value of a t statistic */
static double
t_two_sided(double t, double df)
{
	return incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

/* ---- interval helpers -------------------------------------------------------- */

void
ci_check_level(float8 level)
{
	if (!(level > 0 && level < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level %s is out of range", float8out_internal(level)),
				 errdetail("The level must lie strictly between 0 and 1.")));
}

/* Wilson score interval of a share p of n trials (n > 0), within [0, 1] */
void
ci_wilson(float8 p, float8 n, float8 level, float8 *low, float8 *high)
{
	double		z = upper_quantile((1 - level) / 2, normal_upper_param, 0);
	double		z2n = z * z / n;
	double		center = (p + z2n / 2) / (1 + z2n);
	double		half = z * sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);

	/* no successes: the interval starts at 0; all: it ends at 1 (exactly) */
	*low = p <= 0 ? 0.0 : Max(0.0, center - half);
	*high = p >= 1 ? 1.0 : Min(1.0, center + half);
}

/* the confidence_interval (low, high) the calling function returns */
Datum
ci_make(FunctionCallInfo fcinfo, float8 low, float8 high)
{
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning a confidence interval called in a context that cannot accept a record")));
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Float8GetDatum(low);
	values[1] = Float8GetDatum(high);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---- rate_ci ----------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(rate_ci);
Datum
rate_ci(PG_FUNCTION_ARGS)
{
	int64		successes = PG_GETARG_INT64(0);
	int64		trials = PG_GETARG_INT64(1);
	float8		level = PG_GETARG_FLOAT8(2);
	float8		low,
				high;

	ci_check_level(level);
	if (successes < 0 || trials < 0 || successes > trials)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rate_ci needs 0 <= successes <= trials, got " INT64_FORMAT " of " INT64_FORMAT,
						successes, trials)));
	if (trials == 0)
		PG_RETURN_NULL();
	ci_wilson((double) successes / (double) trials, (double) trials, level, &low, &high);
	return ci_make(fcinfo, low, high);
}

/* ---- CSAT and CES ------------------------------------------------------------ */

/*
 * What the statistics of a CSAT or CES need from a survey_summary: the share
 * in the top boxes, the weighted mean and variance of the scores, and the
 * (effective) sample size.  False when the summary has no weight.
 */
typedef struct ScoreStats
{
	double		n;				/* effective sample size */
	double		top_share;		/* share of the weight in the top boxes */
	double		mean;
	double		var;			/* weighted population variance */
} ScoreStats;

static bool
score_stats(Datum summary, int scale, bool ces, ScoreStats *st)
{
	double		w[SURVEY_NSCORES_SHARED];
	double		w2,
				total = 0,
				top = 0,
				sum = 0,
				ss = 0;
	int			boxes;

	scale = survey_summary_weights(summary, scale, ces, w, &w2, &boxes);
	for (int i = 0; i < SURVEY_NSCORES_SHARED; i++)
	{
		total += w[i];
		sum += w[i] * i;
		if (i > scale - boxes && i <= scale)
			top += w[i];
	}
	if (total <= 0 || w2 <= 0)
		return false;
	st->n = (total / w2) * total;
	st->top_share = top / total;
	st->mean = sum / total;
	for (int i = 0; i < SURVEY_NSCORES_SHARED; i++)
		ss += w[i] * (i - st->mean) * (i - st->mean);
	st->var = ss / total;
	return true;
}

/* the optional scale argument of the tests: f(a, b) or f(a, b, scale) */
static int
scale_arg(FunctionCallInfo fcinfo)
{
	return PG_NARGS() == 3 ? PG_GETARG_INT32(2) : 0;
}

PG_FUNCTION_INFO_V1(survey_summary_csat_ci);
Datum
survey_summary_csat_ci(PG_FUNCTION_ARGS)
{
	int			scale = PG_NARGS() == 3 ? PG_GETARG_INT32(1) : 0;
	float8		level = PG_GETARG_FLOAT8(PG_NARGS() - 1);
	ScoreStats	st;
	float8		low,
				high;

	ci_check_level(level);
	if (!score_stats(PG_GETARG_DATUM(0), scale, false, &st))
		PG_RETURN_NULL();
	ci_wilson(st.top_share, st.n, level, &low, &high);
	return ci_make(fcinfo, 100.0 * low, 100.0 * high);
}

PG_FUNCTION_INFO_V1(survey_summary_ces_ci);
Datum
survey_summary_ces_ci(PG_FUNCTION_ARGS)
{
	int			scale = PG_NARGS() == 3 ? PG_GETARG_INT32(1) : 0;
	float8		level = PG_GETARG_FLOAT8(PG_NARGS() - 1);
	ScoreStats	st;
	double		df,
				se,
				t;

	ci_check_level(level);
	if (!score_stats(PG_GETARG_DATUM(0), scale, true, &st) || st.n <= 1)
		PG_RETURN_NULL();
	df = st.n - 1;
	se = sqrt(st.var * st.n / df / st.n);
	t = upper_quantile((1 - level) / 2, t_upper, df);
	return ci_make(fcinfo, st.mean - t * se, st.mean + t * se);
}

/* two-sided p-value of a pooled two-proportion z test of the CSAT shares */
PG_FUNCTION_INFO_V1(survey_summary_csat_diff_pvalue);
Datum
survey_summary_csat_diff_pvalue(PG_FUNCTION_ARGS)
{
	int			scale = scale_arg(fcinfo);
	ScoreStats	a,
				b;
	double		pooled,
				se;

	if (!score_stats(PG_GETARG_DATUM(0), scale, false, &a) ||
		!score_stats(PG_GETARG_DATUM(1), scale, false, &b))
		PG_RETURN_NULL();
	pooled = (a.top_share * a.n + b.top_share * b.n) / (a.n + b.n);
	se = sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
	if (!(se > 0))
		PG_RETURN_FLOAT8(a.top_share == b.top_share ? 1.0 : 0.0);
	PG_RETURN_FLOAT8(erfc(fabs(a.top_share - b.top_share) / se / M_SQRT2));
}

/* two-sided p-value of Welch's t test that two CES means differ */
PG_FUNCTION_INFO_V1(survey_summary_ces_diff_pvalue);
Datum
survey_summary_ces_diff_pvalue(PG_FUNCTION_ARGS)
{
	int			scale = scale_arg(fcinfo);
	ScoreStats	a,
				b;
	double		va,
				vb,
				t,
				df;

	if (!score_stats(PG_GETARG_DATUM(0), scale, true, &a) ||
		!score_stats(PG_GETARG_DATUM(1), scale, true, &b) || a.n <= 1 || b.n <= 1)
		PG_RETURN_NULL();
	/* squared standard errors: sample variance / n */
	va = a.var / (a.n - 1);
	vb = b.var / (b.n - 1);
	if (!(va + vb > 0))
		PG_RETURN_FLOAT8(a.mean == b.mean ? 1.0 : 0.0);
	t = (a.mean - b.mean) / sqrt(va + vb);
	df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
	PG_RETURN_FLOAT8(t_two_sided(fabs(t), df));
}
