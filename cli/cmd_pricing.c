/*
 * cmd_pricing.c - `llmtco pricing list | show ID | validate [PATH] |
 * import FORMAT FILE`.
 */
#include "cli.h"
#include "../pricing/import.h"
#include "../reports/format.h"
#include "../reports/pricing_out.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int pricing_show(const struct catalog *c, const struct cli_args *a,
			FILE *fp, struct llmtco_err *err)
{
	size_t *idx, n, total = 0, i;
	int rc;

	if (a->nrest < 2)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "pricing show needs an option id (see llmtco pricing list)");
	idx = malloc((c->noptions + 1) * sizeof(*idx));
	if (!idx)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 1; i < a->nrest; i++) {
		n = catalog_match(c, a->rest[i], idx + total, c->noptions - total);
		if (!n) {
			free(idx);
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "unknown option id \"%.60s\" (see llmtco pricing list)",
				       a->rest[i]);
		}
		total += n;
		if (total > c->noptions) /* the same id twice */
			total = c->noptions;
	}
	rc = pricing_show_write(fp, c, idx, total, a->format);
	free(idx);
	return rc ? err_set(err, rc, NULL, 0, 0, "out of memory") : LLMTCO_OK;
}

/* The models.csv columns, in the order the built-in table has them. */
static const char *const models_header[] = {
	"provider", "model", "service_tier", "above_input_tokens", "input_mtok",
	"output_mtok", "cache_read_mtok", "cache_write_mtok", "usd_per_request",
	"source", "as_of", "notes"
};
#define MODELS_COLS (sizeof(models_header) / sizeof(models_header[0]))

/* A price cell: shortest exact form, empty when NaN (not published) or
   when `blank_zero` and 0. */
static const char *price_cell(char *buf, size_t size, double v, int blank_zero)
{
	if (isnan(v) || (blank_zero && v == 0))
		return "";
	return fmt_number(buf, size, v);
}

/* The imported rows as models.csv (RFC 4180 through the grid writer). */
static int import_write_csv(FILE *fp, const struct import_result *r)
{
	struct grid g;
	char num[6][40];
	size_t i, row, c;
	int bad = 0;

	if (grid_init(&g, MODELS_COLS)) { /* with its header row, 0 */
		grid_release(&g);
		return -1;
	}
	row = 0;
	for (c = 0; c < MODELS_COLS; c++)
		bad |= grid_set(&g, row, c, models_header[c]);
	for (i = 0; i < r->nrows && !bad && row != (size_t)-1; i++) {
		const struct model_price *m = &r->rows[i].price;
		const char *cells[MODELS_COLS];
		cells[0] = m->provider;
		cells[1] = m->model;
		cells[2] = m->service_tier;
		cells[3] = price_cell(num[0], sizeof(num[0]), m->above_input_tokens, 1);
		cells[4] = price_cell(num[1], sizeof(num[1]), m->input_mtok, 0);
		cells[5] = price_cell(num[2], sizeof(num[2]), m->output_mtok, 0);
		cells[6] = price_cell(num[3], sizeof(num[3]), m->cache_read_mtok, 0);
		cells[7] = price_cell(num[4], sizeof(num[4]), m->cache_write_mtok, 0);
		cells[8] = price_cell(num[5], sizeof(num[5]), m->usd_per_request, 1);
		cells[9] = m->source;
		cells[10] = m->as_of;
		cells[11] = r->rows[i].notes;
		if ((row = grid_add_row(&g)) == (size_t)-1)
			break;
		for (c = 0; c < MODELS_COLS; c++)
			bad |= grid_set(&g, row, c, cells[c]);
	}
	if (!bad && row != (size_t)-1)
		grid_write_csv(fp, &g);
	grid_release(&g);
	return bad || row == (size_t)-1 ? -1 : 0;
}

/* {"format", "file", "as_of", "entries", "rows", "output"?,
    "skipped": [{"name", "reason"}]} */
static int import_write_json(FILE *fp, const struct import_result *r,
			     enum import_format fmt, const char *file,
			     const char *as_of, const char *output)
{
	cJSON *root = cJSON_CreateObject(), *list = NULL, *j;
	size_t i;
	int ok;

	ok = root && cJSON_AddStringToObject(root, "format", import_format_name(fmt)) &&
	     cJSON_AddStringToObject(root, "file", file) &&
	     cJSON_AddStringToObject(root, "as_of", as_of) &&
	     cJSON_AddNumberToObject(root, "entries", (double)r->entries) &&
	     cJSON_AddNumberToObject(root, "rows", (double)r->nrows) &&
	     (!output || cJSON_AddStringToObject(root, "output", output)) &&
	     (list = cJSON_AddArrayToObject(root, "skipped"));
	for (i = 0; ok && i < r->nskipped; i++) {
		ok = (j = cJSON_CreateObject()) != NULL;
		if (ok)
			cJSON_AddItemToArray(list, j);
		ok = ok && cJSON_AddStringToObject(j, "name", r->skipped[i].name) &&
		     cJSON_AddStringToObject(j, "reason", r->skipped[i].reason);
	}
	if (!ok) {
		cJSON_Delete(root);
		return LLMTCO_EIO;
	}
	return json_emit(fp, root);
}

/* What validate has seen: the counts of the summary line. */
struct tally {
	size_t errors, warnings;
};

/* Print one problem of the catalog: "llmtco: [warning: ]file:line[:col]: msg". */
static void validate_report(void *ud, const struct llmtco_err *e, int warning)
{
	struct tally *t = ud;
	const char *kind = warning ? "warning: " : "";

	if (warning)
		t->warnings++;
	else
		t->errors++;
	if (e->file && e->line && e->col)
		fprintf(stderr, "llmtco: %s%s:%d:%d: %s\n", kind, e->file, e->line, e->col,
			e->msg);
	else if (e->file && e->line)
		fprintf(stderr, "llmtco: %s%s:%d: %s\n", kind, e->file, e->line, e->msg);
	else if (e->file)
		fprintf(stderr, "llmtco: %s%s: %s\n", kind, e->file, e->msg);
	else
		fprintf(stderr, "llmtco: %s%s\n", kind, e->msg);
}

/*
 * Today's date: LLMTCO_TODAY=YYYY-MM-DD when set (a testing aid, so that
 * golden tests do not age), else the local date.
 */
static int validate_today(char *buf, size_t size, struct llmtco_err *err)
{
	const char *env = getenv("LLMTCO_TODAY");
	time_t now;
	struct tm tm;
	long days;

	if (env && *env) {
		if (catalog_date_days(env, &days))
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "LLMTCO_TODAY must be a date YYYY-MM-DD, not \"%.40s\"", env);
		snprintf(buf, size, "%s", env);
		return LLMTCO_OK;
	}
	now = time(NULL);
	if (!localtime_r(&now, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot tell today's date");
	return LLMTCO_OK;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/*
 * pricing validate [PATH]: the built-in catalog with PATH on top, every
 * problem on standard error, then a summary line on standard output.
 * *bad is 1 when there were errors (already printed); warnings alone are
 * fine. Returns what stopped it (a usage error, an unreadable file) in `err`.
 */
static int pricing_validate(struct catalog *c, struct cli_args *a, int *bad,
			    struct llmtco_err *err)
{
	struct tally t = { 0, 0 };
	struct output out;
	struct catalog_diag d;
	char today[11];
	int rc;

	if (a->nrest > 2)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "pricing validate takes one PATH");
	if (a->nrest == 2) {
		const char **p = realloc((void *)a->pricing, (a->npricing + 1) * sizeof(*p));
		if (!p)
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		p[a->npricing++] = a->rest[1];
		a->pricing = p;
	}
	if ((rc = validate_today(today, sizeof(today), err)))
		return rc;
	if ((rc = cli_check_output(a, err)))
		return rc;
	d.report = validate_report;
	d.ud = &t;
	d.today = today;
	d.max_age_days = a->max_age.set ? (int)a->max_age.r.value : 180;
	a->diag = &d;
	rc = cli_catalog(c, a, err);
	a->diag = NULL;
	c->diag = NULL;
	if (rc)
		return rc;
	*bad = t.errors > 0;
	if ((rc = output_open(&out, a->output, err)))
		return rc;
	if (t.errors)
		fprintf(out.fp, "%zu error%s, %zu warning%s in %zu file%s\n", t.errors,
			plural(t.errors), t.warnings, plural(t.warnings), c->nnames,
			plural(c->nnames));
	else
		fprintf(out.fp, "ok: %zu options, %zu models, %zu defaults; 0 errors, "
			"%zu warning%s in %zu file%s\n", c->noptions, c->nmodels, c->nfacts,
			t.warnings, plural(t.warnings), c->nnames, plural(c->nnames));
	return output_commit(&out, err);
}

/*
 * pricing import FORMAT FILE: the models.csv table to standard output or
 * --output and a summary line on standard error; with --format json the
 * report (rows and what was skipped, and why) on standard output instead.
 */
static int pricing_import(const struct cli_args *a, struct llmtco_err *err)
{
	struct import_result r;
	struct output out = { 0 };
	enum import_format fmt;
	const char *path;
	char today[11], *data = NULL;
	size_t len;
	int rc, json = a->format == FORMAT_JSON;

	if (a->nrest != 3)
		return a->nrest > 3
			? err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "unexpected argument \"%.60s\"",
				  a->rest[3])
			: err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				  "pricing import needs a format (litellm, genai-prices or openrouter) and a FILE");
	if (import_format_parse(a->rest[1], &fmt))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "unknown import format \"%.60s\" (litellm, genai-prices or openrouter)",
			       a->rest[1]);
	if (a->format == FORMAT_MD)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "pricing import writes CSV, or its report with --format json");
	if (a->npricing)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--pricing does not apply to pricing import");
	path = a->rest[2];
	if (a->output && (same_file(a->output, path) ||
			  (strcmp(path, "-") && !strcmp(a->output, path))))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--output \"%s\" is the input file: refusing to overwrite it",
			       a->output);
	if (!a->as_of) {
		time_t now = time(NULL);
		struct tm tm;
		if (!localtime_r(&now, &tm) || !strftime(today, sizeof(today), "%Y-%m-%d", &tm))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot tell today's date");
	}
	if ((rc = file_read(path, &data, &len, err)))
		return rc;
	import_result_init(&r);
	rc = import_prices(fmt, path, data, len, a->as_of ? a->as_of : today, &r, err);
	free(data);
	if (rc == LLMTCO_EUSAGE) /* the core's words for a bad date */
		rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "--as-of must be a date YYYY-MM-DD, not \"%.40s\"", a->as_of);
	if (!rc && (!json || a->output)) {
		if (!(rc = output_open(&out, a->output, err))) {
			if (import_write_csv(out.fp, &r)) {
				output_abort(&out);
				rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			} else {
				rc = output_commit(&out, err);
			}
		}
	}
	if (!rc && json)
		rc = import_write_json(stdout, &r, fmt, path, a->as_of ? a->as_of : today,
				       a->output)
			? err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
	else if (!rc)
		fprintf(stderr, "llmtco: imported %zu row%s from %zu entr%s; skipped %zu%s\n",
			r.nrows, r.nrows == 1 ? "" : "s", r.entries, r.entries == 1 ? "y" : "ies",
			r.nskipped, r.nskipped ? " (see --format json for the list)" : "");
	import_result_release(&r);
	return rc;
}

int cmd_pricing(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct output out = { 0 };
	const char *sub;
	int rc;

	err_clear(&err);
	catalog_init(&c);
	rc = opts_parse(&a, CMD_PRICING, argc, argv, 2, &err);
	if (!rc && (a.help || !a.nrest)) {
		help_command(a.help ? stdout : stderr, "pricing");
		rc = a.help ? LLMTCO_OK : LLMTCO_EUSAGE;
		goto done;
	}
	if (rc)
		goto fail;
	sub = a.rest[0];
	if (a.as_of && strcmp(sub, "import")) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "--as-of applies only to pricing import");
		goto fail;
	}
	if (a.max_age.set && strcmp(sub, "validate")) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "--max-age applies only to pricing validate");
		goto fail;
	}
	if (!strcmp(sub, "import")) {
		if ((rc = pricing_import(&a, &err)))
			goto fail;
		goto done;
	}
	if (!strcmp(sub, "validate")) {
		/* validate PATH: that file or folder on top of the built-in catalog */
		int bad = 0;
		if ((rc = pricing_validate(&c, &a, &bad, &err)))
			goto fail;
		rc = bad ? LLMTCO_EDATA : LLMTCO_OK;
		goto done;
	}
	if (strcmp(sub, "list") && strcmp(sub, "show")) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "unknown pricing command \"%.60s\" (list, show, validate or import)", sub);
		goto fail;
	}
	if (!strcmp(sub, "list") && a.nrest > 1) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "unexpected argument \"%.60s\"", a.rest[1]);
		goto fail;
	}
	if ((rc = cli_check_output(&a, &err)) || (rc = cli_catalog(&c, &a, &err)) ||
	    (rc = output_open(&out, a.output, &err)))
		goto fail;
	if (!strcmp(sub, "list"))
		rc = pricing_list_write(out.fp, &c, a.format)
			? err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
	else
		rc = pricing_show(&c, &a, out.fp, &err);
	if (rc) {
		output_abort(&out);
		goto fail;
	}
	if ((rc = output_commit(&out, &err)))
		goto fail;
	goto done;
fail:
	cli_report("pricing", rc, &err);
done:
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
