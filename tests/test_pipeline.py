import pytest

from conftest import EXAMPLES
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
    texts = [
        "وقال الوزير للصحفيين إن «الاتفاق بالتالي نهائي». وأضاف أن التنفيذ يبدأ غدا.",
        "القاهرة - 5 مارس (رويترز) - وَبِالتَّفْصِيل شرح الخبراء الخطة.\nتعليق (0)",
    ]
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


@pytest.fixture
def scratch_stages():
    """Stages registered by a test, removed afterwards."""
    names = []

    def register(name, **kwargs):
        def decorate(func):
            names.append(name)
            return stage(name, **kwargs)(func)

        return decorate

    yield register
    for name in names:
        REGISTRY.pop(name, None)


def test_a_layer_name_outside_the_article_model_is_refused_at_registration():
    with pytest.raises(KhabarError) as info:
        stage("test_typo", requires=("sentence",), assigns=("mentions",))
    assert info.value.code == "E206"
    assert "'sentence'" in info.value.message and "sentences" in info.value.message
    assert "test_typo" not in REGISTRY


def test_a_stage_reading_an_undeclared_layer_fails(scratch_stages):
    @scratch_stages("test_reads_tokens", requires=("sentences",), assigns=("mentions",))
    def reads_tokens(article):
        """Reads tokens without declaring them."""
        article.mentions = [t for t in article.tokens if t.kind == "word"][:0]

    article = Pipeline(["layout", "sentences", "tokens", "test_reads_tokens"])(Article(text=SAMPLE))
    assert [(e.stage, e.code) for e in article.errors] == [("test_reads_tokens", "E203")]
    assert "E207" in article.errors[0].message and "'tokens'" in article.errors[0].message
    assert len(article.tokens) > 10  # the hidden layer is back after the stage


def test_a_stage_replacing_an_undeclared_layer_fails(scratch_stages):
    @scratch_stages("test_writes_tokens", requires=("sentences",), assigns=("mentions",))
    def writes_tokens(article):
        """Replaces tokens it does not assign."""
        article.tokens = []

    article = Pipeline(["layout", "sentences", "tokens", "test_writes_tokens"])(Article(text=SAMPLE))
    assert "E207" in article.errors[0].message
    assert article.tokens  # the tokens stage's layer is kept


def test_strict_mode_catches_a_required_layer_changed_in_place(scratch_stages):
    @scratch_stages("test_edits_sentences", requires=("sentences",), assigns=("mentions",))
    def edits(article):
        """Changes a layer it only requires."""
        article.sentences[0].id = "changed"

    lenient = Pipeline(["layout", "sentences", "test_edits_sentences"])(Article(text=SAMPLE))
    assert lenient.errors == []
    strict = Pipeline(["layout", "sentences", "test_edits_sentences"], strict=True)(Article(text=SAMPLE))
    assert "E207" in strict.errors[0].message and "'sentences'" in strict.errors[0].message


def test_every_builtin_stage_keeps_to_its_declarations():
    from khabar.ingest import iter_articles

    pipeline = Pipeline(strict=True)
    for article in iter_articles([EXAMPLES]):
        analysed = pipeline(article)
        assert analysed.errors == [], analysed.errors
        assert analysed.stages == list(pipeline.stage_names)


def test_a_broken_table_stops_the_build_with_the_file_and_line(scratch_stages, tmp_path, monkeypatch):
    from khabar.text import tables

    bad = tmp_path / "cues.toml"
    bad.write_text('verbs = ["قال"]\n\nbroken = =\nok = 1\n', "utf-8")
    monkeypatch.setattr(tables, "read_table_text", lambda package, name: bad.read_text("utf-8"))

    @scratch_stages(
        "test_needs_table",
        requires=("sentences",),
        assigns=("quotes",),
        setup=lambda: tables.load_toml("khabar.quotes", "data/cues.toml"),
    )
    def needs_table(article):
        """Uses a table."""

    with pytest.raises(KhabarError) as info:
        Pipeline(["layout", "sentences", "test_needs_table"])
    assert info.value.code == "E205"
    assert "cues.toml" in info.value.message and "line 3" in info.value.message


def test_a_broken_table_makes_analyze_exit_non_zero(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from khabar.cli import main
    from khabar.text import tables

    original = tables.read_table_text

    def broken_cues(package, name):
        text = original(package, name)
        return text + "\nbroken = [\n" if name.endswith("cues.toml") else text

    monkeypatch.setattr(tables, "read_table_text", broken_cues)
    from khabar.quotes import cues

    cues.cue_table.cache_clear()
    cues.cues.cache_clear()
    from khabar.quotes.stage import QuoteFinder

    QuoteFinder.shared.cache_clear()
    try:
        path = tmp_path / "a.txt"
        path.write_text(SAMPLE, "utf-8")
        result = CliRunner().invoke(main, ["analyze", str(path), "--json"])
        assert result.exit_code != 0
        assert "E205" in result.output and "cues.toml" in result.output
    finally:
        monkeypatch.undo()
        cues.cue_table.cache_clear()
        cues.cues.cache_clear()
        QuoteFinder.shared.cache_clear()
