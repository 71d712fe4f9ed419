/*
 * fuzz_import_openrouter.c - import_prices (pricing/import.h) reading the
 * openrouter format from any bytes.
 */
#include "fuzz_util.h"
#include "../../pricing/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	enum import_format fmt;
	struct import_result r;
	struct llmtco_err err;

	if (import_format_parse("openrouter", &fmt))
		abort();
	import_result_init(&r);
	err_clear(&err);
	(void)import_prices(fmt, "fuzz.json", text, size, "2026-01-01", &r, &err);
	import_result_release(&r);
	free(text);
	return 0;
}
