/*-------------------------------------------------------------------------
 *
 * funnel_retention.c
 *	  retention(cond1, cond2, ...): which conditions a group met, each of
 *	  the later ones gated by the first, as ClickHouse's retention.
 *
 * src/funnel_retention.c
 *
 *-------------------------------------------------------------------------
 */
#include "funnel.h"

#include "catalog/pg_type.h"

/* ---- retention --------------------------------------------------------------
 *
 * The state is a bigint: bits 0..31 say which conditions some row met, bits
 * 32..39 hold the number of conditions.
 */
#define RET_MASK(st)	((uint32) ((uint64) (st) & 0xFFFFFFFF))
#define RET_N(st)		((int) (((uint64) (st) >> 32) & 0xFF))
#define RET_MAKE(n, m)	((int64) (((uint64) (n) << 32) | (uint64) (m)))

PG_FUNCTION_INFO_V1(retention_trans);
Datum
retention_trans(PG_FUNCTION_ARGS)
{
	int			n = 0;
	uint32		mask = 0;

	if (!PG_ARGISNULL(1))
	{
		KitBoolArgs conds = kit_bool_array(1, "retention conditions");

		mask = (uint32) kit_bool_args_mask(fcinfo, &conds, &n);
		if (n > FUNNEL_MAX_STEPS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("retention takes at most %d conditions, not %d", FUNNEL_MAX_STEPS, n)));
	}
	else if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* nothing known yet, not even the count */
	else
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	if (!PG_ARGISNULL(0))
	{
		int64		st = PG_GETARG_INT64(0);

		if (RET_N(st) != n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("retention needs the same number of conditions on every row (%d, then %d)",
							RET_N(st), n)));
		mask |= RET_MASK(st);
	}
	PG_RETURN_INT64(RET_MAKE(n, mask));
}

PG_FUNCTION_INFO_V1(retention_combine);
Datum
retention_combine(PG_FUNCTION_ARGS)
{
	int64		a = PG_GETARG_INT64(0);
	int64		b = PG_GETARG_INT64(1);

	if (RET_N(a) != RET_N(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("retention needs the same number of conditions on every row (%d, then %d)",
						RET_N(a), RET_N(b))));
	PG_RETURN_INT64(a | b);
}

PG_FUNCTION_INFO_V1(retention_final);
Datum
retention_final(PG_FUNCTION_ARGS)
{
	int64		st = PG_GETARG_INT64(0);
	int			n = RET_N(st);
	uint32		mask = RET_MASK(st);
	Datum		elems[FUNNEL_MAX_STEPS];
	int			i;

	if (n > FUNNEL_MAX_STEPS || (n < FUNNEL_MAX_STEPS && (mask >> n) != 0) ||
		((uint64) st >> 40) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not a retention state: %lld", (long long) st)));
	/* the first condition gates the others */
	for (i = 0; i < n; i++)
		elems[i] = BoolGetDatum((mask & 1) && (mask & ((uint32) 1 << i)));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, BOOLOID, 1, true, TYPALIGN_CHAR));
}
