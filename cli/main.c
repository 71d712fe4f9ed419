/*
 * main.c - llmtco: should a team self-host an LLM gateway or pay for a
 * managed one, and at what volume does the answer flip?
 *
 * The command table, help, the man page, and the exit status.
 */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

struct command {
	const char *name;
	unsigned cmd;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *summary;
	const char *description;
};

static const struct command commands[] = {
	{ "compare", CMD_COMPARE, cmd_compare, "llmtco compare [OPTIONS]",
	  "cost of every option for one workload, ranked",
	  "Prints every gateway option's cost for one workload, itemized into api, "
	  "routing savings, platform fee, markup, subscription, usage fees, "
	  "infrastructure and engineering, ranked cheapest first, with the "
	  "assumptions said out loud. Options with no public price are listed as "
	  "\"quote required\" and left out of the ranking until a contract price is "
	  "given (--set ID.contract_usd=USD)." },
	{ "breakeven", CMD_BREAKEVEN, cmd_breakeven, "llmtco breakeven [--between A,B] [--in VAR] [--max X] [OPTIONS]",
	  "where two options' totals cross, in any variable",
	  "Finds every value of one variable (spend, requests, tokens-per-day, "
	  "maintenance hours or hourly rate) where two options' monthly totals "
	  "cross, from 0 to --max, and says which is cheaper on each side. Costs "
	  "step where instances are added, usage tiers begin and free quotas end, "
	  "so there may be several crossings: all are found, exactly (closed form "
	  "on each linear piece, bisection on curved ones, the steps taken from "
	  "the catalog), never by sampling. Without --between, every self-hosted "
	  "option is paired with every managed one that can be priced. A plan "
	  "limit ends the range where that plan stops." },
	{ "sweep", CMD_SWEEP, cmd_sweep,
	  "llmtco sweep [--in VAR] [--from X] [--to Y] [--steps N] [--log] [OPTIONS]",
	  "cost of each option over a range of one variable (CSV, plot)",
	  "Prices every option at N points (rows) of one variable from --from to "
	  "--to, evenly spaced or, with --log, geometrically; one column per "
	  "option's total, or per cost part with --breakdown. An option past its "
	  "plan limit has an empty cell. The crossings between self-hosted and "
	  "managed options in the range (from the breakeven solver) follow the "
	  "table; --plot FILE draws the chart with every crossing marked." },
	{ "project", CMD_PROJECT, cmd_project,
	  "llmtco project [--months N] [--growth PCT] [--bridge M,S --switch-month M|--switch auto] "
	  "[--hybrid A:PCT,B:PCT] [--discount-rate PCT] [OPTIONS]",
	  "month-by-month cost over a horizon: build, buy, bridge, hybrid; payback; NPV",
	  "Projects every option's cost month by month over --months (default "
	  "24), traffic (spend and requests) growing --growth percent a month, "
	  "compounding; instances and tiers are recomputed every month and "
	  "one-time setup hours are paid in month 1, not amortized. Besides each "
	  "option alone (build or buy): a bridge buys a managed option and "
	  "self-hosts from the switch month, paying the self-hosted setup and the "
	  "migration hours then (--switch auto picks the month with the least "
	  "total); a hybrid splits the traffic, each side paying its own fixed "
	  "costs. Payback: the first month from which a strategy's cumulative "
	  "cost stays below that of the cheapest option to buy. --discount-rate "
	  "adds the net present value (end-of-month discounting)." },
	{ "routing", CMD_ROUTING, cmd_routing,
	  "llmtco routing --mix MODEL=SHARE:IN:OUT --route FROM=TO:PCT [OPTIONS]",
	  "what a routing policy saves, from the traffic mix and model prices",
	  "Moves PCT% of FROM's requests to TO for each --route (or the "
	  "scenario's routing.policy), in order; moved requests keep their "
	  "tokens and are priced at TO's list price for that size. Prints the "
	  "API spend by model before and after, scaled to the workload's monthly "
	  "spend (--spend, or the requests priced by the mix), and the saving in "
	  "$ and %. compare applies this saving to smart-routing options, and to "
	  "self-hosted options when --router names a router add-on (its hours and "
	  "price are added)." },
	{ "usage", CMD_USAGE, cmd_usage, "llmtco usage FILE... [--pricing PATH] [--format F] [--output FILE]",
	  "what usage logs spent, by model, recorded and at list price",
	  "Reads usage logs (CSV exports; - is standard input) in chunks, never whole, "
	  "and sums them by model: requests, uncached input, cached (read from a prompt "
	  "cache) and cache-write tokens, output tokens (reasoning included), what the "
	  "logs say was paid (recorded) and the same tokens at the catalog's list prices "
	  "(list; --pricing adds prices). Each file's layout is told by its header: the "
	  "OpenRouter activity export (generation_id, model_permaslug, tokens_prompt; its "
	  "tokens_cached are part of tokens_prompt, its tokens_reasoning are added to the "
	  "output), LiteLLM SpendLogs (request_id, spend, startTime), "
	  "LiteLLM daily spend (api_requests requests a row), the OpenAI usage export "
	  "(num_model_requests; input_tokens include input_cached_tokens, counted once), "
	  "the Anthropic console usage CSV (usage_input_tokens_no_cache; no request "
	  "counts, so its models' requests are unknown), the Anthropic console cost CSV "
	  "(cost_usd in dollars, list_price_usd as list cost, display names read as ids: "
	  "Claude Haiku 4.5 is claude-haiku-4.5), the Admin API cost report as CSV (amount "
	  "in cents), the Helicone export (response_id, request_created_at), or the generic "
	  "layout: model, requests, input_tokens (cached included), output_tokens and "
	  "optional cached_tokens, cost_usd, date. Files may differ in layout; all are "
	  "summed. Models the catalog cannot price are listed with their requests and left "
	  "out of the list total. The span runs from the earliest to the latest time (a "
	  "date alone covers its day; an OpenAI bucket its start to end), at least 1 day. "
	  "An empty number is 0; a bad one stops the reading with file:line:col. "
	  "compare --usage FILE takes its workload from the same logs." },
	{ "report", CMD_REPORT, cmd_report, "llmtco report --out DIR [--scenario FILE] [--force] [OPTIONS]",
	  "write a memo folder: memo.md, CSV files, plots",
	  "Writes the folder DIR: memo.md (the recommendation in one paragraph, "
	  "the comparison table, where the answer flips in words, every "
	  "assumption with its source, every price with its source and date, "
	  "and the two charts), compare.csv, sweep.csv (the totals behind the "
	  "chart: the self-hosted options, the cheapest managed one and the managed "
	  "ones that cross a self-hosted one, from $0 to 4x today's API spend, at "
	  "least $100,000), breakeven.csv, breakdown.png (each option's cost "
	  "parts) and cost-vs-spend.png (the crossings marked); when the scenario "
	  "has horizon_months or growth_pct_per_month, also an \"Over N months\" "
	  "section, timeline.csv and cumulative.png (as llmtco project). A \"How "
	  "sure is this?\" section draws every range --trials times (default "
	  "10,000, --seed 1, as llmtco simulate, whose CSV is simulate.csv) and "
	  "names the assumption that decides the pick (as llmtco sensitivity: "
	  "sensitivity.csv and the tornado.png chart, when there is a self-hosted "
	  "and a managed option to weigh). Everything is written to a temporary folder beside "
	  "DIR and renamed into place at the end, so an interrupted run leaves no "
	  "half-written DIR. An existing DIR is refused unless --force (which "
	  "replaces a folder holding only files). gnuplot draws the charts; "
	  "without it the report fails (exit 4) and writes nothing." },
	{ "simulate", CMD_SIMULATE, cmd_simulate,
	  "llmtco simulate [--trials N] [--seed S] [--jobs J] [--between A,B] [OPTIONS]",
	  "how sure is the answer: Monte Carlo over every range, P10/P50/P90, win odds",
	  "Runs --trials trials (default 10,000). Each trial draws every uncertain "
	  "input once: the scenario's ranges (spend, requests, peak, hourly rate, "
	  "hours, infrastructure, routing savings; [low, high] uniform, {low, mode, "
	  "high} triangular) and the catalog's low/high columns (fees, prices, "
	  "hours, instance capacity, infrastructure items, usage tiers). One draw "
	  "serves every option it applies to in that trial: the hourly rate for "
	  "every self-hosted option, an item or field shared by the plans of one id "
	  "for all of them. Each option that compare ranks is priced in every "
	  "trial; prints its P10, P50 and P90 (nearest-rank percentiles), mean "
	  "monthly total, and the share of trials where it is the cheapest (to the "
	  "cent, a tie going to the first by id and plan; a plan over its limit in "
	  "a trial is not the cheapest there). --between A,B adds the distribution "
	  "of the two plans' first crossing in API spend from $0 to $100,000, "
	  "solved on the first 10,000 trials, and the share with no crossing. The "
	  "draws come from a counter-based generator (splitmix64 of seed, trial "
	  "and input), so the result depends only on --seed, never on --jobs." },
	{ "check", CMD_CHECK, cmd_check,
	  "llmtco check --baseline PATH|git:REF [--pricing PATH] --scenario FILE... [THRESHOLDS]",
	  "CI: what a pricing change does to each decision; fail past a threshold",
	  "Evaluates each scenario under the baseline catalog (--baseline: a CSV "
	  "file or folder, or git:REF, which reads --pricing's path - or, with no "
	  "--pricing, pricing/data - as it was at that git revision, running git "
	  "without a shell) and under the new one (the built-in catalog with "
	  "--pricing on top), and reports each option's total before and after, "
	  "the cheapest option before and after, and each self-hosted x managed "
	  "crossing in API spend before and after. --fail-on-flip, --max-change "
	  "PCT and --max-breakeven-shift PCT make it exit 1 when crossed; invalid "
	  "data exits 3. --format md writes a pull-request comment: a summary "
	  "line, then one table per scenario, flips in bold." },
	{ "sensitivity", CMD_SENSITIVITY, cmd_sensitivity,
	  "llmtco sensitivity [--between A,B] [--plot FILE] [OPTIONS]",
	  "tornado: which input moves the decision most",
	  "Sets each uncertain input (every range of the scenario and of the two "
	  "options' catalog rows, as simulate draws them) to its low and to its "
	  "high, every other input at its point value, and reports how far the "
	  "difference between two options' monthly totals moves - by default the "
	  "cheapest self-hosted and the cheapest managed option at point values. "
	  "Inputs are sorted by that swing; one sentence names the input that "
	  "decides the answer and says whether its range is enough to change which "
	  "option is cheaper. --plot draws the tornado (a bar per input, its move "
	  "at its low and at its high)." },
	{ "pricing", CMD_PRICING, cmd_pricing,
	  "llmtco pricing list | show ID... | validate [PATH] | import litellm|genai-prices|openrouter FILE [OPTIONS]",
	  "the price catalog: list, show, validate, import",
	  "list: every option with a price summary and its date. show ID: every "
	  "field, usage tier and infrastructure item of an option, each with its "
	  "source and date (an id shows all its plans, id/plan one). validate "
	  "[PATH]: load the built-in catalog with PATH on top and report every "
	  "problem as file:line:col (exit 3), and as warnings the prices older than "
	  "--max-age days (default 180). import FORMAT FILE: turn LiteLLM's model price "
	  "map, genai-prices' data or OpenRouter's /api/v1/models into the models "
	  "table (models.csv layout) on standard output or --output, with the "
	  "prices in force on --as-of (default today); entries that cannot be "
	  "priced are counted and listed (--format json)." },
	{ NULL, 0, NULL, NULL, NULL, NULL }
};

static const char exit_codes[] =
	"  0  success\n"
	"  1  check found a problem past a threshold\n"
	"  2  usage error (unknown flag, bad value)\n"
	"  3  bad input data (file:line:col: what is wrong)\n"
	"  4  I/O or system error (unreadable file, write failed, gnuplot missing)\n";

static const struct command *find_command(const char *name)
{
	const struct command *c;

	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void help_main(FILE *fp)
{
	const struct command *c;

	fprintf(fp, "usage: llmtco <command> [options]\n\n"
		    "Should a team self-host an LLM gateway or pay for a managed one,\n"
		    "and at what volume does the answer flip?\n\ncommands:\n");
	for (c = commands; c->name; c++)
		fprintf(fp, "  %-11s %s\n", c->name, c->summary);
	fprintf(fp, "\n'llmtco <command> --help' shows a command's options;"
		    " 'llmtco --version' the version.\n\nexit codes:\n%s", exit_codes);
}

/* Word-wrap `text` at 76 columns with `indent` spaces. */
static void wrap(FILE *fp, const char *text, int indent)
{
	int col = 0;

	while (*text) {
		const char *sp = strchr(text, ' ');
		int len = sp ? (int)(sp - text) : (int)strlen(text);
		if (col && col + 1 + len > 76) {
			fputc('\n', fp);
			col = 0;
		}
		if (!col)
			col = fprintf(fp, "%*s", indent, "");
		else
			col += fprintf(fp, " ");
		col += fprintf(fp, "%.*s", len, text);
		text += len;
		while (*text == ' ')
			text++;
	}
	if (col)
		fputc('\n', fp);
}

void help_command(FILE *fp, const char *name)
{
	const struct command *c = find_command(name);

	if (!c)
		return;
	fprintf(fp, "usage: %s\n\n", c->usage);
	wrap(fp, c->description, 0);
	fprintf(fp, "\noptions:\n");
	opts_help(fp, c->cmd);
	fprintf(fp, "\nexit codes:\n%s", exit_codes);
}

/* The man page, from the same tables as --help. */
static void man_page(FILE *fp)
{
	const struct command *c;

	fputs(".\\\" generated by 'llmtco help --man' (make man); do not edit\n"
	      ".TH LLMTCO 1 \"\" \"llmtco " LLMTCO_VERSION "\" \"User Commands\"\n"
	      ".SH NAME\nllmtco \\- LLM gateway build\\-vs\\-buy cost model\n"
	      ".SH SYNOPSIS\n.B llmtco\n.I command\n[\\fIoptions\\fR]\n"
	      ".SH DESCRIPTION\n"
	      "llmtco tells a team whether to self\\-host an LLM gateway or pay for a "
	      "managed one, and at what volume the answer flips. Every figure is "
	      "itemized and every catalog price carries its source and date. The "
	      "price catalog is compiled into the program; \\-\\-pricing layers a "
	      "CSV file or folder on top.\n"
	      ".SH COMMANDS\n", fp);
	for (c = commands; c->name; c++) {
		fputs(".SS ", fp);
		opts_roff(fp, c->usage);
		fputc('\n', fp);
		opts_roff(fp, c->description);
		fputc('\n', fp);
		opts_man(fp, c->cmd);
	}
	fputs(".SH EXIT STATUS\n", fp);
	{
		const char *p = exit_codes;
		while (*p) {
			const char *nl = strchr(p, '\n');
			fputs(".TP\n", fp);
			fprintf(fp, "%.1s\n", p + 2);
			fprintf(fp, "%.*s\n", (int)(nl - p - 5), p + 5);
			p = nl + 1;
		}
	}
	fputs(".SH EXAMPLES\n"
	      ".nf\nllmtco compare \\-\\-spend 5000\n"
	      "llmtco compare \\-\\-scenario scenarios/examples/mid\\-size.json \\-\\-format json\n"
	      "llmtco compare \\-\\-requests 2000000 \\-\\-hours 16 \\-\\-rate 150 \\-\\-infra 200\n"
	      "llmtco breakeven \\-\\-between litellm/oss,openrouter\n"
	      "llmtco breakeven \\-\\-in requests \\-\\-spend 10000 \\-\\-between litellm/oss,portkey\n"
	      "llmtco sweep \\-\\-options litellm/oss,openrouter \\-\\-to 100000 \\-\\-plot cost.png\n"
	      "llmtco report \\-\\-scenario team.json \\-\\-out memo\n"
	      "llmtco project \\-\\-spend 60000 \\-\\-bridge openrouter,litellm/oss \\-\\-switch auto\n"
	      "llmtco pricing show portkey\n.fi\n"
	      ".SH SEE ALSO\nREADME.md in the source tree: the scenario schema and the catalog columns.\n",
	      fp);
}

/* Did everything written to standard output really get there? (jq) */
static int close_stdout(int rc)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);

	if (bad && output_reader_gone(stdout))
		bad = 0; /* the reader stopped reading: not our error (output.h) */
	if (fclose(stdout) != 0 && !bad && errno != EPIPE)
		bad = 1;
	if (bad && rc != LLMTCO_EIO) {
		fprintf(stderr, "llmtco: write error on standard output: %s\n",
			errno ? strerror(errno) : "unknown error");
		return LLMTCO_EIO;
	}
	return rc;
}

int main(int argc, char **argv)
{
	const struct command *c;
	struct sigaction ignore;
	int rc;

	/* a reader that goes away gives EPIPE, handled quietly (output.h) */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, NULL);
	if (argc < 2) {
		help_main(stderr);
		return LLMTCO_EUSAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		help_main(stdout);
		return close_stdout(LLMTCO_OK);
	}
	if (!strcmp(argv[1], "--version")) {
		printf("llmtco %s\n", LLMTCO_VERSION);
		return close_stdout(LLMTCO_OK);
	}
	if (!strcmp(argv[1], "help")) {
		if (argc > 2 && !strcmp(argv[2], "--man"))
			man_page(stdout);
		else if (argc > 2 && find_command(argv[2]))
			help_command(stdout, argv[2]);
		else if (argc > 2) {
			fprintf(stderr, "llmtco: unknown command \"%s\"\ntry 'llmtco --help'\n",
				argv[2]);
			return LLMTCO_EUSAGE;
		} else
			help_main(stdout);
		return close_stdout(LLMTCO_OK);
	}
	c = find_command(argv[1]);
	if (!c) {
		fprintf(stderr, "llmtco: unknown command \"%s\"\ntry 'llmtco --help'\n", argv[1]);
		return LLMTCO_EUSAGE;
	}
	rc = c->run(argc, argv);
	return close_stdout(rc);
}
