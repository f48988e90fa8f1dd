"""The `entities` stage: one identity per person, place and organisation in an article.

Mentions are linked to the knowledge base (exact normalised name, else consonant skeleton), then
clustered: same KB entry; same name or skeleton (بوتن = بوتين); a person's short name inside one
full name (بوتن ← فلاديمير بوتن); near-identical spellings (rapidfuzz). Titles and honorifics in
front of a person become its roles; a title with a nationality (`الرئيس الروسي`) standing alone is a
description and resolves to the person holding that role — named in the article, or in the KB on
the article's date. Nationality adjectives become NORP mentions of their country. Multi-word KB
names the tagger missed (وكالة الأنباء المركزية الكورية) are added as mentions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import regex
from rapidfuzz import fuzz, process

from khabar.document import Article, Entity, Mention
from khabar.entities.kb import MIN_SKELETON_LEN, Entry, KnowledgeBase, knowledge_base
from khabar.entities.names import name_tables, romanize
from khabar.entities.skeleton import own_names, same_person, skeleton, variant
from khabar.ingest.dates import iso_date
from khabar.pipeline import stage
from khabar.text import normal_view, normalize

FUZZY = 90  # rapidfuzz ratio for two spellings of one name (same label, ≥ 6 letters)
MAX_GAZETTEER_WORDS = 6
WORD = regex.compile(r"[\p{L}\p{M}\d]+")
SPACE = regex.compile(r"\s+")
LIST_GAP = regex.compile(r"[\s،,]+")
ADJECTIVE_AFTER = regex.compile(r"\s+((?:ال)?\p{L}+(?:\s+(?:ال)?\p{L}+)?)")


class Spans:
    """Fixed (start, end) spans, asked in O(log n) whether any overlaps a range or covers a position
    (a long article has thousands of mentions: no scan of them all per question)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda k: spans[k])
        self.starts = [spans[k][0] for k in self.order]
        self.ends = [spans[k][1] for k in self.order]
        self.reach = list(accumulate(self.ends, max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans starting before `end`
        return i > 0 and self.reach[i - 1] > start

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position)
        return i > 0 and self.reach[i - 1] > position

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes (in the given list, ascending) of the spans that overlap `start`-`end`."""
        found = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:  # back over the spans starting before `end` that reach it
            if self.ends[i] > start:
                found.append(self.order[i])
            i -= 1
        return sorted(found)


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    entry: Entry | None = None
    roles: list[str] = field(default_factory=list)


class Resolver:
    """Per-article state: the normalised text, the KB, the mentions being clustered."""

    def __init__(self, article: Article, kb: KnowledgeBase) -> None:
        self.article = article
        self.kb = kb
        self.tables = name_tables()
        self.view = normal_view(article.text)
        self.day = _article_day(article)
        self.parent = list(range(len(article.mentions)))
        self.roles: dict[int, list[str]] = {}
        self.links: dict[int, Entry] = {}

    # ---- union-find over mention indexes ---------------------------------------------------
    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _article_day(article: Article) -> str | None:
    day = iso_date(article.published) if article.published else None
    if day:
        return day
    return next((t.anchor["value"] for t in article.timexes if t.anchor and t.anchor.get("value")), None)


def _strip_titles(name: str, tables) -> tuple[str, list[str]]:
    """Leading honorifics/titles off a normalised name: ('بوتن', ['السيد'])."""
    roles = []
    changed = True
    while changed:
        changed = False
        for title in (*tables.honorifics, *sorted(tables.titles, key=len, reverse=True)):
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                roles.append(title)
                name = name[len(title) + 1 :]
                changed = True
                break
    return name, roles


def _adjective_country(words: str, kb: KnowledgeBase, tables) -> Entry | None:
    """The country of a nationality adjective phrase (الروسي، الكورية الشمالية، الروس)."""
    if words in tables.not_nisba:
        return None
    form = tables.nisba_forms.get(words, words)
    entry = kb.by_adjective.get(form)
    return entry if entry and entry.label == "GPE" else None


def _description_pattern(tables) -> regex.Pattern:
    titles = "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(tables.titles, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])[وفبل]?(?P<title>{titles})(?![\p{{L}}\p{{M}}])")


class EntityLinker:
    @staticmethod
    @lru_cache(maxsize=1)
    def shared() -> EntityLinker:
        """One instance per process (its tables are built once)."""
        return EntityLinker()

    def __init__(self) -> None:
        self.kb = knowledge_base()
        self.tables = name_tables()
        self.description = _description_pattern(self.tables)
        self.gazetteer: dict[str, list[Entry]] = {}
        for key, entries in self.kb.by_name.items():
            if len(key.split()) >= 2 and not key.isascii():
                self.gazetteer[key] = entries

    # ---- steps ------------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        r = Resolver(article, self.kb)
        self.split_joined_people(r)
        self.add_gazetteer_mentions(r)
        r.parent = list(range(len(article.mentions)))
        descriptions = self.find_descriptions(r)
        self.mark_adjectives(r, {i for d in descriptions for i in d[3]})
        self.link_kb(r)
        self.cluster(r)
        self.resolve_descriptions(r, descriptions)
        self.build_entities(r)
        return article

    def split_joined_people(self, r: Resolver) -> None:
        """One PERSON span over two people (كيم جونج أون وبوتين، اصطحب بوتن كيم) becomes two mentions
        when both parts are names known on their own: a person in the KB or another mention here."""
        mentions = r.article.mentions
        alone = {normalize(m.text) for m in mentions if m.label == "PERSON"}

        def known(words: list[str]) -> bool:
            name = " ".join(words)
            return name in alone or any(e.label == "PERSON" for e in self.kb.by_name.get(name, []))

        out = []
        for m in mentions:
            words = normalize(m.text).split()
            cut = None
            if m.label == "PERSON" and len(words) >= 2 and " ".join(words) not in self.kb.by_name:
                for k in range(1, len(words)):
                    right = words[k:]
                    conj = right[0].startswith("و") and len(right[0]) > 2
                    if known(words[:k]) and known([right[0][1:], *right[1:]] if conj else right):
                        cut = (k, conj)
                        break
            if cut is None:
                out.append(m)
                continue
            k, conj = cut
            pieces = [w.span() for w in regex.finditer(r"\S+", m.text)]
            left_end, right_start = m.start + pieces[k - 1][1], m.start + pieces[k][0] + conj
            out.append(
                Mention(
                    start=m.start,
                    end=left_end,
                    text=r.article.text[m.start : left_end],
                    label="PERSON",
                    score=m.score,
                    proclitic=m.proclitic,
                    extra={**m.extra, "split": True},
                )
            )
            out.append(
                Mention(
                    start=right_start,
                    end=m.end,
                    text=r.article.text[right_start : m.end],
                    label="PERSON",
                    score=m.score,
                    proclitic="و" if conj else "",
                    extra={**m.extra, "split": True},
                )
            )
        r.article.mentions = out

    def add_gazetteer_mentions(self, r: Resolver) -> None:
        """Multi-word KB names the tagger missed or cut short become mentions."""
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(r.view.norm)]
        taken = [(m.start, m.end) for m in r.article.mentions]
        tagged_spans = Spans(taken)  # the KB names added never overlap one another: they follow left to right
        new = []
        i = 0
        while i < len(words):
            best = None
            for n in range(min(MAX_GAZETTEER_WORDS, len(words) - i), 1, -1):
                phrase = " ".join(w for _, _, w in words[i : i + n])
                first = words[i][2]
                for candidate, cut in ((phrase, 0), (phrase[1:], 1) if first[:1] in "وبلف" else (None, 0)):
                    if candidate and candidate in self.gazetteer:
                        best = (n, cut, self.gazetteer[candidate])
                        break
                if best:
                    break
            if not best:
                i += 1
                continue
            n, cut, entries = best
            start, end = r.view.to_original(words[i][0] + cut, words[i + n - 1][1])
            overlapping = tagged_spans.overlapping(start, end)
            inside = all(start <= taken[k][0] and taken[k][1] <= end for k in overlapping)
            if len({e.label for e in entries}) == 1 and inside:
                entry = entries[0]
                same_span = [k for k in overlapping if taken[k] == (start, end)]
                tagged = r.article.mentions[same_span[0]].label if same_span else entry.label
                for k in sorted(overlapping, reverse=True):  # a longer KB name replaces the pieces
                    r.article.mentions[k].extra["replaced_by_kb_name"] = True
                new.append(
                    Mention(
                        start=start,
                        end=end,
                        text=r.article.text[start:end],
                        label=entry.label,
                        subtype=entry.subtype,
                        score=1.0,
                        proclitic=r.article.text[words[i][0] : start] if cut else "",
                        extra={"source": "kb"} | ({"ner_label": tagged} if tagged != entry.label else {}),
                    )
                )
            i += n
        if new:
            kept = [m for m in r.article.mentions if not m.extra.pop("replaced_by_kb_name", False)]
            r.article.mentions = sorted(kept + new, key=lambda m: m.start)

    def find_descriptions(self, r: Resolver) -> list[tuple[int, int, str, list[int], Entry | None]]:
        """Title phrases: (start, end, role, mention indexes they cover, country) — e.g. الرئيس الروسي,
        المتحدث باسم الكرملين, زعيم كوريا الشمالية. A phrase right before a person is that person's role."""
        text, norm = r.article.text, r.view.norm
        mentions = r.article.mentions
        starts = {m.start: i for i, m in enumerate(mentions)}
        named = Spans([(m.start, m.end) for m in mentions])
        out = []
        for match in self.description.finditer(norm):
            title = " ".join(match.group("title").split())
            role = self.tables.titles[title]
            t_start, end = r.view.to_original(match.start("title"), match.end("title"))
            if named.covers(t_start):
                continue  # inside a name (وكالة الأنباء …)
            country, covered = None, []
            adjective = ADJECTIVE_AFTER.match(norm, match.end())
            if adjective:
                words = adjective.group(1).split()
                for k in (2, 1):
                    if len(words) >= k and (c := _adjective_country(" ".join(words[:k]), self.kb, self.tables)):
                        country = c
                        span_end = adjective.start(1) + len(" ".join(words[:k]))
                        end = r.view.to_original(match.end(), span_end)[1]
                        break
            if country is None:  # زعيم كوريا الشمالية / المتحدث باسم الكرملين: a name right after
                gap = SPACE.match(text, end)
                nxt = starts.get(gap.end() if gap else end)
                if nxt is not None and mentions[nxt].label in ("GPE", "ORG"):
                    covered.append(nxt)
                    end = mentions[nxt].end
            out.append((t_start, end, role, covered, country))
        return out

    def mark_adjectives(self, r: Resolver, covered: set[int]) -> None:
        """Nationality adjectives become NORP mentions (also when the tagger called them GPE)."""
        mentions = r.article.mentions
        for m in mentions:
            country = _adjective_country(normalize(m.text), self.kb, self.tables)
            previous = WORD.findall(normalize(r.article.text[max(0, m.start - 25) : m.start]))[-1:] or [""]
            if country and m.label in ("GPE", "LOC", "MISC") and self._is_adjective_here(m.text, country, previous[0]):
                m.label, m.subtype = "NORP", None
        taken = Spans([(m.start, m.end) for m in mentions])
        norm = r.view.norm
        words = [(w.start(), w.end(), w.group()) for w in WORD.finditer(norm)]
        new = []
        i = 0
        while i < len(words):
            hit = None
            for k in (2, 1):
                if i + k > len(words):
                    continue
                phrase = " ".join(w for _, _, w in words[i : i + k])
                country = _adjective_country(phrase, self.kb, self.tables)
                if country:
                    hit = (k, country)
                    break
            if not hit:
                i += 1
                continue
            k, country = hit
            start, end = r.view.to_original(words[i][0], words[i + k - 1][1])
            previous = words[i - 1][2] if i else ""
            if not taken.overlaps(start, end) and self._is_adjective_here(r.article.text[start:end], country, previous):
                new.append(
                    Mention(
                        start=start,
                        end=end,
                        text=r.article.text[start:end],
                        label="NORP",
                        score=1.0,
                        extra={"country": country.kb_id},
                    )
                )
            i += k
        r.article.mentions = sorted(mentions + new, key=lambda m: m.start)
        r.parent = list(range(len(r.article.mentions)))

    def _is_adjective_here(self, text: str, country: Entry, previous: str) -> bool:
        """An adjective form that is also the country's name (السعودية) is an adjective only after a
        definite noun it agrees with (السلطات السعودية), not after a preposition (إلى السعودية)."""
        if normalize(text) not in {normalize(n) for n in country.names()}:
            return True
        return previous.startswith("ال") and previous not in self.tables.before_country

    def link_kb(self, r: Resolver) -> None:
        for i, m in enumerate(r.article.mentions):
            if m.label == "NORP":
                entry = self.kb.by_id.get(m.extra.get("country", "")) or _adjective_country(
                    normalize(m.text), self.kb, self.tables
                )
                if entry:
                    r.links[i] = entry
                continue
            name, roles = _strip_titles(normalize(m.text), self.tables)
            if (
                r.article.text[m.start - 1 : m.start] in '«“"'
                and r.article.text[m.end : m.end + 1] in '»”"'
                and (outlet := self._unique(self.kb.by_short.get(name, []) + self.kb.by_name.get(name, []), "ORG"))
            ):
                r.links[i] = outlet  # «الشرق الأوسط» in quotation marks is the newspaper, not the region
                m.extra["ner_label"], m.label, m.subtype = m.label, "ORG", outlet.subtype
                continue
            words = m.text.split()  # roles as written: the leading words the titles took
            surface = []
            for title in roles:
                n = len(title.split())
                surface.append(" ".join(words[:n]))
                words = words[n:]
            if m.label == "PERSON":  # an honorific right before the name: السيد بوتن
                raw = r.article.text[max(0, m.start - 30) : m.start]
                before = normalize(raw).rstrip()
                found = [h for h in self.tables.honorifics if before.endswith(" " + h) or before == h][:1]
                surface = [" ".join(raw.split()[-len(h.split()) :]) for h in found] + surface
            r.roles[i] = surface
            entry = self.kb.resolve(name, m.label)
            if entry:
                r.links[i] = entry
                if entry.label != m.label and m.extra.get("source") != "kb":
                    m.extra["ner_label"] = m.label
                m.label = entry.label
                if entry.label == "ORG" and entry.subtype:
                    m.subtype = entry.subtype

    @staticmethod
    def _unique(entries: list[Entry], label: str) -> Entry | None:
        found = {e.kb_id: e for e in entries if e.label == label}
        return next(iter(found.values())) if len(found) == 1 else None

    def cluster(self, r: Resolver) -> None:
        mentions = r.article.mentions
        names = {}
        for i, m in enumerate(mentions):
            if m.label == "NORP":
                continue
            names[i] = _strip_titles(normalize(m.text), self.tables)[0]
        kb_of = {i: e.kb_id for i, e in r.links.items()}

        def join(i: int, j: int) -> None:
            """Merge two groups unless the knowledge base says they are different things."""
            a, b = r.find(i), r.find(j)
            if a != b and not (kb_of.get(a) and kb_of.get(b) and kb_of[a] != kb_of[b]):
                r.union(a, b)
                kb_of[r.find(a)] = kb_of.get(a) or kb_of.get(b)

        by_key: dict[tuple, int] = {}
        for i, name in names.items():
            m = mentions[i]
            family = "PLACE" if m.label in ("GPE", "LOC", "FAC") else m.label
            keys = [("kb", r.links[i].kb_id)] if i in r.links else []
            keys.append(("name", family, name))
            sk = skeleton(name)
            if len(sk) >= MIN_SKELETON_LEN:
                keys.append(("skeleton", family, sk))
            for key in keys:
                if key not in by_key:
                    by_key[key] = i
                elif key[0] != "skeleton" or variant(name, names[by_key[key]], sk, person=family == "PERSON"):
                    join(i, by_key[key])
        # a person's one-word name inside exactly one longer name (بوتن ← فلاديمير بوتن)
        people = [i for i in names if mentions[i].label == "PERSON"]
        full_names: dict[str, list[int]] = {}
        for j in people:
            if len(names[j].split()) > 1:
                full_names.setdefault(names[j], []).append(j)
        holders: dict[str, list[int]] = {}  # a one-word name -> the mentions of the full names it is part of
        for i in people:
            words = names[i].split()
            if len(words) != 1 or words[0] in self.tables.name_particles:
                continue
            if words[0] not in holders:
                holders[words[0]] = [j for full, js in full_names.items() if _names_part(words[0], full) for j in js]
            hosts = {r.find(j) for j in holders[words[0]]}
            if len(hosts) == 1:
                join(i, hosts.pop())
        # near-identical spellings (the same spelling under the same label was tried by name above)
        for i, j in _close_spellings(names, mentions):
            join(i, j)

    def resolve_descriptions(self, r: Resolver, descriptions) -> None:
        """Apposition gives a person a role; a lone description becomes a mention of the role holder."""
        mentions = r.article.mentions
        starts = {m.start: i for i, m in enumerate(mentions)}
        role_of: dict[str, int] = {}  # normalised title phrase -> a mention of the person it names
        lone = []
        for start, end, role, covered, country in descriptions:
            of = country.kb_id if country else None
            if covered:
                holder = r.links.get(covered[0])
                of = holder.kb_id if holder else of
            gap = LIST_GAP.match(r.article.text, end)
            nxt = starts.get(gap.end() if gap else end)
            if nxt is None:  # an honorific between title and name: الرئيس السيد …
                following = _strip_titles(normalize(r.article.text[end : end + 40]).strip(), self.tables)
                if following[1]:
                    offset = r.article.text[end : end + 40].find(following[0].split()[0]) if following[0] else -1
                    nxt = starts.get(end + offset) if offset >= 0 else None
            phrase = r.article.text[start:end]
            key = " ".join(normalize(phrase).split())
            if nxt is not None and mentions[nxt].label == "PERSON":
                r.roles.setdefault(nxt, []).append(phrase)
                role_of.setdefault(key, nxt)
            elif country or covered:
                lone.append((start, end, role, of, phrase, key))
        for start, end, role, of, phrase, key in lone:
            if any(m.start <= start < m.end for m in mentions):
                continue
            holder = role_of.get(key)  # the same title named someone elsewhere in the article
            entry = None
            if holder is None and of:  # else whoever held that role of that country on the article's date
                entry = self.kb.holder(role, of, r.day)
                if entry:
                    holder = next((i for i, e in r.links.items() if e.kb_id == entry.kb_id), None)
            if holder is None and entry is None:
                continue
            mention = Mention(start=start, end=end, text=phrase, label="PERSON", score=1.0, description=True, role=role)
            mentions.append(mention)
            r.parent.append(len(r.parent))
            index = len(mentions) - 1
            r.roles[index] = [phrase]
            if holder is not None:
                r.union(index, holder)
            else:
                r.links[index] = entry

    def build_entities(self, r: Resolver) -> None:
        mentions = r.article.mentions
        groups: dict[int, Group] = {}
        for i, m in enumerate(mentions):
            g = groups.setdefault(r.find(i), Group())
            g.mentions.append(m)
            if i in r.links and g.entry is None and m.label != "NORP":
                g.entry = r.links[i]
            g.roles += r.roles.get(i, [])
        # NORP mentions point at their country's group (made if the country is not named)
        by_kb = {g.entry.kb_id: root for root, g in groups.items() if g.entry}
        for i, m in enumerate(mentions):
            if m.label != "NORP" or i not in r.links:
                continue
            root = r.find(i)
            target = by_kb.get(r.links[i].kb_id)
            if target is not None and target != root:
                groups[root].mentions.remove(m)
                groups[target].mentions.append(m)
            elif target is None:
                groups[root].entry = r.links[i]
                by_kb[r.links[i].kb_id] = root
        entities = []
        order = sorted((g for g in groups.values() if g.mentions), key=lambda g: min(m.start for m in g.mentions))
        for g in order:
            entity_id = f"e{len(entities)}"
            named = [m for m in g.mentions if m.label not in ("NORP",) and not m.description]
            labels = Counter(m.label for m in named) or Counter(m.label for m in g.mentions)
            label = g.entry.label if g.entry else labels.most_common(1)[0][0]
            if label == "NORP":
                label = "GPE"
            if g.entry:
                name_ar, name_en = g.entry.name_ar, g.entry.name_en
            else:
                best = max(named or g.mentions, key=lambda m: (len(m.text.split()), len(m.text)))
                name_ar = _strip_titles_surface(best.text, self.tables)
                name_en = romanize(name_ar)
            for m in g.mentions:
                m.entity = entity_id
            aliases = sorted({m.text for m in g.mentions}, key=lambda t: (-len(t), t))
            roles = list(dict.fromkeys(" ".join(role.split()) for role in g.roles))
            entities.append(
                Entity(
                    id=entity_id,
                    label=label,
                    name_ar=name_ar,
                    name_en=name_en,
                    kb_id=g.entry.kb_id if g.entry else None,
                    aliases=aliases,
                    roles=roles,
                )
            )
        for i, m in enumerate(sorted(mentions, key=lambda m: (m.start, m.end))):
            m.id = f"m{i}"
        r.article.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        r.article.entities = entities


def _names_part(word: str, full: str) -> bool:
    """Whether a one-word name is the first or family name of a person's full name."""
    return any(
        (variant(word, w, skeleton(w), person=True) and skeleton(w) == skeleton(word)) or w == word
        for w in own_names(full)
    )


def _close_spellings(names: dict[int, str], mentions: list[Mention]) -> list[tuple[int, int]]:
    """Pairs of mentions (in order) with one label and different but near-identical names (≥ 6 letters,
    rapidfuzz ratio ≥ FUZZY; people's full names close word for word). Distinct spellings are compared
    once each, so thousands of mentions of a few names cost little."""
    by_spelling: dict[tuple[str, str], list[int]] = {}
    for i, name in names.items():
        if len(name) >= 6:
            by_spelling.setdefault((mentions[i].label, name), []).append(i)
    spellings: dict[str, list[str]] = {}
    for label, name in by_spelling:
        spellings.setdefault(label, []).append(name)
    close: dict[tuple[str, str], list[str]] = {}
    for label, group in spellings.items():
        for x in group:
            found = process.extract(x, group, scorer=fuzz.ratio, score_cutoff=FUZZY, limit=None)
            close[(label, x)] = [
                y
                for y, _, _ in found
                if y != x and fuzz.ratio(x, y) >= FUZZY and (label != "PERSON" or same_person(x, y))
            ]
    pairs = []
    for i, name in names.items():
        key = (mentions[i].label, name)
        if key in by_spelling:
            pairs += [(i, j) for j in sorted(j for y in close[key] for j in by_spelling[(key[0], y)]) if j > i]
    return pairs


def _strip_titles_surface(text: str, tables) -> str:
    """The original-script name without leading honorifics and titles."""
    words = text.split()
    stripped, _ = _strip_titles(normalize(text), tables)
    keep = len(stripped.split())
    return " ".join(words[len(words) - keep :]) if keep else text


@stage("entities", requires=("mentions", "timexes"), assigns=("mentions", "entities"), setup=EntityLinker.shared)
def entities_stage(article: Article) -> Article:
    """Cluster mentions into entities, link them to the knowledge base, resolve titles and adjectives."""
    return EntityLinker.shared()(article)


__all__ = ["entities_stage", "EntityLinker"]
