/*
 * Small behaviours of the site's pages, kept out of the HTML so that the Content-Security-Policy
 * can refuse every inline script (hub/headers.py).
 * - a[data-go-back]: goes back in the browser's history when there is one (else follows href).
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-go-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
