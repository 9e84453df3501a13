/* schema.h: the ordered migrations that build the schema. */
#ifndef MEERSTEM_SCHEMA_H
#define MEERSTEM_SCHEMA_H

/* migrations[i] takes a database from user_version i to i + 1. */
extern const char *const schema_migrations[];
extern const int schema_version;

#endif
