import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// The searchable pickers' component is loaded only on the pages that have one.
if (document.querySelector("select[data-picker]")) {
  import("./picker.mjs").then((picker) => picker.initPickers());
}

// Sections dragged into order, on a template's or a report's page.
if (document.querySelector("tbody[data-section-order]")) {
  import("./section-order.mjs").then((order) => order.initSectionOrder());
}
