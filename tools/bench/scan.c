/*
 * scan.c - the yardstick: a bare libcsv scan of a file (read in 256 KiB
 * chunks, every field and row seen by a callback that only counts), what
 * any reader built on libcsv must do at least.
 *
 *   scan FILE
 */
#include <csv.h>
#include <stdio.h>

struct counts {
	unsigned long fields, rows, bytes;
};

static void on_field(void *s, size_t len, void *data)
{
	struct counts *c = data;

	(void)s;
	c->fields++;
	c->bytes += len;
}

static void on_row(int term, void *data)
{
	(void)term;
	((struct counts *)data)->rows++;
}

int main(int argc, char **argv)
{
	static char buf[256 * 1024];
	struct csv_parser p;
	struct counts c = { 0, 0, 0 };
	FILE *fp;
	size_t n;

	if (argc != 2 || !(fp = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: scan FILE\n");
		return 2;
	}
	if (csv_init(&p, CSV_APPEND_NULL)) {
		fclose(fp);
		return 4;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
			fprintf(stderr, "scan: %s\n", csv_strerror(csv_error(&p)));
			csv_free(&p);
			fclose(fp);
			return 3;
		}
	csv_fini(&p, on_field, on_row, &c);
	csv_free(&p);
	fclose(fp);
	printf("%lu rows, %lu fields\n", c.rows, c.fields);
	return 0;
}
