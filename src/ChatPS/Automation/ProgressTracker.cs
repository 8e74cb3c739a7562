using System;
using System.Diagnostics;
using System.Globalization;

namespace ChatPS.Automation
{
    /// <summary>The arithmetic behind Write-Progress for a run of known length.</summary>
    public sealed class ProgressTracker
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        /// <summary>Starts tracking <paramref name="total"/> items.</summary>
        public ProgressTracker(string activity, int total)
        {
            if (total < 0) throw new ArgumentOutOfRangeException(nameof(total));
            Activity = activity;
            Total = total;
        }

        /// <summary>What is being done, e.g. <c>Get-KookUser</c>.</summary>
        public string Activity { get; }

        /// <summary>Items in the run.</summary>
        public int Total { get; }

        /// <summary>Items finished.</summary>
        public int Completed { get; private set; }

        /// <summary>Worth showing: more than one item.</summary>
        public bool ShouldShow => Total > 1;

        /// <summary>Records one finished item.</summary>
        public void Advance() => Completed = Math.Min(Total, Completed + 1);

        /// <summary>0–100.</summary>
        public int PercentComplete => Total == 0 ? 100 : (int)(Completed * 100L / Total);

        /// <summary>Estimated seconds left from the average pace so far, or -1 when unknown.</summary>
        public int SecondsRemaining
        {
            get
            {
                if (Completed == 0 || Completed >= Total) return -1;
                double perItem = _watch.Elapsed.TotalSeconds / Completed;
                return (int)Math.Ceiling(perItem * (Total - Completed));
            }
        }

        /// <summary>E.g. <c>12 of 300: 1000000012</c>.</summary>
        public string Status(string? current) =>
            string.Format(CultureInfo.InvariantCulture, "{0} of {1}", Completed, Total) + (string.IsNullOrEmpty(current) ? string.Empty : ": " + current);
    }
}
