/* cfg.c: defaults, parsing and checking of config.ini. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "error.h"
#include "i18n.h"
#include "inifile.h"

enum cfg_type { T_INT, T_REAL, T_CODE };

struct key_def {
	struct cfg_key doc;
	enum cfg_type type;
	double min, max;
	size_t offset;
};

#define AT(field) offsetof(struct cfg, field)

static const struct key_def keys[] = {
	{ { "gaps", "impact_threshold", "2",
	    N_("impact (0-3) at or above which a stakeholder must be heard") },
	    T_INT, 0, 3, AT(impact_threshold) },
	{ { "gaps", "late_phase", "options",
	    N_("a stakeholder first heard in this phase or later is heard late") },
	    T_CODE, 0, 0, AT(late_phase) },
	{ { "gaps", "feedback_days", "42",
	    N_("days after a held session by which feedback is due") },
	    T_INT, 1, 3650, AT(feedback_days) },
	{ { "gaps", "underrepresentation_ratio", "0.8",
	    N_("a share below this times the benchmark share is under-represented") },
	    T_REAL, 0.01, 1, AT(underrepresentation_ratio) },
	{ { "gaps", "delegation_max_ratio", "1.5",
	    N_("largest over smallest of the employers, employees and crown delegations") },
	    T_REAL, 1, 100, AT(delegation_max_ratio) },
	{ { "reports", "min_group_size", "5",
	    N_("counts below this are shown as \"< N\" in profile breakdowns") },
	    T_INT, 1, 1000, AT(min_group_size) },
};

#define NKEYS (sizeof keys / sizeof keys[0])

/* Sections the interface reads; kept raw, checked by the interface. */
static const char *const raw_sections[] = { "interface", "colours", "keys", NULL };

const struct cfg_key *
cfg_keys(size_t *n)
{
	static struct cfg_key docs[NKEYS];
	size_t i;

	for (i = 0; i < NKEYS; i++)
		docs[i] = keys[i].doc;
	*n = NKEYS;
	return docs;
}

/* Numbers in the file are written with a point whatever the locale:
 * under nl_NL strtod would stop at "0.8" after the 0. */
static double
strtod_c(const char *s, char **end)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0), old;
	double d;

	if (c == (locale_t)0)
		return strtod(s, end);
	old = uselocale(c);
	d = strtod(s, end);
	uselocale(old);
	freelocale(c);
	return d;
}

static int
set_value(struct cfg *cfg, const struct key_def *k, const char *value)
{
	char *end;
	double d;
	long l;

	switch (k->type) {
	case T_INT:
		errno = 0;
		l = strtol(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' || l < k->min ||
		    l > k->max)
			return err_set(ST_INPUT, _("%s: bad value '%s': expected "
			    "a whole number from %g to %g"), k->doc.key, value,
			    k->min, k->max);
		*(int *)((char *)cfg + k->offset) = (int)l;
		return ST_OK;
	case T_REAL:
		errno = 0;
		d = strtod_c(value, &end);
		if (errno != 0 || end == value || *end != '\0' || !isfinite(d) ||
		    d < k->min || d > k->max)
			return err_set(ST_INPUT, _("%s: bad value '%s': expected "
			    "a number from %g to %g"), k->doc.key, value, k->min,
			    k->max);
		*(double *)((char *)cfg + k->offset) = d;
		return ST_OK;
	case T_CODE:
		if (*value == '\0' || strlen(value) >= sizeof cfg->late_phase ||
		    strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789_") !=
		    strlen(value))
			return err_set(ST_INPUT, _("%s: bad value '%s': expected "
			    "a code such as options"), k->doc.key, value);
		strcpy((char *)cfg + k->offset, value);
		return ST_OK;
	}
	return ST_OK;
}

void
cfg_defaults(struct cfg *cfg)
{
	size_t i;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < NKEYS; i++)
		set_value(cfg, &keys[i], keys[i].doc.def);
}

static int
is_raw(const char *section)
{
	int i;

	for (i = 0; raw_sections[i] != NULL; i++)
		if (strcmp(section, raw_sections[i]) == 0)
			return 1;
	return 0;
}

static int
add_entry(struct cfg *cfg, const char *section, const char *key,
    const char *value, int line)
{
	struct cfg_entry *e;

	e = realloc(cfg->entries, (cfg->n_entries + 1) * sizeof *e);
	if (e == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	cfg->entries = e;
	e += cfg->n_entries;
	e->section = strdup(section);
	e->key = strdup(key);
	e->value = strdup(value);
	e->line = line;
	cfg->n_entries++;
	if (e->section == NULL || e->key == NULL || e->value == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return ST_OK;
}

static int
handle(void *arg, const char *section, const char *key, const char *value,
    int line, int continued)
{
	struct cfg *cfg = arg;
	size_t i;
	int known_section = is_raw(section);

	if (continued)
		return err_set(ST_INPUT, _("%s: a value takes one line"), key);
	if (known_section)
		return add_entry(cfg, section, key, value, line);
	for (i = 0; i < NKEYS; i++) {
		if (strcmp(keys[i].doc.section, section) != 0)
			continue;
		known_section = 1;
		if (strcmp(keys[i].doc.key, key) != 0)
			continue;
		if (keys[i].offset == AT(late_phase))
			cfg->late_phase_line = line;
		return set_value(cfg, &keys[i], value);
	}
	if (known_section)
		err_warn(_("%s:%d: unknown key '%s' in [%s] ignored"), cfg->path,
		    line, key, section);
	else
		err_warn(_("%s:%d: unknown section [%s] ignored"), cfg->path,
		    line, section);
	return ST_OK;
}

int
cfg_load(struct cfg *cfg, const char *path)
{
	free(cfg->path);
	if ((cfg->path = strdup(path)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return inifile_parse(path, handle, cfg);
}

void
cfg_free(struct cfg *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_entries; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
	}
	free(cfg->entries);
	free(cfg->path);
	cfg->entries = NULL;
	cfg->n_entries = 0;
	cfg->path = NULL;
}
