-- The role the coordinator of doc/scaling.md maps to the shards (roles belong to
-- the cluster: made once).
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'report_user') AS need_role \gset
\if :need_role
CREATE ROLE report_user;
\endif
