/*
 * The resource editor, made shorter (a progressive enhancement: without it every field works).
 * - The primary objective offers only the objectives ticked beside it, and follows the ticks.
 * - Long lists of checkboxes (places, organisations) get a box that filters them as you type;
 *   related resources show only the ticked ones until words are typed (a search, not a list).
 */
(function () {
  "use strict";

  function primaryFollowsTicks() {
    var ticks = document.querySelectorAll('input[name="objectives"]');
    var radios = document.querySelectorAll('input[name="primary_objective"]');
    if (!ticks.length || !radios.length) return;
    function update() {
      var ticked = {};
      ticks.forEach(function (box) { if (box.checked) ticked[box.value] = true; });
      radios.forEach(function (radio) {
        var item = radio.closest("div, li, label") || radio.parentNode;
        var keep = radio.value === "" || ticked[radio.value];
        item.hidden = !keep;
        if (!keep && radio.checked) radio.checked = false;
      });
    }
    ticks.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  function filterBoxes() {
    [["places", false], ["organisations", false], ["related_resources", true]].forEach(function (pair) {
      var name = pair[0], searchOnly = pair[1];
      var boxes = document.querySelectorAll('input[type=checkbox][name="' + name + '"]');
      if (boxes.length < (searchOnly ? 1 : 12)) return;
      var first = boxes[0].closest("div[id], ul") || boxes[0].parentNode.parentNode;
      var filter = document.createElement("input");
      filter.type = "search";
      filter.placeholder = searchOnly ? "Type words of a title to find it…" : "Type to filter…";
      filter.setAttribute("aria-label", "Filter the " + name);
      filter.className = "w-mb-2";
      first.parentNode.insertBefore(filter, first);
      function apply() {
        var words = filter.value.trim().toLowerCase();
        boxes.forEach(function (box) {
          var item = box.closest("div, li") || box.parentNode;
          var text = (box.parentNode.textContent || "").toLowerCase();
          var match = words === "" ? !searchOnly : text.indexOf(words) !== -1;
          item.hidden = !(match || box.checked);
        });
      }
      filter.addEventListener("input", apply);
      apply();
    });
  }

  function start() { primaryFollowsTicks(); filterBoxes(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
