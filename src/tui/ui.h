/* ui.h: what the interface's modules share: the state of the running
 * interface, the layers it shows (screens, dialogs, forms), key
 * actions, colour roles and drawing helpers. One owner of the screen:
 * layers draw when the loop in tui.c asks, never on their own. */
#ifndef MEERSTEM_UI_H
#define MEERSTEM_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stddef.h>
#include <wchar.h>

#include <sqlite3.h>

#include "../core/catalogue.h"
#include "../core/trajectory.h"

struct cfg;
struct db;

/* ---- key actions (keys.c) -------------------------------------------- */

/* Where an action applies: a key may mean one thing in a list and
 * another in a form, where letters are text. */
enum key_context { KC_LIST, KC_FORM, KC_CONFIRM, KC_COUNT };

enum action {
	AC_NONE,
	/* lists and screens */
	AC_UP, AC_DOWN, AC_LEFT, AC_RIGHT, AC_PAGE_UP, AC_PAGE_DOWN, AC_TOP, AC_BOTTOM,
	AC_OPEN, AC_BACK, AC_TAB_NEXT, AC_TAB_PREV,
	AC_TAB_1, AC_TAB_2, AC_TAB_3, AC_TAB_4, AC_TAB_5, AC_TAB_6,
	AC_ADD, AC_EDIT, AC_DELETE, AC_PICK, AC_SEARCH, AC_NEXT_MATCH, AC_PREV_MATCH,
	AC_SORT, AC_FILTER, AC_VIEW, AC_REFRESH, AC_HELP, AC_QUIT,
	/* forms and prompts */
	AC_FORM_ENTER, AC_FORM_SAVE, AC_FORM_CANCEL, AC_FORM_NEXT, AC_FORM_PREV,
	AC_FORM_CHOOSE, AC_CHAR_LEFT, AC_CHAR_RIGHT, AC_LINE_START, AC_LINE_END,
	AC_DELETE_BACK, AC_DELETE_CHAR, AC_KILL_START, AC_KILL_END,
	/* confirmations */
	AC_YES, AC_NO,
	AC_COUNT
};

enum {
	KF_EDIT = 1 << 0	/* changes data: hidden and refused read-only */
};

struct keydef {
	enum action action;
	enum key_context context;
	const char *name;	/* for [keys]: "page-down" */
	const char *keys;	/* default keys, space separated: "PgDn C-f" */
	const char *help;	/* N_(): what it does */
	const char *hint;	/* N_(): its word on the hint line, or NULL */
	unsigned flags;
};

/* A key as curses delivers it. */
struct key {
	wint_t code;
	int fn;			/* a KEY_* code rather than a character */
	enum action action;	/* in the context of the layer it went to */
};

const struct keydef *keys_table(size_t *n);
const struct keydef *keys_def(enum action a);
/* Check [keys] of CFG and apply it over the defaults: an unknown
 * action is a warning, a bad key name or a key given to two actions of
 * one context an error naming file and line. */
int keys_load(const struct cfg *cfg);
enum action keys_lookup(enum key_context ctx, wint_t code, int fn);
/* The keys of A as people write them ("j, Down"), into BUF. */
void keys_describe(enum action a, char *buf, size_t size);
/* The first key of A, short ("a"), for the hint line. */
void keys_first(enum action a, char *buf, size_t size);

/* ---- colour roles (colour.c) ----------------------------------------- */

enum role {
	R_NORMAL, R_TITLE, R_TAB, R_TAB_ACTIVE, R_HEADING, R_CURSOR, R_HINT,
	R_HINT_KEY, R_STATUS, R_MESSAGE, R_ERROR, R_BORDER, R_FIELD,
	R_FIELD_ACTIVE, R_HELD, R_PLANNED, R_CANCELLED, R_EMPTY, R_GOOD, R_BAD,
	R_HIGH, R_MEDIUM, R_LOW, R_BAR, R_MATCH,
	R_COUNT
};

struct roledef {
	enum role role;
	const char *name;	/* for [colours] */
	const char *def;	/* default: "white blue bold" */
	const char *mono;	/* attributes without colour: "reverse" */
	const char *help;	/* N_() */
};

const struct roledef *colour_table(size_t *n);
/* Check [colours] of CFG (errors and warnings as keys_load). */
int colour_load(const struct cfg *cfg);
/* After initscr: set up pairs unless NO_COLOR or the terminal has none. */
void colour_start(void);
attr_t colour(enum role r);
/* The role of a gap's severity (enum gap_severity: high, medium, low). */
attr_t colour_severity(int severity);

/* ---- drawing (draw.c) -------------------------------------------------- */

/* Columns the UTF-8 text S takes on this terminal. */
int draw_width(const char *s);
/* Put UTF-8 text S at Y, X in at most W columns (W < 0: to the right
 * edge), cut with an ellipsis when it does not fit; PAD fills the rest
 * of W with blanks. Returns the columns drawn. Characters the locale
 * cannot show become '?'; controls (new lines too) become blanks. */
int draw_text(int y, int x, int w, const char *s, attr_t attr, int pad);
void draw_fill(int y, int x, int w, attr_t attr);
/* A framed box of H by W at Y, X, cleared, with TITLE in its top line. */
void draw_box(int y, int x, int h, int w, const char *title);
/* Walk TEXT as lines of at most W columns, broken at blanks; call PUT
 * for each (NULL to count). Returns the number of lines. */
int draw_wrap(const char *text, int w, void (*put)(int n, const char *s,
    size_t len, void *arg), void *arg);
/* TEXT wrapped in W columns, from its line TOP, on at most H lines
 * from Y, X; returns the lines drawn. */
int draw_para(int y, int x, int w, int h, int top, const char *text,
    attr_t attr);
/* Lay out WIDTHS for N columns in TOTAL columns: each at least its
 * minimum, the columns marked flexible share what is left. */
void draw_columns(int *widths, const int *min, const int *flex, int n,
    int total);

/* ---- layers ------------------------------------------------------------ */

struct tui;
struct layer;

struct layer_ops {
	enum key_context context;
	/* Draw in the content area (rows 1 to LINES - 3). */
	void (*draw)(struct layer *l, struct tui *t);
	/* A key; returns 0 to let the loop's global actions have it. */
	int (*key)(struct layer *l, struct tui *t, const struct key *k);
	/* The database changed (an edit, another instance): read again. */
	void (*reload)(struct layer *l, struct tui *t);
	void (*destroy)(struct layer *l);
	/* The status line's position ("12/345"), or NULL. */
	void (*where)(struct layer *l, char *buf, size_t size);
	int overlay;		/* drawn over the layer below */
	/* Work left for when no key waits, one piece a call (the gap
	 * counts of the trajectory list); 1 when there was some. */
	int (*idle)(struct layer *l, struct tui *t);
};

struct layer {
	const struct layer_ops *ops;
	struct layer *below;
	/* Actions for the hint line, AC_NONE-terminated. */
	const enum action *hints;
};

/* ---- the running interface (tui.c) ------------------------------------- */

struct tui {
	struct db *db;
	const struct cfg *cfg;
	struct catalogue cat;
	int read_only;
	struct layer *top;
	/* The open trajectory, for the status line and the tabs. */
	char traj_code[33];
	int dirty;
	int idle;		/* a layer has work for its idle op */
	int quit;
	char message[512];
	int message_error;
	int refresh_seconds;
	int start_tab;
	int data_version;
	const char *db_path;
	int cursor_y, cursor_x;	/* where a form wants the cursor; -1 none */
};

void tui_push(struct tui *t, struct layer *l);
/* Remove the top layer and destroy it. */
void tui_pop(struct tui *t);
/* Remove layer L wherever it is in the stack, and destroy it. */
void tui_remove(struct tui *t, struct layer *l);
/* Tell every layer the data changed. */
void tui_reload(struct tui *t);
void tui_message(struct tui *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Show the core's last error; after ST_CONFLICT reload everything. */
void tui_error(struct tui *t, int status);
/* Around work that may take a while (the gap check of a large
 * trajectory): after a fifth of a second the hint line says WHAT. */
void tui_slow_begin(struct tui *t, const char *what);
void tui_slow_end(struct tui *t);
/* Refuse an editing action in read-only mode; 1 when refused. */
int tui_refuse_readonly(struct tui *t, enum action a);
/* Rows of the content area, and its first row. */
int tui_content_rows(void);
#define CONTENT_TOP 1

/* Labels of catalogue codes in the user's language ("" stays ""). */
const char *tui_phase_label(const struct tui *t, const char *code);
const char *tui_form_label(const struct tui *t, const char *code);

/* ---- widgets ------------------------------------------------------------ */

/* dialog.c: yes/no question, message box, pick list. */
typedef void (*confirm_fn)(struct tui *t, void *ctx, int yes);
void dialog_confirm(struct tui *t, const char *question, confirm_fn fn,
    void *ctx);
typedef void (*pick_fn)(struct tui *t, void *ctx, int choice);
/* LABELS[0..N); CHOICE -1 when cancelled. */
void dialog_pick(struct tui *t, const char *title, const char *const *labels,
    int n, int current, pick_fn fn, void *ctx);
/* A one-line prompt on the hint line; FN gets the text (NULL when
 * cancelled), and CHANGED, if not NULL, every edit (for incremental
 * search). */
typedef void (*prompt_fn)(struct tui *t, void *ctx, const char *text);
void dialog_prompt(struct tui *t, const char *label, prompt_fn done,
    prompt_fn changed, void *ctx);

/* A text in a window, wrapped and scrolled; Esc or Enter closes it. */
void dialog_info(struct tui *t, const char *title, const char *text);

/* help: the key table as a screen. */
struct layer *help_new(struct tui *t);

#endif
