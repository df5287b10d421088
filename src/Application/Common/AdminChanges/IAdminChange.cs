namespace ChatPlatform.Application.Common.AdminChanges;

/// <summary>
/// Marks a request that changes who may do what (roles, permissions, role membership, locks).
/// Such a request runs inside an <see cref="AdminChange"/>: one transaction under one lock, the
/// no-escalation rule, and revocations and catalogue reloads published only after commit.
/// </summary>
public interface IAdminChange;
