/*
 * json.c - JSON text to a cJSON tree, with located errors.
 */
#include "json.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

const char *json_skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

void text_line_col(const char *text, long off, int *line, int *col)
{
	long i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/*
 * cJSON reports a bad object key one character late (its string parser
 * steps past the opening character before failing). When the character
 * before the reported one follows a '{' or ',' and is not a '"', that
 * character is the culprit.
 */
static long key_error_at(const char *text, long off)
{
	long p = off - 1, q;

	if (p < 1 || text[p] == '"')
		return off;
	for (q = p - 1; q > 0 && strchr(" \t\r\n", text[q]); q--)
		;
	return text[q] == '{' || text[q] == ',' ? p : off;
}

struct cJSON *json_parse_located(const char *name, const char *text, size_t len,
				 const char *what, const char **body, int *status,
				 struct llmtco_err *err)
{
	const char *end, *stop = NULL;
	char *copy;
	cJSON *root;
	int line, col;

	*status = LLMTCO_EDATA;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	if (body)
		*body = text;
	end = text + len;
	if (memchr(text, '\0', len)) {
		err_set(err, LLMTCO_EDATA, name, 0, 0, "file holds a NUL byte: not JSON text");
		return NULL;
	}
	if (json_skip_ws(text, end) == end) {
		err_set(err, LLMTCO_EDATA, name, 1, 1, "empty file: expected %s", what);
		return NULL;
	}
	/*
	 * Parse a NUL-terminated copy: at the end of a length-bounded buffer
	 * cJSON reports the last character, not the end, as the error.
	 */
	if (!(copy = malloc(len + 1))) {
		*status = err_set(err, LLMTCO_EIO, name, 0, 0, "out of memory");
		return NULL;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	root = cJSON_ParseWithOpts(copy, &stop, 0);
	stop = stop ? text + (stop - copy) : NULL;
	free(copy);
	if (root && json_skip_ws(stop, end) != end) {
		text_line_col(text, json_skip_ws(stop, end) - text, &line, &col);
		cJSON_Delete(root);
		err_set(err, LLMTCO_EDATA, name, line, col, "unexpected text after the JSON value");
		return NULL;
	}
	if (!root) {
		long off = stop && stop >= text && stop <= end ? stop - text : (long)len;
		off = key_error_at(text, off);
		text_line_col(text, off, &line, &col);
		err_set(err, LLMTCO_EDATA, name, line, col, "%s",
			json_skip_ws(text + off, end) == end ? "invalid JSON: unexpected end of file"
							     : "invalid JSON");
		return NULL;
	}
	*status = LLMTCO_OK;
	return root;
}
