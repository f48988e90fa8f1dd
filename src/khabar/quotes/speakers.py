"""The speaker model of the quotes stage: a quote's subject words resolved across the article.

`SpeakerTables` (read-only, shared) hold the nouns and words of `data/speakers.toml`; `ArticleSpeakers`
(one per article call) answers, for the words standing as a subject, whom they name: an honorific
pronoun (سموه) the salient person; a definite head noun (المصدر، الوزارة) the description the article
introduced first (مصدر مطلع في الوزارة، وزارة الداخلية المصرية); a document (البيان، الإحصائية) its
issuer; a title (محافظ جدة) the person it was given to; `الصحيفة` the article's own outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from khabar.document import Article
from khabar.text import normalize
from khabar.text.normalize import NormalView, normal_view
from khabar.text.tables import load_toml
from khabar.text.words import WORD, alternation, conjunction_pattern, fold, folded, strip_conjunction

STOP = regex.compile(r"[،,.:;؛!?؟\n«»“”\"()\[\]–—-]")
QUOTED_NAME = regex.compile(r"\s*[«“\"][\p{L}\p{M}]+(?:\s[\p{L}\p{M}]+){0,2}[»”\"]")  # a short name in marks
TITLE_REACH = 40  # characters between a title and the name it is given to (honorifics between)


@dataclass(frozen=True)
class SpeakerTables:
    honorific_pronouns: frozenset[str]
    not_speakers: frozenset[str]
    according_openers: frozenset[str]
    person_titles: frozenset[str]
    clause_openers: frozenset[str]
    quantifiers: frozenset[str]
    addressing: frozenset[str]
    relay_pronouns: frozenset[str]
    named_after: frozenset[str]
    copula_openers: frozenset[str]
    in_document: frozenset[str]
    publishing_verbs: frozenset[str]
    group_nouns: frozenset[str]
    first_person_verbs: frozenset[str]
    verb_particles: frozenset[str]
    unnamed_nouns: frozenset[str]
    official_nouns: frozenset[str]
    former: frozenset[str]
    latter: frozenset[str]
    org_nouns: frozenset[str]
    document_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    issued_by: regex.Pattern
    description_end: frozenset[str]
    description_words: int
    relatives: frozenset[str]
    related_nouns: frozenset[str]
    person_nouns: frozenset[str]
    with_ba: frozenset[str]
    adverbs: frozenset[str]
    not_opening: frozenset[str]
    frames: tuple[regex.Pattern, ...]  # SVO: the subject phrase before the verb, group `s`
    participle: regex.Pattern
    male_names_in_ta: frozenset[str]
    feminine_titles: frozenset[str]
    masculine_titles: frozenset[str]
    title_links: frozenset[str]
    demonstratives: frozenset[str]
    same_words: frozenset[str]
    place_nouns: frozenset[str]
    pronoun_phrases: frozenset[str]
    not_subject_words: frozenset[str]
    object_nouns: frozenset[str]
    same_after: frozenset[str]
    male_name_parts: frozenset[str]
    outlets: dict[str, str]
    honorific_roles: dict[str, frozenset[str]]
    other_number: dict[str, str]  # مصدر ↔ مصادر: one unnamed source given in either number
    letters: dict
    content_words: frozenset[str]
    not_kinds: frozenset[str]
    content_opening: regex.Pattern  # what opens the content after a subject: a colon, a mark, أن / إن
    addressee_mark: regex.Pattern  # لـ«الوطن»، لـ"عين اليوم": an addressee inside subject words


@lru_cache(maxsize=4096)
def pattern(source: str):
    """A pattern built from an article's words, compiled once (titles and nouns recur across calls), with
    `re` when it has only letter classes (`re` compiles several times faster than `regex`)."""
    simple = source.replace(r"[\p{L}\p{M}]", r"\w").replace(r"\p{L}", r"[^\W\d_]")
    return regex.compile(source) if r"\p{" in simple else re.compile(simple)


def finditer(source: str, text: str):
    """`regex.finditer` with the pattern compiled once."""
    return pattern(source).finditer(text)


@lru_cache(maxsize=1)
def speaker_tables() -> SpeakerTables:
    raw = load_toml("khabar.quotes", "data/speakers.toml")
    letters = {k: (tuple(fold(x) for x in v) if isinstance(v, list) else fold(v)) for k, v in raw["letters"].items()}
    letters["ta_marbuta"] = raw["letters"]["ta_marbuta"]  # read before normalisation
    letters["tanwin_fath"] = raw["letters"]["tanwin_fath"]
    letters["possessed_endings"] = tuple(raw["letters"]["possessed_endings"])  # read before normalisation

    def words(key: str) -> frozenset[str]:
        return folded(raw[key])

    return SpeakerTables(
        honorific_pronouns=words("honorific_pronouns"),
        not_speakers=words("not_speakers"),
        according_openers=words("according_openers"),
        person_titles=words("person_titles"),
        clause_openers=words("clause_openers"),
        quantifiers=words("quantifiers"),
        addressing=words("addressing"),
        relay_pronouns=words("relay_pronouns"),
        named_after=words("named_after") | words("org_nouns"),
        copula_openers=words("copula_openers"),
        in_document=words("in_document"),
        publishing_verbs=words("publishing_verbs"),
        group_nouns=words("group_nouns"),
        first_person_verbs=words("first_person_verbs"),
        verb_particles=words("verb_particles"),
        unnamed_nouns=words("unnamed_nouns"),
        official_nouns=words("official_nouns"),
        former=words("former"),
        latter=words("latter"),
        org_nouns=words("org_nouns"),
        document_nouns=words("document_nouns"),
        outlet_nouns=words("outlet_nouns"),
        issued_by=regex.compile(
            rf"\s*(?:{alternation(raw['issued_by'], end='')})\s*|\s*(?={regex.escape(letters['lam'])}\p{{L}})"
        ),
        description_end=words("description_end"),
        description_words=int(raw["description_words"]),
        relatives=words("relatives"),
        related_nouns=words("related_nouns"),
        person_nouns=words("person_nouns"),
        with_ba=words("with_ba"),
        adverbs=words("adverbs"),
        not_opening=words("not_opening"),
        frames=tuple(
            regex.compile(
                rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(f['before'], end='')})\s+(?P<s>[^،,.:؛]{{2,80}}?)\s*"
                rf"(?:(?<![\p{{L}}\p{{M}}]){alternation(f['after'], end='')})\s*$"
            )
            for f in raw["subject_frames"]
        ),
        participle=regex.compile(raw["participle"]),
        male_names_in_ta=words("male_names_in_ta"),
        feminine_titles=words("feminine_titles"),
        masculine_titles=words("masculine_titles"),
        title_links=words("title_links"),
        demonstratives=words("demonstratives"),
        same_words=words("same_words"),
        place_nouns=words("place_nouns"),
        pronoun_phrases=words("pronoun_phrases"),
        not_subject_words=words("not_subject_words"),
        object_nouns=words("object_nouns"),
        same_after=words("same_after"),
        male_name_parts=words("male_name_parts"),
        outlets=dict(raw["outlets"]),
        letters=letters,
        content_words=words("content_openers"),
        not_kinds=words("not_kinds"),
        content_opening=regex.compile(
            rf"[:«“\"]|(?:{alternation(raw['content_openers'], end='')})(?![\p{{L}}\p{{M}}])"
        ),
        addressee_mark=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}]){regex.escape(raw['letters']['lam'])}(?:\u0640\s*|\s*(?=[«“\"”(]))"
        ),
        honorific_roles={fold(k): folded(v) for k, v in raw["honorific_roles"].items()},
        other_number={fold(a): fold(b) for pair in raw["source_numbers"] for a, b in (pair, pair[::-1])},
    )


def head(words: str) -> tuple[str, bool]:
    """The first word of a phrase, folded, without the article (nor a demonstrative before it: هذه
    المصادر), and whether it had the article."""
    found = WORD.findall(normalize(words))[:2]
    tables = speaker_tables()
    if len(found) == 2 and (found[0] in tables.demonstratives or found[0] in tables.same_words):
        found = found[1:]  # هذه المصادر، نفس المصدر، ذات المصادر
    if not found:
        return "", False
    word, article = found[0], speaker_tables().letters["article"]
    if word[1:].startswith(article) and strip_conjunction(word) != word:  # والوزارة
        word = word[1:]
    if word.startswith(article) and len(word) > len(article) + 1:
        return word[len(article) :], True
    return word, False


class ArticleSpeakers:
    """One article's introduced descriptions and named people, for resolving subject words."""

    def __init__(self, article: Article, tables: SpeakerTables, stop_words: frozenset[str]) -> None:
        self.article, self.t = article, tables
        self.stop_words = stop_words | tables.description_end
        self._view: NormalView | None = None
        self.entities = {e.id: e for e in article.entities}
        self.heard: list[tuple[int, str]] = []  # where unnamed speakers were heard and their words, in order

    @property
    def view(self) -> NormalView:
        if self._view is None:
            self._view = normal_view(self.article.text)
        return self._view

    # ---- descriptions ---------------------------------------------------------------------------
    def introduction(self, noun: str, before: int, last: bool = False) -> tuple[int, int] | None:
        """The first (or `last`) indefinite use of `noun` before `before` (original offsets) as the
        description it starts: `مصدر مطلع في الوزارة`, `وزارة الداخلية المصرية`, `صحيفة «شاتانوغا فري برس»`
        (a name in marks right after the noun)."""
        norm, stop = self.view.norm, self.normal(before)
        found = list(
            finditer(
                rf"(?<![\p{{L}}\p{{M}}]){conjunction_pattern()}?({regex.escape(noun)}){self.t.letters['accusative']}?"
                rf"(?![\p{{L}}\p{{M}}])",
                norm[:stop],
            )
        )
        for m in found[-1:] if last else found:
            start = self.view.to_original(m.start(1), m.start(1))[0]
            end = self.description_end(start, before)
            named = next((x for x in self.article.mentions if 0 < x.start - end <= 3 and x.start < before), None)
            if named is not None and not WORD.search(self.article.text, end, named.start):
                closing = self.article.text[named.end : named.end + 1]
                end = named.end + (1 if closing and STOP.match(closing) and closing not in "،,.:;؛" else 0)
            elif quoted := QUOTED_NAME.match(self.article.text, end):  # مصادر «عكاظ»: the paper in marks
                end = quoted.end()
            return start, end
        return None

    def description_end(self, start: int, limit: int) -> int:
        """Where a description starting at `start` ends: before punctuation, a date, a stop word, or after
        `description_words` words."""
        text, end, count, definite = self.article.text, start, 0, False
        for w in WORD.finditer(text, start, limit):
            norm = normalize(w.group())
            if count and (STOP.search(text, end, w.start()) or norm in self.stop_words):
                break
            if (
                definite
                and not norm.startswith(self.t.letters["definite"])
                and norm not in self.t.letters["name_links"]
            ):
                break  # وزارة الصحة تسجيل …: an indefinite word after the name is its object
            if count and self.verbal_noun(norm):
                break  # أفادت مصادر طبية بوقوع إصابات: what they said, not who they are
            definite = definite or (count > 0 and norm.startswith(self.t.letters["definite"]))
            if any(t.start <= w.start() < t.end for t in self.article.timexes):
                break
            end, count = w.end(), count + 1
            if count >= self.t.description_words:
                break
        while count > 1:  # a description does not end on a preposition (مصادر في)
            last = list(WORD.finditer(text, start, end))[-1]
            if normalize(last.group()) not in self.t.letters["dangling"]:
                break
            end, count = text.rfind(" ", start, last.start()), count - 1
            end = len(text[:end].rstrip()) if end > 0 else last.start()
        return end

    def common_object(self, words: str, partitive: frozenset[str]) -> bool:
        """Whether the words after a verb with no content read as its object, not its subject (وذكرت تفاصيل
        الحادث، وقدّر حجم الإنفاق): their first word an indefinite noun that no table knows as a speaker's and no
        sound plural (مواطنون), in no name."""
        noun, definite = head(words)
        t = self.t
        if definite or len(noun) < 3 or noun.endswith(tuple(t.letters["plural_endings"])):
            return False
        start = self.article.text.find(words)
        if start >= 0 and any(m.start <= start < m.end for m in self.article.mentions):
            return False
        tables = (t.unnamed_nouns, t.org_nouns, t.document_nouns, t.person_titles, t.person_nouns, t.group_nouns)
        return not any(noun in table for table in (*tables, t.related_nouns, t.outlet_nouns, partitive))

    def verbal_noun(self, norm: str) -> bool:
        """Whether a word is ب + an indefinite noun that is no place (بوقوع، بمقتل، بوجود; not بمحافظة، بمطار)."""
        letters, rest = self.t.letters, norm[1:]
        if not norm.startswith(letters["prepositions"][0]) or rest.startswith(letters["article"]) or len(rest) < 3:
            return False
        if norm in self.t.title_links:  # متحدث باسم الوزارة
            return False
        return not any(rest in t for t in (self.t.org_nouns, self.t.named_after, self.t.place_nouns))

    def normal(self, original: int) -> int:
        from bisect import bisect_left

        return bisect_left(self.view.offsets, original)

    def mention_entity(self, start: int, end: int, labels=("PERSON", "ORG", "GPE")) -> str | None:
        """The entity of a mention inside `start`-`end` (the first)."""
        for m in self.article.mentions:
            if start <= m.start and m.end <= end + 1 and m.label in labels and m.entity:
                return m.entity
        return None

    def resolve(self, words: str, at: int, last: tuple[str | None, str | None]) -> tuple[str | None, str | None] | None:
        """Whom the subject `words` (at `at`) name, as (entity, words), or None when they stand for
        themselves."""
        bare = fold(words.strip(' «»“”"'))
        outlet = next((o for o in self.t.outlets.values() if bare and fold(o).split(None, 1)[-1] == bare), None)
        if outlet:  # وعلمت «عكاظ»: the paper
            return None, outlet
        if bare in self.t.former or bare in self.t.latter:
            return self.one_of_pair(bare in self.t.former, at), None
        noun, definite = head(words)
        if noun in self.t.honorific_pronouns:
            return self.salient_person(last, noun, at), None
        if noun in self.t.document_nouns:
            return self.issuer(noun, words, at, last)
        if definite and (noun in self.t.unnamed_nouns or noun in self.t.org_nouns):
            if noun in self.t.org_nouns and (entity := self.named_org(noun, at)):
                return entity, None
            kind = self.kind_of(words) if noun in self.t.unnamed_nouns else ""
            if noun in self.t.unnamed_nouns and (earlier := self.heard_source(noun, self.same(words), at)):
                if not kind or kind in self.kinds(earlier):
                    return None, earlier  # قال مصدر محلي … وذكر المصدر: the source heard last with that noun
            intro = self.introduction(noun, at)
            if intro and kind and kind not in self.kinds(self.article.text[intro[0] : intro[1]]):
                return None  # المصدر الطبي after مصدر في وزارة الداخلية: another source, standing for itself
            if not intro and kind and noun in self.t.official_nouns and (person := self.of_kind(kind, at)):
                return person, None  # المسؤول الإماراتي after وزير الدولة الإماراتي أنور قرقاش
            if intro:  # an unnamed source is not the place or body named in its description, a body not its place
                entity = self.mention_entity(*intro, ("ORG",)) if noun in self.t.org_nouns else None
                return entity, self.article.text[intro[0] : intro[1]]
            if noun in self.t.org_nouns and (entity := self.apposed(noun, at)):
                return entity, None  # الصحيفة العريقة «فايننشال تايمز» … وتصف الصحيفة نفسها: that paper
            if noun in self.t.org_nouns and (entity := self.org_in_sentence(at)):
                return entity, None  # ارتفع سهم X بعدما قالت الشركة المتخصصة في …: X
            if last[1] and head(last[1])[0] == noun:  # ذكرت الإدارة الوطنية للمحيطات … وأوضحت الإدارة
                return last
            if fold(self.t.letters["article"] + noun) in self.t.outlet_nouns and self.article.source in self.t.outlets:
                return None, self.t.outlets[self.article.source]
            return None
        if noun in self.t.unnamed_nouns and not definite:
            return None
        person = self.titled(words, at)
        if person:
            return person, None
        if definite and len(WORD.findall(words)) == 1 and (named := self.long_form(noun, at)):
            return self.mention_entity(*named), self.article.text[named[0] : named[1]]
        return None

    def kind_of(self, words: str) -> str:
        """The adjective of kind after a definite unnamed noun (المصدر الطبي → طبي، المصادر الأمنية → امنيه),
        else nothing."""
        found = WORD.findall(normalize(words))[:2]
        article = self.t.letters["article"]
        if len(found) < 2 or not found[1].startswith(article):
            return ""
        word = found[1][len(article) :]
        if word in self.t.not_kinds or len(word) < 3:
            return ""
        return word if word.endswith(tuple(self.t.letters["nisba_endings"])) else ""

    def of_kind(self, kind: str, at: int) -> str | None:
        """The one person named before `at` with an adjective of origin `kind` (or its country: اماراتي, خليجي →
        الخليج) among the words of the title next to one of their names, before or after it."""
        forms, text, found = {kind, kind[: -len(self.t.letters["nisba"])]}, self.article.text, set()
        people = [m for m in self.article.mentions if m.label == "PERSON" and m.entity and m.start < at]
        for k, m in enumerate(people):  # the title before the name, or after it up to the clause's end
            lead = text[max(0, m.start - TITLE_REACH * 2, people[k - 1].end if k else 0) : m.start]
            stops = list(STOP.finditer(lead))
            after = STOP.search(text, m.end, m.end + TITLE_REACH * 3)
            end = after.start() if after else m.end
            if k + 1 < len(people) and people[k + 1].start < end:
                end = m.end  # a title between two names is the next one's (X وزير الخارجية الكويتي Y)
            title = lead[stops[-1].end() if stops else 0 :] + " " + text[m.end : end]
            if forms & {self.title_word(w) for w in WORD.findall(normalize(title))}:
                found.add(m.entity)
        return found.pop() if len(found) == 1 else None

    def kinds(self, description: str) -> set[str]:
        """The words of a description without their article, as `kind_of` reads them."""
        article = self.t.letters["article"]
        return {w.removeprefix(article) for w in WORD.findall(normalize(description))}

    def heard_source(self, noun: str, same: bool, before: int) -> str | None:
        """The description of the unnamed speaker heard last whose head is `noun` (مصدر محلي for المصدر),
        or any unnamed head when the words say it is the same one (ذات المصادر), when it says more than
        the noun — or a description of that noun introduced after it, if any."""
        heard, other = None, self.t.other_number.get(noun)
        for at, words in reversed(self.heard):
            found, definite = head(words)
            if (
                (found in (noun, other) or (same and found in self.t.unnamed_nouns))
                and not definite
                and len(WORD.findall(words)) > 1
            ):
                heard = at, words
                break
        later = max(filter(None, (self.described(n, before) for n in (noun, other) if n)), default=None)
        if later and (heard is None or later[0] > heard[0]):  # تحدثت مصادر عسكرية عن … وأوضحت المصادر ذاتها
            return self.article.text[later[0] : later[1]]
        return heard[1] if heard else None

    def described(self, noun: str, before: int) -> tuple[int, int] | None:
        """The last indefinite use of an unnamed noun right after a cue before `before` with a description of
        its own (ذكرت مصادر عسكرية، قال مصدر في الوزارة; not مصدر القلق), as its span."""
        found = None
        for m in finditer(
            rf"(?<![\p{{L}}\p{{M}}]){conjunction_pattern()}?({regex.escape(noun)})\s+(?!{self.t.letters['article']})\p{{L}}",
            self.view.norm[: self.normal(before)],
        ):
            start = self.view.to_original(m.start(1), m.start(1))[0]
            end = self.description_end(start, before)
            verb = WORD.findall(self.view.norm[max(0, m.start(1) - 16) : m.start(1)])[-1:]
            if len(WORD.findall(self.article.text[start:end])) > 1 and verb and verb[0] in self.stop_words:
                found = (start, end)  # ذكرت مصادر محلية: a source at a cue, not قام علماء فلك بـ
        return found

    def same(self, words: str) -> bool:
        """Whether subject words say they name the source already heard (نفس المصدر، المصادر ذاتها)."""
        found = WORD.findall(normalize(words))[:3]
        return bool(found) and (found[0] in self.t.same_words or any(w in self.t.same_after for w in found[1:]))

    def long_form(self, noun: str, at: int) -> tuple[int, int] | None:
        """A one-word short form (الأرصاد) inside an organisation's full name earlier in the article
        (الرئاسة العامة للأرصاد وحماية البيئة): the full name's span."""
        norm, stop = self.view.norm, self.normal(at)
        for m in finditer(
            rf"(?<![\p{{L}}\p{{M}}])(?:{self.t.letters['article']}|{self.t.letters['lam_article']})"
            rf"({regex.escape(noun)})(?![\p{{L}}\p{{M}}])",
            norm[:stop],
        ):
            before = list(WORD.finditer(norm, max(0, m.start() - 40), m.start()))[-3:]
            for w in before:
                word = w.group()
                if word.removeprefix(self.t.letters["article"]) in self.t.org_nouns and not STOP.search(
                    norm, w.end(), m.start()
                ):
                    start = self.view.to_original(w.start(), w.start())[0]
                    return start, self.description_end(start, at)
        return None

    def apposed(self, noun: str, at: int) -> str | None:
        """The organisation first named right after the definite noun before `at` (الصحيفة العريقة «X»،
        الشركة الأمريكية «Y»): a word or two and marks between, no punctuation."""
        word = self.t.letters["article"] + noun
        pattern = rf"(?<![\p{{L}}\p{{M}}]){conjunction_pattern()}?{regex.escape(word)}(?![\p{{L}}\p{{M}}])"
        for m in finditer(pattern, self.view.norm[: self.normal(at)]):
            end = self.view.to_original(m.end(), m.end())[0]
            for x in self.article.mentions:
                if x.label == "ORG" and x.entity and 0 < x.start - end <= 25 and x.start < at:
                    gap = self.article.text[end : x.start]
                    if len(WORD.findall(gap)) <= 2 and not regex.search(r"[،,.:;؛!?؟\n]", gap):
                        return x.entity
        return None

    def org_in_sentence(self, at: int) -> str | None:
        """The organisation named last before `at` in its sentence."""
        sentence = next((x for x in self.article.sentences if x.start <= at < x.end), None)
        if sentence is None:
            return None
        named = [
            m.entity for m in self.article.mentions if m.label == "ORG" and sentence.start <= m.start and m.end <= at
        ]
        return next((e for e in reversed(named) if e), None)

    def named_org(self, noun: str, at: int) -> str | None:
        """The last organisation named with that noun before `at` (وكالة أسوشيتد برس → الوكالة)."""
        for m in reversed(self.article.mentions):
            name = normalize(m.text).removeprefix(self.t.letters["article"])
            if m.start < at and m.label == "ORG" and m.entity and name.split()[:1] == [noun]:
                return m.entity
        return None

    def issuer(self, noun: str, words: str, at: int, last) -> tuple[str | None, str | None]:
        """Who issued a document: the organisation after صادر عن / لـ where it was introduced, else the
        last speaker (أصدرت الوزارة بيانا … وأوضح البيان)."""
        intro = self.introduction(noun, at + len(words) + 3, last=True)  # the subject itself may introduce it
        if intro:
            pos = self.normal(intro[0]) + len(noun)
            pos += self.view.norm[pos : pos + 1] == self.t.letters["accusative"]  # بيانا
            after = self.t.issued_by.match(self.view.norm, pos)
            own = WORD.match(self.view.norm, after.end()) if after is not None else None
            if own is not None and own.group() in self.t.pronoun_phrases:
                after = None  # في بيان لها نشر …: its issuer is the one named before, not the words after لها
            if after is not None:
                start = self.view.to_original(after.end(), after.end())[0]
                end = self.description_end(start, len(self.article.text))
                if end > start:
                    phrase = self.article.text[start:end]
                    letters = self.t.letters
                    if normalize(phrase).startswith(letters["lam_article"]):  # للوزارة: ل + ال without its alef
                        phrase = letters["article"] + phrase[len(letters["lam_article"]) :]
                    elif normalize(phrase).startswith(letters["lam"]):
                        phrase, start = phrase[1:], start + 1
                    resolved = self.resolve(phrase, start, last) if head(phrase)[1] else None
                    if resolved:
                        return resolved
                    return self.mention_entity(start, end), phrase
            named = self.named_before(intro[0])
            if named:
                return named
        if last[0] or last[1]:
            return last
        return None, words

    def named_before(self, at: int, reach: int = 60) -> tuple[str | None, str | None] | None:
        """Who stands just before a document's introduction in its sentence (نشر التنظيم «فتوى»، أصدرت
        وزارة الداخلية بيانا): a named person or organisation, or an organisation's words."""
        text = self.article.text
        at = len(text[:at].rstrip(' «"“'))
        start = max(0, at - reach)
        stop = STOP.search(text[start:at][::-1])
        if stop:
            start = at - stop.start()
        named = [m for m in self.article.mentions if start <= m.start and m.end <= at and m.entity]
        named = [m for m in named if m.label in ("PERSON", "ORG")]
        if named:
            return named[-1].entity, None
        for w in WORD.finditer(text, start, at):
            noun, definite = head(w.group())
            if noun in self.t.org_nouns:
                end = self.description_end(w.start(), at)
                if definite and (intro := self.introduction(noun, w.start())):  # قالت الوزارة في بيان
                    return self.mention_entity(*intro), text[intro[0] : intro[1]]
                return self.mention_entity(w.start(), end), text[w.start() : end]
        return None

    # ---- people ---------------------------------------------------------------------------------
    def salient_person(self, last: tuple[str | None, str | None], honorific: str, at: int) -> str | None:
        """The person an honorific pronoun stands for (سموه): the last speaker if a person styled so,
        else the person so styled named last before it, else the last speaker if a person, else the
        first person named in the article."""
        styles = self.t.honorific_roles.get(honorific, frozenset())

        def styled(entity_id: str | None) -> bool:
            entity = self.entities.get(entity_id or "")
            return entity is not None and any(
                fold(role) in styles or fold(role).split()[0] in styles for role in entity.roles if role.strip()
            )

        entity = self.entities.get(last[0] or "")
        if entity is not None and entity.label == "PERSON" and styled(entity.id):
            return entity.id
        before = [m for m in self.article.mentions if m.start < at and m.label == "PERSON" and m.entity]
        named = next((m.entity for m in reversed(before) if styled(m.entity)), None)
        if named:
            return named
        if entity is not None and entity.label == "PERSON":
            return entity.id
        return next((m.entity for m in self.article.mentions if m.label == "PERSON" and m.entity), None)

    def one_of_pair(self, former: bool, at: int) -> str | None:
        """The former (or the latter) of the people named in the sentence before `at` and in its own up to `at`."""
        starts = [x.start for x in self.article.sentences if x.start <= at]
        since = starts[-2] if len(starts) > 1 else 0
        people = [m.entity for m in self.article.mentions if m.label == "PERSON" and m.entity and since <= m.start < at]
        people = list(dict.fromkeys(people))
        return (people[0] if former else people[-1]) if people else None

    def titled(self, words: str, at: int) -> str | None:
        """The person a title was given to earlier in the article (الأمير X محافظ جدة … وأشار محافظ جدة)."""
        key = normalize(words).strip()
        first, _ = head(key)
        if not first:
            return None
        if len(key.split()) > 5:
            return self.loosely_titled(key, at)
        rest = key.split(None, 1)[1] if " " in key else ""
        phrase = (first + " " + rest).strip()
        stop = self.normal(at)
        found = self.title_given(phrase.split(), stop)
        words, article = phrase.split(), self.t.letters["article"]
        bare = words[1].removeprefix(article) if len(words) >= 2 else ""
        if found is None and len(bare) >= 3:
            # رئيس البلدية for رئيس بلدية الرس، رئيس مركز «X» for رئيس المركز: the title with its other article
            other = bare if words[1].startswith(article) else article + words[1]
            if len(words) == 2 or not words[1].startswith(article):
                found = self.title_given([words[0], other], stop)
        return found or self.loosely_titled(key, at)

    def title_given(self, words: list[str], stop: int) -> str | None:
        """The person named right before or after the last use of the title `words` (with or without a
        definite prefix: الرئيس، للرئيس) before `stop` in the normalisation view."""
        norm, body, found = self.view.norm, " ".join(words), None
        for start, end in self.occurrences(norm, body, stop):
            s, e = self.view.to_original(start, end)
            for mention in self.article.mentions:
                if mention.label != "PERSON" or not mention.entity or mention.description:
                    continue
                if 0 <= s - mention.end <= 3 or (
                    0 <= mention.start - e <= TITLE_REACH and not STOP.search(self.article.text, e, mention.start)
                ):
                    found = mention.entity
                    break
        return found

    def loosely_titled(self, words: str, at: int) -> str | None:
        """The one person given before `at` a fuller form of a title of three words or more: the same head and
        every other word of it in the title next to the name (مدير فرع السياحة بالرياض for فلان مدير عام فرع
        هيئة السياحة والتراث بمنطقة الرياض) — but one in five, which a long title may add (المدير العام للمكتب
        التنفيذي لمجلس X for فلان مدير المكتب التنفيذي لمجلس X)."""
        title = [self.title_word(w) for w in WORD.findall(normalize(words)) if w not in self.t.letters["name_links"]]
        if len(title) < 3 or title[0] not in self.t.person_titles:
            return None
        text, found = self.article.text, set()
        for m in self.article.mentions:
            if m.start >= at or m.label != "PERSON" or not m.entity:
                continue
            after = STOP.search(text, m.end, m.end + 120)
            given = [
                self.title_word(w)
                for w in WORD.findall(normalize(text[m.end : after.start() if after else m.end + 120]))
            ]
            lead = text[max(0, m.start - 120) : m.start]
            stops = list(STOP.finditer(lead))
            before = [self.title_word(w) for w in WORD.findall(normalize(lead[stops[-1].end() if stops else 0 :]))]
            before = before[before.index(title[0]) :] if title[0] in before else []  # مدير عام فرع … المهندس فلان
            if any(g[:1] == title[:1] and len(set(title[1:]) - set(g)) <= len(title) // 5 for g in (given, before)):
                found.add(m.entity)
        return found.pop() if len(found) == 1 else None

    def title_word(self, word: str) -> str:
        """A word of a title without its article or preposition (والتراث → تراث، بمنطقة → منطقه)."""
        for prefix in (*self.t.letters["definite"], *self.t.letters["prepositions"]):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                return word[len(prefix) :]
        return word

    def named_as(self, description: str) -> str | None:
        """The person the article names with the definite form of an indefinite description's noun and
        adjective (خبيرا قانونيا → الخبير القانوني فلان), anywhere in it."""
        words = WORD.findall(normalize(description))[:2]
        accusative, article, nisba = self.t.letters["accusative"], self.t.letters["article"], self.t.letters["nisba"]
        words = [
            w.removesuffix(accusative)
            if w.endswith(nisba + accusative) or w[:-1] in self.t.unnamed_nouns or w[:-1] in self.t.person_nouns
            else w
            for w in words
        ]
        if len(words) != 2 or not words[1].endswith(nisba):
            return None  # a noun alone (مصدر، شاب) names no one in particular
        return self.title_given([article + w for w in words], len(self.view.norm))

    def occurrences(self, norm: str, body: str, stop: int):
        """Where `body` stands in `norm[:stop]` as whole words, alone or after a definite prefix (لل، بال),
        as (start with the prefix, end)."""
        at = norm.find(body, 0, stop)
        while at >= 0:
            end = at + len(body)
            after = norm[end : end + 1]
            word_start = at
            while word_start and norm[word_start - 1].isalpha():
                word_start -= 1
            if not (after and after.isalpha()) and (
                word_start == at or norm[word_start:at] in self.t.letters["definite"]
            ):
                yield word_start, end
            at = norm.find(body, at + 1, stop)

    def role_holder(self, noun: str, at: int) -> str | None:
        """The person last named before `at` whose role starts with the title `noun` (الزعيم → زعيم طالبان)."""
        forms = {noun, self.t.letters["article"] + noun}
        for m in reversed(self.article.mentions):
            entity = self.entities.get(m.entity or "")
            if m.start < at and m.label == "PERSON" and entity is not None:
                if any(fold(role).split()[:1] and fold(role).split()[0] in forms for role in entity.roles):
                    return entity.id
                before = WORD.findall(normalize(self.article.text[max(0, m.start - TITLE_REACH) : m.start]))
                stop = STOP.search(self.article.text, max(0, m.start - TITLE_REACH), m.start)
                if not stop and forms & set(before[-4:]):  # زعيم الحزب الوطني خالد المنصور
                    return entity.id
        return None

    def has_title(self, entity_id: str, phrase: str) -> bool:
        """Whether a person's roles or the words before one of their mentions give them a title phrase
        with its adjective (الرئيس الكيني), or no title with that head at all."""
        words = WORD.findall(normalize(phrase))
        entity = self.entities.get(entity_id)
        if entity is None or len(words) < 2:
            return True
        noun, adjective = head(words[0])[0], words[-1]
        titles = [fold(role).split() for role in entity.roles]
        for m in self.article.mentions:
            if m.entity == entity_id:
                before = self.article.text[max(0, m.start - TITLE_REACH) : m.start]
                titles.append(WORD.findall(normalize(before))[-3:])
        headed = [t for t in titles if any(head(w)[0] == noun for w in t)]
        return not headed or any(adjective in t for t in headed)

    def misspelt(self, words: str) -> str | None:
        """The one person whose family name is one letter off a lone word (كوكر for بوب كوركر), if the word has
        four letters or more with the same first and last letters."""
        found = WORD.findall(normalize(words))
        if len(found) != 1 or len(found[0]) < 4:
            return None
        word = found[0]
        near = {
            e.id
            for e in self.entities.values()
            if e.label == "PERSON"
            and len(normalize(e.name_ar).split()) > 1
            and (w := normalize(e.name_ar).split()[-1]) != word
            and w[0] == word[0]
            and w[-1] == word[-1]
            and one_edit(w, word)
        }
        return near.pop() if len(near) == 1 else None

    def title_holder(self, entity_id: str | None) -> str | None:
        """A person known in the article only by a one-word title (المرشد) given to a named person next to
        it (السيد علي خامنئي المرشد …), or by one word a letter off another person's name: that person."""
        entity = self.entities.get(entity_id or "")
        if entity is None or entity.label != "PERSON":
            return None
        name = normalize(entity.name_ar).split()
        if len(name) == 1 and not head(name[0])[1]:
            return self.misspelt(name[0])  # كوكر tagged apart from بوب كوركر: the same man
        if len(name) != 1:
            return self.named_next(entity_id) if name[0] in self.t.person_titles else None
        holder = self.titled(name[0], len(self.article.text))
        return holder if holder != entity_id else None

    def named_next(self, entity_id: str) -> str | None:
        """The person named right after a title the NER tagged as a person (أمين المنطقة المهندس فلان): within
        `TITLE_REACH` of one of its mentions, in the same clause."""
        text = self.article.text
        for m in self.article.mentions:
            if m.entity != entity_id:
                continue
            for after in self.article.mentions:
                if (
                    after.label == "PERSON"
                    and after.entity
                    and after.entity != entity_id
                    and 0 < after.start - m.end <= TITLE_REACH
                    and not STOP.search(text, m.end, after.start)
                ):
                    return after.entity
        return None

    def feminine(self, entity_id: str | None) -> bool | None:
        """Whether a person is a woman (a feminine title, a given name in ة) or a man (a masculine title,
        a name with بن / أبو / عبد), an organisation feminine (its head noun in ة: صحيفة، وزارة); None when
        not known."""
        entity = self.entities.get(entity_id or "")
        if entity is not None and entity.label == "ORG":  # وزارة، صحيفة سبورت: a head noun in ة is feminine
            heads = entity.name_ar.split()[:1]
            for m in self.article.mentions:
                before = WORD.findall(self.article.text, max(0, m.start - 12), m.start)
                if m.entity == entity.id and before and not STOP.search(self.article.text, m.start - 2, m.start):
                    heads.append(before[-1])
            ta = self.t.letters["ta_marbuta"]
            feminine = any(w.endswith(ta) and head(w)[0] in self.t.org_nouns for w in heads)
            return True if feminine else None
        if entity is None or entity.label != "PERSON":
            return None
        roles = {fold(r) for r in entity.roles}
        if roles & self.t.feminine_titles:
            return True
        first = entity.name_ar.split()[:1]  # ة before normalisation (which folds it into ه)
        if first and first[0].endswith(self.t.letters["ta_marbuta"]) and fold(first[0]) not in self.t.male_names_in_ta:
            return True
        words = normalize(entity.name_ar).split()
        prefixes = self.t.letters["male_name_prefixes"]
        if roles & self.t.masculine_titles or any(w in self.t.male_name_parts or w.startswith(prefixes) for w in words):
            return False
        return None


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def verb_form(norm: str, verbs: frozenset[str]) -> tuple[bool | None, bool]:
    """(feminine, plural) of a speech verb or participle, read off the verb table: قالت is قال + ت,
    تقول is يقول with ت, مشيرة is مشيرا with ه (feminine); قال has قالت, يقول has تقول, مشيرا has
    مشيرة (masculine); None when the table does not tell. قالوا / يقولون are plural."""
    t = speaker_tables().letters
    fem, he, she, p_he, p_she = (
        t[k] for k in ("feminine_suffix", "imperfect_he", "imperfect_she", "participle_he", "participle_she")
    )
    plural = any(
        norm.endswith(suffix) and (norm[: -len(suffix)] in verbs or norm[: -len(suffix) + 1] in verbs)
        for suffix in t["plural_suffixes"]
    )
    if (
        (norm.endswith(fem) and norm[: -len(fem)] in verbs)
        or (norm.startswith(she) and he + norm[len(she) :] in verbs)
        or (norm.endswith(p_she) and norm[: -len(p_she)] + p_he in verbs)
    ):
        return True, plural
    if (
        norm + fem in verbs
        or (norm.startswith(he) and she + norm[len(he) :] in verbs)
        or (norm.endswith(p_he) and norm[: -len(p_he)] + p_she in verbs)
    ):
        return False, plural
    return None, plural
