/*-------------------------------------------------------------------------
 *
 * classify.c
 *	  Text classification: one engine that maps a text to a label of a
 *	  taxonomy from a built-in vocabulary and the user's rules in a table.
 *	  classify_stage() (journey_stage, table interaction_stage_rules),
 *	  classify_kind() (interaction_kind, interaction_kind_rules) and
 *	  classify_urgency() (interaction_urgency, interaction_urgency_rules) are
 *	  three rows of the table "classifiers" below; nps_category() names the
 *	  group of an NPS score.
 *
 * Matching is on words.  A text is split into words (runs of ASCII letters,
 * digits and non-ASCII characters; everything else separates), case-folded
 * and joined by single spaces: 'Ad-Click!' and 'ad_click' both read "ad
 * click", 'DÉMO' reads "démo" (in a UTF-8 database, by Unicode simple case
 * folding from a fixed table, src/classify_casefold.h).
 * A phrase matches when its words appear consecutively in the text's.  Where
 * the taxonomy honours negation, a match preceded within two words by "not",
 * "no", "never" or a word ending in "n't" does not count.  A match lying
 * inside a longer match of the same origin (user or built-in) does not count
 * either.  Among the rest a user rule beats a built-in phrase, and then the
 * longest phrase wins (DESIGN section 2), by words: for stages then by
 * characters; for kinds and urgencies then by the label that comes first in
 * the taxonomy's precedence (a complaint before a support request, critical
 * before planned); last, the earliest match.
 *
 * The phrases, built-in and user, are compiled into one open-addressing hash
 * table of normalised word sequences per taxonomy (each phrase's leading word
 * sequences are entered too, marked as prefixes, so a lookup can stop
 * extending as soon as no phrase continues).  The table lives in a child of
 * CacheMemoryContext and is marked stale when a relcache invalidation for its
 * rules table arrives: the table's triggers send one for every write, also
 * one applied by logical replication, so a change reaches every session at
 * commit, its own session at its next command, and is undone by a rollback
 * (locally registered invalidations are replayed on abort).
 *
 * One answer per statement (the functions are STABLE): the first call of a
 * statement accepts pending invalidations, checks the caller's privileges on
 * the rules table, and rebuilds the matcher if it is stale; later calls of
 * the same statement use that matcher even if an invalidation has arrived
 * since.  A statement is told by a counter that executor and utility hooks
 * bump at every top-level statement (statement_timestamp() is shared by the
 * statements of one query string), with the local transaction id, and the
 * command id in a statement that writes rules itself (in a function): that
 * one sees its changes from its next command on, like any query of a
 * VOLATILE function.
 * Rules are read with a fresh MVCC snapshot taken after the table is locked,
 * like catalog data, so no committed change can fall between the snapshot
 * and the invalidation.
 *
 * src/classify.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "classify_casefold.h"
#ifndef CLASSIFY_CASEFOLD_UNICODE_VERSION
#error "src/classify_casefold.h has no Unicode version: run 'make casefold'"
#endif

/*
 * Room that split_words() needs for a text of len bytes.  For a text near
 * the 1 GB limit of a value this is more than palloc() allows: such buffers
 * are allocated with MemoryContextAllocHuge().
 */
#define SPLIT_WORDS_MAX(len)	((Size) (len) + (Size) (len) / 2)

/*
 * The built-in vocabularies, written as a person would, each phrase with the
 * label it gives; each phrase is normalised like any text when the matcher is
 * built.  Keep doc/classify.md in step.
 */
typedef struct VocabularyEntry
{
	const char *phrase;
	const char *label;
} VocabularyEntry;

static const VocabularyEntry stage_vocabulary_entries[] = {
	{"ad", "awareness"}, {"ad click", "awareness"}, {"advertisement", "awareness"},
	{"impression", "awareness"}, {"social post", "awareness"}, {"social media", "awareness"},
	{"search", "awareness"}, {"web search", "awareness"}, {"word of mouth", "awareness"},
	{"event", "awareness"}, {"webinar", "awareness"}, {"blog", "awareness"},
	{"video", "awareness"}, {"podcast", "awareness"}, {"newsletter", "awareness"},

	{"demo", "consideration"}, {"trial", "consideration"}, {"free trial", "consideration"},
	{"sales call", "consideration"}, {"pricing", "consideration"},
	{"pricing page", "consideration"}, {"case study", "consideration"},
	{"comparison", "consideration"}, {"quote", "consideration"}, {"q&a", "consideration"},

	{"purchase", "acquisition"}, {"order", "acquisition"}, {"checkout", "acquisition"},
	{"transaction", "acquisition"}, {"signup", "acquisition"}, {"sign up", "acquisition"},
	{"contract", "acquisition"}, {"onboarding", "acquisition"}, {"welcome", "acquisition"},
	{"setup", "acquisition"}, {"activation", "acquisition"},

	{"support", "retention"}, {"ticket", "retention"}, {"support ticket", "retention"},
	{"check-in", "retention"}, {"account review", "retention"}, {"training", "retention"},
	{"product update", "retention"}, {"survey", "retention"}, {"renewal", "retention"},
	{"repeat purchase", "retention"}, {"upsell", "retention"}, {"billing", "retention"},

	{"referral", "advocacy"}, {"review", "advocacy"}, {"testimonial", "advocacy"},
	{"case study participation", "advocacy"}, {"community", "advocacy"},
	{"beta", "advocacy"}, {"loyalty program", "advocacy"}, {"success story", "advocacy"},
};

/*
 * What an interaction is about.  There is no stemming, so the usual inflected
 * forms are listed; longer phrases that contain a shorter one of another kind
 * ("would love to see", "thanks for your help") take the shorter one's words
 * for themselves.
 */
static const VocabularyEntry kind_vocabulary_entries[] = {
	{"question", "inquiry"}, {"questions", "inquiry"}, {"quick question", "inquiry"},
	{"how do i", "inquiry"}, {"how can i", "inquiry"}, {"how do we", "inquiry"},
	{"how do you", "inquiry"}, {"how does", "inquiry"}, {"how to", "inquiry"},
	{"how much", "inquiry"}, {"how long", "inquiry"}, {"what is", "inquiry"},
	{"what are", "inquiry"}, {"where is", "inquiry"}, {"where can i", "inquiry"},
	{"when will", "inquiry"}, {"when does", "inquiry"}, {"is there", "inquiry"},
	{"is it possible", "inquiry"}, {"do you offer", "inquiry"}, {"do you have", "inquiry"},
	{"do you ship", "inquiry"}, {"can i", "inquiry"}, {"pricing", "inquiry"},
	{"price", "inquiry"}, {"prices", "inquiry"}, {"information", "inquiry"},
	{"info", "inquiry"}, {"availability", "inquiry"}, {"quote", "inquiry"},
	{"wondering", "inquiry"}, {"curious", "inquiry"}, {"inquiry", "inquiry"},
	{"enquiry", "inquiry"}, {"can you tell me", "inquiry"}, {"are there", "inquiry"},
	{"how many", "inquiry"},

	{"not working", "support"}, {"stopped working", "support"}, {"doesn't work", "support"},
	{"doesnt work", "support"}, {"does not work", "support"}, {"won't work", "support"},
	{"broken", "support"},
	{"error", "support"}, {"errors", "support"}, {"error message", "support"},
	{"help", "support"}, {"issue", "support"}, {"issues", "support"},
	{"problem", "support"}, {"problems", "support"}, {"bug", "support"},
	{"bugs", "support"}, {"crash", "support"}, {"crashes", "support"},
	{"crashed", "support"}, {"crashing", "support"}, {"can't log in", "support"},
	{"cannot log in", "support"}, {"can't login", "support"}, {"cannot login", "support"},
	{"cant log in", "support"}, {"cant login", "support"},
	{"unable to", "support"}, {"reset password", "support"}, {"reset my password", "support"},
	{"password reset", "support"}, {"fix", "support"}, {"fails", "support"},
	{"failed", "support"}, {"failing", "support"}, {"fail", "support"},
	{"stuck", "support"},
	{"freezes", "support"}, {"frozen", "support"}, {"won't load", "support"},
	{"doesn't load", "support"}, {"not loading", "support"}, {"locked out", "support"},
	{"glitch", "support"}, {"troubleshoot", "support"}, {"assistance", "support"},
	{"freezing", "support"}, {"is wrong", "support"}, {"went wrong", "support"},
	{"outage", "support"}, {"is down", "support"}, {"are down", "support"},
	{"went down", "support"}, {"offline", "support"}, {"security breach", "support"},
	{"data loss", "support"}, {"cannot access", "support"}, {"can't access", "support"},
	{"hacked", "support"},

	{"complaint", "complaint"}, {"complain", "complaint"}, {"complained", "complaint"},
	{"complaining", "complaint"},
	{"unacceptable", "complaint"}, {"refund", "complaint"}, {"money back", "complaint"},
	{"terrible", "complaint"}, {"awful", "complaint"}, {"horrible", "complaint"},
	{"angry", "complaint"}, {"furious", "complaint"}, {"disappointed", "complaint"},
	{"disappointing", "complaint"}, {"frustrated", "complaint"}, {"frustrating", "complaint"},
	{"worst", "complaint"}, {"rude", "complaint"}, {"overcharged", "complaint"},
	{"charged twice", "complaint"}, {"double charged", "complaint"},
	{"cancel my account", "complaint"}, {"cancel my subscription", "complaint"},
	{"ridiculous", "complaint"}, {"poor service", "complaint"}, {"bad service", "complaint"},
	{"never again", "complaint"}, {"not happy", "complaint"}, {"unhappy", "complaint"},
	{"not satisfied", "complaint"}, {"dissatisfied", "complaint"}, {"spam", "complaint"}, {"still waiting", "complaint"}, {"thanks for nothing", "complaint"},

	{"suggestion", "feedback"}, {"suggestions", "feedback"}, {"suggest", "feedback"},
	{"feature request", "feedback"}, {"feedback", "feedback"}, {"idea", "feedback"},
	{"ideas", "feedback"},
	{"would be nice", "feedback"}, {"would be great if", "feedback"}, {"improve", "feedback"},
	{"improvement", "feedback"}, {"please add", "feedback"}, {"could you add", "feedback"},
	{"would love to see", "feedback"}, {"it would help", "feedback"}, {"wish", "feedback"},
	{"consider adding", "feedback"}, {"you should", "feedback"}, {"would be better", "feedback"},
	{"could be better", "feedback"}, {"just a thought", "feedback"},

	{"thank you", "compliment"}, {"thanks", "compliment"}, {"great service", "compliment"},
	{"great job", "compliment"}, {"great support", "compliment"}, {"excellent", "compliment"},
	{"amazing", "compliment"}, {"love", "compliment"}, {"awesome", "compliment"},
	{"well done", "compliment"}, {"kudos", "compliment"}, {"helpful", "compliment"},
	{"fantastic", "compliment"}, {"wonderful", "compliment"}, {"brilliant", "compliment"},
	{"lovely", "compliment"},
	{"impressed", "compliment"}, {"appreciate", "compliment"},
	{"perfect", "compliment"}, {"for your help", "compliment"}, {"for the help", "compliment"},
	{"quick fix", "compliment"}, {"problem solved", "compliment"}, {"issue resolved", "compliment"},
};

/* How soon an interaction needs an answer. */
static const VocabularyEntry urgency_vocabulary_entries[] = {
	{"urgent", "critical"}, {"urgently", "critical"}, {"asap", "critical"},
	{"as soon as possible", "critical"}, {"immediately", "critical"},
	{"emergency", "critical"}, {"outage", "critical"}, {"down", "critical"},
	{"security breach", "critical"}, {"data loss", "critical"}, {"lost data", "critical"},
	{"cannot access", "critical"}, {"can't access", "critical"},
	{"unable to access", "critical"}, {"critical", "critical"}, {"right now", "critical"},
	{"hacked", "critical"}, {"high priority", "critical"}, {"top priority", "critical"},

	{"scheduled", "planned"}, {"schedule", "planned"}, {"quarterly review", "planned"},
	{"annual review", "planned"}, {"renewal", "planned"}, {"training session", "planned"},
	{"appointment", "planned"}, {"meeting", "planned"}, {"onboarding call", "planned"},
	{"next week", "planned"}, {"next month", "planned"}, {"reschedule", "planned"},
	{"planned", "planned"}, {"upcoming", "planned"}, {"maintenance window", "planned"},

	{"newsletter", "stabilizing"}, {"check-in", "stabilizing"}, {"update", "stabilizing"},
	{"updates", "stabilizing"}, {"reminder", "stabilizing"}, {"tips", "stabilizing"},
	{"routine", "stabilizing"}, {"fyi", "stabilizing"}, {"no rush", "stabilizing"},
	{"no hurry", "stabilizing"}, {"not urgent", "stabilizing"}, {"isn't urgent", "stabilizing"},
	{"nothing urgent", "stabilizing"},
	{"when you have time", "stabilizing"}, {"when you get a chance", "stabilizing"},
	{"low priority", "stabilizing"}, {"just checking", "stabilizing"},
	{"following up", "stabilizing"}, {"follow up", "stabilizing"},
};

/*
 * One taxonomy that texts are classified into: its type, its rules table and
 * the column of that table holding the label, its built-in vocabulary, whether
 * negation counts, and how matches of equally many words are decided
 * (precedence: labels, the one that wins first; none: the longer phrase by
 * characters).  A new taxonomy is a new
 * row here (and its SQL: a function over classify_text, a rules table with the
 * trigger interaction_rules_changed), not new code.  Below the definition, the
 * per-backend state.
 */
typedef struct ClassifyMatcher ClassifyMatcher;

typedef struct Classifier
{
	const char *typname;		/* the taxonomy type the functions return */
	TaxonomyTag tag;
	const char *function;		/* for messages */
	const char *rules_table;	/* in the schema of the calling function */
	const char *label_column;
	bool		negation;
	const char *precedence[TAXONOMY_MAX_LABELS];
	const VocabularyEntry *vocabulary;
	int			nvocabulary;

	/* per-backend state */
	ClassifyMatcher *matcher;	/* NULL until first built */
	bool		stale;			/* an invalidation arrived since it was built */
	uint64		inval_count;	/* invalidations seen for the rules table */
	Oid			relid;			/* the rules table the matcher was built from */
	AttrNumber	phrase_att;
	AttrNumber	label_att;
	uint64		checked_statement;	/* statement key of the last check (see */
	LocalTransactionId checked_lxid;	/* classify_matcher_get) */
	CommandId	checked_cid;
	Oid			checked_user;
} Classifier;

static Classifier classifiers[] = {
	{
		.typname = "journey_stage", .tag = TAXONOMY_JOURNEY_STAGE,
		.function = "classify_stage", .rules_table = "interaction_stage_rules",
		.label_column = "stage", .negation = false, .precedence = {NULL},
		.vocabulary = stage_vocabulary_entries,
		.nvocabulary = lengthof(stage_vocabulary_entries)
	},
	{
		.typname = "interaction_kind", .tag = TAXONOMY_INTERACTION_KIND,
		.function = "classify_kind", .rules_table = "interaction_kind_rules",
		.label_column = "kind", .negation = true,
		.precedence = {"complaint", "support", "inquiry", "feedback", "compliment"},
		.vocabulary = kind_vocabulary_entries,
		.nvocabulary = lengthof(kind_vocabulary_entries)
	},
	{
		.typname = "interaction_urgency", .tag = TAXONOMY_INTERACTION_URGENCY,
		.function = "classify_urgency", .rules_table = "interaction_urgency_rules",
		.label_column = "urgency", .negation = true,
		.precedence = {"critical", "planned", "stabilizing"},
		.vocabulary = urgency_vocabulary_entries,
		.nvocabulary = lengthof(urgency_vocabulary_entries)
	},
};

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
 *
 * If breaks is not NULL, breaks[k] tells whether a clause break (one of
 * , . ; : ! ? ( ), a line break, an en or em dash, or a hyphen after a blank)
 * stands between word k and the word before it; it needs room for
 * (len + 1) / 2 words.
 */
static int
split_words(const char *str, int len, char *out, int *nwords, bool *breaks)
{
	int			o = 0;
	int			n = 0;
	bool		inword = false;
	bool		clause_break = false;

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
			{
				c = 0;
				/* en and em dashes (U+2013, U+2014) end a clause */
				if (clen == 3 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94))
					clause_break = true;
			}
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
				if (breaks)
					breaks[n] = clause_break;
				clause_break = false;
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
		{
			inword = false;
			/* so do , . ; : ! ? ( ) a line break and a dash after a blank */
			if (clen == 1 && (strchr(",.;:!?()\n", str[i]) != NULL ||
							  (str[i] == '-' && i > 0 && str[i - 1] == ' ')))
				clause_break = true;
		}
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

/* One entry of a matcher's hash table: a phrase, or a prefix of one. */
typedef struct ClassifyPhrase
{
	const char *key;			/* normalised words; NULL in an empty slot */
	int			len;
	uint32		hash;
	int			nwords;
	int			label;			/* the label's ordinal, or -1 for a mere prefix */
	bool		user;			/* the label comes from a user rule */
	bool		prefix;			/* some longer phrase begins with these words */
	uint64		rank;			/* the greater wins; see phrase_rank() */
} ClassifyPhrase;

struct ClassifyMatcher
{
	MemoryContext cxt;			/* holds this struct and everything it points to */
	int			maxwords;		/* words in the longest phrase */
	uint32		mask;			/* table size - 1 (a power of two) */
	ClassifyPhrase *slots;
};

static inline ClassifyPhrase *
matcher_lookup(const ClassifyMatcher *m, const char *key, int len, uint32 h)
{
	for (uint32 i = h & m->mask;; i = (i + 1) & m->mask)
	{
		ClassifyPhrase *p = &m->slots[i];

		if (p->key == NULL)
			return NULL;
		if (p->hash == h && p->len == len && memcmp(p->key, key, len) == 0)
			return p;
	}
}

/* The slot for key (which must live in m->cxt), claimed if it is new. */
static ClassifyPhrase *
matcher_slot(ClassifyMatcher *m, const char *key, int len, int nwords)
{
	uint32		h = phrase_hash_extend(PHRASE_HASH_INIT, key, len);
	ClassifyPhrase *p = matcher_lookup(m, key, len, h);

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
		p->label = -1;
		p->user = false;
		p->prefix = false;
		p->rank = 0;
	}
	return p;
}

/* A phrase (already normalised) to be compiled into the matcher. */
typedef struct PendingPhrase
{
	char	   *words;
	int			len;
	int			nwords;
	int			label;
	bool		user;
} PendingPhrase;

static void
pending_add(List **list, const char *phrase, int len, int label, bool user)
{
	PendingPhrase *pp = palloc(sizeof(PendingPhrase));

	pp->words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len) + 1);
	pp->len = split_words(phrase, len, pp->words, &pp->nwords, NULL);
	pp->words[pp->len] = '\0';
	pp->label = label;
	pp->user = user;
	if (pp->nwords > 0)
		*list = lappend(*list, pp);
}

/* The ordinal of a label of c's taxonomy written in this file. */
static int
classifier_label(const Classifier *c, const char *label)
{
	uint8		v;

	if (!taxonomy_parse(c->tag, label, &v))
		elog(ERROR, "\"%s\" is not a label of %s", label, c->typname);
	return TAXONOMY_ORDINAL(v);
}

/*
 * A phrase's standing among the matches of a text, as one number (the greater
 * wins; equal ones go to the earlier match): a user rule first (bit 63); then
 * the number of words (bits 32-55); then, in a taxonomy with a precedence, the
 * label's place in it, and in one without, the number of characters (bits
 * 0-31).
 */
static uint64
phrase_rank(const Classifier *c, const int *precedence, const PendingPhrase *pp)
{
	uint64		rank = pp->user ? UINT64CONST(1) << 63 : 0;
	uint64		words = (uint64) Min(pp->nwords, 0xFFFFFF);

	rank |= words << 32;
	if (c->precedence[0] != NULL)
		rank |= (uint64) (TAXONOMY_MAX_LABELS - precedence[pp->label]);
	else
		rank |= (uint64) (uint32) pp->len;
	return rank;
}

/*
 * Build the matcher from the pending phrases, in cxt.  A phrase's leading
 * word sequences are entered as prefixes; where one normalised phrase is
 * given twice, the greater rank wins (a user rule beats a built-in one) and
 * then the lower label, so the result never depends on the order of the
 * table's rows.
 */
static ClassifyMatcher *
matcher_build(const Classifier *c, MemoryContext cxt, List *phrases)
{
	ClassifyMatcher *m = MemoryContextAllocZero(cxt, sizeof(ClassifyMatcher));
	int			precedence[TAXONOMY_MAX_LABELS];
	ListCell   *lc;
	int			entries = 0;
	uint32		size = 16;

	for (int i = 0; i < TAXONOMY_MAX_LABELS; i++)
		precedence[i] = TAXONOMY_MAX_LABELS;
	for (int i = 0; i < TAXONOMY_MAX_LABELS && c->precedence[i] != NULL; i++)
		precedence[classifier_label(c, c->precedence[i])] = i;

	foreach(lc, phrases)
		entries += ((PendingPhrase *) lfirst(lc))->nwords;
	while (size < (uint32) entries * 2)
		size *= 2;
	m->cxt = cxt;
	m->mask = size - 1;
	m->slots = MemoryContextAllocZero(cxt, sizeof(ClassifyPhrase) * size);

	foreach(lc, phrases)
	{
		PendingPhrase *pp = lfirst(lc);
		ClassifyPhrase *p;
		uint64		rank = phrase_rank(c, precedence, pp);
		int			w = 0;

		/* its prefixes: the words before each inner space */
		for (int i = 0; i < pp->len; i++)
		{
			if (pp->words[i] == ' ')
				matcher_slot(m, pp->words, i, ++w)->prefix = true;
		}
		p = matcher_slot(m, pp->words, pp->len, pp->nwords);
		if (p->label < 0 || rank > p->rank || (rank == p->rank && pp->label < p->label))
		{
			p->label = pp->label;
			p->user = pp->user;
			p->rank = rank;
		}
		m->maxwords = Max(m->maxwords, pp->nwords);
	}
	return m;
}

/*
 * Negation.  A normalised text has lost its apostrophes: "don't" reads "don
 * t", "it's" reads "it s".  For counting words a contraction's tail belongs to
 * the word before it, and a tail "t" after a word ending in "n" is a negation
 * ("n't").  Spellings without the apostrophe count too.
 */
static const char *const negation_words[] = {
	"not", "no", "never", "cannot", "dont", "doesnt", "didnt", "isnt", "arent",
	"wasnt", "werent", "cant", "wont", "wouldnt", "couldnt", "shouldnt",
	"havent", "hasnt", "hadnt", "aint",
};

static const char *const contraction_tails[] = {"t", "s", "d", "m", "ll", "re", "ve"};

static bool
word_in(const char *word, int len, const char *const *list, int n)
{
	for (int i = 0; i < n; i++)
	{
		if ((int) strlen(list[i]) == len && memcmp(list[i], word, len) == 0)
			return true;
	}
	return false;
}

/*
 * Is the phrase starting at words[start], word number wordno, preceded by a
 * negation within two words of its clause?
 */
static bool
preceded_by_negation(const char *words, int start, const bool *breaks, int wordno)
{
	int			end = start - 1;	/* the space after the word before */
	int			k = wordno;			/* number of the word after end */

	for (int counted = 0; counted < 2 && end > 0 && !breaks[k]; counted++)
	{
		int			b = end;

		while (b > 0 && words[b - 1] != ' ')
			b--;
		k--;
		/* words[b .. end) is word k */
		if (word_in(words + b, end - b, negation_words, lengthof(negation_words)))
			return true;
		if (k > 0 && !breaks[k] &&
			word_in(words + b, end - b, contraction_tails, lengthof(contraction_tails)))
		{
			if (end - b == 1 && words[b] == 't' && words[b - 2] == 'n')
				return true;
			/* the tail and the word it was cut from count as one */
			b--;
			while (b > 0 && words[b - 1] != ' ')
				b--;
			k--;
		}
		end = b - 1;
	}
	return false;
}

/*
 * Statements.  statement_count goes up at every top-level statement (an
 * executor or utility start outside any other executor or utility run);
 * queries run by functions within a statement are part of it.
 */
static uint64 statement_count = 0;
static int	statement_nesting = 0;

/*
 * The statement (statement_count and local transaction id) in which this
 * session last wrote to a rules table (the tables' trigger records it).  In
 * that statement the command id is part of the statement key, so that the
 * statement sees its own changes from its next command on; in any other the
 * key ignores the command id, so that writes to other tables (by triggers or
 * functions of the statement) do not open it to rules committed meanwhile.
 */
static uint64 rules_written_statement = 0;
static LocalTransactionId rules_written_lxid = InvalidLocalTransactionId;
static ExecutorStart_hook_type prev_ExecutorStart = NULL;
static ExecutorRun_hook_type prev_ExecutorRun = NULL;
static ExecutorFinish_hook_type prev_ExecutorFinish = NULL;
static ProcessUtility_hook_type prev_ProcessUtility = NULL;

static void
classify_ExecutorStart(QueryDesc *queryDesc, int eflags)
{
	if (statement_nesting == 0)
		statement_count++;
	if (prev_ExecutorStart)
		prev_ExecutorStart(queryDesc, eflags);
	else
		standard_ExecutorStart(queryDesc, eflags);
}

static void
classify_ExecutorRun(QueryDesc *queryDesc, ScanDirection direction, uint64 count,
					 bool execute_once)
{
	statement_nesting++;
	PG_TRY();
	{
		if (prev_ExecutorRun)
			prev_ExecutorRun(queryDesc, direction, count, execute_once);
		else
			standard_ExecutorRun(queryDesc, direction, count, execute_once);
	}
	PG_FINALLY();
	{
		statement_nesting--;
	}
	PG_END_TRY();
}

static void
classify_ExecutorFinish(QueryDesc *queryDesc)
{
	statement_nesting++;
	PG_TRY();
	{
		if (prev_ExecutorFinish)
			prev_ExecutorFinish(queryDesc);
		else
			standard_ExecutorFinish(queryDesc);
	}
	PG_FINALLY();
	{
		statement_nesting--;
	}
	PG_END_TRY();
}

static void
classify_ProcessUtility(PlannedStmt *pstmt, const char *queryString, bool readOnlyTree,
						ProcessUtilityContext context, ParamListInfo params,
						QueryEnvironment *queryEnv, DestReceiver *dest, QueryCompletion *qc)
{
	if (statement_nesting == 0)
		statement_count++;
	statement_nesting++;
	PG_TRY();
	{
		if (prev_ProcessUtility)
			prev_ProcessUtility(pstmt, queryString, readOnlyTree, context, params,
								queryEnv, dest, qc);
		else
			standard_ProcessUtility(pstmt, queryString, readOnlyTree, context, params,
									queryEnv, dest, qc);
	}
	PG_FINALLY();
	{
		statement_nesting--;
	}
	PG_END_TRY();
}

void		_PG_init(void);

void
_PG_init(void)
{
	prev_ExecutorStart = ExecutorStart_hook;
	ExecutorStart_hook = classify_ExecutorStart;
	prev_ExecutorRun = ExecutorRun_hook;
	ExecutorRun_hook = classify_ExecutorRun;
	prev_ExecutorFinish = ExecutorFinish_hook;
	ExecutorFinish_hook = classify_ExecutorFinish;
	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = classify_ProcessUtility;
}

static bool callback_registered = false;

static void
classify_inval_callback(Datum arg, Oid relid)
{
	for (int i = 0; i < (int) lengthof(classifiers); i++)
	{
		Classifier *c = &classifiers[i];

		if (relid == InvalidOid || (OidIsValid(c->relid) && relid == c->relid))
		{
			c->stale = true;
			c->inval_count++;
		}
	}
}

/* Column number of a column of a rules table, checking its type. */
static AttrNumber
rules_column(Relation rel, const char *name, Oid typid)
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
 * The current user must be allowed to read every rule: SELECT on the table
 * (or on both its columns), and no row-level security hiding rows from it.
 * Policies are refused rather than applied: a matcher is shared by every
 * role of the session, and rules that differ by role would be a surprise.
 */
static void
classify_check_access(Classifier *c, Oid relid)
{
	Oid			user = GetUserId();

	if (pg_class_aclcheck(relid, user, ACL_SELECT) != ACLCHECK_OK &&
		(pg_attribute_aclcheck(relid, c->phrase_att, user, ACL_SELECT) != ACLCHECK_OK ||
		 pg_attribute_aclcheck(relid, c->label_att, user, ACL_SELECT) != ACLCHECK_OK))
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, get_rel_name(relid));
	if (check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("%s() does not apply row-level security, which is enabled for table \"%s\"",
						c->function, get_rel_name(relid)),
				 errdetail("Every rule of the table takes part in classification."),
				 errhint("Disable row-level security on the table, or classify as a role that bypasses it.")));
	c->checked_user = user;
}

/*
 * (Re)build c's matcher: the built-in vocabulary plus the rows of its rules
 * table in the schema of the calling function (the extension's schema,
 * wherever it was installed or moved to).
 */
static void
classify_load(Classifier *c, FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	MemoryContext oldcxt;
	Oid			nsp;
	Oid			relid;
	Relation	rel;
	Snapshot	snap;
	TableScanDesc scan;
	TupleTableSlot *slot;
	List	   *phrases = NIL;
	ClassifyMatcher *m;
	uint64		inval_count;

	nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	relid = get_relname_relid(c->rules_table, nsp);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s.%s\" does not exist",
						get_namespace_name(nsp), c->rules_table),
				 errhint("%s() reads its rules from this table in its own schema.",
						 c->function)));

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(classify_inval_callback, (Datum) 0);
		callback_registered = true;
	}
	c->relid = relid;

	/*
	 * Built in a child of the caller's context, so that an error leaves
	 * nothing behind; moved under CacheMemoryContext once complete.
	 */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "interaction classifier rules",
								ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(cxt);

	for (int i = 0; i < c->nvocabulary; i++)
		pending_add(&phrases, c->vocabulary[i].phrase, strlen(c->vocabulary[i].phrase),
					classifier_label(c, c->vocabulary[i].label), false);

	/*
	 * Locking the table accepts pending invalidations; the snapshot taken
	 * after that sees every change whose invalidation we have consumed.  An
	 * invalidation arriving later (counted by the callback) means the
	 * matcher may be stale, and it is built again at the next statement; so
	 * is it after an error (a cancel, say) part way.
	 */
	rel = table_open(relid, AccessShareLock);
	inval_count = c->inval_count;
	c->phrase_att = rules_column(rel, "phrase", TEXTOID);
	/* the label column is of the type the classifying function returns */
	c->label_att = rules_column(rel, c->label_column,
								get_func_rettype(fcinfo->flinfo->fn_oid));
	classify_check_access(c, relid);
	snap = RegisterSnapshot(GetCatalogSnapshot(relid));
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, snap, 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		d;
		text	   *phrase;
		uint8		v;

		d = slot_getattr(slot, c->label_att, &isnull);
		if (isnull)
			continue;
		v = DatumGetTaxonomy(d);
		if (TAXONOMY_TAG(v) != c->tag || TAXONOMY_ORDINAL(v) >= taxonomy_label_count(c->tag))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid %s value %u in \"%s\"", c->typname, v, c->rules_table)));
		d = slot_getattr(slot, c->phrase_att, &isnull);
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

	m = matcher_build(c, cxt, phrases);
	MemoryContextSwitchTo(oldcxt);

	/* Install it, dropping the old matcher and everything in its context. */
	MemoryContextSetParent(cxt, CacheMemoryContext);
	if (c->matcher != NULL)
		MemoryContextDelete(c->matcher->cxt);
	c->matcher = m;
	c->stale = (c->inval_count != inval_count);
}

/*
 * c's matcher for this statement.  The first call of a statement takes in the
 * invalidations committed since (a transaction block that holds its locks
 * would otherwise not see them), checks the caller's access and rebuilds a
 * stale matcher; later calls of the statement keep that matcher.  A change of
 * user within a statement (a SECURITY DEFINER function) checks access again.
 */
static const ClassifyMatcher *
classify_matcher_get(Classifier *c, FunctionCallInfo fcinfo)
{
	LocalTransactionId lxid = MyProc->lxid;
	CommandId	cid = (rules_written_statement == statement_count &&
					   rules_written_lxid == lxid) ? GetCurrentCommandId(false) : 0;

	if (c->matcher != NULL && c->checked_statement == statement_count &&
		c->checked_lxid == lxid && c->checked_cid == cid)
	{
		if (c->checked_user != GetUserId())
			classify_check_access(c, c->relid);
		return c->matcher;
	}
	AcceptInvalidationMessages();
	if (c->matcher == NULL || c->stale)
		classify_load(c, fcinfo);
	else
		classify_check_access(c, c->relid);
	c->checked_statement = statement_count;
	c->checked_lxid = lxid;
	c->checked_cid = cid;
	return c->matcher;
}

/* The classifier whose taxonomy is the type typid. */
static Classifier *
classifier_for_type(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Classifier *found = NULL;

	if (HeapTupleIsValid(tup))
	{
		const char *name = NameStr(((Form_pg_type) GETSTRUCT(tup))->typname);

		for (int i = 0; i < (int) lengthof(classifiers) && found == NULL; i++)
		{
			if (strcmp(classifiers[i].typname, name) == 0)
				found = &classifiers[i];
		}
		ReleaseSysCache(tup);
	}
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("no classifier for type %s", format_type_be(typid))));
	return found;
}

/* Texts up to this length are normalised on the stack. */
#define CLASSIFY_STACK_LEN	256

/*
 * classify_stage(text), classify_kind(text), classify_urgency(text): the
 * taxonomy is the function's result type.
 */
PG_FUNCTION_INFO_V1(classify_text);
Datum
classify_text(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(input);
	Classifier *c = fcinfo->flinfo->fn_extra;
	const ClassifyMatcher *m;
	char		stack_words[CLASSIFY_STACK_LEN];
	char	   *words = stack_words;
	bool		stack_breaks[CLASSIFY_STACK_LEN];
	bool	   *breaks = stack_breaks;
	int			nwords;
	int			wordno = 0;
	int			covered_to[2] = {0, 0}; /* by origin: see below */
	const ClassifyPhrase *best = NULL;

	if (c == NULL)
	{
		c = classifier_for_type(get_func_rettype(fcinfo->flinfo->fn_oid));
		fcinfo->flinfo->fn_extra = c;
	}
	m = classify_matcher_get(c, fcinfo);

	if (SPLIT_WORDS_MAX(len) > CLASSIFY_STACK_LEN)
		words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len));
	if ((len + 1) / 2 > CLASSIFY_STACK_LEN)
		breaks = palloc((len + 1) / 2);
	len = split_words(VARDATA_ANY(input), len, words, &nwords, breaks);

	/*
	 * From each word on, look up ever longer word sequences (words[start ..
	 * end)) until no phrase begins with the sequence.  The longest phrase of
	 * each origin found there counts unless a negation precedes it or an
	 * earlier match of its origin reaches as far (covered_to: the word number
	 * where the counted matches end); the shorter ones lie inside it.
	 */
	for (int start = 0; start < len; wordno++)
	{
		uint32		h = PHRASE_HASH_INIT;
		int			end = start;
		const ClassifyPhrase *longest[2] = {NULL, NULL};

		for (int n = 1;; n++)
		{
			const char *space = memchr(words + end, ' ', len - end);
			int			word_end = space ? (int) (space - words) : len;
			const ClassifyPhrase *p;

			h = phrase_hash_extend(h, words + end, word_end - end);
			p = matcher_lookup(m, words + start, word_end - start, h);
			if (p == NULL)
				break;
			if (p->label >= 0)
				longest[p->user] = p;
			if (!p->prefix || word_end == len || n >= m->maxwords)
				break;
			h = phrase_hash_extend(h, " ", 1);
			end = word_end + 1;
		}
		if ((longest[0] || longest[1]) &&
			!(c->negation && preceded_by_negation(words, start, breaks, wordno)))
		{
			for (int o = 0; o < 2; o++)
			{
				const ClassifyPhrase *p = longest[o];

				if (p == NULL || wordno + p->nwords <= covered_to[o])
					continue;
				covered_to[o] = wordno + p->nwords;
				if (best == NULL || p->rank > best->rank)
					best = p;
			}
		}
		/* the next word */
		{
			const char *space = memchr(words + start, ' ', len - start);

			start = space ? (int) (space - words) + 1 : len;
		}
	}

	if (words != stack_words)
		pfree(words);
	if (breaks != stack_breaks)
		pfree(breaks);
	if (best == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(c->tag, best->label));
}

/* The name of 1.0's classify_stage() (kept for its install script). */
PG_FUNCTION_INFO_V1(classify_stage);
Datum
classify_stage(PG_FUNCTION_ARGS)
{
	return classify_text(fcinfo);
}

/* The words the classifiers see in a text, as one space-separated string. */
PG_FUNCTION_INFO_V1(touchpoint_words);
Datum
touchpoint_words(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	text	   *result = MemoryContextAllocHuge(CurrentMemoryContext,
												VARHDRSZ + SPLIT_WORDS_MAX(len));
	int			nwords;

	len = split_words(VARDATA_ANY(t), len, VARDATA(result), &nwords, NULL);
	if ((Size) len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the words of the text are too long for a text value"),
				 errdetail("Case folding made them %d bytes long.", len)));
	SET_VARSIZE(result, VARHDRSZ + len);
	PG_RETURN_TEXT_P(result);
}

/*
 * A built-in vocabulary as (phrase, label) rows: stage_vocabulary(),
 * kind_vocabulary(), urgency_vocabulary(); the taxonomy is the type of the
 * second column.
 */
PG_FUNCTION_INFO_V1(classify_vocabulary);
Datum
classify_vocabulary(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const Classifier *c;

	InitMaterializedSRF(fcinfo, 0);
	c = classifier_for_type(TupleDescAttr(rsinfo->setDesc, 1)->atttypid);
	for (int i = 0; i < c->nvocabulary; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(c->vocabulary[i].phrase);
		values[1] = TaxonomyGetDatum(TAXONOMY_VALUE(c->tag,
													classifier_label(c, c->vocabulary[i].label)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* The name of 1.0's stage_vocabulary() (kept for its install script). */
PG_FUNCTION_INFO_V1(stage_vocabulary);
Datum
stage_vocabulary(PG_FUNCTION_ARGS)
{
	return classify_vocabulary(fcinfo);
}

/*
 * Trigger on a rules table (for each row on INSERT, UPDATE and DELETE, for
 * each statement on TRUNCATE): every write sends a relcache invalidation for
 * the table (to this session after the command, to the others at commit),
 * which tells every backend to rebuild that taxonomy's matcher.  A statement
 * writing many rows registers one invalidation: duplicates within a command
 * are dropped.  Row triggers are what the logical replication apply worker
 * fires.  As a row trigger it returns the row, so that it would change
 * nothing even if attached BEFORE.
 */
PG_FUNCTION_INFO_V1(classify_rules_invalidate);
Datum
classify_rules_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger functions can only be called as triggers")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	rules_written_statement = statement_count;
	rules_written_lxid = MyProc->lxid;
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							   trigdata->tg_newtuple : trigdata->tg_trigtuple);
	return PointerGetDatum(NULL);
}

/* The name of 1.0's trigger function (kept for its install script). */
PG_FUNCTION_INFO_V1(stage_rules_invalidate);
Datum
stage_rules_invalidate(PG_FUNCTION_ARGS)
{
	return classify_rules_invalidate(fcinfo);
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
