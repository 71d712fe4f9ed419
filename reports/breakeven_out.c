/*
 * breakeven_out.c - breakeven results in four formats and in words.
 */
#include "breakeven_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What the variable is, for headings and sentences. */
static const char *const var_phrase[] = {
	"API spend", "requests", "tokens per day", "maintenance hours",
	"engineering rate"
};

char *be_value_text(enum be_var v, double x, int human, char *buf, size_t size)
{
	char num[64];

	switch (v) {
	case BE_SPEND:
	case BE_RATE:
		return human ? fmt_usd(buf, size, x) : fmt_machine(buf, size, x);
	case BE_REQUESTS:
	case BE_TOKENS:
		return fmt_count_as(buf, size, ceil(x - 1e-9), human);
	case BE_HOURS:
		if (human)
			return fmt_human(buf, size, x, 2);
		snprintf(buf, size, "%s", fmt_number(num, sizeof(num), money_round(x)));
		return buf;
	}
	return buf;
}

/* A value of the variable as JSON gives it: the figure the other formats show. */
static double json_value(enum be_var v, double x)
{
	return v == BE_REQUESTS || v == BE_TOKENS ? ceil(x - 1e-9) : money_round(x);
}

/* What moves with the variable, in one sentence, for the memo. */
void breakeven_moving(const struct comparison *cmp, enum be_var v, int human,
		      char *buf, size_t size)
{
	char n[64], per[64];

	fmt_number(per, sizeof(per), cmp->usd_per_request);
	if (v == BE_SPEND && (cmp->assumed & ASSUME_REQUESTS_FROM_SPEND))
		snprintf(buf, size, "As API spend moves, requests follow it at $%s per request "
			 "(seed figure).", per);
	else if (v == BE_SPEND)
		snprintf(buf, size, "As API spend moves, requests stay at %s/month.",
			 fmt_count_as(n, sizeof(n), cmp->w.requests, human));
	else
		buf[0] = '\0';
}

static const char *key_of(const struct catalog *c, size_t i, char *buf, size_t size)
{
	option_key(c, &c->options[i], buf, size);
	return buf;
}

/* "from $0.00 to $100,000.00" */
static void range_text(enum be_var v, double max, int human, char *buf, size_t size)
{
	char a[64], b[64];

	snprintf(buf, size, "from %s to %s", be_value_text(v, 0, human, a, sizeof(a)),
		 be_value_text(v, max, human, b, sizeof(b)));
}

static void limit_text(const struct catalog *c, enum be_var v,
		       const struct be_pair *p, int human, char *buf, size_t size)
{
	char k[96], lim[64], x[64];
	const struct option *o = &c->options[p->limited_by];

	snprintf(buf, size, "the range ends at %s: %s's plan limit of %s requests/month",
		 be_value_text(v, p->max, human, x, sizeof(x)), key_of(c, p->limited_by, k, sizeof(k)),
		 fmt_count_as(lim, sizeof(lim), o->max_requests.value, human));
}

/* "above $10,000.00/month of API spend", "above 600,000 requests/month". */
static void where_text(enum be_var v, double x, int human, char *buf, size_t size)
{
	char n[64];

	if (v == BE_SPEND || v == BE_RATE)
		fmt_usd_as(n, sizeof(n), x, human);
	else
		be_value_text(v, x, human, n, sizeof(n));
	switch (v) {
	case BE_SPEND:
		snprintf(buf, size, "%s/month of API spend", n);
		return;
	case BE_REQUESTS:
		snprintf(buf, size, "%s requests/month", n);
		return;
	case BE_TOKENS:
		snprintf(buf, size, "%s tokens/day", n);
		return;
	case BE_HOURS:
		snprintf(buf, size, "%s maintenance hours/month", n);
		return;
	case BE_RATE:
		snprintf(buf, size, "an engineering rate of %s/hour", n);
		return;
	}
}

/* "self-hosting LiteLLM" for a self-hosted option, else its name. */
static void option_phrase(const struct option *o, char *buf, size_t size)
{
	static const char tag[] = " (self-hosted)";
	size_t n = strlen(o->name);

	if (o->deployment != DEPLOY_SELF_HOSTED) {
		snprintf(buf, size, "%s", o->name);
		return;
	}
	if (n > sizeof(tag) - 1 && !strcmp(o->name + n - (sizeof(tag) - 1), tag))
		n -= sizeof(tag) - 1;
	snprintf(buf, size, "self-hosting %.*s", (int)n, o->name);
}

void breakeven_sentences(FILE *fp, const struct catalog *c, enum be_var v,
			 const struct be_pair *p, int human, const char *bullet)
{
	char x[128], r[200], na[96], nb[96];
	size_t i;

	if (p->max <= 0) {
		fprintf(fp, "%s%s and %s cannot be compared: %s is over its plan limit\n",
			bullet, c->options[p->a].name, c->options[p->b].name,
			c->options[p->limited_by].name);
		return;
	}
	if (!p->n) {
		char a1[96];
		where_text(v, p->max, human, a1, sizeof(a1));
		snprintf(r, sizeof(r), "at every point up to %s", a1);
		if (p->tie)
			fprintf(fp, "%s%s and %s cost the same %s\n", bullet,
				c->options[p->a].name, c->options[p->b].name, r);
		else {
			option_phrase(&c->options[p->cheaper_at_max], na, sizeof(na));
			option_phrase(&c->options[p->cheaper_at_max == p->a ? p->b : p->a], nb,
				      sizeof(nb));
			if (p->equal_until > 0) {
				char e[96];
				where_text(v, p->equal_until, human, e, sizeof(e));
				fprintf(fp, "%s%s and %s cost the same up to %s; above it %s is "
					    "cheaper, up to the end of the range\n", bullet, na, nb, e, na);
			} else {
				fprintf(fp, "%s%s is cheaper than %s %s\n", bullet, na, nb, r);
			}
		}
		return;
	}
	for (i = 0; i < p->n; i++) {
		const struct crossing *cr = &p->x[i];
		option_phrase(&c->options[cr->cheaper_above], na, sizeof(na));
		option_phrase(&c->options[cr->cheaper_below], nb, sizeof(nb));
		where_text(v, cr->value, human, x, sizeof(x));
		fprintf(fp, "%s%s is cheaper than %s above %s%s\n", bullet, na, nb, x,
			cr->at_step ? " (a price step)" : "");
	}
}

/*
 * The assumptions of a range of workloads: the figures that follow the
 * variable are said as rates, not as the numbers at one point.
 */
static size_t range_assumptions(const struct catalog *c, const struct comparison *cmp,
				enum be_var v, int human, char (*say)[ASSUMPTION_LEN])
{
	struct comparison t = *cmp;
	unsigned moving = 0;
	char per[64];
	size_t n = 0;

	if (v == BE_SPEND || v == BE_TOKENS)
		moving = ASSUME_REQUESTS_FROM_SPEND | ASSUME_SPEND_FROM_TOKENS;
	else if (v == BE_REQUESTS)
		moving = ASSUME_SPEND_FROM_REQUESTS | ASSUME_SPEND_FROM_MIX;
	moving &= cmp->assumed;
	fmt_number(per, sizeof(per), cmp->usd_per_request);
	t.assumed &= ~moving;
	if (moving & ASSUME_REQUESTS_FROM_SPEND)
		snprintf(say[n++], ASSUMPTION_LEN,
			 "requests follow the spend at $%s per request (seed figure: 1M "
			 "requests per $5k); give --requests to fix them", per);
	if (moving & ASSUME_SPEND_FROM_REQUESTS)
		snprintf(say[n++], ASSUMPTION_LEN,
			 "API spend follows the requests at $%s per request (seed figure); "
			 "give --spend to fix it", per);
	if (moving & ASSUME_SPEND_FROM_MIX)
		snprintf(say[n++], ASSUMPTION_LEN,
			 "API spend follows the requests at $%s per request, the list price "
			 "of the model mix", fmt_number(per, sizeof(per), cmp->mix_usd_per_request));
	if (moving & ASSUME_SPEND_FROM_TOKENS)
		snprintf(say[n++], ASSUMPTION_LEN,
			 "API spend = tokens/day x 365/12 days x $%s per 1M tokens",
			 fmt_number(per, sizeof(per), cmp->usd_per_mtok));
	return n + tco_assumptions(c, &t, human, say + n, MAX_ASSUMPTIONS - n);
}

static int write_table(FILE *fp, const struct catalog *c, const struct comparison *cmp,
		       enum be_var v, double max, const struct be_pair *pairs, size_t n)
{
	char say[MAX_ASSUMPTIONS][ASSUMPTION_LEN], r[160], ka[96], kb[96], x[64], lim[200];
	size_t i, k, na;

	fprintf(fp, "llmtco breakeven: where two options' monthly totals cross, in %s (%s)\n",
		var_phrase[v], be_var_unit(v));
	for (i = 0; i < n; i++) {
		const struct be_pair *p = &pairs[i];
		fprintf(fp, "\n%s vs %s\n", key_of(c, p->a, ka, sizeof(ka)),
			key_of(c, p->b, kb, sizeof(kb)));
		if (p->max <= 0) {
			fprintf(fp, "  not comparable: %s is over its plan limit of %s requests/month\n",
				key_of(c, p->limited_by, ka, sizeof(ka)),
				fmt_count_as(lim, sizeof(lim),
					     c->options[p->limited_by].max_requests.value, 1));
			continue;
		}
		if (p->limited) {
			limit_text(c, v, p, 1, lim, sizeof(lim));
			fprintf(fp, "  %s\n", lim);
		}
		range_text(v, p->max, 1, r, sizeof(r));
		if (!p->n && p->tie)
			fprintf(fp, "  no crossing %s: equal throughout\n", r);
		else if (!p->n && p->equal_until > 0)
			fprintf(fp, "  no crossing %s: equal up to %s, then %s is cheaper\n", r,
				be_value_text(v, p->equal_until, 1, x, sizeof(x)),
				key_of(c, p->cheaper_at_max, ka, sizeof(ka)));
		else if (!p->n)
			fprintf(fp, "  no crossing %s: %s is cheaper throughout\n", r,
				key_of(c, p->cheaper_at_0, ka, sizeof(ka)));
		for (k = 0; k < p->n; k++) {
			const struct crossing *cr = &p->x[k];
			fprintf(fp, "  at %s: %s cheaper below, %s cheaper above%s\n",
				be_value_text(v, cr->value, 1, x, sizeof(x)),
				key_of(c, cr->cheaper_below, ka, sizeof(ka)),
				key_of(c, cr->cheaper_above, kb, sizeof(kb)),
				cr->at_step ? " (a price step)" : "");
		}
	}
	range_text(v, max, 1, r, sizeof(r));
	fprintf(fp, "\nsearched %s; give --max to change it\nassumptions:\n", r);
	na = range_assumptions(c, cmp, v, 1, say);
	for (i = 0; i < na; i++)
		fprintf(fp, "  - %s\n", say[i]);
	return LLMTCO_OK;
}

/* One row per crossing (or one per pair without any), for CSV and Markdown. */
static int be_grid(struct grid *g, const struct catalog *c, enum be_var v,
		   const struct be_pair *pairs, size_t n)
{
	static const char *const head[] = { "variable", "a", "b", "value", "cheaper_below",
					     "cheaper_above", "at_step", "searched_to",
					     "equal_until" };
	char ka[96], kb[96], kc[96], kd[96], x[64], to[64];
	size_t i, k, r;
	int bad = 0;

	if (grid_init(g, 9))
		return -1;
	for (k = 0; k < 9; k++)
		bad |= grid_set(g, 0, k, head[k]);
	g->right[3] = g->right[7] = g->right[8] = 1;
	for (i = 0; i < n && !bad; i++) {
		const struct be_pair *p = &pairs[i];
		size_t rows = p->n ? p->n : 1;
		be_value_text(v, p->max, 0, to, sizeof(to));
		for (k = 0; k < rows && !bad; k++) {
			const struct crossing *cr = p->n ? &p->x[k] : NULL;
			if ((r = grid_add_row(g)) == (size_t)-1)
				return -1;
			bad |= grid_set(g, r, 0, be_var_name(v));
			bad |= grid_set(g, r, 1, key_of(c, p->a, ka, sizeof(ka)));
			bad |= grid_set(g, r, 2, key_of(c, p->b, kb, sizeof(kb)));
			bad |= grid_set(g, r, 3, cr ? be_value_text(v, cr->value, 0, x, sizeof(x)) : "");
			if (cr || (!p->tie && p->max > 0)) {
				size_t below = cr ? cr->cheaper_below : p->cheaper_at_max;
				size_t above = cr ? cr->cheaper_above : p->cheaper_at_max;
				bad |= grid_set(g, r, 4, key_of(c, below, kc, sizeof(kc)));
				bad |= grid_set(g, r, 5, key_of(c, above, kd, sizeof(kd)));
			}
			bad |= grid_set(g, r, 6, cr ? (cr->at_step ? "yes" : "no") : "");
			bad |= grid_set(g, r, 7, to);
			if (!cr && !p->tie && p->equal_until > 0)
				bad |= grid_set(g, r, 8, be_value_text(v, p->equal_until, 0, x,
									sizeof(x)));
		}
	}
	return bad;
}

static int write_json(FILE *fp, const struct catalog *c, const struct comparison *cmp,
		      enum be_var v, const struct be_pair *pairs, size_t n)
{
	char say[MAX_ASSUMPTIONS][ASSUMPTION_LEN], k[96];
	cJSON *root = cJSON_CreateObject(), *arr, *xs, *as;
	size_t i, j, na;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddStringToObject(root, "variable", be_var_name(v));
	cJSON_AddStringToObject(root, "unit", be_var_unit(v));
	if ((arr = cJSON_AddArrayToObject(root, "pairs")))
		for (i = 0; i < n; i++) {
			const struct be_pair *p = &pairs[i];
			cJSON *o = cJSON_CreateObject();
			if (!o)
				break;
			cJSON_AddStringToObject(o, "a", key_of(c, p->a, k, sizeof(k)));
			cJSON_AddStringToObject(o, "b", key_of(c, p->b, k, sizeof(k)));
			if ((xs = cJSON_AddArrayToObject(o, "crossings")))
				for (j = 0; j < p->n; j++) {
					cJSON *x = cJSON_CreateObject();
					if (!x)
						break;
					cJSON_AddNumberToObject(x, "value", json_value(v, p->x[j].value));
					cJSON_AddStringToObject(x, "cheaper_below",
								key_of(c, p->x[j].cheaper_below, k, sizeof(k)));
					cJSON_AddStringToObject(x, "cheaper_above",
								key_of(c, p->x[j].cheaper_above, k, sizeof(k)));
					cJSON_AddBoolToObject(x, "at_step", p->x[j].at_step);
					cJSON_AddItemToArray(xs, x);
				}
			cJSON_AddNumberToObject(o, "searched_to", json_value(v, p->max));
			if (p->limited)
				cJSON_AddStringToObject(o, "limited_by", key_of(c, p->limited_by, k, sizeof(k)));
			if (!p->n && !p->tie && p->max > 0)
				cJSON_AddStringToObject(o, p->equal_until > 0 ? "cheaper_after_tie"
									      : "cheaper_throughout",
							key_of(c, p->cheaper_at_max, k, sizeof(k)));
			if (!p->n && !p->tie && p->equal_until > 0)
				cJSON_AddNumberToObject(o, "equal_until", json_value(v, p->equal_until));
			cJSON_AddItemToArray(arr, o);
		}
	na = range_assumptions(c, cmp, v, 0, say);
	if ((as = cJSON_AddArrayToObject(root, "assumptions")))
		for (i = 0; i < na; i++)
			cJSON_AddItemToArray(as, cJSON_CreateString(say[i]));
	return json_emit(fp, root);
}

int breakeven_write(FILE *fp, const struct catalog *c,
		    const struct comparison *cmp, enum be_var v, double max,
		    const struct be_pair *pairs, size_t n, enum out_format fmt)
{
	struct grid g;
	size_t i;

	if (fmt == FORMAT_TABLE)
		return write_table(fp, c, cmp, v, max, pairs, n);
	if (fmt == FORMAT_JSON)
		return write_json(fp, c, cmp, v, pairs, n);
	if (be_grid(&g, c, v, pairs, n)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_CSV) {
		grid_write_csv(fp, &g);
	} else {
		fprintf(fp, "## Breakeven in %s (%s)\n\n", var_phrase[v], be_var_unit(v));
		grid_write_md(fp, &g);
		fputc('\n', fp);
		for (i = 0; i < n; i++)
			breakeven_sentences(fp, c, v, &pairs[i], 0, "- ");
	}
	grid_release(&g);
	return LLMTCO_OK;
}
