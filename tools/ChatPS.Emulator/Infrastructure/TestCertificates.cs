using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>
/// A test CA made at start and a server certificate it issues, for <c>--https</c>: real TLS that a client trusts only
/// when told to (on Linux, <c>SSL_CERT_FILE</c> naming <see cref="WriteCaPem"/>'s file), so tests need not skip a check.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    /// <summary>The names every generated server certificate covers; tests reach the emulator by <c>*.chatps.test</c> through a proxy.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = new[] { "localhost", "127.0.0.1", "::1", "chatps.test", "*.chatps.test" };

    private TestCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA's certificate (no private key is kept: it signed the server certificate and is not needed again).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, issued by <see cref="Authority"/>.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Makes a CA valid for 30 days and a server certificate for <see cref="DefaultNames"/> and <paramref name="extraNames"/>.</summary>
    public static TestCertificates Create(IEnumerable<string>? extraNames = null)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=ChatPS Emulator Test CA " + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture), caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ChatPS emulator", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in Names(extraNames))
        {
            if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
            else names.AddDnsName(name);
        }
        request.CertificateExtensions.Add(names.Build());
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, now.AddDays(-1), now.AddDays(29), serial);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // A round trip through PKCS#12 gives a certificate whose key every platform's TLS stack can use (Windows
        // refuses an ephemeral key).
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new TestCertificates(X509CertificateLoader.LoadCertificate(ca.RawData), server);
    }

    /// <summary>Loads a PFX for <c>--certificate</c>.</summary>
    /// <exception cref="ArgumentException">The file is missing, unreadable, not a PFX, its password is wrong, or it holds no private key.</exception>
    public static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"--certificate '{path}' cannot be used: {ex.Message}", ex);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException($"--certificate '{path}' holds no private key.");
        }
        return certificate;
    }

    /// <summary>Writes the CA certificate as PEM to <paramref name="path"/> (a new temporary file when null) and returns the path.</summary>
    public string WriteCaPem(string? path)
    {
        path ??= Path.Combine(Path.GetTempPath(), $"chatps-emulator-ca-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Authority.ExportCertificatePem() + "\n");
        return Path.GetFullPath(path);
    }

    private static IEnumerable<string> Names(IEnumerable<string>? extra)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in DefaultNames)
            if (seen.Add(name)) yield return name;
        if (extra is null) yield break;
        foreach (var name in extra)
            if (!string.IsNullOrWhiteSpace(name) && seen.Add(name.Trim())) yield return name.Trim();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
