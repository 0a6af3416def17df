using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>The signature a receiver checks: <c>t=…,v1=hex(HMAC-SHA256(secret, "t.body"))</c>.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "8f14e45fceea167a5a36dedd4bea2543e3f1a3c7d5b2b6a1f0e9d8c7b6a59483";

    private const string Body = """{"type":"alert.raised","id":"0193","alert":{"plate":"豫A12345"}}""";

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_VerifiesWithItsSecret_AndNotWithAnotherSecretOrATamperedBody()
    {
        var header = WebhookSignature.Compute(Secret, Now.ToUnixTimeSeconds(), Body);

        header.ShouldStartWith($"t={Now.ToUnixTimeSeconds()},v1=");
        WebhookSignature.Verify(Secret, header, Body, Now).ShouldBeTrue();
        WebhookSignature.Verify(Secret.Replace('8', '9'), header, Body, Now).ShouldBeFalse();
        WebhookSignature.Verify(Secret, header, Body.Replace("豫A12345", "豫A12346"), Now).ShouldBeFalse();
    }

    [Fact]
    public void Signature_IsTheDocumentedHmac()
    {
        var t = Now.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes($"{t}.{Body}")));

        WebhookSignature.Compute(Secret, t, Body).ShouldBe($"t={t},v1={expected}");
    }

    [Fact]
    public void Signature_FromTooLongAgo_OrWithAMovedTimestamp_IsRefused()
    {
        var header = WebhookSignature.Compute(Secret, Now.ToUnixTimeSeconds(), Body);
        var moved = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 60}", StringComparison.Ordinal);

        WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(4)).ShouldBeTrue();
        WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6)).ShouldBeFalse();
        WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), TimeSpan.FromMinutes(10)).ShouldBeTrue();
        WebhookSignature.Verify(Secret, moved, Body, Now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=1764216000")]
    [InlineData("t=1764216000,v1=zz")]
    public void MalformedHeader_NeverVerifies(string? header) =>
        WebhookSignature.Verify(Secret, header, Body, DateTimeOffset.FromUnixTimeSeconds(1764216000)).ShouldBeFalse();
}
