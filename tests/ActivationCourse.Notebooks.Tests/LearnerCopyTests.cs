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
