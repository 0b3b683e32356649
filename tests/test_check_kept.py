"""check/kept.py: a check's results kept by content, read only as plain files of a build made here."""

import os

from factsheets.build.own_files import mark
from factsheets.check.kept import FOLDER, KeptResults, carry_forward, digest, file_digest, findings_data, findings_from
from factsheets.validators import FAILURE, Finding


def test_a_result_put_is_got_back_under_its_key_and_no_other(tmp_path):
    kept = KeptResults(tmp_path)
    finding = Finding(FAILURE, "brf", "a line of 41 cells", "Run `factsheets build` again.", "docs/factsheets/x.md", 3)
    kept.put("k1", {"findings": findings_data([finding]), "checked": ["brf"]})
    again = KeptResults(tmp_path)
    assert findings_from(again.get("k1")["findings"]) == [finding] and again.get("k1")["checked"] == ["brf"]
    assert again.get("k2") is None
    assert [p.name for p in (tmp_path / FOLDER).iterdir()] == ["k1.json"]  # written whole, renamed into place


def test_a_key_changes_with_the_content_of_a_file_read(tmp_path):
    page = tmp_path / "x.brf"
    page.write_text("A" * 40)
    before = digest("factsheet", file_digest(page))
    page.write_text("A" * 41)
    assert digest("factsheet", file_digest(page)) != before
    assert file_digest(tmp_path / "missing") == "FileNotFoundError"


def test_a_result_that_is_a_link_is_not_read(tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"key": "k1", "findings": [], "checked": []}')
    (tmp_path / "build" / FOLDER).mkdir(parents=True)
    (tmp_path / "build" / FOLDER / "k1.json").symlink_to(elsewhere)
    assert KeptResults(tmp_path / "build").get("k1") is None


def test_a_results_folder_that_is_a_link_is_neither_read_nor_written(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "k1.json").write_text('{"key": "k1", "findings": [], "checked": []}')
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / FOLDER).symlink_to(elsewhere)
    kept = KeptResults(tmp_path / "build")
    assert kept.get("k1") is None
    kept.put("k2", {"findings": [], "checked": []})
    assert sorted(os.listdir(elsewhere)) == ["k1.json"]


def test_a_result_filed_under_another_key_is_not_read(tmp_path):
    (tmp_path / FOLDER).mkdir()
    (tmp_path / FOLDER / "k1.json").write_text('{"key": "k2", "findings": [], "checked": []}')
    assert KeptResults(tmp_path).get("k1") is None


def test_results_are_carried_into_a_new_build_only_from_one_made_here(tmp_path):
    old, copied, new = tmp_path / "old", tmp_path / "copied", tmp_path / "new"
    for folder in (old, copied, new):
        folder.mkdir()
        KeptResults(folder).put(f"{folder.name}-result", {"findings": [], "checked": []})
    mark(old)
    (copied / ".made-by-factsheets").write_text("0" * 64)  # a mark from another computer
    carry_forward(old, new)
    carry_forward(copied, new)
    assert sorted(p.name for p in (new / FOLDER).iterdir()) == ["new-result.json", "old-result.json"]


def test_only_the_results_a_full_check_used_are_kept(tmp_path):
    first = KeptResults(tmp_path)
    first.put("old", {"findings": [], "checked": []})
    first.put("current", {"findings": [], "checked": []})
    second = KeptResults(tmp_path)
    assert second.get("current") is not None
    second.forget_unused()
    assert [p.name for p in (tmp_path / FOLDER).iterdir()] == ["current.json"]
