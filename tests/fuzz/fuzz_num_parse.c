/*
 * fuzz_num_parse.c - the strict number parser (common/llmtco.h): num_parse
 * on a NUL-terminated copy and num_parse_n on exactly the bytes; both must
 * agree when the input holds no NUL, and a success must be finite.
 */
#include "fuzz_util.h"
#include <math.h>
#include "../../common/llmtco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	char *exact = malloc(size ? size : 1);
	const char *why1 = NULL, *why2 = NULL;
	double a = 0, b = 0;
	int r1, r2;

	if (!exact)
		abort();
	if (size)
		memcpy(exact, data, size);
	r1 = num_parse(text, &a, &why1);
	r2 = num_parse_n(exact, size, &b, &why2);
	if (r1 == 0 && !isfinite(a))
		abort();
	if (r2 == 0 && !isfinite(b))
		abort();
	if (!memchr(data, '\0', size) && (r1 != r2 || (r1 == 0 && a != b)))
		abort();
	free(exact);
	free(text);
	return 0;
}
