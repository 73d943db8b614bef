"""The command line answers at once: its help imports no web stack, archive or pipeline.

Timings are in ``benchmarks/bench_startup.py``; here, what each command imports (which does
not depend on how busy the machine is).
"""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from marsad.cli import FEATURE_COMMANDS, LazyGroup, main

HEAVY = ("fastapi", "uvicorn", "starlette", "datasketch", "scipy", "trafilatura", "pycrfsuite")
#: What a command's help has no need of: the stages, the readers, the archive's storage.
NOT_FOR_HELP = ("marsad.pipeline", "marsad.inputs", "marsad.archive.archive", "marsad.web.app")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def _heavy(loaded: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if m.split(".")[0] in names or m in names)


def test_the_main_help_imports_no_feature_command() -> None:
    loaded = _loaded_after(_help_of(["--help"]))
    assert [
        m for m in ("marsad.archive.cli", "marsad.evalcli", "marsad.web.cli") if m in loaded
    ] == []


def test_importing_the_cli_imports_no_web_stack_nor_minhash() -> None:
    loaded = _loaded_after("import marsad.cli")
    assert _heavy(loaded, HEAVY) == []
    assert [m for m in NOT_FOR_HELP if m in loaded] == []


def _help_of(words: list[str]) -> str:
    return (
        "import contextlib, io\nfrom marsad.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({words!r}, prog_name='marsad', standalone_mode=False)"
    )


@pytest.mark.parametrize(
    "words",
    [[], *([name] for name in sorted({"extract", "demo", "stages", *FEATURE_COMMANDS})),
     ["eval", "ner"], ["eval", "facts"]],
    ids=lambda w: " ".join(w) or "marsad",
)  # fmt: skip
def test_a_commands_help_imports_nothing_heavy(words: list[str]) -> None:
    loaded = _loaded_after(_help_of([*words, "--help"]))
    assert _heavy(loaded, HEAVY) == []
    assert [m for m in NOT_FOR_HELP if m in loaded] == []


def test_every_lazy_command_is_the_one_its_module_lists() -> None:
    from importlib import import_module

    listed = {}
    for module in ("marsad.archive.cli", "marsad.evalcli", "marsad.web.cli"):
        listed.update({c.name: c for c in import_module(module).COMMANDS})
    ctx = click.Context(main)
    assert set(listed) == set(FEATURE_COMMANDS)
    for name, command in listed.items():
        assert main.get_command(ctx, name) is command


def test_a_lazy_summary_is_the_commands_own() -> None:
    from marsad.evalcli import eval_group

    for group in (main, eval_group):
        assert isinstance(group, LazyGroup)
        ctx = click.Context(group)
        summaries = {name: group.lazy_summary(name) for name in group.lazy}
        for name, summary in summaries.items():
            command = group.get_command(ctx, name)
            assert command is not None
            if summary is not None:
                assert summary == command.get_short_help_str(limit=1000), name


def test_the_lazy_group_shows_a_summary_without_importing() -> None:
    group = LazyGroup("g", lazy={"late": ("no.such.module:late", "Does a thing. Then more.")})
    help_text = group.get_help(click.Context(group))
    assert "late" in help_text and "Does a thing." in help_text
    with pytest.raises(ModuleNotFoundError):
        group.get_command(click.Context(group), "late")


def test_the_help_texts_quote_the_archives_own_defaults() -> None:
    from marsad.archive import cli, export, store

    assert cli.EXPORT_FORMATS == export.EXPORT_FORMATS
    assert cli.DEFAULT_LOCATION == store.DEFAULT_LOCATION
    from marsad.web import cli as web_cli
    from marsad.web import order

    assert web_cli.ORDERS == order.ORDERS


def test_the_lazy_packages_still_export_what_they_list() -> None:
    import marsad
    import marsad.archive
    import marsad.web

    for package in (marsad, marsad.archive, marsad.web):
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
    from marsad.archive import Archive, ingest

    assert callable(ingest) and not isinstance(ingest, type(marsad))
    assert Archive.__name__ == "Archive"
    assert callable(marsad.extract) and not isinstance(marsad.extract, type(marsad))
