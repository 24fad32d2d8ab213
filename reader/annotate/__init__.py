"""annotate(text): the quotes and who says them, the players, coaches and teams, the match, the kind, the marks.

Pure (no UI, no I/O) and cheap to import: the gazetteer loads on the first call, in `reader.annotate.names`.
Offsets are Python string indices into `text`, end exclusive. A quote over several paragraphs comes back as
one Quote per paragraph, each with the same speaker (see `quotes`); a quote inside a quote (a newspaper's
passage quoting a coach) comes back inside it. Only the first MAX_CHARS characters are annotated, and at
most `quotes.MAX_QUOTES` quotes: what lies beyond gets nothing, so that one article's cost stays bounded
whatever a feed sends (every pass is linear in the text, each quote costs a few bisects).

The match is read from the title and the lead, the kind from the whole article. Without a `title`, the first
paragraph is taken as the title when it is one short line (at most 200 characters) and other paragraphs
follow it: the way `sportreader annotate` receives an article. Quotes and names are found in the whole text.

`known` are the people learned from the other articles of the cache (`reader.annotate.people`): found
wherever they are named. Each Annotation says in `learned` whom it found that no list knew.

May import: the standard library, reader.models and reader.settings (the `[names]` specs). Never Textual,
reader.feeds, reader.store, reader.article, reader.cli or reader.ui.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from reader.annotate.kinds import article_kind
from reader.annotate.match import find_match
from reader.annotate.model import (
    ARTICLE_KINDS,
    ENTITY_KINDS,
    Annotation,
    ArticleKind,
    Entity,
    KnownPerson,
    Mark,
    Match,
    Quote,
)
from reader.annotate.quotes import find_quotes, paragraphs

if TYPE_CHECKING:
    from reader.settings.config import NameSpec

__all__ = ["ARTICLE_KINDS", "ENTITY_KINDS", "MAX_CHARS", "Annotation", "ArticleKind", "Entity", "KnownPerson",
           "Mark", "Match", "Quote", "annotate", "headline"]

MAX_CHARS = 50_000  # ten long articles; a 10 MB feed summary costs what its first 50 kB do (under a second)
TITLE_MAX_CHARS = 200
LEAD_MAX_CHARS = 400


def annotate(text: str, *, title: str | None = None, extra_names: Mapping[str, NameSpec] | None = None,
             known: Sequence[KnownPerson] = ()) -> Annotation:
    """Everything found in `text` (its first MAX_CHARS characters); `extra_names` adds the user's [names]
    to the gazetteer, `known` the people learned from the cache."""
    from reader.annotate.marks import find_marks
    from reader.annotate.names.entities import find_people
    from reader.annotate.names.teams import canonical_team
    from reader.annotate.people import learned_from
    from reader.annotate.speakers import assign_speakers

    text = text[:MAX_CHARS]
    people = find_people(text, extra_names=extra_names, known=known)
    quotes = tuple(assign_speakers(text, find_quotes(text), people.entities, people.others))
    head, lead = title_and_lead(text, title)
    match = find_match((head, lead), canonical_team)
    marks = tuple(find_marks(text, people.entities))
    kind = article_kind(head, lead, text, quotes=quotes, match=match, marks=len(marks))
    learned = learned_from(people, quotes, known)
    return Annotation(quotes, tuple(people.entities), match, kind, marks=marks, learned=learned)


def headline(title: str, lead: str) -> tuple[Match | None, ArticleKind]:
    """The match and kind of an article from its title and lead only: cheap enough for every preview."""
    from reader.annotate.names.teams import canonical_team

    lead = lead[:LEAD_MAX_CHARS]
    match = find_match((title, lead), canonical_team)
    return match, article_kind(title, lead, lead, quotes=find_quotes(lead), match=match, body=False)


def title_and_lead(text: str, title: str | None = None) -> tuple[str, str]:
    """The title (given, or a short first paragraph) and the lead: the first paragraph of the body."""
    parts = [text[s:e].strip() for s, e in paragraphs(text)]
    parts = [p for p in parts if p]
    if title is None and len(parts) > 1 and len(parts[0]) <= TITLE_MAX_CHARS and "\n" not in parts[0]:
        title, parts = parts[0], parts[1:]
    return title or "", (parts[0] if parts else "")[:LEAD_MAX_CHARS]
