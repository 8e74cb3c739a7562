using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>
/// Gzip bodies that inflate far beyond their size: a JSON envelope around one long string of spaces. Made once per
/// size and kept, since deflating a gigabyte takes seconds and a fuzz run asks for the same bomb many times.
/// </summary>
internal static class GzipBomb
{
    private static readonly ConcurrentDictionary<long, byte[]> Made = new();

    /// <summary>The gzip bytes of a reply that inflates to about <paramref name="size"/> bytes.</summary>
    public static byte[] Of(long size) => Made.GetOrAdd(Math.Max(64, size), Make);

    private static byte[] Make(long size)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] head = Encoding.ASCII.GetBytes("{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"");
            byte[] tail = Encoding.ASCII.GetBytes("\"}}");
            gzip.Write(head);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long left = size - head.Length - tail.Length; left > 0; left -= spaces.Length)
                gzip.Write(spaces, 0, (int)Math.Min(left, spaces.Length));
            gzip.Write(tail);
        }
        return packed.ToArray();
    }
}
