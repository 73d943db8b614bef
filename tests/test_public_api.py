"""The exported surface is what we meant it to be."""

from __future__ import annotations

import marsad
import marsad.text


def test_exported_names() -> None:
    assert set(marsad.__all__) == {
        "Amount", "ArchiveLockedError", "Article", "Batch", "BinaryInputError",
        "CorruptArchiveError", "DateMention", "Document", "StoreError",
        "EmptyInputError", "EncodingError", "Entity", "Event", "InputError", "JsonFields",
        "MalformedInputError", "MarsadError", "Mention", "Pipeline", "PipelineError", "Quote",
        "ReadOptions", "RecordError", "Rejection", "Role", "Stage", "StageError", "StageFailure",
        "TooLargeError", "__version__", "extract", "extract_text", "iter_extract",
        "register_stage", "registered_stages", "stage",
    }  # fmt: skip
    for name in marsad.__all__:
        assert hasattr(marsad, name), name


def test_error_hierarchy_is_rooted() -> None:
    for name in marsad.__all__:
        obj = getattr(marsad, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, marsad.MarsadError), name


def test_text_layer_surface() -> None:
    assert {"normalize", "normalize_with_offsets", "tokenize", "split_proclitics",
            "split_sentences", "Token", "Sentence"} <= set(marsad.text.__all__)  # fmt: skip
