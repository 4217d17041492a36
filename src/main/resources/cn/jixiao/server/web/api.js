// The service's HTTP API as the page uses it: /api/validate and /api/render, with the access token where the
// server asks for one (a 401 answer): the page asks the user once, keeps the token for the tab's life
// (sessionStorage) and sends it as "Authorization: Bearer …".

import { parseExact } from './exact-json.js';

const TOKEN_KEY = 'jixiao.token';

/** A request the server refused or could not answer; the message is for the user, as the server wrote it. */
class ApiError extends Error {}

let promptForToken = async () => null;
let pendingPrompt = null;

/** Sets how the page asks for a token: (wrongBefore: boolean) → Promise<string|null>. */
export function setTokenPrompt(prompt) {
  promptForToken = prompt;
}

/** One prompt at a time, however many requests were refused together. */
function askToken(wrongBefore) {
  pendingPrompt ??= promptForToken(wrongBefore).finally(() => {
    pendingPrompt = null;
  });
  return pendingPrompt;
}

/** Asks for the token at once when the server needs one and this tab has none yet (GET /api/config needs none). */
export async function askTokenIfNeeded() {
  let config;
  try {
    config = await (await fetch('/api/config')).json();
  } catch {
    return; // the first check says what is wrong
  }
  if (config.tokenRequired && !sessionStorage.getItem(TOKEN_KEY)) {
    const entered = await askToken(false);
    if (entered) {
      sessionStorage.setItem(TOKEN_KEY, entered);
    }
  }
}

/** fetch with the token; on 401 asks for one and tries again until the user cancels. */
async function send(url, init) {
  for (;;) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = { ...init.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    let response;
    try {
      response = await fetch(url, { ...init, headers });
    } catch {
      throw new ApiError('无法连接服务（jixiao serve 是否在运行？）');
    }
    if (response.status !== 401) {
      return response;
    }
    const entered = await askToken(Boolean(token));
    if (!entered) {
      throw new ApiError('服务需要访问口令，未输入口令无法检查和生成。');
    }
    sessionStorage.setItem(TOKEN_KEY, entered);
  }
}

/** The readable text of an error answer: the server's JSON message, else its text, else the status. */
async function errorOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    const message = body.message ?? body.error ?? body.detail ?? body.title;
    if (typeof message === 'string' && message) {
      return new ApiError(message);
    }
  } catch {
    // not JSON: the text itself is the message
  }
  return new ApiError(text.trim() || `服务返回 ${response.status}`);
}

const JSON_BODY = { method: 'POST', headers: { 'Content-Type': 'application/json' } };

/**
 * Imports a Word or Excel file (a File) on the server → [{index, projectName, evaluation (numbers as Decimals, or null
 * when the form has errors), cells: {path: 'sheet "项目1" G6 (执行率)'}, warnings, errors}].
 */
export async function importForms(file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await send('/api/import', { method: 'POST', body });
  if (!response.ok) {
    throw await errorOf(response);
  }
  // The evaluation's numbers keep their digits (180.97212, 87.00), as from a JSON file.
  return parseExact(await response.text()).projects;
}

/** Checks JSON text (one evaluation or an array) → [{index, projectName, warnings, errors}]. */
export async function validate(jsonText) {
  const response = await send('/api/validate', { ...JSON_BODY, body: jsonText });
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()).projects;
}

/**
 * Renders JSON text (one evaluation → the document; an array → a ZIP of the batch) in the formats given
 * ("pdf", "docx", "pdf,docx") → {blob, fileName}, or {projects} with the diagnostics when the project has errors.
 */
export async function render(jsonText, format) {
  const response = await send(`/api/render?format=${encodeURIComponent(format)}`, { ...JSON_BODY, body: jsonText });
  if (response.status === 422) {
    return { projects: (await response.json()).projects };
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** The file name of a Content-Disposition header, the RFC 5987 form (UTF-8, for Chinese names) first. */
function fileNameOf(disposition) {
  if (!disposition) {
    return null;
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a broken encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
