/*
 * cmd_compare.c - `llmtco compare`: every option's cost for one workload.
 */
#include "cli.h"
#include "../reports/compare_out.h"

#include <stdio.h>

int cmd_compare(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct comparison cmp = { 0 };
	struct output out = { 0 };
	int rc;

	err_clear(&err);
	catalog_init(&c);
	scenario_init(&s);
	rc = opts_parse(&a, CMD_COMPARE, argc, argv, 2, &err);
	if (!rc && a.help) {
		help_command(stdout, "compare");
		goto done;
	}
	if (!rc && a.nrest)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "unexpected argument \"%.60s\"", a.rest[0]);
	if (!rc)
		rc = cli_check_output(&a, &err);
	if (!rc)
		rc = cli_catalog(&c, &a, &err);
	if (!rc)
		rc = cli_scenario(&s, &c, &a, &err);
	if (!rc)
		rc = tco_compare(&c, &s, &cmp, &err);
	if (!rc)
		rc = output_open(&out, a.output, &err);
	if (!rc) {
		rc = compare_write(out.fp, &c, &cmp, a.format, a.period, s.name);
		if (rc) {
			err_set(&err, rc, NULL, 0, 0, "out of memory");
			output_abort(&out);
		} else {
			rc = output_commit(&out, &err);
		}
	}
	if (rc)
		cli_report("compare", rc, &err);
done:
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
