"""The `quotes` stage: who said what (quotes) and on whose authority (claims).

Per sentence: speech verbs (قال، أكد، أضاف، ذكرت…) with their subject, an addressee (للصحفيين) and
the clause after أن/إن or a colon make quotes — `direct` when the clause is one quotation,
`indirect` otherwise, with `partial` quotes for quoted fragments inside it; quotations attributed
after the fact (`«…»، قال الوزير`) are direct too. The speaker is the subject's entity; a dropped
subject (وأضاف أن…) continues the last speaker. According-to phrases (بحسب، نقلا عن، حسبما ذكرت)
make claims on their source — or, when the sentence already is a quote, add the source to the
quote's `reported_by`. The byline's sources and the photo credits get their entity ids.

The rules live in three mixins of `QuoteFinder`: `content.py` (cues and content), `subject.py` (the
speaker) and `according.py` (claims); `reading.py` holds what one article's reading finds and remembers.
"""

from __future__ import annotations

from functools import lru_cache

from khabar.document import Article, Claim, Mention, Quote, Span
from khabar.pipeline import stage
from khabar.quotes.according import AccordingRules
from khabar.quotes.content import ContentRules
from khabar.quotes.cues import cues, reporting
from khabar.quotes.reading import CONTINUATION_GAP, EDGE, SENTENCE_END, SUBJECT_GAP, Memory, Speaker
from khabar.quotes.speakers import ArticleSpeakers, speaker_tables
from khabar.quotes.subject import SubjectRules
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD


class QuoteFinder(ContentRules, SubjectRules, AccordingRules):
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
        self.titled_sources(article, quotes, claims)
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

    def speech(self, r: SentenceReader, quotes: list[Quote]) -> list[Quote]:
        """The quotes that are news speech: no title, date or name in quotation marks, no religious
        citation, proverb or prayer; a partial quote that is also a direct one only once."""
        spans = {(q.start, q.end) for q in quotes if q.kind != "partial"}
        return [
            q for q in quotes if not self.not_speech(r, q) and not (q.kind == "partial" and (q.start, q.end) in spans)
        ]

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


@stage(
    "quotes",
    requires=("sentences", "tokens", "mentions", "timexes", "entities"),
    assigns=("quotes", "claims"),
    setup=QuoteFinder.shared,
)
def quotes_stage(article: Article) -> Article:
    """Quotes with speakers, addressees and reporting outlets; claims on their sources."""
    return QuoteFinder.shared()(article)
