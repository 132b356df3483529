/*-------------------------------------------------------------------------
 *
 * kit.c
 *	  The kit beside the input/output kit (io.c): what several rooms need
 *	  and should do one way: the aggregate-context check, the list of a
 *	  taxonomy's labels for a hint, one folding of keywords (labels, modes,
 *	  model names) and one measure of an interval.
 *
 * src/kit.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

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
 * A keyword as the user may write it, folded to the form it is spelled in
 * (lower case, words joined by '_'): surrounding blanks dropped, ASCII
 * letters lowered, and each run of '-', '_' or space read as one '_'; so
 * 'Strict Order', 'strict-order' and ' STRICT_ORDER ' are 'strict_order'.
 * The taxonomy types read their labels this way.  The result (with its
 * terminating NUL) is written to buf; false when it does not fit, which no
 * keyword does if bufsize exceeds the longest keyword.
 */
bool
kit_fold_keyword(const char *str, int len, char *buf, int bufsize)
{
	const char *p = str;
	const char *end = str + len;
	int			n = 0;

	while (p < end && io_is_blank(*p))
		p++;
	while (end > p && io_is_blank(end[-1]))
		end--;
	for (; p < end; p++)
	{
		char		c = *p;

		if (c == '-' || c == '_' || c == ' ')
		{
			if (n > 0 && buf[n - 1] == '_')
				continue;
			c = '_';
		}
		else if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (n >= bufsize - 1)
			return false;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return true;
}

/*
 * Which of the keywords (spelled folded, as kit_fold_keyword() writes them)
 * str names, folded the same way: its index, or -1.  window_funnel's modes
 * and attribution's model names are read by it.
 */
int
kit_match_keyword(const char *str, int len, const char *const *keywords, int nkeywords)
{
	char		buf[KIT_MAX_KEYWORD + 1];

	if (!kit_fold_keyword(str, len, buf, sizeof(buf)))
		return -1;
	for (int i = 0; i < nkeywords; i++)
		if (strcmp(buf, keywords[i]) == 0)
			return i;
	return -1;
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
