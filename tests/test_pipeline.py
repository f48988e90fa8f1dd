import pytest

from khabar import Article, Pipeline
from khabar.errors import KhabarError
from khabar.pipeline import REGISTRY, stage

SAMPLE = "وقال المتحدث إن الاجتماع انتهى. وأضاف أن الوفدين اتفقا على جولة ثانية."


@pytest.fixture
def boom_stage():
    @stage("test_boom", requires=("sentences",), assigns=("mentions",))
    def boom(article: Article) -> Article:
        """Fails on articles that mention الوفدين."""
        if "الوفدين" in article.text:
            raise ValueError("cannot handle this article")
        return article

    @stage("test_after_boom", requires=("mentions",), assigns=("entities",))
    def after(article: Article) -> Article:
        """Needs the mentions of test_boom."""
        return article

    yield
    REGISTRY.pop("test_boom")
    REGISTRY.pop("test_after_boom")


def test_default_pipeline_runs_text_and_layout_stages():
    article = Pipeline(["layout", "sentences", "tokens"])(Article(text=SAMPLE))
    assert article.stages == ["layout", "sentences", "tokens"]
    assert len(article.sentences) == 2
    assert article.tokens[0].text == "وقال"


def test_order_check_names_the_missing_stage():
    with pytest.raises(KhabarError) as info:
        Pipeline(["tokens"])
    assert info.value.code == "E202"
    assert "'sentences'" in info.value.message


def test_unknown_stage_is_a_coded_error():
    with pytest.raises(KhabarError) as info:
        Pipeline(["layout", "nonesuch"])
    assert info.value.code == "E201" and "layout" in info.value.message


def test_failing_stage_is_recorded_and_the_stream_goes_on(boom_stage):
    pipeline = Pipeline(["layout", "sentences", "tokens", "test_boom", "test_after_boom"])
    texts = ["انتهى الاجتماع في موعده.", SAMPLE, "غادر الوفد المدينة صباحا."]
    results = list(pipeline.pipe(Article(text=t) for t in texts))
    assert [r.text for r in results] == texts
    assert results[0].errors == [] and results[2].errors == []
    codes = [(e.stage, e.code) for e in results[1].errors]
    assert codes == [("test_boom", "E203"), ("test_after_boom", "E203")]
    assert "cannot handle this article" in results[1].errors[0].message
    assert results[1].tokens, "stages before the failure keep their output"


def test_pipe_with_processes_keeps_input_order():
    texts = [f"الخبر رقم {i} عن الاجتماع." for i in range(40)]
    results = list(Pipeline().pipe((Article(text=t) for t in texts), batch_size=7, n_process=2))
    assert [r.text for r in results] == texts
    assert all(r.sentences for r in results)


def test_results_from_worker_processes_equal_in_process_results():
    texts = ["وقال الوزير للصحفيين إن «الاتفاق بالتالي نهائي». وأضاف أن التنفيذ يبدأ غدا.",
             "القاهرة - 5 مارس (رويترز) - وَبِالتَّفْصِيل شرح الخبراء الخطة.\nتعليق (0)"]
    single = [a.to_dict() for a in Pipeline().pipe(Article(text=t) for t in texts)]
    pooled = [a.to_dict() for a in Pipeline().pipe((Article(text=t) for t in texts), batch_size=1, n_process=2)]
    assert pooled == single


@stage("test_word_count", requires=("tokens",), assigns=())
def word_count(article: Article) -> Article:
    """Counts word tokens (a stage registered outside khabar, at import of this module)."""
    article.meta["words"] = sum(t.kind == "word" for t in article.tokens)
    return article


def test_worker_processes_know_stages_registered_outside_khabar():
    texts = [SAMPLE, "زار الوزير القاهرة."]
    pipeline = Pipeline(["layout", "sentences", "tokens", "test_word_count"])
    pooled = list(pipeline.pipe((Article(text=t) for t in texts), batch_size=1, n_process=2))
    assert [a.errors for a in pooled] == [[], []]
    assert [a.meta["words"] for a in pooled] == [12, 3]
