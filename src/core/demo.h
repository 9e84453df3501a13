/* demo.h: the demo database, built from the shipped files in
 * share/meerstem/demo through the ordinary import. */
#ifndef MEERSTEM_DEMO_H
#define MEERSTEM_DEMO_H

/* Build the demo database at PATH: the catalogue, the trajectory of
 * demo/trajectory.ini and one import per CSV file, in a temporary file
 * beside PATH renamed into place; on failure PATH is left as it was. */
int demo_build(const char *path);
/* Build it unless PATH exists and is newer than every shipped file. */
int demo_ensure(const char *path);

#endif
