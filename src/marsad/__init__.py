"""Marsad (مرصد): Arabic news in any form becomes structured, evidence-linked records.

>>> import marsad
>>> article = marsad.extract_text("العنوان\\n\\nالفقرة الأولى من النص.")
>>> article.title, article.body
('العنوان', 'الفقرة الأولى من النص.')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_attribute
from .document import Document
from .errors import (
    ArchiveLockedError,
    BinaryInputError,
    CorruptArchiveError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
    MarsadError,
    PipelineError,
    RecordError,
    StageError,
    StoreError,
    TooLargeError,
)
from .extract import Batch, extract, extract_text, iter_extract
from .record import (
    Amount,
    Article,
    DateMention,
    Entity,
    Event,
    Mention,
    Quote,
    Role,
    StageFailure,
)
from .registry import Stage, register_stage, stage

if TYPE_CHECKING:
    from .inputs import JsonFields, ReadOptions, Rejection
    from .pipeline import Pipeline, registered_stages

__version__ = "0.1.0"

# What needs the stages or the readers is imported on first use, so that ``import marsad``
# (and the command line's help) stays fast: ``marsad.Pipeline`` imports the stage packages.
# (``extract`` is imported above: the function, not the module of the same name.)
_LAZY = {
    "JsonFields": "inputs",
    "ReadOptions": "inputs",
    "Rejection": "inputs",
    "Pipeline": "pipeline",
    "registered_stages": "pipeline",  # the built-in stages included
}


def __getattr__(name: str) -> object:
    return lazy_attribute(__name__, globals(), _LAZY, name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Amount",
    "ArchiveLockedError",
    "Article",
    "Batch",
    "BinaryInputError",
    "CorruptArchiveError",
    "DateMention",
    "Document",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "Event",
    "InputError",
    "JsonFields",
    "MalformedInputError",
    "MarsadError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Quote",
    "ReadOptions",
    "RecordError",
    "Rejection",
    "Role",
    "Stage",
    "StageError",
    "StageFailure",
    "StoreError",
    "TooLargeError",
    "__version__",
    "extract",
    "extract_text",
    "iter_extract",
    "register_stage",
    "registered_stages",
    "stage",
]
