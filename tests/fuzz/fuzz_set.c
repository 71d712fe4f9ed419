/*
 * fuzz_set.c - the `--set ID.FIELD=VALUE` parser: cli/opts.c's opts_parse
 * on `llmtco compare --set INPUT`, then the override applied to the
 * built-in catalog (tco_apply_overrides), as `compare` does.
 */
#include "fuzz_util.h"
#include "../../cli/opts.h"
#include "../../pricing/catalog.h"
#include "../../scenarios/tco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	char *argv[] = { "llmtco", "compare", "--set", text, NULL };
	struct cli_args a = { 0 };
	struct llmtco_err err;

	err_clear(&err);
	scenario_init(&a.flags);
	if (opts_parse(&a, CMD_COMPARE, 4, argv, 2, &err) == LLMTCO_OK &&
	    a.flags.noverrides) {
		struct catalog c;

		catalog_init(&c);
		if (catalog_load_builtin(&c, &err) != LLMTCO_OK)
			abort();
		err_clear(&err);
		(void)tco_apply_overrides(&c, &a.flags, &err);
		catalog_release(&c);
	}
	cli_args_release(&a);
	free(text);
	return 0;
}
