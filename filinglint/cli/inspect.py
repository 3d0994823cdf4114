"""The commands that explain rather than check: config, parse, rules, rule."""

from __future__ import annotations

import argparse

from filinglint.cli.output import EXIT_CLEAN, EXIT_ERROR, error, escape, write


def run_config(args: argparse.Namespace) -> int:
    from filinglint.linter.config import ConfigError, ConfigResolver

    try:
        settings = ConfigResolver(args.config, args.isolated).for_path(args.path)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR
    data = settings.as_dict()
    import json

    if args.output_format == "json":
        write(json.dumps({"config-file": settings.path, **data}, indent=2) + "\n")
        return EXIT_CLEAN
    lines = [f"# configuration file: {settings.path or 'none (defaults)'}"]
    tables = []
    for key, value in data.items():
        if isinstance(value, dict) and value and key not in ("per-file-ignores", "severity"):
            tables.append((key, value))
        elif isinstance(value, dict):
            inline = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items())
            lines.append(f"{key} = {{ {inline} }}" if inline else f"{key} = {{}}")
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    for key, value in tables:
        lines.append(f"\n[{key}]")
        lines.extend(f"{k} = {json.dumps(v)}" for k, v in value.items())
    write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def run_parse(args: argparse.Namespace) -> int:
    from filinglint.linter.documents import build_root
    from filinglint.linter.source import InputError, read_path

    try:
        source = read_path(args.path)
    except InputError as exc:
        error(str(exc))
        return EXIT_ERROR
    root = build_root(source, args.form)
    if args.json:
        from filinglint.linter.models import dump_filing

        write(dump_filing(root) + "\n")
    elif root.kind == "submission":
        write(escape(submission_outline(root, source)))
    else:
        write(escape(outline(root, source)))
    return EXIT_CLEAN


def submission_outline(submission, source) -> str:
    """The header, then each document and the outline of those that were read."""
    header = submission.header
    lines = []
    if header is not None:
        lines.append(
            f"submission {header.accession or '?'}: {header.submission_type or '?'}, "
            f"{header.document_count} documents, filed as of {header.filed_as_of or '?'}"
        )
        lines.extend(f"{p.role}: {p.name} (CIK {p.cik or '?'})" for p in header.parties)
    for document in submission.documents:
        name = document.filename or "no file name"
        lines.append(
            f"\n== document {document.sequence or '?'}: {document.type} "
            f"({name}, {document.content}, line {_line(source, document)})"
        )
        if document.filing is not None:
            lines.append(outline(document.filing, source).rstrip())
    return "\n".join(lines) + "\n"


def _line(source, node) -> int:
    """The line a node starts on, in the file the user opened."""
    return source.position(node.span.start)[0]


def outline(filing, source) -> str:
    """A short human summary of what the parser found, one line per structure."""
    if filing.fee_exhibit is not None:
        return "".join(
            f"fee exhibit {row.table or '-'} {row.number or ''}: "
            + ", ".join(f"{f.name}={f.value}" for f in row.facts)
            + "\n"
            for row in filing.fee_exhibit.rows
        )
    cover = filing.cover
    fee = cover.fee_table
    lines = [
        f"form: {filing.form_type or '?'} (from {filing.form_source or 'nothing'})"
        f"  amendment: {cover.amendment_number}",
        f"subject company: {cover.subject_company.value if cover.subject_company else '?'}",
        f"CUSIP: {cover.cusip.value if cover.cusip else '?'}",
    ]
    if fee is not None:
        lines.append(
            f"fee table: valuation {fee.valuation.text if fee.valuation else '?'}, "
            f"fee {fee.fee.text if fee.fee else '?'}, rate {fee.rate.text if fee.rate else '?'}"
        )
    if cover.registration_fee_table is not None:
        from filinglint.linter.registration_fee import describe

        lines.extend(describe(cover.registration_fee_table))
    for notice in filing.fund_fee_notices:
        from filinglint.linter.fund_fee_notice import describe as describe_notice

        lines.extend(describe_notice(notice))
    for box in cover.boxes:
        lines.append(
            f"box {box.mark:5} {box.state:10} {box.role or '-':28} line {_line(source, box)}"
        )
    for item in filing.items:
        lines.append(f"item {', '.join(map(str, item.numbers))}: line {_line(source, item)}")
    for exhibits in filing.exhibit_lists:
        lines.append(
            f"exhibits ({_list_name(exhibits)}, {exhibits.mode}): {len(exhibits.entries)} entries, "
            f"legend {', '.join(n.marker + ' ' + n.text for n in exhibits.legend) or 'none'}"
        )
    for signature in filing.signatures:
        lines.append(_signed(signature))
    for date in filing.dates:
        if date.role:
            lines.append(f"date {date.role}: {date.text} (line {_line(source, date)})")
    lines.append(f"dates mentioned: {len(filing.dates)}")
    return "\n".join(lines) + "\n"


def _signed(signature) -> str:
    """One signature as the page reads: who, as what, through whom, for whom, when."""
    when = signature.date.text if signature.date else "?"
    title = f" ({signature.title})" if signature.title else ""
    through = f" through {signature.attorney}, attorney-in-fact" if signature.attorney else ""
    person = f" for {signature.entity}" if signature.entity else ""
    return f"signed by {signature.signer or '?'}{title}{through}{person} on {when}"


def run_rules(args: argparse.Namespace) -> int:
    from filinglint.linter.registry import all_rules

    rules = all_rules()
    if args.output_format == "json":
        import json

        write(json.dumps([_rule_json(r) for r in rules], indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(r.name) for r in rules)
    forms = {r.code: _forms(r) for r in rules}
    form_width = max(len("forms"), *(len(text) for text in forms.values()))
    write(f"{'code':7} {'name':{width}} {'severity':8} {'fix':6} {'forms':{form_width}} summary\n")
    for r in rules:
        fix = r.fix if r.fixable else "-"
        write(
            f"{r.code:7} {r.name:{width}} {r.severity:8} {fix:6} {forms[r.code]:{form_width}}"
            f" {r.summary}\n"
        )
    return EXIT_CLEAN


def _forms(rule) -> str:
    """The form patterns a rule applies to, or "all"."""
    return ",".join(rule.forms) if rule.forms else "all"


def _forms_sentence(rule) -> str:
    if not rule.forms:
        return "Applies to every form."
    return (
        f"Applies to {', '.join(rule.forms)} (and their amendments); silent on documents of"
        " other forms, checked on documents whose form is unknown."
    )


def _rule_json(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "fixable": rule.fixable,
        "fix": rule.fix,
        "family": rule.family,
        "node_types": sorted(rule.visitors),
        "options": {name: dict(schema) for name, schema in rule.options.items()},
        "forms": list(rule.forms),
        "docs": rule.docs,
    }


def run_rule(args: argparse.Namespace) -> int:
    """``rule CODE`` explains one rule; ``rule --all`` every rule (as ruff's)."""
    import json

    from filinglint.linter.registry import all_rules, find_rule

    if args.all == (args.rule is not None):
        error("give a rule's code or name, or --all (not both)")
        return EXIT_ERROR
    if args.all:
        rules = all_rules()
        if args.output_format == "json":
            write(json.dumps([_rule_json(r) for r in rules], indent=2) + "\n")
        else:
            write("\n".join(_rule_text(r) for r in rules))
        return EXIT_CLEAN
    rule = find_rule(args.rule)
    if rule is None:
        known = ", ".join(r.code for r in all_rules())
        error(f"no rule {args.rule!r} (known: {known})")
        return EXIT_ERROR
    if args.output_format == "json":
        write(json.dumps(_rule_json(rule), indent=2) + "\n")
        return EXIT_CLEAN
    write(_rule_text(rule))
    return EXIT_CLEAN


def _rule_text(rule) -> str:
    fix = f" Fix: {rule.fix}." if rule.fixable else ""
    severity = f"Default severity: {rule.severity}.{fix}"
    forms = _forms_sentence(rule)
    return f"# {rule.name} ({rule.code})\n\n{rule.summary}. {severity} {forms}\n\n{rule.docs}\n"


def run_version(args: argparse.Namespace) -> int:
    """``filinglint version``: the same as ``--version``, or JSON for scripts."""
    from filinglint import __version__

    if args.output_format == "json":
        import json

        write(json.dumps({"version": __version__}) + "\n")
    else:
        write(f"filinglint {__version__}\n")
    return EXIT_CLEAN


def _list_name(exhibits) -> str:
    """``item 12`` (the exhibit item and its number) or ``index``."""
    if exhibits.source == "item" and exhibits.item is not None:
        return f"item {exhibits.item}"
    return exhibits.source
