r"""Social infrastructure takes time: a community centre in a new mixed neighbourhood.

*Illustrative model*, not calibrated to any data. Custers writes that a social
infrastructure "kan niet van bovenaf worden opgelegd" (cannot be imposed from above)
and "heeft tijd nodig om zich te ontwikkelen" (needs time to develop), and that
mixing policy can disrupt it "omdat organisaties moeten verplaatsen of omdat
gebruikers gedwongen de wijk moeten verlaten vanwege de sloop van hun huizen"
(because organisations have to relocate, or users are forced to leave because their
homes are demolished). This model makes the mechanism behind those claims explicit.

The model in plain language
---------------------------
* A new, physically mixed neighbourhood has ``households`` of two (or more) groups.
  A community centre (*buurthuis*) opens in year 0; nothing has been built yet.
* **Participation** — each year a resident who does not take part joins with
  probability :math:`\min(1,\ j + w \cdot s_g)`: a base rate :math:`j`
  (``join_rate``) plus word of mouth from the own group, :math:`s_g` being the share
  of the resident's group that took part last year (``word_of_mouth`` :math:`w`);
  a participant stops with probability ``leave_rate`` (but never with a higher chance
  than a non-participant's of not joining: who takes part is at least as likely to
  take part next year as who does not). ``initial_share`` of the residents can be
  signed up at the opening ("imposed" participation).
* **Encounters** — the centre is a *focus* (Feld 1981): two residents who both take
  part meet there a Poisson number of times a year, with mean ``encounter_rate``.
  Encounters add up over the years.
* **Ties from repeated encounters** — the first ``encounters_to_know − 1`` meetings
  only make two people familiar faces; from then on each encounter turns into a tie
  with probability :math:`q` (``tie_probability``) for two residents of the same
  group and :math:`q(1-h)` across groups, :math:`h` being ``homophily``
  (McPherson, Smith-Lovin & Cook 2001). In a year with :math:`e` such eligible
  encounters an untied pair forms a tie with probability :math:`1-(1-q)^e`. Ties stay
  while both live there and the centre exists.
* **Demolition** (``demolition_year``) — at the start of that year ``share_moved``
  of the households (of ``moved_group`` only, if given) are forced to move; newcomers
  of the same group take their homes, so the mix does not change, but everything the
  movers had built — participation, familiarity, ties — leaves with them.
* **Closure** (``closure_year``; a relocation when ``reopening_year`` follows) — from
  that year nobody takes part and the familiarity built at the old place is gone;
  without a focus to meet, each tie fades with probability ``fade_while_closed`` a
  year. At a reopening, residents join again from scratch.

What it shows: ties lag participation, and cross-group ties lag the most, so even a
centre filled on day one (``initial_share = 1``) needs years before residents of
different groups know each other; a demolition or closure takes away in one year
what took a decade to grow.

Assumptions (and what they leave out): one focus; ties form only at the centre;
the encounter rate of a pair does not depend on how busy the centre is; homophily
acts on tie formation, not on who comes; no other foci (school, street), no
friendships made elsewhere, no ageing or ordinary moves. The numbers are
illustrative choices.

Randomness is drawn in the same order and amounts whatever the state (common random
numbers, Poisson encounters by inversion of one uniform per pair): two runs with the
same ``seed`` that differ in one parameter are directly comparable, and more
encounters, a higher tie probability or no disruption can never give fewer ties.

Sources: Feld, S. L. (1981). The focused organization of social ties. *American
Journal of Sociology* 86(5), 1015–1035. McPherson, M., Smith-Lovin, L. & Cook, J. M.
(2001). Birds of a feather: Homophily in social networks. *Annual Review of
Sociology* 27, 415–444. Zajonc, R. B. (1968). Attitudinal effects of mere exposure.
*Journal of Personality and Social Psychology* 9(2, Pt. 2), 1–27. Custers, G.
*Een betere wijk begint ín de wijk.* Dossier *Lokaal ideaal XL*.

Examples
--------
>>> run = simulate_growth(seed=1)
>>> run.columns.tolist()[:5]
['year', 'centre_open', 'residents', 'participants', 'participants_a']
>>> bool(run["ties"].is_monotonic_increasing)  # no disruption: ties never fall
True
>>> cut = simulate_growth(seed=1, demolition_year=10, share_moved=0.4)
>>> int(cut.loc[10, "ties_lost"]) > 0, bool((cut["ties"] <= run["ties"]).all())
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from wijkwijs._validate import check_fraction

__all__ = ["milestones", "simulate_growth"]


def _whole(value: object, name: str, *, low: int, high: int | None = None) -> int:
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if not ok or value < low or (high is not None and value > high):
        span = f"{low}–{high}" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must be a whole number, {span}; got {value!r}.")
    return int(value)


def _groups(households: Mapping[str, int] | Sequence[int]) -> tuple[list[str], np.ndarray]:
    if isinstance(households, Mapping):
        names, sizes = [str(k) for k in households], list(households.values())
    else:
        sizes = list(households)
        names = [chr(ord("a") + i) if i < 26 else f"g{i}" for i in range(len(sizes))]
    if len(sizes) < 1:
        raise ValueError("households is empty; give the number of households per group.")
    for name, size in zip(names, sizes, strict=True):
        _whole(size, f"households of group {name!r}", low=0)
    counts = np.asarray(sizes, dtype=np.int64)
    if counts.sum() < 2:
        raise ValueError("households must hold at least 2 households in all.")
    return names, counts


def _poisson_cdf(rate: float) -> np.ndarray:
    """P(M <= m) for m = 0, 1, ... until it is 1 to double precision."""
    if rate == 0:
        return np.array([1.0])
    m = np.arange(0, int(rate + 12 * np.sqrt(rate) + 20))
    log_pmf = -rate + m * np.log(rate) - np.cumsum(np.log(np.maximum(m, 1)))
    cdf = np.cumsum(np.exp(log_pmf))
    return cdf[: int(np.searchsorted(cdf, 1.0 - 1e-15)) + 1]  # the rest is 1 - tiny


def simulate_growth(households: Mapping[str, int] | Sequence[int] = (150, 150),
                    years: int = 20, *, join_rate: float = 0.06, word_of_mouth: float = 0.3,
                    leave_rate: float = 0.05, initial_share: float = 0.0,
                    encounter_rate: float = 1.0, encounters_to_know: int = 3,
                    tie_probability: float = 0.002, homophily: float = 0.5,
                    demolition_year: int | None = None, share_moved: float = 0.3,
                    moved_group: str | None = None, closure_year: int | None = None,
                    reopening_year: int | None = None, fade_while_closed: float = 0.3,
                    seed: int = 0) -> pd.DataFrame:
    r"""Run the community-centre model year by year; one row per year (0 = opening).

    Parameters
    ----------
    households
        Households per group: a sequence (groups ``"a"``, ``"b"``, ...) or a mapping
        ``{name: count}``.
    years
        Years to simulate after the opening (1–200).
    join_rate, word_of_mouth
        The yearly chance to join, :math:`\min(1, j + w s_g)` (both 0–1).
    leave_rate
        The yearly chance a participant stops (0–1).
    initial_share
        Share of the residents signed up at the opening, taking part in year 1.
    encounter_rate
        Mean number of times two participants meet in a year (≥ 0).
    encounters_to_know
        Encounters before the first one that can turn into a tie (≥ 1).
    tie_probability
        :math:`q`, the chance that one eligible encounter of two residents of the same
        group turns into a tie (0–1).
    homophily
        :math:`h`: across groups the chance is :math:`q(1-h)` (0–1).
    demolition_year, share_moved, moved_group
        The year (1–``years``) in which ``share_moved`` of the households (of
        ``moved_group`` only, if given) are forced out and replaced; ``None``: none.
    closure_year, reopening_year
        The year the centre closes and, optionally, a later year it (or its
        successor) opens; ``None``: no closure.
    fade_while_closed
        The yearly chance that a tie fades while the centre is closed (0–1).
    seed
        Seed of the random generator; the same seed gives the same run.

    Returns
    -------
    pandas.DataFrame
        Per year: ``year``, ``centre_open``, ``residents``, ``participants``,
        ``participants_<group>``, ``ties``, ``ties_within``, ``ties_cross``,
        ``ties_formed`` and ``ties_lost`` (that year), ``moved``, ``share_with_tie``
        and ``share_with_cross_tie`` (shares of residents with at least one tie,
        resp. one across groups). At every year
        ``ties = previous ties + ties_formed − ties_lost``.

    Examples
    --------
    Two neighbours of different groups who both take part, meet very often and need
    one encounter to know each other form a tie in the first year — unless homophily
    is complete:

    >>> kw = dict(years=1, join_rate=1.0, encounter_rate=50.0, encounters_to_know=1,
    ...           tie_probability=1.0)
    >>> simulate_growth((1, 1), homophily=0.0, **kw)["ties_cross"].tolist()
    [0, 1]
    >>> simulate_growth((1, 1), homophily=1.0, **kw)["ties_cross"].tolist()
    [0, 0]
    """
    names, sizes = _groups(households)
    years = _whole(years, "years", low=1, high=200)
    join_rate = check_fraction(join_rate, "join_rate")
    word_of_mouth = check_fraction(word_of_mouth, "word_of_mouth")
    leave_rate = check_fraction(leave_rate, "leave_rate")
    initial_share = check_fraction(initial_share, "initial_share")
    tie_probability = check_fraction(tie_probability, "tie_probability")
    homophily = check_fraction(homophily, "homophily")
    share_moved = check_fraction(share_moved, "share_moved")
    fade_while_closed = check_fraction(fade_while_closed, "fade_while_closed")
    rate = float(encounter_rate)
    if not np.isfinite(rate) or rate < 0:
        raise ValueError(f"encounter_rate must be a finite number of 0 or more; got "
                         f"{encounter_rate!r}.")
    know = _whole(encounters_to_know, "encounters_to_know", low=1)
    if demolition_year is not None:
        demolition_year = _whole(demolition_year, "demolition_year", low=1, high=years)
    if closure_year is not None:
        closure_year = _whole(closure_year, "closure_year", low=1, high=years)
    if reopening_year is not None:
        if closure_year is None:
            raise ValueError("reopening_year needs a closure_year before it.")
        reopening_year = _whole(reopening_year, "reopening_year", low=closure_year + 1)
    if moved_group is not None and moved_group not in names:
        raise ValueError(f"moved_group {moved_group!r} is unknown; choose one of "
                         f"{', '.join(names)}.")

    n = int(sizes.sum())
    group = np.repeat(np.arange(len(sizes)), sizes)
    i_idx, j_idx = np.triu_indices(n, k=1)
    same = group[i_idx] == group[j_idx]
    q = np.where(same, tie_probability, tie_probability * (1.0 - homophily))
    with np.errstate(divide="ignore"):  # q = 1: log(0) = -inf, a sure tie
        log_miss = np.log1p(-q)
    cdf = _poisson_cdf(rate)
    rng = np.random.default_rng(seed)
    mover_rng = np.random.default_rng([int(seed), 1])  # its own stream: see the docstring

    taking_part = np.zeros(n, dtype=bool)
    met = np.zeros(i_idx.size, dtype=np.int64)
    tied = np.zeros(i_idx.size, dtype=bool)
    rows = []

    def record(year: int, is_open: bool, formed: int, lost: int, moved: int) -> None:
        ties = np.flatnonzero(tied)
        ends = np.bincount(i_idx[ties], minlength=n) + np.bincount(j_idx[ties], minlength=n)
        cross = ties[~same[ties]]
        cross_ends = (np.bincount(i_idx[cross], minlength=n)
                      + np.bincount(j_idx[cross], minlength=n))
        row = {"year": year, "centre_open": is_open, "residents": n,
               "participants": int(taking_part.sum())}
        for g, name in enumerate(names):
            row[f"participants_{name}"] = int(taking_part[group == g].sum())
        row.update(ties=int(ties.size), ties_within=int(ties.size - cross.size),
                   ties_cross=int(cross.size), ties_formed=formed, ties_lost=lost,
                   moved=moved, share_with_tie=float((ends > 0).mean()),
                   share_with_cross_tie=float((cross_ends > 0).mean()))
        rows.append(row)

    record(0, True, 0, 0, 0)
    is_open = True
    for year in range(1, years + 1):
        u_part = rng.random(n)
        # float32 halves the cost; a resolution of 6e-8 is plenty for these chances
        u_meet = rng.random(i_idx.size, dtype=np.float32)
        u_tie = rng.random(i_idx.size, dtype=np.float32)
        lost = moved = 0
        if demolition_year == year:
            eligible = np.flatnonzero(group == names.index(moved_group)) \
                if moved_group is not None else np.arange(n)
            k = round(share_moved * eligible.size)
            movers = np.zeros(n, dtype=bool)
            movers[mover_rng.choice(eligible, size=k, replace=False)] = True
            gone = movers[i_idx] | movers[j_idx]
            lost += int((tied & gone).sum())
            tied &= ~gone
            met[gone] = 0
            taking_part &= ~movers
            moved = k
        if closure_year == year:
            is_open = False
            taking_part[:] = False
            met[:] = 0
        if reopening_year == year:
            is_open = True
        formed = 0
        if is_open:
            previous = np.bincount(group[taking_part], minlength=len(sizes)) / sizes.clip(1)
            p_join = np.minimum(1.0, join_rate + word_of_mouth * previous[group])
            if year == 1 and initial_share > 0:
                signed = np.zeros(n, dtype=bool)
                signed[rng.permutation(n)[:round(initial_share * n)]] = True
                p_join = np.where(signed, 1.0, p_join)
            # one draw per resident: who takes part is at least as likely to take part
            # next year as who does not (keeps runs comparable; see the docstring)
            stay = np.maximum(1.0 - leave_rate, p_join)
            taking_part = u_part < np.where(taking_part, stay, p_join)
            pairs = np.flatnonzero(taking_part[i_idx] & taking_part[j_idx])
            before = met[pairs]
            after = before + np.searchsorted(cdf, u_meet[pairs], side="right")
            met[pairs] = after
            eligible_meetings = np.maximum(0, after - np.maximum(before, know - 1))
            # 1 - (1 - q)^e, exact also for q = 1 (log_miss = -inf) and e = 0
            p_tie = np.where(eligible_meetings > 0,
                             -np.expm1(np.maximum(eligible_meetings, 1) * log_miss[pairs]), 0.0)
            new = pairs[~tied[pairs] & (u_tie[pairs] < p_tie)]
            formed = int(new.size)
            tied[new] = True
        elif fade_while_closed > 0:
            fades = tied & (u_tie < fade_while_closed)
            lost += int(fades.sum())
            tied &= ~fades
        record(year, is_open, formed, lost, moved)
    return pd.DataFrame(rows)


def milestones(run: pd.DataFrame, share: float = 0.5,
               columns: Sequence[str] = ("participants", "ties_within", "ties_cross")
               ) -> pd.Series:
    r"""The first year each column reaches ``share`` of its highest value in the run.

    A measure of *lag*: in the growth model ties trail participation, and ties across
    groups trail the most. A column that stays 0 gives ``NaN``.

    .. math:: t_c = \min\{t : c_t \ge s \cdot \max_u c_u\}

    Parameters
    ----------
    run
        A :func:`simulate_growth` table.
    share
        The share of the maximum (0–1].
    columns
        The columns to time.

    Examples
    --------
    >>> run = pd.DataFrame({"year": [0, 1, 2, 3], "participants": [0, 5, 9, 10],
    ...                     "ties_cross": [0, 0, 0, 0]})
    >>> milestones(run, columns=["participants", "ties_cross"]).tolist()
    [1.0, nan]
    """
    s = check_fraction(share, "share")
    if s == 0:
        raise ValueError("share must be more than 0.")
    if not isinstance(run, pd.DataFrame) or "year" not in run.columns:
        raise ValueError("run must be a simulate_growth table with a 'year' column.")
    out = {}
    for column in columns:
        if column not in run.columns:
            raise ValueError(f"run has no column {column!r}.")
        values = run[column].to_numpy(dtype=float)
        top = values.max()
        out[column] = (float(run["year"].to_numpy()[int(np.argmax(values >= s * top))])
                       if top > 0 else float("nan"))
    return pd.Series(out, name="first_year")
