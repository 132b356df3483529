# test/t/007_tour.pl: the README's five-minute tour runs on the sample data set.
#
# Loads the sample (test/sample/load, as 'make sample' does) into a fresh database
# through the libpq environment, then runs every ```sql block of the README section
# "A five-minute tour" in one psql session, in order: no block may fail, every query
# must return rows, and where the README shows a ```text block after a block, psql
# must print exactly that (trailing blanks ignored).  Also: loading again is a no-op,
# loading over a foreign table of the same name is refused and leaves nothing
# behind, and the tour's FCR equals the demo's (test/demo/40_fcr.sql) on the sample.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my $node = InteractionTest::node('tour', no_extension => 1);
$node->safe_psql('postgres', 'CREATE DATABASE tour');

# Run test/sample/load against database $db; returns (exit code, output).
sub load_sample
{
	my ($db) = @_;
	local $ENV{PGHOST} = $node->host;
	local $ENV{PGPORT} = $node->port;
	local $ENV{PGDATABASE} = $db;
	my $out = '';
	IPC::Run::run([ 'bash', "$top/test/sample/load" ], '>&', \$out);
	return ($? >> 8, $out);
}

my ($rc, $out) = load_sample('tour');
is($rc, 0, 'make sample loads the sample') or diag($out);
like($out, qr/interactions\s*\|\s*\d+/, 'the load lists its tables');

($rc, $out) = load_sample('tour');
is($rc, 0, 'loading it again succeeds');
like($out, qr/already loaded/, 'loading it again changes nothing') or diag($out);

# A database with a table of one of the sample's names, of other contents.
$node->safe_psql('postgres', 'CREATE DATABASE taken');
$node->safe_psql('taken', 'CREATE TABLE tickets (id int); INSERT INTO tickets VALUES (1)');
($rc, $out) = load_sample('taken');
isnt($rc, 0, 'the sample refuses a database where its tables exist');
like($out, qr/table\(s\) tickets already exist and are not the sample's/, 'and says which') or diag($out);
is($node->safe_psql('taken',
		q{SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'}
		  . q{ UNION ALL SELECT count(*) FROM pg_extension WHERE extname = 'interaction'}),
	"1\n0", 'and creates nothing there');

# The tour: the README section's fenced blocks.
open my $fh, '<', "$top/README.md" or die "README.md: $!";
my $readme = do { local $/; <$fh> };
close $fh;
my ($tour) = $readme =~ /^## A five-minute tour\n(.*?)^## /ms;
ok(defined $tour, 'README has the tour');
my (@blocks, $lang, $buf, $between, @untagged_sql);
$between = '';
for my $line (split /^/, $tour // '')
{
	if (defined $lang)
	{
		if ($line =~ /^```\s*$/)
		{
			push @blocks, [ $lang, $buf, $between ];
			undef $lang;
			$between = '';
		}
		else { $buf .= $line; }
	}
	elsif ($line =~ /^```(\w*)\s*(.*?)\s*$/)
	{
		($lang, $buf) = ($1, '');
		# test/t/001_doc_examples.pl leaves the blocks tagged "tour" to this test
		push @untagged_sql, $line if $lang eq 'sql' && $2 ne 'tour';
	}
	else { $between .= $line; }
}
my @examples;
for (my $i = 0; $i < @blocks; $i++)
{
	next unless $blocks[$i][0] eq 'sql';
	my $expect;
	$expect = $blocks[ $i + 1 ][1]
	  if $i + 1 < @blocks && $blocks[ $i + 1 ][0] eq 'text' && $blocks[ $i + 1 ][2] =~ /\A\s*\z/;
	push @examples, { sql => $blocks[$i][1], expect => $expect };
}
cmp_ok(scalar @examples, '>=', 10, 'the tour has its statements');
is(scalar @untagged_sql, 0, 'every SQL block of the tour is tagged "tour" (the doc tester leaves those to this test)');

sub normalise
{
	my ($s) = @_;
	$s =~ s/[ \t]+$//mg;
	$s =~ s/\n+\z//;
	$s =~ s/\A\n+//;
	return $s;
}

# One session, a marker before each block.
my $script = '';
$script .= "\\echo '\@\@block $_\@\@'\n$examples[$_]{sql}\n" for 0 .. $#examples;
my $all = '';
IPC::Run::run([ 'psql', '-X', '-q', '-d', $node->connstr('tour') ], '<', \$script, '>&', \$all);
my %got;
my $cur;
for my $line (split /^/, $all)
{
	if ($line =~ /^\@\@block (\d+)\@\@$/) { $cur = $1; $got{$cur} = ''; }
	elsif (defined $cur) { $got{$cur} .= $line; }
}
my $tour_fcr;
for my $k (0 .. $#examples)
{
	my $ex = $examples[$k];
	my $got = $got{$k} // '';
	my ($first) = $ex->{sql} =~ /^(.*\S)/m;
	unlike($got, qr/^(ERROR|FATAL|psql:)/m, "tour block $k runs: $first");
	my $selects = grep { /\A\s*SELECT\b/i } split /;\s*$/m, $ex->{sql};
	my @counts = $got =~ /^\((\d+) rows?\)$/mg;
	is(scalar @counts, $selects, "tour block $k: every query returns its rows");
	ok(!grep({ $_ == 0 } @counts), "tour block $k: no query returns nothing");
	is(normalise($got), normalise($ex->{expect}), "tour block $k prints what the README shows")
	  if defined $ex->{expect};
	($tour_fcr) = $got =~ /^ all\s+\|\s*\d+\s*\|\s*([\d.]+)$/m if $ex->{sql} =~ /\bfcr\(/;
}

# One FCR: the demo's FCR section on the same data prints the same overall rate.
ok(defined $tour_fcr, 'the tour prints an overall FCR');
my $demo = '';
IPC::Run::run([ 'psql', '-X', '-v', 'ON_ERROR_STOP=1', '-P', 'footer=off', '-d', $node->connstr('tour'),
		'-f', "$top/test/demo/40_fcr.sql" ], '>&', \$demo);
my ($demo_fcr) = $demo =~ /^ all channels\s+\|(?:[^|\n]*\|){2}\s*([\d.]+)\s*\|/m;
is($demo_fcr, $tour_fcr, "the demo's FCR equals the tour's ($tour_fcr %)") or diag($demo);

# One conversion definition: on the sample's journeys reached(), time_to_stage(),
# attribution() and markov_attribution() count the same conversions.
my @conv = split /\|/, $node->safe_psql('tour', q{
	WITH js AS (SELECT customer_id, journey_agg(at, stage, channel) AS j FROM touchpoints GROUP BY customer_id)
	SELECT count(*) FILTER (WHERE j @> 'acquisition'), count(time_to_stage(j, 'acquisition')),
	       count(*) FILTER (WHERE EXISTS (SELECT FROM attribution(j))),
	       (SELECT round(sum(c.credit)::numeric) FROM unnest((SELECT markov_attribution(j) FROM js)) c)
	FROM js});
ok(@conv == 4 && $conv[0] > 0 && !grep({ $_ != $conv[0] } @conv),
	"one conversion on the sample: reached, time_to_stage, attribution, markov_attribution count @conv");

done_testing();
