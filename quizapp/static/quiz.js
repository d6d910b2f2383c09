// Autosave each answer as it changes, and show the attempt's countdown.
// Without JavaScript the final submit still carries every answer.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) return;
  var status = document.getElementById("save-status");
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var timers = {};

  function say(text) { if (status) status.textContent = text; }

  function save(questionId, answer) {
    var body = new FormData();
    body.append("csrf_token", token);
    body.append("question", questionId);
    body.append("answer", answer);
    say("Saving…");
    fetch(form.dataset.autosave, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok && data.saved) { say("All answers saved."); return; }
        say(data.error || "Could not save; your answers will be sent when you submit.");
        if (response.status === 409) { form.submit(); }
      });
    }).catch(function () {
      say("Offline: your answers will be sent when you submit.");
    });
  }

  function onChange(event) {
    var input = event.target;
    var fieldset = input.closest("fieldset[data-question]");
    if (!fieldset) return;
    var id = fieldset.dataset.question;
    if (input.type === "radio") { save(id, input.value); return; }
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(id, input.value); }, 600);
  }
  form.addEventListener("change", onChange);
  form.addEventListener("input", function (event) {
    if (event.target.type !== "radio") onChange(event);
  });

  var timer = document.getElementById("timer");
  if (!timer) return;
  var deadline = Date.parse(timer.dataset.deadline);
  var clock = document.getElementById("timer-clock");
  var announce = document.getElementById("timer-announce");
  // Screen readers hear the time only at these marks (seconds left), not every second.
  var marks = [600, 300, 120, 60, 30, 10];
  var submitted = false;

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    timer.classList.toggle("low", left <= 60);
    if (marks.length && left <= marks[0]) {
      while (marks.length && left <= marks[0]) marks.shift();
      announce.textContent = minutes > 0 ? minutes + " minutes left" : left + " seconds left";
    }
    if (left === 0 && !submitted) {
      submitted = true;
      announce.textContent = "Time is up. Submitting your answers.";
      form.submit();
    }
  }
  tick();
  setInterval(tick, 1000);
})();
