/*
 * routing.h - what a routing policy saves: moving a share of one model's
 * requests to another, priced from the catalog's model prices and the
 * scenario's traffic mix. Pure computation: no I/O.
 */
#ifndef LLMTCO_ROUTING_H
#define LLMTCO_ROUTING_H

#include <stddef.h>
#include "../pricing/catalog.h"
#include "scenario.h"

/* One model of the mix, before and after routing (per request of traffic). */
struct routed_model {
	char name[128];          /* as the mix or the route names it */
	const struct model_price *price;
	double share_before;     /* fraction of requests, 0-1 */
	double share_after;
	double usd_before;       /* USD per request of the whole traffic */
	double usd_after;
};

struct routing_result {
	struct routed_model *m;
	size_t n;
	double before;           /* USD per request, all models */
	double after;
	double saving_pct;       /* 100 x (1 - after / before) */
};

/*
 * Apply the scenario's routes to its mix: each route moves share_pct% of
 * FROM's requests (as they stand after the routes before it) to TO; moved
 * requests keep FROM's tokens and are priced at TO's prices. LLMTCO_EDATA
 * when a model has no price or is ambiguous, or FROM is not in the mix;
 * LLMTCO_EUSAGE when there is no mix. Release with routing_release.
 */
int routing_run(const struct catalog *c, const struct scenario *s,
		struct routing_result *out, struct llmtco_err *err);

void routing_release(struct routing_result *r);

#endif
