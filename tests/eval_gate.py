"""Quality gate: every evaluation table's floor and the hash of its file, pinned in `eval_baseline.json`.

Floors may only rise (trafilatura's `tests/eval_gate.py`). The tests read the floors from the
baseline; this script is the only writer of it.

    python tests/eval_gate.py                  # measure every gate, compare with its floor (exit 1 below it)
    python tests/eval_gate.py --pin            # after improving: record the tables' hashes, raise floors
    python tests/eval_gate.py --pin --lower GATE --reason "why"   # lower one floor, on the record
    python tests/eval_gate.py --history        # check the committed baselines: no floor ever dropped unrecorded
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BASELINE = TESTS / "eval_baseline.json"


def _quotes(path: Path) -> dict:
    from khabar.quotes.evaluate import read_table, score

    return score(read_table(path))["micro"]


def _events(path: Path) -> dict:
    from khabar.events.evaluate import read_table, score

    return score(read_table(path))["micro"]


def _timex(path: Path) -> dict:
    from khabar.timex.evaluate import read_table, score

    return score(read_table(path))["micro"]


def _ner(path: Path) -> dict:
    from khabar.ner.evaluate import evaluate_file

    return evaluate_file(path)["micro"]


def _attribution(path: Path, split: str) -> dict:
    """Quotes and claims on the annotated real articles (tests/attribution): one split's six figures."""
    sys.path.insert(0, str(path.parent))
    from realnews import score

    result = score(split, allow_blind=True)
    names = {"quote_span": "span", "quote_speaker": "speaker", "claim_source": "claim"}
    return {f"{short}_{m}": result[key][m] for key, short in names.items() for m in ("p", "r")}


def _event_set(path: Path, split: str) -> dict:
    """Events on the annotated real articles (tests/events/realnews): type, and type with both roles, P and R."""
    sys.path.insert(0, str(path.parent))
    from event_set import score

    result = score(split)
    return {
        f"{short}_{m}": result[key][m]
        for key, short in (("type", "type"), ("type_source_target", "full"))
        for m in ("p", "r")
    }


def _stories(path: Path, split: str) -> dict:
    """Near-duplicates and stories on the labelled SaudiNewsNet pairs and clusters (tests/stories)."""
    sys.path.insert(0, str(path.parent))
    from story_set import gate_scores

    return gate_scores(split)


EVALUATORS: dict[str, Callable[[Path], dict]] = {"quotes": _quotes, "events": _events, "timex": _timex, "ner": _ner}
SPLIT_EVALUATORS: dict[str, Callable[[Path, str], dict]] = {
    "attribution": _attribution,
    "event_set": _event_set,
    "stories": _stories,
}


def load_baseline() -> dict:
    return json.loads(BASELINE.read_text("utf-8"))


def file_path(gate: dict) -> Path:
    """The gate's table: paths are relative to the project root (`../shared/…` for shared data)."""
    return (ROOT / gate["file"]).resolve()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def check_hash(name: str, gate: dict) -> str | None:
    """A problem if the table changed since its floor was pinned."""
    path = file_path(gate)
    if file_hash(path) != gate["sha256"]:
        return (
            f"{name}: {gate['file']} changed since its floor was pinned; measure it and re-pin with "
            f"`python tests/eval_gate.py --pin` (floors may only rise)"
        )
    return None


def measure(name: str, gate: dict) -> dict:
    if gate["evaluator"] in SPLIT_EVALUATORS:
        return SPLIT_EVALUATORS[gate["evaluator"]](file_path(gate), gate["split"])
    return EVALUATORS[gate["evaluator"]](file_path(gate))


def present(gate: dict) -> bool:
    """Whether the gate's table, and the shared corpus it points into, are here."""
    needs = [file_path(gate)] + [(ROOT / p).resolve() for p in gate.get("needs", [])]
    return all(p.exists() for p in needs)


def below(gate: dict, scores: dict) -> list[str]:
    return [
        f"{metric} {scores[metric]:.4f} < floor {floor}"
        for metric, floor in gate["floor"].items()
        if scores[metric] < floor
    ]


def raise_floors(gate: dict, scores: dict) -> dict:
    """Floors rounded down to two decimals of what was measured, never below the old ones."""
    return {m: max(f, math.floor(scores[m] * 100) / 100) for m, f in gate["floor"].items()}


def history_problems(versions: list[dict]) -> list[str]:
    """Consecutive baselines (oldest first): every floor stays or rises, unless the newer one records lowering it."""
    problems = []
    for older, newer in zip(versions, versions[1:]):
        recorded = {(entry["gate"], entry["reason"]) for entry in older.get("lowered", [])}
        lowered = {
            entry["gate"] for entry in newer.get("lowered", []) if (entry["gate"], entry["reason"]) not in recorded
        }
        for name, gate in older["gates"].items():
            new = newer["gates"].get(name)
            if new is None:
                if name not in lowered:
                    problems.append(f"{name}: gate removed without a recorded reason")
                continue
            for metric, floor in gate["floor"].items():
                if new["floor"].get(metric, 0) < floor and name not in lowered:
                    problems.append(
                        f"{name}: {metric} floor {floor} -> {new['floor'].get(metric)} without a recorded reason"
                    )
    return problems


def committed_versions() -> list[dict] | None:
    """Every committed version of the baseline along the main line (first parents: a merged branch's own
    steps are not the project's history), oldest first; None outside a git checkout."""
    rel = BASELINE.relative_to(ROOT).as_posix()
    try:
        log = subprocess.run(
            ["git", "log", "--first-parent", "--format=%H", "--", rel],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    versions = []
    for commit in reversed(log.stdout.split()):
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append(json.loads(shown.stdout))
    return versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pin", action="store_true", help="record table hashes and raise floors to what is measured")
    parser.add_argument(
        "--lower", action="append", default=[], metavar="GATE", help="allow GATE's floor to drop (with --pin)"
    )
    parser.add_argument("--reason", default="", help="why a floor is lowered (required with --lower)")
    parser.add_argument("--history", action="store_true", help="only check that committed floors never dropped")
    parser.add_argument("gates", nargs="*", help="gates to measure (default: all)")
    args = parser.parse_args(argv)
    baseline = load_baseline()
    if args.history:
        versions = (committed_versions() or []) + [baseline]
        problems = history_problems(versions)
        print("\n".join(problems) or f"floors never dropped over {len(versions)} versions of the baseline")
        return 1 if problems else 0
    if args.lower and not args.reason:
        parser.error("--lower needs --reason")
    failed = False
    for name, gate in baseline["gates"].items():
        if args.gates and name not in args.gates:
            continue
        path = file_path(gate)
        if not present(gate):
            print(f"{name:16} skipped: {gate['file']} or what it needs is not present")
            continue
        scores = measure(name, gate)
        shown = " ".join(f"{m}={scores[m]:.4f} (floor {f})" for m, f in gate["floor"].items())
        if args.pin:
            floors = raise_floors(gate, scores)
            if name in args.lower:
                floors = {m: min(floors[m], math.floor(scores[m] * 100) / 100) for m in floors}
                baseline.setdefault("lowered", []).append({"gate": name, "reason": args.reason})
            elif below(gate, scores):
                print(f"{name:16} BELOW FLOOR, not pinned: {shown}. Fix it, or --lower {name} --reason '...'")
                failed = True
                continue
            gate["floor"], gate["sha256"] = floors, file_hash(path)
            print(f"{name:16} pinned: {shown} -> floors {floors}")
            continue
        problems = below(gate, scores) + [p for p in [check_hash(name, gate)] if p]
        failed |= bool(problems)
        print(f"{name:16} {'FAIL ' + '; '.join(problems) if problems else 'ok'}: {shown}")
    if args.pin and not failed:
        BASELINE.write_text(json.dumps(baseline, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
