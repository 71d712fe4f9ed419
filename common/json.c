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

/* length of the UTF-8 sequence at p (at most n bytes), 0 when invalid */
size_t text_utf8_seq(const unsigned char *p, size_t n)
{
	size_t len, k;
	unsigned char lo = 0x80, hi = 0xBF;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0; /* overlong */
	else if (p[0] == 0xED)
		hi = 0x9F; /* a surrogate */
	else if (p[0] == 0xF0)
		lo = 0x90; /* overlong */
	else if (p[0] == 0xF4)
		hi = 0x8F; /* above U+10FFFF */
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (k = 2; k < len; k++)
		if ((p[k] & 0xC0) != 0x80)
			return 0;
	return len;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_word(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
	       c == '+' || c == '-';
}

/*
 * What cJSON lets through but RFC 8259 forbids: text that is not UTF-8, a
 * raw control character inside a string, a number with a leading zero
 * (tests/bad: scn-utf8.json, scn-control-char.json, scn-leading-zero.json).
 * Returns the offset of the first such byte and sets *what, or -1.
 */
static long lexical_error(const char *text, size_t len, const char **what)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i = 0, n;
	int in_string = 0;

	while (i < len) {
		unsigned char c = t[i];
		if (c >= 0x80) {
			if (!(n = text_utf8_seq(t + i, len - i))) {
				*what = "invalid UTF-8";
				return (long)i;
			}
			i += n;
		} else if (in_string) {
			if (c < 0x20) {
				*what = "control character in a string (write it as an escape)";
				return (long)i;
			}
			if (c == '"')
				in_string = 0;
			else if (c == '\\' && i + 1 < len && t[i + 1] < 0x80)
				i++;
			i++;
		} else if (c == '"') {
			in_string = 1;
			i++;
		} else if (is_word(c)) {
			n = i + (c == '-');
			if (n + 1 < len && t[n] == '0' && is_digit(t[n + 1])) {
				*what = "number with a leading zero";
				return (long)n;
			}
			while (i < len && is_word(t[i]))
				i++;
		} else {
			i++;
		}
	}
	return -1;
}

struct cJSON *json_parse_located(const char *name, const char *text, size_t len,
				 const char *what, const char **body, int *status,
				 struct llmtco_err *err)
{
	const char *end, *stop = NULL;
	char *copy;
	cJSON *root;
	const char *why;
	long bad;
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
	if (root && stop && json_skip_ws(stop, end) != end) {
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
	/* only now, so cJSON's own errors keep their places */
	if ((bad = lexical_error(text, len, &why)) >= 0) {
		text_line_col(text, bad, &line, &col);
		cJSON_Delete(root);
		err_set(err, LLMTCO_EDATA, name, line, col, "invalid JSON: %s", why);
		return NULL;
	}
	*status = LLMTCO_OK;
	return root;
}
