/*
 * breakeven.c - crossings of two options' totals in one variable.
 */
#include "breakeven.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 1000000   /* price steps examined in one range */
#define ZERO_USD 0.005      /* totals this close are equal (to the cent) */

static const char *const var_names[] = {
	"spend", "requests", "tokens-per-day", "hours", "rate"
};
static const char *const var_units[] = {
	"USD/month", "requests/month", "tokens/day", "hours/month", "USD/hour"
};
static const double var_max[] = { 1e5, 1e8, 1e10, 200, 500 };

const char *be_var_name(enum be_var v)
{
	return var_names[v];
}

const char *be_var_unit(enum be_var v)
{
	return var_units[v];
}

int be_var_parse(const char *name, enum be_var *v)
{
	size_t i;

	for (i = 0; i < sizeof(var_names) / sizeof(var_names[0]); i++)
		if (!strcmp(name, var_names[i])) {
			*v = (enum be_var)i;
			return 0;
		}
	return -1;
}

double be_default_max(enum be_var v)
{
	return var_max[v];
}

static struct param fixed(double x)
{
	struct param p;

	p.set = 1;
	p.r = range_fixed(x);
	return p;
}

int tco_inputs_at(const struct catalog *c, const struct scenario *s,
		  enum be_var v, double x, struct tco_inputs *in,
		  struct comparison *cmp, struct llmtco_err *err)
{
	struct scenario t = *s; /* a shallow copy: nothing of it is freed */

	switch (v) {
	case BE_SPEND:
		t.api_spend = fixed(x);
		t.tokens_per_day.set = t.usd_per_mtok.set = 0;
		break;
	case BE_REQUESTS:
		t.requests_per_month = fixed(x);
		break;
	case BE_TOKENS:
		if (!s->usd_per_mtok.set)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "tokens-per-day needs --usd-per-mtok (the price per 1M tokens)");
		t.tokens_per_day = fixed(x);
		t.api_spend.set = 0;
		break;
	case BE_HOURS:
		t.maintenance_hours = fixed(x);
		break;
	case BE_RATE:
		t.hourly_rate = fixed(x);
		break;
	}
	return tco_inputs_from(c, &t, in, cmp, err);
}

/* ---- the solver ---- */

struct solver {
	const struct catalog *c;
	const struct scenario *s;
	enum be_var v;
	const struct option *oa, *ob;
	struct llmtco_err *err;
	int status;
	double r0, rslope;   /* requests = r0 + rslope * x */
	double s0, sslope;   /* spend = s0 + sslope * x */
	double xmax;
	double *pts;         /* breakpoints */
	size_t npts, cap;
};

/* total_a - total_b at x; NaN after an error. */
static double diff(struct solver *sv, double x)
{
	struct tco_inputs in;
	struct cost_parts pa, pb;

	if (sv->status)
		return NAN;
	if ((sv->status = tco_inputs_at(sv->c, sv->s, sv->v, x, &in, NULL, sv->err)))
		return NAN;
	tco_option_cost(sv->oa, &in, &pa);
	tco_option_cost(sv->ob, &in, &pb);
	return pa.total - pb.total;
}

static int sign(double d)
{
	return d > ZERO_USD ? 1 : d < -ZERO_USD ? -1 : 0;
}

static void add_point(struct solver *sv, double x)
{
	if (sv->status || !(x > 0) || !(x < sv->xmax))
		return;
	if (sv->npts >= MAX_STEPS) {
		sv->status = err_set(sv->err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "more than %d price steps in range: give a smaller --max",
				     MAX_STEPS);
		return;
	}
	{
		double *p = array_grow(sv->pts, &sv->cap, sv->npts, sizeof(*p));
		if (!p) {
			sv->status = err_set(sv->err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			return;
		}
		sv->pts = p;
	}
	sv->pts[sv->npts++] = x;
}

/* A step at `requests` (or at `spend`) becomes a step in x. */
static void add_requests(struct solver *sv, double r)
{
	if (sv->rslope > 0)
		add_point(sv, (r - sv->r0) / sv->rslope);
}

static void add_spend(struct solver *sv, double s)
{
	if (sv->sslope > 0)
		add_point(sv, (s - sv->s0) / sv->sslope);
}

/* Every price step of one option within [0, xmax]. */
static void option_steps(struct solver *sv, const struct option *o, double p2a)
{
	double rmax = sv->r0 + sv->rslope * sv->xmax, r;
	size_t i;

	for (i = 0; i < o->ntiers && !sv->status; i++) {
		const struct tier *t = &o->tiers[i];
		add_requests(sv, t->from);
		if (isfinite(t->to))
			add_requests(sv, t->to);
		if (t->round_up && sv->rslope > 0)
			for (r = t->from + t->per; r < t->to && r <= rmax && !sv->status;
			     r += t->per)
				add_requests(sv, r);
	}
	if (o->byok_fee_pct.value > 0)
		add_requests(sv, o->byok_free_requests.value);
	if (o->fee_pct.value > 0 && o->fee_min_usd.value > 0) {
		double base = o->fee_min_usd.value / (o->fee_pct.value / 100.0);
		add_spend(sv, base);
		if (o->smart_routing && sv->s->routing_savings_pct.set &&
		    sv->s->routing_savings_pct.r.value < 100)
			add_spend(sv, base / (1 - sv->s->routing_savings_pct.r.value / 100.0));
	}
	if (o->deployment == DEPLOY_SELF_HOSTED && isfinite(o->rps_per_instance.value) &&
	    sv->rslope > 0 && p2a > 0) {
		/* instances step where peak RPS passes k x rps_per_instance */
		double per_k = o->rps_per_instance.value * HOURS_PER_MONTH * 3600.0 / p2a;
		double k = o->min_instances.value > 1 ? o->min_instances.value : 1;
		for (; k * per_k <= rmax && !sv->status; k++)
			add_requests(sv, k * per_k);
	}
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void record(struct solver *sv, struct be_pair *out, double x, int before,
		   int at_step)
{
	struct crossing *p, *cr;

	if (sv->status)
		return;
	p = realloc(out->x, (out->n + 1) * sizeof(*p));
	if (!p) {
		sv->status = err_set(sv->err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		return;
	}
	out->x = p;
	cr = &p[out->n++];
	cr->value = x;
	cr->at_step = at_step;
	/* diff = a - b > 0: b is cheaper */
	cr->cheaper_below = before > 0 ? out->b : out->a;
	cr->cheaper_above = before > 0 ? out->a : out->b;
}

/* A root of diff in (lo, hi) where it changes sign, by bisection. */
static double bisect(struct solver *sv, double lo, double hi, double dlo)
{
	int i;

	for (i = 0; i < 200 && hi - lo > 1e-12 * (fabs(hi) + 1e-9); i++) {
		double mid = lo + (hi - lo) / 2, d = diff(sv, mid);
		if ((d > 0) == (dlo > 0))
			lo = mid, dlo = d;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2;
}

/* The extremum of a convex (or concave) diff on [lo, hi], golden section. */
static double extremum(struct solver *sv, double lo, double hi, int convex)
{
	const double g = (sqrt(5.0) - 1) / 2;
	double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
	double f1 = diff(sv, x1), f2 = diff(sv, x2);
	int i;

	if (!convex)
		f1 = -f1, f2 = -f2;
	for (i = 0; i < 200 && hi - lo > 1e-12 * (fabs(hi) + 1e-9); i++) {
		if (f1 < f2) {
			hi = x2, x2 = x1, f2 = f1;
			x1 = hi - g * (hi - lo);
			f1 = convex ? diff(sv, x1) : -diff(sv, x1);
		} else {
			lo = x1, x1 = x2, f1 = f2;
			x2 = lo + g * (hi - lo);
			f2 = convex ? diff(sv, x2) : -diff(sv, x2);
		}
	}
	return (lo + hi) / 2;
}

/*
 * Walk one piece [lo, hi] on which diff has no step: `*cur` is the last
 * non-zero sign seen. Records a step crossing at lo and roots inside.
 */
static void piece(struct solver *sv, struct be_pair *out, double lo, double hi,
		  int *cur, int first)
{
	double w = hi - lo, x1 = lo + w / 4, x2 = lo + w / 2, x3 = lo + 3 * w / 4;
	double d1 = diff(sv, x1), d2 = diff(sv, x2), d3 = diff(sv, x3);
	double scale = fmax(fmax(fabs(d1), fabs(d3)), 1.0), dlo, dhi;
	int linear = fabs(d2 - (d1 + d3) / 2) <= 1e-9 * scale, slo;

	if (sv->status)
		return;
	if (linear) {
		double slope = (d3 - d1) / (x3 - x1);
		dlo = d1 - slope * (x1 - lo);
		dhi = d3 + slope * (hi - x3);
	} else {
		dlo = diff(sv, lo + w * 1e-9);
		dhi = diff(sv, hi - w * 1e-9);
	}
	slo = sign(dlo);
	if (first)
		out->cheaper_at_0 = slo > 0 ? out->b : out->a;
	if (!first && slo && *cur && slo != *cur)
		record(sv, out, lo, *cur, 1); /* the totals cross at a price step */
	if (slo)
		*cur = slo;
	if (linear) {
		if (sign(dlo) * sign(dhi) < 0) {
			double slope = (dhi - dlo) / w;
			record(sv, out, lo - dlo / slope, sign(dlo), 0);
		}
	} else {
		/* convex or concave (a + bx + c/x): split at the extremum */
		double xe = extremum(sv, lo, hi, d2 < (d1 + d3) / 2), de = diff(sv, xe);
		if (sign(dlo) * sign(de) < 0)
			record(sv, out, bisect(sv, lo, xe, dlo), sign(dlo), 0);
		if (sign(de) * sign(dhi) < 0)
			record(sv, out, bisect(sv, xe, hi, de), sign(de), 0);
	}
	if (!*cur && !sign(dhi))
		out->equal_until = hi; /* still equal at the end of this piece */
	if (sign(dhi))
		*cur = sign(dhi);
	out->cheaper_at_max = sign(dhi) > 0 ? out->b : out->a;
}

int breakeven_pair(const struct catalog *c, const struct scenario *s,
		   enum be_var v, size_t a, size_t b, double max,
		   struct be_pair *out, struct llmtco_err *err)
{
	struct solver sv;
	struct tco_inputs in0, in1;
	const struct option *lim[2];
	size_t i, k;
	int cur = 0, seen = 0;

	memset(out, 0, sizeof(*out));
	memset(&sv, 0, sizeof(sv));
	out->a = a;
	out->b = b;
	out->max = max;
	sv.c = c;
	sv.s = s;
	sv.v = v;
	sv.oa = &c->options[a];
	sv.ob = &c->options[b];
	sv.err = err;
	sv.xmax = max;
	if (!(max > 0))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--max must be above 0");
	if ((sv.status = tco_inputs_at(c, s, v, 0, &in0, NULL, err)) ||
	    (sv.status = tco_inputs_at(c, s, v, max, &in1, NULL, err)))
		return sv.status;
	sv.r0 = in0.w.requests;
	sv.rslope = (in1.w.requests - in0.w.requests) / max;
	sv.s0 = in0.w.api_spend;
	sv.sslope = (in1.w.api_spend - in0.w.api_spend) / max;

	/* plan limits end the range where an option stops being offered */
	lim[0] = sv.oa;
	lim[1] = sv.ob;
	for (k = 0; k < 2; k++) {
		double cap = lim[k]->max_requests.value, xl;
		if (!isfinite(cap))
			continue;
		xl = sv.rslope > 0 ? (cap - sv.r0) / sv.rslope : (sv.r0 > cap ? -1 : max);
		if (xl < sv.xmax) {
			sv.xmax = xl > 0 ? xl : 0;
			out->limited = 1;
			out->limited_by = k ? b : a;
		}
	}
	out->max = sv.xmax;
	if (!(sv.xmax > 0))
		return LLMTCO_OK; /* over a plan limit everywhere: nothing to compare */

	option_steps(&sv, sv.oa, in0.w.peak_to_average);
	option_steps(&sv, sv.ob, in0.w.peak_to_average);
	if (sv.status) {
		free(sv.pts);
		return sv.status;
	}
	if (sv.npts)
		qsort(sv.pts, sv.npts, sizeof(*sv.pts), dbl_cmp);
	for (i = 0; i <= sv.npts && !sv.status; i++) {
		double lo = i ? sv.pts[i - 1] : 0, hi = i < sv.npts ? sv.pts[i] : sv.xmax;
		if (hi - lo <= 1e-12 * (fabs(hi) + 1))
			continue; /* a repeated step */
		piece(&sv, out, lo, hi, &cur, !seen);
		seen = 1;
		if (cur)
			out->tie = 0;
	}
	out->tie = !cur;
	for (i = 0; i < out->n && !sv.status; i++) {
		struct tco_inputs at;
		struct cost_parts cp;
		if (!(sv.status = tco_inputs_at(c, s, v, out->x[i].value, &at, NULL, err))) {
			tco_option_cost(&c->options[out->x[i].cheaper_below], &at, &cp);
			out->x[i].total = cp.total;
		}
	}
	free(sv.pts);
	if (sv.status)
		be_pair_release(out);
	return sv.status;
}

void be_pair_release(struct be_pair *p)
{
	if (!p)
		return;
	free(p->x);
	p->x = NULL;
	p->n = 0;
}

/* 1 when option i can be priced for the scenario (plan limits aside). */
static int priced(const struct catalog *c, const struct scenario *s,
		  const struct workload *w, size_t i)
{
	struct exclusion x;

	return !tco_excluded(&c->options[i], s, w, 0, &x);
}

/* Drop the plans that cannot be priced, unless that leaves none. */
static size_t keep_priced(const struct catalog *c, const struct scenario *s,
			  const struct workload *w, size_t *idx, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (priced(c, s, w, idx[i]))
			idx[k++] = idx[i];
	return k ? k : n;
}

static int push_pair(size_t **pairs, size_t *n, size_t a, size_t b)
{
	size_t *p = realloc(*pairs, (*n + 1) * 2 * sizeof(*p));

	if (!p)
		return -1;
	p[*n * 2] = a;
	p[*n * 2 + 1] = b;
	*pairs = p;
	(*n)++;
	return 0;
}

int breakeven_pairs(const struct catalog *c, const struct scenario *s,
		    enum be_var v, const char *a_key, const char *b_key,
		    size_t **pairs, size_t *npairs, struct llmtco_err *err)
{
	struct tco_inputs in;
	unsigned char *sel = NULL;
	size_t *ia = NULL, *ib = NULL, na, nb, i, j;
	int rc;

	*pairs = NULL;
	*npairs = 0;
	if ((rc = tco_inputs_at(c, s, v, 0, &in, NULL, err)))
		return rc;
	ia = malloc((c->noptions + 1) * sizeof(*ia));
	ib = malloc((c->noptions + 1) * sizeof(*ib));
	if (!ia || !ib) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (a_key && b_key) {
		na = catalog_match(c, a_key, ia, c->noptions);
		nb = catalog_match(c, b_key, ib, c->noptions);
		if (!na || !nb) {
			rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--between: unknown option id \"%s\" (see llmtco pricing list)",
				     na ? b_key : a_key);
			goto out;
		}
		/* an id with several plans takes those that can be priced */
		na = keep_priced(c, s, &in.w, ia, na);
		nb = keep_priced(c, s, &in.w, ib, nb);
		for (i = 0; i < na; i++)
			for (j = 0; j < nb; j++) {
				if (ia[i] == ib[j])
					continue;
				if (!priced(c, s, &in.w, ia[i]) || !priced(c, s, &in.w, ib[j])) {
					struct exclusion x;
					char why[160];
					size_t o = priced(c, s, &in.w, ia[i]) ? ib[j] : ia[i];
					tco_excluded(&c->options[o], s, &in.w, 0, &x);
					tco_exclusion_text(&x, 1, why, sizeof(why));
					rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
						     "--between: \"%s/%s\" cannot be priced: %s",
						     c->options[o].id, c->options[o].plan, why);
					goto out;
				}
				if (push_pair(pairs, npairs, ia[i], ib[j])) {
					rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
					goto out;
				}
			}
		if (!*npairs)
			rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--between needs two different options");
		goto out;
	}
	if ((rc = tco_select(c, s, &sel, err)))
		goto out;
	for (i = 0; i < c->noptions; i++) {
		if (!sel[i] || c->options[i].deployment != DEPLOY_SELF_HOSTED ||
		    !priced(c, s, &in.w, i))
			continue;
		for (j = 0; j < c->noptions; j++)
			if (sel[j] && c->options[j].deployment == DEPLOY_MANAGED &&
			    priced(c, s, &in.w, j) && push_pair(pairs, npairs, i, j)) {
				rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
				goto out;
			}
	}
	if (!*npairs)
		rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no self-hosted and managed options to pair: give --between A,B");
out:
	free(sel);
	free(ia);
	free(ib);
	if (rc) {
		free(*pairs);
		*pairs = NULL;
		*npairs = 0;
	}
	return rc;
}
