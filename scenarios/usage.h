/*
 * usage.h - usage logs: what a team's traffic was, read from the CSV
 * exports of OpenRouter, LiteLLM, OpenAI, Anthropic, Helicone or a generic
 * layout (FORMATS.md), summed per model and priced at list price.
 *
 * A reader is fed a file's bytes in chunks of any size (usage_feed) and
 * keeps no row: only the header, one aggregate per distinct model (a hash
 * table keyed by the model name, each model looked up in the catalog once)
 * and the current line's bytes when it crosses a chunk (for error columns).
 * Its memory does not grow with the file: at most 10,000 distinct model
 * names and 64 MiB in one field (a JSON body), both refused beyond that
 * with a message. No I/O here.
 *
 * Rules (`llmtco usage --help` says the same, shorter):
 * - A layout is told by its header's set of names, never by position; a
 *   UTF-8 byte order mark and CRLF line ends are accepted; extra columns
 *   are ignored.
 * - Every number is parsed strictly; an empty numeric cell is 0. A bad
 *   value stops the reading with "file:line:col: \"column\" is not a
 *   number" (LLMTCO_EDATA): a log is read whole or not at all.
 * - input_tokens are uncached input. Where a log's input count includes
 *   cached tokens (OpenRouter tokens_prompt, OpenAI input_tokens, LiteLLM
 *   prompt_tokens, the generic input_tokens) they are subtracted once; a
 *   cached count larger than the input that includes it is an error.
 * - Output includes reasoning tokens, billed as output: OpenRouter's
 *   tokens_reasoning are added to its tokens_completion.
 * - Requests: one per row of per-request logs; the count column of
 *   aggregated ones (api_requests, num_model_requests, requests). The
 *   Anthropic console CSVs have no count: their rows add no requests and
 *   the model's request count is unknown (not guessed).
 * - Anthropic cost CSV: cost_usd is dollars, the Admin API's `amount`
 *   cents. These logs have no tokens, so nothing is priced from the
 *   catalog: the console CSV's list cost is its own list_price_usd, and the
 *   Admin report has none. Display names are reported as ids ("Claude Haiku
 *   4.5" becomes "claude-haiku-4.5": lowercase, blanks to '-').
 * - The span: a row with a time is an instant, a row with only a date
 *   covers that whole day, an OpenAI bucket covers start_time..end_time;
 *   span_days = (latest end - earliest start) / 86400, at least 1. Times
 *   without a zone are UTC.
 * - Pricing: a model is looked up with the layout's provider hint
 *   ("openai" for the OpenAI export, "anthropic" for Anthropic's; LiteLLM's
 *   custom_llm_provider); a "vendor/model" name whose vendor the catalog
 *   does not know ("x-ai/grok-4") is tried as the bare model. A request's
 *   context tier is chosen by its input tokens (cached ones included; an
 *   aggregated row by its average per request; Anthropic rows by the lower
 *   bound of context_window); its service tier by OpenAI's batch and
 *   service_tier (flex, priority) or an Anthropic usage_type naming batch,
 *   the standard price when the catalog has no such row. 1-hour cache
 *   writes cost twice the input price (Anthropic's rule: the catalog has
 *   one, 5-minute, cache-write price). Per-request prices count requests.
 * - A LiteLLM row with cache_hit True was answered by LiteLLM's own cache:
 *   a request, no tokens sent to a provider, nothing priced.
 */
#ifndef LLMTCO_USAGE_H
#define LLMTCO_USAGE_H

#include <csv.h>
#include <stddef.h>
#include "../common/llmtco.h"
#include "../pricing/catalog.h"

/* The layouts of FORMATS.md ("Usage logs"). */
enum usage_layout {
	USAGE_NONE = 0,
	USAGE_OPENROUTER,        /* OpenRouter activity export, a row a generation */
	USAGE_LITELLM_SPEND,     /* LiteLLM_SpendLogs, a row a request */
	USAGE_LITELLM_DAILY,     /* LiteLLM daily rollups, api_requests a row */
	USAGE_OPENAI,            /* OpenAI usage export, num_model_requests a bucket */
	USAGE_ANTHROPIC_USAGE,   /* Anthropic console usage CSV (tokens) */
	USAGE_ANTHROPIC_COST,    /* Anthropic console cost CSV (dollars) */
	USAGE_ANTHROPIC_COST_API,/* Anthropic Admin cost report as CSV (cents) */
	USAGE_HELICONE,          /* Helicone export, a row a request */
	USAGE_GENERIC,           /* model, requests, input_tokens, output_tokens */
	USAGE_NLAYOUTS
};

/* "openrouter", "litellm-spendlogs", ...: the name in output. */
const char *usage_layout_name(enum usage_layout l);

/* "OpenRouter activity export", ...: the name in sentences. */
const char *usage_layout_title(enum usage_layout l);

/*
 * The columns layout `l` needs (they identify it) or, with `optional`, the
 * others it reads when present: quoted, comma-separated, into `buf`.
 */
void usage_layout_columns(enum usage_layout l, int optional, char *buf,
			  size_t size);

/* Service tiers a row may be priced at: standard, batch, flex, priority. */
#define USAGE_SERVICE_TIERS 4
/* Context tiers kept per service tier (base and above-N-tokens rows). */
#define USAGE_CONTEXT_TIERS 8

/*
 * A model's catalog rows for one service tier, found once, and the tokens
 * each row prices (summed; priced once at the end).
 */
struct usage_price {
	const struct model_price *rows[USAGE_CONTEXT_TIERS]; /* highest
						above_input_tokens first, base last */
	int nrows;    /* 0: not in the catalog */
	int resolved; /* 1 once looked up */
	double sums[USAGE_CONTEXT_TIERS][6]; /* requests, uncached input, cache
					reads, 5-minute and 1-hour cache writes,
					output */
};

/*
 * What the logs say about one model (all files together). The counts and
 * sums are complete once usage_summarize has run.
 */
struct usage_model {
	char *name;                /* as the log names it (display names mapped) */
	size_t len;                /* strlen(name) */
	unsigned hash;
	double rows;               /* data rows */
	double requests;           /* requests the rows counted */
	double counted_rows;       /* rows that gave a request count */
	double uncounted_rows;     /* rows that did not */
	double input_tokens;       /* uncached input tokens */
	double cache_read_tokens;  /* input tokens read from a prompt cache */
	double cache_write_tokens; /* input tokens written to a prompt cache */
	double output_tokens;      /* output tokens, reasoning included */
	double reasoning_tokens;   /* the part of output that was reasoning */
	double recorded_usd;       /* what the log says was paid, USD */
	double cost_rows;          /* rows that gave a cost */
	double uncosted_rows;      /* rows that did not */
	double list_usd;           /* the priced rows at list price, USD (set by
				      usage_summarize) */
	double log_list_usd;       /* the part a cost log gave as list price */
	double other[6];           /* the sums (as usage_price.sums) of the
				      rows not priced from the catalog */
	double priced_rows;        /* rows priced (catalog, or the log's list price) */
	double unpriced_rows;      /* rows that could not be priced */
	double unpriced_requests;  /* requests of those rows */
	size_t ambiguous;          /* catalog models the name matched, when several */
	int no_tokens;             /* a cost log row had no list price */
	const struct model_price *price; /* standard base row, NULL: none */
	struct usage_price tiers[USAGE_SERVICE_TIERS];
};

/* One file read. */
struct usage_file {
	char *name;                /* as given ("-" for standard input) */
	enum usage_layout layout;
	double rows;               /* data rows */
};

/* Numbers a data row carries (internal). */
enum { USAGE_NUMS = 12 };

/*
 * The reader. Fill with usage_init; for each file, usage_begin, any number
 * of usage_feed and usage_finish; then usage_summarize. Free with
 * usage_release. Fields below `internal` are the reader's own.
 */
struct usage_reader {
	const struct catalog *c;   /* prices; must outlive the reader */
	struct usage_model *models;/* aggregates, in order of first sight */
	size_t nmodels;
	struct usage_file *files;
	size_t nfiles;
	double rows;               /* data rows of every file */
	double first, last;        /* earliest start, latest end (Unix seconds) */
	int have_span;             /* 1 once a row gave a time */

	/* internal */
	struct llmtco_err *err;
	int status;
	const char *name;          /* the file being read, as the caller gave it */
	char *file_name;           /* its copy, for r->files */
	double file_rows;
	size_t models_cap;
	unsigned *slots;           /* open addressing: model index + 1, 0 empty */
	size_t nslots;
	struct csv_parser csv;
	int csv_live;
	enum usage_layout layout;  /* of the file being read */
	int have_header;
	char **head;               /* header names */
	size_t nhead, head_cap;
	unsigned char *role;       /* per column: what it holds */
	size_t ncols;              /* columns with a role: nhead once the header
				      names a layout, else 0 */
	size_t role_col[32];       /* per role: its column */
	unsigned present_mask;     /* bit per role the header has */
	unsigned check_mask;       /* roles whose cells are checked together */
	size_t nfield;             /* fields of the current row so far */
	long long line;            /* line of the bytes being fed (1-based) */
	long long field_line;      /* line where the current field began */
	int field_col;             /* its column, when found at a line end */
	long long row_line;        /* line where the current row began */
	size_t line_first_field;   /* first field that began on this line */
	int line_in_quotes;        /* the line began inside a quoted field */
	long long line_pos;        /* bytes of the line in earlier chunks */
	char *linebuf;             /* those bytes (the first LINE_KEEP) */
	size_t linelen, linecap;
	const char *chunk;         /* the chunk being parsed */
	size_t chunk_len;
	long long chunk_line;      /* the line it starts on */
	int bom;                   /* BOM bytes matched at the file start; -1 done */
	char minute_key[16];       /* the last "YYYY-MM-DD HH:MM" read ... */
	double minute_secs;        /* ... as Unix seconds */
	int minute_known;
	struct usage_row {     /* cleared up to `model` for each row */
		double num[USAGE_NUMS];
		unsigned given;    /* bit per number column not empty */
		int has_t0, has_t1;
		int tier;          /* index into usage_model.tiers */
		int batch;         /* a batch request (OpenAI batch, Anthropic usage_type) */
		int cache_hit;     /* LiteLLM: served from its own cache */
		double context;    /* Anthropic context_window's lower bound */
		size_t model;      /* (size_t)-1 until the model cell */
		double t0, t1;     /* Unix seconds */
		int t0_day, t1_day;/* a date without a time: the whole day */
		size_t check_field;/* the later cell of a parts check ... */
		long long check_line; /* ... its line */
		int check_col;     /* ... and column when known */
		char provider[48]; /* LiteLLM custom_llm_provider ("" when none) */
	} row;
};

/* Fill an empty reader pricing with `c` (no allocation). */
void usage_init(struct usage_reader *r, const struct catalog *c);

/* Free what the reader holds. NULL is fine. */
void usage_release(struct usage_reader *r);

/*
 * Start reading a file. `name` is copied (messages name it); `err` is
 * filled by this and every later call until usage_finish and must stay
 * valid until then. LLMTCO_EIO when out of memory.
 */
int usage_begin(struct usage_reader *r, const char *name, struct llmtco_err *err);

/*
 * Feed the next `len` bytes of the file (chunks may end anywhere). Returns
 * LLMTCO_OK, LLMTCO_EDATA with "file:line:col" in the error, or LLMTCO_EIO
 * (out of memory); after an error the file's later bytes are refused.
 */
int usage_feed(struct usage_reader *r, const void *buf, size_t len);

/*
 * End of the file: its last row, a file with no header is LLMTCO_EDATA.
 * On success the file is added to r->files with its layout.
 */
int usage_finish(struct usage_reader *r);

/* Forget the file being read (after an error of the caller's). */
void usage_abandon(struct usage_reader *r);

/* The whole of what was read, for writers and compare. */
struct usage_summary {
	const struct usage_model **models; /* by list cost, then recorded
					      cost, then name; owned here */
	size_t nmodels;
	const char *format;        /* the files' layout name, or "mixed" */
	double rows;
	double requests;           /* counted requests of every model */
	int requests_known;        /* 1: every row gave a request count */
	double recorded_usd;       /* of the rows that gave a cost */
	int recorded_known;        /* 1: some row gave a cost */
	double list_usd;           /* of the priced rows */
	size_t npriced;            /* models with a priced row */
	size_t nunpriced;          /* models with an unpriced row */
	double unpriced_requests;
	double first, last;        /* Unix seconds; valid when have_span */
	int have_span;
	double span_days;          /* (last - first) days, at least 1; 0 without data */
};

/*
 * Summarize what `r` read (pricing each model's tokens: list_usd). The
 * summary points into `r`. LLMTCO_EIO (out of memory) or LLMTCO_OK.
 */
int usage_summarize(struct usage_reader *r, struct usage_summary *s);

/* Free the summary's list. NULL is fine. */
void usage_summary_release(struct usage_summary *s);

/* Why a model has no price: "not in the catalog" or "ambiguous: N ...". */
void usage_unpriced_reason(const struct usage_model *m, char *buf, size_t size);

/* A Unix time as "YYYY-MM-DD HH:MM:SS" (UTC). */
void usage_time_text(double t, char *buf, size_t size);

#endif
