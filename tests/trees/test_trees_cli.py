"""`igcsante trees check`: exit status and messages, never a traceback."""

import shutil

import pytest
import yaml

from igcsante.cli import main as igcsante_main
from igcsante.trees.cli import main

from tests.trees.tree_samples import LINKS_FILE, TREES_DIR


@pytest.fixture
def workspace(tmp_path, sound_tree):
    """data/links.yml and data/trees/sample.yml in a scratch folder."""
    data = tmp_path / "data"
    (data / "trees").mkdir(parents=True)
    shutil.copy(LINKS_FILE, data / "links.yml")
    (data / "trees" / "sample.yml").write_text(yaml.safe_dump(sound_tree, allow_unicode=True), encoding="utf-8")
    return data


def test_repository_trees_pass(capsys):
    assert main(["check", str(TREES_DIR)]) == 0
    assert "no problem" in capsys.readouterr().out


def test_through_the_igcsante_command(workspace, capsys):
    assert igcsante_main(["trees", "check", str(workspace / "trees")]) == 0
    assert "sample.yml: ok" in capsys.readouterr().out


def test_a_broken_tree_exits_1_with_its_problems(workspace, sound_tree, capsys):
    sound_tree["nodes"]["first"]["answers"][0]["next"] = "secnod"
    (workspace / "trees" / "sample.yml").write_text(yaml.safe_dump(sound_tree), encoding="utf-8")
    assert main(["check", str(workspace / "trees")]) == 1
    out = capsys.readouterr().out
    assert "[dangling-next]" in out and "'secnod'" in out and "1 of 1 tree(s) have problems" in out


def test_invalid_yaml_is_a_problem_not_a_crash(workspace, capsys):
    (workspace / "trees" / "zz-broken.yml").write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["check", str(workspace / "trees")]) == 1
    out = capsys.readouterr().out
    assert "[unreadable]" in out and "Traceback" not in out
    assert "sample.yml: ok" in out


@pytest.mark.parametrize("argv, message", [
    (["check", "/nonexistent/trees"], "is not a folder"),
    (["check", "--links", "/nonexistent/links.yml", str(TREES_DIR)], "cannot be read"),
])
def test_unusable_arguments_exit_2(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_an_empty_folder_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "nothing to check" in capsys.readouterr().err


def test_no_command_exits_2(capsys):
    assert main([]) == 2
    assert "usage: igcsante trees" in capsys.readouterr().err
