/*
 * fuzz_import.c - import_prices (pricing/import.h) reading any bytes as
 * the format IMPORT_FORMAT names: the Makefile builds it once per
 * importer (fuzz_import_litellm, fuzz_import_genai_prices,
 * fuzz_import_openrouter) with -DIMPORT_FORMAT='"litellm"' and so on.
 */
#include "fuzz_util.h"
#include "../../pricing/import.h"

#ifndef IMPORT_FORMAT
#error "build with -DIMPORT_FORMAT='\"litellm\"' (or genai-prices, openrouter)"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	enum import_format fmt;
	struct import_result r;
	struct llmtco_err err;

	if (import_format_parse(IMPORT_FORMAT, &fmt))
		abort();
	import_result_init(&r);
	err_clear(&err);
	(void)import_prices(fmt, "fuzz.json", text, size, "2026-01-01", &r, &err);
	import_result_release(&r);
	free(text);
	return 0;
}
