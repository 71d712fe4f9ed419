/*
 * test_project.c - scenarios/project: cost over time, strategies, payback
 * and NPV, on the built-in catalog. Every figure is worked out by hand in a
 * comment.
 */
#include "suites.h"
#include "fixture.h"
#include "../scenarios/project.h"

#include <math.h>
#include <string.h>

#define MONEY 0.005 /* to the cent */

static struct llmtco_err err;
static struct projection held;

static void held_release(void)
{
	projection_release(&held);
}

static size_t opt(const struct catalog *c, const char *key)
{
	size_t idx[1];

	ck_assert_msg(catalog_match(c, key, idx, 1) == 1, "no single option %s", key);
	return idx[0];
}

static const struct strategy *find(const struct projection *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nstrategies; i++)
		if (!strcmp(p->strategies[i].id, id))
			return &p->strategies[i];
	ck_abort_msg("no strategy %s", id);
	return NULL;
}

static void run(struct catalog *c, struct scenario *s, struct project_request *req)
{
	err_clear(&err);
	ck_assert_msg(project_run(c, s, req, &held, &err) == LLMTCO_OK, "project: %s", err.msg);
}

static struct project_request request(int months)
{
	struct project_request r;

	memset(&r, 0, sizeof(r));
	r.months = months;
	r.growth_pct = NAN;
	r.migration_hours = NAN;
	return r;
}

START_TEST(constant_workload_is_n_months_of_compare)
{
	static struct catalog c;
	static struct scenario s;
	static struct comparison cmp;
	struct project_request req = request(24);
	size_t i;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	hold_cmp(&cmp);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_OK);
	run(&c, &s, &req);
	/*
	 * Each option alone: 24 x (compare's monthly total less its amortized
	 * setup) + the setup in month 1. LiteLLM: compare 8666.67 includes
	 * 94 h x $125 / 12 = 979.17 of setup, so 24 x 7687.50 + 11,750.00 =
	 * 196,250.00; OpenRouter: 24 x 5275.00 = 126,600.00.
	 */
	ck_assert_double_eq_tol(find(&held, "litellm/oss")->cumulative[23], 196250.00, MONEY);
	ck_assert_double_eq_tol(find(&held, "openrouter")->cumulative[23], 126600.00, MONEY);
	for (i = 0; i < cmp.nrows; i++) {
		const struct option *o = &c.options[cmp.rows[i].option];
		char key[96];
		double setup = tco_setup_cost(o, &cmp.in);
		option_key(&c, o, key, sizeof(key));
		ck_assert_double_eq_tol(find(&held, key)->cumulative[23],
					24 * (cmp.rows[i].cost.total - setup / 12) + setup, MONEY);
		ck_assert_double_eq_tol(find(&held, key)->cost[0] - find(&held, key)->cost[1],
					setup, MONEY);
	}
	/* the baseline is the cheapest to buy: a $5,000 option with no fee */
	ck_assert_double_eq_tol(held.strategies[held.baseline].total, 120000.00, MONEY);
}
END_TEST

START_TEST(growth_compounds_and_instances_step)
{
	static struct catalog c;
	static struct scenario s;
	struct project_request req = request(12);
	const struct strategy *or, *ll;
	double spend[12];
	int m;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	req.growth_pct = 10;
	/* one instance per 2 peak requests/s: peak = R / 2,628,000 x 3 */
	ck_assert_int_eq(option_set_range(&c.options[opt(&c, "litellm/oss")],
					  field_find("rps_per_instance"), range_fixed(2), &err),
			 LLMTCO_OK);
	run(&c, &s, &req);
	or = find(&held, "openrouter");
	ll = find(&held, "litellm/oss");
	for (m = 0; m < 12; m++)
		spend[m] = 5000 * pow(1.1, m);
	/* a percent fee grows with the traffic: each month costs 1.10x the last */
	for (m = 1; m < 12; m++)
		ck_assert_double_eq_tol(or->cost[m] / or->cost[m - 1], 1.10, 1e-12);
	ck_assert_double_eq_tol(or->cost[0], 5275.00, MONEY);
	/*
	 * LiteLLM: 2 instances from month 7, when spend 5000 x 1.1^6 = 8857.81
	 * means 1,771,561 requests, peak 2.02 requests/s (month 6: 1.84, one
	 * instance). The month's extra cost beyond the spend is one more
	 * compute item, $125.00 (midpoint of 50-200).
	 */
	ck_assert_double_eq_tol((ll->cost[5] - spend[5]) - (ll->cost[4] - spend[4]), 0, MONEY);
	ck_assert_double_eq_tol((ll->cost[6] - spend[6]) - (ll->cost[5] - spend[5]), 125.00, MONEY);
	ck_assert_double_eq_tol((ll->cost[7] - spend[7]) - (ll->cost[6] - spend[6]), 0, MONEY);
}
END_TEST

START_TEST(bridge_best_switch_and_payback)
{
	static struct catalog c;
	static struct scenario s;
	struct project_request req = request(24);
	struct strategy bridge;
	const struct strategy *b;
	double total = 0, spend;
	int m;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.infra_monthly, 1000);
	set(&s.maintenance_hours, 0);
	set(&s.setup_hours, 10);
	set(&s.hourly_rate, 100);
	ck_assert_int_eq(option_set_range(&c.options[opt(&c, "openrouter")],
					  field_find("fee_pct"), range_fixed(10), &err), LLMTCO_OK);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "openrouter"), 0);
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "litellm/oss"), 0);
	req.growth_pct = 10;
	req.migration_hours = 0;
	memset(&bridge, 0, sizeof(bridge));
	bridge.kind = STRATEGY_BRIDGE;
	bridge.a = opt(&c, "openrouter");
	bridge.b = opt(&c, "litellm/oss");
	bridge.switch_auto = 1;
	req.extra = &bridge;
	req.nextra = 1;
	run(&c, &s, &req);
	b = find(&held, "bridge:openrouter>litellm/oss@9");
	/*
	 * Managed: 1.10 x S_m; self-hosted: S_m + 1,000, plus its setup 10 h x
	 * $100 = 1,000 once, whenever it happens. Self-hosting costs less from
	 * the month 0.10 x S_m > 1,000, S_m = 5000 x 1.1^(m-1) > 10,000: m = 9
	 * (S_9 = 10,717.94). So the best switch is month 9.
	 */
	ck_assert_int_eq(b->switch_month, 9);
	for (m = 1; m <= 24; m++) {
		spend = 5000 * pow(1.1, m - 1);
		total += m < 9 ? 1.1 * spend : spend + 1000 + (m == 9 ? 1000 : 0);
	}
	ck_assert_double_eq_tol(b->total, total, MONEY);
	/*
	 * Payback against OpenRouter (the cheapest to buy here): from month 9
	 * the bridge saves 0.1 x S_m - 1,000 a month after the 1,000 setup:
	 * -928.21 (m 9), -749.24, -452.38, -25.82 (m 12), +543.39 (m 13).
	 * Its cumulative cost stays below from month 13.
	 */
	ck_assert_str_eq(held.strategies[held.baseline].id, "openrouter");
	ck_assert_int_eq(held.npaybacks >= 1, 1);
	{
		size_t k;
		int month = -1;
		for (k = 0; k < held.npaybacks; k++)
			if (held.strategies[held.paybacks[k].strategy].kind == STRATEGY_BRIDGE)
				month = held.paybacks[k].month;
		ck_assert_int_eq(month, 13);
	}
}
END_TEST

START_TEST(npv_is_an_annuity)
{
	static struct catalog c;
	static struct scenario s;
	struct project_request req = request(24);
	double r = pow(1.10, 1.0 / 12) - 1;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	req.discount_pct = 10;
	run(&c, &s, &req);
	/*
	 * 5275.00 a month for 24 months at 10%/year, r = 1.1^(1/12) - 1 =
	 * 0.00797414: 5275 x (1 - (1+r)^-24) / r = 5275 x (1 - 1/1.21) / r =
	 * 114,808.09
	 */
	ck_assert_double_eq_tol(find(&held, "openrouter")->npv,
				5275.0 * (1 - pow(1 + r, -24)) / r, MONEY);
	ck_assert_double_eq_tol(find(&held, "openrouter")->npv, 114808.09, MONEY);
	ck_assert_double_eq_tol(project_npv(NULL, 0, 10), 0, 1e-12);
}
END_TEST

START_TEST(hybrid_pays_both_fixed_costs)
{
	static struct catalog c;
	static struct scenario s;
	struct project_request req = request(3);
	struct strategy h;
	const struct strategy *st;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 10000);
	memset(&h, 0, sizeof(h));
	h.kind = STRATEGY_HYBRID;
	h.a = opt(&c, "openrouter");
	h.b = opt(&c, "litellm/oss");
	h.share_a = 60;
	req.extra = &h;
	req.nextra = 1;
	run(&c, &s, &req);
	st = find(&held, "hybrid:openrouter:60,litellm/oss:40");
	/*
	 * OpenRouter on 6,000: 6,330.00; LiteLLM on 4,000: 4,000 + 375.00
	 * infrastructure + 18.5 h x $125 = 6,687.50; month 1 adds LiteLLM's
	 * setup 94 h x $125 = 11,750.00.
	 */
	ck_assert_double_eq_tol(st->cost[1], 13017.50, MONEY);
	ck_assert_double_eq_tol(st->cost[0], 24767.50, MONEY);
}
END_TEST

START_TEST(bad_strategies)
{
	static struct catalog c;
	static struct scenario s;
	struct project_request req = request(12);
	struct strategy st;

	load_builtin(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	memset(&st, 0, sizeof(st));
	st.kind = STRATEGY_BRIDGE;
	st.a = opt(&c, "litellm/oss"); /* self-hosted first: backwards */
	st.b = opt(&c, "openrouter");
	st.switch_month = 3;
	req.extra = &st;
	req.nextra = 1;
	ck_assert_int_eq(project_run(&c, &s, &req, &held, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "--bridge goes from a managed option to a self-hosted one");
	st.a = opt(&c, "openrouter");
	st.b = opt(&c, "litellm/oss");
	st.switch_month = 13;
	ck_assert_int_eq(project_run(&c, &s, &req, &held, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "--switch-month must be from 2 to 12 (the horizon)");
	req.nextra = 0;
	req.months = 0;
	ck_assert_int_eq(project_run(&c, &s, &req, &held, &err), LLMTCO_EUSAGE);
}
END_TEST

Suite *make_project_suite(void)
{
	Suite *s = suite_create("project");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(core, NULL, held_release);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, held_release);
	tcase_add_test(core, constant_workload_is_n_months_of_compare);
	tcase_add_test(core, growth_compounds_and_instances_step);
	tcase_add_test(core, bridge_best_switch_and_payback);
	tcase_add_test(core, npv_is_an_annuity);
	tcase_add_test(core, hybrid_pays_both_fixed_costs);
	tcase_add_test(limits, bad_strategies);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}
