/*
 * check_out.h - write what a pricing change does to each scenario: table,
 * JSON, and Markdown for a pull-request comment.
 */
#ifndef LLMTCO_CHECK_OUT_H
#define LLMTCO_CHECK_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/check.h"

struct check_report {
	const char *baseline;          /* as given */
	const char *const *names;      /* scenario names (or files) */
	const char *const *files;
	const struct check_result *results;
	size_t n;
	const char *failed[8];         /* thresholds crossed, as sentences */
	size_t nfailed;
};

int check_write(FILE *fp, const struct check_report *r, enum out_format fmt);

#endif
