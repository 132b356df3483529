/*-------------------------------------------------------------------------
 *
 * sentiment.h
 *	  Declarations shared by the files of the sentiment scorer:
 *
 *	  sentiment.c				the scorer: sentiment(), sentiment_label(),
 *								sentiment_vocabulary()
 *	  sentiment_vocabulary.c	the built-in valences, modifiers, emoticons
 *								and emoji
 *
 *	  Its phrases are matched by the classifier's engine (classify.h).
 *
 * src/sentiment.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SENTIMENT_H
#define SENTIMENT_H

#include "classify.h"

/* a word or two that strengthen (> 0) or weaken (< 0) the phrase after them */
typedef struct SentimentModifier
{
	const char *words;			/* normalised: lower case, single spaces */
	double		weight;
} SentimentModifier;

/* an emoticon, as written (case matters: ":D", ":P") */
typedef struct SentimentEmoticon
{
	const char *text;
	double		valence;
} SentimentEmoticon;

/* an emoji, by code point */
typedef struct SentimentEmoji
{
	uint32		codepoint;
	double		valence;
} SentimentEmoji;

extern const SentimentModifier sentiment_modifiers[];
extern const int sentiment_modifier_count;
extern const SentimentEmoticon sentiment_emoticons[];
extern const int sentiment_emoticon_count;
extern const SentimentEmoji sentiment_emoji[];	/* sorted by code point */
extern const int sentiment_emoji_count;

#endif							/* SENTIMENT_H */
