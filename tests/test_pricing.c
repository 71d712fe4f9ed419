/*
 * test_pricing.c - pricing/: the CSV loader (values, layering, and every
 * error with its exact file:line:col), the built-in catalog, the field
 * table, catalog_match and catalog_model.
 *
 * Figures come from the pricing/data tables; each is worked out by hand in a
 * comment next to its assertion.
 */
#include "suites.h"
#include "fixture.h"
#include "../pricing/catalog.h"
#include "../scenarios/tco.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MONEY 0.005 /* to the cent */

static struct llmtco_err err;

/* The header of a minimal gateways table: only the required columns. */
#define GW_HEAD "id,plan,name,deployment,source,as_of\n"
#define TIER_HEAD "id,plan,from,to,usd,per,round,source,as_of\n"

static int load(struct catalog *c, const char *name, const char *csv)
{
	err_clear(&err);
	return catalog_load_csv(c, name, csv, strlen(csv), &err);
}

/* Loading `csv` as "bad.csv" fails at line:col with exactly `msg`. */
static void load_fails(struct catalog *c, const char *csv, int line, int col,
		       const char *msg)
{
	ck_assert_int_eq(load(c, "bad.csv", csv), LLMTCO_EDATA);
	ck_assert_ptr_nonnull(err.file);
	ck_assert_str_eq(err.file, "bad.csv");
	ck_assert_msg(err.line == line && err.col == col,
		      "at %d:%d, want %d:%d (%s)", err.line, err.col, line, col, err.msg);
	ck_assert_str_eq(err.msg, msg);
}

/* The one option that `key` names. */
static struct option *opt(struct catalog *c, const char *key)
{
	size_t idx[1];

	ck_assert_msg(catalog_match(c, key, idx, 1) == 1, "\"%s\" is not one option", key);
	return &c->options[idx[0]];
}

/* A managed option's monthly cost at a spend and request count. */
static void cost_at(const struct option *o, double spend, double requests,
		    struct cost_parts *out)
{
	struct tco_inputs in;

	memset(&in, 0, sizeof(in));
	in.w.api_spend = spend;
	in.w.requests = requests;
	in.w.peak_to_average = 3;
	in.w.models = 1;
	in.hourly_rate = 125;
	in.horizon_months = 12;
	tco_option_cost(o, &in, out);
}

/* ---- core: the built-in catalog ---- */

START_TEST(builtin_has_every_required_id)
{
	static const char *const ids[] = {
		"litellm", "bifrost", "portkey-oss", "openrouter", "openrouter-byok",
		"clawrouters", "portkey", "helicone", "crazyrouter", "zenmux",
		"cloudflare", "vercel", "kong", "routellm", "martian",
		"semantic-router", NULL };
	static struct catalog c;
	size_t i, k;

	load_builtin(&c);
	for (i = 0; ids[i]; i++)
		ck_assert_msg(catalog_match(&c, ids[i], NULL, 0) >= 1, "no \"%s\"", ids[i]);
	ck_assert_uint_eq(c.noptions, 20); /* gateways.csv has 20 rows */
	for (i = 0; i < c.noptions; i++) {
		const struct option *o = &c.options[i];
		ck_assert_msg(o->source && *o->source, "%s/%s has no source", o->id, o->plan);
		ck_assert_uint_eq(strlen(o->as_of), 10);
		ck_assert_msg(o->name && *o->name, "%s/%s has no name", o->id, o->plan);
		for (k = 0; k < o->ntiers; k++)
			ck_assert(o->tiers[k].source && *o->tiers[k].source);
		for (k = 0; k < o->nitems; k++)
			ck_assert(o->items[k].source && *o->items[k].source);
		if (o->deployment == DEPLOY_SELF_HOSTED)
			ck_assert_uint_gt(o->nitems, 0);
	}
	ck_assert_int_eq(catalog_check(&c, &err), LLMTCO_OK);
	ck_assert_uint_eq(c.nmodels, 37); /* 3 from PRICING-FACTS.md, 34 from genai-prices */
	catalog_release(&c);
	ck_assert_uint_eq(c.noptions, 0);
	catalog_release(&c); /* twice is fine */
	catalog_release(NULL);
}
END_TEST

START_TEST(builtin_defaults)
{
	static struct catalog c;
	const struct fact *f;

	load_builtin(&c);
	f = catalog_fact(&c, "hourly_rate");
	ck_assert_ptr_nonnull(f);
	/* defaults.csv: low 100, high 150, no value: the midpoint 125 */
	ck_assert_double_eq_tol(f->v.value, 125.0, 1e-9);
	ck_assert_double_eq_tol(f->v.low, 100.0, 1e-9);
	ck_assert_double_eq_tol(f->v.high, 150.0, 1e-9);
	ck_assert_int_eq(f->v.shape, RANGE_UNIFORM);
	ck_assert_double_eq_tol(catalog_fact(&c, "peak_to_average")->v.value, 3.0, 1e-9);
	ck_assert_double_eq_tol(catalog_fact(&c, "usd_per_request")->v.value, 0.005, 1e-12);
	ck_assert_double_eq_tol(catalog_fact(&c, "horizon_months")->v.value, 12.0, 1e-9);
	ck_assert_ptr_null(catalog_fact(&c, "nope"));
	catalog_release(&c);
}
END_TEST

START_TEST(builtin_gateway_fields)
{
	static struct catalog c;
	struct option *o;

	load_builtin(&c);
	o = opt(&c, "openrouter");
	ck_assert_double_eq_tol(o->fee_pct.value, 5.5, 1e-9);
	ck_assert_double_eq_tol(o->fee_min_usd.value, 0.80, 1e-9);
	ck_assert_int_eq(o->deployment, DEPLOY_MANAGED);
	ck_assert_int_eq(o->smart_routing, 0);
	ck_assert_int_eq(o->residency, RESIDENCY_NONE);
	ck_assert_double_eq_tol(o->latency_ms.low, 40, 1e-9);
	ck_assert_double_eq_tol(o->latency_ms.high, 200, 1e-9);
	ck_assert_double_eq_tol(o->latency_ms.value, 120, 1e-9); /* midpoint */
	ck_assert(isinf(o->max_requests.value));

	o = opt(&c, "openrouter-byok");
	ck_assert_double_eq_tol(o->byok_fee_pct.value, 5.0, 1e-9);
	ck_assert_double_eq_tol(o->byok_free_requests.value, 1e6, 1e-6);
	ck_assert_double_eq_tol(o->fee_pct.value, 0.0, 1e-9);

	o = opt(&c, "clawrouters");
	ck_assert_int_eq(o->smart_routing, 1);
	ck_assert_double_eq_tol(o->latency_ms.value, 10, 1e-9); /* given, triangular */
	ck_assert_double_eq_tol(o->latency_ms.high, 10, 1e-9);

	o = opt(&c, "crazyrouter");
	ck_assert_double_eq_tol(o->markup_pct.value, 25.0, 1e-9);

	o = opt(&c, "zenmux");
	ck_assert_int_eq(o->quote_required, 1);
	ck_assert_int_eq(o->contract_given, 0);

	o = opt(&c, "portkey/developer");
	ck_assert_double_eq_tol(o->max_requests.value, 10000, 1e-9);
	ck_assert_double_eq_tol(o->monthly_usd.value, 0, 1e-9);

	o = opt(&c, "portkey/production");
	ck_assert_double_eq_tol(o->monthly_usd.value, 49, 1e-9);
	ck_assert_double_eq_tol(o->max_requests.value, 3e6, 1e-6);
	ck_assert_uint_eq(o->ntiers, 1);
	ck_assert_double_eq_tol(o->tiers[0].from, 1e5, 1e-6);
	ck_assert_double_eq_tol(o->tiers[0].to, 3e6, 1e-6);
	ck_assert_double_eq_tol(o->tiers[0].usd.value, 9, 1e-9);
	ck_assert_double_eq_tol(o->tiers[0].per, 1e5, 1e-6);
	ck_assert_int_eq(o->tiers[0].round_up, 1);
	ck_assert_str_eq(o->as_of, "2026-09-01");

	o = opt(&c, "portkey/enterprise");
	ck_assert_int_eq(o->quote_required, 1);
	ck_assert_int_eq(o->residency, RESIDENCY_CONFIGURABLE);

	o = opt(&c, "helicone");
	ck_assert_double_eq_tol(o->monthly_usd.value, 79, 1e-9);
	ck_assert_uint_eq(o->ntiers, 6);
	ck_assert_double_eq_tol(o->tiers[0].from, 10000, 1e-9);
	ck_assert_double_eq_tol(o->tiers[4].usd.value, 0.00004375, 1e-15);
	ck_assert(isinf(o->tiers[5].to));
	ck_assert_int_eq(o->tiers[5].round_up, 0);

	o = opt(&c, "kong");
	ck_assert_double_eq_tol(o->monthly_usd.value, 25, 1e-9);
	ck_assert_double_eq_tol(o->per_model_usd.value, 100, 1e-9);
	ck_assert_uint_eq(o->ntiers, 1);
	/* usd 200 with low 20, high 200: a given value makes it triangular */
	ck_assert_double_eq_tol(o->tiers[0].usd.value, 200, 1e-9);
	ck_assert_double_eq_tol(o->tiers[0].usd.low, 20, 1e-9);
	ck_assert_int_eq(o->tiers[0].usd.shape, RANGE_TRIANGULAR);

	o = opt(&c, "litellm/oss");
	ck_assert_int_eq(o->deployment, DEPLOY_SELF_HOSTED);
	ck_assert_int_eq(o->residency, RESIDENCY_FULL);
	ck_assert_double_eq_tol(o->rps_per_instance.value, 500, 1e-9);
	ck_assert_double_eq_tol(o->min_instances.value, 1, 1e-9);
	ck_assert_double_eq_tol(o->setup_hours.value, 94, 1e-9);      /* (28+160)/2 */
	ck_assert_double_eq_tol(o->maintenance_hours.value, 18.5, 1e-9); /* (2+35)/2 */
	ck_assert_uint_eq(o->nitems, 6);
	ck_assert_str_eq(o->items[0].name, "compute");
	ck_assert_int_eq(o->items[0].per_instance, 1);
	ck_assert_double_eq_tol(o->items[0].usd.value, 125, 1e-9);   /* (50+200)/2 */
	ck_assert_int_eq(o->items[1].per_instance, 0);

	/* the enterprise plan shares the id, so it gets the same items */
	o = opt(&c, "litellm/enterprise");
	ck_assert_uint_eq(o->nitems, 6);
	ck_assert_int_eq(o->quote_required, 1);

	o = opt(&c, "portkey-oss");
	ck_assert(isinf(o->rps_per_instance.value)); /* empty: no ceiling */
	ck_assert(isnan(o->latency_ms.value));       /* empty: not published */

	o = opt(&c, "routellm");
	ck_assert_int_eq(o->deployment, DEPLOY_ROUTER);
	catalog_release(&c);
}
END_TEST

START_TEST(match_by_id_and_plan)
{
	static struct catalog c;
	size_t idx[4];

	load_builtin(&c);
	ck_assert_uint_eq(catalog_match(&c, "portkey", idx, 4), 3);
	ck_assert_str_eq(c.options[idx[0]].plan, "developer");
	ck_assert_str_eq(c.options[idx[1]].plan, "production");
	ck_assert_str_eq(c.options[idx[2]].plan, "enterprise");
	ck_assert_uint_eq(catalog_match(&c, "portkey/production", idx, 4), 1);
	ck_assert_str_eq(c.options[idx[0]].id, "portkey");
	ck_assert_str_eq(c.options[idx[0]].plan, "production");
	ck_assert_uint_eq(catalog_match(&c, "litellm", idx, 4), 2);
	ck_assert_uint_eq(catalog_match(&c, "openrouter", idx, 4), 1); /* not -byok */
	ck_assert_str_eq(c.options[idx[0]].plan, "pay-as-you-go");
	ck_assert_uint_eq(catalog_match(&c, "port", idx, 4), 0);
	ck_assert_uint_eq(catalog_match(&c, "portkey/", idx, 4), 0);
	ck_assert_uint_eq(catalog_match(&c, "portkey/pro", idx, 4), 0);
	ck_assert_uint_eq(catalog_match(&c, "nope", idx, 4), 0);
	ck_assert_uint_eq(catalog_match(&c, "", idx, 4), 0);
	catalog_release(&c);
}
END_TEST

START_TEST(option_keys_and_names)
{
	static struct catalog c;
	char key[96];

	load_builtin(&c);
	option_key(&c, opt(&c, "portkey/production"), key, sizeof(key));
	ck_assert_str_eq(key, "portkey/production");
	option_key(&c, opt(&c, "openrouter"), key, sizeof(key));
	ck_assert_str_eq(key, "openrouter");
	ck_assert_str_eq(deployment_name(DEPLOY_SELF_HOSTED), "self-hosted");
	ck_assert_str_eq(deployment_name(DEPLOY_MANAGED), "managed");
	ck_assert_str_eq(deployment_name(DEPLOY_ROUTER), "router");
	ck_assert_str_eq(residency_name(RESIDENCY_NONE), "none");
	ck_assert_str_eq(residency_name(RESIDENCY_CONFIGURABLE), "configurable");
	ck_assert_str_eq(residency_name(RESIDENCY_FULL), "full");
	catalog_release(&c);
}
END_TEST

START_TEST(model_lookup)
{
	static struct catalog c;
	const struct model_price *m;
	size_t amb = 99;

	load_builtin(&c);
	m = catalog_model(&c, "anthropic/claude-opus-4.8", &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(amb, 0);
	ck_assert_double_eq_tol(m->input_mtok, 5, 1e-9);
	ck_assert_double_eq_tol(m->output_mtok, 25, 1e-9);
	ck_assert_str_eq(m->as_of, "2026-06-01");
	m = catalog_model(&c, "CLAUDE-OPUS-4.8", &amb); /* bare, any case */
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->provider, "anthropic");
	m = catalog_model(&c, "gpt-5.5", NULL);
	ck_assert_ptr_nonnull(m);
	ck_assert_double_eq_tol(m->output_mtok, 30, 1e-9);
	m = catalog_model(&c, "deepseek/deepseek-v4-flash", NULL);
	ck_assert_double_eq_tol(m->input_mtok, 0.10, 1e-12);
	ck_assert_double_eq_tol(m->output_mtok, 0.20, 1e-12);
	ck_assert_ptr_null(catalog_model(&c, "openai/claude-opus-4.8", &amb));
	ck_assert_uint_eq(amb, 0);
	ck_assert_ptr_null(catalog_model(&c, "claude", &amb));

	/* the same model from a second provider makes the bare name ambiguous */
	ck_assert_int_eq(load(&c, "more-models.csv",
			      "provider,model,input_mtok,output_mtok,source,as_of\n"
			      "azure,gpt-5.5,6,33,azure price page,2026-01-01\n"), LLMTCO_OK);
	ck_assert_uint_eq(c.nmodels, 38);
	ck_assert_ptr_null(catalog_model(&c, "gpt-5.5", &amb));
	ck_assert_uint_eq(amb, 2);
	m = catalog_model(&c, "azure/gpt-5.5", &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_double_eq_tol(m->input_mtok, 6, 1e-9);

	/* a later row for the same provider/model replaces it */
	ck_assert_int_eq(load(&c, "cheaper.csv",
			      "provider,model,input_mtok,output_mtok,source,as_of\n"
			      "openai,gpt-5.5,4,20,openai price page,2026-02-01\n"), LLMTCO_OK);
	ck_assert_uint_eq(c.nmodels, 38);
	m = catalog_model(&c, "openai/gpt-5.5", NULL);
	ck_assert_double_eq_tol(m->input_mtok, 4, 1e-9);
	ck_assert_str_eq(m->source, "openai price page");
	catalog_release(&c);
}
END_TEST

START_TEST(fields_table)
{
	const struct field *f = field_find("fee_pct");
	static struct catalog c;
	struct option *o, copy;
	char buf[128];

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->kind, FIELD_NUM);
	ck_assert_double_eq(f->min, 0.0);
	ck_assert_double_eq(f->max, 100.0);
	ck_assert_ptr_null(field_find("nope"));
	ck_assert_ptr_nonnull(field_find("monthly_usd"));
	ck_assert_ptr_nonnull(field_find("markup_pct"));
	ck_assert_ptr_nonnull(field_find("setup_hours"));
	ck_assert_ptr_nonnull(field_find("maintenance_hours"));
	ck_assert_ptr_nonnull(field_find("rps_per_instance"));
	ck_assert_int_eq(field_find("source")->required, 1);

	load_builtin(&c);
	o = opt(&c, "litellm/oss");
	ck_assert_ptr_null(option_num(o, field_find("name")));
	ck_assert_ptr_eq(option_num(o, field_find("fee_pct")), &o->fee_pct);

	option_field_text(o, field_find("latency_ms"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "12.5 (5-20)");
	option_field_text(o, field_find("deployment"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "self-hosted");
	option_field_text(o, field_find("data_residency"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "full");
	option_field_text(o, field_find("smart_routing"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "no");
	option_field_text(o, field_find("plan"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "oss");
	option_field_text(opt(&c, "openrouter"), field_find("fee_pct"), buf, sizeof(buf));
	ck_assert_str_eq(buf, "5.5");

	/* set from text: parsed strictly, checked against the field */
	o = opt(&c, "openrouter");
	ck_assert_int_eq(option_set_text(o, field_find("fee_pct"), "7", &err), LLMTCO_OK);
	ck_assert_double_eq_tol(o->fee_pct.value, 7, 1e-9);
	ck_assert_int_eq(option_set_text(o, field_find("fee_pct"), "150", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"fee_pct\" must be a percentage from 0 to 100");
	ck_assert_int_eq(option_set_text(o, field_find("fee_pct"), "abc", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"fee_pct\" is not a number: \"abc\"");
	ck_assert_int_eq(option_set_text(o, field_find("monthly_usd"), "-1", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"monthly_usd\" must be a non-negative number");
	ck_assert_int_eq(option_set_text(o, field_find("rps_per_instance"), "0", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"rps_per_instance\" must be a positive number");
	ck_assert_int_eq(option_set_text(o, field_find("monthly_usd"), "2e15", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"monthly_usd\" is too large (at most 1000000000000000)");
	ck_assert_double_eq_tol(o->fee_pct.value, 7, 1e-9); /* unchanged */
	ck_assert_int_eq(option_set_text(o, field_find("smart_routing"), "maybe", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"smart_routing\" must be yes or no, not \"maybe\"");
	ck_assert_int_eq(option_set_text(o, field_find("smart_routing"), "yes", &err), LLMTCO_OK);
	ck_assert_int_eq(o->smart_routing, 1);
	ck_assert_int_eq(option_set_text(o, field_find("deployment"), "cloud", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"deployment\" must be self-hosted, managed or router, not \"cloud\"");
	ck_assert_int_eq(option_set_text(o, field_find("data_residency"), "eu", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"data_residency\" must be none, configurable or full, not \"eu\"");
	ck_assert_int_eq(option_set_text(o, field_find("as_of"), "2026-02-30", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"as_of\" must be a date YYYY-MM-DD, not \"2026-02-30\"");
	ck_assert_int_eq(option_set_text(o, field_find("as_of"), "2024-02-29", &err), LLMTCO_OK);
	ck_assert_str_eq(o->as_of, "2024-02-29");
	ck_assert_int_eq(option_set_text(o, field_find("id"), "x", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"id\" cannot be changed");
	ck_assert_int_eq(option_set_text(o, field_find("name"), "", &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "\"name\" must not be empty");

	/* set a range */
	ck_assert_int_eq(option_set_range(o, field_find("contract_usd"),
					  range_fixed(3000), &err), LLMTCO_OK);
	ck_assert_int_eq(o->contract_given, 1);
	{
		struct range bad = { 5, 9, 3, RANGE_UNIFORM };
		ck_assert_int_eq(option_set_range(o, field_find("markup_pct"), bad, &err),
				 LLMTCO_EDATA);
		ck_assert_str_eq(err.msg, "\"markup_pct\" low 9 is above high 3");
	}

	/* a deep copy owns its strings, tiers and items */
	ck_assert_int_eq(option_copy(&copy, opt(&c, "litellm/oss")), LLMTCO_OK);
	ck_assert_ptr_ne(copy.items, opt(&c, "litellm/oss")->items);
	ck_assert_ptr_ne(copy.name, opt(&c, "litellm/oss")->name);
	ck_assert_str_eq(copy.name, "LiteLLM (self-hosted)");
	ck_assert_uint_eq(copy.nitems, 6);
	option_release(&copy);
	ck_assert_ptr_null(copy.name);
	option_release(NULL);
	catalog_release(&c);
}
END_TEST

/* ---- core: layering ---- */

START_TEST(layer_replaces_row)
{
	static struct catalog c;
	struct cost_parts p;
	size_t n;

	load_builtin(&c);
	n = c.noptions;
	ck_assert_int_eq(load(&c, "mine/gateways.csv",
			      "id,plan,name,deployment,fee_pct,fee_min_usd,source,as_of\n"
			      "openrouter,pay-as-you-go,OpenRouter,managed,7,0.80,my notes,2026-12-01\n"),
			 LLMTCO_OK);
	ck_assert_uint_eq(c.noptions, n); /* replaced, not added */
	ck_assert_str_eq(opt(&c, "openrouter")->source, "my notes");
	ck_assert_str_eq(opt(&c, "openrouter")->as_of, "2026-12-01");
	cost_at(opt(&c, "openrouter"), 5000, 1e6, &p);
	/* 7% of 5,000 = 350.00 (not 5.5% = 275.00) */
	ck_assert_double_eq_tol(p.platform_fee, 350.00, MONEY);
	ck_assert_double_eq_tol(p.total, 5350.00, MONEY);
	catalog_release(&c);
}
END_TEST

START_TEST(layer_keeps_tiers)
{
	static struct catalog c;
	struct cost_parts p;

	load_builtin(&c);
	ck_assert_int_eq(load(&c, "mine/gateways.csv",
			      GW_HEAD "portkey,production,Portkey Production,managed,my notes,2026-12-01\n"),
			 LLMTCO_OK);
	ck_assert_uint_eq(opt(&c, "portkey/production")->ntiers, 1);
	cost_at(opt(&c, "portkey/production"), 5000, 1e6, &p);
	/* monthly_usd left out: 0; the kept tier still charges 9 blocks x $9 */
	ck_assert_double_eq_tol(p.subscription, 0.00, MONEY);
	ck_assert_double_eq_tol(p.usage_fees, 81.00, MONEY);
	ck_assert_str_eq(opt(&c, "portkey/production")->name, "Portkey Production");

	/* a tiers table for an option replaces all its tiers */
	ck_assert_int_eq(load(&c, "mine/tiers.csv", TIER_HEAD
			      "kong,plus,1000000,,20,1000000,up,transcription,2026-12-01\n"),
			 LLMTCO_OK);
	ck_assert_uint_eq(opt(&c, "kong")->ntiers, 1);
	cost_at(opt(&c, "kong"), 5000, 2.5e6, &p);
	/* 1.5M beyond 1M: 2 started blocks x $20 = 40.00 */
	ck_assert_double_eq_tol(p.usage_fees, 40.00, MONEY);

	/* a new plan of a self-hosted id inherits its items */
	ck_assert_int_eq(load(&c, "mine/more.csv",
			      GW_HEAD "bifrost,enterprise,Bifrost Enterprise,self-hosted,quote,2026-12-01\n"),
			 LLMTCO_OK);
	ck_assert_uint_eq(opt(&c, "bifrost/enterprise")->nitems, 4);
	catalog_release(&c);
}
END_TEST

START_TEST(csv_quoted_fields)
{
	static struct catalog c;

	cat_init(&c);
	ck_assert_int_eq(load(&c, "q.csv",
			      "\xEF\xBB\xBF" "id,plan,name,deployment,source,as_of\r\n"
			      "acme,basic,\"Acme, \"\"Pro\"\"\",managed,\"a, b\",2026-01-01\r\n"),
			 LLMTCO_OK);
	ck_assert_uint_eq(c.noptions, 1);
	ck_assert_str_eq(opt(&c, "acme")->name, "Acme, \"Pro\"");
	ck_assert_str_eq(opt(&c, "acme")->source, "a, b");
	ck_assert_str_eq(c.options[0].at.file, "q.csv");
	ck_assert_int_eq(c.options[0].at.line, 2);
	/* columns left out take the field defaults */
	ck_assert_double_eq(opt(&c, "acme")->fee_pct.value, 0.0);
	ck_assert_double_eq(opt(&c, "acme")->min_instances.value, 1.0);
	ck_assert(isinf(opt(&c, "acme")->max_requests.value));
	catalog_release(&c);
}
END_TEST

/* ---- core: loader errors, each at its file:line:col ---- */

START_TEST(csv_unknown_column)
{
	static struct catalog c;

	cat_init(&c);
	/* "id," 1-3, "plan," 4-8, "name," 9-13, "deployment," 14-24: colour at 25 */
	load_fails(&c, "id,plan,name,deployment,colour,source,as_of\n", 1, 25,
		   "unknown column \"colour\"");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "key,value,bogus,unit,source,as_of\n", 1, 11,
		   "unknown column \"bogus\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_missing_column)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,as_of\n", 1, 1, "missing column \"source\"");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "key,value,unit,as_of\n", 1, 1, "missing column \"source\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_empty_source)
{
	static struct catalog c;

	cat_init(&c);
	/* "acme," 1-5, "basic," 6-11, "Acme," 12-16, "managed," 17-24: source at 25 */
	ck_assert_int_eq(load(&c, "bad.csv", GW_HEAD "acme,basic,Acme,managed,,2026-01-01\n"),
			 LLMTCO_EDATA);
	ck_assert_str_eq(err.file, "bad.csv");
	ck_assert_int_eq(err.line, 2);
	ck_assert_int_eq(err.col, 25);
	ck_assert_msg(!strncmp(err.msg, "\"source\" must not be empty", 26), "%s", err.msg);
	catalog_release(&c);

	/* a tier without a source: "kong," 1-5 "plus," 6-10 "1000000,," 11-19 "1,up," */
	load_builtin(&c);
	load_fails(&c, TIER_HEAD "kong,plus,1000000,,1,1,up,,2026-01-01\n", 2, 27,
		   "\"source\" must not be empty: every price needs one");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_bad_number)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,fee_pct,source,as_of\n"
		       "acme,basic,Acme,managed,abc,src,2026-01-01\n", 2, 25,
		   "\"fee_pct\" is not a number: \"abc\"");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,fee_pct,source,as_of\n"
		       "acme,basic,Acme,managed,5%,src,2026-01-01\n", 2, 25,
		   "\"fee_pct\" has trailing characters: \"5%\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_percentage_over_100)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,fee_pct,source,as_of\n"
		       "acme,basic,Acme,managed,150,src,2026-01-01\n", 2, 25,
		   "\"fee_pct\" must be a percentage from 0 to 100");
	catalog_release(&c);
	cat_init(&c);
	/* "acme,basic,Acme,managed," is 24 characters: markup_pct at 25 */
	load_fails(&c, "id,plan,name,deployment,markup_pct,source,as_of\n"
		       "acme,basic,Acme,managed,-1,src,2026-01-01\n", 2, 25,
		   "\"markup_pct\" must be a percentage from 0 to 100");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_low_above_high)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,latency_ms_low,latency_ms_high,source,as_of\n"
		       "acme,basic,Acme,managed,30,10,src,2026-01-01\n", 2, 25,
		   "\"latency_ms\" low 30 is above high 10");
	catalog_release(&c);
	cat_init(&c);
	/* only one end of a range: at the end that is given ("30," 25-27) */
	load_fails(&c, "id,plan,name,deployment,latency_ms_low,latency_ms_high,source,as_of\n"
		       "acme,basic,Acme,managed,30,,src,2026-01-01\n", 2, 25,
		   "\"latency_ms\" needs both latency_ms_low and latency_ms_high, or neither");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_duplicate_option)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, GW_HEAD
		   "acme,basic,Acme,managed,src,2026-01-01\n"
		   "acme,pro,Acme Pro,managed,src,2026-01-01\n"
		   "acme,basic,Acme again,managed,src,2026-01-01\n", 4, 1,
		   "duplicate option \"acme/basic\" (first at line 2)");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_tiers_not_increasing)
{
	static struct catalog c;

	load_builtin(&c);
	/* "kong," 1-5, "plus," 6-10: from at 11 */
	load_fails(&c, TIER_HEAD
		   "kong,plus,0,100,1,1,none,src,2026-01-01\n"
		   "kong,plus,50,200,1,1,none,src,2026-01-01\n", 3, 11,
		   "tiers not increasing: starts at 50, before the previous tier ends at 100");
	catalog_release(&c);
	load_builtin(&c);
	/* "kong,plus,100," is 14 characters: to at 15 */
	load_fails(&c, TIER_HEAD "kong,plus,100,100,1,1,none,src,2026-01-01\n", 2, 15,
		   "tier ends at 100, not after its start 100");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_tier_for_unknown_option)
{
	static struct catalog c;

	load_builtin(&c);
	load_fails(&c, TIER_HEAD "nope,x,0,100,1,1,none,src,2026-01-01\n", 2, 1,
		   "tier for unknown option \"nope/x\"");
	catalog_release(&c);
	load_builtin(&c);
	/* "kong/plus" exists, "kong/gold" does not */
	load_fails(&c, TIER_HEAD "kong,gold,0,100,1,1,none,src,2026-01-01\n", 2, 1,
		   "tier for unknown option \"kong/gold\"");
	catalog_release(&c);
	load_builtin(&c);
	load_fails(&c, "id,item,usd,per_instance,source,as_of\n"
		       "nope,compute,10,yes,src,2026-01-01\n", 2, 1,
		   "item for unknown option \"nope\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_bad_date)
{
	static struct catalog c;

	cat_init(&c);
	/* "acme,basic,Acme,managed,src," is 28 characters: as_of at 29 */
	load_fails(&c, GW_HEAD "acme,basic,Acme,managed,src,2026-02-30\n", 2, 29,
		   "\"as_of\" must be a date YYYY-MM-DD, not \"2026-02-30\"");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, GW_HEAD "acme,basic,Acme,managed,src,21/11/2026\n", 2, 29,
		   "\"as_of\" must be a date YYYY-MM-DD, not \"21/11/2026\"");
	catalog_release(&c);
	cat_init(&c);
	/* defaults: "hourly_rate,100,USD/hour,src," is 29 characters */
	load_fails(&c, "key,value,unit,source,as_of\nhourly_rate,100,USD/hour,src,2026-13-01\n",
		   2, 30, "\"as_of\" must be a date YYYY-MM-DD, not \"2026-13-01\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_unterminated_quote)
{
	static struct catalog c;

	cat_init(&c);
	/* "hourly_rate," 1-12, "100," 13-16, "USD/hour," 17-25: the quote at 26 */
	load_fails(&c, "key,value,unit,source,as_of\n"
		       "hourly_rate,100,USD/hour,\"unclosed,2026-01-01\n", 2, 26,
		   "unterminated quoted field");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_wrong_field_count)
{
	static struct catalog c;

	cat_init(&c);
	/* located at the row's last field, "USD/hour" at column 17 */
	load_fails(&c, "key,value,unit,source,as_of\nhourly_rate,100,USD/hour\n", 2, 17,
		   "row has 3 fields, the header has 5");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "key,value,unit,source,as_of\nhourly_rate,100,USD/hour,src,2026-01-01,x\n",
		   2, 41, "row has 6 fields, the header has 5");
	catalog_release(&c);
}
END_TEST

/* ---- limits ---- */

START_TEST(csv_empty_and_unknown_tables)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, "", 1, 1, "empty table: no header row");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "a,b,c\n1,2,3\n", 1, 1,
		   "unknown table: the header names no \"deployment\", \"item\", "
		   "\"round\", \"key\" or \"model\" column");
	catalog_release(&c);
	cat_init(&c);
	load_fails(&c, "id,plan,name,deployment,source,as_of,name\n", 1, 38,
		   "duplicate column \"name\"");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_stray_quote_and_nul)
{
	static struct catalog c;
	static const char nul[] = "key,value,unit,source,as_of\nhourly_rate,1\0" "00,h,s,2026-01-01\n";

	cat_init(&c);
	/* the quote inside an unquoted field: "hourly_rate,1" then '"' at 14 */
	load_fails(&c, "key,value,unit,source,as_of\nhourly_rate,1\"00,h,s,2026-01-01\n", 2, 14,
		   "stray quote inside a field");
	catalog_release(&c);
	cat_init(&c);
	err_clear(&err);
	ck_assert_int_eq(catalog_load_csv(&c, "nul.csv", nul, sizeof(nul) - 1, &err),
			 LLMTCO_EDATA);
	ck_assert_int_eq(err.line, 2);
	ck_assert_int_eq(err.col, 14);
	ck_assert_str_eq(err.msg, "NUL byte in text");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_slugs_and_flags)
{
	static struct catalog c;

	cat_init(&c);
	load_fails(&c, GW_HEAD "Acme,basic,Acme,managed,src,2026-01-01\n", 2, 1,
		   "\"id\" must be 1-31 lowercase letters, digits, '-', '_' or '.', not \"Acme\"");
	catalog_release(&c);
	cat_init(&c);
	/* "acme,basic,Acme," is 16 characters */
	load_fails(&c, GW_HEAD "acme,basic,Acme,cloud,src,2026-01-01\n", 2, 17,
		   "\"deployment\" must be self-hosted, managed or router, not \"cloud\"");
	catalog_release(&c);
	load_builtin(&c);
	/* "kong,plus,0,100,1,1," is 20 characters */
	load_fails(&c, TIER_HEAD "kong,plus,0,100,1,1,down,src,2026-01-01\n", 2, 21,
		   "\"round\" must be up or none, not \"down\"");
	catalog_release(&c);
	load_builtin(&c);
	/* "kong,plus,0,100,1," is 18 characters: per at 19 */
	load_fails(&c, TIER_HEAD "kong,plus,0,100,1,0,none,src,2026-01-01\n", 2, 19,
		   "\"per\" must be a positive number");
	catalog_release(&c);
}
END_TEST

/* Two rows of one option in one file are an error, even when an earlier
 * layer (the built-in catalog) has that option too. */
START_TEST(csv_duplicate_option_in_layer)
{
	static struct catalog c;

	load_builtin(&c);
	ck_assert_int_eq(load(&c, "mine.csv", GW_HEAD
			      "openrouter,pay-as-you-go,OpenRouter,managed,a,2026-01-01\n"
			      "openrouter,pay-as-you-go,OpenRouter again,managed,b,2026-01-01\n"),
			 LLMTCO_EDATA);
	ck_assert_str_eq(err.file, "mine.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(err.col, 1);
	ck_assert_str_eq(err.msg, "duplicate option \"openrouter/pay-as-you-go\" (first at line 2)");
	catalog_release(&c);
}
END_TEST

START_TEST(csv_check_self_hosted_items)
{
	static struct catalog c;

	load_builtin(&c);
	ck_assert_int_eq(load(&c, "mine.csv", GW_HEAD
			      "acme,oss,Acme OSS,self-hosted,src,2026-01-01\n"), LLMTCO_OK);
	ck_assert_int_eq(catalog_check(&c, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "self-hosted option \"acme/oss\" has no infrastructure items");
	ck_assert_str_eq(err.file, "mine.csv");
	ck_assert_int_eq(err.line, 2);
	catalog_release(&c);

	cat_init(&c);
	ck_assert_int_eq(catalog_check(&c, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "catalog has no default \"hourly_rate\"");
	catalog_release(&c);
}
END_TEST

START_TEST(model_lookup_rules)
{
	static struct catalog c;
	const struct model_price *m;
	size_t amb;

	load_builtin(&c);
	/* a dated id finds the undated row; '.' and '-' are alike */
	m = catalog_model(&c, "claude-sonnet-4-5-20250929", &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->model, "claude-sonnet-4-5");
	ck_assert_ptr_nonnull(catalog_model(&c, "gpt-4o-2024-08-06", &amb));
	ck_assert_ptr_nonnull(catalog_model(&c, "openai/gpt-4o@20240806", &amb));
	m = catalog_model(&c, "anthropic/claude-opus-4-8", &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->model, "claude-opus-4.8");
	ck_assert_ptr_nonnull(catalog_model(&c, "ANTHROPIC/Claude-Opus-4.8", &amb));
	/* a name ending in a digit keeps it: "o3-2025-04-16" is o3 */
	m = catalog_model(&c, "o3-2025-04-16", &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->model, "o3");
	ck_assert_ptr_null(catalog_model(&c, "o3-20250416x", &amb)); /* not a date */
	/* long prompts: the tier above 200,000 input tokens */
	m = catalog_model_price(&c, NULL, "anthropic/claude-sonnet-4-5", NULL, 250000, &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_double_eq_tol(m->above_input_tokens, 200000, 1e-9);
	ck_assert_double_eq_tol(m->input_mtok, 6, 1e-12);
	ck_assert_double_eq_tol(m->output_mtok, 22.5, 1e-12);
	m = catalog_model_price(&c, NULL, "anthropic/claude-sonnet-4-5", NULL, 200000, &amb);
	ck_assert_double_eq_tol(m->input_mtok, 3, 1e-12); /* not above: the base */
	/* a service tier the model has no price for falls back to standard */
	m = catalog_model_price(&c, NULL, "gpt-4o", "batch", 1000, &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->service_tier, "");
	/* a provider hint settles a bare name; without one it is ambiguous */
	ck_assert_int_eq(catalog_load_csv(&c, "more.csv",
			 "provider,model,input_mtok,output_mtok,source,as_of\n"
			 "azure,gpt-4o,2.75,11,azure page,2026-01-01\n", 94, &err), LLMTCO_OK);
	ck_assert_ptr_null(catalog_model(&c, "gpt-4o", &amb));
	ck_assert_uint_eq(amb, 2);
	m = catalog_model_price(&c, "openai", "gpt-4o", NULL, 0, &amb);
	ck_assert_ptr_nonnull(m);
	ck_assert_double_eq_tol(m->input_mtok, 2.5, 1e-12);
	/* an unpublished cache price is charged as input: 1M cached at $2.75 */
	m = catalog_model(&c, "azure/gpt-4o", &amb);
	ck_assert(isnan(m->cache_read_mtok));
	ck_assert_double_eq_tol(model_cost(m, 0, 0, 1e6, 0, 0), 2.75, 1e-12);
	/* and a published one at its price: gpt-4o cache reads $1.25 */
	m = catalog_model(&c, "openai/gpt-4o", &amb);
	ck_assert_double_eq_tol(model_cost(m, 2, 1e6, 1e6, 0, 1e6), 2.5 + 1.25 + 10, 1e-12);
}
END_TEST

Suite *make_pricing_suite(void)
{
	Suite *s = suite_create("pricing");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_test(core, builtin_has_every_required_id);
	tcase_add_test(core, builtin_defaults);
	tcase_add_test(core, builtin_gateway_fields);
	tcase_add_test(core, match_by_id_and_plan);
	tcase_add_test(core, option_keys_and_names);
	tcase_add_test(core, model_lookup);
	tcase_add_test(core, model_lookup_rules);
	tcase_add_test(core, fields_table);
	tcase_add_test(core, layer_replaces_row);
	tcase_add_test(core, layer_keeps_tiers);
	tcase_add_test(core, csv_quoted_fields);
	tcase_add_test(core, csv_unknown_column);
	tcase_add_test(core, csv_missing_column);
	tcase_add_test(core, csv_empty_source);
	tcase_add_test(core, csv_bad_number);
	tcase_add_test(core, csv_percentage_over_100);
	tcase_add_test(core, csv_low_above_high);
	tcase_add_test(core, csv_duplicate_option);
	tcase_add_test(core, csv_tiers_not_increasing);
	tcase_add_test(core, csv_tier_for_unknown_option);
	tcase_add_test(core, csv_bad_date);
	tcase_add_test(core, csv_unterminated_quote);
	tcase_add_test(core, csv_wrong_field_count);
	suite_add_tcase(s, core);

	tcase_add_test(limits, csv_empty_and_unknown_tables);
	tcase_add_test(limits, csv_stray_quote_and_nul);
	tcase_add_test(limits, csv_slugs_and_flags);
	tcase_add_test(limits, csv_duplicate_option_in_layer);
	tcase_add_test(limits, csv_check_self_hosted_items);
	suite_add_tcase(s, limits);
	return s;
}
