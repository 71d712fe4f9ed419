/*
 * cmd_simulate.c - `llmtco simulate`: Monte Carlo over the ranged inputs.
 */
#include "cli.h"
#include "../reports/simulate_out.h"
#include "../scenarios/simulate.h"

#include <stdint.h>
#include <string.h>

/* One option id of --between: must name exactly one plan. */
static int one_plan(const struct catalog *c, const char *key, size_t *idx,
		    struct llmtco_err *err)
{
	size_t n = catalog_match(c, key, idx, 1);

	if (!n)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--between: unknown option id \"%s\" (see llmtco pricing list)", key);
	if (n > 1)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--between: \"%s\" has %zu plans: name one as id/plan", key, n);
	return LLMTCO_OK;
}

int cli_between_plans(const struct catalog *c, const char *between, size_t *a, size_t *b,
		      struct llmtco_err *err)
{
	char buf[256], *b_key;
	int rc;

	snprintf(buf, sizeof(buf), "%s", between);
	b_key = strchr(buf, ','); /* opts_parse made sure there is one */
	*b_key++ = '\0';
	if ((rc = one_plan(c, buf, a, err)) || (rc = one_plan(c, b_key, b, err)))
		return rc;
	if (*a == *b)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "--between names \"%s\" twice", buf);
	return LLMTCO_OK;
}

/* 1 when option `i` is among the simulated (priced) ones. */
static int simulated(const struct sim_result *r, size_t i)
{
	size_t k;

	for (k = 0; k < r->noptions; k++)
		if (r->options[k].option == i)
			return 1;
	return 0;
}

int cmd_simulate(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct sim_request req;
	struct sim_result r;
	struct output out = { 0 };
	int rc, help;

	memset(&r, 0, sizeof(r));
	memset(&req, 0, sizeof(req));
	rc = cli_setup("simulate", CMD_SIMULATE, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (rc)
		goto fail;
	req.trials = a.trials.set ? (size_t)a.trials.r.value : 10000;
	req.seed = a.seed.set ? (uint64_t)a.seed.r.value : 1;
	req.jobs = a.jobs.set ? (int)a.jobs.r.value : 1;
	if (a.between) {
		if ((rc = cli_between_plans(&c, a.between, &req.a, &req.b, &err)))
			goto fail;
		req.between = 1;
		req.max = be_default_max(BE_SPEND);
	}
	if ((rc = simulate_run(&c, &s, &req, &r, &err)))
		goto fail;
	if (req.between && (!simulated(&r, req.a) || !simulated(&r, req.b))) {
		const struct option *o = &c.options[simulated(&r, req.a) ? req.b : req.a];
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "--between: \"%s/%s\" cannot be priced for this scenario (see llmtco compare)",
			     o->id, o->plan);
		goto fail;
	}
	if ((rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, simulate_write(out.fp, &c, &r, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("simulate", rc, &err);
done:
	sim_result_release(&r);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
