/* keys.c: the key table: every action with its name, default keys and
 * help, from which the help screen and the man page's KEYS section
 * come; the [keys] section of the configuration rebinds by name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cfg.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "ui.h"

#define MAX_BINDINGS 8

static const struct keydef table[] = {
	{ AC_UP, KC_LIST, "up", "k Up C-p", N_("move up"), NULL, 0 },
	{ AC_DOWN, KC_LIST, "down", "j Down C-n", N_("move down"), NULL, 0 },
	{ AC_LEFT, KC_LIST, "left", "h Left", N_("move left in the matrix"),
	    NULL, 0 },
	{ AC_RIGHT, KC_LIST, "right", "l Right", N_("move right in the matrix"),
	    NULL, 0 },
	{ AC_PAGE_UP, KC_LIST, "page-up", "PgUp C-b", N_("one page up"), NULL, 0 },
	{ AC_PAGE_DOWN, KC_LIST, "page-down", "PgDn C-f Space", N_("one page down"),
	    NULL, 0 },
	{ AC_TOP, KC_LIST, "top", "g Home", N_("go to the first row"), NULL, 0 },
	{ AC_BOTTOM, KC_LIST, "bottom", "G End", N_("go to the last row"), NULL, 0 },
	{ AC_OPEN, KC_LIST, "open", "Enter", N_("open or choose what the cursor is on"),
	    N_("open"), 0 },
	{ AC_BACK, KC_LIST, "back", "Esc q", N_("go back; close a window"),
	    N_("back"), 0 },
	{ AC_TAB_NEXT, KC_LIST, "tab-next", "Tab", N_("next tab"), NULL, 0 },
	{ AC_TAB_PREV, KC_LIST, "tab-prev", "BTab", N_("previous tab"), NULL, 0 },
	{ AC_TAB_1, KC_LIST, "tab-overview", "1", N_("tab 1: overview"), NULL, 0 },
	{ AC_TAB_2, KC_LIST, "tab-stakeholders", "2", N_("tab 2: stakeholders"),
	    NULL, 0 },
	{ AC_TAB_3, KC_LIST, "tab-matrix", "3", N_("tab 3: matrix"), NULL, 0 },
	{ AC_TAB_4, KC_LIST, "tab-sessions", "4", N_("tab 4: sessions"), NULL, 0 },
	{ AC_TAB_5, KC_LIST, "tab-inputs", "5", N_("tab 5: inputs"), NULL, 0 },
	{ AC_TAB_6, KC_LIST, "tab-gaps", "6", N_("tab 6: gaps"), NULL, 0 },
	{ AC_ADD, KC_LIST, "add", "a", N_("add"), N_("add"), KF_EDIT },
	{ AC_EDIT, KC_LIST, "edit", "e", N_("edit what the cursor is on"),
	    N_("edit"), KF_EDIT },
	{ AC_DELETE, KC_LIST, "delete", "d", N_("delete or remove, after a question"),
	    N_("delete"), KF_EDIT },
	{ AC_PICK, KC_LIST, "pick", "p",
	    N_("add a stakeholder of the shared register to this trajectory"),
	    N_("register"), KF_EDIT },
	{ AC_SEARCH, KC_LIST, "search", "/", N_("search as you type"), N_("search"),
	    0 },
	{ AC_NEXT_MATCH, KC_LIST, "next-match", "n", N_("next match"), NULL, 0 },
	{ AC_PREV_MATCH, KC_LIST, "previous-match", "N", N_("previous match"),
	    NULL, 0 },
	{ AC_SORT, KC_LIST, "sort", "s",
	    N_("sort by a column; the same column again reverses"), N_("sort"), 0 },
	{ AC_FILTER, KC_LIST, "filter", "f",
	    N_("filter by voice, category or not heard"), N_("filter"), 0 },
	{ AC_VIEW, KC_LIST, "view", "v",
	    N_("switch between the trajectory and the catalogue matrix"),
	    N_("view"), 0 },
	{ AC_REFRESH, KC_LIST, "refresh", "R C-l",
	    N_("read the database again and redraw"), NULL, 0 },
	{ AC_HELP, KC_LIST, "help", "? F1", N_("this help"), N_("help"), 0 },
	{ AC_QUIT, KC_LIST, "quit", "Q", N_("quit"), N_("quit"), 0 },

	{ AC_FORM_ENTER, KC_FORM, "form-enter", "Enter",
	    N_("save the form; a new line in a multi-line field"), NULL, 0 },
	{ AC_FORM_SAVE, KC_FORM, "form-save", "C-x",
	    N_("save the form from any field"), N_("save"), 0 },
	{ AC_FORM_CANCEL, KC_FORM, "form-cancel", "Esc C-g",
	    N_("close the form without saving"), N_("cancel"), 0 },
	{ AC_FORM_NEXT, KC_FORM, "form-next", "Tab Down", N_("next field"),
	    N_("next"), 0 },
	{ AC_FORM_PREV, KC_FORM, "form-prev", "BTab Up", N_("previous field"),
	    NULL, 0 },
	{ AC_FORM_CHOOSE, KC_FORM, "form-choose", "Space",
	    N_("open the pick list of a choice field"), N_("choose"), 0 },
	{ AC_CHAR_LEFT, KC_FORM, "char-left", "Left",
	    N_("cursor left; the previous choice"), NULL, 0 },
	{ AC_CHAR_RIGHT, KC_FORM, "char-right", "Right",
	    N_("cursor right; the next choice"), NULL, 0 },
	{ AC_LINE_START, KC_FORM, "line-start", "Home C-a",
	    N_("to the start of the line"), NULL, 0 },
	{ AC_LINE_END, KC_FORM, "line-end", "End C-e", N_("to the end of the line"),
	    NULL, 0 },
	{ AC_DELETE_BACK, KC_FORM, "delete-back", "Backspace C-h",
	    N_("delete the character before the cursor"), NULL, 0 },
	{ AC_DELETE_CHAR, KC_FORM, "delete-char", "Delete C-d",
	    N_("delete the character under the cursor"), NULL, 0 },
	{ AC_KILL_START, KC_FORM, "kill-start", "C-u",
	    N_("delete to the start of the line"), NULL, 0 },
	{ AC_KILL_END, KC_FORM, "kill-end", "C-k", N_("delete to the end of the line"),
	    NULL, 0 },

	{ AC_YES, KC_CONFIRM, "yes", "y Y", N_("answer yes"), N_("yes"), 0 },
	{ AC_NO, KC_CONFIRM, "no", "n N Esc", N_("answer no"), N_("no"), 0 },
};

#define NTABLE (sizeof table / sizeof table[0])

struct binding {
	wint_t code;
	int fn;
};

/* The keys in force, per action. */
static struct binding bound[AC_COUNT][MAX_BINDINGS];
static int nbound[AC_COUNT];
static int loaded;

static const struct { const char *name; int code; } named[] = {
	{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT },
	{ "Right", KEY_RIGHT }, { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE },
	{ "Home", KEY_HOME }, { "End", KEY_END }, { "BTab", KEY_BTAB },
	{ "Backspace", KEY_BACKSPACE }, { "Delete", KEY_DC },
	{ "Insert", KEY_IC }, { "F1", KEY_F(1) }, { "F2", KEY_F(2) },
	{ "F3", KEY_F(3) }, { "F4", KEY_F(4) }, { "F5", KEY_F(5) },
	{ "F6", KEY_F(6) }, { "F7", KEY_F(7) }, { "F8", KEY_F(8) },
	{ "F9", KEY_F(9) }, { "F10", KEY_F(10) }, { "F11", KEY_F(11) },
	{ "F12", KEY_F(12) },
};

#define NNAMED (sizeof named / sizeof named[0])

const struct keydef *
keys_table(size_t *n)
{
	*n = NTABLE;
	return table;
}

const struct keydef *
keys_def(enum action a)
{
	size_t i;

	for (i = 0; i < NTABLE; i++)
		if (table[i].action == a)
			return &table[i];
	return NULL;
}

/* Parse one key name: a character, "C-x", "Enter", "Esc", "Tab",
 * "Space" or a name of the table above. */
static int
parse_key(const char *s, struct binding *b)
{
	size_t i;
	wchar_t wc;
	int len;

	b->fn = 0;
	if (strcmp(s, "Enter") == 0) {
		b->code = '\n';
		return 1;
	}
	if (strcmp(s, "Esc") == 0) {
		b->code = 27;
		return 1;
	}
	if (strcmp(s, "Tab") == 0) {
		b->code = '\t';
		return 1;
	}
	if (strcmp(s, "Space") == 0) {
		b->code = ' ';
		return 1;
	}
	if (s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z' &&
	    s[3] == '\0') {
		b->code = (wint_t)(s[2] - 'a' + 1);
		return 1;
	}
	for (i = 0; i < NNAMED; i++)
		if (strcmp(s, named[i].name) == 0) {
			b->code = (wint_t)named[i].code;
			b->fn = 1;
			return 1;
		}
	len = mbtowc(&wc, s, strlen(s));
	if (len > 0 && s[len] == '\0' && wc > ' ' && wc != 127) {
		b->code = (wint_t)wc;
		return 1;
	}
	return 0;
}

/* Bind the space-separated KEYS to A; 0 with the bad name in BAD. */
static int
bind_list(enum action a, const char *keys, char *bad, size_t size)
{
	char copy[256], *tok, *save = NULL;
	struct binding b;

	snprintf(copy, sizeof copy, "%s", keys);
	nbound[a] = 0;
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (!parse_key(tok, &b)) {
			snprintf(bad, size, "%s", tok);
			return 0;
		}
		if (nbound[a] < MAX_BINDINGS)
			bound[a][nbound[a]++] = b;
	}
	return 1;
}

static void
load_defaults(void)
{
	char bad[64];
	size_t i;

	for (i = 0; i < NTABLE; i++)
		bind_list(table[i].action, table[i].keys, bad, sizeof bad);
	loaded = 1;
}

static int
same(const struct binding *a, const struct binding *b)
{
	return a->code == b->code && a->fn == b->fn;
}

/* Drop key B from the actions of CTX other than A (a user's binding
 * wins over a default). */
static void
unbind_others(enum action a, enum key_context ctx, const struct binding *b)
{
	size_t i;
	int j, k;

	for (i = 0; i < NTABLE; i++) {
		enum action o = table[i].action;

		if (o == a || table[i].context != ctx)
			continue;
		for (j = 0; j < nbound[o]; j++)
			if (same(&bound[o][j], b)) {
				for (k = j; k + 1 < nbound[o]; k++)
					bound[o][k] = bound[o][k + 1];
				nbound[o]--;
				j--;
			}
	}
}

int
keys_load(const struct cfg *cfg)
{
	int set_by[AC_COUNT] = { 0 };
	const struct keydef *d;
	char bad[64];
	size_t i, j;
	int k, m;

	load_defaults();
	for (i = 0; i < cfg->n_entries; i++) {
		const struct cfg_entry *e = &cfg->entries[i];

		if (strcmp(e->section, "keys") != 0)
			continue;
		for (d = NULL, j = 0; j < NTABLE; j++)
			if (strcmp(table[j].name, e->key) == 0)
				d = &table[j];
		if (d == NULL) {
			err_warn(_("%s:%d: unknown action '%s' in [keys] ignored"),
			    cfg->path, e->line, e->key);
			continue;
		}
		if (!bind_list(d->action, e->value, bad, sizeof bad))
			return err_set(ST_INPUT, _("%s:%d: %s: bad key '%s' (write "
			    "a character, C-x, Enter, Esc, Tab, Space, Up, PgDn, "
			    "F1 ...)"), cfg->path, e->line, e->key, bad);
		set_by[d->action] = e->line;
	}
	/* A key the user gave to two actions of one context is an error. */
	for (i = 0; i < NTABLE; i++) {
		enum action a = table[i].action;

		if (!set_by[a])
			continue;
		for (j = 0; j < NTABLE; j++) {
			enum action o = table[j].action;

			if (o == a || !set_by[o] ||
			    table[j].context != table[i].context)
				continue;
			for (k = 0; k < nbound[a]; k++)
				for (m = 0; m < nbound[o]; m++)
					if (same(&bound[a][k], &bound[o][m]))
						return err_set(ST_INPUT, _("%s:%d: "
						    "the key of %s is also given to "
						    "%s on line %d"), cfg->path,
						    set_by[a], table[i].name,
						    table[j].name, set_by[o]);
		}
		for (k = 0; k < nbound[a]; k++)
			unbind_others(a, table[i].context, &bound[a][k]);
	}
	return ST_OK;
}

enum action
keys_lookup(enum key_context ctx, wint_t code, int fn)
{
	struct binding b = { code, fn };
	size_t i;
	int j;

	if (!loaded)
		load_defaults();
	/* Terminals send Backspace as ^? or ^H; both are Backspace. */
	if (!fn && (code == 127 || code == 8)) {
		b.code = KEY_BACKSPACE;
		b.fn = 1;
	}
	if (!fn && code == '\r')
		b.code = '\n';
	if (fn && code == KEY_ENTER) {
		b.code = '\n';
		b.fn = 0;
	}
	for (i = 0; i < NTABLE; i++) {
		if (table[i].context != ctx)
			continue;
		for (j = 0; j < nbound[table[i].action]; j++)
			if (same(&bound[table[i].action][j], &b))
				return table[i].action;
	}
	return AC_NONE;
}

static void
binding_name(const struct binding *b, char *buf, size_t size)
{
	size_t i;

	if (b->fn) {
		for (i = 0; i < NNAMED; i++)
			if (named[i].code == (int)b->code) {
				snprintf(buf, size, "%s", named[i].name);
				return;
			}
		snprintf(buf, size, "?");
	} else if (b->code == '\n')
		snprintf(buf, size, "Enter");
	else if (b->code == 27)
		snprintf(buf, size, "Esc");
	else if (b->code == '\t')
		snprintf(buf, size, "Tab");
	else if (b->code == ' ')
		snprintf(buf, size, "Space");
	else if (b->code < 32)
		snprintf(buf, size, "C-%c", (int)b->code + 'a' - 1);
	else
		snprintf(buf, size, "%lc", (wint_t)b->code);
}

void
keys_describe(enum action a, char *buf, size_t size)
{
	char one[32];
	size_t len = 0;
	int i;

	if (!loaded)
		load_defaults();
	buf[0] = '\0';
	for (i = 0; i < nbound[a] && len < size; i++) {
		binding_name(&bound[a][i], one, sizeof one);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i > 0 ? ", " : "", one);
	}
}

void
keys_first(enum action a, char *buf, size_t size)
{
	if (!loaded)
		load_defaults();
	if (nbound[a] == 0)
		snprintf(buf, size, "-");
	else
		binding_name(&bound[a][0], buf, size);
}
