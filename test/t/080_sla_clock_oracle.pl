# test/t/080_sla_clock_oracle.pl: ticket_clock against an independent oracle.
#
# test/sla_clock_oracle.py (python3 and its zoneinfo, no code of ours) makes
# random calendars in UTC, Europe/Berlin, America/New_York, Australia/Lord_Howe
# and Pacific/Apia around their changes of UTC offset, with holidays and short
# days, and random tickets (status changes in any order, several at one
# instant, NULL statuses, reopenings), and works out each ticket's clock by
# walking its minutes one by one.  Every accessor must agree on every ticket:
# as an aggregate, as a window aggregate (elapsed at each event), with a
# forced parallel plan (partial ticket_changes states merged), and as daily
# ticket_changes states rolled up.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my $python = '/usr/bin/python3';
plan skip_all => 'no /usr/bin/python3 with zoneinfo'
  unless -x $python && system($python, '-c', 'import zoneinfo') == 0;

my $tickets = $ENV{SLA_ORACLE_TICKETS} // 6000;
my ($script, $err) = ('', '');
ok(IPC::Run::run([ $python, "$top/test/sla_clock_oracle.py", $tickets ], '>', \$script, '2>', \$err),
	'the oracle runs')
  or diag($err);

my $node = InteractionTest::node('sla_oracle');
$node->safe_psql('postgres', $script);
# one table of changes with their calendars, as a helpdesk keeps them
$node->safe_psql('postgres', q{
CREATE TABLE oflat AS SELECT e.ticket, e.variant, e.at, e.status, c.h::business_hours AS h
FROM oevent e JOIN ocal c USING (cal);
ANALYZE oflat;
-- each change four times over, rows shuffled: the same clocks (equal statuses at
-- one instant), and groups large enough for the planner to aggregate in parts
CREATE TABLE oflat4 AS SELECT f.* FROM oflat f, generate_series(1, 4) ORDER BY random();
ANALYZE oflat4});

my $compare = q{
SELECT count(*) AS tickets,
       count(*) FILTER (WHERE elapsed(clock, as_of) IS DISTINCT FROM elapsed_as_of * interval '1 minute') AS elapsed_as_of,
       count(*) FILTER (WHERE elapsed(clock) IS DISTINCT FROM elapsed_last * interval '1 minute') AS elapsed,
       count(*) FILTER (WHERE is_running(clock) IS DISTINCT FROM running) AS is_running,
       count(*) FILTER (WHERE NOT due_unknown AND due_at(clock, target * interval '1 minute') IS DISTINCT FROM due) AS due_at,
       count(*) FILTER (WHERE breached(clock, target * interval '1 minute', as_of) IS DISTINCT FROM (elapsed_as_of > target)) AS breached,
       count(*) FILTER (WHERE remaining(clock, target * interval '1 minute', as_of)
                              IS DISTINCT FROM (target - elapsed_as_of) * interval '1 minute') AS remaining,
       count(*) FILTER (WHERE clock::text::sla_clock::text IS DISTINCT FROM clock::text) AS text_round_trip
FROM oexpect x FULL JOIN oclock o USING (ticket)};
my $clocks = q{
SELECT ticket, ticket_clock(at, status, h) AS clock FROM oflat WHERE variant = 0 GROUP BY ticket
UNION ALL
SELECT ticket, ticket_clock(at, status, h, '{pending,hold}', '{closed}') FROM oflat WHERE variant = 1 GROUP BY ticket
UNION ALL
SELECT ticket, ticket_clock(at, status, h, '{on_hold}') FROM oflat WHERE variant = 2 GROUP BY ticket};

# two levels: each ticket's changes stored per day as ticket_changes (a shard or
# a nightly job would keep them), rolled up and read as clocks
my $rolled = q{
SELECT ticket, sla_clock(rollup(c)) AS clock FROM (
  SELECT ticket, at::date, ticket_changes(at, status, h) AS c FROM oflat WHERE variant = 0 GROUP BY 1, 2
  UNION ALL
  SELECT ticket, at::date, ticket_changes(at, status, h, '{pending,hold}', '{closed}') FROM oflat WHERE variant = 1 GROUP BY 1, 2
  UNION ALL
  SELECT ticket, at::date, ticket_changes(at, status, h, '{on_hold}') FROM oflat WHERE variant = 2 GROUP BY 1, 2) s
GROUP BY ticket};

sub check
{
	my ($label, $setup, $table, $clock_query) = @_;
	my $query = ($clock_query // $clocks) =~ s/\boflat\b/$table/gr;
	my $out = $node->safe_psql('postgres', qq{
		$setup
		CREATE TEMP TABLE oclock AS $query;
		$compare});
	my ($n, @wrong) = split /\|/, $out;
	cmp_ok($n, '>=', 5000, "$label: at least 5,000 tickets ($n)");
	my @names = qw(elapsed(as_of) elapsed() is_running due_at breached remaining text_round_trip);
	is($wrong[$_], 0, "$label: $names[$_] agrees on every ticket") for 0 .. $#names;
}

check('aggregate', '', 'oflat');
my $parallel = q{SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
	SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
	SET enable_hashagg = off;};
like($node->safe_psql('postgres', qq{$parallel EXPLAIN (COSTS OFF) } . ($clocks =~ s/\boflat\b/oflat4/gr)),
	qr/Partial (Group|Hash)Aggregate/, 'the parallel plan aggregates in parts');
check('parallel', $parallel, 'oflat4');
check('rollup of daily changes', '', 'oflat', $rolled);

# the window aggregate: the clock of the events up to each one (peers included)
my $window = $node->safe_psql('postgres', q{
SELECT count(*), count(*) FILTER (WHERE w.el IS DISTINCT FROM x.elapsed * interval '1 minute')
FROM oexpect_event x LEFT JOIN (
  SELECT DISTINCT ticket, at, elapsed(clock) AS el FROM (
    SELECT ticket, at, status, CASE variant
        WHEN 0 THEN ticket_clock(at, status, h) OVER w
        WHEN 1 THEN ticket_clock(at, status, h, '{pending,hold}', '{closed}') OVER w
        ELSE ticket_clock(at, status, h, '{on_hold}') OVER w END AS clock
    FROM oflat
    WINDOW w AS (PARTITION BY ticket ORDER BY at)) s WHERE status IS NOT NULL) w USING (ticket, at)});
my ($instants, $wrong) = split /\|/, $window;
cmp_ok($instants, '>=', 5000, "window: events checked ($instants)");
is($wrong, 0, 'window: elapsed at each event agrees');

# the windows hold the changes of UTC offset they are there for
is($node->safe_psql('postgres', q{
SELECT count(DISTINCT z) FROM (SELECT substring(h from 'tz ([^;]+)') AS z FROM ocal) s}), '5', 'five zones');
done_testing();
