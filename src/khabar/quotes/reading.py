"""What the quotes stage finds and remembers while it reads one article: speech verbs, speakers, claim
sources and according-to phrases, and the `Memory` of who spoke; with the distances its rules use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from khabar.document import Mention
from khabar.quotes.speakers import ArticleSpeakers, head
from khabar.text import normalize
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, strip_conjunction

SUBJECT_GAP = 45  # characters between a verb and its subject's start
TITLE_CHAIN = 160  # characters from a title to the name its chain of titles leads to
OPENING_REACH = 100  # characters of a sentence's first clause, where its subject is named
TOPIC_REACH = 30  # characters from a sentence's start to the person it is about (ودشن الأمير X …)
EDGE = " \t\n،,.:;؛!?؟-–—…"
CONTINUATION_GAP = 80  # characters of attribution between the two parts of one quotation
SENTENCE_END = ".!?؟\n"
STOPS = regex.compile(r"[.!?؟]+\s+|[،,]\s*")  # a sentence's end or a comma inside a quotation
BETWEEN_MARK = " " + chr(0x0640)  # a space or a tatweel between a word and a quotation mark (لـ «…»)
SET_OFF = regex.compile(r"[،,\-–—]\s*")  # the comma or dash closing a phrase set off in a sentence
LAST_WORD = regex.compile(r"(\p{L}+)\s*$")  # the word right before a point in the text
FULL_STOP = regex.compile(r"\s*\.\s*")  # a full stop between a quote and the sentence that goes on with it
SEMICOLON = regex.compile(r"\s*؛\s*")  # a semicolon between two clauses of one statement


@dataclass
class Verb:
    start: int
    end: int
    norm: str
    relative: bool = False  # ما أعلنه X من أن: it reports only with a complementiser


@dataclass
class Speaker:
    entity: str | None = None
    words: str | None = None  # the words standing for an unnamed or untagged speaker
    addressee: str | None = None
    reported_by: list[str] = field(default_factory=list)


@dataclass
class Source:
    """A claim's source: its entity, the words naming it, where they end, and whether it is a tagged
    person or organisation."""

    entity: str | None = None
    text: str | None = None
    end: int = 0
    named: bool = False


@dataclass
class Phrase:
    """An according-to phrase: where it starts (with its conjunction), its cue and its source."""

    start: int
    cue_start: int
    cue_end: int
    source: str | None
    source_text: str | None
    source_end: int


class Memory:
    """The last speaker, and the people named in the previous and current sentence, for quotes whose
    verb has no subject of its own (وأضاف أن…، وسئل الوزير … فقال إن…); the speaker already heard in
    the current sentence (…، مشيرا إلى أن); and the article's speaker model (`ArticleSpeakers`)."""

    def __init__(self, model: ArticleSpeakers | None = None, groups: frozenset[str] = frozenset()) -> None:
        self.model = model
        self.groups = groups  # the heads of a group's words (بعض، عدد)
        self.entity: str | None = None
        self.words: str | None = None
        self.in_sentence: Speaker | None = None
        self.in_sentence_at = 0
        self.speaking_at = 0  # where the verb whose speaker is being found stands
        self.topic: str | None = None  # the person a sentence opens with (its subject), if any
        self.opening: list[tuple[int, str]] = []  # the person named in the sentence's first clause
        self.history: list[tuple[str | None, str | None]] = []  # every speaker heard, in order
        self.genders: dict[str, bool] = {}  # feminine or not, as the verbs of named subjects showed
        self.previous: list[tuple[int, str]] = []
        self.current: list[tuple[int, str]] = []
        self.subjects: list[tuple[int, str]] = []  # people named in the sentence outside a prepositional phrase
        self.said_until = 0  # where the content of the sentence's last quote ends

    def sentence(self, r: SentenceReader, entity_of) -> None:
        if self.in_sentence is None and self.topic is not None:  # استقبل الأمير X الوفد. وقال إن …: X
            self.entity, self.words = self.topic, None
        self.topic = next(
            (
                entity_of[id(m)]
                for m in r.mentions
                if m.label == "PERSON" and entity_of.get(id(m)) and m.start - r.sentence.start <= TOPIC_REACH
            ),
            None,
        )
        self.previous = self.current
        self.in_sentence = None
        self.said_until = 0
        self.in_sentence_at = r.sentence.end  # where the sentence's first speaker was heard
        lead = regex.search(r"[،,:؛]", r.text[r.sentence.start : r.sentence.start + OPENING_REACH])
        reach = r.sentence.start + (lead.start() if lead else OPENING_REACH)
        first = WORD.search(r.view.norm)
        opener = strip_conjunction(first.group(), self.model.t.not_opening) if first and self.model else ""
        self.opening = [
            (m.start, entity_of[id(m)])
            for m in r.mentions
            if m.label == "PERSON"
            and entity_of.get(id(m))
            and m.end <= reach
            and opener not in self.model.t.not_opening
        ][:1]
        if self.model and strip_conjunction(opener, self.model.t.according_openers) in self.model.t.according_openers:
            reach = self.source_reach(r, reach)  # وحسب بعض المشرعين فإن X …: the source ends at فإن
            self.opening = [  # وحسب المجلس الوطني …، فإن …، وأضاف في بيان: the source goes on
                (m.start, entity_of[id(m)])
                for m in r.mentions
                if m.label in ("PERSON", "ORG") and entity_of.get(id(m)) and m.end <= reach
            ][:1]
            source = list(WORD.finditer(r.text, r.sentence.start, reach))[1:2]
            noun, definite = head(source[0].group()) if source else ("", False)
            if not self.opening and (
                (definite and (noun in self.model.t.org_nouns or noun in self.model.t.unnamed_nouns))
                or noun in self.groups  # وحسب بعض المشرعين …. وقالوا: the group goes on
            ):
                end = self.model.description_end(source[0].start(), reach)
                self.speaking_at = r.sentence.start
                self.heard(Speaker(None, r.text[source[0].start() : end]))
        self.current = [
            (m.start, entity_of[id(m)]) for m in r.mentions if m.label in ("PERSON", "ORG") and entity_of.get(id(m))
        ]
        self.subjects = [
            (m.start, entity_of[id(m)])
            for m in r.mentions
            if m.label == "PERSON" and entity_of.get(id(m)) and self.model and self.subject_like(r, m)
        ]

    def source_reach(self, r: SentenceReader, reach: int) -> int:
        """Where the source of a sentence opening with an according-to word ends: before the complementiser
        that opens what it says (وحسب بعض المشرعين فإن …)."""
        for w in WORD.finditer(r.text, r.sentence.start, reach):
            if strip_conjunction(normalize(w.group()), self.model.t.content_words) in self.model.t.content_words:
                return w.start()
        return reach

    def subject_like(self, r: SentenceReader, m: Mention) -> bool:
        """Whether a person named in the sentence may be its subject: no preposition joined to or before
        the name (بالبلوي، على البلوي), no addressee's لـ."""
        if any(c in m.proclitic for c in self.model.t.letters["prepositions"]):
            return False
        before = WORD.findall(r.text, max(r.sentence.start, m.start - 20), m.start)
        if before and strip_conjunction(normalize(before[-1]), self.model.t.not_opening) in self.model.t.not_opening:
            return False
        # بالرئيس السوري بشار الأسد: a name after a title with a preposition is in a prepositional phrase
        clause = regex.split(r"[،,؛:]", r.text[max(r.sentence.start, m.start - 30) : m.start])[-1]
        titled = [normalize(w) for w in WORD.findall(clause)][-3:]
        return not any(w.startswith(self.model.t.letters["preposition_article"]) for w in titled)

    def heard(self, who: Speaker, quoted: bool = True) -> None:
        """`who` spoke (`quoted`: with words of their own, so a description the article may name again)."""
        if (
            not quoted
            and not who.entity
            and who.words
            and self.model
            and self.model.common_object(who.words, self.groups)
        ):
            return  # وذكرت تفاصيل الحادث: the verb's object, its subject dropped
        if who.entity or who.words:
            self.entity, self.words = who.entity, who.words
            if self.in_sentence is None:
                self.in_sentence_at = self.speaking_at
            self.in_sentence = who
            self.history.append((who.entity, who.words))
            if quoted and who.words and self.model is not None and not who.entity:
                self.model.heard.append((self.speaking_at, who.words))

    def last(self, r: SentenceReader, verb: Verb, agrees=None) -> tuple[str | None, str | None]:
        """The last speaker — the last one `agrees` accepts (قالت after a man: the woman heard before); but
        a sentence that named its subject before a dropped one (واستنكر النائب X ما حصل، وقال إن …) keeps it."""
        opening = next(((start, e) for start, e in self.opening if start < verb.start), None)
        floor = -1 if self.in_sentence is None else max(self.in_sentence_at, self.said_until)
        later = [(s, e) for s, e in self.subjects if floor < s < verb.start and (agrees is None or agrees(e))][-1:]
        if later and self.in_sentence is not None and not regex.search(r"[،,؛]", r.text[floor : later[0][0]]):
            later = []  # a name in the clause of the speaker already heard is no new subject
        if later and opening and not regex.search(r"[،,؛]", r.text[opening[0] : later[0][0]]):
            later = []  # استقبل الأمير X السفير Y، وأكد: the opening's clause keeps its subject
        if later:  # …، فيما خصص المدرب X اجتماعه …، مع التنبيه على: the closest clause's subject
            return later[0][1], None
        if self.in_sentence is None and opening and (agrees is None or agrees(opening[1])):
            return opening[1], None
        if self.entity or self.words:
            if agrees is not None and not agrees(self.entity):
                return next((h for h in reversed(self.history) if agrees(h[0])), (self.entity, self.words))
            return self.entity, self.words
        named = [e for start, e in self.current if start < verb.start] or [e for _, e in self.previous]
        return (named[0] if named else None), None
