/*-------------------------------------------------------------------------
 *
 * module.c
 *	  Module start-up: the magic block, _PG_init() and the statement hooks.
 *
 * _PG_init() installs executor and utility hooks that count top-level
 * statements (interaction_statement_count).  The classifier's rules cache
 * (classify_rules.c) uses the count to give one answer per statement; the
 * hooks do nothing else and always call the previous hook or the standard
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
static int	statement_nesting = 0;

static ExecutorStart_hook_type prev_ExecutorStart = NULL;
static ExecutorRun_hook_type prev_ExecutorRun = NULL;
static ExecutorFinish_hook_type prev_ExecutorFinish = NULL;
static ProcessUtility_hook_type prev_ProcessUtility = NULL;

static void
interaction_ExecutorStart(QueryDesc *queryDesc, int eflags)
{
	if (statement_nesting == 0)
		interaction_statement_count++;
	if (prev_ExecutorStart)
		prev_ExecutorStart(queryDesc, eflags);
	else
		standard_ExecutorStart(queryDesc, eflags);
}

static void
interaction_ExecutorRun(QueryDesc *queryDesc, ScanDirection direction, uint64 count,
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
interaction_ExecutorFinish(QueryDesc *queryDesc)
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
interaction_ProcessUtility(PlannedStmt *pstmt, const char *queryString,
						   bool readOnlyTree, ProcessUtilityContext context,
						   ParamListInfo params, QueryEnvironment *queryEnv,
						   DestReceiver *dest, QueryCompletion *qc)
{
	if (statement_nesting == 0)
		interaction_statement_count++;
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
	prev_ProcessUtility = ProcessUtility_hook;
	ProcessUtility_hook = interaction_ProcessUtility;
}
