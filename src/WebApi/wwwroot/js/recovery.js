// Account recovery on the sign-in screen: "Forgot password?" (ask for a code, then enter it with a
// new password) and confirming an email address with its emailed code. The forms live in the
// sign-in view; this module shows them and talks to the API, and hands back to the sign-in form.

import { request } from "./api.js";

const $ = (id) => document.getElementById(id);
const FORMS = ["forgot", "reset", "confirm"];
const TITLES = { forgot: "Forgot password", reset: "Set a new password", confirm: "Confirm your email" };

let backToSignIn = () => {};

function say(text) {
  $("auth-message").textContent = text;
}

function fail(error) {
  $("auth-error").textContent = error ? error.message || String(error) : "";
}

async function run(work) {
  fail(null);
  try {
    await work();
  } catch (error) {
    fail(error);
  }
}

/** Shows one recovery form in place of the sign-in forms. */
export function show(form, message = "") {
  for (const name of ["login", "twofactor", "register"]) $(`${name}-form`).hidden = true;
  for (const name of FORMS) $(`${name}-form`).hidden = name !== form;
  $("show-register").hidden = true;
  $("show-login").hidden = true;
  $("recovery-links").hidden = true;
  $("recovery-back").hidden = false;
  $("auth-title").textContent = TITLES[form];
  say(message);
  fail(null);
  $(`${form === "confirm" ? "confirm-code" : `${form}-email`}`).focus();
}

/** Hides the recovery forms (the sign-in view shows one of its own). */
export function hide() {
  for (const name of FORMS) $(`${name}-form`).hidden = true;
  $("recovery-back").hidden = true;
  $("recovery-links").hidden = false;
}

/** After registration: the account whose address a code was just sent to. */
export function rememberAccount(userId) {
  $("confirm-user").value = userId;
}

/**
 * Sign-in refused because the address is not confirmed yet (`Identity__RequireConfirmedEmail`):
 * offers the confirmation form. Returns true when it took the error over.
 */
export function handleSignInError(error) {
  if (error?.code !== "email_unconfirmed") return false;
  show("confirm", "Confirm your email address first: enter the code we emailed you, then sign in.");
  return true;
}

export function init({ signIn }) {
  backToSignIn = signIn;

  $("show-forgot").addEventListener("click", () => show("forgot"));
  $("show-confirm").addEventListener("click", () => show("confirm"));
  $("recovery-back").addEventListener("click", () => { fail(null); backToSignIn(""); });
  $("have-reset-code").addEventListener("click", () => {
    $("reset-email").value = $("forgot-email").value;
    show("reset");
  });

  $("forgot-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      const email = $("forgot-email").value;
      await request("/api/auth/password/forgot", { method: "POST", body: { email } });
      $("reset-email").value = email;
      show("reset", `If an account has ${email}, a code is on its way there. Enter it with your new password.`);
    });
  });

  $("reset-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      try {
        await request("/api/auth/password/reset", {
          method: "POST",
          body: { email: $("reset-email").value, code: $("reset-code").value.trim(), newPassword: $("reset-password").value },
        });
      } finally {
        $("reset-password").value = "";
      }
      $("reset-code").value = "";
      backToSignIn("Your password is set, and every device was signed out. Sign in with the new password.");
    });
  });

  $("confirm-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      await request("/api/auth/email/confirm", {
        method: "POST",
        body: { userId: $("confirm-user").value.trim(), code: $("confirm-code").value.trim() },
      });
      $("confirm-code").value = "";
      backToSignIn("Your email address is confirmed. You can sign in.");
    });
  });
}
