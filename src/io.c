/*-------------------------------------------------------------------------
 *
 * io.c
 *	  The input/output kit every type of the extension uses: one blank rule,
 *	  one integer reader, core's timestamp and date input, and one report per
 *	  kind of fault, so the same fault has the same SQLSTATE in every type.
 *
 * src/io.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/float.h"

/* format the variadic arguments of the calling function into buf (an array) */
#define IO_FORMAT(buf, fmt) \
	do { \
		va_list		args; \
		va_start(args, fmt); \
		vsnprintf(buf, sizeof(buf), fmt, args); \
		va_end(args); \
	} while (0)

bool
io_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char *
io_skip_blanks(const char *p)
{
	while (io_is_blank(*p))
		p++;
	return p;
}

void
io_syntax_error(const char *typname, const char *input, const char *detail_fmt,...)
{
	char		detail[1024];

	IO_FORMAT(detail, detail_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", detail)));
	pg_unreachable();
}

void
io_syntax_error_hint(const char *typname, const char *input, const char *hint,
					 const char *detail_fmt,...)
{
	char		detail[1024];

	IO_FORMAT(detail, detail_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", detail),
			 errhint("%s", hint)));
	pg_unreachable();
}

void
io_unknown_label(const char *typname, const char *input, const char *hint_fmt,...)
{
	char		hint[1024];

	IO_FORMAT(hint, hint_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input value for %s: \"%s\"", typname, input),
			 errhint("%s", hint)));
	pg_unreachable();
}

void
io_range_error(const char *typname, const char *input, const char *detail_fmt,...)
{
	char		detail[1024];

	IO_FORMAT(detail, detail_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value \"%s\" is out of range for type %s", input, typname),
			 errdetail_internal("%s", detail)));
	pg_unreachable();
}

int64
io_read_int64(const char **p, int64 min, int64 max, const char *what,
			  const char *typname, const char *input)
{
	const char *s = io_skip_blanks(*p);
	const char *digits;
	bool		negative = false;
	uint64		magnitude = 0;
	bool		overflow = false;

	if (*s == '+' || *s == '-')
		negative = (*s++ == '-');
	digits = s;
	while (*s >= '0' && *s <= '9')
	{
		int			d = *s - '0';

		if (magnitude > (PG_UINT64_MAX - d) / 10)
			overflow = true;
		else
			magnitude = magnitude * 10 + d;
		s++;
	}
	if (s == digits)
		io_syntax_error(typname, input, "Expected an integer for %s at \"%s\".", what, *p);

	if (!overflow)
	{
		if (negative)
		{
			if (magnitude <= (uint64) PG_INT64_MAX + 1)
			{
				int64		v = (magnitude == (uint64) PG_INT64_MAX + 1) ?
					PG_INT64_MIN : -(int64) magnitude;

				if (v >= min && v <= max)
				{
					*p = s;
					return v;
				}
			}
		}
		else if (magnitude <= (uint64) PG_INT64_MAX && (int64) magnitude >= min &&
				 (int64) magnitude <= max)
		{
			*p = s;
			return (int64) magnitude;
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %.*s is out of range for type %s", what, (int) (s - *p), *p, typname),
			 errdetail("It must be between " INT64_FORMAT " and " INT64_FORMAT ".", min, max)));
	pg_unreachable();
}

float8
io_read_float8(const char **p, const char *typname, const char *input)
{
	char	   *end;
	float8		v;

	/* core's float8 input: 22P02 for syntax, 22003 out of range */
	v = compat_float8in((char *) io_skip_blanks(*p), &end, typname, input);
	*p = end;
	return v + 0.0;				/* no negative zero */
}

TimestampTz
io_read_timestamptz(const char *str, int len)
{
	char	   *copy = pnstrdup(str, len);
	TimestampTz result;

	result = DatumGetTimestampTz(DirectFunctionCall3(timestamptz_in,
													 CStringGetDatum(copy),
													 ObjectIdGetDatum(InvalidOid),
													 Int32GetDatum(-1)));
	pfree(copy);
	return result;
}

/*
 * The text of a timestamptz that does not depend on the session: ISO, in UTC
 * ("2026-01-01 10:00:00+00"), read back by io_read_timestamptz under any
 * DateStyle and TimeZone.  buf has room for MAXDATELEN + 1 bytes.  False when
 * at is not a valid timestamp (a corrupt value).
 */
bool
io_timestamptz_text(TimestampTz at, char *buf)
{
	struct pg_tm tm;
	fsec_t		fsec;

	if (TIMESTAMP_NOT_FINITE(at))
	{
		EncodeSpecialTimestamp(at, buf);
		return true;
	}
	if (timestamp2tm(at, NULL, &tm, &fsec, NULL, NULL) != 0)
		return false;
	tm.tm_isdst = 0;			/* UTC: print the "+00" that tm_isdst < 0 would suppress */
	EncodeDateTime(&tm, fsec, true, 0, NULL, USE_ISO_DATES, buf);
	return true;
}

DateADT
io_read_date(const char *str, int len)
{
	char	   *copy = pnstrdup(str, len);
	DateADT		result;

	result = DatumGetDateADT(DirectFunctionCall1(date_in, CStringGetDatum(copy)));
	pfree(copy);
	return result;
}

void
io_binary_error(const char *typname, const char *detail_fmt,...)
{
	char		detail[1024];

	IO_FORMAT(detail, detail_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary data for type %s", typname),
			 errdetail_internal("%s", detail)));
	pg_unreachable();
}

void
io_check_version(StringInfo buf, const char *typname)
{
	int			version;

	if (buf->cursor >= buf->len)
		io_binary_error(typname, "The value is empty; it must start with a format version byte.");
	version = pq_getmsgbyte(buf);
	if (version != INTERACTION_FORMAT_VERSION)
		io_binary_error(typname, "Unknown format version %d (this build reads version %d).",
						version, INTERACTION_FORMAT_VERSION);
}

void
io_check_end(StringInfo buf, const char *typname)
{
	if (buf->cursor != buf->len)
		io_binary_error(typname, "%d bytes are left over after the value.",
						buf->len - buf->cursor);
}

void
io_corrupt_value(const char *typname, const char *detail_fmt,...)
{
	char		detail[1024];

	IO_FORMAT(detail, detail_fmt);
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt value of type %s", typname),
			 errdetail_internal("%s", detail)));
	pg_unreachable();
}

void
io_value_error(const char *typname, const char *input, const char *detail_fmt,...)
{
	char		detail[1024];
	va_list		args;

	va_start(args, detail_fmt);
	vsnprintf(detail, sizeof(detail), detail_fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", detail)));
	pg_unreachable();
}
