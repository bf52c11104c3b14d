"""Qt test set-up: headless, and no window left behind by a test."""

import os

# Before anything imports PySide6: tests never open a real window.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from blueprint.storage import dumps_blueprint, load_blueprint
from blueprint.ui.document import Document
from tests.conftest import ROOT
from tests.factories import small_blueprint

BROADBAND = ROOT / "samples" / "broadband-installation.blueprint"


@pytest.fixture(autouse=True)
def _no_leaked_widgets(request):
    """Fail a Qt test that leaves a top-level widget alive (napari does the same)."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import getCppPointer

    def address(widget) -> int:
        return getCppPointer(widget)[0]

    request.getfixturevalue("qapp")
    before = {address(w) for w in QApplication.topLevelWidgets()}
    yield
    # Widgets registered with qtbot are closed and deleted later in its teardown.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in QApplication.topLevelWidgets() if address(w) not in before]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    names = [type(w).__name__ for w in leaked]
    assert not leaked, f"top-level widgets left alive by the test: {names}"


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A dialog nobody answers would hang the run: make it fail the test instead.

    Tests that expect a dialog patch it again with their answer."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from blueprint.ui.recovery_dialog import RecoveryDialog
    from blueprint.ui.sharing import questions

    def refuse(*args, **kwargs):
        raise AssertionError(f"a modal dialog opened in a test: {args[1:3]}")

    for name in ("question", "critical", "warning", "information", "about", "aboutQt"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(RecoveryDialog, "exec", refuse)
    monkeypatch.setattr(questions, "exec_box", refuse)  # tests that expect one click in it


@pytest.fixture(autouse=True)
def data_dir(monkeypatch, tmp_path_factory):
    """The editor's own folder (settings, recent files, recovery), fresh for each test:
    tests never read or write the user's real one, nor each other's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _light_theme():
    """The canvas colours are global: a test that switches theme never leaks it."""
    yield
    from blueprint.ui import theme

    theme.use_theme(theme.LIGHT)


@pytest.fixture
def broadband():
    return load_blueprint(BROADBAND)


@pytest.fixture
def document(qapp, broadband):
    """The broadband sample, open."""
    return Document(broadband)


@pytest.fixture
def small(qapp):
    """A small document: stages s1, s2; channels web, phone, esc; touchpoints t1..t3."""
    return Document(small_blueprint())


def snapshot(document: Document) -> bytes:
    """The document as its file would hold it: what 'exactly the same' means."""
    return dumps_blueprint(document.blueprint)
