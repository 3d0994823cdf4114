"""``filinglint scan`` and ``filinglint report``: their options, and the calls they make.

Importing this module imports argparse only; pyarrow, dask and matplotlib are imported
when a scan or a report runs, so ``filinglint check`` starts as fast as before.
"""

from __future__ import annotations

import argparse
import sys

_MISSING_EXTRA = (
    "filinglint {command} needs the 'scan' extra:"
    " pip install 'filinglint[scan]' ({name} is missing)"
)


def add_commands(commands) -> None:
    """Add the ``scan`` and ``report`` subcommands to the main parser's subparsers."""
    scan = commands.add_parser(
        "scan", help="sweep a corpus of filings into Parquet tables of findings and facts"
    )
    scan.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or globs")
    scan.add_argument(
        "--manifest",
        metavar="FILE",
        help="a list of paths: one per line, or a CSV file with a 'path' column",
    )
    scan.add_argument("--out", required=True, metavar="DIR", help="the output folder")
    scan.add_argument(
        "--format",
        choices=("parquet", "jsonl"),
        default="parquet",
        help="Parquet parts (default) or JSON Lines parts",
    )
    scan.add_argument(
        "--workers", type=int, default=None, metavar="N", help="worker processes (default: cores)"
    )
    scan.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on dask.distributed: a scheduler address, or 'local' for a LocalCluster",
    )
    scan.add_argument(
        "--batch-size", type=int, default=64, metavar="N", help="files per batch (default 64)"
    )
    scan.add_argument("--resume", action="store_true", help="finish an interrupted scan in --out")
    scan.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="stop a file after this long and record it as 'timeout' (default 60; 0: never)",
    )
    scan.add_argument(
        "--progress",
        choices=("auto", "bar", "lines", "off"),
        default="auto",
        help="a bar on a terminal, a periodic line otherwise (auto)",
    )
    scan.add_argument(
        "--progress-interval",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="seconds between progress lines when not on a terminal (default 10)",
    )
    for flag in ("--select", "--extend-select", "--ignore"):
        scan.add_argument(flag, action="append", default=None, metavar="RULES")
    scan.add_argument("--config", metavar="PATH")
    scan.add_argument("--isolated", action="store_true")

    report = commands.add_parser("report", help="an HTML summary of a scan's tables")
    report.add_argument("scan_dir", metavar="DIR", help="the folder a scan wrote")
    report.add_argument("--html", required=True, metavar="OUT.html", help="the page to write")
    report.add_argument(
        "--max-findings",
        type=int,
        default=2000,
        metavar="N",
        help="findings listed in the page's table (default 2000; the plots use all)",
    )
    report.add_argument(
        "--no-views",
        action="store_true",
        help="link findings to their files instead of writing each filing's annotated view",
    )


def run_scan(args: argparse.Namespace) -> int:
    from filinglint.cli.arguments import split_selectors
    from filinglint.cli.output import EXIT_CLEAN, EXIT_ERROR, error

    if not _have("scan", "pyarrow") or (args.dask and not _have("scan", "distributed")):
        return EXIT_ERROR
    from filinglint.scan.inputs import ScanInputError, expand
    from filinglint.scan.run import ScanError, ScanRequest, run
    from filinglint.scan.task import TaskOptions

    try:
        files = expand(args.paths, args.manifest) if (args.paths or args.manifest) else []
        request = ScanRequest(
            files=files,
            out=args.out,
            fmt=args.format,
            workers=args.workers,
            dask=args.dask,
            batch_size=args.batch_size,
            resume=args.resume,
            options=TaskOptions(
                config=args.config,
                isolated=args.isolated,
                select=split_selectors(args.select),
                ignore=split_selectors(args.ignore),
                extend_select=split_selectors(args.extend_select),
                timeout=args.timeout or None,
            ),
            progress=args.progress,
            progress_interval=args.progress_interval,
        )
        summary = run(request)
    except (ScanInputError, ScanError) as exc:
        error(str(exc))
        return EXIT_ERROR
    print(summary.text())
    return EXIT_CLEAN


def run_report(args: argparse.Namespace) -> int:
    from filinglint.cli.output import EXIT_CLEAN, EXIT_ERROR, error

    if not (_have("report", "pyarrow") and _have("report", "matplotlib")):
        return EXIT_ERROR
    from filinglint.scan.report import ReportError, write_report

    try:
        written = write_report(
            args.scan_dir, args.html, max_findings=args.max_findings, views=not args.no_views
        )
    except ReportError as exc:
        error(str(exc))
        return EXIT_ERROR
    print(f"Wrote {args.html}: {written}.")
    return EXIT_CLEAN


def _have(command: str, name: str) -> bool:
    import importlib.util

    if importlib.util.find_spec(name) is None:
        print(
            "filinglint: error: " + _MISSING_EXTRA.format(command=command, name=name),
            file=sys.stderr,
        )
        return False
    return True
