/*
 * cli.h - what the commands share: reading files, building the catalog and
 * the scenario from the command line, reporting errors.
 */
#ifndef LLMTCO_CLI_H
#define LLMTCO_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "opts.h"
#include "../pricing/catalog.h"
#include "../scenarios/scenario.h"
#include "../scenarios/tco.h"
#include "../scenarios/breakeven.h"
#include "../scenarios/routing.h"
#include "../scenarios/usage.h"

/* Largest input file read whole (catalogs, scenarios): 64 MiB. */
#define MAX_INPUT_BYTES (64u << 20)

/*
 * Read a whole file ("-" is standard input) into a NUL-terminated buffer
 * the caller frees. LLMTCO_EIO with a message when it cannot.
 */
int file_read(const char *path, char **data, size_t *len, struct llmtco_err *err);

/* 1 when two paths name the same existing file. */
int same_file(const char *a, const char *b);

/*
 * The built-in catalog with every --pricing file or folder layered on top
 * (a folder's *.csv files in name order, gateway tables first).
 */
int cli_catalog(struct catalog *c, const struct cli_args *a, struct llmtco_err *err);

/*
 * The scenario: the --scenario file, then the flags on top; the catalog's
 * overrides are applied to `c`.
 */
int cli_scenario(struct scenario *s, struct catalog *c, const struct cli_args *a,
		 struct llmtco_err *err);

/*
 * What every workload command does first: parse argv for `cmd` (named
 * `name`), print its help and set *help when --help was given, refuse
 * positional arguments and an --output that is an input, then load the
 * catalog and the scenario. The caller releases `a`, `c` and `s` whatever
 * it returns.
 */
int cli_setup(const char *name, unsigned cmd, int argc, char **argv,
	      struct cli_args *a, struct catalog *c, struct scenario *s,
	      int *help, struct llmtco_err *err);

/*
 * Refuse outputs that would overwrite an input: --output or --plot naming
 * the scenario, a pricing file (or a .csv in a pricing folder), a usage log,
 * the baseline, or one of `more` (positional inputs, called `more_what`);
 * report's --out naming a folder that holds one; --output = --plot.
 */
int cli_check_outputs(const struct cli_args *a, const char **more, size_t nmore,
		      const char *more_what, struct llmtco_err *err);
/* cli_check_outputs with no positional inputs. */
int cli_check_output(const struct cli_args *a, struct llmtco_err *err);

/* Print "llmtco: [file:line:col: ]msg" and, for usage errors, the hint. */
void cli_report(const char *command, int status, const struct llmtco_err *err);

/* Print the help of one command (from the option table). */
void help_command(FILE *fp, const char *name);

/* The variable of --in (default spend); LLMTCO_EUSAGE for a bad name. */
int cli_variable(const struct cli_args *a, enum be_var *v, struct llmtco_err *err);

/*
 * The two plans --between A,B names (simulate, sensitivity): each side one
 * plan (an id with several plans must be given as id/plan), not the same
 * twice. LLMTCO_EUSAGE with the reason otherwise.
 */
int cli_between_plans(const struct catalog *c, const char *between, size_t *a, size_t *b,
		      struct llmtco_err *err);

int cmd_compare(int argc, char **argv);
int cmd_breakeven(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_project(int argc, char **argv);
int cmd_routing(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_pricing(int argc, char **argv);
int cmd_usage(int argc, char **argv);
int cmd_simulate(int argc, char **argv);

/*
 * Read usage logs ("-" is standard input, once) into `r`, each in chunks.
 * LLMTCO_EDATA (file:line:col), LLMTCO_EIO or LLMTCO_EUSAGE in `err`.
 */
int cli_usage_read(struct usage_reader *r, const char *const *paths, size_t n,
		   struct llmtco_err *err);

struct cJSON;

/* A workload taken from usage logs (compare --usage). */
struct usage_workload {
	char say[1024];         /* the assumption, for humans */
	char say_machine[1024]; /* the same without separators */
	struct cJSON *json;     /* the logs' summary (owned) */
};

/*
 * Read the --usage logs and make them the scenario's workload: list-price
 * spend and requests (when every row counts them) scaled to a month by the
 * span, the priced models as the mix. Release `uw` with
 * usage_workload_release whatever it returns.
 */
int cli_usage_workload(const struct cli_args *a, const struct catalog *c,
		       struct scenario *s, struct usage_workload *uw,
		       struct llmtco_err *err);
void usage_workload_release(struct usage_workload *uw);

#endif
