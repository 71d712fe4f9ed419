/*
 * tco.h - the cost model of SPEC section 1: one workload, every option's
 * monthly cost in named parts, ranked, with the assumptions said out loud.
 * Pure computation: no I/O.
 */
#ifndef LLMTCO_TCO_H
#define LLMTCO_TCO_H

#include <stddef.h>
#include "../common/llmtco.h"
#include "../pricing/catalog.h"
#include "scenario.h"

struct cJSON;

/* The workload, derived from the scenario (all per month). */
struct workload {
	double api_spend;       /* USD at provider list price */
	double requests;        /* requests */
	double peak_to_average; /* ratio */
	double models;          /* distinct models served (per-model fees) */
};

/* Everything one option's cost depends on besides the catalog row. */
struct tco_inputs {
	struct workload w;
	double hourly_rate;          /* USD/hour */
	double horizon_months;       /* setup amortized over this */
	double routing_savings_pct;  /* 0-100, on smart-routing options */
	int maintenance_set;         /* self-hosted hours come from the team */
	double maintenance_hours;    /* hours/month */
	int setup_set;
	double setup_hours;          /* hours, one-time */
	int infra_set;               /* one monthly figure replaces it all */
	double infra_monthly;        /* USD/month */
	const struct item_param *items; /* the team's items: replace the catalog's */
	int no_amortize;             /* 1: engineering leaves setup out (project
					pays it in its month) */
	const struct option *router; /* router add-on of self-hosted options */
	size_t nitems;
};

/* The named parts of a monthly cost (USD/month). */
struct cost_parts {
	double api;             /* list-price spend sent to providers */
	double routing_savings; /* <= 0 */
	double platform_fee;    /* percent fee (with minimum) + BYOK fee */
	double markup;          /* token-price markup */
	double subscription;    /* plan, per-model and contract prices */
	double usage_fees;      /* graduated per-request/per-log tiers */
	double infrastructure;  /* self-hosted items and instances */
	double engineering;     /* maintenance + amortized setup */
	double total;           /* sum of the above */
};

/* The names of the parts, in order, as JSON and CSV use them. */
extern const char *const cost_part_names[];
#define COST_NPARTS 9

/* Part `i` (0..COST_NPARTS-1, total last) of a cost. */
double cost_part(const struct cost_parts *c, int i);

/* Peak requests per second of a workload. */
double workload_peak_rps(const struct workload *w);

/* Instances a self-hosted option runs for a workload. */
double tco_instances(const struct option *o, const struct workload *w);

/* Usage fees of an option's graduated tiers at `requests` per month. */
double tco_usage_fees(const struct option *o, double requests);

/* One-time setup of an option: its setup hours (the team's, for a
 * self-hosted option when given) times the hourly rate. */
double tco_setup_cost(const struct option *o, const struct tco_inputs *in);

/* The monthly cost of one option. */
void tco_option_cost(const struct option *o, const struct tco_inputs *in,
		     struct cost_parts *out);

/* ---- a whole comparison ---- */

struct tco_row {
	size_t option;        /* index into the comparison's catalog */
	struct cost_parts cost;
	double instances;     /* self-hosted: instances run */
	double hours;         /* engineering hours/month used */
};

/* Why an option is left out of the ranking. */
enum exclusion_kind {
	EXCLUDE_ROUTER,       /* a router add-on, not a gateway */
	EXCLUDE_QUOTE,        /* no public price and no contract_usd */
	EXCLUDE_PLAN_LIMIT,   /* requests above max_requests (limit) */
	EXCLUDE_REQUIREMENT,  /* misses feature */
	EXCLUDE_LATENCY_UNKNOWN,
	EXCLUDE_LATENCY       /* can add `value` ms, over `limit` */
};

struct exclusion {
	size_t option;
	enum exclusion_kind kind;
	double value, limit;
	const char *feature; /* EXCLUDE_REQUIREMENT: points into the scenario */
};

/*
 * Why option `o` cannot be priced for scenario `s` at workload `w`: 1 with
 * `x` filled (x->option is left to the caller), 0 when it can. The plan
 * limit is checked only when `check_limit`.
 */
int tco_excluded(const struct option *o, const struct scenario *s,
		 const struct workload *w, int check_limit, struct exclusion *x);

/* The reason as a phrase, for humans (separators) or machines (none). */
void tco_exclusion_text(const struct exclusion *x, int human, char *buf,
			size_t size);

/* Which assumptions the inputs rest on (bits of comparison.assumed). */
enum assumption {
	ASSUME_SPEND_FROM_TOKENS = 1 << 0,   /* tokens/day x price */
	ASSUME_REQUESTS_FROM_SPEND = 1 << 1, /* spend / usd_per_request */
	ASSUME_SPEND_FROM_MIX = 1 << 2,      /* requests x mix prices */
	ASSUME_SPEND_FROM_REQUESTS = 1 << 3, /* requests x usd_per_request */
	ASSUME_PEAK_DEFAULT = 1 << 4,
	ASSUME_RATE_DEFAULT = 1 << 5,
	ASSUME_NO_ROUTING = 1 << 6,
	ASSUME_HORIZON = 1 << 7,             /* always: setup amortized */
	ASSUME_MODELS = 1 << 8,              /* per-model fees at the model count */
	ASSUME_HORIZON_GIVEN = 1 << 9,       /* the horizon came from the user */
	ASSUME_ROUTING_POLICY = 1 << 10,     /* saving derived from routes */
	ASSUME_ROUTER = 1 << 11              /* self-hosted options run a router */
};

#define MAX_ASSUMPTIONS 12
#define ASSUMPTION_LEN 640

struct comparison {
	struct workload w;
	struct tco_inputs in;
	struct tco_row *rows;      /* ranked, cheapest first */
	size_t nrows;
	struct exclusion *excluded;
	size_t nexcluded;
	unsigned assumed;          /* enum assumption bits */
	double tokens_per_day;     /* when ASSUME_SPEND_FROM_TOKENS */
	double usd_per_mtok;
	double usd_per_request;    /* the seed figure used */
	double mix_usd_per_request;/* list price of a request of the mix */
	double routing_saving_pct; /* derived from the routing policy */
	size_t nmix;               /* models in the scenario's mix (0: none) */
	/* set by the caller after tco_compare, said first among the
	   assumptions (e.g. "the workload is 3 usage logs ..."), or NULL */
	const char *lead_human, *lead_machine;
	/* set by the caller: a JSON object the JSON writer adds to "workload"
	   as "usage" (not owned), or NULL */
	const struct cJSON *workload_usage;
};

/*
 * The assumptions of a comparison as sentences, for humans (thousands
 * separators) or machines (none). Returns how many were written to `out`.
 */
size_t tco_assumptions(const struct catalog *c, const struct comparison *cmp,
		       int human, char (*out)[ASSUMPTION_LEN], size_t max);

/* The same, each ending with "; source: ..." (for the memo). */
size_t tco_assumptions_sourced(const struct catalog *c, const struct comparison *cmp,
			       int human, char (*out)[ASSUMPTION_LEN], size_t max);

/*
 * Apply a scenario's overrides to a catalog (in order); `c` is modified.
 * LLMTCO_EDATA (file-located) or LLMTCO_EUSAGE (--set) on a bad one.
 */
int tco_apply_overrides(struct catalog *c, const struct scenario *s,
			struct llmtco_err *err);

/*
 * Derive the workload and inputs from a scenario and the catalog defaults.
 * Records the assumptions made. LLMTCO_EUSAGE when no workload is given.
 */
int tco_inputs_from(const struct catalog *c, const struct scenario *s,
		    struct tco_inputs *in, struct comparison *cmp,
		    struct llmtco_err *err);

/*
 * Compare every selected option of the catalog for the scenario: fills
 * `cmp` (ranked rows, exclusions with reasons, assumptions). The caller
 * frees it with comparison_release. `c` must outlive `cmp`.
 */
int tco_compare(const struct catalog *c, const struct scenario *s,
		struct comparison *cmp, struct llmtco_err *err);

/* How many ranked rows share the cheapest total (to the cent); 0 if none. */
size_t tco_tied(const struct comparison *cmp);

/*
 * Which options the scenario selects: *selected (the caller frees it) gets
 * 1 per option named by the scenario's `options` (an id takes all its
 * plans), or per non-router option when it names none. An unknown id is
 * LLMTCO_EDATA at its place in the scenario file, or LLMTCO_EUSAGE (a flag).
 */
int tco_select(const struct catalog *c, const struct scenario *s,
	       unsigned char **selected, struct llmtco_err *err);

/* Free what a comparison holds. NULL is fine. */
void comparison_release(struct comparison *cmp);

#endif
