"""Exercises of chapter 0 (welcome): practise checking an answer."""

from __future__ import annotations

from wijkwijs.exercises import Exercise, define

WELCOME_INCOMES = [20_000, 30_000, 70_000]

define(Exercise(
    id="0.1-mean-income",
    kind="number",
    answer=lambda: sum(WELCOME_INCOMES) / len(WELCOME_INCOMES),
    tolerance=1.0,
    hints=[
        {"en": "The mean is the sum of the incomes divided by the number of households.",
         "nl": "Het gemiddelde is de som van de inkomens gedeeld door het aantal huishoudens."},
        {"en": "The sum is 120,000 and there are 3 households.",
         "nl": "De som is 120.000 en er zijn 3 huishoudens."},
    ],
    solution={"en": "(20,000 + 30,000 + 70,000) / 3 = 40,000 euro.",
              "nl": "(20.000 + 30.000 + 70.000) / 3 = 40.000 euro."},
))

define(Exercise(
    id="0.2-what-connects",
    kind="choice",
    answer=2,
    options=[
        {"en": "Living in a neighbourhood with a mix of incomes",
         "nl": "Wonen in een buurt met een mix van inkomens"},
        {"en": "A high liveability score", "nl": "Een hoge leefbaarheidsscore"},
        {"en": "Places and organisations where residents meet: the social infrastructure",
         "nl": "Plekken en organisaties waar bewoners elkaar ontmoeten: de sociale infrastructuur"},
    ],
    hints=[
        {"en": "The course argues that mixing homes alone does not make people meet.",
         "nl": "De cursus stelt dat alleen woningen mengen mensen niet samenbrengt."},
        {"en": "Think of community centres, sports clubs, mosques and cafés.",
         "nl": "Denk aan buurthuizen, sportclubs, moskeeën en cafés."},
    ],
    solution={"en": "c) The social infrastructure: places and organisations that bring "
                    "residents together, broker help and link them to government.",
              "nl": "c) De sociale infrastructuur: plekken en organisaties die bewoners "
                    "samenbrengen, hulp bemiddelen en hen verbinden met de overheid."},
))
