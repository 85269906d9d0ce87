// Sections dragged into order: each row of a <tbody data-section-order> can be dragged
// by its handle and dropped above or below another; on the drop the row's own move form
// is sent with the row's new place (`position`: how many sections come before it), so a
// move costs one page load and the page shown is always the saved order.
// Progressive enhancement: without JavaScript (or without a pointer) the "Move up" and
// "Move down" buttons and the edit page's position field do the same, by keyboard too.
// No inline script or style: the site runs under a Content-Security-Policy.

const DRAGGING = "lscb-section-row--dragging";

function rows(body) {
  return Array.from(body.querySelectorAll(":scope > tr[data-move-url]"));
}

function send(row, position) {
  const original = row.querySelector("form[data-move-form]");
  const form = document.createElement("form");
  form.method = "post";
  form.action = row.dataset.moveUrl;
  form.hidden = true;
  const token = original.querySelector("input[name=csrfmiddlewaretoken]").cloneNode();
  const place = document.createElement("input");
  place.type = "hidden";
  place.name = "position";
  place.value = String(position);
  form.append(token, place);
  document.body.append(form);
  form.submit();
}

function rowAfter(body, y) {
  // The first row whose middle is below the pointer: the dragged row goes before it.
  return rows(body).find((row) => {
    if (row.classList.contains(DRAGGING)) return false;
    const box = row.getBoundingClientRect();
    return y < box.top + box.height / 2;
  });
}

function enhance(body) {
  let dragged = null;
  let startIndex = -1;
  for (const row of rows(body)) {
    const handle = row.querySelector("[data-drag-handle]");
    if (!handle) continue;
    handle.hidden = false;
    row.draggable = true;
    row.addEventListener("dragstart", (event) => {
      dragged = row;
      startIndex = rows(body).indexOf(row);
      row.classList.add(DRAGGING);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.id);
    });
    row.addEventListener("dragend", () => {
      row.classList.remove(DRAGGING);
      dragged = null;
    });
  }
  body.addEventListener("dragover", (event) => {
    if (!dragged) return;
    event.preventDefault();
    const next = rowAfter(body, event.clientY);
    if (next) body.insertBefore(dragged, next);
    else body.append(dragged);
  });
  body.addEventListener("drop", (event) => {
    if (!dragged) return;
    event.preventDefault();
    const row = dragged;
    const index = rows(body).indexOf(row);
    row.classList.remove(DRAGGING);
    dragged = null;
    if (index !== startIndex) send(row, index);
  });
}

export function initSectionOrder() {
  document.querySelectorAll("tbody[data-section-order]").forEach(enhance);
}
