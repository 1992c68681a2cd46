// Wide tables of figures that scroll sideways say so. Progressive enhancement: without this file the hint
// stays shown and the table still scrolls (its region can be focused and scrolled with the arrow keys).
(function () {
  "use strict";

  function update(region) {
    var hint = document.getElementById(region.id + "-hint");
    var caption = region.getAttribute("data-caption-id");
    var overflowing = region.scrollWidth > region.clientWidth + 1;
    var left = region.scrollLeft > 0;
    var right = region.scrollLeft + region.clientWidth < region.scrollWidth - 1;
    region.classList.toggle("table-scroll--more-left", overflowing && left);
    region.classList.toggle("table-scroll--more-right", overflowing && right);
    if (hint) hint.hidden = !overflowing;
    // Announce "scroll for more" only where there is more: the hint is part of the region's name then.
    region.setAttribute("aria-labelledby", overflowing && hint ? caption + " " + hint.id : caption);
  }

  function setUp(region) {
    region.addEventListener("scroll", function () { update(region); }, { passive: true });
    region.addEventListener("keydown", function (event) {
      // Home and End reach the first and last columns at once (arrow keys move a little at a time).
      if (event.target !== region || (event.key !== "Home" && event.key !== "End")) return;
      event.preventDefault();
      region.scrollLeft = event.key === "End" ? region.scrollWidth : 0;
    });
    update(region);
  }

  var regions = document.querySelectorAll("[data-table-scroll]");
  regions.forEach(setUp);
  window.addEventListener("resize", function () { regions.forEach(update); });
})();
