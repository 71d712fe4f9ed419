/*
 * run_tests.c - run every Check suite of llmtco; exit 1 when any test fails.
 *
 *   make build/run_tests && ./build/run_tests
 *   CK_FORK=no valgrind --leak-check=full build/run_tests
 */
#include "suites.h"

#include <stdlib.h>

int main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(make_common_suite());
	srunner_add_suite(sr, make_pricing_suite());
	srunner_add_suite(sr, make_scenarios_suite());
	srunner_add_suite(sr, make_reports_suite());
	srunner_add_suite(sr, make_plot_suite());
	srunner_add_suite(sr, make_project_suite());
	srunner_add_suite(sr, make_import_suite());
	srunner_add_suite(sr, make_usage_suite());
	srunner_add_suite(sr, make_validate_suite());
	srunner_add_suite(sr, make_simulate_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
