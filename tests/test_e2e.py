"""The pages in a real headless browser: Debian's Chromium driven by Playwright, against `kg serve`.

The server is started on a loopback port and stopped by its process id. Each test
fails on any console error, uncaught script error, failed request or request to
another origin. Screenshots go to a temporary folder, or to $KG_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import kg_serve, stop_server

pytestmark = [pytest.mark.browser, pytest.mark.server]

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras: pip install -e '.[test]'")

# The flags this machine's Chromium needs headless as root, and to stay off the network.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run 'make browser' (Debian's chromium package) or set KG_CHROMIUM.")
    return path


@pytest.fixture(scope="module")
def base_url(build_dir, tmp_path_factory):
    base, proc = kg_serve(build_dir, tmp_path_factory.mktemp("e2e") / "server.log", "--workers", "1")
    yield base
    stop_server(proc)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("KG_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors, script errors, failed requests and foreign requests are recorded."""

    def __init__(self, browser, base_url: str, shots: Path, javascript: bool = True):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.base = base_url
        self.shots = shots
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} {r.failure}"))
        self.page.on("request", self._request)

    def _request(self, request):
        if not (request.url.startswith(self.base) or request.url.startswith("data:")):
            self.problems.append(f"request to another origin: {request.url}")

    def open(self, path: str):
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")
        return response

    def shot(self, name: str) -> Path:
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser, base_url, shots):
    w = Watched(browser, base_url, shots)
    yield w
    w.close()
    assert not w.problems, "\n".join(w.problems)


PAGES = {
    "home": "/",
    "query": "/query",
    "timeline": "/timeline",
    "articles": "/articles",
    "article-002": "/articles/002_7b46b79a9830cf4e",
    "entity-meloni": "/id/Giorgia_Meloni",
    "entity-gcap": "/id/GCAP",
    "vocabulary": "/ontology",
    "validation": "/validation",
    "graph-view": "/explore?iri=https://w3id.org/ijkg/id/Japan",
    "questions": "/queries",
    "question-leaders": "/queries/leaders",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_opens_without_errors(watched, name):
    watched.open(PAGES[name])
    assert watched.page.locator("h1").first.is_visible()
    watched.shot(name)


def test_gallery_query_runs_in_the_editor_and_a_result_leads_to_an_entity_page(watched):
    page = watched.page
    watched.open("/query")
    page.locator(".gallery a.example[data-name='leaders']").click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for(timeout=15000)
    assert rows.count() >= 3
    assert "Giorgia Meloni" in page.locator(".yasr table").inner_text()
    watched.shot("query-results")
    link = page.locator(".yasr table tbody a[href^='/id/']").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(watched.base + target)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text()
    assert page.locator("table.facts").count() >= 1
    watched.shot("result-entity")


def test_a_question_page_opens_in_the_editor_and_runs(watched):
    page = watched.page
    watched.open("/queries/officials")
    page.locator("a", has_text="Open in the editor").click()
    page.wait_for_url("**/query?example=officials")
    page.locator(".yasr table tbody tr").first.wait_for(timeout=15000)
    assert page.locator(".gallery a[aria-current]").get_attribute("data-name") == "officials"


def test_graph_view_draws_the_neighbourhood(watched):
    page = watched.page
    watched.open("/explore?iri=https://w3id.org/ijkg/id/Japan")
    page.wait_for_selector("#graph[data-loaded]", timeout=15000)
    assert int(page.locator("#graph").get_attribute("data-loaded")) > 5
    assert page.locator("#graph canvas").count() == 1
    assert page.locator("#neighbour-list a[href='/id/Italy']").count() == 1
    watched.shot("graph-view-japan")


def test_keyboard_reaches_the_content_first(watched):
    page = watched.page
    watched.open("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/", "/timeline", "/articles/000_a4b397bc01061804", "/id/Italy", "/validation"])
def test_pages_work_without_javascript(browser, base_url, shots, path):
    w = Watched(browser, base_url, shots, javascript=False)
    try:
        w.open(path)
        assert w.page.locator("main a").count() >= (1 if path == "/validation" else 3)
        assert not w.problems, w.problems
    finally:
        w.close()


def test_search_from_the_home_page_leads_to_an_entity_page(watched):
    page = watched.page
    watched.open("/")
    box = page.get_by_role("searchbox", name="Search entities and quotes")
    box.fill("Kisida")  # one letter wrong
    box.press("Enter")
    page.wait_for_url("**/search?q=Kisida")
    results = page.locator("ol.results li")
    results.first.wait_for()
    assert "Fumio Kishida" in results.first.inner_text()
    assert page.locator("ol.results mark").first.inner_text() == "Kishida"
    watched.shot("search-results")
    results.first.locator("a").first.click()
    page.wait_for_url(watched.base + "/id/Fumio_Kishida")
    assert page.locator("h1").first.inner_text() == "Fumio Kishida"


def test_a_javascript_iri_never_becomes_a_link(watched):
    """Regression: /explore?iri=javascript:alert(1) rendered <a href="javascript:alert(1)">."""
    page = watched.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/explore?iri=javascript:alert(1)", "/search?q=javascript:alert(1)"):
        watched.open(path)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if not h.startswith(("/", "#", "http://", "https://"))], hrefs
        for link in page.locator("main a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript")
    assert dialogs == []


@pytest.fixture(scope="module")
def drafts_url(tmp_path_factory):
    """`kg serve --drafts` of a small project with one draft, on a loopback port."""
    import subprocess
    import sys

    from test_review import ARTICLE, NAME, REGISTRY

    from helpers import make_project

    root = make_project(tmp_path_factory.mktemp("drafts-e2e"), {"entities.ttl": REGISTRY}, {f"{NAME}.txt": ARTICLE})
    out = root / "build"
    for cmd in (["draft", str(root / "data" / "articles" / f"{NAME}.txt")], ["build", "--out", str(out)]):
        done = subprocess.run([sys.executable, "-m", "kg", *cmd, "--root", str(root)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    base, proc = kg_serve(out, root / "server.log", "--workers", "1", "--drafts", root=root)
    yield base
    stop_server(proc)


def test_the_draft_review_page_works_without_javascript(browser, drafts_url, shots):
    from test_review import NAME

    w = Watched(browser, drafts_url, shots, javascript=False)
    try:
        w.open("/drafts")
        w.page.locator(f"a[href='/drafts/{NAME}']").click()
        w.page.wait_for_url(f"**/drafts/{NAME}")
        page = w.page
        assert page.locator("mark.draft-sentence").count() == 2
        assert page.locator("mark .mention.linked").all_inner_texts() == [
            "Italian Prime Minister",
            "Giorgia Meloni",
            "Fumio Kishida",
            "Rome",
        ]
        assert page.locator("mark .mention.proposed").all_inner_texts() == ["Hans Gruber"]
        date = page.locator("mark time.date").first
        assert (date.inner_text(), date.get_attribute("title")) == ("last July", "2025-07 (month)")
        # The claims stand beside their sentence, not below it.
        sentence = page.locator("#s-950-01").bounding_box()
        claims = page.locator("section.draft-claims").first.bounding_box()
        assert claims["x"] > sentence["x"] + sentence["width"] - 1 and abs(claims["y"] - sentence["y"]) < 60
        w.shot("draft-review")
        assert not w.problems, w.problems
    finally:
        w.close()
