/* catalogue.h: the phases and participation forms. Shipped as an INI
 * file, loaded into the database by init, read back for printing and
 * for the gap check's suggestions. Small enough to hold in memory. */
#ifndef MEERSTEM_CATALOGUE_H
#define MEERSTEM_CATALOGUE_H

#include <stddef.h>

struct db;

#define CAT_CODE_MAX 32

struct cat_phase {
	char code[CAT_CODE_MAX + 1];
	char *name_nl, *name_en, *description;
};

struct cat_form {
	char code[CAT_CODE_MAX + 1];
	char *name_nl, *name_en;
	char level[16], representative[8];
	char commitment[8], effort[8], cost[8];
	char *purpose, *pros, *cons;
	unsigned reach_good, reach_bad;	/* bit i: vocab_voice code i */
	unsigned phases;		/* bit i: phase i of the catalogue */
	int line;			/* first line of its section (file only) */
};

struct catalogue {
	struct cat_phase *phases;
	size_t n_phases;
	struct cat_form *forms;
	size_t n_forms;
};

/* Read and check an INI catalogue; ST_INPUT naming file and line. */
int catalogue_read_file(struct catalogue *cat, const char *path);
/* Read the catalogue stored in the database. */
int catalogue_read_db(struct catalogue *cat, struct db *db);
/* Store CAT in the database, updating by code, as one transaction. */
int catalogue_store(struct db *db, const struct catalogue *cat);
void catalogue_free(struct catalogue *cat);

/* The name in the user's language. */
const char *catalogue_phase_name(const struct cat_phase *p);
const char *catalogue_form_name(const struct cat_form *f);
/* Index of a phase or form code, or -1. */
int catalogue_phase_index(const struct catalogue *cat, const char *code);
int catalogue_form_index(const struct catalogue *cat, const char *code);

#endif
