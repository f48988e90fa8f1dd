"""The `Article` document: original text, metadata and every annotation as character-offset spans.

Offsets always index into `Article.text`, which is never modified. JSON is the public contract:
`Article.to_dict()` / `Article.from_dict()` round-trip losslessly, and every span object carries
`start`, `end` and `text` (= `text[start:end]`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from khabar.errors import Errors, KhabarError

SCHEMA_VERSION = "1.0"

BLOCK_KINDS = ("headline", "body", "caption", "byline", "dateline", "boilerplate")


@dataclass
class Span:
    """A bare character range of the article text (used for sub-parts such as a photo credit)."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=data["start"], end=data["end"], text=data.get("text", ""))


@dataclass
class Annotation:
    """Base of every annotation type: declared fields are serialised, unknown keys kept in `extra`.

    `_spans` names fields holding one `Span`, `_span_lists` fields holding a list of them; both
    are (de)serialised as span objects so their offsets can be checked against the text.
    `_when_set` names optional fields written only when set (not None, False or empty), so records
    keep the keys they have always had.
    """

    _spans: ClassVar[tuple[str, ...]] = ()
    _span_lists: ClassVar[tuple[str, ...]] = ()
    _when_set: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name in self._when_set and (value is None or value is False or value in ([], {})):
                continue  # an optional field left unset keeps its key out of the record
            if f.name in self._spans:
                value = value.to_dict() if value is not None else None
            elif f.name in self._span_lists:
                value = [s.to_dict() for s in value]
            elif isinstance(value, (list, dict)):
                value = json.loads(json.dumps(value))
            out[f.name] = value
        out.update(getattr(self, "extra", {}))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        known = {f.name for f in fields(cls)} - {"extra"}
        kwargs: dict[str, Any] = {}
        for name in known & data.keys():
            value = data[name]
            if name in cls._spans and value is not None:
                value = Span.from_dict(value)
            elif name in cls._span_lists:
                value = [Span.from_dict(v) for v in value]
            kwargs[name] = value
        obj = cls(**kwargs)
        if "extra" in {f.name for f in fields(cls)}:
            obj.extra = {k: v for k, v in data.items() if k not in known}
        return obj

    def iter_spans(self):
        """Yield (field name, Span) for every span-valued part, the object itself included."""
        if hasattr(self, "start") and hasattr(self, "end"):
            yield "", self
        for name in self._spans:
            value = getattr(self, name)
            if value is not None:
                yield name, value
        for name in self._span_lists:
            for value in getattr(self, name):
                yield name, value


@dataclass
class Block(Annotation):
    """A layout block: a line, paragraph or part of one, with its kind and recognised parts.

    `content` is the prose part of a caption (without its credit clause); `rule` names the
    layout rule that decided the kind.
    """

    _spans: ClassVar = ("credit", "author", "place", "agency", "date", "content")
    _span_lists: ClassVar = ("sources",)

    start: int
    end: int
    kind: str
    text: str = ""
    id: str = ""
    credit: Span | None = None
    author: Span | None = None
    sources: list[Span] = field(default_factory=list)
    place: Span | None = None
    agency: Span | None = None
    date: Span | None = None
    content: Span | None = None
    rule: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence(Annotation):
    start: int
    end: int
    text: str = ""
    id: str = ""
    block: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Token(Annotation):
    """A token; `proclitics` are attached clitics (و ف ب ل ك ال) and `stem` the rest of the word."""

    _spans: ClassVar = ("stem",)

    start: int
    end: int
    text: str = ""
    kind: str = "word"
    norm: str = ""
    proclitics: list[dict[str, Any]] = field(default_factory=list)
    stem: Span | None = None
    sentence: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def iter_spans(self):
        yield from super().iter_spans()
        for p in self.proclitics:
            yield "proclitics", Span(p["start"], p["end"], p["text"])

    def pack(self) -> tuple:
        """A compact tuple (texts left out) for fast pickling between processes."""
        clitics = tuple((p["start"], p["end"], p["tag"]) for p in self.proclitics)
        return (
            self.start,
            self.end,
            self.kind,
            self.norm,
            self.sentence,
            clitics,
            self.stem.start if self.stem else -1,
            self.extra or None,
        )

    @classmethod
    def unpack(cls, packed: tuple, text: str) -> Token:
        start, end, kind, norm, sentence, clitics, stem_start, extra = packed
        token = cls(
            start=start, end=end, text=text[start:end], kind=kind, norm=norm, sentence=sentence, extra=extra or {}
        )
        if clitics:
            token.proclitics = [{"start": s, "end": e, "text": text[s:e], "tag": tag} for s, e, tag in clitics]
        if stem_start >= 0:
            token.stem = Span(stem_start, end, text[stem_start:end])
        return token


@dataclass
class Mention(Annotation):
    """A name in the text; `description` marks a title standing for a person (its `role` named)."""

    _when_set: ClassVar = ("description", "role")

    start: int
    end: int
    label: str
    text: str = ""
    id: str = ""
    subtype: str | None = None
    score: float | None = None
    proclitic: str = ""
    entity: str | None = None
    description: bool = False
    role: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Entity(Annotation):
    id: str
    label: str
    name_ar: str = ""
    name_en: str = ""
    kb_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Timex(Annotation):
    start: int
    end: int
    type: str
    text: str = ""
    id: str = ""
    value: str | None = None
    mod: str | None = None
    anchor: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote(Annotation):
    """Reported words with their speaker (an entity id, else `speaker_text`: the words standing for
    them), addressee and the outlets relaying them (`reported_by`, or `reported_by_text` when
    unnamed); `negated` quotes report a denial (نفى أن …); `continues` is the id of the quote these
    words go on from when the speaker's attribution splits one quotation (`«…»، قال X، «…»`)."""

    _spans: ClassVar = ("cue",)
    _when_set: ClassVar = ("negated", "speaker_text", "reported_by_text", "continues")

    start: int
    end: int
    kind: str
    text: str = ""
    id: str = ""
    speaker: str | None = None
    cue: Span | None = None
    addressee: str | None = None
    reported_by: list[str] = field(default_factory=list)
    sentence: str | None = None
    negated: bool = False
    speaker_text: str | None = None
    reported_by_text: list[str] = field(default_factory=list)
    continues: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Claim(Annotation):
    """A statement on the authority of a source (بحسب …): its entity id and the words naming it."""

    _spans: ClassVar = ("cue",)
    _when_set: ClassVar = ("source_text",)

    start: int
    end: int
    text: str = ""
    id: str = ""
    source: str | None = None
    cue: Span | None = None
    sentence: str | None = None
    source_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event(Annotation):
    """A coded event. `date` is its ISO day and `date_source` where that came from (timex, published,
    anchor, text); `since` a منذ timex id; `locations` every place of a multi-place frame; `settings`
    how talks were held; `mentions` later sentences taking the event up; `killed` and `wounded` the
    casualty counts of an assault or fight, `casualties` the words giving them."""

    _spans: ClassVar = ("trigger", "casualties")
    _when_set: ClassVar = (
        *("locations", "since", "date", "date_source", "settings", "mentions"),
        *("killed", "wounded", "casualties"),
    )

    type: str
    id: str = ""
    cameo: str | None = None
    plover: str | None = None
    trigger: Span | None = None
    actors: dict[str, Any] = field(default_factory=dict)
    location: str | None = None
    time: str | None = None
    duration: str | None = None
    modality: str | None = None
    reported_by: list[str] = field(default_factory=list)
    sentence: str | None = None
    locations: list[str] = field(default_factory=list)
    since: str | None = None
    date: str | None = None
    date_source: str | None = None
    settings: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    killed: int | None = None
    wounded: int | None = None
    casualties: Span | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class StageError(Annotation):
    """An error recorded on one article; the batch it belongs to goes on."""

    stage: str
    code: str
    message: str
    extra: dict[str, Any] = field(default_factory=dict)


GROUPS: dict[str, type[Annotation]] = {
    "blocks": Block,
    "sentences": Sentence,
    "tokens": Token,
    "mentions": Mention,
    "entities": Entity,
    "timexes": Timex,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
    "errors": StageError,
}

METADATA = ("title", "url", "source", "author", "published", "language", "cited_sources", "photo_credits")


def article_id(text: str, source: str | None = None) -> str:
    """Stable id: the first 16 hex digits of SHA-1 over source and text."""
    return hashlib.sha1(f"{source or ''}\n{text}".encode()).hexdigest()[:16]


@dataclass
class Article:
    """One news article: the original `text`, its metadata and every annotation layer."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "ar"
    cited_sources: list[Any] = field(default_factory=list)
    photo_credits: list[Any] = field(default_factory=list)
    id: str = ""
    origin: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise KhabarError(Errors.E101, what=self.origin or "article", detail=type(self.text).__name__)
        if not self.id:
            self.id = article_id(self.text, self.source or self.url)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["tokens"] = [t.pack() for t in self.tokens]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        packed = state.pop("tokens")
        self.__dict__.update(state)
        self.tokens = [Token.unpack(p, self.text) for p in packed]

    def span(self, start: int, end: int) -> Span:
        """A `Span` over `text[start:end]`."""
        return Span(start, end, self.text[start:end])

    def spans_of(self, group: str) -> list[Annotation]:
        return getattr(self, group)

    def check_offsets(self) -> list[str]:
        """Every span whose `text` differs from `text[start:end]` or lies outside the text."""
        problems = []
        n = len(self.text)
        for group in GROUPS:
            for i, ann in enumerate(getattr(self, group)):
                for name, s in ann.iter_spans():
                    where = f"{group}[{i}]{'.' + name if name else ''}"
                    if not (0 <= s.start <= s.end <= n):
                        problems.append(f"{where}: offsets {s.start}..{s.end} outside 0..{n}")
                    elif s.text != self.text[s.start : s.end]:
                        problems.append(f"{where}: text {s.text!r} != {self.text[s.start : s.end]!r}")
        return problems

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": self.id, "text": self.text}
        for key in METADATA:
            out[key] = getattr(self, key)
        out["origin"] = self.origin
        out["meta"] = self.meta
        out["stages"] = list(self.stages)
        for group in GROUPS:
            out[group] = [a.to_dict() for a in getattr(self, group)]
        return out

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise KhabarError(Errors.E102, what="article JSON", detail="missing string field 'text'")
        kwargs = {k: data[k] for k in (*METADATA, "id", "origin", "meta", "stages") if data.get(k) is not None}
        article = cls(text=data["text"], **kwargs)
        for group, kind in GROUPS.items():
            setattr(article, group, [kind.from_dict(d) for d in data.get(group, [])])
        problems = article.check_offsets()
        if problems:
            raise KhabarError(Errors.E103, what=article.id, detail="; ".join(problems[:3]))
        return article

    @classmethod
    def from_json(cls, raw: str) -> Article:
        return cls.from_dict(json.loads(raw))

    def add_error(self, stage: str, code: str, message: str) -> None:
        self.errors.append(StageError(stage=stage, code=code, message=message))

    def blocks_of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    @property
    def clean_text(self) -> str:
        """The story alone: headline and body blocks, without captions, bylines or boilerplate."""
        return "\n".join(self.text[b.start : b.end] for b in self.blocks if b.kind in ("headline", "body"))
