"""The `khabar` command line: a thin layer over `khabar.ingest`, `khabar.pipeline` and `khabar.render`."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from khabar import __version__
from khabar.errors import Errors, KhabarError
from khabar.ingest import MAX_BYTES, JsonFields, check_encoding, iter_articles
from khabar.ner.model import DEFAULT_TIER, TIERS
from khabar.pipeline import DEFAULT_STAGES, Pipeline, load_builtin_stages
from khabar.render import fact_sheet, failure_lines, score_table
from khabar.store.export import TABLES as EXPORT_TABLES


def _check_encoding(ctx, param, value):
    if value is None:
        return None
    try:
        return check_encoding(value)
    except KhabarError as exc:
        raise click.BadParameter(str(exc)) from None


ENCODING_OPTION = click.option(
    "--encoding",
    callback=_check_encoding,
    metavar="CODEC",
    help="Decode every input with this codec (e.g. cp1256) instead of detecting it.",
)


def _check_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(str(KhabarError(Errors.E401, what="--date", detail=repr(value)))) from None


STORE_OPTION = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default="khabar.db",
    show_default=True,
    envvar="KHABAR_DB",
    help="The corpus store (SQLite file; env KHABAR_DB).",
)
QUIET_OPTION = click.option("-q", "--quiet", is_flag=True, help="Print no counts or progress on stderr.")
N_PROCESS_OPTION = click.option(
    "-n",
    "--n-process",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for the analysis.",
)


def _choose_tier(ctx, param, value):
    if value:
        os.environ["KHABAR_NER"] = value  # worker processes read it too
    return value


NER_OPTION = click.option(
    "--ner",
    type=click.Choice(sorted(TIERS)),
    callback=_choose_tier,
    expose_value=False,
    help=f"NER model: accurate (the full encoder) or fast (its distilled student) [default: {DEFAULT_TIER}].",
)
DATE_OPTION = click.option(
    "--date",
    "published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none.",
)
MAX_BYTES_OPTION = click.option(
    "--max-bytes", type=int, default=MAX_BYTES, show_default=True, help="Largest single article file."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khabar")
def main() -> None:
    """khabar reads Arabic news the way an analyst does."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (an object for one article, an array for several).")
@click.option(
    "--jsonl",
    "jsonl_out",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write one JSON object per line to this file ('-' for stdout).",
)
@DATE_OPTION
@click.option("--stages", default=",".join(DEFAULT_STAGES), show_default=True, help="Comma-separated stage names.")
@click.option("--text-field", help="JSON field holding the article text.")
@click.option("--title-field", help="JSON field holding the title.")
@click.option("--date-field", help="JSON field holding the publication date.")
@MAX_BYTES_OPTION
@N_PROCESS_OPTION
@NER_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or fact sheets; only the failure summary.")
@ENCODING_OPTION
def analyze(
    paths,
    as_json,
    jsonl_out,
    published,
    stages,
    text_field,
    title_field,
    date_field,
    max_bytes,
    n_process,
    quiet,
    encoding,
):
    """Analyse articles from files, directories, zips or '-' (stdin)."""
    err = Console(stderr=True, soft_wrap=True)
    out = Console(soft_wrap=True)
    try:
        pipeline = Pipeline([s.strip() for s in stages.split(",") if s.strip()])
    except KhabarError as exc:
        raise click.UsageError(str(exc)) from None
    overrides = {"text": text_field, "title": title_field, "published": date_field}
    fields = JsonFields(**{k: v for k, v in overrides.items() if v})
    articles = iter_articles(paths, fields=fields, max_bytes=max_bytes, published=published, encoding=encoding)
    report = articles.report
    show_progress = (
        not quiet and not as_json and jsonl_out != "-" and any(Path(p).is_dir() or p.endswith(".zip") for p in paths)
    )
    sink = None
    if jsonl_out and jsonl_out != "-":
        Path(jsonl_out).parent.mkdir(parents=True, exist_ok=True)
        sink = open(jsonl_out, "w", encoding="utf-8")
    json_out = JsonPrinter() if as_json else None
    done = failed_stages = 0
    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[failures]} skipped"),
        console=err,
        transient=True,
    )
    with progress if show_progress else nullcontext():
        task = progress.add_task("analyse", total=None, failures=0)
        for article in pipeline.pipe(articles, n_process=n_process):
            done += 1
            failed_stages += bool(article.errors)
            if json_out:
                json_out.add(article)
            if jsonl_out == "-":
                sys.stdout.write(article.to_json() + "\n")
            elif sink:
                sink.write(article.to_json() + "\n")
            if not (as_json or jsonl_out or quiet):
                out.print(fact_sheet(article))
            progress.update(task, advance=1, failures=len(report.failures))
    if json_out:
        json_out.close()
    if sink:
        sink.close()
    if report.failures:
        err.print(failure_lines(report.failures))
    if done != 1 or report.failures or failed_stages:
        err.print(
            f"[bold]{done}[/] articles analysed, [bold]{len(report.failures)}[/] inputs skipped, "
            f"[bold]{failed_stages}[/] articles with stage errors" + (f"; JSON lines in {jsonl_out}" if sink else "")
        )
    if report.failures and done == 0:
        sys.exit(1)


class JsonPrinter:
    """Prints one article as a JSON object, several as a JSON array, streaming."""

    def __init__(self) -> None:
        self.count = 0
        self.held: str | None = None

    def add(self, article) -> None:
        text = json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
        self.count += 1
        if self.count == 1:
            self.held = text
            return
        if self.held is not None:
            sys.stdout.write("[\n" + self.held)
            self.held = None
        sys.stdout.write(",\n" + text)

    def close(self) -> None:
        if self.count == 0:
            sys.stdout.write("[]\n")
        elif self.held is not None:
            sys.stdout.write(self.held + "\n")
        else:
            sys.stdout.write("\n]\n")


@main.group("eval")
def eval_group() -> None:
    """Measure khabar's models on gold files."""


@eval_group.command("ner")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner(conll, as_json):
    """Entity-level precision, recall and F1 of the NER model on CONLL (token tag lines)."""
    from khabar.ner.evaluate import evaluate_file

    result = evaluate_file(conll)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    Console().print(score_table(result, title=f"NER on {conll}"))


def _eval_table(module: str, table: str, as_json: bool, show_errors: bool, title: str, caption: str) -> None:
    """Score a JSON Lines table with `khabar.<module>.evaluate` and print scores (and errors)."""
    evaluate = importlib.import_module(f"khabar.{module}.evaluate")
    try:
        result = evaluate.score(evaluate.read_table(table))
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    result["caption"] = caption.format(**result)
    Console().print(score_table(result, title=f"{title} on {table}", first="category"))
    for error in result["errors"] if show_errors else []:
        what = json.dumps(error.get("expected") or error["found"], ensure_ascii=False)
        found = f"  |  found {json.dumps(error['found'], ensure_ascii=False)}" if error["kind"] == "missed" else ""
        click.echo(f"{error['kind']:7} {error['category']:18} {what}  |  {error['text']}{found}")


@eval_group.command("timex")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and every error) as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and false expression.")
def eval_timex(table, as_json, show_errors):
    """Precision and recall of the timex stage on TABLE (JSON Lines of sentences with expected expressions)."""
    _eval_table(
        "timex", table, as_json, show_errors, "timex", "{n_sentences} sentences, {n_expressions} expected expressions"
    )


@eval_group.command("quotes")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and every error) as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and false record.")
def eval_quotes(table, as_json, show_errors):
    """Precision and recall of quotes and claims on TABLE (JSON Lines of texts with expected records)."""
    _eval_table(
        "quotes",
        table,
        as_json,
        show_errors,
        "quotes and claims",
        "{n_sentences} texts, {n_expected} expected quotes and claims",
    )


@eval_group.command("events")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and every error) as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and false event.")
def eval_events(table, as_json, show_errors):
    """Precision and recall of the events stage on TABLE (JSON Lines of sentences with expected events)."""
    _eval_table(
        "events", table, as_json, show_errors, "events", "{n_sentences} sentences, {n_expected} expected events"
    )


@main.group("export")
def export_group() -> None:
    """Export analysed articles' records."""


@export_group.command("events")
@click.argument("jsonl", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@STORE_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="gdelt: GDELT 2.0 event-table columns, tab-separated; csv and jsonl: khabar's columns.",
)
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True, help="Output file."
)
@QUIET_OPTION
@click.pass_context
def export_events(ctx, jsonl, db, fmt, out, quiet):
    """Events of analysed articles (JSON Lines from `khabar analyze --jsonl`, or else the store --db) as GDELT
    rows, CSV or JSON Lines."""
    from khabar.events.export import read_analysed, write_events

    if jsonl and ctx.get_parameter_source("db") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("give analysed JSONL files or --db, not both")

    err = Console(stderr=True, soft_wrap=True)
    bad = []

    def on_error(exc: KhabarError) -> None:
        bad.append(exc)
        err.print(str(exc), markup=False)

    with open(out, "w", encoding="utf-8", newline="") if out != "-" else nullcontext(sys.stdout) as sink:
        articles = read_analysed(jsonl, on_error) if jsonl else _open_store(db).iter_articles()
        n = write_events(articles, sink, fmt)
    if not quiet:
        err.print(f"[bold]{n}[/] events written" + (f", [bold]{len(bad)}[/] lines skipped" if bad else ""))


@main.group("train")
def train_group() -> None:
    """Train khabar's models (needs the `train` extra)."""


def _shared_option(holding: str):
    return click.option(
        "--shared",
        type=click.Path(exists=True, file_okay=False),
        default="../shared",
        show_default=True,
        help=f"Folder holding {holding}.",
    )


@train_group.command("ner")
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Folder for the trained model.")
@_shared_option("data/ner/ (training and dev files)")
@click.option(
    "--epochs",
    type=int,
    default=9,
    show_default=True,
    help="Epochs on ANERcorp + NewsFANE (the learning-rate schedule's length).",
)
@click.option("--stop-after", type=int, default=None, help="Stop phase one early, after this many epochs.")
@click.option(
    "--aner-epochs",
    type=int,
    default=4,
    show_default=True,
    help="Then epochs on ANERcorp alone at lr 5e-5 (0 to skip).",
)
@click.option(
    "--soup",
    type=click.FloatRange(0, 1),
    default=0.6,
    show_default=True,
    help="Ship this weight x phase one's best weights + the rest x phase two's (0: phase two alone).",
)
@click.option("--no-quantize", is_flag=True, help="Keep fp32 weights instead of int8.")
@click.option("--crf-only", is_flag=True, help="Keep OUT's transformer; rebuild only its CRF and mixing weight.")
def train_ner(out, shared, epochs, stop_after, aner_epochs, soup, no_quantize, crf_only):
    """Fine-tune the NER model on ../shared/data/ner, export it (ONNX + manifest) to OUT, then add the CRF."""
    try:
        from khabar.ner.export import add_crf, record_dev_scores
    except ImportError as exc:
        raise click.ClickException(f"training needs the train extra: pip install 'khabar[train]' ({exc})") from None
    out_dir = Path(out)
    dev = Path(shared) / "data" / "ner" / "aner_dev.conll"
    if not crf_only:
        _train_transformer(out_dir, Path(shared), epochs, stop_after, aner_epochs, soup, not no_quantize)
    crf = add_crf(out_dir, Path(shared), log=click.echo)
    result = record_dev_scores(out_dir, dev)
    click.echo(
        f"dev F1 {crf['dev_f1_by_weight']['0.0']:.4f} without the CRF, {result['micro']['f1']:.4f} with it "
        f"(weight {crf['weight']}); model in {out_dir}"
    )


def _train_transformer(
    out_dir: Path, shared: Path, epochs: int, stop_after: int | None, aner_epochs: int, soup: float, quantize: bool
) -> None:
    from khabar.ner.export import export
    from khabar.ner.train import average_checkpoints, train

    # phase one: sentences packed into running text, heads at 5x the encoder's learning rate
    best = train(
        shared, out_dir / "checkpoint", epochs=epochs, stop_after=stop_after, head_lr_scale=5.0, log=click.echo
    )
    shipped = out_dir / "checkpoint" / "model.pt"
    training = {"checkpoint": json.loads((out_dir / "checkpoint" / "training.json").read_text("utf-8"))}
    if aner_epochs:  # phase two: ANERcorp's own conventions at a low learning rate, from phase one's best
        best = train(
            shared,
            out_dir / "checkpoint-aner",
            epochs=aner_epochs,
            lr=5e-5,
            corpora=("aner",),
            init=shipped,
            log=click.echo,
        )
        training["checkpoint-aner"] = json.loads((out_dir / "checkpoint-aner" / "training.json").read_text("utf-8"))
        # the two phases' best weights averaged (chosen on dev; int8 and the CRF are mixed in after this)
        shipped = out_dir / "checkpoint-aner" / "model.pt"
        if soup:
            average_checkpoints(out_dir / "checkpoint" / "model.pt", shipped, soup, out_dir / "soup.pt")
            shipped = out_dir / "soup.pt"
            training["soup"] = {"checkpoint": soup, "checkpoint-aner": round(1 - soup, 4)}
    export(shipped, out_dir, training=training, quantize=quantize)
    click.echo(f"last phase's best dev F1 {best['f1']:.4f} (epoch {best['epoch']}); exported {shipped}")


@train_group.command("ner-student")
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Folder for the student model.")
@_shared_option("data/ner/ and data/news/saudinewsnet/")
@click.option(
    "--teacher", type=click.Path(exists=True, file_okay=False), help="Teacher model folder [the shipped one]."
)
@click.option("--layers", default="0,4,8,11", show_default=True, help="The e5 layers the student keeps.")
@click.option(
    "--days",
    default="2015-07-21,2015-07-22,2015-07-23,2015-07-24",
    show_default=True,
    help="SaudiNewsNet days whose articles the teacher labels, in order, up to --articles.",
)
@click.option("--articles", type=int, default=500, show_default=True, help="Articles the teacher labels.")
@click.option("--epochs", type=int, default=4, show_default=True, help="Epochs over gold and teacher-labelled chunks.")
def train_ner_student(out, shared, teacher, layers, days, articles, epochs):
    """Distil the NER model into a student of a few e5 layers: the teacher labels SaudiNewsNet articles, the
    student learns from those soft labels and the gold corpora; then ONNX export, CRF and dev scores."""
    try:
        from khabar.ner.distill import SOFT_LABELS, teacher_labels
        from khabar.ner.export import add_crf, export, record_dev_scores
        from khabar.ner.train import train
    except ImportError as exc:
        raise click.ClickException(f"training needs the train extra: pip install 'khabar[train]' ({exc})") from None
    out_dir, shared_dir = Path(out), Path(shared)
    soft = out_dir / SOFT_LABELS
    if not soft.exists():
        news = shared_dir / "data" / "news" / "saudinewsnet"
        teacher_labels(Path(teacher) if teacher else None, news, soft, tuple(days.split(",")), articles, click.echo)
    best = train(
        shared_dir,
        out_dir / "checkpoint",
        epochs=epochs,
        head_lr_scale=5.0,
        layers=[int(x) for x in layers.split(",")],
        distill=soft,
        log=click.echo,
    )
    training = {"checkpoint": json.loads((out_dir / "checkpoint" / "training.json").read_text("utf-8"))}
    export(out_dir / "checkpoint" / "model.pt", out_dir, training=training)
    crf = add_crf(out_dir, shared_dir, log=click.echo)
    result = record_dev_scores(out_dir, shared_dir / "data" / "ner" / "aner_dev.conll")
    click.echo(
        f"student: best epoch {best['epoch']}; dev F1 {crf['dev_f1_by_weight']['0.0']:.4f} without the CRF, "
        f"{result['micro']['f1']:.4f} with it (weight {crf['weight']}); model in {out_dir}"
    )


@main.command("stages")
def list_stages() -> None:
    """List the registered stages with what they require and assign."""
    for info in load_builtin_stages().values():
        click.echo(
            f"{info.name:12} requires: {', '.join(info.requires) or '-':22} assigns: "
            f"{', '.join(info.assigns):12} {info.doc}"
        )


@main.group("kb")
def kb_group() -> None:
    """Look up, add and export knowledge-base entries (format: khabar/entities/kb/README.md)."""


@kb_group.command("lookup")
@click.argument("name")
@click.option("--label", type=click.Choice(["PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"]), default=None)
def kb_lookup(name, label):
    """Entries called NAME (any Arabic spelling, Latin acronym or KB id)."""
    from khabar.entities.kb import knowledge_base

    kb = knowledge_base()
    entries = [kb.by_id[name]] if name in kb.by_id else kb.lookup(name, label)
    if not entries:
        raise click.ClickException(f"no knowledge-base entry for {name!r}")
    for entry in entries:
        click.echo(json.dumps(entry.to_json(), ensure_ascii=False))


@kb_group.command("add")
@click.option("--kb-id", required=True, help="Wikidata QID, or kb:<slug>.")
@click.option("--label", required=True, type=click.Choice(["PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"]))
@click.option("--name-ar", required=True)
@click.option("--name-en", required=True)
@click.option("--alias", "aliases", multiple=True, help="Another Arabic spelling (repeatable).")
@click.option("--type", "kind", default="", help="country, city, media, person, …")
@click.option("--subtype", default=None, help="ORG subtype: MEDIA, GOVERNMENT, …")
@click.option("--in", "within", default=None, help="kb_id of its country.")
@click.option("--role", "roles", multiple=True, help="role:of[:from[:to]], e.g. head_of_state:Q159:2012-05-07")
def kb_add(kb_id, label, name_ar, name_en, aliases, kind, subtype, within, roles):
    """Add an entry to your own knowledge-base file ($KHABAR_KB_DIR/user.toml)."""
    from khabar.entities.kb import add_entry

    parsed = []
    for text in roles:
        parts = text.split(":")
        parsed.append(dict(zip(("role", "of", "from", "to"), parts)))
    data = {
        "kb_id": kb_id,
        "label": label,
        "type": kind,
        "subtype": subtype,
        "name_en": name_en,
        "name_ar": name_ar,
        "aliases_ar": list(aliases),
        "in": within,
        "roles": parsed,
    }
    try:
        path = add_entry(data)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"added {kb_id} to {path}")


@kb_group.command("export")
@click.option("--label", type=click.Choice(["PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"]), default=None)
def kb_export(label):
    """Every entry as JSON Lines (built-in and your own), CLDR names filled in."""
    from khabar.entities.kb import knowledge_base

    for entry in knowledge_base().entries:
        if label is None or entry.label == label:
            click.echo(json.dumps(entry.to_json(), ensure_ascii=False))


@main.group("entities")
def entities_group() -> None:
    """The corpus alias registry: identities across articles, with hand merges and splits."""


@entities_group.command("registry")
@click.argument("jsonl", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@STORE_OPTION
def entities_registry(jsonl, db):
    """Add the entities of analysed articles (khabar analyze --jsonl) to the registry."""
    from khabar.entities.registry import Registry, read_jsonl

    registry = Registry(db)
    n = registry.add_articles(read_jsonl(jsonl))
    registry.close()
    click.echo(f"{n} articles added to {db}")


@entities_group.command("top")
@STORE_OPTION
@click.option(
    "-n", "--count", "count", type=click.IntRange(min=1), default=50, show_default=True, help="How many identities."
)
@click.option("--label", default=None)
@click.option("--json", "as_json", is_flag=True)
def entities_top(db, count, label, as_json):
    """The most mentioned identities and their aliases."""
    from khabar.entities.registry import Registry

    rows = Registry(db).top(count, label)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{row['mentions']:6} {row['label']:6} {row['kb_id'] or '':12} {row['name_en'] or row['name_ar']}: "
                + "، ".join(row["aliases"][:12])
            )


@entities_group.command("merges")
@STORE_OPTION
@click.option(
    "-n", "--count", "count", type=click.IntRange(min=1), default=100, show_default=True, help="How many pairs."
)
@click.option("--seed", type=int, default=7, show_default=True)
def entities_merges(db, count, seed):
    """Random pairs of different spellings the registry counts as one identity (to check by eye)."""
    from khabar.entities.registry import Registry

    for key, a, b in Registry(db).sample_merges(count, seed):
        click.echo(f"{key:24} {a}  =  {b}")


@entities_group.command("merge")
@click.argument("alias")
@click.argument("target")
@STORE_OPTION
def entities_merge(alias, target, db):
    """Count ALIAS as the identity of TARGET (an alias or identity key) from now on."""
    from khabar.entities.registry import Registry

    registry = Registry(db)
    try:
        key = registry.merge(alias, target)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{alias} -> {key}")


@entities_group.command("split")
@click.argument("alias")
@STORE_OPTION
def entities_split(alias, db):
    """Give ALIAS an identity of its own."""
    from khabar.entities.registry import Registry

    registry = Registry(db)
    try:
        key = registry.split(alias)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{alias} -> {key}")


PAGE_OPTIONS = (
    click.option("--page", type=click.IntRange(1, 100_000), default=1, show_default=True),
    click.option("--per-page", type=click.IntRange(1, 100), default=20, show_default=True),
    QUIET_OPTION,
)


def _paged(func):
    for option in reversed(PAGE_OPTIONS):
        func = option(func)
    return func


def _open_store(db: str, readonly: bool = True):
    from khabar.store import Store

    try:
        return Store(db, readonly=readonly)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None


def _query(db: str, method: str, *args, **kwargs):
    """`Store(db).method(*args, **kwargs)`, a coded error (E809 for a too long query) as a clean CLI error."""
    try:
        return getattr(_open_store(db), method)(*args, **kwargs)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None


def _print_page(page: dict, as_json: bool, quiet: bool, line) -> None:
    """A page of results as JSON Lines, or one line each and a count (on stderr, unless quiet)."""
    for item in page["items"]:
        click.echo(json.dumps(item, ensure_ascii=False) if as_json else line(item))
    if not (as_json or quiet):
        click.echo(f"— {page['total']} in all, page {page['page']} of {page['pages']}", err=True)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@STORE_OPTION
@N_PROCESS_OPTION
@NER_OPTION
@DATE_OPTION
@MAX_BYTES_OPTION
@click.option("--force", is_flag=True, help="Analyse and store again articles already stored unchanged.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@ENCODING_OPTION
def ingest_command(paths, db, n_process, published, max_bytes, force, quiet, encoding):
    """Analyse articles (or load `khabar analyze --jsonl` output) into the store DB; rerun to resume.

    An article stored before is analysed again only when its text or metadata changed, or khabar or its
    NER model did (or with --force). Of several articles with one id, the first read is kept."""
    from khabar.store import ingest

    store = _open_store(db, readonly=False)
    err = Console(stderr=True, soft_wrap=True)
    progress = Progress(
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s · {task.fields[new]} stored"),
        console=err,
        transient=True,
        disable=quiet,
    )
    with progress:
        task = progress.add_task("ingest", total=None, rate=0.0, new=0)

        def tick(summary):
            done = summary.stored + summary.unchanged
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, completed=done, rate=done / elapsed, new=summary.stored)

        summary = ingest(
            store,
            paths,
            workers=n_process,
            on_article=tick,
            max_bytes=max_bytes,
            published=published,
            force=force,
            encoding=encoding,
        )
    store.close()
    if summary.failures:
        err.print(failure_lines(summary.failures))
    err.print(
        f"[bold]{summary.added}[/] added, [bold]{summary.updated}[/] updated, [bold]{summary.unchanged}[/] "
        f"unchanged, [bold]{len(summary.failures)}[/] inputs skipped, "
        f"[bold]{summary.stage_errors}[/] with "
        f"stage errors; store {db}"
    )
    if not summary.ok:
        sys.exit(1)


@main.command("search")
@click.argument("query", required=False, default="")
@STORE_OPTION
@click.option("--source", help="Only this outlet.")
@click.option("--from", "date_from", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--entity", help="Only articles mentioning this entity (id or any spelling).")
@_paged
@click.option("--json", "as_json", is_flag=True, help="JSON Lines (snippets as HTML with <mark>).")
def search_command(query, db, source, date_from, date_to, entity, page, per_page, quiet, as_json):
    """Full-text search: folded spellings, proclitics (روسيا finds وروسيا) and entity aliases."""
    import re

    result = _query(db, "search", query, source, date_from, date_to, entity, page, per_page)
    _print_page(
        result,
        as_json,
        quiet,
        lambda a: (
            f"{a['id']}  {a['published'] or '':10}  {a['source'] or '':14}  "
            f"{a['title']}\n    " + re.sub(r"</?mark>", "*", a["snippet"])
        ),
    )


@entities_group.command("list")
@click.argument("name", required=False)
@STORE_OPTION
@click.option("--label", default=None)
@_paged
@click.option("--json", "as_json", is_flag=True)
def entities_list(name, db, label, page, per_page, quiet, as_json):
    """Identities in the store (with a name containing NAME, in any spelling), most mentioned first."""
    result = _query(db, "entities", name, label, page, per_page)
    _print_page(
        result,
        as_json,
        quiet,
        lambda e: f"{e['mentions']:6} {e['label']:6} {e['key']:28} {e['name_ar']} {e['name_en'] or ''}",
    )


@main.command("quotes")
@STORE_OPTION
@click.option("--speaker", help="Entity id or any spelling of the speaker's name.")
@click.option("--query", "q", help="Words of the quote.")
@_paged
@click.option("--json", "as_json", is_flag=True)
def quotes_command(db, speaker, q, page, per_page, quiet, as_json):
    """Who said what, newest first."""

    def line(item):
        who = (item["speaker"] or {}).get("name_ar") or item["speaker_text"] or "?"
        return f"{item['day'] or '':10} {who}: «{item['text']}»"

    _print_page(_query(db, "quotes", speaker, q, page, per_page), as_json, quiet, line)


@main.command("events")
@STORE_OPTION
@click.option("--type", "kind", help="Event type, CAMEO code prefix or PLOVER category.")
@click.option("--actor", help="Source or target: entity id, any spelling, or actor code.")
@click.option("--from", "date_from", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", callback=_check_date, metavar="YYYY-MM-DD")
@_paged
@click.option("--json", "as_json", is_flag=True)
def events_command(db, kind, actor, date_from, date_to, page, per_page, quiet, as_json):
    """Events, newest first."""

    def line(e):
        side = lambda name: (e[name] or {}).get("name_ar") or e[f"{name}_code"] or "-"  # noqa: E731
        return (
            f"{e['day'] or '':10} {e['type']:14} {e['cameo'] or '':5} {side('source')} → {side('target')}: "
            f"{e['trigger_text'] or ''}"
        )

    result = _query(db, "events", kind, actor, date_from, date_to, page, per_page)
    result.pop("timeline")
    _print_page(result, as_json, quiet, line)


@main.group("stories")
def stories_group() -> None:
    """Stories: the same news across outlets and days, grouped (made on ingest)."""


@stories_group.command("list")
@STORE_OPTION
@click.option("--query", "q", help="Only stories with an article matching these words.")
@click.option("--source", help="Only stories this outlet carried.")
@click.option("--from", "date_from", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--min-articles", type=click.IntRange(1), default=2, show_default=True)
@click.option("--sort", type=click.Choice(["size", "recent"]), default="size", show_default=True)
@_paged
@click.option("--json", "as_json", is_flag=True)
def stories_list(db, q, source, date_from, date_to, min_articles, sort, page, per_page, quiet, as_json):
    """Stories, most outlets first (--sort recent: newest first)."""

    def line(s):
        outlets = ", ".join(f"{o['source'] or '?'} {o['articles']}" for o in s["outlet_counts"])
        return (
            f"{s['id']}  {s['first_day'] or '':10}→{s['last_day'] or '':10} {s['articles']:3} articles, "
            f"{s['outlets']:2} outlets  {s['label']}\n    {outlets}"
        )

    filters = dict(q=q, source=source, date_from=date_from, date_to=date_to, min_articles=min_articles, sort=sort)
    result = _query(db, "stories", **filters, page=page, per_page=per_page)
    _print_page(result, as_json, quiet, line)


@stories_group.command("show")
@click.argument("story_id")
@STORE_OPTION
@click.option("--json", "as_json", is_flag=True)
def stories_show(story_id, db, as_json):
    """One story: its articles by day, outlets, entities, and its quotes and events merged across copies."""
    story = _query(db, "story", story_id)
    if story is None:
        raise click.ClickException(str(KhabarError(Errors.E803, what=f"story {story_id}", detail="story")))
    if as_json:
        click.echo(json.dumps(story, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{story['label']}\n{story['articles']} articles from {story['outlets']} outlets, "
        f"{story['first_day'] or '?'} → {story['last_day'] or '?'}; "
        f"first: {story['first_source'] or '?'} ({story['first_article']})"
    )
    for a in story["articles_list"]:
        copy = f"  ≈ copy of {a['duplicate_of']} ({a['duplicate_share']:.0%})" if a["duplicate_of"] else ""
        click.echo(f"  {a['day'] or '':10} {a['source'] or '':12} {a['id']}  {a['title'] or ''}{copy}")
    if story["entities"]:
        click.echo(
            "entities: " + ", ".join(f"{e.get('name_ar') or e['key']} ({e['articles']})" for e in story["entities"])
        )
    for q in story["merged_quotes"][:10]:
        who = (q["speaker"] or {}).get("name_ar") or q["speaker_text"] or "?"
        click.echo(f"  quote ×{q['count']} [{', '.join(q['reported_by'])}] {who}: «{q['text']}»")
    for e in story["merged_events"][:10]:
        side = lambda x: (x or {}).get("name_ar") or "-"  # noqa: E731
        click.echo(
            f"  event ×{e['count']} [{', '.join(e['reported_by'])}] {e['type']}: "
            f"{side(e['source'])} → {side(e['target'])} ({e['trigger_text']})"
        )


@stories_group.command("build")
@STORE_OPTION
@QUIET_OPTION
def stories_build(db, quiet):
    """Give every stored article without a story its story (a store made before stories existed); ingest
    does this for the articles it stores."""
    from khabar.stories.index import StoryIndex

    store = _open_store(db, readonly=False)
    done = StoryIndex(store).assign_pending()
    if not quiet:
        click.echo(f"{done} articles assigned; {store.count('stories')} stories in {db}", err=True)
    store.close()


@export_group.command("table")
@STORE_OPTION
@click.option("--table", default="articles", show_default=True, type=click.Choice(EXPORT_TABLES))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option(
    "-o",
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Output file.",
)
@QUIET_OPTION
def export_command(db, table, fmt, out_path, quiet):
    """A table of the store as JSONL (articles: the full analysed JSON), CSV or Parquet (needs pyarrow)."""
    from khabar.store.export import export

    try:
        n = export(_open_store(db), table, fmt, out_path)
    except KhabarError as exc:
        raise click.ClickException(str(exc)) from None
    if out_path != "-" and not quiet:
        click.echo(f"{n} rows of {table} written to {out_path}", err=True)


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@main.command("serve")
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--token",
    envvar="KHABAR_TOKEN",
    help="Bearer token every request must carry (env KHABAR_TOKEN); required for a non-local --host.",
)
@QUIET_OPTION
def serve_command(db, host, port, token, quiet):
    """The web pages and JSON API over the store DB (docs at /docs)."""
    import uvicorn

    from khabar.web import create_app

    if host not in LOCAL_HOSTS and not token:
        raise click.UsageError(str(KhabarError(Errors.E807, what=f"--host {host}")))
    _open_store(db).close()
    if not quiet:
        click.echo(f"khabar: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/", err=True)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
