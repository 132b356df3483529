/*-------------------------------------------------------------------------
 *
 * classify.c
 *	  Text classification, the engine: one matcher per taxonomy maps a text
 *	  to a label from a built-in vocabulary and the user's rules in a table.
 *	  classify_stage() (journey_stage, table interaction_stage_rules),
 *	  classify_kind() (interaction_kind, interaction_kind_rules) and
 *	  classify_urgency() (interaction_urgency, interaction_urgency_rules) are
 *	  three rows of the table of classifiers (classify_vocabulary.c) and one
 *	  C function here.  The other files of the classifier are listed in
 *	  classify.h.
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
 * either.  Where counted matches overlap, the one of greater rank silences
 * the others: a user rule beats a built-in phrase, and then the longest
 * phrase wins, by words (a longer phrase is the more specific signal:
 * doc/classify.md); for stages then by characters; for kinds and urgencies
 * then by the label that comes first in the taxonomy's precedence (a
 * complaint before a support request, critical before planned); then the
 * earlier.  Among the matches left, which lie apart, the label of higher
 * precedence wins (a calm phrase in one place never silences a critical
 * signal in another), then the rank as above, then the earliest match.
 *
 * The phrases, built-in and user, are compiled into one open-addressing hash
 * table of normalised word sequences per taxonomy (each phrase's leading word
 * sequences are entered too, marked as prefixes, so a lookup can stop
 * extending as soon as no phrase continues).  When a matcher is built and
 * rebuilt, and which rules it sees, is the rules cache's job
 * (classify_rules.c).
 *
 * src/classify.c
 *
 *-------------------------------------------------------------------------
 */
#include "classify.h"

#include "utils/lsyscache.h"
#include "utils/memutils.h"

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
	uint32		place;			/* the label's precedence: the greater wins */
} ClassifyPhrase;

struct ClassifyMatcher
{
	MemoryContext cxt;			/* holds this struct and everything it points to */
	int			maxwords;		/* words in the longest phrase */
	uint32		mask;			/* table size - 1 (a power of two) */
	ClassifyPhrase *slots;
	const double *valences;		/* a valence classifier's, by label; in cxt */
};

/*
 * A valence classifier's valences belong to the matcher they index into: a
 * statement still using an older matcher (a cursor) keeps its own.
 */
void
classify_matcher_set_valences(ClassifyMatcher *m, const double *valences)
{
	m->valences = valences;
}

const double *
classify_matcher_valences(const ClassifyMatcher *m)
{
	return m->valences;
}

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

void
classify_phrase_add(List **list, const char *phrase, int len, int label, bool user)
{
	PendingPhrase *pp = palloc(sizeof(PendingPhrase));

	pp->words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len) + 1);
	pp->len = classify_split_words(phrase, len, pp->words, &pp->nwords, NULL);
	pp->words[pp->len] = '\0';
	pp->label = label;
	pp->user = user;
	if (pp->nwords > 0)
		*list = lappend(*list, pp);
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
ClassifyMatcher *
classify_matcher_build(const Classifier *c, MemoryContext cxt, List *phrases)
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
			p->place = c->precedence[0] != NULL ?
				(uint32) (TAXONOMY_MAX_LABELS - precedence[pp->label]) : 0;
		}
		m->maxwords = Max(m->maxwords, pp->nwords);
	}
	return m;
}

void
classify_matcher_free(ClassifyMatcher *m)
{
	MemoryContextDelete(m->cxt);
}

/*
 * The longest phrase of each origin beginning at words[start]: the lookup of
 * classify_text() at one word, for scorers that weigh every match
 * (sentiment.c).
 */
bool
classify_longest_at(const ClassifyMatcher *m, const char *words, int len, int start,
					ClassifyMatch found[2])
{
	uint32		h = PHRASE_HASH_INIT;
	int			end = start;

	found[0].label = found[1].label = -1;
	found[0].nwords = found[1].nwords = 0;
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
		{
			found[p->user].label = p->label;
			found[p->user].nwords = p->nwords;
		}
		if (!p->prefix || word_end == len || n >= m->maxwords)
			break;
		h = phrase_hash_extend(h, " ", 1);
		end = word_end + 1;
	}
	return found[0].label >= 0 || found[1].label >= 0;
}

/* Texts up to this length are normalised on the stack. */
#define CLASSIFY_STACK_LEN	256

/* A counted match: phrase p at words [from, from + p->nwords). */
typedef struct CountedMatch
{
	int			from;
	const ClassifyPhrase *p;
} CountedMatch;

/* Does match a outrank match b where they overlap (a earlier on a tie)? */
static inline bool
match_outranks(const CountedMatch *a, const CountedMatch *b)
{
	return a->p->rank > b->p->rank || (a->p->rank == b->p->rank && a->from < b->from);
}

/*
 * The winner among matches (in text order) that no overlapping match
 * outranks: the label of higher precedence, then by rank, then the earlier.
 */
static const ClassifyPhrase *
match_winner(const CountedMatch *m, int n, int maxwords)
{
	const ClassifyPhrase *best = NULL;

	for (int i = 0; i < n; i++)
	{
		bool		silenced = false;
		const ClassifyPhrase *p = m[i].p;

		CHECK_FOR_INTERRUPTS();
		/* those starting before it that reach into it, those starting inside it */
		for (int j = i - 1; j >= 0 && m[i].from - m[j].from < maxwords && !silenced; j--)
			silenced = m[j].from + m[j].p->nwords > m[i].from && match_outranks(&m[j], &m[i]);
		for (int j = i + 1; j < n && m[j].from < m[i].from + p->nwords && !silenced; j++)
			silenced = match_outranks(&m[j], &m[i]);
		if (silenced)
			continue;
		if (best == NULL || p->place > best->place ||
			(p->place == best->place && p->rank > best->rank))
			best = p;
	}
	return best;
}

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
	CountedMatch stack_matches[CLASSIFY_STACK_LEN];
	CountedMatch *matches = stack_matches;
	int			nmatches = 0,
				room = CLASSIFY_STACK_LEN;
	const ClassifyPhrase *best;

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
	len = classify_split_words(VARDATA_ANY(input), len, words, &nwords, breaks);

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

		CHECK_FOR_INTERRUPTS();
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
			!(c->negation && classify_negated(words, start, breaks, wordno)))
		{
			for (int o = 0; o < 2; o++)
			{
				const ClassifyPhrase *p = longest[o];

				if (p == NULL || wordno + p->nwords <= covered_to[o])
					continue;
				covered_to[o] = wordno + p->nwords;
				if (nmatches == room)
				{
					room *= 2;
					if (matches == stack_matches)
					{
						matches = palloc(sizeof(CountedMatch) * room);
						memcpy(matches, stack_matches, sizeof(stack_matches));
					}
					else
						matches = repalloc_huge(matches, sizeof(CountedMatch) * room);
				}
				matches[nmatches].from = wordno;
				matches[nmatches++].p = p;
			}
		}
		/* the next word */
		{
			const char *space = memchr(words + start, ' ', len - start);

			start = space ? (int) (space - words) + 1 : len;
		}
	}

	best = match_winner(matches, nmatches, m->maxwords);
	if (words != stack_words)
		pfree(words);
	if (breaks != stack_breaks)
		pfree(breaks);
	if (matches != stack_matches)
		pfree(matches);
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
