/*-------------------------------------------------------------------------
 *
 * journey.h
 *	  The layout of a journey value, for the files that read journeys besides
 *	  journey.c (markov.c).  journey.c describes the format in full.
 *
 * A journey is a varlena of a 16-byte header and 16-byte touchpoints, in the
 * order time, stage, channel (no channel last).  A journey_agg working state
 * carries JOURNEY_STATE in flags and its touchpoints unsorted; readers sort a
 * copy of such a value (journey_touches_sorted()).
 *
 * journey.c keeps its own copy of these definitions (the static asserts
 * below and in journey.c pin both to the same sizes); when journey.c
 * includes this header, its copies go.
 *
 * src/journey.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef JOURNEY_H
#define JOURNEY_H

#include "interaction.h"

#define JOURNEY_NO_CHANNEL		255
#define JOURNEY_STATE			0x01	/* flags: an aggregate's working state */
#define CHANNEL_COUNT			13		/* interaction_channel labels */

typedef struct JourneyTouch
{
	int64		at;				/* TimestampTz, finite */
	uint8		stage;			/* journey_stage ordinal */
	uint8		channel;		/* interaction_channel ordinal or JOURNEY_NO_CHANNEL */
	uint8		reserved[6];	/* 0 */
} JourneyTouch;

typedef struct Journey
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		flags;
	uint16		reserved;
	int32		count;
	int32		reserved2;
	JourneyTouch touches[FLEXIBLE_ARRAY_MEMBER];
} Journey;

#define JOURNEY_HDRSZ			offsetof(Journey, touches)
#define JOURNEY_SIZE(n)			(JOURNEY_HDRSZ + (Size) (n) * sizeof(JourneyTouch))

StaticAssertDecl(sizeof(JourneyTouch) == 16, "JourneyTouch must be 16 bytes");
StaticAssertDecl(offsetof(Journey, touches) == 16, "journey header must be 16 bytes");

#endif							/* JOURNEY_H */
