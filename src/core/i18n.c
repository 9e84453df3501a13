/* i18n.c: locale and message-catalogue set-up. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void
i18n_init(void)
{
	const char *dir = getenv("MEERSTEM_LOCALEDIR");

	setlocale(LC_ALL, "");
	/* Numbers in files (CSV, JSON, INI) are written and read with a
	 * decimal point whatever the locale: a Dutch locale's comma would
	 * make strtod stop at "0.8" and printf write "0,8" into JSON. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

const char *
i18n_pgettext(const char *ctx, const char *msgid)
{
	static char key[512];
	const char *t;

	if (snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= (int)sizeof key)
		return msgid;
	t = gettext(key);
	return t == key ? msgid : t;
}

static int
starts_dutch(const char *s)
{
	return s != NULL && strncmp(s, "nl", 2) == 0 &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '.' || s[2] == ':' || s[2] == '@');
}

int
i18n_dutch(void)
{
	const char *lang = getenv("LANGUAGE");
	const char *msgs = setlocale(LC_MESSAGES, NULL);

	/* gettext ignores LANGUAGE in the C locale, so do the same. */
	if (msgs == NULL || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		return 0;
	if (lang != NULL && *lang != '\0')
		return starts_dutch(lang);
	return starts_dutch(msgs);
}
