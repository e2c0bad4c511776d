"""The print page as Chromium lays it out for paper: no interactive control is left visible."""

import pytest
from pdf_poppler import EDITIONS, print_page_of

pytestmark = [pytest.mark.site, pytest.mark.browser]

# A control counts as visible when it takes room and can be seen. Task-list check boxes are
# content (empty boxes to tick on paper), not controls.
VISIBLE_CONTROLS = """() => [...document.querySelectorAll(
    '.md-content button, .md-content input, .md-content select, .md-content textarea, .no-print, [data-tree]')]
  .filter(element => !element.closest('.task-list-item'))
  .filter(element => {
    const style = getComputedStyle(element), box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0';
  })
  .map(element => element.outerHTML.slice(0, 120))"""
WIDGETS = "() => document.querySelectorAll('.md-content button, .no-print, [data-tree]').length"


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_control_is_visible_on_paper(built_site, site_url, chromium, lang):
    page_dir = print_page_of(built_site, lang).parent.relative_to(built_site).as_posix()
    page = chromium.new_page()
    try:
        page.goto(f"{site_url}{page_dir}/", wait_until="load")
        page.emulate_media(media="print")
        visible = page.evaluate(VISIBLE_CONTROLS)
        widgets = page.evaluate(WIDGETS)
    finally:
        page.close()
    assert widgets > 0, "the print page holds no widget at all: this test would prove nothing"
    assert not visible, f"controls visible on paper: {visible}"
