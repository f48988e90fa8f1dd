"""The knowledge base: countries, places, outlets, organisations and people as TOML data files.

Built-in files live in `khabar/entities/kb/` (format: kb/README.md); entries a user adds with
`khabar kb add` go to `user.toml` in `$KHABAR_KB_DIR` (default `~/.local/share/khabar/kb`), which
is read after them. Countries get their Arabic and English names from CLDR (Babel) by ISO code.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from babel import Locale

from khabar.entities.skeleton import skeleton, variant
from khabar.errors import Errors, KhabarError
from khabar.text import normalize

KB_FILES = ("countries.toml", "places.toml", "media.toml", "organisations.toml", "people.toml")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC")
# Words an outlet's name may carry or drop (وكالة سبوتنيك / سبوتنيك): an ORG mention matches the rest.
OUTLET_WORDS = tuple(
    normalize(w)
    for w in (
        "وكالة الأنباء",
        "وكالة أنباء",
        "وكالة",
        "قناة",
        "صحيفة",
        "جريدة",
        "إذاعة",
        "راديو",
        "تلفزيون",
        "موقع",
        "شبكة",
        "مجلة",
        "هيئة الإذاعة",
    )
)
MIN_SKELETON_LEN = 3  # shorter skeletons (كيم, مصر) match too much to be a variant test


@dataclass
class Role:
    role: str
    of: str | None = None
    start: str | None = None
    end: str | None = None

    def held_on(self, day: str | None) -> bool:
        return day is None or (
            (self.start or "") <= day and (self.end is None or day < self.end)
        )  # handover day: the successor


@dataclass
class Entry:
    kb_id: str
    label: str
    name_ar: str
    name_en: str
    type: str = ""
    subtype: str | None = None
    aliases_ar: list[str] = field(default_factory=list)
    aliases_latin: list[str] = field(default_factory=list)
    iso: str | None = None
    adjectives_ar: list[str] = field(default_factory=list)
    capital: str | None = None
    within: str | None = None  # the `in` field: country or region
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    def names(self) -> list[str]:
        return [self.name_ar, *self.aliases_ar]

    def to_json(self) -> dict:
        data = asdict(self)
        data["in"] = data.pop("within")
        data["roles"] = [{k: v for k, v in r.items() if v} for r in data["roles"]]
        return {k: v for k, v in data.items() if v not in (None, [], "")}


def nisba_forms(adjective: str) -> set[str]:
    """Normalised forms of a nationality adjective: روسي → الروسي، الروسية، روسيون، الروس… (one word or two)."""
    words = normalize(adjective).split()
    forms = set()
    for suffix in ("", "ه", "ون", "ين", "يون", "يين", "ات"):
        for article in ("", "ال"):
            inflected = []
            for word in words:
                stem = word
                if suffix in ("يون", "يين") and not stem.endswith("ي"):
                    break
                if suffix in ("يون", "يين"):
                    stem = stem[:-1]
                inflected.append(article + stem + suffix)
            else:
                forms.add(" ".join(inflected))
    return forms


def user_kb_dir() -> Path:
    return Path(os.environ.get("KHABAR_KB_DIR") or Path.home() / ".local" / "share" / "khabar" / "kb")


def _read(path_text: str, name: str) -> list[dict]:
    try:
        return tomllib.loads(path_text).get("entity", [])
    except tomllib.TOMLDecodeError as exc:
        raise KhabarError(Errors.E701, what=name, detail=str(exc)) from exc


def _entry(raw: dict, source: str, cldr: tuple[dict, dict]) -> Entry:
    if not raw.get("kb_id") or raw.get("label") not in LABELS:
        raise KhabarError(
            Errors.E701,
            what=source,
            detail=f"entry {raw.get('kb_id') or raw.get('name_en')!r} needs a kb_id "
            f"and a label among {', '.join(LABELS)}",
        )
    ar, en = cldr
    iso = raw.get("iso")
    roles = [Role(r["role"], r.get("of"), r.get("from"), r.get("to")) for r in raw.get("roles", [])]
    return Entry(
        kb_id=raw["kb_id"],
        label=raw["label"],
        type=raw.get("type", ""),
        subtype=raw.get("subtype"),
        name_ar=raw.get("name_ar") or ar.get(iso, "") or raw.get("name_en", ""),
        name_en=raw.get("name_en") or en.get(iso, ""),
        aliases_ar=list(raw.get("aliases_ar", [])) + ([ar[iso]] if iso in ar and raw.get("name_ar") else []),
        aliases_latin=list(raw.get("aliases_latin", [])),
        iso=iso,
        adjectives_ar=list(raw.get("adjectives_ar", [])),
        capital=raw.get("capital"),
        within=raw.get("in"),
        roles=roles,
        source=source,
    )


class KnowledgeBase:
    """Entries with indexes by normalised name, by skeleton, by nationality adjective and by role."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_id: dict[str, Entry] = {}
        self.by_name: dict[str, list[Entry]] = defaultdict(list)
        self.by_skeleton: dict[str, list[Entry]] = defaultdict(list)
        self.by_short: dict[str, list[Entry]] = defaultdict(list)  # ORG names without their outlet word
        self.by_adjective: dict[str, Entry] = {}
        self.holders: dict[tuple[str, str | None], list[tuple[Entry, Role]]] = defaultdict(list)
        for entry in entries:
            if entry.kb_id in self.by_id:  # a later file (the user's) overrides
                self.entries.remove(self.by_id[entry.kb_id])
            self.by_id[entry.kb_id] = entry
        for entry in self.entries:
            for name in entry.names():
                key = normalize(name)
                if entry not in self.by_name[key]:
                    self.by_name[key].append(entry)
                sk = skeleton(name)
                if len(sk) >= MIN_SKELETON_LEN and entry not in self.by_skeleton[sk]:
                    self.by_skeleton[sk].append(entry)
                if entry.label == "ORG":
                    for word in OUTLET_WORDS:
                        if key.startswith(word + " ") and entry not in self.by_short[key[len(word) + 1 :]]:
                            self.by_short[key[len(word) + 1 :]].append(entry)
                            break
            for name in entry.aliases_latin:
                self.by_name[name.lower()].append(entry)
            for adjective in entry.adjectives_ar:
                for form in nisba_forms(adjective):
                    self.by_adjective.setdefault(form, entry)
            for role in entry.roles:
                self.holders[(role.role, role.of)].append((entry, role))
        for short in [k for k in self.by_short if k in self.by_name]:  # وكالة أنباء البحرين is not البحرين
            del self.by_short[short]

    def lookup(self, name: str, label: str | None = None) -> list[Entry]:
        """Every entry `name` may be (`khabar kb lookup`), filtered by label if given."""
        found, _ = self._candidates(normalize(name), label)
        return [e for e in found if label is None or e.label == label or {e.label, label} <= {"GPE", "LOC", "FAC"}]

    def resolve(self, name: str, label: str) -> Entry | None:
        """The one entry a mention's normalised name and tagged label point to, or None if unknown or
        ambiguous. A name the KB knows under another label wins over the tagger for people and places."""
        found, by_skeleton = self._candidates(name, label)
        if by_skeleton:  # people's names must also be close in letters (صادق الصباح is not صدقي صبحي)
            found = [
                e
                for e in found
                if e.label == label
                and (label != "PERSON" or any(variant(name, normalize(n), skeleton(n), person=True) for n in e.names()))
            ]
            return found[0] if len({e.kb_id for e in found}) == 1 else None
        same = [e for e in found if e.label == label or {e.label, label} <= {"GPE", "LOC", "FAC"}]
        candidates = same or (
            found
            if len({e.label for e in found}) == 1
            and label in ("PERSON", "MISC", "GPE", "LOC")
            and len(skeleton(name)) >= MIN_SKELETON_LEN + 1
            else []
        )
        return candidates[0] if len({e.kb_id for e in candidates}) == 1 else None

    def _candidates(self, name: str, label: str | None) -> tuple[list[Entry], bool]:
        """Entries by exact name (also without ال, as a Latin acronym, an outlet's short name), else by
        a telling skeleton; and whether the skeleton found them."""
        found = self.by_name.get(name) or self.by_name.get(name.lower())
        if not found and name.startswith("ال"):
            found = self.by_name.get(name[2:])
        if not found and label == "ORG":  # سبوتنيك for وكالة سبوتنيك, الجزيرة for قناة الجزيرة
            found = self.by_short.get(name)
        if found:
            return found, False
        sk = skeleton(name)
        return (self.by_skeleton.get(sk, []), True) if len(sk) >= MIN_SKELETON_LEN + 2 else ([], False)

    def holder(self, role: str, of: str | None, day: str | None) -> Entry | None:
        """The one person holding `role` of `of` on `day` (ISO date, None = any time), if unique."""
        people = {e.kb_id: e for e, r in self.holders.get((role, of), []) if r.held_on(day)}
        return next(iter(people.values())) if len(people) == 1 else None


def load_entries(extra_dirs: list[Path] | None = None) -> list[Entry]:
    ar = dict(Locale.parse("ar").territories)
    en = dict(Locale.parse("en").territories)
    entries = []
    package = resources.files("khabar.entities").joinpath("kb")
    for name in KB_FILES:
        resource = package.joinpath(name)
        if resource.is_file():
            entries += [_entry(raw, name, (ar, en)) for raw in _read(resource.read_text("utf-8"), name)]
    for folder in [user_kb_dir(), *(extra_dirs or [])]:
        for path in sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []:
            entries += [_entry(raw, str(path), (ar, en)) for raw in _read(path.read_text("utf-8"), str(path))]
    return entries


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(load_entries())


def entry_toml(data: dict) -> str:
    """One `[[entity]]` table in the KB's TOML format."""
    lines = ["[[entity]]"]
    for key, value in data.items():
        if value in (None, "", []):
            continue
        if key == "roles":
            items = ", ".join(
                "{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in r.items() if v) + " }"
                for r in value
            )
            lines.append(f"roles = [{items}]")
        else:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def add_entry(data: dict, folder: Path | None = None) -> Path:
    """Append an entry to the user's KB file (checked first); returns the file."""
    _entry(data, "new entry", ({}, {}))
    folder = folder or user_kb_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "user.toml"
    with path.open("a", encoding="utf-8") as out:
        out.write("\n" + entry_toml(data))
    knowledge_base.cache_clear()
    return path
