// The browser's time zone: sent with login forms (a first login keeps it), and used to show
// dates in local time to someone whose account has no zone yet.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) {
    input.value = zone;
  });
  if (document.body.getAttribute("data-zone") !== "") { return; }
  var day = { day: "numeric", month: "short", year: "numeric" };
  var formats = {
    date: new Intl.DateTimeFormat(undefined, day),
    time: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
    datetime: new Intl.DateTimeFormat(undefined, Object.assign({
      hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    }, day))
  };
  document.querySelectorAll("time[datetime][data-when]").forEach(function (node) {
    var when = new Date(node.getAttribute("datetime"));
    var format = formats[node.getAttribute("data-when")] || formats.datetime;
    if (!isNaN(when)) { node.textContent = format.format(when); }
  });
})();
