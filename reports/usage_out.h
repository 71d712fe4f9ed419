/*
 * usage_out.h - what usage logs say, per model, as a table, CSV, JSON or
 * Markdown; and compare's output with the usage assumption added.
 */
#ifndef LLMTCO_USAGE_OUT_H
#define LLMTCO_USAGE_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/tco.h"
#include "../scenarios/usage.h"

/*
 * Write the summary `s` of reader `r` to `fp` in `fmt`. LLMTCO_EIO when
 * out of memory; write errors are left for the caller to find with ferror.
 */
int usage_write(FILE *fp, const struct usage_reader *r,
		const struct usage_summary *s, enum out_format fmt);


/* The summary as the JSON object `llmtco usage --format json` prints. */
struct cJSON *usage_json(const struct usage_reader *r, const struct usage_summary *s);

#endif
