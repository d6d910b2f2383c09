// Filters the quiz builder's question list by article and kind, without leaving the page.
(function () {
  "use strict";
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
