/*
 * routing_out.h - write a routing projection: spend by model before and
 * after the policy, and the saving.
 */
#ifndef LLMTCO_ROUTING_OUT_H
#define LLMTCO_ROUTING_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/routing.h"

/* `spend` is the monthly API spend the shares are scaled to (USD). */
int routing_write(FILE *fp, const struct routing_result *r, double spend,
		  enum out_format fmt);

#endif
