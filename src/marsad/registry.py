"""The stage registry: stages by name, and nothing else.

A stage is a callable ``Article -> Article`` with a ``name`` and the record attributes it
``requires`` and ``assigns``. A stage package registers its stage here on import
(:func:`stage` or :func:`register_stage`); this module imports no stage package, so the
packages can import it without importing back. The default pipeline, which imports the
built-in stage packages, is assembled in :mod:`marsad.pipeline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Protocol, runtime_checkable

from .errors import PipelineError
from .record import Article

__all__ = [
    "FunctionStage",
    "Stage",
    "get_stage",
    "register_stage",
    "registered_stages",
    "stage",
]

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
    """The stage registered as ``name`` (the built-in ones once :mod:`marsad.pipeline` is imported)."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"unknown stage {name!r} (known: {known})") from None


def registered_stages() -> list[str]:
    """The names of the registered stages, sorted."""
    return sorted(_REGISTRY)
