/* LDN Guide admin: a warning before leaving a form with edits that are not saved.
   A static file (the strict CSP allows no inline script); the admin works without it. */
(function () {
  "use strict";

  function editingForm() {
    var forms = document.querySelectorAll("#content-main form[method='post'], #content-main form[method='POST']");
    for (var i = 0; i < forms.length; i += 1) {
      if (forms[i].querySelector("[type='submit'][name='_save'], input[name='_save']")) {
        return forms[i];
      }
    }
    return null;
  }

  function start() {
    var form = editingForm();
    if (!form) {
      return;
    }
    // A form shown again unsaved (a refused change, a preview) holds edits already.
    var dirty = document.querySelector("[data-app-unsaved]") !== null;
    form.setAttribute("data-app-dirty", dirty ? "yes" : "no");
    function mark() {
      dirty = true;
      form.setAttribute("data-app-dirty", "yes");
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () {
      dirty = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) {
        return undefined;
      }
      event.preventDefault();
      event.returnValue = "You have changes that are not saved.";
      return event.returnValue;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
