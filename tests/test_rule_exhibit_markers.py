"""marker-undefined and marker-unused on the real seed and real SC TO-T/A, and edited copies."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, lint, replace_once


def found(text: str, name: str, path: str = "filing.txt"):
    return [d for d in lint(text, path=path) if d.name == name]


def test_the_seeds_markers_are_all_defined_and_used(seed_text):
    assert found(seed_text, "marker-undefined") == []
    assert found(seed_text, "marker-unused") == []


def test_an_undefined_marker_in_the_seed_is_reported_where_it_stands(seed_text):
    text = replace_once(
        seed_text,
        "(a)(1)(B)  Form of Letter of Transmittal.+",
        "(a)(1)(B)  Form of Letter of Transmittal.#",
    )
    [finding] = found(text, "marker-undefined")
    assert '"#" of exhibit (a)(1)(B) in Item 12' in finding.message
    assert text.split("\n")[finding.line - 1][finding.column - 1] == "#"


def test_a_legend_marker_no_exhibit_uses_is_a_warning(seed_text):
    legend = "         +  Previously filed."
    assert seed_text.count(legend) == 2  # under Item 12 and under the index
    text = seed_text.replace(legend, legend + "\n         #  Incorporated by reference.", 1)
    findings = found(text, "marker-unused")
    assert findings and all(f.severity == "warning" for f in findings)
    assert '"#" (Incorporated by reference.)' in findings[0].message


def test_the_real_html_amendment_is_silent():
    path = CORPUS / "sc-to-t-a-0001104659-25-002604.txt"
    if not path.exists():
        pytest.skip(
            f"real corpus filing not available ({path} is absent: ../shared not beside repo)"
        )
    text = path.read_text(encoding="utf-8")
    assert found(text, "marker-undefined") == [] and found(text, "marker-unused") == []
