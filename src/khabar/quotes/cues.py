"""The cue tables of the quotes stage (`data/cues.toml`), folded with the normalisation view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.text.tables import load_toml
from khabar.text.words import alternation, conjunction_pattern, fold, folded


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    negated: frozenset[str]
    colon_only: frozenset[str]
    clause_only: frozenset[str]
    relay_verbs: frozenset[str]
    gap_words: frozenset[str]
    name_nouns: frozenset[str]  # nouns before a quoted name: شركة "إنتل"، عملية «عاصفة الحزم»
    addressee: regex.Pattern  # لـ / في مقابلة مع … right after the subject
    addressee_any: regex.Pattern  # the same at any word start
    addressee_end: regex.Pattern  # where an addressee's words end
    introducer: regex.Pattern  # أن / إن / بأن / إلى أن (+ pronoun), a colon, or an opening mark
    according_to: regex.Pattern
    unnamed: regex.Pattern
    relay_from: regex.Pattern  # عن before a relayed speaker
    before_verb: regex.Pattern  # the gap between a name and its verb (قد)
    after_quotation: regex.Pattern  # «…»، قال: the verb after a quotation
    next_attribution: regex.Pattern  # "…، وأضاف": a comma (and conjunction) before the next verb
    source_words: regex.Pattern  # the words of a source after an according-to phrase
    marks: dict[str, str]
    attached: tuple[str, ...]
    addressee_with: tuple[str, ...]
    article: str
    not_subject: frozenset[str]
    claim_conjunctions: frozenset[str]
    claim_conjunction_before: frozenset[str]
    plain_complementisers: frozenset[str]  # أن، إن، بأن: a clause after a long subject opens only so
    long_subject: int  # words at most between a verb and أن across a long subject
    asides: frozenset[str]  # علما بأن، خاصة أن: the narrator's aside, not a long subject's clause
    clause_words: frozenset[str]  # بحيث، عندما: another clause between a verb and أن
    apposition: frozenset[str]  # X، وهي شريكة في …: a pronoun opening an apposition, not a clause
    findings: frozenset[str]  # توصل: a clause after أن / إلى أن only
    findings_complementisers: frozenset[str]


def open_alternation(words) -> str:
    """Folded words, longest first, with nothing required after them (a name may follow: لوكالة)."""
    return alternation(words, al_after_l=False, end="")


@lru_cache(maxsize=1)
def cue_table() -> dict:
    """`data/cues.toml` as read, once (the claim, mark and evaluation tables take words from it too)."""
    return load_toml("khabar.quotes", "data/cues.toml")


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = cue_table()
    words = raw["words"]
    pronoun = rf"(?:{open_alternation(words['complementiser_pronouns'])})?"
    lam = open_alternation(words["attached"])
    conj = conjunction_pattern()
    intro = open_alternation(raw["addressee_intro"])
    opening = "[" + regex.escape("".join(raw["quote_marks"])) + "]"
    return Cues(
        verbs=folded(raw["speech_verbs"]),
        negated=folded(raw["negated"]),
        colon_only=folded(raw["colon_only"]),
        clause_only=folded(raw["clause_only"]),
        relay_verbs=folded(raw["relay_verbs"]),
        gap_words=folded(raw["gap_words"]),
        name_nouns=folded(raw["name_nouns"]),
        addressee=regex.compile(rf"\s*(?:(?:{intro})\s*|{lam}(?=[\p{{L}}«“\"])|{lam}\s*)"),
        addressee_any=regex.compile(rf"(?<![\p{{L}}])(?:(?:{intro})\s*|{lam}(?=[\p{{L}}«“\"]))"),
        addressee_end=regex.compile(rf"\s+(?:{open_alternation(words['addressee_end'])})\s+|[،,]"),
        introducer=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<comp>{open_alternation(raw['complementisers'])}){pronoun}"
            rf"(?![\p{{L}}\p{{M}}])(?!\s+(?:{open_alternation(raw['complementiser_names'])})(?![\p{{L}}\p{{M}}]))\s*"
            rf"|\s*[:：]\s*|(?P<mark>(?={opening}))"
        ),
        according_to=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}]){conj}?(?P<cue>{open_alternation(raw['according_to'])})"
            rf"(?:(?<={lam})|(?![\p{{L}}\p{{M}}]))"
        ),
        unnamed=regex.compile(
            rf"\s*(?P<src>{open_alternation(raw['unnamed_sources'])}(?:\s+(?!"
            rf"{open_alternation(words['unnamed_end'])}(?:\s|$))\p{{L}}+){{0,3}})"
        ),
        relay_from=regex.compile(rf"(?<![\p{{L}}]){open_alternation(words['relay_from'])}\s+"),
        before_verb=regex.compile(rf"\s*(?:{open_alternation(words['before_verb'])}\s*)?"),
        after_quotation=regex.compile(rf"\s*[،,]?\s*{conj}?(?P<verb>[\p{{L}}\p{{M}}]+)"),
        next_attribution=regex.compile(rf"[،,]\s*{conj}?$"),
        source_words=regex.compile(rf"\s*(?:{lam}\u0640?\s*)?(?P<src>[^،,.:؛\n]{{2,60}}?)\s*(?=[،,.:؛]|$)"),
        marks=dict(raw["quote_marks"]),
        attached=tuple(fold(w) for w in words["attached"]),
        addressee_with=tuple(fold(w) for w in words["addressee_with"]),
        article=fold(words["article"]),
        not_subject=folded(words["not_subject"]),
        claim_conjunctions=folded(words["claim_conjunctions"]),
        claim_conjunction_before=folded(words["claim_conjunction_before"]),
        plain_complementisers=folded(words["plain_complementisers"]),
        long_subject=words["long_subject"],
        asides=folded(words["asides"]),
        clause_words=folded(words["clause_words"]),
        apposition=folded(words["apposition"]),
        findings=folded(words["findings"]),
        findings_complementisers=folded(words["findings_complementisers"]),
    )


@dataclass(frozen=True)
class Reporting:
    """The reporting words beyond the speech verbs (`data/reporting.toml`) and how their content starts."""

    verbs: frozenset[str]
    strict: frozenset[str]  # reporting only with أن/إن right after the subject (بين)
    phrases: regex.Pattern  # two-word cues (جاء فيه)
    preps: dict[str, frozenset[str]]  # separate prepositions before the content, by cue
    attached: dict[str, frozenset[str]]  # prepositions joined to the content's first word, by cue
    masdar: frozenset[str]
    masdar_negated: frozenset[str]  # لم يستبعد + a noun: a position only when negated
    negations: frozenset[str]
    denied: frozenset[str]  # نفى ما تردد: a relative object of a denial
    any_object: frozenset[str]
    any_object_participles: frozenset[str]
    says: frozenset[str]
    participles: frozenset[str]
    possessed: frozenset[str]
    announce: frozenset[str]
    adverbs: frozenset[str]
    not_object: frozenset[str]
    skip: frozenset[str]
    titles: frozenset[str]
    partitive: frozenset[str]
    end_after_comma: regex.Pattern  # "…، في إشارة إلى": what was said ends at the comma
    end_before: regex.Pattern  # "… دون أن يسمي": the narrator's remark, comma or not
    continuing: regex.Pattern  # "…، مؤكدا": a comma (and conjunction) before a participle
    unspaced_stop: regex.Pattern  # "…تدريبات.وشهدت": a full stop without its space
    new_clause: regex.Pattern  # "…، وهذا يعني": a comma and a word with a conjunction
    questions: frozenset[str]
    not_after: frozenset[str]
    background: regex.Pattern  # "… بعد أن قالت": a later report in the narrator's background
    purpose_negation: frozenset[str]  # كي لا يقال: a negation keeping the verb hypothetical
    purpose: frozenset[str]  # كي، لكي: a purpose phrase between a verb and a clause
    conditional: frozenset[str]  # قال: إن كان …: إن is a condition, the words start at it
    noun_after: frozenset[str]  # في رفض …: a verb's form after a preposition is a verbal noun
    hypothetical_after: frozenset[str]  # وأن تؤكد، لن يقول: no report
    time_before: frozenset[str]  # قبل أن يضيف: a report after all
    fact_before: frozenset[str]  # مما يؤكد أن: a fact confirms, nobody speaks
    impersonal: frozenset[str]  # ويتوقع أن: it is expected
    noticed: frozenset[str]  # لفت نظري أن: noticing, not speaking
    inner: frozenset[str]  # قلت في نفسي: thinking, not speaking
    first_person: frozenset[str]  # قلت، قلنا
    conditions: frozenset[str]  # إن قلت، لو قلنا: no report
    inner_lead: frozenset[str]
    masdar_cues: frozenset[str]  # دعوة، التنبيه: verbal nouns among the cues
    relative_after: frozenset[str]  # ما أعلنه X من أن: a verb with the relative's pronoun
    relative_suffixes: tuple[str, ...]
    object_cues: frozenset[str]  # ووصفها X بأنها، أخبروه أن: a cue with the person as attached pronoun
    attached_pronouns: tuple[str, ...]
    frames: frozenset[str]  # من جهة ثانية قال X: a sentence's opening frame before its verb
    bare_speech: frozenset[str]  # وقال X نتمنى …: the words at once after a named speaker
    bare_words: int
    subject_endings: tuple[str, ...]
    construct: frozenset[str]  # المتحدث باسم وزارة …: a title's noun before the next word of the subject
    subject_length: int
    noun_endings: tuple[str, ...]  # وحماية، ومنظمات: a word ending so is no verb
    present: str  # the prefixes of a present verb (يقول، تؤكد)
    past_present_like: frozenset[str]  # تابع، تساءل: past forms with a present's prefix
    past_she: tuple[str, ...]  # the ending of a past verb with a feminine subject (نشرت)
    not_past_she: tuple[str, ...]  # أثبت: a masculine past verb, not a feminine one


@lru_cache(maxsize=1)
def reporting() -> Reporting:
    raw = load_toml("khabar.quotes", "data/reporting.toml")
    preps: dict[str, set[str]] = {}
    attached: dict[str, set[str]] = {}
    for group in raw["prepositional"]:
        for word in group["words"]:
            preps.setdefault(fold(word), set()).update(fold(p) for p in group["preps"])
            attached.setdefault(fold(word), set()).update(fold(p) for p in group["attached"])
    obj = raw["object"]
    return Reporting(
        verbs=folded(raw["verbs"]),
        strict=folded(raw["strict"]),
        phrases=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}]){conjunction_pattern()}?(?P<cue>{open_alternation(raw['phrases'])})(?![\p{{L}}\p{{M}}])"
        ),
        preps={w: frozenset(p) for w, p in preps.items() if p},
        attached={w: frozenset(p) for w, p in attached.items() if p},
        masdar=folded(obj["masdar"]),
        masdar_negated=folded(obj["masdar_negated"]),
        negations=folded(obj["negations"]),
        denied=folded(obj["denied"]),
        any_object=folded(obj["any_object"]),
        any_object_participles=folded(obj["any_object_participles"]),
        says=folded(obj["says"]),
        participles=folded(obj["participles"]),
        possessed=folded(obj["possessed"]),
        announce=folded(obj["announce"]),
        adverbs=folded(obj["adverbs"]),
        not_object=folded(obj["not_object"]),
        skip=folded(obj["skip"]),
        titles=folded(obj["titles"]),
        partitive=folded(obj["partitive"]),
        end_after_comma=regex.compile(
            rf"\s*[،,]\s*{open_alternation(raw['content']['end_after_comma'])}(?![\p{{L}}\p{{M}}])"
        ),
        end_before=regex.compile(
            rf"[\s،,]*(?<![\p{{L}}\p{{M}}])(?:{open_alternation(raw['content']['end_before_lead'])})\s+"
            rf"(?:{open_alternation(raw['content']['end_before_verbs'])})(?![\p{{L}}\p{{M}}])"
        ),
        questions=folded(raw["content"]["questions"]),
        not_after=folded(raw["content"]["not_after"]),
        background=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{open_alternation(raw['content']['background_leads'])})\s+$"
        ),
        purpose_negation=folded(raw["context"]["purpose_negation"]),
        purpose=folded(raw["context"]["purpose"]),
        conditional=folded(raw["content"]["conditional"]),
        noun_after=folded(raw["context"]["noun_after"]),
        hypothetical_after=folded(raw["context"]["hypothetical_after"]),
        time_before=folded(raw["context"]["time_before"]),
        fact_before=folded(raw["context"]["fact_before"]),
        impersonal=folded(raw["context"]["impersonal"]),
        noticed=folded(raw["context"]["noticed"]),
        inner=folded(raw["context"]["inner"]),
        first_person=folded(raw["context"]["first_person"]),
        conditions=folded(raw["context"]["conditions"]),
        inner_lead=folded(raw["context"]["inner_lead"]),
        masdar_cues=folded(raw["context"]["verbal_nouns"]),
        noun_endings=tuple(fold(v) for v in raw["context"]["noun_endings"]),
        subject_endings=tuple(fold(v) for v in raw["context"]["subject_endings"]),
        subject_length=raw["context"]["subject_length"],
        construct=folded(raw["context"]["construct"]),
        relative_after=folded(raw["context"]["relative_after"]),
        relative_suffixes=tuple(fold(v) for v in raw["context"]["relative_suffixes"]),
        object_cues=folded(raw["context"]["object_cues"]),
        attached_pronouns=tuple(fold(v) for v in raw["context"]["attached_pronouns"]),
        frames=folded(raw["context"]["frames"]),
        bare_speech=folded(raw["context"]["bare_speech"]),
        bare_words=raw["context"]["bare_words"],
        present="".join(fold(v) for v in raw["context"]["present"]),
        past_present_like=folded(raw["context"]["past_present_like"]),
        past_she=tuple(fold(v) for v in raw["context"]["past_she"]),
        not_past_she=tuple(fold(v) for v in raw["context"]["not_past_she"]),
        new_clause=regex.compile(rf"[،,؛]\s*{conjunction_pattern()}\p{{L}}"),
        continuing=regex.compile(rf"[،,؛:]\s*{conjunction_pattern()}?$"),
        unspaced_stop=regex.compile(rf"(?<=\p{{L}}{{2}})[.!؟?](?={conjunction_pattern()}\p{{L}}{{3}})"),
    )
