"""The default pipeline and the class that runs stages.

A stage is a callable ``Article -> Article`` with a ``name`` and the record
attributes it ``requires`` and ``assigns``. Stages are registered by name in
:mod:`marsad.registry` (:func:`stage`); this module imports the built-in stage
packages, which registers them, and :class:`Pipeline` checks when it is built that every
requirement is produced by an earlier stage or by the input itself.

At run time a stage that raises records a :class:`~marsad.record.StageFailure`
in ``article.errors`` and the next stages still run. :class:`~marsad.errors.InputError`
is the exception: it means the document is not an article at all, so it
propagates and the caller records a rejection.
"""

from __future__ import annotations

from collections.abc import Sequence

# The built-in stage packages register their stages in the registry on import; they import
# the registry, never this module, so the default pipeline is assembled here and only here.
from . import amounts, dates, entities, events, quotes  # noqa: F401
from . import stages as _builtin_stages  # noqa: F401  (clean, furniture, identify)
from .document import Document
from .errors import InputError, PipelineError, StageError
from .record import Article, StageFailure
from .registry import FunctionStage, Stage, get_stage, register_stage, registered_stages, stage

__all__ = [
    "INPUT_ATTRIBUTES",
    "FunctionStage",
    "Pipeline",
    "Stage",
    "get_stage",
    "register_stage",
    "registered_stages",
    "stage",
]

#: What an article holds before any stage runs: the raw document and where it came from.
INPUT_ATTRIBUTES: frozenset[str] = frozenset({"raw", "source", "url"})


class Pipeline:
    """An ordered list of stages, checked at construction.

    >>> Pipeline(["clean", "furniture", "identify"]).names
    ['clean', 'furniture', 'identify']
    """

    DEFAULT: tuple[str, ...] = (
        "clean",
        "furniture",
        "identify",
        "entities",
        "amounts",
        "dates",
        "quotes",
        "events",
    )

    def __init__(self, stages: Sequence[str | Stage] | None = None) -> None:
        chosen = self.DEFAULT if stages is None else stages
        self.stages: list[Stage] = [get_stage(s) if isinstance(s, str) else s for s in chosen]
        self._check()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def _check(self) -> None:
        available = set(INPUT_ATTRIBUTES)
        seen: set[str] = set()
        for component in self.stages:
            if not isinstance(component, Stage):
                raise PipelineError(f"{component!r} is not a stage (needs name/requires/assigns)")
            if component.name in seen:
                raise PipelineError(f"stage {component.name!r} appears twice")
            missing = [r for r in component.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {component.name!r} requires {missing}, which no earlier stage assigns"
                )
            seen.add(component.name)
            available.update(component.assigns)

    def __call__(self, document: Document) -> Article:
        """Run every stage on ``document``; InputError means: not an article."""
        article = Article(source=document.source, url=document.url)
        article.raw = document
        for component in self.stages:
            article = self._run_one(component, article)
        article.raw = None
        return article

    @staticmethod
    def _run_one(component: Stage, article: Article) -> Article:
        try:
            result: object = component(article)
        except InputError:
            raise
        except Exception as exc:  # a stage bug must not lose the article
            article.errors.append(StageFailure(component.name, f"{type(exc).__name__}: {exc}"))
            return article
        if not isinstance(result, Article):
            err = StageError(component.name, f"returned {type(result).__name__}, not Article")
            article.errors.append(StageFailure(component.name, str(err)))
            return article
        return result
