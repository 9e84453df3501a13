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

/* The detail of an update: "voice: unknown -> vulnerable; impact: 1 -> 3".
 * Long values are shortened; a detail that does not fit ends in "...". */
struct changelog_diff {
	char text[512];
	size_t len;
};

void changelog_diff_init(struct changelog_diff *d);
void changelog_diff_text(struct changelog_diff *d, const char *field,
    const char *before, const char *after);
void changelog_diff_int(struct changelog_diff *d, const char *field,
    long long before, long long after);
/* The detail so far, or "no change". */
const char *changelog_diff_str(const struct changelog_diff *d);

#endif
