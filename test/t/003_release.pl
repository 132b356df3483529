# test/t/003_release.pl: what a release is made of agrees with itself.
#
#   - META.json (PGXN) parses and has every field the PGXN Meta Spec 1.0.0 requires,
#     with values of the right form (semantic versions, a known license, provides
#     naming files of the tree);
#   - the version is one: default_version in interaction.control (the Makefile reads
#     it: make version), META.json (as major.minor.0) and debian/changelog (upstream
#     part); every released version has its frozen install script and the chain of
#     upgrade scripts reaches the newest from each;
#   - `make dist` writes interaction-VERSION.tar.gz holding exactly the files git
#     tracks, under one top directory interaction-VERSION/.
# The dist part needs the git checkout: 'make test' runs on a copy of the tree and
# names the checkout in INTERACTION_SOURCE_TOP; without one it is skipped.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use JSON::PP;
use File::Temp qw(tempdir);

my $top = $ENV{TESTDIR} // '.';

my $meta = eval { JSON::PP->new->decode(slurp_file("$top/META.json")) };
ok($meta, 'META.json parses as JSON') or diag($@);
$meta //= {};

# PGXN Meta Spec 1.0.0, "Structure": the required keys and their forms.
my $semver = qr/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+)?$/;
my %licenses = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd
  freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0
  mozilla_1_1 openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source restricted
  unrestricted unknown);
for my $key (qw(name abstract maintainer version license provides meta-spec))
{
	ok(defined $meta->{$key}, "META.json has the required key '$key'");
}
is($meta->{name}, 'interaction', 'META.json name');
like($meta->{name} // '', qr/^[A-Za-z][A-Za-z0-9_-]*$/, 'META.json name is a valid PGXN name');
like($meta->{abstract} // '', qr/\S/, 'META.json abstract is not empty');
ok((ref $meta->{maintainer} eq 'ARRAY' && @{ $meta->{maintainer} }) || (defined $meta->{maintainer} && !ref $meta->{maintainer}),
	'META.json maintainer is a string or a non-empty list');
like($meta->{version} // '', $semver, 'META.json version is a semantic version');
my @lic = ref $meta->{license} eq 'ARRAY' ? @{ $meta->{license} } : ($meta->{license} // '');
ok((grep { ref $_ eq 'HASH' || $licenses{$_} } @lic) == @lic && @lic, "META.json license is a PGXN license name: @lic");
is($meta->{'meta-spec'}{version}, '1.0.0', 'META.json meta-spec version 1.0.0');
ok(ref $meta->{provides} eq 'HASH' && $meta->{provides}{interaction}, 'META.json provides the extension');
for my $ext (sort keys %{ $meta->{provides} // {} })
{
	my $p = $meta->{provides}{$ext};
	like($p->{version} // '', $semver, "provides $ext: version is a semantic version");
	is($p->{version}, $meta->{version}, "provides $ext: version equals the distribution's");
	for my $f (grep { defined $p->{$_} } qw(file docfile))
	{
		ok(-f "$top/$p->{$f}", "provides $ext: $f $p->{$f} exists");
	}
}
like($meta->{release_status} // 'stable', qr/^(stable|testing|unstable)$/, 'META.json release_status');

# One version everywhere.
my ($control) = slurp_file("$top/interaction.control") =~ /^default_version\s*=\s*'([^']+)'/m;
my ($makefile, $previous) = `make -s --no-print-directory -C '$top' version` =~ /^EXTVERSION=(\S+) PREVVERSION=(\S*)/m;
my ($debian) = slurp_file("$top/debian/changelog") =~ /^\S+ \(([^)-]+)(-[^)]*)?\)/;
is($makefile, $control, "Makefile EXTVERSION equals default_version $control");
is($meta->{version}, "$control.0", 'META.json version is default_version as major.minor.0');
is($debian, $control, 'debian/changelog upstream version equals default_version');
unlike(slurp_file("$top/Makefile"), qr/^\s*EXTVERSION\s*:?=\s*[0-9]/m, 'the Makefile names no version of its own');
ok(-f "$top/sql/interaction--$_.sql", "the released $_ script is in the tree") for qw(1.0 1.1);
ok(-f "$top/sql/interaction--1.0--1.1.sql", 'the released 1.0 to 1.1 upgrade script is in the tree');
ok(-d "$top/sql/update/$previous--$control", "the upgrade folder of the version in development: sql/update/$previous--$control");
# every released version reaches the newest by upgrade scripts (the built one included)
my %edges;
for (glob("$top/sql/interaction--*--*.sql"), "$top/sql/interaction--$previous--$control.sql")
{
	push @{ $edges{$1} }, $2 if m{interaction--([0-9.]+)--([0-9.]+)\.sql$};
}
for my $v (sort map { m{interaction--([0-9.]+)\.sql$} ? $1 : () } glob("$top/sql/interaction--*.sql"))
{
	next if $v eq $control;
	my %seen = ($v => 1);
	my @todo = ($v);
	while (my $x = shift @todo) { for (@{ $edges{$x} // [] }) { push @todo, $_ unless $seen{$_}++; } }
	ok($seen{$control}, "released $v upgrades to $control by the scripts of the tree");
}

SKIP:
{
	my $src = $ENV{INTERACTION_SOURCE_TOP} // $top;
	# the checkout belongs to another user when 'make test' runs as root
	local $ENV{GIT_CONFIG_PARAMETERS} = "'safe.directory=*'";
	my $ok = system("git -C '$src' rev-parse --verify -q HEAD >/dev/null 2>&1") == 0;
	skip "no git checkout at $src: make dist not tested", 4 unless $ok;

	my @tracked = sort split /\n/, `git -C '$src' ls-files`;
	# staged but uncommitted files are not in HEAD, which is what dist archives
	if (system("git -C '$src' diff --cached --quiet") != 0)
	{
		note 'the index differs from HEAD: comparing with the files of HEAD';
		@tracked = sort split /\n/, `git -C '$src' ls-tree -r --name-only HEAD`;
	}
	my $out = tempdir(CLEANUP => 1);
	my $made = system("make -s -C '$src' dist DIST_DIR='$out' PG_CONFIG=\${PG_CONFIG:-pg_config} >/dev/null") == 0;
	my $archive = "$out/interaction-$control.tar.gz";
	ok($made && -s $archive, "make dist writes interaction-$control.tar.gz");
	my @listed = sort split /\n/, `tar -tzf '$archive' 2>/dev/null`;
	my @files = map { s{^interaction-\Q$control\E/}{}r } grep { !m{/$} } @listed;
	ok(!(grep { !m{^interaction-\Q$control\E/} } @listed), "every entry is under interaction-$control/");
	is_deeply(\@files, \@tracked, 'the archive holds exactly the files git tracks')
	  or do
	{
		my %in = map { $_ => 1 } @files;
		my %tr = map { $_ => 1 } @tracked;
		diag('tracked, not in the archive: ' . join(' ', grep { !$in{$_} } @tracked));
		diag('in the archive, not tracked: ' . join(' ', grep { !$tr{$_} } @files));
	};
	ok((grep { $_ eq 'META.json' } @files) && (grep { $_ eq 'debian/rules' } @files),
		'the archive has META.json and debian/');
}

done_testing();
