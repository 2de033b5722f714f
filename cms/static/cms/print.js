// The "Print" button on articles and village rules: no inline handlers.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
