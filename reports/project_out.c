/*
 * project_out.c - a projection in four formats and a chart.
 */
#include "project_out.h"
#include "format.h"
#include "plot.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *strategy_kind_name(const struct catalog *c, const struct strategy *st)
{
	switch (st->kind) {
	case STRATEGY_BRIDGE:
		return "bridge";
	case STRATEGY_HYBRID:
		return "hybrid";
	case STRATEGY_ALONE:
		break;
	}
	return c->options[st->a].deployment == DEPLOY_SELF_HOSTED ? "build" : "buy";
}

/* The payback month of strategy i, or -1 when it has none (the baseline). */
static int payback_of(const struct projection *p, size_t i)
{
	size_t k;

	for (k = 0; k < p->npaybacks; k++)
		if (p->paybacks[k].strategy == i)
			return p->paybacks[k].month;
	return -1;
}

static int summary_grid(struct grid *g, const struct catalog *c, const struct projection *p,
			int human)
{
	static const char *const head[] = { "strategy", "kind", "total", "npv", "payback_month" };
	char buf[64];
	size_t i, r;
	int bad = 0, k;

	if (grid_init(g, 5))
		return -1;
	for (k = 0; k < 5; k++)
		bad |= grid_set(g, 0, (size_t)k, head[k]);
	g->right[2] = g->right[3] = g->right[4] = 1;
	for (i = 0; i < p->nstrategies && !bad; i++) {
		const struct strategy *st = &p->strategies[i];
		int pb = payback_of(p, i);
		if ((r = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, r, 0, st->id);
		bad |= grid_set(g, r, 1, strategy_kind_name(c, st));
		bad |= grid_set(g, r, 2, human ? fmt_human(buf, sizeof(buf), st->total, 2)
					       : fmt_machine(buf, sizeof(buf), st->total));
		bad |= grid_set(g, r, 3, human ? fmt_human(buf, sizeof(buf), st->npv, 2)
					       : fmt_machine(buf, sizeof(buf), st->npv));
		if (p->has_baseline && i == p->baseline)
			snprintf(buf, sizeof(buf), "baseline");
		else if (pb > 0)
			snprintf(buf, sizeof(buf), "%d", pb);
		else if (pb == 0)
			snprintf(buf, sizeof(buf), "never");
		else
			buf[0] = '\0';
		bad |= grid_set(g, r, 4, buf);
	}
	return bad;
}

static void excluded_text(FILE *fp, const struct catalog *c, const struct projection *p,
			  int human, const char *indent)
{
	char key[96], why[160];
	size_t i;

	if (!p->nexcluded)
		return;
	fprintf(fp, "%snot projected (at the horizon's peak traffic):\n", human ? "" : "\n");
	for (i = 0; i < p->nexcluded; i++) {
		option_key(c, &c->options[p->excluded[i].option], key, sizeof(key));
		tco_exclusion_text(&p->excluded[i], human, why, sizeof(why));
		fprintf(fp, "%s%s: %s\n", indent, key, why);
	}
}

static void payback_sentences(FILE *fp, const struct catalog *c, const struct projection *p,
			      const char *bullet)
{
	size_t k;

	(void)c;
	for (k = 0; k < p->npaybacks; k++) {
		const struct payback *pb = &p->paybacks[k];
		const char *a = p->strategies[pb->strategy].id, *b = p->strategies[pb->versus].id;
		if (pb->month)
			fprintf(fp, "%s%s costs less in total than %s from month %d on\n", bullet, a, b,
				pb->month);
		else
			fprintf(fp, "%s%s does not pay back against %s within %d months\n", bullet, a,
				b, p->months);
	}
}

static int write_json(FILE *fp, const struct catalog *c, const struct projection *p)
{
	cJSON *root = cJSON_CreateObject(), *arr, *pbs;
	size_t i;
	int m;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddNumberToObject(root, "months", p->months);
	cJSON_AddNumberToObject(root, "growth_pct", p->growth_pct);
	cJSON_AddNumberToObject(root, "discount_pct", p->discount_pct);
	if ((arr = cJSON_AddArrayToObject(root, "strategies")))
		for (i = 0; i < p->nstrategies; i++) {
			const struct strategy *st = &p->strategies[i];
			cJSON *o = cJSON_CreateObject(), *ms;
			if (!o)
				break;
			cJSON_AddStringToObject(o, "id", st->id);
			cJSON_AddStringToObject(o, "kind", strategy_kind_name(c, st));
			if (st->kind == STRATEGY_BRIDGE)
				cJSON_AddNumberToObject(o, "switch_month", st->switch_month);
			if ((ms = cJSON_AddArrayToObject(o, "months")))
				for (m = 0; m < p->months; m++) {
					cJSON *e = cJSON_CreateObject();
					if (!e)
						break;
					cJSON_AddNumberToObject(e, "month", m + 1);
					cJSON_AddNumberToObject(e, "cost", money_round(st->cost[m]));
					cJSON_AddNumberToObject(e, "cumulative", money_round(st->cumulative[m]));
					cJSON_AddItemToArray(ms, e);
				}
			cJSON_AddNumberToObject(o, "total", money_round(st->total));
			cJSON_AddNumberToObject(o, "npv", money_round(st->npv));
			cJSON_AddItemToArray(arr, o);
		}
	if (p->has_baseline)
		cJSON_AddStringToObject(root, "baseline", p->strategies[p->baseline].id);
	else
		cJSON_AddNullToObject(root, "baseline");
	if ((pbs = cJSON_AddArrayToObject(root, "excluded")))
		for (i = 0; i < p->nexcluded; i++) {
			cJSON *o = cJSON_CreateObject();
			char key[96], why[160];
			if (!o)
				break;
			option_key(c, &c->options[p->excluded[i].option], key, sizeof(key));
			tco_exclusion_text(&p->excluded[i], 0, why, sizeof(why));
			cJSON_AddStringToObject(o, "id", key);
			cJSON_AddStringToObject(o, "reason", why);
			cJSON_AddItemToArray(pbs, o);
		}
	if ((pbs = cJSON_AddArrayToObject(root, "payback")))
		for (i = 0; i < p->npaybacks; i++) {
			cJSON *o = cJSON_CreateObject();
			if (!o)
				break;
			cJSON_AddStringToObject(o, "strategy", p->strategies[p->paybacks[i].strategy].id);
			cJSON_AddStringToObject(o, "versus", p->strategies[p->paybacks[i].versus].id);
			if (p->paybacks[i].month)
				cJSON_AddNumberToObject(o, "month", p->paybacks[i].month);
			else
				cJSON_AddNullToObject(o, "month");
			cJSON_AddItemToArray(pbs, o);
		}
	return json_emit(fp, root);
}

/* Long form: one row per strategy and month. */
static int month_grid(struct grid *g, const struct catalog *c, const struct projection *p)
{
	static const char *const head[] = { "strategy", "kind", "month", "cost", "cumulative" };
	char buf[64];
	size_t i, r;
	int m, k, bad = 0;

	if (grid_init(g, 5))
		return -1;
	for (k = 0; k < 5; k++)
		bad |= grid_set(g, 0, (size_t)k, head[k]);
	for (i = 0; i < p->nstrategies && !bad; i++)
		for (m = 0; m < p->months && !bad; m++) {
			const struct strategy *st = &p->strategies[i];
			if ((r = grid_add_row(g)) == (size_t)-1)
				return -1;
			bad |= grid_set(g, r, 0, st->id);
			bad |= grid_set(g, r, 1, strategy_kind_name(c, st));
			snprintf(buf, sizeof(buf), "%d", m + 1);
			bad |= grid_set(g, r, 2, buf);
			bad |= grid_set(g, r, 3, fmt_machine(buf, sizeof(buf), st->cost[m]));
			bad |= grid_set(g, r, 4, fmt_machine(buf, sizeof(buf), st->cumulative[m]));
		}
	return bad;
}

int project_write(FILE *fp, const struct catalog *c, const struct projection *p,
		  enum out_format fmt)
{
	char say[MAX_ASSUMPTIONS][ASSUMPTION_LEN];
	struct grid g;
	size_t i, n;

	if (fmt == FORMAT_JSON)
		return write_json(fp, c, p);
	if (fmt == FORMAT_CSV) {
		if (month_grid(&g, c, p)) {
			grid_release(&g);
			return LLMTCO_EIO;
		}
		grid_write_csv(fp, &g);
		grid_release(&g);
		return LLMTCO_OK;
	}
	if (summary_grid(&g, c, p, fmt == FORMAT_TABLE)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_MD) {
		fprintf(fp, "## Cost over %d month%s (USD), growth %g%%/month\n\n", p->months,
			p->months == 1 ? "" : "s", p->growth_pct);
		grid_write_md(fp, &g);
		if (p->has_baseline) {
			fprintf(fp, "\nPayback against %s, the cheapest to buy:\n\n",
				p->strategies[p->baseline].id);
			payback_sentences(fp, c, p, "- ");
		}
		excluded_text(fp, c, p, 0, "- ");
	} else {
		fprintf(fp, "llmtco project: cost over %d month%s in USD, traffic growing %g%%/month\n\n",
			p->months, p->months == 1 ? "" : "s", p->growth_pct);
		grid_write_table(fp, &g, 0);
		if (p->has_baseline) {
			fprintf(fp, "\npayback against %s (the cheapest to buy over the horizon):\n",
				p->strategies[p->baseline].id);
			payback_sentences(fp, c, p, "  - ");
		} else {
			fprintf(fp, "\nno managed option to buy: no payback to measure\n");
		}
		excluded_text(fp, c, p, 1, "  ");
		fprintf(fp, "npv at %g%%/year; setup hours are paid in month 1 (a bridge's in its "
			    "switch month, with the migration hours)\nmonth by month: --format csv or json\n"
			    "assumptions:\n", p->discount_pct);
		n = tco_assumptions(c, &p->cmp, 1, say, MAX_ASSUMPTIONS);
		for (i = 0; i < n; i++)
			if (!strstr(say[i], "amortized"))
				fprintf(fp, "  - %s\n", say[i]);
	}
	grid_release(&g);
	return LLMTCO_OK;
}

int project_plot(const struct catalog *c, const struct projection *p,
		 const char *path, int svg, struct llmtco_err *err)
{
	struct line_plot lp;
	struct plot_series *series = calloc(p->nstrategies + 1, sizeof(*series));
	struct plot_mark *marks = calloc(2 * p->nstrategies + 1, sizeof(*marks));
	char (*labels)[300] = calloc(2 * p->nstrategies + 1, sizeof(*labels));
	double *x = malloc(((size_t)p->months + 1) * sizeof(*x));
	size_t i, ns = 0, nm = 0;
	int m, rc;

	if (!series || !marks || !labels || !x) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (m = 0; m < p->months; m++)
		x[m] = m + 1;
	for (i = 0; i < p->nstrategies; i++) {
		const struct strategy *st = &p->strategies[i];
		int pb = payback_of(p, i);
		if (st->kind == STRATEGY_ALONE && i != p->baseline &&
		    c->options[st->a].deployment != DEPLOY_SELF_HOSTED)
			continue;
		series[ns].name = st->id;
		series[ns].y = st->cumulative;
		ns++;
		if (st->kind == STRATEGY_BRIDGE) {
			snprintf(labels[nm], sizeof(labels[0]), "switch, month %d", st->switch_month);
			marks[nm].x = st->switch_month;
			marks[nm].y = st->cumulative[st->switch_month - 1];
			marks[nm].label = labels[nm];
			nm++;
		}
		if (pb > 0) {
			snprintf(labels[nm], sizeof(labels[0]), "%s pays back, month %d", st->id, pb);
			marks[nm].x = pb;
			marks[nm].y = st->cumulative[pb - 1];
			marks[nm].label = labels[nm];
			nm++;
		}
	}
	memset(&lp, 0, sizeof(lp));
	lp.title = "Cumulative cost by month";
	lp.xlabel = "month";
	lp.ylabel = "cumulative cost (USD)";
	lp.x = x;
	lp.n = (size_t)p->months;
	lp.series = series;
	lp.nseries = ns;
	lp.marks = marks;
	lp.nmarks = nm;
	lp.marks_name = "switch and payback";
	rc = plot_line(&lp, path, svg ? PLOT_SVG : PLOT_PNG, err);
out:
	free(series);
	free(marks);
	free(labels);
	free(x);
	return rc;
}
