/*
 * sweep_out.c - a sweep in four formats.
 */
#include "sweep_out.h"
#include "breakeven_out.h"
#include "format.h"
#include "plot.h"

#include <math.h>

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

static int sweep_grid(struct grid *g, const struct catalog *c, const struct sweep *sw,
		      int breakdown, double factor, int human)
{
	size_t per = breakdown ? COST_NPARTS : 1, i, k, col, r;
	char key[96], head[160], buf[64];
	int p, bad = 0;

	if (grid_init(g, 1 + sw->nopts * per))
		return -1;
	bad |= grid_set(g, 0, 0, be_var_name(sw->v));
	for (k = 0; k < sw->nopts; k++) {
		option_key(c, &c->options[sw->opts[k]], key, sizeof(key));
		for (p = 0; p < (int)per; p++) {
			col = 1 + k * per + (size_t)p;
			if (breakdown)
				snprintf(head, sizeof(head), "%s:%s", key, cost_part_names[p]);
			else
				snprintf(head, sizeof(head), "%s", key);
			bad |= grid_set(g, 0, col, head);
		}
	}
	for (col = 0; col < g->ncols; col++)
		g->right[col] = 1;
	for (i = 0; i < sw->n && !bad; i++) {
		if ((r = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, r, 0, be_value_text(sw->v, sw->x[i], human, buf, sizeof(buf)));
		for (k = 0; k < sw->nopts; k++) {
			const struct cost_parts *cp = &sw->cost[i * sw->nopts + k];
			if (!sw->priced[i * sw->nopts + k])
				continue;
			for (p = 0; p < (int)per; p++) {
				double val = (breakdown ? cost_part(cp, p) : cp->total) * factor;
				if (human)
					fmt_human(buf, sizeof(buf), val, 2);
				else
					fmt_machine(buf, sizeof(buf), val);
				bad |= grid_set(g, r, 1 + k * per + (size_t)p, buf);
			}
		}
	}
	return bad;
}

static void crossings_text(FILE *fp, const struct catalog *c, const struct sweep *sw,
			   int human, const char *bullet)
{
	size_t i, shown = 0;

	for (i = 0; i < sw->npairs; i++)
		if (sw->pairs[i].n) {
			breakeven_sentences(fp, c, sw->v, &sw->pairs[i], human, bullet);
			shown++;
		}
	if (!shown)
		fprintf(fp, "%sno self-hosted and managed options cross in this range\n", bullet);
}

static int write_json(FILE *fp, const struct catalog *c, const struct sweep *sw,
		      int breakdown, enum period period)
{
	double f = period_factor(period);
	cJSON *root = cJSON_CreateObject(), *pts, *xs;
	char key[96];
	size_t i, k, j;
	int p;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddStringToObject(root, "variable", be_var_name(sw->v));
	cJSON_AddStringToObject(root, "unit", be_var_unit(sw->v));
	cJSON_AddStringToObject(root, "period", period_name(period));
	if ((pts = cJSON_AddArrayToObject(root, "points")))
		for (i = 0; i < sw->n; i++) {
			cJSON *pt = cJSON_CreateObject(), *tot;
			if (!pt)
				break;
			cJSON_AddNumberToObject(pt, "x", sw->x[i]);
			tot = cJSON_AddObjectToObject(pt, breakdown ? "costs" : "totals");
			for (k = 0; tot && k < sw->nopts; k++) {
				const struct cost_parts *cp = &sw->cost[i * sw->nopts + k];
				option_key(c, &c->options[sw->opts[k]], key, sizeof(key));
				if (!sw->priced[i * sw->nopts + k]) {
					cJSON_AddNullToObject(tot, key);
				} else if (breakdown) {
					cJSON *parts = cJSON_AddObjectToObject(tot, key);
					for (p = 0; parts && p < COST_NPARTS; p++)
						cJSON_AddNumberToObject(parts, cost_part_names[p],
									money_round(cost_part(cp, p) * f));
				} else {
					cJSON_AddNumberToObject(tot, key, money_round(cp->total * f));
				}
			}
			cJSON_AddItemToArray(pts, pt);
		}
	if ((xs = cJSON_AddArrayToObject(root, "crossings")))
		for (i = 0; i < sw->npairs; i++)
			for (j = 0; j < sw->pairs[i].n; j++) {
				const struct crossing *cr = &sw->pairs[i].x[j];
				cJSON *x = cJSON_CreateObject();
				if (!x)
					break;
				option_key(c, &c->options[sw->pairs[i].a], key, sizeof(key));
				cJSON_AddStringToObject(x, "a", key);
				option_key(c, &c->options[sw->pairs[i].b], key, sizeof(key));
				cJSON_AddStringToObject(x, "b", key);
				cJSON_AddNumberToObject(x, "value", money_round(cr->value));
				option_key(c, &c->options[cr->cheaper_below], key, sizeof(key));
				cJSON_AddStringToObject(x, "cheaper_below", key);
				option_key(c, &c->options[cr->cheaper_above], key, sizeof(key));
				cJSON_AddStringToObject(x, "cheaper_above", key);
				cJSON_AddBoolToObject(x, "at_step", cr->at_step);
				cJSON_AddItemToArray(xs, x);
			}
	return json_emit(fp, root);
}

int sweep_write(FILE *fp, const struct catalog *c, const struct sweep *sw,
		int breakdown, enum period period, enum out_format fmt)
{
	struct grid g;
	int human = fmt == FORMAT_TABLE;

	if (fmt == FORMAT_JSON)
		return write_json(fp, c, sw, breakdown, period);
	if (sweep_grid(&g, c, sw, breakdown, period_factor(period), human)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	switch (fmt) {
	case FORMAT_CSV:
		grid_write_csv(fp, &g);
		break;
	case FORMAT_MD:
		fprintf(fp, "## Cost per %s by %s (%s)\n\n", period_name(period), be_var_name(sw->v),
			be_var_unit(sw->v));
		grid_write_md(fp, &g);
		fprintf(fp, "\nCrossings:\n\n");
		crossings_text(fp, c, sw, 0, "- ");
		break;
	default:
		fprintf(fp, "llmtco sweep: %s per %s in USD by %s (%s)\n\n",
			breakdown ? "cost parts" : "total cost", period_name(period),
			be_var_name(sw->v), be_var_unit(sw->v));
		grid_write_table(fp, &g, 0);
		fprintf(fp, "\ncrossings:\n");
		crossings_text(fp, c, sw, 1, "  - ");
		break;
	}
	grid_release(&g);
	return LLMTCO_OK;
}

int sweep_plot(const struct catalog *c, const struct sweep *sw, const char *path,
	       int svg, enum period period, struct llmtco_err *err)
{
	double f = period_factor(period);
	char ylabel[64];
	static const char *const xlabels[] = {
		"API spend (USD/month)", "requests per month", "tokens per day",
		"maintenance hours per month", "engineering rate (USD/hour)"
	};
	struct line_plot lp;
	struct plot_series *series = calloc(sw->nopts + 1, sizeof(*series));
	size_t nseries = 0;
	double *y = malloc((sw->n * sw->nopts + 1) * sizeof(*y));
	struct plot_mark *marks = NULL;
	char (*names)[96] = calloc(sw->nopts + 1, sizeof(*names));
	char (*labels)[400] = NULL;
	size_t i, k, nmarks = 0, total = 0;
	int rc;

	for (i = 0; i < sw->npairs; i++)
		total += sw->pairs[i].n;
	marks = calloc(total + 1, sizeof(*marks));
	labels = calloc(total + 1, sizeof(*labels));
	if (!series || !y || !names || !marks || !labels) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (k = 0; k < sw->nopts; k++) {
		size_t priced = 0;
		for (i = 0; i < sw->n; i++) {
			y[nseries * sw->n + i] = sw->priced[i * sw->nopts + k]
				? sw->cost[i * sw->nopts + k].total * f : (double)NAN;
			priced += sw->priced[i * sw->nopts + k];
		}
		if (priced < 2)
			continue; /* a plan over its limit almost everywhere: no line */
		option_key(c, &c->options[sw->opts[k]], names[nseries], sizeof(names[0]));
		series[nseries].name = names[nseries];
		series[nseries].y = &y[nseries * sw->n];
		nseries++;
	}
	/*
	 * One mark per point where options cross: options that tie cross the
	 * same one there ("$52,090.91: litellm/oss, bifrost = openrouter").
	 */
	for (i = 0; i < sw->npairs; i++)
		for (k = 0; k < sw->pairs[i].n; k++) {
			const struct crossing *cr = &sw->pairs[i].x[k];
			char a[96], b[96], x[64], tail[120];
			size_t m;
			option_key(c, &c->options[sw->pairs[i].a], a, sizeof(a));
			option_key(c, &c->options[sw->pairs[i].b], b, sizeof(b));
			snprintf(tail, sizeof(tail), " = %s", b);
			for (m = 0; m < nmarks; m++)
				if (money_round(marks[m].x) == money_round(cr->value) &&
				    strlen(labels[m]) >= strlen(tail) &&
				    !strcmp(labels[m] + strlen(labels[m]) - strlen(tail), tail))
					break;
			if (m == nmarks) {
				snprintf(labels[m], sizeof(labels[0]), "%s: %s%s",
					 be_value_text(sw->v, cr->value, 1, x, sizeof(x)), a, tail);
				marks[m].x = cr->value;
				marks[m].y = cr->total * f;
				marks[m].label = labels[m];
				nmarks++;
			} else if (strlen(labels[m]) + strlen(a) + 3 < sizeof(labels[0])) {
				/* insert ", a" before " = b" */
				size_t cut = strlen(labels[m]) - strlen(tail);
				snprintf(labels[m] + cut, sizeof(labels[0]) - cut, ", %s%s", a, tail);
			}
		}
	memset(&lp, 0, sizeof(lp));
	lp.title = "Monthly cost of each option";
	lp.xlabel = xlabels[sw->v];
	snprintf(ylabel, sizeof(ylabel), "total cost (USD/%s)", period_name(period));
	lp.ylabel = ylabel;
	lp.x_money = sw->v == BE_SPEND || sw->v == BE_RATE;
	lp.log_x = sw->n > 2 && sw->x[0] > 0 &&
		   fabs(sw->x[1] / sw->x[0] - sw->x[2] / sw->x[1]) < 1e-9 * (sw->x[1] / sw->x[0]);
	lp.x = sw->x;
	lp.n = sw->n;
	lp.series = series;
	lp.nseries = nseries;
	lp.marks = marks;
	lp.nmarks = nmarks;
	rc = plot_line(&lp, path, svg ? PLOT_SVG : PLOT_PNG, err);
out:
	free(series);
	free(y);
	free(names);
	free(marks);
	free(labels);
	return rc;
}
