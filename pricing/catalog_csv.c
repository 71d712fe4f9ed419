/*
 * catalog_csv.c - load catalog tables from CSV text with libcsv.
 *
 * The bytes are fed to libcsv one at a time so that every cell knows the
 * line and column where it starts; catalog tables are small, so this costs
 * nothing that matters and gives exact `file:line:col` messages.
 */
#include "catalog.h"
#include "../common/json.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum table {
	TABLE_NONE = 0,
	TABLE_GATEWAYS,
	TABLE_TIERS,
	TABLE_INFRA,
	TABLE_DEFAULTS,
	TABLE_MODELS
};

struct cell {
	char *text; /* NUL-terminated copy */
	int line, col;
};

#define MAX_COLS 96

struct loader {
	struct catalog *c;
	const char *name;       /* owned by c->names */
	enum table table;
	int have_header;
	char *cols[MAX_COLS];   /* header names */
	int ncols;
	struct cell *cells;     /* the current row */
	size_t ncells, cap;
	int line, col;          /* position of the byte being fed */
	int at_field_start;
	int start_line, start_col;
	int status;             /* first error, LLMTCO_OK while none */
	int stop;               /* 1: the rest of the table is not read */
	int row_bad;            /* 1: this row was reported, skip the rest of it */
	int header_bad;         /* 1: the header had a problem: stop after it */
	const struct catalog_diag *diag; /* NULL: stop at the first problem */
	int dates;              /* 1: diag gave today (today_days) */
	long today_days;        /* days since 1970-01-01 */
	struct llmtco_err *err;
	size_t *rows_seen;      /* options this file has given a row for */
	size_t nrows_seen;
	size_t *tiers_reset;    /* options whose tiers this file replaced */
	size_t ntiers_reset;
	size_t *items_reset;
	size_t nitems_reset;
};

/*
 * A problem at a position. Without diag the first one is recorded and the
 * table stops; with diag a data problem is reported and only its row is
 * skipped (one problem per row), while running out of memory stops.
 */
static void fail_at(struct loader *ld, int status, int line, int col,
		    const char *msg)
{
	struct llmtco_err e;

	if (ld->stop || ld->row_bad)
		return;
	if (ld->diag && status == LLMTCO_EDATA) {
		err_set(&e, status, ld->name, line, col, "%s", msg);
		ld->diag->report(ld->diag->ud, &e, 0);
		ld->row_bad = 1;
		return;
	}
	ld->status = err_set(ld->err, status, ld->name, line, col, "%s", msg);
	ld->stop = 1;
}

/* A problem after which libcsv cannot go on: reported whatever the row had. */
static void fail_stop(struct loader *ld, int line, int col, const char *msg)
{
	ld->row_bad = 0;
	fail_at(ld, LLMTCO_EDATA, line, col, msg);
	ld->stop = 1;
}

/* A warning about a whole row (diag only). */
static void warn_row(struct loader *ld, int line, const char *msg)
{
	struct llmtco_err e;

	err_set(&e, LLMTCO_OK, ld->name, line, 0, "%s", msg);
	ld->diag->report(ld->diag->ud, &e, 1);
}

static void fail_cell(struct loader *ld, const struct cell *cl, const char *msg)
{
	fail_at(ld, LLMTCO_EDATA, cl->line, cl->col, msg);
}

static void on_field(void *s, size_t len, void *data)
{
	struct loader *ld = data;
	struct cell *cl;

	if (ld->stop || ld->row_bad)
		return;
	if (ld->ncells >= MAX_COLS) {
		fail_at(ld, LLMTCO_EDATA, ld->start_line, ld->start_col,
			"too many fields in one row");
		return;
	}
	if (ld->ncells == ld->cap) {
		size_t ncap = ld->cap ? ld->cap * 2 : 32;
		struct cell *n;
		n = realloc(ld->cells, ncap * sizeof(*n));
		if (!n) {
			fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
			return;
		}
		ld->cells = n;
		ld->cap = ncap;
	}
	cl = &ld->cells[ld->ncells];
	cl->text = malloc(len + 1);
	if (!cl->text) {
		fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
		return;
	}
	if (len)
		memcpy(cl->text, s, len);
	cl->text[len] = '\0';
	if (strlen(cl->text) != len) {
		free(cl->text);
		fail_at(ld, LLMTCO_EDATA, ld->start_line, ld->start_col,
			"field holds a NUL byte");
		return;
	}
	cl->line = ld->start_line;
	cl->col = ld->start_col;
	ld->ncells++;
	ld->at_field_start = 1;
}

static void clear_row(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->ncells; i++)
		free(ld->cells[i].text);
	ld->ncells = 0;
}

/* Index of a header column, or -1. */
static int col_index(const struct loader *ld, const char *name)
{
	int i;

	for (i = 0; i < ld->ncols; i++)
		if (!strcmp(ld->cols[i], name))
			return i;
	return -1;
}

static const char *cell_of(const struct loader *ld, const char *name)
{
	int i = col_index(ld, name);
	return i < 0 ? "" : ld->cells[i].text;
}

static const struct cell *cellp(const struct loader *ld, const char *name)
{
	int i = col_index(ld, name);
	return i < 0 ? &ld->cells[0] : &ld->cells[i];
}

/* ---- the header ---- */

static const char *const tiers_cols[] = {
	"id", "plan", "from", "to", "usd", "usd_low", "usd_high", "per",
	"round", "source", "as_of", "notes", NULL };
static const char *const tiers_req[] = {
	"id", "plan", "from", "to", "usd", "per", "round", "source", "as_of", NULL };
static const char *const infra_cols[] = {
	"id", "item", "usd", "usd_low", "usd_high", "per_instance", "source",
	"as_of", "notes", NULL };
static const char *const infra_req[] = {
	"id", "item", "usd", "per_instance", "source", "as_of", NULL };
static const char *const defaults_cols[] = {
	"key", "value", "low", "high", "unit", "source", "as_of", "notes", NULL };
static const char *const defaults_req[] = {
	"key", "value", "unit", "source", "as_of", NULL };
static const char *const models_cols[] = {
	"provider", "model", "service_tier", "above_input_tokens", "input_mtok",
	"output_mtok", "cache_read_mtok", "cache_write_mtok", "usd_per_request",
	"source", "as_of", "notes", NULL };
static const char *const models_req[] = {
	"provider", "model", "input_mtok", "output_mtok", "source", "as_of", NULL };

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return 1;
	return 0;
}

/* Is `name` a gateways.csv column: a field, or a numeric field's _low/_high? */
static int gateway_column(const char *name)
{
	const struct field *f = field_find(name);
	char base[64];
	size_t n = strlen(name);

	if (f)
		return 1;
	if (n > 4 && n < sizeof(base) && !strcmp(name + n - 4, "_low")) {
		memcpy(base, name, n - 4);
		base[n - 4] = '\0';
	} else if (n > 5 && n < sizeof(base) && !strcmp(name + n - 5, "_high")) {
		memcpy(base, name, n - 5);
		base[n - 5] = '\0';
	} else {
		return 0;
	}
	f = field_find(base);
	return f && f->kind == FIELD_NUM;
}

/* A header problem: with diag the others are reported too, then the table
   stops (its rows cannot be read without their columns). */
static void header_fail(struct loader *ld, const struct cell *cl, const char *msg)
{
	fail_cell(ld, cl, msg);
	ld->row_bad = 0;
	ld->header_bad = 1;
}

static void take_header(struct loader *ld)
{
	const char *const *req = NULL, *const *allowed = NULL;
	char msg[160];
	size_t i;
	int j;

	for (i = 0; i < ld->ncells; i++) {
		ld->cols[i] = ld->cells[i].text;
		ld->cells[i].text = NULL;
	}
	ld->ncols = (int)ld->ncells;
	if (col_index(ld, "deployment") >= 0)
		ld->table = TABLE_GATEWAYS;
	else if (col_index(ld, "item") >= 0)
		ld->table = TABLE_INFRA;
	else if (col_index(ld, "round") >= 0)
		ld->table = TABLE_TIERS;
	else if (col_index(ld, "key") >= 0)
		ld->table = TABLE_DEFAULTS;
	else if (col_index(ld, "model") >= 0)
		ld->table = TABLE_MODELS;
	else {
		header_fail(ld, &ld->cells[0],
			    "unknown table: the header names no \"deployment\", \"item\", "
			    "\"round\", \"key\" or \"model\" column");
		return;
	}
	switch (ld->table) {
	case TABLE_TIERS:
		allowed = tiers_cols, req = tiers_req;
		break;
	case TABLE_INFRA:
		allowed = infra_cols, req = infra_req;
		break;
	case TABLE_DEFAULTS:
		allowed = defaults_cols, req = defaults_req;
		break;
	case TABLE_MODELS:
		allowed = models_cols, req = models_req;
		break;
	default:
		break;
	}
	for (j = 0; j < ld->ncols; j++) {
		int known = allowed ? in_list(allowed, ld->cols[j])
				    : gateway_column(ld->cols[j]);
		if (!known) {
			snprintf(msg, sizeof(msg), "unknown column \"%.60s\"", ld->cols[j]);
			header_fail(ld, &ld->cells[j], msg);
		} else if (col_index(ld, ld->cols[j]) != j) {
			snprintf(msg, sizeof(msg), "duplicate column \"%.60s\"", ld->cols[j]);
			header_fail(ld, &ld->cells[j], msg);
		}
		if (ld->stop && !ld->diag)
			return;
	}
	if (ld->table == TABLE_GATEWAYS) {
		const struct field *f;
		for (f = option_fields; f->name; f++)
			if (f->required && col_index(ld, f->name) < 0) {
				snprintf(msg, sizeof(msg), "missing column \"%s\"", f->name);
				header_fail(ld, &ld->cells[0], msg);
				if (!ld->diag)
					return;
			}
		return;
	}
	for (; *req; req++)
		if (col_index(ld, *req) < 0) {
			snprintf(msg, sizeof(msg), "missing column \"%s\"", *req);
			header_fail(ld, &ld->cells[0], msg);
			if (!ld->diag)
				return;
		}
}

/* ---- cells ---- */

/* A slug: lowercase letters, digits, '-', '.', 1 to 31 characters. */
static int check_slug(struct loader *ld, const char *col, char *dst)
{
	const struct cell *cl = cellp(ld, col);
	const char *s = cl->text;
	char msg[128];
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-' || s[i] == '.' || s[i] == '_'))
			break;
	if (n == 0 || n > 31 || i < n) {
		snprintf(msg, sizeof(msg),
			 "\"%s\" must be 1-31 lowercase letters, digits, '-', '_' or '.', not \"%.40s\"",
			 col, s);
		fail_cell(ld, cl, msg);
		return -1;
	}
	memcpy(dst, s, n + 1);
	return 0;
}

/*
 * Read a number column and its optional _low/_high companions into a range,
 * checked against the field. `lo_col`/`hi_col` may be NULL.
 */
static int read_range(struct loader *ld, const struct field *f,
		      const char *col, const char *lo_col, const char *hi_col,
		      struct range *out)
{
	const struct cell *cv = cellp(ld, col);
	const char *v = cell_of(ld, col);
	const char *lo = lo_col ? cell_of(ld, lo_col) : "";
	const char *hi = hi_col ? cell_of(ld, hi_col) : "";
	struct llmtco_err e;
	struct range r;
	const char *why;
	char msg[200];

	if (!*lo != !*hi) {
		snprintf(msg, sizeof(msg), "\"%s\" needs both %s and %s, or neither",
			 col, lo_col, hi_col);
		fail_cell(ld, cellp(ld, *lo ? lo_col : hi_col), msg);
		return -1;
	}
	if (*lo) {
		if (num_parse(lo, &r.low, &why)) {
			snprintf(msg, sizeof(msg), "\"%s\" %s: \"%.40s\"", lo_col, why, lo);
			fail_cell(ld, cellp(ld, lo_col), msg);
			return -1;
		}
		if (num_parse(hi, &r.high, &why)) {
			snprintf(msg, sizeof(msg), "\"%s\" %s: \"%.40s\"", hi_col, why, hi);
			fail_cell(ld, cellp(ld, hi_col), msg);
			return -1;
		}
		if (r.low > r.high) {
			snprintf(msg, sizeof(msg), "\"%s\" low %g is above high %g",
				 col, r.low, r.high);
			fail_cell(ld, cellp(ld, lo_col), msg);
			return -1;
		}
		if (*v) {
			if (num_parse(v, &r.value, &why)) {
				snprintf(msg, sizeof(msg), "\"%s\" %s: \"%.40s\"", col, why, v);
				fail_cell(ld, cv, msg);
				return -1;
			}
			r.shape = RANGE_TRIANGULAR;
		} else {
			r.value = (r.low + r.high) / 2;
			r.shape = RANGE_UNIFORM;
		}
		if (r.low == r.high)
			r.shape = RANGE_FIXED;
	} else if (*v) {
		if (num_parse(v, &r.value, &why)) {
			snprintf(msg, sizeof(msg), "\"%s\" %s: \"%.40s\"", col, why, v);
			fail_cell(ld, cv, msg);
			return -1;
		}
		r = range_fixed(r.value);
	} else {
		r = range_fixed(f->dflt);
	}
	err_clear(&e);
	if (field_check_range(f, r, &e)) {
		fail_cell(ld, *lo && r.low < f->min ? cellp(ld, lo_col) : cv, e.msg);
		return -1;
	}
	*out = r;
	return 0;
}

int catalog_date_days(const char *s, long *days)
{
	struct option tmp;
	struct llmtco_err e;
	long y, m, d, era, yoe, doy, doe;

	memset(&tmp, 0, sizeof(tmp));
	if (!s || option_set_text(&tmp, field_find("as_of"), s, &e))
		return -1;
	y = strtol(s, NULL, 10);
	m = strtol(s + 5, NULL, 10);
	d = strtol(s + 8, NULL, 10);
	/* days from civil (H. Hinnant): March-based years, 400-year eras */
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*days = era * 146097 + doe - 719468;
	return 0;
}

/* With diag's today: an as_of after it is an error at its cell. */
static int check_future(struct loader *ld, const char *as_of)
{
	char msg[120];
	long days;

	if (!ld->dates || catalog_date_days(as_of, &days) || days <= ld->today_days)
		return 0;
	snprintf(msg, sizeof(msg), "\"as_of\" must not be in the future, not \"%s\" (today is %s)",
		 as_of, ld->diag->today);
	fail_cell(ld, cellp(ld, "as_of"), msg);
	return -1;
}

/*
 * With diag's today and max_age_days: a warning when the row's as_of is
 * older, "<what> is N days old (as_of YYYY-MM-DD)".
 */
static void check_age(struct loader *ld, const char *as_of, const char *what)
{
	char msg[240];
	long days;

	if (!ld->dates || ld->diag->max_age_days < 0 || catalog_date_days(as_of, &days) ||
	    ld->today_days - days <= ld->diag->max_age_days)
		return;
	snprintf(msg, sizeof(msg), "%s is %ld day%s old (as_of %s)", what,
		 ld->today_days - days, ld->today_days - days == 1 ? "" : "s", as_of);
	warn_row(ld, ld->cells[0].line, msg);
}

static int read_date(struct loader *ld, char *dst)
{
	struct option tmp;
	const struct cell *cl = cellp(ld, "as_of");
	struct llmtco_err e;

	memset(&tmp, 0, sizeof(tmp));
	if (option_set_text(&tmp, field_find("as_of"), cl->text, &e)) {
		fail_cell(ld, cl, e.msg);
		return -1;
	}
	if (check_future(ld, tmp.as_of))
		return -1;
	memcpy(dst, tmp.as_of, 11);
	return 0;
}

static int read_source(struct loader *ld, char **dst)
{
	const struct cell *cl = cellp(ld, "source");

	if (!*cl->text) {
		fail_cell(ld, cl, "\"source\" must not be empty: every price needs one");
		return -1;
	}
	*dst = strdup(cl->text);
	if (!*dst) {
		fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

static int read_flag(struct loader *ld, const char *col, const char *yes,
		     const char *no, int *out)
{
	const struct cell *cl = cellp(ld, col);
	char msg[160];

	if (!strcmp(cl->text, yes))
		*out = 1;
	else if (!strcmp(cl->text, no))
		*out = 0;
	else {
		snprintf(msg, sizeof(msg), "\"%s\" must be %s or %s, not \"%.40s\"",
			 col, yes, no, cl->text);
		fail_cell(ld, cl, msg);
		return -1;
	}
	return 0;
}

/* Grow an array of `size`-byte elements to hold one more. */
/* A new, zeroed default or model at the end of the catalog; NULL: no memory. */
static struct fact *new_fact(struct catalog *c)
{
	struct fact *p = array_grow(c->facts, &c->facts_cap, c->nfacts, sizeof(*c->facts));

	if (!p)
		return NULL;
	c->facts = p;
	memset(&p[c->nfacts], 0, sizeof(*p));
	return &p[c->nfacts++];
}

static struct model_price *new_model(struct catalog *c)
{
	struct model_price *p = array_grow(c->models, &c->models_cap, c->nmodels, sizeof(*c->models));

	if (!p)
		return NULL;
	c->models = p;
	memset(&p[c->nmodels], 0, sizeof(*p));
	return &p[c->nmodels++];
}

/* Add idx to a list once: 1 when added, 0 when there already, -1 no memory. */
static int reset_once(size_t **list, size_t *n, size_t idx)
{
	size_t i;
	size_t *p;

	for (i = 0; i < *n; i++)
		if ((*list)[i] == idx)
			return 0;
	p = realloc(*list, (*n + 1) * sizeof(**list));
	if (!p)
		return -1;
	*list = p;
	(*list)[(*n)++] = idx;
	return 1;
}

/* ---- one row of each table ---- */

static void gateway_row(struct loader *ld)
{
	struct catalog *c = ld->c;
	const struct field *f;
	struct option o;
	struct llmtco_err e;
	char msg[200], key[80];
	size_t i, idx[1];
	void *p;

	memset(&o, 0, sizeof(o));
	if (check_slug(ld, "id", o.id) || check_slug(ld, "plan", o.plan))
		return;
	for (f = option_fields; f->name; f++) {
		int ci = col_index(ld, f->name);
		if (f->kind == FIELD_KEY)
			continue;
		if (f->kind == FIELD_NUM) {
			char lo[64], hi[64];
			snprintf(lo, sizeof(lo), "%s_low", f->name);
			snprintf(hi, sizeof(hi), "%s_high", f->name);
			if (read_range(ld, f, f->name, lo, hi, option_num(&o, f)))
				goto out;
			continue;
		}
		if (ci < 0 && f->kind == FIELD_TEXT) {
			if (option_set_text(&o, f, "", &e))
				goto oom;
			continue;
		}
		if (ci < 0)
			continue;
		if (option_set_text(&o, f, ld->cells[ci].text, &e)) {
			if (!strcmp(e.msg, "out of memory"))
				goto oom;
			fail_cell(ld, &ld->cells[ci], e.msg);
			goto out;
		}
	}
	if (!o.source || !*o.source) {
		fail_cell(ld, cellp(ld, "source"),
			  "\"source\" must not be empty: every price needs one");
		goto out;
	}
	if (check_future(ld, o.as_of))
		goto out;
	o.at.file = ld->name;
	o.at.line = ld->cells[0].line;
	snprintf(key, sizeof(key), "%s/%s", o.id, o.plan);
	if (catalog_match(c, key, idx, 1)) {
		struct option *old = &c->options[idx[0]];
		int r = reset_once(&ld->rows_seen, &ld->nrows_seen, idx[0]);
		if (r < 0)
			goto oom;
		if (r == 0) { /* this file gave it already */
			snprintf(msg, sizeof(msg), "duplicate option \"%s\" (first at line %d)",
				 key, old->at.line);
			fail_cell(ld, cellp(ld, "id"), msg);
			goto out;
		}
		/* a later layer replaces the row, keeping its tiers and items */
		o.tiers = old->tiers, o.ntiers = old->ntiers;
		o.items = old->items, o.nitems = old->nitems;
		old->tiers = NULL, old->ntiers = 0;
		old->items = NULL, old->nitems = 0;
		option_release(old);
		*old = o;
		goto aged;
	}
	p = array_grow(c->options, &c->options_cap, c->noptions, sizeof(*c->options));
	if (!p)
		goto oom;
	c->options = p;
	/* items already loaded for this id (another plan) apply to the new plan */
	for (i = 0; i < c->noptions; i++)
		if (!strcmp(c->options[i].id, o.id) && c->options[i].nitems) {
			struct option tmp;
			if (option_copy(&tmp, &c->options[i]))
				goto oom;
			o.items = tmp.items, o.nitems = tmp.nitems;
			tmp.items = NULL, tmp.nitems = 0;
			option_release(&tmp);
			break;
		}
	if (reset_once(&ld->rows_seen, &ld->nrows_seen, c->noptions) < 0)
		goto oom;
	c->options[c->noptions++] = o;
aged:
	snprintf(msg, sizeof(msg), "price of \"%s\"", key);
	check_age(ld, o.as_of, msg);
	return;
oom:
	fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
out:
	option_release(&o);
}

static void tier_row(struct loader *ld)
{
	static const struct field usd_f = { "usd", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD", "" };
	static const struct field from_f = { "from", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "", "" };
	static const struct field to_f = { "to", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, INFINITY, 0, "", "" };
	static const struct field per_f = { "per", FIELD_NUM, 1, LLMTCO_MAX_AMOUNT, 1, 0, "", "" };
	char id[32], plan[32], key[80], msg[200];
	struct tier t;
	struct range from, to, per;
	struct option *o;
	size_t idx[1];
	int r;
	void *p;

	memset(&t, 0, sizeof(t));
	if (check_slug(ld, "id", id) || check_slug(ld, "plan", plan))
		return;
	snprintf(key, sizeof(key), "%s/%s", id, plan);
	if (!catalog_match(ld->c, key, idx, 1)) {
		snprintf(msg, sizeof(msg), "tier for unknown option \"%s\"", key);
		fail_cell(ld, cellp(ld, "id"), msg);
		return;
	}
	o = &ld->c->options[idx[0]];
	if (read_range(ld, &from_f, "from", NULL, NULL, &from) ||
	    read_range(ld, &to_f, "to", NULL, NULL, &to) ||
	    read_range(ld, &usd_f, "usd", "usd_low", "usd_high", &t.usd) ||
	    read_range(ld, &per_f, "per", NULL, NULL, &per) ||
	    read_flag(ld, "round", "up", "none", &t.round_up) ||
	    read_date(ld, t.as_of))
		return;
	t.from = from.value;
	t.to = to.value;
	t.per = per.value;
	if (t.to <= t.from) {
		snprintf(msg, sizeof(msg), "tier ends at %.15g, not after its start %.15g",
			 t.to, t.from);
		fail_cell(ld, cellp(ld, "to"), msg);
		return;
	}
	r = reset_once(&ld->tiers_reset, &ld->ntiers_reset, idx[0]);
	if (r < 0)
		goto oom;
	if (r > 0) { /* first tier of this option in this file: replace all */
		size_t i;
		for (i = 0; i < o->ntiers; i++)
			free(o->tiers[i].source);
		free(o->tiers);
		o->tiers = NULL;
		o->ntiers = 0;
	} else if (o->ntiers && t.from < o->tiers[o->ntiers - 1].to) {
		if (isinf(o->tiers[o->ntiers - 1].to))
			snprintf(msg, sizeof(msg),
				 "tiers not increasing: starts at %.15g, after a tier with no end",
				 t.from);
		else
			snprintf(msg, sizeof(msg),
				 "tiers not increasing: starts at %.15g, before the previous tier ends at %.15g",
				 t.from, o->tiers[o->ntiers - 1].to);
		fail_cell(ld, cellp(ld, "from"), msg);
		return;
	}
	if (read_source(ld, &t.source))
		return;
	t.at.file = ld->name;
	t.at.line = ld->cells[0].line;
	p = realloc(o->tiers, (o->ntiers + 1) * sizeof(*o->tiers));
	if (!p) {
		free(t.source);
		goto oom;
	}
	o->tiers = p;
	o->tiers[o->ntiers++] = t;
	snprintf(msg, sizeof(msg), "price of a tier of \"%s\"", key);
	check_age(ld, t.as_of, msg);
	return;
oom:
	fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
}

static void infra_row(struct loader *ld)
{
	static const struct field usd_f = { "usd", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD/month", "" };
	struct infra_item it;
	char id[32], msg[200];
	size_t i, matched = 0;
	const struct cell *ic = cellp(ld, "item");

	memset(&it, 0, sizeof(it));
	if (check_slug(ld, "id", id))
		return;
	if (!*ic->text || strlen(ic->text) >= sizeof(it.name)) {
		fail_cell(ld, ic, "\"item\" must be a name of 1-31 characters");
		return;
	}
	snprintf(it.name, sizeof(it.name), "%s", ic->text);
	if (read_range(ld, &usd_f, "usd", "usd_low", "usd_high", &it.usd) ||
	    read_flag(ld, "per_instance", "yes", "no", &it.per_instance) ||
	    read_date(ld, it.as_of))
		return;
	it.at.file = ld->name;
	it.at.line = ld->cells[0].line;
	for (i = 0; i < ld->c->noptions; i++) {
		struct option *o = &ld->c->options[i];
		size_t k;
		int r;
		void *p;

		if (strcmp(o->id, id))
			continue;
		matched++;
		r = reset_once(&ld->items_reset, &ld->nitems_reset, i);
		if (r < 0)
			goto oom;
		if (r > 0) {
			for (k = 0; k < o->nitems; k++)
				free(o->items[k].source);
			free(o->items);
			o->items = NULL;
			o->nitems = 0;
		}
		for (k = 0; k < o->nitems; k++)
			if (!strcmp(o->items[k].name, it.name)) {
				snprintf(msg, sizeof(msg), "duplicate item \"%s\" for \"%s\"",
					 it.name, id);
				fail_cell(ld, ic, msg);
				return;
			}
		p = realloc(o->items, (o->nitems + 1) * sizeof(*o->items));
		if (!p)
			goto oom;
		o->items = p;
		o->items[o->nitems] = it;
		if (read_source(ld, &o->items[o->nitems].source))
			return;
		o->nitems++;
	}
	if (!matched) {
		snprintf(msg, sizeof(msg), "item for unknown option \"%s\"", id);
		fail_cell(ld, cellp(ld, "id"), msg);
		return;
	}
	snprintf(msg, sizeof(msg), "price of \"%s\" item \"%s\"", id, it.name);
	check_age(ld, it.as_of, msg);
	return;
oom:
	fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
}

/* The defaults a catalog may set, with their limits. */
static const struct field fact_fields[] = {
	{ "hourly_rate", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD/hour", "engineering rate" },
	{ "peak_to_average", FIELD_NUM, 1, 1e6, 3, 0, "ratio", "peak over average traffic" },
	{ "usd_per_request", FIELD_NUM, 1e-12, LLMTCO_MAX_AMOUNT, 0.005, 0, "USD", "spend per request when only spend is known" },
	{ "horizon_months", FIELD_NUM, 1, 1200, 12, 0, "months", "setup amortized over" },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

static void defaults_row(struct loader *ld)
{
	struct catalog *c = ld->c;
	const struct cell *kc = cellp(ld, "key");
	const struct field *f;
	struct fact fa, *dst = NULL;
	char msg[200], *source = NULL;
	size_t i;

	memset(&fa, 0, sizeof(fa));
	for (f = fact_fields; f->name; f++)
		if (!strcmp(f->name, kc->text))
			break;
	if (!f->name) {
		snprintf(msg, sizeof(msg), "unknown default \"%.40s\"", kc->text);
		fail_cell(ld, kc, msg);
		return;
	}
	snprintf(fa.key, sizeof(fa.key), "%s", f->name);
	if (!*cell_of(ld, "value") && !*cell_of(ld, "low")) {
		fail_cell(ld, cellp(ld, "value"), "\"value\" is empty");
		return;
	}
	if (read_range(ld, f, "value", "low", "high", &fa.v) || read_date(ld, fa.as_of))
		return;
	fa.at.file = ld->name;
	fa.at.line = kc->line;
	for (i = 0; i < c->nfacts; i++)
		if (!strcmp(c->facts[i].key, fa.key))
			dst = &c->facts[i];
	if (dst && dst->at.file == ld->name) { /* a later layer replaces it */
		snprintf(msg, sizeof(msg), "duplicate default \"%s\" (first at line %d)",
			 fa.key, dst->at.line);
		fail_cell(ld, kc, msg);
		return;
	}
	if (read_source(ld, &source))
		return;
	if (!dst && !(dst = new_fact(c)))
		goto oom;
	free(dst->unit);
	free(dst->source);
	*dst = fa;
	dst->source = source;
	source = NULL;
	if (!(dst->unit = strdup(cell_of(ld, "unit"))))
		goto oom;
	snprintf(msg, sizeof(msg), "default \"%s\"", fa.key);
	check_age(ld, fa.as_of, msg);
	return;
oom:
	free(source);
	fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
}

static void model_row(struct loader *ld)
{
	/* one field per column, so messages name it; an empty cache price is
	   "not published": cached tokens at the input price */
	static const struct field fields[] = {
		{ "input_mtok", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD/Mtok", "" },
		{ "output_mtok", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD/Mtok", "" },
		{ "cache_read_mtok", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, NAN, 0, "USD/Mtok", "" },
		{ "cache_write_mtok", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, NAN, 0, "USD/Mtok", "" },
		{ "usd_per_request", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "USD", "" },
		{ "above_input_tokens", FIELD_NUM, 0, LLMTCO_MAX_AMOUNT, 0, 0, "tokens", "" },
	};
	static const char *const num_cols[] = {
		"input_mtok", "output_mtok", "cache_read_mtok", "cache_write_mtok",
		"usd_per_request", "above_input_tokens" };
	struct catalog *c = ld->c;
	struct model_price m, *dst = NULL;
	struct range r[6];
	const struct cell *tc = cellp(ld, "service_tier");
	char msg[300], *source = NULL;
	size_t i;

	memset(&m, 0, sizeof(m));
	if (!*cell_of(ld, "provider") || !*cell_of(ld, "model")) {
		fail_cell(ld, cellp(ld, *cell_of(ld, "provider") ? "model" : "provider"),
			  "\"provider\" and \"model\" must not be empty");
		return;
	}
	for (i = 0; i < 2; i++)
		if (!*cell_of(ld, num_cols[i])) {
			snprintf(msg, sizeof(msg), "\"%s\" is empty: a model needs its price", num_cols[i]);
			fail_cell(ld, cellp(ld, num_cols[i]), msg);
			return;
		}
	for (i = 0; i < 6; i++)
		if (read_range(ld, &fields[i], num_cols[i], NULL, NULL, &r[i]))
			return;
	if (col_index(ld, "service_tier") >= 0) {
		if (strlen(tc->text) >= sizeof(m.service_tier)) {
			fail_cell(ld, tc, "\"service_tier\" must have at most 15 characters");
			return;
		}
		snprintf(m.service_tier, sizeof(m.service_tier), "%s", tc->text);
	}
	m.above_input_tokens = r[5].value;
	if (read_date(ld, m.as_of))
		return;
	m.input_mtok = r[0].value;
	m.output_mtok = r[1].value;
	m.cache_read_mtok = r[2].value;
	m.cache_write_mtok = r[3].value;
	m.usd_per_request = r[4].value;
	m.at.file = ld->name;
	m.at.line = ld->cells[0].line;
	/* a later layer replaces the row of the same model, tier and threshold;
	   the same row twice in one file is an error */
	for (i = 0; i < c->nmodels && !dst; i++)
		if (!strcasecmp(c->models[i].provider, cell_of(ld, "provider")) &&
		    !strcasecmp(c->models[i].model, cell_of(ld, "model")) &&
		    !strcasecmp(c->models[i].service_tier, m.service_tier) &&
		    c->models[i].above_input_tokens == m.above_input_tokens)
			dst = &c->models[i];
	if (dst && dst->at.file == ld->name) {
		snprintf(msg, sizeof(msg), "duplicate model \"%.60s/%.60s\" (first at line %d)",
			 cell_of(ld, "provider"), cell_of(ld, "model"), dst->at.line);
		fail_cell(ld, cellp(ld, "provider"), msg);
		return;
	}
	if (read_source(ld, &source))
		return;
	if (!dst && !(dst = new_model(c)))
		goto oom;
	free(dst->provider);
	free(dst->model);
	free(dst->source);
	*dst = m;
	dst->source = source;
	source = NULL;
	dst->provider = strdup(cell_of(ld, "provider"));
	dst->model = strdup(cell_of(ld, "model"));
	if (!dst->provider || !dst->model)
		goto oom;
	snprintf(msg, sizeof(msg), "price of model \"%.60s/%.60s\"", dst->provider, dst->model);
	check_age(ld, m.as_of, msg);
	return;
oom:
	free(source);
	fail_at(ld, LLMTCO_EIO, 0, 0, "out of memory");
}

static void on_row(int term, void *data)
{
	struct loader *ld = data;
	char msg[120];

	(void)term;
	ld->at_field_start = 1;
	if (ld->stop || ld->row_bad) {
		clear_row(ld);
		ld->row_bad = 0;
		return;
	}
	if (!ld->have_header) {
		ld->have_header = 1;
		take_header(ld);
		if (ld->header_bad)
			ld->stop = 1;
		clear_row(ld);
		return;
	}
	if ((int)ld->ncells != ld->ncols) {
		snprintf(msg, sizeof(msg), "row has %zu fields, the header has %d",
			 ld->ncells, ld->ncols);
		fail_cell(ld, &ld->cells[ld->ncells ? ld->ncells - 1 : 0], msg);
		clear_row(ld);
		ld->row_bad = 0;
		return;
	}
	switch (ld->table) {
	case TABLE_GATEWAYS:
		gateway_row(ld);
		break;
	case TABLE_TIERS:
		tier_row(ld);
		break;
	case TABLE_INFRA:
		infra_row(ld);
		break;
	case TABLE_DEFAULTS:
		defaults_row(ld);
		break;
	case TABLE_MODELS:
		model_row(ld);
		break;
	case TABLE_NONE:
		break;
	}
	clear_row(ld);
	ld->row_bad = 0;
}

int catalog_load_csv(struct catalog *c, const char *name, const char *data,
		     size_t len, struct llmtco_err *err)
{
	struct csv_parser p;
	struct loader ld;
	char **names;
	size_t i = 0, utf8_end = 0;
	int j;

	memset(&ld, 0, sizeof(ld));
	ld.c = c;
	ld.err = err;
	ld.diag = c->diag;
	if (ld.diag && ld.diag->report && ld.diag->today &&
	    !catalog_date_days(ld.diag->today, &ld.today_days))
		ld.dates = 1;
	if (ld.diag && !ld.diag->report)
		ld.diag = NULL;
	ld.line = 1;
	ld.col = 1;
	ld.at_field_start = 1;
	names = realloc(c->names, (c->nnames + 1) * sizeof(*names));
	if (!names)
		return err_set(err, LLMTCO_EIO, name, 0, 0, "out of memory");
	c->names = names;
	if (!(c->names[c->nnames] = strdup(name)))
		return err_set(err, LLMTCO_EIO, name, 0, 0, "out of memory");
	ld.name = c->names[c->nnames++];
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		return err_set(err, LLMTCO_EIO, name, 0, 0, "out of memory");
	/*
	 * libcsv grows a field's buffer by a fixed block (128 bytes by
	 * default): a multi-megabyte field took quadratic time (tests/bad,
	 * @big-field.csv). 64 KiB blocks keep it to a few dozen reallocations.
	 */
	csv_set_blk_size(&p, 64u << 10);
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3; /* a UTF-8 byte order mark */
	for (; i < len && !ld.stop; i++) {
		unsigned char ch = (unsigned char)data[i];
		if (ld.at_field_start && ch != ',' && ch != '\n' && ch != '\r') {
			ld.start_line = ld.line;
			ld.start_col = ld.col;
			ld.at_field_start = 0;
		} else if (ld.at_field_start) {
			ld.start_line = ld.line; /* an empty field */
			ld.start_col = ld.col;
		}
		if (ch == '\0') {
			fail_stop(&ld, ld.line, ld.col, "NUL byte in text");
			break;
		}
		if (ch >= 0x80 && i >= utf8_end) { /* tests/bad: cat-utf8.csv */
			size_t n = text_utf8_seq((const unsigned char *)data + i, len - i);
			if (!n) {
				fail_stop(&ld, ld.line, ld.col, "invalid UTF-8");
				break;
			}
			utf8_end = i + n;
		}
		if (csv_parse(&p, &data[i], 1, on_field, on_row, &ld) != 1) {
			fail_stop(&ld, ld.line, ld.col,
				  ch == '"' ? "stray quote inside a field"
					    : "malformed field after a closing quote");
			break;
		}
		if (ch == '\n') {
			ld.line++;
			ld.col = 1;
		} else if ((ch & 0xC0) != 0x80) {
			ld.col++; /* columns count characters, not UTF-8 bytes */
		}
	}
	if (!ld.stop && csv_fini(&p, on_field, on_row, &ld))
		fail_stop(&ld, ld.start_line, ld.start_col, "unterminated quoted field");
	if (!ld.stop && !ld.have_header)
		fail_stop(&ld, 1, 1, "empty table: no header row");
	csv_free(&p);
	clear_row(&ld);
	free(ld.cells);
	for (j = 0; j < ld.ncols; j++)
		free(ld.cols[j]);
	free(ld.rows_seen);
	free(ld.tiers_reset);
	free(ld.items_reset);
	return ld.status;
}

/* A catalog_check problem: to diag's report (and go on), else into err. */
static int check_fail(const struct catalog *c, struct llmtco_err *err,
		      const char *file, int line, int col, const char *msg)
{
	struct llmtco_err e;

	if (!c->diag || !c->diag->report)
		return err_set(err, LLMTCO_EDATA, file, line, col, "%s", msg);
	err_set(&e, LLMTCO_EDATA, file, line, col, "%s", msg);
	c->diag->report(c->diag->ud, &e, 0);
	return LLMTCO_OK;
}

int catalog_check(const struct catalog *c, struct llmtco_err *err)
{
	static const char *const need[] = { "hourly_rate", "peak_to_average",
					    "usd_per_request", "horizon_months", NULL };
	const char *const *k;
	char msg[160];
	size_t i;
	int rc;

	for (k = need; *k; k++)
		if (!catalog_fact(c, *k)) {
			snprintf(msg, sizeof(msg), "catalog has no default \"%s\"", *k);
			if ((rc = check_fail(c, err, NULL, 0, 0, msg)))
				return rc;
		}
	for (i = 0; i < c->noptions; i++) {
		const struct option *o = &c->options[i];
		if (o->deployment == DEPLOY_SELF_HOSTED && !o->nitems) {
			snprintf(msg, sizeof(msg),
				 "self-hosted option \"%s/%s\" has no infrastructure items",
				 o->id, o->plan);
			if ((rc = check_fail(c, err, o->at.file, o->at.line, 1, msg)))
				return rc;
		}
	}
	return LLMTCO_OK;
}
