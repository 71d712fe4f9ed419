/*
 * project.c - month-by-month cost of strategies over a horizon.
 */
#include "project.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double project_npv(const double *cost, int months, double annual_pct)
{
	double monthly = pow(1.0 + annual_pct / 100.0, 1.0 / 12.0), v = 0, f = 1;
	int m;

	for (m = 0; m < months; m++) {
		f /= monthly; /* paid at the end of month m+1 */
		v += cost[m] * f;
	}
	return v;
}

/* The inputs of month m (1-based): spend and requests grown, setup not amortized. */
static struct tco_inputs month_inputs(const struct tco_inputs *base, double growth_pct,
				      int m, double share_pct)
{
	struct tco_inputs in = *base;
	double k = pow(1.0 + growth_pct / 100.0, m - 1) * share_pct / 100.0;

	in.w.api_spend *= k;
	in.w.requests *= k;
	in.no_amortize = 1;
	return in;
}

/* One option's running cost in month m at share_pct of the traffic. */
static double month_cost(const struct option *o, const struct tco_inputs *base,
			 double growth_pct, int m, double share_pct)
{
	struct tco_inputs in = month_inputs(base, growth_pct, m, share_pct);
	struct cost_parts p;

	tco_option_cost(o, &in, &p);
	return p.total;
}

/* Fill a strategy's months; the bridge's switch month is as set. */
static void fill(const struct catalog *c, const struct tco_inputs *base,
		 const struct projection *pr, struct strategy *st)
{
	const struct option *a = &c->options[st->a];
	const struct option *b = st->kind == STRATEGY_ALONE ? NULL : &c->options[st->b];
	double sum = 0;
	int m;

#ifdef __clang_analyzer__
	/* add_strategy allocated both; scan-build loses that across tco_compare() */
	if (!st->cost || !st->cumulative)
		return;
#endif
	for (m = 1; m <= pr->months; m++) {
		double cost;
		switch (st->kind) {
		case STRATEGY_BRIDGE:
			if (m < st->switch_month) {
				cost = month_cost(a, base, pr->growth_pct, m, 100);
				if (m == 1)
					cost += tco_setup_cost(a, base);
			} else {
				cost = month_cost(b, base, pr->growth_pct, m, 100);
				if (m == st->switch_month)
					cost += tco_setup_cost(b, base) +
						st->migration_hours * base->hourly_rate;
			}
			break;
		case STRATEGY_HYBRID:
			cost = month_cost(a, base, pr->growth_pct, m, st->share_a) +
			       month_cost(b, base, pr->growth_pct, m, 100 - st->share_a);
			if (m == 1)
				cost += tco_setup_cost(a, base) + tco_setup_cost(b, base);
			break;
		default:
			cost = month_cost(a, base, pr->growth_pct, m, 100);
			if (m == 1)
				cost += tco_setup_cost(a, base);
			break;
		}
		st->cost[m - 1] = cost;
		sum += cost;
		st->cumulative[m - 1] = sum;
	}
	st->total = sum;
	st->npv = project_npv(st->cost, pr->months, pr->discount_pct);
}

static void name_strategy(const struct catalog *c, struct strategy *st)
{
	char a[96], b[96];

	option_key(c, &c->options[st->a], a, sizeof(a));
	if (st->kind == STRATEGY_ALONE) {
		snprintf(st->id, sizeof(st->id), "%s", a);
		return;
	}
	option_key(c, &c->options[st->b], b, sizeof(b));
	if (st->kind == STRATEGY_BRIDGE)
		snprintf(st->id, sizeof(st->id), "bridge:%s>%s@%d", a, b, st->switch_month);
	else
		snprintf(st->id, sizeof(st->id), "hybrid:%s:%g,%s:%g", a, st->share_a, b,
			 100 - st->share_a);
}

static int add_strategy(struct projection *pr, const struct strategy *src,
			struct llmtco_err *err)
{
	struct strategy *st = &pr->strategies[pr->nstrategies];

	*st = *src;
	st->cost = calloc((size_t)pr->months, sizeof(double));
	st->cumulative = calloc((size_t)pr->months, sizeof(double));
	if (!st->cost || !st->cumulative) {
		free(st->cost);
		free(st->cumulative);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	pr->nstrategies++;
	return LLMTCO_OK;
}

/* A bridge with switch_auto: the switch month with the least total. */
static void best_switch(const struct catalog *c, const struct tco_inputs *base,
			const struct projection *pr, struct strategy *st)
{
	int m, best = 2;
	double best_total = INFINITY;

	for (m = 2; m <= pr->months; m++) {
		st->switch_month = m;
		fill(c, base, pr, st);
		if (st->total < best_total - 0.005) {
			best_total = st->total;
			best = m;
		}
	}
	st->switch_month = best;
}

/* The largest monthly requests of the horizon (month 1 or month N). */
static double peak_requests(const struct tco_inputs *base, double growth_pct, int months)
{
	double last = base->w.requests * pow(1.0 + growth_pct / 100.0, months - 1);

	return last > base->w.requests ? last : base->w.requests;
}

/*
 * Traffic may grow, but not past the largest spend a flag accepts
 * (LLMTCO_MAX_AMOUNT), nor requests past that or month 1's count (which
 * spend / $0.005 may put above it): beyond, the months overflow to infinity.
 */
static int check_growth(const struct tco_inputs *base, const struct project_request *req,
			const struct projection *pr, struct llmtco_err *err)
{
	double max_requests = fmax(base->w.requests, LLMTCO_MAX_AMOUNT);
	char limit[64];
	int m;

	for (m = 2; m <= pr->months; m++) {
		double k = pow(1.0 + pr->growth_pct / 100.0, m - 1);
		double spend = base->w.api_spend * k, requests = base->w.requests * k;
		if (spend <= LLMTCO_MAX_AMOUNT && requests <= max_requests)
			continue;
		if (spend > LLMTCO_MAX_AMOUNT)
			snprintf(limit, sizeof(limit), "$1e15 of spend");
		else if (max_requests > LLMTCO_MAX_AMOUNT)
			snprintf(limit, sizeof(limit), "month 1's %.4g requests", max_requests);
		else
			snprintf(limit, sizeof(limit), "1e15 requests");
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "traffic growing %g%% a month (%s) passes %s a month in month %d "
			       "of %d, more than llmtco counts; lower the growth or the months",
			       pr->growth_pct, isnan(req->growth_pct)
			       ? "the scenario's growth_pct_per_month" : "--growth", limit,
			       m, pr->months);
	}
	return LLMTCO_OK;
}

/* Every figure of a strategy is a number (the last guard before printing). */
static int strategy_finite(const struct strategy *st, int months)
{
	int m;

	if (!isfinite(st->total) || !isfinite(st->npv))
		return 0;
	for (m = 0; m < months; m++)
		if (!isfinite(st->cost[m]) || !isfinite(st->cumulative[m]))
			return 0;
	return 1;
}

static int check_extra(const struct catalog *c, const struct scenario *s,
		       const struct workload *w, const struct project_request *req,
		       const struct strategy *st, double peak, struct llmtco_err *err)
{
	const struct option *a = &c->options[st->a], *b = &c->options[st->b];
	struct exclusion x;
	char why[160];

	if (st->a == st->b)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "a bridge or hybrid needs two different options");
	if (tco_excluded(a, s, w, 0, &x) || tco_excluded(b, s, w, 0, &x)) {
		tco_exclusion_text(&x, 1, why, sizeof(why));
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "\"%s/%s\" cannot be priced: %s",
			       tco_excluded(a, s, w, 0, &x) ? a->id : b->id,
			       tco_excluded(a, s, w, 0, &x) ? a->plan : b->plan, why);
	}
	{
		/* each side carries its share of the traffic (all of it, for a bridge) */
		int over_a = peak * (st->kind == STRATEGY_HYBRID ? st->share_a / 100 : 1) >
			     a->max_requests.value;
		int over_b = peak * (st->kind == STRATEGY_HYBRID ? 1 - st->share_a / 100 : 1) >
			     b->max_requests.value;
		if (over_a || over_b)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "\"%s/%s\" would pass its plan limit within the horizon",
				       over_a ? a->id : b->id, over_a ? a->plan : b->plan);
	}
	if (st->kind == STRATEGY_BRIDGE) {
		if (req->months < 2)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "a bridge needs a horizon of at least 2 months");
		if (a->deployment != DEPLOY_MANAGED || b->deployment != DEPLOY_SELF_HOSTED)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--bridge goes from a managed option to a self-hosted one");
		if (!st->switch_auto && (st->switch_month < 2 || st->switch_month > req->months))
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--switch-month must be from 2 to %d (the horizon)",
				       req->months);
	}
	if (st->kind == STRATEGY_HYBRID && !(st->share_a > 0 && st->share_a < 100))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--hybrid shares must each be above 0 and make 100");
	return LLMTCO_OK;
}

/* First month from which `s` stays below `base` to the horizon; 0 = never. */
static int payback_month(const struct strategy *s, const struct strategy *base, int months)
{
	int m = months;

	while (m > 0 && s->cumulative[m - 1] < base->cumulative[m - 1] - 0.005)
		m--;
	return m == months ? 0 : m + 1;
}

/* Does a cost less than b over the horizon (to the cent; ties by id, plan)? */
static int cheaper(const struct catalog *c, const struct strategy *a, const struct strategy *b)
{
	double ta = money_round(a->total), tb = money_round(b->total);
	int r;

	if (ta != tb)
		return ta < tb;
	r = strcmp(c->options[a->a].id, c->options[b->a].id);
	return (r ? r : strcmp(c->options[a->a].plan, c->options[b->a].plan)) < 0;
}

int project_run(const struct catalog *c, const struct scenario *s,
		const struct project_request *req, struct projection *out,
		struct llmtco_err *err)
{
	struct tco_inputs base;
	struct workload peak;
	unsigned char *sel = NULL;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->months = req->months;
	out->discount_pct = req->discount_pct;
	out->growth_pct = !isnan(req->growth_pct) ? req->growth_pct
			: s->growth_pct_per_month.set ? s->growth_pct_per_month.r.value : 0;
	if (req->months < 1 || req->months > 1200)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--months must be from 1 to 1200");
	if ((rc = tco_compare(c, s, &out->cmp, err)))
		return rc;
	base = out->cmp.in;
	if ((rc = tco_select(c, s, &sel, err)))
		goto fail;
	out->strategies = calloc(c->noptions + req->nextra + 1, sizeof(*out->strategies));
	if (!out->strategies) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	out->excluded = calloc(c->noptions + 1, sizeof(*out->excluded));
	if (!out->excluded) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	peak = base.w;
	peak.requests = peak_requests(&base, out->growth_pct, out->months);
	if ((rc = check_growth(&base, req, out, err)))
		goto fail;
	for (i = 0; i < req->nextra; i++)
		if ((rc = check_extra(c, s, &base.w, req, &req->extra[i], peak.requests, err)))
			goto fail;
	/* every option priceable all along the horizon, then those asked for */
	for (i = 0; i < c->noptions; i++) {
		struct strategy st;
		struct exclusion x;
		if (!sel[i])
			continue;
		if (tco_excluded(&c->options[i], s, &peak, 1, &x)) {
			x.option = i;
			out->excluded[out->nexcluded++] = x;
			continue;
		}
		memset(&st, 0, sizeof(st));
		st.kind = STRATEGY_ALONE;
		st.a = i;
		if ((rc = add_strategy(out, &st, err)))
			goto fail;
	}
	for (i = 0; i < req->nextra; i++)
		if ((rc = add_strategy(out, &req->extra[i], err)))
			goto fail;
	for (i = 0; i < out->nstrategies; i++) {
		struct strategy *st = &out->strategies[i];
		if (st->kind == STRATEGY_BRIDGE) {
			st->migration_hours = isnan(req->migration_hours)
				? c->options[st->b].migration_hours.value : req->migration_hours;
			if (st->switch_auto)
				best_switch(c, &base, out, st);
		}
		fill(c, &base, out, st);
		name_strategy(c, st);
	}
	/* payback against the cheapest buy-only strategy; ties as compare ranks */
	for (i = 0; i < out->nstrategies; i++) {
		const struct strategy *st = &out->strategies[i];
		if (st->kind != STRATEGY_ALONE || c->options[st->a].deployment != DEPLOY_MANAGED)
			continue;
		if (!out->has_baseline || cheaper(c, st, &out->strategies[out->baseline])) {
			out->baseline = i;
			out->has_baseline = 1;
		}
	}
	out->paybacks = calloc(out->nstrategies + 1, sizeof(*out->paybacks));
	if (!out->paybacks) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; out->has_baseline && i < out->nstrategies; i++) {
		const struct strategy *st = &out->strategies[i];
		if (i == out->baseline || (st->kind == STRATEGY_ALONE &&
					   c->options[st->a].deployment == DEPLOY_MANAGED))
			continue;
		out->paybacks[out->npaybacks].strategy = i;
		out->paybacks[out->npaybacks].versus = out->baseline;
		out->paybacks[out->npaybacks].month =
			payback_month(st, &out->strategies[out->baseline], out->months);
		out->npaybacks++;
	}
	for (i = 0; i < out->nstrategies; i++)
		if (!strategy_finite(&out->strategies[i], out->months)) {
			rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "the projection of \"%s\" overflows: no figure to show",
				     out->strategies[i].id);
			goto fail;
		}
	free(sel);
	return LLMTCO_OK;
fail:
	free(sel);
	projection_release(out);
	return rc;
}

void projection_release(struct projection *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nstrategies; i++) {
		free(p->strategies[i].cost);
		free(p->strategies[i].cumulative);
	}
	free(p->strategies);
	free(p->paybacks);
	free(p->excluded);
	comparison_release(&p->cmp);
	memset(p, 0, sizeof(*p));
}
