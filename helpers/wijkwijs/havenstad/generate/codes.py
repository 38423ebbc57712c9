"""Integer codes of the categories inside the simulation, and the codes of places.

The simulation keeps households and dwellings as numpy arrays of small integers; the
written tables use the names of :mod:`wijkwijs.havenstad.constants`. Every code here
is the position of its name in that tuple, so ``TENURES[SOCIAL] == "social_rent"``
and the conversion back is ``np.asarray(TENURES)[codes]``.

>>> TENURES[SOCIAL], TENURES[OWNER], MOVE_REASONS[DEMOLITION]
('social_rent', 'owner_occupied', 'demolition')
>>> REASON_CODE["sale"] == SALE
True
>>> buurt_prefix("GM9901")
'BU9901'
"""

from __future__ import annotations

from wijkwijs.havenstad.constants import (
    BACKGROUNDS,
    HOUSEHOLD_TYPES,
    LIFESTYLES,
    MOVE_REASONS,
    TENURES,
)

#: Tenure name -> code (the index into ``TENURES``).
TENURE_CODE: dict[str, int] = {name: i for i, name in enumerate(TENURES)}
SOCIAL = TENURE_CODE["social_rent"]
PRIVATE = TENURE_CODE["private_rent"]
OWNER = TENURE_CODE["owner_occupied"]

#: Move reason name -> code (the index into ``MOVE_REASONS``).
REASON_CODE: dict[str, int] = {name: i for i, name in enumerate(MOVE_REASONS)}
CHOICE = REASON_CODE["choice"]
RENT_INCREASE = REASON_CODE["rent_increase"]
DEMOLITION = REASON_CODE["demolition"]
SALE = REASON_CODE["sale"]

#: Household type name -> code (the index into ``HOUSEHOLD_TYPES``).
HOUSEHOLD_TYPE_CODE: dict[str, int] = {name: i for i, name in enumerate(HOUSEHOLD_TYPES)}
SINGLE = HOUSEHOLD_TYPE_CODE["single"]
COUPLE = HOUSEHOLD_TYPE_CODE["couple"]
COUPLE_WITH_CHILDREN = HOUSEHOLD_TYPE_CODE["couple_with_children"]
SINGLE_PARENT = HOUSEHOLD_TYPE_CODE["single_parent"]

#: Migration background name -> code (the index into ``BACKGROUNDS``).
BACKGROUND_CODE: dict[str, int] = {name: i for i, name in enumerate(BACKGROUNDS)}
NETHERLANDS = BACKGROUND_CODE["netherlands"]
EUROPE = BACKGROUND_CODE["europe"]
OUTSIDE_EUROPE = BACKGROUND_CODE["outside_europe"]

#: Lifestyle name -> code (the index into ``LIFESTYLES``).
LIFESTYLE_CODE: dict[str, int] = {name: i for i, name in enumerate(LIFESTYLES)}
NEIGHBOURHOOD = LIFESTYLE_CODE["neighbourhood"]
CITY_WIDE = LIFESTYLE_CODE["city_wide"]

#: ``demolished`` of a dwelling that is never demolished.
NEVER = 9999


def gemeente_digits(gemeente_code: str) -> str:
    """The four digits of a gemeente code, shared by its wijk and buurt codes.

    >>> gemeente_digits("GM9903")
    '9903'
    """
    return gemeente_code[2:]


def buurt_prefix(gemeente_code: str) -> str:
    """The prefix of the buurt codes of a gemeente (``BU`` + its four digits).

    >>> buurt_prefix("GM9904")
    'BU9904'
    """
    return "BU" + gemeente_digits(gemeente_code)
