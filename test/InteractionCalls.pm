# test/InteractionCalls.pm: calls of every SQL function of the extension, built
# from the catalog, for the differential tests (047_differential.pl,
# 048_hashagg_spill.pl).
#
#   my @f = InteractionCalls::functions($session);     # from pg_proc, deptype 'e'
#   my $plan = InteractionCalls::prepare($session, $f, $name, %opts);
#
# Arguments come from a table of generators: sample values of each argument
# type (the extension's own types take InteractionTest::sample_literals).  A
# function's candidate argument tuples are loaded into a table; the tuples its
# call rejects are dropped (keep_valid), so that what is left runs without
# error.  Aggregates and window functions get groups of 1 to 3 tuples, each
# group kept only when the aggregate accepts it as a whole, repeated to fill a
# table of many rows.
package InteractionCalls;

use strict;
use warnings;
use Test::More;
use InteractionTest;

# Sample literals of the built-in types that the extension's functions take.
my %builtin = (
	'integer' => [ 0, 1, 2, 3, 4, 5, 7, 9, 10, 14, 40, -1, 100 ],
	'bigint' => [ 0, 1, 42, 1000, -7 ],
	'smallint' => [ 1, 3 ],
	'numeric' => [ 0, 1, 5, 9, 10, '7.0', '8.5' ],
	'double precision' => [ 0.1, 0.3, 0.5, 0.8, 0.95, 1, 2.5, 12, 100, 360, -1 ],
	'text' => [ 'linear', 'first_touch', 'last_touch', 'time_decay', 'position_based', 'wald', 'adjusted_wald',
		'strict_order', 'strict_increase', 'strict_deduplication', '(?1).*(?2)', '(?1)(?t<=3600)(?2)', '(?1)(?2)',
		'billing', 'spanish', 'my parcel never arrived, this is unacceptable', 'saw your ad on instagram',
		'thanks for the quick help!', 'cancel my subscription, urgent', 'renewal call', '' ],
	'timestamp with time zone' => [ '2026-01-01 10:00:00+00', '2026-03-29 08:30:00+00', '2026-12-24 16:30:00+00',
		'2026-06-15 12:00:00.5+00', '2026-01-01 10:20:00+00', '2026-01-02 09:00:00+00', '2026-01-09 10:00:00+00' ],
	'interval' => [ '20 seconds', '2 minutes', '3 minutes', '30 minutes', '4 hours 30 minutes', '1 day', '7 days', '0' ],
	'boolean' => [ 'true', 'false' ],
	'boolean[]' => [ '{t,f,t}', '{f,t,f}', '{t,t,t}', '{f,f,t}', '{t,f}', '{t}' ],
	'text[]' => [ '{billing,spanish}', '{tech_support}', '{a,b,c}' ],
	'integer[]' => [ '{4,3}', '{10}', '{1,2,3}' ],
	'double precision[]' => [ '{0.5,0.9,0.99}', '{0.1}', '{0,1}' ],
);

# Arguments of a type that, for a function, hold labels rather than any text:
# function name => { type => [literals] } (journey_agg's stage and channel as text).
my @label_texts = ('awareness', 'Consideration', 'purchase', 'retention', 'web', 'WhatsApp', 'phone');
my %typed_args = (
	journey_agg => { text => \@label_texts },
	journey_agg_trans => { text => \@label_texts },
);

# Arguments that must hold one of a few words, and be the same for every row of a
# group (an aggregate's parameters): function name => { argument position => [literals] }.
my %fixed_args = (
	sequence_next_node => { 0 => ['forward'], 1 => ['head'] },
	sequence_next_node_trans => { 1 => ['forward'], 2 => ['head'] },
	# window_funnel's mode (the text argument of its mode form only), so that a
	# change in the catalog that moves the random draws cannot leave it without
	# a valid call
	window_funnel => { 1 => [ 'strict_order', 'strict_deduplication', 'strict_increase' ] },
	funnel_events_trans => { 2 => [ 'strict_order', 'strict_deduplication', 'strict_increase' ] },
	service_level => { 1 => [ 'offered', 'answered' ] },
	service_level_ci => { 1 => [ 'offered', 'answered' ] },
);

# Every function of the extension: { oid, name (schema-qualified, quoted),
# sig (regprocedure), kind (f/a/w), args => [types], variadic, retset, rettype,
# returns_record, support_of (aggregates whose support function it is) }.
sub functions
{
	my ($s) = @_;
	my @out;
	my $rows = $s->query_safe(q{
		SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname), p.oid::regprocedure,
		       p.prokind, p.provariadic <> 0, p.proretset, format_type(p.prorettype, NULL),
		       p.prorettype = 'record'::regtype OR p.proretset,
		       coalesce((SELECT string_agg(format_type(t, NULL), '|' ORDER BY i)
		                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, i)), ''),
		       coalesce((SELECT string_agg(a.aggfnoid::regprocedure::text || '=' || r.role, ';')
		                 FROM pg_aggregate a, LATERAL (VALUES ('run', a.aggtransfn), ('run', a.aggfinalfn),
		                      ('partial', a.aggcombinefn), ('partial', a.aggserialfn), ('partial', a.aggdeserialfn),
		                      ('moving', a.aggmtransfn), ('moving', a.aggminvtransfn), ('moving', a.aggmfinalfn)) r(role, fn)
		                 WHERE r.fn = p.oid), ''),
		       coalesce((SELECT string_agg(t.typname, ';') FROM pg_type t
		                 WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend)), ''),
		       coalesce((SELECT string_agg(format_type(o.opcintype, NULL) || ':' || am.amname, ';')
		                 FROM pg_amproc ap JOIN pg_opfamily f ON f.oid = ap.amprocfamily
		                 JOIN pg_am am ON am.oid = f.opfmethod
		                 JOIN pg_opclass o ON o.opcfamily = f.oid AND o.opcdefault
		                 WHERE ap.amproc = p.oid), ''),
		       coalesce((SELECT string_agg(DISTINCT tg.tgrelid::regclass::text, ';') FROM pg_trigger tg WHERE tg.tgfoid = p.oid), '')
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
		ORDER BY p.oid::regprocedure::text});
	for my $line (split /\n/, $rows)
	{
		my @c = split /\|/, $line, -1;
		my ($oid, $name, $sig, $kind, $variadic, $retset, $rettype, $rec) = splice(@c, 0, 8);
		my $trig = pop @c;
		my $amproc = pop @c;
		my $io = pop @c;
		my $support = pop @c;
		push @out, {
			oid => $oid, name => $name, sig => $sig, kind => $kind,
			variadic => $variadic eq 't', retset => $retset eq 't', rettype => $rettype,
			returns_record => $rec eq 't', args => [ grep { length } @c ],
			support_of => [ grep { length } split /;/, $support ],
			io_of => [ grep { length } split /;/, $io ],
			amproc_of => [ grep { length } split /;/, $amproc ],
			trigger_on => [ grep { length } split /;/, $trig ],
		};
	}
	return @out;
}

# Generators: type name => [SQL literals].
sub generators
{
	my ($node) = @_;
	my %lit = InteractionTest::sample_literals($node);
	my %g = %builtin;
	$g{$_} = [ @{ $lit{$_} } ] for keys %lit;
	# summaries on the CSAT and CES scales too (the samples are NPS, 0 to 10)
	push @{ $g{survey_summary} }, split /\n/, $node->safe_psql('postgres', q{
		SELECT survey_agg(s)::text FROM generate_series(1, 7) s
		UNION ALL SELECT survey_agg(s)::text FROM generate_series(1, 5) s})
	  if $g{survey_summary};
	return %g;
}

sub quote_lit
{
	my ($x) = @_;
	$x =~ s/'/''/g;
	return "'$x'";
}

# Helpers the tests create once: keep_valid drops the rows of a table whose
# probe query (run with the row's id as $1) fails; valid_sets keeps the sets of
# ids (each a text '1,5,7') whose probe (run with int[] $1) succeeds.
sub create_helpers
{
	my ($s) = @_;
	$s->query_safe(q{
CREATE FUNCTION keep_valid(tbl regclass, probe text) RETURNS int LANGUAGE plpgsql AS $f$
DECLARE i int; n int := 0; dummy text;
BEGIN
	FOR i IN EXECUTE format('SELECT id FROM %s ORDER BY id', tbl) LOOP
		BEGIN
			EXECUTE 'SELECT string_agg(x::text, '','') FROM (' || probe || ') x' INTO dummy USING i;
		EXCEPTION WHEN OTHERS THEN
			EXECUTE format('DELETE FROM %s WHERE id = $1', tbl) USING i;
			n := n + 1;
		END;
	END LOOP;
	RETURN n;
END $f$;
CREATE FUNCTION valid_sets(sets text[], probe text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE s text; dummy text;
BEGIN
	FOREACH s IN ARRAY sets LOOP
		BEGIN
			EXECUTE 'SELECT string_agg(x::text, '','') FROM (' || probe || ') x' INTO dummy USING string_to_array(s, ',')::int[];
			RETURN NEXT s;
		EXCEPTION WHEN OTHERS THEN
			NULL;
		END;
	END LOOP;
END $f$;});
}

# The call expression of $f over the columns a1.. of alias a.
sub call_expr
{
	my ($f) = @_;
	my @a = map { "a.a$_" } 1 .. @{ $f->{args} };
	$a[-1] = "VARIADIC $a[-1]" if $f->{variadic};
	return "$f->{name}(" . join(', ', @a) . ')';
}

# Column types of the argument table: cstring and internal cannot be stored;
# input functions take (text, oid, int), their cstring cast in the call.
sub arg_column_type
{
	my ($t) = @_;
	return $t eq 'cstring' ? 'text' : $t eq '"any"' ? 'boolean[]' : $t;
}

# Random argument tuples for $f: [ [literal, ...], ... ].
sub candidate_tuples
{
	my ($f, $gen, $n) = @_;
	my @args = @{ $f->{args} };
	my @pools;
	for my $i (0 .. $#args)
	{
		my $t = $args[$i];
		if ($t eq 'cstring')
		{
			# an input function: the literals of the type it makes
			my $type = $f->{io_of}[0];
			push @pools, $gen->{$type};
		}
		elsif ($t eq 'oid')
		{
			push @pools, [ $f->{io_of}[0] ];    # the type's oid, cast in the call
		}
		elsif ($f->{io_of}[0] && $t eq 'integer' && $i == 2 && $args[0] eq 'cstring')
		{
			push @pools, [ -1 ];
		}
		elsif ($t eq 'text' && $f->{sig} =~ /^(\w+)\(/ && $fixed_args{$1} && $fixed_args{$1}{$i})
		{
			push @pools, $fixed_args{$1}{$i};
		}
		elsif ($t eq '"any"' && $i == $#args && $f->{variadic})
		{
			# VARIADIC "any" (window_funnel's steps): called with VARIADIC boolean[]
			push @pools, $gen->{'boolean[]'};
		}
		elsif ($f->{sig} =~ /^(\w+)\(/ && $typed_args{$1} && $typed_args{$1}{$t})
		{
			push @pools, $typed_args{$1}{$t};
		}
		else
		{
			return () unless $gen->{$t};
			push @pools, $gen->{$t};
		}
	}
	my %seen;
	my @tuples;
	for (1 .. $n * 4)
	{
		my @t = map { $_->[ int(rand(@$_)) ] } @pools;
		my $key = join("\x01", @t);
		next if $seen{$key}++;
		push @tuples, \@t;
		last if @tuples >= $n;
	}
	return @tuples;
}

# A VALUES list of tuples with ids.
sub values_list
{
	my ($f, $tuples) = @_;
	my @args = @{ $f->{args} };
	my $id = 0;
	return join(', ', map { '(' . ++$id . ')' } @$tuples) unless @args;
	return join(",\n", map {
		my $t = $_;
		$id++;
		"($id, " . join(', ', map {
			my $type = $args[$_];
			$type eq 'oid' ? quote_lit($t->[$_]) . '::regtype::oid'
			  : quote_lit($t->[$_]) . '::' . arg_column_type($type)
		} 0 .. $#args) . ')'
	} @$tuples);
}

sub call_expr_for_table
{
	my ($f) = @_;
	my @a = map { "a.a$_" } 1 .. @{ $f->{args} };
	for my $i (0 .. $#a)
	{
		$a[$i] .= '::cstring' if $f->{args}[$i] eq 'cstring';
	}
	$a[-1] = "VARIADIC $a[-1]" if $f->{variadic};
	return "$f->{name}(" . join(', ', @a) . ')';
}

# For aggregate $f: a table $name (id, g, a1..) of $ngroups groups of
# $rows_per_group rows, each group repeating one of up to $nsets sets of 1 to 3
# argument tuples that the aggregate accepts as a whole.  $sq runs a query and
# returns its output (dies on error).  Returns '' or why there is no table.
sub group_table
{
	my ($sq, $f, $gen, $name, $nsets, $ngroups, $rows_per_group) = @_;
	my $call = call_expr_for_table($f);
	my @tuples = candidate_tuples($f, $gen, 24);
	return 'no generator for an argument' unless @tuples;
	$sq->("CREATE TABLE ${name}_c (id int" . column_defs($f) . "); INSERT INTO ${name}_c VALUES "
		  . values_list($f, \@tuples));
	$sq->("SELECT keep_valid('${name}_c', \$p\$SELECT ($call)::text FROM ${name}_c a WHERE a.id = \$1\$p\$)");
	my @ids = split /\n/, $sq->("SELECT id FROM ${name}_c ORDER BY id");
	return 'every generated call was rejected' unless @ids;
	my @sets = map { my $k = 1 + int(rand(3)); join(',', map { $ids[ int(rand(@ids)) ] } 1 .. $k) } 1 .. $nsets * 2;
	my $arr = 'ARRAY[' . join(', ', map { "'$_'" } @sets) . ']';
	my @ok = split /\n/, $sq->("SELECT valid_sets($arr, \$p\$SELECT ($call)::text FROM ${name}_c a WHERE a.id = ANY(\$1)\$p\$)");
	@ok = @ok[ 0 .. $nsets - 1 ] if @ok > $nsets;
	return 'no group of arguments was accepted' unless @ok;
	my $okarr = 'ARRAY[' . join(', ', map { "'$_'" } @ok) . ']::text[]';
	my $acols = join('', map { ", c.a$_" } 1 .. @{ $f->{args} });
	$sq->(qq{
		CREATE TABLE $name AS
		SELECT (row_number() OVER (ORDER BY g.g, k))::int AS id, g.g$acols
		FROM generate_series(1, $ngroups) g(g), generate_series(1, $rows_per_group) k,
		     LATERAL (SELECT string_to_array(($okarr)[1 + g.g % cardinality($okarr)], ',')::int[] AS a) x, ${name}_c c
		WHERE c.id = x.a[1 + k % cardinality(x.a)];
		ANALYZE $name});
	return '';
}

# Column definitions a1 type1, ...
sub column_defs
{
	my ($f) = @_;
	my @args = @{ $f->{args} };
	return join('', map { ", a" . ($_ + 1) . ' ' . arg_column_type($args[$_]) } 0 .. $#args);
}

1;
