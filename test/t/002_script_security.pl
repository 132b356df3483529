# test/t/002_script_security.pl: the static half of the install scripts' security
# check (test/t/016_install_traps.pl is the other half, which runs them among
# traps).  A trusted extension's install and upgrade scripts run as superuser with
# the target schema on the search_path: every function and operator they use that
# is not the extension's own must be named with its schema, and no dynamic SQL may
# build statements at install time.  Every script is read, the released ones and
# the built ones (doc/security.md).
use strict;
use warnings;
use Test::More;
use lib 'test';
use ExtensionScripts;

my $top = $ENV{TESTDIR} // '.';
my @scripts = ExtensionScripts::scripts($top);
my ($newest) = do { local (@ARGV, $/) = "$top/interaction.control"; <> } =~ /^default_version\s*=\s*'([^']+)'/m;

ok((grep { $_->[0] =~ /interaction--\Q$newest\E\.sql$/ } @scripts), "the built install script of $newest is read");
ok((grep { $_->[0] =~ /interaction--[0-9.]+--\Q$newest\E\.sql$/ } @scripts), "an upgrade script to $newest is read");
ok(@scripts >= 5, scalar(@scripts) . ' scripts read');

# ours: every object any script creates
my $ours = ExtensionScripts::created_names(map { $_->[1] } @scripts);
ok(keys %$ours > 100, scalar(keys %$ours) . ' names the scripts create');

for my $s (@scripts)
{
	my ($path, $text) = @$s;
	(my $name = $path) =~ s{.*/}{};
	my @bad = ExtensionScripts::problems($text, $ours);
	is(scalar @bad, 0, "$name: every call and operator not ours is schema-qualified, no dynamic SQL")
	  or diag join "\n", @bad;
}

# The check has teeth: each kind of fault it must find, in a made-up script.
my %faults = (
	'unqualified core call' => q{SELECT format('%s', 'x');},
	'DO block' => q{DO $x$ BEGIN PERFORM 1; END $x$;},
	'dynamic SQL' => q{SELECT 1; EXECUTE 'x';},
	'unqualified selectivity' => q{CREATE OPERATOR = (LEFTARG = t, RIGHTARG = t, PROCEDURE = t_eq, RESTRICT = eqsel);},
	'operator in a constraint' => q{CREATE TABLE r (p text CHECK (f(p) <> ''));},
	'operator in an index' => q{CREATE INDEX ON r ((p || 'x'));},
);
for my $what (sort keys %faults)
{
	my @bad = ExtensionScripts::problems($faults{$what}, { t_eq => 1, f => 1, r => 1 });
	ok(@bad > 0, "the check finds: $what") or diag $faults{$what};
}
my @clean = ExtensionScripts::problems(q{CREATE TABLE r (p text CHECK (f(p) OPERATOR(pg_catalog.<>) ''));
SELECT pg_catalog.format('%s', 'x'); GRANT SELECT ON r TO @extowner@;
-- format(comments are not code)
COMMENT ON TABLE r IS 'format(strings are not code) <>';}, { f => 1, r => 1 });
is(scalar @clean, 0, 'qualified calls and operators, comments and strings pass') or diag join "\n", @clean;

done_testing(4 + @scripts + keys(%faults) + 1);
