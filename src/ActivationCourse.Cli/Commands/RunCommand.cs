using System.CommandLine;

namespace ActivationCourse.Cli.Commands;

/// <summary><c>course run</c>: the course's main job: execute every lesson notebook and build the site.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Execute every lesson (solutions/) and build the course site under artifacts/site, solutions collapsed.");
        command.SetAction((_, cancellationToken) => NotebookCommands.RunAsync([], null, inPlace: false, keepFailed: false, TimeSpan.FromMinutes(10), cancellationToken));
        return command;
    }
}
