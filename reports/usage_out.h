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

/*
 * compare_write, with `say` (for humans) or `say_machine` (CSV, JSON,
 * Markdown: no separators) put first in the assumptions: the workload came
 * from usage logs. JSON also gets workload.usage = `usage` (taken: it is
 * deleted here; may be NULL). LLMTCO_EIO when out of memory.
 */
struct cJSON;
int usage_compare_write(FILE *fp, const struct catalog *c,
			const struct comparison *cmp, enum out_format fmt,
			enum period period, const char *name, const char *say,
			const char *say_machine, struct cJSON *usage);

/* The summary as the JSON object `llmtco usage --format json` prints. */
struct cJSON *usage_json(const struct usage_reader *r, const struct usage_summary *s);

#endif
