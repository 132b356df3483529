/*-------------------------------------------------------------------------
 *
 * classify_rules.c
 *	  The rules cache of the classifiers: the user's rules tables read into
 *	  a matcher per taxonomy, the privilege checks on them, their
 *	  invalidation (the trigger interaction_rules_changed), and one answer
 *	  per statement.
 *
 * A taxonomy's matcher (classify.c) lives in a child of CacheMemoryContext
 * and is marked stale when a relcache invalidation for its
 * rules table arrives: the table's triggers send one for every write, also
 * one applied by logical replication, so a change reaches every session at
 * commit, its own session at its next command, and is undone by a rollback
 * (locally registered invalidations are replayed on abort).
 *
 * One answer per statement (the functions are STABLE): the first call of a
 * statement accepts pending invalidations, checks the caller's privileges on
 * the rules table, and rebuilds the matcher if it is stale; later calls of
 * the same statement use that matcher even if an invalidation has arrived
 * since.  A statement is told by the statement id of module.c (a counter the
 * executor and utility hooks bump at every top-level statement, kept by an
 * executor run for its whole life, so a cursor's FETCHes are one statement;
 * statement_timestamp() is shared by the statements of one query string),
 * with the local transaction id, and the
 * command id in a statement that writes rules itself (in a function): that
 * one sees its changes from its next command on, like any query of a
 * VOLATILE function.  The matcher a statement got is kept in the
 * classifier's uses while the statement's executor run is open, so a
 * statement in between (between two FETCHes) that rebuilds the matcher does
 * not change the cursor's.
 * Rules are read with a fresh MVCC snapshot taken after the table is locked,
 * like catalog data, so no committed change can fall between the snapshot
 * and the invalidation.
 *
 * A parallel statement: its workers are other processes with caches of their
 * own, which start when the leader's run has begun.  So that they use the
 * leader's rules, a run whose plan may start workers takes a snapshot as it
 * starts (the statement's rules snapshot) and hands it to them, serialised in
 * the parameter interaction.rules_snapshot, which PostgreSQL copies to every
 * worker with the leader's other settings; the leader and each worker read the
 * rules under that snapshot, so they read the same rows.  The run's own query
 * snapshot, registered until the run ends, is older, so it keeps the rows that
 * snapshot sees from being pruned while workers read them.
 *
 * src/classify_rules.c
 *
 *-------------------------------------------------------------------------
 */
#include "classify.h"

#include "access/parallel.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

/*
 * The statement (interaction_statement_id and local transaction id) in
 * which this session last wrote to a rules table (the tables' trigger records
 * it).  In that statement the command id is part of the statement key, so
 * that the statement sees its own changes from its next command on; in any
 * other the key ignores the command id, so that writes to other tables (by
 * triggers or functions of the statement) do not open it to rules committed
 * meanwhile.
 */
static uint64 rules_written_statement = 0;
static LocalTransactionId rules_written_lxid = InvalidLocalTransactionId;

static bool callback_registered = false;

/*
 * The statement's rules snapshot (see the top of the file).  The parameter
 * interaction.rules_snapshot is empty, or the leader's process id and the
 * serialised snapshot in hex ("1234:00ab..."); only the leader's hook sets it
 * (rules_snapshot_setting), and a worker takes it from its leader.
 * rules_snapshot_data is the snapshot, serialised (in TopMemoryContext), of the
 * run rules_snapshot_run (in the leader) or of the leader (in a worker);
 * rules_snapshot_gen numbers the snapshots taken, so that a matcher read under
 * one is told from one read under another.
 */
#define RULES_SNAPSHOT_GUC "interaction.rules_snapshot"
static char *rules_snapshot_guc = NULL;
static bool rules_snapshot_setting = false;
static char *rules_snapshot_data = NULL;
static QueryDesc *rules_snapshot_run = NULL;
static uint64 rules_snapshot_statement = 0;
static LocalTransactionId rules_snapshot_lxid = InvalidLocalTransactionId;
static uint64 rules_snapshot_gen = 0;

static bool
rules_snapshot_check(char **newval, void **extra, GucSource source)
{
	if (**newval == '\0' || rules_snapshot_setting || IsParallelWorker())
		return true;
	GUC_check_errdetail("It is set by the extension for the parallel workers of a statement.");
	return false;
}

void
classify_rules_init(void)
{
	DefineCustomStringVariable(RULES_SNAPSHOT_GUC,
							   "The rules snapshot of the running parallel statement (set by the extension).",
							   NULL,
							   &rules_snapshot_guc,
							   "",
							   PGC_SUSET,
							   GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE,
							   rules_snapshot_check, NULL, NULL);
}

static void
rules_snapshot_set(const char *value)
{
	rules_snapshot_setting = true;
	PG_TRY();
	{
		(void) set_config_option(RULES_SNAPSHOT_GUC, value, PGC_SUSET, PGC_S_SESSION,
								 GUC_ACTION_SET, true, 0, false);
	}
	PG_FINALLY();
	{
		rules_snapshot_setting = false;
	}
	PG_END_TRY();
}

static void
rules_snapshot_forget(void)
{
	if (rules_snapshot_data != NULL)
		pfree(rules_snapshot_data);
	rules_snapshot_data = NULL;
	rules_snapshot_run = NULL;
}

/*
 * Executor start of queryDesc in the leader: a run that may start parallel
 * workers takes the statement's rules snapshot, unless its statement has one
 * (a query run by a function of a parallel statement).
 */
void
classify_parallel_begin(QueryDesc *queryDesc, int eflags)
{
	static const char hex[] = "0123456789abcdef";
	Snapshot	snap;
	Size		size;
	char	   *value;
	int			prefix;

	if (IsParallelWorker() || IsInParallelMode() ||
		!queryDesc->plannedstmt->parallelModeNeeded ||
		(eflags & EXEC_FLAG_EXPLAIN_ONLY))
		return;
	if (rules_snapshot_run != NULL && rules_snapshot_statement == interaction_statement_id &&
		rules_snapshot_lxid == compat_my_lxid() && interaction_statement_running(rules_snapshot_statement))
		return;
	rules_snapshot_forget();	/* of a run abandoned by an error */

	snap = GetLatestSnapshot();
	size = EstimateSnapshotSpace(snap);
	rules_snapshot_data = MemoryContextAlloc(TopMemoryContext, size);
	SerializeSnapshot(snap, rules_snapshot_data);

	value = palloc(size * 2 + 16);
	prefix = sprintf(value, "%d:", MyProcPid);
	for (Size i = 0; i < size; i++)
	{
		value[prefix + 2 * i] = hex[(unsigned char) rules_snapshot_data[i] >> 4];
		value[prefix + 2 * i + 1] = hex[(unsigned char) rules_snapshot_data[i] & 0xF];
	}
	value[prefix + 2 * size] = '\0';
	rules_snapshot_set(value);
	pfree(value);

	rules_snapshot_run = queryDesc;
	rules_snapshot_statement = interaction_statement_id;
	rules_snapshot_lxid = compat_my_lxid();
	rules_snapshot_gen++;
	for (int i = 0; i < classifier_count; i++)
		classifier_table[i].inval_at_snapshot = classifier_table[i].inval_count;
}

/* Executor end of queryDesc in the leader: the run that took the snapshot ends. */
void
classify_parallel_end(QueryDesc *queryDesc)
{
	if (IsParallelWorker() || queryDesc != rules_snapshot_run)
		return;
	rules_snapshot_forget();
	/* a run ended by an abort (a portal dropped): the abort undoes the setting */
	if (IsTransactionState())
		rules_snapshot_set("");
}

static int
hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/*
 * The serialised rules snapshot the running statement reads its rules under,
 * or NULL for the latest committed rules; *gen numbers it.  In the leader, the
 * one its run took; in a worker, its leader's (decoded once: a worker runs one
 * statement).
 */
static char *
statement_rules_snapshot(uint64 *gen)
{
	if (!IsParallelWorker())
	{
		if (rules_snapshot_run == NULL || rules_snapshot_statement != interaction_statement_id ||
			rules_snapshot_lxid != compat_my_lxid())
			return NULL;
		*gen = rules_snapshot_gen;
		return rules_snapshot_data;
	}
	if (rules_snapshot_data == NULL && rules_snapshot_guc != NULL && rules_snapshot_guc[0] != '\0')
	{
		const char *hexdata = strchr(rules_snapshot_guc, ':');
		size_t		len;
		char	   *data;

		if (hexdata == NULL || MyProc->lockGroupLeader == NULL ||
			atoi(rules_snapshot_guc) != MyProc->lockGroupLeader->pid)
			return NULL;
		hexdata++;
		len = strlen(hexdata) / 2;
		data = MemoryContextAlloc(TopMemoryContext, len);
		for (size_t i = 0; i < len; i++)
		{
			int			hi = hex_digit(hexdata[2 * i]);
			int			lo = hex_digit(hexdata[2 * i + 1]);

			if (hi < 0 || lo < 0)
			{
				pfree(data);
				return NULL;
			}
			data[i] = (char) (hi << 4 | lo);
		}
		rules_snapshot_data = data;
		rules_snapshot_gen = 1;
	}
	*gen = rules_snapshot_gen;
	return rules_snapshot_data;
}

static void
classify_inval_callback(Datum arg, Oid relid)
{
	for (int i = 0; i < classifier_count; i++)
	{
		Classifier *c = &classifier_table[i];

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

/* Free matcher m unless it is c's current one or a use still holds it. */
static void
matcher_release(Classifier *c, ClassifyMatcher *m)
{
	if (m == NULL || m == c->matcher)
		return;
	for (int i = 0; i < c->nuses; i++)
		if (c->uses[i].matcher == m)
			return;
	classify_matcher_free(m);
}

/* Drop use i (its matcher goes if nothing else holds it). */
static void
use_drop(Classifier *c, int i)
{
	ClassifyMatcher *m = c->uses[i].matcher;

	c->uses[i] = c->uses[--c->nuses];
	matcher_release(c, m);
}

/*
 * (Re)build c's matcher: the built-in vocabulary plus the rows of its rules
 * table in the schema of the calling function (the extension's schema,
 * wherever it was installed or moved to), read under the serialised snapshot
 * snapshot_data (numbered gen), or the latest committed rows if NULL.
 */
static void
classify_load(Classifier *c, FunctionCallInfo fcinfo, char *snapshot_data, uint64 gen)
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
	double	   *valences = NULL;	/* of a valence classifier, by label */
	int			nvalences = 0;
	int			maxvalences = 0;

	c->tag = taxonomy_tag(c->typname);
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
		classify_phrase_add(&phrases, c->vocabulary[i].phrase, strlen(c->vocabulary[i].phrase),
					classifier_label(c, c->vocabulary[i].label), false);
	if (c->valence_vocabulary != NULL)
	{
		maxvalences = 1024;
		valences = palloc(sizeof(double) * maxvalences);
		for (int i = 0; c->valence_vocabulary[i].phrase != NULL; i++)
		{
			classify_phrase_add(&phrases, c->valence_vocabulary[i].phrase,
								strlen(c->valence_vocabulary[i].phrase), i, false);
			if (nvalences == maxvalences)
			{
				maxvalences *= 2;
				valences = repalloc(valences, sizeof(double) * maxvalences);
			}
			valences[nvalences++] = c->valence_vocabulary[i].valence;
		}
	}

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
								c->valence_vocabulary != NULL ? FLOAT8OID :
								get_func_rettype(fcinfo->flinfo->fn_oid));
	classify_check_access(c, relid);
	snap = RegisterSnapshot(snapshot_data != NULL ? RestoreSnapshot(snapshot_data) :
							GetCatalogSnapshot(relid));
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
		if (c->valence_vocabulary != NULL)
		{
			double		valence = DatumGetFloat8(d);

			if (!(valence >= -4.0 && valence <= 4.0))
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("invalid valence %g in \"%s\"", valence, c->rules_table)));
			d = slot_getattr(slot, c->phrase_att, &isnull);
			if (isnull)
				continue;
			if (nvalences == maxvalences)
			{
				maxvalences *= 2;
				valences = repalloc(valences, sizeof(double) * maxvalences);
			}
			phrase = DatumGetTextPP(d);
			classify_phrase_add(&phrases, VARDATA_ANY(phrase), VARSIZE_ANY_EXHDR(phrase),
								nvalences, true);
			valences[nvalences++] = valence;
			continue;
		}
		v = DatumGetTaxonomy(d);
		if (TAXONOMY_TAG(v) != c->tag || TAXONOMY_ORDINAL(v) >= taxonomy_label_count(c->tag))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid %s value %u in \"%s\"", c->typname, v, c->rules_table)));
		d = slot_getattr(slot, c->phrase_att, &isnull);
		if (isnull)
			continue;
		phrase = DatumGetTextPP(d);
		classify_phrase_add(&phrases, VARDATA_ANY(phrase), VARSIZE_ANY_EXHDR(phrase),
					TAXONOMY_ORDINAL(v), true);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	UnregisterSnapshot(snap);
	table_close(rel, AccessShareLock);

	m = classify_matcher_build(c, cxt, phrases);
	classify_matcher_set_valences(m, valences);
	MemoryContextSwitchTo(oldcxt);

	/* Install it; the old one goes once no running statement uses it. */
	MemoryContextSetParent(cxt, CacheMemoryContext);
	{
		ClassifyMatcher *old = c->matcher;

		c->matcher = m;
		matcher_release(c, old);
	}
	/* under a statement's snapshot: newer rules if any arrived since it was taken */
	c->stale = (c->inval_count != (snapshot_data != NULL ? c->inval_at_snapshot : inval_count));
	c->matcher_snapshot = snapshot_data != NULL ? gen : 0;
}

/*
 * c's matcher for this statement.  The first call of a statement takes in the
 * invalidations committed since (a transaction block that holds its locks
 * would otherwise not see them), checks the caller's access and rebuilds a
 * stale matcher (or, in a parallel statement, reads the rules under the
 * statement's snapshot); later calls of the statement keep that matcher.  A change of
 * user within a statement (a SECURITY DEFINER function) checks access again.
 */
const ClassifyMatcher *
classify_matcher_get(Classifier *c, FunctionCallInfo fcinfo)
{
	uint64		statement = interaction_statement_id;
	LocalTransactionId lxid = compat_my_lxid();
	CommandId	cid = (rules_written_statement == statement &&
					   rules_written_lxid == lxid) ? GetCurrentCommandId(false) : 0;
	int			i;
	char	   *snapshot_data;
	uint64		gen = 0;

	for (i = 0; i < c->nuses; i++)
		if (c->uses[i].statement == statement && c->uses[i].lxid == lxid &&
			c->uses[i].cid == cid)
		{
			if (c->checked_user != GetUserId())
				classify_check_access(c, c->relid);
			return c->uses[i].matcher;
		}

	/*
	 * A new statement (or command, see above).  The uses of statements that
	 * have ended are dropped, the oldest if none has and there is no room.
	 */
	for (i = c->nuses - 1; i >= 0; i--)
		if (c->uses[i].lxid != lxid || !interaction_statement_running(c->uses[i].statement))
			use_drop(c, i);
	if (c->nuses == CLASSIFY_MAX_USES)
		use_drop(c, 0);

	AcceptInvalidationMessages();
	snapshot_data = statement_rules_snapshot(&gen);
	if (c->matcher == NULL ||
		(snapshot_data != NULL ? c->matcher_snapshot != gen : c->stale))
		classify_load(c, fcinfo, snapshot_data, gen);
	else
		classify_check_access(c, c->relid);
	i = c->nuses++;
	c->uses[i].statement = statement;
	c->uses[i].lxid = lxid;
	c->uses[i].cid = cid;
	c->uses[i].matcher = c->matcher;
	return c->matcher;
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
PG_FUNCTION_INFO_V1(interaction_rules_changed);
Datum
interaction_rules_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger functions can only be called as triggers")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	rules_written_statement = interaction_statement_id;
	rules_written_lxid = compat_my_lxid();
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							   trigdata->tg_newtuple : trigdata->tg_trigtuple);
	return PointerGetDatum(NULL);
}

/*
 * The C names the released scripts gave the trigger function: 1.0's
 * interaction_stage_rules_changed() and 1.1's interaction_rules_changed() point
 * at these; since 1.2 both point at interaction_rules_changed itself.
 */
PG_FUNCTION_INFO_V1(stage_rules_invalidate);
Datum
stage_rules_invalidate(PG_FUNCTION_ARGS)
{
	return interaction_rules_changed(fcinfo);
}

PG_FUNCTION_INFO_V1(classify_rules_invalidate);
Datum
classify_rules_invalidate(PG_FUNCTION_ARGS)
{
	return interaction_rules_changed(fcinfo);
}
