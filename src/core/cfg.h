/* cfg.h: the configuration file (config.ini), read with inih.
 * Every key the core knows is a row of a table with its type, range,
 * default and help; the interface reads its own sections ([interface],
 * [colours], [keys]) from the raw entries kept here. */
#ifndef MEERSTEM_CFG_H
#define MEERSTEM_CFG_H

#include <stddef.h>

struct cfg_entry {
	char *section, *key, *value;
	int line;
};

struct cfg {
	char *path;			/* NULL when only defaults are in use */
	/* [gaps] */
	int impact_threshold;
	char late_phase[33];
	int late_phase_line;		/* where it was set, for messages */
	int feedback_days;
	double underrepresentation_ratio;
	double delegation_max_ratio;
	/* [reports] */
	int min_group_size;
	/* [interface], [colours], [keys], in file order */
	struct cfg_entry *entries;
	size_t n_entries;
};

/* One documented key of the core's sections. */
struct cfg_key {
	const char *section, *key, *def, *help;
};

void cfg_defaults(struct cfg *cfg);
/* Read PATH over the defaults. Unknown keys and sections are warnings
 * naming file and line; a bad value is ST_INPUT naming file and line. */
int cfg_load(struct cfg *cfg, const char *path);
void cfg_free(struct cfg *cfg);
/* The table of keys, for --help, the man page and the tests. */
const struct cfg_key *cfg_keys(size_t *n);

#endif
