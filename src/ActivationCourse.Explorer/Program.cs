using ActivationCourse.Explorer;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

// The Activation Explorer: one page, two views, everything computed by ActivationCourse.Lib in WebAssembly.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
await builder.Build().RunAsync();
