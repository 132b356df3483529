# test/t/062_driver_node_pg.pl: KPI queries and every type through node-postgres
# (npm `pg`, installed with npm into a node_modules of this test run), text and
# binary parameters.  See test/clients/DriverTest.pm.
use strict;
use warnings;
use lib "$ENV{TESTDIR}/test/clients";
use DriverTest;
use File::Copy;
use PostgreSQL::Test::Utils;
use Test::More;

my $dir = "${PostgreSQL::Test::Utils::tmp_check}/node";
mkdir $dir;
copy("$ENV{TESTDIR}/test/clients/node/package.json", $dir) or die "package.json: $!";
my $npm = system("cd '$dir' && npm install --no-audit --no-fund --loglevel=error >npm.log 2>&1");
ok($npm == 0, 'npm installs pg') or diag(slurp_file("$dir/npm.log"));

local $ENV{NODE_PATH} = "$dir/node_modules";
DriverTest::run(
	name => 'node_pg',
	command => [ 'node', "$ENV{TESTDIR}/test/clients/node/node_pg.js" ],
	modes => [ 'text', 'binary parameter' ]);
