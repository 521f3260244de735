/** Server-rendered pages of the sign-in flow: plain HTML forms, no script, no third-party assets. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}main{max-width:380px;margin:64px auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}' +
  'h1{font-size:1.3rem;margin:0 0 4px}p.brand{color:#555;margin:0 0 24px}label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:1rem}' +
  'button{margin-top:20px;padding:10px 16px;font-size:1rem;cursor:pointer}.error{color:#a00;background:#fee;padding:8px;border-radius:4px}ul{padding-left:20px}';

/** The page shell (no script: the CSP below forbids any). */
export function page(title: string, brand: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(brand)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p class="brand">${escapeHtml(brand)}</p>
${body}
</main></body>
</html>`;
}

/** Headers every page of the flow is sent with. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  // No form-action: after a sign-in the browser follows redirects to the client's redirect URI.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
} as const;

export function signInPage(input: { brand: string; action: string; clientName: string; email?: string; error?: string }): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return page(
    'Sign in',
    input.brand,
    `${error}<p>to continue to <strong>${escapeHtml(input.clientName)}</strong></p>
<form method="post" action="${escapeHtml(input.action)}" autocomplete="on">
<label for="email">E-mail</label><input id="email" name="email" type="email" required autofocus value="${escapeHtml(input.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

export function consentPage(input: { brand: string; action: string; abortAction: string; clientName: string; scopes: string[] }): string {
  const scopes = input.scopes.length ? `<ul>${input.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul>` : '';
  return page(
    'Allow access',
    input.brand,
    `<p><strong>${escapeHtml(input.clientName)}</strong> asks for access to your account${scopes ? ':' : '.'}</p>${scopes}
<form method="post" action="${escapeHtml(input.action)}"><button type="submit">Allow</button></form>
<form method="post" action="${escapeHtml(input.abortAction)}"><button type="submit">Deny</button></form>`,
  );
}

export function messagePage(title: string, brand: string, message: string): string {
  return page(title, brand, `<p>${escapeHtml(message)}</p>`);
}
