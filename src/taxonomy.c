/*-------------------------------------------------------------------------
 *
 * taxonomy.c
 *	  The six enumerated types of interactions and journeys (journey_stage,
 *	  interaction_kind, interaction_channel, interaction_urgency,
 *	  interaction_direction, interaction_sentiment), driven by one table of
 *	  labels and synonyms.
 *
 * Every SQL-level function of the six types is one of the C functions below.
 * Functions that read a value take its type from the value's tag (see
 * interaction.h); the three that make values from outside (input, receive and
 * the label list) have one small entry point per type, generated from the tag
 * by TAXONOMY_ENTRY_POINTS, so they never depend on the type's name or on the
 * OID a caller passes.  Adding a type means a row in taxonomies[], a tag and
 * one TAXONOMY_ENTRY_POINTS line.
 *
 * src/taxonomy.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

typedef struct TaxonomySynonym
{
	const char *word;			/* normalised form: lower case, '_' separated */
	int			ordinal;
} TaxonomySynonym;

typedef struct Taxonomy
{
	const char *typname;
	int			nlabels;
	const char *labels[TAXONOMY_MAX_LABELS];
	TaxonomySynonym synonyms[16];	/* ends at the first NULL word */
} Taxonomy;

static const Taxonomy taxonomies[TAXONOMY_NTAGS] = {
	[TAXONOMY_JOURNEY_STAGE] = {
		"journey_stage", 5,
		{"awareness", "consideration", "acquisition", "retention", "advocacy"},
		{{"discovery", 0}, {"evaluation", 1}, {"conversion", 2}, {"purchase", 2},
		{"support", 3}, {"engagement", 3}, {"loyalty", 4}}
	},
	[TAXONOMY_INTERACTION_KIND] = {
		"interaction_kind", 5,
		{"inquiry", "support", "complaint", "feedback", "compliment"},
		{{"question", 0}, {"request", 1}, {"issue", 1}, {"problem", 1},
		{"suggestion", 3}, {"praise", 4}}
	},
	[TAXONOMY_INTERACTION_CHANNEL] = {
		"interaction_channel", 13,
		{"phone", "email", "chat", "sms", "messaging", "social", "video",
		"in_person", "web", "chatbot", "ivr", "self_service", "other"},
		{{"call", 0}, {"voice", 0}, {"live_chat", 2}, {"whatsapp", 4},
		{"face_to_face", 7}, {"bot", 9}, {"portal", 11}}
	},
	[TAXONOMY_INTERACTION_URGENCY] = {
		"interaction_urgency", 3,
		{"stabilizing", "planned", "critical"},
		{{"routine", 0}, {"scheduled", 1}, {"urgent", 2}}
	},
	[TAXONOMY_INTERACTION_DIRECTION] = {
		"interaction_direction", 2,
		{"inbound", "outbound"},
		{{"reactive", 0}, {"proactive", 1}}
	},
	[TAXONOMY_INTERACTION_SENTIMENT] = {
		"interaction_sentiment", 3,
		{"negative", "neutral", "positive"},
		{{"neg", 0}, {"neu", 1}, {"pos", 2}}
	},
};

/* Which channels are served without a person: see doc/taxonomy.md. */
static const bool channel_automated[] = {
	[0] = false,				/* phone */
	[1] = false,				/* email */
	[2] = false,				/* chat */
	[3] = false,				/* sms */
	[4] = false,				/* messaging */
	[5] = false,				/* social */
	[6] = false,				/* video */
	[7] = false,				/* in_person */
	[8] = true,					/* web */
	[9] = true,					/* chatbot */
	[10] = true,				/* ivr */
	[11] = true,				/* self_service */
	[12] = false,				/* other */
};
StaticAssertDecl(lengthof(channel_automated) == 13,
				 "channel_automated must cover every interaction_channel label");

/* Longer than any label or synonym: no need to look further. */
#define TAXONOMY_MAX_INPUT	32

int
taxonomy_label_count(TaxonomyTag tag)
{
	return taxonomies[tag].nlabels;
}

const char *
taxonomy_label(TaxonomyTag tag, int ordinal)
{
	Assert(ordinal >= 0 && ordinal < taxonomies[tag].nlabels);
	return taxonomies[tag].labels[ordinal];
}

int
taxonomy_ordinal(TaxonomyTag tag, const char *label)
{
	uint8		v;

	if (!taxonomy_parse(tag, label, &v))
		elog(ERROR, "\"%s\" is not a label of %s", label, taxonomies[tag].typname);
	return TAXONOMY_ORDINAL(v);
}

/*
 * Parse a label or synonym, folded as every keyword is (kit_fold_keyword():
 * case-insensitive, surrounding blanks ignored, '-', '_' and space in runs
 * read as one '_').
 */
bool
taxonomy_parse(TaxonomyTag tag, const char *str, uint8 *result)
{
	const Taxonomy *t = &taxonomies[tag];
	char		buf[TAXONOMY_MAX_INPUT + 1];

	if (!kit_fold_keyword(str, strlen(str), buf, sizeof(buf)))
		return false;
	for (int i = 0; i < t->nlabels; i++)
	{
		if (strcmp(buf, t->labels[i]) == 0)
		{
			*result = TAXONOMY_VALUE(tag, i);
			return true;
		}
	}
	for (const TaxonomySynonym *s = t->synonyms; s->word != NULL; s++)
	{
		if (strcmp(buf, s->word) == 0)
		{
			*result = TAXONOMY_VALUE(tag, s->ordinal);
			return true;
		}
	}
	return false;
}

/* A stored byte must name a label of a known type; anything else is corrupt. */
static void
taxonomy_check_value(uint8 v)
{
	if (TAXONOMY_TAG(v) >= TAXONOMY_NTAGS ||
		TAXONOMY_ORDINAL(v) >= taxonomies[TAXONOMY_TAG(v)].nlabels)
		io_corrupt_value(TAXONOMY_TAG(v) < TAXONOMY_NTAGS ?
						 taxonomies[TAXONOMY_TAG(v)].typname : "interaction taxonomy",
						 "Byte %u names no label.", v);
}

/* <type>_in(cstring, oid, int4): the text form, parsed by taxonomy_parse. */
static Datum
taxonomy_input(FunctionCallInfo fcinfo, TaxonomyTag tag)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint8		result;

	if (!taxonomy_parse(tag, str, &result))
		io_unknown_label(taxonomies[tag].typname, str, "Valid labels are: %s.",
						 kit_label_list(tag));
	PG_RETURN_TAXONOMY(result);
}

PG_FUNCTION_INFO_V1(taxonomy_out);
Datum
taxonomy_out(PG_FUNCTION_ARGS)
{
	uint8		v = PG_GETARG_TAXONOMY(0);

	taxonomy_check_value(v);
	PG_RETURN_CSTRING(pstrdup(taxonomy_label(TAXONOMY_TAG(v), TAXONOMY_ORDINAL(v))));
}

/*
 * <type>_recv(internal, oid, int4).  Binary form: the format version byte, then
 * the label's ordinal (0-based); exactly two bytes.
 */
static Datum
taxonomy_receive(FunctionCallInfo fcinfo, TaxonomyTag tag)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *typname = taxonomies[tag].typname;
	int			ordinal;

	io_check_version(buf, typname);
	if (buf->len - buf->cursor != 1)
		io_binary_error(typname, "Expected 1 byte after the version byte, got %d.",
						buf->len - buf->cursor);
	ordinal = pq_getmsgbyte(buf);
	if (ordinal >= taxonomies[tag].nlabels)
		io_binary_error(typname, "Value %d is not a label: values run from 0 to %d.",
						ordinal, taxonomies[tag].nlabels - 1);
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(tag, ordinal));
}

PG_FUNCTION_INFO_V1(taxonomy_send);
Datum
taxonomy_send(PG_FUNCTION_ARGS)
{
	uint8		v = PG_GETARG_TAXONOMY(0);
	StringInfoData buf;

	taxonomy_check_value(v);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendbyte(&buf, TAXONOMY_ORDINAL(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Values of one type compare as bytes: the tag is the same, the ordinal decides. */
#define TAXONOMY_COMPARISON(fname, op) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_TAXONOMY(0) op PG_GETARG_TAXONOMY(1)); \
}

TAXONOMY_COMPARISON(taxonomy_eq, ==)
TAXONOMY_COMPARISON(taxonomy_ne, !=)
TAXONOMY_COMPARISON(taxonomy_lt, <)
TAXONOMY_COMPARISON(taxonomy_le, <=)
TAXONOMY_COMPARISON(taxonomy_gt, >)
TAXONOMY_COMPARISON(taxonomy_ge, >=)

PG_FUNCTION_INFO_V1(taxonomy_cmp);
Datum
taxonomy_cmp(PG_FUNCTION_ARGS)
{
	uint8		a = PG_GETARG_TAXONOMY(0);
	uint8		b = PG_GETARG_TAXONOMY(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

PG_FUNCTION_INFO_V1(taxonomy_smaller);
Datum
taxonomy_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_TAXONOMY(Min(PG_GETARG_TAXONOMY(0), PG_GETARG_TAXONOMY(1)));
}

PG_FUNCTION_INFO_V1(taxonomy_larger);
Datum
taxonomy_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_TAXONOMY(Max(PG_GETARG_TAXONOMY(0), PG_GETARG_TAXONOMY(1)));
}

PG_FUNCTION_INFO_V1(taxonomy_hash);
Datum
taxonomy_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_TAXONOMY(0));
}

PG_FUNCTION_INFO_V1(taxonomy_hash_extended);
Datum
taxonomy_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_TAXONOMY(0), PG_GETARG_INT64(1));
}

/* <type>_labels(): every label of the type, in order, as an array of the type. */
static Datum
taxonomy_label_array(FunctionCallInfo fcinfo, TaxonomyTag tag)
{
	Oid			elemtype = get_element_type(get_fn_expr_rettype(fcinfo->flinfo));
	Datum		elems[TAXONOMY_MAX_LABELS];
	int			n = taxonomies[tag].nlabels;

	if (!OidIsValid(elemtype))
		elog(ERROR, "%s_labels must return an array", taxonomies[tag].typname);
	for (int i = 0; i < n; i++)
		elems[i] = TaxonomyGetDatum(TAXONOMY_VALUE(tag, i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, elemtype, 1, true, TYPALIGN_CHAR));
}

/* The per-type entry points of the three functions above. */
#define TAXONOMY_ENTRY_POINTS(type, tag) \
PG_FUNCTION_INFO_V1(type##_in); \
Datum \
type##_in(PG_FUNCTION_ARGS) \
{ \
	return taxonomy_input(fcinfo, tag); \
} \
PG_FUNCTION_INFO_V1(type##_recv); \
Datum \
type##_recv(PG_FUNCTION_ARGS) \
{ \
	return taxonomy_receive(fcinfo, tag); \
} \
PG_FUNCTION_INFO_V1(type##_labels); \
Datum \
type##_labels(PG_FUNCTION_ARGS) \
{ \
	return taxonomy_label_array(fcinfo, tag); \
}

TAXONOMY_ENTRY_POINTS(journey_stage, TAXONOMY_JOURNEY_STAGE)
TAXONOMY_ENTRY_POINTS(interaction_kind, TAXONOMY_INTERACTION_KIND)
TAXONOMY_ENTRY_POINTS(interaction_channel, TAXONOMY_INTERACTION_CHANNEL)
TAXONOMY_ENTRY_POINTS(interaction_urgency, TAXONOMY_INTERACTION_URGENCY)
TAXONOMY_ENTRY_POINTS(interaction_direction, TAXONOMY_INTERACTION_DIRECTION)
TAXONOMY_ENTRY_POINTS(interaction_sentiment, TAXONOMY_INTERACTION_SENTIMENT)

PG_FUNCTION_INFO_V1(stage_rank);
Datum
stage_rank(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(0)) + 1);
}

PG_FUNCTION_INFO_V1(next_stage);
Datum
next_stage(PG_FUNCTION_ARGS)
{
	int			ordinal = TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(0));

	if (ordinal + 1 >= taxonomies[TAXONOMY_JOURNEY_STAGE].nlabels)
		PG_RETURN_NULL();
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(TAXONOMY_JOURNEY_STAGE, ordinal + 1));
}

PG_FUNCTION_INFO_V1(is_automated);
Datum
is_automated(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(channel_automated[TAXONOMY_ORDINAL(PG_GETARG_TAXONOMY(0))]);
}
