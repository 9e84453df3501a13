/* status.c: the hint line and the status line at the bottom. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "status.h"
#include "ui.h"

void
status_hints(struct tui *t, const enum action *hints)
{
	const struct keydef *d;
	char key[32];
	int x = 0, y = LINES - 2;

	for (; hints != NULL && *hints != AC_NONE && x < COLS; hints++) {
		if ((d = keys_def(*hints)) == NULL || d->hint == NULL)
			continue;
		if (t->read_only && (d->flags & KF_EDIT))
			continue;
		keys_first(*hints, key, sizeof key);
		if (x + draw_width(key) + draw_width(_(d->hint)) + 1 > COLS)
			break;
		x += draw_text(y, x, COLS - x, key, colour(R_HINT_KEY), 0);
		x += draw_text(y, x, COLS - x, " ", colour(R_HINT), 0);
		x += draw_text(y, x, COLS - x, _(d->hint), colour(R_HINT), 0);
		/* A hint that ends at the edge gets no gap, not an ellipsis. */
		if (COLS - x < 2)
			break;
		x += draw_text(y, x, COLS - x, "  ", colour(R_HINT), 0);
	}
}

/* The database file, with the home directory as ~. */
static void
short_path(const char *path, char *buf, size_t size)
{
	const char *home = getenv("HOME");
	size_t n = home != NULL ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		snprintf(buf, size, "~%s", path + n);
	else
		snprintf(buf, size, "%s", path);
}

void
status_draw(struct tui *t)
{
	char left[1024], path[900], where[64] = "";
	const char *show;
	int y = LINES - 1, wl, wr;

	if (t->message[0] != '\0')
		draw_text(LINES - 2, 0, COLS, t->message, colour(t->message_error ?
		    R_ERROR : R_MESSAGE), 0);
	else if (t->top != NULL)
		status_hints(t, t->top->hints);
	if (t->top != NULL && t->top->ops->where != NULL)
		t->top->ops->where(t->top, where, sizeof where);
	short_path(t->db_path, path, sizeof path);
	draw_fill(y, 0, COLS, colour(R_STATUS));
	wr = draw_width(where);
	snprintf(left, sizeof left, " %s%s%s", t->traj_code[0] ? t->traj_code : "",
	    t->traj_code[0] ? "  " : "", t->read_only ? _("[read-only]  ") : "");
	wl = draw_text(y, 0, COLS - wr - 2, left, colour(R_STATUS), 0);
	/* The file gets what is left, cut from the left: its name matters. */
	show = path;
	while (*show != '\0' && draw_width(show) > COLS - wl - wr - 3)
		do
			show++;
		while ((*show & 0xc0) == 0x80);
	draw_text(y, wl, COLS - wl - wr - 2, show, colour(R_STATUS), 0);
	draw_text(y, COLS - wr - 1, wr, where, colour(R_STATUS), 0);
}
