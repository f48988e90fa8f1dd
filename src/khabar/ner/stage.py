"""The `ner` stage: tagged tokens become mentions at character offsets.

An attached و is always left out of a mention; ف and a preposition (ب ل ك) are left out when
the article ال follows or when the rest of the word occurs on its own elsewhere on the page
(so بروسيا → روسيا when روسيا is there, while بيونغ يانغ and فيصل stay whole). Each stripped
clitic is recorded on the mention. A name tagged confidently once keeps its label at its other
occurrences in the article, and so does a person's surname alone (not a nationality adjective).
Outlets the layout stage found (byline sources, dateline agencies,
agency photo credits) become ORG/MEDIA mentions too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.document import Article, Mention, Token
from khabar.entities.kb import knowledge_base
from khabar.layout import outlet_names
from khabar.ner.model import TaggedWords, load_model
from khabar.pipeline import stage
from khabar.text import normalize

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


def _span_start(article: Article, token: Token, standalone: set[str]) -> tuple[int, str]:
    """Where the mention starts in its first token, and the clitics left out."""
    det = any(p["tag"] == "det" for p in token.proclitics)
    start = token.start
    for p in token.proclitics:
        if p["tag"] == "det":
            break
        # و always; ف, ب, ل, ك only with evidence (فيصل and بيونغ keep their first letter)
        if p["text"] == "و" or det or article.text[p["end"] : token.end] in standalone:
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


@stage("ner", requires=("blocks", "sentences", "tokens"), assigns=("mentions",), setup=load_model)
def ner_stage(article: Article) -> Article:
    """Tag people, organisations, places, facilities and other names."""
    model = load_model()
    tokens = article.tokens
    if not tokens:
        article.mentions = _layout_mentions(article)
        return article
    (tagged,) = model.tag([[t.text for t in tokens]])  # the whole story, in overlapping windows
    candidates = _propagate(tokens, _mentions_from_tags(tokens, tagged, model.subtypes))
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
