# test/t/045_crash.pl: a server crash loses nothing that committed.
#
# While a loader commits batches of rows of every type of the extension (one
# table per type, with its btree, hash and GIN indexes) and 4 pgbench workers
# drain a routing_priority queue (DELETE ... FOR UPDATE SKIP LOCKED, logging each
# pop in the same transaction), the server is killed three ways:
#   1. kill -9 of one backend (the postmaster then restarts every backend),
#   2. kill -9 of the postmaster alone (its orphans leave at their next wait),
#   3. kill -9 of the postmaster and all its children at once (a power cut).
# After each recovery:
#   - every batch the loader saw commit is there, the batch in flight is all or
#     nothing, nothing later exists;
#   - every stored value reads back identical (text and binary) to the value
#     written, which is recorded before the crash;
#   - btree indexes pass amcheck (bt_index_check with heapallindexed), and every
#     index (btree, hash, GIN) finds exactly the rows a sequential scan finds;
#   - no task of the queue is lost or taken twice, and at least as many pops are
#     logged as pgbench saw commit.
# At the end the queue is drained to empty and every task was taken exactly once.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(usleep);
use InteractionTest;

my $batch = 500;       # rows per type per batch
my $nbatches = 400;    # the loader never gets this far before the kill
my $ntasks = 20_000;
my $nworkers = 4;

my $node = InteractionTest::node('crash');
# the test clusters default to restart_after_crash = off
$node->append_conf('postgresql.conf', "restart_after_crash = on\n");
$node->reload;
$node->safe_psql('postgres', 'CREATE EXTENSION amcheck');

# Every base type the extension owns (its own storage formats; a composite
# type's rows are core's records); each needs sample values.
my @types = split /\n/, $node->safe_psql('postgres', q{
	SELECT t.typname FROM pg_type t
	JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
	WHERE t.typtype = 'b' AND t.typcategory <> 'A'
	ORDER BY 1});
my %lit = InteractionTest::sample_literals($node);
my @missing = grep { !$lit{$_} } @types;
is_deeply(\@missing, [], 'every type of the extension has sample values (' . scalar(@types) . ' types)');
@types = grep { $lit{$_} } @types;

# Per type: expect_T (k, v) holds the samples; t_T (id, v) gets row id the
# sample k = id % n (NULL when id % 13 = 0), indexed by every default opclass.
my %nsamples;
my %indexes;    # type => [ [index name, access method], ... ]
for my $type (@types)
{
	my @s = @{ $lit{$type} };
	$nsamples{$type} = @s;
	my $vals = join(', ', map { my $x = $s[$_]; $x =~ s/'/''/g; "($_, '$x')" } 0 .. $#s);
	my $ddl = "CREATE TABLE expect_$type (k int PRIMARY KEY, v $type NOT NULL); "
	  . "INSERT INTO expect_$type VALUES $vals; "
	  . "CREATE TABLE t_$type (id bigint PRIMARY KEY, v $type);";
	for my $am (split /\n/, $node->safe_psql('postgres', qq{
		SELECT am.amname FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod
		WHERE o.opcdefault AND o.opcintype = '$type'::regtype
		  AND am.amname IN ('btree', 'hash', 'gin') ORDER BY 1}))
	{
		$ddl .= " CREATE INDEX t_${type}_$am ON t_$type USING $am (v);";
		push @{ $indexes{$type} }, [ "t_${type}_$am", $am ];
	}
	$node->safe_psql('postgres', $ddl);
}

# The record of what is written, taken before any crash.
my $expect_q = join(' UNION ALL ', map {
	"SELECT '$_', string_agg(k || '=' || v::text || '/' || encode(${_}_send(v), 'hex'), ';' ORDER BY k) FROM expect_$_"
} @types);
my $expected_samples = $node->safe_psql('postgres', $expect_q);

# The queue, as in 010_queue.pl.
$node->safe_psql('postgres', qq{
	SELECT setseed(0.25);
	CREATE TABLE queue (id bigint PRIMARY KEY, priority routing_priority NOT NULL);
	INSERT INTO queue
	SELECT i, routing_priority((random() * 9)::int,
			'2026-01-01 09:00+00'::timestamptz + (random() * 3600)::int * interval '1 second',
			'1 minute', CASE WHEN random() < 0.05 THEN 1 ELSE 0 END)
	FROM generate_series(1, $ntasks) i;
	CREATE INDEX queue_priority ON queue (priority);
	CREATE TABLE original AS SELECT * FROM queue;
	CREATE TABLE taken (seq bigserial PRIMARY KEY, worker int NOT NULL, id bigint NOT NULL,
		priority routing_priority NOT NULL);
	VACUUM ANALYZE queue;
	CHECKPOINT;});

my $pop_file = $node->basedir . '/pop.sql';
open my $fh, '>', $pop_file or die;
print $fh q{
WITH popped AS (
	DELETE FROM queue
	WHERE id = (SELECT id FROM queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
	RETURNING id, priority
)
INSERT INTO taken (worker, id, priority) SELECT :client_id, id, priority FROM popped;
};
close $fh;

# The loader: batch b of phase p holds ids p * 1e7 + b * $batch + [0, $batch).
sub loader_script
{
	my ($phase) = @_;
	my $s = "\\set ON_ERROR_STOP 1\nSET application_name = 'loader';\n";
	for my $b (0 .. $nbatches - 1)
	{
		my $lo = $phase * 10_000_000 + $b * $batch;
		my $hi = $lo + $batch - 1;
		$s .= "BEGIN;\n";
		for my $type (@types)
		{
			$s .= "INSERT INTO t_$type SELECT i, e.v FROM generate_series($lo, $hi) i "
			  . "LEFT JOIN expect_$type e ON e.k = i % $nsamples{$type} AND i % 13 <> 0;\n";
		}
		# \warn: stderr is unbuffered, so what is read is what psql saw commit
		$s .= "COMMIT;\n\\warn committed $b\n";
	}
	return $s;
}

sub start_work
{
	my ($phase) = @_;
	my %w;
	my $dir = $node->basedir;
	$w{script} = "$dir/load$phase.sql";
	$w{load_err} = "$dir/load$phase.err";
	open my $f, '>', $w{script} or die;
	print $f loader_script($phase);
	close $f;
	# files, not pipes: the loader and the workers run on whether or not this
	# script is reading them
	$w{loader} = IPC::Run::start(
		[ 'psql', '-X', '-q', '-f', $w{script}, '-d', $node->connstr('postgres') ],
		'>', "$dir/load$phase.out", '2>', $w{load_err});
	$w{bench_out} = "$dir/bench$phase.out";
	$w{bench} = IPC::Run::start(
		[ 'pgbench', '--no-vacuum', "--client=$nworkers", '--jobs=2', '--transactions=100000',
		  '-f', $pop_file, '-h', $node->host, '-p', $node->port, 'postgres' ],
		'>', $w{bench_out}, '2>', "$dir/bench$phase.err");
	return \%w;
}

sub committed_batches
{
	my ($w) = @_;
	my $err = -e $w->{load_err} ? slurp_file($w->{load_err}) : '';
	my @c = $err =~ /^committed (\d+)$/mg;
	return @c ? $c[-1] + 1 : 0;
}

# Wait until the loader has committed $want batches and a checkpoint has been
# taken in between (so that recovery starts from the middle of the load).
sub wait_for_load
{
	my ($w, $want) = @_;
	my $deadline = time + $PostgreSQL::Test::Utils::timeout_default;
	my $checkpointed = 0;
	while (time < $deadline)
	{
		my $n = committed_batches($w);
		if (!$checkpointed && $n >= 2)
		{
			$node->safe_psql('postgres', 'CHECKPOINT');
			$checkpointed = 1;
		}
		return $n if $n >= $want;
		usleep(50_000);
	}
	die 'loader stalled: ' . slurp_file($w->{load_err});
}

sub finish_work
{
	my ($w) = @_;
	for my $h ($w->{loader}, $w->{bench})
	{
		eval { $h->finish; };
	}
	my $acked = committed_batches($w);
	note('loader: ' . slurp_file($w->{load_err}));
	my ($pops) = slurp_file($w->{bench_out}) =~ /number of transactions actually processed: (\d+)/;
	# a client that lost its connection counts nothing of its own; what the
	# others finished is still reported
	return ($acked, $pops // 0);
}

sub check_after_recovery
{
	my ($phase, $how, $acked, $pops) = @_;

	# one session for all the checks (a psql per query is slow on a busy machine)
	my $bg = $node->background_psql('postgres', on_error_stop => 0);
	$bg->set_query_timer_restart;
	my $try = sub {
		my ($sql) = @_;
		$bg->{stderr} = '';
		my $out = $bg->query("RESET ALL; $sql");
		my $err = $bg->{stderr};
		$bg->{stderr} = '';
		return ($err eq '' ? 0 : 1, $out, $err);
	};
	my $safe = sub {
		my ($rc, $out, $err) = $try->(@_);
		die "query failed: $err" if $rc;
		return $out;
	};

	is($safe->( $expect_q), $expected_samples,
		"$how: the recorded sample values are unchanged");

	for my $type (@types)
	{
		my $base = $phase * 10_000_000;
		my $n = $nsamples{$type};
		# per batch of this phase: how many rows
		my $got = $safe->( qq{
			SELECT coalesce(string_agg(b || ':' || c, ',' ORDER BY b), '')
			FROM (SELECT (id - $base) / $batch AS b, count(*) AS c FROM t_$type
			      WHERE id >= $base AND id < $base + 10000000 GROUP BY 1) s});
		my %rows = map { split /:/ } grep { length } split /,/, $got;
		my @bad;
		for my $b (0 .. $acked - 1)
		{
			push @bad, "batch $b has " . ($rows{$b} // 0) . ' rows' unless ($rows{$b} // 0) == $batch;
		}
		push @bad, "in-flight batch $acked has $rows{$acked} rows"
		  if defined $rows{$acked} && $rows{$acked} != $batch;
		push @bad, map { "batch $_ exists" } grep { $_ > $acked } keys %rows;
		is_deeply(\@bad, [], "$how: t_$type holds the $acked committed batches"
			  . (defined $rows{$acked} ? ' and the in-flight one whole' : ''));

		is( $safe->( qq{
			SELECT count(*) FROM t_$type t LEFT JOIN expect_$type e ON e.k = t.id % $n
			WHERE (t.id % 13 = 0 AND t.v IS NOT NULL)
			   OR (t.id % 13 <> 0 AND (t.v::text IS DISTINCT FROM e.v::text
			       OR ${type}_send(t.v) IS DISTINCT FROM ${type}_send(e.v)))}),
			'0', "$how: every value of t_$type reads back identical (text and binary)");

		# Each index finds what a sequential scan finds, for every sample.
		my @idx_bad;
		my @ix = @{ $indexes{$type} // [] };
		my $count_q = "SELECT string_agg((SELECT count(*) FROM t_$type t WHERE t.v %s e.v)::text, ',' ORDER BY e.k) FROM expect_$type e";
		my $seq = $safe->(
			"SET enable_indexscan = off; SET enable_bitmapscan = off; " . sprintf($count_q, '='));
		my $seq_gin = $safe->(
			"SET enable_indexscan = off; SET enable_bitmapscan = off; " . sprintf($count_q, '@>'))
		  if grep { $_->[1] eq 'gin' } @ix;
		for my $i (@ix)
		{
			my ($name, $am) = @$i;
			my $op = $am eq 'gin' ? '@>' : '=';
			# only this index, so that the plan must use it
			my $drop = join('', map { "DROP INDEX $_->[0]; " } grep { $_->[0] ne $name } @ix);
			my ($rc, $out, $err) = $try->( qq{
				BEGIN; $drop SET LOCAL enable_seqscan = off;
				EXPLAIN (COSTS OFF) SELECT count(*) FROM t_$type t WHERE t.v $op (SELECT v FROM expect_$type LIMIT 1);
				\\echo ====
				} . ($am eq 'btree' ? "SELECT 'amcheck ' || bt_index_check('$name'::regclass, true)::text;\n" : '')
				  . sprintf($count_q, $op) . ";\nROLLBACK;");
			if ($rc != 0) { push @idx_bad, "$name: $err"; next; }
			my ($plan, $rest) = split /\n====\n/, $out;
			my @rest = split /\n/, $rest;
			my $idx = pop @rest;
			push @idx_bad, "$name not used: $plan" unless $plan =~ /\Q$name\E/;
			push @idx_bad, "$name: amcheck said @rest" if $am eq 'btree' && "@rest" ne 'amcheck ';
			my $want = $am eq 'gin' ? $seq_gin : $seq;
			push @idx_bad, "$name finds $idx, a scan $want" if $idx ne $want;
		}
		is_deeply(\@idx_bad, [], "$how: indexes of t_$type ("
			  . join(', ', map { $_->[1] } @{ $indexes{$type} // [] }) . ') are sound');
	}

	is( $safe->( q{
		SELECT count(*) FROM (SELECT id FROM taken GROUP BY id HAVING count(*) > 1) d}),
		'0', "$how: no task taken twice");
	is( $safe->( q{
		SELECT count(*) FROM original o
		LEFT JOIN (SELECT id, count(*) AS n FROM taken GROUP BY id) t USING (id)
		LEFT JOIN queue q USING (id)
		WHERE coalesce(t.n, 0) + (q.id IS NOT NULL)::int <> 1}),
		'0', "$how: every task is either still queued or taken, once");
	my $taken = $safe->( 'SELECT count(*) FROM taken');
	ok($taken >= $pops && $taken > 0, "$how: $taken pops logged, at least the $pops pgbench saw commit");
	my ($rc, $out, $err) = $try->(
		"SELECT bt_index_check('queue_priority'::regclass, true), bt_index_check('taken_pkey'::regclass, true)");
	is($rc, 0, "$how: the queue's indexes pass amcheck") or diag($err);
	$bg->quit;
}

my $phase = 0;

# 1. kill -9 of the loader's backend
{
	$phase++;
	my $w = start_work($phase);
	wait_for_load($w, 6);
	my $pid = $node->safe_psql('postgres',
		"SELECT pid FROM pg_stat_activity WHERE application_name = 'loader'");
	ok($pid =~ /^\d+$/ && kill(9, $pid), "kill -9 of the loader's backend $pid");
	my ($acked, $pops) = finish_work($w);
	$node->poll_query_until('postgres', 'SELECT 1', '1') or die 'no recovery';
	ok($node->log_contains(qr/all server processes terminated; reinitializing/),
		'the postmaster restarted after the backend crash');
	check_after_recovery($phase, 'backend killed', $acked, $pops);
}

# 2. kill -9 of the postmaster alone
{
	$phase++;
	my $w = start_work($phase);
	wait_for_load($w, 6);
	my $pm = _postmaster_pid();
	my @children = _children($pm);
	$node->kill9;
	# orphans leave at their next wait; wait for them before restarting
	my $deadline = time + $PostgreSQL::Test::Utils::timeout_default;
	usleep(100_000) while time < $deadline && grep { kill(0, $_) } @children;
	ok(!grep({ kill(0, $_) } @children), "postmaster $pm killed, its " . scalar(@children) . ' children gone');
	my ($acked, $pops) = finish_work($w);
	$node->start;
	check_after_recovery($phase, 'postmaster killed', $acked, $pops);
}

# 3. kill -9 of the postmaster and all its children at once
{
	$phase++;
	my $w = start_work($phase);
	wait_for_load($w, 6);
	my $pm = _postmaster_pid();
	my @children = _children($pm);
	kill(9, $pm, @children);
	$node->kill9;    # forget the pid (already dead)
	my $deadline = time + $PostgreSQL::Test::Utils::timeout_default;
	usleep(100_000) while time < $deadline && grep { kill(0, $_) } ($pm, @children);
	ok(!grep({ kill(0, $_) } ($pm, @children)), "postmaster and " . scalar(@children) . ' children killed at once');
	my ($acked, $pops) = finish_work($w);
	$node->start;
	check_after_recovery($phase, 'power cut', $acked, $pops);
}

# Finish the drain: every task taken exactly once.
my $left = $node->safe_psql('postgres', 'SELECT count(*) FROM queue');
$node->pgbench(
	"--no-vacuum --client=$nworkers --jobs=2 --transactions=" . (int($left / $nworkers) + 50),
	0, [qr{processed}], [qr{^$}], "the drain finishes after the crashes ($left tasks left)",
	{ '045_pop' => slurp_file($pop_file) });
is($node->safe_psql('postgres', 'SELECT count(*) FROM queue'), '0', 'queue is empty');
is( $node->safe_psql('postgres', q{
	SELECT count(*) || '/' || count(DISTINCT t.id) || '/' || count(*) FILTER (WHERE t.priority <> o.priority)
	FROM taken t JOIN original o USING (id)}),
	"$ntasks/$ntasks/0", "each of the $ntasks tasks taken exactly once, with its priority");

done_testing(1 + 4 + 3 * (5 + 3 * @types) + 3 + 2);

sub _postmaster_pid
{
	my $pidfile = $node->data_dir . '/postmaster.pid';
	open my $f, '<', $pidfile or die "no $pidfile";
	my $pid = <$f>;
	close $f;
	chomp $pid;
	return $pid;
}

sub _children
{
	my ($pid) = @_;
	my $out = `pgrep -P $pid`;
	return grep { /^\d+$/ } split /\n/, $out;
}
