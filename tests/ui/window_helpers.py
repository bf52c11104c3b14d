"""Opening and closing main windows in tests without any question being asked."""

from pathlib import Path

from blueprint.model import Touchpoint
from blueprint.storage import load_blueprint
from blueprint.ui.commands import AddTouchpoint, EditTouchpoint, RemoveTouchpoints
from blueprint.ui.document import Document
from blueprint.ui.main_window import MainWindow

#: The new title Ben's version of the broadband sample gives the chat card.
BENS_CHAT_TITLE = "Asks the chat when the technician comes"


def shown_window(qtbot, document: Document | None = None) -> MainWindow:
    window = MainWindow(document or Document())
    window.show()
    qtbot.waitExposed(window)
    return window


def close_quietly(window: MainWindow) -> None:
    """Close as after saving: drop the changes a test left, so closing asks nothing."""
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def rename_first_touchpoint(window: MainWindow, title: str) -> str:
    """An edit as the user makes it: an undoable command. Returns the touchpoint's id."""
    document = window.document
    touchpoint = document.blueprint.touchpoints[0]
    document.push(EditTouchpoint(document, touchpoint.id, "title", title))
    return touchpoint.id


def save_bens_version(broadband: Path, path: Path) -> None:
    """Ben's version of the broadband sample, changed with the editor's commands and saved
    to ``path``: the IVR status card removed, the chat card renamed, a note added to the
    online checkout, a live status page added in Fulfilment / Website."""
    ben = Document(load_blueprint(broadband))
    ben.push(RemoveTouchpoints(ben, ["tp-ivr-status"]))
    ben.push(EditTouchpoint(ben, "tp-status-chat", "title", BENS_CHAT_TITLE))
    ben.push(EditTouchpoint(ben, "tp-online-checkout", "notes", "Seen in two more interviews."))
    ben.push(
        AddTouchpoint(
            ben,
            Touchpoint(
                id="tp-live-status",
                title="Live status page",
                stage_id="stage-fulfilment",
                channel_id="ch-website-account",
            ),
        )
    )
    ben.save(path)


def broadband_and_bens_copy(folder: Path, copy_name: str) -> tuple[Path, Path]:
    """The broadband sample copied into ``folder``, and Ben's version of it saved there as
    ``copy_name`` (a relative path: its folders are made)."""
    import shutil

    from tests.ui.conftest import BROADBAND

    this = folder / "broadband.blueprint"
    shutil.copyfile(BROADBAND, this)
    copy = folder / copy_name
    copy.parent.mkdir(parents=True, exist_ok=True)
    save_bens_version(this, copy)
    return this, copy
