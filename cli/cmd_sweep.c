/*
 * cmd_sweep.c - `llmtco sweep`: every option's cost over a range.
 */
#include "cli.h"
#include "../reports/sweep_out.h"

#include <string.h>

int cmd_sweep(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct sweep sw;
	struct output out = { 0 };
	enum be_var v;
	double from, to;
	size_t steps;
	int rc, help;

	memset(&sw, 0, sizeof(sw));
	rc = cli_setup("sweep", CMD_SWEEP, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc)
		rc = cli_variable(&a, &v, &err);
	if (!rc && a.plot && a.output && !strcmp(a.plot, a.output))
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "--plot and --output name the same file");
	if (rc)
		goto fail;
	from = a.from.set ? a.from.r.value : 0;
	to = a.to.set ? a.to.r.value : be_default_max(v);
	steps = a.steps.set ? (size_t)a.steps.r.value : 21;
	if ((rc = sweep_run(&c, &s, v, from, to, steps, a.log, &sw, &err)))
		goto fail;
	if (a.plot && (rc = sweep_plot(&c, &sw, a.plot, a.plot_svg, a.period, &err)))
		goto fail;
	if ((rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, sweep_write(out.fp, &c, &sw, a.breakdown, a.period, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("sweep", rc, &err);
done:
	sweep_release(&sw);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
