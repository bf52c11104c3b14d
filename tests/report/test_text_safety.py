"""Text from strangers' files prints literally: no markup, no file, no link, no lost text."""

from __future__ import annotations

import re

import pytest
from reportlab.platypus import Paragraph

from blueprint.report.text import escape
from tests.factories import small_blueprint

from .conftest import flat, render

HOSTILE = (
    '<b>x</b> & <font color="red">',
    '<img src="/etc/passwd"/>',
    '<a href="http://evil.example">click</a>',
    "&amp;",
    "]]>",
    "<para>&lt;</para>",
)


def hostile_blueprint():
    """Every user string the plan prints carries markup that must not act."""
    bp = small_blueprint()
    bp.title = HOSTILE[0]
    bp.organisation = HOSTILE[2]
    bp.description = " ".join(HOSTILE)
    bp.personas[0].name = HOSTILE[1]
    bp.stages[0].name = HOSTILE[3]
    bp.channels[1].name = HOSTILE[4]
    bp.touchpoints[0].title = HOSTILE[5]
    bp.frictions[0].title = HOSTILE[1] + " friction"
    bp.improvements[0].title = HOSTILE[2] + " improvement"
    bp.improvements[0].owner = HOSTILE[0]
    return bp


@pytest.fixture(scope="module")
def rendered():
    return render(hostile_blueprint())


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_print_literally(rendered, hostile):
    assert flat(hostile) in rendered.text


def test_hostile_strings_print_in_tables_and_paragraphs_alike(rendered):
    text = rendered.text
    # Cover and running header (paragraphs) and the ranked plan (a table cell).
    assert text.count(HOSTILE[0]) >= 3
    assert flat(HOSTILE[2] + " improvement") in rendered.section("3 The ranked plan")
    assert flat(HOSTILE[1] + " friction") in rendered.section("6 Friction register")


def test_no_link_image_or_action_comes_from_user_text(rendered):
    data = rendered.data
    assert b"/URI" not in data
    assert b"/Link" not in data
    assert b"/Subtype /Image" not in data
    assert b"/Launch" not in data
    assert b"/JavaScript" not in data
    for page in rendered.reader.pages:
        assert "/Annots" not in page
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            assert ref.get_object()["/Subtype"] == "/Form"  # the "Page x of y" forms only


def test_no_formatting_leaks_from_user_text(rendered):
    # A user's <font color="red"> would have set a red fill colour (1 0 0 rg) on the page.
    for page in rendered.reader.pages:
        content = page.get_contents().get_data()
        assert not re.search(rb"(?<![\d.])1 0 0 rg", content)


def test_metadata_title_is_the_literal_title(rendered):
    assert rendered.reader.metadata.title == HOSTILE[0]
    assert rendered.reader.metadata.author == HOSTILE[2]


def test_escape_covers_markup_and_both_quotes():
    assert escape("""<a href="x" title='y'>&amp;</a>""") == (
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    )


@pytest.mark.parametrize("hostile", HOSTILE)
def test_an_escaped_string_is_one_plain_fragment_in_a_paragraph(hostile):
    paragraph = Paragraph(escape(hostile))
    assert "".join(frag.text for frag in paragraph.frags) == hostile
    assert all(not getattr(frag, "link", None) for frag in paragraph.frags)
    assert all(getattr(frag, "cbDefn", None) is None for frag in paragraph.frags)  # no <img>


def test_a_long_word_and_a_long_description_lay_out():
    bp = small_blueprint()
    bp.description = "x" * 5000
    bp.improvements[0].title = "Unbreakable" * 45  # 495 characters without a space
    bp.frictions[0].title = "y" * 500
    bp.improvements[0].owner = "z" * 500
    rendered = render(bp)
    assert "x" * 40 in rendered.text
    assert "Unbreakable" in rendered.section("3 The ranked plan")
    assert rendered.result.missing_characters == ()


def test_markup_next_to_characters_from_other_fonts_stays_literal():
    # Text the bundled font cannot draw goes through paragraphs with font runs: the runs of
    # plain characters around it are escaped as well.
    bp = small_blueprint()
    bp.frictions[0].title = '<font name="Courier">漢</font> & <a href="x">'
    rendered = render(bp)
    assert '<font name="Courier">\ufffd</font> & <a href="x">' in rendered.text
    assert rendered.result.missing_characters == ("漢",)
    assert b"/URI" not in rendered.data
