r"""Hunkering down and the neighbourhood's socio-economic status: an illustrative model.

Putnam (2007, "E Pluribus Unum: Diversity and Community in the Twenty-first Century",
*Scandinavian Political Studies* 30(2), 137–174) found in United States survey data that,
in the short run, residents of more ethnically diverse places report less trust and
fewer ties — also within their own group: they "hunker down". Custers (*Een betere wijk
begint ín de wijk*, in the dossier *Lokaal ideaal XL*) cites Putnam and adds that the size
of this challenge depends strongly on the neighbourhood's socio-economic status (SES).
Later work found that deprivation explains much of what looked like an effect of
diversity (e.g. Letki 2008, "Does diversity erode social cohesion? Social capital and race
in British neighbourhoods", *Political Studies* 56(1), 99–126; review: van der Meer &
Tolsma 2014, *Annual Review of Sociology* 40, 459–478).

The model in plain language (an illustration, not an estimate)
--------------------------------------------------------------
It runs the tie model :class:`wijkwijs.models.ties.TieModel` for a neighbourhood with a
minority share ``m`` (groups mixed at random over the houses) and an SES level ``s``
between 0 (low) and 1 (high). Its *hunkering* term lowers every resident's contact rate by
the diversity :math:`\delta = 1-\sum_g p_g^2` of their street:
:math:`e^{-h\,\delta}`. **Assumption of this module**: the strength :math:`h` falls
linearly with SES,

.. math:: h(s) = h_0\,(1 - b\,s), \qquad 0 \le b \le 1,

with ``hunkering`` :math:`= h_0` and ``ses_buffer`` :math:`= b`: at ``b = 0`` SES does not
matter; at ``b = 1`` a neighbourhood of the highest SES does not hunker down at all. SES
changes nothing else in the model (not incomes, not the number of places): a single,
stated channel, so that its effect can be read off.

Each neighbourhood is run twice with the same seed, with hunkering and without. The seed
fixes the residents, their places and the random numbers of every step, and hunkering only
lowers meeting rates, so every tie of the run with hunkering is also a tie of the run
without it: the difference is the ties hunkering down costs, exactly, not noise.

Examples
--------
>>> t = hunkering_table((0.0, 0.5), (0.0, 1.0), seed=1)
>>> t.columns.tolist()[:4]
['minority_share', 'ses', 'diversity', 'hunkering']
>>> bool((t.loc[t.minority_share == 0, "lost_pct"] == 0).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from wijkwijs._validate import as_values, check_fraction
from wijkwijs.models.ties import TieModel

__all__ = ["effective_hunkering", "hunkering_table"]


def effective_hunkering(hunkering: float, ses: float, ses_buffer: float) -> float:
    r"""The strength of hunkering down in a neighbourhood of SES ``ses``: :math:`h_0(1-bs)`.

    Examples
    --------
    >>> effective_hunkering(2.0, 0.5, 0.8)
    1.2
    >>> effective_hunkering(2.0, 1.5, 0.8)
    Traceback (most recent call last):
    ...
    ValueError: ses must lie in [0, 1]; got 1.5.
    """
    if not np.isfinite(hunkering) or hunkering < 0:
        raise ValueError(f"hunkering must be a finite number ≥ 0; got {hunkering!r}.")
    s = check_fraction(ses, "ses")
    b = check_fraction(ses_buffer, "ses_buffer")
    return round(float(hunkering) * (1.0 - b * s), 12)


def _ties(model: TieModel) -> tuple[float, float, float]:
    """Mean ties per resident: all, within the own group, across groups."""
    a = model.adjacency
    g = model.residents.group.to_numpy()
    same = g[:, None] == g[None, :]
    n = g.size
    return (float(a.sum() / n), float((a & same).sum() / n), float((a & ~same).sum() / n))


def hunkering_table(minority_shares: Sequence[float] = (0.0, 0.1, 0.25, 0.5),
                    ses_levels: Sequence[float] = (0.0, 0.5, 1.0), *,
                    hunkering: float = 2.0, ses_buffer: float = 0.75,
                    homophily: float = 1.0, bridging_foci: int = 0, steps: int = 12,
                    n_streets: int = 8,
                    houses_per_street: int = 30, seed: int = 7) -> pd.DataFrame:
    """Ties after ``steps`` months, with and without hunkering down, per neighbourhood.

    One row per combination of minority share and SES level.

    Parameters
    ----------
    minority_shares
        Shares of the smaller group (0 to 0.5); 0 is a one-group neighbourhood.
    ses_levels
        Socio-economic status of the neighbourhood, 0 (low) to 1 (high).
    hunkering, ses_buffer
        :math:`h_0` and :math:`b` of :func:`effective_hunkering`.
    homophily, bridging_foci, steps, n_streets, houses_per_street, seed
        Passed to :class:`~wijkwijs.models.ties.TieModel` (``steps`` monthly steps).

    Returns
    -------
    pandas.DataFrame
        Columns ``minority_share``, ``ses``, ``diversity`` (mean street diversity
        :math:`1-\\sum_g p_g^2` of the residents), ``hunkering`` (the effective strength),
        ``ties_without`` (mean ties per resident without hunkering), ``ties``, ``within``
        and ``across`` (mean ties per resident with hunkering: all, within the own group,
        across groups) and ``lost_pct`` (the share of ties hunkering costs, in %).

    Examples
    --------
    >>> t = hunkering_table((0.5,), (0.0, 1.0), ses_buffer=1.0, seed=2)
    >>> t.hunkering.tolist(), bool(t.lost_pct.iloc[0] > t.lost_pct.iloc[1] == 0)
    ([2.0, 0.0], True)
    """
    shares = as_values(minority_shares, "minority_shares", allow_negative=False)
    if (shares > 0.5).any():
        raise ValueError("minority_shares must lie between 0 and 0.5 (the smaller group); got "
                         f"{float(shares[shares > 0.5][0])!r}.")
    levels = [check_fraction(s, "ses_levels") for s in ses_levels]
    if not levels:
        raise ValueError("ses_levels needs at least one level.")
    rows = []
    for m in shares.tolist():
        kwargs = {"n_streets": n_streets, "houses_per_street": houses_per_street,
                  "group_shares": (1.0 - m, m) if m > 0 else (1.0, 0.0),
                  "homophily": homophily, "bridging_foci": bridging_foci, "seed": seed}
        plain = TieModel(**kwargs)
        plain.run(steps)
        without = _ties(plain)[0]
        street = plain.residents.street.to_numpy()
        g = plain.residents.group.to_numpy()
        diversity = np.array([1 - np.sum((np.bincount(g[street == s], minlength=2)
                                          / (street == s).sum()) ** 2) for s in street])
        for s in levels:
            h = effective_hunkering(hunkering, s, ses_buffer)
            model = TieModel(**kwargs, hunkering=h)
            model.run(steps)
            total, within, across = _ties(model)
            rows.append({"minority_share": m, "ses": s, "diversity": float(diversity.mean()),
                         "hunkering": h, "ties_without": without, "ties": total,
                         "within": within, "across": across,
                         "lost_pct": 100 * (1 - total / without) if without else 0.0})
    return pd.DataFrame(rows)
