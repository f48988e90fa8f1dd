"""The quotes stage's rules for the speaker: the subject of a cue, its title, description or
pronoun resolved in the sentence and across the article.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from khabar.document import Mention
from khabar.quotes.reading import EDGE, TITLE_CHAIN, Memory, Speaker, Verb
from khabar.quotes.speakers import QUOTED_NAME, head, verb_form
from khabar.text import normalize
from khabar.text.reader import SentenceReader
from khabar.text.words import WORD, strip_conjunction


class SubjectRules:
    """`QuoteFinder`'s rules for the speaker (a mixin: the tables live on the finder)."""

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
        the title through the name, else nothing. The name is the last run of one to three words after the
        title's definite words (or ل + a body's noun: لمركز), its first word indefinite and none of them a word
        of the tables."""
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
        letters = self.s.letters
        plain = [
            not w.startswith(tuple(letters["definite"]))
            and w not in letters["name_links"]
            and not (w.startswith(letters["lam"]) and w[1:] in self.s.named_after)  # لمركز الملك سلمان
            for w in found
        ]  # the title's name goes on over definite words and names (باسم مركز الملك سلمان للإغاثة): the last run
        name = next((k for k in range(len(found) - 1, -1, -1) if plain[k] and not (k and plain[k - 1])), None)
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
            self.s.object_nouns,
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
        lam = self.s.letters["lam"]
        return not definite and (
            noun in self.s.named_after or (noun.startswith(lam) and noun[1:] in self.s.named_after)
        )

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
            if (
                participle
                or (k and (norm in self.s.description_end or norm in self.s.not_subject_words))  # لفت الوزير النظر
                or (k == 1 and self.object_after(r, first, w))
            ):
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
        if first and (lead in self.s.not_opening or lead in self.s.not_subject_words or lead in self.s.object_nouns):
            return ""  # خلص إلى استنتاج، لفت النظر إلى، طالب بمزيد من: a phrase or an object, the subject dropped
        if len(words) == 1 and (lead in self.s.demonstratives or self.adverb(words[0].group())):
            return ""  # وأرجع ذلك إلى، لا تلفت كثيرا إلى، أعلن رسميا: no subject
        if lead[:1] in self.s.letters["prepositions"] and lead[1:] in self.s.demonstratives:
            return ""  # وأضاف بهذا الصدد أن: a phrase, the subject dropped
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
        """Whether a verbal noun right after a one-word definite subject is the verb's object (أكد الاجتماع أهمية …،
        أوضحت الوزارة ضرورة …، طالب المدرب إنهاء …): a definite noun takes no indefinite word after it, bar a
        title's name — so after a title only a noun of `object_nouns`."""
        if subject is None or r.text[subject.end() : word.start()].strip():
            return False
        noun, definite = head(subject.group())
        norm = normalize(word.group())
        titled = (
            noun in self.s.person_titles
            or normalize(subject.group()) in self.s.feminine_titles
            or normalize(subject.group()) in self.s.masculine_titles
        )
        return (
            definite
            and (norm in self.s.object_nouns or (not titled and word.group().endswith(self.s.letters["ta_marbuta"])))
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
