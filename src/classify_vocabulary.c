/*-------------------------------------------------------------------------
 *
 * classify_vocabulary.c
 *	  The built-in vocabularies of the classifiers and the table of
 *	  classifiers, one row per taxonomy; stage_vocabulary(),
 *	  kind_vocabulary() and urgency_vocabulary() show a vocabulary as rows.
 *
 * src/classify_vocabulary.c
 *
 *-------------------------------------------------------------------------
 */
#include "classify.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/syscache.h"

/*
 * The built-in vocabularies, written as a person would, each phrase with the
 * label it gives; each phrase is normalised like any text when the matcher is
 * built.  Keep doc/classify.md in step.
 */

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

/* The classifiers, one per taxonomy (see Classifier in classify.h). */
Classifier	classifier_table[] = {
	{
		.typname = "journey_stage",
		.function = "classify_stage", .rules_table = "interaction_stage_rules",
		.label_column = "stage", .negation = false, .precedence = {NULL},
		.vocabulary = stage_vocabulary_entries,
		.nvocabulary = lengthof(stage_vocabulary_entries)
	},
	{
		.typname = "interaction_kind",
		.function = "classify_kind", .rules_table = "interaction_kind_rules",
		.label_column = "kind", .negation = true,
		.precedence = {"complaint", "support", "inquiry", "feedback", "compliment"},
		.vocabulary = kind_vocabulary_entries,
		.nvocabulary = lengthof(kind_vocabulary_entries)
	},
	{
		.typname = "interaction_urgency",
		.function = "classify_urgency", .rules_table = "interaction_urgency_rules",
		.label_column = "urgency", .negation = true,
		.precedence = {"critical", "planned", "stabilizing"},
		.vocabulary = urgency_vocabulary_entries,
		.nvocabulary = lengthof(urgency_vocabulary_entries)
	},
	{
		/* sentiment.c: every match weighs, with a valence (no label) */
		.typname = "interaction_sentiment",
		.function = "sentiment", .rules_table = "interaction_sentiment_rules",
		.label_column = "valence", .negation = true, .precedence = {NULL},
		.valence_vocabulary = sentiment_vocabulary_entries
	},
};

const int	classifier_count = lengthof(classifier_table);

/* The ordinal of a label of c's taxonomy written in the code. */
int
classifier_label(const Classifier *c, const char *label)
{
	uint8		v;

	if (!taxonomy_parse(c->tag, label, &v))
		elog(ERROR, "\"%s\" is not a label of %s", label, c->typname);
	return TAXONOMY_ORDINAL(v);
}

/* The classifier whose taxonomy is the type typid. */
Classifier *
classifier_for_type(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Classifier *found = NULL;

	if (HeapTupleIsValid(tup))
	{
		const char *name = NameStr(((Form_pg_type) GETSTRUCT(tup))->typname);

		for (int i = 0; i < classifier_count && found == NULL; i++)
		{
			if (strcmp(classifier_table[i].typname, name) == 0)
				found = &classifier_table[i];
		}
		ReleaseSysCache(tup);
	}
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("no classifier for type %s", format_type_be(typid))));
	found->tag = taxonomy_tag(found->typname);
	return found;
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
