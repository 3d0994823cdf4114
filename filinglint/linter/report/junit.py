"""JUnit XML, the test-report format every CI system can display.

One ``<testsuite>`` per checked file and one ``<testcase>`` per rule that found something
there, failing with that rule's findings (``line:col message``, one a line). A file with
no findings gets a single passing ``filinglint`` testcase, so a clean run still reports
what it checked. Info findings do not fail the command, so they do not fail a testcase
either: they are listed in the testcase's ``<system-out>``. Built with ElementTree for
correct escaping; characters XML 1.0 forbids (a form feed quoted from a filing) are
written as ``\\xNN``.
"""

from __future__ import annotations

import re

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _finding(diagnostic) -> str:
    return f"{diagnostic.line}:{diagnostic.column} {diagnostic.message}"


def render(diagnostics, sources) -> str:
    import xml.etree.ElementTree as ET

    by_file: dict[str, dict[str, list]] = {path: {} for path in sources}
    for diagnostic in diagnostics:
        by_file.setdefault(diagnostic.path, {}).setdefault(diagnostic.code, []).append(diagnostic)

    root = ET.Element("testsuites", name="filinglint")
    total_tests = total_failures = 0
    for path, by_rule in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_xml_text(path))
        tests = failures = 0
        for code in sorted(by_rule):
            findings = by_rule[code]
            case = ET.SubElement(
                suite,
                "testcase",
                classname=_xml_text(path),
                name=f"{code} {findings[0].name}",
            )
            tests += 1
            text = "\n".join(_xml_text(_finding(d)) for d in findings)
            failing = [d for d in findings if d.severity != "info"]
            if failing:
                failures += 1
                message = failing[0].message if len(failing) == 1 else f"{len(failing)} findings"
                failure = ET.SubElement(case, "failure", message=_xml_text(message), type=code)
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = text
        if not by_rule:
            ET.SubElement(suite, "testcase", classname=_xml_text(path), name="filinglint")
            tests += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
