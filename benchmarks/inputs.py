"""Input formats: load time for a 200 KB article per format, and the web page extraction's
quality on BBC articles wrapped in realistic page furniture. Prints figures; run by hand:

    .venv/bin/python benchmarks/inputs.py [N_PAGES]
"""

from __future__ import annotations

import html
import io
import random
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core.makefiles import make_pdf
from viewer.core.documents import load_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
NAV = ["Home", "News", "Sport", "Business", "Weather", "iPlayer", "Sounds", "Bitesize"]


def furniture(rng: random.Random, titles: list[str]) -> tuple[str, str, list[str]]:
    """Page furniture before and after the article, and its words."""
    related = rng.sample(titles, 6)
    cookie = (
        "We use cookies to give you the best online experience. Please let us know if you "
        "agree to all of these cookies. Manage cookie settings"
    )
    share = "Share this page Facebook Twitter Email Print"
    footer = "Copyright 2005 BBC. The BBC is not responsible for the content of external sites."
    top = (
        f'<div class="cookie-banner" id="cookie-consent"><p>{cookie}</p><button>Yes, I agree'
        "</button></div><header><nav><ul>"
        + "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
        + '</ul></nav></header><div class="ad">Advertisement</div>'
    )
    bottom = (
        f'<div class="share">{share}</div><aside class="related"><h2>Related stories</h2><ul>'
        + "".join(f'<li><a href="/r{i}">{html.escape(t)}</a></li>' for i, t in enumerate(related))
        + f"</ul></aside><footer><p>{footer}</p></footer><script>var s = 'tracking';</script>"
    )
    words = " ".join([cookie, "Yes, I agree", *NAV, "Advertisement", share, footer, *related])
    return top, bottom, words.split()


def page_of(title: str, paragraphs: list[str], top: str, bottom: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)} - BBC"
        f"</title></head><body>{top}<main><article><h1>{html.escape(title)}</h1>{body}"
        f"</article></main>{bottom}</body></html>"
    )


def quality(count: int) -> None:
    files = sorted(CORPUS.glob("*/*.txt"))
    rng = random.Random(10)
    chosen = rng.sample(files, min(count, len(files)))
    texts = [f.read_bytes().decode("utf-8", "replace") for f in chosen]
    titles = [t.split("\n", 1)[0].strip() for t in texts]
    kept, dropped, times = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for index, text in enumerate(texts):
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            title, paragraphs = lines[0], lines[1:]
            top, bottom, junk = furniture(rng, titles[:index] + titles[index + 1 :])
            path = Path(folder) / f"{index}.html"
            path.write_text(page_of(title, paragraphs, top, bottom), encoding="utf-8")
            started = time.perf_counter()
            document = load_document(path)
            times.append(time.perf_counter() - started)
            got = document.text.split()
            bag: dict[str, int] = {}
            for word in got:
                bag[word] = bag.get(word, 0) + 1
            article_words = " ".join([title, *paragraphs]).split()  # the h1 is the article's
            hits = 0
            for word in article_words:
                if bag.get(word, 0) > 0:
                    bag[word] -= 1
                    hits += 1
            kept.append(hits / len(article_words))
            left = sum(bag.values())  # words in the output that the article does not have
            dropped.append(1 - min(left, len(junk)) / len(junk))
    print(f"extraction on {len(texts)} BBC articles in page furniture (trafilatura):")
    print(f"  article words kept:     median {statistics.median(kept):.1%}, min {min(kept):.1%}")
    print(
        f"  boilerplate dropped:    median {statistics.median(dropped):.1%}, min {min(dropped):.1%}"
    )
    print(f"  load time per page:     median {statistics.median(times) * 1000:.0f} ms")


def load_times() -> None:
    files = sorted(CORPUS.glob("business/*.txt"))
    text = ""
    paragraphs: list[str] = []
    for f in files:
        for line in f.read_bytes().decode("utf-8", "replace").split("\n"):
            if line.strip():
                paragraphs.append(line.strip())
                text += line.strip() + "\n\n"
        if len(text) >= 200_000:
            break
    import docx

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "a.txt").write_text(text, encoding="utf-8")
        (base / "a.md").write_text("---\ntitle: Big\n---\n\n" + text, encoding="utf-8")
        (base / "a.html").write_text(page_of("Big", paragraphs, "", ""), encoding="utf-8")
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        out = io.BytesIO()
        document.save(out)
        (base / "a.docx").write_bytes(out.getvalue())
        lines = [line for p in paragraphs for line in [*textwrap.wrap(p, 80), ""]]
        pages = [lines[i : i + 50] for i in range(0, len(lines), 50)]
        (base / "a.pdf").write_bytes(make_pdf(pages))
        print(f"load time for a {len(text) / 1000:.0f} KB article (median of 3):")
        for name in ("a.txt", "a.md", "a.html", "a.docx", "a.pdf"):
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                loaded = load_document(base / name)
                runs.append(time.perf_counter() - started)
            print(
                f"  {name[2:]:5} {statistics.median(runs) * 1000:7.0f} ms"
                f"  {len(loaded.text.split()):,} words"
            )


if __name__ == "__main__":
    load_times()
    quality(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
