/*
 * format.h - number formatting: the one place the thousands-separator rule
 * lives. Human figures get separators; machine figures (CSV, JSON, Markdown)
 * never do, and always use '.' as the decimal point. Pure: no I/O.
 */
#ifndef LLMTCO_FORMAT_H
#define LLMTCO_FORMAT_H

#include <stddef.h>

/* "1,234,567.89": rounded to `decimals` (0-10), with separators. */
char *fmt_human(char *buf, size_t size, double v, int decimals);

/* "$1,234.56" (two decimals), "-$3,500.00" for negatives. */
char *fmt_usd(char *buf, size_t size, double v);

/* "1234.56": rounded to cents, no separators, "-0.00" never printed. */
char *fmt_machine(char *buf, size_t size, double v);

/* A count or a rate for machines: shortest form that reads back exactly. */
char *fmt_number(char *buf, size_t size, double v);

/* Money in a sentence: "$1,234.56" for humans, "$1234.56" for machines. */
char *fmt_usd_as(char *buf, size_t size, double v, int human);

/* A count in a sentence: "1,000,000" for humans, "1000000" for machines. */
char *fmt_count_as(char *buf, size_t size, double v, int human);

#endif
