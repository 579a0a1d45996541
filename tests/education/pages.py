"""Reading rendered pages the way a patient (or a crawler) does: visible text and links."""

import html
import re
from html.parser import HTMLParser


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.main: list[str] = []
        self._skip = 0
        self._in_main = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        if tag == "main":
            self._in_main += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        if tag in ("p", "li", "h1", "h2", "h3", "div", "br", "section"):
            self.text.append("\n")
            if self._in_main:
                self.main.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip -= 1
        if tag == "main":
            self._in_main -= 1

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._in_main:
            self.main.append(data)


def _normalise(parts: list[str]) -> str:
    text = html.unescape("".join(parts)).replace("’", "'")
    return "\n".join(
        re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines() if line.strip()
    )


def read_page(content: bytes | str) -> dict:
    """{"text": all visible text, "main": the text of <main>, "links": every href}."""
    reader = _PageReader()
    reader.feed(content.decode() if isinstance(content, bytes) else content)
    return {"text": _normalise(reader.text), "main": _normalise(reader.main), "links": reader.links}
