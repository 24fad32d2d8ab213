"""HTML to text: the fast reading of simple fragments is exactly html.parser's, or declines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.htmltext import _simple_text, _TextCollector, html_to_text


def _collected(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


_NAMES = st.sampled_from(["p", "P", "br", "a", "li", "td", "th", "div", "h2", "em", "img", "span", "ul",
                          "script", "style", "svg", "title", "textarea", "x-y", "p:q", "b"])
_SPACE = st.sampled_from([" ", "\t", "\n", "  ", "\xa0", "\v", "\f", "\r"])
_VALUE = st.sampled_from(['"x"', "'y'", "z", '"a>b"', "'<'", '""', "a/", "`q`", '"&amp;"', "u=v"])
_ATTRIBUTE = st.builds(lambda space, name, value: f"{space}{name}={value}" if value else f"{space}{name}",
                       _SPACE, st.sampled_from(["href", "class", "data-x", "alt", ":a", "/", "=x"]),
                       st.one_of(st.none(), _VALUE))
_START = st.builds(lambda name, attributes, space, slash: f"<{name}{''.join(attributes)}{space}{slash}>",
                   _NAMES, st.lists(_ATTRIBUTE, max_size=3), st.sampled_from(["", " ", "\xa0"]),
                   st.sampled_from(["", "/", " /"]))
_END = st.builds(lambda name, tail: f"</{name}{tail}>", _NAMES, st.sampled_from(["", " ", ' a="b"', "\xa0"]))
_TEXT = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["&amp;", "&lt;p&gt;", "&#10;", "&eacute", "&#x9b;", "&", " < ", ">", "\n", "&amp",
                     "<!-- c -->", "<![CDATA[x]]>", "<?pi?>", "<!x>", "</>", "<", "&#27;[2J", "è", "\x00"]))
_FRAGMENT = st.lists(st.one_of(_START, _END, _TEXT), max_size=14).map("".join)


@settings(max_examples=600)
@given(_FRAGMENT)
def test_the_fast_reading_is_html_parsers_or_declines(html: str) -> None:
    fast = _simple_text(html)
    if fast is not None:
        assert fast == _collected(html)


def test_common_feed_markup_takes_the_fast_reading() -> None:
    html = ('<p>Il <strong>Napoli</strong> vince: <a href="https://x.it/a?b=1&amp;c=2" target=_blank>'
            "la cronaca</a><br/>e le pagelle &egrave; tutto.</p>\n<ul><li>Uno</li><li>Due</li></ul>"
            '<img src="f.jpg" alt="">')
    assert _simple_text(html) == _collected(html)
    assert html_to_text(html) == ("Il Napoli vince: la cronaca\ne le pagelle è tutto.\n\n• Uno\n\n• Due")


def test_markup_html_parser_reads_its_own_way_is_left_to_it() -> None:
    for html in ("<p>a</p><script>x</p>y</script>", "<p>1 < 2</p>", "<!-- c --><p>a</p>",
                 '<a title="a>b">x</a>', "<p\xa0class=x>a</p>", "<custom-tag>a</custom-tag>"):
        assert _simple_text(html) is None
        assert html_to_text(html)  # still read, by html.parser
