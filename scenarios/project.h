/*
 * project.h - cost over time: month by month over a horizon, traffic
 * growing at a compound rate, setup paid when it happens (not amortized),
 * instances and tiers recomputed every month. Strategies: one option alone
 * (build or buy), a bridge (buy now, self-host from a switch month), and a
 * hybrid (traffic split between two options, each paying its own fixed
 * costs). Payback and NPV. Pure computation: no I/O.
 */
#ifndef LLMTCO_PROJECT_H
#define LLMTCO_PROJECT_H

#include <stddef.h>
#include "tco.h"

enum strategy_kind {
	STRATEGY_ALONE = 0,  /* one option all along: build or buy */
	STRATEGY_BRIDGE,     /* option a until switch_month, then b */
	STRATEGY_HYBRID      /* share_a % of traffic on a, the rest on b */
};

struct strategy {
	enum strategy_kind kind;
	size_t a, b;              /* option indexes (b unused when alone) */
	int switch_month;         /* bridge: first month on b (2..months) */
	int switch_auto;          /* bridge: pick the month with the least total */
	double share_a;           /* hybrid: percent of traffic on a */
	double migration_hours;   /* bridge: charged in the switch month */
	char id[256];             /* "openrouter", "bridge:openrouter>litellm/oss@7",
				     "hybrid:openrouter:60,litellm/oss:40" */
	double *cost;             /* months: cost in month m+1 (USD) */
	double *cumulative;       /* months: running total */
	double total;             /* over the horizon */
	double npv;               /* at the discount rate (= total at 0%) */
};

struct payback {
	size_t strategy;          /* index into projection.strategies */
	size_t versus;            /* the one it is measured against */
	int month;                /* first month from which its cumulative cost
				     stays below; 0 = never within the horizon */
};

struct projection {
	int months;
	double growth_pct;        /* per month, compounding */
	double discount_pct;      /* per year */
	struct strategy *strategies;
	size_t nstrategies;
	size_t baseline;          /* the cheapest buy-only strategy */
	int has_baseline;         /* 0: no managed option: no payback */
	struct exclusion *excluded; /* options left out, with why */
	size_t nexcluded;
	struct payback *paybacks;
	size_t npaybacks;
	struct comparison cmp;    /* month 1, for the assumptions */
};

/* What to project, beyond the scenario. */
struct project_request {
	int months;               /* horizon, >= 1 */
	double growth_pct;        /* per month; NaN = the scenario's or 0 */
	double discount_pct;      /* per year, >= 0 */
	double migration_hours;   /* NaN = the self-hosted option's catalog value */
	const struct strategy *extra; /* bridges and hybrids asked for */
	size_t nextra;
};

/*
 * Project every priceable option alone plus the extra strategies. Fills
 * `out` (release with projection_release). An option past its plan limit
 * in any month is left out (listed in `excluded`). LLMTCO_EUSAGE for a
 * bridge that is not managed -> self-hosted, a switch month outside
 * 2..months, a hybrid whose shares do not make 100, or an option of a
 * bridge or hybrid that cannot be priced or passes its plan limit.
 */
int project_run(const struct catalog *c, const struct scenario *s,
		const struct project_request *req, struct projection *out,
		struct llmtco_err *err);

void projection_release(struct projection *p);

/* NPV of a monthly stream at an annual rate (end-of-month discounting). */
double project_npv(const double *cost, int months, double annual_pct);

#endif
