/*
 * json.h - parsing JSON text with cJSON, errors located as file:line:col.
 * cJSON keeps no positions; this is the one place that turns its error
 * pointer into a line and column.
 */
#ifndef LLMTCO_JSON_H
#define LLMTCO_JSON_H

#include <stddef.h>
#include "llmtco.h"

struct cJSON;

/* Past JSON white space from p, not beyond end. */
const char *json_skip_ws(const char *p, const char *end);

/* The length of the UTF-8 sequence at p (n bytes left), 0 when not valid
 * UTF-8 (overlong, a surrogate, above U+10FFFF, cut short). */
size_t text_utf8_seq(const unsigned char *p, size_t n);

/* 1-based line and column (in characters, not bytes) of a byte offset. */
void text_line_col(const char *text, long off, int *line, int *col);

/*
 * Parse all of `text` (a UTF-8 byte order mark is skipped: *body, when not
 * NULL, gets where the JSON starts, for locating values later). Returns the
 * tree (the caller deletes it), or NULL with `err` filled and *status set: LLMTCO_EDATA at
 * "name:line:col" ("invalid JSON", "unexpected end of file", trailing text,
 * a NUL byte, an empty file expected to hold `what`), or LLMTCO_EIO.
 */
struct cJSON *json_parse_located(const char *name, const char *text, size_t len,
				 const char *what, const char **body, int *status,
				 struct llmtco_err *err);

#endif
