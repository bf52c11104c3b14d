"""Characters no installed font draws are said where the blueprint uses them, not as code
points alone."""

from blueprint.model import Evidence, EvidenceKind
from blueprint.report.undrawn import SHOWN, first_places, undrawn_words
from tests.factories import small_blueprint


def test_each_character_is_placed_where_the_blueprint_first_uses_it():
    bp = small_blueprint()
    bp.channels[0].name = "WhatsApp 🤖"
    bp.improvements[0].title = "Proactive delivery news 📦 and 🤖"
    bp.title = "Plan 漢"
    assert first_places(bp, "🤖📦漢") == {
        "漢": "the blueprint's title",
        "🤖": "the channel 'WhatsApp 🤖'",  # the channel comes before the improvement
        "📦": "the improvement 'Proactive delivery news 📦 and 🤖'",
    }


def test_text_inside_a_field_of_a_field_is_found_and_long_names_are_cut():
    bp = small_blueprint()
    bp.touchpoints[0].title = "A very long title of a touchpoint that goes on and on"
    bp.touchpoints[0].notes = "Sees ⟂ on the page"
    bp.evidence.append(Evidence(id="e1", kind=EvidenceKind.QUOTE, text="It said ⌢", about_id="t1"))
    places = first_places(bp, "⟂⌢")
    assert places["⟂"] == "the touchpoint 'A very long title of a touchpoint that…'"
    assert places["⌢"] == "the evidence 'It said ⌢'"  # no name: its words


def test_a_character_the_blueprint_does_not_hold_has_no_place():
    assert first_places(small_blueprint(), "🤖") == {}
    assert undrawn_words(small_blueprint(), ("🤖",)) == "🤖 (U+1F916)"


def test_the_words_name_each_character_its_code_and_place_and_count_the_rest():
    bp = small_blueprint()
    many = "".join(chr(0x4E00 + i) for i in range(SHOWN + 3))
    bp.frictions[0].title = many
    words = undrawn_words(bp, tuple(many))
    assert words.startswith("一 (U+4E00) in the friction point '一丁")
    assert words.endswith(" and 3 more")
    assert words.count(" in the friction point ") == SHOWN
