# test/t/031_dump_across_majors.pl: values of every type of ours and the user's rule
# tables, written on this PostgreSQL (15), dumped with its pg_dump and restored into
# newer majors, read back identical in text and in binary, and the restored rules used.
#
# The newer servers run elsewhere (test/across starts them inside the Debian roots of
# test/roots, with the extension built for them) and are reached over loopback:
# INTERACTION_ACROSS="17=PORT 18=PORT" names them (user postgres, trust).  Without it
# the test is skipped.
#
# CI may skip: it runs under make across (test/across), which starts the newer servers
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

# psql (this major's client) against a server over loopback: output, or the error
sub psql_at
{
	my ($conn, $db, $sql) = @_;
	my ($out, $err) = ('', '');
	IPC::Run::run([ 'psql', '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', @$conn, '-d', $db, '-c', $sql ],
		'>', \$out, '2>', \$err);
	chomp $out;
	return $err ne '' ? "$out$err" : $out;
}

my %targets = map { split /=/ } split ' ', ($ENV{INTERACTION_ACROSS} // '');
plan skip_all => 'no newer major to restore into (test/across sets INTERACTION_ACROSS)'
  unless %targets;

my $node = InteractionTest::node('across');
my %lit = InteractionTest::sample_literals($node);
my @types = sort keys %lit;
ok(@types >= 11, 'types to dump: ' . join(', ', @types));

$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql('src', 'CREATE EXTENSION interaction');
for my $type (@types)
{
	my $vals = join(', ', map { my $x = $_; $x =~ s/'/''/g; "('$x')" } @{ $lit{$type} });
	$node->safe_psql('src', "CREATE TABLE t_$type (id serial, v $type); "
		  . "INSERT INTO t_$type (v) VALUES $vals, (NULL)");
}
$node->safe_psql('src',
	"INSERT INTO interaction_stage_rules VALUES ('black friday mailer', 'awareness'), ('renewal call', 'retention'); "
	  . "INSERT INTO interaction_kind_rules VALUES ('where is my parcel', 'complaint'), ('Kudos!', 'feedback'); "
	  . "INSERT INTO interaction_urgency_rules VALUES ('down payment', 'planned'), ('legal action', 'critical')");

my $dump = $node->basedir . '/src.dump';
command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('src') ], 'pg_dump -Fc on 15');

my %queries;
for my $type (@types)
{
	$queries{"$type values"} = "SELECT string_agg(id || '=' || coalesce(v::text, 'NULL') || '/' || "
	  . "coalesce(encode(${type}_send(v), 'hex'), ''), ';' ORDER BY id) FROM t_$type";
}
$queries{'stage rules'} = "SELECT string_agg(phrase || '=' || stage, ';' ORDER BY phrase) FROM interaction_stage_rules";
$queries{'kind rules'} = "SELECT string_agg(phrase || '=' || kind, ';' ORDER BY phrase) FROM interaction_kind_rules";
$queries{'urgency rules'} = "SELECT string_agg(phrase || '=' || urgency, ';' ORDER BY phrase) FROM interaction_urgency_rules";
$queries{'rules in use'} = "SELECT string_agg(coalesce(classify_stage(t)::text, '-') || '/' "
  . "|| coalesce(classify_kind(t)::text, '-') || '/' || coalesce(classify_urgency(t)::text, '-'), ';') "
  . "FROM unnest(ARRAY['Black Friday mailer', 'Where is my parcel?', 'kudos', 'down payment', 'legal action']) t";
my %want = map { $_ => $node->safe_psql('src', $queries{$_}) } keys %queries;

for my $major (sort keys %targets)
{
	my @conn = ('-h', '127.0.0.1', '-p', $targets{$major}, '-U', 'postgres');
	my $db = "from15";
	command_ok([ 'dropdb', @conn, '--if-exists', $db ], "$major: drop $db");
	command_ok([ 'createdb', @conn, $db ], "$major: createdb");
	command_ok([ 'pg_restore', '--exit-on-error', @conn, '-d', $db, $dump ], "$major: pg_restore of the 15 dump");
	my $version = psql_at(\@conn, $db, 'SHOW server_version_num');
	like($version, qr/^$major\d{4}$/, "$major: the restore went to PostgreSQL $major");
	for my $what (sort keys %queries)
	{
		is(psql_at(\@conn, $db, $queries{$what}), $want{$what}, "$major: $what identical after restore");
	}
}

done_testing();
