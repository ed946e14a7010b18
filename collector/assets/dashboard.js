// The dashboard's only script, a convenience: a filter applies as soon as it is changed. Every
// page works without it (the forms have their button).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-autosubmit]").forEach(function (field) {
    field.addEventListener("change", function () {
      if (field.form) {
        field.form.requestSubmit();
      }
    });
  });
});
