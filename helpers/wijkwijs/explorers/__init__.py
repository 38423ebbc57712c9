"""Ready-made explorers for the chapters, built with :mod:`wijkwijs.widgets`.

One module per topic: ``inequality`` (chapters 0–1), and further modules for the
later chapters. Each function returns an :class:`wijkwijs.widgets.Explorer`.
"""
