# test/InteractionTest.pm: what every TAP test of the extension shares.
#
#   use InteractionTest;
#   my $node = InteractionTest::node('primary');   # started, with the extension created
#
# 'make test' installs the extension into a staging directory and says where in
# INTERACTION_DESTDIR and INTERACTION_LIBPATH; the node is pointed there through
# Debian's extension_destdir, so nothing needs to be installed system-wide.
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
		$node->append_conf('postgresql.conf',
			"extension_destdir = '$ENV{INTERACTION_DESTDIR}'\n"
			  . "dynamic_library_path = '$ENV{INTERACTION_LIBPATH}'\n");
	}
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION interaction')
	  unless $opts{no_extension};
	return $node;
}

1;
