# test/InteractionHarness.pm: the TAP harness of the project (prove --harness
# InteractionHarness, set in the Makefile), so that the count of a TAP run is honest.
#
# prove alone reports "Result: NOTESTS" and exits 0 when it finds no test, counts a
# skipped assertion as passed, a file that skips entirely as nothing, a script that
# dies as one failure whatever it left unrun, and stops at a BAIL_OUT without
# naming what it did not run.  This harness runs the files as prove does, then
# counts, file by file:
#   passed   assertions that passed (skips and TODOs not included);
#   failed   assertions that failed; assertions planned but never run (a plan
#            declared up front shows what a script that died left out); one for a
#            script that died or broke its plan without a plan to count by; one for
#            each file a BAIL_OUT left unrun (named);
#   skipped  assertions skipped, and one for each file that skipped entirely.
# It ends with one line "TAP: N passed, M failed, K skipped", which test/run reads,
# and fails (prove exits non-zero) when anything failed, when no assertion ran at
# all, or, in CI (environment CI=true), when something was skipped in a file that
# does not say why CI may skip it: a line "# CI may skip: REASON" in the file.
package InteractionHarness;

use strict;
use warnings;
use parent 'TAP::Harness';

sub new
{
	my ($class, $args) = @_;
	my $self = $class->SUPER::new($args);
	$self->{ih_finished} = [];
	$self->callback(after_test => sub {
		my ($job, $parser) = @_;
		push @{ $self->{ih_finished} }, [ $job->[0], $parser ];
	});
	return $self;
}

sub _ci_may_skip
{
	my ($file) = @_;
	open my $fh, '<', $file or return undef;
	while (<$fh>)
	{
		return $1 if /^#\s*CI may skip:\s*(\S.*)$/;
	}
	return undef;
}

sub runtests
{
	my ($self, @tests) = @_;
	my ($aggregate, $bailout);
	eval { $aggregate = $self->SUPER::runtests(@tests); 1 }
	  or $bailout = $@ || 'unknown error';

	my ($passed, $failed, $skipped) = (0, 0, 0);
	my (@problems, @ci_skips, @per_file);
	my %ran;
	my $ci = ($ENV{CI} // '') eq 'true';
	for my $done (@{ $self->{ih_finished} })
	{
		my ($file, $p) = @$done;
		$ran{$file} = 1;
		my $skips = scalar(my @s = $p->skipped);
		my $todo = scalar(my @t = $p->todo);
		my $fails = scalar(my @f = $p->failed);
		my $ok = scalar(my @o = $p->passed) - $skips - $todo;
		$ok = 0 if $ok < 0;
		my $run = $p->tests_run;
		my $planned = $p->tests_planned;
		my $unrun = (defined $planned && $planned > $run) ? $planned - $run : 0;
		$passed += $ok;
		$failed += $fails + $unrun;
		$skipped += $skips;
		push @per_file, sprintf('%-40s %4d passed, %d failed, %d skipped%s', $file, $ok, $fails + $unrun,
			$skips + ($p->skip_all ? 1 : 0), defined $planned ? " (plan $planned)" : ' (no plan)');
		push @problems, "$file: $fails of $run assertions failed" if $fails;
		push @problems, "$file: planned $planned assertions, ran $run: $unrun never ran" if $unrun;
		my $broken = ($p->exit || $p->wait || $p->parse_errors) && !$fails && !$unrun;
		if ($broken)
		{
			$failed++;
			my @errors = $p->parse_errors;
			push @problems, "$file: exit " . ($p->exit // 0) . ', '
			  . (@errors ? join('; ', @errors) : 'died')
			  . (defined $planned ? '' : ' (no plan declared: what it left unrun is unknown)');
		}
		if ($p->skip_all)
		{
			$skipped++;
			push @ci_skips, "$file: skipped entirely: " . $p->skip_all;
		}
		elsif ($skips)
		{
			push @ci_skips, "$file: $skips assertions skipped";
		}
		if (!$p->skip_all && !$run && !$broken && !$fails)
		{
			$failed++;
			push @problems, "$file: ran no assertion";
		}
	}
	if (defined $bailout)
	{
		$bailout = (split /\n/, $bailout)[0];
		my @unrun = grep { !$ran{$_} } @tests;
		$failed += 1 + @unrun;
		push @problems, "stopped: $bailout", 'files not run: ' . (@unrun ? join(' ', @unrun) : 'none');
	}
	if ($ci)
	{
		for my $s (@ci_skips)
		{
			my ($file) = $s =~ /^([^:]+):/;
			my $why = _ci_may_skip($file);
			if (defined $why)
			{
				print "# CI may skip $file: $why\n";
				next;
			}
			$failed++;
			push @problems, "$s (CI=true: a skip in CI is a failure unless the file says '# CI may skip: REASON')";
		}
	}
	if (!@tests || $passed + $failed == 0)
	{
		$failed++;
		push @problems, 'no TAP assertion ran (' . (@tests ? "files: @tests" : 'no test file given') . ')';
	}
	print "# per file:\n", map { "#   $_\n" } @per_file;
	print "# TAP problems:\n", map { "#   $_\n" } @problems if @problems;
	print "# skipped: $_\n" for (!$ci ? @ci_skips : ());
	print "TAP: $passed passed, $failed failed, $skipped skipped\n";
	return InteractionHarness::Verdict->new($failed);
}

# What prove asks of the result: has_errors decides its exit status.
package InteractionHarness::Verdict;

sub new { my ($class, $failed) = @_; return bless { failed => $failed }, $class; }
sub has_errors { return $_[0]{failed} > 0; }
sub all_passed { return $_[0]{failed} == 0; }

1;
