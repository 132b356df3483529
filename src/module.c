/*-------------------------------------------------------------------------
 *
 * module.c
 *	  Module start-up: the magic block, _PG_init() and the statement hooks.
 *
 * _PG_init() installs executor and utility hooks that count top-level
 * statements (interaction_statement_count) and tell which statement's work
 * runs now (interaction_statement_id: an executor run keeps the statement it
 * was started in, so a cursor's FETCHes are one statement).  The classifier's
 * rules cache (classify_rules.c) uses them to give one answer per statement;
 * the hooks do nothing else but tell it when a run that may start parallel
 * workers begins and ends, and always call the previous hook or the standard
 * function.
 *
 * src/module.c
 *
 *-------------------------------------------------------------------------
 */
#include "interaction.h"

#include "executor/executor.h"
#include "tcop/utility.h"

PG_MODULE_MAGIC;

/*
 * Statements.  interaction_statement_count goes up at every top-level
 * statement (an executor or utility start outside any other executor or
 * utility run); queries run by functions within a statement are part of it.
 */
uint64		interaction_statement_count = 0;
uint64		interaction_statement_id = 0;
static int	statement_nesting = 0;

/*
 * The open executor runs and the statement each was started in.  A run is
 * forgotten at ExecutorEnd; one abandoned by an error is overwritten by a
 * later run at the same address or, the table being full, by the next start
 * (then a cursor open across more than RUN_SLOTS others may see a newer rule
 * set: a limit of one answer per statement, not of correctness).
 */
#define RUN_SLOTS	64
typedef struct RunSlot
{
	QueryDesc  *qd;
	uint64		id;
} RunSlot;
static RunSlot run_slots[RUN_SLOTS];
static int	run_next = 0;

static RunSlot *
run_slot(QueryDesc *qd)
{
	for (int i = 0; i < RUN_SLOTS; i++)
		if (run_slots[i].qd == qd)
			return &run_slots[i];
	return NULL;
}

bool
interaction_statement_running(uint64 id)
{
	for (int i = 0; i < RUN_SLOTS; i++)
		if (run_slots[i].qd != NULL && run_slots[i].id == id)
			return true;
	return false;
}

static ExecutorStart_hook_type prev_ExecutorStart = NULL;
static ExecutorRun_hook_type prev_ExecutorRun = NULL;
static ExecutorFinish_hook_type prev_ExecutorFinish = NULL;
static ExecutorEnd_hook_type prev_ExecutorEnd = NULL;
static ProcessUtility_hook_type prev_ProcessUtility = NULL;

static void
interaction_ExecutorStart(QueryDesc *queryDesc, int eflags)
{
	RunSlot    *slot;

	if (statement_nesting == 0)
		interaction_statement_id = ++interaction_statement_count;
	slot = run_slot(queryDesc);
	if (slot == NULL)
	{
		slot = run_slot(NULL);
		if (slot == NULL)
		{
			slot = &run_slots[run_next];
			run_next = (run_next + 1) % RUN_SLOTS;
		}
	}
	slot->qd = queryDesc;
	slot->id = interaction_statement_id;
	/* before the standard start, which enters parallel mode */
	classify_parallel_begin(queryDesc, eflags);
	if (prev_ExecutorStart)
		prev_ExecutorStart(queryDesc, eflags);
	else
		standard_ExecutorStart(queryDesc, eflags);
}

static void
interaction_ExecutorRun(COMPAT_EXECUTORRUN_PARAMS)
{
	uint64		outer = interaction_statement_id;
	RunSlot    *slot = run_slot(queryDesc);

	/* the run is part of the statement it was started in */
	if (slot)
		interaction_statement_id = slot->id;
	statement_nesting++;
	PG_TRY();
	{
		if (prev_ExecutorRun)
			prev_ExecutorRun(COMPAT_EXECUTORRUN_ARGS);
		else
			standard_ExecutorRun(COMPAT_EXECUTORRUN_ARGS);
	}
	PG_FINALLY();
	{
		statement_nesting--;
		interaction_statement_id = outer;
	}
	PG_END_TRY();
}

static void
interaction_ExecutorFinish(QueryDesc *queryDesc)
{
	uint64		outer = interaction_statement_id;
	RunSlot    *slot = run_slot(queryDesc);

	if (slot)
		interaction_statement_id = slot->id;
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
		interaction_statement_id = outer;
	}
	PG_END_TRY();
}

static void
interaction_ExecutorEnd(QueryDesc *queryDesc)
{
	RunSlot    *slot = run_slot(queryDesc);

	if (slot)
		slot->qd = NULL;
	if (prev_ExecutorEnd)
		prev_ExecutorEnd(queryDesc);
	else
		standard_ExecutorEnd(queryDesc);
	/* after it, which leaves parallel mode */
	classify_parallel_end(queryDesc);
}

static void
interaction_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
						   bool readOnlyTree, ProcessUtilityContext context,
						   ParamListInfo params, QueryEnvironment *queryEnv,
						   DestReceiver *dest, QueryCompletion *qc)
{
	if (statement_nesting == 0)
		interaction_statement_id = ++interaction_statement_count;
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
	ExecutorStart_hook = interaction_ExecutorStart;
	prev_ExecutorRun = ExecutorRun_hook;
	ExecutorRun_hook = interaction_ExecutorRun;
	prev_ExecutorFinish = ExecutorFinish_hook;
	ExecutorFinish_hook = interaction_ExecutorFinish;
	prev_ExecutorEnd = ExecutorEnd_hook;
	ExecutorEnd_hook = interaction_ExecutorEnd;
	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = interaction_ProcessUtility;
	classify_rules_init();
}
