/*
 * scenario.h - what a team would do: its workload, team, infrastructure,
 * routing, option selection, catalog overrides and constraints. Built from
 * a scenario file (scenario_load_json) and command-line flags layered on
 * top. Every number may be a range; point commands use range.value.
 */
#ifndef LLMTCO_SCENARIO_H
#define LLMTCO_SCENARIO_H

#include <stddef.h>
#include "../common/llmtco.h"

/* Where a scenario value was written; file NULL when a flag gave it. */
struct where {
	const char *file;
	int line, col;
};

/* A value that may or may not have been given. */
struct param {
	int set;        /* 1 when the file or a flag gave it */
	struct range r; /* the value, in the unit of its key */
};

/* One model of the traffic mix. */
struct mix_entry {
	char *model;               /* "provider/model" or bare model id */
	struct param share;        /* fraction of requests, 0-1 */
	struct param input_tokens; /* per request */
	struct param output_tokens;/* per request */
	struct param cached_tokens;/* input tokens per request read from cache */
};

/* One scenario-supplied infrastructure line item. */
struct item_param {
	char name[32];
	struct param usd; /* USD/month (per instance for "compute") */
};

/* One routing-policy move: share_pct of FROM's requests go to TO. */
struct route {
	char *from, *to;
	struct param share_pct; /* 0-100 */
};

/* A catalog override: `target.field = value` (scenario or --set). */
struct override {
	char *target;     /* "id" or "id/plan" */
	char *field;      /* a catalog field name */
	char *text;       /* textual value, or NULL when numeric */
	struct range num; /* numeric value when text is NULL */
	const char *file; /* where it was given, for messages; NULL for --set */
	int line, col;    /* of the value */
	int target_line, target_col; /* of the option id naming the target */
};

struct scenario {
	char *name;
	/* workload */
	struct param api_spend;          /* USD/month at list price */
	struct param requests_per_month;
	struct param tokens_per_day;
	struct param usd_per_mtok;       /* USD per 1M tokens, blended */
	struct param peak_to_average;    /* ratio >= 1 */
	struct param growth_pct_per_month;
	struct mix_entry *mix;
	size_t nmix;
	/* team */
	struct param hourly_rate;        /* USD/hour */
	struct param maintenance_hours;  /* hours/month, self-hosted */
	struct param setup_hours;        /* hours, self-hosted */
	/* infrastructure (self-hosted) */
	struct param infra_monthly;      /* replaces all infrastructure */
	struct item_param *items;        /* or: override items by name */
	size_t nitems;
	/* routing */
	struct param routing_savings_pct;/* 0-100 */
	struct route *routes;
	size_t nroutes;
	char *router;                    /* router add-on for self-hosted options */
	/* selection and constraints */
	char **options;                  /* ids or id/plan; none = all */
	size_t noptions;
	struct where *options_at;        /* where each was written, or NULL */
	struct override *overrides;
	size_t noverrides;
	char **require;                  /* features */
	size_t nrequire;
	struct param max_latency_ms;
	struct param horizon_months;
};

/* Fill an empty scenario (no allocation). */
void scenario_init(struct scenario *s);

/* Free what a scenario holds; it is empty afterwards. NULL is fine. */
void scenario_release(struct scenario *s);

/*
 * Load a scenario from JSON text (cJSON) on top of `s` (keys it gives
 * replace what `s` had). `file` names the text in messages and must outlive
 * `s` (overrides keep it). Unknown keys, wrong types, negative money or
 * hours, mix shares not summing to 1 and low > high are LLMTCO_EDATA with
 * "file:line:col: \"json.path\" ..." in `err`.
 */
int scenario_load_json(struct scenario *s, const char *file, const char *text,
		       size_t len, struct llmtco_err *err);

/* Append a string to a string list (copied). 0, or -1 out of memory. */
int strlist_add(char ***list, size_t *n, const char *s);

/* The features --require accepts, NULL-terminated. */
extern const char *const scenario_features[];

#endif
