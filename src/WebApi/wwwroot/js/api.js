// HTTP to the ChatPlatform API: JSON in and out, every error turned into an ApiError that carries
// the Problem Details `error` code, so callers decide by code and show the text.

export class ApiError extends Error {
  constructor(status, problem, fallback) {
    const fields = problem?.errors ? Object.values(problem.errors).flat() : [];
    const text = [problem?.detail || problem?.title || fallback, ...fields].filter(Boolean).join(" ");
    super(text || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem?.error ?? null;
    this.fields = problem?.errors ?? {};
  }
}

/** One request. `token` adds the bearer header; the refresh cookie (Path=/api/auth) goes along by itself. */
export async function request(path, { method = "GET", body, token, signal } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    // fetch rejects only when no answer came back at all (offline, server down).
    throw new ApiError(0, null, `The server cannot be reached (${error.message}).`);
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data, response.statusText);
  return { status: response.status, data };
}
