"""The mkdocs-macros module: what pages may call ({{ link('f413_pdf') }}, trees, glossary...).

Each topic lives in its own module beside this one and registers its macros through
`define_env`; pages never hard-code what `data/` holds.
"""


def define_env(env):
    """Called by mkdocs-macros once per build."""
