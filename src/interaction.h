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

/*
 * Version byte written first by every send function and stored first in every
 * varlena of ours; recv and input reject any other value.
 */
#define INTERACTION_FORMAT_VERSION	1

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
extern DateADT io_read_date(const char *str, int len);

/* 22P02 "invalid input syntax for type T: "input"" with a detail */
extern void io_syntax_error(const char *typname, const char *input,
							const char *detail_fmt,...) pg_attribute_printf(3, 4) pg_attribute_noreturn();

/*
 * 22P02 "invalid input value for T: "input"" with a hint (the valid labels):
 * a label type's input that names no label, worded as core's enum input
 */
extern void io_unknown_label(const char *typname, const char *input,
							 const char *hint_fmt,...) pg_attribute_printf(3, 4) pg_attribute_noreturn();

/*
 * 22003 "value "input" is out of range for type T" with a detail: a value whose
 * syntax is right but whose numbers are not (a sum that overflows, a weight
 * outside its documented range)
 */
extern void io_range_error(const char *typname, const char *input,
						   const char *detail_fmt,...) pg_attribute_printf(3, 4) pg_attribute_noreturn();

/* 22023 "invalid value for type T: "input"" with a detail: well-formed, but not allowed */
extern void io_value_error(const char *typname, const char *input,
						   const char *detail_fmt,...) pg_attribute_printf(3, 4) pg_attribute_noreturn();

/* 22P03 for binary data: a bad or unknown version byte, a wrong length, a bad field */
extern void io_binary_error(const char *typname, const char *detail_fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();
/* read the version byte of a binary value and check it; 22P03 otherwise */
extern void io_check_version(StringInfo buf, const char *typname);
/* a binary value must be used up exactly: trailing bytes are 22P03 */
extern void io_check_end(StringInfo buf, const char *typname);

/* XX001: a stored value of ours that no input function could have made */
extern void io_corrupt_value(const char *typname, const char *detail_fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();

/* ---- taxonomy types (taxonomy.c) ----------------------------------------
 *
 * The five enumerated types share one implementation.  A value is one byte:
 * the type's tag in the top three bits and the label's ordinal in the low five,
 * so one output, comparison and hash function serves them all and a byte
 * compares in label order within its type.  Tags are part of the on-disk
 * format: never renumber them.
 */
typedef enum TaxonomyTag
{
	TAXONOMY_JOURNEY_STAGE = 0,
	TAXONOMY_INTERACTION_KIND = 1,
	TAXONOMY_INTERACTION_CHANNEL = 2,
	TAXONOMY_INTERACTION_URGENCY = 3,
	TAXONOMY_INTERACTION_DIRECTION = 4
} TaxonomyTag;

#define TAXONOMY_NTAGS			5
#define TAXONOMY_MAX_LABELS		32

#define TAXONOMY_VALUE(tag, ordinal)	((uint8) (((tag) << 5) | (ordinal)))
#define TAXONOMY_TAG(v)					((int) ((uint8) (v) >> 5))
#define TAXONOMY_ORDINAL(v)				((int) ((uint8) (v) & 0x1F))

/* journey stages by ordinal */
#define STAGE_AWARENESS		0
#define STAGE_CONSIDERATION	1
#define STAGE_ACQUISITION	2
#define STAGE_RETENTION		3
#define STAGE_ADVOCACY		4
#define STAGE_COUNT			5

#define DatumGetTaxonomy(d)		((uint8) DatumGetChar(d))
#define TaxonomyGetDatum(v)		CharGetDatum((char) (v))
#define PG_GETARG_TAXONOMY(n)	DatumGetTaxonomy(PG_GETARG_DATUM(n))
#define PG_RETURN_TAXONOMY(v)	return TaxonomyGetDatum(v)

extern int	taxonomy_label_count(TaxonomyTag tag);
extern const char *taxonomy_label(TaxonomyTag tag, int ordinal);
extern bool taxonomy_parse(TaxonomyTag tag, const char *str, uint8 *result);

/* ---- routing priority (routing.c) ----------------------------------------
 *
 * A waiting task's place in a queue, 24 bytes, passed by reference.  Ordered
 * by tier (higher first), virtual_arrival (earlier first), enqueued_at
 * (earlier first); level is a label that takes no part in the order.
 */
typedef struct RoutingPriority
{
	int32		tier;
	int32		level;
	int64		enqueued_at;	/* TimestampTz, finite */
	int64		virtual_arrival;	/* TimestampTz, finite */
} RoutingPriority;

#define DatumGetRoutingPriority(d)		((RoutingPriority *) DatumGetPointer(d))
#define RoutingPriorityGetDatum(p)		PointerGetDatum(p)
#define PG_GETARG_ROUTING_PRIORITY(n)	DatumGetRoutingPriority(PG_GETARG_DATUM(n))
#define PG_RETURN_ROUTING_PRIORITY(p)	return RoutingPriorityGetDatum(p)

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
