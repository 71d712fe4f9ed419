/*
 * pricing_out.h - write the catalog: `pricing list` and `pricing show`.
 */
#ifndef LLMTCO_PRICING_OUT_H
#define LLMTCO_PRICING_OUT_H

#include <stdio.h>
#include "output.h"
#include "../pricing/catalog.h"

/* Every option, one line each, with a price summary, source and date. */
int pricing_list_write(FILE *fp, const struct catalog *c, enum out_format fmt);

/* Every field, tier and infrastructure item of the options idx[0..n-1]. */
int pricing_show_write(FILE *fp, const struct catalog *c, const size_t *idx,
		       size_t n, enum out_format fmt);

/*
 * A one-line summary of how an option is priced ("5.5% fee (min $0.80)"),
 * with thousands separators when `human`.
 */
void pricing_summary(const struct option *o, int human, char *buf, size_t size);

#endif
