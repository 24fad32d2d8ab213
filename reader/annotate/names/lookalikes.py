"""The rules that throw out look-alikes: words a gazetteer name matches that do not name that person or team here.

A surname alone needs evidence: not an everyday word starting a sentence, not after an article ("la Chiesa"),
not part of a longer name the gazetteer does not know ("di Sara Vitale"), not an Italian word by its final
accent ("Sarà"). A club that is also a city is the city after a place preposition ("a Roma", "di Napoli")
unless a fixture follows ("di Roma - Lazio"); a national team needs its article ("l'Italia", not "in Italia").
"""

from __future__ import annotations

from reader.annotate.gazetteer import Sense, fold_key
from reader.annotate.names.article import JOINABLE, Article, Mention
from reader.annotate.names.variants import same_final_vowel
from reader.annotate.names.words import ARTICLES, FUNCTION_WORDS, LEADING_ARTICLES

_SPACES = frozenset([" ", "\u00a0"])
_DASHES = frozenset("-–—")
_CITY_PREPS = frozenset("a ad in da di d per verso".split())
_TRAVEL = frozenset("per verso lasciare lascia lasciato lascerà raggiungere raggiunge raggiunto".split())


def plausible(art: Article, m: Mention, key: str, best: Sense) -> bool:
    """Enough evidence that a lone surname is this gazetteer person."""
    if key in art.gaz.not_players or best.tier < 2:
        return False
    if best.team in art.teams:
        return True
    if key in art.gaz.weak or len(key) <= 3 or (key in art.gaz.common and best.tier < 3):
        return False
    if _caps(art.text[m.start:m.end]):
        return best.tier >= 3
    if art.sentence_start(m.first) and not _stands_alone(art, m):
        return best.tier >= 3 and key not in art.gaz.common and not _lower_elsewhere(art, key)
    return True


def inside_other_name(art: Article, m: Mention, *, people: bool = True) -> bool:
    """Joined to a capitalised word that is part of the same name: "di Sara Vitale", "Marco Guida",
    "Spider-Man", "Croce Rossa Internazionale"."""
    if _caps(art.text[m.start:m.end]):
        return False
    after = m.last + 1 < len(art.starts) and _stranger(art, m.last + 1, art.gap(m.last), people)
    before = m.first > 0 and _stranger(art, m.first - 1, art.gap(m.first - 1), people) \
        and not art.sentence_start(m.first - 1)
    return after or before


def _stranger(art: Article, i: int, gap: str, people: bool) -> bool:
    """A capitalised neighbour of the same name: a word the gazetteer does not know; next to a surname, also
    another lone surname after a space ("Sara Vitale"), though not after a hyphen ("Gila-Leao": two names)."""
    if gap not in JOINABLE or gap in "'’" or not art.upper(i):
        return False
    return art.mentioned.get(i, True) if people and gap in _SPACES else i not in art.mentioned


def is_short(m: Mention) -> bool:
    """A lone surname or one-word name, which `inside_other_name` treats as another name's part after a space."""
    return not m.forced and all(s.role == "short" for s in m.senses)


def after_article(art: Article, m: Mention) -> bool:
    """"la Chiesa", "della Suzuki": Italian puts no article before a man's surname."""
    return m.first > 0 and art.words[m.first - 1] in ARTICLES and art.gap(m.first - 1).strip() in ("", "'", "’")


def accent_differs(text: str, people: list[Sense]) -> bool:
    """"Sarà", "Più": a final accented vowel the name does not have makes an Italian word; one the name has
    with the other accent ("Lucumì" for Lucumí, "Soulè" for Soulé) is the name."""
    return not any(same_final_vowel(text, s.canonical) for s in people)


def _stands_alone(art: Article, m: Mention) -> bool:
    """Followed by a digit, punctuation or the end ("Buongiorno 6,5", "Soulé:"), not by a word."""
    after = art.text[m.end:m.end + 3].strip()
    return not after or not after[0].isalpha()


def _lower_elsewhere(art: Article, key: str) -> bool:
    """The word is also written in lower case in the text: an everyday word here."""
    if art.lower_words is None:
        art.lower_words = {word for word, caps in zip(art.words, art.caps, strict=True) if not caps}
    return key in art.lower_words


def _caps(text: str) -> bool:
    return text.isupper() and sum(c.isalpha() for c in text) > 1


def team_sense(art: Article, m: Mention) -> Sense | None:
    """The club or national team a mention names, unless its words are a place here."""
    teams = [s for s in m.senses if s.kind == "team" and s.role == "full"]
    if not teams or m.forced:
        return None
    if _in_fixture(art, m):
        return teams[0]
    if inside_other_name(art, m, people=False):
        return None
    key = fold_key(art.text[m.start:m.end])
    before = art.words[m.first - 1] if m.first and art.gap(m.first - 1).strip() in ("", "'", "’") else ""
    if key in art.gaz.countries:  # "l'Italia" plays; "in Italia", "partiti per il Belgio" is a trip
        return teams[0] if before in LEADING_ARTICLES and not _travel(art, m.first - 1) else None
    return None if key in art.gaz.places and before in _CITY_PREPS else teams[0]


def _travel(art: Article, article: int) -> bool:
    """The article before a country follows a word of travel: "per la", "verso il", "lasciare l'"."""
    return article > 0 and art.words[article - 1] in _TRAVEL


def _in_fixture(art: Article, m: Mention) -> bool:
    """Next to a dash and another word: "di Roma - Lazio" is the derby, not the city."""
    after = art.text[m.end:m.end + 3].lstrip()[:1] in _DASHES and m.last + 1 < len(art.starts)
    return after or (art.text[max(0, m.start - 3):m.start].rstrip()[-1:] in _DASHES and m.first > 0)


def joined(art: Article, i: int) -> bool:
    """Part of a longer capitalised name: next to a capitalised word other than one just starting the
    sentence ("Con Marcus", but "San Matteo")."""
    after = i + 1 < len(art.starts) and art.gap(i) in JOINABLE and art.caps[i + 1]
    before = i > 0 and art.gap(i - 1) in JOINABLE and art.caps[i - 1] \
        and not (art.sentence_start(i - 1) and art.words[i - 1] in FUNCTION_WORDS)
    return after or before
