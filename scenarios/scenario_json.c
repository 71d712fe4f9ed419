/*
 * scenario_json.c - load a scenario file (SPEC section 4) with cJSON.
 *
 * cJSON keeps no positions, so when a value is wrong we find it again in
 * the text: json_locate() walks the path from the top, letting cJSON parse
 * every key and every value it steps over (cJSON_ParseWithLengthOpts tells
 * where each one ends) and skipping only the white space, ':' and ','
 * between them. That runs only on the error path.
 */
#include "scenario.h"
#include "../common/json.h"

#include <cJSON.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 8

struct seg {
	const char *key; /* object member, or NULL for an array index */
	int index;
};

struct jctx {
	const char *file;
	const char *text;
	size_t len;
	struct llmtco_err *err;
	int status;
	struct seg path[MAX_DEPTH];
	int depth;
};


/* Where the JSON value (or key string) at p ends, per cJSON; NULL if none. */
static const char *value_end(const char *p, const char *end, cJSON **keep)
{
	const char *stop = NULL;
	cJSON *v = cJSON_ParseWithLengthOpts(p, (size_t)(end - p), &stop, 0);

	if (!v)
		return NULL;
	if (keep)
		*keep = v;
	else
		cJSON_Delete(v);
	return stop;
}

/*
 * The offset of the value at `path` (or of its key when `want_key`), taking
 * the `nth` occurrence (0-based) of the last key. -1 when it cannot be found.
 */
static long json_locate(const char *text, size_t len, const struct seg *path,
			int depth, int want_key, int nth)
{
	const char *end = text + len, *p = json_skip_ws(text, end);
	int i, j;

	for (i = 0; i < depth; i++) {
		int last = i == depth - 1, seen = 0;
		if (path[i].key) {
			if (p >= end || *p != '{')
				return -1;
			p++;
			for (;;) {
				const char *key_at;
				cJSON *k = NULL;
				int match;

				p = json_skip_ws(p, end);
				if (p >= end || *p != '"')
					return -1;
				key_at = p;
				if (!(p = value_end(p, end, &k)))
					return -1;
				match = cJSON_IsString(k) && !strcmp(k->valuestring, path[i].key);
				cJSON_Delete(k);
				p = json_skip_ws(p, end);
				if (p >= end || *p != ':')
					return -1;
				p = json_skip_ws(p + 1, end);
				if (match && (!last || seen++ == nth)) {
					if (last && want_key)
						return key_at - text;
					break;
				}
				if (!(p = value_end(p, end, NULL)))
					return -1;
				p = json_skip_ws(p, end);
				if (p >= end || *p != ',')
					return -1;
				p++;
			}
		} else {
			if (p >= end || *p != '[')
				return -1;
			p = json_skip_ws(p + 1, end);
			for (j = 0; j < path[i].index; j++) {
				if (!(p = value_end(p, end, NULL)))
					return -1;
				p = json_skip_ws(p, end);
				if (p >= end || *p != ',')
					return -1;
				p = json_skip_ws(p + 1, end);
			}
		}
	}
	return p - text;
}



/* "workload.mix[0].share" */
static void path_text(const struct jctx *j, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < j->depth && n < size; i++) {
		int w;
		if (j->path[i].key)
			w = snprintf(buf + n, size - n, "%s%s", i ? "." : "", j->path[i].key);
		else
			w = snprintf(buf + n, size - n, "[%d]", j->path[i].index);
		if (w < 0)
			break;
		n += (size_t)w;
	}
}

static void failv(struct jctx *j, int want_key, int nth, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#include <stdarg.h>
/* Record the first error, at the current path: "\"path\" message". */
static void failv(struct jctx *j, int want_key, int nth, const char *fmt, ...)
{
	char path[160], msg[200];
	int line = 0, col = 0;
	long off;
	va_list ap;

	if (j->status)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	path_text(j, path, sizeof(path));
	off = json_locate(j->text, j->len, j->path, j->depth, want_key, nth);
	if (off >= 0)
		text_line_col(j->text, off, &line, &col);
	j->status = err_set(j->err, LLMTCO_EDATA, j->file, line, col, "\"%s\" %s",
			    path, msg);
}

#define fail(j, ...) failv((j), 0, 0, __VA_ARGS__)

static void push_key(struct jctx *j, const char *key)
{
	if (j->depth < MAX_DEPTH) {
		j->path[j->depth].key = key;
		j->path[j->depth].index = 0;
	}
	j->depth++;
}

static void push_index(struct jctx *j, int index)
{
	if (j->depth < MAX_DEPTH) {
		j->path[j->depth].key = NULL;
		j->path[j->depth].index = index;
	}
	j->depth++;
}

static void pop(struct jctx *j)
{
	j->depth--;
}

/* ---- values ---- */

struct limits {
	double min, max;
	const char *what; /* "a non-negative number", "a percentage from 0 to 100" */
};

static const struct limits NONNEG = { 0, LLMTCO_MAX_AMOUNT, "a non-negative number" };
static const struct limits PCT = { 0, 100, "a percentage from 0 to 100" };
static const struct limits SHARE = { 0, 1, "a share from 0 to 1" };
static const struct limits RATIO = { 1, 1e6, "a ratio of at least 1" };
static const struct limits MONTHS = { 1, 1200, "a number of months from 1 to 1200" };
static const struct limits GROWTH = { -100, 1000, "a percentage from -100 to 1000" };

static int number_of(struct jctx *j, const cJSON *v, const char *part, double *out)
{
	if (!cJSON_IsNumber(v)) {
		fail(j, "%s must be a number", part);
		return -1;
	}
	if (!isfinite(v->valuedouble)) {
		fail(j, "%s is out of range", part);
		return -1;
	}
	*out = v->valuedouble;
	return 0;
}

/*
 * A number, [low, high] or {low, mode, high} at the current path, within
 * `lim`. null leaves the param unset. Returns 0 or -1 (error recorded).
 */
static int read_param(struct jctx *j, const cJSON *v, const struct limits *lim,
		      struct param *out)
{
	struct range r;

	if (cJSON_IsNull(v)) {
		out->set = 0;
		return 0;
	}
	if (cJSON_IsNumber(v)) {
		if (number_of(j, v, "value", &r.value))
			return -1;
		r = range_fixed(r.value);
	} else if (cJSON_IsArray(v)) {
		if (cJSON_GetArraySize(v) != 2) {
			fail(j, "range must be [low, high]");
			return -1;
		}
		push_index(j, 0);
		if (number_of(j, cJSON_GetArrayItem(v, 0), "low", &r.low)) {
			pop(j);
			return -1;
		}
		pop(j);
		push_index(j, 1);
		if (number_of(j, cJSON_GetArrayItem(v, 1), "high", &r.high)) {
			pop(j);
			return -1;
		}
		pop(j);
		r.value = (r.low + r.high) / 2;
		r.shape = RANGE_UNIFORM;
	} else if (cJSON_IsObject(v)) {
		const cJSON *c, *mode = NULL, *lo = NULL, *hi = NULL;
		cJSON_ArrayForEach(c, v) {
			if (!strcmp(c->string, "low"))
				lo = c;
			else if (!strcmp(c->string, "high"))
				hi = c;
			else if (!strcmp(c->string, "mode"))
				mode = c;
			else {
				push_key(j, c->string);
				failv(j, 1, 0, "is not a range key: use low, mode and high");
				pop(j);
				return -1;
			}
		}
		if (!lo || !hi) {
			fail(j, "range needs \"low\" and \"high\"");
			return -1;
		}
		push_key(j, "low");
		if (number_of(j, lo, "low", &r.low)) {
			pop(j);
			return -1;
		}
		pop(j);
		push_key(j, "high");
		if (number_of(j, hi, "high", &r.high)) {
			pop(j);
			return -1;
		}
		pop(j);
		r.shape = RANGE_UNIFORM;
		r.value = (r.low + r.high) / 2;
		if (mode) {
			push_key(j, "mode");
			if (number_of(j, mode, "mode", &r.value)) {
				pop(j);
				return -1;
			}
			pop(j);
			r.shape = RANGE_TRIANGULAR;
		}
	} else {
		fail(j, "must be a number, [low, high] or {\"low\", \"mode\", \"high\"}");
		return -1;
	}
	if (r.low > r.high) {
		fail(j, "low %g is above high %g", r.low, r.high);
		return -1;
	}
	if (r.value < r.low || r.value > r.high) {
		fail(j, "mode %g lies outside %g-%g", r.value, r.low, r.high);
		return -1;
	}
	if (r.low < lim->min || r.high > lim->max) {
		if (r.high > lim->max && lim->max == LLMTCO_MAX_AMOUNT)
			fail(j, "is too large (at most %.0f)", lim->max);
		else
			fail(j, "must be %s", lim->what);
		return -1;
	}
	if (r.low == r.high)
		r.shape = RANGE_FIXED;
	out->set = 1;
	out->r = r;
	return 0;
}

static int dup_string(struct jctx *j, const cJSON *v, char **out)
{
	if (!cJSON_IsString(v) || !*v->valuestring) {
		fail(j, "must be a non-empty string");
		return -1;
	}
	free(*out);
	if (!(*out = strdup(v->valuestring))) {
		j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

/* Refuse a key given twice in one object (cJSON would keep both). */
static int check_duplicates(struct jctx *j, const cJSON *obj)
{
	const cJSON *a, *b;

	cJSON_ArrayForEach(a, obj) {
		int nth = 0;
		for (b = obj->child; b != a; b = b->next)
			if (!strcmp(a->string, b->string))
				nth++;
		if (nth) {
			push_key(j, a->string);
			failv(j, 1, nth, "is given twice");
			pop(j);
			return -1;
		}
	}
	return 0;
}

static int need_object(struct jctx *j, const cJSON *v)
{
	if (!cJSON_IsObject(v)) {
		fail(j, "must be an object");
		return -1;
	}
	return check_duplicates(j, v);
}

static int unknown_key(struct jctx *j, const char *key)
{
	push_key(j, key);
	failv(j, 1, 0, "is not a known key");
	pop(j);
	return -1;
}

/* A table of number keys of one object, by offset in struct scenario. */
struct num_key {
	const char *name;
	size_t off;
	const struct limits *lim;
};

static struct param *param_at(struct scenario *s, size_t off)
{
	return (struct param *)(void *)((char *)s + off);
}

static int read_numbers(struct jctx *j, struct scenario *s, const cJSON *obj,
			const struct num_key *keys,
			int (*other)(struct jctx *, struct scenario *, const cJSON *))
{
	const cJSON *c;
	const struct num_key *k;

	if (need_object(j, obj))
		return -1;
	cJSON_ArrayForEach(c, obj) {
		for (k = keys; k->name; k++)
			if (!strcmp(k->name, c->string))
				break;
		push_key(j, c->string);
		if (k->name) {
			if (read_param(j, c, k->lim, param_at(s, k->off))) {
				pop(j);
				return -1;
			}
		} else if (!other || other(j, s, c)) {
			pop(j);
			if (!j->status)
				unknown_key(j, c->string);
			return -1;
		}
		pop(j);
	}
	return 0;
}

#define P(field) offsetof(struct scenario, field)

static int read_mix(struct jctx *j, struct scenario *s, const cJSON *arr)
{
	const cJSON *e;
	double sum = 0;
	int i = 0;

	if (!cJSON_IsArray(arr)) {
		fail(j, "must be an array of models");
		return -1;
	}
	free(s->mix);
	s->nmix = 0;
	s->mix = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*s->mix));
	if (!s->mix)
		return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	cJSON_ArrayForEach(e, arr) {
		struct mix_entry *m = &s->mix[s->nmix++];
		const cJSON *c;
		push_index(j, i++);
		if (need_object(j, e))
			return pop(j), -1;
		cJSON_ArrayForEach(c, e) {
			struct param *p = NULL;
			const struct limits *lim = &NONNEG;
			push_key(j, c->string);
			if (!strcmp(c->string, "model")) {
				if (dup_string(j, c, &m->model))
					return pop(j), pop(j), -1;
			} else if (!strcmp(c->string, "share")) {
				p = &m->share, lim = &SHARE;
			} else if (!strcmp(c->string, "input_tokens")) {
				p = &m->input_tokens;
			} else if (!strcmp(c->string, "output_tokens")) {
				p = &m->output_tokens;
			} else if (!strcmp(c->string, "cached_tokens")) {
				p = &m->cached_tokens;
			} else {
				failv(j, 1, 0, "is not a known key");
				return pop(j), pop(j), -1;
			}
			if (p && read_param(j, c, lim, p))
				return pop(j), pop(j), -1;
			pop(j);
		}
		if (!m->model) {
			fail(j, "needs a \"model\"");
			return pop(j), -1;
		}
		if (!m->share.set) {
			fail(j, "needs a \"share\"");
			return pop(j), -1;
		}
		sum += m->share.r.value;
		pop(j);
	}
	if (s->nmix && fabs(sum - 1.0) > 1e-6) {
		fail(j, "shares sum to %g, not 1", sum);
		return -1;
	}
	return 0;
}

static int workload_other(struct jctx *j, struct scenario *s, const cJSON *c)
{
	if (!strcmp(c->string, "mix"))
		return read_mix(j, s, c);
	return -1;
}

static int read_items(struct jctx *j, struct scenario *s, const cJSON *obj)
{
	const cJSON *c;

	if (need_object(j, obj))
		return -1;
	free(s->items);
	s->nitems = 0;
	s->items = calloc((size_t)cJSON_GetArraySize(obj) + 1, sizeof(*s->items));
	if (!s->items)
		return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	cJSON_ArrayForEach(c, obj) {
		struct item_param *it = &s->items[s->nitems];
		push_key(j, c->string);
		if (!*c->string || strlen(c->string) >= sizeof(it->name)) {
			failv(j, 1, 0, "item name must have 1-31 characters");
			return pop(j), -1;
		}
		snprintf(it->name, sizeof(it->name), "%s", c->string);
		if (read_param(j, c, &NONNEG, &it->usd))
			return pop(j), -1;
		if (it->usd.set)
			s->nitems++;
		pop(j);
	}
	return 0;
}

static int infra_other(struct jctx *j, struct scenario *s, const cJSON *c)
{
	if (!strcmp(c->string, "items"))
		return read_items(j, s, c);
	return -1;
}

static int read_policy(struct jctx *j, struct scenario *s, const cJSON *arr)
{
	const cJSON *e;
	int i = 0;

	if (!cJSON_IsArray(arr)) {
		fail(j, "must be an array of {\"from\", \"to\", \"share_pct\"}");
		return -1;
	}
	s->routes = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*s->routes));
	if (!s->routes)
		return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	cJSON_ArrayForEach(e, arr) {
		struct route *r = &s->routes[s->nroutes++];
		const cJSON *c;
		push_index(j, i++);
		if (need_object(j, e))
			return pop(j), -1;
		cJSON_ArrayForEach(c, e) {
			int bad;
			push_key(j, c->string);
			if (!strcmp(c->string, "from"))
				bad = dup_string(j, c, &r->from);
			else if (!strcmp(c->string, "to"))
				bad = dup_string(j, c, &r->to);
			else if (!strcmp(c->string, "share_pct"))
				bad = read_param(j, c, &PCT, &r->share_pct);
			else
				bad = (failv(j, 1, 0, "is not a known key"), -1);
			pop(j);
			if (bad)
				return pop(j), -1;
		}
		if (!r->from || !r->to || !r->share_pct.set) {
			fail(j, "needs \"from\", \"to\" and \"share_pct\"");
			return pop(j), -1;
		}
		pop(j);
	}
	return 0;
}

static int routing_other(struct jctx *j, struct scenario *s, const cJSON *c)
{
	if (!strcmp(c->string, "policy"))
		return read_policy(j, s, c);
	if (!strcmp(c->string, "router"))
		return dup_string(j, c, &s->router);
	return -1;
}

/*
 * An array of strings onto a list; `at` (may be NULL) gets where each one
 * was written; `allowed` (may be NULL) is the NULL-terminated set of values
 * accepted, `what` names them in the message.
 */
static int read_strings(struct jctx *j, const cJSON *arr, char ***list, size_t *n,
			struct where **at, const char *const *allowed, const char *what)
{
	const cJSON *e;
	int i = 0;

	if (!cJSON_IsArray(arr)) {
		fail(j, "must be an array of strings");
		return -1;
	}
	if (at) {
		free(*at);
		*at = calloc((size_t)cJSON_GetArraySize(arr) + *n + 1, sizeof(**at));
		if (!*at)
			return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0,
						   "out of memory"), -1;
	}
	cJSON_ArrayForEach(e, arr) {
		push_index(j, i++);
		if (!cJSON_IsString(e) || !*e->valuestring) {
			fail(j, "must be a non-empty string");
			return pop(j), -1;
		}
		if (allowed) {
			const char *const *a;
			char list_text[160] = "";
			for (a = allowed; *a && strcmp(*a, e->valuestring); a++)
				;
			if (!*a) {
				for (a = allowed; *a; a++)
					snprintf(list_text + strlen(list_text),
						 sizeof(list_text) - strlen(list_text), "%s%s",
						 a == allowed ? "" : ", ", *a);
				fail(j, "is not a known %s: \"%.60s\" (one of %s)", what,
				     e->valuestring, list_text);
				return pop(j), -1;
			}
		}
		if (at) {
			long off = json_locate(j->text, j->len, j->path, j->depth, 0, 0);
			(*at)[*n].file = j->file;
			if (off >= 0)
				text_line_col(j->text, off, &(*at)[*n].line, &(*at)[*n].col);
		}
		if (strlist_add(list, n, e->valuestring))
			return pop(j), j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0,
							   "out of memory"), -1;
		pop(j);
	}
	return 0;
}

static int add_override(struct jctx *j, struct scenario *s, const char *target,
			const cJSON *v, int target_line, int target_col)
{
	struct override *ov, *p;
	long off;
	int line = 0, col = 0;

	p = realloc(s->overrides, (s->noverrides + 1) * sizeof(*p));
	if (!p)
		return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	s->overrides = p;
	ov = &p[s->noverrides];
	memset(ov, 0, sizeof(*ov));
	if (cJSON_IsString(v) || cJSON_IsBool(v)) {
		ov->text = strdup(cJSON_IsString(v) ? v->valuestring
						     : cJSON_IsTrue(v) ? "yes" : "no");
		if (!ov->text)
			return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	} else {
		struct param prm = { 0, { 0, 0, 0, RANGE_FIXED } };
		static const struct limits ANY = { -LLMTCO_MAX_AMOUNT, LLMTCO_MAX_AMOUNT,
						   "a number from -1e15 to 1e15" };
		if (read_param(j, v, &ANY, &prm))
			return -1;
		if (!prm.set) {
			fail(j, "must not be null");
			return -1;
		}
		ov->num = prm.r;
	}
	ov->target = strdup(target);
	ov->field = strdup(v->string);
	if (!ov->target || !ov->field) {
		free(ov->target);
		free(ov->field);
		free(ov->text);
		return j->status = err_set(j->err, LLMTCO_EIO, j->file, 0, 0, "out of memory"), -1;
	}
	off = json_locate(j->text, j->len, j->path, j->depth, 1, 0);
	if (off >= 0)
		text_line_col(j->text, off, &line, &col);
	ov->file = j->file;
	ov->line = line;
	ov->col = col;
	ov->target_line = target_line;
	ov->target_col = target_col;
	s->noverrides++;
	return 0;
}

static int read_overrides(struct jctx *j, struct scenario *s, const cJSON *obj)
{
	const cJSON *t, *f;

	if (need_object(j, obj))
		return -1;
	cJSON_ArrayForEach(t, obj) {
		long off;
		int tl = 0, tc = 0;
		push_key(j, t->string);
		off = json_locate(j->text, j->len, j->path, j->depth, 1, 0);
		if (off >= 0)
			text_line_col(j->text, off, &tl, &tc);
		if (need_object(j, t))
			return pop(j), -1;
		cJSON_ArrayForEach(f, t) {
			push_key(j, f->string);
			if (add_override(j, s, t->string, f, tl, tc))
				return pop(j), pop(j), -1;
			pop(j);
		}
		pop(j);
	}
	return 0;
}

static const struct num_key workload_keys[] = {
	{ "api_spend", P(api_spend), &NONNEG },
	{ "requests_per_month", P(requests_per_month), &NONNEG },
	{ "tokens_per_day", P(tokens_per_day), &NONNEG },
	{ "usd_per_mtok", P(usd_per_mtok), &NONNEG },
	{ "peak_to_average", P(peak_to_average), &RATIO },
	{ "growth_pct_per_month", P(growth_pct_per_month), &GROWTH },
	{ NULL, 0, NULL }
};

static const struct num_key team_keys[] = {
	{ "hourly_rate", P(hourly_rate), &NONNEG },
	{ "maintenance_hours_per_month", P(maintenance_hours), &NONNEG },
	{ "setup_hours", P(setup_hours), &NONNEG },
	{ NULL, 0, NULL }
};

static const struct num_key infra_keys[] = {
	{ "monthly", P(infra_monthly), &NONNEG },
	{ NULL, 0, NULL }
};

static const struct num_key routing_keys[] = {
	{ "savings_pct", P(routing_savings_pct), &PCT },
	{ NULL, 0, NULL }
};

static const struct num_key top_keys[] = {
	{ "max_latency_ms", P(max_latency_ms), &NONNEG },
	{ "horizon_months", P(horizon_months), &MONTHS },
	{ NULL, 0, NULL }
};

static int top_other(struct jctx *j, struct scenario *s, const cJSON *c)
{
	const char *k = c->string;

	if (!strcmp(k, "name"))
		return dup_string(j, c, &s->name);
	if (!strcmp(k, "description"))
		return cJSON_IsString(c) ? 0 : (fail(j, "must be a string"), -1);
	if (!strcmp(k, "workload")) {
		if (read_numbers(j, s, c, workload_keys, workload_other))
			return -1;
		if (s->tokens_per_day.set != s->usd_per_mtok.set) {
			push_key(j, s->tokens_per_day.set ? "tokens_per_day" : "usd_per_mtok");
			failv(j, 1, 0, "needs \"%s\" too",
			      s->tokens_per_day.set ? "usd_per_mtok" : "tokens_per_day");
			pop(j);
			return -1;
		}
		return 0;
	}
	if (!strcmp(k, "team"))
		return read_numbers(j, s, c, team_keys, NULL);
	if (!strcmp(k, "infrastructure")) {
		if (read_numbers(j, s, c, infra_keys, infra_other))
			return -1;
		if (s->infra_monthly.set && s->nitems) {
			fail(j, "has both \"monthly\" and \"items\": give one");
			return -1;
		}
		return 0;
	}
	if (!strcmp(k, "routing")) {
		if (read_numbers(j, s, c, routing_keys, routing_other))
			return -1;
		if (s->routing_savings_pct.set && s->nroutes) {
			fail(j, "has both \"savings_pct\" and \"policy\": give one");
			return -1;
		}
		return 0;
	}
	if (!strcmp(k, "options"))
		return read_strings(j, c, &s->options, &s->noptions, &s->options_at,
				    NULL, NULL);
	if (!strcmp(k, "require"))
		return read_strings(j, c, &s->require, &s->nrequire, NULL,
				    scenario_features, "requirement");
	if (!strcmp(k, "overrides"))
		return read_overrides(j, s, c);
	return -1;
}

int scenario_load_json(struct scenario *s, const char *file, const char *text,
		       size_t len, struct llmtco_err *err)
{
	struct jctx j;
	cJSON *root;
	int status;

	memset(&j, 0, sizeof(j));
	j.file = file;
	j.text = text;
	j.len = len;
	j.err = err;
	root = json_parse_located(file, text, len, "a JSON object", &j.text, &status, err);
	if (!root)
		return status;
	j.len = len - (size_t)(j.text - text);
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return err_set(err, LLMTCO_EDATA, file, 1, 1,
			       "a scenario must be a JSON object");
	}
	read_numbers(&j, s, root, top_keys, top_other);
	cJSON_Delete(root);
	return j.status;
}
