\set ECHO none
-- Helpers for the pg_regress scripts, read with \i (psql runs from the top of the
-- tree): none of this is installed.
--
-- :binfile is a scratch file for binary COPY in the cluster's own data directory
-- (each run has its own cluster, so runs never share it); use it as :'binfile'.
--
-- pg_temp.write_binary_copy(path, VARIADIC fields): writes a binary COPY file of
-- one row holding the given fields (raw send-function bytes, NULL for SQL NULL),
-- so a test can feed crafted bytes to a type's receive function.
SELECT current_setting('data_directory') || '/interaction_regress.bin' AS binfile \gset
CREATE FUNCTION pg_temp.write_binary_copy(path text, VARIADIC fields bytea[])
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
	data bytea := '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
				  || substring(int4send(cardinality(fields)) from 3);
	f bytea;
	lo oid;
BEGIN
	FOREACH f IN ARRAY fields LOOP
		IF f IS NULL THEN
			data := data || '\xffffffff'::bytea;
		ELSE
			data := data || int4send(length(f)) || f;
		END IF;
	END LOOP;
	data := data || '\xffff'::bytea;
	lo := lo_from_bytea(0, data);
	PERFORM lo_export(lo, path);
	PERFORM lo_unlink(lo);
END
$fn$;
\set ECHO all
