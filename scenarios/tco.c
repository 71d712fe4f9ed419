/*
 * tco.c - the cost model (SPEC section 1) and the comparison of options.
 */
#include "tco.h"
#include "routing.h"
#include "../reports/format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cost_part_names[] = {
	"api", "routing_savings", "platform_fee", "markup", "subscription",
	"usage_fees", "infrastructure", "engineering", "total", NULL
};

double cost_part(const struct cost_parts *c, int i)
{
	const double v[COST_NPARTS] = {
		c->api, c->routing_savings, c->platform_fee, c->markup,
		c->subscription, c->usage_fees, c->infrastructure, c->engineering,
		c->total
	};
	return i >= 0 && i < COST_NPARTS ? v[i] : 0.0;
}

double workload_peak_rps(const struct workload *w)
{
	return w->requests / (HOURS_PER_MONTH * 3600.0) * w->peak_to_average;
}

/* ceil() that ignores the last bits of floating-point noise: 2.0000000001 -> 2. */
static double ceil_clean(double x)
{
	double r = round(x);
	return fabs(x - r) <= 1e-9 * (r > 1 ? r : 1) ? r : ceil(x);
}

double tco_instances(const struct option *o, const struct workload *w)
{
	double need = 0.0;

	if (isfinite(o->rps_per_instance.value) && o->rps_per_instance.value > 0)
		need = ceil_clean(workload_peak_rps(w) / o->rps_per_instance.value);
	return need > o->min_instances.value ? need : o->min_instances.value;
}

double tco_usage_fees(const struct option *o, double requests)
{
	double fees = 0.0;
	size_t i;

	for (i = 0; i < o->ntiers; i++) {
		const struct tier *t = &o->tiers[i];
		double top = requests < t->to ? requests : t->to;
		double units = top - t->from, blocks;

		if (units <= 0)
			continue;
		blocks = units / t->per;
		if (t->round_up)
			blocks = ceil_clean(blocks);
		fees += blocks * t->usd.value;
	}
	return fees;
}

/*
 * Self-hosted infrastructure: one monthly figure when the team gives one;
 * else the team's own items when it lists them (they replace the catalog's,
 * "compute" per instance); else the catalog's items.
 */
static double infrastructure(const struct option *o, const struct tco_inputs *in)
{
	double n = tco_instances(o, &in->w), sum = 0.0;
	size_t i;

	if (in->infra_set)
		return in->infra_monthly;
	if (in->nitems) {
		for (i = 0; i < in->nitems; i++)
			sum += in->items[i].usd.r.value *
			       (!strcmp(in->items[i].name, "compute") ? n : 1.0);
		return sum;
	}
	for (i = 0; i < o->nitems; i++)
		sum += o->items[i].usd.value * (o->items[i].per_instance ? n : 1.0);
	return sum;
}

double tco_setup_cost(const struct option *o, const struct tco_inputs *in)
{
	double setup = o->setup_hours.value;

	if (o->deployment == DEPLOY_SELF_HOSTED && in->setup_set)
		setup = in->setup_hours;
	if (o->deployment == DEPLOY_SELF_HOSTED && in->router)
		setup += in->router->setup_hours.value;
	return setup * in->hourly_rate;
}

void tco_option_cost(const struct option *o, const struct tco_inputs *in,
		     struct cost_parts *out)
{
	const struct option *router = o->deployment == DEPLOY_SELF_HOSTED ? in->router : NULL;
	const struct workload *w = &in->w;
	double base, maint, setup;

	memset(out, 0, sizeof(*out));
	out->api = w->api_spend;
	if ((o->smart_routing || (router && o->deployment == DEPLOY_SELF_HOSTED)) &&
	    in->routing_savings_pct > 0)
		out->routing_savings = -w->api_spend * in->routing_savings_pct / 100.0;
	base = out->api + out->routing_savings;

	if (o->fee_pct.value > 0 || o->fee_min_usd.value > 0) {
		out->platform_fee = base * o->fee_pct.value / 100.0;
		if (base > 0 && out->platform_fee < o->fee_min_usd.value)
			out->platform_fee = o->fee_min_usd.value;
	}
	if (o->byok_fee_pct.value > 0 && w->requests > 0) {
		double beyond = w->requests - o->byok_free_requests.value;
		if (beyond > 0)
			out->platform_fee += base * o->byok_fee_pct.value / 100.0 *
					     beyond / w->requests;
	}
	out->markup = base * o->markup_pct.value / 100.0;
	/* a contract price stands in for the missing public one */
	out->subscription = o->monthly_usd.value +
			    o->per_model_usd.value * w->models +
			    (o->quote_required ? o->contract_usd.value : 0.0);
	out->usage_fees = tco_usage_fees(o, w->requests);

	maint = o->maintenance_hours.value;
	setup = o->setup_hours.value;
	if (o->deployment == DEPLOY_SELF_HOSTED) {
		out->infrastructure = infrastructure(o, in);
		if (in->maintenance_set)
			maint = in->maintenance_hours;
		if (in->setup_set)
			setup = in->setup_hours;
	}
	if (router) { /* the add-on's price and hours come with it */
		out->subscription += router->monthly_usd.value +
				     (router->quote_required ? router->contract_usd.value : 0.0);
		maint += router->maintenance_hours.value;
		setup += router->setup_hours.value;
	}
	out->engineering = maint * in->hourly_rate +
			   (in->no_amortize ? 0.0 : setup * in->hourly_rate / in->horizon_months);
	out->total = out->api + out->routing_savings + out->platform_fee +
		     out->markup + out->subscription + out->usage_fees +
		     out->infrastructure + out->engineering;
}

/* ---- overrides ---- */

static int override_fail(const struct override *ov, struct llmtco_err *err,
			 const char *what)
{
	if (ov->file)
		return err_set(err, LLMTCO_EDATA, ov->file, ov->line, ov->col,
			       "\"overrides.%s.%s\": %s", ov->target, ov->field, what);
	return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--set \"%s.%s\": %s",
		       ov->target, ov->field, what);
}

static int apply_one(struct option *o, const struct override *ov,
		     struct llmtco_err *err)
{
	const struct field *f = field_find(ov->field);
	struct llmtco_err e;
	char msg[300];
	size_t k;

	err_clear(&e);
	if (!f) {
		for (k = 0; k < o->nitems; k++)
			if (!strcmp(o->items[k].name, ov->field)) {
				double v = ov->num.value;
				const char *why;
				if (ov->text && num_parse(ov->text, &v, &why)) {
					snprintf(msg, sizeof(msg), "value %s", why);
					return override_fail(ov, err, msg);
				}
				if (v < 0)
					return override_fail(ov, err, "must be a non-negative number");
				o->items[k].usd = ov->text ? range_fixed(v) : ov->num;
				return LLMTCO_OK;
			}
		return override_fail(ov, err, "unknown field (see llmtco pricing show ID)");
	}
	if (ov->text ? option_set_text(o, f, ov->text, &e)
		     : option_set_range(o, f, ov->num, &e)) {
		if (f->kind == FIELD_NUM && !ov->text)
			return override_fail(ov, err, e.msg);
		return override_fail(ov, err, e.msg);
	}
	if (!strcmp(f->name, "contract_usd"))
		o->contract_given = 1;
	return LLMTCO_OK;
}

int tco_apply_overrides(struct catalog *c, const struct scenario *s,
			struct llmtco_err *err)
{
	size_t i, k, n, *idx;
	int rc = LLMTCO_OK;

	idx = malloc((c->noptions ? c->noptions : 1) * sizeof(*idx));
	if (!idx)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 0; i < s->noverrides && !rc; i++) {
		const struct override *ov = &s->overrides[i];
		n = catalog_match(c, ov->target, idx, c->noptions);
		if (!n) {
			if (ov->file)
				rc = err_set(err, LLMTCO_EDATA, ov->file, ov->target_line,
					     ov->target_col, "\"overrides.%s\" is not a known option id",
					     ov->target);
			else
				rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
					     "--set: unknown option id \"%s\" (see llmtco pricing list)",
					     ov->target);
		}
		for (k = 0; k < n && !rc; k++)
			rc = apply_one(&c->options[idx[k]], ov, err);
	}
	free(idx);
	return rc;
}

/* ---- inputs ---- */

static double fact_value(const struct catalog *c, const char *key, double dflt)
{
	const struct fact *f = catalog_fact(c, key);
	return f ? f->v.value : dflt;
}

/* Spend per request of the mix at list prices; -1 with `err` on a bad model. */
static int mix_cost_per_request(const struct catalog *c, const struct scenario *s,
				double *usd, struct llmtco_err *err)
{
	size_t i, amb;

	*usd = 0.0;
	for (i = 0; i < s->nmix; i++) {
		const struct mix_entry *m = &s->mix[i];
		const struct model_price *p = catalog_model(c, m->model, &amb);
		double in_tok = m->input_tokens.r.value, cached = m->cached_tokens.r.value;

		if (!p && amb)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"workload.mix[%zu].model\": \"%s\" matches %zu models; "
				       "name it as provider/model", i, m->model, amb);
		if (!p)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"workload.mix[%zu].model\": no price for \"%s\" "
				       "(add it with --pricing)", i, m->model);
		if (cached > in_tok)
			cached = in_tok;
		/* the tier of a request this size (long-context prices) */
		p = catalog_model_price(c, NULL, m->model, NULL, in_tok, &amb);
		*usd += m->share.r.value * model_cost(p, 1, in_tok - cached, cached, 0,
						       m->output_tokens.r.value);
	}
	return LLMTCO_OK;
}

int tco_inputs_from(const struct catalog *c, const struct scenario *s,
		    struct tco_inputs *in, struct comparison *cmp,
		    struct llmtco_err *err)
{
	double per_request = fact_value(c, "usd_per_request", 0.005);
	struct workload *w = &in->w;
	unsigned assumed = 0;
	double mix_unit = 0;
	int spend_known = 0, rc;

	memset(in, 0, sizeof(*in));
	if (s->nroutes && s->routing_savings_pct.set)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "give a routing saving or a routing policy, not both");
	if (s->nmix) {
		double sum = 0;
		size_t k;
		for (k = 0; k < s->nmix; k++)
			sum += s->mix[k].share.r.value;
		if (fabs(sum - 1.0) > 1e-6)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "the mix's shares sum to %g, not 1", sum);
	}
	if (s->tokens_per_day.set && !s->usd_per_mtok.set)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--tokens-per-day needs --usd-per-mtok (the blended price per 1M tokens)");
	if (s->usd_per_mtok.set && !s->tokens_per_day.set)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--usd-per-mtok needs --tokens-per-day");
	if (s->api_spend.set && s->tokens_per_day.set)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "give the spend or tokens per day, not both");

	if (s->api_spend.set) {
		w->api_spend = s->api_spend.r.value;
		spend_known = 1;
	} else if (s->tokens_per_day.set) {
		w->api_spend = s->tokens_per_day.r.value * DAYS_PER_MONTH *
			       s->usd_per_mtok.r.value / 1e6;
		spend_known = 1;
		assumed |= ASSUME_SPEND_FROM_TOKENS;
	}

	if (s->requests_per_month.set) {
		w->requests = s->requests_per_month.r.value;
	} else if (spend_known) {
		w->requests = w->api_spend / per_request;
		assumed |= ASSUME_REQUESTS_FROM_SPEND;
	} else {
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "no workload: give --spend, --requests or --tokens-per-day "
			       "(or a scenario with a workload)");
	}

	if (s->nmix) { /* every model of the mix must have a price, spend given or not */
		double unit;
		if ((rc = mix_cost_per_request(c, s, &unit, err)))
			return rc;
		mix_unit = unit;
	}
	if (!spend_known && s->nmix) {
		w->api_spend = w->requests * mix_unit;
		assumed |= ASSUME_SPEND_FROM_MIX;
	} else if (!spend_known) {
		w->api_spend = w->requests * per_request;
		assumed |= ASSUME_SPEND_FROM_REQUESTS;
	}
	w->models = s->nmix ? (double)s->nmix : 1.0;

	if (s->peak_to_average.set)
		w->peak_to_average = s->peak_to_average.r.value;
	else {
		w->peak_to_average = fact_value(c, "peak_to_average", 3.0);
		assumed |= ASSUME_PEAK_DEFAULT;
	}
	if (s->hourly_rate.set)
		in->hourly_rate = s->hourly_rate.r.value;
	else {
		in->hourly_rate = fact_value(c, "hourly_rate", 0.0);
		assumed |= ASSUME_RATE_DEFAULT;
	}
	if (s->horizon_months.set) {
		in->horizon_months = s->horizon_months.r.value;
		assumed |= ASSUME_HORIZON_GIVEN;
	}
	else
		in->horizon_months = fact_value(c, "horizon_months", 12.0);
	assumed |= ASSUME_HORIZON;
	if (s->routing_savings_pct.set) {
		in->routing_savings_pct = s->routing_savings_pct.r.value;
	} else if (s->nroutes) {
		struct routing_result rr;
		if ((rc = routing_run(c, s, &rr, err)))
			return rc;
		in->routing_savings_pct = rr.saving_pct > 0 ? rr.saving_pct : 0;
		{ /* per-model fees count the models that serve traffic after routing */
			size_t k, served = 0;
			for (k = 0; k < rr.n; k++)
				served += rr.m[k].share_after > 0;
			w->models = served ? (double)served : 1.0;
		}
		routing_release(&rr);
		assumed |= ASSUME_ROUTING_POLICY;
	} else {
		assumed |= ASSUME_NO_ROUTING;
	}
	if (s->router) {
		size_t idx[2];
		const struct option *r;
		if (catalog_match(c, s->router, idx, 2) != 1 ||
		    c->options[idx[0]].deployment != DEPLOY_ROUTER)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "unknown router \"%s\" (one of the router rows of llmtco pricing list)",
				       s->router);
		r = &c->options[idx[0]];
		if (r->quote_required && !r->contract_given)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "router \"%s\" has no public price: give --set %s.contract_usd=USD",
				       r->id, r->id);
		in->router = r;
		assumed |= ASSUME_ROUTER;
	}
	if (s->maintenance_hours.set) {
		in->maintenance_set = 1;
		in->maintenance_hours = s->maintenance_hours.r.value;
	}
	if (s->setup_hours.set) {
		in->setup_set = 1;
		in->setup_hours = s->setup_hours.r.value;
	}
	if (s->infra_monthly.set) {
		in->infra_set = 1;
		in->infra_monthly = s->infra_monthly.r.value;
	}
	in->items = s->items;
	in->nitems = s->nitems;
	if (cmp) {
		cmp->in = *in;
		cmp->w = in->w;
		cmp->assumed = assumed;
		cmp->tokens_per_day = s->tokens_per_day.r.value;
		cmp->usd_per_mtok = s->usd_per_mtok.r.value;
		cmp->usd_per_request = per_request;
		cmp->mix_usd_per_request = mix_unit;
		cmp->routing_saving_pct = in->routing_savings_pct;
		cmp->nmix = s->nmix;
	}
	return LLMTCO_OK;
}

/* "source: X, as_of" of a catalog default, or `other` when it has none. */
static void fact_source(const struct catalog *c, const char *key, const char *other,
			char *buf, size_t size)
{
	const struct fact *f = catalog_fact(c, key);

	if (f)
		snprintf(buf, size, "source: %.200s, %s", f->source, f->as_of);
	else
		snprintf(buf, size, "source: %s", other);
}

/* The sentences, with their sources appended when `sources`. */
static size_t assumptions(const struct catalog *c, const struct comparison *cmp,
			  int human, int sources, char (*out)[ASSUMPTION_LEN], size_t max)
{
	const struct fact *rate = catalog_fact(c, "hourly_rate");
	char a[64], b[64], d[64], src[ASSUMPTION_LEN];
	size_t n = 0;

	if (human && cmp->lead_human && n < max)
		snprintf(out[n++], sizeof(out[0]), "%s", cmp->lead_human);
	else if (!human && cmp->lead_machine && n < max)
		snprintf(out[n++], sizeof(out[0]), "%s", cmp->lead_machine);
#define SAY(...) do { if (n < max) { \
		snprintf(out[n], sizeof(out[0]), __VA_ARGS__); \
		if (sources) { \
			size_t len_ = strlen(out[n]); \
			snprintf(out[n] + len_, sizeof(out[0]) - len_, "; %s", src); \
		} \
		n++; } } while (0)
	if (cmp->assumed & ASSUME_SPEND_FROM_TOKENS) {
		snprintf(src, sizeof(src), "source: the scenario's tokens per day and price per 1M tokens");
		SAY("API spend %s/month from %s tokens/day at $%s per 1M tokens over 365/12 days",
		    fmt_usd_as(a, sizeof(a), cmp->w.api_spend, human),
		    fmt_count_as(b, sizeof(b), cmp->tokens_per_day, human),
		    fmt_number(d, sizeof(d), cmp->usd_per_mtok));
	}
	fact_source(c, "usd_per_request", "SPEC.md section 1", src, sizeof(src));
	if (cmp->assumed & ASSUME_REQUESTS_FROM_SPEND)
		SAY("%s requests/month assumed from the spend at $%s per request "
		    "(seed figure: 1M requests per $5k); give --requests to change it",
		    fmt_count_as(a, sizeof(a), cmp->w.requests, human),
		    fmt_number(b, sizeof(b), cmp->usd_per_request));
	if (cmp->assumed & ASSUME_SPEND_FROM_REQUESTS)
		SAY("API spend %s/month assumed from the requests at $%s per request "
		    "(seed figure); give --spend to change it",
		    fmt_usd_as(a, sizeof(a), cmp->w.api_spend, human),
		    fmt_number(b, sizeof(b), cmp->usd_per_request));
	if (cmp->assumed & ASSUME_SPEND_FROM_MIX) {
		snprintf(src, sizeof(src), "source: the model prices of the catalog (models.csv)");
		SAY("API spend %s/month priced from the model mix at list prices",
		    fmt_usd_as(a, sizeof(a), cmp->w.api_spend, human));
	}
	fact_source(c, "peak_to_average", "SPEC.md section 1", src, sizeof(src));
	if (cmp->assumed & ASSUME_PEAK_DEFAULT)
		SAY("peak traffic %gx the monthly average (default)", cmp->w.peak_to_average);
	if ((cmp->assumed & ASSUME_RATE_DEFAULT) && rate) {
		fact_source(c, "hourly_rate", "", src, sizeof(src));
		if (sources)
			SAY("engineering at %s/hour (catalog default, range %s-%s)",
			    fmt_usd_as(a, sizeof(a), rate->v.value, human),
			    fmt_usd_as(b, sizeof(b), rate->v.low, human),
			    fmt_usd_as(d, sizeof(d), rate->v.high, human));
		else
			SAY("engineering at %s/hour (catalog default, range %s-%s; %.100s, %s)",
			    fmt_usd_as(a, sizeof(a), rate->v.value, human),
			    fmt_usd_as(b, sizeof(b), rate->v.low, human),
			    fmt_usd_as(d, sizeof(d), rate->v.high, human), rate->source,
			    rate->as_of);
	}
	if (cmp->assumed & ASSUME_HORIZON_GIVEN)
		snprintf(src, sizeof(src), "source: the scenario's horizon");
	else
		fact_source(c, "horizon_months", "SPEC.md section 1", src, sizeof(src));
	if (cmp->assumed & ASSUME_HORIZON)
		SAY("one-time setup hours amortized over %g months; a month is 365/12 days",
		    cmp->in.horizon_months);
	snprintf(src, sizeof(src), "source: the per-model prices of the catalog (llmtco pricing show ID)");
	if (cmp->assumed & ASSUME_MODELS)
		SAY("per-model fees for %g model%s (%s)", cmp->w.models,
		    cmp->w.models == 1 ? "" : "s",
		    !cmp->nmix ? "no workload.mix given"
		    : (cmp->assumed & ASSUME_ROUTING_POLICY) ? "the models serving traffic after routing"
							     : "the models of workload.mix");
	snprintf(src, sizeof(src), "source: the routing policy over the model mix, at the "
		 "model prices of the catalog (models.csv)");
	if (cmp->assumed & ASSUME_ROUTING_POLICY)
		SAY("routing savings %s%% derived from the routing policy (llmtco routing shows it), "
		    "applied to smart-routing options%s",
		    fmt_number(a, sizeof(a), money_round(cmp->routing_saving_pct)),
		    (cmp->assumed & ASSUME_ROUTER) ? " and to self-hosted ones with the router" : "");
	if ((cmp->assumed & ASSUME_ROUTER) && cmp->in.router) {
		const struct option *r = cmp->in.router;
		snprintf(src, sizeof(src), "source: %.200s, %s", r->source, r->as_of);
		SAY("self-hosted options run the router %s (+%s setup hours, +%s hours/month, +%s/month)",
		    r->id, fmt_number(a, sizeof(a), r->setup_hours.value),
		    fmt_number(b, sizeof(b), r->maintenance_hours.value),
		    fmt_usd_as(d, sizeof(d), r->monthly_usd.value +
					     (r->quote_required ? r->contract_usd.value : 0), human));
	}
	snprintf(src, sizeof(src), "source: llmtco's rule (SPEC.md section 1): vendor savings "
		 "claims (PRICING-FACTS.md) are not counted unless given");
	if (cmp->assumed & ASSUME_NO_ROUTING)
		SAY("routing savings 0%% (vendor claims are not counted; give --routing-savings)");
#undef SAY
	return n;
}

size_t tco_assumptions(const struct catalog *c, const struct comparison *cmp,
		       int human, char (*out)[ASSUMPTION_LEN], size_t max)
{
	return assumptions(c, cmp, human, 0, out, max);
}

size_t tco_assumptions_sourced(const struct catalog *c, const struct comparison *cmp,
			       int human, char (*out)[ASSUMPTION_LEN], size_t max)
{
	return assumptions(c, cmp, human, 1, out, max);
}

/* ---- comparison ---- */

const char *const scenario_features[] = {
	"data-residency", "smart-routing", "self-hosted", "managed", "sla", NULL
};

int tco_excluded(const struct option *o, const struct scenario *s,
		 const struct workload *w, int check_limit, struct exclusion *x)
{
	size_t i;

	x->value = x->limit = 0;
	x->feature = NULL;
	if (o->deployment == DEPLOY_ROUTER)
		return x->kind = EXCLUDE_ROUTER, 1;
	if (o->quote_required && !o->contract_given)
		return x->kind = EXCLUDE_QUOTE, 1;
	if (check_limit && w->requests > o->max_requests.value) {
		x->limit = o->max_requests.value;
		return x->kind = EXCLUDE_PLAN_LIMIT, 1;
	}
	for (i = 0; i < s->nrequire; i++) {
		const char *f = s->require[i];
		int ok = 1;
		if (!strcmp(f, "data-residency"))
			ok = o->residency != RESIDENCY_NONE;
		else if (!strcmp(f, "smart-routing"))
			ok = o->smart_routing;
		else if (!strcmp(f, "self-hosted"))
			ok = o->deployment == DEPLOY_SELF_HOSTED;
		else if (!strcmp(f, "managed"))
			ok = o->deployment == DEPLOY_MANAGED;
		else if (!strcmp(f, "sla"))
			ok = o->sla && *o->sla;
		if (!ok) {
			x->feature = f;
			return x->kind = EXCLUDE_REQUIREMENT, 1;
		}
	}
	if (s->max_latency_ms.set) {
		if (isnan(o->latency_ms.value))
			return x->kind = EXCLUDE_LATENCY_UNKNOWN, 1;
		if (o->latency_ms.high > s->max_latency_ms.r.value) {
			x->value = o->latency_ms.high;
			x->limit = s->max_latency_ms.r.value;
			return x->kind = EXCLUDE_LATENCY, 1;
		}
	}
	return 0;
}

void tco_exclusion_text(const struct exclusion *x, int human, char *buf,
			size_t size)
{
	char a[64], b[64];

	switch (x->kind) {
	case EXCLUDE_ROUTER:
		snprintf(buf, size, "router add-on, not a gateway");
		return;
	case EXCLUDE_QUOTE:
		snprintf(buf, size, "quote required (give contract_usd)");
		return;
	case EXCLUDE_PLAN_LIMIT:
		snprintf(buf, size, "over the plan limit of %s requests/month",
			 human ? fmt_human(a, sizeof(a), x->limit, 0)
			       : fmt_number(a, sizeof(a), x->limit));
		return;
	case EXCLUDE_REQUIREMENT:
		snprintf(buf, size, "does not meet the requirement \"%s\"", x->feature);
		return;
	case EXCLUDE_LATENCY_UNKNOWN:
		snprintf(buf, size, "added latency not published");
		return;
	case EXCLUDE_LATENCY:
		snprintf(buf, size, "adds up to %s ms (limit %s ms)",
			 fmt_number(a, sizeof(a), x->value), fmt_number(b, sizeof(b), x->limit));
		return;
	}
	snprintf(buf, size, "excluded");
}

static int row_cmp(const void *pa, const void *pb, const struct catalog *c)
{
	const struct tco_row *a = pa, *b = pb;
	double ta = money_round(a->cost.total), tb = money_round(b->cost.total);
	int r;

	if (ta < tb)
		return -1;
	if (ta > tb)
		return 1;
	r = strcmp(c->options[a->option].id, c->options[b->option].id);
	return r ? r : strcmp(c->options[a->option].plan, c->options[b->option].plan);
}

/* Insertion sort: stable, and n is a few dozen. */
static void rank(struct tco_row *rows, size_t n, const struct catalog *c)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct tco_row t = rows[i];
		for (j = i; j > 0 && row_cmp(&rows[j - 1], &t, c) > 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
}

int tco_select(const struct catalog *c, const struct scenario *s,
	       unsigned char **selected, struct llmtco_err *err)
{
	unsigned char *sel = calloc(c->noptions + 1, 1);
	size_t i, k, n, *idx = malloc((c->noptions + 1) * sizeof(*idx));
	int rc = LLMTCO_OK;

	if (!sel || !idx) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < c->noptions && !s->noptions; i++)
		sel[i] = c->options[i].deployment != DEPLOY_ROUTER;
	for (i = 0; i < s->noptions; i++) {
		n = catalog_match(c, s->options[i], idx, c->noptions);
		if (!n && s->options_at && s->options_at[i].file) {
			const struct where *at = &s->options_at[i];
			rc = err_set(err, LLMTCO_EDATA, at->file, at->line, at->col,
				     "\"options[%zu]\" is not a known option id: \"%s\" "
				     "(see llmtco pricing list)", i, s->options[i]);
			goto out;
		}
		if (!n) {
			rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "unknown option id \"%s\" (see llmtco pricing list)",
				     s->options[i]);
			goto out;
		}
		for (k = 0; k < n; k++)
			sel[idx[k]] = 1;
	}
out:
	free(idx);
	if (rc) {
		free(sel);
		sel = NULL;
	}
	*selected = sel;
	return rc;
}

int tco_compare(const struct catalog *c, const struct scenario *s,
		struct comparison *cmp, struct llmtco_err *err)
{
	unsigned char *selected = NULL;
	size_t i, k;
	int rc;

	memset(cmp, 0, sizeof(*cmp));
	if ((rc = tco_inputs_from(c, s, &cmp->in, cmp, err)))
		return rc;
	cmp->w = cmp->in.w;
	for (i = 0; i < s->nrequire; i++) {
		for (k = 0; scenario_features[k]; k++)
			if (!strcmp(scenario_features[k], s->require[i]))
				break;
		if (!scenario_features[k])
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "unknown requirement \"%s\" (one of data-residency, "
				       "smart-routing, self-hosted, managed, sla)", s->require[i]);
	}
	cmp->rows = calloc(c->noptions + 1, sizeof(*cmp->rows));
	cmp->excluded = calloc(c->noptions + 1, sizeof(*cmp->excluded));
	if (!cmp->rows || !cmp->excluded) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	if ((rc = tco_select(c, s, &selected, err)))
		goto out;
	for (i = 0; i < c->noptions; i++) {
		const struct option *o = &c->options[i];
		struct exclusion *x = &cmp->excluded[cmp->nexcluded];

		if (!selected[i])
			continue;
		if (tco_excluded(o, s, &cmp->w, 1, x)) {
			x->option = i;
			cmp->nexcluded++;
			continue;
		}
		cmp->rows[cmp->nrows].option = i;
		tco_option_cost(o, &cmp->in, &cmp->rows[cmp->nrows].cost);
		if (o->per_model_usd.value > 0)
			cmp->assumed |= ASSUME_MODELS;
		if (o->deployment == DEPLOY_SELF_HOSTED) {
			cmp->rows[cmp->nrows].instances = tco_instances(o, &cmp->w);
			cmp->rows[cmp->nrows].hours = cmp->in.maintenance_set
				? cmp->in.maintenance_hours : o->maintenance_hours.value;
		} else {
			cmp->rows[cmp->nrows].hours = o->maintenance_hours.value;
		}
		cmp->nrows++;
	}
	for (i = 0; i < cmp->nrows; i++)
		if (!isfinite(cmp->rows[i].cost.total)) {
			rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				     "the cost of \"%s\" overflows: check the inputs",
				     c->options[cmp->rows[i].option].id);
			goto out;
		}
	rank(cmp->rows, cmp->nrows, c);
out:
	free(selected);
	if (rc)
		comparison_release(cmp);
	return rc;
}

size_t tco_tied(const struct comparison *cmp)
{
	size_t n = 0;

	while (n < cmp->nrows && money_round(cmp->rows[n].cost.total) ==
				     money_round(cmp->rows[0].cost.total))
		n++;
	return n;
}

void comparison_release(struct comparison *cmp)
{
	if (!cmp)
		return;
	free(cmp->rows);
	free(cmp->excluded);
	cmp->rows = NULL;
	cmp->excluded = NULL;
	cmp->nrows = cmp->nexcluded = 0;
}
