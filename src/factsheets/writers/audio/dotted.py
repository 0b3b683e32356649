"""Runs of dotted single letters ("a.b.c.", "e.g. i.e.") that espeak-ng must never be given.

espeak-ng 1.51 reads "U.K." or "e.g." as an abbreviation, and a run of them with
no word or digit between ("a.a.a.…", "e.g. e.g. …", "a.a.; a.a.-a.a.") as one: from
about 85 letters on it overflows a buffer and the process aborts ("stack smashing
detected"), whatever the voice (measured with espeak-ng 1.51: 84 "a." are said, 85
abort; "a.a. " 42 times is said, 43 times aborts). A newline, a word, a digit, "(",
"/" or a quotation mark ends such a run; spaces and most punctuation do not. So a
run of more than LONGEST_RUN dotted letters, counted with anything but word characters
and newlines between them, is given to the engine as its letters with spaces ("a a a"),
which it spells one by one, as it would have. Real text has short runs only ("e.g.",
"U.S.A."), well under the limit.
"""

from __future__ import annotations

import re

LONGEST_RUN = 20  # dotted letters; espeak-ng aborts at about 85
# A letter standing alone before a dot: not the end of a longer word ("ba.").
DOTTED_LETTER = re.compile(r"(?<!\w)[^\W\d_]\.")
GAP = re.compile(r"[^\w\n]*")  # what may stand between two letters of one run


def spell_dotted_runs(text: str) -> str:
    """text with each long run of dotted letters as its letters with spaces."""
    runs: list[list[re.Match[str]]] = []
    for match in DOTTED_LETTER.finditer(text):
        if runs and GAP.fullmatch(text, runs[-1][-1].end(), match.start()):
            runs[-1].append(match)
        else:
            runs.append([match])
    out, position = [], 0
    for run in runs:
        if len(run) <= LONGEST_RUN:
            continue
        out.append(text[position:run[0].start()])
        out.append(" ".join(match.group()[0] for match in run) + ".")
        position = run[-1].end()
    out.append(text[position:])
    return "".join(out)
