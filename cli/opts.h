/*
 * opts.h - the option table: one table drives parsing, `--help` and the man
 * page (git's parse-options).
 */
#ifndef LLMTCO_OPTS_H
#define LLMTCO_OPTS_H

#include <stdio.h>
#include "../scenarios/scenario.h"
#include "../reports/output.h"

/* Commands, as bits, so an option can belong to several. */
enum {
	CMD_COMPARE = 1 << 0,
	CMD_PRICING = 1 << 1,
	CMD_BREAKEVEN = 1 << 2,
	CMD_SWEEP = 1 << 3,
	CMD_REPORT = 1 << 4,
	CMD_PROJECT = 1 << 5,
	CMD_ROUTING = 1 << 6,
	CMD_USAGE = 1 << 7,
	CMD_CHECK = 1 << 8,
	CMD_SIMULATE = 1 << 9,
	CMD_SENSITIVITY = 1 << 10
};

/* Flags that evaluate a workload (SPEC section 2, "common flags"). */
#define CMD_WORKLOAD (CMD_COMPARE | CMD_BREAKEVEN | CMD_SWEEP | CMD_REPORT | CMD_PROJECT | \
		      CMD_ROUTING | CMD_SIMULATE | CMD_SENSITIVITY)

enum opt_id {
	OPT_HELP = 1, OPT_VERSION, OPT_SPEND, OPT_REQUESTS, OPT_TOKENS_PER_DAY,
	OPT_USD_PER_MTOK, OPT_HOURS, OPT_SETUP_HOURS, OPT_RATE, OPT_INFRA,
	OPT_ROUTING_SAVINGS, OPT_SCENARIO, OPT_PRICING, OPT_OPTIONS, OPT_REQUIRE,
	OPT_MAX_LATENCY, OPT_SET, OPT_PERIOD, OPT_FORMAT, OPT_OUTPUT, OPT_PEAK,
	OPT_HORIZON, OPT_BETWEEN, OPT_IN, OPT_MAX, OPT_FROM, OPT_TO, OPT_STEPS,
	OPT_LOG, OPT_BREAKDOWN, OPT_PLOT, OPT_PLOT_FORMAT, OPT_OUT, OPT_FORCE,
	OPT_MONTHS, OPT_GROWTH, OPT_BRIDGE, OPT_SWITCH_MONTH, OPT_SWITCH,
	OPT_MIGRATION_HOURS, OPT_HYBRID, OPT_DISCOUNT_RATE, OPT_ROUTE, OPT_MIX,
	OPT_ROUTER, OPT_BASELINE, OPT_FAIL_ON_FLIP, OPT_MAX_CHANGE,
	OPT_MAX_BREAKEVEN_SHIFT,
	OPT_AS_OF,
	OPT_MAX_AGE,
	OPT_USAGE,
	OPT_TRIALS, OPT_SEED, OPT_JOBS
};

struct opt {
	const char *name;  /* long name without "--" */
	char short_name;   /* or 0 */
	const char *arg;   /* argument name for help, NULL for none */
	enum opt_id id;
	unsigned cmds;     /* commands that take it */
	double min, max;   /* numeric arguments: allowed range; min > max: text */
	const char *help;
};

extern const struct opt opt_table[];


struct catalog_diag;

/* What the command line said. */
struct cli_args {
	const char *command;     /* "compare", ... */
	unsigned cmd;            /* CMD_ bit */
	int help, version;
	struct scenario flags;   /* values given by flags, layered on the file */
	int spend_flag;          /* a flag gave spend or tokens: file's go */
	int routes_flag;         /* --route given: the file's policy goes */
	const char *scenario;    /* --scenario FILE */
	const char **pricing;    /* --pricing PATH, in order */
	size_t npricing;
	const char *output;      /* --output FILE */
	enum out_format format;
	enum period period;
	const char **rest;       /* positional arguments */
	size_t nrest;
	const char *between;     /* --between A,B (breakeven) */
	const char *in;          /* --in VAR (breakeven, sweep) */
	struct param max;        /* --max X (breakeven) */
	struct param from, to;   /* --from, --to (sweep) */
	struct param steps;      /* --steps N (sweep) */
	int log;                 /* --log: geometric grid */
	int breakdown;           /* --breakdown: per-part columns */
	const char *plot;        /* --plot FILE */
	int plot_svg;            /* --plot-format svg */
	const char *out;         /* --out DIR (report) */
	int force;               /* --force (report) */
	struct param months;     /* --months N (project) */
	struct param growth;     /* --growth PCT per month */
	const char *bridge;      /* --bridge MANAGED,SELFHOSTED */
	struct param switch_month; /* --switch-month M */
	int switch_auto;         /* --switch auto */
	struct param migration_hours; /* --migration-hours H */
	const char *hybrid;      /* --hybrid A:PCT,B:PCT */
	struct param discount;   /* --discount-rate PCT per year */
	const char *baseline;    /* --baseline PATH or git:REF (check) */
	const char **scenarios;  /* check: every --scenario FILE */
	size_t nscenarios;
	int fail_on_flip;        /* --fail-on-flip */
	struct param max_change; /* --max-change PCT */
	struct param max_shift;  /* --max-breakeven-shift PCT */
	const char *as_of;       /* --as-of YYYY-MM-DD (pricing import) */
	struct param max_age;    /* --max-age DAYS (pricing validate) */
	const struct catalog_diag *diag; /* not a flag: pricing validate sets it
					    so cli_catalog reports every problem */
	const char **usage;      /* --usage FILE (compare), in order */
	size_t nusage;
	struct param trials;      /* --trials N (simulate) */
	struct param seed;        /* --seed S */
	struct param jobs;        /* --jobs J */
};

/*
 * Parse argv[first..] for command `cmd`. Returns LLMTCO_OK, LLMTCO_EUSAGE
 * (message in err) or LLMTCO_EIO (out of memory). Release with
 * cli_args_release.
 */
int opts_parse(struct cli_args *a, unsigned cmd, int argc, char **argv,
	       int first, struct llmtco_err *err);

void cli_args_release(struct cli_args *a);

/* Print the options of command `cmd` for --help. */
void opts_help(FILE *fp, unsigned cmd);

/* Write text as roff: '\\' and '-' escaped, a leading '.' made literal. */
void opts_roff(FILE *fp, const char *s);

/* Print the same as man-page source (roff). */
void opts_man(FILE *fp, unsigned cmd);

#endif
