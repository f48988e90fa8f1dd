"""The `ner` stage: tagged tokens become mentions at character offsets.

An attached و is always left out of a mention; ف and a preposition (ب ل ك) are left out when
the article ال follows (but ك before ال is a name's: كاليفورنيا), when the rest is a head noun such as
مستشفى, or when the rest of the word occurs on its own elsewhere on the page
(so بروسيا → روسيا when روسيا is there, while بيونغ يانغ and فيصل stay whole). Each stripped
clitic is recorded on the mention. A name tagged confidently once keeps its label at its other
occurrences in the article, and so does a person's surname alone (not a nationality adjective).
What the tagger takes for a name but is none (currencies, God's names, particles, a caption's verb after
a name) is left out, and a name inside a place's or an organisation's name grows to the whole of it
(`data/not_names.toml`, `data/name_heads.toml`).
Outlets the layout stage found (byline sources, dateline agencies,
agency photo credits) become ORG/MEDIA mentions too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from khabar.document import Article, Mention, Token
from khabar.entities.kb import knowledge_base
from khabar.entities.names import name_tables
from khabar.layout import outlet_names
from khabar.ner.model import TaggedWords, load_model
from khabar.pipeline import stage
from khabar.text import normalize
from khabar.text.normalize import DEFAULT_GROUPS
from khabar.text.tables import load_toml

KEEP_YA = tuple(g for g in DEFAULT_GROUPS if g != "ya")  # normalisation that keeps على apart from علي
CONFIDENT = 0.90  # mean tag probability for a mention to propagate its label
SUBTYPE_MIN = 0.5


@dataclass
class Candidate:
    first: int  # token index (article-wide)
    last: int
    label: str
    score: float
    subtype: str | None


def _mentions_from_tags(tokens: list[Token], tagged: TaggedWords, subtypes: list[str]) -> list[Candidate]:
    """Candidates from the tokens' BIO tags; a mention never crosses a sentence end."""
    out = []
    i = 0
    tags = tagged.tags
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}" and tokens[j].sentence == tokens[i].sentence:
            j += 1
        score = float(tagged.confidence[i:j].mean())
        subtype = None
        if label == "ORG":
            probs = tagged.subtype_probs[i:j].mean(axis=0)
            if probs.max() >= SUBTYPE_MIN:
                subtype = subtypes[int(probs.argmax())]
        out.append(Candidate(i, j - 1, label, score, subtype))
        i = j
    return out


def _key(tokens: list[Token], first: int, last: int) -> tuple[str, ...]:
    """Normalised words of a token run, the first without its conjunction or preposition."""
    head = tokens[first]
    cut = max((p["end"] for p in head.proclitics if p["tag"] in ("conj", "prep")), default=head.start)
    return (normalize(head.text[cut - head.start :]), *(t.norm for t in tokens[first + 1 : last + 1]))


def _propagate(tokens: list[Token], candidates: list[Candidate]) -> list[Candidate]:
    """Give other occurrences of a confidently tagged name the same label."""
    confident: dict[tuple[str, ...], Candidate] = {}
    adjectives = knowledge_base().by_adjective
    surnames = {}  # a person's surname alone (الشناوي after أحمد الشناوي); full names take precedence
    for c in sorted(candidates, key=lambda c: -c.score):
        if c.score < CONFIDENT:
            continue
        confident.setdefault(_key(tokens, c.first, c.last), c)
        surname = _key(tokens, c.last, c.last)
        if c.label == "PERSON" and c.last > c.first and len(surname[0]) > 3 and surname[0] not in adjectives:
            surnames.setdefault(surname, c)
    confident = {**surnames, **confident}
    if not confident:
        return candidates
    taken = {i: c for c in candidates for i in range(c.first, c.last + 1)}
    added = []
    lengths = sorted({len(k) for k in confident}, reverse=True)
    i = 0
    while i < len(tokens):
        for n in lengths:
            if i + n > len(tokens) or tokens[i].sentence != tokens[i + n - 1].sentence:
                continue
            source = confident.get(_key(tokens, i, i + n - 1))
            if source is None or any(k in taken for k in range(i, i + n)):
                continue
            added.append(Candidate(i, i + n - 1, source.label, source.score, source.subtype))
            for k in range(i, i + n):
                taken[k] = added[-1]
            i += n - 1
            break
        i += 1
    relabelled = []
    for c in candidates:
        source = confident.get(_key(tokens, c.first, c.last))
        if source is not None and source.label != c.label and c.score < source.score:
            c = Candidate(c.first, c.last, source.label, c.score, source.subtype)
        relabelled.append(c)
    return sorted(relabelled + added, key=lambda c: c.first)


@dataclass(frozen=True)
class NotNames:
    """What the tagger takes for a name but no entity list should hold (`data/not_names.toml`)."""

    names: frozenset[tuple[str, ...]]  # currencies and God's names, as normalised word runs (`_key`)
    function_words: frozenset[str]  # particles, normalised but for ى (على is not علي)
    caption_verbs: frozenset[str]  # normalised
    honorifics: frozenset[tuple[str, ...]]  # normalised: inside a person's span, they start another person


@lru_cache(maxsize=1)
def not_names() -> NotNames:
    raw = load_toml("khabar.ner", "data/not_names.toml")
    tables = name_tables()
    return NotNames(
        names=frozenset(tuple(normalize(name).split()) for name in raw["currencies"] + raw["divine"]),
        function_words=frozenset(normalize(w, KEEP_YA) for w in raw["function_words"]),
        caption_verbs=frozenset(normalize(w) for w in raw["caption_verbs"]),
        honorifics=frozenset(tuple(h.split()) for h in tables.honorifics),
    )


def _without_not_names(tokens: list[Token], candidates: list[Candidate]) -> list[Candidate]:
    """Candidates cut of a caption's verb after the name (بوتين يصافح), without currencies, God's names and
    particles (على), and split where an honorific starts a second person. (A title alone, الملك, stays: the
    entities stage resolves it to the person holding it, and speakers depend on that.)"""
    table = not_names()
    kept = []
    for c in candidates:
        last = c.last
        while last >= c.first and tokens[last].norm in table.caption_verbs:
            last -= 1
        if last < c.first:
            continue
        key = _key(tokens, c.first, last)
        if key in table.names:
            continue
        if c.first == last and normalize(tokens[c.first].text, KEEP_YA) in table.function_words:
            continue
        kept.extend(_split_at_honorifics(tokens, c if last == c.last else replace(c, last=last), table))
    return kept


def _split_at_honorifics(tokens: list[Token], c: Candidate, table: NotNames) -> list[Candidate]:
    """A person's span with an honorific inside holds two people (كيم السيد بوتن): split it there."""
    if c.label != "PERSON":
        return [c]
    for i in range(c.first + 1, c.last):
        for n in (3, 2, 1):
            if i + n - 1 < c.last and _key(tokens, i, i + n - 1) in table.honorifics:
                return [replace(c, last=i - 1), *_split_at_honorifics(tokens, replace(c, first=i + n), table)]
    return [c]


@dataclass(frozen=True)
class NameHeads:
    """Head nouns that make a title and a name into a place's or an organisation's name (`data/name_heads.toml`)."""

    titles: frozenset[tuple[str, ...]]
    longest_title: int  # words
    heads: dict[str, str]  # normalised head noun -> label
    bare_heads: dict[str, str]  # heads that also take a name without a title
    endings: frozenset[str]  # adjectives that end such a name


@lru_cache(maxsize=1)
def name_heads() -> NameHeads:
    raw = load_toml("khabar.ner", "data/name_heads.toml")
    titles = frozenset(tuple(normalize(t).split()) for t in raw["titles"])
    return NameHeads(
        titles=titles,
        longest_title=max(len(t) for t in titles),
        heads={normalize(k): v for k, v in raw["heads"].items()},
        bare_heads={normalize(k): v for k, v in raw["bare_heads"].items()},
        endings=frozenset(normalize(w) for w in raw["name_endings"]),
    )


def _with_heads(tokens: list[Token], candidates: list[Candidate]) -> list[Candidate]:
    """A name tagged after a head noun and a title, or from a title on (شارع الملك [سعود], مستشفى [الملك فيصل]),
    or right after a building's or an institution's head noun (قصر [كونستانتين], معهد [ابن سينا]), grows back to
    the head noun and takes its label (FAC, ORG or MISC)."""
    merged: list[Candidate] = []
    for c in sorted((_grown_to_head(tokens, c, name_heads()) for c in candidates), key=lambda c: (c.first, -c.last)):
        if merged and c.first <= merged[-1].last:  # a name and its grown copy (الملك | سلمان → مركز الملك سلمان)
            if c.last > merged[-1].last:
                merged[-1] = replace(merged[-1], last=c.last)
            continue
        merged.append(c)
    return merged


def _grown_to_head(tokens: list[Token], c: Candidate, table: NameHeads) -> Candidate:
    grown = _head_of(tokens, c, table)
    if grown is None:
        return c
    head, label = grown
    last = c.last
    if last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[last].sentence:
        last += tokens[last + 1].norm in table.endings
    return Candidate(head, last, label, c.score, None)


def _head_of(tokens: list[Token], c: Candidate, table: NameHeads) -> tuple[int, str] | None:
    """The head noun's token and label when `c` is the name part of a place's or an organisation's name."""
    for n in range(table.longest_title, 0, -1):
        starts = [c.first - n] + ([c.first] if c.first + n - 1 <= c.last else [])  # the title before or inside
        for title in starts:
            head = title - 1
            if head < 0 or _key(tokens, title, title + n - 1) not in table.titles:
                continue
            label = table.heads.get(_key(tokens, head, head)[0])
            if label and tokens[head].sentence == tokens[c.last].sentence:
                return head, label
    head = c.first - 1
    if any(p["tag"] == "prep" for p in tokens[c.first].proclitics):  # فندق بالمدينة: a hotel in Madinah
        return None
    if c.label != "MISC" and head >= 0 and tokens[head].sentence == tokens[c.first].sentence:
        label = table.bare_heads.get(_key(tokens, head, head)[0])
        if label and not tokens[head].norm.startswith("ال"):
            return head, label
    return None


def _span_start(article: Article, token: Token, standalone: set[str]) -> tuple[int, str]:
    """Where the mention starts in its first token, and the clitics left out."""
    det = any(p["tag"] == "det" for p in token.proclitics)
    heads = name_heads()
    start = token.start
    for p in token.proclitics:
        if p["tag"] == "det":
            break
        # و always; ف, ب, ل, ك only with evidence (فيصل and بيونغ keep their first letter), a head noun
        # (بمستشفى الملك فيصل) or the article after ب, ل or ف: ك before ال is a name's (كاليفورنيا)
        rest = article.text[p["end"] : token.end]
        if (
            p["text"] == "و"
            or (det and p["text"] != "ك")
            or rest in standalone
            or (norm := normalize(rest)) in heads.heads
            or norm in heads.bare_heads
        ):
            start = p["end"]
        else:
            break
    return start, article.text[token.start : start]


def _layout_mentions(article: Article) -> list[Mention]:
    """Outlets the layout found: byline sources and dateline agencies, and photo credits that
    name a known agency or look like an outlet (…نيوز, وكالة…), as ORG/MEDIA; bylines' authors as PERSON."""
    spans = [s for b in article.blocks if b.kind == "byline" for s in b.sources]
    spans += [b.agency for b in article.blocks if b.kind == "dateline" and b.agency]
    spans += [
        b.credit for b in article.blocks if b.kind == "caption" and b.credit and _looks_like_outlet(b.credit.text)
    ]
    authors = [b.author for b in article.blocks if b.kind in ("byline", "dateline") and b.author]
    return [Mention(start=s.start, end=s.end, text=s.text, label="ORG", subtype="MEDIA", score=1.0) for s in spans] + [
        Mention(start=s.start, end=s.end, text=s.text, label="PERSON", score=1.0) for s in authors
    ]


def _looks_like_outlet(name: str) -> bool:
    norm = normalize(name)
    return norm in outlet_names() or bool(OUTLET_WORDS.search(norm))


OUTLET_WORDS = re.compile(normalize(r"نيوز|وكالة|قناة|صحيفة|إذاعة|تلفزيون|\b(news|tv|press|agency)\b"), re.IGNORECASE)


def prepare() -> None:
    """The model and the name tables, loaded when the pipeline is built (a broken table stops the build)."""
    load_model()
    not_names()
    name_heads()


@stage("ner", requires=("blocks", "sentences", "tokens"), assigns=("mentions",), setup=prepare)
def ner_stage(article: Article) -> Article:
    """Tag people, organisations, places, facilities and other names."""
    model = load_model()
    tokens = article.tokens
    if not tokens:
        article.mentions = _layout_mentions(article)
        return article
    (tagged,) = model.tag([[t.text for t in tokens]])  # the whole story, in overlapping windows
    candidates = _without_not_names(tokens, _mentions_from_tags(tokens, tagged, model.subtypes))
    candidates = _with_heads(tokens, _without_not_names(tokens, _propagate(tokens, candidates)))
    standalone = set(re.findall(r"\w+", article.text))  # every word of the page, datelines and credits too
    mentions = []
    for c in candidates:
        start, proclitic = _span_start(article, tokens[c.first], standalone)
        end = tokens[c.last].end
        if start >= end:
            continue
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=article.text[start:end],
                label=c.label,
                subtype=c.subtype,
                score=round(c.score, 4),
                proclitic=proclitic,
            )
        )
    layout = _layout_mentions(article)  # the layout's outlets and authors win over overlapping tags
    mentions = [m for m in mentions if not any(m.start < o.end and o.start < m.end for o in layout)]
    mentions = sorted(mentions + layout, key=lambda m: m.start)
    for i, m in enumerate(mentions):
        m.id = f"m{i}"
    article.mentions = mentions
    return article
