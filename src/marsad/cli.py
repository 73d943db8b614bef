"""The ``marsad`` command: parses options, calls the library, reports. Nothing else."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__
from .errors import MarsadError

if TYPE_CHECKING:  # imported where a command runs: the help answers at once
    from .extract import Batch
    from .inputs import ReadOptions, Rejection
    from .pipeline import Pipeline
    from .record import Article

__all__ = ["LazyGroup", "demo_summary", "main"]

FORMATS = ("json", "jsonl", "text")


class LazyGroup(click.Group):
    """A command group whose commands are imported the first time they are asked for.

    ``lazy`` maps a command's name to ``"module:attribute"``, or to that and the command's
    one-line summary, which ``--help`` of the group then shows without importing it.
    """

    def __init__(
        self,
        *args: object,
        lazy: Mapping[str, str | tuple[str, str]] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, str | tuple[str, str]] = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            target = self.lazy[cmd_name]
            module, _, attribute = (target if isinstance(target, str) else target[0]).partition(":")
            command = getattr(import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{module}:{attribute} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def lazy_summary(self, name: str) -> str | None:
        """The one-line summary given for a command not imported yet, if any."""
        target = self.lazy.get(name)
        return target[1] if isinstance(target, tuple) and name not in self.commands else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows: list[tuple[str, str]] = []
        limit = formatter.width - 6 - max((len(n) for n in self.list_commands(ctx)), default=0)
        for name in self.list_commands(ctx):
            summary = self.lazy_summary(name)
            if summary is not None:
                stand_in = click.Command(name, help=summary)  # shortened as click shortens help
                rows.append((name, stand_in.get_short_help_str(limit)))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


#: The commands of the features (archive, evaluation, web): imported when one runs or shows
#: its help; ``marsad --help`` shows these summaries (a test checks each is its command's own).
FEATURE_COMMANDS: dict[str, str | tuple[str, str]] = {
    "ingest": (
        "marsad.archive.cli:ingest",
        "Run the pipeline over files, folders, WARC, feeds or JSON lines into the archive.",
    ),
    "search": (
        "marsad.archive.cli:search",
        "Search the archive (Arabic-aware: hamza, taa marbuta, proclitics and suffixes folded).",
    ),
    "related": (
        "marsad.archive.cli:related",
        "The «اقرأ أيضا» (read also) list of an archived article: same story first.",
    ),
    "entity": (
        "marsad.archive.cli:entity",
        "An entity across the archive: name variants, articles by month, quotes, co-occurrences.",
    ),
    "export": (
        "marsad.archive.cli:export",
        "Export the archive (or what the filters select) as JSON lines, CSV or Parquet.",
    ),
    "eval": ("marsad.evalcli:eval_group", "Score Marsad against annotated data."),
    "serve": (
        "marsad.web.cli:serve",
        "Serve the archive on the web: Arabic pages and a JSON API (/api/openapi.json).",
    ),
}


@click.group(
    cls=LazyGroup, lazy=FEATURE_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """Marsad (مرصد): Arabic news in any form becomes structured article records."""


def _options(fields: str | None, max_mb: float) -> ReadOptions:
    from .inputs import JsonFields, ReadOptions

    try:
        json_fields = JsonFields.parse(fields) if fields else JsonFields()
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fields") from exc
    return ReadOptions(max_bytes=int(max_mb * 2**20), json_fields=json_fields)


def _pipeline(stages: str | None) -> Pipeline:
    from .pipeline import Pipeline

    try:
        return Pipeline([s.strip() for s in stages.split(",")] if stages else None)
    except MarsadError as exc:
        raise click.BadParameter(str(exc), param_hint="--stages") from exc


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json: one object for one article, else a list; jsonl: one record a line; "
    "text: for reading.",
)
@click.option(
    "--fields",
    metavar="MAP",
    help="JSON-lines keys, e.g. 'title=headline,body=content' "
    "(defaults fit the ANT corpus; alternatives with |).",
)
@click.option(
    "--max-mb", type=float, default=32.0, show_default=True, help="Largest single document, in MB."
)
@click.option("--stages", metavar="LIST", help="Comma-separated stages (default: all built-in).")
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write records here instead of standard output.",
)
def extract(
    paths: tuple[Path, ...],
    fmt: str,
    fields: str | None,
    max_mb: float,
    stages: str | None,
    output: TextIO,
) -> None:
    """Turn files, folders, WARC, RSS/Atom feeds or JSON lines into article records.

    The format of each file is detected from its content; rejected inputs are
    listed on standard error at the end, and the command fails only when nothing
    at all could be processed.
    """
    from .extract import Batch, iter_extract
    from .render import render_article

    items = iter_extract(paths, pipeline=_pipeline(stages), options=_options(fields, max_mb))
    batch = Batch()
    articles = _collect(items, batch)
    if fmt == "jsonl":
        for article in articles:
            output.write(article.to_json() + "\n")
    else:
        listed = list(articles)
        if not listed:
            pass
        elif fmt == "json":
            data = listed[0].to_dict() if len(listed) == 1 else [a.to_dict() for a in listed]
            output.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            output.write("\n".join(render_article(a) for a in listed))
    _finish(batch)


def _collect(items: Iterable[Article | Rejection], batch: Batch) -> Iterator[Article]:
    from .inputs import Rejection

    for item in items:
        if isinstance(item, Rejection):
            batch.rejections.append(item)
        else:
            batch.articles.append(item)
            yield item


def _finish(batch: Batch) -> None:
    from .render import render_summary

    if batch.rejections:
        click.echo(render_summary(batch, only_rejections=True), err=True)
    if not batch.articles:
        raise click.ClickException(
            "nothing could be processed"
            + (": every input was rejected" if batch.rejections else "")
        )


@main.command()
@click.argument(
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("examples"),
)
def demo(folder: Path) -> None:
    """Run Marsad on a folder of examples (the bundled ones by default) and explain the result."""
    from .extract import Batch, iter_extract
    from .render import render_article, render_summary

    batch = Batch()
    for article in _collect(iter_extract([folder]), batch):
        click.echo(render_article(article, brief=True))
    click.echo(render_summary(batch))
    if not batch.articles:
        raise click.ClickException("nothing could be processed")
    click.echo("\n" + "\n".join(demo_summary(batch.articles)))
    prog = _invoked_as()
    example = _a_file_among(batch.articles) or folder
    click.echo(
        "\nWhere to look next:\n"
        f"  one article's full record:  {prog} extract {example} --format json\n"
        "  your own files, folders, WARC archives, feeds or JSON lines:\n"
        f"    {prog} extract PATH... --format text\n"
        "  the web pages (Arabic, ?lang=en for English labels) and the JSON API:\n"
        f"    {prog} ingest {folder} --db examples.db && {prog} serve --db examples.db\n"
        "    then open http://127.0.0.1:8000/\n"
        "  every command and option: docs/cli.md, or --help after any command"
    )


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def demo_summary(articles: Sequence[Article]) -> list[str]:
    """What the articles hold, in a few lines a newcomer reads: people, quotes, events."""

    def distinct(types: frozenset[str]) -> list[str]:
        names = (e.name for a in articles for e in a.entities if e.type in types)
        return list(dict.fromkeys(names))

    people = distinct(frozenset({"PER"}))
    quotes = [q for a in articles for q in a.quotes]
    named = sum(1 for q in quotes if q.speaker is not None)
    events = Counter(e.type for a in articles for e in a.events)
    kinds = ", ".join(f"{n} {kind}" for kind, n in events.most_common(4))
    more = " …" if len(events) > 4 else ""
    shown = "، ".join(people[:4]) + (" …" if len(people) > 4 else "")
    amounts = sum(len(a.amounts) for a in articles)
    dates = sum(len(a.dates) for a in articles)
    return [
        f"In short, in {len(articles)} articles Marsad found:",
        f"  {len(people)} people named" + (f" ({shown})" if people else ""),
        f"  {len(quotes)} quotes, {named} of them linked to the person or body who said them",
        f"  {sum(events.values())} events" + (f" ({kinds}{more})" if events else ""),
        f"  {len(distinct(_PLACE_TYPES))} places, {len(distinct(frozenset({'ORG'})))}"
        f" organizations, {amounts} amounts and {dates} dates",
    ]


def _invoked_as() -> str:
    """How the user ran us (``.venv/bin/marsad`` from ``make demo``), for commands to copy."""
    program = Path(sys.argv[0])
    if program.name == "marsad" and program.is_file():
        return os.path.relpath(program) if not program.is_absolute() else str(program)
    return "marsad"


def _a_file_among(articles: list[Article]) -> str | None:
    files = sorted(a.source for a in articles if Path(a.source).is_file())
    return files[0] if files else None


@main.command("stages")
def list_stages() -> None:
    """List the registered pipeline stages with what they require and assign."""
    from .pipeline import get_stage, registered_stages

    for component in (get_stage(name) for name in registered_stages()):
        click.echo(
            f"{component.name:<12} requires {', '.join(component.requires):<20} "
            f"assigns {', '.join(component.assigns)}"
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
