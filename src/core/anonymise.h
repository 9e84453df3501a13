/* anonymise.h: pseudonyms for the people of one trajectory, for an
 * anonymised export: each stakeholder of kind person gets "Person ID"
 * (its register id) and each commission member who is not such a
 * stakeholder "Member ID", so that the same person has the same
 * pseudonym in every file and every run; organisations and groups keep
 * their names. Free text loses the people's names and contact details
 * as erase finds them. */
#ifndef MEERSTEM_ANONYMISE_H
#define MEERSTEM_ANONYMISE_H

#include <sqlite3.h>

struct db;
struct anon;

/* The people of trajectory TRAJ: the persons involved in it or
 * attending its sessions, and its commission's members. */
int anon_open(struct db *db, sqlite3_int64 traj, struct anon **out);
void anon_free(struct anon *a);

/* The pseudonym of the person or member called NAME (matched as in the
 * register), or NULL when NAME is nobody's. */
const char *anon_name(const struct anon *a, const char *name);

/* TEXT with every mention of a person's or member's name (in full, or
 * without titles such as "Prof. dr." and a trailing "(...)") replaced by
 * the pseudonym, and every part of a contact by "[contact]": a new
 * string for the caller to free; NULL when TEXT is NULL or memory ran
 * out (ST_FAIL set). */
char *anon_text(const struct anon *a, const char *text);

#endif
