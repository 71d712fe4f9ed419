/*
 * check_out.c - a pricing change's effect, in three formats.
 */
#include "check_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <string.h>

static void pct_text(double pct, int human, char *buf, size_t size)
{
	if (isinf(pct))
		snprintf(buf, size, "%s", human ? "new or gone" : "null");
	else
		snprintf(buf, size, "%+.2f%%", pct);
}

static size_t flips(const struct check_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		n += r->results[i].flip != 0;
	return n;
}

static double worst(const struct check_report *r, int shift)
{
	double m = 0;
	size_t i;

	for (i = 0; i < r->n; i++) {
		double v = shift ? r->results[i].max_shift_pct : r->results[i].max_change_pct;
		if (v > m)
			m = v;
	}
	return m;
}

static void summary(FILE *fp, const struct check_report *r, int md)
{
	char a[32], b[32];

	pct_text(worst(r, 0), 1, a, sizeof(a));
	pct_text(worst(r, 1), 1, b, sizeof(b));
	fprintf(fp, "%s %zu scenario%s against %s: %zu flip%s, largest change %s, largest "
		    "breakeven shift %s%s\n",
		md ? "**llmtco check**:" : "llmtco check:", r->n, r->n == 1 ? "" : "s",
		r->baseline, flips(r), flips(r) == 1 ? "" : "s", a[0] == '+' ? a + 1 : a,
		b[0] == '+' ? b + 1 : b, r->nfailed ? " - FAILED" : "");
}

static void scenario_text(FILE *fp, const struct check_report *r, size_t k, int md)
{
	const struct check_result *c = &r->results[k];
	char x[64], y[64], z[64], p[32];
	size_t i, shown = 0;

	if (md)
		fprintf(fp, "\n### %s\n\n", r->names[k]);
	else
		fprintf(fp, "\nscenario %s (%s)\n", r->names[k], r->files[k]);
	if (c->flip)
		fprintf(fp, md ? "**Cheapest option flips: %s -> %s**\n\n"
			       : "  cheapest: %s -> %s  FLIP\n", c->cheapest_before, c->cheapest_after);
	else
		fprintf(fp, md ? "Cheapest option: %s (unchanged)\n\n"
			       : "  cheapest: %s (unchanged)\n", c->cheapest_after);
	if (md)
		fprintf(fp, "| option | before | after | change |\n| --- | ---: | ---: | ---: |\n");
	for (i = 0; i < c->noptions; i++) {
		const struct check_option *o = &c->options[i];
		int bold = md && c->flip && (!strcmp(o->key, c->cheapest_before) ||
					     !strcmp(o->key, c->cheapest_after));
		if (o->before_ranked && o->after_ranked && money_round(o->delta) == 0)
			continue;
		shown++;
		if (o->before_ranked)
			md ? fmt_machine(x, sizeof(x), o->before) : fmt_usd(x, sizeof(x), o->before);
		else
			snprintf(x, sizeof(x), "not ranked");
		if (o->after_ranked)
			md ? fmt_machine(y, sizeof(y), o->after) : fmt_usd(y, sizeof(y), o->after);
		else
			snprintf(y, sizeof(y), "not ranked");
		pct_text(o->delta_pct, 1, p, sizeof(p));
		if (md)
			fprintf(fp, "| %s%s%s | %s | %s | %s (%s) |\n", bold ? "**" : "", o->key,
				bold ? "**" : "", x, y, fmt_machine(z, sizeof(z), o->delta), p);
		else
			fprintf(fp, "  %-28s %14s -> %-14s %s (%s)\n", o->key, x, y,
				fmt_usd(z, sizeof(z), o->delta), p);
	}
	if (!shown)
		fprintf(fp, md ? "| (no option's total changed) | | | |\n"
			       : "  no option's total changed\n");
	shown = 0;
	for (i = 0; i < c->ncrossings; i++) {
		const struct check_crossing *cr = &c->crossings[i];
		if (cr->before_n == cr->after_n && money_round(cr->before) == money_round(cr->after))
			continue;
		if (!shown++)
			fprintf(fp, md ? "\n| crossing (API spend) | before | after | shift |\n"
					 "| --- | ---: | ---: | ---: |\n"
				       : "  crossings, in API spend (USD/month):\n");
		if (cr->before_n)
			md ? fmt_machine(x, sizeof(x), cr->before) : fmt_usd(x, sizeof(x), cr->before);
		else
			snprintf(x, sizeof(x), "none");
		if (cr->after_n)
			md ? fmt_machine(y, sizeof(y), cr->after) : fmt_usd(y, sizeof(y), cr->after);
		else
			snprintf(y, sizeof(y), "none");
		pct_text(cr->shift_pct, 1, p, sizeof(p));
		if (md)
			fprintf(fp, "| %s vs %s | %s | %s | %s |\n", cr->a, cr->b, x, y, p);
		else
			fprintf(fp, "    %s vs %s: %s -> %s (%s)\n", cr->a, cr->b, x, y, p);
	}
}

static int write_json(FILE *fp, const struct check_report *r)
{
	cJSON *root = cJSON_CreateObject(), *arr, *f;
	size_t k, i;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddStringToObject(root, "baseline", r->baseline);
	if ((arr = cJSON_AddArrayToObject(root, "scenarios")))
		for (k = 0; k < r->n; k++) {
			const struct check_result *c = &r->results[k];
			cJSON *s = cJSON_CreateObject(), *o, *x, *ch;
			if (!s)
				break;
			cJSON_AddStringToObject(s, "name", r->names[k]);
			cJSON_AddStringToObject(s, "file", r->files[k]);
			if ((ch = cJSON_AddObjectToObject(s, "cheapest"))) {
				cJSON_AddStringToObject(ch, "before", c->cheapest_before);
				cJSON_AddStringToObject(ch, "after", c->cheapest_after);
				cJSON_AddBoolToObject(ch, "flip", c->flip);
			}
			if ((o = cJSON_AddArrayToObject(s, "options")))
				for (i = 0; i < c->noptions; i++) {
					const struct check_option *op = &c->options[i];
					cJSON *e = cJSON_CreateObject();
					if (!e)
						break;
					cJSON_AddStringToObject(e, "id", op->key);
					if (op->before_ranked)
						cJSON_AddNumberToObject(e, "before", money_round(op->before));
					else
						cJSON_AddNullToObject(e, "before");
					if (op->after_ranked)
						cJSON_AddNumberToObject(e, "after", money_round(op->after));
					else
						cJSON_AddNullToObject(e, "after");
					cJSON_AddNumberToObject(e, "delta", money_round(op->delta));
					if (isinf(op->delta_pct))
						cJSON_AddNullToObject(e, "delta_pct");
					else
						cJSON_AddNumberToObject(e, "delta_pct", money_round(op->delta_pct));
					cJSON_AddItemToArray(o, e);
				}
			if ((x = cJSON_AddArrayToObject(s, "breakevens")))
				for (i = 0; i < c->ncrossings; i++) {
					const struct check_crossing *cr = &c->crossings[i];
					cJSON *e = cJSON_CreateObject();
					if (!e)
						break;
					cJSON_AddStringToObject(e, "a", cr->a);
					cJSON_AddStringToObject(e, "b", cr->b);
					if (cr->before_n)
						cJSON_AddNumberToObject(e, "before", money_round(cr->before));
					else
						cJSON_AddNullToObject(e, "before");
					if (cr->after_n)
						cJSON_AddNumberToObject(e, "after", money_round(cr->after));
					else
						cJSON_AddNullToObject(e, "after");
					if (isinf(cr->shift_pct))
						cJSON_AddNullToObject(e, "shift_pct");
					else
						cJSON_AddNumberToObject(e, "shift_pct", money_round(cr->shift_pct));
					cJSON_AddItemToArray(x, e);
				}
			cJSON_AddItemToArray(arr, s);
		}
	if ((f = cJSON_AddArrayToObject(root, "failed")))
		for (k = 0; k < r->nfailed; k++)
			cJSON_AddItemToArray(f, cJSON_CreateString(r->failed[k]));
	return json_emit(fp, root);
}

int check_write(FILE *fp, const struct check_report *r, enum out_format fmt)
{
	size_t k;

	if (fmt == FORMAT_JSON)
		return write_json(fp, r);
	summary(fp, r, fmt == FORMAT_MD);
	for (k = 0; k < r->n; k++)
		scenario_text(fp, r, k, fmt == FORMAT_MD);
	if (r->nfailed) {
		fprintf(fp, fmt == FORMAT_MD ? "\nThresholds crossed:\n\n" : "\nthresholds crossed:\n");
		for (k = 0; k < r->nfailed; k++)
			fprintf(fp, fmt == FORMAT_MD ? "- %s\n" : "  - %s\n", r->failed[k]);
	}
	return LLMTCO_OK;
}
