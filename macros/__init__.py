"""The mkdocs-macros module: what pages may call ({{ link('f413_pdf') }}, trees, glossary...).

Each topic lives in its own module beside this one and registers its macros through
`define_env`; pages never hard-code what `data/` holds.
"""

from . import checker, glossary, guide_pdf, links, trees


def define_env(env):
    """Called by mkdocs-macros once per build."""
    links.register(env)
    glossary.register(env)
    guide_pdf.register(env)
    trees.register(env)
    checker.register(env)
