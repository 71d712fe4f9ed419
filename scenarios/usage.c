/*
 * usage.c - read usage-log CSV exports with libcsv, in chunks, keeping one
 * aggregate per model and nothing per row.
 *
 * Speed: a chunk with no quote character (and not inside a quoted field)
 * goes to csv_parse whole; its line ends are counted from the row ends
 * libcsv reports (CSV_REPALL_NL reports every unquoted line feed, even of
 * a blank line). A chunk with quotes is cut at its newlines (memchr) and
 * each piece parsed whole, so that a newline inside a quoted field is seen
 * too. Callbacks dispatch on a per-column role byte (most columns are not
 * read); plain decimals take an exact fast path; the model name is hashed
 * once per row; each model is looked up in the catalog once, on first
 * sight, and its tokens are summed per catalog row and priced at the end
 * (model_cost is linear). Measured by `make bench`: 81-83% of a bare libcsv
 * scan of a 1,000,000-row OpenRouter export, 2.5 MB peak RSS at any size.
 *
 * Positions: the line of every field is counted as above. Its column is
 * found only when a message needs it, by replaying its line (found in the
 * chunk by counting newlines; a part from earlier chunks is kept) through a
 * second libcsv parser one byte at a time. A numeric field still open at a
 * line end (a quoted newline) has its column found then, while its line is
 * at hand.
 */
#include "usage.h"
#include "../common/json.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NO_MODEL ((size_t)-1)
#define MAX_MODELS 10000       /* distinct model names in one run (2 KB each) */
#define MAX_NAME 255           /* bytes of a model name */
#define MAX_COLUMNS 4096       /* header names */
#define LINE_KEEP (1u << 20)   /* bytes of a line kept for error columns */
#define MAX_FIELD (64u << 20)  /* bytes of one field (a JSON body, say) */
#define FIELD_BLOCK (16u << 10)/* libcsv's field buffer grows by this much */
#define DAY 86400.0

/* What a column holds. Numbers first: row.num[role - R_REQUESTS]. */
enum role {
	R_NONE = 0,
	R_REQUESTS, R_INPUT, R_OUTPUT, R_REASONING, R_CACHE_READ, R_CACHE_WRITE,
	R_CACHE_WRITE_1H, R_COST, R_COST_EXTRA, R_LIST, R_EPOCH0, R_EPOCH1,
	R_MODEL, R_PROVIDER, R_BATCH, R_TIER, R_CACHE_HIT, R_CONTEXT,
	R_USAGE_TYPE, R_DATE0, R_DATE1, R_ID, /* R_ID: required, not read */
	R_COUNT
};
#define IS_NUM(role) ((role) >= R_REQUESTS && (role) <= R_EPOCH1)
#define NUM(r, role) ((r)->row.num[(role) - R_REQUESTS])
#define BIT(role) (1u << (role))
/* Roles whose cells can be refused, so their column may be wanted. */
#define CHECKED(role) (IS_NUM(role) || (role) == R_DATE0 || (role) == R_DATE1 || \
		       (role) == R_MODEL)

struct colmap {
	const char *name;
	unsigned char role;
	unsigned char required; /* part of the set that identifies the layout */
};

struct layout_def {
	const char *name, *title;
	const char *hint;        /* provider of bare model names, or NULL */
	const struct colmap *cols;
	unsigned char total;     /* a count that includes ... */
	unsigned parts;          /* ... these (bits of roles), or 0 */
	int reasoning_apart;     /* reasoning tokens are not in the output count */
	int per_request;         /* one request per row */
	int cost_cents;          /* the cost column is in cents */
	int display_names;       /* model names are display names */
};

static const struct colmap openrouter_cols[] = {
	{ "generation_id", R_ID, 1 }, { "created_at", R_DATE0, 1 },
	{ "cost_total", R_COST, 1 }, { "tokens_prompt", R_INPUT, 1 },
	{ "tokens_completion", R_OUTPUT, 1 }, { "model_permaslug", R_MODEL, 1 },
	{ "tokens_reasoning", R_REASONING, 0 }, { "tokens_cached", R_CACHE_READ, 0 },
	{ "byok_usage_inference", R_COST_EXTRA, 0 }, { NULL, 0, 0 }
};
static const struct colmap litellm_spend_cols[] = {
	{ "request_id", R_ID, 1 }, { "startTime", R_DATE0, 1 }, { "spend", R_COST, 1 },
	{ "prompt_tokens", R_INPUT, 1 }, { "completion_tokens", R_OUTPUT, 1 },
	{ "model", R_MODEL, 1 }, { "custom_llm_provider", R_PROVIDER, 0 },
	{ "cache_hit", R_CACHE_HIT, 0 }, { NULL, 0, 0 }
};
static const struct colmap litellm_daily_cols[] = {
	{ "date", R_DATE0, 1 }, { "model", R_MODEL, 1 }, { "api_requests", R_REQUESTS, 1 },
	{ "prompt_tokens", R_INPUT, 1 }, { "completion_tokens", R_OUTPUT, 1 },
	{ "spend", R_COST, 1 }, { "cache_read_input_tokens", R_CACHE_READ, 0 },
	{ "cache_creation_input_tokens", R_CACHE_WRITE, 0 },
	{ "custom_llm_provider", R_PROVIDER, 0 }, { NULL, 0, 0 }
};
static const struct colmap openai_cols[] = {
	{ "model", R_MODEL, 1 }, { "num_model_requests", R_REQUESTS, 1 },
	{ "input_tokens", R_INPUT, 1 }, { "output_tokens", R_OUTPUT, 1 },
	{ "input_cached_tokens", R_CACHE_READ, 0 }, { "start_time", R_EPOCH0, 0 },
	{ "end_time", R_EPOCH1, 0 }, { "start_time_iso", R_DATE0, 0 },
	{ "end_time_iso", R_DATE1, 0 }, { "batch", R_BATCH, 0 },
	{ "service_tier", R_TIER, 0 }, { NULL, 0, 0 }
};
static const struct colmap anthropic_usage_cols[] = {
	{ "usage_date_utc", R_DATE0, 1 }, { "model_version", R_MODEL, 1 },
	{ "usage_input_tokens_no_cache", R_INPUT, 1 },
	{ "usage_input_tokens_cache_read", R_CACHE_READ, 1 },
	{ "usage_output_tokens", R_OUTPUT, 1 },
	{ "usage_input_tokens_cache_write_5m", R_CACHE_WRITE, 0 },
	{ "usage_input_tokens_cache_write_1h", R_CACHE_WRITE_1H, 0 },
	{ "context_window", R_CONTEXT, 0 }, { "usage_type", R_USAGE_TYPE, 0 },
	{ NULL, 0, 0 }
};
static const struct colmap anthropic_cost_cols[] = {
	{ "usage_date_utc", R_DATE0, 1 }, { "model", R_MODEL, 1 },
	{ "token_type", R_ID, 1 }, { "cost_usd", R_COST, 1 },
	{ "list_price_usd", R_LIST, 0 }, { NULL, 0, 0 }
};
static const struct colmap anthropic_cost_api_cols[] = {
	{ "model", R_MODEL, 1 }, { "token_type", R_ID, 1 }, { "cost_type", R_ID, 1 },
	{ "amount", R_COST, 1 }, { "starting_at", R_DATE0, 0 },
	{ "ending_at", R_DATE1, 0 }, { "usage_date_utc", R_DATE0, 0 }, { NULL, 0, 0 }
};
static const struct colmap helicone_cols[] = {
	{ "response_id", R_ID, 1 }, { "request_created_at", R_DATE0, 1 },
	{ "model", R_MODEL, 1 }, { "prompt_tokens", R_INPUT, 1 },
	{ "completion_tokens", R_OUTPUT, 1 }, { "cost", R_COST, 1 }, { NULL, 0, 0 }
};
static const struct colmap generic_cols[] = {
	{ "model", R_MODEL, 1 }, { "requests", R_REQUESTS, 1 },
	{ "input_tokens", R_INPUT, 1 }, { "output_tokens", R_OUTPUT, 1 },
	{ "cached_tokens", R_CACHE_READ, 0 }, { "cost_usd", R_COST, 0 },
	{ "date", R_DATE0, 0 }, { NULL, 0, 0 }
};

/* In detection order: the most specific sets first, generic last. */
static const struct layout_def layouts[USAGE_NLAYOUTS] = {
	[USAGE_OPENROUTER] = { "openrouter", "OpenRouter activity export", NULL,
			       openrouter_cols, R_INPUT, BIT(R_CACHE_READ), 1, 1, 0, 0 },
	[USAGE_LITELLM_SPEND] = { "litellm-spendlogs", "LiteLLM SpendLogs", NULL,
				  litellm_spend_cols, 0, 0, 0, 1, 0, 0 },
	[USAGE_LITELLM_DAILY] = { "litellm-daily", "LiteLLM daily spend", NULL,
				  litellm_daily_cols, R_INPUT,
				  BIT(R_CACHE_READ) | BIT(R_CACHE_WRITE), 0, 0, 0, 0 },
	[USAGE_OPENAI] = { "openai-usage", "OpenAI usage export", "openai", openai_cols,
			   R_INPUT, BIT(R_CACHE_READ), 0, 0, 0, 0 },
	[USAGE_ANTHROPIC_USAGE] = { "anthropic-usage", "Anthropic console usage CSV",
				    "anthropic", anthropic_usage_cols, 0, 0, 0, 0, 0, 0 },
	[USAGE_ANTHROPIC_COST] = { "anthropic-cost", "Anthropic console cost CSV",
				   "anthropic", anthropic_cost_cols, 0, 0, 0, 0, 0, 1 },
	[USAGE_ANTHROPIC_COST_API] = { "anthropic-cost-api", "Anthropic Admin API cost report",
				       "anthropic", anthropic_cost_api_cols, 0, 0, 0, 0, 1, 1 },
	[USAGE_HELICONE] = { "helicone", "Helicone export", NULL, helicone_cols,
			     0, 0, 0, 1, 0, 0 },
	[USAGE_GENERIC] = { "generic", "generic layout", NULL, generic_cols,
			    R_INPUT, BIT(R_CACHE_READ), 0, 0, 0, 0 },
};

static const char *const tier_names[USAGE_SERVICE_TIERS] = {
	"", "batch", "flex", "priority"
};

const char *usage_layout_name(enum usage_layout l)
{
	return l > USAGE_NONE && l < USAGE_NLAYOUTS ? layouts[l].name : "none";
}

const char *usage_layout_title(enum usage_layout l)
{
	return l > USAGE_NONE && l < USAGE_NLAYOUTS ? layouts[l].title : "no layout";
}

void usage_layout_columns(enum usage_layout l, int optional, char *buf, size_t size)
{
	const struct colmap *m;
	size_t n = 0;

	if (size)
		buf[0] = '\0';
	if (l <= USAGE_NONE || l >= USAGE_NLAYOUTS)
		return;
	for (m = layouts[l].cols; m->name; m++) {
		int w;
		if (m->required == !!optional)
			continue;
		w = snprintf(buf + n, size - n, "%s\"%s\"", n ? ", " : "", m->name);
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += (size_t)w;
	}
}

/* ---- errors ---- */

static int clamp_line(long long line)
{
	return line > 0x7fffffff ? 0x7fffffff : (int)line;
}

/* Record the first problem; later ones are ignored. */
static void fail(struct usage_reader *r, int status, long long line, int col,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void fail(struct usage_reader *r, int status, long long line, int col,
		 const char *fmt, ...)
{
	char msg[sizeof(r->err->msg)];
	va_list ap;

	if (r->status)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->status = err_set(r->err, status, status == LLMTCO_EIO && !line ? NULL : r->name,
			    clamp_line(line), col, "%s", msg);
	if (r->role) /* read no more cells */
		memset(r->role, 0, r->nhead);
}

static void oom(struct usage_reader *r)
{
	fail(r, LLMTCO_EIO, 0, 0, "out of memory");
}

/* ---- where a field starts ---- */

struct locate {
	size_t idx, want; /* field counter, the field wanted */
	long long pos;    /* offset in the line of the byte being fed */
	int col;          /* its column once found */
};

static void locate_field(void *s, size_t len, void *data)
{
	struct locate *l = data;

	(void)s;
	(void)len;
	if (!l->col && ++l->idx == l->want)
		l->col = l->pos + 2 > 0x7fffffff ? 0 : (int)(l->pos + 2);
}

/* Feed bytes one at a time until field l->want begins; 1 when found. */
static int locate_bytes(struct csv_parser *q, struct locate *l, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && !l->col; i++, l->pos++)
		csv_parse(q, p + i, 1, locate_field, NULL, l);
	return l->col != 0;
}

/*
 * The part of the current line in the chunk being parsed: after the
 * (line - chunk_line)-th newline of the chunk, up to the next one. When
 * the line began in an earlier chunk, r->linebuf holds its first bytes.
 */
static void line_bytes(const struct usage_reader *r, const char **p, size_t *n)
{
	const char *s = r->chunk, *e, *nl;
	long long skip = r->line - r->chunk_line;

	*p = NULL;
	*n = 0;
	if (!s)
		return;
	e = s + r->chunk_len;
	while (skip-- > 0) {
		if (!(nl = memchr(s, '\n', (size_t)(e - s))))
			return;
		s = nl + 1;
	}
	nl = memchr(s, '\n', (size_t)(e - s));
	*p = s;
	*n = nl ? (size_t)(nl - s) + 1 : (size_t)(e - s);
}

/*
 * The column where field k of the current row begins, when it began on
 * the current line; 0 when unknown (an earlier line, or past the bytes
 * kept of a very long line).
 */
static int locate(struct usage_reader *r, size_t k)
{
	struct csv_parser q;
	struct locate l;
	const char *p;
	size_t n;

	if (k < r->line_first_field || (k == r->line_first_field && r->line_in_quotes))
		return 0;
	if (k == r->line_first_field)
		return 1;
	if (csv_init(&q, CSV_STRICT))
		return 0;
	l.idx = r->line_first_field;
	l.want = k;
	l.pos = 0;
	l.col = 0;
	if (r->line_in_quotes) /* the line continues a quoted field */
		csv_parse(&q, "\"", 1, NULL, NULL, NULL);
	line_bytes(r, &p, &n);
	if (r->line == r->chunk_line) { /* it began in an earlier chunk */
		if (!locate_bytes(&q, &l, r->linebuf, r->linelen) &&
		    (long long)r->linelen == r->line_pos)
			locate_bytes(&q, &l, p, n);
	} else {
		locate_bytes(&q, &l, p, n);
	}
	csv_free(&q);
	return l.col;
}

/* The column of field k, which is ending now (0: unknown). */
static int cell_col(struct usage_reader *r, size_t k)
{
	return r->field_col ? r->field_col : locate(r, k);
}

/* Refuse the cell of column k, which is ending now. */
static void bad_cell(struct usage_reader *r, size_t k, const char *what)
{
	fail(r, LLMTCO_EDATA, r->field_line, cell_col(r, k), "\"%.60s\" %s", r->head[k], what);
}

/* ---- values ---- */

/*
 * A plain decimal ("123", "-0.000123") of at most 15 digits, converted
 * exactly as strtod does: an integer below 2^53 divided by a power of ten
 * that a double holds exactly is correctly rounded (Clinger's fast path).
 * 0 on success; -1 sends the text to num_parse_n (which also words every
 * error).
 */
static int fast_num(const char *s, size_t len, double *out)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
				      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const unsigned char *p = (const unsigned char *)s, *e = p + len, *dot = NULL;
	uint64_t m = 0;
	unsigned d;
	int neg = 0, digits;
	double v;

	if (p < e && *p == '-')
		neg = 1, p++;
	s = (const char *)p;
	while (p < e && (d = (unsigned)*p - '0') < 10)
		m = m * 10 + d, p++;
	if (p < e && *p == '.') {
		dot = ++p;
		while (p < e && (d = (unsigned)*p - '0') < 10)
			m = m * 10 + d, p++;
	}
	digits = (int)((const char *)p - s) - (dot != NULL);
	if (p != e || digits < 1 || digits > 15)
		return -1;
	v = (double)m;
	if (dot && p > dot)
		v /= p10[p - dot];
	if (neg && v != 0)
		v = -v;
	*out = v;
	return 0;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static int digits_at(const char *s, size_t len, size_t at, size_t n, unsigned *v)
{
	size_t i;

	if (at + n > len)
		return 0;
	*v = 0;
	for (i = at; i < at + n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return 1;
}

/* Do two strings of `len` bytes match? Eight bytes at a time. */
static int same_name(const char *x, const char *y, size_t len)
{
	uint64_t a, b;

	for (; len >= 8; x += 8, y += 8, len -= 8) {
		memcpy(&a, x, 8);
		memcpy(&b, y, 8);
		if (a != b)
			return 0;
	}
	while (len--)
		if (*x++ != *y++)
			return 0;
	return 1;
}

/* "YYYY-MM-DD" at the start of s: Unix seconds of its midnight. 0, or -1. */
static int parse_date(const char *s, size_t len, double *t)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y, mo, d;

	if (!digits_at(s, len, 0, 4, &y) || len < 10 || s[4] != '-' ||
	    !digits_at(s, len, 5, 2, &mo) || s[7] != '-' || !digits_at(s, len, 8, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400))))
		return -1;
	*t = (double)days_from_civil(y, mo, d) * DAY;
	return 0;
}

/*
 * What follows "YYYY-MM-DD HH:MM" (16 bytes): optionally ":SS[.fff]", then
 * optionally a zone ("Z", "UTC", "+HH", "+HH:MM", "+HHMM", a blank before
 * it allowed). *t is the minute's time; the seconds and zone are added.
 * 0, or -1.
 */
static int parse_seconds(const char *s, size_t len, double *t)
{
	unsigned ss = 0, zh = 0, zm = 0, frac = 0, scale = 1;
	size_t i = 16;
	int sign = 0;

#define DIGIT(i) ((unsigned)((unsigned char)s[i] - '0'))
	if (len == 23 && s[16] == ':' && s[19] == '.' && DIGIT(17) < 10 && DIGIT(18) < 10 &&
	    DIGIT(20) < 10 && DIGIT(21) < 10 && DIGIT(22) < 10) { /* ":SS.fff", the usual */
		ss = DIGIT(17) * 10 + DIGIT(18);
		*t += ss + (double)(DIGIT(20) * 100 + DIGIT(21) * 10 + DIGIT(22)) / 1000;
		return ss > 60 ? -1 : 0;
	}
#undef DIGIT
	if (i < len && s[i] == ':') {
		if (!digits_at(s, len, i + 1, 2, &ss) || ss > 60)
			return -1;
		i += 3;
		if (i < len && s[i] == '.') {
			if (++i >= len || s[i] < '0' || s[i] > '9')
				return -1;
			for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
				if (scale < 1000000) /* to the microsecond */
					frac = frac * 10 + (unsigned)(s[i] - '0'), scale *= 10;
		}
	}
	if (i < len && s[i] == ' ' && i + 1 < len)
		i++;
	if (i < len) {
		if ((len - i == 1 && s[i] == 'Z') || (len - i == 3 && !strncmp(s + i, "UTC", 3))) {
			i = len;
		} else if (s[i] == '+' || s[i] == '-') {
			sign = s[i] == '-' ? -1 : 1;
			if (!digits_at(s, len, i + 1, 2, &zh))
				return -1;
			i += 3;
			if (i < len && s[i] == ':')
				i++;
			if (i < len && !digits_at(s, len, i, 2, &zm))
				return -1;
			if (i < len)
				i += 2;
			if (zh > 23 || zm > 59)
				return -1;
		}
		if (i != len)
			return -1;
	}
	*t += ss + (double)frac / scale - sign * (zh * 3600.0 + zm * 60.0);
	return 0;
}

/*
 * A time cell: "YYYY-MM-DD" (*day_only), or that and ' ' or 'T',
 * "HH:MM[:SS[.fff]]" and an optional zone; Unix seconds in *t. The last
 * minute read is remembered, since a log's rows share it. 0, or -1.
 */
static int parse_time(struct usage_reader *r, const char *s, size_t len, double *t,
		      int *day_only)
{
	unsigned hh, mm;

	*day_only = len == 10;
	if (len == 10)
		return parse_date(s, len, t);
	if (len >= 16 && r->minute_known && same_name(s, r->minute_key, 16)) {
		*t = r->minute_secs;
	} else {
		if (parse_date(s, len, t) || len < 16 || (s[10] != ' ' && s[10] != 'T') ||
		    !digits_at(s, len, 11, 2, &hh) || s[13] != ':' ||
		    !digits_at(s, len, 14, 2, &mm) || hh > 23 || mm > 59)
			return -1;
		*t += hh * 3600.0 + mm * 60.0;
		memcpy(r->minute_key, s, 16);
		r->minute_secs = *t;
		r->minute_known = 1;
	}
	return parse_seconds(s, len, t);
}

void usage_time_text(double t, char *buf, size_t size)
{
	long long s = (long long)floor(t), z = s >= 0 ? s / 86400 : (s - 86399) / 86400;
	long long sec = s - z * 86400, era, y;
	unsigned doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04lld-%02u-%02u %02lld:%02lld:%02lld", y + (m <= 2), m, d,
		 sec / 3600, sec / 60 % 60, sec % 60);
}

/* "true", "t", "yes", "1" in any case. */
static int truthy(const char *s, size_t len)
{
	return (len == 4 && !strncasecmp(s, "true", 4)) || (len == 1 && (*s == '1' || *s == 't' || *s == 'T')) ||
	       (len == 3 && !strncasecmp(s, "yes", 3));
}

static int has_word(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w), i;

	for (i = 0; i + n <= len; i++)
		if (!strncasecmp(s + i, w, n))
			return 1;
	return 0;
}

/*
 * Anthropic's context_window ("0-200k", "200k-1M"): the request size that
 * selects the price of that window, one token above its lower bound; 0
 * (the base price) when it starts at 0 or cannot be read.
 */
static double context_tokens(const char *s, size_t len)
{
	double v = 0;
	size_t i = 0;

	while (i < len && (s[i] < '0' || s[i] > '9'))
		i++;
	if (i == len)
		return 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9' && v < 1e12; i++)
		v = v * 10 + (s[i] - '0');
	if (i < len && (s[i] == 'k' || s[i] == 'K'))
		v *= 1e3;
	else if (i < len && (s[i] == 'm' || s[i] == 'M'))
		v *= 1e6;
	return v > 0 ? v + 1 : 0;
}

/* ---- the models ---- */

/*
 * A hash of a name from its length and its first and last eight bytes
 * (names that share them only share a chain; every match is compared).
 */
static unsigned name_hash(const char *s, size_t len)
{
	uint64_t a = 0, b = 0, h;
	size_t i;

	if (len >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + len - 8, 8);
	} else {
		for (i = 0; i < len; i++)
			a = a << 8 | (unsigned char)s[i];
	}
	h = (a ^ (len * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
	h = (h ^ (h >> 32) ^ b) * 0xC4CEB9FE1A85EC53ull;
	return (unsigned)(h ^ (h >> 29));
}

static int slots_grow(struct usage_reader *r)
{
	size_t n = r->nslots ? r->nslots * 2 : 64, i;
	unsigned *s = calloc(n, sizeof(*s));

	if (!s)
		return -1;
	for (i = 0; i < r->nmodels; i++) {
		size_t j = r->models[i].hash & (n - 1);
		while (s[j])
			j = (j + 1) & (n - 1);
		s[j] = (unsigned)i + 1;
	}
	free(r->slots);
	r->slots = s;
	r->nslots = n;
	return 0;
}

/* The model named s[0..len), added on first sight; NO_MODEL on error. */
static size_t model_of(struct usage_reader *r, const char *s, size_t len)
{
	struct usage_model *m;
	unsigned h;
	size_t j;

	h = name_hash(s, len);
	for (j = r->nslots ? h & (r->nslots - 1) : 0; r->nslots && r->slots[j];
	     j = (j + 1) & (r->nslots - 1)) {
		m = &r->models[r->slots[j] - 1];
		if (m->hash == h && m->len == len && same_name(m->name, s, len))
			return r->slots[j] - 1;
	}
	if (r->nmodels >= MAX_MODELS) {
		fail(r, LLMTCO_EDATA, r->field_line, 0, "more than %d distinct models", MAX_MODELS);
		return NO_MODEL;
	}
	{
		struct usage_model *n = array_grow(r->models, &r->models_cap, r->nmodels,
						   sizeof(*n));
		if (!n) {
			oom(r);
			return NO_MODEL;
		}
		r->models = n;
	}
	if ((r->nmodels + 1) * 2 > r->nslots && slots_grow(r)) {
		oom(r);
		return NO_MODEL;
	}
	m = &r->models[r->nmodels];
	memset(m, 0, sizeof(*m));
	if (!(m->name = malloc(len + 1))) {
		oom(r);
		return NO_MODEL;
	}
	memcpy(m->name, s, len);
	m->name[len] = '\0';
	m->len = len;
	m->hash = h;
	for (j = h & (r->nslots - 1); r->slots[j]; j = (j + 1) & (r->nslots - 1))
		;
	r->slots[j] = (unsigned)r->nmodels + 1;
	return r->nmodels++;
}

/*
 * The catalog rows of model m at service tier `tier`, found once: the
 * highest context tier first (catalog_model_price at an unbounded request
 * size), then each lower one, down to the base row. A "vendor/model" name
 * whose vendor the catalog does not know is tried as the bare model.
 */
static void resolve(struct usage_reader *r, struct usage_model *m, int tier)
{
	struct usage_price *up = &m->tiers[tier];
	const char *hint = layouts[r->layout].hint, *name = m->name, *slash;
	const char *tn = tier_names[tier];
	const struct model_price *p;
	size_t amb = 0;

	up->resolved = 1;
	if (r->row.provider[0])
		hint = r->row.provider;
	p = catalog_model_price(r->c, hint, name, tn, INFINITY, &amb);
	if (!p && !amb && (slash = strrchr(name, '/')) && slash[1]) {
		name = slash + 1;
		p = catalog_model_price(r->c, hint, name, tn, INFINITY, &amb);
	}
	if (tier == 0)
		m->ambiguous = amb;
	while (p && up->nrows < USAGE_CONTEXT_TIERS) {
		up->rows[up->nrows++] = p;
		if (p->above_input_tokens <= 0)
			break;
		p = catalog_model_price(r->c, hint, name, tn, p->above_input_tokens, NULL);
		if (p == up->rows[up->nrows - 1])
			break;
	}
	if (tier == 0 && up->nrows)
		m->price = up->rows[up->nrows - 1];
}

/*
 * The token sums of m at the catalog row that prices a request of `size`
 * input tokens at service tier `tier`, or NULL when m has no price.
 */
static double *bucket_at(struct usage_reader *r, struct usage_model *m, int tier,
			 double input, double requests)
{
	struct usage_price *up = &m->tiers[tier];
	double size = r->row.context;
	int i;

	if (!up->resolved)
		resolve(r, m, tier);
	if (up->nrows > 1 && !size && requests > 0) /* context tiers: by request size */
		size = input / requests;
	for (i = 0; i + 1 < up->nrows; i++)
		if (up->rows[i]->above_input_tokens < size)
			break;
	return up->nrows ? up->sums[i] : NULL;
}

/* A model's totals, from its sums (finish_row adds each row in one place). */
static void totals(struct usage_model *m)
{
	const double *x = m->other;
	int t, i, k;
	double s[6];

	for (k = 0; k < 6; k++)
		s[k] = x[k];
	for (t = 0; t < USAGE_SERVICE_TIERS; t++)
		for (i = 0; i < m->tiers[t].nrows; i++)
			for (k = 0; k < 6; k++)
				s[k] += m->tiers[t].sums[i][k];
	m->requests = s[0];
	m->input_tokens = s[1];
	m->cache_read_tokens = s[2];
	m->cache_write_tokens = s[3] + s[4];
	m->output_tokens = s[5];
	m->counted_rows = m->rows - m->uncounted_rows;
	m->cost_rows = m->rows - m->uncosted_rows;
	m->priced_rows = m->rows - m->unpriced_rows;
}

/* What m's priced tokens cost at list price: the log's, and the catalog's. */
static double list_cost(const struct usage_model *m)
{
	double usd = m->log_list_usd;
	int t, i;

	for (t = 0; t < USAGE_SERVICE_TIERS; t++)
		for (i = 0; i < m->tiers[t].nrows; i++) {
			const struct model_price *p = m->tiers[t].rows[i];
			const double *x = m->tiers[t].sums[i];
			/* 1-hour cache writes: twice the input price (Anthropic's rule) */
			usd += model_cost(p, x[0], x[1], x[2], x[3], x[5]) +
			       x[4] * 2.0 * p->input_mtok / 1e6;
		}
	return usd;
}

/* ---- cells and rows ---- */

/* Display name to id: "Claude Haiku 4.5" -> "claude-haiku-4.5". */
static size_t display_to_id(const char *s, size_t len, char *out)
{
	size_t i, n = 0;

	for (i = 0; i < len && n < MAX_NAME; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			if (n && out[n - 1] != '-')
				out[n++] = '-';
		} else {
			out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
	}
	while (n && out[n - 1] == '-')
		n--;
	return n;
}

/*
 * A count that includes others (prompt tokens and their cached part): the
 * parts must not exceed the whole. Checked when the row is complete; the
 * message points at the later of the cells. 0, or -1 (error set).
 */
static int check_parts(struct usage_reader *r)
{
	const struct layout_def *L = &layouts[r->layout];
	unsigned bits = L->parts & r->present_mask, i;
	char names[160] = "";
	size_t n = 0, nparts = 0;
	int col;

	/* the parts are cache reads and writes (0 when a log has none) */
	if (NUM(r, R_CACHE_READ) + NUM(r, R_CACHE_WRITE) <= NUM(r, L->total))
		return 0;
	for (i = R_REQUESTS; i <= R_EPOCH1; i++)
		if (bits & BIT(i) && n < sizeof(names))
			n += (size_t)snprintf(names + n, sizeof(names) - n, "%s\"%.60s\"",
					      nparts++ ? " + " : "", r->head[r->role_col[i]]);
	col = r->row.check_col;
	if (!col && r->row.check_line == r->line)
		col = locate(r, r->row.check_field);
	fail(r, LLMTCO_EDATA, r->row.check_line, col, "%s %s \"%.60s\", which includes %s",
	     names, nparts > 1 ? "exceed" : "exceeds", r->head[r->role_col[L->total]],
	     nparts > 1 ? "them" : "it");
	return -1;
}

static void number_cell(struct usage_reader *r, size_t k, unsigned role,
			const char *s, size_t len)
{
	const char *why;
	double v;

	if (r->check_mask & BIT(role)) { /* where the parts check would point */
		r->row.check_field = k;
		r->row.check_line = r->field_line;
		r->row.check_col = r->field_col;
	}
	if (!len)
		return; /* empty: 0 */
	if (len == 1 && *s == '0') { /* so common that it skips the parser */
		v = 0;
	} else if (fast_num(s, len, &v) && num_parse_n(s, len, &v, &why)) {
		bad_cell(r, k, why);
		return;
	}
	if (v < 0 && role != R_COST && role != R_COST_EXTRA && role != R_LIST) {
		bad_cell(r, k, "must not be negative");
		return;
	}
	if (fabs(v) > LLMTCO_MAX_AMOUNT) {
		bad_cell(r, k, "is too large (at most 1e15)");
		return;
	}
	NUM(r, role) = v;
	r->row.given |= BIT(role);
	if (role == R_EPOCH0)
		r->row.t0 = v, r->row.has_t0 = 1, r->row.t0_day = 0;
	else if (role == R_EPOCH1)
		r->row.t1 = v, r->row.has_t1 = 1, r->row.t1_day = 0;
}

/* A time: the start (R_DATE0) or the end (R_DATE1) of what the row covers. */
static void date_cell(struct usage_reader *r, size_t k, unsigned role, const char *s,
		      size_t len)
{
	double t;
	int day;

	if (!len)
		return;
	if (parse_time(r, s, len, &t, &day)) {
		bad_cell(r, k, "is not a date (YYYY-MM-DD, optionally with a time)");
		return;
	}
	if (role == R_DATE0)
		r->row.t0 = t, r->row.has_t0 = 1, r->row.t0_day = day;
	else
		r->row.t1 = t, r->row.has_t1 = 1, r->row.t1_day = day;
}

/* Whether s holds only whole UTF-8 characters. */
static int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (!(n = text_utf8_seq(p + i, len - i)))
			return 0;
		i += n;
	}
	return 1;
}

static void text_cell(struct usage_reader *r, size_t k, unsigned role, const char *s,
		      size_t len)
{
	char id[MAX_NAME + 1];

	switch (role) {
	case R_MODEL:
		if (len > MAX_NAME) {
			bad_cell(r, k, "is longer than 255 characters");
			return;
		}
		if (!utf8_valid(s, len)) { /* tests/bad: use-utf8-model.csv */
			bad_cell(r, k, "is not valid UTF-8");
			return;
		}
		if (layouts[r->layout].display_names) {
			len = display_to_id(s, len, id);
			s = id;
		}
		r->row.model = model_of(r, s, len);
		break;
	case R_PROVIDER:
		if (len >= sizeof(r->row.provider))
			len = sizeof(r->row.provider) - 1;
		memcpy(r->row.provider, s, len);
		r->row.provider[len] = '\0';
		break;
	case R_BATCH:
		r->row.batch = truthy(s, len);
		break;
	case R_TIER:
		r->row.tier = (len == 4 && !strncasecmp(s, "flex", 4)) ? 2
			      : (len == 8 && !strncasecmp(s, "priority", 8)) ? 3
			      : (len == 5 && !strncasecmp(s, "batch", 5)) ? 1 : 0;
		break;
	case R_CACHE_HIT:
		r->row.cache_hit = truthy(s, len);
		break;
	case R_CONTEXT:
		r->row.context = context_tokens(s, len);
		break;
	case R_USAGE_TYPE:
		r->row.batch = has_word(s, len, "batch");
		break;
	case R_DATE1:
		date_cell(r, k, role, s, len);
		break;
	default:
		break;
	}
}

static void header_cell(struct usage_reader *r, const char *s, size_t len)
{
	char *name;

	if (r->nhead >= MAX_COLUMNS) {
		fail(r, LLMTCO_EDATA, r->field_line, 0, "more than %d columns", MAX_COLUMNS);
		return;
	}
	{
		char **n = array_grow(r->head, &r->head_cap, r->nhead, sizeof(*n));
		if (!n) {
			oom(r);
			return;
		}
		r->head = n;
	}
	if (!(name = malloc(len + 1))) {
		oom(r);
		return;
	}
	memcpy(name, s, len);
	name[len] = '\0';
	r->head[r->nhead++] = name;
}

/* A field ended: the next begins on the current line. */
static void field_done(struct usage_reader *r)
{
	if (r->field_line != r->line) { /* the field held a newline */
		r->field_line = r->line;
		r->field_col = 0;
	}
}

/* A cell the layout reads (out of line: most cells are not read). */
static __attribute__((noinline)) void read_cell(struct usage_reader *r, size_t k,
						const char *s, size_t len)
{
	unsigned role = r->role[k];

	if (IS_NUM(role))
		number_cell(r, k, role, s, len);
	else if (role == R_DATE0) /* the usual text cells first, without a switch */
		date_cell(r, k, role, s, len);
	else
		text_cell(r, k, role, s, len);
	field_done(r);
}

/* A cell of the header (out of line: one row in a file). */
static __attribute__((noinline)) void read_header_cell(struct usage_reader *r,
						       const char *s, size_t len)
{
	header_cell(r, s, len);
	field_done(r);
}

static void on_field(void *s, size_t len, void *data)
{
	struct usage_reader *r = data;
	size_t k = r->nfield++;

	/* the calls are the last thing done, so that this path (most cells)
	 * saves no registers */
	if (k < r->ncols && r->role[k]) { /* no columns until the header is read;
					     every role is cleared after an error */
		read_cell(r, k, s, len);
		return;
	}
	if (!r->have_header && !r->status) {
		read_header_cell(r, s, len);
		return;
	}
	field_done(r);
}

static int col_index(const struct usage_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nhead; i++)
		if (!strcasecmp(r->head[i], name))
			return (int)i;
	return -1;
}

/*
 * How many of a layout's required columns the header has, and of how
 * many; with `distinctive`, "model" (which most layouts share) is left out.
 */
static int required_present(const struct usage_reader *r, enum usage_layout l,
			    int distinctive, int *of)
{
	const struct colmap *m;
	int n = 0;

	*of = 0;
	for (m = layouts[l].cols; m->name; m++)
		if (m->required && !(distinctive && !strcmp(m->name, "model"))) {
			++*of;
			n += col_index(r, m->name) >= 0;
		}
	return n;
}

/*
 * The header names no layout: name the columns missing from the layout it
 * is closest to (at least half of that layout's distinctive columns), or
 * those of the generic layout.
 */
static void unknown_header(struct usage_reader *r)
{
	int best = USAGE_NONE, best_n = 0, best_of = 1, l, n, of;
	const struct colmap *m;
	char missing[200];
	size_t len = 0;

	for (l = USAGE_NONE + 1; l < USAGE_NLAYOUTS; l++) {
		n = required_present(r, (enum usage_layout)l, 1, &of);
		if (n && 2 * n >= of && n * best_of > best_n * of) {
			best = l;
			best_n = n;
			best_of = of;
		}
	}
	if (best == USAGE_NONE) {
		fail(r, LLMTCO_EDATA, r->row_line, 1,
		     "unknown usage log: the header is none of the exports llmtco reads "
		     "(llmtco usage --help) nor the generic \"model\", \"requests\", "
		     "\"input_tokens\", \"output_tokens\"");
		return;
	}
	missing[0] = '\0';
	for (m = layouts[best].cols; m->name; m++)
		if (m->required && col_index(r, m->name) < 0 && len < sizeof(missing))
			len += (size_t)snprintf(missing + len, sizeof(missing) - len, "%s\"%s\"",
						len ? ", " : "", m->name);
	fail(r, LLMTCO_EDATA, r->row_line, 1,
	     "unknown usage log: the header looks like the %s but lacks %s",
	     layouts[best].title, missing);
}

static void take_header(struct usage_reader *r)
{
	const struct colmap *m;
	int l, n, of;

	for (l = USAGE_NONE + 1; l < USAGE_NLAYOUTS; l++)
		if (required_present(r, (enum usage_layout)l, 0, &of) == of)
			break;
	if (l == USAGE_NLAYOUTS) {
		unknown_header(r);
		return;
	}
	r->layout = (enum usage_layout)l;
	if (!(r->role = calloc(r->nhead, 1))) {
		oom(r);
		return;
	}
	for (m = layouts[l].cols; m->name; m++)
		if ((n = col_index(r, m->name)) >= 0 && !r->role[n] && m->role != R_ID) {
			size_t j;
			/* two columns of one name: which one counts? (tests/bad,
			 * use-dup-column.csv) */
			for (j = (size_t)n + 1; j < r->nhead; j++)
				if (!strcasecmp(r->head[j], m->name)) {
					fail(r, LLMTCO_EDATA, r->row_line, 1,
					     "duplicate column \"%s\" (fields %d and %zu of the header)",
					     m->name, n + 1, j + 1);
					return;
				}
			r->role[n] = m->role;
			r->role_col[m->role] = (size_t)n;
			r->present_mask |= BIT(m->role);
		}
	if (layouts[l].total)
		r->check_mask = BIT(layouts[l].total) | layouts[l].parts;
	r->ncols = r->nhead;
	r->have_header = 1;
}

/* The tokens and costs of a complete data row, added to its model. */
static void finish_row(struct usage_reader *r)
{
	const struct layout_def *L = &layouts[r->layout];
	struct usage_model *m;
	double req = 0, in, cr, cw, cw1h, out, start, end, *sum;
	int counted = 1;

	if (r->row.model == NO_MODEL && !r->status)
		r->row.model = model_of(r, "", 0);
	if (r->status || (L->total && check_parts(r)))
		return;
	m = &r->models[r->row.model];
	if (L->per_request)
		req = 1;
	else if (r->present_mask & BIT(R_REQUESTS))
		req = NUM(r, R_REQUESTS);
	else
		counted = 0;
	in = NUM(r, R_INPUT);
	cr = NUM(r, R_CACHE_READ);
	cw = NUM(r, R_CACHE_WRITE);
	cw1h = NUM(r, R_CACHE_WRITE_1H);
	out = NUM(r, R_OUTPUT);
	if (L->reasoning_apart) /* reasoning is billed as output */
		out += NUM(r, R_REASONING);
	if (L->total == R_INPUT)
		in -= cr + cw; /* checked above not to go below 0 */
	if (r->row.cache_hit) /* LiteLLM answered from its own cache */
		in = cr = cw = cw1h = out = 0;
	/* counts of the exceptions only; sums into one place (see totals()) */
	m->rows++;
	r->file_rows++;
	if (!counted)
		m->uncounted_rows++;
	if (!r->row.cache_hit)
		m->reasoning_tokens += NUM(r, R_REASONING);
	if (r->present_mask & BIT(R_COST)) {
		double usd = NUM(r, R_COST) + NUM(r, R_COST_EXTRA);
		m->recorded_usd += L->cost_cents ? usd / 100.0 : usd;
	} else {
		m->uncosted_rows++;
	}
	sum = NULL;
	if (r->row.cache_hit) /* nothing went to a provider: nothing to price */
		sum = m->other;
	else if (!L->display_names)
		sum = bucket_at(r, m, r->row.batch ? 1 : r->row.tier, in + cr + cw + cw1h, req);
	else if (r->row.given & BIT(R_LIST)) /* a cost log: its list price */
		m->log_list_usd += NUM(r, R_LIST);
	else /* a cost log without a list price: no tokens to price */
		m->no_tokens = 1;
	if (!sum) { /* not priced from the catalog */
		sum = m->other;
		if (!L->display_names || !(r->row.given & BIT(R_LIST))) {
			m->unpriced_rows++;
			m->unpriced_requests += req;
		}
	}
	sum[0] += req;
	sum[1] += in;
	sum[2] += cr;
	sum[3] += cw;
	sum[4] += cw1h;
	sum[5] += out;
	if (r->row.has_t0) {
		start = r->row.t0;
		end = r->row.has_t1 ? r->row.t1 + (r->row.t1_day ? DAY : 0)
				    : r->row.t0 + (r->row.t0_day ? DAY : 0);
		if (end < start)
			end = start;
		if (!r->have_span || start < r->first)
			r->first = start;
		if (!r->have_span || end > r->last)
			r->last = end;
		r->have_span = 1;
	}
}

static void row_clear(struct usage_reader *r)
{
	memset(&r->row, 0, offsetof(struct usage_row, model));
	r->row.model = NO_MODEL;
	r->row.provider[0] = '\0';
}

static void on_row(int term, void *data)
{
	struct usage_reader *r = data;

	if (r->nfield) { /* not a blank line */
		if (r->status)
			;
		else if (!r->have_header)
			take_header(r);
		else if (r->nfield != r->nhead)
			fail(r, LLMTCO_EDATA, r->row_line, 1, "row has %zu field%s, the header %zu",
			     r->nfield, r->nfield == 1 ? "" : "s", r->nhead);
		else
			finish_row(r);
		r->nfield = 0;
		row_clear(r);
	}
	if (term == '\n') { /* an unquoted line feed: a new line, a new row */
		r->line++;
		r->field_line = r->line;
		r->field_col = 0;
		r->line_first_field = 0;
		r->line_in_quotes = 0;
	}
	r->row_line = r->field_line; /* where the next row begins */
}

/* ---- feeding ---- */

/* Keep the first bytes of the line that goes on into the next chunk. */
static void keep_line(struct usage_reader *r, const char *p, size_t n)
{
	size_t room;

	if (!n)
		return;
	if ((long long)r->linelen == r->line_pos && r->linelen < LINE_KEEP) {
		room = LINE_KEEP - r->linelen;
		if (n < room)
			room = n;
		if (r->linelen + room > r->linecap) {
			size_t cap = r->linecap ? r->linecap : 4096;
			char *b;
			while (cap < r->linelen + room)
				cap *= 2;
			if (!(b = realloc(r->linebuf, cap))) {
				oom(r);
				return;
			}
			r->linebuf = b;
			r->linecap = cap;
		}
		memcpy(r->linebuf + r->linelen, p, room);
		r->linelen += room;
	}
	r->line_pos += (long long)n;
}

/* A piece ended with a line feed inside a quoted field: a new line. */
static void quoted_newline(struct usage_reader *r)
{
	size_t k = r->nfield;

	/* a field goes on: find its column while its line is at hand */
	if (!r->field_col && r->field_line == r->line && r->have_header &&
	    k < r->nhead && CHECKED(r->role[k]))
		r->field_col = locate(r, k);
	r->line++;
	r->line_first_field = r->nfield;
	r->line_in_quotes = 1;
}

/* libcsv's field buffer, refused beyond MAX_FIELD: memory stays bounded. */
static void *field_realloc(void *p, size_t size)
{
	return size > MAX_FIELD ? NULL : realloc(p, size);
}

/* libcsv could not grow its field buffer: too long a field, or no memory. */
static void no_room(struct usage_reader *r)
{
	if (r->csv.entry_size + FIELD_BLOCK > MAX_FIELD)
		fail(r, LLMTCO_EDATA, r->field_line,
		     r->field_col ? r->field_col
		     : r->field_line == r->line ? locate(r, r->nfield) : 0,
		     "a field is longer than %u MiB", MAX_FIELD >> 20);
	else
		oom(r);
}

/* libcsv stopped at byte `at` of `piece`, a part of the current line. */
static void parse_error(struct usage_reader *r, const char *piece, size_t at)
{
	int e = csv_error(&r->csv);
	long long col = (long long)at + 1;
	int c;

	if (piece == r->chunk && r->line == r->chunk_line)
		col += r->line_pos; /* the line began in an earlier chunk */
	c = col > 0x7fffffff ? 0 : (int)col;
	if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
		no_room(r);
	else
		fail(r, LLMTCO_EDATA, r->line, c, "%s",
		     piece[at] == '"' ? "stray quote inside a field"
				      : "malformed field after a closing quote");
}

/* Parse a chunk: whole when it has no quote, else a piece per line. */
static void feed_bytes(struct usage_reader *r, const char *p, size_t len)
{
	const char *end = p + len, *q;
	size_t done;

	r->chunk = p;
	r->chunk_len = len;
	r->chunk_line = r->line;
	if (!r->csv.quoted && !memchr(p, '"', len)) {
		done = csv_parse(&r->csv, p, len, on_field, on_row, r);
		if (done < len && !r->status)
			no_room(r); /* no quote: no parse error */
	} else {
		for (q = p; q < end && !r->status; ) {
			const char *nl = memchr(q, '\n', (size_t)(end - q));
			size_t n = nl ? (size_t)(nl - q) + 1 : (size_t)(end - q);
			done = csv_parse(&r->csv, q, n, on_field, on_row, r);
			if (done < n && !r->status)
				parse_error(r, q, done);
			if (nl && r->csv.quoted && !r->status)
				quoted_newline(r);
			q += n;
		}
	}
	if (!r->status) { /* keep the start of a line that goes on */
		for (q = end; q > p && q[-1] != '\n'; q--)
			;
		if (q > p) {
			r->linelen = 0;
			r->line_pos = 0;
		}
		keep_line(r, q, (size_t)(end - q));
	}
	r->chunk = NULL;
	r->chunk_len = 0;
	r->chunk_line = r->line;
}

static const char bom[] = "\xEF\xBB\xBF";

int usage_feed(struct usage_reader *r, const void *buf, size_t len)
{
	const char *p = buf;

	if (r->status || !r->csv_live)
		return r->status ? r->status : LLMTCO_EIO;
	while (r->bom >= 0 && len) { /* a UTF-8 byte order mark, maybe split */
		if ((unsigned char)*p == (unsigned char)bom[r->bom]) {
			p++, len--;
			if (++r->bom == 3)
				r->bom = -1;
		} else {
			int held = r->bom;
			r->bom = -1;
			feed_bytes(r, bom, (size_t)held);
		}
	}
	if (len)
		feed_bytes(r, p, len);
	return r->status;
}

void usage_init(struct usage_reader *r, const struct catalog *c)
{
	memset(r, 0, sizeof(*r));
	r->c = c;
	r->bom = -1;
}

/* Forget the file being read (not what it added). */
static void file_reset(struct usage_reader *r)
{
	size_t i;

	if (r->csv_live)
		csv_free(&r->csv);
	r->csv_live = 0;
	for (i = 0; i < r->nhead; i++)
		free(r->head[i]);
	free(r->head);
	free(r->role);
	free(r->linebuf);
	free(r->file_name);
	r->head = NULL;
	r->role = NULL;
	r->linebuf = NULL;
	r->file_name = NULL;
	r->nhead = r->head_cap = r->linelen = r->linecap = r->ncols = 0;
	r->have_header = 0;
	r->layout = USAGE_NONE;
	r->present_mask = r->check_mask = 0;
}

int usage_begin(struct usage_reader *r, const char *name, struct llmtco_err *err)
{
	file_reset(r);
	err_clear(err);
	r->err = err;
	r->name = name;
	r->status = LLMTCO_OK;
	r->line = r->field_line = r->row_line = r->chunk_line = 1;
	r->chunk = NULL;
	r->chunk_len = 0;
	r->field_col = 0;
	r->line_first_field = 0;
	r->line_in_quotes = 0;
	r->line_pos = 0;
	r->nfield = 0;
	r->file_rows = 0;
	r->bom = 0;
	memset(&r->row, 0, sizeof(r->row));
	row_clear(r);
	if (!(r->file_name = strdup(name)))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	csv_set_blk_size(&r->csv, FIELD_BLOCK); /* few reallocations for long fields */
	csv_set_realloc_func(&r->csv, field_realloc);
	r->csv_live = 1;
	return LLMTCO_OK;
}

int usage_finish(struct usage_reader *r)
{
	struct usage_file *f;
	int held = r->bom > 0 ? r->bom : 0;

	if (r->status || !r->csv_live) {
		file_reset(r);
		return r->status ? r->status : LLMTCO_EIO;
	}
	r->bom = -1;
	if (held)
		feed_bytes(r, bom, (size_t)held);
	if (!r->status && csv_fini(&r->csv, on_field, on_row, r) && !r->status) {
		int col = r->field_col ? r->field_col
			  : r->field_line == r->line ? locate(r, r->nfield) : 0;
		if (csv_error(&r->csv) != CSV_EPARSE)
			oom(r);
		else if (col) /* where the field begins */
			fail(r, LLMTCO_EDATA, r->field_line, col, "unterminated quoted field");
		else /* where the file ends */
			fail(r, LLMTCO_EDATA, r->line, r->line_pos + 1 > 0x7fffffff ? 0
			     : (int)(r->line_pos + 1), "unterminated quoted field (opened on line %lld)",
			     r->field_line);
	}
	if (!r->status && !r->have_header)
		fail(r, LLMTCO_EDATA, 0, 0, "no header row: the file is empty");
	if (!r->status) {
		f = realloc(r->files, (r->nfiles + 1) * sizeof(*f));
		if (!f) {
			oom(r);
		} else {
			r->files = f;
			f = &f[r->nfiles++];
			f->name = r->file_name;
			f->layout = r->layout;
			f->rows = r->file_rows;
			r->rows += r->file_rows;
			r->file_name = NULL;
		}
	}
	file_reset(r);
	return r->status;
}

void usage_abandon(struct usage_reader *r)
{
	file_reset(r);
}

void usage_release(struct usage_reader *r)
{
	size_t i;

	if (!r)
		return;
	file_reset(r);
	for (i = 0; i < r->nmodels; i++)
		free(r->models[i].name);
	free(r->models);
	free(r->slots);
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i].name);
	free(r->files);
	usage_init(r, r->c);
}

/* ---- the summary ---- */

static int by_cost(const void *a, const void *b)
{
	const struct usage_model *x = *(const struct usage_model *const *)a;
	const struct usage_model *y = *(const struct usage_model *const *)b;
	int px = x->priced_rows > 0, py = y->priced_rows > 0;

	if (px != py)
		return py - px;
	if (x->list_usd != y->list_usd)
		return x->list_usd < y->list_usd ? 1 : -1;
	if (x->recorded_usd != y->recorded_usd)
		return x->recorded_usd < y->recorded_usd ? 1 : -1;
	return strcmp(x->name, y->name);
}

int usage_summarize(struct usage_reader *r, struct usage_summary *s)
{
	double counted = 0;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->format = "none";
	if (r->nfiles)
		s->format = usage_layout_name(r->files[0].layout);
	for (i = 1; i < r->nfiles; i++)
		if (r->files[i].layout != r->files[0].layout)
			s->format = "mixed";
	if (r->nmodels && !(s->models = malloc(r->nmodels * sizeof(*s->models))))
		return LLMTCO_EIO;
	for (i = 0; i < r->nmodels; i++) {
		struct usage_model *m = &r->models[i];
		totals(m);
		m->list_usd = list_cost(m);
		s->models[i] = m;
		s->requests += m->requests;
		counted += m->counted_rows;
		s->recorded_usd += m->recorded_usd;
		s->recorded_known |= m->cost_rows > 0;
		s->list_usd += m->list_usd;
		s->npriced += m->priced_rows > 0;
		s->nunpriced += m->unpriced_rows > 0;
		s->unpriced_requests += m->unpriced_requests;
	}
	s->nmodels = r->nmodels;
	if (s->nmodels)
		qsort((void *)s->models, s->nmodels, sizeof(*s->models), by_cost);
	s->rows = r->rows;
	s->requests_known = counted == r->rows;
	s->have_span = r->have_span;
	if (r->have_span) {
		s->first = r->first;
		s->last = r->last;
		s->span_days = (r->last - r->first) / DAY;
		if (s->span_days < 1)
			s->span_days = 1;
	}
	return LLMTCO_OK;
}

void usage_summary_release(struct usage_summary *s)
{
	if (!s)
		return;
	free((void *)s->models);
	s->models = NULL;
	s->nmodels = 0;
}

void usage_unpriced_reason(const struct usage_model *m, char *buf, size_t size)
{
	if (m->no_tokens)
		snprintf(buf, size, "a cost log row without a list price");
	else if (m->ambiguous > 1)
		snprintf(buf, size, "ambiguous: %zu catalog models match", m->ambiguous);
	else
		snprintf(buf, size, "not in the catalog");
}
