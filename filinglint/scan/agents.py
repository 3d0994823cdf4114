"""Who transmitted a filing to EDGAR, read from its accession number.

An accession number ``0001193125-25-155880`` is the CIK of the entity that submitted
the filing (10 digits), the year (2 digits) and a sequence. Filing agents submit for
many companies under their own CIK, so the prefix names the agent; a company that files
for itself uses its own CIK. The ``agent`` column keeps the 10-digit prefix as it is;
the report shows a name for the few prefixes listed here (large filing agents whose
CIK prefix is widely known) and "self-filed" where the prefix is the company's own CIK.
"""

from __future__ import annotations

import re

_ACCESSION = re.compile(r"^\s*(\d{10})-?\d{2}-?\d{6}\s*$")

#: Filing-agent CIKs by the name the agent files under on EDGAR.
KNOWN_AGENTS = {
    "0001193125": "Donnelley Financial (RR Donnelley)",
    "0001104659": "Toppan Merrill",
    "0001140361": "Broadridge Financial Solutions",
    "0001628280": "Workiva",
}


def agent_of(accession: str | None) -> str | None:
    """The submitter's 10-digit CIK prefix of an accession number (None if malformed)."""
    if not accession:
        return None
    match = _ACCESSION.match(accession)
    return match.group(1) if match else None


def agent_label(agent: str | None, cik: str | None = None) -> str:
    """A readable name for a prefix: a known agent's name, "self-filed", or the prefix."""
    if agent is None:
        return "(no accession number)"
    if agent in KNOWN_AGENTS:
        return f"{KNOWN_AGENTS[agent]} [{agent}]"
    if cik and cik.strip().isdigit() and int(cik) == int(agent):
        return f"self-filed [{agent}]"
    return agent
