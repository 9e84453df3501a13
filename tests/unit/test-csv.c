/* test-csv.c: unit tests of the CSV reader: RFC 4180 corner cases,
 * line and column numbers, encodings, separators and bad input. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csvr.h"
#include "error.h"

static char path[256];
static char got[8192];

static int
setup(void **state)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	(void)state;
	snprintf(path, sizeof path, "%s/meerstem-csv.XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static void
put(const char *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
add(const char *fmt, ...)
{
	size_t len = strlen(got);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(got + len, sizeof got - len, fmt, ap);
	va_end(ap);
}

/* Read the file: "L<line>:[cell][cell]\n" per row into GOT; the status
 * of the first failure, with its message in GOT. */
static int
read_all(char delim, const char *encoding)
{
	struct csvr_opts o = { delim, encoding };
	struct csvr *r;
	int i, rc;

	got[0] = '\0';
	if ((rc = csvr_open(&r, path, &o)) != ST_OK) {
		snprintf(got, sizeof got, "%s", err_msg());
		return rc;
	}
	add("H:");
	for (i = 0; i < csvr_columns(r); i++)
		add("[%s]", csvr_column(r, i));
	add("\n");
	while ((rc = csvr_next(r)) > 0) {
		add("L%ld:", csvr_line(r));
		for (i = 0; i < csvr_columns(r); i++)
			add("[%.100s]", csvr_cell(r, i));
		add("\n");
	}
	if (rc < 0)
		snprintf(got, sizeof got, "%s", err_msg());
	csvr_close(r);
	return rc < 0 ? err_status() : ST_OK;
}

#define PUT(s) put(s, sizeof s - 1)

static void
test_rfc4180(void **state)
{
	(void)state;
	PUT("name,reason\n"
	    "\"FNV, CNV\",\"zei \"\"nee\"\"\"\n"
	    "\"twee\nregels\",\n"
	    ",leeg\n"
	    "Zoë,één\n");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[name][reason]\n"
	    "L2:[FNV, CNV][zei \"nee\"]\n"
	    "L3:[twee\nregels][]\n"
	    "L5:[][leeg]\n"
	    "L6:[Zoë][één]\n");
}

static void
test_crlf_bom_blank_lines(void **state)
{
	(void)state;
	PUT("\xef\xbb\xbfname,n\r\n\r\nA,1\r\n\"B\r\nC\",2\r\n   \r\nD,3");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[name][n]\nL3:[A][1]\nL4:[B\nC][2]\n"
	    "L7:[D][3]\n");
}

static void
test_lone_cr(void **state)
{
	(void)state;
	PUT("a,b\rx,y\r\"p\rq\",z\r");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[a][b]\nL2:[x][y]\nL3:[p\nq][z]\n");
}

static void
test_separators(void **state)
{
	(void)state;
	PUT("name;voice;reason\nA;vulnerable;\"x; y\"\n");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[name][voice][reason]\n"
	    "L2:[A][vulnerable][x; y]\n");
	PUT("name\tvoice\nA B\t\n");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[name][voice]\nL2:[A B][]\n");
	/* Named on the command line, it wins over the header's commas. */
	PUT("a,b;c\n1,2;3\n");
	assert_int_equal(read_all(';', NULL), ST_OK);
	assert_string_equal(got, "H:[a,b][c]\nL2:[1,2][3]\n");
}

static void
test_encoding(void **state)
{
	(void)state;
	PUT("name;reason\nZo\xeb;caf\xe9\n");
	assert_int_equal(read_all(0, NULL), ST_INPUT);
	assert_non_null(strstr(got, ":2:1: invalid UTF-8 (byte 0xeb); if the "
	    "file is in another encoding, name it, for example --encoding "
	    "windows-1252"));
	assert_int_equal(read_all(0, "windows-1252"), ST_OK);
	assert_string_equal(got, "H:[name][reason]\nL2:[Zoë][café]\n");
	assert_int_equal(read_all(0, "klingon"), ST_INPUT);
	assert_string_equal(got, "unknown encoding 'klingon' (see iconv --list)");
	/* UTF-16 with its byte-order mark. */
	PUT("\xff\xfe" "a\0,\0b\0\n\0\xeb\0,\0" "1\0\n\0");
	assert_int_equal(read_all(0, "UTF-16"), ST_OK);
	assert_string_equal(got, "H:[a][b]\nL2:[ë][1]\n");
}

static void
test_formula_guard(void **state)
{
	(void)state;
	PUT("a,b,c\n'=SUM(A1),'plain,''-x\n");
	assert_int_equal(read_all(0, NULL), ST_OK);
	assert_string_equal(got, "H:[a][b][c]\nL2:[=SUM(A1)]['plain]['-x]\n");
}

static void
expect_error(const char *data, size_t n, const char *msg)
{
	put(data, n);
	assert_int_equal(read_all(0, NULL), ST_INPUT);
	if (strstr(got, msg) == NULL)
		fail_msg("expected '%s' in '%s'", msg, got);
}

#define BAD(s, msg) expect_error(s, sizeof s - 1, msg)

static void
test_bad_input(void **state)
{
	(void)state;
	BAD("", ": empty file; expected a header row naming the columns");
	BAD("a,b\n1,\"open\n2,3\n", ":2:2: a quoted cell is not closed: the file "
	    "ends inside it");
	BAD("a,b\n1,x\"y\n", ":2:2: a quote inside a cell that is not quoted");
	BAD("a,b\n1,\"x\"y\n", ":2:2: a quote inside a cell");
	BAD("a,b\n1,2,3\n", ":2: more cells than the 2 columns of the header");
	BAD("a,b\n1\n", ":2: 1 cells, but the header has 2 columns");
	BAD("a,b\n1,x\0y\n", ":2:2: contains a NUL byte");
	BAD("a,,b\n", ":1:2: a column without a name in the header row");
	BAD("a,B,b\n", ":1:3: column 'b' appears twice (also column 2)");
	BAD("a,b\n\"x\ny\",\xff\n", ":3:2: invalid UTF-8 (byte 0xff)");
}

static void
test_big_cells(void **state)
{
	size_t n = 1024 * 1024, big = CSVR_MAX_CELL + 10;
	char *data = malloc(big + 16);

	(void)state;
	assert_non_null(data);
	memcpy(data, "a\n\"", 3);
	memset(data + 3, 'x', n);
	memcpy(data + 3 + n, "\"\n", 2);
	put(data, n + 5);
	assert_int_equal(read_all(0, NULL), ST_OK);
	memset(data + 2, 'y', big);
	put(data, big + 2);
	assert_int_equal(read_all(0, NULL), ST_INPUT);
	assert_non_null(strstr(got, ":2:1: a cell longer than 16 MiB"));
	free(data);
}

static void
test_map(void **state)
{
	struct csvr_opts o = { 0, NULL };
	struct csvr_col cols[] = {
		{ "name", 1, 0 }, { "voice", 0, 0 }, { "kind", 0, 0 } };
	struct csvr *r;

	(void)state;
	PUT("Voice,NAME\nvulnerable,A\n");
	assert_int_equal(csvr_open(&r, path, &o), ST_OK);
	assert_int_equal(csvr_map(r, cols, 3, 0), ST_OK);
	assert_int_equal(cols[0].index, 1);
	assert_int_equal(cols[1].index, 0);
	assert_int_equal(cols[2].index, -1);
	assert_int_equal(csvr_next(r), 1);
	assert_string_equal(csvr_cell(r, cols[0].index), "A");
	assert_null(csvr_cell(r, cols[2].index));
	assert_int_equal(csvr_error(r, 1, "bad %s", "x"), ST_INPUT);
	assert_non_null(strstr(err_msg(), ":2:2: bad x"));
	assert_int_equal(csvr_next(r), 0);
	csvr_close(r);
	PUT("name,colour\nA,red\n");
	assert_int_equal(csvr_open(&r, path, &o), ST_OK);
	assert_int_equal(csvr_map(r, cols, 3, 0), ST_INPUT);
	assert_non_null(strstr(err_msg(), ":1:2: unknown column 'colour'; the "
	    "columns are name, voice, kind"));
	assert_int_equal(csvr_map(r, cols, 3, 1), ST_OK);
	csvr_close(r);
	PUT("voice\nx\n");
	assert_int_equal(csvr_open(&r, path, &o), ST_OK);
	assert_int_equal(csvr_map(r, cols, 3, 0), ST_INPUT);
	assert_non_null(strstr(err_msg(), ":1: missing column 'name'"));
	csvr_close(r);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_rfc4180),
		T(test_crlf_bom_blank_lines),
		T(test_lone_cr),
		T(test_separators),
		T(test_encoding),
		T(test_formula_guard),
		T(test_bad_input),
		T(test_big_cells),
		T(test_map),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
