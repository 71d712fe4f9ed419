/*
 * test_import.c - pricing/import: the LiteLLM, genai-prices and OpenRouter
 * importers on small inline documents (every rule: tiers, dated lists, the
 * -1 sentinel, string prices, service tiers, skipped entries, bad JSON with
 * its position), then on the real catalogs in ../shared/data/, whose
 * figures are checked against the files' own numbers read here with cJSON.
 */
#include "suites.h"
#include "../pricing/import.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AS_OF "2026-11-21"
#define DATA_DIR "../shared/data/" /* from the repository root, where make check runs */

static struct import_result res;
static struct llmtco_err err;
static char *file_text;
static cJSON *file_json;

static void setup(void)
{
	import_result_init(&res);
	err_clear(&err);
	file_text = NULL;
	file_json = NULL;
}

static void teardown(void)
{
	import_result_release(&res);
	free(file_text);
	cJSON_Delete(file_json);
	file_text = NULL;
	file_json = NULL;
}

static int run(enum import_format fmt, const char *json, const char *as_of)
{
	import_result_release(&res);
	import_result_init(&res);
	err_clear(&err);
	return import_prices(fmt, "in.json", json, strlen(json), as_of, &res, &err);
}

/* The row of provider/model, service tier and threshold; fails if none. */
static const struct model_price *row(const char *provider, const char *model,
				     const char *tier, double above)
{
	size_t i;

	for (i = 0; i < res.nrows; i++) {
		const struct model_price *m = &res.rows[i].price;
		if (!strcmp(m->provider, provider) && !strcmp(m->model, model) &&
		    !strcmp(m->service_tier, tier) && m->above_input_tokens == above)
			return m;
	}
	ck_abort_msg("no row %s/%s tier \"%s\" above %g", provider, model, tier, above);
	return NULL;
}

/* The import_row holding price `m`. */
#define ROW_OF(m) ((const struct import_row *)(const void *)((const char *)(m) - \
				offsetof(struct import_row, price)))

static const char *notes_of(const struct model_price *m)
{
	return ROW_OF(m)->notes;
}

/* The reason `name` was skipped (the n-th time it was); fails if it was not. */
static const char *skipped_nth(const char *name, int n)
{
	size_t i;

	for (i = 0; i < res.nskipped; i++)
		if (!strcmp(res.skipped[i].name, name) && n-- == 0)
			return res.skipped[i].reason;
	ck_abort_msg("\"%s\" was not skipped", name);
	return NULL;
}

static const char *skipped(const char *name)
{
	return skipped_nth(name, 0);
}

/* How many skipped entries have a reason starting with `prefix`. */
static size_t count_reason(const char *prefix)
{
	size_t i, n = 0;

	for (i = 0; i < res.nskipped; i++)
		n += !strncmp(res.skipped[i].reason, prefix, strlen(prefix));
	return n;
}

static void prices_are(const struct model_price *m, double in, double out, double cr,
		       double cw, double req)
{
	ck_assert_double_eq_tol(m->input_mtok, in, 1e-12);
	ck_assert_double_eq_tol(m->output_mtok, out, 1e-12);
	if (isnan(cr))
		ck_assert_msg(isnan(m->cache_read_mtok), "cache_read %g, want none",
			      m->cache_read_mtok);
	else
		ck_assert_double_eq_tol(m->cache_read_mtok, cr, 1e-12);
	if (isnan(cw))
		ck_assert_msg(isnan(m->cache_write_mtok), "cache_write %g, want none",
			      m->cache_write_mtok);
	else
		ck_assert_double_eq_tol(m->cache_write_mtok, cw, 1e-12);
	ck_assert_double_eq_tol(m->usd_per_request, req, 1e-12);
}

/* ---- LiteLLM ---- */

static const char litellm_doc[] =
	"{\n"
	" \"sample_spec\": {\"input_cost_per_token\": 0, \"output_cost_per_token\": 0,\n"
	"   \"litellm_provider\": \"one of ...\", \"mode\": \"one of: chat, ...\"},\n"
	" \"gpt-4o\": {\"input_cost_per_token\": 2.5e-06, \"output_cost_per_token\": 1e-05,\n"
	"   \"input_cost_per_token_batches\": 1.25e-06, \"output_cost_per_token_batches\": 5e-06,\n"
	"   \"cache_read_input_token_cost\": 1.25e-06, \"input_cost_per_token_flex\": 1.25e-06,\n"
	"   \"output_cost_per_token_flex\": 5e-06, \"cache_read_input_token_cost_flex\": 6.25e-07,\n"
	"   \"input_cost_per_token_priority\": 4.25e-06, \"output_cost_per_token_priority\": 1.7e-05,\n"
	"   \"max_input_tokens\": 128000, \"litellm_provider\": \"openai\", \"mode\": \"chat\"},\n"
	" \"openai/gpt-4o\": {\"input_cost_per_token\": 5e-06, \"output_cost_per_token\": 2e-05,\n"
	"   \"litellm_provider\": \"openai\", \"mode\": \"chat\"},\n"
	" \"anthropic/claude-sonnet-4-5\": {\"input_cost_per_token\": 3e-06,\n"
	"   \"output_cost_per_token\": 1.5e-05, \"cache_read_input_token_cost\": 3e-07,\n"
	"   \"cache_creation_input_token_cost\": 3.75e-06,\n"
	"   \"input_cost_per_token_above_200k_tokens\": 6e-06,\n"
	"   \"output_cost_per_token_above_200k_tokens\": 2.25e-05,\n"
	"   \"cache_read_input_token_cost_above_200k_tokens\": 6e-07,\n"
	"   \"input_cost_per_token_above_200k_tokens_priority\": 1.2e-05,\n"
	"   \"input_cost_per_token_priority\": 6e-06,\n"
	"   \"input_cost_per_video_per_second_above_8s_interval\": 0.1,\n"
	"   \"input_cost_per_token_batch_requests\": 1e-06,\n"
	"   \"litellm_provider\": \"anthropic\", \"mode\": \"responses\",\n"
	"   \"source\": \"https://www.anthropic.com/pricing\"},\n"
	" \"vertex_ai/gemini-1.5-pro\": {\"input_cost_per_token\": 1.25e-06,\n"
	"   \"output_cost_per_token\": 5e-06, \"input_cost_per_token_above_128k_tokens\": 2.5e-06,\n"
	"   \"litellm_provider\": \"vertex_ai-language-models\", \"mode\": \"completion\"},\n"
	" \"deepseek-chat\": {\"input_cost_per_token\": 1.4e-07, \"output_cost_per_token\": 2.8e-07,\n"
	"   \"input_cost_per_token_cache_hit\": 1.4e-08, \"litellm_provider\": \"deepseek\",\n"
	"   \"mode\": \"chat\"},\n"
	" \"sonar\": {\"input_cost_per_token\": 0, \"output_cost_per_token\": 1e-07,\n"
	"   \"input_cost_per_request\": 0.005, \"litellm_provider\": \"perplexity\", \"mode\": \"chat\"},\n"
	" \"text-embedding-3-small\": {\"input_cost_per_token\": 2e-08, \"output_cost_per_token\": 0,\n"
	"   \"litellm_provider\": \"openai\", \"mode\": \"embedding\"},\n"
	" \"fireworks-ai-default\": {\"input_cost_per_token\": 0, \"output_cost_per_token\": 0,\n"
	"   \"litellm_provider\": \"fireworks_ai\"},\n"
	" \"dall-e-3\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\"},\n"
	" \"out-only\": {\"output_cost_per_token\": 1e-06, \"litellm_provider\": \"acme\",\n"
	"   \"mode\": \"chat\"},\n"
	" \"in-only\": {\"input_cost_per_token\": 1e-06, \"litellm_provider\": \"acme\",\n"
	"   \"mode\": \"chat\"},\n"
	" \"stringy\": {\"input_cost_per_token\": \"1e-06\", \"output_cost_per_token\": 1e-06,\n"
	"   \"litellm_provider\": \"acme\", \"mode\": \"chat\"},\n"
	" \"negative\": {\"input_cost_per_token\": -1e-06, \"output_cost_per_token\": 1e-06,\n"
	"   \"litellm_provider\": \"acme\", \"mode\": \"chat\"}\n"
	"}\n";

START_TEST(litellm_rows)
{
	const struct model_price *m;

	ck_assert_int_eq(run(IMPORT_LITELLM, litellm_doc, AS_OF), LLMTCO_OK);
	/* 13 models (sample_spec is documentation, not one) */
	ck_assert_uint_eq(res.entries, 13);
	/* gpt-4o 4, claude 4, gemini 2, deepseek 1, sonar 1 */
	ck_assert_uint_eq(res.nrows, 12);
	/* 1e-07 per token is exactly 0.1 per million, not 0.09999999999999999
	   as 1e-07 * 1e6 is in binary */
	ck_assert(row("perplexity", "sonar", "", 0)->output_mtok == 0.1);
	m = row("anthropic", "claude-sonnet-4-5", "", 0);
	prices_are(m, 3, 15, 0.3, 3.75, 0);
	ck_assert_str_eq(m->as_of, AS_OF);
	ck_assert_str_eq(m->source, "LiteLLM model_prices_and_context_window.json "
				    "(imported from in.json); https://www.anthropic.com/pricing");
	/* above 200k: its own input, output, cache read; cache write inherited */
	m = row("anthropic", "claude-sonnet-4-5", "", 200000);
	prices_are(m, 6, 22.5, 0.6, 3.75, 0);
	ck_assert_ptr_nonnull(strstr(notes_of(m), "at the standard price: cache_write_mtok"));
	/* priority: own input; the rest standard */
	prices_are(row("anthropic", "claude-sonnet-4-5", "priority", 0), 6, 15, 0.3, 3.75, 0);
	/* priority above 200k: its own input; the rest from the priority base
	   row when it has them (it has only input), else the standard base */
	prices_are(row("anthropic", "claude-sonnet-4-5", "priority", 200000), 12, 15, 0.3,
		   3.75, 0);

	/* gpt-4o: a standard row and three service tiers */
	m = row("openai", "gpt-4o", "", 0);
	prices_are(m, 2.5, 10, 1.25, NAN, 0);
	ck_assert_str_eq(notes_of(m), "LiteLLM \"gpt-4o\", mode chat, max input 128000 tokens");
	m = row("openai", "gpt-4o", "batch", 0);
	prices_are(m, 1.25, 5, 1.25, NAN, 0);
	ck_assert_str_eq(notes_of(m), "LiteLLM \"gpt-4o\", mode chat, max input 128000 tokens; "
				      "at the standard price: cache_read_mtok");
	prices_are(row("openai", "gpt-4o", "flex", 0), 1.25, 5, 0.625, NAN, 0);
	prices_are(row("openai", "gpt-4o", "priority", 0), 4.25, 17, 1.25, NAN, 0);

	/* the provider prefix goes only when it is the provider */
	prices_are(row("vertex_ai-language-models", "vertex_ai/gemini-1.5-pro", "", 0), 1.25,
		   5, NAN, NAN, 0);
	prices_are(row("vertex_ai-language-models", "vertex_ai/gemini-1.5-pro", "", 128000),
		   2.5, 5, NAN, NAN, 0);
	/* cache read from input_cost_per_token_cache_hit when nothing else gives it */
	m = row("deepseek", "deepseek-chat", "", 0);
	prices_are(m, 0.14, 0.28, 0.014, NAN, 0);
	ck_assert_ptr_nonnull(strstr(notes_of(m), "from input_cost_per_token_cache_hit"));
	/* input_cost_per_request is USD per request as it is */
	prices_are(row("perplexity", "sonar", "", 0), 0, 0.1, NAN, NAN, 0.005);
}
END_TEST

START_TEST(litellm_skips)
{
	ck_assert_int_eq(run(IMPORT_LITELLM, litellm_doc, AS_OF), LLMTCO_OK);
	ck_assert_uint_eq(res.nskipped, 8);
	ck_assert_str_eq(skipped("openai/gpt-4o"),
			 "duplicate of openai/gpt-4o, kept from \"gpt-4o\"");
	ck_assert_str_eq(skipped("text-embedding-3-small"), "mode embedding");
	ck_assert_str_eq(skipped("fireworks-ai-default"), "no mode");
	ck_assert_str_eq(skipped("dall-e-3"), "no token prices");
	ck_assert_str_eq(skipped("out-only"), "no input price");
	ck_assert_str_eq(skipped("in-only"), "no output price");
	ck_assert_str_eq(skipped("stringy"), "\"input_cost_per_token\" is not a number");
	ck_assert_str_eq(skipped("negative"),
			 "acme/negative: \"input_mtok\" is negative (-1)");
	/* every model accounted for: 5 gave rows, 8 are listed */
	ck_assert_uint_eq(res.entries, 5 + 8);
}
END_TEST

/* A duplicate is kept once whatever the case of its name (as the loader
   compares), and each of its rows is listed. */
START_TEST(litellm_duplicate_rows)
{
	static const char doc[] =
		"{\"a/m\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,"
		"  \"input_cost_per_token_batches\": 5e-07, \"litellm_provider\": \"a\","
		"  \"mode\": \"chat\"},"
		" \"M\": {\"input_cost_per_token\": 9e-06, \"output_cost_per_token\": 9e-06,"
		"  \"input_cost_per_token_batches\": 9e-06,"
		"  \"input_cost_per_token_above_32k_tokens\": 9e-06,"
		"  \"litellm_provider\": \"A\", \"mode\": \"chat\"}}";

	ck_assert_int_eq(run(IMPORT_LITELLM, doc, AS_OF), LLMTCO_OK);
	ck_assert_uint_eq(res.nrows, 3);
	prices_are(row("a", "m", "", 0), 1, 2, NAN, NAN, 0);
	prices_are(row("a", "m", "batch", 0), 0.5, 2, NAN, NAN, 0);
	/* the one new row of the second entry is kept */
	prices_are(row("A", "M", "", 32000), 9, 9, NAN, NAN, 0);
	ck_assert_uint_eq(res.nskipped, 2);
	ck_assert_str_eq(skipped_nth("M", 0), "duplicate of A/M, kept from \"a/m\"");
	ck_assert_str_eq(skipped_nth("M", 1), "duplicate of A/M (batch), kept from \"a/m\"");
}
END_TEST

/* ---- genai-prices ---- */

static const char genai_doc[] =
	"[{\"id\": \"google\", \"pricing_urls\": [\"https://ai.google.dev/pricing\"],\n"
	"  \"models\": [\n"
	"   {\"id\": \"gemini-2.5-pro\", \"name\": \"Gemini 2.5 Pro\", \"context_window\": 1048576,\n"
	"    \"match\": {\"equals\": \"gemini-2.5-pro\"}, \"prices\": {\n"
	"     \"input_mtok\": {\"base\": 1.25, \"tiers\": [{\"start\": 200000, \"price\": 2.5}]},\n"
	"     \"cache_read_mtok\": 0.125,\n"
	"     \"output_mtok\": {\"base\": 10, \"tiers\": [{\"start\": 128000, \"price\": 12},\n"
	"                                               {\"start\": 200000, \"price\": 15}]},\n"
	"     \"input_audio_mtok\": 3}},\n"
	"   {\"id\": \"text-embedding-004\", \"match\": {}, \"prices\": {\"input_mtok\": 0.1}},\n"
	"   {\"id\": \"imagen\", \"match\": {}, \"prices\": {\"output_image_mtok\": 30}},\n"
	"   {\"id\": \"bad-value\", \"match\": {}, \"prices\": {\"input_mtok\": \"1\", \"output_mtok\": 1}}\n"
	"  ]},\n"
	" {\"id\": \"anthropic\", \"models\": [\n"
	"   {\"id\": \"claude-sonnet-5\", \"match\": {}, \"prices\": [\n"
	"     {\"prices\": {\"input_mtok\": 2, \"output_mtok\": 10, \"cache_write_mtok\": 2.5}},\n"
	"     {\"constraint\": {\"start_date\": \"2026-09-01\"},\n"
	"      \"prices\": {\"input_mtok\": 3, \"output_mtok\": 15, \"cache_write_mtok\": 3.75}},\n"
	"     {\"constraint\": {\"start_date\": \"2027-03-01\"},\n"
	"      \"prices\": {\"input_mtok\": 4, \"output_mtok\": 20}}]},\n"
	"   {\"id\": \"claude-future\", \"match\": {}, \"prices\": [\n"
	"     {\"constraint\": {\"start_date\": \"2030-01-01\"},\n"
	"      \"prices\": {\"input_mtok\": 7, \"output_mtok\": 8}}]}]},\n"
	" {\"id\": \"deepseek\", \"models\": [\n"
	"   {\"id\": \"deepseek-chat\", \"match\": {}, \"prices\": [\n"
	"     {\"prices\": {\"input_mtok\": 0.135, \"cache_read_mtok\": 0.035, \"output_mtok\": 0.55}},\n"
	"     {\"constraint\": {\"start_time\": \"00:30:00Z\", \"end_time\": \"16:30:00Z\"},\n"
	"      \"prices\": {\"input_mtok\": 0.27, \"cache_read_mtok\": 0.07, \"output_mtok\": 1.1}}]}]},\n"
	" {\"id\": \"perplexity\", \"models\": [\n"
	"   {\"id\": \"sonar\", \"match\": {}, \"prices\": {\"input_mtok\": 1, \"output_mtok\": 1,\n"
	"    \"requests_kcount\": 12}}]}\n"
	"]\n";

START_TEST(genai_tiers)
{
	const struct model_price *m;

	ck_assert_int_eq(run(IMPORT_GENAI, genai_doc, AS_OF), LLMTCO_OK);
	ck_assert_uint_eq(res.entries, 8);
	/* the base row and one per distinct tier start, each key at its last
	   tier started by then: output is 12 from 128k, 15 from 200k; input
	   only changes at 200k; cache read has no tiers */
	m = row("google", "gemini-2.5-pro", "", 0);
	prices_are(m, 1.25, 10, 0.125, NAN, 0);
	ck_assert_str_eq(m->source, "genai-prices data v2 (imported from in.json); "
				    "https://ai.google.dev/pricing");
	ck_assert_str_eq(notes_of(m), "genai-prices \"Gemini 2.5 Pro\", context 1048576 tokens; "
				      "not imported: input_audio_mtok");
	prices_are(row("google", "gemini-2.5-pro", "", 128000), 1.25, 12, 0.125, NAN, 0);
	prices_are(row("google", "gemini-2.5-pro", "", 200000), 2.5, 15, 0.125, NAN, 0);
	/* requests_kcount is per thousand requests: $12 -> $0.012 a request */
	prices_are(row("perplexity", "sonar", "", 0), 1, 1, NAN, NAN, 0.012);
	/* the time-of-day entry is not imported; the notes say what it was */
	m = row("deepseek", "deepseek-chat", "", 0);
	prices_are(m, 0.135, 0.55, 0.035, NAN, 0);
	ck_assert_str_eq(notes_of(m), "genai-prices \"deepseek-chat\"; from 00:30:00Z to "
				      "16:30:00Z input 0.27, output 1.1 (time-of-day price, "
				      "not imported)");
	ck_assert_uint_eq(res.nrows, 7);
	ck_assert_str_eq(skipped("google/text-embedding-004"), "no output price");
	ck_assert_str_eq(skipped("google/imagen"), "no token prices");
	ck_assert_str_eq(skipped("google/bad-value"),
			 "\"input_mtok\" is neither a number nor {base, tiers}");
	ck_assert_uint_eq(res.nskipped, 3);
}
END_TEST

/* The last entry in force on the as-of date; before all of them, the first. */
START_TEST(genai_dated_lists)
{
	const struct model_price *m;

	ck_assert_int_eq(run(IMPORT_GENAI, genai_doc, AS_OF), LLMTCO_OK);
	m = row("anthropic", "claude-sonnet-5", "", 0);
	prices_are(m, 3, 15, NAN, 3.75, 0);
	ck_assert_str_eq(notes_of(m), "genai-prices \"claude-sonnet-5\"; prices from 2026-09-01; "
				      "new prices from 2027-03-01 not imported");
	m = row("anthropic", "claude-future", "", 0);
	prices_are(m, 7, 8, NAN, NAN, 0);
	ck_assert_str_eq(notes_of(m), "genai-prices \"claude-future\"; no price list in force "
				      "on 2026-11-21: the first one used; new prices from "
				      "2030-01-01 not imported");

	/* the day before: the unconstrained entry */
	ck_assert_int_eq(run(IMPORT_GENAI, genai_doc, "2026-08-31"), LLMTCO_OK);
	prices_are(row("anthropic", "claude-sonnet-5", "", 0), 2, 10, NAN, 2.5, 0);
	ck_assert_str_eq(row("anthropic", "claude-sonnet-5", "", 0)->as_of, "2026-08-31");
	/* the day itself: the new price */
	ck_assert_int_eq(run(IMPORT_GENAI, genai_doc, "2026-09-01"), LLMTCO_OK);
	prices_are(row("anthropic", "claude-sonnet-5", "", 0), 3, 15, NAN, 3.75, 0);
	/* later still */
	ck_assert_int_eq(run(IMPORT_GENAI, genai_doc, "2027-06-30"), LLMTCO_OK);
	prices_are(row("anthropic", "claude-sonnet-5", "", 0), 4, 20, NAN, NAN, 0);
}
END_TEST

START_TEST(genai_bad_lists)
{
	ck_assert_int_eq(run(IMPORT_GENAI,
			     "[{\"id\": \"p\", \"models\": ["
			     " {\"id\": \"a\", \"prices\": []},"
			     " {\"id\": \"b\", \"prices\": [{\"constraint\": {\"weekday\": 1},"
			     "   \"prices\": {\"input_mtok\": 1, \"output_mtok\": 1}}]},"
			     " {\"id\": \"c\", \"prices\": 5},"
			     " {\"id\": \"d\", \"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\":"
			     "   [{\"start\": 0, \"price\": 2}]}, \"output_mtok\": 1}},"
			     " {\"prices\": {}}]},"
			     " {\"name\": \"no id\"}]",
			     AS_OF),
			 LLMTCO_OK);
	ck_assert_uint_eq(res.nrows, 0);
	ck_assert_uint_eq(res.entries, 6);
	ck_assert_str_eq(skipped("p/a"), "empty price list");
	ck_assert_str_eq(skipped("p/b"), "price list entry 0 has a constraint that is not understood");
	ck_assert_str_eq(skipped("p/c"), "\"prices\" is neither an object nor a list");
	ck_assert_str_eq(skipped("p/d"), "\"input_mtok\" has a tier that does not start above 0 tokens");
	ck_assert_str_eq(skipped("p/models[4]"), "not a model object with an \"id\"");
	ck_assert_str_eq(skipped("[1]"), "not a provider with an \"id\" and \"models\"");
}
END_TEST

/* ---- OpenRouter ---- */

static const char openrouter_doc[] =
	"{\"data\": [\n"
	" {\"id\": \"openai/gpt-5.4\", \"canonical_slug\": \"openai/gpt-5.4-20260305\",\n"
	"  \"name\": \"OpenAI: GPT-5.4\", \"context_length\": 1050000,\n"
	"  \"pricing\": {\"prompt\": \"0.0000025\", \"completion\": \"0.000015\",\n"
	"   \"web_search\": \"0.01\", \"input_cache_read\": \"0.00000025\"}},\n"
	" {\"id\": \"openrouter/auto\", \"pricing\": {\"prompt\": \"-1\", \"completion\": \"-1\"}},\n"
	" {\"id\": \"x/router\", \"pricing\": {\"prompt\": \"0.000001\", \"completion\": \"-1\"}},\n"
	" {\"id\": \"deepseek/deepseek-r1:free\", \"pricing\": {\"prompt\": \"0\", \"completion\": \"0\"}},\n"
	" {\"id\": \"perplexity/sonar\", \"pricing\": {\"prompt\": \"0.000001\",\n"
	"  \"completion\": \"0.000001\", \"request\": \"0.005\", \"input_cache_write\": \"0.00000125\",\n"
	"  \"image\": \"0\"}},\n"
	" {\"id\": \"solo\", \"pricing\": {\"prompt\": 1e-06, \"completion\": 2e-06}},\n"
	" {\"id\": \"a/junk\", \"pricing\": {\"prompt\": \"0.000001\", \"completion\": \"$2\"}},\n"
	" {\"id\": \"a/blank\", \"pricing\": {\"prompt\": \"\", \"completion\": \"0.000001\"}},\n"
	" {\"id\": \"a/spaces\", \"pricing\": {\"prompt\": \" 0.000001\", \"completion\": \"0.000001\"}},\n"
	" {\"id\": \"a/neg\", \"pricing\": {\"prompt\": \"-0.000001\", \"completion\": \"0.000001\"}},\n"
	" {\"id\": \"a/no-pricing\"},\n"
	" {\"id\": \"a/input-only\", \"pricing\": {\"prompt\": \"0.000001\"}}\n"
	"]}\n";

START_TEST(openrouter_strings)
{
	const struct model_price *m;

	ck_assert_int_eq(run(IMPORT_OPENROUTER, openrouter_doc, AS_OF), LLMTCO_OK);
	ck_assert_uint_eq(res.entries, 12);
	ck_assert_uint_eq(res.nrows, 4);
	/* "0.0000025" per token is 2.5 per million */
	m = row("openai", "gpt-5.4", "", 0);
	prices_are(m, 2.5, 15, 0.25, NAN, 0);
	ck_assert_str_eq(notes_of(m), "OpenRouter \"OpenAI: GPT-5.4\", context 1050000 tokens; "
				      "not imported: web_search 0.01");
	ck_assert_str_eq(m->source, "OpenRouter /api/v1/models (imported from in.json)");
	/* "0" is free, not missing */
	prices_are(row("deepseek", "deepseek-r1:free", "", 0), 0, 0, NAN, NAN, 0);
	/* request is USD per request as it is */
	prices_are(row("perplexity", "sonar", "", 0), 1, 1, NAN, 1.25, 0.005);
	/* an id with no provider goes under openrouter; numbers are taken too */
	prices_are(row("openrouter", "solo", "", 0), 1, 2, NAN, NAN, 0);

	ck_assert_str_eq(skipped("openrouter/auto"), "dynamic price (-1)");
	ck_assert_str_eq(skipped("x/router"), "dynamic price (-1)");
	ck_assert_str_eq(skipped("a/junk"), "\"completion\" is not a number: \"$2\"");
	ck_assert_str_eq(skipped("a/blank"), "\"prompt\" is empty: \"\"");
	ck_assert_str_eq(skipped("a/spaces"), "\"prompt\" is not a number: \" 0.000001\"");
	ck_assert_str_eq(skipped("a/neg"), "a/neg: \"input_mtok\" is negative (-1)");
	ck_assert_str_eq(skipped("a/no-pricing"), "no \"pricing\" object");
	ck_assert_str_eq(skipped("a/input-only"), "no output price");
	ck_assert_uint_eq(res.nskipped, 8);
}
END_TEST

/* ---- errors ---- */

static void fails_at(enum import_format fmt, const char *json, int line, int col,
		     const char *msg)
{
	ck_assert_int_eq(run(fmt, json, AS_OF), LLMTCO_EDATA);
	ck_assert_ptr_nonnull(err.file);
	ck_assert_str_eq(err.file, "in.json");
	ck_assert_msg(err.line == line && err.col == col, "at %d:%d, want %d:%d (%s)",
		      err.line, err.col, line, col, err.msg);
	ck_assert_str_eq(err.msg, msg);
	ck_assert_uint_eq(res.nrows, 0);
}

START_TEST(bad_json_position)
{
	/* a missing comma: the next key, line 3 column 5 */
	fails_at(IMPORT_LITELLM, "{\"m\": {\n    \"mode\": \"chat\"\n    \"litellm_provider\": \"a\"}}",
		 3, 5, "invalid JSON");
	/* an unquoted key is found where it starts, not one character late */
	fails_at(IMPORT_LITELLM, "{\n  gpt: 1}", 2, 3, "invalid JSON");
	/* columns count characters, not bytes */
	fails_at(IMPORT_GENAI, "[{\"id\": \"\xc3\xa9\xc3\xa9\", x}]", 1, 15, "invalid JSON");
	fails_at(IMPORT_OPENROUTER, "{\"data\": [\n", 2, 1, "invalid JSON: unexpected end of file");
	fails_at(IMPORT_OPENROUTER, "{\"data\": []} []", 1, 14,
		 "unexpected text after the JSON value");
	fails_at(IMPORT_LITELLM, " \n ", 1, 1, "empty file: expected JSON");
	/* a byte order mark is not part of the text */
	ck_assert_int_eq(run(IMPORT_OPENROUTER, "\xEF\xBB\xBF{\"data\": []}", AS_OF), LLMTCO_OK);
	/* the wrong shape for the format */
	fails_at(IMPORT_LITELLM, "[]", 1, 1, "a LiteLLM price map must be a JSON object keyed by model");
	fails_at(IMPORT_GENAI, "{}", 1, 1, "genai-prices data must be a JSON array of providers");
	fails_at(IMPORT_OPENROUTER, "{\"models\": []}", 1, 1,
		 "an OpenRouter model list must be an object with a \"data\" array");
}
END_TEST

START_TEST(bad_as_of)
{
	static const char *const bad[] = { "", "2026-02-30", "2026-1-01", "26-01-01",
					   "2026-01-01T00:00", "1969-12-31" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(run(IMPORT_GENAI, "[]", bad[i]), LLMTCO_EUSAGE);
		ck_assert_ptr_nonnull(strstr(err.msg, "YYYY-MM-DD"));
	}
	ck_assert_int_eq(run(IMPORT_GENAI, "[]", "2028-02-29"), LLMTCO_OK);
	ck_assert_int_eq(import_prices(IMPORT_GENAI, "x", "[]", 2, NULL, &res, &err),
			 LLMTCO_EUSAGE);
}
END_TEST

START_TEST(format_names)
{
	enum import_format f;

	ck_assert_int_eq(import_format_parse("litellm", &f), 0);
	ck_assert_int_eq(f, IMPORT_LITELLM);
	ck_assert_int_eq(import_format_parse("genai-prices", &f), 0);
	ck_assert_int_eq(f, IMPORT_GENAI);
	ck_assert_int_eq(import_format_parse("openrouter", &f), 0);
	ck_assert_int_eq(f, IMPORT_OPENROUTER);
	ck_assert_int_eq(import_format_parse("LiteLLM", &f), -1);
	ck_assert_int_eq(import_format_parse("genai", &f), -1);
	ck_assert_str_eq(import_format_name(IMPORT_GENAI), "genai-prices");
}
END_TEST

/* ---- the real files ---- */

/* Read ../shared/data/NAME into file_text and parse it into file_json. */
static size_t load_data(const char *name)
{
	char path[256];
	size_t cap = 1 << 20, n = 0, got;
	FILE *fp;

	snprintf(path, sizeof(path), DATA_DIR "%s", name);
	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL,
		      "cannot read %s (%s): the tests read the shared data beside the "
		      "repository; run them from the repository root with ../shared/data/ "
		      "in place", path, strerror(errno));
	file_text = malloc(cap);
	ck_assert_ptr_nonnull(file_text);
	while ((got = fread(file_text + n, 1, cap - n - 1, fp)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *p = realloc(file_text, cap *= 2);
			ck_assert_ptr_nonnull(p);
			file_text = p;
		}
	}
	ck_assert_msg(!ferror(fp), "cannot read %s", path);
	fclose(fp);
	file_text[n] = '\0';
	file_json = cJSON_Parse(file_text);
	ck_assert_msg(file_json != NULL, "%s is not JSON", path);
	return n;
}

/* A LiteLLM entry's figure: per million for token prices; NAN when absent. */
static double ll_num(const char *key, const char *field, int per_token)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(file_json, key), field);

	if (!cJSON_IsNumber(v))
		return NAN;
	return per_token ? v->valuedouble * 1e6 : v->valuedouble;
}

/* The first of two figures that is there. */
static double either(double a, double b)
{
	return isnan(a) ? b : a;
}

static void same(double got, double want, const char *what)
{
	if (isnan(want))
		ck_assert_msg(isnan(got), "%s: %g, the file has none", what, got);
	else
		ck_assert_msg(fabs(got - want) <= 1e-9 * fabs(want) + 1e-12,
			      "%s: %.17g, the file says %.17g", what, got, want);
}

/*
 * The row of LiteLLM key `key` with `suffix` (e.g. "_batches",
 * "_above_200k_tokens") against the file: each figure is the suffixed key's,
 * else the plain key's (the importer's documented fallback).
 */
static void check_litellm(const char *key, const char *provider, const char *model,
			  const char *tier, double above, const char *suffix)
{
	static const char *const f[] = { "input_cost_per_token", "output_cost_per_token",
					 "cache_read_input_token_cost",
					 "cache_creation_input_token_cost" };
	const struct model_price *m = row(provider, model, tier, above);
	double want[4];
	char k[128];
	int i;

	for (i = 0; i < 4; i++) {
		snprintf(k, sizeof(k), "%s%s", f[i], suffix);
		want[i] = either(ll_num(key, k, 1), ll_num(key, f[i], 1));
	}
	same(m->input_mtok, want[0], key);
	same(m->output_mtok, want[1], key);
	same(m->cache_read_mtok, want[2], key);
	same(m->cache_write_mtok, want[3], key);
	same(m->usd_per_request, either(ll_num(key, "input_cost_per_request", 0), 0), key);
	ck_assert_str_eq(ROW_OF(m)->entry, key);
}

START_TEST(real_litellm)
{
	size_t len = load_data("litellm-model-prices.json");
	const struct model_price *m;

	ck_assert_int_eq(import_prices(IMPORT_LITELLM, DATA_DIR "litellm-model-prices.json",
				       file_text, len, AS_OF, &res, &err),
			 LLMTCO_OK);
	/* 1,701 models; 1,426 chat/completion/responses, of which 84 have no
	   token prices; 1,342 base rows + 79 batch + 38 above-128k + 14
	   above-200k rows less 126 duplicate rows = 1,347 */
	ck_assert_uint_eq(res.entries, 1701);
	ck_assert_uint_eq(res.nrows, 1347);
	ck_assert_uint_eq(res.nskipped, 485);
	ck_assert_uint_eq(count_reason("duplicate of "), 126);
	ck_assert_uint_eq(count_reason("no token prices"), 84);
	ck_assert_uint_eq(count_reason("no mode"), 10);
	ck_assert_uint_eq(count_reason("mode image_generation"), 103);
	ck_assert_uint_eq(count_reason("mode embedding"), 75);
	ck_assert_uint_eq(count_reason("mode audio_transcription"), 52);
	ck_assert_uint_eq(count_reason("mode rerank"), 13);
	ck_assert_uint_eq(count_reason("mode moderation"), 12);
	ck_assert_uint_eq(count_reason("mode audio_speech"), 10);

	/* gpt-4o: the standard row (2.5/10, cache read 1.25) and batch (1.25/5) */
	check_litellm("gpt-4o", "openai", "gpt-4o", "", 0, "");
	check_litellm("gpt-4o", "openai", "gpt-4o", "batch", 0, "_batches");
	m = row("openai", "gpt-4o", "batch", 0);
	prices_are(m, 1.25, 5, 1.25, NAN, 0);
	/* "openai/gpt-4o" names the same model: listed, the first kept */
	ck_assert_str_eq(skipped("openai/gpt-4o"), "duplicate of openai/gpt-4o, kept from \"gpt-4o\"");
	/* Claude Sonnet 4 with its above-200k row, cache prices included */
	check_litellm("claude-4-sonnet-20250514", "anthropic", "claude-4-sonnet-20250514", "", 0, "");
	check_litellm("claude-4-sonnet-20250514", "anthropic", "claude-4-sonnet-20250514", "",
		      200000, "_above_200k_tokens");
	prices_are(row("anthropic", "claude-4-sonnet-20250514", "", 200000), 6, 22.5, 0.6, 7.5, 0);
	/* Vertex's Gemini 1.5 Pro above 128k */
	check_litellm("gemini-1.5-pro", "vertex_ai-language-models", "gemini-1.5-pro", "", 0, "");
	check_litellm("gemini-1.5-pro", "vertex_ai-language-models", "gemini-1.5-pro", "", 128000,
		      "_above_128k_tokens");
	/* a per-request price on top of tokens: $0.005 */
	check_litellm("perplexity/pplx-7b-online", "perplexity", "pplx-7b-online", "", 0, "");
	ck_assert_double_eq_tol(row("perplexity", "pplx-7b-online", "", 0)->usd_per_request,
				0.005, 1e-15);
	/* a key whose prefix is not its provider keeps it */
	check_litellm("vertex_ai/claude-3-opus@20240229", "vertex_ai-anthropic_models",
		      "vertex_ai/claude-3-opus@20240229", "", 0, "");
	/* DeepSeek's cache price comes from input_cost_per_token_cache_hit */
	m = row("deepseek", "deepseek-chat", "", 0);
	same(m->cache_read_mtok, ll_num("deepseek-chat", "input_cost_per_token_cache_hit", 1),
	     "deepseek-chat cache hit");
	ck_assert_str_eq(skipped("text-embedding-3-small"), "mode embedding");
}
END_TEST

/* The prices object of provider/model in the genai-prices file (the list's
   entry `index` when it is a list). */
static const cJSON *genai_prices_of(const char *provider, const char *model, int index)
{
	const cJSON *p, *m;

	cJSON_ArrayForEach(p, file_json) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(p, "id");
		if (!cJSON_IsString(id) || strcmp(id->valuestring, provider))
			continue;
		cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(p, "models")) {
			const cJSON *mid = cJSON_GetObjectItemCaseSensitive(m, "id");
			const cJSON *pr = cJSON_GetObjectItemCaseSensitive(m, "prices");
			if (!cJSON_IsString(mid) || strcmp(mid->valuestring, model))
				continue;
			if (cJSON_IsArray(pr))
				pr = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(pr, index),
								      "prices");
			ck_assert_ptr_nonnull(pr);
			return pr;
		}
	}
	ck_abort_msg("%s/%s is not in the file", provider, model);
	return NULL;
}

/* A genai-prices value at `above` input tokens: its last tier started by
   then, else its base; NAN when absent. */
static double genai_num(const cJSON *prices, const char *key, double above)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(prices, key), *t;
	double best = -1, price;

	if (cJSON_IsNumber(v))
		return v->valuedouble;
	if (!cJSON_IsObject(v))
		return NAN;
	price = cJSON_GetObjectItemCaseSensitive(v, "base")->valuedouble;
	cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(v, "tiers")) {
		double s = cJSON_GetObjectItemCaseSensitive(t, "start")->valuedouble;
		if (s <= above && s > best) {
			best = s;
			price = cJSON_GetObjectItemCaseSensitive(t, "price")->valuedouble;
		}
	}
	return price;
}

static void check_genai(const char *provider, const char *model, int index, double above)
{
	const cJSON *pr = genai_prices_of(provider, model, index);
	const struct model_price *m = row(provider, model, "", above);

	same(m->input_mtok, genai_num(pr, "input_mtok", above), model);
	same(m->output_mtok, genai_num(pr, "output_mtok", above), model);
	same(m->cache_read_mtok, genai_num(pr, "cache_read_mtok", above), model);
	same(m->cache_write_mtok, genai_num(pr, "cache_write_mtok", above), model);
	same(m->usd_per_request, either(genai_num(pr, "requests_kcount", above) / 1000, 0), model);
}

START_TEST(real_genai)
{
	size_t len = load_data("genai-prices-v2-data.json");

	ck_assert_int_eq(import_prices(IMPORT_GENAI, DATA_DIR "genai-prices-v2-data.json",
				       file_text, len, AS_OF, &res, &err),
			 LLMTCO_OK);
	/* 1,466 models of 36 providers; 1,270 with both token prices give
	   1,270 base rows and 21 tier rows */
	ck_assert_uint_eq(res.entries, 1466);
	ck_assert_uint_eq(res.nrows, 1291);
	ck_assert_uint_eq(res.nskipped, 196);
	ck_assert_uint_eq(count_reason("no token prices"), 157);
	ck_assert_uint_eq(count_reason("no output price"), 39);
	ck_assert_uint_eq(count_reason("duplicate of "), 0);

	/* plain prices: Claude Haiku 3.5 is 0.8/4, cache 0.08 read, 1 write */
	check_genai("anthropic", "claude-3-5-haiku-latest", 0, 0);
	prices_are(row("anthropic", "claude-3-5-haiku-latest", "", 0), 0.8, 4, 0.08, 1, 0);
	/* tiers: Gemini 2.5 Pro 1.25/10, from 200k 2.5/15 */
	check_genai("google", "gemini-2.5-pro", 0, 0);
	check_genai("google", "gemini-2.5-pro", 0, 200000);
	prices_are(row("google", "gemini-2.5-pro", "", 200000), 2.5, 15, 0.25, NAN, 0);
	/* a dated list: Claude Opus 4.6's second entry (from 2026-03-13, no
	   long-context tier any more) is in force on 2026-11-21 */
	check_genai("anthropic", "claude-opus-4-6", 1, 0);
	prices_are(row("anthropic", "claude-opus-4-6", "", 0), 5, 25, 0.5, 6.25, 0);
	/* a dated list with tiers: GPT-5.6 Luna from 2026-07-30 */
	check_genai("openai", "gpt-5.6-luna", 1, 0);
	check_genai("openai", "gpt-5.6-luna", 1, 272000);
	prices_are(row("openai", "gpt-5.6-luna", "", 272000), 0.4, 1.8, 0.04, 0.5, 0);
	/* o3 from 2025-06-10: 2/8 (not the launch 10/40) */
	check_genai("openai", "o3", 1, 0);
	/* time of day: DeepSeek Chat's unconstrained entry, 0.135/0.55 */
	check_genai("deepseek", "deepseek-chat", 0, 0);
	/* per request: Perplexity Sonar, $12 per thousand requests */
	check_genai("perplexity", "sonar", 0, 0);
	ck_assert_double_eq_tol(row("perplexity", "sonar", "", 0)->usd_per_request, 0.012, 1e-15);
	ck_assert_str_eq(row("anthropic", "claude-opus-4-6", "", 0)->source,
			 "genai-prices data v2 (imported from genai-prices-v2-data.json); "
			 "https://www.anthropic.com/pricing#api");
}
END_TEST

/* Before 2026-03-13, Claude Opus 4.6's first entry and its 200k tier. */
START_TEST(real_genai_as_of)
{
	size_t len = load_data("genai-prices-v2-data.json");

	ck_assert_int_eq(import_prices(IMPORT_GENAI, "genai-prices-v2-data.json", file_text, len,
				       "2026-03-12", &res, &err),
			 LLMTCO_OK);
	check_genai("anthropic", "claude-opus-4-6", 0, 0);
	check_genai("anthropic", "claude-opus-4-6", 0, 200000);
	prices_are(row("anthropic", "claude-opus-4-6", "", 200000), 10, 37.5, 1, 12.5, 0);
	/* and o3 still at launch on 2025-06-09 */
	ck_assert_int_eq(run(IMPORT_GENAI, file_text, "2025-06-09"), LLMTCO_OK);
	check_genai("openai", "o3", 0, 0);
}
END_TEST

Suite *make_import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");
	TCase *real = tcase_create("real");

	tcase_add_checked_fixture(core, setup, teardown);
	tcase_add_checked_fixture(limits, setup, teardown);
	tcase_add_checked_fixture(real, setup, teardown);
	tcase_set_timeout(real, 120); /* under valgrind */
	tcase_add_test(core, litellm_rows);
	tcase_add_test(core, litellm_skips);
	tcase_add_test(core, litellm_duplicate_rows);
	tcase_add_test(core, genai_tiers);
	tcase_add_test(core, genai_dated_lists);
	tcase_add_test(core, openrouter_strings);
	tcase_add_test(core, format_names);
	tcase_add_test(limits, genai_bad_lists);
	tcase_add_test(limits, bad_json_position);
	tcase_add_test(limits, bad_as_of);
	tcase_add_test(real, real_litellm);
	tcase_add_test(real, real_genai);
	tcase_add_test(real, real_genai_as_of);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	suite_add_tcase(s, real);
	return s;
}
