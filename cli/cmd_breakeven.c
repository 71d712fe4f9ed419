/*
 * cmd_breakeven.c - `llmtco breakeven`: where options' totals cross.
 */
#include "cli.h"
#include "../reports/breakeven_out.h"
#include "../scenarios/breakeven.h"

#include <stdlib.h>
#include <string.h>

/* The variable named by --in (default spend). */
int cli_variable(const struct cli_args *a, enum be_var *v, struct llmtco_err *err)
{
	*v = BE_SPEND;
	if (a->in && be_var_parse(a->in, v))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--in must be spend, requests, tokens-per-day, hours or rate, not \"%.60s\"",
			       a->in);
	return LLMTCO_OK;
}

int cmd_breakeven(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct comparison cmp;
	struct tco_inputs in;
	struct output out = { 0 };
	struct be_pair *pairs = NULL;
	size_t *idx = NULL, npairs = 0, i, done = 0;
	char a_key[128] = "", *b_key = NULL;
	enum be_var v;
	double max;
	int rc, help;

	memset(&cmp, 0, sizeof(cmp));
	rc = cli_setup("breakeven", CMD_BREAKEVEN, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc)
		rc = cli_variable(&a, &v, &err);
	if (!rc && a.between) {
		snprintf(a_key, sizeof(a_key), "%s", a.between);
		if ((b_key = strchr(a_key, ',')))
			*b_key++ = '\0';
	}
	if (rc)
		goto fail;
	max = a.max.set ? a.max.r.value : be_default_max(v);
	if ((rc = tco_inputs_at(&c, &s, v, max, &in, &cmp, &err)) ||
	    (rc = breakeven_pairs(&c, &s, v, a.between ? a_key : NULL, b_key, &idx, &npairs, &err)))
		goto fail;
	if (!(pairs = calloc(npairs, sizeof(*pairs)))) {
		rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < npairs && !rc; i++, done++)
		rc = breakeven_pair(&c, &s, v, idx[2 * i], idx[2 * i + 1], max, &pairs[i], &err);
	if (rc || (rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, breakeven_write(out.fp, &c, &cmp, v, max, pairs, npairs, a.format), &err)))
		goto fail;
	goto done;
fail:
	cli_report("breakeven", rc, &err);
done:
	for (i = 0; i < done; i++)
		be_pair_release(&pairs[i]);
	free(pairs);
	free(idx);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
