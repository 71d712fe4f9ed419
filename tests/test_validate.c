/*
 * test_validate.c - what `pricing validate` relies on: the catalog loader
 * with a diagnostic sink (catalog.diag) reports every problem with its
 * file:line:col, skips the bad row and goes on; dates after today are
 * errors and prices older than max_age_days warnings. One test per kind of
 * problem, each asserting the exact message and location, and one file
 * with several problems reported in order.
 *
 * Today is 2026-11-21 throughout; the default age limit is 180 days, so
 * 2026-05-25 is the oldest as_of without a warning.
 */
#include "suites.h"
#include "fixture.h"
#include "../pricing/catalog.h"

#include <stdio.h>
#include <string.h>

/* A minimal gateways table (required columns only) and one with prices. */
#define GW_HEAD "id,plan,name,deployment,source,as_of\n"
#define GW_PRICED "id,plan,name,deployment,fee_pct,monthly_usd,latency_ms_low,latency_ms_high,source,as_of\n"
#define TIER_HEAD "id,plan,from,to,usd,per,round,source,as_of\n"
#define MODEL_HEAD "provider,model,input_mtok,output_mtok,source,as_of\n"
#define DEFAULTS_HEAD "key,value,low,high,unit,source,as_of\n"
#define INFRA_HEAD "id,item,usd,usd_low,usd_high,per_instance,source,as_of\n"

#define MAX_SEEN 16

/* What the sink was told, as "[warning: ]file:line:col: msg". */
static char seen[MAX_SEEN][320];
static size_t nseen;
static struct llmtco_err err;

static void collect(void *ud, const struct llmtco_err *e, int warning)
{
	(void)ud;
	ck_assert_msg(nseen < MAX_SEEN, "too many problems reported");
	snprintf(seen[nseen++], sizeof(seen[0]), "%s%s:%d:%d: %s", warning ? "warning: " : "",
		 e->file ? e->file : "-", e->line, e->col, e->msg);
}

static const struct catalog_diag diag = { collect, NULL, "2026-11-21", 180 };

/* The built-in catalog, then every problem of the next loads to `collect`. */
static void start(struct catalog *c, const struct catalog_diag *d)
{
	load_builtin(c);
	c->diag = d;
	nseen = 0;
	err_clear(&err);
}

/* Load `csv` as "v.csv" with diag: it must return LLMTCO_OK. */
static void load_ok(struct catalog *c, const char *csv)
{
	int rc = catalog_load_csv(c, "v.csv", csv, strlen(csv), &err);

	ck_assert_msg(rc == LLMTCO_OK, "status %d: %s", rc, err.msg);
}

/* Exactly these problems were reported, in this order (NULL-terminated). */
static void expect(const char *const *want)
{
	size_t n = 0, i;

	while (want[n])
		n++;
	for (i = 0; i < n && i < nseen; i++)
		ck_assert_str_eq(seen[i], want[i]);
	ck_assert_msg(nseen == n, "%zu problems reported, want %zu (first extra: %s)", nseen, n,
		      nseen > n ? seen[n] : want[nseen]);
}

/* One CSV, exactly one problem. */
static void one(struct catalog *c, const char *csv, const char *want)
{
	const char *const w[] = { want, NULL };

	load_ok(c, csv);
	expect(w);
}

START_TEST(header_columns_unknown_duplicate_missing)
{
	static struct catalog c;
	/* every header problem, then nothing of the table: its rows cannot be
	   read without their columns (row 2's bad deployment is not reported) */
	static const char *const want[] = {
		"v.csv:1:25: unknown column \"colour\"",
		"v.csv:1:32: duplicate column \"plan\"",
		"v.csv:1:1: missing column \"source\"",
		NULL };

	start(&c, &diag);
	load_ok(&c, "id,plan,name,deployment,colour,plan,as_of\n"
		    "acme,a,Acme,sideways,red,a,2026-11-01\n");
	expect(want);
	ck_assert_int_eq(c.noptions, 20); /* nothing added */
}
END_TEST

START_TEST(header_missing_columns_of_other_tables)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:1:1: missing column \"per\"",
		"v.csv:1:1: missing column \"source\"",
		NULL };

	start(&c, &diag);
	load_ok(&c, "id,plan,from,to,usd,round,as_of\n");
	expect(want);
}
END_TEST

START_TEST(duplicate_ids_in_every_table)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:3:1: duplicate option \"acme/basic\" (first at line 2)",
		NULL };
	static const char *const want_model[] = {
		"v.csv:3:1: duplicate model \"acme/acme-1\" (first at line 2)",
		NULL };
	static const char *const want_default[] = {
		"v.csv:3:1: duplicate default \"hourly_rate\" (first at line 2)",
		NULL };
	static const char *const want_item[] = {
		"v.csv:3:9: duplicate item \"compute\" for \"litellm\"",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,basic,Acme,managed,src,2026-11-01\n"
		"acme,basic,Acme again,managed,src,2026-11-01\n");
	expect(want);
	nseen = 0;
	load_ok(&c, MODEL_HEAD
		"acme,acme-1,1,2,src,2026-11-01\n"
		"acme,acme-1,1,3,src,2026-11-01\n");
	expect(want_model);
	nseen = 0;
	load_ok(&c, DEFAULTS_HEAD
		"hourly_rate,120,,,USD/hour,src,2026-11-01\n"
		"hourly_rate,130,,,USD/hour,src,2026-11-01\n");
	expect(want_default);
	ck_assert_double_eq_tol(catalog_fact(&c, "hourly_rate")->v.value, 120, 1e-9);
	nseen = 0;
	load_ok(&c, INFRA_HEAD
		"litellm,compute,100,,,yes,src,2026-11-01\n"
		"litellm,compute,120,,,yes,src,2026-11-01\n");
	expect(want_item);
}
END_TEST

START_TEST(price_not_a_number)
{
	static struct catalog c;

	start(&c, &diag);
	one(&c, GW_PRICED "acme,basic,Acme,managed,two,20,10,30,src,2026-11-01\n",
	    "v.csv:2:25: \"fee_pct\" is not a number: \"two\"");
	nseen = 0;
	one(&c, MODEL_HEAD "acme,acme-1,1,2x,src,2026-11-01\n",
	    "v.csv:2:15: \"output_mtok\" has trailing characters: \"2x\"");
}
END_TEST

START_TEST(price_negative)
{
	static struct catalog c;

	start(&c, &diag);
	one(&c, GW_PRICED "acme,basic,Acme,managed,2,-20,10,30,src,2026-11-01\n",
	    "v.csv:2:27: \"monthly_usd\" must be a non-negative number");
	nseen = 0;
	one(&c, INFRA_HEAD "litellm,compute,-1,,,yes,src,2026-11-01\n",
	    "v.csv:2:17: \"usd\" must be a non-negative number");
}
END_TEST

START_TEST(percentage_over_100)
{
	static struct catalog c;

	start(&c, &diag);
	one(&c, GW_PRICED "acme,basic,Acme,managed,100.5,20,10,30,src,2026-11-01\n",
	    "v.csv:2:25: \"fee_pct\" must be a percentage from 0 to 100");
}
END_TEST

START_TEST(tiers_not_increasing)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:3:20: tiers not increasing: starts at 2000000, before the previous tier ends at 3000000",
		"v.csv:5:20: tiers not increasing: starts at 4000000, after a tier with no end",
		NULL };

	start(&c, &diag);
	load_ok(&c, TIER_HEAD
		"portkey,production,100000,3000000,9,100000,up,src,2026-11-01\n"
		"portkey,production,2000000,5000000,8,100000,up,src,2026-11-01\n"
		"portkey,production,3000000,,8,100000,up,src,2026-11-01\n"
		"portkey,production,4000000,,7,100000,up,src,2026-11-01\n");
	expect(want);
}
END_TEST

START_TEST(low_above_high)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:2:30: \"latency_ms\" low 50 is above high 30",
		"v.csv:3:18: \"value\" low 5 is above high 2",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_PRICED "acme,basic,Acme,managed,2,20,50,30,src,2026-11-01\n");
	load_ok(&c, DEFAULTS_HEAD
		"hourly_rate,120,,,USD/hour,src,2026-11-01\n"
		"peak_to_average,,5,2,ratio,src,2026-11-01\n");
	expect(want);
}
END_TEST

START_TEST(source_missing)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:2:25: \"source\" must not be empty",
		"v.csv:2:17: \"source\" must not be empty: every price needs one",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD "acme,basic,Acme,managed,,2026-11-01\n");
	load_ok(&c, MODEL_HEAD "acme,acme-1,1,2,,2026-11-01\n");
	expect(want);
}
END_TEST

START_TEST(as_of_not_a_date)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:2:25: \"as_of\" must be a date YYYY-MM-DD, not \"21/11/2026\"",
		"v.csv:3:25: \"as_of\" must be a date YYYY-MM-DD, not \"2026-02-30\"",
		"v.csv:4:25: \"as_of\" must be a date YYYY-MM-DD, not \"\"",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,a,Acme,managed,src,21/11/2026\n"
		"acme,b,Acme,managed,src,2026-02-30\n"
		"acme,c,Acme,managed,src,\n");
	expect(want);
}
END_TEST

START_TEST(as_of_in_the_future)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:3:25: \"as_of\" must not be in the future, not \"2026-11-22\" (today is 2026-11-21)",
		"v.csv:2:21: \"as_of\" must not be in the future, not \"2027-01-01\" (today is 2026-11-21)",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,a,Acme,managed,src,2026-11-21\n" /* today is fine */
		"acme,b,Acme,managed,src,2026-11-22\n");
	load_ok(&c, MODEL_HEAD "acme,acme-1,1,2,src,2027-01-01\n");
	expect(want);
	ck_assert_int_eq(c.noptions, 21); /* acme/a only */
}
END_TEST

START_TEST(old_prices_are_warnings)
{
	static struct catalog c;
	/* 2026-05-25 is 180 days before today: no warning; one day older is */
	static const char *const want[] = {
		"warning: v.csv:3:0: price of \"acme/b\" is 181 days old (as_of 2026-05-24)",
		"warning: v.csv:2:0: price of a tier of \"acme/a\" is 400 days old (as_of 2025-10-17)",
		"warning: v.csv:2:0: price of \"litellm\" item \"compute\" is 365 days old (as_of 2025-11-21)",
		"warning: v.csv:2:0: default \"hourly_rate\" is 1000 days old (as_of 2024-02-25)",
		"warning: v.csv:2:0: price of model \"acme/acme-1\" is 181 days old (as_of 2026-05-24)",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,a,Acme,managed,src,2026-05-25\n"
		"acme,b,Acme,managed,src,2026-05-24\n");
	load_ok(&c, TIER_HEAD "acme,a,0,,1,1,none,src,2025-10-17\n");
	load_ok(&c, INFRA_HEAD "litellm,compute,100,,,yes,src,2025-11-21\n");
	load_ok(&c, DEFAULTS_HEAD "hourly_rate,120,,,USD/hour,src,2024-02-25\n");
	load_ok(&c, MODEL_HEAD "acme,acme-1,1,2,src,2026-05-24\n");
	expect(want);
	ck_assert_int_eq(c.noptions, 22); /* a warning keeps its row */
}
END_TEST

START_TEST(age_limit_and_no_today)
{
	static struct catalog c;
	static const struct catalog_diag zero = { collect, NULL, "2026-11-21", 0 };
	static const struct catalog_diag no_age = { collect, NULL, "2026-11-21", -1 };
	static const struct catalog_diag no_today = { collect, NULL, NULL, 0 };
	static const char *const want[] = {
		"warning: v.csv:3:0: price of \"acme/b\" is 1 day old (as_of 2026-11-20)",
		"v.csv:4:25: \"as_of\" must not be in the future, not \"2099-01-01\" (today is 2026-11-21)",
		NULL };
	static const char *const none[] = { NULL };
	static const char *const csv = GW_HEAD
		"acme,a,Acme,managed,src,2026-11-21\n"
		"acme,b,Acme,managed,src,2026-11-20\n"
		"acme,c,Acme,managed,src,2099-01-01\n";

	start(&c, &zero); /* 0 days: anything before today */
	load_ok(&c, csv);
	expect(want);
	ck_assert_int_eq(c.noptions, 22);
	catalog_release(&c);
	start(&c, &no_age); /* the future is still an error */
	load_ok(&c, csv);
	expect(want + 1);
	ck_assert_int_eq(c.noptions, 22);
	catalog_release(&c);
	start(&c, &no_today); /* no date checks at all */
	load_ok(&c, csv);
	expect(none);
	ck_assert_int_eq(c.noptions, 23);
}
END_TEST

/* The file with several problems of pricing validate's golden test. */
static const char *const several =
	GW_PRICED
	"acme,basic,Acme Basic,managed,2,20,10,30,src,2026-10-15\n"
	"acme,basic,Acme Again,managed,2,20,10,30,src,2026-10-15\n"
	"acme,pro,Acme Pro,managed,two,20,10,30,src,2026-10-15\n"
	"acme,max,Acme Max,managed,2,-5,10,30,src,2026-10-15\n"
	"acme,big,Acme Big,managed,120,20,10,30,src,2026-10-15\n"
	"acme,slow,Acme Slow,managed,2,20,50,30,src,2026-10-15\n"
	"acme,free,Acme Free,managed,2,20,10,30,,2026-10-15\n"
	"acme,late,Acme Late,managed,2,20,10,30,src,15/10/2026\n"
	"acme,short,Acme Short,managed,2,20,10\n"
	"acme,next,Acme Next,managed,2,20,10,30,src,2026-12-01\n"
	"acme,old,Acme Old,managed,2,20,10,30,src,2026-01-10\n"
	"acme,team,Acme Team,managed,1,99,10,30,src,2026-11-01\n";

START_TEST(several_problems_in_order)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:3:1: duplicate option \"acme/basic\" (first at line 2)",
		"v.csv:4:27: \"fee_pct\" is not a number: \"two\"",
		"v.csv:5:29: \"monthly_usd\" must be a non-negative number",
		"v.csv:6:27: \"fee_pct\" must be a percentage from 0 to 100",
		"v.csv:7:34: \"latency_ms\" low 50 is above high 30",
		"v.csv:8:40: \"source\" must not be empty",
		"v.csv:9:44: \"as_of\" must be a date YYYY-MM-DD, not \"15/10/2026\"",
		"v.csv:10:36: row has 7 fields, the header has 10",
		"v.csv:11:44: \"as_of\" must not be in the future, not \"2026-12-01\" (today is 2026-11-21)",
		"warning: v.csv:12:0: price of \"acme/old\" is 315 days old (as_of 2026-01-10)",
		NULL };

	start(&c, &diag);
	load_ok(&c, several);
	expect(want);
	/* the good rows are in: basic, old and team */
	ck_assert_int_eq(c.noptions, 23);
	ck_assert_uint_eq(catalog_match(&c, "acme", NULL, 0), 3);
}
END_TEST

START_TEST(without_diag_first_problem_only)
{
	static struct catalog c;

	load_builtin(&c);
	nseen = 0;
	ck_assert_int_eq(catalog_load_csv(&c, "v.csv", several, strlen(several), &err),
			 LLMTCO_EDATA);
	ck_assert_str_eq(err.file, "v.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(err.col, 1);
	ck_assert_str_eq(err.msg, "duplicate option \"acme/basic\" (first at line 2)");
	ck_assert_uint_eq(nseen, 0);
}
END_TEST

START_TEST(unparsable_text_ends_the_table)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:2:25: \"as_of\" must be a date YYYY-MM-DD, not \"soon\"",
		"v.csv:3:10: stray quote inside a field",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,a,Acme,managed,src,soon\n"
		"acme,b,Ac\"me,managed,src,2026-11-01\n"
		"acme,c,Acme,managed,src,2099-01-01\n");
	expect(want);
}
END_TEST

START_TEST(check_reports_every_problem)
{
	static struct catalog c;
	static const char *const want[] = {
		"v.csv:2:1: self-hosted option \"acme/a\" has no infrastructure items",
		"v.csv:3:1: self-hosted option \"acme/b\" has no infrastructure items",
		NULL };

	start(&c, &diag);
	load_ok(&c, GW_HEAD
		"acme,a,Acme,self-hosted,src,2026-11-01\n"
		"acme,b,Acme,self-hosted,src,2026-11-01\n");
	ck_assert_int_eq(catalog_check(&c, &err), LLMTCO_OK);
	expect(want);
	c.diag = NULL;
	ck_assert_int_eq(catalog_check(&c, &err), LLMTCO_EDATA);
	ck_assert_str_eq(err.msg, "self-hosted option \"acme/a\" has no infrastructure items");
}
END_TEST

START_TEST(date_days)
{
	long d = -1;

	ck_assert_int_eq(catalog_date_days("1970-01-01", &d), 0);
	ck_assert_int_eq(d, 0);
	ck_assert_int_eq(catalog_date_days("2000-03-01", &d), 0);
	ck_assert_int_eq(d, 11017);
	ck_assert_int_eq(catalog_date_days("2024-02-29", &d), 0);
	ck_assert_int_eq(d, 19782);
	ck_assert_int_eq(catalog_date_days("2026-11-21", &d), 0);
	ck_assert_int_eq(d, 20778);
	ck_assert_int_eq(catalog_date_days("2026-02-29", &d), -1);
	ck_assert_int_eq(catalog_date_days("2026-1-01", &d), -1);
	ck_assert_int_eq(catalog_date_days("1969-12-31", &d), -1);
	ck_assert_int_eq(catalog_date_days("", &d), -1);
	ck_assert_int_eq(catalog_date_days(NULL, &d), -1);
}
END_TEST

Suite *make_validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_checked_fixture(core, NULL, fixture_teardown);
	tcase_add_checked_fixture(limits, NULL, fixture_teardown);
	tcase_add_test(core, header_columns_unknown_duplicate_missing);
	tcase_add_test(core, header_missing_columns_of_other_tables);
	tcase_add_test(core, duplicate_ids_in_every_table);
	tcase_add_test(core, price_not_a_number);
	tcase_add_test(core, price_negative);
	tcase_add_test(core, percentage_over_100);
	tcase_add_test(core, tiers_not_increasing);
	tcase_add_test(core, low_above_high);
	tcase_add_test(core, source_missing);
	tcase_add_test(core, as_of_not_a_date);
	tcase_add_test(core, as_of_in_the_future);
	tcase_add_test(core, old_prices_are_warnings);
	tcase_add_test(core, several_problems_in_order);
	suite_add_tcase(s, core);
	tcase_add_test(limits, age_limit_and_no_today);
	tcase_add_test(limits, without_diag_first_problem_only);
	tcase_add_test(limits, unparsable_text_ends_the_table);
	tcase_add_test(limits, check_reports_every_problem);
	tcase_add_test(limits, date_days);
	suite_add_tcase(s, limits);
	return s;
}
