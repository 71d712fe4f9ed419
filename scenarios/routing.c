/*
 * routing.c - the saving of a routing policy over a traffic mix.
 */
#include "routing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A slice of traffic: one model priced for one token profile. */
struct slice {
	const char *name;
	const struct model_price *price;
	double share;
	double in, cached, out; /* tokens per request */
};

static const struct model_price *price_of(const struct catalog *c, const char *name,
					  double in, const char *what,
					  struct llmtco_err *err)
{
	const struct model_price *p;
	size_t amb;

	p = catalog_model_price(c, NULL, name, NULL, in, &amb);
	if (!p && amb)
		err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			"%s \"%s\" matches %zu models: name it as provider/model", what, name, amb);
	else if (!p)
		err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			"%s \"%s\" has no price (add it with --pricing)", what, name);
	return p;
}

static double slice_usd(const struct slice *s)
{
	return s->share * model_cost(s->price, 1, s->in - s->cached, s->cached, 0, s->out);
}

/* The result row of a model name, added when new. */
static struct routed_model *row_of(struct routing_result *r, const char *name,
				   const struct model_price *p)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->m[i].price == p)
			return &r->m[i];
	memset(&r->m[r->n], 0, sizeof(r->m[0]));
	snprintf(r->m[r->n].name, sizeof(r->m[0].name), "%s", name);
	r->m[r->n].price = p;
	return &r->m[r->n++];
}

int routing_run(const struct catalog *c, const struct scenario *s,
		struct routing_result *out, struct llmtco_err *err)
{
	struct slice *sl;
	size_t n = 0, cap = s->nmix + s->nroutes + 1, i, k;
	int rc = LLMTCO_OK;

	memset(out, 0, sizeof(*out));
	if (!s->nmix)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "a routing policy needs the traffic mix: give workload.mix or --mix");
	/* every route can split every slice: at most cap x routes slices */
	cap *= s->nroutes + 1;
	sl = calloc(cap, sizeof(*sl));
	out->m = calloc(cap, sizeof(*out->m));
	if (!sl || !out->m) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < s->nmix; i++) {
		const struct mix_entry *e = &s->mix[i];
		sl[n].name = e->model;
		sl[n].share = e->share.r.value;
		sl[n].in = e->input_tokens.r.value;
		sl[n].cached = e->cached_tokens.r.value < sl[n].in ? e->cached_tokens.r.value
								   : sl[n].in;
		sl[n].out = e->output_tokens.r.value;
		if (!(sl[n].price = price_of(c, e->model, sl[n].in, "workload.mix model", err))) {
			rc = LLMTCO_EDATA;
			goto out;
		}
		out->before += slice_usd(&sl[n]);
		row_of(out, e->model, sl[n].price)->share_before += sl[n].share;
		row_of(out, e->model, sl[n].price)->usd_before += slice_usd(&sl[n]);
		n++;
	}
	for (k = 0; k < s->nroutes; k++) {
		const struct route *rt = &s->routes[k];
		const struct model_price *from, *to;
		double frac = rt->share_pct.r.value / 100.0;
		size_t m = n, found = 0;

		if (!(from = price_of(c, rt->from, 0, "route from", err)) ||
		    !(to = price_of(c, rt->to, 0, "route to", err))) {
			rc = LLMTCO_EDATA;
			goto out;
		}
		for (i = 0; i < m; i++) {
			if (!sl[i].price || strcmp(sl[i].price->provider, from->provider) ||
			    strcmp(sl[i].price->model, from->model) || sl[i].share <= 0)
				continue;
			found = 1;
			sl[n] = sl[i];
			sl[n].name = rt->to;
			sl[n].share = sl[i].share * frac;
			/* the moved requests keep their tokens: TO's tier for that size */
			sl[n].price = catalog_model_price(c, NULL, rt->to, NULL, sl[i].in, NULL);
			if (!sl[n].price)
				sl[n].price = to;
			sl[i].share -= sl[n].share;
			n++;
		}
		if (!found) {
			rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				     "route from \"%s\": no such model in the mix", rt->from);
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		struct routed_model *r = row_of(out, sl[i].name, sl[i].price);
		r->share_after += sl[i].share;
		r->usd_after += slice_usd(&sl[i]);
		out->after += slice_usd(&sl[i]);
	}
	out->saving_pct = out->before > 0 ? 100.0 * (1 - out->after / out->before) : 0;
out:
	free(sl);
	if (rc)
		routing_release(out);
	return rc;
}

void routing_release(struct routing_result *r)
{
	if (!r)
		return;
	free(r->m);
	memset(r, 0, sizeof(*r));
}
