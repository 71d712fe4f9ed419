/*
 * cmd_project.c - `llmtco project`: cost over time, by strategy.
 */
#include "cli.h"
#include "../reports/project_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One option id of --bridge or --hybrid: must name exactly one plan. */
static int one_option(const struct catalog *c, const char *flag, const char *key,
		      size_t *idx, struct llmtco_err *err)
{
	size_t n = catalog_match(c, key, idx, 1);

	if (!n)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "%s: unknown option id \"%s\" (see llmtco pricing list)", flag, key);
	if (n > 1)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "%s: \"%s\" has %zu plans: name one as id/plan", flag, key, n);
	return LLMTCO_OK;
}

/* --bridge MANAGED,SELFHOSTED and --hybrid A:PCT,B:PCT as strategies. */
static int extra_strategies(const struct catalog *c, const struct cli_args *a,
			    struct strategy *extra, size_t *n, struct llmtco_err *err)
{
	char buf[256], *comma, *ca, *cb;
	double pa, pb;
	const char *why;
	int rc;

	*n = 0;
	if (a->bridge) {
		struct strategy *st = &extra[(*n)++];
		memset(st, 0, sizeof(*st));
		snprintf(buf, sizeof(buf), "%s", a->bridge);
		comma = strchr(buf, ',');
		*comma = '\0';
		st->kind = STRATEGY_BRIDGE;
		if ((rc = one_option(c, "--bridge", buf, &st->a, err)) ||
		    (rc = one_option(c, "--bridge", comma + 1, &st->b, err)))
			return rc;
		if (!a->switch_auto && !a->switch_month.set)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--bridge needs --switch-month M or --switch auto");
		if (a->switch_auto && a->switch_month.set)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "give --switch-month M or --switch auto, not both");
		st->switch_auto = a->switch_auto;
		st->switch_month = a->switch_month.set ? (int)a->switch_month.r.value : 0;
	} else if (a->switch_auto || a->switch_month.set || a->migration_hours.set) {
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--switch-month, --switch and --migration-hours go with --bridge");
	}
	if (a->hybrid) {
		struct strategy *st = &extra[(*n)++];
		memset(st, 0, sizeof(*st));
		snprintf(buf, sizeof(buf), "%s", a->hybrid);
		if (!(comma = strchr(buf, ',')) || strchr(comma + 1, ','))
			goto bad_hybrid;
		*comma = '\0';
		if (!(ca = strrchr(buf, ':')) || !(cb = strrchr(comma + 1, ':')))
			goto bad_hybrid;
		*ca++ = '\0';
		*cb++ = '\0';
		if (num_parse(ca, &pa, &why) || num_parse(cb, &pb, &why) ||
		    fabs(pa + pb - 100) > 1e-9)
			goto bad_hybrid;
		st->kind = STRATEGY_HYBRID;
		st->share_a = pa;
		if ((rc = one_option(c, "--hybrid", buf, &st->a, err)) ||
		    (rc = one_option(c, "--hybrid", comma + 1, &st->b, err)))
			return rc;
	}
	return LLMTCO_OK;
bad_hybrid:
	return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
		       "--hybrid must be A:PCT,B:PCT with shares making 100, not \"%.80s\"",
		       a->hybrid);
}

int cmd_project(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct projection p;
	struct project_request req;
	struct strategy extra[2];
	struct output out = { 0 };
	int rc, help;

	memset(&p, 0, sizeof(p));
	rc = cli_setup("project", CMD_PROJECT, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc && a.plot && a.output && !strcmp(a.plot, a.output))
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "--plot and --output name the same file");
	memset(&req, 0, sizeof(req));
	if (!rc)
		rc = extra_strategies(&c, &a, extra, &req.nextra, &err);
	if (rc)
		goto fail;
	/* the horizon: --months, else the scenario's horizon_months, else 24 */
	req.months = a.months.set ? (int)a.months.r.value
		   : s.horizon_months.set ? (int)ceil(s.horizon_months.r.value) : 24;
	req.growth_pct = a.growth.set ? a.growth.r.value : (double)NAN;
	req.discount_pct = a.discount.set ? a.discount.r.value : 0;
	req.migration_hours = a.migration_hours.set ? a.migration_hours.r.value : (double)NAN;
	req.extra = extra;
	if ((rc = project_run(&c, &s, &req, &p, &err)))
		goto fail;
	if (a.plot && (rc = project_plot(&c, &p, a.plot, a.plot_svg, &err)))
		goto fail;
	if ((rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, project_write(out.fp, &c, &p, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("project", rc, &err);
done:
	projection_release(&p);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
