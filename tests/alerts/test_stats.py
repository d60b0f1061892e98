"""The hand-written count distributions against values any statistics table gives."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.alerts.stats import CountModel, fit


def test_poisson_quantiles_match_tables() -> None:
    # Poisson(5): P(X<=10) = 0.98630, P(X<=11) = 0.99455 -> the 99 % quantile is 11.
    m = CountModel(5.0)
    assert m.cdf(10) == pytest.approx(0.986305, abs=1e-6)
    assert m.quantile(0.99) == 11
    assert m.quantile(0.95) == 9
    # Normal approximation for a large mean: 1000 + 2.326 * sqrt(1000) ~ 1073.6.
    assert CountModel(1000.0).quantile(0.99) == 1074


def test_upper_tail_keeps_precision_far_out() -> None:
    m = CountModel(2.0)
    # P(X >= 30) for Poisson(2) is about 5.9e-25 (P(X = 30) = e^-2 2^30 / 30! = 5.5e-25): 1 - cdf would round to 0.
    assert 5.5e-25 < m.sf(30) < 6.2e-25
    assert m.sf(0) == 1.0


def test_negative_binomial_is_wider_than_poisson_at_same_mean() -> None:
    nb = CountModel(5.0, size=2.0)
    assert nb.variance == pytest.approx(5 + 25 / 2)
    assert nb.quantile(0.99) > CountModel(5.0).quantile(0.99)
    assert sum(nb.pmf(k) for k in range(400)) == pytest.approx(1.0, abs=1e-9)
    assert sum(k * nb.pmf(k) for k in range(400)) == pytest.approx(5.0, abs=1e-6)


@given(
    mean=st.floats(min_value=0.05, max_value=200),
    size=st.one_of(st.none(), st.floats(min_value=0.3, max_value=50)),
    k=st.integers(min_value=1, max_value=400),
)
def test_tail_and_cdf_agree(mean: float, size: float | None, k: int) -> None:
    m = CountModel(mean, size)
    assert m.sf(k) == pytest.approx(1.0 - m.cdf(k - 1), abs=1e-9)
    q = m.quantile(0.99)
    assert m.cdf(q) >= 0.99 - 1e-12
    assert q == 0 or m.cdf(q - 1) < 0.99


def test_fit_picks_poisson_or_negative_binomial() -> None:
    calm = fit([3, 4, 3, 5, 4, 3, 4, 4])
    assert calm.size is None and calm.mean == pytest.approx(3.75)
    bursty = fit([0, 0, 12, 1, 0, 9, 0, 2])
    assert bursty.size is not None and bursty.variance > bursty.mean
    assert fit([0] * 8, min_mean=0.25).mean == 0.25
    assert math.isclose(fit([]).mean, 0.0)
