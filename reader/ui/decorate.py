"""What the annotator adds to the app: a preview's match and kind, an article's annotation.

The annotator's gazetteer is loaded on a thread after the first paint (`warm`); until then
previews show without their match, and nothing on the start-up path imports it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from reader.settings.config import NameSpec
from reader.store import Preview

if TYPE_CHECKING:
    from reader.annotate.model import Annotation, KnownPerson

CACHE_LIMIT = 5000


class Decorations:
    """Annotations for the UI, computed lazily and cached per entry.

    `known` gives the people the cache taught the annotator (reader.store.people), read when warming up.
    """

    def __init__(self, names: Mapping[str, NameSpec],
                 known: Callable[[], Sequence[KnownPerson]] | None = None) -> None:
        self.extra_names = names
        self.ready = threading.Event()
        self._cache: dict[int, tuple[str | None, str | None]] = {}
        self._known_source = known
        self.known: Sequence[KnownPerson] = ()

    def warm(self, on_ready: Callable[[], None]) -> None:
        """Load the annotator on a thread; call on_ready (from that thread) when it is usable."""
        def load() -> None:
            try:
                from reader.annotate import annotate

                if self._known_source is not None:
                    with contextlib.suppress(Exception):  # a cache without its index still reads
                        self.known = tuple(self._known_source())
                annotate("Inter-Milan", title="Inter-Milan", extra_names=self.extra_names)
            except Exception:  # without the annotator the app still reads
                return
            self.ready.set()
            with contextlib.suppress(Exception):  # the app may have quit meanwhile
                on_ready()

        threading.Thread(target=load, name="sportreader-annotate-warm", daemon=True).start()

    def decorate(self, preview: Preview) -> tuple[str | None, str | None]:
        """(match label, kind) of a preview; (None, None) until the annotator is loaded."""
        if not self.ready.is_set():
            return None, None
        cached = self._cache.get(preview.id)
        if cached is None:
            cached = self._headline(preview)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[preview.id] = cached
        return cached

    def _headline(self, preview: Preview) -> tuple[str | None, str | None]:
        from reader.annotate import headline

        match, kind = headline(preview.title, preview.lead.split("\n\n", 1)[0])
        return (match.label() if match else None), kind

    def annotate(self, text: str, title: str) -> Annotation | None:
        """The annotation of an article's text (call from a thread), or None without the annotator."""
        try:
            from reader.annotate import annotate

            return annotate(text, title=title, extra_names=self.extra_names, known=self.known)
        except ImportError:
            return None

    def known_names(self) -> list[tuple[str, str]]:
        """(name, kind) of the teams and people a filter can pick: the user's `[names]`, then the annotator's
        (once it is loaded): its teams, coaches and players of recent squads."""
        picked = [(name, spec.kind) for name, spec in self.extra_names.items()]
        if self.ready.is_set():
            with contextlib.suppress(ImportError):
                picked += _gazetteer_names()
        return picked


@cache
def _gazetteer_names() -> list[tuple[str, str]]:
    """The gazetteer's well-known teams, its coaches and its players of recent squads, by full name."""
    from reader.annotate.gazetteer import gazetteer

    return sorted({(s.canonical, s.kind) for senses in gazetteer().senses.values() for s in senses
                   if s.role == "full" and ((s.kind == "team" and s.tier >= 3)
                                            or (s.kind in ("player", "coach") and s.tier >= 2))})
