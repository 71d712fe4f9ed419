/*
 * compare_out.h - write a comparison as a table, CSV, JSON or Markdown.
 */
#ifndef LLMTCO_COMPARE_OUT_H
#define LLMTCO_COMPARE_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/tco.h"

/*
 * Write `cmp` (computed on catalog `c`) to `fp` in `fmt`, figures scaled to
 * `period`. `name` is the scenario's name or NULL. LLMTCO_EIO when out of
 * memory; write errors are left for the caller to find with ferror.
 */
int compare_write(FILE *fp, const struct catalog *c,
		  const struct comparison *cmp, enum out_format fmt,
		  enum period period, const char *name);

/* Only the Markdown table of ranked options (the memo embeds it). */
int compare_md_table(FILE *fp, const struct catalog *c,
		     const struct comparison *cmp, enum period period);

#endif
