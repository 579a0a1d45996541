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

/* The reading grade of each field patients read, as staff type: the admin's reading-grade
   address answers by the same rules as the patient-side test (education/readability.py). */
(function () {
  "use strict";

  function csrfToken(field) {
    var form = field.form;
    var input = form ? form.querySelector("input[name=csrfmiddlewaretoken]") : null;
    return input ? input.value : "";
  }

  function watch(field) {
    var note = document.createElement("p");
    note.className = "help app-reading-grade";
    note.id = (field.id || field.name) + "_grade";
    note.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", note);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + note.id : note.id);
    var timer = null;
    var asked = 0;

    function ask() {
      var number = ++asked;
      var body = new URLSearchParams();
      body.set("text", field.value);
      fetch(field.getAttribute("data-reading-grade"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(field) },
        body: body,
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && number === asked) {
            note.textContent = (field.getAttribute("data-reading-label") || "Reading grade") + ": " + answer.grade;
          }
        })
        .catch(function () {
          note.textContent = "";
        });
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 400);
    });
    ask();
  }

  function start() {
    var fields = document.querySelectorAll("[data-reading-grade]");
    for (var i = 0; i < fields.length; i += 1) {
      // Skip the empty template row Django copies for "Add another".
      if (!/__prefix__/.test(fields[i].name)) {
        watch(fields[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
