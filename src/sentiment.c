/*-------------------------------------------------------------------------
 *
 * sentiment.c
 *	  Sentiment of a text, from the classifier's engine: sentiment(text), a
 *	  score in [-1, 1], sentiment_label(text), its interaction_sentiment
 *	  label, and sentiment_vocabulary(), the built-in valences as rows.
 *
 * The phrases with their valences, built-in (sentiment_vocabulary.c) and the
 * user's (interaction_sentiment_rules), are one row of the table of
 * classifiers: one matcher, one rules cache, one answer per statement, as
 * for classify_kind().  Unlike a classifier, which keeps the best match, the
 * scorer weighs every match:
 *
 *	- matches: the user's phrases first, leftmost and then longest, never
 *	  overlapping; then the built-in phrases over the words no user phrase
 *	  took, the same way.  An idiom is one phrase ("no problem", "not bad").
 *	- a phrase's valence v is strengthened or weakened by the modifiers among
 *	  the three words before it in its clause ("very", "slightly"), by
 *	  SENTIMENT_CAPS when a word of it is in capitals in a text that is not
 *	  all capitals, and flipped and halved when a negation precedes it (the
 *	  classifiers' window: two words of its clause);
 *	- contrast: when the text has "but" or "however", what comes before the
 *	  last of them weighs half, what comes after it one and a half;
 *	- emoticons and emoji add their valence where they stand;
 *	- each "!" (up to four) adds SENTIMENT_BANG to the strength of the sum;
 *	- the sum s becomes s / sqrt(s * s + SENTIMENT_ALPHA): 0 without signal,
 *	  odd, increasing, never reaching -1 or 1 (doc/sentiment.md).
 *
 * sentiment_score() runs one helper per job, in this order: text_split
 * (tokenising, the contrast word), text_emphasis (the "!"s, whether capitals
 * count), text_symbols (emoticons, emoji, which words are in capitals),
 * text_phrases (the phrases that count and their valences, each weighed by
 * phrase_weighed: modifiers, capitals, negation, contrast) and
 * sentiment_normalised.
 *
 * Nothing is allocated per call for texts of up to SENTIMENT_STACK_WORDS
 * words without capitals or emoticons; longer ones allocate their buffers.
 *
 * src/sentiment.c
 *
 *-------------------------------------------------------------------------
 */
#include "sentiment.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include <math.h>

#define SENTIMENT_ALPHA			16.0
#define SENTIMENT_CAPS			0.7
#define SENTIMENT_BANG			0.25
#define SENTIMENT_MAX_BANGS		4
#define SENTIMENT_NEGATION		(-0.5)
#define SENTIMENT_BEFORE_CONTRAST	0.5
#define SENTIMENT_AFTER_CONTRAST	1.5
#define SENTIMENT_THRESHOLD		0.05

/* the bytes an emoticon can end with (keep in step with sentiment_emoticons) */
#define EMOTICON_LAST_BYTES		")]D(P/\\|[@:3p^_ST-"
#define EMOTICON_NEXT_TO_LAST_BYTES	":;=-<^_'/xXo()DT"

#define SENTIMENT_STACK_LEN		512
#define SENTIMENT_STACK_WORDS	128

static Classifier *
sentiment_classifier(void)
{
	for (int i = 0; i < classifier_count; i++)
	{
		if (classifier_table[i].valence_vocabulary != NULL)
			return &classifier_table[i];
	}
	elog(ERROR, "no valence classifier");
	return NULL;				/* keep compiler quiet */
}

static inline double
sign_of(double v)
{
	return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0);
}

static inline bool
is_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The valence of a chunk that is an emoticon or ends with one, else 0. */
static double
emoticon_valence(const char *s, int len)
{
	double		found = 0.0;
	int			found_len = 0;

	for (int i = 0; i < sentiment_emoticon_count; i++)
	{
		const char *e = sentiment_emoticons[i].text;
		int			elen = strlen(e);

		if (e[elen - 1] != s[len - 1] || elen > len || elen <= found_len ||
			memcmp(s + len - elen, e, elen) != 0)
			continue;
		/* a whole chunk, or a suffix after a word or "!" ("thanks:)") */
		if (elen < len)
		{
			unsigned char before = (unsigned char) s[len - elen - 1];

			if (!(isalnum(before) || before == '!' || before == '.') ||
				(e[0] != ':' && e[0] != ';' && e[0] != '='))
				continue;
			/* "http://x.org/" ends with "/", never with ":/" */
			if (len - elen >= 4 && memcmp(s, "http", 4) == 0)
				continue;
		}
		found = sentiment_emoticons[i].valence;
		found_len = elen;
	}
	return found;
}

static double
emoji_valence(pg_wchar cp)
{
	int			lo = 0;
	int			hi = sentiment_emoji_count - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (sentiment_emoji[mid].codepoint == cp)
			return sentiment_emoji[mid].valence;
		if (sentiment_emoji[mid].codepoint < cp)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0.0;
}

/*
 * A text being scored: its words as the classifier splits them (lower case,
 * single spaces; breaks[w] when a clause starts at word w), where each word
 * starts and how long it is, and what the scorer reads from the text as
 * written: the last "but" or "however", the "!"s, which words are in
 * capitals.  The arrays are in the struct's own room for short texts.
 */
typedef struct SentimentText
{
	const char *str;			/* as written */
	int			len;
	char	   *words;			/* normalised */
	int			wlenall;
	int			nwords;
	bool	   *breaks;
	int		   *wstart;
	int		   *wlen;
	bool	   *caps;			/* the word is in capitals (when use_caps) */
	int			contrast;		/* the word "but"/"however" that counts, or -1 */
	int			bangs;
	bool		use_caps;		/* some words in capitals, not the whole text */
	bool		any_symbol;		/* something that may be an emoticon or emoji */

	char		words_room[SENTIMENT_STACK_LEN];
	bool		breaks_room[SENTIMENT_STACK_LEN];
	int			wstart_room[SENTIMENT_STACK_WORDS];
	int			wlen_room[SENTIMENT_STACK_WORDS];
	bool		caps_room[SENTIMENT_STACK_WORDS];
} SentimentText;

/* n elements of room: the struct's own when it is enough, else allocated */
static void *
text_room(void *room, Size room_size, Size size, Size n)
{
	if (size * n <= room_size)
		return room;
	return MemoryContextAllocHuge(CurrentMemoryContext, size * n);
}

#define TEXT_ROOM(t, field, n) \
	((t)->field = text_room((t)->field##_room, sizeof((t)->field##_room), \
							sizeof(*(t)->field), (n)))
#define TEXT_ROOM_FREE(t, field) \
	do { if ((void *) (t)->field != (void *) (t)->field##_room) pfree((t)->field); } while (0)

/*
 * Tokenising: split str[0..len) into words and clauses, note where each word
 * is, and the contrast word (the last "but" or "however").
 */
static void
text_split(SentimentText *t, const char *str, int len)
{
	int			w = 0;

	t->str = str;
	t->len = len;
	TEXT_ROOM(t, words, SPLIT_WORDS_MAX(len));
	TEXT_ROOM(t, breaks, (len + 1) / 2 + 1);
	t->wlenall = classify_split_words(str, len, t->words, &t->nwords, t->breaks);
	TEXT_ROOM(t, wstart, t->nwords);
	TEXT_ROOM(t, wlen, t->nwords);
	TEXT_ROOM(t, caps, t->nwords);
	t->contrast = -1;
	for (int i = 0; i < t->wlenall; w++)
	{
		const char *space = memchr(t->words + i, ' ', t->wlenall - i);
		int			end = space ? (int) (space - t->words) : t->wlenall;

		t->wstart[w] = i;
		t->wlen[w] = end - i;
		if ((t->wlen[w] == 3 && memcmp(t->words + i, "but", 3) == 0) ||
			(t->wlen[w] == 7 && memcmp(t->words + i, "however", 7) == 0))
			t->contrast = w;
		i = end + 1;
	}
	Assert(w == t->nwords);
}

static void
text_free(SentimentText *t)
{
	TEXT_ROOM_FREE(t, words);
	TEXT_ROOM_FREE(t, breaks);
	TEXT_ROOM_FREE(t, wstart);
	TEXT_ROOM_FREE(t, wlen);
	TEXT_ROOM_FREE(t, caps);
}

/*
 * Emphasis, a first look at the text as written: the "!"s, whether some chunk
 * (between blanks) is in capitals while others are not, and whether a chunk
 * may end with an emoticon or hold an emoji (only then is the text read
 * again, by text_symbols).
 */
static void
text_emphasis(SentimentText *t)
{
	const char *str = t->str;
	int			upper = 0;
	int			lower = 0;
	bool		any_caps = false;
	bool		any_lower = false;

	t->bangs = 0;
	t->any_symbol = false;
	for (int i = 0; i <= t->len; i++)
	{
		unsigned char c = i < t->len ? (unsigned char) str[i] : ' ';

		if (is_blank_byte((char) c))
		{
			if (upper >= 2 && lower == 0)
				any_caps = true;
			if (i > 1 && !is_blank_byte(str[i - 1]) && !is_blank_byte(str[i - 2]) &&
				strchr(EMOTICON_LAST_BYTES, str[i - 1]) != NULL &&
				strchr(EMOTICON_NEXT_TO_LAST_BYTES, str[i - 2]) != NULL)
				t->any_symbol = true;
			upper = lower = 0;
		}
		else if (c >= 'a' && c <= 'z')
		{
			lower++;
			any_lower = true;
		}
		else if (c >= 'A' && c <= 'Z')
			upper++;
		else if (c == '!')
			t->bangs++;
		else if (c >= 0xE2)
			t->any_symbol = true;
	}
	t->use_caps = any_caps && any_lower;
	memset(t->caps, 0, sizeof(bool) * t->nwords);
}

/* Contrast: the weight of what stands at word w (a symbol: after word w - 1). */
static inline double
contrast_weight(const SentimentText *t, int w)
{
	if (t->contrast < 0 || w == t->contrast)
		return 1.0;
	return w > t->contrast ? SENTIMENT_AFTER_CONTRAST : SENTIMENT_BEFORE_CONTRAST;
}

/*
 * Emoticons, emoji and capitals, chunk by chunk of the text as written: marks
 * the words of chunks in capitals (when they count) and returns the sum of
 * the symbols' valences, each weighed by contrast where it stands.
 */
static double
text_symbols(SentimentText *t)
{
	char		scratch_stack[SENTIMENT_STACK_LEN];
	char	   *scratch = scratch_stack;
	const char *str = t->str;
	int			len = t->len;
	int			wn = 0;
	bool		utf8 = (GetDatabaseEncoding() == PG_UTF8);
	double		sum = 0.0;

	if (!t->use_caps && !t->any_symbol)
		return 0.0;
	if (SPLIT_WORDS_MAX(len) > SENTIMENT_STACK_LEN)
		scratch = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len));
	for (int i = 0; i < len;)
	{
		int			b = i;
		int			upper = 0;
		int			lower = 0;
		int			kw;

		CHECK_FOR_INTERRUPTS();
		while (i < len && !is_blank_byte(str[i]))
		{
			unsigned char c = (unsigned char) str[i];

			if (c >= 'A' && c <= 'Z')
				upper++;
			else if (c >= 'a' && c <= 'z')
				lower++;
			i++;
		}
		if (i > b)
		{
			double		sym = emoticon_valence(str + b, i - b);

			if (utf8)
			{
				for (int j = b; j < i;)
				{
					const unsigned char *s = (const unsigned char *) str + j;
					int			cl = pg_utf_mblen(s);

					if (s[0] >= 0xE2 && cl >= 3 && j + cl <= i)
						sym += emoji_valence(utf8_to_unicode(s));
					j += Max(cl, 1);
				}
			}
			classify_split_words(str + b, i - b, scratch, &kw, NULL);
			if (wn + kw > t->nwords)
				kw = t->nwords - wn;
			if (t->use_caps && upper >= 2 && lower == 0)
				memset(t->caps + wn, true, kw);
			/* contrast: a symbol stands after the words before it */
			if (sym != 0.0 && t->contrast >= 0)
				sym *= (wn + kw > t->contrast ? SENTIMENT_AFTER_CONTRAST :
						SENTIMENT_BEFORE_CONTRAST);
			sum += sym;
			wn += kw;
		}
		while (i < len && is_blank_byte(str[i]))
			i++;
	}
	if (scratch != scratch_stack)
		pfree(scratch);
	return sum;
}

/* Does word number w of the text equal the normalised words mw? */
static inline bool
word_is(const SentimentText *t, int w, const char *mw)
{
	int			l = strlen(mw);
	const char *space = strchr(mw, ' ');

	if (space == NULL)
		return t->wlen[w] == l && memcmp(t->words + t->wstart[w], mw, l) == 0;
	/* two words: w and the word after it */
	return w + 1 < t->nwords &&
		t->wstart[w + 1] + t->wlen[w + 1] - t->wstart[w] == l &&
		memcmp(t->words + t->wstart[w], mw, l) == 0;
}

/*
 * The modifiers' weight before word w: up to three words back, within the
 * clause, each counting less the farther it is.
 */
static int	modifier_len[64];
static bool modifier_two_words[64];
static int	modifier_maxlen = 0;

static void
modifiers_init(void)
{
	Assert(sentiment_modifier_count <= lengthof(modifier_len));
	for (int i = 0; i < sentiment_modifier_count; i++)
	{
		const char *space = strchr(sentiment_modifiers[i].words, ' ');

		modifier_len[i] = strlen(sentiment_modifiers[i].words);
		modifier_two_words[i] = (space != NULL);
		/* the length of the last word: what is compared first */
		if (space)
			modifier_maxlen = Max(modifier_maxlen, (int) strlen(space + 1));
		else
			modifier_maxlen = Max(modifier_maxlen, modifier_len[i]);
	}
}

static double
modifier_weight(const SentimentText *t, int w)
{
	double		weight = 0.0;
	static const double decay[3] = {1.0, 0.9, 0.8};

	for (int d = 1; d <= 3 && w - d >= 0 && !t->breaks[w - d + 1]; d++)
	{
		int			k = w - d;

		if (t->wlen[k] > modifier_maxlen)
			continue;
		for (int i = 0; i < sentiment_modifier_count; i++)
		{
			const char *mw = sentiment_modifiers[i].words;

			if (!modifier_two_words[i] ?
				(modifier_len[i] == t->wlen[k] &&
				 memcmp(t->words + t->wstart[k], mw, t->wlen[k]) == 0) :
				(k >= 1 && !t->breaks[k] && word_is(t, k - 1, mw)))
			{
				weight += sentiment_modifiers[i].weight * decay[d - 1];
				break;
			}
		}
	}
	return weight;
}

/*
 * Modifiers, capitals, negation and contrast on the valence v of the phrase
 * of n words at word w.
 */
static double
phrase_weighed(const SentimentText *t, int w, int n, double v)
{
	v += sign_of(v) * modifier_weight(t, w);
	if (t->use_caps)
	{
		for (int k = w; k < w + n; k++)
		{
			if (t->caps[k])
			{
				v += sign_of(v) * SENTIMENT_CAPS;
				break;
			}
		}
	}
	if (classify_negated(t->words, t->wstart[w], t->breaks, w))
		v *= SENTIMENT_NEGATION;
	return v * contrast_weight(t, w);
}

/* Room for a per-word array: on the stack when small. */
#define WORD_ARRAY(type, name, n) \
	type		name##_stack[SENTIMENT_STACK_WORDS]; \
	type	   *name = (n) <= SENTIMENT_STACK_WORDS ? name##_stack : \
		MemoryContextAllocHuge(CurrentMemoryContext, sizeof(type) * (Size) (n))
#define WORD_ARRAY_FREE(name) \
	do { if (name != name##_stack) pfree(name); } while (0)

/*
 * Phrase valences: the phrases that count, found with matcher m, each weighed
 * (phrase_weighed), summed.  The user's phrases first, leftmost then longest,
 * not overlapping; then the built-in phrases over the words no user phrase
 * took, the same way.
 */
static double
text_phrases(const SentimentText *t, const ClassifyMatcher *m, const double *valences)
{
	int			nwords = t->nwords;
	double		sum = 0.0;
	int			covered = 0;

	WORD_ARRAY(ClassifyMatch, builtin, nwords);
	WORD_ARRAY(int, user_len, nwords);
	WORD_ARRAY(int, user_label, nwords);
	WORD_ARRAY(bool, taken, nwords);

	/* the longest phrase of each origin at each word */
	for (int w = 0; w < nwords; w++)
	{
		ClassifyMatch found[2];

		CHECK_FOR_INTERRUPTS();
		classify_longest_at(m, t->words, t->wlenall, t->wstart[w], found);
		builtin[w] = found[0];
		user_label[w] = found[1].label;
		user_len[w] = found[1].label >= 0 ? found[1].nwords : 0;
		taken[w] = false;
	}
	for (int w = 0; w < nwords; w++)
	{
		if (user_len[w] > 0 && w >= covered)
		{
			covered = w + user_len[w];
			for (int k = w; k < covered; k++)
				taken[k] = true;
		}
		else
			user_len[w] = 0;
	}
	covered = 0;
	for (int w = 0; w < nwords; w++)
	{
		int			n = builtin[w].label >= 0 ? builtin[w].nwords : 0;
		int			label;

		if (user_len[w] > 0)
		{
			n = user_len[w];
			label = user_label[w];
		}
		else
		{
			bool		free_words = (n > 0 && w >= covered);

			for (int k = w; free_words && k < w + n; k++)
				free_words = !taken[k];
			if (!free_words)
				continue;
			label = builtin[w].label;
		}
		covered = w + n;
		if (valences[label] != 0.0)
			sum += phrase_weighed(t, w, n, valences[label]);
	}

	WORD_ARRAY_FREE(builtin);
	WORD_ARRAY_FREE(user_len);
	WORD_ARRAY_FREE(user_label);
	WORD_ARRAY_FREE(taken);
	return sum;
}

/*
 * Normalisation: the "!"s strengthen a sum that has a sign, then s becomes
 * s / sqrt(s * s + SENTIMENT_ALPHA), in (-1, 1) (doc/sentiment.md).
 */
static double
sentiment_normalised(double sum, int bangs)
{
	if (sum != 0.0)
		sum += sign_of(sum) * SENTIMENT_BANG * Min(bangs, SENTIMENT_MAX_BANGS);
	return sum / sqrt(sum * sum + SENTIMENT_ALPHA);
}

/* The score of str[0..len) with matcher m and its valences. */
static double
sentiment_score(const ClassifyMatcher *m, const double *valences, const char *str, int len)
{
	SentimentText t;
	double		sum;

	text_split(&t, str, len);
	text_emphasis(&t);
	sum = text_symbols(&t);
	sum += text_phrases(&t, m, valences);
	text_free(&t);
	return sentiment_normalised(sum, t.bangs);
}

static double
sentiment_of(FunctionCallInfo fcinfo)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	Classifier *c = fcinfo->flinfo->fn_extra;
	const ClassifyMatcher *m;

	if (c == NULL)
	{
		if (modifier_maxlen == 0)
			modifiers_init();
		c = sentiment_classifier();
		fcinfo->flinfo->fn_extra = c;
	}
	m = classify_matcher_get(c, fcinfo);
	return sentiment_score(m, classify_matcher_valences(m), VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input));
}

/* sentiment(text): the score, in [-1, 1]; 0 when nothing in it has a valence */
PG_FUNCTION_INFO_V1(sentiment_text);
Datum
sentiment_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(sentiment_of(fcinfo));
}

/* sentiment_label(text): negative below -0.05, positive from 0.05, else neutral */
PG_FUNCTION_INFO_V1(sentiment_label_text);
Datum
sentiment_label_text(PG_FUNCTION_ARGS)
{
	double		s = sentiment_of(fcinfo);
	int			label = s <= -SENTIMENT_THRESHOLD ? 0 : (s >= SENTIMENT_THRESHOLD ? 2 : 1);

	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(((Classifier *) fcinfo->flinfo->fn_extra)->tag, label));
}

/* sentiment_vocabulary(): the built-in phrases and their valences */
PG_FUNCTION_INFO_V1(sentiment_vocabulary);
Datum
sentiment_vocabulary(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; sentiment_vocabulary_entries[i].phrase != NULL; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(sentiment_vocabulary_entries[i].phrase);
		values[1] = Float8GetDatum(sentiment_vocabulary_entries[i].valence);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
