using System.Collections.Immutable;
using System.Diagnostics;
using ActivationCourse.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// The C# cells of one notebook as chained Roslyn script submissions (state carries from cell to cell, as in
/// .NET Interactive): resolves a cell's directives, compiles it, runs it with its console captured, and says how it
/// ended. The caller sets the working directory and runs one cell at a time.
/// </summary>
internal sealed class ScriptSession
{
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

    /// <summary>Folders of DLLs referenced with <c>#r</c>; their dependencies resolve from there.</summary>
    private static readonly HashSet<string> AssemblyFolders = CreateResolver();

    private readonly string directory;
    private readonly string fileName;
    private readonly string defaultKernel;
    private readonly TimeSpan timeout;
    private readonly NuGetResolver nuget;
    private readonly ScriptOptions scriptOptions;
    private readonly List<MetadataReference> references = [];
    private readonly HashSet<string> referencedPaths = new(StringComparer.Ordinal);
    private ScriptGlobals? globals;
    private ScriptState<object>? state;

    public ScriptSession(string directory, string fileName, string defaultKernel, TimeSpan timeout, NuGetResolver nuget)
    {
        this.directory = directory;
        this.fileName = fileName;
        this.defaultKernel = defaultKernel;
        this.timeout = timeout;
        this.nuget = nuget;
        scriptOptions = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .WithImports(NotebookRunner.DefaultUsings)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            // As the .NET Interactive kernel compiles cells: C# 14, Debug (see Kernel.Tests).
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.CSharp14)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory));
    }

    /// <summary>
    /// Runs cell <paramref name="number"/>, its outputs (and its error, if it fails) going to <paramref name="sink"/>;
    /// <paramref name="executing"/> is called once it is compiled, just before its code runs.
    /// </summary>
    public async Task<CellResult> RunCellAsync(Cell cell, int number, OutputSink sink, Action executing, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var directives = CellDirectives.Parse(cell.Source, cell.KernelName ?? defaultKernel);
        if (directives.Unsupported is { } unsupported)
            return Fail("NotSupported", unsupported, [unsupported], directives.UnsupportedLine);
        if (AddDirectiveReferences(directives) is { } referenceError)
            return Fail(referenceError.EName, referenceError.Message, [referenceError.Message], null);

        var script = Compile(directives.Code, number);
        var diagnostics = script.Compile(cancellationToken);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return Fail("CompilationError", $"error {errors[0].Id}: {errors[0].GetMessage()}", [.. errors.Select(d => Describe(d, "error"))],
                errors[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        }

        globals ??= new ScriptGlobals(sink);
        globals.Sink = sink;
        executing();
        var next = await ExecuteAsync(script, sink, cancellationToken);
        if (next is null)
        {
            var message = $"the cell did not finish within {timeout.TotalSeconds:0.###} s (the runner's cell timeout); the rest of the notebook is abandoned";
            return Fail("Timeout", message, [message], null);
        }

        // The kernel prints compiler warnings to stderr after the cell's console output, before its value, in this shape.
        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed).Select(d => Describe(d, "warning")).ToList();
        if (warnings.Count > 0)
            sink.Stderr.Write("\n" + string.Join("\n", warnings) + "\n\n");
        if (next.Exception is { } exception)
            return Fail(exception.GetType().FullName ?? "Exception", exception.Message, Traceback(exception), LineInCell(exception, number));

        state = next;
        if (next.ReturnValue is { } value && EndsWithExpression(directives.Code))
            sink.Add(new DataOutput(false, ValueFormatter.Format(value))); // display_data, as VS Code saves a cell's value
        return new CellResult(number, CellStatus.Succeeded, clock.Elapsed, OutputTruncated: sink.Truncated);

        CellResult Fail(string ename, string evalue, IReadOnlyList<string> traceback, int? line)
        {
            sink.Add(new ErrorOutput(ename, evalue, traceback));
            return new CellResult(number, CellStatus.Failed, clock.Elapsed, evalue, line, sink.Truncated);
        }
    }

    /// <summary>Adds the cell's packages and DLLs to the references; the error (its name and message) when one cannot be had.</summary>
    private (string EName, string Message)? AddDirectiveReferences(CellDirectives directives)
    {
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
                lock (AssemblyFolders)
                    AssemblyFolders.Add(Path.GetDirectoryName(full)!);
            }
            return null;
        }
        catch (Exception e) when (e is NotSupportedException or FileNotFoundException or InvalidOperationException)
        {
            return (e is NotSupportedException ? "NotSupported" : e.GetType().Name, e.Message);
        }
    }

    private void AddReferences(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (referencedPaths.Add(path))
                references.Add(SharedReferences.GetOrAdd(path, p => MetadataReference.CreateFromFile(p)));
        }
    }

    /// <summary>The cell's code as the next submission.</summary>
    private Script<object> Compile(string code, int number)
    {
        var cellOptions = scriptOptions.AddReferences(references).WithFilePath($"{fileName}, cell {number}");
        return state is null
            ? CSharpScript.Create<object>(code, cellOptions, typeof(ScriptGlobals))
            : state.Script.ContinueWith<object>(code, cellOptions);
    }

    /// <summary>Runs the compiled cell with the console captured by <paramref name="sink"/>; null when it passed the timeout (it is abandoned).</summary>
    private async Task<ScriptState<object>?> ExecuteAsync(Script<object> script, OutputSink sink, CancellationToken cancellationToken)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.SetOut(TextWriter.Synchronized(sink.Stdout));
        Console.SetError(TextWriter.Synchronized(sink.Stderr));
        try
        {
            var previous = state;
            var run = Task.Run(() => previous is null
                ? script.RunAsync(globals, _ => true, cancel.Token)
                : script.RunFromAsync(previous, _ => true, cancel.Token), cancel.Token);
            return await run.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await cancel.CancelAsync();
            return null;
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private static string Describe(Diagnostic d, string severity)
    {
        var at = d.Location.GetLineSpan().StartLinePosition;
        return $"({at.Line + 1},{at.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
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
