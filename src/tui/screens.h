/* screens.h: the screens of the interface. The first lists the
 * trajectories; opening one shows it in tabs, each a layer of its own
 * that the trajectory view draws and passes keys to. */
#ifndef MEERSTEM_SCREENS_H
#define MEERSTEM_SCREENS_H

#include "../core/trajectory.h"
#include "ui.h"

enum tab {
	TAB_OVERVIEW, TAB_STAKEHOLDERS, TAB_MATRIX, TAB_SESSIONS, TAB_INPUTS,
	TAB_GAPS, TAB_COUNT
};

/* The open trajectory with its tabs. */
struct view {
	struct layer layer;
	struct trajectory traj;
	struct layer *tabs[TAB_COUNT];
	int tab;
};

struct layer *trajectories_new(struct tui *t);
/* Open trajectory CODE on tab TAB; NULL with the error set. */
struct layer *view_new(struct tui *t, const char *code, int tab);
/* Show tab TAB, creating it the first time; returns it. */
struct layer *view_switch(struct tui *t, struct view *v, int tab);

/* The tabs. */
struct layer *overview_new(struct tui *t, struct view *v);
struct layer *stakeholders_new(struct tui *t, struct view *v);
struct layer *matrix_new(struct tui *t, struct view *v);
struct layer *sessions_new(struct tui *t, struct view *v);
struct layer *inputs_new(struct tui *t, struct view *v);
struct layer *gaps_new(struct tui *t, struct view *v);
/* A finding on one line from Y, X: severity, kind and subject, in
 * ATTR; unless it is the CURSOR's line, the severity in its colour. */
struct gap;
void gaps_draw_finding(int y, int x, const struct gap *f, attr_t attr,
    int cursor);

/* Put the cursor of the stakeholders, sessions or inputs tab on the
 * row with ID, whose name, ref or summary is TEXT; say so when the list
 * does not show it. */
void stakeholders_seek(struct tui *t, struct layer *tab, const char *name,
    sqlite3_int64 id);
void sessions_seek(struct tui *t, struct layer *tab, const char *ref,
    sqlite3_int64 id);
void inputs_seek(struct tui *t, struct layer *tab, const char *summary,
    sqlite3_int64 id);
/* Show only the stakeholders of VOICE, a voice code. */
void stakeholders_show_voice(struct tui *t, struct layer *tab,
    const char *voice);

/* The windows over a tab. */
/* A session with its attendance; Enter on a session opens it. */
struct layer *session_view_new(struct tui *t, struct view *v,
    sqlite3_int64 session_id);
/* Open the register over session view L to pick who attended. */
void session_view_attend(struct tui *t, struct layer *l);
/* The register, to pick stakeholders from: PICKED is called for the
 * chosen one; with MANY the picker stays open for more. */
typedef int (*picked_fn)(struct tui *t, void *ctx, sqlite3_int64 id,
    const char *name);
struct layer *register_picker_new(struct tui *t, struct view *v,
    const char *title, int many, picked_fn picked, void *ctx);

/* Forms shared by screens: add or edit a session (ID 0 adds one, with
 * FORM and PHASE as its defaults); SAVED gets the session's id. */
typedef void (*session_saved_fn)(struct tui *t, void *ctx, sqlite3_int64 id);
void session_form(struct tui *t, struct view *v, sqlite3_int64 id,
    const char *form, const char *phase, session_saved_fn saved, void *ctx);

#endif
