using System.Text.Json;
using ChatPlatform.Infrastructure.Tokens;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Audit;

/// <summary>
/// The audit log: each security event written once per action, with the right actor and subject
/// and nothing secret, read newest first with keyset paging.
/// </summary>
public sealed class AuditTests : ApiTest
{
    private const string WrongPassword = "Wr0ngPassw0rd!";
    private TokenPair _root = null!;

    [SetUp]
    public async Task CreateAuditorAsync() => _root = await Api.RegisterAdminAsync("root");

    [Test]
    public async Task Logins_record_success_and_failure_with_the_reason_and_never_the_typed_secrets()
    {
        await Api.RegisterAsync("alice");

        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = WrongPassword })).ShouldBeProblem(401, "invalid_credentials");
        await (await Api.PostAsync("/api/auth/login", new { username = "ghost-Secret9", password = WrongPassword })).ShouldBeProblem(401, "invalid_credentials");
        var alice = await Api.LoginAsync("alice");

        var failed = await OfTypeAsync("login_failed");
        Assert.That(failed, Has.Count.EqualTo(2));
        AssertEvent(failed[0], "login_failed", actor: null, subject: null);
        Assert.That(failed[0].GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("unknown_user"));
        AssertEvent(failed[1], "login_failed", actor: null, subject: "alice");
        Assert.That(failed[1].GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("wrong_password"));

        var succeeded = (await OfTypeAsync("login_succeeded")).Where(e => e.GetProperty("subject").GetString() == "alice").ToList();
        Assert.That(succeeded, Has.Count.EqualTo(1));
        AssertEvent(succeeded[0], "login_succeeded", actor: "alice", subject: "alice");
        Assert.That(succeeded[0].GetProperty("ipAddress").GetString(), Is.EqualTo("127.0.0.1"));
        Assert.That(succeeded[0].GetProperty("details").GetProperty("sessionId").GetString(), Is.EqualTo(Sid(alice)));
        await AssertNothingSecretAsync(WrongPassword, Api.Password, "ghost-Secret9", alice.AccessToken, alice.RefreshToken);
    }

    [Test]
    public async Task The_failure_that_locks_an_account_out_is_recorded_once()
    {
        await Api.RegisterAsync("alice");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = WrongPassword })).ShouldBeProblem(401, "invalid_credentials");
        }

        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(429, "account_locked");

        var lockouts = await OfTypeAsync("account_locked_out");
        Assert.That(lockouts, Has.Count.EqualTo(1));
        AssertEvent(lockouts[0], "account_locked_out", actor: null, subject: "alice");
        var failures = await OfTypeAsync("login_failed");
        Assert.That(failures, Has.Count.EqualTo(6));
        Assert.That(failures[0].GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("locked_out"));
        await AssertNothingSecretAsync(WrongPassword, Api.Password);
    }

    [Test]
    public async Task Logout_logout_all_session_revocation_and_refresh_reuse_are_recorded_against_their_owner()
    {
        await Api.RegisterAsync("alice");
        var first = await Api.LoginAsync("alice");
        var second = await Api.LoginAsync("alice");
        var third = await Api.LoginAsync("alice");
        var fourth = await Api.LoginAsync("alice");

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = first.RefreshToken }, first.AccessToken)).ShouldHaveStatus(204);
        await (await Api.DeleteAsync($"/api/users/me/sessions/{Sid(second)}", third.AccessToken)).ShouldHaveStatus(204);
        await Api.RefreshAsync(third.RefreshToken);
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = third.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/logout-all", null, fourth.AccessToken)).ShouldHaveStatus(204);

        var logout = await OfTypeAsync("logout");
        var revoked = await OfTypeAsync("session_revoked");
        var reuse = await OfTypeAsync("refresh_reuse_detected");
        var all = await OfTypeAsync("logout_all");
        Assert.That(new[] { logout.Count, revoked.Count, reuse.Count, all.Count }, Is.EqualTo(new[] { 1, 1, 1, 1 }));
        AssertEvent(logout[0], "logout", actor: "alice", subject: "alice");
        Assert.That(logout[0].GetProperty("details").GetProperty("sessionId").GetString(), Is.EqualTo(Sid(first)));
        AssertEvent(revoked[0], "session_revoked", actor: "alice", subject: "alice");
        Assert.That(revoked[0].GetProperty("details").GetProperty("sessionId").GetString(), Is.EqualTo(Sid(second)));
        AssertEvent(reuse[0], "refresh_reuse_detected", actor: null, subject: "alice");
        Assert.That(reuse[0].GetProperty("details").GetProperty("sessionId").GetString(), Is.EqualTo(Sid(third)));
        AssertEvent(all[0], "logout_all", actor: "alice", subject: "alice");
        await AssertNothingSecretAsync(first.RefreshToken, first.AccessToken, third.RefreshToken, fourth.AccessToken);
    }

    [Test]
    public async Task Account_changes_are_recorded_without_passwords_or_codes()
    {
        const string NewPassword = "N3wHorseBattery!";
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = NewPassword }, alice.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PutAsync("/api/users/me", new { email = "alice@new.example", currentPassword = NewPassword }, alice.AccessToken)).ShouldHaveStatus(200);
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = NewPassword }, alice.AccessToken)).ShouldHaveStatus(202);
        var enableCode = await Mailbox.TakeCodeAsync("alice@new.example");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = enableCode }, alice.AccessToken)).ShouldHaveStatus(204);
        var challenge = await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = NewPassword })).ShouldHaveStatus(202);
        var loginCode = await Mailbox.TakeCodeAsync("alice@new.example");
        var wrongCode = loginCode == "000000" ? "111111" : "000000";
        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge.GetProperty("challengeToken").GetString(), code = wrongCode }))
            .ShouldBeProblem(401, "invalid_code");
        await (await Api.PostAsync("/api/users/me/2fa/disable", new { password = NewPassword }, alice.AccessToken)).ShouldHaveStatus(204);

        foreach (var type in new[] { "password_changed", "email_changed", "two_factor_enabled", "two_factor_disabled" })
        {
            var events = await OfTypeAsync(type);
            Assert.That(events, Has.Count.EqualTo(1), type);
            AssertEvent(events[0], type, actor: "alice", subject: "alice");
        }

        var email = (await OfTypeAsync("email_changed"))[0].GetProperty("details");
        Assert.That(email.GetProperty("to").GetString(), Is.EqualTo("alice@new.example"));
        var codeFailure = (await OfTypeAsync("login_failed")).Single();
        AssertEvent(codeFailure, "login_failed", actor: null, subject: "alice");
        Assert.That(codeFailure.GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("wrong_two_factor_code"));
        await AssertNothingSecretAsync(
            NewPassword, Api.Password, enableCode, loginCode, wrongCode, challenge.GetProperty("challengeToken").GetString()!, alice.AccessToken);
    }

    [Test]
    public async Task Password_reset_and_email_confirmation_are_recorded_once_without_the_codes()
    {
        const string NewPassword = "N3wHorseBattery!";
        var alice = await Api.RegisterAsync("alice");
        var confirmCode = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);
        await (await Api.PostAsync("/api/auth/email/confirm", new { userId = alice.GetProperty("id").GetString(), code = confirmCode })).ShouldHaveStatus(204);
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var resetCode = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        await (await Api.PostAsync("/api/auth/password/reset", new { email = "alice@example.com", code = resetCode, newPassword = NewPassword }))
            .ShouldHaveStatus(204);
        await (await Api.PostAsync("/api/auth/password/reset", new { email = "alice@example.com", code = resetCode, newPassword = NewPassword }))
            .ShouldBeProblem(400, "invalid_code");

        foreach (var type in new[] { "email_confirmed", "password_reset" })
        {
            var events = await OfTypeAsync(type);
            Assert.That(events, Has.Count.EqualTo(1), type);
            AssertEvent(events[0], type, actor: "alice", subject: "alice");
        }

        await AssertNothingSecretAsync(NewPassword, Api.Password, confirmCode, resetCode);
    }

    [Test]
    public async Task Admin_changes_to_a_user_are_recorded_with_the_admin_as_actor_and_the_user_as_subject()
    {
        await Api.RegisterAsync("alice");
        var aliceId = await Admins.UserIdAsync("alice");

        await (await Api.PutAsync($"/api/users/{aliceId}/roles", new { roles = new[] { "user", "admin" } }, _root.AccessToken)).ShouldHaveStatus(200);
        await (await Api.PutAsync($"/api/users/{aliceId}/roles", new { roles = new[] { "user" } }, _root.AccessToken)).ShouldHaveStatus(200);
        await (await Api.PostAsync($"/api/users/{aliceId}/lock", null, _root.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync($"/api/users/{aliceId}/unlock", null, _root.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync($"/api/users/{aliceId}/logout", null, _root.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync($"/api/users/{aliceId}/2fa/reset", null, _root.AccessToken)).ShouldHaveStatus(204);

        var roles = await OfTypeAsync("roles_changed");
        Assert.That(roles, Has.Count.EqualTo(2));
        Assert.That(roles[0].GetProperty("details").GetProperty("roles").GetString(), Is.EqualTo("user"));
        Assert.That(roles[1].GetProperty("details").GetProperty("roles").GetString(), Is.EqualTo("admin,user"));
        foreach (var type in new[] { "roles_changed", "user_locked", "user_unlocked", "user_logged_out", "two_factor_reset" })
        {
            var events = await OfTypeAsync(type);
            Assert.That(events, Has.Count.EqualTo(type == "roles_changed" ? 2 : 1), type);
            AssertEvent(events[0], type, actor: "root", subject: "alice");
        }
    }

    [Test]
    public async Task Role_and_permission_changes_are_recorded_with_the_admin_as_actor_and_no_subject()
    {
        await (await Api.PostAsync("/api/permissions", new { code = "reports.view", description = "Reports." }, _root.AccessToken)).ShouldHaveStatus(201);
        await (await Api.PostAsync("/api/roles", new { name = "auditor", permissions = new[] { "audit.read" } }, _root.AccessToken)).ShouldHaveStatus(201);
        await (await Api.PutAsync("/api/roles/auditor", new { permissions = new[] { "audit.read", "reports.view" } }, _root.AccessToken)).ShouldHaveStatus(200);
        await (await Api.DeleteAsync("/api/roles/auditor", _root.AccessToken)).ShouldHaveStatus(204);
        await (await Api.DeleteAsync("/api/permissions/reports.view", _root.AccessToken)).ShouldHaveStatus(204);

        foreach (var type in new[] { "permission_created", "role_created", "role_updated", "role_deleted", "permission_deleted" })
        {
            var events = await OfTypeAsync(type);
            Assert.That(events, Has.Count.EqualTo(1), type);
            AssertEvent(events[0], type, actor: "root", subject: null);
        }

        var updated = (await OfTypeAsync("role_updated"))[0].GetProperty("details");
        Assert.That(updated.GetProperty("role").GetString(), Is.EqualTo("auditor"));
        Assert.That(updated.GetProperty("permissions").GetString(), Is.EqualTo("audit.read,reports.view"));
        Assert.That((await OfTypeAsync("permission_deleted"))[0].GetProperty("details").GetProperty("permission").GetString(), Is.EqualTo("reports.view"));
    }

    [Test]
    public async Task A_refused_change_records_nothing()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var before = await CountAsync();

        await (await Api.PutAsync("/api/users/me/password", new { currentPassword = WrongPassword, newPassword = "N3wHorseBattery!" }, alice.AccessToken))
            .ShouldBeProblem(401, "invalid_credentials");
        await (await Api.PutAsync($"/api/users/{await Admins.UserIdAsync("root")}/roles", new { roles = new[] { "user", "nope" } }, _root.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Events_page_newest_first_with_next_before_until_none_is_left()
    {
        await Api.RegisterAsync("alice");
        for (var i = 0; i < 4; i++)
        {
            await Api.LoginAsync("alice");
        }

        var seen = new List<JsonElement>();
        string? before = null;
        do
        {
            var page = await (await Api.GetAsync($"/api/audit?limit=2{(before is null ? "" : $"&before={before}")}", _root.AccessToken)).ShouldHaveStatus(200);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.That(items, Has.Count.LessThanOrEqualTo(2));
            seen.AddRange(items);
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetString();
        }
        while (before is not null);

        var all = await (await Api.GetAsync("/api/audit?limit=100", _root.AccessToken)).ShouldHaveStatus(200);
        Assert.That(all.GetProperty("nextBefore").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var ids = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Has.Count.EqualTo(5), "the root's login and alice's four");
        Assert.That(seen.Select(e => e.GetProperty("id").GetString()), Is.EqualTo(ids), "pages join up, newest first, nothing missing or doubled");
        var times = seen.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.That(times, Is.Ordered.Descending);
    }

    [Test]
    public async Task Events_filter_by_user_as_actor_or_subject_and_by_type()
    {
        await Api.RegisterAsync("alice");
        await Api.LoginAsync("alice");
        await (await Api.PostAsync($"/api/users/{await Admins.UserIdAsync("alice")}/lock", null, _root.AccessToken)).ShouldHaveStatus(204);
        await Api.RegisterAsync("bob");
        await Api.LoginAsync("bob");

        var alice = await ItemsAsync($"/api/audit?userId={await Admins.UserIdAsync("alice")}");
        var root = await ItemsAsync($"/api/audit?userId={await Admins.UserIdAsync("root")}");
        var locks = await ItemsAsync("/api/audit?type=user_locked");
        var rootLogins = await ItemsAsync($"/api/audit?userId={await Admins.UserIdAsync("root")}&type=login_succeeded");

        Assert.That(alice.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "user_locked", "login_succeeded" }));
        Assert.That(root.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "user_locked", "login_succeeded" }));
        Assert.That(locks, Has.Count.EqualTo(1));
        Assert.That(rootLogins.Select(e => e.GetProperty("subject").GetString()), Is.EqualTo(new[] { "root" }));
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("limit=ten", "limit")]
    [TestCase("type=login_happened", "type")]
    [TestCase("userId=not-a-guid", "userId")]
    [TestCase("before=0193a0e0-0000-7000-8000-000000000001", "before")]
    public async Task Bad_query_values_are_400_naming_the_field(string query, string field)
    {
        var problem = await (await Api.GetAsync($"/api/audit?{query}", _root.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Limit_accepts_one_to_a_hundred()
    {
        var one = await ItemsAsync("/api/audit?limit=1");
        var hundred = await ItemsAsync("/api/audit?limit=100");

        Assert.That(one, Has.Count.EqualTo(1));
        Assert.That(hundred, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_audit_log_needs_an_access_token()
    {
        await (await Api.GetAsync("/api/audit")).ShouldBeProblem(401, "token_missing");
    }

    [Test]
    public async Task Events_older_than_the_retention_are_purged_with_the_other_expired_rows()
    {
        await Api.RegisterAsync("alice");
        Clock.Advance(TimeSpan.FromDays(200));
        await Api.LoginAsync("alice");
        Clock.Advance(TimeSpan.FromDays(200));

        await Factory.Services.GetRequiredService<RevocationMaintenance>().PurgeAsync(CancellationToken.None);

        Assert.That(await CountAsync(), Is.EqualTo(1), "the root's login, 400 days old, is gone; alice's, 200 days old, stays");
        Assert.That(
            await Database.ScalarAsync<string>("""SELECT "SubjectName" FROM audit_events"""),
            Is.EqualTo("alice"));
    }

    private static string Sid(TokenPair pair) => JwtClaims.Payload(pair.AccessToken).GetProperty("sid").GetString()!;

    private static void AssertEvent(JsonElement e, string type, string? actor, string? subject)
    {
        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("type").GetString(), Is.EqualTo(type));
            Assert.That(e.GetProperty("actor").GetString(), Is.EqualTo(actor), $"{type} actor");
            Assert.That(e.GetProperty("subject").GetString(), Is.EqualTo(subject), $"{type} subject");
            Assert.That(e.GetProperty("details").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    /// <summary>None of the strings appears anywhere in the stored events (every column, the details included).</summary>
    private static async Task AssertNothingSecretAsync(params string[] secrets)
    {
        var stored = await Database.ScalarAsync<string>("""SELECT coalesce(string_agg(row_to_json(a)::text, E'\n'), '') FROM audit_events a""");
        Assert.That(stored, Is.Not.Empty);
        foreach (var secret in secrets)
        {
            Assert.That(stored, Does.Not.Contain(secret));
        }
    }

    private static Task<long> CountAsync() => Database.ScalarAsync<long>("SELECT count(*) FROM audit_events");

    private async Task<List<JsonElement>> OfTypeAsync(string type) => await ItemsAsync($"/api/audit?type={type}&limit=100");

    private async Task<List<JsonElement>> ItemsAsync(string path) =>
        (await (await Api.GetAsync(path, _root.AccessToken)).ShouldHaveStatus(200)).GetProperty("items").EnumerateArray().ToList();
}
