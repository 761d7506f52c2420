using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;
using ActivationCourse.Notebooks.Student;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>
/// Learners open notebooks/, so what is committed there must be exactly what the generator makes from the lesson
/// sources in solutions/ (no solution in sight), and committed with outputs in which no exercise passes.
/// </summary>
public class LearnerCopyTests
{
    private static string Folder(string name) => Path.Combine(TestFiles.RepositoryRoot, name);

    /// <summary>True for an output in which an exercise check reports "correct".</summary>
    public static bool SaysCorrect(CellOutput output) => output switch
    {
        StreamOutput s => s.Text.Contains(": correct", StringComparison.Ordinal) && s.Text.Contains("Exercise", StringComparison.Ordinal),
        DataOutput d => d.Data.Any(kv => kv.Value.Contains("✔", StringComparison.Ordinal) && kv.Value.Contains("Exercise", StringComparison.Ordinal)),
        _ => false,
    };

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder("solutions"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_committed_learner_copy_is_what_the_generator_makes(string lesson)
    {
        var source = NotebookReader.Load(Path.Combine(Folder("solutions"), lesson));
        var learnerPath = Path.Combine(Folder("notebooks"), lesson);
        Assert.True(File.Exists(learnerPath),
            $"notebooks/{lesson} is missing: run `dotnet run -c Release --project src/ActivationCourse.Cli -- notebooks student` and commit it.");
        var committed = NotebookReader.Load(learnerPath);
        var expected = StudentCopy.Create(source);

        Assert.Equal(expected.Cells.Select(c => (c.Kind, c.Source)), committed.Cells.Select(c => (c.Kind, c.Source)));
    }

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder("solutions"), "*.csx").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_committed_learner_script_is_what_the_generator_makes(string script)
    {
        var learnerPath = Path.Combine(Folder("notebooks"), script);
        Assert.True(File.Exists(learnerPath),
            $"notebooks/{script} is missing: run `dotnet run -c Release --project src/ActivationCourse.Cli -- notebooks student` and commit it.");

        Assert.Equal(StudentCopy.CreateScript(File.ReadAllText(Path.Combine(Folder("solutions"), script))), File.ReadAllText(learnerPath));
    }

    /// <summary>Every line between the solution markers of every lesson source (notebooks and scripts) that says something.</summary>
    private static List<(string Where, string Line)> SolutionLines()
    {
        var lines = new List<(string, string)>();
        void Collect(string where, string source)
        {
            bool inside = false;
            foreach (var raw in source.Split('\n'))
            {
                var line = raw.Trim();
                if (line == StudentCopy.BeginMarker || line == StudentCopy.EndMarker)
                    inside = line == StudentCopy.BeginMarker;
                else if (inside && !IsTrivial(line))
                    lines.Add((where, line));
            }
        }
        foreach (var path in Directory.GetFiles(Folder("solutions"), "*.ipynb"))
        {
            var notebook = NotebookReader.Load(path);
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                if (notebook.Cells[i].Kind == CellKind.Code)
                    Collect($"solutions/{Path.GetFileName(path)} cell {i}", notebook.Cells[i].Source);
            }
        }
        foreach (var path in Directory.GetFiles(Folder("solutions"), "*.csx"))
            Collect($"solutions/{Path.GetFileName(path)}", File.ReadAllText(path));
        return lines;
    }

    /// <summary>A line that gives nothing away: braces and brackets, or a bare keyword.</summary>
    private static bool IsTrivial(string line) =>
        line.Count(char.IsLetterOrDigit) < 3 || line is "else" or "break;" or "continue;" or "return;";

    public static TheoryData<string> LearnerCopies()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder("notebooks"), "*.ipynb").Concat(Directory.GetFiles(Folder("notebooks"), "*.csx")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(LearnerCopies))]
    public void No_learner_copy_contains_a_line_of_any_solution(string copy)
    {
        var path = Path.Combine(Folder("notebooks"), copy);
        var texts = new List<(string Where, string Text)>();
        if (copy.EndsWith(".csx", StringComparison.Ordinal))
        {
            texts.Add(($"notebooks/{copy}", File.ReadAllText(path)));
        }
        else
        {
            var notebook = NotebookReader.Load(path);
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                var outputs = cell.Outputs.Select(o => o switch
                {
                    StreamOutput s => s.Text,
                    DataOutput d => string.Join("\n", d.Data.Select(kv => kv.Value)),
                    _ => "",
                });
                texts.Add(($"notebooks/{copy} cell {i}", string.Join("\n", [cell.Source, .. outputs])));
            }
        }
        var learnerLines = texts.SelectMany(t => t.Text.Split('\n').Select(l => (t.Where, Line: l.Trim()))).ToList();

        var hits = SolutionLines()
            .SelectMany(s => learnerLines.Where(l => l.Line == s.Line).Select(l => $"{l.Where} shows \"{s.Line}\" (from {s.Where})"))
            .Distinct()
            .ToList();

        Assert.True(hits.Count == 0, string.Join(Environment.NewLine, hits));
    }

    /// <summary>
    /// The learner's network is declared once, in my-network.csx: a lesson that re-declares <c>MyLayer</c>,
    /// <c>Forward</c> or <c>Backward</c> runs the course's copy instead of the learner's (however it words the body).
    /// </summary>
    [Theory]
    [MemberData(nameof(Lessons))]
    public void No_lesson_redeclares_the_learners_network(string lesson)
    {
        var declaration = new System.Text.RegularExpressions.Regex(@"\brecord\s+MyLayer\b|\b(Forward|Backward)\s*\(\s*IReadOnlyList<MyLayer>");
        var cells = NotebookReader.Load(Path.Combine(Folder("solutions"), lesson)).Cells
            .Select((c, i) => (Index: i, c.Kind, c.Source))
            .Where(c => c.Kind == CellKind.Code && declaration.IsMatch(c.Source))
            .Select(c => c.Index)
            .ToList();

        Assert.True(cells.Count == 0, $"solutions/{lesson} declares the learner's network itself in cell(s) {string.Join(", ", cells)}; load it with #load \"my-network.csx\" instead.");
    }

    [Fact]
    public void No_learner_copy_shows_a_solution_or_a_passed_check()
    {
        var learnerCopies = Directory.GetFiles(Folder("notebooks"), "*.ipynb");
        Assert.NotEmpty(learnerCopies);
        foreach (var path in learnerCopies)
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain(StudentCopy.BeginMarker, text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Folder("solutions"), Path.GetFileName(path))),
                $"{Path.GetFileName(path)} has no source in solutions/; learner copies are generated, never written by hand.");
            var notebook = NotebookReader.Load(path);
            Assert.DoesNotContain(notebook.Cells.SelectMany(c => c.Outputs), SaysCorrect);
            Assert.DoesNotContain(notebook.Cells.SelectMany(c => c.Outputs), o => o is ErrorOutput);
        }
    }

    [Fact]
    public void Every_lesson_with_exercises_has_a_solution_block_in_its_source()
    {
        foreach (var path in Directory.GetFiles(Folder("solutions"), "*.ipynb"))
        {
            var text = File.ReadAllText(path);
            if (text.Contains("Check.", StringComparison.Ordinal) || text.Contains("Exercise", StringComparison.Ordinal))
                Assert.Contains(StudentCopy.BeginMarker, text, StringComparison.Ordinal);
        }
    }
}
