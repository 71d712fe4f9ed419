/*
 * breakeven.h - where two options' monthly totals cross as one variable
 * moves (SPEC section 1, "Breakeven"), and the series a sweep plots.
 *
 * Costs are piecewise in the variable: linear between price steps (tier
 * edges and blocks, instance counts, free quotas, fee minimums), except the
 * BYOK fee at a fixed spend, which is linear plus c/x. The solver finds the
 * steps exactly from the catalog, takes the closed-form root on linear
 * pieces, bisects curved ones split at their extremum, and checks the sign
 * on both sides of every step: every crossing in range is found, never by
 * sampling a grid. Pure computation: no I/O.
 */
#ifndef LLMTCO_BREAKEVEN_H
#define LLMTCO_BREAKEVEN_H

#include <stddef.h>
#include "tco.h"

enum be_var {
	BE_SPEND = 0,    /* API spend, USD/month */
	BE_REQUESTS,     /* requests/month */
	BE_TOKENS,       /* tokens/day (needs usd_per_mtok) */
	BE_HOURS,        /* self-hosted maintenance hours/month */
	BE_RATE          /* engineering USD/hour */
};

/* "spend", "requests", "tokens-per-day", "hours", "rate". */
const char *be_var_name(enum be_var v);
/* Human unit: "USD/month", "requests/month", ... */
const char *be_var_unit(enum be_var v);
/* 0 and *v set, or -1 for an unknown name. */
int be_var_parse(const char *name, enum be_var *v);
/* The range searched when none is given: spend 100,000; requests 1e8;
 * tokens-per-day 1e10; hours 200; rate 500. */
double be_default_max(enum be_var v);

/*
 * The inputs of scenario `s` with variable `v` set to `x` (spend, requests,
 * tokens/day, maintenance hours or hourly rate); everything else as the
 * scenario says. `cmp` (may be NULL) gets the assumptions made, as
 * tco_inputs_from records them. LLMTCO_EUSAGE when `v` cannot move (tokens
 * without a price).
 */
int tco_inputs_at(const struct catalog *c, const struct scenario *s,
		  enum be_var v, double x, struct tco_inputs *in,
		  struct comparison *cmp, struct llmtco_err *err);

struct crossing {
	double value;          /* of the variable */
	size_t cheaper_below;  /* option index (catalog) */
	size_t cheaper_above;
	int at_step;           /* 1: a price step, not a smooth crossing */
	double total;          /* USD/month of the options there (of the one
				  cheaper below, at a step) */
};

struct be_pair {
	size_t a, b;           /* option indexes */
	struct crossing *x;    /* ascending */
	size_t n;
	double max;            /* searched [0, max] */
	int limited;           /* a plan limit cut the range short of max */
	size_t limited_by;     /* that option */
	int tie;               /* equal to the cent over the whole range */
	size_t cheaper_at_0;   /* which is cheaper at 0 (when not tie) */
	size_t cheaper_at_max; /* and at max */
	double equal_until;    /* equal to the cent from 0 up to here (0: not
				  equal at 0); the price step where they part */
};

/*
 * Every crossing of options `a` and `b` of catalog `c` in [0, max] of `v`.
 * Fills `out` (release with be_pair_release). LLMTCO_EUSAGE when the range
 * holds too many price steps to examine (over 1,000,000): a smaller max.
 */
int breakeven_pair(const struct catalog *c, const struct scenario *s,
		   enum be_var v, size_t a, size_t b, double max,
		   struct be_pair *out, struct llmtco_err *err);

void be_pair_release(struct be_pair *p);

/*
 * The pairs to solve, as option indexes a0,b0,a1,b1,... in *pairs (the
 * caller frees it): every plan named by `a_key` against every plan named by
 * `b_key`, or, when either is NULL, every self-hosted x managed pair among
 * the options the scenario selects. Options that cannot be priced (quote
 * required, routers, unmet requirements) are left out.
 */
int breakeven_pairs(const struct catalog *c, const struct scenario *s,
		    enum be_var v, const char *a_key, const char *b_key,
		    size_t **pairs, size_t *npairs, struct llmtco_err *err);

#endif
