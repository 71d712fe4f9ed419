/*
 * output.h - where results go and in what shape: atomic output files, and a
 * grid of text cells rendered as an aligned table, RFC 4180 CSV (libcsv) or
 * Markdown.
 */
#ifndef LLMTCO_OUTPUT_H
#define LLMTCO_OUTPUT_H

#include <stdio.h>
#include "../common/llmtco.h"

enum out_format { FORMAT_TABLE = 0, FORMAT_CSV, FORMAT_JSON, FORMAT_MD };
enum period { PERIOD_MONTH = 0, PERIOD_DAY, PERIOD_YEAR };

/* Figures per month times this: day 12/365, month 1, year 12. */
double period_factor(enum period p);
/* "day", "month", "year". */
const char *period_name(enum period p);

/*
 * An output: standard output, or a temporary file beside `path` renamed
 * onto it by output_commit, so a reader never sees half a file.
 */
struct output {
	FILE *fp;
	char *path; /* final name, NULL for standard output */
	char *tmp;  /* temporary name while writing */
};

/* Open `path` for writing (NULL or "-": standard output). */
int output_open(struct output *o, const char *path, struct llmtco_err *err);

/* Flush, check, close and rename into place. LLMTCO_EIO on failure. */
int output_commit(struct output *o, struct llmtco_err *err);

/*
 * Finish an output once written: when the writer failed (`write_rc`, out of
 * memory) throw it away, else output_commit. Returns the status.
 */
int output_finish(struct output *o, int write_rc, struct llmtco_err *err);

/* Throw away what was written (removes the temporary file). */
void output_abort(struct output *o);

/*
 * After a failed write to `fp`: 1 when it failed because nobody reads any
 * more (a pipe or socket whose reader has gone: `llmtco sweep | head -1`).
 * That is not an error of llmtco's: it stops writing, quietly, and exits
 * with the status it would have had. SIGPIPE is ignored (main), so such a
 * write gives EPIPE instead of ending the program at a moment that depends
 * on how fast the reader is.
 */
int output_reader_gone(FILE *fp);

/* In a forked child before exec: SIGPIPE back to its default (main ignores it). */
void output_child_sigpipe(void);

struct cJSON;

/*
 * Print a JSON document (cJSON, formatted) and a newline, and delete it.
 * `root` may be NULL (out of memory). LLMTCO_EIO when out of memory.
 */
int json_emit(FILE *fp, struct cJSON *root);

/* A table of text cells; row 0 is the header. */
struct grid {
	size_t ncols, nrows;
	char **cells;          /* nrows * ncols, owned */
	unsigned char *right;  /* per column: 1 = right-aligned (numbers) */
};

int grid_init(struct grid *g, size_t ncols);
void grid_release(struct grid *g);
/* Append an empty row; returns its index, or (size_t)-1 out of memory. */
size_t grid_add_row(struct grid *g);
/* Set a cell (copied). 0, or -1 out of memory. */
int grid_set(struct grid *g, size_t row, size_t col, const char *text);

/* Aligned columns, two spaces apart, `indent` spaces before each row. */
void grid_write_table(FILE *fp, const struct grid *g, int indent);
/* RFC 4180: CRLF line ends, fields quoted (by libcsv) when they need it. */
void grid_write_csv(FILE *fp, const struct grid *g);
/* A Markdown pipe table, '|' escaped. */
void grid_write_md(FILE *fp, const struct grid *g);

#endif
