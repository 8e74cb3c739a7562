using System.Net;
using System.Net.Http.Headers;

namespace ChatPS.Tests.Hostile;

/// <summary>
/// Answers every request in process with one <see cref="HostileReply"/> (through the pipeline's internal transport
/// seam, <c>ConnectionOptions.Transport</c>): the whole read path runs, without Kestrel, thousands of times a second.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly HostileReply _reply;

    public ScriptedHandler(HostileReply reply) => _reply = reply;

    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var content = new ByteArrayContent(_reply.Body);
        if (MediaTypeHeaderValue.TryParse(_reply.ContentType, out var type)) content.Headers.ContentType = type;
        var response = new HttpResponseMessage((HttpStatusCode)_reply.Status) { RequestMessage = request, Content = content };
        foreach (var (name, value) in _reply.Headers ?? new Dictionary<string, string>())
            if (!response.Headers.TryAddWithoutValidation(name, value)) content.Headers.TryAddWithoutValidation(name, value);
        return Task.FromResult(response);
    }
}
