# Makefile for the interaction extension (PGXS)
#
#   make / make install     build and install into the PostgreSQL that pg_config names
#   make test               install what is missing, build, run every suite in a
#                           throw-away cluster; ends with "N passed, M failed"
#   make demo               the same set-up, then a generated data set and a KPI report
#   make bench              the benchmarks of test/bench, as ratios
#   make valgrind           the pg_regress suite against a server under valgrind
#   make sqlsmith           random queries from sqlsmith; the server must not crash

EXTENSION   = interaction
EXTVERSION  = 1.0

MODULE_big  = interaction
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is put together from one part per concept (sql/install/NN_*.sql,
# in name order), after the five taxonomy types made from one template.
TAXONOMY_TYPES = journey_stage interaction_kind interaction_channel interaction_urgency interaction_direction
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*--*.sql))

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

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) sql/install/taxonomy_type.sql.in
	( cat sql/install/00_header.sql; \
	  for t in $(TAXONOMY_TYPES); do sed "s/@TYPE@/$$t/g" sql/install/taxonomy_type.sql.in; done; \
	  for f in $(filter-out sql/install/00_header.sql,$(INSTALL_PARTS)); do cat $$f; done ) > $@

$(OBJS): src/interaction.h

.PHONY: test demo bench valgrind sqlsmith
test demo bench valgrind sqlsmith:
	@bash test/run $@
