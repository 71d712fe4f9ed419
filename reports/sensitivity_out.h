/*
 * sensitivity_out.h - write what moves the decision: the inputs by swing,
 * the sentence that names the one deciding it, and the tornado chart.
 */
#ifndef LLMTCO_SENSITIVITY_OUT_H
#define LLMTCO_SENSITIVITY_OUT_H

#include <stdio.h>
#include "output.h"
#include "../scenarios/simulate.h"

/* The inputs that move total(a) - total(b), largest swing first. */
int sensitivity_write(FILE *fp, const struct catalog *c, const struct sens_result *r,
		      enum out_format fmt);

/* 1 when some input moves the difference by half a cent or more (worth a tornado). */
int sensitivity_moves(const struct sens_result *r);

/* "The engineering rate ... decides this most: ..." (machine numbers unless human). */
void sensitivity_sentence(const struct catalog *c, const struct sens_result *r, int human,
			  char *buf, size_t size);

/* A tornado: a bar per input (at most 12), its low and high moves. */
int sensitivity_plot(const struct catalog *c, const struct sens_result *r, const char *path,
		     int svg, struct llmtco_err *err);

#endif
