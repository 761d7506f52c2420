using System.CommandLine;
using ActivationCourse.Cli.Commands;

// `course`: the course's command line. Each command group lives in its own file under Commands/.
var root = new RootCommand("ActivationCourse: run the notebooks, build the course site, fetch MNIST, train and benchmark.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(DataCommands.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(NotebookCommands.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ServeCommand.Create());

return await root.Parse(args).InvokeAsync();
