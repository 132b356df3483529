/*-------------------------------------------------------------------------
 *
 * journey.h
 *	  The layout of a journey value and the one conversion rule, shared by
 *	  journey.c and the files that read journeys besides it (markov.c).
 *	  journey.c describes the format in full.
 *
 * A journey is a varlena of a 16-byte header and 16-byte touchpoints, in the
 * order time, stage, channel (no channel last).  A journey_agg working state
 * carries JOURNEY_STATE in flags and its touchpoints unsorted; readers sort a
 * copy of such a value (journey_touches_sorted()).
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

/*
 * The one conversion rule (doc/journey.md): a journey reaches a stage at its
 * first touchpoint at that stage or beyond, and converts when it reaches
 * acquisition.  reached(), time_to_stage(), attribution() and
 * markov_attribution() all ask journey_reaches_at().
 */
extern int	journey_reaches_at(const JourneyTouch *t, int n, int stage);
extern int	journey_conversion_stage(void);

#endif							/* JOURNEY_H */
