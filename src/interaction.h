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

#endif							/* INTERACTION_H */
