"""The archive's commands: ``ingest``, ``search``, ``related``, ``entity``, ``export``.

Thin: each parses its options, calls :class:`~marsad.archive.Archive`, prints, and turns a
:class:`~marsad.errors.MarsadError` into a clear message (never a traceback).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from ..errors import MarsadError

if TYPE_CHECKING:  # imported where a command runs: ``--help`` loads no pipeline, no datasketch
    from ..inputs import ReadOptions
    from .archive import Archive
    from .ingest import IngestReport
    from .model import Filters

__all__ = ["COMMANDS"]

#: The export formats and the default archive, as :mod:`marsad.archive.export` and
#: :mod:`marsad.archive.store` define them (a test checks they agree): the options need them
#: before any command runs.
EXPORT_FORMATS = ("jsonl", "csv", "parquet")
DEFAULT_LOCATION = "marsad.db"

_DB_HELP = (
    "The archive: a SQLite file (created when absent) or a postgresql:// URL "
    f"[default: $MARSAD_DB, else {DEFAULT_LOCATION}]."
)


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", metavar="PATH|URL", envvar="MARSAD_DB", help=_DB_HELP)(func)


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--entity", help="Only articles naming this entity (or a merged variant)."),
        click.option(
            "--entity-type", help="Only articles with an entity of this type (PER, ORG...)."
        ),
        click.option("--source", help="Only articles from a source whose name contains this."),
        click.option("--since", metavar="DATE", help="Published on or after (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Published on or before (YYYY-MM-DD)."),
        click.option("--event-type", help="Only articles with an event of this type (meeting...)."),
        click.option("--speaker", help="Only articles quoting this speaker."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@contextmanager
def _opened(db: str | None) -> Iterator[Archive]:
    from .archive import Archive

    try:
        with Archive(db) as archive:
            yield archive
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc


def _filters(archive: Archive, values: dict[str, Any]) -> Filters:
    keys = ("entity", "entity_type", "source", "since", "until", "event_type", "speaker")
    return archive.filters(**{k: values.get(k) for k in keys})


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@click.option("--workers", type=click.IntRange(min=1), help="Processes [default: all cores].")
@click.option("--max-mb", type=float, default=32.0, show_default=True, help="Largest document, MB.")
@click.option("--no-stories", is_flag=True, help="Skip placing new articles in stories.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; dask: partitions of the input on a Dask "
    "cluster (pip install 'marsad[dask]'; see docs/operations.md).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the cluster's scheduler, e.g. tcp://10.0.0.5:8786 "
    "[default: a local cluster of --workers processes on 127.0.0.1].",
)
@click.option(
    "--partition-mb",
    type=click.FloatRange(min=0.01),
    default=4.0,
    show_default=True,
    help="With --engine dask: input per partition (JSON lines are cut; a WARC file is one).",
)
def ingest(
    sources: tuple[Path, ...],
    db: str | None,
    workers: int | None,
    max_mb: float,
    no_stories: bool,
    engine: str,
    scheduler: str | None,
    partition_mb: float,
) -> None:
    """Run the pipeline over files, folders, WARC, feeds or JSON lines into the archive.

    Idempotent (the same input twice changes nothing) and crash-safe (each batch is one
    transaction: after a kill, run it again). Ends with the counts of new, duplicate and
    rejected articles, with the reasons. With --engine dask, sources may be glob patterns
    ('crawl/*.warc.gz'), and a stopped run started again skips the partitions it stored.
    """
    from ..inputs import ReadOptions

    options = ReadOptions(max_bytes=int(max_mb * 2**20))
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        report: IngestReport = _ingest_dask(
            sources, db, workers, options, scheduler, int(partition_mb * 2**20), not no_stories
        )
    else:
        with _opened(db) as archive, _progress() as progress:
            report = archive.ingest(
                sources, workers=workers, options=options, progress=progress, stories=not no_stories
            )
    click.echo(report.summary(), err=True)
    if report.processed and not (report.new + report.duplicate + report.unchanged):
        raise click.ClickException("nothing could be archived: every input was rejected")
    if getattr(report, "failed", None):
        raise click.ClickException("some partitions failed; run the same command again")


def _ingest_dask(
    sources: tuple[Path, ...],
    db: str | None,
    workers: int | None,
    options: ReadOptions,
    scheduler: str | None,
    partition_bytes: int,
    stories: bool,
) -> IngestReport:
    from ..scale import ingest_dask

    try:
        with _progress(partitions=True) as progress:
            report = ingest_dask(
                db,
                sources,
                scheduler=scheduler,
                workers=workers,
                options=options,
                progress=progress,
                partition_bytes=partition_bytes,
            )
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    if stories:
        with _opened(db) as archive:
            report.stories = archive.build_stories()
    return report


@contextmanager
def _progress(*, partitions: bool = False) -> Iterator[Callable[[IngestReport], None]]:
    """A progress bar on a terminal; elsewhere, with ``partitions``, a line every 10 s."""
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, disable=None, dynamic_ncols=True)
    seen = 0
    began = last = time.monotonic()

    def update(report: IngestReport) -> None:
        nonlocal seen, last
        bar.update(report.processed - seen)
        seen = report.processed
        done = getattr(report, "partitions_done", None)
        extra = {"partitions": done} if partitions else {}
        bar.set_postfix(new=report.new, rejected=len(report.rejections), **extra, refresh=False)
        now = time.monotonic()
        if partitions and bar.disable and now - last >= _LOG_EVERY:
            last = now
            click.echo(
                f"{seen} articles ({seen / (now - began):.0f}/s), {done} partitions stored,"
                f" {report.new} new, {len(report.rejections)} rejected",
                err=True,
            )

    try:
        yield update
    finally:
        bar.close()


#: Seconds between progress lines when standard error is not a terminal (dask engine).
_LOG_EVERY = 10.0


@click.command()
@click.argument("query")
@_db_option
@_filter_options
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def search(query: str, db: str | None, limit: int, offset: int, fmt: str, **filters: Any) -> None:
    """Search the archive (Arabic-aware: hamza, taa marbuta, proclitics and suffixes folded).

    Words must all match; "quoted words" match as a phrase; a trailing * searches a prefix
    (انتخ*); OR between words accepts any of them. Filters narrow the results.
    """
    with _opened(db) as archive:
        hits = archive.search(query, limit=limit, offset=offset, **filters)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no results", err=True)
    for rank, hit in enumerate(hits, start=offset + 1):
        when = (hit.published or "")[:10]
        click.echo(click.style(f"{rank}. {hit.title}", bold=True) + f"  [{hit.id}]")
        click.echo(f"   {hit.source} {when}  score {hit.score:.2f}")
        click.echo("   " + _highlighted(hit.snippet, hit.highlights) + "\n")


def _highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], click.style(text[start:end], fg="yellow", bold=True)]
        last = end
    return "".join([*out, text[last:]])


@click.command()
@click.argument("article_id")
@_db_option
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def related(article_id: str, db: str | None, limit: int, fmt: str) -> None:
    """The «اقرأ أيضا» (read also) list of an archived article: same story first."""
    with _opened(db) as archive:
        if archive.get(article_id) is None:
            raise click.ClickException(f"no article {article_id!r} in the archive")
        items = archive.related(article_id, limit)
    if fmt == "json":
        click.echo(json.dumps([vars_of(r) for r in items], ensure_ascii=False, indent=2))
        return
    for item in items:
        mark = "*" if item.same_story else " "
        click.echo(f"{mark} {item.title}  [{item.id}] {item.source} {(item.published or '')[:10]}")


def vars_of(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


@click.command()
@click.argument("name")
@_db_option
@click.option("--type", "type_", help="The entity type (PER, ORG, GPE...).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def entity(name: str, db: str | None, type_: str | None, limit: int, fmt: str) -> None:
    """An entity across the archive: name variants, articles by month, quotes, co-occurrences."""
    with _opened(db) as archive:
        profile = archive.entity(name, type=type_, limit=limit)
    if profile is None:
        raise click.ClickException(f"no entity named {name!r} in the archive")
    if fmt == "json":
        data = vars_of(profile)
        data["quotes"] = [vars_of(q) for q in profile.quotes]
        data["meetings"] = [vars_of(m) for m in profile.meetings]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{profile.name} ({profile.type}): {profile.articles} articles")
    click.echo("variants: " + "، ".join(profile.variants))
    click.echo("by month: " + ", ".join(f"{m} {n}" for m, n in profile.timeline))
    for q in profile.quotes:
        click.echo(f"  {q.verb}: «{q.text}»  [{q.article_id}]")
    click.echo("with: " + "، ".join(f"{n} ({c})" for n, _, c in profile.cooccurring))
    if profile.met:
        click.echo("met: " + "، ".join(f"{n} ({c})" for n, c in profile.met))


@click.command()
@_db_option
@_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="jsonl: a file [default: standard output]; csv/parquet: a folder for articles, "
    "entities, quotes and events [default: ./export].",
)
def export(db: str | None, fmt: str, output: Path | None, **filters: Any) -> None:
    """Export the archive (or what the filters select) as JSON lines, CSV or Parquet.

    One row per article, and for CSV/Parquet long tables of entities, quotes and events
    joined by article_id; every file loads directly in pandas.
    """
    with _opened(db) as archive:
        chosen = _filters(archive, filters)
        try:
            if fmt == "jsonl":
                count = _jsonl(archive, chosen, output)
                click.echo(f"{count} articles exported", err=True)
            else:
                written = archive.export_tables(output or Path("export"), fmt, chosen)
                click.echo("wrote " + ", ".join(str(p) for p in written.values()), err=True)
        except MarsadError as exc:
            raise click.ClickException(str(exc)) from exc


def _jsonl(archive: Archive, chosen: Filters, output: Path | None) -> int:
    if output is None:
        stdout: TextIO = sys.stdout
        return archive.export_jsonl(stdout, chosen)
    try:
        handle: TextIO = output.open("w", encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{output}: {os.strerror(exc.errno or 0)}") from exc
    with handle:
        return archive.export_jsonl(handle, chosen)


COMMANDS = [ingest, search, related, entity, export]
