/*
 * memo.h - the build-vs-buy memo: memo.md, and the stacked cost chart.
 */
#ifndef LLMTCO_MEMO_H
#define LLMTCO_MEMO_H

#include <stdio.h>
#include "../scenarios/breakeven.h"
#include "../scenarios/project.h"
#include "../scenarios/simulate.h"

struct memo {
	const struct catalog *c;
	const char *name;             /* scenario name, or NULL */
	const struct scenario *s;     /* the inputs, said with their source */
	const char *scenario_file;    /* or NULL */
	const struct comparison *cmp; /* at the scenario's workload */
	const struct be_pair *pairs;  /* self-hosted x managed, in API spend */
	size_t npairs;
	double max;                   /* spend searched up to */
	const char *bars_image;       /* file names inside the memo folder */
	const char *line_image;
	const struct projection *proj;/* over time, or NULL */
	const char *time_image;
	const struct sim_result *sim; /* "How sure is this?", or NULL */
	const struct sens_result *sens; /* or NULL: no pair to weigh */
	const char *tornado_image;    /* NULL: no tornado drawn */
};

/*
 * Write memo.md: the recommendation in one paragraph, the comparison table
 * (the one `compare --format md` prints), the crossings in words, the
 * assumptions each with its source, and every price's source and date; the
 * plots embedded as images. No thousands separators (Markdown).
 */
int memo_write(FILE *fp, const struct memo *m);

/* Each ranked option's cost parts as a stacked bar chart (gnuplot). */
int memo_bar_plot(const struct catalog *c, const struct comparison *cmp,
		  const char *path, int svg, struct llmtco_err *err);

#endif
