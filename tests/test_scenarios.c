/*
 * test_scenarios.c - scenarios/: the scenario JSON loader (values, range
 * forms, every error at its file:line:col) and the cost model of SPEC
 * section 1 on the built-in catalog: fees, markups, subscriptions, tiers,
 * instances, infrastructure, engineering, routing savings, exclusions,
 * overrides and ranking; the breakeven solver (every crossing, at steps,
 * on curves, plan limits, ties) and the sweep.
 *
 * Every figure is worked out by hand from the pricing/data tables in a comment.
 */
#include "suites.h"
#include "fixture.h"
#include "../pricing/catalog.h"
#include "../scenarios/scenario.h"
#include "../scenarios/tco.h"
#include "../scenarios/routing.h"
#include "../scenarios/breakeven.h"
#include "../scenarios/sweep.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONEY 0.005 /* to the cent */

static struct llmtco_err err;

static int load_json(struct scenario *s, const char *text)
{
	err_clear(&err);
	return scenario_load_json(s, "s.json", text, strlen(text), &err);
}

/* Loading `text` fails at line:col with exactly `msg`. */
static void json_fails(const char *text, int line, int col, const char *msg)
{
	static struct scenario s;

	scn_init(&s);
	ck_assert_int_eq(load_json(&s, text), LLMTCO_EDATA);
	ck_assert_ptr_nonnull(err.file);
	ck_assert_str_eq(err.file, "s.json");
	ck_assert_str_eq(err.msg, msg);
	ck_assert_msg(err.line == line && err.col == col, "%s at %d:%d, want %d:%d",
		      err.msg, err.line, err.col, line, col);
	scenario_release(&s);
}

/* Apply the scenario's overrides and compare; both must succeed. */
static void compare(struct catalog *c, struct scenario *s, struct comparison *cmp)
{
	err_clear(&err);
	hold_cmp(cmp);
	ck_assert_msg(tco_apply_overrides(c, s, &err) == LLMTCO_OK, "overrides: %s", err.msg);
	ck_assert_msg(tco_compare(c, s, cmp, &err) == LLMTCO_OK, "compare: %s", err.msg);
}

/* The ranked row of option `key` ("id" or "id/plan"), or NULL. */
static const struct tco_row *row_of(const struct catalog *c,
				    const struct comparison *cmp, const char *key)
{
	size_t i, idx[1];

	ck_assert_msg(catalog_match(c, key, idx, 1) == 1, "\"%s\" is not one option", key);
	for (i = 0; i < cmp->nrows; i++)
		if (cmp->rows[i].option == idx[0])
			return &cmp->rows[i];
	return NULL;
}

static const struct tco_row *must_row(const struct catalog *c,
				      const struct comparison *cmp, const char *key)
{
	const struct tco_row *r = row_of(c, cmp, key);

	ck_assert_msg(r != NULL, "\"%s\" is not ranked", key);
	return r;
}

/* Why `key` was left out (the machine phrase), or NULL when it was not. */
static const char *excluded(const struct catalog *c, const struct comparison *cmp,
			    const char *key)
{
	static char why[4][200];
	static int next;
	size_t i, idx[1];

	ck_assert_msg(catalog_match(c, key, idx, 1) == 1, "\"%s\" is not one option", key);
	for (i = 0; i < cmp->nexcluded; i++)
		if (cmp->excluded[i].option == idx[0]) {
			char *buf = why[next++ % 4];
			tco_exclusion_text(&cmp->excluded[i], 0, buf, sizeof(why[0]));
			return buf;
		}
	return NULL;
}

static const struct option *opt(const struct catalog *c, const char *key)
{
	size_t idx[1];

	ck_assert_msg(catalog_match(c, key, idx, 1) == 1, "\"%s\" is not one option", key);
	return &c->options[idx[0]];
}

/* Inputs for tco_option_cost: a workload, rate 125, horizon 12. */
static void inputs(struct tco_inputs *in, double spend, double requests, double peak)
{
	memset(in, 0, sizeof(*in));
	in->w.api_spend = spend;
	in->w.requests = requests;
	in->w.peak_to_average = peak;
	in->w.models = 1;
	in->hourly_rate = 125;
	in->horizon_months = 12;
}

/* ---- core: the cost model on the built-in catalog ---- */

START_TEST(spend_5000_openrouter)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	compare(&c, &s, &cmp);
	/* requests from the seed figure: 5,000 / 0.005 = 1,000,000 */
	ck_assert_double_eq_tol(cmp.w.requests, 1e6, 1e-6);
	ck_assert_double_eq_tol(cmp.w.api_spend, 5000, 1e-9);
	ck_assert_double_eq_tol(cmp.w.peak_to_average, 3, 1e-9);
	ck_assert(cmp.assumed & ASSUME_REQUESTS_FROM_SPEND);
	ck_assert(cmp.assumed & ASSUME_PEAK_DEFAULT);
	ck_assert(cmp.assumed & ASSUME_RATE_DEFAULT);
	ck_assert(cmp.assumed & ASSUME_NO_ROUTING);
	ck_assert_double_eq_tol(cmp.in.hourly_rate, 125, 1e-9);
	ck_assert_double_eq_tol(cmp.in.horizon_months, 12, 1e-9);

	r = must_row(&c, &cmp, "openrouter");
	/* 5.5% of 5,000 = 275.00, above the 0.80 minimum */
	ck_assert_double_eq_tol(r->cost.api, 5000.00, MONEY);
	ck_assert_double_eq_tol(r->cost.platform_fee, 275.00, MONEY);
	ck_assert_double_eq_tol(r->cost.markup, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.subscription, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.usage_fees, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.engineering, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5275.00, MONEY);

	/* crazyrouter: 25% markup of 5,000 = 1,250.00 */
	r = must_row(&c, &cmp, "crazyrouter");
	ck_assert_double_eq_tol(r->cost.markup, 1250.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 6250.00, MONEY);

	/* kong: 25 + 100 per model x 1 model = 125.00; 1M requests all included */
	r = must_row(&c, &cmp, "kong");
	ck_assert_double_eq_tol(r->cost.subscription, 125.00, MONEY);
	ck_assert_double_eq_tol(r->cost.usage_fees, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5125.00, MONEY);

	/* cloudflare unified billing: 5% of 5,000 = 250.00 */
	r = must_row(&c, &cmp, "cloudflare/unified-billing");
	ck_assert_double_eq_tol(r->cost.platform_fee, 250.00, MONEY);

	/* openrouter-byok at exactly the 1,000,000 free requests: no fee */
	r = must_row(&c, &cmp, "openrouter-byok");
	ck_assert_double_eq_tol(r->cost.platform_fee, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5000.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(portkey_and_helicone_at_1m)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.requests_per_month, 1e6);
	compare(&c, &s, &cmp);
	ck_assert(!(cmp.assumed & ASSUME_REQUESTS_FROM_SPEND));

	/* Portkey Production: 49 + (1,000,000 - 100,000) / 100,000 = 9 blocks x $9 = 81 */
	r = must_row(&c, &cmp, "portkey/production");
	ck_assert_double_eq_tol(r->cost.subscription, 49.00, MONEY);
	ck_assert_double_eq_tol(r->cost.usage_fees, 81.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total - r->cost.api, 130.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5130.00, MONEY);

	/*
	 * Helicone Pro: 79 + graduated tiers beyond 10k:
	 *   20,000 x 0.0007     = 14.00     (10k-30k)
	 *   60,000 x 0.00035    = 21.00     (30k-90k)
	 *  160,000 x 0.000175   = 28.00     (90k-250k)
	 *  550,000 x 0.0000875  = 48.125    (250k-800k)
	 *  200,000 x 0.00004375 =  8.75     (800k-1M)
	 *                         119.875 -> 79 + 119.875 = 198.875 -> $198.88
	 */
	r = must_row(&c, &cmp, "helicone");
	ck_assert_double_eq_tol(r->cost.subscription, 79.00, MONEY);
	ck_assert_double_eq_tol(r->cost.usage_fees, 119.875, 1e-6);
	ck_assert_double_eq_tol(r->cost.subscription + r->cost.usage_fees, 198.875, 1e-6);
	ck_assert_double_eq_tol(money_round(r->cost.subscription + r->cost.usage_fees),
				198.88, 1e-9);
	ck_assert_double_eq_tol(money_round(r->cost.total), 5198.88, 1e-9);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(usage_fee_tiers)
{
	static struct catalog c;

	load_builtin(&c);
	/* kong: 2,500,000 requests, 1,500,000 beyond 1M: 2 started blocks x 200 */
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "kong"), 2.5e6), 400.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "kong"), 2e6), 200.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "kong"), 1e6), 0.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "portkey/production"), 1e6), 81.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "helicone"), 1e6), 119.875, 1e-6);
	/* cloudflare: $0.05 per 1M logs beyond 10M, pro rata: 25M -> 15 x 0.05 */
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "cloudflare/byok"), 25e6), 0.75, 1e-9);
	ck_assert_double_eq_tol(tco_usage_fees(opt(&c, "openrouter"), 1e9), 0.00, MONEY);
	catalog_release(&c);
}
END_TEST

START_TEST(kong_at_2_5m_requests)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.requests_per_month, 2.5e6);
	compare(&c, &s, &cmp);
	r = must_row(&c, &cmp, "kong");
	ck_assert_double_eq_tol(r->cost.subscription, 125.00, MONEY);
	ck_assert_double_eq_tol(r->cost.usage_fees, 400.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5525.00, MONEY);
	/* openrouter-byok: 1.5M of 2.5M requests beyond the free 1M: 5% x 5000 x 0.6 */
	r = must_row(&c, &cmp, "openrouter-byok");
	ck_assert_double_eq_tol(r->cost.platform_fee, 150.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(litellm_instances_grow_with_peak_rps)
{
	static struct catalog c;
	struct tco_inputs in;
	struct cost_parts small, big;
	const struct option *o;

	load_builtin(&c);
	o = opt(&c, "litellm/oss");

	/* 1,000,000 / (730 x 3600) x 3 = 1.14 RPS: one instance of 500 RPS */
	inputs(&in, 5000, 1e6, 3);
	ck_assert_double_eq_tol(workload_peak_rps(&in.w), 1.1415525, 1e-6);
	ck_assert_double_eq_tol(tco_instances(o, &in.w), 1, 1e-9);
	tco_option_cost(o, &in, &small);

	/* 1,000,000,000 / 2,628,000 x 3 = 1,141.55 RPS: ceil(2.28) = 3 instances */
	inputs(&in, 5000, 1e9, 3);
	ck_assert_double_eq_tol(workload_peak_rps(&in.w), 1141.55, MONEY);
	ck_assert_double_eq_tol(tco_instances(o, &in.w), 3, 1e-9);
	tco_option_cost(o, &in, &big);

	/*
	 * items (midpoints): compute 125 per instance, database 60, cache 32.5,
	 * load balancer 37.5, monitoring 110, networking 10: 375.00 at one
	 * instance, and 2 more instances add 2 x 125 = 250.00
	 */
	ck_assert_double_eq_tol(small.infrastructure, 375.00, MONEY);
	ck_assert_double_eq_tol(big.infrastructure - small.infrastructure,
				2 * o->items[0].usd.value, 1e-9);
	ck_assert_double_eq_tol(big.infrastructure - small.infrastructure, 250.00, 1e-9);
	ck_assert_double_eq_tol(big.infrastructure, 625.00, MONEY);

	/* peak 1 instead of 3: 380.5 RPS fits one instance */
	inputs(&in, 5000, 1e9, 1);
	ck_assert_double_eq_tol(tco_instances(o, &in.w), 1, 1e-9);

	/* bifrost serves 5,000 RPS per instance: still one at 1,141.55 */
	inputs(&in, 5000, 1e9, 3);
	ck_assert_double_eq_tol(tco_instances(opt(&c, "bifrost"), &in.w), 1, 1e-9);
	/* portkey-oss publishes no ceiling: min_instances (1) */
	ck_assert_double_eq_tol(tco_instances(opt(&c, "portkey-oss"), &in.w), 1, 1e-9);
	catalog_release(&c);
}
END_TEST

START_TEST(litellm_default_engineering)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	compare(&c, &s, &cmp);
	/*
	 * catalog hours (midpoints): maintenance 18.5 h x $125 = 2,312.50, setup
	 * 94 h x $125 / 12 = 979.17: engineering 3,291.67; infra 375.00;
	 * total 5,000 + 375 + 3,291.67 = 8,666.67
	 */
	r = must_row(&c, &cmp, "litellm/oss");
	ck_assert_double_eq_tol(r->instances, 1, 1e-9);
	ck_assert_double_eq_tol(r->hours, 18.5, 1e-9);
	ck_assert_double_eq_tol(r->cost.infrastructure, 375.00, MONEY);
	ck_assert_double_eq_tol(r->cost.engineering, 3291.67, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 8666.67, MONEY);
	/* bifrost: compute 125 + lb 37.5 + monitoring 110 + networking 10 = 282.50 */
	r = must_row(&c, &cmp, "bifrost");
	ck_assert_double_eq_tol(r->cost.infrastructure, 282.50, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 8574.17, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(scenario_infra_and_team)
{
	static const char *const text =
		"{\"workload\": {\"api_spend\": 5000},\n"
		" \"team\": {\"hourly_rate\": 150, \"maintenance_hours_per_month\": 16,"
		" \"setup_hours\": 0},\n"
		" \"infrastructure\": {\"monthly\": 200}}\n";
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, text), LLMTCO_OK);
	compare(&c, &s, &cmp);
	/* infrastructure 200 + engineering 16 h x $150 = 2,400: api + 2,600.00 */
	r = must_row(&c, &cmp, "litellm/oss");
	ck_assert_double_eq_tol(r->cost.infrastructure, 200.00, MONEY);
	ck_assert_double_eq_tol(r->cost.engineering, 2400.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, r->cost.api + 2600.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 7600.00, MONEY);
	ck_assert_double_eq_tol(r->hours, 16, 1e-9);
	r = must_row(&c, &cmp, "bifrost");
	ck_assert_double_eq_tol(r->cost.total, 7600.00, MONEY);
	/* a managed option keeps its own (zero) hours and has no infrastructure */
	r = must_row(&c, &cmp, "openrouter");
	ck_assert_double_eq_tol(r->cost.engineering, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.infrastructure, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5275.00, MONEY);
	ck_assert(!(cmp.assumed & ASSUME_RATE_DEFAULT));
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(setup_amortized_over_horizon)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.hourly_rate, 100);
	set(&s.maintenance_hours, 0);
	set(&s.setup_hours, 24);
	compare(&c, &s, &cmp);
	/* 24 h x $100 / 12 months = 200.00 a month */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.engineering, 200.00, MONEY);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "openrouter")->cost.engineering, 0.00, MONEY);
	comparison_release(&cmp);

	/* 16 h a month on top: 1,600 + 200 = 1,800.00 */
	set(&s.maintenance_hours, 16);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.engineering, 1800.00, MONEY);
	comparison_release(&cmp);

	/* over 24 months: 2,400 / 24 = 100.00 */
	set(&s.maintenance_hours, 0);
	set(&s.horizon_months, 24);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.engineering, 100.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(routing_savings_smart_routers_only)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.routing_savings_pct, 70);
	compare(&c, &s, &cmp);
	ck_assert(!(cmp.assumed & ASSUME_NO_ROUTING));
	/* clawrouters routes: -5,000 x 70% = -3,500.00, total 1,500.00 */
	r = must_row(&c, &cmp, "clawrouters");
	ck_assert_double_eq_tol(r->cost.routing_savings, -3500.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 1500.00, MONEY);
	ck_assert_uint_eq(cmp.rows[0].option, r->option); /* now the cheapest */
	/* openrouter does not route: unaffected */
	r = must_row(&c, &cmp, "openrouter");
	ck_assert_double_eq_tol(r->cost.routing_savings, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.platform_fee, 275.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 5275.00, MONEY);
	comparison_release(&cmp);

	/* a smart-routing option with a fee pays it on the routed spend */
	ck_assert_int_eq(option_set_text((struct option *)opt(&c, "openrouter"),
					 field_find("smart_routing"), "yes", &err), LLMTCO_OK);
	compare(&c, &s, &cmp);
	r = must_row(&c, &cmp, "openrouter");
	/* 5.5% of (5,000 - 3,500) = 82.50; total 1,500 + 82.50 = 1,582.50 */
	ck_assert_double_eq_tol(r->cost.platform_fee, 82.50, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 1582.50, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(openrouter_fee_minimum_and_byok)
{
	static struct catalog c;
	struct tco_inputs in;
	struct cost_parts p;

	load_builtin(&c);
	/* spend 10: 5.5% = 0.55, under the 0.80 minimum: 0.80 */
	inputs(&in, 10, 2000, 3);
	tco_option_cost(opt(&c, "openrouter"), &in, &p);
	ck_assert_double_eq_tol(p.platform_fee, 0.80, MONEY);
	ck_assert_double_eq_tol(p.total, 10.80, MONEY);
	/* spend 20: 1.10, above the minimum */
	inputs(&in, 20, 4000, 3);
	tco_option_cost(opt(&c, "openrouter"), &in, &p);
	ck_assert_double_eq_tol(p.platform_fee, 1.10, MONEY);

	/* BYOK: 5% only on the share of spend beyond 1,000,000 requests:
	 * 10,000 x 5% x (2,000,000 - 1,000,000) / 2,000,000 = 250.00 */
	inputs(&in, 10000, 2e6, 3);
	tco_option_cost(opt(&c, "openrouter-byok"), &in, &p);
	ck_assert_double_eq_tol(p.platform_fee, 250.00, MONEY);
	ck_assert_double_eq_tol(p.total, 10250.00, MONEY);
	inputs(&in, 10000, 1e6, 3);
	tco_option_cost(opt(&c, "openrouter-byok"), &in, &p);
	ck_assert_double_eq_tol(p.platform_fee, 0.00, MONEY);
	catalog_release(&c);
}
END_TEST

START_TEST(quotes_excluded_until_contract)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;
	const char *why;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	compare(&c, &s, &cmp);
	why = excluded(&c, &cmp, "zenmux");
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "quote required"));
	why = excluded(&c, &cmp, "portkey/enterprise");
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "quote required"));
	ck_assert_ptr_nonnull(strstr(excluded(&c, &cmp, "litellm/enterprise"), "quote required"));
	ck_assert_ptr_null(row_of(&c, &cmp, "zenmux"));
	/* routers are add-ons: neither ranked nor listed */
	ck_assert_ptr_null(row_of(&c, &cmp, "routellm"));
	ck_assert_ptr_null(excluded(&c, &cmp, "routellm"));
	ck_assert_ptr_null(excluded(&c, &cmp, "martian"));
	/* 13 ranked + 4 left out (3 quotes, portkey/developer) = 20 - 3 routers */
	ck_assert_uint_eq(cmp.nrows, 13);
	ck_assert_uint_eq(cmp.nexcluded, 4);
	comparison_release(&cmp);
	scenario_release(&s);

	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\"workload\": {\"api_spend\": 5000},"
				       " \"overrides\": {\"zenmux\": {\"contract_usd\": 3000}}}"),
			 LLMTCO_OK);
	compare(&c, &s, &cmp);
	ck_assert_ptr_null(excluded(&c, &cmp, "zenmux"));
	r = must_row(&c, &cmp, "zenmux");
	ck_assert_double_eq_tol(r->cost.subscription, 3000.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 8000.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(plan_limit_excludes)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const char *why;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 50);
	set(&s.requests_per_month, 10000);
	compare(&c, &s, &cmp);
	/* exactly at the Developer plan's 10,000 logs: ranked, free */
	ck_assert_ptr_null(excluded(&c, &cmp, "portkey/developer"));
	ck_assert_double_eq_tol(must_row(&c, &cmp, "portkey/developer")->cost.total, 50.00, MONEY);
	comparison_release(&cmp);
	set(&s.requests_per_month, 10001);
	compare(&c, &s, &cmp);
	why = excluded(&c, &cmp, "portkey/developer");
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "plan limit"));
	ck_assert_ptr_null(row_of(&c, &cmp, "portkey/developer"));
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(requirements_and_latency)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const char *why;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	ck_assert_int_eq(strlist_add(&s.require, &s.nrequire, "data-residency"), 0);
	compare(&c, &s, &cmp);
	why = excluded(&c, &cmp, "openrouter");
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, "does not meet the requirement \"data-residency\"");
	ck_assert_ptr_null(row_of(&c, &cmp, "openrouter"));
	ck_assert_ptr_nonnull(row_of(&c, &cmp, "litellm/oss")); /* full */
	ck_assert_ptr_nonnull(row_of(&c, &cmp, "bifrost"));
	comparison_release(&cmp);
	scenario_release(&s);

	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.max_latency_ms, 50);
	compare(&c, &s, &cmp);
	/* openrouter adds 40-200 ms: out; clawrouters 5-10 ms: in */
	why = excluded(&c, &cmp, "openrouter");
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, "adds up to 200 ms (limit 50 ms)");
	ck_assert_ptr_nonnull(row_of(&c, &cmp, "clawrouters"));
	ck_assert_ptr_null(excluded(&c, &cmp, "clawrouters"));
	ck_assert_ptr_nonnull(row_of(&c, &cmp, "litellm/oss")); /* 5-20 ms */
	/* helicone publishes no latency: it cannot be shown to meet the limit */
	ck_assert_str_eq(excluded(&c, &cmp, "helicone"), "added latency not published");
	comparison_release(&cmp);
	scenario_release(&s);

	scn_init(&s);
	set(&s.api_spend, 5000);
	ck_assert_int_eq(strlist_add(&s.require, &s.nrequire, "smart-routing"), 0);
	compare(&c, &s, &cmp);
	ck_assert_uint_eq(cmp.nrows, 1); /* clawrouters only */
	ck_assert_str_eq(c.options[cmp.rows[0].option].id, "clawrouters");
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(ranked_ascending_by_total)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	size_t i;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	compare(&c, &s, &cmp);
	ck_assert_uint_gt(cmp.nrows, 10);
	for (i = 1; i < cmp.nrows; i++)
		ck_assert_msg(money_round(cmp.rows[i - 1].cost.total) <=
			      money_round(cmp.rows[i].cost.total),
			      "row %zu (%.2f) before row %zu (%.2f)", i - 1,
			      cmp.rows[i - 1].cost.total, i, cmp.rows[i].cost.total);
	/* four options tie at 5,000.00; the tie is broken by id */
	ck_assert_str_eq(c.options[cmp.rows[0].option].id, "clawrouters");
	ck_assert_str_eq(c.options[cmp.rows[1].option].id, "cloudflare");
	ck_assert_str_eq(c.options[cmp.rows[2].option].id, "openrouter-byok");
	ck_assert_str_eq(c.options[cmp.rows[3].option].id, "vercel");
	ck_assert_str_eq(c.options[cmp.rows[4].option].id, "kong");
	ck_assert_str_eq(c.options[cmp.rows[cmp.nrows - 1].option].id, "litellm");
	for (i = 0; i < cmp.nrows; i++) {
		const struct cost_parts *p = &cmp.rows[i].cost;
		double sum = p->api + p->routing_savings + p->platform_fee + p->markup +
			     p->subscription + p->usage_fees + p->infrastructure + p->engineering;
		ck_assert_double_eq_tol(p->total, sum, 1e-9);
		ck_assert_double_eq_tol(cost_part(p, 8), p->total, 1e-12);
	}
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(spend_from_tokens_mix_and_requests)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;

	load_builtin(&c);
	/* 1,000,000 tokens/day x 365/12 days x $12 / 1M = 365.00 */
	scn_init(&s);
	set(&s.tokens_per_day, 1e6);
	set(&s.usd_per_mtok, 12);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(cmp.w.api_spend, 365.00, MONEY);
	ck_assert_double_eq_tol(cmp.w.requests, 73000, 1e-6); /* 365 / 0.005 */
	ck_assert(cmp.assumed & ASSUME_SPEND_FROM_TOKENS);
	comparison_release(&cmp);
	scenario_release(&s);

	/*
	 * 1,000,000 requests; opus 30%: (2000 x 5 + 500 x 25) / 1M = 0.0225,
	 * deepseek 70%: (2000 x 0.10 + 500 x 0.20) / 1M = 0.0003 per request:
	 * 1M x (0.3 x 0.0225 + 0.7 x 0.0003) = 6,960.00; two models served
	 */
	scn_init(&s);
	ck_assert_int_eq(load_json(&s,
		"{\"workload\": {\"requests_per_month\": 1000000, \"mix\": ["
		"{\"model\": \"anthropic/claude-opus-4.8\", \"share\": 0.3, \"input_tokens\": 2000, \"output_tokens\": 500},"
		"{\"model\": \"deepseek-v4-flash\", \"share\": 0.7, \"input_tokens\": 2000, \"output_tokens\": 500}]}}"),
		LLMTCO_OK);
	ck_assert_uint_eq(s.nmix, 2);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(cmp.w.api_spend, 6960.00, MONEY);
	ck_assert_double_eq_tol(cmp.w.models, 2, 1e-9);
	ck_assert(cmp.assumed & ASSUME_SPEND_FROM_MIX);
	/* kong: 25 + 2 models x 100 = 225.00 */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "kong")->cost.subscription, 225.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);

	/* requests only: 200,000 x 0.005 = 1,000.00 */
	scn_init(&s);
	set(&s.requests_per_month, 200000);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(cmp.w.api_spend, 1000.00, MONEY);
	ck_assert(cmp.assumed & ASSUME_SPEND_FROM_REQUESTS);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(assumptions_said_out_loud)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	char say[MAX_ASSUMPTIONS][ASSUMPTION_LEN];
	size_t n, i;
	int human = 0, machine = 0;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	compare(&c, &s, &cmp);
	n = tco_assumptions(&c, &cmp, 1, say, MAX_ASSUMPTIONS);
	ck_assert_uint_ge(n, 4);
	for (i = 0; i < n; i++)
		human |= strstr(say[i], "1,000,000 requests/month") != NULL;
	ck_assert_msg(human, "no \"1,000,000 requests/month\" in: %s", say[0]);
	n = tco_assumptions(&c, &cmp, 0, say, MAX_ASSUMPTIONS);
	for (i = 0; i < n; i++) {
		machine |= strstr(say[i], "1000000 requests/month") != NULL;
		ck_assert_ptr_null(strstr(say[i], "1,000"));
	}
	ck_assert(machine);
	ck_assert_uint_eq(tco_assumptions(&c, &cmp, 0, say, 1), 1);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(scenario_overrides_apply)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(load_json(&s,
		"{\"workload\": {\"api_spend\": 5000},\n"
		" \"overrides\": {\"openrouter\": {\"fee_pct\": 5},\n"
		"               \"litellm/oss\": {\"compute\": 100},\n"
		"               \"vercel\": {\"monthly_usd\": [10, 30], \"smart_routing\": true}}}"),
		LLMTCO_OK);
	ck_assert_uint_eq(s.noverrides, 4);
	compare(&c, &s, &cmp);
	/* 5% of 5,000 = 250.00 */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "openrouter")->cost.platform_fee, 250.00, MONEY);
	/* compute 100 instead of 125: 375 - 25 = 350.00 */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.infrastructure, 350.00, MONEY);
	/* litellm/enterprise was not named: its compute is still 125 */
	ck_assert_double_eq_tol(opt(&c, "litellm/enterprise")->items[0].usd.value, 125, 1e-9);
	/* [10, 30]: midpoint 20 */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "vercel")->cost.subscription, 20.00, MONEY);
	ck_assert_int_eq(opt(&c, "vercel")->smart_routing, 1);
	ck_assert_double_eq_tol(opt(&c, "vercel")->monthly_usd.low, 10, 1e-9);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(scenario_items)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(load_json(&s,
		"{\"workload\": {\"api_spend\": 5000},"
		" \"infrastructure\": {\"items\": {\"compute\": [50, 150], \"backup\": 30}}}"),
		LLMTCO_OK);
	ck_assert_uint_eq(s.nitems, 2);
	compare(&c, &s, &cmp);
	/* the team's items replace the catalog's: compute [50, 150] -> 100 per
	 * instance x 1 + backup 30 = 130.00, for litellm and bifrost alike */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.infrastructure, 130.00, MONEY);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "bifrost")->cost.infrastructure, 130.00, MONEY);
	comparison_release(&cmp);
	/* compute scales with the instances: 1e9 requests, 3 litellm instances:
	 * 3 x 100 + 30 = 330.00; bifrost still 1 instance: 130.00 */
	s.requests_per_month.set = 1;
	s.requests_per_month.r = range_fixed(1e9);
	compare(&c, &s, &cmp);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "litellm/oss")->cost.infrastructure, 330.00, MONEY);
	ck_assert_double_eq_tol(must_row(&c, &cmp, "bifrost")->cost.infrastructure, 130.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(full_scenario)
{
	static const char *const text =
		"{ \"name\": \"Mid-size team\",\n"
		"  \"description\": \"the SPEC example\",\n"
		"  \"workload\": {\"api_spend\": 5000, \"requests_per_month\": 1000000,\n"
		"               \"tokens_per_day\": null, \"usd_per_mtok\": null,\n"
		"               \"peak_to_average\": 3, \"growth_pct_per_month\": 0,\n"
		"               \"mix\": [{\"model\": \"anthropic/claude-opus-4.8\", \"share\": 1,\n"
		"                        \"input_tokens\": 2000, \"output_tokens\": 500}]},\n"
		"  \"team\": {\"hourly_rate\": 150, \"maintenance_hours_per_month\": 16, \"setup_hours\": 30},\n"
		"  \"infrastructure\": {\"monthly\": 200},\n"
		"  \"routing\": {\"savings_pct\": 70},\n"
		"  \"options\": [\"litellm\", \"clawrouters\", \"openrouter\"],\n"
		"  \"overrides\": {\"openrouter\": {\"fee_pct\": 5}},\n"
		"  \"require\": [\"data-residency\"], \"max_latency_ms\": 50,\n"
		"  \"horizon_months\": 12 }\n";
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, text), LLMTCO_OK);
	ck_assert_str_eq(s.name, "Mid-size team");
	ck_assert(!s.tokens_per_day.set);
	ck_assert(!s.usd_per_mtok.set);
	ck_assert(s.peak_to_average.set);
	ck_assert_uint_eq(s.nmix, 1);
	ck_assert_str_eq(s.mix[0].model, "anthropic/claude-opus-4.8");
	ck_assert_double_eq_tol(s.mix[0].input_tokens.r.value, 2000, 1e-9);
	ck_assert_uint_eq(s.noptions, 3);
	ck_assert_str_eq(s.options[2], "openrouter");
	ck_assert_uint_eq(s.nrequire, 1);
	ck_assert_uint_eq(s.noverrides, 1);
	ck_assert_str_eq(s.overrides[0].target, "openrouter");
	ck_assert_str_eq(s.overrides[0].field, "fee_pct");
	ck_assert_str_eq(s.overrides[0].file, "s.json");
	ck_assert_int_eq(s.overrides[0].line, 12);
	ck_assert_double_eq_tol(s.max_latency_ms.r.value, 50, 1e-9);
	ck_assert_double_eq_tol(s.horizon_months.r.value, 12, 1e-9);
	ck_assert_double_eq_tol(s.routing_savings_pct.r.value, 70, 1e-9);
	compare(&c, &s, &cmp);
	/* clawrouters and openrouter have no data residency; litellm/enterprise
	 * needs a quote: litellm/oss is the one ranked */
	ck_assert_uint_eq(cmp.nrows, 1);
	ck_assert_uint_eq(cmp.nexcluded, 3);
	r = must_row(&c, &cmp, "litellm/oss");
	/* no smart routing: no savings; 200 infra; 16 x 150 + 30 x 150 / 12 =
	 * 2,400 + 375 = 2,775 engineering; 5,000 + 200 + 2,775 = 7,975.00 */
	ck_assert_double_eq_tol(r->cost.routing_savings, 0.00, MONEY);
	ck_assert_double_eq_tol(r->cost.infrastructure, 200.00, MONEY);
	ck_assert_double_eq_tol(r->cost.engineering, 2775.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 7975.00, MONEY);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(range_forms)
{
	static struct scenario s;

	scn_init(&s);
	ck_assert_int_eq(load_json(&s,
		"{\"team\": {\"hourly_rate\": [100, 200],"
		" \"maintenance_hours_per_month\": {\"low\": 1, \"mode\": 2, \"high\": 5},"
		" \"setup_hours\": {\"low\": 10, \"high\": 30}},"
		" \"workload\": {\"api_spend\": [5000, 5000]}}"), LLMTCO_OK);
	ck_assert(s.hourly_rate.set);
	ck_assert_double_eq_tol(s.hourly_rate.r.value, 150, 1e-9);
	ck_assert_double_eq_tol(s.hourly_rate.r.low, 100, 1e-9);
	ck_assert_double_eq_tol(s.hourly_rate.r.high, 200, 1e-9);
	ck_assert_int_eq(s.hourly_rate.r.shape, RANGE_UNIFORM);
	ck_assert_double_eq_tol(s.maintenance_hours.r.value, 2, 1e-9);
	ck_assert_double_eq_tol(s.maintenance_hours.r.low, 1, 1e-9);
	ck_assert_double_eq_tol(s.maintenance_hours.r.high, 5, 1e-9);
	ck_assert_int_eq(s.maintenance_hours.r.shape, RANGE_TRIANGULAR);
	ck_assert_double_eq_tol(s.setup_hours.r.value, 20, 1e-9);
	ck_assert_int_eq(s.setup_hours.r.shape, RANGE_UNIFORM);
	ck_assert_double_eq_tol(s.api_spend.r.value, 5000, 1e-9);
	ck_assert_int_eq(s.api_spend.r.shape, RANGE_FIXED);
	ck_assert(!s.requests_per_month.set);

	/* a second file layers on top: keys it gives replace, others stay */
	ck_assert_int_eq(load_json(&s, "{\"team\": {\"hourly_rate\": 90}}"), LLMTCO_OK);
	ck_assert_double_eq_tol(s.hourly_rate.r.value, 90, 1e-9);
	ck_assert_int_eq(s.hourly_rate.r.shape, RANGE_FIXED);
	ck_assert_double_eq_tol(s.maintenance_hours.r.value, 2, 1e-9);
	scenario_release(&s);
	scenario_release(&s);
	scenario_release(NULL);
}
END_TEST

/* ---- core: scenario errors at their file:line:col ---- */

START_TEST(json_unknown_key)
{
	json_fails("{\n"
		   "  \"workload\": {\n"
		   "    \"api_spend\": 5000,\n"
		   "    \"bogus\": 1\n"
		   "  }\n"
		   "}\n", 4, 5, "\"workload.bogus\" is not a known key");
	/* {"name": "x", "colour": 1}: the key at column 15 */
	json_fails("{\"name\": \"x\", \"colour\": 1}", 1, 15, "\"colour\" is not a known key");
	json_fails("{\n"
		   "  \"workload\": {\"requests_per_month\": 10,\n"
		   "    \"mix\": [{\"model\": \"x\", \"share\": 1, \"tokens\": 5}]}}\n", 3, 40,
		   "\"workload.mix[0].tokens\" is not a known key");
}
END_TEST

START_TEST(json_wrong_type)
{
	json_fails("{\n"
		   "  \"team\": {\n"
		   "    \"hourly_rate\": \"150\"\n"
		   "  }\n"
		   "}\n", 3, 20,
		   "\"team.hourly_rate\" must be a number, [low, high] or {\"low\", \"mode\", \"high\"}");
	json_fails("{\"team\": 5}", 1, 10, "\"team\" must be an object");
	json_fails("{\"options\": \"litellm\"}", 1, 13, "\"options\" must be an array of strings");
	json_fails("{\"options\": [\"litellm\", 3]}", 1, 25, "\"options[1]\" must be a non-empty string");
}
END_TEST

START_TEST(json_negative_money)
{
	json_fails("{\n"
		   "  \"workload\": {\n"
		   "    \"api_spend\": -5\n"
		   "  }\n"
		   "}\n", 3, 18, "\"workload.api_spend\" must be a non-negative number");
	/* {"team": {"hourly_rate": [-10, 10]}}: the range at column 26 */
	json_fails("{\"team\": {\"hourly_rate\": [-10, 10]}}", 1, 26,
		   "\"team.hourly_rate\" must be a non-negative number");
	json_fails("{\"routing\": {\"savings_pct\": 120}}", 1, 29,
		   "\"routing.savings_pct\" must be a percentage from 0 to 100");
}
END_TEST

START_TEST(json_shares_not_one)
{
	json_fails("{\n"
		   "  \"workload\": {\n"
		   "    \"requests_per_month\": 1000,\n"
		   "    \"mix\": [\n"
		   "      {\"model\": \"anthropic/claude-opus-4.8\", \"share\": 0.5},\n"
		   "      {\"model\": \"deepseek/deepseek-v4-flash\", \"share\": 0.3}\n"
		   "    ]\n"
		   "  }\n"
		   "}\n", 4, 12, "\"workload.mix\" shares sum to 0.8, not 1");
}
END_TEST

START_TEST(json_low_above_high)
{
	json_fails("{\n"
		   "  \"team\": {\"hourly_rate\": [200, 100]}\n"
		   "}\n", 2, 27, "\"team.hourly_rate\" low 200 is above high 100");
	json_fails("{\"team\": {\"hourly_rate\": {\"low\": 200, \"high\": 100}}}", 1, 26,
		   "\"team.hourly_rate\" low 200 is above high 100");
}
END_TEST

START_TEST(json_duplicate_key)
{
	json_fails("{\n"
		   "  \"team\": {\n"
		   "    \"hourly_rate\": 100,\n"
		   "    \"hourly_rate\": 150\n"
		   "  }\n"
		   "}\n", 4, 5, "\"team.hourly_rate\" is given twice");
	json_fails("{\"name\": \"a\",\n\"name\": \"b\"}", 2, 1, "\"name\" is given twice");
}
END_TEST

START_TEST(json_invalid)
{
	/* a missing comma: cJSON stops at the next key, 4:5 */
	json_fails("{\n"
		   "  \"workload\": {\n"
		   "    \"api_spend\": 5000\n"
		   "    \"requests_per_month\": 10\n"
		   "  }\n"
		   "}\n", 4, 5, "invalid JSON");
	json_fails("[1, 2]", 1, 1, "a scenario must be a JSON object");
	json_fails("  \n ", 1, 1, "empty file: expected a JSON object");
}
END_TEST

/* ---- limits ---- */

/* Text after the value is located at that text, not at the blank before it. */
START_TEST(json_trailing_text)
{
	json_fails("{\"workload\": {}} x", 1, 18, "unexpected text after the JSON value");
	json_fails("{\"workload\": {}}\n\n  ]", 3, 3, "unexpected text after the JSON value");
}
END_TEST

START_TEST(json_truncated)
{
	static struct scenario s;

	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\"workload\": {\"api_spend\": 5000\n"), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "invalid JSON: unexpected end of file");
	scenario_release(&s);
	/* the same without a final newline */
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\"workload\": {\"api_spend\": 5000"), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "invalid JSON: unexpected end of file");
	ck_assert_int_eq(err.line, 1);
	scenario_release(&s);
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\n  \"team\": {\"hourly_rate\": 1"), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "invalid JSON: unexpected end of file");
	ck_assert_int_eq(err.line, 2);
	scenario_release(&s);
}
END_TEST

START_TEST(json_range_limits)
{
	json_fails("{\"team\": {\"hourly_rate\": {\"low\": 1, \"avg\": 2, \"high\": 5}}}", 1, 37,
		   "\"team.hourly_rate.avg\" is not a range key: use low, mode and high");
	json_fails("{\"team\": {\"hourly_rate\": {\"low\": 1, \"mode\": 9, \"high\": 5}}}", 1, 26,
		   "\"team.hourly_rate\" mode 9 lies outside 1-5");
	json_fails("{\"team\": {\"hourly_rate\": [1, 2, 3]}}", 1, 26,
		   "\"team.hourly_rate\" range must be [low, high]");
	json_fails("{\"team\": {\"hourly_rate\": {\"low\": 1}}}", 1, 26,
		   "\"team.hourly_rate\" range needs \"low\" and \"high\"");
	json_fails("{\"team\": {\"hourly_rate\": [1, \"2\"]}}", 1, 30,
		   "\"team.hourly_rate[1]\" high must be a number");
	json_fails("{\"workload\": {\"peak_to_average\": 0.5}}", 1, 34,
		   "\"workload.peak_to_average\" must be a ratio of at least 1");
	json_fails("{\"horizon_months\": 0}", 1, 20,
		   "\"horizon_months\" must be a number of months from 1 to 1200");
	json_fails("{\"workload\": {\"requests_per_month\": 1e999}}", 1, 37,
		   "\"workload.requests_per_month\" value is out of range");
	/* {"workload": {"api_spend": 2e15}}: the value at column 28 */
	json_fails("{\"workload\": {\"api_spend\": 2e15}}", 1, 28,
		   "\"workload.api_spend\" is too large (at most 1000000000000000)");
	json_fails("{\"infrastructure\": {\"monthly\": 200, \"items\": {\"compute\": 5}}}", 1, 20,
		   "\"infrastructure\" has both \"monthly\" and \"items\": give one");
}
END_TEST

START_TEST(json_mix_limits)
{
	json_fails("{\"workload\": {\"mix\": [{\"model\": \"x\", \"share\": 1.5}]}}", 1, 47,
		   "\"workload.mix[0].share\" must be a share from 0 to 1");
	json_fails("{\"workload\": {\"mix\": [{\"share\": 1}]}}", 1, 23,
		   "\"workload.mix[0]\" needs a \"model\"");
	json_fails("{\"workload\": {\"mix\": [{\"model\": \"x\"}]}}", 1, 23,
		   "\"workload.mix[0]\" needs a \"share\"");
}
END_TEST

START_TEST(json_nul_byte)
{
	static const char text[] = "{\"name\": \"a\0b\"}";
	static struct scenario s;

	scn_init(&s);
	err_clear(&err);
	ck_assert_int_eq(scenario_load_json(&s, "s.json", text, sizeof(text) - 1, &err),
			 LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "file holds a NUL byte: not JSON text");
	scenario_release(&s);
}
END_TEST

START_TEST(override_errors)
{
	static struct catalog c;
	static struct scenario s;

	load_builtin(&c);
	/* "    \"nope\": {\"fee_pct\": 5}" on line 3 */
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\n  \"overrides\": {\n    \"nope\": {\"fee_pct\": 5}\n  }\n}\n"),
			 LLMTCO_OK);
	ck_assert_int_eq(tco_apply_overrides(&c, &s, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"overrides.nope\" is not a known option id");
	ck_assert_str_eq(err.file, "s.json");
	ck_assert_int_eq(err.line, 3); /* at the id */
	ck_assert_int_eq(err.col, 5);
	scenario_release(&s);

	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\"overrides\": {\"openrouter\": {\"colour\": 5}}}"),
			 LLMTCO_OK);
	ck_assert_int_eq(tco_apply_overrides(&c, &s, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg,
			 "\"overrides.openrouter.colour\": unknown field (see llmtco pricing show ID)");
	ck_assert_int_eq(err.line, 1);
	scenario_release(&s);

	scn_init(&s);
	/* {"overrides": {"openrouter": {"fee_pct": 150}}}: "fee_pct" at column 31 */
	ck_assert_int_eq(load_json(&s, "{\"overrides\": {\"openrouter\": {\"fee_pct\": 150}}}"),
			 LLMTCO_OK);
	ck_assert_int_eq(tco_apply_overrides(&c, &s, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"overrides.openrouter.fee_pct\": "
				  "\"fee_pct\" must be a percentage from 0 to 100");
	ck_assert_int_eq(err.line, 1);
	ck_assert_int_eq(err.col, 31); /* at the field's key */
	scenario_release(&s);

	/* a --set (no file): a usage error */
	scn_init(&s);
	s.overrides = calloc(1, sizeof(*s.overrides));
	ck_assert_ptr_nonnull(s.overrides);
	s.noverrides = 1;
	s.overrides[0].target = strdup("openrouter");
	s.overrides[0].field = strdup("fee_pct");
	s.overrides[0].text = strdup("abc");
	ck_assert_int_eq(tco_apply_overrides(&c, &s, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "--set \"openrouter.fee_pct\": \"fee_pct\" is not a number: \"abc\"");
	free(s.overrides[0].target);
	s.overrides[0].target = strdup("nope");
	ck_assert_int_eq(tco_apply_overrides(&c, &s, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "--set: unknown option id \"nope\" (see llmtco pricing list)");
	scenario_release(&s);
	catalog_release(&c);
}
END_TEST

START_TEST(compare_usage_errors)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "no workload: give --spend, --requests or --tokens-per-day "
				  "(or a scenario with a workload)");
	set(&s.tokens_per_day, 1e6);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "--tokens-per-day needs --usd-per-mtok (the blended price per 1M tokens)");
	scenario_release(&s);

	scn_init(&s);
	set(&s.api_spend, 5000);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "nope"), 0);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "unknown option id \"nope\" (see llmtco pricing list)");
	ck_assert_ptr_null(cmp.rows);
	scenario_release(&s);

	scn_init(&s);
	set(&s.api_spend, 5000);
	ck_assert_int_eq(strlist_add(&s.require, &s.nrequire, "gdpr"), 0);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_EUSAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown requirement \"gdpr\""));
	scenario_release(&s);

	/* a mix model the catalog does not price */
	scn_init(&s);
	ck_assert_int_eq(load_json(&s, "{\"workload\": {\"requests_per_month\": 10,"
				       " \"mix\": [{\"model\": \"acme/unknown\", \"share\": 1}]}}"),
			 LLMTCO_OK);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"workload.mix[0].model\": no price for \"acme/unknown\" "
				  "(add it with --pricing)");
	scenario_release(&s);
	comparison_release(NULL);
	catalog_release(&c);
}
END_TEST

START_TEST(cost_edges)
{
	static struct catalog c;
	struct tco_inputs in;
	struct cost_parts p;
	const struct option *o;

	load_builtin(&c);
	/* Portkey: exactly 100,000 logs included; one more starts a $9 block */
	o = opt(&c, "portkey/production");
	ck_assert_double_eq_tol(tco_usage_fees(o, 100000), 0.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(o, 100001), 9.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(o, 200000), 9.00, MONEY);
	/* 3,000,000: 29 blocks x 9 = 261.00 */
	ck_assert_double_eq_tol(tco_usage_fees(o, 3e6), 261.00, MONEY);
	/* Helicone at 10,000: nothing; at 3,000,000:
	 * 14 + 21 + 28 + 48.125 + 1.7M x 0.00004375 (74.375) + 500k x 0.00002 (10) = 195.50 */
	o = opt(&c, "helicone");
	ck_assert_double_eq_tol(tco_usage_fees(o, 10000), 0.00, MONEY);
	ck_assert_double_eq_tol(tco_usage_fees(o, 3e6), 195.50, 1e-6);

	/* exactly 1,000 peak RPS = 2 instances of 500, not 3:
	 * 876,000,000 / 2,628,000 x 3 = 1,000 */
	inputs(&in, 5000, 876e6, 3);
	ck_assert_double_eq_tol(workload_peak_rps(&in.w), 1000, 1e-6);
	ck_assert_double_eq_tol(tco_instances(opt(&c, "litellm/oss"), &in.w), 2, 1e-9);
	inputs(&in, 5000, 0, 3);
	ck_assert_double_eq_tol(tco_instances(opt(&c, "litellm/oss"), &in.w), 1, 1e-9);

	/* no spend: no fee, the minimum does not apply */
	inputs(&in, 0, 0, 3);
	tco_option_cost(opt(&c, "openrouter"), &in, &p);
	ck_assert_double_eq_tol(p.platform_fee, 0.00, MONEY);
	ck_assert_double_eq_tol(p.total, 0.00, MONEY);
	tco_option_cost(opt(&c, "openrouter-byok"), &in, &p);
	ck_assert_double_eq_tol(p.total, 0.00, MONEY);

	/* 100% routing savings */
	inputs(&in, 5000, 1e6, 3);
	in.routing_savings_pct = 100;
	tco_option_cost(opt(&c, "clawrouters"), &in, &p);
	ck_assert_double_eq_tol(p.routing_savings, -5000.00, MONEY);
	ck_assert_double_eq_tol(p.total, 0.00, MONEY);

	/* --infra replaces items and instances alike */
	inputs(&in, 5000, 1e9, 3);
	in.infra_set = 1;
	in.infra_monthly = 999;
	tco_option_cost(opt(&c, "litellm/oss"), &in, &p);
	ck_assert_double_eq_tol(p.infrastructure, 999.00, MONEY);
	/* ... and never reaches a managed option */
	tco_option_cost(opt(&c, "kong"), &in, &p);
	ck_assert_double_eq_tol(p.infrastructure, 0.00, MONEY);

	ck_assert_str_eq(cost_part_names[0], "api");
	ck_assert_str_eq(cost_part_names[8], "total");
	ck_assert_ptr_null(cost_part_names[9]);
	ck_assert_double_eq(cost_part(&p, -1), 0.0);
	ck_assert_double_eq(cost_part(&p, 9), 0.0);
	catalog_release(&c);
}
END_TEST

/* ---- breakeven: crossings in one variable (SPEC section 1, "Breakeven") ----
 *
 * Catalog figures used below (midpoints of the pricing/data ranges):
 * hourly rate (100+150)/2 = 125; litellm items compute 125 (per instance),
 * database 60, cache 32.5, load balancer 37.5, monitoring 110, networking
 * 10 = 375 with one instance; bifrost 125 + 37.5 + 110 + 10 = 282.50;
 * self-hosted maintenance (2+35)/2 = 18.5 h/month, setup (28+160)/2 = 94 h
 * over 12 months. OpenRouter 5.5% (minimum 0.80), no engineering.
 */

#define REL 1e-6 /* crossing values: relative */

/* be_pairs and sweeps a test holds, released by be_teardown even when an
 * assertion jumps out of the test (CK_FORK=no). Keep them in static storage. */
#define MAX_HELD_BE 8
static struct be_pair *held_pair[MAX_HELD_BE];
static size_t nheld_pair;
static struct sweep *held_sweep[MAX_HELD_BE];
static size_t nheld_sweep;

static void hold_pair(struct be_pair *p)
{
	size_t i;

	for (i = 0; i < nheld_pair; i++)
		if (held_pair[i] == p)
			return;
	ck_assert_uint_lt(nheld_pair, MAX_HELD_BE);
	held_pair[nheld_pair++] = p;
}

static void hold_sweep(struct sweep *sw)
{
	size_t i;

	for (i = 0; i < nheld_sweep; i++)
		if (held_sweep[i] == sw)
			return;
	ck_assert_uint_lt(nheld_sweep, MAX_HELD_BE);
	held_sweep[nheld_sweep++] = sw;
}

static void be_teardown(void)
{
	size_t i;

	for (i = 0; i < nheld_pair; i++)
		be_pair_release(held_pair[i]);
	for (i = 0; i < nheld_sweep; i++)
		sweep_release(held_sweep[i]);
	nheld_pair = nheld_sweep = 0;
}

/* The catalog index of option `key` (exactly one). */
static size_t ix(const struct catalog *c, const char *key)
{
	return (size_t)(opt(c, key) - c->options);
}

/* `target.field = v` through tco_apply_overrides, as --set gives it. */
static void override(struct catalog *c, const char *target, const char *field, double v)
{
	struct scenario t; /* holds only the override: nothing to release */
	struct override ov;

	scenario_init(&t);
	memset(&ov, 0, sizeof(ov));
	ov.target = (char *)target;
	ov.field = (char *)field;
	ov.num = range_fixed(v);
	t.overrides = &ov;
	t.noverrides = 1;
	err_clear(&err);
	ck_assert_msg(tco_apply_overrides(c, &t, &err) == LLMTCO_OK, "--set %s.%s: %s",
		      target, field, err.msg);
}

/* breakeven_pair of `a` and `b` on [0, max]; it must succeed. */
static void solve(const struct catalog *c, const struct scenario *s, enum be_var v,
		  const char *a, const char *b, double max, struct be_pair *out)
{
	hold_pair(out);
	err_clear(&err);
	ck_assert_msg(breakeven_pair(c, s, v, ix(c, a), ix(c, b), max, out, &err) == LLMTCO_OK,
		      "breakeven %s,%s: %s", a, b, err.msg);
}

/* Crossing k of p is at `value` (within `tol`), `below` cheaper below. */
static void crossing_is(const struct catalog *c, const struct be_pair *p, size_t k,
			double value, double tol, const char *below, const char *above,
			int at_step)
{
	const struct crossing *x;

	ck_assert_msg(k < p->n, "crossing %zu of %zu", k, p->n);
	x = &p->x[k];
	ck_assert_msg(fabs(x->value - value) <= tol, "crossing %zu at %.9g, want %.9g",
		      k, x->value, value);
	ck_assert_msg(x->cheaper_below == ix(c, below), "crossing %zu: %s/%s cheaper below, want %s",
		      k, c->options[x->cheaper_below].id, c->options[x->cheaper_below].plan, below);
	ck_assert_msg(x->cheaper_above == ix(c, above), "crossing %zu: %s/%s cheaper above, want %s",
		      k, c->options[x->cheaper_above].id, c->options[x->cheaper_above].plan, above);
	ck_assert_msg(x->at_step == at_step, "crossing %zu at %.9g: at_step %d, want %d",
		      k, x->value, x->at_step, at_step);
}

START_TEST(breakeven_analytic_5000)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;

	load_builtin(&c);
	scn_init(&s);
	set(&s.infra_monthly, 300);
	set(&s.maintenance_hours, 0);
	set(&s.setup_hours, 0);
	override(&c, "openrouter", "fee_pct", 6);
	/* litellm = S + 300 (no engineering); openrouter = S + max(0.06 S, 0.80)
	 * for S > 0 (0 at S = 0). 0.06 S = 300 -> S = 5,000.00 exactly.
	 * The 0.80 minimum steps at 0.80 / 0.06 = 13.33: litellm is 299.20
	 * dearer on both sides of it, so no crossing there. */
	solve(&c, &s, BE_SPEND, "litellm/oss", "openrouter", 100000, &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 5000.00, MONEY, "openrouter", "litellm/oss", 0);
	/* both cost 5,300.00 there */
	ck_assert_double_eq_tol(p.x[0].total, 5300.00, MONEY);
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "openrouter"));
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "litellm/oss"));
	ck_assert_int_eq(p.tie, 0);
	ck_assert_int_eq(p.limited, 0);
	ck_assert_double_eq_tol(p.max, 100000, 1e-9);
	ck_assert_uint_eq(p.a, ix(&c, "litellm/oss"));
	ck_assert_uint_eq(p.b, ix(&c, "openrouter"));

	/* the pair the other way round: the same crossing, same sides */
	be_pair_release(&p);
	solve(&c, &s, BE_SPEND, "openrouter", "litellm/oss", 100000, &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 5000.00, MONEY, "openrouter", "litellm/oss", 0);

	/* a range that ends before the crossing: none */
	be_pair_release(&p);
	solve(&c, &s, BE_SPEND, "litellm/oss", "openrouter", 4999, &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "openrouter"));
	be_pair_release(&p);
}
END_TEST

START_TEST(breakeven_instance_steps)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;
	/* after 3.2M: d(4M-) = 1600 - 2000 < 0; d(4M+) = 2000 - 2000 = 0; then < 0 */
	static const double at[7] = { 8e5, 1e6, 1.6e6, 2e6, 2.4e6, 3e6, 3.2e6 };
	static const double total[7] = { 4400, 5400, 8800, 10800, 13200, 16200, 17600 };
	size_t k;

	load_builtin(&c);
	scn_init(&s);
	set(&s.peak_to_average, 2.628);
	set(&s.maintenance_hours, 0);
	set(&s.setup_hours, 0);
	s.items = calloc(1, sizeof(*s.items));
	ck_assert_ptr_nonnull(s.items);
	s.nitems = 1;
	strcpy(s.items[0].name, "compute");
	set(&s.items[0].usd, 400);
	override(&c, "litellm/oss", "rps_per_instance", 1);
	override(&c, "openrouter", "fee_pct", 10);
	/* peak RPS = R / (730 x 3600) x 2.628 = R / 1e6; instances = max(1,
	 * ceil(R / 1e6)). Spend = 0.005 R (seed figure), so
	 *   openrouter = 0.005 R + 0.10 x 0.005 R = api + 0.0005 R
	 *   litellm    = 0.005 R + 400 x instances
	 * d = litellm - openrouter = 400 n - 0.0005 R:
	 *   n=1 (0, 1M]:  400 - 0.0005 R = 0 at   800,000 (smooth)
	 *   at 1M: -100 -> +300 (step, litellm cheaper below)
	 *   n=2 (1M, 2M]: 800 - 0.0005 R = 0 at 1,600,000
	 *   at 2M: -200 -> +200 (step)
	 *   n=3 (2M, 3M]: 1200 - 0.0005 R = 0 at 2,400,000
	 *   at 3M: -300 -> +100 (step)
	 *   n=4 (3M, 4M]: 1600 - 0.0005 R = 0 at 3,200,000
	 *   at 4M: -400 -> 0 (equal to the cent: not a sign change); then < 0.
	 * Totals of the one cheaper below: openrouter at 800k 4,000 + 400 =
	 * 4,400; litellm at 1M 5,000 + 400 = 5,400; openrouter at 1.6M 8,000
	 * + 800 = 8,800; litellm at 2M 10,000 + 800 = 10,800; 2.4M 12,000 +
	 * 1,200 = 13,200; 3M 15,000 + 1,200 = 16,200; 3.2M 16,000 + 1,600 =
	 * 17,600. The 0.80 fee minimum steps at R = 1,600: no crossing. */
	solve(&c, &s, BE_REQUESTS, "litellm/oss", "openrouter", 5e6, &p);
	ck_assert_uint_eq(p.n, 7);
	for (k = 0; k < 7; k++) {
		int step = k % 2 == 1;
		crossing_is(&c, &p, k, at[k], at[k] * REL,
			    step ? "litellm/oss" : "openrouter",
			    step ? "openrouter" : "litellm/oss", step);
		ck_assert_msg(fabs(p.x[k].total - total[k]) <= MONEY, "crossing %zu total %.4f, want %.2f",
			      k, p.x[k].total, total[k]);
	}
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "openrouter"));
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "litellm/oss"));
	ck_assert_int_eq(p.tie, 0);
	be_pair_release(&p);

	/* on [0, 4.5M] the range ends in the equal-then-cheaper piece: still 7 */
	solve(&c, &s, BE_REQUESTS, "litellm/oss", "openrouter", 4.5e6, &p);
	ck_assert_uint_eq(p.n, 7);
	be_pair_release(&p);
}
END_TEST

START_TEST(breakeven_tier_steps)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 10000);
	set(&s.infra_monthly, 100);
	set(&s.maintenance_hours, 0);
	set(&s.setup_hours, 0);
	/* spend fixed: the api part cancels. litellm = 10,000 + 100;
	 * portkey = 10,000 + 49 + 9 x b, b = started 100k blocks over 100k.
	 * d = litellm - portkey = 51 - 9 b: b=5 (500k, 600k]: +6 (portkey
	 * cheaper); b=6 (600k, 700k]: -3. One crossing, at the step 600,000;
	 * portkey there: 10,000 + 49 + 45 = 10,094.00. */
	solve(&c, &s, BE_REQUESTS, "litellm/oss", "portkey/production", 3e6, &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 600000, 600000 * REL, "portkey/production", "litellm/oss", 1);
	ck_assert_double_eq_tol(p.x[0].total, 10094.00, MONEY);
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "portkey/production"));
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "litellm/oss"));
	/* 3,000,000 is the plan limit itself: not cut short */
	ck_assert_int_eq(p.limited, 0);
	ck_assert_double_eq_tol(p.max, 3e6, 1e-6);
	be_pair_release(&p);

	/* --max 4e6: Portkey Production stops at 3,000,000 logs */
	solve(&c, &s, BE_REQUESTS, "litellm/oss", "portkey/production", 4e6, &p);
	ck_assert_int_eq(p.limited, 1);
	ck_assert_uint_eq(p.limited_by, ix(&c, "portkey/production"));
	ck_assert_double_eq_tol(p.max, 3e6, 1e-6);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 600000, 600000 * REL, "portkey/production", "litellm/oss", 1);
	be_pair_release(&p);
}
END_TEST

START_TEST(breakeven_byok_curve)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 10000);
	override(&c, "vercel", "monthly_usd", 250);
	/* spend fixed at 10,000; R requests. BYOK fee = 5% x 10,000 x
	 * (R - 1e6) / R = 500 (1 - 1e6/R) for R > 1e6, 0 below.
	 * vercel = 10,000 + 250. 500 (1 - 1e6/R) = 250 -> R = 2,000,000;
	 * openrouter-byok cheaper below; both 10,250.00 there. */
	solve(&c, &s, BE_REQUESTS, "openrouter-byok", "vercel", 1e7, &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 2e6, 2e6 * REL, "openrouter-byok", "vercel", 0);
	ck_assert_double_eq_tol(p.x[0].total, 10250.00, MONEY);
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "openrouter-byok"));
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "vercel"));
	be_pair_release(&p);

	/* the default range (1e8): the fee tends to 500, still one crossing */
	solve(&c, &s, BE_REQUESTS, "vercel", "openrouter-byok", be_default_max(BE_REQUESTS), &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 2e6, 2e6 * REL, "openrouter-byok", "vercel", 0);
	be_pair_release(&p);
}
END_TEST

START_TEST(breakeven_rate_linear)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;
	const double r = 817.5 / (18.5 + 94.0 / 12.0);

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 20000);
	/* 20,000 / 0.005 = 4M requests: peak 4M / 2,628,000 x 3 = 4.57 RPS,
	 * one bifrost instance: infrastructure 282.50.
	 * bifrost    = 20,000 + 282.50 + rate x (18.5 + 94/12 = 26.3333)
	 * openrouter = 20,000 x 1.055 = 21,100.00
	 * 282.5 + 26.3333 r = 1,100 -> r = 817.5 x 3 / 79 = 31.044304 */
	ck_assert_double_eq_tol(r, 31.0443038, 1e-6);
	solve(&c, &s, BE_RATE, "bifrost", "openrouter", be_default_max(BE_RATE), &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, r, 1e-4, "bifrost", "openrouter", 0);
	ck_assert_double_eq_tol(p.x[0].total, 21100.00, MONEY);
	ck_assert_double_eq_tol(p.max, 500, 1e-9);
	be_pair_release(&p);

	/* in hours at rate 125: 282.5 + 125 (h + 94/12) = 1,100
	 * -> h = 817.5 / 125 - 7.8333 = -1.29: bifrost dearer everywhere */
	solve(&c, &s, BE_HOURS, "bifrost", "openrouter", be_default_max(BE_HOURS), &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "openrouter"));
	/* at rate 20: 282.5 + 20 (h + 7.8333) = 1,100 -> h = 33.0417 */
	set(&s.hourly_rate, 20);
	be_pair_release(&p);
	solve(&c, &s, BE_HOURS, "bifrost", "openrouter", be_default_max(BE_HOURS), &p);
	ck_assert_uint_eq(p.n, 1);
	crossing_is(&c, &p, 0, 817.5 / 20 - 94.0 / 12, 1e-4, "bifrost", "openrouter", 0);
	be_pair_release(&p);
}
END_TEST

START_TEST(breakeven_none_and_tie)
{
	static struct catalog c;
	static struct scenario s;
	static struct be_pair p;

	load_builtin(&c);
	scn_init(&s);
	/* clawrouters = S (no fee, routing savings 0 by default); litellm = S
	 * + 375 + 125 x 26.3333 = S + 3,666.67 (one instance up to 20M
	 * requests: 22.8 RPS): clawrouters cheaper everywhere */
	solve(&c, &s, BE_SPEND, "clawrouters", "litellm/oss", be_default_max(BE_SPEND), &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(p.tie, 0);
	ck_assert_uint_eq(p.cheaper_at_0, ix(&c, "clawrouters"));
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "clawrouters"));
	be_pair_release(&p);

	/* vercel and clawrouters both cost exactly the spend: a tie */
	solve(&c, &s, BE_SPEND, "vercel", "clawrouters", 1e5, &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(p.tie, 1);
	be_pair_release(&p);

	/* vercel and cloudflare/byok cost exactly the spend up to 10M logs
	 * (spend 50,000): a tie on [0, 50,000] */
	solve(&c, &s, BE_SPEND, "vercel", "cloudflare/byok", 50000, &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(p.tie, 1);
	be_pair_release(&p);
	/* beyond, Cloudflare's Logpush costs 0.05 per 1M logs over 10M (at
	 * 100,000: 10M x 0.05 / 1M = 0.50): equal, then vercel cheaper. Going
	 * from equal to cheaper is not a sign change: no crossing, no tie. */
	solve(&c, &s, BE_SPEND, "vercel", "cloudflare/byok", 1e5, &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(p.tie, 0);
	ck_assert_uint_eq(p.cheaper_at_max, ix(&c, "vercel"));
	be_pair_release(&p);

	/* a range not above 0 */
	hold_pair(&p);
	ck_assert_int_eq(breakeven_pair(&c, &s, BE_SPEND, ix(&c, "vercel"),
					ix(&c, "clawrouters"), 0, &p, &err), LLMTCO_EUSAGE);
	ck_assert_uint_eq(p.n, 0);
}
END_TEST

START_TEST(breakeven_pairs_default_and_between)
{
	static struct catalog c;
	static struct scenario s;
	static size_t *pairs;
	size_t n = 99, i;
	int rc;

	load_builtin(&c);
	scn_init(&s);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "litellm/oss"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "bifrost"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "openrouter"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "zenmux"), 0);
	/* self-hosted {litellm/oss, bifrost} x managed {openrouter}: zenmux
	 * needs a quote. Catalog order: litellm first. */
	err_clear(&err);
	rc = breakeven_pairs(&c, &s, BE_SPEND, NULL, NULL, &pairs, &n, &err);
	{
		size_t got[4] = { 0, 0, 0, 0 }, m = n;
		for (i = 0; i < 4 && i < 2 * n; i++)
			got[i] = pairs[i];
		free(pairs);
		pairs = NULL;
		ck_assert_msg(rc == LLMTCO_OK, "pairs: %s", err.msg);
		ck_assert_uint_eq(m, 2);
		ck_assert_uint_eq(got[0], ix(&c, "litellm/oss"));
		ck_assert_uint_eq(got[1], ix(&c, "openrouter"));
		ck_assert_uint_eq(got[2], ix(&c, "bifrost"));
		ck_assert_uint_eq(got[3], ix(&c, "openrouter"));
	}

	/* --between litellm/oss,portkey: developer and production, not the
	 * quote-only enterprise plan */
	err_clear(&err);
	rc = breakeven_pairs(&c, &s, BE_SPEND, "litellm/oss", "portkey", &pairs, &n, &err);
	{
		size_t got[4] = { 0, 0, 0, 0 }, m = n;
		for (i = 0; i < 4 && i < 2 * n; i++)
			got[i] = pairs[i];
		free(pairs);
		pairs = NULL;
		ck_assert_msg(rc == LLMTCO_OK, "--between: %s", err.msg);
		ck_assert_uint_eq(m, 2);
		ck_assert_uint_eq(got[0], ix(&c, "litellm/oss"));
		ck_assert_uint_eq(got[1], ix(&c, "portkey/developer"));
		ck_assert_uint_eq(got[2], ix(&c, "litellm/oss"));
		ck_assert_uint_eq(got[3], ix(&c, "portkey/production"));
	}

	/* an unknown id */
	err_clear(&err);
	ck_assert_int_eq(breakeven_pairs(&c, &s, BE_SPEND, "litellm/oss", "nope", &pairs, &n, &err),
			 LLMTCO_EUSAGE);
	ck_assert_ptr_null(pairs);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "\"nope\""));
	ck_assert_int_eq(breakeven_pairs(&c, &s, BE_SPEND, "nope", "openrouter", &pairs, &n, &err),
			 LLMTCO_EUSAGE);
	ck_assert_ptr_null(pairs);

	/* only managed options selected: nothing to pair */
	scenario_release(&s);
	scn_init(&s);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "openrouter"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "vercel"), 0);
	ck_assert_int_eq(breakeven_pairs(&c, &s, BE_SPEND, NULL, NULL, &pairs, &n, &err),
			 LLMTCO_EUSAGE);
	ck_assert_ptr_null(pairs);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(breakeven_inputs_at)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	struct tco_inputs in;
	enum be_var v;

	load_builtin(&c);
	scn_init(&s);
	err_clear(&err);
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_TOKENS, 1e6, &in, NULL, &err), LLMTCO_EUSAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "usd-per-mtok"));
	/* 1,000,000 tokens/day x 365/12 days x $12 / 1M tokens = 365.00;
	 * requests from the seed figure: 365 / 0.005 = 73,000 */
	set(&s.usd_per_mtok, 12);
	err_clear(&err);
	memset(&cmp, 0, sizeof(cmp));
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_TOKENS, 1e6, &in, &cmp, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(in.w.api_spend, 365.00, MONEY);
	ck_assert_double_eq_tol(in.w.requests, 73000, 1e-6);
	ck_assert(cmp.assumed & ASSUME_SPEND_FROM_TOKENS);
	/* the variable replaces a spend the scenario gives */
	set(&s.api_spend, 5000);
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_TOKENS, 1e6, &in, NULL, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(in.w.api_spend, 365.00, MONEY);
	s.usd_per_mtok.set = 0;
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_SPEND, 777, &in, NULL, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(in.w.api_spend, 777.00, MONEY);
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_HOURS, 7, &in, NULL, &err), LLMTCO_OK);
	ck_assert_int_eq(in.maintenance_set, 1);
	ck_assert_double_eq_tol(in.maintenance_hours, 7, 1e-9);
	ck_assert_int_eq(tco_inputs_at(&c, &s, BE_RATE, 90, &in, NULL, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(in.hourly_rate, 90, 1e-9);

	ck_assert_int_eq(be_var_parse("tokens-per-day", &v), 0);
	ck_assert_int_eq(v, BE_TOKENS);
	ck_assert_int_eq(be_var_parse("volume", &v), -1);
	ck_assert_str_eq(be_var_name(BE_RATE), "rate");
	ck_assert_double_eq_tol(be_default_max(BE_SPEND), 1e5, 1e-9);
}
END_TEST

/* ---- sweep: every option's cost over a grid ---- */

/* The sweep's cost of option k at point i. */
static const struct cost_parts *sw_cost(const struct sweep *sw, size_t i, size_t k)
{
	return &sw->cost[i * sw->nopts + k];
}

/* The pair (a, b) of a sweep, or NULL. */
static const struct be_pair *sw_pair(const struct catalog *c, const struct sweep *sw,
				     const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < sw->npairs; i++)
		if (sw->pairs[i].a == ix(c, a) && sw->pairs[i].b == ix(c, b))
			return &sw->pairs[i];
	return NULL;
}

static void sweep_ok(const struct catalog *c, const struct scenario *s, enum be_var v,
		     double from, double to, size_t n, int log, struct sweep *sw)
{
	hold_sweep(sw);
	err_clear(&err);
	ck_assert_msg(sweep_run(c, s, v, from, to, n, log, sw, &err) == LLMTCO_OK,
		      "sweep: %s", err.msg);
}

START_TEST(sweep_matches_compare)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	static struct sweep sw;
	size_t i, k, pd = 0;

	load_builtin(&c);
	scn_init(&s);
	sweep_ok(&c, &s, BE_SPEND, 0, 10000, 3, 0, &sw);
	ck_assert_uint_eq(sw.n, 3);
	ck_assert_int_eq(sw.v, BE_SPEND);
	ck_assert_double_eq_tol(sw.x[0], 0, 1e-9);
	ck_assert_double_eq_tol(sw.x[1], 5000, 1e-9);
	ck_assert_double_eq_tol(sw.x[2], 10000, 1e-9);
	ck_assert_uint_gt(sw.nopts, 0);
	for (i = 0; i < sw.n; i++) {
		/* --spend x[i]: every priced option costs what compare says */
		set(&s.api_spend, sw.x[i]);
		compare(&c, &s, &cmp);
		for (k = 0; k < sw.nopts; k++) {
			const struct option *o = &c.options[sw.opts[k]];
			const struct tco_row *r = NULL;
			size_t j;
			for (j = 0; j < cmp.nrows; j++)
				if (cmp.rows[j].option == sw.opts[k])
					r = &cmp.rows[j];
			if (!sw.priced[i * sw.nopts + k]) {
				ck_assert_msg(r == NULL, "%s/%s at %g: unpriced but ranked",
					      o->id, o->plan, sw.x[i]);
				continue;
			}
			ck_assert_msg(r != NULL, "%s/%s at %g: priced but not ranked",
				      o->id, o->plan, sw.x[i]);
			ck_assert_msg(fabs(sw_cost(&sw, i, k)->total - r->cost.total) <= MONEY,
				      "%s/%s at %g: sweep %.4f, compare %.4f", o->id, o->plan,
				      sw.x[i], sw_cost(&sw, i, k)->total, r->cost.total);
		}
		/* every ranked row is in the sweep */
		for (k = 0; k < cmp.nrows; k++) {
			size_t j, found = 0;
			for (j = 0; j < sw.nopts; j++)
				found += sw.opts[j] == cmp.rows[k].option;
			ck_assert_uint_eq(found, 1);
		}
		comparison_release(&cmp);
	}
	/* portkey/developer: 10,000 requests = spend 50; priced at 0, not at
	 * 5,000 (1M requests) or 10,000 */
	for (k = 0; k < sw.nopts; k++)
		if (sw.opts[k] == ix(&c, "portkey/developer"))
			pd = k + 1;
	ck_assert_uint_gt(pd, 0);
	ck_assert_int_eq(sw.priced[0 * sw.nopts + pd - 1], 1);
	ck_assert_int_eq(sw.priced[1 * sw.nopts + pd - 1], 0);
	ck_assert_int_eq(sw.priced[2 * sw.nopts + pd - 1], 0);
	/* routers and quotes are not swept */
	for (k = 0; k < sw.nopts; k++) {
		ck_assert_uint_ne(sw.opts[k], ix(&c, "zenmux"));
		ck_assert_uint_ne(sw.opts[k], ix(&c, "routellm"));
	}
	/* a figure by hand: openrouter at 5,000 = 5,275.00 */
	for (k = 0; k < sw.nopts; k++)
		if (sw.opts[k] == ix(&c, "openrouter"))
			ck_assert_double_eq_tol(sw_cost(&sw, 1, k)->total, 5275.00, MONEY);
	sweep_release(&sw);
}
END_TEST

START_TEST(sweep_log_grid_and_errors)
{
	static struct catalog c;
	static struct scenario s;
	static struct sweep sw;
	static const double want[4] = { 1000, 10000, 100000, 1e6 };
	size_t i;

	load_builtin(&c);
	scn_init(&s);
	/* 1000 x 1000^(i/3): 1000, 10000, 100000, 1e6 */
	sweep_ok(&c, &s, BE_SPEND, 1000, 1e6, 4, 1, &sw);
	ck_assert_uint_eq(sw.n, 4);
	for (i = 0; i < 4; i++)
		ck_assert_msg(fabs(sw.x[i] - want[i]) <= want[i] * 1e-9, "x[%zu] = %.12g", i, sw.x[i]);
	sweep_release(&sw);

	hold_sweep(&sw);
	ck_assert_int_eq(sweep_run(&c, &s, BE_SPEND, 0, 100, 1, 0, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_ptr_null(sw.x);
	ck_assert_int_eq(sweep_run(&c, &s, BE_SPEND, 0, 100, 0, 0, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(sweep_run(&c, &s, BE_SPEND, 100, 100, 3, 0, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(sweep_run(&c, &s, BE_SPEND, 200, 100, 3, 0, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(sweep_run(&c, &s, BE_SPEND, 0, 100, 3, 1, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_ptr_null(sw.x);
	ck_assert_ptr_null(sw.pairs);
	/* tokens without a price */
	ck_assert_int_eq(sweep_run(&c, &s, BE_TOKENS, 0, 100, 3, 0, &sw, &err), LLMTCO_EUSAGE);
	ck_assert_ptr_null(sw.x);
}
END_TEST

START_TEST(sweep_crossings_in_range)
{
	static struct catalog c;
	static struct scenario s;
	static struct sweep sw;
	const struct be_pair *p;
	size_t i, k;

	load_builtin(&c);
	scn_init(&s);
	/* litellm = S + 375 + 125 x (18.5 + 94/12) = S + 3,666.67;
	 * openrouter = 1.055 S: 0.055 S = 3,666.67 -> S = 66,666.67 */
	sweep_ok(&c, &s, BE_SPEND, 20000, 100000, 5, 0, &sw);
	p = sw_pair(&c, &sw, "litellm/oss", "openrouter");
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->n, 1);
	crossing_is(&c, p, 0, 200000.0 / 3, MONEY, "openrouter", "litellm/oss", 0);
	/* every pair is self-hosted x managed; every crossing kept is >= from */
	for (i = 0; i < sw.npairs; i++) {
		ck_assert_int_eq(c.options[sw.pairs[i].a].deployment, DEPLOY_SELF_HOSTED);
		ck_assert_int_eq(c.options[sw.pairs[i].b].deployment, DEPLOY_MANAGED);
		for (k = 0; k < sw.pairs[i].n; k++)
			ck_assert(sw.pairs[i].x[k].value >= 20000);
	}
	sweep_release(&sw);

	sweep_ok(&c, &s, BE_SPEND, 70000, 100000, 2, 0, &sw);
	p = sw_pair(&c, &sw, "litellm/oss", "openrouter");
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->n, 0);
	sweep_release(&sw);

	/* only managed options: no pairs, still a sweep */
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "openrouter"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "vercel"), 0);
	sweep_ok(&c, &s, BE_SPEND, 0, 1000, 2, 0, &sw);
	ck_assert_uint_eq(sw.nopts, 2);
	ck_assert_uint_eq(sw.npairs, 0);
	sweep_release(&sw);
}
END_TEST

/* ---- routing policies ---- */

static void mix_one(struct scenario *s, const char *model, double share, double in,
		    double out)
{
	struct mix_entry *m = realloc(s->mix, (s->nmix + 1) * sizeof(*m));

	ck_assert_ptr_nonnull(m);
	s->mix = m;
	m = &m[s->nmix++];
	memset(m, 0, sizeof(*m));
	m->model = strdup(model);
	set(&m->share, share);
	set(&m->input_tokens, in);
	set(&m->output_tokens, out);
}

static void route_one(struct scenario *s, const char *from, const char *to, double pct)
{
	struct route *r = realloc(s->routes, (s->nroutes + 1) * sizeof(*r));

	ck_assert_ptr_nonnull(r);
	s->routes = r;
	r = &r[s->nroutes++];
	memset(r, 0, sizeof(*r));
	r->from = strdup(from);
	r->to = strdup(to);
	set(&r->share_pct, pct);
}

START_TEST(routing_saving_by_hand)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	struct routing_result rr;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.requests_per_month, 1e6);
	/* 2,000 input and 500 output tokens a request on a $5/$25 model:
	 * 0.002 x 5 + 0.0005 x 25 = $0.0225 a request */
	mix_one(&s, "anthropic/claude-opus-4.8", 1, 2000, 500);
	/* 60% moved to a $0.10/$0.20 model: 0.002 x 0.10 + 0.0005 x 0.20 =
	 * $0.0003; after = 0.4 x 0.0225 + 0.6 x 0.0003 = $0.00918 a request */
	route_one(&s, "anthropic/claude-opus-4.8", "deepseek/deepseek-v4-flash", 60);
	ck_assert_int_eq(routing_run(&c, &s, &rr, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(rr.before, 0.0225, 1e-12);
	ck_assert_double_eq_tol(rr.after, 0.00918, 1e-12);
	ck_assert_double_eq_tol(rr.saving_pct, 59.2, 1e-9);
	ck_assert_uint_eq(rr.n, 2);
	ck_assert_double_eq_tol(rr.m[0].share_after, 0.4, 1e-12);
	ck_assert_double_eq_tol(rr.m[1].share_after, 0.6, 1e-12);
	routing_release(&rr);
	/* at 1,000,000 requests: $22,500.00 of spend, $13,320.00 saved on a
	 * smart-routing option, none on one without smart routing */
	hold_cmp(&cmp);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(cmp.w.api_spend, 22500.00, MONEY);
	r = must_row(&c, &cmp, "clawrouters");
	ck_assert_double_eq_tol(r->cost.routing_savings, -13320.00, MONEY);
	ck_assert_double_eq_tol(r->cost.total, 9180.00, MONEY);
	r = must_row(&c, &cmp, "openrouter");
	ck_assert_double_eq_tol(r->cost.routing_savings, 0, MONEY);
	r = must_row(&c, &cmp, "litellm/oss");
	ck_assert_double_eq_tol(r->cost.routing_savings, 0, MONEY);
}
END_TEST

START_TEST(router_add_on_on_self_hosted)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	const struct tco_row *r;

	load_builtin(&c);
	scn_init(&s);
	set(&s.requests_per_month, 1e6);
	mix_one(&s, "anthropic/claude-opus-4.8", 1, 2000, 500);
	route_one(&s, "anthropic/claude-opus-4.8", "deepseek/deepseek-v4-flash", 60);
	s.router = strdup("routellm");
	/* a router with 10 setup hours and 2 hours a month, $50 a month */
	ck_assert_int_eq(option_set_range((struct option *)opt(&c, "routellm"),
					  field_find("setup_hours"), range_fixed(12), &err), LLMTCO_OK);
	ck_assert_int_eq(option_set_range((struct option *)opt(&c, "routellm"),
					  field_find("maintenance_hours"), range_fixed(2), &err), LLMTCO_OK);
	ck_assert_int_eq(option_set_range((struct option *)opt(&c, "routellm"),
					  field_find("monthly_usd"), range_fixed(50), &err), LLMTCO_OK);
	hold_cmp(&cmp);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_OK);
	r = must_row(&c, &cmp, "litellm/oss");
	/* saving applied; +$50 subscription; engineering +2 h x 125 + 12 h x 125 / 12 */
	ck_assert_double_eq_tol(r->cost.routing_savings, -13320.00, MONEY);
	ck_assert_double_eq_tol(r->cost.subscription, 50.00, MONEY);
	ck_assert_double_eq_tol(r->cost.engineering, 3291.67 + 250 + 125, MONEY);
	/* managed options without smart routing get nothing from the router */
	ck_assert_double_eq_tol(must_row(&c, &cmp, "openrouter")->cost.routing_savings, 0, MONEY);
}
END_TEST

START_TEST(routing_errors)
{
	static struct catalog c;
	static struct scenario s;
	struct routing_result rr;

	load_builtin(&c);
	scn_init(&s);
	route_one(&s, "anthropic/claude-opus-4.8", "deepseek/deepseek-v4-flash", 60);
	ck_assert_int_eq(routing_run(&c, &s, &rr, &err), LLMTCO_EUSAGE); /* no mix */
	mix_one(&s, "openai/gpt-5.5", 1, 1000, 100);
	ck_assert_int_eq(routing_run(&c, &s, &rr, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "route from \"anthropic/claude-opus-4.8\": no such model in the mix");
	free(s.routes[0].to);
	s.routes[0].from[0] = 'x'; /* "xnthropic/...": no price */
	s.routes[0].to = strdup("deepseek/deepseek-v4-flash");
	ck_assert_int_eq(routing_run(&c, &s, &rr, &err), LLMTCO_EDATA);
	ck_assert_ptr_nonnull(strstr(err.msg, "has no price"));
}
END_TEST

Suite *make_scenarios_suite(void)
{
	Suite *s = suite_create("scenarios");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");
	TCase *breakeven = tcase_create("breakeven");
	TCase *sweep = tcase_create("sweep");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_test(core, spend_5000_openrouter);
	tcase_add_test(core, portkey_and_helicone_at_1m);
	tcase_add_test(core, usage_fee_tiers);
	tcase_add_test(core, kong_at_2_5m_requests);
	tcase_add_test(core, litellm_instances_grow_with_peak_rps);
	tcase_add_test(core, litellm_default_engineering);
	tcase_add_test(core, scenario_infra_and_team);
	tcase_add_test(core, setup_amortized_over_horizon);
	tcase_add_test(core, routing_savings_smart_routers_only);
	tcase_add_test(core, openrouter_fee_minimum_and_byok);
	tcase_add_test(core, quotes_excluded_until_contract);
	tcase_add_test(core, plan_limit_excludes);
	tcase_add_test(core, requirements_and_latency);
	tcase_add_test(core, ranked_ascending_by_total);
	tcase_add_test(core, spend_from_tokens_mix_and_requests);
	tcase_add_test(core, assumptions_said_out_loud);
	tcase_add_test(core, scenario_overrides_apply);
	tcase_add_test(core, scenario_items);
	tcase_add_test(core, full_scenario);
	tcase_add_test(core, range_forms);
	tcase_add_test(core, json_unknown_key);
	tcase_add_test(core, json_wrong_type);
	tcase_add_test(core, json_negative_money);
	tcase_add_test(core, json_shares_not_one);
	tcase_add_test(core, json_low_above_high);
	tcase_add_test(core, json_duplicate_key);
	tcase_add_test(core, json_invalid);
	suite_add_tcase(s, core);

	tcase_add_test(limits, json_trailing_text);
	tcase_add_test(limits, json_truncated);
	tcase_add_test(limits, json_range_limits);
	tcase_add_test(limits, json_mix_limits);
	tcase_add_test(limits, json_nul_byte);
	tcase_add_test(limits, override_errors);
	tcase_add_test(limits, compare_usage_errors);
	tcase_add_test(limits, cost_edges);
	suite_add_tcase(s, limits);

	tcase_add_checked_fixture(breakeven, NULL, fixture_teardown);
	tcase_add_checked_fixture(breakeven, NULL, be_teardown);
	tcase_add_test(breakeven, breakeven_analytic_5000);
	tcase_add_test(breakeven, breakeven_instance_steps);
	tcase_add_test(breakeven, breakeven_tier_steps);
	tcase_add_test(breakeven, breakeven_byok_curve);
	tcase_add_test(breakeven, breakeven_rate_linear);
	tcase_add_test(breakeven, breakeven_none_and_tie);
	tcase_add_test(breakeven, breakeven_pairs_default_and_between);
	tcase_add_test(breakeven, breakeven_inputs_at);
	suite_add_tcase(s, breakeven);

	tcase_add_checked_fixture(sweep, NULL, fixture_teardown);
	tcase_add_checked_fixture(sweep, NULL, be_teardown);
	tcase_add_test(sweep, sweep_matches_compare);
	tcase_add_test(sweep, sweep_log_grid_and_errors);
	tcase_add_test(sweep, sweep_crossings_in_range);
	suite_add_tcase(s, sweep);
	{
		TCase *routing = tcase_create("routing");
		tcase_add_checked_fixture(routing, NULL, fixture_teardown);
		tcase_add_test(routing, routing_saving_by_hand);
		tcase_add_test(routing, router_add_on_on_self_hosted);
		tcase_add_test(routing, routing_errors);
		suite_add_tcase(s, routing);
	}
	return s;
}
