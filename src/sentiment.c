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

/* Does word number w of the text equal the normalised words mw? */
static inline bool
word_is(const char *words, const int *wstart, const int *wlen, int nwords, int w,
		const char *mw)
{
	int			l = strlen(mw);
	const char *space = strchr(mw, ' ');

	if (space == NULL)
		return wlen[w] == l && memcmp(words + wstart[w], mw, l) == 0;
	/* two words: w and the word after it */
	return w + 1 < nwords &&
		wstart[w + 1] + wlen[w + 1] - wstart[w] == l &&
		memcmp(words + wstart[w], mw, l) == 0;
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
modifier_weight(const char *words, const int *wstart, const int *wlen, int nwords,
				const bool *breaks, int w)
{
	double		weight = 0.0;
	static const double decay[3] = {1.0, 0.9, 0.8};

	for (int d = 1; d <= 3 && w - d >= 0 && !breaks[w - d + 1]; d++)
	{
		int			k = w - d;

		if (wlen[k] > modifier_maxlen)
			continue;
		for (int i = 0; i < sentiment_modifier_count; i++)
		{
			const char *mw = sentiment_modifiers[i].words;

			if (!modifier_two_words[i] ?
				(modifier_len[i] == wlen[k] && memcmp(words + wstart[k], mw, wlen[k]) == 0) :
				(k >= 1 && !breaks[k] && word_is(words, wstart, wlen, nwords, k - 1, mw)))
			{
				weight += sentiment_modifiers[i].weight * decay[d - 1];
				break;
			}
		}
	}
	return weight;
}

/* Room for a per-word array: on the stack when small. */
#define WORD_ARRAY(type, name, n) \
	type		name##_stack[SENTIMENT_STACK_WORDS]; \
	type	   *name = (n) <= SENTIMENT_STACK_WORDS ? name##_stack : \
		MemoryContextAllocHuge(CurrentMemoryContext, sizeof(type) * (Size) (n))
#define WORD_ARRAY_FREE(name) \
	do { if (name != name##_stack) pfree(name); } while (0)

/* The score of str[0..len) with matcher m and its valences. */
static double
sentiment_score(const ClassifyMatcher *m, const double *valences, const char *str, int len)
{
	char		stack_words[SENTIMENT_STACK_LEN];
	char	   *words = stack_words;
	bool		stack_breaks[SENTIMENT_STACK_LEN];
	bool	   *breaks = stack_breaks;
	int			wlenall;
	int			nwords;
	int			contrast = -1;
	int			bangs = 0;
	bool		any_caps = false;
	bool		any_lower = false;
	bool		any_symbol = false;
	bool		use_caps;
	double		sum = 0.0;

	if (SPLIT_WORDS_MAX(len) > SENTIMENT_STACK_LEN)
		words = MemoryContextAllocHuge(CurrentMemoryContext, SPLIT_WORDS_MAX(len));
	if ((len + 1) / 2 + 1 > SENTIMENT_STACK_LEN)
		breaks = MemoryContextAllocHuge(CurrentMemoryContext, (len + 1) / 2 + 1);
	wlenall = classify_split_words(str, len, words, &nwords, breaks);

	{
		WORD_ARRAY(int, wstart, nwords);
		WORD_ARRAY(int, wlen, nwords);
		WORD_ARRAY(ClassifyMatch, builtin, nwords);
		WORD_ARRAY(int, user_len, nwords);
		WORD_ARRAY(int, user_label, nwords);
		WORD_ARRAY(bool, taken, nwords);
		WORD_ARRAY(bool, caps, nwords);
		int			w = 0;
		int			covered = 0;

		/* where the words are, contrast */
		for (int i = 0; i < wlenall; w++)
		{
			const char *space = memchr(words + i, ' ', wlenall - i);
			int			end = space ? (int) (space - words) : wlenall;

			wstart[w] = i;
			wlen[w] = end - i;
			if ((wlen[w] == 3 && memcmp(words + i, "but", 3) == 0) ||
				(wlen[w] == 7 && memcmp(words + i, "however", 7) == 0))
				contrast = w;
			i = end + 1;
		}
		Assert(w == nwords);

		/*
		 * "!", capitals, emoticons, emoji: from the text as written.  A first
		 * look tells whether a chunk (between blanks) is in capitals, may end
		 * with an emoticon or holds an emoji; only then is the text read
		 * again, chunk by chunk.
		 */
		{
			int			upper = 0;
			int			lower = 0;

			for (int i = 0; i <= len; i++)
			{
				unsigned char c = i < len ? (unsigned char) str[i] : ' ';

				if (is_blank_byte((char) c))
				{
					if (upper >= 2 && lower == 0)
						any_caps = true;
					if (i > 1 && !is_blank_byte(str[i - 1]) && !is_blank_byte(str[i - 2]) &&
						strchr(EMOTICON_LAST_BYTES, str[i - 1]) != NULL &&
						strchr(EMOTICON_NEXT_TO_LAST_BYTES, str[i - 2]) != NULL)
						any_symbol = true;
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
					bangs++;
				else if (c >= 0xE2)
					any_symbol = true;
			}
		}
		use_caps = any_caps && any_lower;
		memset(caps, 0, sizeof(bool) * nwords);
		if (use_caps || any_symbol)
		{
			char		scratch_stack[SENTIMENT_STACK_LEN];
			char	   *scratch = scratch_stack;
			int			wn = 0;

			bool		utf8 = (GetDatabaseEncoding() == PG_UTF8);

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
					if (wn + kw > nwords)
						kw = nwords - wn;
					if (use_caps && upper >= 2 && lower == 0)
						memset(caps + wn, true, kw);
					if (sym != 0.0)
					{
						/* a symbol stands after the words before it */
						if (contrast >= 0)
							sym *= (wn + kw > contrast ? SENTIMENT_AFTER_CONTRAST :
									SENTIMENT_BEFORE_CONTRAST);
						sum += sym;
					}
					wn += kw;
				}
				while (i < len && is_blank_byte(str[i]))
					i++;
			}
			if (scratch != scratch_stack)
				pfree(scratch);
		}

		/* the longest phrase of each origin at each word */
		for (w = 0; w < nwords; w++)
		{
			ClassifyMatch found[2];

			CHECK_FOR_INTERRUPTS();
			classify_longest_at(m, words, wlenall, wstart[w], found);
			builtin[w] = found[0];
			user_label[w] = found[1].label;
			user_len[w] = found[1].label >= 0 ? found[1].nwords : 0;
			taken[w] = false;
		}

		/*
		 * User phrases, leftmost then longest, not overlapping; mark their
		 * words.  Then the built-in phrases over the words left.
		 */
		for (w = 0; w < nwords; w++)
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
		for (w = 0; w < nwords; w++)
		{
			int			n = builtin[w].label >= 0 ? builtin[w].nwords : 0;
			double		v;
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
			v = valences[label];
			if (v == 0.0)
				continue;
			v += sign_of(v) * modifier_weight(words, wstart, wlen, nwords, breaks, w);
			if (use_caps)
			{
				for (int k = w; k < w + n; k++)
				{
					if (caps[k])
					{
						v += sign_of(v) * SENTIMENT_CAPS;
						break;
					}
				}
			}
			if (classify_negated(words, wstart[w], breaks, w))
				v *= SENTIMENT_NEGATION;
			if (contrast >= 0 && w != contrast)
				v *= (w > contrast ? SENTIMENT_AFTER_CONTRAST : SENTIMENT_BEFORE_CONTRAST);
			sum += v;
		}

		WORD_ARRAY_FREE(wstart);
		WORD_ARRAY_FREE(wlen);
		WORD_ARRAY_FREE(builtin);
		WORD_ARRAY_FREE(user_len);
		WORD_ARRAY_FREE(user_label);
		WORD_ARRAY_FREE(taken);
		WORD_ARRAY_FREE(caps);
	}
	if (words != stack_words)
		pfree(words);
	if (breaks != stack_breaks)
		pfree(breaks);

	if (sum != 0.0)
		sum += sign_of(sum) * SENTIMENT_BANG * Min(bangs, SENTIMENT_MAX_BANGS);
	return sum / sqrt(sum * sum + SENTIMENT_ALPHA);
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

	PG_RETURN_TAXONOMY(TAXONOMY_VALUE(TAXONOMY_INTERACTION_SENTIMENT, label));
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
