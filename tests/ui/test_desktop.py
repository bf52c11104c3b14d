"""Desktop conventions: recent files, the window's place kept between runs, standard keys,
hints and tooltips, accessible names, Help > About, and files dropped on the window."""

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from blueprint import __version__
from blueprint.model.states import current_state
from blueprint.storage import load_blueprint
from blueprint.ui import app
from blueprint.ui.recent_files import MAX_RECENT, recent_files, remember_file
from blueprint.ui.settings import SETTINGS_FILE
from tests.ui.conftest import BROADBAND
from tests.ui.text_helpers import shown_as
from tests.ui.window_helpers import close_quietly, shown_window

Button = QMessageBox.StandardButton
Keys = QKeySequence.StandardKey


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot)
    yield window
    close_quietly(window)


def menu_actions(window, title: str) -> dict[str, QAction]:
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == title]
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def copies(tmp_path, count: int):
    paths = []
    for i in range(count):
        path = tmp_path / f"plan-{i}.blueprint"
        shutil.copyfile(BROADBAND, path)
        paths.append(path)
    return paths


# --- recent files -----------------------------------------------------------------------


def test_opened_and_saved_files_are_listed_in_open_recent_newest_first(window, tmp_path):
    first, second, saved_as = copies(tmp_path, 3)
    window.open_path(first)
    window.open_path(second)
    saved_as.unlink()
    assert window._save_to(saved_as)
    recent = window.menus.recent
    recent.aboutToShow.emit()
    names = [a.text() for a in recent.actions() if not a.isSeparator()]
    assert names == [
        "&1  plan-2.blueprint",
        "&2  plan-1.blueprint",
        "&3  plan-0.blueprint",
        "&Clear Menu",
    ]
    assert recent.actions()[0].statusTip() == str(saved_as)


def test_choosing_a_recent_file_opens_it(window, tmp_path):
    (path,) = copies(tmp_path, 1)
    remember_file(path)
    window.menus.recent.aboutToShow.emit()
    window.menus.recent.actions()[0].trigger()
    assert window.document.path == path


def test_the_list_keeps_the_last_ten_each_once(window, tmp_path):
    paths = copies(tmp_path, MAX_RECENT + 2)
    for path in paths:
        window.open_path(path)
    window.open_path(paths[0])
    assert recent_files() == [paths[0], *reversed(paths[MAX_RECENT - 7 :])][:MAX_RECENT]
    assert len(recent_files()) == MAX_RECENT


def test_the_list_is_kept_between_runs_in_the_data_folder(window, tmp_path, data_dir):
    (path,) = copies(tmp_path, 1)
    window.open_path(path)
    assert str(path) in (data_dir / SETTINGS_FILE).read_text("utf-8")


def test_a_recent_file_that_is_gone_is_explained_and_dropped(window, tmp_path, monkeypatch):
    kept, gone = copies(tmp_path, 2)
    remember_file(kept)
    remember_file(gone)
    gone.unlink()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    window.open_recent(gone)
    assert len(shown) == 1 and "there is no such file" in shown[0]
    assert recent_files() == [kept]


def test_a_file_whose_name_looks_like_markup_is_named_as_typed_in_the_message(
    window, tmp_path, monkeypatch
):
    path = tmp_path / "<b>plan & co.blueprint"
    path.write_text('{"schema_version": 4, "title": "cut', "utf-8")  # cut short
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    window.open_path(path)
    assert len(shown) == 1
    assert "<b>plan & co.blueprint" in shown_as(shown[0])  # what the box shows


def test_opening_a_recent_file_asks_to_save_changes_first(window, tmp_path, monkeypatch):
    (path,) = copies(tmp_path, 1)
    window.editing.actions.add_touchpoint_in(*_first_cell(window))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    window.open_recent(path)
    assert window.document.path is None


def test_clear_menu_forgets_the_list(window, tmp_path):
    (path,) = copies(tmp_path, 1)
    remember_file(path)
    window.menus.recent.aboutToShow.emit()
    clear = window.menus.recent.actions()[-1]
    assert clear.text() == "&Clear Menu"
    clear.trigger()
    assert recent_files() == []
    window.menus.recent.aboutToShow.emit()
    assert window.menus.recent.actions()[0].text() == "No recent files"


def _first_cell(window):
    blueprint = window.document.blueprint
    return blueprint.stages[0].id, blueprint.channels[0].id


# --- the window's place -----------------------------------------------------------------


@pytest.fixture
def windows(qtbot):
    opened = []
    yield opened
    for window in opened:
        close_quietly(window)


def test_the_window_reopens_where_it_was_left(windows):
    app.open_windows(["blueprint"], windows)
    windows[0].setGeometry(60, 40, 640, 420)  # inside the offscreen screen's 800 x 600
    size = windows[0].size()
    assert windows[0].close()
    app.open_windows(["blueprint"], windows)
    assert windows[1].size() == size


def test_panels_shown_or_hidden_stay_so(windows):
    app.open_windows(["blueprint"], windows)
    docks = windows[0].findChildren(QDockWidget)
    if not docks:
        pytest.skip("no panels yet")
    docks[0].hide()
    hidden = {d.objectName(): d.isHidden() for d in docks}
    assert hidden[docks[0].objectName()]
    assert windows[0].close()
    app.open_windows(["blueprint"], windows)
    reopened = windows[1].findChildren(QDockWidget)
    assert {d.objectName(): d.isHidden() for d in reopened} == hidden


def test_a_file_that_cannot_be_opened_leaves_the_start_page_not_an_empty_blueprint(
    windows, monkeypatch, tmp_path
):
    """Double-clicked, a broken file was explained, then an empty untitled blueprint stood
    in the window as if the user had started one."""
    from blueprint.ui.main_window import MainWindow

    said = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: said.append(title))
    broken = tmp_path / "broken.blueprint"
    broken.write_text('{"format": "blueprint", "stages": [', "utf-8")
    app.open_windows(["blueprint", str(broken)], windows)
    window = windows[0]
    assert said == ["Cannot open the blueprint"]
    page = window.findChild(QWidget, "startPage")
    assert page is not None and page.isVisible()
    assert window.windowTitle() == "Blueprint"


def test_a_window_opened_on_a_file_gives_the_keys_to_the_grid(qtbot, windows):
    """They went to the Grid/Lanes tab bar, unseen: the first arrow showed the lanes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import BROADBAND

    app.open_windows(["blueprint", str(BROADBAND)], windows)
    window = windows[0]
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.centralWidget().currentWidget() is window.canvas  # still the grid


# --- keys, hints, names -----------------------------------------------------------------


def test_standard_actions_have_the_platform_keys(window):
    file_menu = menu_actions(window, "&File")
    expected = {
        "&New": Keys.New,
        "&Open…": Keys.Open,
        "&Save": Keys.Save,
        "Save &As…": Keys.SaveAs,
        "&Close": Keys.Close,
        "&Quit": Keys.Quit,
    }
    for text, key in expected.items():
        assert file_menu[text].shortcuts() == QKeySequence.keyBindings(key), text
    view_menu = menu_actions(window, "&View")
    assert view_menu["Zoom &In"].shortcuts() == QKeySequence.keyBindings(Keys.ZoomIn)
    assert view_menu["Zoom &Out"].shortcuts() == QKeySequence.keyBindings(Keys.ZoomOut)
    assert window.undo_action.shortcuts() == QKeySequence.keyBindings(Keys.Undo)
    assert window.redo_action.shortcuts() == QKeySequence.keyBindings(Keys.Redo)
    assert window.delete_action.shortcuts() == QKeySequence.keyBindings(Keys.Delete)


def test_no_two_actions_share_a_key(window):
    seen = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            other = seen.setdefault(key.toString(), action.text())
            assert other == action.text(), f"{key.toString()}: {other} and {action.text()}"


def test_every_menu_action_has_a_status_hint_and_a_tooltip(window):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert action.statusTip(), action.text()
            assert action.toolTip() and action.toolTip() != action.text(), action.text()


def test_tooltips_name_the_key(window):
    save = menu_actions(window, "&File")["&Save"]
    key = save.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert save.toolTip() == f"Save the blueprint ({key})"


def test_a_status_hint_shows_in_the_status_bar_when_the_item_is_highlighted(qtbot, window):
    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    file_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(file_menu)
    file_menu.setActiveAction(menu_actions(window, "&File")["&Save"])
    assert window.statusBar().currentMessage() == "Save the blueprint"
    file_menu.close()


def test_the_canvas_and_status_bar_have_accessible_names(window):
    assert window.canvas.accessibleName() == "Blueprint canvas"
    assert window.canvas.accessibleDescription()
    assert window.statusBar().accessibleName() == "Status bar"


def test_help_about_shows_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    menu_actions(window, "&Help")["&About Blueprint"].trigger()
    ((title, text),) = shown
    assert title == "About Blueprint"
    assert f"Blueprint {__version__}" in text


def test_quit_closes_every_window_asking_about_unsaved_changes(qtbot, monkeypatch):
    first, second = shown_window(qtbot), shown_window(qtbot)
    try:
        first.editing.actions.add_touchpoint_in(*_first_cell(first))
        asked = []
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: asked.append(1) or Button.Discard
        )
        menu_actions(first, "&File")["&Quit"].trigger()
        assert asked == [1]
        assert not first.isVisible() and not second.isVisible()
    finally:
        close_quietly(first)
        close_quietly(second)


# --- a file dropped on the window -------------------------------------------------------


def file_drag(path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def drop(target, mime: QMimeData) -> bool:
    """Drag over ``target`` and drop; True when the drop was accepted."""
    point = QPointF(target.width() / 2, target.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()


def test_a_file_dropped_on_the_canvas_opens(qtbot, window, tmp_path):
    (path,) = copies(tmp_path, 1)
    assert drop(window.canvas.viewport(), file_drag(path))
    qtbot.waitUntil(lambda: window.document.path == path)
    today = current_state(load_blueprint(path)).touchpoints
    assert len(window.canvas.blueprint_scene.cards()) == len(today)


def test_dropping_on_unsaved_changes_asks_first(qtbot, window, tmp_path, monkeypatch):
    (path,) = copies(tmp_path, 1)
    window.editing.actions.add_touchpoint_in(*_first_cell(window))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(1) or Button.Cancel)
    assert drop(window, file_drag(path))
    qtbot.waitUntil(lambda: asked == [1])
    assert window.document.path is None and window.isWindowModified()


def test_text_or_several_files_are_not_taken(window, tmp_path):
    text = QMimeData()
    text.setText("hello")
    assert not drop(window, text)
    several = QMimeData()
    several.setUrls([QUrl.fromLocalFile(str(p)) for p in copies(tmp_path, 2)])
    assert not drop(window, several)


# --- high DPI ---------------------------------------------------------------------------

HIGH_DPI = """
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])
from blueprint.ui.document import Document
from blueprint.ui.main_window import MainWindow

window = MainWindow(Document())
window.show()
QTest.qWaitForWindowExposed(window)
print(window.devicePixelRatio(), window.canvas.viewport().grab().devicePixelRatio())
window.hide()
window.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
"""


def test_the_editor_is_drawn_at_the_screens_pixel_ratio():
    # As on a 200% display: nothing in the editor turns Qt's high-DPI scaling off.
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [sys.executable, "-c", HIGH_DPI], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2.0", "2.0"]
