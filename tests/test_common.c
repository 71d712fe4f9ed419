/*
 * test_common.c - common/: the strict number parser, cent rounding, the
 * error record and fixed ranges.
 */
#include "suites.h"
#include "../common/llmtco.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* num_parse must accept `s` and give `want`. */
static void parses(const char *s, double want)
{
	const char *why = NULL;
	double v = -12345.0;

	ck_assert_msg(num_parse(s, &v, &why) == 0, "\"%s\" refused: %s", s,
		      why ? why : "?");
	ck_assert_double_eq_tol(v, want, 1e-12);
}

/* num_parse must refuse `s` with the reason `reason`, leaving *out alone. */
static void refuses(const char *s, const char *reason)
{
	const char *why = NULL;
	double v = -12345.0;

	ck_assert_msg(num_parse(s, &v, &why) == -1, "\"%s\" accepted as %g", s, v);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(!strcmp(why, reason), "\"%s\": reason \"%s\", want \"%s\"", s,
		      why, reason);
	ck_assert_double_eq(v, -12345.0);
}

/* ---- core ---- */

START_TEST(num_parse_accepts_decimals)
{
	parses("5000", 5000.0);
	parses("5e3", 5000.0);
	parses("-1.5", -1.5);
	parses("0.005", 0.005);
	parses("+2", 2.0);
	parses(".5", 0.5);
	parses("5.", 5.0);
	parses("1E2", 100.0);
	parses("2.5e-3", 0.0025);
	parses("1e+2", 100.0);
}
END_TEST

START_TEST(num_parse_refuses_with_reasons)
{
	refuses("", "is empty");
	refuses(NULL, "is empty");
	refuses(" 5", "is not a number");
	refuses("5 ", "has trailing characters");
	refuses("abc", "is not a number");
	refuses("5x", "has trailing characters");
	refuses("0x10", "has trailing characters");
	refuses("nan", "is not finite");
	refuses("NaN", "is not finite");
	refuses("inf", "is not finite");
	refuses("-inf", "is not finite");
	refuses("infinity", "is not finite");
	refuses("1e999", "is out of range");
	refuses("-1e999", "is out of range");
	refuses("-", "is not a number");
	refuses(".", "is not a number");
	refuses("1,5", "has trailing characters");
	refuses("5\n", "has trailing characters");
}
END_TEST

START_TEST(num_parse_n_reads_only_len_bytes)
{
	const char *why = NULL;
	double v = 0;

	/* a CSV cell inside a longer buffer */
	ck_assert_int_eq(num_parse_n("5000abc", 4, &v, &why), 0);
	ck_assert_double_eq_tol(v, 5000.0, 1e-12);
	ck_assert_int_eq(num_parse_n("12,5", 4, &v, &why), -1);
	ck_assert_str_eq(why, "has trailing characters");
	ck_assert_int_eq(num_parse_n("7", 0, &v, &why), -1);
	ck_assert_str_eq(why, "is empty");
}
END_TEST

START_TEST(money_round_to_cents)
{
	/* 198.875 is exact in binary: the half goes away from zero */
	ck_assert_double_eq_tol(money_round(198.875), 198.88, 1e-9);
	ck_assert_double_eq_tol(money_round(-198.875), -198.88, 1e-9);
	ck_assert_double_eq_tol(money_round(1234.5678), 1234.57, 1e-9);
	ck_assert_double_eq_tol(money_round(5275.0), 5275.0, 1e-9);
	ck_assert_double_eq_tol(money_round(0.004), 0.0, 1e-12);
}
END_TEST

START_TEST(err_set_fills_the_record)
{
	struct llmtco_err e;
	int rc;

	err_clear(&e);
	rc = err_set(&e, LLMTCO_EDATA, "gateways.csv", 12, 5,
		     "\"%s\" must be a percentage from 0 to %d", "fee_pct", 100);
	ck_assert_int_eq(rc, LLMTCO_EDATA);
	ck_assert_str_eq(e.msg, "\"fee_pct\" must be a percentage from 0 to 100");
	ck_assert_str_eq(e.file, "gateways.csv");
	ck_assert_int_eq(e.line, 12);
	ck_assert_int_eq(e.col, 5);
	err_clear(&e);
	ck_assert_str_eq(e.msg, "");
	ck_assert_ptr_null(e.file);
	ck_assert_int_eq(e.line, 0);
	ck_assert_int_eq(e.col, 0);
}
END_TEST

START_TEST(range_fixed_holds_one_value)
{
	struct range r = range_fixed(42.5);

	ck_assert_double_eq(r.value, 42.5);
	ck_assert_double_eq(r.low, 42.5);
	ck_assert_double_eq(r.high, 42.5);
	ck_assert_int_eq(r.shape, RANGE_FIXED);
	ck_assert_double_eq_tol(DAYS_PER_MONTH * 24.0, HOURS_PER_MONTH, 1e-9);
}
END_TEST

/* ---- limits ---- */

START_TEST(num_parse_no_negative_zero)
{
	const char *why;
	double v = 1;

	ck_assert_int_eq(num_parse("-0", &v, &why), 0);
	ck_assert_double_eq(v, 0.0);
	ck_assert_int_eq(signbit(v), 0);
	ck_assert_int_eq(num_parse("-0.0e5", &v, &why), 0);
	ck_assert_int_eq(signbit(v), 0);
}
END_TEST

START_TEST(num_parse_extremes)
{
	parses("1e308", 1e308);
	parses("-1.7976931348623157e308", -1.7976931348623157e308);
	refuses("1e309", "is out of range");
	refuses("2e308", "is out of range");
}
END_TEST

/* Every spelling strtod reads as NaN or infinity is "not finite". */
START_TEST(num_parse_non_finite_any_case)
{
	refuses("INF", "is not finite");
	refuses("+inf", "is not finite");
	refuses("-Inf", "is not finite");
	refuses("NAN", "is not finite");
	refuses("-nan", "is not finite");
}
END_TEST

/* A long but valid decimal (a CSV cell of 73 characters) is still a number. */
START_TEST(num_parse_long_decimal)
{
	char s[80];

	memset(s, '0', sizeof(s));
	memcpy(s, "0.5", 3);
	s[73] = '\0';
	parses(s, 0.5);
}
END_TEST

/* array_grow: 16 at first, doubling, the same array while there is room, NULL on overflow */
START_TEST(array_grow_doubles)
{
	size_t cap = 0, n;
	int *a = NULL, *p;

	for (n = 0; n < 40; n++) {
		p = array_grow(a, &cap, n, sizeof(*a));
		ck_assert_ptr_nonnull(p);
		if (n == 0)
			ck_assert_uint_eq(cap, 16);
		if (n == 16)
			ck_assert_uint_eq(cap, 32);
		if (n == 32)
			ck_assert_uint_eq(cap, 64);
		a = p;
		a[n] = (int)n;
	}
	ck_assert_int_eq(a[39], 39);
	ck_assert_ptr_eq(array_grow(a, &cap, 63, sizeof(*a)), a);
	ck_assert_ptr_null(array_grow(a, &cap, 64, SIZE_MAX / 64));
	ck_assert_uint_eq(cap, 64); /* unchanged on failure */
	free(a);
}
END_TEST

START_TEST(num_parse_ignores_locale)
{
	const char *why;
	double v = 0;
	const char *loc = setlocale(LC_NUMERIC, "de_DE.UTF-8");

	if (!loc)
		setlocale(LC_NUMERIC, "fr_FR.UTF-8");
	ck_assert_int_eq(num_parse("1.25", &v, &why), 0);
	ck_assert_double_eq_tol(v, 1.25, 1e-12);
	ck_assert_int_eq(num_parse("1,25", &v, &why), -1);
	setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(err_set_null_and_truncation)
{
	struct llmtco_err e;
	char big[600];

	ck_assert_int_eq(err_set(NULL, LLMTCO_EIO, NULL, 0, 0, "x"), LLMTCO_EIO);
	err_clear(NULL);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_assert_int_eq(err_set(&e, LLMTCO_EUSAGE, NULL, 0, 0, "%s", big), LLMTCO_EUSAGE);
	ck_assert_uint_eq(strlen(e.msg), sizeof(e.msg) - 1);
	ck_assert_ptr_null(e.file);
}
END_TEST

Suite *make_common_suite(void)
{
	Suite *s = suite_create("common");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_test(core, num_parse_accepts_decimals);
	tcase_add_test(core, num_parse_refuses_with_reasons);
	tcase_add_test(core, num_parse_n_reads_only_len_bytes);
	tcase_add_test(core, money_round_to_cents);
	tcase_add_test(core, err_set_fills_the_record);
	tcase_add_test(core, range_fixed_holds_one_value);
	suite_add_tcase(s, core);

	tcase_add_test(limits, num_parse_no_negative_zero);
	tcase_add_test(limits, num_parse_extremes);
	tcase_add_test(limits, num_parse_non_finite_any_case);
	tcase_add_test(limits, num_parse_long_decimal);
	tcase_add_test(limits, num_parse_ignores_locale);
	tcase_add_test(limits, array_grow_doubles);
	tcase_add_test(limits, err_set_null_and_truncation);
	suite_add_tcase(s, limits);
	return s;
}
