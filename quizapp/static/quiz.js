// The attempt pages: autosave with retry, review flags, one question at a time without
// reloading, the answered counter and the countdown. Without JavaScript every page is a
// plain form that saves and moves on, so everything here is an enhancement.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  var status = document.getElementById("save-status");
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.content : "";

  function say(text) { if (status) status.textContent = text; }

  // ---- Countdown (take and review pages) ----------------------------------------------
  var timer = document.getElementById("timer");
  if (timer) {
    var deadline = Date.parse(timer.dataset.deadline);
    var clock = document.getElementById("timer-clock");
    var announce = document.getElementById("timer-announce");
    // Screen readers hear the time only at these marks (seconds left), not every second.
    var marks = [600, 300, 120, 60, 30, 10];
    var ended = false;
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      timer.classList.toggle("low", left <= 60);
      if (announce && marks.length && left <= marks[0]) {
        while (marks.length && left <= marks[0]) marks.shift();
        announce.textContent = minutes > 0 ? minutes + " minutes left" : left + " seconds left";
      }
      if (left === 0 && !ended) {
        ended = true;
        if (announce) announce.textContent = "Time is up.";
        // The server keeps the deadline: posting (or reloading) leads to the result.
        if (form) { form.submit(); } else { window.location.reload(); }
      }
    };
    tick();
    setInterval(tick, 1000);
  }

  if (!form) return;

  // ---- Saving: a queue that survives going offline -------------------------------------
  var pending = {};   // key -> {url, data}; a newer value for the same key replaces the older
  var busy = false;
  var retry = null;

  function queue(key, url, data) {
    pending[key] = { url: url, data: data };
    flush();
  }

  function flush() {
    if (busy) return;
    var keys = Object.keys(pending);
    if (!keys.length) { say("Saved"); return; }
    var key = keys[0], job = pending[key];
    delete pending[key];
    busy = true;
    say("Saving…");
    var body = new FormData();
    body.append("csrf_token", token);
    Object.keys(job.data).forEach(function (name) { body.append(name, job.data[name]); });
    fetch(job.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        busy = false;
        if (response.ok && data.saved) { flush(); return; }
        // 409: time is up or the attempt was submitted elsewhere; the server says where to go.
        if (response.status === 409) { form.submit(); return; }
        say(data.error || "Could not save this answer.");
      });
    }).catch(function () {
      busy = false;
      if (!(key in pending)) pending[key] = job;
      say("Offline — will retry");
      clearTimeout(retry);
      retry = setTimeout(flush, 4000);
    });
  }
  window.addEventListener("online", flush);

  // ---- Pages, navigator and counter ----------------------------------------------------
  var paged = form.classList.contains("paged");
  var pages = Array.prototype.slice.call(form.querySelectorAll(".qpage"));
  var squares = Array.prototype.slice.call(form.querySelectorAll(".nav-sq[data-go]"));
  var navigator = document.getElementById("navigator");
  var defaultGo = form.querySelector(".default-go");
  var countText = document.getElementById("answered-count");
  var countBar = document.getElementById("answered-bar");
  var current = 1;
  pages.forEach(function (page, i) {
    if (!page.hidden) current = i + 1;
    page.disabled = false;  // every answer is autosaved, and a final POST carries them all
  });

  var wide = window.matchMedia("(min-width: 60rem)");
  if (navigator) {
    navigator.open = wide.matches;
    wide.addEventListener("change", function () { navigator.open = wide.matches; });
  }

  function isAnswered(page) {
    var checked = page.querySelector("input[type=radio]:checked");
    var text = page.querySelector("input.answer-text");
    return Boolean(checked || (text && text.value.trim()));
  }

  function isFlagged(page) {
    var box = page.querySelector("input[name=flag]");
    return Boolean(box && box.checked);
  }

  function refresh() {
    var answered = 0;
    pages.forEach(function (page, i) {
      var done = isAnswered(page), flagged = isFlagged(page);
      if (done) answered += 1;
      var square = squares[i];
      if (!square) return;
      square.classList.toggle("is-answered", done);
      square.classList.toggle("is-flagged", flagged);
      var state = square.querySelector(".nav-state");
      if (state) state.textContent = (done ? ", answered" : "") + (flagged ? ", flagged" : "");
      if (i + 1 === current) square.setAttribute("aria-current", "step");
      else square.removeAttribute("aria-current");
    });
    if (countText) countText.textContent = answered;
    if (countBar) countBar.value = answered;
  }

  function show(position) {
    position = Math.max(1, Math.min(pages.length, position));
    current = position;
    pages.forEach(function (page, i) { page.hidden = i + 1 !== position; });
    if (defaultGo) defaultGo.value = position < pages.length ? String(position + 1) : "review";
    refresh();
    if (navigator && !wide.matches) navigator.open = false;
    history.replaceState(null, "", "?q=" + position);
    var question = pages[position - 1].querySelector("fieldset.question");
    form.scrollIntoView({ block: "start" });
    if (question) question.focus({ preventScroll: true });
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!paged || !button || button.name !== "go") return;
    var target = button === defaultGo ? current + 1 : parseInt(button.value, 10);
    if (button.value === "review" || isNaN(target) || target > pages.length) return;
    event.preventDefault();  // answers are autosaved: move without a reload
    show(target);
  });

  // ---- Answers and flags ---------------------------------------------------------------
  var typing = {};
  function onAnswer(event) {
    var input = event.target;
    var fieldset = input.closest("fieldset[data-question]");
    if (!fieldset) return;
    var id = fieldset.dataset.question;
    if (input.name === "flag") {
      refresh();
      queue("flag:" + id, form.dataset.flag, { question: id, flagged: input.checked ? "1" : "0" });
      return;
    }
    refresh();
    if (input.type === "radio") {
      queue("q:" + id, form.dataset.autosave, { question: id, answer: input.value });
      return;
    }
    clearTimeout(typing[id]);
    typing[id] = setTimeout(function () {
      queue("q:" + id, form.dataset.autosave, { question: id, answer: input.value });
    }, 600);
  }
  form.addEventListener("change", onAnswer);
  form.addEventListener("input", function (event) {
    if (event.target.type === "text") onAnswer(event);
  });
  if (paged) refresh();
})();
