using System.Diagnostics;
using ActivationCourse.IO;

namespace ActivationCourse.Notebooks.Tests;

/// <summary>Atomic writes go where the path points, or nowhere: links are followed, devices, pipes and folders refused, modes kept.</summary>
public class AtomicFileTargetTests
{
    [Fact]
    public void A_write_through_a_symbolic_link_replaces_the_target_and_keeps_the_link()
    {
        using var temp = TestFiles.Temp();
        var real = Path.Combine(temp.Path, "real.ipynb");
        var link = Path.Combine(temp.Path, "link.ipynb");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(link, "real.ipynb");

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal("real.ipynb", new FileInfo(link).LinkTarget);
        Assert.Equal(["link.ipynb", "real.ipynb"], Names(temp.Path));
    }

    [Fact]
    public void A_chain_of_links_into_another_folder_writes_the_final_target_there()
    {
        using var temp = TestFiles.Temp();
        var other = Directory.CreateDirectory(Path.Combine(temp.Path, "other")).FullName;
        var real = Path.Combine(other, "model.bin");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "middle"), real);
        var link = Path.Combine(temp.Path, "first");
        File.CreateSymbolicLink(link, "middle");

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(["first", "middle", "other"], Names(temp.Path));
        Assert.Equal(["model.bin"], Names(other));
    }

    [Fact]
    public void A_dangling_link_creates_its_target()
    {
        using var temp = TestFiles.Temp();
        var link = Path.Combine(temp.Path, "link");
        File.CreateSymbolicLink(link, "missing.txt");

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal("new", File.ReadAllText(Path.Combine(temp.Path, "missing.txt")));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_character_device_is_refused_and_left_alone()
    {
        if (OperatingSystem.IsWindows())
            return;
        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText("/dev/null", "data"));

        Assert.Contains("/dev/null", error.Message);
        Assert.Contains("character device", error.Message);
        Assert.Contains("nothing was written", error.Message);
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.DoesNotContain(Directory.GetFiles("/dev"), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_to_a_device_is_refused_and_names_both()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var temp = TestFiles.Temp();
        var link = Path.Combine(temp.Path, "model.bin");
        File.CreateSymbolicLink(link, "/dev/null");

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(link, "data"));

        Assert.Contains($"{link} (a link to /dev/null)", error.Message);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(["model.bin"], Names(temp.Path));
    }

    [Fact]
    public void A_named_pipe_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var temp = TestFiles.Temp();
        var pipe = Path.Combine(temp.Path, "pipe");
        using (var mkfifo = Process.Start("mkfifo", pipe))
            mkfifo.WaitForExit();

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(pipe, "data"));

        Assert.Contains("named pipe", error.Message);
        Assert.Equal(["pipe"], Names(temp.Path));
    }

    [Fact]
    public void A_directory_or_a_link_to_one_is_refused()
    {
        using var temp = TestFiles.Temp();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "folder")).FullName;
        var link = Path.Combine(temp.Path, "link");
        File.CreateSymbolicLink(link, folder);

        Assert.Contains("a directory", Assert.Throws<IOException>(() => AtomicFile.WriteAllText(folder, "data")).Message);
        Assert.Contains("a directory", Assert.Throws<IOException>(() => AtomicFile.WriteAllText(link, "data")).Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_link_loop_is_refused_with_its_name()
    {
        using var temp = TestFiles.Temp();
        var a = Path.Combine(temp.Path, "a");
        File.CreateSymbolicLink(a, "b");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "b"), "a");

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(a, "data"));

        Assert.Contains(a, error.Message);
        Assert.Equal(["a", "b"], Names(temp.Path));
    }

    [Fact]
    public void A_replaced_file_keeps_its_mode()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var temp = TestFiles.Temp();
        var path = Path.Combine(temp.Path, "private.ipynb");
        File.WriteAllText(path, "old");
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(path, Private);

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(Private, File.GetUnixFileMode(path));
    }

    private static string[] Names(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];
}
