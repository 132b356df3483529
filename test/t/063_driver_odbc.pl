# test/t/063_driver_odbc.pl: KPI queries and every type through ODBC (Debian
# odbc-postgresql, unixODBC isql), the path of BI tools.  See
# test/clients/DriverTest.pm and test/clients/odbc_isql.py.
use strict;
use warnings;
use lib "$ENV{TESTDIR}/test/clients";
use DriverTest;

DriverTest::run(
	name => 'odbc',
	command => [ '/usr/bin/python3', "$ENV{TESTDIR}/test/clients/odbc_isql.py" ],
	modes => ['text']);
