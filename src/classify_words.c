/*-------------------------------------------------------------------------
 *
 * classify_words.c
 *	  The words a classifier sees: a text split into words, case-folded and
 *	  joined by single spaces (classify_split_words(), shown by
 *	  touchpoint_words()), and negation (is a match preceded by "not",
 *	  "never", "n't", ...: classify_negated()).
 *
 * Words are runs of ASCII letters, digits and non-ASCII characters other
 * than Unicode punctuation, symbols (emoji among them) and spaces;
 * everything else separates.  'Ad-Click!' and 'ad_click' both read "ad
 * click", 'DÉMO' reads "démo" (in a UTF-8 database, by Unicode simple case
 * folding from a fixed table, src/classify_casefold.h, made by
 * src/classify_casefold.pl), so the words depend on nothing but the text
 * and the database encoding, and an index on touchpoint_words() is safe.
 *
 * src/classify_words.c
 *
 *-------------------------------------------------------------------------
 */
#include "classify.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "classify_casefold.h"
#ifndef CLASSIFY_CASEFOLD_UNICODE_VERSION
#error "src/classify_casefold.h has no Unicode version: run 'make casefold'"
#endif
#include "classify_separators.h"
#ifndef CLASSIFY_SEPARATORS_UNICODE_VERSION
#error "src/classify_separators.h has no Unicode version: run 'make separators'"
#endif

/*
 * Byte classes for splitting words: 0 separates, anything else is the byte as
 * it appears in a normalised word (ASCII letters lower-cased).  Bytes above
 * 0x7F belong to words, except that in a UTF-8 database the characters of
 * src/classify_separators.h (Unicode punctuation, symbols and emoji, spaces,
 * controls: see src/classify_separators.pl) separate words like ASCII
 * punctuation.
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

static int
separator_range_cmp(const void *key, const void *range)
{
	pg_wchar	cp = *(const pg_wchar *) key;
	const SeparatorRange *r = (const SeparatorRange *) range;

	return cp < r->first ? -1 : cp > r->last;
}

/*
 * Length of the UTF-8 separator character at s (see above), 0 if there is
 * none (a letter, a digit, a mark, or bytes that are not valid UTF-8); s[0] is
 * a byte above 0x7F.
 */
static inline int
utf8_punctuation_len(const unsigned char *s, int avail)
{
	int			clen = pg_utf_mblen(s);
	pg_wchar	cp;

	if (clen < 2 || clen > avail || !pg_utf8_islegal(s, clen))
		return 0;
	cp = utf8_to_unicode(s);
	if (bsearch(&cp, separator_ranges, lengthof(separator_ranges),
				sizeof(SeparatorRange), separator_range_cmp) == NULL)
		return 0;
	return clen;
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
int
classify_split_words(const char *str, int len, char *out, int *nwords, bool *breaks)
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

		CHECK_FOR_INTERRUPTS();
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
bool
classify_negated(const char *words, int start, const bool *breaks, int wordno)
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

	len = classify_split_words(VARDATA_ANY(t), len, VARDATA(result), &nwords, NULL);
	if ((Size) len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the words of the text are too long for a text value"),
				 errdetail("Case folding made them %d bytes long.", len)));
	SET_VARSIZE(result, VARHDRSZ + len);
	PG_RETURN_TEXT_P(result);
}
