/*
 * fixture.h - what the unit suites share: objects a test holds are released
 * by the checked teardown even when an assertion fails (with CK_FORK=no a
 * failure jumps out of the test, past its own release calls), and the
 * built-in catalog loaded in one call.
 */
#ifndef LLMTCO_TEST_FIXTURE_H
#define LLMTCO_TEST_FIXTURE_H

#include "../pricing/catalog.h"
#include "../scenarios/scenario.h"
#include "../scenarios/tco.h"

/* catalog_init, and release it at teardown. Keep `c` in static storage. */
void cat_init(struct catalog *c);

/* scenario_init, and release it at teardown. */
void scn_init(struct scenario *s);

/* Release a comparison at teardown. */
void hold_cmp(struct comparison *cmp);

/* The checked teardown: releases everything held. */
void fixture_teardown(void);

/* cat_init and load the built-in catalog; the test fails if it cannot. */
void load_builtin(struct catalog *c);

/* Give a scenario parameter one fixed value. */
void set(struct param *p, double v);

#endif
