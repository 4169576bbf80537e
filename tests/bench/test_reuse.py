"""`--reuse`: a kept work folder gives its setup and indexing figures again, and the steps that run
again are numbered after the kept ones (nothing of the earlier run is overwritten)."""

from __future__ import annotations

import json

from bench.run import Runner


def test_a_kept_run_gives_its_setup_and_indexing_figures_again(tmp_path, monkeypatch):
    (tmp_path / "01-setup_db.out.json").write_text(json.dumps({"library": 100}))
    (tmp_path / "02-index_es.out.json").write_text(json.dumps({"records": 10}))
    (tmp_path / "03-index_es.out.json").write_text(json.dumps({"records": 100}))
    (tmp_path / "04-queries.out.json").write_text(json.dumps({"old": True}))
    runner = Runner(tmp_path, env={}, reuse=True)
    started: list[str] = []
    monkeypatch.setattr(
        "bench.run.subprocess.run",
        lambda args, **kwargs: started.append(args[3]) or _Done(args[5]),
    )

    assert runner.step("setup_db", {}) == {"library": 100}
    assert runner.step("index_es", {}) == {"records": 10}
    assert runner.step("index_es", {}) == {"records": 100}
    assert started == []  # nothing rebuilt
    assert runner.step("queries", {"reps": 1}) == {"ran": True}
    assert started == ["queries"]
    # Numbered after the kept run: its own queries figures are still there.
    assert json.loads((tmp_path / "04-queries.out.json").read_text()) == {"old": True}
    assert (tmp_path / "05-queries.config.json").exists()
    assert [entry.get("reused", False) for entry in runner.log] == [True, True, True, False]


def test_without_reuse_every_step_runs(tmp_path, monkeypatch):
    (tmp_path / "01-setup_db.out.json").write_text(json.dumps({"library": 100}))
    runner = Runner(tmp_path, env={})
    started: list[str] = []
    monkeypatch.setattr(
        "bench.run.subprocess.run",
        lambda args, **kwargs: started.append(args[3]) or _Done(args[5]),
    )
    assert runner.step("setup_db", {}) == {"ran": True}
    assert started == ["setup_db"]


class _Done:
    """A finished step: writes its figures where the runner reads them."""

    returncode = 0
    stderr = ""

    def __init__(self, out_path: str) -> None:
        from pathlib import Path

        Path(out_path).write_text(json.dumps({"ran": True}))
