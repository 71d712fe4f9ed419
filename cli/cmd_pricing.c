/*
 * cmd_pricing.c - `llmtco pricing list | show ID | validate [PATH]`.
 */
#include "cli.h"
#include "../reports/pricing_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pricing_show(const struct catalog *c, const struct cli_args *a,
			FILE *fp, struct llmtco_err *err)
{
	size_t *idx, n, total = 0, i;
	int rc;

	if (a->nrest < 2)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "pricing show needs an option id (see llmtco pricing list)");
	idx = malloc((c->noptions + 1) * sizeof(*idx));
	if (!idx)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 1; i < a->nrest; i++) {
		n = catalog_match(c, a->rest[i], idx + total, c->noptions - total);
		if (!n) {
			free(idx);
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "unknown option id \"%.60s\" (see llmtco pricing list)",
				       a->rest[i]);
		}
		total += n;
		if (total > c->noptions) /* the same id twice */
			total = c->noptions;
	}
	rc = pricing_show_write(fp, c, idx, total, a->format);
	free(idx);
	return rc ? err_set(err, rc, NULL, 0, 0, "out of memory") : LLMTCO_OK;
}

int cmd_pricing(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct output out = { 0 };
	const char *sub;
	int rc;

	err_clear(&err);
	catalog_init(&c);
	rc = opts_parse(&a, CMD_PRICING, argc, argv, 2, &err);
	if (!rc && (a.help || !a.nrest)) {
		help_command(a.help ? stdout : stderr, "pricing");
		rc = a.help ? LLMTCO_OK : LLMTCO_EUSAGE;
		goto done;
	}
	if (rc)
		goto fail;
	sub = a.rest[0];
	if (!strcmp(sub, "validate")) {
		/* validate PATH: that file or folder on top of the built-in catalog */
		if (a.nrest > 2) {
			rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "pricing validate takes one PATH");
			goto fail;
		}
		if (a.nrest == 2) {
			const char **p = realloc((void *)a.pricing, (a.npricing + 1) * sizeof(*p));
			if (!p) {
				rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
				goto fail;
			}
			p[a.npricing++] = a.rest[1];
			a.pricing = p;
		}
		if ((rc = cli_catalog(&c, &a, &err)))
			goto fail;
		printf("ok: %zu options, %zu models, %zu defaults\n", c.noptions, c.nmodels,
		       c.nfacts);
		goto done;
	}
	if (strcmp(sub, "list") && strcmp(sub, "show")) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "unknown pricing command \"%.60s\" (list, show or validate)", sub);
		goto fail;
	}
	if (!strcmp(sub, "list") && a.nrest > 1) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "unexpected argument \"%.60s\"", a.rest[1]);
		goto fail;
	}
	if ((rc = cli_check_output(&a, &err)) || (rc = cli_catalog(&c, &a, &err)) ||
	    (rc = output_open(&out, a.output, &err)))
		goto fail;
	if (!strcmp(sub, "list"))
		rc = pricing_list_write(out.fp, &c, a.format)
			? err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory") : LLMTCO_OK;
	else
		rc = pricing_show(&c, &a, out.fp, &err);
	if (rc) {
		output_abort(&out);
		goto fail;
	}
	if ((rc = output_commit(&out, &err)))
		goto fail;
	goto done;
fail:
	cli_report("pricing", rc, &err);
done:
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
