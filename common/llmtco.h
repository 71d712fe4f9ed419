/*
 * llmtco.h - what every module shares: exit codes, the error record,
 * ranges of values, and the one strict number parser.
 *
 * Nothing here does I/O.
 */
#ifndef LLMTCO_H
#define LLMTCO_H

#include <stddef.h>

#define LLMTCO_VERSION "0.1.0"

/* Exit codes (SPEC section 5); core functions return them as statuses. */
enum llmtco_status {
	LLMTCO_OK = 0,        /* success */
	LLMTCO_THRESHOLD = 1, /* `check` found a problem past a threshold */
	LLMTCO_EUSAGE = 2,    /* usage error: unknown flag, bad value */
	LLMTCO_EDATA = 3,     /* bad input data, with file:line:col */
	LLMTCO_EIO = 4        /* I/O or system error */
};

/*
 * What went wrong, filled by the function that failed. `file` points to a
 * string owned by the caller (a file name it passed in) or is NULL; line and
 * col are 1-based, 0 when unknown.
 */
struct llmtco_err {
	char msg[256];    /* lowercase, no full stop, subject in quotes */
	const char *file; /* input name, or NULL */
	int line, col;    /* 1-based location, 0 = none */
};

/* Fill `err` (which may be NULL) with a printf-style message and location. */
int err_set(struct llmtco_err *err, int status, const char *file, int line,
	    int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
#ifdef __clang_analyzer__
/*
 * For scan-build (make analyze): err_set returns `status`, which the
 * analyzer cannot see from another file; without this it follows paths on
 * which `return err_set(err, LLMTCO_EIO, ...)` returns 0 (success).
 */
#define err_set(err, status, ...) (err_set(err, status, __VA_ARGS__), (status))
#endif

/* Clear an error record. */
void err_clear(struct llmtco_err *err);

/*
 * A quantity that may be uncertain. A single value has low = value = high.
 * `value` is the point estimate used by point commands: the mode of a
 * triangular range, else the midpoint, unless a source gives it explicitly.
 */
enum range_shape {
	RANGE_FIXED = 0,   /* one value */
	RANGE_UNIFORM,     /* [low, high], every value as likely */
	RANGE_TRIANGULAR   /* low, mode (= value), high */
};

struct range {
	double value; /* point estimate, in the unit of the field it holds */
	double low;   /* lowest plausible value */
	double high;  /* highest plausible value */
	enum range_shape shape;
};

/* A fixed range holding one value. */
struct range range_fixed(double v);

/*
 * Parse a whole string as a finite decimal number, strictly: no leading or
 * trailing blanks or junk, no hex, no NaN or infinity, no overflow. The
 * decimal point is always '.', whatever the locale. Returns 0 and sets *out,
 * or -1 and points *why at a static reason ("is empty", "is not a number",
 * "has trailing characters", "is not finite", "is out of range").
 */
int num_parse(const char *s, double *out, const char **why);

/* The same for a length-delimited string (a CSV cell). */
int num_parse_n(const char *s, size_t len, double *out, const char **why);

/* Round to the nearest cent, halves away from zero. */
double money_round(double usd);

/*
 * Room for element n of an array of `size`-byte elements holding *cap: the
 * array itself when n < *cap, else it reallocated to twice the room (16 at
 * first) with *cap updated. NULL when out of memory (arr is still valid).
 */
void *array_grow(void *arr, size_t *cap, size_t n, size_t size);

/*
 * The largest amount (USD, requests, tokens, hours) any input may hold: a
 * quadrillion. It keeps every sum and product the model forms finite, so an
 * overflow is refused where it is typed, not found later in a total.
 */
#define LLMTCO_MAX_AMOUNT 1e15

/* Days in a month and hours in a month, as SPEC section 1 defines them. */
#define DAYS_PER_MONTH (365.0 / 12.0)
#define HOURS_PER_MONTH 730.0

#endif
