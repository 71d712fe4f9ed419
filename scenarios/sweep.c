/*
 * sweep.c - costs over a grid of one variable.
 */
#include "sweep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The options a sweep shows: selected and priceable (limits aside). */
static int sweep_options(const struct catalog *c, const struct scenario *s,
			 const struct workload *w, struct sweep *sw,
			 struct llmtco_err *err)
{
	unsigned char *sel = NULL;
	size_t i, n = 0;
	int rc;

	sw->opts = malloc((c->noptions + 1) * sizeof(*sw->opts));
	if (!sw->opts)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	if ((rc = tco_select(c, s, &sel, err)))
		return rc;
	for (i = 0; i < c->noptions; i++) {
		struct exclusion x;
		if (sel[i] && !tco_excluded(&c->options[i], s, w, 0, &x))
			sw->opts[n++] = i;
	}
	free(sel);
	sw->nopts = n;
	if (!n)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "no option can be priced");
	return LLMTCO_OK;
}

/* Keep the crossings in [from, to]; solve the default pairs on [0, to]. */
static int sweep_crossings(const struct catalog *c, const struct scenario *s,
			   struct sweep *sw, double from, double to,
			   struct llmtco_err *err)
{
	size_t *idx = NULL, n = 0, i, k, kept;
	int rc;

	rc = breakeven_pairs(c, s, sw->v, NULL, NULL, &idx, &n, err);
	if (rc == LLMTCO_EUSAGE) { /* no self-hosted x managed pair: no crossings */
		err_clear(err);
		return LLMTCO_OK;
	}
	if (rc)
		return rc;
	sw->pairs = calloc(n + 1, sizeof(*sw->pairs));
	if (!sw->pairs) {
		free(idx);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n && !rc; i++) {
		struct be_pair *p = &sw->pairs[sw->npairs];
		if ((rc = breakeven_pair(c, s, sw->v, idx[2 * i], idx[2 * i + 1], to, p, err)))
			break;
		for (k = kept = 0; k < p->n; k++)
			if (p->x[k].value >= from)
				p->x[kept++] = p->x[k];
		p->n = kept;
		sw->npairs++;
	}
	free(idx);
	return rc;
}

int sweep_run(const struct catalog *c, const struct scenario *s, enum be_var v,
	      double from, double to, size_t n, int log, struct sweep *out,
	      struct llmtco_err *err)
{
	struct tco_inputs in;
	size_t i, k;
	int rc;

	memset(out, 0, sizeof(*out));
	out->v = v;
	if (n < 2)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--steps must be at least 2");
	if (!(to > from))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--to must be above --from");
	if (log && !(from > 0))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--log needs --from above 0");
	if ((rc = tco_inputs_at(c, s, v, from, &in, NULL, err)) ||
	    (rc = sweep_options(c, s, &in.w, out, err)))
		goto fail;
	out->x = malloc(n * sizeof(*out->x));
	out->cost = calloc(n * out->nopts, sizeof(*out->cost));
	out->priced = calloc(n * out->nopts, 1);
	if (!out->x || !out->cost || !out->priced) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	out->n = n;
	for (i = 0; i < n; i++) {
		double t = (double)i / (double)(n - 1);
		out->x[i] = log ? from * pow(to / from, t) : from + (to - from) * t;
	}
	out->x[n - 1] = to; /* exactly, whatever the rounding */
	for (i = 0; i < n; i++) {
		if ((rc = tco_inputs_at(c, s, v, out->x[i], &in, NULL, err)))
			goto fail;
		for (k = 0; k < out->nopts; k++) {
			const struct option *o = &c->options[out->opts[k]];
			if (in.w.requests > o->max_requests.value)
				continue; /* beyond the plan's limit: no price */
			tco_option_cost(o, &in, &out->cost[i * out->nopts + k]);
			out->priced[i * out->nopts + k] = 1;
		}
	}
	if ((rc = sweep_crossings(c, s, out, from, to, err)))
		goto fail;
	return LLMTCO_OK;
fail:
	sweep_release(out);
	return rc;
}

void sweep_release(struct sweep *sw)
{
	size_t i;

	if (!sw)
		return;
	for (i = 0; i < sw->npairs; i++)
		be_pair_release(&sw->pairs[i]);
	free(sw->pairs);
	free(sw->x);
	free(sw->opts);
	free(sw->cost);
	free(sw->priced);
	memset(sw, 0, sizeof(*sw));
}
