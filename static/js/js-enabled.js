// Lets GOV.UK Frontend styles know that JavaScript (and ES modules) are available.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
