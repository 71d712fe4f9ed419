/*
 * cmd_routing.c - `llmtco routing`: what a routing policy saves.
 */
#include "cli.h"
#include "../reports/routing_out.h"

#include <string.h>

int cmd_routing(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct routing_result rr;
	struct tco_inputs in;
	struct scenario t;
	struct output out = { 0 };
	int rc, help;

	memset(&rr, 0, sizeof(rr));
	rc = cli_setup("routing", CMD_ROUTING, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc && !s.nroutes)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no routing policy: give --route FROM=TO:PCT or routing.policy");
	if (rc || (rc = routing_run(&c, &s, &rr, &err)))
		goto fail;
	/* the month's API spend the shares are scaled to */
	t = s;
	t.nroutes = 0;
	if (!t.api_spend.set && !t.requests_per_month.set && !t.tokens_per_day.set) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no workload: give --spend or --requests (with the mix)");
		goto fail;
	}
	if ((rc = tco_inputs_from(&c, &t, &in, NULL, &err)) ||
	    (rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, routing_write(out.fp, &rr, in.w.api_spend, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("routing", rc, &err);
done:
	routing_release(&rr);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
