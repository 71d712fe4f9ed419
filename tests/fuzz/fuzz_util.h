/*
 * fuzz_util.h - shared helpers of the libFuzzer targets (see `make fuzz`).
 */
#ifndef LLMTCO_FUZZ_UTIL_H
#define LLMTCO_FUZZ_UTIL_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The input as a malloc'd NUL-terminated copy, as cli/files.c reads a file. */
static inline char *fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
#endif
