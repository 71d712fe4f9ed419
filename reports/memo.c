/*
 * memo.c - the memo a team puts in front of its build-vs-buy decision.
 */
#include "memo.h"
#include "breakeven_out.h"
#include "compare_out.h"
#include "format.h"
#include "plot.h"
#include "pricing_out.h"
#include "sensitivity_out.h"
#include "simulate_out.h"
#include "project_out.h"

#include <stdlib.h>
#include <string.h>

static const struct option *row_opt(const struct memo *m, size_t i)
{
	return &m->c->options[m->cmp->rows[i].option];
}

/* The first ranked row of a deployment, or -1. */
static long first_of(const struct memo *m, enum deployment d)
{
	size_t i;

	for (i = 0; i < m->cmp->nrows; i++)
		if (row_opt(m, i)->deployment == d)
			return (long)i;
	return -1;
}

static const struct be_pair *pair_of(const struct memo *m, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < m->npairs; i++)
		if (m->pairs[i].a == a && m->pairs[i].b == b)
			return &m->pairs[i];
	return NULL;
}

/* "LiteLLM" for "LiteLLM (self-hosted)". */
static void short_name(const struct option *o, char *buf, size_t size)
{
	static const char tag[] = " (self-hosted)";
	size_t n = strlen(o->name);

	if (n > sizeof(tag) - 1 && !strcmp(o->name + n - (sizeof(tag) - 1), tag))
		n -= sizeof(tag) - 1;
	snprintf(buf, size, "%.*s", (int)n, o->name);
}

static void recommendation(FILE *fp, const struct memo *m)
{
	const struct comparison *cmp = m->cmp;
	double spend = cmp->w.api_spend;
	long self = first_of(m, DEPLOY_SELF_HOSTED), buy = first_of(m, DEPLOY_MANAGED);
	char a[64], b[64], d[64], y[64], key[96], name[96], other[96];
	const struct option *best;
	size_t i;

	if (!cmp->nrows) {
		fprintf(fp, "No option could be priced for this workload: see the options "
			    "left out below.\n");
		return;
	}
	best = row_opt(m, 0);
	option_key(m->c, best, key, sizeof(key));
	fprintf(fp, "For %s/month of API spend and %s requests/month, the cheapest option "
		    "is %s (%s) at %s/month (%s/year)",
		fmt_usd_as(a, sizeof(a), spend, 0), fmt_count_as(b, sizeof(b), cmp->w.requests, 0),
		best->name, key, fmt_usd_as(d, sizeof(d), cmp->rows[0].cost.total, 0),
		fmt_usd_as(y, sizeof(y), cmp->rows[0].cost.total * 12, 0));
	for (i = 1; i < tco_tied(cmp); i++) {
		option_key(m->c, row_opt(m, i), key, sizeof(key));
		fprintf(fp, "%s%s", i == 1 ? ", tied with " : ", ", key);
	}
	fprintf(fp, ".");
	if (best->deployment == DEPLOY_MANAGED && self >= 0) {
		const struct option *so = row_opt(m, (size_t)self);
		const struct be_pair *p = pair_of(m, m->cmp->rows[self].option, m->cmp->rows[0].option);
		short_name(so, name, sizeof(name));
		fprintf(fp, " The cheapest self-hosted option, %s, costs %s/month, %s more.", name,
			fmt_usd_as(a, sizeof(a), cmp->rows[self].cost.total, 0),
			fmt_usd_as(b, sizeof(b), cmp->rows[self].cost.total - cmp->rows[0].cost.total, 0));
		for (i = 0; p && i < p->n; i++)
			if (p->x[i].value > spend && p->x[i].cheaper_above == p->a)
				break;
		if (p && i < p->n)
			fprintf(fp, " Self-hosting %s becomes cheaper than %s above %s/month of API "
				    "spend.", name, best->name, fmt_usd_as(a, sizeof(a), p->x[i].value, 0));
		else if (p)
			fprintf(fp, " Self-hosting %s does not become cheaper than %s at any API "
				    "spend up to %s/month.", name, best->name,
				fmt_usd_as(a, sizeof(a), p->max, 0));
		fprintf(fp, "\n\n**Recommendation: buy — %s.**\n", best->name);
		return;
	}
	if (best->deployment == DEPLOY_SELF_HOSTED && buy >= 0) {
		const struct option *bo = row_opt(m, (size_t)buy);
		const struct be_pair *p = pair_of(m, m->cmp->rows[0].option, m->cmp->rows[buy].option);
		short_name(best, name, sizeof(name));
		fprintf(fp, " The cheapest managed option, %s, costs %s/month, %s more.", bo->name,
			fmt_usd_as(a, sizeof(a), cmp->rows[buy].cost.total, 0),
			fmt_usd_as(b, sizeof(b), cmp->rows[buy].cost.total - cmp->rows[0].cost.total, 0));
		for (i = p ? p->n : 0; i > 0; i--)
			if (p->x[i - 1].value < spend && p->x[i - 1].cheaper_below == p->b)
				break;
		if (p && i > 0)
			fprintf(fp, " %s is cheaper below %s/month of API spend.", bo->name,
				fmt_usd_as(a, sizeof(a), p->x[i - 1].value, 0));
		fprintf(fp, "\n\n**Recommendation: build — self-host %s.**\n", name);
		return;
	}
	short_name(best, other, sizeof(other));
	fprintf(fp, "\n\n**Recommendation: %s — %s.**\n",
		best->deployment == DEPLOY_SELF_HOSTED ? "build" : "buy", other);
}

static void crossings(FILE *fp, const struct memo *m)
{
	char key_a[96], key_b[96], x[64];
	size_t i;
	int listed = 0;

	if (!m->npairs)
		fprintf(fp, "- There is no self-hosted and managed option to compare.\n");
	/* a pair over a plan limit everywhere is among the options not ranked */
	for (i = 0; i < m->npairs; i++)
		if (m->pairs[i].n && m->pairs[i].max > 0)
			breakeven_sentences(fp, m->c, BE_SPEND, &m->pairs[i], 0, "- ");
	for (i = 0; i < m->npairs; i++) {
		const struct be_pair *p = &m->pairs[i];
		if (p->n || p->max <= 0)
			continue;
		if (!listed++)
			fprintf(fp, "- These pairs do not cross at any API spend up to %s/month "
				    "(the first named is cheaper throughout):",
				fmt_usd_as(x, sizeof(x), m->max, 0));
		option_key(m->c, &m->c->options[p->cheaper_at_max], key_a, sizeof(key_a));
		option_key(m->c, &m->c->options[p->cheaper_at_max == p->a ? p->b : p->a], key_b,
			   sizeof(key_b));
		fprintf(fp, "%s %s over %s", listed > 1 ? ";" : "", key_a, key_b);
	}
	if (listed)
		fprintf(fp, ".\n");
}

/* " (range 10-24)" after a point value that stands for a range. */
static void range_note(FILE *fp, const struct range *r)
{
	char lo[64], hi[64];

	if (r->shape == RANGE_FIXED)
		return;
	fprintf(fp, " (range %s-%s%s)", fmt_number(lo, sizeof(lo), r->low),
		fmt_number(hi, sizeof(hi), r->high),
		r->shape == RANGE_TRIANGULAR ? ", most likely the value given" : "");
}

/* The team's own figures, said as inputs with where they came from. */
static void inputs(FILE *fp, const struct memo *m)
{
	const struct scenario *s = m->s;
	const char *src = m->scenario_file ? "the scenario file and the command line"
					   : "the command line";
	char a[64];

	if (!s)
		return;
#define GIVEN(p, ...) do { if ((p).set) { fprintf(fp, "- "); fprintf(fp, __VA_ARGS__); \
	range_note(fp, &(p).r); fprintf(fp, "; source: %s\n", src); } } while (0)
	GIVEN(s->api_spend, "API spend %s/month", fmt_usd_as(a, sizeof(a), s->api_spend.r.value, 0));
	GIVEN(s->requests_per_month, "%s requests/month",
	      fmt_count_as(a, sizeof(a), s->requests_per_month.r.value, 0));
	GIVEN(s->tokens_per_day, "%s tokens/day", fmt_count_as(a, sizeof(a), s->tokens_per_day.r.value, 0));
	GIVEN(s->usd_per_mtok, "$%g per 1M tokens", s->usd_per_mtok.r.value);
	GIVEN(s->peak_to_average, "peak traffic %gx the monthly average", s->peak_to_average.r.value);
	GIVEN(s->hourly_rate, "engineering at %s/hour", fmt_usd_as(a, sizeof(a), s->hourly_rate.r.value, 0));
	GIVEN(s->maintenance_hours, "%g maintenance hours/month for a self-hosted gateway",
	      s->maintenance_hours.r.value);
	GIVEN(s->setup_hours, "%g one-time setup hours for a self-hosted gateway",
	      s->setup_hours.r.value);
	GIVEN(s->infra_monthly, "self-hosted infrastructure %s/month in all",
	      fmt_usd_as(a, sizeof(a), s->infra_monthly.r.value, 0));
	if (s->nitems && !s->infra_monthly.set) {
		size_t i;
		fprintf(fp, "- self-hosted infrastructure items (USD/month):");
		for (i = 0; i < s->nitems; i++) {
			fprintf(fp, "%s %s %s", i ? "," : "", s->items[i].name,
				fmt_usd_as(a, sizeof(a), s->items[i].usd.r.value, 0));
			range_note(fp, &s->items[i].usd.r);
			if (!strcmp(s->items[i].name, "compute"))
				fprintf(fp, " per instance");
		}
		fprintf(fp, "; source: %s\n", src);
	}
	GIVEN(s->routing_savings_pct, "routing savings %g%% of API spend on smart-routing options",
	      s->routing_savings_pct.r.value);
#undef GIVEN
}

/* Cost over the horizon: the strategies' totals, payback, the chart. */
static void over_time(FILE *fp, const struct memo *m)
{
	const struct projection *p = m->proj;
	const struct strategy *base = &p->strategies[p->baseline];
	char a[64];
	size_t k;

	fprintf(fp, "\n## Over %d months\n\n", p->months);
	fprintf(fp, "Traffic grows %g%% a month, compounding; one-time setup is paid in "
		    "month 1.", p->growth_pct);
	if (!p->has_baseline) {
		fprintf(fp, " No managed option is in the comparison: no payback to measure.\n");
		fprintf(fp, "\n![Cumulative cost by month](%s)\n", m->time_image);
		return;
	}
	fprintf(fp, " The cheapest option to buy over the horizon is %s, %s in all.\n\n",
		base->id, fmt_usd_as(a, sizeof(a), base->total, 0));
	for (k = 0; k < p->npaybacks; k++) {
		const struct payback *pb = &p->paybacks[k];
		const struct strategy *st = &p->strategies[pb->strategy];
		if (pb->month)
			fprintf(fp, "- %s (%s, %s in all) costs less in total than %s from month "
				    "%d on\n", st->id, strategy_kind_name(m->c, st),
				fmt_usd_as(a, sizeof(a), st->total, 0), base->id, pb->month);
		else
			fprintf(fp, "- %s (%s, %s in all) does not pay back within %d months\n",
				st->id, strategy_kind_name(m->c, st),
				fmt_usd_as(a, sizeof(a), st->total, 0), p->months);
	}
	fprintf(fp, "\n![Cumulative cost by month](%s)\n", m->time_image);
}

/* The share of trials as "87.40%". */
static const char *pct(char *buf, size_t size, double p)
{
	snprintf(buf, size, "%.2f%%", 100 * p);
	return buf;
}

/*
 * How sure is this: the Monte Carlo percentiles, who wins how often, and
 * the one assumption that decides the pick, with the tornado.
 */
static int how_sure(FILE *fp, const struct memo *m)
{
	const struct sim_result *r = m->sim;
	const struct sim_option *best;
	char key[96], a[64], b[64], c[64], say[600];
	size_t i, k, n = 0, *order;
	int rc;

	fprintf(fp, "\n## How sure is this?\n\n");
	if (!r->ninputs || !r->noptions) {
		fprintf(fp, "Every input here is a single figure, so there is no range to draw "
			    "from: give ranges (`[low, high]` or `{\"low\", \"mode\", \"high\"}`) "
			    "in the scenario to see how sure the answer is.\n");
		return LLMTCO_OK;
	}
	fprintf(fp, "%zu uncertain inputs (the ranges in the scenario and the catalog) were "
		    "drawn together %zu times (seed %llu); each option's monthly total in USD, "
		    "P10/P50/P90 being nearest-rank percentiles:\n\n",
		r->ninputs, r->trials, (unsigned long long)r->seed);
	if ((rc = simulate_md_table(fp, m->c, r)))
		return rc;
	fputc('\n', fp);
	best = &r->options[0];
	option_key(m->c, &m->c->options[best->option], key, sizeof(key));
	fprintf(fp, "- %s, the cheapest at the figures above, is the cheapest in %s of the "
		    "trials%s\n", key, pct(a, sizeof(a), best->p_cheapest),
		best->p_cheapest >= 0.9 ? ": the recommendation holds across the ranges."
		: best->p_cheapest >= 0.5 ? ": the recommendation usually holds, not always."
		: ": the recommendation is a close call; weigh the ranges below.");
	/* the other winners, most often first (ties in compare's order) */
	if (!(order = malloc(r->noptions * sizeof(*order))))
		return LLMTCO_EIO;
	for (i = 1; i < r->noptions; i++) {
		if (r->options[i].p_cheapest <= 0)
			continue;
		for (k = n++; k > 0 && r->options[order[k - 1]].p_cheapest < r->options[i].p_cheapest; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	for (k = 0; k < n; k++) {
		const struct sim_option *o = &r->options[order[k]];
		option_key(m->c, &m->c->options[o->option], key, sizeof(key));
		fprintf(fp, "%s %s in %s", k ? ";" : "- The cheapest otherwise:", key,
			pct(a, sizeof(a), o->p_cheapest));
	}
	if (n)
		fprintf(fp, ".\n");
	free(order);
	option_key(m->c, &m->c->options[best->option], key, sizeof(key));
	if (money_round(best->p10) == money_round(best->p90))
		fprintf(fp, "- In at least 8 trials out of 10, %s costs %s a month.\n", key,
			fmt_usd_as(a, sizeof(a), money_round(best->p50), 0));
	else
		fprintf(fp, "- In 8 trials out of 10, %s costs between %s and %s a month "
			    "(median %s).\n", key,
			fmt_usd_as(a, sizeof(a), money_round(best->p10), 0),
			fmt_usd_as(b, sizeof(b), money_round(best->p90), 0),
			fmt_usd_as(c, sizeof(c), money_round(best->p50), 0));
	if (m->sens) {
		sensitivity_sentence(m->c, m->sens, 0, say, sizeof(say));
		fprintf(fp, "\n%s\n", say);
		if (m->tornado_image)
			fprintf(fp, "\n![Which input moves the difference most](%s)\n",
				m->tornado_image);
	} else {
		fprintf(fp, "\nThere is no self-hosted and managed option to weigh against each "
			    "other.\n");
	}
	return LLMTCO_OK;
}

/* Each option's price summary and the sources of every figure in it. */
static void sources(FILE *fp, const struct catalog *c, const struct option *o)
{
	char key[96], sum[400];
	size_t i, k;

	option_key(c, o, key, sizeof(key));
	pricing_summary(o, 0, sum, sizeof(sum));
	fprintf(fp, "- %s (%s): %s; source: %s, %s", key, o->name, sum, o->source, o->as_of);
	for (i = 0; i < o->ntiers; i++) {
		for (k = 0; k < i; k++)
			if (!strcmp(o->tiers[k].source, o->tiers[i].source))
				break;
		if (k == i && strcmp(o->tiers[i].source, o->source))
			fprintf(fp, "; usage tiers: %s, %s", o->tiers[i].source, o->tiers[i].as_of);
	}
	for (i = 0; o->deployment == DEPLOY_SELF_HOSTED && i < o->nitems; i++) {
		for (k = 0; k < i; k++)
			if (!strcmp(o->items[k].source, o->items[i].source))
				break;
		if (k == i)
			fprintf(fp, "; infrastructure (%s...): %s, %s", o->items[i].name,
				o->items[i].source, o->items[i].as_of);
	}
	fputc('\n', fp);
}

int memo_write(FILE *fp, const struct memo *m)
{
	char say[MAX_ASSUMPTIONS][ASSUMPTION_LEN], key[96], why[160];
	size_t i, n;
	int rc;

	fprintf(fp, "# LLM gateway: build or buy?%s%s\n\n", m->name ? " " : "",
		m->name ? m->name : "");
	fprintf(fp, "## Recommendation\n\n");
	recommendation(fp, m);
	fprintf(fp, "\n## Monthly cost of each option (USD)\n\n");
	if ((rc = compare_md_table(fp, m->c, m->cmp, PERIOD_MONTH)))
		return rc;
	fprintf(fp, "\n![Each option's monthly cost, by part](%s)\n", m->bars_image);
	if (m->cmp->nexcluded) {
		fprintf(fp, "\nNot ranked:\n\n");
		for (i = 0; i < m->cmp->nexcluded; i++) {
			option_key(m->c, &m->c->options[m->cmp->excluded[i].option], key, sizeof(key));
			tco_exclusion_text(&m->cmp->excluded[i], 0, why, sizeof(why));
			fprintf(fp, "- %s: %s\n", key, why);
		}
	}
	fprintf(fp, "\n## Where the answer flips\n\n");
	breakeven_moving(m->cmp, BE_SPEND, 0, why, sizeof(why));
	if (*why)
		fprintf(fp, "%s\n\n", why);
	crossings(fp, m);
	fprintf(fp, "\n![Monthly cost against API spend, crossings marked](%s)\n", m->line_image);
	if (m->proj)
		over_time(fp, m);
	if (m->sim && (rc = how_sure(fp, m)))
		return rc;
	fprintf(fp, "\nThe figures are in compare.csv, sweep.csv, breakeven.csv%s%s%s beside "
		    "this file.\n", m->proj ? ", timeline.csv" : "",
		m->sim ? ", simulate.csv" : "", m->sens ? ", sensitivity.csv" : "");
	fprintf(fp, "\n## Assumptions\n\n");
	inputs(fp, m);
	n = tco_assumptions_sourced(m->c, m->cmp, 0, say, MAX_ASSUMPTIONS);
	for (i = 0; i < n; i++)
		fprintf(fp, "- %s\n", say[i]);
	fprintf(fp, "\n## Prices and their sources\n\n");
	for (i = 0; i < m->cmp->nrows; i++)
		sources(fp, m->c, row_opt(m, i));
	for (i = 0; i < m->cmp->nexcluded; i++)
		sources(fp, m->c, &m->c->options[m->cmp->excluded[i].option]);
	fprintf(fp, "\n_Written by llmtco %s._\n", LLMTCO_VERSION);
	return LLMTCO_OK;
}

int memo_bar_plot(const struct catalog *c, const struct comparison *cmp,
		  const char *path, int svg, struct llmtco_err *err)
{
	static const char *parts[COST_NPARTS - 1];
	struct bar_plot bp;
	const char **bars = calloc(cmp->nrows + 1, sizeof(*bars));
	char (*keys)[96] = calloc(cmp->nrows + 1, sizeof(*keys));
	double *v = malloc((cmp->nrows * (COST_NPARTS - 1) + 1) * sizeof(*v));
	size_t i;
	int k, rc;

	if (!bars || !keys || !v) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (k = 0; k < COST_NPARTS - 1; k++)
		parts[k] = cost_part_names[k];
	for (i = 0; i < cmp->nrows; i++) {
		option_key(c, &c->options[cmp->rows[i].option], keys[i], sizeof(keys[i]));
		bars[i] = keys[i];
		for (k = 0; k < COST_NPARTS - 1; k++)
			v[i * (COST_NPARTS - 1) + (size_t)k] = cost_part(&cmp->rows[i].cost, k);
	}
	memset(&bp, 0, sizeof(bp));
	bp.title = "Monthly cost of each option, by part";
	bp.ylabel = "cost (USD/month)";
	bp.bars = bars;
	bp.nbars = cmp->nrows;
	bp.parts = parts;
	bp.nparts = COST_NPARTS - 1;
	bp.values = v;
	rc = plot_bars(&bp, path, svg ? PLOT_SVG : PLOT_PNG, err);
out:
	free(bars);
	free(keys);
	free(v);
	return rc;
}
