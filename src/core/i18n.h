/* i18n.h: gettext shorthands used by every module that shows text. */
#ifndef MEERSTEM_I18N_H
#define MEERSTEM_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* Marks a label whose translation depends on its vocabulary CTX (the
 * input disposition "adopted" and the trajectory status "adopted"
 * differ in Dutch); translate it with i18n_pgettext(CTX, s). */
#define NC_(ctx, s) (s)

/* gettext with a message context, as xgettext's msgctxt records it. */
const char *i18n_pgettext(const char *ctx, const char *msgid);

/* Set up the message catalogue; MEERSTEM_LOCALEDIR overrides the
 * installed directory so tests can run uninstalled. */
void i18n_init(void);

/* True when messages are shown in Dutch, used to pick the Dutch or
 * English names that the catalogue carries side by side. */
int i18n_dutch(void);

#endif
