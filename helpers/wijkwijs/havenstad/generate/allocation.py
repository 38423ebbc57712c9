"""Who the households are, and how a searcher gets a dwelling (used by step 3).

:func:`new_households` draws the static attributes of new households;
:func:`allocate` gives searchers vacant dwellings by two noisy rank matchings, first
of income to tenure, then of bid to price within a tenure.

>>> rng = np.random.default_rng(0)
>>> sorted(new_households(3, rng, initial=True, year=2011))
['age0', 'background', 'hh_type', 'lifestyle', 'n_children', 'persons', 'z_perm']
"""

from __future__ import annotations

import numpy as np

from wijkwijs.havenstad.constants import FIRST_YEAR
from wijkwijs.havenstad.generate.codes import (
    CITY_WIDE,
    COUPLE,
    COUPLE_WITH_CHILDREN,
    EUROPE,
    NEIGHBOURHOOD,
    NETHERLANDS,
    OUTSIDE_EUROPE,
    OWNER,
    PRIVATE,
    SINGLE,
    SINGLE_PARENT,
    SOCIAL,
)
from wijkwijs.havenstad.generate.incomes import BOTTOM_10_SCORE, logistic
from wijkwijs.havenstad.generate.scenario import PASSEND_PUSH, TARGETING_STEP, TOP_BID_GROWTH


def new_households(n: int, rng: np.random.Generator, initial: bool, year: int) -> dict:
    """Static attributes of ``n`` new households (initial population or newcomers).

    Newcomers are richer every year from 2015 (the "return to the city" of young
    graduates), so the city can gentrify while poorer households are pushed out.
    Household types, backgrounds and lifestyles are codes (:mod:`.codes`).
    """
    if initial:
        age = np.clip(20 + rng.gamma(2.6, 11.5, n), 19, 95)
    else:
        age = np.clip(20 + rng.gamma(2.0, 6.5, n), 19, 90)
    z = rng.normal(0.03 + 0.05 * max(0, year - 2014), 1.22, n) + 0.012 * np.clip(age - 45, -20, 15)
    r = rng.random(n)
    p_kids = np.where((age >= 27) & (age <= 55), 0.42, 0.06)
    p_single_parent = np.where((age >= 24) & (age <= 55), 0.05 + 0.04 * (z < -0.5), 0.01)
    p_couple = np.where(age > 55, 0.40, 0.25)
    hh_type = np.select([r < p_kids, r < p_kids + p_single_parent,
                         r < p_kids + p_single_parent + p_couple],
                        [COUPLE_WITH_CHILDREN, SINGLE_PARENT, COUPLE], SINGLE)
    with_children = np.isin(hh_type, (COUPLE_WITH_CHILDREN, SINGLE_PARENT))
    n_children = np.where(with_children, rng.integers(1, 4, n), 0)
    n_children = np.where(hh_type == SINGLE_PARENT, np.minimum(n_children, 2), n_children)
    persons = np.select([hh_type == SINGLE, hh_type == COUPLE, hh_type == COUPLE_WITH_CHILDREN],
                        [1, 2, 2 + n_children], 1 + n_children)
    p_out = logistic(-1.27 - 0.75 * z + 0.4 * (age < 45))
    r = rng.random(n)
    background = np.where(r < p_out, OUTSIDE_EUROPE,
                          np.where(r < p_out + 0.08, EUROPE, NETHERLANDS))
    p_local = logistic(-0.1 + 0.9 * (n_children > 0) + 0.6 * (age >= 65)
                       - 0.35 * z - 0.8 * (age < 30) + 0.3 * (background == OUTSIDE_EUROPE))
    lifestyle = np.where(rng.random(n) < p_local, NEIGHBOURHOOD, CITY_WIDE)
    return {"z_perm": z, "age0": age, "hh_type": hh_type, "n_children": n_children,
            "persons": persons, "background": background, "lifestyle": lifestyle}


def _rank_match(score: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Return, for each score, the index into ``value`` of equal rank (len equal)."""
    order_s = np.argsort(score, kind="stable")
    order_v = np.argsort(value, kind="stable")
    out = np.empty(len(score), dtype=np.int64)
    out[order_s] = order_v
    return out


def allocate(z: np.ndarray, age: np.ndarray, urgent: np.ndarray, vacant: np.ndarray,
             d_tenure: np.ndarray, d_price: np.ndarray, year: int,
             rng: np.random.Generator) -> np.ndarray:
    """Give each searcher one of the vacant dwellings; return dwelling ids.

    Two noisy rank matchings: first tenure (the lowest scores get social rent, the
    highest owner-occupation), then within a tenure income rank to price rank. Social
    allocation is more targeted on low incomes every year (EU income limit 2011,
    passend toewijzen 2016): its noise falls from 1.6 to 0.64 (2019). From 2016 the
    national bottom 10 % are steered to the cheapest social homes (passend toewijzen),
    and the bid premium of the very rich grows (see
    :data:`~.scenario.TOP_BID_GROWTH`). Urgent searchers (displaced by demolition) get
    priority for social rent.

    >>> rng = np.random.default_rng(0)
    >>> tenure, price = np.array([SOCIAL, OWNER]), np.array([-1.0, 2.0])
    >>> allocate(np.array([2.0, -2.0]), np.array([40.0, 40.0]), np.zeros(2, bool),
    ...          np.arange(2), tenure, price, 2011, rng).tolist()
    [1, 0]
    """
    n = len(z)
    if n > len(vacant):
        raise RuntimeError("more searchers than vacant dwellings")
    chosen = rng.permutation(vacant)[:n]
    ten = d_tenure[chosen]
    n_social, n_owner = int((ten == SOCIAL).sum()), int((ten == OWNER).sum())
    social_noise = 1.6 - TARGETING_STEP * min(year - FIRST_YEAR, 8)
    social_score = z + rng.normal(0, social_noise, n) - 3.0 * urgent
    order = np.argsort(social_score, kind="stable")
    tenure_of = np.full(n, PRIVATE)
    tenure_of[order[:n_social]] = SOCIAL
    rest = order[n_social:]
    owner_score = z[rest] + rng.normal(0, 1.0, len(rest)) + 0.015 * np.clip(age[rest] - 35,
                                                                          -15, 10)
    top = rest[np.argsort(owner_score, kind="stable")[len(rest) - n_owner:]]
    tenure_of[top] = OWNER
    out = np.empty(n, dtype=np.int64)
    # the very rich out-bid everybody, more and more so from 2015 (a rising premium)
    convexity = 0.6 + TOP_BID_GROWTH * min(max(year - 2014, 0), 6)
    bid = z + convexity * np.clip(z - 1.5, 0, None) ** 2
    # passend toewijzen (2016): the lowest incomes are steered to the cheapest social homes
    if year >= 2016:
        bid = bid - np.where(tenure_of == SOCIAL, PASSEND_PUSH * (z < BOTTOM_10_SCORE), 0.0)
    for k, noise in ((SOCIAL, 3.0), (PRIVATE, 2.0), (OWNER, 1.2)):
        who = np.flatnonzero(tenure_of == k)
        homes = chosen[ten == k]
        if len(who) == 0:
            continue
        match = _rank_match(bid[who] + rng.normal(0, noise, len(who)),
                            d_price[homes] + rng.normal(0, 0.15, len(homes)))
        out[who] = homes[match]
    return out
