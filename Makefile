# Makefile for the interaction extension (PGXS)
#
#   make / make install     build and install into the PostgreSQL that pg_config names
#   make test               install what is missing, build, run every suite in a
#                           throw-away cluster; ends with "N passed, M failed, K skipped"
#   make installcheck       pg_regress and the TAP files against an installed server
#                           (PGXS; the TAP part needs postgresql-server-dev's perl modules)
#   make freeze NEXT=X.Y    release the newest version and start X.Y (doc/releasing.md)
#   make demo               the same set-up, then the sample data set and a KPI report
#   make sample             load the sample data set into the database the libpq
#                           environment names (PGHOST, PGPORT, PGDATABASE, PGUSER);
#                           'make install' first
#   make bench              the benchmarks of test/bench, as ratios
#   make valgrind           the pg_regress suite against a server under valgrind
#   make sqlsmith           random queries from sqlsmith; the server must not crash
#   make dist               the release archive for PGXN: interaction-VERSION.tar.gz of
#                           the files git tracks (DIST_DIR= puts it elsewhere)
#   make package            (root) build the Debian package postgresql-15-interaction,
#                           install it, use it in a throw-away cluster, remove it
#                           (PG=17 or PG=18: postgresql-NN-interaction in its root)
#   make test PG=17         the same suites against PostgreSQL 17 (or PG=18), as root: inside
#                           a Debian root made once by test/roots (also demo, bench)
#   make across             (root) values dumped on 15 restored into 17 and 18
#   make ci                 (root) all of it on 15, 17 and 18 (.ci/run): every suite,
#                           across, the package of each major; one closing count line
#   make crosscheck         the event funnels against ClickHouse (Debian's 18.16), randomised
#
# Subsets while developing: REGRESS_TESTS="survey fcr" (pg_regress files),
# PROVE_TESTS="test/t/005_upgrade.pl" or PROVE_TESTS=none (TAP files); extra prove
# flags in PROVE_FLAGS (environment or command line), e.g. PROVE_FLAGS=-v.

EXTENSION   = interaction

# Versions are data (doc/releasing.md).  The newest version, the one CREATE EXTENSION
# installs, is named once: default_version in interaction.control, read here without
# a shell.  The release before it is the one whose upgrade folder
# sql/update/PREV--NEWEST/ exists.  Released install and upgrade scripts are frozen
# in the tree (sql/interaction--1.0.sql, sql/interaction--1.1.sql,
# sql/interaction--1.0--1.1.sql) and never edited; 'make freeze NEXT=X.Y' makes the
# newest version's built scripts released files and starts X.Y.
CONTROL_TEXT := $(strip $(subst =, = ,$(subst ',,$(file <$(EXTENSION).control))))
EXTVERSION  := $(patsubst @DV@%,%,$(filter @DV@%,$(subst default_version = ,@DV@,$(CONTROL_TEXT))))
UPDATE_DIR  := $(patsubst %/,%,$(dir $(wildcard sql/update/*--$(EXTVERSION)/*.sql)))
UPDATE_DIR  := $(firstword $(UPDATE_DIR))
PREVVERSION := $(patsubst %--$(EXTVERSION),%,$(notdir $(UPDATE_DIR)))
ifeq ($(EXTVERSION),)
$(error no default_version in $(EXTENSION).control)
endif

MODULE_big  = interaction
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script of the newest version is put together from one part per
# concept (sql/install/NN_*.sql, in name order), its directives expanded by
# sql/install/type_template.awk.  Its upgrade script from the previous release is
# put together from what changed: $(UPDATE_DIR)/*.sql (statements that change objects
# of the previous release), then every install part whose first line is exactly
# "-- since $(EXTVERSION)" (a concept new in this version: its part serves both the
# install and the upgrade; the scan is in the recipe).  test/t/005_upgrade.pl checks
# that the upgraded catalog equals a fresh install.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
UPDATE_PARTS = $(sort $(wildcard $(UPDATE_DIR)/*.sql))
BUILT_INSTALL = sql/$(EXTENSION)--$(EXTVERSION).sql
BUILT_UPDATE = $(if $(PREVVERSION),sql/$(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql)
DATA_built  = $(BUILT_INSTALL) $(BUILT_UPDATE)
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

# pg_regress: every sql/NAME.sql except the extension scripts, in name order.
REGRESS     = $(filter-out $(EXTENSION)--%,$(sort $(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=$(EXTENSION)

# TAP: test/t/*.pl through PGXS's prove_installcheck, so 'make installcheck' on an
# installed server runs pg_regress and TAP as for any PGXS extension (it needs the
# TAP modules of the postgresql-server-dev package).  PROVE_TESTS picks files
# (PROVE_TESTS=none: no TAP); REGRESS_TESTS picks pg_regress files; TAP_TESTS= or
# REGRESS= on the command line leaves one kind out.  The harness
# test/InteractionHarness.pm counts passed, failed and skipped honestly and ends
# with "TAP: N passed, M failed, K skipped".
TAP_TESTS   = 1
PROVE_TESTS ?= test/t/*.pl
ifeq ($(PROVE_TESTS),none)
TAP_TESTS   =
endif
ifdef REGRESS_TESTS
REGRESS     = $(REGRESS_TESTS)
endif
# PGXS's Makefile.global empties PROVE_FLAGS, which would drop flags given in the
# environment (PROVE_FLAGS=-v make test): keep them.
ifeq ($(origin PROVE_FLAGS),environment)
INTERACTION_PROVE_FLAGS := $(PROVE_FLAGS)
endif

# -Wno-unused-parameter: PostgreSQL's own headers (bufpage.h) and fmgr signatures trip it.
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter
EXTRA_CLEAN = tmp_install tmp_check results regression.diffs regression.out

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifeq ($(wildcard $(PGXS)),)
# No server headers yet: only the targets that install them can run.
all install installcheck:
	@echo "PostgreSQL server development files are missing; 'make test' installs them" >&2; exit 1
else
include $(PGXS)
endif
ifdef INTERACTION_PROVE_FLAGS
PROVE_FLAGS := $(INTERACTION_PROVE_FLAGS)
endif
PG_PROVE_FLAGS += -I test --harness InteractionHarness
PROVE := $(PERL) -I test $(PROVE)

# Directives: a line "-- @NAME TYPE [CSYM] [option ...]" in an install part (or an
# update part) is replaced by the template sql/install/NAME.sql.in for TYPE, by
# sql/install/type_template.awk:
#   -- @taxonomy_type TYPE TAG              a one-byte taxonomy type and its I/O (TAG: its
#                                           row in src/taxonomy.c);
#   -- @taxonomy_c_names TYPE TAG           (update part) a 1.1 type onto the C names of its tag;
#   -- @ordered_type TYPE CSYM [sortsupport] [minmax]
#                                           comparison operators, btree/hash classes;
#   -- @equality_type TYPE CSYM [hash]      = and <> (and a hash class).
TYPE_TEMPLATES = sql/install/type_template.awk $(wildcard sql/install/*.sql.in)
EXPAND = awk -v dir=sql/install -f sql/install/type_template.awk

$(BUILT_INSTALL): $(INSTALL_PARTS) $(TYPE_TEMPLATES)
	cat $(INSTALL_PARTS) | $(EXPAND) > $@.tmp && mv $@.tmp $@

ifneq ($(BUILT_UPDATE),)
$(BUILT_UPDATE): $(UPDATE_PARTS) $(INSTALL_PARTS) $(TYPE_TEMPLATES)
	( echo '-- interaction extension: upgrade from $(PREVVERSION) to $(EXTVERSION) (built from $(UPDATE_DIR) and the parts new in $(EXTVERSION))'; \
	  printf '%s\n' '\echo Use "ALTER EXTENSION interaction UPDATE TO '"'"'$(EXTVERSION)'"'"'" to load this file. \quit'; \
	  cat $(UPDATE_PARTS); \
	  for f in $(INSTALL_PARTS); do \
		if [ "$$(head -n 1 $$f)" = '-- since $(EXTVERSION)' ]; then cat $$f; fi; \
	  done ) | $(EXPAND) > $@.tmp && mv $@.tmp $@
endif

# The versions as the build sees them (test/t/003_release.pl reads this).
.PHONY: version
version:
	@echo 'EXTVERSION=$(EXTVERSION) PREVVERSION=$(PREVVERSION) UPDATE_DIR=$(UPDATE_DIR)'

# Freeze the newest version and start the next (doc/releasing.md): NEXT=X.Y.
.PHONY: freeze
freeze:
	@bash test/freeze '$(NEXT)'

$(OBJS): src/interaction.h src/compat.h src/classify.h src/funnel.h src/hours.h
src/sentiment.o src/sentiment_vocabulary.o: src/sentiment.h
src/sla_clock.o src/ticket_changes.o: src/sla_clock.h

.PHONY: test demo bench valgrind sqlsmith crosscheck
test demo bench valgrind sqlsmith crosscheck:
	@bash test/run $@

# The sample data set, into your own database (test/sample/load runs psql).
.PHONY: sample
sample:
	@bash test/sample/load

# Release archive for PGXN: exactly the files git tracks at HEAD, under one
# top directory named for the version (META.json names the same version;
# test/t/003_release.pl checks both).
DIST_DIR ?= .
.PHONY: dist package
dist:
	git archive --format=tar.gz --prefix=$(EXTENSION)-$(EXTVERSION)/ \
		-o $(DIST_DIR)/$(EXTENSION)-$(EXTVERSION).tar.gz HEAD

package:
	@bash test/package

# (root) values and rule tables dumped on 15 and restored into 17 and 18, whose
# servers run inside the Debian roots of test/roots
.PHONY: across
across:
	@bash test/across

.PHONY: ci
ci:
	@bash .ci/run

# src/classify_casefold.h (Unicode simple case folding) is generated by
# src/classify_casefold.pl from the local Perl's Unicode data, pinned to one Unicode
# version (the script refuses any other).  It is kept in the tree and an existing
# header is never regenerated by the build (order-only prerequisite); 'make casefold'
# regenerates it on purpose.  A new table may fold some characters differently:
# indexes on touchpoint_words() then need a REINDEX (doc/classify.md).
CASEFOLD_GEN = perl src/classify_casefold.pl > src/classify_casefold.h.tmp && \
	mv src/classify_casefold.h.tmp src/classify_casefold.h
src/classify_words.o: src/classify_casefold.h src/classify_separators.h
src/classify_casefold.h: | src/classify_casefold.pl
	$(CASEFOLD_GEN)
.PHONY: casefold
casefold:
	$(CASEFOLD_GEN)

# src/classify_separators.h (the non-ASCII characters that separate words:
# punctuation, symbols, emoji components) is generated the same way, from the same
# pinned Unicode version, by src/classify_separators.pl; 'make separators'
# regenerates it on purpose (doc/classify.md: a new table may need a REINDEX).
SEPARATORS_GEN = perl src/classify_separators.pl > src/classify_separators.h.tmp && \
	mv src/classify_separators.h.tmp src/classify_separators.h
src/classify_separators.h: | src/classify_separators.pl
	$(SEPARATORS_GEN)
.PHONY: separators
separators:
	$(SEPARATORS_GEN)
