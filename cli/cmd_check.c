/*
 * cmd_check.c - `llmtco check`: in CI, what a pricing change does to each
 * scenario's decision, and a failing exit when it goes past a threshold.
 */
#include "cli.h"
#include "../reports/check_out.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Run git with `argv` (no shell) and capture its standard output, at most
 * MAX_INPUT_BYTES. LLMTCO_EIO when git cannot run or fails.
 */
static int run_git(const char *const argv[], char **out, size_t *len, struct llmtco_err *err)
{
	size_t cap = 0, n = 0;
	char *buf = NULL, *p;
	int fd[2], status;
	ssize_t got;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (pipe(fd))
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot run git: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "cannot run git: %s", strerror(errno));
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		output_child_sigpipe(); /* main ignores SIGPIPE; git should not */
		dup2(fd[1], 1);
		if (devnull >= 0)
			dup2(devnull, 2);
		close(fd[0]);
		close(fd[1]);
		execvp("git", (char *const *)(void *)argv);
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		if (n + 65536 + 1 > cap) {
			cap = cap ? cap * 2 : 131072;
			if (cap > MAX_INPUT_BYTES + 1 || !(p = realloc(buf, cap))) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
		}
		got = read(fd[0], buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!buf || !WIFEXITED(status) || WEXITSTATUS(status)) {
		free(buf);
		return err_set(err, LLMTCO_EIO, NULL, 0, 0, "git %s %s failed%s", argv[1], argv[2],
			       WIFEXITED(status) && WEXITSTATUS(status) == 127 ? " (git not found)" : "");
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return LLMTCO_OK;
}

/* Load PATH as it was at git revision REF (a file or a folder) onto c. */
static int load_git(struct catalog *c, const char *ref, const char *path,
		    struct llmtco_err *err)
{
	char spec[4096], *type = NULL, *list = NULL, *data, *line, *next;
	size_t len;
	int rc, pass;

	snprintf(spec, sizeof(spec), "%s:./%s", ref, path);
	{
		const char *argv[] = { "git", "cat-file", "-t", spec, NULL };
		if ((rc = run_git(argv, &type, &len, err)))
			return err_set(err, rc, NULL, 0, 0, "--baseline git:%s: no \"%s\" at that revision",
				       ref, path);
	}
	if (strncmp(type, "tree", 4)) {
		const char *argv[] = { "git", "show", spec, NULL };
		free(type);
		if ((rc = run_git(argv, &data, &len, err)))
			return rc;
		rc = catalog_load_csv(c, spec, data, len, err);
		free(data);
		return rc;
	}
	free(type);
	{
		char dir[4096];
		const char *argv[] = { "git", "ls-tree", "--name-only", ref, dir, NULL };
		snprintf(dir, sizeof(dir), "./%s/", path);
		if ((rc = run_git(argv, &list, &len, err)))
			return rc;
	}
	/* gateway tables first: the others refer to their options */
	for (pass = 0; pass < 2 && !rc; pass++)
		for (line = list; line && *line && !rc; line = next) {
			size_t n = strcspn(line, "\n");
			next = line[n] ? line + n + 1 : line + n;
			if (n < 5 || strncmp(line + n - 4, ".csv", 4))
				continue;
			snprintf(spec, sizeof(spec), "%s:./%.*s", ref, (int)n, line);
			{
				const char *argv[] = { "git", "show", spec, NULL };
				int gateways;
				if ((rc = run_git(argv, &data, &len, err)))
					break;
				gateways = strstr(data, "deployment") != NULL &&
					   strstr(data, "deployment") < data + strcspn(data, "\n");
				if (gateways == !pass)
					rc = catalog_load_csv(c, spec, data, len, err);
				free(data);
			}
		}
	free(list);
	return rc ? rc : catalog_check(c, err);
}

/* The baseline catalog: the built-in one with --baseline on top. */
static int baseline_catalog(struct catalog *c, const struct cli_args *a,
			    struct llmtco_err *err)
{
	struct cli_args b = *a;
	const char *path = a->baseline;
	size_t i;
	int rc;

	if (strncmp(path, "git:", 4)) {
		b.pricing = &path;
		b.npricing = 1;
		return cli_catalog(c, &b, err);
	}
	catalog_init(c);
	if ((rc = catalog_load_builtin(c, err)))
		return rc;
	if (!a->npricing) /* the built-in catalog's own source, in llmtco's tree */
		return load_git(c, path + 4, "pricing/data", err);
	for (i = 0; i < a->npricing && !rc; i++)
		rc = load_git(c, path + 4, a->pricing[i], err);
	return rc;
}

/* One scenario under both catalogs. */
static int check_one(const struct cli_args *a, const char *file, struct check_result *r,
		     char **name, struct llmtco_err *err)
{
	struct catalog base, next;
	struct scenario s;
	char *data = NULL;
	size_t len;
	int rc;

	catalog_init(&base);
	catalog_init(&next);
	scenario_init(&s);
	if ((rc = baseline_catalog(&base, a, err)) || (rc = cli_catalog(&next, a, err)) ||
	    (rc = file_read(file, &data, &len, err)) ||
	    (rc = scenario_load_json(&s, file, data, len, err)) ||
	    (rc = tco_apply_overrides(&base, &s, err)) || (rc = tco_apply_overrides(&next, &s, err)))
		goto out;
	rc = check_scenario(&base, &next, &s, r, err);
	if (!rc && !(*name = strdup(s.name ? s.name : file)))
		rc = err_set(err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
out:
	if (rc && err->file) { /* the catalog owns the name: keep a copy */
		static char file_copy[4096];
		snprintf(file_copy, sizeof(file_copy), "%s", err->file);
		err->file = file_copy;
	}
	free(data);
	scenario_release(&s);
	catalog_release(&base);
	catalog_release(&next);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	static char failed[8][200];
	struct cli_args a = { 0 };
	struct llmtco_err err;
	struct check_result *res = NULL;
	struct check_report rep;
	struct output out = { 0 };
	char **names = NULL;
	size_t i, done = 0, flips = 0;
	double change = 0, shift = 0;
	int rc;

	err_clear(&err);
	memset(&rep, 0, sizeof(rep));
	rc = opts_parse(&a, CMD_CHECK, argc, argv, 2, &err);
	if (!rc && a.help) {
		help_command(stdout, "check");
		goto done;
	}
	if (!rc && a.nrest)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "unexpected argument \"%.60s\"",
			     a.rest[0]);
	if (!rc && !a.baseline)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "check needs --baseline PATH or git:REF");
	if (!rc && !a.nscenarios)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "check needs at least one --scenario FILE");
	if (!rc && a.format == FORMAT_CSV)
		rc = err_set(&err, LLMTCO_EUSAGE, NULL, 0, 0, "check writes table, json or md");
	if (!rc)
		rc = cli_check_output(&a, &err);
	if (rc)
		goto fail;
	res = calloc(a.nscenarios, sizeof(*res));
	names = calloc(a.nscenarios, sizeof(*names));
	if (!res || !names) {
		rc = err_set(&err, LLMTCO_EIO, NULL, 0, 0, "out of memory");
		goto fail;
	}
	for (i = 0; i < a.nscenarios; i++, done++)
		if ((rc = check_one(&a, a.scenarios[i], &res[i], &names[i], &err)))
			goto fail;
	for (i = 0; i < a.nscenarios; i++) {
		flips += res[i].flip != 0;
		change = fmax(change, res[i].max_change_pct);
		shift = fmax(shift, res[i].max_shift_pct);
	}
	rep.baseline = a.baseline;
	rep.names = (const char *const *)names;
	rep.files = a.scenarios;
	rep.results = res;
	rep.n = a.nscenarios;
	if (a.fail_on_flip && flips)
		snprintf(failed[rep.nfailed++], sizeof(failed[0]),
			 "--fail-on-flip: the cheapest option changed in %zu scenario%s", flips,
			 flips == 1 ? "" : "s");
	if (a.max_change.set && change > a.max_change.r.value)
		snprintf(failed[rep.nfailed++], sizeof(failed[0]),
			 "--max-change %g%%: a total moved by %s", a.max_change.r.value,
			 isinf(change) ? "an option appearing or going" : "more");
	if (a.max_shift.set && shift > a.max_shift.r.value)
		snprintf(failed[rep.nfailed++], sizeof(failed[0]),
			 "--max-breakeven-shift %g%%: a crossing moved by %s", a.max_shift.r.value,
			 isinf(shift) ? "appearing or going" : "more");
	for (i = 0; i < rep.nfailed; i++)
		rep.failed[i] = failed[i];
	if ((rc = output_open(&out, a.output, &err)) ||
	    (rc = output_finish(&out, check_write(out.fp, &rep, a.format), &err)))
		goto fail;
	rc = rep.nfailed ? LLMTCO_THRESHOLD : LLMTCO_OK;
	goto done;
fail:
	cli_report("check", rc, &err);
done:
	for (i = 0; i < done; i++) {
		check_release(&res[i]);
		free(names[i]);
	}
	free(res);
	free(names);
	cli_args_release(&a);
	return rc;
}
