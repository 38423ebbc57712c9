"""Figures of the course: one convention for every plot.

Every public plotting function in this package is called ``plot_*``, takes its data
first and an optional matplotlib ``ax`` last, and returns the
:class:`~matplotlib.figure.Figure` it drew on::

    fig = plot_something(data, ax=None)

Without ``ax`` it makes a new figure; with ``ax`` it draws into that axis (so that a
notebook can put several plots side by side) and returns ``ax.figure``. Every
figure has a title and labelled axes, uses the colour-blind-safe palettes of
:mod:`wijkwijs.style`, and every figure of Havenstad says *synthetic* on the figure
itself. Figures sit on the measures, models and Havenstad layers and never import
widgets or explorers.

>>> fig, ax = new_figure("Title", "x", "y")
>>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
('Title', 'x', 'y')
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from wijkwijs.figures.tables import install_formatter as _install_table_formatter
from wijkwijs.style import CATEGORICAL, OKABE_ITO, SEQUENTIAL_CMAP

__all__ = ["CATEGORICAL", "CORNERS", "OKABE_ITO", "SEQUENTIAL_CMAP", "NotebookFigure",
           "corner_note", "label_axes", "mark_synthetic", "new_figure"]


def new_figure(title: str, xlabel: str, ylabel: str, *, figsize: tuple[float, float] = (6.4, 4.0),
               ax=None):
    """Create (or label) a figure with its title and axis labels set.

    Returns ``(fig, ax)``. Pass ``ax`` to label an existing axis instead.
    """
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    else:
        fig = ax.figure
    label_axes(ax, title, xlabel, ylabel)
    ax.set_prop_cycle(color=CATEGORICAL)
    return fig, ax


def label_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Set the title and both axis labels of ``ax`` in one call."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


CORNERS: tuple[str, ...] = ("lower left", "lower right", "upper left", "upper right")


def corner_note(ax, text: str, where: str = "lower right", *, fontsize: float | str = 8,
                zorder: float = 10, box: bool = True):
    """Write a small italic note in a corner of the axes (above the data); return it.

    The one placement of every note a figure carries about itself: *synthetic city*
    (:func:`mark_synthetic`) and *illustrative model* (the model figures of chapters 3-7).

    Parameters
    ----------
    ax
        The matplotlib axes.
    text
        The note, already in the current language.
    where
        One of :data:`CORNERS`.
    fontsize, zorder, box
        Its size, its layer, and whether it sits on a white box.

    >>> ax = NotebookFigure().add_subplot()
    >>> corner_note(ax, "note", "upper left").get_position()
    (0.01, 0.99)
    >>> corner_note(ax, "note", "middle")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: where must be one of 'lower left', 'lower right', 'upper left', ...
    """
    if where not in CORNERS:
        raise ValueError("where must be one of " + ", ".join(repr(p) for p in CORNERS)
                         + f"; got {where!r}.")
    vertical, horizontal = where.split()
    y, va = (0.99, "top") if vertical == "upper" else (0.01, "bottom")
    x, ha = (0.99, "right") if horizontal == "right" else (0.01, "left")
    style = {"bbox": {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5}
             } if box else {}
    return ax.text(x, y, text, transform=ax.transAxes, fontsize=fontsize, color="#333333",
                   ha=ha, va=va, style="italic", zorder=zorder, **style)


def mark_synthetic(ax, where: str = "lower right") -> None:
    """Say on the axes themselves that the data are Havenstad's, a synthetic city.

    Every figure of Havenstad calls this, so that a screenshot or a copied image can
    never pass for a real city: the caption can be lost, the figure cannot. The note is
    small, italic, on a white box above the data, in the current language.

    Parameters
    ----------
    ax
        The matplotlib axes to mark.
    where
        One of :data:`CORNERS`.

    >>> from wijkwijs.figures import NotebookFigure
    >>> ax = NotebookFigure().add_subplot()
    >>> mark_synthetic(ax, "upper left")
    >>> ax.texts[-1].get_text()
    'Synthetic city — not a real place'
    """
    from wijkwijs import i18n
    from wijkwijs.havenstad import views  # noqa: F401  (registers the label)

    corner_note(ax, i18n.t("havenstad.synthetic_label"), where)


class NotebookFigure(Figure):
    """A matplotlib Figure (made without pyplot) that a notebook shows as a PNG image.

    Explorers and some figures draw without pyplot, so that nothing is shown twice and
    nothing is kept alive by pyplot's figure manager.

    >>> fig = NotebookFigure(figsize=(2, 1))
    >>> fig._repr_png_()[:4] == b"\\x89PNG"
    True
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()


# In IPython, a DataFrame in a non-English notebook shows labelled headers (figures/tables.py).
_install_table_formatter()
