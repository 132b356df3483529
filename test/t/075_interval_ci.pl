# test/t/075_interval_ci.pl: the confidence intervals and p-values of the rates
# (rate_ci and service_level_ci: Wilson; csat_ci: Wilson in percent points;
# ces_ci: t interval; csat_diff_pvalue: pooled two-proportion z test;
# ces_diff_pvalue: Welch's t test), weighted summaries included, against
# SciPy (Debian's python3-scipy under /usr/bin/python3) to 1e-9.  Skipped
# without SciPy.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $python = '/usr/bin/python3';
plan skip_all => 'no /usr/bin/python3 with scipy'
  unless -x $python && system($python, '-c', 'import scipy.stats') == 0;

my $node = InteractionTest::node('ci');
srand(75);

# The oracle: one case a line, "kind|args..." in, "low|high" or "p" out.
my $oracle = <<'PY';
import sys
from scipy import stats
import math

def wilson(k, n, level):
    z = stats.norm.ppf(1 - (1 - level) / 2)
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    lo = 0.0 if k == 0 else max(0.0, c - h)
    hi = 1.0 if k == n else min(1.0, c + h)
    return lo, hi

def moments(counts, weights):
    # counts and weights per score 0..10; weighted mean, population variance, Kish n
    W = sum(weights)
    W2 = sum(w * w / c for c, w in zip(counts, weights) if c > 0) if weights != counts else sum(counts)
    mean = sum(i * w for i, w in enumerate(weights)) / W
    var = sum(w * (i - mean) ** 2 for i, w in enumerate(weights)) / W
    return W, W * W / W2, mean, var

for line in sys.stdin:
    f = line.strip().split('|')
    kind = f[0]
    if kind == 'rate':
        k, n, level = int(f[1]), int(f[2]), float(f[3])
        print('%.17g|%.17g' % wilson(k, n, level))
    elif kind in ('csat', 'ces', 'csatp', 'cesp'):
        scale, level = int(f[1]), float(f[2])
        counts = [list(map(float, x.split(','))) for x in f[3:5]]
        weights = [list(map(float, x.split(','))) for x in f[5:7]]
        top = {3: 1, 5: 2, 7: 2, 10: 2}[scale]
        W, n, mean, var = moments(counts[0], weights[0])
        if kind == 'csat':
            p = sum(weights[0][scale - top + 1:scale + 1]) / W
            z = stats.norm.ppf(1 - (1 - level) / 2)
            c = (p + z * z / (2 * n)) / (1 + z * z / n)
            h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
            print('%.17g|%.17g' % (100 * max(0, c - h), 100 * min(1, c + h)))
        elif kind == 'ces':
            sem = math.sqrt(var / (n - 1))
            lo, hi = stats.t.interval(level, n - 1, loc=mean, scale=sem)
            print('%.17g|%.17g' % (lo, hi))
        else:
            W2_, n2, mean2, var2 = moments(counts[1], weights[1])
            if kind == 'csatp':
                p1 = sum(weights[0][scale - top + 1:scale + 1]) / W
                p2 = sum(weights[1][scale - top + 1:scale + 1]) / W2_
                pooled = (p1 * n + p2 * n2) / (n + n2)
                se = math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / n2))
                print('%.17g' % (2 * stats.norm.sf(abs(p1 - p2) / se)))
            else:
                r = stats.ttest_ind_from_stats(mean, math.sqrt(var * n / (n - 1)), n,
                                               mean2, math.sqrt(var2 * n2 / (n2 - 1)), n2,
                                               equal_var=False)
                print('%.17g' % r.pvalue)
PY

my @levels = (0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.999999);
my (@cases, @sql);

# rate_ci
for (1 .. 300)
{
	my $n = 1 + int(rand(rand() < 0.5 ? 50 : 100000));
	my $k = rand() < 0.1 ? (rand() < 0.5 ? 0 : $n) : int(rand($n + 1));
	my $level = rand() < 0.7 ? $levels[ int(rand(@levels)) ] : 0.01 + 0.98 * rand();
	push @cases, "rate|$k|$n|$level";
	push @sql, "SELECT low || '|' || high FROM rate_ci($k, $n, $level)";
}

# a random survey summary on a scale: counts per score 0..10, optional weights
sub summary
{
	my ($scale, $weighted) = @_;
	my (@c, @w);
	my ($text, $sep) = ('{', '');
	for my $i (0 .. 10)
	{
		my $c = ($i >= 1 && $i <= $scale && rand() < 0.85) ? 1 + int(rand(rand() < 0.5 ? 10 : 500)) : 0;
		my $w = $c;
		if ($weighted && $c > 0)
		{
			# every response of this score gets the same weight
			my $each = sprintf('%.3f', 0.1 + 3 * rand());
			$w = $c * $each;
			$text .= "$sep$i:$c/$w";
			$sep = ',';
			push @c, $c;
			push @w, $w;
			next;
		}
		$text .= "$sep$i:$c" if $c > 0;
		$sep = ',' if $c > 0;
		push @c, $c;
		push @w, $w;
	}
	# at least two responses at two different scores
	if ((grep { $_ > 0 } @c) < 2)
	{
		return summary($scale, $weighted);
	}
	return ("$text}", join(',', @c), join(',', @w));
}

for my $kind (qw(csat ces csatp cesp))
{
	for (1 .. 150)
	{
		my $scale = (3, 5, 7, 10)[ int(rand(4)) ];
		my $weighted = rand() < 0.4 ? 1 : 0;
		my $level = $levels[ int(rand(@levels)) ];
		my ($s1, $c1, $w1) = summary($scale, $weighted);
		my ($s2, $c2, $w2) = summary($scale, $weighted);
		# weighted text without w2 means: every response of a score weighs the same
		push @cases, "$kind|$scale|$level|$c1|$c2|$w1|$w2";
		if ($kind eq 'csat')
		{
			push @sql, "SELECT low || '|' || high FROM csat_ci('$s1', $scale, $level)";
		}
		elsif ($kind eq 'ces')
		{
			push @sql, "SELECT low || '|' || high FROM ces_ci('$s1', $scale, $level)";
		}
		elsif ($kind eq 'csatp')
		{
			push @sql, "SELECT csat_diff_pvalue('$s1', '$s2', $scale)::text";
		}
		else
		{
			push @sql, "SELECT ces_diff_pvalue('$s1', '$s2', $scale)::text";
		}
	}
}

my ($out, $err) = ('', '');
my $in = join("\n", @cases) . "\n";
ok(IPC::Run::run([ $python, '-c', $oracle ], '<', \$in, '>', \$out, '2>', \$err), 'the SciPy oracle runs')
  or diag($err);
my @want = split /\n/, $out;
is(scalar(@want), scalar(@cases), 'one oracle answer per case');

my @got = split /\n/, $node->safe_psql('postgres', join(";\n", @sql) . ';');
is(scalar(@got), scalar(@cases), 'one answer per case from the server');

my %bad;
my %count;
my $worst = 0;
for my $i (0 .. $#cases)
{
	my ($kind) = split /\|/, $cases[$i];
	$count{$kind}++;
	my @w = split /\|/, $want[$i] // '';
	my @g = split /\|/, $got[$i] // '';
	my $ok = @w == @g && @w > 0;
	for my $j (0 .. $#w)
	{
		last unless $ok;
		my $d = abs($w[$j] - $g[$j]) / (abs($w[$j]) > 1 ? abs($w[$j]) : 1);
		$worst = $d if $d > $worst;
		$ok = 0 if $d > 1e-9;
	}
	push @{ $bad{$kind} }, "$cases[$i]: want $want[$i], got " . ($got[$i] // 'nothing') unless $ok;
}
for my $kind (sort keys %count)
{
	is(scalar(@{ $bad{$kind} // [] }), 0, "$kind: $count{$kind} cases within 1e-9 of SciPy")
	  or diag(join("\n", @{ $bad{$kind} }[ 0 .. ($#{ $bad{$kind} } < 4 ? $#{ $bad{$kind} } : 4) ]));
}
note("largest relative difference: $worst");

# service_level_ci is the Wilson interval of its definition's counts
is($node->safe_psql('postgres', q{
	SELECT count(*) FILTER (WHERE service_level_ci(q, d, 0.9) IS DISTINCT FROM rate_ci(n, t, 0.9))
	FROM (SELECT queue_agg(w * interval '1 s', a) AS q
	      FROM (SELECT (i * 7919 % 60) AS w, i % 5 <> 0 AS a FROM generate_series(1, 5000) i) x) s,
	     LATERAL (VALUES ('offered', answered_within(q), offered(q)),
	                     ('answered', answered_within(q), answered(q)),
	                     ('offered_excluding_short', answered_within(q), offered(q) - short_abandons(q)),
	                     ('abandoned_within_met', answered_within(q) + abandoned_within(q), offered(q)),
	                     ('exclude_abandoned_within', answered_within(q), offered(q) - abandoned_within(q))) v(d, n, t)}),
	'0', 'service_level_ci of every definition is rate_ci of its counts');

done_testing();
