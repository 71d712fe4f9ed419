/*
 * fuzz_usage.c - the usage-log reader (scenarios/usage.h): layout detection
 * and row parsing, fed through usage_feed in chunks whose sizes come from
 * the input's first byte (so lines and fields cross chunk ends), then
 * summarized against the built-in catalog.
 */
#include "fuzz_util.h"
#include "../../pricing/catalog.h"
#include "../../scenarios/usage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog builtin;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct usage_reader r;
	struct usage_summary sum;
	struct llmtco_err err;
	size_t chunk, off = 0;
	int rc;

	if (!loaded) {
		catalog_init(&builtin);
		err_clear(&err);
		if (catalog_load_builtin(&builtin, &err) != LLMTCO_OK)
			abort();
		loaded = 1;
	}
	if (size == 0)
		return 0;
	/* first byte: chunk size (0 = whole input at once) */
	chunk = data[0] ? data[0] : size;
	data++;
	size--;

	usage_init(&r, &builtin);
	err_clear(&err);
	rc = usage_begin(&r, "fuzz.csv", &err);
	while (!rc && off < size) {
		size_t n = size - off < chunk ? size - off : chunk;
		/* a copy of exactly n bytes, so reads past the chunk are caught */
		char *buf = malloc(n);

		if (!buf)
			abort();
		memcpy(buf, data + off, n);
		rc = usage_feed(&r, buf, n);
		free(buf);
		off += n;
	}
	if (!rc)
		rc = usage_finish(&r);
	else
		usage_abandon(&r);
	if (!rc && usage_summarize(&r, &sum) == LLMTCO_OK) {
		size_t i;
		char why[128];

		for (i = 0; i < sum.nmodels; i++)
			usage_unpriced_reason(sum.models[i], why, sizeof(why));
		usage_summary_release(&sum);
	}
	usage_release(&r);
	return 0;
}
