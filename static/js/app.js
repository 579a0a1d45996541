/* LDN Guide: small progressive enhancements. The site works fully without this file. */
(function () {
  "use strict";

  // Move focus to an error summary (or other marked element) when it appears,
  // on first load and after an htmx swap, so screen readers announce it.
  function focusMarked(root) {
    var el = (root || document).querySelector("[data-app-focus]");
    if (el) { el.focus(); }
  }

  // Buttons marked data-app-print open the browser's print dialog.
  function wirePrintButtons(root) {
    (root || document).querySelectorAll("[data-app-print]").forEach(function (button) {
      if (button.dataset.appPrintWired) { return; }
      button.dataset.appPrintWired = "1";
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Folded details ("More about this", sources) print open; they fold back afterwards.
  // (The print style sheet opens them too, for browsers that print without this script.)
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details"), function (details) {
      return !details.open;
    });
    openedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  document.addEventListener("DOMContentLoaded", function () {
    focusMarked(document);
    wirePrintButtons(document);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    focusMarked(event.detail.target);
    wirePrintButtons(event.detail.target);
  });
})();
