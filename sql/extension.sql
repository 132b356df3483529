--
-- extension: rules that hold for every object of the extension
--
-- every function is PARALLEL SAFE (trigger functions aside: they run only for
-- writes, which are never parallel) and none is SECURITY DEFINER
SELECT p.oid::regprocedure AS function, p.proparallel, p.prosecdef
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE (p.proparallel <> 's' AND p.prorettype <> 'trigger'::regtype) OR p.prosecdef
ORDER BY p.oid::regprocedure::text;

-- functions that are not STRICT: each one handles NULL on purpose (listed so a
-- new one is a visible, reviewed choice)
SELECT p.oid::regprocedure AS function
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE NOT p.proisstrict AND p.prokind = 'f' AND p.pronargs > 0
ORDER BY p.oid::regprocedure::text;

-- every operator class validates
SELECT opc.opcname, am.amname, amvalidate(opc.oid)
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE NOT amvalidate(opc.oid)
ORDER BY 1;

-- every type, function, aggregate and operator of the extension lives in its schema,
-- and it is relocatable
SELECT extrelocatable, extnamespace::regnamespace FROM pg_extension WHERE extname = 'interaction';

-- user-facing functions (not the type support functions) carry a comment
SELECT p.oid::regprocedure AS function_without_comment
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE obj_description(p.oid, 'pg_proc') IS NULL
  AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
  AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprcode = p.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_amproc a WHERE a.amproc = p.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_aggregate a
                  WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn,
                                  a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn))
ORDER BY p.oid::regprocedure::text;

-- functions that are not IMMUTABLE: each one has a reason (listed so a new one is
-- a visible, reviewed choice).  classify_stage, classify_kind and classify_urgency
-- read their rules tables (interaction_stage_rules, ..._kind_rules, ..._urgency_rules);
-- the trigger functions write; the FCR window functions add an interval to a
-- timestamptz (days follow the session time zone); routing_priority_in reads a
-- timestamp without an offset in the session time zone, and so does journey_in;
-- funnel_events' text form reads and shows timestamps in the session time zone,
-- and window_funnel_final adds a window of days or months in it.
SELECT p.oid::regprocedure AS function, p.provolatile
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE p.provolatile <> 'i'
ORDER BY p.oid::regprocedure::text;

-- every aggregate can run in parallel: PARALLEL SAFE with a combine function whose
-- state is a real type (no serial/deserial functions needed): none is listed
SELECT a.aggfnoid::regprocedure AS aggregate_not_parallel
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE a.aggcombinefn = 0 OR p.proparallel <> 's' OR a.aggtranstype = 'internal'::regtype
ORDER BY a.aggfnoid::regprocedure::text;

-- every type of the extension has a binary form (send and receive)
SELECT t.oid::regtype AS type_without_binary_io
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE t.typtype = 'b' AND (t.typreceive = 0 OR t.typsend = 0)
ORDER BY t.oid::regtype::text;

-- LEAKPROOF only on comparisons and hashes (operator functions, btree/hash
-- support), whose errors never depend on the values: a damaged skillset is
-- reported without its bytes (sql/skills.sql)
SELECT p.oid::regprocedure AS leakproof_other
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
WHERE p.proleakproof
  AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprcode = p.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_amproc a WHERE a.amproc = p.oid)
ORDER BY p.oid::regprocedure::text;
