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
from khabar.quotes.claims import LETTER, claim_cues, mark_cues
from khabar.quotes.cues import cues, reporting
from khabar.quotes.speakers import QUOTED_NAME, ArticleSpeakers, head, speaker_tables, verb_form
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, conjunctions, strip_conjunction

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
        self.rep = reporting()
        self.known = self.c.verbs | self.rep.verbs
        self.no_subject = self.rep.participles | self.rep.possessed

    def __call__(self, article: Article) -> Article:
        entity_of = {id(m): m.entity for m in article.mentions if self.plausible(m)}
        quotes: list[Quote] = []
        claims: list[Claim] = []
        memory = Memory(ArticleSpeakers(article, self.s, self.c.verbs), self.rep.partitive)
        for sentence in article.sentences:
            reader = SentenceReader(article, sentence)
            self.drop_named_after(reader, entity_of)
            memory.sentence(reader, entity_of)
            found = self.speech(reader, self.sentence_quotes(reader, entity_of, memory))
            claims += self.sentence_claims(reader, found, entity_of)  # it may take a quote for a claim
            quotes += found
        holders: dict[str, str | None] = {}
        for q in quotes:  # المرشد → the person the article gave that title
            if q.speaker and (holder := holders.setdefault(q.speaker, memory.model.title_holder(q.speaker))):
                q.speaker = holder
        self.named_later(article, quotes)
        self.continued_clauses(article, quotes)
        self.same_sources(article, quotes, claims, entity_of)
        for i, q in enumerate(quotes):
            q.id = f"q{i}"
        for i, c in enumerate(claims):
            c.id = f"c{i}"
        self.link_continuations(article.text, quotes)
        article.quotes, article.claims = quotes, claims
        self.provenance(article)
        return article

    def plausible(self, m: Mention) -> bool:
        """Whether a mention may name a speaker: not a currency, unit or common word the NER tagged (ريال)."""
        text = normalize(m.text).strip()
        return text not in self.s.not_speakers and text not in self.s.pronoun_phrases  # لي tagged as a name

    def named_later(self, article: Article, quotes: list[Quote]) -> None:
        """A speaker first given only by title (أكد عضو القائمة والمرشح لمنصب … أن، وقال: …) and named
        at the next speaker's turn, right after its verb with no title of its own (وكشف القاسم), is
        that person — when the article had not named them before."""
        run: list[Quote] = []
        for q in quotes:
            if q.speaker is None and q.speaker_text and (not run or q.speaker_text == run[0].speaker_text):
                if run or normalize(q.speaker_text).split()[0] in self.s.person_titles:
                    run.append(q)
                continue
            if run and q.speaker:
                first = next((m for m in article.mentions if m.entity == q.speaker), None)
                lo = max(0, first.start - 20) if first is not None else 0
                verb = list(WORD.finditer(article.text, lo, first.start))[-1:] if first is not None else []
                if (
                    first is not None
                    and first.label == "PERSON"
                    and first.start > run[0].start
                    and verb
                    and self.known_word(verb[0].group())
                    and not article.text[verb[0].end() : first.start].strip()
                ):
                    for earlier in run:
                        earlier.speaker, earlier.speaker_text = q.speaker, None
            run = []

    def continued_clauses(self, article: Article, quotes: list[Quote]) -> None:
        """`قال إن … . وإن … . وأن …`: a sentence that is only another complementiser's clause goes on with what
        the quote before it said, and the quote takes it in (not a condition: وإن كان …)."""
        starts = {q.start for q in quotes}
        sentences = sorted(article.sentences, key=lambda s: s.start)
        for q in quotes:
            if q.kind != "indirect":
                continue
            while (m := FULL_STOP.match(article.text, q.end)) is not None:
                at = m.end()
                words = [normalize(w) for w in WORD.findall(article.text, at, at + 40)[:2]]
                if not (words and words[0][:1] in conjunctions() and self.complementiser(words[0][1:])):
                    break
                if words[1:] and words[1] in self.rep.conditional:
                    break
                sentence = next((x for x in sentences if x.start <= at < x.end), None)
                if sentence is None or any(at <= s < sentence.end for s in starts):
                    break  # that sentence has a quote of its own
                end = trim(article.text, at, sentence.end, EDGE)[1]
                if end <= at:
                    break
                q.end, q.text = end, article.text[q.start : end]

    def complementiser(self, word: str) -> bool:
        """أن، إن، بأن, alone or with an attached pronoun (أنه، إنها)."""
        return any(
            word == c or (word.startswith(c) and word[len(c) :] in self.rep.attached_pronouns)
            for c in self.c.plain_complementisers
        )

    @staticmethod
    def link_continuations(text: str, quotes: list[Quote]) -> None:
        """`«…»، قال X، «…»`: the second quotation continues the first — both direct, one speaker, and
        between them only the attribution (one of their cues, no sentence end)."""
        for before, after in zip(quotes, quotes[1:]):
            gap = text[before.end : after.start]
            cues = [q.cue for q in (before, after) if q.cue is not None]
            if (
                before.kind == after.kind == "direct"
                and (before.speaker, before.speaker_text) == (after.speaker, after.speaker_text)
                and len(gap) <= CONTINUATION_GAP
                and not any(c in gap for c in SENTENCE_END)
                and any(before.end <= c.start and c.end <= after.start for c in cues)
            ):
                after.continues = before.continues or before.id

    # ---- quotes -----------------------------------------------------------------------------
    def verbs(self, r: SentenceReader) -> list[Verb]:
        """The sentence's speech verbs, participles and verbal nouns, and its two-word cues (جاء فيه),
        a leading و/ف left out of the cue."""
        out = []
        for m in self.rep.phrases.finditer(r.view.norm):
            start, end = r.original(m.start("cue"), m.end("cue"))
            out.append(Verb(start, end, m.group("cue")))
        previous = ""
        for m in WORD.finditer(r.view.norm):
            word, before, previous = m.group(), previous, m.group()
            stem = word if word in self.known else strip_conjunction(word, self.known)
            if stem not in self.known and before in self.rep.relative_after:  # ما أعلنه الرئيس من أن …
                stem = next((word[: -len(x)] for x in self.rep.relative_suffixes if word.endswith(x)), word)
                if stem in self.known:
                    out.append(Verb(*r.original(m.start(), m.end()), stem, relative=True))
                continue
            if stem not in self.known and (cue := self.object_cue(word)) is not None:
                stem, start = cue[0], m.start() + cue[1]  # ووصفها X بأنها: the cue with its attached object
                verb = Verb(*r.original(start, m.end()), stem)
                if not any(v.start <= verb.start < v.end for v in out) and self.opens_clause(r, verb):
                    out.append(verb)  # not a verbal noun inside a phrase (إمكانية نصحهم لأصدقائهم)
                continue
            if stem in self.known:
                start, end = r.original(m.start() + (len(word) - len(stem)), m.end())
                if not any(v.start <= start < v.end for v in out) and not self.no_report(r, start, end, stem):
                    out.append(Verb(start, end, stem))
        return sorted(out, key=lambda v: v.start)

    def object_cue(self, word: str) -> tuple[str, int] | None:
        """A cue with the person told or described as its attached pronoun (ووصفها، أخبروه، نصحته): the cue's
        form and where the word's cue starts (past a leading و/ف)."""
        for suffix in self.rep.attached_pronouns:
            if not word.endswith(suffix):
                continue
            form = word[: -len(suffix)]
            stem = strip_conjunction(form, self.rep.object_cues)
            if stem in self.rep.object_cues and stem in self.known:
                return stem, len(form) - len(stem)
        return None

    def no_report(self, r: SentenceReader, start: int, end: int, norm: str) -> bool:
        """A speech verb's form that reports nothing here: a verbal noun after a preposition (في رفض …),
        a hypothetical present verb (وأن تؤكد أنها، لن يقول; not قبل أن يضيف، إلا أن قال), a fact as subject
        with the clause at once (مما يؤكد أن، وهذا يشير إلى أن), an impersonal passive (ويتوقع أن), noticing
        (لفت نظري أن)."""
        k, view = self.rep, r.view.norm
        n0, n1 = r.normal_offset(start), r.normal_offset(end)
        found = list(WORD.finditer(view, max(0, n0 - 30), n0))
        joined = bool(found) and n0 > 0 and view[n0 - 1].isalpha()
        if joined:
            found.pop()  # the verb's own conjunction (ويتوقع)
        edge = n0 - 1 if joined else n0
        if found and view[found[-1].end() : edge].strip():
            found = []  # only a word right before counts (في 2013، مؤكدا: not في)
        words = [w.group() for w in found]
        previous = words[-1] if words else ""
        following = WORD.findall(view, n1, min(len(view), n1 + 20))[:2]
        if following and (
            following[0] in k.inner or (following[0] in k.inner_lead and following[1:] and following[1] in k.inner)
        ):
            return True  # قلت في نفسي إن …: a thought
        after = following[:1]
        rest = view[n1:].lstrip()
        clause = self.c.introducer.match(view, len(view) - len(rest)) if rest else None
        at_once = clause is not None and clause.group("comp") is not None
        at_once = at_once or any(rest.startswith(p + " ") for p in k.preps.get(norm, ()))
        finite = not (joined or norm in k.possessed or norm in k.masdar_cues)
        if (finite and previous in k.noun_after) or (after and after[0] in k.noticed):
            return True
        present = norm[:1] in k.present and norm not in k.past_present_like
        if present and len(words) > 1 and previous in k.purpose_negation and words[-2] in k.hypothetical_after:
            return True  # كي لا يقال إن …: the words are what no one should say
        if present and previous in k.hypothetical_after and not (len(words) > 1 and words[-2] in k.time_before):
            return True
        if norm in k.first_person and previous in k.conditions:
            return True  # ولا أبالغ إن قلت …: a manner of speaking
        return at_once and (previous in k.fact_before or norm in k.impersonal)

    def marks(self, r: SentenceReader) -> list[tuple[int, int]]:
        """Quotations over the sentence as (start, end) of the words inside the marks, original offsets,
        paired from the start of the paragraph: curly and mixed marks (”…”، “…„، لـ»…»), a quotation
        running over sentences or paragraphs to its closing mark, an unclosed one to its paragraph's end."""
        k, text, s0, s1 = mark_cues(), r.text, r.sentence.start, r.sentence.end
        para = text.rfind("\n", 0, s0) + 1
        out, pos = [], para
        carried = self.carried_quotation(text, para)
        if carried is not None:
            out.append(carried)
            pos = max(pos, carried[1] + 1)
        while (m := k.opening.search(text, pos, s1)) is not None:
            i = m.start()
            end = self.quotation_end(text, i)
            if end is None:
                pos = i + 1
                continue
            if end > s0 and end > i + 1:
                out.append((i + 1, end))
            pos = end + 1
        return out

    def quotation_end(self, text: str, i: int) -> int | None:
        """Where the quotation opening at `i` ends: its closing mark, or the end of its paragraph; None
        when the mark opens nothing (a » with no word after it)."""
        k, mark = mark_cues(), text[i]
        if mark in k.before_word and not (i + 1 < len(text) and text[i + 1].isalpha()):
            return None
        paragraph_end = text.find("\n", i)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        closers = k.closing[mark]
        if mark in closers:  # a symmetric mark: within its paragraph
            found = [j for j in (text.find(c, i + 1, paragraph_end) for c in closers) if j > 0]
            if found and not self.opens_word(text, min(found)):
                return min(found)
        else:
            m = k.ends[mark].search(text, i + 1, min(len(text), i + k.cross_paragraph))
            if m is not None and text[m.start()] != mark:
                return m.start()
        if i > 0 and text[i - 1].isalpha():
            return None  # unclosed and stuck to the word before: a closing mark whose opening was lost
        end = trim(text, i + 1, self.unclosed_end(text, i, paragraph_end), EDGE)[1]
        return end if end > i + 1 else None

    @staticmethod
    def opens_word(text: str, j: int) -> bool:
        """Whether a symmetric mark at `j` opens a quotation rather than closing one: after a colon and right
        before a letter (…: نحن نائمون. … مضيفا: "في كل عام …": the quotation before was left open)."""
        return text[max(0, j - 3) : j].rstrip().endswith(":") and j + 1 < len(text) and text[j + 1].isalpha()

    def unclosed_end(self, text: str, i: int, paragraph_end: int) -> int:
        """Where a quotation whose closing mark is missing ends: at its paragraph's end, or before the
        narrator takes over — a sentence whose first words hold a speech verb or a turn's opener (… لا
        تزعجونا. وأوضح خالد أن …، … الإعلامية. من جانبه، طالب …), or a participle cue after a comma (…،
        مبينا أن …)."""
        k = mark_cues()
        for stop in STOPS.finditer(text, i + 1, paragraph_end):
            following = text[stop.end() : min(paragraph_end, stop.end() + 60)]
            words = [strip_conjunction(normalize(w), self.known) for w in WORD.findall(following)[:4]]
            if stop.group()[0] in "،,":
                if words and words[0] in self.known and self.s.participle.fullmatch(words[0]):
                    return stop.start()
            elif k.turn_openers.match("، " + normalize(following)) or any(w in self.known for w in words):
                return stop.start() + 1
        return paragraph_end

    def carried_quotation(self, text: str, paragraph: int) -> tuple[int, int] | None:
        """A «…» or “…” opened in an earlier paragraph and closing in this one or later."""
        k = mark_cues()
        lo = max(0, paragraph - k.cross_paragraph)
        opened = max((text.rfind(o, lo, paragraph) for o in k.ends), default=-1)
        if opened < 0:
            return None
        end = self.quotation_end(text, opened)
        return (opened + 1, end) if end is not None and end >= paragraph else None

    def gap_allowed(self, r: SentenceReader, m: regex.Match, colon: bool) -> int:
        """How many loose words may stand between a verb and its introducer: none before a quotation
        mark, four before a colon, six before أن — more before a long quotation that ends its clause
        (وقال X في تصريحات هاتفية للتلفزيون «…»، وأضاف في نص نشره أمس: «…»)."""
        if not colon:
            return 6
        after = r.original(m.end(), m.end())[0]
        long = self.long_quotation(r, after)
        if m.group("mark") is None:
            return 8 if long else 4
        last = [w.start() for w in WORD.finditer(r.text, max(r.sentence.start, after - 30), after)]
        return 4 if long and not (last and self.loose_words(r, last[-1], after)) else 0  # not تفكيك «…»

    def long_quotation(self, r: SentenceReader, i: int, words: int = 5) -> bool:
        """Whether a quotation of at least `words` words opens at `i` and ends its clause (a full stop,
        a comma or the paragraph's end after it)."""
        if i >= len(r.text) or r.text[i] not in mark_cues().closing:
            return False
        end = self.quotation_end(r.text, i)
        if end is None or len(WORD.findall(r.text, i + 1, end)) < words:
            return False
        return regex.match(r"[\s\u0640]*(?:[.،,!?؟…؛\n]|$)", r.text[end + 1 : end + 4]) is not None

    def through_quotation(self, r: SentenceReader, marks: list[tuple[int, int]], start: int, end: int) -> int:
        """A clause opening with a quotation runs to the quotation's end — past the sentence's, or only
        that far when the quotation ends its clause and holds most of it (انه «…».واوضحت …، «…»، في
        إشارة إلى …)."""
        quotation = next(((s, e) for s, e in marks if s - 1 == start), None)
        if quotation is None:
            opened = next(((s, e) for s, e in marks if s < start < e < end), None)
            if opened is not None:  # معلنا «أن هذه الأرقام مرضية.» وتطرق …: the marks hold what was said
                lead = self.c.introducer.fullmatch(r.view.norm, r.normal_offset(opened[0]), r.normal_offset(start))
                if lead is not None and lead.group("comp") is not None:
                    return opened[1]
            return end
        s, e = quotation
        if e + 1 >= end:
            return e + 1
        if r.text[e] not in mark_cues().closing.get(r.text[start], ""):
            return end
        if regex.match(r"\s*[.!?؟…]", r.text[e + 1 : end]):
            return e + 1
        ends = regex.match(r"\s*[،,]", r.text[e + 1 : end]) is not None
        share = (e - s) / max(1, end - start)  # انه "…" بدون إضافة أي تفاصيل: the narrator's words after the marks
        long = share >= mark_cues().quotation_share and len(WORD.findall(r.text, s, e)) >= 5
        return e + 1 if (ends and share >= 0.6) or long else end

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
                if (
                    self.opens_clause(r, verb)
                    and verb.start >= memory.said_until  # not inside what was said
                    and (memory.in_sentence is None or self.speaker_words(who))
                ):
                    memory.heard(who, quoted=False)  # ونفى السفير … الاتهامات، وقال: … — the speaker goes on
                continue
            start, colon, _ = clause
            end = self.clause_end(r, start, verbs[k + 1 :], quoted=colon)
            start, end = trim(text, start, end, EDGE)
            start = self.past_according(r, verb, start, end)
            end = self.through_quotation(r, marks, start, end)
            end = self.relative_quotation(r, verb, start, end)
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
            if not self.after_preposition(r, verb) and verb.start >= memory.said_until:
                memory.heard(who)  # not حول دعوة X إلى (a noun), nor a cue inside what was said (…، فما لم يكن X تعهد)
            memory.said_until = max(memory.said_until, end)
        out += self.attributed_after(r, marks, used_marks, out, entity_of, memory)
        return sorted(out, key=lambda q: q.start)

    def relative_quotation(self, r: SentenceReader, verb: Verb, start: int, end: int) -> int:
        """A cue in a relative clause whose words open with a quotation (الذين تصفهم المنظمة بأنهم «…» …، ما
        وصفه بـ«…» …): what was said ends with the quotation, the main clause goes on after it."""
        if r.text[start : start + 1] not in self.c.marks:
            return end
        lead = WORD.findall(r.view.norm, max(0, r.normal_offset(verb.start) - 12), r.normal_offset(verb.start))
        if not (verb.relative or (lead and lead[-1] in self.s.relatives)):
            return end
        close = self.quotation_end(r.text, start)
        return close + 1 if close is not None and start < close < end else end

    def after_preposition(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a cue follows a preposition in its sentence (حول دعوة، عن تأكيد): a noun, not a verb."""
        before = list(WORD.finditer(r.text, max(r.sentence.start, verb.start - 12), verb.start))[-1:]
        return (
            bool(before)
            and normalize(before[0].group()) in self.s.not_opening
            and not r.text[before[0].end() : verb.start].strip()
        )

    def speaker_words(self, who: Speaker) -> bool:
        """Whether a speaker is a named one or words headed by a speaker's noun (مصدر، الوزارة، رئيس، أحد): after
        a quote in its sentence, a verb with other words for subject (…، ورد كيدهم) is more of what was said."""
        noun = head(who.words or "")[0]
        return bool(who.entity) or any(
            noun in t for t in (self.s.unnamed_nouns, self.s.org_nouns, self.s.person_titles)
        )

    def opens_clause(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a cue with no content of its own stands as a verb opening a clause — after و/ف, a
        punctuation mark, the sentence's start, a name or قد — and so names a speaker who goes on; not a
        word inside a phrase (عن رفض بلاده، تجري بين الطرفين، مبالغ قدرت بـ)."""
        if (
            r.text[verb.start - 1 : verb.start] in conjunctions()
            and not r.text[verb.start - 2 : verb.start - 1].isalpha()
        ):
            return True
        before = r.text[r.sentence.start : verb.start].rstrip()
        if not before or not before[-1].isalpha():
            return True
        word = WORD.findall(before)[-1]
        return (
            any(m.end == r.sentence.start + len(before) for m in r.mentions)
            or normalize(word) in self.s.verb_particles | self.s.relatives
            or self.framed(before)
        )

    def framed(self, before: str) -> bool:
        """Whether the words before a verb are only a sentence's opening frame (من جهة ثانية قال …)."""
        words = WORD.findall(normalize(before))
        if len(words) > 4:
            return False
        if words and words[0] not in self.rep.frames and words[0][:1] in conjunctions():
            words[0] = words[0][1:]
        return " ".join(words) in self.rep.frames

    def speech(self, r: SentenceReader, quotes: list[Quote]) -> list[Quote]:
        """The quotes that are news speech: no title, date or name in quotation marks, no religious
        citation, proverb or prayer; a partial quote that is also a direct one only once."""
        spans = {(q.start, q.end) for q in quotes if q.kind != "partial"}
        return [
            q for q in quotes if not self.not_speech(r, q) and not (q.kind == "partial" and (q.start, q.end) in spans)
        ]

    def not_speech(self, r: SentenceReader, q: Quote) -> bool:
        """A quotation after a title word (قصته المعنونة بـ«…»، تحت شعار «…»), a one-word date or name
        («الخميس»), a name in marks (`named_quotation`), a clause after a non-complementiser أن (بعد أن …), a
        verb in a wish, a possibility or a relative clause about its object (لو أن …، قد يقول …، التي أعلن
        عنها), a verb of an according-to phrase (وفقا لما ذكرت), words after قال تعالى / قال رسول الله ﷺ /
        يقول المثل, or a prayer (دعا الله أن)."""
        k, text, s0 = mark_cues(), r.text, r.sentence.start
        opening = len(text[: q.start].rstrip()) - 1  # تحت عنوان « عسير …»: a space may follow the mark
        if opening >= s0 and text[opening] in k.closing:
            if k.title_before.search(normalize(text[max(s0, opening - 30) : opening])):
                return True
            words = WORD.findall(q.text)
            if len(words) == 1 and normalize(words[0]) in k.name_words:
                return True
            if q.kind != "indirect" and self.named_quotation(r, q.start, q.end):
                return True
        if q.cue is None:
            return False
        n = r.normal_offset(q.start)
        if q.kind != "direct" and k.not_complementiser.search(r.view.norm, max(0, n - 25), n):
            return True  # ووصفت رحيله بالخسارة، بعد أن ترك …: a time clause, not what was said
        if self.hypothetical(r, q.cue.start) or self.relative_object(r, q.cue) or self.may_say(r, q.cue):
            return True
        c0 = r.normal_offset(q.cue.start)
        if k.according_before.search(r.view.norm, max(0, c0 - 15), c0):
            return True  # وأوضحت الوزارة وفقا لما ذكرت صحيفة X أن …: the paper is the claim's source
        gap = normalize(text[q.cue.end : max(q.cue.end, q.start)])
        before = normalize(text[max(s0, q.cue.start - 25) : q.cue.start])
        if k.citation.search(gap) or k.citation.search(before) or k.god_speaks.match(gap):
            return True
        return strip_conjunction(normalize(q.cue.text), k.prayer_verbs) in k.prayer_verbs and bool(k.prayer.search(gap))

    def hypothetical(self, r: SentenceReader, at: int) -> bool:
        """Whether a speech verb at `at` follows a wish or unreal condition in its clause (يتمنى لو أن الكلية
        طالبت …، ليت الوزارة تؤكد): nothing was said."""
        k = mark_cues()
        clause = regex.split(r"[،,.:؛!?؟\n]", r.text[max(r.sentence.start, at - 60) : at])[-1]
        words = [strip_conjunction(normalize(w), k.hypothetical) for w in WORD.findall(clause)]
        return any(w in k.hypothetical for w in words[-k.hypothetical_reach :])

    def may_say(self, r: SentenceReader, cue: Span) -> bool:
        """Whether a present speech verb follows قد / ربما (قد يقول المرء إن …): a possibility, not a report."""
        verb = strip_conjunction(normalize(cue.text), self.known)
        if verb[:1] not in self.rep.present or verb in self.rep.past_present_like:
            return False
        before = [normalize(w) for w in WORD.findall(r.text, max(r.sentence.start, cue.start - 10), cue.start)][-1:]
        return bool(before) and before[0] in mark_cues().possibility

    def relative_object(self, r: SentenceReader, cue: Span) -> bool:
        """Whether a speech verb stands in a relative clause about the noun before it, named again after the
        verb (الصفقة التي أعلن عنها للتو …، ما يتحدث عنه): it reports no content of its own."""
        k = mark_cues()
        before = [normalize(w) for w in WORD.findall(r.text, max(r.sentence.start, cue.start - 12), cue.start)][-1:]
        after = [normalize(w) for w in WORD.findall(r.text, cue.end, min(r.sentence.end, cue.end + 10))][:1]
        relatives = self.s.relatives | k.relative_what
        return bool(before and after) and before[0] in relatives and after[0] in k.resumptive

    def named_quotation(self, r: SentenceReader, start: int, end: int) -> bool:
        """Whether the words inside marks at start..end are a name, not words said: mostly one tagged name
        («المرصد السوري لحقوق الإنسان»), after a noun a name follows (مدير «…»، حلقة «…»), or described by a
        definite adjective of origin right after the marks («حزب الله» الإرهابي)."""
        k = mark_cues()
        size = len(r.text[start:end].strip())
        if size and any(
            m.label != "NORP" and min(end, m.end) - max(start, m.start) >= k.name_share * size for m in r.mentions
        ):
            return True
        found = list(WORD.finditer(r.text, start, end))
        named = [
            w
            for w in found
            if normalize(w.group()) in self.rep.titles
            or any(m.label != "NORP" and m.start <= w.start() < m.end for m in r.mentions)
        ]
        if found and len(named) >= k.name_share * len(found):
            return True  # «المرصد السوري لحقوق الإنسان»، "الأستاذ عبد العزيز العيد": a name, with its title
        words = [normalize(w.group()) for w in found]
        before = list(WORD.finditer(r.text, max(r.sentence.start, start - 20), start))[-1:]
        partitive = len(words) > 1 and words[1] in self.c.not_subject  # لـ«مجموعة من العمليات …»: a quantity
        if (
            words
            and len(words) <= 2 * k.name_words_max
            and not partitive
            and self.name_after_preposition(r, words[0], before, start)
        ):
            return True  # المدير العام لـ«شركة مخزن الخليج لبيع مواد البناء»
        if not words or len(words) > k.name_words_max:
            return False
        if self.titled_name(r, words, found):
            return True
        definite = words[0].startswith(self.c.article) or len(words) > 2  # قائد «قومي»: an adjective, no name
        if definite and before and not r.text[before[0].end() : start - 1].strip(BETWEEN_MARK):
            heads = self.s.person_titles | k.name_heads | self.s.org_nouns  # صندوق «بيرهاد للتنمية الماليزية»
            if strip_conjunction(normalize(before[0].group()), heads) in heads:
                return True
        closing = r.text[end : end + 1]
        after = r.normal_offset(min(len(r.text), end + 1))
        return bool(closing) and closing in "".join(k.closing.values()) and bool(k.nisba.match(r.view.norm, after))

    def titled_name(self, r: SentenceReader, words: list[str], found: list) -> bool:
        """Whether a short quotation opens with a plan's, programme's or body's noun and a definite or named
        word after it («خطة دبي 2021»، «خارطة الطريق»): a name, not words (not «حكومة فاشلة»)."""
        if len(words) < 2 or len(words) > mark_cues().name_words_max - 1:
            return False
        nouns = mark_cues().title_nouns | self.c.name_nouns | self.s.org_nouns
        second = found[1].start()
        return words[0] in nouns and (
            words[1].startswith(self.c.article) or any(m.start <= second < m.end for m in r.mentions)
        )

    def name_after_preposition(self, r: SentenceReader, first: str, before: list, start: int) -> bool:
        """Whether a quotation opening with the noun of a body or outlet (شركة، تطبيق، صحيفة) follows a
        preposition (لـ«شركة …»، في «صحيفة …»): a name, since no clause starts there."""
        if first not in self.c.name_nouns and first not in self.s.org_nouns:
            return False
        if not before or r.text[before[0].end() : start - 1].strip(BETWEEN_MARK):
            return False
        word = normalize(before[0].group())
        return word in self.c.not_subject or word in self.c.attached or word in mark_cues().prepositions

    def quoted_words(self, r: SentenceReader, start: int, end: int) -> bool:
        """A quotation inside reported speech that is words, not a quoted name (شركة "إنتل")."""
        if any(m.start <= start and end <= m.end for m in r.mentions) or not WORD.search(r.text, start, end):
            return False  # a name, or a bare number (تقدر بـ «700» كرسي)
        first = WORD.search(r.text, start, end)
        if mark_cues().label.match(r.view.norm, r.normal_offset(start), r.normal_offset(end)) and self.c.article in (
            first.group()[:3] if first else ""
        ):
            return False  # «الدول المارقة»، «السيلفي»: a label in marks (not «آلاف», folded alike)
        if not r.text[start:end].lstrip()[:1].isalnum():
            return False  # "… - حيث …": marks paired across two quotations, not one quoted phrase
        if not regex.search(r"\p{Arabic}", r.text[start:end]):
            return False  # العيوب والتشققات "cracks": a foreign term
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
        if self.s.participle.fullmatch(verb.norm) and not verb.norm.endswith(self.s.letters["plural_suffixes"][0]):
            return self.grouped(r, verb, self.participle_speaker(r, verb, entity_of, memory), memory)
        between = [
            m
            for m in r.mentions
            if verb.end <= m.start
            and m.end <= until
            and m.label != "NORP"
            and self.plausible(m)
            and not self.in_a_name(r, m)
            and not self.published_by(r, verb, m)
        ]
        plural = verb_form(verb.norm, self.c.verbs)[1]
        if plural:  # وقالوا ضمن حملة «X»: a plural verb has its subject before it, the names after are no subject
            between, until = [], verb.end
        definite = self.definite_subject(r, verb)
        holder = (
            None if any(m.label == "PERSON" for m in between) else self.title_holder(r, verb, until, entity_of, memory)
        )
        subject = named_first = None if holder else self.first_named(r, verb, between)
        for label in (
            () if holder or subject else ("PERSON",) if definite else ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC")
        ):
            chosen = [m for m in between if m.label == label and not self.addressed(r, verb, m)]
            chosen = [m for m in chosen if not m.description] or chosen  # a name over a title
            chosen = [m for m in chosen if normalize(m.text) not in self.s.person_titles] or chosen  # معالي أمين …
            if label == "PERSON":  # قالت after a man's name is not his (the verb agrees with its subject)
                chosen = [m for m in chosen if self.agrees(verb, entity_of.get(id(m)), memory)]
            if label in ("GPE", "LOC", "FAC", "MISC"):
                chosen = [m for m in chosen if not r.text[verb.end : m.start].strip()]
            if chosen:
                subject = chosen[0]
                break
        if (
            subject is not None and subject.label == "ORG" and not named_first
        ):  # رئيس مجلس إدارة مجموعة «X» فلان: the person
            owner = next((m for m in r.mentions if m.label == "PERSON" and 0 < m.start - subject.end <= 3), None)
            if owner is not None and not WORD.search(r.text, subject.end, owner.start):
                subject = owner
                between.append(owner)
        after = subject.end if subject else verb.end
        if subject:  # a title mention right before the name (a description) joins it
            after = max([after] + [m.end for m in between if m.entity == subject.entity])
        addressee, addressee_start = self.addressee(r, after, until, entity_of, anywhere=subject is None)
        who = Speaker(entity_of.get(id(subject)) if subject else None)
        if subject is None and addressee and memory.model and self.document_of(r, verb, addressee_start):
            if addressee in memory.model.entities:  # وأفاد بيان لوزارة الداخلية: the ministry's statement
                who.entity = addressee
            else:
                for t in r.article.timexes:  # بيان للوزارة اليوم: without the date
                    if addressee_start < t.start < until and r.text[t.start : t.end] in addressee:
                        addressee = addressee[: addressee.find(r.text[t.start : t.end])].strip()
                resolved = memory.model.resolve(addressee, verb.end, (memory.entity, memory.words))
                who.entity, who.words = resolved if resolved and (resolved[0] or resolved[1]) else (None, addressee)
            return self.grouped(r, verb, who, memory)
        if subject is not None and subject.label == "PERSON" and who.entity:  # قالت نوال: Nawal is a woman
            gender = verb_form(verb.norm, self.c.verbs)[0]
            if gender is not None:
                memory.genders.setdefault(who.entity, gender)
        if subject is None:
            end = addressee_start if addressee_start is not None else until
            words = definite or self.subject_words(r, verb.end, end)
            if not words and addressee_start is not None and not r.text[verb.end : addressee_start].strip():
                later = self.subject_words(r, self.past_addressee(r, addressee_start, until), until)
                noun = head(later)[0]
                if noun in self.s.unnamed_nouns or noun in self.s.person_titles or noun in self.rep.partitive:
                    words = later  # وأوضح لـ«عكاظ» مصدر مطلع: the subject after the addressee
            words = self.before_object(verb, words)
            bare = words and self.title_then_object(verb, words)
            if words and (self.object_words(verb, words) or bare):
                words = ""  # طالب اللاعبين بـ، تدعو كل المقاتلين إلى: the addressee, the subject was dropped
            if holder:
                who.entity = holder
            elif memory.model and (issued := self.in_document(r, verb, memory)):
                who.entity, who.words = issued
            elif (
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
                elif who.entity is None and memory.model and (near := memory.model.misspelt(words)):
                    who.entity, who.words = near, None  # وقال كوكر after السيناتور بوب كوركر
            elif memory.model and (titled := self.title_subject(r, verb, end, memory)) is not None:
                who.entity, who.words = titled
            elif memory.model and (described := self.described_before(r, verb)):
                who.entity, who.words = memory.model.named_as(described), described
            elif (before := self.subject_before(r, verb)) is not None and self.agrees(
                verb, entity_of.get(id(before)), memory
            ):  # الإطاحة بالرئيس بشار الأسد وتقول: a man's name before تقول is not its subject
                who.entity = entity_of.get(id(before))
            elif memory.model and (relative := self.relative_subject(r, verb)):
                resolved = memory.model.resolve(relative, verb.start, (memory.entity, memory.words))
                who.entity, who.words = resolved if resolved and (resolved[0] or resolved[1]) else (None, relative)
            elif plural and (group := self.group_subject(r, verb)):
                who.words = group
            elif (framed := self.subject_in_frame(r, verb, entity_of, memory)) is not None:
                who.entity, who.words = framed
            elif words and memory.model and (long := self.described_subject(r, verb, words, end, memory)):
                who.words = long
                resolved = memory.model.resolve(long, verb.end, (memory.entity, memory.words))
                if resolved and (resolved[0] or resolved[1]):
                    who.entity, who.words = resolved
            elif (complement := self.complement_subject(r, verb, entity_of, memory)) is not None:
                who.entity, who.words = complement
            elif plural and (group := self.group_before(r, memory) or self.previous_group(r, verb, memory)):
                who.words = group
            elif bare and not self.title_known(memory, bare, verb.start):
                who.words = bare  # ودعا الرئيس المواطنين إلى with no president before: the title itself
            else:
                who.entity, who.words = memory.last(r, verb, lambda e: self.agrees(verb, e, memory))
        elif related := self.related_of(r, verb, subject):
            who.entity, who.words = None, related  # ورد محاميا فلان، طالبت جماهير نادي X: they, not the name
        elif subject.label != "PERSON" and (unnamed := self.unnamed_of(r, verb, subject)):
            who.entity, who.words = None, unnamed  # قال مسؤول في وزارة الخارجية: the official, not the ministry
        elif self.common_name(subject) and memory.model and (titled := self.title_of(r, verb, subject, memory)):
            who.entity, who.words = titled  # أعرب وزير الري المصري: the minister, not the ministry's field
        elif who.entity is None:
            who.words = subject.text
        who.addressee = addressee
        if who.entity is None and who.words and (named := self.name_after_title(r, verb, who.words, until)):
            who.words = named  # المتحدث باسم المركز رأفت الصباغ with the name untagged: the title and the name
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
        if (
            verb.norm in self.c.relay_verbs
            and subject is None
            and (relayed := self.impersonal_relay(r, verb, until, entity_of, memory))
        ):
            who.entity, who.words = relayed  # ونُقل عن مصادر في الوزارة تأكيدها أن: the source, named by no one
        if verb.norm in self.c.relay_verbs and not who.reported_by and self.relayed_pronoun(r, verb.end, until):
            who.reported_by = [who.entity] if who.entity else []  # نقل موقع النادي عنه قوله: the person going on
            who.entity, who.words = memory.last(r, verb, lambda e: self.agrees(verb, e, memory))
        return self.grouped(r, verb, who, memory)

    def impersonal_relay(self, r: SentenceReader, verb: Verb, until: int, entity_of, memory: Memory):
        """A relay verb with no subject before عن (ونُقل عن مصادر في المقاومة تأكيدهم أن): the source after عن — the
        name there, else its words resolved by the speaker model — as (entity, words); None otherwise."""
        n = r.normal_offset(verb.end)
        relay = self.c.relay_from.match(r.view.norm, n + len(r.view.norm[n:]) - len(r.view.norm[n:].lstrip()))
        if relay is None or memory.model is None:
            return None
        after = r.original(relay.end(), relay.end())[0]
        named = next((m for m in r.mentions if after <= m.start <= after + 2 and m.end <= until), None)
        if named is not None and named.label in ("PERSON", "ORG") and entity_of.get(id(named)):
            return entity_of[id(named)], None
        return self.relayed_words(r, after, until, memory)

    def published_by(self, r: SentenceReader, verb: Verb, m: Mention) -> bool:
        """Whether a name follows a verb of publishing the statement after a phrase opening the gap (وأضاف في تصريح
        نشرته وكالة X; not وذكر بيان نشرته وكالة X, whose subject is the statement): it carried the words, the
        cue's subject was dropped."""
        words = [normalize(w) for w in WORD.findall(r.text, verb.end, m.start)]
        return bool(words) and words[0] in self.s.not_opening and any(w in self.s.publishing_verbs for w in words)

    def name_after_title(self, r: SentenceReader, verb: Verb, words: str, until: int) -> str:
        """A title standing for the speaker (المتحدث الرسمي باسم مركز X، المدير الإقليمي للشركة) followed, before what
        was said, by the rest of its name phrase and a name the NER missed (… باسم الجناح العسكري بختيار دوغان، …):
        the title through the name, else nothing. The name is one to three words after the title's definite
        words, its first word indefinite and none of them a word of the tables."""
        start = r.text.find(words, verb.end, until)
        noun, definite = head(words)
        if start < 0 or not definite or noun not in self.s.person_titles:
            return ""
        gap = regex.match(r"[^،,.:;؛!?؟\n«»“”\"()]*", r.text[start + len(words) : until]).group()
        found = WORD.findall(normalize(gap))
        if not 1 <= len(found) <= 8 or any(
            t.start < start + len(words) + len(gap) and t.end > start for t in r.article.timexes
        ):
            return ""
        name = next(
            (
                k
                for k, w in enumerate(found)
                if not w.startswith(tuple(self.s.letters["definite"])) and w not in self.s.letters["name_links"]
            ),
            None,
        )  # the title's name goes on over definite words (باسم مركز الملك سلمان للإغاثة والأعمال الإنسانية)
        if name is None or not 1 <= len(found) - name <= 3 or not self.untitled_name(found[name:], name == 0):
            return ""
        return r.text[start : start + len(words) + len(gap.rstrip())]

    def untitled_name(self, words: list[str], first: bool) -> bool:
        """Whether words may be a person's name the NER missed: no word of the cue and speaker tables."""
        tables = (
            self.c.gap_words,
            self.s.not_opening,
            self.s.description_end,
            self.s.unnamed_nouns,
            self.s.org_nouns,
            self.s.document_nouns,
            self.s.place_nouns,
            self.s.person_titles,
            self.s.adverbs,
            self.s.clause_openers,
            self.s.pronoun_phrases,
            self.s.not_subject_words,
            self.s.demonstratives,
            self.s.person_nouns,
        )
        if first and words[0].startswith(self.s.letters["lam"]):
            return False  # لوكالة فرانس برس: an addressee
        return not any(w in t or self.known_word(w) for w in words for t in tables)

    def plural_cue(self, verb: Verb) -> bool:
        """Whether a cue is plural: a verb in وا / ون, or a participle in ين / ون (مؤكدين، مشيرون)."""
        if verb_form(verb.norm, self.c.verbs)[1]:
            return True
        norm = strip_conjunction(verb.norm, self.rep.participles)
        stem = norm[:-2] + self.s.letters["accusative"]
        return norm.endswith(tuple(self.s.letters["plural_endings"])) and (
            stem in self.rep.participles or stem in self.c.verbs
        )

    def grouped(self, r: SentenceReader, verb: Verb, who: Speaker, memory: Memory) -> Speaker:
        """A plural cue given to one person (تبادل الموظفون التهاني …، مؤكدين أن → not the mayor named before):
        the group named last before it in its sentence, or the last group heard; else the speaker as found."""
        entity = memory.model.entities.get(who.entity or "") if memory.model else None
        if self.plural_cue(verb) and (entity is None or entity.label != "PERSON") and not self.speaks_as_group(who):
            group = self.opening_group(r, verb, memory)  # ينتظر عشاق النادي …، مطالبين: not the club, not no one
            return Speaker(None, group, who.addressee, who.reported_by) if group else who
        if entity is None or entity.label != "PERSON" or not self.plural_cue(verb):
            return who
        if len({m.entity for m in r.mentions if m.label == "PERSON" and m.end <= verb.start}) > 1:
            return who  # X وY، مشيرين: two people named
        group = (
            self.group_in_sentence(r, verb, memory)
            or self.opening_group(r, verb, memory)
            or next((w for e, w in reversed(memory.history) if e is None and w and self.group_words(w)), None)
        )
        return Speaker(None, group, who.addressee, who.reported_by) if group else who

    def opening_group(self, r: SentenceReader, verb: Verb, memory: Memory) -> str | None:
        """The group a sentence opens with, or names right after its first verb (أكد عدد من سكان القرى …، مشيرين؛
        ينتظر عشاق النادي …، مطالبين): its words with the partitive and description; None otherwise."""
        words = list(WORD.finditer(r.text, r.sentence.start, verb.start))[:4]
        norms = [strip_conjunction(normalize(w.group())) for w in words]
        if not norms or norms[0] in self.s.not_opening or memory.model is None:
            return None
        partitive, link = self.rep.partitive, self.s.letters["partitive_link"]
        for k, norm in enumerate(norms):
            if not (self.plural_noun(norm) or head(norm)[0] in self.s.group_nouns):
                continue
            at = next(  # where the group's words start: its partitive (عدد من، بعض) or the noun itself
                (j for j in range(k) if norms[j] in partitive and norms[j + 1 : k] in ([], [link]) and j <= 1),
                k if k <= 1 else None,
            )
            if at is None or any(m.start <= words[k].start() < m.end for m in r.mentions):
                return None
            w, first = words[k], words[at]
            start = first.start() + len(first.group()) - len(norms[at])  # without the و
            end = w.end() if head(norm)[1] else memory.model.description_end(w.start(), verb.start)
            if quoted := QUOTED_NAME.match(r.text, end):  # عدد من أبناء «عدن»: the name in marks with them
                end = quoted.end()
            return r.text[start:end] if end > start else None
        return None

    def previous_group(self, r: SentenceReader, verb: Verb, memory: Memory) -> str | None:
        """A plural verb opening its sentence with a dropped subject (انتقد عدد من شباب المدينة …. وقالوا إنهم): the
        group the previous sentence opens with, when no speaker was heard since."""
        first = WORD.search(r.text, r.sentence.start)
        if memory.in_sentence is not None or first is None or first.end() < verb.end:
            return None  # the verb opens its sentence (وقالوا)
        if self.speaks_as_group(Speaker(memory.entity, memory.words)):
            return None  # the group heard last goes on
        i = bisect_left([s.start for s in r.article.sentences], r.sentence.start)
        if not i:
            return None
        previous = SentenceReader(r.article, r.article.sentences[i - 1])
        return self.opening_group(previous, Verb(previous.sentence.end, previous.sentence.end, verb.norm), memory)

    def speaks_as_group(self, who: Speaker) -> bool:
        """Whether a speaker's words name a group or unnamed sources (مصادر محلية، عدد من السكان، الأهالي)."""
        if who.entity is not None or not who.words:
            return False
        noun = head(strip_conjunction(normalize(who.words.split()[0])))[0]
        return self.group_words(who.words) or noun in self.s.group_nouns or noun in self.s.unnamed_nouns

    def group_words(self, words: str) -> bool:
        """Whether words name a group: their first word (or the one after بعض / عدد من) is a plural noun."""
        found = [strip_conjunction(normalize(w)) for w in WORD.findall(words)][:3]
        while found and (
            found[0] in self.rep.partitive
            or found[0] in self.c.gap_words
            or found[0] == self.s.letters["partitive_link"]
        ):
            found = found[1:]
        return bool(found) and self.plural_noun(found[0])

    def plural_noun(self, norm: str) -> bool:
        """A sound plural noun (المواطنون، مسؤولين), not a verb (يقولون) nor a relative (الذين)."""
        letters = self.s.letters
        return (
            len(norm) >= 5
            and norm.endswith(tuple(letters["plural_endings"]))
            and not norm.startswith((letters["imperfect_he"], letters["imperfect_she"]))
            and norm not in self.s.relatives
        )

    def group_in_sentence(self, r: SentenceReader, verb: Verb, memory: Memory) -> str | None:
        """The plural noun nearest before a cue in its sentence, outside names, with its partitive and
        description (وأشار عدد من زوار المهرجان، تبادل الموظفون التهاني)."""
        words = list(WORD.finditer(r.text, r.sentence.start, verb.start))
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if not self.plural_noun(strip_conjunction(normalize(w.group()))):
                continue
            if any(m.start <= w.start() < m.end for m in r.mentions):
                continue
            while k and self.plural_noun(strip_conjunction(normalize(words[k - 1].group()))):
                k -= 1  # لاعبين آخرين: the noun before its adjective
            w, start = words[k], words[k].start()
            if strip_conjunction(normalize(w.group())) != normalize(w.group()):
                start += 1  # ولاعبين آخرين: without the و
            if (
                k >= 2
                and normalize(words[k - 1].group()) == self.s.letters["partitive_link"]
                and normalize(words[k - 2].group()) in self.rep.partitive
            ):
                start = words[k - 2].start()  # عدد من الزوار
            elif k >= 1 and normalize(words[k - 1].group()) in self.rep.partitive:
                start = words[k - 1].start()  # بعض المشاركين
            definite = head(w.group())[1]  # الموظفون alone (the words after it are its object), مواطنون في المدينة
            end = w.end() if definite else memory.model.description_end(w.start(), verb.start)
            return r.text[start:end] if end > start else None
        return None

    def first_named(self, r: SentenceReader, verb: Verb, between: list[Mention]) -> Mention | None:
        """After a verb that takes a person as object (يتهم «داعش» الملا عمر بأنه، دعت الوزارة المواطنين): the
        name right after the verb is the subject, a later one the object."""
        if strip_conjunction(verb.norm, self.s.addressing) not in self.s.addressing:
            return None
        first = next((m for m in between if m.label in ("PERSON", "ORG", "GPE")), None)
        if first is None or r.text[verb.end : first.start].strip(' «»“”"') or self.addressed(r, verb, first):
            return None
        return first

    def drop_named_after(self, r: SentenceReader, entity_of: dict) -> None:
        """A person a place or body is named after (ضاحية السيدة زينب، جامعة الملك سعود) is no speaker
        of the sentence, nor its topic or opening subject."""
        for m in r.mentions:
            if id(m) in entity_of and (self.in_a_name(r, m) or self.verb_as_name(r, m)):
                del entity_of[id(m)]

    def verb_as_name(self, r: SentenceReader, m: Mention) -> bool:
        """A one-word "name" joined to the conjunction opening the sentence and right before a participle
        (وشرحت قائلة، وتابع مؤكدا): the verb, which the NER tagged; its subject is the speaker heard before."""
        opening = WORD.search(r.text, r.sentence.start)
        if opening is None or opening.end() != m.end or len(opening.group()) - len(m.text) != 1 or " " in m.text:
            return False
        if strip_conjunction(opening.group()) == opening.group():
            return False
        after = WORD.search(r.text, m.end)
        return bool(
            after
            and not r.text[m.end : after.start()].strip()
            and self.s.participle.fullmatch(normalize(after.group()))
        )

    def in_a_name(self, r: SentenceReader, m: Mention) -> bool:
        """Whether a person is part of the name of a body or place right before it (مركز الملك سلمان للإغاثة;
        not رئيس النقابة محمد العلي: a definite noun ends a title)."""
        if m.label != "PERSON":
            return False
        before = list(WORD.finditer(r.text, max(r.sentence.start, m.start - 32), m.start))[-2:]
        if not before or r.text[before[-1].end() : m.start].strip():
            return False
        titles = self.s.feminine_titles | self.s.masculine_titles
        gap = r.text[before[0].end() : before[-1].start()]
        if len(before) == 2 and normalize(before[1].group()) in titles and not gap.strip():
            before = before[:1]  # حي السيدة زينب، مسجد السيدة نفيسة: the title is part of the place's name
        noun, definite = head(before[-1].group())
        return not definite and noun in self.s.named_after

    def title_then_object(self, verb: Verb, words: str) -> str:
        """After a verb that addresses people, a bare title and more words (ودعا الوزير المنظمات الدولية إلى):
        the title, the subject (read on its own by `title_subject`); the rest is the object."""
        found = list(WORD.finditer(words))
        first = normalize(found[0].group()) if found else ""
        if (
            len(found) > 1
            and strip_conjunction(verb.norm, self.s.addressing) in self.s.addressing
            and first in self.c.gap_words
            and first.startswith(self.c.article)
            and head(found[1].group())[1]
        ):
            return found[0].group()
        return ""

    def title_known(self, memory: Memory, title: str, at: int) -> bool:
        """Whether the article gave the title (الوزير → وزير) to someone before `at` (وزير النقل X): then a bare
        title is the speaker going on, else a speaker of its own."""
        if memory.model is None:
            return True
        noun = normalize(title).removeprefix(self.c.article)
        before = memory.model.view.norm[: memory.model.normal(at)]
        return (
            regex.search(rf"(?<![\p{{L}}\p{{M}}])\p{{L}}{{0,3}}{regex.escape(noun)}(?![\p{{L}}\p{{M}}])", before)
            is not None
        )

    def relayed_pronoun(self, r: SentenceReader, start: int, until: int) -> bool:
        """Whether a relay verb's source is followed by a pronoun for the person relayed (عنه قوله)."""
        words = [normalize(w) for w in WORD.findall(r.text, start, until)][:8]
        return any(w in self.s.relay_pronouns for w in words)

    def before_object(self, verb: Verb, words: str) -> str:
        """The subject's words before the people a verb addresses (دعت قيادة المقاومة «جميع المقاومين» إلى →
        قيادة المقاومة): they end before a quantifier opening a later phrase."""
        if not words or strip_conjunction(verb.norm, self.s.addressing) not in self.s.addressing:
            return words
        found = list(WORD.finditer(words))
        cut = next((w for w in found[1:] if normalize(w.group()) in self.s.quantifiers), None)
        return words[: cut.start()].strip(EDGE + '«»“”"') if cut else words

    def object_words(self, verb: Verb, words: str) -> bool:
        """Whether the words after a verb are its object, not its subject: a definite plural in -ين (طالب
        اللاعبين، أبلغ المسؤولين), or after a verb that addresses people, a quantifier with one (دعا كل
        المقاتلين، حث جميع المواطنين)."""
        found = [normalize(w) for w in WORD.findall(words)]
        letters = self.s.letters
        if found and letters["tanwin_fath"] in WORD.findall(words)[0]:
            return True  # وأورد رقماً يثير …: a word written accusative is the object
        if (
            found
            and found[0].startswith(letters["prepositions"][0])
            and len(found[0]) > 3
            and strip_conjunction(verb.norm, self.s.with_ba) in self.s.with_ba
        ):
            return True  # وأشاد بمقاتلي المقاومة: the object after ب, the subject dropped
        first = WORD.findall(words)[:1]
        if (
            first
            and first[0].endswith(letters["ta_marbuta"])
            and head(first[0]) in [(n, True) for n in self.s.org_nouns]
        ):
            if self.masculine(verb):
                return True  # كما دعا الحكومة إلى: a feminine body after a masculine verb is its object
        if found and found[0] in self.s.quantifiers:
            addressing = strip_conjunction(verb.norm, self.s.addressing) in self.s.addressing
            possessed = len(found) > 1 and found[1].endswith(letters["possessives"])  # جميع مواطنيها
            return addressing and len(found) > 1 and (head(found[1])[1] or possessed)  # not كل من الوزير والسفير
        return bool(found) and head(found[0])[1] and found[0].endswith(letters["oblique_plural"]) and len(found[0]) > 5

    def masculine(self, verb: Verb) -> bool:
        """Whether a verb is masculine singular: by the verb table (قال has قالت), or a verb that addresses
        people written without the feminine ت (دعا، طالب; not دعت، تطالب)."""
        form = verb_form(verb.norm, self.c.verbs)
        if form[0] is not None or form[1]:
            return form == (False, False)
        norm, letters = strip_conjunction(verb.norm, self.s.addressing), self.s.letters
        return norm in self.s.addressing and not (
            norm.endswith(letters["feminine_suffix"]) or norm.startswith(letters["imperfect_she"])
        )

    def complement_subject(self, r: SentenceReader, verb: Verb, entity_of, memory: Memory):
        """A subject set off by a comma after أن / إن (يذكر أن مصدرا مسؤولا في اللجنة، قال إن …): the person named
        in it, else its description resolved by the speaker model, as (entity, words); None otherwise."""
        before = r.text[r.sentence.start : verb.start].rstrip()
        if memory.model is None:
            return None
        set_off = before.endswith(("،", ","))  # without the comma only an unnamed source (فإن خبيرا قانونيا أكد)
        comma = r.sentence.start + len(before) - (1 if set_off else 0)
        reach = max(r.sentence.start, comma - 160)  # a dozen words back at most, from a whole word
        words = list(WORD.finditer(r.text, reach, comma))[(reach > r.sentence.start) :]
        opening = next(
            (
                k
                for k in range(len(words) - 1, -1, -1)
                if strip_conjunction(normalize(words[k].group())) in self.c.plain_complementisers
            ),
            None,
        )
        if opening is None or opening == len(words) - 1 or len(words) - opening > 13:
            return None
        phrase = words[opening + 1 :]
        if regex.search(r"[،,:؛]", r.text[phrase[0].start() : comma]) or any(
            self.known_word(w.group()) for w in phrase
        ):
            return None
        named = [m for m in r.mentions if phrase[0].start() <= m.start and m.end <= comma and entity_of.get(id(m))]
        person = next((m for m in named if m.label == "PERSON"), None)
        if person is not None and set_off:
            return entity_of[id(person)], None
        noun, definite = head(phrase[0].group())
        if noun.endswith(self.s.letters["accusative"]) and noun[:-1] in self.s.unnamed_nouns:
            noun = noun[:-1]  # أن مسؤولا في اللجنة: the noun after أن is accusative
        if not set_off and (definite or noun not in self.s.unnamed_nouns or len(phrase) > 4 or named):
            return None
        if noun in self.s.unnamed_nouns and not definite:
            return None, r.text[phrase[0].start() : memory.model.description_end(phrase[0].start(), comma + 1)]
        if noun in self.s.person_titles or noun in self.s.unnamed_nouns or noun in self.s.org_nouns:
            words_ = r.text[phrase[0].start() : comma]
            resolved = memory.model.resolve(words_, phrase[0].start(), (memory.entity, memory.words))
            return resolved if resolved and (resolved[0] or resolved[1]) else (None, words_)
        return None

    def group_subject(self, r: SentenceReader, verb: Verb) -> str:
        """SVO with a plural verb (أعضاء الفريق أكدوا أنهم، والمواطنون في الحي يطالبون بـ): the group its clause
        opens with — a plural noun first, at most five words, no name nor other verb between — else nothing."""
        clause = regex.split(r"[،,.:؛!?؟\n]", r.text[max(r.sentence.start, verb.start - 60) : verb.start])[-1]
        words = list(WORD.finditer(r.text, verb.start - len(clause), verb.start))
        if not words or len(words) > 5 or r.text[verb.start - len(clause) : words[0].start()].strip(EDGE + '«»“”"'):
            return ""
        first = strip_conjunction(normalize(words[0].group()))
        noun = head(first)[0]
        if not (self.plural_noun(first) or noun in self.s.group_nouns or noun in self.s.unnamed_nouns):
            return ""
        if any(m.start < verb.start and m.end > words[0].start() and m.label == "PERSON" for m in r.mentions):
            return ""
        if any(self.known_word(w.group()) for w in words):
            return ""
        start = words[0].start() + (len(words[0].group()) - len(first) if first != normalize(words[0].group()) else 0)
        return r.text[start : words[-1].end()]

    def group_before(self, r: SentenceReader, memory: Memory) -> str | None:
        """A plural verb with a dropped subject (وقالوا لـ«عكاظ» إن) whose last speaker is no group: the group
        the previous sentence opened with after its verb (أثنى مواطنون في محافظة القطيف على …)."""
        plural = tuple(self.s.letters["plural_endings"])
        if (memory.words and normalize(memory.words).split()[0].endswith(plural)) or memory.model is None:
            return None
        sentences = r.article.sentences
        i = bisect_left([s.start for s in sentences], r.sentence.start)
        start, stop = (sentences[i - 1].start, sentences[i - 1].end) if i else (0, 0)
        if memory.speaking_at - r.sentence.start > 20:  # أثنى مواطنون على …. وقالوا: one sentence to the splitter
            start, stop = r.sentence.start, memory.speaking_at
        words = list(WORD.finditer(r.text, start, stop))[:2]
        if len(words) < 2 or not normalize(words[1].group()).endswith(plural) or head(words[1].group())[1]:
            return None
        if any(m.start <= words[1].start() < m.end for m in r.article.mentions):
            return None
        end = memory.model.description_end(words[1].start(), stop)
        return r.text[words[1].start() : end] or None

    def title_holder(self, r: SentenceReader, verb: Verb, until: int, entity_of, memory: Memory) -> str | None:
        """A subject that is a definite title right after the verb (وأكد الزعيم الغامض للحركة أن) with no name
        after it: the person last named before whose role starts with that title, if they agree."""
        first = WORD.search(r.text, verb.end, until)
        if first is None or r.text[verb.end : first.start()].strip() or memory.model is None:
            return None
        if any(m.start <= first.start() < m.end for m in r.mentions):
            return None
        noun, definite = head(first.group())
        if not definite or noun in self.s.org_nouns or noun in self.s.unnamed_nouns or noun in self.s.document_nouns:
            return None
        named = self.chain_end(r, first.end(), entity_of)
        if named is not None:  # أكد الأمين العام للمؤتمر … عميد معهد … الدكتور X: the name the titles lead to
            return entity_of[id(named)] if self.agrees(verb, entity_of[id(named)], memory) else None
        holder = memory.model.role_holder(noun, verb.start)
        second = WORD.match(r.text, first.end() + 1) if r.text[first.end() : first.end() + 1] == " " else None
        adjective = normalize(second.group()) if second is not None else ""
        if (
            second is not None
            and second.end() <= until
            and head(adjective)[1]
            and adjective.endswith(self.s.letters["nisba"])
        ):
            phrase = r.text[first.start() : second.end()]
            if holder and not memory.model.has_title(holder, phrase):  # الرئيس الكيني
                holder = None  # the president named before is another country's
            holder = holder or memory.model.titled(phrase, len(r.text))
        return holder if holder and self.agrees(verb, holder, memory) else None

    def chain_end(self, r: SentenceReader, start: int, entity_of) -> Mention | None:
        """The last person named in a chain of titles from `start` (المستشار في مكتب وزير الدفاع الأمير X العميد
        Y → Y), before any punctuation, relative, complementiser or preposition that ends a description."""
        last = None
        for m in r.mentions:
            if m.start <= start or m.label != "PERSON" or not entity_of.get(id(m)):
                continue
            if m.description or head(m.text)[0] in self.s.person_titles:
                continue  # وزير الدفاع السعودي tagged as a person: a title in the chain
            gap = r.text[start : m.start]
            if m.start - start > TITLE_CHAIN or regex.search(r"[،,:؛.!?؟«»\"“”()]", gap):
                break
            if any(normalize(w) in self.s.description_end for w in WORD.findall(gap)):
                break
            last = m
        return last

    def in_document(self, r: SentenceReader, verb: Verb, memory: Memory) -> tuple[str | None, str | None] | None:
        """`أصدرت الوزارة بيانا طالبت فيه بـ …`، `بيانا جاء فيه:`: the cue speaks for the document named just
        before, so for its issuer (the name before the document in its clause), as (entity, words)."""
        after = WORD.search(r.view.norm, r.normal_offset(verb.end))
        last = WORD.findall(verb.norm)[-1:]
        if not (last and last[0] in self.s.in_document) and not (
            after
            and after.group() in self.s.in_document
            and not r.view.norm[r.normal_offset(verb.end) : after.start()].strip()
        ):
            return None
        issuer = memory.model.named_before(verb.start, reach=90)
        return issuer if issuer and (issuer[0] or issuer[1]) else None

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
        if feminine is None and self.s.participle.fullmatch(verb.norm):  # ذاكرة، معللا: a participle the table lacks
            feminine = verb.norm.endswith(self.s.letters["participle_she"])
        if gender is None or feminine is None:
            return True
        return not plural and gender == feminine

    @staticmethod
    def noun_after_verb(
        r: SentenceReader, verb: Verb, subject: Mention, nouns: frozenset[str], reach: int
    ) -> int | None:
        """Where the phrase before `subject` starts when the word right after the verb is an indefinite noun of
        `nouns` and the phrase through the name is at most `reach` words."""
        first = WORD.search(r.text, verb.end, subject.start)
        if first is None or r.text[verb.end : first.start()].strip():
            return None
        noun, definite = head(first.group())
        if definite or noun not in nouns or len(WORD.findall(r.text, first.start(), subject.end)) > reach:
            return None
        return first.start()

    def unnamed_of(self, r: SentenceReader, verb: Verb, subject: Mention) -> str | None:
        """An unnamed source described by the name after it (مسؤول في وزارة الخارجية، مصادر في الجيش
        العراقي): the whole description, when the word right after the verb is an unnamed source's noun."""
        start = self.noun_after_verb(r, verb, subject, self.s.unnamed_nouns, 8)
        return None if start is None else r.text[start : subject.end]

    def related_of(self, r: SentenceReader, verb: Verb, subject: Mention) -> str | None:
        """People speaking for or about a name (محاميا فلان، جماهير نادي X، أسرة الفقيد فلان): the whole phrase,
        when the word right after the verb is such a noun and the name follows within a few words."""
        start = self.noun_after_verb(r, verb, subject, self.s.related_nouns, 6)
        if start is None:
            return None
        phrase = r.text[start : subject.end]
        opened = [c for c in self.c.marks if c in phrase and self.c.marks[c] not in phrase]
        if opened and r.text[subject.end : subject.end + 1] == self.c.marks[opened[-1]]:
            phrase += self.c.marks[opened[-1]]  # أنصار «X»: the name with its closing mark
        return phrase

    def common_name(self, m: Mention) -> bool:
        """A name a title may be built on: an organisation or place, or a one-word definite "person" (الري)."""
        words = WORD.findall(m.text)
        return m.label != "PERSON" or (len(words) == 1 and head(words[0])[1])

    def title_of(self, r: SentenceReader, verb: Verb, subject: Mention, memory: Memory):
        """A person's title built on a name (وزير الري المصري، مدير شركة أرامكو) right after the verb: the
        person the article gave that title, else the title's words, as (entity, words)."""
        first = WORD.search(r.text, verb.end, subject.start)
        if first is None or r.text[verb.end : first.start()].strip():
            return None
        if (
            normalize(first.group()) not in self.s.person_titles
            or len(WORD.findall(r.text, first.start(), subject.end)) > 5
        ):
            return None
        end = subject.end
        adjective = next((m for m in r.mentions if m.label == "NORP" and 0 < m.start - end <= 1), None)
        end = adjective.end if adjective is not None else end
        phrase = r.text[first.start() : end]
        person = memory.model.titled(phrase, verb.start)
        return (person, None) if person and self.agrees(verb, person, memory) else (None, phrase)

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
        if heard is not None and heard.words and self.s.person_titles & set(normalize(heard.words).split()[:1]):
            titled = next(  # بيّن مدير عام الهيئة … أمين عام المجلس م. محمد العمرة أن …، لافتا: the title's bearer
                (
                    m
                    for m in r.mentions
                    if memory.in_sentence_at < m.start < limit
                    and m.label == "PERSON"
                    and entity_of.get(id(m))
                    and not regex.search(r"[،,:؛]", r.text[memory.in_sentence_at : m.start])
                ),
                None,
            )
            if titled is not None:
                return Speaker(entity_of[id(titled)], reported_by=list(heard.reported_by))
            return Speaker(None, heard.words, reported_by=list(heard.reported_by))  # أعرب وزير الري …، لافتا
        if heard is None and (source := self.opening_source(r, limit, memory)):
            return Speaker(None, source)  # كشفت مصادر مطلعة في الحكومة إصرارها على …، مشيرة: the sources
        for label in ("PERSON", "ORG"):
            named = next(
                (
                    m
                    for m in r.mentions
                    if m.end <= limit
                    and m.label == label
                    and entity_of.get(id(m))
                    and not self.in_a_name(r, m)
                    and not self.spoken_to(r, m)
                    and self.agrees(verb, entity_of[id(m)], memory)
                ),
                None,
            )
            if named is not None:
                return Speaker(entity_of[id(named)])
        if heard is not None:
            return Speaker(None, heard.words, reported_by=list(heard.reported_by))
        if (opening := self.copula_subject(r, limit, memory)) is not None:
            return Speaker(*opening)
        if (opening := self.opening_subject(r, limit, memory)) is not None:
            return Speaker(*opening)
        return Speaker(*memory.last(r, verb, lambda e: self.agrees(verb, e, memory)))

    def opening_source(self, r: SentenceReader, limit: int, memory: Memory) -> str:
        """An unnamed source right after the verb opening the sentence (كشفت مصادر مطلعة في الوزارة …): its
        description; nothing otherwise."""
        words = list(WORD.finditer(r.text, r.sentence.start, limit))[:2]
        if len(words) < 2 or memory.model is None or r.text[r.sentence.start : words[0].start()].strip(EDGE):
            return ""
        lead = strip_conjunction(normalize(words[0].group()), self.s.not_opening)
        if len(lead) < 3 or lead in self.s.not_opening or lead in self.c.gap_words:
            return ""
        noun, definite = head(words[1].group())
        if definite or noun not in self.s.unnamed_nouns or r.text[words[0].end() : words[1].start()].strip():
            return ""
        if any(m.start <= words[1].start() < m.end for m in r.mentions):
            return ""
        return r.text[words[1].start() : memory.model.description_end(words[1].start(), limit)]

    def opening_subject(self, r: SentenceReader, limit: int, memory: Memory) -> tuple[str | None, str | None] | None:
        """A sentence opening on a verb and a person's common noun (واستنكر المواطن …، قائلا؛ وأشاد المدرب …):
        that person, as (entity, words) resolved by the speaker model; None otherwise."""
        words = list(WORD.finditer(r.text, r.sentence.start, limit))[:2]
        if len(words) < 2 or memory.model is None or r.text[r.sentence.start : words[0].start()].strip(EDGE):
            return None
        lead = strip_conjunction(normalize(words[0].group()), self.c.gap_words)
        if len(lead) < 3 or lead in self.c.gap_words or r.text[words[0].end() : words[1].start()].strip():
            return None
        noun, definite = head(words[1].group())
        if not definite or not (noun in self.s.person_nouns or noun in self.s.person_titles):
            return None
        if any(m.start <= words[1].start() < m.end for m in r.mentions):
            return None
        phrase = words[1].group()
        resolved = memory.model.resolve(phrase, words[1].start(), (memory.entity, memory.words))
        return resolved if resolved and (resolved[0] or resolved[1]) else (None, phrase)

    def copula_subject(self, r: SentenceReader, limit: int, memory: Memory) -> tuple[str | None, str | None] | None:
        """The definite subject right after a sentence-opening كان (وكانت الجماهير الشبابية استقبلت …), as
        (entity, words) resolved by the speaker model; None without one."""
        words = list(WORD.finditer(r.text, r.sentence.start, limit))[:5]
        if len(words) < 3 or normalize(words[0].group()) not in self.s.copula_openers or memory.model is None:
            return None
        subject = []
        for w in words[1:4]:
            if r.text[(subject[-1] if subject else words[0]).end() : w.start()].strip():
                break
            if not normalize(w.group()).startswith(self.c.article) or any(
                m.start <= w.start() < m.end for m in r.mentions
            ):
                break
            subject.append(w)
        if not subject or head(subject[0].group())[0] in self.s.document_nouns:
            return None
        phrase = r.text[subject[0].start() : subject[-1].end()]
        resolved = memory.model.resolve(phrase, subject[0].start(), (memory.entity, memory.words))
        return resolved if resolved and (resolved[0] or resolved[1]) else (None, phrase)

    def spoken_to(self, r: SentenceReader, m: Mention) -> bool:
        """Whether a name is an addressee (في حديث مع «X»، لوكالة X), whatever verb it follows."""
        lead = normalize(r.text[max(r.sentence.start, m.start - 8) : m.start]).rstrip('«“"” ')
        return m.proclitic.endswith(self.c.attached) or lead.endswith(self.c.addressee_with + self.c.attached)

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
        if r.text[start:end].lstrip()[:1] in ("،", ","):
            return ""  # فقال، الحمد لله …: a comma right after the verb, its subject stood before it or was dropped
        for t in r.article.timexes:
            if start <= t.start < end:
                end = t.start
        comma = regex.search(r"\S\s*[،,]", r.text[start:end])
        if comma:
            end = start + comma.start() + 1
        addressed = self.s.addressee_mark.search(r.text, start, end)
        if addressed:  # عدد من السكان لـ"عين اليوم": the words stop at the addressee
            end = addressed.start()
        first = None
        for k, w in enumerate(WORD.finditer(r.text, start, end)):
            norm = normalize(w.group())
            participle = self.s.participle.fullmatch(norm) and (
                norm in self.c.verbs
                or norm in self.rep.participles
                or not (k or w.group().endswith(self.s.letters["ta_marbuta"]))
                or (k and norm.endswith(self.s.letters["participle_he"]) and not head(norm)[1])
            )  # يقول معلقا، الحديث معنا معللا ذلك; but قالت ناشطة، أكدت ناخبة: a feminine noun opening the subject
            if participle or (k and norm in self.s.description_end) or (k == 1 and self.object_after(r, first, w)):
                end = w.start()
                break
            first = w
        words = list(WORD.finditer(r.text, start, end))
        while (
            words
            and (
                normalize(words[-1].group()) in self.c.gap_words
                or normalize(words[-1].group()) in self.c.attached
                or normalize(words[-1].group()) in self.s.adverbs
            )
            and not self.describes_source(words)
        ):
            words.pop()
        if not words or all(len(w.group()) < 2 for w in words):
            return ""
        phrase = r.text[start : words[-1].end()].strip(EDGE)
        opened = [c for c in self.c.marks if c in phrase]
        if opened and r.text[words[-1].end() : words[-1].end() + 1] == self.c.marks[opened[-1]]:
            phrase += self.c.marks[opened[-1]]  # وعلمت «عكاظ»: the name with its closing mark
        if phrase[:1] in self.c.marks and self.c.marks[phrase[0]] not in phrase:
            return ""  # وتابع" من الطبيعي …: the quotation opens, no subject
        first = WORD.match(phrase)
        if first and (
            normalize(first.group()) in self.c.not_subject or normalize(first.group()) in self.s.first_person_verbs
        ):
            return ""  # وتابع أعتقد أن: the words said open with the speaker's own verb
        lead = strip_conjunction(normalize(first.group()), self.s.not_opening) if first else ""
        if first and (lead in self.s.not_opening or lead in self.s.not_subject_words):
            return ""  # خلص إلى استنتاج، لفت النظر إلى، طالب بمزيد من: a phrase or an object, the subject dropped
        if len(words) == 1 and (lead in self.s.demonstratives or self.adverb(words[0].group())):
            return ""  # وأرجع ذلك إلى، لا تلفت كثيرا إلى، أعلن رسميا: no subject
        if self.adverb(words[0].group()) and lead.startswith(self.s.letters["imperfect_she"]) and len(lead) > 4:
            return ""  # أكدت، تزامنا مع الغارات، أن: a verbal noun in the accusative, the subject stood before
        if (
            first
            and normalize(first.group()) in self.s.pronoun_phrases
            and not first.group().endswith(self.s.letters["ta_marbuta"])  # فئة folds into فيه
        ):  # وقال لي قائد المجموعة: after the phrase
            return (
                self.subject_words(r, r.text.find(phrase, start) + first.end(), end)
                if first.end() < len(phrase)
                else ""
            )
        if first and self.manner(first.group()):
            return ""  # قال بصوته الهادئ، أشار بالإشارات: how it was said, not who
        return phrase

    def object_after(self, r: SentenceReader, subject, word) -> bool:
        """Whether a verbal noun in ة right after a one-word definite subject is the verb's object (أكد الاجتماع
        أهمية …، أوضحت الوزارة ضرورة …): a definite noun takes no indefinite word after it, bar a title's name."""
        if subject is None or r.text[subject.end() : word.start()].strip():
            return False
        noun, definite = head(subject.group())
        norm = normalize(word.group())
        return (
            definite
            and noun not in self.s.person_titles
            and normalize(subject.group()) not in self.s.feminine_titles
            and normalize(subject.group()) not in self.s.masculine_titles
            and word.group().endswith(self.s.letters["ta_marbuta"])
            and not norm.startswith(tuple(self.s.letters["definite"]))
            and norm not in self.s.male_names_in_ta
            and not any(m.start <= word.start() < m.end for m in r.mentions)
        )

    def describes_source(self, words: list) -> bool:
        """Whether the last word is an adjective of the unnamed source before it (مصادر صحفية، مصدر صحفي), kept
        though it is a gap word elsewhere (في بيان صحفي)."""
        if len(words) < 2:
            return False
        noun, definite = head(words[-2].group())
        last = normalize(words[-1].group())
        nisba = tuple(self.s.letters["nisba_endings"])
        return not definite and noun in self.s.unnamed_nouns and len(last) > 3 and last.endswith(nisba)

    def adverb(self, word: str) -> bool:
        """Whether a lone word is an adverb in the accusative (كثيرا، رسميا، مؤخرا): a word in ا or اً of four
        letters or more that no table knows as a speaker's noun."""
        norm = normalize(word)
        return (
            len(norm) >= 4
            and norm.endswith(self.s.letters["accusative"])
            and not any(norm in t for t in (self.s.unnamed_nouns, self.s.org_nouns, self.s.person_titles))
        )

    def manner(self, word: str) -> bool:
        """Whether a word opens a phrase of manner (ب + the article or + a possessed noun: بالإشارات، بصوته)."""
        letters, norm = self.s.letters, normalize(word)
        if not norm.startswith(letters["prepositions"][0]) or len(norm) < 2:
            return False
        if norm.startswith(letters["preposition_article"][0]):
            return True
        ending = next((e for e in sorted(letters["possessed_endings"], key=len, reverse=True) if word.endswith(e)), "")
        return bool(ending) and normalize(word[: -len(ending)]) not in self.rep.partitive  # not بعضهم

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
        lead = normalize(r.text[max(verb.end, m.start - 3) : m.start]).rstrip('«“"( ')
        before = WORD.findall(r.text, max(verb.end, m.start - 12), m.start)[-1:]
        word = normalize(before[0]) if before else ""
        return (
            lead.endswith(self.c.attached)
            or (word.startswith(self.c.attached) and head(word[1:])[0] in self.s.org_nouns)  # لوكالة فرانس برس
            or m.proclitic.endswith(self.c.attached)
            or WORD.findall(normalize(r.text[verb.end : m.start]))[-1:] in [[w] for w in self.c.addressee_with]
            or self.with_outlet(WORD.findall(normalize(r.text[verb.end : m.start]))[-2:])
        )  # مع before the name, not رجال ألمع

    def with_outlet(self, words: list[str]) -> bool:
        """Whether the two words before a name are مع and a body's noun (في مقابلة مع تلفزيون «X»): spoken to."""
        return len(words) == 2 and words[0] in self.c.addressee_with and head(words[1])[0] in self.s.org_nouns

    def addressee(
        self, r: SentenceReader, after: int, until: int, entity_of, anywhere: bool = False
    ) -> tuple[str | None, int | None]:
        """The addressee after the subject (لـ / في مقابلة مع …): its entity id or its words, and where
        it starts; with `anywhere`, the first one in the gap (no subject: مسؤول أمريكي لوكالة …)."""
        n, stop = r.normal_offset(after), r.normal_offset(until)
        m = (self.c.addressee_any.search if anywhere else self.c.addressee.match)(r.view.norm, n, stop)
        word = WORD.match(r.view.norm, m.start()) if m else None
        if word and (word.group() in self.s.org_nouns or word.group() in self.s.person_titles):
            return None, None  # قال رئيس لجنة التنمية: لجنة is a noun, not لـ + جنة
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

    def described_subject(self, r: SentenceReader, verb: Verb, words: str, until: int, memory: Memory) -> str:
        """Subject words longer than a description (وأكدت ناخبة في حي X شمال شرقي العاصمة، قال رئيس لجنة
        التنمية في محافظة X): the description they open when their first word is an indefinite noun, else
        nothing."""
        found = WORD.findall(words)
        first = found[0] if len(found) > 6 else ""
        if (
            not first
            or head(first)[1]
            or normalize(first) in self.s.adverbs
            or normalize(first).startswith(self.s.letters["preposition_article"])
        ):
            return ""
        start = r.text.find(words, verb.end)
        rest = r.text[start + len(words) : r.sentence.end].lstrip()
        if (
            start < 0
            or (
                head(first)[0] not in self.s.document_nouns  # وقال بيان للمكتب الإعلامي لـ… وتلقت «X» نسخة منه إن
                and (
                    r.text[start + len(words) : until].strip() or not self.s.content_opening.match(normalize(rest[:12]))
                )
            )
        ):
            return ""  # the words were cut short before their end (a name may follow): no description
        return r.text[start : memory.model.description_end(start, start + len(words))]

    def document_of(self, r: SentenceReader, verb: Verb, at: int | None) -> bool:
        """Whether the verb's subject is an indefinite document right before a لـ (أفاد بيان لوزارة X): the
        لـ names its issuer, not an addressee."""
        first = WORD.search(r.text, verb.end, at) if at is not None else None
        if first is None or r.text[verb.end : first.start()].strip() or r.text[first.end() : at].strip():
            return False
        noun, definite = head(first.group())
        return not definite and noun in self.s.document_nouns

    def past_addressee(self, r: SentenceReader, start: int, until: int) -> int:
        """Where an addressee right after its verb ends (وأوضح لـ«عكاظ» مصدر مطلع): after its closing mark,
        its name, or its one word — the subject may follow it."""
        quoted = regex.match(r"\p{L}\p{M}*\u0640?\s*[«“\"]([^»”\"]{1,40})[»”\"]", r.text[start:until])
        if quoted:
            return start + quoted.end()
        named = next((m for m in r.mentions if start <= m.start <= start + 2 and m.end <= until), None)
        if named is not None:
            return named.end + (r.text[named.end : named.end + 1] in ("»", "”", '"'))
        word = WORD.search(r.text, start, until)
        return word.end() if word else until

    def subject_before(self, r: SentenceReader, verb: Verb) -> Mention | None:
        """SVO order: a name just before the verb (وكان بوتين قد قال), or before a relative pronoun
        (لافروف، الذي أكد أن …)."""
        at = verb.start
        for m in reversed(r.mentions):
            if m.end <= at:
                if m.label == "NORP" and not r.text[m.end : at].strip(' «»“”"'):
                    at = m.start  # بنك «يو بي إس» السويسري يفيد: the adjective after the name
                    continue
                gap = normalize(r.text[m.end : at]).strip('«»“”"')
                relative = WORD.findall(gap)[:1]
                if relative and relative[0] in self.s.relatives:
                    gap = gap.strip(EDGE)[len(relative[0]) :]
                if (
                    at - m.end <= 12 + (len(relative[0]) + 2 if relative else 0)
                    and m.label in ("PERSON", "ORG")
                    and self.c.before_verb.fullmatch(gap)
                ):
                    return m
                break
        return None

    def described_before(self, r: SentenceReader, verb: Verb) -> str:
        """SVO with an indefinite subject after a complementiser (يذكر أن مصدرا مسؤولا في الوزارة، قال إن؛ فإن
        خبيرا قانونيا أكد أن): the description — an unnamed source's or a person's noun and what follows it up
        to the verb — else nothing."""
        clause = regex.split(r"[.:؛!?؟\n«»“”\"]", r.text[max(r.sentence.start, verb.start - 150) : verb.start])[-1]
        start = verb.start - len(clause)
        found = list(WORD.finditer(r.text, start, verb.start))
        at = next(
            (k for k in range(len(found) - 1, -1, -1) if normalize(found[k].group()) in self.s.clause_openers), None
        )
        subject = found[at + 1 :] if at is not None else []
        if not subject or len(subject) > 12 or r.text[found[at].end() : subject[0].start()].strip():
            return ""
        if regex.search(r"[،,]", r.text[subject[0].start() : subject[-1].end()]):
            return ""  # a comma inside: an aside or a second clause, no one subject
        if r.text[subject[-1].end() : verb.start].strip(" ،,") or any(self.known_word(w.group()) for w in subject):
            return ""
        noun, definite = head(subject[0].group())
        noun = noun.removesuffix(self.s.letters["accusative"]) if noun not in self.s.unnamed_nouns else noun
        if definite or not (noun in self.s.unnamed_nouns or noun in self.s.person_nouns):
            return ""
        return r.text[subject[0].start() : subject[-1].end()]

    def relative_subject(self, r: SentenceReader, verb: Verb) -> str:
        """A body or a source named by its noun right before a relative and the verb (حاجز أمني للشرطة التي
        قالت إن، المصدر الذي أكد أن): the noun with its article, else nothing."""
        before = list(WORD.finditer(r.text, max(r.sentence.start, verb.start - 40), verb.start))[-2:]
        if len(before) < 2 or normalize(before[1].group()) not in self.s.relatives:
            return ""
        if r.text[before[0].end() : before[1].start()].strip() or r.text[before[1].end() : verb.start].strip():
            return ""
        word, letters = before[0].group(), self.s.letters
        for prefix in letters["preposition_article"]:  # للشرطة، بالوزارة: the article the preposition took
            if normalize(word).startswith(prefix):
                word = self.c.article + word[len(prefix) :]
        noun, definite = head(word)
        if not definite or not (noun in self.s.org_nouns or noun in self.s.unnamed_nouns):
            return ""
        return word

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
            if resolved and (resolved[0] or resolved[1]):
                return resolved
            found = [normalize(w) for w in WORD.findall(words)]
            if len(found) == 1 and found[0] in self.c.gap_words and found[0].startswith(self.c.article):
                if self.title_known(memory, words, start):
                    return None  # وكان الوزير قد قال after وزير النقل X: the speaker going on
            return None, words
        clause = regex.split(r"[،,.:؛!?؟\n]", r.text[max(r.sentence.start, verb.start - 60) : verb.start])[-1]
        previous = list(WORD.finditer(r.text, verb.start - len(clause), verb.start))
        opener = strip_conjunction(normalize(previous[0].group()), self.s.not_opening) if previous else ""
        if opener in self.s.not_opening:
            return None  # وحول لقاءات الإدارة مع جماهير النادي أوضح: a prepositional phrase, no subject
        previous, openers = previous[-5:], self.s.clause_openers
        plural = verb_form(verb.norm, self.c.verbs)[1]  # a plural verb has its subject before it
        for k, w in enumerate(previous):  # الحكومة شددت، المعلومات الواردة من فيينا تؤكد، «فتوى» تدعو، معلومات تؤكد
            noun, definite = head(w.group())
            last = k == len(previous) - 1 and not r.text[w.end() : verb.start].strip(' «»“”"')
            if plural and noun in self.rep.partitive and (not k or normalize(previous[k - 1].group()) in openers):
                return None, r.text[w.start() : previous[-1].end()]  # ولكن بعض من جربوه أكدوا أن: a group
            if not memory.model or not (definite or last) or normalize(w.group()) in self.c.gap_words:
                continue
            if not last and k and normalize(previous[k - 1].group()) not in openers:
                continue  # لقاءات مع جماهير النادي أوضح: a noun inside a phrase is no subject
            if noun in self.s.org_nouns or noun in self.s.unnamed_nouns or noun in self.s.document_nouns:
                if any(self.known_word(x.group()) for x in previous[k + 1 :]):
                    return None  # another verb between: the noun is its subject or object
                words = r.text[w.start() : previous[-1].end()]
                resolved = memory.model.resolve(words, w.start(), (memory.entity, memory.words))
                return resolved if resolved and (resolved[0] or resolved[1]) else (None, words)
        return None

    def known_word(self, word: str) -> bool:
        """Whether a word is a cue of the tables (with its و/ف)."""
        norm = normalize(word)
        return norm in self.known or strip_conjunction(norm, self.known) in self.known

    def clause_start(self, r: SentenceReader, verb: Verb, limit: int) -> tuple[int, bool, int] | None:
        """Where the reported words begin — after أن/إن (or إلى أن), a colon or an opening quotation
        mark close to the verb — as (start, after a colon or mark, where the introducer is). Between
        verb and introducer only the subject, an addressee, titles, dates and a few words may stand."""
        n, stop = r.normal_offset(verb.end), r.normal_offset(limit)
        lead = WORD.findall(regex.split(r"[،,.:؛]", r.view.norm[: r.normal_offset(verb.start)])[-1])
        asked = [i for i, w in enumerate(lead) if w in self.rep.questions]
        if asked and not any(w in self.rep.relative_after for w in lead[asked[-1] :]):
            return None  # لماذا ينصح الأطباء بـ …؟: a question, not a report (but هل توافق على ما أعلنه X من أن …)
        if verb.norm in self.c.findings and lead and lead[-1] in self.s.relatives:
            return None  # الاتفاق الذي توصلت إليه القوى …: what was reached, not a finding
        for m in self.c.introducer.finditer(r.view.norm, n, stop):
            intro = r.original(m.start(), m.start())[0]
            if any(x.start < intro < x.end for x in r.mentions):
                continue
            colon = m.group("comp") is None
            if (
                verb.norm in self.c.findings
                and normalize(m.group("comp") or ":") not in self.c.findings_complementisers
            ):
                continue  # توصل الطرفان إلى خارطة … على أن: the terms of an agreement, not a finding
            if not colon and r.text[r.original(m.end(), m.end())[0] : r.original(m.end(), m.end())[0] + 1] == ".":
                continue  # قناة (إن.بي.سي): letters of a name, not إن
            if m.group("mark") is not None and (self.short_quotation(r, intro) or not r.text[intro + 1].isalpha()):
                continue  # «الشرق الأوسط», "عاصفة الحزم": a name in marks, not quoted words
            if m.group("mark") is not None and self.named_in_marks(r, intro):
                continue  # المدير العام لـ«شركة مخزن الخليج لبيع مواد البناء»: an organisation's name
            if colon and (verb.relative or verb.norm in self.c.clause_only | self.rep.strict):
                continue  # دعا / طالب … introduce a call, not quoted words
            if colon and self.titled(r, m.start()):
                continue  # كتبت مقالي بعنوان: …: a title, not words said
            if not colon and self.aside(r, verb, m.start()):
                continue  # أضاف الموقع صفحة …، إلا أن …: the narrator's aside, not the verb's clause
            after = r.original(m.end(), m.end())[0]
            allowed = self.gap_allowed(r, m, colon)
            if m.group("mark") is not None:
                allowed = 0 if verb.norm in self.rep.announce else allowed
            elif colon and r.text[after : after + 1] in self.c.marks:
                allowed = max(allowed, 7)  # وأضاف في نص نشره …: «…»
            elif not colon and verb.norm in self.rep.strict:
                allowed = 1
            if not colon and self.rep.new_clause.search(r.text, verb.end, intro):
                allowed = min(allowed, 2)  # يتهمون المفكرين بالزندقة، وهذا يعني أن …: another clause's أن
            if verb.norm in self.rep.participles:
                if regex.search(r"[،,؛]", r.text[verb.end : intro]):
                    continue  # أداء لافتا في لقاء …، دون أن: a participle's clause follows it in its own phrase
                allowed = min(allowed, 2 if self.continues(r, verb) else 0)
            if set(WORD.findall(r.view.norm, n, m.start())) & self.rep.purpose:
                continue  # تحدث، كي لا يقال إنها …: the clause belongs to a purpose phrase in between
            if self.loose_words(r, verb.end, intro) > allowed:
                continue  # a quotation inside the subject (شركة "نورث سي")، or too far from the verb
            if colon:
                after = self.past_complementiser(r, after)
            return after, colon, self.subject_end(verb, intro)
        if verb.norm in self.rep.strict:
            return None
        if limit >= verb.end + SUBJECT_GAP + 40:  # not cut by a next cue: a long subject may stand first
            limit = min(r.sentence.end, verb.end + 4 * SUBJECT_GAP)
            found = self.long_subject(r, verb, limit)
            if found is not None:
                return found
        found = self.object_start(r, verb, limit) or self.bare_words(r, verb)
        return found and (found[0], found[1], self.subject_end(verb, found[2]))

    def quotes_at_length(self, r: SentenceReader, start: int) -> bool:
        """Whether a quotation of `bare_words` words or more opens between `start` and the sentence's end."""
        openings = [i for i in range(start, r.sentence.end) if r.text[i] in self.c.marks][::2]
        return any(
            len(WORD.findall(r.text, i + 1, self.quotation_end(r.text, i) or r.sentence.end)) >= self.rep.bare_words
            for i in openings
        )

    def bare_words(self, r: SentenceReader, verb: Verb) -> tuple[int, bool, int] | None:
        """Words given at once after a verb of saying and its named speaker, with no أن/إن or colon (وقال محمد
        العتيبي نتمنى أن …): from the first word after the name(s) to the sentence's end — not an addressee,
        a preposition, a time or another name there, not a quotation, and no shorter than `bare_words`."""
        if verb.norm not in self.rep.bare_speech or verb.relative or not self.opens_clause(r, verb):
            return None
        at, named = verb.end, False
        for m in sorted(r.mentions, key=lambda x: x.start):
            if m.start < at:
                continue
            gap = [
                strip_conjunction(w) for w in WORD.findall(r.view.norm, r.normal_offset(at), r.normal_offset(m.start))
            ]
            if m.label != "PERSON" or any(w not in self.rep.titles for w in gap):
                break
            at, named = m.end, True  # وقال نايف وسعد …: names joined by و
        if not named:
            return None
        first = WORD.search(r.text, at, r.sentence.end)
        if first is None or r.text[at : first.start()].strip(" ،,"):
            return None  # a colon, a quotation or a bracket: another path's words
        word = normalize(first.group())
        core = strip_conjunction(word).removeprefix(self.c.article)
        if (
            word in self.rep.not_object | self.rep.adverbs | self.rep.titles
            or strip_conjunction(word) in self.rep.not_object
            or core in self.s.person_titles
            or len(word) < 2
            or word.startswith(self.s.letters["lam"])
            or self.quotes_at_length(r, first.start())
            or any(m.start == first.start() for m in r.mentions)
            or any(t.start <= first.start() < t.end for t in r.article.timexes)
            or strip_conjunction(word) in self.known
        ):
            return None  # لـ«الرياض»، لوسائل الإعلام، في تصريح، أمس، وهو …، «…»: not the words said
        if len(WORD.findall(r.text, first.start(), r.sentence.end)) < self.rep.bare_words:
            return None
        return first.start(), False, first.start()

    def titled(self, r: SentenceReader, at: int) -> bool:
        """Whether the word right before a colon (at `at` in the view) announces a title (بعنوان:، شعاره:)."""
        last = LAST_WORD.search(r.view.norm, max(0, at - 20), at)
        return last is not None and strip_conjunction(last.group(1)) in mark_cues().title_nouns

    def past_according(self, r: SentenceReader, verb: Verb, start: int, end: int) -> int:
        """What was said starts past an according-to phrase set off after the subject (وأوضحت الوزارة، وفقا لما
        ذكرت صحيفة X، أن …؛ وشدد السفير - وفقا لما نقلته الوكالة - على ضرورة …): after the phrase's comma or
        dash, and the complementiser or the verb's preposition there; and past a word of emphasis (ذاته)."""
        first = WORD.match(r.text, start)
        if first and normalize(first.group()) in mark_cues().emphatic and first.end() < end:
            return trim(r.text, first.end(), end, EDGE)[0]  # نافيا في الوقت ذاته وجود …: the emphasis is no content
        n = r.normal_offset(start)
        if not self.c.according_to.match(r.view.norm, n):
            return start
        stop = SET_OFF.search(r.text, start, end)
        if stop is None:
            return start
        after = r.normal_offset(stop.end())
        clause = self.c.introducer.match(r.view.norm, after)
        word = WORD.match(r.view.norm, after)
        if clause is not None and clause.group("comp") is not None:
            after = clause.end()
        elif word is not None and word.group() in self.rep.preps.get(verb.norm, ()):
            after = word.end()
        else:
            return start
        begin = r.original(after, after)[0]
        return trim(r.text, begin, end, EDGE)[0] if begin < end else start

    def long_subject(self, r: SentenceReader, verb: Verb, limit: int) -> tuple[int, bool, int] | None:
        """أن / إن further on after a verb opening its clause with a long subject — a name or a source with its
        titles and descriptions (أعلن العداء X، صاحب الرقم …، اليوم، أنه …؛ أوضح X مدير عام فرع … ورئيس لجنة …
        أن) — or a long quotation ending the sentence after a colon or at once (…، المنطقة المؤيدة له: «…»).
        Between them no other clause: no full stop, colon or quotation, no comma before a conjunction, no
        other cue, according-to phrase, purpose or clause word, no aside right before أن."""
        if verb.relative or verb.norm in self.no_subject or not self.opens_clause(r, verb):
            return None
        lead = WORD.findall(r.view.norm, max(0, r.normal_offset(verb.start) - 12), r.normal_offset(verb.start))
        if lead and lead[-1] in self.s.relatives | self.rep.conditions:
            return None  # الاتفاق الذي توصلت إليه القوى …: a relative clause's verb, its أن is another's
        named = any(verb.end < m.start <= verb.end + SUBJECT_GAP and m.label in ("PERSON", "ORG") for m in r.mentions)
        first = WORD.match(r.view.norm, r.normal_offset(verb.end) + 1)
        head = first.group().removeprefix(self.c.article) if first else ""
        if not (named or head in claim_cues().source_nouns or head in self.rep.titles):
            return None
        n = r.normal_offset(verb.end)
        for m in self.c.introducer.finditer(r.view.norm, n, r.normal_offset(limit)):
            intro, after = r.original(m.start(), m.start())[0], r.original(m.end(), m.end())[0]
            if any(x.start < intro < x.end for x in r.mentions):
                continue
            quoted = m.group("comp") is None
            if quoted and (verb.norm in self.c.clause_only | self.rep.announce or not self.ends_sentence(r, after)):
                continue  # a colon or a mark before a long quotation ending the sentence
            if not quoted and normalize(m.group("comp")) not in self.c.plain_complementisers:
                continue
            gap = r.view.norm[n : m.start()]
            words = WORD.findall(gap)
            if regex.search(r"[.:؛!?؟]", gap) or self.another_clause(gap):
                return None
            opened = [i for i in range(verb.end, intro) if r.text[i] in self.c.marks]
            if quoted and len(opened) % 2:
                continue  # ” الصمصام 5 ” العميد …: the mark closes a name, it opens nothing
            if any(not self.short_quotation(r, i, self.c.long_subject // 2) for i in opened[::2]):
                return None  # a quotation of its own, not a name in marks (مؤسسة «سفيلز»، لـ«شركة مخزن الخليج …»)
            if any(self.known_word(w) for w in words) or self.c.according_to.search(gap):
                return None  # the next cue's clause, an according-to phrase's
            if set(words) & self.rep.preps.get(verb.norm, frozenset()):
                return None  # داعيا المنظمات إلى البدء …: the verb's own preposition opens what was said
            if set(words) & self.rep.purpose or len(words) > self.c.long_subject + (self.c.long_subject // 4) * quoted:
                return None
            if any(strip_conjunction(w, shortest=2) in self.c.clause_words for w in words):
                return None  # …، بحيث يدخل فيه …: another clause
            if not quoted and self.aside(r, verb, m.start()):
                return None  # …، علما بأن: the narrator's aside
            return after, quoted, intro
        return None

    def named_in_marks(self, r: SentenceReader, opening: int) -> bool:
        """A quotation joined to لـ before it or opening with a name noun (لـ«شركة …»، «جمعية …») is a name."""
        before = normalize(r.text[max(r.sentence.start, opening - 3) : opening]).rstrip()  # لـ: the tatweel dropped
        first = WORD.match(r.view.norm, r.normal_offset(opening + 1))
        joined = bool(before) and before[-1].isalpha() and before[-1] in self.c.attached
        return joined or (first is not None and first.group() in self.c.name_nouns)

    def ends_sentence(self, r: SentenceReader, opening: int) -> bool:
        """Whether a long quotation opens at `opening` and nothing but punctuation follows it in its sentence
        (not لـ«شركة مخزن الخليج لبيع مواد البناء»، أن …: a name)."""
        if not self.long_quotation(r, opening):
            return False
        end = self.quotation_end(r.text, opening)
        return end is not None and not WORD.search(r.text, end + 1, max(end + 1, r.sentence.end))

    def another_clause(self, gap: str) -> bool:
        """A comma and a word with a conjunction in a long subject (…، وأعلن …), but not an apposition with
        its pronoun (X، وهي شريكة في …، أن)."""
        for m in self.rep.new_clause.finditer(gap):
            words = WORD.findall(gap, m.end() - 2)[:2]
            if words and words[0] in self.rep.not_object | self.c.not_subject:
                continue  # …، في كلمة ألقاها: a preposition, not ف + a word
            if not (words and words[0] in self.c.apposition and words[1:] and words[1] not in self.rep.not_object):
                return True
        return False

    def aside(self, r: SentenceReader, verb: Verb, intro: int) -> bool:
        """Whether the word right before a complementiser (at `intro` in the view) makes its clause the
        narrator's or another verb's (علما بأن، إلا أن، بعد أن، يمكن أن), not the cue's content."""
        words = list(WORD.finditer(r.view.norm, r.normal_offset(verb.end), intro))
        if not words or r.view.norm[words[-1].end() : intro].strip():
            return False  # لـ "سبق" أنه: a name in marks, not سبق أن
        return strip_conjunction(words[-1].group(), shortest=2) in self.c.asides

    def narrated_after(self, r: SentenceReader, start: int, end: int) -> int:
        """What was said ends at a comma before و and a past verb of a new subject (…، وظهرت أنباء عن …، وأصدر
        مجلس الأمن …)."""
        tokens, covered = r.article.tokens, self.covered(r)
        i = bisect_left(tokens, start, key=lambda t: t.start)
        while i + 1 < len(tokens) and tokens[i + 1].start < end:
            t, nxt = tokens[i], tokens[i + 1]
            i += 1
            if t.text in "،," and (self.past_verb(r, nxt, covered) or self.named_event(r, nxt)):
                return t.start
        return end

    def named_event(self, r: SentenceReader, t) -> bool:
        """و and a verb right before a new named subject (…، وأصدر مجلس الأمن قرارا …، وأعلنت روسيا …): the
        narrator's next event. The verb is a short word with no article, no noun ending and no title's form."""
        if not (t.proclitics and t.proclitics[0].get("tag") == "conj"):
            return False
        rest = normalize(r.text[t.proclitics[0]["end"] : t.end])
        if not 3 <= len(rest) <= 4 or rest.startswith(self.c.article) or rest.endswith(self.rep.noun_endings):
            return False  # وميناء بلحاف، وكتائب أبو الفضل: nouns in a list
        nouns = (self.s.person_titles, self.s.org_nouns, self.c.gap_words, self.s.verb_particles)
        if any(rest in words for words in nouns):
            return False  # فكما أستراليا: no verb
        return any(m.label in ("PERSON", "ORG", "GPE") and 0 < m.start - t.end <= 2 for m in r.mentions)

    def past_verb(self, r: SentenceReader, t, covered: list[tuple[int, int]]) -> bool:
        """و and a past verb of a new, feminine or plural subject (وظهرت، وأعلنت), not a present one going on
        with the same subject (وتمثل)."""
        if not self.new_verb(r, t, covered):
            return False
        rest = normalize(r.text[t.proclitics[0]["end"] : t.end])
        first = rest[0]
        return (
            len(rest) == 4
            and rest.endswith(self.rep.past_she)
            and not first.startswith(self.rep.not_past_she)
            and first not in self.rep.present
        )

    def background(self, r: SentenceReader, start: int, verb: Verb) -> int | None:
        """Where a later report in the narrator's background starts (… أمس بعد أن قالت الحكومة إنها …): a
        verb after بعد أن / عندما with a named subject and a clause of its own ends what was said."""
        n = r.normal_offset(verb.start)
        m = self.rep.background.search(r.view.norm, max(r.normal_offset(start), n - 16), n)
        if m is None or self.clause_start(r, verb, min(r.sentence.end, verb.end + SUBJECT_GAP + 40)) is None:
            return None
        named = any(verb.end < x.start < verb.end + 30 and x.label in ("PERSON", "ORG", "GPE") for x in r.mentions)
        following = WORD.match(r.view.norm, n + len(verb.norm) + 1)  # the subject's head (أعلنت وزارة …)
        head = following.group() if following else ""
        if not (
            named or head in claim_cues().source_nouns or head.removeprefix(self.c.article) in claim_cues().source_nouns
        ):
            return None
        return r.original(m.start(), m.start())[0]

    def past_complementiser(self, r: SentenceReader, after: int) -> int:
        """Words after a colon start past a complementiser (وأضاف: إن "…" → the quotation), not past a
        conditional إن (قال: إن كان …)."""
        n = r.normal_offset(after)
        m = self.c.introducer.match(r.view.norm, n)
        if m is None or m.group("comp") is None:
            return after
        following = WORD.match(r.view.norm, m.end())
        if following is not None and following.group() in self.rep.conditional:
            return after
        start = r.original(m.end(), m.end())[0]
        if r.text[start : start + 1] in self.c.marks and self.short_quotation(r, start):
            return after  # قال: إن "الفقر" هو …: a word in marks inside the clause
        return start

    def continues(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a participle goes on from what came before it (after a comma or a conjunction, or at
        the sentence's start) rather than describing the noun before it (أداء لافتا، إجراءات مشددة)."""
        return bool(self.rep.continuing.search(r.text, r.sentence.start, verb.start)) or not WORD.search(
            r.text, r.sentence.start, verb.start
        )

    def subject_end(self, verb: Verb, intro: int) -> int:
        """Where the words that may name the speaker end: at the introducer, or at once after a
        participle, whose speaker is the one going on (…، داعيا طهران إلى …، لافتا الانتباه إلى أن …)."""
        return verb.end if verb.norm in self.no_subject else intro

    def object_start(self, r: SentenceReader, verb: Verb, limit: int) -> tuple[int, bool, int] | None:
        """Content that is no clause: the phrase after the preposition of a verb of pointing, stressing,
        warning or calling (أشار إلى أهمية …، حذر من …، طالب بإجراء …), or the noun object that states a
        position (أكد ضرورة …، مؤكدا استمرار …، نفى صحة …), after the subject, titles and dates."""
        rep, norm = self.rep, verb.norm
        preps, attached = rep.preps.get(norm, frozenset()), rep.attached.get(norm, frozenset())
        named_object = norm in rep.any_object  # its object counts once the subject is named
        any_object = named_object or norm in rep.any_object_participles or norm in rep.says
        masdar = any_object or norm in rep.masdar
        if norm in rep.masdar_negated:  # ولم يستبعد الوزير فرض …
            before = WORD.findall(r.view.norm, max(0, r.normal_offset(verb.start) - 12), r.normal_offset(verb.start))
            masdar = bool(before) and strip_conjunction(before[-1], shortest=2) in rep.negations
        if not (preps or attached or masdar):
            return None
        if masdar and not (preps or attached) and self.has_complementiser(r, verb):
            return None  # the clause is further on (a long subject): not a noun object
        before = WORD.findall(r.view.norm, max(0, r.normal_offset(verb.start) - 12), r.normal_offset(verb.start))
        if before and strip_conjunction(before[-1], shortest=2) in rep.not_after:
            return None  # حسبما أكد مصدر مقرب: an according-to phrase
        if r.text[r.sentence.start : r.sentence.end].rstrip().endswith(("؟", "?")):
            return None  # أوضح لنا أبرز مخططاته؟: a question
        if norm in rep.participles and not self.continues(r, verb):
            return None  # إجراءات أمنية مشددة: an adjective, not a speaker going on
        covered = self.covered(r)
        tokens = r.article.tokens
        i = bisect_left(tokens, verb.end, key=lambda t: t.start)
        loose, previous, named, noun = 0, "", False, None
        while i < len(tokens) and tokens[i].start < limit:
            t = tokens[i]
            i += 1
            if t.kind != "word":
                if t.text in ".!?؟;؛:" or (noun is not None and t.text in "،,"):
                    break
                continue
            word = normalize(t.text)
            core = strip_conjunction(word, shortest=2)
            if (
                len(core) < 3
                and core not in rep.not_object
                and not (t.proclitics and t.proclitics[0].get("tag") == "conj")
            ):
                core = word  # فرض: no ف to strip (وهي: و + هي)
            if core in self.known or word in self.known:
                break  # the next cue: its own content
            inside = any(a <= t.start < b for a, b in covered)
            if norm in rep.says:
                return t.start, False, t.start  # قائلين ها هي …: the words follow the participle
            if core in preps and previous not in rep.partitive and not inside:
                following = tokens[i].start if i < len(tokens) else r.sentence.end
                if any(m.start == following and m.label in ("PERSON", "GPE", "LOC") for m in r.mentions):
                    continue  # مبعوث الأمم المتحدة إلى اليمن: a title, the content comes later
                return (following, False, t.start) if following < r.sentence.end else None
            if word in attached and not inside and i < len(tokens) and tokens[i].start < r.sentence.end:
                return tokens[i].start, False, t.start  # طالب بـ «…»: the preposition written apart
            clitic = next((p for p in t.proclitics if p.get("tag") == "prep"), None)
            if clitic and normalize(clitic["text"]) in attached and t.end - clitic["end"] >= 2 and not inside:
                if core not in rep.adverbs:
                    return clitic["end"], False, t.start
            after_preposition, after_title, previous = previous in self.c.not_subject, previous in rep.construct, core
            if noun is not None:  # أكد أخصائي علم النفس على …: a preposition close by wins over the noun
                loose += not inside
                if loose > 4:
                    break
                continue
            if inside or word in rep.skip:
                named = True
                continue
            if self.new_verb(r, t, covered):
                break  # أكد النادي الصفقة ونشر صورة … على: a new verb, its own phrase
            if word in self.c.gap_words or word in rep.titles or after_preposition:
                continue  # أكد الوزير في اجتماعه …: no object after في
            titled = next((m for m in r.mentions if m.label == "PERSON" and t.end <= m.start < t.end + 40), None)
            if titled is not None and not regex.search(r"[،,:]", r.text[t.end : titled.start]):
                continue  # رئيس لجنة التنمية محمد العمران: a title before the speaker's name
            denial = norm in self.c.negated and core in rep.denied  # نفى الوزير ما تردد عن …
            if (
                masdar
                and loose == 0
                and not after_title
                and clitic is None
                and (len(core) >= 3 or denial)
                and (core not in rep.not_object or denial)
                and not (core.endswith(rep.subject_endings) and len(core) >= rep.subject_length)
                and (named or not named_object)
                and (any_object or (named and norm in self.c.negated) or not core.startswith(self.c.article))
            ):
                noun = t.start
                if not (preps or attached) or norm in rep.participles:
                    break  # a participle has no subject: the noun after it is its object
                continue
            subject_word = core.startswith(self.c.article) or self.lam_definite(word) or word in self.c.attached
            if noun is None and subject_word and core not in rep.not_object and norm not in rep.participles:
                if loose == 0 and core.removeprefix(self.c.article) in claim_cues().source_nouns:
                    named = True  # وأرجعت الشركة …، ووصفت الوزارة …: a source for subject
                continue  # the subject's definite words, an addressee (المتحدث الرسمي للهيئة … لـ"الاقتصادية")
            loose += 1
            if loose > 6:
                break
        return (noun, False, noun) if noun is not None else None

    def lam_definite(self, word: str) -> bool:
        """لل + a noun: the article after a joined لـ (للهيئة، للصحفيين)."""
        return any(word.startswith(lam + self.c.article[1:]) for lam in self.c.attached)

    def new_verb(self, r: SentenceReader, t, covered: list[tuple[int, int]]) -> bool:
        """Whether a word joined by و/ف may be a new verb (ونشر، ويقدم، وكتبت), not a noun going on with the
        subject or object: a verb's length and shape, no article or noun ending (وحماية، وزوار), no name (وإيران)."""
        if not (t.proclitics and t.proclitics[0].get("tag") == "conj"):
            return False
        rest = normalize(r.text[t.proclitics[0]["end"] : t.end])
        after = t.proclitics[0]["end"]
        if rest.startswith(self.c.article) or rest.endswith(self.rep.noun_endings):
            return False
        verb_like = rest[0] in self.rep.present or rest.endswith(self.rep.past_she)
        shaped = len(rest) == 3 or (len(rest) == 4 and verb_like)
        return shaped and not any(a <= after < b for a, b in covered)

    def covered(self, r: SentenceReader) -> list[tuple[int, int]]:
        """Names, dates and short quotations (a name in marks: وعلمت «الصحيفة») of the sentence."""
        spans = [(m.start, m.end) for m in r.mentions] + [(t.start, t.end) for t in r.article.timexes]
        return spans + [(s - 1, e + 1) for s, e in self.marks(r) if len(WORD.findall(r.text, s, e)) < 4]

    def has_complementiser(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether أن/إن follows the verb before the next comma (a long subject: أوضح المهندس … مدير
        عام الإدارة … أن), not in a later clause (نفى صحة الخبر، مبينا أن …)."""
        n = r.normal_offset(verb.end)
        comma = regex.compile(r"[،,؛:]").search(r.view.norm, n)
        stop = comma.start() if comma else len(r.view.norm)
        return any(m.group("comp") for m in self.c.introducer.finditer(r.view.norm, n, stop))

    def short_quotation(self, r: SentenceReader, opening: int, words: int = 4) -> bool:
        """Whether the quotation opening at `opening` holds fewer than `words` words or is a name (a title,
        «المرصد السوري لحقوق الإنسان» after مدير)."""
        close = self.c.marks.get(r.text[opening])
        end = r.text.find(close, opening + 1, r.sentence.end) if close else -1
        if end < 0 or len(WORD.findall(r.text, opening + 1, end)) < words:
            return True
        return self.named_quotation(r, opening + 1, end)

    def loose_words(self, r: SentenceReader, start: int, end: int) -> int:
        """Words between a verb and its clause that are no name, date, title, addressee, emphasis (نفسه) or
        preposition written alone (بـ«…»)."""
        covered = self.covered(r)
        count, addressed = 0, False
        for word in WORD.finditer(r.text, start, end):
            if any(a <= word.start() < b for a, b in covered):
                continue
            norm = normalize(word.group())
            if norm in self.c.gap_words or norm in self.rep.skip or norm in mark_cues().emphatic:
                continue
            if len(norm) == 1:
                continue  # بـ«ضرورة …»: a preposition written alone before the marks
            if norm.startswith(self.c.attached) and not addressed:
                addressed = True
                continue
            count += 1
        return count

    def clause_end(self, r: SentenceReader, start: int, later_verbs: list[Verb], quoted: bool = False) -> int:
        """The sentence end, or earlier: a trailing according-to phrase or editor's remark, the next
        attribution, a full stop written without its space; after a colon or an opening mark (`quoted`),
        the closing mark of the quotation that opens the content."""
        end = r.sentence.end
        close = self.c.marks.get(r.text[start : start + 1]) if quoted else None
        if close and (j := self.quotation_end(r.text, start) or -1) > start and j < end:
            return j + 1  # قال: «…» حيث …: the quotation, closed or left open, is what was said
        n = r.normal_offset(start)
        m = self.c.according_to.search(r.view.norm, n)
        if m and regex.search(r"[،,]\s*$", r.view.norm[: m.start()]):
            end = min(end, r.original(m.start(), m.start())[0])
        for pattern in (self.rep.end_after_comma, self.rep.end_before):
            m = pattern.search(r.view.norm, n)
            if m:
                end = min(end, r.original(m.start(), m.start())[0])
        end = self.narrated_after(r, start, end)
        end = self.said_before(r, start, end, quoted)
        stop = self.rep.unspaced_stop.search(r.text, start, end)
        if stop:  # "…تدريبات.وشهدت": a sentence the splitter did not see
            end = stop.start()
        for k, verb in enumerate(later_verbs):
            if verb.start >= end:
                break
            cut = self.c.next_attribution.search(r.text, max(start, verb.start - 4), verb.start)
            joined = r.text[verb.start - 1 : verb.start] in conjunctions() and not r.text[verb.start - 2].isalpha()
            limit = later_verbs[k + 1].start if k + 1 < len(later_verbs) else r.sentence.end
            if not (cut or joined):
                background = self.background(r, start, verb)
                if background is None:
                    background = self.other_turn(r, start, verb, limit)
                if background is not None:
                    end = min(end, background)
                    break
                continue
            if (
                (cut and joined)
                or (cut and self.s.participle.fullmatch(verb.norm))
                or self.clause_start(r, verb, min(limit, verb.end + SUBJECT_GAP + 40))
                or (joined and self.named_subject(r, verb))
            ):
                # "…، وأضاف" / "…، مشيرا إلى أن" / "… وحذرت من" / "… وقال X": the next attribution starts a new quote
                end = min(end, cut.start() if cut else verb.start - 1)
                break
        return end

    def said_before(self, r: SentenceReader, start: int, end: int, quoted: bool) -> int:
        """What was said ends before the narrator's own reply (…، فقلت إنه …), a prayer after a comma (…،
        سائلا المولى أن …), the speaker's thanks or wishes (…، مقدما شكره …), the narrator's note that it could
        not be checked (…، إلا أنه لم يتسن التأكد …) and, in reported words, a quotation opening after a full
        stop the splitter did not take for a sentence's end (… في التمثيل أيضا. «لا أعني …»)."""
        k = mark_cues()
        n0, n1 = r.normal_offset(start), r.normal_offset(end)
        patterns = [k.prayer_after, k.speaker_acts, k.announcing] + ([] if quoted else [k.narrator, k.unverified])
        for pattern in patterns:
            for m in pattern.finditer(r.view.norm, n0, n1):
                at = r.original(m.start(), m.start())[0]
                if len(WORD.findall(r.text, start, at)) > 1 and not any(s <= at < e for s, e in self.marks(r)):
                    end = min(end, at)  # not in a quotation: وقال إن «… حتى نقول إنه …»
                    break
        if not quoted and (m := regex.search(r"[.!?؟]\s*[«“]", r.text[start:end])):
            end = start + m.start() + 1
        return end

    def other_turn(self, r: SentenceReader, start: int, verb: Verb, limit: int) -> int | None:
        """Where what was said ends before a later cue that opens a statement of its own with neither a comma
        nor a conjunction right before it: a participle with its clause at once (… لها مشيراً إلى أن …), or a
        speech verb with its own clause after a turn's opener and at most a subject (…، من جانبه أوضح X أن …،
        ولكن العفو الدولية تقول إن …، حيث قال رئيسها: …)."""
        k = mark_cues()
        n = r.normal_offset(verb.end)
        rest = r.view.norm[n : n + 30].lstrip()
        if self.s.participle.fullmatch(verb.norm) or self.plural_participle(verb.norm):
            if any(s <= verb.start < e for s, e in self.marks(r)):
                return None  # «… الذي سيؤثر مؤكدا على …»: a word of the quotation
            preposition = WORD.match(rest)
            if preposition and preposition.group() in self.rep.preps.get(verb.norm, ()):
                if verb.norm.endswith(self.s.letters["accusative"]):
                    return verb.start  # … قريبا مشددا على الدور …: a speaker's participle, not an adjective
                rest = rest[preposition.end() :].lstrip()
            clause = self.c.introducer.match(rest)
            return verb.start if clause and clause.group("comp") else None
        openers = list(k.turn_openers.finditer(r.view.norm, r.normal_offset(start), r.normal_offset(verb.start)))
        if not openers:
            return None
        between = r.view.norm[openers[-1].end() : r.normal_offset(verb.start)]
        if regex.search(r"[،,؛:]", between) or len(WORD.findall(between)) > k.turn_subject:
            return None
        if self.clause_start(r, verb, min(limit, verb.end + SUBJECT_GAP + 40)) is None:
            return None
        return r.original(openers[-1].start(), openers[-1].start())[0]

    def plural_participle(self, norm: str) -> bool:
        """A participle cue of a group (مؤكدين، مشيرين): its singular form is a participle."""
        ending = self.s.letters["oblique_plural"]
        return norm.endswith(ending) and bool(
            self.s.participle.fullmatch(norm[: -len(ending)] + self.s.letters["accusative"])
        )

    def named_subject(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a person or organisation is named right after a speech verb (وقال دان ويرثايمر …)."""
        if self.s.participle.fullmatch(verb.norm) or verb.norm in self.rep.strict:
            return False  # وبين النصر: "and between", no verb
        return any(m.label in ("PERSON", "ORG") and 0 <= m.start - verb.end <= 2 for m in r.mentions)

    def attributed_after(self, r: SentenceReader, marks, used, found, entity_of, memory: Memory) -> list[Quote]:
        """«…»، قال الوزير / «…» — and a quotation alone continuing the last speaker's quote."""
        out = []
        sentence = trim(r.text, r.sentence.start, r.sentence.end, EDGE)
        for s, e in marks:
            if s <= r.sentence.start or (s, e) in used or any(q.start <= s and e <= q.end for q in found):
                continue  # one opened in an earlier sentence is that sentence's
            tail = r.text[e + 1 : r.sentence.end]
            m = self.c.after_quotation.match(tail)
            if m and normalize(m.group("verb")) in self.c.verbs and not self.own_content(r, e + 1 + m.end("verb")):
                vs, ve = e + 1 + m.start("verb"), e + 1 + m.end("verb")
                cue = Span(start=vs, end=ve, text=r.text[vs:ve])
                until = r.sentence.end
                tail_break = regex.search(r"[،,.]", r.text[ve : r.sentence.end])
                if tail_break:
                    until = ve + tail_break.start()
                who = self.speaker(r, Verb(vs, ve, normalize(m.group("verb"))), until, entity_of, memory)
            elif (
                self.opens_sentence(r, s - 1)
                and self.closes_sentence(r, e, sentence[1])
                and (memory.entity or memory.words)
            ):
                cue, who = None, Speaker(memory.entity, memory.words)  # a quotation alone continuing a speaker
            else:
                continue
            if len(WORD.findall(r.text, s, e)) < 2:
                continue
            out.append(self.quote(r, s, e, "direct", who, cue, negated=False))
            memory.heard(who)
        return out

    def own_content(self, r: SentenceReader, after: int) -> bool:
        """Whether a verb after a quotation introduces words of its own at once (منيرة "إحدى المشاركات" فقالت:
        إن …): a colon or a complementiser right after it, so the quotation before it is no part of them."""
        n = r.normal_offset(after)
        verb = WORD.findall(r.view.norm[:n])[-1:]
        if verb and self.s.participle.fullmatch(strip_conjunction(verb[0])):
            return False  # «…»، مشيرا إلى أن «…»: a participle goes on with the quotation's speaker
        rest = r.view.norm[n:]
        clause = self.c.introducer.match(rest, len(rest) - len(rest.lstrip()))
        return clause is not None and clause.group("mark") is None

    @staticmethod
    def opens_sentence(r: SentenceReader, opening: int) -> bool:
        """Whether a quotation mark at `opening` starts its sentence, or follows a full stop the splitter did
        not take for a sentence's end (… في التمثيل أيضا. «لا أعني …»)."""
        before = r.text[r.sentence.start : opening]
        return not before.strip(EDGE) or regex.search(r"[.!?؟]\s*$", before) is not None

    @staticmethod
    def closes_sentence(r: SentenceReader, closing: int, end: int) -> bool:
        """Whether a quotation mark at `closing` ends its sentence, or a full stop follows it (”.“لا يزال …)."""
        return closing + 1 >= end or regex.match(r"\s*[.!?؟]", r.text[closing + 1 : closing + 4]) is not None

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
        """According-to phrases (بحسب X، حسبما أوضح X، …، كما أعلنت X، نقلا عن X) make claims on the clause
        they qualify, before or after them, when their source is a speaker-like thing; one over a quote
        adds its source to the quote's `reported_by`. `ورد ذلك بصحيفة X` puts the sentence before on X."""
        self.relayed(r, quotes, entity_of)
        out = [c for c in [self.claim_before(r, entity_of)] if c is not None]
        phrases = self.according_to_phrases(r, entity_of)
        for i, p in enumerate(phrases):
            chain = self.chained(r, phrases, i)
            floor = max([q.source_end for q in phrases if q.source_end <= chain.start], default=r.sentence.start)
            if (
                not regex.match(r"\s*[،,]", r.text[floor : chain.start])
                or len(WORD.findall(r.text, floor, chain.start)) < 3
            ):
                floor = r.sentence.start  # …، وفقا لما نشرته X، A، كما بين Y: A is Y's; not past an unfinished source
            start, end, clause = self.claim_scope(r, chain, floor)
            if clause:  # فيما أفادت تقارير بأن …: the clause is the claim, not a quote of the source
                quotes[:] = [q for q in quotes if not (q.cue and p.cue_start <= q.cue.start < p.source_end)]
            start = self.claim_start(r, start, end)
            covering = [
                q for q in quotes if q.start < end and start < q.end and not (p.source and p.source == q.speaker)
            ]
            for q in covering:  # the quote is reported through this source; حسب الخبير over his own quote is a claim
                if p.source and p.source not in q.reported_by:
                    q.reported_by.append(p.source)
                elif not p.source and p.source_text not in q.reported_by_text:
                    q.reported_by_text.append(p.source_text)
            if covering and not any(self.clause_of(q, start, end) for q in covering):
                continue  # one statement, one record
            cue = Span(start=p.cue_start, end=p.cue_end, text=r.text[p.cue_start : p.cue_end])
            if end - start < 8:
                alone = self.phrase_alone(r, p)  # "….وفقا للألمانية.": the sentence before is the source's
                if alone is not None:
                    out.append(self.claim(r, alone[0], alone[1], cue, p.source, p.source_text, sentence=alone[2]))
                continue
            out.append(self.claim(r, start, end, cue, p.source, p.source_text))
        return out

    @staticmethod
    def chained(r: SentenceReader, phrases: list[Phrase], i: int) -> Phrase:
        """A phrase standing for the chain of phrases it heads or sits in (بحسب ما كشفت صحيفة X نقلا عن
        مصادر في …): one scope for them all, from the first phrase's start to the last one's source."""
        first = i
        while first > 0 and not r.text[phrases[first - 1].source_end : phrases[first].start].strip(EDGE):
            first -= 1
        last = i
        while last + 1 < len(phrases) and not r.text[phrases[last].source_end : phrases[last + 1].start].strip(EDGE):
            last += 1
        if first == last:
            return phrases[i]
        head = phrases[first]
        return Phrase(head.start, head.cue_start, head.cue_end, head.source, head.source_text, phrases[last].source_end)

    @staticmethod
    def clause_of(quote: Quote, start: int, end: int) -> bool:
        """Whether a claim's clause is one clause of a longer quote (قال إن …، واستثماراتها وفقا لـ X تجاوزت …):
        a claim of its own inside it, not the same statement."""
        return quote.start <= start and end <= quote.end and 2 * (end - start) < quote.end - quote.start

    def introduced(self, article: Article, noun: str, before: int, entity_of) -> Source | None:
        """Where a source with that head noun was last named before `before`: an organisation's name
        (صندوق النقد الدولي for الصندوق) or an unnamed source's description (وأكد مصدر في وزارة الداخلية …)."""
        word = regex.compile(rf"(?<!{LETTER})(?:{self.c.article})?{regex.escape(noun)}(?!{LETTER})")
        for sentence in reversed([s for s in article.sentences if s.start < before]):
            r = SentenceReader(article, sentence)
            for m in reversed(list(word.finditer(r.view.norm))):
                at = r.original(m.start(), m.start())[0]
                if at >= before:
                    continue
                name = next((x for x in r.mentions if x.start == at and x.label == "ORG" and id(x) in entity_of), None)
                if name is not None and entity_of[id(name)]:
                    return Source(entity_of[id(name)], name.text, name.end, True)
                if self.c.unnamed.match(r.view.norm, m.start()) and (src := self.source(r, at, entity_of)).text:
                    return src
        return None

    def same_sources(self, article: Article, quotes: list[Quote], claims: list[Claim], entity_of) -> None:
        """A claim's source named again without a name (بحسب المصدر نفسه، وفقا لذات المصادر، حسب المصدر) is
        the last source or speaker named before it with that head noun (مصادر أمنية وطبية)."""
        k = claim_cues()
        named = sorted(
            [(c.cue.start, c.source, c.source_text) for c in claims if c.cue and c.source_text]
            + [(q.cue.start if q.cue else q.start, q.speaker, q.speaker_text) for q in quotes if q.speaker_text],
            key=lambda n: n[0],
        )
        for c in claims:
            words = [normalize(w) for w in WORD.findall(c.source_text or "")]
            words = [w for w in words if w not in k.same_after | k.same_before | k.quantifiers]  # تلك المصادر
            if c.source or len(words) != 1 or not words[0].startswith(self.c.article) or not c.cue:
                continue
            noun = words[0].removeprefix(self.c.article)
            earlier = [(e, t) for at, e, t in named if at < c.cue.start and WORD.findall(normalize(t))[:1] == [noun]]
            if not earlier and (found := self.introduced(article, noun, c.cue.start, entity_of)) is not None:
                earlier = [(found.entity, found.text)]
            if earlier:
                c.source, c.source_text = earlier[-1]

    def phrase_alone(self, r: SentenceReader, p: Phrase) -> tuple[int, int, str] | None:
        """The sentence before, when an according-to phrase and its source stand alone as a sentence."""
        if (
            r.text[r.sentence.start : p.start].strip(EDGE)
            or len(WORD.findall(r.text, p.source_end, r.sentence.end)) > 2
        ):
            return None
        sentences = r.article.sentences
        i = bisect_left([s.start for s in sentences], r.sentence.start)
        if i == 0 or "\n" in r.text[sentences[i - 1].end : r.sentence.start]:
            return None
        previous = sentences[i - 1]
        start, end = trim(r.text, previous.start, previous.end, EDGE)
        start = self.claim_start(r, start, end)
        return (start, end, previous.id) if end - start >= 8 else None

    @staticmethod
    def claim(r: SentenceReader, start: int, end: int, cue: Span, source, source_text, sentence=None) -> Claim:
        return Claim(
            start=start,
            end=end,
            text=r.text[start:end],
            source=source,
            cue=cue,
            sentence=sentence or r.sentence.id,
            source_text=source_text,
        )

    def according_to_phrases(self, r: SentenceReader, entity_of) -> list[Phrase]:
        """The sentence's according-to phrases with a speaker-like source: a particle with a speech
        verb (حسبما أوضح X; كما أعلنت X only after its content and without a clause of its own), or a
        noun phrase (بحسب، وفقا لـ) whose source is a name, an outlet, a document or an unnamed source —
        not a rule, plan or measure (وفقا للإجراءات، حسب الحاجة)."""
        k, norm, out = claim_cues(), r.view.norm, []
        verbal: list[tuple[int, int]] = []
        for m in k.verbal.finditer(norm):
            start, _ = r.original(m.start(), m.start())
            cue_start, cue_end = r.original(m.start("cue"), m.end("cue"))
            verbal.append((cue_start, cue_end))
            src = self.source(r, cue_end, entity_of)
            if src.text is None:
                continue
            if m.group("particle") in k.while_particles and not (set(m.group("cue").split()) & k.while_verbs):
                continue  # فيما أكد المدير أن …: a quote
            if m.group("particle") in k.after_content:
                if not regex.search(r"[،,]\s*$", r.text[r.sentence.start : start]) or self.clause_after(r, src.end):
                    continue  # كما أعلنت الوزارة أن …: a quote
            out.append(Phrase(start, cue_start, cue_end, src.entity, src.text, src.end))
        for m in self.c.according_to.finditer(norm):
            start, _ = r.original(m.start(), m.start())
            cue_start, cue_end = r.original(m.start("cue"), m.end("cue"))
            if any(s < cue_end and cue_start < e for s, e in verbal):
                continue
            src = self.source(r, cue_end, entity_of)
            if src.text is None or not (m.group("cue") in k.always or self.speaker_like(src)):
                continue
            out.append(Phrase(start, cue_start, cue_end, src.entity, src.text, src.end))
        return sorted(out, key=lambda p: p.start)

    def speaker_like(self, src: Source) -> bool:
        """A named person or organisation, a name in quotation marks (”عكاظ”), or words headed by a noun
        of the `source_nouns` table (past a quantifier: وفقا لآخر تقديرات …، بحسب العديد من الصحف)."""
        if src.named or (src.text or "")[:1] in self.c.marks:
            return True
        k = claim_cues()
        for first in WORD.findall(src.text or ""):
            word = normalize(first)
            forms = {word, word.removeprefix(self.c.article)}
            if word.startswith(self.c.attached * 2):  # للبيانات: ل + البيانات
                forms.add(self.c.article + word[2:])
            while word.startswith(self.c.attached) and len(word) > 3:  # لتقرير، للصحيفة
                word = word[1:]
                forms |= {word, word.removeprefix(self.c.article)}
            if forms & (k.quantifiers | k.same_before):  # لنفس المصدر
                continue
            if forms & k.weak_sources:  # بيانات الوزارة, not البيانات الواردة عن إنجازهم
                return any(c in (src.text or "") for c in self.c.marks) or any(
                    normalize(w) in k.source_nouns for w in WORD.findall(src.text or "")[1:]
                )
            return bool((forms | {self.c.article + word}) & k.source_nouns)  # للألمانية: لل + ألمانية
        return False

    def clause_after(self, r: SentenceReader, end: int) -> int | None:
        """Where a أن-clause right after a source starts (فيما أفادت تقارير بأن …), if there is one."""
        n = r.normal_offset(end)
        n += len(r.view.norm[n:]) - len(r.view.norm[n:].lstrip())
        clause = self.c.introducer.match(r.view.norm, n)
        return r.original(clause.end(), clause.end())[0] if clause and clause.group("comp") else None

    def claim_scope(self, r: SentenceReader, p: Phrase, floor: int | None = None) -> tuple[int, int, bool]:
        """The clause an according-to phrase qualifies, and whether it is a أن-clause after the source:
        the clause after a phrase that opens one (وبحسب الصحيفة، …؛ بحسب X فإن …), the clause before one
        that closes it (…، بحسب الوكالة), or the whole sentence around a phrase inside it (ستتحول، وفق
        القراءة الأولى، من …؛ ويحاول الفريق بحسب الصحف ضم …). Nothing before `floor` (the end of an
        earlier phrase's source in the sentence: …، وفقا لما نشرته الصحيفة، كما بين التقرير) is part of it."""
        text, s1, k = r.text, r.sentence.end, claim_cues()
        s0 = max(r.sentence.start, floor or 0)
        clause = self.clause_after(r, p.source_end)
        if clause is not None:
            return (*trim(text, clause, s1, EDGE), True)
        closing = "".join(set(self.c.marks.values()))  # وحسب وكالة أنباء "الشرق الأوسط"، …: past the name's mark
        before, after = trim(text, s0, p.start, EDGE), trim(text, p.source_end, s1, EDGE + closing)
        trailer = k.trailer.search(r.view.norm, r.normal_offset(s0), r.normal_offset(before[1]))
        if trailer:  # …، وذلك وفقا للبيان: the clause before وذلك
            before = trim(text, s0, r.original(trailer.start(), trailer.start())[0], EDGE)
        enders = list(k.ender.finditer(r.view.norm, r.normal_offset(before[0]), r.normal_offset(before[1])))
        if enders:  # … وبذلك ستوفر 29 مليارا بحسب تقرير …: the clause starts at the narrator's inference
            before = trim(text, r.original(enders[-1].start(), enders[-1].start())[0], before[1], EDGE)
        opener = k.then.search(r.view.norm, r.normal_offset(after[0]), r.normal_offset(min(after[0] + 80, s1)))
        opener = opener or k.relative.match(r.view.norm, r.normal_offset(after[0]), r.normal_offset(s1))
        if opener:  # بحسب صحيفة X التي تصدر في لندن فإن …
            after = trim(text, r.original(opener.end(), opener.end())[0], s1, EDGE)
        ender = k.ender.search(r.view.norm, r.normal_offset(after[0]), r.normal_offset(after[1]))
        if ender:  # … تجاوز 36 ألفا وبهذا تعتبر …: the narrator's inference is no part of the claim
            after = trim(text, after[0], r.original(ender.start(), ender.start())[0], EDGE)
        dates = [(t.start, t.end) for t in r.article.timexes if after[0] <= t.start < after[1]]
        n_before = len(WORD.findall(text, *before))
        n_after = sum(1 for w in WORD.finditer(text, *after) if not any(a <= w.start() < b for a, b in dates))
        comma_before = regex.search(r"[،,؛\-–—]\s*$", text[s0 : p.start]) is not None
        comma_after = regex.match(r"\s*[،,؛\-–—]", text[p.source_end : s1]) is not None
        whole = (*trim(text, s0, s1, EDGE), False)
        if comma_before and k.inside.match(r.view.norm, r.normal_offset(p.source_end)):
            return (self.holding_clause(r, p.start, s0), after[1], False)  # مما سيؤدي، حسب X، إلى …
        if n_after < 3:
            return (*before, False)
        if n_before < 3:
            return whole if comma_before and comma_after and n_before else (*after, False)
        if opener or p.start < p.cue_start:  # وبحسب X، … / بحسب X فإن …: the phrase opens a clause
            return (*after, False)
        if comma_before or comma_after or self.coordinated_at(r, after[0]):
            return (*before, False)  # … بحسب X، … / … بحسب X وستعود …: a phrase closing its clause
        commas = regex.finditer(r"[،,]\s*", text[after[0] : after[1]])  # …، ويستثني …: the next clause
        coordinated = next((c for c in commas if self.new_clause_at(r, after[0] + c.end())), None)
        end = after[0] + coordinated.start() if coordinated else after[1]
        return (self.holding_clause(r, p.start, s0), end, False)  # …، واستثماراتها وفقا لـ X تجاوزت …

    def coordinated_at(self, r: SentenceReader, at: int) -> bool:
        """Whether the word at `at` opens a clause of its own: a و/ف attached to it (وستعود، فقد)."""
        tokens = r.article.tokens
        i = bisect_left([t.start for t in tokens], at)
        return (
            i < len(tokens)
            and tokens[i].start == at
            and bool(tokens[i].proclitics)
            and tokens[i].proclitics[0].get("tag") == "conj"
            and tokens[i].proclitics[0]["text"] in self.c.claim_conjunctions
        )

    def new_clause_at(self, r: SentenceReader, at: int) -> bool:
        """Whether a word with a و/ف and nothing else attached, not a preposition, starts at `at` (ويستثني،
        وتشكل — not ولمدة، وفي): a coordinated clause."""
        tokens = r.article.tokens
        i = bisect_left([t.start for t in tokens], at)
        if not self.coordinated_at(r, at) or len(tokens[i].proclitics) != 1:
            return False
        return normalize(r.text[tokens[i].proclitics[0]["end"] : tokens[i].end]) not in claim_cues().after_definite

    def holding_clause(self, r: SentenceReader, phrase: int, s0: int) -> int:
        """Where the clause holding a phrase between commas starts: after the comma before it (and after
        `s0`), or at a relative lead (مما، الأمر الذي) closer to the phrase."""
        before = regex.sub(r"[\s،,]+$", "", r.text[s0:phrase])
        commas = [m.end() for m in regex.finditer(r"[،,؛]", before)]
        start = s0 + (commas[-1] if commas else 0)
        leads = list(claim_cues().lead.finditer(r.view.norm, r.normal_offset(start), r.normal_offset(s0 + len(before))))
        if leads:
            start = r.original(leads[-1].start(), leads[-1].start())[0]
        return trim(r.text, start, phrase, EDGE)[0]

    def claim_start(self, r: SentenceReader, start: int, end: int) -> int:
        """A claim starts past a leading و/ف and an opening فإن / لقد (وبحسب X، فإن الخطة … → الخطة …)."""
        start = self.past_conjunction(r, start, end)
        opener = claim_cues().openers.match(r.view.norm, r.normal_offset(start))
        if opener and opener.end() < r.normal_offset(end):
            start = r.original(opener.end(), opener.end())[0]
        return start

    def claim_before(self, r: SentenceReader, entity_of) -> Claim | None:
        """`ورد ذلك بصحيفة X` / `جاء هذا الخبر في موقع X`: the sentence before is X's report."""
        k = claim_cues()
        m = k.back.match(r.view.norm)
        if not m:
            return None
        src = self.source(r, r.original(m.end(), m.end())[0], entity_of)
        first = WORD.match((src.text or "").lstrip(EDGE))
        if src.text is None or not (src.named or (first and normalize(first.group()) in k.outlet_nouns)):
            return None
        sentences = r.article.sentences
        i = bisect_left([s.start for s in sentences], r.sentence.start)
        if i == 0:
            return None
        previous = sentences[i - 1]
        start, end = trim(r.text, previous.start, previous.end, EDGE)
        start = self.claim_start(r, start, end)
        if end - start < 8:
            return None
        cue_start, cue_end = r.original(m.start("cue"), m.end("cue"))
        cue = Span(start=cue_start, end=cue_end, text=r.text[cue_start:cue_end])
        return self.claim(r, start, end, cue, src.entity, src.text, sentence=previous.id)

    def relayed(self, r: SentenceReader, quotes: list[Quote], entity_of) -> None:
        """نقلت صحيفة X عن Y قوله إن …: Y speaks and X reports — also when Y is no tagged name."""
        relays = [v for v in self.verbs(r) if v.norm in self.c.relay_verbs] if quotes else []
        own: set[str | None] = set()  # speakers named after their own cue, past the relay
        for q in quotes:
            verb = next((v for v in reversed(relays) if v.start <= (q.cue.start if q.cue else q.start)), None)
            if verb is None or ((q.reported_by or q.reported_by_text) and q.reported_by != [q.speaker]):
                continue
            n0, n1 = r.normal_offset(verb.end), r.normal_offset(q.start)
            m = self.c.relay_from.search(r.view.norm, n0, n1)
            if not m:
                continue
            at, after = r.original(m.start(), m.end())
            stop = claim_cues().relayed_end.search(r.view.norm, m.end(), n1)
            until = r.original(stop.start(), stop.start())[0] if stop else q.start
            words, by = r.text[after:until].strip(EDGE), r.text[verb.end : at].strip(EDGE)
            if not words or not by or len(WORD.findall(words)) > 8 or len(WORD.findall(by)) > 8:
                continue
            if q.cue is not None and self.number_differs(q.cue.text, words):
                continue  # نقلت صحيفة X عن مسؤولين …، مشيرة إلى: the paper goes on, not the officials
            named = [x for x in r.mentions if x.label in ("PERSON", "ORG") and entity_of.get(id(x))]
            if (
                q.cue is not None
                and q.cue.start >= after
                and (q.speaker in own or self.own_subject(q, named, entity_of))
            ):
                own.add(q.speaker)  # وهو ما نقل عن زوار X، رأى Y أن …، وجدد دعوته: Y's cue has a subject of its own
                continue
            reporter = next((x for x in named if verb.end <= x.start and x.end <= at), None)
            speaker = next((x for x in named if after <= x.start and x.end <= until), None)
            q.reported_by = [entity_of[id(reporter)]] if reporter is not None else []
            q.reported_by_text = [] if reporter is not None else [by]
            q.speaker = entity_of[id(speaker)] if speaker is not None else None
            q.speaker_text = None if speaker is not None else words

    @staticmethod
    def own_subject(q: Quote, named: list[Mention], entity_of) -> bool:
        """Whether the quote's speaker is named between its cue and its words (رأى درباس أنه)."""
        return any(entity_of[id(x)] == q.speaker and q.cue.end <= x.start < q.start for x in named)

    def number_differs(self, cue: str, words: str) -> bool:
        """Whether a participle cue (مشيرة) and a plural speaker's words (مسؤولين) differ in number."""
        norm = normalize(cue)
        if not self.s.participle.fullmatch(strip_conjunction(norm)):
            return False
        plural = tuple(self.s.letters["plural_endings"])
        first = WORD.findall(normalize(words))[:1]
        return bool(first) and first[0].endswith(plural) != norm.endswith(plural)

    def source(self, r: SentenceReader, cue_end: int, entity_of) -> Source:
        """The source after an according-to phrase: a name (its entity; a title or an outlet's noun may
        come first: د. X، صحيفة X), an unnamed source (مصادر أمنية), or the words up to the next comma,
        date, relative pronoun or clause (فإن، أن); الوكالة / القبلي is the one named before."""
        next_char = r.text[cue_end : cue_end + 1]
        start = cue_end + (1 if next_char and not normalize(next_char) else 0)  # a tatweel (لـ) the view drops
        k = claim_cues()
        skip = k.source_skip.match(r.view.norm, r.normal_offset(start))
        if skip:  # وفقا لما صرح به، أمس، الوزير …
            start = r.original(skip.end(), skip.end())[0]
            date = next((t for t in r.article.timexes if t.start == start), None)
            start = date.end if date else start
            start += len(r.text[start:]) - len(r.text[start:].lstrip(EDGE))
        for x in r.mentions:
            if not (start <= x.start <= start + 30) or x.label == "NORP":
                continue
            gap = " ".join(normalize(r.text[start : x.start]).replace("،", " ").split()).strip(' ."«“”')
            if gap in ("", *self.c.attached) or k.source_lead.fullmatch(gap):
                end = x.end
                begin = x.start if gap in ("", *self.c.attached) else start
                if r.text[x.start - 1 : x.start] in self.c.marks and r.text[end : end + 1] in mark_cues().closing.get(
                    r.text[x.start - 1], ""
                ):
                    end += 1  # بحسب «رويترز»
                opened = [c for c in self.c.marks if c in r.text[begin:end]]
                if opened and self.c.marks[opened[0]] not in r.text[begin + 1 : end]:  # «صنداي» مورنينغ بوست»
                    close = r.text.find(self.c.marks[opened[0]], end, min(end + 40, r.sentence.end))
                    end = close + 1 if close > 0 else end
                for y in r.mentions:  # a NORP adjective or a description continues the name
                    if end <= y.start <= end + 1:
                        end = y.end
                named = x.label in ("PERSON", "ORG")
                return Source(entity_of.get(id(x)), r.text[begin:end].strip(), end, named)
            break
        cut = min([t.start for t in r.article.timexes if start < t.start < r.sentence.end] + [r.sentence.end])
        words = k.source_words.match(r.view.norm, r.normal_offset(start), r.normal_offset(cut))
        unnamed = self.c.unnamed.match(r.view.norm, r.normal_offset(start), r.normal_offset(cut))
        if unnamed:  # مصادر أمنية مطلعة; with its place: مصادر في وزارة الداخلية
            end = unnamed.end("src")
            more = k.unnamed_more.match(r.view.norm, end)
            if more and (name := self.name_at(r, r.original(more.end(), more.end())[0])) is not None:
                end = r.normal_offset(name.end)  # تقرير صادر عن صندوق النقد الدولي وستعود …: up to the name
            elif words and more and len(WORD.findall(words.group("src"))) <= 10:
                end = words.end("src")
            s, e = r.original(unnamed.start("src"), end)
            return Source(None, r.text[s:e], e)
        if (titled := self.titled_person(r, start, cut, entity_of)) is not None:
            return titled
        if words and 1 <= len(WORD.findall(words.group("src"))) <= 10:
            s, e = r.original(words.start("src"), words.end("src"))
            e = self.definite_end(r, s, e)
            text = r.text[s:e].strip()
            entity = self.antecedent(r, Verb(cue_end, cue_end, ""), text, entity_of) or self.named_before(r, text)
            return Source(entity, text, e, named=entity is not None and " " not in text)
        return Source()

    def definite_end(self, r: SentenceReader, start: int, end: int) -> int:
        """Where a source's words end: before an indefinite word right after a definite one or a name, which
        starts the clause (بحسب البيان ستتوقف …، وفقا للهيئة العامة للاستثمار تجاوزت …، بحسب الرئيس X أربع …) —
        not before a preposition, a part of a name, a tagged name or a word with a preposition or an article."""
        k = claim_cues()
        definite = False
        for w in WORD.finditer(r.text, start, end):
            word = normalize(w.group())
            opens = word.startswith(k.continuing)
            named = any(x.start == w.start() for x in r.mentions)
            if definite and not (opens or named or word in k.after_definite or word.isdigit()):
                return trim(r.text, start, w.start(), EDGE)[1]
            inside = any(x.start <= w.start() < x.end for x in r.mentions)
            ends = any(x.start <= w.start() < x.end <= w.end() for x in r.mentions)  # a name is definite too
            definite = ends or (word.startswith(k.definite_articles) and not inside and word not in k.after_definite)
        return end

    @staticmethod
    def name_at(r: SentenceReader, at: int) -> Mention | None:
        """The person's, organisation's or place's name starting at `at` (past spaces), with a NORP
        adjective right after it (وزارة الخارجية الأمريكية)."""
        at += len(r.text[at:]) - len(r.text[at:].lstrip())
        name = next((x for x in r.mentions if x.start == at and x.label in ("PERSON", "ORG", "GPE")), None)
        if name is not None:
            after = next((y for y in r.mentions if name.end < y.start <= name.end + 1 and y.label == "NORP"), None)
            return after if after is not None else name
        return None

    def titled_person(self, r: SentenceReader, start: int, cut: int, entity_of) -> Source | None:
        """A source named by a role and then a person's name that ends it (بحسب المتحدث الرسمي لهيئة الهلال
        الأحمر في المنطقة محمد … فقد …): the person, when the role is a source's noun."""
        k = claim_cues()
        stop = k.source_stop.search(r.view.norm, r.normal_offset(start), r.normal_offset(cut))
        end = r.original(stop.start(), stop.start())[0] if stop else cut
        person = next((x for x in r.mentions if x.label == "PERSON" and start < x.start and x.end <= end), None)
        if person is None or len(WORD.findall(r.text, start, person.start)) > k.role_words:
            return None
        rest = WORD.findall(r.text, person.end, end)
        if len(rest) > 1:  # a last name the tagger left out (محمد بن عبد الله الفلاني) may end it
            return None
        last = person.end if not rest else r.text.index(rest[0], person.end) + len(rest[0])
        words = r.text[start : person.start]
        if not self.speaker_like(Source(text=words)):
            return None
        begin = start + len(words) - len(words.lstrip(EDGE))
        first = normalize(m.group()) if (m := WORD.match(r.text, begin)) else ""
        if first[:1] in self.c.attached and (first[1:2] in self.c.attached or first[1:] in k.source_nouns):
            begin += 1  # للمتحدث، لمدير: the preposition of وفقا لـ
        return Source(entity_of.get(id(person)), r.text[begin:last], last, True)

    def named_before(self, r: SentenceReader, words: str) -> str | None:
        """A one-word source that is the last word of a person named earlier (ووفقا للقبلي → كمال القبلي)."""
        word = normalize(words)
        if " " in word:
            return None
        while word.startswith(self.c.attached) and len(word) > 3:
            word = word[1:]
        forms = {word, self.c.article + word, word.removeprefix(self.c.article)}
        for m in r.article.mentions:
            if m.label == "PERSON" and m.entity and m.start < r.sentence.end and normalize(m.text).split()[-1] in forms:
                return m.entity
        return None

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
