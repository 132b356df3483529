# test/t/090_fuzz.pl: fuzzing of every input and receive function of the extension.
#
# Text input: test/fuzz/fuzz.sql mutates valid literals FUZZ_TEXT times in all
# (default 1,000,000, shared among the types) and feeds them to each type's input
# function.  Binary input: FUZZ_BINARY mutated send-function outputs per type are
# written as one-row binary COPY files and loaded.  Pass: the server never crashes,
# and every rejection carries a data-exception SQLSTATE (class 22, or 08P01 for a
# message that ends early), never XX000.  And the fuzzer has teeth: on each path
# of each type at least FLOOR mutated values are accepted and at least FLOOR are
# rejected by the type itself (FLOOR: 0.1 % of the text mutations, 0.5 % of the
# binary ones, at least 1); a binary rejection counts only when it comes from the
# value (the type's receive function, or COPY finding bytes it left unread), not
# from the COPY framing (22P04), so a broken file writer cannot pass for a strict
# type.  The type list is the catalog's (every base type the extension owns).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $text_total = $ENV{FUZZ_TEXT} // 1_000_000;
my $binary_per_type = $ENV{FUZZ_BINARY} // 2_000;
my $top = $ENV{TESTDIR} || '.';
# the binary mutations are drawn from a fixed seed, so a run is repeatable (a
# failure reproduces with the seed it printed); FUZZ_SEED draws others
my $fuzz_seed = $ENV{FUZZ_SEED} // 20261205;
srand($fuzz_seed);

my $node = InteractionTest::node('fuzz');
$node->safe_psql('postgres', slurp_file("$top/test/fuzz/fuzz.sql"));

my @types = InteractionTest::extension_types($node);
# 1 + 8 assertions per type: a type that dies mid-way shows its unrun assertions
plan tests => 1 + 8 * @types;
ok(@types >= 1, 'found the extension types: ' . join(', ', @types));
my %seeds = InteractionTest::sample_literals($node);

for my $type (@types)
{
	my @s = @{ $seeds{$type} // [] };
	ok(@s, "$type has seed literals") or do { fail("$type: not fuzzed") for 1 .. 7; next };

	# text input
	my $n = int($text_total / @types);
	my $arr = 'ARRAY[' . join(', ', map { my $x = $_; $x =~ s/'/''/g; "'$x'" } @s) . ']::text[]';
	my ($rc, $out, $err) = $node->psql('postgres',
		"SELECT setseed(0.5); SELECT outcome || '=' || count FROM fuzz_inputs('$type', $arr, $n)");
	is($rc, 0, "$type: $n mutated literals, server alive") or diag($err);
	my %tally = map { split /=/ } grep { /=/ } split /\n/, $out;
	my @bad = grep { $_ ne 'ok' && $_ !~ /^(22...|54000)$/ } keys %tally;
	is_deeply(\@bad, [], "$type: every rejection is a data exception ("
		  . join(', ', map { "$_=$tally{$_}" } sort keys %tally) . ')');
	my $tfloor = int($n / 1000) || 1;
	my $taccepted = $tally{ok} // 0;
	my $trejected = 0;
	$trejected += $tally{$_} for grep { $_ ne 'ok' } keys %tally;
	ok($taccepted >= $tfloor && $trejected >= $tfloor,
		"$type: text fuzzing has teeth: $taccepted accepted, $trejected rejected (each >= $tfloor)");

	# binary input: mutate the send-function output of the seeds
	my @bin = split /\n/, $node->safe_psql('postgres',
		"SELECT encode(${type}_send(s::$type), 'hex') FROM unnest($arr) s");
	$node->safe_psql('postgres', "DROP TABLE IF EXISTS fuzz_bin; CREATE TABLE fuzz_bin (v $type)");
	my $dir = PostgreSQL::Test::Utils::tempdir();
	my %btally;
	my $script = "\\set VERBOSITY verbose\n";
	for my $i (1 .. $binary_per_type)
	{
		my $b = pack('H*', $bin[ int(rand(@bin)) ]);
		for (1 .. 1 + int(rand(3)))
		{
			my $p = int(rand(length($b) + 1));
			my $op = int(rand(5));
			if ($op == 0) { substr($b, $p, 0) = chr(int(rand(256))); }
			elsif ($op == 1 && length($b)) { substr($b, $p, 1) = ''; }
			elsif ($op == 2 && $p < length($b)) { substr($b, $p, 1) = chr(int(rand(256))); }
			elsif ($op == 3) { $b = substr($b, 0, $p); }
			else { substr($b, $p, 0) = pack('N', int(rand(2**32))); }
		}
		my $file = "$dir/b$i";
		open my $fh, '>:raw', $file or die;
		print $fh "PGCOPY\n\377\r\n\0", pack('NN', 0, 0), pack('n', 1),
		  pack('N', length($b)), $b, pack('n', 0xffff);
		close $fh;
		$script .= "COPY fuzz_bin FROM '$file' WITH (FORMAT binary);\n";
	}
	($rc, $out, $err) = $node->psql('postgres', $script, on_error_stop => 0);
	my $alive = $node->safe_psql('postgres', 'SELECT 1');
	is($alive, '1', "$type: $binary_per_type mutated binary values, server alive");
	$btally{$1}++ while $err =~ /^(?:psql:.*?)?ERROR:\s+([0-9A-Z]{5}):/mg;
	my $accepted = $node->safe_psql('postgres', 'SELECT count(*) FROM fuzz_bin');
	my @bbad = grep { $_ !~ /^(22...|08P01|54000)$/ } keys %btally;
	is_deeply(\@bbad, [], "$type: every binary rejection is a data exception (accepted=$accepted, "
		  . join(', ', map { "$_=$btally{$_}" } sort keys %btally) . ')');
	# a type whose values hold counters that must agree (queue_summary) accepts
	# few mutations: some must pass the checks, and the rest be refused by the
	# type's own checks rather than by COPY's framing
	my $bfloor = int($binary_per_type / 200) || 1;
	my $brejected = 0;
	$brejected += $btally{$_} for grep { $_ ne '22P04' } keys %btally;
	ok($accepted >= 1 && $brejected >= $bfloor,
		"$type: binary fuzzing reached the receive function (seed $fuzz_seed): $accepted accepted (>= 1), "
		  . "$brejected rejected by the value (>= $bfloor), " . ($btally{'22P04'} // 0) . " by the COPY framing");
	# what was accepted must print and read back as itself
	my $bad_rt = $node->safe_psql('postgres',
		"SELECT count(*) FROM fuzz_bin WHERE v::text::$type IS DISTINCT FROM v");
	is($bad_rt, '0', "$type: accepted binary values round-trip through text");
}

