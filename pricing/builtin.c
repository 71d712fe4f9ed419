/*
 * builtin.c - load the catalog compiled into the program.
 */
#include "builtin.h"
#include "catalog.h"

int catalog_load_builtin(struct catalog *c, struct llmtco_err *err)
{
	const struct builtin_table *t;
	int rc;

	/* gateways before the tables that refer to them */
	for (t = builtin_tables; t->name; t++)
		if ((rc = catalog_load_csv(c, t->name, t->data, t->len, err)))
			return rc;
	return catalog_check(c, err);
}
