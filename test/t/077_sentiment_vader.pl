# test/t/077_sentiment_vader.pl: sentiment() against an outside oracle on general
# English.  npm's vader-sentiment (MIT, a port of VADER) is installed with npm into
# this test run's directory (never shipped, never copied); the sentences are
# generated here from word lists written for this test.  Where VADER is confident
# (|compound| >= 0.5), the sign of sentiment() must agree on at least 90 % of them.
use strict;
use warnings;
use File::Copy;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
plan skip_all => 'no node and npm' unless system('sh', '-c', 'command -v node && command -v npm >/dev/null') == 0;

my $dir = "${PostgreSQL::Test::Utils::tmp_check}/vader";
mkdir $dir;
copy("$top/test/oracle/vader/package.json", $dir) or die "package.json: $!";
my $npm = system("cd '$dir' && npm install --no-audit --no-fund --loglevel=error >npm.log 2>&1");
ok($npm == 0, 'npm installs vader-sentiment') or diag(slurp_file("$dir/npm.log"));

# ---- sentences: every combination of a few word lists, in a fixed order ----------
my @subjects = ('The movie', 'This book', 'The weather', 'My day', 'The food', 'The hotel',
	'The concert', 'Her idea', 'The team', 'This phone', 'The party', 'His speech', 'The trip',
	'The game', 'The service', 'The new album');
my @positive = qw(good great excellent wonderful amazing fantastic lovely nice beautiful
  brilliant perfect awesome pleasant delightful fun enjoyable superb impressive charming
  outstanding);
my @negative = qw(bad terrible awful horrible boring disappointing ugly sad annoying poor
  dreadful stupid disgusting pathetic mediocre frustrating depressing miserable nasty lousy);
my @modifiers = ('very', 'really', 'extremely', 'so', 'slightly', 'somewhat', 'incredibly', 'a bit');
my @verbs_pos = ('I love', 'I really like', 'We enjoyed', 'I adore', 'Everyone loved');
my @verbs_neg = ('I hate', 'I really dislike', 'We hated', 'I can not stand', 'Nobody liked');

my @sentences;
my $n = 0;
for my $s (@subjects)
{
	for my $i (0 .. $#positive)
	{
		my ($p, $q) = ($positive[$i], $negative[$i]);
		my $m = $modifiers[ ($n++) % @modifiers ];
		my $other = lc $subjects[ ($n * 7) % @subjects ];
		my $form = $n % 8;
		if ($form == 0) { push @sentences, "$s was $p.", "$s was $q." }
		elsif ($form == 1) { push @sentences, "$s was $m $p!", "$s was $m $q!" }
		elsif ($form == 2) { push @sentences, "$s was not $p.", "$s was not $q." }
		elsif ($form == 3) { push @sentences, "$s was $q, but $other was $p.", "$s was $p, but $other was $q." }
		elsif ($form == 4) { push @sentences, "$verbs_pos[$n % 5] " . lc($s) . '.', "$verbs_neg[$n % 5] " . lc($s) . '.' }
		elsif ($form == 5) { push @sentences, "$s was $p :)", "$s was $q :(" }
		elsif ($form == 6) { push @sentences, "What a $p day, " . lc($s) . " was \U$p\E!", "What a $q day, " . lc($s) . " was \U$q\E!" }
		else { push @sentences, "Honestly, $s was $p and $positive[($i + 3) % @positive].", "Honestly, $s was $q and $negative[($i + 3) % @negative]." }
	}
}

# ---- VADER's compound scores ------------------------------------------------------
my ($out, $err) = ('', '');
local $ENV{NODE_PATH} = "$dir/node_modules";
ok(IPC::Run::run([ 'node', "$top/test/oracle/vader/vader_score.js" ], '<', \join("\n", @sentences, ''),
		'>', \$out, '2>', \$err), 'VADER scores the sentences')
  or diag($err);
my @vader = split /\n/, $out;
is(scalar @vader, scalar @sentences, 'one VADER score per sentence');

# ---- ours ---------------------------------------------------------------------------
my $node = InteractionTest::node('vader');
my $values = join(",\n", map { my $t = $sentences[$_] =~ s/'/''/gr; "($_, '$t')" } 0 .. $#sentences);
my @ours = split /\n/, $node->safe_psql('postgres',
	"SELECT round(sentiment(t)::numeric, 4) FROM (VALUES $values) AS v(i, t) ORDER BY i");
is(scalar @ours, scalar @sentences, 'one score of ours per sentence');

my ($confident, $agree) = (0, 0);
my @disagreements;
for my $i (0 .. $#sentences)
{
	next unless abs($vader[$i]) >= 0.5;
	$confident++;
	if (($vader[$i] > 0) == ($ours[$i] > 0) && $ours[$i] != 0) { $agree++ }
	else { push @disagreements, "$sentences[$i]  (VADER $vader[$i], ours $ours[$i])" }
}
my $rate = $confident ? $agree / $confident : 0;
note(sprintf('VADER confident on %d of %d sentences; signs agree on %d (%.1f %%)',
		$confident, scalar @sentences, $agree, 100 * $rate));
note("disagreement: $_") for @disagreements;
cmp_ok($confident, '>=', 300, 'enough sentences where VADER is confident');
cmp_ok($rate, '>=', 0.90, 'signs agree on at least 90 % where |compound| >= 0.5');
done_testing();
