# test/t/024_classify_parallel.pl: one answer per statement also across the
# parallel workers of a statement.
#
# A parallel query classifies many rows.  Its leader classifies a first row and
# then waits; its workers wait before they classify anything; meanwhile another
# session commits a rule that changes the answer.  Every row of the statement must
# get the same answer (the rules as of the statement's start), and the next
# statement must see the rule.  The waits are barriers on files the test creates
# (a parallel worker cannot take advisory locks, and sees no commit through a
# table), and the test knows both sides wait from pg_stat_activity, so the order
# is deterministic.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $node = InteractionTest::node('classify_parallel');
my $dir = PostgreSQL::Test::Utils::tempdir();

$node->safe_psql('postgres', q{
	CREATE TABLE notes AS SELECT i AS id, 'note ' || i || ' about the zebra crossing' AS t
	FROM generate_series(1, 20000) i;
	ANALYZE notes;
	-- workers (any backend but the leader) wait for the file workers_go before a row
	CREATE FUNCTION gate_before(t text, leader int, dir text) RETURNS text
	LANGUAGE plpgsql PARALLEL SAFE AS $$
	BEGIN
		IF pg_backend_pid() <> leader THEN
			WHILE pg_stat_file(dir || '/workers_go', true) IS NULL LOOP
				PERFORM pg_sleep(0.02);
			END LOOP;
		END IF;
		RETURN t;
	END $$;
	-- the leader waits for the file leader_go after a row (it has classified it)
	CREATE FUNCTION gate_after(v text, leader int, dir text) RETURNS text
	LANGUAGE plpgsql PARALLEL SAFE AS $$
	BEGIN
		IF pg_backend_pid() = leader THEN
			WHILE pg_stat_file(dir || '/leader_go', true) IS NULL LOOP
				PERFORM pg_sleep(0.02);
			END LOOP;
		END IF;
		RETURN v;
	END $$;
});

my $force = 'SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; '
  . 'SET max_parallel_workers_per_gather = 3; SET parallel_leader_participation = on;';

my @classifiers = (
	[ 'classify_kind',    'interaction_kind_rules',    q{'complaint'} ],
	[ 'classify_urgency', 'interaction_urgency_rules', q{'critical'} ],
	[ 'classify_stage',   'interaction_stage_rules',   q{'advocacy'} ],
	[ 'sentiment_label',  'interaction_sentiment_rules', '-3' ]);

my $b = $node->background_psql('postgres');
my $leader = $b->query_safe('SELECT pg_backend_pid()');
$b->query_safe($force);

my $round = 0;
for my $c (@classifiers)
{
	my ($fn, $table, $label) = @$c;
	$round++;
	my $d = "$dir/$round";
	mkdir $d or die "mkdir $d: $!";
	my $q = qq{SELECT coalesce(gate_after($fn(gate_before(t, $leader, '$d'))::text, $leader, '$d'), 'none') AS got, count(*)
		FROM notes GROUP BY 1 ORDER BY 1};
	my $plan = $b->query_safe("EXPLAIN (VERBOSE, COSTS OFF) $q");
	like($plan, qr/Gather.*Parallel Seq Scan on public\.notes\n\s+Output: [^\n]*\b$fn\(/s,
		"$fn: the query is parallel, the classification done by the workers");
	my $before = $b->query_safe(qq{SELECT coalesce($fn('zebra crossing')::text, 'none')});

	$b->query_until(qr/started/, "\\echo started\n$q;\n");
	# the leader waits after its first row, and at least two workers before theirs
	$node->poll_query_until('postgres', qq{
		SELECT count(*) FILTER (WHERE pid = $leader) = 1 AND count(*) FILTER (WHERE leader_pid = $leader) >= 2
		FROM pg_stat_activity WHERE wait_event = 'PgSleep'})
	  or die "the leader and its workers never waited";
	$node->safe_psql('postgres', "INSERT INTO $table VALUES ('zebra crossing', $label)");
	for my $f ('workers_go', 'leader_go')
	{
		open my $fh, '>', "$d/$f" or die "$d/$f: $!";
		close $fh;
	}
	my $got = $b->query_safe('SELECT 1');    # waits for the query's rows
	my @lines = split /\n/, $got;
	pop @lines;                              # the '1' of SELECT 1
	is(scalar(@lines), 1, "$fn: every row of the parallel statement got one answer (got: @lines)");
	like($lines[0] // '', qr/^\Q$before\E\|20000$/, "$fn: the rules as of the statement's start");
	my $after = $b->query_safe(qq{SELECT coalesce($fn('zebra crossing')::text, 'none')});
	isnt($after, $before, "$fn: the next statement sees the rule ($after)");
	is($b->query_safe("$q"), "$after|20000", "$fn: and so do its workers")
	  if -e "$d/workers_go";
	$node->safe_psql('postgres', "DELETE FROM $table");
}

# the parameter that carries the rule set to the workers is not the user's to set
my ($ret, $out, $err) = $node->psql('postgres', q{SELECT classify_kind('x'); SET interaction.rules_snapshot = '1:00'});
like($err, qr/interaction\.rules_snapshot/, 'interaction.rules_snapshot cannot be set by hand');
is($b->query_safe(q{SELECT '[' || current_setting('interaction.rules_snapshot') || ']'}), '[]',
	'and is empty outside a parallel statement');

$b->quit;
done_testing();
