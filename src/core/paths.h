/* paths.h: where meerstem's files live (XDG base directories). */
#ifndef MEERSTEM_PATHS_H
#define MEERSTEM_PATHS_H

/* Shipped data (catalogue.ini, demo/): $MEERSTEM_DATADIR, else the
 * installed directory. */
const char *paths_datadir(void);
/* Newly allocated paths, or NULL with the error set. */
char *paths_data_file(const char *name);	/* in paths_datadir() */
char *paths_default_db(void);	/* $MEERSTEM_DB, else XDG data home */
char *paths_demo_db(void);	/* demo.db in the XDG data home */
/* The user's config.ini if it exists, else NULL (no error). */
char *paths_user_config(void);
/* Create the directories above PATH (mode 0700) if missing. */
int paths_make_parent(const char *path);

#endif
