/* Checker page: after htmx swaps in new results or rows, move focus to what changed, so
   keyboard and screen-reader users land on it; if an htmx request fails, fall back to the
   ordinary form post. The page works fully without this file. */
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

  // If a request fails (too many checks, a fault on the server, no connection), do what the
  // page does without JavaScript: send the form the ordinary way. The patient then sees the
  // answer, or the site's own page about the problem, never a button that does nothing.
  function sendTheOrdinaryWay(event) {
    var button = event.detail.elt;
    var form = button && button.form;
    if (!form || form.dataset.checkerSentOrdinaryWay) {
      return;
    }
    form.dataset.checkerSentOrdinaryWay = "1";
    form.requestSubmit(button.type === "submit" ? button : null);
  }
  document.addEventListener("htmx:responseError", sendTheOrdinaryWay);
  document.addEventListener("htmx:sendError", sendTheOrdinaryWay);
})();
