/* Checker page: after htmx swaps in new results or rows, move focus to what changed, so
   keyboard and screen-reader users land on it. The page works fully without this file. */
(function () {
  "use strict";

  document.addEventListener("htmx:afterSettle", function () {
    // An error summary first, then a newly added row, then the results heading.
    var target = document.querySelector("#results [data-app-focus]") ||
      document.querySelector("#check-form [data-checker-focus]") ||
      document.querySelector("#results [data-checker-focus]");
    if (target) {
      target.focus();
    }
  });
})();
