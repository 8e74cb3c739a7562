using System;

namespace ChatPS.Automation
{
    /// <summary>The outcome of one item of a bulk run: its input and either its value or its error.</summary>
    public sealed class BulkResult<TIn, TOut>
    {
        internal BulkResult(TIn input, TOut value)
        {
            Input = input;
            Value = value;
        }

        internal BulkResult(TIn input, Exception error)
        {
            Input = input;
            Error = error;
        }

        /// <summary>The item as it was submitted.</summary>
        public TIn Input { get; }

        /// <summary>The result, when <see cref="Succeeded"/>.</summary>
        public TOut Value { get; } = default!;

        /// <summary>The failure, when not <see cref="Succeeded"/>.</summary>
        public Exception? Error { get; }

        /// <summary>True when the operation completed.</summary>
        public bool Succeeded => Error is null;
    }
}
