"""Builders for interactive explorers: controls that update a plot, a table or a map.

A chapter builds an explorer in one or two lines::

    ex = Explorer(
        controls={"tax": slider("inequality.tax_rate", 0, 80, 5, value=30)},
        plot=draw_lorenz,            # draw(ax, **values) draws on a fresh axis
        table=summary_table,         # table(**values) returns a DataFrame
    )
    ex                               # shows it

Design choices:

* **In place, without flicker.** The explorer owns one matplotlib figure. On every
  change it redraws the axis and sends the new PNG to the *same* image widget, so
  the browser swaps pixels instead of removing and re-adding an output area.
* **Consistent labels.** Every label is an :mod:`wijkwijs.i18n` key (or a literal
  text), shown left of its control with the same width.
* **Keyboard.** Sliders, dropdowns and toggle buttons are native focusable controls:
  Tab moves between them, arrow keys move a slider, Space presses a toggle.
* **Measured.** ``Explorer.last_update_seconds`` records how long the last update
  took; the benchmarks read it.

Examples
--------
>>> import pandas as pd
>>> ex = Explorer(controls={"n": slider("n", 1, 10, 1, value=2)},
...               table=lambda n: pd.DataFrame({"square": [n * n]}))
>>> ex.set(n=3)
>>> "9" in ex.table_view.value
True
"""

from __future__ import annotations

import html
import io
import time
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from wijkwijs import exercises, i18n

LABEL_WIDTH = "14em"


def _label(key_or_text: str) -> str:
    return i18n.t(key_or_text) if key_or_text in i18n.keys() else key_or_text


def _style() -> dict[str, str]:
    return {"description_width": LABEL_WIDTH}


def slider(label: str, low: float, high: float, step: float, *, value: float | None = None,
           readout_format: str | None = None) -> w.Widget:
    """A labelled slider; integer if all of ``low``, ``high`` and ``step`` are integers."""
    integer = all(float(v).is_integer() for v in (low, high, step))
    cls = w.IntSlider if integer else w.FloatSlider
    kwargs: dict[str, Any] = {"min": low, "max": high, "step": step,
                              "value": low if value is None else value}
    if readout_format:
        kwargs["readout_format"] = readout_format
    s = cls(description=_label(label), style=_style(), continuous_update=True,
            layout=w.Layout(width="36em"), **kwargs)
    s.tooltip = s.description  # shown on hover and read by screen readers
    return s


def dropdown(label: str, options: Sequence[Any] | dict[str, Any], *, value: Any = None) -> w.Widget:
    """A labelled dropdown. ``options`` may be a list or ``{shown label: value}``."""
    if isinstance(options, dict):
        opts = [(_label(k), v) for k, v in options.items()]
    else:
        opts = [(_label(str(o)), o) for o in options]
    d = w.Dropdown(options=opts, description=_label(label), style=_style(),
                   layout=w.Layout(width="36em"))
    if value is not None:
        d.value = value
    return d


def toggle(label: str, *, value: bool = False) -> w.Widget:
    """A labelled on/off checkbox (Space toggles it when focused)."""
    return w.Checkbox(value=value, description=_label(label), style=_style(), indent=True)


class Explorer:
    """Controls plus up to three views (plot, table, HTML) that update together.

    Parameters
    ----------
    controls
        Name → widget; each name is passed to the view functions as a keyword.
    plot
        ``plot(ax, **values)`` draws on a cleared axis (or ``plot(fig, **values)``
        with ``plot_takes="figure"`` for several panels).
    table
        ``table(**values)`` returns a DataFrame shown as an HTML table.
    html
        ``html(**values)`` returns HTML text (e.g. a map's ``_repr_html_()``).
    title
        An i18n key or text shown above the controls.
    figsize
        The size of the figure in inches.
    plot_takes
        ``"axis"`` (one axis, cleared before each draw) or ``"figure"``.
    ncols
        With ``plot_takes="axis"``: the axis is the first of ``ncols`` columns.
    clear
        Clear the axis or figure before every draw (the default). With ``clear=False``
        the plot function receives what it drew last time and may update its artists in
        place (move a line, recolour polygons) instead of drawing everything again: the
        fast path for explorers whose picture changes only a little.
    """

    def __init__(self, controls: dict[str, w.Widget], *, plot: Callable[..., Any] | None = None,
                 table: Callable[..., pd.DataFrame] | None = None,
                 html: Callable[..., str] | None = None, title: str = "",
                 figsize: tuple[float, float] = (7.0, 4.2), plot_takes: str = "axis",
                 ncols: int = 1, clear: bool = True) -> None:
        if not controls:
            raise ValueError("an explorer needs at least one control")
        if plot is None and table is None and html is None:
            raise ValueError("an explorer needs at least one view: plot, table or html")
        self.controls = controls
        self._plot, self._table, self._html = plot, table, html
        if plot_takes not in ("axis", "figure"):
            raise ValueError(f"plot_takes must be 'axis' or 'figure'; got {plot_takes!r}.")
        self._plot_takes = plot_takes
        self._clear = clear
        self._holding = False
        self.figure: Figure | None = None
        self.plot_view = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.table_view = w.HTML()
        self.html_view = w.HTML()
        self.last_update_seconds = float("nan")
        self.updates = 0
        if plot is not None:
            # A Figure made without pyplot, so the notebook never shows it twice, with
            # fixed margins: a constrained layout would cost a third of every redraw.
            self.figure = Figure(figsize=figsize)
            self.figure.subplots_adjust(left=0.12, right=0.97, bottom=0.13, top=0.9,
                                        wspace=0.3)
            if plot_takes == "axis":
                self.figure.add_subplot(1, ncols, 1)
        for control in controls.values():
            control.observe(self._on_change, names="value")
        header = [w.HTML(f"<h4>{html_escape(_label(title))}</h4>")] if title else []
        views = [v for v, f in ((self.plot_view, plot), (self.table_view, table),
                                (self.html_view, html)) if f is not None]
        self.widget = w.VBox([*header, w.VBox(list(controls.values())), *views])
        self.widget.add_class("wijkwijs-explorer")
        self.update()

    def values(self) -> dict[str, Any]:
        """Return the current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set controls programmatically (as a learner moving them would).

        Several controls set in one call redraw the views once, not once per control.
        """
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(i18n.t("err.widgets.unknown_control", unknown=sorted(unknown),
                                    known=sorted(self.controls)))
        before = self.values()
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        if self.values() != before:
            self.update()

    def _on_change(self, _change: dict[str, Any]) -> None:
        if not self._holding:
            self.update()

    def update(self) -> None:
        """Redraw every view from the current control values."""
        start = time.perf_counter()
        values = self.values()
        if self._plot is not None and self.figure is not None:
            if self._plot_takes == "axis":
                ax = self.figure.axes[0]
                if self._clear:
                    ax.clear()
                self._plot(ax, **values)
            else:
                if self._clear:
                    self.figure.clear()
                self._plot(self.figure, **values)
            buffer = io.BytesIO()
            # Fast PNG compression: encoding is most of an update's time.
            self.figure.savefig(buffer, format="png", dpi=90, pil_kwargs={"compress_level": 1})
            self.plot_view.value = buffer.getvalue()
        if self._table is not None:
            frame = self._table(**values)
            self.table_view.value = frame.to_html(index=False, float_format=lambda v: f"{v:.3f}",
                                                  border=0, classes="wijkwijs-table")
        if self._html is not None:
            self.html_view.value = self._html(**values)
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def html_escape(text: str) -> str:
    """Escape text for HTML views (names typed by learners are shown literally)."""
    return html.escape(str(text), quote=True)


def answer_box(exercise_id: str, on_check: Callable[[exercises.Feedback], None] | None = None):
    """A no-code answer box: a text field, *Check*, *Hint* and *Solution* buttons.

    The field accepts numbers ("0,32" or "0.32"), option letters, or items
    separated by commas for set exercises. Every control is a native input or
    button, reachable with Tab and pressed with Enter or Space. The answer is checked
    by :func:`wijkwijs.exercises.check_typed`, exactly as ``check`` would check it.
    """
    exercises.get(exercise_id)  # an unknown id fails here, before any widget is made
    field_ = w.Text(description=i18n.t("exercise.your_answer"),
                    style={"description_width": "initial"})
    buttons = [w.Button(description=i18n.t(f"exercise.{name}")) for name in
               ("check", "hint", "solution")]
    out = w.HTML(layout=w.Layout(min_height="2em"))

    def _show(fb: exercises.Feedback) -> None:
        out.value = fb.html()
        if on_check is not None:
            on_check(fb)

    buttons[0].on_click(lambda _b: _show(exercises.check_typed(exercise_id, field_.value)))
    buttons[1].on_click(lambda _b: _show(exercises.hint(exercise_id)))
    buttons[2].on_click(lambda _b: _show(exercises.show_solution(exercise_id)))
    field_.continuous_update = False
    field_.observe(lambda change: _show(exercises.check_typed(exercise_id, change["new"]))
                   if change["new"].strip() else None, names="value")
    box = w.VBox([w.HBox([field_, *buttons]), out])
    box.add_class("wijkwijs-answer-box")
    return box


def reflection_box(reflection_id: str):
    """The end of a notebook: a reflection prompt and a *Show model answer* button.

    The learner writes their own answer in the Markdown cell below (it is saved with
    the notebook, so nothing typed is lost); the button reveals the model answer to
    compare with. The button is a native button: Tab reaches it, Enter or Space presses it.
    """
    reflection = exercises.get_reflection(reflection_id)
    prompt = w.HTML(f"<p><strong>{html_escape(i18n.t('exercise.reflect'))}</strong> "
                    f"{html_escape(reflection.prompt[i18n.get_language()])}</p>")
    button = w.Button(description=i18n.t("exercise.show_model_answer"))
    out = w.HTML(layout=w.Layout(min_height="1.5em"))

    def _show(_button: w.Button) -> None:
        out.value = exercises.model_answer(reflection_id).html()

    button.on_click(_show)
    box = w.VBox([prompt, button, out])
    box.add_class("wijkwijs-reflection")
    return box


i18n.register({
    "exercise.reflect": {"en": "Reflect:", "nl": "Denk na:"},
    "exercise.show_model_answer": {"en": "Show model answer", "nl": "Toon modelantwoord"},
    "exercise.your_answer": {"en": "Your answer:", "nl": "Jouw antwoord:"},
    "exercise.check": {"en": "Check", "nl": "Controleer"},
    "exercise.hint": {"en": "Hint", "nl": "Hint"},
    "exercise.solution": {"en": "Show solution", "nl": "Toon oplossing"},
    "err.widgets.unknown_control": {
        "en": "unknown control(s) {unknown}; this explorer has {known}",
        "nl": "onbekende instelling(en) {unknown}; deze verkenner heeft {known}"},
})
