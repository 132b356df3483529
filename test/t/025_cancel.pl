# test/t/025_cancel.pl: the heavy final functions can be cancelled.
#
# A function whose work grows faster than its input (the sequence matcher walks
# events x pattern states; window_funnel's strict_once compares each event with every
# chain of its instant) checks for interrupts inside that work, so a statement_timeout
# of 1 s ends it within a few seconds rather than when the work is done.  The states
# are built first (untimed) with plain aggregates over the transition function, so the
# statement timed is the final function alone.
#
# Measured on a 2-core machine shared with other builds, before the checks were added
# (each statement then ran to its end despite the 1 s timeout): sequence_match_final
# of the state below (100,000 events, a pattern of 100,000 '.') 67 s, the same as an
# aggregate 83 s, window_funnel_final of 100,000 events at one instant
# (strict_increase, strict_once) 361 s.  The bound of 5 s leaves room for a loaded
# machine; it is not a performance figure.  (The other final functions, stage_funnel,
# attribution, business_time over 290,000 years, the Erlang searches at 20,000 agents
# and the classifiers, are linear or logarithmic and end in well under a second on
# the largest values they accept, so no statement of them runs long enough to test;
# their loops check for interrupts all the same.)
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use InteractionTest;

my $node = InteractionTest::node('cancel');

$node->safe_psql('postgres', q{
	CREATE AGGREGATE funnel_state(interval, text, timestamptz, VARIADIC "any")
		(SFUNC = window_funnel_trans, STYPE = funnel_events);
	CREATE AGGREGATE sequence_state(text, timestamptz, VARIADIC boolean[])
		(SFUNC = funnel_events_trans, STYPE = funnel_events);
	CREATE TABLE heavy AS SELECT
		(SELECT funnel_state('1 hour', 'strict_increase, strict_once', '2026-01-01'::timestamptz, true, true, true)
		   FROM generate_series(1, 100000) g) AS once_at_one_instant,
		(SELECT sequence_state(repeat('.', 100000), '2026-01-01'::timestamptz + g * interval '1 s', true)
		   FROM generate_series(1, 100000) g) AS long_pattern;
});

sub cancelled_within
{
	my ($sql, $name) = @_;
	my $start = time;
	my ($rc, $out, $err) = $node->psql('postgres', "SET statement_timeout = '1s'; $sql");
	my $elapsed = time - $start;
	like($err, qr/canceling statement due to statement timeout/, "$name: cancelled");
	cmp_ok($elapsed, '<', 5, "$name: within 5 s of a 1 s timeout")
	  or diag(sprintf('%s took %.1f s', $name, $elapsed));
}

cancelled_within('SELECT sequence_match_final(long_pattern) FROM heavy',
	'sequence_match, 100,000 events x 100,000 pattern states');
cancelled_within(q{SELECT window_funnel_final(once_at_one_instant) FROM heavy},
	'window_funnel strict_increase, strict_once, 100,000 events at one instant');
cancelled_within(q{SELECT sequence_match(repeat('.', 100000), '2026-01-01'::timestamptz + g * interval '1 s', true)
	FROM generate_series(1, 100000) g}, 'sequence_match as an aggregate');

done_testing();
