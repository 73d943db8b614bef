"""``marsad eval``: accuracy figures from the command line (thin over the library)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from .cli import LazyGroup
from .errors import MarsadError

__all__ = ["COMMANDS", "eval_group"]


#: ``facts`` imports the pipeline: it is imported when it runs (or shows its own help).
_LAZY = {
    "facts": (
        "marsad.facts.cli:facts",
        "Per-category precision/recall/F1 of the records against gold facts in FOLDER.",
    )
}


@click.group("eval", cls=LazyGroup, lazy=_LAZY)
def eval_group() -> None:
    """Score Marsad against annotated data."""


@eval_group.command("ner")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def ner(conll: Path) -> None:
    """Exact-match entity P/R/F1 (conlleval style), micro and per type, and tokens/s.

    CONLL has one 'token TAG' a line (BIO tags of PERS, ORG, LOC, MISC) and a blank
    line between sentences, as ANERcorp.
    """
    from .ner.conll import read_conll, score
    from .ner.tagger import default_tagger

    try:
        sentences = read_conll(conll)
        tagger = default_tagger()
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    start = time.perf_counter()
    predicted = [tagger.tag(words) for words, _ in sentences]
    seconds = time.perf_counter() - start
    tokens = sum(len(words) for words, _ in sentences)
    click.echo(f"{'type':<6}{'gold':>7}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for row in score([tags for _, tags in sentences], predicted):
        click.echo(
            f"{row.label:<6}{row.gold:>7}{row.predicted:>7}"
            f"{row.precision:>8.1%}{row.recall:>8.1%}{row.f1:>8.1%}"
        )
    click.echo(f"{tokens} tokens in {seconds:.2f} s: {tokens / seconds:,.0f} tokens/s (one core)")


COMMANDS = [eval_group]
