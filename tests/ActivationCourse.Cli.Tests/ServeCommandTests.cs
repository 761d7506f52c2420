namespace ActivationCourse.Cli.Tests;

/// <summary><c>course serve</c> with a port it cannot use says so in one line and exits with 2, never with a stack trace.</summary>
public class ServeCommandTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("-1")]
    [InlineData("70000")]
    public void A_port_outside_the_range_is_one_line_and_exit_2(string port)
    {
        var run = CourseProcess.Run(Quick, null, "serve", "--port", port);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: --port {port}: a port is 1 to 65535 (0 picks a free one).", run.Error.Trim());
        Assert.Equal("", run.Output);
    }
}
