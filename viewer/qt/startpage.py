"""What the window shows with no articles open (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


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
        text = QLabel(
            "Open two to eight articles (.txt or Markdown) to see what they share, even when a "
            "paragraph moved, which words changed inside shared passages, and what is original "
            "to each. You can also drop files here or paste an article (Ctrl+Shift+V)."
        )
        text.setWordWrap(True)
        text.setMaximumWidth(620)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        open_button = QPushButton("Open articles…")
        open_button.setDefault(True)
        open_button.setMinimumWidth(260)
        samples = QPushButton("Open the sample articles")
        samples.setMinimumWidth(260)
        open_button.clicked.connect(self.openRequested)
        samples.clicked.connect(self.samplesRequested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, text, open_button, samples):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addSpacing(10)
        layout.addStretch(3)
