"""Redrawing a figure many times a second: the static parts once, the changing parts each frame.

An explorer's figure mostly stays the same when a control moves: axes, tick labels,
titles and colour bars are rendered once into a *background*; each frame restores that
background and draws only the *animated* artists on top ("blitting"), then encodes the
pixels as a PNG. Text is the slowest thing matplotlib draws, so the fewer texts are
animated, the faster a frame.

The animated artists are drawn in the order given, which should be the order in which a
full draw paints them (by ``zorder``, then in the order they were added): then a frame
is pixel for pixel the figure a full draw would give.

>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1))
>>> ax = fig.add_subplot()
>>> (line,) = ax.plot([0, 1], [0, 1])
>>> frames = BlitFigure(fig, dpi=50)
>>> frames.freeze([line])
>>> line.set_ydata([1, 0])
>>> frames.frame()[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = ["BlitFigure", "canvas_png"]


def canvas_png(canvas: FigureCanvasAgg) -> bytes:
    """The canvas's current pixels as an RGB PNG, compressed fast (speed over size)."""
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(),
                             "raw", "RGBA", 0, 1).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


class BlitFigure:
    """A figure drawn once as a background, then frame by frame with its animated artists.

    Parameters
    ----------
    figure
        The figure; it gets an Agg canvas (and keeps it).
    dpi
        Resolution of the frames.
    """

    def __init__(self, figure: Figure, *, dpi: float) -> None:
        self.figure = figure
        if not isinstance(figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        self.canvas: FigureCanvasAgg = figure.canvas
        self.animated: list[Artist] = []
        self._background = None

    def freeze(self, animated: Sequence[Artist] | None = None) -> None:
        """Render everything but the animated artists as the background.

        ``animated`` names them (in drawing order); without it the ones of the last call
        stay animated (to redraw the background after a static part changed).
        """
        if animated is not None:
            for artist in self.animated:
                artist.set_animated(False)
            self.animated = list(animated)
            for artist in self.animated:
                artist.set_animated(True)
        self.canvas.draw()  # animated artists are left out
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)

    def frame(self) -> bytes:
        """Restore the background, draw the animated artists on it, return the PNG."""
        if self._background is None:
            raise ValueError("freeze() the figure before drawing a frame.")
        self.canvas.restore_region(self._background)
        for artist in self.animated:
            self.figure.draw_artist(artist)
        return canvas_png(self.canvas)
