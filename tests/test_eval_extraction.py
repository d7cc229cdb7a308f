"""``eventwire eval extraction --data DIR`` on a 3-page folder built from the NAEB fixtures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import _register, cli
from eventwire.eval import extraction

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
KEYS = ["760a689778ff0602e463df9e77b4ed39", "7d2806c4fa4e50c78b42e8f638c38237", "23a107413d8d5d34010883aa80f83542"]


def _three_page_folder(tmp_path: Path) -> Path:
    gold = json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8"))
    data = tmp_path / "three"
    data.mkdir()
    for key in KEYS:  # pages beside articles.json: the flat layout is accepted too
        shutil.copy(FIXTURES / "html" / f"{key}.html", data / f"{key}.html")
    subset = {k: gold[k] for k in KEYS} | {"no-such-page": gold[KEYS[0]]}
    (data / "articles.json").write_text(json.dumps(subset), encoding="utf-8")
    return data


def _run(*args: str):
    _register()
    return CliRunner().invoke(cli, list(args))


def test_eval_extraction_cli_on_three_pages(tmp_path):
    result = _run("eval", "extraction", "--data", str(_three_page_folder(tmp_path)))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    last = dict(part.split("=", 1) for part in lines[-1].split())
    assert last["suite"] == "extraction" and last["pages"] == "3"
    assert float(last["title_exact"]) == 1.0 and float(last["date_acc"]) == 1.0
    assert float(last["body_f1"]) >= float(last["trafilatura_body_f1"]) - 0.01
    assert any(line.startswith("title_exact") for line in lines)  # the per-field table


def test_eval_extraction_without_gold_is_a_usage_error(tmp_path):
    result = _run("eval", "extraction", "--data", str(tmp_path))
    assert result.exit_code == 2
    assert "[E410]" in result.output


def test_metrics():
    assert extraction.token_f1("The raid, the raid", "the RAID") == 2 * (2 / 4 * 1.0) / (2 / 4 + 1.0)
    assert extraction.token_f1("", "") == 1.0
    assert extraction.authors_f1(("Jane Doe",), ("jane  doe.", "John Roe")) == 2 * 1.0 * 0.5 / 1.5
    assert extraction.authors_f1((), ()) == 1.0 and extraction.authors_f1(("X",), ()) == 0.0
    assert extraction.same_title(" A  b ", "A b") and not extraction.same_title("A ’b", "A 'b")
