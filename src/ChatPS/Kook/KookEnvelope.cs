namespace ChatPS.Kook
{
    /// <summary>KOOK's reply wrapper, <c>{code, message, data}</c>, read in one pass on the success path.</summary>
    internal sealed class KookEnvelope<T> where T : class
    {
        /// <summary>0 for success; null when the reply has no code (then it is not an envelope).</summary>
        public long? Code { get; set; }

        /// <summary>The payload.</summary>
        public T? Data { get; set; }
    }
}
