# test/t/076_markov_oracle.pl: markov_attribution against an independent, exact
# implementation (test/markov_oracle.py, Python's fractions) over random journey
# sets: empty journeys, journeys without a channel or a conversion, touchpoints
# after the conversion, loops and repeated channels.  Each set is aggregated
# serially and with a forced parallel plan; every credit must agree with the
# oracle within 1e-9 (relative), the same channels must get credit, and the
# credits must sum to the number of converting journeys.  Skipped without
# /usr/bin/python3.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use JSON::PP;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my $python = '/usr/bin/python3';
plan skip_all => 'no /usr/bin/python3' unless -x $python;

my $sets = 300;
my $seed = $ENV{MARKOV_ORACLE_SEED} // 20261205;
my ($out, $err) = ('', '');
IPC::Run::run([ $python, "$top/test/markov_oracle.py", $seed, $sets ], '>', \$out, '2>', \$err)
  or BAIL_OUT("test/markov_oracle.py failed: $err");
my $cases = decode_json($out);
is(scalar @$cases, $sets, "the oracle gave $sets journey sets (seed $seed)");

my $node = InteractionTest::node('markov_oracle');

# journeys as literals: touchpoint k at 2026-01-01 + k hours, so the list order
# is the time order
my @rows;
my $conversions_total = 0;
for my $i (0 .. $#$cases)
{
	for my $j (@{ $cases->[$i]{journeys} })
	{
		my @t;
		for my $k (0 .. $#$j)
		{
			my ($stage, $channel) = @{ $j->[$k] };
			push @t, sprintf('2026-01-01 %02d:00:00+00 %s%s', $k, $stage,
				defined $channel ? "/$channel" : '');
		}
		push @rows, sprintf("(%d, '[%s]')", $i, join(', ', @t));
	}
}
$node->safe_psql('postgres',
	"CREATE TABLE js (set int, j journey);\nINSERT INTO js VALUES " . join(",\n", @rows) . ";\nANALYZE js;");

sub results
{
	my ($settings) = @_;
	my $res = $node->safe_psql('postgres', $settings . q{
		SELECT set, coalesce(c.channel::text, ''), c.credit::text
		FROM (SELECT set, markov_attribution(j) AS m FROM js GROUP BY set) s,
		     unnest(s.m) c
		ORDER BY 1, 2});
	my %r;
	for my $line (split /\n/, $res)
	{
		my ($set, $channel, $credit) = split /\|/, $line;
		$r{$set}{$channel} = $credit;
	}
	return \%r;
}

my $serial = results('SET max_parallel_workers_per_gather = 0;');
my $parallel = results(
	'SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;'
	  . ' SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;'
	  . ' SET enable_hashagg = off;');

my ($agree, $worst, $with_conversions) = (0, 0, 0);
my @bad;
for my $i (0 .. $#$cases)
{
	my $want = $cases->[$i]{credits};
	my $got = $serial->{$i} // {};
	my $ok = join(',', sort keys %$want) eq join(',', sort keys %$got);
	my $sum = 0;
	for my $c (keys %$want)
	{
		last unless $ok;
		my $diff = abs($got->{$c} - $want->{$c}) / (abs($want->{$c}) || 1);
		$worst = $diff if $diff > $worst;
		$ok = 0 if $diff > 1e-9;
		$sum += $got->{$c};
	}
	my $conversions = 0;
	for my $j (@{ $cases->[$i]{journeys} })
	{
		# a conversion: a touchpoint at acquisition or beyond
		$conversions++ if grep { $_->[0] =~ /^(acquisition|retention|advocacy)$/ } @$j;
	}
	$with_conversions++ if $conversions;
	$ok = 0 if abs($sum - $conversions) > 1e-9 * ($conversions || 1);
	if ($ok) { $agree++ } else { push @bad, $i }
}
is($agree, $sets, "markov_attribution agrees with the exact oracle on every set ($with_conversions with conversions, worst relative difference $worst)")
  or diag("sets that differ: @bad[0 .. ($#bad < 9 ? $#bad : 9)]");
is_deeply($parallel, $serial, 'a forced parallel plan gives the serial credits');
like($node->safe_psql('postgres', q{
	SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
	SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off;
	EXPLAIN (COSTS OFF) SELECT set, markov_attribution(j) FROM js GROUP BY set}),
	qr/Partial GroupAggregate|Partial HashAggregate|Partial Aggregate/, 'the parallel plan has partial aggregates');

# one aggregate over all sets: the credits sum to every converting journey
my $total = $node->safe_psql('postgres',
	'SELECT round(sum(c.credit)::numeric, 6) FROM unnest((SELECT markov_attribution(j) FROM js)) c');
my $conv = $node->safe_psql('postgres',
	q{SELECT count(*) FROM js WHERE j @> 'acquisition'});
is($total + 0, $conv + 0, "over all journeys the credits sum to the $conv conversions (as reached() counts them)");

$node->stop;
done_testing();
