/* fuzz-catalogue.c: any bytes as a catalogue (catalogue.ini). Beyond not
 * crashing or leaking: a refusal names the file, and an accepted
 * catalogue is complete and consistent. */
#include "config.h"

#include <string.h>

#include "catalogue.h"
#include "error.h"
#include "fuzz.h"

static int
is_code(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= CAT_CODE_MAX && s[0] >= 'a' && s[0] <= 'z' &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static void
check(const struct catalogue *cat)
{
	size_t i;

	fuzz_assert(cat->n_phases >= 1 && cat->n_phases <= 32 &&
	    cat->n_forms >= 1, "%zu phases, %zu forms", cat->n_phases,
	    cat->n_forms);
	for (i = 0; i < cat->n_phases; i++) {
		const struct cat_phase *p = &cat->phases[i];

		fuzz_assert(is_code(p->code), "phase code '%s'", p->code);
		fuzz_assert(p->name_nl != NULL && p->name_en != NULL,
		    "phase '%s' without a name", p->code);
		fuzz_assert(catalogue_phase_index(cat, p->code) == (int)i,
		    "phase '%s' twice", p->code);
	}
	for (i = 0; i < cat->n_forms; i++) {
		const struct cat_form *f = &cat->forms[i];

		fuzz_assert(is_code(f->code), "form code '%s'", f->code);
		fuzz_assert(catalogue_form_index(cat, f->code) == (int)i,
		    "form '%s' twice", f->code);
		fuzz_assert(f->name_nl != NULL && f->name_en != NULL &&
		    f->level[0] != '\0' && f->representative[0] != '\0' &&
		    f->commitment[0] != '\0' && f->effort[0] != '\0' &&
		    f->cost[0] != '\0', "form '%s' incomplete", f->code);
		fuzz_assert(f->phases != 0 && (cat->n_phases == 32 ||
		    f->phases >> cat->n_phases == 0), "form '%s' phases %#x",
		    f->code, f->phases);
		fuzz_assert((f->reach_good & f->reach_bad) == 0,
		    "form '%s' reaches a voice well and badly", f->code);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file("catalogue.ini", data, size);
	struct catalogue cat;
	int rc;

	err_clear();
	rc = catalogue_read_file(&cat, path);
	fuzz_assert(rc == ST_OK || rc == ST_INPUT || rc == ST_FAIL,
	    "status %d", rc);
	if (rc != ST_OK) {
		fuzz_assert(strncmp(err_msg(), path, strlen(path)) == 0,
		    "the message does not name the file: %s", err_msg());
		fuzz_assert(cat.phases == NULL && cat.forms == NULL,
		    "a refused catalogue is not emptied");
	} else {
		check(&cat);
		catalogue_free(&cat);
	}
	return 0;
}
