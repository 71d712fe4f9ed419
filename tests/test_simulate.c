/*
 * test_simulate.c - scenarios/simulate: Monte Carlo over ranged inputs.
 * Degenerate ranges give compare's totals; a uniform and a triangular input
 * give their analytic means within 4 standard errors; the result depends
 * only on the seed, never on the thread count.
 */
#include "suites.h"
#include "fixture.h"
#include "../scenarios/simulate.h"

#include <math.h>
#include <string.h>

#define MONEY 0.005 /* to the cent */

static struct llmtco_err err;
static struct sim_result held, held2;
static struct catalog c;
static struct scenario s;
static struct comparison cmp; /* held by the fixture */

static void held_release(void)
{
	sim_result_release(&held);
	sim_result_release(&held2);
}

static void collapse(struct range *r)
{
	r->low = r->high = r->value;
	r->shape = RANGE_FIXED;
}

/* Every range of the catalog at its point value. */
static void collapse_catalog(struct catalog *cat)
{
	size_t i, k;
	const struct field *f;

	for (i = 0; i < cat->noptions; i++) {
		struct option *o = &cat->options[i];
		for (f = option_fields; f->name; f++)
			if (f->kind == FIELD_NUM)
				collapse(option_num(o, f));
		for (k = 0; k < o->ntiers; k++)
			collapse(&o->tiers[k].usd);
		for (k = 0; k < o->nitems; k++)
			collapse(&o->items[k].usd);
	}
	for (i = 0; i < cat->nfacts; i++)
		collapse(&cat->facts[i].v);
}

static struct sim_request request(size_t trials, uint64_t seed, int jobs)
{
	struct sim_request r;

	memset(&r, 0, sizeof(r));
	r.trials = trials;
	r.seed = seed;
	r.jobs = jobs;
	return r;
}

static void run(struct sim_request *req, struct sim_result *out)
{
	err_clear(&err);
	ck_assert_msg(simulate_run(&c, &s, req, out, &err) == LLMTCO_OK, "simulate: %s", err.msg);
}

START_TEST(degenerate_ranges_are_compare)
{
	struct sim_request req = request(500, 1, 2);
	size_t i;

	load_builtin(&c);
	collapse_catalog(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_OK);
	hold_cmp(&cmp);
	run(&req, &held);
	ck_assert_uint_eq(held.ninputs, 0);
	ck_assert_uint_eq(held.noptions, cmp.nrows);
	ck_assert_uint_gt(held.noptions, 5);
	for (i = 0; i < cmp.nrows; i++) {
		const struct sim_option *o = &held.options[i];
		double t = cmp.rows[i].cost.total;
		ck_assert_uint_eq(o->option, cmp.rows[i].option);
		ck_assert_double_eq_tol(o->p10, t, MONEY);
		ck_assert_double_eq_tol(o->p50, t, MONEY);
		ck_assert_double_eq_tol(o->p90, t, MONEY);
		ck_assert_double_eq_tol(o->mean, t, MONEY);
		/* compare's first is the cheapest in every trial */
		ck_assert_double_eq(o->p_cheapest, i == 0 ? 1.0 : 0.0);
	}
}
END_TEST

/* litellm/oss alone, every number fixed but infra_monthly. */
static double one_input(struct range infra, size_t trials, struct sim_result *out)
{
	struct sim_request req = request(trials, 7, 2);

	load_builtin(&c);
	collapse_catalog(&c);
	scn_init(&s);
	set(&s.api_spend, 5000);
	set(&s.hourly_rate, 100);
	set(&s.maintenance_hours, 10);
	set(&s.setup_hours, 24);
	s.infra_monthly.set = 1;
	s.infra_monthly.r = infra;
	ck_assert_int_eq(strlist_add(&s.options, &s.noptions, "litellm/oss"), 0);
	ck_assert_int_eq(tco_compare(&c, &s, &cmp, &err), LLMTCO_OK);
	hold_cmp(&cmp);
	ck_assert_uint_eq(cmp.nrows, 1);
	run(&req, out);
	ck_assert_uint_eq(out->noptions, 1);
	ck_assert_uint_eq(out->ninputs, 1);
	/* the fixed part: the total without the infrastructure */
	return cmp.rows[0].cost.total - cmp.rows[0].cost.infrastructure;
}

START_TEST(uniform_mean_within_4_se)
{
	struct range r = { 300, 100, 500, RANGE_UNIFORM };
	const size_t n = 20000;
	double fixed = one_input(r, n, &held);
	/* mean 300, sd 400/sqrt(12) */
	double se = 400 / sqrt(12.0) / sqrt((double)n);

	ck_assert_msg(fabs(held.options[0].mean - (fixed + 300)) < 4 * se,
		      "mean %f, expected %f +- %f", held.options[0].mean, fixed + 300, 4 * se);
	/* nearest-rank quantiles of U(100, 500): 140, 300, 460, within a few SE */
	ck_assert_double_eq_tol(held.options[0].p10, fixed + 140, 8);
	ck_assert_double_eq_tol(held.options[0].p50, fixed + 300, 8);
	ck_assert_double_eq_tol(held.options[0].p90, fixed + 460, 8);
	ck_assert_double_eq(held.options[0].p_cheapest, 1.0);
}
END_TEST

START_TEST(triangular_mean_within_4_se)
{
	struct range r = { 200, 100, 600, RANGE_TRIANGULAR };
	const size_t n = 20000;
	double fixed = one_input(r, n, &held);
	double a = 100, b = 200, d = 600;
	double mean = (a + b + d) / 3;
	double sd = sqrt((a * a + b * b + d * d - a * b - a * d - b * d) / 18);
	double se = sd / sqrt((double)n);

	ck_assert_msg(fabs(held.options[0].mean - (fixed + mean)) < 4 * se,
		      "mean %f, expected %f +- %f", held.options[0].mean, fixed + mean, 4 * se);
	ck_assert(held.options[0].p10 >= fixed + 100 && held.options[0].p90 <= fixed + 600);
}
END_TEST

static size_t opt(const char *key)
{
	size_t idx[1];

	ck_assert_msg(catalog_match(&c, key, idx, 1) == 1, "no single option %s", key);
	return idx[0];
}

/* The built-in catalog with its ranges, spend uncertain, a breakeven pair. */
static struct sim_request ranged_setup(size_t trials, uint64_t seed, int jobs)
{
	struct sim_request req = request(trials, seed, jobs);

	load_builtin(&c);
	scn_init(&s);
	s.api_spend.set = 1;
	s.api_spend.r.value = 5000;
	s.api_spend.r.low = 2000;
	s.api_spend.r.high = 20000;
	s.api_spend.r.shape = RANGE_UNIFORM;
	req.between = 1;
	req.a = opt("litellm/oss");
	req.b = opt("portkey/production");
	req.max = 100000;
	return req;
}

static void same_result(const struct sim_result *x, const struct sim_result *y)
{
	ck_assert_uint_eq(x->noptions, y->noptions);
	ck_assert_int_eq(memcmp(x->options, y->options, x->noptions * sizeof(*x->options)), 0);
	ck_assert_uint_eq(x->be_none, y->be_none);
	ck_assert_int_eq(memcmp(&x->be_p10, &y->be_p10, 4 * sizeof(double)), 0);
}

START_TEST(jobs_do_not_change_the_result)
{
	struct sim_request req = ranged_setup(3001, 42, 1);

	run(&req, &held);
	ck_assert_uint_gt(held.ninputs, 10);
	ck_assert_uint_eq(held.be_trials, 3001);
	req.jobs = 3;
	run(&req, &held2);
	same_result(&held, &held2);
}
END_TEST

START_TEST(seeds_differ_and_repeat)
{
	struct sim_request req = ranged_setup(2000, 1, 2);
	size_t i;
	double psum = 0;

	req.between = 0;
	run(&req, &held);
	run(&req, &held2);
	same_result(&held, &held2);
	for (i = 0; i < held.noptions; i++)
		psum += held.options[i].p_cheapest;
	ck_assert_double_eq_tol(psum, 1.0, 1e-12);
	sim_result_release(&held2);
	req.seed = 2;
	run(&req, &held2);
	ck_assert_int_ne(memcmp(held.options, held2.options,
				held.noptions * sizeof(*held.options)), 0);
}
END_TEST

START_TEST(generator_is_counter_based)
{
	struct range u = { 0.5, 0, 1, RANGE_UNIFORM };
	struct range t = { 2, 1, 4, RANGE_TRIANGULAR };
	double x = sim_uniform(1, 10, 3);

	ck_assert(x >= 0 && x < 1);
	ck_assert_double_eq(x, sim_uniform(1, 10, 3));
	ck_assert(x != sim_uniform(1, 11, 3) && x != sim_uniform(2, 10, 3));
	ck_assert_double_eq(sim_draw(&u, 0.25), 0.25);
	/* triangular inverse CDF: F(mode) = (2-1)/(4-1) = 1/3 */
	ck_assert_double_eq_tol(sim_draw(&t, 1.0 / 3), 2, 1e-12);
	ck_assert_double_eq(sim_draw(&t, 0), 1);
}
END_TEST

START_TEST(tornado_order_by_hand)
{
	static struct catalog tc;
	static struct scenario ts;
	struct sens_result r;
	struct range spend = { 5000, 4000, 6000, RANGE_UNIFORM };
	struct range rate = { 125, 100, 150, RANGE_UNIFORM };
	struct range infra = { 300, 100, 500, RANGE_UNIFORM };
	size_t idx[2];

	load_builtin(&tc);
	scn_init(&ts);
	ts.api_spend.set = 1;
	ts.api_spend.r = spend;
	ts.hourly_rate.set = 1;
	ts.hourly_rate.r = rate;
	set(&ts.maintenance_hours, 10);
	set(&ts.setup_hours, 0);
	ts.infra_monthly.set = 1;
	ts.infra_monthly.r = infra;
	ck_assert_uint_eq(catalog_match(&tc, "litellm/oss", idx, 1), 1);
	ck_assert_uint_eq(catalog_match(&tc, "openrouter", idx + 1, 1), 1);
	/*
	 * litellm/oss - openrouter = infra + 10 h x rate - 0.055 x spend (the
	 * spend itself cancels; one instance throughout). At point values:
	 * 300 + 1,250 - 275 = 1,275.00. Swings: rate 10 x 50 = 500, infra 400,
	 * spend 0.055 x 2,000 = 110: the tornado's order.
	 */
	ck_assert_int_eq(sensitivity_run(&tc, &ts, (long)idx[0], (long)idx[1], &r, &err), LLMTCO_OK);
	ck_assert_double_eq_tol(r.base, 1275.00, 0.005);
	ck_assert_uint_ge(r.n, 3);
	ck_assert_str_eq(r.rows[0].name, "hourly_rate");
	ck_assert_double_eq_tol(r.rows[0].swing, 500.00, 0.005);
	ck_assert_double_eq_tol(r.rows[0].diff_low, 1025.00, 0.005);
	ck_assert_double_eq_tol(r.rows[0].diff_high, 1525.00, 0.005);
	ck_assert_str_eq(r.rows[1].name, "infra_monthly");
	ck_assert_double_eq_tol(r.rows[1].swing, 400.00, 0.005);
	ck_assert_str_eq(r.rows[2].name, "api_spend");
	ck_assert_double_eq_tol(r.rows[2].swing, 110.00, 0.005);
	ck_assert_double_eq_tol(r.rows[2].diff_low, 1330.00, 0.005);
	if (r.n > 3) /* the rest do not move it */
		ck_assert_double_eq_tol(r.rows[3].swing, 0, 0.005);
	sens_result_release(&r);
	/* the default pair: the cheapest self-hosted and the cheapest managed
	   of the options the scenario selects */
	ck_assert_int_eq(strlist_add(&ts.options, &ts.noptions, "litellm/oss"), 0);
	ck_assert_int_eq(strlist_add(&ts.options, &ts.noptions, "openrouter"), 0);
	ck_assert_int_eq(sensitivity_run(&tc, &ts, -1, -1, &r, &err), LLMTCO_OK);
	ck_assert_uint_eq(r.a, idx[0]);
	ck_assert_uint_eq(r.b, idx[1]);
	sens_result_release(&r);
}
END_TEST

Suite *make_simulate_suite(void)
{
	Suite *su = suite_create("simulate");
	TCase *core = tcase_create("core");

	tcase_set_timeout(core, 60);
	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(core, NULL, held_release);
	tcase_add_test(core, degenerate_ranges_are_compare);
	tcase_add_test(core, uniform_mean_within_4_se);
	tcase_add_test(core, triangular_mean_within_4_se);
	tcase_add_test(core, jobs_do_not_change_the_result);
	tcase_add_test(core, seeds_differ_and_repeat);
	tcase_add_test(core, tornado_order_by_hand);
	tcase_add_test(core, generator_is_counter_based);
	suite_add_tcase(su, core);
	return su;
}
