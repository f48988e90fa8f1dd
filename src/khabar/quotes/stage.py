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
from khabar.quotes.cues import cues, reporting
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, conjunctions, strip_conjunction

SUBJECT_GAP = 45  # characters between a verb and its subject's start
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
    verb has no subject of its own (وأضاف أن…، وسئل الوزير … فقال إن…)."""

    def __init__(self) -> None:
        self.entity: str | None = None
        self.words: str | None = None
        self.previous: list[tuple[int, str]] = []
        self.current: list[tuple[int, str]] = []

    def sentence(self, r: SentenceReader, entity_of) -> None:
        self.previous = self.current
        self.current = [
            (m.start, entity_of[id(m)]) for m in r.mentions if m.label in ("PERSON", "ORG") and entity_of.get(id(m))
        ]

    def heard(self, who: Speaker) -> None:
        if who.entity or who.words:
            self.entity, self.words = who.entity, who.words

    def last(self, r: SentenceReader, verb: Verb) -> tuple[str | None, str | None]:
        if self.entity or self.words:
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
        self.rep = reporting()
        self.known = self.c.verbs | self.rep.verbs
        self.no_subject = self.rep.participles | self.rep.possessed

    def __call__(self, article: Article) -> Article:
        entity_of = {id(m): m.entity for m in article.mentions}
        quotes: list[Quote] = []
        claims: list[Claim] = []
        memory = Memory()
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
        """The sentence's speech verbs, participles and verbal nouns, and its two-word cues (جاء فيه),
        a leading و/ف left out of the cue."""
        out = []
        for m in self.rep.phrases.finditer(r.view.norm):
            start, end = r.original(m.start("cue"), m.end("cue"))
            out.append(Verb(start, end, m.group("cue")))
        for m in WORD.finditer(r.view.norm):
            word = m.group()
            stem = word if word in self.known else strip_conjunction(word, self.known)
            if stem in self.known:
                start, end = r.original(m.start() + (len(word) - len(stem)), m.end())
                if not any(v.start <= start < v.end for v in out):
                    out.append(Verb(start, end, stem))
        return sorted(out, key=lambda v: v.start)

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
            end = self.clause_end(r, start, verbs[k + 1 :], quoted=colon)
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
        verb: قالت روسيا), else the words standing there (مسؤول أمريكي), else a name just before the
        verb (بوتين قال); with none (وأضاف أن…) the last speaker goes on. An addressee follows لـ or
        في مقابلة مع (للصحفيين، لوكالة فرانس برس)."""
        between = [m for m in r.mentions if verb.end <= m.start and m.end <= until and m.label != "NORP"]
        subject = None
        for label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"):
            chosen = [m for m in between if m.label == label and not self.addressed(r, verb, m)]
            chosen = [m for m in chosen if not m.description] or chosen  # a name over a title
            if label in ("GPE", "LOC", "FAC"):
                chosen = [m for m in chosen if not r.text[verb.end : m.start].strip()]
            if chosen:
                subject = chosen[0]
                break
        after = subject.end if subject else verb.end
        if subject:  # a title mention right before the name (a description) joins it
            after = max([after] + [m.end for m in between if m.entity == subject.entity])
        addressee, addressee_start = self.addressee(r, after, until, entity_of, anywhere=subject is None)
        who = Speaker(entity_of.get(id(subject)) if subject else None)
        if subject is None:
            words = self.subject_words(r, verb.end, addressee_start if addressee_start is not None else until)
            if (
                words
                and any(normalize(w) not in self.c.gap_words for w in WORD.findall(words))
                and len(WORD.findall(words)) <= 6
            ):
                who.words = words
                who.entity = self.antecedent(r, verb, words, entity_of)
            elif (before := self.subject_before(r, verb)) is not None:
                who.entity = entity_of.get(id(before))
            else:
                who.entity, who.words = memory.last(r, verb)
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
        return who

    def subject_words(self, r: SentenceReader, start: int, end: int) -> str:
        """The words standing for an untagged subject, up to a date or a place phrase (وزارة الداخلية أمس،
        في بيان أصدرته اليوم → nothing: the subject was dropped)."""
        for t in r.article.timexes:
            if start <= t.start < end:
                end = t.start
        phrase = r.text[start:end].strip(EDGE)
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
        """SVO order: a name just before the verb (وكان بوتين قد قال)."""
        for m in reversed(r.mentions):
            if m.end <= verb.start:
                gap = r.text[m.end : verb.start]
                if (
                    verb.start - m.end <= 12
                    and m.label in ("PERSON", "ORG")
                    and self.c.before_verb.fullmatch(normalize(gap))
                ):
                    return m
                break
        return None

    def clause_start(self, r: SentenceReader, verb: Verb, limit: int) -> tuple[int, bool, int] | None:
        """Where the reported words begin — after أن/إن (or إلى أن), a colon or an opening quotation
        mark close to the verb — as (start, after a colon or mark, where the introducer is). Between
        verb and introducer only the subject, an addressee, titles, dates and a few words may stand."""
        n, stop = r.normal_offset(verb.end), r.normal_offset(limit)
        lead = regex.split(r"[،,.:؛]", r.view.norm[: r.normal_offset(verb.start)])[-1]
        if any(w in self.rep.questions for w in WORD.findall(lead)):
            return None  # لماذا ينصح الأطباء بـ …؟: a question, not a report
        for m in self.c.introducer.finditer(r.view.norm, n, stop):
            intro = r.original(m.start(), m.start())[0]
            if any(x.start < intro < x.end for x in r.mentions):
                continue
            colon = m.group("comp") is None
            if not colon and r.text[r.original(m.end(), m.end())[0] : r.original(m.end(), m.end())[0] + 1] == ".":
                continue  # قناة (إن.بي.سي): letters of a name, not إن
            if m.group("mark") is not None and (self.short_quotation(r, intro) or not r.text[intro + 1].isalpha()):
                continue  # «الشرق الأوسط», "عاصفة الحزم": a name in marks, not quoted words
            if colon and verb.norm in self.c.clause_only | self.rep.strict:
                continue  # دعا / طالب … introduce a call, not quoted words
            after = r.original(m.end(), m.end())[0]
            if m.group("mark") is not None:  # قال في تصريحات هاتفية للتلفزيون «…»: a long quotation (not a name)
                allowed = 0 if verb.norm in self.rep.announce else 2
            elif colon:
                allowed = 7 if r.text[after : after + 1] in self.c.marks else 4  # وأضاف في نص نشره …: «…»
            else:
                allowed = 1 if verb.norm in self.rep.strict else 6
            if not colon and self.rep.new_clause.search(r.text, verb.end, intro):
                allowed = min(allowed, 2)  # يتهمون المفكرين بالزندقة، وهذا يعني أن …: another clause's أن
            if self.loose_words(r, verb.end, intro) > allowed:
                continue  # a quotation inside the subject (شركة "نورث سي")، or too far from the verb
            return after, colon, self.subject_end(verb, intro)
        if verb.norm in self.rep.strict:
            return None
        if limit >= verb.end + SUBJECT_GAP + 40:  # not cut by a next cue: a long subject may stand first
            limit = min(r.sentence.end, verb.end + 4 * SUBJECT_GAP)
        found = self.object_start(r, verb, limit)
        return found and (found[0], found[1], self.subject_end(verb, found[2]))

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
        if not (preps or attached or masdar):
            return None
        if masdar and not (preps or attached) and self.has_complementiser(r, verb):
            return None  # the clause is further on (a long subject): not a noun object
        before = WORD.findall(r.view.norm, max(0, r.normal_offset(verb.start) - 12), r.normal_offset(verb.start))
        if before and strip_conjunction(before[-1], shortest=2) in rep.not_after:
            return None  # حسبما أكد مصدر مقرب: an according-to phrase
        if r.text[r.sentence.start : r.sentence.end].rstrip().endswith(("؟", "?")):
            return None  # أوضح لنا أبرز مخططاته؟: a question
        if norm in rep.participles and not rep.continuing.search(r.text, r.sentence.start, verb.start):
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
            clitic = next((p for p in t.proclitics if p.get("tag") == "prep"), None)
            if clitic and normalize(clitic["text"]) in attached and t.end - clitic["end"] >= 2 and not inside:
                if core not in rep.adverbs:
                    return clitic["end"], False, t.start
            after_preposition, previous = previous in self.c.not_subject, core
            if noun is not None:  # أكد أخصائي علم النفس على …: a preposition close by wins over the noun
                loose += not inside
                if loose > 4:
                    break
                continue
            if inside or word in rep.skip:
                named = True
                continue
            if word in self.c.gap_words or word in rep.titles or after_preposition:
                continue  # أكد الوزير في اجتماعه …: no object after في
            titled = next((m for m in r.mentions if m.label == "PERSON" and t.end <= m.start < t.end + 40), None)
            if titled is not None and not regex.search(r"[،,:]", r.text[t.end : titled.start]):
                continue  # رئيس لجنة التنمية محمد العمران: a title before the speaker's name
            if (
                masdar
                and loose == 0
                and clitic is None
                and len(core) >= 3
                and core not in rep.not_object
                and (named or not named_object)
                and (any_object or not core.startswith(self.c.article))
            ):
                noun = t.start
                if not (preps or attached) or norm in rep.participles:
                    break  # a participle has no subject: the noun after it is its object
                continue
            loose += 1
            if loose > 6:
                break
        return (noun, False, noun) if noun is not None else None

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
        """Whether the quotation opening at `opening` holds fewer than `words` words (a name, a title)."""
        close = self.c.marks.get(r.text[opening])
        end = r.text.find(close, opening + 1, r.sentence.end) if close else -1
        return end < 0 or len(WORD.findall(r.text, opening + 1, end)) < words

    def loose_words(self, r: SentenceReader, start: int, end: int) -> int:
        """Words between a verb and its clause that are no name, date, title or addressee."""
        covered = self.covered(r)
        count, addressed = 0, False
        for word in WORD.finditer(r.text, start, end):
            if any(a <= word.start() < b for a, b in covered):
                continue
            norm = normalize(word.group())
            if norm in self.c.gap_words or norm in self.rep.skip:
                continue
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
        if close and (j := r.text.find(close, start + 1, end)) > start:
            return j + 1  # قال: «…» حيث …: the quotation is what was said
        n = r.normal_offset(start)
        m = self.c.according_to.search(r.view.norm, n)
        if m and regex.search(r"[،,]\s*$", r.view.norm[: m.start()]):
            end = min(end, r.original(m.start(), m.start())[0])
        m = self.rep.end_after_comma.search(r.view.norm, n)
        if m:
            end = min(end, r.original(m.start(), m.start())[0])
        stop = self.rep.unspaced_stop.search(r.text, start, end)
        if stop:  # "…تدريبات.وشهدت": a sentence the splitter did not see
            end = stop.start()
        for k, verb in enumerate(later_verbs):
            if verb.start >= end:
                break
            cut = self.c.next_attribution.search(r.text, max(start, verb.start - 4), verb.start)
            joined = r.text[verb.start - 1 : verb.start] in conjunctions() and not r.text[verb.start - 2].isalpha()
            if not (cut or joined):
                continue
            limit = later_verbs[k + 1].start if k + 1 < len(later_verbs) else r.sentence.end
            if (cut and joined) or self.clause_start(r, verb, min(limit, verb.end + SUBJECT_GAP + 40)):
                # "…، وأضاف" / "…، مشيرا إلى أن" / "… وحذرت من": the next attribution starts a new quote
                end = min(end, cut.start() if cut else verb.start - 1)
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
