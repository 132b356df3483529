/*-------------------------------------------------------------------------
 *
 * erlang.c
 *	  Workforce staffing: Erlang C (M/M/n) and Erlang A (M/M/n+M) queues.
 *
 * Notation: calls arrive at rate lambda = calls / period, an agent serves at
 * rate mu = 1 / aht, waiting callers abandon at rate theta = 1 / patience;
 * A = lambda / mu is the offered traffic in erlangs and n the agents.
 *
 * One quantity carries both models.  With pi_k the stationary probability of
 * k calls in the system,
 *
 *		Lp = sum_{k<n} pi_k / pi_n = sum_{i=1..n} prod_{m=0..i-1} (n - m) / A
 *
 * is 1/B(n, A) - 1, B being the Erlang B blocking probability: the terms are
 * the Erlang B recursion 1/B(k) = 1 + (k/A) / B(k-1) unrolled from the top.
 * Summed from k = n - 1 downwards the terms grow while k > A and then fall off
 * faster than geometrically, so the sum stops a few standard deviations
 * (sqrt A) below A: O(sqrt A) work, whatever n, and no factorial anywhere.
 * Every term is positive, so the sum loses nothing to cancellation; its
 * values span far more than a double's range (1/B(20000, 0.01) is about
 * 10^117000), so it is kept as a mantissa and a power of two.
 *
 * Erlang C (Erlang 1917; Gans, Koole and Mandelbaum 2003, section 4.1):
 *		P(wait) C = n / ((n - A) Lp + n), 1 - C = (n - A) Lp / ((n - A) Lp + n),
 *		SL(t) = 1 - C exp(-(n - A) t / aht)  (share of calls answered within t),
 *		ASA = C aht / (n - A), occupancy = A / n;  n <= A: C = 1, SL = 0, no ASA.
 *
 * Erlang A (Garnett, Mandelbaum and Reiman 2002; Mandelbaum and Zeltyn 2007):
 * above n the chain moves up at lambda and down at n mu + j theta with j
 * callers queued, so with x = n mu / theta and y = lambda / theta
 *		pi_{n+j} / pi_n = t_j = prod_{i=1..j} y / (x + i),  J = sum_j t_j.
 * A caller who finds j callers ahead is answered only if he outlasts them:
 * while k are ahead of him, the next event (someone ahead leaves, or he
 * abandons) comes at rate theta (x + k + 1) and is his own abandonment with
 * probability 1 / (x + k + 1).  The product telescopes: he is answered with
 * probability x / (x + j + 1), and the time he waits, given that he is
 * answered, is a sum of independent exponentials of rates theta (x + k),
 * k = 1 .. j + 1 (the holding time of a state does not depend on which event
 * ends it).  That sum is at most t exactly when a negative binomial count
 * NB(x + 1, u = exp(-theta t)) exceeds j (both are the law of -log of a
 * Beta(x + 1, j + 1) variable), so with nb_i its probabilities
 *		P(wait)			= J / (Lp + J)
 *		P(abandon)		= sum_j j t_j / (y (Lp + J))		(share of all calls)
 *		SL(t)			= (Lp + sum_j t_j s_j P(NB > j)) / (Lp + J),  s_j = x / (x + j + 1)
 *						  (share of ALL calls answered within t: a call that
 *						  abandons counts against the level, even within t)
 *		ASA				= patience sum_j t_j s_j h_j / (Lp + sum_j t_j s_j),
 *						  h_j = sum_{k=1..j+1} 1 / (x + k)	(over answered calls)
 * All sums are of positive terms.  P(NB > j) is summed from the top down
 * (second pass) so that a small tail keeps its relative precision.  With
 * patience -> infinity these tend to the Erlang C figures.
 *
 * A quiet interval (0 calls) needs nobody: no call waits, so the service
 * level is 1, the ASA 0, the abandon rate 0, the agents needed 0, and the
 * occupancy of n > 0 agents 0 (of none: NULL, as always).  erlang_c(0, n) is
 * the chance that a call would wait: 0 with an agent, 1 without.
 *
 * src/erlang.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <float.h>
#include <limits.h>
#include <math.h>

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/float.h"

PG_FUNCTION_INFO_V1(erlang_c);
PG_FUNCTION_INFO_V1(erlang_service_level);
PG_FUNCTION_INFO_V1(erlang_asa);
PG_FUNCTION_INFO_V1(erlang_agents);
PG_FUNCTION_INFO_V1(erlang_occupancy);
PG_FUNCTION_INFO_V1(erlang_a_service_level);
PG_FUNCTION_INFO_V1(erlang_a_abandon_rate);
PG_FUNCTION_INFO_V1(erlang_a_asa);
PG_FUNCTION_INFO_V1(erlang_a_agents);

/* a sum has converged when what is left is below this share of it */
#define ERLANG_EPS			ldexp(1.0, -58)
/* past 2^1100 the waiting side of a queue is below any double: stop there */
#define ERLANG_HUGE_LOG2	1100
/* the most terms an Erlang A sum may take (a queue of this many callers) */
#define ERLANG_A_MAX_TERMS	10000000
/* traffic beyond this many erlangs is refused (the searches stay in int) */
#define ERLANG_MAX_TRAFFIC	1e7
/* and below this (1 call of 1 s in 30,000 years) the ratios could overflow */
#define ERLANG_MIN_TRAFFIC	1e-12

/*
 * An extended-range number m * 2^e.  m is kept within [2^-600, 2^600] by steps
 * of 2^512, so the exponents of values of similar size are usually equal and
 * adding them needs no alignment; a product of two such m, or an m times any
 * double factor within [2^-400, 2^400], stays inside a double's range.
 */
typedef struct XD
{
	double		m;
	int			e;
} XD;

static inline XD
xd_norm(XD a)
{
	while (fabs(a.m) > 0x1p600)
	{
		a.m *= 0x1p-512;
		a.e += 512;
	}
	while (a.m != 0 && fabs(a.m) < 0x1p-600)
	{
		a.m *= 0x1p512;
		a.e -= 512;
	}
	return a;
}

static inline XD
xd(double v)
{
	XD			r = {v, 0};

	return xd_norm(r);
}

/* m in [0.5, 1), for products whose factors may be far apart */
static inline XD
xd_frexp(XD a)
{
	int			k;

	a.m = frexp(a.m, &k);
	a.e += k;
	return a;
}

static inline XD
xd_mul(XD a, double f)
{
	if (fabs(f) > 0x1p400 || fabs(f) < 0x1p-400)
		a = xd_frexp(a);
	a.m *= f;
	return xd_norm(a);
}

static inline XD
xd_mulx(XD a, XD b)
{
	if (fabs(a.m) > 0x1p500 || fabs(a.m) < 0x1p-500 || fabs(b.m) > 0x1p500 || fabs(b.m) < 0x1p-500)
	{
		a = xd_frexp(a);
		b = xd_frexp(b);
	}
	a.m *= b.m;
	a.e += b.e;
	return xd_norm(a);
}

static inline XD
xd_add(XD a, XD b)
{
	if (a.e == b.e)
	{
		a.m += b.m;
		return xd_norm(a);
	}
	if (b.m == 0)
		return a;
	if (a.m == 0)
		return b;
	if (a.e < b.e)
	{
		XD			t = a;

		a = b;
		b = t;
	}
	if (a.e - b.e < 2400)
		a.m += ldexp(b.m, b.e - a.e);
	return xd_norm(a);
}

/* a / b as a double (0 or infinity when out of range) */
static double
xd_ratio(XD a, XD b)
{
	int			d;

	if (a.e == b.e)
		return a.m / b.m;		/* 0 or infinity when out of range */
	a = xd_frexp(a);
	b = xd_frexp(b);
	d = Max(Min(a.e - b.e, 4000), -4000);
	return ldexp(a.m / b.m, d);
}

/* exp(l) */
static XD
xd_exp(double l)
{
	double		l2 = l / M_LN2;
	double		e = floor(l2);
	XD			r;

	if (e > INT_MAX / 2 || e < INT_MIN / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("Erlang A: a waiting-time probability is out of range")));
	r.m = exp((l2 - e) * M_LN2);
	r.e = (int) e;
	return r;
}

/* ---- arguments ----------------------------------------------------------- */

/* 22023 "NAME must be RULE in FNAME(), not VALUE", the one form of every argument error */
pg_noreturn static void
bad_argument(const char *fname, const char *name, const char *rule, const char *value,
			 const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must be %s in %s(), not %s", name, rule, fname, value),
			 detail ? errdetail("%s", detail) : 0));
}

static void
check_finite(double v, const char *name, const char *fname)
{
	if (isnan(v) || isinf(v))
		bad_argument(fname, name, "a finite number", psprintf("%g", v), NULL);
}

/*
 * An interval argument in seconds, by the kit's rule (kit_interval_usecs():
 * a day counts 24 hours, the queue does not know about clock changes, and
 * the interval is judged whole).  Months are refused here: a rate per month
 * would depend on which month.
 */
static double
interval_seconds(Interval *iv, const char *name, bool zero_ok, const char *fname)
{
	double		s = iv->month != 0 ? 0 : kit_interval_usecs(iv) / USECS_PER_SEC;

	if (iv->month != 0 || s < 0 || (s == 0 && !zero_ok))
		bad_argument(fname, name,
					 iv->month != 0 ? "free of months and years" :
					 zero_ok ? "zero or positive" : "positive",
					 kit_interval_text(iv),
					 iv->month != 0 ? "A month has no fixed length; write days or hours." : NULL);
	return s;
}

static int
check_agents(int32 n, const char *fname)
{
	if (n < 0)
		bad_argument(fname, "agents", "zero or positive", psprintf("%d", n), NULL);
	return n;
}

static void
check_traffic(double a, const char *fname)
{
	const char *detail = "Traffic is calls * aht / period.";

	if (!(a > 0))
		bad_argument(fname, "traffic", "zero or positive", psprintf("%g", a), detail);
	if (a < ERLANG_MIN_TRAFFIC || a > ERLANG_MAX_TRAFFIC)
		bad_argument(fname, "traffic", psprintf("between %g and %g erlangs", ERLANG_MIN_TRAFFIC, ERLANG_MAX_TRAFFIC),
					 psprintf("%g", a), detail);
}

/* the queue a call describes: every argument checked, in seconds */
typedef struct Queue
{
	double		traffic;		/* A, erlangs */
	double		aht;			/* seconds */
	double		patience;		/* seconds; Erlang A only */
	bool		quiet;			/* no calls: see doc/erlang.md, "A quiet interval" */
} Queue;

/* calls, period, aht at arguments 0, 1, 2 */
static Queue
queue_args(FunctionCallInfo fcinfo, const char *fname)
{
	Queue		q;
	double		calls = PG_GETARG_FLOAT8(0);
	double		period = interval_seconds(PG_GETARG_INTERVAL_P(1), "period", false, fname);

	check_finite(calls, "calls", fname);
	if (calls < 0)
		bad_argument(fname, "calls", "zero or positive", psprintf("%g", calls), NULL);
	q.aht = interval_seconds(PG_GETARG_INTERVAL_P(2), "aht", false, fname);
	q.quiet = (calls == 0);
	q.traffic = calls * (q.aht / period);
	if (!q.quiet)
		check_traffic(q.traffic, fname);
	q.patience = 0;
	return q;
}

static void
patience_arg(FunctionCallInfo fcinfo, int argno, Queue *q, const char *fname)
{
	q->patience = interval_seconds(PG_GETARG_INTERVAL_P(argno), "patience", false, fname);
}

static double
target_arg(double v, const char *fname)
{
	check_finite(v, "target_level", fname);
	if (!(v > 0 && v < 1))
		bad_argument(fname, "target_level", "between 0 and 1 (exclusive)", psprintf("%g", v), NULL);
	return v;
}

static double
shrinkage_arg(double v, const char *fname)
{
	check_finite(v, "shrinkage", fname);
	if (!(v >= 0 && v < 1))
		bad_argument(fname, "shrinkage", "at least 0 and below 1", psprintf("%g", v), NULL);
	return v;
}

static Datum
seconds_interval(double s, const char *fname)
{
	Interval   *iv = (Interval *) palloc(sizeof(Interval));
	double		us = rint(s * USECS_PER_SEC);

	if (!(us < (double) PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("average speed of answer is out of range for an interval in %s()", fname)));
	iv->month = 0;
	iv->day = 0;
	iv->time = (int64) us;
	return IntervalPGetDatum(iv);
}

/* ---- the Erlang B side: Lp = sum_{k<n} pi_k / pi_n ----------------------- */

/*
 * Returns Lp; *huge is set when the sum passed 2^ERLANG_HUGE_LOG2 and was cut
 * there (then every waiting figure is below a double's range).  The term and
 * the sum share one power of two so the loop does no alignment.
 */
static XD
erlang_lower(double a, int n, bool *huge)
{
	double		term,
				sum = 0;
	int			e = 0;
	int			k;
	XD			r;

	*huge = false;
	if (n == 0)
		return xd(0);
	term = n / a;
	for (k = n - 1;; k--)
	{
		double		ratio;

		CHECK_FOR_INTERRUPTS();
		sum += term;
		if (k == 0)
			break;
		if (sum > 0x1p600)
		{
			sum *= 0x1p-512;
			term *= 0x1p-512;
			e += 512;
			if (e > ERLANG_HUGE_LOG2)
			{
				*huge = true;
				break;
			}
		}
		ratio = k / a;
		term *= ratio;
		if (ratio < 1 && term <= ERLANG_EPS * (1 - ratio) * sum)
			break;
	}
	r.m = sum;
	r.e = e;
	return xd_norm(r);
}

/* Erlang C: P(wait) and 1 - P(wait) for n > a */
static void
erlang_c_pair(double a, int n, double *c, double *notc)
{
	bool		huge;
	XD			lp = erlang_lower(a, n, &huge);
	XD			w = xd_mul(lp, n - a);
	XD			d = xd_add(w, xd(n));

	*c = xd_ratio(xd(n), d);
	*notc = xd_ratio(w, d);
}

static double
erlang_c_level(double a, double aht, int n, double t)
{
	double		c,
				notc;

	if (n <= a)
		return 0;
	erlang_c_pair(a, n, &c, &notc);
	return notc + c * -expm1(-(n - a) * t / aht);
}

/* ---- Erlang A ------------------------------------------------------------ */

typedef struct ErlangA
{
	double		p_wait;
	double		p_abandon;
	double		level;			/* asked for: then p_abandon and asa are not computed */
	double		asa;			/* seconds; NaN when no call is answered */
} ErlangA;

/*
 * Erlang A for n agents: the chance to wait, to abandon, the average speed
 * of answer and (want_level) the service level at t seconds.  Long on
 * purpose (about 140 lines): its two passes over the queue lengths share a
 * dozen running sums in extended range; cut into helpers they would travel
 * as a struct of accumulators, and the code would no longer read in one
 * piece against the formulas atop this file.
 */
static ErlangA
erlang_a(const Queue *q, int n, double t, bool want_level)
{
	double		a = q->traffic;
	double		x = n * (q->patience / q->aht);
	double		y = a * (q->patience / q->aht);
	bool		huge;
	XD			lp = erlang_lower(a, n, &huge);
	XD			tj = xd(1),
				sum_t = xd(0),
				sum_jt = xd(0),
				sum_ts = xd(0),
				sum_tsh = xd(0);
	double		h = 0;
	double		one_u = (t > 0) ? -expm1(-t / q->patience) : 0;
	XD			nb = xd(0),
				cdf = xd(0);
	bool		at_once;
	int			j;
	ErlangA		r;

	if (n == 0)
	{
		/* nobody answers: every caller waits, and in the end abandons */
		r.p_wait = 1;
		r.p_abandon = 1;
		r.level = 0;
		r.asa = NAN;
		return r;
	}

	/* answered within no time means answered at once: no second pass */
	at_once = want_level && t == 0;
	want_level = want_level && !at_once;
	r.level = NAN;
	if (want_level)
		nb = xd_exp((x + 1) * (-t / q->patience));

	/* pass 1: j = 0, 1, ... until the queue's tail is negligible */
	for (j = 0;; j++)
	{
		double		s = x / (x + j + 1);
		double		ratio;
		XD			ts;

		CHECK_FOR_INTERRUPTS();
		sum_t = xd_add(sum_t, tj);
		ts = xd_mul(tj, s);
		sum_ts = xd_add(sum_ts, ts);
		if (want_level)
			cdf = xd_add(cdf, nb);
		else
		{
			/* the abandon rate and the ASA, which a service level does not need */
			h += 1 / (x + j + 1);
			if (j > 0)
				sum_jt = xd_add(sum_jt, xd_mul(tj, j));
			sum_tsh = xd_add(sum_tsh, xd_mul(ts, h));
		}

		ratio = y / (x + j + 1);
		/* every fourth term: the test costs more than a term */
		if (ratio < 1 && (j & 3) == 3)
		{
			/* what the terms after j can add, at most (a geometric bound) */
			XD			next = xd_mul(tj, ratio);
			XD			tail_t = xd_mul(next, 1 / (1 - ratio));
			XD			tail_jt = xd_mul(next, (j + 1) / (1 - ratio) + ratio / ((1 - ratio) * (1 - ratio)));

			if (xd_ratio(tail_t, sum_ts) <= ERLANG_EPS &&
				(want_level ||
				 (xd_ratio(tail_t, sum_tsh) <= ERLANG_EPS &&
				  xd_ratio(tail_jt, sum_jt.m == 0 ? sum_t : sum_jt) <= ERLANG_EPS)))
				break;
		}
		if (j >= ERLANG_A_MAX_TERMS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("Erlang A: the queue is too long to compute (more than %d callers waiting)",
							ERLANG_A_MAX_TERMS),
					 errhint("The agents are far fewer than the traffic and callers very patient.")));
		tj = xd_mul(tj, ratio);
		if (want_level)
			nb = xd_mul(nb, one_u * (x + j + 1) / (j + 1));
	}

	{
		XD			all = xd_add(lp, sum_t);

		r.p_wait = xd_ratio(sum_t, all);
		r.p_abandon = want_level ? NAN : xd_ratio(sum_jt, all) / y;
		r.asa = want_level ? NAN : q->patience * xd_ratio(sum_tsh, xd_add(lp, sum_ts));
		if (at_once)
			r.level = xd_ratio(lp, all);
		else if (want_level)
		{
			/*
			 * pass 2: j from the top down, tail = P(NB > j) growing by one
			 * probability at a time.  nb is nb_j for the j where pass 1
			 * stopped; the tail above it is 1 - cdf while that is well away
			 * from 0, else summed upwards.
			 */
			XD			tail;
			XD			early = xd(0);
			int			top = j;

			if (xd_ratio(cdf, xd(1)) < 0.5)
				tail = xd(1 - xd_ratio(cdf, xd(1)));
			else
			{
				XD			p = nb;
				int			i;

				tail = xd(0);
				for (i = top + 1;; i++)
				{
					double		ratio = one_u * (x + i) / i;

					CHECK_FOR_INTERRUPTS();
					p = xd_mul(p, ratio);
					tail = xd_add(tail, p);
					if (ratio < 1 && xd_ratio(p, tail) * ratio / (1 - ratio) <= ERLANG_EPS)
						break;
					if (i - top > ERLANG_A_MAX_TERMS)
						ereport(ERROR,
								(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
								 errmsg("Erlang A: answer_within is too long to compute")));
				}
			}
			for (j = top; j >= 0; j--)
			{
				CHECK_FOR_INTERRUPTS();
				early = xd_add(early, xd_mulx(xd_mul(tj, x / (x + j + 1)), tail));
				if (j == 0)
					break;
				tail = xd_add(tail, nb);
				nb = xd_mul(nb, j / (one_u * (x + j)));
				tj = xd_mul(tj, (x + j) / y);
			}
			r.level = xd_ratio(xd_add(lp, early), all);
		}
	}
	return r;
}

/* ---- staffing search ----------------------------------------------------- */

typedef struct StaffTarget
{
	const Queue *q;
	double		target;
	double		t;
	bool		abandon;		/* Erlang A rather than Erlang C */
} StaffTarget;

static bool
meets(const StaffTarget *st, int n)
{
	if (st->abandon)
		return erlang_a(st->q, n, st->t, true).level >= st->target;
	return erlang_c_level(st->q->traffic, st->q->aht, n, st->t) >= st->target;
}

/*
 * The square-root staffing estimate n = A + beta sqrt(A) (Halfin and Whitt
 * 1981): with the Halfin-Whitt approximation of P(wait),
 * 1 / (1 + beta Phi(beta) / phi(beta)), find beta in [0, 12] where
 * P(wait) exp(-beta sqrt(A) t / aht) = 1 - target by bisection.
 */
static double
sqrt_staffing_estimate(double a, double aht, double target, double t)
{
	double		lo = 0,
				hi = 12,
				root_a = sqrt(a),
				decay = root_a * t / aht;
	int			i;

	/* 16 halvings leave beta within 2e-4: a fraction of an agent at 10^4 erlangs */
	for (i = 0; i < 16; i++)
	{
		double		beta = (lo + hi) / 2;
		double		ratio = beta * 0.5 * erfc(-beta / M_SQRT2) * sqrt(2 * M_PI) * exp(beta * beta / 2);

		if (exp(-beta * decay) / (1 + ratio) > 1 - target)
			lo = beta;
		else
			hi = beta;
	}
	return a + hi * root_a;
}

/*
 * The fewest agents n > known_bad that meet the target, the service level
 * being increasing in n: gallop from the estimate to bracket the answer, then
 * bisect.  The estimate is usually within an agent or two.
 */
static int
staff_search(const StaffTarget *st, int known_bad, double estimate)
{
	int64		bad = known_bad,
				good,
				guess = (int64) ceil(estimate),
				step = 1;

	guess = Max(guess, bad + 1);
	if (guess > INT_MAX)
		guess = INT_MAX;
	if (meets(st, (int) guess))
	{
		good = guess;
		for (;;)
		{
			int64		m = good - step;

			if (m <= bad)
				break;
			if (meets(st, (int) m))
			{
				good = m;
				step *= 2;
			}
			else
			{
				bad = m;
				break;
			}
		}
	}
	else
	{
		bad = guess;
		for (;;)
		{
			int64		m = bad + step;

			if (m > INT_MAX)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("the agents needed are out of range for integer")));
			if (meets(st, (int) m))
			{
				good = m;
				break;
			}
			bad = m;
			step *= 2;
		}
	}
	while (good - bad > 1)
	{
		int64		m = bad + (good - bad) / 2;

		if (meets(st, (int) m))
			good = m;
		else
			bad = m;
	}
	return (int) good;
}

/*
 * Staff to schedule when a share s of paid time is lost to breaks, training
 * and absence: ceil(n / (1 - s)).  A quotient within 1e-9 of a whole number
 * is that number, so 14 / (1 - 0.3) gives 20 although 0.3 is not exact.
 */
static int32
with_shrinkage(int n, double s)
{
	double		r = n / (1 - s);

	if (fabs(r - rint(r)) <= 1e-9 * r)
		r = rint(r);
	r = ceil(r);
	if (r > INT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the agents needed with shrinkage %g are out of range for integer", s)));
	return (int32) r;
}

/* ---- SQL functions ------------------------------------------------------- */

/* erlang_c(traffic, agents): probability that a call waits */
Datum
erlang_c(PG_FUNCTION_ARGS)
{
	double		a = PG_GETARG_FLOAT8(0);
	int			n = check_agents(PG_GETARG_INT32(1), "erlang_c");
	double		c,
				notc;

	check_finite(a, "traffic", "erlang_c");
	if (a != 0)
		check_traffic(a, "erlang_c");
	if (n <= a)
		PG_RETURN_FLOAT8(1.0);
	if (a == 0)
		PG_RETURN_FLOAT8(0.0);	/* no traffic: an agent is always free */
	erlang_c_pair(a, n, &c, &notc);
	PG_RETURN_FLOAT8(c);
}

Datum
erlang_service_level(PG_FUNCTION_ARGS)
{
	const char *fname = "erlang_service_level";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);
	double		t = interval_seconds(PG_GETARG_INTERVAL_P(4), "answer_within", true, fname);

	if (q.quiet)
		PG_RETURN_FLOAT8(1.0);
	PG_RETURN_FLOAT8(erlang_c_level(q.traffic, q.aht, n, t));
}

Datum
erlang_asa(PG_FUNCTION_ARGS)
{
	const char *fname = "erlang_asa";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);
	double		c,
				notc;

	if (q.quiet)
		PG_RETURN_DATUM(seconds_interval(0, fname));
	if (n <= q.traffic)
		PG_RETURN_NULL();
	erlang_c_pair(q.traffic, n, &c, &notc);
	PG_RETURN_DATUM(seconds_interval(c * q.aht / (n - q.traffic), fname));
}

Datum
erlang_occupancy(PG_FUNCTION_ARGS)
{
	const char *fname = "occupancy";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(Min(q.traffic / n, 1.0));	/* 0 in a quiet interval */
}

/*
 * erlang_agents and erlang_a_agents: (calls, period, aht, target_level,
 * answer_within [, patience], shrinkage).  Erlang C never meets a target with
 * n <= A (its queue grows without bound); Erlang A answers nobody with none.
 */
static int32
staffing(FunctionCallInfo fcinfo, const char *fname, bool abandon)
{
	Queue		q = queue_args(fcinfo, fname);
	StaffTarget st;
	double		s;
	int			known_bad = 0;

	st.q = &q;
	st.target = target_arg(PG_GETARG_FLOAT8(3), fname);
	st.t = interval_seconds(PG_GETARG_INTERVAL_P(4), "answer_within", true, fname);
	st.abandon = abandon;
	if (abandon)
		patience_arg(fcinfo, 5, &q, fname);
	else
		known_bad = (int) Min(floor(q.traffic), (double) INT_MAX - 1);
	s = shrinkage_arg(PG_GETARG_FLOAT8(abandon ? 6 : 5), fname);
	if (q.quiet)
		return 0;
	return with_shrinkage(staff_search(&st, known_bad,
									   sqrt_staffing_estimate(q.traffic, q.aht, st.target, st.t)),
						  s);
}

Datum
erlang_agents(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(staffing(fcinfo, "erlang_agents", false));
}

Datum
erlang_a_service_level(PG_FUNCTION_ARGS)
{
	const char *fname = "erlang_a_service_level";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);
	double		t = interval_seconds(PG_GETARG_INTERVAL_P(4), "answer_within", true, fname);
	ErlangA		r;

	patience_arg(fcinfo, 5, &q, fname);
	if (q.quiet)
		PG_RETURN_FLOAT8(1.0);
	r = erlang_a(&q, n, t, true);
	PG_RETURN_FLOAT8(r.level);
}

Datum
erlang_a_abandon_rate(PG_FUNCTION_ARGS)
{
	const char *fname = "erlang_a_abandon_rate";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);

	patience_arg(fcinfo, 4, &q, fname);
	if (q.quiet)
		PG_RETURN_FLOAT8(0.0);
	PG_RETURN_FLOAT8(erlang_a(&q, n, 0, false).p_abandon);
}

Datum
erlang_a_asa(PG_FUNCTION_ARGS)
{
	const char *fname = "erlang_a_asa";
	Queue		q = queue_args(fcinfo, fname);
	int			n = check_agents(PG_GETARG_INT32(3), fname);
	ErlangA		r;

	patience_arg(fcinfo, 4, &q, fname);
	if (q.quiet)
		PG_RETURN_DATUM(seconds_interval(0, fname));
	r = erlang_a(&q, n, 0, false);
	if (isnan(r.asa))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(seconds_interval(r.asa, fname));
}

Datum
erlang_a_agents(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(staffing(fcinfo, "erlang_a_agents", true));
}
