"""CAMEO-style actor codes: the country's ISO 3166 alpha-3 code and a role (RUSGOV for Putin).

The knowledge base gives the country (a person's dated role, an outlet's or organisation's home
country, a city's country) and the role (head of state → GOV, media → MED, armed group → REB);
without a KB entry the entity's titles (وزير، قائد، الشرطة) and a nationality adjective next to
its mentions (الرئيس الروسي) stand in. The role tables are `data/frames.toml` [codes].
"""

from __future__ import annotations

from functools import lru_cache

from babel.core import get_global

from khabar.document import Article
from khabar.entities.kb import Entry, knowledge_base
from khabar.events.agents import agent_tables
from khabar.events.lexicon import lexicon
from khabar.text import normalize


@lru_cache(maxsize=1)
def iso3() -> dict[str, str]:
    """ISO 3166 alpha-2 → alpha-3, from CLDR's territory aliases (AFG → AF)."""
    out: dict[str, str] = {}
    for alpha3, (alpha2, *more) in sorted(get_global("territory_aliases").items()):
        if len(alpha3) == 3 and alpha3.isalpha() and not more and (alpha2 not in out or alpha3.startswith(alpha2)):
            out[alpha2] = alpha3  # FRA over FXX, DEU over DDR, MMR over BUR
    return out


class ActorCoder:
    def __init__(self, tables: dict) -> None:
        self.kb_roles, self.kb_types = tables["kb_roles"], tables["kb_types"]
        self.subtypes = tables["subtypes"]
        titles = {**tables["titles"], **tables["institutions"]}
        self.titles = sorted(((normalize(k), v) for k, v in titles.items()), key=lambda kv: -len(kv[0]))
        self.kb = knowledge_base()

    def country(self, kb_id: str | None, depth: int = 0) -> str | None:
        """The alpha-3 code of a KB entry's country (itself, or what it is `in`)."""
        entry = self.kb.by_id.get(kb_id or "")
        if entry is None or depth > 3:
            return None
        if entry.iso:
            return iso3().get(entry.iso, entry.iso)
        return self.country(entry.within, depth + 1)

    def code(self, article: Article, entity_id: str, day: str | None) -> str | None:
        """The actor code of one entity of `article` (ActorCodes caches an article's lookups)."""
        return ActorCodes(self, article)(entity_id, day)

    def from_kb(self, entry: Entry, day: str | None) -> tuple[str | None, str | None]:
        if entry.label == "PERSON":
            held = [r for r in entry.roles if r.held_on(day)] or entry.roles[-1:]
            rank = list(self.kb_roles)  # the table's order: head of state before party leader
            for r in sorted(held, key=lambda r: rank.index(r.role) if r.role in rank else len(rank)):
                if r.role in self.kb_roles:
                    return self.country(r.of) or self.country(entry.within), self.kb_roles[r.role]
            return self.country(entry.within), None
        if entry.label == "ORG":
            role = self.kb_types.get(entry.type) or self.subtypes.get(entry.subtype or "")
            return (None if entry.type == "international" else self.country(entry.within)), role
        return self.country(entry.kb_id), None

    def from_titles(self, entity) -> str | None:
        texts = [normalize(x) for x in entity.roles + entity.aliases + [entity.name_ar]]
        for title, role in self.titles:
            if any(t == title or t.startswith(title + " ") for t in texts):
                return role
        return None


@lru_cache(maxsize=1)
def role_codes() -> frozenset[str]:
    """Every agent type an actor code may carry (GOV, MIL, COP, UNK …): the [codes] tables' and the
    agent lexicon's (`data/agents.toml`)."""
    codes = lexicon().frames["codes"]
    roles = {v for table in codes.values() for v in table.values()}
    return frozenset(roles | set(agent_tables()["heads"]))


def split_code(code: str | None) -> tuple[str, str]:
    """An actor code as (country, agent type): IRQMIL → (IRQ, MIL), MIL → ("", MIL), IRN → (IRN, "")."""
    if not code:
        return "", ""
    if code[:3] in role_codes():
        return "", code[:3]
    return (code[:3], code[3:6]) if code[:3].isalpha() and code[:3].isupper() else ("", "")


@lru_cache(maxsize=1)
def actor_coder() -> ActorCoder:
    """The process's coder over the [codes] tables of `data/frames.toml` (read-only: one article's
    lookups live in an `ActorCodes`)."""
    return ActorCoder(lexicon().frames["codes"])


class ActorCodes:
    """Actor codes of one article's entities: the KB's country and role, else a nationality adjective
    inside or right after one of its mentions (الرئيس الروسي) and its titles."""

    def __init__(self, coder: ActorCoder, article: Article) -> None:
        self.coder = coder
        self.entities = {e.id: e for e in article.entities}
        self.nationality: dict[str, str | None] = {}
        norps = [m for m in article.mentions if m.label == "NORP" and m.entity]
        others = [m for m in article.mentions if m.label != "NORP" and m.entity]
        for m in others:
            if m.entity in self.nationality and self.nationality[m.entity]:
                continue
            norp = next((n for n in norps if m.start <= n.start <= m.end + 1), None)
            entity = self.entities.get(norp.entity) if norp else None
            self.nationality[m.entity] = coder.country(entity.kb_id) if entity else None

    def __call__(self, entity_id: str, day: str | None) -> str | None:
        entity = self.entities.get(entity_id)
        if entity is None:
            return None
        entry = self.coder.kb.by_id.get(entity.kb_id or "")
        country, role = self.coder.from_kb(entry, day) if entry is not None else (None, None)
        country = country or self.nationality.get(entity_id)
        if entity.label in ("GPE", "LOC", "FAC"):
            return country
        role = role or self.coder.from_titles(entity)
        return (country or "") + (role or "") or None
