"""Sizes no real factsheet reaches: a word with no space in it, a paragraph with no blank line.

The engines are not linear in them: WeasyPrint takes seconds to break one word of
8,000 characters across lines (and the time grows with the square of its length), and
espeak-ng says a paragraph in one breath. So a source that holds one is refused
before anything reads it, with its line. The limits leave a wide margin: the longest
word in the project's own factsheets and test corpus is 187 characters (a link with its
web address), the longest paragraph, list or table 1,478.
"""

from __future__ import annotations

import re

from .errors import Location, SourceError

LONGEST_WORD = 1_000  # characters with no space between; a web address is rarely over 200
LONGEST_PARAGRAPH = 10_000  # characters of lines with no blank line between them
# Python's HTML parser, which Markdown runs over the whole text, scans on to the end of it
# from each "<" and a letter that no ">" closes: 33,000 of them ("<a <a …", 100 KB) took
# over 2 minutes. A factsheet has no raw HTML at all (the reader refuses it).
MOST_UNCLOSED_TAGS = 100
_UNCLOSED_TAG = re.compile(r"<[A-Za-z/!?](?![^<>]*>)")  # each scan stops at the next "<"
# From the start of a word only, and no further than the limit: linear in the text. The ">"
# that start a line of a quotation are not counted: too many of them is nesting, which the
# reader refuses in its own words.
_LONG_WORD = re.compile(rf"(?<!\S)>*[^\s>]\S{{{LONGEST_WORD}}}")


def refuse_oversized(body: str, shown: str, first_line: int) -> None:
    """Raises SourceError at the first word, paragraph or run of unclosed tags over its limit."""
    word = _LONG_WORD.search(body)
    if word:
        raise SourceError(Location(shown, first_line + body.count("\n", 0, word.start())),
                          f"a word of more than {LONGEST_WORD} characters with no space in it ('{word.group()[:30]}…'): "
                          "no reader could take it in, and the print and audio engines cannot lay it out in time; "
                          "put spaces in it, or link to a shorter web address")
    for count, tag in enumerate(_UNCLOSED_TAG.finditer(body), 1):
        if count > MOST_UNCLOSED_TAGS:
            raise SourceError(Location(shown, first_line + body.count("\n", 0, tag.start())),
                              f"more than {MOST_UNCLOSED_TAGS} times '<' before a letter, with no '>' after it: "
                              "the website, print and audio cannot read so many in time; write 'less than' in words")
    start, size = None, 0
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            start, size = None, 0
            continue
        start = number if start is None else start
        size += len(line.strip()) + 1  # indentation is nesting, refused in its own words
        if size > LONGEST_PARAGRAPH:
            raise SourceError(Location(shown, first_line + start),
                              f"a paragraph, list or table of more than {LONGEST_PARAGRAPH} characters with no blank line in it: "
                              "no reader could take it in, and the print and audio engines cannot lay it out in time; "
                              "split it into shorter paragraphs with blank lines between them")
