/* stats.c: the exact one-sided binomial test (see stats.h), with libm
 * only. */
#include "config.h"

#include <math.h>

#include "stats.h"

/* Terms smaller than this share of the sum cannot change a double. */
#define NEGLIGIBLE 1e-17

double
stats_binom_cdf(long k, long n, double p)
{
	double term, sum, ratio;
	long i;

	if (k < 0)
		return 0;
	if (k >= n || p <= 0)
		return 1;
	if (p >= 1)
		return 0;
	term = exp(lgamma((double)n + 1) - lgamma((double)k + 1) -
	    lgamma((double)(n - k) + 1) + (double)k * log(p) +
	    (double)(n - k) * log1p(-p));
	sum = term;
	ratio = (1 - p) / p;
	/* pmf(i - 1) = pmf(i) * i / (n - i + 1) * (1 - p) / p. Below the
	 * mode the terms only shrink, so stopping at a negligible one is
	 * exact; above it they first grow and nothing stops early. */
	for (i = k; i > 0; i--) {
		term *= (double)i / (double)(n - i + 1) * ratio;
		sum += term;
		if (term < sum * NEGLIGIBLE)
			break;
	}
	return sum > 1 ? 1 : sum;
}
