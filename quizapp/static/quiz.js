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
  var instant = form.classList.contains("instant");
  var perPage = parseInt(form.dataset.perPage, 10) || 1;
  var pages = Array.prototype.slice.call(form.querySelectorAll(".qpage"));
  var squares = Array.prototype.slice.call(form.querySelectorAll(".nav-sq[data-go]"));
  var navigator = document.getElementById("navigator");
  var defaultGo = form.querySelector(".default-go");
  var countText = document.getElementById("answered-count");
  var countBar = document.getElementById("answered-bar");
  var keyAnnounce = document.getElementById("key-announce");
  var current = 1;
  var firstShown = 0;
  pages.forEach(function (page, i) {
    if (!page.hidden && !firstShown) firstShown = i + 1;
    page.disabled = false;  // every answer is autosaved, and a final POST carries them all
  });
  var params = new URLSearchParams(window.location.search);
  current = parseInt(params.get("q"), 10) || firstShown || 1;
  if (pageOf(current) !== pageOf(firstShown || 1)) current = firstShown || 1;

  function pageOf(position) { return Math.ceil(position / perPage); }
  function lastPage() { return pageOf(pages.length); }
  function announce(text) {
    if (!keyAnnounce) return;
    // Clearing first makes a screen reader repeat a message that did not change.
    keyAnnounce.textContent = "";
    setTimeout(function () { keyAnnounce.textContent = text; }, 50);
  }

  var wide = window.matchMedia("(min-width: 60rem)");
  if (navigator) {
    navigator.open = wide.matches;
    wide.addEventListener("change", function () { navigator.open = wide.matches; });
  }

  function isAnswered(page) {
    if (page.hasAttribute("data-lazy")) return page.dataset.answered === "1";
    var checked = page.querySelector("input[type=radio]:checked");
    var text = page.querySelector("input.answer-text");
    if (instant) return Boolean(page.querySelector("fieldset.question.is-locked"));
    return Boolean(checked || (text && text.value.trim()));
  }

  function isFlagged(page) {
    if (page.hasAttribute("data-lazy")) return page.dataset.flagged === "1";
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

  // ---- Pages not shown are empty placeholders, fetched when the student moves there ------
  // (the page itself holds one question, not all of them: the busiest page of a class).
  var pageUrl = form.dataset.pageUrl || "";
  var loading = {};

  function isLazy(page) {
    return pages.some(function (el, i) {
      return pageOf(i + 1) === page && el.hasAttribute("data-lazy");
    });
  }

  // Resolves true once every question of the page is in the form, false when it could not be.
  function load(page) {
    if (page < 1 || page > lastPage() || !isLazy(page)) return Promise.resolve(true);
    if (loading[page]) return loading[page];
    loading[page] = fetch(pageUrl.replace(/\/0$/, "/" + page), {
      credentials: "same-origin", headers: { "Accept": "text/html" }
    }).then(function (response) {
      // 409: time is up or the attempt was submitted elsewhere; the server says where to go.
      if (response.status === 409) { window.location.reload(); return null; }
      if (!response.ok) throw new Error("page " + response.status);
      return response.text();
    }).then(function (html) {
      if (html === null) return false;
      var box = document.createElement("div");
      box.innerHTML = html;  // rendered by the server from its own template
      box.querySelectorAll(".qpage").forEach(function (fresh) {
        var i = parseInt(fresh.dataset.position, 10) - 1;
        if (!pages[i]) return;
        fresh.hidden = true;
        fresh.disabled = false;
        pages[i].replaceWith(fresh);
        pages[i] = fresh;
      });
      return true;
    }).catch(function () {
      delete loading[page];
      return false;
    });
    return loading[page];
  }

  // history: "push" for a move the student made (Back returns to it), "none" for Back itself.
  function show(position, history_) {
    position = Math.max(1, Math.min(pages.length, position));
    load(pageOf(position)).then(function (ready) {
      if (!ready) { say("Offline — that question will load when you are back online."); return; }
      display(position, history_);
      load(pageOf(position) + 1);  // the next page is ready before the student asks for it
    });
  }

  function display(position, history_) {
    current = position;
    var page = pageOf(position);
    pages.forEach(function (el, i) { el.hidden = pageOf(i + 1) !== page; });
    setDefault();
    refresh();
    if (navigator && !wide.matches) navigator.open = false;
    if (history_ === "push") history.pushState({ q: position }, "", "?q=" + position);
    else if (history_ !== "none") history.replaceState({ q: position }, "", "?q=" + position);
    var question = pages[position - 1].querySelector("fieldset.question");
    (perPage > 1 ? pages[position - 1] : form).scrollIntoView({ block: "start" });
    if (question) question.focus({ preventScroll: true });
    var legend = question && question.querySelector(".qnum");
    if (legend) announce(legend.textContent);
  }

  // What Enter in a typed answer does: check it (instant feedback), else go to the next page.
  function setDefault() {
    if (!defaultGo || !paged && !instant) return;
    var page = pageOf(current);
    var open = instant && pages[current - 1].querySelector("fieldset.question:not(.is-locked)");
    defaultGo.value = open ? String(current)
      : page < lastPage() ? String(page * perPage + 1) : "review";
  }

  if (paged) {
    history.replaceState({ q: current }, "", window.location.pathname + "?q=" + current);
    window.addEventListener("popstate", function (event) {
      var wanted = event.state && event.state.q;
      if (!wanted) wanted = parseInt(new URLSearchParams(window.location.search).get("q"), 10);
      if (wanted) show(wanted, "none");
    });
  }

  function move(step) {
    var page = pageOf(current) + step;
    if (page < 1) { announce("This is the first question."); return; }
    if (page > lastPage()) { announce("This is the last question. Finish leads to the review."); return; }
    show((page - 1) * perPage + 1, "push");
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (instant && button && button.dataset.check) {
      event.preventDefault();
      check(button.dataset.check);
      return;
    }
    if (instant && button === defaultGo && defaultGo.value === String(current)) {
      event.preventDefault();
      var open = pages[current - 1].querySelector("fieldset.question:not(.is-locked)");
      if (open) check(open.dataset.question);
      return;
    }
    if (!paged || !button || button.name !== "go") return;
    var target = parseInt(button.value, 10);
    if (button.value === "review" || isNaN(target) || target > pages.length) return;
    event.preventDefault();  // answers are autosaved: move without a reload
    show(target, "push");
  });

  // ---- Instant feedback: check one answer, lock it, show the verdict -------------------
  var tallyRight = document.getElementById("tally-right");
  var tallyStreak = document.getElementById("tally-streak");
  var streakBox = document.getElementById("tally-streak-box");

  function valueOf(fieldset) {
    var checked = fieldset.querySelector("input[type=radio]:checked");
    if (checked) return checked.value;
    var text = fieldset.querySelector("input.answer-text");
    return text ? text.value.trim() : "";
  }

  function check(id) {
    var fieldset = form.querySelector('fieldset[data-question="' + id + '"]');
    if (!fieldset || fieldset.classList.contains("is-locked")) return;
    var value = valueOf(fieldset);
    if (!value) { say("Pick an answer first."); announce("Pick an answer first."); return; }
    var body = new FormData();
    body.append("csrf_token", token);
    body.append("question", id);
    body.append("answer", value);
    say("Checking…");
    fetch(form.dataset.autosave, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.status === 409) { form.submit(); return; }
        if (!response.ok || !data.saved) { say(data.error || "Could not check this answer."); return; }
        lock(fieldset, data);
      });
    }).catch(function () { say("Offline — check again when you are back online."); });
  }

  function lock(fieldset, data) {
    fieldset.classList.add("is-locked");
    fieldset.querySelectorAll("input[type=radio], input.answer-text").forEach(function (input) {
      input.disabled = true;
    });
    var button = fieldset.querySelector("button[data-check]");
    var slot = fieldset.querySelector(".feedback-slot");
    if (slot) slot.innerHTML = data.feedback;  // rendered by the server from its own template
    if (tallyRight) tallyRight.textContent = data.right;
    if (tallyStreak) tallyStreak.textContent = data.streak;
    if (streakBox) streakBox.classList.toggle("is-hot", data.streak >= 3);
    if (button) button.remove();
    fieldset.querySelectorAll(".option").forEach(function (option) {
      var text = option.querySelector(".option-text").textContent;
      var input = option.querySelector("input");
      option.classList.toggle("is-key", data.key !== null && text === data.key);
      option.classList.toggle("is-miss", data.key !== null && input.checked && text !== data.key);
    });
    say("Saved");
    setDefault();
    refresh();
    var next = slot && slot.querySelector(".fb");
    if (next) { next.setAttribute("tabindex", "-1"); next.focus(); }
  }

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
    if (instant) return;  // an instant-feedback answer is saved (and locked) by "Check answer"
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

  // ---- Keyboard: 1–9 choose, N/P or arrows move, F flags; each is announced ----------
  function activeQuestion() {
    var focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("fieldset.question") : null;
    if (focused && !focused.closest(".qpage").hidden) return focused;
    return pages[current - 1] && pages[current - 1].querySelector("fieldset.question");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    var answerField = target.classList && (target.classList.contains("answer-text") ||
      target.type === "radio");
    if (instant && event.key === "Enter" && answerField) {
      event.preventDefault();
      check(target.closest("fieldset[data-question]").dataset.question);
      return;
    }
    var typingHere = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && target.type === "text"));
    if (typingHere) return;
    var onRadio = target && target.type === "radio";
    var key = event.key;
    var question = activeQuestion();
    if (!question) return;
    if (/^[1-9]$/.test(key)) {
      var radios = question.querySelectorAll("input[type=radio]");
      var radio = radios[parseInt(key, 10) - 1];
      if (!radio || radio.disabled) return;
      event.preventDefault();
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
      radio.focus();
      var text = radio.parentNode.querySelector(".option-text");
      announce("Option " + key + " chosen: " + (text ? text.textContent : ""));
    } else if (key === "f" || key === "F") {
      var box = question.querySelector("input[name=flag]");
      if (!box) return;
      event.preventDefault();
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      announce(box.checked ? "Flagged for review." : "Flag removed.");
    } else if (paged && (key === "n" || key === "N" || (key === "ArrowRight" && !onRadio))) {
      event.preventDefault();
      move(1);
    } else if (paged && (key === "p" || key === "P" || (key === "ArrowLeft" && !onRadio))) {
      event.preventDefault();
      move(-1);
    }
  });
  if (paged || instant) refresh();
  if (paged) load(pageOf(current) + 1);
})();
