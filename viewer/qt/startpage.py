"""What the window shows with no articles open (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """Explains the tool in two lines and offers the two ways in."""

    openRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Compare articles side by side")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.explanation = text = QLabel(
            "Open two to twelve articles (text, Markdown, saved web pages, Word or PDF files, or "
            "web addresses: Ctrl+Shift+U) to see what they share, even when a paragraph moved, "
            "which words changed inside shared passages, and what is original to each. You can "
            "also drop files or links here or paste an article (Ctrl+Shift+V)."
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        open_button = QPushButton("Open articles…")
        open_button.setDefault(True)
        open_button.setMinimumWidth(260)
        samples = QPushButton("Open the sample articles")
        samples.setMinimumWidth(260)
        open_button.clicked.connect(self.openRequested)
        samples.clicked.connect(self.samplesRequested)
        # The explanation takes the column's whole width, so its height follows its wrapped
        # lines (a centred word-wrapped label gets its one-line height and is cut off).
        column = QWidget()
        column.setMaximumWidth(620)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(10)
        inner.addWidget(text)
        for button in (open_button, samples):
            inner.addSpacing(10)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
