"""Worked examples of the course: toy cities, sample incomes, model runs and sweeps.

The computations that the notebooks, explorers and exercises share live here, on the
measures, models and Havenstad layers. Nothing in this package draws or builds a
widget: figures are in :mod:`wijkwijs.figures`, explorers in :mod:`wijkwijs.explorers`.
"""
