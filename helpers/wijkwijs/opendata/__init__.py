"""Real Dutch neighbourhood data, read right: CBS KWB, Leefbaarometer, geometry, own files.

Real neighbourhood data are messy, and a reader that gets them silently wrong is worse
than none. Every reader here maps columns by their meaning (never by position or a
year-specific suffix), keeps CBS's values as published (percentages stay percentages;
suppressed values are ``NaN``, never 0), records where each column came from in
``frame.attrs``, and refuses bad input with a :class:`ValueError` that says where.

* :func:`read_kwb` — CBS *Kerncijfers wijken en buurten*, in any of four formats;
* :func:`read_leefbaarometer` — Leefbaarometer 3.0 area exports;
* :func:`read_neighbourhood_file` — your own CSV or Excel table;
* :func:`read_geometry` / :func:`join_geometry` — boundaries (GeoJSON, GeoPackage);
* :func:`download_kwb` — one municipality from CBS, when you are online (cached);
* :func:`shipped`, :func:`shipped_geometry`, :func:`shipped_municipalities` — the real
  snapshot shipped with the course (Bron: CBS, CC BY 4.0); :func:`example_path` — two
  example files to practise on;
* :func:`column_guide` — what each column means, in English and Dutch;
* :mod:`wijkwijs.opendata.measures` — the measures of chapters 1 and 2 on real buurten:
  :func:`group_counts`, :func:`withheld_values`, :func:`quality_check`,
  :func:`segregation_table`, :func:`inequality_between`, :func:`change_table`,
  :func:`scale_table`, ...; :func:`join_leefbaarometer` puts scores next to them.

This is a data layer: it uses pandas, numpy and geopandas, and draws nothing.

>>> from wijkwijs import opendata
>>> kwb = opendata.shipped("amsterdam", 2019)
>>> kwb.attrs["source_columns"]["pct_social_rent"]
'pct_social_rent'
>>> buurten = kwb[kwb.level == "buurt"]
>>> int(buurten.pct_social_rent.isna().sum())  # suppressed by CBS: NaN, not 0
70
"""

from __future__ import annotations

from wijkwijs.opendata.columns import ID_COLUMNS, VARIABLES, column_guide, identify
from wijkwijs.opendata.download import cache_dir, cached_downloads, download_kwb
from wijkwijs.opendata.errors import (
    DownloadError,
    InputFileError,
    JoinWarning,
    OfflineError,
    UnmappedColumnsWarning,
)
from wijkwijs.opendata.geometry import join_geometry, read_geometry
from wijkwijs.opendata.kwb import KWB_TABLES, read_kwb
from wijkwijs.opendata.leefbaarometer import join_leefbaarometer, read_leefbaarometer
from wijkwijs.opendata.measures import (
    BASE_OF_SHARE,
    areas,
    change_in_shares,
    change_table,
    group_counts,
    inequality_between,
    left_out,
    measure_overview,
    quality_check,
    scale_table,
    segregation_table,
    withheld_summary,
    withheld_values,
)
from wijkwijs.opendata.own import read_neighbourhood_file
from wijkwijs.opendata.shipped import (
    EXAMPLE_FILES,
    example_path,
    provenance,
    shipped,
    shipped_geometry,
    shipped_municipalities,
    shipped_names,
)

__all__ = [
    "BASE_OF_SHARE",
    "EXAMPLE_FILES",
    "ID_COLUMNS",
    "KWB_TABLES",
    "VARIABLES",
    "DownloadError",
    "InputFileError",
    "JoinWarning",
    "OfflineError",
    "UnmappedColumnsWarning",
    "areas",
    "cache_dir",
    "cached_downloads",
    "change_in_shares",
    "change_table",
    "column_guide",
    "download_kwb",
    "example_path",
    "group_counts",
    "identify",
    "inequality_between",
    "join_geometry",
    "join_leefbaarometer",
    "left_out",
    "measure_overview",
    "provenance",
    "quality_check",
    "read_geometry",
    "read_kwb",
    "read_leefbaarometer",
    "read_neighbourhood_file",
    "scale_table",
    "segregation_table",
    "shipped",
    "shipped_geometry",
    "shipped_municipalities",
    "shipped_names",
    "withheld_summary",
    "withheld_values",
]
