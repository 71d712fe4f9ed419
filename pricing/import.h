/*
 * import.h - model prices from other people's catalogs: the LiteLLM price
 * map, genai-prices (data v2) and OpenRouter's /api/v1/models, turned into
 * rows of the models.csv table (../shared/FORMATS.md, "Price catalogs").
 *
 * Pure: the caller reads the file and writes the table; cJSON parses.
 */
#ifndef LLMTCO_IMPORT_H
#define LLMTCO_IMPORT_H

#include <stddef.h>
#include "catalog.h"

enum import_format {
	IMPORT_LITELLM = 0, /* model_prices_and_context_window.json */
	IMPORT_GENAI,       /* genai-prices data v2 (data.json) */
	IMPORT_OPENROUTER   /* OpenRouter GET /api/v1/models */
};

/* One row of models.csv. */
struct import_row {
	struct model_price price; /* provider, model and source owned here;
				     `at` unused. Prices rounded to 12
				     significant digits */
	char *notes;              /* what a reader should know, never NULL */
	char *entry;              /* the file's name for the model it came from */
};

/* An entry (or a row of one) that was not imported, and why. */
struct import_skip {
	char *name;   /* as the file names it: LiteLLM key, "provider/id", id */
	char *reason; /* "mode embedding", "no token prices", ... */
};

struct import_result {
	struct import_row *rows;      /* in file order */
	size_t nrows, rows_cap;
	struct import_skip *skipped;  /* in file order */
	size_t nskipped, skipped_cap;
	size_t entries;               /* models the file lists (LiteLLM's
					 sample_spec is not one) */
};

/* Fill an empty result (no allocation). */
void import_result_init(struct import_result *r);

/* Free what a result holds; it is empty afterwards. NULL is fine. */
void import_result_release(struct import_result *r);

/* "litellm", "genai-prices" or "openrouter" to a format: 0, or -1. */
int import_format_parse(const char *name, enum import_format *fmt);

/* The format's command-line name ("genai-prices"). */
const char *import_format_name(enum import_format fmt);

/*
 * Read the price catalog `json` (`len` bytes, in format `fmt`; `name` is
 * the file's path, used in messages and, without its folders, in each
 * row's source) into `out`, which must be initialised and is appended to.
 * `as_of_date` (YYYY-MM-DD) is every row's as_of and picks genai-prices'
 * dated price lists: the last entry in force that day.
 *
 * Every model of the file either gives rows (a base row, one per service
 * tier and per context tier, see import.c) or is listed in out->skipped with
 * its reason; a row that repeats an earlier one (same provider, model,
 * service tier and threshold, ignoring case) is listed there too and the
 * first kept.
 *
 * Returns LLMTCO_OK; LLMTCO_EDATA with err at file:line:col for text that is
 * not JSON or a document of the wrong shape; LLMTCO_EUSAGE for a bad
 * as_of_date; LLMTCO_EIO when out of memory. `err->file` points to `name`.
 */
int import_prices(enum import_format fmt, const char *name, const char *json,
		  size_t len, const char *as_of_date, struct import_result *out,
		  struct llmtco_err *err);

#endif
