// Teacher pages: the quiz builder's filters, the review page's selection, undo buttons' expiry.
(function () {
  "use strict";
  // Filters the quiz builder's question list by article and kind, without leaving the page.
  document.querySelectorAll("[data-filter-for]").forEach(function (box) {
    var list = document.getElementById(box.getAttribute("data-filter-for"));
    if (!list) { return; }
    var selects = box.querySelectorAll("select[data-filter]");
    function apply() {
      var wanted = {};
      selects.forEach(function (s) { wanted[s.getAttribute("data-filter")] = s.value; });
      list.querySelectorAll("li[data-kind]").forEach(function (item) {
        var show = Object.keys(wanted).every(function (key) {
          // Ticked questions stay visible so a filter never hides what will be saved.
          return !wanted[key] || item.getAttribute("data-" + key) === wanted[key] ||
            item.querySelector("input:checked");
        });
        item.hidden = !show;
      });
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
  });

  // The review page: select all / none, and a live count in the sticky bar.
  var bulk = document.getElementById("bulk");
  if (bulk) {
    var ticks = document.querySelectorAll('input[form="bulk"][name="ids"]');
    var count = bulk.querySelector("[data-selected-count]");
    var update = function () {
      var n = Array.prototype.filter.call(ticks, function (t) { return t.checked; }).length;
      count.textContent = n ? n + " selected" : "None selected";
    };
    bulk.querySelectorAll("[data-select]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = button.getAttribute("data-select") === "all";
        ticks.forEach(function (t) { t.checked = on; });
        update();
      });
    });
    ticks.forEach(function (t) { t.addEventListener("change", update); });
    update();
  }

  // An undo button goes away when the server would refuse it anyway.
  document.querySelectorAll("form[data-undo]").forEach(function (form) {
    var seconds = parseInt(document.body.getAttribute("data-undo-seconds") || "60", 10);
    window.setTimeout(function () {
      var button = form.querySelector("button");
      if (button) { button.remove(); }
    }, Math.max(seconds - 2, 1) * 1000);
  });
})();

// The question form shows only the fields of the chosen format (choices, answer, tolerance).
(function () {
  "use strict";
  var radios = document.querySelectorAll("input[data-format-choice]");
  if (!radios.length) { return; }
  function apply() {
    var checked = document.querySelector("input[data-format-choice]:checked");
    var format = checked ? checked.value : "choice";
    document.querySelectorAll("[data-formats]").forEach(function (part) {
      part.hidden = part.getAttribute("data-formats").split(" ").indexOf(format) < 0;
    });
  }
  radios.forEach(function (r) { r.addEventListener("change", apply); });
  apply();
})();
