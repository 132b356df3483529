# test/t/047_differential.pl: differential random queries over every SQL
# function of the extension.
#
# The function list comes from the catalog (pg_depend deptype 'e').  For each
# function a table of random argument tuples is made from a table of generators
# (InteractionCalls.pm); the tuples its call rejects are dropped.  The table is
# copied through COPY text and COPY BINARY (out and back in), and one query over
# the three tables (a UNION ALL, so that one Gather reads them all) is run serial
# and forced parallel (parallel costs 0, parallel_leader_participation off, so
# that workers do the work): the six answers must be equal.  Plain functions are
# run 40 to a query, since starting the workers is what costs.  Results of a scalar type are stored, copied out and in
# through COPY BINARY and cast through text: they must read back the same.
#   - functions: SELECT id, f(args)::text FROM args ORDER BY id
#   - set-returning: ... CROSS JOIN LATERAL f(args) WITH ORDINALITY
#   - aggregates: groups of 1 to 3 accepted tuples, repeated to 60 rows each;
#     GROUP BY (parallel: Partial Aggregate below a Gather), and as a moving
#     window when the aggregate has an inverse transition
#   - window functions: OVER (PARTITION BY group ORDER BY first argument, id)
# Functions no query can call are reached through what calls them, and that is
# checked: receive functions by the COPY BINARY loads, the support functions of
# aggregates by their aggregate (combine by a parallel plan, inverse by a
# moving window), btree sort support and GIN support by ordered and indexed
# queries compared with plain ones, the rules triggers by rule writes.
# A coverage report lists functions reached / total; every function must be.
#
# Single node vs two postgres_fdw shards: every aggregate with a combine function
# and a state type of its own gets partial states on two shards (databases of this
# server) that the coordinator combines and finishes; the answer per group must be
# the single node's.  An aggregate with an internal state takes the path if its
# result has a merge aggregate; the report names what the leg reached and what it
# skipped, and why.  Both legs are read from the catalog, so new functions and
# aggregates are taken in as they appear.
#
# Speed: the queries of many functions run as one (aggregates and windows 15 to a
# query, plain functions 40, all sort checks and each step of the rule checks at
# once), with their copies made in one round trip, in one psql session; a query
# returns per function and source table the md5 of its rows, and the rows
# themselves only where the six digests disagree (float noise is then judged).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;
use InteractionCalls;

srand(47);
my $rows_per_group = 60;
my $ngroups = 30;

my $node = InteractionTest::node('differential');
my $s = $node->background_psql('postgres', on_error_stop => 0);
$s->set_query_timer_restart;
my $dir = PostgreSQL::Test::Utils::tempdir();

# (output, error text) of a query in the session
sub sq
{
	my ($sql) = @_;
	$s->{stderr} = '';
	# serial unless the query sets otherwise (a parallel plan starts workers)
	my $out = $s->query("RESET ALL; $sql");
	# notices (DROP TABLE IF EXISTS) are not errors
	my $err = join('', grep { !/^psql:<stdin>:\d+: NOTICE:/ } split /^/, $s->{stderr});
	$s->{stderr} = '';
	return ($out, $err);
}

sub sq_safe
{
	my ($sql) = @_;
	my ($out, $err) = sq($sql);
	die "query failed: $err\n$sql" if $err ne '';
	return $out;
}

InteractionCalls::create_helpers($s);
my @funcs = InteractionCalls::functions($s);
my %gen = InteractionCalls::generators($node);

my $serial = 'RESET ALL; SET max_parallel_workers_per_gather = 0;';
my $parallel = 'RESET ALL; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; '
  . 'SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2; '
  . 'SET parallel_leader_participation = off;';

my %reached;        # sig => how
my %failed;         # sig => why
my %agg_ran;        # aggregate sig => { run, partial, moving }
my %bin_loaded;     # type => rows loaded by COPY BINARY (non-null values)
my $gathers = 0;
my $queries = 0;

# Copies of tables through COPY text and COPY BINARY, all in one round trip
# (after $before, SQL to run first); returns per table the names of its copies.
sub copies_many
{
	my ($before, @tbls) = @_;
	my (@out, $sql);
	$sql = $before // '';
	for my $tbl (@tbls)
	{
		my @names;
		for my $fmt ('text', 'binary')
		{
			my $copy = "${tbl}_$fmt";
			my $file = "$dir/$copy";
			$sql .= "DROP TABLE IF EXISTS $copy; COPY $tbl TO '$file' WITH (FORMAT $fmt); CREATE TABLE $copy (LIKE $tbl); "
			  . "COPY $copy FROM '$file' WITH (FORMAT $fmt);\n";
			push @names, $copy;
		}
		push @out, \@names;
	}
	# what each binary load fed to each receive function: non-null values per column type
	for my $tbl (@tbls)
	{
		$sql .= qq{SELECT 'loaded:' || coalesce(string_agg(format_type(a.atttypid, NULL) || '=' || coalesce(c.n, 0), '|'), '')
			FROM pg_attribute a
			LEFT JOIN (SELECT e.jkey, count(*) FILTER (WHERE e.jval <> 'null'::jsonb) AS n
			           FROM ${tbl}_binary jrow, jsonb_each(to_jsonb(jrow)) e(jkey, jval) GROUP BY e.jkey) c ON c.jkey = a.attname
			WHERE a.attrelid = '${tbl}_binary'::regclass AND a.attnum > 0 AND NOT a.attisdropped;\n};
	}
	for my $line (grep { /^loaded:/ } split /\n/, sq_safe($sql))
	{
		for (split /\|/, substr($line, 7))
		{
			my ($type, $n) = /^(.*)=(\d+)$/ or next;
			$bin_loaded{$type} += $n;
		}
	}
	return @out;
}

sub copies
{
	my ($tbl, $before) = @_;
	return @{ (copies_many($before, $tbl))[0] };
}

# Run each job's query (with TBL for its table) over its table and the copies
# through COPY text and COPY BINARY, all in one UNION ALL, serial and parallel
# (one parallel query for many jobs: starting workers is the slow part).
# Returns per job an error text, or '' when its six answers agree.
sub differential_batch
{
	my (@jobs) = @_;
	my (@branches, @names);
	my %uniq;
	my @tbls = grep { !$uniq{$_}++ } map { $_->{tbl} } @jobs;
	my @made = copies_many(undef, @tbls);
	my %copy_of = map { $tbls[$_] => $made[$_] } 0 .. $#tbls;
	for my $j (0 .. $#jobs)
	{
		my @t = ($jobs[$j]{tbl}, @{ $copy_of{ $jobs[$j]{tbl} } });
		$names[$j] = \@t;
		# the three tables as one, so that one Gather reads them all
		my $all = '(' . join(' UNION ALL ', map { "SELECT $_ AS src, * FROM $t[$_]" } 0 .. 2) . ')';
		(my $q = $jobs[$j]{query}) =~ s/\bTBL\b/$all/g;
		push @branches, "SELECT $j AS job, q.src, q::text AS line FROM ($q) q";
	}
	my $union = 'SELECT * FROM (' . join("\nUNION ALL ", @branches) . ') u ORDER BY 1, 2, 3';
	my @bad = map { [] } @jobs;
	my @first;

	# First the digests (per job and source, the md5 of its lines in order, so that
	# little crosses the wire); the lines only of jobs whose six digests differ.
	my @detail = (0 .. $#jobs);
	{
		# (a line starts with its source, "(0,": left out)
		my $digests = 'SELECT job, src, md5(string_agg(substr(line, 4), E\'\\n\' ORDER BY line)) FROM ('
		  . join("\nUNION ALL ", @branches) . ') u GROUP BY 1, 2 ORDER BY 1, 2';
		my %seen;
		for my $mode ([ serial => $serial ], [ parallel => $parallel ])
		{
			my ($out, $err) = sq("$mode->[1] $digests");
			$queries++;
			if ($err ne '')
			{
				# one job's error fails the whole query: try them one by one
				return map { differential_batch($_) } @jobs if @jobs > 1;
				$seen{0}{"$mode->[0]: $err"}++;
				next;
			}
			for my $line (split /\n/, $out)
			{
				my ($j, $src, $md5) = split /\|/, $line;
				$seen{$j}{$md5}++;
				$seen{$j}{count}++;
			}
		}
		# six equal digests: nothing to look at
		@detail = grep { keys(%{ $seen{$_} // {} }) != 2 || $seen{$_}{count} != 6 } 0 .. $#jobs;
	}
	my $detail_union = 'SELECT * FROM (' . join("\nUNION ALL ", @branches[@detail]) . ') u ORDER BY 1, 2, 3';
	for my $mode (@detail ? ([ serial => $serial ], [ parallel => $parallel ]) : ())
	{
		my ($out, $err) = sq("$mode->[1] $detail_union");
		$queries++;
		if ($err ne '')
		{
			# one job's error fails the whole query: try them one by one
			return map { differential_batch($_) } @jobs if @jobs > 1;
			push @{ $bad[0] }, "$mode->[0]: $err";
			next;
		}
		my @part = map { [ '', '', '' ] } @jobs;
		for my $line (split /\n/, $out)
		{
			my ($j, $src, $rest) = split /\|/, $line, 3;
			$rest =~ s/^\(\d,//;
			# float sums depend on the order rows arrive in (workers, copies):
			# compare them to 12 significant digits
			$rest =~ s/(-?\d+\.\d+(?:e[-+]\d+)?)/(($1 =~ tr|0-9||) > 12) ? sprintf('%.12g', $1) : $1/ge;
			$part[$j][$src] .= "$rest\n";
		}
		for my $j (@detail)
		{
			my $p = $part[$j];
			push @{ $bad[$j] }, "$mode->[0]: rows of $names[$j][$_] differ from those of $names[$j][0]:\n"
			  . substr($p->[$_], 0, 600) . "\nfrom:\n" . substr($p->[0], 0, 600)
			  for grep { $p->[$_] ne $p->[0] } 1 .. 2;
			push @{ $bad[$j] }, "$mode->[0]: no rows" if $p->[0] eq '';
			$first[$j] //= $p->[0];
			push @{ $bad[$j] }, "$mode->[0] differs:\n" . substr($p->[0], 0, 600) . "\nfrom serial:\n" . substr($first[$j], 0, 600)
			  if $p->[0] ne $first[$j];
		}
	}
	my $plan = sq_safe("$parallel EXPLAIN (COSTS OFF) $union");
	my %need;
	$need{ $_->{plan_re} }++ for grep { $_->{plan_re} } @jobs;
	for my $j (0 .. $#jobs)
	{
		if ($plan =~ /Gather/) { $gathers++; }
		else { push @{ $bad[$j] }, "no Gather in the parallel plan:\n$plan"; }
		# one match per job that needs it (a batch has one branch per job)
		my $re = $jobs[$j]{plan_re};
		push @{ $bad[$j] }, "the parallel plan lacks $re (once per job):\n$plan"
		  if $re && (() = $plan =~ /$re/g) < $need{$re};
	}
	return map { join("\n", @$_) } @bad;
}

sub differential
{
	my ($tbl, $query, $plan_re) = @_;
	my ($why) = differential_batch({ tbl => $tbl, query => $query, plan_re => $plan_re });
	return $why;
}

# Results of scalar type: stored, through COPY BINARY and through text.
sub result_round_trip
{
	my ($f, $n, $tbl, $expr) = @_;
	my $rt = $f->{rettype};
	return '' if $f->{returns_record} || $rt =~ /^(cstring|void|trigger|internal)$/;
	copies("r_$n", "CREATE TABLE r_$n AS SELECT a.id, $expr AS r FROM $tbl a;\n");
	return sq_safe(qq{
		SELECT CASE WHEN count(*) = 0 THEN '' ELSE count(*) || ' results differ after COPY BINARY or a text cast, e.g. '
		       || min(x.r::text) END
		FROM r_$n x JOIN r_${n}_binary y USING (id)
		WHERE x.r::text IS DISTINCT FROM y.r::text OR x.r::text::${rt}::text IS DISTINCT FROM x.r::text});
}

my $n = 0;
my @deferred;
my @fdw_jobs;       # aggregates whose group tables passed, for the shards leg
my @grouped;        # aggregates and window functions, run in batches
for my $f (@funcs)
{
	$n++;
	my $sig = $f->{sig};
	my @internal = grep { $_ eq 'internal' } @{ $f->{args} };
	next if @internal || $f->{rettype} eq 'trigger';    # reached indirectly, below
	my @missing = grep { $_ ne 'cstring' && $_ ne 'oid' && $_ ne '"any"' && !$gen{$_} } @{ $f->{args} };
	if (@missing) { $failed{$sig} = "no generator for @missing"; next; }

	my $cols = InteractionCalls::column_defs($f);
	my $call = InteractionCalls::call_expr_for_table($f);
	my $is_group = $f->{kind} eq 'a' || $f->{kind} eq 'w';
	my @tuples = InteractionCalls::candidate_tuples($f, \%gen, $is_group ? 24 : 40);
	my $create = "CREATE TABLE c_$n (id int$cols); INSERT INTO c_$n VALUES "
	  . InteractionCalls::values_list($f, \@tuples) . ";\n";

	my ($probe, $query, $plan_re, $moving);
	if ($f->{kind} eq 'f' && !$f->{retset})
	{
		$probe = "SELECT ($call)::text FROM c_$n a WHERE a.id = \$1";
		$query = "SELECT a.src, a.id, ($call)::text FROM TBL a";
	}
	elsif ($f->{kind} eq 'f')
	{
		$probe = "SELECT r::text FROM c_$n a CROSS JOIN LATERAL $call r WHERE a.id = \$1";
		$query = "SELECT a.src, a.id, r.ordinality, r::text FROM TBL a CROSS JOIN LATERAL $call WITH ORDINALITY r";
	}
	elsif ($f->{kind} eq 'a')
	{
		$probe = "SELECT ($call)::text FROM c_$n a WHERE a.id = ANY(\$1)";
		$query = "SELECT a.src, a.g, ($call)::text FROM TBL a GROUP BY a.src, a.g";
		$plan_re = qr/Partial (Hash|Group)?Aggregate/;
		$moving = sq_safe("SELECT aggminvtransfn <> 0 FROM pg_aggregate WHERE aggfnoid = $f->{oid}") eq 't';
	}
	else
	{
		$probe = "SELECT ($call OVER (ORDER BY a.a1, a.id))::text FROM c_$n a WHERE a.id = ANY(\$1)";
		$query = "SELECT a.src, a.id, ($call OVER (PARTITION BY a.src, a.g ORDER BY a.a1, a.id))::text FROM TBL a";
	}

	my $tbl = "c_$n";
	my $left;
	if (!$is_group)
	{
		my @l = split /\n/, sq_safe("$create SELECT keep_valid('c_$n', \$p\$$probe\$p\$); SELECT count(*) FROM c_$n");
		$left = $l[-1];
	}
	else
	{
		# each tuple alone, then groups of 1 to 3 accepted as a whole
		my $one = $probe;
		$one =~ s/= ANY\(\$1\)/= \$1/;
		sq_safe("$create SELECT keep_valid('c_$n', \$p\$$one\$p\$)");
		my @ids = split /\n/, sq_safe("SELECT id FROM c_$n ORDER BY id");
		if (@ids)
		{
			my @sets = map { my $k = 1 + int(rand(3)); join(',', map { $ids[ int(rand(@ids)) ] } 1 .. $k) } 1 .. $ngroups * 2;
			my $arr = 'ARRAY[' . join(', ', map { "'$_'" } @sets) . ']';
			my @ok = split /\n/, sq_safe("SELECT valid_sets($arr, \$p\$$probe\$p\$)");
			@ok = @ok[ 0 .. $ngroups - 1 ] if @ok > $ngroups;
			if (@ok)
			{
				my $okarr = 'ARRAY[' . join(', ', map { "'$_'" } @ok) . ']';
				my $acols = join('', map { ", c.a$_" } 1 .. @{ $f->{args} });
				sq_safe(qq{
					CREATE TABLE g_$n AS
					SELECT (row_number() OVER (ORDER BY s.g, k))::int AS id, s.g::int AS g$acols
					FROM unnest(${okarr}::text[]) WITH ORDINALITY s(ids, g), generate_series(1, $rows_per_group) k,
					     LATERAL (SELECT string_to_array(s.ids, ',')::int[] AS a) x, c_$n c
					WHERE c.id = x.a[1 + k % cardinality(x.a)];
					ANALYZE g_$n});
				$tbl = "g_$n";
			}
		}
	}
	$left //= sq_safe("SELECT count(*) FROM $tbl");
	if ($left == 0 || $tbl eq "c_$n" && $is_group)
	{
		$failed{$sig} = 'every generated call was rejected';
		next;
	}

	if ($f->{kind} eq 'f')
	{
		# run with others, below
		push @deferred, { f => $f, n => $n, tbl => $tbl, query => $query, call => $call, left => $left };
		next;
	}
	# run with others, below
	push @grouped, { f => $f, n => $n, tbl => $tbl, query => $query, plan_re => $plan_re, call => $call,
		left => $left, moving => $moving };
}

# the aggregates and window functions, 15 to a query; then the moving windows
while (my @batch = splice(@grouped, 0, 15))
{
	my @why = differential_batch(@batch);
	my @moving;
	for my $i (0 .. $#batch)
	{
		my $d = $batch[$i];
		my $sig = $d->{f}{sig};
		$d->{why} = $why[$i];
		next if $why[$i] || $d->{f}{kind} ne 'a';
		$agg_ran{$sig}{run} = $agg_ran{$sig}{partial} = 1;
		push @fdw_jobs, $d;
		push @moving, { %$d, query => "SELECT a.src, a.id, ($d->{call} OVER (PARTITION BY a.src, a.g ORDER BY a.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW))::text FROM TBL a", plan_re => undef }
		  if $d->{moving};
	}
	my @mwhy = @moving ? differential_batch(@moving) : ();
	for my $i (0 .. $#moving)
	{
		my $d = (grep { $_->{n} == $moving[$i]{n} } @batch)[0];
		if ($mwhy[$i]) { $d->{why} = $mwhy[$i]; }
		else { $agg_ran{ $d->{f}{sig} }{moving} = 1; }
	}
	my %groups = split /[|\n]/, sq_safe(join(' UNION ALL ', map { "SELECT $_->{n}, count(DISTINCT g) FROM $_->{tbl}" } @batch));
	for my $d (@batch)
	{
		if ($d->{why}) { $failed{ $d->{f}{sig} } = $d->{why}; }
		else { $reached{ $d->{f}{sig} } = "$d->{left} rows in $groups{ $d->{n} } groups"; }
	}
}

# the plain and set-returning functions, 40 to a query
while (my @batch = splice(@deferred, 0, 40))
{
	my @why = differential_batch(@batch);
	for my $i (0 .. $#batch)
	{
		my $d = $batch[$i];
		my $why = $why[$i];
		$why ||= result_round_trip($d->{f}, $d->{n}, $d->{tbl}, $d->{call}) unless $d->{f}{retset};
		if ($why) { $failed{ $d->{f}{sig} } = $why; }
		else { $reached{ $d->{f}{sig} } = "$d->{left} argument rows"; }
	}
}

# --- what only other functions, indexes or triggers call ---------------------

# btree sort support and GIN support: ordered and indexed queries against plain ones
my %typeroute;
my @routes = grep { !$typeroute{$_}++ } sort grep { $gen{ (split /:/)[0] } } map { @{ $_->{amproc_of} } } @funcs;
my (%ix_table, %sorted_why, @sort_jobs, $ix_sql);
for my $type (@routes)
{
	my ($t, $am) = split /:/, $type;
	my $vals = join(', ', map { InteractionCalls::quote_lit($_) } @{ $gen{$t} });
	my $tbl = $ix_table{$type} = "ix_" . ($t =~ s/\W/_/gr) . "_$am";
	$ix_sql .= "CREATE TABLE $tbl AS SELECT i AS id, (ARRAY[$vals]::$t\[])[1 + i % " . scalar(@{ $gen{$t} }) . "] AS v "
	  . "FROM generate_series(1, 3000) i; ANALYZE $tbl;\n";
	push @sort_jobs, { tbl => $tbl, type => $type, query => "SELECT src, row_number() OVER (PARTITION BY src ORDER BY v, id), v::text, id FROM TBL a", plan_re => qr/Gather Merge/ }
	  if $am eq 'btree';
}
sq_safe($ix_sql) if $ix_sql;
# the sorts of every btree type, in one differential
my @sorted = @sort_jobs ? differential_batch(@sort_jobs) : ();
$sorted_why{ $sort_jobs[$_]{type} } = $sorted[$_] for 0 .. $#sort_jobs;
for my $type (@routes)
{
	my ($t, $am) = split /:/, $type;
	my $vals = join(', ', map { InteractionCalls::quote_lit($_) } @{ $gen{$t} });
	my $tbl = $ix_table{$type};
	my $why;
	if ($am eq 'btree')
	{
		$why = $sorted_why{$type};
		sq_safe("CREATE INDEX ON $tbl (v)");
		my $idx = sq_safe("SET enable_seqscan = off; SET enable_bitmapscan = off; SELECT string_agg(id::text, ',' ORDER BY ord) FROM (SELECT id, row_number() OVER () ord FROM (SELECT id FROM $tbl ORDER BY v, id) x) y; RESET ALL");
		my $srt = sq_safe("SET enable_indexscan = off; SET enable_indexonlyscan = off; SELECT string_agg(id::text, ',' ORDER BY ord) FROM (SELECT id, row_number() OVER () ord FROM (SELECT id FROM $tbl ORDER BY v, id) x) y; RESET ALL");
		$why ||= $idx eq $srt ? '' : 'index order differs from a sort';
	}
	elsif ($am eq 'gin')
	{
		sq_safe("CREATE INDEX ON $tbl USING gin (v)");
		my @ops = split /\n/, sq_safe(qq{
			SELECT DISTINCT o.oprname FROM pg_amop ao JOIN pg_operator o ON o.oid = ao.amopopr
			JOIN pg_opclass c ON c.opcfamily = ao.amopfamily AND c.opcdefault
			JOIN pg_am am ON am.oid = c.opcmethod AND am.amname = 'gin'
			WHERE c.opcintype = '$t'::regtype});
		for my $op (@ops)
		{
			my $q = "SELECT q.i, count(t.id) FROM (SELECT i, (ARRAY[$vals]::$t\[])[i] AS qv FROM generate_series(1, "
			  . scalar(@{ $gen{$t} }) . ") i) q LEFT JOIN $tbl t ON t.v $op q.qv GROUP BY q.i ORDER BY q.i";
			my $ix = sq_safe("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off; $q; RESET ALL");
			my $plan = sq_safe("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off; EXPLAIN (COSTS OFF) $q; RESET ALL");
			my $seq = sq_safe("SET enable_indexscan = off; SET enable_bitmapscan = off; $q; RESET ALL");
			$why .= "gin $op: index $ix, scan $seq; " if $ix ne $seq;
			$why .= "gin $op: no index used; " unless $plan =~ /Bitmap Index Scan/;
		}
	}
	else
	{
		next;    # hash support functions are SQL-callable and reached above
	}
	for my $f (grep { grep { $_ eq $type } @{ $_->{amproc_of} } } @funcs)
	{
		next unless grep { $_ eq 'internal' } @{ $f->{args} };
		if ($why) { $failed{ $f->{sig} } = $why; }
		else { $reached{ $f->{sig} } = "through $am on $t"; }
	}
}

# The rules triggers: every kind of write to each rules table, then
# classification serial and parallel must agree with the rules just written.
sq_safe("CREATE TABLE IF NOT EXISTS notes AS SELECT i AS id, 'note ' || i || ' about the zebra crossing' AS t FROM generate_series(1, 2000) i");
for my $f (grep { $_->{rettype} eq 'trigger' } @funcs)
{
	my @why;
	my @tables;    # { table, col, fn, labels, want }
	for my $table (@{ $f->{trigger_on} })
	{
		my ($col) = grep { $_ ne 'phrase' } split /\n/, sq_safe(
			"SELECT attname FROM pg_attribute WHERE attrelid = '$table'::regclass AND attnum > 0 AND NOT attisdropped");
		my ($type) = sq_safe("SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = '$table'::regclass AND attname = '$col'");
		my $fn = { 'journey_stage' => 'classify_stage', 'interaction_kind' => 'classify_kind',
			'interaction_urgency' => 'classify_urgency', 'double precision' => 'sentiment_label' }->{$type};
		# a rules table's second column: a label, or a valence (sentiment: the
		# label of the score it gives)
		my (@labels, @want);
		if ($type eq 'double precision')
		{
			@labels = ('-3', '0', '3');
			@want = ('negative', 'positive');
		}
		else
		{
			@labels = split /\n/, sq_safe("SELECT unnest(${type}_labels())::text");
			@want = ($labels[0], $labels[-1]);
		}
		push @tables, { table => $table, col => $col, fn => $fn, labels => \@labels, want => \@want };
	}
	# each step written to every table of the function, then one check of them all
	for my $step (0 .. 3)
	{
		my (@writes, @jobs, @checks);
		for my $t (@tables)
		{
			my ($table, $col, $fn, $labels, $want) = @$t{qw(table col fn labels want)};
			push @writes, (
				[ "INSERT INTO $table VALUES ('zebra crossing', '$labels->[0]')", $want->[0] ],
				[ "UPDATE $table SET $col = '$labels->[-1]' WHERE phrase = 'zebra crossing'", $want->[1] ],
				[ "DELETE FROM $table WHERE phrase = 'zebra crossing'", undef ],
				[ "INSERT INTO $table VALUES ('zebra', '$labels->[1]'); TRUNCATE $table", undef ])[$step];
			push @jobs, { tbl => 'notes', query => "SELECT src, id, coalesce($fn(t)::text, '-') FROM TBL a" };
			my $baseline = defined $writes[-1][1] ? "'$writes[-1][1]'" : "coalesce($fn('note 1 about the zebra crossing')::text, '-')";
			push @checks, "SELECT (SELECT coalesce($fn(t)::text, '-') FROM notes WHERE id = 1) || '|' || $baseline";
		}
		sq_safe(join('; ', map { $_->[0] } @writes));
		my @diff = differential_batch(@jobs);
		my @got = split /\n/, sq_safe(join(";\n", @checks));
		for my $i (0 .. $#tables)
		{
			my ($first, $baseline) = split /\|/, $got[$i] // '|';
			my $w = "$tables[$i]{table} after '$writes[$i][0]'";
			push @why, "$w: $diff[$i]" if $diff[$i];
			push @why, "$w: $first, not $baseline" if $first ne $baseline;
		}
	}
	if (!@{ $f->{trigger_on} }) { $failed{ $f->{sig} } = 'not the trigger of any table'; }
	elsif (@why) { $failed{ $f->{sig} } = join("\n", @why); }
	else { $reached{ $f->{sig} } = 'by writes to ' . join(', ', @{ $f->{trigger_on} }); }
}

# Receive functions: the COPY BINARY loads above; aggregate support: their aggregates.
for my $f (@funcs)
{
	my $sig = $f->{sig};
	next if $reached{$sig} || $failed{$sig} && !@{ $f->{support_of} } && !@{ $f->{io_of} };
	if (@{ $f->{io_of} } && grep { $_ eq 'internal' } @{ $f->{args} })
	{
		my $type = $f->{io_of}[0];
		if ($bin_loaded{$type}) { $reached{$sig} = "by COPY BINARY of $bin_loaded{$type} values"; delete $failed{$sig}; }
		else { $failed{$sig} = "no $type value was loaded by COPY BINARY"; }
		next;
	}
	my @via;
	for my $sup (@{ $f->{support_of} })
	{
		my ($agg, $role) = split /=/, $sup;
		push @via, "$agg ($role)" if $agg_ran{$agg}{$role};
	}
	if (@via)
	{
		$reached{$sig} = ($failed{$sig} ? 'not callable alone; ' : '') . 'through ' . join(', ', @via);
		delete $failed{$sig};
	}
}

# --- single node vs two postgres_fdw shards ------------------------------------
# Every aggregate with a combine function and a state type of its own (not
# internal) is computed as a distributed aggregate would be: its group table is
# split across two shards (databases of this server, reached through
# postgres_fdw), each shard computes the partial states (an aggregate with the
# same transition function and no final function) and ships them as text, and the
# coordinator combines them (an aggregate of the combine function, then the final
# function): per group the answer must equal the single node's.  An aggregate with
# an internal state takes the same path if its result is a summary with a merge
# aggregate (one argument and result of that type): the shards ship the summaries
# and the coordinator merges them.  Everything comes from the catalog, so new
# aggregates are taken in as they appear.
my (%fdw_reached, %fdw_failed, %fdw_skipped);
{
	my %byoid = map { $_->{f}{oid} => $_ } @fdw_jobs;
	my @aggs = grep { $_->{kind} eq 'a' } @funcs;
	my $oids = join(',', map { $_->{oid} } @aggs) || '0';
	my %info;
	for my $line (split /\n/, sq_safe(qq{
		SELECT a.aggfnoid::oid, a.aggkind, a.aggcombinefn <> 0, a.aggtranstype = 'internal'::regtype,
		       t.typtype = 'p', a.aggfinalextra, a.aggtransfn::regproc, a.aggcombinefn::regproc,
		       a.aggfinalfn::regproc, a.aggfinalmodify, format_type(a.aggtranstype, NULL),
		       pg_get_function_identity_arguments(a.aggfnoid),
		       coalesce((SELECT r.aggfnoid::regproc::text FROM pg_aggregate r JOIN pg_proc rp ON rp.oid = r.aggfnoid
		                 WHERE rp.prorettype = p.prorettype AND rp.pronargs = 1 AND rp.proargtypes[0] = p.prorettype
		                   AND r.aggkind = 'n' AND r.aggfnoid = ANY('{$oids}'::oid[]) ORDER BY 1 LIMIT 1), ''),
		       coalesce(quote_literal(a.agginitval), '')
		FROM pg_aggregate a JOIN pg_type t ON t.oid = a.aggtranstype JOIN pg_proc p ON p.oid = a.aggfnoid
		WHERE a.aggfnoid = ANY('{$oids}'::oid[])}))
	{
		my @c = split /\|/, $line, 14;
		$info{ $c[0] } = { kind => $c[1], combine => $c[2] eq 't', internal => $c[3] eq 't',
			polymorphic => $c[4] eq 't', finalextra => $c[5] eq 't', transfn => $c[6], combinefn => $c[7],
			finalfn => $c[8], modify => { r => 'READ_ONLY', s => 'SHAREABLE', w => 'READ_WRITE' }->{ $c[9] },
			stype => $c[10], args => $c[11], merge => $c[12], initcond => $c[13] };
	}

	# which path each aggregate takes, or why none
	my @legs;
	for my $f (@aggs)
	{
		my ($sig, $i) = ($f->{sig}, $info{ $f->{oid} });
		my $why;
		if ($i->{kind} ne 'n') { $why = 'an ordered-set aggregate'; }
		elsif (!$i->{combine}) { $why = 'no combine function'; }
		elsif ($i->{internal} && $i->{merge} eq '') { $why = 'an internal state and no merge aggregate of its result'; }
		elsif (!$i->{internal} && $i->{polymorphic}) { $why = "a polymorphic state type ($i->{stype})"; }
		elsif (!$i->{internal} && $i->{finalextra}) { $why = 'a final function with extra arguments'; }
		if ($why) { $fdw_skipped{$sig} = $why; next; }
		my $job = $byoid{ $f->{oid} };
		if (!$job) { $fdw_failed{$sig} = 'no group table (see its differential result)'; next; }
		push @legs, { %$job, %$i, merging => $i->{internal} };
	}

	if (@legs)
	{
		my $port = $node->port;
		my $host = $node->host;
		my $setup = '';
		for my $k (1, 2)
		{
			$setup .= "DROP DATABASE IF EXISTS shard$k; CREATE DATABASE shard$k;\n";
		}
		$setup .= "CREATE EXTENSION IF NOT EXISTS postgres_fdw;\n";
		my (%shard_sql, $coord_sql);
		for my $l (@legs)
		{
			my ($n, $tbl) = ($l->{n}, $l->{tbl});
			my $cols = sq_safe(qq{SELECT string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
				FROM pg_attribute WHERE attrelid = '$tbl'::regclass AND attnum > 0 AND NOT attisdropped});
			(my $partial = $l->{call}) =~ s/^\Q$l->{f}{name}\E\(/partial_$n(/;
			$partial = $l->{call} if $l->{merging};
			for my $k (1, 2)
			{
				my $file = "$dir/shard${k}_$tbl";
				$setup .= "COPY (SELECT * FROM $tbl WHERE id % 2 = $k - 1) TO '$file';\n";
				$shard_sql{$k} .= "CREATE TABLE $tbl ($cols); COPY $tbl FROM '$file';\n";
				$shard_sql{$k} .= "CREATE AGGREGATE partial_$n($l->{args}) (SFUNC = $l->{transfn}, STYPE = $l->{stype}"
				  . ($l->{initcond} ne '' ? ", INITCOND = $l->{initcond}" : '') . ");\n"
				  unless $l->{merging};
				$shard_sql{$k} .= "CREATE VIEW part_$n AS SELECT a.g, $partial AS st FROM $tbl a GROUP BY a.g;\n";
			}
			$coord_sql .= $l->{merging} ? ''
			  : "CREATE AGGREGATE combine_$n($l->{stype}) (SFUNC = $l->{combinefn}, STYPE = $l->{stype}"
			  . ($l->{finalfn} ne '-' ? ", FINALFUNC = $l->{finalfn}, FINALFUNC_MODIFY = $l->{modify}" : '')
			  . ($l->{initcond} ne '' ? ", INITCOND = $l->{initcond}" : '') . ");\n";
			$l->{single} = "SELECT a.g, ($l->{call})::text AS r FROM $tbl a GROUP BY a.g";
			$l->{combined} = 'SELECT x.g, (' . ($l->{merging} ? $l->{merge} : "combine_$n") . '(x.st))::text AS r FROM ('
			  . "SELECT * FROM fdw_shard1.part_$n UNION ALL SELECT * FROM fdw_shard2.part_$n) x GROUP BY x.g";
		}
		sq_safe($setup);
		my $views = join(', ', map { "part_$_->{n}" } @legs);
		for my $k (1, 2)
		{
			my $sh = $node->background_psql("shard$k", on_error_stop => 0);
			$sh->{stderr} = '';
			$sh->query("CREATE EXTENSION interaction; $shard_sql{$k}");
			my $err = $sh->{stderr};
			my %have = map { $_ => 1 } split /\n/, $sh->query_safe("SELECT relname FROM pg_class WHERE relname LIKE 'part\\_%'");
			$sh->quit;
			for my $l (@legs)
			{
				$l->{why} //= "shard $k could not make its partial states: $err" unless $have{"part_$l->{n}"};
			}
			$coord_sql .= "CREATE SERVER shard$k FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '$host', port '$port', dbname 'shard$k');\n"
			  . "CREATE USER MAPPING FOR CURRENT_USER SERVER shard$k;\n"
			  . "CREATE SCHEMA fdw_shard$k; IMPORT FOREIGN SCHEMA public LIMIT TO ($views) FROM SERVER shard$k INTO fdw_shard$k;\n";
		}
		my ($out, $err) = sq($coord_sql);
		my %have = map { $_ => 1 } split /\n/, sq_safe("SELECT proname FROM pg_proc WHERE proname LIKE 'combine\\_%'");
		for my $l (grep { !$_->{merging} && !$have{"combine_$_->{n}"} } @legs)
		{
			$l->{why} //= "the coordinator could not make combine_$l->{n}: $err";
		}

		# the answers, all in one query (one by one if that fails)
		my $compare;
		$compare = sub {
			my (@ls) = @_;
			my $q = join("\nUNION ALL ", map {
				my $j = $_;
				"SELECT $ls[$j]{n}, 'single', s.g, s.r FROM ($ls[$j]{single}) s UNION ALL "
				  . "SELECT $ls[$j]{n}, 'shards', d.g, d.r FROM ($ls[$j]{combined}) d"
			} 0 .. $#ls) . ' ORDER BY 1, 2, 3';
			my ($rows, $qerr) = sq($q);
			if ($qerr ne '')
			{
				return map { $compare->($_) } @ls if @ls > 1;
				$ls[0]{why} //= "the query failed: $qerr";
				return;
			}
			my %got;
			for my $line (split /\n/, $rows)
			{
				my ($n, $side, $rest) = split /\|/, $line, 3;
				$rest =~ s/(-?\d+\.\d+(?:e[-+]\d+)?)/(($1 =~ tr|0-9||) > 12) ? sprintf('%.12g', $1) : $1/ge;
				$got{$n}{$side} .= "$rest\n";
			}
			for my $l (@ls)
			{
				my ($one, $two) = map { $got{ $l->{n} }{$_} // '' } 'single', 'shards';
				$l->{groups} = () = $one =~ /\n/g;
				$l->{why} //= "no rows" if $one eq '';
				$l->{why} //= "the shards' answer differs:\n" . substr($two, 0, 600) . "\nfrom the single node's:\n" . substr($one, 0, 600)
				  if $one ne $two;
			}
			return;
		};
		$compare->(grep { !$_->{why} } @legs);
		for my $l (@legs)
		{
			if ($l->{why}) { $fdw_failed{ $l->{f}{sig} } = $l->{why}; }
			else
			{
				$fdw_reached{ $l->{f}{sig} } = ($l->{merging} ? "summaries merged by $l->{merge}" : 'partial states combined')
				  . " in $l->{groups} groups";
			}
		}
	}
}

# --- the report -------------------------------------------------------------
my $total = @funcs;
my $nreached = grep { $reached{ $_->{sig} } } @funcs;
diag("differential coverage: $nreached / $total functions reached, $queries queries, $gathers parallel plans with a Gather");
for my $f (@funcs)
{
	my $sig = $f->{sig};
	if ($reached{$sig}) { pass("$sig: $reached{$sig}"); }
	else
	{
		fail("$sig");
		diag("  $sig: " . ($failed{$sig} // 'not reached'));
	}
}
diag('fdw shards: ' . scalar(keys %fdw_reached) . ' aggregates combined across two shards equal the single node ('
	  . join(', ', sort keys %fdw_reached) . '); skipped: '
	  . (join(', ', map { "$_ ($fdw_skipped{$_})" } sort keys %fdw_skipped) || 'none'));
for my $sig (sort keys %fdw_reached) { pass("fdw shards: $sig: $fdw_reached{$sig}"); }
for my $sig (sort keys %fdw_failed)
{
	fail("fdw shards: $sig");
	diag("  $sig: $fdw_failed{$sig}");
}
my @unreached = grep { !$reached{ $_->{sig} } } @funcs;
diag('unreached: ' . (@unreached ? join(', ', map { $_->{sig} } @unreached) : 'none'));
is(scalar(@unreached), 0, "every function of the extension is reached ($nreached / $total)");

$s->quit;
done_testing(scalar(@funcs) + 1 + keys(%fdw_reached) + keys(%fdw_failed));
