"""Command line: ``viewer FILE…`` opens the window, ``viewer compare FILE…`` prints results,
``viewer report FILE… -o OUT`` writes a report.

This module imports Qt only when the window is asked for, so ``viewer compare`` starts fast.
Exit status: 0 done, 1 the output could not be written (full disk, closed stdout) or the
launcher could not be installed, 2 a usage error or an input that cannot be read,
130 cancelled. A reader that stops early (``| head``) ends the output quietly, status 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import IO, TYPE_CHECKING

from viewer import __version__
from viewer.core.compare import MAX_DOCUMENTS
from viewer.core.errors import ComparisonCancelled, DocumentError, SessionError
from viewer.core.model import MIN_WORDS_RANGE, CompareOptions
from viewer.core.sessionjson import SUFFIX
from viewer.core.terminal import escape_controls, escape_json_controls

if TYPE_CHECKING:
    from viewer.core.model import Comparison
    from viewer.core.review import ReviewState

EXIT_OK = 0
EXIT_OUTPUT = 1
EXIT_BAD_INPUT = 2
EXIT_CANCELLED = 130


def _error(message: str) -> None:
    print(f"viewer: {escape_controls(message)}", file=sys.stderr)


class OutputError(Exception):
    """Standard output cannot take what the command writes (full disk, closed stdout)."""


COMMANDS = """commands:
  viewer compare FILE…          print the passages 2–12 articles share (or --json)
  viewer report FILE… -o OUT    write an HTML, PDF, CSV or JSON report
  'viewer COMMAND --help' describes each.

exit status: 0 done; 1 the output could not be written (full disk, closed
stdout) or the launcher could not be installed; 2 a usage error or an input
that cannot be read; 130 cancelled (Ctrl+C)."""


class Parser(argparse.ArgumentParser):
    """argparse, except that help or a version that standard output cannot take is an
    OutputError (argparse ignores it and exits 0)."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if not message:
            return
        if file is None or file is not sys.stdout:
            super()._print_message(message, file)
            return
        try:
            file.write(message)
            file.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise OutputError(getattr(exc, "strerror", None) or str(exc)) from None


def add_version(parser: argparse.ArgumentParser) -> None:
    """``-V`` / ``--version``: every command has it."""
    parser.add_argument("-V", "--version", action="version", version=f"viewer {__version__}")


def _size(text: str) -> tuple[int, int]:
    """``--size WxH`` as ``(width, height)``; a usage error (exit status 2) otherwise."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must look like 1600x1000, not {text!r}") from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240 … 10000x10000")
    return width, height


def _add_option_flags(parser: argparse.ArgumentParser) -> None:
    defaults = CompareOptions()
    low, high = MIN_WORDS_RANGE
    parser.add_argument(
        "--min-words",
        type=int,
        default=defaults.min_words,
        metavar="N",
        help=f"shortest passage that counts, in words, {low}–{high} (default {defaults.min_words})",
    )
    parser.add_argument(
        "--match-case", action="store_true", help="count differences in letter case"
    )
    parser.add_argument(
        "--match-punctuation",
        action="store_true",
        help="count differences in punctuation and typographic variants (quotes, dashes)",
    )


def _options(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    base: CompareOptions | None = None,
) -> CompareOptions:
    """The options the flags give; flags left out (None) keep those of ``base``."""
    base = base or CompareOptions()
    try:
        return CompareOptions(
            min_words=base.min_words if args.min_words is None else args.min_words,
            ignore_case=base.ignore_case if args.match_case is None else not args.match_case,
            ignore_punctuation=(
                base.ignore_punctuation
                if args.match_punctuation is None
                else not args.match_punctuation
            ),
        )
    except ValueError as exc:
        parser.error(str(exc))


def compare_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="viewer compare",
        epilog="exit status: 0 done, 1 the output could not be written, 2 a usage error or "
        "an unreadable input, 130 cancelled.",
        description="Find the passages that 2–12 articles share, in any order, and the words "
        f"that changed inside them; or summarise a review session ({SUFFIX}): its articles, "
        "passages, the count of each verdict and its notes.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="articles (.txt, .md, .html, .docx, .pdf; an http(s) URL; - for standard input), "
        f"or one session ({SUFFIX})",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the full result as JSON (format version 1)"
    )
    _add_option_flags(parser)
    add_version(parser)
    # Flags left out keep a session's own options (and the defaults for articles).
    parser.set_defaults(min_words=None, match_case=None, match_punctuation=None)
    return parser


def split_session(files: Sequence[str], parser: argparse.ArgumentParser) -> str | None:
    """The session among ``files`` (a usage error unless it stands alone), or None."""
    sessions = [f for f in files if f.lower().endswith(SUFFIX)]
    if sessions and len(files) > 1:
        parser.error(f"give one session ({SUFFIX}) or articles, not both or several sessions")
    return sessions[0] if sessions else None


def window_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="viewer",
        description="Show articles side by side with their shared, moved, changed and original "
        "passages.",
        epilog=COMMANDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help=f"articles to open (up to {MAX_DOCUMENTS})"
    )
    add_version(parser)
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add the launcher, icon and session file type to your desktop (this user only)",
    )
    parser.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added",
    )
    parser.add_argument(
        "--samples",
        action="store_true",
        help="open the sample articles that come with the viewer (as the start page does)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen to this PNG after comparing, then exit",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1600, 1000),
        metavar="WxH",
        help="window size for --screenshot (default 1600x1000)",
    )
    parser.add_argument(
        "--theme", choices=("system", "light", "dark"), default=None, help="colour theme"
    )
    _add_option_flags(parser)
    return parser


def _write(text: str) -> None:
    """``text`` and a newline on standard output, as UTF-8, flushed."""
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        raise OutputError(getattr(exc, "strerror", None) or str(exc)) from None


def load_and_compare(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[Comparison, ReviewState | None] | int:
    """Load ``args.files`` (articles or one session) and compare them: the comparison and
    the session's state (None for articles), or an exit status after saying what failed."""
    from viewer.core.compare import compare
    from viewer.core.sources import load_document

    session = split_session(args.files, parser)
    state = None
    if session is not None:
        from viewer.core.sessionfile import open_session

        try:
            opened = open_session(session)
        except SessionError as exc:
            _error(str(exc))
            return EXIT_BAD_INPUT
        for message in opened.messages:
            _error(f"warning: {message}")
        state = opened.state
        documents = list(opened.documents)
        options = _options(args, parser, state.options)
    else:
        options = _options(args, parser)
        if not 2 <= len(args.files) <= MAX_DOCUMENTS:
            parser.error(f"give 2 to {MAX_DOCUMENTS} files, not {len(args.files)}")
        try:
            documents = [load_document(path) for path in args.files]
        except DocumentError as exc:
            _error(str(exc))
            return EXIT_BAD_INPUT
    for document in documents:
        for warning in document.warnings:
            _error(f"warning: {warning}")
    cancelled = threading.Event()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        cancelled.set()

    # Ctrl+C during the comparison sets a flag that every stage polls (within a fraction
    # of a second); elsewhere it raises KeyboardInterrupt, which ``main`` reports.
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        comparison = compare(documents, options, should_cancel=cancelled.is_set)
    except ComparisonCancelled:
        comparison = None
    finally:
        signal.signal(signal.SIGINT, previous)
    if comparison is None or cancelled.is_set():
        print("viewer: comparison cancelled", file=sys.stderr)
        return EXIT_CANCELLED
    if state is not None and state.options != options:
        from viewer.core.review import set_options

        state = set_options(state, options)
    return comparison, state


def run_compare(argv: Sequence[str]) -> int:
    """``viewer compare``: load, compare, print a summary or the JSON."""
    parser = compare_parser()
    args = parser.parse_args(list(argv))
    loaded = load_and_compare(args, parser)
    if isinstance(loaded, int):
        return loaded
    comparison, state = loaded
    if args.json:
        from viewer.core.serialize import to_json

        _write(escape_json_controls(to_json(comparison)))
    else:
        from viewer.core.summary import summarise

        text = summarise(comparison)
        if state is not None:
            from viewer.core.resolve import resolve
            from viewer.core.reviewsummary import summarise_review

            text += "\n\n" + summarise_review(state, resolve(state, comparison))
        _write(escape_controls(text))
    return EXIT_OK


def run_window(argv: Sequence[str]) -> int:
    """``viewer [FILE…]``: the desktop window."""
    parser = window_parser()
    args = parser.parse_args(list(argv))
    options = _options(args, parser)
    if args.install_desktop or args.uninstall_desktop:
        return run_desktop(args.uninstall_desktop)
    if args.samples:
        from viewer.core.packaged import sample_paths

        args.files = [*sample_paths(), *args.files]
    args.session = split_session(args.files, parser)
    if args.session is not None and args.screenshot:
        parser.error("--screenshot shows articles; open the session in the window instead")
    if len(args.files) > MAX_DOCUMENTS:
        parser.error(f"give at most {MAX_DOCUMENTS} files, not {len(args.files)}")
    from viewer.qt.app import run_app

    return run_app(args, options)


def run_desktop(remove: bool) -> int:
    """``--install-desktop`` / ``--uninstall-desktop``: name each file written or removed."""
    from viewer.desktop import install, uninstall

    try:
        paths = uninstall() if remove else install()
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        _error(f"{name}{exc.strerror or exc}")
        return EXIT_OUTPUT
    verb = "removed" if remove else "installed"
    if not paths:
        print("viewer: nothing to remove: the launcher is not installed", file=sys.stderr)
    for path in paths:
        print(f"viewer: {verb} {escape_controls(str(path))}", file=sys.stderr)
    return EXIT_OK


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _flushed(status: int) -> int:
    """``status`` once standard output is flushed; EXIT_OUTPUT (after one line on stderr) if
    it could not take the output. A reader that went away (broken pipe) is no error."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        _error(f"could not write the output: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_OUTPUT
    return status


def _dispatch(args: list[str]) -> int:
    try:
        if args[:1] == ["compare"]:
            return run_compare(args[1:])
        if args[:1] == ["report"]:
            from viewer.clireport import run_report

            return run_report(args[1:])
        return run_window(args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OutputError as exc:
        _silence_stdout()
        _error(f"could not write the output: {exc}")
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print("viewer: interrupted", file=sys.stderr)
        return EXIT_CANCELLED


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``viewer`` command and ``python -m viewer``."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = _dispatch(args)
    except SystemExit as done:  # --help, --version and usage errors
        code = done.code if isinstance(done.code, int) else EXIT_OK
        if _flushed(code) != code:
            raise SystemExit(EXIT_OUTPUT) from None
        raise
    return _flushed(status)
