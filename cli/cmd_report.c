/*
 * cmd_report.c - `llmtco report`: a memo folder. Everything is written to
 * a hidden temporary folder beside DIR and renamed onto DIR at the end, so
 * an interrupted run (even SIGKILL) never leaves a half-written DIR.
 */
#include "cli.h"
#include "../reports/breakeven_out.h"
#include "../reports/compare_out.h"
#include "../reports/memo.h"
#include "../reports/project_out.h"
#include "../reports/sensitivity_out.h"
#include "../reports/simulate_out.h"
#include "../reports/sweep_out.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <math.h>
#include <unistd.h>

#define SWEEP_POINTS 41

/* "parent/.base.TAG-XXXXXX" beside `dir`, made by mkdtemp. NULL on failure. */
static char *sibling_dir(const char *dir, const char *tag)
{
	const char *slash = strrchr(dir, '/');
	size_t plen = slash ? (size_t)(slash - dir + 1) : 0;
	size_t n = strlen(dir) + strlen(tag) + 16;
	char *p = malloc(n);

	if (!p)
		return NULL;
	snprintf(p, n, "%.*s.%s.%s-XXXXXX", (int)plen, dir, dir + plen, tag);
	if (!mkdtemp(p)) {
		free(p);
		return NULL;
	}
	{ /* mkdtemp makes 0700; the memo folder gets what mkdir() would */
		mode_t mask = umask(0);
		umask(mask);
		chmod(p, 0777 & ~mask);
	}
	return p;
}

/* Remove a folder holding only files; -1 (errno set) if it holds folders. */
static int remove_flat_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	struct stat st;
	int bad = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) || S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			bad = 1;
			continue;
		}
		if (unlink(path))
			bad = 1;
	}
	closedir(d);
	return bad || rmdir(dir) ? -1 : 0;
}

/* Does DIR hold a folder? Then --force will not replace it. */
static int has_subdir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	struct stat st;
	int found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		found = !lstat(path, &st) && S_ISDIR(st.st_mode);
	}
	closedir(d);
	return found;
}

struct memo_parts {
	const struct catalog *c;
	const struct comparison *cmp;
	const struct sweep *sw;
	const struct be_pair *pairs;
	size_t npairs;
	double max;
	const char *name;
	const struct scenario *s;
	const char *scenario_file;
	const struct projection *proj; /* or NULL */
	const struct sim_result *sim;
	const struct sens_result *sens; /* or NULL */
	int tornado;                    /* draw it: some input moves the pair */
	int svg;
};

/* One file of the memo folder, written through an atomic output. */
static int write_one(const char *dir, const char *file, const struct memo_parts *p,
		     struct llmtco_err *err)
{
	char path[4096];
	struct output out;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((rc = output_open(&out, path, err)))
		return rc;
	if (!strcmp(file, "compare.csv")) {
		rc = compare_write(out.fp, p->c, p->cmp, FORMAT_CSV, PERIOD_MONTH, p->name);
	} else if (!strcmp(file, "sweep.csv")) {
		rc = sweep_write(out.fp, p->c, p->sw, 0, PERIOD_MONTH, FORMAT_CSV);
	} else if (!strcmp(file, "timeline.csv")) {
		rc = project_write(out.fp, p->c, p->proj, FORMAT_CSV);
	} else if (!strcmp(file, "simulate.csv")) {
		rc = simulate_write(out.fp, p->c, p->sim, FORMAT_CSV);
	} else if (!strcmp(file, "sensitivity.csv")) {
		rc = sensitivity_write(out.fp, p->c, p->sens, FORMAT_CSV);
	} else if (!strcmp(file, "breakeven.csv")) {
		rc = breakeven_write(out.fp, p->c, p->cmp, BE_SPEND, p->max, p->pairs,
				     p->npairs, FORMAT_CSV);
	} else {
		struct memo m;
		memset(&m, 0, sizeof(m));
		m.c = p->c;
		m.name = p->name;
		m.s = p->s;
		m.scenario_file = p->scenario_file;
		m.cmp = p->cmp;
		m.pairs = p->pairs;
		m.npairs = p->npairs;
		m.max = p->max;
		m.bars_image = p->svg ? "breakdown.svg" : "breakdown.png";
		m.line_image = p->svg ? "cost-vs-spend.svg" : "cost-vs-spend.png";
		m.proj = p->proj;
		m.time_image = p->svg ? "cumulative.svg" : "cumulative.png";
		m.sim = p->sim;
		m.sens = p->sens;
		m.tornado_image = !p->tornado ? NULL : p->svg ? "tornado.svg" : "tornado.png";
		rc = memo_write(out.fp, &m);
	}
	return output_finish(&out, rc, err);
}

static int write_folder(const char *dir, const struct memo_parts *p, struct llmtco_err *err)
{
	static const char *const files[] = { "compare.csv", "sweep.csv", "breakeven.csv",
					     "simulate.csv", "memo.md" };
	char path[4096];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if ((rc = write_one(dir, files[i], p, err)))
			return rc;
	if (p->proj) {
		if ((rc = write_one(dir, "timeline.csv", p, err)))
			return rc;
		snprintf(path, sizeof(path), "%s/cumulative.%s", dir, p->svg ? "svg" : "png");
		if ((rc = project_plot(p->c, p->proj, path, p->svg, err)))
			return rc;
	}
	if (p->sens && (rc = write_one(dir, "sensitivity.csv", p, err)))
		return rc;
	if (p->tornado) {
		snprintf(path, sizeof(path), "%s/tornado.%s", dir, p->svg ? "svg" : "png");
		if ((rc = sensitivity_plot(p->c, p->sens, path, p->svg, err)))
			return rc;
	}
	snprintf(path, sizeof(path), "%s/breakdown.%s", dir, p->svg ? "svg" : "png");
	if ((rc = memo_bar_plot(p->c, p->cmp, path, p->svg, err)))
		return rc;
	snprintf(path, sizeof(path), "%s/cost-vs-spend.%s", dir, p->svg ? "svg" : "png");
	return sweep_plot(p->c, p->sw, path, p->svg, PERIOD_MONTH, err);
}

/* Move the finished folder onto DIR (replacing it with --force). */
static int move_into_place(const char *tmp, const char *dir, struct llmtco_err *err)
{
	char *old = NULL;
	struct stat st;
	int rc = LLMTCO_OK;

	if (!stat(dir, &st)) {
		if (!(old = sibling_dir(dir, "old")) || rename(dir, old))
			rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot replace \"%s\": %s", dir,
				     strerror(errno));
	}
	if (!rc && rename(tmp, dir)) {
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot write \"%s\": %s", dir,
			     strerror(errno));
		if (old)
			rename(old, dir); /* put the old memo back */
	}
	if (old) {
		if (!rc)
			remove_flat_dir(old);
		else
			rmdir(old);
	}
	free(old);
	return rc;
}

/*
 * The memo's chart shows what decides: the self-hosted options, the managed
 * ones that cross them, and the cheapest managed option.
 */
static int chart_sweep(const struct catalog *c, const struct scenario *s,
		       const struct comparison *cmp, const struct be_pair *pairs,
		       size_t npairs, double max, struct sweep *sw, struct llmtco_err *err)
{
	struct scenario t = *s; /* shallow: only its option list is ours */
	unsigned char *keep = calloc(c->noptions + 1, 1);
	char **keys = NULL, key[96];
	size_t nkeys = 0, i;
	int rc, cheapest_managed = 0;

	if (!keep)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	for (i = 0; i < cmp->nrows; i++) {
		const struct option *o = &c->options[cmp->rows[i].option];
		if (o->deployment == DEPLOY_SELF_HOSTED ||
		    (o->deployment == DEPLOY_MANAGED && !cheapest_managed++))
			keep[cmp->rows[i].option] = 1;
	}
	for (i = 0; i < npairs; i++)
		if (pairs[i].n)
			keep[pairs[i].a] = keep[pairs[i].b] = 1;
	for (i = 0; i < c->noptions; i++) {
		if (!keep[i])
			continue;
		snprintf(key, sizeof(key), "%s/%s", c->options[i].id, c->options[i].plan);
		if (strlist_add(&keys, &nkeys, key)) {
			rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			goto out;
		}
	}
	t.options = keys;
	t.noptions = nkeys;
	t.options_at = NULL;
	rc = sweep_run(c, &t, BE_SPEND, 0, max, SWEEP_POINTS, 0, sw, err);
out:
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	free(keep);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct catalog c;
	struct scenario s;
	struct comparison cmp;
	struct sweep sw;
	struct memo_parts parts;
	struct projection proj;
	struct sim_request sreq;
	struct sim_result sim;
	struct sens_result sens;
	struct be_pair *pairs = NULL;
	size_t *idx = NULL, npairs = 0, done = 0, i;
	char *tmp = NULL, *outdir = NULL;
	struct stat st;
	double max = 0;
	int rc, help;

	memset(&cmp, 0, sizeof(cmp));
	memset(&sw, 0, sizeof(sw));
	memset(&proj, 0, sizeof(proj));
	memset(&sim, 0, sizeof(sim));
	memset(&sens, 0, sizeof(sens));
	rc = cli_setup("report", CMD_REPORT, argc, argv, &a, &c, &s, &help, &err);
	if (help)
		goto done;
	if (!rc && a.out) { /* "memo/" names the folder "memo" */
		size_t n = strlen(a.out);
		while (n > 1 && a.out[n - 1] == '/')
			n--;
		if (!(outdir = strndup(a.out, n)))
			rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		a.out = outdir;
	}
	if (!rc && !a.out)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "report needs --out DIR");
	if (!rc && !stat(a.out, &st)) {
		if (!a.force)
			rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--out \"%s\" exists: give --force to replace it", a.out);
		else if (!S_ISDIR(st.st_mode))
			rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--out \"%s\" is not a folder: refusing to replace it", a.out);
		else if (has_subdir(a.out))
			rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
				     "--out \"%s\" holds folders: refusing to replace it", a.out);
	}
	if (!rc)
		rc = tco_compare(&c, &s, &cmp, &err);
	if (!rc && !cmp.nrows)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0,
			     "no option can be priced for this workload: nothing to report "
			     "(see llmtco compare)");
	if (rc)
		goto fail;
	/* the crossings and the chart cover at least 4x today's spend */
	max = be_default_max(BE_SPEND);
	if (4 * cmp.w.api_spend > max)
		max = 4 * cmp.w.api_spend;
	rc = breakeven_pairs(&c, &s, BE_SPEND, NULL, NULL, &idx, &npairs, &err);
	if (rc == LLMTCO_EUSAGE) { /* nothing to pair: the memo says so */
		rc = LLMTCO_OK;
		err_clear(&err);
	}
	if (rc)
		goto fail;
	if (npairs && !(pairs = calloc(npairs, sizeof(*pairs)))) {
		rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < npairs && !rc; i++, done++)
		rc = breakeven_pair(&c, &s, BE_SPEND, idx[2 * i], idx[2 * i + 1], max, &pairs[i], &err);
	if (rc || (rc = chart_sweep(&c, &s, &cmp, pairs, npairs, max, &sw, &err)))
		goto fail;
	parts.c = &c;
	parts.cmp = &cmp;
	parts.sw = &sw;
	parts.pairs = pairs;
	parts.npairs = npairs;
	parts.max = max;
	/* over time, when the scenario says how long or how fast it grows */
	if (s.horizon_months.set || s.growth_pct_per_month.set) {
		struct project_request req;
		memset(&req, 0, sizeof(req));
		req.months = s.horizon_months.set ? (int)ceil(s.horizon_months.r.value) : 24;
		req.growth_pct = NAN;
		req.migration_hours = NAN;
		if ((rc = project_run(&c, &s, &req, &proj, &err)))
			goto fail;
		parts.proj = &proj;
	} else {
		parts.proj = NULL;
	}
	/* how sure: the ranges drawn together, and the one that decides */
	memset(&sreq, 0, sizeof(sreq));
	sreq.trials = a.trials.set ? (size_t)a.trials.r.value : 10000;
	sreq.seed = a.seed.set ? (uint64_t)a.seed.r.value : 1;
	sreq.jobs = a.jobs.set ? (int)a.jobs.r.value : 1;
	if ((rc = simulate_run(&c, &s, &sreq, &sim, &err)))
		goto fail;
	parts.sim = &sim;
	parts.sens = NULL;
	parts.tornado = 0;
	rc = sensitivity_run(&c, &s, -1, -1, &sens, &err);
	if (rc == LLMTCO_EUSAGE) { /* no self-hosted and managed pair: the memo says so */
		err_clear(&err);
	} else if (rc) {
		goto fail;
	} else {
		parts.sens = &sens;
		parts.tornado = sensitivity_moves(&sens);
	}
	parts.name = s.name;
	parts.s = &s;
	parts.scenario_file = a.scenario;
	parts.svg = a.plot_svg;
	/* everything is worked out: only now a folder, written whole, then renamed */
	if (!(tmp = sibling_dir(a.out, "tmp"))) {
		rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "cannot write beside \"%s\": %s", a.out,
			     strerror(errno));
		goto fail;
	}
	if ((rc = write_folder(tmp, &parts, &err)) || (rc = move_into_place(tmp, a.out, &err))) {
		remove_flat_dir(tmp);
		goto fail;
	}
	{
		const char *ext = a.plot_svg ? "svg" : "png";
		printf("wrote %s: memo.md, compare.csv, sweep.csv, breakeven.csv, simulate.csv%s, "
		       "breakdown.%s, cost-vs-spend.%s%s%s%s%s\n", a.out,
		       parts.sens ? ", sensitivity.csv" : "", ext, ext,
		       parts.tornado ? ", tornado." : "", parts.tornado ? ext : "",
		       parts.proj ? ", timeline.csv, cumulative." : "", parts.proj ? ext : "");
	}
	goto done;
fail:
	cli_report("report", rc, &err);
done:
	free(tmp);
	free(outdir);
	for (i = 0; i < done; i++)
		be_pair_release(&pairs[i]);
	free(pairs);
	free(idx);
	sweep_release(&sw);
	sens_result_release(&sens);
	sim_result_release(&sim);
	projection_release(&proj);
	comparison_release(&cmp);
	scenario_release(&s);
	catalog_release(&c);
	cli_args_release(&a);
	return rc;
}
