"""Link checks for the guide: every external URL in data/links.yml must still be what the guide says.

`registry` loads and validates data/links.yml; `fetch` downloads a target politely (one request per
second per host, retries, Retry-After); `classify` turns what came back into problem codes;
`check` runs every entry concurrently; `report` renders text, JSON or Markdown; `scan` finds the
external URLs of the built site that the registry does not hold; `cli` is `igcsante links`.
"""
