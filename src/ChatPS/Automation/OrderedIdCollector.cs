using System;
using System.Collections.Generic;

namespace ChatPS.Automation
{
    /// <summary>
    /// Collects ids across a pipeline in the order they arrive (<c>Get-TomonGuild | Sort-Object Name |
    /// Set-TomonGuildOrder</c>), refusing repeats, so the order can be applied once at the end.
    /// </summary>
    public sealed class OrderedIdCollector
    {
        private readonly List<string> _ids = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Adds an id (trimmed and validated).</summary>
        /// <exception cref="ArgumentException">An invalid id, or one already collected.</exception>
        public void Add(string id)
        {
            string value = ChatIds.Validate(id, "Id");
            if (!_seen.Add(value)) throw new ArgumentException($"Guild '{value}' appears more than once in the order.", "Id");
            _ids.Add(value);
        }

        /// <summary>The ids in arrival order.</summary>
        public IReadOnlyList<string> Ids => _ids;

        /// <summary>Number collected.</summary>
        public int Count => _ids.Count;
    }
}
