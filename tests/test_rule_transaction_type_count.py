"""transaction-type-count on the seed, edited copies, and the project's own filings."""

from __future__ import annotations

from tests.conftest import lint, pos, replace_once

COVER = """                                  SCHEDULE TO
          Tender Offer Statement under Section 14(d)(1) or 13(e)(1)

Check the appropriate boxes below to designate any transactions to which the
statement relates:
{third}  third-party tender offer subject to Rule 14d-1.
{issuer}  issuer tender offer subject to Rule 13e-4.
{private}  going-private transaction subject to Rule 13e-3.
{thirteen_d}  amendment to Schedule 13D under Rule 13d-2.

Check the following box if the filing is a final amendment reporting the
results of the tender offer: {final}

If applicable, check the appropriate box(es) below to designate the appropriate
rule provision(s) relied upon:
{cb_issuer}  Rule 13e-4(i) (Cross-Border Issuer Tender Offer)
{cb_third}  Rule 14d-1(d) (Cross-Border Third-Party Tender Offer)
"""


def cover(empty: str = "[ ]", **checked: str) -> str:
    fields = dict.fromkeys(
        ("third", "issuer", "private", "thirteen_d", "final", "cb_issuer", "cb_third"), empty
    )
    fields.update(checked)
    return COVER.format(**fields)


def box_findings(text: str):
    return [d for d in lint(text) if d.name == "transaction-type-count"]


def test_seed_issuer_box_is_legal(seed_text):
    assert box_findings(seed_text) == []


def test_seed_with_no_box_checked(seed_text):
    text = replace_once(seed_text, "|x|  issuer", "|_|  issuer")
    [finding] = box_findings(text)
    assert (finding.line, finding.end_line) == (63, 66)
    assert "no tender-offer box is checked" in finding.message


def test_seed_with_both_tender_offer_boxes(seed_text):
    text = replace_once(seed_text, "|_|  third-party", "|X|  third-party")
    [finding] = box_findings(text)
    assert "both tender-offer boxes are checked" in finding.message


def test_going_private_and_13d_boxes_are_legal_additions(seed_text):
    text = replace_once(seed_text, "|_|  going-private", "|x|  going-private")
    text = replace_once(text, "|_|  amendment to Schedule 13D", "|x|  amendment to Schedule 13D")
    assert box_findings(text) == []


def test_unreadable_mark_is_reported(seed_text):
    text = replace_once(seed_text, "|x|  issuer", "|?|  issuer")
    [finding] = box_findings(text)
    assert (finding.line, finding.column, finding.end_column) == (64, 1, 4)
    assert "cannot be read" in finding.message


def test_every_notation_reads_the_same():
    for empty, full in (("[ ]", "[X]"), ("|_|", "|x|"), ("/ /", "/X/"), ("( )", "(x)"), ("☐", "☒")):
        assert box_findings(cover(empty, issuer=full)) == [], empty
        assert len(box_findings(cover(empty))) == 1, empty
        assert len(box_findings(cover(empty, issuer=full, third=full))) == 1, empty


def test_third_party_offer_combined_with_13d_and_final_amendment():
    # The combination the real SC TO-T/A in the corpus uses.
    assert box_findings(cover(third="[X]", thirteen_d="[X]", final="[X]")) == []


def test_cross_border_box_must_match_offer_type():
    assert box_findings(cover(issuer="[X]", cb_issuer="[X]")) == []
    [finding] = box_findings(cover(issuer="[X]", cb_third="[X]"))
    assert "Cross-Border Third-Party" in finding.message


def test_filing_without_transaction_boxes_is_not_checked():
    assert box_findings("CURRENT REPORT\n\nItem 8.01 Other Events.\n\n[X] something else\n") == []


def test_example_and_lakeshore_boxes_are_legal(example_text, lakeshore_text):
    assert box_findings(example_text) == []
    assert box_findings(lakeshore_text) == []


def test_marks_glued_to_their_labels_are_read(seed_text):
    text = seed_text.replace("|_|  ", "|_|").replace("|x|  ", "|x|")
    assert box_findings(text) == []
    assert len(box_findings(text.replace("|x|issuer", "|_|issuer"))) == 1


TWO_COLUMNS = """                                  SCHEDULE TO
Check the appropriate boxes below to designate any transactions to which the
statement relates:
{third}  third-party tender offer subject      {private}  going-private transaction subject
     to Rule 14d-1.                                to Rule 13e-3.
{issuer}  issuer tender offer subject to        {thirteen_d}  amendment to Schedule 13D under
     Rule 13e-4.                                   Rule 13d-2.
"""


def test_two_boxes_on_one_line_are_two_boxes():
    from filinglint.linter.build import build
    from filinglint.linter.source import decode

    text = TWO_COLUMNS.format(third="[ ]", private="[ ]", issuer="[X]", thirteen_d="[ ]")
    source = decode(text.encode(), "t.txt")
    cover = build(source.text).cover
    assert [(b.role, b.state) for b in cover.boxes] == [
        ("third-party-tender-offer", "unchecked"),
        ("going-private", "unchecked"),
        ("issuer-tender-offer", "checked"),
        ("amendment-to-13d", "unchecked"),
    ]
    marks = [(pos(source, b.mark_span).line, pos(source, b.mark_span).column) for b in cover.boxes]
    assert marks == [(4, 1), (4, 44), (6, 1), (6, 44)]
    assert box_findings(text) == []
    unchecked = TWO_COLUMNS.format(third="[ ]", private="[X]", issuer="[ ]", thirteen_d="[ ]")
    [finding] = box_findings(unchecked)
    assert "no tender-offer box is checked" in finding.message
