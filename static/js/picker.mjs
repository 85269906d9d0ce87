// Searchable pickers: a <select data-picker> becomes GOV.UK's accessible autocomplete
// (alphagov/accessible-autocomplete), so a person types part of a case number or an
// indicator's name instead of scrolling a list of hundreds. Progressive enhancement: the
// select stays in the form (hidden) and is what is sent; without JavaScript it is shown.
// No inline script or style: this file and the component's stylesheet are our own files.
import "../govuk/accessible-autocomplete/accessible-autocomplete.min.js";

const STYLESHEET = new URL(
  "../govuk/accessible-autocomplete/accessible-autocomplete.min.css",
  import.meta.url,
);

function addStylesheet() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET.href;
  document.head.append(link);
}

function optionText(option) {
  return (option.textContent || "").trim();
}

function enhance(select) {
  const id = select.id;
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: "",
    showAllValues: true,
    preserveNullOptions: true,
    tNoResults: () => "No matches",
    onConfirm: (chosen) => {
      const input = document.getElementById(id);
      const wanted = chosen === undefined ? (input ? input.value.trim() : "") : chosen.trim();
      const option = Array.from(select.options).find((o) => optionText(o) === wanted);
      if (option) {
        option.selected = true;
      } else if (!wanted) {
        select.value = ""; // the text was cleared: no choice, as the select's empty option
      }
    },
  });
}

export function initPickers(root = document) {
  const selects = root.querySelectorAll("select[data-picker]");
  if (selects.length === 0) return;
  addStylesheet();
  selects.forEach(enhance);
}
