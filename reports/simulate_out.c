/*
 * simulate_out.c - the Monte Carlo result in four formats.
 */
#include "simulate_out.h"
#include "format.h"

#include <cJSON.h>
#include <math.h>
#include <string.h>

static const char *const head[] = { "id", "plan", "p10", "p50", "p90", "mean",
				     "p_cheapest" };
#define NCOLS 7

/* A share as "12.34%" for humans, "0.1234" for machines. */
static const char *share(char *buf, size_t size, double p, int human)
{
	if (human)
		snprintf(buf, size, "%.2f%%", 100 * p);
	else
		fmt_number(buf, size, p);
	return buf;
}

static int sim_grid(struct grid *g, const struct catalog *c, const struct sim_result *r,
		    int human, int pct)
{
	char buf[64];
	size_t i, row;
	int k, bad = 0;

	if (grid_init(g, NCOLS))
		return -1;
	for (k = 0; k < NCOLS; k++) {
		bad |= grid_set(g, 0, (size_t)k, head[k]);
		g->right[k] = k > 1;
	}
	for (i = 0; i < r->noptions && !bad; i++) {
		const struct sim_option *so = &r->options[i];
		const struct option *o = &c->options[so->option];
		const double v[4] = { so->p10, so->p50, so->p90, so->mean };
		if ((row = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, row, 0, o->id);
		bad |= grid_set(g, row, 1, o->plan);
		for (k = 0; k < 4; k++)
			bad |= grid_set(g, row, (size_t)k + 2,
					human ? fmt_usd(buf, sizeof(buf), money_round(v[k]))
					      : fmt_machine(buf, sizeof(buf), money_round(v[k])));
		bad |= grid_set(g, row, 6, share(buf, sizeof(buf), so->p_cheapest, human || pct));
	}
	return bad;
}

static const char *key(char *buf, size_t size, const struct catalog *c, size_t i)
{
	snprintf(buf, size, "%s/%s", c->options[i].id, c->options[i].plan);
	return buf;
}

/* The breakeven in one sentence. */
static void say_breakeven(FILE *fp, const struct catalog *c, const struct sim_result *r,
			  int human)
{
	char a[80], b[80], x[64], y[64], z[64], m[64];

	if (!r->between)
		return;
	fprintf(fp, "\nbreakeven of %s and %s in API spend (first crossing from $0 to %s, "
		    "the first %zu trials): ",
		key(a, sizeof(a), c, r->a), key(b, sizeof(b), c, r->b),
		fmt_usd_as(m, sizeof(m), r->be_max, human), r->be_trials);
	if (r->be_none < r->be_trials)
		fprintf(fp, "P10 %s, P50 %s, P90 %s/month; ",
			fmt_usd_as(x, sizeof(x), money_round(r->be_p10), human),
			fmt_usd_as(y, sizeof(y), money_round(r->be_p50), human),
			fmt_usd_as(z, sizeof(z), money_round(r->be_p90), human));
	fprintf(fp, "no crossing in %s of them\n",
		share(x, sizeof(x), (double)r->be_none / (double)r->be_trials, 1));
}

static cJSON *num_or_null(double v)
{
	return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(money_round(v));
}

static int write_json(FILE *fp, const struct catalog *c, const struct sim_result *r)
{
	static const char *const shapes[] = { "fixed", "uniform", "triangular" };
	cJSON *root = cJSON_CreateObject(), *arr, *be;
	size_t i;

	if (!root)
		return LLMTCO_EIO;
	cJSON_AddNumberToObject(root, "trials", (double)r->trials);
	cJSON_AddNumberToObject(root, "seed", (double)r->seed);
	if ((arr = cJSON_AddArrayToObject(root, "options")))
		for (i = 0; i < r->noptions; i++) {
			const struct sim_option *so = &r->options[i];
			const struct option *o = &c->options[so->option];
			cJSON *j = cJSON_CreateObject();
			if (!j)
				break;
			cJSON_AddStringToObject(j, "id", o->id);
			cJSON_AddStringToObject(j, "plan", o->plan);
			cJSON_AddStringToObject(j, "deployment", deployment_name(o->deployment));
			cJSON_AddNumberToObject(j, "p10", money_round(so->p10));
			cJSON_AddNumberToObject(j, "p50", money_round(so->p50));
			cJSON_AddNumberToObject(j, "p90", money_round(so->p90));
			cJSON_AddNumberToObject(j, "mean", money_round(so->mean));
			cJSON_AddNumberToObject(j, "p_cheapest", so->p_cheapest);
			cJSON_AddNumberToObject(j, "p_over_limit", so->p_over_limit);
			cJSON_AddItemToArray(arr, j);
		}
	if ((arr = cJSON_AddArrayToObject(root, "inputs")))
		for (i = 0; i < r->ninputs; i++) {
			const struct sim_input *in = &r->inputs[i];
			cJSON *j = cJSON_CreateObject();
			if (!j)
				break;
			cJSON_AddStringToObject(j, "name", in->name);
			cJSON_AddStringToObject(j, "shape", shapes[in->r.shape]);
			cJSON_AddNumberToObject(j, "low", in->r.low);
			cJSON_AddNumberToObject(j, "value", in->r.value);
			cJSON_AddNumberToObject(j, "high", in->r.high);
			cJSON_AddItemToArray(arr, j);
		}
	if (r->between && (be = cJSON_AddObjectToObject(root, "breakeven"))) {
		char a[80], b[80];
		cJSON_AddStringToObject(be, "a", key(a, sizeof(a), c, r->a));
		cJSON_AddStringToObject(be, "b", key(b, sizeof(b), c, r->b));
		cJSON_AddStringToObject(be, "variable", "spend");
		cJSON_AddNumberToObject(be, "max", r->be_max);
		cJSON_AddNumberToObject(be, "trials", (double)r->be_trials);
		cJSON_AddItemToObject(be, "p10", num_or_null(r->be_p10));
		cJSON_AddItemToObject(be, "p50", num_or_null(r->be_p50));
		cJSON_AddItemToObject(be, "p90", num_or_null(r->be_p90));
		cJSON_AddItemToObject(be, "mean", num_or_null(r->be_mean));
		cJSON_AddNumberToObject(be, "p_no_crossing",
					(double)r->be_none / (double)r->be_trials);
	} else if (!r->between) {
		cJSON_AddNullToObject(root, "breakeven");
	}
	return json_emit(fp, root);
}

int simulate_md_table(FILE *fp, const struct catalog *c, const struct sim_result *r)
{
	struct grid g;
	int bad = sim_grid(&g, c, r, 0, 1);

	if (!bad)
		grid_write_md(fp, &g);
	grid_release(&g);
	return bad ? LLMTCO_EIO : LLMTCO_OK;
}

int simulate_write(FILE *fp, const struct catalog *c, const struct sim_result *r,
		   enum out_format fmt)
{
	struct grid g;

	if (fmt == FORMAT_JSON)
		return write_json(fp, c, r);
	if (sim_grid(&g, c, r, fmt == FORMAT_TABLE, 0)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_CSV) {
		grid_write_csv(fp, &g);
	} else if (fmt == FORMAT_MD) {
		fprintf(fp, "## Monthly total over %zu trials (seed %llu), USD/month\n\n",
			r->trials, (unsigned long long)r->seed);
		grid_write_md(fp, &g);
		fprintf(fp, "\n%zu uncertain inputs drawn; P10/P50/P90 are nearest-rank "
			    "percentiles.\n", r->ninputs);
		say_breakeven(fp, c, r, 0);
	} else {
		fprintf(fp, "llmtco simulate: monthly total over %zu trials (seed %llu), "
			    "%zu uncertain inputs, USD/month\n\n",
			r->trials, (unsigned long long)r->seed, r->ninputs);
		grid_write_table(fp, &g, 0);
		say_breakeven(fp, c, r, 1);
	}
	grid_release(&g);
	return LLMTCO_OK;
}
