"""A blueprint as tables: one sheet per kind of entity, written and read as an Excel
workbook or as a folder of CSV files, with the same columns, choices and formula-safe cells
(``columns`` decides them once); and measures taken from a spreadsheet (``metrics``)."""

from .csv_codec import export_csv_folder, import_csv_folder
from .workbook import unread_sentence
from .xlsx_codec import export_xlsx, import_xlsx

__all__ = [
    "export_csv_folder",
    "export_xlsx",
    "import_csv_folder",
    "import_xlsx",
    "unread_sentence",
]
