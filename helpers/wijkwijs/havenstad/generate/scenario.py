"""The scripted story of Havenstad: which buurten play a role, and the policy knobs.

Each step of the generator reads its part of the story from here, so one file says
what happens where and when: gentrification, the restructuring of one post-war buurt,
the elite enclave, mixing policies, displacement to one cheap suburb, and the two
buurten that look alike but differ in social infrastructure. The numbers are the
calibrated values of the published files; changing one changes the data.

>>> RESTRUCTURING, RESTRUCTURING_YEAR, DISPLACEMENT_SUBURB
('Meeuwenhof', 2016, 'GM9904')
"""

from __future__ import annotations

from wijkwijs.havenstad.constants import GEMEENTE_CODES

#: Buurten that gentrify from 2014 (rising prices, landlords selling, richer newcomers).
GENTRIFYING: tuple[str, ...] = ("Touwslagerij", "Brouwersveld", "Smidswijk")
#: The post-war buurt restructured in ``RESTRUCTURING_YEAR`` (demolition, sales).
RESTRUCTURING = "Meeuwenhof"
RESTRUCTURING_YEAR = 2016
#: How many of its social homes (those of the lowest quality) are demolished.
DEMOLISHED_HOMES = 330
#: Where the restructuring buurt's community centre moves after the demolition.
RELOCATION_BUURT = "Sternhof"
#: Two post-war buurten with the same statistics but rich and poor social infrastructure.
INFRA_RICH, INFRA_POOR = "Kersenhof", "Kievitbuurt"
#: The cheap growth-town suburb (Zuiderpolder) where low-income households end up.
DISPLACEMENT_SUBURB = GEMEENTE_CODES[3]
#: The elite enclave: the villa buurt with exclusive new-build (``ELITE_NEW_BUILD``
#: large villas a year 2016-2021) and a price premium rising by ``ELITE_PREMIUM`` a year
#: 2015-2020, where the top 1 % concentrate. From 2015 the bid premium of the very rich
#: grows by ``TOP_BID_GROWTH`` a year (to 2020): they out-bid everybody more and more.
ELITE_ENCLAVE = "Villapark"
ELITE_NEW_BUILD = 40
ELITE_PREMIUM = 0.20
TOP_BID_GROWTH = 0.25
#: Mixing: from ``MIXING_FROM`` every post-war buurt (except the restructured one) gets
#: middle-segment infill a year (owner-occupied, private rent) - the Dutch policy of
#: differentiating the housing stock of post-war neighbourhoods.
MIXING_FROM = 2013
MIXING_OWNER, MIXING_PRIVATE = 10, 5
#: Chance that a vacant social home is sold in a mixed or centre buurt from 2014
#: (before: 0.15 and 0.20): corporations sell where the market pays most.
SALE_MIXED, SALE_CENTRE = 0.30, 0.30
#: Mean quality of the harbour new-build (upmarket apartments); other new-build 0.35.
HARBOUR_QUALITY = 0.8
#: Passend toewijzen (2016): bottom-10 % households are steered to the cheapest social
#: homes (their bid for a social home is lowered by this much).
PASSEND_PUSH = 4.0
#: Displacement: from ``DISPLACEMENT_FROM`` a low-income (national bottom 40 %) household
#: leaving a city home looks first in the cheap suburb, with this chance if forced out
#: (rent increase, sale, demolition) and otherwise (choice moves, newcomers).
DISPLACEMENT_FROM = 2016
SUBURB_P_FORCED, SUBURB_P_OTHER = 0.70, 0.35
#: Mixing by allocation (Rotterdamwet-like, from 2016): the share of vacant social homes
#: in post-war buurten let, by lottery, to middle incomes (national 40-80 %).
MIDDLE_RESERVED = 0.30
#: Social allocation gets more targeted every year to 2019: its noise falls by this much.
TARGETING_STEP = 0.12
#: The year the national programme NPLV (Nationaal Programma Leefbaarheid en
#: Veiligheid) reopens community centres and youth spaces in post-war buurten.
NPLV_YEAR = 2022
