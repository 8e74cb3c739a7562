using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Http
{
    /// <summary>
    /// Reads a response body into memory, but never more than a cap: the decompressed bytes are counted as they
    /// arrive, so a decompression bomb (a megabyte that inflates to a gigabyte) stops at the cap instead of taking
    /// the session's memory. HttpClient's own buffering has no such cap below 2 GiB.
    /// </summary>
    internal static class BoundedBody
    {
        private const int ChunkSize = 81920;

        /// <summary>The body, or an empty array when there is none.</summary>
        /// <exception cref="TooLargeException">The body (or its announced length) is over <paramref name="maximum"/> bytes.</exception>
        /// <exception cref="InvalidDataException">The body's compression is broken.</exception>
        public static async Task<byte[]> ReadAsync(HttpContent? content, long maximum, CancellationToken cancellationToken)
        {
            if (content is null) return Array.Empty<byte>();
            long? announced = content.Headers.ContentLength;
            if (announced > maximum) throw new TooLargeException(announced);

            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            // .NET Framework's network stream does not watch the token while a read waits: closing it ends the read.
            using (cancellationToken.Register(() => stream.Dispose()))
            using (stream)
            {
                var buffer = new MemoryStream(announced is long length && length > 0 ? (int)length : 0);
                var chunk = new byte[ChunkSize];
                while (true)
                {
                    int read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    if (buffer.Length + read > maximum) throw new TooLargeException(null);
                    buffer.Write(chunk, 0, read);
                }
                return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
            }
        }

        /// <summary>The body is over the cap; nothing more of it was read.</summary>
        internal sealed class TooLargeException : Exception
        {
            public TooLargeException(long? announced)
                : base("The response body is over the size cap.") => Announced = announced;

            /// <summary>The Content-Length the server announced, when that was already over the cap.</summary>
            public long? Announced { get; }

            /// <summary>E.g. <c> (it announced 20000000)</c>, or nothing when the cap was reached while reading.</summary>
            public string Describe() => Announced is long n ? " (it announced " + n.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;
        }
    }
}
