"""``eventwire eval scope --data FILE``: six labelled rows through the real pipeline and gate."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import _register, cli
from eventwire.eval import scope

# Labels are chosen so that every cell of the confusion table is filled: two political reports
# the gate keeps, a kept report labelled not political, a Pokémon "battle" labelled political
# (set aside), a VPN that "offers" (set aside, not political), and a trigger the coder never codes.
ROWS = [
    {"context": "On October 7, Hamas fired a huge barrage of rockets into southern Israel.",
     "sentence": "The group said it launched 5,000 rockets in the initial barrage.",
     "trigger": "rockets", "political": True},
    {"context": "", "sentence": "More than 20,000 Palestinians, most of them women and children, have been killed "
     "since the current round of fighting began.", "trigger": "killed", "political": True},
    {"context": "", "sentence": "Russian troops shelled Kharkiv on Monday.", "trigger": "shelled", "political": False},
    {"context": "Both styles of play have their own metagames.",
     "sentence": "These players mostly congregate at Smogon.com, a community and resource for Pokémon that groups "
     "monsters into tiers based on their usage in online battles.", "trigger": "battles", "political": True},
    {"context": "Protection for all of your devices.",
     "sentence": "A good VPN service will offer licenses for multiple devices to protect your loved ones’ computers "
     "as well as your personal smartphone and tablet.", "trigger": "offer", "political": False},
    {"context": "", "sentence": "The weather was mild on Tuesday.", "trigger": "mild", "political": False},
]


def _run(*args: str):
    _register()
    return CliRunner().invoke(cli, list(args))


def test_eval_scope_on_six_rows(tmp_path):
    data = tmp_path / "six.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    result = _run("eval", "scope", "--data", str(data))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    last = dict(part.split("=", 1) for part in lines[-1].split())
    # kept: rockets, killed (political) + shelled (labelled not); set aside: battles (political), offer
    assert last["suite"] == "scope" and last["n"] == "5" and last["skipped"] == "1"
    assert float(last["scope_precision"]) == pytest.approx(2 / 3, abs=1e-3)
    assert float(last["scope_recall"]) == pytest.approx(2 / 3, abs=1e-3)
    assert float(last["scope_f1"]) == pytest.approx(2 / 3, abs=1e-3)
    assert float(last["kept_share"]) == pytest.approx(3 / 5, abs=1e-3)
    out = result.output
    assert "kept+political=2 kept+not=1 set-aside+political=1 set-aside+not=1" in out
    assert "'shelled' (ASSAULT)" in out and "resolves to RUS" in out  # the disagreement with the gate's reason
    assert "'battles'" in out and "no political or security actor" in out
    assert "skipped" in out and "'mild'" in out


def test_judge_gives_the_gate_verdict_and_reason():
    in_scope, reason, plover_type = scope.judge(ROWS[0])
    assert in_scope and plover_type == "ASSAULT"
    assert reason == "weapon of armed actors (heavy-weapons)"  # the gate's own reason, passed through
    assert scope.judge(ROWS[5]) is None


def test_unlabelled_rows_are_a_usage_error(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps({"sentence": "Troops shelled the town.", "trigger": "shelled"}) + "\n", encoding="utf-8")
    result = _run("eval", "scope", "--data", str(data))
    assert result.exit_code == 2
    assert "[E472]" in result.output
