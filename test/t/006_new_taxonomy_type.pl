# test/t/006_new_taxonomy_type.pl: a taxonomy type is one row of the table in
# src/taxonomy.c and one directive line of SQL (doc/internals.md, "Adding a
# taxonomy type").  In a copy of the tree, a seventh throw-away type,
# interaction_mood, is added by exactly that (nothing else is edited); the copy
# builds warning-free, installs, and the type works like the six others: input
# with synonyms and spellings, the bad-label error and its hint, output, binary
# send/receive, order, btree and hash operator classes, min/max, the label list;
# and an installed 1.1 reaches it by ALTER EXTENSION UPDATE.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use File::Temp qw(tempdir);
use InteractionTest;

plan skip_all => 'needs a staged install (INTERACTION_DESTDIR): run through make test'
  unless $ENV{INTERACTION_DESTDIR};
plan tests => 17;

my $top = $ENV{TESTDIR} // '.';
my $make = "make -s --no-print-directory";
my $copy = tempdir(CLEANUP => 1);
# the built objects come along, so that only what the row changes is rebuilt
system("tar -C '$top' --exclude=./.git --exclude=./tmp_install --exclude=./tmp_check "
	  . "--exclude=./results --exclude='*.so' -cf - . | tar -C '$copy' -xf -") == 0
  or BAIL_OUT('cannot copy the tree');

# the row: the next free tag, three labels and a synonym
my $c = slurp_file("$copy/src/taxonomy.c");
my $start = index($c, "static const Taxonomy taxonomies[] = {\n");
BAIL_OUT('no table taxonomies[] in src/taxonomy.c') if $start < 0;
my $end = index($c, "\n};\n", $start) + 1;
my $tag = () = substr($c, $start, $end - $start) =~ /^\t\[\d+\] = \{/mg;
substr($c, $end, 0) = qq{\t[$tag] = {\n\t\t"interaction_mood", 3,\n\t\t{"calm", "tense", "heated"},\n\t\t{{"relaxed", 0}, {"angry", 2}}\n\t},\n};
open my $fh, '>', "$copy/src/taxonomy.c" or die $!;
print $fh $c;
close $fh;
ok($c =~ /"interaction_mood", 3/, "a row for interaction_mood (tag $tag) in src/taxonomy.c");

# the SQL: one directive, in a part new in the version in development
my ($cur) = `$make -C '$copy' version` =~ /^EXTVERSION=(\S+)/m;
open $fh, '>', "$copy/sql/install/26_mood.sql" or die $!;
print $fh "-- since $cur\n-- \@taxonomy_type interaction_mood $tag\n";
close $fh;

my $out = `$make -C '$copy' 2>&1`;
is($?, 0, 'the copy builds') or diag($out);
unlike($out, qr/warning:|error:/, 'without warnings') or diag($out);
my $libdir = `\${PG_CONFIG:-pg_config} --pkglibdir`;
chomp $libdir;
my $stage = tempdir(CLEANUP => 1);
$out = `$make -C '$copy' install DESTDIR='$stage' 2>&1`;
is($?, 0, 'and installs') or diag($out);

local $ENV{INTERACTION_DESTDIR} = $stage;
local $ENV{INTERACTION_LIBPATH} = "$stage$libdir:$libdir";
my $node = InteractionTest::node('mood');
my $q = sub { $node->safe_psql('postgres', shift) };

is($q->(q{SELECT string_agg(m::text, ',') FROM unnest(ARRAY['Calm', ' TENSE ', 'heated', 'relaxed', 'Angry']::interaction_mood[]) m}),
	'calm,tense,heated,calm,heated', 'input: labels, case, blanks, synonyms; output: the labels');
is($q->(q{SELECT interaction_mood_labels()::text}), '{calm,tense,heated}', 'the label list');
my $stderr = '';
$node->psql('postgres', q{SELECT 'sulky'::interaction_mood}, stderr => \$stderr, on_error_stop => 0);
like($stderr, qr/ERROR:  invalid input value for interaction_mood: "sulky".*HINT:  Valid labels are: calm, tense, heated\./s,
	'a bad label: the error of every taxonomy type, with the labels as hint');
is($q->(q{SELECT encode(interaction_mood_send('tense'), 'hex')}), '0101', 'send: the version byte, then the ordinal');
$q->(q{CREATE TABLE moods (m interaction_mood, at int)});
$q->(q{INSERT INTO moods SELECT (interaction_mood_labels())[1 + i % 3], i FROM generate_series(1, 3000) i});
is($q->(q{SELECT string_agg(m::text, ',' ORDER BY m) FROM (SELECT DISTINCT m FROM moods) s}), 'calm,tense,heated',
	'order is label order (DISTINCT, ORDER BY)');
is($q->(q{SELECT min(m)::text || ' ' || max(m)::text FROM moods}), 'calm heated', 'min and max');
is($q->(q{SELECT count(*) FROM moods WHERE m > 'calm' AND m <> 'heated'}), '1000', 'comparison operators');
$q->(q{CREATE INDEX ON moods (m); ANALYZE moods});
like($q->(q{SET enable_seqscan = off; EXPLAIN (COSTS OFF) SELECT count(*) FROM moods WHERE m = 'tense'}), qr/Index Only Scan|Bitmap Index Scan|Index Scan/,
	'a btree index serves it');
is($q->(q{SET enable_seqscan = off; SELECT count(*) FROM moods WHERE m = 'tense'}), '1000', 'and answers');
is($q->(q{SET enable_sort = off; SELECT string_agg(n::text, ',' ORDER BY n) FROM (SELECT m, count(*) n FROM moods GROUP BY m) s}),
	'1000,1000,1000', 'hash aggregation');
is($q->(q{SELECT bool_and(amvalidate(oid)) FROM pg_opclass WHERE opcname IN ('interaction_mood_ops', 'interaction_mood_hash_ops')}),
	't', 'its btree and hash operator classes validate');
is($q->(q{SELECT interaction_sentiment_labels()::text || ' ' || 'urgent'::interaction_urgency::text}),
	'{negative,neutral,positive} critical', 'the six other types are unchanged');

# an installed 1.1 reaches the new type through the upgrade script
$q->(q{CREATE DATABASE walk});
$node->safe_psql('walk', q{CREATE EXTENSION interaction VERSION '1.1'; ALTER EXTENSION interaction UPDATE});
is($node->safe_psql('walk', q{SELECT 'angry'::interaction_mood::text || ' ' || 'loyalty'::journey_stage::text}),
	'heated advocacy', '1.1 updated: the new type and the old ones');
$node->stop;
