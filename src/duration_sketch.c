/*-------------------------------------------------------------------------
 *
 * duration_sketch.c
 *	  duration_sketch: a mergeable quantile sketch of non-negative durations
 *	  with a relative-error guarantee (a DDSketch over microseconds), its
 *	  aggregates (duration_agg, rollup, the + operator) and accessors
 *	  (percentile, percentiles, share_within, samples, mean), and the
 *	  sketch routines queue_summary (queue_summary.c) shares.
 *
 * A duration x > 0 microseconds falls in the bucket of key
 * k = ceil(log(x) / log(gamma)), gamma = (1 + a) / (1 - a), which holds the
 * durations in (gamma^(k-1), gamma^k]; the bucket's value 2 gamma^k / (gamma + 1)
 * lies within a (relatively) of every duration in it.  Keys run from 0 to the key
 * of the largest interval (about 2,200 keys at a = 1 %), so a sketch is bounded
 * by the range of the values, never by the number of rows.  The aggregates
 * work on a dense window of counts over the keys seen: the transition function
 * updates the state in place and only widens the window (a new value, by a
 * margin) when a key falls outside it, no allocation per row.  What is
 * returned, so what is stored, is compact (varints, intervals.h): a quarter
 * hour of a busy queue stays far below the size at which PostgreSQL would
 * compress it, so reading a stored sketch decompresses nothing, and a merge
 * adds the compact counts into the dense state as it reads them.
 *
 * src/duration_sketch.c
 *
 *-------------------------------------------------------------------------
 */
#include "intervals.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"

#define TYPNAME		"duration_sketch"

/* keys added beyond the one that did not fit when a window widens */
#define SKETCH_WINDOW_MARGIN	32

#define PG_GETARG_SKETCH(n)	((DurationSketch *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* ---- parameters ------------------------------------------------------------ */

void
sketch_check_accuracy(float8 accuracy)
{
	if (!(accuracy >= SKETCH_MIN_ACCURACY && accuracy <= SKETCH_MAX_ACCURACY))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("duration sketch accuracy %s is out of range",
						float8out_internal(accuracy)),
				 errdetail("The relative accuracy must lie between %g and %g.",
						   SKETCH_MIN_ACCURACY, SKETCH_MAX_ACCURACY)));
}

void
sketch_params(float8 accuracy, SketchParams *params)
{
	params->accuracy = accuracy;
	params->ln_gamma = log((1 + accuracy) / (1 - accuracy));
	params->inv_ln_gamma = 1.0 / params->ln_gamma;
	params->max_key = 0;
	params->max_key = sketch_key(PG_INT64_MAX, params);
}

/* the parameters of an accuracy, cached in fn_extra for the life of the call site */
const SketchParams *
sketch_cached_params(FunctionCallInfo fcinfo, float8 accuracy)
{
	SketchParams *params = (SketchParams *) fcinfo->flinfo->fn_extra;

	if (params == NULL)
	{
		params = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(SketchParams));
		sketch_params(accuracy, params);
		fcinfo->flinfo->fn_extra = params;
	}
	else if (params->accuracy != accuracy)
		sketch_params(accuracy, params);
	return params;
}

int32
sketch_key(int64 us, const SketchParams *params)
{
	Assert(us > 0);
	return (int32) ceil(log((double) us) * params->inv_ln_gamma);
}

/* the value a bucket stands for, in microseconds (not rounded) */
static double
sketch_key_value(int32 key, const SketchParams *params)
{
	double		gamma = exp(params->ln_gamma);

	return exp(key * params->ln_gamma) * 2.0 / (gamma + 1.0);
}

/* ---- durations ------------------------------------------------------------- */

static char *
interval_text(const Interval *iv)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(iv)));
}

/*
 * An interval as microseconds: a month is 30 days, a day 24 hours (as
 * EXTRACT(epoch) counts them).  Negative, infinite or beyond 64 bits: 22003.
 */
int64
interval_to_us(const Interval *iv, const char *what)
{
	int64		us;

	if (likely(iv->month == 0 && iv->day == 0))
		us = iv->time;
	else
	{
		int64		days = (int64) iv->month * DAYS_PER_MONTH + iv->day;

#ifdef INTERVAL_NOT_FINITE
		/* PostgreSQL 17 added infinite intervals */
		if (INTERVAL_NOT_FINITE(iv))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s must be finite", what)));
#endif
		if (pg_mul_s64_overflow(days, USECS_PER_DAY, &us) ||
			pg_add_s64_overflow(us, iv->time, &us))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s %s is out of range", what, interval_text(iv)),
					 errdetail("A duration must fit in 64 bits of microseconds.")));
	}
	if (unlikely(us < 0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is negative", what, interval_text(iv)),
				 errdetail("Durations must not be negative.")));
	return us;
}

Interval *
us_to_interval(int64 us)
{
	Interval   *iv = palloc(sizeof(Interval));

	iv->time = us;
	iv->day = 0;
	iv->month = 0;
	return iv;
}

void
check_percentile(float8 p)
{
	if (!(p >= 0 && p <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %s is not between 0 and 1",
						float8out_internal(p))));
}

/* ---- the two forms of the counts ------------------------------------------ */

/*
 * A walk through the non-empty buckets of a sketch of either form, in key
 * order.  sketch_step() stops at the end or at the first fault of a compact
 * form (problem says which; the validator reports it); sketch_next() reports
 * a fault of a stored value as corrupt data.
 */
typedef struct SketchCursor
{
	const DurationSketch *s;
	const uint8 *p;				/* compact: the next byte */
	const uint8 *end;			/* compact: the end of the value */
	int32		next;			/* the key the next item describes */
	int32		stop;			/* one past the last key of the window */
	bool		after_run;		/* compact: the last item was a run of empty keys */
	const char *problem;		/* why the walk stopped early */
} SketchCursor;

static inline void
sketch_open(SketchCursor *c, const DurationSketch *s)
{
	c->s = s;
	c->p = SKETCH_BYTES(s);
	c->end = (const uint8 *) s + VARSIZE(s);
	c->next = s->lo;
	c->stop = s->lo + s->nkeys;
	c->after_run = false;
	c->problem = NULL;
}

/* an unsigned LEB128 number of at most 63 bits, in its shortest form */
static inline bool
sketch_read_varint(SketchCursor *c, uint64 *value)
{
	uint64		v = 0;

	for (int shift = 0; shift < 63; shift += 7)
	{
		uint8		byte;

		if (unlikely(c->p >= c->end))
		{
			c->problem = "The buckets are cut short.";
			return false;
		}
		byte = *c->p++;
		v |= (uint64) (byte & 0x7F) << shift;
		if (likely(!(byte & 0x80)))
		{
			if (unlikely(byte == 0 && shift > 0))
			{
				c->problem = "A number of the buckets is not in its shortest form.";
				return false;
			}
			*value = v;
			return true;
		}
	}
	c->problem = "A number of the buckets passes 63 bits.";
	return false;
}

static pg_noinline bool
sketch_step_compact(SketchCursor *c, int32 *key, int64 *count)
{
	while (c->next < c->stop)
	{
		uint64		v;

		if (!sketch_read_varint(c, &v))
			return false;
		if (likely(v > 0))
		{
			*key = c->next++;
			*count = (int64) v;
			c->after_run = false;
			return true;
		}
		if (c->after_run || c->next == c->s->lo)
		{
			c->problem = "A run of empty buckets is not between two counts.";
			return false;
		}
		if (!sketch_read_varint(c, &v))
			return false;
		if (v == 0 || v >= (uint64) (c->stop - c->next))
		{
			c->problem = "A run of empty buckets does not end before the last key.";
			return false;
		}
		c->next += (int32) v;
		c->after_run = true;
	}
	/* then only the zeros that pad the value to a multiple of 8 */
	if (c->end - c->p >= MAXIMUM_ALIGNOF ||
		(Size) (c->end - (const uint8 *) c->s) != MAXALIGN(c->p - (const uint8 *) c->s))
		c->problem = "The size does not match the buckets.";
	for (; c->p < c->end; c->p++)
		if (*c->p != 0)
			c->problem = "The padding after the buckets is not zero.";
	return false;
}

static inline bool
sketch_step(SketchCursor *c, int32 *key, int64 *count)
{
	if (c->s->version == SKETCH_COMPACT)
	{
		/* a count below 128, the common case, inline; the rest out of line */
		if (likely(c->next < c->stop && c->p < c->end && (uint8) (*c->p - 1) < 0x7F))
		{
			*key = c->next++;
			*count = *c->p++;
			c->after_run = false;
			return true;
		}
		return sketch_step_compact(c, key, count);
	}
	for (; c->next < c->stop; c->next++)
	{
		int64		n = c->s->counts[c->next - c->s->lo];

		if (n == 0)
			continue;
		if (n < 0)
		{
			c->problem = "A bucket count is negative.";
			return false;
		}
		*key = c->next++;
		*count = n;
		return true;
	}
	return false;
}

static inline bool
sketch_next(SketchCursor *c, int32 *key, int64 *count)
{
	if (likely(sketch_step(c, key, count)))
		return true;
	if (unlikely(c->problem != NULL))
		io_corrupt_value(TYPNAME, "%s", c->problem);
	return false;
}

/* the first and last keys with a non-zero count; false when there is none */
static bool
sketch_used_keys(const DurationSketch *s, int32 *first, int32 *last)
{
	int32		a = 0,
				b = s->nkeys - 1;

	if (s->version == SKETCH_COMPACT)
	{
		*first = s->lo;
		*last = s->lo + s->nkeys - 1;
		return s->nkeys > 0;
	}
	while (a <= b && s->counts[a] == 0)
		a++;
	while (b >= a && s->counts[b] == 0)
		b--;
	if (a > b)
		return false;
	*first = s->lo + a;
	*last = s->lo + b;
	return true;
}

/* ---- sketch arithmetic ----------------------------------------------------- */

DurationSketch *
sketch_new(float8 accuracy)
{
	DurationSketch *s = palloc0(SKETCH_SIZE(0));

	SET_VARSIZE(s, SKETCH_SIZE(0));
	s->version = SKETCH_DENSE;
	s->accuracy = accuracy;
	return s;
}

/* s (either form) as a dense sketch of window lo .. hi (covering its buckets) */
static DurationSketch *
sketch_rewindow(const DurationSketch *s, int32 lo, int32 hi)
{
	int32		nkeys = hi >= lo ? hi - lo + 1 : 0;
	DurationSketch *r = palloc0(SKETCH_SIZE(nkeys));
	SketchCursor c;
	int32		key;
	int64		count;

	memcpy(r, s, SKETCH_HEADER_SIZE);
	SET_VARSIZE(r, SKETCH_SIZE(nkeys));
	r->version = SKETCH_DENSE;
	r->lo = nkeys > 0 ? lo : 0;
	r->nkeys = nkeys;
	sketch_open(&c, s);
	while (sketch_next(&c, &key, &count))
	{
		if (key < lo || key > hi)
			io_corrupt_value(TYPNAME, "Bucket %d lies outside the window.", key);
		r->counts[key - lo] = count;
	}
	return r;
}

/* s as a dense sketch whose window holds keys key_lo .. key_hi too, by a margin */
static DurationSketch *
sketch_widen(const DurationSketch *s, int32 key_lo, int32 key_hi, int32 max_key)
{
	int32		lo = key_lo,
				hi = key_hi;
	int32		margin = Max(SKETCH_WINDOW_MARGIN, s->nkeys / 2);

	if (s->nkeys > 0)
	{
		lo = Min(lo, s->lo);
		hi = Max(hi, s->lo + s->nkeys - 1);
	}
	if (key_lo < (s->nkeys > 0 ? s->lo : key_lo + 1))
		lo = Max(0, lo - margin);
	if (s->nkeys == 0 || key_hi > s->lo + s->nkeys - 1)
		hi = Min(max_key, hi + margin);
	return sketch_rewindow(s, lo, hi);
}

static void
sketch_overflow(const char *typname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s is out of range", typname),
			 errdetail("The number or the sum of the durations passes 64 bits.")));
}

DurationSketch *
sketch_add(DurationSketch *s, int64 us, const SketchParams *params)
{
	if (us == 0)
		s->zeros++;
	else
	{
		int32		key = sketch_key(us, params);
		int32		i = key - s->lo;

		if (unlikely(i < 0 || i >= s->nkeys || s->version != SKETCH_DENSE))
		{
			s = sketch_widen(s, key, key, params->max_key);
			i = key - s->lo;
		}
		s->counts[i]++;
	}
	if (unlikely(pg_add_s64_overflow(s->sum, us, &s->sum)))
		sketch_overflow(TYPNAME);
	if (s->samples++ == 0)
		s->min = s->max = us;
	else if (us < s->min)
		s->min = us;
	else if (us > s->max)
		s->max = us;
	return s;
}

DurationSketch *
sketch_merge(DurationSketch *dst, const DurationSketch *src, const char *typname)
{
	int32		first,
				last;

	if (dst->accuracy != src->accuracy)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge duration sketches of different accuracy"),
				 errdetail("One has accuracy %s, the other %s.",
						   float8out_internal(dst->accuracy),
						   float8out_internal(src->accuracy))));
	if (src->samples == 0)
		return dst;
	if (sketch_used_keys(src, &first, &last))
	{
		int64	   *counts;
		SketchCursor c;
		int32		key;
		int64		count;

		if (first < dst->lo || last >= dst->lo + dst->nkeys || dst->version != SKETCH_DENSE)
		{
			SketchParams params;

			sketch_params(dst->accuracy, &params);
			dst = sketch_widen(dst, first, last, params.max_key);
		}
		counts = dst->counts - dst->lo;
		sketch_open(&c, src);
		c.next = first;
		c.stop = last + 1;
		while (sketch_next(&c, &key, &count))
			counts[key] += count;
	}
	if (pg_add_s64_overflow(dst->zeros, src->zeros, &dst->zeros) ||
		pg_add_s64_overflow(dst->sum, src->sum, &dst->sum))
		sketch_overflow(typname);
	if (dst->samples == 0)
	{
		dst->min = src->min;
		dst->max = src->max;
	}
	else
	{
		dst->min = Min(dst->min, src->min);
		dst->max = Max(dst->max, src->max);
	}
	if (pg_add_s64_overflow(dst->samples, src->samples, &dst->samples))
		sketch_overflow(typname);
	return dst;
}

/* the bytes of an unsigned LEB128 number */
static inline int
varint_size(uint64 v)
{
	int			n = 1;

	while (v >= 0x80)
	{
		v >>= 7;
		n++;
	}
	return n;
}

static inline uint8 *
varint_write(uint8 *p, uint64 v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8) v;
	return p;
}

/*
 * The compact form: one pass to size it, one to write it.  A dense window
 * can be wider than its buckets: the compact one is exactly first .. last.
 */
DurationSketch *
sketch_compact(const DurationSketch *s)
{
	SketchCursor c;
	int32		first = 0,
				last = -1,
				key,
				prev;
	int64		count;
	Size		len = 0;
	DurationSketch *r;
	uint8	   *p;

	sketch_used_keys(s, &first, &last);
	sketch_open(&c, s);
	prev = first - 1;
	while (sketch_next(&c, &key, &count))
	{
		if (key > prev + 1)
			len += 1 + varint_size(key - prev - 1);
		len += varint_size(count);
		prev = key;
	}
	r = palloc0(MAXALIGN(SKETCH_HEADER_SIZE + len));
	memcpy(r, s, SKETCH_HEADER_SIZE);
	SET_VARSIZE(r, MAXALIGN(SKETCH_HEADER_SIZE + len));
	r->version = SKETCH_COMPACT;
	r->lo = last >= first ? first : 0;
	r->nkeys = last - first + 1;
	p = SKETCH_BYTES(r);
	sketch_open(&c, s);
	prev = first - 1;
	while (sketch_next(&c, &key, &count))
	{
		if (key > prev + 1)
		{
			*p++ = 0;
			p = varint_write(p, key - prev - 1);
		}
		p = varint_write(p, count);
		prev = key;
	}
	Assert(p == SKETCH_BYTES(r) + len);
	return r;
}

bool
sketch_equal(const DurationSketch *a, const DurationSketch *b)
{
	SketchCursor ca,
				cb;
	int32		ka,
				kb;
	int64		na,
				nb;
	bool		more;

	if (a->accuracy != b->accuracy || a->samples != b->samples || a->zeros != b->zeros ||
		a->sum != b->sum || a->min != b->min || a->max != b->max)
		return false;
	sketch_open(&ca, a);
	sketch_open(&cb, b);
	do
	{
		more = sketch_next(&ca, &ka, &na);
		if (more != sketch_next(&cb, &kb, &nb))
			return false;
		if (more && (ka != kb || na != nb))
			return false;
	} while (more);
	return true;
}

/*
 * The one validator of a sketch (text input, binary receive, stored values
 * read by queue_summary): NULL when it is valid, else what is wrong.
 */
const char *
sketch_problem(const DurationSketch *s, Size size)
{
	SketchParams params;
	int64		n;
	int32		first,
				last;

	SketchCursor c;
	int32		key;
	int64		count;

	if (s->version != SKETCH_DENSE && s->version != SKETCH_COMPACT)
		return psprintf("Unknown format version %d.", s->version);
	if (s->reserved[0] || s->reserved[1] || s->reserved[2])
		return "A reserved byte is not zero.";
	if (size < SKETCH_HEADER_SIZE || s->nkeys < 0 || size != VARSIZE(s) ||
		(s->version == SKETCH_DENSE && size != SKETCH_SIZE(s->nkeys)))
		return "The size does not match the number of buckets.";
	if (!(s->accuracy >= SKETCH_MIN_ACCURACY && s->accuracy <= SKETCH_MAX_ACCURACY))
		return psprintf("The accuracy %s is outside %g to %g.",
						float8out_internal(s->accuracy),
						SKETCH_MIN_ACCURACY, SKETCH_MAX_ACCURACY);
	sketch_params(s->accuracy, &params);
	if (s->lo < 0 || (int64) s->lo + s->nkeys - 1 > params.max_key)
		return psprintf("A bucket key lies outside 0 to %d.", params.max_key);
	if (s->version == SKETCH_COMPACT && s->nkeys == 0 && s->lo != 0)
		return "An empty window starts at key 0.";
	if (s->zeros < 0)
		return "The count of zeros is negative.";
	n = s->zeros;
	sketch_open(&c, s);
	while (sketch_step(&c, &key, &count))
		if (pg_add_s64_overflow(n, count, &n))
			return "The counts pass 64 bits.";
	if (c.problem)
		return c.problem;
	if (n != s->samples)
		return psprintf("samples is " INT64_FORMAT " but the counts add up to " INT64_FORMAT ".",
						s->samples, n);
	if (n == 0)
	{
		if (s->sum != 0 || s->min != 0 || s->max != 0)
			return "An empty sketch has sum, min and max 0.";
		return NULL;
	}
	if (s->min < 0 || s->max < s->min)
		return "min and max must satisfy 0 <= min <= max.";
	if ((s->zeros > 0) != (s->min == 0))
		return "min is 0 exactly when there are zeros.";
	if (sketch_used_keys(s, &first, &last))
	{
		if (s->max == 0)
			return "max must lie in the last bucket, not be 0.";
		if (s->zeros == 0 && sketch_key(s->min, &params) != first)
			return "min does not lie in the first bucket.";
		if (sketch_key(s->max, &params) != last)
			return "max does not lie in the last bucket.";
	}
	else if (s->max != 0)
		return "max must be 0 when every duration is 0.";
	if (s->sum < 0 || (double) s->sum < (double) s->min * (double) n * (1 - 1e-12) ||
		(double) s->sum > (double) s->max * (double) n * (1 + 1e-12))
		return "sum must lie between samples * min and samples * max.";
	return NULL;
}

/* ---- percentiles ----------------------------------------------------------- */

static int64
sketch_estimate(const DurationSketch *s, int32 key, const SketchParams *params)
{
	double		v = sketch_key_value(key, params);

	if (v >= (double) s->max)
		return s->max;
	if (v <= (double) s->min)
		return s->min;
	return (int64) rint(v);
}

int64
sketch_percentile(const DurationSketch *s, float8 p, const SketchParams *params)
{
	double		r = ceil(p * (double) s->samples);
	int64		rank,
				cum,
				count;
	SketchCursor c;
	int32		key;

	Assert(s->samples > 0);
	if (r <= 1)
		return s->min;
	if (r >= (double) s->samples)
		return s->max;
	rank = (int64) r;
	cum = s->zeros;
	if (cum >= rank)
		return 0;
	sketch_open(&c, s);
	while (sketch_next(&c, &key, &count))
	{
		cum += count;
		if (cum >= rank)
			return sketch_estimate(s, key, params);
	}
	return s->max;
}

float8
sketch_share_within(const DurationSketch *s, int64 us, const SketchParams *params)
{
	int64		cum,
				count;
	int32		bound,
				key;
	SketchCursor c;

	Assert(s->samples > 0);
	if (us >= s->max)
		return 1.0;
	if (us < s->min)
		return 0.0;
	cum = s->zeros;
	if (us > 0)
	{
		bound = sketch_key(us, params);
		sketch_open(&c, s);
		while (sketch_next(&c, &key, &count) && key <= bound)
			cum += count;
	}
	return (double) cum / (double) s->samples;
}

/* ---- text and binary forms --------------------------------------------------- */

static void
expect_word(const char **p, const char *word, const char *typname, const char *input)
{
	const char *s = io_skip_blanks(*p);
	size_t		len = strlen(word);

	if (strncmp(s, word, len) != 0)
		io_syntax_error(typname, input, "Expected \"%s\" at \"%s\".", word, s);
	*p = s + len;
}

/*
 * accuracy=A samples=N zeros=Z sum_us=S min_us=M max_us=X buckets=K:C,K:C,...
 * (keys ascending, counts positive), ended by the terminator.
 */
DurationSketch *
sketch_parse(const char **pp, char terminator, const char *typname, const char *input)
{
	const char *p = *pp;
	float8		accuracy;
	int64		samples,
				zeros,
				sum,
				min,
				max;
	DurationSketch *s;
	SketchParams params;
	int32		prev = -1;
	int32		nbuckets = 0;
	int32	   *keys;
	int64	   *counts;
	const char *problem;

	expect_word(&p, "accuracy=", typname, input);
	accuracy = io_read_float8(&p, typname, input);
	if (!(accuracy >= SKETCH_MIN_ACCURACY && accuracy <= SKETCH_MAX_ACCURACY))
		io_value_error(typname, input, "The accuracy must lie between %g and %g.",
					   SKETCH_MIN_ACCURACY, SKETCH_MAX_ACCURACY);
	sketch_params(accuracy, &params);
	expect_word(&p, "samples=", typname, input);
	samples = io_read_int64(&p, 0, PG_INT64_MAX, "samples", typname, input);
	expect_word(&p, "zeros=", typname, input);
	zeros = io_read_int64(&p, 0, PG_INT64_MAX, "zeros", typname, input);
	expect_word(&p, "sum_us=", typname, input);
	sum = io_read_int64(&p, 0, PG_INT64_MAX, "sum_us", typname, input);
	expect_word(&p, "min_us=", typname, input);
	min = io_read_int64(&p, 0, PG_INT64_MAX, "min_us", typname, input);
	expect_word(&p, "max_us=", typname, input);
	max = io_read_int64(&p, 0, PG_INT64_MAX, "max_us", typname, input);
	expect_word(&p, "buckets=", typname, input);

	keys = palloc(sizeof(int32) * (params.max_key + 1));
	counts = palloc(sizeof(int64) * (params.max_key + 1));
	p = io_skip_blanks(p);
	while (*p >= '0' && *p <= '9')
	{
		int32		key = (int32) io_read_int64(&p, 0, params.max_key, "bucket key",
												typname, input);

		if (key <= prev)
			io_syntax_error(typname, input, "Bucket keys must be ascending (%d after %d).",
							key, prev);
		prev = key;
		p = io_skip_blanks(p);
		if (*p++ != ':')
			io_syntax_error(typname, input, "Expected \":\" after bucket key %d.", key);
		keys[nbuckets] = key;
		counts[nbuckets] = io_read_int64(&p, 1, PG_INT64_MAX, "bucket count",
										 typname, input);
		nbuckets++;
		p = io_skip_blanks(p);
		if (*p != ',')
			break;
		p = io_skip_blanks(p + 1);
		if (!(*p >= '0' && *p <= '9'))
			io_syntax_error(typname, input, "Expected a bucket after \",\".");
	}
	p = io_skip_blanks(p);
	if (*p != terminator)
	{
		if (terminator == '\0')
			io_syntax_error(typname, input, "Unexpected text \"%s\" after the buckets.", p);
		io_syntax_error(typname, input, "Expected \"%c\" after the buckets.", terminator);
	}
	*pp = p;

	s = sketch_new(accuracy);
	if (nbuckets > 0)
	{
		DurationSketch *w = sketch_rewindow(s, keys[0], keys[nbuckets - 1]);

		pfree(s);
		s = w;
		for (int32 i = 0; i < nbuckets; i++)
			s->counts[keys[i] - s->lo] = counts[i];
	}
	pfree(keys);
	pfree(counts);
	s->samples = samples;
	s->zeros = zeros;
	s->sum = sum;
	s->min = min;
	s->max = max;
	problem = sketch_problem(s, VARSIZE(s));
	if (problem)
		io_value_error(typname, input, "%s", problem);
	return sketch_compact(s);
}

void
sketch_print(StringInfo buf, const DurationSketch *s)
{
	char		digits[DOUBLE_SHORTEST_DECIMAL_LEN];
	const char *sep = "";
	SketchCursor c;
	int32		key;
	int64		count;

	double_to_shortest_decimal_buf(s->accuracy, digits);
	appendStringInfo(buf, "accuracy=%s samples=" INT64_FORMAT " zeros=" INT64_FORMAT
					 " sum_us=" INT64_FORMAT " min_us=" INT64_FORMAT " max_us=" INT64_FORMAT
					 " buckets=", digits, s->samples, s->zeros, s->sum, s->min, s->max);
	sketch_open(&c, s);
	while (sketch_next(&c, &key, &count))
	{
		appendStringInfo(buf, "%s%d:" INT64_FORMAT, sep, key, count);
		sep = ",";
	}
}

/*
 * Binary body (after the version byte): accuracy (float8), samples, zeros,
 * sum, min, max (int8), first key and number of keys (int4), the counts (int8).
 */
void
sketch_send_body(StringInfo buf, const DurationSketch *s)
{
	int32		first = 0,
				last = -1,
				next,
				key;
	int64		count;
	SketchCursor c;

	sketch_used_keys(s, &first, &last);
	pq_sendfloat8(buf, s->accuracy);
	pq_sendint64(buf, s->samples);
	pq_sendint64(buf, s->zeros);
	pq_sendint64(buf, s->sum);
	pq_sendint64(buf, s->min);
	pq_sendint64(buf, s->max);
	pq_sendint32(buf, last >= first ? first : 0);
	pq_sendint32(buf, last - first + 1);
	sketch_open(&c, s);
	next = first;
	while (sketch_next(&c, &key, &count))
	{
		for (; next < key; next++)
			pq_sendint64(buf, 0);
		pq_sendint64(buf, count);
		next = key + 1;
	}
}

DurationSketch *
sketch_recv_body(StringInfo buf, const char *typname)
{
	DurationSketch head;
	DurationSketch *s;
	const char *problem;
	SketchParams params;

	if (buf->len - buf->cursor < 8 * 6 + 4 * 2)
		io_binary_error(typname, "The sketch is cut short.");
	memset(&head, 0, sizeof(head));
	head.accuracy = pq_getmsgfloat8(buf) + 0.0;
	head.samples = pq_getmsgint64(buf);
	head.zeros = pq_getmsgint64(buf);
	head.sum = pq_getmsgint64(buf);
	head.min = pq_getmsgint64(buf);
	head.max = pq_getmsgint64(buf);
	head.lo = pq_getmsgint(buf, 4);
	head.nkeys = pq_getmsgint(buf, 4);
	if (!(head.accuracy >= SKETCH_MIN_ACCURACY && head.accuracy <= SKETCH_MAX_ACCURACY))
		io_binary_error(typname, "The accuracy %s is outside %g to %g.",
						float8out_internal(head.accuracy),
						SKETCH_MIN_ACCURACY, SKETCH_MAX_ACCURACY);
	sketch_params(head.accuracy, &params);
	/* sizes checked before anything is allocated */
	if (head.nkeys < 0 || head.nkeys > params.max_key + 1 ||
		(int64) (buf->len - buf->cursor) < (int64) head.nkeys * 8)
		io_binary_error(typname, "The number of buckets %d does not match the data.",
						head.nkeys);
	s = palloc0(SKETCH_SIZE(head.nkeys));
	memcpy(s, &head, SKETCH_HEADER_SIZE);
	SET_VARSIZE(s, SKETCH_SIZE(head.nkeys));
	s->version = SKETCH_DENSE;
	for (int32 i = 0; i < head.nkeys; i++)
		s->counts[i] = pq_getmsgint64(buf);
	problem = sketch_problem(s, VARSIZE(s));
	if (problem)
		io_binary_error(typname, "%s", problem);
	return sketch_compact(s);
}

PG_FUNCTION_INFO_V1(duration_sketch_in);
Datum
duration_sketch_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;

	PG_RETURN_POINTER(sketch_parse(&p, '\0', TYPNAME, str));
}

PG_FUNCTION_INFO_V1(duration_sketch_out);
Datum
duration_sketch_out(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_GETARG_SKETCH(0);
	StringInfoData buf;

	initStringInfo(&buf);
	sketch_print(&buf, s);
	PG_RETURN_CSTRING(buf.data);
}

/*
 * A sketch as a jsonb object: accuracy, samples, zeros, sum, min and max (in
 * seconds) and the buckets that hold durations, each {"upper": its upper
 * bound in seconds, "count": n}, in order (a bucket holds the durations above
 * the upper bound of the key before it).
 */
Jsonb *
sketch_jsonb(const DurationSketch *s)
{
	SketchParams params;
	JsonField  *buckets = palloc(Max(s->nkeys, 1) * sizeof(JsonField));
	int			n = 0;
	SketchCursor c;
	int32		key;
	int64		count;

	sketch_params(s->accuracy, &params);
	sketch_open(&c, s);
	while (sketch_next(&c, &key, &count))
	{
		JsonField	bucket[2];

		bucket[0] = JSON_FIELD_FLOAT("upper", exp(key * params.ln_gamma) / USECS_PER_SEC);
		bucket[1] = JSON_FIELD_INT("count", count);
		buckets[n++] = JSON_FIELD_NESTED(NULL, kit_json_object(bucket, 2));
	}
	{
		JsonField	fields[] = {
			JSON_FIELD_FLOAT("accuracy", s->accuracy),
			JSON_FIELD_INT("samples", s->samples),
			JSON_FIELD_INT("zeros", s->zeros),
			JSON_FIELD_SECONDS("sum", s->sum),
			JSON_FIELD_SECONDS("min", s->min),
			JSON_FIELD_SECONDS("max", s->max),
			JSON_FIELD_NESTED("buckets", kit_json_array(buckets, n)),
		};

		return kit_json_object(fields, lengthof(fields));
	}
}

/* duration_sketch::jsonb */
PG_FUNCTION_INFO_V1(duration_sketch_jsonb);
Datum
duration_sketch_jsonb(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(sketch_jsonb(PG_GETARG_SKETCH(0)));
}

PG_FUNCTION_INFO_V1(duration_sketch_recv);
Datum
duration_sketch_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	DurationSketch *s;

	io_check_version(buf, TYPNAME);
	s = sketch_recv_body(buf, TYPNAME);
	io_check_end(buf, TYPNAME);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(duration_sketch_send);
Datum
duration_sketch_send(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_GETARG_SKETCH(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	sketch_send_body(&buf, s);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- aggregates ----------------------------------------------------------- */

/*
 * duration_agg(interval [, accuracy]) transition: not STRICT (a NULL duration
 * is skipped here, and the first row makes the state).
 */
PG_FUNCTION_INFO_V1(duration_sketch_trans);
Datum
duration_sketch_trans(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_ARGISNULL(0) ? NULL : (DurationSketch *) PG_GETARG_POINTER(0);
	float8		accuracy = SKETCH_DEFAULT_ACCURACY;
	const SketchParams *params;
	int64		us;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("duration_sketch_trans called outside an aggregate")));
	if (PG_ARGISNULL(1))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	if (PG_NARGS() > 2)
	{
		if (PG_ARGISNULL(2))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("duration sketch accuracy must not be NULL")));
		accuracy = PG_GETARG_FLOAT8(2);
	}
	if (unlikely(s == NULL))
	{
		sketch_check_accuracy(accuracy);
		s = sketch_new(accuracy);
	}
	else if (unlikely(s->accuracy != accuracy))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("duration_agg accuracy changed from %s to %s",
						float8out_internal(s->accuracy), float8out_internal(accuracy)),
				 errdetail("The accuracy must be the same in every row of a group.")));
	params = sketch_cached_params(fcinfo, accuracy);
	us = interval_to_us(PG_GETARG_INTERVAL_P(1), "duration");
	PG_RETURN_POINTER(sketch_add(s, us, params));
}

/*
 * a + b: the combine function of duration_agg, the transition function of
 * rollup and the + operator.  In an aggregate the state (argument 0) is
 * updated in place once it is dense (the first merge into a stored, compact
 * value makes a dense one); called directly, a new compact value is made.
 */
PG_FUNCTION_INFO_V1(duration_sketch_combine);
Datum
duration_sketch_combine(PG_FUNCTION_ARGS)
{
	DurationSketch *a = PG_GETARG_SKETCH(0);
	DurationSketch *b = PG_GETARG_SKETCH(1);

	/* called directly (the + operator): work on a copy */
	if (!AggCheckCallContext(fcinfo, NULL))
		PG_RETURN_POINTER(sketch_compact(sketch_merge(sketch_rewindow(a, a->lo, a->lo + a->nkeys - 1),
													  b, TYPNAME)));
	PG_RETURN_POINTER(sketch_merge(a, b, TYPNAME));
}

/* final function of duration_agg and rollup: NULL when there are no samples */
PG_FUNCTION_INFO_V1(duration_sketch_final);
Datum
duration_sketch_final(PG_FUNCTION_ARGS)
{
	DurationSketch *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = PG_GETARG_SKETCH(0);
	if (s->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(sketch_compact(s));
}

PG_FUNCTION_INFO_V1(duration_sketch_eq);
Datum
duration_sketch_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(sketch_equal(PG_GETARG_SKETCH(0), PG_GETARG_SKETCH(1)));
}

PG_FUNCTION_INFO_V1(duration_sketch_ne);
Datum
duration_sketch_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!sketch_equal(PG_GETARG_SKETCH(0), PG_GETARG_SKETCH(1)));
}

/* ---- accessors ------------------------------------------------------------- */

Datum
sketch_percentile_datum(FunctionCallInfo fcinfo, const DurationSketch *s)
{
	float8		p = PG_GETARG_FLOAT8(1);

	check_percentile(p);
	if (s->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(us_to_interval(sketch_percentile(s, p,
														  sketch_cached_params(fcinfo, s->accuracy))));
}

PG_FUNCTION_INFO_V1(duration_sketch_percentile);
Datum
duration_sketch_percentile(PG_FUNCTION_ARGS)
{
	return sketch_percentile_datum(fcinfo, PG_GETARG_SKETCH(0));
}

PG_FUNCTION_INFO_V1(duration_sketch_percentiles);
Datum
duration_sketch_percentiles(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_GETARG_SKETCH(0);
	ArrayType  *ps = PG_GETARG_ARRAYTYPE_P(1);
	const SketchParams *params = sketch_cached_params(fcinfo, s->accuracy);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	Datum	   *out;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			dims[1];
	int			lbs[1] = {1};

	if (ARR_NDIM(ps) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("percentiles takes a one-dimensional array")));
	deconstruct_array(ps, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			check_percentile(DatumGetFloat8(elems[i]));
	if (s->samples == 0)
		PG_RETURN_NULL();
	out = palloc(sizeof(Datum) * Max(n, 1));
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			out[i] = IntervalPGetDatum(us_to_interval(sketch_percentile(s, DatumGetFloat8(elems[i]),
																		params)));
	get_typlenbyvalalign(INTERVALOID, &typlen, &typbyval, &typalign);
	dims[0] = n;
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(INTERVALOID));
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, nulls, 1, dims, lbs, INTERVALOID,
											 typlen, typbyval, typalign));
}

PG_FUNCTION_INFO_V1(duration_sketch_share_within);
Datum
duration_sketch_share_within(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_GETARG_SKETCH(0);
	Interval   *iv = PG_GETARG_INTERVAL_P(1);
	int64		us;

	if (s->samples == 0)
		PG_RETURN_NULL();
	/* a negative bound holds nothing */
	if (((double) iv->month * DAYS_PER_MONTH + iv->day) * USECS_PER_DAY + iv->time < 0)
		PG_RETURN_FLOAT8(0.0);
	us = interval_to_us(iv, "bound");
	PG_RETURN_FLOAT8(sketch_share_within(s, us, sketch_cached_params(fcinfo, s->accuracy)));
}

PG_FUNCTION_INFO_V1(duration_sketch_samples);
Datum
duration_sketch_samples(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_SKETCH(0)->samples);
}

PG_FUNCTION_INFO_V1(duration_sketch_accuracy);
Datum
duration_sketch_accuracy(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_SKETCH(0)->accuracy);
}

/* sum / n rounded to the nearest microsecond (halves away from zero) */
int64
sketch_mean_us(int64 sum, int64 n)
{
	int64		q = sum / n;
	int64		r = sum % n;

	if (r >= n - r)
		q++;
	return q;
}

PG_FUNCTION_INFO_V1(duration_sketch_mean);
Datum
duration_sketch_mean(PG_FUNCTION_ARGS)
{
	DurationSketch *s = PG_GETARG_SKETCH(0);

	if (s->samples == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(us_to_interval(sketch_mean_us(s->sum, s->samples)));
}
