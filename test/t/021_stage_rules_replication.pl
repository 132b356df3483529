# test/t/021_stage_rules_replication.pl: user stage rules that arrive by logical
# replication reach the subscriber's already-connected sessions.
#
# The apply worker fires row triggers only (and statement triggers for TRUNCATE),
# with session_replication_role = replica; the rules table's row trigger is
# ENABLE ALWAYS, so each applied change sends the relcache invalidation that makes
# open sessions rebuild their compiled rules at their next statement.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $pub = InteractionTest::node('rules_pub', allows_streaming => 'logical');
my $sub = InteractionTest::node('rules_sub');

$pub->safe_psql('postgres',
	q{CREATE PUBLICATION rules FOR TABLE interaction_stage_rules, interaction_kind_rules, interaction_urgency_rules,
		interaction_sentiment_rules});
my $connstr = $pub->connstr . ' dbname=postgres';
$sub->safe_psql('postgres',
	qq{CREATE SUBSCRIPTION rules CONNECTION '$connstr' PUBLICATION rules});
$sub->wait_for_subscription_sync($pub, 'rules');

my $s = $sub->background_psql('postgres');
my $q = q{SELECT coalesce(classify_stage('adventure park')::text, 'none')};
is($s->query_safe($q), 'none', 'subscriber session: no rule yet');

# one statement at a time, then check the open session's next statement
my @steps = (
	[ q{INSERT INTO interaction_stage_rules VALUES ('Adventure', 'advocacy')}, 'advocacy', 'insert' ],
	[ q{UPDATE interaction_stage_rules SET stage = 'retention'}, 'retention', 'update' ],
	[ q{INSERT INTO interaction_stage_rules SELECT 'park ' || i, 'awareness' FROM generate_series(1, 100) i;
		INSERT INTO interaction_stage_rules VALUES ('adventure park', 'acquisition')},
	  'acquisition', 'insert of many rows' ],
	[ q{DELETE FROM interaction_stage_rules WHERE phrase = 'adventure park'}, 'retention', 'delete' ],
	[ q{TRUNCATE interaction_stage_rules}, 'none', 'truncate' ],
	[ q{INSERT INTO interaction_stage_rules VALUES ('PARK', 'consideration')}, 'consideration', 'insert after truncate' ],
);
for my $step (@steps)
{
	my ($sql, $want, $name) = @$step;
	$pub->safe_psql('postgres', $sql);
	$pub->wait_for_catchup('rules');
	is($s->query_safe($q), $want, "open subscriber session sees a replicated $name");
}

# inside a transaction block that already used the rules
$s->query_safe('BEGIN');
is($s->query_safe($q), 'consideration', 'subscriber session in a transaction: before');
$pub->safe_psql('postgres', q{UPDATE interaction_stage_rules SET stage = 'awareness'});
$pub->wait_for_catchup('rules');
is($s->query_safe($q), 'awareness', 'subscriber session in a transaction: replicated update at the next statement');
$s->query_safe('COMMIT');

is($sub->safe_psql('postgres', q{SELECT string_agg(phrase || '=' || stage, ',') FROM interaction_stage_rules}),
	'PARK=awareness', 'subscriber table holds the replicated rules');

# kind and urgency rules travel the same way (their triggers are ENABLE ALWAYS too)
my $k = q{SELECT coalesce(classify_kind('zorp, asap')::text, 'none') || '/' || coalesce(classify_urgency('zorp, asap')::text, 'none')};
is($s->query_safe($k), 'none/critical', 'subscriber session: no kind or urgency rule yet');
my @kind_steps = (
	[ q{INSERT INTO interaction_kind_rules VALUES ('zorp', 'complaint')}, 'complaint/critical', 'kind rule insert' ],
	[ q{INSERT INTO interaction_urgency_rules VALUES ('ASAP', 'planned')}, 'complaint/planned', 'urgency rule insert' ],
	[ q{UPDATE interaction_kind_rules SET kind = 'feedback'}, 'feedback/planned', 'kind rule update' ],
	[ q{DELETE FROM interaction_urgency_rules}, 'feedback/critical', 'urgency rule delete' ],
	[ q{TRUNCATE interaction_kind_rules}, 'none/critical', 'kind rules truncate' ],
);
for my $step (@kind_steps)
{
	my ($sql, $want, $name) = @$step;
	$pub->safe_psql('postgres', $sql);
	$pub->wait_for_catchup('rules');
	is($s->query_safe($k), $want, "open subscriber session sees a replicated $name");
}

# sentiment rules too (a valence instead of a label)
my $v = q{SELECT round(sentiment('zorp')::numeric, 3)};
is($s->query_safe($v), '0.000', 'subscriber session: no sentiment rule yet');
my @sentiment_steps = (
	[ q{INSERT INTO interaction_sentiment_rules VALUES ('zorp', 3)}, '0.600', 'sentiment rule insert' ],
	[ q{UPDATE interaction_sentiment_rules SET valence = -4}, '-0.707', 'sentiment rule update' ],
	[ q{DELETE FROM interaction_sentiment_rules}, '0.000', 'sentiment rule delete' ],
	[ q{INSERT INTO interaction_sentiment_rules VALUES ('Zorp', 1)}, '0.243', 'sentiment rule insert again' ],
	[ q{TRUNCATE interaction_sentiment_rules}, '0.000', 'sentiment rules truncate' ],
);
for my $step (@sentiment_steps)
{
	my ($sql, $want, $name) = @$step;
	$pub->safe_psql('postgres', $sql);
	$pub->wait_for_catchup('rules');
	is($s->query_safe($v), $want, "open subscriber session sees a replicated $name");
}
$s->quit;

done_testing();
