import { escapeHtml, page } from '../oidc/pages.ts';

/** Pages of the sign-in flow's second step, in the shell (and branding) of the sign-in page. */

function errorOf(error?: string): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

const hiddenToken = (token: string) => `<input type="hidden" name="mfa_token" value="${escapeHtml(token)}">`;

export function totpPage(input: { brand: string; action: string; clientName: string; mfaToken: string; error?: string }): string {
  return page(
    'Two-step verification',
    input.brand,
    `${errorOf(input.error)}<p>Enter the code from your authenticator app to continue to <strong>${escapeHtml(input.clientName)}</strong>, or one of your recovery codes.</p>
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">${hiddenToken(input.mfaToken)}
<label for="code">Code</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Verify</button>
</form>`,
  );
}

/** Four-character groups are easier to type from the screen. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function enrollPage(input: { brand: string; action: string; clientName: string; mfaToken: string; secret: string; otpauthUri: string; error?: string }): string {
  return page(
    'Set up two-step verification',
    input.brand,
    `${errorOf(input.error)}<p>Your account needs two-step verification to continue to <strong>${escapeHtml(input.clientName)}</strong>.</p>
<p>Add this key to your authenticator app (time-based, 6 digits, 30 seconds):</p>
<p><code>${escapeHtml(grouped(input.secret))}</code></p>
<p>or open this link on the device with the app: <a href="${escapeHtml(input.otpauthUri)}">add to authenticator</a></p>
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">${hiddenToken(input.mfaToken)}
<label for="code">Code from the app</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Turn on</button>
</form>`,
  );
}

export function recoveryCodesPage(input: { brand: string; action: string; mfaToken: string; codes: string[] }): string {
  return page(
    'Save your recovery codes',
    input.brand,
    `<p>Two-step verification is on. Each of these codes signs you in once if you lose your authenticator. Keep them somewhere safe: they are not shown again.</p>
<ul>${input.codes.map((code) => `<li><code>${escapeHtml(code)}</code></li>`).join('')}</ul>
<form method="post" action="${escapeHtml(input.action)}">${hiddenToken(input.mfaToken)}<button type="submit">Continue</button></form>`,
  );
}
