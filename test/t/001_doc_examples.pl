# test/t/001_doc_examples.pl: every SQL block of doc/*.md and README.md is run.
#
# Every fenced block carries a tag (```sql, ```text, ```sh, ...): an untagged block
# fails, so that no SQL hides from this test.  Fences indented inside a list item
# count too (their indentation is removed).  A ```sql block
#   - followed (after blank lines only) by a ```text block is an example: psql -X -q
#     (aligned output) runs it and what it prints must equal the text block (trailing
#     blanks ignored);
#   - otherwise it must print no ERROR, WARNING, FATAL or psql: line.
# Each file runs in a fresh database with the extension created, block after block
# in file order (tables carry over, session settings do not).  Words after the tag:
#   db=NAME       run in the file's database NAME instead, created empty (no
#                 extension) on first use: a shard and a coordinator, or an install
#                 from scratch;
#   fixture=NAME  load test/doc_fixtures/NAME.sql into that database first (once):
#                 tables a block reads that the document does not create.
#   tour          a block of the README's tour: test/t/007_tour.pl runs those in one
#                 session on the sample data set ('make sample') and compares their
#                 output; this test leaves them to it.
use strict;
use warnings;
use File::Basename;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use InteractionTest;

my $top = $ENV{TESTDIR} || '.';
my @docs = (sort(glob("$top/doc/*.md")), "$top/README.md");

# Split a markdown file into fenced blocks: {lang, attr, text, line, between}.
sub fenced_blocks
{
	my ($file) = @_;
	open my $fh, '<', $file or die "$file: $!";
	my (@blocks, $open, $between);
	$between = '';
	while (my $line = <$fh>)
	{
		if ($open)
		{
			if ($line =~ /^\s*```\s*$/)
			{
				$open->{between} = $between;
				push @blocks, $open;
				undef $open;
				$between = '';
			}
			else
			{
				$line =~ s/^ {0,$open->{indent}}//;
				$open->{text} .= $line;
			}
		}
		elsif ($line =~ /^( *)```\s*(\S*)\s*(.*?)\s*$/)
		{
			my ($indent, $lang, $rest) = (length($1), $2, $3);
			my %attr = map { /^([a-z]+)=(\S+)$/ ? ($1 => $2) : ($_ => 1) } split ' ', $rest;
			$open = { indent => $indent, lang => $lang, attr => \%attr, text => '', line => $. };
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

# Parse everything first, so that the plan counts every block.
my %parsed;
my $planned = 0;
for my $file (@docs)
{
	my @blocks = fenced_blocks($file);
	my @examples;
	for (my $i = 0; $i < @blocks; $i++)
	{
		next unless $blocks[$i]{lang} eq 'sql';
		next if $blocks[$i]{attr}{tour};
		my $expect;
		if ($i + 1 < @blocks && $blocks[ $i + 1 ]{lang} eq 'text'
			&& $blocks[ $i + 1 ]{between} =~ /\A\s*\z/)
		{
			$expect = $blocks[ $i + 1 ]{text};
		}
		push @examples, { %{ $blocks[$i] }, expect => $expect };
	}
	$parsed{$file} = { blocks => \@blocks, examples => \@examples };
	$planned += 1 + @examples;
}
plan tests => $planned;

my $node = InteractionTest::node('docs', no_extension => 1);
$node->safe_psql('postgres', 'CREATE ROLE report_user');

for my $file (@docs)
{
	my $name = basename($file, '.md');
	my @untagged = map { $_->{line} } grep { $_->{lang} eq '' } @{ $parsed{$file}{blocks} };
	is("@untagged", '', "$name.md: every code block is tagged (untagged at lines: @untagged)");
	my @examples = @{ $parsed{$file}{examples} };
	next unless @examples;

	my $main = lc("doc_$name") =~ s/\W/_/gr;
	$node->safe_psql('postgres', "CREATE DATABASE $main");
	$node->safe_psql($main, 'CREATE EXTENSION interaction');
	my %made = ($main => 1);
	my %loaded;

	# One psql run per block (errors and results come out in order).
	for my $ex (@examples)
	{
		my $db = $main;
		if (my $d = $ex->{attr}{db})
		{
			$db = "${main}_$d" =~ s/\W/_/gr;
			$node->safe_psql('postgres', "CREATE DATABASE $db") unless $made{$db}++;
		}
		my $setup = '';
		if (my $f = $ex->{attr}{fixture})
		{
			unless ($loaded{"$db/$f"}++)
			{
				my ($rc, $o, $e) = $node->psql($db, slurp_file("$top/test/doc_fixtures/$f.sql"),
					on_error_stop => 1);
				$setup = "fixture $f failed: $e\n" if $rc;
			}
		}
		my $out = '';
		IPC::Run::run([ 'psql', '-X', '-q', '-d', $node->connstr($db) ],
			'<', \$ex->{text}, '>&', \$out);
		my $got = normalise($setup . $out);
		my $where = "$name.md line $ex->{line}" . ($ex->{attr}{db} ? " (database $ex->{attr}{db})" : '');
		if (defined $ex->{expect})
		{
			is($got, normalise($ex->{expect}), $where);
		}
		else
		{
			unlike($got, qr/^(ERROR|WARNING|FATAL|PANIC|psql:|fixture )/m, "$where runs without error or warning");
		}
	}
}
