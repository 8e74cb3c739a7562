using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Automation
{
    /// <summary>
    /// Answers requests in process from a fixed set of replies, with the headers the live services send (JSON content,
    /// KOOK's rate-limit headers), so that reading them takes the same path as a real reply. Used by
    /// <see cref="FirstCallWarmUp"/>: nothing reaches the network. A path it does not know gets a 404.
    /// </summary>
    internal sealed class CannedReplyHandler : HttpMessageHandler
    {
        private readonly IReadOnlyDictionary<string, string> _replies;

        /// <param name="replies">Reply bodies by request path (<see cref="Uri.AbsolutePath"/>).</param>
        public CannedReplyHandler(IReadOnlyDictionary<string, string> replies) => _replies = replies;

        /// <summary>How many requests it answered with a known reply.</summary>
        public int Answered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A real reply arrives later, on another thread: every await above this one then suspends and resumes, and
            // those paths (one set per async method and awaiter) are compiled only when taken.
            await Task.Yield();
            string path = request.RequestUri?.AbsolutePath ?? string.Empty;
            bool known = _replies.TryGetValue(path, out var body);
            if (known) Answered++;
            var response = new HttpResponseMessage(known ? HttpStatusCode.OK : HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Limit", "240");
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", "239");
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", "1");
            response.Headers.TryAddWithoutValidation("X-Rate-Limit-Bucket", path);
            return response;
        }
    }
}
