/* The decision-tree stepper: one question at a time, inside each [data-tree] root that the
   {{ tree('<id>') }} macro writes (macros/tree_views.py). The tree comes as JSON in the root's data-tree-data; the
   answers given so far live in the address, ?<tree id>=<answer id>.<answer id>..., so a link can
   be shared and a reload shows the same step. Walking follows igcsante.trees.model.walk. */
(function () {
  "use strict";

  function walk(tree, answerIds) {
    var at = tree.start, steps = [], gathered = {};
    for (var i = 0; i < answerIds.length; i++) {
      var node = tree.nodes[at];
      var answer = node && node.answers.filter(function (a) { return a.id === answerIds[i]; })[0];
      if (!answer || !answer.next) break;
      steps.push({ node: node, answer: answer });
      answer.adds.forEach(function (id) { gathered[id] = true; });
      at = answer.next;
    }
    if (tree.outcomes[at]) tree.outcomes[at].items.forEach(function (id) { gathered[id] = true; });
    return { at: at, steps: steps, items: tree.order.filter(function (id) { return gathered[id]; }) };
  }

  function readPath(treeId) {
    var value = new URLSearchParams(window.location.search).get(treeId);
    return value ? value.split(".") : [];
  }

  function writePath(treeId, answerIds) {
    var url = new URL(window.location.href);
    if (answerIds.length) url.searchParams.set(treeId, answerIds.join("."));
    else url.searchParams.delete(treeId);
    // replaceState: Material's instant navigation owns the history entries.
    window.history.replaceState(window.history.state, "", url.href);
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function itemElement(tree, itemId) {
    var item = tree.items[itemId];
    var li = el("li", { "data-item": itemId }, [item.text]);
    if (item.links.length) {
      var links = el("span", { class: "tree-links" });
      item.links.forEach(function (link, n) {
        if (n) links.appendChild(document.createTextNode(" · "));
        links.appendChild(el("a", { href: link.href }, [link.label]));
      });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(links);
    }
    return li;
  }

  function answersGiven(tree, steps) {
    var list = el("ol", { class: "tree-given" });
    steps.forEach(function (step) {
      list.appendChild(el("li", {}, [step.node.question + " ", el("strong", {}, [step.answer.label])]));
    });
    return el("details", { class: "tree-given-answers" }, [el("summary", {}, [tree.ui.your_answers]), list]);
  }

  function render(root, tree, answerIds) {
    var state = walk(tree, answerIds);
    var given = state.steps.map(function (step) { return step.answer.id; });
    var body = el("div", { class: "tree-stepper-body" });

    function go(path) {
      writePath(tree.id, path);
      render(root, tree, path);
      var focus = root.querySelector("[data-focus]");
      if (focus) focus.focus();
    }

    if (tree.nodes[state.at]) {
      var node = tree.nodes[state.at];
      body.appendChild(el("p", { class: "tree-step" }, [tree.ui.step.replace("{n}", String(given.length + 1))]));
      body.appendChild(el("p", { class: "tree-question", tabindex: "-1", "data-focus": "" }, [node.question]));
      if (node.help) body.appendChild(el("p", { class: "tree-help" }, [node.help]));
      var answers = el("div", { class: "tree-answers" });
      node.answers.forEach(function (answer) {
        var button = el("button", { type: "button", class: "md-button" + (answer.unsure ? " tree-unsure" : " md-button--primary"),
                                    "data-answer": answer.id }, [answer.label]);
        button.addEventListener("click", function () { go(given.concat([answer.id])); });
        answers.appendChild(button);
      });
      body.appendChild(answers);
    } else {
      var outcome = tree.outcomes[state.at];
      var result = el("section", { class: "tree-outcome", "data-outcome": state.at });
      result.appendChild(el("p", { class: "tree-question", tabindex: "-1", "data-focus": "" }, [outcome.title]));
      result.appendChild(el("p", {}, [outcome.summary]));
      var checklist = el("ol", { class: "tree-checklist" });
      state.items.forEach(function (itemId) { checklist.appendChild(itemElement(tree, itemId)); });
      result.appendChild(checklist);
      body.appendChild(result);
    }

    if (given.length) {
      body.appendChild(answersGiven(tree, state.steps));
      var nav = el("p", { class: "tree-nav" });
      var back = el("a", { href: "#", class: "tree-back", role: "button" }, ["← " + tree.ui.back]);
      back.addEventListener("click", function (event) {
        // Stop here so that Material's instant navigation does not treat it as a page link.
        event.preventDefault();
        event.stopPropagation();
        go(given.slice(0, -1));
      });
      var restart = el("a", { href: "#", class: "tree-restart", role: "button" }, [tree.ui.restart]);
      restart.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        go([]);
      });
      nav.appendChild(back);
      nav.appendChild(document.createTextNode(" · "));
      nav.appendChild(restart);
      body.appendChild(nav);
    }

    var old = root.querySelector(".tree-stepper-body");
    if (old) root.replaceChild(body, old); else root.appendChild(body);
  }

  function mount(root) {
    if (root.hasAttribute("data-mounted") || !root.hasAttribute("data-tree-data")) return;
    var tree = JSON.parse(root.getAttribute("data-tree-data"));
    var fallback = root.querySelector(".tree-stepper-nojs");
    if (fallback) fallback.remove();
    root.setAttribute("data-mounted", "");
    render(root, tree, readPath(tree.id));
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tree]"), mount);
  }

  // With navigation.instant the page is swapped without reloading scripts: Material's document$
  // emits for every new page. Without Material's bundle, the DOM is ready when this runs (defer).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
