namespace ActivationCourse.Notebooks.Site;

/// <summary>The site's own stylesheet and the script that renders math with KaTeX once the page has loaded.</summary>
internal static class SiteAssets
{
    public const string Script = """
        // Render the math Markdig left in markdown sections: \( \) and \[ \] (and $ $, $$ $$ as written).
        document.addEventListener("DOMContentLoaded", function () {
          var options = {
            delimiters: [
              { left: "$$", right: "$$", display: true },
              { left: "\\[", right: "\\]", display: true },
              { left: "\\(", right: "\\)", display: false },
              { left: "$", right: "$", display: false }
            ],
            throwOnError: false
          };
          document.querySelectorAll(".markdown").forEach(function (section) {
            renderMathInElement(section, options);
          });
        });

        """;

    public const string Css = """
        :root {
          --text: #1f2328;
          --muted: #59636e;
          --accent: #0b5cad;
          --code-bg: #f6f8fa;
          --border: #d1d9e0;
          --error: #b42318;
          --error-bg: #fff1f0;
        }
        * { box-sizing: border-box; }
        body {
          margin: 0;
          color: var(--text);
          font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif;
          background: #fff;
        }
        header {
          padding: 0.8rem 1.5rem;
          border-bottom: 1px solid var(--border);
          font-weight: 600;
        }
        header a { color: var(--text); text-decoration: none; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        a { color: var(--accent); }
        h1, h2, h3 { line-height: 1.25; }
        .lede { color: var(--muted); }
        ol.lessons { list-style: none; padding: 0; }
        ol.lessons li { padding: 0.8rem 0; border-bottom: 1px solid var(--border); }
        ol.lessons a { text-decoration: none; font-size: 1.15rem; }
        ol.lessons .number { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.4rem; }
        ol.lessons .summary { margin: 0.2rem 0 0; color: var(--muted); }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; }
        th { background: var(--code-bg); }
        code { font: 0.9em/1.5 ui-monospace, "Cascadia Mono", Consolas, monospace; }
        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        pre { overflow-x: auto; margin: 0; padding: 0.7rem 0.9rem; font: 0.85rem/1.5 ui-monospace, "Cascadia Mono", Consolas, monospace; }
        .cell { margin: 1.2rem 0; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; }
        .cell pre.code { background: var(--code-bg); }
        .output { border-top: 1px dashed var(--border); }
        details.solution { border-top: 1px dashed var(--border); }
        details.solution > summary { cursor: pointer; padding: 0.4rem 0.9rem; color: var(--muted); }
        .output.html { padding: 0.7rem 0.9rem; overflow-x: auto; }
        .output.html svg { max-width: 100%; height: auto; }
        .output.stderr { color: #9a6700; }
        .output.error { color: var(--error); background: var(--error-bg); }
        .math.block, div.math { overflow-x: auto; }
        nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: 0.95rem; }
        nav.pager a { text-decoration: none; }

        """;
}
