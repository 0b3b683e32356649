"""Source errors: one `path:line: message` line each, all of a run together."""

import pickle

import pytest

from factsheets.errors import MAX_ERRORS, ErrorList, Location, SourceError, SourceErrors, SourceErrorWithText


def test_several_errors_are_one_line_each_in_the_order_found():
    errors = ErrorList()
    with errors.collecting():
        raise SourceError(Location("a.md", 3), "first")
    errors.add(SourceError(Location("b.md", 7), "second"))
    with pytest.raises(SourceErrors) as raised:
        errors.raise_if_any()
    assert raised.value.lines() == ["a.md:3: first", "b.md:7: second"]
    assert str(raised.value) == "a.md:3: first\nb.md:7: second"
    # Raised in a build's worker process, they cross back whole.
    assert pickle.loads(pickle.dumps(raised.value)).lines() == raised.value.lines()


def test_one_error_is_raised_as_itself():
    errors = ErrorList()
    errors.add(SourceError(Location("a.md", 3), "only"))
    with pytest.raises(SourceError) as raised:
        errors.raise_if_any()
    assert type(raised.value) is SourceError and raised.value.lines() == ["a.md:3: only"]
    ErrorList().raise_if_any()  # nothing found: nothing raised


def test_more_errors_than_the_cap_say_how_many_more_there_are():
    errors = ErrorList()
    for line in range(1, MAX_ERRORS + 6):
        errors.add(SourceError(Location("a.md", line), "bad"))
    with pytest.raises(SourceErrors) as raised:
        errors.raise_if_any()
    lines = raised.value.lines()
    assert len(lines) == MAX_ERRORS + 1 and lines[-2] == f"a.md:{MAX_ERRORS}: bad"
    assert lines[-1] == "... and 5 more problems: fix these, then build again to see the rest"


def test_lines_to_paste_back_are_printed_indented_under_their_error_and_cross_processes_whole():
    error = SourceErrorWithText(Location("a.md", 1), "no front matter: paste these lines", ["---", "version: 1", "---"])
    assert error.lines() == ["a.md:1: no front matter: paste these lines", "    ---", "    version: 1", "    ---"]
    again = pickle.loads(pickle.dumps(error))  # raised in a worker, printed by the command
    assert again.lines() == error.lines()
    errors = ErrorList()
    errors.add(error)
    errors.add(SourceError(Location("b.md", 2), "other"))
    with pytest.raises(SourceErrors) as raised:
        errors.raise_if_any()
    assert raised.value.lines()[1:3] == ["    ---", "    version: 1"] and raised.value.lines()[-1] == "b.md:2: other"


def test_output_piped_to_a_program_that_stops_reading_is_said_so_not_blamed_on_a_file():
    import errno

    from factsheets.build.result import os_error_message

    said = os_error_message(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert "stopped reading" in said and "| head" in said and "check this file" not in said
