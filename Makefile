# llmtco - build, test and install.
#
#   make              build build/llmtco (and build/libllmtco.a)
#   make run          install missing deps, build, run `llmtco compare --spend 5000`
#   make check        install missing deps, build, run every test
#   make DEVELOPER=1  warnings are errors
#   make SANITIZE=address,undefined check    (objects in build/sanitize)
#   make MEMCHECK=1 check                    (tests under valgrind)
#   make install PREFIX=/usr/local DESTDIR=
#   make man          regenerate llmtco.1 from the option table

CC      ?= cc
# Quiet by default, like git: `make V=1` shows every command.
ifneq ($(V),1)
Q = @
QUIET_CC = @echo '   ' CC $@;
QUIET_AR = @echo '   ' AR $@;
QUIET_LINK = @echo '   ' LINK $@;
QUIET_GEN = @echo '   ' GEN $@;
endif
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wdouble-promotion -Wvla
BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -g $(WARNINGS)
ifeq ($(DEVELOPER),1)
BASE_CFLAGS += -Werror
endif
ifneq ($(SANITIZE),)
BUILD := build/sanitize
BASE_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_LDFLAGS = -fsanitize=$(SANITIZE)
endif

PKGS       = libcjson check
PKG_CFLAGS = $(shell pkg-config --cflags libcjson 2>/dev/null || echo -I/usr/include/cjson)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm -pthread)
ALL_CFLAGS = $(BASE_CFLAGS) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LIBS       = -lcjson -lcsv -lm -pthread

# The core: cost model, catalog, scenarios, number formats. No I/O.
LIB_SRC = common/common.c common/json.c \
	  pricing/catalog.c pricing/fields.c pricing/catalog_csv.c pricing/builtin.c \
	  pricing/import.c \
	  scenarios/scenario.c scenarios/scenario_json.c scenarios/tco.c \
	  scenarios/breakeven.c scenarios/sweep.c scenarios/project.c \
	  scenarios/routing.c scenarios/usage.c scenarios/check.c \
	  scenarios/simulate.c \
	  reports/format.c
# Writers and the command line: I/O lives here.
OUT_SRC = reports/output.c reports/compare_out.c reports/pricing_out.c \
	  reports/breakeven_out.c reports/sweep_out.c reports/plot.c reports/memo.c \
	  reports/project_out.c reports/routing_out.c reports/check_out.c reports/sensitivity_out.c reports/usage_out.c \
	  reports/simulate_out.c
CLI_SRC = cli/main.c cli/opts.c cli/files.c cli/cmd_compare.c cli/cmd_pricing.c \
	  cli/cmd_breakeven.c cli/cmd_sweep.c cli/cmd_report.c \
	  cli/cmd_project.c cli/cmd_routing.c cli/cmd_check.c cli/cmd_sensitivity.c cli/cmd_usage.c \
	  cli/cmd_simulate.c
TEST_SRC = tests/run_tests.c tests/fixture.c tests/test_common.c tests/test_pricing.c \
	   tests/test_scenarios.c tests/test_reports.c tests/test_plot.c \
	   tests/test_project.c tests/test_import.c tests/test_usage.c \
	   tests/test_validate.c tests/test_simulate.c

CATALOG_CSV = pricing/data/defaults.csv pricing/data/gateways.csv \
	      pricing/data/infrastructure.csv pricing/data/models.csv \
	      pricing/data/tiers.csv

LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/catalog_data.o
OUT_OBJ  = $(OUT_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o)

PROG   = $(BUILD)/llmtco
LIB    = $(BUILD)/libllmtco.a
RUNNER = $(BUILD)/run_tests

DEPS_PKGS = libcsv-dev libcjson-dev check gnuplot-nox pkg-config
ifeq ($(MEMCHECK),1)
DEPS_PKGS += valgrind
VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
	   --errors-for-leak-kinds=definite,indirect --track-fds=no
endif

.PHONY: all run check deps test unit-test cli-test install uninstall clean man bench fuzz fuzz-build lint analyze

all: $(PROG)

# Install the Debian packages the build needs, when missing (sudo unless root).
deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for p in $(DEPS_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	  done; \
	else echo "deps: no dpkg-query; install by hand: $(DEPS_PKGS)"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	$(PROG) compare --spend 5000

check: deps
	@$(MAKE) --no-print-directory test

test: $(PROG) $(RUNNER)
	CK_FORK=$(if $(VALGRIND),no,yes) $(VALGRIND) $(RUNNER)
	LLMTCO_WRAP="$(VALGRIND)" sh tests/cli/run.sh $(PROG)
	sh tests/readme_test.sh $(PROG)
	sh tests/man_test.sh $(PROG)
	LLMTCO_WRAP="$(VALGRIND)" sh tests/report_test.sh $(PROG)
	LLMTCO_WRAP="$(VALGRIND)" sh tests/bad/run.sh $(PROG)
	sh tests/check_git_test.sh $(PROG)
	LLMTCO_WRAP="$(VALGRIND)" sh tests/pipe_test.sh $(PROG)
	LLMTCO_WRAP="$(VALGRIND)" sh tests/clobber_test.sh $(PROG)
	@echo "dogfood: the built-in catalog validates, the examples check against it"
	$(VALGRIND) $(PROG) pricing validate >/dev/null
	$(VALGRIND) $(PROG) check --baseline pricing/data --fail-on-flip --max-change 0 \
	  --max-breakeven-shift 0 $(patsubst %,--scenario %,$(wildcard scenarios/examples/*.json)) >/dev/null

# Rebuild everything when the flags change (git's GIT-CFLAGS).
$(BUILD)/.flags: FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(ALL_CFLAGS) $(SAN_LDFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
	  echo '$(CC) $(ALL_CFLAGS) $(SAN_LDFLAGS) $(LDFLAGS)' > $@
FORCE:

$(BUILD)/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

# The built-in catalog, compiled in from pricing/data/*.csv.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(QUIET_LINK)$(CC) -std=c11 -O1 -o $@ $<

$(BUILD)/gen/catalog_data.c: $(BUILD)/embed $(CATALOG_CSV)
	@mkdir -p $(@D)
	$(QUIET_GEN)$(BUILD)/embed $@ $(CATALOG_CSV)

$(BUILD)/gen/catalog_data.o: $(BUILD)/gen/catalog_data.c $(BUILD)/.flags
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -I. -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(QUIET_AR)$(AR) rcs $@ $^

$(PROG): $(CLI_OBJ) $(OUT_OBJ) $(LIB)
	$(QUIET_LINK)$(CC) $(SAN_LDFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(OUT_OBJ) $(LIB) $(LIBS)

$(RUNNER): $(TEST_OBJ) $(OUT_OBJ) $(LIB)
	$(QUIET_LINK)$(CC) $(SAN_LDFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(OUT_OBJ) $(LIB) $(LIBS) $(CHECK_LIBS)

# Speed and memory of usage-log reading (tools/bench/bench.sh): optimized,
# no sanitizers. Inputs are generated in build/bench (about 500 MB).
BENCH = build/bench
bench: deps
	@$(MAKE) --no-print-directory all SANITIZE= BUILD=build
	@mkdir -p $(BENCH)
	$(CC) -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o $(BENCH)/gen tools/bench/gen.c
	$(CC) -O2 -std=c11 -o $(BENCH)/scan tools/bench/scan.c -lcsv
	$(CC) -O2 -std=c11 -o $(BENCH)/runstat tools/bench/runstat.c
	sh tools/bench/bench.sh $(BENCH) build/llmtco
	sh tools/bench/sim.sh $(BENCH) build/llmtco

# The man page is generated from the option table, like --help.
man: $(PROG)
	$(PROG) help --man > llmtco.1.tmp && mv llmtco.1.tmp llmtco.1

install: $(PROG)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(PROG) $(DESTDIR)$(PREFIX)/bin/llmtco
	install -m 644 llmtco.1 $(DESTDIR)$(PREFIX)/share/man/man1/llmtco.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/llmtco $(DESTDIR)$(PREFIX)/share/man/man1/llmtco.1

# Static analysis: cppcheck on every C source, installed when missing.
# Checked: errors, warnings, portability and performance. The "style"
# group is off: nearly all it reports is variableScope, and the code
# declares its variables at the top of a block on purpose (as git and
# redis do). A finding that is wrong is silenced where it is, with
# `// cppcheck-suppress id` and a line saying why.
LINT_FLAGS = --std=c11 --enable=warning,portability,performance \
	     --inline-suppr --error-exitcode=1 -q \
	     --suppress=missingIncludeSystem -I. $(PKG_CFLAGS) \
	     -D_POSIX_C_SOURCE=200809L -DIMPORT_FORMAT='"litellm"' \
	     --template='{file}:{line}:{column}: {severity}: {message} [{id}]'
lint:
	@$(MAKE) --no-print-directory deps DEPS_PKGS="$(DEPS_PKGS) cppcheck"
	cppcheck $(LINT_FLAGS) common pricing scenarios reports cli tools tests
	@echo "lint: cppcheck found nothing"

# The clang static analyzer (scan-build) over the program, the library and
# the unit tests, built apart in build/analyze; any finding fails, with its
# HTML report kept in build/analyze/report.
analyze:
	@$(MAKE) --no-print-directory deps DEPS_PKGS="$(DEPS_PKGS) clang clang-tools-14"
	rm -rf build/analyze
	scan-build-14 --status-bugs -o build/analyze/report \
	  $(MAKE) --no-print-directory BUILD=build/analyze \
	  build/analyze/llmtco build/analyze/run_tests
	@echo "analyze: scan-build found nothing"

# libFuzzer targets (tests/fuzz/): built with clang from the library sources
# into build/fuzz/ (the library compiled once, each target linked to it),
# each run FUZZ_SECONDS on its corpus (seeded from the fixtures by
# tests/fuzz/seed.sh); the first crash, leak or timeout stops it
# (reproducer in build/fuzz/TARGET-crash-*).
FUZZ_SECONDS ?= 60
FUZZ_DIR     = build/fuzz
FUZZ_CC      = clang
FUZZ_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
	       -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
	       $(PKG_CFLAGS) -I.
FUZZ_LDFLAGS = -fsanitize=fuzzer,address,undefined
FUZZ_TARGETS = catalog_csv scenario_json usage import_litellm import_genai_prices \
	       import_openrouter num_parse set
FUZZ_OBJ     = $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(LIB_SRC) build/gen/catalog_data.c)
FUZZ_BIN     = $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

# one source for the three importers, told which by IMPORT_FORMAT
$(FUZZ_DIR)/fuzz_import_%: tests/fuzz/fuzz_import.c $(FUZZ_OBJ)
	$(QUIET_LINK)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LDFLAGS) \
	  -DIMPORT_FORMAT='"$(subst _,-,$*)"' -o $@ $< $(FUZZ_OBJ) $(LIBS)

$(FUZZ_DIR)/fuzz_set: tests/fuzz/fuzz_set.c $(FUZZ_DIR)/obj/cli/opts.o $(FUZZ_OBJ)
	$(QUIET_LINK)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LDFLAGS) -o $@ $^ $(LIBS)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(QUIET_LINK)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LDFLAGS) -o $@ $^ $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz:
	@$(MAKE) --no-print-directory deps DEPS_PKGS="$(DEPS_PKGS) clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory build/gen/catalog_data.c SANITIZE= BUILD=build
	@$(MAKE) --no-print-directory fuzz-build SANITIZE= BUILD=build
	sh tests/fuzz/seed.sh $(FUZZ_DIR)
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in catalog_csv|usage) dict=tests/fuzz/csv.dict;; \
	    set) dict=tests/fuzz/csv.dict;; num_parse) dict=;; *) dict=tests/fuzz/json.dict;; esac; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 $${dict:+-dict=$$dict} \
	    -artifact_prefix=$(FUZZ_DIR)/$$t- \
	    $(FUZZ_DIR)/corpus/$$t >$(FUZZ_DIR)/$$t.log 2>&1 \
	    || { tail -n 40 $(FUZZ_DIR)/$$t.log; echo "fuzz: $$t crashed (log $(FUZZ_DIR)/$$t.log)"; exit 1; }; \
	  grep -E '^(#[0-9]+|Done)' $(FUZZ_DIR)/$$t.log | tail -n 1; \
	  echo "fuzz: $$t corpus $$(ls $(FUZZ_DIR)/corpus/$$t | wc -l) files"; \
	done

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
