# test/t/022_classify_statements.pl: kind and urgency rules across sessions, and one
# answer per statement for every classifier.
#
# A rule committed by another session is used from the next statement on: never in
# the middle of a statement (the classifiers are STABLE), but already in the next
# statement of the same query string (statement_timestamp() is shared by those, so it
# cannot tell them apart).  Another session is held at a known point of its statement
# with an advisory lock, so the timing is deterministic.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use InteractionTest;

my $node = InteractionTest::node('classify_statements');

$node->safe_psql('postgres', q{
	CREATE TABLE touch_1 (); CREATE TABLE touch_2 (); CREATE TABLE touch_3 (); CREATE TABLE touch_4 ();
	CREATE TABLE touch_log (i int);
	-- row i = 2 waits for advisory lock 4242; with_table: then write a row (the
	-- command id moves on) and read a table not yet locked by the statement, which
	-- takes in pending invalidations
	CREATE FUNCTION touch(i int, with_table bool) RETURNS int LANGUAGE plpgsql AS $$
	BEGIN
		IF i = 2 THEN
			PERFORM pg_advisory_lock_shared(4242);
			PERFORM pg_advisory_unlock_shared(4242);
		END IF;
		IF with_table THEN
			INSERT INTO touch_log VALUES (i);
			EXECUTE format('SELECT count(*) FROM touch_%s', i);
		END IF;
		RETURN i;
	END $$;
});

my $a = $node->background_psql('postgres');
my $b = $node->background_psql('postgres');

# ---- kind and urgency rules reach another open session at its next statement ------
is($b->query_safe(q{SELECT coalesce(classify_kind('zorp order')::text, 'none') || '/' || coalesce(classify_urgency('zorp order')::text, 'none')}),
	'none/none', 'B: no rules yet');
my $q = q{SELECT coalesce(classify_kind('zorp order')::text, 'none') || '/' || coalesce(classify_urgency('zorp order')::text, 'none')};
$a->query_safe(q{INSERT INTO interaction_kind_rules VALUES ('zorp', 'complaint')});
is($b->query_safe($q), 'complaint/none', 'B sees a kind rule committed by A');
$a->query_safe(q{INSERT INTO interaction_urgency_rules VALUES ('Zorp Order', 'critical')});
is($b->query_safe($q), 'complaint/critical', 'B sees an urgency rule committed by A');
$a->query_safe(q{BEGIN});
$a->query_safe(q{UPDATE interaction_kind_rules SET kind = 'feedback'});
is($a->query_safe($q), 'feedback/critical', 'A sees its own uncommitted change');
is($b->query_safe($q), 'complaint/critical', 'B does not see it');
$a->query_safe(q{COMMIT});
$b->query_safe(q{BEGIN});
is($b->query_safe($q), 'feedback/critical', 'B in a transaction block: after the commit');
$a->query_safe(q{TRUNCATE interaction_urgency_rules});
is($b->query_safe($q), 'feedback/none', 'B in a transaction block sees a truncate at its next statement');
$b->query_safe(q{COMMIT});
$a->query_safe(q{TRUNCATE interaction_kind_rules});
is($b->query_safe($q), 'none/none', 'B: rules gone');

# ---- one answer per statement -------------------------------------------------------
# every classifier: function, rules table, the answer a rule gives (and the rule's
# value, and the answer without a rule, where they are not the label and NULL)
my @classifiers = ([ 'classify_kind', 'interaction_kind_rules', 'complaint' ],
	[ 'classify_urgency', 'interaction_urgency_rules', 'critical' ],
	[ 'classify_stage', 'interaction_stage_rules', 'advocacy' ],
	[ 'sentiment_label', 'interaction_sentiment_rules', 'positive', '3', 'neutral' ]);

# B runs one statement over four rows; row 2 waits until a rule has been committed,
# and then locks a new table (so B's backend has taken in the invalidation).
sub held_statement
{
	my ($fn, $label, $sql, $insert, $undo) = @_;
	$a->query_safe(q{SELECT pg_advisory_lock(4242)});
	$b->query_until(qr/started/, "\\echo started\n$sql\n");
	$node->poll_query_until('postgres',
		q{SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted})
	  or die "B never waited for the advisory lock";
	$node->safe_psql('postgres', $insert);
	$a->query_safe(q{SELECT pg_advisory_unlock(4242)});
	my $out = $b->query_safe(qq{SELECT 'next: ' || coalesce($fn('zorp')::text, 'none')});
	$node->safe_psql('postgres', $undo);
	return $out;
}

for my $c (@classifiers)
{
	my ($fn, $table, $label, $value, $none) = @$c;
	$value //= "'$label'";
	$none //= 'none';
	my $out = held_statement($fn, $label,
		qq{SELECT string_agg(touch(i, true) || ':' || coalesce($fn('zorp')::text, 'none'), ',' ORDER BY i) FROM generate_series(1, 4) i;},
		qq{INSERT INTO $table VALUES ('zorp', $value)}, qq{DELETE FROM $table});
	is($out, "1:$none,2:$none,3:$none,4:$none\nnext: $label",
		"$fn: a rule committed mid-statement is not seen by that statement, but by the next");

	# the same, with the rows fetched through a prepared statement
	$b->query_safe(qq{PREPARE held AS SELECT string_agg(touch(i, true) || ':' || coalesce($fn('zorp')::text, 'none'), ',' ORDER BY i) FROM generate_series(1, 4) i});
	$out = held_statement($fn, $label, q{EXECUTE held;},
		qq{INSERT INTO $table VALUES ('zorp', $value)}, qq{DELETE FROM $table});
	is($out, "1:$none,2:$none,3:$none,4:$none\nnext: $label", "$fn: the same through EXECUTE");
	$b->query_safe(q{DEALLOCATE held});

	# two statements in one query string: the second one sees the rule
	$out = held_statement($fn, $label,
		qq{SELECT coalesce($fn('zorp')::text, 'none') || ':' || touch(2, false) AS first \\; SELECT coalesce($fn('zorp')::text, 'none') AS second;},
		qq{INSERT INTO $table VALUES ('zorp', $value)}, qq{DELETE FROM $table});
	is($out, "$none:2\n$label\nnext: $label",
		"$fn: the next statement of the same query string sees the rule");
}

# a transaction block: the statement after the commit sees the rule, the held one not
$b->query_safe('BEGIN ISOLATION LEVEL REPEATABLE READ');
my $out = held_statement('classify_kind', 'complaint',
	q{SELECT string_agg(touch(i, true) || ':' || coalesce(classify_kind('zorp')::text, 'none'), ',' ORDER BY i) FROM generate_series(1, 4) i;},
	q{INSERT INTO interaction_kind_rules VALUES ('zorp', 'complaint')}, q{SELECT 1});
is($out, "1:none,2:none,3:none,4:none\nnext: complaint",
	'in a repeatable-read transaction block: not mid-statement, but at the next statement');
$b->query_safe('COMMIT');

# ---- a cursor is one statement across its FETCHes ---------------------------------
# A rule committed between two FETCHes is not seen by the cursor (it is, by the
# statements around it); so neither when a statement in between rebuilds the rules.
$a->query_safe('TRUNCATE interaction_kind_rules, interaction_urgency_rules, interaction_stage_rules, interaction_sentiment_rules');
for my $c (@classifiers)
{
	my ($fn, $table, $label, $value, $none) = @$c;
	$value //= "'$label'";
	$none //= 'none';
	$b->query_safe('BEGIN');
	$b->query_safe(qq{DECLARE cur CURSOR FOR SELECT i, coalesce($fn('zorp')::text, 'none') AS got FROM generate_series(1, 4) i});
	my @got = ($b->query_safe('FETCH 1 FROM cur'));
	$a->query_safe(qq{INSERT INTO $table VALUES ('zorp', $value)});
	push @got, $b->query_safe('FETCH 1 FROM cur');
	my $between = $b->query_safe(qq{SELECT coalesce($fn('zorp')::text, 'none')});
	push @got, $b->query_safe('FETCH 2 FROM cur');
	$b->query_safe('CLOSE cur');
	my $after = $b->query_safe(qq{SELECT coalesce($fn('zorp')::text, 'none')});
	$b->query_safe('COMMIT');
	$a->query_safe(qq{DELETE FROM $table});
	is(join(',', @got), "1|$none,2|$none,3|$none
4|$none",
		"$fn: a cursor keeps one answer across FETCHes while a rule is committed between them");
	is("$between/$after", "$label/$label", "$fn: the statements between and after the FETCHes see the rule");
}

$a->quit;
$b->quit;

# ---- pg_dump keeps kind and urgency rules ------------------------------------------
$node->safe_psql('postgres', q{
	TRUNCATE interaction_kind_rules, interaction_urgency_rules;
	INSERT INTO interaction_kind_rules VALUES ('Where is my parcel', 'complaint'), ('kudos', 'feedback');
	INSERT INTO interaction_urgency_rules VALUES ('down payment', 'planned');
});
my $rules = q{SELECT (SELECT string_agg(phrase || '=' || kind, ', ' ORDER BY phrase COLLATE "C") FROM interaction_kind_rules)
	|| ' | ' || (SELECT string_agg(phrase || '=' || urgency, ', ' ORDER BY phrase COLLATE "C") FROM interaction_urgency_rules)};
my $check = q{SELECT string_agg(coalesce(classify_kind(t)::text, '-') || '/' || coalesce(classify_urgency(t)::text, '-'), ', ' ORDER BY i)
	FROM unnest(ARRAY['where is my parcel?', 'Kudos!', 'down payment', 'site down']) WITH ORDINALITY AS u(t, i)};
my $want_rules = $node->safe_psql('postgres', $rules);
my $want_check = $node->safe_psql('postgres', $check);
is($want_rules, 'Where is my parcel=complaint, kudos=feedback | down payment=planned', 'rules before dump');
is($want_check, 'complaint/-, feedback/-, -/planned, -/critical', 'classification before dump');
my $tmp = PostgreSQL::Test::Utils::tempdir;
$node->command_ok([ $node->installed_command('pg_dump'), '-d', 'postgres', '-Fc', '-f', "$tmp/rules.dump" ],
	'pg_dump');
$node->safe_psql('postgres', 'CREATE DATABASE restored');
$node->command_ok([ $node->installed_command('pg_restore'), '-d', 'restored', '--exit-on-error', "$tmp/rules.dump" ],
	'pg_restore');
is($node->safe_psql('restored', $rules), $want_rules, 'kind and urgency rules restored');
is($node->safe_psql('restored', $check), $want_check, 'and used after restore');

done_testing();
