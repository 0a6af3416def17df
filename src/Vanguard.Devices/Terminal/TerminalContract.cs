namespace Vanguard.Devices.Terminal;

// The officer's terminal API as docs/terminal.md defines it (/api/v1, bearer token, camelCase JSON, problem details
// with a code). Only the fields the simulator reads or writes are here; the rest of each answer is ignored.

internal sealed record TokenPair(string? TokenType, string AccessToken, int? ExpiresIn, string? RefreshToken);

internal sealed record MeAgency(string Code, string? Name, int? Level);

internal sealed record MeOfficer(string OfficerNo, string Name, string? CertificateNo, DateOnly? CertificateValidUntil);

internal sealed record MeView(string? Id, string Username, string? DisplayName, IReadOnlyList<string>? Roles, MeAgency? Agency, MeOfficer? Officer);

internal sealed record DutyState(bool OnDuty, DateTimeOffset? Since);

/// <summary>One fix as <c>POST /terminal/positions</c> takes it; <c>at</c> carries the China offset (+08:00).</summary>
internal sealed record PositionPoint(DateTimeOffset At, double Lat, double Lon, double? AccuracyM, double? SpeedKmh, double? HeadingDeg);

internal sealed record PositionBatch(IReadOnlyList<PositionPoint> Points);

/// <summary>The server's answer to a batch; <c>Rejected</c>: points it refused (index, field, code) while storing the rest.</summary>
internal sealed record PositionsAnswer(int Accepted, int Duplicates, IReadOnlyList<RejectedPointAnswer>? Rejected = null);

internal sealed record RejectedPointAnswer(int Index, string Field, string Code);

internal sealed record TaskView(
    Guid Id,
    string? Kind,
    string? Title,
    string? Place,
    double? Lat,
    double? Lon,
    string Status,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome);

internal sealed record ArriveBody(double? Lat, double? Lon);

internal sealed record FinishBody(string Outcome, string? Note);

/// <summary>The body of <c>POST /api/v1/officers</c> (an officer with a login account).</summary>
internal sealed record OfficerAccount(string Username, string Password, IReadOnlyList<string> Roles);

internal sealed record CreateOfficer(
    string AgencyCode, string OfficerNo, string Name, string? CertificateNo, DateOnly? CertificateValidUntil, string? Phone, OfficerAccount Account);

internal static class TerminalWire
{
    public const string TokenPath = "api/v1/auth/token";
    public const string RefreshPath = "api/v1/auth/refresh";
    public const string MePath = "api/v1/me";
    public const string DutyPath = "api/v1/terminal/duty";
    public const string PositionsPath = "api/v1/terminal/positions";
    public const string TasksPath = "api/v1/terminal/tasks";
    public const string OfficersPath = "api/v1/officers";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public const int MaxPointsPerBatch = 500;

    public static class Status
    {
        public const string Dispatched = "dispatched";
        public const string Accepted = "accepted";
        public const string Arrived = "arrived";
        public const string Finished = "finished";
        public const string Cancelled = "cancelled";
    }

    public static class Outcome
    {
        public const string Seized = "seized";
        public const string Warned = "warned";
        public const string NotFound = "not_found";
        public const string FalseHit = "false_hit";
    }

    public static class Problem
    {
        public const string OffDuty = "terminal.off_duty";
        public const string NotAnOfficer = "terminal.not_an_officer";
        public const string StepOutOfOrder = "terminal.task_step_out_of_order";
        public const string RefreshInvalid = "auth.refresh_invalid";
    }
}
