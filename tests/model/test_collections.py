"""Every place that walks the lists of a blueprint names the same lists, in file order."""

from blueprint.collab.layout import KINDS as LIVE_KINDS
from blueprint.model.collections import COLLECTIONS, KINDS
from blueprint.model.validation import COLLECTION_NOUNS
from blueprint.ui.document import KINDS as EDITOR_KINDS


def test_the_lists_of_the_file_are_named_alike_everywhere():
    assert COLLECTIONS[:2] == ("stages", "channels") and COLLECTIONS[-1] == "conflicts"
    assert KINDS == COLLECTIONS
    assert EDITOR_KINDS == COLLECTIONS
    assert LIVE_KINDS == COLLECTIONS
    assert tuple(COLLECTION_NOUNS) == COLLECTIONS
