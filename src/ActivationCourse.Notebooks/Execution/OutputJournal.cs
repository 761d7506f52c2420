using System.IO.MemoryMappedFiles;
using ActivationCourse.Notebooks.Model;

namespace ActivationCourse.Notebooks.Execution;

/// <summary>
/// The console text of the cell a worker is running, kept as it is written in a file that the worker and the runner
/// both map into memory: a write is a memory copy (no system call), and it outlives the worker's process, so when
/// the process ends without a word (a stack overflow, a kill) the runner still reads what the cell printed.
/// Displayed values are not kept here (they reach the runner when the cell ends, or when asked for).
/// </summary>
/// <remarks>
/// Layout: bytes used after the header (int64), the cell number (int32), padding to 16 bytes, then records: the
/// stream (one byte: 0 stdout, 1 stderr), the length in characters (int32), the UTF-16 characters. Consecutive
/// writes to one stream extend its record. Data is written before the length that covers it. When the file is full
/// the rest of the cell's text is not kept here (the cell's own output limit applies as usual).
/// </remarks>
internal sealed class OutputJournal : IDisposable
{
    private const int Header = 16;
    private const int RecordHeader = 5;

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly long capacity;
    private long used;
    private long lastRecord = -1;
    private byte lastStream;
    private bool full;

    private OutputJournal(MemoryMappedFile file, long capacity)
    {
        this.file = file;
        this.capacity = capacity;
        view = file.CreateViewAccessor(0, capacity);
    }

    /// <summary>Room for a cell that keeps <paramref name="characters"/> characters, with some to spare for records.</summary>
    public static long CapacityFor(long characters) => Header + (2 * characters) + (1 << 20);

    /// <summary>The runner's side: creates the (sparse) file at <paramref name="path"/>.</summary>
    public static OutputJournal Create(string path, long capacity) =>
        new(MemoryMappedFile.CreateFromFile(path, FileMode.CreateNew, null, capacity, MemoryMappedFileAccess.ReadWrite), capacity);

    /// <summary>The worker's side: maps the file the runner created.</summary>
    public static OutputJournal Open(string path)
    {
        var capacity = new FileInfo(path).Length;
        return new OutputJournal(MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite), capacity);
    }

    /// <summary>Starts cell <paramref name="number"/>: what the previous cell wrote is forgotten.</summary>
    public void Begin(int number)
    {
        lock (view)
        {
            used = 0;
            lastRecord = -1;
            full = false;
            view.Write(0, 0L);
            view.Write(8, number);
        }
    }

    /// <summary>Appends console text of the running cell to <paramref name="stream"/> (stdout or stderr).</summary>
    public void Append(string stream, string text)
    {
        var kind = stream == "stderr" ? (byte)1 : (byte)0;
        lock (view)
        {
            var extend = lastRecord >= 0 && lastStream == kind;
            var needed = (extend ? 0 : RecordHeader) + (2L * text.Length);
            if (full || text.Length == 0 || Header + used + needed > capacity)
            {
                full |= text.Length > 0;
                return;
            }
            var at = Header + used;
            if (!extend)
            {
                view.Write(at, kind);
                view.Write(at + 1, 0);
                lastRecord = at;
                lastStream = kind;
                at += RecordHeader;
            }
            view.WriteArray(at, text.ToCharArray(), 0, text.Length);
            view.Write(lastRecord + 1, view.ReadInt32(lastRecord + 1) + text.Length);
            used += needed;
            view.Write(0, used);
        }
    }

    /// <summary>The runner's side: the cell last begun, and its console text as stream outputs.</summary>
    public (int Cell, List<CellOutput> Outputs) Read()
    {
        var outputs = new List<CellOutput>();
        var end = Header + Math.Min(view.ReadInt64(0), capacity - Header);
        for (long at = Header; at + RecordHeader <= end;)
        {
            var stream = view.ReadByte(at) == 1 ? "stderr" : "stdout";
            var length = (int)Math.Min(view.ReadInt32(at + 1), (end - at - RecordHeader) / 2);
            var chars = new char[Math.Max(0, length)];
            view.ReadArray(at + RecordHeader, chars, 0, chars.Length);
            if (chars.Length > 0)
                outputs.Add(new StreamOutput(stream, new string(chars)));
            at += RecordHeader + (2L * chars.Length);
        }
        return (view.ReadInt32(8), outputs);
    }

    public void Dispose()
    {
        view.Dispose();
        file.Dispose();
    }
}
