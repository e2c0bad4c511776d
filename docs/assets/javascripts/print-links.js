// Paper has no hover: print.css prints the URL after every link to another site, which this
// marks with the class `external-url`. Material's instant navigation rewrites every relative
// href into an absolute one, so "external" is decided by origin, not by the href's spelling.
document$.subscribe(() => {
  for (const anchor of document.querySelectorAll(".md-content a[href]")) {
    if (/^https?:$/.test(anchor.protocol) && anchor.origin !== location.origin) {
      anchor.classList.add("external-url");
    }
  }
});
