/*
 * opts.c - parse options from the table; print them for --help and man.
 */
#include "opts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TEXT 1, 0 /* min > max: the argument is text, not a number */
#define NONNEG 0, LLMTCO_MAX_AMOUNT
#define ANYCMD (CMD_WORKLOAD | CMD_PRICING | CMD_USAGE | CMD_CHECK)

const struct opt opt_table[] = {
	{ "spend", 0, "USD", OPT_SPEND, CMD_WORKLOAD, NONNEG,
	  "API spend at provider list price, USD/month" },
	{ "requests", 0, "N", OPT_REQUESTS, CMD_WORKLOAD, NONNEG,
	  "requests per month (default: spend / $0.005, said out loud)" },
	{ "tokens-per-day", 0, "N", OPT_TOKENS_PER_DAY, CMD_WORKLOAD, NONNEG,
	  "tokens per day; with --usd-per-mtok gives the spend" },
	{ "usd-per-mtok", 0, "USD", OPT_USD_PER_MTOK, CMD_WORKLOAD, NONNEG,
	  "blended price per million tokens, USD" },
	{ "peak-to-average", 0, "RATIO", OPT_PEAK, CMD_WORKLOAD, 1, 1e6,
	  "peak over average traffic (default 3)" },
	{ "hours", 0, "H", OPT_HOURS, CMD_WORKLOAD, NONNEG,
	  "maintenance hours/month of self-hosted options" },
	{ "setup-hours", 0, "H", OPT_SETUP_HOURS, CMD_WORKLOAD, NONNEG,
	  "one-time setup hours of self-hosted options" },
	{ "rate", 0, "USD", OPT_RATE, CMD_WORKLOAD, NONNEG,
	  "engineering cost per hour, USD (default: catalog, $100-$150)" },
	{ "horizon", 0, "MONTHS", OPT_HORIZON, CMD_WORKLOAD & ~CMD_PROJECT, 1, 1200,
	  "months setup hours are amortized over (default 12)" },
	{ "infra", 0, "USD", OPT_INFRA, CMD_WORKLOAD, NONNEG,
	  "replace all self-hosted infrastructure with one figure, USD/month" },
	{ "routing-savings", 0, "PCT", OPT_ROUTING_SAVINGS, CMD_WORKLOAD, 0, 100,
	  "percent of API spend saved by smart routing (default 0)" },
	{ "mix", 0, "MODEL=SHARE:IN:OUT[:CACHED]", OPT_MIX, CMD_WORKLOAD, TEXT,
	  "one model of the traffic: share of requests, input/output (and cached input) tokens per request (repeatable; shares make 1)" },
	{ "route", 0, "FROM=TO:PCT", OPT_ROUTE, CMD_WORKLOAD, TEXT,
	  "move PCT% of FROM's requests to TO (repeatable): the saving is derived from the mix" },
	{ "router", 0, "ID", OPT_ROUTER, CMD_WORKLOAD, TEXT,
	  "run this router add-on (routellm, semantic-router, martian) with every self-hosted option" },
	{ "scenario", 0, "FILE", OPT_SCENARIO, CMD_WORKLOAD, TEXT,
	  "scenario JSON file; flags override it" },
	{ "scenario", 0, "FILE", OPT_SCENARIO, CMD_CHECK, TEXT,
	  "a scenario to check (repeatable; at least one)" },
	{ "baseline", 0, "PATH|git:REF", OPT_BASELINE, CMD_CHECK, TEXT,
	  "the catalog before the change: a CSV file or folder, or git:REF for --pricing's path at a git revision" },
	{ "fail-on-flip", 0, NULL, OPT_FAIL_ON_FLIP, CMD_CHECK, TEXT,
	  "exit 1 when a scenario's cheapest option changes" },
	{ "max-change", 0, "PCT", OPT_MAX_CHANGE, CMD_CHECK, 0, LLMTCO_MAX_AMOUNT,
	  "exit 1 when an option's total moves by more than PCT percent" },
	{ "max-breakeven-shift", 0, "PCT", OPT_MAX_BREAKEVEN_SHIFT, CMD_CHECK, 0, LLMTCO_MAX_AMOUNT,
	  "exit 1 when a crossing moves by more than PCT percent (or appears or goes)" },
	{ "usage", 0, "FILE", OPT_USAGE, CMD_COMPARE, TEXT,
	  "take the workload from usage logs (repeatable): list-price spend and requests "
	  "scaled to a month, the priced models as the mix" },
	{ "pricing", 0, "PATH", OPT_PRICING, ANYCMD, TEXT,
	  "CSV file or folder layered on the built-in catalog (repeatable)" },
	{ "options", 0, "ID,...", OPT_OPTIONS, CMD_WORKLOAD, TEXT,
	  "only these options (an id takes all its plans; id/plan one)" },
	{ "require", 0, "FEATURE", OPT_REQUIRE, CMD_WORKLOAD, TEXT,
	  "data-residency, smart-routing, self-hosted, managed or sla (repeatable)" },
	{ "max-latency-ms", 0, "N", OPT_MAX_LATENCY, CMD_WORKLOAD, NONNEG,
	  "leave out options that can add more latency than this" },
	{ "set", 0, "ID.FIELD=VALUE", OPT_SET, CMD_WORKLOAD, TEXT,
	  "override a catalog field of one option (repeatable)" },
	{ "period", 0, "day|month|year", OPT_PERIOD, CMD_COMPARE | CMD_SWEEP, TEXT,
	  "rescale the printed figures (default month)" },
	{ "between", 0, "A,B", OPT_BETWEEN, CMD_BREAKEVEN, TEXT,
	  "the two options (default: every self-hosted x managed pair)" },
	{ "between", 0, "A,B", OPT_BETWEEN, CMD_SIMULATE, TEXT,
	  "also the distribution of these two plans' breakeven in API spend (the first 10,000 trials)" },
	{ "between", 0, "A,B", OPT_BETWEEN, CMD_SENSITIVITY, TEXT,
	  "the two plans to weigh, each one compare ranks (not a quote-only plan or a router) and "
	  "not the same plan twice (default: the cheapest self-hosted and the cheapest managed)" },
	{ "trials", 0, "N", OPT_TRIALS, CMD_SIMULATE | CMD_REPORT, 1, 10000000,
	  "trials to run (default 10000)" },
	{ "seed", 0, "S", OPT_SEED, CMD_SIMULATE | CMD_REPORT, 0, 9007199254740992.0,
	  "seed of the draws: the same seed gives the same result (default 1)" },
	{ "jobs", 0, "J", OPT_JOBS, CMD_SIMULATE | CMD_REPORT, 1, 64,
	  "threads to run the trials on; the result does not depend on it (default 1)" },
	{ "in", 0, "VAR", OPT_IN, CMD_BREAKEVEN | CMD_SWEEP, TEXT,
	  "spend, requests, tokens-per-day, hours or rate (default spend)" },
	{ "max", 0, "X", OPT_MAX, CMD_BREAKEVEN, NONNEG,
	  "search from 0 to X (default: spend 100000, requests 1e8, tokens-per-day 1e10, hours 200, rate 500)" },
	{ "from", 0, "X", OPT_FROM, CMD_SWEEP, NONNEG, "first value of the variable (default 0)" },
	{ "to", 0, "X", OPT_TO, CMD_SWEEP, NONNEG,
	  "last value (default: as breakeven's --max)" },
	{ "steps", 0, "N", OPT_STEPS, CMD_SWEEP, 2, 100000,
	  "points from --from to --to, one row each (default 21)" },
	{ "log", 0, NULL, OPT_LOG, CMD_SWEEP, TEXT,
	  "a geometric grid (--from must be above 0)" },
	{ "breakdown", 0, NULL, OPT_BREAKDOWN, CMD_SWEEP, TEXT,
	  "a column per cost part of each option, not only totals" },
	{ "months", 0, "N", OPT_MONTHS, CMD_PROJECT, 1, 1200, "months to project (default: the scenario's horizon_months, else 24)" },
	{ "growth", 0, "PCT", OPT_GROWTH, CMD_PROJECT, -100, 1000,
	  "traffic growth per month, compounding (default: the scenario's, else 0)" },
	{ "bridge", 0, "MANAGED,SELFHOSTED", OPT_BRIDGE, CMD_PROJECT, TEXT,
	  "buy MANAGED now, self-host SELFHOSTED from --switch-month" },
	{ "switch-month", 0, "M", OPT_SWITCH_MONTH, CMD_PROJECT, 2, 1200,
	  "first month on the self-hosted option of --bridge" },
	{ "switch", 0, "auto", OPT_SWITCH, CMD_PROJECT, TEXT,
	  "pick the switch month with the least total over the horizon" },
	{ "migration-hours", 0, "H", OPT_MIGRATION_HOURS, CMD_PROJECT, NONNEG,
	  "hours to move traffic, paid in the switch month (default: the catalog's)" },
	{ "hybrid", 0, "A:PCT,B:PCT", OPT_HYBRID, CMD_PROJECT, TEXT,
	  "split the traffic between two options, each paying its own fixed costs" },
	{ "discount-rate", 0, "PCT", OPT_DISCOUNT_RATE, CMD_PROJECT, 0, 100,
	  "annual rate for the net present value (default 0)" },
	{ "plot", 0, "FILE", OPT_PLOT, CMD_SWEEP | CMD_PROJECT | CMD_SENSITIVITY, TEXT,
	  "also draw a chart to FILE with gnuplot (atomically; never an input file)" },
	{ "plot-format", 0, "png|svg", OPT_PLOT_FORMAT,
	  CMD_SWEEP | CMD_REPORT | CMD_PROJECT | CMD_SENSITIVITY, TEXT,
	  "image format of plots (default png)" },
	{ "out", 0, "DIR", OPT_OUT, CMD_REPORT, TEXT, "the memo folder to write" },
	{ "force", 0, NULL, OPT_FORCE, CMD_REPORT, TEXT, "replace DIR when it exists (not when it holds an input file)" },
	{ "as-of", 0, "YYYY-MM-DD", OPT_AS_OF, CMD_PRICING, TEXT,
	  "pricing import: the prices in force on that day (default today)" },
	{ "max-age", 0, "DAYS", OPT_MAX_AGE, CMD_PRICING, 0, 100000,
	  "pricing validate: warn about prices older than DAYS (default 180)" },
	{ "format", 0, "table|csv|json|md", OPT_FORMAT, ANYCMD & ~CMD_REPORT, TEXT,
	  "output format (default table)" },
	{ "output", 'o', "FILE", OPT_OUTPUT, ANYCMD & ~CMD_REPORT, TEXT,
	  "write to FILE (atomically; never an input file) instead of standard output" },
	{ "help", 'h', NULL, OPT_HELP, ANYCMD, TEXT, "show this help" },
	{ NULL, 0, NULL, 0, 0, 0, 0, NULL }
};

/* The entry of a long option for command `cmd` (a flag may have one per command). */
static const struct opt *find_long(const char *name, size_t len, unsigned cmd)
{
	const struct opt *o;

	for (o = opt_table; o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len) && (o->cmds & cmd))
			return o;
	return NULL;
}

static const struct opt *find_short(char c)
{
	const struct opt *o;

	for (o = opt_table; o->name; o++)
		if (o->short_name && o->short_name == c)
			return o;
	return NULL;
}

static int usage(struct llmtco_err *err, const char *fmt, const char *a,
		 const char *b)
{
	return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, fmt, a, b);
}

/* Parse a number argument against the option's limits. */
static int num_arg(const struct opt *o, const char *val, struct param *out,
		   struct llmtco_err *err)
{
	const char *why;
	double v;

	if (num_parse(val, &v, &why))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--%s \"%.60s\" %s",
			       o->name, val, why);
	if (v < o->min || v > o->max) {
		char lo[32], hi[32];
		if (o->max == 100.0)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--%s must be a percentage from 0 to 100, not \"%.60s\"",
				       o->name, val);
		if (o->min == 0 && v < 0)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--%s must not be negative, not \"%.60s\"", o->name, val);
		snprintf(lo, sizeof(lo), "%.15g", o->min);
		snprintf(hi, sizeof(hi), "%.0f", o->max);
		if (v > o->max && o->max == LLMTCO_MAX_AMOUNT)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--%s \"%.60s\" is too large (at most %s)", o->name, val, hi);
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--%s must be from %s to %s, not \"%.60s\"", o->name, lo, hi, val);
	}
	out->set = 1;
	out->r = range_fixed(v);
	return LLMTCO_OK;
}

/* "a,b,c" appended to a string list; empty items refused. */
static int list_arg(const struct opt *o, const char *val, char ***list,
		    size_t *n, struct llmtco_err *err)
{
	const char *p = val;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char item[128];

		if (len == 0 || len >= sizeof(item))
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--%s \"%.60s\" has an empty or overlong item",
				       o->name, val);
		memcpy(item, p, len);
		item[len] = '\0';
		if (strlist_add(list, n, item))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		if (!comma)
			return LLMTCO_OK;
		p = comma + 1;
	}
}

/* ID.FIELD=VALUE, split at '=' and then at the last '.' before it. */
static int set_arg(const char *val, struct scenario *s, struct llmtco_err *err)
{
	const char *eq = strchr(val, '='), *dot;
	struct override *ov, *p;

	if (!eq)
		return usage(err, "--set \"%.60s\" must be ID.FIELD=VALUE%s", val, "");
	for (dot = eq; dot > val && dot[-1] != '.'; dot--)
		;
	if (dot == val || dot - 1 == val || dot == eq || !eq[1])
		return usage(err, "--set \"%.60s\" must be ID.FIELD=VALUE%s", val, "");
	p = realloc(s->overrides, (s->noverrides + 1) * sizeof(*p));
	if (!p)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	s->overrides = p;
	ov = &p[s->noverrides];
	memset(ov, 0, sizeof(*ov));
	ov->target = strndup(val, (size_t)(dot - 1 - val));
	ov->field = strndup(dot, (size_t)(eq - dot));
	ov->text = strdup(eq + 1);
	if (!ov->target || !ov->field || !ov->text) {
		free(ov->target);
		free(ov->field);
		free(ov->text);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	s->noverrides++;
	return LLMTCO_OK;
}

/* Split "A=B" at the last '='; NULL when there is none or a side is empty. */
static const char *split_eq(const char *val)
{
	const char *eq = strrchr(val, '=');

	return eq && eq != val && eq[1] ? eq : NULL;
}

/* FROM=TO:PCT */
static int route_arg(const char *val, struct scenario *s, struct llmtco_err *err)
{
	const char *eq = split_eq(val), *colon = eq ? strrchr(eq, ':') : NULL, *why;
	struct route *r;
	double pct;

	if (!eq || !colon || colon == eq + 1 || num_parse(colon + 1, &pct, &why) ||
	    pct < 0 || pct > 100)
		return usage(err, "--route \"%.60s\" must be FROM=TO:PCT with PCT from 0 to 100%s",
			     val, "");
	r = realloc(s->routes, (s->nroutes + 1) * sizeof(*r));
	if (!r)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	s->routes = r;
	r = &r[s->nroutes];
	memset(r, 0, sizeof(*r));
	r->from = strndup(val, (size_t)(eq - val));
	r->to = strndup(eq + 1, (size_t)(colon - eq - 1));
	r->share_pct.set = 1;
	r->share_pct.r = range_fixed(pct);
	s->nroutes++;
	if (!r->from || !r->to)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	return LLMTCO_OK;
}

/* MODEL=SHARE:IN:OUT[:CACHED] */
static int mix_arg(const char *val, struct scenario *s, struct llmtco_err *err)
{
	const char *eq = strchr(val, '='), *p, *why;
	double v[4] = { 0, 0, 0, 0 };
	struct mix_entry *m;
	int n = 0;

	if (!eq || eq == val)
		goto bad;
	for (p = eq + 1; n < 4; n++) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		if (num_parse_n(p, len, &v[n], &why) || v[n] < 0 || v[n] > LLMTCO_MAX_AMOUNT)
			goto bad;
		if (!colon) {
			n++;
			break;
		}
		p = colon + 1;
	}
	if (n < 3 || (n == 4 && p[strcspn(p, ":")]) || v[0] > 1)
		goto bad;
	m = realloc(s->mix, (s->nmix + 1) * sizeof(*m));
	if (!m)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	s->mix = m;
	m = &m[s->nmix];
	memset(m, 0, sizeof(*m));
	if (!(m->model = strndup(val, (size_t)(eq - val))))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	m->share.set = m->input_tokens.set = m->output_tokens.set = 1;
	m->share.r = range_fixed(v[0]);
	m->input_tokens.r = range_fixed(v[1]);
	m->output_tokens.r = range_fixed(v[2]);
	m->cached_tokens.set = n == 4;
	m->cached_tokens.r = range_fixed(v[3]);
	s->nmix++;
	return LLMTCO_OK;
bad:
	return usage(err, "--mix \"%.60s\" must be MODEL=SHARE:IN:OUT[:CACHED] (share 0-1, token counts)%s",
		     val, "");
}

static int add_path(const char ***list, size_t *n, const char *v)
{
	const char **p = realloc((void *)*list, (*n + 1) * sizeof(*p));

	if (!p)
		return -1;
	p[(*n)++] = v;
	*list = p;
	return 0;
}

static int apply(struct cli_args *a, const struct opt *o, const char *val,
		 struct llmtco_err *err)
{
	struct scenario *s = &a->flags;

	switch (o->id) {
	case OPT_HELP:
		a->help = 1;
		return LLMTCO_OK;
	case OPT_VERSION:
		a->version = 1;
		return LLMTCO_OK;
	case OPT_SPEND:
		a->spend_flag = 1;
		return num_arg(o, val, &s->api_spend, err);
	case OPT_REQUESTS:
		return num_arg(o, val, &s->requests_per_month, err);
	case OPT_TOKENS_PER_DAY:
		a->spend_flag = 1;
		return num_arg(o, val, &s->tokens_per_day, err);
	case OPT_USD_PER_MTOK:
		return num_arg(o, val, &s->usd_per_mtok, err);
	case OPT_PEAK:
		return num_arg(o, val, &s->peak_to_average, err);
	case OPT_HOURS:
		return num_arg(o, val, &s->maintenance_hours, err);
	case OPT_SETUP_HOURS:
		return num_arg(o, val, &s->setup_hours, err);
	case OPT_RATE:
		return num_arg(o, val, &s->hourly_rate, err);
	case OPT_HORIZON:
		return num_arg(o, val, &s->horizon_months, err);
	case OPT_INFRA:
		return num_arg(o, val, &s->infra_monthly, err);
	case OPT_ROUTING_SAVINGS:
		return num_arg(o, val, &s->routing_savings_pct, err);
	case OPT_MAX_LATENCY:
		return num_arg(o, val, &s->max_latency_ms, err);
	case OPT_SCENARIO:
		if (a->cmd == CMD_CHECK) /* check takes several */
			return add_path(&a->scenarios, &a->nscenarios, val)
				? err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
		if (a->scenario)
			return usage(err, "--scenario given twice%s%s", "", "");
		a->scenario = val;
		return LLMTCO_OK;
	case OPT_BASELINE:
		if (!*val)
			return usage(err, "--baseline needs a path or git:REF%s%s", "", "");
		a->baseline = val;
		return LLMTCO_OK;
	case OPT_FAIL_ON_FLIP:
		a->fail_on_flip = 1;
		return LLMTCO_OK;
	case OPT_MAX_CHANGE:
		return num_arg(o, val, &a->max_change, err);
	case OPT_MAX_BREAKEVEN_SHIFT:
		return num_arg(o, val, &a->max_shift, err);
	case OPT_PRICING:
		return add_path(&a->pricing, &a->npricing, val)
			? err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
	case OPT_OPTIONS:
		return list_arg(o, val, &s->options, &s->noptions, err);
	case OPT_REQUIRE:
		return list_arg(o, val, &s->require, &s->nrequire, err);
	case OPT_SET:
		return set_arg(val, s, err);
	case OPT_PERIOD:
		if (!strcmp(val, "month"))
			a->period = PERIOD_MONTH;
		else if (!strcmp(val, "day"))
			a->period = PERIOD_DAY;
		else if (!strcmp(val, "year"))
			a->period = PERIOD_YEAR;
		else
			return usage(err, "--period must be day, month or year, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_FORMAT:
		if (!strcmp(val, "table"))
			a->format = FORMAT_TABLE;
		else if (!strcmp(val, "csv"))
			a->format = FORMAT_CSV;
		else if (!strcmp(val, "json"))
			a->format = FORMAT_JSON;
		else if (!strcmp(val, "md"))
			a->format = FORMAT_MD;
		else
			return usage(err, "--format must be table, csv, json or md, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_OUTPUT:
		if (!*val)
			return usage(err, "--output needs a file name%s%s", "", "");
		a->output = val;
		return LLMTCO_OK;
	case OPT_BETWEEN:
		if (!strchr(val, ',') || strchr(val, ',') == val || !strchr(val, ',')[1] ||
		    strchr(strchr(val, ',') + 1, ','))
			return usage(err, "--between must be A,B (two option ids), not \"%.60s\"%s",
				     val, "");
		a->between = val;
		return LLMTCO_OK;
	case OPT_IN:
		a->in = val;
		return LLMTCO_OK;
	case OPT_MAX:
		return num_arg(o, val, &a->max, err);
	case OPT_FROM:
		return num_arg(o, val, &a->from, err);
	case OPT_TO:
		return num_arg(o, val, &a->to, err);
	case OPT_STEPS:
		if (num_arg(o, val, &a->steps, err))
			return LLMTCO_EUSAGE;
		if (a->steps.r.value != floor(a->steps.r.value))
			return usage(err, "--steps must be a whole number, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_LOG:
		a->log = 1;
		return LLMTCO_OK;
	case OPT_BREAKDOWN:
		a->breakdown = 1;
		return LLMTCO_OK;
	case OPT_PLOT:
		if (!*val)
			return usage(err, "--plot needs a file name%s%s", "", "");
		a->plot = val;
		return LLMTCO_OK;
	case OPT_PLOT_FORMAT:
		if (!strcmp(val, "png"))
			a->plot_svg = 0;
		else if (!strcmp(val, "svg"))
			a->plot_svg = 1;
		else
			return usage(err, "--plot-format must be png or svg, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_OUT:
		if (!*val)
			return usage(err, "--out needs a folder name%s%s", "", "");
		a->out = val;
		return LLMTCO_OK;
	case OPT_FORCE:
		a->force = 1;
		return LLMTCO_OK;
	case OPT_MONTHS:
		if (num_arg(o, val, &a->months, err))
			return LLMTCO_EUSAGE;
		if (a->months.r.value != floor(a->months.r.value))
			return usage(err, "--months must be a whole number, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_GROWTH:
		return num_arg(o, val, &a->growth, err);
	case OPT_BRIDGE:
		if (a->bridge)
			return usage(err, "--bridge given twice%s%s", "", "");
		if (!strchr(val, ',') || strchr(val, ',') == val || !strchr(val, ',')[1] ||
		    strchr(strchr(val, ',') + 1, ','))
			return usage(err, "--bridge must be MANAGED,SELFHOSTED (two option ids), not \"%.60s\"%s",
				     val, "");
		a->bridge = val;
		return LLMTCO_OK;
	case OPT_SWITCH_MONTH:
		if (num_arg(o, val, &a->switch_month, err))
			return LLMTCO_EUSAGE;
		if (a->switch_month.r.value != floor(a->switch_month.r.value))
			return usage(err, "--switch-month must be a whole number, not \"%.60s\"%s", val, "");
		return LLMTCO_OK;
	case OPT_SWITCH:
		if (strcmp(val, "auto"))
			return usage(err, "--switch takes only \"auto\", not \"%.60s\"%s", val, "");
		a->switch_auto = 1;
		return LLMTCO_OK;
	case OPT_MIGRATION_HOURS:
		return num_arg(o, val, &a->migration_hours, err);
	case OPT_HYBRID:
		if (a->hybrid)
			return usage(err, "--hybrid given twice%s%s", "", "");
		a->hybrid = val;
		return LLMTCO_OK;
	case OPT_DISCOUNT_RATE:
		return num_arg(o, val, &a->discount, err);
	case OPT_USAGE:
		return add_path(&a->usage, &a->nusage, val)
			? err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
	case OPT_AS_OF:
		a->as_of = val; /* checked by pricing import */
		return LLMTCO_OK;
	case OPT_MAX_AGE:
		if (num_arg(o, val, &a->max_age, err))
			return LLMTCO_EUSAGE;
		if (a->max_age.r.value != floor(a->max_age.r.value))
			return usage(err, "--max-age must be a whole number of days, not \"%.60s\"%s",
				     val, "");
		return LLMTCO_OK;
	case OPT_TRIALS:
	case OPT_SEED:
	case OPT_JOBS: {
		struct param *p = o->id == OPT_TRIALS ? &a->trials
				: o->id == OPT_SEED ? &a->seed : &a->jobs;
		if (num_arg(o, val, p, err))
			return LLMTCO_EUSAGE;
		if (p->r.value != floor(p->r.value))
			return usage(err, "--%s must be a whole number, not \"%.60s\"", o->name, val);
		return LLMTCO_OK;
	}
	case OPT_ROUTE:
		a->routes_flag = 1;
		return route_arg(val, s, err);
	case OPT_MIX:
		return mix_arg(val, s, err);
	case OPT_ROUTER:
		free(s->router);
		if (!(s->router = strdup(val)))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		return LLMTCO_OK;
	}
	return LLMTCO_OK;
}

int opts_parse(struct cli_args *a, unsigned cmd, int argc, char **argv,
	       int first, struct llmtco_err *err)
{
	int i, rc, only_args = 0;

	a->cmd = cmd;
	for (i = first; i < argc; i++) {
		const char *arg = argv[i], *val = NULL;
		const struct opt *o = NULL;

		if (only_args || arg[0] != '-' || !strcmp(arg, "-")) {
			const char **p = realloc((void *)a->rest, (a->nrest + 1) * sizeof(*p));
			if (!p)
				return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			p[a->nrest++] = arg;
			a->rest = p;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_args = 1;
			continue;
		}
		if (arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			o = find_long(arg + 2, len, cmd);
			if (eq)
				val = eq + 1;
		} else if (arg[2] == '\0') {
			o = find_short(arg[1]);
		}
		if (!o || !(o->cmds & cmd))
			return usage(err, "unknown flag \"%.60s\"%s", arg, "");
		if (o->arg && !val) {
			if (i + 1 >= argc)
				return usage(err, "--%s needs a value (%s)", o->name, o->arg);
			val = argv[++i];
		} else if (!o->arg && val) {
			return usage(err, "--%s takes no value%s", o->name, "");
		}
		if ((rc = apply(a, o, val, err)))
			return rc;
	}
	return LLMTCO_OK;
}

void cli_args_release(struct cli_args *a)
{
	if (!a)
		return;
	scenario_release(&a->flags);
	free((void *)a->pricing);
	free((void *)a->rest);
	free((void *)a->scenarios);
	free((void *)a->usage);
	memset(a, 0, sizeof(*a));
}

void opts_help(FILE *fp, unsigned cmd)
{
	const struct opt *o;
	char left[64];

	for (o = opt_table; o->name; o++) {
		if (!(o->cmds & cmd))
			continue;
		if (o->short_name)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
				 o->arg ? o->arg : "");
		fprintf(fp, "  %-30s %s\n", left, o->help);
	}
}

/* roff text: '\\' and '-' escaped, and a leading '.' or '\'' made literal. */
void opts_roff(FILE *fp, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", fp);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", fp);
		else if (*s == '-')
			fputs("\\-", fp);
		else
			fputc(*s, fp);
	}
}

void opts_man(FILE *fp, unsigned cmd)
{
	const struct opt *o;

	for (o = opt_table; o->name; o++) {
		if (!(o->cmds & cmd))
			continue;
		fputs(".TP\n.B ", fp);
		if (o->short_name)
			fprintf(fp, "\\-%c, ", o->short_name);
		fputs("\\-\\-", fp);
		opts_roff(fp, o->name);
		if (o->arg) {
			fputs(" \\fI", fp);
			opts_roff(fp, o->arg);
			fputs("\\fR", fp);
		}
		fputc('\n', fp);
		opts_roff(fp, o->help);
		fputc('\n', fp);
	}
}
