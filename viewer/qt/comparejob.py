"""The comparison process: jobs in on stdin, outcomes out on stdout (no Qt imported here).

The window compares in a child process, not a thread: the engine is pure Python, and a
thread holding the GIL in long C-level steps froze the window for 0.2–0.5 s at a time. A
process is also cancelled at once (killed), whatever the engine is doing.

Frames are an 8-byte little-endian length and a pickle. In: ``(token, documents, options)``.
Out: ``(token, "progress", done, total)``, then ``(token, "done", comparison, marks)`` with
the comparison's documents left out (the window has them) or ``(token, "failed", message)``.
"""

from __future__ import annotations

import dataclasses
import pickle
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct("<Q")


def write_frame(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: BinaryIO) -> object | None:
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    return pickle.loads(stream.read(size))


def main() -> None:
    from viewer.core.compare import compare
    from viewer.qt.highlights import document_marks

    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        job = read_frame(source)
        if job is None:
            return
        token, documents, options = job  # type: ignore[misc]
        try:
            result = compare(
                documents,
                options,
                progress=lambda done, total, t=token: write_frame(
                    sink, (t, "progress", done, total)
                ),
            )
            marks = [document_marks(result, i) for i in range(len(documents))]
            write_frame(sink, (token, "done", dataclasses.replace(result, documents=()), marks))
        except Exception as exc:  # the window reports it
            write_frame(sink, (token, "failed", f"{type(exc).__name__}: {exc}"))


if __name__ == "__main__":
    main()
