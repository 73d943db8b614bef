"""Attributes of a package imported on first use (a package's ``__getattr__`` calls this)."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from importlib import import_module

__all__ = ["lazy_attribute"]


def lazy_attribute(
    package: str, namespace: MutableMapping[str, object], modules: Mapping[str, str], name: str
) -> object:
    """``name`` from the submodule ``modules[name]`` of ``package``, kept in ``namespace``
    (the package's globals) so that the next look-up does not come here."""
    module = modules.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", package), name)
    namespace[name] = value
    return value
