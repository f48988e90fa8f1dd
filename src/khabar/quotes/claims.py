"""The claim tables (`data/claims.toml`) and the quotation-mark tables (`data/marks.toml`) of the quotes
stage, folded with the normalisation view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.quotes.cues import cue_table, open_alternation
from khabar.quotes.speakers import speaker_tables
from khabar.text.tables import load_toml
from khabar.text.words import conjunction_pattern, fold, folded

LETTER = r"[\p{L}\p{M}]"


@dataclass(frozen=True)
class ClaimCues:
    verbal: regex.Pattern  # حسبما أوضح، كما أعلنت: a particle and a speech verb (groups `particle`, `verb`, `cue`)
    after_content: frozenset[str]
    while_particles: frozenset[str]  # فيما: a claim's cue only with a verb of reporting news
    while_verbs: frozenset[str]
    always: frozenset[str]  # نقلا عن، على حد قول: the source is a speaker whatever its words
    source_nouns: frozenset[str]
    speaker_nouns: frozenset[str]  # the speaker tables' people and bodies (طلاب، نائب، مجموعة): sources too
    broken_plural: regex.Pattern  # قوانين، ملايين: a plural in ين that names no people
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
    partitives: frozenset[str]  # عدد: a quantifier only before من (عدد من الطلاب, not عدد أفراد الأسرة)
    partitive_link: str
    trailer: regex.Pattern  # وذلك at the end of the clause before a phrase
    then: regex.Pattern  # فإن: the clause after a phrase starts after it
    ender: regex.Pattern  # وبهذا: the clause after a phrase ends before it
    inside: regex.Pattern  # إلى after a phrase between commas: the phrase sits inside a clause
    prepositions: frozenset[str]  # those words: no source opens with one (كما كشف الثلاثاء عن خطته)
    lead: regex.Pattern  # مما: where the clause holding such a phrase starts
    same_after: frozenset[str]  # المصدر نفسه: the source named before
    same_before: frozenset[str]  # نفس المصدر
    source_stop: regex.Pattern  # where a source's words end: punctuation or a clause (فإن، التي)
    after_definite: frozenset[str]  # في، بن، نفسه: words that may follow a source's definite word
    definite_articles: tuple[str, ...]  # ال، لل، بال: how a definite word opens
    continuing: tuple[str, ...]  # ال، ل، ب، و: how a word that may follow a source's definite word opens
    relative: regex.Pattern  # التي … أن: a relative clause on a source, up to the claim's clause
    role_words: int  # words of a role before a source's name (المتحدث الرسمي لهيئة … محمد …)


@lru_cache(maxsize=1)
def claim_cues() -> ClaimCues:
    raw = load_toml("khabar.quotes", "data/claims.toml")
    people = speaker_tables()
    leads = open_alternation([*raw["source_lead"], *people.person_titles])
    lead = rf"(?:{open_alternation(raw['lead_articles'])})?(?:{leads})"
    lam = open_alternation(cue_table()["words"]["attached"])
    conj = conjunction_pattern()
    return ClaimCues(
        verbal=regex.compile(
            rf"(?<!{LETTER}){conj}?(?P<cue>(?P<particle>{open_alternation(raw['verbal_particles'])})\s*"
            rf"(?P<verb>{open_alternation(raw['verbal_verbs'])})(?:{open_alternation(raw['object_pronouns'])})?)(?!{LETTER})"
        ),
        after_content=folded(raw["after_content"]),
        while_particles=folded(raw["while_particles"]),
        while_verbs=folded(raw["while_verbs"]),
        always=folded(raw["always_sources"]),
        source_nouns=folded(raw["source_nouns"]),
        speaker_nouns=frozenset().union(
            people.group_nouns, people.person_titles, people.unnamed_nouns, people.related_nouns, people.org_nouns
        ),
        broken_plural=regex.compile(raw["broken_plural"]),
        weak_sources=folded(raw["weak_sources"]),
        back=regex.compile(
            rf"\s*{conj}?(?P<cue>{open_alternation(raw['back_verbs'])})\s+(?:{open_alternation(raw['back_words'])})\s*"
            rf"(?:{open_alternation(raw['back_prepositions'])})(?:\s+|(?=\p{{L}}))"
        ),
        outlet_nouns=folded(raw["outlet_nouns"]),
        openers=regex.compile(rf"(?:{open_alternation(raw['content_openers'])})(?!{LETTER})\s*"),
        source_skip=regex.compile(rf"\s*(?:{open_alternation(raw['source_skip'])})(?!{LETTER})[\s،,]*"),
        source_lead=regex.compile(rf"(?:{lead})(?:\s+(?:{lead}))*"),
        unnamed_more=regex.compile(rf"\s+(?:{open_alternation(raw['unnamed_more'])})(?!{LETTER})"),
        source_words=regex.compile(
            rf"\s*(?:(?:{lam})\u0640?\s*)?(?P<src>[^،,.:؛!?؟\n\-–—]{{2,90}}?)\s*"
            rf"(?=[،,.:؛!?؟\-–—]|\s(?:{open_alternation(raw['source_end'])})(?!{LETTER})|$)"
        ),
        quantifiers=folded(raw["source_quantifiers"]),
        partitives=folded(raw["partitive_quantifiers"]),
        partitive_link=people.letters["partitive_link"],
        trailer=regex.compile(rf"[،,]?\s*(?<!{LETTER})(?:{open_alternation(raw['scope_trailers'])})\s*$"),
        then=regex.compile(rf"(?<!{LETTER})(?:{open_alternation(raw['scope_then'])})(?!{LETTER})\s*"),
        ender=regex.compile(rf"\s+(?<!{LETTER})(?:{open_alternation(raw['scope_enders'])})(?!{LETTER})"),
        inside=regex.compile(rf"\s*[،,\-–—]\s*(?:{open_alternation(raw['scope_inside'])})(?!{LETTER})"),
        prepositions=folded(raw["scope_inside"]),
        lead=regex.compile(rf"(?<!{LETTER})(?:{open_alternation(raw['scope_leads'])})(?!{LETTER})"),
        relayed_end=regex.compile(rf"(?<!{LETTER})(?:{open_alternation(raw['relayed_end'])})(?!{LETTER})|[،,:]"),
        same_after=folded(raw["same_after"]),
        same_before=folded(raw["same_before"]),
        role_words=raw["role_words"],
        relative=regex.compile(
            rf"(?:{open_alternation(raw['scope_relatives'])})(?!{LETTER})[^،,.:؛!?؟]{{0,80}}?(?<!{LETTER})"
            rf"(?:{open_alternation(raw['relative_then'])})(?!{LETTER})\s*"
        ),
        after_definite=folded(raw["after_definite"]),
        definite_articles=tuple(fold(c) for c in raw["definite_articles"]),
        continuing=tuple(fold(c) for c in [*raw["definite_articles"], *raw["continuing_clitics"]]),
        source_stop=regex.compile(rf"[،,.:؛!?؟\n(\-–—]|\s(?:{open_alternation(raw['source_end'])})(?!{LETTER})"),
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
    name_share: float  # a quotation this much covered by a tagged name is that name
    name_words_max: int  # words of a name in marks known by the words around it
    title_nouns: frozenset[str]  # خطة، حملة: a short quotation opening with one is a name
    name_heads: frozenset[str]  # جماعة، مدير: indefinite nouns a name follows
    prepositions: frozenset[str]  # إلى، عن: before a quotation opening with a body's noun, which is a name
    nisba: regex.Pattern  # «حزب الله» الإرهابي: a definite adjective of origin right after the marks
    not_complementiser: regex.Pattern  # إلا أن، بعد أن … right before a content's start
    hypothetical: frozenset[str]  # لو، ليت: a wish or unreal condition before a speech verb
    resumptive: frozenset[str]  # عنه، بها: a relative clause's object named again after its verb
    relative_what: frozenset[str]  # ما: a relative before a speech verb, besides الذي، التي
    according_before: regex.Pattern  # وفقا لما، حسبما right before a speech verb: an according-to phrase
    hypothetical_reach: int
    possibility: frozenset[str]  # قد before a present speech verb: a possibility
    narrator: regex.Pattern  # …، فقلت إنه: the narrator's reply ends what was said
    prayer_after: regex.Pattern  # …، سائلا المولى: a prayer ends what was said
    speaker_acts: regex.Pattern  # …، مقدما شكره: the speaker's thanks or wishes end what was said
    announcing: regex.Pattern  # …، معلنا أنه: a separate statement ends what was said
    unverified: regex.Pattern  # …، إلا أنه لم يتسن التأكد: the narrator's note ends what was said
    turn_openers: regex.Pattern  # …، من جانبه أوضح X أن: a new speaker's turn after a comma
    turn_subject: int
    quotation_share: float  # a quotation holding this much of its clause is what was said
    emphatic: frozenset[str]  # نفسه، ذاته: no loose word between a verb and its quotation


@lru_cache(maxsize=1)
def mark_cues() -> MarkCues:
    raw = load_toml("khabar.quotes", "data/marks.toml")
    table = cue_table()
    names, article = table["name_nouns"], fold(table["words"]["article"])
    objects, praise = open_alternation(raw["prayer_objects"]), open_alternation(raw["praise"])
    to, that = open_alternation(raw["prayer_to"]), open_alternation(raw["prayer_that"])
    clitics = "[" + "".join(fold(c) for c in raw["title_proclitics"]) + "]"
    conj = conjunction_pattern()
    titles = [*raw["title_words"], *names, *(fold(n).removeprefix(article) for n in names)]
    return MarkCues(
        title_before=regex.compile(
            rf"(?<!{LETTER}){clitics}?(?:{article})?(?:{open_alternation(titles)})(?:\s+{clitics})?\s*\u0640?\s*$"
        ),
        name_words=folded(raw["name_words"]),
        citation=regex.compile(rf"(?<!{LETTER}){clitics}?(?:{open_alternation(raw['citation_words'])})(?!{LETTER})"),
        closing=dict(raw["closing"]),
        opening=regex.compile("[" + regex.escape("".join(raw["closing"])) + "]"),
        ends={o: regex.compile("[" + regex.escape(c + o) + "]") for o, c in raw["closing"].items() if o not in c},
        before_word=frozenset(raw["reversed"]["open_before_word"]),
        cross_paragraph=raw["cross_paragraph"],
        god_speaks=regex.compile(rf"\s*(?:(?:{to})\s+)?(?:{objects})(?!{LETTER})"),
        prayer=regex.compile(rf"(?<!{LETTER})(?:{objects})(?:\s+(?:{praise}))?\s*(?:{that})?\s*$"),
        prayer_verbs=folded(raw["prayer_verbs"]),
        label=regex.compile(
            rf"\s*(?:{open_alternation(raw['label_clitics'])})?{article}"
            rf"{LETTER}{{2,}}(?:\s+{LETTER}+){{0,{raw['label_words'] - 1}}}\s*$"
        ),
        name_share=raw["name_share"],
        name_words_max=raw["name_words_max"],
        title_nouns=folded(raw["title_words"]),
        name_heads=folded(raw["name_heads"]),
        prepositions=folded(raw["prepositions"]),
        nisba=regex.compile(rf"\s*{article}{LETTER}{{3,}}(?:{open_alternation(raw['nisba_endings'])})(?!{LETTER})"),
        not_complementiser=regex.compile(
            rf"(?<!{LETTER}){conj}?(?:{open_alternation(raw['not_complementiser'])})\s+"
            rf"(?:{open_alternation(raw['prayer_that'])})(?:{open_alternation(table['words']['complementiser_pronouns'])})?"
            rf"\s*$"
        ),
        hypothetical=folded(raw["hypothetical"]),
        resumptive=folded(raw["resumptive"]),
        relative_what=folded(raw["relative_what"]),
        according_before=regex.compile(rf"(?<!{LETTER}){conj}?(?:{open_alternation(raw['according_particles'])})\s*$"),
        hypothetical_reach=raw["hypothetical_reach"],
        possibility=folded(raw["possibility"]),
        narrator=regex.compile(
            rf"[\s،,]*(?<!{LETTER})(?:{open_alternation(raw['narrator_verbs'])})(?!{LETTER})"
            rf"(?=(?:\s+{LETTER}+){{0,{raw['narrator_reach']}}}?\s*(?:[:：]|(?:{open_alternation(table['complementisers'])})"
            rf"(?:{open_alternation(table['words']['complementiser_pronouns'])})?(?!{LETTER})))"
        ),
        prayer_after=regex.compile(
            rf"\s*[،,]\s*{conj}?(?:{open_alternation(raw['prayer_verbs'])})\s+(?:{objects})(?!{LETTER})"
        ),
        speaker_acts=regex.compile(
            rf"[\s،,]*(?<!{LETTER}){conj}?(?:{open_alternation(raw['speaker_acts'])})(?!{LETTER})"
        ),
        announcing=regex.compile(rf"\s*[،,]\s*(?:{open_alternation(raw['announcing'] + raw['stance'])})(?!{LETTER})"),
        unverified=regex.compile(
            rf"\s*[،,]\s*(?:(?:{open_alternation(raw['unverified_leads'])})\s*)?(?:{open_alternation(raw['unverified'])})"
            rf"(?!{LETTER})"
        ),
        turn_openers=regex.compile(rf"[،,؛]\s*(?:{open_alternation(raw['turn_openers'])})(?!{LETTER})"),
        turn_subject=raw["turn_subject"],
        quotation_share=raw["quotation_share"],
        emphatic=folded(raw["emphatic"]),
    )
