/* outfile.h: files meerstem writes outside SQLite (exports, reports,
 * backups). They are written to a temporary file in the destination's
 * directory and renamed into place, so a reader never sees half a file
 * and a failure leaves the old file as it was. "-" is standard output. */
#ifndef MEERSTEM_OUTFILE_H
#define MEERSTEM_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

struct outfile;

/* MODE is the final file's mode before the umask (0600 for files that
 * hold personal data in bulk, 0666 otherwise). */
int outfile_open(struct outfile **out, const char *path, mode_t mode);
FILE *outfile_fp(struct outfile *of);
/* Name of the temporary file (also for "-", where one is made in
 * $TMPDIR only when asked for by this call). */
const char *outfile_temp_path(struct outfile *of);
/* Flush, sync and rename into place; reports a full disk or any other
 * write error and then leaves the destination untouched. */
int outfile_commit(struct outfile *of);
/* For a temporary file written by name (SQLite's backup): sync it and
 * rename it into place, or copy it to standard output for "-". */
int outfile_commit_file(struct outfile *of);
void outfile_abort(struct outfile *of);

#endif
