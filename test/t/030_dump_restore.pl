# test/t/030_dump_restore.pl: pg_dump and pg_restore keep every value of every type
# of ours, and the user's stage rules.  The types are the catalog's (every base type
# the extension owns); one without sample values fails.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $node = InteractionTest::node('dump');
my %lit = InteractionTest::sample_literals($node);
my @types = InteractionTest::extension_types($node);
plan tests => 9 + @types;
my @no_values = grep { !$lit{$_} || !@{ $lit{$_} } } @types;
ok(@types && !@no_values, 'types to dump, each with sample values: ' . join(', ', @types)
	  . (@no_values ? "; none for: @no_values" : ''));

$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql('src', 'CREATE EXTENSION interaction');
for my $type (@types)
{
	my $vals = join(', ', (map { my $x = $_; $x =~ s/'/''/g; "('$x')" } @{ $lit{$type} // [] }), '(NULL)');
	$node->safe_psql('src', "CREATE TABLE t_$type (id serial, v $type); "
		  . "INSERT INTO t_$type (v) VALUES $vals");
}
my $has_rules = $node->safe_psql('src',
	"SELECT count(*) FROM pg_class WHERE relname = 'interaction_stage_rules'");
$node->safe_psql('src',
	"INSERT INTO interaction_stage_rules VALUES ('black friday mailer', 'awareness'), ('renewal call', 'retention')")
  if $has_rules;
my $has_kind_rules = $node->safe_psql('src',
	"SELECT count(*) FROM pg_class WHERE relname = 'interaction_kind_rules'");
$node->safe_psql('src',
	"INSERT INTO interaction_kind_rules VALUES ('where is my parcel', 'complaint'), ('Kudos!', 'feedback'); "
	  . "INSERT INTO interaction_urgency_rules VALUES ('down payment', 'planned'), ('legal action', 'critical')")
  if $has_kind_rules;

my $has_sentiment_rules = $node->safe_psql('src',
	"SELECT count(*) FROM pg_class WHERE relname = 'interaction_sentiment_rules'");
$node->safe_psql('src',
	"INSERT INTO interaction_sentiment_rules VALUES ('restocking fee', -2.5), ('Sick!', 3), ('meh', 0)")
  if $has_sentiment_rules;

my $dump = $node->basedir . '/src.dump';
command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('src') ], 'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE dst');
command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('dst'), $dump ], 'pg_restore');

for my $type (@types)
{
	my $q = "SELECT string_agg(id || '=' || coalesce(v::text, 'NULL') || '/' || "
	  . "coalesce(encode(${type}_send(v), 'hex'), ''), ';' ORDER BY id) FROM t_$type";
	is($node->safe_psql('dst', $q), $node->safe_psql('src', $q), "$type values identical after restore");
}
SKIP:
{
	skip 'no interaction_stage_rules table', 1 unless $has_rules;
	my $q = "SELECT string_agg(phrase || '=' || stage, ';' ORDER BY phrase) FROM interaction_stage_rules";
	is($node->safe_psql('dst', $q), $node->safe_psql('src', $q), 'user stage rules restored');
}
SKIP:
{
	skip 'no interaction_kind_rules table', 3 unless $has_kind_rules;
	for my $t ([ 'kind', 'kind' ], [ 'urgency', 'urgency' ])
	{
		my ($name, $col) = @$t;
		my $q = "SELECT string_agg(phrase || '=' || $col, ';' ORDER BY phrase) FROM interaction_${name}_rules";
		is($node->safe_psql('dst', $q), $node->safe_psql('src', $q), "user $name rules restored");
	}
	my $q = "SELECT string_agg(coalesce(classify_kind(t)::text, '-') || '/' || coalesce(classify_urgency(t)::text, '-'), ';') "
	  . "FROM unnest(ARRAY['Where is my parcel?', 'kudos', 'down payment', 'no legal action', 'legal action']) t";
	is($node->safe_psql('dst', $q), 'complaint/-;feedback/-;-/planned;-/-;-/critical', 'restored rules are used');
}
SKIP:
{
	skip 'no interaction_sentiment_rules table', 2 unless $has_sentiment_rules;
	my $q = "SELECT string_agg(phrase || '=' || valence, ';' ORDER BY phrase) FROM interaction_sentiment_rules";
	is($node->safe_psql('dst', $q), $node->safe_psql('src', $q), 'user sentiment rules restored');
	$q = "SELECT string_agg(round(sentiment(t)::numeric, 3)::text, ';') "
	  . "FROM unnest(ARRAY['a restocking fee', 'sick', 'meh']) t";
	is($node->safe_psql('dst', $q), '-0.530;0.600;0.000', 'restored sentiment rules are used');
}

done_testing();
