/* changelog.h: the accountability record: who changed what, when. */
#ifndef MEERSTEM_CHANGELOG_H
#define MEERSTEM_CHANGELOG_H

struct db;

/* Add a record inside the caller's transaction. TRAJECTORY is a code or
 * NULL; ACTION is "entity.verb" (stakeholder.update); SUBJECT names
 * the record (a name, a ref); DETAIL says what changed. */
int changelog_add(struct db *db, const char *trajectory, const char *action,
    const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
