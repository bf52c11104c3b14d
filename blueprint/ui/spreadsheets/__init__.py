"""Spreadsheets in the editor: the blueprint to and from an Excel workbook, and measures
imported from an analytics or contact-centre export."""

from .actions import SpreadsheetActions, install_spreadsheets

__all__ = ["SpreadsheetActions", "install_spreadsheets"]
