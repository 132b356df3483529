# test/t/070_erlang_reference.pl: the exact Erlang C / Erlang A figures that
# sql/erlang.sql compares against (test/erlang_reference.sql) are what their
# generator, test/erlang_reference.py, computes with mpmath today: a changed
# generator, or a hand-edited table, fails here.  Needs Debian's python3-mpmath
# under /usr/bin/python3 (test/run installs it); skipped without it.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;

my $top = $ENV{TESTDIR} || '.';
my $python = '/usr/bin/python3';
plan skip_all => 'no /usr/bin/python3 with mpmath'
  unless -x $python && system($python, '-c', 'import mpmath') == 0;
plan tests => 4;

my ($out, $err) = ('', '');
ok(IPC::Run::run([ $python, "$top/test/erlang_reference.py" ], '>', \$out, '2>', \$err),
	'the generator runs (its own tagged-caller checks pass)')
  or diag($err);
my $committed = slurp_file("$top/test/erlang_reference.sql");
ok($out eq $committed, 'test/erlang_reference.sql is what the generator prints');
like($committed, qr/INSERT INTO erlang_c_ref VALUES/, 'the table has Erlang C rows');
like($committed, qr/INSERT INTO erlang_a_ref VALUES/, 'the table has Erlang A rows');
