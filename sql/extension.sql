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
