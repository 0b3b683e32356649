"""Times of day in English text -> the words a UK reader says ("9 a.m. to 5 p.m.").

espeak-ng (1.51, en-gb) reads "10.00am" as "ten point zero zero a m", "9:00-17:00" as
"nine zero zero to seventeen zero zero" and "9.30–12.30" as "nine point three zero to
twelve point three zero". A person reading a leaflet aloud says "10 a.m.", "9 a.m. to
5 p.m." and "9 30 to 12 30": a range on the 24-hour clock (an hour past 12, or 0) is said on
the 12-hour clock with a.m. and p.m., as UK speakers say opening hours; a range that could
be either is said as written, hour then minutes. A dotted range is a time only where its
minutes are whole fives and no reference word comes before it: "paragraphs 9.45 – 9.52"
and "sections 11.21-11.25" are paragraph numbers (amounts.py says them "to").
"""

from __future__ import annotations

import re

TIME = r"(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.?m\b\.?"
FIRST_TIME = r"(?<![\d.])(\d{1,2})(?:[.:](\d{2}))?(?:\s?([ap])\.?m\b\.?)?"
# "9am/5pm": a slash after a.m. or p.m. joins a range, as a dash does.
TIME_RANGE = re.compile(rf"(?:{FIRST_TIME}\s*(?:–|—|-|to|(?<=m)/|(?<=m\.)/)\s*)?{TIME}", re.IGNORECASE)
# "at 10.30": a time without a.m. or p.m., said "10 30" (espeak-ng would say "ten point three zero").
# Not the first time of a range ("from 9:00-17:00"): HOURS_RANGE says both.
CLOCK = re.compile(r"\b(at|from|until|till|by|before|after)\s(\d{1,2})[.:]([0-5]\d)\b(?![.:]\d|\s?[ap]\.?m\b|\s*(?:–|—|-|to)\s*\d{1,2}[.:]\d)")
# "9:00-17:00", "9.30–12.30": two times without a.m. or p.m. (hours_range checks the rest).
HOURS_RANGE = re.compile(r"(?<![\d.:])(\d{1,2})([.:])([0-5]\d)\s*(?:–|—|-|to)\s*(\d{1,2})[.:]([0-5]\d)(?![\d:]|\.\d|\s?[ap]\.?m\b)")
# Words before a dotted range of paragraph or section numbers, as staff write them.
REFERENCE_BEFORE = re.compile(r"\b(?:paras?|paragraphs?|sections?|ss?|pp?|pages?|ch|chapters?|reg|regulations?|rules?)\.?\s*$", re.IGNORECASE)


def hour_minutes(hour: str, minutes: str | None) -> str:
    """'9', '05' -> '9 oh 5'; '10', '00' -> '10'."""
    return hour if not minutes or minutes == "00" else f"{hour} {'oh ' + minutes[1] if minutes[0] == '0' else minutes}"


def clock(hour: str, minutes: str | None, half: str) -> str:
    if int(hour) == 12 and (not minutes or minutes == "00"):
        return "12 noon" if half.lower() == "p" else "midnight"
    return f"{hour_minutes(hour, minutes)} {half.lower()}.m."


def times(match: re.Match[str]) -> str:
    last = clock(match.group(4), match.group(5), match.group(6))
    if match.group(1):
        half = match.group(3)
        if not half:
            # "2-4pm": the first time is in the same half of the day; "9-5pm" and "11-1pm": the morning.
            same = int(match.group(1)) % 12 <= int(match.group(4)) % 12
            half = match.group(6) if same else "a"
        return f"{clock(match.group(1), match.group(2), half)} to {last}"
    return last


def is_hours_range(match: re.Match[str], before: str) -> bool:
    """Whether "9:00-17:00" or "9.30–12.30" (HOURS_RANGE's match) is two times of day; `before`:
    the text before it."""
    hours, minutes = (int(match.group(1)), int(match.group(4))), (int(match.group(3)), int(match.group(5)))
    if max(hours) > 23:
        return False
    if match.group(2) == ":":
        return True
    return all(m % 5 == 0 for m in minutes) and not REFERENCE_BEFORE.search(before)


def hours_range(match: re.Match[str]) -> str:
    """'9:00-17:00' -> '9 a.m. to 5 p.m.'; '9.30–12.30' -> '9 30 to 12 30'."""
    (first, first_minutes), (last, last_minutes) = (match.group(1), match.group(3)), (match.group(4), match.group(5))
    if not any(int(hour) > 12 or int(hour) == 0 for hour in (first, last)):
        return f"{hour_minutes(str(int(first)), first_minutes)} to {hour_minutes(str(int(last)), last_minutes)}"

    def twelve_hour(hour: str, minutes: str) -> str:
        return clock(str(int(hour) % 12 or 12), minutes, "a" if int(hour) < 12 else "p")

    return f"{twelve_hour(first, first_minutes)} to {twelve_hour(last, last_minutes)}"
