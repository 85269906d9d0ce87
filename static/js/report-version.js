// The waiting page of a report render: polls the status URL and reloads when the PDF is
// ready. Without JavaScript the page's "Check again" link does the same by hand.
(function () {
  var box = document.getElementById("version-progress");
  if (!box || box.getAttribute("data-finished") === "true" || !window.fetch) return;
  var url = box.getAttribute("data-status-url");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && status.finished) window.location.reload();
        else window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
