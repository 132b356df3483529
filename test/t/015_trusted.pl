# test/t/015_trusted.pl: the extension is trusted (interaction.control): a role
# that is not a superuser but owns a database creates it there and uses all of
# it, stage rules included; another role reads the rules but cannot change
# them; and the C lookups of the rule table are not fooled by a table of the
# same name earlier on the search_path.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More tests => 16;
use InteractionTest;

my $node = InteractionTest::node('trusted', no_extension => 1);

$node->safe_psql('postgres', q{
	CREATE ROLE db_owner LOGIN;
	CREATE ROLE reader LOGIN;
	CREATE DATABASE owned OWNER db_owner;
});

# every statement below runs as the database owner (or as reader)
sub as
{
	my ($role, $sql) = @_;
	return $node->safe_psql('owned', $sql, extra_params => [ '-U', $role ]);
}

sub fails_as
{
	my ($role, $sql) = @_;
	my ($ret, $stdout, $stderr) =
	  $node->psql('owned', $sql, extra_params => [ '-U', $role, '-v', 'VERBOSITY=verbose' ]);
	return $ret == 0 ? 'no error' : $stderr;
}

is(as('db_owner', q{SELECT rolsuper FROM pg_roles WHERE rolname = current_user}), 'f',
	'db_owner is not a superuser');
as('db_owner', q{CREATE EXTENSION interaction});
is(as('db_owner', q{SELECT extowner::regrole FROM pg_extension WHERE extname = 'interaction'}),
	'db_owner', 'a database owner created the extension and owns it');
is(as('db_owner', q{SELECT count(*) FROM pg_proc WHERE prosecdef AND pronamespace = 'public'::regnamespace}),
	'0', 'no SECURITY DEFINER function');

# use every part of it
is(as('db_owner', q{SELECT nps(s)::int, csat(c), responses(survey_agg(s)) FROM
	(VALUES (9, 5), (10, 4), (3, 1)) v(s, c)}), '33|66.66666666666667|3', 'survey');
is(as('db_owner', q{SELECT string_agg(f::text, ',' ORDER BY at) FROM (SELECT at, fcr(at, '7 days') OVER w AS f
	FROM (VALUES (timestamptz '2026-01-01'), ('2026-01-03'), ('2026-02-01')) v(at) WINDOW w AS (ORDER BY at)) s}),
	'false,true,true', 'fcr');
as('db_owner', q{
	CREATE TABLE queue (id int, p routing_priority, skills skillset);
	INSERT INTO queue VALUES
		(1, routing_priority(0, '2026-01-01 10:00+00', '1 minute', 1), 'billing:4'),
		(2, routing_priority(5, '2026-01-01 10:00+00', '1 minute', 1), 'billing:2, spanish:3');
	CREATE INDEX ON queue (p);
	CREATE INDEX ON queue USING gin (skills);
});
is(as('db_owner', q{SELECT id FROM queue ORDER BY p DESC LIMIT 1}), '2', 'routing');
is(as('db_owner', q{SELECT string_agg(id::text, ',' ORDER BY id) FROM queue WHERE skills @> 'billing:2'}),
	'1,2', 'skills');
is(as('db_owner', q{SELECT classify_stage('pricing page'), 'chat'::interaction_channel}),
	'consideration|chat', 'classify and the taxonomy types');

# the stage rules: the database owner edits them; any role reads them
as('db_owner', q{INSERT INTO interaction_stage_rules VALUES ('Adventure Park', 'advocacy')});
is(as('db_owner', q{SELECT classify_stage('adventure park visit')}), 'advocacy', 'rule inserted');
as('db_owner', q{UPDATE interaction_stage_rules SET stage = 'retention'});
is(as('reader', q{SELECT classify_stage('adventure park visit')}), 'retention', 'rule updated, seen by reader');
like(fails_as('reader', q{INSERT INTO interaction_stage_rules VALUES ('x', 'advocacy')}),
	qr/42501/, 'reader cannot add a rule');
as('db_owner', q{DELETE FROM interaction_stage_rules});
as('db_owner', q{INSERT INTO interaction_stage_rules VALUES ('park', 'awareness')});
as('db_owner', q{TRUNCATE interaction_stage_rules});
is(as('db_owner', q{SELECT coalesce(classify_stage('park')::text, 'none')}), 'none', 'rules deleted and truncated');

# installed in a schema of its own, the rule table is found there, not through
# the search_path (a table of the same name in public is not read)
as('db_owner', q{DROP EXTENSION interaction CASCADE});
is(as('db_owner', q{SELECT count(*) FROM pg_extension WHERE extname = 'interaction'}), '0', 'dropped');
as('db_owner', q{
	CREATE SCHEMA ix;
	CREATE EXTENSION interaction SCHEMA ix;
	INSERT INTO ix.interaction_stage_rules VALUES ('lighthouse', 'advocacy');
	CREATE TABLE public.interaction_stage_rules (phrase text, stage text);
	INSERT INTO public.interaction_stage_rules VALUES ('lighthouse', 'awareness');
});
is(as('db_owner', q{SET search_path = public; SELECT ix.classify_stage('lighthouse')}), 'advocacy',
	'the rules of the extension schema');

# 1.0, installed by the same owner and updated, ends with the same rights
as('db_owner', q{DROP EXTENSION interaction CASCADE; DROP TABLE public.interaction_stage_rules});
as('db_owner', q{CREATE EXTENSION interaction VERSION '1.0'});
as('db_owner', q{ALTER EXTENSION interaction UPDATE});
as('db_owner', q{INSERT INTO interaction_stage_rules VALUES ('Adventure Park', 'advocacy')});
is(as('db_owner', q{SELECT classify_stage('adventure park'), extversion FROM pg_extension
	WHERE extname = 'interaction'}), 'advocacy|1.2', 'updated from 1.0: the owner adds rules');
as('db_owner', q{DROP EXTENSION interaction CASCADE});
is(as('db_owner', q{SELECT count(*) FROM pg_extension WHERE extname = 'interaction'}), '0',
	'the database owner drops it');

$node->stop;
