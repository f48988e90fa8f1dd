"""The quality gate: every pinned table scores at least its floor, tables match their pinned hashes,
and no committed floor ever dropped without a recorded reason."""

import pytest

import eval_gate
from conftest import needs_shared

BASELINE = eval_gate.load_baseline()
SHARED_GATES = {
    name
    for name, gate in BASELINE["gates"].items()
    if gate["file"].startswith("../shared/") or any(p.startswith("../shared/") for p in gate.get("needs", []))
}


def gate_params():
    for name in BASELINE["gates"]:
        marks = [needs_shared] if name in SHARED_GATES else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", gate_params())
def test_table_scores_at_least_its_floor(name):
    gate = BASELINE["gates"][name]
    assert eval_gate.check_hash(name, gate) is None, eval_gate.check_hash(name, gate)
    scores = eval_gate.measure(name, gate)
    assert not eval_gate.below(gate, scores), (name, scores)


def test_floors_never_dropped_in_the_committed_history():
    versions = eval_gate.committed_versions()
    if versions is None:
        pytest.skip("not a git checkout")
    assert eval_gate.history_problems(versions + [BASELINE]) == []


def test_history_check_refuses_an_unrecorded_drop_and_accepts_a_recorded_one():
    old = {"gates": {"t": {"floor": {"p": 0.9}}}, "lowered": []}
    dropped = {"gates": {"t": {"floor": {"p": 0.8}}}, "lowered": []}
    recorded = {"gates": {"t": {"floor": {"p": 0.8}}}, "lowered": [{"gate": "t", "reason": "table corrected"}]}
    assert eval_gate.history_problems([old, dropped]) == ["t: p floor 0.9 -> 0.8 without a recorded reason"]
    assert eval_gate.history_problems([old, recorded]) == []
    assert eval_gate.history_problems([old, {"gates": {}, "lowered": []}]) == [
        "t: gate removed without a recorded reason"
    ]


def test_pinning_only_raises_floors():
    gate = {"floor": {"p": 0.9, "r": 0.8}}
    assert eval_gate.raise_floors(gate, {"p": 0.8567, "r": 0.8567}) == {"p": 0.9, "r": 0.85}
