/*
 * catalog.c - the catalog's memory, lookups and copies.
 */
#include "catalog.h"

#include <ctype.h>
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

const struct model_price *catalog_model(const struct catalog *c,
					const char *name, size_t *ambiguous)
{
	const struct model_price *found = NULL;
	const char *slash = strchr(name, '/');
	size_t i, n = 0;

	if (ambiguous)
		*ambiguous = 0;
	for (i = 0; i < c->nmodels; i++) {
		const struct model_price *m = &c->models[i];
		if (slash) {
			size_t plen = (size_t)(slash - name);
			if (strlen(m->provider) != plen ||
			    strncasecmp(m->provider, name, plen) ||
			    strcasecmp(m->model, slash + 1))
				continue;
		} else if (strcasecmp(m->model, name)) {
			continue;
		}
		found = m;
		n++;
	}
	if (n > 1) {
		if (ambiguous)
			*ambiguous = n;
		return NULL;
	}
	return found;
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
