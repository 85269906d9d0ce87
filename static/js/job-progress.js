// A page waiting on a background job (an import being applied, a report's PDF being made):
// polls the status URL, less often as time goes on, shows the progress it reads, if the
// page has a place for it ("Applying: 4,000 of 17,040 figures"), and reloads once the job
// has finished (the page then says "Ready" or "Failed: try again"). It stops when the time
// the server gave (seconds_left, the job's bounded wait) is up, and says so: it never polls
// for ever.
// Without JavaScript the page's "Check again" link does the same by hand.
(function () {
  var box = document.getElementById("job-progress");
  if (!box || box.getAttribute("data-finished") === "true" || !window.fetch) return;
  var url = box.getAttribute("data-status-url");
  var secondsLeft = parseInt(box.getAttribute("data-seconds-left"), 10) || 0;
  var giveUpAt = Date.now() + secondsLeft * 1000;
  var delay = 1000;

  function say(id, text) {
    var element = document.getElementById(id);
    if (element && text) element.textContent = text;
  }

  function next() {
    if (Date.now() >= giveUpAt) {
      say("job-waiting", "This is taking much longer than it should. " +
        "Reload this page to see where it stands, or try again.");
      return;
    }
    delay = Math.min(delay * 1.5, 5000);
    window.setTimeout(poll, delay);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && status.finished) { window.location.reload(); return; }
        if (status) {
          say("job-progress-text", status.text);
          giveUpAt = Date.now() + status.seconds_left * 1000;
        }
        next();
      })
      .catch(next);
  }
  window.setTimeout(poll, delay);
})();
