/*
 * routing_out.c - the routing projection in four formats.
 */
#include "routing_out.h"
#include "format.h"

#include <cJSON.h>

/* Spend of a share of the traffic, scaled to the month's API spend. */
static double scaled(const struct routing_result *r, double usd, double spend)
{
	return r->before > 0 ? spend * usd / r->before : 0;
}

static int routing_grid(struct grid *g, const struct routing_result *r, double spend,
			int human)
{
	static const char *const head[] = { "model", "share_before", "share_after",
					     "spend_before", "spend_after", "change" };
	char buf[64];
	size_t i, row;
	int k, bad = 0;

	if (grid_init(g, 6))
		return -1;
	for (k = 0; k < 6; k++) {
		bad |= grid_set(g, 0, (size_t)k, head[k]);
		g->right[k] = k > 0;
	}
	for (i = 0; i <= r->n && !bad; i++) {
		double sb = i < r->n ? r->m[i].share_before : 1;
		double sa = i < r->n ? r->m[i].share_after : 1;
		double b = scaled(r, i < r->n ? r->m[i].usd_before : r->before, spend);
		double a = scaled(r, i < r->n ? r->m[i].usd_after : r->after, spend);
		if ((row = grid_add_row(g)) == (size_t)-1)
			return -1;
		bad |= grid_set(g, row, 0, i < r->n ? r->m[i].name : "total");
		snprintf(buf, sizeof(buf), "%.2f%%", 100 * sb);
		bad |= grid_set(g, row, 1, human ? buf : fmt_number(buf, sizeof(buf), sb));
		snprintf(buf, sizeof(buf), "%.2f%%", 100 * sa);
		bad |= grid_set(g, row, 2, human ? buf : fmt_number(buf, sizeof(buf), sa));
		bad |= grid_set(g, row, 3, human ? fmt_human(buf, sizeof(buf), b, 2)
						 : fmt_machine(buf, sizeof(buf), b));
		bad |= grid_set(g, row, 4, human ? fmt_human(buf, sizeof(buf), a, 2)
						 : fmt_machine(buf, sizeof(buf), a));
		bad |= grid_set(g, row, 5, human ? fmt_human(buf, sizeof(buf), a - b, 2)
						 : fmt_machine(buf, sizeof(buf), a - b));
	}
	return bad;
}

int routing_write(FILE *fp, const struct routing_result *r, double spend,
		  enum out_format fmt)
{
	char a[64], b[64];
	struct grid g;
	size_t i;

	if (fmt == FORMAT_JSON) {
		cJSON *root = cJSON_CreateObject(), *arr;
		if (!root)
			return LLMTCO_EIO;
		cJSON_AddNumberToObject(root, "spend_before", money_round(spend));
		cJSON_AddNumberToObject(root, "spend_after",
					money_round(scaled(r, r->after, spend)));
		cJSON_AddNumberToObject(root, "saving", money_round(spend - scaled(r, r->after, spend)));
		cJSON_AddNumberToObject(root, "saving_pct", money_round(r->saving_pct));
		if ((arr = cJSON_AddArrayToObject(root, "models")))
			for (i = 0; i < r->n; i++) {
				cJSON *o = cJSON_CreateObject();
				if (!o)
					break;
				cJSON_AddStringToObject(o, "model", r->m[i].name);
				cJSON_AddNumberToObject(o, "share_before", r->m[i].share_before);
				cJSON_AddNumberToObject(o, "share_after", r->m[i].share_after);
				cJSON_AddNumberToObject(o, "spend_before",
							money_round(scaled(r, r->m[i].usd_before, spend)));
				cJSON_AddNumberToObject(o, "spend_after",
							money_round(scaled(r, r->m[i].usd_after, spend)));
				cJSON_AddItemToArray(arr, o);
			}
		return json_emit(fp, root);
	}
	if (routing_grid(&g, r, spend, fmt == FORMAT_TABLE)) {
		grid_release(&g);
		return LLMTCO_EIO;
	}
	if (fmt == FORMAT_CSV) {
		grid_write_csv(fp, &g);
	} else if (fmt == FORMAT_MD) {
		fprintf(fp, "## API spend by model before and after routing (USD/month)\n\n");
		grid_write_md(fp, &g);
		fprintf(fp, "\nThe policy saves %s/month, %s%% of API spend.\n",
			fmt_usd_as(a, sizeof(a), spend - scaled(r, r->after, spend), 0),
			fmt_number(b, sizeof(b), money_round(r->saving_pct)));
	} else {
		fprintf(fp, "llmtco routing: API spend by model before and after the policy, USD/month\n\n");
		grid_write_table(fp, &g, 0);
		fprintf(fp, "\nsaving: %s/month, %s%% of API spend (at list prices; applied to "
			    "smart-routing options by compare)\n",
			fmt_usd(a, sizeof(a), spend - scaled(r, r->after, spend)),
			fmt_number(b, sizeof(b), money_round(r->saving_pct)));
	}
	grid_release(&g);
	return LLMTCO_OK;
}
