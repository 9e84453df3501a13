/* colour.c: colour roles: each thing on screen that has a colour is a
 * role with a default, a monochrome fallback and help, set in the
 * [colours] section as "FOREGROUND [BACKGROUND] [ATTRIBUTE...]". The
 * terminal's own colours are the default (use_default_colors), and
 * NO_COLOR turns colour off. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cfg.h"
#include "../core/error.h"
#include "../core/gap.h"
#include "../core/i18n.h"
#include "ui.h"

static const struct roledef table[] = {
	{ R_NORMAL, "normal", "default default", "", N_("ordinary text") },
	{ R_TITLE, "title", "default default bold", "bold",
	    N_("the title line: program and trajectory") },
	{ R_TAB, "tab", "default default", "", N_("a tab") },
	{ R_TAB_ACTIVE, "tab-active", "black cyan bold", "reverse",
	    N_("the tab shown") },
	{ R_HEADING, "heading", "default default bold underline",
	    "bold underline", N_("column headings") },
	{ R_CURSOR, "cursor", "black cyan", "reverse", N_("the cursor row") },
	{ R_HINT, "hint", "default default", "", N_("the key hints") },
	{ R_HINT_KEY, "hint-key", "cyan default bold", "bold",
	    N_("a key in the key hints") },
	{ R_STATUS, "status", "black white", "reverse", N_("the status line") },
	{ R_MESSAGE, "message", "green default bold", "bold",
	    N_("a message after an action") },
	{ R_ERROR, "error", "white red bold", "reverse bold",
	    N_("an error or refusal") },
	{ R_BORDER, "border", "cyan default", "", N_("window frames") },
	{ R_FIELD, "field", "default default underline", "underline",
	    N_("a field of a form") },
	{ R_FIELD_ACTIVE, "field-active", "black yellow", "reverse",
	    N_("the field being edited") },
	{ R_HELD, "held", "green default bold", "bold",
	    N_("matrix cells with held sessions") },
	{ R_PLANNED, "planned", "yellow default", "underline",
	    N_("matrix cells with planned sessions only") },
	{ R_CANCELLED, "cancelled", "red default", "dim",
	    N_("matrix cells with cancelled sessions only") },
	{ R_EMPTY, "empty", "default default dim", "dim",
	    N_("empty cells; phases a form does not fit") },
	{ R_GOOD, "good", "green default", "bold",
	    N_("a form reaches a voice well; voices heard") },
	{ R_BAD, "bad", "red default", "underline",
	    N_("a form reaches a voice badly") },
	{ R_HIGH, "high", "red default bold", "bold reverse",
	    N_("gaps of high severity") },
	{ R_MEDIUM, "medium", "yellow default bold", "bold",
	    N_("gaps of medium severity") },
	{ R_LOW, "low", "default default", "", N_("gaps of low severity") },
	{ R_BAR, "bar", "green default", "reverse",
	    N_("the filled part of a coverage bar") },
	{ R_MATCH, "match", "black yellow", "reverse bold",
	    N_("the search text on the status line") },
};

#define NTABLE (sizeof table / sizeof table[0])

struct spec {
	short fg, bg;
	attr_t attrs;
};

static struct spec specs[R_COUNT];
static attr_t mono[R_COUNT];
static attr_t in_use[R_COUNT];

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	NULL
};

static const struct { const char *name; attr_t attr; } attr_names[] = {
	{ "bold", A_BOLD }, { "dim", A_DIM }, { "underline", A_UNDERLINE },
	{ "reverse", A_REVERSE }, { "standout", A_STANDOUT },
	{ "italic", A_ITALIC }, { "blink", A_BLINK }, { NULL, 0 }
};

/* "default", a colour name, or colourN / colorN for 0 to 255. */
static int
parse_colour(const char *s, short *out)
{
	char *end;
	long n;
	int i;

	if (strcmp(s, "default") == 0) {
		*out = -1;
		return 1;
	}
	for (i = 0; colour_names[i] != NULL; i++)
		if (strcmp(s, colour_names[i]) == 0) {
			*out = (short)i;
			return 1;
		}
	if (strncmp(s, "colour", 6) == 0)
		s += 6;
	else if (strncmp(s, "color", 5) == 0)
		s += 5;
	else
		return 0;
	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || n < 0 || n > 255)
		return 0;
	*out = (short)n;
	return 1;
}

static int
parse_attr(const char *s, attr_t *out)
{
	int i;

	for (i = 0; attr_names[i].name != NULL; i++)
		if (strcmp(s, attr_names[i].name) == 0) {
			*out |= attr_names[i].attr;
			return 1;
		}
	return 0;
}

/* Parse VALUE into SP; 0 with the offending word in BAD. */
static int
parse_spec(const char *value, struct spec *sp, char *bad, size_t size)
{
	char copy[256], *tok, *save = NULL;
	int colours = 0;

	snprintf(copy, sizeof copy, "%s", value);
	sp->fg = sp->bg = -1;
	sp->attrs = 0;
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		short c;

		if (colours < 2 && parse_colour(tok, &c)) {
			if (colours++ == 0)
				sp->fg = c;
			else
				sp->bg = c;
			continue;
		}
		if (!parse_attr(tok, &sp->attrs)) {
			snprintf(bad, size, "%s", tok);
			return 0;
		}
		colours = 2;
	}
	return 1;
}

const struct roledef *
colour_table(size_t *n)
{
	*n = NTABLE;
	return table;
}

static void
load_defaults(void)
{
	struct spec sp;
	char bad[64];
	size_t i;

	for (i = 0; i < NTABLE; i++) {
		parse_spec(table[i].def, &specs[table[i].role], bad, sizeof bad);
		parse_spec(table[i].mono, &sp, bad, sizeof bad);
		mono[table[i].role] = sp.attrs;
	}
}

int
colour_load(const struct cfg *cfg)
{
	char bad[64];
	size_t i, j;

	load_defaults();
	for (i = 0; i < cfg->n_entries; i++) {
		const struct cfg_entry *e = &cfg->entries[i];
		int found = 0;

		if (strcmp(e->section, "colours") != 0)
			continue;
		for (j = 0; j < NTABLE && !found; j++) {
			if (strcmp(table[j].name, e->key) != 0)
				continue;
			found = 1;
			if (!parse_spec(e->value, &specs[table[j].role], bad,
			    sizeof bad))
				return err_set(ST_INPUT, _("%s:%d: %s: bad colour "
				    "or attribute '%s' (expected default, black, "
				    "red, green, yellow, blue, magenta, cyan, "
				    "white, colour0 to colour255, bold, dim, "
				    "underline, reverse, standout, italic, "
				    "blink)"), cfg->path, e->line, e->key, bad);
		}
		if (!found)
			err_warn(_("%s:%d: unknown colour role '%s' in [colours] "
			    "ignored"), cfg->path, e->line, e->key);
	}
	return ST_OK;
}

void
colour_start(void)
{
	const char *no = getenv("NO_COLOR");
	size_t i;
	int ok;

	ok = has_colors() && (no == NULL || *no == '\0') &&
	    start_color() == OK;
	if (ok)
		use_default_colors();
	for (i = 0; i < R_COUNT; i++) {
		struct spec *sp = &specs[i];

		if (!ok || sp->fg >= COLORS || sp->bg >= COLORS ||
		    (int)i + 1 >= COLOR_PAIRS) {
			in_use[i] = mono[i];
			continue;
		}
		init_pair((short)(i + 1), sp->fg, sp->bg);
		in_use[i] = COLOR_PAIR((int)i + 1) | sp->attrs;
	}
}

attr_t
colour(enum role r)
{
	return in_use[r];
}

attr_t
colour_severity(int severity)
{
	return colour(severity == GAP_HIGH ? R_HIGH : severity == GAP_MEDIUM ?
	    R_MEDIUM : R_LOW);
}
