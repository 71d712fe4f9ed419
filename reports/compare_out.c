/*
 * compare_out.c - the comparison in four formats.
 */
#include "compare_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Headers of the part columns in the human table, in cost_part order. */
static const char *const part_heads[COST_NPARTS] = {
	"api", "routing", "fee", "markup", "subscription", "usage", "infra",
	"engineering", "total"
};

static const struct option *row_option(const struct catalog *c,
				       const struct tco_row *r)
{
	return &c->options[r->option];
}

/* The grid of ranked options; human figures or machine figures. */
static int compare_grid(struct grid *g, const struct catalog *c,
			const struct comparison *cmp, double factor, int human,
			int csv)
{
	size_t base = csv ? 5 : 3, ncols = base + COST_NPARTS + (csv ? 6 : 0);
	size_t i, r, col;
	char buf[128];
	int k, bad = 0;

	if (grid_init(g, ncols))
		return -1;
	if (csv) {
		static const char *const head[] = { "rank", "id", "plan", "name", "deployment" };
		for (col = 0; col < base; col++)
			bad |= grid_set(g, 0, col, head[col]);
		for (k = 0; k < COST_NPARTS; k++)
			bad |= grid_set(g, 0, base + (size_t)k, cost_part_names[k]);
		bad |= grid_set(g, 0, base + COST_NPARTS, "annual_total");
		bad |= grid_set(g, 0, base + COST_NPARTS + 1, "instances");
		bad |= grid_set(g, 0, base + COST_NPARTS + 2, "excluded");
		bad |= grid_set(g, 0, base + COST_NPARTS + 3, "latency_ms");
		bad |= grid_set(g, 0, base + COST_NPARTS + 4, "source");
		bad |= grid_set(g, 0, base + COST_NPARTS + 5, "as_of");
	} else {
		bad |= grid_set(g, 0, 0, "#");
		bad |= grid_set(g, 0, 1, "option");
		bad |= grid_set(g, 0, 2, "deployment");
		for (k = 0; k < COST_NPARTS; k++)
			bad |= grid_set(g, 0, base + (size_t)k, part_heads[k]);
	}
	g->right[0] = 1;
	for (col = base; col < base + COST_NPARTS + (csv ? 2 : 0); col++)
		g->right[col] = 1;
	for (i = 0; i < cmp->nrows && !bad; i++) {
		const struct tco_row *row = &cmp->rows[i];
		const struct option *o = row_option(c, row);
		if ((r = grid_add_row(g)) == (size_t)-1)
			return -1;
		snprintf(buf, sizeof(buf), "%zu", i + 1);
		bad |= grid_set(g, r, 0, buf);
		if (csv) {
			bad |= grid_set(g, r, 1, o->id);
			bad |= grid_set(g, r, 2, o->plan);
			bad |= grid_set(g, r, 3, o->name);
			bad |= grid_set(g, r, 4, deployment_name(o->deployment));
		} else {
			option_key(c, o, buf, sizeof(buf));
			bad |= grid_set(g, r, 1, buf);
			bad |= grid_set(g, r, 2, deployment_name(o->deployment));
		}
		for (k = 0; k < COST_NPARTS; k++) {
			double v = cost_part(&row->cost, k) * factor;
			if (human)
				fmt_human(buf, sizeof(buf), v, 2);
			else
				fmt_machine(buf, sizeof(buf), v);
			bad |= grid_set(g, r, base + (size_t)k, buf);
		}
		if (csv) {
			bad |= grid_set(g, r, base + COST_NPARTS,
					fmt_machine(buf, sizeof(buf), row->cost.total * 12.0));
			if (o->deployment == DEPLOY_SELF_HOSTED)
				bad |= grid_set(g, r, base + COST_NPARTS + 1,
						fmt_number(buf, sizeof(buf), row->instances));
		}
	}
	if (csv) {
		for (i = 0; i < cmp->nexcluded && !bad; i++) {
			const struct option *o = &c->options[cmp->excluded[i].option];
			if ((r = grid_add_row(g)) == (size_t)-1)
				return -1;
			bad |= grid_set(g, r, 1, o->id);
			bad |= grid_set(g, r, 2, o->plan);
			bad |= grid_set(g, r, 3, o->name);
			bad |= grid_set(g, r, 4, deployment_name(o->deployment));
			tco_exclusion_text(&cmp->excluded[i], 0, buf, sizeof(buf));
			bad |= grid_set(g, r, base + COST_NPARTS + 2, buf);
		}
		/* latency, source and date of every row */
		for (r = 1; r < g->nrows && !bad; r++) {
			const struct option *o = r <= cmp->nrows
				? row_option(c, &cmp->rows[r - 1])
				: &c->options[cmp->excluded[r - 1 - cmp->nrows].option];
			char lo[40], hi[40];
			if (isnan(o->latency_ms.value))
				buf[0] = '\0';
			else if (o->latency_ms.low == o->latency_ms.high)
				fmt_number(buf, sizeof(buf), o->latency_ms.value);
			else
				snprintf(buf, sizeof(buf), "%s-%s",
					 fmt_number(lo, sizeof(lo), o->latency_ms.low),
					 fmt_number(hi, sizeof(hi), o->latency_ms.high));
			bad |= grid_set(g, r, base + COST_NPARTS + 3, buf);
			bad |= grid_set(g, r, base + COST_NPARTS + 4, o->source);
			bad |= grid_set(g, r, base + COST_NPARTS + 5, o->as_of);
		}
	}
	return bad ? -1 : 0;
}

/* Options left out of the ranking, with why. */
static int exclusion_grid(struct grid *g, const struct catalog *c,
			  const struct comparison *cmp, int human)
{
	char key[96], why[160];
	size_t i, r;
	int bad = 0;

	if (grid_init(g, 2))
		return -1;
	for (i = 0; i < cmp->nexcluded && !bad; i++) {
		r = i ? grid_add_row(g) : 0; /* no header: the first row is data */
		if (r == (size_t)-1)
			return -1;
		option_key(c, &c->options[cmp->excluded[i].option], key, sizeof(key));
		tco_exclusion_text(&cmp->excluded[i], human, why, sizeof(why));
		bad |= grid_set(g, r, 0, key) | grid_set(g, r, 1, why);
	}
	return bad;
}

static void workload_line(FILE *fp, const struct comparison *cmp,
			  const char *prefix)
{
	char a[64], b[64];

	fprintf(fp, "%sAPI spend %s/month, %s requests/month, peak %gx average\n",
		prefix, fmt_usd(a, sizeof(a), cmp->w.api_spend),
		fmt_human(b, sizeof(b), cmp->w.requests, 0), cmp->w.peak_to_average);
}

static int write_table(FILE *fp, const struct catalog *c,
		       const struct comparison *cmp, enum period period,
		       const char *name)
{
	double f = period_factor(period);
	struct grid g;
	char key[96], a[128], b[64], say[MAX_ASSUMPTIONS][ASSUMPTION_LEN];
	size_t i, na;

	if (compare_grid(&g, c, cmp, f, 1, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	fprintf(fp, "llmtco compare: cost per %s in USD, cheapest first%s%s\n",
		period_name(period), name ? " - " : "", name ? name : "");
	workload_line(fp, cmp, "workload: ");
	fputc('\n', fp);
	grid_write_table(fp, &g, 0);
	grid_release(&g);
	fputc('\n', fp);
	if (cmp->nrows) {
		const struct tco_row *best = &cmp->rows[0];
		option_key(c, row_option(c, best), key, sizeof(key));
		fprintf(fp, "cheapest: %s (%s) at %s/%s", key, row_option(c, best)->name,
			fmt_usd(a, sizeof(a), best->cost.total * f), period_name(period));
		if (period != PERIOD_YEAR)
			fprintf(fp, ", %s/year", fmt_usd(b, sizeof(b), best->cost.total * 12.0));
		for (i = 1; i < tco_tied(cmp); i++) {
			option_key(c, row_option(c, &cmp->rows[i]), key, sizeof(key));
			fprintf(fp, "%s%s", i == 1 ? "; tied with " : ", ", key);
		}
		fputc('\n', fp);
	} else {
		fprintf(fp, "cheapest: none (every option was left out)\n");
	}
	if (cmp->nexcluded) {
		fprintf(fp, "not ranked:\n");
		if (exclusion_grid(&g, c, cmp, 1)) {
			grid_release(&g);
			return LLMTCO_EIO;
		}
		grid_write_table(fp, &g, 2);
		grid_release(&g);
	}
	fprintf(fp, "assumptions:\n");
	na = tco_assumptions(c, cmp, 1, say, MAX_ASSUMPTIONS);
	for (i = 0; i < na; i++)
		fprintf(fp, "  - %s\n", say[i]);
	fprintf(fp, "sources and dates of every price: llmtco pricing show ID\n");
	return LLMTCO_OK;
}

static int write_md(FILE *fp, const struct catalog *c,
		    const struct comparison *cmp, enum period period,
		    const char *name)
{
	double f = period_factor(period);
	struct grid g;
	char key[128], a[128], say[MAX_ASSUMPTIONS][ASSUMPTION_LEN];
	size_t i, na;

	if (compare_grid(&g, c, cmp, f, 0, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	fprintf(fp, "## LLM gateway cost per %s (USD)%s%s\n\n", period_name(period),
		name ? ": " : "", name ? name : "");
	fprintf(fp, "Workload: API spend %s USD/month, %s requests/month, peak %gx average.\n\n",
		fmt_machine(a, sizeof(a), cmp->w.api_spend),
		fmt_count_as(key, sizeof(key), cmp->w.requests, 0), cmp->w.peak_to_average);
	grid_write_md(fp, &g);
	grid_release(&g);
	fputc('\n', fp);
	if (cmp->nrows) {
		option_key(c, row_option(c, &cmp->rows[0]), key, sizeof(key));
		fprintf(fp, "**Cheapest:** %s (%s) at %s USD/%s", key,
			row_option(c, &cmp->rows[0])->name,
			fmt_machine(a, sizeof(a), cmp->rows[0].cost.total * f), period_name(period));
		for (i = 1; i < tco_tied(cmp); i++) {
			option_key(c, row_option(c, &cmp->rows[i]), key, sizeof(key));
			fprintf(fp, "%s%s", i == 1 ? "; tied with " : ", ", key);
		}
		fprintf(fp, ".\n");
	} else {
		fprintf(fp, "**Cheapest:** none (every option was left out).\n");
	}
	if (cmp->nexcluded) {
		fprintf(fp, "\nNot ranked:\n\n");
		for (i = 0; i < cmp->nexcluded; i++) {
			option_key(c, &c->options[cmp->excluded[i].option], key, sizeof(key));
			tco_exclusion_text(&cmp->excluded[i], 0, a, sizeof(a));
			fprintf(fp, "- %s: %s\n", key, a);
		}
	}
	fprintf(fp, "\nAssumptions:\n\n");
	na = tco_assumptions(c, cmp, 0, say, MAX_ASSUMPTIONS);
	for (i = 0; i < na; i++)
		fprintf(fp, "- %s\n", say[i]);
	return LLMTCO_OK;
}

/* Add a source string to a JSON array unless it is there already. */
static int add_source(cJSON *arr, const char *s)
{
	const cJSON *e;

	if (!s || !*s)
		return 0;
	cJSON_ArrayForEach(e, arr)
		if (!strcmp(e->valuestring, s))
			return 0;
	return cJSON_AddItemToArray(arr, cJSON_CreateString(s)) ? 0 : -1;
}

static cJSON *option_json(const struct catalog *c, const struct tco_row *row,
			  double f)
{
	const struct option *o = row_option(c, row);
	cJSON *j = cJSON_CreateObject(), *costs, *lat, *src;
	char key[96];
	size_t i;
	int k;

	if (!j)
		return NULL;
	option_key(c, o, key, sizeof(key));
	cJSON_AddStringToObject(j, "id", o->id);
	cJSON_AddStringToObject(j, "plan", o->plan);
	cJSON_AddStringToObject(j, "key", key);
	cJSON_AddStringToObject(j, "name", o->name);
	cJSON_AddStringToObject(j, "deployment", deployment_name(o->deployment));
	costs = cJSON_AddObjectToObject(j, "costs");
	for (k = 0; costs && k < COST_NPARTS; k++)
		cJSON_AddNumberToObject(costs, cost_part_names[k],
					money_round(cost_part(&row->cost, k) * f));
	cJSON_AddNumberToObject(j, "annual_total", money_round(row->cost.total * 12.0));
	if (o->deployment == DEPLOY_SELF_HOSTED)
		cJSON_AddNumberToObject(j, "instances", row->instances);
	if (isnan(o->latency_ms.value)) {
		cJSON_AddNullToObject(j, "latency_ms");
	} else if ((lat = cJSON_AddArrayToObject(j, "latency_ms"))) {
		cJSON_AddItemToArray(lat, cJSON_CreateNumber(o->latency_ms.low));
		cJSON_AddItemToArray(lat, cJSON_CreateNumber(o->latency_ms.high));
	}
	cJSON_AddBoolToObject(j, "smart_routing", o->smart_routing);
	cJSON_AddStringToObject(j, "data_residency", residency_name(o->residency));
	cJSON_AddStringToObject(j, "sla", o->sla ? o->sla : "");
	if ((src = cJSON_AddArrayToObject(j, "sources"))) {
		add_source(src, o->source);
		for (i = 0; i < o->ntiers; i++)
			add_source(src, o->tiers[i].source);
		if (o->deployment == DEPLOY_SELF_HOSTED)
			for (i = 0; i < o->nitems; i++)
				add_source(src, o->items[i].source);
	}
	cJSON_AddStringToObject(j, "as_of", o->as_of);
	return j;
}

static int write_json(FILE *fp, const struct catalog *c,
		      const struct comparison *cmp, enum period period,
		      const char *name)
{
	double f = period_factor(period);
	cJSON *root = cJSON_CreateObject(), *w, *arr, *opts, *ex;
	char key[128], say[MAX_ASSUMPTIONS][ASSUMPTION_LEN];
	size_t i, na;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddStringToObject(root, "period", period_name(period));
	cJSON_AddStringToObject(root, "currency", "USD");
	if (name)
		cJSON_AddStringToObject(root, "scenario", name);
	w = cJSON_AddObjectToObject(root, "workload");
	if (w) {
		cJSON_AddNumberToObject(w, "api_spend", money_round(cmp->w.api_spend));
		cJSON_AddNumberToObject(w, "requests_per_month", round(cmp->w.requests));
		cJSON_AddNumberToObject(w, "peak_to_average", cmp->w.peak_to_average);
		cJSON_AddNumberToObject(w, "hourly_rate", money_round(cmp->in.hourly_rate));
		if (cmp->workload_usage)
			cJSON_AddItemToObject(w, "usage", cJSON_Duplicate(cmp->workload_usage, 1));
		na = tco_assumptions(c, cmp, 0, say, MAX_ASSUMPTIONS);
		if ((arr = cJSON_AddArrayToObject(w, "assumptions")))
			for (i = 0; i < na; i++)
				cJSON_AddItemToArray(arr, cJSON_CreateString(say[i]));
	}
	if ((opts = cJSON_AddArrayToObject(root, "options")))
		for (i = 0; i < cmp->nrows; i++)
			cJSON_AddItemToArray(opts, option_json(c, &cmp->rows[i], f));
	if (cmp->nrows) {
		const struct option *best = row_option(c, &cmp->rows[0]);
		option_key(c, best, key, sizeof(key));
		cJSON_AddStringToObject(root, "cheapest", key);
	} else {
		cJSON_AddNullToObject(root, "cheapest");
	}
	if ((arr = cJSON_AddArrayToObject(root, "tied_with")))
		for (i = 1; i < tco_tied(cmp); i++) {
			option_key(c, row_option(c, &cmp->rows[i]), key, sizeof(key));
			cJSON_AddItemToArray(arr, cJSON_CreateString(key));
		}
	if ((ex = cJSON_AddArrayToObject(root, "excluded")))
		for (i = 0; i < cmp->nexcluded; i++) {
			const struct option *o = &c->options[cmp->excluded[i].option];
			cJSON *x = cJSON_CreateObject();
			if (!x)
				break;
			option_key(c, o, key, sizeof(key));
			cJSON_AddStringToObject(x, "id", o->id);
			cJSON_AddStringToObject(x, "plan", o->plan);
			cJSON_AddStringToObject(x, "key", key);
			tco_exclusion_text(&cmp->excluded[i], 0, key, sizeof(key));
			cJSON_AddStringToObject(x, "reason", key);
			cJSON_AddItemToArray(ex, x);
		}
	return json_emit(fp, root);
}

int compare_md_table(FILE *fp, const struct catalog *c,
		     const struct comparison *cmp, enum period period)
{
	struct grid g;

	if (compare_grid(&g, c, cmp, period_factor(period), 0, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	grid_write_md(fp, &g);
	grid_release(&g);
	return LLMTCO_OK;
}

int compare_write(FILE *fp, const struct catalog *c,
		  const struct comparison *cmp, enum out_format fmt,
		  enum period period, const char *name)
{
	struct grid g;

	switch (fmt) {
	case FORMAT_TABLE:
		return write_table(fp, c, cmp, period, name);
	case FORMAT_MD:
		return write_md(fp, c, cmp, period, name);
	case FORMAT_JSON:
		return write_json(fp, c, cmp, period, name);
	case FORMAT_CSV:
		break;
	}
	if (compare_grid(&g, c, cmp, period_factor(period), 0, 1)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	grid_write_csv(fp, &g);
	grid_release(&g);
	return LLMTCO_OK;
}
