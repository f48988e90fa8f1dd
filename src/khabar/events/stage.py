"""The `events` stage: who did what to whom, where, when and for how long, coded in CAMEO and PLOVER.

Per sentence: trigger words from the lexicon (verbs in their forms, verbal nouns such as محادثات،
زيارة، قمة, two-word triggers) open a frame. Within the trigger's clause, the names after a verb
with no preposition are its subject and object (VSO; a name before it when there is none after),
a noun's subject follows it (زيارة بوتين) or precedes it with a support verb (أجرى بوتين محادثات);
prepositions named by the type's frame mark the target (مع، على، لـ) and the place (في، إلى).
Dual words (الزعيمان، البلدين) stand for the last two people or countries named. Words before the
trigger give the modality (لم، لن → negated; من المقرر أن، سـ → planned; إذا، قد يـ → hypothetical);
a trigger inside a quote or claim is reported by its speaker or source. Each event links the
sentence's date and duration timexes, and a noun taking up an earlier event (المحادثات، القمة)
adds to that event instead of making a new one.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import regex

from khabar.document import Article, Event, Span
from khabar.events.actors import ActorCodes, actor_coder, split_code
from khabar.events.agents import agent_lexicon, canonical
from khabar.events.filter import CANDIDATES, chosen_filter
from khabar.events.lexicon import (
    Form,
    Lexicon,
    folded,
    lexicon,
    morphology,
    past_forms,
    present_forms,
)
from khabar.pipeline import stage
from khabar.text import normalize
from khabar.text.encoder import sentence_encoder
from khabar.text.numbers import number_pattern, parse_number
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, conjunctions, fold, strip_conjunction

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "AGENT")  # AGENT: an unnamed or collective actor (مسلحون)
PLACE_LABELS = ("GPE", "LOC", "FAC")
SITES = ("city", "region", "geo", "facility")  # KB types of GPEs that are places rather than actors
LOOSE_WORDS = 3  # words a frame may skip between two of its parts
NEXT_WINDOW = 8  # words after a trigger that `needs_next` and two-word triggers look at
NEGATION_REACH = 2  # words before a trigger that لم/لن/لا reach
MODALITY_REACH = 8  # words before a trigger that من المقرر أن، إذا reach


@dataclass
class Word:
    start: int  # normalised offsets within the sentence
    end: int
    text: str


@dataclass
class Actor:
    """A name (or a dual word standing for names) in a sentence, with the words leading to it."""

    start: int
    end: int
    label: str
    entities: list[str]
    code: str | None = None  # an actor code the words give (الشرطة التركية → TURCOP)
    place: bool = False  # a city or region, not a country
    title: int | None = None  # where a title holding a country or body starts (رئيس مجلس الأمة … مبارك)


@dataclass
class Trigger:
    index: int  # word index
    form: Form
    start: int  # original offsets
    end: int
    toll: bool = False  # a violent word giving a toll (أسفر عن مقتل، قتل 7 أشخاص): an event only when alone


@dataclass
class Frame:
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)  # actor codes fixed by the words (الشرطة التركية → TURCOP)


class EventFinder:
    """The events stage's tables, read-only and shared by threads: everything that belongs to one
    article (its KB ids, the words inside names, the events found) lives in the call."""

    @staticmethod
    @lru_cache(maxsize=1)
    def shared() -> EventFinder:
        """One instance per process (its tables are built once)."""
        return EventFinder()

    def __init__(self) -> None:
        self.lex: Lexicon = lexicon()
        f = self.lex.frames
        m = f["modality"]
        self.negated = frozenset(folded(m["negated"]))
        self.still = frozenset(folded(m["still"]))
        self.denials = frozenset(folded(m["denials"]))
        self.planned, self.planned_after = folded(m["planned"]), frozenset(folded(m["planned_after"]))
        self.hypothetical = folded(m["hypothetical"])
        self.hypothetical_present = frozenset(folded(m["hypothetical_present"]))
        self.clause_words = frozenset(folded(f["boundaries"]["clause"]))
        self.stop_chars = f["boundaries"]["stop_chars"]
        self.continuing = frozenset(folded(f["boundaries"]["continuing"]))
        self.not_triggers = frozenset(folded(f["boundaries"]["not_triggers"]))
        support = f["support"]
        self.support = frozenset(
            {x for v in support["past"] for x in past_forms(v)}
            | {x for v in support["present"] for x in present_forms(v)}
            | set(folded(support["during"]))
        )
        self.role_words = {w: label for label, words in f["roles"].items() for w in folded(words)}
        self.settings = {name: folded(words) for name, words in f["settings"].items()}
        preps = set()
        for t in self.lex.types.values():
            preps |= set(t.target) | set(t.place)
        w = f["words"]
        self.prepositions = frozenset({p for p in preps if p != "obj"} | set(folded(w["prepositions"])))
        self.and_word, self.article, self.in_word, self.between = (
            fold(w[k]) for k in ("and", "article", "in", "between")
        )
        self.not_place = frozenset(folded(w["not_place"]))
        self.attached, self.governing = frozenset(folded(w["attached"])), frozenset(folded(w["governing"]))
        self.object_prefix, self.purpose_prefix = fold(w["object_prefix"]), fold(w["purpose_prefix"])
        self.since, self.offsets = fold(w["since"]), frozenset(folded(w["offsets"]))
        self.honorifics, self.relatives = frozenset(folded(w["honorifics"])), frozenset(folded(w["relatives"]))
        self.not_actors = frozenset(folded(w["not_actors"]))
        self.pronoun_subjects = frozenset(folded(w["pronoun_subjects"]))
        self.results, self.counted = frozenset(folded(w["results"])), frozenset(folded(w["counted"]))
        self.circumstantial = frozenset(folded(w["circumstantial"]))
        self.passive_agents = tuple(" " + x for x in folded(w["passive_agents"]))
        morph = morphology()
        self.pronouns = tuple(sorted((p for p in morph.pronouns if p), key=len, reverse=True))
        self.ta_marbuta, self.open_ta, self.hamza_seat = morph.ta_marbuta, morph.open_ta, morph.hamza_seat
        self.office_words = frozenset(canonical(x) for x in folded(w["offices"]))
        self.title_words = self.office_words | {canonical(x) for x in self.honorifics}
        self.proclitic_prepositions = {fold(k): fold(v) for k, v in w["proclitic_prepositions"].items()}
        self.coder = actor_coder()
        self.agents = agent_lexicon()
        self.split_places = frozenset({"make_visit", "travel"})
        self.titles = {fold(k): v for k, v in f["codes"]["institutions"].items()}
        self.office_roles = {fold(k): v for k, v in f["codes"]["titles"].items()}
        c = f["casualties"]
        self.casualty_words = {
            (side, kind): frozenset(folded(c[f"{kind}_{side}"]))
            for side in ("before", "after")
            for kind in ("killed", "wounded")
        }
        self.violent = frozenset(f["violence"]["types"])
        self.victims = frozenset(f["violence"]["victims"])
        self.owner_prefix = fold(f["words"]["owner_prefix"])
        self.undergo = frozenset(folded(f["violence"]["undergo"]))
        self.sites = frozenset(folded(f["violence"]["sites"]))
        self.armed = frozenset(f["violence"]["armed"])
        self.weak = frozenset(canonical(w.split()[0]) for w in folded(f["violence"]["weak"]))
        self.conflict_cues = f["violence"]["conflict_cues"]
        self.content_types = frozenset(f["content"]["types"])
        self.judging = frozenset(f["content"]["judging"])
        self.statements = frozenset(f["content"]["statements"])
        self.far_objects = frozenset(w["far_objects"])
        self.verbal = frozenset(canonical(x) for x in folded(f["violence"]["verbal"]))
        self.verbal_verbs = frozenset(folded(f["violence"]["verbal_verbs"]))
        self.number = regex.compile(number_pattern())
        self.quantities = frozenset(canonical(x) for x in folded(f["words"]["quantities"]))
        senses = f["senses"]
        self.sense_hits = senses["article_hits"]
        self.sentence_senses = {canonical(w) for words in senses["sentence"].values() for w in folded(words)}
        self.sentence_stems = {w.split()[0] for w in self.sentence_senses} | {
            self.article + w.split()[0] for w in self.sentence_senses
        }  # what a word may be once its و/ف is taken off
        self.article_senses = {
            name: {canonical(w) for w in (*folded(words), *folded(senses["sentence"][name])) if " " not in w}
            for name, words in senses["article"].items()
        }

    def __call__(self, article: Article) -> Article:
        events: list[Event] = []
        kb_ids = {e.id: e.kb_id for e in article.entities}
        entity_of = {id(m): m.entity for m in article.mentions}
        day = article_date(article)
        unnamed: dict[str, dict] = {}  # unnamed actors by id, with their span and code
        candidates = {t.sentence for t in article.tokens if t.norm in self.lex.forms}
        tokenised = {t.sentence for t in article.tokens}
        if self.other_sense(article):
            candidates = set()  # a sports or culture article: its لقاء and هجوم are no events
        for sentence in article.sentences:
            if sentence.id in tokenised and sentence.id not in candidates:
                continue  # no word of the sentence is a trigger form
            reader = SentenceReader(article, sentence)
            for event, definite in self.sentence_events(reader, entity_of, kb_ids, day, unnamed):
                if not self.merge(events, event, definite):
                    events.append(event)
        self.invited(events)
        events = [e for e in events if not self.recalled(e, day)]
        judge = chosen_filter()  # None: the rules alone (an event needs an actor)
        if judge is None:
            events = [e for e in events if self.has_actor(e)]
        codes = ActorCodes(self.coder, article)
        for e in events:
            e.actors["codes"] = {
                x: e.actors["codes"].get(x) or codes(x, e.date) for x in e.actors["source"] + e.actors["target"]
            }
            named = {x: unnamed[x] for x in e.actors["source"] + e.actors["target"] if x in unnamed}
            if named:
                e.actors["unnamed"] = named
            self.armed_or_not(e)
            self.in_words(e, article)
        armed = [u for u in unnamed.values() if u["agent"] in self.armed]
        strong = [e for e in events if e.type in self.violent and not self.weak_word(e)]
        if len(armed) + len(strong) < self.conflict_cues:  # not a conflict report: حرب، استعادة in other senses
            events = [e for e in events if not self.unarmed_sense(e)]
        article.events = events
        if judge is not None and judge is not CANDIDATES:
            article.events = judge(article, events, self.has_actor)  # the learned filter judges them all
        for i, e in enumerate(article.events):
            e.id = f"ev{i}"
        return article

    def has_actor(self, event: Event) -> bool:
        """The rules' test when no learned filter judges: a source or target, unless the type needs none."""
        t = self.lex.types[event.type]
        return (
            not t.requires_actor or bool(event.actors["source"]) or bool(event.actors["target"] and not t.place_target)
        )

    def other_sense(self, article: Article) -> bool:
        """Whether the article is about sport or culture: `article_hits` distinct words of one sense."""
        stems = {canonical(w) for t in article.tokens for w in (t.norm, strip_conjunction(t.norm))}
        return any(len(stems & words) >= self.sense_hits for words in self.article_senses.values())

    def sentence_sense(self, words: list[Word]) -> bool:
        """Whether a word (or two) of the sentence belongs to sport or culture (مباراة، مهرجان)."""
        stems = [canonical(strip_conjunction(w.text, self.sentence_stems)) for w in words]
        return any(
            w in self.sentence_senses or (k and stems[k - 1] + " " + w in self.sentence_senses)
            for k, w in enumerate(stems)
        )

    # ---- triggers ---------------------------------------------------------------------------
    @staticmethod
    def name_words(r: SentenceReader, words: list[Word]) -> set[int]:
        """Indexes of the sentence's words inside names."""
        starts = [w.start for w in words]
        inside: set[int] = set()
        for m in r.mentions:
            a, b = r.normal_offset(m.start), r.normal_offset(m.end)
            inside.update(range(bisect_left(starts, a), bisect_left(starts, b)))
        return inside

    def triggers(self, r: SentenceReader, words: list[Word], in_names: set[int]) -> list[Trigger]:
        """Trigger words, outside names (فيصل is no يصل); the second word of a two-word trigger, and
        the word a trigger needs after it (دعا … لزيارة), are no triggers of their own."""
        found, absorbed = [], set()
        for i, word in enumerate(words):
            if i in absorbed or i in in_names or word.text in self.not_triggers:
                continue
            form = self.trigger_form(words, i, absorbed, in_names)
            if form is not None:
                start, end = r.original(word.start + form.skip, word.end)
                found.append(Trigger(i, form, start, end, self.toll(r, words, i, form)))
        return found

    def quantity_after(self, words: list[Word], i: int) -> bool:
        """Whether a number, or a quantity word, comes within three words after word `i` (وصل إلى 500،
        يصل عددهم إلى، تصل نسبتها)."""
        for w in words[i + 1 : i + 4]:
            if self.number.fullmatch(w.text) or canonical(strip_conjunction(w.text)) in self.quantities:
                return True
        return False

    def toll(self, r: SentenceReader, words: list[Word], i: int, form: Form) -> bool:
        """Whether a violent word gives a toll: right after a result phrase (أسفر عن مقتل، أدى إلى) or
        right before a number (قتل 7 أشخاص، قتل شخصان)."""
        if form.type not in self.violent:
            return False
        if any(strip_conjunction(w.text, self.results) in self.results for w in words[max(0, i - 3) : i]):
            subject = strip_conjunction(words[i - 1].text, self.results) in self.results and strip_conjunction(
                words[i].text
            ).startswith(self.article)
            return not subject  # أسفر الهجوم عن مقتل 7: the attack is the subject, مقتل the toll
        if i + 1 < len(words) and words[i + 1].text in self.counted:
            return True
        if i and strip_conjunction(words[i - 1].text) in self.counted:
            token = r.view.norm[: words[i - 1].start].split()[-1:]
            if token and self.number.fullmatch(token[0]):
                return True  # إن 170 مدنيا قتلوا: the count comes first
        number = self.number.match(r.view.norm, words[i].end + 1)
        return number is not None and parse_number(number.group()) is not None

    def trigger_form(self, words: list[Word], i: int, absorbed: set[int], in_names: set[int]) -> Form | None:
        after_preposition = i > 0 and words[i - 1].text in self.prepositions
        for form in self.lex.forms.get(words[i].text, ()):
            if form.kind == "verb" and after_preposition:
                continue  # من هاتف امرأة، على قتل والده: a noun spelled like the verb
            second = self.next_match(words, i + 1, (form.next_word,), in_names) if form.next_word else None
            if form.next_word and second is None:
                continue
            if i + 1 < len(words) and words[i + 1].text in self.lex.types[form.type].not_next:
                continue
            not_after = self.lex.types[form.type].not_after
            if i and strip_conjunction(words[i - 1].text, not_after) in not_after:
                continue
            if self.lex.types[form.type].quantity_sense and self.quantity_after(words, i):
                continue  # تصل قيمتها إلى 500 ريال
            needs = () if form.free else self.lex.types[form.type].needs_next
            hit = self.next_match(words, i + 1, needs, in_names) if needs else None
            if needs and hit is None:
                continue
            absorbed.update(hit or ())
            absorbed.update(second or ())
            return form
        return None

    @staticmethod
    def next_match(words: list[Word], first: int, needles: tuple[str, ...], in_names: set[int]) -> range | None:
        """The word indexes of the first needle among the NEXT_WINDOW words from `first`, words of
        names not counted (a leading و/ف of the first word allowed)."""
        seen = 0
        for j in range(first, len(words)):
            if j in in_names:
                continue
            seen += 1
            if seen > NEXT_WINDOW:
                break
            for needle in needles:
                parts = needle.split()
                got = [w.text for w in words[j : j + len(parts)]]
                head = strip_conjunction(got[0]) if got else None
                if got and (got == parts or (head == parts[0] and got[1:] == parts[1:])):
                    return range(j, j + len(parts))
        return None

    # ---- actors -----------------------------------------------------------------------------
    def actors(self, r: SentenceReader, entity_of, kb_ids: dict[str, str | None], words: list[Word]) -> list[Actor]:
        """The sentence's names, one per entity run (a title and its name are one), and dual words."""
        out: list[Actor] = []
        for m in r.mentions:
            e = entity_of.get(id(m))
            if m.label == "NORP" or not e or normalize(m.text) in self.not_actors:
                continue  # حفظه الله: no actor
            s, en = r.normal_offset(m.start), r.normal_offset(m.end)
            if out and out[-1].entities == [e] and s - out[-1].end <= 2:
                out[-1].end = max(out[-1].end, en)
                continue
            entry = self.coder.kb.by_id.get(kb_ids.get(e) or "")
            if (
                out
                and m.label == out[-1].label == "PERSON"
                and self.honorific_gap(r, out[-1].end, s)
                and canonical(r.view.norm[out[-1].start : out[-1].end].split()[0]) in self.office_words
            ):
                out[-1].entities, out[-1].end = [e], en  # أمين الأحساء المهندس عادل الملحم: one person
                continue
            if (
                out
                and m.label == out[-1].label == "PERSON"
                and not kb_ids.get(out[-1].entities[0])
                and entry
                and len(WORD.findall(r.view.norm, out[-1].end, s)) <= 1
                and canonical(r.view.norm[s:en].split()[0]) not in self.office_words
            ):  # not الملك سلمان الرئيس الفرنسي: an office opens another person
                out[-1].entities, out[-1].end = [e], en  # خادم الحرمين الشريفين الملك سلمان: one person
                continue
            out.append(
                Actor(
                    s,
                    en,
                    m.label,
                    [e],
                    place=m.label in ("LOC", "FAC") or (m.label == "GPE" and bool(entry and entry.type in SITES)),
                )
            )
        out += self.institutions(r, entity_of, kb_ids, words, out)
        out.sort(key=lambda a: a.start)
        # a country or body inside a title (زعيم كوريا الشمالية كيم، رئيس مجلس الأمة الكويتي بالإنابة مبارك
        # الخرينج) is no actor of its own: the person's phrase starts there
        for k in range(len(out) - 2, -1, -1):
            a, person = out[k], out[k + 1]
            if (
                a.label in ("GPE", "ORG")
                and person.label == "PERSON"
                and self.title_gap(r, a.end, person.start, a.label == "GPE")
            ):
                person.title = word_start(r, a.start)  # from the word holding it (للأمم)
                del out[k]
            elif a.label in ("GPE", "ORG") and person.label in ("GPE", "ORG"):
                chain = self.title_chain(r, out, k)
                if chain:  # مبعوث الأمم المتحدة إلى سوريا دي ميستورا، الأمين العام لمجلس التعاون لدول الخليج
                    out[k + chain].title = word_start(r, a.start)  # العربية الزياني: his title
                    del out[k : k + chain]
        for k, a in enumerate(out):
            if a.label == "GPE" and not (k + 1 < len(out) and out[k + 1].label == "PERSON"):
                self.office_of(r, a, kb_ids)  # سفير اليابان، أمير منطقة الرياض: the office acts, not the place
        for w in words:
            label = self.role_words.get(w.text) or self.role_words.get(strip_conjunction(w.text))
            if label and not any(a.start <= w.start < a.end for a in out):
                people = self.earlier(r, label, entity_of)
                if len(people) >= 2:
                    out.append(Actor(w.start + len(w.text) - len(strip_conjunction(w.text)), w.end, label, people))
        out.sort(key=lambda a: a.start)
        return out

    def office_of(self, r: SentenceReader, a: Actor, kb_ids: dict[str, str | None]) -> None:
        """A country or region right after an office word (سفير اليابان، أمير منطقة الرياض) stands for the
        office holder: an actor, not a place, coded with the office's role (JPNGOV)."""
        previous = word_before(r, a.start)
        office = strip_conjunction(previous.group(), self.office_roles) if previous else ""
        if office in self.office_roles:
            country = self.coder.country(kb_ids.get(a.entities[0])) or ""
            a.place, a.code = False, country + self.office_roles[office]
            a.start = previous.end() - len(office)

    def title_chain(self, r: SentenceReader, out: list[Actor], k: int) -> int:
        """How many bodies and countries from `out[k]` on, each one word (إلى، لدول) from the next, lead to a
        person's name under an office (مبعوث الأمم المتحدة إلى سوريا X): 0 when they do not."""
        before = WORD.findall(r.view.norm, max(0, out[k].start - 30), out[k].start)[-2:]
        if not any(canonical(strip_conjunction(w)) in self.office_words for w in before):
            return 0
        j = k
        while j + 1 < len(out) and out[j + 1].label in ("GPE", "ORG"):
            gap = WORD.findall(r.view.norm, out[j].end, out[j + 1].start)
            if (
                len(gap) > 1
                or any(w.startswith(self.and_word) for w in gap)
                or self.stop_between(r, out[j], out[j + 1])
            ):
                return 0
            j += 1
        person = out[j + 1] if j + 1 < len(out) else None
        if person is None or person.label != "PERSON" or not self.title_gap(r, out[j].end, person.start, False):
            return 0
        return j + 1 - k

    def stop_between(self, r: SentenceReader, a: Actor, b: Actor) -> bool:
        """Whether a stop mark (، . :) stands between two actors."""
        return any(c in self.stop_chars for c in r.view.norm[a.end : b.start])

    def title_gap(self, r: SentenceReader, start: int, end: int, tight: bool) -> bool:
        """Whether the words between a country or body and a person's name are at most part of a title:
        none for a country, up to two for a body (a nationality, بالإنابة), none with و and no stop mark."""
        gap = WORD.findall(r.view.norm, start, end)
        if tight or any(c in self.stop_chars for c in r.view.norm[start:end]):
            return not gap and end - start <= 1
        return len(gap) <= 2 and not any(w.startswith(self.and_word) for w in gap)

    def far_object(
        self, r: SentenceReader, words: list[Word], actors: list[Actor], later: list[Trigger], right: int, frame: Frame
    ) -> list[Actor]:
        """A host's or a meeting's other side named past a comma with its title (استقبل الأمير محمد … في قصره
        بجدة، مساء أمس، معالي وزير الخارجية المصري سامح شكري): the first titled person after the clause, before
        any other trigger of the sentence."""
        stop = min((words[t.index].start for t in later), default=len(r.view.norm))
        for a in actors:
            office = a.label == "GPE" and not a.place and a.code is not None  # سفير اليابان
            if office and right <= a.start < stop and not set(a.entities) & set(frame.source):
                return [a]
            if right <= a.start < stop and a.label == "PERSON" and not set(a.entities) & set(frame.source):
                gap = WORD.findall(r.view.norm, max(right, a.start - 40), a.title if a.title is not None else a.start)
                return [a] if gap and self.titled(gap[-3:]) else []
        return []

    def titled(self, gap: list[str]) -> bool:
        """Whether the words before a name, past its prepositions, open with an office or honorific (a title)."""
        for word in gap:
            bare = strip_conjunction(word, self.prepositions, shortest=2)
            if bare in self.prepositions or word in conjunctions():
                continue
            stem = word[1:] if word[:1] in self.attached and len(word) > 3 else word  # للرئيس، بالسيد
            stem = canonical(stem)
            return canonical(strip_conjunction(stem, self.title_words)) in self.title_words or stem in self.honorifics
        return False

    def honorific_gap(self, r: SentenceReader, start: int, end: int) -> bool:
        """Whether only honorifics (المهندس، الدكتور) stand between two names: the first is the second's title."""
        gap = WORD.findall(r.view.norm, start, end)
        return bool(gap) and all(w in self.honorifics for w in gap)  # not والسيد: another person

    def institutions(
        self, r: SentenceReader, entity_of, kb_ids: dict[str, str | None], words: list[Word], names: list[Actor]
    ) -> list[Actor]:
        """An institution noun with a nationality adjective (الشرطة التركية، وزارة الداخلية السعودية) as
        an actor: the country's entity with the institution's role code (TURCOP, SAUGOV)."""
        out = []
        for m in r.mentions:
            if m.label != "NORP" or not entity_of.get(id(m)):
                continue
            s, en = r.normal_offset(m.start), r.normal_offset(m.end)
            if any(a.start <= s < a.end or 0 <= a.start - en <= 2 for a in names):
                continue  # الرئيس الروسي فلاديمير بوتين: a title of the name
            k = next((i for i, w in enumerate(words) if w.start >= s), None)
            for j in range(max(0, (k or 0) - 3), k or 0):
                head = strip_conjunction(words[j].text, self.titles)
                if head in self.titles and not any(words[j].start < a.end and a.start < s for a in names):
                    entity = entity_of[id(m)]
                    country = self.coder.country(kb_ids.get(entity))
                    start = words[j].start + (len(words[j].text) - len(head))
                    out.append(Actor(start, en, "ORG", [entity], code=(country or "") + self.titles[head]))
                    break
        return out

    def unnamed_actors(
        self,
        r: SentenceReader,
        entity_of,
        kb_ids: dict[str, str | None],
        words: list[Word],
        named: list[Actor],
        proclitic: dict[int, str],
        unnamed: dict[str, dict],
    ) -> list[Actor]:
        """`named` with the sentence's unnamed and collective actors (مسلحون مجهولون، قوات الأمن العراقية):
        a head of the agent lexicon with its modifiers, a nationality or place after it giving the country.
        A name right after a head (عناصر داعش) is the actor instead; names inside the phrase join it."""
        texts = [w.text for w in words]
        starting = {r.normal_offset(m.start): m for m in r.mentions}
        out = list(named)
        i = 0
        while i < len(words):
            head = self.agents.head(texts, i)
            start = words[i].start + (len(head.proclitic) if head else 0)
            institution = next((a for a in out if a.start <= start < a.end and a.code is not None), None)
            if (
                head is None
                or any(a.start <= start < a.end and a.code is None for a in out)
                or (institution is not None and institution.code.endswith(head.agent))  # الجانب الأوكراني: Ukraine
                or self.agents.governed(texts[i - 1] if i else None)
                or (head.adjective and i and self.noun_before(texts[i - 1], texts[i]))  # الهجوم الإرهابي
            ):
                i += 1
                continue
            j, agent, country, modified, blocked = i + head.words, head.agent, None, False, False
            while j < len(words) and j - i - head.words < 3:
                m = starting.get(words[j].start)
                genitive = (
                    m is not None and m.label == "GPE" and j == i + head.words and not self.agents.bound(texts[i])
                )
                agrees = (
                    m is not None
                    and m.label == "NORP"
                    and not (self.agents.bound(texts[i]) and not self.agents.bound(texts[j]))
                )  # الحوثيون اليمنيون, not الحوثيون السعودية
                if m is not None and (agrees or genitive) and entity_of.get(id(m)):
                    country = country or self.coder.country(kb_ids.get(entity_of[id(m)]))
                    end = r.normal_offset(m.end)
                    while j < len(words) and words[j].start < end:
                        j += 1
                    modified = True
                    continue
                if m is not None:
                    blocked = (  # عناصر داعش: the name acts; not after a whole name (اختطف تنظيم داعش العبادي)
                        j == i + head.words
                        and m.label in ("PERSON", "ORG")
                        and head.words == 1
                        and not self.agents.bound(texts[i])
                    )
                    break
                kind = self.agents.modifier(texts[j])
                if kind is None:
                    break
                agent, modified, j = kind or agent, True, j + 1
            if blocked or (head.needs_modifier and not modified):
                i += 1
                continue
            end = words[j - 1].end
            o_start, o_end = r.original(start, end)
            key = f"np{o_start}"
            code = (country or "") + agent
            unnamed[key] = {"start": o_start, "end": o_end, "text": r.text[o_start:o_end], "agent": agent, "code": code}
            out = [a for a in out if not (start <= a.start < end)]
            out.append(Actor(start, end, "AGENT", [key], code=code))
            proclitic[start] = head.proclitic
            i = j
        out.sort(key=lambda a: a.start)
        return out

    def noun_before(self, previous: str, word: str) -> bool:
        """Whether `previous` is a noun an adjective `word` may describe: a trigger noun, or a definite word
        before a definite one (الهجوم الإرهابي), not a verb or a preposition."""
        forms = self.lex.forms.get(previous, ())
        if any(f.kind == "verb" for f in forms):
            return False  # وقتل مسلح: a verb and its subject
        if any(f.kind == "noun" for f in forms):
            return True
        return strip_conjunction(previous).startswith(self.article) and word.startswith(self.article)

    def earlier(self, r: SentenceReader, label: str, entity_of) -> list[str]:
        """The last two distinct entities of `label` named before this sentence, in order of first mention."""
        seen: list[str] = []
        for m in reversed(r.article.mentions):
            if m.start >= r.sentence.start:
                continue
            e = entity_of.get(id(m))
            if e and (m.label == label or (label == "GPE" and m.label == "NORP")) and e not in seen:
                seen.append(e)
            if len(seen) == 2:
                break
        return list(reversed(seen))

    def lead(
        self, r: SentenceReader, start: int, actor: Actor, mention_proclitic: str, covered: list[tuple[int, int]]
    ) -> tuple[str, bool, int]:
        """The preposition before an actor (within LOOSE_WORDS words of `start`; dates and durations
        do not count), whether و joins it to the previous one, and how many other words stand between."""
        gap = [
            m.group()
            for m in WORD.finditer(r.view.norm, start, actor.start if actor.title is None else actor.title)
            if not any(a <= m.start() < b for a, b in covered)
        ]
        prep, joined, loose = "", False, 0
        for word in gap:
            bare = strip_conjunction(word, self.prepositions, shortest=2)
            if bare in self.prepositions:
                prep = bare
            elif word in conjunctions():
                joined = True
            elif word[:1] in self.attached and len(word) > 3:
                prep, loose = word[0], loose + 1  # بالسيد كيم، للرئيس، لزيارة كوريا، بدور قطر
            elif word.startswith(self.and_word) and not prep and loose == 0 and len(word) > 3:
                joined, loose = True, loose + 1  # والزعيم الكوري الشمالي كيم
            else:
                loose += 1
        if actor.label == "PERSON" and self.titled(gap):
            loose = 0  # زار رئيس أركان الجيوش الجديد توكور بوراتاي، استقبل صاحب السمو الملكي الأمير محمد: a title
        pro = strip_conjunction(mention_proclitic)
        if mention_proclitic.startswith(self.and_word) and not gap:
            joined = True
        if pro in self.proclitic_prepositions:
            prep = self.proclitic_prepositions[pro]
        if start and r.view.norm[:start].endswith(self.and_word) and not gap:
            joined = True
        return prep, joined, loose

    # ---- sentences --------------------------------------------------------------------------
    def sentence_events(
        self, r: SentenceReader, entity_of, kb_ids: dict[str, str | None], day: dict, unnamed: dict[str, dict]
    ) -> list[tuple[Event, bool]]:
        """The sentence's events, each with whether its trigger is a definite noun (المحادثات)."""
        words = [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(r.view.norm)]
        triggers = self.triggers(r, words, self.name_words(r, words))
        if not triggers or self.sentence_sense(words):
            return []
        actors = self.actors(r, entity_of, kb_ids, words)
        proclitic = {(r.normal_offset(m.start)): m.proclitic for m in r.mentions}
        actors = self.unnamed_actors(r, entity_of, kb_ids, words, actors, proclitic, unnamed)
        covered = [
            (r.normal_offset(t.start), r.normal_offset(t.end))
            for t in r.article.timexes
            if r.sentence.start <= t.start < r.sentence.end
        ]
        covered += [(r.normal_offset(m.start), r.normal_offset(m.end)) for m in r.mentions if m.label == "NORP"]
        out: list[tuple[Event, bool]] = []
        tolls: list[bool] = []  # whether each event of `out` is a toll
        subjectless: list[bool] = []  # whether its verb has no subject in the clause (ودعا إلى، داعيا)
        continued: list[bool] = []  # whether its verb goes on from the one before it (وصل X … حيث التقى Y)
        verbs: list[tuple[str, int, int]] = []  # type, clause end, index of its first event
        passed: set[int] = set()
        for k, trig in enumerate(triggers):
            left, right = self.clause(r, words, trig, triggers[k + 1] if k + 1 < len(triggers) else None)
            tstart, tend = words[trig.index].start, words[trig.index].end
            governing = [(t, n) for t, end, n in verbs if tstart <= end] if trig.form.kind != "verb" else []
            prefix = strip_conjunction(words[trig.index].text[: trig.form.skip])  # the noun's بـ / لـ
            if trig.form.kind == "noun" and prefix.startswith(self.object_prefix) and k:
                governing.append((triggers[k - 1].form.type, -1))  # مطالبة القوات بمغادرة البلاد
            if any(t == trig.form.type for t, _ in governing):
                continue  # اصطحب بوتين كيم في جولة: the noun repeats its verb
            plover = self.lex.types[trig.form.type].plover
            if self.possessed(words, trig) and any(self.lex.types[t].plover == plover for t, _ in governing):
                continue  # ناقش المجلس الأوضاع في اجتماعه: the meeting is where it discussed them
            passing = [n for t, n in governing if self.lex.types[t].passes_subject]
            passed.update(passing)  # أعلنت الإمارات إقامة علاقات: the announcement is the relations
            if trig.form.kind == "verb" and not trig.toll:  # قتل 20 شخصا في تفجير: the toll governs nothing
                verbs.append((trig.form.type, right, len(out)))
            before = [a for a in actors if left <= a.start and a.end <= tstart]
            after = [a for a in actors if tend <= a.start and a.end <= right]
            purpose = trig.form.kind == "noun" and prefix.startswith(self.purpose_prefix)
            pronoun = self.pronoun_subject(r, words, trig, actors, proclitic)
            if trig.form.kind == "noun" and self.possessed(words, trig):
                pronoun = self.subject_before(r, before, proclitic) or self.antecedent(
                    r, actors, proclitic, words[trig.index].start
                )  # التقى جريج … خلال لقائه سلام: his meeting, Salam its other side
            if (
                trig.form.kind == "noun"
                and trig.form.type in self.violent
                and trig.index
                and strip_conjunction(words[trig.index - 1].text, self.circumstantial) in self.circumstantial
            ):
                before = []  # ضم الاتحاد صوته … بعد مقتل المصور: the killing is when, not the union's act
            frame = self.frame(
                r,
                trig,
                before,
                after,
                tend,
                proclitic,
                covered,
                bool(governing) and not passing and not purpose,
                left,
                tstart,
                pronoun,
            )  # وصل … للترحيب بكيم
            if trig.form.kind == "noun" and any(
                self.undergoes(w.text) for w in words[max(0, trig.index - 4) : trig.index]
            ):
                sufferer = self.take(frame, self.subject_before(r, before, proclitic))  # تعرضت دورية لانفجار
                frame.source, frame.target = [], frame.target or sufferer or frame.source
            if (
                trig.form.kind != "verb"
                and not frame.source
                and any(
                    t in self.content_types or (trig.form.type in self.violent and t not in self.violent)
                    for t, _ in governing
                )
            ):
                continue  # أدانت السعودية الهجوم، طالبت إيران برفع العقوبات: what the statement is about
            if frame.source and trig.form.kind == "noun" and trig.form.type in self.statements:
                last = [(t, n) for t, _, n in verbs[-1:] if k and triggers[k - 1].form.type == t]
                for t, n in governing or last:  # استنكر الزياني، بشدة، تصريحات المالكي: whose words are judged
                    judged = out[n][0] if 0 <= n < len(out) and t in self.judging else None
                    if judged is not None and not judged.actors["target"]:
                        give_role(judged, "target", frame.source, frame.codes)
            if not frame.target and trig.form.kind == "verb" and trig.form.type in self.far_objects:
                later = triggers[k + 1 :]
                far = self.far_object(r, words, actors, later, right, frame) or self.far_object(
                    r, words, actors, later, tend, frame
                )  # استقبل الأمير … في قصره بجدة مساء أمس وزير الخارجية المصري: past the place and time
                frame.target = self.take(frame, far)
            if trig.form.needs_target and not frame.target:
                continue  # استقبل المهنئين: a reception
            clause = r.original(left, left)[0], r.original(right, right)[0]
            places = frame.place if trig.form.type in self.split_places and len(frame.place) > 1 else [None]
            for place in places:  # يزور كومسومولسك وفلاديفوستوك: one visit per place
                if place is not None:
                    frame.place = [place]
                    frame.target = [place] if frame.target and set(frame.target) <= set(places) else frame.target
                out.append((self.event(r, trig, frame, words, day, clause), self.definite(trig, words)))
                tolls.append(trig.toll)
                subjectless.append(
                    trig.form.kind == "verb"
                    and not frame.source
                    and pronoun is None
                    and (
                        trig.index == 0
                        or any(c in self.stop_chars for c in r.view.norm[words[trig.index - 1].end : tstart])
                    )
                )  # ودعا إلى at a sentence's start, or ، داعيا إلى after a comma
                continued.append(self.continued(words, trig, before, frame))
        violent_events = [n for n, (e, _) in enumerate(out) if e.type in self.violent and n not in passed]
        if violent_events:
            first = next((n for n in violent_events if not tolls[n]), violent_events[0])
            attack = out[first][0]
            for n in violent_events:
                if n != first and (tolls[n] or tolls[first]):  # قتل 7 في هجوم: the attack's toll, its dead the
                    passed.add(n)  # attack's target
                    if not attack.actors["target"] and out[n][0].actors["target"]:
                        give_role(attack, "target", out[n][0].actors["target"], out[n][0].actors["codes"])
        for n, (event, _) in enumerate(out):
            earlier = [e for k, (e, _) in enumerate(out[:n]) if k not in passed]
            if subjectless[n] and n not in passed:
                self.carry_subject(r, earlier, event, actors, proclitic)
            elif continued[n] and n not in passed:
                self.carry_object(earlier, event)
        kept = [found for n, found in enumerate(out) if n not in passed]
        violent = next((e for e, _ in kept if e.type in self.violent), None)
        if violent is not None:
            self.casualties(r, words, violent)  # the sentence's counts go to its first assault or fight
        return kept

    def carry_subject(
        self, r: SentenceReader, earlier: list[Event], event: Event, actors: list[Actor], proclitic: dict[int, str]
    ) -> None:
        """A verb without a subject in its clause (أدان جمعة … داعيا إلى، وقال الوزير … ودعا إلى، سيطر التنظيم على
        بلدات وأعدم أجانب) takes the subject of the sentence's event before it, else the last actor before it
        that no preposition governs, else the speaker of the last quote of this or the previous sentence."""
        before = next((e for e in reversed(earlier) if e.actors["source"]), None)
        at = r.normal_offset(event.trigger.start)
        named = [a for a in self.antecedent(r, actors, proclitic, at) if a.end < at]
        if before is not None:
            give_role(event, "source", before.actors["source"], before.actors["codes"])
        elif named:
            event.actors["source"] = [e for a in named for e in a.entities]
            event.actors["codes"].update({e: a.code for a in named if a.code for e in a.entities})
        else:
            sentences = r.article.sentences
            k = next((i for i, s in enumerate(sentences) if s.id == r.sentence.id), 0)
            start = sentences[k - 1].start if k else r.sentence.start
            quotes = [q for q in r.article.quotes if start <= q.start and q.end <= event.trigger.start and q.speaker]
            if quotes:
                event.actors["source"] = [quotes[-1].speaker]
        event.actors["target"] = [x for x in event.actors["target"] if x not in event.actors["source"]]

    def undergoes(self, word: str) -> bool:
        """Whether a word is a verb of undergoing (تعرض لـ): the noun trigger after it is suffered by its subject."""
        return strip_conjunction(word, self.undergo) in self.undergo

    def continued(self, words: list[Word], trig: Trigger, before: list[Actor], frame: Frame) -> bool:
        """Whether a verb joined to the one before it (والتقى، حيث التقى) with no name before it in its clause
        has one name after it, where its type takes a bare object: that name may be the object."""
        if trig.form.kind != "verb" or before or not frame.source or frame.target:
            return False
        if "obj" not in self.lex.types[trig.form.type].target:
            return False
        word = words[trig.index].text
        return word != strip_conjunction(word) or (trig.index > 0 and words[trig.index - 1].text in self.continuing)

    @staticmethod
    def carry_object(earlier: list[Event], event: Event) -> None:
        """A joined verb's only name is its object when the verb before it has another subject (وصل دي
        ميستورا إلى دمشق حيث التقى المعلم: he met al-Muallem): that subject is its subject too."""
        before = next((e for e in reversed(earlier) if e.actors["source"]), None)
        if before is None or set(before.actors["source"]) & set(event.actors["source"]):
            return
        event.actors["target"] = event.actors["source"]
        give_role(event, "source", before.actors["source"], before.actors["codes"])

    def casualties(self, r: SentenceReader, words: list[Word], event: Event) -> None:
        """Killed and wounded counts in the sentence (مقتل 7 وإصابة 12، سقوط 7 قتلى و12 جريحا), with their words."""
        spans = []
        for m in self.number.finditer(r.view.norm):
            value = parse_number(m.group())
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                continue
            k = bisect_left([w.end for w in words], m.start() + 1)  # the word holding the number's start
            before = words[k - 1] if 0 < k <= len(words) and words[k - 1].end <= m.start() else None
            following = [w for w in words[k:] if w.start >= m.end()][:2]
            after = following[0] if following else None
            for kind in ("killed", "wounded"):
                cues_before, cues_after = self.casualty_words[("before", kind)], self.casualty_words[("after", kind)]
                cue_before = before and strip_conjunction(before.text, cues_before) in cues_before
                cue_after = after and strip_conjunction(after.text, cues_after) in cues_after
                if not cue_after and len(following) == 2 and strip_conjunction(after.text) in self.counted:
                    verb = strip_conjunction(following[1].text, cues_before)
                    cue_after, after = verb in cues_before, following[1]  # 170 مدنيا قتلوا
                if (cue_before or cue_after) and getattr(event, kind) is None:
                    setattr(event, kind, value)
                    spans.append((before.start if cue_before else m.start(), after.end if cue_after else m.end()))
                    break
        if spans:
            start, end = r.original(min(s for s, _ in spans), max(e for _, e in spans))
            event.casualties = Span(start=start, end=end, text=r.text[start:end])

    def clause(self, r: SentenceReader, words: list[Word], trig: Trigger, following: Trigger | None) -> tuple[int, int]:
        """Normalised offsets of the trigger's clause: back to a clause word or a stop mark, forward
        to the next one or the next verb trigger."""
        norm = r.view.norm
        left = 0
        for j in range(trig.index - 1, -1, -1):
            w = words[j]
            if any(c in self.stop_chars for c in norm[w.end : words[j + 1].start]):
                left = words[j + 1].start
                break
            if strip_conjunction(w.text, self.clause_words) in self.clause_words:
                left = w.end
                break
        right = len(norm)
        last = trig.index
        for j in range(last + 1, len(words)):
            w = words[j]
            if any(c in self.stop_chars for c in norm[words[j - 1].end : w.start]) or w.text in self.clause_words:
                right = words[j - 1].end
                break
            if following is not None and j == following.index and following.form.kind == "verb":
                right = words[j - 1].end
                break
        return left, right

    def frame(
        self,
        r: SentenceReader,
        trig: Trigger,
        before: list[Actor],
        after: list[Actor],
        tend: int,
        proclitic: dict[int, str],
        covered: list[tuple[int, int]],
        governed: bool,
        left: int,
        tstart: int,
        pronoun: list[Actor] | None = None,
    ) -> Frame:
        """Source, target and place of a trigger. `governed`: a noun that is the object of an earlier
        trigger in its clause (أدانت السعودية الهجوم) takes no subject from before it; `pronoun`: a verb
        whose subject is a pronoun (إنها اعتقلت) and what it stands for: the name after it is its object."""
        t = self.lex.types[trig.form.type]
        frame = Frame()
        groups = self.groups(r, after, tend, proclitic, covered)
        used: set[int] = set()
        subject = [] if governed else self.subject_before(r, before, proclitic)
        if subject and trig.form.kind == "noun" and not self.supported(r, left, tstart):
            subject = []  # نسب أوغلو الهجوم إلى التنظيم: no support verb, the name is not the attacker
        svo = (
            trig.form.kind == "verb"
            and subject
            and len(WORD.findall(r.view.norm, before[-1].end, tend)) <= 2
            and before[-1] is subject[-1]
        )
        bare = next(
            (
                n
                for n, (prep, group) in enumerate(groups[:2])
                if prep == ""
                and any(a.label in ACTOR_LABELS for a in group)
                and not self.is_place(group, t)
                and not (trig.form.kind == "noun" and t.construct_target)
            ),
            None,
        )
        passive = next((n for n, (_, group) in enumerate(groups) if self.agent_of_passive(r, group[0])), None)
        if passive is not None:  # اعتقل خالد على يد الشرطة، قتل مطلق النار برصاص الشرطة: the agent acts
            frame.source = self.take(frame, groups[passive][1])
            used.add(passive)
            undergoer = groups[bare][1] if bare is not None and bare != passive else subject
            frame.target = self.take(frame, undergoer)
            if bare is not None:
                used.add(bare)
        elif pronoun is not None:
            frame.source = self.take(frame, pronoun)
        elif svo and trig.toll:
            frame.target = self.take(frame, subject)  # إن سبعة أشخاص قتلوا: the dead
        elif svo:
            frame.source = self.take(frame, subject)  # بوتين يصافح كيم، أن الزعيمين تبادلا
        elif bare is not None and (
            trig.toll
            or (trig.form.kind == "verb" and trig.form.plural)
            or (t.name in self.violent and all(self.victim(a) for a in groups[bare][1]))
        ):
            frame.target = self.take(frame, groups[bare][1])  # قتل 20 شخصا: the dead, not the killers;
            used.add(bare)  # وأعدموا أجانب: a plural verb's subject is a pronoun, the name its object
            if not trig.toll:  # قتل مدنيون: read قُتل, the civilians were killed
                frame.source = self.take(frame, subject)
        elif bare is not None and (bare == 0 or trig.form.kind == "verb"):
            frame.source = self.take(frame, groups[bare][1])  # VSO, or a noun's construct (زيارة بوتين)
            used.add(bare)
        elif groups and groups[0][0] == self.between:
            frame.source = self.take(frame, groups[0][1][:1])  # محادثات بين X وY
            frame.target = self.take(frame, groups[0][1][1:])
            used.add(0)
        else:
            frame.source = self.take(frame, subject)
        for n, (prep, group) in enumerate(groups):
            if n in used:
                continue
            places = [e for a in group if a.label in PLACE_LABELS for e in a.entities]
            is_place = self.is_place(group, t)
            if prep == self.between and not frame.source and not frame.target and len(group) > 1:
                frame.source, frame.target = self.take(frame, group[:1]), self.take(frame, group[1:])
                continue  # تعقد القمة الأسبوع المقبل في الرياض بين السعودية ومصر
            if prep in t.source_prep and not is_place:  # تلقى اتصالا من بايدن، مساعدات من الكويت
                frame.target, frame.source = frame.source, self.take(frame, group)
                continue
            wants_target = not frame.target and (prep in t.target or (prep == "" and "obj" in t.target))
            wants_place = not frame.place and places and (prep in t.place or (prep == "" and "obj" in t.place))
            if wants_target and (not is_place or t.place_target):
                frame.target = self.take(frame, group)
                if wants_place and is_place:
                    frame.place = places
            elif wants_place and prep not in self.not_place:
                frame.place = places
        if not frame.target and t.name in self.violent:
            owner = self.site_owner(r, groups, proclitic, used)
            if owner:  # قصف مواقع للحوثيين، سيطرت على مواقع للمتمردين: the positions' owner is the target
                frame.target = self.take(frame, owner)
        near = self.place_before(r, before, tend)
        if near and (not frame.place or len(WORD.findall(r.view.norm, near[1], tend)) <= 1):
            frame.place = near[0]  # وعقدت في سوتشي قمة بين روسيا وتركيا لبحث الوضع في سوريا
        if t.symmetric and not frame.target and len(frame.source) >= 2:
            frame.source, frame.target = frame.source[:1], frame.source[1:]
        frame.target = [e for e in frame.target if e not in frame.source]
        return frame

    def groups(
        self,
        r: SentenceReader,
        after: list[Actor],
        tend: int,
        proclitic: dict[int, str],
        covered: list[tuple[int, int]],
    ) -> list[tuple[str, list[Actor]]]:
        """The actors after a trigger, grouped by the preposition before them (names joined by و share one)."""
        groups: list[tuple[str, list[Actor]]] = []
        position = tend
        for a in after:
            prep, joined, loose = self.lead(r, position, a, proclitic.get(a.start, ""), covered)
            position = a.end
            if loose > LOOSE_WORDS:
                break
            if joined and groups:
                # X في Y وZ: Z joins X, the في phrase placed X
                host = (
                    next((g for g in reversed(groups) if g[0] != self.in_word), groups[-1])
                    if groups[-1][0] == self.in_word and a.label in PLACE_LABELS
                    else groups[-1]
                )
                host[1].append(a)
            else:
                groups.append((prep, [a]))
        return groups

    def site_owner(
        self, r: SentenceReader, groups: list[tuple[str, list[Actor]]], proclitic: dict[int, str], used: set[int]
    ) -> list[Actor]:
        """The actors of the first لـ group right after a site word (مواقع، مقرات، معسكرات) among the groups."""
        for n, (_, group) in enumerate(groups):
            first = group[0]
            if n in used or not proclitic.get(first.start, "").removeprefix(self.and_word).startswith(
                self.owner_prefix
            ):
                continue
            previous = word_before(r, first.start)  # before the word holding للمتمردين
            if previous and strip_conjunction(previous.group(), self.sites) in self.sites:
                return [a for a in group if a.label in ACTOR_LABELS]
        return []

    def victim(self, actor: Actor) -> bool:
        """Whether an unnamed actor is of a type that suffers violence rather than deals it (مدنيون، أجانب)."""
        return actor.label == "AGENT" and actor.code is not None and split_code(actor.code)[1] in self.victims

    @staticmethod
    def is_place(group: list[Actor], t) -> bool:
        """A group of places (cities, regions, sites) where the frame has a place for them; countries act
        as actors unless the type goes to places (زار الصين)."""
        if not all(a.label in PLACE_LABELS for a in group):
            return False
        return t.place_target or any(a.label != "GPE" or a.place for a in group)

    @staticmethod
    def take(frame: Frame, group: list[Actor]) -> list[str]:
        for a in group:
            if a.code:
                for e in a.entities:
                    frame.codes[e] = a.code
        return [e for a in group for e in a.entities]

    def place_before(self, r: SentenceReader, before: list[Actor], tend: int) -> tuple[list[str], int] | None:
        """A place under في before the trigger (وعقدت في سوتشي قمة), and where it ends."""
        for a in reversed(before):
            gap = WORD.findall(r.view.norm, max(0, a.start - 6), a.start)
            if (
                a.label in PLACE_LABELS
                and gap
                and gap[-1].removeprefix(self.and_word) == self.in_word
                and tend - a.end < 40
            ):
                return list(a.entities), a.end
        return None

    def supported(self, r: SentenceReader, start: int, end: int) -> bool:
        """Whether a support verb (أجرى، شن، قام بـ) or a trigger verb stands between a name and a noun."""
        for word in WORD.findall(r.view.norm, start, end):
            bare = strip_conjunction(word)
            if (
                word in self.support
                or bare in self.support
                or any(f.kind == "verb" for f in self.lex.forms.get(word, ()))
            ):
                return True
        return False

    def pronoun_subject(
        self, r: SentenceReader, words: list[Word], trig: Trigger, actors: list[Actor], proclitic: dict[int, str]
    ) -> list[Actor] | None:
        """The subject of a verb right after a subject pronoun (وإنها اعتقلت مواطنين: the authorities named
        before) or a relative pronoun (المالكي الذي اتهم السعودية: the name before it); None for neither."""
        if trig.form.kind != "verb" or not trig.index:
            return None
        word = strip_conjunction(words[trig.index - 1].text, self.pronoun_subjects | self.relatives)
        at = words[trig.index - 1].start
        if word in self.pronoun_subjects:
            return self.antecedent(r, actors, proclitic, at)
        if word in self.relatives:
            near = [a for a in actors if a.end <= at and len(WORD.findall(r.view.norm, a.end, at)) <= 1]
            return near[-1:] if near and near[-1].label in ACTOR_LABELS else None  # الاتفاق الذي توصلت إليه إيران
        return None

    def possessed(self, words: list[Word], trig: Trigger) -> bool:
        """Whether a noun trigger carries a pronoun (لقائه، زيارته): it names the noun's subject."""
        word = words[trig.index].text
        for pronoun in self.pronouns:
            stem = word[: -len(pronoun)]
            if word.endswith(pronoun) and len(stem) > 2:
                stem = stem[:-1] + self.ta_marbuta if stem.endswith(self.open_ta) else stem
                if any(f.type == trig.form.type for f in self.lex.forms.get(stem, ())):
                    return True
                seat, hamza = self.hamza_seat
                if stem.endswith(seat) and self.lex.forms.get(stem[: -len(seat)] + hamza):
                    return True  # لقائه = لقاء + ه
        return False

    def agent_of_passive(self, r: SentenceReader, actor: Actor) -> bool:
        """Whether a passive's agent phrase (على يد، من قبل، برصاص) stands right before an actor."""
        before = " " + " ".join(WORD.findall(r.view.norm, max(0, actor.start - 16), actor.start))
        return before.endswith(self.passive_agents)

    def antecedent(self, r: SentenceReader, actors: list[Actor], proclitic: dict[int, str], end: int) -> list[Actor]:
        """What a subject pronoun at `end` stands for: the sentence's last actor before it that no preposition
        governs, else the speaker of the quote it stands in (قالت البعثة إنها تدعو)."""
        for a in reversed([a for a in actors if a.end <= end]):
            previous = WORD.findall(r.view.norm, max(0, a.start - 12), a.start)
            governed = proclitic.get(a.start, "").removeprefix(self.and_word) in self.governing or (
                previous and previous[-1] in self.prepositions
            )
            if a.label in ACTOR_LABELS and not a.place and not governed:
                return [a]
        at = r.original(end, end)[0]
        speaker = next((q.speaker for q in r.article.quotes if q.start <= at < q.end and q.speaker), None)
        return [Actor(end, end, "PERSON", [speaker])] if speaker else []

    def subject_before(self, r: SentenceReader, before: list[Actor], proclitic: dict[int, str]) -> list[Actor]:
        """The first name of the clause before the trigger that no preposition governs, with the names
        joined to it by و."""
        out: list[Actor] = []
        for k, a in enumerate(before):
            if a.label not in ACTOR_LABELS:
                if out:
                    break
                continue
            previous = WORD.findall(r.view.norm[before[k - 1].end if k else max(0, a.start - 12) : a.start])
            governed = proclitic.get(a.start, "").removeprefix(self.and_word) in self.governing or (
                previous and previous[-1] in self.prepositions
            )
            if out:
                if proclitic.get(a.start, "").startswith(self.and_word) or (
                    previous and previous[0].startswith(self.and_word) and len(previous) <= 4
                ):
                    out.append(a)
                    continue
                break
            if not governed and not a.place:  # a city is where, not who (أحداث باريس والهجوم)
                out.append(a)
        return out

    # ---- one event --------------------------------------------------------------------------
    def event(
        self, r: SentenceReader, trig: Trigger, frame: Frame, words: list[Word], day: dict, clause: tuple[int, int]
    ) -> Event:
        t = self.lex.types[trig.form.type]
        article = r.article
        text = article.text
        event = Event(
            type=t.name,
            cameo=t.cameo,
            plover=t.plover,
            trigger=Span(start=trig.start, end=trig.end, text=text[trig.start : trig.end]),
            actors={"source": frame.source, "target": frame.target, "codes": dict(frame.codes)},
            location=frame.place[0] if frame.place else None,
            sentence=r.sentence.id,
        )
        if len(frame.place) > 1:
            event.locations = frame.place
        event.modality = self.modality(r, trig, words)
        self.times(r, trig, event, day, clause)
        self.reported(r, trig, event)
        if (
            event.modality in ("asserted", "reported")
            and event.date_source == "timex"
            and day.get("value")
            and period_start(event.date) > day["value"][:10]
        ):
            event.modality = "planned"  # يعقد … اجتماعا … الأسبوع المقبل
        event.settings = self.setting(words, trig)
        return event

    def definite(self, trig: Trigger, words: list[Word]) -> bool:
        """A noun trigger with the article (المحادثات): it may take up an earlier event."""
        first = words[trig.index].text
        return (trig.form.kind == "noun" and first[trig.form.skip :].startswith(self.article)) or first[
            trig.form.skip - len(self.article) : trig.form.skip
        ].endswith(self.article)

    def modality(self, r: SentenceReader, trig: Trigger, words: list[Word]) -> str:
        """Negated (لم، لن، نفى), hypothetical (إذا، قد يـ), planned (من المقرر أن، سـ، المرتقبة) or asserted."""
        first = max(0, trig.index - MODALITY_REACH)
        for j in range(trig.index - 1, first - 1, -1):
            if any(c in ".؛;:" for c in r.view.norm[words[j].end : words[j + 1].start]):
                first = j + 1
                break
        before = [w.text for w in words[first : trig.index]]
        bare = [strip_conjunction(w, shortest=2) for w in before]
        near = set(before[-NEGATION_REACH:]) | set(bare[-NEGATION_REACH:])
        if set(bare) & self.still:
            near -= self.negated  # ما زالت تندد: still condemns
        if near & self.negated or self.denials & {strip_conjunction(w.text) for w in words[: trig.index]}:
            return "negated"
        joined = " " + " ".join(bare) + " "
        if any(" " + h + " " in joined for h in self.hypothetical) or (
            trig.form.tense in ("present", "future") and near & self.hypothetical_present
        ):
            return "hypothetical"
        after = {w.text for w in words[trig.index + 1 : trig.index + 1 + 3]}
        if (
            trig.form.tense == "future"
            or any(" " + p + " " in joined for p in self.planned)
            or after & self.planned_after
        ):
            return "planned"
        return "asserted"

    def times(self, r: SentenceReader, trig: Trigger, event: Event, day: dict, clause: tuple[int, int]) -> None:
        """The clause's nearest date or time, its duration after the trigger, `منذ` as `since`."""
        here = [t for t in r.article.timexes if clause[0] <= t.start < clause[1]]
        dates = [t for t in here if t.type in ("DATE", "TIME")]
        since = [t for t in dates if t.mod == "ON_OR_AFTER" and normalize(t.text).startswith(self.since)]
        if since:
            event.since = since[0].id
        dates = [t for t in dates if t not in since]
        if dates:
            nearest = min(dates, key=lambda t: abs(t.start - trig.start))
            event.time = nearest.id
        durations = [t for t in here if t.type == "DURATION" and not self.offset(r, t)]
        durations = [t for t in durations if t.start >= trig.end] or durations
        if durations:
            event.duration = min(durations, key=lambda t: abs(t.start - trig.end)).id
        value = next((t.value for t in dates if t.id == event.time), None)
        if value and not value.startswith("X"):
            event.date, event.date_source = value, "timex"
        elif day.get("value"):
            event.date, event.date_source = day["value"], day["source"]

    def offset(self, r: SentenceReader, timex) -> bool:
        """A duration that dates something (قبل 30 دقيقة، بعد يومين) rather than lasting."""
        before = WORD.findall(r.text, max(r.sentence.start, timex.start - 8), timex.start)
        return bool(before) and normalize(before[-1]) in self.offsets

    def reported(self, r: SentenceReader, trig: Trigger, event: Event) -> None:
        """Inside a quote or claim: reported by its speaker (and the quote's outlets) or source."""
        by: list[str] = []
        inside = False
        for q in r.article.quotes:
            if q.start <= trig.start < q.end:
                by += [x for x in [q.speaker, *q.reported_by] if x]
                inside = True
        for c in r.article.claims:
            if c.start <= trig.start < c.end:
                by += [c.source] if c.source else []
                inside = True
        event.reported_by = list(dict.fromkeys(x for x in by if x not in event.actors["source"]))
        if inside and event.modality == "asserted":
            event.modality = "reported"

    def setting(self, words: list[Word], trig: Trigger) -> list[str]:
        """How talks were held (with delegations, in private), from the words after the trigger."""
        after = " " + " ".join(w.text for w in words[trig.index + 1 : trig.index + 6]) + " "
        return [name for name, cues in self.settings.items() if any(" " + c + " " in after for c in cues)]

    @staticmethod
    def invited(events: list[Event]) -> None:
        """An accepted invitation's target is who invited the one accepting."""
        for k, e in enumerate(events):
            if e.type == "accept_invitation" and not e.actors["target"]:
                invite = next(
                    (
                        x
                        for x in reversed(events[:k])
                        if x.type == "invite" and set(e.actors["source"]) <= set(x.actors["target"])
                    ),
                    None,
                )
                if invite is not None:
                    e.actors["target"] = list(invite.actors["source"])

    @staticmethod
    def recalled(event: Event, day: dict) -> bool:
        """Whether the event is dated by its sentence more than a year before the article (حادثة عام 1979، أقال
        البرلمان يانوكوفيتش في فبراير 2014 in a 2015 report): history the article recalls, not news."""
        date, now = event.date or "", day.get("value") or ""
        if event.date_source != "timex" or not date[:4].isdigit() or not now[:4].isdigit():
            return False
        return month_number(now) - month_number(date) > 12

    def weak_word(self, event: Event) -> bool:
        """Whether a violent event's trigger is a word of other senses too (حرب، استعادة، قتل)."""
        word = normalize(event.trigger.text)
        return canonical(strip_conjunction(word.split()[0])) in self.weak or canonical(word) in self.weak

    def unarmed_sense(self, event: Event) -> bool:
        """Whether a violent event rests on a word of other senses with no armed actor and no casualty count
        (يستعيد عافيته، المعركة ضد الخرف، قتلها الدواء)."""
        if event.type not in self.violent or event.killed is not None or event.wounded is not None:
            return False
        if not self.weak_word(event):
            return False
        codes = [event.actors["codes"].get(x) for x in event.actors["source"] + event.actors["target"]]
        return not any(split_code(c)[1] in self.armed for c in codes)

    def in_words(self, event: Event, article: Article) -> None:
        """An assault verb in a sentence about words (هاجم الوزير المعارضة في تصريحاته) with no armed actor and no
        toll is a criticism: disapprove."""
        if event.type != "assault" or event.killed is not None or event.wounded is not None:
            return
        if strip_conjunction(normalize(event.trigger.text), self.verbal_verbs) not in self.verbal_verbs:
            return
        codes = [event.actors["codes"].get(x) for x in event.actors["source"] + event.actors["target"]]
        if any(split_code(c)[1] in self.armed for c in codes):
            return
        sentence = next((s for s in article.sentences if s.id == event.sentence), None)
        words = {canonical(strip_conjunction(w)) for w in WORD.findall(normalize(sentence.text))} if sentence else set()
        if words & self.verbal:
            t = self.lex.types["disapprove"]
            event.type, event.cameo, event.plover = t.name, t.cameo, t.plover

    def armed_or_not(self, event: Event) -> None:
        """An assault between armed sides is a fight; a fight on an unarmed target an assault."""
        if event.type not in self.violent:
            return
        roles = {
            side: [split_code(event.actors["codes"].get(x))[1] for x in event.actors[side]]
            for side in ("source", "target")
        }
        armed = {side: any(r in self.armed for r in found) for side, found in roles.items()}
        unarmed_target = bool(roles["target"]) and all(r and r not in self.armed for r in roles["target"])
        kind = "fight" if armed["source"] and armed["target"] else "assault" if unarmed_target else event.type
        if kind != event.type:
            t = self.lex.types[kind]
            event.type, event.cameo, event.plover = kind, t.cameo, t.plover

    # ---- one event, several mentions ---------------------------------------------------------
    def merge(self, events: list[Event], new: Event, definite: bool) -> bool:
        """A noun taking up an earlier event of the same type (المحادثات، محادثات بوتين مع كيم) adds to it."""
        if self.lex.forms.get(normalize(new.trigger.text), [None])[0] is None:
            return False
        ours = set(new.actors["source"] + new.actors["target"])
        same_modality = {new.modality, "asserted", "reported"}
        for old in reversed(events):
            if old.type != new.type or (old.modality not in same_modality and old.modality != new.modality):
                continue
            theirs = set(old.actors["source"] + old.actors["target"])
            kind = self.lex.forms[normalize(new.trigger.text)][0].kind
            loose = (
                not ours
                and not theirs
                and kind == "noun"
                and not self.lex.types[new.type].requires_actor
                and new.location in (None, old.location)
            )  # معركة تحرير عدن … المعركة: one battle
            if (
                (kind == "verb" and ours != theirs)
                or (not ours and not definite and not loose)
                or (ours and ours != theirs)
            ):
                continue
            if ours and new.location and old.location and new.location != old.location:
                continue  # (an actorless المحادثات's place is its topic's: الوضع في غزة)
            for name in ("location", "time", "duration") if ours else ("time", "duration"):
                if getattr(old, name) is None and getattr(new, name) is not None:
                    setattr(old, name, getattr(new, name))
            if new.date_source == "timex" and old.date_source != "timex":
                old.date, old.date_source = new.date, "timex"
            old.settings = list(dict.fromkeys(old.settings + new.settings))
            if old.killed is None and old.wounded is None and (new.killed is not None or new.wounded is not None):
                old.killed, old.wounded, old.casualties = new.killed, new.wounded, new.casualties
            old.mentions.append({"sentence": new.sentence, "trigger": new.trigger.to_dict()})
            old.reported_by = list(dict.fromkeys(old.reported_by + new.reported_by))
            return True
        return False


def give_role(event: Event, role: str, ids: list[str], codes: dict[str, str]) -> None:
    """Make `ids` the event's source or target, with their actor codes from `codes`."""
    event.actors[role] = list(ids)
    event.actors["codes"].update({x: c for x, c in codes.items() if x in ids})


def word_start(r: SentenceReader, at: int) -> int:
    """Where the word holding normalised offset `at` starts (a name after a clitic: للأمم)."""
    return r.view.norm.rfind(" ", 0, at) + 1


def word_before(r: SentenceReader, at: int):
    """The word before the one holding normalised offset `at`, as a match (None at the sentence's start)."""
    start = word_start(r, at)
    words = list(WORD.finditer(r.view.norm, max(0, start - 30), start))
    return words[-1] if words else None


def period_start(value: str) -> str:
    """The first day of a timex value as YYYY-MM-DD, to compare with a date (2023-W45 → 2023-11-06, 2023-11 →
    2023-11-01); a value it cannot read compares as the earliest."""
    m = regex.fullmatch(r"(\d{4})-W(\d{2})", value[:8])
    if m:
        try:
            return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        except ValueError:
            return ""
    m = regex.match(r"\d{4}(-\d{2}(-\d{2})?)?", value)
    if not m:
        return ""
    return (m.group() + "-01-01"[len(m.group()) - 4 :])[:10]


def month_number(day: str) -> int:
    """An ISO date's month counted from year 0 (a year alone counts as its December)."""
    return int(day[:4]) * 12 + (int(day[5:7]) if day[5:7].isdigit() else 12)


def article_date(article: Article) -> dict:
    """The day events default to: the publication date, else the anchor the timex stage used."""
    if article.published:
        return {"value": article.published[:10], "source": "published"}
    for t in article.timexes:
        if t.anchor and t.anchor.get("value"):
            return {"value": t.anchor["value"], "source": "anchor"}
    full = [
        t.value for t in article.timexes if t.type == "DATE" and t.value and len(t.value) == 10 and t.value[0] != "X"
    ]
    return {"value": max(set(full), key=full.count), "source": "text"} if full else {}


def prepare() -> None:
    """The stage's shared tables and, unless switched off, the learned filter's model and its encoder."""
    EventFinder.shared()
    if chosen_filter() is not None:
        sentence_encoder()


@stage(
    "events",
    requires=("blocks", "sentences", "tokens", "mentions", "timexes", "entities", "quotes", "claims"),
    assigns=("events",),
    setup=prepare,
)
def events_stage(article: Article) -> Article:
    """Events with CAMEO and PLOVER codes, actors, place, time, duration and modality."""
    return EventFinder.shared()(article)
