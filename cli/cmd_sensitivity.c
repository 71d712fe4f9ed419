/*
 * cmd_sensitivity.c - `llmtco sensitivity`: which assumption decides this.
 */
#include "cli.h"
#include "../reports/sensitivity_out.h"

#include <string.h>

int cmd_sensitivity(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct sens_result r;
	struct output out = { 0 };
	long ia = -1, ib = -1;
	int rc, help;

	memset(&r, 0, sizeof(r));
	rc = cli_setup("sensitivity", CMD_SENSITIVITY, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc && a.between) {
		size_t ia_, ib_;
		if (!(rc = cli_between_plans(&c, a.between, &ia_, &ib_, &err))) {
			ia = (long)ia_;
			ib = (long)ib_;
		}
	}
	if (rc || (rc = sensitivity_run(&c, &s, ia, ib, &r, &err)))
		goto fail;
	if (a.plot && (rc = sensitivity_plot(&c, &r, a.plot, a.plot_svg, &err)))
		goto fail;
	if ((rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, sensitivity_write(out.fp, &c, &r, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("sensitivity", rc, &err);
done:
	sens_result_release(&r);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
