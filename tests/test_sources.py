import pytest

from factsheets.errors import SourceError
from factsheets.sources import MAX_SOURCE_BYTES, load_yaml, read_text, split_front_matter


@pytest.mark.parametrize("text, line", [("one\ntwo \x00\n", 2), ("\x1b[31m\n", 1), ("a\n\nb\x7f", 3), ("a\x85b", 1)])
def test_control_characters_are_refused_with_their_line(tmp_path, text, line):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read_text(path, "a.md", tmp_path)
    assert error.value.location.line == line


def test_tabs_and_every_kind_of_line_end_are_text_with_plain_line_feeds(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"a\tb\r\nc\rd\n")
    assert read_text(path, "a.md", tmp_path) == "a\tb\nc\nd\n"


def test_a_byte_order_mark_is_dropped_so_the_front_matter_is_found(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\ntitle: A\r\n---\r\nText.\r\n".encode())
    text = read_text(path, "a.md", tmp_path)
    assert split_front_matter(text, "a.md") == ({"title": "A"}, "Text.\n", 4)


def test_a_file_over_the_limit_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * (MAX_SOURCE_BYTES + 1))
    with pytest.raises(SourceError) as error:
        read_text(path, "big.md", tmp_path)
    assert "larger than 1 MB" in error.value.message


def test_a_device_or_a_file_outside_the_project_is_refused(tmp_path):
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(SourceError) as error:
        read_text(tmp_path / "zero", "zero", tmp_path)
    assert "outside the project" in error.value.message
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(SourceError) as error:
        read_text(tmp_path / "loop", "loop", tmp_path)
    assert "loop" in error.value.message


def test_yaml_aliases_are_refused_before_they_expand():
    bomb = "a: &a [x, x]\nb: [*a, *a]\n"
    with pytest.raises(SourceError) as error:
        load_yaml(bomb, "x.yml", first_line=5)
    assert error.value.location.line == 6 and "aliases" in error.value.message


def test_dates_stay_text_for_the_schema_to_check():
    assert load_yaml("date: 2021-02-30\n", "x.yml") == {"date": "2021-02-30"}


def test_front_matter_body_starts_after_the_closing_line():
    front, body, first = split_front_matter("---\ntitle: A\n---\nText.\n", "a.md")
    assert front == {"title": "A"} and body == "Text.\n" and first == 4


@pytest.mark.parametrize("front, line", [
    ("title: Help at home\nsummary", 3),  # the last line: libyaml counts one more after it
    ("title: Help at home\ntags: [a, b", 3),
])
def test_a_yaml_error_at_the_end_of_the_front_matter_names_its_last_line(front, line):
    with pytest.raises(SourceError) as error:
        split_front_matter(f"---\n{front}\n---\nBody.\n", "f.md")
    assert str(error.value).startswith(f"f.md:{line}:")


@pytest.mark.parametrize("text", ["summary: !!int\n", "a: !!bool x\n", "a: !!float ''\n"])
def test_a_value_a_tag_cannot_make_is_refused_with_its_line_not_a_traceback(text):
    with pytest.raises(SourceError) as error:
        load_yaml("title: x\n" + text, "f.yml")
    assert str(error.value).startswith("f.yml:")


@pytest.mark.parametrize("text, character", [("summary: @x\n", "@"), ("tïtlé: ééé\nsummary: `x", "`")])
def test_a_character_yaml_cannot_start_a_value_with_is_named(text, character):
    with pytest.raises(SourceError) as error:
        load_yaml(text, "f.yml")
    assert f"found character '{character}' that cannot start any token" in str(error.value)
