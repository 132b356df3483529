/*-------------------------------------------------------------------------
 *
 * hours.c
 *	  The business_hours type (when a team works, in its own time zone) and
 *	  working-time arithmetic on it: business_time, business_add, is_open,
 *	  next_open, next_close.
 *
 * Meaning.  An instant t is open when the wall clock of the calendar's zone
 * shows, at t, a local date d and time of day s such that s lies in one of the
 * ranges [start, end) of d: the ranges of an exception date ("closed d" or
 * "open d ranges") when d is one, else the weekly ranges of d's weekday.  So a
 * range that spans a daylight-saving change is an hour shorter or longer that
 * day, a range starting in a skipped hour opens when the clock jumps, and a
 * repeated hour that lies in a range is worked twice.
 *
 * Cost.  F(x), the open time of the local (wall-clock) time line before x, is
 * week arithmetic plus a binary search over the exception dates (each carries
 * the running sum of how much it adds to or takes from the weekly hours), and
 * so is its inverse.  Within a stretch of constant UTC offset, local time moves
 * with real time, so the working time between two instants is a difference of
 * F over each such stretch: a call costs O(log dates + ranges of a day) per
 * change of UTC offset in the span (two a year in a daylight-saving zone, none
 * in UTC), never a loop over days.
 *
 * On-disk layout (a varlena, aligned as double):
 *		BusinessHours header: version, zone name length, counts, where each
 *		weekday's ranges start, the weekly open time before each weekday
 *		then HoursDate dates[ndates]		exception dates, ascending
 *		then HoursRange ranges[nranges]		weekly ranges (monday first), then
 *											those of the exception dates
 *		then the zone name, NUL-terminated
 * The sums are derived data, rebuilt by the one constructor (hours_build)
 * that text input and binary receive share.
 *
 * Binary send/recv format: uint8 version, then the canonical text form; recv
 * parses it with the text parser, so both validate alike.
 *
 * src/hours.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"
#include "hours.h"

#include "common/hashfn.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#define HOURS_TYPNAME		"business_hours"
#define HOURS_MAX_DATES		20000
#define HOURS_MAX_RANGES	50000
#define SECS_OF_DAY			86400

/* one opening on a local day, in seconds since local midnight: [start, end) */
typedef struct HoursRange
{
	int32		start;
	int32		end;
} HoursRange;

/* an exception date: its own ranges (none: closed) replace the weekly ones */
typedef struct HoursDate
{
	int32		date;			/* DateADT */
	int32		first;			/* index of its first range */
	int32		count;			/* number of ranges; 0 when closed */
	int32		reserved;
	int64		before;			/* sum, over earlier exception dates, of their
								 * open time minus the weekly open time of
								 * their weekday (usec) */
} HoursDate;

typedef struct BusinessHours
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		tzlen;			/* zone name length, without the NUL */
	uint16		reserved;
	int32		ndates;
	int32		nranges;
	int32		day_first[8];	/* weekday w (0 = monday) has the ranges
								 * day_first[w] .. day_first[w + 1] - 1 */
	int64		day_before[8];	/* weekly open time before weekday w (usec);
								 * day_before[7] is the week's */
	int64		dates_delta;	/* what all exception dates add together */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} BusinessHours;

#define HOURS_DATES(h)		((HoursDate *) (h)->data)
#define HOURS_RANGES(h)		((HoursRange *) ((h)->data + (h)->ndates * sizeof(HoursDate)))
#define HOURS_TZNAME(h)		((char *) (HOURS_RANGES(h) + (h)->nranges))
#define HOURS_SIZE(nd, nr, tzlen) \
	(offsetof(BusinessHours, data) + (nd) * sizeof(HoursDate) + \
	 (nr) * sizeof(HoursRange) + (tzlen) + 1)

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* the Monday before the PostgreSQL epoch (2000-01-01, a Saturday) is day -5 */
#define EPOCH_WEEKDAY		5

/* ---- small arithmetic ---------------------------------------------------- */

static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b) != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static void
out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("date/time value out of range for business hours")));
}

static inline int64
add_checked(int64 a, int64 b)
{
	int64		r;

	if (pg_add_s64_overflow(a, b, &r))
		out_of_range();
	return r;
}

static inline int64
sub_checked(int64 a, int64 b)
{
	int64		r;

	if (pg_sub_s64_overflow(a, b, &r))
		out_of_range();
	return r;
}

static inline int
weekday_of(int64 day)
{
	return (int) (day + EPOCH_WEEKDAY - floor_div(day + EPOCH_WEEKDAY, 7) * 7);
}

/* ---- building a value ---------------------------------------------------- */

/* a range with the date or weekday it belongs to, as the parser collects them */
typedef struct ParsedRange
{
	int32		key;			/* weekday 0..6, or 7 + index into dates */
	int32		start;
	int32		end;
} ParsedRange;

typedef struct HoursParse
{
	const char *input;			/* for messages */
	ParsedRange *ranges;
	int			nranges;
	int			maxranges;
	DateADT    *closed;
	int			nclosed;
	int			maxclosed;
	DateADT    *opened;			/* dates of "open" parts, in input order */
	int			nopened;
	int			maxopened;
	char	   *tzname;
	bool		have_tz;
} HoursParse;

static void
too_many(const char *what, int max)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("business_hours value has too many %s", what),
			 errdetail("At most %d are allowed.", max)));
}

static char *
time_text(int32 secs, char *buf)
{
	snprintf(buf, 6, "%02d:%02d", secs / 3600, (secs / 60) % 60);
	return buf;
}

/* ISO, whatever the session's DateStyle, so output is immutable */
static const char *
date_text(DateADT d)
{
	int			y,
				m,
				dd;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	return psprintf("%04d-%02d-%02d", y, m, dd);
}

static const char *
key_text(HoursParse *ps, int32 key)
{
	if (key < 7)
		return day_names[key];
	return date_text(ps->opened[key - 7]);
}

static int
cmp_range(const void *a, const void *b)
{
	const ParsedRange *x = a,
			   *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

static int
cmp_date(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a,
				y = *(const DateADT *) b;

	return (x > y) - (x < y);
}

/*
 * The one constructor: from what the parser collected, a canonical value
 * (ranges of a day sorted, touching ones joined, exception dates sorted, the
 * sums filled in).  Overlaps and a date both closed and open are 22023.
 * Long on purpose (about 115 lines): every check of a value's consistency
 * is here, in the order the value is laid out, so that text input and
 * binary recv (which both end here) cannot differ.
 */
static BusinessHours *hours_canonical(BusinessHours *h);

static BusinessHours *
hours_build(HoursParse *ps)
{
	BusinessHours *h;
	HoursDate  *dates;
	HoursRange *ranges;
	int			ndates = 0;
	int			nranges = 0;
	int			tzlen = strlen(ps->tzname);
	int			i,
				j;
	DateADT    *all;
	int			nall;
	int64		running = 0;
	Size		size;

	qsort(ps->ranges, ps->nranges, sizeof(ParsedRange), cmp_range);

	/* join touching ranges, reject overlapping ones */
	for (i = 0; i < ps->nranges; i++)
	{
		ParsedRange *r = &ps->ranges[i];

		if (nranges > 0 && ps->ranges[nranges - 1].key == r->key)
		{
			ParsedRange *prev = &ps->ranges[nranges - 1];
			char		b1[6],
						b2[6],
						b3[6],
						b4[6];

			if (r->start < prev->end)
				io_value_error(HOURS_TYPNAME, ps->input, "Ranges %s-%s and %s-%s overlap on %s.",
								  time_text(prev->start, b1), time_text(prev->end, b2),
								  time_text(r->start, b3), time_text(r->end, b4),
								  key_text(ps, r->key));
			if (r->start == prev->end)
			{
				prev->end = r->end;
				continue;
			}
		}
		ps->ranges[nranges++] = *r;
	}

	/* all exception dates, sorted; closed and open on one date is a conflict */
	nall = ps->nclosed + ps->nopened;
	all = palloc(Max(nall, 1) * sizeof(DateADT));
	memcpy(all, ps->closed, ps->nclosed * sizeof(DateADT));
	qsort(all, ps->nclosed, sizeof(DateADT), cmp_date);
	for (i = 0; i < ps->nopened; i++)
	{
		if (bsearch(&ps->opened[i], all, ps->nclosed, sizeof(DateADT), cmp_date))
			io_value_error(HOURS_TYPNAME, ps->input, "Date %s is both closed and open.",
							  date_text(ps->opened[i]));
	}
	memcpy(all + ps->nclosed, ps->opened, ps->nopened * sizeof(DateADT));
	qsort(all, nall, sizeof(DateADT), cmp_date);
	for (i = 0; i < nall; i++)
		if (ndates == 0 || all[ndates - 1] != all[i])
			all[ndates++] = all[i];

	size = HOURS_SIZE(ndates, nranges, tzlen);
	h = palloc0(size);
	SET_VARSIZE(h, size);
	h->version = INTERACTION_FORMAT_VERSION;
	h->tzlen = tzlen;
	h->ndates = ndates;
	h->nranges = nranges;
	dates = HOURS_DATES(h);
	ranges = HOURS_RANGES(h);

	/* weekly ranges come first (keys 0..6 sort first) */
	j = 0;
	for (int w = 0; w < 7; w++)
	{
		h->day_first[w] = j;
		h->day_before[w] = running;
		while (j < nranges && ps->ranges[j].key == w)
		{
			ranges[j].start = ps->ranges[j].start;
			ranges[j].end = ps->ranges[j].end;
			running += (int64) (ranges[j].end - ranges[j].start) * USECS_PER_SEC;
			j++;
		}
	}
	h->day_first[7] = j;
	h->day_before[7] = running;

	/* exception dates, each with its ranges, and the running sums */
	running = 0;
	for (i = 0; i < ndates; i++)
	{
		int64		open = 0;
		int			w = weekday_of(all[i]);

		dates[i].date = all[i];
		dates[i].first = j;
		dates[i].before = running;
		/* an open date's ranges are next in key order */
		while (j < nranges && ps->opened[ps->ranges[j].key - 7] == all[i])
		{
			ranges[j].start = ps->ranges[j].start;
			ranges[j].end = ps->ranges[j].end;
			open += (int64) (ranges[j].end - ranges[j].start) * USECS_PER_SEC;
			j++;
		}
		dates[i].count = j - dates[i].first;
		running += open - (h->day_before[w + 1] - h->day_before[w]);
	}
	h->dates_delta = running;
	Assert(j == nranges);
	memcpy(HOURS_TZNAME(h), ps->tzname, tzlen + 1);
	return hours_canonical(h);
}

/*
 * Is exception date k the same as its weekday (closed on a closed weekday, or
 * open exactly as the weekday is)?  Such a date changes nothing.
 */
static bool
date_redundant(const BusinessHours *h, int k)
{
	const HoursDate *d = &HOURS_DATES(h)[k];
	int			w = weekday_of(d->date);
	int			n = h->day_first[w + 1] - h->day_first[w];

	return d->count == n &&
		(n == 0 || memcmp(HOURS_RANGES(h) + d->first, HOURS_RANGES(h) + h->day_first[w],
						  n * sizeof(HoursRange)) == 0);
}

/*
 * The canonical value: h itself, or a copy without the exception dates that
 * change nothing ('mon-fri 09:00-17:00; closed 2026-12-27', a Sunday, is
 * 'mon-fri 09:00-17:00').  Input drops them; a value stored by 1.1 may still
 * hold some, so every stored value is read through here (equality and hashing
 * see one layout per calendar).
 */
static BusinessHours *
hours_canonical(BusinessHours *h)
{
	BusinessHours *c;
	const HoursDate *dates = HOURS_DATES(h);
	const HoursRange *ranges = HOURS_RANGES(h);
	int			ndates = 0,
				nranges = h->day_first[7];
	int			j;
	int64		running = 0;
	Size		size;

	for (int k = 0; k < h->ndates; k++)
		if (!date_redundant(h, k))
		{
			ndates++;
			nranges += dates[k].count;
		}
	if (ndates == h->ndates)
		return h;
	size = HOURS_SIZE(ndates, nranges, h->tzlen);
	c = palloc0(size);
	SET_VARSIZE(c, size);
	c->version = h->version;
	c->tzlen = h->tzlen;
	c->ndates = ndates;
	c->nranges = nranges;
	memcpy(c->day_first, h->day_first, sizeof(h->day_first));
	memcpy(c->day_before, h->day_before, sizeof(h->day_before));
	/* the weekly ranges, then each date kept with its ranges and running sum */
	memcpy(HOURS_RANGES(c), ranges, h->day_first[7] * sizeof(HoursRange));
	j = h->day_first[7];
	ndates = 0;
	for (int k = 0; k < h->ndates; k++)
	{
		HoursDate  *d = &HOURS_DATES(c)[ndates];
		int			w = weekday_of(dates[k].date);
		int64		open = 0;

		if (date_redundant(h, k))
			continue;
		d->date = dates[k].date;
		d->first = j;
		d->count = dates[k].count;
		d->before = running;
		for (int i = 0; i < dates[k].count; i++)
		{
			HOURS_RANGES(c)[j++] = ranges[dates[k].first + i];
			open += (int64) (ranges[dates[k].first + i].end - ranges[dates[k].first + i].start) * USECS_PER_SEC;
		}
		running += open - (h->day_before[w + 1] - h->day_before[w]);
		ndates++;
	}
	c->dates_delta = running;
	memcpy(HOURS_TZNAME(c), HOURS_TZNAME(h), h->tzlen + 1);
	return c;
}

/*
 * Key the ranges of "open" parts by the rank of their date among the distinct
 * open dates, so that key order is date order (hours_build lays them out in
 * one pass) and two parts for one date add up.
 */
static void
order_open_keys(HoursParse *ps)
{
	DateADT    *uniq;
	int			n = 0;

	if (ps->nopened == 0)
		return;
	uniq = palloc(ps->nopened * sizeof(DateADT));
	memcpy(uniq, ps->opened, ps->nopened * sizeof(DateADT));
	qsort(uniq, ps->nopened, sizeof(DateADT), cmp_date);
	for (int i = 0; i < ps->nopened; i++)
		if (n == 0 || uniq[n - 1] != uniq[i])
			uniq[n++] = uniq[i];
	for (int i = 0; i < ps->nranges; i++)
		if (ps->ranges[i].key >= 7)
		{
			DateADT    *pos = bsearch(&ps->opened[ps->ranges[i].key - 7], uniq, n,
									  sizeof(DateADT), cmp_date);

			ps->ranges[i].key = 7 + (pos - uniq);
		}
	ps->opened = uniq;
	ps->nopened = n;
}

/* ---- text input ---------------------------------------------------------- */

static void
add_range(HoursParse *ps, int32 key, int32 start, int32 end)
{
	if (ps->nranges >= HOURS_MAX_RANGES)
		too_many("time ranges", HOURS_MAX_RANGES);
	if (ps->nranges == ps->maxranges)
	{
		ps->maxranges = Max(16, ps->maxranges * 2);
		ps->ranges = ps->ranges ? repalloc(ps->ranges, ps->maxranges * sizeof(ParsedRange))
			: palloc(ps->maxranges * sizeof(ParsedRange));
	}
	ps->ranges[ps->nranges].key = key;
	ps->ranges[ps->nranges].start = start;
	ps->ranges[ps->nranges].end = end;
	ps->nranges++;
}

static void
add_date(DateADT **arr, int *n, int *max, DateADT d)
{
	if (*n == *max)
	{
		*max = Max(16, *max * 2);
		*arr = *arr ? repalloc(*arr, *max * sizeof(DateADT)) : palloc(*max * sizeof(DateADT));
	}
	(*arr)[(*n)++] = d;
}

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* the word at *p (letters), lower-cased into buf; steps past it */
static int
read_word(const char **p, char *buf, int bufsize)
{
	int			n = 0;

	while (is_letter(**p))
	{
		if (n < bufsize - 1)
			buf[n] = (char) pg_ascii_tolower((unsigned char) **p);
		n++;
		(*p)++;
	}
	buf[Min(n, bufsize - 1)] = '\0';
	return n;
}

/* whether a word read by read_word (n letters, folded into word) names a day */
static bool
is_day_name(const char *word, int n)
{
	for (int d = 0; d < 7; d++)
		if (n == 3 && strcmp(word, day_names[d]) == 0)
			return true;
	return false;
}

static int
read_day(HoursParse *ps, const char **p)
{
	const char *at = *p;
	char		word[8];
	int			n = read_word(p, word, sizeof(word));

	if (n == 0)
		io_syntax_error(HOURS_TYPNAME, ps->input, "Expected a day name (mon, tue, ... sun) at \"%s\".", at);
	for (int d = 0; d < 7; d++)
		if (n == 3 && strcmp(word, day_names[d]) == 0)
			return d;
	io_syntax_error(HOURS_TYPNAME, ps->input,
					"Unknown day name \"%.*s\"; days are mon, tue, wed, thu, fri, sat, sun.", n, at);
}

/* HH:MM, 00:00 .. 24:00, in seconds */
static int32
read_time(HoursParse *ps, const char **p)
{
	const char *s = io_skip_blanks(*p);
	int			hh = 0,
				mm;
	int			nd = 0;

	while (is_digit(*s) && nd < 3)
	{
		hh = hh * 10 + (*s++ - '0');
		nd++;
	}
	if (nd == 0 || nd > 2 || *s != ':' || !is_digit(s[1]) || !is_digit(s[2]) || is_digit(s[3]))
		io_syntax_error(HOURS_TYPNAME, ps->input, "Expected a time like 09:00 at \"%s\".", io_skip_blanks(*p));
	mm = (s[1] - '0') * 10 + (s[2] - '0');
	if (mm > 59 || hh > 24 || (hh == 24 && mm != 0))
		io_syntax_error(HOURS_TYPNAME, ps->input, "Time %.5s is out of range (00:00 to 24:00).", io_skip_blanks(*p));
	*p = s + 3;
	return hh * 3600 + mm * 60;
}

/* YYYY-MM-DD only, so input does not depend on DateStyle */
static DateADT
read_date(HoursParse *ps, const char **p)
{
	const char *s = io_skip_blanks(*p);
	DateADT		d;

	for (int i = 0; i < 10; i++)
	{
		bool		ok = (i == 4 || i == 7) ? s[i] == '-' : is_digit(s[i]);

		if (!ok)
			io_syntax_error(HOURS_TYPNAME, ps->input, "Expected a date like 2026-12-24 at \"%s\".", s);
	}
	if (is_digit(s[10]))
		io_syntax_error(HOURS_TYPNAME, ps->input, "Expected a date like 2026-12-24 at \"%s\".", s);
	d = io_read_date(s, 10);
	*p = s + 10;
	return d;
}

/* ranges "HH:MM-HH:MM, ..." for key */
static void
read_ranges(HoursParse *ps, const char **p, int32 key)
{
	for (;;)
	{
		const char *at = io_skip_blanks(*p);
		int32		start = read_time(ps, p);
		int32		end;

		*p = io_skip_blanks(*p);
		if (**p != '-')
			io_syntax_error(HOURS_TYPNAME, ps->input, "Expected \"-\" and an end time at \"%s\".", *p);
		(*p)++;
		end = read_time(ps, p);
		if (end <= start)
			io_value_error(HOURS_TYPNAME, ps->input, "Range \"%.*s\" ends before it starts (a range cannot cross midnight: write it as two ranges on two days).",
							  (int) (*p - at), at);
		add_range(ps, key, start, end);
		*p = io_skip_blanks(*p);
		if (**p != ',')
			return;
		(*p)++;
	}
}

static void
read_zone(HoursParse *ps, const char **p)
{
	const char *s = io_skip_blanks(*p);
	const char *e = s;
	char	   *name;
	pg_tz	   *tz;
	bool		digits = false;

	while (*e && *e != ';' && !io_is_blank(*e))
	{
		if (is_digit(*e))
			digits = true;
		e++;
	}
	if (e == s)
		io_syntax_error(HOURS_TYPNAME, ps->input, "Expected a time zone name after \"tz\".");
	if (ps->have_tz)
		io_syntax_error(HOURS_TYPNAME, ps->input, "The time zone is given twice.");
	if (e - s > TZ_STRLEN_MAX)
		io_value_error(HOURS_TYPNAME, ps->input, "Time zone name \"%.*s...\" is too long.", 20, s);
	name = pnstrdup(s, e - s);

	/*
	 * pg_tzset also takes POSIX rule strings ("XYZ-3"); those are not zones of
	 * the tz database and would fix today's rules forever, so a name with a
	 * digit must be one of the few real zones that have one.
	 */
	tz = (name[0] == ':') ? NULL : pg_tzset(name);
	if (tz && digits)
	{
		static const char *const numbered[] = {"EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
		"GMT0", "GMT+0", "GMT-0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0"};
		bool		known = false;

		for (int i = 0; i < (int) lengthof(numbered); i++)
			if (pg_strcasecmp(name, numbered[i]) == 0)
				known = true;
		if (!known && pg_strncasecmp(name, "Etc/GMT", 7) == 0 &&
			(name[7] == '+' || name[7] == '-'))
		{
			char	   *end;
			long		n = strtol(name + 8, &end, 10);

			known = *end == '\0' && is_digit(name[8]) &&
				(name[7] == '+' ? n <= 12 : n <= 14);
		}
		if (!known)
			tz = NULL;
	}
	if (tz == NULL || !pg_tz_acceptable(tz))
		io_value_error(HOURS_TYPNAME, ps->input, "Unknown time zone \"%s\" (use a name of the tz database, such as Europe/Berlin).", name);

	/*
	 * Names that stand for the server's own settings rather than a place: a
	 * calendar (and the IMMUTABLE functions on it) must not change when the
	 * server's system time zone does.
	 */
	{
		static const char *const system_zones[] = {"localtime", "posixrules", "Factory"};

		for (int i = 0; i < (int) lengthof(system_zones); i++)
			if (pg_strcasecmp(name, system_zones[i]) == 0 ||
				pg_strcasecmp(pg_get_timezone_name(tz), system_zones[i]) == 0)
				io_value_error(HOURS_TYPNAME, ps->input, "Time zone \"%s\" follows the server's system settings, not a place (use a name of the tz database, such as Europe/Berlin).", name);
	}
	ps->tzname = pstrdup(pg_get_timezone_name(tz));
	ps->have_tz = true;
	*p = e;
}

/*
 * The text form, read clause by clause ("24/7", "tz ...", "closed ...",
 * "open ...", "mon-fri 09:00-17:00, ...") into a HoursParse for
 * hours_build().  Long on purpose (about 120 lines): it is the grammar of
 * doc/hours.md read top to bottom, one case per clause, each a few lines
 * over the same parse state.
 */
static BusinessHours *
hours_parse(const char *input)
{
	HoursParse	ps;
	const char *p = io_skip_blanks(input);

	memset(&ps, 0, sizeof(ps));
	ps.input = input;
	ps.tzname = "UTC";

	while (*p)
	{
		const char *part = p;
		char		word[8];
		int			n;

		if (*p == ';')
			io_syntax_error(HOURS_TYPNAME, input, "Empty part at \"%s\".", p);
		if (strncmp(p, "24/7", 4) == 0)
		{
			p += 4;
			for (int d = 0; d < 7; d++)
				add_range(&ps, d, 0, SECS_OF_DAY);
		}
		else
		{
			const char *q = p;

			n = read_word(&q, word, sizeof(word));
			if (n == 2 && strcmp(word, "tz") == 0)
			{
				p = q;
				read_zone(&ps, &p);
			}
			else if (n == 6 && strcmp(word, "closed") == 0)
			{
				p = q;
				for (;;)
				{
					if (ps.nclosed + ps.nopened >= HOURS_MAX_DATES)
						too_many("dates", HOURS_MAX_DATES);
					add_date(&ps.closed, &ps.nclosed, &ps.maxclosed, read_date(&ps, &p));
					p = io_skip_blanks(p);
					if (*p != ',')
						break;
					p++;
				}
			}
			else if (n == 4 && strcmp(word, "open") == 0)
			{
				p = q;
				if (ps.nclosed + ps.nopened >= HOURS_MAX_DATES)
					too_many("dates", HOURS_MAX_DATES);
				add_date(&ps.opened, &ps.nopened, &ps.maxopened, read_date(&ps, &p));
				read_ranges(&ps, &p, 7 + ps.nopened - 1);
			}
			else
			{
				/* days "mon-fri, sun", then ranges */
				bool		days[7] = {false};
				int			first_key = -1;

				if (n == 0)
					io_syntax_error(HOURS_TYPNAME, input,
									"Expected days (mon-fri), 24/7, tz, closed or open at \"%s\".", p);
				if (!is_day_name(word, n))
					io_syntax_error_hint(HOURS_TYPNAME, input,
										 "A part starts with days (mon, tue, wed, thu, fri, sat, sun), 24/7, or one of the keywords closed, open and tz.",
										 "Unknown day or keyword \"%.*s\".", n, p);
				for (;;)
				{
					int			d1 = read_day(&ps, &p),
								d2 = d1;
					const char *s = io_skip_blanks(p);

					/* blanks are free around "-" and "," too: "mon - fri", "mon , tue" */
					if (*s == '-' && is_letter(*io_skip_blanks(s + 1)))
					{
						p = io_skip_blanks(s + 1);
						d2 = read_day(&ps, &p);
						s = io_skip_blanks(p);
					}
					for (int d = d1;; d = (d + 1) % 7)
					{
						days[d] = true;
						if (d == d2)
							break;
					}
					if (*s != ',')
						break;
					p = io_skip_blanks(s + 1);
				}
				if (!io_is_blank(*p))
					io_syntax_error(HOURS_TYPNAME, input,
									"Expected a blank and time ranges after the days at \"%s\".", p);
				/* read the ranges once, for the first day, then copy them */
				{
					int			from = ps.nranges;
					int			to;

					while (!days[++first_key])
						;
					read_ranges(&ps, &p, first_key);
					to = ps.nranges;
					for (int d = first_key + 1; d < 7; d++)
						if (days[d])
							for (int i = from; i < to; i++)
								add_range(&ps, d, ps.ranges[i].start, ps.ranges[i].end);
				}
			}
		}
		p = io_skip_blanks(p);
		if (*p == ';')
		{
			p = io_skip_blanks(p + 1);
			if (*p == '\0')
				io_syntax_error(HOURS_TYPNAME, input, "Empty part after the last \";\".");
		}
		else if (*p != '\0')
			io_syntax_error(HOURS_TYPNAME, input, "Expected \";\" before \"%s\" (after \"%.*s\").",
							p, (int) (p - part), part);
	}
	order_open_keys(&ps);
	return hours_build(&ps);
}

/* ---- text output --------------------------------------------------------- */

static void
append_ranges(StringInfo out, const HoursRange *r, int n)
{
	char		b1[6],
				b2[6];

	for (int i = 0; i < n; i++)
		appendStringInfo(out, "%s%s-%s", i ? ", " : "",
						 time_text(r[i].start, b1), time_text(r[i].end, b2));
}

static bool
same_ranges(const HoursRange *a, int na, const HoursRange *b, int nb)
{
	return na == nb && memcmp(a, b, na * sizeof(HoursRange)) == 0;
}

static char *
hours_text(const BusinessHours *h)
{
	StringInfoData out;
	const HoursRange *ranges = HOURS_RANGES(h);
	const HoursDate *dates = HOURS_DATES(h);
	bool		done[7] = {false};
	bool		all_day = true;
	int			nclosed = 0;

	initStringInfo(&out);
	for (int d = 0; d < 7; d++)
		if (h->day_first[d + 1] - h->day_first[d] != 1 ||
			ranges[h->day_first[d]].start != 0 ||
			ranges[h->day_first[d]].end != SECS_OF_DAY)
			all_day = false;
	if (all_day)
		appendStringInfoString(&out, "24/7; ");
	else
		for (int d = 0; d < 7; d++)
		{
			const HoursRange *r = ranges + h->day_first[d];
			int			n = h->day_first[d + 1] - h->day_first[d];
			bool		in[7] = {false};
			bool		first = true;

			if (done[d] || n == 0)
				continue;
			/* every weekday with the same ranges, written as runs */
			for (int e = d; e < 7; e++)
				if (!done[e] && same_ranges(r, n, ranges + h->day_first[e],
											h->day_first[e + 1] - h->day_first[e]))
					in[e] = done[e] = true;
			for (int e = 0; e < 7; e++)
			{
				int			f = e;

				if (!in[e])
					continue;
				while (f + 1 < 7 && in[f + 1])
					f++;
				appendStringInfo(&out, "%s%s", first ? "" : ",", day_names[e]);
				if (f > e)
					appendStringInfo(&out, "-%s", day_names[f]);
				first = false;
				e = f;
			}
			appendStringInfoChar(&out, ' ');
			append_ranges(&out, r, n);
			appendStringInfoString(&out, "; ");
		}
	appendStringInfo(&out, "tz %s", HOURS_TZNAME(h));
	for (int i = 0; i < h->ndates; i++)
		if (dates[i].count == 0)
			appendStringInfo(&out, "%s%s", nclosed++ ? ", " : "; closed ", date_text(dates[i].date));
	for (int i = 0; i < h->ndates; i++)
		if (dates[i].count > 0)
		{
			appendStringInfo(&out, "; open %s ", date_text(dates[i].date));
			append_ranges(&out, ranges + dates[i].first, dates[i].count);
		}
	return out.data;
}

/* ---- reading a stored value ---------------------------------------------- */

static BusinessHours *
hours_get(Datum d)
{
	BusinessHours *h = (BusinessHours *) PG_DETOAST_DATUM(d);

	if (h->version != INTERACTION_FORMAT_VERSION || h->ndates < 0 || h->nranges < 0 ||
		h->ndates > HOURS_MAX_DATES || h->nranges > HOURS_MAX_RANGES ||
		VARSIZE(h) != HOURS_SIZE(h->ndates, h->nranges, h->tzlen) ||
		HOURS_TZNAME(h)[h->tzlen] != '\0')
		io_corrupt_value(HOURS_TYPNAME, "Format version %d, %d dates, %d ranges in %u bytes.",
						 h->version, h->ndates, h->nranges, (unsigned) VARSIZE(h));
	return hours_canonical(h);
}

#define PG_GETARG_HOURS(n)	hours_get(PG_GETARG_DATUM(n))

PG_FUNCTION_INFO_V1(business_hours_in);
Datum
business_hours_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hours_parse(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(business_hours_out);
Datum
business_hours_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(hours_text(PG_GETARG_HOURS(0)));
}

/* ranges as a jsonb array of ["HH:MM", "HH:MM"] pairs */
static Jsonb *
ranges_jsonb(const HoursRange *r, int n)
{
	JsonField  *pairs = palloc(Max(n, 1) * sizeof(JsonField));

	for (int i = 0; i < n; i++)
	{
		char		start[6],
					end[6];
		JsonField	pair[] = {
			JSON_FIELD_TEXT(NULL, pstrdup(time_text(r[i].start, start))),
			JSON_FIELD_TEXT(NULL, pstrdup(time_text(r[i].end, end))),
		};

		pairs[i] = JSON_FIELD_NESTED(NULL, kit_json_array(pair, lengthof(pair)));
	}
	return kit_json_array(pairs, n);
}

/*
 * business_hours::jsonb: {"tz", "week": {"mon": ranges, ..., "sun": ranges},
 * "closed": [dates], "open": {date: ranges}}, ranges as ["08:00", "18:00"]
 * pairs, dates in ISO form
 */
PG_FUNCTION_INFO_V1(business_hours_jsonb);
Datum
business_hours_jsonb(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	const HoursRange *ranges = HOURS_RANGES(h);
	const HoursDate *dates = HOURS_DATES(h);
	JsonField	week[7];
	JsonField  *closed = palloc(Max(h->ndates, 1) * sizeof(JsonField));
	JsonField  *open = palloc(Max(h->ndates, 1) * sizeof(JsonField));
	int			nclosed = 0,
				nopen = 0;

	for (int d = 0; d < 7; d++)
		week[d] = JSON_FIELD_NESTED(day_names[d], ranges_jsonb(ranges + h->day_first[d],
															   h->day_first[d + 1] - h->day_first[d]));
	for (int i = 0; i < h->ndates; i++)
	{
		if (dates[i].count == 0)
			closed[nclosed++] = JSON_FIELD_TEXT(NULL, date_text(dates[i].date));
		else
			open[nopen++] = JSON_FIELD_NESTED(date_text(dates[i].date),
											  ranges_jsonb(ranges + dates[i].first, dates[i].count));
	}
	{
		JsonField	fields[] = {
			JSON_FIELD_TEXT("tz", HOURS_TZNAME(h)),
			JSON_FIELD_NESTED("week", kit_json_object(week, 7)),
			JSON_FIELD_NESTED("closed", kit_json_array(closed, nclosed)),
			JSON_FIELD_NESTED("open", kit_json_object(open, nopen)),
		};

		PG_RETURN_POINTER(kit_json_object(fields, lengthof(fields)));
	}
}

PG_FUNCTION_INFO_V1(business_hours_recv);
Datum
business_hours_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	char	   *text;
	int			nbytes;

	io_check_version(buf, HOURS_TYPNAME);
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	if (strlen(text) != (size_t) nbytes)
		io_binary_error(HOURS_TYPNAME, "The text form contains a zero byte.");
	PG_RETURN_POINTER(hours_parse(text));
}

PG_FUNCTION_INFO_V1(business_hours_send);
Datum
business_hours_send(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	StringInfoData buf;
	char	   *text = hours_text(h);

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- the local time line ------------------------------------------------- */

/* the ranges in force on local day `day` (an exception date's or the weekly) */
static const HoursRange *
day_ranges(const BusinessHours *h, int64 day, int *n, int *date_index)
{
	const HoursDate *dates = HOURS_DATES(h);
	int			lo = 0,
				hi = h->ndates;

	/* first exception date >= day */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (dates[mid].date < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (date_index)
		*date_index = lo;
	if (lo < h->ndates && dates[lo].date == day)
	{
		*n = dates[lo].count;
		return HOURS_RANGES(h) + dates[lo].first;
	}
	else
	{
		int			w = weekday_of(day);

		*n = h->day_first[w + 1] - h->day_first[w];
		return HOURS_RANGES(h) + h->day_first[w];
	}
}

/* open time of ranges r[0..n) before the time of day tod (usec) */
static int64
ranges_before(const HoursRange *r, int n, int64 tod)
{
	int64		sum = 0;

	for (int i = 0; i < n; i++)
	{
		int64		s = (int64) r[i].start * USECS_PER_SEC;

		if (tod <= s)
			break;
		sum += Min(tod, (int64) r[i].end * USECS_PER_SEC) - s;
	}
	return sum;
}

/* the time of day at which r[0..n) has been open for `open` usec (0 < open <= total) */
static int64
ranges_at(const HoursRange *r, int n, int64 open)
{
	for (int i = 0; i < n; i++)
	{
		int64		len = (int64) (r[i].end - r[i].start) * USECS_PER_SEC;

		if (open <= len)
			return (int64) r[i].start * USECS_PER_SEC + open;
		open -= len;
	}
	return (int64) r[n - 1].end * USECS_PER_SEC;
}

/* weekly open time from the epoch Monday to the start of local day `day` */
static int64
weekly_before_day(const BusinessHours *h, int64 day)
{
	int64		week = floor_div(day + EPOCH_WEEKDAY, 7);
	int64		r;

	if (pg_mul_s64_overflow(week, h->day_before[7], &r))
		out_of_range();
	return add_checked(r, h->day_before[weekday_of(day)]);
}

/*
 * F(x): open time of the local time line from the epoch Monday to the local
 * timestamp x (usec; negative before).  Only differences of F mean anything.
 */
static int64
open_before(const BusinessHours *h, Timestamp x)
{
	int64		day = floor_div(x, USECS_PER_DAY);
	int64		tod = x - day * USECS_PER_DAY;
	int			k;
	int			n;
	const HoursRange *r = day_ranges(h, day, &n, &k);
	int64		f = weekly_before_day(h, day);

	/* r: the day's own ranges, an exception date's or the weekday's */
	f = add_checked(f, (k < h->ndates) ? HOURS_DATES(h)[k].before : h->dates_delta);
	return add_checked(f, ranges_before(r, n, tod));
}

/* F at the start of exception date k, and at its end */
static int64
date_start(const BusinessHours *h, int k)
{
	return add_checked(weekly_before_day(h, HOURS_DATES(h)[k].date), HOURS_DATES(h)[k].before);
}

static int64
date_end(const BusinessHours *h, int k)
{
	int64		after = (k + 1 < h->ndates) ? HOURS_DATES(h)[k + 1].before : h->dates_delta;

	return add_checked(weekly_before_day(h, HOURS_DATES(h)[k].date + 1), after);
}

/* the local timestamp at time of day tod (usec) of local day `day` */
static Timestamp
local_at(int64 day, int64 tod)
{
	/* beyond the timestamp range by more than a day: no instant can map here */
	if (day < -(END_TIMESTAMP / USECS_PER_DAY) - 2 || day > END_TIMESTAMP / USECS_PER_DAY + 2)
		out_of_range();
	return day * USECS_PER_DAY + tod;
}

/*
 * The inverse of F: the least local x with F(x) >= v.  False when the
 * calendar is never open long enough (no weekly hours, exceptions used up).
 */
static bool
open_until(const BusinessHours *h, int64 v, Timestamp *x)
{
	const HoursDate *dates = HOURS_DATES(h);
	int			lo = 0,
				hi = h->ndates;
	int64		u,
				week,
				r,
				day;
	int			w;
	int64		weekly = h->day_before[7];

	/* the first exception date by whose end v is reached */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (date_end(h, mid) < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < h->ndates && date_start(h, lo) < v)
	{
		*x = local_at(dates[lo].date,
					  ranges_at(HOURS_RANGES(h) + dates[lo].first, dates[lo].count,
								v - date_start(h, lo)));
		return true;
	}
	/* between exception dates the weekly hours run, shifted by a constant */
	if (weekly == 0)
		return false;
	u = v - ((lo < h->ndates) ? dates[lo].before : h->dates_delta);
	week = floor_div(u - 1, weekly);
	r = u - week * weekly;		/* in (0, weekly] */
	/* the weekday w with day_before[w] < r <= day_before[w + 1] */
	for (w = 0; w < 6 && h->day_before[w + 1] < r; w++)
		;
	day = week * 7 + w - EPOCH_WEEKDAY;
	*x = local_at(day, ranges_at(HOURS_RANGES(h) + h->day_first[w],
								 h->day_first[w + 1] - h->day_first[w], r - h->day_before[w]));
	return true;
}

/*
 * The least local y >= x that is closed; false when the calendar never closes
 * after x (24/7 with no exception date ahead).
 */
static bool
closed_from(const BusinessHours *h, Timestamp x, Timestamp *y)
{
	int64		day = floor_div(x, USECS_PER_DAY);
	int64		tod = x - day * USECS_PER_DAY;
	bool		all_week = h->day_before[7] == 7 * USECS_PER_DAY;

	for (;;)
	{
		int			n,
					k;
		const HoursRange *r = day_ranges(h, day, &n, &k);
		int			i;

		CHECK_FOR_INTERRUPTS();
		for (i = 0; i < n; i++)
			if (tod < (int64) r[i].end * USECS_PER_SEC)
				break;
		if (i == n || tod < (int64) r[i].start * USECS_PER_SEC)
		{
			*y = day * USECS_PER_DAY + tod;
			return true;
		}
		if (r[i].end < SECS_OF_DAY)
		{
			*y = day * USECS_PER_DAY + (int64) r[i].end * USECS_PER_SEC;
			return true;
		}
		/* open to midnight: go on with the next day */
		tod = 0;
		if (all_week)
		{
			/* only an exception date can close it: jump to the next one */
			if (k < h->ndates && HOURS_DATES(h)[k].date == day)
				k++;
			if (k >= h->ndates)
				return false;
			day = Max(day + 1, HOURS_DATES(h)[k].date);
		}
		else
			day++;
		if (day > (END_TIMESTAMP / USECS_PER_DAY) + 1)
			return false;
	}
}

/* ---- instants and the zone ----------------------------------------------- */

/* cached per call site: the zone of the last calendar seen */
typedef struct ZoneCache
{
	pg_tz	   *tz;
	char		name[TZ_STRLEN_MAX + 1];
} ZoneCache;

static pg_tz *
hours_zone(FunctionCallInfo fcinfo, const BusinessHours *h)
{
	ZoneCache  *c = fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ZoneCache));
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->tz == NULL || strcmp(c->name, HOURS_TZNAME(h)) != 0)
	{
		c->tz = pg_tzset(HOURS_TZNAME(h));
		if (c->tz == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" of a business_hours value is not known to this server",
							HOURS_TZNAME(h))));
		strlcpy(c->name, HOURS_TZNAME(h), sizeof(c->name));
	}
	return c->tz;
}

#define UNIX_EPOCH_SECS	((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)

/*
 * The UTC offset (usec, local = t + offset) in force at instant t, and the
 * next instant after t at which it changes (PG_INT64_MAX: never).
 */
static void
zone_stretch(pg_tz *tz, TimestampTz t, int64 *offset, TimestampTz *until)
{
	pg_time_t	secs = floor_div(t, USECS_PER_SEC) + UNIX_EPOCH_SECS;
	long int	before,
				after;
	int			before_dst,
				after_dst;
	pg_time_t	boundary;
	int			res;

	res = pg_next_dst_boundary(&secs, &before, &before_dst, &boundary,
							   &after, &after_dst, tz);
	if (res < 0)
		out_of_range();
	*offset = (int64) before * USECS_PER_SEC;
	if (res == 0 || boundary - UNIX_EPOCH_SECS > END_TIMESTAMP / USECS_PER_SEC)
		*until = PG_INT64_MAX;
	else
		*until = (boundary - UNIX_EPOCH_SECS) * USECS_PER_SEC;
}

static void
check_finite(TimestampTz t)
{
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("business hours need finite timestamps")));
}

/* working time in [from, to), from <= to */
static int64
worked(const BusinessHours *h, pg_tz *tz, TimestampTz from, TimestampTz to)
{
	int64		total = 0;
	TimestampTz t = from;

	while (t < to)
	{
		int64		off;
		TimestampTz until,
					e;

		/* two stretches a year in most zones: long spans take long */
		CHECK_FOR_INTERRUPTS();
		zone_stretch(tz, t, &off, &until);
		e = Min(until, to);
		total = add_checked(total, sub_checked(open_before(h, e + off),
											   open_before(h, t + off)));
		t = e;
	}
	return total;
}

static TimestampTz
checked_instant(Timestamp local, int64 off)
{
	TimestampTz t = local - off;

	if (!IS_VALID_TIMESTAMP(t))
		out_of_range();
	return t;
}

/* the least local y >= x that is open; false when it never opens after x */
static bool
open_from(const BusinessHours *h, Timestamp x, Timestamp *y)
{
	/* F rises right after the opening: one usec of work ends there */
	if (!open_until(h, add_checked(open_before(h, x), 1), y))
		return false;
	(*y)--;
	return true;
}

/*
 * Could an exception date still come up in local time from instant u on?  A
 * later stretch of constant offset may repeat local times (a fall-back hour),
 * so a search that found nothing from one local time on may still succeed in
 * the next stretch, but only on exception dates (the weekly hours never run
 * out) and only while local time, within a day of UTC, can reach one.
 */
static bool
dates_ahead(const BusinessHours *h, TimestampTz u)
{
	return h->ndates > 0 &&
		u - USECS_PER_DAY < ((int64) HOURS_DATES(h)[h->ndates - 1].date + 1) * USECS_PER_DAY;
}

/*
 * The first instant at or after t whose local time satisfies `find` (which
 * gives the least such local time from a local time on), walking the stretches
 * of constant UTC offset; false when there is none.  A stretch where nothing
 * is found does not end the walk while a later one may repeat local times.
 */
static bool
first_instant(const BusinessHours *h, pg_tz *tz, TimestampTz t,
			  bool (*find) (const BusinessHours *, Timestamp, Timestamp *),
			  TimestampTz *result)
{
	for (;;)
	{
		int64		off;
		TimestampTz until;
		Timestamp	y;

		CHECK_FOR_INTERRUPTS();
		zone_stretch(tz, t, &off, &until);
		if (!find(h, t + off, &y))
		{
			if (until == PG_INT64_MAX || !dates_ahead(h, until))
				return false;
		}
		else if (until == PG_INT64_MAX || y - off < until)
		{
			*result = checked_instant(y, off);
			return true;
		}
		t = until;
	}
}

/* ---- SQL functions ------------------------------------------------------- */

PG_FUNCTION_INFO_V1(business_time);
Datum
business_time(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	TimestampTz from = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz to = PG_GETARG_TIMESTAMPTZ(2);
	pg_tz	   *tz = hours_zone(fcinfo, h);
	Interval   *result = palloc0(sizeof(Interval));

	check_finite(from);
	check_finite(to);
	if (from <= to)
		result->time = worked(h, tz, from, to);
	else
		result->time = -worked(h, tz, to, from);
	PG_RETURN_INTERVAL_P(result);
}

PG_FUNCTION_INFO_V1(business_add);
Datum
business_add(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz start = t;
	Interval   *work = PG_GETARG_INTERVAL_P(2);
	pg_tz	   *tz = hours_zone(fcinfo, h);
	int64		left;

	check_finite(t);
	left = kit_working_time(work, "working time");

	for (;;)
	{
		int64		off;
		TimestampTz until;
		Timestamp	y;
		int64		fx,
					v;
		bool		found;

		CHECK_FOR_INTERRUPTS();
		/* no work: the next opening, the first instant work could start */
		if (left == 0)
			found = first_instant(h, tz, t, open_from, &until);
		else
		{
			zone_stretch(tz, t, &off, &until);
			fx = open_before(h, t + off);
			if (pg_add_s64_overflow(fx, left, &v))
				out_of_range();
			found = open_until(h, v, &y);
			/* done within this stretch of constant offset? */
			if (found && (until == PG_INT64_MAX || y - off <= until))
				PG_RETURN_TIMESTAMPTZ(checked_instant(y, off));
		}
		/* not within this stretch: the next may repeat local times */
		if (!found && (left == 0 || until == PG_INT64_MAX || !dates_ahead(h, until)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("business hours are never open long enough"),
					 errdetail("The calendar \"%s\" has no working time left after %s.",
							   hours_text(h),
							   DatumGetCString(DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(start))))));
		if (left == 0)
			PG_RETURN_TIMESTAMPTZ(until);
		left -= sub_checked(open_before(h, until + off), fx);
		t = until;
	}
}

PG_FUNCTION_INFO_V1(business_is_open);
Datum
business_is_open(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	pg_tz	   *tz = hours_zone(fcinfo, h);
	int64		off;
	TimestampTz until;
	Timestamp	y;

	check_finite(t);
	zone_stretch(tz, t, &off, &until);
	/* open unless the first closed local time from here on is now */
	PG_RETURN_BOOL(!closed_from(h, t + off, &y) || y != t + off);
}

PG_FUNCTION_INFO_V1(business_next_open);
Datum
business_next_open(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz result;

	check_finite(t);
	if (!first_instant(h, hours_zone(fcinfo, h), t, open_from, &result))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(result);
}

PG_FUNCTION_INFO_V1(business_next_close);
Datum
business_next_close(PG_FUNCTION_ARGS)
{
	BusinessHours *h = PG_GETARG_HOURS(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz result;

	check_finite(t);
	if (!first_instant(h, hours_zone(fcinfo, h), t, closed_from, &result))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(result);
}

/* ---- equality ------------------------------------------------------------ */

/* a value is canonical (one layout per calendar, reserved fields zero) */
KIT_BYTEWISE_EQUALITY(business_hours, PG_GETARG_HOURS)

/* ---- for other C files (hours.h) ------------------------------------------ */

struct BusinessHours *
hours_from_datum(Datum d)
{
	return hours_get(d);
}

pg_tz *
hours_find_zone(const struct BusinessHours *h)
{
	pg_tz	   *tz = pg_tzset(HOURS_TZNAME(h));

	if (tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" of a business_hours value is not known to this server",
						HOURS_TZNAME(h))));
	return tz;
}

int64
hours_worked(const struct BusinessHours *h, pg_tz *tz, TimestampTz from, TimestampTz to)
{
	check_finite(from);
	check_finite(to);
	Assert(from <= to);
	return worked(h, tz, from, to);
}
