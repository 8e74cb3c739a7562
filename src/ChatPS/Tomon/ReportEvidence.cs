using System;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace ChatPS.Tomon
{
    /// <summary>Why an evidence file was refused.</summary>
    public enum EvidenceProblem
    {
        /// <summary>No such file.</summary>
        NotFound,

        /// <summary>The path is a directory.</summary>
        IsDirectory,

        /// <summary>The file cannot be opened for reading.</summary>
        Unreadable,

        /// <summary>The file is empty.</summary>
        Empty,

        /// <summary>The content is not a PNG, JPEG, GIF or WebP image (judged by its first bytes, not its name).</summary>
        NotAnImage,

        /// <summary>The file is larger than the size cap.</summary>
        TooLarge,
    }

    /// <summary>An evidence file was refused before anything was sent.</summary>
    public sealed class ReportEvidenceException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public ReportEvidenceException(string path, EvidenceProblem problem, string message, Exception? inner = null)
            : base(message, "evidencePaths", inner)
        {
            Path = path;
            Problem = problem;
        }

        /// <summary>The offending path.</summary>
        public string Path { get; }

        /// <summary>What is wrong with it.</summary>
        public EvidenceProblem Problem { get; }
    }

    /// <summary>One checked evidence image.</summary>
    public sealed class EvidenceFile
    {
        internal EvidenceFile(string fullPath, long length, string mediaType)
        {
            FullPath = fullPath;
            Length = length;
            MediaType = mediaType;
        }

        /// <summary>Absolute path.</summary>
        public string FullPath { get; }

        /// <summary>File name sent in the multipart part.</summary>
        public string FileName => System.IO.Path.GetFileName(FullPath);

        /// <summary>Size in bytes when checked.</summary>
        public long Length { get; }

        /// <summary><c>image/png</c>, <c>image/jpeg</c>, <c>image/gif</c> or <c>image/webp</c>.</summary>
        public string MediaType { get; }
    }

    /// <summary>Checks report evidence before anything is sent: exists, is a readable file, is an image by its magic bytes, is under the cap.</summary>
    public static class ReportEvidence
    {
        /// <summary>The default size cap per file: 8 MiB.</summary>
        public const long DefaultMaxBytes = 8L * 1024 * 1024;

        /// <summary>
        /// The files a wildcard pattern matched, or <see cref="ReportEvidenceException"/> (NotFound, naming the pattern)
        /// when it matched none. A pattern the user gave stands for evidence they meant to send: filing the report
        /// without it would be a silent drop, and PowerShell's path expansion returns an empty list, not an error,
        /// when the folder exists but nothing in it matches.
        /// </summary>
        public static IReadOnlyList<string> RequireMatches(string pattern, IReadOnlyList<string> matches)
        {
            if (matches is null) throw new ArgumentNullException(nameof(matches));
            if (matches.Count == 0)
                throw new ReportEvidenceException(pattern ?? string.Empty, EvidenceProblem.NotFound, $"No evidence file matches '{pattern}'.");
            return matches;
        }

        /// <summary>Checks every path; the first problem throws <see cref="ReportEvidenceException"/> naming the file.</summary>
        public static IReadOnlyList<EvidenceFile> Validate(IEnumerable<string> paths, long maxBytes = DefaultMaxBytes)
        {
            if (paths is null) throw new ArgumentNullException(nameof(paths));
            if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The size cap must be positive.");
            var files = new List<EvidenceFile>();
            foreach (var path in paths) files.Add(Check(path, maxBytes));
            return files;
        }

        private static EvidenceFile Check(string path, long maxBytes)
        {
            if (string.IsNullOrWhiteSpace(path))
                throw new ReportEvidenceException(path ?? string.Empty, EvidenceProblem.NotFound, "An evidence path is empty.");
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is SecurityException)
            {
                throw new ReportEvidenceException(path, EvidenceProblem.NotFound, $"'{path}' is not a valid path.", ex);
            }
            if (Directory.Exists(full))
                throw new ReportEvidenceException(path, EvidenceProblem.IsDirectory, $"'{path}' is a directory; give image files.");
            if (!File.Exists(full))
                throw new ReportEvidenceException(path, EvidenceProblem.NotFound, $"Evidence file '{path}' does not exist.");

            var header = new byte[12];
            int read;
            long length;
            try
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
                length = stream.Length;
                read = 0;
                while (read < header.Length)
                {
                    int n = stream.Read(header, read, header.Length - read);
                    if (n == 0) break;
                    read += n;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is SecurityException)
            {
                throw new ReportEvidenceException(path, EvidenceProblem.Unreadable, $"Evidence file '{path}' cannot be read: {ex.Message}", ex);
            }

            if (length == 0)
                throw new ReportEvidenceException(path, EvidenceProblem.Empty, $"Evidence file '{path}' is empty.");
            if (length > maxBytes)
                throw new ReportEvidenceException(path, EvidenceProblem.TooLarge,
                    $"Evidence file '{path}' is {length:N0} bytes; the limit is {maxBytes:N0} bytes.");
            string? mediaType = Sniff(header, read);
            if (mediaType is null)
                throw new ReportEvidenceException(path, EvidenceProblem.NotAnImage,
                    $"Evidence file '{path}' is not a PNG, JPEG, GIF or WebP image (checked by content, not by name).");
            return new EvidenceFile(full, length, mediaType);
        }

        /// <summary>The image type from the first bytes, or null.</summary>
        internal static string? Sniff(byte[] b, int n)
        {
            if (n >= 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47 && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A)
                return "image/png";
            if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
                return "image/jpeg";
            if (n >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a')
                return "image/gif";
            if (n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
                return "image/webp";
            return null;
        }
    }
}
