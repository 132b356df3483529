/*-------------------------------------------------------------------------
 *
 * kit.c
 *	  The kit beside the input/output kit (io.c): what several rooms need
 *	  and should do one way: the aggregate-context check, the list of a
 *	  taxonomy's labels for a hint, and one measure of an interval.
 *
 * src/kit.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "common/int.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"

char		kit_aggregate_marker;

bool
kit_check_aggregate(FunctionCallInfo fcinfo, void *marker)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		return false;
	fcinfo->flinfo->fn_extra = marker;
	return true;
}

char *
kit_label_list(TaxonomyTag tag)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int i = 0; i < taxonomy_label_count(tag); i++)
		appendStringInfo(&s, "%s%s", i ? ", " : "", taxonomy_label(tag, i));
	return s.data;
}

/*
 * The one rule for the length of an interval: PostgreSQL's own, the one
 * interval comparison uses (interval_cmp_value()): a day is 24 hours and a
 * month 30 days, and the interval is judged as a whole, so '1 day -1 hour'
 * is 23 hours (positive) and '1 mon -29 days' one day.  The sum is exact (in
 * 128 bits where the compiler has them), then rounded once to a float8: so
 * the sign is always right, and the value exact to the microsecond up to
 * 2^53 microseconds (about 285 years).
 */
double
kit_interval_usecs(const Interval *iv)
{
#ifdef HAVE_INT128
	int128		days = (int128) iv->month * DAYS_PER_MONTH + iv->day;

	return (double) (days * USECS_PER_DAY + iv->time);
#else
	int64		days = (int64) iv->month * DAYS_PER_MONTH + iv->day;
	double		usecs = (double) days * USECS_PER_DAY + (double) iv->time;

	/* the sum may round to the wrong sign only when it is near zero */
	if (usecs > -1e15 && usecs < 1e15)
	{
		int64		exact;

		if (!pg_mul_s64_overflow(days, USECS_PER_DAY, &exact) &&
			!pg_add_s64_overflow(exact, iv->time, &exact))
			return (double) exact;
	}
	return usecs;
#endif
}
