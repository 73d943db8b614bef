"""The thin CLI: options in, library call, records or a clear message out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

from .conftest import EXAMPLES, SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_json_gives_the_record_of_one_article() -> None:
    code, out, _ = run("extract", str(SAMPLE), "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert record["title"].startswith("الناصر يترأس")
    assert len(record["body"].split("\n\n")) == 9
    assert "شارك" in " ".join(record["boilerplate"])
    assert set(record) >= {
        "id",
        "url",
        "source",
        "published",
        "language",
        "lead",
        "entities",
        "errors",
    }


def test_extract_jsonl_one_record_a_line(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("عنوان ثان\n\nنص الخبر الثاني.\n", "utf-8")
    code, out, _ = run("extract", str(SAMPLE), str(second), "--format", "jsonl")
    assert code == 0
    titles = [json.loads(line)["title"] for line in out.splitlines()]
    assert titles[1] == "عنوان ثان" and len(titles) == 2


def test_extract_json_many_articles_is_a_list(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("عنوان ثان\n\nنص الخبر الثاني.\n", "utf-8")
    code, out, _ = run("extract", str(SAMPLE), str(second))
    assert code == 0 and len(json.loads(out)) == 2


def test_extract_text_format_is_readable() -> None:
    code, out, _ = run("extract", str(SAMPLE), "--format", "text")
    assert code == 0
    assert "title:" in out and "9 paragraphs" in out and "✂ اقرأ أيضا" in out


def test_rejections_are_reported_and_only_total_failure_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run("extract", str(SAMPLE), str(empty), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1
    assert "1 rejected (1 empty)" in err and "empty.txt" in err
    code, out, err = run("extract", str(empty))
    assert code == 1 and out == ""
    assert "nothing could be processed" in err


def test_bad_option_values_are_usage_errors() -> None:
    code, _, err = run("extract", str(SAMPLE), "--stages", "clean,nope")
    assert code == 2 and "unknown stage 'nope'" in err
    code, _, err = run("extract", str(SAMPLE), "--fields", "colour=red")
    assert code == 2 and "bad field mapping" in err


def test_stages_lists_requires_and_assigns() -> None:
    code, out, _ = run("stages")
    assert code == 0 and "furniture" in out and "requires body" in out


@pytest.mark.parametrize("command", sorted(main.commands))  # type: ignore[attr-defined]
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and len(out.splitlines()) > 3


def test_demo_on_the_bundled_examples() -> None:
    code, out, err = run("demo", str(EXAMPLES))
    assert code == 0, err
    assert "articles extracted" in out and "rejected" not in out


def test_installed_entry_point_runs() -> None:
    exe = Path(sys.executable).parent / "marsad"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert "marsad" in result.stdout


def test_cli_reference_is_current() -> None:
    from marsad.clidoc import cli_reference

    committed = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == cli_reference(), "run: python -m marsad.clidoc > docs/cli.md"


def test_eval_ner_prints_conlleval_figures(tmp_path: Path) -> None:
    conll = tmp_path / "mini.conll"
    conll.write_text(
        "قال O\nوزير O\nالخارجية O\nأحمد B-PERS\nالناصر I-PERS\nفي O\nالكويت B-LOC\n. O\n\n"
        "زار O\nالوفد O\nإيطاليا B-LOC\n. O\n",
        encoding="utf-8",
    )
    code, out, _ = run("eval", "ner", str(conll))
    assert code == 0
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines["ALL"][1] == "3" and "tokens/s" in out
    assert {"LOC", "PERS"} <= set(lines)
