/*-------------------------------------------------------------------------
 *
 * interaction.h
 *	  Declarations shared by the C files of the interaction extension.
 *
 * src/interaction.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef INTERACTION_H
#define INTERACTION_H

#include "postgres.h"
#include "fmgr.h"
#include "miscadmin.h"

#include "compat.h"

/*
 * Version byte written first by every send function and stored first in every
 * varlena of ours; recv and input reject any other value.
 */
#define INTERACTION_FORMAT_VERSION	1

/* ---- module start-up (module.c) -----------------------------------------
 *
 * Top-level statements run by this session so far, counted by the executor
 * and utility hooks that _PG_init() installs; queries run by functions within
 * a statement are part of it.  The classifier's rules cache uses it to give
 * one answer per statement.
 *
 * interaction_statement_id is the statement whose work runs now: the one an
 * executor run was started in (a cursor's FETCHes and a portal's partial
 * executions all run as the statement that opened it), else the latest
 * top-level statement.  interaction_statement_running() tells whether some
 * executor run of statement id is still open (a cursor not yet closed).
 */
extern uint64 interaction_statement_count;
extern uint64 interaction_statement_id;
extern bool interaction_statement_running(uint64 id);

/*
 * The rule set of a parallel statement (classify_rules.c): the executor hooks
 * tell the rules cache when a run that may start parallel workers begins and
 * ends, so that the leader and its workers read the rules under one snapshot.
 */
struct QueryDesc;
extern void classify_rules_init(void);
extern void classify_parallel_begin(struct QueryDesc *queryDesc, int eflags);
extern void classify_parallel_end(struct QueryDesc *queryDesc);

/* ---- input/output kit (io.c) ---------------------------------------------
 *
 * What every type's text input, binary receive and validator share, so that one
 * fault gives one SQLSTATE whatever the type: 22P02 for syntax, 22003 for a
 * number out of range, 22P03 for bad binary data, core's own errors for
 * timestamps and dates, XX001 for a stored value that cannot be ours.
 */
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/timestamp.h"

/* the one blank rule (space, tab, newline, carriage return, form feed) */
extern bool io_is_blank(char c);
extern const char *io_skip_blanks(const char *p);

/*
 * Read an optionally signed decimal integer at *p (blanks before it skipped)
 * and step *p past it.  No digits: a syntax error naming the type and the whole
 * input (22P02).  Outside [min, max], overflow included: 22003 naming what.
 */
extern int64 io_read_int64(const char **p, int64 min, int64 max, const char *what,
						   const char *typname, const char *input);

/*
 * Read a float8 at *p (blanks before it skipped) with core's float8 input and
 * step *p past it (and past blanks after it): 22P02 for syntax naming the type
 * and the whole input, 22003 out of range.  Negative zero reads as zero.
 */
extern float8 io_read_float8(const char **p, const char *typname, const char *input);

/* core's timestamptz and date input of len bytes at str (session DateStyle/TimeZone) */
extern TimestampTz io_read_timestamptz(const char *str, int len);
extern bool io_timestamptz_text(TimestampTz at, char *buf);
extern DateADT io_read_date(const char *str, int len);

/* 22P02 "invalid input syntax for type T: "input"" with a detail */
pg_noreturn extern void io_syntax_error(const char *typname, const char *input,
										const char *detail_fmt,...) pg_attribute_printf(3, 4);

/* the same with a hint (the valid choices, say) */
pg_noreturn extern void io_syntax_error_hint(const char *typname, const char *input, const char *hint,
											 const char *detail_fmt,...) pg_attribute_printf(4, 5);

/*
 * 22P02 "invalid input value for T: "input"" with a hint (the valid labels):
 * a label type's input that names no label, worded as core's enum input
 */
pg_noreturn extern void io_unknown_label(const char *typname, const char *input,
										 const char *hint_fmt,...) pg_attribute_printf(3, 4);

/*
 * 22003 "value "input" is out of range for type T" with a detail: a value whose
 * syntax is right but whose numbers are not (a sum that overflows, a weight
 * outside its documented range)
 */
pg_noreturn extern void io_range_error(const char *typname, const char *input,
									   const char *detail_fmt,...) pg_attribute_printf(3, 4);

/* 22023 "invalid value for type T: "input"" with a detail: well-formed, but not allowed */
pg_noreturn extern void io_value_error(const char *typname, const char *input,
									   const char *detail_fmt,...) pg_attribute_printf(3, 4);

/* 22P03 for binary data: a bad or unknown version byte, a wrong length, a bad field */
pg_noreturn extern void io_binary_error(const char *typname, const char *detail_fmt,...) pg_attribute_printf(2, 3);
/* read the version byte of a binary value and check it; 22P03 otherwise */
extern void io_check_version(StringInfo buf, const char *typname);
/* a binary value must be used up exactly: trailing bytes are 22P03 */
extern void io_check_end(StringInfo buf, const char *typname);

/* XX001: a stored value of ours that no input function could have made */
pg_noreturn extern void io_corrupt_value(const char *typname, const char *detail_fmt,...) pg_attribute_printf(2, 3);

/* ---- taxonomy types (taxonomy.c) ----------------------------------------
 *
 * The six enumerated types share one implementation.  A value is one byte:
 * the type's tag in the top three bits and the label's ordinal in the low five,
 * so one output, comparison and hash function serves them all and a byte
 * compares in label order within its type.  A type's tag is the index of its
 * row in the table of taxonomy.c, part of the on-disk format: a row never
 * moves.  C code that works with one type by name asks its tag by the type's
 * name (TAXONOMY_TAG_LOOKUP), so a new type needs no constant here.
 */
typedef int TaxonomyTag;

#define TAXONOMY_MAX_TAGS		8
#define TAXONOMY_MAX_LABELS		32

#define TAXONOMY_VALUE(tag, ordinal)	((uint8) (((tag) << 5) | (ordinal)))
#define TAXONOMY_TAG(v)					((int) ((uint8) (v) >> 5))
#define TAXONOMY_ORDINAL(v)				((int) ((uint8) (v) & 0x1F))

#define DatumGetTaxonomy(d)		((uint8) DatumGetChar(d))
#define TaxonomyGetDatum(v)		CharGetDatum((char) (v))
#define PG_GETARG_TAXONOMY(n)	DatumGetTaxonomy(PG_GETARG_DATUM(n))
#define PG_RETURN_TAXONOMY(v)	return TaxonomyGetDatum(v)

/* the tag of the taxonomy type named typname (an internal error if none) */
extern TaxonomyTag taxonomy_tag(const char *typname);

/*
 * TAXONOMY_TAG_LOOKUP(fname, "typname") defines a file-local fname() that
 * returns that type's tag, looked up at its first call.
 */
#define TAXONOMY_TAG_LOOKUP(fname, typname) \
static inline TaxonomyTag \
fname(void) \
{ \
	static TaxonomyTag tag = -1; \
\
	if (unlikely(tag < 0)) \
		tag = taxonomy_tag(typname); \
	return tag; \
}

extern int	taxonomy_label_count(TaxonomyTag tag);
extern const char *taxonomy_label(TaxonomyTag tag, int ordinal);
extern bool taxonomy_parse(TaxonomyTag tag, const char *str, uint8 *result);
/* a label or synonym as the type's input reads it (22P02 naming the labels if unknown) */
extern uint8 taxonomy_read(TaxonomyTag tag, const char *str);
extern uint8 taxonomy_read_text(TaxonomyTag tag, const text *t);
/* the ordinal of a label written in the code (an internal error if unknown) */
extern int	taxonomy_ordinal(TaxonomyTag tag, const char *label);

/* ---- the kit (kit.c) ----------------------------------------------------
 *
 * What several rooms do, done one way.
 */

/*
 * Whether the call runs in an aggregate, so that it may change its state in
 * place.  AggCheckCallContext's answer cannot change for one FmgrInfo (the
 * executor keeps one per aggregate), so it is asked once and the answer kept
 * in fn_extra as marker (NULL: the kit's own): per row this is one load and
 * compare, not a call.  A function that keeps anything else in fn_extra
 * cannot use it.
 */
extern char kit_aggregate_marker;
extern bool kit_check_aggregate(FunctionCallInfo fcinfo, void *marker);

static inline bool
kit_in_aggregate(FunctionCallInfo fcinfo, void *marker)
{
	if (marker == NULL)
		marker = &kit_aggregate_marker;
	if (likely(fcinfo->flinfo->fn_extra == marker))
		return true;
	return kit_check_aggregate(fcinfo, marker);
}

/* the labels of a taxonomy type as "a, b, c", in label order, for a hint */
extern char *kit_label_list(TaxonomyTag tag);

/*
 * Keywords (taxonomy labels, window_funnel modes, attribution models) are
 * read one way: case-insensitive, surrounding blanks dropped, each run of
 * '-', '_' or space one '_'.  kit_fold_keyword() writes the folded form
 * (false if it needs more than bufsize bytes with its NUL);
 * kit_match_keyword() gives the index of the keyword (spelled folded) that
 * str names, or -1.  Keywords are at most KIT_MAX_KEYWORD bytes.
 */
#define KIT_MAX_KEYWORD		63
extern bool kit_fold_keyword(const char *str, int len, char *buf, int bufsize);
extern int	kit_match_keyword(const char *str, int len, const char *const *keywords,
							  int nkeywords);

/*
 * The length of an interval in microseconds, by the one rule of the
 * extension (PostgreSQL's interval comparison): a day is 24 hours, a month
 * 30 days, the interval judged whole ('1 day -1 hour' is 23 hours).  Exact
 * to the microsecond up to about 285 years; the sign is always exact.  A
 * function for which a month has no meaning refuses months before it asks.
 */
extern double kit_interval_usecs(const Interval *iv);
/* t + iv, as timestamptz + interval computes it (errors included) */
extern TimestampTz kit_timestamptz_plus(TimestampTz t, const Interval *iv);

/* an interval as a message names it: "1 day" (quoted, the session's output style) */
extern char *kit_interval_text(const Interval *iv);

/*
 * Working time given as an interval, in microseconds: hours, minutes and
 * seconds, not negative; 22023 naming what ("working time") and the value.
 */
extern int64 kit_working_time(const Interval *iv, const char *what);

/*
 * Boolean conditions given as the trailing arguments of a VARIADIC "any"
 * function, from argument "first" on (the executor builds no array per row),
 * or as one boolean[] (written with VARIADIC, or a function's boolean[]
 * argument).  kit_bool_args_init() checks the argument types once per call
 * site (42804 naming what, e.g. "sequence_next_node events", and in the
 * detail which one, e.g. "Event 2"); kit_bool_array() describes a boolean[]
 * argument; kit_bool_args_mask() reads a row's: bit i for condition i + 1
 * (NULL is false), their number in *n.  Every function of conditions reads
 * them here.
 */
typedef struct KitBoolArgs
{
	bool		array;			/* one boolean[] */
	int			first;			/* the first condition's argument */
	int			count;			/* conditions, when not an array */
	uint64		unknown;		/* conditions written as a literal of no type */
	const char *what;			/* "window_funnel steps" */
	const char *one;			/* "Step" */
} KitBoolArgs;
extern void kit_bool_args_init(FunctionCallInfo fcinfo, int first, const char *what,
							   const char *one, KitBoolArgs *a);
extern uint64 kit_bool_args_read(FunctionCallInfo fcinfo, const KitBoolArgs *a, int *n);

/* a row's conditions (the usual case inline: booleans given as arguments) */
static inline uint64
kit_bool_args_mask(FunctionCallInfo fcinfo, const KitBoolArgs *a, int *n)
{
	uint64		mask = 0;

	if (unlikely(a->array || a->unknown != 0 || a->count > 64))
		return kit_bool_args_read(fcinfo, a, n);
	*n = a->count;
	/* a NULL is false: its value is not read */
	for (int i = 0; i < a->count; i++)
		if (!fcinfo->args[a->first + i].isnull &&
			DatumGetBool(fcinfo->args[a->first + i].value))
			mask |= UINT64CONST(1) << i;
	return mask;
}

static inline KitBoolArgs
kit_bool_array(int argno, const char *what)
{
	KitBoolArgs a = {.array = true,.first = argno,.what = what};

	return a;
}

/*
 * Equality and hashing of a type whose values are canonical (one layout per
 * value, reserved fields and padding zero): two values are equal exactly
 * when their bytes are, and the hash is over the bytes after the length
 * word.  KIT_BYTEWISE_EQUALITY(prefix, GETARG) defines the SQL-callable
 * prefix_eq, prefix_ne, prefix_hash and prefix_hash_extended, reading each
 * argument with GETARG(n) (the type's detoasting, checking reader); the file
 * includes common/hashfn.h.
 */
#define KIT_BYTEWISE_EQUALITY(prefix, GETARG) \
static bool \
prefix##_bytes_equal(FunctionCallInfo fcinfo) \
{ \
	struct varlena *a = (struct varlena *) GETARG(0); \
	struct varlena *b = (struct varlena *) GETARG(1); \
\
	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0; \
} \
PG_FUNCTION_INFO_V1(prefix##_eq); \
Datum \
prefix##_eq(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(prefix##_bytes_equal(fcinfo)); \
} \
PG_FUNCTION_INFO_V1(prefix##_ne); \
Datum \
prefix##_ne(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(!prefix##_bytes_equal(fcinfo)); \
} \
PG_FUNCTION_INFO_V1(prefix##_hash); \
Datum \
prefix##_hash(PG_FUNCTION_ARGS) \
{ \
	struct varlena *v = (struct varlena *) GETARG(0); \
\
	PG_RETURN_DATUM(hash_any((unsigned char *) v + VARHDRSZ, VARSIZE(v) - VARHDRSZ)); \
} \
PG_FUNCTION_INFO_V1(prefix##_hash_extended); \
Datum \
prefix##_hash_extended(PG_FUNCTION_ARGS) \
{ \
	struct varlena *v = (struct varlena *) GETARG(0); \
\
	PG_RETURN_DATUM(hash_any_extended((unsigned char *) v + VARHDRSZ, \
									  VARSIZE(v) - VARHDRSZ, PG_GETARG_INT64(1))); \
}

/* ---- structured values as jsonb (json.c) ---------------------------------
 *
 * Every structured type's cast to jsonb is one function of its own file that
 * fills a table of fields (key, kind, value) and hands it to kit_json_object();
 * nested parts (a histogram, a list of skills, a sketch's buckets) are
 * kit_json_object() or kit_json_array() values of their own, put in as JSON_NESTED.
 * Durations are numbers of seconds, timestamps ISO 8601 text in UTC, so the
 * result does not depend on the session (IntervalStyle, TimeZone) and the casts
 * are immutable.
 */
#include "utils/jsonb.h"

typedef enum JsonKind
{
	JSON_NULL,
	JSON_INT,					/* i */
	JSON_FLOAT,					/* f (a non-finite float is null) */
	JSON_SECONDS,				/* i microseconds, as seconds */
	JSON_TIME,					/* i a TimestampTz, as ISO 8601 text in UTC */
	JSON_TEXT,					/* s */
	JSON_BOOL,					/* b */
	JSON_NESTED					/* j, from kit_json_object() or kit_json_array() */
} JsonKind;

typedef struct JsonField
{
	const char *key;			/* ignored by kit_json_array() */
	JsonKind	kind;
	int64		i;
	float8		f;
	const char *s;
	bool		b;
	Jsonb	   *j;
} JsonField;

#define JSON_FIELD_INT(k, v)		((JsonField) {.key = (k), .kind = JSON_INT, .i = (v)})
#define JSON_FIELD_FLOAT(k, v)		((JsonField) {.key = (k), .kind = JSON_FLOAT, .f = (v)})
#define JSON_FIELD_SECONDS(k, us)	((JsonField) {.key = (k), .kind = JSON_SECONDS, .i = (us)})
#define JSON_FIELD_TIME(k, t)		((JsonField) {.key = (k), .kind = JSON_TIME, .i = (t)})
#define JSON_FIELD_TEXT(k, v)		((JsonField) {.key = (k), .kind = JSON_TEXT, .s = (v)})
#define JSON_FIELD_BOOL(k, v)		((JsonField) {.key = (k), .kind = JSON_BOOL, .b = (v)})
#define JSON_FIELD_NESTED(k, v)		((JsonField) {.key = (k), .kind = JSON_NESTED, .j = (v)})
#define JSON_FIELD_NULL(k)			((JsonField) {.key = (k), .kind = JSON_NULL})

/* an object of the fields (keys in the order jsonb keeps them: by length, then bytes) */
extern Jsonb *kit_json_object(const JsonField *fields, int nfields);
/* an array of the fields' values, in order */
extern Jsonb *kit_json_array(const JsonField *fields, int nfields);

/* ---- survey scores (survey.c), for the rate statistics (rate_ci.c) ------- */
#define SURVEY_NSCORES_SHARED	11	/* scores 0..10 */

/*
 * The weight of each score 0..10 of a survey_summary (its counts when it is not
 * weighted), the sum of the squared weights, and the number of top boxes that
 * count for CSAT (ces false) or as "easy" for CES, on the scale given (0: the
 * one the summary recorded, else the metric's default), checked as the csat()
 * and ces() accessors check it.  Returns the scale.
 */
extern int	survey_summary_weights(Datum summary, int scale, bool ces, double *weight,
								   double *weight_sq, int *top_boxes);

#endif							/* INTERACTION_H */
