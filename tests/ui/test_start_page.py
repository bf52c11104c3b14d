"""The start page, as a person meets it: opening the app without a file, then a click (or a
key) on a template, an example, a recent file or Open…."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCommandLinkButton,
    QDockWidget,
    QLabel,
    QMessageBox,
    QToolBar,
    QWidget,
)

from blueprint.contrast import contrast_ratio
from blueprint.model.states import current_state
from blueprint.model.templates import TEMPLATES, new_blueprint
from blueprint.storage import load_blueprint
from blueprint.ui import app
from blueprint.ui.document import Document
from blueprint.ui.main_window import MainWindow
from blueprint.ui.recent_files import recent_files, remember_file
from blueprint.ui.start_page import NO_RECENT, StartPage
from tests.conftest import SAMPLES
from tests.ui.conftest import BROADBAND
from tests.ui.test_desktop import drop, file_drag
from tests.ui.window_helpers import close_quietly

Click = Qt.MouseButton.LeftButton


@pytest.fixture
def windows(qtbot):
    opened = []
    yield opened
    for window in opened:
        close_quietly(window)


@pytest.fixture
def recent(tmp_path):
    """Two blueprints opened lately, the newest first."""
    paths = []
    for name in ("older workshop", "last week's plan"):
        path = tmp_path / f"{name}.blueprint"
        shutil.copyfile(BROADBAND, path)
        remember_file(path)
        paths.insert(0, path)
    return paths


def start(qtbot, windows):
    """The app opened without a file: its window, and the start page on it."""
    app.open_windows(["blueprint"], windows)
    (window,) = windows
    qtbot.waitExposed(window)
    window.activateWindow()  # for its keyboard shortcuts
    qtbot.waitUntil(window.isActiveWindow)
    page = window.findChild(StartPage)
    assert page is not None and page.isVisible()
    return window, page


def titles(buttons) -> list[str]:
    return [b.text() for b in buttons]


def in_the_editor(window) -> bool:
    """The page is gone and the grid is in sight and in reach."""
    page = window.findChild(StartPage)
    gone = page is None or not page.isVisible()
    return gone and window.canvas.isVisible() and window.canvas.isEnabled()


def click(qtbot, button: QCommandLinkButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Click)


def channel_names(blueprint) -> list[str]:
    return [c.name for c in blueprint.channels]


# --- what it offers -----------------------------------------------------------------------


def test_it_offers_the_templates_the_examples_open_and_the_recent_files(qtbot, windows, recent):
    _window, page = start(qtbot, windows)
    assert titles(page.template_buttons.values()) == ["Standard", "Digital", "Minimal"]
    assert titles(page.example_buttons.values()) == [
        "Airline delayed bag",
        "Broadband installation",
        "Grocery delivery",
    ]
    assert titles(page.recent_buttons.values()) == [p.name for p in recent]
    assert [b.description() for b in page.recent_buttons.values()] == [str(recent[0].parent)] * 2
    assert page.open_button.text() == "Open…"
    assert "plan what to fix first" in words_on(page)


def words_on(page) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel))


def test_the_examples_are_the_samples_shipped(qtbot, windows):
    _window, page = start(qtbot, windows)
    assert [p.name for p in page.example_buttons] == [p.name for p in SAMPLES]


def test_with_no_recent_files_it_says_where_they_will_appear(qtbot, windows):
    _window, page = start(qtbot, windows)
    assert page.recent_buttons == {}
    assert "will be listed here" in words_on(page)


def test_a_file_named_on_the_command_line_opens_without_the_page(windows):
    app.open_windows(["blueprint", str(BROADBAND)], windows)
    assert windows[0].findChild(StartPage) is None
    assert windows[0].document.path == BROADBAND


# --- each choice opens --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_a_template_starts_a_new_untitled_blueprint_from_it(qtbot, windows, name):
    window, page = start(qtbot, windows)
    click(qtbot, page.template_buttons[name])
    assert in_the_editor(window)
    document = window.document
    assert channel_names(document.blueprint) == channel_names(new_blueprint(name))
    assert document.path is None and not window.isWindowModified()
    assert window.windowTitle() == "Untitled[*] — Blueprint"


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_an_example_opens_as_an_untitled_copy_of_the_sample(qtbot, windows, sample):
    before = sample.read_bytes()
    window, page = start(qtbot, windows)
    (button,) = [b for p, b in page.example_buttons.items() if p.name == sample.name]
    click(qtbot, button)
    assert in_the_editor(window)
    assert window.document.blueprint.title == load_blueprint(sample).title
    cards = window.canvas.blueprint_scene.cards()
    assert len(cards) == len(current_state(load_blueprint(sample)).touchpoints)
    # Saving asks where: the sample itself is never written over.
    assert window.document.path is None
    assert sample.read_bytes() == before
    assert sample not in recent_files()


def test_an_example_is_shown_whole_as_the_sample_opened_from_a_file_is(qtbot, windows):
    window, page = start(qtbot, windows)
    window.resize(2400, 1500)  # a large screen: the sample fits at a zoom of its own
    before = window.canvas.zoom()
    (button,) = [b for p, b in page.example_buttons.items() if p.name == BROADBAND.name]
    click(qtbot, button)
    opened = MainWindow(Document())
    windows.append(opened)
    opened.resize(window.size())
    opened.open_path(BROADBAND)
    opened.show()
    qtbot.waitUntil(lambda: opened.canvas.zoom() != before)
    qtbot.waitUntil(lambda: window.canvas.zoom() == opened.canvas.zoom())


def test_a_recent_file_opens_and_moves_to_the_top(qtbot, windows, recent):
    window, page = start(qtbot, windows)
    click(qtbot, page.recent_buttons[recent[1]])
    assert in_the_editor(window)
    assert window.document.path == recent[1]
    assert recent_files()[0] == recent[1]


def test_open_asks_for_a_file_and_opens_it(qtbot, windows, monkeypatch, tmp_path):
    path = tmp_path / "from a colleague.blueprint"
    shutil.copyfile(BROADBAND, path)
    window, page = start(qtbot, windows)
    monkeypatch.setattr(window, "ask_open_path", lambda: path)
    click(qtbot, page.open_button)
    assert in_the_editor(window)
    assert window.document.path == path


def test_open_cancelled_stays_on_the_page(qtbot, windows, monkeypatch):
    window, page = start(qtbot, windows)
    monkeypatch.setattr(window, "ask_open_path", lambda: None)
    click(qtbot, page.open_button)
    assert page.isVisible() and window.document.path is None


def test_a_recent_file_gone_is_explained_and_leaves_the_list(qtbot, windows, recent, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(title))
    recent[0].unlink()
    _window, page = start(qtbot, windows)
    click(qtbot, page.recent_buttons[recent[0]])
    assert shown == ["Cannot open the blueprint"]
    assert page.isVisible()
    assert list(page.recent_buttons) == [recent[1]]
    assert recent_files() == [recent[1]]


# --- keys, and leaving it otherwise -------------------------------------------------------


def test_keys_alone_pick_a_template(qtbot, windows):
    window, page = start(qtbot, windows)
    standard = page.template_buttons["standard"]
    assert window.focusWidget() is standard
    qtbot.keyClick(standard, Qt.Key.Key_Tab)
    digital = page.template_buttons["digital"]
    assert window.focusWidget() is digital
    qtbot.keyClick(digital, Qt.Key.Key_Space)
    assert in_the_editor(window)
    assert channel_names(window.document.blueprint) == channel_names(new_blueprint("digital"))


def test_enter_picks_the_focused_choice(qtbot, windows):
    """A push button outside a dialog takes only Space: Enter on a focused template did
    nothing, which is the key a facilitator presses."""
    window, page = start(qtbot, windows)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is page.template_buttons["minimal"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert in_the_editor(window)
    assert channel_names(window.document.blueprint) == channel_names(new_blueprint("minimal"))
    # The grid has the keys: an arrow reaches the first cell (the tab bar had the focus).
    assert window.focusWidget() is window.canvas
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.editing.keyboard.cursor_cell() is not None


def test_the_menus_work_after_a_choice_picked_by_keys(qtbot, windows):
    """Share Live, Join Live and Leave crashed ('Internal C++ object (QMenu) already
    deleted') after a template was picked on the start page: leaving with the keys on a
    choice left Python without the window's menus."""
    from PySide6.QtWidgets import QApplication

    window, page = start(qtbot, windows)
    assert page.isAncestorOf(window.focusWidget())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert in_the_editor(window)
    qtbot.waitUntil(lambda: window.findChild(StartPage) is None)  # deleted, not just hidden
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = window.menus.edit
    assert QApplication.activePopupWidget() is menu and menu.actions()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


def test_tab_goes_round_the_choices_with_no_stop_unseen(qtbot, windows):
    """The page's scroll area was a Tab stop of its own, with nothing to show it."""
    window, page = start(qtbot, windows)
    buttons = [
        *page.template_buttons.values(),
        *page.example_buttons.values(),
        *page.recent_buttons.values(),
    ]
    seen = set()
    for _ in range(len(buttons) + 3):
        focused = window.focusWidget()
        seen.add(focused)
        assert isinstance(focused, QCommandLinkButton) or focused.isVisible(), focused
        assert not isinstance(focused, QAbstractScrollArea), "a stop with nothing to show"
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert all(button in seen for button in buttons)


def test_the_focused_choice_shows_it_has_the_focus(qtbot, windows):
    """Fusion draws no focus on a command link: Tab moved through the page unseen."""
    window, page = start(qtbot, windows)
    standard, digital = page.template_buttons["standard"], page.template_buttons["digital"]
    unfocused = digital.grab().toImage()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is digital
    focused = digital.grab().toImage()
    assert focused != unfocused
    assert standard.grab().toImage() != focused  # the ring moved on with the focus


@pytest.fixture
def fusion_greys(qapp):
    """The system colours of Fusion's light scheme, whose grey hints read at 4.0:1 on
    white (the test platform's own hints are black)."""
    before = QGuiApplication.palette()
    system = QPalette(before)
    Role = QPalette.ColorRole
    for role, colour in (
        (Role.Window, "#efefef"),
        (Role.Base, "#ffffff"),
        (Role.WindowText, "#000000"),
        (Role.PlaceholderText, "#7f7f7f"),
    ):
        system.setColor(role, QColor(colour))
    QGuiApplication.setPalette(system)
    yield
    QGuiApplication.setPalette(before)


def test_notes_read_at_four_and_a_half_to_one(qtbot, windows, fusion_greys):
    _window, page = start(qtbot, windows)
    note = next(label for label in page.findChildren(QLabel) if label.text() == NO_RECENT)
    ink = note.palette().color(note.foregroundRole()).name()
    for ground in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        assert contrast_ratio(ink, note.palette().color(ground).name()) >= 4.5


def test_escape_leaves_for_the_standard_new_blueprint(qtbot, windows):
    window, _page = start(qtbot, windows)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert in_the_editor(window)
    assert channel_names(window.document.blueprint) == channel_names(new_blueprint())
    assert not window.isWindowModified()


def test_any_command_of_the_window_leaves_the_page(qtbot, windows):
    window, page = start(qtbot, windows)
    tabs = window.centralWidget()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert not page.isVisible()
    assert tabs.isEnabled() and tabs.currentWidget() is window.lanes.view


def test_a_file_dropped_on_the_page_opens(qtbot, windows, recent):
    window, page = start(qtbot, windows)
    assert drop(page, file_drag(recent[0]))
    qtbot.waitUntil(lambda: window.document.path == recent[0])
    assert in_the_editor(window)


def test_the_panels_and_toolbars_are_out_of_reach_under_it_and_back_after(qtbot, windows):
    window, page = start(qtbot, windows)
    bars = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
    assert bars and not any(bar.isEnabled() for bar in bars)
    assert window.menuBar().isEnabled()
    click(qtbot, page.template_buttons["minimal"])
    assert all(bar.isEnabled() for bar in bars)


def test_the_status_bar_shows_no_legend_of_a_canvas_out_of_sight(qtbot, windows):
    """The heat map's and EPIC's legends and 'Current state' were shown under the page."""
    window, _page = start(qtbot, windows)
    bar = window.statusBar()
    parts = [w for w in bar.findChildren(QWidget) if w.parentWidget() is bar]
    assert parts and not any(w.isVisible() for w in parts if w.objectName() != "qt_sizegrip")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert in_the_editor(window)
    assert any(w.isVisible() for w in parts)  # back with the canvas


def test_a_template_picked_leaves_the_keys_on_the_first_cell_in_sight(qtbot, windows):
    """Nothing showed where the keys were, and the first arrow did not move its way."""
    window, page = start(qtbot, windows)
    click(qtbot, page.template_buttons["standard"])
    keyboard = window.editing.keyboard
    first = window.document.blueprint
    qtbot.waitUntil(lambda: keyboard.cursor_cell() is not None)
    assert keyboard.cursor_cell() == (first.stages[0].id, first.channels[0].id)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert keyboard.cursor_cell() == (first.stages[1].id, first.channels[0].id)


def test_the_window_is_called_blueprint_while_the_page_shows(qtbot, windows, recent):
    """It read "Untitled — Blueprint" with no blueprint open."""
    window, _page = start(qtbot, windows)
    assert window.windowTitle() == "Blueprint"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.windowTitle() == "Untitled[*] — Blueprint"
    window.close_blueprint()  # back to the page; then a recent file opens from it
    assert window.windowTitle() == "Blueprint"
    assert window.open_path(recent[0])
    assert window.windowTitle() == f"{recent[0].name}[*] — Blueprint"
