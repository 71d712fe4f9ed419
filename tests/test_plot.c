/*
 * test_plot.c - reports/plot: charts drawn by gnuplot. A line chart and a
 * stacked bar chart become real PNG files (signature and IHDR size checked)
 * and SVG files; the script gnuplot is fed (seen through a fake gnuplot
 * that copies it) has every string quoted; a missing gnuplot, one that
 * fails and one that quits without reading give LLMTCO_EIO with their
 * messages and leave neither the image nor a temporary file; no child,
 * descriptor or SIGPIPE setting is left behind.
 */
#include "suites.h"
#include "../reports/plot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOT_FOUND "gnuplot not found: install gnuplot (Debian: gnuplot-nox) or set LLMTCO_GNUPLOT"

static struct llmtco_err err;

/* ---- fixture: a temporary directory, LLMTCO_GNUPLOT saved and restored ---- */

static char dir[] = "/tmp/llmtco-plot-XXXXXX";
static char *saved_env;
static int had_env;

static void plot_setup(void)
{
	const char *e = getenv("LLMTCO_GNUPLOT");

	had_env = e != NULL;
	saved_env = e ? strdup(e) : NULL;
	strcpy(dir, "/tmp/llmtco-plot-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	err_clear(&err);
}

static void plot_teardown(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	if (had_env)
		setenv("LLMTCO_GNUPLOT", saved_env, 1);
	else
		unsetenv("LLMTCO_GNUPLOT");
	free(saved_env);
	saved_env = NULL;
	while (d && (de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* dir/name */
static const char *in_dir(const char *name)
{
	static char path[4][256];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	return p;
}

/* Files in the directory whose names start with "chart" (images, temporaries). */
static int charts_left(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		n += !strncmp(de->d_name, "chart", 5);
	closedir(d);
	return n;
}

/* Open descriptors among the first 1024. */
static int open_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 1024; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

/* The whole file as a string (malloc'd), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)n;
	return buf;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | (unsigned long)p[3];
}

/* A PNG of at least 640x400: signature, then the IHDR chunk's size. */
static void check_png(const char *path)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	unsigned char head[24];
	FILE *fp = fopen(path, "rb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fread(head, 1, sizeof(head), fp), sizeof(head));
	fclose(fp);
	ck_assert(memcmp(head, sig, 8) == 0);
	ck_assert(memcmp(head + 12, "IHDR", 4) == 0);
	ck_assert_uint_ge(be32(head + 16), 640);
	ck_assert_uint_ge(be32(head + 20), 400);
}

/* No child of ours is left to reap. */
static void check_no_children(void)
{
	errno = 0;
	ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);
}

static void check_sigpipe_default(void)
{
	struct sigaction sa;

	ck_assert_int_eq(sigaction(SIGPIPE, NULL, &sa), 0);
	ck_assert(sa.sa_handler == SIG_DFL);
}

/* ---- the charts ---- */

#define NPOINTS 50

static double xs[NPOINTS], ys[3][NPOINTS];
static struct plot_series series[3];
static struct plot_mark marks[2];
static struct line_plot line;

/* Cost against API spend: three options, two crossings, awkward titles. */
static const struct line_plot *line_chart(void)
{
	size_t i;

	for (i = 0; i < NPOINTS; i++) {
		xs[i] = 1000.0 * (double)i;
		ys[0][i] = 8666.0 + 0.863 * xs[i];
		ys[1][i] = 1.055 * xs[i];
		ys[2][i] = xs[i] + 130.0;
	}
	series[0].name = "litellm/oss";
	series[0].y = ys[0];
	series[1].name = "openrouter";
	series[1].y = ys[1];
	series[2].name = "portkey/production";
	series[2].y = ys[2];
	marks[0].x = 45135.0;
	marks[0].y = 45135.0 * 1.055;
	marks[0].label = "$45,000: litellm/oss = openrouter";
	marks[1].x = 4000.0;
	marks[1].y = 4130.0;
	marks[1].label = "a made-up crossing's \"label\"";
	memset(&line, 0, sizeof(line));
	line.title = "O'Brien's \"team\"\nline two";
	line.xlabel = "API spend (USD/month)";
	line.ylabel = "total cost (USD/month)";
	line.x_money = 1;
	line.x = xs;
	line.n = NPOINTS;
	line.series = series;
	line.nseries = 3;
	line.marks = marks;
	line.nmarks = 2;
	return &line;
}

static const char *const bar_names[4] = { "openrouter", "litellm/oss", "clawrouters",
					  "portkey (it's \"pro\")" };
static const char *const part_names[5] = { "api", "routing_savings", "platform_fee",
					   "infrastructure", "engineering" };
static const double bar_values[4 * 5] = {
	5000, 0, 275, 0, 0,
	5000, 0, 0, 375, 3291.67,
	5000, -3500, 0, 0, 0,
	5000, 0, 49, 0, 0,
};
static const struct bar_plot bars = {
	"Monthly cost by part\nat $5,000", "cost (USD/month)",
	bar_names, 4, part_names, 5, bar_values, 0
};

/* ---- core ---- */

START_TEST(line_png)
{
	const char *path = in_dir("chart-line.png");
	int fds = open_fds();

	ck_assert_msg(plot_line(line_chart(), path, PLOT_PNG, &err) == LLMTCO_OK, "%s", err.msg);
	check_png(path);
	ck_assert_int_eq(charts_left(), 1); /* the image, no temporary */
	ck_assert_int_eq(open_fds(), fds);
	check_no_children();
	check_sigpipe_default();
}
END_TEST

START_TEST(bars_png)
{
	const char *path = in_dir("chart-bars.png");
	int fds = open_fds();

	ck_assert_msg(plot_bars(&bars, path, PLOT_PNG, &err) == LLMTCO_OK, "%s", err.msg);
	check_png(path);
	ck_assert_int_eq(charts_left(), 1);
	ck_assert_int_eq(open_fds(), fds);
	check_no_children();
}
END_TEST

START_TEST(charts_svg)
{
	const char *path = in_dir("chart.svg");
	char *svg;

	ck_assert_msg(plot_line(line_chart(), path, PLOT_SVG, &err) == LLMTCO_OK, "%s", err.msg);
	svg = slurp(path, NULL);
	ck_assert_ptr_nonnull(svg);
	ck_assert(!strncmp(svg, "<?xml", 5) || strstr(svg, "<svg"));
	/* the quote came through once, the newline became a space */
	ck_assert_ptr_nonnull(strstr(svg, "O'Brien's"));
	ck_assert_ptr_nonnull(strstr(svg, "line two"));
	ck_assert_ptr_nonnull(strstr(svg, "$45,000: litellm/oss = openrouter"));
	ck_assert_ptr_nonnull(strstr(svg, "$40,000")); /* tics with separators */
	free(svg);

	ck_assert_msg(plot_bars(&bars, path, PLOT_SVG, &err) == LLMTCO_OK, "%s", err.msg);
	svg = slurp(path, NULL);
	ck_assert_ptr_nonnull(svg);
	ck_assert(!strncmp(svg, "<?xml", 5) || strstr(svg, "<svg"));
	/* not enhanced text: '_' is no subscript, so the name is whole */
	ck_assert_ptr_nonnull(strstr(svg, "routing_savings"));
	ck_assert_ptr_nonnull(strstr(svg, "$5,275"));
	ck_assert_ptr_nonnull(strstr(svg, "$1,500 net")); /* the true total */
	ck_assert_ptr_nonnull(strstr(svg, "$8,667"));
	ck_assert_ptr_nonnull(strstr(svg, "-$2,000")); /* below zero */
	free(svg);
	ck_assert_int_eq(charts_left(), 1);
}
END_TEST

/* The script, as a fake gnuplot that copies its input to gnuplot sees it. */
START_TEST(script_is_quoted)
{
	const char *fake = in_dir("fake-gnuplot"), *copy = in_dir("script.gp");
	const char *path = in_dir("chart-quoted.png");
	char *script, *line_end, *p;
	FILE *fp;

	fp = fopen(fake, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "#!/bin/sh\ntee '%s' | gnuplot \"$@\"\n", copy);
	fclose(fp);
	ck_assert_int_eq(chmod(fake, 0700), 0);
	ck_assert_int_eq(setenv("LLMTCO_GNUPLOT", fake, 1), 0);

	ck_assert_msg(plot_line(line_chart(), path, PLOT_PNG, &err) == LLMTCO_OK, "%s", err.msg);
	check_png(path);
	script = slurp(copy, NULL);
	ck_assert_ptr_nonnull(script);
	ck_assert_ptr_nonnull(strstr(script, "set termoption noenhanced"));
	/* one line, quotes doubled, the newline gone */
	p = strstr(script, "set title 'O''Brien''s \"team\" line two'");
	ck_assert_ptr_nonnull(p);
	line_end = strchr(p, '\n');
	ck_assert_ptr_nonnull(line_end);
	ck_assert_ptr_nonnull(strstr(script, "'a made-up crossing''s \"label\"'"));
	/* written to a temporary beside the image, then renamed */
	ck_assert_ptr_nonnull(strstr(script, "set output '"));
	ck_assert_ptr_nonnull(strstr(script, ".png.tmp-"));
	/* data inline, '.' decimal point, no separators */
	ck_assert_ptr_nonnull(strstr(script, "$data << EOD\n0 8666 0 130\n"));
	ck_assert_ptr_nonnull(strstr(script, "\n49000 "));
	ck_assert_ptr_nonnull(strstr(script, "'$50,000' 50000"));
	free(script);
	ck_assert_int_eq(charts_left(), 1);
}
END_TEST

/* ---- limits ---- */

START_TEST(gnuplot_missing)
{
	const char *path = in_dir("chart-missing.png");
	int fds = open_fds();

	ck_assert_int_eq(setenv("LLMTCO_GNUPLOT", "llmtco-no-such-gnuplot", 1), 0);
	ck_assert_int_eq(plot_line(line_chart(), path, PLOT_PNG, &err), LLMTCO_EIO);
	ck_assert_str_eq(err.msg, NOT_FOUND);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(charts_left(), 0);

	ck_assert_int_eq(setenv("LLMTCO_GNUPLOT", "/no/such/dir/gnuplot", 1), 0);
	ck_assert_int_eq(plot_bars(&bars, path, PLOT_SVG, &err), LLMTCO_EIO);
	ck_assert_str_eq(err.msg, NOT_FOUND);
	ck_assert_int_eq(charts_left(), 0);
	ck_assert_int_eq(open_fds(), fds);
	check_no_children();
	check_sigpipe_default();
}
END_TEST

START_TEST(gnuplot_fails)
{
	const char *path = in_dir("chart-fails.png");
	char expect[300], *old;
	FILE *fp;
	int fds = open_fds();

	/* an image already there stays as it was */
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("old", fp);
	fclose(fp);
	ck_assert_int_eq(setenv("LLMTCO_GNUPLOT", "false", 1), 0);
	ck_assert_int_eq(plot_line(line_chart(), path, PLOT_PNG, &err), LLMTCO_EIO);
	snprintf(expect, sizeof(expect), "gnuplot failed (exit 1) drawing \"%s\"", path);
	ck_assert_str_eq(err.msg, expect);
	old = slurp(path, NULL);
	ck_assert_ptr_nonnull(old);
	ck_assert_str_eq(old, "old");
	free(old);
	ck_assert_int_eq(unlink(path), 0);

	ck_assert_int_eq(plot_bars(&bars, path, PLOT_PNG, &err), LLMTCO_EIO);
	ck_assert_str_eq(err.msg, expect);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(charts_left(), 0); /* nor a temporary file */
	ck_assert_int_eq(open_fds(), fds);
	check_no_children();
	check_sigpipe_default();
}
END_TEST

/* A "gnuplot" that exits 0 without reading: EPIPE, not SIGPIPE; no image. */
START_TEST(gnuplot_quits_early)
{
	enum { BIG = 20000 };
	static double x[BIG], y[BIG];
	struct plot_series s = { "only", y };
	struct line_plot p;
	const char *path = in_dir("chart-early.png");
	size_t i;

	for (i = 0; i < BIG; i++) {
		x[i] = (double)i * 1.0000001;
		y[i] = (double)i * 3.1415926535;
	}
	memset(&p, 0, sizeof(p));
	p.title = "big";
	p.x = x;
	p.n = BIG;
	p.series = &s;
	p.nseries = 1;
	ck_assert_int_eq(setenv("LLMTCO_GNUPLOT", "true", 1), 0);
	ck_assert_int_eq(plot_line(&p, path, PLOT_PNG, &err), LLMTCO_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "gnuplot"));
	ck_assert_ptr_nonnull(strstr(err.msg, path));
	ck_assert_int_eq(charts_left(), 0);
	check_no_children();
	check_sigpipe_default();

	/* small enough to fit in the pipe: read or not, nothing was drawn */
	ck_assert_int_eq(plot_bars(&bars, path, PLOT_PNG, &err), LLMTCO_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, path));
	ck_assert_int_eq(charts_left(), 0);
}
END_TEST

START_TEST(empty_charts)
{
	const char *path = in_dir("chart-empty.png");
	struct line_plot p = *line_chart();
	struct bar_plot b = bars;

	p.n = 0;
	ck_assert_int_eq(plot_line(&p, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "nothing to plot: no points");
	p = *line_chart();
	p.nseries = 0;
	ck_assert_int_eq(plot_line(&p, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "nothing to plot: no series");
	b.nbars = 0;
	ck_assert_int_eq(plot_bars(&b, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "nothing to plot: no bars");
	b = bars;
	b.nparts = 0;
	ck_assert_int_eq(plot_bars(&b, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_str_eq(err.msg, "nothing to plot: no cost parts");
	ck_assert_int_eq(plot_line(NULL, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(plot_bars(NULL, path, PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(charts_left(), 0);
}
END_TEST

START_TEST(bad_paths)
{
	ck_assert_int_eq(plot_bars(&bars, "-", PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(plot_bars(&bars, "", PLOT_PNG, &err), LLMTCO_EUSAGE);
	ck_assert_int_eq(plot_bars(&bars, in_dir("chart\nx.png"), PLOT_PNG, &err),
			 LLMTCO_EUSAGE);
	ck_assert_int_eq(plot_bars(&bars, in_dir("no/such/dir/chart.png"), PLOT_PNG, &err),
			 LLMTCO_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot write"));
	ck_assert_int_eq(charts_left(), 0);
}
END_TEST

Suite *make_plot_suite(void)
{
	Suite *s = suite_create("plot");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	/* gnuplot takes a moment per chart, more under valgrind */
	tcase_set_timeout(core, 60);
	tcase_set_timeout(limits, 60);
	tcase_add_checked_fixture(core, plot_setup, plot_teardown);
	tcase_add_checked_fixture(limits, plot_setup, plot_teardown);
	tcase_add_test(core, line_png);
	tcase_add_test(core, bars_png);
	tcase_add_test(core, charts_svg);
	tcase_add_test(core, script_is_quoted);
	suite_add_tcase(s, core);

	tcase_add_test(limits, gnuplot_missing);
	tcase_add_test(limits, gnuplot_fails);
	tcase_add_test(limits, gnuplot_quits_early);
	tcase_add_test(limits, empty_charts);
	tcase_add_test(limits, bad_paths);
	suite_add_tcase(s, limits);
	return s;
}
