/*
 * simulate.c - Monte Carlo over the ranged inputs (see simulate.h).
 *
 * Each thread holds its own copy of the catalog's options (with their
 * tiers and items), made once; a trial writes its draws into that copy and
 * into a copy of the inputs, so no trial allocates. Totals are stored per
 * option and trial; the mean is summed in trial order and the percentiles
 * are order statistics, so the result is the same for any thread count.
 */
#include "simulate.h"
#include "breakeven.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the generator ---- */

static uint64_t splitmix64(uint64_t z)
{
	z += 0x9e3779b97f4a7c15u;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* The key of one trial; inputs are counted from it. */
static uint64_t trial_key(uint64_t seed, uint64_t trial)
{
	return splitmix64(splitmix64(seed) ^ (trial * 0xd1b54a32d192ed03u));
}

static double key_uniform(uint64_t key, uint64_t input)
{
	return (double)(splitmix64(key + input * 0x9e3779b97f4a7c15u) >> 11) *
	       (1.0 / 9007199254740992.0);
}

double sim_uniform(uint64_t seed, uint64_t trial, uint64_t input)
{
	return key_uniform(trial_key(seed, trial), input);
}

double sim_draw(const struct range *r, double u)
{
	double a = r->low, b = r->high, m = r->value, f;

	if (!(a < b) || r->shape == RANGE_FIXED)
		return r->value;
	if (r->shape == RANGE_UNIFORM)
		return a + u * (b - a);
	m = m < a ? a : m > b ? b : m;
	f = (m - a) / (b - a);
	if (u < f)
		return a + sqrt(u * (b - a) * (m - a));
	return b - sqrt((1 - u) * (b - a) * (b - m));
}

/* ---- the inputs ---- */

enum { SC_SPEND, SC_REQUESTS, SC_TPD, SC_UPM, SC_PEAK, SC_RATE, SC_MAINT,
       SC_SETUP, SC_INFRA, SC_ROUTING, SC_N };

enum target_kind { T_FIELD, T_ITEM, T_TIER };

/* Where one draw is written in a thread's copy of the options. */
struct target {
	size_t input;
	enum target_kind kind;
	size_t opt;  /* catalog index */
	size_t off;  /* T_FIELD: byte offset of the range; else item/tier index */
};

struct sim {
	const struct catalog *c;
	const struct scenario *s;
	const struct sim_request *req;
	struct tco_inputs base;
	double per_request, unit;   /* USD per request: seed figure, spend from requests */
	long sc[SC_N];              /* input index of each scenario number, -1 fixed */
	long *team;                 /* per scenario item, input index or -1 */
	struct sim_input *inputs;
	size_t ninputs, inputs_cap;
	struct target *targets;
	size_t ntargets, targets_cap;
	const char **keys;          /* per input: the id it was shared by, or NULL */
	size_t *slots, nslots;      /* options simulated, compare's order */
	size_t *tie;                /* slot numbers in id/plan order */
	double *totals;             /* nslots x trials, slot-major */
	double *be;                 /* first crossing per solved trial, NAN none */
	size_t nbe;
};

static int ranged(const struct range *r)
{
	return r->shape != RANGE_FIXED && r->low < r->high && isfinite(r->low) &&
	       isfinite(r->high);
}

/* Add an input (when ranged) named `name`; its index, -1 when fixed or out of memory. */
static long add_input(struct sim *m, const char *name, const struct range *r)
{
	if (!ranged(r))
		return -1;
	if (m->ninputs == m->inputs_cap) {
		size_t cap = m->inputs_cap ? 2 * m->inputs_cap : 32;
		struct sim_input *p = realloc(m->inputs, cap * sizeof(*p));
		const char **k = realloc(m->keys, cap * sizeof(*k));
		if (p)
			m->inputs = p;
		if (k)
			m->keys = k;
		if (!p || !k)
			return -2;
		m->inputs_cap = cap;
	}
	snprintf(m->inputs[m->ninputs].name, sizeof(m->inputs[0].name), "%s", name);
	m->inputs[m->ninputs].r = *r;
	m->keys[m->ninputs] = NULL;
	return (long)m->ninputs++;
}

static int add_target(struct sim *m, size_t input, enum target_kind kind, size_t opt,
		      size_t off)
{
	if (m->ntargets == m->targets_cap) {
		size_t cap = m->targets_cap ? 2 * m->targets_cap : 64;
		struct target *p = realloc(m->targets, cap * sizeof(*p));
		if (!p)
			return -1;
		m->targets = p;
		m->targets_cap = cap;
	}
	m->targets[m->ntargets].input = input;
	m->targets[m->ntargets].kind = kind;
	m->targets[m->ntargets].opt = opt;
	m->targets[m->ntargets].off = off;
	m->ntargets++;
	return 0;
}

/* Field by field: memcmp would read struct range's padding bytes. */
static int same_range(const struct range *a, const struct range *b)
{
	return a->value == b->value && a->low == b->low && a->high == b->high &&
	       a->shape == b->shape;
}

/* The input named `name` of option id `id` with range `r`, shared by the
 * id's plans when they give the same range; -1 when fixed, -2 out of memory. */
static long shared_input(struct sim *m, const char *id, const char *name,
			 const struct range *r)
{
	size_t i;
	long k;

	if (!ranged(r))
		return -1;
	for (i = 0; i < m->ninputs; i++)
		if (m->keys[i] && !strcmp(m->keys[i], id) && !strcmp(m->inputs[i].name, name) &&
		    same_range(&m->inputs[i].r, r))
			return (long)i;
	if ((k = add_input(m, name, r)) >= 0)
		m->keys[k] = id;
	return k;
}

static const struct range *fact_range(const struct catalog *c, const char *key)
{
	const struct fact *f = catalog_fact(c, key);
	return f ? &f->v : NULL;
}

static int scenario_inputs(struct sim *m)
{
	const struct scenario *s = m->s;
	const struct param *p[SC_N] = {
		&s->api_spend, &s->requests_per_month, &s->tokens_per_day,
		&s->usd_per_mtok, &s->peak_to_average, &s->hourly_rate,
		&s->maintenance_hours, &s->setup_hours, &s->infra_monthly,
		&s->routing_savings_pct
	};
	static const char *const names[SC_N] = {
		"api_spend", "requests_per_month", "tokens_per_day", "usd_per_mtok",
		"peak_to_average", "hourly_rate", "maintenance_hours", "setup_hours",
		"infra_monthly", "routing_savings_pct"
	};
	char name[96];
	size_t i;

	for (i = 0; i < SC_N; i++) {
		const struct range *r = p[i]->set ? &p[i]->r : NULL;
		if (!r && i == SC_PEAK)
			r = fact_range(m->c, "peak_to_average");
		if (!r && i == SC_RATE)
			r = fact_range(m->c, "hourly_rate");
		/* a routing saving derived from a policy stays at its point value */
		m->sc[i] = r ? add_input(m, names[i], r) : -1;
		if (m->sc[i] == -2)
			return -1;
	}
	m->team = calloc(s->nitems + 1, sizeof(*m->team));
	if (!m->team)
		return -1;
	for (i = 0; i < s->nitems; i++) {
		snprintf(name, sizeof(name), "infrastructure.%s", s->items[i].name);
		m->team[i] = s->items[i].usd.set ? add_input(m, name, &s->items[i].usd.r) : -1;
		if (m->team[i] == -2)
			return -1;
	}
	return 0;
}

/* The ranged prices and hours of one option: fields, tiers, items. */
static int option_inputs(struct sim *m, size_t oi)
{
	const struct option *o = &m->c->options[oi];
	const struct field *f;
	char name[96];
	size_t k;
	long in;

	for (f = option_fields; f->name; f++) {
		const struct range *r;
		if (f->kind != FIELD_NUM || !strcmp(f->name, "latency_ms") ||
		    !strcmp(f->name, "max_requests"))
			continue;
		r = option_num_c(o, f);
		snprintf(name, sizeof(name), "%s.%s", o->id, f->name);
		if ((in = shared_input(m, o->id, name, r)) == -2 ||
		    (in >= 0 && add_target(m, (size_t)in, T_FIELD, oi,
					   (size_t)((const char *)r - (const char *)o))))
			return -1;
	}
	for (k = 0; k < o->ntiers; k++) {
		snprintf(name, sizeof(name), "%s/%s.tier%zu", o->id, o->plan, k + 1);
		if ((in = add_input(m, name, &o->tiers[k].usd)) == -2 ||
		    (in >= 0 && add_target(m, (size_t)in, T_TIER, oi, k)))
			return -1;
	}
	for (k = 0; k < o->nitems; k++) {
		snprintf(name, sizeof(name), "%s.%s", o->id, o->items[k].name);
		if ((in = shared_input(m, o->id, name, &o->items[k].usd)) == -2 ||
		    (in >= 0 && add_target(m, (size_t)in, T_ITEM, oi, k)))
			return -1;
	}
	return 0;
}

/* ---- a thread's copy of what a trial changes ---- */

struct work {
	struct sim *m;
	size_t t0, t1;               /* trials [t0, t1) */
	struct option *opts;         /* the catalog's options, tiers and items copied */
	struct item_param *team;     /* the scenario's items */
	double *vals;                /* the trial's draws */
	size_t *cheapest, *over;     /* per slot, counts */
	int rc;
	struct llmtco_err err;
};

static void work_release(struct work *w)
{
	size_t i;

	if (w->opts)
		for (i = 0; i < w->m->c->noptions; i++) {
			free(w->opts[i].tiers);
			free(w->opts[i].items);
		}
	free(w->opts);
	free(w->team);
	free(w->vals);
	free(w->cheapest);
	free(w->over);
}

static int work_init(struct work *w, struct sim *m)
{
	const struct catalog *c = m->c;
	size_t i;

	w->m = m;
	w->opts = calloc(c->noptions + 1, sizeof(*w->opts));
	w->team = calloc(m->s->nitems + 1, sizeof(*w->team));
	w->vals = calloc(m->ninputs + 1, sizeof(*w->vals));
	w->cheapest = calloc(m->nslots + 1, sizeof(*w->cheapest));
	w->over = calloc(m->nslots + 1, sizeof(*w->over));
	if (!w->opts || !w->team || !w->vals || !w->cheapest || !w->over)
		return -1;
	for (i = 0; i < c->noptions; i++) {
		const struct option *o = &c->options[i];
		w->opts[i] = *o;
		w->opts[i].tiers = NULL;
		w->opts[i].items = NULL;
		if (o->ntiers && !(w->opts[i].tiers = malloc(o->ntiers * sizeof(*o->tiers))))
			return -1;
		if (o->nitems && !(w->opts[i].items = malloc(o->nitems * sizeof(*o->items))))
			return -1;
		if (o->ntiers)
			memcpy(w->opts[i].tiers, o->tiers, o->ntiers * sizeof(*o->tiers));
		if (o->nitems)
			memcpy(w->opts[i].items, o->items, o->nitems * sizeof(*o->items));
	}
	if (m->s->nitems)
		memcpy(w->team, m->s->items, m->s->nitems * sizeof(*w->team));
	return 0;
}

/* A scenario number of this trial: its draw, else its point value. */
static double val(const struct work *w, int k, double point)
{
	return w->m->sc[k] >= 0 ? w->vals[w->m->sc[k]] : point;
}

/* Write the trial's draws into the copies and the trial's inputs. */
static void apply(struct work *w, struct tco_inputs *in)
{
	const struct sim *m = w->m;
	const struct scenario *s = m->s;
	const struct target *t;
	size_t i;
	int spend_known = 1;

	for (t = m->targets; t < m->targets + m->ntargets; t++) {
		struct option *o = &w->opts[t->opt];
		double v = w->vals[t->input];
		if (t->kind == T_FIELD)
			((struct range *)(void *)((char *)o + t->off))->value = v;
		else if (t->kind == T_TIER && t->off < o->ntiers)
			o->tiers[t->off].usd.value = v;
		else if (t->kind == T_ITEM && t->off < o->nitems)
			o->items[t->off].usd.value = v;
	}
	*in = m->base;
	if (s->api_spend.set)
		in->w.api_spend = val(w, SC_SPEND, s->api_spend.r.value);
	else if (s->tokens_per_day.set)
		in->w.api_spend = val(w, SC_TPD, s->tokens_per_day.r.value) * DAYS_PER_MONTH *
				  val(w, SC_UPM, s->usd_per_mtok.r.value) / 1e6;
	else
		spend_known = 0;
	if (s->requests_per_month.set)
		in->w.requests = val(w, SC_REQUESTS, s->requests_per_month.r.value);
	else if (spend_known)
		in->w.requests = in->w.api_spend / m->per_request;
	if (!spend_known)
		in->w.api_spend = in->w.requests * m->unit;
	in->w.peak_to_average = val(w, SC_PEAK, m->base.w.peak_to_average);
	in->hourly_rate = val(w, SC_RATE, m->base.hourly_rate);
	in->maintenance_hours = val(w, SC_MAINT, m->base.maintenance_hours);
	in->setup_hours = val(w, SC_SETUP, m->base.setup_hours);
	in->infra_monthly = val(w, SC_INFRA, m->base.infra_monthly);
	if (s->routing_savings_pct.set)
		in->routing_savings_pct = val(w, SC_ROUTING, m->base.routing_savings_pct);
	for (i = 0; i < s->nitems; i++)
		if (m->team[i] >= 0)
			w->team[i].usd.r.value = w->vals[m->team[i]];
	in->items = w->team;
}

/* The scenario of this trial, for the breakeven solver: every drawn
 * scenario number fixed at its draw. */
static struct param fixed(double x)
{
	struct param p;

	p.set = 1;
	p.r = range_fixed(x);
	return p;
}

static int trial_breakeven(struct work *w, const struct tco_inputs *in, double *first)
{
	const struct sim *m = w->m;
	struct scenario ts = *m->s;
	struct catalog tc = *m->c;
	struct be_pair p;
	int rc;

	tc.options = w->opts;
	tc.diag = NULL;
	if (ts.requests_per_month.set)
		ts.requests_per_month = fixed(in->w.requests);
	ts.peak_to_average = fixed(in->w.peak_to_average);
	ts.hourly_rate = fixed(in->hourly_rate);
	if (ts.maintenance_hours.set)
		ts.maintenance_hours = fixed(in->maintenance_hours);
	if (ts.setup_hours.set)
		ts.setup_hours = fixed(in->setup_hours);
	if (ts.infra_monthly.set)
		ts.infra_monthly = fixed(in->infra_monthly);
	if (ts.routing_savings_pct.set)
		ts.routing_savings_pct = fixed(in->routing_savings_pct);
	ts.items = w->team;
	memset(&p, 0, sizeof(p));
	if ((rc = breakeven_pair(&tc, &ts, BE_SPEND, m->req->a, m->req->b, m->req->max,
				 &p, &w->err)))
		return rc;
	*first = p.n && !p.tie ? p.x[0].value : (double)NAN;
	be_pair_release(&p);
	return LLMTCO_OK;
}

static void *run_block(void *arg)
{
	struct work *w = arg;
	struct sim *m = w->m;
	const size_t trials = m->req->trials, ni = m->ninputs, ns = m->nslots;
	struct tco_inputs in;
	struct cost_parts cp;
	size_t t, i, k;

	for (t = w->t0; t < w->t1; t++) {
		uint64_t key = trial_key(m->req->seed, t);
		double best = INFINITY;
		size_t bi = ns;

		for (i = 0; i < ni; i++)
			w->vals[i] = sim_draw(&m->inputs[i].r, key_uniform(key, i));
		apply(w, &in);
		for (k = 0; k < ns; k++) {
			const struct option *o = &w->opts[m->slots[k]];
			tco_option_cost(o, &in, &cp);
			m->totals[k * trials + t] = cp.total;
		}
		for (i = 0; i < ns; i++) { /* id/plan order: ties go to the first */
			double r;
			k = m->tie[i];
			if (in.w.requests > w->opts[m->slots[k]].max_requests.value) {
				w->over[k]++;
				continue;
			}
			r = money_round(m->totals[k * trials + t]);
			if (r < best) {
				best = r;
				bi = k;
			}
		}
		if (bi < ns)
			w->cheapest[bi]++;
		if (t < m->nbe && (w->rc = trial_breakeven(w, &in, &m->be[t])))
			return NULL;
	}
	return NULL;
}

/* ---- order statistics ---- */

static void swapd(double *a, double *b)
{
	double t = *a;
	*a = *b;
	*b = t;
}

/* Put the k-th smallest of a[lo, hi) at a[k], smaller before, larger after
 * (three-way quickselect: many equal values are cheap). */
static void nth(double *a, size_t lo, size_t hi, size_t k)
{
	while (hi - lo > 1) {
		double x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1];
		double p = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
		size_t lt = lo, i = lo, gt = hi;

		while (i < gt) {
			if (a[i] < p)
				swapd(&a[lt++], &a[i++]);
			else if (a[i] > p)
				swapd(&a[i], &a[--gt]);
			else
				i++;
		}
		if (k < lt)
			hi = lt;
		else if (k >= gt)
			lo = gt;
		else
			return;
	}
}

/* Nearest rank: the ceil(q/100 * n)-th smallest, 0-based index. */
static size_t rank_of(size_t n, unsigned q)
{
	size_t r = (n / 100) * q + ((n % 100) * q + 99) / 100;
	return r ? r - 1 : 0;
}

/* P10, P50, P90 of a[0, n), reordering it. */
static void percentiles(double *a, size_t n, double *p10, double *p50, double *p90)
{
	size_t k10 = rank_of(n, 10), k50 = rank_of(n, 50), k90 = rank_of(n, 90);

	nth(a, 0, n, k50);
	*p50 = a[k50];
	nth(a, 0, k50 + 1, k10);
	*p10 = a[k10];
	nth(a, k50, n, k90);
	*p90 = a[k90];
}

struct reduce {
	struct sim *m;
	struct sim_result *out;
	size_t first, step;  /* slots first, first + step, ... */
};

static void *reduce_slots(void *arg)
{
	struct reduce *r = arg;
	const size_t n = r->m->req->trials;
	size_t k, t;

	for (k = r->first; k < r->m->nslots; k += r->step) {
		double *a = r->m->totals + k * n, sum = 0;
		struct sim_option *o = &r->out->options[k];
		for (t = 0; t < n; t++) /* in trial order */
			sum += a[t];
		o->mean = sum / (double)n;
		percentiles(a, n, &o->p10, &o->p50, &o->p90);
	}
	return NULL;
}

/* ---- the run ---- */

static int cmp_slot_c(const struct catalog *c, const struct sim *m, size_t x, size_t y)
{
	const struct option *a = &c->options[m->slots[x]], *b = &c->options[m->slots[y]];
	int r = strcmp(a->id, b->id);
	return r ? r : strcmp(a->plan, b->plan);
}

static void sim_release(struct sim *m)
{
	free(m->team);
	free(m->targets);
	free(m->keys);
	free(m->inputs);
	free(m->slots);
	free(m->tie);
	free(m->totals);
	free(m->be);
}

/* Start `n` threads of fn over args (each `size` bytes); the first one runs
 * here. -1 when a thread cannot start (the ones started are joined). */
static int run_threads(void *(*fn)(void *), void *args, size_t size, int n)
{
	pthread_t th[SIM_MAX_JOBS];
	int i, started = 0, bad = 0;

	for (i = 1; i < n; i++) {
		if (pthread_create(&th[i], NULL, fn, (char *)args + (size_t)i * size)) {
			bad = 1;
			break;
		}
		started = i;
	}
	if (!bad)
		fn(args);
	for (i = 1; i <= started; i++)
		pthread_join(th[i], NULL);
	return bad ? -1 : 0;
}

int simulate_run(const struct catalog *c, const struct scenario *s,
		 const struct sim_request *req, struct sim_result *out,
		 struct llmtco_err *err)
{
	struct comparison cmp;
	struct sim m;
	struct work w[SIM_MAX_JOBS];
	struct reduce red[SIM_MAX_JOBS];
	int jobs = req->jobs < 1 ? 1 : req->jobs > SIM_MAX_JOBS ? SIM_MAX_JOBS : req->jobs;
	size_t i, k, n = req->trials;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&m, 0, sizeof(m));
	memset(w, 0, sizeof(w));
	if (!n)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--trials must be at least 1");
	if ((rc = tco_compare(c, s, &cmp, err)))
		return rc;
	m.c = c;
	m.s = s;
	m.req = req;
	m.base = cmp.in;
	m.per_request = cmp.usd_per_request > 0 ? cmp.usd_per_request : 0.005;
	m.unit = s->nmix ? cmp.mix_usd_per_request : cmp.usd_per_request;
	m.nslots = cmp.nrows;
	m.slots = calloc(m.nslots + 1, sizeof(*m.slots));
	m.tie = calloc(m.nslots + 1, sizeof(*m.tie));
	if (!m.slots || !m.tie)
		goto oom;
	for (i = 0; i < m.nslots; i++)
		m.slots[i] = cmp.rows[i].option;
	for (i = 0; i < m.nslots; i++) { /* insertion sort by id, plan */
		size_t j;
		for (j = i; j > 0 && cmp_slot_c(c, &m, m.tie[j - 1], i) > 0; j--)
			m.tie[j] = m.tie[j - 1];
		m.tie[j] = i;
	}
	if (scenario_inputs(&m))
		goto oom;
	for (i = 0; i < c->noptions; i++) {
		int used = req->between && (i == req->a || i == req->b);
		for (k = 0; k < m.nslots && !used; k++)
			used = m.slots[k] == i;
		if (used && option_inputs(&m, i))
			goto oom;
	}
	if (m.nslots && n > (size_t)-1 / sizeof(double) / m.nslots)
		goto oom;
	m.totals = malloc((m.nslots * n + 1) * sizeof(*m.totals));
	if (!m.totals)
		goto oom;
	if (req->between) {
		m.nbe = n < SIM_BREAKEVEN_TRIALS ? n : SIM_BREAKEVEN_TRIALS;
		if (!(m.be = malloc(m.nbe * sizeof(*m.be))))
			goto oom;
	}
	if ((size_t)jobs > n)
		jobs = (int)n;
	for (i = 0; i < (size_t)jobs; i++) {
		if (work_init(&w[i], &m))
			goto oom_work;
		w[i].t0 = n * i / (size_t)jobs;
		w[i].t1 = n * (i + 1) / (size_t)jobs;
	}
	if (run_threads(run_block, w, sizeof(w[0]), jobs)) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot start a thread");
		goto done;
	}
	for (i = 0; i < (size_t)jobs; i++)
		if (w[i].rc) {
			rc = w[i].rc;
			*err = w[i].err;
			goto done;
		}
	out->trials = n;
	out->seed = req->seed;
	out->noptions = m.nslots;
	out->options = calloc(m.nslots + 1, sizeof(*out->options));
	if (!out->options)
		goto oom_work;
	for (k = 0; k < m.nslots; k++) {
		size_t ch = 0, ov = 0;
		for (i = 0; i < (size_t)jobs; i++) {
			ch += w[i].cheapest[k];
			ov += w[i].over[k];
		}
		out->options[k].option = m.slots[k];
		out->options[k].p_cheapest = (double)ch / (double)n;
		out->options[k].p_over_limit = (double)ov / (double)n;
	}
	for (i = 0; i < (size_t)jobs; i++) {
		red[i].m = &m;
		red[i].out = out;
		red[i].first = i;
		red[i].step = (size_t)jobs;
	}
	if (run_threads(reduce_slots, red, sizeof(red[0]), jobs)) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot start a thread");
		goto done;
	}
	for (k = 0; k < m.nslots; k++)
		if (!isfinite(out->options[k].mean)) {
			rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				     "the cost of \"%s\" overflows: check the inputs",
				     c->options[m.slots[k]].id);
			goto done;
		}
	if (req->between) {
		size_t got = 0;
		double sum = 0;
		out->between = 1;
		out->a = req->a;
		out->b = req->b;
		out->be_max = req->max;
		out->be_trials = m.nbe;
		for (i = 0; i < m.nbe; i++)
			if (!isnan(m.be[i])) {
				sum += m.be[i];
				m.be[got++] = m.be[i];
			}
		out->be_none = m.nbe - got;
		out->be_p10 = out->be_p50 = out->be_p90 = out->be_mean = NAN;
		if (got) {
			out->be_mean = sum / (double)got;
			percentiles(m.be, got, &out->be_p10, &out->be_p50, &out->be_p90);
		}
	}
	out->inputs = m.inputs;
	out->ninputs = m.ninputs;
	m.inputs = NULL;
	rc = LLMTCO_OK;
	goto done;
oom_work:
oom:
	rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
done:
	for (i = 0; i < SIM_MAX_JOBS; i++)
		if (w[i].m)
			work_release(&w[i]);
	sim_release(&m);
	comparison_release(&cmp);
	if (rc)
		sim_result_release(out);
	return rc;
}

void sim_result_release(struct sim_result *r)
{
	if (!r)
		return;
	free(r->options);
	free(r->inputs);
	r->options = NULL;
	r->inputs = NULL;
	r->noptions = r->ninputs = 0;
}

/* ---- sensitivity ---- */

/* total(a) - total(b) with the values now in w->vals. */
static double pair_diff(struct work *w, size_t a, size_t b)
{
	struct tco_inputs in;
	struct cost_parts pa, pb;

	apply(w, &in);
	tco_option_cost(&w->opts[a], &in, &pa);
	tco_option_cost(&w->opts[b], &in, &pb);
	return pa.total - pb.total;
}

static int sens_cmp(const void *x, const void *y)
{
	const struct sens_row *p = x, *q = y;

	if (p->swing != q->swing)
		return p->swing > q->swing ? -1 : 1;
	return strcmp(p->name, q->name);
}

int sensitivity_run(const struct catalog *c, const struct scenario *s, long a, long b,
		    struct sens_result *out, struct llmtco_err *err)
{
	struct sim_request req;
	struct comparison cmp;
	struct sim m;
	struct work w;
	size_t i, k;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&m, 0, sizeof(m));
	memset(&w, 0, sizeof(w));
	memset(&req, 0, sizeof(req));
	if ((rc = tco_compare(c, s, &cmp, err)))
		return rc;
	for (i = 0; i < cmp.nrows && (a < 0 || b < 0); i++) {
		const struct option *o = &c->options[cmp.rows[i].option];
		if (a < 0 && o->deployment == DEPLOY_SELF_HOSTED)
			a = (long)cmp.rows[i].option;
		else if (b < 0 && o->deployment == DEPLOY_MANAGED)
			b = (long)cmp.rows[i].option;
	}
	if (a < 0 || b < 0) {
		rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no self-hosted and managed option to weigh: give --between A,B");
		goto done;
	}
	for (k = 0; k < 2; k++) { /* a quote or an unmet limit has no total to move */
		size_t o = (size_t)(k ? b : a);
		for (i = 0; i < cmp.nrows && cmp.rows[i].option != o; i++)
			;
		if (i == cmp.nrows) {
			rc = err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "\"%s/%s\" cannot be priced for this scenario (see llmtco compare)",
				     c->options[o].id, c->options[o].plan);
			goto done;
		}
	}
	out->a = (size_t)a;
	out->b = (size_t)b;
	m.c = c;
	m.s = s;
	m.req = &req;
	m.base = cmp.in;
	m.per_request = cmp.usd_per_request > 0 ? cmp.usd_per_request : 0.005;
	m.unit = s->nmix ? cmp.mix_usd_per_request : cmp.usd_per_request;
	if (scenario_inputs(&m) || option_inputs(&m, out->a) || option_inputs(&m, out->b) ||
	    work_init(&w, &m) || !(out->rows = calloc(m.ninputs + 1, sizeof(*out->rows)))) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (k = 0; k < m.ninputs; k++)
		w.vals[k] = m.inputs[k].r.value;
	out->base = pair_diff(&w, out->a, out->b);
	for (k = 0; k < m.ninputs; k++) {
		struct sens_row *row = &out->rows[out->n++];
		snprintf(row->name, sizeof(row->name), "%s", m.inputs[k].name);
		row->r = m.inputs[k].r;
		w.vals[k] = row->r.low;
		row->diff_low = pair_diff(&w, out->a, out->b);
		w.vals[k] = row->r.high;
		row->diff_high = pair_diff(&w, out->a, out->b);
		w.vals[k] = row->r.value;
		row->swing = fabs(row->diff_high - row->diff_low);
		if (!isfinite(row->swing)) {
			rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
				     "the cost overflows with \"%s\" at its range's end", row->name);
			goto done;
		}
	}
	qsort(out->rows, out->n, sizeof(*out->rows), sens_cmp);
	rc = LLMTCO_OK;
done:
	if (w.m)
		work_release(&w);
	sim_release(&m);
	comparison_release(&cmp);
	if (rc)
		sens_result_release(out);
	return rc;
}

void sens_result_release(struct sens_result *r)
{
	if (!r)
		return;
	free(r->rows);
	memset(r, 0, sizeof(*r));
}
