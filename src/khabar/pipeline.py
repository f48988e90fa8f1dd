"""Stage registry and the pipeline that runs stages over articles.

A stage is a plain function `Article -> Article` registered under a name with the annotation
layers it `requires` and `assigns`; it changes the article it is given and returns it (or None).
Building a `Pipeline` checks that every requirement is assigned by an earlier stage.
`Pipeline.pipe()` streams articles; an exception inside a stage is recorded on that article's
`errors` and the stream goes on.

Layer names are checked against the `Article` model when a stage registers. A stage's `setup`
(loading its tables and models) runs when a pipeline is built, so a broken table stops the build
with a coded error instead of failing on every article. While a stage runs, the layers it neither
requires nor assigns are hidden: reading or replacing one is an error (E207). `strict=True` also
fingerprints the layers a stage only requires and fails when it changed them in place.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from khabar.document import GROUPS, Article
from khabar.errors import Errors, KhabarError
from khabar.text.modelfiles import THREADS_ENV

StageFunc = Callable[[Article], Article]


@dataclass(frozen=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    setup: Callable[[], object] | None = None

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0] if self.func.__doc__ else ""


REGISTRY: dict[str, StageInfo] = {}

# Modules whose import registers the built-in stages.
BUILTIN_MODULES = (
    "khabar.layout",
    "khabar.text.sentences",
    "khabar.text.tokens",
    "khabar.ner.stage",
    "khabar.timex.stage",
    "khabar.entities.stage",
    "khabar.quotes.stage",
    "khabar.events.stage",
)

DEFAULT_STAGES = ("layout", "sentences", "tokens", "ner", "timex", "entities", "quotes", "events")


# The annotation layers a stage may require or assign (`errors` belongs to the pipeline).
LAYERS = tuple(g for g in GROUPS if g != "errors")


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), setup: Callable[[], object] | None = None
):
    """Register `func` as the stage `name` (a decorator, like spaCy's `Language.component`).

    `requires` and `assigns` name `Article` layers; `setup` loads the stage's shared tables and is
    called when a pipeline using the stage is built.
    """
    requires, assigns = tuple(requires), tuple(assigns)
    unknown = [n for n in (*requires, *assigns) if n not in LAYERS]
    if unknown:
        raise KhabarError(
            Errors.E206, what=f"stage {name!r}", detail=", ".join(map(repr, unknown)), known=", ".join(LAYERS)
        )

    def register(func: StageFunc) -> StageFunc:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise KhabarError(Errors.E204, what="stage registry", detail=name)
        REGISTRY[name] = StageInfo(name, func, requires, assigns, setup)
        return func

    return register


def load_builtin_stages() -> dict[str, StageInfo]:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    return REGISTRY


def get_stage(name: str) -> StageInfo:
    load_builtin_stages()
    if name not in REGISTRY:
        raise KhabarError(Errors.E201, what="pipeline", detail=repr(name), known=", ".join(sorted(REGISTRY)))
    return REGISTRY[name]


class _Hidden:
    """Stands in for a layer a running stage did not declare; any use of it is an error."""

    __slots__ = ("layer", "stage")

    def __init__(self, layer: str, stage_name: str) -> None:
        self.layer, self.stage = layer, stage_name

    def _refuse(self, *_args, **_kwargs):
        raise KhabarError(Errors.E207, what=f"stage {self.stage!r}", detail=repr(self.layer))

    __iter__ = __len__ = __getitem__ = __setitem__ = __delitem__ = __contains__ = __bool__ = _refuse
    __eq__ = __add__ = __radd__ = __iadd__ = __reversed__ = __getattr__ = _refuse
    __hash__ = None


def _fingerprint(article: Article, layer: str) -> tuple[int, str]:
    items = getattr(article, layer)
    return id(items), repr([a.to_dict() for a in items])


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: Iterable[str] = DEFAULT_STAGES, *, strict: bool = False) -> None:
        self.stage_names = tuple(stages)
        self.stages = [get_stage(n) for n in self.stage_names]
        self.strict = strict
        self._check_order()
        self._setup()

    def _setup(self) -> None:
        """Load every stage's tables and models now, so that a broken one stops the build."""
        for info in self.stages:
            if info.setup is None:
                continue
            try:
                info.setup()
            except KhabarError:
                raise
            except Exception as exc:  # a table that parses but cannot be used
                raise KhabarError(
                    Errors.E208, what=f"stage {info.name!r}", detail=f"{type(exc).__name__}: {exc}"
                ) from exc

    def _check_order(self) -> None:
        assigned: set[str] = set()
        for info in self.stages:
            missing = [r for r in info.requires if r not in assigned]
            if missing:
                providers = sorted({s.name for s in REGISTRY.values() if set(missing) & set(s.assigns)})
                raise KhabarError(
                    Errors.E202,
                    what="pipeline",
                    detail=repr(info.name),
                    requires=", ".join(missing),
                    suggest=" or ".join(repr(p) for p in providers) or "a stage that assigns it",
                )
            assigned.update(info.assigns)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.stage_names)!r})"

    def _stage_modules(self) -> tuple[str, ...]:
        """Modules a worker imports so that stages registered outside khabar exist there too."""
        return tuple(sorted({info.func.__module__ for info in self.stages} - set(BUILTIN_MODULES)))

    def __call__(self, article: Article) -> Article:
        failed: set[str] = set()
        for info in self.stages:
            blocked = [r for r in info.requires if r in failed]
            if blocked:
                article.add_error(info.name, Errors.E203, f"skipped: needs {', '.join(blocked)} from a failed stage")
                failed.update(info.assigns)
                continue
            try:
                article = self._run_stage(info, article)
                article.stages.append(info.name)
            except Exception as exc:  # noqa: BLE001 - one stage failing must not lose the article
                message = KhabarError(
                    Errors.E203,
                    what=article.origin or article.id,
                    detail=repr(info.name),
                    reason=f"{type(exc).__name__}: {exc}",
                ).message
                article.add_error(info.name, Errors.E203, message)
                article.meta.setdefault("tracebacks", {})[info.name] = traceback.format_exc(limit=5)
                failed.update(info.assigns)
        return article

    def _run_stage(self, info: StageInfo, article: Article) -> Article:
        """Run one stage with the layers it did not declare hidden (and, strictly, the ones it reads checked)."""
        hidden = {
            layer: getattr(article, layer)
            for layer in LAYERS
            if layer not in info.requires and layer not in info.assigns
        }
        read_only = [layer for layer in info.requires if layer not in info.assigns] if self.strict else []
        before = {layer: _fingerprint(article, layer) for layer in read_only}
        for layer in hidden:
            setattr(article, layer, _Hidden(layer, info.name))
        try:
            result = info.func(article)
        finally:
            replaced = [layer for layer in hidden if not isinstance(getattr(article, layer), _Hidden)]
            for layer, items in hidden.items():
                setattr(article, layer, items)
        if replaced:
            raise KhabarError(Errors.E207, what=f"stage {info.name!r}", detail=", ".join(map(repr, replaced)))
        changed = [layer for layer in read_only if _fingerprint(article, layer) != before[layer]]
        if changed:
            raise KhabarError(Errors.E207, what=f"stage {info.name!r}", detail=", ".join(map(repr, changed)))
        if result is not None and result is not article:
            raise KhabarError(Errors.E209, what=f"stage {info.name!r}", detail=f"{type(result).__name__} object")
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1) -> Iterator[Article]:
        """Stream articles through the stages, in input order, `batch_size` at a time.

        With `n_process > 1` batches go to a process pool; each worker builds its own pipeline.
        """
        if n_process <= 1:
            for article in articles:
                yield self(article)
            return
        # workers come from a fresh server process, not forked from this one: a fork copies locks that
        # other threads (ONNX Runtime, a web server, a browser driver) may hold, and can hang a worker
        ctx = multiprocessing.get_context(
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        # Unpickling results creates many small objects; the default gen-0 threshold would run the
        # cycle collector thousands of times per batch, so it is raised while streaming.
        thresholds = gc.get_threshold()
        gc.set_threshold(max(thresholds[0], 50_000), *thresholds[1:])
        try:
            yield from self._pipe_parallel(ctx, articles, batch_size, n_process)
        finally:
            gc.set_threshold(*thresholds)

    def _pipe_parallel(self, ctx, articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Article]:
        # an executor, unlike multiprocessing.Pool, raises BrokenProcessPool when a worker dies instead of
        # waiting for its lost batch forever
        with ProcessPoolExecutor(
            n_process,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.stage_names, self._stage_modules(), _model_settings(n_process)),
        ) as pool:
            it = iter(articles)
            window: list = []
            while True:
                batch = list(islice(it, batch_size))
                if batch:
                    window.append(pool.submit(_run_batch, batch))
                if window and (not batch or len(window) > n_process):
                    yield from window.pop(0).result()
                if not batch and not window:
                    return


_WORKER: Pipeline | None = None


def _model_settings(n_process: int) -> dict[str, str]:
    """The environment that picks models (`--ner`), passed on to workers (a forkserver started earlier in this
    process would otherwise give them the environment of that time), and the NER model's threads: the
    cores shared out among the workers, so that they do not fight over them."""
    settings = {k: v for k, v in os.environ.items() if k.startswith(("KHABAR_NER", "KHABAR_EVENTS", THREADS_ENV))}
    settings.setdefault(THREADS_ENV, str(max(1, (os.cpu_count() or 1) // n_process)))
    return settings


def _init_worker(stage_names: tuple[str, ...], modules: tuple[str, ...], settings: dict[str, str]) -> None:
    global _WORKER
    os.environ.update(settings)
    for module in modules:
        importlib.import_module(module)
    _WORKER = Pipeline(stage_names)


def _run_batch(batch: list[Article]) -> list[Article]:
    assert _WORKER is not None
    return [_WORKER(a) for a in batch]
