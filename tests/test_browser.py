"""The web UI in real Chromium (Debian ``chromium`` driven by playwright, never ``playwright install``):
the seed's raid drawn as a region, its evidence with spans highlighted, filters in the URL, and
article markup shown as text, never run."""

from __future__ import annotations

import pytest

from serve_support import LiveServer, build_store

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RAID = "bda4eebac8d4b8c0"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("browser") / "ui.duckdb")
    with LiveServer(db) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    # bypass_csp: the page's CSP forbids eval, which playwright's waits use; it also means the markup
    # test below proves the UI's escaping on its own, without the CSP fence behind it
    context = browser.new_context(viewport={"width": 1300, "height": 850}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: errors.append(f"external request {req.url}")
          if not req.url.startswith(server.url) else None)
    pg.errors = errors
    yield pg
    context.close()


def open_ui(page, server, query=""):
    page.goto(f"{server.url}/{query}")
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)


def test_raid_is_a_region_and_its_evidence_is_highlighted(page, server):
    open_ui(page, server)
    region = page.locator('path.ew-region[data-name="Belgorod Oblast"]')
    assert region.count() == 1  # drawn as an area over the region, not as a point
    assert page.locator(f'path.ew-point[data-id="{RAID}"]').count() == 0
    assert "region (admin-1)" in page.locator("#legend").inner_text()
    assert "GeoNames (CC BY 4.0)" in page.locator(".leaflet-control-attribution").inner_text()  # credited
    region.click(force=True)
    page.wait_for_selector("#evidence .report")
    assert f"event={RAID}" in page.url
    main = page.locator("#evidence p.passage.main")
    assert main.locator("mark.hl-trigger").first.inner_text() == "took over"
    assert "defectors" in main.locator("mark.hl-actor").first.inner_text()
    assert main.locator("mark.hl-location, mark.hl-place").count() >= 1
    text = page.locator("#evidence").inner_text()
    assert "Newsweek" in text and "place scope" in text and "geo.locate.v1" in text
    assert page.errors == []


def test_filter_changes_url_and_list(page, server):
    open_ui(page, server)
    before = page.locator("#list li.event").count()
    page.select_option("#f-type", "PROTEST")
    page.wait_for_url("**type=PROTEST**")
    page.wait_for_function(f"document.querySelectorAll('#list li.event').length < {before}")
    badges = page.locator("#list li.event .badge").all_inner_texts()
    assert badges and all(b.startswith("PROTEST") for b in badges)
    page.fill("#f-q", "Belgorod")
    page.press("#f-q", "Enter")
    page.wait_for_url("**q=Belgorod**")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('0 ')")
    page.go_back()  # the previous view comes back from the URL
    page.wait_for_function("document.querySelectorAll('#list li.event').length > 0")
    assert page.errors == []


def test_markup_in_articles_is_shown_never_run(page, server):
    open_ui(page, server, "?q=Tbilisi&type=COERCE")
    page.locator("#list li.event").first.click()
    page.wait_for_selector("#evidence .report")
    evidence = page.locator("#evidence")
    assert "<script>window.__ewPwned = 1</script>" in evidence.locator(".article-head").inner_text()
    assert evidence.locator("script, img, b").count() == 0
    assert page.evaluate("typeof window.__ewPwned") == "undefined"
    assert page.errors == []
