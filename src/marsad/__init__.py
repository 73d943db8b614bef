"""Marsad (مرصد): Arabic news in any form becomes structured, evidence-linked records.

>>> import marsad
>>> article = marsad.extract_text("العنوان\\n\\nالفقرة الأولى من النص.")
>>> article.title, article.body
('العنوان', 'الفقرة الأولى من النص.')
"""

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
from .inputs import JsonFields, ReadOptions, Rejection
from .pipeline import Pipeline, Stage, register_stage, registered_stages, stage
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

__version__ = "0.1.0"

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
