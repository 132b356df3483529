/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The differences between the PostgreSQL majors the extension builds on
 *	  (15 through 18), one guard per API change, each naming the release that
 *	  made it.  The rest of the code uses the names defined here and never tests
 *	  PG_VERSION_NUM itself.
 *
 * src/compat.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef INTERACTION_COMPAT_H
#define INTERACTION_COMPAT_H

#include "postgres.h"

/*
 * PostgreSQL 16 moved VARSIZE, SET_VARSIZE and the other varlena macros out of
 * postgres.h into varatt.h.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * PostgreSQL 16 gave float8in_internal() a soft-error context as its last
 * argument; we pass none, so errors are thrown as before.
 */
#if PG_VERSION_NUM >= 160000
#define compat_float8in(num, endptr, typname, orig) \
	float8in_internal((num), (endptr), (typname), (orig), NULL)
#else
#define compat_float8in(num, endptr, typname, orig) \
	float8in_internal((num), (endptr), (typname), (orig))
#endif

/*
 * PostgreSQL 17 moved the local transaction id of a backend from PGPROC.lxid
 * into PGPROC.vxid.lxid.
 */
#if PG_VERSION_NUM >= 170000
#define compat_my_lxid()	(MyProc->vxid.lxid)
#else
#define compat_my_lxid()	(MyProc->lxid)
#endif

/*
 * PostgreSQL 18 dropped the execute_once argument of ExecutorRun and of its
 * hook.  A hook is declared with COMPAT_EXECUTORRUN_PARAMS and passes
 * COMPAT_EXECUTORRUN_ARGS on.
 */
#if PG_VERSION_NUM >= 180000
#define COMPAT_EXECUTORRUN_PARAMS \
	QueryDesc *queryDesc, ScanDirection direction, uint64 count
#define COMPAT_EXECUTORRUN_ARGS		queryDesc, direction, count
#else
#define COMPAT_EXECUTORRUN_PARAMS \
	QueryDesc *queryDesc, ScanDirection direction, uint64 count, bool execute_once
#define COMPAT_EXECUTORRUN_ARGS		queryDesc, direction, count, execute_once
#endif

/*
 * PostgreSQL 18 replaced pg_attribute_noreturn(), written after a declaration,
 * with pg_noreturn, written before it.  We write pg_noreturn everywhere.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

#endif							/* INTERACTION_COMPAT_H */
