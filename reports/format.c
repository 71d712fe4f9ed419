/*
 * format.c - human and machine number formats.
 *
 * The program never calls setlocale(), so printf's decimal point is always
 * '.'; fmt_machine still checks, in case a host program linking the library
 * has switched LC_NUMERIC.
 */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Replace a locale's decimal comma so machine output always reads back. */
static void force_point(char *s)
{
	for (; *s; s++)
		if (*s == ',')
			*s = '.';
}

char *fmt_human(char *buf, size_t size, double v, int decimals)
{
	char raw[64], out[96];
	const char *p, *dot;
	size_t n = 0, intlen, i;
	double scale;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 10)
		decimals = 10;
	scale = pow(10.0, decimals);
	v = round(v * scale) / scale;
	if (v == 0.0)
		v = 0.0;
	snprintf(raw, sizeof(raw), "%.*f", decimals, v);
	force_point(raw);
	p = raw;
	if (*p == '-')
		out[n++] = *p++;
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < intlen && n < sizeof(out) - 2; i++) {
		if (i && (intlen - i) % 3 == 0)
			out[n++] = ',';
		out[n++] = p[i];
	}
	if (dot)
		for (i = 0; dot[i] && n < sizeof(out) - 1; i++)
			out[n++] = dot[i];
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

char *fmt_usd(char *buf, size_t size, double v)
{
	char num[96];

	v = round(v * 100.0) / 100.0;
	fmt_human(num, sizeof(num), fabs(v), 2);
	snprintf(buf, size, "%s$%s", v < 0 ? "-" : "", num);
	return buf;
}

char *fmt_machine(char *buf, size_t size, double v)
{
	v = round(v * 100.0) / 100.0;
	if (v == 0.0)
		v = 0.0;
	snprintf(buf, size, "%.2f", v);
	force_point(buf);
	return buf;
}

char *fmt_number(char *buf, size_t size, double v)
{
	if (v == 0.0)
		v = 0.0;
	snprintf(buf, size, "%.15g", v);
	force_point(buf);
	return buf;
}

char *fmt_usd_as(char *buf, size_t size, double v, int human)
{
	char num[64];

	if (human)
		return fmt_usd(buf, size, v);
	fmt_machine(num, sizeof(num), v);
	if (num[0] == '-') /* -$1695.83, as fmt_usd writes it */
		snprintf(buf, size, "-$%s", num + 1);
	else
		snprintf(buf, size, "$%s", num);
	return buf;
}

char *fmt_count_as(char *buf, size_t size, double v, int human)
{
	return human ? fmt_human(buf, size, v, 0) : fmt_number(buf, size, round(v));
}
