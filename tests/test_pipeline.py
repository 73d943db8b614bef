from __future__ import annotations

import pytest

from marsad import Article, Document, EmptyInputError, Pipeline, PipelineError, stage
from marsad.pipeline import FunctionStage, get_stage


def doc(text: str = "عنوان\n\nنص المقال الأول.") -> Document:
    return Document(origin="mem", kind="text", content=text)


def test_default_pipeline_runs_named_stages_in_order() -> None:
    pipeline = Pipeline()
    assert pipeline.names == [
        "clean",
        "furniture",
        "identify",
        "entities",
        "amounts",
        "dates",
        "quotes",
        "events",
    ]
    article = pipeline(doc())
    assert (article.title, article.body, article.source) == ("عنوان", "نص المقال الأول.", "mem")
    assert article.id and not article.errors


def test_unknown_stage_is_refused_when_built() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline(["clean", "nope"])


def test_unmet_requirement_is_refused_when_built() -> None:
    with pytest.raises(PipelineError, match=r"'identify' requires \['title', 'body'\]"):
        Pipeline(["identify", "clean"])


def test_a_stage_twice_is_refused() -> None:
    with pytest.raises(PipelineError, match="appears twice"):
        Pipeline(["clean", "clean"])


def test_assigning_an_unknown_attribute_is_refused() -> None:
    with pytest.raises(PipelineError, match="unknown attributes"):
        stage("bad-assign", requires=(), assigns=("nonsense",))(lambda a: a)


def test_a_failing_stage_is_recorded_and_the_rest_still_run() -> None:
    def explode(article: Article) -> Article:
        raise RuntimeError("model file missing")

    broken = FunctionStage("broken", ("body",), ("entities",), explode)
    pipeline = Pipeline([get_stage("clean"), broken, get_stage("identify")])
    article = pipeline(doc())
    assert [(e.stage, e.message) for e in article.errors] == [
        ("broken", "RuntimeError: model file missing")
    ]
    assert article.id, "identify ran after the failure"


def test_a_stage_returning_something_else_is_recorded() -> None:
    wrong = FunctionStage("wrong", ("body",), ("entities",), lambda a: None)  # type: ignore[arg-type,return-value]
    article = Pipeline(["clean", wrong])(doc())
    assert article.errors[0].stage == "wrong"
    assert "returned NoneType, not Article" in article.errors[0].message
    assert article.title == "عنوان"


def test_input_errors_are_not_swallowed_they_reject_the_document() -> None:
    with pytest.raises(EmptyInputError, match="mem"):
        Pipeline()(doc("   \n \n"))


def test_user_stages_register_by_name_and_plug_in() -> None:
    @stage("shout-title", requires=("title",), assigns=("title",))
    def shout(article: Article) -> Article:
        article.title += "!"
        return article

    article = Pipeline(["clean", "shout-title", "furniture", "identify"])(doc())
    assert article.title == "عنوان!"
    with pytest.raises(PipelineError, match="already registered"):
        stage("shout-title", requires=(), assigns=())(lambda a: a)


def test_raw_document_is_not_kept_in_the_record() -> None:
    article = Pipeline()(doc())
    assert article.raw is None
    assert "raw" not in article.to_dict()
