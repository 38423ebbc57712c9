"""The messages of :mod:`wijkwijs.opendata` that a learner meets, in English and Dutch.

Every error (and warning) of the readers says *where* (file, line, row or record, code,
column) and *what* was expected. The English text is the one the tests match; the Dutch
follows it in plain words. Keys start with ``err.opendata.``; :func:`wijkwijs.i18n.t`
fills them in, in the language chosen with :func:`wijkwijs.i18n.set_language`.

>>> from wijkwijs import i18n
>>> i18n.set_language("nl")
>>> i18n.t("err.opendata.place.line", line=7)
'regel 7'
>>> i18n.set_language("en")
>>> i18n.t("err.opendata.number", value="'abc'")
"expected a number, found 'abc'"
"""

from __future__ import annotations

from wijkwijs import i18n

__all__: list[str] = []

i18n.register({
    # --- where (errors.describe_place)
    "err.opendata.place.sheet": {"en": "sheet {sheet!r}", "nl": "werkblad {sheet!r}"},
    "err.opendata.place.line": {"en": "line {line}", "nl": "regel {line}"},
    "err.opendata.place.row": {"en": "row {row}", "nl": "rij {row}"},
    "err.opendata.place.record": {"en": "record {record}", "nl": "record {record}"},
    "err.opendata.place.code": {"en": " (code {code})", "nl": " (code {code})"},
    "err.opendata.place.column": {"en": "column {column!r}", "nl": "kolom {column!r}"},
    "err.opendata.and_more": {"en": " and {n} more", "nl": " en nog {n}"},
    # --- reading the file (tables.py)
    "err.opendata.no_such_file": {"en": "{path}: no such file",
                                  "nl": "{path}: dit bestand bestaat niet"},
    "err.opendata.is_folder": {"en": "is a folder; expected a data file",
                               "nl": "is een map; verwacht een databestand"},
    "err.opendata.empty": {
        "en": "the file is empty; expected a header line and data rows",
        "nl": "het bestand is leeg; verwacht een kopregel en rijen met gegevens"},
    "err.opendata.empty_workbook": {
        "en": "the workbook is empty; expected a header row and data rows",
        "nl": "de werkmap is leeg; verwacht een kopregel en rijen met gegevens"},
    "err.opendata.no_rows": {"en": "has a header but no data rows",
                             "nl": "heeft een kopregel maar geen rijen met gegevens"},
    "err.opendata.old_xls": {
        "en": "is an old Excel .xls file; open it in a spreadsheet program and save it as "
              ".xlsx or CSV",
        "nl": "is een oud Excel-bestand (.xls); open het in een spreadsheetprogramma en sla "
              "het op als .xlsx of CSV"},
    "err.opendata.is_geopackage": {
        "en": "is a GeoPackage (SQLite) file; read it with read_geometry()",
        "nl": "is een GeoPackage-bestand (SQLite); lees het met read_geometry()"},
    "err.opendata.nul_bytes": {
        "en": "is a binary file (it contains NUL bytes); expected a text file (CSV or JSON) "
              "or an Excel .xlsx workbook",
        "nl": "is een binair bestand (er staan NUL-bytes in); verwacht een tekstbestand "
              "(CSV of JSON) of een Excel-werkmap (.xlsx)"},
    "err.opendata.encoding": {
        "en": "is not text in UTF-8 or Windows-1252 (byte {byte}); expected a CSV or JSON "
              "file",
        "nl": "is geen tekst in UTF-8 of Windows-1252 (byte {byte}); verwacht een CSV- of "
              "JSON-bestand"},
    "err.opendata.control_chars": {
        "en": "looks like a binary file (many control characters); expected a CSV or JSON "
              "file",
        "nl": "lijkt een binair bestand (veel stuurtekens); verwacht een CSV- of "
              "JSON-bestand"},
    "err.opendata.fields_fewer": {
        "en": "has {fields} fields, fewer than the {columns} columns of the header (line "
              "{header_line}); a truncated or broken line?",
        "nl": "heeft {fields} velden, minder dan de {columns} kolommen van de kopregel "
              "(regel {header_line}); een afgebroken of kapotte regel?"},
    "err.opendata.fields_more": {
        "en": "has {fields} fields, more than the {columns} columns of the header (line "
              "{header_line}); a truncated or broken line?",
        "nl": "heeft {fields} velden, meer dan de {columns} kolommen van de kopregel "
              "(regel {header_line}); een afgebroken of kapotte regel?"},
    "err.opendata.bad_csv": {"en": "is not valid CSV ({detail})",
                             "nl": "is geen geldige CSV ({detail})"},
    "err.opendata.column_twice": {
        "en": "column {name!r} appears twice (columns {first} and {second}); expected "
              "unique column names",
        "nl": "kolom {name!r} komt twee keer voor (kolom {first} en {second}); verwacht "
              "dat elke kolom een eigen naam heeft"},
    "err.opendata.bad_json": {
        "en": "is not valid JSON ({detail} at column {column}); truncated?",
        "nl": "is geen geldige JSON ({detail} bij kolom {column}); afgebroken?"},
    "err.opendata.json_no_value": {
        "en": "is JSON without a 'value' member; expected CBS OData JSON such as "
              "{\"value\": [{...}, ...]}",
        "nl": "is JSON zonder 'value'; verwacht OData-JSON van het CBS, zoals "
              "{\"value\": [{...}, ...]}"},
    "err.opendata.json_value_kind": {
        "en": "has a 'value' that is neither a list nor an object of records",
        "nl": "heeft een 'value' die geen lijst en geen object met records is"},
    "err.opendata.no_records": {"en": "has no records", "nl": "heeft geen records"},
    "err.opendata.json_record": {
        "en": "is {record} ({kind}); expected an object of column: value pairs",
        "nl": "is {record} ({kind}); verwacht een object met paren kolom: waarde"},
    "err.opendata.needs_openpyxl": {
        "en": "is an Excel workbook, and reading one needs openpyxl (pip install openpyxl)",
        "nl": "is een Excel-werkmap, en om die te lezen is openpyxl nodig "
              "(pip install openpyxl)"},
    "err.opendata.bad_xlsx": {"en": "is not a readable .xlsx workbook ({detail})",
                              "nl": "is geen leesbare .xlsx-werkmap ({detail})"},
    "err.opendata.no_sheet": {"en": "has no sheet {sheet!r}; sheets: {sheets}",
                              "nl": "heeft geen werkblad {sheet!r}; werkbladen: {sheets}"},
    "err.opendata.beyond_header": {
        "en": "has values beyond the {columns} header columns",
        "nl": "heeft waarden voorbij de {columns} kolommen van de kopregel"},
    # --- numbers (values.py)
    "err.opendata.number": {"en": "expected a number, found {value}",
                            "nl": "verwacht een getal, maar er staat {value}"},
    "err.opendata.mixed_marks_column": {
        "en": "mixes decimal commas and points in one column ({comma} and {point}); "
              "expected one decimal mark",
        "nl": "gebruikt in één kolom zowel decimale komma's als punten ({comma} en "
              "{point}); verwacht één decimaalteken"},
    "err.opendata.count": {
        "en": "expected a whole number >= 0 (a count), found {value}",
        "nl": "verwacht een heel getal >= 0 (een aantal), maar er staat {value}"},
    "err.opendata.percent": {
        "en": "expected a percentage between 0 and 100, found {value}",
        "nl": "verwacht een percentage tussen 0 en 100, maar er staat {value}"},
    "err.opendata.amount": {"en": "expected a number >= 0, found {value}",
                            "nl": "verwacht een getal >= 0, maar er staat {value}"},
    "err.opendata.whole": {
        "en": "expected a whole number (a count), found {value}",
        "nl": "verwacht een heel getal (een aantal), maar er staat {value}"},
    # --- codes, levels and columns (tidy.py)
    "err.opendata.no_code_column": {
        "en": "has no column with area codes; expected one such as Codering_3, "
              "WijkenEnBuurten, gwb_code_10, gwb_code, code or buurtcode; found "
              "{found}{more}",
        "nl": "heeft geen kolom met gebiedscodes; verwacht een kolom zoals Codering_3, "
              "WijkenEnBuurten, gwb_code_10, gwb_code, code of buurtcode; gevonden: "
              "{found}{more}"},
    "err.opendata.no_code_example": {
        "en": "has no area code; expected a code such as BU03630000",
        "nl": "heeft geen gebiedscode; verwacht een code zoals BU03630000"},
    "err.opendata.not_cbs_code": {
        "en": "expected a CBS area code (NL00, GM + 4 digits, WK + 6, BU + 8), found "
              "{value!r}",
        "nl": "verwacht een gebiedscode van het CBS (NL00, GM + 4 cijfers, WK + 6, BU + 8), "
              "maar er staat {value!r}"},
    "err.opendata.code_twice_also": {
        "en": "the code {value!r} appears twice (also {first}); expected one row per area",
        "nl": "de code {value!r} komt twee keer voor (ook op {first}); verwacht één rij "
              "per gebied"},
    "err.opendata.same_meaning": {
        "en": "columns {first!r} and {second!r} both mean {meaning!r}; expected one",
        "nl": "de kolommen {first!r} en {second!r} betekenen allebei {meaning!r}; verwacht "
              "er één"},
    "err.opendata.bad_level": {
        "en": "expected a level (Land, Gemeente, Wijk or Buurt), found {value!r}",
        "nl": "verwacht een niveau (Land, Gemeente, Wijk of Buurt), maar er staat "
              "{value!r}"},
    "err.opendata.level_contradicts": {
        "en": "the level says {value!r} but the code {code!r} is a {level}",
        "nl": "het niveau zegt {value!r}, maar de code {code!r} is een {level}"},
    "err.opendata.gemeente_mismatch": {
        "en": "gemeente_code {given!r} does not match the code's municipality {derived!r}",
        "nl": "gemeente_code {given!r} past niet bij de gemeente van de code {derived!r}"},
    "err.opendata.mixed_marks_file": {
        "en": "mixes decimal marks: column {comma!r} uses a decimal comma and column "
              "{point!r} a decimal point; expected one",
        "nl": "gebruikt twee decimaaltekens: kolom {comma!r} een decimale komma en kolom "
              "{point!r} een decimale punt; verwacht er één"},
    "err.opendata.warn_mostly_numbers": {
        "en": "{file}: column {column!r} is mostly numbers but {place} has {value!r} "
              "({problem}); the column was kept as text",
        "nl": "{file}: kolom {column!r} bevat vooral getallen, maar op {place} staat "
              "{value!r} ({problem}); de kolom is als tekst bewaard"},
    "err.opendata.warn_did_you_mean": {"en": " (did you mean {hint}?)",
                                       "nl": " (bedoel je {hint}?)"},
    "err.opendata.warn_in_records": {"en": " in {n} of {total} records ({codes})",
                                     "nl": " in {n} van de {total} records ({codes})"},
    "err.opendata.warn_unknown_columns": {
        "en": "{file}: {n} column(s) not recognised and not read: {described}{more}. They "
              "are listed in frame.attrs['unknown_columns'].",
        "nl": "{file}: {n} kolom(men) niet herkend en niet gelezen: {described}{more}. Ze "
              "staan in frame.attrs['unknown_columns']."},
    # --- Leefbaarometer (leefbaarometer.py)
    "err.opendata.lbm_year": {"en": "expected a year, found {value:g}",
                              "nl": "verwacht een jaartal, maar er staat {value:g}"},
    "err.opendata.lbm_class": {
        "en": "expected a class from 1 to 9, found {value:g}",
        "nl": "verwacht een klasse van 1 tot en met 9, maar er staat {value:g}"},
    "err.opendata.lbm_no_code_column": {
        "en": "has no area-code column; expected one of {expected}; found {found}",
        "nl": "heeft geen kolom met gebiedscodes; verwacht een van {expected}; gevonden: "
              "{found}"},
    "err.opendata.no_code": {"en": "has no area code", "nl": "heeft geen gebiedscode"},
    "err.opendata.lbm_twice_year": {
        "en": "the area {code!r} appears twice in {year:g}; expected one row per area and "
              "year",
        "nl": "het gebied {code!r} komt twee keer voor in {year:g}; verwacht één rij per "
              "gebied en jaar"},
    "err.opendata.lbm_twice_file": {
        "en": "the area {code!r} appears twice in the file; expected one row per area and "
              "year",
        "nl": "het gebied {code!r} komt twee keer voor in het bestand; verwacht één rij per "
              "gebied en jaar"},
    "err.opendata.lbm_warn_unknown": {
        "en": "{file}: column(s) not recognised and not read: {columns}",
        "nl": "{file}: kolom(men) niet herkend en niet gelezen: {columns}"},
    "err.opendata.lbm_needs_code": {
        "en": "{name} must be a table with a 'code' column (read the export with "
              "read_leefbaarometer())",
        "nl": "{name} moet een tabel met een kolom 'code' zijn (lees de export met "
              "read_leefbaarometer())"},
    "err.opendata.lbm_which_year": {
        "en": "the export has the years {years}; say which with year=...",
        "nl": "de export heeft de jaren {years}; kies er een met year=..."},
    "err.opendata.lbm_no_year": {"en": "the export has no year {year}; it has {years}",
                                 "nl": "de export heeft geen jaar {year}; wel {years}"},
    "err.opendata.lbm_warn_join": {
        "en": "join_leefbaarometer: {n_lbm} code(s) only in the export ({lbm}), {n_data} "
              "only in the data ({data}). See attrs['unmatched_lbm'] and "
              "attrs['unmatched_data'].",
        "nl": "join_leefbaarometer: {n_lbm} code(s) alleen in de export ({lbm}), {n_data} "
              "alleen in de data ({data}). Zie attrs['unmatched_lbm'] en "
              "attrs['unmatched_data']."},
    # --- the files shipped with the course (shipped.py)
    "err.opendata.s_no_example": {
        "en": "there is no example file {name!r}; examples: {examples}",
        "nl": "er is geen voorbeeldbestand {name!r}; voorbeelden: {examples}"},
    "err.opendata.s_no_city": {"en": "no shipped data for {city!r}; shipped: {shipped}",
                               "nl": "de cursus heeft geen data voor {city!r}; wel voor: "
                                     "{shipped}"},
    "err.opendata.s_no_year": {
        "en": "no shipped KWB for {city!r} in {year}; shipped: {shipped}",
        "nl": "de cursus heeft geen KWB voor {city!r} in {year}; wel voor: {shipped}"},
    "err.opendata.s_no_geometry": {
        "en": "no shipped geometry for {city!r}; only Rotterdam's buurten are shipped",
        "nl": "de cursus heeft geen buurtgrenzen voor {city!r}; alleen die van de buurten "
              "van Rotterdam"},
    # --- boundaries (geometry.py)
    "err.opendata.geo_no_layer": {"en": "has no layer {layer!r}; layers: {layers}",
                                  "nl": "heeft geen laag {layer!r}; lagen: {layers}"},
    "err.opendata.geo_which_layer": {
        "en": "has {n} layers ({layers}); say which with layer=...",
        "nl": "heeft {n} lagen ({layers}); kies er een met layer=..."},
    "err.opendata.geo_binary": {
        "en": "is a binary file that is not a GeoPackage; expected GeoJSON or a GeoPackage",
        "nl": "is een binair bestand maar geen GeoPackage; verwacht GeoJSON of een "
              "GeoPackage"},
    "err.opendata.geo_unreadable": {
        "en": "is not a readable GeoJSON or GeoPackage ({detail})",
        "nl": "is geen leesbare GeoJSON of GeoPackage ({detail})"},
    "err.opendata.geo_no_crs": {
        "en": "has no coordinate reference system and its coordinates are neither "
              "longitude/latitude nor RD New (EPSG:28992)",
        "nl": "heeft geen coördinatenstelsel, en de coördinaten zijn geen "
              "lengte-/breedtegraden en ook geen RD New (EPSG:28992)"},
    "err.opendata.geo_crs_contradicts": {
        "en": "says its coordinates are {crs} (degrees) but they run to {maxx:.0f}, "
              "{maxy:.0f}: metres in RD New (EPSG:28992)? Fix the file's CRS",
        "nl": "zegt dat de coördinaten {crs} zijn (graden), maar ze lopen tot {maxx:.0f}, "
              "{maxy:.0f}: meters in RD New (EPSG:28992)? Verbeter het coördinatenstelsel "
              "(CRS) van het bestand"},
    "err.opendata.geo_no_features": {
        "en": "has no features; expected one polygon per area",
        "nl": "heeft geen vormen (features); verwacht één polygoon per gebied"},
    "err.opendata.geo_no_code_column": {
        "en": "has no column with area codes; expected one of {expected} (or a column of "
              "CBS codes); found {found}",
        "nl": "heeft geen kolom met gebiedscodes; verwacht een van {expected} (of een kolom "
              "met CBS-codes); gevonden: {found}"},
    "err.opendata.geo_code_twice": {
        "en": "the code {code!r} appears twice; expected one feature per area",
        "nl": "de code {code!r} komt twee keer voor; verwacht één vorm per gebied"},
    "err.opendata.geo_no_geometry": {
        "en": "has no geometry; expected a polygon",
        "nl": "heeft geen geometrie; verwacht een polygoon"},
    "err.opendata.join_needs_code": {
        "en": "{name} has no 'code' column; read it with read_geometry() / read_kwb(), or "
              "rename its code column to 'code'",
        "nl": "{name} heeft geen kolom 'code'; lees het met read_geometry() / read_kwb(), "
              "of geef de kolom met codes de naam 'code'"},
    "err.opendata.join_how": {"en": "how must be 'inner' or 'left', not {how!r}",
                              "nl": "how moet 'inner' of 'left' zijn, niet {how!r}"},
    "err.opendata.warn_geo_no_data": {
        "en": "{n} polygon(s) have no data row ({codes})",
        "nl": "{n} polygoon/polygonen zonder rij met gegevens ({codes})"},
    "err.opendata.warn_data_no_geo": {
        "en": "{n} data row(s) have no polygon ({codes})",
        "nl": "{n} rij(en) met gegevens zonder polygoon ({codes})"},
    "err.opendata.warn_join_geometry": {
        "en": "join_geometry: {parts}. See attrs['unmatched_geometry'] and "
              "attrs['unmatched_data'].",
        "nl": "join_geometry: {parts}. Zie attrs['unmatched_geometry'] en "
              "attrs['unmatched_data']."},
})
