/* fuzz-cfg.c: any bytes as config.ini. Beyond not crashing or leaking:
 * a refusal names the file, and what is accepted is within range. */
#include "config.h"

#include <string.h>

#include "cfg.h"
#include "error.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("config.ini", data, size);
	struct cfg cfg;
	size_t i;
	int rc;

	cfg_defaults(&cfg);
	err_clear();
	rc = cfg_load(&cfg, path);
	fuzz_assert(rc == ST_OK || rc == ST_INPUT || rc == ST_FAIL,
	    "status %d", rc);
	if (rc != ST_OK)
		fuzz_assert(strncmp(err_msg(), path, strlen(path)) == 0,
		    "the message does not name the file: %s", err_msg());
	else {
		fuzz_assert(cfg.impact_threshold >= 0 && cfg.impact_threshold <= 3,
		    "impact_threshold %d", cfg.impact_threshold);
		fuzz_assert(cfg.feedback_days >= 1 && cfg.feedback_days <= 3650,
		    "feedback_days %d", cfg.feedback_days);
		fuzz_assert(cfg.underrepresentation_ratio >= 0.01 &&
		    cfg.underrepresentation_ratio <= 1, "ratio %g",
		    cfg.underrepresentation_ratio);
		fuzz_assert(cfg.delegation_max_ratio >= 1 &&
		    cfg.delegation_max_ratio <= 100, "ratio %g",
		    cfg.delegation_max_ratio);
		fuzz_assert(cfg.min_group_size >= 1 && cfg.min_group_size <= 1000,
		    "min_group_size %d", cfg.min_group_size);
		fuzz_assert(cfg.late_phase[0] != '\0' &&
		    strspn(cfg.late_phase, "abcdefghijklmnopqrstuvwxyz0123456789_") ==
		    strlen(cfg.late_phase), "late_phase '%s'", cfg.late_phase);
		for (i = 0; i < cfg.n_entries; i++)
			fuzz_assert(cfg.entries[i].line >= 1 &&
			    cfg.entries[i].section != NULL &&
			    cfg.entries[i].key != NULL &&
			    cfg.entries[i].value != NULL, "entry %zu", i);
	}
	cfg_free(&cfg);
	return 0;
}
