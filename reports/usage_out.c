/*
 * usage_out.c - the usage summary in four formats, and compare's output
 * (compare --usage says the logs' assumption through the comparison).
 */
#include "usage_out.h"
#include "compare_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the grid of models ---- */

/* What an unknown figure shows: "-", or nothing in CSV. */
static const char *unknown_text = "-";

/* A count; `human`: with separators. */
static const char *count_cell(char *buf, size_t size, double v, int known, int human)
{
	if (!known)
		return unknown_text;
	return human ? fmt_human(buf, size, v, 0) : fmt_number(buf, size, round(v));
}

/* Money, two decimals. */
static const char *money_cell(char *buf, size_t size, double v, int known, int human)
{
	if (!known)
		return unknown_text;
	return human ? fmt_human(buf, size, v, 2) : fmt_machine(buf, size, v);
}

/*
 * One row per model; `human`: separators, "-" for unknowns, a total row;
 * `csv`: more columns, empty cells for unknowns.
 */
static int models_grid(struct grid *g, const struct usage_summary *s, int human, int csv)
{
	static const char *const head[] = {
		"model", "requests", "input_tokens", "cached_tokens", "cache_write_tokens",
		"output_tokens", "recorded_usd", "list_usd", "reasoning_tokens", "rows"
	};
	static const char *const human_head[] = {
		"model", "requests", "input", "cached", "cache writes", "output",
		"recorded USD", "list USD"
	};
	size_t ncols = csv ? 10 : 8, i, r, k;
	char b[10][64];
	int bad = 0;

	unknown_text = csv ? "" : "-";
	if (grid_init(g, ncols))
		return -1;
	for (k = 0; k < ncols; k++) {
		bad |= grid_set(g, 0, k, human ? human_head[k] : head[k]);
		g->right[k] = k > 0;
	}
	for (i = 0; i < s->nmodels && !bad; i++) {
		const struct usage_model *m = s->models[i];
		if ((r = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, r, 0, human && !*m->name ? "(empty)" : m->name);
		bad |= grid_set(g, r, 1, count_cell(b[1], 64, m->requests, m->counted_rows > 0, human));
		bad |= grid_set(g, r, 2, count_cell(b[2], 64, m->input_tokens, 1, human));
		bad |= grid_set(g, r, 3, count_cell(b[3], 64, m->cache_read_tokens, 1, human));
		bad |= grid_set(g, r, 4, count_cell(b[4], 64, m->cache_write_tokens, 1, human));
		bad |= grid_set(g, r, 5, count_cell(b[5], 64, m->output_tokens, 1, human));
		bad |= grid_set(g, r, 6, money_cell(b[6], 64, m->recorded_usd, m->cost_rows > 0, human));
		bad |= grid_set(g, r, 7, money_cell(b[7], 64, m->list_usd, m->priced_rows > 0, human));
		if (csv) {
			bad |= grid_set(g, r, 8, count_cell(b[8], 64, m->reasoning_tokens, 1, 0));
			bad |= grid_set(g, r, 9, count_cell(b[9], 64, m->rows, 1, 0));
		}
	}
	if (!csv && !bad) {
		if ((r = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, r, 0, "total");
		bad |= grid_set(g, r, 1, count_cell(b[1], 64, s->requests, s->requests > 0 ||
						    s->requests_known, human));
		for (k = 2; k < 6; k++)
			bad |= grid_set(g, r, k, "");
		bad |= grid_set(g, r, 6, money_cell(b[6], 64, s->recorded_usd, s->recorded_known, human));
		bad |= grid_set(g, r, 7, money_cell(b[7], 64, s->list_usd, s->npriced > 0, human));
	}
	return bad ? -1 : 0;
}

/* "2026-02-01 00:00:00 to 2026-03-03 12:00:00 UTC (30.5 days)" */
static void span_text(char *buf, size_t size, const struct usage_summary *s, int human)
{
	char a[32], b[32], d[32];

	if (!s->have_span) {
		snprintf(buf, size, "no dates");
		return;
	}
	usage_time_text(s->first, a, sizeof(a));
	usage_time_text(s->last, b, sizeof(b));
	if (human)
		fmt_human(d, sizeof(d), s->span_days, 2);
	else
		fmt_number(d, sizeof(d), round(s->span_days * 100) / 100);
	snprintf(buf, size, "%s to %s UTC (%s day%s)", a, b, d, s->span_days == 1 ? "" : "s");
}

/* The files and the span: two lines, each starting with `prefix`. */
static void write_intro(FILE *fp, const struct usage_reader *r,
			const struct usage_summary *s, int human, const char *prefix)
{
	char a[64], b[64], span[128];
	size_t i;

	span_text(span, sizeof(span), s, human);
	fprintf(fp, "%s%s row%s, %zu model%s, %s\n", prefix,
		fmt_count_as(a, sizeof(a), s->rows, human), s->rows == 1 ? "" : "s",
		s->nmodels, s->nmodels == 1 ? "" : "s", span);
	for (i = 0; i < r->nfiles; i++)
		fprintf(fp, "%sfile %s: %s (%s), %s row%s\n", prefix, r->files[i].name,
			usage_layout_title(r->files[i].layout),
			usage_layout_name(r->files[i].layout),
			fmt_count_as(b, sizeof(b), r->files[i].rows, human),
			r->files[i].rows == 1 ? "" : "s");
}

/*
 * The notes after the table: the models not priced (each line starting
 * with `item`), then the rest (each starting with `bullet`).
 */
static void write_notes(FILE *fp, const struct usage_summary *s, int human,
			const char *item, const char *bullet)
{
	char a[64], why[96];
	size_t i;

	if (s->nunpriced) {
		fprintf(fp, "%s priced (left out of the list total):\n%s", human ? "not" : "\nNot",
			human ? "" : "\n");
		for (i = 0; i < s->nmodels; i++) {
			const struct usage_model *m = s->models[i];
			if (!(m->unpriced_rows > 0))
				continue;
			usage_unpriced_reason(m, why, sizeof(why));
			if (m->counted_rows > 0)
				fmt_count_as(a, sizeof(a), m->unpriced_requests, human);
			fprintf(fp, "%s%s: %s%s, %s\n", item, *m->name ? m->name : "(empty)",
				m->counted_rows > 0 ? a : "unknown",
				m->counted_rows > 0 && m->unpriced_requests == 1 ? " request" : " requests",
				why);
		}
	}
	if (!human)
		fputc('\n', fp);
	if (!s->requests_known)
		fprintf(fp, "%srequests: the Anthropic console CSVs give no request counts; "
			"their rows add none\n", bullet);
	fprintf(fp, "%srecorded: what the logs say was paid; list: the same tokens at the "
		"catalog's model prices (pricing/data/models.csv; more with --pricing)\n", bullet);
}

static int write_table(FILE *fp, const struct usage_reader *r, const struct usage_summary *s)
{
	struct grid g;

	if (models_grid(&g, s, 1, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	fprintf(fp, "llmtco usage: ");
	write_intro(fp, r, s, 1, "");
	fputc('\n', fp);
	grid_write_table(fp, &g, 0);
	grid_release(&g);
	fputc('\n', fp);
	write_notes(fp, s, 1, "  ", "");
	return LLMTCO_OK;
}

static int write_md(FILE *fp, const struct usage_reader *r, const struct usage_summary *s)
{
	struct grid g;

	if (models_grid(&g, s, 0, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	fprintf(fp, "## Usage by model\n\n");
	write_intro(fp, r, s, 0, "- ");
	fputc('\n', fp);
	grid_write_md(fp, &g);
	grid_release(&g);
	write_notes(fp, s, 0, "- ", "- ");
	return LLMTCO_OK;
}

/* ---- JSON ---- */

static void add_count(cJSON *o, const char *key, double v, int known)
{
	if (known)
		cJSON_AddNumberToObject(o, key, round(v));
	else
		cJSON_AddNullToObject(o, key);
}

static void add_money(cJSON *o, const char *key, double v, int known)
{
	if (known)
		cJSON_AddNumberToObject(o, key, money_round(v));
	else
		cJSON_AddNullToObject(o, key);
}

static void add_span(cJSON *root, const struct usage_summary *s)
{
	char t[32];

	if (!s->have_span) {
		cJSON_AddNullToObject(root, "span_days");
		cJSON_AddNullToObject(root, "first");
		cJSON_AddNullToObject(root, "last");
		return;
	}
	cJSON_AddNumberToObject(root, "span_days", round(s->span_days * 100) / 100);
	usage_time_text(s->first, t, sizeof(t));
	cJSON_AddStringToObject(root, "first", t);
	usage_time_text(s->last, t, sizeof(t));
	cJSON_AddStringToObject(root, "last", t);
}

cJSON *usage_json(const struct usage_reader *r, const struct usage_summary *s)
{
	cJSON *root = cJSON_CreateObject(), *arr, *o, *tot;
	char why[96];
	size_t i;

	if (!root)
		return NULL;
	cJSON_AddStringToObject(root, "format", s->format);
	if ((arr = cJSON_AddArrayToObject(root, "files")))
		for (i = 0; i < r->nfiles; i++)
			if ((o = cJSON_CreateObject()) && cJSON_AddItemToArray(arr, o)) {
				cJSON_AddStringToObject(o, "file", r->files[i].name);
				cJSON_AddStringToObject(o, "format", usage_layout_name(r->files[i].layout));
				cJSON_AddNumberToObject(o, "rows", r->files[i].rows);
			}
	cJSON_AddNumberToObject(root, "rows", s->rows);
	add_span(root, s);
	if ((arr = cJSON_AddArrayToObject(root, "models")))
		for (i = 0; i < s->nmodels; i++) {
			const struct usage_model *m = s->models[i];
			if (!(o = cJSON_CreateObject()) || !cJSON_AddItemToArray(arr, o))
				break;
			cJSON_AddStringToObject(o, "model", m->name);
			add_count(o, "requests", m->requests, m->counted_rows > 0);
			add_count(o, "input_tokens", m->input_tokens, 1);
			add_count(o, "output_tokens", m->output_tokens, 1);
			add_count(o, "cached_tokens", m->cache_read_tokens, 1);
			add_count(o, "cache_write_tokens", m->cache_write_tokens, 1);
			add_count(o, "reasoning_tokens", m->reasoning_tokens, 1);
			add_money(o, "recorded_cost", m->recorded_usd, m->cost_rows > 0);
			add_money(o, "list_cost", m->list_usd, m->priced_rows > 0);
			cJSON_AddNumberToObject(o, "rows", m->rows);
		}
	if ((tot = cJSON_AddObjectToObject(root, "total"))) {
		cJSON_AddNumberToObject(tot, "requests", round(s->requests));
		cJSON_AddBoolToObject(tot, "requests_complete", s->requests_known);
		add_money(tot, "recorded_cost", s->recorded_usd, s->recorded_known);
		add_money(tot, "list_cost", s->list_usd, s->npriced > 0);
	}
	if ((arr = cJSON_AddArrayToObject(root, "unpriced")))
		for (i = 0; i < s->nmodels; i++) {
			const struct usage_model *m = s->models[i];
			if (!(m->unpriced_rows > 0))
				continue;
			if (!(o = cJSON_CreateObject()) || !cJSON_AddItemToArray(arr, o))
				break;
			cJSON_AddStringToObject(o, "model", m->name);
			add_count(o, "requests", m->unpriced_requests, m->counted_rows > 0);
			cJSON_AddNumberToObject(o, "rows", m->unpriced_rows);
			usage_unpriced_reason(m, why, sizeof(why));
			cJSON_AddStringToObject(o, "reason", why);
		}
	return root;
}

int usage_write(FILE *fp, const struct usage_reader *r, const struct usage_summary *s,
		enum out_format fmt)
{
	struct grid g;

	switch (fmt) {
	case FORMAT_TABLE:
		return write_table(fp, r, s);
	case FORMAT_MD:
		return write_md(fp, r, s);
	case FORMAT_JSON:
		return json_emit(fp, usage_json(r, s));
	case FORMAT_CSV:
		break;
	}
	if (models_grid(&g, s, 0, 1)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	grid_write_csv(fp, &g);
	grid_release(&g);
	return LLMTCO_OK;
}

/* ---- compare with the usage assumption ---- */

/* Write text, with `line` inserted after the first `mark` (or at the end). */
