"""Named stages and the pipeline that runs them.

A stage is a callable ``Article -> Article`` with a ``name`` and the record
attributes it ``requires`` and ``assigns``. Stages are registered by name
(:func:`stage`), and :class:`Pipeline` checks when it is built that every
requirement is produced by an earlier stage or by the input itself.

At run time a stage that raises records a :class:`~marsad.record.StageFailure`
in ``article.errors`` and the next stages still run. :class:`~marsad.errors.InputError`
is the exception: it means the document is not an article at all, so it
propagates and the caller records a rejection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Protocol, runtime_checkable

from .document import Document
from .errors import InputError, PipelineError, StageError
from .record import Article, StageFailure

__all__ = [
    "INPUT_ATTRIBUTES",
    "Pipeline",
    "Stage",
    "get_stage",
    "register_stage",
    "registered_stages",
    "stage",
]

#: What an article holds before any stage runs: the raw document and where it came from.
INPUT_ATTRIBUTES: frozenset[str] = frozenset({"raw", "source", "url"})
_ARTICLE_ATTRIBUTES = frozenset(f.name for f in fields(Article)) | {"raw"}


@runtime_checkable
class Stage(Protocol):
    """What the pipeline needs of a stage."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """A plain function wrapped as a stage."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Article], Article]

    def __call__(self, article: Article) -> Article:
        return self.func(article)


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, requires: Iterable[str], assigns: Iterable[str]
) -> Callable[[Callable[[Article], Article]], FunctionStage]:
    """Register a function ``Article -> Article`` as the stage ``name``."""

    def register(func: Callable[[Article], Article]) -> FunctionStage:
        wrapped = FunctionStage(name, tuple(requires), tuple(assigns), func)
        register_stage(wrapped)
        return wrapped

    return register


def register_stage(component: Stage) -> None:
    """Make ``component`` available by its name; a name is registered once."""
    unknown = set(component.assigns) - _ARTICLE_ATTRIBUTES
    if unknown:
        raise PipelineError(
            f"stage {component.name!r} assigns unknown attributes {sorted(unknown)}"
        )
    if component.name in _REGISTRY and _REGISTRY[component.name] is not component:
        raise PipelineError(f"a stage named {component.name!r} is already registered")
    _REGISTRY[component.name] = component


def get_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"unknown stage {name!r} (known: {known})") from None


def registered_stages() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


def _load_builtin_stages() -> None:
    from . import amounts, dates, entities, events, quotes, stages  # noqa: F401  (registers the built-in stages on import)


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
