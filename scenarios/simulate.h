/*
 * simulate.h - Monte Carlo over every uncertain input (issue 7): each trial
 * draws the scenario's ranged numbers and the catalog's ranged prices and
 * hours once, prices every selected option, and notes the cheapest. Per
 * option: P10, P50, P90, mean and the probability of being cheapest; for a
 * pair, the distribution of the breakeven in API spend.
 *
 * Draws come from a counter-based generator (splitmix64 of seed, trial and
 * input), so a result depends only on the seed, never on the thread count.
 * Pure computation: no I/O (threads are pthreads).
 */
#ifndef LLMTCO_SIMULATE_H
#define LLMTCO_SIMULATE_H

#include <stddef.h>
#include <stdint.h>
#include "tco.h"

#define SIM_MAX_JOBS 64
#define SIM_BREAKEVEN_TRIALS 10000 /* --between solves the first this many */

struct sim_request {
	size_t trials;     /* >= 1 */
	uint64_t seed;
	int jobs;          /* threads, 1..SIM_MAX_JOBS */
	int between;       /* 1: the breakeven of options a and b in API spend */
	size_t a, b;       /* catalog indexes (with between) */
	double max;        /* spend searched, [0, max] (with between) */
};

/* One option's distribution of monthly totals (USD/month). */
struct sim_option {
	size_t option;     /* catalog index */
	double p10, p50, p90, mean;
	double p_cheapest; /* share of trials it is the cheapest, 0-1 */
	double p_over_limit; /* share of trials over its plan limit (never
				cheapest in those) */
};

/* One uncertain input, as drawn. */
struct sim_input {
	char name[96];     /* "hourly_rate", "litellm/oss.setup_hours",
			      "litellm.compute", ... */
	struct range r;
};

struct sim_result {
	size_t trials;
	uint64_t seed;
	struct sim_option *options; /* in compare's order at point values */
	size_t noptions;
	struct sim_input *inputs;   /* every input drawn (low < high) */
	size_t ninputs;
	/* with between */
	int between;
	size_t a, b;
	size_t be_trials;  /* trials solved: min(trials, SIM_BREAKEVEN_TRIALS) */
	size_t be_none;    /* of those, with no crossing in [0, max] */
	double be_p10, be_p50, be_p90, be_mean; /* first crossing, USD/month
						    (NAN when none crossed) */
	double be_max;
};

/*
 * Run the simulation of scenario `s` over catalog `c` (overrides already
 * applied). Options are those compare ranks at point values (quotes,
 * routers, unmet requirements and latency limits left out). Percentiles
 * are nearest-rank: Pq is the ceil(q/100 * N)-th smallest total. The
 * cheapest of a trial is the least total to the cent, ties going to the
 * first by id and plan (compare's order). Fills `out` (release with
 * sim_result_release). LLMTCO_EUSAGE on bad inputs, LLMTCO_EIO out of
 * memory or when a thread cannot start.
 */
int simulate_run(const struct catalog *c, const struct scenario *s,
		 const struct sim_request *req, struct sim_result *out,
		 struct llmtco_err *err);

void sim_result_release(struct sim_result *r);

/* ---- sensitivity: one input at a time ---- */

struct sens_row {
	char name[96];          /* the input, as simulate names it */
	struct range r;         /* its low, point value and high */
	double diff_low;        /* total(a) - total(b) with it at its low */
	double diff_high;       /* ... and at its high, everything else at point */
	double swing;           /* |diff_high - diff_low| */
};

struct sens_result {
	size_t a, b;            /* catalog indexes */
	double base;            /* total(a) - total(b) at point values */
	struct sens_row *rows;  /* largest swing first (ties by name) */
	size_t n;
};

/*
 * Each uncertain input (the ones simulate draws) at its low and at its high,
 * every other at its point value: how far total(a) - total(b) moves. With a
 * or b < 0, the pair is the cheapest self-hosted and the cheapest managed
 * option at point values (LLMTCO_EUSAGE when there is no such pair, or
 * when a or b is one compare does not rank: a quote, an unmet limit).
 * Release with sens_result_release.
 */
int sensitivity_run(const struct catalog *c, const struct scenario *s, long a, long b,
		    struct sens_result *out, struct llmtco_err *err);

void sens_result_release(struct sens_result *r);

/* Uniform [0, 1) from (seed, trial, input): splitmix64, 53 bits. */
double sim_uniform(uint64_t seed, uint64_t trial, uint64_t input);

/* A draw of range `r` from u in [0, 1): uniform, triangular, or fixed. */
double sim_draw(const struct range *r, double u);

#endif
