// Marsad: the only script. Copies the permalink; nothing else, nothing from elsewhere.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.copy") : null;
  if (!button) { return; }
  var input = document.getElementById(button.getAttribute("data-copy"));
  if (!input) { return; }
  var done = function () { button.textContent = button.getAttribute("data-done"); };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(input.value).then(done, function () {
      input.select(); document.execCommand("copy"); done();
    });
  } else {
    input.select(); document.execCommand("copy"); done();
  }
});
