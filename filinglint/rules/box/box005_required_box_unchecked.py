"""## What it does
Checks that a cover filed under a form type that requires a box to be checked has it
checked. An SC TO-C (written pre-commencement communications under cover of Schedule
TO) and an SC14D9C (the subject company's pre-commencement communications under cover
of Schedule 14D-9) must check "Check the box if the filing relates solely to
preliminary communications made before the commencement of a tender offer". Which form
types require which boxes is data with its source (`checked` in the form specs under
`schema/forms/`).

The form type comes from the submission header, else the document's `<TYPE>`, else the
cover's title, else `--form`. A document without that box (a press release filed as an
exhibit of the SC TO-C) and a box whose mark cannot be read are not judged.

## Why it matters
A bidder's communication avoids commencing the tender offer only if it is filed under
cover of Schedule TO (Rule 14d-2(b)(2)), and an issuer must file its written
communications from the first public announcement (Rule 13e-4(c)(1)). Instruction 1 to
Rule 14d-2(b)(2) says "The box on the front of Schedule TO indicating that the filing
contains pre-commencement communications must be checked"; Instruction 1 to Rule
13e-4(c) says the box on the cover page "must be marked"; Instruction 1 to Rule
14d-9(a)(2) says the same of the box on the front of Schedule 14D-9. Unchecked, the
cover claims to be a tender offer statement — one that lacks every item and the fee
of a commenced offer.

## Example
```
<DOCUMENT>
<TYPE>SC TO-C
<TEXT>
                                  SCHEDULE TO
           Tender Offer Statement under Section 14(d)(1) or 13(e)(1)
                     of the Securities Exchange Act of 1934

[ ]  Check the box if the filing relates solely to preliminary communications
     made before the commencement of a tender offer.
</TEXT>
</DOCUMENT>
```
The document is filed as SC TO-C, but the preliminary-communications box is empty.

## How to fix
Check the box. If the offer has commenced, the filing is not an SC TO-C: file the
tender offer statement as SC TO-T or SC TO-I.
"""

from __future__ import annotations

from filinglint.linter.ast import CoverPage
from filinglint.linter.context import Context
from filinglint.linter.query.cover import box_text, cover_boxes
from filinglint.linter.query.form import form_entry
from filinglint.linter.rule import Rule


def check(ctx: Context, cover: CoverPage) -> None:
    form = ctx.filing.form_type
    for role in form_entry(form).get("checked", ()):
        boxes = cover_boxes(cover, role)
        if not boxes or any(box.state != "unchecked" for box in boxes):
            continue  # no such box here, or it is checked (or cannot be read)
        box = boxes[0]
        ctx.report(
            box.mark_span,
            f"the {form} cover must check {box_text(box)!r}, but the box is empty",
            hint="check the box: the form type says the filing holds only pre-commencement"
            " communications",
        )


RULE = Rule(
    code="BOX005",
    name="required-box-unchecked",
    severity="error",
    summary="a box the form type requires checked (SC TO-C's pre-commencement box) is empty",
    docs=__doc__,
    visitors={"cover_page": check},
    forms=("SC TO-C", "SC14D9C"),
)
