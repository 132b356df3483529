# test/t/016_install_traps.pl: the install and upgrade scripts run among traps.
#
# The extension is trusted: a role that owns a database (here eve, no superuser)
# runs CREATE EXTENSION and ALTER EXTENSION UPDATE, and the scripts then run as
# the bootstrap superuser with the target schema on the search_path.  Before each
# step eve fills that schema and public with look-alikes of every function name
# and every operator the scripts use (read from the scripts themselves, the
# released ones and the built ones, by test/ExtensionScripts.pm), in many
# signatures; each look-alike reports that it ran and tries to make eve a
# superuser.  After every step nothing ran and eve is still not a superuser.  A
# superuser's own ALTER EXTENSION UPDATE of an extension installed in public
# (whose traps eve planted) is checked the same way.  The static half of this
# check is test/t/002_script_security.pl.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use lib 'test';
use InteractionTest;
use ExtensionScripts;

my $top = $ENV{TESTDIR} // '.';
my @scripts = ExtensionScripts::scripts($top);
my ($newest) = slurp_file("$top/interaction.control") =~ /^default_version\s*=\s*'([^']+)'/m;

# The update graph, read from the tree: FROM--TO scripts.
my %next;
for (@scripts)
{
	$next{$1} = $2 if $_->[0] =~ m{/interaction--([0-9.]+)--([0-9.]+)\.sql$};
}
my @installable = sort map { $_->[0] =~ m{/interaction--([0-9.]+)\.sql$} ? $1 : () } @scripts;
ok(@installable >= 3, "install scripts: @installable");

# Every name called and every operator used, in any script (dollar-quoted
# bodies included, so that a DO block's calls are trapped too).
my (%names, %ops);
for (@scripts)
{
	$names{$_} = 1 for ExtensionScripts::called_names($_->[1], 1);
	$ops{$_} = 1 for ExtensionScripts::operators_used($_->[1], 1);
}
# the selectivity estimators and other support functions named by the scripts
for (@scripts)
{
	$names{ lc $1 } = 1 while $_->[1] =~ /\b(?:RESTRICT|JOIN)\s*=\s*(?:pg_catalog\.)?([a-z_]+)/gi;
}
# and names a script could plausibly reach for while building statements
$names{$_} = 1 for qw(format concat concat_ws quote_ident quote_literal quote_nullable
  string_agg array_to_string replace lower upper substr length set_config current_setting);
$ops{$_} = 1 for qw(|| = <> < > || ~ ~~);
ok(keys %names > 10, 'names trapped: ' . join(' ', sort keys %names));
ok(keys %ops >= 3, 'operators trapped: ' . join(' ', sort keys %ops));

my $node = InteractionTest::node('traps', no_extension => 1);

# The extension's own signatures (every version): a look-alike must not take
# one of them, or the script would fail with "already exists" instead.
my %own_sig;
for my $v (@installable)
{
	my $db = "own_" . ($v =~ s/\./_/gr);
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION interaction VERSION '$v'");
	$own_sig{$_} = 1 for split /\n/, $node->safe_psql($db, q{
		SELECT p.proname || '(' || pg_catalog.array_to_string(p.proargtypes::regtype[], ',') || ')'
		FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
			AND d.deptype = 'e'
		UNION ALL
		SELECT o.oprname || '(' || o.oprleft::regtype || ',' || o.oprright::regtype || ')'
		FROM pg_operator o JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid
			AND d.deptype = 'e'});
}

my @arg_lists = (
	map({ join(',', ('text') x $_) } 1 .. 9),
	'integer', 'bigint', 'double precision', 'anyelement', 'anyelement,anyelement',
	'text,integer', 'integer,text', 'VARIADIC text[]');
my @op_args = ([ 'text', 'text' ], [ 'integer', 'integer' ], [ 'boolean', 'boolean' ],
	[ 'text', 'integer' ], [ 'anyelement', 'anyelement' ]);

sub quote_ident { my ($s) = @_; $s =~ s/"/""/g; return qq{"$s"}; }

# The SQL that plants every trap in one schema (idempotent).
sub trap_sql
{
	my ($schema) = @_;
	my $sql = '';
	my $body = sub {
		my ($what, $ret) = @_;
		return qq{LANGUAGE plpgsql AS \$t\$
BEGIN
	RAISE WARNING 'TRAP RAN: % as %', '$what', current_user;
	INSERT INTO public.trap_log VALUES ('$what', current_user::text);
	BEGIN EXECUTE 'ALTER ROLE eve SUPERUSER'; EXCEPTION WHEN others THEN NULL; END;
	RETURN NULL;
END \$t\$;
};
	};
	for my $name (sort keys %names)
	{
		for my $args (@arg_lists)
		{
			(my $sig = $args) =~ s/VARIADIC //;
			$sig =~ s/double precision/double precision/;
			next if $own_sig{"$name($sig)"};
			my $ret = $args =~ /anyelement/ ? 'anyelement' : 'text';
			$sql .= "CREATE OR REPLACE FUNCTION $schema." . quote_ident($name)
			  . "($args) RETURNS $ret " . $body->("$schema.$name($args)", $ret);
		}
	}
	my $i = 0;
	for my $op (sort keys %ops)
	{
		for my $a (@op_args)
		{
			my ($l, $r) = @$a;
			next if $own_sig{"$op($l,$r)"};
			$i++;
			my $ret = $l eq 'anyelement' ? 'anyelement' : 'text';
			$sql .= "CREATE OR REPLACE FUNCTION $schema.trap_op_$i($l, $r) RETURNS $ret "
			  . $body->("$schema.$op($l,$r)", $ret);
			$sql .= "DROP OPERATOR IF EXISTS $schema.$op ($l, $r);\n"
			  . "CREATE OPERATOR $schema.$op (LEFTARG = $l, RIGHTARG = $r, FUNCTION = $schema.trap_op_$i);\n";
		}
	}
	return $sql;
}

$node->safe_psql('postgres', q{CREATE ROLE eve LOGIN});

# Runs one step as a role; returns its stderr (warnings included).
sub step
{
	my ($db, $role, $sql) = @_;
	my ($ret, $out, $err) = $node->psql($db, $sql, extra_params => [ '-U', $role ]);
	return ($ret, $err);
}

sub nothing_ran
{
	my ($db, $what, $ret, $err) = @_;
	is($ret, 0, "$what: succeeds") or diag $err;
	unlike($err, qr/TRAP RAN/, "$what: no look-alike ran") or diag $err;
	is($node->safe_psql($db, q{SELECT count(*) FROM public.trap_log}), '0', "$what: the trap log is empty");
	is($node->safe_psql('postgres', q{SELECT rolsuper FROM pg_roles WHERE rolname = 'eve'}), 'f',
		"$what: eve is still not a superuser");
}

sub new_db
{
	my ($db) = @_;
	$node->safe_psql('postgres', "CREATE DATABASE $db OWNER eve");
	$node->safe_psql($db, q{
		CREATE TABLE public.trap_log (what text, by_role text);
		ALTER TABLE public.trap_log OWNER TO eve;
		GRANT ALL ON public.trap_log TO PUBLIC;});
	my ($ret, $err) = step($db, 'eve', "CREATE SCHEMA trap;\n" . trap_sql('trap') . trap_sql('public'));
	is($ret, 0, "$db: eve plants the traps in trap and public") or diag $err;
}

# The traps have teeth: a call the scripts could make unqualified reaches one.
new_db('teeth');
my ($ret, $err) = step('teeth', 'eve',
	q{SET search_path = trap; SELECT format('%s %s %s %s %s %s %s %s', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')});
like($err, qr/TRAP RAN: trap\.format\(text,text,text,text,text,text,text,text,text\)/,
	'an unqualified format() with text arguments runs the look-alike');
($ret, $err) = step('teeth', 'eve', q{SET search_path = trap; SELECT 'a'::text OPERATOR(trap.||) 'b'::text});
like($err, qr/TRAP RAN/, 'a trapped operator runs when named');

# Each released version, installed by eve (trusted) into a trapped schema, then
# updated step by step to the newest, traps planted again before each step.
for my $v (@installable)
{
	my $db = 'eve_' . ($v =~ s/\./_/gr);
	new_db($db);
	($ret, $err) = step($db, 'eve', "CREATE EXTENSION interaction VERSION '$v' SCHEMA trap");
	nothing_ran($db, "eve: CREATE EXTENSION interaction VERSION '$v' SCHEMA trap", $ret, $err);
	my $cur = $v;
	while (my $to = $next{$cur})
	{
		step($db, 'eve', trap_sql('trap') . trap_sql('public'));
		($ret, $err) = step($db, 'eve', "ALTER EXTENSION interaction UPDATE TO '$to'");
		nothing_ran($db, "eve: ALTER EXTENSION interaction UPDATE $cur to $to", $ret, $err);
		$cur = $to;
	}
	is($cur, $newest, "$v reaches $newest through the update scripts");
}

# A superuser's routine update of an extension installed in public, whose traps
# eve (the database owner) planted.
my $oldest = $installable[0];
new_db('su_update');
$node->safe_psql('su_update', "CREATE EXTENSION interaction VERSION '$oldest' SCHEMA public");
my $cur = $oldest;
while (my $to = $next{$cur})
{
	step('su_update', 'eve', trap_sql('public'));
	($ret, $err) = $node->psql('su_update', "ALTER EXTENSION interaction UPDATE TO '$to'");
	nothing_ran('su_update', "superuser: ALTER EXTENSION interaction UPDATE $cur to $to in public", $ret, $err);
	$cur = $to;
}

done_testing();
