namespace Vanguard.Server.Modules.Terminal.Contracts;

/// <summary>
/// Told when an officer moves a task a step (accepted, arrived, finished), inside the same unit of work: an
/// implementation that changes its own rows through the scoped <c>VanguardDbContext</c> is saved with the step, or not
/// at all. Modules that raise tasks (watch-list hits, complaints) register one to follow their tasks.
/// </summary>
public interface ITaskObserver
{
    /// <summary>Called for every step of every task; ignore the ones whose <see cref="TaskView.SourceType"/> is not yours.</summary>
    Task OnTaskStepAsync(TaskView task, CancellationToken ct);
}
