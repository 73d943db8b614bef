"""JSON Schema of the article record, generated from its own types.

``python -m marsad.schema`` prints it; ``docs/record.schema.json`` is its
committed copy, which a test keeps current.
"""

from __future__ import annotations

import json
import types
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .record import Article

__all__ = ["article_schema"]

_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :class:`~marsad.record.Article` records."""
    definitions: dict[str, Any] = {}
    root = _object(Article, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Marsad article record",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _object(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in fields(cls):
        if f.name == "raw":
            continue
        properties[f.name] = _type(hints[f.name], definitions)
        if f.default is MISSING and f.default_factory is MISSING:
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [_type(arg, definitions) for arg in get_args(hint)]
        return {"anyOf": options}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is list:
        return {"type": "array", "items": _type(get_args(hint)[0], definitions)}
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type) and is_dataclass(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}
            definitions[hint.__name__] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")


if __name__ == "__main__":
    print(json.dumps(article_schema(), ensure_ascii=False, indent=2))
