using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ActivationCourse.IO;
using ActivationCourse.Notebooks.Model;
using ActivationCourse.Notebooks.Student;
using Markdig;
using Markdig.Syntax;

namespace ActivationCourse.Notebooks.Site;

/// <summary>A lesson of the site: the executed notebook and the file name (without extension) it came from.</summary>
/// <param name="Stem">File name without extension, e.g. <c>01-linearity-collapse</c>; the page is <c>Stem.html</c>.</param>
/// <param name="Notebook">The executed notebook.</param>
public sealed record SiteLesson(string Stem, Notebook Notebook);

/// <summary>
/// Builds the course site from executed notebooks: an index of the lessons and one page per lesson with the
/// markdown rendered (Markdig; math left for KaTeX, which is bundled offline), code cells and their outputs.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>The site's title, on every page.</summary>
    public const string CourseTitle = "Why neural networks need activation functions";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoIdentifiers()
        .Build();

    /// <summary>Writes the site into <paramref name="siteFolder"/> (index.html, one page per lesson, assets/); returns the index path.</summary>
    /// <param name="lessons">The lessons in order.</param>
    /// <param name="siteFolder">The output folder (created; old pages are overwritten).</param>
    /// <param name="cacheFolder">Where the KaTeX npm tarball is cached.</param>
    public static string Build(IReadOnlyList<SiteLesson> lessons, string siteFolder, string cacheFolder)
    {
        var assets = Path.Combine(siteFolder, "assets");
        Directory.CreateDirectory(assets);
        KatexAssets.Extract(KatexAssets.EnsurePackage(cacheFolder), assets);
        Write(Path.Combine(assets, "course.css"), SiteAssets.Css);
        Write(Path.Combine(assets, "course.js"), SiteAssets.Script);

        for (var i = 0; i < lessons.Count; i++)
            Write(Path.Combine(siteFolder, lessons[i].Stem + ".html"), LessonPage(lessons, i));
        var index = Path.Combine(siteFolder, "index.html");
        Write(index, IndexPage(lessons));
        return index;
    }

    /// <summary>The lesson's title: the first markdown heading, else its file name.</summary>
    public static string TitleOf(SiteLesson lesson) =>
        lesson.Notebook.Cells.Where(c => c.Kind == CellKind.Markdown)
            .Select(c => Markdig.Markdown.Parse(c.Source, Markdown).Descendants<HeadingBlock>().FirstOrDefault())
            .Where(h => h is not null)
            .Select(h => PlainText(h!))
            .FirstOrDefault() ?? lesson.Stem;

    /// <summary>One line about the lesson: the first paragraph of its first markdown cell, as plain text.</summary>
    public static string SummaryOf(SiteLesson lesson)
    {
        foreach (var cell in lesson.Notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
        {
            if (Markdig.Markdown.Parse(cell.Source, Markdown).Descendants<ParagraphBlock>().FirstOrDefault() is { } paragraph)
            {
                var text = PlainText(paragraph);
                var sentenceEnd = text.IndexOf(". ", StringComparison.Ordinal);
                return sentenceEnd > 0 ? text[..(sentenceEnd + 1)] : text;
            }
        }
        return "";
    }

    /// <summary>The lesson number from a <c>NN-title</c> file name, or its position.</summary>
    private static string NumberOf(SiteLesson lesson, int index) =>
        LessonNumber().Match(lesson.Stem) is { Success: true } m ? m.Groups[1].Value : (index + 1).ToString("00");

    [GeneratedRegex(@"^(\d+)-")]
    private static partial Regex LessonNumber();

    private static string PlainText(LeafBlock block)
    {
        if (block.Inline is null)
            return "";
        var text = string.Concat(block.Inline.Descendants<Markdig.Syntax.Inlines.Inline>().Select(i => i switch
        {
            Markdig.Syntax.Inlines.LiteralInline l => l.Content.ToString(),
            Markdig.Syntax.Inlines.CodeInline c => c.Content,
            Markdig.Extensions.Mathematics.MathInline m => m.Content.ToString(),
            Markdig.Syntax.Inlines.LineBreakInline => " ",
            _ => "",
        }));
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    private static string IndexPage(IReadOnlyList<SiteLesson> lessons)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(CourseTitle)).Append("</h1>\n");
        body.Append("<p class=\"lede\">A C# notebook course. Each lesson is a notebook, executed to produce this page.</p>\n");
        body.Append("<ol class=\"lessons\">\n");
        for (var i = 0; i < lessons.Count; i++)
        {
            body.Append("<li><a href=\"").Append(Encode(lessons[i].Stem)).Append(".html\"><span class=\"number\">")
                .Append(NumberOf(lessons[i], i)).Append("</span> <span class=\"title\">").Append(Encode(TitleOf(lessons[i])))
                .Append("</span></a><p class=\"summary\">").Append(Encode(SummaryOf(lessons[i]))).Append("</p></li>\n");
        }
        body.Append("</ol>\n");
        body.Append("<p class=\"explorer\"><a href=\"explorer/index.html\">Activation Explorer</a>: every activation with its derivative, and small networks trained live in the browser (served over HTTP: <code>course serve</code>).</p>\n");
        return Page(CourseTitle, body.ToString());
    }

    /// <summary>
    /// A code cell as a reader of the site meets it: the learner's version (solutions replaced by the placeholder), with
    /// the full solution collapsed under it, so nobody sees an answer without asking for it.
    /// </summary>
    private static string CodeBlock(string source)
    {
        var learner = StudentCopy.RemoveSolutions(source);
        var code = "<pre class=\"code\"><code>" + Encode(learner) + "</code></pre>\n";
        return learner == source
            ? code
            : code + "<details class=\"solution\"><summary>Show the solution</summary>\n<pre class=\"code\"><code>" + Encode(source) +
              "</code></pre>\n</details>\n";
    }

    private static string LessonPage(IReadOnlyList<SiteLesson> lessons, int index)
    {
        var lesson = lessons[index];
        var body = new StringBuilder();
        body.Append(Navigation(lessons, index));
        foreach (var cell in lesson.Notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"markdown\">\n").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</section>\n");
                    break;
                case CellKind.Code:
                    body.Append("<section class=\"cell\">\n").Append(CodeBlock(cell.Source));
                    foreach (var output in cell.Outputs)
                        body.Append(Output(output));
                    body.Append("</section>\n");
                    break;
                default:
                    body.Append("<pre class=\"raw\">").Append(Encode(cell.Source)).Append("</pre>\n");
                    break;
            }
        }
        body.Append(Navigation(lessons, index));
        return Page($"{TitleOf(lesson)} · {CourseTitle}", body.ToString());
    }

    private static string Output(CellOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"output stream {(s.Name == "stderr" ? "stderr" : "stdout")}\">{Encode(s.Text)}</pre>\n",
        DataOutput d when d.Get("text/html") is { } html => $"<div class=\"output html\">{html}</div>\n",
        DataOutput d when d.Get("image/svg+xml") is { } svg => $"<div class=\"output html\">{svg}</div>\n",
        DataOutput d when d.Get("text/markdown") is { } md => $"<div class=\"output markdown\">{Markdig.Markdown.ToHtml(md, Markdown)}</div>\n",
        DataOutput d => $"<pre class=\"output text\">{Encode(d.Get("text/plain") ?? "")}</pre>\n",
        ErrorOutput e => $"<pre class=\"output error\">{Encode(string.Join("\n", new[] { $"{e.EName}: {e.EValue}" }.Concat(e.Traceback.Skip(e.Traceback.Count > 0 && e.Traceback[0].Contains(e.EValue, StringComparison.Ordinal) ? 1 : 0))))}</pre>\n",
        _ => "",
    };

    private static string Navigation(IReadOnlyList<SiteLesson> lessons, int index)
    {
        var nav = new StringBuilder("<nav class=\"pager\">");
        nav.Append(index > 0 ? $"<a class=\"previous\" href=\"{Encode(lessons[index - 1].Stem)}.html\">← {Encode(TitleOf(lessons[index - 1]))}</a>" : "<span></span>");
        nav.Append("<a class=\"home\" href=\"index.html\">All lessons</a>");
        nav.Append(index < lessons.Count - 1 ? $"<a class=\"next\" href=\"{Encode(lessons[index + 1].Stem)}.html\">{Encode(TitleOf(lessons[index + 1]))} →</a>" : "<span></span>");
        return nav.Append("</nav>\n").ToString();
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="assets/katex.min.css">
        <link rel="stylesheet" href="assets/course.css">
        <script defer src="assets/katex.min.js"></script>
        <script defer src="assets/auto-render.min.js"></script>
        <script defer src="assets/course.js"></script>
        </head>
        <body>
        <header><a href="index.html">{Encode(CourseTitle)}</a></header>
        <main>
        {body}</main>
        </body>
        </html>

        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Write(string path, string text) => AtomicFile.WriteAllText(path, text.Replace("\r\n", "\n"));
}
