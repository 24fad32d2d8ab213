"""Every action of the app, its default keys, where it works and what it does: one table for the bindings,
the help screen, the key bar, the command palette, the README's key table and the `[keys]` section of feeds.toml.

The keyboard model: the pane that has the focus owns the keys. The list (its cursor, opening, marks), the
reader (scrolling, quotes, find, the people panel) and the match centre (its matches and a match's
articles, moved through with the list's keys) each bind their own; `panes` says in which of them a key is
live, so `j` may move the list's cursor and scroll the article without a clash, while a key of the
article pressed in the list acts on the open article (or says that none is open). Pure data, no UI
imports, so config can validate `[keys]` without loading Textual; descriptions are English messages marked
for the catalogue (reader.text.messages) and translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.text.messages import N_, _

LIST_PANE = "list"
READER_PANE = "reader"
MATCHES_PANE = "matches"  # the match centre: its matches, and one match's articles
PANES = (LIST_PANE, READER_PANE, MATCHES_PANE)

# The help screen's groups, in the order shown.
LIST = N_("Lists")  # of articles, of matches, of a match's articles
READER = N_("Article")
SHARED = N_("Lists and article")
MATCHES = N_("Match centre")
GLOBAL = N_("Everywhere")
GROUPS = (LIST, READER, SHARED, MATCHES, GLOBAL)
_GROUP_PANES = {LIST: (LIST_PANE, MATCHES_PANE), READER: (READER_PANE,), SHARED: PANES,
                MATCHES: (MATCHES_PANE,), GLOBAL: PANES}


@dataclass(frozen=True, slots=True)
class Action:
    """One bindable action: its id (the name used in `[keys]`), default keys, help group and description.

    `label` is the key bar's short word (actions without one are in the help only); `reach` lists the
    panes the key works in when that is not its group's (a key of the article that works from the list).
    """

    id: str
    keys: str
    group: str
    description: str
    label: str = ""
    reach: tuple[str, ...] = ()

    @property
    def panes(self) -> tuple[str, ...]:
        """The panes in which this action's keys are live."""
        return self.reach or _GROUP_PANES[self.group]


ACTIONS: tuple[Action, ...] = (
    # The lists (of articles, of matches, of a match's articles): the cursor, opening, the marks of all shown.
    Action("open", "enter,l", LIST, N_("open the article (the reader takes the keys) or the match"), N_("open")),
    Action("cursor_down", "j,down", LIST, N_("next article or match in the list")),
    Action("cursor_up", "k,up", LIST, N_("previous article or match in the list")),
    Action("first", "g,home", LIST, N_("first of the list")),
    Action("last", "G,end", LIST, N_("last of the list")),
    Action("mark_all_read", "a", LIST, N_("mark every article shown as read (it can be undone)"), reach=PANES),
    # The reader: scrolling, quotes, find, people. Quotes, find and people work from the list too.
    Action("scroll_down", "j,down", READER, N_("scroll down a line")),
    Action("scroll_up", "k,up", READER, N_("scroll up a line")),
    Action("scroll_top", "g,home", READER, N_("top of the article")),
    Action("scroll_bottom", "G,end", READER, N_("end of the article")),
    Action("next_quote", "right_square_bracket", READER, N_("next quote, and who says it"), N_("quote"),
           reach=PANES),
    Action("previous_quote", "left_square_bracket", READER, N_("previous quote"), reach=PANES),
    Action("find", "ctrl+f", READER, N_("find in the article"), N_("find"), reach=PANES),
    Action("find_next", "greater_than_sign,f3", READER, N_("next occurrence of the find"), reach=PANES),
    Action("find_previous", "less_than_sign,shift+f3", READER, N_("previous occurrence of the find"),
           reach=PANES),
    Action("toggle_people", "i", READER, N_("panel of the article's people and quotes (its key or esc closes it)"),
           N_("people"), reach=PANES),
    # Both panes: in the list about the selected article, in the reader about the open one.
    Action("next_article", "n", SHARED, N_("open the next article (or match)"), N_("next")),
    Action("previous_article", "p", SHARED, N_("open the previous article (or match)"), N_("previous")),
    Action("next_unread", "N", SHARED, N_("open the next unread article (newsboat's n)"), N_("unread")),
    Action("page_down", "space,pagedown", SHARED, N_("a page down (the list or the article, the one in focus)")),
    Action("page_up", "b,pageup", SHARED, N_("a page up")),
    Action("toggle_read", "u", SHARED, N_("mark read / unread"), N_("read")),
    Action("star", "s", SHARED, N_("add / remove the star"), N_("star")),
    Action("undo", "z", SHARED, N_("undo the last change of read marks (of one article or of all shown)")),
    Action("open_browser", "o", SHARED, N_("open the link in the browser"), N_("browser")),
    Action("copy_link", "y", SHARED, N_("copy the link")),
    Action("match_of_article", "M", SHARED, N_("the match of the article, in the match centre")),
    # The match centre: a match's marks, on the selected match or the one whose articles are shown.
    Action("toggle_watched", "w", MATCHES, N_("watched / not watched: a watched match shows its score"),
           N_("watched")),
    Action("toggle_spoilers", "c", MATCHES, N_("no spoilers for this match: its score and ratings hidden until "
                                               "watched"), N_("spoilers")),
    # Everywhere.
    Action("back", "escape,h", GLOBAL, N_("back: close the panel, the article, the match, the search or the filter"),
           N_("back")),
    Action("switch_pane", "tab", GLOBAL, N_("the other pane: list or article (the feeds while none is open)")),
    Action("matches", "m", GLOBAL, N_("the match centre: the matches of the days around today (again: the list)"),
           N_("matches")),
    Action("search", "slash", GLOBAL, N_("search every saved article"), N_("search")),
    Action("refresh", "r", GLOBAL, N_("refresh every feed in the background"), N_("refresh")),
    Action("filter_tag", "t", GLOBAL, N_("filter by tag, feed, team or player"), N_("filter")),
    Action("unread_only", "U", GLOBAL, N_("only the unread ones")),
    Action("starred_only", "S", GLOBAL, N_("only the starred ones")),
    Action("my_team", "T", GLOBAL, N_("only my team's articles (again: my next team, then every article)")),
    Action("toggle_sidebar", "f", GLOBAL, N_("show / hide the feeds")),
    Action("feeds", "F", GLOBAL, N_("status of every feed")),
    Action("help", "question_mark", GLOBAL, N_("every key (this help)"), N_("help")),
    Action("quit", "q", GLOBAL, N_("quit"), N_("quit")),
)
ACTION_IDS = frozenset(a.id for a in ACTIONS)
FEED_SLOTS = 9  # keys 1-9 jump to the sidebar's feeds; not rebindable
FEED_SLOTS_HELP = N_("only feed number 1…9 of the feeds list")

# Characters a person may write in [keys], and the names Textual gives those keys.
KEY_NAMES = {"/": "slash", "?": "question_mark", "[": "left_square_bracket", "]": "right_square_bracket",
             ">": "greater_than_sign", "<": "less_than_sign", " ": "space", "esc": "escape"}
KEY_LABELS = {"down": "↓", "up": "↑", "left": "←", "right": "→", "escape": "esc", "slash": "/",
              "question_mark": "?", "space": N_("space"), "pagedown": "pgdn", "pageup": "pgup",
              "right_square_bracket": "]", "left_square_bracket": "[", "greater_than_sign": ">",
              "less_than_sign": "<", "enter": N_("enter")}


def action(action_id: str) -> Action:
    """The action with that id."""
    return next(a for a in ACTIONS if a.id == action_id)


def split_keys(keys: str) -> list[str]:
    """'j, down' -> ['j', 'down'], with the names Textual uses ('/' -> 'slash')."""
    return [KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip()]


def key_label(keys: str) -> str:
    """Keys as a person writes them: 'j,down' -> 'j ↓', 'space' -> 'spazio' (in the language in use)."""
    return " ".join(_(KEY_LABELS[k]) if k in KEY_LABELS else k for k in split_keys(keys))


def in_group(group: str, actions: Iterable[Action] = ACTIONS) -> list[Action]:
    """The actions the help lists under `group`, in the table's order."""
    return [a for a in actions if a.group == group]
