/*
 * plot.c - line and stacked-bar charts drawn by gnuplot.
 *
 * The chart is written as a gnuplot script in memory (data inline as
 * gnuplot 5 data blocks, numbers as "%.17g": the program never calls
 * setlocale, so the decimal point is '.'), then gnuplot is started with
 * fork() + execvp() - no shell - and fed the script on a pipe to its
 * standard input while its standard error is collected on another pipe.
 * A third, close-on-exec pipe tells the parent whether exec itself failed.
 *
 * Every string that reaches gnuplot goes through put_str(): in single
 * quotes (where gnuplot expands neither backquotes nor macros and reads '\'
 * literally), a quote doubled, control characters turned into spaces. Text
 * is drawn with enhanced mode off, so "routing_savings" or "a/b (c & d)"
 * appear as typed. The output is a temporary file beside `path`, renamed
 * onto it only when gnuplot exited 0 and wrote something.
 *
 * Tick labels are made here, not by gnuplot's format strings: "$%'.0f"
 * needs a locale with grouping, and the program runs in the C locale.
 */
#include "plot.h"
#include "format.h"
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOT_FOUND "gnuplot not found: install gnuplot (Debian: gnuplot-nox) or set LLMTCO_GNUPLOT"

/* Give up on a gnuplot that says nothing and does not exit for this long. */
#define GNUPLOT_TIMEOUT_MS 120000

/* The image size; SPEC asks for a readable chart, at least 640x400. */
#define WIDTH 1200
#define HEIGHT 750

/* ---- script text ---- */

/* A gnuplot string literal: 'it''s', control characters as spaces. */
static void put_str(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\'')
			fputs("''", fp);
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', fp);
		else
			fputc(c, fp);
	}
	fputc('\'', fp);
}

/* A number gnuplot reads back exactly; NaN (a gap) when not finite. */
static void put_num(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, "%.17g", v == 0.0 ? 0.0 : v);
	else
		fputs("NaN", fp);
}

/* "$12,500", "-$3,500", "12,500": tick and total labels. */
static void label_text(char *buf, size_t size, double v, int decimals, int money)
{
	char num[96];

	if (v == 0.0 || fabs(v) < 1e-12)
		v = 0.0;
	fmt_human(num, sizeof(num), fabs(v), decimals);
	snprintf(buf, size, "%s%s%s", v < 0 && strspn(num, "0,.") != strlen(num) ? "-" : "",
		 money ? "$" : "", num);
}

/* A round step that cuts `span` into about `target` pieces: 1, 2, 2.5, 5 x 10^k. */
static double nice_step(double span, int target)
{
	double raw = span / target, mag, f;

	if (!(raw > 0) || !isfinite(raw))
		return 1.0;
	mag = pow(10.0, floor(log10(raw)));
	f = raw / mag;
	if (f <= 1.0)
		return mag;
	if (f <= 2.0)
		return 2.0 * mag;
	if (f <= 2.5)
		return 2.5 * mag;
	if (f <= 5.0)
		return 5.0 * mag;
	return 10.0 * mag;
}

/* Decimals needed to print multiples of `step` exactly (0-6). */
static int step_decimals(double step)
{
	int d;

	for (d = 0; d < 6; d++) {
		double scaled = step * pow(10.0, d);
		if (fabs(scaled - round(scaled)) < 1e-6 * scaled)
			break;
	}
	return d;
}

/* Widen [*lo, *hi] to multiples of a round step; return the step. */
static double nice_range(double *lo, double *hi, int target)
{
	double step;

	if (!(*hi > *lo)) { /* one value: around it, never below 0 for costs >= 0 */
		double pad = *hi != 0.0 ? fabs(*hi) * 0.5 : 1.0;
		*lo = *lo >= 0 && *lo - pad < 0 ? 0.0 : *lo - pad;
		*hi += pad;
	}
	step = nice_step(*hi - *lo, target);
	*lo = floor(*lo / step + 1e-9) * step;
	*hi = ceil(*hi / step - 1e-9) * step;
	return step;
}

/* One "'label' position" item of a tic list. */
static void put_tic(FILE *fp, int *first, double v, int decimals, int money)
{
	char text[128];

	label_text(text, sizeof(text), v, decimals, money);
	fputs(*first ? "" : ", ", fp);
	put_str(fp, text);
	fputc(' ', fp);
	put_num(fp, v);
	*first = 0;
}

/*
 * "set ytics ('$0' 0, '$5,000' 5000, ...)": multiples of step in [lo, hi].
 * Returns the longest label's length.
 */
static size_t put_linear_tics(FILE *fp, const char *axis, double lo, double hi,
			      double step, int money)
{
	int decimals = step_decimals(step), first = 1;
	double k, k0 = ceil(lo / step - 1e-9), k1 = floor(hi / step + 1e-9);
	size_t widest = 0;

	fprintf(fp, "set %stics (", axis);
	for (k = k0; k <= k1 && k - k0 < 1000; k++) {
		double v = k * step;
		char text[128];
		if (fabs(v) < step * 1e-9)
			v = 0.0;
		put_tic(fp, &first, v, decimals, money);
		label_text(text, sizeof(text), v, decimals, money);
		if (strlen(text) > widest)
			widest = strlen(text);
	}
	fputs(")\n", fp);
	return widest;
}

/* Log-scale tics: 1, 2, 5 x 10^k over a short range, 10^k over a long one. */
static void put_log_tics(FILE *fp, const char *axis, double lo, double hi, int money)
{
	static const double all[] = { 1, 2, 5 }, ones[] = { 1 };
	int d, d0 = (int)floor(log10(lo)), d1 = (int)ceil(log10(hi));
	int decades = d1 - d0, every = decades > 10 ? (decades + 9) / 10 : 1;
	const double *mult = decades <= 3 ? all : ones;
	size_t m, nmult = decades <= 3 ? 3 : 1;
	int first = 1, count = 0;

	for (d = d0; d <= d1; d++)
		for (m = 0; m < nmult; m++) {
			double v = mult[m] * pow(10.0, d);
			if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9))
				count++;
		}
	if (count < 2) { /* less than a decade: round linear steps */
		double step = nice_step(hi - lo, 6);
		put_linear_tics(fp, axis, ceil(lo / step) * step, hi, step, money);
		return;
	}
	fprintf(fp, "set %stics (", axis);
	for (d = d0; d <= d1; d++) {
		if ((d - d0) % every)
			continue;
		for (m = 0; m < nmult; m++) {
			double v = mult[m] * pow(10.0, d);
			if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9))
				put_tic(fp, &first, v, d < 0 ? -d : 0, money);
		}
	}
	fputs(")\n", fp);
}

/* Characters (not bytes) of UTF-8 text. */
static size_t text_width(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Terminal, output file and the look both charts share. */
static void put_header(FILE *fp, enum plot_format fmt, const char *out,
		       const char *title)
{
	if (fmt == PLOT_SVG)
		fprintf(fp, "set terminal svg size %d,%d noenhanced font ',11' "
			"background rgb 'white'\n", WIDTH, HEIGHT);
	else
		fprintf(fp, "set terminal pngcairo size %d,%d noenhanced font ',11'\n",
			WIDTH, HEIGHT);
	fputs("set termoption noenhanced\nset encoding utf8\nset output ", fp);
	put_str(fp, out);
	fputs("\nset title ", fp);
	put_str(fp, title);
	fputs(" font ',15'\n"
	      "set border 3 lw 1.2\n"
	      "set tics nomirror out\n"
	      "set key outside right top vertical Left reverse samplen 3 spacing 1.4 "
	      "box lc rgb '#bbbbbb'\n",
	      fp);
}

/* ---- the line chart ---- */

/* Where x sits across the plot, 0-1, on the axis's scale. */
static double x_frac(const struct line_plot *p, double x, double lo, double hi)
{
	if (p->log_x)
		return x > 0 ? (log10(x) - log10(lo)) / (log10(hi) - log10(lo)) : 0.0;
	return (x - lo) / (hi - lo);
}

/*
 * Where a mark's label goes. Cost lines rise to the right, so above and to
 * the left of the point is empty: the label goes there, right-aligned.
 * Near the left edge it goes to the right instead, below the point (the
 * empty side there), or above it when the point is near the bottom; near
 * the top a left label goes below.
 */
struct mark_place {
	double fx, fy; /* the point across and up the plot, 0-1 */
	int left, up;  /* label left of / above the point */
};

static struct mark_place mark_place(const struct line_plot *p, const struct plot_mark *m,
				    double xlo, double xhi, double ylo, double yhi)
{
	struct mark_place mp;

	mp.fx = x_frac(p, m->x, xlo, xhi);
	mp.fy = (m->y - ylo) / (yhi - ylo);
	mp.left = mp.fx >= 0.3;
	mp.up = mp.left ? mp.fy <= 0.8 : mp.fy < 0.25;
	return mp;
}

static int line_script(FILE *fp, const struct line_plot *p, const char *out,
		       enum plot_format fmt, struct llmtco_err *err)
{
	double xlo = INFINITY, xhi = -INFINITY, ylo = 0.0, yhi = -INFINITY, step;
	size_t i, s;

	for (i = 0; i < p->n; i++) {
		double x = p->x[i];
		if (!isfinite(x) || (p->log_x && x <= 0))
			continue;
		xlo = fmin(xlo, x);
		xhi = fmax(xhi, x);
		for (s = 0; s < p->nseries; s++) {
			double y = p->series[s].y[i];
			if (isfinite(y)) {
				ylo = fmin(ylo, y);
				yhi = fmax(yhi, y);
			}
		}
	}
	if (!(xlo <= xhi))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, p->log_x
			       ? "nothing to plot: no positive x value for a log scale"
			       : "nothing to plot: no finite x value");
	for (i = 0; i < p->nmarks; i++)
		if (isfinite(p->marks[i].y) && isfinite(p->marks[i].x)) {
			ylo = fmin(ylo, p->marks[i].y);
			yhi = fmax(yhi, p->marks[i].y);
		}
	if (!isfinite(yhi))
		yhi = 1.0;
	if (xhi == xlo) {
		xlo = p->log_x ? xlo / 2 : xlo - 1;
		xhi = p->log_x ? xhi * 2 : xhi + 1;
	}
	yhi += (yhi - ylo) * 0.06; /* room for the labels of marks near the top */

	put_header(fp, fmt, out, p->title);
	fputs("set xlabel ", fp);
	put_str(fp, p->xlabel);
	fputs("\nset ylabel ", fp);
	put_str(fp, p->ylabel);
	fputs("\nset grid xtics ytics lt 1 lc rgb '#e2e2e2' lw 1\n"
	      "set style textbox opaque fillcolor rgb 'white' noborder margins 2,2\n",
	      fp);
	/* a hair wider: gnuplot drops a log-axis tic exactly on the edge */
	fputs("set xrange [", fp);
	put_num(fp, p->log_x ? xlo * (1 - 1e-9) : xlo - (xhi - xlo) * 1e-9);
	fputc(':', fp);
	put_num(fp, p->log_x ? xhi * (1 + 1e-9) : xhi + (xhi - xlo) * 1e-9);
	fputs("]\n", fp);
	if (p->log_x) {
		fputs("set logscale x 10\n", fp);
		put_log_tics(fp, "x", xlo, xhi, p->x_money);
	} else {
		double a = xlo, b = xhi;
		step = nice_step(b - a, 8);
		put_linear_tics(fp, "x", a, b, step, p->x_money);
	}
	step = nice_range(&ylo, &yhi, 8);
	fputs("set yrange [", fp);
	put_num(fp, ylo);
	fputc(':', fp);
	put_num(fp, yhi);
	fputs("]\n", fp);
	put_linear_tics(fp, "y", ylo, yhi, step, 1);

	/*
	 * Marks: a dashed guide down to the x axis, a point, and the label in
	 * an opaque box beside it (mark_place); labels of marks close together
	 * on the same side step apart so they do not cover one another.
	 */
	for (i = 0; i < p->nmarks; i++) {
		const struct plot_mark *m = &p->marks[i];
		struct mark_place mp = mark_place(p, m, xlo, xhi, ylo, yhi);
		int near = 0;
		size_t j;

		if (!isfinite(m->x) || !isfinite(m->y))
			continue;
		for (j = 0; j < i; j++) {
			struct mark_place o = mark_place(p, &p->marks[j], xlo, xhi, ylo, yhi);
			if (o.left == mp.left && o.up == mp.up && fabs(o.fx - mp.fx) < 0.25 &&
			    fabs(o.fy - mp.fy) < 0.2)
				near++;
		}
		fputs("set arrow from first ", fp);
		put_num(fp, m->x);
		fputs(", graph 0 to first ", fp);
		put_num(fp, m->x);
		fputs(", first ", fp);
		put_num(fp, m->y);
		fputs(" nohead dt 2 lw 1 lc rgb '#777777' back\n", fp);
		fputs("set label ", fp);
		put_str(fp, m->label);
		fputs(" at first ", fp);
		put_num(fp, m->x);
		fputs(", first ", fp);
		put_num(fp, m->y);
		fprintf(fp, " %s offset char %s, char %.1f boxed front\n",
			mp.left ? "right" : "left", mp.left ? "-1.5" : "1.5",
			(mp.up ? 1.5 : -1.5) * (1.0 + (double)near * 1.2));
	}

	fputs("$data << EOD\n", fp);
	for (i = 0; i < p->n; i++) {
		put_num(fp, p->x[i]);
		for (s = 0; s < p->nseries; s++) {
			fputc(' ', fp);
			put_num(fp, p->series[s].y[i]);
		}
		fputc('\n', fp);
	}
	fputs("EOD\n", fp);
	if (p->nmarks) {
		fputs("$marks << EOD\n", fp);
		for (i = 0; i < p->nmarks; i++) {
			put_num(fp, p->marks[i].x);
			fputc(' ', fp);
			put_num(fp, p->marks[i].y);
			fputc('\n', fp);
		}
		fputs("EOD\n", fp);
	}
	fputs("plot ", fp);
	for (s = 0; s < p->nseries; s++) {
		/* after 8 colours gnuplot repeats them: vary the dash instead */
		fprintf(fp, "%s$data using 1:%zu with lines lw 2.5 dt %zu title ",
			s ? ", \\\n     " : "", s + 2, s / 8 + 1);
		put_str(fp, p->series[s].name);
	}
	if (p->nmarks) {
		fputs(", \\\n     $marks using 1:2 with points pt 7 ps 1.6 lc rgb 'black' "
		      "title ", fp);
		put_str(fp, p->marks_name ? p->marks_name : "crossing");
	}
	fputs("\nunset output\n", fp);
	return LLMTCO_OK;
}

/* ---- the stacked bar chart ---- */

/*
 * Parts are stacked from zero: positive parts upwards in their order,
 * negative parts (routing savings) downwards below the zero line, so each
 * box is as tall as its amount and nothing is hidden or netted away. The
 * label above each bar is its true total (positive parts plus negative
 * ones), and a black bar across each stack with a negative part marks
 * that net total. Parts that are zero in every bar stay out of the legend.
 */
static int bars_script(FILE *fp, const struct bar_plot *p, const char *out,
		       enum plot_format fmt)
{
	double ylo = 0.0, yhi = 0.0, maxtotal = 0.0, step;
	size_t b, k, nshown = 0;
	int negative = 0, decimals, first = 1;
	size_t maxname = 0, ywidest;
	double *up = calloc(p->nbars, sizeof(*up)), *down = calloc(p->nbars, sizeof(*down));

	if (!up || !down) {
		free(up);
		free(down);
		return -1;
	}
	for (b = 0; b < p->nbars; b++) {
		double total = 0.0;
		for (k = 0; k < p->nparts; k++) {
			double v = p->values[b * p->nparts + k];
			if (!isfinite(v))
				continue;
			if (v < 0) {
				down[b] += v;
				negative = 1;
			} else {
				up[b] += v;
			}
			total += v;
		}
		yhi = fmax(yhi, up[b]);
		ylo = fmin(ylo, down[b]);
		maxtotal = fmax(maxtotal, fabs(total));
		if (text_width(p->bars[b]) > maxname)
			maxname = text_width(p->bars[b]);
	}
	decimals = maxtotal >= 100.0 ? 0 : 2;
	yhi += (yhi - ylo) * 0.08; /* room for the totals */
	step = nice_range(&ylo, &yhi, 8);

	put_header(fp, fmt, out, p->title);
	fputs("set ylabel ", fp);
	put_str(fp, p->ylabel);
	fputs("\nset grid ytics lt 1 lc rgb '#e2e2e2' lw 1\n"
	      "set style fill solid 0.9 border lc rgb 'white'\n"
	      "set xzeroaxis lt -1 lw 1\n",
	      fp);
	fprintf(fp, "set xrange [-0.6:%zu.6]\n", p->nbars - 1);
	fputs("set yrange [", fp);
	put_num(fp, ylo);
	fputc(':', fp);
	put_num(fp, yhi);
	fputs("]\n", fp);
	ywidest = put_linear_tics(fp, "y", ylo, yhi, step, 1);
	/*
	 * About 850 pixels for the bars, 7 per character: long names are
	 * rotated 30 degrees, ending at their tic, and the left margin grows so
	 * the first one is not cut off (its width is 0.87 of its length, less
	 * the 0.6 bar-width between the axis and the first bar, ~120 columns
	 * of plot shared by nbars + 0.2 of them).
	 */
	fputs("set xtics (", fp);
	for (b = 0; b < p->nbars; b++) {
		fputs(b ? ", " : "", fp);
		put_str(fp, p->bars[b]);
		fprintf(fp, " %zu", b);
	}
	if (maxname * 7 * p->nbars > 800) {
		double need = 0.87 * (double)text_width(p->bars[0]) + 2.0 -
			      0.6 * 120.0 / ((double)p->nbars + 0.2);
		fputs(") rotate by 30 right\n", fp);
		if (need > (double)ywidest + 6.0)
			fprintf(fp, "set lmargin %d\n", (int)ceil(need));
	} else {
		fputs(")\n", fp);
	}

	for (b = 0; b < p->nbars && !p->hide_totals; b++) {
		char text[128];
		label_text(text, sizeof(text), up[b] + down[b], decimals, 1);
		if (down[b] < 0) /* the box reaches higher than the total */
			strcat(text, " net");
		fputs("set label ", fp);
		put_str(fp, text);
		fprintf(fp, " at first %zu, first ", b);
		put_num(fp, up[b]);
		fputs(" center offset 0, char 0.9 front\n", fp);
	}

	/* one data block per part: x y xlow xhigh ylow yhigh of each box */
	for (b = 0; b < p->nbars; b++)
		up[b] = down[b] = 0.0;
	for (k = 0; k < p->nparts; k++) {
		fprintf(fp, "$part%zu << EOD\n", k);
		for (b = 0; b < p->nbars; b++) {
			double v = p->values[b * p->nparts + k], lo, hi;
			if (!isfinite(v) || v == 0.0)
				continue;
			if (v < 0) {
				hi = down[b];
				lo = down[b] += v;
			} else {
				lo = up[b];
				hi = up[b] += v;
			}
			fprintf(fp, "%zu ", b);
			put_num(fp, (lo + hi) / 2);
			fprintf(fp, " %.17g %.17g ", (double)b - 0.35, (double)b + 0.35);
			put_num(fp, lo);
			fputc(' ', fp);
			put_num(fp, hi);
			fputc('\n', fp);
		}
		fputs("EOD\n", fp);
	}
	if (negative && !p->hide_totals) {
		fputs("$net << EOD\n", fp);
		for (b = 0; b < p->nbars; b++) {
			if (down[b] == 0.0)
				continue;
			fprintf(fp, "%.17g ", (double)b - 0.42);
			put_num(fp, up[b] + down[b]);
			fputs(" 0.84 0\n", fp);
		}
		fputs("EOD\n", fp);
	}
	fputs("plot ", fp);
	for (k = 0; k < p->nparts; k++) {
		int any = 0;
		for (b = 0; b < p->nbars; b++) {
			double v = p->values[b * p->nparts + k];
			any |= isfinite(v) && v != 0.0;
		}
		if (!any)
			continue;
		fprintf(fp, "%s$part%zu using 1:2:3:4:5:6 with boxxyerror lt %zu title ",
			first ? "" : ", \\\n     ", k, k + 1);
		put_str(fp, p->parts[k]);
		first = 0;
		nshown++;
	}
	if (negative && !p->hide_totals)
		fprintf(fp, "%s$net using 1:2:3:4 with vectors nohead lw 3 lc rgb 'black' "
			"title 'net total'", first ? "" : ", \\\n     ");
	else if (!nshown) /* every part zero: an empty chart with its $0 totals */
		fputs("NaN notitle", fp);
	fputs("\nunset output\n", fp);
	free(up);
	free(down);
	return LLMTCO_OK;
}

/* ---- running gnuplot ---- */

/* A pipe whose ends are close-on-exec and above 2 (never stdin/out/err). */
static int make_pipe(int fd[2])
{
	int i;

	if (pipe(fd) != 0)
		return -1;
	for (i = 0; i < 2; i++) {
		if (fd[i] < 3) {
			int moved = fcntl(fd[i], F_DUPFD_CLOEXEC, 3);
			close(fd[i]);
			fd[i] = moved;
		} else if (fcntl(fd[i], F_SETFD, FD_CLOEXEC) != 0) {
			close(fd[i]);
			fd[i] = -1;
		}
	}
	if (fd[0] < 0 || fd[1] < 0) {
		if (fd[0] >= 0)
			close(fd[0]);
		if (fd[1] >= 0)
			close(fd[1]);
		fd[0] = fd[1] = -1;
		return -1;
	}
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Keep the tail of what gnuplot says: its error is near the end. */
struct tail {
	char buf[2048];
	size_t len;
};

static void tail_add(struct tail *t, const char *s, size_t n)
{
	if (n >= sizeof(t->buf)) {
		s += n - sizeof(t->buf) / 2;
		n = sizeof(t->buf) / 2;
	}
	if (t->len + n > sizeof(t->buf)) {
		size_t drop = t->len + n - sizeof(t->buf);
		memmove(t->buf, t->buf + drop, t->len - drop);
		t->len -= drop;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

/*
 * The last non-blank line (gnuplot echoes the command, a caret, then
 * "line 12: what went wrong"), trimmed, into `out`; "" when none.
 */
static void tail_line(const struct tail *t, char *out, size_t size)
{
	size_t end = t->len, start;

	while (end > 0) {
		while (end > 0 && (t->buf[end - 1] == '\n' || t->buf[end - 1] == '\r' ||
				   t->buf[end - 1] == ' ' || t->buf[end - 1] == '\t'))
			end--;
		start = end;
		while (start > 0 && t->buf[start - 1] != '\n')
			start--;
		while (start < end && (t->buf[start] == ' ' || t->buf[start] == '\t'))
			start++;
		if (start < end) {
			size_t n = end - start, i;
			if (n >= size)
				n = size - 1;
			for (i = 0; i < n; i++) {
				unsigned char c = (unsigned char)t->buf[start + i];
				out[i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
			}
			out[n] = '\0';
			return;
		}
		end = start;
	}
	out[0] = '\0';
}

/* waitpid, again after a signal. */
static int reap(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/*
 * Run gnuplot (or $LLMTCO_GNUPLOT) on `script`. `path` is only for
 * messages. Writes the script and reads gnuplot's messages at once (poll),
 * so neither side can block the other; SIGPIPE is ignored meanwhile, so a
 * gnuplot that dies early gives EPIPE, not the end of this program.
 */
static int run_gnuplot(const char *script, size_t len, const char *path,
		       struct llmtco_err *err)
{
	const char *prog = getenv("LLMTCO_GNUPLOT");
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, st[2] = { -1, -1 };
	int exec_errno = 0, timed_out = 0, write_failed = 0, status;
	struct sigaction ignore, old;
	struct tail tail;
	char line[160];
	size_t off = 0;
	ssize_t r;
	pid_t pid;

	if (!prog || !*prog) /* empty means unset */
		prog = "gnuplot";
	if (make_pipe(in) || make_pipe(out) || make_pipe(st)) {
		int e = errno;
		close_fd(&in[0]), close_fd(&in[1]), close_fd(&out[0]), close_fd(&out[1]);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot run gnuplot: %s",
			       strerror(e));
	}
	pid = fork();
	if (pid < 0) {
		int e = errno;
		close_fd(&in[0]), close_fd(&in[1]), close_fd(&out[0]), close_fd(&out[1]);
		close_fd(&st[0]), close_fd(&st[1]);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot run gnuplot: %s",
			       strerror(e));
	}
	if (pid == 0) {
		/* -d: ignore ~/.gnuplot, so a user's settings cannot change the chart */
		const char *argv[] = { prog, "-d", NULL };
		int e;

		output_child_sigpipe(); /* main ignores SIGPIPE; gnuplot should not */
		if (dup2(in[0], 0) >= 0 && dup2(out[1], 1) >= 0 && dup2(out[1], 2) >= 0)
			execvp(prog, (char *const *)argv);
		e = errno;
		if (write(st[1], &e, sizeof(e)) < 0) {
			/* nothing more a failed child can do */
		}
		_exit(127);
	}
	close_fd(&in[0]);
	close_fd(&out[1]);
	close_fd(&st[1]);
	/* EOF: exec succeeded (the pipe closed on exec); an errno: it failed */
	do
		r = read(st[0], &exec_errno, sizeof(exec_errno));
	while (r < 0 && errno == EINTR);
	close_fd(&st[0]);
	if (r > 0) {
		close_fd(&in[1]);
		close_fd(&out[0]);
		reap(pid);
		if (r != (ssize_t)sizeof(exec_errno) || exec_errno == ENOENT ||
		    exec_errno == ENOTDIR)
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, NOT_FOUND);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot run \"%s\": %s", prog,
			       strerror(exec_errno));
	}

	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	tail.len = 0;
	while (in[1] >= 0 || out[0] >= 0) {
		struct pollfd pfd[2];
		nfds_t n = 0;
		int rc;

		if (in[1] >= 0) {
			pfd[n].fd = in[1];
			pfd[n].events = POLLOUT;
			pfd[n++].revents = 0;
		}
		if (out[0] >= 0) {
			pfd[n].fd = out[0];
			pfd[n].events = POLLIN;
			pfd[n++].revents = 0;
		}
		rc = poll(pfd, n, GNUPLOT_TIMEOUT_MS);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0) { /* hung, or poll failed: stop it */
			kill(pid, SIGKILL);
			timed_out = 1;
			break;
		}
		for (nfds_t i = 0; i < n; i++) {
			if (!pfd[i].revents)
				continue;
			if (pfd[i].fd == in[1]) {
				ssize_t w = write(in[1], script + off, len - off);
				if (w > 0)
					off += (size_t)w;
				else if (w < 0 && errno != EAGAIN && errno != EINTR)
					write_failed = 1; /* EPIPE: gnuplot is gone */
				if (off == len || write_failed)
					close_fd(&in[1]); /* EOF: gnuplot finishes */
			} else {
				char buf[1024];
				r = read(out[0], buf, sizeof(buf));
				if (r > 0)
					tail_add(&tail, buf, (size_t)r);
				else if (r == 0 || (errno != EINTR && errno != EAGAIN))
					close_fd(&out[0]);
			}
		}
	}
	close_fd(&in[1]);
	close_fd(&out[0]);
	sigaction(SIGPIPE, &old, NULL);
	status = reap(pid);

	tail_line(&tail, line, sizeof(line));
	if (timed_out)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0,
			       "gnuplot did not finish drawing \"%s\"", path);
	if (status == -1)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0,
			       "gnuplot failed drawing \"%s\": %s", path, strerror(errno));
	if (WIFSIGNALED(status))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0,
			       "gnuplot failed (signal %d) drawing \"%s\"%s%s",
			       WTERMSIG(status), path, *line ? ": " : "", line);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0,
			       "gnuplot failed (exit %d) drawing \"%s\"%s%s",
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1, path,
			       *line ? ": " : "", line);
	if (off < len)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0,
			       "gnuplot failed drawing \"%s\": it stopped reading its script",
			       path);
	return LLMTCO_OK;
}

/* ---- drawing into a file ---- */

typedef int (*script_fn)(FILE *fp, const void *chart, const char *out,
			 enum plot_format fmt, struct llmtco_err *err);

/*
 * Make a temporary file beside `path`, write the chart's script naming it,
 * run gnuplot, and rename the image onto `path`; the temporary file is
 * removed on any failure.
 */
static int draw(const char *path, enum plot_format fmt, script_fn make,
		const void *chart, struct llmtco_err *err)
{
	size_t n, scriptlen = 0;
	char *tmp = NULL, *gpname = NULL, *script = NULL;
	FILE *fp;
	struct stat st;
	mode_t mask;
	int fd, rc;
	const char *s;

	if (!path || !*path || !strcmp(path, "-"))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "a chart needs a file name, not standard output");
	for (s = path; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "chart file name has a control character");
	n = strlen(path);
	tmp = malloc(n + 16);
	gpname = malloc(n + 18);
	if (!tmp || !gpname) {
		free(tmp);
		free(gpname);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		free(gpname);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s", path,
			       strerror(e));
	}
	mask = umask(0); /* mkstemp makes 0600; give the file what creat() would */
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* the image is still written, only more private */
	}
	close(fd);
	/* gnuplot pipes `set output '|cmd'` to a shell: never start with '|' */
	snprintf(gpname, n + 18, "%s%s", tmp[0] == '/' ? "" : "./", tmp);

	fp = open_memstream(&script, &scriptlen);
	if (!fp) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = make(fp, chart, gpname, fmt, err);
	if (fclose(fp) != 0 && rc == LLMTCO_OK)
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	if (rc != LLMTCO_OK)
		goto out;
	rc = run_gnuplot(script, scriptlen, path, err);
	if (rc != LLMTCO_OK)
		goto out;
	if (stat(tmp, &st) != 0 || st.st_size == 0) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "gnuplot wrote nothing to \"%s\"",
			     path);
		goto out;
	}
	if (rename(tmp, path) != 0)
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s", path,
			     strerror(errno));
out:
	if (rc != LLMTCO_OK)
		unlink(tmp);
	free(script);
	free(tmp);
	free(gpname);
	return rc;
}

static int line_make(FILE *fp, const void *chart, const char *out,
		     enum plot_format fmt, struct llmtco_err *err)
{
	return line_script(fp, chart, out, fmt, err);
}

static int bars_make(FILE *fp, const void *chart, const char *out,
		     enum plot_format fmt, struct llmtco_err *err)
{
	if (bars_script(fp, chart, out, fmt) != 0)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	return LLMTCO_OK;
}

int plot_line(const struct line_plot *p, const char *path,
	      enum plot_format fmt, struct llmtco_err *err)
{
	size_t i;

	if (!p || !p->n || !p->x)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "nothing to plot: no points");
	if (!p->nseries || !p->series)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "nothing to plot: no series");
	for (i = 0; i < p->nseries; i++)
		if (!p->series[i].y)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "nothing to plot: no values for \"%s\"",
				       p->series[i].name ? p->series[i].name : "");
	if (p->nmarks && !p->marks)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "nothing to plot: marks missing");
	return draw(path, fmt, line_make, p, err);
}

int plot_bars(const struct bar_plot *p, const char *path,
	      enum plot_format fmt, struct llmtco_err *err)
{
	if (!p || !p->nbars || !p->bars)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "nothing to plot: no bars");
	if (!p->nparts || !p->parts || !p->values)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "nothing to plot: no cost parts");
	return draw(path, fmt, bars_make, p, err);
}
