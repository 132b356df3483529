# test/t/061_driver_psycopg2.pl: KPI queries and every type through psycopg2
# (Debian python3-psycopg2; text protocol).  See test/clients/DriverTest.pm.
use strict;
use warnings;
use lib "$ENV{TESTDIR}/test/clients";
use DriverTest;

DriverTest::run(
	name => 'psycopg2',
	command => [ '/usr/bin/python3', "$ENV{TESTDIR}/test/clients/psycopg2_client.py" ],
	modes => [ 'text', 'text array' ]);
