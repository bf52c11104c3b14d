"""The y-websocket protocol as blueprint uses it: message helpers and the few additions.

Messages are the standard ones (y-protocols): a var-uint message type, 0 sync (step 1, step
2, update) or 1 awareness, then the payload. blueprint adds nothing to the wire, only to the
URL and the handshake (docs/collaboration.md):

- ``ws://HOST:PORT/ROOM?token=SECRET``: every connection presents the room's shared secret
  as the ``token`` query parameter, which any y-websocket client can send;
- ``&history=ID``: a blueprint client says which history its document holds; the server
  refuses it with HTTP 409 when the room's history differs, so that the client reloads the
  room instead of merging a document of another history into it;
- ``&layout=N``: the document layout the client reads and writes (``layout.LAYOUT_VERSION``);
  the server refuses a client of an older layout, or one that does not say, with HTTP 426
  (an editor of layout 2 would show entities that layout 3 marks removed), and a client
  refuses a server that does not answer with its own layout at least as new;
- the server's handshake answer carries the room's history in ``X-Blueprint-History`` and its
  layout in ``X-Blueprint-Layout``.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode, urlsplit

from pycrdt import Decoder, YMessageType, YSyncMessageType, create_awareness_message

from .layout import LAYOUT_VERSION

HISTORY_HEADER = "X-Blueprint-History"
LAYOUT_HEADER = "X-Blueprint-Layout"
#: The close code and reason a hosting editor gives its guests as it stops: the session is
#: over, not a server restarting, so they stop retrying and say so (4000-4999: the
#: application's own codes).
SESSION_ENDED = 4000
SESSION_ENDED_REASON = "the host ended the live session"
ROOM_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
#: The largest message a peer may send: a blueprint file's own limit.
MAX_MESSAGE_BYTES = 256 * 2**20
#: The largest awareness state (a name, a colour, a selection).
MAX_AWARENESS_BYTES = 64 * 2**10
#: Presence of a peer that stops renewing it disappears after this many seconds.
AWARENESS_TIMEOUT = 30.0

SYNC, AWARENESS = YMessageType.SYNC, YMessageType.AWARENESS
STEP1, STEP2, UPDATE = (
    YSyncMessageType.SYNC_STEP1,
    YSyncMessageType.SYNC_STEP2,
    YSyncMessageType.SYNC_UPDATE,
)


class MalformedMessage(ValueError):
    pass


#: The query parameter of a peer that joins: the room must exist (a mistyped name made
#: an empty room, and the joiner's copy was replaced by its empty blueprint).
EXISTING = "existing"


def room_url(server: str, room: str, token: str, history: str = "", existing: bool = False) -> str:
    """The room's URL with the token, our layout (and our history) as query parameters;
    ``existing``: only a room someone shared."""
    if not ROOM_PATTERN.match(room):
        raise ValueError(
            f"{room!r} is not a room name: use 1 to 100 letters, digits, '.', '_' or '-'"
        )
    base = server.rstrip("/")
    params = {"token": token, "layout": str(LAYOUT_VERSION)}
    if history:
        params["history"] = history
    if existing:
        params[EXISTING] = "1"
    return f"{base}/{quote(room)}?{urlencode(params)}"


def layout_of(text: str | None) -> int:
    """A layout number as a query parameter or header gives it; 0 when it gives none."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) < 6 else 0


def without_query(url: str) -> str:
    """A URL fit for a log line: the query (which holds the token) left out."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def room_name(slug: str) -> str:
    """A room name from a file name or title: what is not allowed becomes '-'."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", slug).strip("-._")[:100]
    return name or "blueprint"


def read_var_uint(data: bytes, offset: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if offset >= len(data):
            raise MalformedMessage("cut short")
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, offset
        shift += 7
        if shift > 63:
            raise MalformedMessage("a number too long")


def read_payload(data: bytes, offset: int) -> bytes:
    """A length-prefixed byte string that must end the message."""
    length, offset = read_var_uint(data, offset)
    if offset + length != len(data):
        raise MalformedMessage("its length does not match")
    return data[offset:]


def parse_awareness(payload: bytes) -> list[tuple[int, int, dict | None]]:
    """(client id, clock, state) of an awareness update; ``MalformedMessage`` if it is not one."""
    if len(payload) > MAX_AWARENESS_BYTES:
        raise MalformedMessage("an awareness state too large")
    try:
        decoder = Decoder(payload)
        entries = []
        for _ in range(decoder.read_var_uint()):
            client_id = decoder.read_var_uint()
            clock = decoder.read_var_uint()
            text = decoder.read_var_string()
            state = json.loads(text) if text else None
            if state is not None and not isinstance(state, dict):
                raise MalformedMessage("an awareness state that is not an object")
            entries.append((client_id, clock, state))
    except (ValueError, IndexError, UnicodeDecodeError, AssertionError) as error:
        raise MalformedMessage(f"not an awareness update ({error})") from None
    return entries


def awareness_message(update: bytes) -> bytes:
    return create_awareness_message(update)
