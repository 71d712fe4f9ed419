/*
 * import.c - other projects' price catalogs as models.csv rows (cJSON
 * parses; the caller writes the table).
 *
 * LiteLLM (an object keyed by model name; USD per token):
 *   - `sample_spec` is documentation and not an entry; modes chat,
 *     completion and responses are kept, others listed as "mode X", an
 *     entry without a mode as "no mode";
 *   - provider = litellm_provider; model = the key less a leading
 *     "provider/" when it is that provider;
 *   - input_cost_per_token, output_cost_per_token, cache_read_input_token_cost
 *     (else input_cost_per_token_cache_hit), cache_creation_input_token_cost
 *     times 1e6; input_cost_per_request as USD per request;
 *   - a key with `_above_Nk_tokens` gives a row with above_input_tokens
 *     N*1000; `_batches`, `_flex`, `_priority` a row of service tier batch,
 *     flex or priority (both suffixes: a row with both). A price such a row
 *     does not give is its service tier's base price, else the standard
 *     one, and its notes say which prices were inherited.
 *
 * genai-prices (an array of providers with their models; USD per million):
 *   - a list of prices is read like the library does: the last entry whose
 *     constraint holds on the as-of date (no constraint, or start_date on
 *     or before it); when none holds, the first. A time-of-day entry
 *     (start_time/end_time) never holds all day: it is not imported, and
 *     the notes give its window and prices when it comes after the entry
 *     used (before it, the entry used overrides it anyway);
 *   - input_mtok, output_mtok, cache_read_mtok, cache_write_mtok,
 *     requests_kcount (/1000 = USD per request); other keys are named in
 *     the notes as not imported;
 *   - {base, tiers: [{start, price}]}: the base row holds each base, and
 *     every distinct start gives a row with above_input_tokens = start where
 *     each key has the price of its last tier starting at or below it, or
 *     its base.
 *
 * OpenRouter ({"data": [...]}; strings of USD per token or request):
 *   - provider = the id before the first '/', model = the rest (an id with
 *     no '/' goes under provider "openrouter");
 *   - prompt, completion, input_cache_read, input_cache_write times 1e6,
 *     request as USD per request, parsed strictly by num_parse; -1 in any
 *     of them marks a router whose price is that of the model it picks
 *     (openrouter/auto): listed as "dynamic price (-1)". Non-zero prices of other kinds (image,
 *     web_search, ...) are named in the notes as not imported.
 *
 * Everywhere: a model with no input or no output token price is listed
 * ("no token prices", "no input price", "no output price"), as is one with
 * a price that is not a number, negative or over LLMTCO_MAX_AMOUNT. Prices
 * multiplied from per-token figures are rounded to 12 significant digits,
 * so 1e-07 per token is 0.1 per million, not 0.09999999999999999.
 */
#include "import.h"
#include "../common/json.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The price columns of a row. */
enum { F_IN, F_OUT, F_CR, F_CW, F_REQ, NF };

static const char *const col_name[NF] = {
	"input_mtok", "output_mtok", "cache_read_mtok", "cache_write_mtok",
	"usd_per_request"
};

struct prices {
	double v[NF];
	unsigned char has[NF];
};

struct ctx {
	struct import_result *out;
	const char *file;   /* its last component, for sources */
	const char *as_of;  /* YYYY-MM-DD */
	int oom;
};

/* ---- small helpers ---- */

/* A growing string; `oom` is set once an append fails. */
struct sbuf {
	char *s;
	size_t len, cap;
	int oom;
};

static void sb_add(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sb_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = (b->len + (size_t)n + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* "; " between items of a note. */
static void sb_sep(struct sbuf *b)
{
	if (b->len)
		sb_add(b, "; ");
}

static const char *sb_text(const struct sbuf *b)
{
	return b->s ? b->s : "";
}

/* A figure for messages and notes: shortest form, at most 12 digits. */
static const char *num_text(char *buf, size_t size, double v)
{
	snprintf(buf, size, "%.12g", v);
	return buf;
}

/*
 * Rounded to 12 significant digits: a decimal figure times 1e6 (or over
 * 1000) is often inexact in binary (1e-07 * 1e6 is 0.09999999999999999).
 */
static double tidy(double v)
{
	char buf[40];
	const char *why;
	double r;

	if (!isfinite(v) || v == 0)
		return v;
	snprintf(buf, sizeof(buf), "%.12g", v); /* no setlocale: '.' */
	return num_parse(buf, &r, &why) ? v : r;
}

/* A per-token figure per million tokens. */
static double per_million(double v)
{
	return tidy(v * 1e6);
}

static void skip(struct ctx *x, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* List `name` as not imported, with its reason. */
static void skip(struct ctx *x, const char *name, const char *fmt, ...)
{
	struct import_result *r = x->out;
	struct import_skip *s;
	char reason[300];
	va_list ap;
	void *p;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	p = array_grow(r->skipped, &r->skipped_cap, r->nskipped, sizeof(*r->skipped));
	if (!p) {
		x->oom = 1;
		return;
	}
	r->skipped = p;
	s = &r->skipped[r->nskipped];
	s->name = strdup(name);
	s->reason = strdup(reason);
	if (!s->name || !s->reason) {
		free(s->name);
		free(s->reason);
		x->oom = 1;
		return;
	}
	r->nskipped++;
}

/* "gpt-4o (batch, above 200000 input tokens)" */
static void row_label(char *buf, size_t size, const char *provider,
		      const char *model, const char *tier, double above)
{
	char a[60], n[40];

	if (above > 0)
		snprintf(a, sizeof(a), "above %s input tokens", num_text(n, sizeof(n), above));
	snprintf(buf, size, "%s/%s%s%s%s%s%s", provider, model,
		 *tier || above > 0 ? " (" : "", tier, *tier && above > 0 ? ", " : "",
		 above > 0 ? a : "", *tier || above > 0 ? ")" : "");
}

/* Why a price cannot be imported, or NULL. */
static const char *bad_prices(const struct prices *p, int *which)
{
	int f;

	for (f = 0; f < NF; f++) {
		if (!p->has[f])
			continue;
		*which = f;
		if (!isfinite(p->v[f]) || p->v[f] > LLMTCO_MAX_AMOUNT)
			return "is out of range";
		if (p->v[f] < 0)
			return "is negative";
	}
	return NULL;
}

/*
 * Add one row (the caller has checked that input and output are there), or
 * list it as a duplicate or as priced out of range.
 */
static void add_row(struct ctx *x, const char *entry, const char *provider,
		    const char *model, const char *tier, double above,
		    const struct prices *p, const char *source, const char *notes)
{
	struct import_result *r = x->out;
	struct model_price *m;
	struct import_row *row;
	const char *why;
	char label[300], v[40];
	size_t i;
	int f = 0;
	void *q;

	row_label(label, sizeof(label), provider, model, tier, above);
	if ((why = bad_prices(p, &f))) {
		skip(x, entry, "%s: \"%s\" %s (%s)", label, col_name[f], why,
		     num_text(v, sizeof(v), p->v[f]));
		return;
	}
	for (i = 0; i < r->nrows; i++) {
		m = &r->rows[i].price;
		if (!strcasecmp(m->provider, provider) && !strcasecmp(m->model, model) &&
		    !strcasecmp(m->service_tier, tier) && m->above_input_tokens == above) {
			skip(x, entry, "duplicate of %s, kept from \"%s\"", label,
			     r->rows[i].entry);
			return;
		}
	}
	q = array_grow(r->rows, &r->rows_cap, r->nrows, sizeof(*r->rows));
	if (!q) {
		x->oom = 1;
		return;
	}
	r->rows = q;
	row = &r->rows[r->nrows];
	memset(row, 0, sizeof(*row));
	m = &row->price;
	m->provider = strdup(provider);
	m->model = strdup(model);
	m->source = strdup(source);
	row->notes = strdup(notes);
	row->entry = strdup(entry);
	if (!m->provider || !m->model || !m->source || !row->notes || !row->entry) {
		free(m->provider);
		free(m->model);
		free(m->source);
		free(row->notes);
		free(row->entry);
		x->oom = 1;
		return;
	}
	snprintf(m->service_tier, sizeof(m->service_tier), "%s", tier);
	m->above_input_tokens = above;
	m->input_mtok = p->v[F_IN];
	m->output_mtok = p->v[F_OUT];
	m->cache_read_mtok = p->has[F_CR] ? p->v[F_CR] : (double)NAN;
	m->cache_write_mtok = p->has[F_CW] ? p->v[F_CW] : (double)NAN;
	m->usd_per_request = p->has[F_REQ] ? p->v[F_REQ] : 0;
	memcpy(m->as_of, x->as_of, 11);
	r->nrows++;
}

/* Both token prices there? Otherwise list the entry and return 0. */
static int has_token_prices(struct ctx *x, const char *entry, const struct prices *p)
{
	if (p->has[F_IN] && p->has[F_OUT])
		return 1;
	skip(x, entry, "%s", !p->has[F_IN] && !p->has[F_OUT] ? "no token prices"
			     : !p->has[F_IN] ? "no input price" : "no output price");
	return 0;
}

/* A string member, or NULL. */
static const char *str_of(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* "LiteLLM ... (imported from FILE)" and "; URL" when there is one. */
static void source_text(struct sbuf *b, const struct ctx *x, const char *what,
			const char *url)
{
	sb_add(b, "%s (imported from %s)", what, x->file);
	if (url && *url)
		sb_add(b, "; %s", url);
}

/* ---- LiteLLM ---- */

#define SERVICE_TIERS 4
static const char *const tier_name[SERVICE_TIERS] = { "", "batch", "flex", "priority" };
static const char *const tier_suffix[SERVICE_TIERS] = { "", "_batches", "_flex", "_priority" };

/* Distinct (service tier, threshold) rows one entry may give. */
#define MAX_SLOTS 32

struct slot {
	int tier;      /* index into tier_name */
	double above;  /* tokens; 0 for the base */
	struct prices p;
};

/*
 * A LiteLLM price key: its column, service tier and threshold. -1 for a key
 * that is not one (audio, images, "_above_15s_interval", ...).
 */
static int litellm_key(const char *key, int *field, int *tier, double *above)
{
	static const struct {
		const char *key;
		int field;
	} bases[] = {
		{ "input_cost_per_token", F_IN },
		{ "output_cost_per_token", F_OUT },
		{ "cache_read_input_token_cost", F_CR },
		{ "cache_creation_input_token_cost", F_CW },
		{ "input_cost_per_request", F_REQ },
	};
	const char *p = NULL;
	size_t i, n;
	int t;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]) && !p; i++) {
		n = strlen(bases[i].key);
		if (!strncmp(key, bases[i].key, n)) {
			p = key + n;
			*field = bases[i].field;
		}
	}
	if (!p)
		return -1;
	*tier = 0;
	*above = 0;
	while (*p) {
		for (t = 1; t < SERVICE_TIERS; t++) {
			n = strlen(tier_suffix[t]);
			if (!strncmp(p, tier_suffix[t], n) && (p[n] == '\0' || p[n] == '_'))
				break;
		}
		if (t < SERVICE_TIERS) {
			if (*tier)
				return -1;
			*tier = t;
			p += n;
		} else if (!strncmp(p, "_above_", 7) && !*above) {
			double k = 0;
			for (p += 7; *p >= '0' && *p <= '9' && k < 1e7; p++)
				k = k * 10 + (*p - '0');
			if (k < 1 || k >= 1e7 || strncmp(p, "k_tokens", 8))
				return -1;
			*above = k * 1000;
			p += 8;
		} else {
			return -1;
		}
	}
	return 0;
}

static struct slot *slot_for(struct slot *s, size_t *n, int tier, double above)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (s[i].tier == tier && s[i].above == above)
			return &s[i];
	if (*n == MAX_SLOTS)
		return NULL;
	memset(&s[*n], 0, sizeof(s[*n]));
	s[*n].tier = tier;
	s[*n].above = above;
	return &s[(*n)++];
}

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	return x->above < y->above ? -1 : x->above > y->above;
}

static void litellm_entry(struct ctx *x, const cJSON *e)
{
	const char *key = e->string, *provider, *mode, *model, *url;
	const cJSON *v;
	struct slot slots[MAX_SLOTS];
	size_t nslots = 1, i, plen;
	struct sbuf notes = { 0 }, src = { 0 }, base_notes = { 0 };
	int f, tier, used_hit = 0;
	double above, hit = 0;

	if (!cJSON_IsObject(e)) {
		skip(x, key, "not a JSON object");
		return;
	}
	provider = str_of(e, "litellm_provider");
	mode = str_of(e, "mode");
	if (!provider || !*provider) {
		skip(x, key, "no litellm_provider");
		return;
	}
	if (!cJSON_GetObjectItemCaseSensitive(e, "mode")) {
		skip(x, key, "no mode");
		return;
	}
	if (!mode) {
		skip(x, key, "\"mode\" is not a string");
		return;
	}
	if (strcmp(mode, "chat") && strcmp(mode, "completion") && strcmp(mode, "responses")) {
		skip(x, key, "mode %.60s", mode);
		return;
	}
	plen = strlen(provider);
	model = !strncmp(key, provider, plen) && key[plen] == '/' ? key + plen + 1 : key;
	if (!*model) {
		skip(x, key, "no model name after the provider");
		return;
	}
	memset(slots, 0, sizeof(slots));
	cJSON_ArrayForEach(v, e) {
		struct slot *s;
		if (!strcmp(v->string, "input_cost_per_token_cache_hit")) {
			if (!cJSON_IsNumber(v)) {
				skip(x, key, "\"%s\" is not a number", v->string);
				return;
			}
			hit = per_million(v->valuedouble);
			used_hit = 1;
			continue;
		}
		if (litellm_key(v->string, &f, &tier, &above))
			continue;
		if (!cJSON_IsNumber(v)) {
			skip(x, key, "\"%.80s\" is not a number", v->string);
			return;
		}
		if (!(s = slot_for(slots, &nslots, tier, above))) {
			skip(x, key, "more than %d price tiers", MAX_SLOTS);
			return;
		}
		s->p.v[f] = f == F_REQ ? v->valuedouble : per_million(v->valuedouble);
		s->p.has[f] = 1;
	}
	if (!has_token_prices(x, key, &slots[0].p))
		return;
	if (!slots[0].p.has[F_CR] && used_hit) {
		slots[0].p.v[F_CR] = hit;
		slots[0].p.has[F_CR] = 1;
	} else {
		used_hit = 0;
	}
	qsort(slots + 1, nslots - 1, sizeof(slots[0]), slot_cmp);

	url = str_of(e, "source");
	source_text(&src, x, "LiteLLM model_prices_and_context_window.json",
		    url && !strncmp(url, "http", 4) ? url : NULL);
	sb_add(&base_notes, "LiteLLM \"%s\", mode %s", key, mode);
	v = cJSON_GetObjectItemCaseSensitive(e, "max_input_tokens");
	if (cJSON_IsNumber(v))
		sb_add(&base_notes, ", max input %.0f tokens", v->valuedouble);
	v = cJSON_GetObjectItemCaseSensitive(e, "max_output_tokens");
	if (cJSON_IsNumber(v))
		sb_add(&base_notes, ", max output %.0f tokens", v->valuedouble);
	if (used_hit)
		sb_add(&base_notes, "; cache_read_mtok from input_cost_per_token_cache_hit");

	for (i = 0; i < nslots && !x->oom; i++) {
		struct slot *s = &slots[i];
		struct prices p = s->p;
		struct sbuf std = { 0 }, own = { 0 };
		notes.len = 0;
		sb_add(&notes, "%s", sb_text(&base_notes));
		for (f = 0; i > 0 && f < NF; f++) {
			const struct slot *from = NULL;
			size_t j;
			if (p.has[f])
				continue;
			/* the service tier's base price, else the standard one */
			for (j = 0; j < nslots && s->tier && s->above > 0; j++)
				if (slots[j].tier == s->tier && slots[j].above == 0 &&
				    slots[j].p.has[f])
					from = &slots[j];
			if (!from && slots[0].p.has[f])
				from = &slots[0];
			if (!from)
				continue;
			p.v[f] = from->p.v[f];
			p.has[f] = 1;
			if (from == &slots[0])
				sb_add(&std, "%s%s", std.len ? ", " : "", col_name[f]);
			else
				sb_add(&own, "%s%s", own.len ? ", " : "", col_name[f]);
		}
		if (own.len)
			sb_add(&notes, "; at the %s base price: %s", tier_name[s->tier], sb_text(&own));
		if (std.len)
			sb_add(&notes, "; at the standard price: %s", sb_text(&std));
		if (std.oom || own.oom || notes.oom || src.oom || base_notes.oom)
			x->oom = 1;
		else
			add_row(x, key, provider, model, tier_name[s->tier], s->above, &p,
				sb_text(&src), sb_text(&notes));
		free(std.s);
		free(own.s);
	}
	free(notes.s);
	free(src.s);
	free(base_notes.s);
}

static void litellm_import(struct ctx *x, const cJSON *root)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, root) {
		if (x->oom)
			return;
		if (!strcmp(e->string, "sample_spec"))
			continue;
		x->out->entries++;
		litellm_entry(x, e);
	}
}

/* ---- genai-prices ---- */

#define MAX_TIERS 16

/* A price value: a number, or a base with tiers. */
struct gval {
	int has;
	double base;
	size_t ntiers;
	double start[MAX_TIERS], price[MAX_TIERS];
};

/* Read one value; the reason when it cannot be read. */
static const char *genai_value(const cJSON *v, struct gval *g)
{
	const cJSON *b, *tiers, *t;

	memset(g, 0, sizeof(*g));
	if (cJSON_IsNumber(v)) {
		g->has = 1;
		g->base = v->valuedouble;
		return NULL;
	}
	b = cJSON_GetObjectItemCaseSensitive(v, "base");
	tiers = cJSON_GetObjectItemCaseSensitive(v, "tiers");
	if (!cJSON_IsObject(v) || !cJSON_IsNumber(b) || !cJSON_IsArray(tiers))
		return "is neither a number nor {base, tiers}";
	g->has = 1;
	g->base = b->valuedouble;
	cJSON_ArrayForEach(t, tiers) {
		const cJSON *s = cJSON_GetObjectItemCaseSensitive(t, "start");
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(t, "price");
		if (!cJSON_IsNumber(s) || !cJSON_IsNumber(p))
			return "has a tier without a numeric start and price";
		if (!(s->valuedouble > 0) || s->valuedouble > LLMTCO_MAX_AMOUNT)
			return "has a tier that does not start above 0 tokens";
		if (g->ntiers == MAX_TIERS)
			return "has too many tiers";
		g->start[g->ntiers] = s->valuedouble;
		g->price[g->ntiers++] = p->valuedouble;
	}
	return NULL;
}

/* The value at `above` input tokens: the last tier started by then, or base. */
static double gval_at(const struct gval *g, double above)
{
	double v = g->base, best = 0;
	size_t i;

	for (i = 0; i < g->ntiers; i++)
		if (g->start[i] <= above && g->start[i] >= best) {
			best = g->start[i];
			v = g->price[i];
		}
	return v;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* A constraint: 1 in force on as_of, 0 not, 2 a time of day; -1 bad. */
static int genai_constraint(const cJSON *c, const char *as_of, const char **date)
{
	const char *sd;

	*date = NULL;
	if (!c || cJSON_IsNull(c))
		return 1;
	if (!cJSON_IsObject(c))
		return -1;
	if ((sd = str_of(c, "start_date"))) {
		if (strlen(sd) < 10)
			return -1;
		*date = sd;
		return strncmp(sd, as_of, 10) <= 0;
	}
	if (str_of(c, "start_time") && str_of(c, "end_time"))
		return 2;
	return -1;
}

static void time_note(struct sbuf *b, const cJSON *el)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(el, "constraint");
	const cJSON *pr = cJSON_GetObjectItemCaseSensitive(el, "prices");
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(pr, "input_mtok");
	const cJSON *out = cJSON_GetObjectItemCaseSensitive(pr, "output_mtok");
	char a[40], o[40];

	sb_sep(b);
	sb_add(b, "from %s to %s", str_of(c, "start_time"), str_of(c, "end_time"));
	if (cJSON_IsNumber(in) && cJSON_IsNumber(out))
		sb_add(b, " input %s, output %s", num_text(a, sizeof(a), in->valuedouble),
		       num_text(o, sizeof(o), out->valuedouble));
	sb_add(b, " (time-of-day price, not imported)");
}

/*
 * The price object in force on the as-of date; notes about the choice go
 * to `b`. NULL (and the entry listed) when the list cannot be read.
 */
static const cJSON *genai_pick(struct ctx *x, const char *entry, const cJSON *prices,
			       struct sbuf *b)
{
	const cJSON *el, *chosen = NULL, *first = NULL;
	const char *date, *chosen_date = NULL, *next_date = NULL;
	int k, i = 0, chosen_i = -1;

	if (cJSON_IsObject(prices))
		return prices;
	if (!cJSON_IsArray(prices)) {
		skip(x, entry, "\"prices\" is neither an object nor a list");
		return NULL;
	}
	cJSON_ArrayForEach(el, prices) {
		const cJSON *pr = cJSON_GetObjectItemCaseSensitive(el, "prices");
		k = genai_constraint(cJSON_GetObjectItemCaseSensitive(el, "constraint"), x->as_of,
				     &date);
		if (!cJSON_IsObject(pr) || k < 0) {
			skip(x, entry, "price list entry %d has %s", i,
			     cJSON_IsObject(pr) ? "a constraint that is not understood"
						: "no \"prices\" object");
			return NULL;
		}
		if (!first)
			first = el;
		if (k == 1) {
			chosen = el;
			chosen_date = date;
			chosen_i = i;
		} else if (k == 0 && (!next_date || strncmp(date, next_date, 10) < 0)) {
			next_date = date;
		}
		i++;
	}
	if (!first) {
		skip(x, entry, "empty price list");
		return NULL;
	}
	if (!chosen) {
		chosen = first;
		chosen_i = 0;
		sb_sep(b);
		sb_add(b, "no price list in force on %s: the first one used", x->as_of);
	} else if (chosen_date) {
		sb_sep(b);
		sb_add(b, "prices from %.10s", chosen_date);
	}
	if (next_date) {
		sb_sep(b);
		sb_add(b, "new prices from %.10s not imported", next_date);
	}
	i = 0;
	cJSON_ArrayForEach(el, prices) {
		if (i++ > chosen_i &&
		    genai_constraint(cJSON_GetObjectItemCaseSensitive(el, "constraint"),
				     x->as_of, &date) == 2)
			time_note(b, el);
	}
	return cJSON_GetObjectItemCaseSensitive(chosen, "prices");
}

static void genai_model(struct ctx *x, const char *provider, const char *url,
			const cJSON *m, int index)
{
	static const struct {
		const char *key;
		int field;
	} keys[] = {
		{ "input_mtok", F_IN }, { "output_mtok", F_OUT },
		{ "cache_read_mtok", F_CR }, { "cache_write_mtok", F_CW },
		{ "requests_kcount", F_REQ },
	};
	struct gval g[NF];
	struct sbuf notes = { 0 }, src = { 0 }, other = { 0 };
	struct prices p;
	double starts[NF * MAX_TIERS];
	size_t nstarts = 0, i, t;
	const char *id = str_of(m, "id"), *why, *disp;
	const cJSON *prices, *v;
	char entry[300];
	int f;

	if (id && *id)
		snprintf(entry, sizeof(entry), "%s/%s", provider, id);
	else
		snprintf(entry, sizeof(entry), "%s/models[%d]", provider, index);
	if (!cJSON_IsObject(m) || !id || !*id) {
		skip(x, entry, "not a model object with an \"id\"");
		return;
	}
	disp = str_of(m, "name");
	sb_add(&notes, "genai-prices \"%s\"", disp ? disp : id);
	v = cJSON_GetObjectItemCaseSensitive(m, "context_window");
	if (cJSON_IsNumber(v))
		sb_add(&notes, ", context %.0f tokens", v->valuedouble);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m, "deprecated")))
		sb_add(&notes, ", deprecated");
	if (!(prices = genai_pick(x, entry, cJSON_GetObjectItemCaseSensitive(m, "prices"),
				  &notes)))
		goto done;
	memset(g, 0, sizeof(g));
	cJSON_ArrayForEach(v, prices) {
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strcmp(v->string, keys[i].key))
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			sb_add(&other, "%s%s", other.len ? ", " : "", v->string);
			continue;
		}
		f = keys[i].field;
		if ((why = genai_value(v, &g[f]))) {
			skip(x, entry, "\"%s\" %s", v->string, why);
			goto done;
		}
		if (f == F_REQ) { /* per thousand requests */
			g[f].base = tidy(g[f].base / 1000);
			for (t = 0; t < g[f].ntiers; t++)
				g[f].price[t] = tidy(g[f].price[t] / 1000);
		}
		if (nstarts + g[f].ntiers > sizeof(starts) / sizeof(starts[0])) {
			skip(x, entry, "too many price tiers");
			goto done;
		}
		for (t = 0; t < g[f].ntiers; t++)
			starts[nstarts++] = g[f].start[t];
	}
	if (other.len) {
		sb_sep(&notes);
		sb_add(&notes, "not imported: %s", sb_text(&other));
	}
	memset(&p, 0, sizeof(p));
	for (f = 0; f < NF; f++) {
		p.has[f] = (unsigned char)g[f].has;
		p.v[f] = g[f].base;
	}
	if (!has_token_prices(x, entry, &p))
		goto done;
	source_text(&src, x, "genai-prices data v2", url);
	if (notes.oom || src.oom || other.oom) {
		x->oom = 1;
		goto done;
	}
	add_row(x, entry, provider, id, "", 0, &p, sb_text(&src), sb_text(&notes));
	qsort(starts, nstarts, sizeof(starts[0]), dbl_cmp);
	for (i = 0; i < nstarts && !x->oom; i++) {
		if (i && starts[i] == starts[i - 1])
			continue;
		for (f = 0; f < NF; f++)
			p.v[f] = gval_at(&g[f], starts[i]);
		add_row(x, entry, provider, id, "", starts[i], &p, sb_text(&src),
			sb_text(&notes));
	}
done:
	free(notes.s);
	free(src.s);
	free(other.s);
}

static void genai_import(struct ctx *x, const cJSON *root)
{
	const cJSON *prov, *m, *models, *urls;
	const char *id, *url;
	char name[40];
	int i = 0, j;

	cJSON_ArrayForEach(prov, root) {
		id = str_of(prov, "id");
		models = cJSON_GetObjectItemCaseSensitive(prov, "models");
		if (!cJSON_IsObject(prov) || !id || !*id || !cJSON_IsArray(models)) {
			snprintf(name, sizeof(name), "[%d]", i);
			x->out->entries++;
			skip(x, id && *id ? id : name, "not a provider with an \"id\" and \"models\"");
			i++;
			continue;
		}
		urls = cJSON_GetObjectItemCaseSensitive(prov, "pricing_urls");
		url = cJSON_IsArray(urls) && cJSON_IsString(cJSON_GetArrayItem(urls, 0))
			? cJSON_GetArrayItem(urls, 0)->valuestring : NULL;
		j = 0;
		cJSON_ArrayForEach(m, models) {
			if (x->oom)
				return;
			x->out->entries++;
			genai_model(x, id, url, m, j++);
		}
		i++;
	}
}

/* ---- OpenRouter ---- */

static void openrouter_model(struct ctx *x, const cJSON *m, int index)
{
	static const struct {
		const char *key;
		int field;
	} keys[] = {
		{ "prompt", F_IN }, { "completion", F_OUT },
		{ "input_cache_read", F_CR }, { "input_cache_write", F_CW },
		{ "request", F_REQ },
	};
	const char *id = str_of(m, "id"), *slash, *why, *disp;
	const cJSON *pricing, *v;
	struct sbuf notes = { 0 }, src = { 0 }, other = { 0 };
	struct prices p;
	char entry[300], provider[128], num[40];
	size_t i;
	double d;

	if (id && *id)
		snprintf(entry, sizeof(entry), "%s", id);
	else
		snprintf(entry, sizeof(entry), "data[%d]", index);
	if (!cJSON_IsObject(m) || !id || !*id) {
		skip(x, entry, "not a model object with an \"id\"");
		return;
	}
	pricing = cJSON_GetObjectItemCaseSensitive(m, "pricing");
	if (!cJSON_IsObject(pricing)) {
		skip(x, entry, "no \"pricing\" object");
		return;
	}
	memset(&p, 0, sizeof(p));
	/* a router's -1 first: it says more than any other problem */
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		v = cJSON_GetObjectItemCaseSensitive(pricing, keys[i].key);
		if ((cJSON_IsString(v) && !num_parse(v->valuestring, &d, &why) && d == -1) ||
		    (cJSON_IsNumber(v) && v->valuedouble == -1)) {
			skip(x, entry, "dynamic price (-1)");
			return;
		}
	}
	cJSON_ArrayForEach(v, pricing) {
		int f = -1;
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strcmp(v->string, keys[i].key))
				f = keys[i].field;
		if (cJSON_IsNull(v))
			continue;
		if (cJSON_IsNumber(v)) {
			d = v->valuedouble;
		} else if (!cJSON_IsString(v)) {
			if (f < 0)
				continue;
			skip(x, entry, "\"%s\" is not a string", v->string);
			goto done;
		} else if (num_parse(v->valuestring, &d, &why)) {
			if (f < 0)
				continue;
			skip(x, entry, "\"%s\" %s: \"%.40s\"", v->string, why, v->valuestring);
			goto done;
		}
		if (f < 0) {
			if (d != 0)
				sb_add(&other, "%s%s %s", other.len ? ", " : "", v->string,
				       num_text(num, sizeof(num), d));
			continue;
		}
		p.v[f] = f == F_REQ ? d : per_million(d);
		p.has[f] = 1;
	}
	if (!has_token_prices(x, entry, &p))
		goto done;
	slash = strchr(id, '/');
	if (slash && slash > id && slash[1]) {
		snprintf(provider, sizeof(provider), "%.*s", (int)(slash - id), id);
	} else {
		snprintf(provider, sizeof(provider), "openrouter");
		slash = NULL;
	}
	disp = str_of(m, "name");
	sb_add(&notes, "OpenRouter \"%s\"", disp ? disp : id);
	v = cJSON_GetObjectItemCaseSensitive(m, "context_length");
	if (cJSON_IsNumber(v))
		sb_add(&notes, ", context %.0f tokens", v->valuedouble);
	if (other.len)
		sb_add(&notes, "; not imported: %s", sb_text(&other));
	source_text(&src, x, "OpenRouter /api/v1/models", NULL);
	if (notes.oom || src.oom || other.oom) {
		x->oom = 1;
		goto done;
	}
	add_row(x, entry, provider, slash ? slash + 1 : id, "", 0, &p, sb_text(&src),
		sb_text(&notes));
done:
	free(notes.s);
	free(src.s);
	free(other.s);
}

static void openrouter_import(struct ctx *x, const cJSON *data)
{
	const cJSON *m;
	int i = 0;

	cJSON_ArrayForEach(m, data) {
		if (x->oom)
			return;
		x->out->entries++;
		openrouter_model(x, m, i++);
	}
}

/* ---- parsing ---- */

/* Parse the whole text; NULL with `err` at file:line:col when it is not JSON. */
static cJSON *parse(const char *name, const char *json, size_t len, struct llmtco_err *err,
		    int *rc)
{
	return json_parse_located(name, json, len, "JSON", NULL, rc, err);
}

/* ---- the entry point ---- */

void import_result_init(struct import_result *r)
{
	memset(r, 0, sizeof(*r));
}

void import_result_release(struct import_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nrows; i++) {
		free(r->rows[i].price.provider);
		free(r->rows[i].price.model);
		free(r->rows[i].price.source);
		free(r->rows[i].notes);
		free(r->rows[i].entry);
	}
	for (i = 0; i < r->nskipped; i++) {
		free(r->skipped[i].name);
		free(r->skipped[i].reason);
	}
	free(r->rows);
	free(r->skipped);
	memset(r, 0, sizeof(*r));
}

static const char *const format_names[] = { "litellm", "genai-prices", "openrouter" };

int import_format_parse(const char *name, enum import_format *fmt)
{
	int i;

	for (i = 0; i < 3; i++)
		if (!strcmp(name, format_names[i])) {
			*fmt = (enum import_format)i;
			return 0;
		}
	return -1;
}

const char *import_format_name(enum import_format fmt)
{
	return (unsigned)fmt < 3 ? format_names[fmt] : "?";
}

int import_prices(enum import_format fmt, const char *name, const char *json,
		  size_t len, const char *as_of_date, struct import_result *out,
		  struct llmtco_err *err)
{
	struct ctx x;
	struct option tmp;
	struct llmtco_err e;
	const cJSON *data;
	const char *slash;
	cJSON *root;
	int rc;

	memset(&tmp, 0, sizeof(tmp)); /* the catalog's own date rule */
	if (!as_of_date || option_set_text(&tmp, field_find("as_of"), as_of_date, &e))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "the as-of date must be YYYY-MM-DD, not \"%.40s\"",
			       as_of_date ? as_of_date : "");
	memset(&x, 0, sizeof(x));
	x.out = out;
	x.file = !strcmp(name, "-") ? "standard input"
		 : (slash = strrchr(name, '/')) ? slash + 1 : name;
	x.as_of = tmp.as_of;
	if (!(root = parse(name, json, len, err, &rc)))
		return rc;
	switch (fmt) {
	case IMPORT_LITELLM:
		if (!cJSON_IsObject(root)) {
			rc = err_set(err, LLMTCO_EDATA, name, 1, 1,
				     "a LiteLLM price map must be a JSON object keyed by model");
			break;
		}
		litellm_import(&x, root);
		break;
	case IMPORT_GENAI:
		if (!cJSON_IsArray(root)) {
			rc = err_set(err, LLMTCO_EDATA, name, 1, 1,
				     "genai-prices data must be a JSON array of providers");
			break;
		}
		genai_import(&x, root);
		break;
	case IMPORT_OPENROUTER:
		data = cJSON_GetObjectItemCaseSensitive(root, "data");
		if (!cJSON_IsArray(data)) {
			rc = err_set(err, LLMTCO_EDATA, name, 1, 1,
				     "an OpenRouter model list must be an object with a \"data\" array");
			break;
		}
		openrouter_import(&x, data);
		break;
	default:
		rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "unknown import format");
	}
	cJSON_Delete(root);
	if (!rc && x.oom)
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	return rc;
}
