# test/InteractionTest.pm: what every TAP test of the extension shares.
#
#   use InteractionTest;
#   my $node = InteractionTest::node('primary');   # started, with the extension created
#
# 'make test' installs the extension into a staging directory and says where in
# INTERACTION_DESTDIR and INTERACTION_LIBPATH; the node is pointed there through
# Debian's extension_destdir (on 18, where it is gone, through core's
# extension_control_path: test/run sets INTERACTION_CONTROL_SHAREDIR), so nothing
# needs to be installed system-wide.
package InteractionTest;

use strict;
use warnings;
use PostgreSQL::Test::Cluster;

sub node
{
	my ($name, %opts) = @_;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init(%opts);
	if ($ENV{INTERACTION_DESTDIR})
	{
		my $ext = $ENV{INTERACTION_CONTROL_SHAREDIR}
		  ? "extension_control_path = '$ENV{INTERACTION_DESTDIR}$ENV{INTERACTION_CONTROL_SHAREDIR}:\$system'"
		  : "extension_destdir = '$ENV{INTERACTION_DESTDIR}'";
		$node->append_conf('postgresql.conf',
			"$ext\n"
			  . "dynamic_library_path = '$ENV{INTERACTION_LIBPATH}'\n");
	}
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION interaction')
	  unless $opts{no_extension};
	return $node;
}

# The extension's own base types, by name.
sub extension_types
{
	my ($node, $db) = @_;
	return split /\n/, $node->safe_psql($db // 'postgres', q{
		SELECT t.typname FROM pg_type t
		JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'interaction'
		WHERE t.typtype = 'b' AND t.typcategory <> 'A' ORDER BY 1});
}

# Valid literals of each type of ours (type name => [literals]), for tests that
# need values of every type (fuzzing, dump and restore).  A type missing here
# makes those tests fail, on purpose; the taxonomy types need no entry: their
# literals are their labels, spelled as users do (taxonomy_literals).
my %literals = (
	skillset => [ 'billing:4, spanish:3', '', 'a:1', 'tech_support:10, french:2, billing:7' ],
	journey => [ '[]', '[2026-05-01 09:00:00+00 awareness/social]',
		'[2026-05-01 09:00:00+00 awareness/social, 2026-05-01 09:00:00+00 awareness, 2026-05-03 14:30:00.5+00 acquisition/web, 2026-06-01 00:00:00+00 retention/in_person]',
		'[0044-03-15 12:00:00+00 BC consideration/other, 294276-12-31 23:59:59.999999+00 advocacy]' ],
	business_hours => [ 'mon-fri 09:00-17:30; sat 10:00-14:00; tz Europe/Berlin; closed 2026-12-24, 2026-12-25',
		'24/7', '', 'sun,mon 09:00-12:00, 13:00-24:00; tz America/New_York; open 2026-12-27 10:00-14:00',
		'tz Australia/Lord_Howe; closed 2026-04-05' ],
	sla_clock => [ 'running at 2026-12-22 10:00:00+00; runs [2026-12-21 10:00:00+00, 2026-12-21 12:00:00+00), [2026-12-22 09:30:00+00, ); hours mon-fri 09:00-17:00; tz UTC',
		'stopped at 2026-12-22 10:00:00.5+00; runs [2026-12-21 10:00:00+00, 2026-12-21 12:00:00+00); hours 24/7; tz Europe/Berlin; closed 2026-12-24',
		'paused at 2026-03-29 10:00:00+00; runs none; hours tz Australia/Lord_Howe',
		'stopped at 2011-12-31 10:00:00+00; runs [2011-12-29 22:00:00+00, 2011-12-30 01:00:00+00), [2011-12-30 02:00:00+00, 2011-12-31 10:00:00+00); hours sun,mon 09:00-12:00, 13:00-24:00; tz Pacific/Apia; open 2011-12-30 10:00-14:00' ],
	ticket_changes => [ 'paused {on_hold,pending}; stopped {closed,solved}; changes 2026-12-21 10:00:00+00 run, 2026-12-21 12:00:00+00 pause, 2026-12-22 09:30:00+00 run, 2026-12-22 10:00:00+00 stop; hours mon-fri 09:00-17:00; tz UTC',
		'paused {}; stopped {}; changes none; hours 24/7; tz Europe/Berlin; closed 2026-12-24',
		'paused {"on hold","a,b"}; stopped {done}; changes 2026-03-29 00:30:00.5+00 run, 2026-03-29 00:30:00.5+00 pause, 2026-03-29 01:30:00+00 stop; hours tz Australia/Lord_Howe',
		'paused {pending}; stopped {closed}; changes 2011-12-29 22:00:00+00 run, 2011-12-30 01:00:00+00 stop, 2011-12-30 02:00:00+00 run; hours sun,mon 09:00-12:00, 13:00-24:00; tz Pacific/Apia; open 2011-12-30 10:00-14:00' ],
);

# Literals best made by the server (their text depends on the session).
my %made = (
	survey_summary => q{SELECT survey_agg(s)::text FROM generate_series(0, 10) s
		UNION ALL SELECT survey_agg(s, 0.5)::text FROM generate_series(3, 9) s
		UNION ALL SELECT survey_agg(s)::text FROM generate_series(9, 10) s},
	routing_priority => q{SELECT routing_priority(3, '2026-01-01 10:00+00')::text
		UNION ALL SELECT routing_priority(0, '2026-06-30 23:59:59.5+00', '30 seconds', 2)::text
		UNION ALL SELECT routing_priority_deadline('2026-03-01 12:00+00')::text},
	funnel_events => q{SELECT 'window_funnel 3 1 0 0 ''strict_order'': 2026-01-01 10:00:00+00 1,2; 2026-01-01 11:00:00+00 -'::funnel_events::text
		UNION ALL SELECT 'sequence 2 0 0 0 ''(?1).*(?t<=60)(?2)'': 2026-01-01 10:00:00+00 2; 2026-01-01 09:59:00+00 1'::funnel_events::text
		UNION ALL SELECT 'window_funnel 0 0 0 0 '''''::funnel_events::text},
	path_events => q{SELECT 'forward first_match 2: 2026-01-01 10:00:00+00 b,1 ''product''; 2026-01-01 10:05:00+00 2 ''it''''s basket''; 2026-01-01 09:00:00+00 - '''''::path_events::text
		UNION ALL SELECT 'backward tail 0: infinity b ''x'''::path_events::text
		UNION ALL SELECT 'forward head 64: 0044-03-15 12:00:00+00 BC b,1,64 ''Caesar''; 2026-06-15 12:00:00.5+00 3 ''é'''::path_events::text
		UNION ALL SELECT 'backward last_match 1'::path_events::text},
	duration_sketch => q{SELECT duration_agg(x * interval '1 ms')::text FROM generate_series(0, 5000, 7) x
		UNION ALL SELECT duration_agg(x * interval '1 s', 0.05)::text FROM generate_series(1, 3) x
		UNION ALL SELECT 'accuracy=0.01 samples=0 zeros=0 sum_us=0 min_us=0 max_us=0 buckets='},
	queue_summary => q{SELECT queue_agg(x * interval '1 s', x % 3 <> 0, x * interval '2 s')::text FROM generate_series(0, 40) x
		UNION ALL SELECT queue_agg(interval '3 s', false, NULL, '10 s', '2 s')::text},
);

# Whether a type of ours is a taxonomy type: it has a label list.
sub is_taxonomy
{
	my ($node, $db, $type) = @_;
	return $node->safe_psql($db // 'postgres',
		"SELECT pg_catalog.to_regprocedure('${type}_labels()') IS NOT NULL") eq 't';
}

# Every label of a taxonomy type, each also upper-cased, blank-padded and with
# '-' for '_' (input must read them all).
sub taxonomy_literals
{
	my ($type) = @_;
	return qq{SELECT v FROM unnest(${type}_labels()) WITH ORDINALITY AS l(label, n),
		LATERAL (VALUES (label::text, 1), (upper(label::text), 2),
			(' ' || label::text || ' ', 3), (replace(label::text, '_', '-'), 4)) AS s(v, k)
		ORDER BY n, k};
}

sub sample_literals
{
	my ($node, $db) = @_;
	my %out;
	for my $type (extension_types($node, $db))
	{
		if ($literals{$type}) { $out{$type} = $literals{$type}; }
		elsif (is_taxonomy($node, $db, $type))
		{
			$out{$type} = [ split /\n/, $node->safe_psql($db // 'postgres', taxonomy_literals($type)) ];
		}
		elsif ($made{$type})
		{
			$out{$type} = [ split /\n/, $node->safe_psql($db // 'postgres', $made{$type}) ];
		}
	}
	return %out;
}

1;
