"""Run axe-core (from npm, see package.json) in a Playwright page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitebuild import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "atl-test-axe.min.js"
# WCAG 2.0/2.1 A and AA, and axe's best practices (aria-dialog-name, region, heading-order...)
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Page) -> list[str]:
    """One line per violated rule: its id and the elements that fail it."""
    if not page.evaluate("'axe' in window"):
        # served from the site's own origin: the site's Content-Security-Policy allows no other
        # script, and the page is judged as readers get it, policy and all
        page.route(f"**/{AXE_URL}", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
        page.add_script_tag(url=page.evaluate("(name) => new URL(`/${name}`, location).href", AXE_URL))
    return page.evaluate(
        """async (tags) => {
          // judge the page at rest, not colours half-way through a fade
          document.getAnimations().forEach((animation) => animation.finish());
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
          return result.violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        }""",
        RULE_TAGS,
    )
