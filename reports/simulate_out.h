/*
 * simulate_out.h - write a Monte Carlo result: each option's percentiles,
 * mean and chance of being the cheapest; the breakeven's distribution.
 */
#ifndef LLMTCO_SIMULATE_OUT_H
#define LLMTCO_SIMULATE_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/simulate.h"

/* Write `r` (options of catalog `c`) as table, CSV, JSON or Markdown. */
int simulate_write(FILE *fp, const struct catalog *c, const struct sim_result *r,
		   enum out_format fmt);

/* Just the Markdown table of the options' percentiles, shares in percent (the memo's). */
int simulate_md_table(FILE *fp, const struct catalog *c, const struct sim_result *r);

#endif
