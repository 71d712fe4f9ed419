/*
 * catalog.h - what things cost: gateway options (one row per plan), their
 * graduated usage tiers, self-hosted infrastructure items, model prices and
 * the catalog-wide defaults. Every price carries its source and date.
 *
 * The catalog is built from CSV tables (catalog_load_csv); nothing here
 * does I/O.
 */
#ifndef LLMTCO_CATALOG_H
#define LLMTCO_CATALOG_H

#include <stddef.h>
#include "../common/llmtco.h"

enum deployment {
	DEPLOY_SELF_HOSTED = 0, /* you run it: infrastructure + engineering */
	DEPLOY_MANAGED,         /* a vendor runs it: fees and subscriptions */
	DEPLOY_ROUTER           /* a router add-on, not ranked on its own */
};

enum residency {
	RESIDENCY_NONE = 0,     /* traffic goes where the vendor sends it */
	RESIDENCY_CONFIGURABLE, /* regions can be chosen */
	RESIDENCY_FULL          /* stays on your infrastructure */
};

/* Where a row came from, for messages. */
struct origin {
	const char *file; /* name owned by the catalog's string list */
	int line;
};

/*
 * One band of a graduated usage price: requests (or logs) in [from, to) cost
 * `usd` per `per` units. With round_up, every started block of `per` units
 * is charged whole (Portkey's "+$9 per extra 100k logs").
 */
struct tier {
	double from;      /* requests/month where the band starts */
	double to;        /* requests/month where it ends; INFINITY = open */
	struct range usd; /* USD per block of `per` units */
	double per;       /* units per block, >= 1 */
	int round_up;     /* 1: charge whole blocks, 0: pro rata */
	char *source;     /* URL or citation */
	char as_of[11];   /* YYYY-MM-DD */
	struct origin at;
};

/* A self-hosted infrastructure line item. */
struct infra_item {
	char name[32];    /* compute, database, cache, load_balancer, ... */
	struct range usd; /* USD/month (per instance when per_instance) */
	int per_instance; /* 1: multiplied by the instance count */
	char *source;
	char as_of[11];
	struct origin at;
};

/* One plan of one gateway: a row of gateways.csv. */
struct option {
	char id[32];   /* catalog id, e.g. "portkey" (shared by its plans) */
	char plan[32]; /* plan slug, e.g. "production" */
	char *name;    /* display name, e.g. "Portkey Production" */
	enum deployment deployment;
	int smart_routing;         /* 1: routes between models itself */
	enum residency residency;  /* data residency */
	char *sla;                 /* SLA text, "" when none is published */
	struct range latency_ms;   /* added latency, ms (low..high) */
	struct range fee_pct;      /* percent of spend, 0-100 */
	struct range fee_min_usd;  /* minimum fee per month, USD */
	struct range byok_fee_pct; /* percent of spend beyond the free quota */
	struct range byok_free_requests; /* requests/month free of BYOK fee */
	struct range markup_pct;   /* token-price markup, percent, 0-100 */
	struct range monthly_usd;  /* plan price, USD/month */
	struct range per_model_usd;/* USD/month per model served */
	struct range contract_usd; /* negotiated price, USD/month (quotes) */
	struct range max_requests; /* plan limit, requests/month; INFINITY */
	int quote_required;        /* 1: no public price */
	struct range rps_per_instance; /* peak requests/s one instance serves */
	struct range min_instances;    /* instances never fewer than this */
	struct range setup_hours;      /* one-time engineering hours */
	struct range maintenance_hours;/* engineering hours per month */
	struct range migration_hours;  /* one-time hours to move traffic onto it */
	char *source;   /* URL(s) of the prices, "; "-separated */
	char as_of[11]; /* YYYY-MM-DD the prices were read */
	char *notes;
	int contract_given; /* a scenario or --set gave contract_usd */

	struct tier *tiers;       /* ascending by `from` */
	size_t ntiers;
	struct infra_item *items; /* self-hosted only */
	size_t nitems;
	struct origin at;
};

/* A model's list price (USD per million tokens). */
struct model_price {
	char *provider;        /* "anthropic" */
	char *model;           /* "claude-opus-4.8" */
	double input_mtok;     /* USD per 1M input tokens */
	double output_mtok;    /* USD per 1M output tokens */
	double cache_read_mtok;/* USD per 1M cached input tokens read; NaN:
				  not published (charged as input) */
	double cache_write_mtok;/* USD per 1M input tokens written to cache;
				   NaN: not published (charged as input) */
	double usd_per_request;/* USD per request, on top of tokens */
	char service_tier[16]; /* "" (standard), "batch", "flex", "priority" */
	double above_input_tokens; /* the price of requests with more input
				      tokens than this (0: the base price) */
	char *source;
	char as_of[11];
	struct origin at;
};

/* A catalog-wide default (hourly rate, peak-to-average ratio, ...). */
struct fact {
	char key[32];
	struct range v;
	char *unit;
	char *source;
	char as_of[11];
	struct origin at;
};

/*
 * Where `pricing validate` wants every problem of a catalog: set
 * catalog.diag and the loader reports each problem to `report` and goes on
 * (see catalog_load_csv). `today` and `max_age_days` add the checks that
 * need the date, which the core never reads from the clock.
 */
struct catalog_diag {
	/* called once per problem; `warning` 1 for a warning, 0 for an error;
	   `e` (file:line:col, col 0 for a whole row) lives only for the call */
	void (*report)(void *ud, const struct llmtco_err *e, int warning);
	void *ud;             /* passed to report */
	const char *today;    /* YYYY-MM-DD: a later as_of is an error; NULL: none */
	int max_age_days;     /* as_of more days before today: a warning; < 0 none */
};

struct catalog {
	struct option *options;
	size_t noptions, options_cap;
	struct model_price *models;
	size_t nmodels, models_cap;
	struct fact *facts;
	size_t nfacts, facts_cap;
	char **names; /* file names rows came from, owned here */
	size_t nnames;
	const struct catalog_diag *diag; /* NULL: stop at the first problem;
					    owned by the caller */
};

/* Fill an empty catalog (no allocation). */
void catalog_init(struct catalog *c);

/* Free what the catalog holds; it is empty afterwards. NULL is fine. */
void catalog_release(struct catalog *c);

/*
 * Load one CSV table from memory and layer it on top of the catalog. The
 * table's kind (gateways, tiers, infrastructure, defaults, models) is told
 * by its header. A gateways row whose id and plan exist replaces that row
 * (its tiers and items are kept); tiers or items given for an option
 * replace all of that option's tiers or items. `name` is copied and used in
 * messages. Returns LLMTCO_OK or LLMTCO_EDATA with `err` filled at the first
 * problem (file:line:col).
 *
 * With c->diag set, every problem goes to c->diag->report instead: a bad row
 * is reported and skipped and loading goes on with the next row (a bad
 * header, or text libcsv cannot parse, ends that table); an as_of after
 * diag->today is an error and one older than diag->max_age_days a warning.
 * It then returns LLMTCO_OK, or LLMTCO_EIO (out of memory) in `err`.
 */
int catalog_load_csv(struct catalog *c, const char *name, const char *data,
		     size_t len, struct llmtco_err *err);

/*
 * Check what a whole catalog needs once all its tables are loaded: every
 * tier and item belongs to an option, self-hosted options have items,
 * required defaults exist. LLMTCO_EDATA with `err` on the first problem;
 * with c->diag set, every problem goes to c->diag->report and it returns
 * LLMTCO_OK.
 */
int catalog_check(const struct catalog *c, struct llmtco_err *err);

/*
 * Days from 1970-01-01 to a date YYYY-MM-DD (1970 or later, a real day).
 * Returns 0 and sets *days, or -1 when `s` is not such a date.
 */
int catalog_date_days(const char *s, long *days);

/* The built-in catalog compiled into the program (pricing/data/ CSV files). */
int catalog_load_builtin(struct catalog *c, struct llmtco_err *err);

/*
 * Options matching `key`: "id" matches every plan of that id, "id/plan"
 * one plan. Returns how many matched; fills up to `max` indexes in `idx`.
 */
size_t catalog_match(const struct catalog *c, const char *key, size_t *idx,
		     size_t max);

/* A default by key, or NULL. */
const struct fact *catalog_fact(const struct catalog *c, const char *key);

/*
 * A model's base price (standard tier, no context tier) by "provider/model"
 * or bare "model". Names compare case-insensitively; when nothing matches,
 * a date suffix ("-20241022", "-2024-10-22", "@20241022") is ignored on
 * both sides. Returns NULL when none or several models match; *ambiguous
 * (may be NULL) gets the count when several do.
 */
const struct model_price *catalog_model(const struct catalog *c,
					const char *name, size_t *ambiguous);

/*
 * The price that applies to one request: the model as catalog_model finds
 * it (a bare name is first looked for under `provider_hint`, which may be
 * NULL), then its row for `service_tier` (NULL or "": standard; a tier the
 * model has no price for falls back to standard) with the largest
 * above_input_tokens below `input_tokens`.
 */
const struct model_price *catalog_model_price(const struct catalog *c,
					      const char *provider_hint,
					      const char *name,
					      const char *service_tier,
					      double input_tokens,
					      size_t *ambiguous);

/*
 * What tokens cost at price `p` (USD): `input` uncached input tokens,
 * `cache_read` and `cache_write` input tokens read from or written to a
 * prompt cache, `output` tokens, and `requests` requests (the per-request
 * price). A cache price the catalog does not publish charges those tokens
 * as input.
 */
double model_cost(const struct model_price *p, double requests, double input,
		  double cache_read, double cache_write, double output);

/* "self-hosted", "managed", "router". */
const char *deployment_name(enum deployment d);

/* "none", "configurable", "full". */
const char *residency_name(enum residency r);

/* ---- fields: one table drives CSV columns, --set and overrides ---- */

enum field_kind {
	FIELD_TEXT,       /* free text (name, sla, source, notes) */
	FIELD_NUM,        /* number, may have _low/_high columns */
	FIELD_BOOL,       /* yes/no */
	FIELD_DEPLOYMENT, /* self-hosted/managed/router */
	FIELD_RESIDENCY,  /* none/configurable/full */
	FIELD_DATE,       /* YYYY-MM-DD */
	FIELD_KEY         /* id or plan: set only by the catalog itself */
};

struct field {
	const char *name;      /* column and --set name */
	enum field_kind kind;
	double min, max;       /* allowed range for numbers */
	double dflt;           /* value when the cell is empty */
	int required;          /* the column must exist in gateways.csv */
	const char *unit;      /* for help and `pricing show` */
	const char *help;
};

/* The option fields, NULL-name terminated. */
extern const struct field option_fields[];

/* A field by name, or NULL. */
const struct field *field_find(const char *name);

/* Point the caller at an option's range for a numeric field, or NULL. */
struct range *option_num(struct option *o, const struct field *f);
const struct range *option_num_c(const struct option *o,
				 const struct field *f);

/*
 * Set a field of an option from text (a CSV cell or a --set value): numbers
 * are parsed strictly and checked against the field's range, yes/no and
 * enumerations by name. Text fields are copied. Returns LLMTCO_OK, or
 * LLMTCO_EDATA with `err->msg` set ("must be ...").
 */
int option_set_text(struct option *o, const struct field *f, const char *val,
		    struct llmtco_err *err);

/* Set a numeric field to a range, checking it. */
int option_set_range(struct option *o, const struct field *f, struct range r,
		     struct llmtco_err *err);

/* Check that a range lies within a field's limits; message in `err`. */
int field_check_range(const struct field *f, struct range r,
		      struct llmtco_err *err);

/* Text of a field's value, for `pricing show` (numbers in machine form). */
void option_field_text(const struct option *o, const struct field *f,
		       char *buf, size_t size);

/* Copy an option deeply into `dst` (which is overwritten). */
int option_copy(struct option *dst, const struct option *src);

/* Free what an option holds. */
void option_release(struct option *o);

/* "id" or "id/plan" when the id has several plans in the catalog. */
void option_key(const struct catalog *c, const struct option *o, char *buf,
		size_t size);

#endif
