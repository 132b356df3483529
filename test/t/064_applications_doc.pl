# test/t/064_applications_doc.pl: every client example of doc/applications.md runs
# and prints what the page shows.
#
# The page's ```sql blocks are run first, in order, in one database (they make the
# tables the examples read); then each ```python (psycopg 3, psycopg2, run by
# /usr/bin/python3), ```javascript (node-postgres, npm `pg` installed into this test
# run as test/t/062_driver_node_pg.pl does) and ```sh block (unixODBC isql) that is
# followed by a ```text block is run from a file of its own, with the libpq
# environment naming that database, and its output (stdout and stderr) must equal
# the text block (trailing blanks ignored).
use strict;
use warnings;
use File::Copy;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my $doc = "$top/doc/applications.md";

open my $fh, '<', $doc or die "$doc: $!";
my (@blocks, $lang, $buf, $start, $between);
$between = '';
while (my $line = <$fh>)
{
	if (defined $lang)
	{
		if ($line =~ /^```\s*$/)
		{
			push @blocks, { lang => $lang, text => $buf, line => $start, before => $between };
			undef $lang;
			$between = '';
		}
		else { $buf .= $line; }
	}
	elsif ($line =~ /^```(\w*)\s*$/) { ($lang, $buf, $start) = ($1, '', $.); }
	else { $between .= $line; }
}
close $fh;

sub normalise
{
	my ($s) = @_;
	$s =~ s/[ \t]+$//mg;
	$s =~ s/\n+\z//;
	$s =~ s/\A\n+//;
	return $s;
}

my $node = InteractionTest::node('apps');
$node->safe_psql('postgres', 'CREATE DATABASE apps');
$node->safe_psql('apps', 'CREATE EXTENSION interaction');
for my $b (grep { $_->{lang} eq 'sql' } @blocks)
{
	my ($rc, $out, $err) = $node->psql('apps', $b->{text}, on_error_stop => 1);
	is($rc, 0, "applications.md line $b->{line}: set-up runs") or diag($err);
}

my $dir = "${PostgreSQL::Test::Utils::tmp_check}/applications";
mkdir $dir;
copy("$top/test/clients/node/package.json", $dir) or die "package.json: $!";
my $npm = system("cd '$dir' && npm install --no-audit --no-fund --loglevel=error >npm.log 2>&1");
ok($npm == 0, 'npm installs pg') or diag(slurp_file("$dir/npm.log"));

local $ENV{PGHOST} = $node->host;
local $ENV{PGPORT} = $node->port;
local $ENV{PGDATABASE} = 'apps';
local $ENV{PGUSER} = scalar getpwuid($>);
local $ENV{NODE_PATH} = "$dir/node_modules";
my %run = (
	python => [ '/usr/bin/python3', 'example.py' ],
	javascript => [ 'node', 'example.js' ],
	sh => [ 'bash', 'example.sh' ]);
my $ran = 0;
for my $i (0 .. $#blocks)
{
	my $b = $blocks[$i];
	next unless $run{ $b->{lang} };
	my $expect = $i + 1 < @blocks && $blocks[ $i + 1 ]{lang} eq 'text'
	  && $blocks[ $i + 1 ]{before} =~ /\A\s*\z/ ? $blocks[ $i + 1 ]{text} : undef;
	ok(defined $expect, "applications.md line $b->{line}: the example shows its output") or next;
	my $file = "$dir/$run{$b->{lang}}[1]";
	open my $out, '>', $file or die "$file: $!";
	print $out $b->{text};
	close $out;
	my $got = '';
	IPC::Run::run([ 'bash', '-c', 'cd "$1" && shift && exec "$@"', 'run', $dir, @{ $run{ $b->{lang} } } ],
		'<', \'', '>&', \$got);
	is(normalise($got), normalise($expect), "applications.md line $b->{line} ($b->{lang}) prints what the page shows");
	$ran++;
}
cmp_ok($ran, '>=', 6, 'the page has its client examples');

done_testing();
