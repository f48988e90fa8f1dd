"""The quotes stage's rules for cues and content: speech verbs, quotation marks and where a
quote's content starts and ends.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from khabar.document import Article, Quote, Span
from khabar.quotes.claims import claim_cues, mark_cues
from khabar.quotes.reading import (
    BETWEEN_MARK,
    EDGE,
    FULL_STOP,
    LAST_WORD,
    SEMICOLON,
    SET_OFF,
    STOPS,
    SUBJECT_GAP,
    Memory,
    Speaker,
    Verb,
)
from khabar.quotes.speakers import head
from khabar.text import normalize, trim
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, conjunctions, strip_conjunction

INNER_WORDS = 5  # words at most of a quotation inside a quotation («… شعارنا «الجودة أولا» منذ …»)
SHADDA = "\u0651"  # the doubling mark that tells بيّن (showed) from بين (between)


def first_closer(text: str, start: int, closers: str, end: int) -> int | None:
    """The first of the closing marks in text[start:end], if any."""
    found = [j for j in (text.find(c, start, end) for c in closers) if j >= 0]
    return min(found) if found else None


class ContentRules:
    """`QuoteFinder`'s rules for cues and content (a mixin: the tables live on the finder)."""

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
            self.through_semicolons(article, q, sentences, starts)

    def through_semicolons(self, article: Article, q: Quote, sentences: list, starts: set[int]) -> None:
        """`قال إن …؛ فقد …؛ حيث …`: a semicolon the splitter took for a sentence's end does not end what was
        said; the quote goes on to the end of the next clause, trimmed as any content, unless that clause
        opens a quote of its own, a speaker's participle (…؛ مشيرا إلى أن …) or an according-to phrase."""
        while (m := SEMICOLON.match(article.text, q.end)) is not None:
            at = m.end()
            sentence = next((x for x in sentences if x.start <= at < x.end), None)
            if sentence is None or any(sentence.start <= s < sentence.end for s in starts):
                break
            r = SentenceReader(article, sentence)
            n = r.normal_offset(at)
            first = WORD.match(r.view.norm, n)
            if (
                first is None
                or self.speakers_participle(r, n, first.group())
                or self.c.according_to.match(r.view.norm, n)
            ):
                break
            end = trim(article.text, at, self.clause_end(r, at, []), EDGE)[1]
            if end <= at:
                break
            q.end, q.text = end, article.text[q.start : end]

    def speakers_participle(self, r: SentenceReader, n: int, word: str) -> bool:
        """Whether the words at `n` in the view, opening with `word`, open the speaker's next act or report
        (مشيرا، معتبرا، مقدما شكره), not words of what was said."""
        return (
            word in self.rep.participles
            or word in self.rep.any_object_participles
            or mark_cues().speaker_acts.match(r.view.norm, n) is not None
        )

    def complementiser(self, word: str) -> bool:
        """أن، إن، بأن, alone or with an attached pronoun (أنه، إنها)."""
        return any(
            word == c or (word.startswith(c) and word[len(c) :] in self.rep.attached_pronouns)
            for c in self.c.plain_complementisers
        )

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
                if word == stem and self.ambiguous(r, Verb(start, end, stem)) and self.subject_of(out, start):
                    continue  # وقالت مصادر بين المقاتلين إن: a preposition inside the subject, no verb
                if not any(v.start <= start < v.end for v in out) and not self.no_report(r, start, end, stem):
                    out.append(Verb(start, end, stem))
        return sorted(out, key=lambda v: v.start)

    @staticmethod
    def subject_of(verbs: list[Verb], at: int) -> bool:
        """Whether `at` lies where the subject of an earlier cue stands."""
        return any(0 <= at - v.end <= SUBJECT_GAP for v in verbs)

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
        if mark in k.closing[mark] and text[i - 1 : i].isalpha() and not text[i + 1 : i + 2].isalpha():
            return None  # …على التلة"، مشيرا: a symmetric mark stuck to a word and before none closes a lost quotation
        paragraph_end = text.find("\n", i)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        closers = k.closing[mark]
        if mark in closers:  # a symmetric mark: within its paragraph
            found = first_closer(text, i + 1, closers, paragraph_end)
            if found is not None and not self.opens_word(text, found):
                return self.past_inner(text, found, closers, paragraph_end)
        else:
            pos, limit = i + 1, min(len(text), i + k.cross_paragraph)
            while (m := k.ends[mark].search(text, pos, limit)) is not None:
                if text[m.start()] != mark:
                    return m.start()
                inner = k.ends[mark].search(text, m.end(), limit)
                if inner is None or text[inner.start()] == mark or self.long_inner(text, m.end(), inner.start()):
                    break
                pos = inner.end()  # «… شعارنا «الجودة أولا» منذ …»: a short quotation inside the quotation
        if i > 0 and text[i - 1].isalpha():
            return None  # unclosed and stuck to the word before: a closing mark whose opening was lost
        end = trim(text, i + 1, self.unclosed_end(text, i, paragraph_end), EDGE)[1]
        return end if end > i + 1 else None

    def past_inner(self, text: str, j: int, closers: str, paragraph_end: int) -> int:
        """The closing mark of a symmetric quotation, past the short quotations inside it; the first mark
        at `j` when no closing mark follows them in the same sentence."""
        end = j
        while (inner := self.inner_quotation(text, end, closers, paragraph_end)) is not None:
            found = first_closer(text, inner + 1, closers, paragraph_end)
            if found is None or regex.search(r"[.!?؟]\s", text[inner:found]):
                return j
            end = found
        return end

    def inner_quotation(self, text: str, j: int, closers: str, paragraph_end: int) -> int | None:
        """Where a short quotation inside a quotation ends when the symmetric mark at `j` opens one (a space
        before it, a letter after it and its own closing mark soon after: "… وشعارنا "الجودة أولا" ولن …")."""
        if not (text[j - 1 : j].isspace() and text[j + 1 : j + 2].isalpha()):
            return None
        found = first_closer(text, j + 1, closers, paragraph_end)
        if found is None or self.long_inner(text, j + 1, found) or text[found + 1 : found + 2].isalpha():
            return None
        return found

    @staticmethod
    def long_inner(text: str, start: int, end: int) -> bool:
        """Whether the words between two marks are too many, or run past a sentence's end, for a quotation
        inside a quotation."""
        return (
            len(WORD.findall(text, start, end)) > INNER_WORDS or regex.search(r"[.!?؟\n]", text[start:end]) is not None
        )

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
        a comma or the paragraph's end after it, or a full stop inside the marks: «….» وتسعى …)."""
        if i >= len(r.text) or r.text[i] not in mark_cues().closing:
            return False
        end = self.quotation_end(r.text, i)
        if end is None or len(WORD.findall(r.text, i + 1, end)) < words:
            return False
        if regex.search(r"[.!?؟…]\s*$", r.text[i + 1 : end]):
            return True
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
        if self.stands_for(r, q.cue):
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

    def stands_for(self, r: SentenceReader, cue: Span) -> bool:
        """Whether a present speech verb follows a relative pronoun and takes its preposition at once (الميثاق
        الذي يدعو إلى …، السياسة التي تؤكد على …): what a text or policy stands for, not a statement."""
        verb = self.present_verb(cue)
        if verb is None:
            return False
        after = WORD.match(r.text, cue.end + 1)
        return (
            self.word_before(r, cue, 12) in self.s.relatives
            and after is not None
            and normalize(after.group()) in self.rep.preps.get(verb, ())
        )

    def may_say(self, r: SentenceReader, cue: Span) -> bool:
        """Whether a present speech verb follows قد / ربما (قد يقول المرء إن …): a possibility, not a report."""
        return self.present_verb(cue) is not None and self.word_before(r, cue, 10) in mark_cues().possibility

    def present_verb(self, cue: Span) -> str | None:
        """The cue's verb without its conjunction when it is in the present (يقول، تؤكد), else None."""
        verb = strip_conjunction(normalize(cue.text), self.known)
        return None if verb[:1] not in self.rep.present or verb in self.rep.past_present_like else verb

    @staticmethod
    def word_before(r: SentenceReader, cue: Span, reach: int) -> str:
        """The normalised word ending within `reach` characters before the cue, in its sentence ("" if none)."""
        before = WORD.findall(r.text, max(r.sentence.start, cue.start - reach), cue.start)
        return normalize(before[-1]) if before else ""

    def relative_object(self, r: SentenceReader, cue: Span) -> bool:
        """Whether a speech verb stands in a relative clause about the noun before it, named again after the
        verb (الصفقة التي أعلن عنها للتو …، ما يتحدث عنه): it reports no content of its own."""
        k = mark_cues()
        before = self.word_before(r, cue, 12)
        after = [normalize(w) for w in WORD.findall(r.text, cue.end, min(r.sentence.end, cue.end + 10))][:1]
        relatives = self.s.relatives | k.relative_what
        return bool(before and after) and before in relatives and after[0] in k.resumptive

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
            if colon and (verb.relative or verb.norm in self.c.clause_only or self.ambiguous(r, verb)):
                continue  # دعا / طالب … introduce a call, not quoted words
            if colon and self.titled(r, m.start()):
                continue  # كتبت مقالي بعنوان: …: a title, not words said
            if not colon and self.aside(r, verb, m.start()):
                continue  # أضاف الموقع صفحة …، إلا أن …: the narrator's aside, not the verb's clause
            after = r.original(m.end(), m.end())[0]
            allowed = self.gap_allowed(r, m, colon)
            if m.group("mark") is not None:
                allowed = 0 if verb.norm in self.rep.announce else allowed
                if verb.norm in self.rep.bare_speech and self.ends_sentence(r, intro):
                    allowed = max(allowed, 2)  # وقال محلب "…".: a name the tagger missed before the whole quotation
            elif colon and r.text[after : after + 1] in self.c.marks:
                allowed = max(allowed, 7)  # وأضاف في نص نشره …: «…»
            elif not colon and self.ambiguous(r, verb):
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
        if self.ambiguous(r, verb):
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
        if not (named or head in claim_cues().source_nouns | self.rep.titles | self.s.person_titles):
            return None
        n, marks = r.normal_offset(verb.end), "".join(self.c.marks) + "".join(self.c.marks.values())
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
            opened = [i for i in range(verb.end, intro) if r.text[i] in marks]  # «…» counts twice, opened and closed
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
        before = normalize(r.text[max(r.sentence.start, opening - 4) : opening]).rstrip()  # لـ: the tatweel dropped
        first = WORD.match(r.view.norm, r.normal_offset(opening + 1))
        word = regex.search(r"\p{L}+$", before)  # the lam a word of its own, not a verb's last letter (وقال «…»)
        joined = word is not None and strip_conjunction(word.group()) in self.c.attached
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
        if before and strip_conjunction(before[-1], shortest=2) in self.s.relatives:
            return None  # الطائرات التي تعهدت واشنطن بتزويدها: a relative clause about a noun
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

    def ambiguous(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a cue is also a common word (بين = between) as written: not when its shadda shows the verb (بيّن)."""
        return verb.norm in self.rep.strict and SHADDA not in r.text[verb.start : verb.end]

    def named_subject(self, r: SentenceReader, verb: Verb) -> bool:
        """Whether a person or organisation is named right after a speech verb (وقال دان ويرثايمر …)."""
        if self.s.participle.fullmatch(verb.norm) or self.ambiguous(r, verb):
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
