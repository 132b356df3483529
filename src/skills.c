/*-------------------------------------------------------------------------
 *
 * skills.c
 *	  The skillset type: an agent's skills, or a task's required skills, each
 *	  with a proficiency level 1..10; containment (@>, <@), skill_fit() for
 *	  picking the best agent, btree/hash support and a GIN operator class.
 *
 * A skillset is kept canonical: skills sorted by name (bytewise; names are
 * ASCII), each name once.  Text input, the array constructor and binary recv
 * all funnel through check_skill() (one name/level validator) and then
 * skillset_build(), which sorts and merges duplicates (text, arrays: the
 * highest level wins) or insists on canonical order (binary).
 *
 * On-disk and in-memory layout (a varlena):
 *		int32	vl_len_
 *		uint8	version		INTERACTION_FORMAT_VERSION
 *		uint8	reserved	always 0
 *		uint16	count		number of skills
 *		then count entries, packed: uint8 level, uint8 name length, name bytes
 *
 * Binary send/recv format: uint8 version, int32 count, then per skill
 * uint8 level, uint8 name length, name bytes (the canonical order).
 *
 * GIN: an agent's skill "billing" at level 4 is indexed under the keys
 * "billing:1" .. "billing:4", and the query "billing:4" looks up the single
 * key "billing:4".  So an agent carries the key of a required skill exactly
 * when it has the skill at or above the level asked for, and @> is the AND of
 * the query keys.  A key is an int4: a 28-bit hash of the name with the level
 * in the low 4 bits (compact, compared by btint4cmp); two names can share a
 * hash, so matches are rechecked.
 *
 * src/skills.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"

#define TYPNAME				"skillset"
#define SKILL_MIN_LEVEL		1
#define SKILL_MAX_LEVEL		10
#define SKILL_MAX_NAME		63
#define SKILLSET_MAX_SKILLS	1000

typedef struct SkillSet
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		reserved;
	uint16		count;
	char		data[FLEXIBLE_ARRAY_MEMBER];
} SkillSet;

#define SKILLSET_HDRSZ		offsetof(SkillSet, data)

/* one skill, pointing into a skillset or an input buffer */
typedef struct Skill
{
	const char *name;
	int			len;
	int			level;
} Skill;

/* walks the packed entries of a skillset */
typedef struct SkillCursor
{
	const char *p;
	int			left;
} SkillCursor;

/* where a skill came from: decides the SQLSTATE and message of an error */
typedef enum SkillSource
{
	SKILLS_FROM_TEXT,
	SKILLS_FROM_BINARY
} SkillSource;

/*
 * Every function that takes a skillset reads it through here, the LEAKPROOF
 * comparison and hash functions included.  Such a function must not reveal
 * anything of its arguments in an error, so a stored value that no input
 * function of this build could have made is reported (XX001) without any
 * of its bytes.
 */
static SkillSet *
skillset_detoast(Datum d)
{
	SkillSet   *s = (SkillSet *) PG_DETOAST_DATUM(d);

	if (unlikely(s->version != INTERACTION_FORMAT_VERSION))
		io_corrupt_value(TYPNAME, "Its format version is not one this build reads.");
	return s;
}

#define PG_GETARG_SKILLSET(n)	skillset_detoast(PG_GETARG_DATUM(n))

static inline void
cursor_init(SkillCursor *c, const SkillSet *s)
{
	c->p = s->data;
	c->left = s->count;
}

static inline bool
cursor_next(SkillCursor *c, Skill *sk)
{
	if (c->left <= 0)
		return false;
	sk->level = (uint8) c->p[0];
	sk->len = (uint8) c->p[1];
	sk->name = c->p + 2;
	c->p += 2 + sk->len;
	c->left--;
	return true;
}

static inline int
skill_name_cmp(const char *a, int alen, const char *b, int blen)
{
	int			r = memcmp(a, b, Min(alen, blen));

	if (r != 0)
		return r;
	return (alen > blen) - (alen < blen);
}

static int
skill_sort_cmp(const void *a, const void *b)
{
	const Skill *x = (const Skill *) a;
	const Skill *y = (const Skill *) b;

	return skill_name_cmp(x->name, x->len, y->name, y->len);
}

static inline bool
skill_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		c == '_' || c == '-' || c == '.';
}

/*
 * The one validator of a skill (name already folded to lower case).  Returns
 * NULL when the skill is valid, else a message for errdetail, with the
 * SQLSTATE that text input reports in *code (binary input always reports
 * 22P03).
 */
static char *
check_skill(const char *name, int len, int level, int *code)
{
	*code = ERRCODE_INVALID_TEXT_REPRESENTATION;
	if (len == 0)
		return psprintf("A skill name is missing.");
	if (len > SKILL_MAX_NAME)
	{
		*code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		return psprintf("Skill names are at most %d characters; \"%.*s\" has %d.",
						SKILL_MAX_NAME, len, name, len);
	}
	for (int i = 0; i < len; i++)
		if (!skill_name_char(name[i]))
			return psprintf("Skill name \"%.*s\" has a character other than "
							"a-z, 0-9, \"_\", \"-\" and \".\".",
							len, name);
	if (level < SKILL_MIN_LEVEL || level > SKILL_MAX_LEVEL)
	{
		*code = ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		return psprintf("The level of skill \"%.*s\" must be from %d to %d.",
						len, name, SKILL_MIN_LEVEL, SKILL_MAX_LEVEL);
	}
	return NULL;
}

/*
 * Builds a skillset from n validated skills.  Text and array input (canonical
 * = false) are sorted and a repeated skill keeps its highest level; binary
 * input (canonical = true) must already be sorted with each name once.
 */
static SkillSet *
skillset_build(Skill *items, int n, bool canonical)
{
	Size		size = SKILLSET_HDRSZ;
	SkillSet   *s;
	char	   *p;
	int			m = 0;

	if (canonical)
	{
		for (int i = 1; i < n; i++)
			if (skill_sort_cmp(&items[i - 1], &items[i]) >= 0)
				io_binary_error(TYPNAME, "Skills are not sorted by name, each name once.");
		m = n;
	}
	else if (n > 0)
	{
		qsort(items, n, sizeof(Skill), skill_sort_cmp);
		for (int i = 1; i < n; i++)
		{
			if (skill_sort_cmp(&items[m], &items[i]) == 0)
				items[m].level = Max(items[m].level, items[i].level);
			else
				items[++m] = items[i];
		}
		m++;
	}

	for (int i = 0; i < m; i++)
		size += 2 + items[i].len;
	s = (SkillSet *) palloc0(size);
	SET_VARSIZE(s, size);
	s->version = INTERACTION_FORMAT_VERSION;
	s->count = (uint16) m;
	p = s->data;
	for (int i = 0; i < m; i++)
	{
		*p++ = (char) items[i].level;
		*p++ = (char) items[i].len;
		memcpy(p, items[i].name, items[i].len);
		p += items[i].len;
	}
	return s;
}

/* reports a skill of text input that check_skill() refused */
static void
text_skill_error(const char *input, const char *detail, int code)
{
	if (code == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE)
		io_range_error(TYPNAME, input, "%s", detail);
	if (code == ERRCODE_PROGRAM_LIMIT_EXCEEDED)
		ereport(ERROR,
				(errcode(code),
				 errmsg("skill name too long in skillset: \"%s\"", input),
				 errdetail_internal("%s", detail)));
	io_syntax_error(TYPNAME, input, "%s", detail);
}

static void
check_skill_count(int n)
{
	if (n > SKILLSET_MAX_SKILLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a skillset has at most %d skills, not %d",
						SKILLSET_MAX_SKILLS, n)));
}

/* copies a name, folding ASCII upper case to lower case */
static char *
fold_name(const char *src, int len)
{
	char	   *dst = palloc(len + 1);

	for (int i = 0; i < len; i++)
		dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ? src[i] + ('a' - 'A') : src[i];
	dst[len] = '\0';
	return dst;
}

/*
 * Parses 'name:level, name:level, ...' (blanks allowed around every token;
 * the empty string or only blanks is the empty skillset).
 */
static SkillSet *
skillset_parse(const char *input)
{
	const char *p = input;
	int			nitems = 1;
	Skill	   *items;
	int			n = 0;

	p = io_skip_blanks(p);
	if (*p == '\0')
		return skillset_build(NULL, 0, false);

	/* cap the number of items before allocating */
	for (const char *q = p; *q; q++)
		if (*q == ',')
			nitems++;
	check_skill_count(nitems);
	items = palloc(nitems * sizeof(Skill));

	for (;;)
	{
		const char *start,
				   *end,
				   *item = p;
		int64		level;
		char	   *problem;
		int			code;

		/* name: up to ':' ',' or end, blanks trimmed */
		start = p;
		while (*p && *p != ':' && *p != ',')
			p++;
		end = p;
		while (end > start && io_is_blank(end[-1]))
			end--;
		if (*p != ':')
		{
			int			ilen = end - item;

			if (ilen == 0)
				io_syntax_error(TYPNAME, input, "Expected \"name:level\" (such as \"billing:4\") but found an empty item.");
			io_syntax_error(TYPNAME, input, "Expected \"name:level\" (such as \"billing:4\") but found \"%.*s\".",
							ilen, item);
		}
		p++;					/* skip ':' */
		level = io_read_int64(&p, SKILL_MIN_LEVEL, SKILL_MAX_LEVEL, "level", TYPNAME, input);
		p = io_skip_blanks(p);
		if (*p != ',' && *p != '\0')
		{
			const char *bad = p;

			while (*p && *p != ',')
				p++;
			io_syntax_error(TYPNAME, input, "Expected \",\" or the end after \"%.*s\" but found \"%.*s\".",
							(int) (bad - item), item, (int) (p - bad), bad);
		}

		items[n].name = fold_name(start, end - start);
		items[n].len = end - start;
		items[n].level = (int) level;
		problem = check_skill(items[n].name, items[n].len, items[n].level, &code);
		if (problem)
			text_skill_error(input, problem, code);
		n++;

		if (*p == '\0')
			break;
		p = io_skip_blanks(p + 1);	/* past ',' */
	}
	return skillset_build(items, n, false);
}

PG_FUNCTION_INFO_V1(skillset_in);
Datum
skillset_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(skillset_parse(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(skillset_out);
Datum
skillset_out(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	StringInfoData buf;
	SkillCursor c;
	Skill		sk;

	initStringInfo(&buf);
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
		appendStringInfo(&buf, "%s%.*s:%d", buf.len ? ", " : "",
						 sk.len, sk.name, sk.level);
	PG_RETURN_CSTRING(buf.data);
}

/* skillset::jsonb: {"skill": level, ...} */
PG_FUNCTION_INFO_V1(skillset_jsonb);
Datum
skillset_jsonb(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	JsonField  *fields = palloc(Max(s->count, 1) * sizeof(JsonField));
	int			n = 0;
	SkillCursor c;
	Skill		sk;

	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
		fields[n++] = JSON_FIELD_INT(pnstrdup(sk.name, sk.len), sk.level);
	PG_RETURN_POINTER(kit_json_object(fields, n));
}

PG_FUNCTION_INFO_V1(skillset_recv);
Datum
skillset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			count;
	Skill	   *items;

	io_check_version(buf, TYPNAME);
	if (buf->len - buf->cursor < 4)
		io_binary_error(TYPNAME, "The value is shorter than its 5-byte header.");
	count = (int) pq_getmsgint(buf, 4);
	/* cap the count (each skill takes at least 3 bytes) before allocating */
	if (count < 0 || count > SKILLSET_MAX_SKILLS ||
		count > (buf->len - buf->cursor) / 3)
		io_binary_error(TYPNAME, "Skill count %d is out of range or exceeds the data.", count);

	items = palloc(Max(count, 1) * sizeof(Skill));
	for (int i = 0; i < count; i++)
	{
		char	   *problem;
		int			code;

		if (buf->len - buf->cursor < 2)
			io_binary_error(TYPNAME, "The data ends inside a skill.");
		items[i].level = pq_getmsgbyte(buf);
		items[i].len = pq_getmsgbyte(buf);
		if (buf->len - buf->cursor < items[i].len)
			io_binary_error(TYPNAME, "The data ends inside a skill name.");
		items[i].name = pq_getmsgbytes(buf, items[i].len);
		problem = check_skill(items[i].name, items[i].len, items[i].level, &code);
		if (problem)
			io_binary_error(TYPNAME, "%s", problem);
	}
	io_check_end(buf, TYPNAME);
	PG_RETURN_POINTER(skillset_build(items, count, true));
}

PG_FUNCTION_INFO_V1(skillset_send);
Datum
skillset_send(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	StringInfoData buf;
	SkillCursor c;
	Skill		sk;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, INTERACTION_FORMAT_VERSION);
	pq_sendint32(&buf, s->count);
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
	{
		pq_sendbyte(&buf, sk.level);
		pq_sendbyte(&buf, sk.len);
		pq_sendbytes(&buf, sk.name, sk.len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * skillset(names text[], levels int[]): the skillset of the pairs
 * (names[i], levels[i]); names are folded to lower case and a repeated name
 * keeps its highest level, as in text input.
 */
PG_FUNCTION_INFO_V1(skillset_from_arrays);
Datum
skillset_from_arrays(PG_FUNCTION_ARGS)
{
	ArrayType  *na = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *la = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *names,
			   *levels;
	bool	   *nnulls,
			   *lnulls;
	int			nn,
				nl;
	Skill	   *items;

	if (ARR_NDIM(na) > 1 || ARR_NDIM(la) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("skillset() takes one-dimensional arrays")));
	deconstruct_array(na, TEXTOID, -1, false, TYPALIGN_INT, &names, &nnulls, &nn);
	deconstruct_array(la, INT4OID, 4, true, TYPALIGN_INT, &levels, &lnulls, &nl);
	if (nn != nl)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("skillset() needs as many levels as names, not %d names and %d levels",
						nn, nl)));
	check_skill_count(nn);
	items = palloc(Max(nn, 1) * sizeof(Skill));
	for (int i = 0; i < nn; i++)
	{
		text	   *t;
		char	   *problem;
		int			code;

		if (nnulls[i] || lnulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("skill names and levels must not be NULL")));
		t = DatumGetTextPP(names[i]);
		items[i].len = VARSIZE_ANY_EXHDR(t);
		items[i].name = fold_name(VARDATA_ANY(t), items[i].len);
		items[i].level = DatumGetInt32(levels[i]);
		problem = check_skill(items[i].name, items[i].len, items[i].level, &code);
		if (problem)
			ereport(ERROR,
					(errcode(code),
					 errmsg("invalid skill for skillset()"),
					 errdetail_internal("%s", problem)));
	}
	PG_RETURN_POINTER(skillset_build(items, nn, false));
}

/* ---- comparison: canonical entries in order, then the shorter set first ---- */

static int
skillset_cmp_internal(const SkillSet *a, const SkillSet *b)
{
	SkillCursor ca,
				cb;
	Skill		x,
				y;

	cursor_init(&ca, a);
	cursor_init(&cb, b);
	for (;;)
	{
		bool		hx = cursor_next(&ca, &x);
		bool		hy = cursor_next(&cb, &y);
		int			r;

		if (!hx || !hy)
			return (int) hx - (int) hy;
		r = skill_name_cmp(x.name, x.len, y.name, y.len);
		if (r != 0)
			return r;
		if (x.level != y.level)
			return x.level < y.level ? -1 : 1;
	}
}

/*
 * skillset_cmp_internal on two arguments, freeing detoasted copies (btree
 * sorts and index builds call this many times in one memory context)
 */
static int
skillset_cmp_args(FunctionCallInfo fcinfo)
{
	SkillSet   *a = PG_GETARG_SKILLSET(0);
	SkillSet   *b = PG_GETARG_SKILLSET(1);
	int			r = skillset_cmp_internal(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

/* the six comparison operators share skillset_cmp_args */
#define SKILLSET_COMPARISON(fname, op) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(skillset_cmp_args(fcinfo) op 0); \
}

SKILLSET_COMPARISON(skillset_eq, ==)
SKILLSET_COMPARISON(skillset_ne, !=)
SKILLSET_COMPARISON(skillset_lt, <)
SKILLSET_COMPARISON(skillset_le, <=)
SKILLSET_COMPARISON(skillset_gt, >)
SKILLSET_COMPARISON(skillset_ge, >=)

PG_FUNCTION_INFO_V1(skillset_cmp);
Datum
skillset_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(skillset_cmp_args(fcinfo));
}

/* canonical form: equal skillsets have equal bytes after the header */
PG_FUNCTION_INFO_V1(skillset_hash);
Datum
skillset_hash(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);

	return hash_any((unsigned char *) s->data, VARSIZE(s) - SKILLSET_HDRSZ);
}

PG_FUNCTION_INFO_V1(skillset_hash_extended);
Datum
skillset_hash_extended(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);

	return hash_any_extended((unsigned char *) s->data, VARSIZE(s) - SKILLSET_HDRSZ,
							 PG_GETARG_INT64(1));
}

/* ---- containment and fit ------------------------------------------------ */

/*
 * One merge pass over agent and required skills.  *points_agent and
 * *points_required sum the levels; *shortfall sums, over the required skills,
 * how many levels the agent lacks (a missing skill lacks all of them).
 * With stop_early, returns at the first shortfall (enough for @>).
 */
static void
skillset_compare_levels(const SkillSet *agent, const SkillSet *req, bool stop_early,
						int *points_agent, int *points_required, int *shortfall)
{
	SkillCursor ca,
				cr;
	Skill		a,
				r;
	bool		ha,
				hr;

	*points_agent = *points_required = *shortfall = 0;
	cursor_init(&ca, agent);
	cursor_init(&cr, req);
	ha = cursor_next(&ca, &a);
	hr = cursor_next(&cr, &r);
	while (hr)
	{
		int			c = ha ? skill_name_cmp(a.name, a.len, r.name, r.len) : 1;

		if (c < 0)
		{
			*points_agent += a.level;
			ha = cursor_next(&ca, &a);
			continue;
		}
		*points_required += r.level;
		if (c == 0)
		{
			*points_agent += a.level;
			if (a.level < r.level)
				*shortfall += r.level - a.level;
			ha = cursor_next(&ca, &a);
		}
		else
			*shortfall += r.level;
		if (stop_early && *shortfall > 0)
			return;
		hr = cursor_next(&cr, &r);
	}
	while (ha)
	{
		*points_agent += a.level;
		ha = cursor_next(&ca, &a);
	}
}

static bool
skillset_contains_internal(const SkillSet *agent, const SkillSet *req)
{
	int			pa,
				pr,
				shortfall;

	if (req->count > agent->count)
		return false;
	skillset_compare_levels(agent, req, true, &pa, &pr, &shortfall);
	return shortfall == 0;
}

PG_FUNCTION_INFO_V1(skillset_contains);
Datum
skillset_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(skillset_contains_internal(PG_GETARG_SKILLSET(0),
											  PG_GETARG_SKILLSET(1)));
}

PG_FUNCTION_INFO_V1(skillset_contained);
Datum
skillset_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(skillset_contains_internal(PG_GETARG_SKILLSET(1),
											  PG_GETARG_SKILLSET(0)));
}

/*
 * skill_fit(agent, required):
 *	qualified (agent @> required): 10 / (10 + surplus), in (0, 1], where
 *		surplus = sum of the agent's levels - sum of the required levels
 *		(levels above those asked for plus every skill not asked for);
 *		1 is an exact match;
 *	not qualified: -shortfall / sum of the required levels, in [-1, 0),
 *		where shortfall sums the levels missing on each required skill;
 *		-1 means none of the required skills at all.
 */
PG_FUNCTION_INFO_V1(skillset_fit);
Datum
skillset_fit(PG_FUNCTION_ARGS)
{
	SkillSet   *agent = PG_GETARG_SKILLSET(0);
	SkillSet   *req = PG_GETARG_SKILLSET(1);
	int			pa,
				pr,
				shortfall;

	skillset_compare_levels(agent, req, false, &pa, &pr, &shortfall);
	if (shortfall > 0)
		PG_RETURN_FLOAT8(-(double) shortfall / pr);
	PG_RETURN_FLOAT8(10.0 / (10.0 + (pa - pr)));
}

/* ---- accessors ------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(skillset_level);
Datum
skillset_level(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	text	   *t = PG_GETARG_TEXT_PP(1);
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *name;
	SkillCursor c;
	Skill		sk;

	if (len > SKILL_MAX_NAME)
		PG_RETURN_NULL();
	name = fold_name(VARDATA_ANY(t), len);
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
	{
		int			r = skill_name_cmp(sk.name, sk.len, name, len);

		if (r == 0)
			PG_RETURN_INT32(sk.level);
		if (r > 0)
			break;
	}
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(skillset_count);
Datum
skillset_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_SKILLSET(0)->count);
}

PG_FUNCTION_INFO_V1(skillset_skills);
Datum
skillset_skills(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SkillCursor c;
	Skill		sk;

	InitMaterializedSRF(fcinfo, 0);
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = PointerGetDatum(cstring_to_text_with_len(sk.name, sk.len));
		values[1] = Int32GetDatum(sk.level);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---- GIN ------------------------------------------------------------------ */

/*
 * The key of a skill at a level: a 28-bit hash of the name and the level in
 * the low 4 bits.  Two names may share a hash, so a match is rechecked.
 * Keys are stored in GIN indexes: never change how they are computed.
 */
static inline Datum
skill_gin_key(const Skill *sk, int level)
{
	uint32		h = hash_bytes((const unsigned char *) sk->name, sk->len);

	return Int32GetDatum((int32) ((h << 4) | (uint32) level));
}

PG_FUNCTION_INFO_V1(skillset_gin_extract_value);
Datum
skillset_gin_extract_value(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys;
	SkillCursor c;
	Skill		sk;
	int			n = 0;

	keys = palloc(Max(s->count, 1) * SKILL_MAX_LEVEL * sizeof(Datum));
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
		for (int l = SKILL_MIN_LEVEL; l <= sk.level; l++)
			keys[n++] = skill_gin_key(&sk, l);
	*nkeys = n;
	PG_RETURN_POINTER(keys);
}

PG_FUNCTION_INFO_V1(skillset_gin_extract_query);
Datum
skillset_gin_extract_query(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *keys;
	SkillCursor c;
	Skill		sk;
	int			n = 0;

	if (strategy != RTContainsStrategyNumber)
		elog(ERROR, "unrecognized skillset GIN strategy: %d", strategy);
	keys = palloc(Max(s->count, 1) * sizeof(Datum));
	cursor_init(&c, s);
	while (cursor_next(&c, &sk))
		keys[n++] = skill_gin_key(&sk, sk.level);
	*nkeys = n;
	/* nothing required: every row qualifies, the empty skillset too */
	if (n == 0)
		*searchMode = GIN_SEARCH_MODE_ALL;
	PG_RETURN_POINTER(keys);
}

/* every query key present: the row may match (a hash can collide: recheck) */
PG_FUNCTION_INFO_V1(skillset_gin_consistent);
Datum
skillset_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	*recheck = true;
	for (int i = 0; i < nkeys; i++)
		if (!check[i])
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(skillset_gin_triconsistent);
Datum
skillset_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);

	for (int i = 0; i < nkeys; i++)
		if (check[i] == GIN_FALSE)
			PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
	PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
}
