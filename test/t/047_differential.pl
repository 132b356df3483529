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

# Copies of a table through COPY text and COPY BINARY, in one round trip
# (after $before, SQL to run first); returns their names.
sub copies
{
	my ($tbl, $before) = @_;
	my @out;
	my $sql = $before // '';
	for my $fmt ('text', 'binary')
	{
		my $copy = "${tbl}_$fmt";
		my $file = "$dir/$copy";
		$sql .= "DROP TABLE IF EXISTS $copy; COPY $tbl TO '$file' WITH (FORMAT $fmt); CREATE TABLE $copy (LIKE $tbl); "
		  . "COPY $copy FROM '$file' WITH (FORMAT $fmt);\n";
		push @out, $copy;
	}
	# what the binary load fed to each receive function: non-null values per column type
	$sql .= qq{SELECT coalesce(string_agg(format_type(a.atttypid, NULL) || '=' || coalesce(c.n, 0), '|'), '')
		FROM pg_attribute a
		LEFT JOIN (SELECT e.jkey, count(*) FILTER (WHERE e.jval <> 'null'::jsonb) AS n
		           FROM ${tbl}_binary jrow, jsonb_each(to_jsonb(jrow)) e(jkey, jval) GROUP BY e.jkey) c ON c.jkey = a.attname
		WHERE a.attrelid = '${tbl}_binary'::regclass AND a.attnum > 0 AND NOT a.attisdropped};
	my @lines = split /\n/, sq_safe($sql);
	for (split /\|/, $lines[-1] // '')
	{
		my ($type, $n) = /^(.*)=(\d+)$/ or next;
		$bin_loaded{$type} += $n;
	}
	return @out;
}

# Run each job's query (with TBL for its table) over its table and the copies
# through COPY text and COPY BINARY, all in one UNION ALL, serial and parallel
# (one parallel query for many jobs: starting workers is the slow part).
# Returns per job an error text, or '' when its six answers agree.
sub differential_batch
{
	my (@jobs) = @_;
	my (@branches, @names);
	for my $j (0 .. $#jobs)
	{
		my @t = ($jobs[$j]{tbl}, copies($jobs[$j]{tbl}));
		$names[$j] = \@t;
		# the three tables as one, so that one Gather reads them all
		my $all = '(' . join(' UNION ALL ', map { "SELECT $_ AS src, * FROM $t[$_]" } 0 .. 2) . ')';
		(my $q = $jobs[$j]{query}) =~ s/\bTBL\b/$all/g;
		push @branches, "SELECT $j AS job, q.src, q::text AS line FROM ($q) q";
	}
	my $union = 'SELECT * FROM (' . join("\nUNION ALL ", @branches) . ') u ORDER BY 1, 2, 3';
	my @bad = map { [] } @jobs;
	my @first;
	for my $mode ([ serial => $serial ], [ parallel => $parallel ])
	{
		my ($out, $err) = sq("$mode->[1] $union");
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
		for my $j (0 .. $#jobs)
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
	for my $j (0 .. $#jobs)
	{
		if ($plan =~ /Gather/) { $gathers++; }
		else { push @{ $bad[$j] }, "no Gather in the parallel plan:\n$plan"; }
		push @{ $bad[$j] }, "the parallel plan lacks $jobs[$j]{plan_re}:\n$plan"
		  if $jobs[$j]{plan_re} && $plan !~ $jobs[$j]{plan_re};
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
	my $why = differential($tbl, $query, $plan_re);
	if ($f->{kind} eq 'a' && !$why)
	{
		$agg_ran{$sig}{run} = $agg_ran{$sig}{partial} = 1;
		if ($moving)
		{
			$why = differential($tbl,
				"SELECT a.src, a.id, ($call OVER (PARTITION BY a.src, a.g ORDER BY a.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW))::text FROM TBL a");
			$agg_ran{$sig}{moving} = 1 unless $why;
		}
	}
	if ($why) { $failed{$sig} = $why; }
	else { $reached{$sig} = "$left rows in " . sq_safe("SELECT count(DISTINCT g) FROM $tbl") . ' groups'; }
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
for my $type (sort grep { $gen{ (split /:/)[0] } } map { @{ $_->{amproc_of} } } @funcs)
{
	my ($t, $am) = split /:/, $type;
	next if $typeroute{"$t:$am"}++;
	my $vals = join(', ', map { InteractionCalls::quote_lit($_) } @{ $gen{$t} });
	my $tbl = "ix_" . ($t =~ s/\W/_/gr) . "_$am";
	sq_safe("CREATE TABLE $tbl AS SELECT i AS id, (ARRAY[$vals]::$t\[])[1 + i % " . scalar(@{ $gen{$t} }) . "] AS v "
		  . "FROM generate_series(1, 3000) i; ANALYZE $tbl");
	my $why;
	if ($am eq 'btree')
	{
		$why = differential($tbl, "SELECT src, row_number() OVER (PARTITION BY src ORDER BY v, id), v::text, id FROM TBL a", qr/Gather Merge/);
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
for my $f (grep { $_->{rettype} eq 'trigger' } @funcs)
{
	my @why;
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
		sq_safe("CREATE TABLE IF NOT EXISTS notes AS SELECT i AS id, 'note ' || i || ' about the zebra crossing' AS t FROM generate_series(1, 2000) i");
		my $q = "SELECT src, id, coalesce($fn(t)::text, '-') FROM TBL a";
		for my $step ([ "INSERT INTO $table VALUES ('zebra crossing', '$labels[0]')", $want[0] ],
			[ "UPDATE $table SET $col = '$labels[-1]' WHERE phrase = 'zebra crossing'", $want[1] ],
			[ "DELETE FROM $table WHERE phrase = 'zebra crossing'", undef ],
			[ "INSERT INTO $table VALUES ('zebra', '$labels[1]'); TRUNCATE $table", undef ])
		{
			my ($write, $want) = @$step;
			sq_safe($write);
			my $diff = differential('notes', $q);
			my $first = sq_safe("SELECT coalesce($fn(t)::text, '-') FROM notes WHERE id = 1");
			my $baseline = $want // sq_safe("SELECT coalesce($fn('note 1 about the zebra crossing')::text, '-')");
			push @why, "$table after '$write': $diff" if $diff;
			push @why, "$table after '$write': $first, not $baseline" if $first ne $baseline;
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
my @unreached = grep { !$reached{ $_->{sig} } } @funcs;
diag('unreached: ' . (@unreached ? join(', ', map { $_->{sig} } @unreached) : 'none'));
is(scalar(@unreached), 0, "every function of the extension is reached ($nreached / $total)");

$s->quit;
done_testing(scalar(@funcs) + 1);
