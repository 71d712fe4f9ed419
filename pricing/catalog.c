/*
 * catalog.c - the catalog's memory, lookups and copies.
 */
#include "catalog.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

void catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof(*c));
}

static void tier_release(struct tier *t)
{
	free(t->source);
	t->source = NULL;
}

static void item_release(struct infra_item *it)
{
	free(it->source);
	it->source = NULL;
}

void option_release(struct option *o)
{
	size_t i;

	if (!o)
		return;
	free(o->name);
	free(o->sla);
	free(o->source);
	free(o->notes);
	for (i = 0; i < o->ntiers; i++)
		tier_release(&o->tiers[i]);
	free(o->tiers);
	for (i = 0; i < o->nitems; i++)
		item_release(&o->items[i]);
	free(o->items);
	memset(o, 0, sizeof(*o));
}

static char *dup_or_null(const char *s, int *failed)
{
	char *d;

	if (!s)
		return NULL;
	d = strdup(s);
	if (!d)
		*failed = 1;
	return d;
}

int option_copy(struct option *dst, const struct option *src)
{
	int failed = 0;
	size_t i;

	*dst = *src;
	dst->name = dup_or_null(src->name, &failed);
	dst->sla = dup_or_null(src->sla, &failed);
	dst->source = dup_or_null(src->source, &failed);
	dst->notes = dup_or_null(src->notes, &failed);
	dst->tiers = NULL;
	dst->items = NULL;
	dst->ntiers = dst->nitems = 0;
	if (src->ntiers) {
		dst->tiers = calloc(src->ntiers, sizeof(*dst->tiers));
		if (!dst->tiers)
			failed = 1;
		for (i = 0; dst->tiers && i < src->ntiers; i++) {
			dst->tiers[i] = src->tiers[i];
			dst->tiers[i].source = dup_or_null(src->tiers[i].source, &failed);
			dst->ntiers++;
		}
	}
	if (src->nitems) {
		dst->items = calloc(src->nitems, sizeof(*dst->items));
		if (!dst->items)
			failed = 1;
		for (i = 0; dst->items && i < src->nitems; i++) {
			dst->items[i] = src->items[i];
			dst->items[i].source = dup_or_null(src->items[i].source, &failed);
			dst->nitems++;
		}
	}
	if (failed) {
		option_release(dst);
		return LLMTCO_EIO;
	}
	return LLMTCO_OK;
}

void catalog_release(struct catalog *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->noptions; i++)
		option_release(&c->options[i]);
	free(c->options);
	for (i = 0; i < c->nmodels; i++) {
		free(c->models[i].provider);
		free(c->models[i].model);
		free(c->models[i].source);
	}
	free(c->models);
	for (i = 0; i < c->nfacts; i++) {
		free(c->facts[i].unit);
		free(c->facts[i].source);
	}
	free(c->facts);
	for (i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	catalog_init(c);
}

size_t catalog_match(const struct catalog *c, const char *key, size_t *idx,
		     size_t max)
{
	const char *slash = strchr(key, '/');
	size_t idlen = slash ? (size_t)(slash - key) : strlen(key);
	size_t i, n = 0;

	for (i = 0; i < c->noptions; i++) {
		const struct option *o = &c->options[i];
		if (strlen(o->id) != idlen || strncmp(o->id, key, idlen))
			continue;
		if (slash && strcmp(o->plan, slash + 1))
			continue;
		if (n < max)
			idx[n] = i;
		n++;
	}
	return n;
}

const struct fact *catalog_fact(const struct catalog *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->nfacts; i++)
		if (!strcmp(c->facts[i].key, key))
			return &c->facts[i];
	return NULL;
}

/*
 * A model name for loose comparison: lowercase, with a trailing date
 * ("-20241022", "-2024-10-22", "@20241022") removed.
 */
static void model_norm(const char *s, size_t len, char *out, size_t size)
{
	size_t n = len < size - 1 ? len : size - 1, i;

	for (i = 0; i < n; i++) /* '.' and '-' alike: "opus-4.8" is "opus-4-8" */
		out[i] = s[i] == '.' ? '-' : (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	/* "-YYYYMMDD" or "@YYYYMMDD" */
	if (n > 9 && (out[n - 9] == '-' || out[n - 9] == '@') &&
	    strspn(out + n - 8, "0123456789") == 8) {
		out[n - 9] = '\0';
		return;
	}
	/* "-YYYY-MM-DD" */
	if (n > 11 && out[n - 11] == '-' && strspn(out + n - 10, "0123456789") == 4 &&
	    out[n - 6] == '-' && out[n - 3] == '-' &&
	    strspn(out + n - 5, "0123456789") == 2 && strspn(out + n - 2, "0123456789") == 2)
		out[n - 11] = '\0';
}

/* Does row m name this provider (or any, when prov is NULL) and model? */
static int model_is(const struct model_price *m, const char *prov, size_t plen,
		    const char *model, size_t mlen, int loose)
{
	char a[160], b[160];

	if (prov && (strlen(m->provider) != plen || strncasecmp(m->provider, prov, plen)))
		return 0;
	if (!loose)
		return strlen(m->model) == mlen && !strncasecmp(m->model, model, mlen);
	model_norm(m->model, strlen(m->model), a, sizeof(a));
	model_norm(model, mlen, b, sizeof(b));
	return !strcmp(a, b);
}

static int base_row(const struct model_price *m)
{
	return !m->service_tier[0] && m->above_input_tokens == 0;
}

/* The base row of the one model that matches, or NULL (*amb set when several). */
static const struct model_price *find_base(const struct catalog *c, const char *hint,
					   const char *name, size_t *amb)
{
	const char *slash = strchr(name, '/');
	const char *prov = slash ? name : NULL, *model = slash ? slash + 1 : name;
	size_t plen = slash ? (size_t)(slash - name) : 0, mlen = strlen(model);
	int loose, pass;
	size_t i;

	for (loose = 0; loose < 2; loose++)
		for (pass = 0; pass < 2; pass++) {
			/* pass 0: under the hint (bare names only); pass 1: anywhere */
			const char *p = prov;
			size_t pl = plen, n = 0;
			const struct model_price *found = NULL;
			if (pass == 0) {
				if (prov || !hint)
					continue;
				p = hint;
				pl = strlen(hint);
			}
			for (i = 0; i < c->nmodels; i++) {
				const struct model_price *m = &c->models[i];
				if (!base_row(m) || !model_is(m, p, pl, model, mlen, loose))
					continue;
				/* one provider's spellings of one model ("opus-4.8", "opus-4-8"):
				   the later row, a layer on top, wins */
				if (found && !strcasecmp(found->provider, m->provider) &&
				    (loose || !strcasecmp(found->model, m->model))) {
					found = m;
					continue;
				}
				found = m;
				n++;
			}
			if (n == 1)
				return found;
			if (n > 1) {
				*amb = n;
				return NULL;
			}
		}
	return NULL;
}

const struct model_price *catalog_model_price(const struct catalog *c,
					      const char *provider_hint,
					      const char *name,
					      const char *service_tier,
					      double input_tokens,
					      size_t *ambiguous)
{
	const struct model_price *base, *best;
	const char *tier = service_tier ? service_tier : "";
	size_t i, amb = 0;
	int has_tier = 0;

	base = find_base(c, provider_hint, name, &amb);
	if (ambiguous)
		*ambiguous = amb;
	if (!base)
		return NULL;
	for (i = 0; *tier && i < c->nmodels; i++)
		if (!strcmp(c->models[i].provider, base->provider) &&
		    !strcmp(c->models[i].model, base->model) &&
		    !strcasecmp(c->models[i].service_tier, tier))
			has_tier = 1;
	if (!has_tier)
		tier = "";
	best = NULL;
	for (i = 0; i < c->nmodels; i++) {
		const struct model_price *m = &c->models[i];
		if (strcmp(m->provider, base->provider) || strcmp(m->model, base->model) ||
		    strcasecmp(m->service_tier, tier) || !(m->above_input_tokens < input_tokens ||
							   m->above_input_tokens == 0))
			continue;
		if (!best || m->above_input_tokens > best->above_input_tokens)
			best = m;
	}
	return best ? best : base;
}

const struct model_price *catalog_model(const struct catalog *c,
					const char *name, size_t *ambiguous)
{
	return catalog_model_price(c, NULL, name, NULL, 0, ambiguous);
}

const char *deployment_name(enum deployment d)
{
	switch (d) {
	case DEPLOY_SELF_HOSTED:
		return "self-hosted";
	case DEPLOY_MANAGED:
		return "managed";
	case DEPLOY_ROUTER:
		return "router";
	}
	return "?";
}

const char *residency_name(enum residency r)
{
	switch (r) {
	case RESIDENCY_NONE:
		return "none";
	case RESIDENCY_CONFIGURABLE:
		return "configurable";
	case RESIDENCY_FULL:
		return "full";
	}
	return "?";
}

void option_key(const struct catalog *c, const struct option *o, char *buf,
		size_t size)
{
	if (catalog_match(c, o->id, NULL, 0) > 1)
		snprintf(buf, size, "%s/%s", o->id, o->plan);
	else
		snprintf(buf, size, "%s", o->id);
}

double model_cost(const struct model_price *p, double requests, double input,
		  double cache_read, double cache_write, double output)
{
	double cr = isnan(p->cache_read_mtok) ? p->input_mtok : p->cache_read_mtok;
	double cw = isnan(p->cache_write_mtok) ? p->input_mtok : p->cache_write_mtok;

	return (input * p->input_mtok + cache_read * cr + cache_write * cw +
		output * p->output_mtok) / 1e6 + requests * p->usd_per_request;
}
