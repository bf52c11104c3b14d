"""Leaving a session that the server refused: quietly, whatever the timing."""

import gc
import warnings

from blueprint.collab.session import LiveSession, User
from tests.collab.conftest import wait_until


def test_closing_a_refused_session_leaves_no_coroutine_behind(live):
    """After a refused join, standard error said "coroutine 'LiveSession._stop' was never
    awaited": the editor's goodbye reached the session's loop as it ended."""
    session = LiveSession(live["server"].url, "workshop", "wrong", User("Eve"), lambda e: None)
    session.start()
    wait_until(lambda: session.status == "refused", what="the refusal")
    wait_until(lambda: not session._thread.is_alive(), what="the session's thread to end")
    # The moment the editor met: the loop has ended, the session not yet marked done.
    session._done.clear()
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        session.close(timeout=1)
        gc.collect()
    assert [str(w.message) for w in said] == []
