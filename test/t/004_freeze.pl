# test/t/004_freeze.pl: 'make freeze NEXT=X.Y' (doc/releasing.md), run in a copy of
# the tree, releases the newest version and starts the next one:
#   - the newest version's built install and upgrade scripts become released files,
#     equal to what the build made before the freeze;
#   - the versions move: make version, interaction.control, META.json,
#     debian/changelog, CHANGELOG.md, .gitignore, the upgrade folder;
#   - the frozen tree builds the next version, whose scripts are the same objects
#     (nothing changed yet), and every released version reaches it through the
#     upgrade scripts of the tree;
#   - a server takes that chain: 1.0 installed, ALTER EXTENSION UPDATE, the next
#     version (the frozen tree's scripts beside the staged library).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More tests => 23;
use File::Temp qw(tempdir);
use File::Copy qw(copy);
use InteractionTest;

my $top = $ENV{TESTDIR} // '.';
my $make = "make -s --no-print-directory";
my ($cur, $prev) = `$make -C '$top' version` =~ /^EXTVERSION=(\S+) PREVVERSION=(\S*)/m;
ok($cur && $prev, "the tree's versions: newest $cur, previous $prev");
my ($major, $minor) = split /\./, $cur;
my $next = "$major." . ($minor + 1);

my $copy = tempdir(CLEANUP => 1);
system("tar -C '$top' --exclude=./.git --exclude=./tmp_install --exclude=./tmp_check "
	  . "--exclude=./results --exclude='*.o' --exclude='*.so' --exclude='*.bc' -cf - . "
	  . "| tar -C '$copy' -xf -") == 0
  or BAIL_OUT('cannot copy the tree');
my $install = "sql/interaction--$cur.sql";
my $update = "sql/interaction--$prev--$cur.sql";
unlink "$copy/$install", "$copy/$update";
is(system("$make -C '$copy' $install $update"), 0, "the copy builds $install and $update");
my %built = map { $_ => slurp_file("$copy/$_") } $install, $update;

is(system("$make -C '$copy' freeze NEXT=$cur >/dev/null 2>&1") != 0, 1, "make freeze NEXT=$cur (not newer) is refused");
my $out = `cd '$copy' && $make freeze NEXT=$next 2>&1`;
is($?, 0, "make freeze NEXT=$next") or diag($out);
like($out, qr/git add -f \Q$install $update\E/, 'it prints the git commands that record the freeze');

like(`$make -C '$copy' version`, qr/^EXTVERSION=\Q$next\E PREVVERSION=\Q$cur\E UPDATE_DIR=sql\/update\/\Q$cur--$next\E$/m,
	"make version: $next in development, $cur the previous release");
like(slurp_file("$copy/interaction.control"), qr/^default_version = '\Q$next\E'$/m, "interaction.control: default_version $next");
for my $f ($install, $update)
{
	is(slurp_file("$copy/$f"), $built{$f}, "$f is released as it was built");
}
ok(!-e "$copy/sql/update/$prev--$cur", "the upgrade folder sql/update/$prev--$cur is gone (the released script is its record)");
ok(-f "$copy/sql/update/$cur--$next/00_notes.sql", "sql/update/$cur--$next/ is started");
my $ignore = slurp_file("$copy/.gitignore");
ok($ignore !~ /^\Q$install\E$/m && $ignore !~ /^\Q$update\E$/m, '.gitignore no longer ignores the released scripts');
ok($ignore =~ /^sql\/interaction--\Q$next\E\.sql$/m && $ignore =~ /^sql\/interaction--\Q$cur--$next\E\.sql$/m,
	".gitignore ignores the built scripts of $next");
like(slurp_file("$copy/META.json"), qr/"version": "\Q$next\E\.0"/, "META.json names $next.0");
like(slurp_file("$copy/debian/changelog"), qr/\Ainteraction \(\Q$next\E-1\)/, "debian/changelog starts with $next-1");
like(slurp_file("$copy/CHANGELOG.md"), qr/^## \Q$next\E \(in development\)\n.*^## \Q$cur\E \(\d{4}-\d\d-\d\d\)\n/ms,
	"CHANGELOG.md: $next in development, $cur dated");

my $ninstall = "sql/interaction--$next.sql";
my $nupdate = "sql/interaction--$cur--$next.sql";
is(system("$make -C '$copy' $ninstall $nupdate"), 0, "the frozen tree builds $ninstall and $nupdate");
is(slurp_file("$copy/$ninstall") =~ s/^--.*\n//mgr, $built{$install} =~ s/^--.*\n//mgr,
	"$next installs the same objects as $cur (nothing changed yet)");
unlike(slurp_file("$copy/$nupdate"), qr/^(CREATE|ALTER|DROP|COMMENT|GRANT)/m, "the upgrade script $cur to $next changes nothing yet");

# every released version reaches the next one through the scripts of the tree
my %edges;
for (glob("$copy/sql/interaction--*--*.sql")) { push @{ $edges{$1} }, $2 if m{interaction--([0-9.]+)--([0-9.]+)\.sql$}; }
my @released = grep { $_ ne $next } map { m{interaction--([0-9.]+)\.sql$} ? $1 : () } glob("$copy/sql/interaction--*.sql");
my @stranded;
for my $v (@released)
{
	my %seen = ($v => 1);
	my @todo = ($v);
	while (defined(my $x = shift @todo)) { push @todo, grep { !$seen{$_}++ } @{ $edges{$x} // [] }; }
	push @stranded, $v unless $seen{$next};
}
is_deeply(\@stranded, [], "every released version (@released) upgrades to $next");

# a server takes the chain: the staged install with the frozen tree's scripts
SKIP:
{
	skip 'no staged install (INTERACTION_DESTDIR): run through make test', 3 unless $ENV{INTERACTION_DESTDIR};
	my $sharedir = `\${PG_CONFIG:-pg_config} --sharedir`;
	chomp $sharedir;
	my $stage = tempdir(CLEANUP => 1);
	system("cp -a '$ENV{INTERACTION_DESTDIR}/.' '$stage/'") == 0 or BAIL_OUT('cannot copy the staged install');
	my $extdir = "$stage$sharedir/extension";
	copy($_, "$extdir/") or BAIL_OUT("copy $_: $!")
	  for "$copy/interaction.control", glob("$copy/sql/interaction--*.sql");
	local $ENV{INTERACTION_DESTDIR} = $stage;
	my $node = InteractionTest::node('frozen', no_extension => 1);
	$node->safe_psql('postgres', "CREATE DATABASE walk");
	$node->safe_psql('walk', "CREATE EXTENSION interaction VERSION '1.0'");
	$node->safe_psql('walk', 'ALTER EXTENSION interaction UPDATE');
	is($node->safe_psql('walk', "SELECT extversion FROM pg_extension WHERE extname = 'interaction'"),
		$next, "1.0 updated by the server to $next");
	$node->safe_psql('postgres', 'CREATE EXTENSION interaction');
	is($node->safe_psql('postgres', "SELECT extversion FROM pg_extension WHERE extname = 'interaction'"),
		$next, "CREATE EXTENSION installs $next");
	is($node->safe_psql('walk', "SELECT round(nps(s)::numeric, 2) FROM generate_series(0, 10) s"), '-45.45',
		'and it works (nps)');
	$node->stop;
}
