"""The wijkscan app's explorer: choose a neighbourhood, read its profile, save a memo.

Three native dropdowns (keyboard: Tab to reach one, arrow keys to choose): the source
(Havenstad, a real city shipped with the course, or your own file), the buurt, and where
the social infrastructure comes from (Havenstad's data, chapter 7's invented example, or
your own fieldwork inventory). The view is :func:`wijkwijs.examples.wijkscan.profile_html`.
Below it: a link that downloads the one-page memo (an HTML file made in the page, so
nothing leaves the machine), a button that saves it to the memo folder, and a field to
read your own neighbourhood file (chapter 8's reader).

>>> ex = wijkscan_explorer()
>>> ex.set(buurt="BU99010102")
>>> "Marktkwartier" in ex.html_view.value
True
>>> ex.set(source="amsterdam-2019")
>>> ex.controls["buurt"].value.startswith("BU0363"), "Bron: CBS" in ex.html_view.value
(True, True)
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path

import ipywidgets as w

from wijkwijs import i18n
from wijkwijs.examples import wijkscan as scan
from wijkwijs.widgets import Explorer, dropdown

__all__ = ["MEMO_DIR_ENV", "WijkscanApp", "memo_folder", "wijkscan_app", "wijkscan_explorer"]

#: The environment variable ``wijkwijs app`` sets to the folder memos are saved in.
MEMO_DIR_ENV = "WIJKWIJS_MEMO_DIR"

i18n.register({
    "wscanapp.title": {"en": "Wijkscan: the profile of a neighbourhood",
                       "nl": "Wijkscan: het profiel van een buurt"},
    "wscanapp.source": {"en": "Source", "nl": "Bron"},
    "wscanapp.buurt": {"en": "Buurt (neighbourhood)", "nl": "Buurt"},
    "wscanapp.inventory": {"en": "Social infrastructure from", "nl": "Sociale infrastructuur uit"},
    "wscanapp.inv.city": {"en": "the city's data (Havenstad)", "nl": "de data van de stad "
                                                                     "(Havenstad)"},
    "wscanapp.inv.example": {"en": "the invented example (chapter 7)",
                             "nl": "het verzonnen voorbeeld (hoofdstuk 7)"},
    "wscanapp.inv.mine": {"en": "my fieldwork inventory (chapter 7)",
                          "nl": "mijn veldwerkinventaris (hoofdstuk 7)"},
    "wscanapp.download": {"en": "Download the one-page summary (HTML, for a memo)",
                          "nl": "Download de samenvatting op één pagina (HTML, voor een memo)"},
    "wscanapp.save": {"en": "Save the summary", "nl": "Bewaar de samenvatting"},
    "wscanapp.saved": {"en": "Saved: {path}. Open it in a browser and print it, or attach "
                             "it to your memo.",
                       "nl": "Bewaard: {path}. Open het in een browser en druk het af, of "
                             "voeg het bij je memo."},
    "wscanapp.own_file": {"en": "Your own file (CSV or Excel)",
                          "nl": "Je eigen bestand (CSV of Excel)"},
    "wscanapp.read": {"en": "Read my file", "nl": "Lees mijn bestand"},
    "wscanapp.read_ok": {"en": "Read {name}: choose its buurten above.",
                         "nl": "{name} gelezen: kies hierboven de buurten."},
    "wscanapp.read_error": {"en": "Could not read the file: {error}",
                            "nl": "Kon het bestand niet lezen: {error}"},
    "wscanapp.intro": {
        "en": "Choose a source and a buurt. Havenstad is synthetic (an invented city); the "
              "real cities are CBS figures (Bron: CBS, CC BY 4.0). Every change redraws the "
              "profile below.",
        "nl": "Kies een bron en een buurt. Havenstad is synthetisch (een verzonnen stad); de "
              "echte steden zijn CBS-cijfers (Bron: CBS, CC BY 4.0). Elke wijziging tekent "
              "het profiel hieronder opnieuw."},
})


def memo_folder() -> Path:
    """Where memos are saved: ``$WIJKWIJS_MEMO_DIR``, else ``~/wijkwijs-course/memos``."""
    return Path(os.environ.get(MEMO_DIR_ENV) or "~/wijkwijs-course/memos").expanduser()


def _download_link(page: str, filename: str) -> str:
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    return (f"<a class='wscan-download' download='{html.escape(filename, quote=True)}' "
            f"href='data:text/html;charset=utf-8;base64,{data}'>"
            f"{html.escape(i18n.t('wscanapp.download'))}</a>")


def _filename(source: str, code: str) -> str:
    tail = "own" if source.startswith("file:") else source
    return f"wijkscan_{code}_{tail}.html"


class WijkscanApp:
    """The explorer plus the memo and own-file controls (``widget`` shows all of them)."""

    def __init__(self, source: str = "havenstad-2019", code: str | None = None,
                 inventory: str = "city", warm: bool = True) -> None:
        if warm:
            scan.warm_up()
        sources = scan.source_options()
        if source not in sources.values():
            raise ValueError(f"unknown source {source!r}; choose one of "
                             f"{', '.join(sources.values())}.")
        buurten = scan.neighbourhood_options(source)
        source_control = dropdown("wscanapp.source", sources, value=source)
        buurt_control = dropdown("wscanapp.buurt", buurten,
                                 value=code or next(iter(buurten.values())))
        inventory_control = dropdown(
            "wscanapp.inventory",
            {i18n.t(f"wscanapp.inv.{c}"): c for c in scan.INVENTORY_CHOICES}, value=inventory)
        # Registered before the explorer's own observer: a new source first gets its
        # buurten, and that change redraws the view once, with matching values.
        source_control.observe(self._new_source, names="value")
        self.download = w.HTML()
        self.status = w.HTML()
        self._last: tuple | None = None
        self._page = ""
        self.explorer = Explorer(
            {"source": source_control, "buurt": buurt_control, "inventory": inventory_control},
            html=self._view, title="wscanapp.title")
        self.save_button = w.Button(description=i18n.t("wscanapp.save"))
        self.save_button.on_click(self._save)
        self.file_field = w.Text(description=i18n.t("wscanapp.own_file"),
                                 placeholder="mijn_buurten.csv",
                                 style={"description_width": "14em"},
                                 layout=w.Layout(width="36em"))
        self.read_button = w.Button(description=i18n.t("wscanapp.read"))
        self.read_button.on_click(self._read)
        self.widget = w.VBox([
            w.HTML(f"<p>{html.escape(i18n.t('wscanapp.intro'))}</p>"), self.explorer.widget,
            w.HBox([self.download, self.save_button]), self.status,
            w.HBox([self.file_field, self.read_button])])

    # the view -------------------------------------------------------------------
    def _view(self, source: str, buurt: str, inventory: str) -> str:
        key = (source, buurt, inventory, i18n.get_language())
        if key == self._last:  # the same values again (a source change redraws once more)
            return self.explorer.html_view.value
        if buurt not in scan.neighbourhood_options(source).values():
            buurt = next(iter(scan.neighbourhood_options(source).values()))
        p = scan.profile(source, buurt, inventory)
        self._page = scan.memo_html(p)
        self._filename = _filename(source, buurt)
        self.download.value = _download_link(self._page, self._filename)
        self._last = key
        return scan.profile_html(p)

    def _new_source(self, change: dict) -> None:
        self.explorer.controls["buurt"].options = list(
            scan.neighbourhood_options(change["new"]).items())

    # the buttons ------------------------------------------------------------------
    def save(self) -> Path:
        """Write the current memo to :func:`memo_folder`; return its path."""
        folder = memo_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self._filename
        path.write_text(self._page, encoding="utf-8")
        self.status.value = html.escape(i18n.t("wscanapp.saved", path=path))
        return path

    def _save(self, _button: w.Button) -> None:
        self.save()

    def read_file(self, path: str | Path) -> str:
        """Read a learner's own neighbourhood file and show it; return its source key."""
        try:
            key = scan.add_own_file(path)
        except (OSError, ValueError) as error:
            self.status.value = html.escape(i18n.t("wscanapp.read_error", error=error))
            return ""
        source = self.explorer.controls["source"]
        source.options = list(scan.source_options().items())
        self.explorer.set(source=key)
        self.status.value = html.escape(i18n.t("wscanapp.read_ok", name=Path(path).name))
        return key

    def _read(self, _button: w.Button) -> None:
        self.read_file(self.file_field.value.strip())

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def wijkscan_app(source: str = "havenstad-2019", code: str | None = None,
                 inventory: str = "city") -> WijkscanApp:
    """The whole wijkscan app (explorer, memo buttons, own file), as ``apps/wijkscan`` shows it."""
    return WijkscanApp(source, code, inventory)


def wijkscan_explorer(source: str = "havenstad-2019", code: str | None = None,
                      inventory: str = "city") -> Explorer:
    """Just the explorer of the wijkscan app (its ``html_view`` is the profile)."""
    return WijkscanApp(source, code, inventory).explorer
