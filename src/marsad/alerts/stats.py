"""Count distributions for the spike test: Poisson and negative binomial, written out by hand.

scipy is not a dependency and we need only three things per distribution: the log of the mass
function, the upper quantile (the alert threshold) and the upper tail probability (the score).
Everything is computed in log space with `math.lgamma`, so large means (a busy province with
hundreds of events a week) neither underflow nor overflow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Summation stops when a term is this small relative to the running total: far below anything an
# analyst reads on the screen, and it bounds the loop for very large means.
_REL_EPS = 1e-16


@dataclass(frozen=True, slots=True)
class CountModel:
    """A count distribution with mean `mean`; `size` is the negative-binomial r (None = Poisson).

    The variance is mean for Poisson and mean + mean**2 / size for the negative binomial: a small
    `size` means a bursty series, so a bigger jump is needed before it is unusual.
    """

    mean: float
    size: float | None = None

    @property
    def variance(self) -> float:
        if self.size is None:
            return self.mean
        return self.mean + self.mean * self.mean / self.size

    @property
    def name(self) -> str:
        return "poisson" if self.size is None else "negative-binomial"

    def logpmf(self, k: int) -> float:
        if k < 0:
            return -math.inf
        mu = self.mean
        if mu <= 0:
            return 0.0 if k == 0 else -math.inf
        if self.size is None:
            return k * math.log(mu) - mu - math.lgamma(k + 1)
        r = self.size
        # p = r / (r + mu): probability of a "success"; written with log1p for small mu / r.
        log_p = -math.log1p(mu / r)
        log_q = math.log(mu) - math.log(r + mu)
        return math.lgamma(k + r) - math.lgamma(r) - math.lgamma(k + 1) + r * log_p + k * log_q

    def pmf(self, k: int) -> float:
        return math.exp(self.logpmf(k))

    def cdf(self, k: int) -> float:
        """P(X <= k)."""
        if k < 0:
            return 0.0
        return min(1.0, math.fsum(self.pmf(i) for i in range(k + 1)))

    def sf(self, k: int) -> float:
        """P(X >= k), the upper tail including k (the p-value of observing k or more)."""
        if k <= 0:
            return 1.0
        if k <= self.mean:
            return max(0.0, 1.0 - self.cdf(k - 1))
        # Past the mode the terms only shrink: summing upwards keeps precision for tiny tails,
        # where 1 - cdf would round to zero.
        total = 0.0
        i = k
        while True:
            term = self.pmf(i)
            total += term
            if term <= total * _REL_EPS or term == 0.0:
                return min(1.0, total)
            i += 1

    def quantile(self, q: float) -> int:
        """The smallest k with P(X <= k) >= q."""
        if not 0.0 < q < 1.0:
            raise ValueError(f"quantile must be in (0, 1), got {q}")
        total = 0.0
        k = 0
        while True:
            total += self.pmf(k)
            if total >= q:
                return k
            # Guard against a q so close to 1 that rounding never reaches it.
            if k > self.mean + 50 * math.sqrt(self.variance) + 50:
                return k
            k += 1


def fit(values: list[float], min_mean: float = 0.0) -> CountModel:
    """Method-of-moments fit of a trailing window: Poisson, or negative binomial when overdispersed.

    `min_mean` floors the mean so a window of zeros still gives a usable (low) threshold rather
    than a degenerate distribution that calls any single event impossible.
    """
    if not values:
        return CountModel(mean=max(min_mean, 0.0))
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else mean
    mean_used = max(mean, min_mean)
    if var > mean > 0:
        size = mean * mean / (var - mean)
        return CountModel(mean=mean_used, size=size)
    return CountModel(mean=mean_used)
