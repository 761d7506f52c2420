// The explorer's only script: start Blazor (not from file://), render KaTeX, keep the state in the URL,
// and record when the first chart appeared. Every number on the page comes from the C# library.
window.explorer = {
  start() {
    if (location.protocol === "file:") {
      document.getElementById("app").hidden = true;
      document.getElementById("file-notice").hidden = false;
      return;
    }
    explorer.startedAt = performance.now();
    Blazor.start();
  },
  setFragment(fragment) {
    history.replaceState(null, "", "#" + fragment);
    if (explorer.firstChartAt === undefined && document.querySelector(".chart svg")) {
      explorer.firstChartAt = performance.now();
    }
  },
  renderTex(id) {
    const element = document.getElementById(id);
    if (!element || !window.katex) return;
    const tex = element.getAttribute("data-tex");
    if (!tex || element.getAttribute("data-rendered") === tex) return;
    katex.render(tex, element, { displayMode: true, throwOnError: false });
    element.setAttribute("data-rendered", tex);
  },
};
