using ActivationCourse.Notebooks.Execution;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>Files that are not notebooks the runner can read: one line naming the file and the problem, and the others still run.</summary>
public class MalformedNotebookTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "not-json.ipynb", "this is not JSON", "not valid JSON (line 1)" },
        { "empty.ipynb", "", "the file is empty" },
        { "hello.ipynb", """{"hello":"world"}""", "no \"nbformat\" field" },
        { "array.ipynb", "[1, 2]", "the file holds a JSON array" },
        { "source-number.ipynb", """{"cells":[{"cell_type":"code","source":123,"metadata":{},"outputs":[],"execution_count":null}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "cell 1: \"source\" must be a string or an array of strings, not the number 123" },
        { "source-array-of-numbers.ipynb", """{"cells":[{"cell_type":"markdown","source":["a", 2],"metadata":{}}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "cell 1: \"source\" must be a string or an array of strings, not the number 2" },
        { "nbformat3.ipynb", """{"worksheets":[],"metadata":{},"nbformat":3,"nbformat_minor":0}""", "nbformat 3 is not supported" },
        { "nbformat-string.ipynb", """{"cells":[],"metadata":{},"nbformat":"4","nbformat_minor":5}""", "\"nbformat\" must be the number 4, not the string \"4\"" },
        { "no-cells.ipynb", """{"metadata":{},"nbformat":4,"nbformat_minor":5}""", "\"cells\" must be an array, not missing" },
        { "metadata-array.ipynb", """{"cells":[],"metadata":[],"nbformat":4,"nbformat_minor":5}""", "\"metadata\" must be an object, not an array" },
        { "cell-type.ipynb", """{"cells":[{"cell_type":"python","source":"","metadata":{}}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "cell 1: \"cell_type\" must be \"code\", \"markdown\" or \"raw\", not the string \"python\"" },
        { "cell-metadata.ipynb", """{"cells":[{"cell_type":"markdown","source":""}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "cell 1: \"metadata\" must be an object, not missing" },
        { "outputs.ipynb", """{"cells":[{"cell_type":"code","source":"","metadata":{},"outputs":{},"execution_count":null}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "cell 1: \"outputs\" must be an array, not an object" },
        { "conflict.ipynb", "{\n<<<<<<< HEAD\n \"cells\": [],\n=======\n \"cells\": [1],\n>>>>>>> theirs\n}\n", "unresolved merge-conflict marker at line 2" },
        { "bad-meta.dib", "#!meta\n{not json}\n\n#!csharp\n1\n", "the #!meta block is not valid JSON" },
        { "meta-array.dib", "#!meta\n[1]\n\n#!csharp\n1\n", "the #!meta block must be a JSON object, not an array" },
        { "conflict.dib", "#!csharp\n<<<<<<< HEAD\nvar x = 1;\n=======\nvar x = 2;\n>>>>>>> theirs\n", "unresolved merge-conflict marker at line 2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reader_names_the_file_and_the_problem(string file, string text, string problem)
    {
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, file);
        File.WriteAllText(path, text);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Load(path));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith(path + ": ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Malformed_notebooks_among_good_ones_are_each_named_and_the_good_ones_still_run_and_are_saved()
    {
        using var temp = TestFiles.Temp();
        var paths = new List<string>();
        foreach (var row in Cases())
        {
            var (file, text) = ((string)row[0], (string)row[1]);
            paths.Add(Path.Combine(temp.Path, file));
            File.WriteAllText(paths[^1], text);
        }
        var good = Path.Combine(temp.Path, "good.dib");
        File.WriteAllText(good, "#!csharp\nConsole.WriteLine(\"good ran\");\n");
        paths.Insert(paths.Count / 2, good);
        var originals = paths.ToDictionary(p => p, File.ReadAllBytes);
        var reported = new List<NotebookOutcome>();

        var outcomes = await new NotebookBatch
        {
            Run = new NotebookRunner(new RunnerOptions { CellTimeout = TimeSpan.FromMinutes(2) }).RunAsync,
            OutputFolder = Path.Combine(temp.Path, "out"),
            InPlace = true,
            Finished = reported.Add,
        }.RunAsync(paths);

        Assert.Equal(outcomes, reported);
        foreach (var outcome in outcomes.Where(o => o.Path != good))
        {
            var expected = (string)Cases().Single(row => (string)row[0] == Path.GetFileName(outcome.Path))[2];
            Assert.NotNull(outcome.Problem);
            Assert.StartsWith(Path.GetFileName(outcome.Path) + ": ", outcome.Problem);
            Assert.Contains(expected, outcome.Problem);
            Assert.Null(outcome.Result);
            Assert.Null(outcome.WrittenTo);
        }
        var ok = outcomes.Single(o => o.Path == good);
        Assert.True(ok.Succeeded, ok.Problem);
        Assert.Contains("good ran", File.ReadAllText(Path.Combine(temp.Path, "good.ipynb")));
        // Nothing lost: every malformed file is byte for byte as it was, and nothing was written next to it.
        Assert.All(paths, p => Assert.Equal(originals[p], File.ReadAllBytes(p)));
        Assert.Equal(paths.Count + 1, Directory.GetFiles(temp.Path).Length);
    }
}
