/*
 * scenario.c - the scenario's memory.
 */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

void scenario_init(struct scenario *s)
{
	memset(s, 0, sizeof(*s));
}

static void strlist_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

int strlist_add(char ***list, size_t *n, const char *s)
{
	char **p = realloc(*list, (*n + 1) * sizeof(**list));

	if (!p)
		return -1;
	*list = p;
	if (!(p[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

void scenario_release(struct scenario *s)
{
	size_t i;

	if (!s)
		return;
	free(s->name);
	for (i = 0; i < s->nmix; i++)
		free(s->mix[i].model);
	free(s->mix);
	free(s->items);
	for (i = 0; i < s->nroutes; i++) {
		free(s->routes[i].from);
		free(s->routes[i].to);
	}
	free(s->routes);
	free(s->router);
	strlist_free(s->options, s->noptions);
	free(s->options_at);
	for (i = 0; i < s->noverrides; i++) {
		free(s->overrides[i].target);
		free(s->overrides[i].field);
		free(s->overrides[i].text);
	}
	free(s->overrides);
	strlist_free(s->require, s->nrequire);
	scenario_init(s);
}
