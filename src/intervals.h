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
 * range.  samples, sum, min and max are exact.  The counts of keys
 * lo .. lo + nkeys - 1 follow the header in one of two forms, named by the
 * version byte:
 *
 * - SKETCH_DENSE (the layout of format version 1): an int64 per key of the
 *   window, zeros included; the aggregates' working form, updated in place.
 * - SKETCH_COMPACT: what the final functions, input and the + operator return,
 *   so what is stored: the window is exactly the keys from the first to the
 *   last non-empty bucket, and the bytes after the header run through it key
 *   by key: a count as an unsigned LEB128 varint (never 0), or a 0 byte and
 *   then a varint r >= 1 for r empty keys (never two runs in a row); then zero
 *   bytes up to a multiple of 8, so that a sketch embedded after another stays
 *   aligned.
 *
 * Every reader takes both forms (SketchCursor walks either).
 */
typedef struct DurationSketch
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* SKETCH_DENSE or SKETCH_COMPACT */
	uint8		reserved[3];	/* zero */
	float8		accuracy;		/* relative accuracy a */
	int64		samples;		/* zeros + sum of counts */
	int64		zeros;			/* durations of 0 */
	int64		sum;			/* exact sum of the durations, microseconds */
	int64		min;			/* smallest duration (0 when empty) */
	int64		max;			/* largest duration (0 when empty) */
	int32		lo;				/* first key of the window */
	int32		nkeys;			/* length of the window */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];	/* SKETCH_DENSE; else SKETCH_BYTES */
} DurationSketch;

#define SKETCH_DENSE			INTERACTION_FORMAT_VERSION
#define SKETCH_COMPACT			2
#define SKETCH_HEADER_SIZE		offsetof(DurationSketch, counts)
#define SKETCH_SIZE(nkeys)		(SKETCH_HEADER_SIZE + (Size) (nkeys) * sizeof(int64))
#define SKETCH_BYTES(s)			((uint8 *) (s)->counts)
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
 * Add one duration (microseconds, not negative).  Returns s when it is dense
 * and the key fits its window, else a new, wider dense sketch palloc'd in
 * CurrentMemoryContext (s is left as it was: an aggregate's old state is
 * freed by the executor).
 */
extern DurationSketch *sketch_add(DurationSketch *s, int64 us, const SketchParams *params);

/* dst + src (src of either form); dst in place when it fits, else as sketch_add */
extern DurationSketch *sketch_merge(DurationSketch *dst, const DurationSketch *src,
									const char *typname);
/* the compact form of any sketch (a new value) */
extern DurationSketch *sketch_compact(const DurationSketch *s);
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
/* a percentile (argument 1, checked) of a sketch as an interval, NULL when empty */
extern Datum sketch_percentile_datum(FunctionCallInfo fcinfo, const DurationSketch *s);
extern int64 sketch_mean_us(int64 sum, int64 n);

/* confidence intervals (rate_ci.c) */
extern float8 ci_normal_quantile(float8 prob);
extern void ci_check_level(float8 level);
extern void ci_wilson(float8 p, float8 n, float8 level, float8 *low, float8 *high);
extern Datum ci_make(FunctionCallInfo fcinfo, float8 low, float8 high);

#endif							/* INTERVALS_H */
