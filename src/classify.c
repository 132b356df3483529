/*-------------------------------------------------------------------------
 *
 * classify.c
 *	  Stage classification: classify_stage() maps an event or touchpoint name
 *	  to its journey stage, from a built-in vocabulary and the user's rules in
 *	  the table interaction_stage_rules; nps_category() names the group of an
 *	  NPS score.
 *
 * Matching is on words.  A text is split into words (runs of ASCII letters,
 * digits and non-ASCII characters; everything else separates), case-folded
 * and joined by single spaces: 'Ad-Click!' and 'ad_click' both read "ad
 * click", 'DÉMO' reads "démo" (in a UTF-8 database, by Unicode simple case
 * folding from a fixed table, src/classify_casefold.h).
 * A phrase matches when its words appear consecutively in the touchpoint's.
 * Among the matching phrases a user rule beats a built-in one, then the phrase
 * with more words, then the one with more characters, then the earliest one.
 *
 * The phrases, built-in and user, are compiled into one open-addressing hash
 * table of normalised word sequences (each phrase's leading word sequences are
 * entered too, marked as prefixes, so a lookup can stop extending as soon as
 * no phrase continues).  The table lives in a child of CacheMemoryContext and
 * is rebuilt when a relcache invalidation for the rules table arrives: the
 * table's triggers (stage_rules_invalidate) send one for every write, also
 * one applied by logical replication, so a change is seen at commit by every
 * session, at once by its own session, and is undone by a rollback (locally registered invalidations are
 * replayed on abort).  Each statement begins by accepting pending
 * invalidations, so a change committed elsewhere is seen by the next
 * statement even inside a transaction block.  Rules are read with a fresh
 * MVCC snapshot taken after the table is locked, like catalog data, so no
 * committed change can fall between the snapshot and the invalidation.
 *
 * src/classify.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "classify_casefold.h"

#define STAGE_RULES_TABLE	"interaction_stage_rules"

/*
 * Room that split_words() needs for a text of len bytes.  For a text near
 * the 1 GB limit of a value this is more than palloc() allows: such buffers
 * are allocated with MemoryContextAllocHuge().
 */
#define SPLIT_WORDS_MAX(len)	((Size) (len) + (Size) (len) / 2)

/*
 * The built-in vocabulary, written as a person would; each phrase is
 * normalised like any touchpoint when the matcher is built.  Keep
 * doc/classify.md in step.
 */
typedef struct BuiltinPhrase
{
	const char *phrase;
	int			stage;			/* STAGE_* ordinal */
} BuiltinPhrase;

static const BuiltinPhrase builtin_phrases[] = {
	{"ad", STAGE_AWARENESS},
	{"ad click", STAGE_AWARENESS},
	{"advertisement", STAGE_AWARENESS},
	{"impression", STAGE_AWARENESS},
	{"social post", STAGE_AWARENESS},
	{"social media", STAGE_AWARENESS},
	{"search", STAGE_AWARENESS},
	{"web search", STAGE_AWARENESS},
	{"word of mouth", STAGE_AWARENESS},
	{"event", STAGE_AWARENESS},
	{"webinar", STAGE_AWARENESS},
	{"blog", STAGE_AWARENESS},
	{"video", STAGE_AWARENESS},
	{"podcast", STAGE_AWARENESS},
	{"newsletter", STAGE_AWARENESS},

	{"demo", STAGE_CONSIDERATION},
	{"trial", STAGE_CONSIDERATION},
	{"free trial", STAGE_CONSIDERATION},
	{"sales call", STAGE_CONSIDERATION},
	{"pricing", STAGE_CONSIDERATION},
	{"pricing page", STAGE_CONSIDERATION},
	{"case study", STAGE_CONSIDERATION},
	{"comparison", STAGE_CONSIDERATION},
	{"quote", STAGE_CONSIDERATION},
	{"q&a", STAGE_CONSIDERATION},

	{"purchase", STAGE_ACQUISITION},
	{"order", STAGE_ACQUISITION},
	{"checkout", STAGE_ACQUISITION},
	{"transaction", STAGE_ACQUISITION},
	{"signup", STAGE_ACQUISITION},
	{"sign up", STAGE_ACQUISITION},
	{"contract", STAGE_ACQUISITION},
	{"onboarding", STAGE_ACQUISITION},
	{"welcome", STAGE_ACQUISITION},
	{"setup", STAGE_ACQUISITION},
	{"activation", STAGE_ACQUISITION},

	{"support", STAGE_RETENTION},
	{"ticket", STAGE_RETENTION},
	{"support ticket", STAGE_RETENTION},
	{"check-in", STAGE_RETENTION},
	{"account review", STAGE_RETENTION},
	{"training", STAGE_RETENTION},
	{"product update", STAGE_RETENTION},
	{"survey", STAGE_RETENTION},
	{"renewal", STAGE_RETENTION},
	{"repeat purchase", STAGE_RETENTION},
	{"upsell", STAGE_RETENTION},
	{"billing", STAGE_RETENTION},

	{"referral", STAGE_ADVOCACY},
	{"review", STAGE_ADVOCACY},
	{"testimonial", STAGE_ADVOCACY},
	{"case study participation", STAGE_ADVOCACY},
	{"community", STAGE_ADVOCACY},
	{"beta", STAGE_ADVOCACY},
	{"loyalty program", STAGE_ADVOCACY},
	{"success story", STAGE_ADVOCACY},
};

/* One entry of the matcher's hash table: a phrase, or a prefix of one. */
typedef struct StagePhrase
{
	const char *key;			/* normalised words; NULL in an empty slot */
	int			len;
	uint32		hash;
	int			nwords;
	int			stage;			/* STAGE_* ordinal, or -1 for a mere prefix */
	bool		user;			/* stage comes from a user rule */
	bool		prefix;			/* some longer phrase begins with these words */
} StagePhrase;

typedef struct StageMatcher
{
	MemoryContext cxt;			/* holds this struct and everything it points to */
	int			maxwords;		/* words in the longest phrase */
	uint32		mask;			/* table size - 1 (a power of two) */
	StagePhrase *slots;
} StageMatcher;

/*
 * The per-backend cache.  stage_matcher_valid is cleared by the relcache
 * callback when the rules table (stage_rules_relid) or every relation is
 * invalidated; the matcher is then rebuilt at its next use.
 */
static StageMatcher *stage_matcher = NULL;
static bool stage_matcher_valid = false;
static uint64 stage_inval_count = 0;
static Oid	stage_rules_relid = InvalidOid;
static bool stage_callback_registered = false;
static TimestampTz stage_checked_statement = 0;

/*
 * Byte classes for splitting words: 0 separates, anything else is the byte as
 * it appears in a normalised word (ASCII letters lower-cased).  Bytes above
 * 0x7F belong to words, except that in a UTF-8 database the punctuation and
 * spaces of U+0080-U+00BF (no-break space, guillemets, ...) and U+2000-U+207F
 * (dashes, curly quotes, bullets, ...) separate words like ASCII punctuation.
 */
static unsigned char word_bytes[256];
static bool word_bytes_ready = false;
static bool word_bytes_utf8 = false;

static void
word_bytes_init(void)
{
	for (int c = 0; c < 256; c++)
	{
		if (c >= 'A' && c <= 'Z')
			word_bytes[c] = (unsigned char) (c + ('a' - 'A'));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			word_bytes[c] = (unsigned char) c;
		else
			word_bytes[c] = 0;
	}
	word_bytes_utf8 = (GetDatabaseEncoding() == PG_UTF8);
	word_bytes_ready = true;
}

/*
 * Length of the UTF-8 punctuation character at s (see above), 0 if there is
 * none; s[0] is a byte above 0x7F.
 */
static inline int
utf8_punctuation_len(const unsigned char *s, int avail)
{
	if (s[0] == 0xC2 && avail >= 2 && s[1] >= 0x80 && s[1] <= 0xBF &&
		s[1] != 0xAA && s[1] != 0xB5 && s[1] != 0xBA)	/* ª µ º are letters */
		return 2;
	if (s[0] == 0xE2 && avail >= 3 && (s[1] == 0x80 || s[1] == 0x81) &&
		s[2] >= 0x80 && s[2] <= 0xBF)
		return 3;
	return 0;
}

static int
casefold_pair_cmp(const void *key, const void *pair)
{
	pg_wchar	cp = *(const pg_wchar *) key;
	pg_wchar	from = ((const CaseFoldPair *) pair)->from;

	return cp < from ? -1 : cp > from;
}

/* Simple case folding of code point cp (itself when it has none). */
static pg_wchar
utf8_fold(pg_wchar cp)
{
	const CaseFoldPair *pair;

	if (cp < casefold_pairs[0].from ||
		cp > casefold_pairs[lengthof(casefold_pairs) - 1].from)
		return cp;
	pair = bsearch(&cp, casefold_pairs, lengthof(casefold_pairs),
				   sizeof(CaseFoldPair), casefold_pair_cmp);
	return pair ? pair->to : cp;
}

/*
 * Split str[0..len) into words, written to out case-folded and separated by
 * single spaces; returns the length written (at most SPLIT_WORDS_MAX(len):
 * a few characters fold to longer ones) and the number of words in *nwords.
 * ASCII letters are lower-cased here; in a UTF-8 database every other
 * character gets its Unicode simple case folding from classify_casefold.h,
 * a fixed table, so the result depends on nothing but the database encoding.
 */
static int
split_words(const char *str, int len, char *out, int *nwords)
{
	int			o = 0;
	int			n = 0;
	bool		inword = false;

	if (!word_bytes_ready)
		word_bytes_init();
	for (int i = 0; i < len; i++)
	{
		unsigned char c = word_bytes[(unsigned char) str[i]];
		int			clen = 1;	/* bytes of str that c stands for */

		if (c >= 0x80 && word_bytes_utf8)
		{
			const unsigned char *s = (const unsigned char *) str + i;

			clen = utf8_punctuation_len(s, len - i);
			if (clen > 0)
				c = 0;
			else
			{
				clen = pg_utf_mblen(s);
				if (clen > len - i || clen < 2)
					clen = 1;	/* not valid UTF-8: take the byte as it is */
			}
		}
		if (c != 0)
		{
			if (!inword)
			{
				if (n++ > 0)
					out[o++] = ' ';
				inword = true;
			}
			if (clen == 1)
				out[o++] = (char) c;
			else
			{
				pg_wchar	cp = utf8_to_unicode((const unsigned char *) str + i);
				pg_wchar	folded = utf8_fold(cp);

				if (folded == cp)
				{
					memcpy(out + o, str + i, clen);
					o += clen;
				}
				else
				{
					unicode_to_utf8(folded, (unsigned char *) out + o);
					o += pg_utf_mblen((unsigned char *) out + o);
				}
			}
		}
		else
			inword = false;
		i += clen - 1;
	}
	*nwords = n;
	return o;
}

/* FNV-1a, one byte at a time, so that a key's hash can be extended word by word. */
#define PHRASE_HASH_INIT	2166136261u

static inline uint32
phrase_hash_extend(uint32 h, const char *s, int len)
{
	for (int i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

static inline StagePhrase *
matcher_lookup(const StageMatcher *m, const char *key, int len, uint32 h)
{
	for (uint32 i = h & m->mask;; i = (i + 1) & m->mask)
	{
		StagePhrase *p = &m->slots[i];

		if (p->key == NULL)
			return NULL;
		if (p->hash == h && p->len == len && memcmp(p->key, key, len) == 0)
			return p;
	}
}

/* The slot for key (which must live in m->cxt), claimed if it is new. */
static StagePhrase *
matcher_slot(StageMatcher *m, const char *key, int len, int nwords)
{
	uint32		h = phrase_hash_extend(PHRASE_HASH_INIT, key, len);
	StagePhrase *p = matcher_lookup(m, key, len, h);

	if (p == NULL)
	{
		uint32		i = h & m->mask;

		while (m->slots[i].key != NULL)
			i = (i + 1) & m->mask;
		p = &m->slots[i];
		p->key = key;			/* points into a PendingPhrase in m->cxt */
		p->len = len;
		p->hash = h;
		p->nwords = nwords;
		p->stage = -1;
		p->user = false;
		p->prefix = false;
	}
	return p;
}

/* A phrase (already normalised) to be compiled into the matcher. */
typedef struct PendingPhrase
{
	char	   *words;
	int			len;
	int			nwords;
	int			stage;
	bool		user;
} PendingPhrase;

static void
pending_add(List **list, const char *phrase, int len, int stage, bool user)
{
	PendingPhrase *pp = palloc(sizeof(PendingPhrase));

	pp->words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len) + 1);
	pp->len = split_words(phrase, len, pp->words, &pp->nwords);
	pp->words[pp->len] = '\0';
	pp->stage = stage;
	pp->user = user;
	if (pp->nwords > 0)
		*list = lappend(*list, pp);
}

/*
 * Build the matcher from the pending phrases, in cxt.  A phrase's leading
 * word sequences are entered as prefixes; where one normalised phrase is
 * given twice, a user rule beats a built-in one and otherwise the earlier
 * stage wins, so the result never depends on the order of the table's rows.
 */
static StageMatcher *
matcher_build(MemoryContext cxt, List *phrases)
{
	StageMatcher *m = MemoryContextAllocZero(cxt, sizeof(StageMatcher));
	ListCell   *lc;
	int			entries = 0;
	uint32		size = 16;

	foreach(lc, phrases)
		entries += ((PendingPhrase *) lfirst(lc))->nwords;
	while (size < (uint32) entries * 2)
		size *= 2;
	m->cxt = cxt;
	m->mask = size - 1;
	m->slots = MemoryContextAllocZero(cxt, sizeof(StagePhrase) * size);

	foreach(lc, phrases)
	{
		PendingPhrase *pp = lfirst(lc);
		StagePhrase *p;
		int			w = 0;

		/* its prefixes: the words before each inner space */
		for (int i = 0; i < pp->len; i++)
		{
			if (pp->words[i] == ' ')
				matcher_slot(m, pp->words, i, ++w)->prefix = true;
		}
		p = matcher_slot(m, pp->words, pp->len, pp->nwords);
		if (p->stage < 0 || (pp->user && !p->user) ||
			(pp->user == p->user && pp->stage < p->stage))
		{
			p->stage = pp->stage;
			p->user = pp->user;
		}
		m->maxwords = Max(m->maxwords, pp->nwords);
	}
	return m;
}

static void
stage_rules_inval_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == stage_rules_relid)
	{
		stage_matcher_valid = false;
		stage_inval_count++;
	}
}

/* Column number of a column of the rules table, checking its type. */
static AttrNumber
stage_rules_column(Relation rel, const char *name, Oid typid)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0 &&
			att->atttypid == typid)
			return att->attnum;
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("table \"%s\" has no column \"%s\" of type %s",
					RelationGetRelationName(rel), name, format_type_be(typid))));
	return InvalidAttrNumber;	/* keep compiler quiet */
}

/*
 * (Re)build the matcher: the built-in vocabulary plus the rows of
 * interaction_stage_rules in the schema of the calling function (the
 * extension's schema, wherever it was installed or moved to).
 */
static void
stage_matcher_load(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	MemoryContext oldcxt;
	Oid			nsp;
	Oid			relid;
	Relation	rel;
	Snapshot	snap;
	TableScanDesc scan;
	TupleTableSlot *slot;
	AttrNumber	phrase_att;
	AttrNumber	stage_att;
	List	   *phrases = NIL;
	StageMatcher *m;
	uint64		inval_count;

	if (fcinfo->flinfo == NULL || !OidIsValid(fcinfo->flinfo->fn_oid))
		elog(ERROR, "classify_stage called without function information");
	nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	relid = get_relname_relid(STAGE_RULES_TABLE, nsp);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s.%s\" does not exist",
						get_namespace_name(nsp), STAGE_RULES_TABLE),
				 errhint("classify_stage() reads its rules from this table in its own schema.")));

	if (!stage_callback_registered)
	{
		CacheRegisterRelcacheCallback(stage_rules_inval_callback, (Datum) 0);
		stage_callback_registered = true;
	}
	stage_rules_relid = relid;

	/*
	 * Built in a child of the caller's context, so that an error leaves
	 * nothing behind; moved under CacheMemoryContext once complete.
	 */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "interaction stage rules",
								ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(cxt);

	for (int i = 0; i < (int) lengthof(builtin_phrases); i++)
		pending_add(&phrases, builtin_phrases[i].phrase,
					strlen(builtin_phrases[i].phrase),
					builtin_phrases[i].stage, false);

	/*
	 * Locking the table accepts pending invalidations; the snapshot taken
	 * after that sees every change whose invalidation we have consumed.  An
	 * invalidation arriving later (counted by the callback) means the
	 * matcher may be stale, and it is built again at its next use; so is it
	 * after an error (a cancel, say) part way.
	 */
	rel = table_open(relid, AccessShareLock);
	inval_count = stage_inval_count;
	snap = RegisterSnapshot(GetCatalogSnapshot(relid));
	phrase_att = stage_rules_column(rel, "phrase", TEXTOID);
	/* classify_stage() returns the extension's journey_stage */
	stage_att = stage_rules_column(rel, "stage",
								   get_func_rettype(fcinfo->flinfo->fn_oid));
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, snap, 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		d;
		text	   *phrase;
		uint8		v;

		d = slot_getattr(slot, stage_att, &isnull);
		if (isnull)
			continue;
		v = DatumGetTaxonomy(d);
		if (TAXONOMY_TAG(v) != TAXONOMY_JOURNEY_STAGE ||
			TAXONOMY_ORDINAL(v) >= STAGE_COUNT)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid journey_stage value %u in \"%s\"",
							v, STAGE_RULES_TABLE)));
		d = slot_getattr(slot, phrase_att, &isnull);
		if (isnull)
			continue;
		phrase = DatumGetTextPP(d);
		pending_add(&phrases, VARDATA_ANY(phrase), VARSIZE_ANY_EXHDR(phrase),
					TAXONOMY_ORDINAL(v), true);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	UnregisterSnapshot(snap);
	table_close(rel, AccessShareLock);

	m = matcher_build(cxt, phrases);
	MemoryContextSwitchTo(oldcxt);

	/* Install it, dropping the old matcher and everything in its context. */
	MemoryContextSetParent(cxt, CacheMemoryContext);
	if (stage_matcher != NULL)
		MemoryContextDelete(stage_matcher->cxt);
	stage_matcher = m;
	stage_matcher_valid = (stage_inval_count == inval_count);
}

/*
 * The matcher, current as of this statement: the first call of a statement
 * takes in invalidations that other sessions have committed since (a
 * transaction block that holds its locks would otherwise not see them).
 */
static StageMatcher *
stage_matcher_get(FunctionCallInfo fcinfo)
{
	TimestampTz now = GetCurrentStatementStartTimestamp();

	if (now != stage_checked_statement)
	{
		AcceptInvalidationMessages();
		stage_checked_statement = now;
	}
	if (!stage_matcher_valid)
		stage_matcher_load(fcinfo);
	return stage_matcher;
}

/* Is match a better answer than best?  Ties go to the earlier one (best). */
static inline bool
stage_match_better(const StagePhrase *match, const StagePhrase *best)
{
	if (best == NULL)
		return true;
	if (match->user != best->user)
		return match->user;
	if (match->nwords != best->nwords)
		return match->nwords > best->nwords;
	return match->len > best->len;
}

/* Touchpoints up to this length are normalised on the stack. */
#define CLASSIFY_STACK_LEN	256

PG_FUNCTION_INFO_V1(classify_stage);
Datum
classify_stage(PG_FUNCTION_ARGS)
{
	text	   *touchpoint = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(touchpoint);
	const StageMatcher *m = stage_matcher_get(fcinfo);
	char		stack_words[CLASSIFY_STACK_LEN];
	char	   *words = stack_words;
	int			nwords;
	const StagePhrase *best = NULL;

	if (SPLIT_WORDS_MAX(len) > CLASSIFY_STACK_LEN)
		words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len));
	len = split_words(VARDATA_ANY(touchpoint), len, words, &nwords);

	/*
	 * From each word on, look up ever longer word sequences (words[start ..
	 * end)) until no phrase begins with the sequence.
	 */
	for (int start = 0; start < len;)
	{
		uint32		h = PHRASE_HASH_INIT;
		int			end = start;

		for (int n = 1;; n++)
		{
			const char *space = memchr(words + end, ' ', len - end);
			int			word_end = space ? (int) (space - words) : len;
			const StagePhrase *p;

			h = phrase_hash_extend(h, words + end, word_end - end);
			p = matcher_lookup(m, words + start, word_end - start, h);
			if (p == NULL)
				break;
			if (p->stage >= 0 && stage_match_better(p, best))
				best = p;
			if (!p->prefix || word_end == len || n >= m->maxwords)
				break;
			h = phrase_hash_extend(h, " ", 1);
			end = word_end + 1;
		}
		/* the next word */
		{
			const char *space = memchr(words + start, ' ', len - start);

			start = space ? (int) (space - words) + 1 : len;
		}
	}

	if (words != stack_words)
		pfree(words);
	if (best == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(TAXONOMY_JOURNEY_STAGE, best->stage));
}

/* The words classify_stage() sees in a text, as one space-separated string. */
PG_FUNCTION_INFO_V1(touchpoint_words);
Datum
touchpoint_words(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	text	   *result = MemoryContextAllocHuge(CurrentMemoryContext,
												VARHDRSZ + SPLIT_WORDS_MAX(len));
	int			nwords;

	len = split_words(VARDATA_ANY(t), len, VARDATA(result), &nwords);
	if ((Size) len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the words of the text are too long for a text value"),
				 errdetail("Case folding made them %d bytes long.", len)));
	SET_VARSIZE(result, VARHDRSZ + len);
	PG_RETURN_TEXT_P(result);
}

/* The built-in vocabulary as (phrase, stage) rows. */
PG_FUNCTION_INFO_V1(stage_vocabulary);
Datum
stage_vocabulary(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < (int) lengthof(builtin_phrases); i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(builtin_phrases[i].phrase);
		values[1] = TaxonomyGetDatum(TAXONOMY_VALUE(TAXONOMY_JOURNEY_STAGE,
													builtin_phrases[i].stage));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * Trigger on interaction_stage_rules (for each row on INSERT, UPDATE and
 * DELETE, for each statement on TRUNCATE): every write sends a relcache
 * invalidation for the table (to this session after the command, to the
 * others at commit), which tells every backend to rebuild its matcher.  A
 * statement writing many rows registers one invalidation: duplicates within
 * a command are dropped.  Row triggers are what the logical replication
 * apply worker fires.  As a row trigger it returns the row, so that it would
 * change nothing even if attached BEFORE.
 */
PG_FUNCTION_INFO_V1(stage_rules_invalidate);
Datum
stage_rules_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger functions can only be called as triggers")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							   trigdata->tg_newtuple : trigdata->tg_trigtuple);
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(nps_category);
Datum
nps_category(PG_FUNCTION_ARGS)
{
	int32		score = PG_GETARG_INT32(0);

	if (score < 0 || score > 10)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("NPS score %d is out of range", score),
				 errdetail("Scores run from 0 to 10.")));
	PG_RETURN_TEXT_P(cstring_to_text(score <= 6 ? "detractor" :
									 score <= 8 ? "passive" : "promoter"));
}
