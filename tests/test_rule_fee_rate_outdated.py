"""fee-rate-outdated on the real seed, edited copies of it, and fee exhibits in submissions."""

from __future__ import annotations

from filinglint.cli import main
from tests.conftest import lint, replace_once
from tests.submissions import sgml_submission
from tests.test_fee_exhibit import exhibit_text

RATE_LINE = "Securities Exchange Act of 1934, equals 0.0000809 of the transaction"


def outdated(text: str, path: str = "filing.txt"):
    return [d for d in lint(text, path=path) if d.name == "fee-rate-outdated"]


def test_the_seeds_rate_was_in_force_when_its_fee_was_paid(seed_text):
    # $80.90 per million from 25 February 2003 (schema/fee-rates.json); the amendment's fee
    # "has previously been paid" with the original filing of March 13, 2003.
    assert outdated(seed_text) == []


def test_the_previous_fiscal_years_rate_in_the_seed_is_reported(seed_text):
    text = replace_once(seed_text, RATE_LINE, RATE_LINE.replace("0.0000809", "$92 per million"))
    [finding] = outdated(text)
    assert finding.severity == "error"
    assert "the stated rate $92 per million ($92.00 per $1,000,000)" in finding.message
    assert "on March 13, 2003 (the original filing date): $80.90 per $1,000,000" in finding.message
    assert "fiscal 2003, from February 25, 2003" in finding.message
    assert "= $202.25" in finding.hint


def test_without_paid_before_the_seeds_signature_date_counts(seed_text):
    text = replace_once(seed_text, "+    This amount has previously been paid.", "+    Paid.")
    text = replace_once(text, RATE_LINE, RATE_LINE.replace("0.0000809", "$92 per million"))
    [finding] = outdated(text)
    assert "on April 16, 2003 (the signature date)" in finding.message


def test_a_given_filing_date_is_used_for_a_draft(seed_text, tmp_path, capsys):
    path = tmp_path / "draft.txt"
    text = replace_once(seed_text, "+    This amount has previously been paid.", "+    Paid.")
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--isolated", "--select", "FEE002", "--filing-date", "2003-10-01",
                 "--output-format", "concise", str(path)])  # fmt: skip
    out = capsys.readouterr().out
    assert (code, out) == (0, "All checks passed!\n")  # $80.90 ran until 27 January 2004
    code = main(["check", "--isolated", "--select", "FEE002", "--filing-date", "2004-02-02",
                 "--output-format", "concise", str(path)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert "on February 2, 2004 (the given filing date): $126.70 per $1,000,000" in out


def test_the_fee_exhibits_rate_against_the_filed_as_of_date(example_text):
    exhibit = exhibit_text()  # FeeRate 0.0001531: the fiscal-2025 rate
    inside = sgml_submission(
        example_text, subject="HARBORVIEW INSTRUMENTS INC", filed="20250512",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("EX-FILING FEES", exhibit)),
    )  # fmt: skip
    assert [d for d in outdated(inside) if "fee rate" in d.message] == []
    later = inside.replace("20250512", "20251103")  # fiscal 2026: $138.10 per million
    found = [d for d in outdated(later) if "fee rate" in d.message]
    assert found and all("0.0001381 ($138.10 per $1,000,000" in d.message for d in found)
