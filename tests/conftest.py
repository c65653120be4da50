"""Shared fixtures: the real plans beside the repository and the samples in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYKG_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXTRA = SHARED / "corpus" / "extra"
EXAMPLES = ROOT / "examples"


def _require(path: Path) -> Path:
    if not path.is_dir():
        message = f"test corpus missing: {path} (clone the repository with shared/ beside it)"
        if os.environ.get("CI"):
            raise RuntimeError(message)
        pytest.fail(message)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real seed plans (``../shared/corpus/seeds``)."""
    return _require(SEEDS)


@pytest.fixture(scope="session")
def extra_dir() -> Path:
    """The national plan in ``../shared/corpus/extra``."""
    return _require(EXTRA)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="module")
def store_file(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed plans, one per test module."""
    from policykg.graph.store import open_store

    path = tmp_path_factory.mktemp("seed-store") / "store.db"
    report = open_store(path).ingest([str(seeds_dir)])
    assert report.ok and report.plans >= 2
    return path


def seed(name_prefix: str) -> Path:
    """The seed file whose name starts with ``name_prefix`` (``"001"``)."""
    _require(SEEDS)
    matches = sorted(SEEDS.glob(f"{name_prefix}_*"))
    assert matches, f"no seed {name_prefix}_* in {SEEDS}"
    return matches[0]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run tests marked slow (long fuzz and scale runs)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


# Headless Chromium, for the page tests and for printing PDF fixtures. Locally its tests
# skip when Chromium or Playwright is missing; with ``CI=true`` they fail instead, so a CI
# image without a browser cannot pass them silently.
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _no_browser(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests need Chromium in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """A Chromium launched through Playwright, shared by a module's tests."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _no_browser(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("playwright is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
