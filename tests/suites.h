/*
 * suites.h - the Check suites of llmtco's unit tests, one per module.
 * tests/run_tests.c adds them all to one runner.
 */
#ifndef LLMTCO_TEST_SUITES_H
#define LLMTCO_TEST_SUITES_H

#include <check.h>

/* common/: num_parse, money_round, err_set. */
Suite *make_common_suite(void);

/* pricing/: the CSV loader, the built-in catalog, fields, lookups. */
Suite *make_pricing_suite(void);

/* scenarios/: the scenario JSON loader and the cost model. */
Suite *make_scenarios_suite(void);

/* reports/: number formats, grids, the compare writers. */
Suite *make_reports_suite(void);

/* reports/plot: line and stacked bar charts drawn by gnuplot. */
Suite *make_plot_suite(void);

/* scenarios/project: cost over time, strategies, payback, NPV. */
Suite *make_project_suite(void);

/* pricing/import: LiteLLM, genai-prices and OpenRouter catalogs to rows. */
Suite *make_import_suite(void);

/* scenarios/usage: usage-log layouts, totals, chunking, errors. */
Suite *make_usage_suite(void);

/* pricing/catalog_csv with a diagnostic sink: what pricing validate reports. */
Suite *make_validate_suite(void);

/* scenarios/simulate: Monte Carlo over ranged inputs. */
Suite *make_simulate_suite(void);

#endif
