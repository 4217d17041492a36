// The draft: every project on the page, kept in localStorage after each edit so that closing the tab (or the
// browser) loses nothing. Numbers are stored with their digits (exact-json).

import { parseExact, stringifyExact } from './exact-json.js';

const DRAFT_KEY = 'jixiao.draft';

/** Stores the projects ([{source, data, cells}]) and the one being edited; false if the browser refused (storage full). */
export function saveDraft(projects, current) {
  const draft = {
    savedAt: new Date().toISOString(),
    current,
    projects: projects.map((p) => ({ source: p.source, json: stringifyExact(p.data, 0), cells: p.cells ?? null })),
  };
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The stored draft as {savedAt: Date, current, projects: [{source, data}]}, or null if there is none (or it is unreadable). */
export function loadDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY));
    if (!draft || !Array.isArray(draft.projects) || draft.projects.length === 0) {
      return null;
    }
    return {
      savedAt: new Date(draft.savedAt),
      current: draft.current,
      projects: draft.projects.map((p) => ({ source: p.source, data: parseExact(p.json), cells: p.cells ?? null })),
    };
  } catch {
    return null;
  }
}

export function discardDraft() {
  localStorage.removeItem(DRAFT_KEY);
}
