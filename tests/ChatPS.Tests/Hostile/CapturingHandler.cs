using System.Net.Http.Headers;

namespace ChatPS.Tests.Hostile;

/// <summary>Passes requests on and keeps the body of the last 2xx reply: a reader's valid reply, to mutate.</summary>
internal sealed class CapturingHandler : DelegatingHandler
{
    public CapturingHandler() : base(new HttpClientHandler()) { }

    public string? LastSuccessBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode) LastSuccessBody = System.Text.Encoding.UTF8.GetString(bytes);
        var copy = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;
        return response;
    }
}
