"""exhibit-index-mismatch on the seed, edited copies, and the project's own filings."""

from __future__ import annotations

from tests.conftest import lint, replace_once

HEADER = """                                 SCHEDULE TO
                               (Amendment No. 3)

ITEM 12.  EXHIBITS.

"""


def exhibit_findings(text: str):
    return [d for d in lint(text) if d.name == "exhibit-index-mismatch"]


def test_seed_title_differs_for_a1c(seed_text):
    [finding] = exhibit_findings(seed_text)
    assert (finding.line, finding.column) == (226, 8)
    assert "(a)(1)(C)" in finding.message
    assert '"Form of Notice of Guaranteed Delivery."' in finding.message
    assert '"Form Notice of Guaranteed Delivery."' in finding.message
    assert 'lacks "of"' in finding.message
    [related] = finding.related
    assert (related.line, related.column) == (120, 10)


def test_corrected_seed_is_silent(clean_seed_text):
    # (a)(1)(E) and (a)(1)(F) wrap differently in the two lists: wraps must not count.
    assert exhibit_findings(clean_seed_text) == []


def test_marker_with_another_meaning_is_found(clean_seed_text):
    index_line = "       (a)(5)(B)        Press Release issued by the Company on April 16, 2003.*"
    text = replace_once(clean_seed_text, index_line, index_line[:-1] + "+")
    [finding] = exhibit_findings(text)
    assert finding.line == 234
    assert "marker" in finding.message
    assert "filed herewith" in finding.message and "previously filed" in finding.message


def test_markers_compare_by_legend_meaning_not_symbol(clean_seed_text):
    index_line = "       (a)(5)(B)        Press Release issued by the Company on April 16, 2003.*"
    text = replace_once(clean_seed_text, index_line, index_line[:-1] + "#")
    head, tail = text.rsplit("*  Filed herewith.", 1)
    text = head + "#  Filed herewith." + tail
    assert exhibit_findings(text) == []


def test_exhibit_missing_from_index(clean_seed_text):
    index_entry = "(a)(5)(B)        Press Release issued by the Company on April 16, 2003.*\n"
    text = replace_once(clean_seed_text, "       " + index_entry, "")
    [finding] = exhibit_findings(text)
    assert finding.line == 130
    assert "(a)(5)(B) is listed in Item 12 but missing from the Index" in finding.message


def test_exhibit_missing_from_item_12(clean_seed_text):
    item_entry = "         (a)(5)(B)  Press Release issued by the Company on April 16, 2003.*\n"
    text = replace_once(clean_seed_text, item_entry, "")
    [finding] = exhibit_findings(text)
    assert "(a)(5)(B) is in the Index to Exhibits but not in Item 12" in finding.message


def test_not_applicable_entries_may_be_left_out_of_either_list(clean_seed_text):
    text = replace_once(clean_seed_text, "       (h)              Not applicable.\n", "")
    text = replace_once(text, "         (g)        Not applicable.\n", "")
    assert exhibit_findings(text) == []
    # ...but when both lists carry one, it is compared like any other entry.
    index_h = "       (h)              Not applicable."
    text = replace_once(clean_seed_text, index_h, "       (h)  None.")
    assert len(exhibit_findings(text)) == 1


def test_supplementing_amendment_lists_only_new_exhibits():
    text = HEADER.replace(
        "ITEM 12.  EXHIBITS.\n",
        "ITEM 12.  EXHIBITS.\n\n"
        "         Item 12 of the Schedule TO is hereby amended and supplemented by\n"
        "adding the following exhibit:\n",
    ) + (
        "         (a)(5)(C)  Press Release issued by Example Corp. on May 2, 2011.*\n\n"
        "         *  Filed herewith.\n\n"
        "                               INDEX TO EXHIBITS\n\n"
        "       (a)(1)(A)        Offer to Purchase dated March 30, 2011.+\n"
        "       (a)(5)(C)        Press Release issued by Example Corp. on May 2,\n"
        "                        2011.*\n\n"
        "         *  Filed herewith.\n"
        "         +  Previously filed.\n"
    )
    assert exhibit_findings(text) == []
    broken = text.replace("on May 2, 2011.*\n\n         *", "on May 3, 2011.*\n\n         *", 1)
    [finding] = exhibit_findings(broken)
    assert "(a)(5)(C)" in finding.message and '"3,"' in finding.message


def test_no_index_means_nothing_to_compare(seed_text):
    text = seed_text.split("INDEX TO EXHIBITS")[0]
    assert exhibit_findings(text) == []


def test_example_marker_mismatch(example_text):
    [finding] = exhibit_findings(example_text)
    assert (finding.line, finding.column, finding.end_line) == (188, 8, 189)
    assert '"**"' in finding.message and '"*"' in finding.message


def test_lakeshore_lists_agree(lakeshore_text):
    assert exhibit_findings(lakeshore_text) == []
