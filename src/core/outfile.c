/* outfile.c: atomic replacement of output files (see outfile.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "i18n.h"
#include "outfile.h"

struct outfile {
	FILE *fp;
	char *path;	/* destination; NULL for standard output */
	char *tmp;	/* temporary file, or NULL */
	mode_t mode;
};

static char *
temp_name(const char *dest)
{
	const char *slash = strrchr(dest, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - dest) + 1 : 0;
	const char *base = dest + dirlen;
	size_t n = dirlen + strlen(base) + 32;
	char *t = malloc(n);

	if (t != NULL)
		snprintf(t, n, "%.*s.%s.tmp-XXXXXX", (int)dirlen, dest, base);
	return t;
}

static int
make_temp(struct outfile *of, const char *dest)
{
	int fd;

	if ((of->tmp = temp_name(dest)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if ((fd = mkstemp(of->tmp)) < 0) {
		int rc = err_sys(ST_FAIL, _("%s: cannot write"), dest);

		free(of->tmp);
		of->tmp = NULL;
		return rc;
	}
	if ((of->fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(of->tmp);
		return err_sys(ST_FAIL, _("%s: cannot write"), dest);
	}
	return ST_OK;
}

int
outfile_open(struct outfile **out, const char *path, mode_t mode)
{
	struct outfile *of = calloc(1, sizeof *of);
	int rc;

	*out = NULL;
	if (of == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	of->mode = mode;
	if (strcmp(path, "-") == 0) {
		of->fp = stdout;
		*out = of;
		return ST_OK;
	}
	if ((of->path = strdup(path)) == NULL) {
		free(of);
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	if ((rc = make_temp(of, path)) != ST_OK) {
		free(of->path);
		free(of);
		return rc;
	}
	*out = of;
	return ST_OK;
}

FILE *
outfile_fp(struct outfile *of)
{
	return of->fp;
}

const char *
outfile_temp_path(struct outfile *of)
{
	if (of->tmp == NULL && of->path == NULL) {
		const char *dir = getenv("TMPDIR");
		char buf[4096];

		snprintf(buf, sizeof buf, "%s/meerstem",
		    dir != NULL && *dir != '\0' ? dir : "/tmp");
		if (make_temp(of, buf) != ST_OK)
			return NULL;
	}
	return of->tmp;
}

static void
free_outfile(struct outfile *of)
{
	free(of->path);
	free(of->tmp);
	free(of);
}

void
outfile_abort(struct outfile *of)
{
	if (of == NULL)
		return;
	if (of->fp != NULL && of->fp != stdout)
		fclose(of->fp);
	if (of->tmp != NULL)
		unlink(of->tmp);
	free_outfile(of);
}

static int
sync_dir(const char *path)
{
	char *copy = strdup(path);
	int fd;

	if (copy == NULL)
		return -1;
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(copy);
	if (fd < 0)
		return -1;
	fsync(fd);	/* best effort: some file systems refuse it */
	close(fd);
	return 0;
}

/* Record the failure, remove the temporary file, free OF. */
static int
fail_temp(struct outfile *of)
{
	int rc = err_sys(ST_FAIL, _("%s: cannot write"), of->path);

	outfile_abort(of);
	return rc;
}

static int
finish_temp(struct outfile *of)
{
	mode_t mask = umask(0);
	int bad;

	umask(mask);
	if (fflush(of->fp) != 0 || ferror(of->fp) ||
	    fchmod(fileno(of->fp), of->mode & ~mask) != 0 ||
	    fsync(fileno(of->fp)) != 0)
		return fail_temp(of);
	bad = fclose(of->fp) != 0;
	of->fp = NULL;
	if (bad || rename(of->tmp, of->path) != 0)
		return fail_temp(of);
	sync_dir(of->path);
	free_outfile(of);
	return ST_OK;
}

int
outfile_commit(struct outfile *of)
{
	if (of->path == NULL) {
		int bad = fflush(stdout) != 0 || ferror(stdout);

		free_outfile(of);
		if (bad)
			return err_sys(ST_FAIL, "%s", _("cannot write to standard output"));
		return ST_OK;
	}
	return finish_temp(of);
}

static int
copy_to_stdout(struct outfile *of)
{
	FILE *in = fopen(of->tmp, "rb");
	char buf[65536];
	size_t n;
	int bad = 0;

	if (in == NULL)
		return err_sys(ST_FAIL, "%s", of->tmp);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, stdout) != n) {
			bad = 1;
			break;
		}
	if (ferror(in))
		bad = 1;
	fclose(in);
	if (fflush(stdout) != 0)
		bad = 1;
	return bad ? err_sys(ST_FAIL, "%s", _("cannot write to standard output")) : ST_OK;
}

int
outfile_commit_file(struct outfile *of)
{
	int rc;

	if (of->path != NULL)
		return finish_temp(of);	/* the FILE is still open on the temp */
	rc = copy_to_stdout(of);
	if (of->fp != NULL && of->fp != stdout)
		fclose(of->fp);
	of->fp = NULL;
	unlink(of->tmp);
	free_outfile(of);
	return rc;
}
