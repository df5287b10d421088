using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Common.Models;

/// <summary>Recognises the database's answers that the use cases turn into contract errors.</summary>
internal static class DatabaseErrors
{
    private const string UniqueViolation = "23505";

    /// <summary>True when a unique index refused the save: the race-free way to detect a duplicate.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException { SqlState: UniqueViolation };
}
