# test/t/048_hashagg_spill.pl: hash aggregation that spills to disk gives the
# same answers as sorted grouping in memory, for every aggregate of the
# extension (from the catalog).
#
# For each aggregate a table of 6,000 groups of 3 rows is made from generated
# arguments (InteractionCalls.pm: groups of argument tuples the aggregate
# accepts).  GROUP BY with work_mem = '64kB' and enable_sort = off must be a
# HashAggregate that spills (EXPLAIN ANALYZE shows more than one batch or disk
# usage), and its answers must equal those of a sorted GroupAggregate with a
# large work_mem and enable_hashagg = off.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;
use InteractionCalls;

srand(48);
my $ngroups = 6000;

my $node = InteractionTest::node('spill');
my $s = $node->background_psql('postgres', on_error_stop => 0);
$s->set_query_timer_restart;

sub sq
{
	my ($sql) = @_;
	$s->{stderr} = '';
	my $out = $s->query("RESET ALL; SET max_parallel_workers_per_gather = 0; $sql");
	my $err = $s->{stderr};
	$s->{stderr} = '';
	die "query failed: $err\n$sql" if $err ne '';
	return $out;
}

InteractionCalls::create_helpers($s);
my @aggs = grep { $_->{kind} eq 'a' } InteractionCalls::functions($s);
my %gen = InteractionCalls::generators($node);
ok(@aggs >= 10, scalar(@aggs) . ' aggregates in the extension');

my $spill = "SET work_mem = '64kB'; SET enable_sort = off; SET enable_hashagg = on;";
my $sorted = "SET work_mem = '256MB'; SET enable_hashagg = off; SET enable_sort = on;";
my $n = 0;
for my $f (@aggs)
{
	$n++;
	my $sig = $f->{sig};
	my $why = InteractionCalls::group_table(\&sq, $f, \%gen, "s_$n", 30, $ngroups, 3);
	if ($why)
	{
		fail("$sig: $why");
		fail("$sig: no answers to compare");
		next;
	}
	my $call = InteractionCalls::call_expr_for_table($f);
	my $q = "SELECT a.g, ($call)::text FROM s_$n a GROUP BY a.g";
	my $plan = sq("$spill EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $q");
	my ($batches) = $plan =~ /Batches: (\d+)/;
	ok($plan =~ /HashAggregate/ && (($batches // 0) > 1 || $plan =~ /Disk Usage: [1-9]/),
		"$sig: HashAggregate spills (" . ($batches // 0) . ' batches)')
	  or diag($plan);
	my $hashed = join("\n", sort split /\n/, sq("$spill $q"));
	my $plain = join("\n", sort split /\n/, sq("$sorted $q"));
	my $groups = () = $plain =~ /\n/g;
	ok($hashed eq $plain && $groups + 1 == $ngroups, "$sig: spilled hash aggregation equals sorted grouping ("
		  . ($groups + 1) . ' groups)')
	  or diag("hashed: " . substr($hashed, 0, 800) . "\nsorted: " . substr($plain, 0, 800));
}
$s->quit;

done_testing(1 + 2 * @aggs);
