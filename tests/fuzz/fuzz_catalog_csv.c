/*
 * fuzz_catalog_csv.c - catalog_load_csv (pricing/catalog.h) on any bytes,
 * stopping at the first problem and then again in `pricing validate` mode
 * (a diag that collects every problem), then catalog_check.
 */
#include "fuzz_util.h"
#include "../../pricing/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void report(void *ud, const struct llmtco_err *e, int warning)
{
	(void)e;
	(void)warning;
	++*(size_t *)ud;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	struct catalog c;
	struct catalog_diag d;
	struct llmtco_err err;
	size_t problems = 0;

	catalog_init(&c);
	err_clear(&err);
	if (catalog_load_csv(&c, "fuzz.csv", text, size, &err) == LLMTCO_OK)
		(void)catalog_check(&c, &err);
	catalog_release(&c);

	catalog_init(&c);
	d.report = report;
	d.ud = &problems;
	d.today = "2026-01-01";
	d.max_age_days = 90;
	c.diag = &d;
	err_clear(&err);
	if (catalog_load_csv(&c, "fuzz.csv", text, size, &err) == LLMTCO_OK)
		(void)catalog_check(&c, &err);
	catalog_release(&c);
	free(text);
	return 0;
}
