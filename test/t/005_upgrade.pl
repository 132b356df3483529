# test/t/005_upgrade.pl: every released version upgrades to the newest.
#
# For each version older than default_version, as a DBA's package upgrade does it:
# with the library of that release (rebuilt from its commit, test/releases) install
# it, store values of every type it has (and a user stage rule), then put today's
# library in its place, walk ALTER EXTENSION interaction UPDATE to the newest, and
# check that
#   - the catalog of the upgraded extension equals that of a fresh install of the
#     newest version: its objects, function attributes and bodies, types,
#     operators, operator classes, aggregates, casts, tables, grants and comments
#     (the test names every difference);
#   - the values the old library stored read back unchanged through today's
#     library, in text and in binary, and their btree indexes are still valid
#     (amcheck: same order, every row found);
#   - every type of the version (from its catalog) had values to store.
# The old sources come from the git checkout (INTERACTION_SOURCE_TOP when 'make
# test' runs on a copy of the tree); without one, or without a staged install to
# swap libraries in, the values are written by today's library and that is
# reported as a skip.  On 16 and later a release that predates them (1.0, 1.1:
# built for 15 only) cannot be built; its values are written by today's library,
# since on those majors they only arrive through pg_upgrade or a dump from 15.
# Each version is walked twice: installed in public, and in a schema of its own
# (the extension is relocatable; an upgrade script that names public would
# leave objects behind there, and the catalogs would differ).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use File::Temp qw(tempdir);
use File::Copy qw(copy);
use InteractionTest;

# The versions are read from the tree: default_version in the control file, and
# an install script sql/interaction--V.sql for every version (the server's
# pg_available_extension_versions does not look into extension_destdir).
my $top = $ENV{TESTDIR} // '.';
my ($newest) = slurp_file("$top/interaction.control") =~ /^default_version\s*=\s*'([^']+)'/m;
my @older = sort { cmp_versions($a, $b) } grep { $_ ne $newest }
  map { m{/interaction--([0-9.]+)\.sql$} ? $1 : () } glob("$top/sql/interaction--*.sql");
sub cmp_versions
{
	my @a = split /\./, shift;
	my @b = split /\./, shift;
	return ($a[0] <=> $b[0]) || ($a[1] <=> $b[1]);
}
plan tests => 1 + 23 * @older;
ok(@older >= 1, "released versions older than $newest: @older");

# A private copy of the staged install, whose library is swapped: the old release's
# while it stores values, today's for the update (replaced by rename, as a package
# manager does).
my $pg_config = $ENV{PG_CONFIG} // 'pg_config';
my $pkglibdir = `$pg_config --pkglibdir`;
chomp $pkglibdir;
my ($server_major) = `$pg_config --version` =~ /PostgreSQL (\d+)/
  or BAIL_OUT("cannot read the major of $pg_config");
my ($private, $library, $today);
if ($ENV{INTERACTION_DESTDIR})
{
	$private = tempdir(CLEANUP => 1);
	system("cp -a '$ENV{INTERACTION_DESTDIR}/.' '$private/'") == 0 or BAIL_OUT('cannot copy the staged install');
	$library = "$private$pkglibdir/interaction.so";
	$today = "$private/today-interaction.so";
	copy($library, $today) or BAIL_OUT("cannot keep today's library: $!");
}
sub put_library
{
	my ($so) = @_;
	return unless $library;
	copy($so, "$library.new") && rename("$library.new", $library) or BAIL_OUT("cannot install $so: $!");
}

# The library of a release, built from its commit.
my %release_commit;
for (split /\n/, slurp_file("$top/test/releases"))
{
	$release_commit{$1} = $2 if /^([0-9.]+)\s+([0-9a-f]{7,40})\s*$/;
}
my $src = $ENV{INTERACTION_SOURCE_TOP} // $top;
sub release_library
{
	my ($version) = @_;
	my $commit = $release_commit{$version}
	  or return (undef, "no commit recorded for $version in test/releases");
	return (undef, 'no staged install (INTERACTION_DESTDIR) to swap libraries in') unless $library;
	# the checkout belongs to another user when 'make test' runs as root
	local $ENV{GIT_CONFIG_PARAMETERS} = "'safe.directory=*'";
	return (undef, "no git checkout at $src") unless system("git -C '$src' rev-parse --verify -q '$commit^{commit}' >/dev/null 2>&1") == 0;
	my $dir = tempdir(CLEANUP => 1);
	system("git -C '$src' archive '$commit' | tar -x -C '$dir'") == 0
	  or return (undef, "git archive $commit failed");
	return ("$dir/interaction.so", undef)
	  if system("make -s -C '$dir' PG_CONFIG='$pg_config' interaction.so > '$dir/build.log' 2>&1") == 0
	  && -f "$dir/interaction.so";
	# A release made before the extension built on 16 and later (its sources have
	# no src/compat.h) never ran on this major: its values reach this major through
	# pg_upgrade or a dump from 15 (test/t/031_dump_across_majors.pl), and here they
	# are written by today's library.
	return (undef, undef, "$version was released for PostgreSQL 15 only (no src/compat.h at $commit)")
	  if $server_major >= 16 && system("git -C '$src' cat-file -e '$commit:src/compat.h' 2>/dev/null") != 0;
	return (undef, "building $commit failed:\n" . slurp_file("$dir/build.log"));
}

local $ENV{INTERACTION_DESTDIR} = $private if $private;
my $node = InteractionTest::node('upgrade', no_extension => 1);

# One line per fact of the extension's catalog; two installs are equal when
# their sets of lines are.  Objects are named by identity, never by OID.
my $catalog_sql = q{
WITH members AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'interaction'
)
SELECT 'member: ' || pg_describe_object(classid, objid, objsubid)
	|| coalesce(' -- ' || obj_description(objid, classid::regclass::name), '')
FROM members
UNION ALL
SELECT format('function %s: kind=%s volatile=%s strict=%s parallel=%s secdef=%s leakproof=%s '
              'cost=%s rows=%s retset=%s returns %s; args %s; config %s; acl %s; body %s %s; support %s',
	p.oid::regprocedure, p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
	p.proleakproof, p.procost, p.prorows, p.proretset, pg_get_function_result(p.oid),
	pg_get_function_arguments(p.oid), p.proconfig, p.proacl, p.prosrc,
	regexp_replace(coalesce(p.probin, ''), '^.*/', ''), p.prosupport)
FROM pg_proc p JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
UNION ALL
SELECT format('type %s: len=%s byval=%s type=%s category=%s preferred=%s delim=%s in=%s out=%s '
              'recv=%s send=%s typmod=%s/%s analyze=%s align=%s storage=%s notnull=%s '
              'elem=%s default=%s collation=%s subscript=%s acl %s',
	t.oid::regtype, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred, t.typdelim,
	t.typinput::regprocedure, t.typoutput::regprocedure, t.typreceive, t.typsend, t.typmodin,
	t.typmodout, t.typanalyze, t.typalign, t.typstorage, t.typnotnull, t.typelem::regtype,
	t.typdefault, t.typcollation, t.typsubscript, t.typacl)
FROM pg_type t JOIN members m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
UNION ALL
SELECT format('operator %s: code=%s commutator=%s negator=%s restrict=%s join=%s merges=%s hashes=%s',
	o.oid::regoperator, o.oprcode::regprocedure, nullif(o.oprcom, 0)::regoperator,
	nullif(o.oprnegate, 0)::regoperator, o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
FROM pg_operator o JOIN members m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
UNION ALL
SELECT format('opclass %s/%s: family=%s type=%s default=%s storage=%s',
	opc.opcname, am.amname, opf.opfname, opc.opcintype::regtype, opc.opcdefault,
	nullif(opc.opckeytype, 0)::regtype)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_opfamily opf ON opf.oid = opc.opcfamily
JOIN members m ON m.classid = 'pg_opclass'::regclass AND m.objid = opc.oid
UNION ALL
SELECT format('opfamily %s/%s: operator %s %s (%s, %s) purpose=%s sortfamily=%s',
	opf.opfname, am.amname, ao.amopstrategy, ao.amopopr::regoperator, ao.amoplefttype::regtype,
	ao.amoprighttype::regtype, ao.amoppurpose, ao.amopsortfamily)
FROM pg_amop ao JOIN pg_opfamily opf ON opf.oid = ao.amopfamily JOIN pg_am am ON am.oid = opf.opfmethod
JOIN members m ON m.classid = 'pg_opfamily'::regclass AND m.objid = opf.oid
UNION ALL
SELECT format('opfamily %s/%s: function %s %s (%s, %s)',
	opf.opfname, am.amname, ap.amprocnum, ap.amproc::regprocedure, ap.amproclefttype::regtype,
	ap.amprocrighttype::regtype)
FROM pg_amproc ap JOIN pg_opfamily opf ON opf.oid = ap.amprocfamily JOIN pg_am am ON am.oid = opf.opfmethod
JOIN members m ON m.classid = 'pg_opfamily'::regclass AND m.objid = opf.oid
UNION ALL
SELECT format('aggregate %s: kind=%s direct=%s trans=%s final=%s combine=%s serial=%s deserial=%s '
              'mtrans=%s minv=%s mfinal=%s extra=%s/%s modify=%s/%s sortop=%s stype=%s space=%s '
              'mstype=%s mspace=%s init=%s minit=%s',
	a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn,
	a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
	a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
	nullif(a.aggsortop, 0)::regoperator, a.aggtranstype::regtype, a.aggtransspace,
	nullif(a.aggmtranstype, 0)::regtype, a.aggmtransspace, a.agginitval, a.aggminitval)
FROM pg_aggregate a JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = a.aggfnoid
UNION ALL
SELECT format('cast %s -> %s: func=%s context=%s method=%s', c.castsource::regtype,
	c.casttarget::regtype, nullif(c.castfunc, 0)::regprocedure, c.castcontext, c.castmethod)
FROM pg_cast c JOIN members m ON m.classid = 'pg_cast'::regclass AND m.objid = c.oid
UNION ALL
SELECT format('table %s: kind=%s acl=%s rls=%s/%s column %s %s notnull=%s default=%s',
	c.oid::regclass, c.relkind, c.relacl, c.relrowsecurity, c.relforcerowsecurity, a.attname,
	format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid))
FROM pg_class c JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
UNION ALL
SELECT format('table %s: constraint %s %s', con.conrelid::regclass, con.conname,
	pg_get_constraintdef(con.oid))
FROM pg_constraint con JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = con.conrelid
UNION ALL
SELECT format('table %s: index %s', i.indrelid::regclass, pg_get_indexdef(i.indexrelid))
FROM pg_index i JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = i.indrelid
UNION ALL
SELECT format('table %s: trigger %s enabled=%s', tg.tgrelid::regclass, pg_get_triggerdef(tg.oid),
	tg.tgenabled)
FROM pg_trigger tg JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = tg.tgrelid
WHERE NOT tg.tgisinternal
UNION ALL
SELECT format('table %s: policy %s %s %s', pol.polrelid::regclass, pol.polname,
	pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid))
FROM pg_policy pol JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = pol.polrelid
UNION ALL
SELECT format('extension: relocatable=%s version=%s config=%s conditions=%s', e.extrelocatable,
	e.extversion, (SELECT array_agg(c::regclass ORDER BY c::regclass::text) FROM unnest(e.extconfig) c),
	e.extcondition)
FROM pg_extension e WHERE e.extname = 'interaction'
ORDER BY 1};

for my $from (@older)
{
	my ($old_library, $why, $predates) = release_library($from);
	SKIP:
	{
		if ($predates)
		{
			pass("values of $from written by today's library: $predates");
			last SKIP;
		}
		skip "values of $from written by today's library: $why", 1 unless $old_library;
		ok(-s $old_library, "$from: library built from its release commit $release_commit{$from}");
	}
	my $writer = $old_library ? "the $from library" : "today's library";
	for my $schema ('public', 'cx')
	{
		put_library($old_library) if $old_library;
		my $db = "from_" . ($from =~ tr/./_/r) . "_in_$schema";
		my $create = sub {
			my ($db, $version) = @_;
			$node->safe_psql('postgres', "CREATE DATABASE $db; ALTER DATABASE $db SET search_path = $schema, public");
			$node->safe_psql($db, "CREATE SCHEMA IF NOT EXISTS $schema; "
				  . "CREATE EXTENSION interaction SCHEMA $schema" . ($version ? " VERSION '$version'" : ''));
		};
		$create->($db, $from);
		is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'interaction'"),
			$from, "installed $from in schema $schema");
		$node->safe_psql($db, 'CREATE EXTENSION amcheck SCHEMA public');

		# a value of every type this version has, stored before the update
		my %lit = InteractionTest::sample_literals($node, $db);
		my @version_types = InteractionTest::extension_types($node, $db);
		my @no_values = grep { !$lit{$_} || !@{ $lit{$_} } } @version_types;
		ok(@version_types && !@no_values, "$from: every type of its catalog has values to store ("
			  . join(', ', @version_types) . ')' . (@no_values ? "; none for: @no_values" : ''));
		my $readback = '';
		my $retyped = '';
		for my $type (sort keys %lit)
		{
			my $vals = join(', ', map { my $x = $_; $x =~ s/'/''/g; "('$x')" } @{ $lit{$type} });
			$node->safe_psql($db, "CREATE TABLE t_$type (id serial, v $type); "
				  . "INSERT INTO t_$type (v) VALUES $vals, (NULL)");
			# an index of the type's default btree order, checked after the update
			$node->safe_psql($db, "CREATE INDEX t_${type}_v ON t_$type (v)")
			  if $node->safe_psql($db, "SELECT count(*) FROM pg_opclass WHERE opcintype = '$type'::regtype "
				  . "AND opcdefault AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree')") == 1;
			$readback .= "SELECT '$type', string_agg(id || '=' || coalesce(v::text, 'NULL') || '/' || "
			  . "coalesce(encode(${type}_send(v), 'hex'), ''), ';' ORDER BY id) FROM t_$type UNION ALL ";
			# the same values as text, for what today's library makes of that text
			$node->safe_psql($db, "CREATE TABLE text_$type AS SELECT id, v::text AS t FROM t_$type");
			$retyped .= "SELECT '$type', string_agg(id || '=' || coalesce(t::$type\:\:text, 'NULL') || '/' || "
			  . "coalesce(encode(${type}_send(t::$type), 'hex'), ''), ';' ORDER BY id) FROM text_$type UNION ALL ";
		}
		$node->safe_psql($db,
			"INSERT INTO interaction_stage_rules VALUES ('black friday mailer', 'awareness')");
		$readback .= "SELECT 'rules', string_agg(phrase || '=' || stage, ';' ORDER BY phrase) "
		  . "FROM interaction_stage_rules";
		$retyped .= "SELECT 'rules', string_agg(phrase || '=' || stage, ';' ORDER BY phrase) "
		  . "FROM interaction_stage_rules";
		my $before = $node->safe_psql($db, $readback);
		# nps_ci returned a record of OUT parameters until 1.1 and the named
		# composite confidence_interval since 1.2: the calls of old keep working
		my $nps_ci_calls = q{WITH s AS (SELECT survey_agg(x) AS s FROM unnest('{10,10,9,8,7,3,0,10}'::int[]) x)
			SELECT (nps_ci(s)).low, (nps_ci(s, 0.9, 'wald')).high, ci.low, ci.high, nps_ci(s)::text
			FROM s, nps_ci(s) AS ci};
		my $nps_ci_before = $node->safe_psql($db, $nps_ci_calls);

		put_library($today) if $old_library;
		$node->safe_psql($db, 'ALTER EXTENSION interaction UPDATE');
		is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'interaction'"),
			$newest, "$from updated to $newest");
		# A stored value reads back as today's library reads its text: the same value,
		# except where a later version made the text form canonical in a new way
		# (1.2 drops a business_hours date that changes nothing, e.g. a closed date
		# on a closed weekday); the bytes on disk are read, never re-typed.
		my $after = $node->safe_psql($db, $readback);
		is($node->safe_psql($db, $nps_ci_calls), $nps_ci_before,
			"$from ($schema): nps_ci called as before the update gives the same columns and values");
		is($node->safe_psql($db, q{SELECT pg_typeof(nps_ci(survey_agg(9)))::text FROM (VALUES (1)) v}),
			'confidence_interval', "$from ($schema): nps_ci returns confidence_interval after the update");
		is($after, $node->safe_psql($db, $retyped),
			"$from ($schema): values stored by $writer read back by today's library after the update as it reads their text");
		my @changed = map { (split /\|/)[0] } grep { my $l = $_; !grep { $_ eq $l } split /\n/, $before } split /\n/, $after;
		ok(!grep({ $_ ne 'business_hours' } @changed),
			"$from ($schema): only business_hours may print differently after the update (changed: @changed)");
		my $indexes = $node->safe_psql($db, q{
			SELECT string_agg(indexrelid::regclass::text, ' ' ORDER BY 1) FROM pg_index
			WHERE indrelid::regclass::text LIKE 't\_%'});
		ok($node->psql($db, q{SELECT public.bt_index_check(indexrelid, true) FROM pg_index
			WHERE indrelid::regclass::text LIKE 't\_%'}) == 0 && $indexes =~ /t_journey_stage_v/,
			"$from ($schema): the btree indexes on stored values are valid after the update: $indexes");

		$create->("fresh_for_$db");
		my %fresh = map { $_ => 1 } split /\n/, $node->safe_psql("fresh_for_$db", $catalog_sql);
		my %upgraded = map { $_ => 1 } split /\n/, $node->safe_psql($db, $catalog_sql);
		my @only_fresh = sort grep { !$upgraded{$_} } keys %fresh;
		my @only_upgraded = sort grep { !$fresh{$_} } keys %upgraded;
		ok(scalar(keys %fresh) > 100, "$newest catalog has " . scalar(keys %fresh) . ' facts');
		is_deeply(\@only_fresh, [], "$from -> $newest in $schema: nothing of a fresh install is missing after the update")
		  or diag("only in a fresh install:\n  " . join("\n  ", @only_fresh));
		is_deeply(\@only_upgraded, [], "$from -> $newest in $schema: the update leaves nothing a fresh install lacks")
		  or diag("only after the update:\n  " . join("\n  ", @only_upgraded));
	}
}

