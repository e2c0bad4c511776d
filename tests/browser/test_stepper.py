"""The decision-tree stepper in headless Chromium, against the built site served on 127.0.0.1."""

import re
from pathlib import Path

import pytest

from igcsante.trees.model import load_tree, walk
from tests.browsing import assert_local_only

pytestmark = [pytest.mark.browser, pytest.mark.site]

TREES_DIR = Path(__file__).resolve().parents[2] / "data" / "trees"
WHICH_STEPS = load_tree(TREES_DIR / "which-steps.yml")
PAGE = "decide/which-steps/"
STEPPER = '[data-tree="which-steps"]'
# City-medicine health centre, no contract yet, delegating to the vendor, INSi and the DMP.
ACCEPTANCE = ["not-signed", "city", "vendor", "insi-dmp"]


def label(answer_id, at):
    node = WHICH_STEPS.nodes[at]
    return next(a.label["en"] for a in node.answers if a.id == answer_id)


def answer_all(page, answer_ids):
    """Click, question by question, the button of each answer (found by its visible label)."""
    for n, answer_id in enumerate(answer_ids):
        at = walk(WHICH_STEPS, answer_ids[:n]).at
        question = WHICH_STEPS.nodes[at].question["en"]
        page.locator(f"{STEPPER} .tree-question").filter(has_text=question).wait_for()
        page.locator(f"{STEPPER} button", has_text=label(answer_id, at)).click()


def checklist_ids(page):
    return page.locator(f"{STEPPER} [data-outcome] li[data-item]").evaluate_all(
        "items => items.map(item => item.dataset.item)")


def test_acceptance_walk_ends_in_the_personalised_checklist(page, site_url, request_log, page_errors):
    page.goto(site_url + PAGE)
    answer_all(page, ACCEPTANCE)

    outcome = page.locator(f"{STEPPER} [data-outcome]")
    assert outcome.get_attribute("data-outcome") == "checklist"
    text = outcome.inner_text()
    assert re.search(r"form CA\b", text) and "F101" in text
    assert "delegate" in text.lower() and "F413" in text
    assert text.count("ORG AUTH_CLI") == 2 and "INSI-MANU" in text and "ORG SIGN" in text
    hrefs = outcome.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any("contrat-d-adhesion-f101" in h for h in hrefs) and any(h.endswith("F101.pdf") for h in hrefs)
    assert checklist_ids(page) == list(walk(WHICH_STEPS, ACCEPTANCE).items)

    assert f"which-steps={'.'.join(ACCEPTANCE)}" in page.url
    assert page_errors == []
    assert_local_only(request_log, site_url)


def test_reload_and_shared_link_restore_the_walk(page, site_url, request_log):
    page.goto(site_url + PAGE)
    answer_all(page, ACCEPTANCE[:2])
    page.reload()
    expected_question = WHICH_STEPS.nodes[walk(WHICH_STEPS, ACCEPTANCE[:2]).at].question["en"]
    assert page.locator(f"{STEPPER} .tree-question").inner_text() == expected_question

    page.goto(site_url + PAGE + "?which-steps=" + ".".join(ACCEPTANCE))
    assert page.locator(f"{STEPPER} [data-outcome]").get_attribute("data-outcome") == "checklist"
    assert_local_only(request_log, site_url)


def test_back_link_returns_to_the_previous_question(page, site_url):
    page.goto(site_url + PAGE)
    answer_all(page, ACCEPTANCE)
    page.locator(f"{STEPPER} .tree-back").click()
    previous = walk(WHICH_STEPS, ACCEPTANCE[:-1]).at
    assert page.locator(f"{STEPPER} .tree-question").inner_text() == WHICH_STEPS.nodes[previous].question["en"]
    assert page.url.endswith("which-steps=" + ".".join(ACCEPTANCE[:-1]))
    assert page.url.startswith(site_url + PAGE)  # the back link stays on the page

    page.locator(f"{STEPPER} .tree-restart").click()
    assert page.locator(f"{STEPPER} .tree-question").inner_text() == WHICH_STEPS.nodes[WHICH_STEPS.start].question["en"]
    assert "which-steps=" not in page.url


@pytest.mark.parametrize("answers", [
    ["unsure", "still-unsure", "unsure", "unsure", "unsure"],
    ["signed", "hospital", "several", "ourselves", "no-card", "insi"],
    ["cards-exist"],  # a link into the middle of a walk that skips the first question is ignored
])
def test_the_page_walks_like_the_python_model(page, site_url, answers):
    page.goto(site_url + PAGE + "?which-steps=" + ".".join(answers))
    expected = walk(WHICH_STEPS, answers)
    if expected.at in WHICH_STEPS.outcomes:
        assert checklist_ids(page) == list(expected.items)
    else:
        assert page.locator(f"{STEPPER} .tree-question").inner_text() == WHICH_STEPS.nodes[expected.at].question["en"]
        assert page.locator(f"{STEPPER} button").count() == len(WHICH_STEPS.nodes[expected.at].answers)


def test_stepper_starts_after_instant_navigation(page, site_url, request_log, instant_navigation):
    page.goto(site_url)
    page.locator(f'a[href$="{PAGE}"]').first.click()
    page.locator(f"{STEPPER} button").first.wait_for()
    # Material swapped the page in place: the document is still the one loaded for the home page.
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site_url
    assert page.locator(f"{STEPPER} .tree-stepper-nojs").count() == 0
    # The diagram is rendered by the vendored Mermaid (Material swaps the <pre> for a div).
    page.locator("div.mermaid").wait_for()
    assert any(url.endswith("/assets/vendor/mermaid/mermaid.min.js") for url in request_log)
    assert_local_only(request_log, site_url)


def test_without_javascript_the_outline_carries_the_tree(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert page.locator(f"{STEPPER} .tree-stepper-nojs").is_visible()
        outline = page.locator('[data-tree-outline="which-steps"]')
        assert outline.is_visible()
        for node in WHICH_STEPS.nodes.values():
            assert node.question["en"] in outline.inner_text()
    finally:
        context.close()
