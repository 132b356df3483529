/*-------------------------------------------------------------------------
 *
 * hours.h
 *	  What hours.c lends to other C files: reading a business_hours value,
 *	  its time zone, and working time between two instants.
 *
 * src/hours.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef HOURS_H
#define HOURS_H

#include "interaction.h"
#include "pgtime.h"

struct BusinessHours;

/* a business_hours datum, detoasted and checked (XX001 when it cannot be ours) */
extern struct BusinessHours *hours_from_datum(Datum d);

/* the calendar's time zone (22023 when this server does not know it) */
extern pg_tz *hours_find_zone(const struct BusinessHours *h);

/*
 * Working time in [from, to) in usec, from <= to, both finite (22008
 * otherwise); what business_time returns
 */
extern int64 hours_worked(const struct BusinessHours *h, pg_tz *tz,
						  TimestampTz from, TimestampTz to);

/* SQL-callable functions of hours.c that other C files call */
extern Datum business_hours_in(PG_FUNCTION_ARGS);
extern Datum business_hours_out(PG_FUNCTION_ARGS);
extern Datum business_add(PG_FUNCTION_ARGS);

#endif							/* HOURS_H */
