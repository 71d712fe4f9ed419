/*
 * common.c - the error record, ranges, strict number parsing.
 */
#include "llmtco.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int (err_set)(struct llmtco_err *err, int status, const char *file, int line,
	      int col, const char *fmt, ...) /* (): not the analyzer's macro */
{
	va_list ap;

	if (!err)
		return status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->file = file;
	err->line = line;
	err->col = col;
	return status;
}

void err_clear(struct llmtco_err *err)
{
	if (!err)
		return;
	err->msg[0] = '\0';
	err->file = NULL;
	err->line = err->col = 0;
}

struct range range_fixed(double v)
{
	struct range r = { v, v, v, RANGE_FIXED };
	return r;
}

/*
 * Our own scan of the characters a decimal number may hold, so that strtod
 * never sees anything it would read in a locale-dependent or lenient way
 * (hex, "inf", "nan", a ',' decimal point).
 */
static int decimal_shape(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (!digits)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t exp_digits = 0;
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, exp_digits++;
		if (!exp_digits)
			return 0;
	}
	return i == len ? 1 : -1; /* -1: a number followed by junk */
}

/* "nan", "inf" or "infinity" in any case, with an optional sign. */
static int non_finite_word(const char *s, size_t len)
{
	static const char *const words[] = { "nan", "inf", "infinity" };
	size_t i;

	if (len && (*s == '-' || *s == '+'))
		s++, len--;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == len && !strncasecmp(s, words[i], len))
			return 1;
	return 0;
}

int num_parse_n(const char *s, size_t len, double *out, const char **why)
{
	char small[64], *buf = small;
	char *end;
	double v;
	int shape;

	if (!s || len == 0) {
		*why = "is empty";
		return -1;
	}
	if (non_finite_word(s, len)) {
		*why = "is not finite";
		return -1;
	}
	shape = decimal_shape(s, len);
	if (shape == 0) {
		*why = "is not a number";
		return -1;
	}
	if (shape < 0) {
		*why = "has trailing characters";
		return -1;
	}
	if (len >= sizeof(small) && !(buf = malloc(len + 1))) {
		*why = "is out of range"; /* too long to copy: no memory */
		return -1;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	v = strtod(buf, &end);
	shape = end != buf + len; /* only if a locale moved the decimal point */
	if (buf != small)
		free(buf);
	if (shape) {
		*why = "is not a number";
		return -1;
	}
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL)) {
		*why = "is out of range";
		return -1;
	}
	if (!isfinite(v)) {
		*why = "is not finite";
		return -1;
	}
	if (v == 0.0)
		v = 0.0; /* no negative zero in output */
	*out = v;
	return 0;
}

int num_parse(const char *s, double *out, const char **why)
{
	return num_parse_n(s, s ? strlen(s) : 0, out, why);
}

double money_round(double usd)
{
	double r = round(usd * 100.0) / 100.0;
	return r == 0.0 ? 0.0 : r;
}

void *array_grow(void *arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return arr;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / size)
		return NULL;
	if ((p = realloc(arr, ncap * size)))
		*cap = ncap;
	return p;
}
