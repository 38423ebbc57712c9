"""Write the invented example *sociale kaart* and observation log of chapter 7.

Usage::

    python tools/make_fieldwork_examples.py [--out datasets/examples/fieldwork]

Writes ``example_inventory.jsonl`` (an organisation inventory), ``example_observations.jsonl``
(a *wijkschouw*, a neighbourhood walk-through, as an observation log) and ``README.md``.
Every record goes through :func:`wijkwijs.fieldwork.to_jsonl`, so the files are exactly
what :func:`wijkwijs.fieldwork.save_record` would have written. Everything is invented:
the organisations, the places and the counts. Running it twice gives the same bytes;
``tests/test_fieldwork.py`` checks the shipped files against :func:`build`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wijkwijs.fieldwork import to_jsonl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "datasets" / "examples" / "fieldwork"

INVENTORY: list[dict] = [
    {"name": "Buurthuis De Brug", "kind": "community_centre", "target_group": "everyone",
     "open_to_all": True, "activities": ["koffieochtend", "taalcafé", "huiswerkklas"],
     "who_comes": "mostly older women in the morning, children after school",
     "referrals_to": ["Wijkteam Zuid", "Bibliotheek Havenstad West"],
     "referrals_from": ["Huisartsenpost Plein", "Basisschool De Horizon"],
     "funding": "structural", "contact_role": "coordinator", "contact_years": 6,
     "notes": "invented example"},
    {"name": "Wijkteam Zuid", "kind": "municipal_service", "target_group": "residents needing care",
     "open_to_all": False, "activities": ["spreekuur", "huisbezoek"],
     "who_comes": "by appointment, referred", "referrals_to": ["Voedselbank Havenstad",
                                                              "Schuldhulp Maatje"],
     "referrals_from": ["Buurthuis De Brug", "Moskee Al Amal"], "funding": "structural",
     "contact_role": "social worker", "contact_years": 3},
    {"name": "Moskee Al Amal", "kind": "mosque", "target_group": "Muslim families",
     "open_to_all": True, "activities": ["gebed", "Arabische les", "iftar voor de buurt"],
     "who_comes": "families from the buurt and beyond, men and boys most visible",
     "referrals_to": ["Wijkteam Zuid"], "referrals_from": [], "funding": "own_income",
     "contact_role": "board member", "contact_years": 12},
    {"name": "Bibliotheek Havenstad West", "kind": "library", "target_group": "everyone",
     "open_to_all": True, "activities": ["lezen", "digitaal spreekuur", "voorleesuur"],
     "who_comes": "students, parents with toddlers, older men reading newspapers",
     "referrals_to": ["Taalhuis"], "referrals_from": ["Buurthuis De Brug"],
     "funding": "structural", "contact_role": "librarian", "contact_years": 9},
    {"name": "Taalhuis", "kind": "volunteer_organisation", "target_group": "adults learning Dutch",
     "open_to_all": True, "activities": ["taalles", "oefengroep"],
     "who_comes": "newcomers, mostly women", "referrals_to": [],
     "referrals_from": ["Bibliotheek Havenstad West"], "funding": "incidental",
     "contact_role": "volunteer", "contact_years": 2},
    {"name": "Voedselbank Havenstad", "kind": "volunteer_organisation",
     "target_group": "households with a referral", "open_to_all": False,
     "activities": ["voedselpakketten"], "who_comes": "by referral only",
     "referrals_to": ["Schuldhulp Maatje"], "referrals_from": ["Wijkteam Zuid"],
     "funding": "incidental", "contact_role": "volunteer", "contact_years": 5},
    {"name": "Schuldhulp Maatje", "kind": "volunteer_organisation",
     "target_group": "households with debts", "open_to_all": False,
     "activities": ["budgetcoaching"], "who_comes": "by referral",
     "referrals_to": [], "referrals_from": ["Wijkteam Zuid", "Voedselbank Havenstad"],
     "funding": "incidental", "contact_role": "coach", "contact_years": 1},
    {"name": "Café De Hoek", "kind": "cafe", "target_group": "adults",
     "open_to_all": True, "activities": ["biljart", "voetbal kijken"],
     "who_comes": "men over 50, regulars", "funding": "commercial",
     "contact_role": "owner", "contact_years": 20},
    {"name": "Jongerenplek De Kooi", "kind": "youth_space", "target_group": "12-23 years",
     "open_to_all": True, "activities": ["sport", "muziekstudio"],
     "who_comes": "boys 14-18 mostly; girls on the Wednesday girls' night",
     "referrals_to": ["Wijkteam Zuid"], "referrals_from": ["Basisschool De Horizon"],
     "funding": "structural", "contact_role": "youth worker", "contact_years": 4},
    {"name": "Basisschool De Horizon", "kind": "school", "target_group": "children 4-12",
     "open_to_all": False, "activities": ["onderwijs", "ouderkamer"],
     "who_comes": "children and mothers at the ouderkamer", "referrals_to": [
         "Buurthuis De Brug", "Jongerenplek De Kooi"], "funding": "structural",
     "contact_role": "parent coordinator", "contact_years": 7},
]

OBSERVATIONS: list[dict] = [
    {"time_slot": "weekday_morning", "place": "Marktplein", "children": 2, "youth": 0,
     "adults": 14, "elderly": 9, "interactions": "older people chatting at the benches",
     "language_and_signage": "Dutch, Turkish, Arabic heard; signs in Dutch only",
     "accessibility": "benches, no shade; kerb at the crossing too high for a walker"},
    {"time_slot": "weekday_afternoon", "place": "Marktplein", "children": 11, "youth": 6,
     "adults": 12, "elderly": 4, "interactions": "children playing, parents in groups by language",
     "language_and_signage": "Dutch, Polish, Arabic heard",
     "accessibility": "playground has no accessible swing"},
    {"time_slot": "weekday_evening", "place": "Pleintje bij Jongerenplek De Kooi",
     "children": 0, "youth": 15, "adults": 2, "elderly": 0,
     "interactions": "two groups of boys, little contact between them",
     "language_and_signage": "Dutch and street slang", "accessibility": "poor lighting"},
    {"time_slot": "weekend_morning", "place": "Ingang Bibliotheek Havenstad West",
     "children": 7, "youth": 2, "adults": 9, "elderly": 5,
     "interactions": "parents waiting for the voorleesuur talk to each other",
     "language_and_signage": "posters in Dutch and English", "accessibility": "ramp and lift"},
    {"time_slot": "weekend_afternoon", "place": "Park aan de Haven", "children": 18,
     "youth": 9, "adults": 31, "elderly": 6,
     "interactions": "families barbecue side by side; football mixes the boys",
     "language_and_signage": "many languages; rules sign in Dutch only",
     "accessibility": "paths fine, toilets closed", "notes": "warm day"},
    {"time_slot": "weekend_evening", "place": "Café De Hoek terras", "children": 0,
     "youth": 1, "adults": 16, "elderly": 7, "interactions": "regulars only, newcomers look in",
     "language_and_signage": "Dutch", "accessibility": "step at the door"},
]

README = """# Example fieldwork records (invented)

**Everything in this folder is invented** for chapter 7 (street smart). The organisations,
places, counts and referrals do not describe any real neighbourhood, organisation or
person; the names only sound like those of the synthetic city Havenstad.

- `example_inventory.jsonl` — an example *sociale kaart* (an inventory of organisations):
  one organisation per line, with the fields of `wijkwijs.fieldwork` (kind, target group,
  activities, who comes, referrals to and from other organisations, funding, and the *role*
  of the contact person — never a name).
- `example_observations.jsonl` — an example *wijkschouw* (a neighbourhood walk-through) as an
  observation log: one time slot and place per line, with the number of children, youth,
  adults and elderly people present, interactions, language and signage, accessibility.

Read them with `wijkwijs.fieldwork.load_records(path)`; `summarise_inventory` turns the
inventory into a type mix and a referral edge list for chapter 6's measures. The files are
written by `tools/make_fieldwork_examples.py`; do not edit them by hand.
"""


def build() -> dict[str, str]:
    """The files of the folder: ``{file name: text}``."""
    return {
        "example_inventory.jsonl": to_jsonl(INVENTORY),
        "example_observations.jsonl": to_jsonl(OBSERVATIONS),
        "README.md": README,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in build().items():
        (args.out / name).write_bytes(text.encode("utf-8"))
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
