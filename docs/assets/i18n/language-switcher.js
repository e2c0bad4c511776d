// The language switcher leads to the same page in the other edition. The build writes the right
// links into each page (macros/language_editions.py), but instant navigation does not redraw the
// header: after every navigation within an edition, point the links at the new page's twin,
// keeping the query string (a decision tree's answers are the same in both languages).
(() => {
  const links = [...document.querySelectorAll("a.md-select__link[data-edition-root]")];
  const current = links.findIndex(link => link.hreflang === document.documentElement.lang);
  if (current < 0 || typeof document$ === "undefined") return;
  // Each edition's root as an absolute path, resolved once against the page first loaded.
  const roots = links.map(link => new URL(link.dataset.editionRoot, location.href).pathname);
  document$.subscribe(() => {
    if (!location.pathname.startsWith(roots[current])) return;
    const path = location.pathname.slice(roots[current].length);
    links.forEach((link, i) => { link.href = roots[i] + path + location.search; });
  });
})();
