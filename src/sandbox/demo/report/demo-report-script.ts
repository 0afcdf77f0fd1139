/**
 * Runs in the page after `renderCardFrames` exists (see cardRendererParts). Draws a person's cards
 * when their section opens, whether by a click, by a link to #person-<id> (browsers differ in
 * whether a fragment opens a closed <details>, so the script does it), or because it was open from
 * the start; and filters the people table as one types.
 */
export const DEMO_REPORT_SCRIPT = `
(function () {
  function draw(section) {
    var cards = section.querySelector("script.person-cards");
    if (!cards || section.hasAttribute("data-drawn")) return;
    section.setAttribute("data-drawn", "");
    renderCardFrames(section, JSON.parse(cards.textContent));
  }
  document.querySelectorAll("details.person").forEach(function (section) {
    section.addEventListener("toggle", function () { if (section.open) draw(section); });
    if (section.open) draw(section);
  });
  function openLinked() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !target.matches("details.person")) return;
    target.open = true;
    draw(target);
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openLinked);
  openLinked();

  var filter = document.getElementById("people-filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.people tbody tr"));
  if (filter) filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
    });
  });
})();
`;
