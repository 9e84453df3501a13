/* vocab.c: the code tables of CONTRACT.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "vocab.h"

#define VOCAB(var, ...) \
	static const char *const var##_codes[] = { __VA_ARGS__, NULL }

VOCAB(level, "inform", "advise", "codecide", "decide");
static const char *const level_labels[] = {
	NC_("level of involvement", "inform"),
	NC_("level of involvement", "advise"),
	NC_("level of involvement", "co-decide"),
	NC_("level of involvement", "decide"),
};
const struct vocab vocab_level = { N_("level of involvement"), level_codes,
    level_labels };

VOCAB(voice, "vulnerable", "critical", "silent_majority",
    "silent_middle", "established", "unknown");
static const char *const voice_labels[] = {
	NC_("voice", "vulnerable"),
	NC_("voice", "critical"),
	NC_("voice", "silent majority"),
	NC_("voice", "silent middle"),
	NC_("voice", "established"),
	NC_("voice", "unknown"),
};
const struct vocab vocab_voice = { N_("voice"), voice_codes, voice_labels };

VOCAB(kind, "organisation", "group", "person");
static const char *const kind_labels[] = {
	NC_("kind", "organisation"),
	NC_("kind", "group"),
	NC_("kind", "person"),
};
const struct vocab vocab_kind = { N_("kind"), kind_codes, kind_labels };

VOCAB(delegation, "employers", "employees", "crown",
    "advisory", "none");
static const char *const delegation_labels[] = {
	NC_("delegation", "employers"),
	NC_("delegation", "employees"),
	NC_("delegation", "crown members"),
	NC_("delegation", "advisory members"),
	NC_("delegation", "none"),
};
const struct vocab vocab_delegation = { N_("delegation"), delegation_codes,
    delegation_labels };

VOCAB(session_status, "planned", "held", "cancelled");
static const char *const session_status_labels[] = {
	NC_("session status", "planned"),
	NC_("session status", "held"),
	NC_("session status", "cancelled"),
};
const struct vocab vocab_session_status = { N_("session status"),
    session_status_codes, session_status_labels };

VOCAB(role, "participant", "speaker", "listener");
static const char *const role_labels[] = {
	NC_("role", "participant"),
	NC_("role", "speaker"),
	NC_("role", "listener"),
};
const struct vocab vocab_role = { N_("role"), role_codes, role_labels };

VOCAB(disposition, "open", "adopted", "partly", "rejected");
static const char *const disposition_labels[] = {
	NC_("disposition", "open"),
	NC_("disposition", "adopted"),
	NC_("disposition", "partly adopted"),
	NC_("disposition", "not adopted"),
};
const struct vocab vocab_disposition = { N_("disposition"),
    disposition_codes, disposition_labels };

VOCAB(gap, "UNHEARD", "VOICE_MISSING", "LATE", "UNSUITED_FORM",
    "NO_FEEDBACK", "INPUT_UNANSWERED", "UNDERREPRESENTED",
    "DELEGATION_IMBALANCE");
static const char *const gap_labels[] = {
	NC_("gap code", "unheard"),
	NC_("gap code", "voice missing"),
	NC_("gap code", "heard late"),
	NC_("gap code", "unsuited form"),
	NC_("gap code", "no feedback"),
	NC_("gap code", "input unanswered"),
	NC_("gap code", "under-represented"),
	NC_("gap code", "delegation imbalance"),
};
const struct vocab vocab_gap = { N_("gap code"), gap_codes, gap_labels };

VOCAB(severity, "high", "medium", "low");
static const char *const severity_labels[] = {
	NC_("severity", "high"),
	NC_("severity", "medium"),
	NC_("severity", "low"),
};
const struct vocab vocab_severity = { N_("severity"), severity_codes,
    severity_labels };

VOCAB(degree, "low", "medium", "high");
static const char *const degree_labels[] = {
	NC_("degree", "low"),
	NC_("degree", "medium"),
	NC_("degree", "high"),
};
const struct vocab vocab_degree = { N_("degree"), degree_codes,
    degree_labels };

VOCAB(representative, "yes", "partly", "no");
static const char *const representative_labels[] = {
	NC_("representative", "yes"),
	NC_("representative", "partly"),
	NC_("representative", "no"),
};
const struct vocab vocab_representative = { N_("representative"),
    representative_codes, representative_labels };

VOCAB(trajectory_status, "active", "adopted", "closed");
static const char *const trajectory_status_labels[] = {
	NC_("trajectory status", "active"),
	NC_("trajectory status", "adopted"),
	NC_("trajectory status", "closed"),
};
const struct vocab vocab_trajectory_status = { N_("trajectory status"),
    trajectory_status_codes, trajectory_status_labels };

int
vocab_count(const struct vocab *v)
{
	int n = 0;

	while (v->codes[n] != NULL)
		n++;
	return n;
}

int
vocab_index(const struct vocab *v, const char *code)
{
	int i;

	if (code == NULL)
		return -1;
	for (i = 0; v->codes[i] != NULL; i++)
		if (strcmp(v->codes[i], code) == 0)
			return i;
	return -1;
}

const char *
vocab_label(const struct vocab *v, const char *code)
{
	int i = vocab_index(v, code);

	return i < 0 ? code : i18n_pgettext(v->name, v->labels[i]);
}

int
vocab_check(const struct vocab *v, const char *code)
{
	char list[512];
	size_t len = 0;
	int i;

	if (vocab_index(v, code) >= 0)
		return ST_OK;
	list[0] = '\0';
	for (i = 0; v->codes[i] != NULL && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", v->codes[i]);
	return err_set(ST_INPUT, _("bad %s '%s': expected one of %s"),
	    _(v->name), code, list);
}

int
vocab_check_field(const struct vocab *v, char *code, size_t size,
    const char *def, const char *field)
{
	int rc;

	if (code[0] == '\0')
		snprintf(code, size, "%s", def);
	if ((rc = vocab_check(v, code)) != ST_OK)
		err_at(field);
	return rc;
}
