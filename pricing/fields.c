/*
 * fields.c - the option field table: the one place that says which columns
 * gateways.csv has, what they mean, their units and limits. The CSV loader,
 * --set, scenario overrides and `pricing show` all go through it.
 */
#include "catalog.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCT 0.0, 100.0
#define NONNEG 0.0, LLMTCO_MAX_AMOUNT

const struct field option_fields[] = {
	{ "id", FIELD_KEY, 0, 0, 0, 1, "", "catalog id shared by an option's plans" },
	{ "plan", FIELD_KEY, 0, 0, 0, 1, "", "plan slug" },
	{ "name", FIELD_TEXT, 0, 0, 0, 1, "", "display name" },
	{ "deployment", FIELD_DEPLOYMENT, 0, 0, 0, 1, "", "self-hosted, managed or router" },
	{ "smart_routing", FIELD_BOOL, 0, 0, 0, 0, "", "routes between models itself (yes/no)" },
	{ "data_residency", FIELD_RESIDENCY, 0, 0, 0, 0, "", "none, configurable or full" },
	{ "sla", FIELD_TEXT, 0, 0, 0, 0, "", "published SLA" },
	{ "latency_ms", FIELD_NUM, NONNEG, NAN, 0, "ms", "latency the gateway adds (empty: not published)" },
	{ "fee_pct", FIELD_NUM, PCT, 0, 0, "%", "platform fee, percent of spend" },
	{ "fee_min_usd", FIELD_NUM, NONNEG, 0, 0, "USD/month", "minimum platform fee" },
	{ "byok_fee_pct", FIELD_NUM, PCT, 0, 0, "%", "fee on spend beyond the free BYOK quota" },
	{ "byok_free_requests", FIELD_NUM, NONNEG, 0, 0, "requests/month", "requests free of the BYOK fee" },
	{ "markup_pct", FIELD_NUM, PCT, 0, 0, "%", "token-price markup" },
	{ "monthly_usd", FIELD_NUM, NONNEG, 0, 0, "USD/month", "plan subscription" },
	{ "per_model_usd", FIELD_NUM, NONNEG, 0, 0, "USD/month", "subscription per model served" },
	{ "contract_usd", FIELD_NUM, NONNEG, 0, 0, "USD/month", "negotiated price of a quote-only plan (ignored where a public price exists)" },
	{ "max_requests", FIELD_NUM, NONNEG, INFINITY, 0, "requests/month", "plan limit (empty: none)" },
	{ "quote_required", FIELD_BOOL, 0, 0, 0, 0, "", "no public price (yes/no)" },
	{ "rps_per_instance", FIELD_NUM, 1e-9, LLMTCO_MAX_AMOUNT, INFINITY, 0, "requests/s", "peak load one instance serves" },
	{ "min_instances", FIELD_NUM, NONNEG, 1, 0, "instances", "fewest instances run" },
	{ "setup_hours", FIELD_NUM, NONNEG, 0, 0, "hours", "one-time engineering" },
	{ "maintenance_hours", FIELD_NUM, NONNEG, 0, 0, "hours/month", "ongoing engineering" },
	{ "migration_hours", FIELD_NUM, NONNEG, 0, 0, "hours", "moving traffic onto it from another gateway" },
	{ "source", FIELD_TEXT, 0, 0, 0, 1, "", "where the prices come from" },
	{ "as_of", FIELD_DATE, 0, 0, 0, 1, "", "date the prices were read (YYYY-MM-DD)" },
	{ "notes", FIELD_TEXT, 0, 0, 0, 0, "", "anything a reader should know" },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

const struct field *field_find(const char *name)
{
	const struct field *f;

	for (f = option_fields; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/* Byte offset of a numeric field inside struct option. */
static long num_offset(const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} map[] = {
		{ "latency_ms", offsetof(struct option, latency_ms) },
		{ "fee_pct", offsetof(struct option, fee_pct) },
		{ "fee_min_usd", offsetof(struct option, fee_min_usd) },
		{ "byok_fee_pct", offsetof(struct option, byok_fee_pct) },
		{ "byok_free_requests", offsetof(struct option, byok_free_requests) },
		{ "markup_pct", offsetof(struct option, markup_pct) },
		{ "monthly_usd", offsetof(struct option, monthly_usd) },
		{ "per_model_usd", offsetof(struct option, per_model_usd) },
		{ "contract_usd", offsetof(struct option, contract_usd) },
		{ "max_requests", offsetof(struct option, max_requests) },
		{ "rps_per_instance", offsetof(struct option, rps_per_instance) },
		{ "min_instances", offsetof(struct option, min_instances) },
		{ "setup_hours", offsetof(struct option, setup_hours) },
		{ "maintenance_hours", offsetof(struct option, maintenance_hours) },
		{ "migration_hours", offsetof(struct option, migration_hours) },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].name, name))
			return (long)map[i].off;
	return -1;
}

struct range *option_num(struct option *o, const struct field *f)
{
	long off;

	if (!f || f->kind != FIELD_NUM || (off = num_offset(f->name)) < 0)
		return NULL;
	return (struct range *)(void *)((char *)o + off);
}

const struct range *option_num_c(const struct option *o, const struct field *f)
{
	return option_num((struct option *)(void *)o, f);
}

/* The char * slot of a text field, or NULL. */
static char **text_slot(struct option *o, const char *name)
{
	if (!strcmp(name, "name"))
		return &o->name;
	if (!strcmp(name, "sla"))
		return &o->sla;
	if (!strcmp(name, "source"))
		return &o->source;
	if (!strcmp(name, "notes"))
		return &o->notes;
	return NULL;
}

static int valid_date(const char *s)
{
	int y, m, d, n = 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

int field_check_range(const struct field *f, struct range r,
		      struct llmtco_err *err)
{
	if (isnan(r.value) || (isinf(r.value) && r.value == f->dflt))
		return LLMTCO_OK; /* not published, or no limit: the field's default */
	if (r.low > r.high)
		return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			       "\"%s\" low %g is above high %g", f->name, r.low, r.high);
	if (r.value < r.low || r.value > r.high)
		return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			       "\"%s\" value %g lies outside its range %g-%g",
			       f->name, r.value, r.low, r.high);
	if (r.low < f->min || r.high > f->max) {
		if (f->max == 100.0)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" must be a percentage from 0 to 100", f->name);
		if (r.high > f->max)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" is too large (at most %.0f)", f->name, f->max);
		if (f->min > 0)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" must be a positive number", f->name);
		return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			       "\"%s\" must be a non-negative number", f->name);
	}
	return LLMTCO_OK;
}

int option_set_range(struct option *o, const struct field *f, struct range r,
		     struct llmtco_err *err)
{
	struct range *slot = option_num(o, f);
	int rc;

	if (!slot)
		return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			       "\"%s\" is not a numeric field", f->name);
	if ((rc = field_check_range(f, r, err)))
		return rc;
	*slot = r;
	if (!strcmp(f->name, "contract_usd"))
		o->contract_given = 1;
	return LLMTCO_OK;
}

static int parse_bool(const char *s, int *out)
{
	if (!strcasecmp(s, "yes") || !strcasecmp(s, "true") || !strcmp(s, "1"))
		*out = 1;
	else if (!strcasecmp(s, "no") || !strcasecmp(s, "false") || !strcmp(s, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}

int option_set_text(struct option *o, const struct field *f, const char *val,
		    struct llmtco_err *err)
{
	const char *why;
	double v;
	char **slot;
	int b;

	switch (f->kind) {
	case FIELD_NUM:
		if (!*val) /* an empty cell: the field's default */
			return option_set_range(o, f, range_fixed(f->dflt), err);
		if (num_parse(val, &v, &why))
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" %s: \"%.40s\"", f->name, why, val);
		return option_set_range(o, f, range_fixed(v), err);
	case FIELD_BOOL:
		if (!*val)
			b = 0;
		else if (parse_bool(val, &b))
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" must be yes or no, not \"%.40s\"", f->name, val);
		if (!strcmp(f->name, "smart_routing"))
			o->smart_routing = b;
		else
			o->quote_required = b;
		return LLMTCO_OK;
	case FIELD_DEPLOYMENT:
		if (!strcmp(val, "self-hosted"))
			o->deployment = DEPLOY_SELF_HOSTED;
		else if (!strcmp(val, "managed"))
			o->deployment = DEPLOY_MANAGED;
		else if (!strcmp(val, "router"))
			o->deployment = DEPLOY_ROUTER;
		else
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"deployment\" must be self-hosted, managed or router, not \"%.40s\"",
				       val);
		return LLMTCO_OK;
	case FIELD_RESIDENCY:
		if (!*val || !strcmp(val, "none"))
			o->residency = RESIDENCY_NONE;
		else if (!strcmp(val, "configurable"))
			o->residency = RESIDENCY_CONFIGURABLE;
		else if (!strcmp(val, "full"))
			o->residency = RESIDENCY_FULL;
		else
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"data_residency\" must be none, configurable or full, not \"%.40s\"",
				       val);
		return LLMTCO_OK;
	case FIELD_DATE:
		if (!valid_date(val))
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" must be a date YYYY-MM-DD, not \"%.40s\"",
				       f->name, val);
		memcpy(o->as_of, val, 11);
		return LLMTCO_OK;
	case FIELD_KEY:
		return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			       "\"%s\" cannot be changed", f->name);
	case FIELD_TEXT:
		slot = text_slot(o, f->name);
		if (!slot)
			break;
		if (f->required && !*val)
			return err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				       "\"%s\" must not be empty", f->name);
		free(*slot);
		*slot = strdup(val);
		if (!*slot)
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		return LLMTCO_OK;
	}
	return err_set(err, LLMTCO_EDATA, NULL, 0, 0, "\"%s\" cannot be set", f->name);
}

/* A number as the machine formats print it: shortest exact form. */
static void num_text(double v, char *buf, size_t size)
{
	if (isinf(v) || isnan(v))
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.15g", v);
}

void option_field_text(const struct option *o, const struct field *f,
		       char *buf, size_t size)
{
	const struct range *r;
	char a[40], b[40], c[40];
	const char *s = "";

	switch (f->kind) {
	case FIELD_NUM:
		r = option_num_c(o, f);
		num_text(r->value, a, sizeof(a));
		if (r->low == r->high) {
			snprintf(buf, size, "%s", a);
		} else {
			num_text(r->low, b, sizeof(b));
			num_text(r->high, c, sizeof(c));
			snprintf(buf, size, "%s (%s-%s)", a, b, c);
		}
		return;
	case FIELD_BOOL:
		s = (!strcmp(f->name, "smart_routing") ? o->smart_routing : o->quote_required)
			? "yes" : "no";
		break;
	case FIELD_DEPLOYMENT:
		s = deployment_name(o->deployment);
		break;
	case FIELD_RESIDENCY:
		s = residency_name(o->residency);
		break;
	case FIELD_DATE:
		s = o->as_of;
		break;
	case FIELD_KEY:
		s = !strcmp(f->name, "id") ? o->id : o->plan;
		break;
	case FIELD_TEXT: {
		char *const *slot = text_slot((struct option *)(void *)o, f->name);
		s = slot && *slot ? *slot : "";
		break;
	}
	}
	snprintf(buf, size, "%s", s);
}
