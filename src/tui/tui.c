/* tui.c: the interface's main loop, the one owner of the screen. Keys
 * go to the top layer; a layer that changes something marks the screen
 * dirty, and the loop redraws once per iteration (erase, draw every
 * visible layer, wnoutrefresh, doupdate). Signals only set a flag. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/catalogue.h"
#include "../core/cfg.h"
#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/paths.h"
#include "screens.h"
#include "status.h"
#include "tui.h"
#include "ui.h"
/* Last: its capability macros (tab, lines, ...) would clash with names
 * in the headers above. */
#include <term.h>

#define MIN_ROWS 24
#define MIN_COLS 80

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static int
catch_signals(void)
{
	struct sigaction sa;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key. */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return err_sys(ST_FAIL, "%s", "sigaction");
	return ST_OK;
}

/* ---- layers ------------------------------------------------------------ */

void
tui_push(struct tui *t, struct layer *l)
{
	l->below = t->top;
	t->top = l;
	t->dirty = 1;
}

void
tui_pop(struct tui *t)
{
	struct layer *l = t->top;

	if (l == NULL)
		return;
	t->top = l->below;
	l->ops->destroy(l);
	t->dirty = 1;
}

void
tui_remove(struct tui *t, struct layer *l)
{
	struct layer **p;

	for (p = &t->top; *p != NULL; p = &(*p)->below)
		if (*p == l) {
			*p = l->below;
			l->ops->destroy(l);
			t->dirty = 1;
			return;
		}
}

void
tui_reload(struct tui *t)
{
	struct layer *l;

	for (l = t->top; l != NULL; l = l->below)
		if (l->ops->reload != NULL)
			l->ops->reload(l, t);
	if (db_data_version(t->db, &t->data_version) != ST_OK)
		err_clear();
	t->dirty = 1;
}

void
tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_error = 0;
	t->dirty = 1;
}

void
tui_error(struct tui *t, int status)
{
	snprintf(t->message, sizeof t->message, "%s", err_msg());
	t->message_error = 1;
	t->dirty = 1;
	err_clear();
	if (status == ST_CONFLICT)
		tui_reload(t);
}

/* ---- work that may take a while ---------------------------------------- */

struct slow {
	const char *what;
	struct timespec start;
	int shown;
};

static struct slow slow;

/* Called by SQLite every few thousand steps of the work: after a
 * fifth of a second the hint line says what is being done. It draws
 * that line only: the layers would read the database, which must not
 * be touched from here. */
static int
slow_tick(void *arg)
{
	struct slow *s = arg;
	struct timespec now;

	if (s->shown || clock_gettime(CLOCK_MONOTONIC, &now) != 0 ||
	    (now.tv_sec - s->start.tv_sec) * 1000 +
	    (now.tv_nsec - s->start.tv_nsec) / 1000000 < 200)
		return 0;
	s->shown = 1;
	draw_fill(LINES - 2, 0, COLS, colour(R_MESSAGE));
	draw_text(LINES - 2, 0, COLS, s->what, colour(R_MESSAGE), 0);
	refresh();
	return 0;
}

void
tui_slow_begin(struct tui *t, const char *what)
{
	slow.what = what;
	slow.shown = 0;
	if (clock_gettime(CLOCK_MONOTONIC, &slow.start) == 0)
		db_interrupt_when(t->db, slow_tick, &slow);
}

void
tui_slow_end(struct tui *t)
{
	db_interrupt_when(t->db, NULL, NULL);
	if (slow.shown)
		t->dirty = 1;
}

int
tui_refuse_readonly(struct tui *t, enum action a)
{
	const struct keydef *d = keys_def(a);

	if (!t->read_only || d == NULL || !(d->flags & KF_EDIT))
		return 0;
	snprintf(t->message, sizeof t->message, "%s",
	    _("read-only: nothing can be changed"));
	t->message_error = 1;
	t->dirty = 1;
	return 1;
}

int
tui_content_rows(void)
{
	return LINES - 3;
}

const char *
tui_phase_label(const struct tui *t, const char *code)
{
	int i = catalogue_phase_index(&t->cat, code);

	return i < 0 ? code : catalogue_phase_name(&t->cat.phases[i]);
}

const char *
tui_form_label(const struct tui *t, const char *code)
{
	int i = catalogue_form_index(&t->cat, code);

	return i < 0 ? code : catalogue_form_name(&t->cat.forms[i]);
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_centred(int y, const char *s, attr_t attr)
{
	int x = (COLS - draw_width(s)) / 2;

	draw_text(y, x < 0 ? 0 : x, COLS, s, attr, 0);
}

static void
draw_too_small(void)
{
	char line1[128], line2[128], line3[128];
	int y = LINES / 2 - 1;

	snprintf(line1, sizeof line1, "%s", _("window too small"));
	snprintf(line2, sizeof line2, _("%dx%d; needs at least %dx%d"), COLS,
	    LINES, MIN_COLS, MIN_ROWS);
	draw_centred(y, line1, colour(R_ERROR));
	if (draw_width(line2) <= COLS) {
		draw_centred(y + 1, line2, colour(R_NORMAL));
		return;
	}
	/* Too narrow for the sizes on one line: the size needed is what
	 * matters, so it must not be cut off. */
	snprintf(line2, sizeof line2, "%dx%d", COLS, LINES);
	snprintf(line3, sizeof line3, _("needs %dx%d"), MIN_COLS, MIN_ROWS);
	draw_centred(y + 1, line2, colour(R_NORMAL));
	draw_centred(y + 2, line3, colour(R_NORMAL));
}

static void
draw_layers(struct tui *t, struct layer *l)
{
	if (l == NULL)
		return;
	if (l->ops->overlay)
		draw_layers(t, l->below);
	l->ops->draw(l, t);
}

static void
draw(struct tui *t)
{
	erase();
	t->cursor_y = -1;
	if (LINES < MIN_ROWS || COLS < MIN_COLS)
		draw_too_small();
	else {
		status_draw(t);
		draw_layers(t, t->top);
	}
	if (t->cursor_y >= 0) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
	t->dirty = 0;
}

/* ---- keys -------------------------------------------------------------- */

static void
global_action(struct tui *t, enum action a)
{
	struct layer *l;

	switch (a) {
	case AC_QUIT:
		t->quit = 1;
		break;
	case AC_HELP:
		if ((l = help_new(t)) != NULL)
			tui_push(t, l);
		break;
	case AC_REFRESH:
		clearok(curscr, TRUE);
		tui_reload(t);
		break;
	default:
		break;
	}
}

static void
dispatch(struct tui *t, wint_t code, int fn)
{
	struct layer *l = t->top;
	struct key k = { code, fn, AC_NONE };

	t->message[0] = '\0';
	t->dirty = 1;
	if (LINES < MIN_ROWS || COLS < MIN_COLS) {
		/* Only quitting works on a screen too small to show. */
		if (keys_lookup(KC_LIST, code, fn) == AC_QUIT)
			t->quit = 1;
		return;
	}
	if (l == NULL)
		return;
	k.action = keys_lookup(l->ops->context, code, fn);
	if (k.action != AC_NONE && tui_refuse_readonly(t, k.action))
		return;
	if (l->ops->key(l, t, &k))
		return;
	if (l->ops->context == KC_LIST)
		global_action(t, k.action);
}

/* Another instance committed: read again. */
static void
poll_changes(struct tui *t)
{
	int v;

	if (db_data_version(t->db, &v) != ST_OK) {
		err_clear();
		return;
	}
	if (v != t->data_version) {
		t->data_version = v;
		tui_reload(t);
	}
}

/* One piece of the layers' idle work; clears t->idle when none is
 * left, so that the loop waits for keys again. */
static void
run_idle(struct tui *t)
{
	struct layer *l;

	for (l = t->top; l != NULL; l = l->below)
		if (l->ops->idle != NULL && l->ops->idle(l, t))
			return;
	t->idle = 0;
}

static void
loop(struct tui *t)
{
	const char *exit_after = getenv("MEERSTEM_EXIT_AFTER_DRAW");
	time_t last_poll = time(NULL);
	wint_t code;
	int rc;

	while (!t->quit && !got_signal && t->top != NULL) {
		if (t->dirty) {
			draw(t);
			if (exit_after != NULL && *exit_after != '\0')
				break;
		}
		errno = 0;
		/* Idle work runs only while no key waits. */
		timeout(t->idle ? 0 : t->refresh_seconds > 0 ? 1000 : -1);
		rc = get_wch(&code);
		if (got_signal)
			break;
		if (t->refresh_seconds > 0 &&
		    time(NULL) - last_poll >= t->refresh_seconds) {
			last_poll = time(NULL);
			poll_changes(t);
		}
		if (rc == ERR) {
			if (t->idle)
				run_idle(t);
			continue;
		}
		if (rc == KEY_CODE_YES && code == KEY_RESIZE) {
			t->dirty = 1;
			continue;
		}
		dispatch(t, code, rc == KEY_CODE_YES);
	}
}

/* ---- setting up -------------------------------------------------------- */

static const char *const tab_names[] = {
	"overview", "stakeholders", "matrix", "sessions", "inputs", "gaps", NULL
};

/* [interface]: refresh_seconds and start_tab. */
static int
interface_load(struct tui *t)
{
	const struct cfg *cfg = t->cfg;
	size_t i;
	int j;

	t->refresh_seconds = 2;
	t->start_tab = 0;
	for (i = 0; i < cfg->n_entries; i++) {
		const struct cfg_entry *e = &cfg->entries[i];
		char *end;
		long n;

		if (strcmp(e->section, "interface") != 0)
			continue;
		if (strcmp(e->key, "refresh_seconds") == 0) {
			n = strtol(e->value, &end, 10);
			if (end == e->value || *end != '\0' || n < 0 || n > 3600)
				return err_set(ST_INPUT, _("%s:%d: refresh_seconds: "
				    "bad value '%s': expected a whole number from "
				    "0 to 3600"), cfg->path, e->line, e->value);
			t->refresh_seconds = (int)n;
		} else if (strcmp(e->key, "start_tab") == 0) {
			for (j = 0; tab_names[j] != NULL; j++)
				if (strcmp(tab_names[j], e->value) == 0)
					break;
			if (tab_names[j] == NULL)
				return err_set(ST_INPUT, _("%s:%d: start_tab: bad "
				    "value '%s': expected overview, stakeholders, "
				    "matrix, sessions, inputs or gaps"), cfg->path,
				    e->line, e->value);
			t->start_tab = j;
		} else
			err_warn(_("%s:%d: unknown key '%s' in [interface] "
			    "ignored"), cfg->path, e->line, e->key);
	}
	return ST_OK;
}

/* The first run creates the database with the shipped catalogue. */
static int
open_db(struct tui *t, const char *path)
{
	struct catalogue shipped;
	char *file;
	int rc;

	if (!t->read_only && (rc = paths_make_parent(path)) != ST_OK)
		return rc;
	if ((rc = db_open(&t->db, path, t->read_only ? DB_READONLY :
	    DB_CREATE)) != ST_OK)
		return rc;
	if ((rc = catalogue_read_db(&t->cat, t->db)) != ST_OK)
		return rc;
	if (t->cat.n_phases > 0 || t->read_only)
		return ST_OK;
	catalogue_free(&t->cat);
	if ((file = paths_data_file("catalogue.ini")) == NULL)
		return err_status();
	rc = catalogue_read_file(&shipped, file);
	free(file);
	if (rc != ST_OK)
		return rc;
	rc = catalogue_store(t->db, &shipped);
	catalogue_free(&shipped);
	if (rc != ST_OK)
		return rc;
	return catalogue_read_db(&t->cat, t->db);
}

/* In the C locale's ASCII a typed ë never becomes a character: ncurses
 * waits for it to complete and swallows the keys after it. Like Python
 * (PEP 538), take UTF-8 for the characters instead: the terminal most
 * likely speaks it, and the data is UTF-8 whatever the locale. Other
 * single-byte locales (Latin-1) take every byte and are kept. */
static void
coerce_ascii_locale(void)
{
	const char *set = nl_langinfo(CODESET);

	if (strcmp(set, "ANSI_X3.4-1968") != 0 && strcmp(set, "ASCII") != 0)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "C.utf8");
}

static const char *
term_name(void)
{
	const char *term = getenv("TERM");

	return term != NULL ? term : "";
}

/* A terminal without cursor addressing (TERM=dumb, an editor's shell
 * buffer) gets a newterm that only scrolls lines out: unusable. */
static int
can_address(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (const char *)-1 && *cup != '\0';
}

static int
start_curses(SCREEN **screen)
{
	int err;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(ST_INPUT, "%s", _("the interface needs a "
		    "terminal; give a command to run without one (see "
		    "meerstem --help)"));
	/* Try TERM with setupterm first: newterm leaks its prescreen when
	 * TERM is unknown (ncurses 6.4, seen by valgrind). */
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return err_set(ST_FAIL, _("cannot use the terminal '%s'"),
		    term_name());
	del_curterm(cur_term);
	if ((*screen = newterm(NULL, stdout, stdin)) == NULL)
		return err_set(ST_FAIL, _("cannot use the terminal '%s'"),
		    term_name());
	if (!can_address()) {
		endwin();
		delscreen(*screen);
		*screen = NULL;
		return err_set(ST_FAIL, _("the terminal '%s' cannot move the "
		    "cursor, which the interface needs; set TERM to the "
		    "terminal's real type, or give a command to run without "
		    "the interface"), term_name());
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	colour_start();
	return ST_OK;
}

int
tui_main(const char *path, const struct cfg *cfg, int read_only)
{
	struct tui t;
	SCREEN *screen = NULL;
	struct layer *first;
	int rc;

	memset(&t, 0, sizeof t);
	t.cfg = cfg;
	t.read_only = read_only;
	if ((rc = keys_load(cfg)) != ST_OK || (rc = colour_load(cfg)) != ST_OK ||
	    (rc = interface_load(&t)) != ST_OK || (rc = catch_signals()) != ST_OK)
		return rc;
	if ((rc = open_db(&t, path)) != ST_OK)
		goto done;
	if (db_data_version(t.db, &t.data_version) != ST_OK)
		err_clear();
	coerce_ascii_locale();
	if ((rc = start_curses(&screen)) != ST_OK)
		goto done;
	t.db_path = path;
	if ((first = trajectories_new(&t)) == NULL) {
		rc = err_status();
		endwin();
		delscreen(screen);
		goto done;
	}
	tui_push(&t, first);
	loop(&t);
	while (t.top != NULL)
		tui_pop(&t);
	endwin();
	delscreen(screen);
	/* Ended by a signal: the conventional status of one. */
	rc = got_signal ? 128 + got_signal : ST_OK;
done:
	catalogue_free(&t.cat);
	db_close(t.db);
	return rc;
}
