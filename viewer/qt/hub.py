"""What the review panels observe and what they ask for (Qt layer).

The window announces the comparison, the current passage and the theme's colours here; the
panels (passage list, who-shares-with-whom matrix) read them and ask for a passage, for two
articles side by side, or to give the keyboard back to the panes. Panels know only this
object, never the window. Imports Qt and ``viewer.core``; nothing from ``viewer.qt``
besides the palette.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from viewer.core.model import Comparison
from viewer.qt.palette import LIGHT, Colours

T = TypeVar("T")


class ReviewHub(QObject):
    """The latest comparison, current passage and colours, and the panels' requests."""

    comparisonChanged = Signal(object)  # Comparison | None
    currentPassageChanged = Signal(object)  # passage id | None
    coloursChanged = Signal(object)  # Colours
    passageRequested = Signal(int)  # make this passage current in every pane
    pairRequested = Signal(int, int)  # put these two articles (comparison indices) side by side
    panesRequested = Signal()  # the keyboard goes back to the panes

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.current_passage: int | None = None
        self.colours: Colours = LIGHT

    def set_comparison(self, comparison: Comparison | None) -> None:
        if comparison is not self.comparison:
            self.comparison = comparison
            self.comparisonChanged.emit(comparison)

    def set_current_passage(self, passage: int | None) -> None:
        if passage != self.current_passage:
            self.current_passage = passage
            self.currentPassageChanged.emit(passage)

    def set_colours(self, colours: Colours) -> None:
        if colours != self.colours:
            self.colours = colours
            self.coloursChanged.emit(colours)


class Announced(Generic[T]):
    """An attribute of the window whose every assignment is passed on to ``owner.hub``.

    ``comparison = Announced("set_comparison")`` in the class body: ``self.comparison = c``
    stores ``c`` and calls ``self.hub.set_comparison(c)``.
    """

    def __init__(self, announce: str) -> None:
        self.announce = announce
        self.private = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.private = f"_announced_{name}"

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        return getattr(obj, self.private)  # type: ignore[no-any-return]

    def __set__(self, obj: Any, value: T) -> None:
        setattr(obj, self.private, value)
        getattr(obj.hub, self.announce)(value)
