"""Parse an HTML report with the standard library and list what could be live in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class LiveParts:
    tags: list[str] = field(default_factory=list)
    event_attributes: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    anchors: list[dict[str, str | None]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    meta: list[dict[str, str | None]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = LiveParts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.tags.append(tag)
        attributes = dict(attrs)
        self.found.event_attributes += [name for name in attributes if name.startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            if attributes.get(name) is not None:
                self.found.hrefs.append(str(attributes[name]))
        if tag == "a":
            self.found.anchors.append(attributes)
        if tag == "meta":
            self.found.meta.append(attributes)

    def handle_data(self, data: str) -> None:
        self.found.text.append(data)


def live_parts(document: str) -> LiveParts:
    collector = _Collector()
    collector.feed(document)
    collector.close()
    return collector.found
