using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Common;

public static class ResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Result<T> result, HttpContext http) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(http);
}
