/*
 * files.c - reading inputs and layering them: the I/O side of catalog and
 * scenario loading.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int file_read(const char *path, char **data, size_t *len, struct llmtco_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	size_t cap = 0, n = 0, got;
	char *buf = NULL, *p;
	struct stat st;

	*data = NULL;
	*len = 0;
	if (!fp)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", path,
			       strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", path,
			       "is a directory");
	}
	for (;;) {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > MAX_INPUT_BYTES + 1)
				cap = MAX_INPUT_BYTES + 1;
			if (n + 1 >= cap) {
				free(buf);
				if (fp != stdin)
					fclose(fp);
				return err_set(err, LLMTCO_EDATA, path, 0, 0,
					       "file is larger than %u MiB", MAX_INPUT_BYTES >> 20);
			}
			if (!(p = realloc(buf, cap))) {
				free(buf);
				if (fp != stdin)
					fclose(fp);
				return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;
		free(buf);
		if (fp != stdin)
			fclose(fp);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", path,
			       strerror(e));
	}
	if (fp != stdin)
		fclose(fp);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return LLMTCO_OK;
}

int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!a || !b || stat(a, &sa) || stat(b, &sb))
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int load_one(struct catalog *c, const char *path, struct llmtco_err *err)
{
	char *data;
	size_t len;
	int rc = file_read(path, &data, &len, err);

	if (rc)
		return rc;
	rc = catalog_load_csv(c, path, data, len, err);
	free(data);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is the first line of a CSV file a gateways header? (load order only) */
static int is_gateways(const char *path)
{
	char line[4096];
	FILE *fp = fopen(path, "rb");
	int yes = 0;

	if (fp && fgets(line, sizeof(line), fp))
		yes = strstr(line, "deployment") != NULL;
	if (fp)
		fclose(fp);
	return yes;
}

static int load_folder(struct catalog *c, const char *dir, struct llmtco_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int rc = LLMTCO_OK, pass;

	if (!d)
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", dir,
			       strerror(errno));
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *path;
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") || e->d_name[0] == '.')
			continue;
		path = malloc(strlen(dir) + len + 2);
		if (!path || strlist_add(&names, &n, "")) {
			free(path);
			rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
			break;
		}
		sprintf(path, "%s/%s", dir, e->d_name);
		free(names[n - 1]);
		names[n - 1] = path;
	}
	closedir(d);
	if (!rc && !n)
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "no .csv files in \"%s\"", dir);
	if (n) /* qsort's array must not be NULL, even empty */
		qsort(names, n, sizeof(*names), name_cmp);
	for (pass = 0; pass < 2 && !rc; pass++)
		for (i = 0; i < n && !rc; i++)
			if (is_gateways(names[i]) == !pass)
				rc = load_one(c, names[i], err);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int cli_catalog(struct catalog *c, const struct cli_args *a, struct llmtco_err *err)
{
	struct stat st;
	size_t i;
	int rc;

	catalog_init(c);
	c->diag = a->diag; /* pricing validate: every problem, then go on */
	if ((rc = catalog_load_builtin(c, err)))
		return rc;
	for (i = 0; i < a->npricing; i++) {
		const char *p = a->pricing[i];
		if (stat(p, &st))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot read \"%s\": %s", p,
				       strerror(errno));
		rc = S_ISDIR(st.st_mode) ? load_folder(c, p, err) : load_one(c, p, err);
		if (rc)
			return rc;
	}
	return a->npricing ? catalog_check(c, err) : LLMTCO_OK;
}

/* Move a param from the flags onto the scenario when a flag gave it. */
static void take(struct param *dst, const struct param *src)
{
	if (src->set)
		*dst = *src;
}

static int take_list(char ***dst, size_t *ndst, char **src, size_t nsrc)
{
	size_t i;

	if (!nsrc)
		return 0;
	for (i = 0; i < *ndst; i++)
		free((*dst)[i]);
	free(*dst);
	*dst = NULL;
	*ndst = 0;
	for (i = 0; i < nsrc; i++)
		if (strlist_add(dst, ndst, src[i]))
			return -1;
	return 0;
}

int cli_scenario(struct scenario *s, struct catalog *c, const struct cli_args *a,
		 struct llmtco_err *err)
{
	const struct scenario *f = &a->flags;
	struct override *ov;
	size_t i;
	int rc;

	scenario_init(s);
	if (a->scenario) {
		char *data;
		size_t len;
		if ((rc = file_read(a->scenario, &data, &len, err)))
			return rc;
		rc = scenario_load_json(s, a->scenario, data, len, err);
		free(data);
		if (rc)
			return rc;
	}
	if (a->spend_flag) /* a flag's spend replaces the file's, however given */
		s->api_spend.set = s->tokens_per_day.set = s->usd_per_mtok.set = 0;
	take(&s->api_spend, &f->api_spend);
	take(&s->requests_per_month, &f->requests_per_month);
	take(&s->tokens_per_day, &f->tokens_per_day);
	take(&s->usd_per_mtok, &f->usd_per_mtok);
	take(&s->peak_to_average, &f->peak_to_average);
	take(&s->hourly_rate, &f->hourly_rate);
	take(&s->maintenance_hours, &f->maintenance_hours);
	take(&s->setup_hours, &f->setup_hours);
	take(&s->horizon_months, &f->horizon_months);
	take(&s->routing_savings_pct, &f->routing_savings_pct);
	take(&s->max_latency_ms, &f->max_latency_ms);
	if (f->infra_monthly.set) {
		take(&s->infra_monthly, &f->infra_monthly);
		s->nitems = 0;
	}
	if (f->noptions) { /* the flag's list replaces the file's */
		free(s->options_at);
		s->options_at = NULL;
	}
	if (take_list(&s->options, &s->noptions, f->options, f->noptions) ||
	    take_list(&s->require, &s->nrequire, f->require, f->nrequire))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	if (f->nmix) { /* the flags' mix replaces the file's */
		for (i = 0; i < s->nmix; i++)
			free(s->mix[i].model);
		free(s->mix);
		s->nmix = 0;
		if (!(s->mix = calloc(f->nmix, sizeof(*s->mix))))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		for (i = 0; i < f->nmix; i++, s->nmix++) {
			s->mix[i] = f->mix[i];
			if (!(s->mix[i].model = strdup(f->mix[i].model)))
				return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		}
	}
	if (a->routes_flag && f->routing_savings_pct.set)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "give --routing-savings or --route, not both");
	if (a->routes_flag) { /* --route replaces the file's policy and saving */
		for (i = 0; i < s->nroutes; i++) {
			free(s->routes[i].from);
			free(s->routes[i].to);
		}
		free(s->routes);
		s->nroutes = 0;
		s->routing_savings_pct.set = 0;
		if (!(s->routes = calloc(f->nroutes, sizeof(*s->routes))))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		for (i = 0; i < f->nroutes; i++, s->nroutes++) {
			s->routes[i] = f->routes[i];
			s->routes[i].from = strdup(f->routes[i].from);
			s->routes[i].to = strdup(f->routes[i].to);
			if (!s->routes[i].from || !s->routes[i].to)
				return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		}
	} else if (f->routing_savings_pct.set) {
		s->nroutes = 0; /* a flag's saving replaces the file's policy */
	}
	if (f->router) {
		free(s->router);
		if (!(s->router = strdup(f->router)))
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
	}
	/* --set comes after the file's overrides, so it wins */
	if (f->noverrides) {
		ov = realloc(s->overrides, (s->noverrides + f->noverrides) * sizeof(*ov));
		if (!ov)
			return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		s->overrides = ov;
		for (i = 0; i < f->noverrides; i++) {
			struct override *d = &s->overrides[s->noverrides];
			*d = f->overrides[i];
			d->target = strdup(f->overrides[i].target);
			d->field = strdup(f->overrides[i].field);
			d->text = f->overrides[i].text ? strdup(f->overrides[i].text) : NULL;
			s->noverrides++;
			if (!d->target || !d->field || (f->overrides[i].text && !d->text))
				return err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		}
	}
	return tco_apply_overrides(c, s, err);
}

/* 1 when `in` is a folder of CSV files and `out` an existing .csv file in it. */
static int in_csv_folder(const char *out, const char *in)
{
	struct stat si, so;
	const char *slash = strrchr(out, '/');
	size_t len = strlen(out);
	char *parent;
	int yes;

	if (stat(in, &si) || !S_ISDIR(si.st_mode) || stat(out, &so) || !S_ISREG(so.st_mode) ||
	    len < 4 || strcmp(out + len - 4, ".csv"))
		return 0;
	if (!slash)
		return same_file(".", in);
	if (!(parent = strndup(out, slash == out ? 1 : (size_t)(slash - out))))
		return 0;
	yes = same_file(parent, in);
	free(parent);
	return yes;
}

/* 1 when `in` is the folder `dir` or lies inside it. */
static int inside(const char *dir, const char *in)
{
	char *rd = realpath(dir, NULL), *ri = realpath(in, NULL);
	size_t n = rd ? strlen(rd) : 0;
	int yes = rd && ri && !strncmp(ri, rd, n) &&
		  (ri[n] == '\0' || ri[n] == '/' || (n == 1 && rd[0] == '/'));

	free(rd);
	free(ri);
	return yes;
}

/*
 * Would writing the output `out` (of flag `flag`) overwrite the input `in`?
 * When `out` is a folder that replaces what is there (report's --out):
 * would it delete `in`?
 */
static int clobbers(const char *flag, const char *out, int folder, const char *in,
		    const char *what, struct llmtco_err *err)
{
	if (!out || !in || !strcmp(out, "-") || !strcmp(in, "-"))
		return LLMTCO_OK;
	if (folder) {
		if (!inside(out, in))
			return LLMTCO_OK;
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--out \"%s\" holds %s \"%s\": refusing to replace an input",
			       out, what, in);
	}
	if (!same_file(out, in) && !in_csv_folder(out, in))
		return LLMTCO_OK;
	return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
		       "--%s \"%s\" is %s: refusing to overwrite an input", flag, out, what);
}

int cli_check_outputs(const struct cli_args *a, const char **more, size_t nmore,
		      const char *more_what, struct llmtco_err *err)
{
	static const char *const flags[] = { "output", "plot", "out" };
	const char *outs[3];
	size_t i, k;
	int rc;

	outs[0] = a->output;
	outs[1] = a->plot;
	outs[2] = a->out;
	if (a->output && a->plot && strcmp(a->output, "-") &&
	    (!strcmp(a->output, a->plot) || same_file(a->output, a->plot)))
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0,
			       "--output and --plot name the same file \"%s\"", a->plot);
	for (k = 0; k < 3; k++) {
		const char *o = outs[k], *f = flags[k];
		int dir = k == 2; /* --out replaces a folder */
		if (!o)
			continue;
		if ((rc = clobbers(f, o, dir, a->scenario, "the scenario file", err)))
			return rc;
		for (i = 0; i < a->nscenarios; i++)
			if ((rc = clobbers(f, o, dir, a->scenarios[i], "a scenario file", err)))
				return rc;
		for (i = 0; i < a->npricing; i++)
			if ((rc = clobbers(f, o, dir, a->pricing[i], "a pricing file", err)))
				return rc;
		for (i = 0; i < a->nusage; i++)
			if ((rc = clobbers(f, o, dir, a->usage[i], "a usage log", err)))
				return rc;
		if (a->baseline && strncmp(a->baseline, "git:", 4) &&
		    (rc = clobbers(f, o, dir, a->baseline, "the baseline", err)))
			return rc;
		for (i = 0; i < nmore; i++)
			if ((rc = clobbers(f, o, dir, more[i], more_what, err)))
				return rc;
	}
	return LLMTCO_OK;
}

int cli_check_output(const struct cli_args *a, struct llmtco_err *err)
{
	return cli_check_outputs(a, NULL, 0, NULL, err);
}

void cli_report(const char *command, int status, const struct llmtco_err *err)
{
	if (err->file && err->line)
		fprintf(stderr, "llmtco: %s:%d:%d: %s\n", err->file, err->line, err->col, err->msg);
	else if (err->file)
		fprintf(stderr, "llmtco: %s: %s\n", err->file, err->msg);
	else
		fprintf(stderr, "llmtco: %s\n", err->msg);
	if (status == LLMTCO_EUSAGE)
		fprintf(stderr, "try 'llmtco %s%s--help'\n", command ? command : "",
			command ? " " : "");
}

int cli_setup(const char *name, unsigned cmd, int argc, char **argv,
	      struct cli_args *a, struct catalog *c, struct scenario *s,
	      int *help, struct llmtco_err *err)
{
	int rc;

	err_clear(err);
	catalog_init(c);
	scenario_init(s);
	*help = 0;
	if ((rc = opts_parse(a, cmd, argc, argv, 2, err)))
		return rc;
	if (a->help) {
		help_command(stdout, name);
		*help = 1;
		return LLMTCO_OK;
	}
	if (a->nrest)
		return err_set(err, LLMTCO_EUSAGE, NULL, 0, 0, "unexpected argument \"%.60s\"",
			       a->rest[0]);
	if ((rc = cli_check_output(a, err)) || (rc = cli_catalog(c, a, err)))
		return rc;
	return cli_scenario(s, c, a, err);
}
