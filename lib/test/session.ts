/** The session Auth.js would have decoded from the cookie, set by tests. */
type TestSession = { uid: string; sv: number; sid?: string; sat?: number } | null;
let current: TestSession = null;

export function setTestSession(session: TestSession) {
  current = session;
}

export function currentTestSession(): TestSession {
  return current;
}
