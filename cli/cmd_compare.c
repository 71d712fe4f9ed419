/*
 * cmd_compare.c - `llmtco compare`: every option's cost for one workload.
 */
#include "cli.h"
#include "../reports/compare_out.h"
#include "../reports/usage_out.h"

#include <stdio.h>

int cmd_compare(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct comparison cmp = { 0 };
	struct output out = { 0 };
	struct usage_workload uw = { 0 }; /* --usage: the logs are the workload */
	int rc, help;

	rc = cli_setup("compare", CMD_COMPARE, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc && a.nusage)
		rc = cli_usage_workload(&a, &c, &s, &uw, &err);
	if (!rc)
		rc = tco_compare(&c, &s, &cmp, &err);
	if (!rc)
		rc = output_open(&out, a.output, &err);
	if (!rc) {
		if (a.nusage) { /* the logs are the workload: say so first */
			cmp.lead_human = uw.say;
			cmp.lead_machine = uw.say_machine;
			cmp.workload_usage = uw.json;
		}
		rc = output_finish(&out, compare_write(out.fp, &c, &cmp, a.format, a.period,
							s.name), &err);
	}
	if (rc)
		cli_report("compare", rc, &err);
done:
	usage_workload_release(&uw);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
