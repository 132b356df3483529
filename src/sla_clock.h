/*-------------------------------------------------------------------------
 *
 * sla_clock.h
 *	  Declarations shared by the files of the SLA clocks:
 *
 *	  sla_clock.c		the sla_clock type (when a ticket's clock ran) and
 *						its accessors; a clock from a ticket's sorted changes
 *	  ticket_changes.c	the ticket_changes type, the state of ticket_clock
 *						(a ticket's status changes, the calendar and the
 *						status lists), its aggregates and text and binary
 *						forms
 *
 * src/sla_clock.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SLA_CLOCK_H
#define SLA_CLOCK_H

#include "interaction.h"

/* what a status does to the clock; the order is the tie rule (higher wins) */
#define CLOCK_RUN			0
#define CLOCK_PAUSE			1
#define CLOCK_STOP			2

/* a change of status: from `at` on the clock runs, pauses or stops */
typedef struct ClockEvent
{
	int64		at;
	int32		kind;			/* CLOCK_RUN, CLOCK_PAUSE, CLOCK_STOP */
	int32		reserved;		/* zero */
} ClockEvent;

/* order of changes: by time, then by kind (the one left in force sorts last) */
extern int	clock_event_cmp(const void *a, const void *b);

/*
 * The sla_clock of n > 0 changes sorted by clock_event_cmp in the calendar
 * hours (a business_hours varlena, 4-byte header); the calendar's zone is
 * cached in fcinfo's fn_extra.
 */
extern Datum sla_clock_from_events(FunctionCallInfo fcinfo, const ClockEvent *ev, int n,
								   struct varlena *hours);

/*
 * The text forms' pieces (errors name typname and quote input): an instant in
 * ISO and UTC; the keyword word (case-insensitive) or the character ch at *p,
 * blanks before it skipped; an instant up to the next stop character.
 */
extern void clock_append_instant(StringInfo out, int64 t, const char *typname);
extern void clock_expect_word(const char **p, const char *word, const char *typname,
							  const char *input);
extern void clock_expect_char(const char **p, char ch, const char *typname, const char *input);
extern int64 clock_read_instant(const char **p, char stop, const char *typname,
								const char *input);
/* a calendar from its text; the last field of a text form, "; hours <calendar>" */
extern struct varlena *clock_hours_in(const char *text);
extern struct varlena *clock_read_hours(const char *p, const char *typname, const char *input);

#endif							/* SLA_CLOCK_H */
