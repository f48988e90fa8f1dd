"""The `quotes` stage: who said what (quotes) and on whose authority (claims).

Per sentence: speech verbs (قال، أكد، أضاف، ذكرت…) with their subject, an addressee (للصحفيين) and
the clause after أن/إن or a colon make quotes — `direct` when the clause is one quotation,
`indirect` otherwise, with `partial` quotes for quoted fragments inside it; quotations attributed
after the fact (`«…»، قال الوزير`) are direct too. The speaker is the subject's entity; a dropped
subject (وأضاف أن…) continues the last speaker. According-to phrases (بحسب، نقلا عن، حسبما ذكرت)
make claims on their source — or, when the sentence already is a quote, add the source to the
quote's `reported_by`. The byline's sources and the photo credits get their entity ids.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from khabar.document import Article, Claim, Mention, Quote, Span
from khabar.pipeline import stage
from khabar.quotes.cues import cues
from khabar.quotes.speakers import ArticleSpeakers, head, speaker_tables, verb_form
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, strip_conjunction

SUBJECT_GAP = 45  # characters between a verb and its subject's start
OPENING_REACH = 100  # characters of a sentence's first clause, where its subject is named
TOPIC_REACH = 30  # characters from a sentence's start to the person it is about (ودشن الأمير X …)
EDGE = " \t\n،,.:;؛!?؟-–—…"


@dataclass
class Verb:
    start: int
    end: int
    norm: str


@dataclass
class Speaker:
    entity: str | None = None
    words: str | None = None  # the words standing for an unnamed or untagged speaker
    addressee: str | None = None
    reported_by: list[str] = field(default_factory=list)


class Memory:
    """The last speaker, and the people named in the previous and current sentence, for quotes whose
    verb has no subject of its own (وأضاف أن…، وسئل الوزير … فقال إن…); the speaker already heard in
    the current sentence (…، مشيرا إلى أن); and the article's speaker model (`ArticleSpeakers`)."""

    def __init__(self, model: ArticleSpeakers | None = None) -> None:
        self.model = model
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
        self.current = [
            (m.start, entity_of[id(m)]) for m in r.mentions if m.label in ("PERSON", "ORG") and entity_of.get(id(m))
        ]

    def heard(self, who: Speaker) -> None:
        if who.entity or who.words:
            self.entity, self.words = who.entity, who.words
            if self.in_sentence is None:
                self.in_sentence_at = self.speaking_at
            self.in_sentence = who
            self.history.append((who.entity, who.words))

    def last(self, r: SentenceReader, verb: Verb, agrees=None) -> tuple[str | None, str | None]:
        """The last speaker — the last one `agrees` accepts (قالت after a man: the woman heard before); but
        a sentence that named its subject before a dropped one (واستنكر النائب X ما حصل، وقال إن …) keeps it."""
        opening = next((e for start, e in self.opening if start < verb.start), None)
        if self.in_sentence is None and opening and (agrees is None or agrees(opening)):
            return opening, None
        if self.entity or self.words:
            if agrees is not None and not agrees(self.entity):
                return next((h for h in reversed(self.history) if agrees(h[0])), (self.entity, self.words))
            return self.entity, self.words
        named = [e for start, e in self.current if start < verb.start] or [e for _, e in self.previous]
        return (named[0] if named else None), None


class QuoteFinder:
    """The quotes stage's cue tables, read-only and shared by threads: one article's speakers and
    quotes live in the call (`Memory`, `SentenceReader`)."""

    @staticmethod
    @lru_cache(maxsize=1)
    def shared() -> QuoteFinder:
        """One instance per process (its tables are built once)."""
        return QuoteFinder()

    def __init__(self) -> None:
        self.c = cues()
        self.s = speaker_tables()

    def __call__(self, article: Article) -> Article:
        entity_of = {id(m): m.entity for m in article.mentions}
        quotes: list[Quote] = []
        claims: list[Claim] = []
        memory = Memory(ArticleSpeakers(article, self.s, self.c.verbs))
        for sentence in article.sentences:
            reader = SentenceReader(article, sentence)
            memory.sentence(reader, entity_of)
            found = self.sentence_quotes(reader, entity_of, memory)
            quotes += found
            claims += self.sentence_claims(reader, found, entity_of)
        for i, q in enumerate(quotes):
            q.id = f"q{i}"
        for i, c in enumerate(claims):
            c.id = f"c{i}"
        article.quotes, article.claims = quotes, claims
        self.provenance(article)
        return article

    # ---- quotes -----------------------------------------------------------------------------
    def verbs(self, r: SentenceReader) -> list[Verb]:
        """The sentence's speech verbs (a leading و/ف left out of the cue)."""
        out = []
        for m in WORD.finditer(r.view.norm):
            word = m.group()
            stem = word if word in self.c.verbs else strip_conjunction(word, self.c.verbs)
            if stem in self.c.verbs:
                start, end = r.original(m.start() + (len(word) - len(stem)), m.end())
                out.append(Verb(start, end, stem))
        return out

    def marks(self, r: SentenceReader) -> list[tuple[int, int]]:
        """Quotations as (start, end) of the words inside the marks, original offsets."""
        out, i, text = [], r.sentence.start, r.text
        while i < r.sentence.end:
            close = self.c.marks.get(text[i])
            if close:
                j = text.find(close, i + 1, r.sentence.end)
                if j > i + 1:
                    out.append((i + 1, j))
                    i = j + 1
                    continue
            i += 1
        return out

    def sentence_quotes(self, r: SentenceReader, entity_of, memory: Memory) -> list[Quote]:
        text = r.text
        marks = self.marks(r)
        used_marks: set[tuple[int, int]] = set()
        out: list[Quote] = []
        verbs = self.verbs(r)
        for k, verb in enumerate(verbs):
            if any(s <= verb.start < e for s, e in marks):
                continue  # a verb inside a quotation belongs to the quoted words
            limit = verbs[k + 1].start if k + 1 < len(verbs) else r.sentence.end
            clause = self.clause_start(r, verb, min(limit, verb.end + SUBJECT_GAP + 40))
            who = self.speaker(r, verb, clause[2] if clause else min(limit, verb.end + SUBJECT_GAP), entity_of, memory)
            if clause is None:
                memory.heard(who)  # ونفى السفير … الاتهامات، وقال: … — the speaker goes on
                continue
            start, colon, _ = clause
            end = self.clause_end(r, start, verbs[k + 1 :])
            start, end = trim(text, start, end, EDGE)
            if end <= start:
                continue
            cue = Span(start=verb.start, end=verb.end, text=text[verb.start : verb.end])
            inner = [(s, e) for s, e in marks if start <= s - 1 and e + 1 <= end]
            whole = next(((s, e) for s, e in inner if s - 1 == start and e + 1 == end), None)
            negated = verb.norm in self.c.negated
            if whole:
                out.append(self.quote(r, *whole, "direct", who, cue, negated))
                used_marks.add(whole)
            elif colon and not inner and verb.norm in self.c.colon_only:
                continue
            else:
                out.append(self.quote(r, start, end, "indirect", who, cue, negated))
                for s, e in inner:
                    if self.quoted_words(r, s, e):
                        out.append(self.quote(r, s, e, "partial", who, cue, negated))
                    used_marks.add((s, e))
            memory.heard(who)
        out += self.attributed_after(r, marks, used_marks, out, entity_of, memory)
        return sorted(out, key=lambda q: q.start)

    def quoted_words(self, r: SentenceReader, start: int, end: int) -> bool:
        """A quotation inside reported speech that is words, not a quoted name (شركة "إنتل")."""
        if any(m.start <= start and end <= m.end for m in r.mentions) or not WORD.search(r.text, start, end):
            return False  # a name, or a bare number (تقدر بـ «700» كرسي)
        before = WORD.findall(r.text, max(r.sentence.start, start - 20), start)
        return not (before and normalize(before[-1]) in self.c.name_nouns)  # قرية «المفتاحة», عملية «عاصفة الحزم»

    def speaker(self, r: SentenceReader, verb: Verb, until: int, entity_of, memory: Memory) -> Speaker:
        """Who speaks and to whom. The subject is a name between the verb and the clause (a person over
        an organisation: المتحدثة باسم الخارجية الروسية ماريا زاخاروفا → Zakharova; a place only right after the
        verb: قالت روسيا), else the words standing there (مسؤول أمريكي) resolved by the article's speaker
        model (المصدر → مصدر مطلع، سموه → the prince), else a name just before the verb (بوتين قال); with
        none (وأضاف أن…) the last speaker goes on. A participle (مشيرا إلى أن) continues its sentence's
        speaker. An addressee follows لـ or في مقابلة مع (للصحفيين، لوكالة فرانس برس)."""
        memory.speaking_at = verb.start
        if self.s.participle.fullmatch(verb.norm):
            return self.participle_speaker(r, verb, entity_of, memory)
        between = [m for m in r.mentions if verb.end <= m.start and m.end <= until and m.label != "NORP"]
        definite = self.definite_subject(r, verb)
        subject = None
        for label in ("PERSON",) if definite else ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"):
            chosen = [m for m in between if m.label == label and not self.addressed(r, verb, m)]
            chosen = [m for m in chosen if not m.description] or chosen  # a name over a title
            if label == "PERSON":  # قالت after a man's name is not his (the verb agrees with its subject)
                chosen = [m for m in chosen if self.agrees(verb, entity_of.get(id(m)), memory)]
            if label in ("GPE", "LOC", "FAC"):
                chosen = [m for m in chosen if not r.text[verb.end : m.start].strip()]
            if chosen:
                subject = chosen[0]
                break
        if subject is not None and subject.label == "ORG":  # رئيس مجلس إدارة مجموعة «X» فلان: the person
            owner = next((m for m in r.mentions if m.label == "PERSON" and 0 < m.start - subject.end <= 3), None)
            if owner is not None and not WORD.search(r.text, subject.end, owner.start):
                subject = owner
                between.append(owner)
        after = subject.end if subject else verb.end
        if subject:  # a title mention right before the name (a description) joins it
            after = max([after] + [m.end for m in between if m.entity == subject.entity])
        addressee, addressee_start = self.addressee(r, after, until, entity_of, anywhere=subject is None)
        who = Speaker(entity_of.get(id(subject)) if subject else None)
        if subject is not None and subject.label == "PERSON" and who.entity:  # قالت نوال: Nawal is a woman
            gender = verb_form(verb.norm, self.c.verbs)[0]
            if gender is not None:
                memory.genders.setdefault(who.entity, gender)
        if subject is None:
            end = addressee_start if addressee_start is not None else until
            words = definite or self.subject_words(r, verb.end, end)
            if (
                words
                and any(normalize(w) not in self.c.gap_words for w in WORD.findall(words))
                and len(WORD.findall(words)) <= 6
            ):
                who.words = words
                who.entity = self.antecedent(r, verb, words, entity_of)
                resolved = (
                    memory.model.resolve(words, verb.end, (memory.entity, memory.words)) if memory.model else None
                )
                if who.entity is None and resolved and (resolved[0] or resolved[1]):
                    who.entity, who.words = resolved
            elif memory.model and (titled := self.title_subject(r, verb, end, memory)) is not None:
                who.entity, who.words = titled
            elif (before := self.subject_before(r, verb)) is not None:
                who.entity = entity_of.get(id(before))
            elif (framed := self.subject_in_frame(r, verb, entity_of, memory)) is not None:
                who.entity, who.words = framed
            else:
                who.entity, who.words = memory.last(r, verb, lambda e: self.agrees(verb, e, memory))
        elif subject.label != "PERSON" and (unnamed := self.unnamed_of(r, verb, subject)):
            who.entity, who.words = None, unnamed  # قال مسؤول في وزارة الخارجية: the official, not the ministry
        elif who.entity is None:
            who.words = subject.text
        who.addressee = addressee
        if verb.norm in self.c.relay_verbs and subject is not None:  # نقلت وكالة … عن الوزير قوله إن …
            relayed = self.c.relay_from.search(r.view.norm, r.normal_offset(subject.end), r.normal_offset(until))
            after = r.original(relayed.end(), relayed.end())[0] if relayed else until
            source = next(
                (m for m in between if relayed and m.start >= after - 1 and m.label in ("PERSON", "ORG")), None
            )
            if source is not None:
                who.reported_by, who.entity, who.words = (
                    [who.entity] if who.entity else [],
                    entity_of.get(id(source)),
                    None,
                )
            elif relayed and memory.model and (words := self.relayed_words(r, after, until, memory)):
                who.reported_by, who.entity, who.words = [who.entity] if who.entity else [], *words
        return who

    def relayed_words(self, r: SentenceReader, start: int, until: int, memory: Memory):
        """An unnamed speaker relayed by an outlet (نقلت صحيفة X عن مسؤولين في الوزارة أن …): its words,
        resolved by the speaker model, as (entity, words)."""
        start += len(r.text[start:until]) - len(r.text[start:until].lstrip(EDGE))
        end = memory.model.description_end(start, until)
        words = r.text[start:end]
        if not WORD.search(words):
            return None
        resolved = memory.model.resolve(words, start, (memory.entity, memory.words))
        return resolved if resolved and (resolved[0] or resolved[1]) else (None, words)

    def title_subject(self, r: SentenceReader, verb: Verb, end: int, memory: Memory):
        """A subject that is only a title (وأشار الوزير، قال المتحدث باسم الأمين العام): the person the
        article gave that title, else the title's words when it has several (a person known by title),
        else None (the last speaker goes on), as (entity, words)."""
        words = []
        for w in WORD.finditer(r.text, verb.end, end):
            norm = normalize(w.group())
            if norm not in self.c.gap_words or not (norm.startswith(self.c.article) or norm in self.s.title_links):
                break
            if r.text[words[-1].end() if words else verb.end : w.start()].strip():
                break
            words.append(w)
        if not words or not normalize(words[0].group()).startswith(self.c.article):
            return None
        while normalize(words[-1].group()) in self.s.title_links:
            words.pop()
        last = words[-1].end()
        owner = next((m for m in r.mentions if 0 < m.start - last <= 3 and m.label in ("ORG", "GPE")), None)
        if owner is not None and normalize(r.text[last : owner.start]).strip() in ("", *self.c.attached):
            if not any(normalize(owner.text).startswith(n) for n in self.c.name_nouns):
                last = owner.end  # الأمين العام للأمم المتحدة: the title's owner, not an addressee
        phrase = r.text[words[0].start() : last]
        person = memory.model.titled(phrase, verb.start)
        if person and self.agrees(verb, person, memory):
            return person, None
        return (None, phrase) if len(words) > 1 else None

    def agrees(self, verb: Verb, entity: str | None, memory: Memory) -> bool:
        """Whether a person agrees with the verb in gender and number (not قالت with a man, قالوا with one
        person); anything but a known person agrees."""
        gender = memory.genders.get(entity or "")
        if gender is None and memory.model:
            gender = memory.model.feminine(entity)
        feminine, plural = verb_form(verb.norm, self.c.verbs)
        if gender is None or feminine is None:
            return True
        return not plural and gender == feminine

    def unnamed_of(self, r: SentenceReader, verb: Verb, subject: Mention) -> str | None:
        """An unnamed source described by the name after it (مسؤول في وزارة الخارجية، مصادر في الجيش
        العراقي): the whole description, when the word right after the verb is an unnamed source's noun."""
        first = WORD.search(r.text, verb.end, subject.start)
        if first is None or r.text[verb.end : first.start()].strip():
            return None
        noun, definite = head(first.group())
        if definite or noun not in self.s.unnamed_nouns or len(WORD.findall(r.text, first.start(), subject.end)) > 8:
            return None
        return r.text[first.start() : subject.end]

    def participle_speaker(self, r: SentenceReader, verb: Verb, entity_of, memory: Memory) -> Speaker:
        """A participle (…، مشيرا إلى أن، قائلا) has no subject of its own: the speaker already heard in
        the sentence, else the sentence's first person (or organisation) named before it, else the last
        speaker. The words after it are its object, never its subject."""
        heard = memory.in_sentence
        limit = verb.start  # not a name inside the words already reported (وشدد التقرير على أن الصندوق …، لافتا)
        if memory.in_sentence_at < verb.start:
            n = r.normal_offset(memory.in_sentence_at)
            found = self.c.introducer.finditer(r.view.norm, n, r.normal_offset(verb.start))
            intro = next((m for m in found if m.group("mark") is None), None)
            limit = r.original(intro.start(), intro.start())[0] if intro else verb.start
        if heard is not None and heard.entity and self.agrees(verb, heard.entity, memory):
            return Speaker(heard.entity, heard.words, reported_by=list(heard.reported_by))
        for label in ("PERSON", "ORG"):
            named = next(
                (
                    m
                    for m in r.mentions
                    if m.end <= limit
                    and m.label == label
                    and entity_of.get(id(m))
                    and self.agrees(verb, entity_of[id(m)], memory)
                ),
                None,
            )
            if named is not None:
                return Speaker(entity_of[id(named)])
        if heard is not None:
            return Speaker(None, heard.words, reported_by=list(heard.reported_by))
        return Speaker(*memory.last(r, verb))

    def definite_subject(self, r: SentenceReader, verb: Verb) -> str:
        """A definite noun right after the verb that stands for a speaker (الوزارة، المصدر المسؤول، البيان)
        with the definite adjectives after it: the subject, though a name may follow (وقالت الوزارة في
        بيان نشرته وكالة …)."""
        words = list(regex.finditer(r"[\p{L}\p{M}]+", r.text[verb.end : r.sentence.end]))[:4]
        if not words or r.text[verb.end : verb.end + words[0].start()].strip():
            return ""
        start = verb.end + words[0].start()
        if any(m.start <= start < m.end for m in r.mentions):
            return ""
        noun, definite = head(words[0].group())
        if (
            normalize(words[0].group()) in self.c.gap_words
            or not definite
            or not (noun in self.s.unnamed_nouns or noun in self.s.org_nouns or noun in self.s.document_nouns)
        ):
            return ""
        end = verb.end + words[0].end()
        for w in words[1:]:
            gap = r.text[end : verb.end + w.start()]
            if (
                gap.strip()
                or not normalize(w.group()).startswith((self.c.article, self.s.letters["lam_article"]))
                or normalize(w.group()) in self.c.gap_words
                or normalize(w.group()) in self.s.description_end
            ):
                break
            end = verb.end + w.end()
        return r.text[start:end]

    def subject_words(self, r: SentenceReader, start: int, end: int) -> str:
        """The words standing for an untagged subject, up to a date or a place phrase (وزارة الداخلية أمس،
        في بيان أصدرته اليوم → nothing: the subject was dropped), a comma (أحد العاملين في الميناء، طالبا
        عدم كشف هويته، إن) or a participle (معلقا على ذلك), without trailing gap words (الاتحاد أيضا، الوزارة
        في بيان صحفي)."""
        for t in r.article.timexes:
            if start <= t.start < end:
                end = t.start
        comma = regex.search(r"\S\s*[،,]", r.text[start:end])
        if comma:
            end = start + comma.start() + 1
        addressed = self.s.addressee_mark.search(r.text, start, end)
        if addressed:  # عدد من السكان لـ"عين اليوم": the words stop at the addressee
            end = addressed.start()
        for k, w in enumerate(WORD.finditer(r.text, start, end)):
            norm = normalize(w.group())
            participle = self.s.participle.fullmatch(norm) and (norm in self.c.verbs or not k)  # يقول معلقا
            if participle or (k and norm in self.s.description_end):
                end = w.start()
                break
        words = list(WORD.finditer(r.text, start, end))
        while words and (
            normalize(words[-1].group()) in self.c.gap_words
            or normalize(words[-1].group()) in self.c.attached
            or normalize(words[-1].group()) in self.s.adverbs
        ):
            words.pop()
        if not words or all(len(w.group()) < 2 for w in words):
            return ""
        phrase = r.text[start : words[-1].end()].strip(EDGE)
        first = WORD.match(phrase)
        if first and normalize(first.group()) in self.c.not_subject:
            return ""
        return phrase

    def antecedent(self, r: SentenceReader, verb: Verb, words: str, entity_of) -> str | None:
        """الوكالة، الصحيفة، الشركة: the last organisation named with that noun (وكالة أسوشيتد برس)."""
        word = normalize(words)
        noun = word.removeprefix(self.c.article)
        if " " in word or noun == word or noun not in self.c.name_nouns:
            return None
        for m in reversed(r.article.mentions):
            if (
                m.start < verb.start
                and m.label == "ORG"
                and normalize(m.text).startswith(noun)
                and entity_of.get(id(m))
            ):
                return entity_of[id(m)]
        return None

    def addressed(self, r: SentenceReader, verb: Verb, m: Mention) -> bool:
        lead = normalize(r.text[max(verb.end, m.start - 3) : m.start]).rstrip('«“" ')
        return (
            lead.endswith(self.c.attached)
            or m.proclitic.endswith(self.c.attached)
            or normalize(r.text[verb.end : m.start]).rstrip().endswith(self.c.addressee_with)
        )

    def addressee(
        self, r: SentenceReader, after: int, until: int, entity_of, anywhere: bool = False
    ) -> tuple[str | None, int | None]:
        """The addressee after the subject (لـ / في مقابلة مع …): its entity id or its words, and where
        it starts; with `anywhere`, the first one in the gap (no subject: مسؤول أمريكي لوكالة …)."""
        n, stop = r.normal_offset(after), r.normal_offset(until)
        m = (self.c.addressee_any.search if anywhere else self.c.addressee.match)(r.view.norm, n, stop)
        if not m:
            return None, None
        begin, start = r.original(m.start(), m.start())[0], r.original(m.end(), m.end())[0]
        mention = next((x for x in r.mentions if start <= x.start <= start + 2), None)
        if mention is not None and entity_of.get(id(mention)):
            return entity_of[id(mention)], begin
        cut = self.c.addressee_end.search(r.view.norm, r.normal_offset(start), stop)
        phrase = r.text[start : r.original(cut.start(), cut.start())[0] if cut else until].strip(EDGE)
        if not phrase or len(WORD.findall(phrase)) > 5:
            return None, None
        article = self.c.article  # ل + ال is written لل: the words after it lost their alef (للصحفيين)
        return (article[0] + phrase if phrase.startswith(article[1:]) else phrase), begin

    def subject_before(self, r: SentenceReader, verb: Verb) -> Mention | None:
        """SVO order: a name just before the verb (وكان بوتين قد قال), or before a relative pronoun
        (لافروف، الذي أكد أن …)."""
        for m in reversed(r.mentions):
            if m.end <= verb.start:
                gap = normalize(r.text[m.end : verb.start])
                relative = WORD.findall(gap)[:1]
                if relative and relative[0] in self.s.relatives:
                    gap = gap.strip(EDGE)[len(relative[0]) :]
                if (
                    verb.start - m.end <= 12 + (len(relative[0]) + 2 if relative else 0)
                    and m.label in ("PERSON", "ORG")
                    and self.c.before_verb.fullmatch(gap)
                ):
                    return m
                break
        return None

    def subject_in_frame(self, r: SentenceReader, verb: Verb, entity_of, memory: Memory):
        """SVO in a frame (وكانت جماعة X المسلحة قد أعلنت، أما شرطة المدينة فأكدت، أن سفير X كان قد نفى):
        the subject phrase as (entity, words) — a name in it, else its words resolved by the speaker model."""
        before = r.view.norm[: r.normal_offset(verb.start)]
        for frame in self.s.frames:
            m = frame.search(before)
            if not m or len(m.group("s").split()) > 6:
                continue
            start, end = r.original(m.start("s"), m.end("s"))
            named = [x for x in r.mentions if start <= x.start and x.end <= end and x.label in ("PERSON", "ORG")]
            named = [x for x in named if x.label == "PERSON"] or named
            if named and entity_of.get(id(named[0])):
                return entity_of[id(named[0])], None
            words = r.text[start:end]
            resolved = memory.model.resolve(words, start, (memory.entity, memory.words)) if memory.model else None
            return resolved if resolved and (resolved[0] or resolved[1]) else (None, words)
        previous = list(WORD.finditer(r.text, max(r.sentence.start, verb.start - 30), verb.start))[-1:]
        if previous and memory.model and not r.text[previous[0].end() : verb.start].strip():
            noun, definite = head(previous[0].group())  # الحكومة شددت: a definite speaker noun right before
            if definite and (noun in self.s.org_nouns or noun in self.s.unnamed_nouns or noun in self.s.document_nouns):
                words = previous[0].group()
                resolved = memory.model.resolve(words, previous[0].start(), (memory.entity, memory.words))
                return resolved if resolved and (resolved[0] or resolved[1]) else (None, words)
        return None

    def clause_start(self, r: SentenceReader, verb: Verb, limit: int) -> tuple[int, bool, int] | None:
        """Where the reported words begin — after أن/إن (or إلى أن), a colon or an opening quotation
        mark close to the verb — as (start, after a colon or mark, where the introducer is). Between
        verb and introducer only the subject, an addressee, titles, dates and a few words may stand."""
        n, stop = r.normal_offset(verb.end), r.normal_offset(limit)
        for m in self.c.introducer.finditer(r.view.norm, n, stop):
            intro = r.original(m.start(), m.start())[0]
            if any(x.start < intro < x.end for x in r.mentions):
                continue
            colon = m.group("comp") is None
            if m.group("mark") is not None and self.short_quotation(r, intro):
                continue  # «الشرق الأوسط», "عاصفة الحزم": a name in marks, not quoted words
            if colon and verb.norm in self.c.clause_only:
                continue  # دعا / طالب … introduce a call, not quoted words
            allowed = 0 if m.group("mark") is not None else 4 if colon else 6
            if self.loose_words(r, verb.end, intro) > allowed:
                continue  # a quotation inside the subject (شركة "نورث سي")، or too far from the verb
            return r.original(m.end(), m.end())[0], colon, intro
        return None

    def short_quotation(self, r: SentenceReader, opening: int, words: int = 4) -> bool:
        """Whether the quotation opening at `opening` holds fewer than `words` words (a name, a title)."""
        close = self.c.marks.get(r.text[opening])
        end = r.text.find(close, opening + 1, r.sentence.end) if close else -1
        return end < 0 or len(WORD.findall(r.text, opening + 1, end)) < words

    def loose_words(self, r: SentenceReader, start: int, end: int) -> int:
        """Words between a verb and its clause that are no name, date, title or addressee."""
        covered = [(m.start, m.end) for m in r.mentions] + [(t.start, t.end) for t in r.article.timexes]
        count, addressed = 0, False
        for word in WORD.finditer(r.text, start, end):
            if any(a <= word.start() < b for a, b in covered):
                continue
            norm = normalize(word.group())
            if norm in self.c.gap_words:
                continue
            if norm.startswith(self.c.attached) and not addressed:
                addressed = True
                continue
            count += 1
        return count

    def clause_end(self, r: SentenceReader, start: int, later_verbs: list[Verb]) -> int:
        """The sentence end, or earlier: a trailing according-to phrase or the next attribution."""
        end = r.sentence.end
        n = r.normal_offset(start)
        m = self.c.according_to.search(r.view.norm, n)
        if m and regex.search(r"[،,]\s*$", r.view.norm[: m.start()]):
            end = min(end, r.original(m.start(), m.start())[0])
        for verb in later_verbs:
            cut = self.c.next_attribution.search(r.text, max(start, verb.start - 4), verb.start)
            if cut:  # "…، وأضاف": the next attribution starts a new quote
                end = min(end, cut.start())
                break
        return end

    def attributed_after(self, r: SentenceReader, marks, used, found, entity_of, memory: Memory) -> list[Quote]:
        """«…»، قال الوزير / «…» — and a quotation alone continuing the last speaker's quote."""
        out = []
        for s, e in marks:
            if (s, e) in used or any(q.start <= s and e <= q.end for q in found):
                continue
            tail = r.text[e + 1 : r.sentence.end]
            m = self.c.after_quotation.match(tail)
            if m and normalize(m.group("verb")) in self.c.verbs:
                vs, ve = e + 1 + m.start("verb"), e + 1 + m.end("verb")
                cue = Span(start=vs, end=ve, text=r.text[vs:ve])
                until = r.sentence.end
                tail_break = regex.search(r"[،,.]", r.text[ve : r.sentence.end])
                if tail_break:
                    until = ve + tail_break.start()
                who = self.speaker(r, Verb(vs, ve, normalize(m.group("verb"))), until, entity_of, memory)
            elif trim(r.text, r.sentence.start, r.sentence.end, EDGE) == (s - 1, e + 1) and memory.entity:
                cue, who = None, Speaker(memory.entity)  # a paragraph-long quotation continuing a speaker
            else:
                continue
            if len(WORD.findall(r.text, s, e)) < 2:
                continue
            out.append(self.quote(r, s, e, "direct", who, cue, negated=False))
            memory.heard(who)
        return out

    @staticmethod
    def quote(r: SentenceReader, start: int, end: int, kind: str, who: Speaker, cue, negated: bool) -> Quote:
        start, end = trim(r.text, start, end, " \t\n")
        return Quote(
            start=start,
            end=end,
            kind=kind,
            text=r.text[start:end],
            speaker=who.entity,
            cue=cue,
            addressee=who.addressee,
            reported_by=list(who.reported_by),
            sentence=r.sentence.id,
            negated=negated,
            speaker_text=who.words or None,
        )

    # ---- claims -----------------------------------------------------------------------------
    def sentence_claims(self, r: SentenceReader, quotes: list[Quote], entity_of) -> list[Claim]:
        out = []
        for m in self.c.according_to.finditer(r.view.norm):
            cue_start, cue_end = r.original(m.start("cue"), m.end("cue"))
            source, source_text, source_end = self.source(r, cue_end, entity_of)
            if source_text is None:
                continue
            cue = Span(start=cue_start, end=cue_end, text=r.text[cue_start:cue_end])
            clause = self.c.introducer.match(r.view.norm, r.normal_offset(source_end))
            if clause and clause.group("comp"):  # فيما أفادت تقارير بأن …: the clause is the claim
                start, end = trim(r.text, r.original(clause.end(), clause.end())[0], r.sentence.end, EDGE)
                quotes[:] = [q for q in quotes if not (q.cue and cue_start <= q.cue.start < source_end)]
            else:
                before = trim(r.text, r.sentence.start, cue_start, EDGE)
                after = trim(r.text, source_end, r.sentence.end, EDGE)
                start, end = before if before[1] - before[0] >= after[1] - after[0] else after
            start = self.past_conjunction(r, start, end)
            covering = [q for q in quotes if q.start < end and start < q.end]
            if covering:  # one statement, one record: the quote is reported through this source
                for q in covering:
                    if source and source not in q.reported_by:
                        q.reported_by.append(source)
                    elif not source:
                        q.reported_by_text.append(source_text)
                continue
            if end - start < 8:
                continue
            out.append(
                Claim(
                    start=start,
                    end=end,
                    text=r.text[start:end],
                    source=source,
                    cue=cue,
                    sentence=r.sentence.id,
                    source_text=source_text,
                )
            )
        return out

    def source(self, r: SentenceReader, cue_end: int, entity_of) -> tuple[str | None, str | None, int]:
        """The source after an according-to phrase: a name (its entity), an unnamed source (مصادر
        أمنية), or the words up to the next comma."""
        next_char = r.text[cue_end : cue_end + 1]
        start = cue_end + (1 if next_char and not normalize(next_char) else 0)  # a tatweel (لـ) the view drops
        mention = next((x for x in r.mentions if start <= x.start <= start + 2 and x.label != "NORP"), None)
        if mention is not None and normalize(r.text[start : mention.start]).strip() in ("", *self.c.attached):
            end = mention.end
            for x in r.mentions:  # a NORP adjective or a description continues the name
                if end <= x.start <= end + 1:
                    end = x.end
            return entity_of.get(id(mention)), r.text[mention.start : end], end
        unnamed = self.c.unnamed.match(r.view.norm, r.normal_offset(start))
        if unnamed:
            s, e = r.original(unnamed.start("src"), unnamed.end("src"))
            return None, r.text[s:e], e
        words = self.c.source_words.match(r.text[start : r.sentence.end])
        if words and 1 <= len(WORD.findall(words.group("src"))) <= 5:
            return None, words.group("src"), start + words.end("src")
        return None, None, start

    def past_conjunction(self, r: SentenceReader, start: int, end: int) -> int:
        """A claim starts after a و/ف attached to its first word (وقتل → قتل)."""
        tokens = r.article.tokens
        i = bisect_left([t.start for t in tokens], start)
        if i < len(tokens) and tokens[i].start == start and tokens[i].proclitics:
            first = tokens[i].proclitics[0]
            rest = normalize(r.text[first["end"] : tokens[i].end])
            if (
                first.get("tag") == "conj"
                and first["end"] < end
                and (first["text"] in self.c.claim_conjunctions or rest in self.c.claim_conjunction_before)
            ):
                return first["end"]
        return start

    def provenance(self, article: Article) -> None:
        """The article's cited sources and photo credits as names with entity ids."""
        by_text: dict[str, str] = {}
        for m in article.mentions:
            if m.entity:
                by_text.setdefault(normalize(m.text), m.entity)
        for name in ("cited_sources", "photo_credits"):
            names = [n["name"] if isinstance(n, dict) else n for n in getattr(article, name)]
            setattr(article, name, [{"name": n, "entity": by_text.get(normalize(n))} for n in names])


@stage(
    "quotes",
    requires=("sentences", "tokens", "mentions", "timexes", "entities"),
    assigns=("quotes", "claims"),
    setup=QuoteFinder.shared,
)
def quotes_stage(article: Article) -> Article:
    """Quotes with speakers, addressees and reporting outlets; claims on their sources."""
    return QuoteFinder.shared()(article)
