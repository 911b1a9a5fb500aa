"""The Qt binding must not corrupt Python: PySide6 6.12.0 on Python 3.11 dropped a reference
to None on every call of a method returning void, and a window crashed within seconds
of scrolling ("none_dealloc"). pyproject.toml excludes it; this test catches another."""

import gc
import sys

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_calls_keep_references_to_none() -> None:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    holder = QObject()
    colour = QColor("#336699")
    gc.disable()  # a collection during the loop may free objects that held None
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.fillRect(QRectF(1, 1, 5, 5), colour)
            holder.setObjectName("x")
        after = sys.getrefcount(None)
    finally:
        gc.enable()
        painter.end()
    assert after >= before - 200  # the broken binding loses 4,000 here
