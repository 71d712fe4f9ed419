/*
 * pricing_out.c - the catalog in four formats.
 */
#include "pricing_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void append(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	if (n + 1 >= size)
		return;
	snprintf(buf + n, size - n, "%s%s", n ? ", " : "", s);
}

void pricing_summary(const struct option *o, int human, char *buf, size_t size)
{
	char part[200], a[64], b[64];
	double lo = 0, hi = 0;
	size_t i;

	buf[0] = '\0';
	if (o->deployment == DEPLOY_ROUTER)
		append(buf, size, "router add-on");
	if (o->quote_required)
		append(buf, size, "quote required");
	if (o->fee_pct.value > 0) {
		snprintf(part, sizeof(part), "%s%% fee", fmt_number(a, sizeof(a), o->fee_pct.value));
		if (o->fee_min_usd.value > 0) {
			size_t n = strlen(part);
			snprintf(part + n, sizeof(part) - n, " (min %s)",
				 fmt_usd_as(b, sizeof(b), o->fee_min_usd.value, human));
		}
		append(buf, size, part);
	}
	if (o->byok_fee_pct.value > 0) {
		snprintf(part, sizeof(part), "%s%% BYOK fee beyond %s requests",
			 fmt_number(a, sizeof(a), o->byok_fee_pct.value),
			 fmt_count_as(b, sizeof(b), o->byok_free_requests.value, human));
		append(buf, size, part);
	}
	if (o->markup_pct.value > 0) {
		snprintf(part, sizeof(part), "%s%% markup", fmt_number(a, sizeof(a), o->markup_pct.value));
		append(buf, size, part);
	}
	if (o->monthly_usd.value > 0) {
		snprintf(part, sizeof(part), "%s/month", fmt_usd_as(a, sizeof(a), o->monthly_usd.value, human));
		append(buf, size, part);
	}
	if (o->per_model_usd.value > 0) {
		snprintf(part, sizeof(part), "%s/month per model",
			 fmt_usd_as(a, sizeof(a), o->per_model_usd.value, human));
		append(buf, size, part);
	}
	if (o->ntiers) {
		snprintf(part, sizeof(part), "usage fees beyond %s requests",
			 fmt_count_as(a, sizeof(a), o->tiers[0].from, human));
		append(buf, size, part);
	}
	if (isfinite(o->max_requests.value)) {
		snprintf(part, sizeof(part), "up to %s requests/month",
			 fmt_count_as(a, sizeof(a), o->max_requests.value, human));
		append(buf, size, part);
	}
	if (o->deployment == DEPLOY_SELF_HOSTED) {
		for (i = 0; i < o->nitems; i++)
			lo += o->items[i].usd.low, hi += o->items[i].usd.high;
		snprintf(part, sizeof(part), "infrastructure %s-%s/month + engineering",
			 fmt_usd_as(a, sizeof(a), lo, human), fmt_usd_as(b, sizeof(b), hi, human));
		append(buf, size, part);
	}
	if (!buf[0])
		snprintf(buf, size, "no fee");
}

int pricing_list_write(FILE *fp, const struct catalog *c, enum out_format fmt)
{
	static const char *const head[] = { "key", "name", "deployment", "pricing",
					     "as_of", "source" };
	struct grid g;
	char key[96], sum[400];
	size_t i, r, k, ncols;
	int bad;

	if (fmt == FORMAT_JSON) {
		cJSON *arr = cJSON_CreateArray();
		if (!arr)
			return LLMTCO_EIO;
		for (i = 0; i < c->noptions; i++) {
			const struct option *o = &c->options[i];
			cJSON *j = cJSON_CreateObject();
			if (!j)
				break;
			option_key(c, o, key, sizeof(key));
			pricing_summary(o, 0, sum, sizeof(sum));
			cJSON_AddStringToObject(j, "key", key);
			cJSON_AddStringToObject(j, "id", o->id);
			cJSON_AddStringToObject(j, "plan", o->plan);
			cJSON_AddStringToObject(j, "name", o->name);
			cJSON_AddStringToObject(j, "deployment", deployment_name(o->deployment));
			cJSON_AddStringToObject(j, "pricing", sum);
			cJSON_AddStringToObject(j, "source", o->source);
			cJSON_AddStringToObject(j, "as_of", o->as_of);
			cJSON_AddItemToArray(arr, j);
		}
		return json_emit(fp, arr);
	}
	/* the table leaves the long source to `show` */
	ncols = fmt == FORMAT_TABLE ? 5 : 6;
	if (grid_init(&g, ncols))
		return LLMTCO_EIO;
	bad = 0;
	for (k = 0; k < ncols; k++)
		bad |= grid_set(&g, 0, k, head[k]);
	for (i = 0; i < c->noptions && !bad; i++) {
		const struct option *o = &c->options[i];
		if ((r = grid_add_row(&g)) == (size_t)-1) {
			bad = 1;
			break;
		}
		option_key(c, o, key, sizeof(key));
		pricing_summary(o, fmt == FORMAT_TABLE, sum, sizeof(sum));
		bad |= grid_set(&g, r, 0, key);
		bad |= grid_set(&g, r, 1, o->name);
		bad |= grid_set(&g, r, 2, deployment_name(o->deployment));
		bad |= grid_set(&g, r, 3, sum);
		bad |= grid_set(&g, r, 4, o->as_of);
		if (ncols > 5)
			bad |= grid_set(&g, r, 5, o->source);
	}
	if (!bad) {
		if (fmt == FORMAT_CSV)
			grid_write_csv(fp, &g);
		else if (fmt == FORMAT_MD)
			grid_write_md(fp, &g);
		else {
			grid_write_table(fp, &g, 0);
			fprintf(fp, "\n%zu options; sources and every field: llmtco pricing show ID\n",
				c->noptions);
		}
	}
	grid_release(&g);
	return bad ? LLMTCO_EIO : LLMTCO_OK;
}

/* A range as three machine strings: value, low, high ("" when fixed). */
static void range_cells(const struct range *r, char *v, char *lo, char *hi, size_t size)
{
	if (isnan(r->value) || isinf(r->value)) {
		v[0] = lo[0] = hi[0] = '\0';
		return;
	}
	fmt_number(v, size, r->value);
	if (r->low == r->high) {
		lo[0] = hi[0] = '\0';
	} else {
		fmt_number(lo, size, r->low);
		fmt_number(hi, size, r->high);
	}
}

static int show_row(struct grid *g, const char *key, const char *section,
		    const char *name, const char *v, const char *lo,
		    const char *hi, const char *source, const char *as_of)
{
	const char *cells[] = { key, section, name, v, lo, hi, source, as_of };
	size_t r = grid_add_row(g), k;
	int bad = 0;

	if (r == (size_t)-1)
		return -1;
	for (k = 0; k < 8; k++)
		bad |= grid_set(g, r, k, cells[k]);
	return bad;
}

static int show_grid(struct grid *g, const struct catalog *c, const size_t *idx,
		     size_t n)
{
	static const char *const head[] = { "key", "section", "name", "value", "low",
					     "high", "source", "as_of" };
	char key[96], v[64], lo[64], hi[64], text[512], name[160];
	size_t i, k;
	int bad = 0;

	if (grid_init(g, 8))
		return -1;
	for (k = 0; k < 8; k++)
		bad |= grid_set(g, 0, k, head[k]);
	g->right[3] = g->right[4] = g->right[5] = 1;
	for (i = 0; i < n && !bad; i++) {
		const struct option *o = &c->options[idx[i]];
		const struct field *f;
		option_key(c, o, key, sizeof(key));
		for (f = option_fields; f->name && !bad; f++) {
			if (!strcmp(f->name, "source") || !strcmp(f->name, "as_of"))
				continue;
			if (f->kind == FIELD_NUM) {
				range_cells(option_num_c(o, f), v, lo, hi, sizeof(v));
				bad |= show_row(g, key, "field", f->name, v, lo, hi, o->source, o->as_of);
			} else {
				option_field_text(o, f, text, sizeof(text));
				bad |= show_row(g, key, "field", f->name, text, "", "", "", "");
			}
		}
		for (k = 0; k < o->ntiers && !bad; k++) {
			const struct tier *t = &o->tiers[k];
			char from[40], to[40], per[40];
			fmt_number(from, sizeof(from), t->from);
			if (isinf(t->to))
				snprintf(to, sizeof(to), "up");
			else
				fmt_number(to, sizeof(to), t->to);
			fmt_number(per, sizeof(per), t->per);
			snprintf(name, sizeof(name), "%s-%s per %s%s", from, to, per,
				 t->round_up ? " (whole blocks)" : "");
			range_cells(&t->usd, v, lo, hi, sizeof(v));
			bad |= show_row(g, key, "tier", name, v, lo, hi, t->source, t->as_of);
		}
		for (k = 0; o->deployment == DEPLOY_SELF_HOSTED && k < o->nitems && !bad; k++) {
			const struct infra_item *it = &o->items[k];
			snprintf(name, sizeof(name), "%s%s", it->name,
				 it->per_instance ? " (per instance)" : "");
			range_cells(&it->usd, v, lo, hi, sizeof(v));
			bad |= show_row(g, key, "item", name, v, lo, hi, it->source, it->as_of);
		}
	}
	return bad;
}

/* fmt_human with 6 decimals, trailing zeros dropped. */
static char *trim_zeros(char *s)
{
	char *dot = strchr(s, '.'), *end;

	if (!dot)
		return s;
	end = s + strlen(s) - 1;
	while (end > dot && *end == '0')
		*end-- = '\0';
	if (end == dot)
		*end = '\0';
	return s;
}

/* "30 (20-40)" or "49" for humans; "" when not published. */
static void human_range(const struct range *r, char *buf, size_t size)
{
	char v[64], lo[64], hi[64];

	if (isnan(r->value)) {
		snprintf(buf, size, "not published");
		return;
	}
	if (isinf(r->value)) {
		snprintf(buf, size, "no limit");
		return;
	}
	trim_zeros(fmt_human(v, sizeof(v), r->value, 10));
	if (r->low == r->high) {
		snprintf(buf, size, "%s", v);
		return;
	}
	trim_zeros(fmt_human(lo, sizeof(lo), r->low, 10));
	trim_zeros(fmt_human(hi, sizeof(hi), r->high, 10));
	snprintf(buf, size, "%s (%s-%s)", v, lo, hi);
}

static int show_human(FILE *fp, const struct catalog *c, const struct option *o)
{
	const struct field *f;
	struct grid g;
	char key[96], text[512];
	size_t k, r;
	int bad = 0;

	option_key(c, o, key, sizeof(key));
	fprintf(fp, "%s: %s\n", key, o->name);
	if (grid_init(&g, 2))
		return -1;
	bad |= grid_set(&g, 0, 0, "field");
	bad |= grid_set(&g, 0, 1, "value");
	for (f = option_fields; f->name && !bad; f++) {
		if (f->kind == FIELD_KEY || !strcmp(f->name, "name") ||
		    !strcmp(f->name, "source") || !strcmp(f->name, "as_of"))
			continue;
		if (f->kind == FIELD_NUM) {
			human_range(option_num_c(o, f), text, sizeof(text));
			if (*f->unit && strcmp(text, "not published") && strcmp(text, "no limit")) {
				size_t n = strlen(text);
				snprintf(text + n, sizeof(text) - n, " %s", f->unit);
			}
		} else {
			option_field_text(o, f, text, sizeof(text));
			if (!*text)
				snprintf(text, sizeof(text), "-");
		}
		if ((r = grid_add_row(&g)) == (size_t)-1)
			bad = 1;
		else
			bad |= grid_set(&g, r, 0, f->name) | grid_set(&g, r, 1, text);
	}
	if (!bad)
		grid_write_table(fp, &g, 2);
	grid_release(&g);
	fprintf(fp, "  source: %s (%s)\n", o->source, o->as_of);
	if (o->ntiers) {
		fprintf(fp, "  usage tiers, requests/month:\n");
		for (k = 0; k < o->ntiers; k++) {
			const struct tier *t = &o->tiers[k];
			char from[64], to[64], per[64], usd[64];
			fmt_human(from, sizeof(from), t->from, 0);
			if (isinf(t->to))
				snprintf(to, sizeof(to), "up");
			else
				fmt_human(to, sizeof(to), t->to, 0);
			fmt_human(per, sizeof(per), t->per, 0);
			trim_zeros(fmt_human(usd, sizeof(usd), t->usd.value, 10));
			fprintf(fp, "    %s-%s: $%s per %s%s; %s (%s)\n", from, to, usd, per,
				t->round_up ? " (every started block)" : "", t->source, t->as_of);
		}
	}
	if (o->deployment == DEPLOY_SELF_HOSTED && o->nitems) {
		fprintf(fp, "  infrastructure, USD/month:\n");
		for (k = 0; k < o->nitems; k++) {
			const struct infra_item *it = &o->items[k];
			human_range(&it->usd, text, sizeof(text));
			fprintf(fp, "    %s%s: %s; %s (%s)\n", it->name,
				it->per_instance ? " (per instance)" : "", text, it->source,
				it->as_of);
		}
	}
	return bad;
}

int pricing_show_write(FILE *fp, const struct catalog *c, const size_t *idx,
		       size_t n, enum out_format fmt)
{
	struct grid g;
	size_t r;

	if (fmt == FORMAT_TABLE) {
		for (r = 0; r < n; r++) {
			if (r)
				fputc('\n', fp);
			if (show_human(fp, c, &c->options[idx[r]]))
				return LLMTCO_EIO;
		}
		return LLMTCO_OK;
	}

	if (show_grid(&g, c, idx, n)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_JSON) {
		cJSON *arr = cJSON_CreateArray();
		for (r = 1; arr && r < g.nrows; r++) {
			cJSON *j = cJSON_CreateObject();
			static const char *const keys[] = { "key", "section", "name", "value",
							    "low", "high", "source", "as_of" };
			size_t k;
			double d;
			const char *why;
			if (!j)
				break;
			for (k = 0; k < 8; k++) {
				const char *s = g.cells[r * g.ncols + k];
				if (k >= 3 && k <= 5 && *s && !num_parse(s, &d, &why))
					cJSON_AddNumberToObject(j, keys[k], d);
				else if (k >= 4 && k <= 5 && !*s)
					continue;
				else
					cJSON_AddStringToObject(j, keys[k], s);
			}
			cJSON_AddItemToArray(arr, j);
		}
		grid_release(&g);
		return json_emit(fp, arr);
	}
	if (fmt == FORMAT_CSV)
		grid_write_csv(fp, &g);
	else if (fmt == FORMAT_MD)
		grid_write_md(fp, &g);
	else
		grid_write_table(fp, &g, 0);
	grid_release(&g);
	return LLMTCO_OK;
}
