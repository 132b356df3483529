# test/t/055_skills_fuzz.pl: mutation fuzzing of skillset text input and binary receive.
#
# Text: 100 000 mutated literals through skillset_in.  Every rejection must carry one of
# the SQLSTATEs the type documents (22P02, 22003, 54000); every accepted value must be
# canonical (its output re-reads to itself) and satisfy v @> v, skill_fit(v, v) = 1.
# Binary: 3 000 mutated send() images through COPY (FORMAT binary).  Every rejection must
# be 22P03; an accepted image must be canonical, so send(recv(x)) = x byte for byte.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More tests => 7;
use InteractionTest;

my $node = InteractionTest::node('skills_fuzz');

$node->safe_psql('postgres', q{
CREATE FUNCTION mutate(s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	alphabet text[] := ARRAY[':', ',', ' ', E'\t', '0', '1', '4', '9', '10', '11', '-', '+',
		'.', '_', 'a', 'Z', 'é', 'billing', 'spanish:3', '99999999999', repeat('x', 70), ''];
	n int := 1 + (random() * 3)::int;
	p int;
BEGIN
	FOR k IN 1 .. n LOOP
		p := (random() * length(s))::int;
		CASE (random() * 4)::int
			WHEN 0 THEN s := overlay(s PLACING alphabet[1 + (random() * 21)::int] FROM p + 1 FOR 0);
			WHEN 1 THEN s := overlay(s PLACING '' FROM p + 1 FOR 1 + (random() * 3)::int);
			WHEN 2 THEN s := overlay(s PLACING alphabet[1 + (random() * 21)::int] FROM p + 1 FOR 1);
			WHEN 3 THEN s := s || ',' || substr(s, 1, p);
			ELSE s := substr(s, 1, p);
		END CASE;
	END LOOP;
	RETURN s;
END $$;
CREATE FUNCTION mutate_bytes(b bytea) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
	n int := 1 + (random() * 2)::int;
	p int;
BEGIN
	FOR k IN 1 .. n LOOP
		p := (random() * greatest(length(b) - 1, 0))::int;
		CASE (random() * 4)::int
			WHEN 0 THEN IF length(b) > 0 THEN b := set_byte(b, p, (random() * 255)::int); END IF;
			WHEN 1 THEN IF length(b) > 0 THEN b := set_byte(b, p, get_byte(b, p) # (1 << (random() * 7)::int)); END IF;
			WHEN 2 THEN b := substr(b, 1, p);
			WHEN 3 THEN b := substr(b, 1, p) || substr(b, p + 2);
			ELSE b := b || '\x0401'::bytea || decode(lpad(to_hex((random() * 255)::int), 2, '0'), 'hex');
		END CASE;
	END LOOP;
	RETURN b;
END $$;
CREATE TABLE outcome (kind text, result text);
CREATE TABLE bin (s skillset);
});

# text input
$node->safe_psql('postgres', q{
SELECT setseed(0.123);
DO $$
DECLARE
	seeds text[] := ARRAY['billing:4, spanish:3', 'a:1', '', 'tech-support:10,x.y_z:1, q:5',
		'billing:4,spanish:3,french:2,german:9,chat:1', 'billing', 'b:11', ' A : 7 '];
	lit text;
	v skillset;
BEGIN
	FOR i IN 1 .. 100000 LOOP
		lit := mutate(seeds[1 + (i % 8)]);
		BEGIN
			v := lit::skillset;
			IF v::text::skillset IS DISTINCT FROM v OR v::text::skillset::text <> v::text
			   OR NOT (v @> v) OR skill_fit(v, v) <> 1
			   OR skill_count(v) <> (SELECT count(*) FROM skills(v)) THEN
				INSERT INTO outcome VALUES ('text', 'BROKEN ' || lit);
			ELSE
				INSERT INTO outcome VALUES ('text', 'accepted');
			END IF;
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO outcome VALUES ('text', SQLSTATE);
		END;
	END LOOP;
END $$;
});

# binary receive, through COPY files written by the server
my $file = $node->basedir . '/skills_fuzz.bin';
$node->safe_psql('postgres', qq{
SELECT setseed(0.321);
DO \$\$
DECLARE
	seeds skillset[] := ARRAY['billing:4, spanish:3', 'a:1', '', 'tech-support:10, x.y_z:1, q:5',
		'billing:4, chat:1, french:2, german:9, spanish:3'];
	img bytea;
	lo oid;
	got bytea;
BEGIN
	FOR i IN 1 .. 3000 LOOP
		img := mutate_bytes(skillset_send(seeds[1 + (i % 5)]));
		lo := lo_from_bytea(0, '\\x5047434f50590aff0d0a00'::bytea || '\\x0000000000000000'::bytea
			|| '\\x0001'::bytea || int4send(length(img)) || img || '\\xffff'::bytea);
		PERFORM lo_export(lo, '$file');
		PERFORM lo_unlink(lo);
		BEGIN
			TRUNCATE bin;
			EXECUTE format('COPY bin FROM %L WITH (FORMAT binary)', '$file');
			SELECT skillset_send(s) INTO got FROM bin;
			INSERT INTO outcome VALUES ('binary', CASE WHEN got = img THEN 'accepted' ELSE 'BROKEN ' || encode(img, 'hex') END);
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO outcome VALUES ('binary', SQLSTATE);
		END;
	END LOOP;
END \$\$;
});

my $summary = $node->safe_psql('postgres',
	"SELECT kind || ' ' || result || ' ' || count(*) FROM outcome "
	  . "WHERE result NOT LIKE 'BROKEN%' GROUP BY kind, result ORDER BY 1");
note "outcomes:\n$summary";

is($node->safe_psql('postgres', "SELECT count(*) FROM outcome WHERE kind = 'text'"),
	'100000', 'every text literal was tried');
is($node->safe_psql('postgres', "SELECT count(*) FROM outcome WHERE kind = 'binary'"),
	'3000', 'every binary image was tried');
is($node->safe_psql('postgres',
		"SELECT string_agg(result, '; ') FROM (SELECT result FROM outcome WHERE result LIKE 'BROKEN%' LIMIT 5) b"),
	'', 'accepted values are canonical and consistent');
is($node->safe_psql('postgres',
		"SELECT string_agg(DISTINCT result, ',') FROM outcome WHERE kind = 'text' "
		  . "AND result NOT IN ('accepted', '22P02', '22003', '54000')"),
	'', 'text rejections carry 22P02, 22003 or 54000');
is($node->safe_psql('postgres',
		"SELECT string_agg(DISTINCT result, ',') FROM outcome WHERE kind = 'binary' "
		  . "AND result NOT IN ('accepted', '22P03')"),
	'', 'binary rejections carry 22P03');
# the fuzzer has teeth: both outcomes occur often on both paths
is($node->safe_psql('postgres',
		"SELECT bool_and(n >= 50) FROM (SELECT kind, result = 'accepted' AS ok, count(*) AS n "
		  . "FROM outcome GROUP BY 1, 2) s HAVING count(*) = 4"),
	't', 'many literals accepted and many rejected, text and binary');
ok($node->safe_psql('postgres', 'SELECT 1') eq '1', 'server still up');

