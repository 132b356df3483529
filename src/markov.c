/*-------------------------------------------------------------------------
 *
 * markov.c
 *	  markov_attribution(journey): data-driven attribution across many
 *	  journeys, by the removal effect of each channel in a first-order Markov
 *	  chain.
 *
 * Each journey is a path start -> channel -> ... -> channel -> end.  Its
 * channels are those of its touchpoints in order ("no channel" is a node of
 * its own, reported as channel NULL, as attribution() does).  A journey
 * converts as reached() and attribution() have it (journey_reaches_at()):
 * at its first touchpoint at stage acquisition or beyond; its path then stops
 * there and ends in the absorbing state "conversion".  A journey that never
 * reaches acquisition ends in the absorbing state "null" after its last
 * touchpoint.  An empty journey
 * has no path and counts for nothing.
 *
 * The aggregate's state is the transition counts between the states (from
 * start, 13 channels or no channel; to those 14 nodes, conversion or null),
 * a bigint[] of 15 x 16 counts row by row, so partial states add up
 * (combine), their order does not matter, and parallel workers, postgres_fdw
 * and Citus can ship a state through a type every server has.  The
 * final function estimates the transition probabilities, the probability P
 * of reaching conversion from start, and for each channel c the probability
 * P(-c) with c removed (every transition into c goes to null instead).  The
 * removal effect of c is 1 - P(-c)/P; the conversions are shared among the
 * channels in proportion to their removal effects, so the credits sum to
 * the number of converting journeys.  The absorption probabilities solve a
 * linear system of at most 14 unknowns (Gaussian elimination with partial
 * pivoting).
 *
 * Row order: from channel 0..12, no channel, start; column order: to channel
 * 0..12, no channel, conversion, null.
 *
 * src/markov.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"
#include "journey.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

TAXONOMY_TAG_LOOKUP(stage_tag, "journey_stage")
TAXONOMY_TAG_LOOKUP(channel_tag, "interaction_channel")

#define MK_NODES		(CHANNEL_COUNT + 1)	/* channels and "no channel" */
#define MK_NONE			CHANNEL_COUNT	/* node of touchpoints without a channel */
#define MK_START		MK_NODES	/* from-state: before the first touchpoint */
#define MK_FROM			(MK_NODES + 1)
#define MK_CONV			MK_NODES	/* to-state: conversion */
#define MK_NULL			(MK_NODES + 1)	/* to-state: no conversion */
#define MK_TO			(MK_NODES + 2)


static inline int
touch_node(const JourneyTouch *t)
{
	return t->channel == JOURNEY_NO_CHANNEL ? MK_NONE : t->channel;
}

static int
mk_touch_cmp(const void *pa, const void *pb)
{
	const JourneyTouch *a = (const JourneyTouch *) pa;
	const JourneyTouch *b = (const JourneyTouch *) pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->stage != b->stage)
		return a->stage < b->stage ? -1 : 1;
	if (a->channel != b->channel)
		return a->channel < b->channel ? -1 : 1;
	return 0;
}

/* the touchpoints of a journey in canonical order, checked as journey.c checks */
static const JourneyTouch *
journey_touches(Datum d, int *count)
{
	Journey    *j = (Journey *) PG_DETOAST_DATUM(d);
	JourneyTouch *t;

	if (j->version != INTERACTION_FORMAT_VERSION)
		io_corrupt_value("journey", "Unknown format version %d (this build reads version %d).",
						 j->version, INTERACTION_FORMAT_VERSION);
	if (j->flags & ~JOURNEY_STATE)
		io_corrupt_value("journey", "Unknown flags 0x%02x.", j->flags);
	if (j->count < 0 || JOURNEY_SIZE(j->count) > VARSIZE(j))
		io_corrupt_value("journey", "It claims %d touchpoints in %u bytes.",
						 j->count, (unsigned) VARSIZE(j));
	*count = j->count;
	if (!(j->flags & JOURNEY_STATE))
		return j->touches;
	/* a journey_agg working state: unsorted */
	t = (JourneyTouch *) palloc(j->count * sizeof(JourneyTouch));
	memcpy(t, j->touches, j->count * sizeof(JourneyTouch));
	qsort(t, j->count, sizeof(JourneyTouch), mk_touch_cmp);
	return t;
}

static void
check_stored_touch(const JourneyTouch *t, int i)
{
	if (t->stage >= taxonomy_label_count(stage_tag()) ||
		(t->channel >= CHANNEL_COUNT && t->channel != JOURNEY_NO_CHANNEL))
		io_corrupt_value("journey", "Touchpoint %d has stage %d and channel %d.",
						 i + 1, t->stage, t->channel);
}

/*
 * A state array: bigint[] of MK_FROM * MK_TO counts, one dimension, no
 * NULLs, none negative.  The aggregate's own states always are; a value given
 * to the support functions by hand may not be (22023).
 */
static int64 *
state_counts(ArrayType *a)
{
	int64	   *c;

	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != MK_FROM * MK_TO || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not a markov_attribution state"),
				 errdetail("A state is a bigint[] of %d transition counts without NULLs.",
						   MK_FROM * MK_TO)));
	/* no NULLs, one dimension: the data follow the fixed header */
	c = (int64 *) ((char *) a + ARR_OVERHEAD_NONULLS(1));
	for (int i = 0; i < MK_FROM * MK_TO; i++)
		if (c[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("not a markov_attribution state"),
					 errdetail("Transition count %d is negative.", i + 1)));
	return c;
}

/* a new state of zero counts, in the aggregate's context when there is one */
static ArrayType *
state_new(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt,
				old = NULL;
	Datum		zeros[MK_FROM * MK_TO];
	ArrayType  *a;

	if (AggCheckCallContext(fcinfo, &aggcxt))
		old = MemoryContextSwitchTo(aggcxt);
	for (int i = 0; i < MK_FROM * MK_TO; i++)
		zeros[i] = Int64GetDatum(0);
	a = construct_array(zeros, MK_FROM * MK_TO, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
						TYPALIGN_DOUBLE);
	if (old)
		MemoryContextSwitchTo(old);
	return a;
}

/*
 * The state argument, to change: in an aggregate the state is ours (the one
 * we returned, or a copy the executor made in the aggregate's context);
 * otherwise a copy.
 */
static ArrayType *
state_arg(FunctionCallInfo fcinfo, int argno)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_ARRAYTYPE_P(argno);
	return PG_GETARG_ARRAYTYPE_P_COPY(argno);
}

#define COUNT(c, from, to)	((c)[(from) * MK_TO + (to)])

/* transition: the journey's path counted; NULL journeys are skipped */
PG_FUNCTION_INFO_V1(markov_attribution_trans);
Datum
markov_attribution_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *st;
	int64	   *c;
	const JourneyTouch *t;
	int			n,
				end,
				conversion,
				from;

	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();	/* no journey yet: the answer stays NULL */
		st = state_new(fcinfo);
	}
	else
		st = state_arg(fcinfo, 0);
	if (PG_ARGISNULL(1))
		PG_RETURN_ARRAYTYPE_P(st);
	c = state_counts(st);

	t = journey_touches(PG_GETARG_DATUM(1), &n);
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(st);

	/* the conversion, as reached() and attribution() have it */
	conversion = journey_reaches_at(t, n, journey_conversion_stage());
	end = conversion < 0 ? MK_NULL : MK_CONV;
	if (conversion >= 0)
		n = conversion + 1;
	from = MK_START;
	for (int i = 0; i < n; i++)
	{
		int			to;

		check_stored_touch(&t[i], i);
		to = touch_node(&t[i]);

		COUNT(c, from, to)++;
		from = to;
	}
	COUNT(c, from, end)++;
	PG_RETURN_ARRAYTYPE_P(st);
}

/* combine: the counts added */
PG_FUNCTION_INFO_V1(markov_attribution_combine);
Datum
markov_attribution_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a = state_arg(fcinfo, 0);
	int64	   *ca = state_counts(a);
	int64	   *cb = state_counts(PG_GETARG_ARRAYTYPE_P(1));

	for (int i = 0; i < MK_FROM * MK_TO; i++)
		if (pg_add_s64_overflow(ca[i], cb[i], &ca[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("markov_attribution transition count out of range")));
	PG_RETURN_ARRAYTYPE_P(a);
}

/*
 * The probability of reaching conversion from start, with node "removed"
 * (-1: none) turned into a dead end.  nodes[] lists the nodes with outgoing
 * transitions (every node a path visited has some).
 */
static double
conversion_probability(const int64 *c, const int *nodes, int nnodes, int removed)
{
	double		a[MK_NODES][MK_NODES + 1];
	int			var[MK_NODES];	/* node -> unknown, or -1 */
	int			m = 0;
	double		out,
				p;

	for (int v = 0; v < MK_NODES; v++)
		var[v] = -1;
	for (int i = 0; i < nnodes; i++)
		if (nodes[i] != removed)
			var[nodes[i]] = m++;

	/* p_i - sum_j q_ij p_j = r_i over the kept nodes */
	for (int i = 0; i < nnodes; i++)
	{
		int			v = nodes[i],
					row = var[v];

		if (row < 0)
			continue;
		out = 0;
		for (int k = 0; k < MK_TO; k++)
			out += (double) COUNT(c, v, k);
		memset(a[row], 0, sizeof(a[row]));
		a[row][row] = 1.0;
		for (int w = 0; w < MK_NODES; w++)
			if (var[w] >= 0 && COUNT(c, v, w) > 0)
				a[row][var[w]] -= (double) COUNT(c, v, w) / out;
		a[row][m] = (double) COUNT(c, v, MK_CONV) / out;
	}

	/* Gaussian elimination with partial pivoting; I - Q is non-singular */
	for (int col = 0; col < m; col++)
	{
		int			piv = col;

		for (int r = col + 1; r < m; r++)
			if (fabs(a[r][col]) > fabs(a[piv][col]))
				piv = r;
		if (piv != col)
			for (int k = 0; k <= m; k++)
			{
				double		tmp = a[col][k];

				a[col][k] = a[piv][k];
				a[piv][k] = tmp;
			}
		for (int r = 0; r < m; r++)
		{
			double		f;

			if (r == col || a[r][col] == 0)
				continue;
			f = a[r][col] / a[col][col];
			for (int k = col; k <= m; k++)
				a[r][k] -= f * a[col][k];
		}
	}

	/* from start */
	out = 0;
	for (int k = 0; k < MK_TO; k++)
		out += (double) COUNT(c, MK_START, k);
	if (out == 0)
		return 0;
	p = (double) COUNT(c, MK_START, MK_CONV) / out;
	for (int w = 0; w < MK_NODES; w++)
		if (var[w] >= 0 && COUNT(c, MK_START, w) > 0)
			p += (double) COUNT(c, MK_START, w) / out * (a[var[w]][m] / a[var[w]][var[w]]);
	return p;
}

/*
 * final: an array of channel_credit (channel, credit) in channel order, no
 * channel last, channels with no credit left out; NULL without journeys.
 */
PG_FUNCTION_INFO_V1(markov_attribution_final);
Datum
markov_attribution_final(PG_FUNCTION_ARGS)
{
	int64	   *c;
	Oid			arraytype,
				elemtype;
	TupleDesc	tupdesc;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			nodes[MK_NODES];
	int			nnodes = 0;
	double		conversions = 0,
				total = 0,
				p,
				effect[MK_NODES] = {0};
	Datum		items[MK_NODES];
	int			nitems = 0;

	c = state_counts(PG_GETARG_ARRAYTYPE_P(0));

	arraytype = get_fn_expr_rettype(fcinfo->flinfo);
	elemtype = OidIsValid(arraytype) ? get_element_type(arraytype) : InvalidOid;
	if (!OidIsValid(elemtype))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("markov_attribution_final must be called as the final function of markov_attribution")));
	tupdesc = lookup_rowtype_tupdesc_copy(elemtype, -1);
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);

	for (int v = 0; v < MK_NODES; v++)
	{
		bool		any = false;

		for (int k = 0; k < MK_TO; k++)
			any |= COUNT(c, v, k) > 0;
		if (any)
			nodes[nnodes++] = v;
		conversions += (double) COUNT(c, v, MK_CONV);
	}

	if (conversions > 0)
	{
		p = conversion_probability(c, nodes, nnodes, -1);
		for (int i = 0; i < nnodes; i++)
		{
			double		without = conversion_probability(c, nodes, nnodes, nodes[i]);

			effect[nodes[i]] = p > 0 ? Max(0.0, 1.0 - without / p) : 0;
			total += effect[nodes[i]];
		}
		for (int v = 0; v < MK_NODES; v++)
		{
			Datum		values[2];
			bool		nulls[2] = {v == MK_NONE, false};

			if (!(effect[v] > 0) || !(total > 0))
				continue;
			values[0] = v == MK_NONE ? (Datum) 0 :
				TaxonomyGetDatum(TAXONOMY_VALUE(channel_tag(), v));
			values[1] = Float8GetDatum(conversions * effect[v] / total);
			items[nitems++] = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
		}
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(items, nitems, elemtype, typlen, typbyval, typalign));
}
