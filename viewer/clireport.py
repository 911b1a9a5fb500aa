"""``viewer report FILE…|SESSION -o OUT.html|.pdf|.csv|.json``: a report to hand on.

Takes the options of ``viewer compare``. The HTML, CSV and JSON are written by the core;
the PDF is drawn by Qt's printing, offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from viewer.cli import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Parser,
    _add_option_flags,
    _error,
    add_version,
    load_and_compare,
)
from viewer.core.sessionjson import SUFFIX


def report_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="viewer report",
        description="Compare 2–12 articles, or open a review session, and write a report: "
        "HTML (one self-contained file), PDF, CSV (one row per passage copy) or JSON (the "
        "comparison and the review state), chosen by the output file's suffix.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=f"articles (.txt, .md, .markdown), or one session ({SUFFIX})",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the report to write: OUT.html, OUT.pdf, OUT.csv or OUT.json",
    )
    parser.add_argument("--title", default="", help="the report's heading (HTML and PDF)")
    _add_option_flags(parser)
    add_version(parser)
    parser.set_defaults(min_words=None, match_case=None, match_punctuation=None)
    return parser


def run_report(argv: Sequence[str]) -> int:
    from viewer.core.reportfiles import report_bytes, report_format

    parser = report_parser()
    args = parser.parse_args(list(argv))
    try:
        fmt = report_format(args.output)
    except ValueError as exc:
        parser.error(str(exc))
    loaded = load_and_compare(args, parser)
    if isinstance(loaded, int):
        return loaded
    comparison, state = loaded
    from viewer.core.atomicfile import write_atomic
    from viewer.core.reportmodel import build_report

    report = build_report(comparison, state)
    try:
        if fmt == "pdf":
            if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from viewer.qt.reportpdf import write_pdf

            write_pdf(report, args.output, args.title)
        else:
            write_atomic(args.output, report_bytes(report, fmt, args.title))
    except OSError as exc:
        _error(f"{args.output}: could not be written ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    print(f"viewer: wrote {args.output}", file=sys.stderr)
    return EXIT_OK
