"""The toolbar: comparison options and the colour legend (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QToolBar, QWidget

from viewer.core.model import MIN_WORDS_RANGE, CompareOptions
from viewer.qt.palette import Colours

DEBOUNCE_MS = 350


def shared_levels(colours: Colours, others: int) -> list[tuple[int, int]]:
    """Runs ``(first, last)`` of "carried by N others" counts that share one colour."""
    if others <= 1:
        return [(1, 1)]
    runs: list[tuple[int, int]] = []
    for count in range(1, others + 1):
        level = colours.shared_level(count, others)
        if runs and colours.shared_level(runs[-1][0], others) == level:
            runs[-1] = (runs[-1][0], count)
        else:
            runs.append((count, count))
    return runs


def _shared_label(first: int, last: int, others: int) -> str:
    if others <= 1:
        return "shared"
    if first == others:
        return "in all others"
    span = str(first) if first == last else f"{first}–{last}"
    return f"in {span} other" + ("" if last == 1 else "s")


class Legend(QWidget):
    """Swatches explaining the highlight colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 0, 8, 0)
        self._layout.setSpacing(6)

    def set_colours(self, colours: Colours, others: int) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        entries: list[tuple[QColor, str, str]] = []
        for first, last in shared_levels(colours, others):
            entries.append(
                (colours.shared_for(first, others), _shared_label(first, last, others), "")
            )
        entries.append((QColor(colours.changed), "changed words", colours.changed_text))
        entries.append((QColor(0, 0, 0, 0), "original (plain)", ""))
        self.entries = [
            (colour.name(QColor.NameFormat.HexArgb), text) for colour, text, _ in entries
        ]
        for colour, text, _ in entries:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setAccessibleName(f"Colour: {text}")
            swatch.setToolTip(text)
            border = "palette(mid)"
            swatch.setStyleSheet(
                f"background: {colour.name(QColor.NameFormat.HexArgb)}; border: 1px solid {border};"
            )
            self._layout.addWidget(swatch)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.addWidget(label)
            self._layout.addSpacing(6)
        outline = QLabel("▭ current passage")
        outline.setStyleSheet(f"color: {colours.outline}; font-weight: bold;")
        self._layout.addWidget(outline)


class OptionsBar(QToolBar):
    """Minimum passage words, ignore case, ignore punctuation; emits debounced changes."""

    optionsChanged = Signal(object)  # CompareOptions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Comparison options", parent)
        self.setObjectName("optionsBar")
        self.setMovable(False)
        self.min_words = QSpinBox()
        self.min_words.setRange(*MIN_WORDS_RANGE)
        self.min_words.setSuffix(" words")
        self.min_words.setToolTip("Shortest passage that counts as shared")
        self.ignore_case = QCheckBox("Ignore case")
        self.ignore_case.setToolTip("Ignore differences in letter case: “Kyiv” matches “KYIV”")
        self.min_words.setAccessibleName("Shortest passage")
        self.ignore_punctuation = QCheckBox("Ignore punctuation")
        self.ignore_punctuation.setToolTip(
            "Ignore punctuation and typographic variants: curly vs straight quotes, dashes"
        )
        self.addWidget(QLabel(" Shortest passage: "))
        self.addWidget(self.min_words)
        self.addSeparator()
        self.addWidget(self.ignore_case)
        self.addWidget(self.ignore_punctuation)
        self.addSeparator()
        self.legend = Legend()
        self.addWidget(self.legend)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.optionsChanged.emit(self.options()))
        self.min_words.valueChanged.connect(self._timer.start)
        self.ignore_case.toggled.connect(self._timer.start)
        self.ignore_punctuation.toggled.connect(self._timer.start)
        self.set_options(CompareOptions())

    def options(self) -> CompareOptions:
        return CompareOptions(
            min_words=self.min_words.value(),
            ignore_case=self.ignore_case.isChecked(),
            ignore_punctuation=self.ignore_punctuation.isChecked(),
        )

    def set_options(self, options: CompareOptions) -> None:
        """Show ``options`` without emitting a change."""
        for widget in (self.min_words, self.ignore_case, self.ignore_punctuation):
            widget.blockSignals(True)
        self.min_words.setValue(options.min_words)
        self.ignore_case.setChecked(options.ignore_case)
        self.ignore_punctuation.setChecked(options.ignore_punctuation)
        for widget in (self.min_words, self.ignore_case, self.ignore_punctuation):
            widget.blockSignals(False)
