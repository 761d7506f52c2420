using ActivationCourse.Explorer.Tests;

// Entry point of the test assembly when run directly (the test runner does not use it):
// `dotnet ActivationCourse.Explorer.Tests.dll fingerprint` prints what ScalarFallbackTests compares.
if (args is ["fingerprint"])
{
    Console.Out.Write(Fingerprint.Compute().ToText());
    return 0;
}
Console.Error.WriteLine("usage: ActivationCourse.Explorer.Tests.dll fingerprint");
return 2;
