/*
 * check.c - a scenario under two catalogs.
 */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first crossing of each default pair, in API spend over [0, max]. */
struct side {
	struct comparison cmp;
	size_t *pairs;
	size_t npairs;
	struct be_pair *be;
};

static void side_release(struct side *sd)
{
	size_t i;

	comparison_release(&sd->cmp);
	for (i = 0; sd->be && i < sd->npairs; i++)
		be_pair_release(&sd->be[i]);
	free(sd->be);
	free(sd->pairs);
	memset(sd, 0, sizeof(*sd));
}

static int evaluate(const struct catalog *c, const struct scenario *s, double max,
		    struct side *sd, struct llmtco_err *err)
{
	size_t i;
	int rc;

	memset(sd, 0, sizeof(*sd));
	if ((rc = tco_compare(c, s, &sd->cmp, err)))
		return rc;
	rc = breakeven_pairs(c, s, BE_SPEND, NULL, NULL, &sd->pairs, &sd->npairs, err);
	if (rc == LLMTCO_EUSAGE) { /* nothing to pair */
		err_clear(err);
		return LLMTCO_OK;
	}
	if (rc)
		return rc;
	if (!(sd->be = calloc(sd->npairs + 1, sizeof(*sd->be))))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 0; i < sd->npairs; i++)
		if ((rc = breakeven_pair(c, s, BE_SPEND, sd->pairs[2 * i], sd->pairs[2 * i + 1],
					 max, &sd->be[i], err)))
			return rc;
	return LLMTCO_OK;
}

static void key_of(const struct catalog *c, size_t i, char *buf, size_t size)
{
	option_key(c, &c->options[i], buf, size);
}

static struct check_option *option_row(struct check_result *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->noptions; i++)
		if (!strcmp(r->options[i].key, key))
			return &r->options[i];
	memset(&r->options[r->noptions], 0, sizeof(r->options[0]));
	snprintf(r->options[r->noptions].key, sizeof(r->options[0].key), "%s", key);
	return &r->options[r->noptions++];
}

static struct check_crossing *crossing_row(struct check_result *r, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < r->ncrossings; i++)
		if (!strcmp(r->crossings[i].a, a) && !strcmp(r->crossings[i].b, b))
			return &r->crossings[i];
	memset(&r->crossings[r->ncrossings], 0, sizeof(r->crossings[0]));
	snprintf(r->crossings[r->ncrossings].a, sizeof(r->crossings[0].a), "%s", a);
	snprintf(r->crossings[r->ncrossings].b, sizeof(r->crossings[0].b), "%s", b);
	return &r->crossings[r->ncrossings++];
}

int check_scenario(const struct catalog *base, const struct catalog *next,
		   const struct scenario *s, struct check_result *out,
		   struct llmtco_err *err)
{
	struct side sb, sn;
	const struct side *sides[2] = { &sb, &sn };
	const struct catalog *cats[2] = { base, next };
	double max = be_default_max(BE_SPEND);
	size_t i, k;
	int rc, side;

	memset(out, 0, sizeof(*out));
	memset(&sn, 0, sizeof(sn));
	if ((rc = evaluate(base, s, max, &sb, err)))
		goto out;
	/* the crossings cover at least 4x today's spend, as the memo's do */
	if (4 * sb.cmp.w.api_spend > max)
		max = 4 * sb.cmp.w.api_spend;
	side_release(&sb);
	if ((rc = evaluate(base, s, max, &sb, err)) || (rc = evaluate(next, s, max, &sn, err)))
		goto out;
	out->options = calloc(base->noptions + next->noptions + 1, sizeof(*out->options));
	out->crossings = calloc(sb.npairs + sn.npairs + 1, sizeof(*out->crossings));
	if (!out->options || !out->crossings) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (side = 0; side < 2; side++) {
		const struct side *sd = sides[side];
		const struct catalog *c = cats[side];
		char key[96], kb[96];
		for (i = 0; i < sd->cmp.nrows; i++) {
			struct check_option *o;
			key_of(c, sd->cmp.rows[i].option, key, sizeof(key));
			o = option_row(out, key);
			if (side) {
				o->after_ranked = 1;
				o->after = sd->cmp.rows[i].cost.total;
			} else {
				o->before_ranked = 1;
				o->before = sd->cmp.rows[i].cost.total;
			}
		}
		if (sd->cmp.nrows)
			key_of(c, sd->cmp.rows[0].option,
			       side ? out->cheapest_after : out->cheapest_before,
			       sizeof(out->cheapest_before));
		for (i = 0; i < sd->npairs; i++) {
			struct check_crossing *x;
			key_of(c, sd->be[i].a, key, sizeof(key));
			key_of(c, sd->be[i].b, kb, sizeof(kb));
			x = crossing_row(out, key, kb);
			if (side) {
				x->after_n = (int)sd->be[i].n;
				x->after = sd->be[i].n ? sd->be[i].x[0].value : 0;
			} else {
				x->before_n = (int)sd->be[i].n;
				x->before = sd->be[i].n ? sd->be[i].x[0].value : 0;
			}
		}
	}
	/* a flip: the cheapest changed and the old cheapest is not tied with it */
	if (strcmp(out->cheapest_before, out->cheapest_after)) {
		const struct check_option *a = option_row(out, out->cheapest_before);
		const struct check_option *b = option_row(out, out->cheapest_after);
		out->flip = !a->after_ranked || !b->after_ranked ||
			    money_round(a->after) != money_round(b->after);
	}
	for (k = 0; k < out->noptions; k++) {
		struct check_option *o = &out->options[k];
		double pct;
		if (!o->before_ranked || !o->after_ranked) {
			pct = o->before_ranked != o->after_ranked ? (double)INFINITY : 0;
		} else {
			o->delta = o->after - o->before;
			pct = o->before > 0 ? 100 * o->delta / o->before
			      : money_round(o->delta) != 0 ? (double)INFINITY : 0;
		}
		o->delta_pct = pct;
		if (fabs(pct) > out->max_change_pct)
			out->max_change_pct = fabs(pct);
	}
	for (k = 0; k < out->ncrossings; k++) {
		struct check_crossing *x = &out->crossings[k];
		if (!x->before_n && !x->after_n)
			x->shift_pct = 0;
		else if (!x->before_n || !x->after_n)
			x->shift_pct = INFINITY;
		else
			x->shift_pct = x->before > 0 ? 100 * fabs(x->after - x->before) / x->before
				     : (x->after > 0 ? (double)INFINITY : 0);
		if (x->shift_pct > out->max_shift_pct)
			out->max_shift_pct = x->shift_pct;
	}
out:
	side_release(&sb);
	side_release(&sn);
	if (rc)
		check_release(out);
	return rc;
}

void check_release(struct check_result *r)
{
	if (!r)
		return;
	free(r->options);
	free(r->crossings);
	memset(r, 0, sizeof(*r));
}
