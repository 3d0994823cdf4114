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
    warning,
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


class _Overrides:
    """The configuration of each path with the command line's choices applied on top:
    what the walker excludes and what each file is checked with agree."""

    def __init__(self, resolver, args: argparse.Namespace) -> None:
        self.resolver = resolver
        self.args = args
        self._done: dict[int, tuple[object, object]] = {}

    def for_path(self, path: str):
        from filinglint.linter.config import with_command_line_excludes, with_overrides

        base = self.resolver.for_path(path)
        cached = self._done.get(id(base))
        if cached is not None and cached[0] is base:
            return cached[1]
        args = self.args
        settings = with_overrides(
            base,
            select=split_selectors(args.select),
            ignore=base.ignore + split_selectors(args.ignore) if args.ignore else None,
            extend_select=split_selectors(args.extend_select),
            form=args.form,
        )
        settings = with_command_line_excludes(
            settings, split_selectors(args.exclude), split_selectors(args.extend_exclude)
        )
        if args.filing_date:
            settings = _with_filing_date(settings, args.filing_date)
        self._done[id(base)] = (base, settings)
        return settings


def run_check(args: argparse.Namespace) -> int:
    from filinglint.linter.config import ConfigError, ConfigResolver
    from filinglint.linter.registry import SelectionError

    outputs: list[tuple[str, str]] = []
    for item in args.output_file:
        fmt, _, target = item.partition("=")
        if fmt not in FORMATS or not target:
            error(f"--output-file wants FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}")
            return EXIT_ERROR
        outputs.append((fmt, target))
    try:
        resolver = _Overrides(ConfigResolver(args.config, args.isolated), args)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR

    from filinglint.cli.run import Checker, Limits, Task, check_all, default_jobs, tuned_gc

    limits = Limits(timeout=args.timeout or None, max_file_size=args.max_file_size)
    checker = Checker(limits, use_cache=not args.no_cache)
    tasks: list[Task] = []
    run = _Run()
    settings = None
    progress = Progress(enabled=not args.quiet)
    checked = 0

    def unreadable(message: str) -> None:
        progress.close()
        error(message)
        run.input_errors += 1

    try:
        inputs = iter_inputs(
            args.paths,
            resolver,
            respect_gitignore=args.respect_gitignore,
            on_error=unreadable,
        )
        for path in inputs:
            # stdin is configured as the file it stands for (ruff's --stdin-filename).
            named = args.stdin_filename if path == "-" and args.stdin_filename else path
            settings = resolver.for_path(named)
            checker.engine(settings)  # a bad selection stops the run before any file is read
            display = args.stdin_filename if path == "-" else None
            tasks.append(Task(len(tasks), path, settings, display))
    except (ConfigError, SelectionError) as exc:
        progress.close()
        error(str(exc))
        return EXIT_ERROR
    jobs = args.jobs or default_jobs()
    with tuned_gc():
        for outcome in check_all(tasks, jobs, checker):
            if outcome.error is not None:
                unreadable(outcome.error)
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
        settings = resolver.for_path(".")
    if checked == 0 and not run.input_errors:
        # As ruff: a warning, not "All checks passed!" over nothing.
        warning("no filings found under the given paths")
    if args.diff:
        return _finish_diff(args, run)
    diagnostics, sources = run.diagnostics, run.sources

    if args.write_baseline:
        from filinglint.linter.baseline import write_baseline
        from filinglint.linter.writing import WriteError

        try:
            count = write_baseline(args.write_baseline, diagnostics, sources)
        except WriteError as exc:
            error(str(exc))
            return EXIT_ERROR
        if not args.quiet:
            noun = "finding" if count == 1 else "findings"
            print(f"Wrote {count} {noun} to the baseline {args.write_baseline}.", file=sys.stderr)
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
    written = all(
        [
            write_file(target, render(fmt, diagnostics, sources, show_source, color=False))
            for fmt, target in outputs
        ]
    )
    human = output_format in ("full", "concise", "grouped")
    if human and not args.quiet and (checked or run.input_errors):
        from filinglint.linter.report import fix_summary, summary

        if args.show_fixes and run.fixed:
            write(_fixed_listing(run.fixed))
        print(summary(diagnostics, fixed=len(run.fixed), unreadable=run.input_errors))
        available = fix_summary(diagnostics, unsafe=args.unsafe_fixes)
        if available:
            print(available)
        if hidden:
            print(f"{hidden} known findings hidden by the baseline {args.baseline}.")

    if run.input_errors or not written:
        return EXIT_ERROR
    failing = FAIL_LEVELS[args.fail_on or settings.fail_on or "warning"]
    if not args.exit_zero and any(d.severity in failing for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _with_filing_date(settings, day: str):
    """``--filing-date`` as the ``filing-date`` option of every rule that has one
    (fee-rate-outdated, fee-mismatch…), over the configured one."""
    from dataclasses import replace

    from filinglint.linter.registry import all_rules

    options = dict(settings.rule_options)
    for rule in all_rules():
        if "filing-date" in rule.options:
            options[rule.name] = {**options.get(rule.name, {}), "filing-date": day}
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
