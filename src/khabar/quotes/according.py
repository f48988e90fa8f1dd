"""The quotes stage's rules for claims: according-to phrases, their source and scope; and the
article's cited sources.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from khabar.document import Article, Claim, Mention, Quote, Span
from khabar.quotes.claims import LETTER, claim_cues, mark_cues
from khabar.quotes.reading import EDGE, Phrase, Source, Verb
from khabar.quotes.speakers import QUOTED_NAME
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, strip_conjunction

TITLED_REACH = 40  # characters from a claim to the next cue; twice as many of that cue's subject
WORD_REST = regex.compile(rf"{LETTER}*")  # the rest of a word


class AccordingRules:
    """`QuoteFinder`'s rules for claims (a mixin: the tables live on the finder)."""

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

    def titled_sources(self, article: Article, quotes: list[Quote], claims: list[Claim]) -> None:
        """A claim's source given only by a title (حسبما أعلن محافظ المنطقة، حسبما أكد محاميه) is the speaker
        of the next quote, right after it, whose subject carries that title (وقال المحامي X، وصرح X محافظ عدن)."""
        titles = self.s.person_titles | self.s.related_nouns
        for c in claims:
            words = WORD.findall(normalize(c.source_text or ""))
            if c.source or not words or len(words) > 3:
                continue
            first = words[0].removeprefix(self.c.article)
            endings = [e for e in self.s.letters["possessed_endings"] if first.endswith(e)]
            forms = {first, *(first[: -len(e)] for e in endings)} & titles
            after = next((q for q in quotes if q.cue is not None and q.cue.start > c.end), None)
            if not forms or after is None or after.cue.start - c.end > TITLED_REACH:
                continue
            subject = normalize(article.text[after.cue.end : min(after.start, after.cue.end + 2 * TITLED_REACH)])
            if (after.speaker or after.speaker_text) and any(
                w.removeprefix(self.c.article) in forms for w in WORD.findall(subject)
            ):
                c.source, c.source_text = after.speaker, after.speaker_text

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
            if src.text is None or normalize(src.text.split()[0]) in k.prepositions:
                continue  # كما كشف الثلاثاء عن خطته: the verb's object, no source
            if m.group("particle") in k.while_particles and m.group("verb") not in k.while_verbs:
                continue  # فيما أكد المدير أن …: a quote; فيما نقلته وكالة X: a claim
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
        of the `source_nouns` table or of the speaker tables' people and bodies, possessed too (طلابها), or
        by a sound plural of people (للعاملين، المدافعين) — past a quantifier: وفقا لآخر تقديرات …، بحسب
        العديد من الصحف."""
        if src.named or (src.text or "")[:1] in self.c.marks:
            return True
        k = claim_cues()
        words = [normalize(w) for w in WORD.findall(src.text or "")]
        for i, word in enumerate(words):
            forms = {word, word.removeprefix(self.c.article)}
            if word.startswith(self.c.attached * 2):  # للبيانات: ل + البيانات
                forms.add(self.c.article + word[2:])
            while word.startswith(self.c.attached) and len(word) > 3:  # لتقرير، للصحيفة
                word = word[1:]
                forms |= {word, word.removeprefix(self.c.article)}
            if forms & k.partitives and k.partitive_link not in words[i + 1 : i + 3]:
                return False  # وفقا لعدد أفراد الأسرة: a number
            if forms & (k.quantifiers | k.same_before):  # لنفس المصدر
                continue
            if forms & k.weak_sources:  # بيانات الوزارة, not البيانات الواردة عن إنجازهم
                return any(c in (src.text or "") for c in self.c.marks) or any(w in k.source_nouns for w in words[1:])
            forms |= {self.c.article + word}  # للألمانية: لل + ألمانية
            forms |= {f[: -len(p)] for f in forms for p in self.s.letters["possessives"] if f.endswith(p)}
            return bool(forms & (k.source_nouns | k.speaker_nouns)) or any(self.people_plural(f) for f in forms)
        return False

    def people_plural(self, word: str) -> bool:
        """A sound plural of people in the case after a preposition (عاملين، المدافعين → مدافعين), not a
        broken plural in ين (قوانين) nor a noun with the article still on (الصين)."""
        return (
            not word.startswith(self.c.article)
            and word.endswith(self.s.letters["oblique_plural"])
            and self.plural_noun(word)
            and not claim_cues().broken_plural.search(word)
        )

    def clause_after(self, r: SentenceReader, end: int) -> int | None:
        """Where a أن-clause right after a source, or after the comma closing it, starts (فيما أفادت تقارير بأن …؛
        وذكر موقع X، نقلا عن مسؤول، أن …), if there is one."""
        n = r.normal_offset(end)
        n += len(r.view.norm[n:]) - len(r.view.norm[n:].lstrip(" \t،,"))
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
        at = start + len(r.text[start:]) - len(r.text[start:].lstrip())
        date = next((t for t in r.article.timexes if t.start == at), None)
        if skip or date:  # حسبما ذكرت أمس الجمعة وكالة …
            start = date.end if date else start
            start += len(r.text[start:]) - len(r.text[start:].lstrip(EDGE))
        for x in r.mentions:
            if not (start <= x.start <= start + 30) or x.label == "NORP":
                continue
            gap = " ".join(normalize(r.text[start : x.start]).replace("،", " ").split()).strip(' ."«“”')
            if gap in ("", *self.c.attached) or k.source_lead.fullmatch(gap) or self.owned_by(gap):
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
            end = WORD_REST.match(r.view.norm, unnamed.end("src")).end()  # سكانها: the whole word
            more = k.unnamed_more.match(r.view.norm, end)
            if more and (name := self.name_at(r, r.original(more.end(), more.end())[0])) is not None:
                end = r.normal_offset(name.end)  # تقرير صادر عن صندوق النقد الدولي وستعود …: up to the name
            elif words and more and len(WORD.findall(words.group("src"))) <= 10:
                end = words.end("src")
            s, e = r.original(unnamed.start("src"), end)
            e += bool(r.text[e : e + 1]) and not normalize(r.text[e : e + 1])  # a tatweel (بـ) the view drops
            if quoted := QUOTED_NAME.match(r.text, e):  # مسؤول في «الشركة»، مسؤول بـ«الشركة»: the name in marks
                e = quoted.end()
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

    def owned_by(self, gap: str) -> bool:
        """Whether the one word before a name is a source's noun the name owns (لتحليل جامعة X، بيانات X)."""
        return " " not in gap and self.speaker_like(Source(text=gap))

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
