/*-------------------------------------------------------------------------
 *
 * kit.c
 *	  The kit beside the input/output kit (io.c): what several rooms need
 *	  and should do one way: the aggregate-context check, the list of a
 *	  taxonomy's labels for a hint, one folding of keywords (labels, modes,
 *	  model names), one measure of an interval, an interval as a message
 *	  shows it, working time given as an interval, and boolean conditions
 *	  given as VARIADIC "any" arguments.
 *
 * src/kit.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

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

/*
 * t + iv, as timestamptz + interval has it: days are added on the calendar of
 * the session's time zone, then the time.  In a zone of one fixed offset (UTC,
 * the usual server setting) a day is always 24 hours, so there the sum is
 * plain arithmetic rather than a round trip through the calendar; away from
 * the ends of the timestamp range, where the two could differ in what they
 * reject, and in every other case timestamptz_pl_interval decides (and
 * raises its own errors).
 */
/* a day or more away from either end of the timestamp range */
static inline bool
kit_timestamp_inner(TimestampTz t)
{
	return t >= MIN_TIMESTAMP + USECS_PER_DAY && t < END_TIMESTAMP - USECS_PER_DAY;
}

TimestampTz
kit_timestamptz_plus(TimestampTz t, const Interval *iv)
{
	long		gmtoff;
	int64		days;
	TimestampTz mid,
				r;

	if (iv->month == 0 && !TIMESTAMP_NOT_FINITE(t) &&
		(iv->day == 0 || pg_get_timezone_offset(session_timezone, &gmtoff)) &&
		!pg_mul_s64_overflow(iv->day, USECS_PER_DAY, &days) &&
		!pg_add_s64_overflow(t, days, &mid) &&
		!pg_add_s64_overflow(mid, iv->time, &r) &&
		kit_timestamp_inner(t) && kit_timestamp_inner(mid) && kit_timestamp_inner(r))
		return r;
	return DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
												   TimestampTzGetDatum(t),
												   IntervalPGetDatum(iv)));
}

/* an interval as a message names it: the session's interval output, quoted */
char *
kit_interval_text(const Interval *iv)
{
	return psprintf("\"%s\"", DatumGetCString(DirectFunctionCall1(interval_out,
																  IntervalPGetDatum(iv))));
}

/*
 * Working time given as an interval (business_add's, an SLA target), in
 * microseconds: hours, minutes and seconds only (a day or a month has no fixed
 * working time) and not negative, else 22023 naming what and the value.
 */
int64
kit_working_time(const Interval *iv, const char *what)
{
	if (iv->month != 0 || iv->day != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be given in hours, minutes and seconds", what),
				 errdetail("The interval %s has days or months, which have no fixed working time.",
						   kit_interval_text(iv)),
				 errhint("Write it in hours, e.g. '24 hours' instead of '1 day'.")));
	if (iv->time < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative", what),
				 errdetail("The interval given is %s.", kit_interval_text(iv))));
	return iv->time;
}

/*
 * Boolean conditions given as the arguments of a VARIADIC "any" function
 * (the executor builds no array per row), or as one boolean[] written with
 * VARIADIC.  The argument types are checked once per call site: each must be
 * boolean, or a bare NULL (a condition no row meets, as in a boolean[]).
 */
void
kit_bool_args_init(FunctionCallInfo fcinfo, int first, const char *what, const char *one,
				   KitBoolArgs *a)
{
	int			nargs = PG_NARGS();

	memset(a, 0, sizeof(KitBoolArgs));
	a->first = first;
	a->what = what;
	a->one = one;
	if (nargs > first && get_fn_expr_variadic(fcinfo->flinfo))
	{
		Oid			t = get_fn_expr_argtype(fcinfo->flinfo, first);

		if (t != BOOLARRAYOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s must be boolean, not %s", what,
							format_type_be(get_element_type(t) ? get_element_type(t) : t))));
		a->array = true;
		return;
	}
	a->count = nargs - first;
	for (int i = 0; i < a->count; i++)
	{
		Oid			t = get_fn_expr_argtype(fcinfo->flinfo, first + i);

		if (t == UNKNOWNOID && i < 64)
		{
			/* a bare NULL (no row meets it); any other untyped literal is refused */
			a->unknown |= UINT64CONST(1) << i;
			continue;
		}
		if (t != BOOLOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s must be boolean, not %s", what, format_type_be(t)),
					 errdetail("%s %d is of type %s.", one, i + 1, format_type_be(t))));
	}
}

/*
 * The row's conditions as bits (bit i: condition i + 1 holds; NULL is
 * false) and, in *n, their number; bits beyond the 64th are not read (the
 * caller refuses more than it takes, from *n).
 */
uint64
kit_bool_args_read(FunctionCallInfo fcinfo, const KitBoolArgs *a, int *n)
{
	uint64		mask = 0;

	if (a->array)
	{
		ArrayType  *conds;
		bits8	   *nulls;
		const bool *v;
		int			k = 0;

		if (PG_ARGISNULL(a->first))
		{
			*n = 0;
			return 0;
		}
		conds = PG_GETARG_ARRAYTYPE_P(a->first);
		if (ARR_NDIM(conds) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("%s must be a one-dimensional array", a->what)));
		*n = ARR_NDIM(conds) == 1 ? ARR_DIMS(conds)[0] : 0;
		nulls = ARR_NULLBITMAP(conds);
		/* the non-NULL elements, packed after the header (and bitmap) */
		v = (const bool *) ((char *) conds + (ARR_HASNULL(conds) ? (Size) conds->dataoffset :
											  ARR_OVERHEAD_NONULLS(ARR_NDIM(conds))));
		for (int i = 0; i < *n && i < 64; i++)
		{
			if (nulls && !(nulls[i >> 3] & (1 << (i & 7))))
				continue;
			if (v[k++])
				mask |= UINT64CONST(1) << i;
		}
		return mask;
	}
	*n = a->count;
	for (int i = 0; i < a->count && i < 64; i++)
	{
		if (PG_ARGISNULL(a->first + i))
			continue;
		if (unlikely(a->unknown & (UINT64CONST(1) << i)))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s must be boolean, not unknown", a->what),
					 errdetail("%s %d is a literal of no type; write it as a boolean.",
							   a->one, i + 1)));
		if (DatumGetBool(PG_GETARG_DATUM(a->first + i)))
			mask |= UINT64CONST(1) << i;
	}
	return mask;
}
