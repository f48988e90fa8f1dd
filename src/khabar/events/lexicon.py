"""The trigger lexicon and frames of the events stage (`data/triggers.toml`, `data/frames.toml`).

Every surface form a trigger can take in running text — with و/ف, the future سـ, ال/بـ/لـ/لل on
nouns, a pronoun suffix (زيارته، استقبله) — is generated once into one dictionary, so reading a
word costs one lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from khabar.text.tables import load_toml
from khabar.text.words import fold

PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "كم", "نا")
CONJUNCTIONS = ("", "و", "ف")
NOUN_PREFIXES = ("", "ال", "بال", "لل", "ل", "ب", "كال")


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: str
    plover: str
    target: tuple[str, ...]
    place: tuple[str, ...]
    needs_next: tuple[str, ...]
    not_next: tuple[str, ...]
    symmetric: bool
    requires_actor: bool
    source_prep: tuple[str, ...]  # a preposition that introduces the source (تلقى اتصالا من …)
    place_target: bool            # a place object is also the target (زار الصين)
    construct_target: bool        # the name after the noun is its target (اعتقال خالد)
    passes_subject: bool          # its subject is the subject of a noun trigger after it (أعلن إقامة علاقات)


@dataclass(frozen=True)
class Form:
    """One surface form of a trigger: its type, word class (verb, noun, phrase), tense for verbs
    (past, present, future), the second word of a two-word trigger, and the prefix length to skip."""
    type: str
    kind: str
    tense: str = ""
    next_word: str = ""
    skip: int = 0


@dataclass
class Lexicon:
    types: dict[str, EventType]
    forms: dict[str, list[Form]] = field(default_factory=dict)
    frames: dict = field(default_factory=dict)

    def add(self, surface: str, form: Form) -> None:
        bucket = self.forms.setdefault(surface, [])
        if form not in bucket:
            bucket.append(form)


def past_forms(verb: str) -> list[str]:
    """The past forms of a 3rd person masculine past verb (he, she, they two, they)."""
    v = fold(verb)
    if v.endswith("ي") or v.endswith("ا"):
        stem = v[:-1]
        return [v, stem + "ت", stem + "يا", stem + "وا", stem + "تا"]
    return [v, v + "ت", v + "ا", v + "تا", v + "وا"]


def present_forms(verb: str) -> list[str]:
    """The present forms of a 3rd person masculine present verb (he, she, we, they two, they)."""
    v = fold(verb)
    rest = v[1:]
    forms = [v, "ت" + rest, "ن" + rest, v + "ان", "ت" + rest + "ان", v + "ون"]
    if v.endswith("ي") or v.endswith("و"):
        forms += [v[:-1] + "ون"]
    return forms


def noun_forms(noun: str) -> list[tuple[str, int]]:
    """(surface, prefix length) of a noun with ال/بـ/لـ/لل and a pronoun suffix."""
    n = fold(noun)
    out = []
    for prefix in NOUN_PREFIXES:
        if prefix and (n.startswith("ال") or " " in n):
            continue
        for pronoun in PRONOUNS:
            if pronoun and (n.endswith("ا") or " " in n):
                continue
            stem = n[:-1] + "ت" if pronoun and n.endswith("ه") else n
            out.append((prefix + stem + pronoun, len(prefix)))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_toml("khabar.events", "data/triggers.toml")
    frames = load_toml("khabar.events", "data/frames.toml")
    types = {}
    lex = Lexicon(types=types, frames=frames)
    for name, spec in raw["types"].items():
        types[name] = EventType(name, spec["cameo"], spec["plover"], tuple(fold(p) if p != "obj" else p for p in spec.get("target", [])),
                                tuple(fold(p) if p != "obj" else p for p in spec.get("place", [])),
                                tuple(fold(w) for w in spec.get("needs_next", [])),
                                tuple(fold(w) for w in spec.get("not_next", [])), spec.get("symmetric", False),
                                spec.get("requires_actor", True), tuple(fold(p) for p in spec.get("source_prep", [])),
                                spec.get("place_target", False), spec.get("construct_target", False),
                                spec.get("passes_subject", False))
        words: list[tuple[str, Form]] = []
        for verb in spec.get("past", []):
            words += [(f, Form(name, "verb", "past")) for f in past_forms(verb)]
        for verb in spec.get("present", []):
            words += [(f, Form(name, "verb", "present")) for f in present_forms(verb)]
            words += [("س" + f, Form(name, "verb", "future", skip=1)) for f in present_forms(verb)]
        for form in spec.get("forms", []):
            f = fold(form)
            tense = "present" if f[:1] in "يتن" else "past"
            words.append((f, Form(name, "verb", tense)))
            if tense == "present":
                words.append(("س" + f, Form(name, "verb", "future", skip=1)))
        for noun in spec.get("nouns", []) + [p for p in spec.get("phrases", [])]:
            first, _, second = fold(noun).partition(" ")
            kind = "noun" if noun in spec.get("nouns", []) else "phrase"
            for f, skip in (noun_forms(first) if kind == "noun" else [(first, 0)]):
                words.append((f, Form(name, kind, next_word=second, skip=skip)))
        for surface, form in words:
            for pronoun in PRONOUNS if form.kind == "verb" else ("",):
                for conj in CONJUNCTIONS:
                    lex.add(conj + surface + pronoun, Form(form.type, form.kind, form.tense, form.next_word, form.skip + len(conj)))
    return lex


def folded(words) -> tuple[str, ...]:
    """Words in the normalisation view, longest first (for prefix tests)."""
    return tuple(sorted({fold(w) for w in words}, key=len, reverse=True))
