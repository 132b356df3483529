# Makefile for the interaction extension (PGXS)
#
#   make / make install     build and install into the PostgreSQL that pg_config names
#   make test               install what is missing, build, run every suite in a
#                           throw-away cluster; ends with "N passed, M failed"
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
#   make crosscheck         the event funnels against ClickHouse (Debian's 18.16), randomised
#
# Subsets while developing: REGRESS_TESTS="survey fcr" (pg_regress files),
# PROVE_TESTS="test/t/005_upgrade.pl" or PROVE_TESTS=none (TAP files).

EXTENSION   = interaction
# The newest version, the one CREATE EXTENSION installs (default_version in
# interaction.control names the same).
EXTVERSION  = 1.2

MODULE_big  = interaction
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Versions.  A released install or upgrade script is frozen in the tree
# (sql/interaction--1.0.sql, sql/interaction--1.1.sql, sql/interaction--1.0--1.1.sql)
# and never edited.  The install script of the newest version is put together from
# one part per concept (sql/install/NN_*.sql, in name order), after the taxonomy
# types made from one template.  Its upgrade script from the previous release is put
# together from what changed: sql/update/$(PREVVERSION)--$(EXTVERSION)/*.sql (statements
# that change objects of the previous release), then every install part whose first
# line is "-- since $(EXTVERSION)" (a concept new in this version, so its part serves
# both the install and the upgrade).  test/t/005_upgrade.pl checks that the upgraded
# catalog equals a fresh install.
PREVVERSION = 1.1
TAXONOMY_TYPES = journey_stage interaction_kind interaction_channel interaction_urgency interaction_direction
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
UPDATE_PARTS = $(sort $(wildcard sql/update/$(PREVVERSION)--$(EXTVERSION)/*.sql)) \
	$(foreach f,$(INSTALL_PARTS),$(if $(shell head -n 1 $(f) | grep -x -- '-- since $(EXTVERSION)'),$(f)))
UPDATE_SCRIPT = sql/$(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql $(UPDATE_SCRIPT)
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

# pg_regress: every sql/NAME.sql except the extension scripts, in name order.
REGRESS     = $(filter-out $(EXTENSION)--%,$(sort $(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=$(EXTENSION)

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

# A line "-- @ordered_type TYPE CSYM [sortsupport] [minmax]" in a part becomes
# the comparison operators, btree/hash operator classes (and min/max) of TYPE,
# from the one template sql/install/ordered_type.sql.in; "-- @equality_type TYPE
# CSYM [hash]" the = and <> (and a hash class) of a type with no order, from
# sql/install/equality_type.sql.in (both expanded by sql/install/type_template.awk).
TYPE_TEMPLATES = sql/install/type_template.awk sql/install/ordered_type.sql.in sql/install/equality_type.sql.in
ORDERED_TYPE = awk -v dir=sql/install -f sql/install/type_template.awk

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) sql/install/taxonomy_type.sql.in $(TYPE_TEMPLATES)
	( cat sql/install/00_header.sql; \
	  for t in $(TAXONOMY_TYPES); do sed "s/@TYPE@/$$t/g" sql/install/taxonomy_type.sql.in; done; \
	  for f in $(filter-out sql/install/00_header.sql,$(INSTALL_PARTS)); do cat $$f; done ) | \
	  $(ORDERED_TYPE) > $@

$(UPDATE_SCRIPT): $(UPDATE_PARTS) $(TYPE_TEMPLATES)
	( echo '-- interaction extension: upgrade from $(PREVVERSION) to $(EXTVERSION) (built from sql/update/$(PREVVERSION)--$(EXTVERSION) and the parts new in $(EXTVERSION))'; \
	  printf '%s\n' '\echo Use "ALTER EXTENSION interaction UPDATE TO '"'"'$(EXTVERSION)'"'"'" to load this file. \quit'; \
	  for f in $(UPDATE_PARTS); do cat $$f; done ) | $(ORDERED_TYPE) > $@

$(OBJS): src/interaction.h src/classify.h src/funnel.h
src/sentiment.o src/sentiment_vocabulary.o: src/sentiment.h

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

# src/classify_casefold.h (Unicode simple case folding) is generated by
# src/classify_casefold.pl from the local Perl's Unicode data, pinned to one Unicode
# version (the script refuses any other).  It is kept in the tree and an existing
# header is never regenerated by the build (order-only prerequisite); 'make casefold'
# regenerates it on purpose.  A new table may fold some characters differently:
# indexes on touchpoint_words() then need a REINDEX (doc/classify.md).
CASEFOLD_GEN = perl src/classify_casefold.pl > src/classify_casefold.h.tmp && \
	mv src/classify_casefold.h.tmp src/classify_casefold.h
src/classify_words.o: src/classify_casefold.h
src/classify_casefold.h: | src/classify_casefold.pl
	$(CASEFOLD_GEN)
.PHONY: casefold
casefold:
	$(CASEFOLD_GEN)
