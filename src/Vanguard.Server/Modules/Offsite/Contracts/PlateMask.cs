namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>
/// A plate as anonymised facts show it: the issuing province and authority, then the last two characters (豫A12345 → 豫A·***45), so an
/// evaluator can tell records apart without being able to identify the vehicle (个人信息保护法 art. 51: de-identification).
/// </summary>
public static class PlateMask
{
    public static string Of(string plate) => plate.Length < 5 ? new string('*', plate.Length) : plate[..2] + "·***" + plate[^2..];
}
