# test/clients/DriverTest.pm: what the client-driver tests (test/t/06x_driver_*.pl) share.
#
#   DriverTest::run(name => 'psycopg', command => [ '/usr/bin/python3', 'psycopg3.py' ]);
#
# Starts a node with the extension and a small data set, and hands the client
# script (test/clients/NAME) a JSON file (path in INTERACTION_DRIVER_CASES) with
#   - types: every base type of the extension, found in the catalog, with its OID,
#     sample literals (InteractionTest's), and for each literal the server's
#     canonical text and its binary form (the type's send function, hex): the
#     oracle the client compares with what went through the driver;
#   - kpis: real KPI queries with $n parameters and their parameter values.
# The client connects with the libpq environment (PGHOST, PGPORT, PGDATABASE,
# PGUSER) and prints lines:
#   driver NAME VERSION            which driver ran
#   ok - WHAT / not ok - WHAT: WHY one check each
#   kpi NAME: ROWS                 a KPI's answer, rows joined by ';', columns by '|'
#   note - TEXT                    said in the test's log
# Every KPI answer must equal the same query run by psql, and every type must have
# been round-tripped (a check line naming it for each of the modes the test asks).
package DriverTest;

use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use JSON::PP;
use InteractionTest;

my $fixture = q{
	ALTER DATABASE postgres SET timezone = 'UTC';
	ALTER DATABASE postgres SET datestyle = 'ISO, MDY';
	CREATE TABLE responses AS
	SELECT id % 40 AS customer, (interaction_channel_labels())[1 + id % 5] AS channel,
	       CASE WHEN id % 13 = 0 THEN NULL ELSE (id * 7 + id / 3) % 11 END AS score,
	       date '2026-01-01' + (id % 60) AS day
	FROM generate_series(1, 2000) id;
	CREATE TABLE contacts AS
	SELECT id % 50 AS customer, timestamptz '2026-01-01 08:00+00' + (id * 37 % 1000) * interval '3 hours' AS at
	FROM generate_series(1, 1000) id;
	CREATE TABLE tasks AS
	SELECT id, routing_priority(id % 4, timestamptz '2026-01-01 09:00+00' + (id * 7 % 30) * interval '1 minute',
	                            '1 minute', CASE WHEN id % 9 = 0 THEN 1 ELSE 0 END) AS priority
	FROM generate_series(1, 30) id;
};

# Real KPI queries, with parameters as an application passes them.
my @kpis = (
	{
		name => 'nps_by_channel',
		sql => q{SELECT channel::text, responses(s), round(nps(s)::numeric, 4)::text,
		                round(nps_stderr(s)::numeric, 6)::text
		         FROM (SELECT channel, survey_agg(score) AS s FROM responses
		               WHERE day >= $1::date GROUP BY channel) t ORDER BY 1},
		params => ['2026-01-15'],
	},
	{
		name => 'fcr_rate',
		sql => q{SELECT count(*), round(100.0 * avg(f::int), 4)::text
		         FROM (SELECT fcr(at, $1::interval) OVER (PARTITION BY customer ORDER BY at) AS f
		               FROM contacts) t},
		params => ['7 days'],
	},
	{
		name => 'classify_stage',
		sql => q{SELECT classify_stage($1)::text, classify_stage($2)::text},
		params => [ 'Clicked pricing page', 'renewal reminder email' ],
	},
	{
		name => 'routing_order',
		sql => q{SELECT id, level(priority) FROM tasks WHERE level(priority) >= $1
		         ORDER BY priority DESC LIMIT 8},
		params => [1],
	},
);

# The query with its parameters written in as literals (for psql, and for
# clients without parameters).
sub inline
{
	my ($kpi) = @_;
	my $sql = $kpi->{sql};
	$sql =~ s/\$(\d+)/my $v = $kpi->{params}[$1 - 1]; $v =~ s{'}{''}g; "'$v'"/ge;
	return $sql;
}

sub run
{
	my (%o) = @_;
	my $name = $o{name};
	my $node = InteractionTest::node("driver_$name");
	$node->safe_psql('postgres', $fixture);

	# The oracle: every type of the extension, from the catalog.
	my %lit = InteractionTest::sample_literals($node);
	my @types = InteractionTest::extension_types($node);
	is_deeply([ sort keys %lit ], [ sort @types ], 'every type of the extension has sample literals');
	my %types;
	for my $type (@types)
	{
		my $vals = join(', ', map { my $x = $_; $x =~ s/'/''/g; "('$x')" } @{ $lit{$type} // [] });
		my $send = $node->safe_psql('postgres', "SELECT typsend::regproc FROM pg_type WHERE oid = '$type'::regtype");
		my @rows = split /\n/, $node->safe_psql('postgres', qq{
			SELECT v::${type}::text, encode($send(v::$type), 'hex')
			FROM (VALUES $vals) l(v)});
		$types{$type} = {
			send => $send,
			oid => 0 + $node->safe_psql('postgres', "SELECT '$type'::regtype::oid"),
			literals => $lit{$type},
			texts => [ map { /^(.*)\|[0-9a-f]*$/s ? $1 : die "bad row $_" } @rows ],
			hex => [ map { /\|([0-9a-f]*)$/ ? $1 : die "bad row $_" } @rows ],
		};
	}
	my %want;
	for my $k (@kpis)
	{
		$want{ $k->{name} } = join(';', split /\n/, $node->safe_psql('postgres', inline($k)));
	}
	# the KPI answers are right, not only equal: NPS against its definition in plain SQL
	is($node->safe_psql('postgres', q{
		SELECT count(*) FILTER (WHERE ok) || '/' || count(*)
		FROM (SELECT round(nps(score)::numeric, 4) = round(100.0 * (count(*) FILTER (WHERE score >= 9)
		             - count(*) FILTER (WHERE score <= 6)) / count(score), 4) AS ok
		      FROM responses WHERE day >= '2026-01-15' GROUP BY channel) t}), '5/5',
		'NPS by channel equals its definition in plain SQL');

	my $cases = "${PostgreSQL::Test::Utils::tmp_check}/driver_$name.json";
	open my $fh, '>', $cases or die "$cases: $!";
	print $fh JSON::PP->new->canonical->encode({ types => \%types,
		kpis => [ map { { %$_, inline => inline($_) } } @kpis ] });
	close $fh;

	local $ENV{INTERACTION_DRIVER_CASES} = $cases;
	local $ENV{PGHOST} = $node->host;
	local $ENV{PGPORT} = $node->port;
	local $ENV{PGDATABASE} = 'postgres';
	local $ENV{PGUSER} = $ENV{USER} // getpwuid($<);
	my ($out, $err) = ('', '');
	my $ran = IPC::Run::run($o{command}, '>', \$out, '2>', \$err);
	ok($ran, "the $name client ran to the end") or diag("stderr:\n$err");
	note "stderr: $err" if $err ne '' && $ran;

	my ($driver) = $out =~ /^driver (.+)$/m;
	ok(defined $driver, "the client says which driver ran: " . ($driver // 'none'));
	diag("driver: $driver") if defined $driver;
	my %got;
	my $checks = 0;
	for my $line (split /\n/, $out)
	{
		if ($line =~ /^(not )?ok - (.*)$/)
		{
			ok(!$1, "$name: $2");
			$checks++;
		}
		elsif ($line =~ /^kpi (\w+): (.*)$/)
		{
			$got{$1} = $2;
		}
		elsif ($line =~ /^(note|server) /)
		{
			note $line;
		}
	}
	for my $k (@kpis)
	{
		is($got{ $k->{name} }, $want{ $k->{name} }, "$name: KPI $k->{name} equals psql's answer");
	}
	# every type, in every mode the test asks for, has its check line
	for my $type (@types)
	{
		for my $mode (@{ $o{modes} })
		{
			ok($out =~ /^ok - \Q$mode\E round trip of \Q$type\E /m, "$name: $mode round trip of $type passed");
		}
	}
	ok($checks >= @types, "$name: $checks checks reported");
	$node->stop;
	done_testing();
}

1;
