/*
 * test_usage.c - scenarios/usage: every usage-log layout of FORMATS.md read
 * from a small hand-made fixture (tests/fixtures/usage/, the real header
 * names, with quoted newlines, CRLF, a UTF-8 BOM and empty cells), with
 * exact totals; chunk boundaries anywhere (1 and 7 bytes); and every bad
 * input refused at its file:line:col.
 *
 * List costs are worked out by hand from pricing/data/models.csv (USD per
 * million tokens) in the comment beside each assertion.
 */
#include "suites.h"
#include "fixture.h"
#include "../scenarios/usage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-9 /* sums of a few exact products */
#define FIX "tests/fixtures/usage/"

static struct catalog cat;
static struct usage_reader rd;
static struct usage_summary sum;
static struct llmtco_err err;
static char *text;   /* the last file read whole */
static size_t text_len;

static void usage_teardown(void)
{
	usage_summary_release(&sum);
	usage_release(&rd);
	free(text);
	text = NULL;
}

/* A fixture file, whole, into `text`. */
static void slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	long n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	free(text);
	text = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(text);
	text_len = fread(text, 1, (size_t)n, fp);
	fclose(fp);
	ck_assert_uint_eq(text_len, (size_t)n);
}

/* Feed `len` bytes named `name` in pieces of `chunk` (0: whole); the status. */
static int feed(const char *name, const char *data, size_t len, size_t chunk)
{
	size_t at = 0;
	int rc;

	rc = usage_begin(&rd, name, &err);
	while (!rc && at < len) {
		size_t n = chunk && len - at > chunk ? chunk : len - at;
		rc = usage_feed(&rd, data + at, n);
		at += n;
	}
	if (rc) {
		usage_abandon(&rd);
		return rc;
	}
	return usage_finish(&rd);
}

/* A fresh reader on the built-in catalog. */
static void fresh(void)
{
	usage_summary_release(&sum);
	usage_release(&rd);
	if (!cat.nmodels)
		load_builtin(&cat);
	usage_init(&rd, &cat);
}

/* Read fixture files in chunks of `chunk` bytes and summarize them. */
static void read_in(size_t chunk, const char *a, const char *b)
{
	char path[256];

	fresh();
	snprintf(path, sizeof(path), FIX "%s", a);
	slurp(path);
	ck_assert_msg(feed(a, text, text_len, chunk) == LLMTCO_OK, "%s:%d:%d: %s", a,
		      err.line, err.col, err.msg);
	if (b) {
		snprintf(path, sizeof(path), FIX "%s", b);
		slurp(path);
		ck_assert_msg(feed(b, text, text_len, chunk) == LLMTCO_OK, "%s:%d:%d: %s", b,
			      err.line, err.col, err.msg);
	}
	ck_assert_int_eq(usage_summarize(&rd, &sum), LLMTCO_OK);
}

static void read_fixture(const char *name)
{
	read_in(0, name, NULL);
}

static const struct usage_model *model(const char *name)
{
	size_t i;

	for (i = 0; i < sum.nmodels; i++)
		if (!strcmp(sum.models[i]->name, name))
			return sum.models[i];
	ck_abort_msg("no model \"%s\" in the summary", name);
	return NULL;
}

/* The counts of a model, exactly. */
static void tokens(const struct usage_model *m, double requests, double input,
		   double cached, double cache_write, double output)
{
	ck_assert_double_eq_tol(m->requests, requests, EXACT);
	ck_assert_double_eq_tol(m->input_tokens, input, EXACT);
	ck_assert_double_eq_tol(m->cache_read_tokens, cached, EXACT);
	ck_assert_double_eq_tol(m->cache_write_tokens, cache_write, EXACT);
	ck_assert_double_eq_tol(m->output_tokens, output, EXACT);
}

/* Reading `csv` (as "bad.csv") fails at line:col with exactly `msg`. */
static void refused(const char *csv, size_t chunk, int line, int col, const char *msg)
{
	fresh();
	ck_assert_int_eq(feed("bad.csv", csv, strlen(csv), chunk), LLMTCO_EDATA);
	ck_assert_ptr_nonnull(err.file);
	ck_assert_str_eq(err.file, "bad.csv");
	ck_assert_msg(err.line == line && err.col == col, "at %d:%d, want %d:%d (%s)",
		      err.line, err.col, line, col, err.msg);
	ck_assert_str_eq(err.msg, msg);
}

/* ---- one fixture per layout ---- */

START_TEST(openrouter_export)
{
	const struct usage_model *m;

	read_fixture("openrouter.csv"); /* a BOM, CRLF, quoted app names */
	ck_assert_str_eq(sum.format, "openrouter");
	ck_assert_double_eq(sum.rows, 4);
	/* gpt-4o: prompt 2000 of which 1000 cached, + 4000 (cached empty);
	 * completion 1000 + 2000 and reasoning 0 (empty) + 500 */
	m = model("openai/gpt-4o-2024-08-06");
	tokens(m, 2, 5000, 1000, 0, 3500);
	ck_assert_double_eq_tol(m->reasoning_tokens, 500, EXACT);
	ck_assert_double_eq_tol(m->recorded_usd, 0.0125 + 0.035, EXACT);
	/* gpt-4o $2.50 in, $1.25 cache read, $10 out:
	 * 5000 x 2.5 + 1000 x 1.25 + 3500 x 10 = 12500 + 1250 + 35000 = 48750 / 1e6 */
	ck_assert_double_eq_tol(m->list_usd, 0.04875, EXACT);
	/* "anthropic/claude-sonnet-4.5" is claude-sonnet-4-5 ('.' = '-'):
	 * 100000 x 3 + (20000 + 4000 reasoning) x 15 = 300000 + 360000 = 0.66;
	 * recorded 0.5 cost_total + 0.25 byok_usage_inference */
	m = model("anthropic/claude-sonnet-4.5");
	tokens(m, 1, 100000, 0, 0, 24000);
	ck_assert_double_eq_tol(m->recorded_usd, 0.75, EXACT);
	ck_assert_double_eq_tol(m->list_usd, 0.66, EXACT);
	/* not in the catalog: listed with its request, not priced */
	m = model("acme/unknown-model");
	ck_assert_double_eq(m->unpriced_rows, 1);
	ck_assert_double_eq(m->unpriced_requests, 1);
	ck_assert_double_eq(m->priced_rows, 0);
	ck_assert_uint_eq(sum.nunpriced, 1);
	ck_assert_double_eq_tol(sum.requests, 4, EXACT);
	ck_assert(sum.requests_known);
	ck_assert_double_eq_tol(sum.recorded_usd, 0.8075, EXACT);
	ck_assert_double_eq_tol(sum.list_usd, 0.04875 + 0.66, EXACT);
	/* 2026-02-01 00:00:00 to 2026-02-08 00:00:00 */
	ck_assert(sum.have_span);
	ck_assert_double_eq_tol(sum.span_days, 7, EXACT);
}
END_TEST

START_TEST(litellm_spendlogs)
{
	const struct usage_model *m;

	read_fixture("litellm-spendlogs.csv"); /* JSON text with commas, quotes, newlines */
	ck_assert_str_eq(sum.format, "litellm-spendlogs");
	ck_assert_double_eq(sum.rows, 4);
	/* req-1, req-3 (a cache hit: a request, no tokens), req-4 (failed, empty) */
	m = model("gpt-4o-mini");
	tokens(m, 3, 100000, 0, 0, 60000);
	ck_assert_double_eq_tol(m->recorded_usd, 0.051, EXACT);
	/* gpt-4o-mini $0.15 in, $0.60 out: 100000 x 0.15 + 60000 x 0.6 = 0.015 + 0.036 */
	ck_assert_double_eq_tol(m->list_usd, 0.051, EXACT);
	/* claude-haiku-4-5 $1 in, $5 out: 10000 x 1 + 2000 x 5 = 0.02 */
	m = model("claude-haiku-4-5-20251001");
	tokens(m, 1, 10000, 0, 0, 2000);
	ck_assert_double_eq_tol(m->list_usd, 0.02, EXACT);
	ck_assert_double_eq_tol(sum.recorded_usd, 0.101, EXACT);
	/* startTime 2026-03-01 10:00:00+00 to 2026-03-04 10:00:00 */
	ck_assert_double_eq_tol(sum.span_days, 3, EXACT);
}
END_TEST

START_TEST(litellm_daily)
{
	const struct usage_model *m;

	read_fixture("litellm-daily.csv");
	ck_assert_str_eq(sum.format, "litellm-daily");
	/* one row = api_requests requests: 100 + 1 */
	m = model("claude-sonnet-4-5");
	/* prompt 1000000 holds 400000 read + 100000 written: 500000 uncached,
	 * + 500000 of d-3 */
	tokens(m, 101, 1000000, 400000, 100000, 101000);
	ck_assert_double_eq_tol(m->recorded_usd, 5.5, EXACT);
	/* d-1, 10000 tokens a request, base price $3/$15, read $0.30, write
	 * $3.75: 500000 x 3 + 400000 x 0.3 + 100000 x 3.75 + 100000 x 15
	 * = 1.5 + 0.12 + 0.375 + 1.5 = 3.495; d-3, one request of 500000
	 * tokens, above 200000: $6/$22.50: 500000 x 6 + 1000 x 22.5 = 3.0225 */
	ck_assert_double_eq_tol(m->list_usd, 3.495 + 3.0225, EXACT);
	/* gpt-4o: 200000 - 80000 read (write empty) = 120000 uncached:
	 * 120000 x 2.5 + 80000 x 1.25 + 50000 x 10 = 0.3 + 0.1 + 0.5 */
	m = model("gpt-4o");
	tokens(m, 50, 120000, 80000, 0, 50000);
	ck_assert_double_eq_tol(m->list_usd, 0.9, EXACT);
	ck_assert_double_eq_tol(sum.requests, 151, EXACT);
	/* dates 2026-04-01 to 2026-04-03, each a whole day: 3 days */
	ck_assert_double_eq_tol(sum.span_days, 3, EXACT);
}
END_TEST

START_TEST(openai_cached_counted_once)
{
	const struct usage_model *m;

	read_fixture("openai-usage.csv"); /* CRLF */
	ck_assert_str_eq(sum.format, "openai-usage");
	/* input_tokens 50000 + 1000 include 20000 + 1000 cached: 30000 + 0
	 * uncached, never 51000 nor 72000 */
	m = model("gpt-4o-mini-2024-07-18");
	tokens(m, 12, 30000, 21000, 0, 10100);
	/* $0.15 in, $0.075 cache read, $0.60 out:
	 * 30000 x 0.15 + 21000 x 0.075 + 10100 x 0.6 = 4500 + 1575 + 6060 */
	ck_assert_double_eq_tol(m->list_usd, 0.012135, EXACT);
	/* gpt-5, a batch bucket (no batch row in the catalog: standard):
	 * 120000 x 1.25 + 20000 x 10 = 0.15 + 0.2 */
	m = model("gpt-5-2025-08-07");
	tokens(m, 5, 120000, 0, 0, 20000);
	ck_assert_double_eq_tol(m->list_usd, 0.35, EXACT);
	/* no cost column: nothing recorded */
	ck_assert(!sum.recorded_known);
	ck_assert_double_eq(m->cost_rows, 0);
	/* buckets from start_time 2026-01-01 to end_time 2026-01-03 */
	ck_assert_double_eq_tol(sum.span_days, 2, EXACT);
}
END_TEST

START_TEST(openai_batch_priced_at_batch_row)
{
	static const char batch[] =
		"provider,model,service_tier,input_mtok,output_mtok,source,as_of\n"
		"openai,gpt-5,batch,0.625,5,test,2026-01-01\n";
	const struct usage_model *m;

	fresh();
	ck_assert_int_eq(catalog_load_csv(&cat, "batch.csv", batch, strlen(batch), &err),
			 LLMTCO_OK);
	read_fixture("openai-usage.csv");
	/* the batch bucket at the batch row: 120000 x 0.625 + 20000 x 5 */
	m = model("gpt-5-2025-08-07");
	ck_assert_double_eq_tol(m->list_usd, 0.075 + 0.1, EXACT);
	catalog_release(&cat); /* the next test loads the built-in one again */
}
END_TEST

START_TEST(anthropic_usage)
{
	const struct usage_model *m;

	read_fixture("anthropic-usage.csv"); /* a BOM */
	ck_assert_str_eq(sum.format, "anthropic-usage");
	/* haiku: 200000 written for 5 minutes + 100000 for 1 hour */
	m = model("claude-haiku-4-5-20251001");
	tokens(m, 0, 1000000, 500000, 300000, 300000);
	/* $1 in, $1.25 5-minute write, 1-hour write twice the input ($2),
	 * $0.10 read, $5 out: 1 + 0.25 + 0.2 + 0.05 + 1.5 */
	ck_assert_double_eq_tol(m->list_usd, 3.0, EXACT);
	/* no request counts: unknown, not guessed */
	ck_assert_double_eq(m->counted_rows, 0);
	ck_assert(!sum.requests_known);
	/* sonnet 200k-1M at $6/$22.50: 400000 x 6 + 20000 x 22.5 = 2.85;
	 * 0-200k at $3/$15: 100000 x 3 + 20000 x 15 = 0.6 */
	m = model("claude-sonnet-4-5-20250929");
	tokens(m, 0, 500000, 0, 0, 40000);
	ck_assert_double_eq_tol(m->list_usd, 3.45, EXACT);
	/* 2026-05-01 and 2026-05-02, whole days */
	ck_assert_double_eq_tol(sum.span_days, 2, EXACT);
}
END_TEST

START_TEST(anthropic_cost_in_dollars)
{
	const struct usage_model *m;

	read_fixture("anthropic-cost.csv");
	ck_assert_str_eq(sum.format, "anthropic-cost");
	/* "Claude Haiku 4.5" is read as claude-haiku-4.5 */
	m = model("claude-haiku-4.5");
	ck_assert_double_eq_tol(m->recorded_usd, 1.25 + 3.50, EXACT);
	ck_assert_double_eq_tol(m->list_usd, 1.25 + 3.50, EXACT); /* list_price_usd */
	m = model("claude-sonnet-4.5");
	ck_assert_double_eq_tol(m->recorded_usd, 2.00 + 0.10, EXACT);
	ck_assert_double_eq_tol(m->list_usd, 2.50, EXACT);
	/* the web-search row has no list price: not priced, said so */
	ck_assert_double_eq(m->unpriced_rows, 1);
	ck_assert(m->no_tokens);
	ck_assert_double_eq_tol(sum.recorded_usd, 6.85, EXACT);
	ck_assert_double_eq_tol(sum.span_days, 2, EXACT);
}
END_TEST

START_TEST(anthropic_cost_api_in_cents)
{
	const struct usage_model *m;

	read_fixture("anthropic-cost-api.csv");
	ck_assert_str_eq(sum.format, "anthropic-cost-api");
	/* amounts 125.25 and 350 are cents */
	m = model("claude-haiku-4-5");
	ck_assert_double_eq_tol(m->recorded_usd, 4.7525, EXACT);
	ck_assert_double_eq(m->priced_rows, 0);
	/* starting_at 2026-06-01 to ending_at 2026-06-02 */
	ck_assert_double_eq_tol(sum.span_days, 1, EXACT);
}
END_TEST

START_TEST(helicone_export)
{
	const struct usage_model *m;

	read_fixture("helicone.csv"); /* request bodies with newlines */
	ck_assert_str_eq(sum.format, "helicone");
	/* gpt-4o: 100000 x 2.5 + 20000 x 10 = 0.25 + 0.2 */
	m = model("gpt-4o");
	tokens(m, 1, 100000, 0, 0, 20000);
	ck_assert_double_eq_tol(m->list_usd, 0.45, EXACT);
	/* mistral-large $2/$6: 5000 x 2 + 1000 x 6 = 0.016 */
	m = model("mistral-large");
	ck_assert_double_eq_tol(m->list_usd, 0.016, EXACT);
	ck_assert_double_eq_tol(sum.recorded_usd, 0.466, EXACT);
	ck_assert_double_eq_tol(sum.span_days, 2, EXACT);
}
END_TEST

START_TEST(generic_layout)
{
	const struct usage_model *m;

	read_fixture("generic.csv");
	ck_assert_str_eq(sum.format, "generic");
	/* input_tokens 2000000 include 1000000 cached; deepseek-v4-flash
	 * $0.10 in, $0.0028 read, $0.20 out: 0.1 + 0.0028 + 0.1 */
	m = model("deepseek/deepseek-v4-flash");
	tokens(m, 1000, 1000000, 1000000, 0, 500000);
	ck_assert_double_eq_tol(m->list_usd, 0.2028, EXACT);
	/* empty cached_tokens and cost_usd are 0; grok-4.3 $1.25/$2.50:
	 * 10000 x 1.25 + 2000 x 2.5 = 0.0175 */
	m = model("grok-4.3");
	tokens(m, 10, 10000, 0, 0, 2000);
	ck_assert_double_eq_tol(m->list_usd, 0.0175, EXACT);
	ck_assert_double_eq(m->recorded_usd, 0);
	ck_assert_double_eq(m->cost_rows, 1);
	/* gemini-2.5-flash $0.30/$2.50: 0.03 + 0.03 */
	ck_assert_double_eq_tol(model("gemini-2.5-flash")->list_usd, 0.06, EXACT);
	ck_assert_double_eq_tol(sum.list_usd, 0.2028 + 0.0175 + 0.06, EXACT);
	ck_assert_double_eq_tol(sum.requests, 1110, EXACT);
	/* 2026-08-01 to 2026-08-31, whole days: 31 */
	ck_assert_double_eq_tol(sum.span_days, 31, EXACT);
}
END_TEST

START_TEST(two_layouts_together)
{
	read_in(0, "openrouter.csv", "generic.csv");
	ck_assert_str_eq(sum.format, "mixed");
	ck_assert_uint_eq(rd.nfiles, 2);
	ck_assert_int_eq(rd.files[0].layout, USAGE_OPENROUTER);
	ck_assert_int_eq(rd.files[1].layout, USAGE_GENERIC);
	ck_assert_double_eq(sum.rows, 7);
	ck_assert_double_eq_tol(sum.requests, 4 + 1110, EXACT);
	ck_assert_double_eq_tol(sum.list_usd, 0.70875 + 0.2803, EXACT);
	/* 2026-02-01 to the end of 2026-08-31 */
	ck_assert_double_eq_tol(sum.span_days, 212, EXACT);
}
END_TEST

/* ---- limits ---- */

/* Everything a summary says, compared exactly. */
struct snap {
	char names[16][64];
	double v[16][12];
	size_t n;
	double rows, requests, recorded, list, span;
};

static void take(struct snap *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	ck_assert_uint_le(sum.nmodels, 16);
	for (i = 0; i < sum.nmodels; i++) {
		const struct usage_model *m = sum.models[i];
		snprintf(s->names[i], sizeof(s->names[i]), "%s", m->name);
		s->v[i][0] = m->requests, s->v[i][1] = m->input_tokens;
		s->v[i][2] = m->cache_read_tokens, s->v[i][3] = m->cache_write_tokens;
		s->v[i][4] = m->output_tokens, s->v[i][5] = m->reasoning_tokens;
		s->v[i][6] = m->recorded_usd, s->v[i][7] = m->list_usd;
		s->v[i][8] = m->rows, s->v[i][9] = m->unpriced_rows;
		s->v[i][10] = m->counted_rows, s->v[i][11] = m->cost_rows;
	}
	s->n = sum.nmodels;
	s->rows = sum.rows, s->requests = sum.requests, s->recorded = sum.recorded_usd;
	s->list = sum.list_usd, s->span = sum.span_days;
}

static const char *const fixtures[] = {
	"openrouter.csv", "litellm-spendlogs.csv", "litellm-daily.csv", "openai-usage.csv",
	"anthropic-usage.csv", "anthropic-cost.csv", "anthropic-cost-api.csv",
	"helicone.csv", "generic.csv"
};

START_TEST(chunk_boundaries_change_nothing)
{
	static const size_t chunks[] = { 1, 7 };
	struct snap whole, piece;
	size_t c;

	read_in(0, fixtures[_i], NULL);
	take(&whole);
	for (c = 0; c < 2; c++) {
		read_in(chunks[c], fixtures[_i], NULL);
		take(&piece);
		ck_assert_msg(!memcmp(&whole, &piece, sizeof(whole)),
			      "%s read %zu bytes at a time differs", fixtures[_i], chunks[c]);
	}
}
END_TEST

START_TEST(bad_number_at_line_col)
{
	static const size_t chunks[] = { 0, 1, 7 };
	size_t c;

	/* bad-number.csv: row 3 is "gpt-4o,2,12x4,200" */
	for (c = 0; c < 3; c++) {
		fresh();
		slurp(FIX "bad-number.csv");
		ck_assert_int_eq(feed("bad-number.csv", text, text_len, chunks[c]), LLMTCO_EDATA);
		ck_assert_int_eq(err.line, 3);
		ck_assert_int_eq(err.col, 10);
		ck_assert_str_eq(err.msg, "\"input_tokens\" has trailing characters");
	}
	refused("model,requests,input_tokens,output_tokens\r\ngpt-4o,1,abc,2\r\n", 0, 2, 10,
		"\"input_tokens\" is not a number");
	refused("model,requests,input_tokens,output_tokens\ngpt-4o,1,-5,2\n", 3, 2, 10,
		"\"input_tokens\" must not be negative");
	refused("model,requests,input_tokens,output_tokens\ngpt-4o,1,2e300,2\n", 0, 2, 10,
		"\"input_tokens\" is too large (at most 1e15)");
	refused("model,requests,input_tokens,output_tokens\ngpt-4o,1,nan,2\n", 0, 2, 10,
		"\"input_tokens\" is not finite");
	refused("model,requests,input_tokens,output_tokens,date\ngpt-4o,1,2,3,2026-02-30\n", 0,
		2, 14, "\"date\" is not a date (YYYY-MM-DD, optionally with a time)");
}
END_TEST

START_TEST(bad_number_after_quoted_newlines)
{
	/* the bad "spend" follows a field holding two newlines: line 5, col 5 */
	static const char csv[] =
		"request_id,startTime,model,metadata,spend,prompt_tokens,completion_tokens\n"
		"r1,2026-01-01,gpt-4o,\"{}\",1,2,3\n"
		"r2,2026-01-01,gpt-4o,\"{\"\"a\"\":\n1,\n2}\",x1,2,3\n";
	/* a numeric cell that itself spans lines: where it begins */
	static const char csv2[] =
		"model,requests,input_tokens,output_tokens\n"
		"gpt-4o,\"1\n2\",3,4\n";

	refused(csv, 0, 5, 5, "\"spend\" is not a number");
	refused(csv, 1, 5, 5, "\"spend\" is not a number");
	refused(csv, 7, 5, 5, "\"spend\" is not a number");
	refused(csv2, 0, 2, 8, "\"requests\" has trailing characters");
	refused(csv2, 1, 2, 8, "\"requests\" has trailing characters");
}
END_TEST

START_TEST(cached_more_than_input)
{
	fresh();
	slurp(FIX "bad-cached.csv");
	/* row 3: input_tokens 1000, input_cached_tokens 1001 (col 29) */
	ck_assert_int_eq(feed("bad-cached.csv", text, text_len, 0), LLMTCO_EDATA);
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(err.col, 29);
	ck_assert_str_eq(err.msg, "\"input_cached_tokens\" exceeds \"input_tokens\", which includes it");
	refused("date,model,prompt_tokens,completion_tokens,spend,api_requests,"
		"cache_read_input_tokens,cache_creation_input_tokens\n"
		"2026-01-01,gpt-4o,10,1,0,1,6,5\n", 0, 2, 30,
		"\"cache_read_input_tokens\" + \"cache_creation_input_tokens\" exceed "
		"\"prompt_tokens\", which includes them");
}
END_TEST

START_TEST(bad_files)
{
	/* an unknown header names what was expected */
	fresh();
	slurp(FIX "unknown-header.csv");
	ck_assert_int_eq(feed("unknown-header.csv", text, text_len, 0), LLMTCO_EDATA);
	ck_assert_int_eq(err.line, 1);
	ck_assert_str_eq(err.msg, "unknown usage log: the header is none of the exports llmtco "
				  "reads (llmtco usage --help) nor the generic \"model\", "
				  "\"requests\", \"input_tokens\", \"output_tokens\"");
	fresh();
	slurp(FIX "near-openai.csv");
	ck_assert_int_eq(feed("near-openai.csv", text, text_len, 0), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "unknown usage log: the header looks like the OpenAI usage "
				  "export but lacks \"num_model_requests\"");
	/* rows must have the header's fields */
	refused("model,requests,input_tokens,output_tokens\ngpt-4o,1,2\n", 0, 2, 1,
		"row has 3 fields, the header 4");
	/* broken quotes */
	refused("model,requests,input_tokens,output_tokens\ngpt\"4o,1,2,3\n", 0, 2, 4,
		"stray quote inside a field");
	refused("model,requests,input_tokens,output_tokens\n\"gpt-4o\"x,1,2,3\n", 0, 2, 9,
		"malformed field after a closing quote");
	refused("model,requests,input_tokens,output_tokens\ngpt-4o,1,2,\"3\n", 0, 2, 12,
		"unterminated quoted field");
	/* no header at all */
	fresh();
	ck_assert_int_eq(feed("empty.csv", "", 0, 0), LLMTCO_EDATA);
	ck_assert_int_eq(err.line, 0);
	ck_assert_str_eq(err.msg, "no header row: the file is empty");
}
END_TEST

START_TEST(numbers_read_as_num_parse_does)
{
	/* one model per value: its recorded cost is the value as read */
	static const char *const vals[] = {
		"0.1", "0.3", "123456789012345", "0.000001", "1.5", "-0.25", "7",
		"999999999.999999", "0.000000000000001", "1e3", "123456789012.34567",
		"0.10000000000000001", "+2", "3."
	};
	char csv[2048], name[16];
	size_t i, n;
	double want;
	const char *why;

	n = (size_t)snprintf(csv, sizeof(csv), "model,requests,input_tokens,output_tokens,cost_usd\n");
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		n += (size_t)snprintf(csv + n, sizeof(csv) - n, "m%zu,1,1,1,%s\n", i, vals[i]);
	fresh();
	ck_assert_int_eq(feed("n.csv", csv, n, 0), LLMTCO_OK);
	ck_assert_int_eq(usage_summarize(&rd, &sum), LLMTCO_OK);
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		snprintf(name, sizeof(name), "m%zu", i);
		ck_assert_int_eq(num_parse(vals[i], &want, &why), 0);
		ck_assert_msg(model(name)->recorded_usd == want, "%s read as %.17g, not %.17g",
			      vals[i], model(name)->recorded_usd, want);
	}
}
END_TEST

START_TEST(times_and_zones)
{
	/* instants: 2026-01-01 00:00 UTC and 2026-01-02 12:00 UTC (13:30+01:30) */
	refused("model,requests,input_tokens,output_tokens,date\n"
		"gpt-4o,1,1,1,2026-01-01 24:00\n", 0, 2, 14,
		"\"date\" is not a date (YYYY-MM-DD, optionally with a time)");
	fresh();
	{
		static const char csv[] =
			"model,requests,input_tokens,output_tokens,date\n"
			"gpt-4o,1,1,1,2026-01-01T00:00:00Z\n"
			"gpt-4o,1,1,1,2026-01-02 13:30:00.5+01:30\n"
			"gpt-4o,1,1,1,\n";
		char t[32];
		ck_assert_int_eq(feed("t.csv", csv, strlen(csv), 0), LLMTCO_OK);
		ck_assert_int_eq(usage_summarize(&rd, &sum), LLMTCO_OK);
		ck_assert_double_eq_tol(sum.span_days, 1.5 + 0.5 / 86400, 1e-12);
		usage_time_text(sum.first, t, sizeof(t));
		ck_assert_str_eq(t, "2026-01-01 00:00:00");
		usage_time_text(sum.last, t, sizeof(t));
		ck_assert_str_eq(t, "2026-01-02 12:00:00");
	}
	/* less than a day of data is one day */
	fresh();
	{
		static const char csv[] = "model,requests,input_tokens,output_tokens,date\n"
					  "gpt-4o,1,1,1,2026-01-01 10:00\n";
		ck_assert_int_eq(feed("t.csv", csv, strlen(csv), 0), LLMTCO_OK);
		ck_assert_int_eq(usage_summarize(&rd, &sum), LLMTCO_OK);
		ck_assert_double_eq(sum.span_days, 1);
	}
}
END_TEST

START_TEST(layout_names_and_columns)
{
	char buf[512];

	ck_assert_str_eq(usage_layout_name(USAGE_OPENAI), "openai-usage");
	ck_assert_str_eq(usage_layout_title(USAGE_ANTHROPIC_COST), "Anthropic console cost CSV");
	usage_layout_columns(USAGE_GENERIC, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "\"model\", \"requests\", \"input_tokens\", \"output_tokens\"");
	usage_layout_columns(USAGE_GENERIC, 1, buf, sizeof(buf));
	ck_assert_str_eq(buf, "\"cached_tokens\", \"cost_usd\", \"date\"");
}
END_TEST

Suite *make_usage_suite(void)
{
	Suite *s = suite_create("usage");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(core, NULL, usage_teardown);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, usage_teardown);
	tcase_add_test(core, openrouter_export);
	tcase_add_test(core, litellm_spendlogs);
	tcase_add_test(core, litellm_daily);
	tcase_add_test(core, openai_cached_counted_once);
	tcase_add_test(core, openai_batch_priced_at_batch_row);
	tcase_add_test(core, anthropic_usage);
	tcase_add_test(core, anthropic_cost_in_dollars);
	tcase_add_test(core, anthropic_cost_api_in_cents);
	tcase_add_test(core, helicone_export);
	tcase_add_test(core, generic_layout);
	tcase_add_test(core, two_layouts_together);
	tcase_add_loop_test(limits, chunk_boundaries_change_nothing, 0,
			    (int)(sizeof(fixtures) / sizeof(fixtures[0])));
	tcase_add_test(limits, bad_number_at_line_col);
	tcase_add_test(limits, bad_number_after_quoted_newlines);
	tcase_add_test(limits, cached_more_than_input);
	tcase_add_test(limits, bad_files);
	tcase_add_test(limits, numbers_read_as_num_parse_does);
	tcase_add_test(limits, times_and_zones);
	tcase_add_test(limits, layout_names_and_columns);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}
