/*
 * output.c - atomic output files and grid rendering.
 */
#include "output.h"

#include <cJSON.h>
#include <csv.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

double period_factor(enum period p)
{
	switch (p) {
	case PERIOD_DAY:
		return 12.0 / 365.0;
	case PERIOD_YEAR:
		return 12.0;
	case PERIOD_MONTH:
		break;
	}
	return 1.0;
}

const char *period_name(enum period p)
{
	switch (p) {
	case PERIOD_DAY:
		return "day";
	case PERIOD_YEAR:
		return "year";
	case PERIOD_MONTH:
		break;
	}
	return "month";
}

int output_open(struct output *o, const char *path, struct llmtco_err *err)
{
	int fd;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!path || !strcmp(path, "-")) {
		o->fp = stdout;
		return LLMTCO_OK;
	}
	n = strlen(path);
	o->path = strdup(path);
	o->tmp = malloc(n + 16);
	if (!o->path || !o->tmp) {
		output_abort(o);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	snprintf(o->tmp, n + 16, "%s.tmp-XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		free(o->tmp);
		o->tmp = NULL;
		output_abort(o);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s",
			       path, strerror(e));
	}
	{ /* mkstemp makes 0600; give the file what creat() would */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		output_abort(o);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s",
			       path, strerror(errno));
	}
	return LLMTCO_OK;
}

int output_commit(struct output *o, struct llmtco_err *err)
{
	int bad;

	if (!o->path) { /* standard output: checked again at exit */
		if (!(fflush(o->fp) || ferror(o->fp)) || output_reader_gone(o->fp))
			return LLMTCO_OK;
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "write error on standard output: %s",
			       strerror(errno));
	}
	bad = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
	if (fclose(o->fp) != 0)
		bad = 1;
	o->fp = NULL;
	if (bad || rename(o->tmp, o->path) != 0) {
		int e = errno;
		unlink(o->tmp);
		err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s", o->path,
			strerror(e));
		output_abort(o);
		return LLMTCO_EIO;
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return LLMTCO_OK;
}

int output_finish(struct output *o, int write_rc, struct llmtco_err *err)
{
	if (write_rc) {
		output_abort(o);
		return err_set(err, write_rc, NULL, 0, 0, "out of memory");
	}
	return output_commit(o, err);
}

void output_abort(struct output *o)
{
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
}

int output_reader_gone(FILE *fp)
{
	struct pollfd p;

	if (errno == EPIPE)
		return 1;
	/* the error may be older than errno: a pipe with no reader polls POLLERR */
	memset(&p, 0, sizeof(p));
	p.fd = fileno(fp);
	return p.fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

void output_child_sigpipe(void)
{
	struct sigaction dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGPIPE, &dfl, NULL);
}

/* ---- grids ---- */

int grid_init(struct grid *g, size_t ncols)
{
	memset(g, 0, sizeof(*g));
	g->ncols = ncols;
	g->right = calloc(ncols, 1);
	if (!g->right)
		return -1;
	return grid_add_row(g) == (size_t)-1 ? -1 : 0;
}

void grid_release(struct grid *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; g->cells && i < g->nrows * g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
	free(g->right);
	memset(g, 0, sizeof(*g));
}

size_t grid_add_row(struct grid *g)
{
	char **p = realloc(g->cells, (g->nrows + 1) * g->ncols * sizeof(*p));
	size_t i;

	if (!p)
		return (size_t)-1;
	g->cells = p;
	for (i = 0; i < g->ncols; i++)
		p[g->nrows * g->ncols + i] = NULL;
	return g->nrows++;
}

int grid_set(struct grid *g, size_t row, size_t col, const char *text)
{
	char **cell = &g->cells[row * g->ncols + col];

	free(*cell);
	*cell = strdup(text ? text : "");
	return *cell ? 0 : -1;
}

static const char *cell(const struct grid *g, size_t r, size_t c)
{
	const char *s = g->cells[r * g->ncols + c];
	return s ? s : "";
}

/* Display width of UTF-8 text: one column per character. */
static size_t width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void grid_write_table(FILE *fp, const struct grid *g, int indent)
{
	size_t r, c, *w = calloc(g->ncols ? g->ncols : 1, sizeof(*w));

	if (!w)
		return;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (width(cell(g, r, c)) > w[c])
				w[c] = width(cell(g, r, c));
	for (r = 0; r < g->nrows; r++) {
		fprintf(fp, "%*s", indent, "");
		for (c = 0; c < g->ncols; c++) {
			const char *s = cell(g, r, c);
			size_t pad = w[c] - width(s);
			int last = c + 1 == g->ncols;
			if (g->right[c])
				fprintf(fp, "%*s%s", (int)pad, "", s);
			else
				fprintf(fp, "%s%*s", s, last ? 0 : (int)pad, "");
			if (!last)
				fputs("  ", fp);
		}
		fputc('\n', fp);
	}
	free(w);
}

static int needs_quotes(const char *s)
{
	size_t n = strlen(s);
	return strpbrk(s, ",\"\r\n") != NULL ||
	       (n && (s[0] == ' ' || s[n - 1] == ' ' || s[0] == '\t' || s[n - 1] == '\t'));
}

void grid_write_csv(FILE *fp, const struct grid *g)
{
	size_t r, c;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			const char *s = cell(g, r, c);
			if (c)
				fputc(',', fp);
			if (needs_quotes(s))
				csv_fwrite(fp, s, strlen(s));
			else
				fputs(s, fp);
		}
		fputs("\r\n", fp);
	}
}

static void md_cell(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", fp);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', fp);
		else
			fputc(*s, fp);
	}
}

void grid_write_md(FILE *fp, const struct grid *g)
{
	size_t r, c;

	for (r = 0; r < g->nrows; r++) {
		fputc('|', fp);
		for (c = 0; c < g->ncols; c++) {
			fputc(' ', fp);
			md_cell(fp, cell(g, r, c));
			fputs(" |", fp);
		}
		fputc('\n', fp);
		if (r == 0) {
			fputc('|', fp);
			for (c = 0; c < g->ncols; c++)
				fputs(g->right[c] ? " ---: |" : " --- |", fp);
			fputc('\n', fp);
		}
	}
}

int json_emit(FILE *fp, struct cJSON *root)
{
	char *text = root ? cJSON_Print(root) : NULL;

	cJSON_Delete(root);
	if (!text)
		return LLMTCO_EIO;
	fprintf(fp, "%s\n", text);
	cJSON_free(text);
	return LLMTCO_OK;
}
