/* inifile.h: reading INI files with inih, with exact line numbers and
 * without inih's silent splitting of long lines. */
#ifndef MEERSTEM_INIFILE_H
#define MEERSTEM_INIFILE_H

/* Called once per "key = value" line. CONTINUED is set for an indented
 * continuation line of the previous key. Return ST_OK, or a status with
 * the error set (without position: inifile_parse adds "FILE:LINE: "). */
typedef int (*inifile_fn)(void *arg, const char *section, const char *key,
    const char *value, int line, int continued);

/* Parse PATH; ST_INPUT with "PATH:LINE: reason" for a malformed line, a
 * line longer than 64 KiB, a NUL byte, invalid UTF-8 or a carriage
 * return inside a line; ST_FAIL if the file cannot be read. */
int inifile_parse(const char *path, inifile_fn fn, void *arg);

/* Parse a value as a boolean (yes/no, true/false, on/off, 1/0). */
int inifile_bool(const char *value, int *out);

#endif
