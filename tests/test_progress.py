"""progress.py: what `check` says as each factsheet is done (the build's own lines: test_build.py)."""

import io

from factsheets.progress import CheckProgress


def test_check_says_a_plain_line_for_each_factsheet_in_a_pipe():
    stream = io.StringIO()
    with CheckProgress(stream=stream) as progress:
        progress.plan(2)
        progress.factsheet_checked("Annual reviews: 0 failures, 1 warning (checked in 4.2 s)")
        progress.factsheet_checked("[Contact us]: 1 failure, 0 warnings (unchanged since the last check)")
    assert stream.getvalue().splitlines() == ["Annual reviews: 0 failures, 1 warning (checked in 4.2 s)",
                                              "[Contact us]: 1 failure, 0 warnings (unchanged since the last check)"]


def test_check_says_nothing_as_it_goes_when_quiet():
    stream = io.StringIO()
    with CheckProgress(quiet=True, stream=stream) as progress:
        progress.plan(1)
        progress.factsheet_checked("Annual reviews: 0 failures, 0 warnings (checked in 4.2 s)")
    assert stream.getvalue() == ""


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_each_line_stays_above_a_bar_that_goes_when_done():
    stream = _Terminal()
    with CheckProgress(stream=stream) as progress:
        progress.plan(1)
        progress.factsheet_checked("Annual reviews: 0 failures, 0 warnings (checked in 4.2 s)")
    assert "Annual reviews: 0 failures, 0 warnings (checked in 4.2 s)" in stream.getvalue()
    assert "Checking" in stream.getvalue()  # the bar was drawn
