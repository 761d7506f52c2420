using System.Runtime.InteropServices;

namespace ActivationCourse.Cli.Benchmarks;

/// <summary>
/// A run-time binding to a system OpenBLAS (<c>cblas_sgemm</c>, <c>cblas_saxpy</c> and two descriptive calls), the optional native
/// reference of <c>course bench</c>.
/// </summary>
/// <remarks>
/// The library is looked up with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> rather than a
/// <c>DllImport</c>, so a machine without OpenBLAS runs the rest of the benchmark as before. No package or binary
/// ships with the course: the reference is whatever the system has installed. The library stays loaded for
/// the life of the process. The CBLAS integers are 32-bit (<c>libopenblas64</c>, with 64-bit integers, is not
/// among the names tried).
/// </remarks>
internal sealed unsafe class OpenBlas
{
    // CBLAS enumeration values (cblas.h).
    private const int RowMajor = 101;
    private const int NoTrans = 111;
    private const int Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly delegate* unmanaged<int, float, float*, int, float*, int, void> _saxpy;
    private readonly delegate* unmanaged<int> _getNumThreads;
    private readonly delegate* unmanaged<byte*> _getConfig;
    private readonly delegate* unmanaged<byte*> _getCoreName;

    private OpenBlas(string name, IntPtr handle)
    {
        LibraryName = name;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(handle, "cblas_sgemm");
        _saxpy = (delegate* unmanaged<int, float, float*, int, float*, int, void>)NativeLibrary.GetExport(handle, "cblas_saxpy");
        // The descriptive calls are OpenBLAS extensions; a CBLAS without them still works for the timing.
        _getNumThreads = NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out IntPtr threads) ? (delegate* unmanaged<int>)threads : null;
        _getConfig = NativeLibrary.TryGetExport(handle, "openblas_get_config", out IntPtr config) ? (delegate* unmanaged<byte*>)config : null;
        _getCoreName = NativeLibrary.TryGetExport(handle, "openblas_get_corename", out IntPtr core) ? (delegate* unmanaged<byte*>)core : null;
    }

    /// <summary>The file names tried on this operating system, in order.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["libopenblas.dll", "openblas.dll"]
        : OperatingSystem.IsMacOS() ? ["libopenblas.0.dylib", "libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib", "/usr/local/opt/openblas/lib/libopenblas.dylib"]
        : ["libopenblas.so.0", "libopenblas.so"];

    /// <summary>One line for stderr when no library was found: what was tried and how to install it.</summary>
    public static string MissingNote =>
        $"OpenBLAS not found (tried {string.Join(", ", CandidateNames)}); the openblas_* reference entries are left out. To get them, install it: {InstallHint}.";

    /// <summary>The name the library was loaded by.</summary>
    public string LibraryName { get; }

    /// <summary>OpenBLAS's build description (version, target core, threading), or null if not exported.</summary>
    public string? Config => _getConfig is null ? null : Marshal.PtrToStringUTF8((IntPtr)_getConfig());

    /// <summary>The kernel family OpenBLAS runs (its choice, or <c>OPENBLAS_CORETYPE</c>'s), or null if not exported.</summary>
    public string? CoreName => _getCoreName is null ? null : Marshal.PtrToStringUTF8((IntPtr)_getCoreName());

    /// <summary>Threads OpenBLAS uses per call, or 0 if not exported.</summary>
    public int Threads => _getNumThreads is null ? 0 : _getNumThreads();

    /// <summary>A one-line description for stderr.</summary>
    public string Description => $"OpenBLAS reference: {LibraryName}, {Config ?? "config unknown"}, {CoreName ?? "unknown"} kernels, {Threads} threads";

    private static string InstallHint =>
        OperatingSystem.IsWindows() ? "put libopenblas.dll (from the OpenBLAS releases on GitHub) on PATH"
        : OperatingSystem.IsMacOS() ? "brew install openblas"
        : "on Debian/Ubuntu apt-get install libopenblas0, on Fedora dnf install openblas";

    /// <summary>Loads the first of <see cref="CandidateNames"/> that exports <c>cblas_sgemm</c> and <c>cblas_saxpy</c>.</summary>
    public static OpenBlas? TryLoad() => TryLoad(CandidateNames);

    /// <summary>Loads the first of <paramref name="names"/> that exports <c>cblas_sgemm</c> and <c>cblas_saxpy</c>; null if none does.</summary>
    public static OpenBlas? TryLoad(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _) && NativeLibrary.TryGetExport(handle, "cblas_saxpy", out _))
            {
                return new OpenBlas(name, handle);
            }

            NativeLibrary.Free(handle);
        }

        return null;
    }

    /// <summary>
    /// C = α·op(A)·op(B) + β·C on row-major storage, with the same arguments as
    /// <see cref="ActivationCourse.LinearAlgebra.Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for its size and stride (native code would
    /// read or write past it).</exception>
    public void Sgemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        // As stored, A is m×k (k×m transposed) and B is k×n (n×k transposed).
        Require(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a));
        Require(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b));
        Require(c.Length, m, n, ldc, nameof(c));
        fixed (float* pa = a, pb = b, pc = c)
        {
            _sgemm(RowMajor, transposeA ? Trans : NoTrans, transposeB ? Trans : NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <summary>y = α·x + y over equal-length spans (the SGD step: α = −learning rate, x the gradient).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Saxpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values, y {y.Length}.", nameof(y));
        }

        fixed (float* px = x, py = y)
        {
            _saxpy(x.Length, alpha, px, 1, py, 1);
        }
    }

    private static void Require(int length, int rows, int columns, int stride, string name)
    {
        if (rows < 0 || columns < 0 || stride < Math.Max(1, columns) || (rows > 0 && length < ((long)(rows - 1) * stride) + columns))
        {
            throw new ArgumentException($"{name}: {length} values do not hold {rows}×{columns} with row stride {stride}.", name);
        }
    }
}
