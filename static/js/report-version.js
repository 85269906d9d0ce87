// The waiting page of a report render: polls the status URL, less often as time goes on,
// and reloads once the version is ready or failed. It stops when the time the server gave
// (seconds_left, the job's bounded wait) is up, and says so: it never polls for ever.
// Without JavaScript the page's "Check again" link does the same by hand.
(function () {
  var box = document.getElementById("version-progress");
  if (!box || box.getAttribute("data-finished") === "true" || !window.fetch) return;
  var url = box.getAttribute("data-status-url");
  var secondsLeft = parseInt(box.getAttribute("data-seconds-left"), 10) || 0;
  var giveUpAt = Date.now() + secondsLeft * 1000;
  var delay = 1000;

  function giveUp() {
    var waiting = document.getElementById("version-waiting");
    if (waiting) {
      waiting.textContent = "This is taking much longer than it should. " +
        "Reload this page to see where it stands, or try again.";
    }
  }

  function next() {
    if (Date.now() >= giveUpAt) {
      giveUp(); // reloaded, the page now says "Failed: try again"
      return;
    }
    delay = Math.min(delay * 1.5, 10000);
    window.setTimeout(poll, delay);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && status.finished) window.location.reload();
        else if (status) { giveUpAt = Date.now() + status.seconds_left * 1000; next(); }
        else next();
      })
      .catch(next);
  }
  window.setTimeout(poll, delay);
})();
