#!/usr/bin/env python3
"""The dashboard of `posture serve` in a real browser (issue 11).

Run by tests/test_dashboard.rs against a running server it has seeded: headless Chromium (Debian's,
/usr/bin/chromium, driven by Playwright for Python through `executable_path`) signs in with the
admin token read from a file, filters, sorts, opens an organisation, downloads its CSV and checks
its rows, visits every page, switches to English, prints, signs out — and saves a screenshot of
each page into --out (a temporary directory, never the repository). Any failed check, and any
message the browser logs as an error (a Content-Security-Policy violation among them), exits 1.

Usage: dashboard.py --url URL --token-file FILE --out DIR --organisation NAME --assessments N
"""

import argparse
import csv
import io
import json
import pathlib
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--organisation", required=True, help="an organisation to open")
    parser.add_argument("--assessments", type=int, required=True, help="how many it has")
    parser.add_argument("--organisations", type=int, required=True, help="how many in all")
    parser.add_argument("--sector", required=True, help="a sector to filter on")
    parser.add_argument("--in-sector", type=int, required=True, help="how many of it")
    parser.add_argument("--peers", required=True, help="SECTOR/SIZE with five peers or more")
    args = parser.parse_args()
    url = args.url.rstrip("/")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    token = pathlib.Path(args.token_file).read_text(encoding="utf-8").strip()
    errors = []
    shots = []

    def shot(page, name, full=True):
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        shots.append(str(path))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(
            ignore_https_errors=True,
            accept_downloads=True,
            viewport={"width": 1366, "height": 860},
            locale="fr-FR",
        )
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        # Signed out: every page leads to the sign-in form.
        for path in ["/organisations", "/heatmap", "/overdue", "/peers"]:
            page.goto(url + path)
            check("/login" in page.url, f"{path} signed out went to {page.url}")
        check(page.locator("html").get_attribute("lang") == "fr", "French first")
        shot(page, "01-sign-in")

        # A wrong token is refused, with a message.
        page.fill("#token", "pst_not-a-token")
        with page.expect_navigation():
            page.click("main button[type=submit]")
        page.locator(".notice.error").wait_for(timeout=10000)
        # The refused sign-in is a 401, which the browser logs; nothing else may be.
        check(all("401" in e for e in errors), f"browser errors: {errors}")
        errors.clear()

        # The admin token signs in; the session cookie is out of the page's reach.
        page.fill("#token", token)
        page.click("main button[type=submit]")
        page.wait_for_url("**/organisations")
        cookie = [c for c in context.cookies() if c["name"] == "posture_session"]
        check(len(cookie) == 1, "a session cookie")
        check(cookie[0]["httpOnly"] and cookie[0]["secure"], "HttpOnly and Secure")
        check(cookie[0]["sameSite"] == "Strict", "SameSite=Strict")
        check(token not in cookie[0]["value"], "the cookie is not the token")
        check("posture_session" not in page.evaluate("document.cookie"), "HttpOnly")

        rows = page.locator("table.orgs tbody tr")
        check(rows.count() == min(args.organisations, 50), f"{rows.count()} rows")
        check(page.locator(".badge.late").count() > 0, "an overdue badge")
        check(page.locator(".change.up, .change.down").count() > 0, "a change ▲ ▼")
        shot(page, "02-organisations")

        # Filtering: the select submits itself (the small script) …
        page.select_option("select[name=sector]", args.sector)
        page.wait_for_url(f"**sector=*")
        sectors = page.locator("table.orgs tbody tr td:nth-child(2)").all_inner_texts()
        check(len(sectors) == args.in_sector, f"{len(sectors)} rows in {args.sector}")
        check(all(s == args.sector for s in sectors), f"only {args.sector}: {sectors}")
        shot(page, "03-organisations-filtered")

        # … and sorting by index, highest first (two clicks on the column).
        page.goto(url + "/organisations")
        page.click("thead a:has-text('Indice')")
        page.wait_for_url("**sort=score**")
        page.click("thead a:has-text('Indice')")
        page.wait_for_url("**dir=desc**")
        scores = [
            float(s.replace(",", ".").replace("\u202f", ""))
            for s in page.locator("table.orgs tbody tr td:nth-child(5)").all_inner_texts()
            if s.strip()
        ]
        check(scores == sorted(scores, reverse=True), f"by index, descending: {scores}")

        # The heat map: every cell a number.
        page.click("nav.sections a[href='/heatmap']")
        page.wait_for_url("**/heatmap")
        cells = page.locator("table.heat td.lvl").all_inner_texts()
        check(len(cells) >= 13, f"{len(cells)} cells")
        check(all(c.strip() in {"0", "1", "2", "3", "4"} for c in cells), "numbers in cells")
        shot(page, "04-heatmap")

        # One organisation: charts with their text alternative, the downloads.
        page.goto(url + "/organisations")
        page.click(f"table.orgs a:text-is('{args.organisation}')")
        page.wait_for_url("**/organisations/*")
        check(page.locator("h1").inner_text() == args.organisation, "its page")
        charts = page.locator("figure svg[role=img]")
        check(charts.count() == 2, f"{charts.count()} charts (line and radar)")
        for index in range(charts.count()):
            labelled = charts.nth(index).get_attribute("aria-labelledby") or ""
            check(labelled.strip() != "", "a chart has its text alternative")
        shot(page, "05-organisation")
        with page.expect_download() as download:
            page.click("a:has-text('CSV des évaluations de cette organisation')")
        text = pathlib.Path(download.value.path()).read_text(encoding="utf-8-sig")
        table = list(csv.reader(io.StringIO(text)))
        check(table[0][:5] == ["organisation", "assessment_id", "date", "score", "level"],
              f"CSV header {table[0][:5]}")
        check(len(table) - 1 == args.assessments, f"{len(table) - 1} CSV rows")
        check(all(row[0] == args.organisation for row in table[1:]), "its rows only")
        dates = [row[2] for row in table[1:]]
        check(dates == sorted(dates), "oldest first")
        with page.expect_download() as download:
            page.locator("a[href^='/documents/']").first.click()
        document = json.loads(pathlib.Path(download.value.path()).read_text(encoding="utf-8"))
        check(document["schema_version"] == 1, "a report JSON")
        page.emulate_media(media="print")
        shot(page, "06-organisation-print")
        page.emulate_media(media="screen")

        # Overdue, with the contacts.
        page.click("nav.sections a[href='/overdue']")
        page.wait_for_url("**/overdue")
        check(page.locator("table.overdue tbody tr").count() > 0, "someone is overdue")
        check("Référent SSI" in page.locator("table.overdue").inner_text(), "the contacts")
        shot(page, "07-overdue")

        # Peers: a box plot and its figures.
        page.click("nav.sections a[href='/peers']")
        page.wait_for_url("**/peers")
        peer_sector, peer_size = args.peers.split("/")
        page.select_option("select[name=sector]", peer_sector)
        page.select_option("select[name=size]", peer_size)
        page.click("main button[type=submit]")
        page.wait_for_url("**/peers?*")
        check(page.locator("figure svg[role=img]").count() == 1, "a box plot")
        shot(page, "08-peers")

        # English, remembered.
        page.click("a.lang")
        check(page.locator("html").get_attribute("lang") == "en", "English")
        page.click("nav.sections a[href='/organisations']")
        check(page.locator("h1").inner_text() == "Organisations", "still English")
        check(page.locator("thead").inner_text().find("Latest assessment") >= 0, "English words")
        shot(page, "09-organisations-en")

        # Sign out: the pages are closed again.
        page.click("header button:has-text('Sign out')")
        page.wait_for_url("**/login**")
        page.goto(url + "/organisations")
        check("/login" in page.url, "signed out")
        browser.close()

    check(errors == [], f"browser errors: {errors}")
    print(json.dumps({"screenshots": shots}))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
