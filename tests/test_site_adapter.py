"""The MkDocs adapter: a site prepared ahead (templates compiled while the workers run)
is the same site, and its build compiles only what could not be found ahead."""

from __future__ import annotations

from pathlib import Path

import jinja2

from factsheets.project import load_project
from factsheets.site_adapter import build_site, kept_templates, list_theme_once, prepare_site
import pytest

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_prepared_site_is_the_same_site_and_its_templates_are_not_compiled_again(built_project, manifest, tmp_path, monkeypatch):
    project = load_project(built_project)
    files_dir = built_project / "build" / "site" / "files"
    build_site(project, manifest, files_dir, tmp_path / "plain")

    prepared = prepare_site(project, tmp_path / "prepared")
    compiled_late = []
    compile_ = jinja2.Environment.compile

    def compile_and_note(env, source, name=None, filename=None, *args, **kwargs):
        compiled_late.append(name)
        return compile_(env, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    build_site(project, manifest, files_dir, tmp_path / "prepared", prepared)

    assert site_files(tmp_path / "prepared") == site_files(tmp_path / "plain")
    assert len(prepared.templates.store) > 20  # Material's page templates and their partials
    # Left to compile: what is named at render time (an icon, a language's strings), and the
    # language partial that Material's search plugin loads in an environment of its own.
    late = set(compiled_late)
    assert any(name.startswith(".icons/") for name in late)  # English's strings are named ahead now: the fallback
    assert all(name.startswith((".icons/", "partials/languages/")) or name == "partials/language.html" for name in late), late


def test_compiled_templates_are_kept_for_the_next_build_and_a_damaged_store_is_compiled_again(built_project, manifest, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = load_project(built_project)
    first = prepare_site(project, tmp_path / "first")
    count = len(first.templates.store)
    kept = kept_templates()
    assert kept.is_relative_to(tmp_path / "cache") and kept.stat().st_size > 10_000

    compiled = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda env, *a, **k: compiled.append(a[1] if len(a) > 1 else None) or compile_(env, *a, **k))
    second = prepare_site(project, tmp_path / "second")
    assert compiled == [] and second.templates.store == first.templates.store
    files_dir = built_project / "build" / "site" / "files"
    build_site(project, manifest, files_dir, tmp_path / "second", second)
    build_site(project, manifest, files_dir, tmp_path / "first", first)
    assert site_files(tmp_path / "second") == site_files(tmp_path / "first")

    kept.write_bytes(b"not a store")
    assert len(prepare_site(project, tmp_path / "third").templates.store) == count
    assert len(compiled) >= 20


def test_the_theme_listed_once_gives_mkdocs_the_same_files_to_copy(built_project):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(built_project / "mkdocs.yml"))
    config.plugins["factsheets"].add_theme(config)
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    list_theme_once(config.theme)
    once = Files([])
    once.add_files_from_theme(config.theme.get_env(), config)
    assert [(f.src_uri, f.abs_src_path) for f in once] == [(f.src_uri, f.abs_src_path) for f in plain]
    assert any(f.src_uri.startswith("assets/javascripts/") for f in plain)


def test_the_theme_names_are_those_mkdocs_keeps_without_walking_hidden_folders(tmp_path):
    import jinja2

    from factsheets.site_adapter import _names_not_hidden

    for name in (".icons/a/b.svg", ".hidden.html", "main.html", "partials/.keep/x.html", "partials/.dot.html", "assets/x.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    loader = jinja2.FileSystemLoader([str(tmp_path)])
    expected = [name for name in loader.list_templates() if not name.startswith(".")]
    assert _names_not_hidden(loader) == expected == ["assets/x.js", "main.html", "partials/.dot.html", "partials/.keep/x.html"]
