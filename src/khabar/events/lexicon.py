"""The trigger lexicon and frames of the events stage (`data/triggers.toml`, `data/frames.toml`).

Every surface form a trigger can take in running text — with و/ف, the future سـ, ال/بـ/لـ/لل on
nouns, a pronoun suffix (زيارته، استقبله) — is generated once into one dictionary, so reading a
word costs one lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from khabar.text.tables import load_toml
from khabar.text.words import conjunctions, fold


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: str
    plover: str
    target: tuple[str, ...]
    place: tuple[str, ...]
    needs_next: tuple[str, ...]
    not_next: tuple[str, ...]
    not_after: tuple[str, ...]  # a word right before the trigger that makes it none (رفع العقوبات، وقف إطلاق النار)
    symmetric: bool
    requires_actor: bool
    source_prep: tuple[str, ...]  # a preposition that introduces the source (تلقى اتصالا من …)
    place_target: bool  # a place object is also the target (زار الصين)
    construct_target: bool  # the name after the noun is its target (اعتقال خالد)
    passes_subject: bool  # its subject is the subject of a noun trigger after it (أعلن إقامة علاقات)
    quantity_sense: bool  # a number after it (and إلى) makes it a figure reached (تصل إلى 500): no event


@dataclass(frozen=True)
class Form:
    """One surface form of a trigger: its type, word class (verb, noun, phrase), tense for verbs
    (past, present, future), the second word of a two-word trigger, and the prefix length to skip."""

    type: str
    kind: str
    tense: str = ""
    next_word: str = ""
    skip: int = 0
    free: bool = False  # needs none of its type's `needs_next` words (طالب of an appeal, unlike دعا)
    plural: bool = False  # a dual or plural verb (أعدموا، يلتقيان): its subject is a pronoun or stands before it
    needs_target: bool = False  # no event without a target (استقبل المهنئين is a reception, no visit hosted)


@dataclass
class Lexicon:
    types: dict[str, EventType]
    forms: dict[str, list[Form]] = field(default_factory=dict)
    frames: dict = field(default_factory=dict)

    def add(self, surface: str, form: Form) -> None:
        bucket = self.forms.setdefault(surface, [])
        if form not in bucket:
            bucket.append(form)


@dataclass(frozen=True)
class Morphology:
    """The affixes trigger forms are generated with (`data/triggers.toml` [morphology], folded)."""

    pronouns: tuple[str, ...]  # "" first: no suffix
    conjunctions: tuple[str, ...]  # "" first: no conjunction
    noun_prefixes: tuple[str, ...]  # "" first: no prefix
    article: str
    future: str
    present_prefixes: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    weak_endings: tuple[str, ...]
    weak_past_suffixes: tuple[str, ...]
    present_she: str
    present_we: str
    dual: str
    plural: str
    weak_present_endings: tuple[str, ...]
    hamza_seat: tuple[str, str]  # a final hamza written on its seat before a pronoun (لقاء → لقائه)
    ta_marbuta: str
    open_ta: str
    tanween_alef: str
    plural_endings: tuple[str, ...]  # of written-out forms that are dual or plural (التقوا، يلتقيان)


@lru_cache(maxsize=1)
def morphology() -> Morphology:
    raw = load_toml("khabar.events", "data/triggers.toml")["morphology"]
    words = {k: tuple(fold(w) for w in v) if isinstance(v, list) else fold(v) for k, v in raw.items()}
    return Morphology(
        pronouns=("",) + words.pop("pronouns"),
        noun_prefixes=("",) + words.pop("noun_prefixes"),
        conjunctions=("",) + conjunctions(),
        **words,
    )


def plural(form: str, verb: str) -> bool:
    """Whether a generated verb form has a pronoun subject of its own: dual, plural or we (زاروا، يزوران،
    نزور from زار، يزور), not the he- or she-form (زارت، تزور) that a subject after it may follow."""
    m, v = morphology(), fold(verb)
    she = (v + m.open_ta, v[:-1] + m.open_ta, m.present_she + v[1:])
    return form != v and form not in she


def with_future(surface: str, form: Form, future: str) -> list[tuple[str, Form]]:
    """A verb form, and for a present one its future with سـ."""
    if form.tense != "present":
        return [(surface, form)]
    return [(surface, form), (future + surface, replace(form, tense="future", skip=len(future)))]


def past_forms(verb: str) -> list[str]:
    """The past forms of a 3rd person masculine past verb (he, she, they two, they)."""
    m, v = morphology(), fold(verb)
    if v.endswith(m.weak_endings):
        return [v] + [v[:-1] + suffix for suffix in m.weak_past_suffixes]
    return [v] + [v + suffix for suffix in m.past_suffixes]


def present_forms(verb: str) -> list[str]:
    """The present forms of a 3rd person masculine present verb (he, she, we, they two, she two, they)."""
    m, v = morphology(), fold(verb)
    rest = v[1:]
    forms = [v, m.present_she + rest, m.present_we + rest, v + m.dual, m.present_she + rest + m.dual, v + m.plural]
    if v.endswith(m.weak_present_endings):
        forms += [v[:-1] + m.plural]
    return forms


def noun_forms(noun: str) -> list[tuple[str, int]]:
    """(surface, prefix length) of a noun with ال/بـ/لـ/لل and a pronoun suffix."""
    m, n = morphology(), fold(noun)
    out = []
    for prefix in m.noun_prefixes:
        if prefix and (n.startswith(m.article) or " " in n):
            continue
        for pronoun in m.pronouns:
            if pronoun and (n.endswith(m.tanween_alef) or " " in n):
                continue
            stem = n[:-1] + m.open_ta if pronoun and n.endswith(m.ta_marbuta) else n
            seat, hamza = m.hamza_seat
            stem = stem[:-1] + seat if pronoun and stem.endswith(hamza) else stem  # لقاء → لقائه
            out.append((prefix + stem + pronoun, len(prefix)))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_toml("khabar.events", "data/triggers.toml")
    frames = load_toml("khabar.events", "data/frames.toml")
    types = {}
    lex = Lexicon(types=types, frames=frames)
    morph = morphology()
    future = morph.future
    for name, spec in raw["types"].items():
        types[name] = EventType(
            name,
            spec["cameo"],
            spec["plover"],
            tuple(fold(p) if p != "obj" else p for p in spec.get("target", [])),
            tuple(fold(p) if p != "obj" else p for p in spec.get("place", [])),
            tuple(fold(w) for w in spec.get("needs_next", [])),
            tuple(fold(w) for w in spec.get("not_next", [])),
            tuple(fold(w) for w in spec.get("not_after", [])),
            spec.get("symmetric", False),
            spec.get("requires_actor", True),
            tuple(fold(p) for p in spec.get("source_prep", [])),
            spec.get("place_target", False),
            spec.get("construct_target", False),
            spec.get("passes_subject", False),
            spec.get("quantity_sense", False),
        )
        words: list[tuple[str, Form]] = []
        free = set(spec.get("free", []))
        targeted = set(spec.get("needs_target", []))
        verbs = [(verb, f, "past", plural(f, verb)) for verb in spec.get("past", []) for f in past_forms(verb)]
        verbs += [
            (verb, f, "present", plural(f, verb)) for verb in spec.get("present", []) for f in present_forms(verb)
        ]
        for form in spec.get("forms", []):
            f = fold(form)
            tense = "present" if f.startswith(morph.present_prefixes) else "past"
            verbs.append((form, f, tense, f.endswith(morph.plural_endings)))
        for entry, f, tense, many in verbs:
            made = Form(name, "verb", tense, free=entry in free, needs_target=entry in targeted, plural=many)
            words += with_future(f, made, future)
        phrases = [p for p in spec.get("phrases", []) if p not in spec.get("nouns", [])]
        for kind, entries in (("phrase", phrases), ("noun", spec.get("nouns", []))):  # a phrase before its noun
            for entry in entries:
                first, _, second = fold(entry).partition(" ")
                for f, skip in noun_forms(first) if kind == "noun" else [(first, 0)]:
                    words.append(
                        (
                            f,
                            Form(
                                name,
                                kind,
                                next_word=second,
                                skip=skip,
                                free=entry in free,
                                needs_target=entry in targeted,
                            ),
                        )
                    )
        for surface, form in words:
            for pronoun in morph.pronouns if form.kind == "verb" else ("",):
                for conj in morph.conjunctions:
                    lex.add(
                        conj + surface + pronoun,
                        replace(form, skip=form.skip + len(conj)),
                    )
    return lex


def folded(words) -> tuple[str, ...]:
    """Words in the normalisation view, longest first (for prefix tests)."""
    return tuple(sorted({fold(w) for w in words}, key=len, reverse=True))
