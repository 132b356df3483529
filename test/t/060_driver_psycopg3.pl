# test/t/060_driver_psycopg3.pl: KPI queries and every type through psycopg 3
# (Debian python3-psycopg): server-side parameters, text and binary results and
# parameters, binary COPY out and in.  See test/clients/DriverTest.pm.
use strict;
use warnings;
use lib "$ENV{TESTDIR}/test/clients";
use DriverTest;

DriverTest::run(
	name => 'psycopg3',
	command => [ '/usr/bin/python3', "$ENV{TESTDIR}/test/clients/psycopg3.py" ],
	modes => [ 'text', 'binary', 'binary COPY' ]);
