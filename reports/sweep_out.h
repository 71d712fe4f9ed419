/*
 * sweep_out.h - write a sweep: table, CSV, JSON, Markdown.
 */
#ifndef LLMTCO_SWEEP_OUT_H
#define LLMTCO_SWEEP_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/sweep.h"

/*
 * One row per point: the variable, then each option's total (and, with
 * `breakdown`, each of its cost parts as "key:part"); an option past its
 * plan limit has an empty cell. Table and Markdown add the crossings.
 */
int sweep_write(FILE *fp, const struct catalog *c, const struct sweep *sw,
		int breakdown, enum period period, enum out_format fmt);

/*
 * Draw the sweep's totals, one line per option, every crossing marked and
 * labelled, to `path` with gnuplot (plot.h).
 */
int sweep_plot(const struct catalog *c, const struct sweep *sw, const char *path,
	       int svg, enum period period, struct llmtco_err *err);

#endif
