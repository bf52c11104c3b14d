"""Numbers typed with the other decimal mark are read as decimals wherever they cannot group
thousands, in an English and in a German system alike."""

import pytest
from PySide6.QtCore import QLocale

from blueprint.ui.inspector.numbers import in_locale

ENGLISH = QLocale("en_GB")
GERMAN = QLocale("de_DE")


@pytest.mark.parametrize(
    ("locale", "typed", "read"),
    [
        (ENGLISH, "12,5", "12.5"),
        (ENGLISH, "612,50", "612.50"),
        (ENGLISH, "-3,5", "-3.5"),
        (ENGLISH, "1.234,5", "1234.5"),
        (ENGLISH, "1,234", "1,234"),  # thousands, as an English system writes them
        (ENGLISH, "1,234,567", "1,234,567"),
        (ENGLISH, "12.5", "12.5"),
        (GERMAN, "12.5", "12,5"),
        (GERMAN, "1,234.5", "1234,5"),
        (GERMAN, "1.234", "1.234"),
        (GERMAN, "12,5", "12,5"),
    ],
)
def test_the_other_decimal_mark_is_read_where_it_groups_nothing(locale, typed, read):
    assert in_locale(typed, locale) == read


def test_not_set_is_read_out_as_shown_never_as_the_number_behind_it(qtbot):
    """A screen reader heard '-1' where the field showed 'not set', and '0' for 'unknown'."""
    from PySide6.QtGui import QAccessible

    from blueprint.ui.inspector.numbers import NOT_SET, NumberBox

    wait = NumberBox(0, 600, 1, 1, " min", optional=True)
    qtbot.addWidget(wait)
    wait.set_number(None)
    said = QAccessible.queryAccessibleInterface(wait)
    assert wait.text() == NOT_SET and said.text(QAccessible.Text.Value) == NOT_SET
    wait.set_number(11)
    assert said.text(QAccessible.Text.Value) == "11"
