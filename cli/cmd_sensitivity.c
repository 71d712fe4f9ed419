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
		char buf[256], *comma;
		size_t idx[2];
		snprintf(buf, sizeof(buf), "%s", a.between);
		comma = strchr(buf, ',');
		*comma = '\0';
		if (catalog_match(&c, buf, idx, 2) != 1 || catalog_match(&c, comma + 1, idx + 1, 2) != 1)
			rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--between: each side must name one option (id or id/plan)");
		ia = (long)idx[0];
		ib = (long)idx[1];
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
