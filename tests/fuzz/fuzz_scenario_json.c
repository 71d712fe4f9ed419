/*
 * fuzz_scenario_json.c - scenario_load_json (scenarios/scenario.h) on any
 * bytes.
 */
#include "fuzz_util.h"
#include "../../scenarios/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size);
	struct scenario s;
	struct llmtco_err err;

	scenario_init(&s);
	err_clear(&err);
	(void)scenario_load_json(&s, "fuzz.json", text, size, &err);
	scenario_release(&s);
	free(text);
	return 0;
}
