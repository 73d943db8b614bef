"""``marsad eval facts``: precision and recall of the record against gold-fact files."""

from __future__ import annotations

from pathlib import Path

import click

from . import CATEGORIES, CategoryScore, FactsError, Report, evaluate
from .newsset import NEWS_CATEGORIES, NewsReport, evaluate_news_set, is_news_set

__all__ = ["facts"]


def _table(
    title: str, scores: dict[str, CategoryScore], categories: tuple[str, ...] = CATEGORIES
) -> None:
    click.echo(title)
    click.echo(f"  {'category':<14}{'gold':>6}{'found':>7}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for category in categories:
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
@click.option(
    "--misses",
    is_flag=True,
    help="News sets: list per article what gold has that the record lacks (-) "
    "and what the record has that gold lacks (+).",
)
def facts(folder: Path, corpus: Path | None, per_file: bool, misses: bool) -> None:
    """Per-category precision/recall/F1 of the records against gold facts in FOLDER.

    FOLDER is a news set (articles.jsonl and gold.jsonl joined by id, as
    shared/data/news/saudinewsnet-dev, scored by the rules of its README: persons,
    organizations, places, quotes, amounts, dates, events), or holds gold-fact files
    (*.facts.json: persons, places, organizations, quotes, amounts, events; files marked
    "held_out": true are scored apart from the others as well as together).
    """
    if is_news_set(folder):
        try:
            news = evaluate_news_set(folder)
        except FactsError as exc:
            raise click.ClickException(str(exc)) from exc
        _print_news(news, per_file, misses)
        return
    paths = [folder] if folder.is_file() else sorted(folder.glob("*.facts.json"))
    if not paths:
        raise click.ClickException(f"no *.facts.json files in {folder}")
    report = evaluate(paths, corpus)
    if not report.files:
        for path, reason in report.failures:
            click.echo(f"not scored: {path}: {reason}", err=True)
        raise click.ClickException("no gold file could be scored")
    _print(report, per_file)


def _print_news(report: NewsReport, per_file: bool, misses: bool) -> None:
    for item, scored in report.articles:
        if per_file:
            _table(item.id, {c: s.score for c, s in scored.items()}, NEWS_CATEGORIES)
        if misses and any(s.missing or s.extra for s in scored.values()):
            click.echo(f"{item.id}  {item.row.get('title', '')}")
            for category in NEWS_CATEGORIES:
                for text in scored[category].missing:
                    click.echo(f"  - {category:<14}{text}")
                for text in scored[category].extra:
                    click.echo(f"  + {category:<14}{text}")
    _table(f"all ({len(report.articles)} articles)", report.totals(), NEWS_CATEGORIES)
    for ident, reason in report.failures:
        click.echo(f"not scored: {ident}: {reason}", err=True)
