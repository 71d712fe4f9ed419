/*
 * plot.h - charts drawn by gnuplot, an external program found on PATH (or
 * named by the LLMTCO_GNUPLOT environment variable). The script goes to
 * gnuplot on a pipe, never through a shell; every title, label and file
 * name is escaped. The image is written to a temporary file beside `path`
 * and renamed into place, so a reader never sees half an image.
 */
#ifndef LLMTCO_PLOT_H
#define LLMTCO_PLOT_H

#include <stddef.h>
#include "../common/llmtco.h"

enum plot_format { PLOT_PNG = 0, PLOT_SVG };

/* One line of a line chart: y[i] at the chart's x[i]. */
struct plot_series {
	const char *name;  /* legend text */
	const double *y;   /* n values (USD) */
};

/* A labelled point on a line chart (a crossing). */
struct plot_mark {
	double x, y;
	const char *label; /* e.g. "$10,000: litellm/oss = openrouter" */
};

/* Cost against one variable, one line per option, crossings marked. */
struct line_plot {
	const char *title;
	const char *xlabel;  /* with its unit, e.g. "API spend (USD/month)" */
	const char *ylabel;  /* e.g. "total cost (USD/month)" */
	int x_money;         /* x tick labels as $ with thousands separators */
	int log_x;           /* logarithmic x axis */
	const double *x;     /* n points, ascending */
	size_t n;
	const struct plot_series *series;
	size_t nseries;
	const struct plot_mark *marks;
	size_t nmarks;
	const char *marks_name; /* legend of the marks; NULL: "crossing" */
};

/* Each option's cost parts stacked in one bar. */
struct bar_plot {
	const char *title;
	const char *ylabel;
	const char *const *bars;  /* nbars bar names (options) */
	size_t nbars;
	const char *const *parts; /* nparts part names (api, platform_fee, ...) */
	size_t nparts;
	const double *values;     /* nbars x nparts, row-major; may be < 0 */
	int hide_totals;          /* 1: no total labels or net markers (a
				     tornado's bars are moves, not sums) */
};

/*
 * Draw a chart to `path`. LLMTCO_EIO with a message when gnuplot is missing
 * ("gnuplot not found ...") or fails, or the file cannot be written;
 * LLMTCO_EUSAGE for an empty chart.
 */
int plot_line(const struct line_plot *p, const char *path,
	      enum plot_format fmt, struct llmtco_err *err);
int plot_bars(const struct bar_plot *p, const char *path,
	      enum plot_format fmt, struct llmtco_err *err);

#endif
