# test/t/020_stage_rules.pl: user stage rules (interaction_stage_rules) across
# sessions, through pg_dump and restore, and on a hot standby.
#
# A rule changed in one session is used by another, already connected session at its
# next statement (each backend caches the compiled rules and drops them on the
# table's relcache invalidation); pg_dump keeps the rules (a configuration table).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More tests => 29;
use InteractionTest;

my $node = InteractionTest::node('stage_rules');

$node->safe_psql('postgres', q{
	CREATE TABLE touch (touchpoint text);
	INSERT INTO touch VALUES ('adventure park visit');
});

my $a = $node->background_psql('postgres');
my $b = $node->background_psql('postgres');

# both sessions have compiled the built-in vocabulary
is($a->query_safe(q{SELECT coalesce(classify_stage('adventure')::text, 'none')}), 'none', 'A: no rule yet');
is($b->query_safe(q{SELECT coalesce(classify_stage('adventure')::text, 'none')}), 'none', 'B: no rule yet');

# a committed insert in A is seen by B's next statement
$a->query_safe(q{INSERT INTO interaction_stage_rules VALUES ('Adventure', 'advocacy')});
is($b->query_safe(q{SELECT classify_stage('adventure')}), 'advocacy', 'B sees a rule inserted by A');

# an uncommitted change is not seen by B; rolled back, it never is
$a->query_safe(q{BEGIN});
$a->query_safe(q{UPDATE interaction_stage_rules SET stage = 'retention'});
is($a->query_safe(q{SELECT classify_stage('adventure')}), 'retention', 'A sees its own uncommitted change');
is($b->query_safe(q{SELECT classify_stage('adventure')}), 'advocacy', 'B does not see an uncommitted change');
$a->query_safe(q{ROLLBACK});
is($a->query_safe(q{SELECT classify_stage('adventure')}), 'advocacy', 'A: rolled back');
is($b->query_safe(q{SELECT classify_stage('adventure')}), 'advocacy', 'B: rolled back change never seen');

# B inside a transaction block that already holds its locks: still the next statement
$b->query_safe(q{BEGIN});
is($b->query_safe(q{SELECT classify_stage(touchpoint) FROM touch}), 'advocacy', 'B in a transaction: before');
$a->query_safe(q{UPDATE interaction_stage_rules SET stage = 'consideration' WHERE phrase = 'Adventure'});
is($b->query_safe(q{SELECT classify_stage(touchpoint) FROM touch}), 'consideration',
	'B in a transaction sees the update at its next statement');
$b->query_safe(q{COMMIT});
# ... and with no table at all in its statements
$b->query_safe(q{BEGIN});
is($b->query_safe(q{SELECT classify_stage('adventure')}), 'consideration', 'B in a transaction, no table: before');
$a->query_safe(q{UPDATE interaction_stage_rules SET stage = 'acquisition' WHERE phrase = 'Adventure'});
is($b->query_safe(q{SELECT classify_stage('adventure')}), 'acquisition',
	'B in a transaction, no table: sees the update at its next statement');
$b->query_safe(q{COMMIT});

# delete and truncate
$a->query_safe(q{DELETE FROM interaction_stage_rules});
is($b->query_safe(q{SELECT coalesce(classify_stage('adventure')::text, 'none')}), 'none', 'B sees the delete');
$a->query_safe(q{INSERT INTO interaction_stage_rules VALUES ('park', 'retention')});
is($b->query_safe(q{SELECT classify_stage('adventure park')}), 'retention', 'B sees a second insert');
$a->query_safe(q{TRUNCATE interaction_stage_rules});
is($b->query_safe(q{SELECT coalesce(classify_stage('adventure park')::text, 'none')}), 'none', 'B sees the truncate');

# a prepared statement in B keeps up too
$b->query_safe(q{PREPARE c(text) AS SELECT coalesce(classify_stage($1)::text, 'none')});
is($b->query_safe(q{EXECUTE c('adventure')}), 'none', 'prepared: before');
$a->query_safe(q{INSERT INTO interaction_stage_rules VALUES ('adventure', 'awareness')});
is($b->query_safe(q{EXECUTE c('adventure')}), 'awareness', 'prepared: after');

$a->quit;
$b->quit;

# ---- pg_dump keeps the user rules ------------------------------------------------
$node->safe_psql('postgres', q{
	TRUNCATE interaction_stage_rules;
	INSERT INTO interaction_stage_rules VALUES
		('Adventure Park', 'advocacy'), ('pricing-page', 'acquisition'), ('Q&A', 'retention');
});
my $rules = q{SELECT string_agg(phrase || '=' || stage, ', ' ORDER BY phrase COLLATE "C") FROM interaction_stage_rules};
my $check = q{SELECT string_agg(coalesce(classify_stage(t)::text, 'none'), ', ' ORDER BY i)
	FROM unnest(ARRAY['adventure park', 'Pricing page', 'q & a', 'demo']) WITH ORDINALITY AS u(t, i)};
my $want_rules = $node->safe_psql('postgres', $rules);
my $want_check = $node->safe_psql('postgres', $check);
is($want_rules, 'Adventure Park=advocacy, Q&A=retention, pricing-page=acquisition', 'rules before dump');
is($want_check, 'advocacy, acquisition, retention, consideration', 'classification before dump');

my $tmp = PostgreSQL::Test::Utils::tempdir;
my $pg_dump = $node->installed_command('pg_dump');
$node->command_ok([ $pg_dump, '-d', 'postgres', '-f', "$tmp/plain.sql" ], 'pg_dump, plain format');
$node->command_ok([ $pg_dump, '-d', 'postgres', '-Fc', '-f', "$tmp/custom.dump" ], 'pg_dump, custom format');

$node->safe_psql('postgres', 'CREATE DATABASE restored_plain');
$node->command_ok([ $node->installed_command('psql'), '-X', '-q', '-v', 'ON_ERROR_STOP=1',
	'-d', 'restored_plain', '-f', "$tmp/plain.sql" ], 'restore the plain dump with psql');
is($node->safe_psql('restored_plain', $rules), $want_rules, 'plain dump: rules restored');
is($node->safe_psql('restored_plain', $check), $want_check, 'plain dump: rules used after restore');

$node->safe_psql('postgres', 'CREATE DATABASE restored_custom');
$node->command_ok([ $node->installed_command('pg_restore'), '-d', 'restored_custom', '--exit-on-error',
	"$tmp/custom.dump" ], 'pg_restore the custom dump');
is($node->safe_psql('restored_custom', $rules), $want_rules, 'custom dump: rules restored');
is($node->safe_psql('restored_custom', $check), $want_check, 'custom dump: rules used after restore');

# ---- a hot standby follows the invalidations replayed from the primary's WAL --------
my $primary = InteractionTest::node('stage_primary', allows_streaming => 1);
$primary->backup('base');
my $standby = PostgreSQL::Test::Cluster->new('stage_standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
$standby->start;
my $s = $standby->background_psql('postgres');
is($s->query_safe(q{SELECT coalesce(classify_stage('adventure')::text, 'none')}), 'none', 'standby: no rule yet');
$primary->safe_psql('postgres', q{INSERT INTO interaction_stage_rules VALUES ('adventure', 'advocacy')});
$primary->wait_for_catchup($standby);
is($s->query_safe(q{SELECT classify_stage('adventure')}), 'advocacy',
	'an open standby session sees a rule inserted on the primary');
$primary->safe_psql('postgres', q{UPDATE interaction_stage_rules SET stage = 'retention'});
$primary->wait_for_catchup($standby);
is($s->query_safe(q{SELECT classify_stage('adventure')}), 'retention', 'standby: and its update');
$s->quit;

