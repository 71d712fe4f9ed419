/*
 * sweep.h - every option's cost over a range of one variable: the series
 * behind the cost-versus-volume chart. Pure computation: no I/O.
 */
#ifndef LLMTCO_SWEEP_H
#define LLMTCO_SWEEP_H

#include <stddef.h>
#include "breakeven.h"

struct sweep {
	enum be_var v;
	double *x;               /* n points, ascending */
	size_t n;
	size_t *opts;            /* the options swept (catalog indexes) */
	size_t nopts;
	struct cost_parts *cost; /* n x nopts, row-major */
	unsigned char *priced;   /* n x nopts: 0 where over a plan limit */
	struct be_pair *pairs;   /* self-hosted x managed crossings in range */
	size_t npairs;
};

/*
 * Sweep `v` over `n` points from `from` to `to` (n >= 2; geometric when
 * `log`, which needs from > 0), for every option the scenario selects that
 * can be priced. Also solves the default breakeven pairs on [0, to] and
 * keeps the crossings at or above `from`. Release with sweep_release.
 */
int sweep_run(const struct catalog *c, const struct scenario *s, enum be_var v,
	      double from, double to, size_t n, int log, struct sweep *out,
	      struct llmtco_err *err);

void sweep_release(struct sweep *sw);

#endif
