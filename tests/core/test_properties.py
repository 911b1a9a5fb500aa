"""Property tests: spans stay inside their text, order of inputs does not matter,
a moved paragraph stays shared, and no Unicode input makes the engine fail."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.compare import compare
from viewer.core.documents import Document, document_from_text
from viewer.core.model import CompareOptions, Comparison

WORDS = (
    "the troops border Kremlin said Ukraine 14,000 people killed talks NATO Russia’s “threat” "
    "ceasefire — café naïve שלום мир 😀 🇺🇦 e\u0301 call military readout, officials."
).split()

paragraph = st.lists(st.sampled_from(WORDS), min_size=3, max_size=40).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)
wild_text = st.text(min_size=0, max_size=300)
options = st.builds(
    CompareOptions,
    min_words=st.integers(2, 12),
    ignore_case=st.booleans(),
    ignore_punctuation=st.booleans(),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def docs_of(texts: list[str]) -> list[Document]:
    return [document_from_text(t, f"doc{i}.txt") for i, t in enumerate(texts)]


def canonical(result: Comparison) -> set[tuple[object, ...]]:
    """Passages as sets of (path, start, end, changes), independent of document order."""
    return {
        (
            p.similarity,
            frozenset((result.documents[s.doc].path, s.start, s.end, s.changes) for s in p.spans),
        )
        for p in result.passages
    }


@FAST
@given(st.lists(article, min_size=2, max_size=4), options)
def test_spans_and_changes_lie_inside_their_text(texts: list[str], opts: CompareOptions) -> None:
    result = compare(docs_of(texts), opts)
    for passage in result.passages:
        assert len(passage.docs) >= 2 and 0 < passage.similarity <= 1
        for span in passage.spans:
            text = result.documents[span.doc].text
            assert 0 <= span.start < span.end <= len(text)
            for start, end in span.changes:
                assert span.start <= start < end <= span.end
    for stats in result.document_stats:
        assert 0 <= stats.shared <= 1


@FAST
@given(st.lists(article, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_permuting_documents_permutes_the_result(texts: list[str], rnd: object) -> None:
    docs = docs_of(texts)
    shuffled = list(docs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = compare(docs), compare(shuffled)
    assert canonical(first) == canonical(second)
    by_path = {d.path: s for d, s in zip(second.documents, second.document_stats, strict=True)}
    for d, s in zip(first.documents, first.document_stats, strict=True):
        assert by_path[d.path] == s


@FAST
@given(st.lists(paragraph, min_size=3, max_size=6), st.data())
def test_moved_paragraph_stays_shared(paragraphs: list[str], data: st.DataObject) -> None:
    moved = "Officials confirmed that the convoy crossed the river before dawn on Tuesday morning"
    source = [*paragraphs[:1], moved, *paragraphs[1:]]
    target = list(paragraphs)
    target.insert(data.draw(st.integers(0, len(target))), moved)
    a, b = docs_of(["\n\n".join(source), "\n\n".join(target)])
    result = compare([a, b])
    for index, document in enumerate((a, b)):
        start = document.text.index(moved)
        spans = [s for p in result.passages for s in p.spans_in(index)]
        for position in range(start, start + len(moved)):
            assert any(s.start <= position < s.end for s in spans)


@FAST
@given(st.lists(wild_text, min_size=2, max_size=3), options)
def test_arbitrary_unicode_never_raises(texts: list[str], opts: CompareOptions) -> None:
    common = "".join(texts)
    compare(docs_of([*texts, common]), opts)
    for fmt in ("text", "markdown"):
        for text in texts:
            document = document_from_text(text, "x.md", fmt)
            for block in document.blocks:
                assert 0 <= block.start <= block.end <= len(document.text)
