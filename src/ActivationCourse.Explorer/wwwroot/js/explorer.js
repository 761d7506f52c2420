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
    // The page's own path (not "#…" alone, which resolves against <base href="./"> and drops index.html).
    explorer.fragment = "#" + fragment;
    history.replaceState(null, "", location.pathname + location.search + "#" + fragment);
    if (explorer.firstChartAt === undefined && document.querySelector(".chart svg")) {
      explorer.firstChartAt = performance.now();
    }
  },
  watchFragment(app) {
    window.addEventListener("hashchange", () => {
      if (location.hash !== explorer.fragment) app.invokeMethodAsync("FragmentChanged", location.hash);
    });
  },
  width(id) {
    const element = document.getElementById(id);
    return element ? element.getBoundingClientRect().width : 0;
  },
  // Arrow keys, Home and End move within a listbox instead of scrolling the page.
  listboxKeys(id) {
    const element = document.getElementById(id);
    if (!element || element.dataset.keys) return;
    element.dataset.keys = "1";
    element.addEventListener("keydown", e => {
      if (["ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) e.preventDefault();
    });
  },
  scrollIntoView(id) {
    document.getElementById(id)?.scrollIntoView({ block: "nearest" });
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
