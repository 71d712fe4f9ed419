/*
 * sensitivity_out.c - the tornado in four formats and a chart.
 */
#include "sensitivity_out.h"
#include "format.h"
#include "plot.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MOVES 0.005 /* an input that moves the difference less does not move it */
#define TORNADO_BARS 12

static const char *key(const struct catalog *c, size_t i, char *buf, size_t size)
{
	option_key(c, &c->options[i], buf, size);
	return buf;
}

int sensitivity_moves(const struct sens_result *r)
{
	return r->n && r->rows[0].swing >= MOVES;
}

void sensitivity_sentence(const struct catalog *c, const struct sens_result *r, int human,
			  char *buf, size_t size)
{
	const struct sens_row *top = r->n ? &r->rows[0] : NULL;
	char a[96], b[96], lo[40], hi[40], s[64], d1[64], d2[64];

	key(c, r->a, a, sizeof(a));
	key(c, r->b, b, sizeof(b));
	if (!sensitivity_moves(r)) {
		snprintf(buf, size, "No uncertain input moves the difference between %s and %s: "
			 "give ranges in the scenario or the catalog.", a, b);
		return;
	}
	fmt_number(lo, sizeof(lo), top->r.low);
	fmt_number(hi, sizeof(hi), top->r.high);
	snprintf(buf, size, "%s decides this most: from %s to %s it moves %s - %s by %s "
		 "(from %s to %s a month), %s.", top->name, lo, hi, a, b,
		 fmt_usd_as(s, sizeof(s), top->swing, human),
		 fmt_usd_as(d1, sizeof(d1), top->diff_low, human),
		 fmt_usd_as(d2, sizeof(d2), top->diff_high, human),
		 (top->diff_low < -MOVES && top->diff_high > MOVES) ||
		 (top->diff_low > MOVES && top->diff_high < -MOVES)
			 ? "enough to change which of them is cheaper"
			 : "not enough to change which of them is cheaper");
}

static int sens_grid(struct grid *g, const struct sens_result *r, int human)
{
	static const char *const head[] = { "input", "low", "value", "high", "diff_at_low",
					     "diff_at_high", "swing" };
	char buf[64];
	size_t i, row;
	int k, bad = 0;

	if (grid_init(g, 7))
		return -1;
	for (k = 0; k < 7; k++) {
		bad |= grid_set(g, 0, (size_t)k, head[k]);
		g->right[k] = k > 0;
	}
	for (i = 0; i < r->n && !bad; i++) {
		const struct sens_row *s = &r->rows[i];
		double v[6] = { s->r.low, s->r.value, s->r.high, s->diff_low, s->diff_high, s->swing };
		if (s->swing < MOVES)
			continue;
		if ((row = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, row, 0, s->name);
		for (k = 0; k < 6; k++) {
			if (k < 3)
				fmt_number(buf, sizeof(buf), v[k]);
			else if (human)
				fmt_human(buf, sizeof(buf), v[k], 2);
			else
				fmt_machine(buf, sizeof(buf), v[k]);
			bad |= grid_set(g, row, (size_t)k + 1, buf);
		}
	}
	return bad;
}

static size_t still(const struct sens_result *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		n += r->rows[i].swing < MOVES;
	return n;
}

int sensitivity_write(FILE *fp, const struct catalog *c, const struct sens_result *r,
		      enum out_format fmt)
{
	char a[96], b[96], base[64], say[600];
	struct grid g;
	size_t i;

	key(c, r->a, a, sizeof(a));
	key(c, r->b, b, sizeof(b));
	sensitivity_sentence(c, r, fmt == FORMAT_TABLE, say, sizeof(say));
	if (fmt == FORMAT_JSON) {
		cJSON *root = cJSON_CreateObject(), *arr;
		if (!root)
			return LLMTCO_EIO;
		cJSON_AddStringToObject(root, "a", a);
		cJSON_AddStringToObject(root, "b", b);
		cJSON_AddNumberToObject(root, "base", money_round(r->base));
		if ((arr = cJSON_AddArrayToObject(root, "inputs")))
			for (i = 0; i < r->n; i++) {
				const struct sens_row *s = &r->rows[i];
				cJSON *o = cJSON_CreateObject();
				if (!o)
					break;
				cJSON_AddStringToObject(o, "name", s->name);
				cJSON_AddNumberToObject(o, "low", s->r.low);
				cJSON_AddNumberToObject(o, "value", s->r.value);
				cJSON_AddNumberToObject(o, "high", s->r.high);
				cJSON_AddNumberToObject(o, "diff_low", money_round(s->diff_low));
				cJSON_AddNumberToObject(o, "diff_high", money_round(s->diff_high));
				cJSON_AddNumberToObject(o, "swing", money_round(s->swing));
				cJSON_AddItemToArray(arr, o);
			}
		cJSON_AddStringToObject(root, "decides", say);
		return json_emit(fp, root);
	}
	if (sens_grid(&g, r, fmt == FORMAT_TABLE)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_CSV) {
		grid_write_csv(fp, &g);
	} else if (fmt == FORMAT_MD) {
		fprintf(fp, "## What moves %s - %s (USD/month)\n\n", a, b);
		fprintf(fp, "At point values the difference is %s.\n\n",
			fmt_usd_as(base, sizeof(base), r->base, 0));
		grid_write_md(fp, &g);
		fprintf(fp, "\n%s\n", say);
	} else {
		fprintf(fp, "llmtco sensitivity: what moves %s - %s, one input at a time (USD/month)\n"
			    "at point values: %s\n\n", a, b,
			fmt_usd(base, sizeof(base), r->base));
		grid_write_table(fp, &g, 0);
		if (still(r))
			fprintf(fp, "\n%zu more uncertain input%s do%s not move it\n", still(r),
				still(r) == 1 ? "" : "s", still(r) == 1 ? "es" : "");
		fprintf(fp, "\n%s\n", say);
	}
	grid_release(&g);
	return LLMTCO_OK;
}

int sensitivity_plot(const struct catalog *c, const struct sens_result *r, const char *path,
		     int svg, struct llmtco_err *err)
{
	static const char *const parts[] = { "at its low", "at its high" };
	const char *bars[TORNADO_BARS];
	double v[2 * TORNADO_BARS];
	char title[300], a[96], b[96], base[64];
	struct bar_plot bp;
	size_t i, n = 0;

	for (i = 0; i < r->n && n < TORNADO_BARS; i++) {
		if (r->rows[i].swing < MOVES)
			break;
		bars[n] = r->rows[i].name;
		v[2 * n] = r->rows[i].diff_low - r->base;
		v[2 * n + 1] = r->rows[i].diff_high - r->base;
		n++;
	}
	snprintf(title, sizeof(title), "What moves %s - %s (from %s a month), one input at a time",
		 key(c, r->a, a, sizeof(a)), key(c, r->b, b, sizeof(b)),
		 fmt_usd(base, sizeof(base), r->base));
	memset(&bp, 0, sizeof(bp));
	bp.title = title;
	bp.ylabel = "change of the difference (USD/month)";
	bp.bars = bars;
	bp.nbars = n;
	bp.parts = parts;
	bp.nparts = 2;
	bp.values = v;
	bp.hide_totals = 1;
	return plot_bars(&bp, path, svg ? PLOT_SVG : PLOT_PNG, err);
}
