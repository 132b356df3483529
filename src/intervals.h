/*-------------------------------------------------------------------------
 *
 * intervals.h
 *	  What the contact-centre interval statistics share: the duration_sketch
 *	  value (duration_sketch.c), which queue_summary (queue_summary.c) embeds
 *	  twice, and the confidence-interval helpers (rate_ci.c).
 *
 * src/intervals.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef INTERVALS_H
#define INTERVALS_H

#include "interaction.h"

#include "lib/stringinfo.h"
#include "utils/timestamp.h"

/*
 * A duration_sketch: a DDSketch of durations in microseconds.  A duration x > 0
 * falls in bucket key ceil(log(x) / log(gamma)), gamma = (1 + a) / (1 - a) for
 * the accuracy a; zeros are counted apart.  Keys run from 0 (1 microsecond) to
 * the key of the largest interval, so the buckets are bounded by the value
 * range.  The counts of keys lo .. lo + nkeys - 1 are stored densely (the
 * window); keys outside it are zero.  samples, sum, min and max are exact.
 */
typedef struct DurationSketch
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* INTERACTION_FORMAT_VERSION */
	uint8		reserved[3];	/* zero */
	float8		accuracy;		/* relative accuracy a */
	int64		samples;		/* zeros + sum of counts */
	int64		zeros;			/* durations of 0 */
	int64		sum;			/* exact sum of the durations, microseconds */
	int64		min;			/* smallest duration (0 when empty) */
	int64		max;			/* largest duration (0 when empty) */
	int32		lo;				/* first key of the window */
	int32		nkeys;			/* length of the window */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} DurationSketch;

#define SKETCH_HEADER_SIZE		offsetof(DurationSketch, counts)
#define SKETCH_SIZE(nkeys)		(SKETCH_HEADER_SIZE + (Size) (nkeys) * sizeof(int64))
#define SKETCH_DEFAULT_ACCURACY	0.01
#define SKETCH_MIN_ACCURACY		0.0001
#define SKETCH_MAX_ACCURACY		0.5

/* per-accuracy constants, cached by callers (fn_extra) */
typedef struct SketchParams
{
	float8		accuracy;
	float8		ln_gamma;
	float8		inv_ln_gamma;
	int32		max_key;
} SketchParams;

extern void sketch_params(float8 accuracy, SketchParams *params);
extern const SketchParams *sketch_cached_params(FunctionCallInfo fcinfo, float8 accuracy);
extern void sketch_check_accuracy(float8 accuracy);
extern DurationSketch *sketch_new(float8 accuracy);
extern int32 sketch_key(int64 us, const SketchParams *params);

/*
 * Add one duration (microseconds, not negative).  Returns s when it fits the
 * window, else a new, wider sketch palloc'd in CurrentMemoryContext (s is left
 * as it was: an aggregate's old state is freed by the executor).
 */
extern DurationSketch *sketch_add(DurationSketch *s, int64 us, const SketchParams *params);

/* dst + src; dst in place when it fits, else a new sketch as sketch_add */
extern DurationSketch *sketch_merge(DurationSketch *dst, const DurationSketch *src,
									const char *typname);
/* a copy whose window holds no zero count at either end */
extern DurationSketch *sketch_trimmed(const DurationSketch *s);
extern bool sketch_equal(const DurationSketch *a, const DurationSketch *b);

/* the validator: NULL when valid, else an error detail */
extern const char *sketch_problem(const DurationSketch *s, Size size);

/* value at rank ceil(p * samples) (p in [0, 1]), in microseconds */
extern int64 sketch_percentile(const DurationSketch *s, float8 p, const SketchParams *params);
extern float8 sketch_share_within(const DurationSketch *s, int64 us, const SketchParams *params);

/* text form: parse up to the terminator ('\0' or ')'), print */
extern DurationSketch *sketch_parse(const char **p, char terminator, const char *typname,
									const char *input);
extern void sketch_print(StringInfo buf, const DurationSketch *s);
extern void sketch_send_body(StringInfo buf, const DurationSketch *s);
/* the sketch as a jsonb object (its cast to jsonb, and a part of queue_summary's) */
extern Jsonb *sketch_jsonb(const DurationSketch *s);
extern DurationSketch *sketch_recv_body(StringInfo buf, const char *typname);

/* durations */
extern int64 interval_to_us(const Interval *iv, const char *what);
extern Interval *us_to_interval(int64 us);
extern void check_percentile(float8 p);
extern int64 sketch_mean_us(int64 sum, int64 n);

/* confidence intervals (rate_ci.c) */
extern float8 ci_normal_quantile(float8 prob);
extern void ci_check_level(float8 level);
extern void ci_wilson(float8 p, float8 n, float8 level, float8 *low, float8 *high);
extern Datum ci_make(FunctionCallInfo fcinfo, float8 low, float8 high);

#endif							/* INTERVALS_H */
