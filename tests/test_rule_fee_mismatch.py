"""fee-mismatch on the real seed, edited copies of it, and the project's own filings."""

from __future__ import annotations

from tests.conftest import lint, replace_once

RATE_LINE = "Securities Exchange Act of 1934, equals 0.0000809 of the transaction"


def fee_findings(text: str):
    return [d for d in lint(text) if d.name == "fee-mismatch"]


def test_seed_fee_is_overpaid_by_75_cents(seed_text):
    [finding] = fee_findings(seed_text)
    assert (finding.line, finding.column, finding.end_column) == (40, 54, 61)
    assert finding.code == "FEE001" and finding.severity == "error"
    assert "expected $202.25" in finding.message
    assert "$203.00" in finding.message
    assert "overpaid by $0.75" in finding.message
    assert {r.line for r in finding.related} == {40, 47}


def test_corrected_seed_fee_is_silent(clean_seed_text):
    assert fee_findings(clean_seed_text) == []


def test_underpaid_by_one_cent(clean_seed_text):
    text = replace_once(clean_seed_text, "$202.25", "$202.24")
    [finding] = fee_findings(text)
    assert "underpaid by $0.01" in finding.message


def test_rate_per_million_dollars(clean_seed_text):
    text = replace_once(
        clean_seed_text, RATE_LINE, RATE_LINE.replace("0.0000809", "$80.90 per $1,000,000")
    )
    assert fee_findings(text) == []
    text = replace_once(text, "$202.25", "$230.00")
    [finding] = fee_findings(text)
    assert "overpaid by $27.75" in finding.message
    assert "$80.90 per $1,000,000" in finding.message


def test_rate_per_million_words_and_fraction_of_percent(clean_seed_text):
    per_million = replace_once(
        clean_seed_text, RATE_LINE, RATE_LINE.replace("0.0000809", "$92 per million")
    )
    [finding] = fee_findings(per_million)  # 2,500,000 x 92 / 1,000,000 = 230.00
    assert "expected $230.00" in finding.message
    fiftieth = replace_once(
        clean_seed_text, RATE_LINE, RATE_LINE.replace("0.0000809", "1/50th of one percent")
    )
    [finding] = fee_findings(fiftieth)  # 2,500,000 / 5,000 = 500.00
    assert "expected $500.00" in finding.message and "underpaid by $297.75" in finding.message


def test_no_stated_rate_means_no_finding(seed_text):
    text = replace_once(
        seed_text, RATE_LINE, "Securities Exchange Act of 1934, is based on the transaction"
    )
    assert fee_findings(text) == []


def test_example_fee_overpaid_by_five_dollars(example_text):
    [finding] = fee_findings(example_text)
    assert (finding.line, finding.column) == (40, 54)
    assert "expected $1,395.00" in finding.message and "overpaid by $5.00" in finding.message


def test_lakeshore_fiftieth_of_percent_is_right(lakeshore_text):
    assert fee_findings(lakeshore_text) == []


def test_lakeshore_wrong_fee_is_found(lakeshore_text):
    text = replace_once(lakeshore_text, "$9,600.00", "$9,060.00")
    [finding] = fee_findings(text)
    assert "underpaid by $540.00" in finding.message


def test_tolerance_option_accepts_small_differences(seed_text):
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import select_rules
    from filinglint.linter.source import decode

    options = {"fee-mismatch": {"tolerance-cents": 75}}
    engine = Engine(select_rules(["fee-mismatch"]), options=options)
    assert engine.check(decode(seed_text.encode(), "seed.txt")) == []


def test_valuation_written_in_millions(clean_seed_text):
    text = replace_once(clean_seed_text, "$2,500,000 ", "$2.5 million")
    assert fee_findings(text) == []
    [finding] = fee_findings(replace_once(text, "$202.25", "$202.00"))
    assert "($2,500,000.00 × 0.0000809)" in finding.message


REGISTRATION_TABLE = """Registration No. 333-000000

                         CALCULATION OF REGISTRATION FEE

Title of Each Class of          Amount to be     Proposed Maximum     Amount of
Securities to be Registered      Registered       Aggregate Offering   Registration
                                                  Price(1)             Fee
Common Stock, par value $0.001   1,000,000        $10,000,000          $1,091.00

(1) Estimated solely for the purpose of calculating the registration fee at
    $109.10 per $1,000,000 under Rule 457(o).

Service fee expenses were $30,000 and $0 for the quarters ended March 31, 2021
and 2020, respectively; the fair value of the notes was $25,000.
"""


def test_a_registration_fee_table_is_not_read_as_a_schedule_to_table():
    """A registration statement's table is read by its own reader (row by row), never as
    a Schedule TO valuation and fee; its one row is right at the stated rate."""
    from tests.test_build import parse

    _, filing = parse(REGISTRATION_TABLE)
    assert filing.cover.fee_table is None
    table = filing.cover.registration_fee_table
    assert table is not None and table.unread is None
    [row] = table.rows
    assert row.aggregate.text == "$10,000,000" and row.fee.text == "$1,091.00"
    assert fee_findings(REGISTRATION_TABLE) == []


def test_prose_after_the_table_is_not_read_as_its_values():
    text = """SCHEDULE TO
CALCULATION OF FILING FEE
Transaction valuation: Not applicable
*  The fee equals $92 per million of the transaction valuation.

The fee paid to the depositary is $30,000; the value of the shares is $25,000.
"""
    from tests.test_build import parse

    _, filing = parse(text)
    assert filing.cover.fee_table.fee is None
    assert fee_findings(text) == []


def test_a_fee_rounded_up_to_the_dollar_is_said_so_and_may_be_allowed(seed_text):
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import select_rules
    from filinglint.linter.source import decode

    [finding] = fee_findings(seed_text)  # $202.25 stated as $203.00
    assert "rounded up to the dollar, overpaid by $0.75" in finding.message
    allow = {"fee-mismatch": {"allow-round-up-to-dollar": True}}
    engine = Engine(select_rules(["fee-mismatch"]), options=allow)
    assert engine.check(decode(seed_text.encode(), "seed.txt")) == []
    over = replace_once(seed_text, "$203.00", "$204.00")  # more than the rounding
    assert [d.code for d in engine.check(decode(over.encode(), "seed.txt"))] == ["FEE001"]
    under = replace_once(seed_text, "$203.00", "$202.00")  # rounded down: underpaid
    [finding] = engine.check(decode(under.encode(), "seed.txt"))
    assert "underpaid by $0.25" in finding.message
