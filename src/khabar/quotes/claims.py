"""The claim tables (`data/claims.toml`) and the quotation-mark tables (`data/marks.toml`) of the quotes
stage, folded with the normalisation view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.text.tables import load_toml
from khabar.text.words import alternation, conjunction_pattern, fold

LETTER = r"[\p{L}\p{M}]"


@dataclass(frozen=True)
class ClaimCues:
    verbal: regex.Pattern  # حسبما أوضح، كما أعلنت: a particle and a speech verb (groups `particle`, `cue`)
    after_content: frozenset[str]
    while_particles: frozenset[str]  # فيما: a claim's cue only with a verb of reporting news
    while_verbs: frozenset[str]
    always: frozenset[str]  # نقلا عن، على حد قول: the source is a speaker whatever its words
    source_nouns: frozenset[str]
    weak_sources: frozenset[str]  # بيانات، أرقام: sources only with whose they are (بيانات الوزارة)
    back: regex.Pattern  # ورد ذلك بصحيفة …: the sentence before is the outlet's
    outlet_nouns: frozenset[str]
    openers: regex.Pattern  # فإن، لقد … before a claim's content
    source_lead: regex.Pattern  # د.، صحيفة: words before a source's name
    source_skip: regex.Pattern  # به، بذلك: words after a verbal cue before its subject
    relayed_end: regex.Pattern  # قوله، أن: after a relayed speaker's words
    unnamed_more: regex.Pattern  # في، من: an unnamed source's description goes on (مصادر في الوزارة)
    source_words: regex.Pattern  # a source's words, up to punctuation, a clause or a relative pronoun
    quantifiers: frozenset[str]  # العديد، آخر: words before a source's head noun
    trailer: regex.Pattern  # وذلك at the end of the clause before a phrase
    then: regex.Pattern  # فإن: the clause after a phrase starts after it
    ender: regex.Pattern  # وبهذا: the clause after a phrase ends before it
    inside: regex.Pattern  # إلى after a phrase between commas: the phrase sits inside a clause
    lead: regex.Pattern  # مما: where the clause holding such a phrase starts


def _words(words) -> str:
    return alternation(words, al_after_l=False, end="")


@lru_cache(maxsize=1)
def claim_cues() -> ClaimCues:
    raw = load_toml("khabar.quotes", "data/claims.toml")
    lam = _words(load_toml("khabar.quotes", "data/cues.toml")["words"]["attached"])
    conj = conjunction_pattern()
    return ClaimCues(
        verbal=regex.compile(
            rf"(?<!{LETTER}){conj}?(?P<cue>(?P<particle>{_words(raw['verbal_particles'])})\s*"
            rf"(?:{_words(raw['verbal_verbs'])})(?:{_words(raw['object_pronouns'])})?)(?!{LETTER})"
        ),
        after_content=frozenset(fold(w) for w in raw["after_content"]),
        while_particles=frozenset(fold(w) for w in raw["while_particles"]),
        while_verbs=frozenset(fold(w) for w in raw["while_verbs"]),
        always=frozenset(fold(w) for w in raw["always_sources"]),
        source_nouns=frozenset(fold(w) for w in raw["source_nouns"]),
        weak_sources=frozenset(fold(w) for w in raw["weak_sources"]),
        back=regex.compile(
            rf"\s*{conj}?(?P<cue>{_words(raw['back_verbs'])})\s+(?:{_words(raw['back_words'])})\s*"
            rf"(?:{_words(raw['back_prepositions'])})(?:\s+|(?=\p{{L}}))"
        ),
        outlet_nouns=frozenset(fold(w) for w in raw["outlet_nouns"]),
        openers=regex.compile(rf"(?:{_words(raw['content_openers'])})(?!{LETTER})\s*"),
        source_skip=regex.compile(rf"\s*(?:{_words(raw['source_skip'])})(?!{LETTER})[\s،,]*"),
        source_lead=regex.compile(rf"(?:{_words(raw['source_lead'])})(?:\s+(?:{_words(raw['source_lead'])}))*"),
        unnamed_more=regex.compile(rf"\s+(?:{_words(raw['unnamed_more'])})(?!{LETTER})"),
        source_words=regex.compile(
            rf"\s*(?:(?:{lam})\u0640?\s*)?(?P<src>[^،,.:؛!?؟\n\-–—]{{2,90}}?)\s*"
            rf"(?=[،,.:؛!?؟\-–—]|\s(?:{_words(raw['source_end'])})(?!{LETTER})|$)"
        ),
        quantifiers=frozenset(fold(w) for w in raw["source_quantifiers"]),
        trailer=regex.compile(rf"[،,]?\s*(?<!{LETTER})(?:{_words(raw['scope_trailers'])})\s*$"),
        then=regex.compile(rf"(?<!{LETTER})(?:{_words(raw['scope_then'])})(?!{LETTER})\s*"),
        ender=regex.compile(rf"\s+(?<!{LETTER})(?:{_words(raw['scope_enders'])})(?!{LETTER})"),
        inside=regex.compile(rf"\s*[،,]\s*(?:{_words(raw['scope_inside'])})(?!{LETTER})"),
        lead=regex.compile(rf"(?<!{LETTER})(?:{_words(raw['scope_leads'])})(?!{LETTER})"),
        relayed_end=regex.compile(rf"(?<!{LETTER})(?:{_words(raw['relayed_end'])})(?!{LETTER})|[،,:]"),
    )


@dataclass(frozen=True)
class MarkCues:
    title_before: regex.Pattern  # بعنوان، برنامج … right before an opening mark
    name_words: frozenset[str]  # «الخميس»: a one-word quotation that is a date or a name
    citation: regex.Pattern  # تعالى، رسول الله، المثل: a religious citation or a proverb
    god_speaks: regex.Pattern  # قال الله …، دعا الله …: God right after the verb
    prayer: regex.Pattern  # دعا الإمام الله عز وجل أن …: God as the object of a prayer verb
    prayer_verbs: frozenset[str]
    closing: dict[str, str]  # an opening mark → the marks that may close it
    opening: regex.Pattern  # any opening mark
    ends: dict[str, regex.Pattern]  # an asymmetric opening mark → its closing marks or itself again
    before_word: frozenset[str]  # » opens only before a word
    cross_paragraph: int
    label: regex.Pattern  # «الدول المارقة»، «السيلفي»: a short quotation opening with a definite word


@lru_cache(maxsize=1)
def mark_cues() -> MarkCues:
    raw = load_toml("khabar.quotes", "data/marks.toml")
    table = load_toml("khabar.quotes", "data/cues.toml")
    names, article = table["name_nouns"], fold(table["words"]["article"])
    objects, praise = _words(raw["prayer_objects"]), _words(raw["praise"])
    to, that = _words(raw["prayer_to"]), _words(raw["prayer_that"])
    clitics = "[" + "".join(fold(c) for c in raw["title_proclitics"]) + "]"
    titles = [*raw["title_words"], *names, *(fold(n).removeprefix(article) for n in names)]
    return MarkCues(
        title_before=regex.compile(
            rf"(?<!{LETTER}){clitics}?(?:{article})?(?:{_words(titles)})(?:\s*{clitics})?\s*\u0640?\s*$"
        ),
        name_words=frozenset(fold(w) for w in raw["name_words"]),
        citation=regex.compile(rf"(?<!{LETTER}){clitics}?(?:{_words(raw['citation_words'])})(?!{LETTER})"),
        closing=dict(raw["closing"]),
        opening=regex.compile("[" + regex.escape("".join(raw["closing"])) + "]"),
        ends={o: regex.compile("[" + regex.escape(c + o) + "]") for o, c in raw["closing"].items() if o not in c},
        before_word=frozenset(raw["reversed"]["open_before_word"]),
        cross_paragraph=raw["cross_paragraph"],
        god_speaks=regex.compile(rf"\s*(?:(?:{to})\s+)?(?:{objects})(?!{LETTER})"),
        prayer=regex.compile(rf"(?<!{LETTER})(?:{objects})(?:\s+(?:{praise}))?\s*(?:{that})?\s*$"),
        prayer_verbs=frozenset(fold(w) for w in raw["prayer_verbs"]),
        label=regex.compile(
            rf"\s*(?:{_words(raw['label_clitics'])})?{article}"
            rf"{LETTER}{{2,}}(?:\s+{LETTER}+){{0,{raw['label_words'] - 1}}}\s*$"
        ),
    )
