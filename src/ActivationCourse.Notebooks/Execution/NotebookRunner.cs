using System.Collections.Immutable;
using System.Diagnostics;
using ActivationCourse.Notebooks.IO;
using ActivationCourse.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// Runs the C# cells of a Polyglot notebook in order, as chained Roslyn script submissions (state carries
/// from cell to cell, as in .NET Interactive), with the notebook's folder as the working directory.
/// The first failing cell stops the notebook: later cells are recorded as not run.
/// </summary>
/// <remarks>
/// Console redirection and the working directory are process-wide, so runs are serialized. A cell that times out
/// here is abandoned, not stopped (a thread cannot be ended safely), and a crash ends the whole process:
/// <see cref="IsolatedNotebookRunner"/> runs each notebook in its own process instead, and the <c>course</c> commands use it.
/// </remarks>
public sealed class NotebookRunner(RunnerOptions? options = null)
{
    /// <summary>The namespaces every cell sees, as in .NET Interactive's C# kernel.</summary>
    public static readonly ImmutableArray<string> DefaultUsings =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Framework references, built once and shared by every submission of every notebook.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return
        [
            .. Directory.GetFiles(runtimeDir, "*.dll")
                .Where(IsManagedAssembly)
                .Order(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(ScriptGlobals).Assembly.Location),
        ];
    });

    /// <summary>References to package and #r assemblies, shared by every notebook of the process (Roslyn caches their metadata per reference).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MetadataReference> SharedReferences = new(StringComparer.Ordinal);

    private readonly RunnerOptions options = options ?? new RunnerOptions();
    private readonly NuGetResolver nuget = new();

    /// <summary>Reads and runs a notebook file (<c>.ipynb</c> or <c>.dib</c>).</summary>
    public Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        return RunAsync(NotebookReader.Load(full), Path.GetDirectoryName(full)!, DisplayName(full, options.RepositoryRoot), cancellationToken);
    }

    /// <summary>A notebook's name in messages: its path relative to the repository, else its file name.</summary>
    internal static string DisplayName(string fullPath, string? repositoryRoot)
    {
        var root = repositoryRoot ?? RepositoryRoot.TryFind(Path.GetDirectoryName(fullPath)!);
        return root is not null && fullPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, fullPath).Replace('\\', '/')
            : Path.GetFileName(fullPath);
    }

    /// <summary>Runs a notebook whose relative paths are relative to <paramref name="directory"/>. The given notebook is not changed.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string directory, string name, CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;
            return await RunCoreAsync(notebook.Clone(), Path.GetFullPath(directory), name, cancellationToken);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            OneAtATime.Release();
        }
    }

    private async Task<NotebookRunResult> RunCoreAsync(Notebook notebook, string directory, string name, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var results = new List<CellResult>();
        var sinks = new Dictionary<Cell, OutputSink>();
        var defaultKernel = notebook.DefaultKernel;
        var fileName = name.Contains('/') ? name[(name.LastIndexOf('/') + 1)..] : name;
        var references = new List<MetadataReference>();
        var referencedPaths = new HashSet<string>(StringComparer.Ordinal);
        var scriptOptions = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .WithImports(DefaultUsings)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            // As the .NET Interactive kernel compiles cells: C# 14, Debug (see Kernel.Tests).
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.CSharp14)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory));
        ScriptGlobals? globals = null;
        ScriptState<object>? state = null;
        var executionCount = 0;
        var stopped = false;
        var scrubber = new PathScrubber(directory, options.RepositoryRoot ?? RepositoryRoot.TryFind(directory));

        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var number = i + 1;
            if (cell.Kind != CellKind.Code)
            {
                results.Add(new CellResult(number, CellStatus.NotCode, TimeSpan.Zero));
                continue;
            }
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (stopped)
            {
                results.Add(new CellResult(number, CellStatus.NotRun, TimeSpan.Zero));
                continue;
            }

            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, CellStatus.Running, TimeSpan.Zero));
            var clock = Stopwatch.StartNew();
            var sink = new OutputSink(options.CellOutputLimit);
            sinks[cell] = sink;
            cell.ExecutionCount = ++executionCount;
            var result = await RunCellAsync();
            results.Add(result);
            stopped = result.Status == CellStatus.Failed;
            options.CellFinished?.Invoke(result, cell.ExecutionCount, [.. sink.Snapshot().Select(scrubber.Scrub)]);
            options.Progress?.Invoke(new CellProgress(name, number, notebook.Cells.Count, result.Status, result.Elapsed));

            async Task<CellResult> RunCellAsync()
            {
                var directives = CellDirectives.Parse(cell.Source, cell.KernelName ?? defaultKernel);
                if (directives.Unsupported is { } unsupported)
                    return Fail("NotSupported", unsupported, [unsupported], directives.UnsupportedLine);

                try
                {
                    foreach (var package in directives.Packages)
                        AddReferences(nuget.Resolve(package.Id, package.Version));
                    foreach (var path in directives.AssemblyPaths)
                    {
                        var full = Path.GetFullPath(Path.Combine(directory, path));
                        if (!File.Exists(full))
                            throw new FileNotFoundException($"#r \"{path}\": no such file {full}");
                        AddReferences([full]);
                        AssemblyFolders.Add(Path.GetDirectoryName(full)!);
                    }
                }
                catch (Exception e) when (e is NotSupportedException or FileNotFoundException or InvalidOperationException)
                {
                    return Fail(e is NotSupportedException ? "NotSupported" : e.GetType().Name, e.Message, [e.Message], null);
                }

                var cellOptions = scriptOptions.AddReferences(references).WithFilePath($"{fileName}, cell {number}");
                var script = state is null
                    ? CSharpScript.Create<object>(directives.Code, cellOptions, typeof(ScriptGlobals))
                    : state.Script.ContinueWith<object>(directives.Code, cellOptions);
                var diagnostics = script.Compile(cancellationToken);
                var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    var lines = errors.Select(d =>
                    {
                        var at = d.Location.GetLineSpan().StartLinePosition;
                        return $"({at.Line + 1},{at.Character + 1}): error {d.Id}: {d.GetMessage()}";
                    }).ToList();
                    return Fail("CompilationError", $"error {errors[0].Id}: {errors[0].GetMessage()}", lines,
                        errors[0].Location.GetLineSpan().StartLinePosition.Line + 1);
                }

                globals ??= new ScriptGlobals(sink);
                globals.Sink = sink;
                options.CellExecuting?.Invoke(number, () => [.. sink.Snapshot().Select(scrubber.Scrub)]);
                var stdout = Console.Out;
                var stderr = Console.Error;
                using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Console.SetOut(TextWriter.Synchronized(sink.Stdout));
                Console.SetError(TextWriter.Synchronized(sink.Stderr));
                ScriptState<object> next;
                try
                {
                    var previous = state;
                    var run = Task.Run(() => previous is null
                        ? script.RunAsync(globals, _ => true, cancel.Token)
                        : script.RunFromAsync(previous, _ => true, cancel.Token), cancel.Token);
                    next = await run.WaitAsync(options.CellTimeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    cancel.Cancel();
                    var message = $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.###} s (the runner's cell timeout); the rest of the notebook is abandoned";
                    return Fail("Timeout", message, [message], null);
                }
                finally
                {
                    Console.SetOut(stdout);
                    Console.SetError(stderr);
                }

                // The kernel prints compiler warnings to stderr after the cell's console output, before its value, in this shape.
                var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed).Select(d =>
                    $"({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): warning {d.Id}: {d.GetMessage()}").ToList();
                if (warnings.Count > 0)
                    sink.Stderr.Write("\n" + string.Join("\n", warnings) + "\n\n");

                if (next.Exception is { } exception)
                    return Fail(exception.GetType().FullName ?? "Exception", exception.Message, Traceback(exception), LineInCell(exception, number));

                state = next;
                if (next.ReturnValue is { } value && EndsWithExpression(directives.Code))
                    sink.Add(new DataOutput(false, ValueFormatter.Format(value))); // display_data, as VS Code saves a cell's value
                return new CellResult(number, CellStatus.Succeeded, clock.Elapsed);

                CellResult Fail(string ename, string evalue, IReadOnlyList<string> traceback, int? line)
                {
                    sink.Add(new ErrorOutput(ename, evalue, traceback));
                    return new CellResult(number, CellStatus.Failed, clock.Elapsed, evalue, line);
                }
            }
        }

        void AddReferences(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                if (referencedPaths.Add(path))
                    references.Add(SharedReferences.GetOrAdd(path, p => MetadataReference.CreateFromFile(p)));
            }
        }

        foreach (var (cell, sink) in sinks)
        {
            cell.Outputs.Clear();
            cell.Outputs.AddRange(sink.Snapshot().Select(scrubber.Scrub));
        }
        return new NotebookRunResult(name, notebook, results, total.Elapsed);
    }

    /// <summary>True when the script's last statement is an expression without a semicolon (its value is shown).</summary>
    private static bool EndsWithExpression(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        return tree.GetCompilationUnitRoot().Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };
    }

    /// <summary>The line within the cell of the innermost frame that belongs to the cell's code.</summary>
    private static int? LineInCell(Exception exception, int number)
    {
        var suffix = $", cell {number}";
        return new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName()?.EndsWith(suffix, StringComparison.Ordinal) == true && f.GetFileLineNumber() > 0)
            ?.GetFileLineNumber();
    }

    /// <summary>The exception's text up to the runner's own frames.</summary>
    private static List<string> Traceback(Exception exception) =>
        exception.ToString().Replace("\r\n", "\n").Split('\n')
            .TakeWhile(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Where(l => !l.TrimStart().StartsWith("at Submission#", StringComparison.Ordinal) || l.Contains(", cell ", StringComparison.Ordinal))
            .ToList();

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>Folders of DLLs referenced with <c>#r</c>; their dependencies resolve from there.</summary>
    private static readonly HashSet<string> AssemblyFolders = CreateResolver();

    private static HashSet<string> CreateResolver()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, assemblyName) =>
        {
            string[] snapshot;
            lock (folders)
                snapshot = [.. folders];
            foreach (var folder in snapshot)
            {
                var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
                if (File.Exists(candidate))
                    return context.LoadFromAssemblyPath(candidate);
            }
            return null;
        };
        return folders;
    }
}
