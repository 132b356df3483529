/*-------------------------------------------------------------------------
 *
 * json.c
 *	  The one builder of the casts to jsonb: a structured type fills a table
 *	  of fields and gets a jsonb object (or array) of them.
 *
 * src/json.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* push one field's value (as WJB_VALUE in an object, WJB_ELEM in an array) */
static void
json_push_value(JsonbParseState **state, JsonbIteratorToken token, const JsonField *f)
{
	JsonbValue	v;
	char		buf[MAXDATELEN + 1];

	switch (f->kind)
	{
		case JSON_INT:
			v.type = jbvNumeric;
			v.val.numeric = int64_to_numeric(f->i);
			break;
		case JSON_SECONDS:
			v.type = jbvNumeric;
			v.val.numeric = int64_div_fast_to_numeric(f->i, 6);
			/* the shortest exact form: 20.000000 is 20, 1.500000 is 1.5 */
			v.val.numeric = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
																NumericGetDatum(v.val.numeric)));
			break;
		case JSON_FLOAT:
			if (isfinite(f->f))
			{
				v.type = jbvNumeric;
				v.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric,
																	Float8GetDatum(f->f)));
			}
			else
				v.type = jbvNull;
			break;
		case JSON_TIME:
			v.type = jbvString;
			if (!io_timestamptz_text((TimestampTz) f->i, buf))
				v.type = jbvNull;
			else
			{
				v.val.string.val = pstrdup(buf);
				v.val.string.len = strlen(buf);
			}
			break;
		case JSON_TEXT:
			v.type = jbvString;
			v.val.string.val = (char *) f->s;
			v.val.string.len = strlen(f->s);
			break;
		case JSON_BOOL:
			v.type = jbvBool;
			v.val.boolean = f->b;
			break;
		case JSON_NESTED:
			v.type = jbvBinary;
			v.val.binary.data = &f->j->root;
			v.val.binary.len = VARSIZE(f->j) - VARHDRSZ;
			break;
		case JSON_NULL:
		default:
			v.type = jbvNull;
			break;
	}
	pushJsonbValue(state, token, &v);
}

/* an object of the fields (object true) or an array of their values */
static Jsonb *
json_build(const JsonField *fields, int nfields, bool object)
{
	JsonbParseState *state = NULL;
	JsonbValue *result;

	pushJsonbValue(&state, object ? WJB_BEGIN_OBJECT : WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < nfields; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (object)
		{
			JsonbValue	key;

			key.type = jbvString;
			key.val.string.val = (char *) fields[i].key;
			key.val.string.len = strlen(fields[i].key);
			pushJsonbValue(&state, WJB_KEY, &key);
		}
		json_push_value(&state, object ? WJB_VALUE : WJB_ELEM, &fields[i]);
	}
	result = pushJsonbValue(&state, object ? WJB_END_OBJECT : WJB_END_ARRAY, NULL);
	return JsonbValueToJsonb(result);
}

Jsonb *
kit_json_object(const JsonField *fields, int nfields)
{
	return json_build(fields, nfields, true);
}

Jsonb *
kit_json_array(const JsonField *fields, int nfields)
{
	return json_build(fields, nfields, false);
}
