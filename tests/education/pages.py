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


class _FormReader(HTMLParser):
    """The values a browser would submit from the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.values: dict[str, list[str]] = {}
        self._in_form = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: dict | None = None

    def _add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = attrs.get("id") == self.form_id
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data


def form_values(content: bytes | str, form_id: str) -> dict[str, list[str]]:
    """What submitting the form unchanged would send, as {name: [values]} for client.post."""
    reader = _FormReader(form_id)
    reader.feed(content.decode() if isinstance(content, bytes) else content)
    # A textarea's content starts after one newline the browser drops.
    return {
        name: [value[1:] if value.startswith("\n") else value for value in values]
        for name, values in reader.values.items()
    }
