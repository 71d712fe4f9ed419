/*
 * test_reports.c - reports/: human and machine number formats, the period
 * factor, grids rendered as a table, RFC 4180 CSV and Markdown, atomic
 * output files, and the compare writers: JSON read back with cJSON against
 * the field names of SPEC section 3, CSV read back with libcsv, and no
 * thousands separator in any machine format.
 */
#include "suites.h"
#include "fixture.h"
#include "../pricing/catalog.h"
#include "../reports/compare_out.h"
#include "../reports/format.h"
#include "../reports/output.h"
#include "../reports/pricing_out.h"
#include "../scenarios/scenario.h"
#include "../scenarios/tco.h"

#include <cJSON.h>
#include <csv.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MONEY 0.005 /* to the cent */

static struct llmtco_err err;

/* ---- helpers ---- */

/* A built-in catalog and the comparison of a scenario on it. */
struct fixture {
	struct catalog c;
	struct scenario s;
	struct comparison cmp;
};

static void fixture_spend(struct fixture *f, double spend)
{
	cat_init(&f->c);
	scn_init(&f->s);
	err_clear(&err);
	ck_assert_msg(catalog_load_builtin(&f->c, &err) == LLMTCO_OK, "%s", err.msg);
	hold_cmp(&f->cmp);
	f->s.api_spend.set = 1;
	f->s.api_spend.r = range_fixed(spend);
	ck_assert_msg(tco_compare(&f->c, &f->s, &f->cmp, &err) == LLMTCO_OK, "%s", err.msg);
}

static void fixture_release(struct fixture *f)
{
	comparison_release(&f->cmp);
	scenario_release(&f->s);
	catalog_release(&f->c);
}

/* What compare_write writes, as a malloc'd string. */
static char *render(const struct fixture *f, enum out_format fmt, enum period period,
		    const char *name)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(compare_write(fp, &f->c, &f->cmp, fmt, period, name), LLMTCO_OK);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_ptr_nonnull(buf);
	return buf;
}

/* What a grid writer writes. */
static char *render_grid(const struct grid *g, int how, int indent)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	if (how == 0)
		grid_write_table(fp, g, indent);
	else if (how == 1)
		grid_write_csv(fp, g);
	else
		grid_write_md(fp, g);
	fclose(fp);
	return buf;
}

/* A CSV document read back with libcsv: every field with its row. */
struct csvdoc {
	char **text;
	size_t *row;
	size_t n, cap, rows;
};

static void csvdoc_field(void *s, size_t len, void *data)
{
	struct csvdoc *d = data;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->text = realloc(d->text, d->cap * sizeof(*d->text));
		d->row = realloc(d->row, d->cap * sizeof(*d->row));
		ck_assert(d->text && d->row);
	}
	d->text[d->n] = malloc(len + 1);
	ck_assert_ptr_nonnull(d->text[d->n]);
	if (len)
		memcpy(d->text[d->n], s, len);
	d->text[d->n][len] = '\0';
	d->row[d->n++] = d->rows;
}

static void csvdoc_row(int c, void *data)
{
	(void)c;
	((struct csvdoc *)data)->rows++;
}

static void csvdoc_parse(struct csvdoc *d, const char *text)
{
	struct csv_parser p;

	memset(d, 0, sizeof(*d));
	ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	ck_assert_uint_eq(csv_parse(&p, text, strlen(text), csvdoc_field, csvdoc_row, d),
			  strlen(text));
	ck_assert_int_eq(csv_fini(&p, csvdoc_field, csvdoc_row, d), 0);
	csv_free(&p);
}

/* Field `col` of row `r`, or NULL. */
static const char *csvdoc_get(const struct csvdoc *d, size_t r, size_t col)
{
	size_t i, k = 0;

	for (i = 0; i < d->n; i++)
		if (d->row[i] == r && k++ == col)
			return d->text[i];
	return NULL;
}

static size_t csvdoc_width(const struct csvdoc *d, size_t r)
{
	size_t i, k = 0;

	for (i = 0; i < d->n; i++)
		k += d->row[i] == r;
	return k;
}

static void csvdoc_free(struct csvdoc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->text[i]);
	free(d->text);
	free(d->row);
}

/* Does `text` hold a number written with a thousands separator? */
static int has_separator(const char *text)
{
	regex_t re;
	int found;

	ck_assert_int_eq(regcomp(&re, "[0-9],[0-9][0-9][0-9]", REG_EXTENDED | REG_NOSUB), 0);
	found = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return found;
}

/* The first match of `text` for a separator, to show in messages. */
static const char *separator_at(const char *text)
{
	regex_t re;
	regmatch_t m;
	static char around[80];

	ck_assert_int_eq(regcomp(&re, "[0-9],[0-9][0-9][0-9]", REG_EXTENDED), 0);
	if (regexec(&re, text, 1, &m, 0)) {
		regfree(&re);
		return "";
	}
	snprintf(around, sizeof(around), "%.60s",
		 text + (m.rm_so > 30 ? m.rm_so - 30 : 0));
	regfree(&re);
	return around;
}

/* The option object of `key` ("id" or "id/plan") in a parsed compare JSON. */
static const cJSON *json_option(const cJSON *root, const char *key)
{
	const char *slash = strchr(key, '/');
	size_t idlen = slash ? (size_t)(slash - key) : strlen(key);
	const cJSON *o;

	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(root, "options")) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
		const cJSON *plan = cJSON_GetObjectItemCaseSensitive(o, "plan");
		if (!cJSON_IsString(id) || strlen(id->valuestring) != idlen ||
		    strncmp(id->valuestring, key, idlen))
			continue;
		if (slash && (!cJSON_IsString(plan) || strcmp(plan->valuestring, slash + 1)))
			continue;
		return o;
	}
	ck_abort_msg("no option \"%s\" in the JSON", key);
	return NULL;
}

static double json_num(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	ck_assert_msg(cJSON_IsNumber(v), "\"%s\" is not a number", name);
	return v->valuedouble;
}

static double json_cost(const cJSON *opt, const char *part)
{
	return json_num(cJSON_GetObjectItemCaseSensitive(opt, "costs"), part);
}

static const char *json_str(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	ck_assert_msg(cJSON_IsString(v), "\"%s\" is not a string", name);
	return v->valuestring;
}

/* ---- core: number formats ---- */

START_TEST(format_human)
{
	char b[64];

	ck_assert_str_eq(fmt_human(b, sizeof(b), 1234567.891, 2), "1,234,567.89");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 0, 2), "0.00");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 999, 0), "999");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1000, 0), "1,000");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 999999.999, 2), "1,000,000.00");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1e6, 0), "1,000,000");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 123456.7, 1), "123,456.7");
	ck_assert_str_eq(fmt_human(b, sizeof(b), -1234.5, 2), "-1,234.50");
	ck_assert_str_eq(fmt_human(b, sizeof(b), -123456, 0), "-123,456");
	ck_assert_str_eq(fmt_human(b, sizeof(b), -0.001, 2), "0.00");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 0.125, 3), "0.125");
}
END_TEST

START_TEST(format_usd)
{
	char b[64];

	ck_assert_str_eq(fmt_usd(b, sizeof(b), -3500), "-$3,500.00");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), 5275), "$5,275.00");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), 0.8), "$0.80");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), 198.875), "$198.88");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), 1234567.891), "$1,234,567.89");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), -0.001), "$0.00");
	ck_assert_str_eq(fmt_usd(b, sizeof(b), 0), "$0.00");
}
END_TEST

START_TEST(format_machine)
{
	char b[64];

	ck_assert_str_eq(fmt_machine(b, sizeof(b), 198.875), "198.88");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), -0.001), "0.00");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), -0.0), "0.00");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), -3500), "-3500.00");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), 1234567.891), "1234567.89");
	ck_assert_str_eq(fmt_usd_as(b, sizeof(b), -1695.83, 0), "-$1695.83");
	ck_assert_str_eq(fmt_usd_as(b, sizeof(b), 2429.17, 0), "$2429.17");
	ck_assert_str_eq(fmt_usd_as(b, sizeof(b), -0.001, 0), "$0.00");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), 5275), "5275.00");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), 0.8), "0.80");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), 1e9), "1000000000.00");
}
END_TEST

START_TEST(format_number)
{
	char b[64];

	ck_assert_str_eq(fmt_number(b, sizeof(b), 1e6), "1000000");
	ck_assert_str_eq(fmt_number(b, sizeof(b), 1e9), "1000000000");
	ck_assert_str_eq(fmt_number(b, sizeof(b), 0.005), "0.005");
	ck_assert_str_eq(fmt_number(b, sizeof(b), 12.5), "12.5");
	ck_assert_str_eq(fmt_number(b, sizeof(b), -0.0), "0");
	ck_assert_str_eq(fmt_number(b, sizeof(b), 3), "3");
	ck_assert_str_eq(fmt_number(b, sizeof(b), 0.00004375), "4.375e-05");
}
END_TEST

START_TEST(period_factors)
{
	ck_assert_double_eq_tol(period_factor(PERIOD_MONTH), 1.0, 1e-15);
	ck_assert_double_eq_tol(period_factor(PERIOD_DAY), 12.0 / 365.0, 1e-15);
	ck_assert_double_eq_tol(period_factor(PERIOD_YEAR), 12.0, 1e-15);
	ck_assert_str_eq(period_name(PERIOD_MONTH), "month");
	ck_assert_str_eq(period_name(PERIOD_DAY), "day");
	ck_assert_str_eq(period_name(PERIOD_YEAR), "year");
}
END_TEST

/* ---- core: grids ---- */

static void small_grid(struct grid *g)
{
	size_t r;

	ck_assert_int_eq(grid_init(g, 2), 0);
	g->right[1] = 1;
	ck_assert_int_eq(grid_set(g, 0, 0, "name"), 0);
	ck_assert_int_eq(grid_set(g, 0, 1, "usd"), 0);
	r = grid_add_row(g);
	ck_assert_uint_eq(r, 1);
	grid_set(g, r, 0, "a");
	grid_set(g, r, 1, "1.00");
	r = grid_add_row(g);
	ck_assert_uint_eq(r, 2);
	grid_set(g, r, 0, "long name");
	grid_set(g, r, 1, "1,000.00");
}

START_TEST(grid_table_aligns)
{
	struct grid g;
	char *out;

	small_grid(&g);
	out = render_grid(&g, 0, 2);
	/* widths 9 and 8; two spaces between; numbers right-aligned */
	ck_assert_str_eq(out,
			 "  name            usd\n"
			 "  a              1.00\n"
			 "  long name  1,000.00\n");
	free(out);
	g.right[1] = 0;
	out = render_grid(&g, 0, 0);
	/* the last column, left-aligned, has no trailing blanks */
	ck_assert_str_eq(out,
			 "name       usd\n"
			 "a          1.00\n"
			 "long name  1,000.00\n");
	free(out);
	grid_release(&g);
	grid_release(&g);
	grid_release(NULL);
}
END_TEST

START_TEST(grid_csv_rfc4180)
{
	struct grid g;
	size_t r;
	char *out;

	ck_assert_int_eq(grid_init(&g, 4), 0);
	grid_set(&g, 0, 0, "a");
	grid_set(&g, 0, 1, "b");
	grid_set(&g, 0, 2, "c");
	grid_set(&g, 0, 3, "d");
	r = grid_add_row(&g);
	grid_set(&g, r, 0, "x,y");
	grid_set(&g, r, 1, "say \"hi\"");
	grid_set(&g, r, 2, " pad");
	/* column 3 left empty */
	r = grid_add_row(&g);
	grid_set(&g, r, 0, "two\nlines");
	grid_set(&g, r, 1, "5275.00");
	grid_set(&g, r, 2, "plain");
	grid_set(&g, r, 3, NULL);
	out = render_grid(&g, 1, 0);
	ck_assert_str_eq(out,
			 "a,b,c,d\r\n"
			 "\"x,y\",\"say \"\"hi\"\"\",\" pad\",\r\n"
			 "\"two\nlines\",5275.00,plain,\r\n");
	free(out);
	grid_release(&g);
}
END_TEST

START_TEST(grid_markdown)
{
	struct grid g;
	size_t r;
	char *out;

	ck_assert_int_eq(grid_init(&g, 2), 0);
	g.right[1] = 1;
	grid_set(&g, 0, 0, "option");
	grid_set(&g, 0, 1, "total");
	r = grid_add_row(&g);
	grid_set(&g, r, 0, "a|b\nc");
	grid_set(&g, r, 1, "5.00");
	out = render_grid(&g, 2, 0);
	ck_assert_str_eq(out,
			 "| option | total |\n"
			 "| --- | ---: |\n"
			 "| a\\|b c | 5.00 |\n");
	free(out);
	grid_release(&g);
}
END_TEST

START_TEST(output_is_atomic)
{
	char dir[] = "/tmp/llmtco-test-XXXXXX", path[64], *data = NULL;
	struct output o;
	struct stat st;
	FILE *fp;
	size_t n = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.csv", dir);
	ck_assert_int_eq(output_open(&o, path, &err), LLMTCO_OK);
	ck_assert_ptr_nonnull(o.tmp);
	fputs("a,b\r\n", o.fp);
	ck_assert_int_ne(stat(path, &st), 0); /* not there until committed */
	ck_assert_int_eq(output_commit(&o, &err), LLMTCO_OK);
	ck_assert_int_eq(stat(path, &st), 0);
	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_ne(getline(&data, &n, fp), -1);
	ck_assert_str_eq(data, "a,b\r\n");
	fclose(fp);
	free(data);

	/* aborted: the old file stays, no temporary is left behind */
	ck_assert_int_eq(output_open(&o, path, &err), LLMTCO_OK);
	fputs("half", o.fp);
	{
		char tmp[80];
		snprintf(tmp, sizeof(tmp), "%s", o.tmp);
		output_abort(&o);
		ck_assert_int_ne(stat(tmp, &st), 0);
	}
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq((int)st.st_size, 5);
	ck_assert_int_eq(unlink(path), 0);

	snprintf(path, sizeof(path), "%s/no/such/dir/out.csv", dir);
	ck_assert_int_eq(output_open(&o, path, &err), LLMTCO_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot write"));
	ck_assert_int_eq(rmdir(dir), 0);

	ck_assert_int_eq(output_open(&o, "-", &err), LLMTCO_OK);
	ck_assert_ptr_eq(o.fp, stdout);
	ck_assert_ptr_null(o.path);
}
END_TEST

/* ---- core: the compare writers ---- */

START_TEST(compare_json_fields)
{
	static const char *const parts[] = {
		"api", "routing_savings", "platform_fee", "markup", "subscription",
		"usage_fees", "infrastructure", "engineering", "total", NULL };
	static struct fixture f;
	char *text;
	cJSON *root;
	const cJSON *w, *a, *e, *o, *x;
	size_t k;
	int seen_zenmux = 0, nopts = 0;

	fixture_spend(&f, 5000);
	text = render(&f, FORMAT_JSON, PERIOD_MONTH, NULL);
	root = cJSON_Parse(text);
	ck_assert_msg(root != NULL, "not JSON: %.200s", text);

	ck_assert_str_eq(json_str(root, "period"), "month");
	ck_assert_str_eq(json_str(root, "currency"), "USD");
	w = cJSON_GetObjectItemCaseSensitive(root, "workload");
	ck_assert(cJSON_IsObject(w));
	ck_assert_double_eq_tol(json_num(w, "api_spend"), 5000, 1e-9);
	ck_assert_double_eq_tol(json_num(w, "requests_per_month"), 1e6, 1e-9);
	a = cJSON_GetObjectItemCaseSensitive(w, "assumptions");
	ck_assert(cJSON_IsArray(a));
	ck_assert_int_gt(cJSON_GetArraySize(a), 0);
	cJSON_ArrayForEach(e, a)
		ck_assert(cJSON_IsString(e));

	ck_assert(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "options")));
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(root, "options")) {
		const cJSON *costs = cJSON_GetObjectItemCaseSensitive(o, "costs");
		const cJSON *lat = cJSON_GetObjectItemCaseSensitive(o, "latency_ms");
		const cJSON *src = cJSON_GetObjectItemCaseSensitive(o, "sources");
		const char *dep;

		nopts++;
		ck_assert(*json_str(o, "id"));
		ck_assert(*json_str(o, "name"));
		dep = json_str(o, "deployment");
		ck_assert_msg(!strcmp(dep, "managed") || !strcmp(dep, "self-hosted"), "%s", dep);
		ck_assert(cJSON_IsObject(costs));
		for (k = 0; parts[k]; k++)
			json_num(costs, parts[k]);
		/* 12 x the unrounded month: within 12 half-cents of 12 x the cents */
		ck_assert_double_eq_tol(json_num(o, "annual_total"),
					json_num(costs, "total") * 12, 0.06 + 1e-9);
		ck_assert_msg(cJSON_IsNull(lat) ||
			      (cJSON_IsArray(lat) && cJSON_GetArraySize(lat) == 2 &&
			       cJSON_IsNumber(cJSON_GetArrayItem(lat, 0)) &&
			       cJSON_IsNumber(cJSON_GetArrayItem(lat, 1))),
			      "latency_ms of %s", json_str(o, "id"));
		ck_assert(cJSON_IsArray(src));
		ck_assert_int_gt(cJSON_GetArraySize(src), 0);
		cJSON_ArrayForEach(e, src)
			ck_assert(cJSON_IsString(e) && *e->valuestring);
	}
	ck_assert_int_eq(nopts, 13);
	ck_assert_str_eq(json_str(root, "cheapest"), "clawrouters");
	ck_assert(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "excluded")));
	cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(root, "excluded")) {
		const char *id = json_str(x, "id"), *reason = json_str(x, "reason");
		ck_assert(*reason);
		if (!strcmp(id, "portkey") && !strcmp(json_str(x, "plan"), "developer"))
			ck_assert_str_eq(reason, "over the plan limit of 10000 requests/month");
		if (!strcmp(id, "zenmux")) {
			seen_zenmux = 1;
			ck_assert_ptr_nonnull(strstr(reason, "quote required"));
		}
	}
	ck_assert(seen_zenmux);

	/* the figures: openrouter 275.00 fee, 5,275.00, 63,300.00 a year */
	o = json_option(root, "openrouter");
	ck_assert_ptr_nonnull(o);
	ck_assert_double_eq_tol(json_cost(o, "api"), 5000.00, MONEY);
	ck_assert_double_eq_tol(json_cost(o, "platform_fee"), 275.00, MONEY);
	ck_assert_double_eq_tol(json_cost(o, "total"), 5275.00, MONEY);
	ck_assert_double_eq_tol(json_num(o, "annual_total"), 63300.00, MONEY);
	ck_assert_double_eq_tol(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "latency_ms"), 0)->valuedouble, 40, 1e-9);
	ck_assert_double_eq_tol(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "latency_ms"), 1)->valuedouble, 200, 1e-9);
	/* helicone: 119.875 written to the cent; the year from the exact month,
	 * 5,198.875 x 12 = 62,386.50 */
	o = json_option(root, "helicone");
	ck_assert_double_eq_tol(json_cost(o, "usage_fees"), 119.88, 1e-9);
	ck_assert_double_eq_tol(json_cost(o, "total"), 5198.88, 1e-9);
	ck_assert_double_eq_tol(json_num(o, "annual_total"), 62386.50, 1e-9);
	/* four options tie at 5,000.00 */
	ck_assert_uint_eq(tco_tied(&f.cmp), 4);
	{
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(root, "tied_with");
		ck_assert_int_eq(cJSON_GetArraySize(t), 3);
		ck_assert_str_eq(cJSON_GetArrayItem(t, 0)->valuestring, "cloudflare/byok");
		ck_assert_str_eq(cJSON_GetArrayItem(t, 2)->valuestring, "vercel");
	}
	/* portkey/production: 49 + 81 */
	o = json_option(root, "portkey/production");
	ck_assert_double_eq_tol(json_cost(o, "subscription") + json_cost(o, "usage_fees"), 130.00, MONEY);
	/* cloudflare publishes no latency: null */
	ck_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(json_option(root, "cloudflare/byok"),
								 "latency_ms")));
	/* a self-hosted option lists the sources of its items too */
	o = json_option(root, "litellm/oss");
	ck_assert_int_ge(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "sources")), 2);
	ck_assert_double_eq_tol(json_cost(o, "infrastructure"), 375.00, MONEY);
	cJSON_Delete(root);
	free(text);
	fixture_release(&f);
}
END_TEST

START_TEST(compare_json_periods)
{
	static struct fixture f;
	char *text;
	cJSON *root;
	const cJSON *o;

	fixture_spend(&f, 5000);
	text = render(&f, FORMAT_JSON, PERIOD_YEAR, "Mid-size");
	root = cJSON_Parse(text);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(json_str(root, "period"), "year");
	ck_assert_str_eq(json_str(root, "scenario"), "Mid-size");
	o = json_option(root, "openrouter");
	/* 5,275 x 12 = 63,300.00; 275 x 12 = 3,300.00 */
	ck_assert_double_eq_tol(json_cost(o, "total"), 63300.00, MONEY);
	ck_assert_double_eq_tol(json_cost(o, "platform_fee"), 3300.00, MONEY);
	ck_assert_double_eq_tol(json_num(o, "annual_total"), 63300.00, MONEY);
	cJSON_Delete(root);
	free(text);

	text = render(&f, FORMAT_JSON, PERIOD_DAY, NULL);
	root = cJSON_Parse(text);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(json_str(root, "period"), "day");
	ck_assert_ptr_null(cJSON_GetObjectItemCaseSensitive(root, "scenario"));
	o = json_option(root, "openrouter");
	/* 5,275 x 12 / 365 = 173.4247 -> 173.42; annual_total stays per year */
	ck_assert_double_eq_tol(json_cost(o, "total"), 173.42, MONEY);
	ck_assert_double_eq_tol(json_cost(o, "platform_fee"), 9.04, MONEY); /* 275 x 12 / 365 = 9.041 */
	ck_assert_double_eq_tol(json_num(o, "annual_total"), 63300.00, MONEY);
	cJSON_Delete(root);
	free(text);
	fixture_release(&f);
}
END_TEST

START_TEST(compare_csv)
{
	static const char *const head =
		"rank,id,plan,name,deployment,api,routing_savings,platform_fee,markup,"
		"subscription,usage_fees,infrastructure,engineering,total,annual_total,"
		"instances,excluded,latency_ms,source,as_of\r\n";
	static struct fixture f;
	struct csvdoc d;
	char *text;
	const char *p;
	size_t r, found = 0, width;

	fixture_spend(&f, 5000);
	text = render(&f, FORMAT_CSV, PERIOD_MONTH, NULL);
	ck_assert_msg(!strncmp(text, head, strlen(head)), "header: %.300s", text);
	for (p = text; (p = strchr(p, '\n')); p++)
		ck_assert_msg(p > text && p[-1] == '\r', "a line without CR at byte %ld",
			      (long)(p - text));
	ck_assert_int_eq(text[strlen(text) - 1], '\n');

	csvdoc_parse(&d, text);
	ck_assert_uint_eq(d.rows, 1 + 13 + 4); /* header, ranked, left out */
	width = csvdoc_width(&d, 0);
	ck_assert_uint_eq(width, 20);
	for (r = 1; r < d.rows; r++) {
		ck_assert_uint_eq(csvdoc_width(&d, r), width);
		if (!strcmp(csvdoc_get(&d, r, 1), "openrouter")) {
			found = r;
			ck_assert_str_eq(csvdoc_get(&d, r, 2), "pay-as-you-go");
			ck_assert_str_eq(csvdoc_get(&d, r, 7), "275.00");
			ck_assert_str_eq(csvdoc_get(&d, r, 13), "5275.00");
			ck_assert_str_eq(csvdoc_get(&d, r, 14), "63300.00");
			ck_assert_str_eq(csvdoc_get(&d, r, 17), "40-200");
			ck_assert_str_eq(csvdoc_get(&d, r, 19), "2026-11-21");
		}
		if (!strcmp(csvdoc_get(&d, r, 1), "litellm") &&
		    !strcmp(csvdoc_get(&d, r, 2), "oss")) {
			ck_assert_str_eq(csvdoc_get(&d, r, 15), "1"); /* instances */
			ck_assert_str_eq(csvdoc_get(&d, r, 11), "375.00");
		}
		if (!strcmp(csvdoc_get(&d, r, 1), "portkey") &&
		    !strcmp(csvdoc_get(&d, r, 2), "developer"))
			ck_assert_str_eq(csvdoc_get(&d, r, 16),
					 "over the plan limit of 10000 requests/month");
		if (!strcmp(csvdoc_get(&d, r, 1), "zenmux")) {
			ck_assert_str_eq(csvdoc_get(&d, r, 0), ""); /* not ranked */
			ck_assert_ptr_nonnull(strstr(csvdoc_get(&d, r, 16), "quote required"));
		}
	}
	ck_assert_uint_gt(found, 0);
	ck_assert_str_eq(csvdoc_get(&d, 1, 0), "1");
	ck_assert_str_eq(csvdoc_get(&d, 1, 1), "clawrouters");
	csvdoc_free(&d);
	free(text);

	/* a year: the figures x 12, annual_total the same */
	text = render(&f, FORMAT_CSV, PERIOD_YEAR, NULL);
	csvdoc_parse(&d, text);
	for (r = 1; r < d.rows; r++)
		if (!strcmp(csvdoc_get(&d, r, 1), "openrouter")) {
			ck_assert_str_eq(csvdoc_get(&d, r, 13), "63300.00");
			ck_assert_str_eq(csvdoc_get(&d, r, 14), "63300.00");
		}
	csvdoc_free(&d);
	free(text);
	fixture_release(&f);
}
END_TEST

START_TEST(compare_table_and_markdown)
{
	static struct fixture f;
	char *text;

	fixture_spend(&f, 5000);
	text = render(&f, FORMAT_TABLE, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "cost per month in USD, cheapest first"));
	ck_assert_ptr_nonnull(strstr(text, "1,000,000 requests/month"));
	ck_assert_ptr_nonnull(strstr(text, "5,275.00"));
	ck_assert_ptr_nonnull(strstr(text, "cheapest: clawrouters (ClawRouters) at $5,000.00/month, "
					   "$60,000.00/year"));
	ck_assert_ptr_nonnull(strstr(text, "zenmux"));
	ck_assert_ptr_nonnull(strstr(text, "over the plan limit of 10,000 requests/month"));
	ck_assert_ptr_nonnull(strstr(text, "assumptions:"));
	free(text);

	text = render(&f, FORMAT_MD, PERIOD_MONTH, "Team");
	ck_assert_ptr_nonnull(strstr(text, "## LLM gateway cost per month (USD): Team\n"));
	ck_assert_ptr_nonnull(strstr(text, "| # | option | deployment | api |"));
	ck_assert_ptr_nonnull(strstr(text, "| 9 | openrouter | managed | 5000.00 | 0.00 | 275.00 |"));
	ck_assert_ptr_nonnull(strstr(text, "**Cheapest:** clawrouters (ClawRouters) at 5000.00 USD/month; "
					   "tied with cloudflare/byok, openrouter-byok, vercel.\n"));
	ck_assert_ptr_nonnull(strstr(text, "- zenmux: quote required"));
	ck_assert_ptr_nonnull(strstr(text, "- portkey/developer: over the plan limit of 10000 requests/month"));
	free(text);
	fixture_release(&f);
}
END_TEST

/* No machine format writes "1,000": CSV, JSON and Markdown of a big
 * workload (5,000,000 a month, 1,000,000,000 requests). */
START_TEST(machine_formats_no_separators)
{
	static struct fixture f;
	struct csvdoc d;
	char *text;
	size_t i;

	fixture_spend(&f, 5e6);
	text = render(&f, FORMAT_TABLE, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "5,000,000.00")); /* humans get them */
	free(text);

	text = render(&f, FORMAT_JSON, PERIOD_YEAR, NULL);
	ck_assert_ptr_nonnull(strstr(text, "60000000"));
	ck_assert_msg(!has_separator(text), "JSON: ...%s", separator_at(text));
	free(text);

	text = render(&f, FORMAT_MD, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "5000000.00"));
	ck_assert_msg(!has_separator(text), "Markdown: ...%s", separator_at(text));
	free(text);

	text = render(&f, FORMAT_CSV, PERIOD_MONTH, NULL);
	csvdoc_parse(&d, text);
	for (i = 0; i < d.n; i++)
		ck_assert_msg(!has_separator(d.text[i]), "CSV field \"%s\"", d.text[i]);
	csvdoc_free(&d);
	free(text);
	fixture_release(&f);
}
END_TEST

/* ---- limits ---- */

START_TEST(format_limits)
{
	char b[64], tiny[5];

	/* decimals are clamped to 0-10 */
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1.23456789, 12), "1.2345678900");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1.23456789, 6), "1.234568");
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1234.5, -1), "1,235");
	/* a short buffer is cut, never overrun */
	ck_assert_ptr_eq(fmt_human(tiny, sizeof(tiny), 1234567, 2), tiny);
	ck_assert_str_eq(tiny, "1,23");
	fmt_usd(tiny, sizeof(tiny), -3500);
	ck_assert_str_eq(tiny, "-$3,");
	fmt_machine(tiny, sizeof(tiny), 12345);
	ck_assert_str_eq(tiny, "1234");
	/* big figures still group every three digits */
	ck_assert_str_eq(fmt_human(b, sizeof(b), 1e12, 0), "1,000,000,000,000");
	ck_assert_str_eq(fmt_machine(b, sizeof(b), 1e12), "1000000000000.00");
	ck_assert_str_eq(fmt_human(b, sizeof(b), -999.999, 2), "-1,000.00");
}
END_TEST

START_TEST(compare_nothing_ranked)
{
	static struct fixture f;
	char *text;
	cJSON *root;

	cat_init(&f.c);
	scn_init(&f.s);
	ck_assert_int_eq(catalog_load_builtin(&f.c, &err), LLMTCO_OK);
	f.s.api_spend.set = 1;
	f.s.api_spend.r = range_fixed(5000);
	ck_assert_int_eq(strlist_add(&f.s.options, &f.s.noptions, "zenmux"), 0);
	ck_assert_int_eq(tco_compare(&f.c, &f.s, &f.cmp, &err), LLMTCO_OK);
	hold_cmp(&f.cmp);
	ck_assert_uint_eq(f.cmp.nrows, 0);
	ck_assert_uint_eq(f.cmp.nexcluded, 1);

	text = render(&f, FORMAT_JSON, PERIOD_MONTH, NULL);
	root = cJSON_Parse(text);
	ck_assert_ptr_nonnull(root);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(root, "cheapest")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "options")), 0);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "excluded")), 1);
	cJSON_Delete(root);
	free(text);
	text = render(&f, FORMAT_TABLE, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "cheapest: none"));
	free(text);
	text = render(&f, FORMAT_MD, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "**Cheapest:** none"));
	free(text);
	text = render(&f, FORMAT_CSV, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, ",zenmux,enterprise,"));
	free(text);
	fixture_release(&f);
}
END_TEST

START_TEST(compare_routing_savings_negative)
{
	static struct fixture f;
	char *text;
	cJSON *root;
	const cJSON *o;

	cat_init(&f.c);
	scn_init(&f.s);
	ck_assert_int_eq(catalog_load_builtin(&f.c, &err), LLMTCO_OK);
	f.s.api_spend.set = 1;
	f.s.api_spend.r = range_fixed(5000);
	f.s.routing_savings_pct.set = 1;
	f.s.routing_savings_pct.r = range_fixed(70);
	hold_cmp(&f.cmp);
	ck_assert_int_eq(tco_compare(&f.c, &f.s, &f.cmp, &err), LLMTCO_OK);
	text = render(&f, FORMAT_JSON, PERIOD_MONTH, NULL);
	root = cJSON_Parse(text);
	o = json_option(root, "clawrouters");
	ck_assert_double_eq_tol(json_cost(o, "routing_savings"), -3500.00, MONEY);
	ck_assert_double_eq_tol(json_cost(o, "total"), 1500.00, MONEY);
	ck_assert_double_eq_tol(json_num(o, "annual_total"), 18000.00, MONEY);
	cJSON_Delete(root);
	free(text);
	text = render(&f, FORMAT_TABLE, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, "-3,500.00"));
	free(text);
	text = render(&f, FORMAT_CSV, PERIOD_MONTH, NULL);
	ck_assert_ptr_nonnull(strstr(text, ",5000.00,-3500.00,0.00,"));
	free(text);
	fixture_release(&f);
}
END_TEST

START_TEST(pricing_writers)
{
	static struct catalog c;
	char *buf = NULL, summary[160];
	size_t len = 0, idx[1];
	FILE *fp;
	cJSON *root;

	cat_init(&c);
	ck_assert_int_eq(catalog_load_builtin(&c, &err), LLMTCO_OK);
	ck_assert_uint_eq(catalog_match(&c, "openrouter", idx, 1), 1);
	pricing_summary(&c.options[idx[0]], 0, summary, sizeof(summary));
	ck_assert_ptr_nonnull(strstr(summary, "5.5%"));
	pricing_summary(&c.options[idx[0]], 1, summary, sizeof(summary));
	ck_assert_ptr_nonnull(strstr(summary, "5.5%"));

	fp = open_memstream(&buf, &len);
	ck_assert_int_eq(pricing_list_write(fp, &c, FORMAT_JSON), LLMTCO_OK);
	fclose(fp);
	root = cJSON_Parse(buf);
	ck_assert_msg(root != NULL, "pricing list JSON: %.200s", buf);
	cJSON_Delete(root);
	free(buf);

	buf = NULL;
	fp = open_memstream(&buf, &len);
	ck_assert_int_eq(pricing_show_write(fp, &c, idx, 1, FORMAT_CSV), LLMTCO_OK);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "openrouter.ai"));
	free(buf);
	catalog_release(&c);
}
END_TEST

Suite *make_reports_suite(void)
{
	Suite *s = suite_create("reports");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_test(core, format_human);
	tcase_add_test(core, format_usd);
	tcase_add_test(core, format_machine);
	tcase_add_test(core, format_number);
	tcase_add_test(core, period_factors);
	tcase_add_test(core, grid_table_aligns);
	tcase_add_test(core, grid_csv_rfc4180);
	tcase_add_test(core, grid_markdown);
	tcase_add_test(core, output_is_atomic);
	tcase_add_test(core, compare_json_fields);
	tcase_add_test(core, compare_json_periods);
	tcase_add_test(core, compare_csv);
	tcase_add_test(core, compare_table_and_markdown);
	tcase_add_test(core, machine_formats_no_separators);
	suite_add_tcase(s, core);

	tcase_add_test(limits, format_limits);
	tcase_add_test(limits, compare_nothing_ranked);
	tcase_add_test(limits, compare_routing_savings_negative);
	tcase_add_test(limits, pricing_writers);
	suite_add_tcase(s, limits);
	return s;
}
