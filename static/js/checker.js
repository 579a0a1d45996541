/* Checker page, with JavaScript: the page works fully without this file.

   - The list: each medicine box becomes a one-line field with name suggestions (fetched, once,
     from a separate cached file when the patient first types). "Add another medicine" and
     "Remove" change the rows in the page, the GOV.UK / MoJ "add another" way, with no request.
     A pasted list becomes one row a line. Enter goes to the next row (adding one at the end);
     Enter in an empty row after typing a list checks it. A lone empty row has no Remove.
   - htmx itself is loaded only when the patient first uses the form, so the page is light on a
     slow phone; until it is there, every button works the ordinary way.
   - While a check is on its way the results are aria-busy and the page says it is checking.
   - After htmx swaps in results, focus moves once: to the error summary, or the results.
   - If an htmx request fails, the form is sent the ordinary way. */
(function () {
  "use strict";

  var form = document.getElementById("check-form");
  if (!form) { return; }

  var ROW_INPUT = ".app-med-row__input";
  // The same rule as checker.forms.split_list: one entry a line, without bullets or numbers.
  var LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u000b\u000c\u0085]/;
  var LIST_MARKER = /^\s*(?:[-*\u2022\u00b7\u2013\u2014]|\d{1,2}[.)])\s+/;

  function splitList(text) {
    return text.split(LINE_BREAK).map(function (line) {
      return line.replace(LIST_MARKER, "").trim();
    }).filter(function (line) { return line !== ""; });
  }

  function currentForm() { return document.getElementById("check-form"); }
  function rowList() { return currentForm().querySelector("[data-checker-rows]"); }
  function rows() { return Array.prototype.slice.call(rowList().children); }
  function inputOf(row) { return row.querySelector(ROW_INPUT); }

  // --- Rows: one-line fields with suggestions ------------------------------------------------

  // The server sends each box as a textarea, so that without JavaScript a pasted list keeps
  // its lines. Here every box becomes a one-line field that can offer name suggestions.
  function upgradeBoxes(root) {
    root.querySelectorAll("textarea" + ROW_INPUT).forEach(function (box) {
      var field = document.createElement("input");
      Array.prototype.forEach.call(box.attributes, function (attribute) {
        if (attribute.name !== "rows") { field.setAttribute(attribute.name, attribute.value); }
      });
      field.type = "text";
      field.value = box.value;
      field.setAttribute("list", "medicine-names");
      // A patient may already be in the box while the page loads (a slow phone): they stay
      // in it, with the cursor where it was, and their suggestions still come.
      var focused = document.activeElement === box;
      var start = box.selectionStart;
      var end = box.selectionEnd;
      box.replaceWith(field);
      if (focused) {
        field.focus();
        try { field.setSelectionRange(start, end); } catch (ignore) { /* not a text field */ }
        loadSuggestions();
      }
    });
  }

  var suggestionsAsked = false;
  function loadSuggestions() {
    var list = document.getElementById("medicine-names");
    var address = currentForm().dataset.names;
    if (suggestionsAsked || !list || !address || !window.fetch) { return; }
    suggestionsAsked = true;
    fetch(address, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (text) {
      var options = document.createDocumentFragment();
      text.split("\n").forEach(function (name) {
        if (name) {
          var option = document.createElement("option");
          option.value = name;
          options.appendChild(option);
        }
      });
      list.replaceChildren(options);
    }).catch(function () { suggestionsAsked = false; });
  }

  // The row words in the page's language, from the form: "Medicine #" / "Medicina #".
  function rowWords(name, fallback, number) {
    var form = document.getElementById("check-form");
    var pattern = (form && form.dataset[name]) || fallback;
    return pattern.replace("#", String(number));
  }

  function renumber() {
    rows().forEach(function (row, index) {
      var number = index + 1;
      var label = row.querySelector(".app-label");
      var field = inputOf(row);
      var remove = row.querySelector(".app-med-row__remove");
      label.textContent = rowWords("rowLabel", "Medicine #", number);
      label.htmlFor = "medicine-" + number;
      field.id = "medicine-" + number;
      if (remove) {
        remove.value = "remove-" + number;
        remove.querySelector(".app-visually-hidden").textContent = " " + rowWords("removeLabel", "medicine #", number);
      }
    });
    updateRemoveButtons();
  }

  function updateRemoveButtons() {
    var all = rows();
    all.forEach(function (row) {
      var remove = row.querySelector(".app-med-row__remove");
      if (remove) { remove.hidden = all.length === 1 && inputOf(row).value.trim() === ""; }
    });
  }

  // Row numbers move when a row goes, so messages about "Medicine 3" would point elsewhere
  // (the server forgets them too).
  function forgetErrors() {
    rows().forEach(function (row) {
      row.classList.remove("app-form-group--error");
      row.querySelectorAll(".app-error-message").forEach(function (message) { message.remove(); });
      var field = inputOf(row);
      field.classList.remove("app-input--error");
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
    var summary = document.getElementById("error-summary");
    if (summary) { summary.replaceChildren(); }
  }

  function newRow() {
    var row = rows()[0].cloneNode(true);
    row.classList.remove("app-form-group--error");
    row.querySelectorAll(".app-error-message").forEach(function (message) { message.remove(); });
    var field = inputOf(row);
    field.value = "";
    field.classList.remove("app-input--error");
    ["aria-invalid", "aria-describedby", "data-checker-focus", "autofocus"].forEach(function (name) {
      field.removeAttribute(name);
    });
    return row;
  }

  function addRowAfter(row) {
    var added = newRow();
    if (row && row.nextSibling) { rowList().insertBefore(added, row.nextSibling); } else { rowList().appendChild(added); }
    renumber();
    return added;
  }

  function say(message) {
    var status = currentForm().querySelector("[data-checker-list-status]");
    if (status) { status.textContent = message; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#add-medicine, .app-med-row__remove");
    if (!button || !currentForm().contains(button)) { return; }
    if (button.id === "add-medicine") {
      // At the limit the server says so, the ordinary way.
      if (rows().length >= Number(currentForm().dataset.maxRows || 50)) { return; }
      event.preventDefault();
      var all = rows();
      inputOf(addRowAfter(all[all.length - 1])).focus();
      return;
    }
    event.preventDefault();
    var row = button.closest(".app-med-row");
    var index = rows().indexOf(row);
    forgetErrors();
    if (rows().length === 1) {
      inputOf(row).value = "";
    } else {
      row.remove();
    }
    renumber();
    var left = rows();
    inputOf(left[Math.min(index, left.length - 1)]).focus();
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(ROW_INPUT)) { updateRemoveButtons(); }
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(ROW_INPUT)) { loadSuggestions(); }
  });

  // A pasted list: the first line where the cursor is, each next line in the next empty row
  // (a new row when there is none), in order.
  document.addEventListener("paste", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches(ROW_INPUT) || !event.clipboardData) { return; }
    var lines = splitList(event.clipboardData.getData("text/plain"));
    if (lines.length < 2) { return; }
    event.preventDefault();
    var value = field.value;
    var start = field.selectionStart === null ? value.length : field.selectionStart;
    var end = field.selectionEnd === null ? value.length : field.selectionEnd;
    field.value = (value.slice(0, start) + lines[0] + value.slice(end)).trim();
    var row = field.closest(".app-med-row");
    lines.slice(1).forEach(function (line) {
      var next = row.nextElementSibling;
      row = next && inputOf(next).value.trim() === "" ? next : addRowAfter(row);
      inputOf(row).value = line;
    });
    updateRemoveButtons();
    inputOf(row).focus();
    say(lines.length + " medicines added from your list, one on each line.");
  });

  // Enter (a phone's Next or Go key) moves to the next row, as in a list; in an empty row
  // after a list has been typed, it checks the list.
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || event.isComposing || event.shiftKey || event.ctrlKey ||
        event.altKey || event.metaKey || !field.matches || !field.matches(ROW_INPUT)) { return; }
    event.preventDefault();
    var all = rows();
    var row = field.closest(".app-med-row");
    if (field.value.trim() !== "") {
      var next = all[all.indexOf(row) + 1] || addRowAfter(row);
      inputOf(next).focus();
      return;
    }
    var typed = all.some(function (each) { return inputOf(each).value.trim() !== ""; });
    var check = currentForm().querySelector(".app-check-form__actions button[value='check']");
    if (typed && check) { check.click(); }
  });

  upgradeBoxes(form);
  updateRemoveButtons();

  // --- htmx, when the form is first used --------------------------------------------------

  // htmx reads its settings (the CSP-safe ones in the page's meta tag) when it starts, which
  // it does at once only if the document has finished loading: so it is added after that.
  var htmxAsked = false;
  function loadHtmx(event) {
    if (htmxAsked || window.htmx || !event.target.closest || !event.target.closest("#check-form")) { return; }
    htmxAsked = true;
    var start = function () {
      var script = document.createElement("script");
      script.src = currentForm().dataset.htmx;
      document.head.appendChild(script);
    };
    if (document.readyState === "complete") { start(); } else { window.addEventListener("load", start, { once: true }); }
  }
  ["focusin", "pointerdown", "keydown"].forEach(function (type) {
    document.addEventListener(type, loadHtmx, true);
  });

  // --- htmx: busy, focus, and the ordinary way when it fails ----------------------------------

  function busy(on) {
    var results = document.getElementById("results");
    var note = currentForm().querySelector("[data-checker-busy]");
    if (results) {
      if (on) { results.setAttribute("aria-busy", "true"); } else { results.removeAttribute("aria-busy"); }
    }
    if (note) { note.hidden = !on; }
    currentForm().classList.toggle("app-check-form--busy", on);
  }
  document.addEventListener("htmx:beforeRequest", function () { busy(true); });
  document.addEventListener("htmx:afterRequest", function () { busy(false); });

  function afterSwap() {
    upgradeBoxes(currentForm());
    updateRemoveButtons();
  }
  document.addEventListener("htmx:afterSwap", afterSwap);
  document.addEventListener("htmx:oobAfterSwap", afterSwap);

  document.addEventListener("htmx:afterSettle", function () {
    // Once: the error summary first, then a row the change was about, then the results heading.
    var target = document.querySelector("#error-summary [data-app-focus]") ||
      document.querySelector("#check-form [data-checker-focus]") ||
      document.querySelector("#results [data-checker-focus]");
    if (target) { target.focus(); }
  });

  // If a request fails (too many checks, a fault on the server, no connection), do what the
  // page does without JavaScript: send the form the ordinary way. The patient then sees the
  // answer, or the site's own page about the problem, never a button that does nothing.
  function sendTheOrdinaryWay(event) {
    busy(false);
    var button = event.detail.elt;
    var sending = button && button.form;
    if (!sending || sending.dataset.checkerSentOrdinaryWay) { return; }
    sending.dataset.checkerSentOrdinaryWay = "1";
    sending.requestSubmit(button.type === "submit" ? button : null);
  }
  document.addEventListener("htmx:responseError", sendTheOrdinaryWay);
  document.addEventListener("htmx:sendError", sendTheOrdinaryWay);
})();
