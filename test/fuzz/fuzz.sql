-- test/fuzz/fuzz.sql: mutation fuzzing of every input function of the extension's
-- types, run by test/t/090_fuzz.pl.  Not installed: loaded into a test database.
--
-- fuzz_inputs(n, seeds) calls each type's input function n times on literals made
-- by mutating valid seeds, and counts the outcomes by SQLSTATE ('ok' for accepted).
-- A crash ends the session, which the TAP test sees.

CREATE FUNCTION fuzz_mutate(s text, pool text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	specials text[] := ARRAY['NaN', 'Infinity', '-infinity', '1e308', '-0', '99999999999999999999',
		'2147483648', '-2147483649', ':', ',', '(', ')', '"', '\\', ' ', '=', '+', '-', '.',
		'e', 'x', '0', '10', '11', '-1', 'épée', '🙂', E'\t', E'\n', 'null', 'NULL', '{', '}', '[', ']'];
	n int := 1 + floor(random() * 4)::int;
	p int;
BEGIN
	FOR k IN 1..n LOOP
		p := floor(random() * (length(s) + 1))::int;
		CASE floor(random() * 9)::int
		WHEN 0 THEN s := overlay(s placing chr(1 + floor(random() * 255)::int) from p + 1 for 0);
		WHEN 1 THEN s := overlay(s placing '' from p + 1 for 1);
		WHEN 2 THEN s := overlay(s placing chr(32 + floor(random() * 95)::int) from p + 1 for 1);
		WHEN 3 THEN s := s || substr(s, p + 1);
		WHEN 4 THEN s := substr(s, 1, p);
		WHEN 5 THEN s := overlay(s placing specials[1 + floor(random() * cardinality(specials))::int] from p + 1 for 0);
		WHEN 6 THEN s := substr(s, 1, p) || substr(pool[1 + floor(random() * cardinality(pool))::int], p + 1);
		WHEN 7 THEN s := overlay(s placing repeat(substr(s, p + 1, 3), floor(random() * 50)::int) from p + 1 for 0);
		ELSE s := upper(s);
		END CASE;
	END LOOP;
	RETURN s;
END
$$;

CREATE FUNCTION fuzz_inputs(typ regtype, seeds text[], n int)
RETURNS TABLE (outcome text, count bigint)
LANGUAGE plpgsql AS $$
DECLARE
	infn regproc;
	lit text;
	st text;
	tally jsonb := '{}';
BEGIN
	SELECT typinput INTO infn FROM pg_type WHERE oid = typ;
	FOR i IN 1..n LOOP
		lit := fuzz_mutate(seeds[1 + floor(random() * cardinality(seeds))::int], seeds);
		BEGIN
			EXECUTE format('SELECT %s($1::cstring, %s, -1)', infn, typ::oid) USING lit;
			st := 'ok';
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
		END;
		tally := jsonb_set(tally, ARRAY[st], to_jsonb(coalesce((tally ->> st)::bigint, 0) + 1));
	END LOOP;
	RETURN QUERY SELECT key, value::bigint FROM jsonb_each_text(tally) ORDER BY 1;
END
$$;
