"""Themes: legible (WCAG 4.5:1), distinct for colour-blind readers, live with the desktop.

Colour-blindness: Machado et al. (2009) at severity 1.0 for deuteranopia and protanopia;
every pair of different highlight kinds must stay at least CIE76 ΔE 20 apart in normal
vision and in both simulations (2.3 is a just-noticeable difference).
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from viewer.core.documents import document_from_text
from viewer.qt import palette
from viewer.qt.mainwindow import MainWindow
from viewer.qt.palette import DARK, LIGHT, Colours
from viewer.qt.scrollbar import SlimScrollBar
from viewer.qt.settings import Settings

from .colourmath import contrast, seen_distance
from .conftest import open_and_wait, seed_paths
from .test_window import WIRE

AA = 4.5
MIN_DELTA_E = 20.0
VISIONS = ("normal", "deuteranopia", "protanopia")
Role = QPalette.ColorRole


def app_colour(role: QPalette.ColorRole) -> str:
    return QApplication.palette().color(role).name()


def text_pairs(colours: Colours) -> dict[str, tuple[str, str]]:
    """(text colour, background) for everything the window writes on a colour."""
    text = app_colour(Role.Text)
    pairs = {
        f"text on shared level {i}": (colours.shared_text, c) for i, c in enumerate(colours.shared)
    }
    pairs |= {
        "text on base": (text, app_colour(Role.Base)),
        "changed": (colours.changed_text, colours.changed),
        "find": (colours.find_text, colours.find),
        "current find": (colours.find_text, colours.current_find),
        "outline on base": (colours.outline, app_colour(Role.Base)),
        "header title": (app_colour(Role.WindowText), app_colour(Role.Window)),
        "header details": (app_colour(Role.PlaceholderText), app_colour(Role.Window)),
        "selection": (app_colour(Role.HighlightedText), app_colour(Role.Highlight)),
        "link": (app_colour(Role.Link), app_colour(Role.Base)),
        "tooltip": (app_colour(Role.ToolTipText), app_colour(Role.ToolTipBase)),
    }
    return pairs


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_and_highlight_pair_meets_wcag_aa(window: MainWindow, theme: str) -> None:
    window.set_theme(theme)
    assert window.colours.dark == (theme == "dark")
    low = {
        name: round(contrast(fg, bg), 2)
        for name, (fg, bg) in text_pairs(window.colours).items()
        if contrast(fg, bg) < AA
    }
    assert low == {}


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_highlight_kinds_stay_distinct_for_colour_blind_readers(colours: Colours) -> None:
    kinds = {f"shared {i}": c for i, c in enumerate(colours.shared)} | {
        "changed": colours.changed,
        "find": colours.find,
        "current find": colours.current_find,
        "current passage": colours.outline,
    }
    close = {}
    for (a, ca), (b, cb) in itertools.combinations(kinds.items(), 2):
        if a.startswith("shared") and b.startswith("shared"):
            continue  # levels of one kind: checked below
        for vision in VISIONS:
            distance = seen_distance(ca, cb, vision)
            if distance < MIN_DELTA_E:
                close[(a, b, vision)] = round(distance, 1)
    assert close == {}
    for a, b in itertools.pairwise(colours.shared):
        assert seen_distance(a, b, "normal") >= 8.0  # the legend's levels can be told apart


def most_contrasting_pixel(label: QLabel) -> tuple[str, str]:
    """(the label's background, its most contrasting pixel: the text's colour)."""
    image = label.grab().toImage()
    pixels = [
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    ]
    background = Counter(pixels).most_common(1)[0][0]
    ink = max(set(pixels), key=lambda c: contrast(c, background))
    return background, ink


def test_header_details_stay_readable_when_the_theme_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    meta = window.row.panes[0].meta
    for theme in ("light", "dark", "light", "dark"):
        window.set_theme(theme)
        qtbot.wait(10)
        background, ink = most_contrasting_pixel(meta)
        assert (QColor(background).lightness() < 128) == (theme == "dark")
        assert contrast(ink, background) >= AA, (theme, ink, background)


def test_system_theme_follows_the_desktop_live(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.set_theme("system")
    hints = QGuiApplication.styleHints()
    pane = window.row.panes[0]
    for scheme, dark in ((Qt.ColorScheme.Dark, True), (Qt.ColorScheme.Light, False)) * 2:
        hints.colorSchemeChanged.emit(scheme)
        qtbot.wait(10)
        window_colour = QApplication.palette().color(Role.Window)
        base = pane.view.palette().color(Role.Base)
        assert window.colours.dark is dark
        assert (window_colour.lightness() < 128) is dark
        assert (base.lightness() < 128) is dark
        colours = window.colours
        text = pane.view.palette().color(Role.Text).name()
        assert min(contrast(text, c) for c in colours.shared) >= AA
        shown = {c for _s, _e, c in pane.view.highlighted_ranges()}
        assert shown <= {*colours.shared, colours.changed}
        assert shown
    window.set_theme("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not window.colours.dark  # an explicit choice ignores the desktop
    assert QApplication.palette().color(Role.Window).lightness() >= 128


class DarkDesktop:
    """Stands in for QGuiApplication in the palette module: the desktop announces Dark."""

    class Hints:
        @staticmethod
        def colorScheme() -> Qt.ColorScheme:
            return Qt.ColorScheme.Dark

    @staticmethod
    def styleHints() -> DarkDesktop.Hints:
        return DarkDesktop.Hints()

    @staticmethod
    def palette() -> QPalette:
        return QGuiApplication.palette()


@pytest.mark.parametrize("hint", ["dark scheme", "no scheme, dark palette"])
def test_system_theme_on_a_dark_desktop_is_dark_throughout(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch, hint: str
) -> None:
    """The window palette and the highlights agree: not Fusion's light window with the
    dark highlights (black on #17324d, 1.6:1)."""
    if hint == "dark scheme":
        monkeypatch.setattr(palette, "QGuiApplication", DarkDesktop)
    else:
        if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
            pytest.skip("this platform announces a colour scheme")
        monkeypatch.setattr(palette, "_system_window_lightness", 40, raising=False)
    window = MainWindow(settings, theme="system")
    qtbot.addWidget(window)
    try:
        assert window.colours.dark
        assert QApplication.palette().color(Role.Window).lightness() < 128
        text = app_colour(Role.Text)
        assert min(contrast(text, c) for c in window.colours.shared) >= AA
    finally:
        monkeypatch.undo()
        window.set_theme("light")
        window.close()


def find_marks(window: MainWindow) -> list[tuple[int, int, str, str]]:
    """Every Find mark as shown: (pane, Qt start, background, text colour)."""
    marks = []
    for index, pane in enumerate(window.row.panes):
        for selection in pane.view.extraSelections():
            fmt = selection.format  # type: ignore[attr-defined]
            marks.append(
                (
                    index,
                    selection.cursor.selectionStart(),  # type: ignore[attr-defined]
                    fmt.background().color().name(),
                    fmt.foreground().color().name(),
                )
            )
    return marks


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_current_find_match_has_its_own_colour(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.set_theme(theme)
    window.actions_by_name["find"].trigger()
    window.find_bar.field.setText("Milley")
    seen_current = []
    for _step in range(5):
        window.actions_by_name["find_next"].trigger()
        marks = find_marks(window)
        assert len(marks) == 4
        backgrounds = Counter(bg for _p, _s, bg, _fg in marks)
        assert len(backgrounds) == 2
        (current, ones), (other, threes) = sorted(backgrounds.items(), key=lambda kv: kv[1])
        assert (ones, threes) == (1, 3)
        assert min(seen_distance(current, other, v) for v in VISIONS) >= MIN_DELTA_E
        for _p, _s, bg, fg in marks:
            assert contrast(fg, bg) >= AA
        seen_current.append(next((p, s) for p, s, bg, _fg in marks if bg == current))
    assert len(set(seen_current[:4])) == 4  # each match is current once per cycle
    assert seen_current[4] == seen_current[0]


def legend_entries(window: MainWindow) -> list[tuple[str, str]]:
    """(swatch colour as painted, label) for each entry of the legend, left to right."""
    layout = window.options_bar.legend.layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    labels = [w for w in widgets if isinstance(w, QLabel)]
    entries = []
    for swatch, label in itertools.pairwise(labels):
        if swatch.text() == "" and label.text():
            image = swatch.grab().toImage()
            middle = image.pixelColor(image.width() // 2, image.height() // 2)
            entries.append((middle.name(), label.text()))
    return entries


def test_legend_has_one_entry_per_colour_with_eight_panes(window: MainWindow) -> None:
    documents = [
        document_from_text(f"Article {i}\n\nOwn words {i}.\n\n{WIRE}", f"a{i}.txt")
        for i in range(8)
    ]
    window.set_documents(documents)
    window.comparer.cancel()
    others = len(window.documents) - 1
    assert others == 7
    shared = [
        (colour, label) for colour, label in legend_entries(window) if label.startswith("in ")
    ]
    colours = [colour for colour, _ in shared]
    assert len(set(colours)) == len(colours)  # no two entries look alike
    covered = []
    for colour, label in shared:
        numbers = label.removeprefix("in ").split(" ")[0]
        if numbers == "all":
            counts = [others]
        else:
            first, _, last = numbers.partition("–")
            counts = list(range(int(first), int(last or first) + 1))
        for count in counts:
            assert window.colours.shared_for(count, others).name() == colour
        covered += counts
    assert covered == list(range(1, others + 1))
    used = {window.colours.shared_for(n, others).name() for n in range(1, others + 1)}
    assert len(shared) == len(used)


def test_link_and_quote_colours_follow_the_theme(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "styled.md"
    path.write_text(
        f"# Styled\n\nSee [the source](https://example.com).\n\n> A quoted line.\n\n{WIRE}\n",
        encoding="utf-8",
    )
    open_and_wait(qtbot, window, [str(path), seed_paths("004")[0]])
    pane = window.row.panes[0]
    for theme in ("dark", "light", "dark"):
        window.set_theme(theme)
        for needle, role in (("the source", Role.Link), ("quoted", Role.PlaceholderText)):
            offset = pane.document.text.index(needle) + 1
            cursor = QTextCursor(pane.view.document())
            cursor.setPosition(pane.view.qt_range(offset, offset)[0])
            shown = cursor.charFormat().foreground().color().name()
            assert shown == app_colour(role), (theme, needle)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_links_and_quotes_inside_shared_text_stay_legible(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, theme: str
) -> None:
    quoted = WIRE.replace("telephone call", "[telephone call](https://example.com)")
    a = tmp_path / "a.md"
    a.write_text(f"# A\n\n{quoted}\n\n> {WIRE}\n", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text(f"# B\n\n{WIRE}\n\nOther words here.\n\n{WIRE}\n", encoding="utf-8")
    window.set_theme(theme)
    open_and_wait(qtbot, window, [str(a), str(b)])
    pane = window.row.panes[0]
    text = pane.document.text
    checked = 0
    for offset in (text.index("telephone call") + 1, text.rindex("telephone call") + 1):
        fmt = pane.view.shown_format(offset)  # the text's format with the highlight drawn over
        background = fmt.background().color().name()
        assert background in window.colours.shared  # the sentence is shared
        foreground = fmt.foreground().color().name()
        assert contrast(foreground, background) >= AA, (foreground, background)
        checked += 1
    assert checked == 2


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_scroll_handles_stand_out_from_their_grooves(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    """A non-text control a user must find: 3:1 against what is around it (WCAG 1.4.11).
    The overview strip's handle is each pane's vertical scroll bar; a wide line still gets
    a horizontal scroll bar."""
    window.set_theme(theme)
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    pane = window.row.panes[0]
    edge, strip = pane.overview.frame_colour().name(), pane.overview._background.name()
    assert contrast(edge, strip) >= 3.0, (theme, edge, strip)
    bar = pane.view.horizontalScrollBar()
    assert isinstance(bar, SlimScrollBar)
    groove = bar.groove_colour().name()
    for hovered in (False, True):
        handle = bar.handle_colour(hovered=hovered).name()
        assert contrast(handle, groove) >= 3.0, (theme, hovered, handle, groove)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_band_edges_stand_out_from_the_link_map(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    """Band and far-band edges are lines a user must see: 3:1 against the link map's
    background (the dark theme's dashed tongue edges were about 1.2:1)."""
    window.set_theme(theme)
    open_and_wait(qtbot, window, seed_paths("000", "001", "004"))  # 000 and 004 apart
    comparison = window.comparison
    assert comparison is not None
    possible = len(comparison.documents) - 1
    checked = 0
    for linkmap in window.row.linkmaps:
        background = linkmap.palette().color(QPalette.ColorRole.Window)
        for passage in comparison.passages:
            carriers = len(passage.docs) - 1
            for extra, dashed in ((60, False), (40, True)):
                _fill, pen = linkmap._band_look(carriers, possible, extra, background, dashed)
                edge = pen.color().name()
                assert contrast(edge, background.name()) >= 3.0, (theme, dashed, edge)
                checked += 1
    assert checked
    assert any(m.far_bands() for m in window.row.linkmaps), "far bands show in this order"
