/*-------------------------------------------------------------------------
 *
 * classify.h
 *	  Declarations shared by the files of the classifier, one file per job:
 *
 *	  classify.c			the engine: the phrase hash table (matcher), how
 *							its phrases rank, classify_text() and its 1.0 name
 *	  classify_words.c		words: splitting a text into case-folded words,
 *							negation, touchpoint_words()
 *	  classify_vocabulary.c	the built-in vocabularies and the table of
 *							classifiers (one row per taxonomy), the
 *							vocabulary functions
 *	  classify_rules.c		the rules cache: the user's rules tables read
 *							into a matcher, privilege checks, invalidation,
 *							one answer per statement
 *
 *	  What a text matches and which match wins is described atop classify.c
 *	  and in doc/classify.md; the cache's rules atop classify_rules.c.
 *
 * src/classify.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CLASSIFY_H
#define CLASSIFY_H

#include "interaction.h"

#include "access/attnum.h"
#include "nodes/pg_list.h"
#include "utils/palloc.h"

/* ---- words (classify_words.c) ------------------------------------------ */

/*
 * Room that classify_split_words() needs for a text of len bytes.  For a text
 * near the 1 GB limit of a value this is more than palloc() allows: such
 * buffers are allocated with MemoryContextAllocHuge().
 */
#define SPLIT_WORDS_MAX(len)	((Size) (len) + (Size) (len) / 2)

extern int	classify_split_words(const char *str, int len, char *out, int *nwords, bool *breaks);
extern bool classify_negated(const char *words, int start, const bool *breaks, int wordno);

/* ---- vocabularies and the table of classifiers (classify_vocabulary.c) -- */

/* a built-in phrase, written as a person would, and the label it gives */
typedef struct VocabularyEntry
{
	const char *phrase;
	const char *label;
} VocabularyEntry;

typedef struct ClassifyMatcher ClassifyMatcher;

/* a built-in phrase of a valence vocabulary (sentiment) and its valence */
typedef struct ValenceEntry
{
	const char *phrase;
	double		valence;
} ValenceEntry;

/*
 * One taxonomy that texts are classified into: its type, its rules table and
 * the column of that table holding the label, its built-in vocabulary, whether
 * negation counts, and how matches of equally many words are decided
 * (precedence: labels, the one that wins first; none: the longer phrase by
 * characters).  A new taxonomy is a new row of the table in
 * classify_vocabulary.c (and its SQL: a function over classify_text, a rules
 * table with the trigger interaction_rules_changed), not new code.  Below the
 * definition, the per-backend state kept by the rules cache.
 */
#define CLASSIFY_MAX_USES 16

typedef struct Classifier
{
	const char *typname;		/* the taxonomy type the functions return */
	TaxonomyTag tag;			/* set from typname at first use */
	const char *function;		/* for messages */
	const char *rules_table;	/* in the schema of the calling function */
	const char *label_column;
	bool		negation;
	const char *precedence[TAXONOMY_MAX_LABELS];
	const VocabularyEntry *vocabulary;
	int			nvocabulary;

	/*
	 * A valence classifier (sentiment) has valence_vocabulary (ending at a
	 * NULL phrase) instead of a vocabulary: its rules table's label column is
	 * float8, and a phrase's label in the matcher is an index into valences
	 * (the built-in phrases first, then the user's rows), kept with the
	 * matcher (classify_matcher_valences).
	 */
	const ValenceEntry *valence_vocabulary;

	/* per-backend state (classify_rules.c) */
	ClassifyMatcher *matcher;	/* NULL until first built */
	bool		stale;			/* an invalidation arrived since it was built */
	uint64		inval_count;	/* invalidations seen for the rules table */
	uint64		inval_at_snapshot;	/* inval_count when the statement's rules
									 * snapshot was taken (classify_rules.c) */
	uint64		matcher_snapshot;	/* the rules snapshot the matcher was read
									 * under, 0 for the latest committed rules */
	Oid			relid;			/* the rules table the matcher was built from */
	AttrNumber	phrase_att;
	AttrNumber	label_att;
	/* the matcher each statement still running got (see classify_matcher_get) */
	struct
	{
		uint64		statement;
		LocalTransactionId lxid;
		CommandId	cid;
		ClassifyMatcher *matcher;
	}			uses[CLASSIFY_MAX_USES];
	int			nuses;
	Oid			checked_user;
} Classifier;

/* sentiment_vocabulary.c: the built-in valences, ending at a NULL phrase */
extern const ValenceEntry sentiment_vocabulary_entries[];

extern Classifier classifier_table[];
extern const int classifier_count;

/* the ordinal of a label of c's taxonomy written in the code */
extern int	classifier_label(const Classifier *c, const char *label);
/* the classifier whose taxonomy is the type typid (42804 if none) */
extern Classifier *classifier_for_type(Oid typid);

/* ---- the engine (classify.c) ------------------------------------------- */

/* normalise a phrase and add it to the list of phrases a matcher is built from */
extern void classify_phrase_add(List **phrases, const char *phrase, int len,
								int label, bool user);
/* the matcher of those phrases, built in (and owning) cxt */
extern ClassifyMatcher *classify_matcher_build(const Classifier *c, MemoryContext cxt,
											   List *phrases);
extern void classify_matcher_set_valences(ClassifyMatcher *m, const double *valences);
extern const double *classify_matcher_valences(const ClassifyMatcher *m);
/* free a matcher and everything in its context */
extern void classify_matcher_free(ClassifyMatcher *m);

/* the longest phrase of one origin found at a word: its label and words */
typedef struct ClassifyMatch
{
	int			label;			/* -1: none */
	int			nwords;
} ClassifyMatch;

/*
 * The longest phrase of each origin (found[0] built-in, found[1] user) that
 * begins at words[start] (of the normalised words[0..len)); false if none.
 */
extern bool classify_longest_at(const ClassifyMatcher *m, const char *words, int len,
								int start, ClassifyMatch found[2]);

/* ---- the rules cache (classify_rules.c) --------------------------------- */

/* c's matcher for the current statement, (re)built from its rules table if stale */
extern const ClassifyMatcher *classify_matcher_get(Classifier *c, FunctionCallInfo fcinfo);

#endif							/* CLASSIFY_H */
