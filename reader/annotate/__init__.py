"""annotate(text): the quotes and who says them, the players, coaches and teams, the match and the kind.

Pure (no UI, no I/O) and cheap to import: the gazetteer loads on the first call, in `reader.annotate.names`.
Offsets are Python string indices into `text`, end exclusive. A quote over several paragraphs comes back as
one Quote per paragraph, each with the same speaker (see `quotes`).

The match and the kind are read from the title and the lead. Without a `title`, the first paragraph is taken
as the title when it is one short line (at most 200 characters) and other paragraphs follow it: the way
`sportreader annotate` receives an article. Quotes and names are found in the whole text either way.

May import: the standard library, reader.models and reader.settings (the `[names]` specs). Never Textual,
reader.feeds, reader.store, reader.article, reader.cli or reader.ui.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from reader.annotate.match import article_kind, find_match
from reader.annotate.model import ARTICLE_KINDS, ENTITY_KINDS, Annotation, ArticleKind, Entity, Match, Quote
from reader.annotate.quotes import find_quotes, paragraphs

if TYPE_CHECKING:
    from reader.settings.config import NameSpec

__all__ = ["ARTICLE_KINDS", "ENTITY_KINDS", "Annotation", "ArticleKind", "Entity", "Match", "Quote", "annotate",
           "headline"]

TITLE_MAX_CHARS = 200
LEAD_MAX_CHARS = 400


def annotate(text: str, *, title: str | None = None, extra_names: Mapping[str, NameSpec] | None = None) -> Annotation:
    """Everything found in `text`; `extra_names` adds the user's [names] to the gazetteer."""
    from reader.annotate.names.entities import find_entities
    from reader.annotate.names.teams import canonical_team
    from reader.annotate.speakers import assign_speakers

    entities = tuple(find_entities(text, extra_names=extra_names))
    quotes = tuple(assign_speakers(text, find_quotes(text), entities))
    head, lead = title_and_lead(text, title)
    match = find_match((head, lead), canonical_team)
    body = len(text.strip()) or 1
    share = sum(q.end - q.start for q in quotes) / body
    return Annotation(quotes, entities, match, article_kind(head, lead, match, share))


def headline(title: str, lead: str) -> tuple[Match | None, ArticleKind]:
    """The match and kind of an article from its title and lead only: cheap enough for every preview."""
    from reader.annotate.names.teams import canonical_team

    lead = lead[:LEAD_MAX_CHARS]
    match = find_match((title, lead), canonical_team)
    share = sum(q.end - q.start for q in find_quotes(lead)) / (len(lead.strip()) or 1)
    return match, article_kind(title, lead, match, share)


def title_and_lead(text: str, title: str | None = None) -> tuple[str, str]:
    """The title (given, or a short first paragraph) and the lead: the first paragraph of the body."""
    parts = [text[s:e].strip() for s, e in paragraphs(text)]
    parts = [p for p in parts if p]
    if title is None and len(parts) > 1 and len(parts[0]) <= TITLE_MAX_CHARS and "\n" not in parts[0]:
        title, parts = parts[0], parts[1:]
    return title or "", (parts[0] if parts else "")[:LEAD_MAX_CHARS]
