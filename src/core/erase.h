/* erase.h: erasing one stakeholder's personal data everywhere: its
 * name and contact in the register, every mention of them in the free
 * text of the database and in the change log, the old copies SQLite
 * keeps in free pages and the -wal file, and the automatic backups. */
#ifndef MEERSTEM_ERASE_H
#define MEERSTEM_ERASE_H

#include <sqlite3.h>

struct db;

struct erase_report {
	char pseudonym[32];	/* the entry's new name: "[erased 12]" */
	long texts;		/* texts rewritten: fields that mentioned it */
	int backups;		/* automatic backups (FILE.bak-vN) scrubbed */
	int wal_busy;		/* another process kept old pages in the -wal */
};

/* Erase the stakeholder NAME (matched as in the register). Each
 * automatic backup is scrubbed first, then the database: the entry
 * stays, under a pseudonym, so that counts and the gap check keep their
 * meaning; its contact is emptied; each mention of its name or of a
 * part of its contact (whole words, ignoring case) in any free text is
 * replaced by the pseudonym; all of it as one transaction, logged
 * without the name. Then the -wal file is checkpointed and truncated
 * (secure_delete zeroes what the change freed). Interrupted, it can be
 * run again until the register no longer knows the name. */
int erase_stakeholder(struct db *db, const char *name, struct erase_report *r);

/* TEXT with every mention of NEEDLE (a whole word or words, ignoring
 * case, as erase_stakeholder finds them) replaced by WITH: a new string,
 * or NULL when out of memory. An empty NEEDLE, or one that is not
 * UTF-8, replaces nothing. */
char *erase_replace(const char *text, const char *needle, const char *with);

#endif
