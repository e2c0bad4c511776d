/* Defines the global `mermaid` before Material's bundle runs, so Material never fetches Mermaid
   from its CDN. The real library (vendored from npm by macros/mermaid_vendor.py) is loaded only
   the first time Material asks to render a diagram. */
(function () {
  "use strict";
  var libraryUrl = new URL("../vendor/mermaid/mermaid.min.js", document.currentScript.src).href;
  var settings = {};
  var library = null;

  function load() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = libraryUrl;
        script.onload = function () {
          var real = window.mermaid;
          window.mermaid = standIn;  // keep answering Material's later calls through this object
          real.initialize(settings);
          resolve(real);
        };
        script.onerror = function () { reject(new Error("Mermaid could not be loaded from " + libraryUrl)); };
        document.head.appendChild(script);
      });
    }
    return library;
  }

  var standIn = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, text) {
      return load().then(function (real) { return real.render(id, text); });
    }
  };
  window.mermaid = standIn;
})();
