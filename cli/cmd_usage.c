/*
 * cmd_usage.c - `llmtco usage FILE...`: what usage logs say was spent, by
 * model, at list price; and the workload `compare --usage` takes from them.
 */
#include "cli.h"
#include "../reports/format.h"
#include "../reports/usage_out.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CHUNK (256u << 10) /* bytes read and fed at a time */

/* Feed one file ("-": standard input) to the reader in chunks. */
static int read_one(struct usage_reader *r, const char *path, char *buf,
		    struct llmtco_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct stat st;
	size_t n;
	int rc, read_err = 0;

	if (!fp)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", path,
			       strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": is a directory",
			       path);
	}
	rc = usage_begin(r, path, err);
	while (!rc && (n = fread(buf, 1, CHUNK, fp)) > 0)
		rc = usage_feed(r, buf, n);
	read_err = !rc && ferror(fp) ? errno : 0;
	if (fp != stdin)
		fclose(fp);
	if (!rc && read_err)
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", path,
			     strerror(read_err));
	if (rc) {
		usage_abandon(r); /* forget the file; the error is kept */
		return rc;
	}
	return usage_finish(r);
}

int cli_usage_read(struct usage_reader *r, const char *const *paths, size_t n,
		   struct llmtco_err *err)
{
	char *buf;
	size_t i, stdin_seen = 0;
	int rc = LLMTCO_OK;

	for (i = 0; i < n; i++)
		if (!strcmp(paths[i], "-") && stdin_seen++)
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "standard input (\"-\") given twice");
	if (!(buf = malloc(CHUNK)))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 0; i < n && !rc; i++)
		rc = read_one(r, paths[i], buf, err);
	free(buf);
	return rc;
}

int cmd_usage(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct usage_reader r;
	struct usage_summary sum = { 0 };
	struct output out = { 0 };
	int rc;

	err_clear(&err);
	catalog_init(&c);
	usage_init(&r, &c);
	if ((rc = opts_parse(&a, CMD_USAGE, argc, argv, 2, &err)))
		goto fail;
	if (a.help) {
		help_command(stdout, "usage");
		goto done;
	}
	if (!a.nrest) {
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no usage log given: llmtco usage FILE... ('-' reads standard input)");
		goto fail;
	}
	if ((rc = cli_check_outputs(&a, a.rest, a.nrest, "a usage log", &err)) ||
	    (rc = cli_catalog(&c, &a, &err)) ||
	    (rc = cli_usage_read(&r, a.rest, a.nrest, &err)))
		goto fail;
	if (usage_summarize(&r, &sum) || (rc = output_open(&out, a.output, &err))) {
		rc = rc ? rc : err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	if ((rc = usage_write(out.fp, &r, &sum, a.format))) {
		err_set(&err, rc, NULL, 0, 0, "out of memory");
		output_abort(&out);
		goto fail;
	}
	if (!(rc = output_commit(&out, &err)))
		goto done;
fail:
	cli_report("usage", rc, &err);
done:
	usage_summary_release(&sum);
	usage_release(&r);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}

/* ---- compare --usage ---- */

/* One catalog model of the mix: the log's names that priced at it, merged. */
static struct mix_entry *mix_slot(struct scenario *s, const struct model_price *p,
				  size_t cap)
{
	char key[300];
	size_t i;

	snprintf(key, sizeof(key), "%s/%s", p->provider, p->model);
	for (i = 0; i < s->nmix; i++)
		if (!strcmp(s->mix[i].model, key))
			return &s->mix[i];
	if (s->nmix == cap || !(s->mix[s->nmix].model = strdup(key)))
		return NULL;
	return &s->mix[s->nmix++];
}

/*
 * The logs' traffic mix on the scenario, for per-model fees and routing:
 * one entry per catalog model that priced a row, shares of requests and
 * tokens per request. Left empty when a priced model has no request count.
 * 0, or -1 out of memory.
 */
static int usage_mix(struct scenario *s, const struct usage_summary *sum)
{
	size_t i, cap = sum->nmodels;
	double total = 0;

	for (i = 0; i < s->nmix; i++)
		free(s->mix[i].model);
	free(s->mix);
	s->mix = NULL;
	s->nmix = 0;
	for (i = 0; i < sum->nmodels; i++) {
		const struct usage_model *m = sum->models[i];
		if (!m->price || !(m->priced_rows > 0))
			continue;
		if (!(m->counted_rows > 0) || m->counted_rows < m->rows || !(m->requests > 0))
			return 0; /* no request count: no mix */
		total += m->requests;
	}
	if (!(total > 0) || !(s->mix = calloc(cap, sizeof(*s->mix))))
		return total > 0 ? -1 : 0;
	for (i = 0; i < sum->nmodels; i++) {
		const struct usage_model *m = sum->models[i];
		struct mix_entry *e;
		if (!m->price || !(m->priced_rows > 0))
			continue;
		if (!(e = mix_slot(s, m->price, cap)))
			return -1;
		e->share.set = e->input_tokens.set = e->output_tokens.set = e->cached_tokens.set = 1;
		/* sums for now; per request below */
		e->share.r.value += m->requests;
		e->input_tokens.r.value += m->input_tokens + m->cache_read_tokens + m->cache_write_tokens;
		e->cached_tokens.r.value += m->cache_read_tokens;
		e->output_tokens.r.value += m->output_tokens;
	}
	for (i = 0; i < s->nmix; i++) {
		struct mix_entry *e = &s->mix[i];
		double req = e->share.r.value;
		e->share.r = range_fixed(req / total);
		e->input_tokens.r = range_fixed(e->input_tokens.r.value / req);
		e->cached_tokens.r = range_fixed(e->cached_tokens.r.value / req);
		e->output_tokens.r = range_fixed(e->output_tokens.r.value / req);
	}
	return 0;
}

/* The files and their layouts: "a.csv (openrouter), b.csv (litellm-daily)". */
static void files_text(const struct usage_reader *r, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < r->nfiles && n < size; i++) {
		int w = snprintf(buf + n, size - n, "%s%s (%s)", i ? ", " : "", r->files[i].name,
				 usage_layout_name(r->files[i].layout));
		if (w < 0)
			break;
		n += (size_t)w;
	}
}

/* The assumption sentence, for humans or machines. */
static void usage_say(char *buf, size_t size, const struct usage_reader *r,
		      const struct usage_summary *sum, size_t models, int human)
{
	char files[256], usd[64], n[64], days[64], reqs[96] = "", mix[96], left[160] = "";

	files_text(r, files, sizeof(files));
	fmt_usd_as(usd, sizeof(usd), sum->list_usd, human);
	if (human)
		fmt_human(days, sizeof(days), sum->span_days, 2);
	else
		fmt_number(days, sizeof(days), round(sum->span_days * 100) / 100);
	if (sum->requests_known)
		snprintf(reqs, sizeof(reqs), " and %s requests",
			 fmt_count_as(n, sizeof(n), sum->requests, human));
	if (models)
		snprintf(mix, sizeof(mix), "the %zu priced model%s make%s the model mix", models,
			 models == 1 ? "" : "s", models == 1 ? "s" : "");
	else
		snprintf(mix, sizeof(mix), "no model mix (the logs give no request counts)");
	if (sum->nunpriced)
		snprintf(left, sizeof(left), "; %zu model%s without a price left out (%s)",
			 sum->nunpriced, sum->nunpriced == 1 ? "" : "s",
			 sum->requests_known ? fmt_count_as(n, sizeof(n), sum->unpriced_requests, human)
					     : "unknown");
	if (sum->nunpriced && sum->requests_known)
		snprintf(left + strlen(left) - 1, sizeof(left) - strlen(left) + 1, " request%s)",
			 sum->unpriced_requests == 1 ? "" : "s");
	snprintf(buf, size, "workload from the usage logs %s: %s at list price%s over %s days, "
		 "scaled to a month (x 365/12 / %s); %s%s",
		 files, usd, reqs, days, days, mix, left);
}

int cli_usage_workload(const struct cli_args *a, const struct catalog *c,
		       struct scenario *s, struct usage_workload *uw,
		       struct llmtco_err *err)
{
	struct usage_reader r;
	struct usage_summary sum = { 0 };
	double f;
	size_t i;
	int rc;

	memset(uw, 0, sizeof(*uw));
	for (i = 0; i < a->nusage; i++)
		if (same_file(a->output, a->usage[i]))
			return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
				       "--output \"%s\" is a usage log: refusing to overwrite an input",
				       a->output);
	if (a->spend_flag || a->flags.requests_per_month.set || a->flags.usd_per_mtok.set ||
	    a->flags.nmix)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--usage sets the workload: give it without --spend, --requests, "
			       "--tokens-per-day, --usd-per-mtok or --mix");
	usage_init(&r, c);
	if ((rc = cli_usage_read(&r, a->usage, a->nusage, err)))
		goto out;
	if (usage_summarize(&r, &sum)) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (!sum.npriced) {
		rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			     "no model of the usage logs has a price: nothing to compare "
			     "(llmtco usage lists them)");
		goto out;
	}
	if (!sum.have_span) {
		rc = err_set(err, LLMTCO_EDATA, NULL, 0, 0,
			     "the usage logs have no dates: their month cannot be found "
			     "(the generic layout takes a \"date\" column)");
		goto out;
	}
	/* the logs replace the scenario's workload */
	f = DAYS_PER_MONTH / sum.span_days;
	s->api_spend.set = 1;
	s->api_spend.r = range_fixed(sum.list_usd * f);
	s->tokens_per_day.set = s->usd_per_mtok.set = 0;
	s->requests_per_month.set = sum.requests_known;
	s->requests_per_month.r = range_fixed(sum.requests * f);
	if (usage_mix(s, &sum)) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto out;
	}
	usage_say(uw->say, sizeof(uw->say), &r, &sum, s->nmix, 1);
	usage_say(uw->say_machine, sizeof(uw->say_machine), &r, &sum, s->nmix, 0);
	uw->json = usage_json(&r, &sum);
out:
	usage_summary_release(&sum);
	usage_release(&r);
	return rc;
}

void usage_workload_release(struct usage_workload *uw)
{
	if (!uw)
		return;
	cJSON_Delete(uw->json);
	uw->json = NULL;
}
