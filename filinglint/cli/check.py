"""``filinglint check``: configuration, reading, checking, fixing, reporting, exit code.

Fixing (``--fix``, ``--diff``) happens file by file right after the file is checked:
only a file with an applicable fix is read again as bytes and fixed (see
``linter/fixes.py``); ``--fix`` then reports what remains, ``--diff`` prints the change
and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from filinglint.cli.arguments import FAIL_LEVELS, split_selectors
from filinglint.cli.output import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    Progress,
    error,
    render,
    report,
    write,
    write_file,
)
from filinglint.cli.walk import iter_inputs
from filinglint.linter.report import FORMATS


@dataclass
class _Run:
    """What one ``check`` run has gathered so far."""

    diagnostics: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    fixed: list = field(default_factory=list)  # the findings fixes removed (or would)
    diffs: list[str] = field(default_factory=list)
    input_errors: int = 0


def run_check(args: argparse.Namespace) -> int:
    from filinglint.linter.config import ConfigError, ConfigResolver, with_overrides
    from filinglint.linter.registry import SelectionError

    outputs: list[tuple[str, str]] = []
    for item in args.output_file:
        fmt, _, target = item.partition("=")
        if fmt not in FORMATS or not target:
            error(f"--output-file wants FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}")
            return EXIT_ERROR
        outputs.append((fmt, target))
    try:
        resolver = ConfigResolver(args.config, args.isolated)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR

    from filinglint.cli.run import Checker, Limits, Task, check_all, default_jobs, tuned_gc

    limits = Limits(timeout=args.timeout or None, max_file_size=args.max_file_size)
    checker = Checker(limits, use_cache=not args.no_cache)
    tasks: list[Task] = []
    run = _Run()
    settings = None
    try:
        for path in iter_inputs(args.paths, resolver):
            base = resolver.for_path(path)
            settings = with_overrides(
                base,
                select=split_selectors(args.select),
                ignore=base.ignore + split_selectors(args.ignore) if args.ignore else None,
                extend_select=split_selectors(args.extend_select),
            )
            if args.filing_date:
                settings = _with_filing_date(settings, args.filing_date)
            checker.engine(settings)  # a bad selection stops the run before any file is read
            display = args.stdin_filename if path == "-" else None
            tasks.append(Task(len(tasks), path, settings, display))
    except (ConfigError, SelectionError) as exc:
        error(str(exc))
        return EXIT_ERROR
    progress = Progress(enabled=not args.quiet)
    checked = 0
    jobs = args.jobs or default_jobs()
    with tuned_gc():
        for outcome in check_all(tasks, jobs, checker):
            if outcome.error is not None:
                error(outcome.error)
                run.input_errors += 1
                continue
            found, source = outcome.diagnostics, outcome.source
            if (args.fix or args.diff) and not outcome.timed_out:
                task = tasks[outcome.index]
                engine = checker.engine(task.settings)
                found, source = _fix(args, task.path, source, found, engine, run)
            run.sources[source.path] = source
            run.diagnostics.extend(found)
            checked += 1
            progress.update(checked, len(run.diagnostics))
    progress.close()
    if settings is None:
        settings = with_overrides(resolver.for_path("."), select=split_selectors(args.select))
    if args.diff:
        return _finish_diff(args, run)
    diagnostics, sources = run.diagnostics, run.sources

    if args.write_baseline:
        from filinglint.linter.baseline import write_baseline

        count = write_baseline(args.write_baseline, diagnostics, sources)
        if not args.quiet:
            print(f"Wrote {count} findings to the baseline {args.write_baseline}.", file=sys.stderr)
        return EXIT_ERROR if run.input_errors else EXIT_CLEAN
    hidden = 0
    if args.baseline:
        from filinglint.linter.baseline import BaselineError, apply_baseline

        try:
            diagnostics, hidden = apply_baseline(args.baseline, diagnostics, sources)
        except BaselineError as exc:
            error(str(exc))
            return EXIT_ERROR

    output_format = args.output_format or settings.output_format or "full"
    show_source = args.show_source if args.show_source is not None else True
    report(args, output_format, diagnostics, sources, show_source)
    for fmt, target in outputs:
        write_file(target, render(fmt, diagnostics, sources, show_source, color=False))
    if output_format in ("full", "concise", "grouped") and not args.quiet:
        from filinglint.linter.report import fix_summary, summary

        if args.show_fixes and run.fixed:
            write(_fixed_listing(run.fixed))
        print(summary(diagnostics, fixed=len(run.fixed)))
        available = fix_summary(diagnostics, unsafe=args.unsafe_fixes)
        if available:
            print(available)
        if hidden:
            print(f"{hidden} known findings hidden by the baseline {args.baseline}.")

    if run.input_errors:
        return EXIT_ERROR
    failing = FAIL_LEVELS[args.fail_on or settings.fail_on or "warning"]
    if not args.exit_zero and any(d.severity in failing for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _with_filing_date(settings, day: str):
    """``--filing-date`` as the fee-rate-outdated option, over the configured one."""
    from dataclasses import replace

    options = dict(settings.rule_options)
    options["fee-rate-outdated"] = {**options.get("fee-rate-outdated", {}), "filing-date": day}
    return replace(settings, rule_options=tuple(options.items()))


def _fix(args, path: str, source, found: list, engine, run: _Run) -> tuple[list, object]:
    """Fix one file (``--fix``) or diff it (``--diff``); the findings that remain."""
    from filinglint.linter.fixes import (
        FixError,
        applicable,
        fix_file,
        unified_diff,
        write_atomically,
    )

    if not any(applicable(d.fix, args.unsafe_fixes) for d in found):
        return found, source
    if path == "-":
        error(f"{source.path}: fixes are not applied to standard input; pass the file's path")
        run.input_errors += 1
        return found, source
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        outcome = fix_file(
            path, data, source.encoding, engine.check, unsafe=args.unsafe_fixes, display=source.path
        )
        if not outcome.changed:
            return found, source
        if args.diff:
            run.diffs.append(unified_diff(outcome))
            run.fixed.extend(outcome.fixed)
            return found, source
        write_atomically(path, outcome.before, outcome.after)
    except OSError as exc:
        error(f"{path}: cannot read ({exc.strerror})")
        run.input_errors += 1
        return found, source
    except FixError as exc:
        error(str(exc))
        run.input_errors += 1
        return found, source
    run.fixed.extend(outcome.fixed)
    return outcome.remaining, outcome.source


def _finish_diff(args, run: _Run) -> int:
    """``--diff``: the changes on stdout, a count on stderr; exit 1 when there is one."""
    from filinglint.cli.output import escape

    for diff in run.diffs:
        write(escape(diff))
    if not args.quiet:
        count = len(run.fixed)
        noun = "finding" if count == 1 else "findings"
        print(f"Would fix {count} {noun}." if count else "No fixes available.", file=sys.stderr)
    if run.input_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if run.diffs else EXIT_CLEAN


def _fixed_listing(fixed: list) -> str:
    """``--show-fixes``: what was fixed, per file and rule, as ruff lists it."""
    per_file: dict[str, dict[tuple[str, str], int]] = {}
    for diagnostic in fixed:
        rules = per_file.setdefault(diagnostic.path, {})
        key = (diagnostic.code, diagnostic.name)
        rules[key] = rules.get(key, 0) + 1
    noun = "finding" if len(fixed) == 1 else "findings"
    lines = [f"Fixed {len(fixed)} {noun}:"]
    for path, rules in per_file.items():
        lines.append(f"- {path}:")
        lines.extend(f"    {n} × {code} ({name})" for (code, name), n in sorted(rules.items()))
    return "\n".join(lines) + "\n"
