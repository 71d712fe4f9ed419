/*
 * check.h - what a pricing change does to a decision: one scenario
 * evaluated under a baseline catalog and a new one. Pure computation.
 */
#ifndef LLMTCO_CHECK_H
#define LLMTCO_CHECK_H

#include <stddef.h>
#include "breakeven.h"

/* One option's monthly total before and after (absent: not ranked). */
struct check_option {
	char key[96];
	int before_ranked, after_ranked;
	double before, after;     /* USD/month */
	double delta, delta_pct;  /* after - before; 100 x delta / before */
};

/* One self-hosted x managed pair's first crossing in API spend. */
struct check_crossing {
	char a[96], b[96];
	int before_n, after_n;    /* crossings found */
	double before, after;     /* the first one, USD/month of spend */
	double shift_pct;         /* 100 x |after - before| / before; INFINITY
				     when one side has a crossing and the other not */
};

struct check_result {
	char cheapest_before[96], cheapest_after[96]; /* "" when none ranked */
	int flip;                 /* the cheapest option changed */
	struct check_option *options;
	size_t noptions;
	struct check_crossing *crossings;
	size_t ncrossings;
	double max_change_pct;    /* the largest |delta_pct| */
	double max_shift_pct;     /* the largest shift_pct */
};

/*
 * Evaluate scenario `s` under `base` and `next` (each already holds the
 * scenario's overrides). Release with check_release.
 */
int check_scenario(const struct catalog *base, const struct catalog *next,
		   const struct scenario *s, struct check_result *out,
		   struct llmtco_err *err);

void check_release(struct check_result *r);

#endif
