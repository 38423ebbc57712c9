"""The exercises of each chapter, one module per chapter (``ch1``, ``ch2``, ...).

Each module calls :func:`wijkwijs.exercises.define` for its exercises. Expected
numeric answers are computed by the library from the course data, never typed in.
"""
