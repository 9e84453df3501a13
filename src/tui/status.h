/* status.h: the two bottom lines: key hints (or the last message, or a
 * prompt) and the status line (trajectory, database file, read-only,
 * position). */
#ifndef MEERSTEM_STATUS_H
#define MEERSTEM_STATUS_H

#include "ui.h"

void status_draw(struct tui *t);
/* Draw the hint line with the hints of the given actions. */
void status_hints(struct tui *t, const enum action *hints);

#endif
