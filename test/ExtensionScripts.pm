# test/ExtensionScripts.pm: reads the extension's install and upgrade scripts the
# way a security review does.  A trusted extension's scripts run as the bootstrap
# superuser with the target schema on the search_path, so a function or operator
# they call that is not the extension's own must be named with its schema
# (pg_catalog.), or a look-alike planted in that schema could run as superuser.
#
#   scripts($top)          the scripts to read: the released ones in sql/ and the
#                          built ones (after 'make'), as [path, text]
#   statements($text)      the statements, with comments and string constants blanked
#   created_names(@texts)  names of the objects the scripts create (ours)
#   called_names($text [, $bodies])  every name called as a function, unqualified
#                          (also inside dollar-quoted bodies with $bodies)
#   operators_used($text [, $all])  every operator symbol used unqualified in an
#                          expression (with $all also those in OPERATOR(pg_catalog.x))
#   problems($text, \%ours) the unqualified uses a static check refuses
package ExtensionScripts;

use strict;
use warnings;

sub scripts
{
	my ($top) = @_;
	my @out;
	for my $path (sort glob("$top/sql/interaction--*.sql"))
	{
		open my $fh, '<', $path or die "$path: $!";
		local $/;
		push @out, [ $path, scalar <$fh> ];
		close $fh;
	}
	return @out;
}

# Blank comments, string constants (standard and dollar-quoted, whose bodies are
# reported as 'DOLLAR' so that a DO block or function body cannot hide) and
# quoted identifiers keep their text; then split on semicolons.
sub statements
{
	my ($text, $keep_bodies) = @_;
	my $out = '';
	my $i = 0;
	my $n = length $text;
	while ($i < $n)
	{
		my $c = substr($text, $i, 1);
		if (substr($text, $i, 2) eq '--')
		{
			my $e = index($text, "\n", $i);
			$e = $n if $e < 0;
			$i = $e;
		}
		elsif (substr($text, $i, 2) eq '/*')
		{
			my $e = index($text, '*/', $i + 2);
			$e = $n - 2 if $e < 0;
			$i = $e + 2;
		}
		elsif ($c eq "'")
		{
			my $j = $i + 1;
			while ($j < $n)
			{
				if (substr($text, $j, 1) eq "'")
				{
					if (substr($text, $j + 1, 1) eq "'") { $j += 2; next; }
					last;
				}
				$j++;
			}
			$out .= "''";
			$i = $j + 1;
		}
		elsif ($c eq '$' && substr($text, $i) =~ /^(\$[A-Za-z_]*\$)/)
		{
			my $tag = $1;
			my $e = index($text, $tag, $i + length $tag);
			$e = $n if $e < 0;
			$out .= $keep_bodies
			  ? ' ' . substr($text, $i + length $tag, $e - $i - length $tag) . ' '
			  : ' DOLLAR ';
			$i = $e + length $tag;
		}
		else
		{
			$out .= $c;
			$i++;
		}
	}
	# psql meta-commands (\echo ... \quit) are not SQL
	$out =~ s/^\\.*$//mg;
	return grep { /\S/ } split /;/, $out;
}

my $ident = qr/[A-Za-z_][A-Za-z_0-9]*/;

sub created_names
{
	my %names;
	for my $text (@_)
	{
		for my $st (statements($text))
		{
			$names{ lc $1 } = 1
			  if $st =~ /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|AGGREGATE|TYPE|TABLE|(?:UNIQUE\s+)?INDEX|TRIGGER|OPERATOR\s+(?:CLASS|FAMILY))\s+($ident)/i;
		}
	}
	return \%names;
}

# Words that are followed by a parenthesis without being a call.
my %not_calls = map { $_ => 1 } qw(
  check key values as in on table index out inout setof primary unique references exists
  filter over within using with and or not returns function aggregate type operator cast
  class family for each execute trigger row procedure variadic default select from where
  numeric decimal varchar character char bit time timestamp timestamptz interval float
  double precision boolean integer bigint smallint text bytea cstring internal);

sub called_names
{
	my ($text, $keep_bodies) = @_;
	my %called;
	for my $st (statements($text, $keep_bodies))
	{
		my $s = $st;
		# the object a statement creates or comments on is named, not called
		$s =~ s/\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|AGGREGATE|TYPE|TABLE)|COMMENT\s+ON\s+(?:FUNCTION|AGGREGATE)|ALTER\s+(?:FUNCTION|AGGREGATE)|DROP\s+(?:FUNCTION|AGGREGATE))\s+($ident)\s*\(/ /gi;
		# support functions named in an operator class
		$s =~ s/\bFUNCTION\s+\d+\s+(?:\([^)]*\)\s*)?($ident)\s*\(/ /gi;
		while ($s =~ /(?<![.\w"])($ident)\s*\(/g)
		{
			my $name = lc $1;
			$called{$name} = 1 unless $not_calls{$name};
		}
	}
	return sort keys %called;
}

# Operators in expressions: CHECK constraints, index expressions and the
# statements that compute something (SELECT, INSERT, UPDATE, DELETE, DEFAULT).
sub operators_used
{
	my ($text, $all) = @_;
	my %ops;
	for my $st (statements($text, $all))
	{
		next unless $st =~ /\b(?:CHECK|CREATE\s+(?:UNIQUE\s+)?INDEX|SELECT|INSERT|UPDATE|DELETE|DEFAULT)\b/i;
		next if $st =~ /^\s*(?:GRANT|REVOKE|COMMENT)\b/i;
		next if $st =~ /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|AGGREGATE|OPERATOR)\b/i
		  && $st !~ /\bCHECK\b/i;
		my $s = $st;
		$s =~ s/OPERATOR\s*\(\s*pg_catalog\.([^)]*)\)/$all ? " $1 " : ' '/gie;
		$s =~ s/::/ /g;
		$s =~ s/\@ext(?:owner|schema)\@/ /g;
		$s =~ s/\bAFTER\s+INSERT\b.*//is;
		while ($s =~ m{([-+*/<>=~!@#%^&|`?]+)}g)
		{
			$ops{$1} = 1;
		}
	}
	return sort keys %ops;
}

# What the static check refuses, as "what: where" lines.
sub problems
{
	my ($text, $ours) = @_;
	my @bad;
	for my $st (statements($text))
	{
		(my $where = $st) =~ s/\s+/ /g;
		$where = substr($where, 0, 100);
		push @bad, "DO block or dynamic SQL: $where"
		  if $st =~ /^\s*DO\b/i || $st =~ /\bEXECUTE\b(?!\s+(?:FUNCTION|PROCEDURE)\b)/i;
		push @bad, "unqualified support function $1: $where"
		  while $st =~ /\b(?:RESTRICT|JOIN|HANDLER|VALIDATOR)\s*=\s*(?!pg_catalog\.)($ident)/gi;
	}
	for my $name (called_names($text))
	{
		push @bad, "unqualified call of $name(), not an object of the extension"
		  unless $ours->{$name};
	}
	for my $op (operators_used($text))
	{
		push @bad, "operator $op in an expression without OPERATOR(pg_catalog.$op)";
	}
	return @bad;
}

1;
