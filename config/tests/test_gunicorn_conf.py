"""The production gunicorn configuration reads the environment."""

import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


def test_the_gunicorn_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "7")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "45")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    conf = runpy.run_path(str(CONF))
    assert (conf["workers"], conf["timeout"], conf["bind"]) == (7, 45, "0.0.0.0:9000")
    assert conf["worker_class"] == "sync"


def test_without_environment_workers_follow_the_cores(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 4)
    conf = runpy.run_path(str(CONF))
    assert conf["workers"] == 9
    assert conf["timeout"] == 30


def test_gunicorn_accepts_the_file():
    from gunicorn.config import Config

    config = Config()
    for name, value in runpy.run_path(str(CONF)).items():
        if name in config.settings:
            config.set(name, value)
    assert config.worker_class_str == "sync"
