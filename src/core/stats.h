/* stats.h: the statistics of the gap check: how likely a sample share
 * this low is when the population share is the benchmark's. */
#ifndef MEERSTEM_STATS_H
#define MEERSTEM_STATS_H

/* P(X <= K) for X ~ Binomial(N, P): the one-sided p-value of K
 * successes in N trials against a population share P. Exact for any
 * N: the terms are summed from K downwards until they no longer count,
 * so a sample of a million costs a few thousand terms. */
double stats_binom_cdf(long k, long n, double p);

#endif
