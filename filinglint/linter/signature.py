"""Signature blocks: "By: /s/ …", "Name:", "Title:" and the "Date:" lines."""

from __future__ import annotations

import re

from filinglint.linter.parse import Section
from filinglint.linter.runs import tokens_of

_SIG_FIELD = re.compile(r"^\s*(By|Name|Title|Dated?)\s*:\s*(.*)$", re.IGNORECASE)


def signature_blocks(section: Section) -> tuple[list[dict], set[int]]:
    blocks: list[dict] = []
    date_lines: set[int] = set()
    current: dict | None = None
    for token in tokens_of(section.parts):
        match = _SIG_FIELD.match(token.value)
        slash = "/s/" in token.value.lower()
        if match is None and not slash:
            if current is not None and current.get("last") == "title" and token.type == "CONT":
                current["title"] += " " + token.value.strip()
            elif current is not None and token.type == "TEXT" and current.get("last") == "title":
                if token.column > 20:
                    current["title"] += " " + token.value.strip()
                else:
                    current["last"] = None
            continue
        key = match.group(1).lower() if match else "by"
        value = match.group(2).strip() if match else token.value.strip()
        if key in ("date", "dated"):
            date_lines.add(token.line)
            continue
        if key == "by" or slash:
            signer = re.sub(r"^(?:By:\s*)?/s/\s*", "", value, flags=re.IGNORECASE).strip()
            current = {"signer": signer, "first": token, "last_token": token, "title": ""}
            blocks.append(current)
            current["last"] = "by"
        elif current is not None:
            current[key] = value
            current["last"] = key
            current["last_token"] = token
    return blocks, date_lines
