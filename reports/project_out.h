/*
 * project_out.h - write a projection: table, CSV, JSON, Markdown, and the
 * cumulative-cost chart.
 */
#ifndef LLMTCO_PROJECT_OUT_H
#define LLMTCO_PROJECT_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/project.h"

/* "build", "buy", "bridge" or "hybrid". */
const char *strategy_kind_name(const struct catalog *c, const struct strategy *st);

int project_write(FILE *fp, const struct catalog *c, const struct projection *p,
		  enum out_format fmt);

/*
 * Cumulative cost by month, one line per strategy (each option alone only
 * when it is the baseline or self-hosted, plus every bridge and hybrid),
 * switch months and payback months marked.
 */
int project_plot(const struct catalog *c, const struct projection *p,
		 const char *path, int svg, struct llmtco_err *err);

#endif
