"""``marsad eval facts``: precision and recall of the record against gold-fact files."""

from __future__ import annotations

from pathlib import Path

import click

from . import CATEGORIES, CategoryScore, Report, evaluate

__all__ = ["facts"]


def _table(title: str, scores: dict[str, CategoryScore]) -> None:
    click.echo(title)
    click.echo(f"  {'category':<14}{'gold':>6}{'found':>7}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for category in CATEGORIES:
        s = scores[category]
        click.echo(
            f"  {category:<14}{s.gold:>6}{s.found:>7}{s.predicted:>6}"
            f"{s.precision:>8.1%}{s.recall:>8.1%}{s.f1:>8.1%}"
        )


def _print(report: Report, per_file: bool) -> None:
    if per_file:
        for gold, scores in report.files:
            _table(f"{gold.path.name}{' (held out)' if gold.held_out else ''}", scores)
    tuned = [g for g, _ in report.files if not g.held_out]
    held = [g for g, _ in report.files if g.held_out]
    if tuned and held:
        _table(f"tuned on ({len(tuned)} files)", report.totals(held_out=False))
        _table(f"held out ({len(held)} files)", report.totals(held_out=True))
    _table(f"all ({len(report.files)} files)", report.totals())
    for path, reason in report.failures:
        click.echo(f"not scored: {path}: {reason}", err=True)


@click.command("facts")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON lines (.gz) holding the articles that gold files name by docno (ANT format).",
)
@click.option("--per-file", is_flag=True, help="Also print the scores of each file.")
def facts(folder: Path, corpus: Path | None, per_file: bool) -> None:
    """Per-category precision/recall against the gold-fact files (*.facts.json) in FOLDER.

    Categories: persons, places, organizations, quotes, amounts, events. Files marked
    "held_out": true are scored apart from the others as well as together.
    """
    paths = [folder] if folder.is_file() else sorted(folder.glob("*.facts.json"))
    if not paths:
        raise click.ClickException(f"no *.facts.json files in {folder}")
    report = evaluate(paths, corpus)
    if not report.files:
        for path, reason in report.failures:
            click.echo(f"not scored: {path}: {reason}", err=True)
        raise click.ClickException("no gold file could be scored")
    _print(report, per_file)
