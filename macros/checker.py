"""Macros of the checker pages: {{ checker_widget() }} and {{ findings_reference() }}.

The widget's markup works without JavaScript as an explanation of the command line (the PDF, a
saved copy opened from file://); assets/checker/checker.js brings it to life when the page is
served. Both macros read the findings registry of igcsante.cert, the checker's own source of
truth, so the page, the reference and the command line can never disagree on a code.
"""

import html
import json
import posixpath
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url

from igcsante.cert.findings import reference

from .guide_pages import page_title as guide_page_title
from .guide_pages import page_url
from .i18n import edition_root, page_language, pick
from .links import load_links

UI_FILE = Path("data") / "checker_ui.yml"
FINDINGS_PAGE = "checker/findings.md"


def load_ui_texts(project_dir) -> dict[str, dict]:
    """Every text of data/checker_ui.yml, in every language."""
    with open(Path(project_dir) / UI_FILE, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def page_title(docs_dir, lang: str, md_path: str) -> str:
    """The title of a guide page, as the label of a link to it."""
    source = Path(docs_dir) / lang / md_path.partition("#")[0]
    return guide_page_title(source) if source.is_file() else md_path


def citation_targets(env, links: dict, lang: str) -> dict[str, dict[str, str]]:
    """Every citation of the registry -> {href (relative to the current page), label}."""
    here = env.page.url
    targets = {}
    for finding in reference(lang):
        citation = finding["citation"]
        if citation in targets:
            continue
        if citation in links:
            targets[citation] = {"href": links[citation].url, "label": pick(links[citation].label, lang)}
        elif citation.partition("#")[0].endswith(".md"):
            href = get_relative_url(edition_root(lang) + page_url(citation), here)
            targets[citation] = {"href": href, "label": page_title(env.conf["docs_dir"], lang, citation)}
        else:
            raise ValueError(f"finding {finding['code']}: citation '{citation}' is neither a link id nor a page")
    return targets


def register(env):
    # Read once per build; each page picks its language.
    links = load_links(env.project_dir)
    ui_texts = load_ui_texts(env.project_dir)

    def strings_in(lang: str) -> dict[str, str]:
        return {key: pick(texts, lang) for key, texts in ui_texts.items()}

    @env.macro
    def checker_widget() -> str:
        """The in-page checker (HTML). Its texts, citations and links are in the page's language."""
        lang = page_language(env)
        strings = strings_in(lang)
        config = {
            "lang": lang,
            "strings": strings,
            "citations": citation_targets(env, links, lang),
            "findings": get_relative_url(edition_root(lang) + page_url(FINDINGS_PAGE), env.page.url),
        }
        text = {key: html.escape(value) for key, value in strings.items()}

        def options(prefix, values):
            return "".join(f'<option value="{value}">{text[prefix + value]}</option>' for value in values)

        # An attribute, not a JSON <script>: Material's instant navigation re-creates the scripts
        # of each new page, and the Content-Security-Policy would refuse that one.
        data = html.escape(json.dumps(config, ensure_ascii=False))
        return f"""<div id="igc-checker" class="igc-checker" data-config="{data}">
<div class="igc-checker__offline">
<p><strong>{text['offline_title']}.</strong> {text['offline_text']}</p>
<pre><code>{text['offline_command']}</code></pre>
</div>
<div class="igc-checker__live no-print" hidden>
<p class="igc-checker__privacy">{text['privacy']}</p>
<div class="igc-checker__status" role="status" aria-live="polite">
<progress class="igc-checker__progress" max="3" value="0"></progress>
<span class="igc-checker__stage">{text['stage_runtime']}</span>
</div>
<div class="igc-checker__options">
<label>{text['use_label']} <select name="use">{options('use_', ['auto', 'insi', 'dmp-auth', 'dmp-sign'])}</select></label>
<label>{text['env_label']} <select name="env">{options('env_', ['prod', 'test'])}</select></label>
</div>
<div class="igc-checker__drop" tabindex="0">
<p>{text['drop_text']}</p>
<label class="md-button">{text['choose_file']}
<input type="file" name="file" multiple accept=".cer,.crt,.pem,.der,.csr,.req,.p7b,.p7c,.p12,.pfx,.key,.txt"></label>
</div>
<form class="igc-checker__password" hidden>
<label><span class="igc-checker__password-label"></span>
<input type="password" name="password" autocomplete="off"></label>
<button type="submit" class="md-button">{text['password_button']}</button>
<p class="igc-checker__hint">{text['password_hint']}</p>
</form>
<details class="igc-checker__paste">
<summary>{text['paste_summary']}</summary>
<label>{text['paste_label']}<textarea name="pem" rows="8" spellcheck="false"></textarea></label>
<button type="button" class="md-button igc-checker__paste-button">{text['paste_button']}</button>
</details>
<section class="igc-checker__results" aria-live="polite"></section>
<div class="igc-checker__report" hidden>
<button type="button" class="md-button" data-report="copy">{text['copy_report']}</button>
<button type="button" class="md-button" data-report="markdown">{text['download_markdown']}</button>
<button type="button" class="md-button" data-report="json">{text['download_json']}</button>
<span class="igc-checker__report-status" role="status"></span>
</div>
</div>
</div>"""

    @env.macro
    def findings_reference() -> str:
        """One section per finding code (anchor = the code), from the checker's registry (Markdown)."""
        lang = page_language(env)
        strings = strings_in(lang)
        here = posixpath.dirname(env.page.file.src_uri)
        sections = []
        for finding in reference(lang):
            code, citation = finding["code"], finding["citation"]
            if citation in links:
                target = f"[{pick(links[citation].label, lang)}]({links[citation].url})"
            else:  # a guide page: a Markdown link, so a strict build checks it (and its anchor)
                path, _, anchor = citation.partition("#")
                href = posixpath.relpath(path, here) + (f"#{anchor}" if anchor else "")
                target = f"[{page_title(env.conf['docs_dir'], lang, citation)}]({href})"
            sections.append(
                f"### {_text(finding['title'])} {{#{code} data-code=\"{code}\"}}\n\n"
                f"`{code}` · **{strings['severity_' + finding['severity']]}**\n\n"
                f"**{strings['why']}.** {_text(finding['why'])}\n\n"
                f"**{strings['fix']}.** {_text(finding['fix'])}\n\n"
                f"{strings['guide']} {target}\n"
            )
        return "\n".join(sections)


def _text(value: str) -> str:
    """A registry text as Markdown text: no HTML, no accidental emphasis."""
    return html.escape(value, quote=False).replace("*", "\\*").replace("_", "\\_")
