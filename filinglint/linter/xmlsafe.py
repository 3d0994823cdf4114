"""One way to parse XML from a filing: nothing fetched, nothing expanded, limits kept.

Filings are untrusted input. Every XML reader (the Inline XBRL fee exhibit, EDGAR's
24F-2NT XML, a Word document's parts) parses with the same settings: no entity is
resolved (no "billion laughs", no external entity), nothing is fetched from the network,
no DTD is loaded (so none is read from disk either), and ``huge_tree=False`` keeps
libxml2's limits on depth and text size.
"""

from __future__ import annotations


def parser(*, recover: bool, encoding: str | None = "utf-8"):
    """An lxml parser. ``encoding="utf-8"`` (the default) is for text already decoded to
    ``str`` and encoded back as UTF-8, whatever its declaration says; ``None`` follows the
    document's own declaration (a Word part read as bytes). ``recover`` reads what it can
    of a malformed document (EDGAR documents are not always well formed)."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=recover,
        encoding=encoding,
    )
