# test/t/001_doc_examples.pl: every example in doc/*.md is run and its output checked.
#
# In doc/*.md a ```sql block followed (after blank lines only) by a ```text block is
# an example: the SQL is run with psql -X -q (aligned output, one run per block) and what psql prints
# must equal the text block (trailing blanks ignored).  A ```sql block with no
# ```text block after it is run as set-up.  Each file runs in one session of a
# fresh database, in file order (tables carry over from block to block, session
# settings do not).
use strict;
use warnings;
use File::Basename;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my @docs = sort glob("$top/doc/*.md");
plan skip_all => 'no doc/*.md' unless @docs;

my $node = InteractionTest::node('docs', no_extension => 1);

# Split a markdown file into fenced blocks: [lang, text, line].
sub fenced_blocks
{
	my ($file) = @_;
	open my $fh, '<', $file or die "$file: $!";
	my (@blocks, $lang, $buf, $start, $between);
	while (my $line = <$fh>)
	{
		if (defined $lang)
		{
			if ($line =~ /^```\s*$/)
			{
				push @blocks, [ $lang, $buf, $start, $between ];
				undef $lang;
				$between = '';
			}
			else { $buf .= $line; }
		}
		elsif ($line =~ /^```(\w*)\s*$/)
		{
			($lang, $buf, $start) = ($1, '', $.);
		}
		else { $between .= $line; }
	}
	return @blocks;
}

sub normalise
{
	my ($s) = @_;
	$s =~ s/[ \t]+$//mg;
	$s =~ s/\n+\z//;
	$s =~ s/\A\n+//;
	return $s;
}

for my $file (@docs)
{
	my $name = basename($file, '.md');
	my $db = "doc_$name";
	$db =~ s/\W/_/g;
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, 'CREATE EXTENSION interaction');

	# One psql session per file: feed the blocks one at a time, separated by markers.
	my @blocks = fenced_blocks($file);
	my @examples;
	for (my $i = 0; $i < @blocks; $i++)
	{
		next unless $blocks[$i][0] eq 'sql';
		my $expect;
		if ($i + 1 < @blocks && $blocks[ $i + 1 ][0] eq 'text'
			&& $blocks[ $i + 1 ][3] =~ /\A\s*\z/)
		{
			$expect = $blocks[ $i + 1 ][1];
		}
		push @examples, { sql => $blocks[$i][1], line => $blocks[$i][2], expect => $expect };
	}
	next unless @examples;

	# One psql run per block (so errors and results come out in order); tables
	# made by one block are there for the next, session settings are not.
	my %got;
	for my $k (0 .. $#examples)
	{
		my $out = '';
		IPC::Run::run([ 'psql', '-X', '-q', '-d', $node->connstr($db) ],
			'<', \$examples[$k]{sql}, '>&', \$out);
		$got{$k} = $out;
	}
	for my $k (0 .. $#examples)
	{
		my $ex = $examples[$k];
		my $got = normalise($got{$k} // '');
		if (defined $ex->{expect})
		{
			is($got, normalise($ex->{expect}), "$name.md line $ex->{line}");
		}
		else
		{
			unlike($got, qr/^(ERROR|FATAL|psql:)/m, "$name.md line $ex->{line} runs");
		}
	}
}

done_testing();
