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
--
-- :force_parallel (a line of its own) makes the planner choose parallel plans even
-- for small tables (no parallel setup or tuple cost, no minimum table size, two
-- workers per gather); :reset_parallel returns those four settings to their defaults.
SELECT current_setting('data_directory') || '/interaction_regress.bin' AS binfile \gset
\set force_parallel 'SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;'
\set reset_parallel 'RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;'
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
-- pg_temp.error_of(sql): the SQLSTATE, message and detail a statement fails with,
-- or 'ok', so that a table of bad inputs shows each one's error on one line.
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
	detail text;
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(detail, ''), '');
END
$fn$;
-- pg_temp.binary_copy_error(table, bytes): loads one row of one column with the
-- given raw bytes through binary COPY into table; error_of() of that COPY.
CREATE FUNCTION pg_temp.binary_copy_error(tbl regclass, bytes bytea) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
	path text := current_setting('data_directory') || '/interaction_regress.bin';
BEGIN
	PERFORM pg_temp.write_binary_copy(path, bytes);
	RETURN pg_temp.error_of(format('COPY %s FROM %L WITH (FORMAT binary)', tbl, path));
END
$fn$;
-- pg_temp.binary_error(type, bytes): binary_copy_error() into a scratch table of one
-- column v of that type, made on first use (pg_temp.binary_TYPENAME, where the
-- accepted values stay), so a table of damaged values needs no table of its own.
CREATE FUNCTION pg_temp.binary_error(typ regtype, bytes bytea) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
	tbl text := 'binary_' || (SELECT typname FROM pg_type WHERE oid = typ);
BEGIN
	IF to_regclass('pg_temp.' || quote_ident(tbl)) IS NULL THEN
		EXECUTE format('CREATE TEMP TABLE %I (v %s)', tbl, typ);
	END IF;
	RETURN pg_temp.binary_copy_error(('pg_temp.' || quote_ident(tbl))::regclass, bytes);
END
$fn$;
\set ECHO all
