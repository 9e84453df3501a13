/* test-keys.c: the interface's key and colour tables: the [keys] and
 * [colours] sections of the configuration, and that the man pages
 * document every action, default key and colour role. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cfg.h"
#include "error.h"
#include "../../src/tui/ui.h"

static char warned[512];

static void
on_warn(const char *msg, void *arg)
{
	snprintf(warned, sizeof warned, "%s", msg);
}

/* A configuration of the raw ENTRIES ("section", "key", "value"). */
static void
config(struct cfg *cfg, const char *const *e, int n)
{
	int i;

	cfg_defaults(cfg);
	cfg->path = strdup("c.ini");
	cfg->entries = calloc((size_t)n, sizeof *cfg->entries);
	for (i = 0; i < n; i++) {
		cfg->entries[i].section = strdup(e[3 * i]);
		cfg->entries[i].key = strdup(e[3 * i + 1]);
		cfg->entries[i].value = strdup(e[3 * i + 2]);
		cfg->entries[i].line = i + 1;
	}
	cfg->n_entries = (size_t)n;
}

static void
test_keys_config(void **state)
{
	static const char *const good[] = {
		"keys", "quit", "C-q x",
		"keys", "nonsense", "z",
		"keys", "down", "Down F5",
	};
	static const char *const bad[] = { "keys", "quit", "Ctrl-q" };
	static const char *const twice[] = {
		"keys", "add", "m", "keys", "edit", "m",
	};
	struct cfg cfg;
	char buf[64];

	err_set_warn(on_warn, NULL);
	config(&cfg, good, 3);
	assert_int_equal(keys_load(&cfg), ST_OK);
	assert_non_null(strstr(warned, "c.ini:2: unknown action 'nonsense'"));
	assert_int_equal(keys_lookup(KC_LIST, 17, 0), AC_QUIT);
	assert_int_equal(keys_lookup(KC_LIST, 'x', 0), AC_QUIT);
	assert_int_equal(keys_lookup(KC_LIST, 'Q', 0), AC_NONE);
	assert_int_equal(keys_lookup(KC_LIST, 'j', 0), AC_NONE);
	assert_int_equal(keys_lookup(KC_LIST, KEY_F(5), 1), AC_DOWN);
	keys_describe(AC_QUIT, buf, sizeof buf);
	assert_string_equal(buf, "C-q, x");
	/* A key of another context is untouched. */
	assert_int_equal(keys_lookup(KC_CONFIRM, 'y', 0), AC_YES);
	cfg_free(&cfg);

	config(&cfg, bad, 1);
	assert_int_equal(keys_load(&cfg), ST_INPUT);
	assert_non_null(strstr(err_msg(), "c.ini:1: quit: bad key 'Ctrl-q'"));
	cfg_free(&cfg);

	config(&cfg, twice, 2);
	assert_int_equal(keys_load(&cfg), ST_INPUT);
	assert_non_null(strstr(err_msg(), "is also given to"));
	cfg_free(&cfg);

	/* Defaults again, and terminals' Backspace and Enter variants. */
	config(&cfg, NULL, 0);
	assert_int_equal(keys_load(&cfg), ST_OK);
	assert_int_equal(keys_lookup(KC_LIST, 'j', 0), AC_DOWN);
	assert_int_equal(keys_lookup(KC_FORM, 127, 0), AC_DELETE_BACK);
	assert_int_equal(keys_lookup(KC_FORM, '\r', 0), AC_FORM_ENTER);
	cfg_free(&cfg);
}

static void
test_colours_config(void **state)
{
	static const char *const good[] = {
		"colours", "cursor", "white colour17 bold",
		"colours", "shiny", "red",
	};
	static const char *const bad[] = { "colours", "held", "green purple" };
	struct cfg cfg;

	err_set_warn(on_warn, NULL);
	config(&cfg, good, 2);
	assert_int_equal(colour_load(&cfg), ST_OK);
	assert_non_null(strstr(warned, "c.ini:2: unknown colour role 'shiny'"));
	cfg_free(&cfg);
	config(&cfg, bad, 1);
	assert_int_equal(colour_load(&cfg), ST_INPUT);
	assert_non_null(strstr(err_msg(), "c.ini:1: held: bad colour or "
	    "attribute 'purple'"));
	cfg_free(&cfg);
}

static char *
slurp(const char *name)
{
	const char *dir = getenv("TESTS_SRCDIR");
	char path[1024], *s;
	FILE *fp;
	long n;

	snprintf(path, sizeof path, "%s/../man/%s", dir ? dir : "tests", name);
	fp = fopen(path, "r");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return s;
}

/* Every action is in KEYS with its default keys; every role in
 * meerstem(5). */
static void
test_man_pages(void **state)
{
	const struct keydef *k = NULL;
	const struct roledef *r;
	char *man1 = slurp("meerstem.1"), *man5 = slurp("meerstem.5");
	char want[300], keys[128];
	size_t n, i, j;

	k = keys_table(&n);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof want, "Cm %s .\n", k[i].name);
		if (strstr(man1, want) == NULL)
			fail_msg("meerstem.1 lacks the action %s", k[i].name);
		snprintf(keys, sizeof keys, "%s", k[i].keys);
		for (j = 0; keys[j] != '\0'; j++)
			if (keys[j] == ' ')
				keys[j] = ',';
		/* "a b" is written "a, b" */
		{
			char spaced[256];
			size_t o = 0;

			for (j = 0; keys[j] != '\0' && o + 2 < sizeof spaced; j++) {
				spaced[o++] = keys[j];
				if (keys[j] == ',')
					spaced[o++] = ' ';
			}
			spaced[o] = '\0';
			snprintf(want, sizeof want, ".It Li %s\n", spaced);
		}
		if (strstr(man1, want) == NULL)
			fail_msg("meerstem.1 lacks the keys of %s: %s", k[i].name,
			    want);
	}
	r = colour_table(&n);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof want, ".It Ic %s\n", r[i].name);
		if (strstr(man5, want) == NULL)
			fail_msg("meerstem.5 lacks the colour role %s", r[i].name);
	}
	free(man1);
	free(man5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_config),
		cmocka_unit_test(test_colours_config),
		cmocka_unit_test(test_man_pages),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
