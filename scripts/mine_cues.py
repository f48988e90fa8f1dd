"""Mine candidate cue words of the quotes stage from SaudiNewsNet, to review by hand for data/cues.toml.

A cue introduces what someone said: أن / إن / بأن / إلى أن (with a pronoun: أنه، إنها), a colon or an
opening quotation mark, with a named subject between it and the clause (قال وزير الخارجية إن …، أعلنت
الشركة أن …). Besides that verb-first frame the script counts three others: the subject before the word
(الوزير أكد أن), a participle going on after a comma (…، مشيرا إلى أن) and a verbal noun with its
possessive (عن الوزير قوله إن، بقوله:). A subject starts with an NER mention's first word (names seen
by khabar's NER on a seeded sample of articles, looked up everywhere), a title, an organisation, an
outlet or an unnamed source's noun (speakers.toml), or an honorific pronoun (سموه). Articles drawn for
the attribution set (tests/attribution/realnews.py: draw) are left out.

Candidates are printed, never stored: single words with their counts, distinct subjects, frames and
introducers, and whether cues.toml or reporting.toml has them already.

    python scripts/mine_cues.py [--sample 1.0] [--ner 60] [--min-count 3] [--top 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

import regex

from khabar.quotes.cues import cue_table
from khabar.quotes.speakers import speaker_tables
from khabar.text.normalize import normalize
from khabar.text.tables import load_toml
from khabar.text.tokens import clitic_split
from khabar.text.words import conjunctions, fold, folded

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "attribution"))
from realnews import corpus_articles, draw  # noqa: E402

TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]")
BREAKS = set(".!؟?؛\n")  # a frame never crosses these
OPENING = set('«“"„‹')
WINDOW = 9  # words at most between a verb and its introducer
NAME_LABELS = {"PERSON", "ORG"}
TABLE = cue_table()
INTRODUCERS = [fold(w).split() for w in TABLE["complementisers"]]
COMPS = {w[-1] for w in INTRODUCERS}  # أن، إن، بأن (folded)
PREPS = {w[0] for w in INTRODUCERS if len(w) > 1}  # إلى أن، على أن: the preposition before أن
PRONOUNS = tuple(sorted(folded(TABLE["words"]["complementiser_pronouns"]), key=lambda p: (-len(p), p)))
ARTICLE = fold(TABLE["words"]["article"])
LAM_ARTICLE = fold(TABLE["words"]["attached"][0]) + ARTICLE[1:]  # للوزارة: لـ before ال
HE = fold(TABLE["words"]["complementiser_pronouns"][0])  # ه: the table's first
POSSESSIVE = tuple(p for p in PRONOUNS if p.startswith(HE))  # قوله، قولها، قولهم


def complementiser(word: str) -> bool:
    """أن / إن / بأن, alone or with an attached pronoun (folded)."""
    return word in COMPS or any(word.endswith(p) and word[: -len(p)] in COMPS for p in PRONOUNS)


def tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(subject starters, words never a cue, cues.toml's speech verbs, reporting.toml's verbs), folded."""
    s, c = speaker_tables(), TABLE
    nouns = set()
    for group in (
        s.person_titles,
        s.org_nouns,
        s.unnamed_nouns,
        s.outlet_nouns,
        s.honorific_pronouns,
        s.masculine_titles,
        s.feminine_titles,
        s.person_nouns,
        s.document_nouns,
    ):
        for w in group:
            nouns |= {w, ARTICLE + w} if not w.startswith(ARTICLE) else {w, w[len(ARTICLE) :]}
    not_cue = (
        folded(c["gap_words"])
        | folded(c["name_nouns"])
        | s.not_opening
        | s.clause_openers
        | folded(c["words"]["asides"])
    )
    return (
        frozenset(nouns),
        frozenset(not_cue),
        folded(c["speech_verbs"]),
        folded(load_toml("khabar.quotes", "data/reporting.toml")["verbs"]),
    )


def stem(word: str, known: frozenset[str]) -> str:
    """The word without a leading و/ف when khabar's clitic rules split one off (a known cue stays)."""
    if word in known:
        return word
    if word[:1] in conjunctions() and word[1:] in known:
        return word[1:]
    parts = clitic_split(word)
    return word[1:] if parts and parts[0][2] == "conj" and len(word) > 3 else word


def name_starters(articles: list, n: int, seed: int) -> tuple[set[str], set[tuple[str, int]]]:
    """First words of khabar's PERSON/ORG mentions on `n` sampled articles (folded), and those
    mentions' (article key, start offset) to use as they are."""
    if n <= 0:
        return set(), set()
    from khabar import Pipeline

    pipeline = Pipeline(("layout", "sentences", "tokens", "ner"))
    counts: collections.Counter = collections.Counter()
    starts: set[tuple[str, int]] = set()
    for key, article in random.Random(seed).sample(articles, min(n, len(articles))):
        for m in pipeline(article).mentions:
            if m.label in NAME_LABELS and m.text.split():
                counts[fold(m.text.split()[0])] += 1
                starts.add((key, m.start))
    return {w for w, k in counts.items() if k >= 2 and len(w) > 2}, starts


def frames(key: str, text: str, nouns, not_cue, names, mention_starts):
    """(cue word, frame, introducer, subject) for each introducer in an article's text."""
    tokens = [(m.start(), m.group(), normalize(m.group())) for m in TOKEN.finditer(text)]
    words = [t[2] for t in tokens]

    def subject_start(i: int) -> bool:
        w = words[i]
        bare = ARTICLE + w[len(LAM_ARTICLE) :] if w.startswith(LAM_ARTICLE) else w  # للوزارة → الوزارة
        return w in nouns or bare in nouns or w in names or (key, tokens[i][0]) in mention_starts

    def plain(i: int) -> bool:
        w = words[i]
        return i >= 0 and len(w) > 2 and w.isalpha() and w not in not_cue and not complementiser(w)

    for c, (_, raw, word) in enumerate(tokens):
        if complementiser(word):
            intro = "أن/إن"
        elif raw in ":：":
            intro = ":"
        elif raw in OPENING:
            intro = "«"
        else:
            continue
        c0 = c - 1 if intro == "أن/إن" and c and words[c - 1] in PREPS else c
        j = c0 - 1
        if j < 0:
            continue
        # a verbal noun with its possessive (قوله إن، بقوله:) or a participle after a comma (، مشيرا إلى أن)
        if plain(j) and tokens[j][1].endswith(POSSESSIVE) and not words[j].startswith(ARTICLE) and len(words[j]) > 3:
            yield words[j], "masdar", intro, ""
        if plain(j) and j and tokens[j - 1][1] in "،,":
            yield words[j], "participle", intro, ""
        # the subject before the verb (الوزير أكد أن)
        if plain(j) and j and subject_start(j - 1):
            yield words[j], "S-V", intro, words[j - 1]
        # the verb before its subject (أكد الوزير أن), the farthest such verb in the window
        for v in range(max(0, c0 - WINDOW), c0 - 1):
            if not (plain(v) and subject_start(v + 1)):
                continue
            gap = range(v + 1, c0)
            if any(tokens[g][1] in BREAKS or complementiser(words[g]) for g in gap):
                continue
            if any(words[g][:1] in conjunctions() and clitic_split(words[g])[:1] and not subject_start(g) for g in gap):
                continue  # another clause (وقال الوزير) in between
            yield words[v], "V-S", intro, " ".join(words[v + 1 : v + 3])
            break


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=float, default=1.0, help="share of the corpus to scan")
    ap.add_argument("--ner", type=int, default=60, help="articles run through khabar's NER for names")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--unknown", action="store_true", help="print only words neither table has")
    args = ap.parse_args()
    t0 = time.time()
    corpus = corpus_articles()
    drawn = {line["article"] for line in draw(corpus)}
    articles = [(k, corpus[k]) for k in sorted(corpus) if k not in drawn]
    articles = random.Random(args.seed).sample(articles, int(len(articles) * args.sample))
    nouns, not_cue, speech, reporting = tables()
    known = speech | reporting
    names, mention_starts = name_starters(articles, args.ner, args.seed)
    print(
        f"{len(articles)} articles ({len(drawn)} drawn left out), {len(names)} name starters from NER "
        f"on {args.ner}, {time.time() - t0:.0f} s",
        file=sys.stderr,
    )
    count: collections.Counter = collections.Counter()
    subjects: dict[str, set[str]] = collections.defaultdict(set)
    kinds: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    intros: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for key, article in articles:
        for word, frame, intro, subject in frames(key, article.text, nouns, not_cue, names, mention_starts):
            cue = stem(word, known)
            count[cue] += 1
            kinds[cue][frame] += 1
            intros[cue][intro] += 1
            if subject:
                subjects[cue].add(subject)
    total = sum(count.values())
    in_speech = sum(n for w, n in count.items() if w in speech)
    in_reporting = sum(n for w, n in count.items() if w in reporting - speech)
    print(
        f"{total} frames; share of them whose word cues.toml has: {in_speech / total:.1%}, reporting.toml "
        f"only: {in_reporting / total:.1%}; {time.time() - t0:.0f} s\n"
    )
    print(f"{'word':<14}{'count':>7}{'subj':>6}  table      frames / introducers")
    ranked = sorted(
        ((w, n) for w, n in count.items() if n >= args.min_count and not (args.unknown and w in known)),
        key=lambda x: (-x[1], -len(subjects[x[0]]), x[0]),
    )
    for word, n in ranked[: args.top]:
        table = "cues" if word in speech else "reporting" if word in reporting else "-"
        frame = " ".join(f"{k}:{v}" for k, v in kinds[word].most_common())
        intro = " ".join(f"{k}:{v}" for k, v in intros[word].most_common())
        print(f"{word:<14}{n:>7}{len(subjects[word]):>6}  {table:<10} {frame} / {intro}")


if __name__ == "__main__":
    main()
