"""A heuristic for English left in a French page: common English words in its visible text.

Code, diagrams, the language switcher, exact values to type (`INSI-MANU`) and anything marked
lang="en" are left out; what remains is what a French reader reads.
"""

import re

from bs4 import BeautifulSoup

# Words that are frequent in any English sentence and never French words.
STRONG = {"the", "your", "which", "you", "and"}
COMMON = STRONG | {"with", "this", "that", "for", "are", "is", "of", "to", "it", "will", "from", "not"}
WORD = re.compile(r"[A-Za-z']+")
BLOCKS = "p, li, td, th, h1, h2, h3, h4, h5, h6, dt, dd, summary, label, button, option, figcaption, caption, title"
HIDDEN = "script, style, code, pre, kbd, svg, body [lang=en], .exact-value, .md-select"


def english_passages(html: str) -> list[str]:
    """The blocks of visible text that read as English: one strong English word, or two common ones."""
    document = BeautifulSoup(html, "html.parser")
    for element in document.select(HIDDEN):
        element.decompose()
    passages = []
    for block in document.select(BLOCKS):
        text = " ".join(block.get_text(" ").split())
        words = {word.lower() for word in WORD.findall(text)}
        if words & STRONG or len(words & COMMON) >= 2:
            passages.append(text)
    return passages
