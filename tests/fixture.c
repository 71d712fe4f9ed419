/*
 * fixture.c - the held objects of the unit tests and their teardown.
 */
#include "fixture.h"

#include <check.h>

#define MAX_HELD 8

static struct catalog *held_cat[MAX_HELD];
static size_t nheld_cat;
static struct scenario *held_scn[MAX_HELD];
static size_t nheld_scn;
static struct comparison *held_cmp[MAX_HELD];
static size_t nheld_cmp;

/* Add p to a list unless it is there already. */
static void hold(void **list, size_t *n, void *p)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (list[i] == p)
			return;
	ck_assert_uint_lt(*n, MAX_HELD);
	list[(*n)++] = p;
}

void cat_init(struct catalog *c)
{
	catalog_init(c);
	hold((void **)held_cat, &nheld_cat, c);
}

void scn_init(struct scenario *s)
{
	scenario_init(s);
	hold((void **)held_scn, &nheld_scn, s);
}

void hold_cmp(struct comparison *cmp)
{
	hold((void **)held_cmp, &nheld_cmp, cmp);
}

void fixture_teardown(void)
{
	size_t i;

	for (i = 0; i < nheld_cmp; i++)
		comparison_release(held_cmp[i]);
	for (i = 0; i < nheld_scn; i++)
		scenario_release(held_scn[i]);
	for (i = 0; i < nheld_cat; i++)
		catalog_release(held_cat[i]);
	nheld_cmp = nheld_scn = nheld_cat = 0;
}

void load_builtin(struct catalog *c)
{
	struct llmtco_err err;

	cat_init(c);
	err_clear(&err);
	ck_assert_msg(catalog_load_builtin(c, &err) == LLMTCO_OK, "built-in: %s:%d:%d: %s",
		      err.file ? err.file : "-", err.line, err.col, err.msg);
}

void set(struct param *p, double v)
{
	p->set = 1;
	p->r = range_fixed(v);
}
