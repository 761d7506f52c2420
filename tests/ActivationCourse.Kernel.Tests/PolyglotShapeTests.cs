using System.Text.Json.Nodes;
using ActivationCourse.Notebooks.IO;

namespace ActivationCourse.Kernel.Tests;

/// <summary>A notebook saved by a Jupyter front end is written back as VS Code's Polyglot Notebooks saves it.</summary>
public class PolyglotShapeTests
{
    private const string JupyterSaved = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# Title"]},
          {"cell_type": "code", "execution_count": 1, "id": "c", "metadata": {"dotnet_interactive": {"language": "csharp"}, "execution": {"iopub.status.busy": "2026-12-05T22:55:58Z"}},
           "outputs": [{"data": {"text/html": ["<pre>3</pre>"]}, "execution_count": 1, "metadata": {}, "output_type": "execute_result"}],
           "source": ["1 + 2"]}
         ],
         "metadata": {
          "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
          "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#", "pygments_lexer": "csharp", "version": "13.0"}
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Language_info_and_cell_kernel_names_are_Polyglots()
    {
        var saved = JsonNode.Parse(NotebookWriter.ToJson(NotebookReader.ParseIpynb(JupyterSaved)))!;

        Assert.Equal("""{"name":"polyglot-notebook"}""", saved["metadata"]!["language_info"]!.ToJsonString());
        Assert.Equal("csharp", (string?)saved["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        var code = saved["cells"]![1]!["metadata"]!;
        Assert.Equal("""{"dotnet_interactive":{"language":"csharp"},"polyglot_notebook":{"kernelName":"csharp"}}""", code.ToJsonString());
        Assert.Equal("{}", saved["cells"]![0]!["metadata"]!.ToJsonString());
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes()
    {
        var once = NotebookWriter.ToJson(NotebookReader.ParseIpynb(JupyterSaved));

        Assert.Equal(once, NotebookWriter.ToJson(NotebookReader.ParseIpynb(once)));
    }
}
