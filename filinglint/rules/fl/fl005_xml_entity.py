"""## What it does
Reports an XML entity in an Inline XBRL document that filinglint does not expand: one
declared in the document's DOCTYPE (`<!DOCTYPE html [<!ENTITY co "…">]>`, reported at its
declaration, with how often it is used), or a reference to a name that is neither one of
XML's five (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`) nor an HTML character entity such as
`&nbsp;` (reported once per name, at its first use).

## Why it matters
filinglint never expands entities: a declared entity could read a file from disk, reach
the network or grow a few bytes into gigabytes ("billion laughs"). So each reference reads
as nothing, and a fee, a date or a name written through one is not what a reader of the
filing sees, and not checked. EDGAR's Inline XBRL rules do not allow a DOCTYPE's entity
declarations either, so the exhibit is likely to be rejected. filinglint keeps reading past
the entity; the facts after it are still checked.

## Example
```text case=fail-declared-entity.htm
<!DOCTYPE html [<!ENTITY fee "6,124.00">]>
```
The filing fee is written `&fee;` further down: it reads as nothing.

## How to fix
Write the text itself (or a numeric character reference such as `&#8212;`) where the
entity stands, and remove the DOCTYPE's internal subset.
"""

from filinglint.linter.ast import XmlEntity
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, entity: XmlEntity) -> None:
    uses = (
        "never used"
        if not entity.references
        else ("used once" if entity.references == 1 else f"used {entity.references} times")
    )
    if entity.declared:
        ctx.report(
            entity.span,
            f"entity &{entity.name}; is declared in the DOCTYPE ({uses}); filinglint never "
            "expands entities, so each use reads as nothing",
            hint="write the text itself where the entity is used and remove the declaration",
        )
    else:
        ctx.report(
            entity.span,
            f"unknown entity &{entity.name}; ({uses}): not an XML or HTML character entity, "
            "read as nothing",
            hint="write the character itself or a numeric reference such as &#8212;",
        )


RULE = Rule(
    code="FL005",
    name="xml-entity",
    severity="warning",
    summary="an XML entity in an Inline XBRL document that is never expanded",
    docs=__doc__,
    visitors={"xml_entity": check},
)
