/*
 * breakeven_out.h - write breakeven results: table, CSV, JSON, Markdown,
 * and the crossings as sentences for the memo.
 */
#ifndef LLMTCO_BREAKEVEN_OUT_H
#define LLMTCO_BREAKEVEN_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/breakeven.h"

/* A value of the variable: "$10,000.00" / "1,500,000" for humans. */
char *be_value_text(enum be_var v, double x, int human, char *buf, size_t size);

/*
 * Write the pairs, searched over [0, max]. `cmp` holds the assumptions of
 * the workload (from tco_inputs_at); LLMTCO_EIO when out of memory.
 */
int breakeven_write(FILE *fp, const struct catalog *c,
		    const struct comparison *cmp, enum be_var v, double max,
		    const struct be_pair *pairs, size_t n, enum out_format fmt);

/*
 * One pair in words: "self-hosting LiteLLM is cheaper than OpenRouter above
 * $10,000.00/month of API spend", one sentence per crossing, or that one is
 * cheaper throughout. Thousands separators only when `human` (Markdown has
 * none). Writes lines to `fp` prefixed by `bullet`.
 */
void breakeven_sentences(FILE *fp, const struct catalog *c, enum be_var v,
			 const struct be_pair *p, int human, const char *bullet);

/* What moves with the variable ("requests follow it at $0.005 ..."). */
void breakeven_moving(const struct comparison *cmp, enum be_var v, int human,
		      char *buf, size_t size);

#endif
